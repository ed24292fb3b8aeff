//! Integration tests: the real Concord on port 0 against a fresh SQLite file, driven through
//! HTTP and the `concord` binary. One test binary, one module per area.

mod api_admin;
mod api_bulk;
mod api_ledger;
mod bench;
mod campaigns;
mod cli;
mod helpers;
mod import;
mod ledger;
mod preview;
mod sign_in;
mod tokens;
mod synth;
