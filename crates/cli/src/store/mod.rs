//! Store: the learner's progress, an embedded SQLite database
//! (`factdrill.sqlite`) that is the only writer of its file.
//!
//! Every answer is committed the moment it is given, in one transaction with
//! its session's running score, so a crash, a signal or a pulled plug loses
//! nothing that was answered. The database runs in WAL mode with a busy
//! timeout, so two quizzes at once (two terminals, one player) both land.
//! The schema carries a version (`PRAGMA user_version`) and is migrated
//! forward step by step; a file that is not a factdrill store, or is
//! damaged, gives one line naming it and is never changed.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};

mod admin;
mod cards;
mod import;

pub use admin::{Contents, Interrupted, PlayerRow, Progress, Restored, restore};
pub use cards::{CardCounts, DueCard, Schedule};
pub use import::{Imported, ImportedAnswer, ImportedSession};

/// File name of the store inside the data directory.
pub const FILE_NAME: &str = "factdrill.sqlite";

/// `PRAGMA application_id` of a factdrill store ("FDRL").
const APPLICATION_ID: i32 = 0x4644_524c;

/// How long to wait for another process holding the database.
const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

/// The migrations, in order: migration `i` takes the schema from version `i`
/// to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: players, decks, questions, sessions, answers.
    "
    CREATE TABLE players (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_ms INTEGER NOT NULL
    );
    CREATE TABLE decks (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        source TEXT,
        questions INTEGER NOT NULL,
        first_seen_ms INTEGER NOT NULL,
        last_seen_ms INTEGER NOT NULL
    );
    CREATE TABLE questions (
        deck_id TEXT NOT NULL REFERENCES decks(id),
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        style TEXT NOT NULL,
        prompt TEXT NOT NULL,
        answer TEXT NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (deck_id, id)
    ) WITHOUT ROWID;
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        player_id INTEGER NOT NULL REFERENCES players(id),
        deck_id TEXT NOT NULL REFERENCES decks(id),
        started_ms INTEGER NOT NULL,
        ended_ms INTEGER,
        status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'interrupted')),
        pid INTEGER,
        planned INTEGER NOT NULL,
        plan TEXT NOT NULL,
        asked INTEGER NOT NULL DEFAULT 0,
        correct INTEGER NOT NULL DEFAULT 0,
        close INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX sessions_by_player ON sessions(player_id, deck_id, started_ms);
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id),
        player_id INTEGER NOT NULL REFERENCES players(id),
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        style TEXT NOT NULL,
        answered_ms INTEGER NOT NULL,
        given TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('correct', 'close', 'wrong')),
        response_ms INTEGER NOT NULL,
        retry INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX answers_by_player ON answers(player_id, deck_id);
    CREATE INDEX answers_by_session ON answers(session_id);
    -- Running tallies per player and question, kept by triggers in the
    -- same transaction as each answer, so stats never scan the answers.
    CREATE TABLE tallies (
        player_id INTEGER NOT NULL,
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        asked INTEGER NOT NULL,
        missed INTEGER NOT NULL,
        PRIMARY KEY (player_id, deck_id, question_id)
    ) WITHOUT ROWID;
    CREATE TRIGGER answers_tally AFTER INSERT ON answers BEGIN
        INSERT INTO tallies (player_id, deck_id, question_id, kind, asked, missed)
        VALUES (NEW.player_id, NEW.deck_id, NEW.question_id, NEW.kind, 1, NEW.verdict = 'wrong')
        ON CONFLICT (player_id, deck_id, question_id)
        DO UPDATE SET asked = asked + 1, missed = missed + excluded.missed;
    END;
    CREATE TRIGGER answers_untally AFTER DELETE ON answers BEGIN
        UPDATE tallies SET asked = asked - 1, missed = missed - (OLD.verdict = 'wrong')
        WHERE player_id = OLD.player_id AND deck_id = OLD.deck_id
            AND question_id = OLD.question_id;
    END;
    ",
    // 2: spaced repetition: the whole question (to ask it again in a
    // review), retired questions, cards, the review log, session modes.
    "
    ALTER TABLE questions ADD COLUMN body TEXT;
    ALTER TABLE questions ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE sessions ADD COLUMN mode TEXT NOT NULL DEFAULT 'quiz';
    CREATE TABLE cards (
        player_id INTEGER NOT NULL REFERENCES players(id),
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        stability REAL NOT NULL,
        difficulty REAL NOT NULL,
        due_ms INTEGER NOT NULL,
        last_review_ms INTEGER NOT NULL,
        reps INTEGER NOT NULL,
        lapses INTEGER NOT NULL,
        state TEXT NOT NULL,
        PRIMARY KEY (player_id, deck_id, question_id)
    ) WITHOUT ROWID;
    CREATE INDEX cards_due ON cards(player_id, due_ms);
    CREATE TABLE review_log (
        id INTEGER PRIMARY KEY,
        player_id INTEGER NOT NULL REFERENCES players(id),
        deck_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        session_id TEXT,
        reviewed_ms INTEGER NOT NULL,
        rating TEXT NOT NULL,
        elapsed_days INTEGER NOT NULL,
        scheduled_days INTEGER NOT NULL,
        state TEXT NOT NULL
    );
    CREATE INDEX review_log_by_player ON review_log(player_id, reviewed_ms);
    ",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How a session ended (or that it has not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Still being played (or its process died and was not yet noticed).
    Running,
    /// Every planned question was asked.
    Complete,
    /// Stopped early: quit, a signal, a closed terminal, answers ran out.
    Interrupted,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Running => "running",
            Status::Complete => "complete",
            Status::Interrupted => "interrupted",
        }
    }

    fn parse(s: &str) -> Status {
        match s {
            "complete" => Status::Complete,
            "interrupted" => Status::Interrupted,
            _ => Status::Running,
        }
    }
}

/// A deck as the store keeps it.
#[derive(Debug, Clone, Copy)]
pub struct DeckRow<'a> {
    /// Stable deck id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// The file it came from, if any.
    pub source: Option<&'a str>,
}

/// A question as the store keeps it (so stats can show it after the deck
/// changes).
#[derive(Debug, Clone, Copy)]
pub struct QuestionRow<'a> {
    /// Question id, stable across rewording.
    pub id: &'a str,
    /// who / where / when / `how_much`.
    pub kind: &'a str,
    /// wh / cloze / choice / `true_false` / flashcard.
    pub style: &'a str,
    /// The prompt shown.
    pub prompt: &'a str,
    /// The expected answer.
    pub answer: &'a str,
    /// The source sentence.
    pub source: &'a str,
    /// The whole question as JSON, to ask it again in a review.
    pub body: &'a str,
}

/// A session about to start.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    /// Unique id (random, so sessions from several machines never clash).
    pub id: &'a str,
    /// Player row id.
    pub player: i64,
    /// Deck id.
    pub deck: &'a str,
    /// Start time, ms since the Unix epoch.
    pub started_ms: i64,
    /// The question ids planned, in order.
    pub plan: &'a [String],
    /// quiz, review or cram.
    pub mode: &'a str,
}

/// One answer, as given.
#[derive(Debug, Clone)]
pub struct AnswerRow<'a> {
    /// Session id.
    pub session: &'a str,
    /// Player row id.
    pub player: i64,
    /// Deck id.
    pub deck: &'a str,
    /// Question id.
    pub question: &'a str,
    /// who / where / when / `how_much`.
    pub kind: &'a str,
    /// Question style.
    pub style: &'a str,
    /// When, ms since the Unix epoch.
    pub answered_ms: i64,
    /// What the learner gave ("" for a skip).
    pub given: &'a str,
    /// correct / close / wrong.
    pub verdict: &'a str,
    /// How long the learner took.
    pub response_ms: i64,
    /// A missed question asked again at the end of the session.
    pub retry: bool,
}

/// A stored session with its score.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SessionRow {
    /// Session id.
    pub id: String,
    /// Player name.
    pub player: String,
    /// Deck id.
    pub deck: String,
    /// Deck title.
    pub deck_title: String,
    /// Start, ms since the Unix epoch.
    pub started_ms: i64,
    /// End, if it ended.
    pub ended_ms: Option<i64>,
    /// How it ended.
    pub status: Status,
    /// Questions planned.
    pub planned: i64,
    /// First-time answers given (retries not counted).
    pub asked: i64,
    /// Correct first-time answers.
    pub correct: i64,
    /// Close first-time answers (a small misspelling).
    pub close: i64,
    /// quiz, review or cram.
    pub mode: String,
}

/// The progress store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// One line for a SQLite failure on `path`.
fn describe(path: &Path, err: &rusqlite::Error) -> String {
    let shown = path.display();
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => format!(
            "{shown}: is not a factdrill progress store or is damaged ({}); it was left as it is",
            short(err)
        ),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            format!("{shown}: is locked by another program; try again when it has finished")
        }
        Some(ErrorCode::DiskFull) => {
            format!("{shown}: the disk is full; nothing after the last saved answer was written")
        }
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied | ErrorCode::CannotOpen) => {
            format!("{shown}: cannot be opened for writing ({})", short(err))
        }
        _ => format!("{shown}: {}", short(err)),
    }
}

/// A store another program holds: [`describe`]'s line, as a type that
/// [`Store::open_file`] can tell from other failures (the error report
/// prints every cause, so a wrapped SQLite error would add its own text).
#[derive(Debug)]
struct Busy(String);

impl std::fmt::Display for Busy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Busy {}

/// [`describe`] as an error; a busy or locked store is a [`Busy`].
fn error(path: &Path, err: &rusqlite::Error) -> anyhow::Error {
    let line = describe(path, err);
    match err.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => anyhow::Error::new(Busy(line)),
        _ => anyhow::anyhow!(line),
    }
}

fn short(err: &rusqlite::Error) -> String {
    match err {
        rusqlite::Error::SqliteFailure(e, Some(message)) if !message.is_empty() => {
            format!("{message}; {e}")
        }
        other => other.to_string(),
    }
}

impl Store {
    /// Opens (creating if needed) the store in `dir`, migrating it to the
    /// current schema.
    pub fn open(dir: &Path) -> anyhow::Result<Store> {
        std::fs::create_dir_all(dir).map_err(|e| {
            anyhow::anyhow!(
                "{}: cannot create the data folder: {}",
                dir.display(),
                crate::input::io_reason(&e)
            )
        })?;
        let path = dir.join(FILE_NAME);
        Store::open_file(&path)
    }

    /// Opens (creating if needed) the store file at `path`.
    ///
    /// SQLite does not always wait for a lock while a store is being set up
    /// (two programs creating it at once can meet mid-way, e.g. while one
    /// switches it to WAL), so the whole opening is tried again while the
    /// store is busy, until the busy timeout has passed since the first
    /// try (a try that waits inside SQLite may end up to that much later).
    pub fn open_file(path: &Path) -> anyhow::Result<Store> {
        let deadline = Instant::now() + BUSY_TIMEOUT;
        loop {
            match Store::try_open(path) {
                Err(e) if e.is::<Busy>() && Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                done => return done,
            }
        }
    }

    fn try_open(path: &Path) -> anyhow::Result<Store> {
        let fail = |e: rusqlite::Error| error(path, &e);
        let existed = path.exists();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(fail)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        let mut store = Store {
            conn,
            path: path.to_owned(),
        };
        store.check_identity(existed)?;
        store
            .conn
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
            )
            .map_err(fail)?;
        store.migrate()?;
        Ok(store)
    }

    /// Refuses a file that is some other program's database (or not a
    /// database at all) before anything is written to it.
    fn check_identity(&self, existed: bool) -> anyhow::Result<()> {
        let fail = |e: rusqlite::Error| error(&self.path, &e);
        // One statement, one snapshot: read apart, another process creating
        // the store could commit in between (no id yet, then its tables).
        let (app, tables): (i32, i64) = self
            .conn
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id()), \
                        (SELECT count(*) FROM sqlite_schema)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(fail)?;
        if app != APPLICATION_ID && (tables > 0 || (existed && app != 0)) {
            anyhow::bail!(
                "{}: is a database of some other program, not a factdrill progress store; it was left as it is",
                self.path.display()
            );
        }
        Ok(())
    }

    fn migrate(&mut self) -> anyhow::Result<()> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| error(&path, &e);
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(fail)?;
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        if version > SCHEMA_VERSION {
            anyhow::bail!(
                "{}: was written by a newer factdrill (schema {version}; this one knows {SCHEMA_VERSION}); it was left as it is",
                self.path.display()
            );
        }
        // IMMEDIATE: two processes starting at once migrate one after the other.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(fail)?;
        let version: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(fail)?;
        for (step, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql).map_err(fail)?;
            tx.execute_batch(&format!(
                "PRAGMA user_version = {}; PRAGMA application_id = {APPLICATION_ID};",
                step + 1
            ))
            .map_err(fail)?;
        }
        tx.commit().map_err(fail)?;
        Ok(())
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn fail(&self, e: &rusqlite::Error) -> anyhow::Error {
        anyhow::anyhow!(describe(&self.path, e))
    }

    /// The player's row id, creating the player on first use.
    pub fn player(&mut self, name: &str, now_ms: i64) -> anyhow::Result<i64> {
        self.conn
            .execute(
                "INSERT INTO players (name, created_ms) VALUES (?1, ?2) ON CONFLICT(name) DO NOTHING",
                params![name, now_ms],
            )
            .map_err(|e| self.fail(&e))?;
        self.conn
            .query_row("SELECT id FROM players WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .map_err(|e| self.fail(&e))
    }

    /// Looks a player up without creating one.
    pub fn find_player(&self, name: &str) -> anyhow::Result<Option<i64>> {
        self.conn
            .query_row("SELECT id FROM players WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.fail(&e))
    }

    /// Records a deck and its questions (updating title and wording when the
    /// deck was edited; history stays with the ids).
    pub fn save_deck(
        &mut self,
        deck: DeckRow<'_>,
        questions: &[QuestionRow<'_>],
        now_ms: i64,
    ) -> anyhow::Result<()> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| anyhow::anyhow!(describe(&path, &e));
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(fail)?;
        tx.execute(
            "INSERT INTO decks (id, title, source, questions, first_seen_ms, last_seen_ms)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)
             ON CONFLICT(id) DO UPDATE SET title = excluded.title, source = excluded.source,
                 questions = excluded.questions, last_seen_ms = excluded.last_seen_ms",
            params![
                deck.id,
                deck.title,
                deck.source,
                questions.len() as i64,
                now_ms
            ],
        )
        .map_err(fail)?;
        {
            let mut insert = tx
                .prepare(
                    "INSERT INTO questions (deck_id, id, kind, style, prompt, answer, source, body, retired)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0)
                     ON CONFLICT(deck_id, id) DO UPDATE SET kind = excluded.kind,
                         style = excluded.style, prompt = excluded.prompt,
                         answer = excluded.answer, source = excluded.source,
                         body = excluded.body, retired = 0",
                )
                .map_err(fail)?;
            for q in questions {
                insert
                    .execute(params![
                        deck.id, q.id, q.kind, q.style, q.prompt, q.answer, q.source, q.body
                    ])
                    .map_err(fail)?;
            }
        }
        // A question deleted from the deck retires its card; its history stays.
        let ids: Vec<&str> = questions.iter().map(|q| q.id).collect();
        tx.execute(
            "UPDATE questions SET retired = 1
             WHERE deck_id = ?1 AND id NOT IN (SELECT value FROM json_each(?2))",
            params![deck.id, serde_json::to_string(&ids)?],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)
    }

    /// Starts a session (status running, this process's id kept so a
    /// session whose process died can be told from one still running).
    pub fn start_session(&mut self, s: &NewSession<'_>) -> anyhow::Result<()> {
        let plan = serde_json::to_string(s.plan)?;
        self.conn
            .execute(
                "INSERT INTO sessions (id, player_id, deck_id, started_ms, status, pid, planned, plan, mode)
                 VALUES (?1, ?2, ?3, ?4, 'running', ?5, ?6, ?7, ?8)",
                params![
                    s.id,
                    s.player,
                    s.deck,
                    s.started_ms,
                    i64::from(std::process::id()),
                    s.plan.len() as i64,
                    plan,
                    s.mode
                ],
            )
            .map_err(|e| self.fail(&e))?;
        Ok(())
    }

    /// Stores one answer, updates its session's score and (with `schedule`)
    /// the question's card and review log, in one transaction, committed
    /// before this returns. `schedule` gets the card as stored (`None` for
    /// a question never met) and returns the card after this answer.
    pub fn record(
        &mut self,
        a: &AnswerRow<'_>,
        schedule: Option<&Schedule<'_>>,
    ) -> anyhow::Result<()> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| anyhow::anyhow!(describe(&path, &e));
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(fail)?;
        insert_answer(&tx, a).map_err(fail)?;
        if let Some(schedule) = schedule {
            let card = cards::load(&tx, a.player, a.deck, a.question).map_err(fail)?;
            let (card, log) = schedule(card)?;
            cards::save(&tx, a, &card, &log).map_err(fail)?;
        }
        tx.commit().map_err(fail)
    }

    /// Marks a session complete or interrupted.
    pub fn finish(&mut self, session: &str, status: Status, now_ms: i64) -> anyhow::Result<()> {
        self.conn
            .execute(
                "UPDATE sessions SET status = ?2, ended_ms = ?3 WHERE id = ?1 AND status = 'running'",
                params![session, status.as_str(), now_ms],
            )
            .map_err(|e| self.fail(&e))?;
        Ok(())
    }

    /// Marks as interrupted every running session whose process is gone
    /// (killed, or the machine lost power); returns how many.
    pub fn reap(&mut self) -> anyhow::Result<usize> {
        let running: Vec<(String, Option<i64>, i64)> = {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT s.id, s.pid, coalesce(max(a.answered_ms), s.started_ms)
                     FROM sessions s LEFT JOIN answers a ON a.session_id = s.id
                     WHERE s.status = 'running' GROUP BY s.id",
                )
                .map_err(|e| self.fail(&e))?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .and_then(Iterator::collect)
                .map_err(|e| self.fail(&e))?
        };
        let mut reaped = 0;
        for (id, pid, last_ms) in running {
            if pid.is_some_and(process_alive) {
                continue;
            }
            self.finish(&id, Status::Interrupted, last_ms)?;
            reaped += 1;
        }
        Ok(reaped)
    }

    /// The player's best complete session on a deck other than `except`,
    /// as (right, asked) where a close spelling counts as right; by
    /// percentage, then by the number asked.
    pub fn best(
        &self,
        player: i64,
        deck: &str,
        except: &str,
    ) -> anyhow::Result<Option<(i64, i64)>> {
        self.conn
            .query_row(
                "SELECT correct + close, asked FROM sessions
                 WHERE player_id = ?1 AND deck_id = ?2 AND id != ?3 AND asked > 0
                     AND status = 'complete' AND mode = 'quiz'
                 ORDER BY CAST(correct + close AS REAL) / asked DESC, asked DESC LIMIT 1",
                params![player, deck, except],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.fail(&e))
    }

    /// Read access for the stats queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Fills the store in one transaction (benchmarks and tests of scale).
    pub fn bulk<T>(
        &mut self,
        fill: impl FnOnce(&rusqlite::Transaction<'_>) -> rusqlite::Result<T>,
    ) -> anyhow::Result<T> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| anyhow::anyhow!(describe(&path, &e));
        let tx = self.conn.transaction().map_err(fail)?;
        let value = fill(&tx).map_err(fail)?;
        tx.commit().map_err(fail)?;
        Ok(value)
    }

    /// Sessions as stored, newest last.
    pub fn sessions(
        &self,
        player: Option<i64>,
        deck: Option<&str>,
    ) -> anyhow::Result<Vec<SessionRow>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT s.id, p.name, s.deck_id, d.title, s.started_ms, s.ended_ms, s.status,
                        s.planned, s.asked, s.correct, s.close, s.mode
                 FROM sessions s JOIN players p ON p.id = s.player_id JOIN decks d ON d.id = s.deck_id
                 WHERE (?1 IS NULL OR s.player_id = ?1) AND (?2 IS NULL OR s.deck_id = ?2)
                 ORDER BY s.started_ms, s.rowid",
            )
            .map_err(|e| self.fail(&e))?;
        stmt.query_map(params![player, deck], |r| {
            Ok(SessionRow {
                id: r.get(0)?,
                player: r.get(1)?,
                deck: r.get(2)?,
                deck_title: r.get(3)?,
                started_ms: r.get(4)?,
                ended_ms: r.get(5)?,
                status: Status::parse(&r.get::<_, String>(6)?),
                planned: r.get(7)?,
                asked: r.get(8)?,
                correct: r.get(9)?,
                close: r.get(10)?,
                mode: r.get(11)?,
            })
        })
        .and_then(Iterator::collect)
        .map_err(|e| self.fail(&e))
    }

    /// How many answers a session has stored (retries included).
    pub fn answered(&self, session: &str) -> anyhow::Result<i64> {
        self.conn
            .query_row(
                "SELECT count(*) FROM answers WHERE session_id = ?1",
                [session],
                |r| r.get(0),
            )
            .map_err(|e| self.fail(&e))
    }

    /// Runs SQLite's integrity check; `"ok"` when the file is sound.
    pub fn integrity(&self) -> anyhow::Result<String> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(|e| self.fail(&e))
    }
}

/// Whether a process with this id is running on this machine.
fn process_alive(pid: i64) -> bool {
    let Ok(pid) = i32::try_from(pid) else {
        return false;
    };
    if pid <= 0 {
        return false;
    }
    match nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None) {
        Ok(()) => true,
        // It exists but belongs to someone else.
        Err(e) => e == nix::errno::Errno::EPERM,
    }
}

/// Stores one answer and counts a first try in its session's score (the
/// tallies follow by trigger).
pub(crate) fn insert_answer(
    tx: &rusqlite::Transaction<'_>,
    a: &AnswerRow<'_>,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO answers (session_id, player_id, deck_id, question_id, kind, style,
                              answered_ms, given, verdict, response_ms, retry)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            a.session,
            a.player,
            a.deck,
            a.question,
            a.kind,
            a.style,
            a.answered_ms,
            a.given,
            a.verdict,
            a.response_ms,
            a.retry
        ],
    )?;
    if !a.retry {
        tx.execute(
            "UPDATE sessions SET asked = asked + 1,
                 correct = correct + (?2 = 'correct'), close = close + (?2 = 'close')
             WHERE id = ?1",
            params![a.session, a.verdict],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer<'a>(session: &'a str, player: i64, verdict: &'a str, retry: bool) -> AnswerRow<'a> {
        AnswerRow {
            session,
            player,
            deck: "d-1",
            question: "q-1",
            kind: "who",
            style: "wh",
            answered_ms: 1_000,
            given: "x",
            verdict,
            response_ms: 5,
            retry,
        }
    }

    fn ready(dir: &Path) -> (Store, i64) {
        let mut store = Store::open(dir).unwrap();
        let player = store.player("ana", 0).unwrap();
        store
            .save_deck(
                DeckRow {
                    id: "d-1",
                    title: "T",
                    source: None,
                },
                &[],
                0,
            )
            .unwrap();
        (store, player)
    }

    #[test]
    fn answers_update_the_session_score_and_retries_do_not() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, player) = ready(dir.path());
        let plan = vec!["q-1".to_owned()];
        store
            .start_session(&NewSession {
                id: "s-1",
                player,
                deck: "d-1",
                started_ms: 0,
                plan: &plan,
                mode: "quiz",
            })
            .unwrap();
        store
            .record(&answer("s-1", player, "correct", false), None)
            .unwrap();
        store
            .record(&answer("s-1", player, "wrong", false), None)
            .unwrap();
        store
            .record(&answer("s-1", player, "correct", true), None)
            .unwrap();
        store.finish("s-1", Status::Complete, 9).unwrap();
        let sessions = store.sessions(Some(player), None).unwrap();
        assert_eq!((sessions[0].asked, sessions[0].correct), (2, 1));
        assert_eq!(sessions[0].status, Status::Complete);
        assert_eq!(store.best(player, "d-1", "s-2").unwrap(), Some((1, 2)));
        assert_eq!(store.best(player, "d-1", "s-1").unwrap(), None);
    }

    #[test]
    fn many_programs_creating_one_store_at_once_all_open_it() {
        for _ in 0..10 {
            let dir = tempfile::tempdir().unwrap();
            let openers: Vec<_> = (0..6)
                .map(|i| {
                    let dir = dir.path().to_owned();
                    std::thread::spawn(move || {
                        let mut store = Store::open(&dir)?;
                        store.player(&format!("p{i}"), 0)
                    })
                })
                .collect();
            for opener in openers {
                opener.join().unwrap().unwrap();
            }
            let store = Store::open(dir.path()).unwrap();
            for i in 0..6 {
                assert!(store.find_player(&format!("p{i}")).unwrap().is_some());
            }
        }
    }

    #[test]
    fn a_session_whose_process_is_gone_is_marked_interrupted() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, player) = ready(dir.path());
        store
            .start_session(&NewSession {
                id: "s-1",
                player,
                deck: "d-1",
                started_ms: 0,
                plan: &[],
                mode: "quiz",
            })
            .unwrap();
        // Our own process is alive: nothing to reap.
        assert_eq!(store.reap().unwrap(), 0);
        store
            .conn
            .execute("UPDATE sessions SET pid = 999999999", [])
            .unwrap();
        assert_eq!(store.reap().unwrap(), 1);
        let s = &store.sessions(None, None).unwrap()[0];
        assert_eq!(s.status, Status::Interrupted);
    }

    #[test]
    fn reopening_keeps_the_schema_and_the_data() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = ready(dir.path());
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.find_player("ana").unwrap(), Some(1));
        assert_eq!(store.integrity().unwrap(), "ok");
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let junk = b"this is not a database, it is a shopping list\n".repeat(100);
        std::fs::write(&path, &junk).unwrap();
        let err = Store::open(dir.path()).unwrap_err().to_string();
        assert!(err.contains("factdrill.sqlite"), "{err}");
        assert!(err.contains("not a factdrill progress store"), "{err}");
        assert!(!err.contains('\n'), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), junk);
    }

    #[test]
    fn another_programs_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let other = Connection::open(&path).unwrap();
        other.execute_batch("CREATE TABLE t (x)").unwrap();
        drop(other);
        let err = Store::open(dir.path()).unwrap_err().to_string();
        assert!(err.contains("some other program"), "{err}");
    }

    #[test]
    fn a_data_folder_under_a_file_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain");
        std::fs::write(&file, "x").unwrap();
        let err = Store::open(&file.join("data")).unwrap_err().to_string();
        assert!(err.contains("cannot create the data folder"), "{err}");
    }
}
