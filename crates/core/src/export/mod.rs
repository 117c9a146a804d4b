//! Export: a deck's questions written for other tools — a printable
//! Markdown worksheet with its answer key ([`markdown`]), Moodle's GIFT
//! ([`gift`]) and an Anki import file ([`anki`]).
//!
//! Every writer is a pure function from questions to text. The text of a
//! deck comes from an article or a hand-edited file and is not trusted:
//! each writer first makes every field one clean line with [`one_line`],
//! then escapes what its format gives a meaning to.
//!
//! ```
//! use factdrill_core::deck::Deck;
//! use factdrill_core::export::gift;
//!
//! let text = "format = 1\nid = \"d-0123456789ab\"\ntitle = \"Storm\"\n\n\
//!             [[question]]\nid = \"q-1\"\nprompt = \"Which city: the storm's target?\"\n\
//!             answer = \"Sydney\"\naccept = [\"Sydney, NSW\"]\n";
//! let deck = Deck::parse(text, "storm.toml").unwrap();
//! let questions: Vec<_> = deck.questions.iter().collect();
//! let out = gift::write(&deck, &questions);
//! assert!(out.contains("::q-1::[plain]Which city\\: the storm's target?{"));
//! assert!(out.contains("\t=Sydney\n\t=Sydney, NSW\n"));
//! ```

pub mod anki;
pub mod gift;
pub mod markdown;

use crate::check::normalise;
use crate::questions::{Question, Style};

/// `text` as one clean line: line breaks, tabs and other control
/// characters become spaces, invisible direction overrides (which could
/// reorder what a reader sees) are dropped, runs of spaces become one and
/// the ends are trimmed.
///
/// ```
/// use factdrill_core::export::one_line;
/// assert_eq!(one_line("  two\tcolumns\r\nand\u{1b}[31m a \u{202e}flip "), "two columns and [31m a flip");
/// ```
#[must_use]
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if is_invisible_override(c) {
            continue;
        }
        if c.is_control() || c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// Bidirectional embeddings, overrides, isolates and marks, and the
/// zero-width characters that can hide text (not the joiners, which
/// some scripts and emoji need).
fn is_invisible_override(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2060}'
            | '\u{feff}'
            | '\u{61c}'
    )
}

/// The options a learner picks from: a choice question's choices, or True
/// and False; empty for a question answered by writing.
#[must_use]
pub fn options(q: &Question) -> Vec<String> {
    match q.style {
        Style::Choice => q
            .choices
            .iter()
            .map(|c| one_line(c))
            .filter(|c| !c.is_empty())
            .collect(),
        Style::TrueFalse => vec!["True".to_owned(), "False".to_owned()],
        _ => Vec::new(),
    }
}

/// Which of `options` is the answer to `q`: the first option equal to the
/// answer as the quiz compares them (case, punctuation, accents and
/// leading articles aside), else the first equal ignoring case.
#[must_use]
pub fn right_option(q: &Question, options: &[String]) -> Option<usize> {
    let answer = one_line(&q.answer);
    let norm = normalise(&answer);
    options
        .iter()
        .position(|o| !norm.is_empty() && normalise(o) == norm)
        .or_else(|| {
            options
                .iter()
                .position(|o| o.to_lowercase() == answer.to_lowercase())
        })
}

/// Every right answer to a written question: the answer, then each other
/// accepted answer once (compared as the quiz compares them).
#[must_use]
pub fn accepted(q: &Question) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for a in std::iter::once(&q.answer).chain(&q.accept) {
        let a = one_line(a);
        if a.is_empty() {
            continue;
        }
        let key = normalise(&a);
        let key = if key.is_empty() { a.clone() } else { key };
        if !seen.contains(&key) {
            seen.push(key);
            out.push(a);
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::facts::Kind;

    /// A question for the writers' tests.
    pub(crate) fn q(style: Style, prompt: &str, answer: &str, choices: &[&str]) -> Question {
        Question {
            id: format!("q-{}", crate::deck::stable_id(&[prompt, answer])),
            kind: Kind::Who,
            style,
            prompt: prompt.to_owned(),
            answer: answer.to_owned(),
            accept: Vec::new(),
            choices: choices.iter().map(|c| (*c).to_owned()).collect(),
            sentence: Some(0),
            source: format!("The source of {answer}."),
        }
    }

    #[test]
    fn one_line_keeps_words_and_drops_what_could_break_a_line() {
        assert_eq!(one_line("a\nb\tc\u{0}d"), "a b c d");
        assert_eq!(one_line("\u{2067}abc\u{2069}"), "abc");
        assert_eq!(one_line("   "), "");
        assert_eq!(one_line("Café “quoted” – 3½"), "Café “quoted” – 3½");
    }

    #[test]
    fn the_right_option_is_found_as_the_quiz_finds_it() {
        let question = q(
            Style::Choice,
            "Who?",
            "the Kremlin",
            &["Reuters", "Kremlin", "NATO"],
        );
        assert_eq!(right_option(&question, &options(&question)), Some(1));
        let tf = q(Style::TrueFalse, "It rained.", "False", &[]);
        assert_eq!(right_option(&tf, &options(&tf)), Some(1));
    }

    #[test]
    fn accepted_answers_come_once_each_answer_first() {
        let mut question = q(Style::Wh, "Who?", "Aleksandr Lukashenka", &[]);
        question.accept = vec![
            "Lukashenka".into(),
            "lukashenka".into(),
            " ".into(),
            "Lukashenko".into(),
        ];
        assert_eq!(
            accepted(&question),
            ["Aleksandr Lukashenka", "Lukashenka", "Lukashenko"]
        );
    }
}
