//! factdrill: turn a news article into a comprehension quiz and flashcards.

use std::process::ExitCode;

// mimalloc keeps the memory it gets from the system and takes it in large
// pages: finding a big article's facts allocates many small records, and
// with the system allocator a fifth of that time went to page faults.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    factdrill::error::report(factdrill::app::run(std::env::args_os()))
}
