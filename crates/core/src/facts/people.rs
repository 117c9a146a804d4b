//! People: the roles that come with names ("Belarusian president …",
//! "…, head of the provisional government"), and person nouns that act as
//! the subject of a clause ("Police said", "Dozens of rescuers worked").

use std::borrow::Cow;

use super::names::is_title;
use super::times::class;
use super::{Category, Found, Key, Kind, Sentence};
use crate::gazetteer::{Form, GAZETTEER, WordSet};
use crate::tokens::{Token, TokenKind};

/// Verbs that show the word before them is the subject of a clause.
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "has",
    "had",
    "have",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "did",
    "does",
    "do",
    "also",
    "announced",
    "announces",
    "warned",
    "warns",
    "insisted",
    "denied",
    "denies",
    "claimed",
    "claims",
    "argued",
    "argues",
    "explained",
    "confirmed",
    "confirms",
    "believes",
    "thinks",
    "wants",
    "won",
    "wins",
    "scored",
    "scores",
    "plans",
    "showed",
    "shows",
    "found",
    "finds",
    "became",
    "becomes",
    "made",
    "makes",
    "took",
    "takes",
    "gave",
    "gives",
    "went",
    "goes",
    "came",
    "comes",
    "left",
    "leaves",
    "met",
    "meets",
    "led",
    "leads",
    "ran",
    "runs",
    "saw",
    "sees",
    "knew",
    "knows",
    "wrote",
    "writes",
    "spoke",
    "speaks",
    "began",
    "begins",
    "held",
    "holds",
    "kept",
    "keeps",
    "got",
    "gets",
    "sent",
    "sends",
    "built",
    "builds",
    "paid",
    "pays",
    "lost",
    "loses",
    "fell",
    "falls",
    "rose",
    "rises",
    "hit",
    "hits",
    "set",
    "sets",
    "put",
    "puts",
    "cut",
    "cuts",
    "beat",
    "beats",
    "brought",
    "brings",
    "bought",
    "buys",
    "sold",
    "sells",
    "caught",
    "taught",
    "fought",
    "stood",
    "sat",
    "felt",
    "heard",
    "meant",
    "remains",
    "seems",
    "appears",
    "needs",
    "expects",
    "hopes",
    "urged",
    "urges",
    "called",
    "calls",
    "asked",
    "asks",
    "agreed",
    "agrees",
    "refused",
    "refuses",
    "rejected",
    "rejects",
    "accused",
    "accuses",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "promises",
    "admitted",
    "admits",
    "revealed",
    "reveals",
    "reported",
    "reports",
    "launched",
    "launches",
    "signed",
    "signs",
    "arrived",
    "arrives",
    "died",
    "dies",
    "arrested",
    "attacked",
    "opened",
    "closed",
    "returned",
    "returns",
    "faces",
    "faced",
    "visited",
    "visits",
    "attended",
    "attends",
    "continues",
    "continued",
    "currently",
    "recently",
    "still",
    "never",
    "already",
    "then",
    "now",
    "who",
];

/// `lower` (a lowercase word) is a verb that follows a subject (bytes
/// will do: callers need not cut a `str`).
pub(crate) fn is_verb(lower: impl AsRef<[u8]>) -> bool {
    // Asked after most names: a set whose shapes rule out most other
    // words before its table is asked.
    static VERB_SET: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| {
        let mut set = WordSet::default();
        for &verb in VERBS {
            set.insert(verb);
        }
        set
    });
    let lower = lower.as_ref();
    (lower.len() > 4 && lower.ends_with(b"ed")) || VERB_SET.contains_bytes(lower)
}

/// Person nouns that say nothing about a role.
const GENERIC: &[&str] = &[
    "man", "woman", "boy", "girl", "child", "person", "teenager", "baby", "youth", "adult",
    "local", "resident",
];
/// Endings of occupation nouns.
const SUFFIXES: &[&str] = &[
    "ologist", "ist", "grapher", "ographer", "ician", "ian", "eer", "ier",
];

/// Word `k` is a lowercase noun for an occupation: a known title, a
/// singular person noun ("witness"), or a word shaped like one
/// ("glaciologist", "oceanographer", "historian"). `maybe_title`: false
/// when the word is known to be no title.
fn occupation(s: &Sentence, k: usize, maybe_title: bool) -> bool {
    let g = &*GAZETTEER;
    let lower = s.low_bytes(k);
    // The word's class says whether it is a person noun: no lookup.
    let singular_person = s.has(k, class::PERSON_NOUN)
        && !GENERIC.iter().any(|w| w.as_bytes() == lower)
        && (!lower.ends_with(b"s") || g.person_nouns.contains(&format!("{}es", s.low(k))));
    if singular_person || maybe_title && g.titles.contains_bytes(lower) {
        return true;
    }
    // Most words are too short for an occupation's ending: the token's
    // length says so before its text is cut.
    if s.tokens.get(k).map_or(0, |t| t.end - t.start) < 7 {
        return false;
    }
    // Every ending ends in "t", "r" or "n": the last byte rules out most
    // words before the endings are compared.
    matches!(lower.last(), Some(b't' | b'r' | b'n'))
        && SUFFIXES.iter().any(|suf| lower.ends_with(suf.as_bytes()))
        && s.word(k).starts_with(|c: char| c.is_lowercase())
        && !g.stopwords.contains_bytes(lower)
}

/// A title ending at token `end` (exclusive), e.g. "president" or
/// "prime minister": its first token.
#[inline]
fn title_ending_at(s: &Sentence, end: usize) -> Option<usize> {
    if end == 0 {
        return None;
    }
    let t = s.tokens[end - 1];
    if !t.is_word() {
        return None;
    }
    // Most words end no title and are too short for an occupation's
    // ending and no person noun: ruled out here, without a call.
    let g = &*GAZETTEER;
    let last = &s.lower.as_bytes()[t.start..t.end];
    if t.end - t.start < 7
        && !s.has(end - 1, class::PERSON_NOUN)
        && !g.title_last.contains_bytes(last)
        && !g.titles.contains_bytes(last)
    {
        return None;
    }
    title_ending_at_word(s, end)
}

/// [`title_ending_at`] for a word before `end`.
fn title_ending_at_word(s: &Sentence, end: usize) -> Option<usize> {
    let g = &*GAZETTEER;
    let mut best = None;
    let last = s.low_bytes(end - 1);
    let last_is_title = g.title_last.contains_bytes(last);
    if !last_is_title {
        // No title ends here, only perhaps a one-word occupation. Every
        // title's last word is listed, so a word without a hyphen (which
        // would make it two) is no title either. The title is asked
        // first: it rules out nearly every word before the hyphen is
        // looked for.
        let hyphenated_title = || g.titles.contains_bytes(last) && last.contains(&b'-');
        return (occupation(s, end - 1, false) || hyphenated_title()).then_some(end - 1);
    }
    let tidy = s.tidy(end - g.max_title_words.min(end), end);
    for len in 1..=g.max_title_words.min(end) {
        let k = end - len;
        if !s.tokens[k].is_word() {
            break;
        }
        if is_title(s, k, end, tidy) || (len == 1 && occupation(s, k, true)) {
            best = Some(k);
        }
    }
    best
}

/// How many tokens before token `a` are an honorific: 2 for "Dr." (with
/// its dot), 1 for "Mr", 0 for none.
pub(crate) fn honorific_before(s: &Sentence, a: usize) -> usize {
    let g = &*GAZETTEER;
    let bytes = s.text.as_bytes();
    let dot = |k: usize| {
        let t = s.tokens[k];
        t.kind == TokenKind::Punct && bytes[t.start] == b'.'
    };
    // Honorifics are capitalised (a test checks): a word that is not
    // needs no lookup.
    let honorific = |k: usize| {
        let t = s.tokens[k];
        bytes[t.start].is_ascii_uppercase() && g.honorifics.contains_bytes(&bytes[t.start..t.end])
    };
    if a >= 2 && dot(a - 1) && honorific(a - 2) {
        return 2;
    }
    usize::from(a >= 1 && honorific(a - 1))
}

/// The role written before a name starting at token `a`, after its
/// honorific of `honorific` tokens ([`honorific_before`]): a title and its
/// modifiers ("former Kyrgyz president", "Apple chief executive").
pub(crate) fn role_before(s: &Sentence, a: usize, honorific: usize) -> Option<String> {
    let g = &*GAZETTEER;
    // "Dr. Jane Doe", "Mr Smith": skip the honorific.
    let end = a - honorific;
    // "The café's owner, Sami Haddad, said": a role in apposition before.
    if end >= 2
        && s.tokens
            .get(end - 1)
            .is_some_and(|t| t.is_punct(s.text, ','))
        && let Some(title_start) = title_ending_at(s, end - 1)
    {
        let mut start = title_start;
        while start > 0 {
            let k = start - 1;
            let t = s.tokens[k];
            if t.kind == TokenKind::Possessive {
                start = k.saturating_sub(1);
            } else if t.is_word()
                && !t.is_capitalised(s.text)
                && !g.stopwords.contains_bytes(s.low_bytes(k))
            {
                start = k;
            } else {
                break;
            }
        }
        let opens = start == 0
            || matches!(s.low_word(start - 1), "the" | "a" | "an")
                && (start == 1 || s.tokens[start - 2].kind == TokenKind::Punct);
        if opens {
            let (from, to) = (s.tokens[start].start, s.tokens[end - 2].end);
            return Some(crate::tokens::squeeze(&s.text[from..to]));
        }
    }
    let title_start = title_ending_at(s, end)?;
    let mut start = title_start;
    while start > 0 {
        let k = start - 1;
        let t = s.tokens[k];
        if t.is_word() && g.role_modifiers.contains_bytes(s.low_bytes(k)) {
            start = k;
        } else if let Some(title) = title_ending_at(s, start) {
            start = title; // "opposition leader", "deputy head coach"
        } else if t.is_capitalised(s.text)
            && g.lookup_bytes(s.word_bytes(k))
                .iter()
                .any(|r| r.form == Form::Demonym || r.form == Form::Name || r.form == Form::Alias)
        {
            start = k;
        } else if t.kind == TokenKind::Possessive && k > 0 && s.tokens[k - 1].is_capitalised(s.text)
        {
            start = k - 1; // "Kenya's president"
        } else if t.hyphen_before
            && s.tokens[k - 1].is_word()
            && (s.word_bytes(k - 1).eq_ignore_ascii_case(b"ex")
                || s.tokens[k - 1].is_capitalised(s.text))
        {
            start = k - 1; // "ex-minister", "British-born"
        } else {
            break;
        }
    }
    let (from, to) = (s.tokens[start].start, s.tokens[end - 1].end);
    let role = &s.text[from..to];
    let role = role.strip_prefix("the ").unwrap_or(role);
    Some(crate::tokens::squeeze(role))
}

/// The appositive after a name ending at token `b`: ", head of the
/// provisional government," or ", the country's finance minister,".
pub(crate) fn role_after(s: &Sentence, b: usize) -> Option<String> {
    if !s.tokens.get(b).is_some_and(|t| t.is_punct(s.text, ',')) {
        return None;
    }
    let mut from = b + 1;
    // ", 45, a teacher": skip an age.
    if s.tokens
        .get(from)
        .is_some_and(|t| t.kind == TokenKind::Number)
        && s.tokens
            .get(from + 1)
            .is_some_and(|t| t.is_punct(s.text, ','))
    {
        from += 2;
    }
    let skip = usize::from(matches!(s.low_word(from), "the" | "a" | "an"));
    let mut to = from;
    while to < s.tokens.len() && to - from < 14 {
        let t = s.tokens[to];
        if t.kind == TokenKind::Punct
            && matches!(
                s.word(to),
                "," | "." | ";" | "(" | ")" | "—" | "–" | ":" | "\"" | "“" | "”"
            )
        {
            break;
        }
        // "a glaciologist at ETH Zurich who led the study": the role ends
        // where a relative clause begins.
        if t.is_word()
            && matches!(s.low_word(to), "who" | "which" | "that" | "whose" | "whom")
            && to > from + skip
        {
            break;
        }
        if t.is_word() && is_verb(s.low_bytes(to)) {
            return None;
        }
        to += 1;
    }
    if to <= from + skip || to - from >= 14 {
        return None;
    }
    // The phrase must be about a role: an occupation among its first words.
    let has_title = (from + skip..to.min(from + skip + 5))
        .any(|k| title_ending_at(s, k + 1).is_some_and(|st| st >= from));
    let head = from + skip;
    let capitalised_head = s.tokens[head].is_capitalised(s.text)
        && !GAZETTEER
            .lookup_bytes(s.word_bytes(head))
            .iter()
            .any(|r| r.form == Form::Demonym)
        && !s
            .tokens
            .get(head + 1)
            .is_some_and(|t| t.kind == TokenKind::Possessive);
    if !has_title || capitalised_head {
        return None;
    }
    let (start, end) = s.span(head, to);
    Some(crate::tokens::squeeze(&s.text[start..end]))
}

/// `lower`, a person noun, as the gazetteer holds it: a canonical name
/// borrowed, not copied for each mention.
fn person_noun(lower: &str) -> Cow<'static, str> {
    // Listed always (the class bit that found it comes from the same
    // list), but a copy does as well.
    GAZETTEER
        .person_nouns
        .get(lower)
        .map_or_else(|| Cow::Owned(lower.to_owned()), Cow::Borrowed)
}

/// Person nouns acting as the subject of a clause: "Police said",
/// "Dozens of rescuers worked", "A gunman opened fire".
pub(crate) fn scan_groups(s: &mut Sentence, out: &mut Vec<Found>) {
    let g = &*GAZETTEER;
    // A group's noun comes by the 20th token (a clause starts by the 17th,
    // and a determiner, "of" and an adjective may come before the noun):
    // most sentences have no person noun there, and need no more.
    if !(0..20).any(|k| s.has(k, class::PERSON_NOUN)) {
        return;
    }
    // The sentence start and the token after each clause mark among the
    // first 16 tokens: at most 17 starts, kept on the stack.
    let mut starts = [0; 17];
    let mut count = 1;
    let bytes = s.text.as_bytes();
    // A slice, not `take`: no count kept beside the index.
    for (k, t) in s.tokens[..s.tokens.len().min(16)].iter().enumerate() {
        // Punctuation is one character: its bytes, not a cut `str`, are
        // compared.
        if t.kind == TokenKind::Punct
            && matches!(
                &bytes[t.start..t.end],
                b"," | b":" | b";" | b"\"" | b"\xE2\x80\x9C"
            )
        {
            starts[count] = k + 1;
            count += 1;
        }
    }
    for &clause in &starts[..count] {
        let mut k = clause;
        let mut first = clause;
        let mut singular = false;
        // Determiners and quantifiers: "the", "a", "two", "dozens of".
        if s.has(k, class::DEMONSTRATIVE) {
            k += 1;
            first = k;
        } else if s.has(k, class::ONE) {
            singular = true;
            k += 1;
        } else if s.has(k, class::QUANTIFIER)
            || s.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number)
            || (s.has(k, class::NUMBER_WORD)
                && super::amounts::number_word(s.low(k)).is_some_and(|n| n >= 2.0))
        {
            k += 1;
            if s.is(k, "of") {
                k += 1;
            }
        }
        // One adjective ("armed", "local").
        let noun_at = |k: usize| s.has(k, class::PERSON_NOUN);
        if !noun_at(k)
            && noun_at(k + 1)
            && s.tokens
                .get(k)
                .is_some_and(|t| t.is_word() && !t.is_capitalised(s.text) || k == clause)
            && !g.stopwords.contains_bytes(s.low_bytes(k))
        {
            k += 1;
        }
        if !noun_at(k) || !s.free(first, k + 1) {
            continue;
        }
        let mut verb = k + 1;
        if s.word_bytes(verb).ends_with(b"ly") {
            verb += 1;
        }
        if !s.tokens.get(verb).is_some_and(Token::is_word) || !is_verb(s.low_bytes(verb)) {
            continue;
        }
        let noun = person_noun(s.low(k));
        let lemma = noun.clone().into_owned();
        let (start, end) = s.span(first, k + 1);
        let plural = noun.ends_with('s')
            || matches!(
                noun.as_ref(),
                "police" | "people" | "staff" | "crew" | "troops"
            )
            || noun.ends_with("men")
            || noun.ends_with("children");
        let category = if singular || !plural {
            Category::Person
        } else {
            Category::Group
        };
        let mut f = Found::new(start, end, Kind::Who, category, Key::Text("group", lemma));
        f.canonical = noun;
        f.acts = true;
        out.push(f);
        s.claim(first, k + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str) -> Sentence<'static> {
        Sentence::of(text)
    }

    fn index_of(s: &Sentence, word: &str) -> usize {
        (0..s.tokens.len()).find(|&k| s.word(k) == word).unwrap()
    }

    fn role_before_word(s: &Sentence, word: &str) -> Option<String> {
        let a = index_of(s, word);
        role_before(s, a, honorific_before(s, a))
    }

    #[test]
    fn the_verb_table_holds_the_verbs_and_no_others() {
        for &verb in VERBS {
            assert!(is_verb(verb), "{verb}");
        }
        for w in [
            "", "a", "sai", "saidx", "said ", "Said", "minister", "the", "whom",
        ] {
            assert!(!is_verb(w), "{w}");
        }
        assert!(is_verb("reached"));
    }

    #[test]
    fn occupation_endings_end_in_t_r_or_n() {
        // `occupation` looks at the endings only after such a last byte.
        for suf in SUFFIXES {
            assert!(
                matches!(suf.as_bytes().last(), Some(b't' | b'r' | b'n')),
                "{suf}"
            );
        }
    }

    #[test]
    fn honorifics_are_capitalised() {
        // `honorific_before` looks up capitalised words only.
        for h in GAZETTEER.honorifics.iter() {
            assert!(h.as_bytes()[0].is_ascii_uppercase(), "{h}");
        }
    }

    #[test]
    fn title_and_demonym_before_a_name_are_the_role() {
        let s = sentence("Belarusian president Aleksandr Lukashenka has told Reuters");
        assert_eq!(
            role_before_word(&s, "Aleksandr").as_deref(),
            Some("Belarusian president")
        );
        let s = sentence("extradite former Kyrgyz president Kurmanbek Bakiyev back");
        assert_eq!(
            role_before_word(&s, "Kurmanbek").as_deref(),
            Some("former Kyrgyz president")
        );
        let s = sentence("said Kenya's finance minister Jane Doe");
        assert_eq!(
            role_before_word(&s, "Jane").as_deref(),
            Some("Kenya's finance minister")
        );
        let s = sentence("the boy Jane Doe");
        assert_eq!(role_before_word(&s, "Jane"), None);
    }

    #[test]
    fn appositive_after_a_name_is_the_role() {
        let s = sentence("represented by Roza Otunbayeva, head of the provisional government.");
        assert_eq!(
            role_after(&s, index_of(&s, "Otunbayeva") + 1).as_deref(),
            Some("head of the provisional government")
        );
        let s = sentence("Minsk, Moscow and Bishkek.");
        assert_eq!(role_after(&s, 1), None);
        let s = sentence("Jones, who is a teacher, said");
        assert_eq!(role_after(&s, 1), None);
    }

    #[test]
    fn person_nouns_are_who_only_as_subjects() {
        let mut s = sentence("Dozens of rescuers worked through the night.");
        let mut out = Vec::new();
        scan_groups(&mut s, &mut out);
        assert_eq!(&s.text[out[0].start..out[0].end], "Dozens of rescuers");
        let mut s = sentence("The town thanked the rescuers.");
        let mut out = Vec::new();
        scan_groups(&mut s, &mut out);
        assert!(out.is_empty());
        let mut s = sentence("Police said a gunman fled.");
        let mut out = Vec::new();
        scan_groups(&mut s, &mut out);
        assert_eq!(&s.text[out[0].start..out[0].end], "Police");
    }
}
