//! Cards: each question a player has met, with its FSRS schedule, and the
//! log of every review.

use factdrill_core::Question;
use factdrill_core::schedule::{Card, Log, State};
use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};

use super::{AnswerRow, Store};

/// Computes a card's next schedule from the stored one (`None`: new).
pub type Schedule<'a> = dyn Fn(Option<Card>) -> anyhow::Result<(Card, Log)> + 'a;

/// A card to review, with its question.
#[derive(Debug, Clone)]
pub struct DueCard {
    /// Deck id.
    pub deck: String,
    /// The question, as last stored.
    pub question: Question,
    /// Its schedule.
    pub card: Card,
}

/// How a player's cards stand.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct CardCounts {
    /// Questions of the decks studied that have no card yet.
    pub new: i64,
    /// Cards in (re)learning: last graded Again.
    pub learning: i64,
    /// Cards in review.
    pub review: i64,
    /// Cards due by the end of today.
    pub due_today: i64,
    /// Cards due within the next 7 days (today included).
    pub due_7_days: i64,
    /// Cards due within the next 30 days (today included).
    pub due_30_days: i64,
    /// Share of reviews of cards in review over the last 30 days that were
    /// not Again (a percentage; `None` with no such review).
    pub true_retention_30_days: Option<f64>,
    /// Reviews counted for the true retention.
    pub retention_reviews: i64,
}

fn ts(ms: i64) -> Timestamp {
    Timestamp::from_millisecond(ms).unwrap_or(Timestamp::UNIX_EPOCH)
}

/// The stored card of a player's question.
pub(super) fn load(
    conn: &Connection,
    player: i64,
    deck: &str,
    question: &str,
) -> rusqlite::Result<Option<Card>> {
    conn.query_row(
        "SELECT stability, difficulty, due_ms, last_review_ms, reps, lapses, state
         FROM cards WHERE player_id = ?1 AND deck_id = ?2 AND question_id = ?3",
        params![player, deck, question],
        row_card,
    )
    .optional()
}

fn row_card(r: &rusqlite::Row<'_>) -> rusqlite::Result<Card> {
    Ok(Card {
        stability: r.get::<_, f64>(0)? as f32,
        difficulty: r.get::<_, f64>(1)? as f32,
        due: ts(r.get(2)?),
        last_review: ts(r.get(3)?),
        reps: r.get(4)?,
        lapses: r.get(5)?,
        state: State::parse(&r.get::<_, String>(6)?).unwrap_or(State::Review),
    })
}

/// Stores a card's new schedule and logs the review.
pub(super) fn save(
    conn: &Connection,
    a: &AnswerRow<'_>,
    card: &Card,
    log: &Log,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO cards (player_id, deck_id, question_id, stability, difficulty, due_ms,
                            last_review_ms, reps, lapses, state)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT (player_id, deck_id, question_id) DO UPDATE SET
             stability = excluded.stability, difficulty = excluded.difficulty,
             due_ms = excluded.due_ms, last_review_ms = excluded.last_review_ms,
             reps = excluded.reps, lapses = excluded.lapses, state = excluded.state",
        params![
            a.player,
            a.deck,
            a.question,
            f64::from(card.stability),
            f64::from(card.difficulty),
            card.due.as_millisecond(),
            card.last_review.as_millisecond(),
            card.reps,
            card.lapses,
            card.state.as_str()
        ],
    )?;
    conn.execute(
        "INSERT INTO review_log (player_id, deck_id, question_id, session_id, reviewed_ms,
                                 rating, elapsed_days, scheduled_days, state)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            a.player,
            a.deck,
            a.question,
            a.session,
            log.reviewed.as_millisecond(),
            log.rating.as_str(),
            log.elapsed_days,
            log.scheduled_days,
            log.state.as_str()
        ],
    )?;
    Ok(())
}

impl Store {
    /// The player's cards to review, most overdue first: those due by
    /// `now_ms`, or with `cram` every card, soonest due first. Cards of
    /// retired (deleted) questions are left out.
    pub fn due_cards(
        &self,
        player: i64,
        deck: Option<&str>,
        now_ms: i64,
        limit: usize,
        cram: bool,
    ) -> anyhow::Result<Vec<DueCard>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT c.stability, c.difficulty, c.due_ms, c.last_review_ms, c.reps, c.lapses,
                        c.state, c.deck_id, q.body
                 FROM cards c JOIN questions q ON q.deck_id = c.deck_id AND q.id = c.question_id
                 WHERE c.player_id = ?1 AND (?2 IS NULL OR c.deck_id = ?2)
                     AND q.retired = 0 AND q.body IS NOT NULL
                     AND (?4 OR c.due_ms <= ?3)
                 ORDER BY c.due_ms, c.deck_id, c.question_id LIMIT ?5",
            )
            .map_err(|e| self.fail(&e))?;
        let rows = stmt
            .query_map(params![player, deck, now_ms, cram, limit as i64], |r| {
                Ok((row_card(r)?, r.get::<_, String>(7)?, r.get::<_, String>(8)?))
            })
            .and_then(Iterator::collect::<rusqlite::Result<Vec<_>>>)
            .map_err(|e| self.fail(&e))?;
        let mut due = Vec::with_capacity(rows.len());
        for (card, deck, body) in rows {
            // A question stored by another version that no longer parses
            // is skipped rather than failing the whole review.
            if let Ok(question) = serde_json::from_str::<Question>(&body) {
                due.push(DueCard {
                    deck,
                    question,
                    card,
                });
            }
        }
        Ok(due)
    }

    /// Up to `limit` questions of the decks the player has studied that
    /// have no card yet (flashcards first, then in deck order), as new
    /// cards to learn.
    pub fn new_cards(
        &self,
        player: i64,
        deck: Option<&str>,
        limit: usize,
    ) -> anyhow::Result<Vec<(String, Question)>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT q.deck_id, q.body FROM questions q
                 WHERE q.retired = 0 AND q.body IS NOT NULL
                     AND q.deck_id IN (SELECT deck_id FROM sessions WHERE player_id = ?1)
                     AND (?2 IS NULL OR q.deck_id = ?2)
                     AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.player_id = ?1
                                     AND c.deck_id = q.deck_id AND c.question_id = q.id)
                 ORDER BY q.style != 'flashcard', q.deck_id, q.id LIMIT ?3",
            )
            .map_err(|e| self.fail(&e))?;
        let rows = stmt
            .query_map(params![player, deck, limit as i64], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .and_then(Iterator::collect::<rusqlite::Result<Vec<_>>>)
            .map_err(|e| self.fail(&e))?;
        Ok(rows
            .into_iter()
            .filter_map(|(deck, body)| Some((deck, serde_json::from_str(&body).ok()?)))
            .collect())
    }

    /// When the player's next card falls due (retired questions left out).
    pub fn next_due(&self, player: i64, deck: Option<&str>) -> anyhow::Result<Option<i64>> {
        self.conn
            .query_row(
                "SELECT min(c.due_ms) FROM cards c
                 JOIN questions q ON q.deck_id = c.deck_id AND q.id = c.question_id
                 WHERE c.player_id = ?1 AND (?2 IS NULL OR c.deck_id = ?2) AND q.retired = 0",
                params![player, deck],
                |r| r.get(0),
            )
            .map_err(|e| self.fail(&e))
    }

    /// The answers of every live question of the decks, for telling a typo
    /// from another name when checking.
    pub fn deck_answers(&self, deck: &str) -> anyhow::Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT DISTINCT answer FROM questions
                 WHERE deck_id = ?1 AND retired = 0 AND style IN ('wh', 'cloze', 'choice')",
            )
            .map_err(|e| self.fail(&e))?;
        stmt.query_map([deck], |r| r.get(0))
            .and_then(Iterator::collect)
            .map_err(|e| self.fail(&e))
    }

    /// How the player's cards stand at `now_ms`; `day_end_ms` is the end of
    /// the player's local today.
    pub fn card_counts(
        &self,
        player: i64,
        deck: Option<&str>,
        now_ms: i64,
        day_end_ms: i64,
    ) -> anyhow::Result<CardCounts> {
        const DAY: i64 = 86_400_000;
        let fail = |e: rusqlite::Error| self.fail(&e);
        let (learning, review, due_today, due_7, due_30) = self
            .conn
            .query_row(
                "SELECT coalesce(sum(c.state IN ('learning', 'relearning')), 0),
                        coalesce(sum(c.state = 'review'), 0),
                        coalesce(sum(c.due_ms < ?3), 0),
                        coalesce(sum(c.due_ms < ?3 + 6 * ?4), 0),
                        coalesce(sum(c.due_ms < ?3 + 29 * ?4), 0)
                 FROM cards c JOIN questions q ON q.deck_id = c.deck_id AND q.id = c.question_id
                 WHERE c.player_id = ?1 AND (?2 IS NULL OR c.deck_id = ?2) AND q.retired = 0",
                params![player, deck, day_end_ms, DAY],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .map_err(fail)?;
        let new = self
            .conn
            .query_row(
                "SELECT count(*) FROM questions q
                 WHERE q.retired = 0
                     AND q.deck_id IN (SELECT deck_id FROM sessions WHERE player_id = ?1)
                     AND (?2 IS NULL OR q.deck_id = ?2)
                     AND NOT EXISTS (SELECT 1 FROM cards c WHERE c.player_id = ?1
                                     AND c.deck_id = q.deck_id AND c.question_id = q.id)",
                params![player, deck],
                |r| r.get(0),
            )
            .map_err(fail)?;
        let (reviews, kept): (i64, i64) = self
            .conn
            .query_row(
                "SELECT count(*), coalesce(sum(rating != 'again'), 0) FROM review_log
                 WHERE player_id = ?1 AND (?2 IS NULL OR deck_id = ?2)
                     AND state = 'review' AND reviewed_ms > ?3",
                params![player, deck, now_ms - 30 * DAY],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(fail)?;
        Ok(CardCounts {
            new,
            learning,
            review,
            due_today,
            due_7_days: due_7,
            due_30_days: due_30,
            true_retention_30_days: (reviews > 0).then(|| crate::output::percent(kept, reviews)),
            retention_reviews: reviews,
        })
    }
}
