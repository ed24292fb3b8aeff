//! Background jobs that run beside the web server.

pub mod lapse_claims;
