//! `factdrill review`: the cards FSRS makes due today, across every deck
//! the player has studied, most overdue first.
//!
//! Typed and choice cards are checked as in the quiz and graded from the
//! verdict (wrong → Again, close → Hard, right → Good); flashcards are
//! graded by the learner. Each grade is stored with the card's new
//! schedule the moment it is given. `--cram` goes through cards that are
//! not due without touching their schedules.

use std::collections::HashMap;
use std::io::{self, Write};
use std::process::ExitCode;

use factdrill_core::check::Verdict;
use factdrill_core::schedule::{RETENTION_RANGE, Scheduler};
use jiff::tz::TimeZone;
use rand::Rng as _;
use serde::Serialize;

use crate::app::{Format, ReviewArgs};
use crate::commands::quiz::{Asker, asker};
use crate::error::input;
use crate::output::percent;
use crate::session::{Ask, Marked, Recorder, Reply, ask_timed, graded, mark};
use crate::store::{DueCard, FILE_NAME, NewSession, Status, Store};
use crate::{clock, interrupt, learner, prompt};

#[derive(Debug, Serialize)]
struct Results<'a> {
    session: Option<&'a str>,
    player: &'a str,
    mode: &'a str,
    status: &'a str,
    due: usize,
    reviewed: usize,
    right: usize,
    next_due: Option<String>,
    answers: &'a [Reviewed],
}

#[derive(Debug, Serialize)]
struct Reviewed {
    deck: String,
    #[serde(flatten)]
    marked: Marked,
}

/// Runs `factdrill review`.
pub fn run(args: &ReviewArgs) -> anyhow::Result<ExitCode> {
    prompt::apply_no_color();
    if !RETENTION_RANGE.contains(&args.retention) {
        return Err(input(format!(
            "--retention {}: must be between {} and {}",
            args.retention,
            RETENTION_RANGE.start(),
            RETENTION_RANGE.end()
        )));
    }
    let scheduler = Scheduler::new(args.retention).map_err(|e| input(e.to_string()))?;
    let mut asker = asker(args.answers.as_deref(), args.format)?;
    let player = learner::player(args.learner.player.as_deref());
    let dir = learner::data_dir(args.learner.data_dir.as_deref())?;
    let now = clock::now()?;
    let now_ms = now.as_millisecond();

    let mut store = if dir.join(FILE_NAME).exists() {
        Some(Store::open(&dir)?)
    } else {
        None
    };
    let player_id = match store.as_mut() {
        Some(store) => {
            store.reap()?;
            store.find_player(&player)?
        }
        None => None,
    };
    let (Some(store), Some(player_id)) = (store.as_mut(), player_id) else {
        return nothing(args, &player, None, "take a quiz first: factdrill quiz");
    };
    let deck = match args.deck.as_deref() {
        Some(d) => Some(crate::commands::stats::deck_id(store, d)?),
        None => None,
    };
    let mut cards = store.due_cards(player_id, deck.as_deref(), now_ms, args.limit, args.cram)?;
    if !args.cram && args.new > 0 && cards.len() < args.limit {
        let room = args.new.min(args.limit - cards.len());
        for (deck, question) in store.new_cards(player_id, deck.as_deref(), room)? {
            cards.push(DueCard {
                deck,
                question,
                card: factdrill_core::schedule::Card {
                    stability: 0.0,
                    difficulty: 0.0,
                    due: now,
                    last_review: now,
                    reps: 0,
                    lapses: 0,
                    state: factdrill_core::schedule::State::New,
                },
            });
        }
    }
    if cards.is_empty() {
        let next = store.next_due(player_id, deck.as_deref())?;
        return nothing(args, &player, next, "");
    }

    let mode = if args.cram { "cram" } else { "review" };
    let session_id = format!("s-{:016x}", rand::rng().random::<u64>());
    let plan: Vec<String> = cards.iter().map(|c| c.question.id.clone()).collect();
    let session_deck = deck.clone().unwrap_or_else(|| cards[0].deck.clone());
    store.start_session(&NewSession {
        id: &session_id,
        player: player_id,
        deck: &session_deck,
        started_ms: now_ms,
        plan: &plan,
        mode,
    })?;
    let mut rivals: HashMap<String, Vec<String>> = HashMap::new();
    for card in &cards {
        if !rivals.contains_key(&card.deck) {
            rivals.insert(card.deck.clone(), store.deck_answers(&card.deck)?);
        }
    }
    let store_path = store.path().to_owned();
    interrupt::install();
    interrupt::begin(Some(store_path), &session_id);
    if let Asker::Terminal(terminal) = &asker {
        terminal.greet(
            if args.cram {
                "Cram (schedules untouched)"
            } else {
                "Review"
            },
            cards.len(),
        )?;
    }
    let mut recorder = Recorder {
        store: Some(store),
        session: session_id.clone(),
        player: player_id,
        deck: session_deck,
        scheduler: (!args.cram).then_some(scheduler),
    };
    let result = review(&cards, &rivals, asker.as_dyn(), &mut recorder);
    let (answers, ran_out) = match result {
        Ok(done) => done,
        Err(err) => {
            let _ = recorder.finish(Status::Interrupted);
            interrupt::end();
            interrupt::restore_terminal();
            return Err(err);
        }
    };
    let complete = answers.len() == cards.len();
    recorder.finish(if complete {
        Status::Complete
    } else {
        Status::Interrupted
    })?;
    interrupt::end();
    let next = match recorder.store.take() {
        Some(store) => store.next_due(player_id, deck.as_deref())?,
        None => None,
    };
    let right = answers
        .iter()
        .filter(|a| a.marked.verdict != Verdict::Wrong)
        .count();
    let mut out = io::stdout().lock();
    match args.format {
        Format::Json => {
            let results = Results {
                session: Some(&session_id),
                player: &player,
                mode,
                status: if complete { "complete" } else { "interrupted" },
                due: cards.len(),
                reviewed: answers.len(),
                right,
                next_due: next.map(clock::rfc3339),
                answers: &answers,
            };
            out.write_all(crate::output::json(&results)?.as_bytes())?;
            writeln!(out)?;
        }
        Format::Text => {
            writeln!(out)?;
            if !complete {
                writeln!(
                    out,
                    "Stopped after {} of {} cards; your grades are kept.",
                    answers.len(),
                    cards.len()
                )?;
            }
            writeln!(
                out,
                "Reviewed {} cards: {right} right ({}%).",
                answers.len(),
                percent(right as i64, answers.len() as i64)
            )?;
            if args.cram {
                writeln!(out, "Cramming left every card's schedule as it was.")?;
            }
            if let Some(next) = next {
                writeln!(out, "{}", next_due_line(next, now_ms))?;
            }
        }
    }
    out.flush()?;
    drop(out);
    if ran_out {
        writeln!(
            io::stderr(),
            "factdrill: the answers ran out after {} of {} cards; the review is marked interrupted and its grades are kept",
            answers.len(),
            cards.len()
        )?;
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Asks every card; returns the answers and whether a script ran out.
fn review(
    cards: &[DueCard],
    rivals: &HashMap<String, Vec<String>>,
    asker: &mut dyn crate::session::Asker,
    recorder: &mut Recorder<'_>,
) -> anyhow::Result<(Vec<Reviewed>, bool)> {
    let mut answers = Vec::new();
    for (n, card) in cards.iter().enumerate() {
        let question = &card.question;
        let ask = Ask {
            question,
            number: n + 1,
            total: cards.len(),
            retry: false,
        };
        let (reply, ms) = ask_timed(asker, &ask)?;
        let marked = match reply {
            Reply::Graded(rating) => graded(question, rating, ms),
            Reply::Given(text) => {
                let deck_rivals: Vec<&str> = rivals
                    .get(&card.deck)
                    .map(|r| r.iter().map(String::as_str).collect())
                    .unwrap_or_default();
                mark(&deck_rivals, question, &text, false, ms)
            }
            Reply::Quit => return Ok((answers, false)),
            Reply::RanOut => return Ok((answers, true)),
        };
        recorder.record_in(&card.deck, &marked)?;
        if question.style != factdrill_core::Style::Flashcard {
            asker.tell(&ask, &marked)?;
        }
        answers.push(Reviewed {
            deck: card.deck.clone(),
            marked,
        });
    }
    Ok((answers, false))
}

/// "The next card is due …", in local time.
fn next_due_line(next_ms: i64, now_ms: i64) -> String {
    let tz = TimeZone::try_system().unwrap_or(TimeZone::UTC);
    let when = jiff::Timestamp::from_millisecond(next_ms)
        .map(|t| {
            t.to_zoned(tz.clone())
                .strftime("%A %-d %B %Y, %H:%M")
                .to_string()
        })
        .unwrap_or_default();
    let days = (next_ms - now_ms).max(0) as f64 / 86_400_000.0;
    if next_ms <= now_ms {
        format!("The next card is due now ({when}).")
    } else if days < 1.0 {
        format!("The next card is due {when} (later today or tomorrow).")
    } else {
        format!(
            "The next card is due {when} (in {} days).",
            days.ceil() as i64
        )
    }
}

fn nothing(
    args: &ReviewArgs,
    player: &str,
    next: Option<i64>,
    hint: &str,
) -> anyhow::Result<ExitCode> {
    let now_ms = clock::now_ms()?;
    let mut out = io::stdout().lock();
    match args.format {
        Format::Json => {
            let results = Results {
                session: None,
                player,
                mode: if args.cram { "cram" } else { "review" },
                status: "nothing_due",
                due: 0,
                reviewed: 0,
                right: 0,
                next_due: next.map(clock::rfc3339),
                answers: &[],
            };
            out.write_all(crate::output::json(&results)?.as_bytes())?;
            writeln!(out)?;
        }
        Format::Text => {
            let who = crate::output::clean(player);
            match next {
                Some(next) => {
                    writeln!(out, "Nothing is due for {who}.")?;
                    writeln!(out, "{}", next_due_line(next, now_ms))?;
                }
                None if hint.is_empty() => writeln!(out, "No cards for {who} yet.")?,
                None => writeln!(out, "No cards for {who} yet: {hint}")?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
