//! GIFT: the text format Moodle imports question banks from.
//!
//! Each question is one block, blocks separated by a blank line:
//!
//! ```text
//! // [tag:factdrill] [tag:where] [tag:choice]
//! ::q-83f19d0d7293::[plain]Which country was Kurmanbek Bakiyev president of?{
//!     ~Russia
//!     =Kyrgyzstan
//!     ####From the article\: “… Kurmanbek Bakiyev back to Kyrgyzstan.”
//! }
//! ```
//!
//! - a choice question is multiple choice: `=` the answer, `~` the others;
//! - a wh, cloze or flashcard question is short answer, with every
//!   accepted answer as its own `=` (Moodle ignores case by default); a
//!   cloze keeps its blank `_____` in the text;
//! - a true/false question is `{TRUE}` or `{FALSE}`;
//! - the sentence a question comes from is its general feedback (`####`),
//!   shown after answering; kind and style are Moodle tags; the question's
//!   id is its name.
//!
//! Text is marked `[plain]`, so Moodle shows it exactly as written (an
//! article's `<b>` stays text), and `\ ~ = # { } :` are escaped with a
//! backslash, as Moodle's own GIFT export does. An answer that starts with
//! `[` or `%` gets its own `[plain]` too, so it cannot be read as a format
//! name or an answer weight; a short answer's `->` is written `→`, since
//! Moodle would take `=… ->` for a matching question, and its `*` is
//! written `\*` (GIFT `\\*`), which Moodle matches as a star, not as its
//! wildcard.

use std::fmt::Write as _;

use super::{accepted, one_line, options, right_option};
use crate::deck::Deck;
use crate::questions::{Question, Style};

/// The questions as a GIFT file, in the order given.
#[must_use]
pub fn write(deck: &Deck, questions: &[&Question]) -> String {
    let mut out = String::with_capacity(256 + questions.len() * 512);
    let _ = writeln!(
        out,
        "// {} question{} on “{}” (factdrill deck {}).",
        questions.len(),
        if questions.len() == 1 { "" } else { "s" },
        one_line(&deck.title),
        one_line(&deck.id)
    );
    out.push_str("// Moodle: Question bank → Import → GIFT format.\n");
    for q in questions {
        out.push('\n');
        question(&mut out, q);
    }
    out
}

/// One question's block.
fn question(out: &mut String, q: &Question) {
    let _ = writeln!(
        out,
        "// [tag:factdrill] [tag:{}] [tag:{}]",
        q.kind.as_str(),
        q.style.as_str()
    );
    let _ = write!(
        out,
        "::{}::[plain]{}{{",
        escape(&one_line(&q.id)),
        escape(&one_line(&q.prompt))
    );
    let source = one_line(&q.source);
    let feedback = (!source.is_empty()).then(|| format!("From the article: “{source}”"));
    let options = options(q);
    let right = right_option(q, &options);
    match (q.style, right) {
        (Style::TrueFalse, Some(i)) => {
            out.push_str(if i == 0 { "TRUE" } else { "FALSE" });
            if let Some(f) = &feedback {
                let _ = write!(out, "####{}", answer_text(f));
            }
            out.push_str("}\n");
            return;
        }
        (Style::Choice, Some(right)) => {
            out.push('\n');
            for (i, option) in options.iter().enumerate() {
                let mark = if i == right { '=' } else { '~' };
                let _ = writeln!(out, "\t{mark}{}", answer_text(option));
            }
        }
        _ => {
            out.push('\n');
            for a in accepted(q) {
                let literal = a.replace("->", "→").replace('*', "\\*");
                let _ = writeln!(out, "\t={}", answer_text(&literal));
            }
        }
    }
    if let Some(f) = &feedback {
        let _ = writeln!(out, "\t####{}", answer_text(f));
    }
    out.push_str("}\n");
}

/// An answer or feedback: escaped, and marked `[plain]` when it starts
/// with something Moodle would read as a format name or a weight.
fn answer_text(text: &str) -> String {
    let escaped = escape(text);
    if escaped.starts_with(['[', '%']) {
        format!("[plain]{escaped}")
    } else {
        escaped
    }
}

/// GIFT's special characters escaped with a backslash.
///
/// ```
/// assert_eq!(
///     factdrill_core::export::gift::escape(r"a~b=c#d{e}f:g\h"),
///     r"a\~b\=c\#d\{e\}f\:g\\h"
/// );
/// ```
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '~' | '=' | '#' | '{' | '}' | ':') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::q;

    fn deck() -> Deck {
        Deck {
            format: crate::deck::FORMAT,
            id: "d-000000000abc".into(),
            title: "Storm: {day} #1".into(),
            byline: None,
            date: None,
            source: None,
            questions: Vec::new(),
        }
    }

    #[test]
    fn choice_marks_the_answer_with_equals_and_the_rest_with_tildes() {
        let question = q(
            Style::Choice,
            "Which city?",
            "Sydney",
            &["Perth", "Sydney", "Hobart"],
        );
        let out = write(&deck(), &[&question]);
        assert!(
            out.starts_with("// 1 question on “Storm: {day} #1”"),
            "{out}"
        );
        assert!(
            out.contains("[plain]Which city?{\n\t~Perth\n\t=Sydney\n\t~Hobart\n\t####From the article\\: “The source of Sydney.”\n}\n"),
            "{out}"
        );
        assert!(out.contains("// [tag:factdrill] [tag:who] [tag:choice]\n::q-"));
    }

    #[test]
    fn short_answer_lists_every_accepted_answer() {
        let mut question = q(Style::Cloze, "_____ won.", "Ana Lopez", &[]);
        question.accept = vec!["Lopez".into(), "A->B".into(), "M*A*S*H".into()];
        let out = write(&deck(), &[&question]);
        assert!(
            out.contains(
                "[plain]_____ won.{\n\t=Ana Lopez\n\t=Lopez\n\t=A→B\n\t=M\\\\*A\\\\*S\\\\*H\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn true_false_is_one_line_with_its_feedback() {
        let question = q(Style::TrueFalse, "It rained: a lot.", "False", &[]);
        let out = write(&deck(), &[&question]);
        assert!(
            out.contains(
                "[plain]It rained\\: a lot.{FALSE####From the article\\: “The source of False.”}\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn specials_are_escaped_and_leading_brackets_kept_as_text() {
        let question = q(
            Style::Choice,
            "Which {x} = ~y: #1?\\",
            "[html]<b>",
            &["[html]<b>", "%50%x", "a\tb\nc"],
        );
        let out = write(&deck(), &[&question]);
        assert!(
            out.contains("::[plain]Which \\{x\\} \\= \\~y\\: \\#1?\\\\{\n"),
            "{out}"
        );
        assert!(out.contains("\t=[plain][html]<b>\n"), "{out}");
        assert!(out.contains("\t~[plain]%50%x\n"), "{out}");
        assert!(out.contains("\t~a b c\n"), "{out}");
        // Every question block is separated by exactly one blank line and
        // has no blank line inside it.
        assert_eq!(out.matches("\n\n").count(), 1);
    }

    #[test]
    fn a_question_without_a_source_has_no_feedback() {
        let mut question = q(Style::Wh, "Who?", "Ana", &[]);
        question.source.clear();
        let out = write(&deck(), &[&question]);
        assert!(out.contains("Who?{\n\t=Ana\n}\n"), "{out}");
        assert!(!out.contains("####"));
    }
}
