//! Broken deck files, as a teacher might pass them around: each is one
//! clear line naming the file, the line (and column or field) and the
//! problem, exit code 2, and nothing written: no progress store, no deck.

use std::fs;

mod common;
use common::*;

const HEAD: &str = "format = 1\nid = \"d-000000000abc\"\ntitle = \"Storm\"\n\n";

/// `body` after a valid header; `needles` must all be in the one line.
fn refused(name: &str, body: &str, needles: &[&str]) {
    let home = Home::new();
    let path = home.path().join(name);
    let content = format!("{HEAD}{body}");
    fs::write(&path, &content).unwrap();
    let p = path.to_str().unwrap();
    for args in [vec!["check", p], vec!["quiz", p, "--answers", "-"]] {
        let o = home
            .cmd(&args)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{name} {args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(
            err.starts_with(&format!("factdrill: {p}:")),
            "{name}: {err}"
        );
        for needle in needles {
            assert!(err.contains(needle), "{name}: {needle:?} in {err}");
        }
        assert!(o.stdout.is_empty(), "{name}: {}", text(&o.stdout));
        assert!(!home.store().exists(), "{name}: {args:?} wrote a store");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            content,
            "{name} changed"
        );
    }
}

#[test]
fn a_toml_syntax_error_names_its_line_and_column() {
    refused(
        "syntax.toml",
        "[[question]]\nprompt = \"Who?\nanswer = \"Ana\"\n",
        &["syntax.toml:6:", "column"],
    );
    refused(
        "bracket.toml",
        "[[question]\nprompt = \"Who?\"\n",
        &["bracket.toml:5:"],
    );
}

#[test]
fn an_unknown_field_names_its_line_and_field() {
    refused(
        "unknown.toml",
        "[[question]]\nprompt = \"Who?\"\nanswer = \"Ana\"\ncolour = \"red\"\n",
        &["unknown.toml:8:", "colour", "unknown field"],
    );
}

#[test]
fn a_question_without_an_answer_names_its_line() {
    refused(
        "no-answer.toml",
        "[[question]]\nprompt = \"Who won?\"\n",
        &["no-answer.toml:5:", "answer"],
    );
}

#[test]
fn duplicate_ids_name_both_lines() {
    refused(
        "dupes.toml",
        "[[question]]\nid = \"q-1\"\nprompt = \"Who?\"\nanswer = \"Ana\"\n\n\
         [[question]]\nid = \"q-1\"\nprompt = \"Where?\"\nanswer = \"Rome\"\n",
        &["dupes.toml:11:", "duplicate id `q-1` (first at line 6)"],
    );
}

#[test]
fn choices_without_the_answer_name_the_choices_line() {
    refused(
        "choices.toml",
        "[[question]]\nprompt = \"Who?\"\nstyle = \"choice\"\nanswer = \"Ana\"\n\
         choices = [\"Bo\", \"Cy\"]\n",
        &["choices.toml:9:", "choices"],
    );
}
