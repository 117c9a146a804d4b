//! factdrill: turn a news article into a comprehension quiz and flashcards.

use std::process::ExitCode;

fn main() -> ExitCode {
    factdrill::error::report(factdrill::app::run(std::env::args_os()))
}
