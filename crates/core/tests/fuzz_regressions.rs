//! Replays every input the fuzz targets (`fuzz/`) ever crashed on, kept
//! under `tests/fuzz-regressions/<target>/`, as plain tests: they run in
//! `.ci/run` without fuzzing. A new crash is kept by copying it there from
//! `fuzz/artifacts/<target>/` with a name that says what it found.

use std::fs;
use std::path::PathBuf;

mod invariants;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    // A target that never crashed has no folder (git keeps no empty ones).
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Runs `each` on every kept input of `target`, naming the one that fails.
fn replay(target: &str, each: fn(&[u8])) {
    let files = inputs(target);
    for (name, bytes) in &files {
        let result = std::panic::catch_unwind(|| each(bytes));
        assert!(
            result.is_ok(),
            "fuzz-regressions/{target}/{name} fails again"
        );
    }
}

#[test]
fn kept_article_crashes_pass() {
    assert!(!inputs("article").is_empty());
    replay("article", invariants::article_bytes);
}

#[test]
fn kept_deck_crashes_pass() {
    replay("deck", invariants::deck_bytes);
}

#[test]
fn kept_answer_crashes_pass() {
    replay("answer", invariants::answer_bytes);
}
