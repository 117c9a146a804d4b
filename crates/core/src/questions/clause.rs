//! Clause: the shape of the sentence a question is made from — its clauses,
//! the subject and verb group of the clause that holds the answer — and
//! the words of a prompt, rendered with pronouns resolved.

use super::verbs::{is_auxiliary, is_finite_verb};
use crate::tokens::{Token, TokenKind, tokenize};

/// Adverbs set off by commas that a question can leave out ("Bakiyev,
/// too, was able …").
const PARENTHETICAL: &[&str] = &[
    "too",
    "however",
    "therefore",
    "meanwhile",
    "though",
    "indeed",
    "also",
    "instead",
    "nevertheless",
    "moreover",
    "furthermore",
    "meanwhile",
    "ironically",
    "luckily",
    "perhaps",
];

/// Words that open a new clause after a comma.
const CLAUSE_OPENERS: &[&str] = &[
    "but",
    "and",
    "while",
    "although",
    "though",
    "whereas",
    "which",
    "who",
    "where",
    "as",
    "so",
    "yet",
    "because",
    "when",
    "whose",
    "whom",
    "with",
    "including",
    "after",
    "before",
    "despite",
];

/// Words that open a subordinate clause at the start of a sentence.
pub(crate) const SUBORDINATE: &[&str] = &[
    "once", "when", "as", "if", "because", "although", "while", "after", "before", "since",
    "until", "though", "whereas", "whether", "unless",
];

/// `low` opens a relative, subordinate or adjunct clause: a clause that
/// cannot stand alone as a prompt.
pub(crate) fn opens_dependent(low: &str) -> bool {
    SUBORDINATE.contains(&low)
        || matches!(
            low,
            "which"
                | "who"
                | "whom"
                | "whose"
                | "where"
                | "with"
                | "including"
                | "despite"
                | "and"
                | "but"
                | "so"
                | "yet"
        )
}

/// Prepositions and conjunctions: a subject never runs back past these.
const STOPS: &[&str] = &[
    "of", "in", "on", "at", "to", "for", "from", "with", "by", "about", "over", "under", "after",
    "before", "during", "since", "until", "between", "against", "into", "through", "across", "and",
    "or", "but", "that", "which", "who", "when", "while", "as", "if", "because", "than", "so",
    "then", "also", "not", "like", "despite", "although", "though", "whether", "where",
];

/// A sentence's tokens, with those a question leaves out already skipped.
#[derive(Debug)]
pub(crate) struct Words<'t> {
    pub text: &'t str,
    pub lower: &'t str,
    pub tokens: Vec<Token>,
    /// The first word is (part of) a name, so keeps its capital inside a
    /// prompt; otherwise "Work is continuing" becomes "… work is …".
    pub name_first: bool,
}

impl<'t> Words<'t> {
    /// Tokens of `text[start..end]`; without parenthetical adverbs when
    /// `trim` (a question may leave them out, a statement keeps them).
    pub fn new(text: &'t str, lower: &'t str, start: usize, end: usize, trim: bool) -> Self {
        let mut all = Vec::new();
        tokenize(text, start, end, &mut all);
        let mut tokens = Vec::with_capacity(all.len());
        let mut k = 0;
        while k < all.len() {
            let comma = |t: &Token| t.kind == TokenKind::Punct && &text[t.start..t.end] == ",";
            if trim
                && k + 2 < all.len()
                && comma(&all[k])
                && comma(&all[k + 2])
                && PARENTHETICAL.contains(&&lower[all[k + 1].start..all[k + 1].end])
            {
                k += 3;
                continue;
            }
            // "(ECOWAS)": a parenthesis a question can leave out.
            if trim
                && &text[all[k].start..all[k].end] == "("
                && let Some(close) =
                    (k + 1..all.len().min(k + 12)).find(|&j| &text[all[j].start..all[j].end] == ")")
            {
                k = close + 1;
                continue;
            }
            tokens.push(all[k]);
            k += 1;
        }
        Words {
            text,
            lower,
            tokens,
            name_first: false,
        }
    }

    pub fn low(&self, i: usize) -> &'t str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.lower[t.start..t.end])
    }

    pub fn word(&self, i: usize) -> &'t str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.text[t.start..t.end])
    }

    /// The token range covering bytes `start..end`.
    pub fn range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let a = self.tokens.iter().position(|t| t.start == start)?;
        let b = self.tokens.iter().rposition(|t| t.end == end)? + 1;
        (a < b).then_some((a, b))
    }

    /// The clause (token range) that holds token `k`.
    pub fn clause_of(&self, k: usize) -> (usize, usize) {
        let n = self.tokens.len();
        let boundary = |i: usize| -> bool {
            let w = self.word(i);
            matches!(w, ";" | ":" | "—" | "–")
                || (w == ","
                    && (CLAUSE_OPENERS.contains(&self.low(i + 1))
                        // ", part of which …", ", most of whom …"
                        || (i + 2..(i + 5).min(n)).any(|j| matches!(self.low(j), "which" | "whom" | "whose"))))
        };
        let mut from = 0;
        for i in (0..k).rev() {
            if boundary(i) {
                from = i + 1;
                break;
            }
        }
        let mut to = n;
        for i in k..n {
            if boundary(i) {
                to = i;
                break;
            }
        }
        // A clause opened by a subordinator ("Once it became known that
        // …,") ends at its first comma; so does the main clause after it.
        let subordinate = |i: usize| SUBORDINATE.contains(&self.low(i));
        if subordinate(from)
            && let Some(c) = (from..to).find(|&i| self.word(i) == ",")
        {
            if k < c {
                to = c;
            } else {
                from = c + 1;
            }
        }
        // Drop the final stop.
        while to > from
            && self.tokens[to - 1].kind == TokenKind::Punct
            && matches!(self.word(to - 1), "." | "!" | "?" | ",")
        {
            to -= 1;
        }
        (from, to)
    }

    /// The first verb group in `from..to`: (first token, one past its last
    /// token, starts with an auxiliary).
    pub fn verb_group(
        &self,
        from: usize,
        to: usize,
        skip: &[(usize, usize)],
    ) -> Option<(usize, usize, bool)> {
        let inside = |k: usize| skip.iter().any(|&(a, b)| k >= a && k < b);
        for k in from + 1..to {
            if inside(k) || !self.tokens[k].is_word() || self.tokens[k].hyphen_before {
                continue;
            }
            let w = self.low(k);
            let prev = self.low(k - 1);
            if matches!(prev, "to" | "the" | "a" | "an" | "of") {
                continue;
            }
            if is_auxiliary(w) {
                let mut end = k + 1;
                while end < to
                    && matches!(
                        self.low(end),
                        "not"
                            | "never"
                            | "also"
                            | "still"
                            | "already"
                            | "just"
                            | "recently"
                            | "now"
                            | "been"
                            | "be"
                            | "being"
                            | "likely"
                            | "probably"
                            | "obviously"
                            | "really"
                    )
                {
                    end += 1;
                }
                return Some((k, end, true));
            }
            if is_finite_verb(w) && !self.tokens[k].is_capitalised(self.text) {
                return Some((k, k + 1, false));
            }
        }
        None
    }

    /// The subject: the noun phrase right before the verb at `v`, not
    /// before `from`.
    pub fn subject(&self, from: usize, v: usize, is_title: impl Fn(&str) -> bool) -> Option<usize> {
        let mut start = v;
        while start > from {
            let k = start - 1;
            let t = self.tokens[k];
            let w = self.low(k);
            // "of", "and" inside a name ("Community of West African States")
            // are part of it.
            let inside_name = k > from
                && matches!(w, "of" | "and" | "for" | "the" | "de")
                && self.tokens[k - 1].is_capitalised(self.text)
                && self.tokens[k + 1].is_capitalised(self.text);
            if t.kind == TokenKind::Punct || (STOPS.contains(&w) && !inside_name) {
                break;
            }
            // A proper name does not run back into a common noun ("Over
            // the past decade Lukashenka"), unless that noun is a title.
            if start < v
                && !inside_name
                && self.tokens[start].is_capitalised(self.text)
                && t.is_word()
                && !t.is_capitalised(self.text)
                && !is_title(w)
                && !matches!(
                    w,
                    "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our"
                )
            {
                break;
            }
            start = k;
        }
        // "Observers from the Carter Center": a noun and its phrase.
        while start > from + 1
            && matches!(
                self.low(start - 1),
                "from" | "of" | "at" | "for" | "in" | "with"
            )
            && self.tokens[start - 2].is_word()
            && !STOPS.contains(&self.low(start - 2))
            && !is_auxiliary(self.low(start - 2))
            && !is_finite_verb(self.low(start - 2))
        {
            let mut head = start - 2;
            while head > from
                && self.tokens[head - 1].is_word()
                && !STOPS.contains(&self.low(head - 1))
                && !is_finite_verb(self.low(head - 1))
                && !is_auxiliary(self.low(head - 1))
            {
                head -= 1;
            }
            start = head;
        }
        (start < v).then_some(start)
    }
}

/// A piece of a prompt: a token of the sentence, or words put in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Token(usize),
    Text(String),
}

/// Renders prompt pieces: neighbouring tokens keep the sentence's own
/// spacing; where pieces were taken out or put in, natural spacing.
pub(crate) fn render(words: &Words, pieces: &[Piece]) -> String {
    let mut out = String::new();
    let mut prev: Option<&Piece> = None;
    for p in pieces {
        let (text, space) = match p {
            Piece::Token(k) => {
                let t = words.tokens[*k];
                let mut text = words.word(*k).to_owned();
                // The sentence's first word ("The", "But") is lowercase inside.
                let first_common = !words.name_first && !t.is_all_caps(words.text);
                if *k == 0 && !out.is_empty() && first_common {
                    words.low(0).clone_into(&mut text);
                }
                let space = match prev {
                    Some(Piece::Token(j)) if *j + 1 == *k => t.space_before,
                    _ => {
                        !(t.kind == TokenKind::Possessive
                            || (t.kind == TokenKind::Punct
                                && matches!(
                                    text.as_str(),
                                    "," | "." | ";" | ":" | ")" | "?" | "!" | "”" | "’"
                                )))
                    }
                };
                if t.hyphen_before
                    && !out.is_empty()
                    && !matches!(prev, Some(Piece::Token(j)) if *j + 1 != *k)
                {
                    out.push('-'); // "Russia-Belarus", "_____-Belarus"
                }
                (text, space)
            }
            Piece::Text(s) => (s.clone(), !(s.starts_with("’s") || s.starts_with("'s"))),
        };
        let after_open = out.ends_with(['(', '“', '‘', '$', '£', '€', '-'])
            || out.ends_with(" \"")
            || out == "\"";
        if !out.is_empty() && space && !after_open {
            out.push(' ');
        }
        out.push_str(&text);
        prev = Some(p);
    }
    out
}

/// Makes the first letter uppercase.
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &'static str) -> Words<'static> {
        let lower: &'static str = Box::leak(text.to_ascii_lowercase().into_boxed_str());
        Words::new(text, lower, 0, text.len(), true)
    }

    #[test]
    fn parenthetical_adverbs_are_skipped() {
        let w = words("Bakiyev, too, was able to receive $2 bn.");
        let all: Vec<&str> = (0..w.tokens.len()).map(|k| w.word(k)).collect();
        assert_eq!(all[..3], ["Bakiyev", "was", "able"]);
    }

    #[test]
    fn clauses_split_at_comma_conjunctions() {
        let w = words(
            "Bakiyev received $2 bn from Russia, part of which went to his campaign, but he lost.",
        );
        let k = (0..w.tokens.len())
            .find(|&k| w.word(k) == "Russia")
            .unwrap();
        let (from, to) = w.clause_of(k);
        assert_eq!((w.word(from), w.word(to - 1)), ("Bakiyev", "Russia"));
        let k = (0..w.tokens.len()).find(|&k| w.word(k) == "lost").unwrap();
        let (from, to) = w.clause_of(k);
        assert_eq!((w.word(from), w.word(to - 1)), ("but", "lost"));
        let w =
            words("Once it became known that Bakiyev found refuge in Belarus, jokes circulated.");
        let k = (0..w.tokens.len())
            .find(|&k| w.word(k) == "Belarus")
            .unwrap();
        assert_eq!(w.word(w.clause_of(k).1 - 1), "Belarus");
    }

    #[test]
    fn subject_and_verb_group() {
        let w = words("Over the past decade Lukashenka was able to secure aid.");
        let (v, end, aux) = w.verb_group(0, w.tokens.len(), &[]).unwrap();
        assert_eq!((w.word(v), end - v, aux), ("was", 1, true));
        let s = w.subject(0, v, |_| false).unwrap();
        assert_eq!(w.word(s), "Lukashenka");
        let w = words(
            "Belarusian president Aleksandr Lukashenka has recently told Reuters that he is not planning it.",
        );
        let (v, end, _) = w.verb_group(0, w.tokens.len(), &[]).unwrap();
        assert_eq!((w.word(v), w.word(end)), ("has", "told"));
        let s = w.subject(0, v, |t| t == "president").unwrap();
        assert_eq!(w.word(s), "Belarusian");
    }

    #[test]
    fn render_keeps_natural_spacing() {
        let w = words("Russia’s aid, worth $2 bn, reached U.S.-Kyrgyzstan talks.");
        let pieces: Vec<Piece> = (0..w.tokens.len()).map(Piece::Token).collect();
        assert_eq!(
            render(&w, &pieces),
            "Russia’s aid, worth $2 bn, reached U.S.-Kyrgyzstan talks."
        );
    }
}

#[cfg(test)]
mod subject_tests {
    use super::*;

    #[test]
    fn subject_runs_over_names_and_their_phrases() {
        let text = "A high-level delegation from the Economic Community of West African States (ECOWAS) arrived in Accra.";
        let lower: &'static str = Box::leak(text.to_ascii_lowercase().into_boxed_str());
        let w = Words::new(text, lower, 0, text.len(), true);
        let (v, _, _) = w.verb_group(0, w.tokens.len(), &[]).unwrap();
        assert_eq!(w.word(v), "arrived");
        let s = w.subject(0, v, |_| false).unwrap();
        assert_eq!(w.word(s), "A");
    }
}
