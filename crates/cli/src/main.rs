//! factdrill: turn a news article into a comprehension quiz and flashcards.

use std::process::ExitCode;

mod app;
mod commands;
mod content;
mod error;
mod input;
mod output;

fn main() -> ExitCode {
    error::report(app::run(std::env::args_os()))
}
