//! Stats: what the store says about a learner: sessions and scores over
//! time, accuracy by kind, the most-missed questions, the streak of days
//! studied.
//!
//! [`Report::build`] asks the store; [`Report::write_text`] draws it for a
//! terminal (with a sparkline of scores) and serde writes it as JSON. The
//! queries read the per-question tallies and the sessions' running scores
//! that the store keeps with every answer, never the answers themselves, so
//! a store of a million answers answers as fast as an empty one.

use std::collections::BTreeSet;
use std::io::Write;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use rusqlite::params;
use serde::Serialize;

use crate::output::{clean, percent};
use crate::store::{CardCounts, SessionRow, Status, Store};

/// The kinds of fact, in the order they are shown.
pub const KINDS: [&str; 4] = ["who", "where", "when", "how_much"];

/// How many most-missed questions to list.
const MOST_MISSED: usize = 5;

/// Accuracy on one kind of fact.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct KindStats {
    /// Answers stored.
    pub answered: i64,
    /// Right answers (a close spelling counts as right).
    pub right: i64,
    /// `right / answered` as a percentage, one decimal.
    pub accuracy: f64,
}

/// A question the learner often got wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Missed {
    /// Deck id.
    pub deck: String,
    /// Question id.
    pub question: String,
    /// The prompt (as last stored).
    pub prompt: String,
    /// The right answer.
    pub answer: String,
    /// Times answered wrong.
    pub missed: i64,
    /// Times answered.
    pub asked: i64,
}

/// One session as the report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionStats {
    /// Session id.
    pub id: String,
    /// Player name.
    pub player: String,
    /// Deck id.
    pub deck: String,
    /// Deck title.
    pub deck_title: String,
    /// quiz, review or cram.
    pub mode: String,
    /// Start, RFC 3339.
    pub started: String,
    /// The local date it started on.
    pub day: String,
    /// End, RFC 3339, if it ended.
    pub ended: Option<String>,
    /// complete / interrupted / running.
    pub status: Status,
    /// Questions planned.
    pub planned: i64,
    /// First-time answers.
    pub answered: i64,
    /// Right first-time answers (close spellings count).
    pub score: i64,
    /// Score as a percentage of the answered.
    pub percent: f64,
}

/// The stats for a selection (a player, a deck, or both).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The player selected, if any.
    pub player: Option<String>,
    /// The deck selected, if any.
    pub deck: Option<String>,
    /// Answers stored for the selection (second tries included).
    pub answers: i64,
    /// Sessions, oldest first.
    pub sessions: Vec<SessionStats>,
    /// Accuracy by kind: who, where, when, `how_much`.
    pub by_kind: std::collections::BTreeMap<String, KindStats>,
    /// The questions missed most often, with their answers.
    pub most_missed: Vec<Missed>,
    /// Days in a row (local time) with at least one session, up to today
    /// or yesterday.
    pub streak_days: i64,
    /// Distinct days studied.
    pub days_studied: usize,
    /// Spaced repetition: cards due, new / learning / review, true
    /// retention (for one player).
    pub cards: CardCounts,
}

impl Report {
    /// Builds the report for `player` (row id and name) and `deck` (id);
    /// `today` is the local date the streak counts back from.
    pub fn build(
        store: &Store,
        player: Option<(i64, &str)>,
        deck: Option<&str>,
        now: jiff::Timestamp,
        tz: &TimeZone,
    ) -> anyhow::Result<Report> {
        let today = now.to_zoned(tz.clone()).date();
        let day_end_ms = today
            .tomorrow()
            .ok()
            .and_then(|d| d.to_zoned(tz.clone()).ok())
            .map_or(now.as_millisecond(), |z| z.timestamp().as_millisecond());
        let conn = store.conn();
        let fail = |e: rusqlite::Error| anyhow::anyhow!("{}: {e}", store.path().display());
        let player_id = player.map(|(id, _)| id);
        let mut by_kind = std::collections::BTreeMap::new();
        for kind in KINDS {
            by_kind.insert(kind.to_owned(), KindStats::default());
        }
        let mut answers = 0;
        {
            let mut stmt = conn
                .prepare(
                    "SELECT kind, sum(asked), sum(asked - missed) FROM tallies
                     WHERE (?1 IS NULL OR player_id = ?1) AND (?2 IS NULL OR deck_id = ?2)
                     GROUP BY kind",
                )
                .map_err(fail)?;
            let rows = stmt
                .query_map(params![player_id, deck], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                })
                .map_err(fail)?;
            for row in rows {
                let (kind, answered, right) = row.map_err(fail)?;
                answers += answered;
                by_kind.insert(
                    kind,
                    KindStats {
                        answered,
                        right,
                        accuracy: percent(right, answered),
                    },
                );
            }
        }
        let most_missed = {
            let mut stmt = conn
                .prepare(
                    "SELECT a.deck_id, a.question_id, coalesce(q.prompt, ''), coalesce(q.answer, ''),
                            a.missed, a.asked
                     FROM (SELECT deck_id, question_id, sum(missed) AS missed,
                                  sum(asked) AS asked
                           FROM tallies
                           WHERE (?1 IS NULL OR player_id = ?1) AND (?2 IS NULL OR deck_id = ?2)
                           GROUP BY deck_id, question_id) a
                     LEFT JOIN questions q ON q.deck_id = a.deck_id AND q.id = a.question_id
                     WHERE a.missed > 0
                     ORDER BY a.missed DESC, a.asked ASC, a.question_id LIMIT ?3",
                )
                .map_err(fail)?;
            stmt.query_map(params![player_id, deck, MOST_MISSED as i64], |r| {
                Ok(Missed {
                    deck: r.get(0)?,
                    question: r.get(1)?,
                    prompt: r.get(2)?,
                    answer: r.get(3)?,
                    missed: r.get(4)?,
                    asked: r.get(5)?,
                })
            })
            .and_then(Iterator::collect::<rusqlite::Result<Vec<_>>>)
            .map_err(fail)?
        };
        let rows = store.sessions(player_id, deck)?;
        let days: BTreeSet<Date> = rows
            .iter()
            .filter(|s| s.asked > 0)
            .filter_map(|s| jiff::Timestamp::from_millisecond(s.started_ms).ok())
            .map(|t| t.to_zoned(tz.clone()).date())
            .collect();
        let sessions = rows.into_iter().map(session_stats).collect();
        Ok(Report {
            player: player.map(|(_, name)| name.to_owned()),
            deck: deck.map(str::to_owned),
            answers,
            sessions,
            by_kind,
            most_missed,
            streak_days: streak(&days, today),
            days_studied: days.len(),
            cards: match player_id {
                Some(id) => store.card_counts(id, deck, now.as_millisecond(), day_end_ms)?,
                None => CardCounts::default(),
            },
        })
    }

    /// Writes the report for a terminal, `width` columns wide.
    pub fn write_text(&self, out: &mut impl Write, width: usize) -> anyhow::Result<()> {
        let who = self
            .player
            .as_deref()
            .map_or_else(|| "all players".to_owned(), clean);
        if self.sessions.is_empty() {
            writeln!(out, "No quiz stored yet for {who}. Try: factdrill quiz")?;
            return Ok(());
        }
        let complete = self
            .sessions
            .iter()
            .filter(|s| s.status == Status::Complete)
            .count();
        writeln!(
            out,
            "{who}: {}, {complete} complete, {}",
            plural(self.sessions.len() as i64, "session"),
            plural(self.answers, "answer")
        )?;
        let recent: Vec<&SessionStats> = self.sessions.iter().filter(|s| s.answered > 0).collect();
        let shown = &recent[recent
            .len()
            .saturating_sub(width.saturating_sub(10).min(40))..];
        if !shown.is_empty() {
            let line: String = shown.iter().map(|s| spark(s.percent)).collect();
            writeln!(
                out,
                "Scores:   {line}  (oldest to newest, last {})",
                shown.len()
            )?;
        }
        if let Some(last) = recent.last() {
            writeln!(
                out,
                "Last:     {} of {} ({}%) on {} · {}",
                last.score,
                last.answered,
                last.percent,
                last.day,
                clean(&last.deck_title)
            )?;
        }
        if let Some(best) = recent
            .iter()
            .filter(|s| s.status == Status::Complete)
            .max_by(|a, b| a.percent.total_cmp(&b.percent))
        {
            writeln!(
                out,
                "Best:     {} of {} ({}%)",
                best.score, best.answered, best.percent
            )?;
        }
        writeln!(
            out,
            "Streak:   {} in a row ({} studied)",
            plural(self.streak_days, "day"),
            plural(self.days_studied as i64, "day")
        )?;
        let c = &self.cards;
        if c.learning + c.review > 0 {
            writeln!(
                out,
                "Cards:    {} due today · {} within 7 days · {} within 30 days",
                c.due_today, c.due_7_days, c.due_30_days
            )?;
            let retention = c.true_retention_30_days.map_or_else(
                || "no reviews in the last 30 days".to_owned(),
                |r| {
                    format!(
                        "true retention {r}% over {}",
                        plural(c.retention_reviews, "review")
                    )
                },
            );
            writeln!(
                out,
                "          {} new · {} learning · {} review · {retention}",
                c.new, c.learning, c.review
            )?;
        }
        writeln!(out, "\nAccuracy by kind:")?;
        for kind in KINDS {
            let Some(k) = self.by_kind.get(kind).filter(|k| k.answered > 0) else {
                continue;
            };
            let bar = bar(k.accuracy, 20);
            writeln!(
                out,
                "  {:<9} {bar} {:>5.1}%  ({} of {})",
                kind.replace('_', " "),
                k.accuracy,
                k.right,
                k.answered
            )?;
        }
        if !self.most_missed.is_empty() {
            writeln!(out, "\nMost missed:")?;
            let wrap = width.clamp(30, 100) - 6;
            for m in &self.most_missed {
                let text = format!(
                    "{} → {} (missed {} of {})",
                    clean(&m.prompt),
                    clean(&m.answer),
                    m.missed,
                    m.asked
                );
                for (i, line) in textwrap::wrap(&text, wrap).iter().enumerate() {
                    writeln!(out, "  {} {line}", if i == 0 { "•" } else { " " })?;
                }
            }
        }
        Ok(())
    }
}

fn plural(n: i64, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn session_stats(s: SessionRow) -> SessionStats {
    let score = s.correct + s.close;
    SessionStats {
        percent: percent(score, s.asked),
        started: crate::clock::rfc3339(s.started_ms),
        day: crate::clock::local_day(s.started_ms),
        ended: s.ended_ms.map(crate::clock::rfc3339),
        id: s.id,
        mode: s.mode,
        player: s.player,
        deck: s.deck,
        deck_title: s.deck_title,
        status: s.status,
        planned: s.planned,
        answered: s.asked,
        score,
    }
}

/// Days in a row ending today, or yesterday when today has no session yet.
pub fn streak(days: &BTreeSet<Date>, today: Date) -> i64 {
    let mut day = today;
    if !days.contains(&day) {
        match day.yesterday() {
            Ok(y) if days.contains(&y) => day = y,
            _ => return 0,
        }
    }
    let mut n = 0;
    while days.contains(&day) {
        n += 1;
        match day.yesterday() {
            Ok(y) => day = y,
            Err(_) => break,
        }
    }
    n
}

/// One sparkline block for a percentage.
fn spark(percent: f64) -> char {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let i = ((percent / 100.0) * 7.0).round().clamp(0.0, 7.0) as usize;
    BLOCKS[i]
}

/// A bar `width` cells wide filled to `percent`.
fn bar(percent: f64, width: usize) -> String {
    let filled = ((percent / 100.0) * width as f64)
        .round()
        .clamp(0.0, width as f64) as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn a_streak_counts_back_from_today_or_yesterday() {
        let days: BTreeSet<Date> = [date(2026, 11, 26), date(2026, 11, 27), date(2026, 11, 28)]
            .into_iter()
            .collect();
        assert_eq!(streak(&days, date(2026, 11, 28)), 3);
        assert_eq!(streak(&days, date(2026, 11, 29)), 3);
        assert_eq!(streak(&days, date(2026, 11, 30)), 0);
        assert_eq!(streak(&BTreeSet::new(), date(2026, 11, 30)), 0);
    }

    #[test]
    fn sparks_and_bars_span_the_range() {
        assert_eq!(spark(0.0), '▁');
        assert_eq!(spark(100.0), '█');
        assert_eq!(bar(50.0, 4), "██░░");
    }
}
