//! Integration tests: the real Concord on port 0 against a fresh SQLite file, driven through
//! HTTP and the `concord` binary. One test binary, one module per area.

mod admin_pages;
mod api_admin;
mod api_bulk;
mod api_ledger;
mod api_past;
mod authz;
mod bench;
mod blackouts;
mod calendar;
mod campaign_list;
mod campaigns;
mod cli;
mod compliance;
mod consent_topics;
mod contacts_ui;
mod db_copy;
mod failure_stories;
mod feeds;
mod helpers;
mod hooks;
mod import;
mod leads;
mod lease;
mod ledger;
mod logs;
mod multi_node;
mod pack_edits;
mod people;
mod preview;
mod rules_api;
mod sign_in;
mod suppression;
mod synth;
mod tokens;
mod web_edge;
