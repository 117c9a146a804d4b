//! Source: what a quiz (or review, or export) is about: an article file (plain
//! text, Markdown or a saved web page), `-` for an article on standard input,
//! a deck file, the name of a deck shipped in `content/`, the name of one of
//! your decks in the data folder's `decks/`, or, with none, the built-in
//! seed deck.

use std::path::{Path, PathBuf};

use factdrill_core::deck::Deck;

use crate::content::DECKS;
use crate::error::input;

/// Seed used when a quiz is made straight from an article, so its question
/// ids and options are the ones `factdrill generate` writes by default.
const ARTICLE_SEED: u64 = 1;

/// The folder inside the data folder that holds your own decks.
pub const DECKS_DIR: &str = "decks";

/// Loads the deck a command works on; a name is looked up among the
/// shipped decks, then in the default data folder's `decks/`.
pub fn load(source: Option<&Path>, max_bytes: u64) -> anyhow::Result<Deck> {
    load_in(source, max_bytes, None)
}

/// Loads the deck a command works on; a name that is not a file is a
/// shipped deck's, else one of the decks in `data_dir/decks/` (`data_dir`:
/// as `--data-dir` gives it, else the default data folder).
pub fn load_in(
    source: Option<&Path>,
    max_bytes: u64,
    data_dir: Option<&Path>,
) -> anyhow::Result<Deck> {
    let Some(path) = source else {
        let (name, text) = DECKS[0];
        return Deck::parse(text, name).map_err(|e| input(e.to_string()));
    };
    let stdin = crate::input::is_stdin(path);
    if !stdin && !path.exists() {
        if let Some((name, text)) = DECKS.iter().find(|(n, _)| path.as_os_str() == *n) {
            return Deck::parse(text, name).map_err(|e| input(e.to_string()));
        }
        let folder = crate::learner::data_dir(data_dir)
            .ok()
            .map(|d| d.join(DECKS_DIR));
        if let Some(folder) = &folder
            && let Some((_, file)) = user_decks(folder)
                .into_iter()
                .find(|(n, _)| path.as_os_str() == n.as_str())
        {
            return crate::commands::check::load(&file);
        }
        let known: Vec<&str> = DECKS.iter().map(|(n, _)| *n).collect();
        let yours = folder.map_or_else(String::new, |f| format!(" or is in {}", f.display()));
        return Err(input(format!(
            "{}: no such file or folder, and no deck of that name ships with factdrill ({}){yours}",
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

/// Your decks in `folder`: (name, file) for every visible `.toml` file,
/// sorted by name; `crime.deck.toml` is named `crime`. No folder, no decks.
pub fn user_decks(folder: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut decks: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_deck(p) && p.is_file())
        .filter_map(|p| {
            let file = p.file_name()?.to_str()?.to_owned();
            if file.starts_with('.') {
                return None;
            }
            let name = file
                .strip_suffix(".toml")
                .or_else(|| file.strip_suffix(".TOML"))
                .unwrap_or(&file);
            let name = name.strip_suffix(".deck").unwrap_or(name).to_owned();
            Some((name, p))
        })
        .collect();
    decks.sort();
    decks
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

    #[test]
    fn a_name_finds_a_deck_in_the_data_folder() {
        let data = tempfile::tempdir().unwrap();
        let folder = data.path().join(DECKS_DIR);
        std::fs::create_dir(&folder).unwrap();
        let (_, text) = DECKS[0];
        std::fs::write(folder.join("mine.deck.toml"), text).unwrap();
        std::fs::write(folder.join("other.toml"), text).unwrap();
        std::fs::write(folder.join(".hidden.toml"), text).unwrap();
        std::fs::write(folder.join("notes.txt"), "x").unwrap();
        let names: Vec<String> = user_decks(&folder).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["mine", "other"]);
        let deck = load_in(Some(Path::new("mine")), 1000, Some(data.path())).unwrap();
        assert_eq!(deck.id, load(None, 1000).unwrap().id);
        let err = load_in(Some(Path::new("theirs")), 1000, Some(data.path()))
            .unwrap_err()
            .to_string();
        assert!(err.contains("or is in "), "{err}");
        assert!(user_decks(&data.path().join("none")).is_empty());
    }
}
