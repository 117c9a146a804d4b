//! `factdrill stats`: a learner's sessions, scores, accuracy by kind,
//! most-missed questions and streak.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use jiff::tz::TimeZone;

use crate::app::{Format, StatsArgs};
use crate::stats::Report;
use crate::store::{FILE_NAME, Store};
use crate::{clock, learner};

/// Runs `factdrill stats`.
pub fn run(args: &StatsArgs) -> anyhow::Result<ExitCode> {
    crate::prompt::apply_no_color();
    let dir = learner::data_dir(args.learner.data_dir.as_deref())?;
    let name = learner::player(args.learner.player.as_deref());
    let tz = TimeZone::try_system().unwrap_or(TimeZone::UTC);
    let now = clock::now()?;
    // Reading stats never creates a store.
    let store = if dir.join(FILE_NAME).exists() {
        let mut store = Store::open(&dir)?;
        store.reap()?;
        Some(store)
    } else {
        None
    };
    let report = match &store {
        Some(store) => {
            let deck = match args.deck.as_deref() {
                Some(d) => Some(deck_id(store, d)?),
                None => None,
            };
            match store.find_player(&name)? {
                Some(id) => Report::build(store, Some((id, &name)), deck.as_deref(), now, &tz)?,
                None => empty(&name, deck),
            }
        }
        None => empty(&name, args.deck.clone()),
    };
    let mut out = io::stdout().lock();
    match args.format {
        Format::Json => {
            out.write_all(crate::output::json(&report)?.as_bytes())?;
            writeln!(out)?;
        }
        Format::Text => {
            let width = console::Term::stdout()
                .size_checked()
                .map_or(80, |(_, w)| usize::from(w));
            report.write_text(&mut out, width)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn empty(name: &str, deck: Option<String>) -> Report {
    let by_kind = crate::stats::KINDS
        .into_iter()
        .map(|k| (k.to_owned(), crate::stats::KindStats::default()))
        .collect();
    Report {
        player: Some(name.to_owned()),
        deck,
        answers: 0,
        sessions: Vec::new(),
        by_kind,
        most_missed: Vec::new(),
        streak_days: 0,
        days_studied: 0,
        cards: crate::store::CardCounts::default(),
    }
}

/// The deck id for `--deck`: an id, the title of a stored deck, or a deck
/// or article that factdrill can load.
pub(crate) fn deck_id(store: &Store, given: &str) -> anyhow::Result<String> {
    let conn = store.conn();
    let found: Option<String> = conn
        .query_row(
            "SELECT id FROM decks WHERE id = ?1 OR lower(title) = lower(?1) LIMIT 1",
            [given],
            |r| r.get(0),
        )
        .ok();
    if let Some(id) = found {
        return Ok(id);
    }
    let deck = crate::source::load(Some(Path::new(given)), crate::input::DEFAULT_MAX_BYTES)?;
    Ok(deck.id)
}
