//! End-to-end tests of `factdrill quiz` and `factdrill stats`: the scripted
//! path, the real prompts in a pseudo-terminal, signals, a killed quiz and
//! two quizzes at once.

use std::fs;
use std::io::Write;
use std::process::{Command, Stdio};

mod common;
use common::*;

#[test]
fn a_scripted_quiz_marks_and_stores_every_answer() {
    let home = Home::new();
    let deck = deck(&home);
    let prompts = order(&home, &deck, "5");
    assert_eq!(prompts.len(), 4);
    // Right, right, wrong, skipped: the last two come back once at the end.
    let answers = format!(
        "{}\n{}\nBrisbane\n\n",
        right_answer(&prompts[0]),
        right_answer(&prompts[1])
    );
    let o = home.quiz(
        &[
            deck.to_str().unwrap(),
            "--seed",
            "5",
            "--player",
            "ana",
            "--format",
            "json",
        ],
        &answers,
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let results = json(&o);
    assert_eq!(results["status"], "complete");
    assert_eq!(results["player"], "ana");
    assert_eq!(results["deck"], "d-000000000abc");
    assert!(results["session"].as_str().unwrap().starts_with("s-"));
    assert_eq!(results["score"], 2);
    let verdicts: Vec<&str> = results["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["verdict"].as_str().unwrap())
        .collect();
    // The two missed come back, and the script has no more lines: still complete.
    assert_eq!(verdicts, ["correct", "correct", "wrong", "wrong"]);
    for a in results["answers"].as_array().unwrap() {
        assert!(a["question"].as_str().unwrap().starts_with("q-"), "{a}");
    }

    let stats = home.stats(&["--player", "ana"]);
    assert_eq!(stats["answers"], 4);
    assert_eq!(stats["sessions"].as_array().unwrap().len(), 1);
    assert_eq!(stats["sessions"][0]["status"], "complete");
    assert_eq!(stats["sessions"][0]["score"], 2);
    let kinds = stats["by_kind"].as_object().unwrap();
    let total: i64 = kinds
        .values()
        .map(|k| k["answered"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 4);
    assert_eq!(stats["most_missed"].as_array().unwrap().len(), 2);
    assert_eq!(stats["streak_days"], 1);
}

#[test]
fn missed_questions_come_back_once_and_do_not_count() {
    let home = Home::new();
    let deck = deck(&home);
    let prompts = order(&home, &deck, "2");
    let answers = format!(
        "nonsense\n{}\n{}\n{}\nsecond-try\nspare\nspare\n",
        right_answer(&prompts[1]),
        right_answer(&prompts[2]),
        right_answer(&prompts[3]),
    );
    let o = home.quiz(
        &[deck.to_str().unwrap(), "--seed", "2", "--format", "json"],
        &answers,
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let results = json(&o);
    let answers = results["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 5);
    assert_eq!(answers[4]["retry"], true);
    assert_eq!(answers[4]["prompt"], answers[0]["prompt"]);
    assert_eq!(results["score"], 3);
    assert_eq!(results["planned"], 4);
}

#[test]
fn answers_running_out_stop_the_quiz_and_keep_what_was_answered() {
    let home = Home::new();
    let deck = deck(&home);
    let o = home.quiz(
        &[deck.to_str().unwrap(), "--seed", "1", "--format", "json"],
        "x\ny\n",
    );
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("ran out after 2 of 4"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let results = json(&o);
    assert_eq!(results["status"], "interrupted");
    let stats = home.stats(&[]);
    assert_eq!(stats["answers"], 2);
    assert_eq!(stats["sessions"][0]["status"], "interrupted");
}

#[test]
fn the_builtin_quiz_runs_from_any_folder_and_shows_the_previous_best() {
    let home = Home::new();
    let answers = "a\n".repeat(30);
    let first = home.quiz(&["--seed", "1", "--count", "5"], &answers);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let out = text(&first.stdout);
    assert!(out.contains("Question 1 of 5"), "{out}");
    assert!(out.contains("Score: "), "{out}");
    assert!(out.contains("Your first score on this deck"), "{out}");
    let second = home.quiz(&["--seed", "2", "--count", "5"], &answers);
    let out = text(&second.stdout);
    assert!(out.contains("Your best before on this deck: "), "{out}");
    assert_eq!(home.stats(&[])["sessions"].as_array().unwrap().len(), 2);
}

#[test]
fn kinds_and_style_choose_the_questions() {
    let home = Home::new();
    let o = home.quiz(
        &[
            "--kinds",
            "where,how-much",
            "--style",
            "typed",
            "--count",
            "4",
            "--no-save",
            "--format",
            "json",
        ],
        &"x\n".repeat(10),
    );
    let results = json(&o);
    let answers = results["answers"].as_array().unwrap();
    assert!(!answers.is_empty());
    for a in answers {
        assert_eq!(a["style"], "wh", "{a}");
        assert!(a["kind"] == "where" || a["kind"] == "how_much", "{a}");
    }
    assert!(!home.store().exists(), "--no-save wrote a store");
}

#[test]
fn without_a_terminal_or_answers_the_quiz_says_so() {
    let home = Home::new();
    let o = home.cmd(&["quiz"]).stdin(Stdio::null()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert!(
        err.contains("not a terminal") && err.contains("--answers"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1);
}

#[test]
fn a_corrupt_store_is_named_and_left_alone() {
    let home = Home::new();
    let junk = b"SQLite format 3\0 but then nothing useful at all".repeat(200);
    fs::write(home.store(), &junk).unwrap();
    let o = home.quiz(&["--count", "2"], "a\nb\n");
    assert!(!o.status.success());
    let err = text(&o.stderr);
    assert!(err.contains("factdrill.sqlite"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(fs::read(home.store()).unwrap(), junk);
    let o = home.cmd(&["stats"]).output().unwrap();
    assert!(!o.status.success());
    assert_eq!(fs::read(home.store()).unwrap(), junk);
}

#[test]
fn a_bad_fixed_clock_is_a_clear_error() {
    let home = Home::new();
    let o = home
        .cmd(&["quiz", "--answers", "-", "--count", "1"])
        .env("FACTDRILL_NOW", "soon")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("FACTDRILL_NOW"));
}

#[test]
fn a_quiz_killed_halfway_keeps_its_answers() {
    let home = Home::new();
    let mut child = start(&home, &["--count", "6", "--seed", "4", "--player", "kim"]);
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"a\nb\nc\n").unwrap();
    stdin.flush().unwrap();
    wait_for_answers(&home, "kim", 3);
    signal(&child, "KILL");
    child.wait().unwrap();
    drop(stdin);
    let stats = home.stats(&["--player", "kim"]);
    assert_eq!(stats["answers"], 3);
    assert_eq!(stats["sessions"][0]["status"], "interrupted");
    assert_eq!(stats["sessions"][0]["answered"], 3);
}

#[test]
fn sigterm_and_sighup_mark_the_session_interrupted() {
    for sig in ["TERM", "HUP", "INT"] {
        let home = Home::new();
        let mut child = start(&home, &["--count", "6", "--seed", "4", "--player", "kim"]);
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"a\nb\n").unwrap();
        stdin.flush().unwrap();
        wait_for_answers(&home, "kim", 2);
        signal(&child, sig);
        let o = child.wait_with_output().unwrap();
        drop(stdin);
        assert_eq!(o.status.code(), Some(130), "{sig}: {}", text(&o.stderr));
        let err = text(&o.stderr);
        assert!(err.contains("interrupted; 2 answers kept"), "{sig}: {err}");
        let store = rusqlite_free_status(&home);
        assert_eq!(store, "interrupted", "{sig}");
    }
}

/// The session's status as stored, read without reaping (no stats run
/// first): proves the signal handler itself closed the session.
fn rusqlite_free_status(home: &Home) -> String {
    let o = Command::new("python3")
        .args([
            "-c",
            "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select status from sessions').fetchone()[0])",
        ])
        .arg(home.store())
        .output();
    match o {
        Ok(o) if o.status.success() => text(&o.stdout).trim().to_owned(),
        // No Python here: fall back to stats, which would also reap.
        _ => home.stats(&[])["sessions"][0]["status"]
            .as_str()
            .unwrap()
            .to_owned(),
    }
}

#[test]
fn two_quizzes_at_once_lose_nothing() {
    let home = Home::new();
    let mut a = start(&home, &["--count", "8", "--seed", "1", "--player", "kim"]);
    let mut b = start(&home, &["--count", "8", "--seed", "2", "--player", "kim"]);
    let mut ia = a.stdin.take().unwrap();
    let mut ib = b.stdin.take().unwrap();
    for i in 0..8 {
        ia.write_all(format!("a{i}\n").as_bytes()).unwrap();
        ib.write_all(format!("b{i}\n").as_bytes()).unwrap();
        ia.flush().unwrap();
        ib.flush().unwrap();
    }
    drop(ia);
    drop(ib);
    let oa = a.wait_with_output().unwrap();
    let ob = b.wait_with_output().unwrap();
    assert!(oa.status.success(), "{}", text(&oa.stderr));
    assert!(ob.status.success(), "{}", text(&ob.stderr));
    let given = json(&oa)["answers"].as_array().unwrap().len()
        + json(&ob)["answers"].as_array().unwrap().len();
    let stats = home.stats(&["--player", "kim"]);
    assert_eq!(stats["answers"], given as i64);
    let sessions = stats["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2);
    assert!(sessions.iter().all(|s| s["status"] == "complete"));
}

#[test]
fn stats_text_shows_scores_kinds_and_missed_questions() {
    let home = Home::new();
    home.quiz(&["--seed", "1", "--count", "5"], &"a\n".repeat(10));
    let o = home.cmd(&["stats"]).output().unwrap();
    assert!(o.status.success());
    let out = text(&o.stdout);
    for part in [
        "1 session,",
        "Scores:",
        "Streak:",
        "Accuracy by kind:",
        "Most missed:",
    ] {
        assert!(out.contains(part), "{part} missing:\n{out}");
    }
    let empty = Home::new();
    let o = empty.cmd(&["stats"]).output().unwrap();
    assert!(text(&o.stdout).contains("No quiz stored yet"));
    assert!(!empty.store().exists(), "stats created a store");
}

#[test]
fn escape_sequences_in_a_deck_never_reach_the_terminal() {
    let home = Home::new();
    let path = home.path().join("evil.toml");
    fs::write(
        &path,
        "format = 1\nid = \"d-00000000e111\"\ntitle = \"Evil \\u001B]8;;http://x\\u0007link\"\n\n\
         [[question]]\nstyle = \"choice\"\nprompt = \"Who \\u001B[31mwon\\u202E?\"\nanswer = \"Ana\"\n\
         choices = [\"Ana\", \"B\\u001B[2Job\"]\nsource = \"Ana \\u001B[1mwon.\"\n",
    )
    .unwrap();
    let o = home.quiz(&[path.to_str().unwrap()], "b\n\n");
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("Who"), "{out}");
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(!out.contains('\u{202e}'), "{out:?}");
    assert!(!out.contains('\u{7}'), "{out:?}");
}

mod pty {
    //! The real dialoguer prompts, driven through a pseudo-terminal.

    use super::*;
    use rexpect::session::{PtySession, spawn_command};

    fn spawn(home: &Home, args: &[&str]) -> PtySession {
        let mut cmd = home.cmd(&["quiz"]);
        cmd.args(args).env("TERM", "xterm");
        spawn_command(cmd, Some(60_000)).unwrap()
    }

    fn exit_code(p: &PtySession) -> String {
        format!("{:?}", p.process().wait().unwrap())
    }

    #[test]
    fn arrow_keys_enter_and_a_typed_answer_are_marked_and_stored() {
        let home = Home::new();
        let deck = deck(&home);
        let prompts = order(&home, &deck, "9");
        let mut p = spawn(
            &home,
            &[deck.to_str().unwrap(), "--seed", "9", "--player", "pat"],
        );
        for prompt in &prompts {
            p.exp_string(prompt).unwrap();
            match prompt.as_str() {
                "When did the storm hit Sydney?" => {
                    // Monday is highlighted first: one down, then Enter.
                    p.send("\x1b[B").unwrap();
                    p.send("\r").unwrap();
                }
                "Mayor Ana Lopez closed the beaches." => {
                    p.send("\r").unwrap();
                }
                "Which city did the storm hit?" => {
                    p.send("Sydny\r").unwrap();
                }
                _ => {
                    p.send("3000 homes\r").unwrap();
                }
            }
            p.flush().unwrap();
            p.exp_regex("Right|Nearly").unwrap();
        }
        p.exp_string("Score: 4 of 4").unwrap();
        p.exp_eof().unwrap();
        assert!(exit_code(&p).ends_with(", 0)"), "{}", exit_code(&p));
        let stats = home.stats(&["--player", "pat"]);
        assert_eq!(stats["answers"], 4);
        assert_eq!(stats["sessions"][0]["score"], 4);
        assert_eq!(stats["sessions"][0]["status"], "complete");
    }

    #[test]
    fn esc_stops_the_quiz_and_keeps_the_answers() {
        let home = Home::new();
        let deck = deck(&home);
        let mut p = spawn(
            &home,
            &[
                deck.to_str().unwrap(),
                "--style",
                "choice",
                "--player",
                "pat",
            ],
        );
        p.exp_string("When did the storm hit Sydney?").unwrap();
        p.send("\x1b").unwrap();
        p.flush().unwrap();
        p.exp_string("Stopped after 0 of 1").unwrap();
        p.exp_eof().unwrap();
        let stats = home.stats(&["--player", "pat"]);
        assert_eq!(stats["sessions"][0]["status"], "interrupted");
    }

    #[test]
    fn ctrl_c_at_a_typed_prompt_keeps_the_answers_and_shows_the_cursor() {
        let home = Home::new();
        let deck = deck(&home);
        let mut p = spawn(
            &home,
            &[
                deck.to_str().unwrap(),
                "--style",
                "mixed",
                "--seed",
                "9",
                "--player",
                "pat",
            ],
        );
        let prompts = order(&home, &deck, "9");
        p.exp_string(&prompts[0]).unwrap();
        match prompts[0].as_str() {
            "When did the storm hit Sydney?" | "Mayor Ana Lopez closed the beaches." => {
                p.send("\r").unwrap();
            }
            _ => {
                p.send("x\r").unwrap();
            }
        }
        p.flush().unwrap();
        p.exp_string(&prompts[1]).unwrap();
        p.send_control('c').unwrap();
        let rest = p.exp_eof().unwrap();
        assert!(rest.contains("interrupted; 1 answer kept"), "{rest}");
        assert!(
            rest.contains("\x1b[?25h"),
            "cursor not shown again: {rest:?}"
        );
        assert!(exit_code(&p).ends_with(", 130)"), "{}", exit_code(&p));
        assert_eq!(home.stats(&["--player", "pat"])["answers"], 1);
    }

    #[test]
    fn with_standard_error_redirected_the_prompts_use_standard_output() {
        let home = Home::new();
        let deck = deck(&home);
        let log = home.path().join("log");
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "exec \"$0\" \"$@\" 2>\"$LOG\""])
            .arg(env!("CARGO_BIN_EXE_factdrill"))
            .args(["quiz", deck.to_str().unwrap(), "--style", "choice"])
            .env("LOG", &log)
            .env("FACTDRILL_HOME", home.path())
            .env("FACTDRILL_NOW", NOW)
            .env("TERM", "xterm");
        let mut p = spawn_command(cmd, Some(60_000)).unwrap();
        p.exp_string("When did the storm hit Sydney?").unwrap();
        p.send("\x1b[B\r").unwrap();
        p.flush().unwrap();
        p.exp_string("Right").unwrap();
        p.exp_eof().unwrap();
        assert!(exit_code(&p).ends_with(", 0)"), "{}", exit_code(&p));
    }

    #[test]
    fn osc_8_links_escape_sequences_and_bidi_overrides_in_a_deck_never_reach_the_terminal() {
        let home = Home::new();
        let path = home.path().join("hostile.toml");
        let link = "\\u001B]8;;https://evil.example/\\u001B\\\\";
        fs::write(
            &path,
            format!(
                "format = 1\nid = \"d-00000000e222\"\ntitle = \"Title {link}click\\u001B]0;pwned\\u0007\"\n\n\
                 [[question]]\nstyle = \"choice\"\nprompt = \"Who {link}won\\u202E?\\u009B2J\"\n\
                 answer = \"Ana\\u2066\"\nchoices = [\"Ana\\u2066\", \"Bo{link}b\\u001B[2J\"]\n\
                 source = \"Ana\\u2066 won \\u001B[8mhidden\\u001B[0m {link}today\\u200F.\"\n\n\
                 [[question]]\nstyle = \"wh\"\nprompt = \"Where {link}\\u202Ewas it?\"\n\
                 answer = \"Rome\\u202E\"\nsource = \"It was in Rome\\u202E {link}.\\u0007\"\n"
            ),
        )
        .unwrap();
        let check = home
            .cmd(&["check", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(check.status.success(), "{}", text(&check.stderr));
        let mut p = spawn(&home, &[path.to_str().unwrap(), "--seed", "1"]);
        let mut seen = String::new();
        loop {
            let (before, matched) = p.exp_regex("Who|Where|Score:").unwrap();
            seen += &before;
            seen += &matched;
            if matched == "Score:" {
                break;
            }
            if matched == "Who" {
                seen += &p.exp_string("won").unwrap();
                p.send("\r").unwrap();
            } else {
                seen += &p.exp_string("was it").unwrap();
                p.send("Paris\r").unwrap();
            }
            p.flush().unwrap();
            let (before, matched) = p.exp_regex("Right|Not quite").unwrap();
            seen += &before;
            seen += &matched;
        }
        seen += &p.exp_eof().unwrap();
        assert!(exit_code(&p).ends_with(", 0)"), "{}", exit_code(&p));
        assert!(seen.contains("today"), "{seen:?}");
        for raw in [
            "\x1b]", "\x07", "\u{202e}", "\u{2066}", "\u{200f}", "\u{9b}", "\x1b[2J", "\x1b[8m",
        ] {
            // rexpect reads the terminal byte by byte, one char per byte.
            let bytes: String = raw.bytes().map(char::from).collect();
            assert!(
                !seen.contains(&bytes),
                "{raw:?} reached the terminal: {seen:?}"
            );
        }
    }

    #[test]
    fn a_terminal_of_two_rows_and_twenty_columns_still_works() {
        let home = Home::new();
        let deck = deck(&home);
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "stty rows 2 cols 20 && exec \"$0\" \"$@\""])
            .arg(env!("CARGO_BIN_EXE_factdrill"))
            .args(["quiz", deck.to_str().unwrap(), "--style", "choice"])
            .env("FACTDRILL_HOME", home.path())
            .env("FACTDRILL_NOW", NOW)
            .env("TERM", "xterm");
        let mut p = spawn_command(cmd, Some(60_000)).unwrap();
        p.exp_string("Letter").unwrap();
        p.send("b\r").unwrap();
        p.flush().unwrap();
        p.exp_string("Right").unwrap();
        p.exp_eof().unwrap();
        assert!(exit_code(&p).ends_with(", 0)"), "{}", exit_code(&p));
    }
}
