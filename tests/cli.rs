//! End-to-end tests of the built `factdrill` binary.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_factdrill"))
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed() -> PathBuf {
    root().join("seeds/lukashenka-and-bakiyev.txt")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run factdrill")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn facts_json(path: &Path) -> Value {
    let o = bin()
        .arg("facts")
        .arg(path)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn facts_json_has_the_documented_shape() {
    let json = facts_json(&seed());
    assert_eq!(json["title"], "Lukashenka and Bakiyev: Friends in Need?");
    assert_eq!(json["byline"], "Erica Marat");
    assert!(json["date"].is_null());
    let text = fs::read_to_string(seed()).unwrap();
    for s in json["sentences"].as_array().unwrap() {
        let (start, end) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], s["text"].as_str().unwrap());
    }
    let entities = json["entities"].as_array().unwrap();
    for e in entities {
        for key in ["kind", "category", "canonical", "role", "mentions"] {
            assert!(e.get(key).is_some(), "{key} missing in {e}");
        }
        for m in e["mentions"].as_array().unwrap() {
            let (start, end) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[start..end], m["text"].as_str().unwrap());
        }
    }
}

#[test]
fn lukashenko_spellings_are_one_person_with_his_role() {
    let json = facts_json(&seed());
    let luka = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["canonical"] == "Aleksandr Lukashenka")
        .expect("Lukashenka found");
    assert_eq!(luka["kind"], "who");
    assert_eq!(luka["category"], "person");
    assert_eq!(luka["role"], "Belarusian president");
    let spellings: Vec<&str> = luka["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    for s in [
        "Aleksandr Lukashenka",
        "Lukashenka",
        "Lukashenko",
        "Lukashnka",
    ] {
        assert!(spellings.contains(&s), "{s} not in {spellings:?}");
    }
}

#[test]
fn byline_author_is_a_who_without_a_sentence() {
    let json = facts_json(&seed());
    let author = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["canonical"] == "Erica Marat")
        .unwrap();
    assert_eq!(author["kind"], "who");
    assert!(author["mentions"][0]["sentence"].is_null());
}

#[test]
fn facts_text_is_a_table_by_kind() {
    let o = bin().arg("facts").arg(seed()).output().unwrap();
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    for heading in ["\nWHO\n", "\nWHERE\n", "\nWHEN\n", "\nHOW MUCH\n"] {
        assert!(out.contains(heading), "{heading} in {out}");
    }
    assert!(out.contains("Belarusian president"));
    assert!(out.contains("Lukashenko"));
}

fn assert_one_line_error(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(2), "exit code; stderr: {}", stderr(o));
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.starts_with("factdrill: "), "{err}");
    assert!(err.contains(needle), "{needle:?} in {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn bad_articles_get_one_clear_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name);
    fs::write(path("empty.txt"), "").unwrap();
    fs::write(path("blank.txt"), " \n\t\n  \n").unwrap();
    fs::write(path("latin1.txt"), b"Caf\xe9 society\n\nIt rained.").unwrap();
    fs::write(path("binary.bin"), b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap();
    fs::write(path("big.txt"), "word ".repeat(1000)).unwrap();
    fs::write(path("front.txt"), "+++\ntitle = \n+++\nBody.").unwrap();
    let cases: &[(&str, &[&str], &str)] = &[
        (
            "missing.txt",
            &[],
            "missing.txt: cannot read: no such file or folder",
        ),
        ("empty.txt", &[], "empty.txt: the article is empty"),
        ("blank.txt", &[], "blank.txt: the article is empty"),
        (
            "latin1.txt",
            &[],
            "latin1.txt: is not UTF-8 text (invalid byte at offset 3)",
        ),
        ("binary.bin", &[], "binary.bin: looks like a binary file"),
        (
            "big.txt",
            &["--max-bytes", "100"],
            "big.txt: is too large (5000 bytes",
        ),
        ("front.txt", &[], "front.txt: front matter, line 2"),
    ];
    for (name, extra, needle) in cases {
        let o = bin()
            .arg("facts")
            .arg(path(name))
            .args(*extra)
            .output()
            .unwrap();
        assert_one_line_error(&o, needle);
    }
    let o = bin().arg("facts").arg(dir.path()).output().unwrap();
    assert_one_line_error(&o, "is a directory");
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let o = run(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["facts"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("facts"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // Enough output to fill the pipe: the seed's body many times over.
    let dir = tempfile::tempdir().unwrap();
    let seed = fs::read_to_string(seed()).unwrap();
    let big = dir.path().join("big.txt");
    fs::write(&big, seed.repeat(40)).unwrap();
    let mut child = bin()
        .arg("facts")
        .arg(&big)
        .args(["--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "stderr: {err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn generate_writes_a_deck_that_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("seed.deck.toml");
    let o = bin()
        .arg("generate")
        .arg(seed())
        .arg("-o")
        .arg(&deck)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let text = fs::read_to_string(&deck).unwrap();
    assert!(text.contains("[[question]]"));
    assert!(text.contains("format = 1"));
    let o = bin().arg("check").arg(&deck).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains(": ok, "));
}

#[test]
fn generate_json_has_the_documented_shape() {
    let o = bin()
        .arg("generate")
        .arg(seed())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["title"], "Lukashenka and Bakiyev: Friends in Need?");
    let qs = json["questions"].as_array().unwrap();
    assert!(qs.len() > 20);
    for q in qs {
        for key in [
            "id", "kind", "style", "prompt", "answer", "accept", "choices", "sentence", "source",
        ] {
            assert!(q.get(key).is_some(), "{key} missing in {q}");
        }
    }
    assert!(qs.iter().any(|q| q["style"] == "true_false"));
    assert!(qs.iter().any(|q| q["kind"] == "how_much"));
}

#[test]
fn generate_is_deterministic_for_a_seed() {
    let run = |n: &str| {
        bin()
            .arg("generate")
            .arg(seed())
            .args(["--seed", n])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("5"), run("5"));
}

#[test]
fn broken_decks_get_one_line_naming_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("bad.deck.toml");
    fs::write(
        &deck,
        "format = 1\nid = \"d-1\"\ntitle = \"T\"\n\n[[question]]\nprompt = \"Who?\"\nstyle = \"choice\"\nanswer = \"A\"\nchoices = [\"B\", \"C\"]\n",
    )
    .unwrap();
    let o = bin().arg("check").arg(&deck).output().unwrap();
    assert_one_line_error(&o, "bad.deck.toml:");
    assert!(stderr(&o).contains("choices"), "{}", stderr(&o));
    fs::write(
        &deck,
        "format = 1\nid = \"d-1\"\ntitle = \"T\"\n[[question]\n",
    )
    .unwrap();
    let o = bin().arg("check").arg(&deck).output().unwrap();
    assert_one_line_error(&o, "bad.deck.toml:4");
}

#[test]
fn a_failed_generate_leaves_an_existing_deck_alone() {
    let dir = tempfile::tempdir().unwrap();
    let deck = dir.path().join("keep.deck.toml");
    fs::write(&deck, "precious").unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let o = bin()
        .arg("generate")
        .arg(&empty)
        .arg("-o")
        .arg(&deck)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&deck).unwrap(), "precious");
    let o = bin()
        .arg("generate")
        .arg(seed())
        .arg("-o")
        .arg(dir.path().join("no/such/dir/x.toml"))
        .output()
        .unwrap();
    assert_one_line_error(&o, "x.toml: cannot write: no such file or folder");
}

#[test]
fn unreadable_decks_get_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.deck.toml");
    fs::write(&latin1, b"format = 1\ntitle = \"Caf\xe9\"\n").unwrap();
    let o = bin().arg("check").arg(&latin1).output().unwrap();
    assert_one_line_error(&o, "latin1.deck.toml: is not UTF-8 text");
    let o = bin()
        .arg("check")
        .arg(dir.path().join("missing.deck.toml"))
        .output()
        .unwrap();
    assert_one_line_error(&o, "missing.deck.toml: cannot read: no such file or folder");
    let unknown = dir.path().join("unknown.deck.toml");
    fs::write(&unknown, "format = 1\nid = \"d-1\"\ntitle = \"T\"\n\n[[question]]\nprompt = \"Who?\"\nanswer = \"A\"\ncolour = \"red\"\n").unwrap();
    let o = bin().arg("check").arg(&unknown).output().unwrap();
    assert_one_line_error(&o, "unknown.deck.toml:8");
}

#[test]
fn check_knows_the_decks_shipped_inside_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let o = bin()
        .current_dir(dir.path())
        .args(["check", "lukashenka-and-bakiyev"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("Lukashenka and Bakiyev: Friends in Need?")
    );
}
