//! The leads board and the review queue: their store reads, the claim request flow and the
//! server functions' refusals over HTTP.

mod alerts;
mod board;
mod http;
mod requests;
mod trail;
