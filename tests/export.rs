//! End-to-end tests of `factdrill export`: every export is read back — GIFT
//! with a small GIFT reader, Anki as TSV with its header lines, worksheets
//! with their keys — and compared with the deck it came from.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{Home, text};
use factdrill_core::check::normalise;
use factdrill_core::deck::Deck;
use factdrill_core::{Question, Style};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn article() -> String {
    root()
        .join("tests/articles/politics.txt")
        .to_string_lossy()
        .into_owned()
}

fn run(home: &Home, args: &[&str]) -> Output {
    home.cmd(args).output().unwrap()
}

/// Runs and expects success; returns standard output.
fn ok(home: &Home, args: &[&str]) -> String {
    let o = run(home, args);
    assert!(o.status.success(), "{args:?}: {}", text(&o.stderr));
    text(&o.stdout)
}

/// Runs and expects a usage error; returns standard error.
fn refused(home: &Home, args: &[&str]) -> String {
    let o = run(home, args);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o.stdout));
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

/// The questions of `generate --format json`, by id.
fn generated(home: &Home, source: &str) -> HashMap<String, Question> {
    let json: Value = serde_json::from_str(&ok(home, &["generate", source, "--format", "json"]))
        .expect("generate prints JSON");
    let questions: Vec<Question> = serde_json::from_value(json["questions"].clone()).unwrap();
    questions.into_iter().map(|q| (q.id.clone(), q)).collect()
}

/// Text as the exports write it: control characters are spaces, runs of
/// spaces one, ends trimmed.
fn flat(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------
// A small GIFT reader: `// [tag:…]` comments, `::name::`, an optional
// `[plain]` format, the question text, `{…}` with `=` / `~` answers or
// TRUE / FALSE, `####` general feedback, and backslash escapes.

#[derive(Debug, Clone, PartialEq)]
enum Answers {
    /// Options in order, the right one marked.
    Choice(Vec<(bool, String)>),
    /// Every accepted answer.
    Short(Vec<String>),
    TrueFalse(bool),
}

#[derive(Debug, Clone)]
struct Gift {
    name: String,
    tags: Vec<String>,
    text: String,
    answers: Answers,
    feedback: Option<String>,
}

/// A character of GIFT text and whether it was escaped.
type Ch = (char, bool);

fn unescape(s: &str) -> Vec<Ch> {
    let mut out = Vec::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push(('\n', true)),
                Some(next) => out.push((next, true)),
                None => out.push(('\\', false)),
            }
        } else {
            out.push((c, false));
        }
    }
    out
}

fn plain(chars: &[Ch]) -> String {
    let s: String = chars.iter().map(|&(c, _)| c).collect();
    let s = s.trim();
    s.strip_prefix("[plain]").unwrap_or(s).trim().to_owned()
}

/// Where `pattern` (unescaped) starts in `chars`, from `from`.
fn find(chars: &[Ch], pattern: &str, from: usize) -> Option<usize> {
    let p: Vec<char> = pattern.chars().collect();
    (from..=chars.len().saturating_sub(p.len())).find(|&i| {
        p.iter()
            .enumerate()
            .all(|(k, &c)| chars[i + k] == (c, false))
    })
}

/// Splits at each unescaped `marks` character; each piece keeps its mark.
fn split_marked(chars: &[Ch], marks: &[char]) -> Vec<(char, Vec<Ch>)> {
    let mut out: Vec<(char, Vec<Ch>)> = Vec::new();
    for &(c, escaped) in chars {
        if !escaped && marks.contains(&c) {
            out.push((c, Vec::new()));
        } else if let Some(last) = out.last_mut() {
            last.1.push((c, escaped));
        } else {
            assert!(c.is_whitespace(), "text before the first answer: {c:?}");
        }
    }
    out
}

fn read_gift(file: &str) -> Vec<Gift> {
    let mut out = Vec::new();
    for block in file.split("\n\n") {
        let mut tags = Vec::new();
        let mut lines = Vec::new();
        for line in block.lines() {
            if line.trim_start().starts_with("//") {
                for part in line.split("[tag:").skip(1) {
                    tags.push(part.split(']').next().unwrap().to_owned());
                }
            } else {
                lines.push(line);
            }
        }
        let body = lines.join("\n");
        if body.trim().is_empty() {
            continue;
        }
        let chars = unescape(body.trim());
        assert_eq!(&chars[..2], &[(':', false), (':', false)], "a name: {body}");
        let name_end = find(&chars, "::", 2).expect("the name ends with ::");
        let name = plain(&chars[2..name_end]);
        let open = find(&chars, "{", name_end + 2).expect("an answer block");
        let close = find(&chars, "}", open).expect("a closed answer block");
        assert_eq!(
            close,
            chars.len() - 1,
            "the block ends the question: {body}"
        );
        let text = plain(&chars[name_end + 2..open]);
        let mut inside = chars[open + 1..close].to_vec();
        let feedback = (open + 1..close)
            .rev()
            .find(|&i| find(&chars[..close], "####", i) == Some(i))
            .map(|at| {
                let f = plain(&chars[at + 4..close]);
                inside = chars[open + 1..at].to_vec();
                f
            });
        let bare = plain(&inside);
        let answers = match bare.as_str() {
            "T" | "TRUE" => Answers::TrueFalse(true),
            "F" | "FALSE" => Answers::TrueFalse(false),
            _ if inside.contains(&('~', false)) => Answers::Choice(
                split_marked(&inside, &['=', '~'])
                    .into_iter()
                    .map(|(mark, text)| (mark == '=', plain(&text)))
                    .collect(),
            ),
            _ => Answers::Short(
                split_marked(&inside, &['='])
                    .into_iter()
                    // Moodle's short answer reads `\*` as a star.
                    .map(|(_, text)| plain(&text).replace("\\*", "*"))
                    .collect(),
            ),
        };
        assert!(!inside.contains(&('#', false)), "no per-answer feedback");
        out.push(Gift {
            name,
            tags,
            text,
            answers,
            feedback,
        });
    }
    out
}

/// Checks a GIFT question against the deck question it was written from.
fn assert_gift_matches(g: &Gift, q: &Question) {
    assert_eq!(g.text, flat(&q.prompt), "{}", q.id);
    assert!(g.tags.contains(&q.kind.as_str().to_owned()), "{g:?}");
    assert!(g.tags.contains(&q.style.as_str().to_owned()), "{g:?}");
    let source = flat(&q.source);
    if source.is_empty() {
        assert_eq!(g.feedback, None);
    } else {
        assert_eq!(
            g.feedback.as_deref(),
            Some(format!("From the article: “{source}”").as_str())
        );
    }
    match (&g.answers, q.style) {
        (Answers::Choice(options), Style::Choice) => {
            let texts: Vec<String> = options.iter().map(|(_, t)| t.clone()).collect();
            let choices: Vec<String> = q.choices.iter().map(|c| flat(c)).collect();
            assert_eq!(texts, choices, "{}", q.id);
            let right: Vec<&String> = options.iter().filter(|o| o.0).map(|o| &o.1).collect();
            assert_eq!(right.len(), 1, "one right option: {g:?}");
            assert_eq!(normalise(right[0]), normalise(&q.answer), "{}", q.id);
        }
        (Answers::TrueFalse(value), Style::TrueFalse) => {
            assert_eq!(*value, q.answer == "True", "{}", q.id);
        }
        (Answers::Short(answers), Style::Wh | Style::Cloze) => {
            let literal = |s: &str| flat(s).replace("->", "→");
            assert_eq!(answers[0], literal(&q.answer), "{}", q.id);
            let allowed: Vec<String> = std::iter::once(&q.answer)
                .chain(&q.accept)
                .map(|a| literal(a))
                .collect();
            for a in answers {
                assert!(allowed.contains(a), "{a:?} is not an answer of {}", q.id);
            }
            for a in &q.accept {
                assert!(
                    answers
                        .iter()
                        .any(|s| normalise(s) == normalise(&literal(a))),
                    "accepted answer {a:?} of {} is missing: {answers:?}",
                    q.id
                );
            }
        }
        (answers, style) => panic!("{}: {style:?} written as {answers:?}", q.id),
    }
}

#[test]
fn gift_of_an_article_recovers_every_question_option_and_answer() {
    let home = Home::new();
    let source = article();
    let deck = generated(&home, &source);
    let out = home.path().join("quiz.gift");
    ok(
        &home,
        &[
            "export",
            &source,
            "--to",
            "gift",
            "--count",
            "all",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let gift = read_gift(&fs::read_to_string(&out).unwrap());
    for g in &gift {
        let q = deck
            .get(&g.name)
            .unwrap_or_else(|| panic!("{} not in the deck", g.name));
        assert_gift_matches(g, q);
    }
    // Every question a quiz can ask is there, once; flashcards are not.
    let names: BTreeSet<&str> = gift.iter().map(|g| g.name.as_str()).collect();
    let quiz: BTreeSet<&str> = deck
        .values()
        .filter(|q| q.style != Style::Flashcard)
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(names.len(), gift.len());
    assert_eq!(names, quiz);
    assert!(gift.len() >= 20, "{}", gift.len());
    for kind in [
        Answers::Choice(vec![]),
        Answers::Short(vec![]),
        Answers::TrueFalse(true),
    ] {
        assert!(
            gift.iter()
                .any(|g| std::mem::discriminant(&g.answers) == std::mem::discriminant(&kind)),
            "no {kind:?}"
        );
    }
}

#[test]
fn gift_count_and_seed_choose_the_questions_and_their_order() {
    let home = Home::new();
    let source = article();
    let gift = |seed: &str| {
        ok(
            &home,
            &["export", &source, "--to", "gift", "-n", "5", "--seed", seed],
        )
    };
    let a = gift("3");
    assert_eq!(read_gift(&a).len(), 5);
    assert_eq!(a, gift("3"), "the same seed, the same export");
    assert_ne!(a, gift("4"));
}

// ---------------------------------------------------------------------
// Anki: header lines, then tab-separated fields, quoted as CSV quotes.

const ANKI_HEADER: [&str; 5] = [
    "#separator:tab",
    "#html:false",
    "#notetype:Basic",
    "#tags column:3",
    "#guid column:4",
];

/// The header lines and the notes (fields of each line).
fn read_anki(file: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = Vec::new();
    let mut notes = Vec::new();
    for line in file.lines() {
        if notes.is_empty() && line.starts_with('#') {
            header.push(line.to_owned());
            continue;
        }
        let mut fields = Vec::new();
        let mut chars = line.chars().peekable();
        loop {
            let mut field = String::new();
            if chars.peek() == Some(&'"') {
                chars.next();
                while let Some(c) = chars.next() {
                    if c == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                            field.push('"');
                        } else {
                            break;
                        }
                    } else {
                        field.push(c);
                    }
                }
                assert!(matches!(chars.peek(), None | Some('\t')), "{line}");
            } else {
                while let Some(&c) = chars.peek() {
                    if c == '\t' {
                        break;
                    }
                    assert_ne!(c, '"', "an unquoted field with a quote: {line}");
                    field.push(c);
                    chars.next();
                }
            }
            fields.push(field);
            if chars.next().is_none() {
                break;
            }
        }
        notes.push(fields);
    }
    (header, notes)
}

/// Checks one Anki note against its question.
fn assert_note_matches(note: &[String], q: &Question, deck_id: &str) {
    assert_eq!(note.len(), 4, "{note:?}");
    let front = match q.style {
        Style::TrueFalse => format!("True or false? {}", flat(&q.prompt)),
        _ => flat(&q.prompt),
    };
    assert_eq!(note[0], front);
    let answer = flat(&q.answer);
    assert!(
        note[1].starts_with(&answer) || normalise(&note[1]).starts_with(&normalise(&answer)),
        "{note:?}"
    );
    for a in &q.accept {
        assert!(note[1].contains(&flat(a)), "{a:?} missing from {note:?}");
    }
    let source = flat(&q.source);
    if !source.is_empty() {
        assert!(
            note[1].ends_with(&format!(" — From the article: “{source}”")),
            "{note:?}"
        );
    }
    let tags: Vec<&str> = note[2].split(' ').collect();
    assert_eq!(tags.len(), 3, "{note:?}");
    assert!(tags[0].starts_with("factdrill::"));
    assert_eq!(tags[1], format!("factdrill::kind::{}", q.kind.as_str()));
    assert_eq!(tags[2], format!("factdrill::style::{}", q.style.as_str()));
    assert_eq!(note[3], format!("factdrill-{deck_id}-{}", q.id));
}

#[test]
fn anki_file_is_tsv_with_its_headers_and_a_note_for_every_question() {
    let home = Home::new();
    let source = article();
    let deck = generated(&home, &source);
    let file = ok(&home, &["export", &source, "--to", "anki"]);
    let (header, notes) = read_anki(&file);
    assert_eq!(header, ANKI_HEADER);
    let json: Value =
        serde_json::from_str(&ok(&home, &["generate", &source, "--format", "json"])).unwrap();
    let deck_id = json["id"].as_str().unwrap();
    let mut fronts = BTreeSet::new();
    for note in &notes {
        let id = note[3]
            .strip_prefix(&format!("factdrill-{deck_id}-"))
            .unwrap_or_else(|| panic!("guid {}", note[3]));
        assert_note_matches(note, &deck[id], deck_id);
        assert!(
            fronts.insert(note[0].to_lowercase()),
            "two notes ask {}",
            note[0]
        );
    }
    // Every question of the deck, flashcards too, has its note (a choice
    // question shares the note of the typed question it was made from).
    for q in deck.values() {
        let front = match q.style {
            Style::TrueFalse => format!("True or false? {}", flat(&q.prompt)),
            _ => flat(&q.prompt),
        };
        assert!(
            fronts.contains(&front.to_lowercase()),
            "no note for {}",
            q.id
        );
    }
    assert!(notes.iter().any(|n| n[2].ends_with("style::flashcard")));
}

// ---------------------------------------------------------------------
// Markdown worksheets and keys.

/// A worksheet's questions: (number, text, options).
fn read_worksheet(md: &str) -> Vec<(usize, String, Vec<String>)> {
    let mut items: Vec<(usize, String, Vec<String>)> = Vec::new();
    for line in md.lines() {
        if let Some((n, rest)) = numbered(line) {
            assert_eq!(n, items.len() + 1, "numbered in order: {line}");
            items.push((n, unmd(rest), Vec::new()));
        } else if let Some(option) = line.trim_start().strip_prefix("- ")
            && line.starts_with("   ")
        {
            let item = items.last_mut().expect("an option under a question");
            let letter = char::from(b'a' + item.2.len() as u8);
            let text = option
                .strip_prefix(&format!("{letter}) "))
                .unwrap_or_else(|| panic!("option {letter} expected: {line}"));
            item.2.push(unmd(text));
        }
    }
    items
}

/// A worksheet or key as a `CommonMark` renderer (with the GFM tables,
/// strikethrough, task lists and `$` math most renderers add) sees it:
/// its headings, and the items of its one numbered list, each with its
/// first paragraph's text, its other text, and its sub-items. Any markup
/// besides (emphasis, links, code, HTML, math, quotes, tables, a line
/// break inside a paragraph) fails the test.
type Rendered = (Vec<String>, Vec<(String, String, Vec<String>)>);

fn rendered(md: &str) -> Rendered {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_MATH;
    let mut headings: Vec<String> = Vec::new();
    let mut items: Vec<(String, String, Vec<String>)> = Vec::new();
    let mut in_heading = false;
    let mut depth = 0;
    let mut lists = 0;
    let mut paragraphs = 0;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                assert_eq!(level, pulldown_cmark::HeadingLevel::H1, "{md}");
                in_heading = true;
                headings.push(String::new());
            }
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Start(Tag::List(start)) => {
                depth += 1;
                if depth == 1 {
                    lists += 1;
                    assert_eq!(start, Some(1), "one numbered list from 1");
                } else {
                    assert_eq!(start, None, "options are a bullet list");
                }
                assert!(depth <= 2, "lists nest no deeper than options");
            }
            Event::End(TagEnd::List(_)) => depth -= 1,
            Event::Start(Tag::Item) => match depth {
                1 => {
                    items.push((String::new(), String::new(), Vec::new()));
                    paragraphs = 0;
                }
                _ => items.last_mut().unwrap().2.push(String::new()),
            },
            Event::Start(Tag::Paragraph) if depth == 1 => paragraphs += 1,
            Event::Start(Tag::Paragraph) | Event::End(_) => {}
            Event::Text(t) => {
                if in_heading {
                    headings.last_mut().unwrap().push_str(&t);
                } else if depth == 2 {
                    items.last_mut().unwrap().2.last_mut().unwrap().push_str(&t);
                } else if depth == 1 {
                    let item = items.last_mut().unwrap();
                    if paragraphs <= 1 {
                        item.0.push_str(&t);
                    } else {
                        item.1.push_str(&t);
                    }
                }
            }
            other => panic!("unexpected markup {other:?} in\n{md}"),
        }
    }
    assert!(lists <= 1, "one numbered list: {md}");
    (headings, items)
}

/// A key's answers: (number, letter if any, text).
fn read_key(md: &str) -> Vec<(usize, Option<char>, String)> {
    md.lines()
        .filter_map(numbered)
        .map(|(n, rest)| {
            let b = rest.as_bytes();
            if b.len() > 2 && b[0].is_ascii_lowercase() && b[1] == b')' && b[2] == b' ' {
                (n, Some(char::from(b[0])), unmd(&rest[3..]))
            } else {
                (n, None, unmd(rest))
            }
        })
        .collect()
}

/// `12. text` → (12, "text").
fn numbered(line: &str) -> Option<(usize, &str)> {
    let (n, rest) = line.split_once(". ")?;
    Some((n.parse().ok()?, rest))
}

/// Markdown backslash escapes removed.
fn unmd(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(next) = chars.next()
        {
            assert!(next.is_ascii_punctuation(), "only punctuation is escaped");
            out.push(next);
        } else {
            out.push(c);
        }
    }
    out
}

/// The text a worksheet shows for a question.
fn asked(q: &Question) -> String {
    match q.style {
        Style::TrueFalse => format!("True or false? {}", flat(&q.prompt)),
        _ => flat(&q.prompt),
    }
}

#[test]
fn worksheet_versions_ask_the_same_questions_in_other_orders_and_keys_match_them() {
    let home = Home::new();
    let source = article();
    let deck = generated(&home, &source);
    let dir = home.path().join("class/sheets");
    ok(
        &home,
        &[
            "export",
            &source,
            "--to",
            "markdown",
            "--versions",
            "3",
            "--count",
            "8",
            "-o",
            dir.to_str().unwrap(),
        ],
    );
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "key-A.md",
            "key-B.md",
            "key-C.md",
            "worksheet-A.md",
            "worksheet-B.md",
            "worksheet-C.md"
        ]
    );
    let mut orders: Vec<Vec<String>> = Vec::new();
    let mut options_of: HashMap<String, BTreeSet<String>> = HashMap::new();
    let mut option_orders: BTreeSet<Vec<String>> = BTreeSet::new();
    for label in ['A', 'B', 'C'] {
        let sheet = fs::read_to_string(dir.join(format!("worksheet-{label}.md"))).unwrap();
        let key = fs::read_to_string(dir.join(format!("key-{label}.md"))).unwrap();
        assert!(
            sheet.starts_with(&format!("# Worksheet {label} — ")),
            "{sheet}"
        );
        assert!(sheet.contains("Name: ___"));
        assert!(
            key.starts_with(&format!("# Answer key {label} — ")),
            "{key}"
        );
        let items = read_worksheet(&sheet);
        let answers = read_key(&key);
        let shown: Vec<(String, Vec<String>)> = rendered(&sheet)
            .1
            .into_iter()
            .map(|(text, _, subs)| (text, subs))
            .collect();
        let read: Vec<(String, Vec<String>)> = items
            .iter()
            .map(|(_, text, options)| {
                let lettered = options.iter().enumerate();
                let lettered =
                    lettered.map(|(i, o)| format!("{}) {o}", char::from(b'a' + i as u8)));
                (text.clone(), lettered.collect())
            })
            .collect();
        assert_eq!(shown, read, "a renderer sees the worksheet as written");
        assert_eq!(rendered(&key).1.len(), 8);
        assert_eq!(items.len(), 8, "{sheet}");
        assert_eq!(answers.len(), 8, "{key}");
        for ((n, text, options), (m, letter, answer)) in items.iter().zip(&answers) {
            assert_eq!(n, m);
            // The deck questions this one can be (a prompt may be asked
            // as a typed and as a choice question).
            let candidates: Vec<&Question> = deck
                .values()
                .filter(|q| asked(q) == *text)
                .filter(|q| {
                    matches!(q.style, Style::Choice | Style::TrueFalse) != options.is_empty()
                })
                .collect();
            assert!(!candidates.is_empty(), "{text} is not in the deck");
            if let Some(l) = letter {
                let chosen = &options[usize::from(*l as u8 - b'a')];
                assert_eq!(
                    chosen, answer,
                    "key {label} {n}: the letter names its option"
                );
                assert!(
                    candidates
                        .iter()
                        .any(|q| normalise(&q.answer) == normalise(answer)),
                    "key {label} {n}: {answer} is not the answer"
                );
                if options.len() > 2 {
                    option_orders.insert(options.clone());
                }
                let set: BTreeSet<String> = options.iter().cloned().collect();
                let first = options_of
                    .entry(text.clone())
                    .or_insert_with(|| set.clone());
                assert_eq!(*first, set, "every version has the same options");
            } else {
                assert!(options.is_empty());
                assert!(
                    candidates
                        .iter()
                        .any(|q| answer.starts_with(&flat(&q.answer))),
                    "key {label} {n}: {answer}"
                );
            }
        }
        orders.push(items.into_iter().map(|(_, text, _)| text).collect());
    }
    let set = |o: &Vec<String>| {
        let mut s = o.clone();
        s.sort();
        s
    };
    assert_eq!(set(&orders[0]), set(&orders[1]));
    assert_eq!(set(&orders[0]), set(&orders[2]));
    assert_ne!(orders[0], orders[1]);
    assert_ne!(orders[0], orders[2]);
    assert_ne!(orders[1], orders[2]);
    let choice_questions = options_of.values().filter(|o| o.len() > 2).count();
    assert!(choice_questions > 0);
    assert!(
        option_orders.len() > choice_questions,
        "the options of multiple-choice questions are shuffled between versions"
    );
}

#[test]
fn markdown_on_standard_output_prints_every_worksheet_then_every_key() {
    let home = Home::new();
    let out = ok(
        &home,
        &["export", "--to", "markdown", "--versions", "2", "-n", "6"],
    );
    let headings: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("# "))
        .map(|l| l.split(" — ").next().unwrap())
        .collect();
    assert_eq!(
        headings,
        [
            "# Worksheet A",
            "# Worksheet B",
            "# Answer key A",
            "# Answer key B"
        ]
    );
    assert_eq!(out.matches("\n---\n").count(), 3);
    // The default: 20 questions, one version, into one file.
    let file = home.path().join("sheet.md");
    ok(
        &home,
        &["export", "--to", "markdown", "-o", file.to_str().unwrap()],
    );
    let doc = fs::read_to_string(&file).unwrap();
    let parts: Vec<&str> = doc.split("\n---\n").collect();
    assert_eq!(parts.len(), 2);
    assert_eq!(read_worksheet(parts[0]).len(), 20);
    assert_eq!(read_key(parts[1]).len(), 20);
}

// ---------------------------------------------------------------------
// Untrusted text: GIFT specials, tabs, line breaks, Markdown markup.

const SPECIAL_DECK: &str = r##"
format = 1
id = "d-00000000e5c0"
title = "Specials: ~ = # { } and	tabs"

[[question]]
id = "q-choice"
kind = "who"
style = "choice"
prompt = "Which {group} = ~best~: #1?	Or\nnot \\ really"
answer = "A=B"
choices = ["C~D", "A=B", "#E", "{F}: G", "[html]<b>x</b>", "%50%h"]
source = "Source with \\ a backslash, \"quotes\" and	a tab: {x}."

[[question]]
id = "q-short"
kind = "how_much"
style = "wh"
prompt = "How much: {n} #?"
answer = "$2 = two"
accept = ["2~3", "x->y", "a*b", "#tag", "\"quoted\""]
source = "It cost $2 = two; ~ {n} #."

[[question]]
id = "q-tf"
kind = "when"
style = "true_false"
prompt = "1. Statement: ~true~ = #fact {x}"
answer = "False"
choices = ["True", "False"]
source = "2. The fact: it was {y}."

[[question]]
id = "q-cloze"
kind = "where"
style = "cloze"
prompt = "- The _____ said: *hi* [link](x) <script> & `code` | $5"
answer = "Mayor `Ana` *Lopez*"
source = "> The mayor said hi."

[[question]]
id = "q-flash"
kind = "when"
style = "flashcard"
prompt = "#front	with a tab"
answer = "back\nline"
source = ""
"##;

fn special_deck(home: &Home) -> (String, Deck) {
    let path = home.path().join("specials.toml");
    fs::write(&path, SPECIAL_DECK).unwrap();
    let deck = Deck::parse(SPECIAL_DECK, "specials.toml").unwrap();
    (path.to_string_lossy().into_owned(), deck)
}

#[test]
fn gift_escapes_every_special_character_and_reads_back_exactly() {
    let home = Home::new();
    let (path, deck) = special_deck(&home);
    let file = ok(&home, &["export", &path, "--to", "gift"]);
    // A tab only indents an answer line.
    for line in file.lines() {
        assert!(!line.trim_start_matches('\t').contains('\t'), "{line:?}");
    }
    let gift = read_gift(&file);
    assert_eq!(gift.len(), 4, "{file}");
    for g in &gift {
        let q = deck.questions.iter().find(|q| q.id == g.name).unwrap();
        assert_gift_matches(g, q);
    }
    // What Moodle would otherwise read as a format, a weight or a match.
    assert!(file.contains("\n\t~\\#E\n"), "{file}");
    assert!(file.contains("\n\t~[plain][html]<b>x</b>\n"), "{file}");
    assert!(file.contains("\n\t~[plain]%50%h\n"), "{file}");
    assert!(file.contains("\n\t=x→y\n"), "{file}");
    assert!(!file.contains("->"), "{file}");
    assert!(file.contains("\t=a\\\\*b\n"), "{file}");
}

#[test]
fn anki_keeps_tabs_line_breaks_and_quotes_inside_their_fields() {
    let home = Home::new();
    let (path, deck) = special_deck(&home);
    let file = ok(&home, &["export", &path, "--to", "anki"]);
    let (header, notes) = read_anki(&file);
    assert_eq!(header, ANKI_HEADER);
    assert_eq!(notes.len(), 5, "{file}");
    assert_eq!(file.lines().count(), ANKI_HEADER.len() + 5);
    for note in &notes {
        let id = note[3].strip_prefix("factdrill-d-00000000e5c0-").unwrap();
        let q = deck.questions.iter().find(|q| q.id == id).unwrap();
        assert_note_matches(note, q, "d-00000000e5c0");
    }
    let flash = notes.iter().find(|n| n[3].ends_with("q-flash")).unwrap();
    assert_eq!(flash[0], "#front with a tab");
    assert_eq!(flash[1], "back line");
}

#[test]
fn markdown_escapes_what_would_break_numbering_or_lists() {
    let home = Home::new();
    let (path, deck) = special_deck(&home);
    let out = ok(&home, &["export", &path, "--to", "markdown"]);
    let (sheet, key) = out.split_once("\n---\n").unwrap();
    let items = read_worksheet(sheet);
    assert_eq!(items.len(), 4, "{sheet}");
    // Only our own lines start a list item or a heading.
    for line in sheet.lines().chain(key.lines()) {
        let t = line.trim_start();
        if line.starts_with('#') {
            assert!(line.starts_with("# "), "{line}");
        }
        assert!(!t.starts_with(['>', '+', '*', '`', '<', '|']), "{line}");
        if t.starts_with('-') {
            assert!(t.starts_with("- "), "{line}");
            assert!(line.starts_with("   "), "{line}");
        }
    }
    for (_, text, options) in &items {
        let q = deck
            .questions
            .iter()
            .find(|q| asked(q) == *text)
            .unwrap_or_else(|| panic!("{text:?} is not a question of the deck"));
        if q.style == Style::Choice {
            let choices: Vec<String> = q.choices.iter().map(|c| flat(c)).collect();
            assert_eq!(*options, choices);
        }
    }
    // Rendered, it is the same: one heading, one numbered list of four
    // questions, options as sub-items, no stray markup.
    let (headings, rendered_items) = rendered(sheet);
    assert_eq!(headings, ["Worksheet — Specials: ~ = # { } and tabs"]);
    assert_eq!(rendered_items.len(), 4);
    for ((_, text, options), (shown, rest, subs)) in items.iter().zip(&rendered_items) {
        assert_eq!(shown, text);
        if options.is_empty() {
            assert!(rest.starts_with("Answer: ____"), "{rest}");
        }
        let lettered: Vec<String> = options
            .iter()
            .enumerate()
            .map(|(i, o)| format!("{}) {o}", char::from(b'a' + i as u8)))
            .collect();
        assert_eq!(*subs, lettered);
    }
    let (_, rendered_key) = rendered(key.trim_start());
    let answers = read_key(key);
    assert_eq!(answers.len(), 4);
    for ((_, letter, answer), (shown, _, subs)) in answers.iter().zip(&rendered_key) {
        match letter {
            Some(l) => assert_eq!(*shown, format!("{l}) {answer}")),
            None => assert_eq!(shown, answer),
        }
        assert!(subs[0].starts_with("From the article: “"), "{subs:?}");
    }
    assert!(
        answers
            .iter()
            .any(|(_, _, a)| a.starts_with("$2 = two (also accepted: 2~3, x->y"))
    );
    assert!(answers.iter().any(|(_, _, a)| a == "Mayor `Ana` *Lopez*"));
    // Inline markup is escaped in the raw text.
    assert!(sheet.contains("\\- The \\_\\_\\_\\_\\_ said: \\*hi\\* \\[link\\](x) \\<script\\> \\& \\`code\\` \\| \\$5"), "{sheet}");
    assert!(sheet.contains("True or false? 1\\. Statement"), "{sheet}");
}

// ---------------------------------------------------------------------
// Files: never replaced without --force; bad requests refused in one line.

#[test]
fn an_existing_file_is_never_replaced_without_force() {
    let home = Home::new();
    let file = home.path().join("quiz.gift");
    let f = file.to_str().unwrap();
    ok(&home, &["export", "--to", "gift", "-o", f, "--seed", "1"]);
    let first = fs::read_to_string(&file).unwrap();
    let err = refused(&home, &["export", "--to", "gift", "-o", f, "--seed", "2"]);
    assert!(
        err.contains("quiz.gift: already exists; use --force"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), first);
    ok(
        &home,
        &["export", "--to", "gift", "-o", f, "--seed", "2", "--force"],
    );
    assert_ne!(fs::read_to_string(&file).unwrap(), first);

    // A folder of worksheets: one existing file stops every write.
    let dir = home.path().join("sheets");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("key-B.md"), "mine").unwrap();
    let d = dir.to_str().unwrap();
    let err = refused(
        &home,
        &["export", "--to", "markdown", "--versions", "2", "-o", d],
    );
    assert!(err.contains("key-B.md: already exists"), "{err}");
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);
    assert_eq!(fs::read_to_string(dir.join("key-B.md")).unwrap(), "mine");
    ok(
        &home,
        &[
            "export",
            "--to",
            "markdown",
            "--versions",
            "2",
            "-o",
            d,
            "--force",
        ],
    );
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 4);
}

#[test]
fn bad_requests_are_refused_in_one_line() {
    let home = Home::new();
    let err = refused(&home, &["export", "--to", "gift", "--versions", "2"]);
    assert!(err.contains("--versions"), "{err}");
    let dir = home.path().to_str().unwrap();
    let err = refused(&home, &["export", "--to", "anki", "-o", dir]);
    assert!(err.contains("is a folder"), "{err}");
    let plain = home.path().join("notes");
    fs::write(&plain, "x").unwrap();
    let err = refused(
        &home,
        &["export", "--to", "markdown", "-o", plain.to_str().unwrap()],
    );
    assert!(err.contains("is a file, not a folder"), "{err}");
    let err = refused(&home, &["export", "no-such-article.txt", "--to", "json"]);
    assert!(err.contains("no-such-article.txt"), "{err}");
    let cards = home.path().join("cards.toml");
    fs::write(
        &cards,
        "format = 1\nid = \"d-000000000001\"\ntitle = \"Cards\"\n\n[[question]]\n\
         style = \"flashcard\"\nprompt = \"Front\"\nanswer = \"Back\"\n",
    )
    .unwrap();
    let err = refused(&home, &["export", cards.to_str().unwrap(), "--to", "gift"]);
    assert!(
        err.contains("cards.toml: has no questions to export"),
        "{err}"
    );
    ok(&home, &["export", cards.to_str().unwrap(), "--to", "anki"]);
    // clap's own usage errors exit 2 too.
    for bad in [["-n", "0"], ["--versions", "27"]] {
        let o = run(&home, &["export", "--to", "markdown", bad[0], bad[1]]);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn json_export_holds_the_chosen_questions_as_generate_prints_them() {
    let home = Home::new();
    let source = article();
    let deck = generated(&home, &source);
    let json: Value =
        serde_json::from_str(&ok(&home, &["export", &source, "--to", "json", "-n", "7"])).unwrap();
    let questions: Vec<Question> = serde_json::from_value(json["questions"].clone()).unwrap();
    assert_eq!(questions.len(), 7);
    for q in &questions {
        assert_eq!(&deck[&q.id], q);
    }
    let who: Value = serde_json::from_str(&ok(
        &home,
        &[
            "export", &source, "--to", "json", "--kinds", "who", "-n", "all",
        ],
    ))
    .unwrap();
    let who = who["questions"].as_array().unwrap();
    assert_eq!(
        who.len(),
        deck.values()
            .filter(|q| q.kind == factdrill_core::Kind::Who)
            .count()
    );
}
