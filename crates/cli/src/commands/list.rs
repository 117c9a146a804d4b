//! `factdrill list`: the decks you can quiz on: those shipped with
//! factdrill and yours in the data folder's `decks/`, with their question
//! counts and the player's last and best scores.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use factdrill_core::deck::Deck;
use serde::Serialize;

use crate::app::{Format, ListArgs};
use crate::class::Score;
use crate::content::DECKS;
use crate::error::input;
use crate::learner;
use crate::output::clean;
use crate::source::{DECKS_DIR, user_decks};
use crate::store::{FILE_NAME, Status, Store};

/// One deck in the list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Listed {
    /// The name `quiz NAME` takes.
    pub name: String,
    /// "shipped" (inside the program) or "yours" (a file in the data folder).
    pub origin: &'static str,
    /// The deck file, for yours.
    pub path: Option<PathBuf>,
    /// Stable deck id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Number of questions.
    pub questions: usize,
    /// The player's last quiz on it with answers.
    pub last: Option<Score>,
    /// The player's best complete quiz on it.
    pub best: Option<Score>,
}

/// What `factdrill list` prints as JSON.
#[derive(Debug, Serialize)]
struct Listing<'a> {
    player: &'a str,
    decks_folder: &'a Path,
    decks: &'a [Listed],
}

/// Runs `factdrill list`.
pub fn run(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let dir = learner::data_dir(args.learner.data_dir.as_deref())?;
    let player = learner::player(args.learner.player.as_deref());
    let folder = dir.join(DECKS_DIR);
    let mut decks: Vec<(String, &'static str, Option<PathBuf>, Deck)> = Vec::new();
    for (name, text) in DECKS {
        let deck = Deck::parse(text, name).map_err(|e| input(e.to_string()))?;
        decks.push(((*name).to_owned(), "shipped", None, deck));
    }
    let mut failures = Vec::new();
    for (name, path) in user_decks(&folder) {
        match crate::commands::check::load(&path) {
            Ok(deck) => decks.push((name, "yours", Some(path), deck)),
            Err(e) => failures.push(e),
        }
    }
    // Reading the list never creates a store.
    let store = if dir.join(FILE_NAME).exists() {
        Some(Store::open(&dir)?)
    } else {
        None
    };
    let player_id = match &store {
        Some(store) => store.find_player(&player)?,
        None => None,
    };
    let mut listed = Vec::with_capacity(decks.len());
    for (name, origin, path, deck) in decks {
        let (last, best) = match (&store, player_id) {
            (Some(store), Some(id)) => scores(store, id, &deck.id)?,
            _ => (None, None),
        };
        listed.push(Listed {
            name,
            origin,
            path,
            id: deck.id,
            title: deck.title,
            questions: deck.questions.len(),
            last,
            best,
        });
    }
    let mut out = io::stdout().lock();
    match args.format {
        Format::Json => {
            let listing = Listing {
                player: &player,
                decks_folder: &folder,
                decks: &listed,
            };
            out.write_all(crate::output::json(&listing)?.as_bytes())?;
            writeln!(out)?;
        }
        Format::Text => write_text(&mut out, &listed, &player, &folder)?,
    }
    out.flush()?;
    drop(out);
    if failures.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let mut err = io::stderr().lock();
    for failure in &failures {
        writeln!(err, "factdrill: {}", clean(&format!("{failure:#}")))?;
    }
    Ok(ExitCode::from(crate::error::USAGE))
}

/// The player's last quiz with answers and best complete quiz on a deck.
fn scores(
    store: &Store,
    player: i64,
    deck: &str,
) -> anyhow::Result<(Option<Score>, Option<Score>)> {
    let sessions = store.sessions(Some(player), Some(deck))?;
    let quizzes: Vec<_> = sessions
        .iter()
        .filter(|s| s.mode == "quiz" && s.asked > 0)
        .collect();
    let last = quizzes.last().map(|s| Score::of(s));
    let best = quizzes
        .iter()
        .filter(|s| s.status == Status::Complete)
        .map(|s| Score::of(s))
        .max_by(|a, b| {
            a.percent
                .total_cmp(&b.percent)
                .then(a.answered.cmp(&b.answered))
        });
    Ok((last, best))
}

fn shown(score: Option<&Score>) -> String {
    score.map_or_else(
        || "-".to_owned(),
        |s| format!("{}/{} ({}%)", s.score, s.answered, s.percent),
    )
}

fn write_text(
    out: &mut impl Write,
    decks: &[Listed],
    player: &str,
    folder: &Path,
) -> anyhow::Result<()> {
    let name_width = decks
        .iter()
        .map(|d| console::measure_text_width(&clean(&d.name)))
        .chain([4])
        .max()
        .unwrap_or(4);
    let pad = |text: &str, width: usize| {
        let len = console::measure_text_width(text);
        format!("{text}{}", " ".repeat(width.saturating_sub(len)))
    };
    writeln!(
        out,
        "{}  QUESTIONS  {}  {}  TITLE",
        pad("NAME", name_width),
        pad("LAST", 16),
        pad("BEST", 16)
    )?;
    for deck in decks {
        writeln!(
            out,
            "{}  {:>9}  {}  {}  {}",
            pad(&clean(&deck.name), name_width),
            deck.questions,
            pad(&shown(deck.last.as_ref()), 16),
            pad(&shown(deck.best.as_ref()), 16),
            clean(&deck.title)
        )?;
    }
    let shipped = decks.iter().filter(|d| d.origin == "shipped").count();
    let yours = decks.len() - shipped;
    writeln!(
        out,
        "\n{shipped} shipped with factdrill, {yours} in {}; scores are {}'s quizzes.",
        folder.display(),
        clean(player)
    )?;
    if yours == 0 {
        writeln!(
            out,
            "Add your own: factdrill generate ARTICLES... -o {}",
            folder.display()
        )?;
    }
    Ok(())
}
