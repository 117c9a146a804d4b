//! Import: quiz sessions played on other machines, merged into this store
//! in one transaction. A session is known by its id (random, made when it
//! started), so a session already here (imported before, or played on
//! this machine) is never counted twice.

use std::collections::BTreeSet;

use rusqlite::{OptionalExtension, params};

use super::{AnswerRow, Status, Store, describe, insert_answer};

/// A finished quiz session from another store.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedSession {
    /// Session id, as the machine that played it made it.
    pub id: String,
    /// Player name (players are matched by name).
    pub player: String,
    /// Deck id.
    pub deck: String,
    /// Deck title.
    pub deck_title: String,
    /// Start, ms since the Unix epoch.
    pub started_ms: i64,
    /// End, ms since the Unix epoch.
    pub ended_ms: i64,
    /// Complete or interrupted.
    pub status: Status,
    /// The question ids planned, in order.
    pub plan: Vec<String>,
    /// Every answer, second tries included, in the order given.
    pub answers: Vec<ImportedAnswer>,
}

/// One answer of an imported session.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedAnswer {
    /// Question id.
    pub question: String,
    /// who / where / when / `how_much`.
    pub kind: String,
    /// Question style.
    pub style: String,
    /// The prompt as asked.
    pub prompt: String,
    /// The right answer.
    pub expected: String,
    /// The sentence it comes from.
    pub sentence: String,
    /// What the learner gave.
    pub given: String,
    /// correct / close / wrong.
    pub verdict: String,
    /// A missed question asked again.
    pub retry: bool,
    /// How long the learner took, in ms.
    pub response_ms: i64,
    /// When, ms since the Unix epoch.
    pub answered_ms: i64,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Imported {
    /// Sessions added.
    pub sessions: usize,
    /// Answers added.
    pub answers: usize,
    /// Sessions left out because this store already has them.
    pub already_here: usize,
    /// The players of the sessions added.
    pub players: BTreeSet<String>,
}

impl Store {
    /// Adds the sessions this store does not have yet, with their players,
    /// decks, questions (as asked) and answers, all in one transaction:
    /// either every new session is stored or none is.
    pub fn import(
        &mut self,
        sessions: &[ImportedSession],
        now_ms: i64,
    ) -> anyhow::Result<Imported> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| anyhow::anyhow!(describe(&path, &e));
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(fail)?;
        let mut done = Imported::default();
        for s in sessions {
            let here: Option<i64> = tx
                .query_row("SELECT 1 FROM sessions WHERE id = ?1", [&s.id], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(fail)?;
            if here.is_some() {
                // Known already; a session resumed elsewhere may bring the
                // answers given after it was first exported.
                let added = merge_answers(&tx, s).map_err(fail)?;
                if added == 0 {
                    done.already_here += 1;
                } else {
                    done.sessions += 1;
                    done.answers += added;
                    done.players.insert(s.player.clone());
                }
                continue;
            }
            tx.execute(
                "INSERT INTO players (name, created_ms) VALUES (?1, ?2) ON CONFLICT(name) DO NOTHING",
                params![s.player, now_ms],
            )
            .map_err(fail)?;
            let player: i64 = tx
                .query_row("SELECT id FROM players WHERE name = ?1", [&s.player], |r| {
                    r.get(0)
                })
                .map_err(fail)?;
            let known: BTreeSet<&str> = s.answers.iter().map(|a| a.question.as_str()).collect();
            // A deck this store has keeps its title and question count.
            tx.execute(
                "INSERT INTO decks (id, title, source, questions, first_seen_ms, last_seen_ms)
                 VALUES (?1, ?2, NULL, ?3, ?4, ?4) ON CONFLICT(id) DO NOTHING",
                params![s.deck, s.deck_title, known.len() as i64, s.started_ms],
            )
            .map_err(fail)?;
            tx.execute(
                "INSERT INTO sessions (id, player_id, deck_id, started_ms, ended_ms, status, pid,
                                       planned, plan, mode)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?8, 'quiz')",
                params![
                    s.id,
                    player,
                    s.deck,
                    s.started_ms,
                    s.ended_ms,
                    s.status.as_str(),
                    s.plan.len() as i64,
                    serde_json::to_string(&s.plan)?,
                ],
            )
            .map_err(fail)?;
            for a in &s.answers {
                insert(&tx, s, player, &s.deck, a).map_err(fail)?;
            }
            done.sessions += 1;
            done.answers += s.answers.len();
            done.players.insert(s.player.clone());
        }
        tx.commit().map_err(fail)?;
        Ok(done)
    }
}

/// Adds to a session already in the store the answers of `s` it does not
/// have yet (known by question and first try or retry), keeping its score
/// and status in step. Returns how many were added.
fn merge_answers(tx: &rusqlite::Transaction<'_>, s: &ImportedSession) -> rusqlite::Result<usize> {
    let (player, deck): (i64, String) = tx.query_row(
        "SELECT player_id, deck_id FROM sessions WHERE id = ?1",
        [&s.id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut added = 0;
    for a in &s.answers {
        let here: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM answers WHERE session_id = ?1 AND question_id = ?2 AND retry = ?3",
                params![s.id, a.question, a.retry],
                |r| r.get(0),
            )
            .optional()?;
        if here.is_some() {
            continue;
        }
        insert(tx, s, player, &deck, a)?;
        added += 1;
    }
    if added > 0 {
        tx.execute(
            "UPDATE sessions SET ended_ms = max(coalesce(ended_ms, 0), ?2),
                    status = CASE WHEN ?3 = 'complete' THEN 'complete' ELSE status END
             WHERE id = ?1",
            params![s.id, s.ended_ms, s.status.as_str()],
        )?;
    }
    Ok(added)
}

/// Stores one imported answer with its question as asked (so stats can
/// show it; without a body, review never asks it: its card stays with the
/// machine that played it).
fn insert(
    tx: &rusqlite::Transaction<'_>,
    s: &ImportedSession,
    player: i64,
    deck: &str,
    a: &ImportedAnswer,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO questions (deck_id, id, kind, style, prompt, answer, source)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(deck_id, id) DO NOTHING",
        params![
            deck, a.question, a.kind, a.style, a.prompt, a.expected, a.sentence
        ],
    )?;
    insert_answer(
        tx,
        &AnswerRow {
            session: &s.id,
            player,
            deck,
            question: &a.question,
            kind: &a.kind,
            style: &a.style,
            answered_ms: a.answered_ms,
            given: &a.given,
            verdict: &a.verdict,
            response_ms: a.response_ms,
            retry: a.retry,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(id: &str, player: &str, verdicts: &[&str]) -> ImportedSession {
        ImportedSession {
            id: id.to_owned(),
            player: player.to_owned(),
            deck: "d-1".to_owned(),
            deck_title: "T".to_owned(),
            started_ms: 1_000,
            ended_ms: 9_000,
            status: Status::Complete,
            plan: (0..verdicts.len()).map(|i| format!("q-{i}")).collect(),
            answers: verdicts
                .iter()
                .enumerate()
                .map(|(i, v)| ImportedAnswer {
                    question: format!("q-{i}"),
                    kind: "who".to_owned(),
                    style: "wh".to_owned(),
                    prompt: format!("Who {i}?"),
                    expected: "A".to_owned(),
                    sentence: "A did it.".to_owned(),
                    given: "x".to_owned(),
                    verdict: (*v).to_owned(),
                    retry: false,
                    response_ms: 10,
                    answered_ms: 1_000 + i as i64,
                })
                .collect(),
        }
    }

    #[test]
    fn a_session_is_imported_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let batch = [
            session("s-1", "ana", &["correct", "wrong"]),
            session("s-2", "bo", &["close"]),
            session("s-1", "ana", &["correct", "wrong"]),
        ];
        let done = store.import(&batch, 0).unwrap();
        assert_eq!((done.sessions, done.answers, done.already_here), (2, 3, 1));
        let again = store.import(&batch, 0).unwrap();
        assert_eq!((again.sessions, again.already_here), (0, 3));
        let sessions = store.sessions(None, None).unwrap();
        assert_eq!(sessions.len(), 2);
        assert_eq!((sessions[0].asked, sessions[0].correct), (2, 1));
        assert_eq!((sessions[1].player.as_str(), sessions[1].close), ("bo", 1));
        let answers: i64 = store
            .conn()
            .query_row("SELECT sum(asked) FROM tallies", [], |r| r.get(0))
            .unwrap();
        assert_eq!(answers, 3);
        assert_eq!(store.integrity().unwrap(), "ok");
    }

    #[test]
    fn a_failed_import_stores_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let mut bad = session("s-2", "bo", &["correct"]);
        bad.answers[0].verdict = "maybe".to_owned();
        let batch = [session("s-1", "ana", &["correct"]), bad];
        assert!(store.import(&batch, 0).is_err());
        assert!(store.sessions(None, None).unwrap().is_empty());
        assert_eq!(store.find_player("ana").unwrap(), None);
    }
}
