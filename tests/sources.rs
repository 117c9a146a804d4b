//! End-to-end tests of where articles come from: saved web pages (our own
//! pages under tests/pages/, each with the text it must yield, the facts
//! in it and the words of the page around the article that must never show)
//! and `-`, an article piped on standard input, for `facts`, `generate` and
//! `quiz`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde::Deserialize;
use serde_json::Value;

mod common;
use common::*;

#[derive(Debug, Deserialize)]
struct Expect {
    page: String,
    title: String,
    byline: String,
    date: String,
    text: String,
    facts: Vec<Fact>,
    absent: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Fact {
    kind: String,
    name: String,
    resolved: Option<String>,
}

fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/pages")
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/lukashenka-and-bakiyev.txt")
}

/// Every test page with what it must yield.
fn pages() -> Vec<(PathBuf, Expect)> {
    let mut pages: Vec<(PathBuf, Expect)> = fs::read_dir(pages_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expect.toml"))
        .map(|p| {
            let expect: Expect = toml::from_str(&fs::read_to_string(&p).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (pages_dir().join(&expect.page), expect)
        })
        .collect();
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(pages.len() >= 3, "the test pages are missing");
    pages
}

fn run(home: &Home, args: &[&str]) -> Output {
    home.cmd(args).stdin(Stdio::null()).output().unwrap()
}

/// Runs `args` with `input` on standard input.
fn piped(home: &Home, args: &[&str], input: &[u8]) -> Output {
    home.fed(args, input)
}

fn ok_json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", text(&o.stderr));
    json(o)
}

fn one_line_error(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(err.contains(needle), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn every_test_page_yields_its_article_text_title_byline_date_and_facts() {
    let home = Home::new();
    for (path, expect) in pages() {
        let name = path.display().to_string();
        let facts = ok_json(&run(&home, &["facts", &name, "--format", "json"]));
        assert_eq!(facts["extracted"], expect.text.as_str(), "{name}");
        assert_eq!(facts["title"], expect.title.as_str(), "{name}");
        assert_eq!(facts["byline"], expect.byline.as_str(), "{name}");
        assert_eq!(facts["date"], expect.date.as_str(), "{name}");
        let entities = facts["entities"].as_array().unwrap();
        for want in &expect.facts {
            let found = entities.iter().find(|e| {
                e["kind"] == want.kind.as_str()
                    && (e["canonical"] == want.name.as_str()
                        || e["mentions"]
                            .as_array()
                            .unwrap()
                            .iter()
                            .any(|m| m["text"] == want.name.as_str()))
            });
            let Some(found) = found else {
                panic!("{name}: no {} fact {:?}", want.kind, want.name);
            };
            if let Some(resolved) = &want.resolved {
                assert_eq!(found["resolved"], resolved.as_str(), "{name}: {found}");
            }
        }
        // Spans point into the extracted text.
        let extracted = facts["extracted"].as_str().unwrap();
        let slice = |v: &Value| {
            let (s, e) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
            &extracted[s as usize..e as usize]
        };
        for s in facts["sentences"].as_array().unwrap() {
            assert_eq!(slice(s), s["text"], "{name}");
        }
        for e in entities {
            for m in e["mentions"].as_array().unwrap() {
                assert_eq!(slice(m), m["text"], "{name}");
            }
        }
        for word in &expect.absent {
            assert!(!extracted.contains(word.as_str()), "{name}: {word:?} read");
        }
    }
}

#[test]
fn no_menu_footer_banner_or_comment_word_reaches_a_question() {
    let home = Home::new();
    for (path, expect) in pages() {
        let name = path.display().to_string();
        let deck = ok_json(&run(&home, &["generate", &name, "--format", "json"]));
        assert_eq!(deck["title"], expect.title.as_str());
        assert_eq!(deck["byline"], expect.byline.as_str());
        assert_eq!(deck["date"], expect.date.as_str());
        let questions = deck["questions"].as_array().unwrap();
        assert!(
            questions.len() >= 10,
            "{name}: {} questions",
            questions.len()
        );
        for q in questions {
            // Options may come from the gazetteer; what the page gave is
            // the prompt, the answer and the sentence it is from.
            let asked = format!("{} | {} | {}", q["prompt"], q["answer"], q["source"]);
            for word in &expect.absent {
                assert!(
                    !asked.contains(word.as_str()),
                    "{name}: {word:?} in {asked}"
                );
            }
        }
    }
}

#[test]
fn a_quiz_on_a_saved_page_asks_only_about_the_article() {
    let home = Home::new();
    let (path, expect) = pages()
        .into_iter()
        .find(|(p, _)| p.extension().is_some_and(|e| e == "html"))
        .unwrap();
    let answers = home.path().join("answers.txt");
    fs::write(&answers, "\n".repeat(200)).unwrap();
    let o = run(
        &home,
        &[
            "quiz",
            path.to_str().unwrap(),
            "--count",
            "60",
            "--seed",
            "4",
            "--player",
            "lee",
            "--answers",
            answers.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let results = ok_json(&o);
    assert_eq!(results["deck_title"], expect.title.as_str());
    let asked = results["answers"].as_array().unwrap();
    assert!(asked.len() >= 30, "{} asked", asked.len());
    for a in asked {
        let shown = format!("{} | {} | {}", a["prompt"], a["expected"], a["sentence"]);
        for word in &expect.absent {
            assert!(!shown.contains(word.as_str()), "{word:?} in {shown}");
        }
    }
    assert_eq!(home.stats(&["--player", "lee"])["answers"], asked.len());
}

#[test]
fn an_article_piped_on_stdin_reads_as_the_file_does() {
    let home = Home::new();
    let bytes = fs::read(seed()).unwrap();
    let from_file = ok_json(&run(
        &home,
        &["facts", seed().to_str().unwrap(), "--format", "json"],
    ));
    let from_stdin = ok_json(&piped(&home, &["facts", "-", "--format", "json"], &bytes));
    // The same article, the same spans into the bytes read, no `extracted`.
    assert_eq!(from_stdin, from_file);
    assert!(from_stdin.get("extracted").is_none());

    let file_deck = ok_json(&run(
        &home,
        &["generate", seed().to_str().unwrap(), "--format", "json"],
    ));
    let stdin_deck = ok_json(&piped(
        &home,
        &["generate", "-", "--format", "json"],
        &bytes,
    ));
    assert_eq!(stdin_deck["id"], file_deck["id"]);
    assert_eq!(stdin_deck["title"], file_deck["title"]);
    assert_eq!(stdin_deck["questions"], file_deck["questions"]);
    assert_eq!(file_deck["source"], "lukashenka-and-bakiyev.txt");
    assert_eq!(stdin_deck["source"], Value::Null);
}

#[test]
fn a_web_page_piped_on_stdin_is_known_by_its_content() {
    let home = Home::new();
    for (path, expect) in pages() {
        let bytes = fs::read(&path).unwrap();
        let facts = ok_json(&piped(&home, &["facts", "-", "--format", "json"], &bytes));
        assert_eq!(
            facts["extracted"],
            expect.text.as_str(),
            "{}",
            path.display()
        );
    }
}

#[test]
fn export_takes_a_saved_page_and_a_piped_one_alike() {
    let home = Home::new();
    for (path, expect) in pages() {
        let name = path.to_str().unwrap();
        let file = ok_json(&run(&home, &["export", name, "--to", "json"]));
        let bytes = fs::read(&path).unwrap();
        let piped = ok_json(&piped(&home, &["export", "-", "--to", "json"], &bytes));
        assert_eq!(file["title"], expect.title.as_str(), "{name}");
        assert_eq!(piped["id"], file["id"], "{name}");
        assert_eq!(piped["questions"], file["questions"], "{name}");
        assert_eq!(piped["source"], Value::Null, "{name}");
        let worksheet = run(&home, &["export", name, "--to", "markdown", "-n", "all"]);
        assert!(worksheet.status.success(), "{}", text(&worksheet.stderr));
        assert!(
            text(&worksheet.stdout).starts_with(&format!("# Worksheet — {}\n", expect.title)),
            "{name}"
        );
    }
}

#[test]
fn a_quiz_on_an_article_piped_on_stdin_takes_its_answers_from_a_file() {
    let home = Home::new();
    let page = pages_dir().join("harbour-strike.html");
    let answers = home.path().join("answers.txt");
    fs::write(&answers, "a\nb\nc\n").unwrap();
    let o = piped(
        &home,
        &[
            "quiz",
            "-",
            "--count",
            "3",
            "--seed",
            "8",
            "--player",
            "kim",
            "--answers",
            answers.to_str().unwrap(),
            "--format",
            "json",
        ],
        &fs::read(&page).unwrap(),
    );
    let results = ok_json(&o);
    assert_eq!(
        results["deck_title"],
        "Rotterdam dock workers end three-day strike after pay deal"
    );
    assert_eq!(results["status"], "complete");
    assert_eq!(results["answered"], 3);
    let given: Vec<&str> = results["answers"]
        .as_array()
        .unwrap()
        .iter()
        .take(3)
        .map(|a| a["given"].as_str().unwrap())
        .collect();
    assert_eq!(given.len(), 3);
    let stats = home.stats(&["--player", "kim"]);
    assert_eq!(stats["sessions"][0]["status"], "complete");
    // The deck made from standard input is the deck made from the file.
    let deck = ok_json(&run(
        &home,
        &["generate", page.to_str().unwrap(), "--format", "json"],
    ));
    assert_eq!(results["deck"], deck["id"]);
}

#[test]
fn answers_on_stdin_are_refused_when_the_article_is_there() {
    let home = Home::new();
    let o = piped(
        &home,
        &["quiz", "-", "--answers", "-"],
        &fs::read(seed()).unwrap(),
    );
    one_line_error(&o, "--answers -: standard input already holds the article");
    assert!(text(&o.stderr).contains("--answers FILE"));
    assert!(!home.store().exists(), "a refused quiz wrote a store");
}

#[test]
fn without_a_terminal_a_piped_article_needs_a_file_of_answers() {
    let home = Home::new();
    // setsid: no controlling terminal, so no /dev/tty to read keys from.
    let mut cmd = Command::new("setsid");
    cmd.arg(env!("CARGO_BIN_EXE_factdrill"))
        .args(["quiz", "-"])
        .env("FACTDRILL_HOME", home.path())
        .env("FACTDRILL_NOW", NOW)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&fs::read(seed()).unwrap())
        .unwrap_or(()); // it may refuse before reading
    let o = child.wait_with_output().unwrap();
    one_line_error(&o, "no terminal to answer on; use --answers FILE");
    assert!(!home.store().exists());
}

#[test]
fn bad_input_on_stdin_or_in_a_page_gets_one_clear_line() {
    let home = Home::new();
    one_line_error(
        &piped(&home, &["facts", "-"], b"  \n"),
        "standard input: the article is empty",
    );
    one_line_error(
        &piped(&home, &["generate", "-", "--max-bytes", "10"], &[b'a'; 11]),
        "standard input: is too large (over 10 bytes; see --max-bytes)",
    );
    one_line_error(
        &piped(&home, &["facts", "-"], b"Caf\xe9 prices rose."),
        "standard input: is not UTF-8 text",
    );
    // Standard input is one article, not one of several.
    let out = home.path().join("decks");
    one_line_error(
        &piped(
            &home,
            &[
                "generate",
                seed().to_str().unwrap(),
                "-",
                "-o",
                out.to_str().unwrap(),
            ],
            b"Text.",
        ),
        "-: standard input holds one article",
    );
    assert!(!out.exists());
    // A page whose every part is navigation has no article.
    let dir = home.path();
    let nav = dir.join("menu.html");
    fs::write(
        &nav,
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\
         <footer>Contact</footer></body></html>",
    )
    .unwrap();
    one_line_error(
        &run(&home, &["facts", nav.to_str().unwrap()]),
        "menu.html: no article text found in the web page",
    );
    let binary = dir.join("image.htm");
    fs::write(&binary, b"GIF89a\x01\x00\x01\x00\x00\xff").unwrap();
    one_line_error(
        &run(&home, &["generate", binary.to_str().unwrap()]),
        "image.htm: looks like a binary file",
    );
    let empty = dir.join("blank.html");
    fs::write(&empty, "\n\n").unwrap();
    one_line_error(
        &run(&home, &["quiz", empty.to_str().unwrap(), "--answers", "-"]),
        "blank.html: the web page is empty",
    );
    // The size limit counts the page's bytes.
    let page = pages_dir().join("harbour-strike.html");
    one_line_error(
        &run(
            &home,
            &["facts", page.to_str().unwrap(), "--max-bytes", "1000"],
        ),
        "harbour-strike.html: is too large",
    );
}

mod pty {
    //! The real prompts while standard input holds the article: keys come
    //! from the terminal.

    use super::*;
    use rexpect::session::spawn_command;

    #[test]
    fn a_piped_article_is_quizzed_with_keys_from_the_terminal() {
        let home = Home::new();
        let article = home.path().join("article.txt");
        fs::write(&article, fs::read(seed()).unwrap()).unwrap();
        let quiz = [
            "quiz", "-", "--count", "2", "--style", "typed", "--seed", "3",
        ];
        // The questions this seed asks, and their answers, from a dry run.
        let blank = home.path().join("blank.txt");
        fs::write(&blank, "\n\n\n\n").unwrap();
        let dry: Vec<&str> = quiz
            .iter()
            .copied()
            .chain(["--no-save", "--format", "json", "--answers"])
            .chain([blank.to_str().unwrap()])
            .collect();
        let plan: Vec<(String, String)> =
            ok_json(&piped(&home, &dry, &fs::read(&article).unwrap()))["answers"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|a| a["retry"] == false)
                .map(|a| {
                    let prompt: String = a["prompt"].as_str().unwrap().chars().take(24).collect();
                    (prompt, a["expected"].as_str().unwrap().to_owned())
                })
                .collect();
        assert_eq!(plan.len(), 2);

        let mut cmd = Command::new("sh");
        cmd.args([
            "-c",
            "cat \"$ARTICLE\" | \"$0\" quiz - --count 2 --style typed --seed 3 --player pat",
        ])
        .arg(env!("CARGO_BIN_EXE_factdrill"))
        .env("ARTICLE", &article)
        .env("FACTDRILL_HOME", home.path())
        .env("FACTDRILL_NOW", NOW)
        .env("NO_COLOR", "1")
        .env("TERM", "xterm");
        let mut p = spawn_command(cmd, Some(60_000)).unwrap();
        p.exp_string("Quiz: Lukashenka").unwrap();
        for (prompt, answer) in &plan {
            p.exp_string(prompt).unwrap();
            p.send(answer).unwrap();
            p.send("\r").unwrap();
            p.flush().unwrap();
            p.exp_string("Right").unwrap();
        }
        p.exp_string("Score: 2 of 2").unwrap();
        p.exp_eof().unwrap();
        let exit = format!("{:?}", p.process().wait().unwrap());
        assert!(exit.ends_with(", 0)"), "{exit}");
        let stats = home.stats(&["--player", "pat"]);
        assert_eq!(stats["answers"], 2);
        assert_eq!(stats["sessions"][0]["status"], "complete");
        assert_eq!(stats["sessions"][0]["score"], 2);
    }
}
