//! What must hold for any input at all, checked by the property tests
//! (`props.rs`), the replay of kept fuzz crashes (`fuzz_regressions.rs`)
//! and the cargo-fuzz targets (`fuzz/`, which include this file by path).
//!
//! Each function panics (an assertion) when an invariant breaks, and
//! returns quietly when the input is refused with an error instead.

#![allow(dead_code)]

use factdrill_core::article::decode;
use factdrill_core::check::{Verdict, check, normalise};
use factdrill_core::deck::{Deck, FORMAT};
use factdrill_core::{Article, Style, facts, questions};

/// The article size limit the fuzz targets and tests read with.
pub const LIMIT: u64 = 1 << 20;

/// Arbitrary bytes as a file the CLI would read: decode, then the pipeline.
pub fn article_bytes(bytes: &[u8]) {
    if let Ok(text) = decode(bytes, LIMIT) {
        article_text(text, 1);
    }
}

/// Arbitrary text through read → facts → questions → answer check, and
/// the generated deck through its file format and back.
pub fn article_text(text: &str, seed: u64) {
    let Ok(article) = Article::parse(text) else {
        return;
    };
    assert_eq!(article.text(), text);
    spans(&article);
    let found = facts::extract(&article);
    for e in &found.entities {
        assert!(!e.mentions.is_empty(), "an entity without mentions: {e:?}");
        for m in &e.mentions {
            within(text, m.start, m.end, &format!("{m:?}"));
            assert_eq!(&text[m.start..m.end], m.text, "{m:?}");
            if let Some(i) = m.sentence {
                let s = &article.sentences[i];
                assert!(
                    s.start <= m.start && m.end <= s.end,
                    "{m:?} outside its sentence {s:?}"
                );
            }
        }
    }
    let qs = questions::generate(&article, &found, seed);
    for q in &qs {
        question(&article, &found, q);
    }
    deck_of(&article, qs);
}

/// Sentence and paragraph spans: on char boundaries, inside the text, in
/// order, never overlapping.
fn spans(article: &Article) {
    let text = article.text();
    let mut end = 0;
    for (i, s) in article.sentences.iter().enumerate() {
        assert_eq!(s.index, i);
        within(text, s.start, s.end, &format!("{s:?}"));
        assert!(s.start >= end, "sentences overlap: {s:?}");
        assert!(s.paragraph < article.paragraphs.len().max(1), "{s:?}");
        end = s.end;
    }
    for field in [&article.title, &article.byline].into_iter().flatten() {
        assert!(!field.text.contains('\n'), "{field:?}");
    }
}

fn within(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "span out of the text: {what}"
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "span off a char boundary: {what}"
    );
}

/// One generated question: its sentence, its answer, its options.
fn question(article: &Article, found: &facts::Facts, q: &questions::Question) {
    assert!(!q.prompt.trim().is_empty(), "empty prompt: {q:?}");
    assert!(!q.answer.trim().is_empty(), "empty answer: {q:?}");
    assert!(q.id.starts_with("q-"), "{q:?}");
    if let Some(i) = q.sentence {
        assert!(i < article.sentences.len(), "{q:?}");
        assert_eq!(q.source, article.sentence_text(i), "{q:?}");
    } else {
        // The byline question: "By NAME" from the byline line or from
        // front matter's `author`.
        let byline = article
            .byline
            .as_ref()
            .expect("a byline question without a byline");
        assert!(q.source.contains(byline.text.as_str()), "{q:?} {byline:?}");
        assert!(
            article.authors.iter().any(|a| a.text == q.answer)
                || byline.text.contains(q.answer.as_str()),
            "{q:?} {:?}",
            article.authors
        );
    }
    match q.style {
        Style::Wh | Style::Cloze | Style::Choice => {
            assert!(
                answer_is_from(found, q),
                "the answer {:?} is not in its sentence {:?} nor derived from it",
                q.answer,
                q.source
            );
        }
        Style::TrueFalse => {
            assert!(q.answer == "True" || q.answer == "False", "{q:?}");
            assert_eq!(q.choices, ["True", "False"], "{q:?}");
        }
        Style::Flashcard => {}
    }
    if q.style == Style::Choice {
        assert!(
            q.choices.contains(&q.answer),
            "answer not among the options: {q:?}"
        );
        let mut seen: Vec<String> = q.choices.iter().map(|c| normalise(c)).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), q.choices.len(), "two options alike: {q:?}");
    }
    if q.style == Style::Cloze {
        assert!(q.prompt.contains(questions::BLANK), "{q:?}");
    }
    // The expected answer is always right; nonsense never panics.
    if q.style != Style::Flashcard {
        assert_eq!(check(q, &q.answer, &[]).verdict, Verdict::Correct, "{q:?}");
    }
    for given in ["", "🙂", "\u{1b}[31m", "0", "the", "$", &q.source] {
        let _ = check(q, given, &[q.answer.as_str()]);
    }
}

/// The answer, or one of its accepted spellings, is in the source sentence;
/// or it is the canonical name of an entity mentioned there (a person's
/// full name for a surname, a country for its demonym).
fn answer_is_from(found: &facts::Facts, q: &questions::Question) -> bool {
    let source = normalise(&q.source);
    let words = format!(" {source} ");
    let inside = |a: &str| {
        let a = normalise(a);
        !a.is_empty() && (words.contains(&format!(" {a} ")) || source.contains(&a))
    };
    if inside(&q.answer) || q.accept.iter().any(|a| inside(a)) {
        return true;
    }
    found
        .entities
        .iter()
        .any(|e| e.canonical == q.answer && e.mentions.iter().any(|m| m.sentence == q.sentence))
}

/// The questions as a deck: written as TOML and read back, equal.
fn deck_of(article: &Article, questions: Vec<questions::Question>) {
    let deck = Deck {
        format: FORMAT,
        id: factdrill_core::deck::deck_id(article.text()),
        title: article
            .title
            .as_ref()
            .map_or_else(|| "Untitled".to_owned(), |t| t.text.clone()),
        byline: article.byline.as_ref().map(|b| b.text.clone()),
        date: article.date.map(|d| d.to_string()),
        source: Some("fuzz.txt".to_owned()),
        questions,
    };
    let toml = deck.to_toml();
    match Deck::parse(&toml, "fuzz.toml") {
        Ok(back) => assert_eq!(back, deck, "the deck changed on its way through TOML"),
        Err(e) => panic!("a generated deck does not read back: {e}\n{toml}"),
    }
}

/// Arbitrary text as a deck file: an error is one line with a line number
/// inside the file; a deck that reads writes itself back the same.
pub fn deck_text(text: &str) {
    match Deck::parse(text, "fuzz.toml") {
        Ok(deck) => {
            for q in &deck.questions {
                if q.style == Style::Choice {
                    assert!(q.choices.contains(&q.answer), "{q:?}");
                }
                let _ = check(q, &q.answer, &[]);
            }
            let toml = deck.to_toml();
            let back = Deck::parse(&toml, "fuzz.toml")
                .unwrap_or_else(|e| panic!("a read deck does not write back: {e}\n{toml}"));
            assert_eq!(back, deck);
        }
        Err(e) => {
            let message = e.to_string();
            assert_eq!(message.lines().count(), 1, "{message:?}");
            assert!(
                e.line >= 1 && e.line <= text.lines().count().max(1) + 1,
                "{e:?}"
            );
        }
    }
}

/// Arbitrary bytes as a deck file (UTF-8 only: the CLI refuses the rest).
pub fn deck_bytes(bytes: &[u8]) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        deck_text(text);
    }
}

/// Arbitrary bytes split at 0x1f: the answer, the reply given, then the
/// options.
pub fn answer_bytes(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let mut parts = text.split('\u{1f}');
    let answer = parts.next().unwrap_or_default();
    let given = parts.next().unwrap_or_default();
    let choices: Vec<String> = parts.map(str::to_owned).collect();
    self::answer(answer, given, &choices, &[]);
}

/// An answer typed against a question built from arbitrary text.
pub fn answer(answer: &str, given: &str, choices: &[String], accept: &[String]) {
    let mut q = questions::Question {
        id: "q-000000000000".to_owned(),
        kind: factdrill_core::Kind::Who,
        style: if choices.is_empty() {
            Style::Wh
        } else {
            Style::Choice
        },
        prompt: "Who?".to_owned(),
        answer: answer.to_owned(),
        accept: accept.to_vec(),
        choices: choices.to_vec(),
        sentence: Some(0),
        source: answer.to_owned(),
    };
    if q.style == Style::Choice && !q.choices.contains(&q.answer) {
        q.choices.push(q.answer.clone());
    }
    let rivals: Vec<&str> = choices.iter().map(String::as_str).collect();
    let _ = check(&q, given, &rivals);
    let mine = check(&q, answer, &[]);
    if !normalise(answer).is_empty() {
        assert_eq!(mine.verdict, Verdict::Correct, "{q:?}");
    }
}
