//! factdrill: turn a news article into a comprehension quiz and flashcards.
//!
//! The command line's library: `main` only calls [`app::run`] and
//! [`error::report`]. Modules follow the pipeline's edges: [`app`] (clap) →
//! [`commands`] → [`session`] (the quiz loop, asking through [`prompt`] or
//! [`script`]) → [`store`] (SQLite) → [`stats`].

// This library exists for the binary, its tests and benchmarks: marking
// every getter `#[must_use]` would add noise, not safety.
#![allow(clippy::must_use_candidate)]

pub mod app;
pub mod class;
pub mod clock;
pub mod commands;
pub mod content;
pub mod error;
pub mod html;
pub mod input;
pub mod interrupt;
pub mod learner;
pub mod output;
pub mod prompt;
pub mod results;
pub mod script;
pub mod session;
pub mod source;
pub mod stats;
pub mod store;
