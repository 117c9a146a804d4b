//! Markdown: a printable worksheet and its answer key, in one or more
//! versions.
//!
//! [`versions`] lays the questions out: version A in the order given,
//! each later version (B, C, …) with the questions in another order and
//! the options of each multiple-choice question shuffled, so that
//! neighbours cannot copy. [`worksheet`] writes a version for the learner
//! (title, a line for name and date, instructions, numbered questions,
//! lettered options, a line to write on) and [`key`] its answer key (the
//! letter and text of each answer, every accepted answer, the sentence it
//! comes from).
//!
//! Everything from the deck is one line ([`one_line`]) and escaped for
//! `CommonMark` ([`inline`]): a prompt cannot start a list, a heading or a
//! quote, nor turn text bold, into a link or into HTML.

use std::fmt::Write as _;

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::{accepted, one_line, options, right_option};
use crate::deck::Deck;
use crate::questions::{Question, Style};

/// The most versions: one per letter, A to Z.
pub const MAX_VERSIONS: usize = 26;

/// One version of a worksheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Version<'a> {
    /// `A`, `B`, …; `None` when there is only one version.
    pub label: Option<char>,
    /// The questions in this version's order.
    pub items: Vec<Item<'a>>,
}

/// One question as a version asks it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<'a> {
    /// The question.
    pub question: &'a Question,
    /// The options in this version's order, lettered a, b, c…; empty for
    /// a question answered by writing.
    pub options: Vec<String>,
    /// Which option is right.
    pub right: Option<usize>,
}

impl Item<'_> {
    fn new(question: &Question) -> Item<'_> {
        let options = options(question);
        let right = right_option(question, &options);
        Item {
            question,
            // A choice question whose answer is not among its options is
            // asked as a written one.
            options: if right.is_some() { options } else { Vec::new() },
            right,
        }
    }
}

/// The letter of option `i`: `a`, `b`, … (`z` and beyond stay `z`).
#[must_use]
pub fn letter(i: usize) -> char {
    char::from(b'a' + i.min(25) as u8)
}

/// `count` versions (1 to [`MAX_VERSIONS`]) of a worksheet of
/// `questions`. Version A asks them in the order given with the options as
/// the deck has them; each later version has its own order of questions
/// (another than every earlier version's, when there are enough questions
/// for that) and of the options of multiple-choice questions (true/false
/// stays True, False). The same `seed` gives the same versions.
#[must_use]
pub fn versions<'a>(questions: &[&'a Question], count: usize, seed: u64) -> Vec<Version<'a>> {
    let count = count.clamp(1, MAX_VERSIONS);
    let mut rng = StdRng::seed_from_u64(seed);
    let first: Vec<Item<'a>> = questions.iter().map(|q| Item::new(q)).collect();
    let mut orders: Vec<Vec<usize>> = vec![(0..first.len()).collect()];
    while orders.len() < count {
        let mut order: Vec<usize> = (0..first.len()).collect();
        // A few tries at an order no earlier version has.
        for _ in 0..64 {
            order.shuffle(&mut rng);
            if !orders.contains(&order) {
                break;
            }
        }
        orders.push(order);
    }
    orders
        .iter()
        .enumerate()
        .map(|(v, order)| {
            let items = order
                .iter()
                .map(|&i| {
                    let mut item = first[i].clone();
                    if v > 0 && item.question.style == Style::Choice {
                        shuffle_options(&mut item, &mut rng);
                    }
                    item
                })
                .collect();
            Version {
                label: (count > 1).then(|| char::from(b'A' + v as u8)),
                items,
            }
        })
        .collect()
}

/// Shuffles an item's options, keeping track of the right one.
fn shuffle_options(item: &mut Item<'_>, rng: &mut StdRng) {
    let Some(right) = item.right else { return };
    let answer = item.options[right].clone();
    let mut order: Vec<usize> = (0..item.options.len()).collect();
    order.shuffle(rng);
    item.options = order.iter().map(|&i| item.options[i].clone()).collect();
    item.right = order.iter().position(|&i| i == right);
    debug_assert_eq!(item.right.map(|r| &item.options[r]), Some(&answer));
}

/// `text` escaped for a line of `CommonMark`: one line, every character
/// that can start markup (`` \ ` * _ [ ] < > # | ~ & $ ``) escaped with a
/// backslash, and a start that would open a list (`2010.`, `1)`, `-`, `+`)
/// escaped too.
///
/// ```
/// use factdrill_core::export::markdown::inline;
/// assert_eq!(inline("2010. A *big* [year]"), r"2010\. A \*big\* \[year\]");
/// assert_eq!(inline("- not a list"), r"\- not a list");
/// ```
#[must_use]
pub fn inline(text: &str) -> String {
    let text = one_line(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && matches!(out.as_bytes().get(digits), Some(b'.' | b')')) {
        out.insert(digits, '\\');
    } else if out.starts_with(['-', '+']) {
        out.insert(0, '\\');
    }
    out
}

/// A heading's name for a version: `Worksheet A`, or `Worksheet` alone.
fn name(what: &str, version: &Version<'_>) -> String {
    match version.label {
        Some(label) => format!("{what} {label}"),
        None => what.to_owned(),
    }
}

/// The question line of an item, as the learner reads it.
fn ask(q: &Question) -> String {
    let prompt = inline(&q.prompt);
    match q.style {
        Style::TrueFalse => format!("True or false? {prompt}"),
        Style::Flashcard => format!("What does the article say about {prompt}?"),
        _ => prompt,
    }
}

/// Spaces that indent a line under item `number`'s text.
fn indent(number: usize) -> String {
    " ".repeat(number.to_string().len() + 2)
}

/// The worksheet of `version`: what the learner gets.
#[must_use]
pub fn worksheet(deck: &Deck, version: &Version<'_>) -> String {
    let mut out = String::with_capacity(512 + version.items.len() * 256);
    let _ = writeln!(
        out,
        "# {} — {}\n",
        name("Worksheet", version),
        inline(&deck.title)
    );
    if let Some(byline) = deck.byline.as_deref().map(inline).filter(|b| !b.is_empty()) {
        let _ = writeln!(out, "Article by {byline}\n");
    }
    out.push_str("Name: ______________________________   Date: ______________\n\n");
    out.push_str(
        "Read the article, then answer every question. Where there are \
         lettered options, circle the letter of the one right answer; \
         otherwise write your answer on the line.\n",
    );
    for (i, item) in version.items.iter().enumerate() {
        let number = i + 1;
        let pad = indent(number);
        let _ = writeln!(out, "\n{number}. {}\n", ask(item.question));
        if item.options.is_empty() {
            let _ = writeln!(out, "{pad}Answer: ________________________________________");
        } else {
            for (j, option) in item.options.iter().enumerate() {
                let _ = writeln!(out, "{pad}- {}) {}", letter(j), inline(option));
            }
        }
    }
    out
}

/// The answer key of `version`: for the teacher.
#[must_use]
pub fn key(deck: &Deck, version: &Version<'_>) -> String {
    let mut out = String::with_capacity(256 + version.items.len() * 256);
    let _ = writeln!(
        out,
        "# {} — {}\n",
        name("Answer key", version),
        inline(&deck.title)
    );
    for (i, item) in version.items.iter().enumerate() {
        let number = i + 1;
        let q = item.question;
        let answer = match item.right.filter(|_| !item.options.is_empty()) {
            Some(r) => format!("{}) {}", letter(r), inline(&item.options[r])),
            None if q.style == Style::Flashcard => inline(&q.answer),
            None => {
                let all: Vec<String> = accepted(q).iter().map(|a| inline(a)).collect();
                match all.split_first() {
                    Some((first, [])) => first.clone(),
                    Some((first, rest)) => {
                        format!("{first} (also accepted: {})", rest.join(", "))
                    }
                    None => String::new(),
                }
            }
        };
        let _ = writeln!(out, "{number}. {answer}");
        let source = inline(&q.source);
        if !source.is_empty() {
            let _ = writeln!(out, "{}- From the article: “{source}”", indent(number));
        }
    }
    out
}

/// Every worksheet, then every key, as one document: each part starts
/// with its `#` heading and parts are separated by a `---` rule.
#[must_use]
pub fn document(deck: &Deck, versions: &[Version<'_>]) -> String {
    let parts: Vec<String> = versions
        .iter()
        .map(|v| worksheet(deck, v))
        .chain(versions.iter().map(|v| key(deck, v)))
        .collect();
    parts.join("\n---\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::tests::q;

    fn deck() -> Deck {
        Deck {
            format: crate::deck::FORMAT,
            id: "d-000000000abc".into(),
            title: "Storm #2: *wind*".into(),
            byline: Some("Kim Park".into()),
            date: None,
            source: None,
            questions: Vec::new(),
        }
    }

    fn sample() -> Vec<Question> {
        let mut wh = q(Style::Wh, "Who closed the beaches?", "Ana Lopez", &[]);
        wh.accept = vec!["Lopez".into()];
        vec![
            q(
                Style::Choice,
                "Which city?",
                "Sydney",
                &["Perth", "Sydney", "Hobart", "Darwin"],
            ),
            wh,
            q(Style::TrueFalse, "It rained.", "False", &[]),
            q(
                Style::Cloze,
                "The storm hit _____ on Tuesday.",
                "Sydney",
                &[],
            ),
            q(Style::Wh, "How many homes lost power?", "3,000", &[]),
        ]
    }

    #[test]
    fn a_worksheet_has_title_instructions_numbers_letters_and_lines() {
        let questions = sample();
        let refs: Vec<&Question> = questions.iter().collect();
        let v = versions(&refs, 1, 7);
        let sheet = worksheet(&deck(), &v[0]);
        assert!(
            sheet.starts_with(
                "# Worksheet — Storm \\#2: \\*wind\\*\n\nArticle by Kim Park\n\nName: "
            ),
            "{sheet}"
        );
        assert!(
            sheet.contains("\n1. Which city?\n\n   - a) Perth\n   - b) Sydney\n"),
            "{sheet}"
        );
        assert!(
            sheet.contains("\n2. Who closed the beaches?\n\n   Answer: ____"),
            "{sheet}"
        );
        assert!(sheet.contains("\n3. True or false? It rained.\n\n   - a) True\n   - b) False\n"));
        assert!(
            sheet.contains("\n4. The storm hit \\_\\_\\_\\_\\_ on Tuesday.\n"),
            "{sheet}"
        );
        let key = key(&deck(), &v[0]);
        assert!(key.starts_with("# Answer key — "));
        assert!(
            key.contains("\n1. b) Sydney\n   - From the article: “The source of Sydney.”\n"),
            "{key}"
        );
        assert!(key.contains("\n2. Ana Lopez (also accepted: Lopez)\n"));
        assert!(key.contains("\n3. b) False\n"));
        assert!(key.contains("\n5. 3,000\n"));
    }

    #[test]
    fn later_versions_reorder_questions_and_shuffle_choices_but_not_true_false() {
        let questions = sample();
        let refs: Vec<&Question> = questions.iter().collect();
        let vs = versions(&refs, 4, 3);
        assert_eq!(
            vs.iter().map(|v| v.label).collect::<Vec<_>>(),
            [Some('A'), Some('B'), Some('C'), Some('D')]
        );
        let orders: Vec<Vec<&str>> = vs
            .iter()
            .map(|v| v.items.iter().map(|i| i.question.id.as_str()).collect())
            .collect();
        for (i, a) in orders.iter().enumerate() {
            let mut sorted = a.clone();
            sorted.sort_unstable();
            let mut first = orders[0].clone();
            first.sort_unstable();
            assert_eq!(sorted, first, "every version asks the same questions");
            for b in &orders[..i] {
                assert_ne!(a, b, "two versions in the same order");
            }
        }
        for v in &vs {
            for item in &v.items {
                let right = item.right.map(|r| item.options[r].as_str());
                match item.question.style {
                    Style::Choice => assert_eq!(right, Some("Sydney")),
                    Style::TrueFalse => assert_eq!(item.options, ["True", "False"]),
                    _ => assert!(item.options.is_empty()),
                }
            }
        }
        assert_eq!(
            versions(&refs, 4, 3),
            vs,
            "the same seed, the same versions"
        );
    }

    #[test]
    fn a_prompt_cannot_open_a_list_or_markup() {
        assert_eq!(inline("1) first"), "1\\) first");
        assert_eq!(inline("+ plus"), "\\+ plus");
        assert_eq!(
            inline("<script>&amp; $5 `x` |a| ~b~"),
            "\\<script\\>\\&amp; \\$5 \\`x\\` \\|a\\| \\~b\\~"
        );
        assert_eq!(
            inline("1234567890. too long to be a list"),
            "1234567890. too long to be a list"
        );
        assert_eq!(inline("line\nbreak\t#tab"), "line break \\#tab");
    }

    #[test]
    fn ten_and_more_questions_indent_under_their_number() {
        let one = q(Style::Choice, "Which?", "b", &["a", "b"]);
        let refs: Vec<&Question> = std::iter::repeat_n(&one, 10).collect();
        let v = versions(&refs, 1, 1);
        let sheet = worksheet(&deck(), &v[0]);
        assert!(
            sheet.contains("\n10. Which?\n\n    - a) a\n    - b) b\n"),
            "{sheet}"
        );
    }

    #[test]
    fn a_document_holds_every_worksheet_then_every_key() {
        let questions = sample();
        let refs: Vec<&Question> = questions.iter().collect();
        let vs = versions(&refs, 2, 1);
        let doc = document(&deck(), &vs);
        let headings: Vec<&str> = doc
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
        assert_eq!(doc.matches("\n---\n").count(), 3);
    }
}
