//! Admin: what a learner does with their progress as a whole: list the
//! players, forget a player's progress (all of it or one deck's), back the
//! store up while it may be in use, put a backup back, and find an
//! interrupted quiz to pick up again.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};

use super::{APPLICATION_ID, BUSY_TIMEOUT, FILE_NAME, SCHEMA_VERSION, Store, describe};
use crate::error::input;

/// One player as `factdrill players` lists them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PlayerRow {
    /// The player's name.
    pub name: String,
    /// Sessions of every mode (quiz, review, cram).
    pub sessions: i64,
    /// Sessions stopped before their end.
    pub interrupted: i64,
    /// Answers stored, retries included.
    pub answers: i64,
    /// Questions with a spaced-repetition card.
    pub cards: i64,
    /// The latest start, end or answer of theirs (else when they were
    /// first seen), ms since the Unix epoch.
    pub last_active_ms: i64,
}

/// How much of a player's progress a reset covers (or covered).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    /// Sessions.
    pub sessions: i64,
    /// Answers, retries included.
    pub answers: i64,
    /// Spaced-repetition cards.
    pub cards: i64,
    /// Entries of the review log.
    pub reviews: i64,
}

/// What a store holds, in a few numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Contents {
    /// Players.
    pub players: i64,
    /// Sessions.
    pub sessions: i64,
    /// Answers.
    pub answers: i64,
}

/// An interrupted quiz that can be picked up again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interrupted {
    /// Session id.
    pub id: String,
    /// When it started, ms since the Unix epoch.
    pub started_ms: i64,
    /// The question ids planned, in order.
    pub plan: Vec<String>,
    /// Its first-time answers so far: (question id, kind, verdict), in the
    /// order given.
    pub answered: Vec<(String, String, String)>,
}

impl Interrupted {
    /// The planned questions that have no answer yet, in plan order.
    pub fn remaining(&self) -> Vec<String> {
        let mut answered: Vec<&str> = self.answered.iter().map(|a| a.0.as_str()).collect();
        self.plan
            .iter()
            .filter(|id| {
                if let Some(at) = answered.iter().position(|a| a == id) {
                    answered.swap_remove(at);
                    false
                } else {
                    true
                }
            })
            .cloned()
            .collect()
    }
}

/// What `restore` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The store now in place.
    pub store: PathBuf,
    /// Where the store it replaced was kept (`None`: there was none).
    pub kept: Option<PathBuf>,
    /// What the restored store holds.
    pub contents: Contents,
}

fn contents(conn: &Connection) -> rusqlite::Result<Contents> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM players), (SELECT count(*) FROM sessions),
                (SELECT count(*) FROM answers)",
        [],
        |r| {
            Ok(Contents {
                players: r.get(0)?,
                sessions: r.get(1)?,
                answers: r.get(2)?,
            })
        },
    )
}

/// `PRAGMA integrity_check`: `Ok(())` when sound, else its first complaint.
fn integrity(conn: &Connection) -> rusqlite::Result<Result<(), String>> {
    let first: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    Ok(if first == "ok" { Ok(()) } else { Err(first) })
}

/// Copies every page of `from` into `to` with SQLite's online backup, in
/// one step so the copy is one consistent snapshot; waits while the source
/// or the copy is busy, up to the store's busy timeout.
fn copy(from: &Connection, to: &mut Connection) -> rusqlite::Result<()> {
    let backup = Backup::new(from, to)?;
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More | StepResult::Busy | StepResult::Locked
                if Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            _ => {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    None,
                ));
            }
        }
    }
}

/// Turns a finished copy into one self-contained file (no write-ahead log
/// beside it) and checks it.
fn seal(conn: &Connection) -> rusqlite::Result<Result<Contents, String>> {
    let mode: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Ok(Err(format!("its journal stayed in {mode} mode")));
    }
    Ok(match integrity(conn)? {
        Ok(()) => Ok(contents(conn)?),
        Err(problem) => Err(problem),
    })
}

/// A temporary file beside `path`, removed on drop unless kept.
struct Temp {
    path: PathBuf,
    keep: bool,
}

impl Temp {
    fn beside(path: &Path, what: &str) -> Temp {
        let name = path
            .file_name()
            .map_or_else(|| "factdrill".into(), |n| n.to_string_lossy().into_owned());
        let path = path.with_file_name(format!(".{name}.{what}-{}", std::process::id()));
        let temp = Temp { path, keep: false };
        temp.remove();
        temp
    }

    fn remove(&self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = fs::remove_file(with_suffix(&self.path, suffix));
        }
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.keep {
            self.remove();
        }
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Flushes a file (and the folder holding it) to disk.
fn sync(path: &Path) -> std::io::Result<()> {
    fs::File::open(path)?.sync_all()?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Not every platform can open a folder; the rename is durable anyway
        // on those that cannot.
        if let Ok(dir) = fs::File::open(dir) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

impl Store {
    /// Every player, by name, with their sessions, answers, cards and last
    /// activity.
    pub fn players(&self) -> anyhow::Result<Vec<PlayerRow>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT p.name,
                    (SELECT count(*) FROM sessions s WHERE s.player_id = p.id),
                    (SELECT count(*) FROM sessions s WHERE s.player_id = p.id
                        AND s.status = 'interrupted'),
                    (SELECT count(*) FROM answers a WHERE a.player_id = p.id),
                    (SELECT count(*) FROM cards c WHERE c.player_id = p.id),
                    max(p.created_ms,
                        coalesce((SELECT max(max(s.started_ms, coalesce(s.ended_ms, 0)))
                                  FROM sessions s WHERE s.player_id = p.id), 0),
                        coalesce((SELECT max(a.answered_ms) FROM answers a
                                  WHERE a.player_id = p.id), 0))
                 FROM players p ORDER BY lower(p.name), p.name",
            )
            .map_err(|e| self.fail(&e))?;
        stmt.query_map([], |r| {
            Ok(PlayerRow {
                name: r.get(0)?,
                sessions: r.get(1)?,
                interrupted: r.get(2)?,
                answers: r.get(3)?,
                cards: r.get(4)?,
                last_active_ms: r.get(5)?,
            })
        })
        .and_then(Iterator::collect)
        .map_err(|e| self.fail(&e))
    }

    /// Names of every player, for telling a user who is there.
    pub fn player_names(&self) -> anyhow::Result<Vec<String>> {
        Ok(self.players()?.into_iter().map(|p| p.name).collect())
    }

    /// What a reset of `player` (on `deck`, or every deck) would forget.
    pub fn progress(&self, player: i64, deck: Option<&str>) -> anyhow::Result<Progress> {
        self.conn
            .query_row(
                "SELECT
                    (SELECT count(*) FROM sessions WHERE player_id = ?1
                        AND (?2 IS NULL OR deck_id = ?2)),
                    (SELECT count(*) FROM answers WHERE player_id = ?1
                        AND (?2 IS NULL OR deck_id = ?2)),
                    (SELECT count(*) FROM cards WHERE player_id = ?1
                        AND (?2 IS NULL OR deck_id = ?2)),
                    (SELECT count(*) FROM review_log WHERE player_id = ?1
                        AND (?2 IS NULL OR deck_id = ?2))",
                params![player, deck],
                |r| {
                    Ok(Progress {
                        sessions: r.get(0)?,
                        answers: r.get(1)?,
                        cards: r.get(2)?,
                        reviews: r.get(3)?,
                    })
                },
            )
            .map_err(|e| self.fail(&e))
    }

    /// Forgets a player's answers, cards, reviews and sessions: on `deck`
    /// only, or everywhere (and then the player too). One transaction; the
    /// per-question tallies and the scores of sessions that keep answers of
    /// other decks are brought in line. Refuses while one of the player's
    /// sessions is still running (call [`Store::reap`] first).
    pub fn reset(&mut self, player: i64, deck: Option<&str>) -> anyhow::Result<Progress> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| anyhow::anyhow!(describe(&path, &e));
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(fail)?;
        let running: Option<Option<i64>> = tx
            .query_row(
                "SELECT pid FROM sessions WHERE player_id = ?1 AND status = 'running'
                     AND (?2 IS NULL OR deck_id = ?2
                          OR id IN (SELECT session_id FROM answers
                                    WHERE player_id = ?1 AND deck_id = ?2))
                 LIMIT 1",
                params![player, deck],
                |r| r.get(0),
            )
            .optional()
            .map_err(fail)?;
        if let Some(pid) = running {
            let pid = pid.map_or_else(String::new, |p| format!(" (process {p})"));
            anyhow::bail!(
                "a quiz or review of this player is still running{pid}; nothing was changed: reset when it has finished"
            );
        }
        let mut done = Progress::default();
        match deck {
            None => {
                // The tallies go first, so the answers' delete trigger has
                // nothing left to count down.
                tx.execute("DELETE FROM tallies WHERE player_id = ?1", [player])
                    .map_err(fail)?;
                done.answers = tx
                    .execute("DELETE FROM answers WHERE player_id = ?1", [player])
                    .map_err(fail)? as i64;
                done.reviews = tx
                    .execute("DELETE FROM review_log WHERE player_id = ?1", [player])
                    .map_err(fail)? as i64;
                done.cards = tx
                    .execute("DELETE FROM cards WHERE player_id = ?1", [player])
                    .map_err(fail)? as i64;
                done.sessions = tx
                    .execute("DELETE FROM sessions WHERE player_id = ?1", [player])
                    .map_err(fail)? as i64;
                tx.execute("DELETE FROM players WHERE id = ?1", [player])
                    .map_err(fail)?;
            }
            Some(deck) => {
                // Sessions that hold answers of this deck (a review spans
                // decks) keep their other answers, with their score redone.
                let touched: Vec<String> = {
                    let mut stmt = tx
                        .prepare(
                            "SELECT DISTINCT session_id FROM answers
                             WHERE player_id = ?1 AND deck_id = ?2",
                        )
                        .map_err(fail)?;
                    stmt.query_map(params![player, deck], |r| r.get(0))
                        .and_then(Iterator::collect)
                        .map_err(fail)?
                };
                tx.execute(
                    "DELETE FROM tallies WHERE player_id = ?1 AND deck_id = ?2",
                    params![player, deck],
                )
                .map_err(fail)?;
                done.answers = tx
                    .execute(
                        "DELETE FROM answers WHERE player_id = ?1 AND deck_id = ?2",
                        params![player, deck],
                    )
                    .map_err(fail)? as i64;
                done.reviews = tx
                    .execute(
                        "DELETE FROM review_log WHERE player_id = ?1 AND deck_id = ?2",
                        params![player, deck],
                    )
                    .map_err(fail)? as i64;
                done.cards = tx
                    .execute(
                        "DELETE FROM cards WHERE player_id = ?1 AND deck_id = ?2",
                        params![player, deck],
                    )
                    .map_err(fail)? as i64;
                let touched = serde_json::to_string(&touched)?;
                done.sessions = tx
                    .execute(
                        "DELETE FROM sessions WHERE player_id = ?1
                             AND (deck_id = ?2 OR id IN (SELECT value FROM json_each(?3)))
                             AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.session_id = sessions.id)",
                        params![player, deck, touched],
                    )
                    .map_err(fail)? as i64;
                // What is left of them belongs to the other decks.
                tx.execute(
                    "UPDATE sessions SET
                         deck_id = CASE WHEN deck_id = ?2
                             THEN (SELECT a.deck_id FROM answers a WHERE a.session_id = sessions.id
                                   ORDER BY a.id LIMIT 1)
                             ELSE deck_id END,
                         asked = (SELECT count(*) FROM answers a
                                  WHERE a.session_id = sessions.id AND a.retry = 0),
                         correct = (SELECT count(*) FROM answers a WHERE a.session_id = sessions.id
                                    AND a.retry = 0 AND a.verdict = 'correct'),
                         close = (SELECT count(*) FROM answers a WHERE a.session_id = sessions.id
                                  AND a.retry = 0 AND a.verdict = 'close')
                     WHERE player_id = ?1
                         AND (deck_id = ?2 OR id IN (SELECT value FROM json_each(?3)))",
                    params![player, deck, touched],
                )
                .map_err(fail)?;
            }
        }
        tx.commit().map_err(fail)?;
        Ok(done)
    }

    /// Writes a consistent copy of the store to `dest` with SQLite's online
    /// backup, while other processes may be answering into it. The copy is
    /// written beside `dest`, checked, then renamed into place, so a failed
    /// backup leaves `dest` as it was. Refuses an existing `dest` unless
    /// `force`.
    pub fn backup_to(&self, dest: &Path, force: bool) -> anyhow::Result<Contents> {
        let shown = dest.display();
        if dest.is_dir() {
            return Err(input(format!("{shown}: is a folder; name the backup file")));
        }
        if dest.exists() && !force {
            return Err(input(format!(
                "{shown}: already exists; use --force to replace it"
            )));
        }
        if same_file(dest, &self.path) {
            return Err(input(format!(
                "{shown}: is the progress store itself; name another file"
            )));
        }
        let dir = dest
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !dir.is_dir() {
            return Err(input(format!(
                "{shown}: the folder {} does not exist",
                dir.display()
            )));
        }
        let temp = Temp::beside(dest, "backup");
        let fail_dest = |e: rusqlite::Error| anyhow::anyhow!(describe(dest, &e));
        let mut to = Connection::open(&temp.path).map_err(fail_dest)?;
        copy(&self.conn, &mut to).map_err(|e| self.fail(&e))?;
        let contents = match seal(&to).map_err(fail_dest)? {
            Ok(contents) => contents,
            Err(problem) => anyhow::bail!(
                "{shown}: the copy failed its check ({problem}); {} was not written",
                dest.display()
            ),
        };
        to.close().map_err(|(_, e)| fail_dest(e))?;
        let io = |e: std::io::Error| {
            anyhow::anyhow!("{shown}: cannot write: {}", crate::input::io_reason(&e))
        };
        sync(&temp.path).map_err(io)?;
        fs::rename(&temp.path, dest).map_err(io)?;
        Ok(contents)
    }

    /// The player's latest interrupted quiz on `deck`, if any.
    pub fn interrupted(&self, player: i64, deck: &str) -> anyhow::Result<Option<Interrupted>> {
        let found: Option<(String, i64, String)> = self
            .conn
            .query_row(
                "SELECT id, started_ms, plan FROM sessions
                 WHERE player_id = ?1 AND deck_id = ?2 AND mode = 'quiz'
                     AND status = 'interrupted'
                 ORDER BY started_ms DESC, rowid DESC LIMIT 1",
                params![player, deck],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| self.fail(&e))?;
        let Some((id, started_ms, plan)) = found else {
            return Ok(None);
        };
        let plan: Vec<String> = serde_json::from_str(&plan).map_err(|e| {
            anyhow::anyhow!(
                "{}: the plan of session {id} cannot be read ({e})",
                self.path.display()
            )
        })?;
        let answered = {
            let mut stmt = self
                .conn
                .prepare(
                    "SELECT question_id, kind, verdict FROM answers
                     WHERE session_id = ?1 AND retry = 0 ORDER BY id",
                )
                .map_err(|e| self.fail(&e))?;
            stmt.query_map([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .and_then(Iterator::collect)
                .map_err(|e| self.fail(&e))?
        };
        Ok(Some(Interrupted {
            id,
            started_ms,
            plan,
            answered,
        }))
    }

    /// Takes an interrupted session up again in this process: running
    /// again, to be finished as any session is. `false` when another
    /// process took it up first.
    pub fn resume_session(&mut self, session: &str) -> anyhow::Result<bool> {
        let changed = self
            .conn
            .execute(
                "UPDATE sessions SET status = 'running', ended_ms = NULL, pid = ?2
                 WHERE id = ?1 AND status = 'interrupted'",
                params![session, i64::from(std::process::id())],
            )
            .map_err(|e| self.fail(&e))?;
        Ok(changed == 1)
    }
}

/// An SQLite URI opening `path` read-only as an immutable file.
fn immutable_uri(path: &str) -> String {
    let mut uri = String::from("file:");
    for c in path.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            _ => uri.push(c),
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    uri
}

/// Checks that `file` is a sound factdrill store this build can read and
/// opens it read-only; every refusal is one line naming the file.
fn open_candidate(file: &Path) -> anyhow::Result<Connection> {
    let shown = file.display();
    let refuse = |why: String| input(format!("{shown}: {why}; nothing was restored"));
    let sqlite = |e: &rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => refuse(format!(
            "is not a factdrill progress store or is damaged ({e})"
        )),
        _ => refuse(format!("cannot be read ({e})")),
    };
    let meta = fs::metadata(file).map_err(|e| {
        input(format!(
            "{shown}: cannot read the backup: {}",
            crate::input::io_reason(&e)
        ))
    })?;
    if meta.is_dir() {
        return Err(refuse("is a folder, not a backup file".into()));
    }
    if meta.len() == 0 {
        return Err(refuse("is empty, not a factdrill progress store".into()));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    // Without a write-ahead log beside it, the file is all there is: read
    // it as immutable, so nothing (no -shm, no -wal) is left next to it.
    let immutable = file
        .to_str()
        .filter(|_| !with_suffix(file, "-wal").exists())
        .map(immutable_uri);
    let conn = match immutable {
        Some(uri) => Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI),
        None => Connection::open_with_flags(file, flags),
    }
    .map_err(|e| sqlite(&e))?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| sqlite(&e))?;
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| sqlite(&e))?;
    if app != APPLICATION_ID {
        return Err(refuse(
            "is not a factdrill progress store (some other program's database)".into(),
        ));
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| sqlite(&e))?;
    if version > SCHEMA_VERSION {
        return Err(refuse(format!(
            "was written by a newer factdrill (schema {version}; this one knows {SCHEMA_VERSION})"
        )));
    }
    if version < 1 {
        return Err(refuse(
            "is not a factdrill progress store (no schema)".into(),
        ));
    }
    match integrity(&conn).map_err(|e| sqlite(&e))? {
        Ok(()) => Ok(conn),
        Err(problem) => Err(refuse(format!("is damaged ({problem})"))),
    }
}

/// Puts the store saved in `file` back as the store of `dir`.
///
/// The file is checked (a factdrill store, a schema this build knows,
/// SQLite's integrity check), copied into the data folder with the online
/// backup, migrated and checked again; only then is the current store (if
/// any) kept beside it as `factdrill.sqlite.before-restore-STAMP` (never
/// over an earlier one) and the copy renamed into its place. Refuses while
/// a quiz or review is running on the store or another program has it
/// open.
pub fn restore(dir: &Path, file: &Path, stamp: &str) -> anyhow::Result<Restored> {
    let current = dir.join(FILE_NAME);
    if same_file(file, &current) {
        return Err(input(format!(
            "{}: is the progress store itself; nothing was restored",
            file.display()
        )));
    }
    let from = open_candidate(file)?;
    fs::create_dir_all(dir).map_err(|e| {
        anyhow::anyhow!(
            "{}: cannot create the data folder: {}",
            dir.display(),
            crate::input::io_reason(&e)
        )
    })?;
    let mut temp = Temp::beside(&current, "restore");
    {
        let fail = |e: rusqlite::Error| anyhow::anyhow!(describe(&temp.path, &e));
        let mut to = Connection::open(&temp.path).map_err(fail)?;
        copy(&from, &mut to).map_err(|e| anyhow::anyhow!(describe(file, &e)))?;
        to.close().map_err(|(_, e)| fail(e))?;
    }
    drop(from);
    // Bring an older backup's schema up to date, then seal the copy.
    let contents = {
        let store = Store::open_file(&temp.path)?;
        let fail = |e: rusqlite::Error| anyhow::anyhow!(describe(&temp.path, &e));
        let sealed = seal(&store.conn).map_err(fail)?;
        store.conn.close().map_err(|(_, e)| fail(e))?;
        sealed.map_err(|problem| {
            anyhow::anyhow!(
                "{}: the restored copy failed its check ({problem}); nothing was restored",
                file.display()
            )
        })?
    };
    sync(&temp.path).map_err(|e| {
        anyhow::anyhow!(
            "{}: cannot write: {}",
            temp.path.display(),
            crate::input::io_reason(&e)
        )
    })?;
    let kept = if current.exists() {
        Some(set_aside(&current, stamp, &temp.path)?)
    } else {
        fs::rename(&temp.path, &current).map_err(|e| {
            anyhow::anyhow!(
                "{}: cannot put the backup in place: {}",
                current.display(),
                crate::input::io_reason(&e)
            )
        })?;
        None
    };
    temp.keep = true;
    Ok(Restored {
        store: current,
        kept,
        contents,
    })
}

/// Keeps the store at `current` under a new name and moves `fresh` into
/// its place, holding the store's lock meanwhile. Returns the kept name.
fn set_aside(current: &Path, stamp: &str, fresh: &Path) -> anyhow::Result<PathBuf> {
    let shown = current.display();
    let conn = Connection::open_with_flags(
        current,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| anyhow::anyhow!(describe(current, &e)))?;
    // A store that is damaged or foreign is kept aside as it is, with its
    // journal files; a sound one is first made one self-contained file.
    let sound = conn
        .query_row("PRAGMA application_id", [], |r| r.get::<_, i32>(0))
        .is_ok_and(|app| app == APPLICATION_ID);
    if sound {
        conn.busy_timeout(Duration::from_secs(2))
            .map_err(|e| anyhow::anyhow!(describe(current, &e)))?;
        let running: Vec<Option<i64>> = {
            let mut stmt = conn
                .prepare("SELECT pid FROM sessions WHERE status = 'running'")
                .map_err(|e| anyhow::anyhow!(describe(current, &e)))?;
            stmt.query_map([], |r| r.get(0))
                .and_then(Iterator::collect)
                .map_err(|e| anyhow::anyhow!(describe(current, &e)))?
        };
        if let Some(pid) = running
            .into_iter()
            .flatten()
            .find(|&p| super::process_alive(p))
        {
            anyhow::bail!(
                "{shown}: a quiz or review is running on it (process {pid}); nothing was restored: restore when it has finished"
            );
        }
        let in_use = || {
            anyhow::anyhow!(
                "{shown}: is in use by another program (a quiz, a review or stats); nothing was restored: try again when it has finished"
            )
        };
        let mode: String = conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
            .map_err(|_| in_use())?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(in_use());
        }
        // Nobody may open the old store while it is moved aside.
        conn.execute_batch("BEGIN EXCLUSIVE")
            .map_err(|_| in_use())?;
    }
    let io = |e: std::io::Error| {
        anyhow::anyhow!(
            "{shown}: cannot keep the current store aside: {}",
            crate::input::io_reason(&e)
        )
    };
    let mut n = 1;
    let kept = loop {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let kept = with_suffix(current, &format!(".before-restore-{stamp}{suffix}"));
        let taken = ["", "-wal", "-shm", "-journal"]
            .iter()
            .any(|s| with_suffix(&kept, s).exists());
        if !taken {
            match fs::hard_link(current, &kept) {
                Ok(()) => break kept,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io(e)),
            }
        }
        n += 1;
    };
    // Journal files belong to the store they were written for.
    for suffix in ["-wal", "-shm", "-journal"] {
        let side = with_suffix(current, suffix);
        if side.exists() {
            fs::rename(&side, with_suffix(&kept, suffix)).map_err(io)?;
        }
    }
    fs::rename(fresh, current).map_err(io)?;
    if let Some(dir) = current.parent()
        && let Ok(dir) = fs::File::open(dir)
    {
        let _ = dir.sync_all();
    }
    drop(conn);
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::super::{AnswerRow, DeckRow, NewSession, Status};
    use super::*;

    fn answer<'a>(
        session: &'a str,
        player: i64,
        deck: &'a str,
        question: &'a str,
        verdict: &'a str,
    ) -> AnswerRow<'a> {
        AnswerRow {
            session,
            player,
            deck,
            question,
            kind: "who",
            style: "wh",
            answered_ms: 1_000,
            given: "x",
            verdict,
            response_ms: 5,
            retry: false,
        }
    }

    fn session(store: &mut Store, id: &str, player: i64, deck: &str, plan: &[&str]) {
        let plan: Vec<String> = plan.iter().map(|&s| s.to_owned()).collect();
        store
            .start_session(&NewSession {
                id,
                player,
                deck,
                started_ms: 0,
                plan: &plan,
                mode: "quiz",
            })
            .unwrap();
    }

    /// Two players, two decks, a few answers each.
    fn filled(dir: &Path) -> (Store, i64, i64) {
        let mut store = Store::open(dir).unwrap();
        let ana = store.player("ana", 0).unwrap();
        let kim = store.player("kim", 0).unwrap();
        for deck in ["d-1", "d-2"] {
            store
                .save_deck(
                    DeckRow {
                        id: deck,
                        title: deck,
                        source: None,
                    },
                    &[],
                    0,
                )
                .unwrap();
        }
        for (player, name) in [(ana, "ana"), (kim, "kim")] {
            for deck in ["d-1", "d-2"] {
                let id = format!("s-{name}-{deck}");
                session(&mut store, &id, player, deck, &["q-1", "q-2"]);
                store
                    .record(&answer(&id, player, deck, "q-1", "correct"), None)
                    .unwrap();
                store
                    .record(&answer(&id, player, deck, "q-2", "wrong"), None)
                    .unwrap();
                store.finish(&id, Status::Complete, 5).unwrap();
            }
        }
        (store, ana, kim)
    }

    /// The tallies as the answers say they should be.
    fn tallies_match_answers(store: &Store) {
        let mismatched: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM (
                    SELECT player_id, deck_id, question_id, count(*) AS asked,
                           sum(verdict = 'wrong') AS missed FROM answers
                    GROUP BY player_id, deck_id, question_id
                    EXCEPT SELECT player_id, deck_id, question_id, asked, missed FROM tallies
                    WHERE asked > 0)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let stale: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM tallies t WHERE NOT EXISTS (SELECT 1 FROM answers a
                 WHERE a.player_id = t.player_id AND a.deck_id = t.deck_id
                     AND a.question_id = t.question_id)",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!((mismatched, stale), (0, 0));
    }

    #[test]
    fn a_reset_of_one_deck_leaves_the_other_deck_and_the_other_player() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, ana, kim) = filled(dir.path());
        let before = store.progress(ana, Some("d-1")).unwrap();
        assert_eq!((before.sessions, before.answers), (1, 2));
        let done = store.reset(ana, Some("d-1")).unwrap();
        assert_eq!((done.sessions, done.answers), (1, 2));
        assert_eq!(
            store.progress(ana, Some("d-1")).unwrap(),
            Progress::default()
        );
        assert_eq!(store.progress(ana, Some("d-2")).unwrap().answers, 2);
        assert_eq!(store.progress(kim, None).unwrap().answers, 4);
        tallies_match_answers(&store);
        assert_eq!(store.find_player("ana").unwrap(), Some(ana));
    }

    #[test]
    fn a_whole_reset_forgets_the_player_and_keeps_the_tallies_true() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, ana, kim) = filled(dir.path());
        let done = store.reset(ana, None).unwrap();
        assert_eq!((done.sessions, done.answers), (2, 4));
        assert_eq!(store.find_player("ana").unwrap(), None);
        assert_eq!(store.player_names().unwrap(), ["kim"]);
        assert_eq!(store.progress(kim, None).unwrap().sessions, 2);
        tallies_match_answers(&store);
        assert_eq!(store.integrity().unwrap(), "ok");
    }

    #[test]
    fn a_review_spanning_decks_keeps_its_other_answers_with_a_true_score() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, ana, _) = filled(dir.path());
        // A review session filed under d-1 that also asked a d-2 card.
        session(&mut store, "s-review", ana, "d-1", &["q-1", "q-1"]);
        store
            .record(&answer("s-review", ana, "d-1", "q-1", "correct"), None)
            .unwrap();
        store
            .record(&answer("s-review", ana, "d-2", "q-1", "close"), None)
            .unwrap();
        store.finish("s-review", Status::Complete, 9).unwrap();
        store.reset(ana, Some("d-1")).unwrap();
        let review = store
            .sessions(Some(ana), None)
            .unwrap()
            .into_iter()
            .find(|s| s.id == "s-review")
            .unwrap();
        assert_eq!(review.deck, "d-2");
        assert_eq!((review.asked, review.correct, review.close), (1, 0, 1));
        tallies_match_answers(&store);
    }

    #[test]
    fn a_running_session_blocks_a_reset() {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, ana, _) = filled(dir.path());
        session(&mut store, "s-live", ana, "d-1", &["q-1"]);
        let err = store.reset(ana, Some("d-1")).unwrap_err().to_string();
        assert!(err.contains("still running"), "{err}");
        assert_eq!(store.progress(ana, Some("d-1")).unwrap().answers, 2);
    }

    #[test]
    fn the_remaining_questions_keep_the_plan_order() {
        let interrupted = Interrupted {
            id: "s".into(),
            started_ms: 0,
            plan: ["a", "b", "c", "d"].map(String::from).to_vec(),
            answered: vec![
                ("c".into(), "who".into(), "wrong".into()),
                ("a".into(), "who".into(), "correct".into()),
            ],
        };
        assert_eq!(interrupted.remaining(), ["b", "d"]);
    }

    #[test]
    fn a_backup_restores_with_the_same_contents_and_keeps_the_replaced_store() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _, _) = filled(dir.path());
        let file = dir.path().join("copy.sqlite");
        let saved = store.backup_to(&file, false).unwrap();
        assert_eq!(saved.answers, 8);
        assert!(!with_suffix(&file, "-wal").exists());
        let err = store.backup_to(&file, false).unwrap_err().to_string();
        assert!(err.contains("already exists"), "{err}");
        drop(store);

        let other = tempfile::tempdir().unwrap();
        let fresh = restore(other.path(), &file, "T1").unwrap();
        assert_eq!(fresh.kept, None);
        assert_eq!(fresh.contents, saved);
        let again = restore(other.path(), &file, "T1").unwrap();
        let kept = again.kept.unwrap();
        assert!(
            kept.ends_with("factdrill.sqlite.before-restore-T1"),
            "{kept:?}"
        );
        let third = restore(other.path(), &file, "T1").unwrap();
        assert!(
            third
                .kept
                .unwrap()
                .ends_with("factdrill.sqlite.before-restore-T1-2")
        );
        let store = Store::open(other.path()).unwrap();
        assert_eq!(store.integrity().unwrap(), "ok");
        assert_eq!(store.player_names().unwrap(), ["ana", "kim"]);
    }

    #[test]
    fn restore_refuses_a_store_another_connection_holds_open() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _, _) = filled(dir.path());
        let file = dir.path().join("copy.sqlite");
        store.backup_to(&file, false).unwrap();
        let home = dir.path().join("home");
        let mut open = Store::open(&home).unwrap();
        open.player("zoe", 0).unwrap();
        let err = restore(&home, &file, "T").unwrap_err().to_string();
        assert!(err.contains("in use"), "{err}");
        assert_eq!(open.player_names().unwrap(), ["zoe"]);
        let left: Vec<_> = fs::read_dir(&home)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with("factdrill.sqlite"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
        drop(open);
        assert!(restore(&home, &file, "T").unwrap().kept.is_some());
    }

    #[test]
    fn an_immutable_uri_escapes_what_uris_treat_specially() {
        assert_eq!(
            immutable_uri("/tmp/a b/100%?#.sqlite"),
            "file:/tmp/a b/100%25%3f%23.sqlite?mode=ro&immutable=1"
        );
    }

    #[test]
    fn restore_refuses_what_is_not_a_sound_factdrill_store() {
        let dir = tempfile::tempdir().unwrap();
        let junk = dir.path().join("junk");
        fs::write(&junk, b"not a database at all\n".repeat(200)).unwrap();
        let other = dir.path().join("other.sqlite");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t (x)")
            .unwrap();
        let empty = dir.path().join("empty");
        fs::write(&empty, b"").unwrap();
        let (store, _, _) = filled(&dir.path().join("a"));
        let newer = dir.path().join("newer.sqlite");
        store.backup_to(&newer, false).unwrap();
        Connection::open(&newer)
            .unwrap()
            .execute_batch("PRAGMA user_version = 99")
            .unwrap();
        let home = dir.path().join("home");
        for (file, why) in [
            (&newer, "written by a newer factdrill (schema 99"),
            (&junk, "not a factdrill progress store or is damaged"),
            (&other, "some other program"),
            (&empty, "is empty"),
        ] {
            let err = restore(&home, file, "T").unwrap_err().to_string();
            assert!(err.contains(why), "{err}");
            assert!(err.contains(&file.display().to_string()), "{err}");
            assert!(!err.contains('\n'), "{err}");
        }
        assert!(!home.join(FILE_NAME).exists());
    }
}
