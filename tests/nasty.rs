//! A corpus of nasty articles through every command that reads one: empty,
//! blank, one 10 MB line, no punctuation, ALL CAPS, emoji, right-to-left and
//! mixed scripts, ANSI and OSC escape sequences, bidi overrides, NUL bytes,
//! CRLF, a BOM. The large ones are made here, not committed.
//!
//! Each is either refused in one line with exit code 2, or read: then its
//! facts' byte spans point at their text in the file, the deck it gives
//! passes `factdrill check`, a quiz on it runs, and nothing the article's
//! author wrote reaches the output as a raw control character.

use std::fs;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;
use common::*;

/// What must never reach a terminal raw: C0 and C1 controls (escape
/// sequences, BEL, NUL), DEL, and the bidi controls that reorder text.
fn raw_control(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
    })
}

fn assert_clean(what: &str, bytes: &[u8]) {
    let text =
        String::from_utf8(bytes.to_vec()).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    if let Some(c) = raw_control(&text) {
        panic!("{what}: a raw {c:?} reached the output: {text:?}");
    }
    assert!(!text.contains("panicked"), "{what}: {text}");
}

fn run(home: &Home, what: &str, args: &[&str], stdin: &str) -> Output {
    let o = home.fed(args, stdin);
    assert_clean(&format!("{what}: {args:?} stdout"), &o.stdout);
    assert_clean(&format!("{what}: {args:?} stderr"), &o.stderr);
    o
}

/// An article the program refuses: exit 2, one line naming the file.
fn refused(name: &str, bytes: &[u8], reason: &str) {
    let home = Home::new();
    let path = home.path().join(name);
    fs::write(&path, bytes).unwrap();
    let p = path.to_str().unwrap();
    for args in [
        vec!["facts", p],
        vec!["generate", p],
        vec!["quiz", p, "--no-save", "--answers", "-"],
    ] {
        let o = run(&home, name, &args, "");
        assert_eq!(o.status.code(), Some(2), "{name}: {args:?}");
        let err = text(&o.stderr);
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(err.contains(name) && err.contains(reason), "{name}: {err}");
        assert!(o.stdout.is_empty(), "{name}");
    }
}

/// An article the program reads: every command works on it.
fn read(name: &str, bytes: &[u8]) -> Value {
    let home = Home::new();
    let path = home.path().join(name);
    fs::write(&path, bytes).unwrap();
    let p = path.to_str().unwrap();

    let o = run(&home, name, &["facts", p, "--format", "json"], "");
    assert!(o.status.success(), "{name}: {}", text(&o.stderr));
    let facts: Value = serde_json::from_slice(&o.stdout).unwrap();
    spans_point_at_their_text(name, bytes, &facts);
    let o = run(&home, name, &["facts", p], "");
    assert!(o.status.success(), "{name}: {}", text(&o.stderr));

    let deck = home.path().join("deck.toml");
    let o = run(
        &home,
        name,
        &["generate", p, "-o", deck.to_str().unwrap()],
        "",
    );
    assert!(o.status.success(), "{name}: {}", text(&o.stderr));
    assert_clean(&format!("{name}: the deck file"), &fs::read(&deck).unwrap());
    let o = run(&home, name, &["check", deck.to_str().unwrap()], "");
    assert!(o.status.success(), "{name}: check: {}", text(&o.stderr));
    let o = run(&home, name, &["generate", p, "--format", "json"], "");
    assert!(o.status.success(), "{name}: {}", text(&o.stderr));
    let questions = serde_json::from_slice::<Value>(&o.stdout).unwrap()["questions"]
        .as_array()
        .unwrap()
        .len();

    // A quiz straight from the article, saved, in text and in JSON.
    let answers = "a\n\n1\n".repeat(10);
    for format in ["text", "json"] {
        let o = run(
            &home,
            name,
            &[
                "quiz",
                p,
                "--answers",
                "-",
                "--count",
                "6",
                "--format",
                format,
            ],
            &answers,
        );
        let err = text(&o.stderr);
        if questions == 0 {
            assert_eq!(o.status.code(), Some(2), "{name}: {err}");
            assert!(err.contains("has no questions"), "{name}: {err}");
        } else {
            assert!(o.status.success(), "{name}: {format}: {err}");
        }
    }
    // What the store kept of it (titles, prompts, answers) comes back clean.
    for format in ["text", "json"] {
        let o = run(&home, name, &["stats", "--format", format], "");
        assert!(o.status.success(), "{name}: stats: {}", text(&o.stderr));
    }
    facts
}

/// Every mention's and sentence's `start..end` are byte offsets into the
/// file whose bytes are exactly its `text`.
fn spans_point_at_their_text(name: &str, bytes: &[u8], facts: &Value) {
    let at = |v: &Value| {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert!(s <= e && e <= bytes.len(), "{name}: {v}");
        std::str::from_utf8(&bytes[s..e])
            .unwrap_or_else(|_| panic!("{name}: span off a char boundary: {v}"))
            .to_owned()
    };
    for s in facts["sentences"].as_array().unwrap() {
        assert_eq!(at(s), s["text"].as_str().unwrap(), "{name}");
    }
    for e in facts["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            assert_eq!(at(m), m["text"].as_str().unwrap(), "{name}");
        }
    }
}

fn canonicals(facts: &Value) -> Vec<String> {
    let mut names: Vec<String> = facts["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["canonical"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

const PLAIN: &str = "Storm hits Sydney\n\nBy Kim Park\n\nA storm hit Sydney on Tuesday night, \
the city's mayor Ana Lopez said. About 3,000 homes in New South Wales lost power for \
six hours. The Bureau of Meteorology said winds reached 120 km an hour near the coast. \
Insurers expect claims of $40 million from the storm, Lopez told reporters in Sydney.\n";

#[test]
fn an_empty_or_blank_article_is_refused_in_one_line() {
    refused("empty.txt", b"", "the article is empty");
    refused(
        "blank.txt",
        " \n\t\r\n  \u{a0}\n".as_bytes(),
        "the article is empty",
    );
    refused(
        "bom-only.txt",
        "\u{feff}\n\n".as_bytes(),
        "the article is empty",
    );
}

#[test]
fn nul_bytes_are_refused_as_binary_in_one_line() {
    let mut bytes = PLAIN.as_bytes().to_vec();
    bytes.insert(40, 0);
    refused("nul.txt", &bytes, "looks like a binary file");
}

#[test]
fn one_ten_megabyte_line_is_read() {
    let sentence = "The minister said the council in Paris paid $2 bn to Germany on Tuesday and \
                    40 people left ";
    let size = 10 * 1024 * 1024;
    let line: String = sentence.repeat(size / sentence.len() + 1)[..size].to_owned();
    let facts = read("one-line.txt", line.as_bytes());
    assert!(canonicals(&facts).contains(&"Paris".to_owned()));
}

#[test]
fn text_without_punctuation_is_read() {
    let text = "storm hits sydney\n\na storm hit sydney on tuesday night the mayor ana lopez said \
        about 3000 homes lost power for six hours and insurers expect claims of 40 million dollars \
        in new south wales the bureau said winds reached 120 km an hour near the coast\n";
    read("no-punctuation.txt", text.as_bytes());
}

#[test]
fn all_caps_text_is_read() {
    let facts = read("caps.txt", PLAIN.to_uppercase().as_bytes());
    assert!(!facts["entities"].as_array().unwrap().is_empty());
}

#[test]
fn emoji_right_to_left_and_mixed_scripts_are_read() {
    let text = "Storm 🌩️ hits Sydney 🇦🇺\n\nA storm 🌪️ hit Sydney on Tuesday night 🙂, the mayor \
        Ana Lopez said 👩‍👩‍👧. مرحبا بالعالم في القاهرة يوم الثلاثاء. שלום עולם בתל אביב ביום שני. \
        About 3,000 homes in Москва and 東京 lost power for six hours, İstanbul said. \
        Insurers expect claims of $40 million 💸 from the storm, Lopez told reporters.\n";
    let facts = read("scripts.txt", text.as_bytes());
    assert!(canonicals(&facts).contains(&"Sydney".to_owned()), "{facts}");
}

#[test]
fn escape_sequences_and_bidi_controls_in_an_article_never_reach_the_output() {
    let text = "Storm \u{1b}[2J\u{1b}[31mhits\u{1b}[0m Sydney\u{7}\n\nBy Kim \u{1b}]0;pwned\u{7}Park\n\n\
        A storm hit \u{1b}]8;;https://evil.example/\u{1b}\\Sydney\u{1b}]8;;\u{1b}\\ on Tuesday \
        night, the mayor Ana \u{202e}zepoL\u{202c} said. About 3,000 homes lost power \u{9b}31m for \
        six hours in \u{2066}New South Wales\u{2069}. Insurers expect claims of $40 million \
        \u{1b}P+q\u{1b}\\ from the storm, Lopez told reporters in Sydney \u{200f}today.\n";
    read("escapes.txt", text.as_bytes());
}

#[test]
fn crlf_and_a_bom_give_the_same_facts_as_plain_text() {
    let plain = read("plain.txt", PLAIN.as_bytes());
    assert!(
        canonicals(&plain).contains(&"Ana Lopez".to_owned()),
        "{plain}"
    );
    let crlf = read("crlf.txt", PLAIN.replace('\n', "\r\n").as_bytes());
    assert_eq!(canonicals(&crlf), canonicals(&plain));
    assert_eq!(crlf["title"], plain["title"]);
    assert_eq!(crlf["byline"], plain["byline"]);
    let bom = read("bom.txt", format!("\u{feff}{PLAIN}").as_bytes());
    assert_eq!(canonicals(&bom), canonicals(&plain));
    assert_eq!(bom["title"], plain["title"]);
    let both = read(
        "bom-crlf.txt",
        format!("\u{feff}{}", PLAIN.replace('\n', "\r\n")).as_bytes(),
    );
    assert_eq!(canonicals(&both), canonicals(&plain));
}

#[test]
fn a_deck_of_a_nasty_article_checks_and_quizzes_from_its_file() {
    // The deck file itself, not just the article, is read back by a quiz.
    let home = Home::new();
    let article = home.path().join("a.txt");
    fs::write(&article, PLAIN.replace("Sydney", "Sy\u{1b}[5mdney\u{202e}")).unwrap();
    let deck = home.path().join("a.toml");
    let o = run(
        &home,
        "deck",
        &[
            "generate",
            article.to_str().unwrap(),
            "-o",
            deck.to_str().unwrap(),
        ],
        "",
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = run(
        &home,
        "deck",
        &[
            "quiz",
            deck.to_str().unwrap(),
            "--answers",
            "-",
            "--count",
            "4",
        ],
        &"b\n".repeat(10),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(Path::new(&home.store()).exists());
}

#[test]
fn a_player_named_with_escape_sequences_never_reaches_the_output_raw() {
    // Player names come from --player and from imported results: any text.
    let home = Home::new();
    let player = "ana\u{1b}]0;owned\u{7}\u{1b}[2J\u{202e}";
    let deck = deck(&home);
    let o = run(
        &home,
        "player",
        &[
            "quiz",
            deck.to_str().unwrap(),
            "--player",
            player,
            "--answers",
            "-",
        ],
        &"a\n".repeat(10),
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    for args in [
        &["players"][..],
        &["players", "--format", "json"],
        &["list", "--player", player],
        &["list", "--player", player, "--format", "json"],
        &["stats", "--player", player],
        &["stats", "--players"],
        &["stats", "--players", "--format", "json"],
    ] {
        let o = run(&home, "player", args, "");
        assert!(o.status.success(), "{args:?}: {}", text(&o.stderr));
    }
    // CSV lines end in CRLF, as RFC 4180 has them; nothing else is raw.
    let o = home.fed(&["stats", "--players", "--format", "csv"], "");
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_clean("csv", text(&o.stdout).replace("\r\n", "\n").as_bytes());
    // The JSON still carries the name itself, escaped.
    let o = run(&home, "player", &["players", "--format", "json"], "");
    let listed: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(listed[0]["name"], player, "{listed}");
}
