//! End-to-end tests of `factdrill review`: quiz today, come back tomorrow
//! (with the clock fixed by `FACTDRILL_NOW`) and review exactly the cards
//! FSRS makes due.
//!
//! With FSRS-6's default parameters and a desired retention of 0.9, a new
//! card's first interval is its initial stability: Again 0.212 days, Hard
//! 1.2931, Good 2.3065, Easy 8.2956. Rounded to whole days and at least one
//! day: a question missed (Again) or nearly right (Hard) today is due
//! tomorrow, one answered right (Good) is due in two days.

use std::io::Write;
use std::process::Stdio;

use serde_json::Value;

mod common;
use common::*;

const DAY1: &str = "2026-12-01T09:00:00Z";
const DAY2: &str = "2026-12-02T09:00:00Z";
const DAY3: &str = "2026-12-03T09:00:00Z";

/// Day 1: a quiz on the small deck, two right, one close, one wrong.
/// Returns the prompts by verdict.
fn quiz_day_one(home: &Home) -> (Vec<String>, Vec<String>) {
    let deck = deck(home);
    let prompts = order(home, &deck, "5");
    let mut lines = Vec::new();
    let mut right = Vec::new();
    let mut missed = Vec::new();
    for p in &prompts {
        let line = match p.as_str() {
            // Nearly: a small misspelling (Hard).
            "Which city did the storm hit?" => {
                missed.push(p.clone());
                "Sydny"
            }
            // Wrong (Again).
            "How many homes lost power?" => {
                missed.push(p.clone());
                "12 homes"
            }
            _ => {
                right.push(p.clone());
                right_answer(p)
            }
        };
        lines.push(line);
    }
    let answers = lines.join("\n") + "\n";
    let o = home.at(
        DAY1,
        &[
            "quiz",
            deck.to_str().unwrap(),
            "--seed",
            "5",
            "--format",
            "json",
        ],
        &answers,
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    (right, missed)
}

fn prompts(results: &Value) -> Vec<String> {
    let mut p: Vec<String> = results["answers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["prompt"].as_str().unwrap().to_owned())
        .collect();
    p.sort();
    p
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn tomorrow_brings_back_exactly_the_missed_cards_and_the_day_after_the_rest() {
    let home = Home::new();
    let (right, missed) = quiz_day_one(&home);
    assert_eq!((right.len(), missed.len()), (2, 2));

    // The same day, nothing is due yet: the first interval is a day or more.
    let o = home.at(DAY1, &["review", "--format", "json"], "");
    let results = json(&o);
    assert_eq!(results["due"], 0, "{results}");
    assert_eq!(results["next_due"], DAY2);

    // Day 2: the close and the wrong one, answered right now.
    let answers = "Sydney\n3000 homes\n";
    let o = home.at(DAY2, &["review", "--format", "json"], answers);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let results = json(&o);
    assert_eq!(prompts(&results), sorted(missed.clone()), "{results}");
    assert_eq!(results["status"], "complete");

    // Day 3: the two answered right on day 1 (Good: 2.3065 days → 2).
    let o = home.at(DAY3, &["review", "--format", "json"], "");
    let results = json(&o);
    assert_eq!(results["due"], 2, "{results}");
    assert_eq!(prompts(&results), Vec::<String>::new()); // the script had no lines
    assert_eq!(o.status.code(), Some(1));
    let listed = home.at(DAY3, &["review", "--format", "json", "--cram"], "");
    assert!(json(&listed)["due"].as_i64().unwrap() >= 2);
}

#[test]
fn the_review_log_and_stats_count_cards() {
    let home = Home::new();
    quiz_day_one(&home);
    let o = home
        .cmd(&["stats", "--format", "json"])
        .env("FACTDRILL_NOW", DAY2)
        .output()
        .unwrap();
    let stats: Value = serde_json::from_slice(&o.stdout).unwrap();
    let cards = &stats["cards"];
    assert_eq!(cards["due_today"], 2, "{cards}");
    assert_eq!(cards["due_7_days"], 4, "{cards}");
    assert_eq!(cards["learning"], 1, "{cards}"); // the wrong one (Again)
    assert_eq!(cards["review"], 3, "{cards}");
    assert_eq!(cards["new"], 0, "{cards}");
    let o = home
        .cmd(&["stats"])
        .env("FACTDRILL_NOW", DAY2)
        .output()
        .unwrap();
    let out = text(&o.stdout);
    assert!(out.contains("2 due today"), "{out}");
}

#[test]
fn cramming_leaves_the_schedule_alone() {
    let home = Home::new();
    let (_, missed) = quiz_day_one(&home);
    let o = home.at(
        DAY1,
        &["review", "--cram", "--format", "json"],
        "x\nx\nx\nx\n",
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let results = json(&o);
    assert_eq!(results["mode"], "cram");
    assert_eq!(results["reviewed"], 4);
    // All four answered wrong in the cram, yet tomorrow is as before.
    let o = home.at(
        DAY2,
        &["review", "--format", "json"],
        "Sydney\n3000 homes\n",
    );
    assert_eq!(prompts(&json(&o)), sorted(missed));
}

#[test]
fn nothing_due_says_when_the_next_card_is() {
    let home = Home::new();
    quiz_day_one(&home);
    let o = home.at(DAY1, &["review"], "");
    let out = text(&o.stdout);
    assert!(out.contains("Nothing is due"), "{out}");
    assert!(out.contains("The next card is due"), "{out}");
    assert!(out.contains("2026"), "{out}");
    let empty = Home::new();
    let o = empty.at(DAY1, &["review"], "");
    assert!(o.status.success());
    assert!(text(&o.stdout).contains("take a quiz first"));
}

#[test]
fn flashcards_are_graded_by_the_learner() {
    let home = Home::new();
    let path = home.path().join("cards.toml");
    std::fs::write(
        &path,
        format!(
            "{DECK}\n[[question]]\nid = \"q-flash\"\nkind = \"who\"\nstyle = \"flashcard\"\n\
             prompt = \"Ana Lopez\"\nanswer = \"mayor of Sydney\"\nsource = \"Mayor Ana Lopez closed the beaches.\"\n"
        ),
    )
    .unwrap();
    // The quiz never asks a flashcard; review --new brings it in.
    let o = home.at(
        DAY1,
        &[
            "quiz",
            path.to_str().unwrap(),
            "--count",
            "1",
            "--format",
            "json",
        ],
        "x\n",
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = home.at(
        DAY1,
        &["review", "--new", "1", "--format", "json"],
        "easy\n",
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let results = json(&o);
    assert_eq!(results["answers"][0]["style"], "flashcard", "{results}");
    assert_eq!(results["answers"][0]["rating"], "easy");
    // Easy: 8.2956 days → due on day 9, not before.
    let o = home.at(
        "2026-12-08T09:00:00Z",
        &["review", "--format", "json", "--cram"],
        "",
    );
    let due: Vec<Value> = json(&o)["answers"].as_array().unwrap().clone();
    assert!(due.is_empty());
    let o = home.at(
        "2026-12-09T09:00:00Z",
        &["review", "--format", "json"],
        "x\ngood\n",
    );
    let results = json(&o);
    assert!(
        results["answers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["question"] == "q-flash"),
        "{results}"
    );
}

#[test]
fn a_deleted_question_retires_its_card_and_a_reworded_one_keeps_it() {
    let home = Home::new();
    quiz_day_one(&home);
    // The teacher deletes the homes question (one of the two missed).
    let deck = deck(&home);
    let text_now = std::fs::read_to_string(&deck).unwrap();
    let start = text_now.find("[[question]]\nid = \"q-homes\"").unwrap();
    let end = start + text_now[start..].find("\n\n").unwrap();
    // … and rewords the city question: same id, so the same card.
    let edited = format!("{}{}", &text_now[..start], &text_now[end..]).replace(
        "Which city did the storm hit?",
        "Which city was hit by the storm?",
    );
    std::fs::write(&deck, edited).unwrap();
    // Any quiz on the edited deck records it; a right answer to a card due
    // on day 3 keeps it off day 2.
    let o = home.at(
        DAY1,
        &["quiz", deck.to_str().unwrap(), "--style", "true-false"],
        "true\n",
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = home.at(DAY2, &["review", "--format", "json"], "Sydney\n");
    let results = json(&o);
    assert_eq!(results["due"], 1, "{results}");
    assert_eq!(results["answers"][0]["question"], "q-city");
    assert_eq!(
        results["answers"][0]["prompt"],
        "Which city was hit by the storm?"
    );
    let stats = home.stats(&[]);
    // Day 1's four answers (the deleted question's among them), the quiz's
    // one and the review's one: history is kept.
    assert_eq!(stats["answers"], 4 + 1 + 1, "{stats}");
}

#[test]
fn a_retention_out_of_range_is_refused() {
    let home = Home::new();
    let o = home
        .cmd(&["review", "--retention", "0.5"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("--retention"));
}

#[test]
fn an_interrupted_review_keeps_every_grade() {
    for sig in ["TERM", "HUP", "INT"] {
        let home = Home::new();
        quiz_day_one(&home);
        // Counted before the review starts: it may answer before a count.
        let before = home.stats(&[])["answers"].as_i64().unwrap();
        let mut child = start_review(&home);
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"Sydney\n").unwrap();
        stdin.flush().unwrap();
        wait_until(|| home.stats(&[])["answers"].as_i64().unwrap() == before + 1);
        signal(&child, sig);
        let o = child.wait_with_output().unwrap();
        drop(stdin);
        assert_eq!(o.status.code(), Some(130), "{sig}: {}", text(&o.stderr));
        assert!(
            text(&o.stderr).contains("interrupted; 1 answer kept"),
            "{sig}: {}",
            text(&o.stderr)
        );
        let stats = home.stats(&[]);
        let last = stats["sessions"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .clone();
        assert_eq!(last["mode"], "review", "{sig}");
        assert_eq!(last["status"], "interrupted", "{sig}");
        assert_eq!(last["answered"], 1, "{sig}");
        // The graded card is no longer due on day 2; the other one still is.
        let o = home.at(DAY2, &["review", "--format", "json"], "");
        assert_eq!(json(&o)["due"], 1, "{sig}");
    }
}

fn start_review(home: &Home) -> std::process::Child {
    home.cmd(&["review", "--answers", "-", "--format", "json"])
        .env("FACTDRILL_NOW", DAY2)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn wait_until(mut done: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !done() {
        assert!(std::time::Instant::now() < deadline, "timed out");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

mod pty {
    //! The review's real prompts in a pseudo-terminal.

    use super::*;
    use rexpect::process::Signal;
    use rexpect::session::spawn_command;

    #[test]
    fn a_review_in_the_terminal_grades_typed_cards_and_flashcards() {
        let home = Home::new();
        let (_, missed) = quiz_day_one(&home);
        let mut cmd = home.cmd(&["review", "--new", "0"]);
        cmd.env("FACTDRILL_NOW", DAY2).env("TERM", "xterm");
        let mut p = spawn_command(cmd, Some(60_000)).unwrap();
        for _ in 0..missed.len() {
            let (_, matched) = p
                .exp_regex("Which city did the storm hit\\?|How many homes lost power\\?")
                .unwrap();
            if matched.contains("city") {
                p.send("Sydney\r").unwrap();
            } else {
                p.send("3000 homes\r").unwrap();
            }
            p.flush().unwrap();
            p.exp_string("Right").unwrap();
        }
        p.exp_string("Reviewed 2 cards: 2 right").unwrap();
        p.exp_eof().unwrap();
        let status = format!("{:?}", p.process().wait().unwrap());
        assert!(status.ends_with(", 0)"), "{status}");
    }

    #[test]
    fn a_review_in_a_terminal_of_two_rows_and_twenty_columns_still_works() {
        let home = Home::new();
        let (_, missed) = quiz_day_one(&home);
        let mut cmd = std::process::Command::new("sh");
        cmd.args(["-c", "stty rows 2 cols 20 && exec \"$0\" \"$@\""])
            .arg(env!("CARGO_BIN_EXE_factdrill"))
            .args(["review", "--new", "0"])
            .env("FACTDRILL_HOME", home.path())
            .env("FACTDRILL_NOW", DAY2)
            .env("NO_COLOR", "1")
            .env("TZ", "UTC")
            .env("TERM", "xterm");
        let mut p = spawn_command(cmd, Some(60_000)).unwrap();
        for _ in 0..missed.len() {
            let (_, matched) = p.exp_regex("city|homes").unwrap();
            p.send(if matched == "city" {
                "Sydney\r"
            } else {
                "3000 homes\r"
            })
            .unwrap();
            p.flush().unwrap();
            p.exp_string("Right").unwrap();
        }
        p.exp_string("Reviewed").unwrap();
        p.exp_eof().unwrap();
        let exit = format!("{:?}", p.process().wait().unwrap());
        assert!(exit.ends_with(", 0)"), "{exit}");
    }

    #[test]
    fn ctrl_c_sigint_or_sighup_in_a_terminal_review_keeps_the_grades_and_shows_the_cursor() {
        for how in ["ctrl-c", "INT", "HUP", "TERM"] {
            let home = Home::new();
            quiz_day_one(&home);
            let mut cmd = home.cmd(&["review", "--new", "0"]);
            cmd.env("FACTDRILL_NOW", DAY2).env("TERM", "xterm");
            let mut p = spawn_command(cmd, Some(60_000)).unwrap();
            let card = "Which city did the storm hit\\?|How many homes lost power\\?";
            let (_, matched) = p.exp_regex(card).unwrap();
            p.send(if matched.contains("city") {
                "Sydney\r"
            } else {
                "3000 homes\r"
            })
            .unwrap();
            p.flush().unwrap();
            p.exp_string("Right").unwrap();
            p.exp_regex(card).unwrap();
            if how == "ctrl-c" {
                p.send_control('c').unwrap();
            } else {
                let signal = match how {
                    "INT" => Signal::SIGINT,
                    "HUP" => Signal::SIGHUP,
                    _ => Signal::SIGTERM,
                };
                p.process_mut().signal(signal).unwrap();
            }
            let rest = p.exp_eof().unwrap();
            assert!(
                rest.contains("session interrupted; 1 answer kept"),
                "{how}: {rest:?}"
            );
            assert!(
                rest.contains("\x1b[?25h"),
                "{how}: cursor not shown again: {rest:?}"
            );
            let exit = format!("{:?}", p.process().wait().unwrap());
            assert!(exit.ends_with(", 130)"), "{how}: {exit}");
            let stats = home.stats(&[]);
            let last = stats["sessions"]
                .as_array()
                .unwrap()
                .last()
                .unwrap()
                .clone();
            assert_eq!(last["mode"], "review", "{how}");
            assert_eq!(last["status"], "interrupted", "{how}");
            assert_eq!(last["answered"], 1, "{how}");
        }
    }
}
