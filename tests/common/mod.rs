//! Helpers shared by the end-to-end tests: a learner's data folder with a
//! fixed clock, a small deck whose answers are known, running the binary.

#![allow(dead_code)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The fixed clock every test runs with.
pub const NOW: &str = "2026-12-01T09:00:00Z";

/// A learner's data folder for one test.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn store(&self) -> PathBuf {
        self.path().join("factdrill.sqlite")
    }

    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_factdrill"));
        cmd.args(args)
            .env("FACTDRILL_HOME", self.path())
            .env("FACTDRILL_NOW", NOW)
            .env("NO_COLOR", "1")
            .env("TZ", "UTC");
        cmd
    }

    /// Runs a quiz at [`NOW`] answering from `answers` (given on standard input).
    pub fn quiz(&self, args: &[&str], answers: &str) -> Output {
        let command: Vec<&str> = std::iter::once("quiz")
            .chain(args.iter().copied())
            .collect();
        self.at(NOW, &command, answers)
    }

    /// Runs `command` at the time `now`, answering from `answers`.
    pub fn at(&self, now: &str, command: &[&str], answers: &str) -> Output {
        let mut cmd = self.cmd(command);
        cmd.env("FACTDRILL_NOW", now).args(["--answers", "-"]);
        feed(cmd, answers.as_bytes())
    }

    /// Runs `args`, with `input` on its standard input.
    #[allow(dead_code)] // not every test binary feeds raw input
    pub fn fed(&self, args: &[&str], input: impl AsRef<[u8]>) -> Output {
        feed(self.cmd(args), input.as_ref())
    }

    pub fn stats(&self, args: &[&str]) -> Value {
        let o = self
            .cmd(&["stats", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", text(&o.stderr));
        serde_json::from_slice(&o.stdout).unwrap()
    }
}

/// Runs `cmd` with `input` on its standard input and waits for it. A
/// command may refuse and exit before it reads its input: the broken pipe
/// that leaves is not the test's failure, the command's output tells.
fn feed(mut cmd: Command, input: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let written = child.stdin.take().unwrap().write_all(input);
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", text(&o.stdout), text(&o.stderr)))
}

/// A small deck whose answers the tests know.
pub const DECK: &str = r#"
format = 1
id = "d-000000000abc"
title = "Storm hits Sydney"

[[question]]
id = "q-city"
kind = "where"
style = "wh"
prompt = "Which city did the storm hit?"
answer = "Sydney"
source = "The storm hit Sydney on Tuesday."

[[question]]
id = "q-day"
kind = "when"
style = "choice"
prompt = "When did the storm hit Sydney?"
answer = "Tuesday"
choices = ["Monday", "Tuesday", "Friday", "Sunday"]
source = "The storm hit Sydney on Tuesday."

[[question]]
id = "q-homes"
kind = "how_much"
style = "wh"
prompt = "How many homes lost power?"
answer = "3,000 homes"
source = "About 3,000 homes lost power."

[[question]]
id = "q-mayor"
kind = "who"
style = "true_false"
prompt = "Mayor Ana Lopez closed the beaches."
answer = "True"
choices = ["True", "False"]
source = "Mayor Ana Lopez closed the beaches."
"#;

pub fn deck(home: &Home) -> PathBuf {
    let path = home.path().join("storm.deck.toml");
    fs::write(&path, DECK).unwrap();
    path
}

/// The right answer to each question of [`DECK`] by prompt, given as a
/// learner might type it.
pub fn right_answer(prompt: &str) -> &'static str {
    match prompt {
        "Which city did the storm hit?" => "sydney",
        "When did the storm hit Sydney?" => "b",
        "How many homes lost power?" => "3000 homes",
        "Mayor Ana Lopez closed the beaches." => "true",
        other => panic!("unknown prompt {other}"),
    }
}

/// The order a seed asks [`DECK`] in, read from a dry run.
pub fn order(home: &Home, deck: &Path, seed: &str) -> Vec<String> {
    let o = home.quiz(
        &[
            deck.to_str().unwrap(),
            "--seed",
            seed,
            "--no-save",
            "--format",
            "json",
        ],
        "\n\n\n\n",
    );
    json(&o)["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["retry"] == false)
        .map(|a| a["prompt"].as_str().unwrap().to_owned())
        .collect()
}

/// Starts a quiz answering from a pipe, to feed it line by line.
pub fn start(home: &Home, args: &[&str]) -> Child {
    home.cmd(&["quiz", "--answers", "-", "--format", "json"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits (generously) until the store holds `n` answers.
pub fn wait_for_answers(home: &Home, player: &str, n: i64) {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if home.store().exists() && home.stats(&["--player", player])["answers"] == n {
            return;
        }
        assert!(Instant::now() < deadline, "the answers never arrived");
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}
