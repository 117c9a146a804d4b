//! End-to-end tests of a learner's data: `players`, `reset`, `backup`,
//! `restore`, `quiz --resume`, `completions` and `man`.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod common;
use common::*;

fn run(home: &Home, args: &[&str]) -> Output {
    home.cmd(args).stdin(Stdio::null()).output().unwrap()
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        o.status.code(),
        text(&o.stdout),
        text(&o.stderr)
    );
    text(&o.stdout)
}

/// The one line a refusal prints, checked to be one line.
fn refusal(o: &Output, code: i32) -> String {
    assert_eq!(
        o.status.code(),
        Some(code),
        "{}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    let err = text(&o.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    err
}

fn players(home: &Home) -> Value {
    let o = run(home, &["players", "--format", "json"]);
    serde_json::from_str(&ok(&o)).unwrap()
}

fn integrity(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn count(path: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// The prompts a scripted quiz asked, first round only.
fn prompts(o: &Output) -> Vec<String> {
    json(o)["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["retry"] == false)
        .map(|a| a["prompt"].as_str().unwrap().to_owned())
        .collect()
}

/// Right answers to `prompts` of [`DECK`], one per line.
fn right(prompts: &[String]) -> String {
    prompts.iter().fold(String::new(), |mut lines, p| {
        lines.push_str(right_answer(p));
        lines.push('\n');
        lines
    })
}

// ---- players ----

#[test]
fn players_lists_everyone_with_sessions_answers_and_last_activity() {
    let home = Home::new();
    let o = run(&home, &["players"]);
    assert!(ok(&o).contains("No players yet"));
    assert!(!home.store().exists(), "listing created a store");

    let deck = deck(&home);
    let deck = deck.to_str().unwrap();
    home.at(
        "2026-11-30T08:00:00Z",
        &["quiz", deck, "--player", "ana", "--seed", "1"],
        &"x\n".repeat(8),
    );
    home.at(
        "2026-12-01T10:30:00Z",
        &["quiz", deck, "--player", "ana", "--seed", "2"],
        "x\n",
    );
    home.at(
        "2026-11-29T07:15:00Z",
        &["quiz", deck, "--player", "kim", "--seed", "3"],
        &"x\n".repeat(8),
    );
    let list = players(&home);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["name"], "ana");
    assert_eq!(list[0]["sessions"], 2);
    assert_eq!(list[0]["interrupted"], 1);
    // 4 + 4 second tries in the first quiz, 1 in the second.
    assert_eq!(list[0]["answers"], 9);
    assert_eq!(list[0]["cards"], 4);
    assert_eq!(list[0]["last_active"], "2026-12-01T10:30:00Z");
    assert_eq!(list[1]["name"], "kim");
    assert_eq!(list[1]["sessions"], 1);
    assert_eq!(list[1]["last_active"], "2026-11-29T07:15:00Z");

    let table = ok(&run(&home, &["players"]));
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("PLAYER"), "{table}");
    assert!(lines[0].contains("SESSIONS") && lines[0].contains("LAST ACTIVE"));
    assert!(lines[1].starts_with("ana "), "{table}");
    assert!(
        lines[1].contains("2026-12-01 10:30") && lines[1].ends_with("(1 interrupted)"),
        "{table}"
    );
    assert!(lines[2].starts_with("kim ") && lines[2].contains("2026-11-29 07:15"));
}

// ---- reset ----

/// ana and kim have each taken the storm deck and the built-in deck.
fn two_players(home: &Home) -> String {
    let deck = deck(home).to_str().unwrap().to_owned();
    for player in ["ana", "kim"] {
        let o = home.quiz(
            &[&deck, "--player", player, "--seed", "1"],
            &"x\n".repeat(8),
        );
        ok(&o);
        let o = home.quiz(
            &["--player", player, "--seed", "2", "--count", "3"],
            &"a\n".repeat(6),
        );
        ok(&o);
    }
    deck
}

#[test]
fn reset_without_a_terminal_or_yes_refuses_and_changes_nothing() {
    let home = Home::new();
    two_players(&home);
    let before = home.stats(&["--player", "ana"]);
    let o = run(&home, &["reset", "--player", "ana"]);
    let err = refusal(&o, 2);
    assert!(
        err.contains("without confirmation") && err.contains("--yes"),
        "{err}"
    );
    assert_eq!(home.stats(&["--player", "ana"]), before);
}

#[test]
fn reset_with_yes_forgets_one_player_and_leaves_the_others_untouched() {
    let home = Home::new();
    two_players(&home);
    let kim = home.stats(&["--player", "kim"]);
    assert!(kim["answers"].as_i64().unwrap() > 0);
    let ana = home.stats(&["--player", "ana"]);
    assert!(ana["answers"].as_i64().unwrap() > 0);

    let out = ok(&run(&home, &["reset", "--player", "ana", "--yes"]));
    assert!(out.contains("Forgot ana's 2 sessions"), "{out}");

    let ana = home.stats(&["--player", "ana"]);
    assert_eq!(ana["answers"], 0);
    assert_eq!(ana["sessions"].as_array().unwrap().len(), 0);
    assert_eq!(ana["cards"]["review"], 0);
    assert_eq!(ana["cards"]["learning"], 0);
    assert_eq!(home.stats(&["--player", "kim"]), kim);
    let list = players(&home);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["name"], "kim");
    assert_eq!(integrity(&home.store()), "ok");
    // A review finds nothing of ana's: no cards are left behind.
    let o = home.at(
        NOW,
        &["review", "--cram", "--player", "ana", "--format", "json"],
        "",
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(json(&o)["status"], "nothing_due");
    assert_eq!(json(&o)["next_due"], Value::Null);
}

#[test]
fn reset_of_one_deck_keeps_the_other_deck_and_the_other_player() {
    let home = Home::new();
    let deck = two_players(&home);
    let kim = home.stats(&["--player", "kim"]);
    let builtin = home.stats(&["--player", "ana", "--deck", "lukashenka-and-bakiyev"]);
    assert!(builtin["answers"].as_i64().unwrap() > 0);

    let out = ok(&run(
        &home,
        &["reset", "--player", "ana", "--deck", &deck, "--yes"],
    ));
    assert!(
        out.contains("Forgot ana's 1 session, 8 answers and 4 cards"),
        "{out}"
    );

    let storm = home.stats(&["--player", "ana", "--deck", "Storm hits Sydney"]);
    assert_eq!(storm["answers"], 0);
    assert_eq!(storm["sessions"].as_array().unwrap().len(), 0);
    assert_eq!(storm["most_missed"].as_array().unwrap().len(), 0);
    assert_eq!(storm["cards"]["learning"], 0);
    assert_eq!(storm["cards"]["review"], 0);
    let o = home.at(
        NOW,
        &[
            "review", "--cram", "--player", "ana", "--deck", &deck, "--format", "json",
        ],
        "",
    );
    assert_eq!(json(&o)["status"], "nothing_due", "{}", text(&o.stderr));
    assert_eq!(
        home.stats(&["--player", "ana", "--deck", "lukashenka-and-bakiyev"]),
        builtin
    );
    // The tallies behind the totals still add up to the sessions left.
    let ana = home.stats(&["--player", "ana"]);
    assert_eq!(ana["answers"], builtin["answers"]);
    assert_eq!(home.stats(&["--player", "kim"]), kim);
    // Once more: nothing left to forget on that deck.
    let out = ok(&run(
        &home,
        &["reset", "--player", "ana", "--deck", &deck, "--yes"],
    ));
    assert!(out.contains("nothing to reset"), "{out}");
}

#[test]
fn reset_of_an_unknown_player_or_deck_says_so() {
    let home = Home::new();
    let o = run(&home, &["reset", "--player", "zoe", "--yes"]);
    assert!(refusal(&o, 2).contains("no player named \"zoe\""));
    assert!(!home.store().exists());
    two_players(&home);
    let o = run(&home, &["reset", "--player", "zoe", "--yes"]);
    let err = refusal(&o, 2);
    assert!(err.contains("players: ana, kim"), "{err}");
    let o = run(
        &home,
        &[
            "reset",
            "--player",
            "ana",
            "--deck",
            "no-such-deck",
            "--yes",
        ],
    );
    assert!(refusal(&o, 2).contains("no-such-deck"));
    let o = run(&home, &["reset", "--yes"]);
    assert_eq!(o.status.code(), Some(2));
}

// ---- backup and restore ----

#[test]
fn a_backup_taken_during_a_running_quiz_restores_to_a_sound_store() {
    let home = Home::new();
    let plan = Home::new().quiz(
        &[
            "--seed",
            "4",
            "--count",
            "6",
            "--no-save",
            "--format",
            "json",
        ],
        &"\n".repeat(6),
    );
    let plan = prompts(&plan);
    assert_eq!(plan.len(), 6);

    let mut child = start(&home, &["--count", "6", "--seed", "4", "--player", "kim"]);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"a\nb\nc\n").unwrap();
    stdin.flush().unwrap();
    wait_for_answers(&home, "kim", 3);

    // The quiz is waiting for its fourth answer, its store open.
    let file = home.path().join("kim.backup");
    let out = ok(&run(&home, &["backup", file.to_str().unwrap()]));
    assert!(out.contains("1 player, 1 session, 3 answers"), "{out}");
    // Restoring over a store a quiz is running on is refused.
    let o = run(&home, &["restore", file.to_str().unwrap()]);
    assert!(refusal(&o, 1).contains("running"), "{}", text(&o.stderr));

    stdin.write_all(b"d\ne\nf\n\n\n\n\n\n\n").unwrap();
    drop(stdin);
    let done = child.wait_with_output().unwrap();
    assert!(done.status.success(), "{}", text(&done.stderr));
    assert_eq!(
        home.stats(&["--player", "kim"])["sessions"][0]["status"],
        "complete"
    );

    assert_eq!(integrity(&file), "ok");
    assert!(!Path::new(&format!("{}-wal", file.display())).exists());
    let elsewhere = Home::new();
    let out = ok(&run(&elsewhere, &["restore", file.to_str().unwrap()]));
    assert!(out.contains("3 answers"), "{out}");
    assert_eq!(integrity(&elsewhere.store()), "ok");
    let stats = elsewhere.stats(&["--player", "kim"]);
    assert_eq!(stats["answers"], 3);
    // Caught mid-quiz, the session comes back interrupted, and resumes
    // with exactly the three questions it had left.
    assert_eq!(stats["sessions"][0]["status"], "interrupted");
    let o = elsewhere.quiz(
        &["--resume", "--player", "kim", "--format", "json"],
        "x\ny\nz\n\n\n\n",
    );
    ok(&o);
    assert_eq!(prompts(&o), plan[3..]);
    assert_eq!(json(&o)["status"], "complete");
    assert_eq!(json(&o)["answered"], 6);
}

#[test]
fn backup_refuses_to_overwrite_a_file_unless_forced() {
    let home = Home::new();
    let file = home.path().join("copy.sqlite");
    let o = run(&home, &["backup", file.to_str().unwrap()]);
    assert!(refusal(&o, 2).contains("no progress store"));
    two_players(&home);
    fs::write(&file, "an older backup").unwrap();
    let o = run(&home, &["backup", file.to_str().unwrap()]);
    let err = refusal(&o, 2);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "an older backup");
    ok(&run(&home, &["backup", file.to_str().unwrap(), "--force"]));
    assert_eq!(integrity(&file), "ok");
    assert_eq!(count(&file, "SELECT count(*) FROM players"), 2);
    let o = run(&home, &["backup", home.path().to_str().unwrap()]);
    assert!(refusal(&o, 2).contains("is a folder"));
    let o = run(&home, &["backup", "/no/such/folder/copy.sqlite"]);
    assert!(refusal(&o, 2).contains("does not exist"));
    let leftovers: Vec<_> = fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn restore_puts_a_backup_back_and_keeps_each_replaced_store() {
    let home = Home::new();
    let deck = deck(&home);
    ok(&home.quiz(
        &[deck.to_str().unwrap(), "--player", "ana"],
        &"x\n".repeat(8),
    ));
    let file = home.path().join("ana.sqlite");
    ok(&run(&home, &["backup", file.to_str().unwrap()]));
    ok(&home.quiz(
        &[deck.to_str().unwrap(), "--player", "kim"],
        &"x\n".repeat(8),
    ));
    assert_eq!(players(&home).as_array().unwrap().len(), 2);

    let out = ok(&run(&home, &["restore", file.to_str().unwrap()]));
    let kept = home
        .path()
        .join("factdrill.sqlite.before-restore-20261201T090000Z");
    assert!(out.contains(&kept.display().to_string()), "{out}");
    // Reading the backup left nothing beside it.
    for side in ["-wal", "-shm", "-journal"] {
        assert!(!Path::new(&format!("{}{side}", file.display())).exists());
    }
    let list = players(&home);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["name"], "ana");
    assert_eq!(integrity(&home.store()), "ok");
    // The replaced store is whole, kim and all.
    assert_eq!(integrity(&kept), "ok");
    assert_eq!(count(&kept, "SELECT count(*) FROM players"), 2);
    let kept_bytes = fs::read(&kept).unwrap();

    // A second restore at the same time never overwrites the first copy.
    let out = ok(&run(&home, &["restore", file.to_str().unwrap()]));
    assert!(out.contains("before-restore-20261201T090000Z-2"), "{out}");
    assert_eq!(fs::read(&kept).unwrap(), kept_bytes);
    // And the restored store is used as any other.
    ok(&home.quiz(
        &[deck.to_str().unwrap(), "--player", "ana"],
        &"x\n".repeat(8),
    ));
    assert_eq!(
        home.stats(&["--player", "ana"])["sessions"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn restore_refuses_what_is_not_a_sound_factdrill_store_and_changes_nothing() {
    let home = Home::new();
    two_players(&home);
    let store_before = fs::read(home.store()).unwrap();

    let junk = home.path().join("notes.txt");
    fs::write(&junk, "shopping list\n".repeat(500)).unwrap();
    let other = home.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    // A real backup with its pages overwritten past the header.
    let damaged = home.path().join("damaged.sqlite");
    ok(&run(&home, &["backup", damaged.to_str().unwrap()]));
    let mut bytes = fs::read(&damaged).unwrap();
    let page = usize::from(u16::from_be_bytes([bytes[16], bytes[17]]));
    for b in &mut bytes[page..] {
        *b = 0x5a;
    }
    fs::write(&damaged, &bytes).unwrap();
    let missing = home.path().join("missing.sqlite");

    for (file, why) in [
        (&junk, "is not a factdrill progress store"),
        (&other, "some other program"),
        (&damaged, "damaged"),
        (&missing, "cannot read"),
    ] {
        let o = run(&home, &["restore", file.to_str().unwrap()]);
        let err = refusal(&o, 2);
        assert!(err.contains(&file.display().to_string()), "{err}");
        assert!(err.contains(why), "{why}: {err}");
    }
    assert_eq!(fs::read(home.store()).unwrap(), store_before);
    let names: Vec<String> = fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("before-restore") || n.starts_with('.')),
        "{names:?}"
    );
}

// ---- quiz --resume ----

#[test]
fn a_resumed_quiz_asks_exactly_the_questions_that_were_left() {
    let home = Home::new();
    let deck = deck(&home);
    let deck = deck.to_str().unwrap();
    let order = order(&home, Path::new(deck), "5");
    assert_eq!(order.len(), 4);

    // One answer, then the script runs out: interrupted after 1 of 4.
    let o = home.quiz(
        &[deck, "--seed", "5", "--player", "ana", "--format", "json"],
        &right(&order[..1]),
    );
    assert_eq!(o.status.code(), Some(1));

    // Picked up again: the three left, in their order, one of them wrong,
    // and the session runs out once more.
    let o = home.quiz(
        &[deck, "--resume", "--player", "ana", "--format", "json"],
        &right(&order[1..2]),
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert_eq!(prompts(&o), order[1..2]);
    assert_eq!(json(&o)["status"], "interrupted");
    assert!(
        text(&o.stderr).contains("after 2 of 4"),
        "{}",
        text(&o.stderr)
    );

    let o = home.quiz(
        &[deck, "--resume", "--player", "ana", "--format", "json"],
        &format!("nonsense\n{}\n\n", right_answer(&order[3])),
    );
    ok(&o);
    let results = json(&o);
    assert_eq!(prompts(&o), order[2..]);
    assert_eq!(results["resumed"], true);
    assert_eq!(results["answered_before"], 2);
    assert_eq!(results["status"], "complete");
    assert_eq!(results["planned"], 4);
    assert_eq!(results["answered"], 4);
    assert_eq!(results["score"], 3);
    // The missed one came back once at the end, as in any quiz.
    let answers = results["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 3);
    assert_eq!(answers[2]["retry"], true);

    // One session, complete, with every answer counted once.
    let stats = home.stats(&["--player", "ana"]);
    let sessions = stats["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0]["status"], "complete");
    assert_eq!(sessions[0]["answered"], 4);
    assert_eq!(sessions[0]["score"], 3);
    assert_eq!(stats["answers"], 5);

    // Nothing is left to resume.
    let o = home.quiz(&[deck, "--resume", "--player", "ana"], "");
    let err = refusal(&o, 1);
    assert!(
        err.contains("nothing to resume") && err.contains("ana"),
        "{err}"
    );
}

#[test]
fn a_quiz_killed_halfway_resumes_where_it_stopped() {
    let home = Home::new();
    let plan = Home::new().quiz(
        &[
            "--seed",
            "8",
            "--count",
            "5",
            "--no-save",
            "--format",
            "json",
        ],
        &"\n".repeat(5),
    );
    let plan = prompts(&plan);
    let mut child = start(&home, &["--count", "5", "--seed", "8", "--player", "pat"]);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"a\nb\n").unwrap();
    stdin.flush().unwrap();
    wait_for_answers(&home, "pat", 2);
    signal(&child, "KILL");
    child.wait().unwrap();
    drop(stdin);

    // The text transcript says what is resumed and asks the rest.
    let o = home.quiz(&["--resume", "--player", "pat"], &"x\n".repeat(10));
    let out = ok(&o);
    assert!(
        out.contains("Resuming your quiz of 2026-12-01 09:00: 2 of 5 answered, 3 to go."),
        "{out}"
    );
    for (i, prompt) in plan.iter().enumerate() {
        assert_eq!(out.contains(prompt.as_str()), i >= 2, "{prompt}\n{out}");
    }
    assert!(out.contains("(resumed: 2 answered before, 3 now)"), "{out}");
    let stats = home.stats(&["--player", "pat"]);
    assert_eq!(stats["sessions"].as_array().unwrap().len(), 1);
    assert_eq!(stats["sessions"][0]["status"], "complete");
    assert_eq!(stats["sessions"][0]["answered"], 5);
}

#[test]
fn resume_belongs_to_one_player_and_one_deck_and_plans_nothing_new() {
    let home = Home::new();
    let deck = deck(&home);
    let deck = deck.to_str().unwrap();
    let o = home.quiz(&[deck, "--player", "ana", "--seed", "1"], "");
    assert_eq!(o.status.code(), Some(1));
    // Another player, or the built-in deck: nothing of ana's to pick up.
    let o = home.quiz(&[deck, "--resume", "--player", "kim"], "");
    assert!(refusal(&o, 1).contains("kim has no interrupted quiz"));
    let o = home.quiz(&["--resume", "--player", "ana"], "");
    assert!(refusal(&o, 1).contains("nothing to resume"));
    let o = Home::new().quiz(&["--resume", "--player", "ana"], "");
    assert!(refusal(&o, 1).contains("nothing to resume"));
    for option in [&["--count", "3"][..], &["--seed", "2"], &["--no-save"]] {
        let mut args = vec![deck, "--resume", "--player", "ana"];
        args.extend_from_slice(option);
        let o = home.quiz(&args, "");
        assert_eq!(o.status.code(), Some(2), "{option:?}");
        assert!(
            text(&o.stderr).contains("cannot be used with"),
            "{option:?}"
        );
    }
    // ana's quiz is still there to resume.
    let o = home.quiz(&[deck, "--resume", "--player", "ana"], &"x\n".repeat(8));
    ok(&o);
}

// ---- completions and man ----

#[test]
fn completions_for_each_shell_mention_the_commands() {
    let home = Home::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = ok(&run(&home, &["completions", shell]));
        for word in ["quiz", "reset", "backup", "restore", "players", "resume"] {
            assert!(script.contains(word), "{shell}: {word}");
        }
    }
    let o = run(&home, &["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("tcsh"));
    let o = run(&home, &["completions"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn bash_completes_a_command_from_its_first_letters() {
    let home = Home::new();
    let script = home.path().join("factdrill.bash");
    fs::write(&script, ok(&run(&home, &["completions", "bash"]))).unwrap();
    let o = Command::new("bash")
        .args([
            "--norc",
            "-c",
            "source \"$0\"; COMP_WORDS=(factdrill re); COMP_CWORD=1; _factdrill factdrill re factdrill; echo \"${COMPREPLY[*]}\"",
        ])
        .arg(&script)
        .output();
    let Ok(o) = o else {
        // No bash on this machine: the script's content is tested above.
        return;
    };
    let words = text(&o.stdout);
    let mut words: Vec<&str> = words.split_whitespace().collect();
    words.sort_unstable();
    assert_eq!(words, ["reset", "restore", "review"], "{}", text(&o.stderr));
}

#[test]
fn man_prints_roff_pages_for_factdrill_and_each_command() {
    let home = Home::new();
    let page = ok(&run(&home, &["man"]));
    assert!(page.starts_with(".TH") || page.starts_with(".ie"), "{page}");
    assert!(page.contains(".TH factdrill 1"), "{page}");
    for word in ["quiz", "reset", "backup", "completions"] {
        assert!(page.contains(word), "{word}");
    }
    let quiz = ok(&run(&home, &["man", "quiz"]));
    assert!(quiz.contains(".TH factdrill\\-quiz 1") || quiz.contains(".TH factdrill-quiz 1"));
    assert!(quiz.contains("resume"), "{quiz}");
    let o = run(&home, &["man", "nope"]);
    assert!(refusal(&o, 2).contains("no command named \"nope\""));
}

// ---- the real prompt ----

mod pty {
    use super::*;
    use rexpect::session::spawn_command;

    fn reset(home: &Home, answer: &str) -> (String, String) {
        let mut cmd = home.cmd(&["reset", "--player", "ana"]);
        cmd.env("TERM", "xterm");
        let mut p = spawn_command(cmd, Some(60_000)).unwrap();
        p.exp_string("Forget ana's 2 sessions").unwrap();
        p.exp_string("[y/N]").unwrap();
        p.send(answer).unwrap();
        p.flush().unwrap();
        let rest = p.exp_eof().unwrap();
        let code = format!("{:?}", p.process().wait().unwrap());
        (rest, code)
    }

    #[test]
    fn a_quiz_resumed_in_the_terminal_says_what_it_picks_up() {
        let home = Home::new();
        let deck = deck(&home);
        let deck = deck.to_str().unwrap();
        let order = order(&home, Path::new(deck), "9");
        let o = home.quiz(&[deck, "--seed", "9", "--player", "pat"], "x\nx\nx\n");
        assert_eq!(o.status.code(), Some(1));
        let mut cmd = home.cmd(&["quiz", deck, "--resume", "--player", "pat"]);
        cmd.env("TERM", "xterm");
        let mut p = spawn_command(cmd, Some(60_000)).unwrap();
        p.exp_string("3 of 4 answered, 1 to go").unwrap();
        p.exp_string(&order[3]).unwrap();
        let keys = match order[3].as_str() {
            "When did the storm hit Sydney?" => "\x1b[B\r".to_owned(),
            "Mayor Ana Lopez closed the beaches." => "\r".to_owned(),
            other => format!("{}\r", right_answer(other)),
        };
        p.send(&keys).unwrap();
        p.flush().unwrap();
        p.exp_string("Right").unwrap();
        // Three wrong before, one right now: the whole session's score.
        p.exp_string("Score: 1 of 4").unwrap();
        p.exp_eof().unwrap();
        let stats = home.stats(&["--player", "pat"]);
        assert_eq!(stats["sessions"][0]["status"], "complete");
    }

    #[test]
    fn the_reset_prompt_asks_and_only_yes_forgets() {
        let home = Home::new();
        two_players(&home);
        let before = home.stats(&["--player", "ana"]);
        let (rest, code) = reset(&home, "n");
        assert!(rest.contains("Nothing was reset"), "{rest}");
        assert!(code.ends_with(", 1)"), "{code}");
        assert_eq!(home.stats(&["--player", "ana"]), before);

        let (rest, code) = reset(&home, "y");
        assert!(rest.contains("Forgot ana's 2 sessions"), "{rest}");
        assert!(code.ends_with(", 0)"), "{code}");
        assert_eq!(home.stats(&["--player", "ana"])["answers"], 0);
        assert!(
            home.stats(&["--player", "kim"])["answers"]
                .as_i64()
                .unwrap()
                > 0
        );
    }
}
