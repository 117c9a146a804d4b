//! Anki: a tab-separated notes file that Anki's File → Import reads as
//! is.
//!
//! The file starts with Anki's header lines (`#separator:tab`,
//! `#html:false`, `#notetype:Basic`, `#tags column:3`, `#guid column:4`),
//! then one note per line: front, back, tags, guid.
//!
//! - The front is the question (a true/false statement asks "True or
//!   false?"; a flashcard's front is its front).
//! - The back is the answer, with the other accepted answers in brackets,
//!   then the sentence of the article it comes from.
//! - Tags: `factdrill::` and the deck's title made a tag, then the kind
//!   and the style (`factdrill::kind::who`, `factdrill::style::wh`).
//! - The guid is made from the deck and question ids, so importing a
//!   newer export of the same deck updates its notes instead of adding
//!   copies.
//!
//! Fields are single lines ([`one_line`]); a field holding a `"` or
//! starting with `#` is quoted (`"…"`, inner quotes doubled), as Anki's
//! CSV reader expects. With `#html:false` Anki shows `<` and `&` as text.
//! Two questions with the same front (a choice question and the typed
//! question it was made from) make one note.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::{accepted, one_line, options, right_option};
use crate::check::normalise;
use crate::deck::Deck;
use crate::questions::{Question, Style};

/// The header lines, in the order written.
pub const HEADER: [&str; 5] = [
    "#separator:tab",
    "#html:false",
    "#notetype:Basic",
    "#tags column:3",
    "#guid column:4",
];

/// One note: the fields of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The question side.
    pub front: String,
    /// The answer side, with the source sentence.
    pub back: String,
    /// Space-separated tags.
    pub tags: String,
    /// Stable note id.
    pub guid: String,
}

/// The note for one question of `deck`.
#[must_use]
pub fn note(deck: &Deck, q: &Question) -> Note {
    let prompt = one_line(&q.prompt);
    let front = match q.style {
        Style::TrueFalse => format!("True or false? {prompt}"),
        _ => prompt,
    };
    let options = options(q);
    let mut back = match (q.style, right_option(q, &options)) {
        (Style::TrueFalse, Some(i)) => options[i].clone(),
        (Style::Flashcard, _) => one_line(&q.answer),
        _ => {
            let all = accepted(q);
            match all.split_first() {
                Some((first, [])) => first.clone(),
                Some((first, rest)) => format!("{first} (also: {})", rest.join(", ")),
                None => String::new(),
            }
        }
    };
    let source = one_line(&q.source);
    if !source.is_empty() {
        let _ = write!(back, " — From the article: “{source}”");
    }
    Note {
        front,
        back,
        tags: format!(
            "factdrill::{} factdrill::kind::{} factdrill::style::{}",
            tag(&deck.title, &deck.id),
            q.kind.as_str(),
            q.style.as_str()
        ),
        guid: format!("factdrill-{}-{}", tag(&deck.id, "deck"), tag(&q.id, "q")),
    }
}

/// The questions as an Anki notes file, in the order given, one note per
/// distinct front.
#[must_use]
pub fn write(deck: &Deck, questions: &[&Question]) -> String {
    let mut out = String::with_capacity(128 + questions.len() * 384);
    for line in HEADER {
        out.push_str(line);
        out.push('\n');
    }
    let mut fronts = HashSet::new();
    for q in questions {
        let note = note(deck, q);
        if !fronts.insert(normalise(&note.front)) {
            continue;
        }
        let fields = [&note.front, &note.back, &note.tags, &note.guid];
        let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
        out.push_str(&line.join("\t"));
        out.push('\n');
    }
    out
}

/// A field as written: quoted when it holds a quote or starts with `#`
/// (which Anki would take for a comment line).
fn field(text: &str) -> String {
    if text.contains('"') || text.starts_with('#') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// `text` as one tag: lowercase letters and digits, other runs made `-`;
/// `fallback` when nothing is left.
fn tag(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::q;

    fn deck() -> Deck {
        Deck {
            format: crate::deck::FORMAT,
            id: "d-000000000abc".into(),
            title: "Storm hits Sydney: day 2".into(),
            byline: None,
            date: None,
            source: None,
            questions: Vec::new(),
        }
    }

    #[test]
    fn the_file_opens_with_anki_headers_then_one_note_a_line() {
        let mut wh = q(Style::Wh, "Who closed the beaches?", "Ana Lopez", &[]);
        wh.accept = vec!["Lopez".into()];
        let out = write(&deck(), &[&wh]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(&lines[..5], HEADER);
        assert_eq!(
            lines[5].split('\t').collect::<Vec<_>>(),
            [
                "Who closed the beaches?",
                "Ana Lopez (also: Lopez) — From the article: “The source of Ana Lopez.”",
                "factdrill::storm-hits-sydney-day-2 factdrill::kind::who factdrill::style::wh",
                &format!("factdrill-d-000000000abc-{}", wh.id),
            ]
        );
        assert_eq!(lines.len(), 6);
    }

    #[test]
    fn true_false_asks_and_a_choice_twin_makes_no_second_note() {
        let tf = q(Style::TrueFalse, "It rained.", "False", &[]);
        let wh = q(Style::Wh, "Which city?", "Sydney", &[]);
        let choice = q(Style::Choice, "Which city?", "Sydney", &["Perth", "Sydney"]);
        let out = write(&deck(), &[&tf, &wh, &choice]);
        let notes: Vec<&str> = out.lines().skip(HEADER.len()).collect();
        assert_eq!(notes.len(), 2, "{out}");
        assert!(notes[0].starts_with("True or false? It rained.\tFalse — From"));
    }

    #[test]
    fn tabs_newlines_quotes_and_hashes_cannot_break_a_line() {
        let mut question = q(Style::Flashcard, "#1 \"best\"\tcity", "a\nb", &[]);
        question.source = "Tab\there.".into();
        let out = write(&deck(), &[&question]);
        let line = out.lines().nth(HEADER.len()).unwrap();
        assert_eq!(out.lines().count(), HEADER.len() + 1);
        assert_eq!(line.matches('\t').count(), 3, "{line}");
        assert!(
            line.starts_with("\"#1 \"\"best\"\" city\"\ta b — From the article: “Tab here.”\t"),
            "{line}"
        );
    }

    #[test]
    fn tags_are_single_words() {
        assert_eq!(tag("  Ça va?  Oui!", "x"), "ça-va-oui");
        assert_eq!(tag("???", "fallback"), "fallback");
    }
}
