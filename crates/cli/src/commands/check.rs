//! `factdrill check`: validates a deck file without running it.

use std::io::Write;
use std::process::ExitCode;

use factdrill_core::deck::Deck;

use crate::app::CheckArgs;
use crate::error::input;

/// Reads and validates the deck at `path`, or the deck shipped with the
/// program under that name when no such file exists.
pub fn load(path: &std::path::Path) -> anyhow::Result<Deck> {
    if !path.exists()
        && let Some((name, text)) = crate::content::DECKS
            .iter()
            .find(|(n, _)| path.as_os_str() == *n)
    {
        return Deck::parse(text, name).map_err(|e| input(e.to_string()));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        input(format!(
            "{}: cannot read: {}",
            path.display(),
            crate::input::io_reason(&e)
        ))
    })?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        input(format!(
            "{}: is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.valid_up_to()
        ))
    })?;
    let name = path.display().to_string();
    Deck::parse(text, &name).map_err(|e| input(e.to_string()))
}

/// Runs `factdrill check`.
pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let deck = load(&args.deck)?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}: ok, {} questions ({})",
        args.deck.display(),
        deck.questions.len(),
        crate::output::clean(&deck.title)
    )?;
    Ok(ExitCode::SUCCESS)
}
