//! Store faults: a data folder that cannot be made or written, a database
//! locked by another process, a full disk. Each gives one clear line,
//! loses no answer already given, half-writes none, and leaves a database
//! that opens and passes SQLite's integrity check.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use rusqlite::Connection;

mod common;
use common::*;

/// SQLite's own verdict on the file, and how many answers it holds.
fn sound(store: &Path) -> i64 {
    let conn = Connection::open(store).unwrap();
    let verdict: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(verdict, "ok", "{}", store.display());
    let half: i64 = conn
        .query_row(
            "SELECT count(*) FROM answers a LEFT JOIN sessions s ON s.id = a.session_id
             WHERE s.id IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(half, 0, "answers without their session");
    conn.query_row("SELECT count(*) FROM answers", [], |r| r.get(0))
        .unwrap()
}

fn one_line(o: &Output, needle: &str) -> String {
    assert!(!o.status.success());
    let err = text(&o.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains(needle), "{needle:?} in {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn a_data_folder_under_a_regular_file_is_one_clear_line() {
    // Tests run as root, so permissions cannot stop a write: a path under a
    // regular file can never be a folder.
    let home = Home::new();
    let file = home.path().join("plain-file");
    fs::write(&file, "not a folder").unwrap();
    let data = file.join("data");
    let deck = deck(&home);
    let o = home.quiz(
        &[deck.to_str().unwrap(), "--data-dir", data.to_str().unwrap()],
        "a\nb\nc\nd\n",
    );
    let err = one_line(&o, "cannot create the data folder");
    assert!(err.contains("plain-file/data"), "{err}");
    let o = home
        .cmd(&["quiz", deck.to_str().unwrap(), "--answers", "-"])
        .env("FACTDRILL_HOME", &data)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    one_line(&o, "cannot create the data folder");
    assert_eq!(fs::read_to_string(&file).unwrap(), "not a folder");
}

#[test]
fn a_store_path_that_is_a_folder_is_one_clear_line() {
    let home = Home::new();
    fs::create_dir(home.store()).unwrap();
    let deck = deck(&home);
    let o = home.quiz(&[deck.to_str().unwrap()], "a\n");
    one_line(&o, "factdrill.sqlite");
    assert!(home.store().is_dir());
}

/// Another process holding the database in an exclusive transaction.
struct Lock(Connection);

impl Lock {
    fn take(store: &Path) -> Lock {
        let conn = Connection::open(store).unwrap();
        conn.execute_batch("BEGIN EXCLUSIVE; UPDATE players SET name = name;")
            .unwrap();
        Lock(conn)
    }

    fn release(self) {
        self.0.execute_batch("ROLLBACK").unwrap();
    }
}

#[test]
fn a_store_locked_by_another_process_is_waited_for_then_named() {
    let home = Home::new();
    let deck = deck(&home);
    let o = home.quiz(&[deck.to_str().unwrap()], "a\nb\nc\nd\n");
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(sound(&home.store()), 4);

    // Held for longer than factdrill waits: a clear line, nothing written.
    let lock = Lock::take(&home.store());
    let o = home.quiz(&[deck.to_str().unwrap()], "a\nb\nc\nd\n");
    one_line(&o, "is locked by another program");
    lock.release();
    assert_eq!(sound(&home.store()), 4);

    // Released while factdrill waits: the quiz goes on and lands.
    let lock = Lock::take(&home.store());
    let child = home
        .cmd(&["quiz", deck.to_str().unwrap(), "--answers", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_secs(2));
    lock.release();
    let mut child = child;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a\nb\nc\nd\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(sound(&home.store()), 8);
}

#[test]
fn a_store_locked_in_the_middle_of_a_quiz_keeps_every_answer_given() {
    let home = Home::new();
    let mut child = start(&home, &["--count", "6", "--seed", "3", "--player", "kim"]);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"a\nb\n").unwrap();
    stdin.flush().unwrap();
    wait_for_answers(&home, "kim", 2);
    let lock = Lock::take(&home.store());
    stdin.write_all(b"c\n").unwrap();
    stdin.flush().unwrap();
    let o = child.wait_with_output().unwrap();
    drop(stdin);
    one_line(&o, "is locked by another program");
    lock.release();
    assert_eq!(sound(&home.store()), 2);
    let stats = home.stats(&["--player", "kim"]);
    assert_eq!(stats["answers"], 2);
    assert_eq!(stats["sessions"][0]["status"], "interrupted");
}

/// A small tmpfs mounted over a test's data folder; `None` where mounting
/// is not allowed.
struct SmallDisk<'a>(&'a Path);

impl SmallDisk<'_> {
    fn mount<'p>(dir: &'p Path, size: &str) -> Option<SmallDisk<'p>> {
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(SmallDisk(dir))
    }

    /// Fills the disk to the last byte; returns the filler file.
    fn fill(&self) -> std::path::PathBuf {
        let path = self.0.join("filler");
        let mut file = fs::File::create(&path).unwrap();
        for chunk in [1 << 16, 1 << 12, 1 << 9, 1] {
            while file.write_all(&vec![0u8; chunk]).is_ok() {}
        }
        path
    }
}

impl Drop for SmallDisk<'_> {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0).status();
    }
}

#[test]
fn a_full_disk_stops_the_quiz_with_one_line_and_loses_nothing_given() {
    let home = Home::new();
    let Some(disk) = SmallDisk::mount(home.path(), "2m") else {
        eprintln!("skipped: mounting a small tmpfs is not allowed here");
        return;
    };
    let mut child = start(&home, &["--count", "30", "--seed", "3", "--player", "kim"]);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"a\nb\n").unwrap();
    stdin.flush().unwrap();
    wait_for_answers(&home, "kim", 2);
    let filler = disk.fill();
    // Answers keep coming until one cannot be written.
    for _ in 0..40 {
        if stdin
            .write_all(b"c\n")
            .and_then(|()| stdin.flush())
            .is_err()
        {
            break;
        }
    }
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    let err = one_line(&o, "the disk is full");
    assert!(err.contains("factdrill.sqlite"), "{err}");
    fs::remove_file(&filler).unwrap();
    let kept = sound(&home.store());
    assert!(kept >= 2, "{kept}");
    let stats = home.stats(&["--player", "kim"]);
    assert_eq!(stats["answers"], kept);
    assert_eq!(stats["sessions"][0]["status"], "interrupted");
    assert_eq!(stats["sessions"][0]["answered"], kept);
    // And the store takes new answers again.
    let o = home.quiz(&["--count", "2", "--player", "kim"], "a\nb\n");
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(sound(&home.store()), kept + 2);
    drop(disk);
}

#[test]
fn a_store_on_a_disk_full_from_the_start_is_one_line() {
    let home = Home::new();
    let Some(disk) = SmallDisk::mount(home.path(), "2m") else {
        eprintln!("skipped: mounting a small tmpfs is not allowed here");
        return;
    };
    let filler = disk.fill();
    let o = home.quiz(&["--count", "2"], "a\nb\n");
    let err = one_line(&o, "factdrill.sqlite");
    assert!(err.contains("disk is full"), "{err}");
    fs::remove_file(&filler).unwrap();
    // Whatever the failed start left, the next quiz opens it and lands.
    let o = home.quiz(&["--count", "2"], "a\nb\n");
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(sound(&home.store()), 2);
    drop(disk);
}
