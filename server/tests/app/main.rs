//! Integration tests: the real Concord on port 0 against a fresh SQLite file, driven through
//! HTTP and the `concord` binary. One test binary, one module per area.

mod api_admin;
mod api_ledger;
mod cli;
mod helpers;
mod ledger;
mod sign_in;
