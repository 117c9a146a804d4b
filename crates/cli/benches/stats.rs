//! Benchmark of `factdrill stats` over a store of a million answers.
//!
//! The store is filled once, in one bulk transaction (not through the quiz
//! path): 10,000 sessions of 100 answers over 20 decks and 5 players. The
//! timed part is building the report, which is what `stats` does after
//! opening the store.
//!
//! Run with `cargo bench -p factdrill --bench stats`.

use std::sync::{LazyLock, Mutex};

use factdrill::stats::Report;
use factdrill::store::Store;
use jiff::civil::date;
use jiff::tz::TimeZone;
use rusqlite::params;

const ANSWERS: i64 = 1_000_000;
const PER_SESSION: i64 = 100;

struct Filled {
    _dir: tempfile::TempDir,
    store: Store,
}

static STORE: LazyLock<Mutex<Filled>> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    store
        .bulk(|tx| {
            let day_ms = 86_400_000_i64;
            let start = 1_780_000_000_000_i64;
            for p in 1..=5 {
                tx.execute(
                    "INSERT INTO players (id, name, created_ms) VALUES (?1, ?2, 0)",
                    params![p, format!("player{p}")],
                )?;
            }
            for d in 0..20 {
                tx.execute(
                    "INSERT INTO decks (id, title, questions, first_seen_ms, last_seen_ms)
                     VALUES (?1, ?2, 100, 0, 0)",
                    params![format!("d-{d}"), format!("Deck {d}")],
                )?;
                for q in 0..100 {
                    tx.execute(
                        "INSERT INTO questions (deck_id, id, kind, style, prompt, answer, source)
                         VALUES (?1, ?2, 'who', 'wh', 'Who?', 'Someone', 'Someone did.')",
                        params![format!("d-{d}"), format!("q-{q}")],
                    )?;
                }
            }
            let mut session = tx.prepare(
                "INSERT INTO sessions (id, player_id, deck_id, started_ms, ended_ms, status,
                                       planned, plan, asked, correct, close)
                 VALUES (?1, ?2, ?3, ?4, ?4, 'complete', 100, '[]', 100, ?5, 0)",
            )?;
            let mut answer = tx.prepare(
                "INSERT INTO answers (session_id, player_id, deck_id, question_id, kind, style,
                                      answered_ms, given, verdict, response_ms, retry)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'wh', ?6, 'x', ?7, 1500, 0)",
            )?;
            let kinds = ["who", "where", "when", "how_much"];
            for s in 0..ANSWERS / PER_SESSION {
                let id = format!("s-{s:016x}");
                let player = s % 5 + 1;
                let deck = format!("d-{}", s % 20);
                let t = start + s * day_ms / 10;
                let correct = (0..PER_SESSION).filter(|a| (s + a) % 3 != 0).count() as i64;
                session.execute(params![id, player, deck, t, correct])?;
                for a in 0..PER_SESSION {
                    let right = (s + a) % 3 != 0;
                    answer.execute(params![
                        id,
                        player,
                        deck,
                        format!("q-{a}"),
                        kinds[(a % 4) as usize],
                        t + a,
                        if right { "correct" } else { "wrong" }
                    ])?;
                }
            }
            Ok(())
        })
        .unwrap();
    Mutex::new(Filled { _dir: dir, store })
});

// The allocator the program itself uses (see src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    LazyLock::force(&STORE);
    divan::main();
}

fn report(player: Option<(i64, &str)>, deck: Option<&str>) -> Report {
    let now = date(2026, 12, 1)
        .to_zoned(TimeZone::UTC)
        .unwrap()
        .timestamp();
    Report::build(
        &STORE.lock().unwrap().store,
        player,
        deck,
        now,
        &TimeZone::UTC,
    )
    .unwrap()
}

/// One player's report over all decks (200,000 answers of the million).
#[divan::bench]
fn report_one_player() -> Report {
    report(Some((1, "player1")), None)
}

/// One player on one deck.
#[divan::bench]
fn report_one_player_one_deck() -> Report {
    report(Some((1, "player1")), Some("d-0"))
}

/// Everyone: all million answers.
#[divan::bench]
fn report_everyone() -> Report {
    report(None, None)
}
