//! End-to-end tests for a classroom: decks for a stack of articles in one
//! command, the list of decks, and the class's results merged from several
//! machines.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{Home, text};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A folder with our own test articles, the seed article, an empty file,
/// a binary file, and things a folder walk must leave out.
fn article_folder(home: &Home) -> (PathBuf, Vec<String>) {
    let dir = home.path().join("articles");
    fs::create_dir(&dir).unwrap();
    let mut names = Vec::new();
    for entry in fs::read_dir(root().join("tests/articles")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // The expectations (.toml) come along: data, not articles.
        fs::copy(&path, dir.join(&name)).unwrap();
        if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            names.push(path.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    fs::copy(
        root().join("seeds/lukashenka-and-bakiyev.txt"),
        dir.join("lukashenka-and-bakiyev.txt"),
    )
    .unwrap();
    names.push("lukashenka-and-bakiyev".to_owned());
    fs::write(dir.join("empty.txt"), "").unwrap();
    fs::write(dir.join("scan.pdf"), b"%PDF-1.4\n\x00\x01\x02\xff binary").unwrap();
    fs::write(dir.join(".notes.txt"), "hidden, skipped").unwrap();
    fs::create_dir(dir.join("drafts")).unwrap();
    fs::write(
        dir.join("drafts/draft.txt"),
        "not read: subfolders are skipped",
    )
    .unwrap();
    names.sort();
    assert!(names.len() >= 6, "{names:?}");
    (dir, names)
}

fn deck_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn generate_over_a_folder_writes_every_good_deck_and_reports_the_bad_files() {
    let home = Home::new();
    let (articles, names) = article_folder(&home);
    let out = home.path().join("decks");
    let o = home
        .cmd(&[
            "generate",
            articles.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    let expected: Vec<String> = names.iter().map(|n| format!("{n}.deck.toml")).collect();
    assert_eq!(deck_names(&out), expected);
    // Each bad file is one line naming it; then a summary.
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].contains("empty.txt: the article is empty"),
        "{err}"
    );
    assert!(
        lines[1].contains("scan.pdf: looks like a binary file"),
        "{err}"
    );
    assert_eq!(
        lines[2],
        format!("wrote {} decks to {}; 2 failed", names.len(), out.display())
    );
    assert!(o.stdout.is_empty());
    // Every deck written is valid, and the seed's is what a single generate gives.
    for deck in &expected {
        let o = home.cmd(&["check"]).arg(out.join(deck)).output().unwrap();
        assert!(o.status.success(), "{deck}: {}", text(&o.stderr));
    }
    let single = home
        .cmd(&["generate"])
        .arg(articles.join("lukashenka-and-bakiyev.txt"))
        .output()
        .unwrap();
    assert_eq!(
        fs::read(out.join("lukashenka-and-bakiyev.deck.toml")).unwrap(),
        single.stdout
    );
}

#[test]
fn generate_refuses_to_overwrite_decks_unless_forced() {
    let home = Home::new();
    let out = home.path().join("decks");
    fs::create_dir(&out).unwrap();
    let kept = out.join("crime.deck.toml");
    fs::write(&kept, "my edited deck").unwrap();
    let crime = root().join("tests/articles/crime.txt");
    let sports = root().join("tests/articles/sports.txt");
    let o = home
        .cmd(&["generate"])
        .arg(&crime)
        .arg(&sports)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("crime.deck.toml already exists; use --force"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(fs::read_to_string(&kept).unwrap(), "my edited deck");
    assert!(out.join("sports.deck.toml").exists());
    let o = home
        .cmd(&["generate", "--force", "--format", "json"])
        .arg(&crime)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    // One article into an existing folder: a deck named after it, in JSON.
    assert!(o.status.success(), "{}", text(&o.stderr));
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("crime.deck.json")).unwrap()).unwrap();
    assert!(!json["questions"].as_array().unwrap().is_empty());
    let o = home
        .cmd(&["generate", "--force"])
        .arg(&crime)
        .arg(&sports)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(fs::read_to_string(&kept).unwrap().contains("[[question]]"));
}

#[test]
fn several_articles_without_an_output_folder_is_a_usage_error() {
    let home = Home::new();
    let o = home
        .cmd(&["generate"])
        .arg(root().join("tests/articles/crime.txt"))
        .arg(root().join("tests/articles/sports.txt"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("2 articles were given: give -o DIR"), "{err}");
    assert!(o.stdout.is_empty());
    let o = home
        .cmd(&["generate"])
        .arg(root().join("tests/articles"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("is a folder: give -o DIR"));
    let file = home.path().join("plain");
    fs::write(&file, "x").unwrap();
    let o = home
        .cmd(&["generate"])
        .arg(root().join("tests/articles"))
        .arg("-o")
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("plain: is a file"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "x");
}

/// Answers for a quiz on the storm deck with `seed`: the right answer to
/// the first `right` questions, a wrong one to the rest.
fn storm_answers(home: &Home, seed: &str, right: usize) -> String {
    let deck = common::deck(home);
    common::order(home, &deck, seed)
        .iter()
        .enumerate()
        .map(|(i, prompt)| {
            if i < right {
                format!("{}\n", common::right_answer(prompt))
            } else {
                "nowhere\n".to_owned()
            }
        })
        .collect::<String>()
        + "\n\n\n\n"
}

#[test]
fn list_shows_shipped_decks_and_yours_with_last_and_best_scores() {
    let home = Home::new();
    let o = home.cmd(&["list", "--format", "json"]).output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let listing = common::json(&o);
    let decks = listing["decks"].as_array().unwrap();
    assert_eq!(decks.len(), 1);
    assert_eq!(decks[0]["name"], "lukashenka-and-bakiyev");
    assert_eq!(decks[0]["origin"], "shipped");
    assert!(decks[0]["questions"].as_u64().unwrap() > 20);
    assert!(!home.store().exists(), "listing must not create a store");

    // Your decks live in the data folder's decks/; quiz takes their names.
    let folder = home.path().join("decks");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("storm.deck.toml"), common::DECK).unwrap();
    let all_right = storm_answers(&home, "4", 4);
    let o = home.quiz(&["storm", "--seed", "4", "--player", "ana"], &all_right);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let two_right = storm_answers(&home, "5", 2);
    let o = home.quiz(&["storm", "--seed", "5", "--player", "ana"], &two_right);
    assert!(o.status.success(), "{}", text(&o.stderr));

    let o = home
        .cmd(&["list", "--player", "ana", "--format", "json"])
        .output()
        .unwrap();
    let listing = common::json(&o);
    let storm = &listing["decks"][1];
    assert_eq!(storm["name"], "storm");
    assert_eq!(storm["origin"], "yours");
    assert_eq!(storm["questions"], 4);
    assert_eq!(storm["last"]["score"], 2);
    assert_eq!(storm["best"]["score"], 4);
    assert_eq!(storm["best"]["percent"], 100.0);
    assert!(listing["decks"][0]["last"].is_null());

    let o = home.cmd(&["list", "--player", "ana"]).output().unwrap();
    let out = text(&o.stdout);
    let row = out.lines().find(|l| l.starts_with("storm ")).unwrap();
    assert!(row.contains("2/4 (50%)"), "{out}");
    assert!(row.contains("4/4 (100%)"), "{out}");
    assert!(row.ends_with("Storm hits Sydney"), "{out}");

    // A broken deck in the folder is named; the others are still listed.
    fs::write(folder.join("broken.deck.toml"), "format = 1\n[[question\n").unwrap();
    let o = home.cmd(&["list", "--player", "ana"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stdout).contains("storm "));
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("broken.deck.toml:2"), "{err}");
}
