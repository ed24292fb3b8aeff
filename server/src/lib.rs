//! Concord's server: command line, start-up, HTTP routes and the jobs around the web app.
//! The binary (`concord`) is a thin `main` over this library so that tests start the real app.

// Unerased debug builds render deep view types (the islands' among them).
#![recursion_limit = "256"]

pub mod api;
pub mod assets;
pub mod cli;
pub mod commands;
pub mod demo;
pub mod hooks;
pub mod jobs;
pub mod public_url;
pub mod routes;
pub mod sessions;
pub mod startup;
pub mod synth;
