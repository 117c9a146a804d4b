//! Class: the table by player behind `factdrill stats --players`: each
//! player's quizzes, last and best score and accuracy by kind, as a text
//! table, CSV for a gradebook, or JSON.
//!
//! Sessions, last and best count quizzes (reviews are not scored the same
//! way); accuracy by kind counts every answer stored, as `factdrill stats`
//! does, from the per-question tallies.

use std::collections::BTreeMap;
use std::io::Write;

use rusqlite::params;
use serde::Serialize;

use crate::output::{clean, percent};
use crate::stats::{KINDS, KindStats};
use crate::store::{SessionRow, Status, Store};

/// A quiz score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// Right first-time answers (close spellings count).
    pub score: i64,
    /// First-time answers.
    pub answered: i64,
    /// `score / answered` as a percentage, one decimal.
    pub percent: f64,
    /// When the quiz started, RFC 3339.
    pub started: String,
    /// The local date it started on.
    pub day: String,
}

impl Score {
    /// The score of a stored session.
    pub fn of(s: &SessionRow) -> Score {
        Score {
            score: s.correct + s.close,
            answered: s.asked,
            percent: percent(s.correct + s.close, s.asked),
            started: crate::clock::rfc3339(s.started_ms),
            day: crate::clock::local_day(s.started_ms),
        }
    }
}

/// One player's line of the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlayerRow {
    /// Player name.
    pub player: String,
    /// Quizzes with at least one answer.
    pub sessions: usize,
    /// The last of them.
    pub last: Option<Score>,
    /// The best complete one (by percentage, then by questions answered).
    pub best: Option<Score>,
    /// Answers stored (quizzes, second tries and reviews).
    pub answers: i64,
    /// Accuracy by kind: who, where, when, `how_much`.
    pub by_kind: BTreeMap<String, KindStats>,
}

/// The table: every player with a quiz or an answer (on `deck`, if given).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Class {
    /// The deck selected, if any.
    pub deck: Option<String>,
    /// One row per player, by name.
    pub players: Vec<PlayerRow>,
}

impl Class {
    /// Builds the table from the store, for one deck or all.
    pub fn build(store: &Store, deck: Option<&str>) -> anyhow::Result<Class> {
        let mut rows: BTreeMap<String, PlayerRow> = BTreeMap::new();
        for s in store.sessions(None, deck)? {
            if s.mode != "quiz" || s.asked == 0 {
                continue;
            }
            let entry = rows
                .entry(s.player.clone())
                .or_insert_with(|| empty_row(&s.player));
            entry.sessions += 1;
            let this = Score::of(&s);
            if s.status == Status::Complete
                && entry
                    .best
                    .as_ref()
                    .is_none_or(|b| (this.percent, this.answered) > (b.percent, b.answered))
            {
                entry.best = Some(this.clone());
            }
            // Sessions come oldest first: the last one seen is the last.
            entry.last = Some(this);
        }
        let conn = store.conn();
        let fail = |e: rusqlite::Error| anyhow::anyhow!("{}: {e}", store.path().display());
        let mut stmt = conn
            .prepare(
                "SELECT p.name, t.kind, sum(t.asked), sum(t.asked - t.missed)
                 FROM tallies t JOIN players p ON p.id = t.player_id
                 WHERE (?1 IS NULL OR t.deck_id = ?1)
                 GROUP BY t.player_id, t.kind",
            )
            .map_err(fail)?;
        let tallies = stmt
            .query_map(params![deck], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })
            .and_then(Iterator::collect::<rusqlite::Result<Vec<_>>>)
            .map_err(fail)?;
        for (name, kind, answered, right) in tallies {
            if answered == 0 {
                continue;
            }
            let entry = rows.entry(name.clone()).or_insert_with(|| empty_row(&name));
            entry.answers += answered;
            entry.by_kind.insert(
                kind,
                KindStats {
                    answered,
                    right,
                    accuracy: percent(right, answered),
                },
            );
        }
        let mut players: Vec<PlayerRow> = rows.into_values().collect();
        players.sort_by(|a, b| {
            a.player
                .to_lowercase()
                .cmp(&b.player.to_lowercase())
                .then_with(|| a.player.cmp(&b.player))
        });
        Ok(Class {
            deck: deck.map(str::to_owned),
            players,
        })
    }

    /// The table for a terminal.
    pub fn write_text(&self, out: &mut impl Write) -> anyhow::Result<()> {
        if self.players.is_empty() {
            writeln!(out, "No quiz stored yet. Try: factdrill quiz")?;
            return Ok(());
        }
        let names: Vec<String> = self.players.iter().map(|p| clean(&p.player)).collect();
        let width = names
            .iter()
            .map(|n| console::measure_text_width(n))
            .chain([6])
            .max()
            .unwrap_or(6);
        let pad = |text: &str, width: usize| {
            let len = console::measure_text_width(text);
            format!("{text}{}", " ".repeat(width.saturating_sub(len)))
        };
        writeln!(
            out,
            "{}  SESSIONS  {}  {}  {:>6}  {:>6}  {:>6}  {:>8}",
            pad("PLAYER", width),
            pad("LAST", 16),
            pad("BEST", 16),
            "WHO",
            "WHERE",
            "WHEN",
            "HOW MUCH"
        )?;
        for (p, name) in self.players.iter().zip(&names) {
            let kind = |k: &str| {
                p.by_kind
                    .get(k)
                    .filter(|s| s.answered > 0)
                    .map_or_else(|| "-".to_owned(), |s| format!("{}%", s.accuracy))
            };
            writeln!(
                out,
                "{}  {:>8}  {}  {}  {:>6}  {:>6}  {:>6}  {:>8}",
                pad(name, width),
                p.sessions,
                pad(&shown(p.last.as_ref()), 16),
                pad(&shown(p.best.as_ref()), 16),
                kind("who"),
                kind("where"),
                kind("when"),
                kind("how_much")
            )?;
        }
        Ok(())
    }

    /// The table as CSV (RFC 4180), one header line then one line per
    /// player; empty cells where there is nothing to show.
    pub fn write_csv(&self, out: &mut impl Write) -> anyhow::Result<()> {
        let mut header = vec![
            "player",
            "sessions",
            "last_date",
            "last_score",
            "last_answered",
            "last_percent",
            "best_score",
            "best_answered",
            "best_percent",
        ];
        let kind_headers: Vec<String> = KINDS.iter().map(|k| format!("{k}_percent")).collect();
        header.extend(kind_headers.iter().map(String::as_str));
        header.push("answers");
        write_record(out, header.iter().map(|h| (*h).to_owned()))?;
        for p in &self.players {
            let mut cells = vec![spreadsheet_safe(&clean(&p.player)), p.sessions.to_string()];
            let last = p.last.as_ref();
            cells.push(last.map_or_else(String::new, |s| s.day.clone()));
            for score in [last, p.best.as_ref()] {
                cells.push(score.map_or_else(String::new, |s| s.score.to_string()));
                cells.push(score.map_or_else(String::new, |s| s.answered.to_string()));
                cells.push(score.map_or_else(String::new, |s| s.percent.to_string()));
            }
            for kind in KINDS {
                cells.push(
                    p.by_kind
                        .get(kind)
                        .filter(|s| s.answered > 0)
                        .map_or_else(String::new, |s| s.accuracy.to_string()),
                );
            }
            cells.push(p.answers.to_string());
            write_record(out, cells.into_iter())?;
        }
        Ok(())
    }
}

fn empty_row(name: &str) -> PlayerRow {
    PlayerRow {
        player: name.to_owned(),
        sessions: 0,
        last: None,
        best: None,
        answers: 0,
        by_kind: KINDS
            .into_iter()
            .map(|k| (k.to_owned(), KindStats::default()))
            .collect(),
    }
}

fn shown(score: Option<&Score>) -> String {
    score.map_or_else(
        || "-".to_owned(),
        |s| format!("{}/{} ({}%)", s.score, s.answered, s.percent),
    )
}

/// One CSV record, CRLF-terminated as RFC 4180 says.
fn write_record(out: &mut impl Write, cells: impl Iterator<Item = String>) -> std::io::Result<()> {
    let line: Vec<String> = cells.map(|c| quote(&c)).collect();
    write!(out, "{}\r\n", line.join(","))
}

/// A CSV field: as it is, or in double quotes (inner quotes doubled) when
/// it holds a comma, a quote, a line break or surrounding spaces.
fn quote(field: &str) -> String {
    let needs =
        field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ');
    if needs {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// A name a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return first) gets a leading `'`, so opening the
/// gradebook never runs a player's name.
fn spreadsheet_safe(name: &str) -> String {
    if name.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{name}")
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_only_when_they_must_be() {
        assert_eq!(quote("ana"), "ana");
        assert_eq!(quote("Lopez, Ana"), "\"Lopez, Ana\"");
        assert_eq!(quote("Ana \"Nan\" Lopez"), "\"Ana \"\"Nan\"\" Lopez\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        assert_eq!(quote(" padded"), "\" padded\"");
        assert_eq!(quote(""), "");
    }

    #[test]
    fn names_that_look_like_formulas_are_defused() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("@ana"), "'@ana");
        assert_eq!(spreadsheet_safe("ana-maria"), "ana-maria");
    }

    #[test]
    fn a_record_ends_in_crlf() {
        let mut out = Vec::new();
        write_record(&mut out, ["a,b".to_owned(), "c".to_owned()].into_iter()).unwrap();
        assert_eq!(out, b"\"a,b\",c\r\n");
    }
}
