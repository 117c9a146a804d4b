//! `factdrill stats`: a learner's sessions, scores, accuracy by kind,
//! most-missed questions and streak.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::tz::TimeZone;

use crate::app::{StatsArgs, StatsFormat};
use crate::class::Class;
use crate::error::input;
use crate::stats::Report;
use crate::store::{FILE_NAME, Imported, Store};
use crate::{clock, learner};

/// Runs `factdrill stats`.
pub fn run(args: &StatsArgs) -> anyhow::Result<ExitCode> {
    crate::prompt::apply_no_color();
    if args.format == StatsFormat::Csv && !args.players {
        return Err(input(
            "--format csv is for the table by player: add --players",
        ));
    }
    let dir = learner::data_dir(args.learner.data_dir.as_deref())?;
    if !args.import.is_empty() {
        let done = import(&dir, &args.import)?;
        if !args.players {
            let mut out = io::stdout().lock();
            if args.format == StatsFormat::Json {
                out.write_all(crate::output::json(&done)?.as_bytes())?;
                writeln!(out)?;
            } else {
                writeln!(out, "{}", summary(&done, args.import.len()))?;
            }
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        writeln!(io::stderr(), "{}", summary(&done, args.import.len()))?;
    }
    if args.players {
        return players(args, &dir);
    }
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
        StatsFormat::Json | StatsFormat::Csv => {
            out.write_all(crate::output::json(&report)?.as_bytes())?;
            writeln!(out)?;
        }
        StatsFormat::Text => {
            let width = console::Term::stdout()
                .size_checked()
                .map_or(80, |(_, w)| usize::from(w));
            report.write_text(&mut out, width)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `--players`: the table by player, as text, JSON or CSV.
fn players(args: &StatsArgs, dir: &Path) -> anyhow::Result<ExitCode> {
    let class = if dir.join(FILE_NAME).exists() {
        let mut store = Store::open(dir)?;
        store.reap()?;
        let deck = match args.deck.as_deref() {
            Some(d) => Some(deck_id(&store, d)?),
            None => None,
        };
        Class::build(&store, deck.as_deref())?
    } else {
        Class {
            deck: args.deck.clone(),
            players: Vec::new(),
        }
    };
    let mut out = io::stdout().lock();
    match args.format {
        StatsFormat::Text => class.write_text(&mut out)?,
        StatsFormat::Csv => class.write_csv(&mut out)?,
        StatsFormat::Json => {
            out.write_all(crate::output::json(&class)?.as_bytes())?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `--import`: reads every file first; one broken file stops the import
/// before anything is written, and the rest is one transaction.
fn import(dir: &Path, files: &[PathBuf]) -> anyhow::Result<Imported> {
    let mut sessions = Vec::new();
    for file in files {
        sessions.extend(crate::results::read(file)?);
    }
    let mut store = Store::open(dir)?;
    store.import(&sessions, clock::now_ms()?)
}

fn summary(done: &Imported, files: usize) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let mut line = format!(
        "imported {} ({}) of {} from {}",
        plural(done.sessions, "session"),
        plural(done.answers, "answer"),
        plural(done.players.len(), "player"),
        plural(files, "file")
    );
    if done.already_here > 0 {
        line += "; ";
        line += &plural(done.already_here, "session");
        line += " already here, not counted again";
    }
    line
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
    // The store lives in the data folder, which also holds your decks.
    let deck = crate::source::load_in(
        Some(Path::new(given)),
        crate::input::DEFAULT_MAX_BYTES,
        store.path().parent(),
    )?;
    Ok(deck.id)
}
