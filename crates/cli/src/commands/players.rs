//! `factdrill players`: everyone with progress in the store, their sessions
//! and when they last studied.

use std::io::{self, Write};
use std::process::ExitCode;

use jiff::tz::TimeZone;
use serde::Serialize;

use crate::app::{Format, PlayersArgs};
use crate::output::clean;
use crate::store::{FILE_NAME, PlayerRow, Store};
use crate::{clock, learner};

/// One player as `--format json` prints them.
#[derive(Debug, Serialize)]
struct Listed<'a> {
    name: &'a str,
    sessions: i64,
    interrupted: i64,
    answers: i64,
    cards: i64,
    last_active: String,
}

/// Runs `factdrill players`.
pub fn run(args: &PlayersArgs) -> anyhow::Result<ExitCode> {
    let dir = learner::data_dir(args.data_dir.as_deref())?;
    // Listing never creates a store.
    let players = if dir.join(FILE_NAME).exists() {
        let mut store = Store::open(&dir)?;
        store.reap()?;
        store.players()?
    } else {
        Vec::new()
    };
    let tz = TimeZone::try_system().unwrap_or(TimeZone::UTC);
    let mut out = io::stdout().lock();
    match args.format {
        Format::Json => {
            let listed: Vec<Listed<'_>> = players
                .iter()
                .map(|p| Listed {
                    name: &p.name,
                    sessions: p.sessions,
                    interrupted: p.interrupted,
                    answers: p.answers,
                    cards: p.cards,
                    last_active: clock::rfc3339(p.last_active_ms),
                })
                .collect();
            out.write_all(crate::output::json(&listed)?.as_bytes())?;
            writeln!(out)?;
        }
        Format::Text => write_text(&mut out, &players, &tz)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The players as a table, local times.
fn write_text(out: &mut impl Write, players: &[PlayerRow], tz: &TimeZone) -> io::Result<()> {
    if players.is_empty() {
        return writeln!(
            out,
            "No players yet: a quiz (`factdrill quiz`) stores the first one."
        );
    }
    let names: Vec<String> = players.iter().map(|p| clean(&p.name)).collect();
    let width = names
        .iter()
        .map(|n| console::measure_text_width(n))
        .max()
        .unwrap_or(0)
        .max("PLAYER".len());
    writeln!(
        out,
        "{:<width$}  {:>8}  {:>7}  {:>5}  LAST ACTIVE",
        "PLAYER", "SESSIONS", "ANSWERS", "CARDS"
    )?;
    for (p, name) in players.iter().zip(&names) {
        let pad = width - console::measure_text_width(name);
        let interrupted = if p.interrupted > 0 {
            format!("  ({} interrupted)", p.interrupted)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{name}{:pad$}  {:>8}  {:>7}  {:>5}  {}{interrupted}",
            "",
            p.sessions,
            p.answers,
            p.cards,
            local(p.last_active_ms, tz),
        )?;
    }
    Ok(())
}

fn local(ms: i64, tz: &TimeZone) -> String {
    jiff::Timestamp::from_millisecond(ms).map_or_else(
        |_| ms.to_string(),
        |t| {
            t.to_zoned(tz.clone())
                .strftime("%Y-%m-%d %H:%M")
                .to_string()
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, sessions: i64, interrupted: i64) -> PlayerRow {
        PlayerRow {
            name: name.to_owned(),
            sessions,
            interrupted,
            answers: sessions * 4,
            cards: 3,
            last_active_ms: 1_796_115_600_000,
        }
    }

    #[test]
    fn the_table_lines_up_names_and_notes_interrupted_sessions() {
        let mut out = Vec::new();
        let players = [row("ana", 2, 0), row("Bartholomew", 12, 1)];
        write_text(&mut out, &players, &TimeZone::UTC).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        assert!(lines[0].starts_with("PLAYER       SESSIONS"), "{text}");
        assert!(
            lines[1].starts_with("ana                 2        8      3  2026-12-01 09:00"),
            "{text}"
        );
        assert!(
            lines[2].ends_with("2026-12-01 09:00  (1 interrupted)"),
            "{text}"
        );
        let mut out = Vec::new();
        write_text(&mut out, &[], &TimeZone::UTC).unwrap();
        assert!(
            String::from_utf8(out)
                .unwrap()
                .starts_with("No players yet")
        );
    }
}
