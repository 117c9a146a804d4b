//! Source: what a quiz (or review, or export) is about: an article file (plain
//! text, Markdown or a saved web page), `-` for an article on standard input,
//! a deck file, the name of a deck shipped in `content/`, or, with none, the
//! built-in seed deck.

use std::path::Path;

use factdrill_core::deck::Deck;

use crate::content::DECKS;
use crate::error::input;

/// Seed used when a quiz is made straight from an article, so its question
/// ids and options are the ones `factdrill generate` writes by default.
const ARTICLE_SEED: u64 = 1;

/// Loads the deck a command works on.
pub fn load(source: Option<&Path>, max_bytes: u64) -> anyhow::Result<Deck> {
    let Some(path) = source else {
        let (name, text) = DECKS[0];
        return Deck::parse(text, name).map_err(|e| input(e.to_string()));
    };
    let stdin = crate::input::is_stdin(path);
    if !stdin && !path.exists() {
        if let Some((name, text)) = DECKS.iter().find(|(n, _)| path.as_os_str() == *n) {
            return Deck::parse(text, name).map_err(|e| input(e.to_string()));
        }
        let known: Vec<&str> = DECKS.iter().map(|(n, _)| *n).collect();
        return Err(input(format!(
            "{}: no such file or folder, and no deck of that name ships with factdrill ({})",
            path.display(),
            known.join(", ")
        )));
    }
    if !stdin && is_deck(path) {
        return crate::commands::check::load(path);
    }
    let article = crate::input::read_article(path, max_bytes)?;
    Ok(crate::commands::generate::deck_for(
        &article,
        path,
        ARTICLE_SEED,
    ))
}

/// A deck file is TOML: it ends in `.toml`.
fn is_deck(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_source_is_the_seed_deck_and_a_name_finds_a_shipped_deck() {
        let default = load(None, 1000).unwrap();
        let named = load(Some(Path::new("lukashenka-and-bakiyev")), 1000).unwrap();
        assert_eq!(default.id, named.id);
        let err = load(Some(Path::new("no-such-deck")), 1000)
            .unwrap_err()
            .to_string();
        assert!(err.contains("no-such-deck: no such file"), "{err}");
    }
}
