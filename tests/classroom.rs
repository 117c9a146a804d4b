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

/// A quiz on the storm deck for `player` answering the first `right`
/// questions right; returns the results JSON it printed.
fn storm_quiz(home: &Home, player: &str, seed: &str, right: usize) -> String {
    let deck = common::deck(home);
    let answers = storm_answers(home, seed, right);
    let o = home.quiz(
        &[
            deck.to_str().unwrap(),
            "--seed",
            seed,
            "--player",
            player,
            "--format",
            "json",
        ],
        &answers,
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    text(&o.stdout)
}

fn csv_rows(bytes: &[u8]) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "player");
    assert_eq!(&header[1], "sessions");
    reader.records().map(Result::unwrap).collect()
}

fn column(bytes: &[u8], name: &str) -> usize {
    let mut reader = csv::Reader::from_reader(bytes);
    reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn stats_players_is_a_table_by_player_in_text_csv_and_json() {
    let home = Home::new();
    // Names a gradebook must survive: a comma, quotes, a formula.
    let lopez = "Lopez, Ana";
    let nick = "Bo \"the Bolt\" Park";
    let formula = "=1+1";
    storm_quiz(&home, lopez, "4", 4);
    storm_quiz(&home, lopez, "5", 1);
    storm_quiz(&home, nick, "6", 3);
    storm_quiz(&home, formula, "7", 0);

    let o = home.cmd(&["stats", "--players"]).output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("PLAYER "), "{out}");
    assert!(lines[0].contains("HOW MUCH"), "{out}");
    assert_eq!(lines.len(), 4, "{out}");
    let row = lines.iter().find(|l| l.starts_with(lopez)).unwrap();
    assert!(row.contains("1/4 (25%)"), "last: {out}");
    assert!(row.contains("4/4 (100%)"), "best: {out}");

    let o = home
        .cmd(&["stats", "--players", "--format", "csv"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let rows = csv_rows(&o.stdout);
    assert_eq!(rows.len(), 3);
    let names: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(names, ["'=1+1", nick, lopez]);
    let last = column(&o.stdout, "last_score");
    let best = column(&o.stdout, "best_percent");
    let answers = column(&o.stdout, "answers");
    let lopez_row = &rows[2];
    assert_eq!(&lopez_row[1], "2");
    assert_eq!(&lopez_row[last], "1");
    assert_eq!(&lopez_row[best], "100");
    // Ana's 8 first answers, plus the 3 missed ones asked again.
    assert_eq!(&lopez_row[answers], "11");
    let nick_row = &rows[1];
    assert_eq!(&nick_row[last], "3");

    let json = home.stats(&["--players"]);
    let players = json["players"].as_array().unwrap();
    assert_eq!(players.len(), 3);
    assert_eq!(players[2]["player"], lopez);
    assert_eq!(players[2]["sessions"], 2);
    let by_kind = players[2]["by_kind"].as_object().unwrap();
    let answered: i64 = by_kind
        .values()
        .map(|k| k["answered"].as_i64().unwrap())
        .sum();
    assert_eq!(answered, 11);

    // --deck narrows the table; another deck's quiz is not in it.
    let o = home.quiz(
        &["--count", "3", "--seed", "1", "--player", "Cy"],
        "a\nb\nc\n\n\n\n",
    );
    assert!(o.status.code() == Some(0), "{}", text(&o.stderr));
    let all = home.stats(&["--players"]);
    assert_eq!(all["players"].as_array().unwrap().len(), 4);
    let storm = home.stats(&["--players", "--deck", "Storm hits Sydney"]);
    assert_eq!(storm["players"].as_array().unwrap().len(), 3);
    assert_eq!(storm["deck"], "d-000000000abc");

    // CSV is for the table; --players is for everyone, not one player.
    let o = home.cmd(&["stats", "--format", "csv"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("add --players"));
    let o = home
        .cmd(&["stats", "--players", "--player", "ana"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn results_from_two_machines_merge_into_a_third_without_double_counting() {
    let (one, two, teacher) = (Home::new(), Home::new(), Home::new());
    let results = teacher.path().join("results");
    fs::create_dir(&results).unwrap();
    // Machine one: two students, one file each; machine two: appended
    // results of two quizzes in one file. 16 first answers, and 6 missed
    // ones asked again (bo 2, cy 3 and 1).
    fs::write(results.join("ana.json"), storm_quiz(&one, "ana", "4", 4)).unwrap();
    fs::write(results.join("bo.json"), storm_quiz(&one, "bo", "5", 2)).unwrap();
    let cy = storm_quiz(&two, "cy", "6", 1) + &storm_quiz(&two, "cy", "7", 3);
    fs::write(results.join("cy.json"), cy).unwrap();
    let files: Vec<String> = ["ana", "bo", "cy"]
        .iter()
        .map(|n| results.join(format!("{n}.json")).display().to_string())
        .collect();
    let mut args = vec!["stats", "--import"];
    args.extend(files.iter().map(String::as_str));

    let o = teacher.cmd(&args).output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout).trim(),
        "imported 4 sessions (22 answers) of 3 players from 3 files"
    );
    let before = teacher.stats(&["--players"]);

    // Again, and with --players: nothing new, the same table.
    let mut again = args.clone();
    again.extend(["--players", "--format", "csv"]);
    let o = teacher.cmd(&again).output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains(
            "imported 0 sessions (0 answers) of 0 players from 3 files; 4 sessions already here"
        ),
        "{}",
        text(&o.stderr)
    );
    let rows = csv_rows(&o.stdout);
    let names: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(names, ["ana", "bo", "cy"]);
    assert_eq!(&rows[2][1], "2");
    assert_eq!(teacher.stats(&["--players"]), before);

    let players = before["players"].as_array().unwrap();
    let ana = &players[0];
    assert_eq!(
        (ana["sessions"].as_i64(), ana["answers"].as_i64()),
        (Some(1), Some(4))
    );
    assert_eq!(ana["best"]["percent"], 100.0);
    let cy = &players[2];
    assert_eq!(cy["last"]["score"], 3);
    assert_eq!(cy["best"]["score"], 3);
    // Per-player stats read the imported sessions like local ones.
    let cy_stats = teacher.stats(&["--player", "cy"]);
    assert_eq!(cy_stats["sessions"].as_array().unwrap().len(), 2);
    // Missed questions keep their prompts, imported with the answers.
    let missed = cy_stats["most_missed"][0]["prompt"].as_str().unwrap();
    assert!(missed.ends_with('?') || missed.ends_with('.'), "{missed}");

    // A machine importing its own results counts nothing twice.
    let own = one.cmd(&args[..4]).output().unwrap();
    assert!(
        text(&own.stdout).contains("imported 0 sessions"),
        "{}",
        text(&own.stdout)
    );
    assert!(text(&own.stdout).contains("2 sessions already here"));
    assert_eq!(one.stats(&["--players"])["players"][0]["sessions"], 1);
}

#[test]
fn a_broken_or_foreign_results_file_imports_nothing() {
    let (one, teacher) = (Home::new(), Home::new());
    let good = teacher.path().join("good.json");
    fs::write(&good, storm_quiz(&one, "ana", "4", 4)).unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "cut.json",
            b"{\"session\": \"s-1\", \"play",
            "cut.json: is not valid JSON",
        ),
        (
            "deck.json",
            br#"{"id": "d-1", "title": "T", "questions": []}"#,
            "deck.json: is not the results of `factdrill quiz --format json`",
        ),
        (
            "photo.json",
            b"\x89PNG\r\n\x1a\n\x00",
            "photo.json: is not valid JSON",
        ),
        ("empty.json", b"", "empty.json: holds no quiz results"),
    ];
    for (name, bytes, expected) in cases {
        let bad = teacher.path().join(name);
        fs::write(&bad, bytes).unwrap();
        let o = teacher
            .cmd(&["stats", "--import"])
            .arg(&good)
            .arg(&bad)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{name}");
        let err = text(&o.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(expected), "{err}");
        assert!(!teacher.store().exists(), "{name}: nothing may be written");
    }
    // An edited score is caught too.
    let edited = fs::read_to_string(&good)
        .unwrap()
        .replace("\"score\": 4", "\"score\": 3");
    let bad = teacher.path().join("edited.json");
    fs::write(&bad, edited).unwrap();
    let o = teacher
        .cmd(&["stats", "--import"])
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("does not match its answers"));
}

#[test]
fn generate_draws_a_progress_bar_on_a_terminal() {
    use rexpect::session::spawn_command;
    let home = Home::new();
    let out = home.path().join("decks");
    let mut cmd = home.cmd(&["generate", "-o", out.to_str().unwrap()]);
    cmd.arg(root().join("tests/articles")).env("TERM", "xterm");
    let mut p = spawn_command(cmd, Some(60_000)).unwrap();
    // The bar's first frame: no article done yet, out of the folder's six.
    p.exp_string(" 0/6 ").unwrap();
    p.exp_string(&format!("wrote 6 decks to {}", out.display()))
        .unwrap();
    p.exp_eof().unwrap();
    assert_eq!(deck_names(&out).len(), 6);
}

#[test]
fn a_quiz_resumed_after_its_results_were_exported_imports_as_one_session() {
    let (one, teacher) = (Home::new(), Home::new());
    let deck = common::deck(&one);
    let deck = deck.to_str().unwrap();
    let order = common::order(&one, Path::new(deck), "4");
    let line = |p: &String| format!("{}\n", common::right_answer(p));
    // Two answers, then the answers run out: the quiz stops, interrupted.
    let first: String = order[..2].iter().map(line).collect();
    let args = [deck, "--seed", "4", "--player", "ana", "--format", "json"];
    let o = one.quiz(&args, &first);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let part1 = text(&o.stdout);
    // Taken up again: the rest, right, then nothing to ask again.
    let rest: String = order[2..].iter().map(line).collect();
    let o = one.quiz(
        &[deck, "--resume", "--player", "ana", "--format", "json"],
        &rest,
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let part2 = text(&o.stdout);

    let results = teacher.path().join("results");
    fs::create_dir(&results).unwrap();
    // The later file first: the earlier one still adds its answers.
    fs::write(results.join("2.json"), &part2).unwrap();
    fs::write(results.join("1.json"), &part1).unwrap();
    for name in ["2.json", "1.json", "2.json"] {
        let file = results.join(name).display().to_string();
        let o = teacher.cmd(&["stats", "--import", &file]).output().unwrap();
        assert!(o.status.success(), "{name}: {}", text(&o.stderr));
    }
    let stats = teacher.stats(&["--player", "ana"]);
    let sessions = stats["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 1, "{stats:#}");
    assert_eq!(sessions[0]["status"], "complete");
    assert_eq!(sessions[0]["answered"], order.len());
    assert_eq!(sessions[0]["score"], order.len());
    assert_eq!(stats["answers"], order.len());
}
