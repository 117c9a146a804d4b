//! Facts: the article's entities — who, where, when, how much — each with
//! every mention, aliases merged, roles attached, ranked by salience.
//!
//! The finders run per sentence over [tokens](crate::tokens): [`times`] and
//! [`amounts`] first (they claim their tokens), then [`names`] collects
//! capitalised runs and classifies them with the gazetteer, [`people`] adds
//! roles and person nouns acting as subjects, [`aliases`] merges spellings
//! of one referent, and [`salience`] orders the result.

mod aliases;
mod amounts;
mod names;
mod people;
mod salience;
mod times;

pub(crate) use aliases::{allowed_typos, distance};
pub(crate) use amounts::number_word;
pub(crate) use names::is_compass;
pub(crate) use people::is_verb as is_listed_verb;
pub(crate) use times::TRIGGERS as TIME_TRIGGERS;

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use serde::Serialize;

use crate::article::Article;
use crate::gazetteer::GAZETTEER;
use crate::tokens::{Token, TokenKind, tokenize_each};

/// The four kinds of fact a question can ask about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// People, organisations, groups.
    Who,
    /// Countries, cities, regions, places.
    Where,
    /// Dates, times, relative times, periods, holidays.
    When,
    /// Money, percentages, counts, measures.
    HowMuch,
}

impl Kind {
    /// All kinds, in display order.
    pub const ALL: [Kind; 4] = [Kind::Who, Kind::Where, Kind::When, Kind::HowMuch];

    /// The name used in files (`how_much`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Who => "who",
            Kind::Where => "where",
            Kind::When => "when",
            Kind::HowMuch => "how_much",
        }
    }
}

/// The finer category within a [`Kind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// A named person, or a single person described by a noun ("a gunman").
    Person,
    /// A company, agency, party, body, or a seat of power that acts.
    Organisation,
    /// People described by a plural noun acting together ("police").
    Group,
    /// A sovereign state (or a demonym of one).
    Country,
    /// A city or town.
    City,
    /// A continent, region, state or province.
    Region,
    /// Any other named place (a street, a stadium, a beach).
    Place,
    /// A calendar date ("April 7", "Tue, March 22, 2016").
    Date,
    /// A weekday, perhaps with a part of day ("Wednesday night").
    Weekday,
    /// A clock time ("6.10am", "00:48").
    Time,
    /// A time relative to the article's date ("last year").
    Relative,
    /// A span of time ("the past decade", "the 1960s").
    Period,
    /// A named day or holiday ("Victory Day").
    Holiday,
    /// A year ("in 2016").
    Year,
    /// An amount of money.
    Money,
    /// A percentage.
    Percent,
    /// A number of things ("60 excavators").
    Count,
    /// A measure with a unit ("40m").
    Measure,
}

impl Category {
    /// The name used in files (`organisation`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Person => "person",
            Category::Organisation => "organisation",
            Category::Group => "group",
            Category::Country => "country",
            Category::City => "city",
            Category::Region => "region",
            Category::Place => "place",
            Category::Date => "date",
            Category::Weekday => "weekday",
            Category::Time => "time",
            Category::Relative => "relative",
            Category::Period => "period",
            Category::Holiday => "holiday",
            Category::Year => "year",
            Category::Money => "money",
            Category::Percent => "percent",
            Category::Count => "count",
            Category::Measure => "measure",
        }
    }
}

/// One place in the text where an entity is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention<'a> {
    /// The text as written ("Lukashenko", "Belarusian"), borrowed from the
    /// article.
    pub text: &'a str,
    /// Byte offset into the article as read.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// Body sentence index; `None` for the byline.
    pub sentence: Option<usize>,
}

/// One referent of the article with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity<'a> {
    /// Who, where, when or how much.
    pub kind: Kind,
    /// The finer category.
    pub category: Category,
    /// The fullest name ("Aleksandr Lukashenka", "United States").
    pub canonical: String,
    /// For people, the role the article gives them ("Belarusian president").
    pub role: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention<'a>>,
    /// For amounts, the number ("$2 bn" → 2e9); for relative times with a
    /// known article date, nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// For amounts, the unit: a currency code, `%`, the counted noun, or the
    /// measure's unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// For times, the date or year it stands for when it can be worked out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved: Option<String>,
    /// For a city, its country; for a seat of power or acronym, what it
    /// stands for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Salience score (higher is more central).
    pub salience: f64,
}

impl<'a> Entity<'a> {
    /// The distinct spellings of its mentions, in first-seen order.
    #[must_use]
    pub fn spellings(&self) -> Vec<&'a str> {
        let mut out: Vec<&'a str> = Vec::new();
        for m in &self.mentions {
            if !out.contains(&m.text) {
                out.push(m.text);
            }
        }
        out
    }
}

/// Everything [`extract`] finds.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facts<'a> {
    /// Entities in salience order, most salient first.
    pub entities: Vec<Entity<'a>>,
}

/// A mention found by one of the finders, before grouping.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub sentence: Option<usize>,
    pub kind: Kind,
    pub category: Category,
    /// Mentions with equal keys are one entity.
    pub key: Key,
    /// Borrowed for gazetteer names, owned for names built from the text.
    pub canonical: Cow<'static, str>,
    /// Makes the canonical form from the mention's text instead, when the
    /// entity is created (times and amounts: only their entities need it).
    pub canonical_from_text: Option<fn(&str) -> String>,
    /// What one finder or another adds: at most one of these is ever set.
    pub detail: Detail,
    /// The mention is the subject of a verb ("the Kremlin showed").
    pub acts: bool,
}

impl Found {
    pub fn new(start: usize, end: usize, kind: Kind, category: Category, key: Key) -> Self {
        Found {
            start,
            end,
            sentence: None,
            kind,
            category,
            key,
            canonical: Cow::Borrowed(""),
            canonical_from_text: None,
            detail: Detail::None,
            acts: false,
        }
    }
}

/// What a mention brings its entity beyond a name. Each finder sets one
/// kind of it, so one field holds them all and keeps the records small.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Detail {
    None,
    /// A time's date or year, when it can be worked out.
    Resolved(String),
    /// An amount's value (if it has one) and unit.
    Amount(Option<f64>, Cow<'static, str>),
    /// The role the article gives a person.
    Role(String),
    /// A city's country; what a seat of power or acronym stands for.
    Note(Cow<'static, str>),
}

/// What makes two mentions one entity.
#[derive(Debug, Clone)]
pub(crate) enum Key {
    /// A gazetteer entry.
    Known(u32),
    /// A person cluster from [`aliases`].
    Person(usize),
    /// Any other entity, by a normalised text or value.
    Text(&'static str, String),
    /// An amount with a value: its category, value (as bits) and unit.
    Amount(Category, u64, Cow<'static, str>),
}

// Texts compare before tags: equal texts nearly always share a tag, and
// a shared tag is one constant, seen as such without reading it.
impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Key::Known(a), Key::Known(b)) => a == b,
            (Key::Person(a), Key::Person(b)) => a == b,
            (Key::Text(tag, text), Key::Text(other_tag, other_text)) => {
                text == other_text && (std::ptr::eq(*tag, *other_tag) || tag == other_tag)
            }
            (Key::Amount(c, v, u), Key::Amount(oc, ov, ou)) => c == oc && v == ov && u == ou,
            // Named, not `_`: a new kind of key must say how it compares.
            (Key::Known(_) | Key::Person(_) | Key::Text(..) | Key::Amount(..), _) => false,
        }
    }
}

impl Eq for Key {}

// Hashing leaves out the tag of a text key (one of a few constants, and
// equal texts nearly always share it): one string to hash, not two.
impl std::hash::Hash for Key {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Key::Known(id) => id.hash(state),
            Key::Person(p) => p.hash(state),
            Key::Text(_, text) => text.hash(state),
            Key::Amount(category, value, unit) => (category, value, unit).hash(state),
        }
    }
}

/// One sentence's tokens, with which of them a finder has claimed.
#[derive(Debug)]
pub(crate) struct Sentence<'t> {
    pub index: usize,
    pub text: &'t str,
    /// `text` with ASCII letters lowercased: the same byte offsets.
    pub lower: &'t str,
    pub tokens: Vec<Token>,
    pub used: Vec<bool>,
    /// Each token's [word classes](times::class), 0 for all but words.
    class: Vec<u16>,
    /// The tokens that may begin a time or an amount, in order: numbers,
    /// signs, words of the classes either begins with, and the token
    /// before each number (a word of no class begins an amount only as a
    /// currency code before a number, "USD 5", or glued to a sign, "US$",
    /// found at the sign). The scans walk these alone and ask each for
    /// the rest.
    starts: Vec<usize>,
}

/// A sentence's per-token buffers, handed from one sentence to the next so
/// that they are allocated once. Their contents do not matter.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    tokens: Vec<Token>,
    used: Vec<bool>,
    class: Vec<u16>,
    starts: Vec<usize>,
}

impl<'t> Sentence<'t> {
    /// The sentence `text[start..end]`, tokenized, in `buffers`; `word`
    /// is told of each word token's span as it is classified.
    // Out of line: its loop gets registers of its own, not what is left
    // of the caller's.
    #[inline(never)]
    pub fn new(
        index: usize,
        text: &'t str,
        lower: &'t str,
        (start, end): (usize, usize),
        buffers: Buffers,
        mut word: impl FnMut(usize, usize),
    ) -> Self {
        let Buffers {
            mut tokens,
            mut used,
            mut class,
            mut starts,
        } = buffers;
        // A sentence has fewer tokens than bytes; most words are of no
        // class, and their zeros are written here at once.
        class.clear();
        class.resize(end - start, 0);
        starts.clear();
        let table = times::class::Classes::get();
        // Each word is classified as the tokenizer pushes it, while its
        // bytes are at hand: a plain word's class is looked up by the
        // letters the tokenizer read.
        // Inlined, measured: a call per word costs more than the lookup.
        tokenize_each(
            text,
            start,
            end,
            &mut tokens,
            #[inline(always)]
            |i, t, letters| {
                if t.kind == TokenKind::Word {
                    let bits = match letters {
                        Some(letters) => table.of_letters(letters, t.end - t.start),
                        None => table.of(lower, t.start, t.end),
                    };
                    debug_assert_eq!(bits, table.of(lower, t.start, t.end));
                    word(t.start, t.end);
                    if bits != 0 {
                        class[i] = bits;
                        if bits & times::class::STARTS != 0 {
                            starts.push(i);
                        }
                    }
                } else {
                    // A number or a sign. The token before a number may be a
                    // currency code ("USD 5"): listed here rather than by a
                    // test of every word.
                    if t.kind == TokenKind::Number && i > 0 && starts.last() != Some(&(i - 1)) {
                        starts.push(i - 1);
                    }
                    starts.push(i);
                }
            },
        );
        class.truncate(tokens.len());
        used.clear();
        used.resize(tokens.len(), false);
        Sentence {
            index,
            text,
            lower,
            tokens,
            used,
            class,
            starts,
        }
    }

    /// The sentence's buffers, for the next one.
    pub fn into_buffers(self) -> Buffers {
        Buffers {
            tokens: self.tokens,
            used: self.used,
            class: self.class,
            starts: self.starts,
        }
    }

    /// Token `i` is a word of one of the [`times::class`] `bits`.
    pub fn has(&self, i: usize, bits: u16) -> bool {
        self.class(i) & bits != 0
    }

    /// The [`times::class`] bits of token `i`; 0 past the end.
    pub fn class(&self, i: usize) -> u16 {
        self.class.get(i).copied().unwrap_or(0)
    }

    /// Token `i` in lowercase if it is a word, else "": for matching
    /// against lists of words without allocating.
    pub fn low_word(&self, i: usize) -> &'t str {
        match self.tokens.get(i) {
            Some(t) if t.is_word() => &self.lower[t.start..t.end],
            _ => "",
        }
    }

    /// Token `i`'s bytes as written ([`Sentence::word`]), cut without the
    /// tests a `str` needs: for matching against lists of words.
    #[inline]
    pub fn word_bytes(&self, i: usize) -> &'t [u8] {
        self.tokens
            .get(i)
            .map_or(&[], |t| &self.text.as_bytes()[t.start..t.end])
    }

    /// Token `i`'s bytes in lowercase ([`Sentence::low`]).
    #[inline]
    pub fn low_bytes(&self, i: usize) -> &'t [u8] {
        self.tokens
            .get(i)
            .map_or(&[], |t| &self.lower.as_bytes()[t.start..t.end])
    }

    /// [`Sentence::low_word`] as bytes.
    #[inline]
    pub fn low_word_bytes(&self, i: usize) -> &'t [u8] {
        match self.tokens.get(i) {
            Some(t) if t.is_word() => &self.lower.as_bytes()[t.start..t.end],
            _ => &[],
        }
    }

    /// A sentence of its own, for tests.
    #[cfg(test)]
    pub fn of(text: &str) -> Sentence<'static> {
        let text: &'static str = Box::leak(text.to_owned().into_boxed_str());
        Sentence::new(
            0,
            text,
            Box::leak(text.to_ascii_lowercase().into_boxed_str()),
            (0, text.len()),
            Buffers::default(),
            |_, _| {},
        )
    }

    /// Token `i` in lowercase (ASCII letters), without allocating.
    pub fn low(&self, i: usize) -> &'t str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.lower[t.start..t.end])
    }

    /// Tokens `a..b` in lowercase, with single spaces between words.
    pub fn low_phrase(&self, a: usize, b: usize) -> Cow<'t, str> {
        let (start, end) = self.span(a, b);
        let raw = &self.lower[start..end];
        // One token has no space or line break inside: only a ’ (E2 80 99)
        // would need tidying.
        if b == a + 1 && !raw.as_bytes().contains(&0xE2) {
            return Cow::Borrowed(raw);
        }
        if crate::tokens::untidy(raw, true) {
            Cow::Owned(crate::tokens::squeeze(&raw.replace('’', "'")))
        } else {
            Cow::Borrowed(raw)
        }
    }

    /// Tokens `a..b` (as far as the sentence goes) need no tidying in
    /// [`Sentence::low_phrase`], and so neither does any phrase within them.
    /// Most spans are sure from their gaps alone: tokens (which hold no
    /// whitespace) joined or one space or hyphen apart, with no ’ among
    /// them.
    pub fn tidy(&self, a: usize, b: usize) -> bool {
        let b = b.min(self.tokens.len());
        if a >= b {
            return true;
        }
        let bytes = self.text.as_bytes();
        let plain = self.tokens[a..b].windows(2).all(|w| {
            let gap = w[1].start - w[0].end;
            gap == 0 || gap == 1 && matches!(bytes[w[0].end], b' ' | b'-')
        });
        let (start, end) = self.span(a, b);
        // A ’ is E2 80 99: no E2 byte, no ’.
        plain && !bytes[start..end].contains(&0xE2)
            || !crate::tokens::untidy(&self.lower[start..end], true)
    }

    /// [`Sentence::low_phrase`] of tokens `a..b`, within a span whose
    /// [`Sentence::tidy`] is `tidy`: a plain slice when it is.
    pub fn low_phrase_within(&self, a: usize, b: usize, tidy: bool) -> Cow<'t, str> {
        if tidy {
            let (start, end) = self.span(a, b);
            Cow::Borrowed(&self.lower[start..end])
        } else {
            self.low_phrase(a, b)
        }
    }

    /// The token's text.
    pub fn word(&self, i: usize) -> &'t str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// Token `i` is the word `w` (given in lowercase), in any case: bytes
    /// of the lowercased text compared, nothing decoded, and the length
    /// first, which rules out most.
    #[inline]
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.end - t.start == w.len()
                && t.is_word()
                && self.lower.as_bytes().get(t.start..t.end) == Some(w.as_bytes())
        })
    }

    /// Marks tokens `from..to` as claimed.
    pub fn claim(&mut self, from: usize, to: usize) {
        for u in &mut self.used[from..to] {
            *u = true;
        }
    }

    /// None of tokens `from..to` is claimed.
    pub fn free(&self, from: usize, to: usize) -> bool {
        to <= self.used.len() && !self.used[from..to].iter().any(|&u| u)
    }

    /// Byte span from token `from` to token `to - 1`.
    pub fn span(&self, from: usize, to: usize) -> (usize, usize) {
        (self.tokens[from].start, self.tokens[to - 1].end)
    }
}

/// The sentence index that marks a mention in the title while finding.
pub(crate) const TITLE: usize = usize::MAX;

/// Finds the article's facts.
///
/// ```
/// let a = factdrill_core::Article::parse("Talks\n\nFrench president Marie Dupont met officials in Berlin last year.").unwrap();
/// let facts = factdrill_core::facts::extract(&a);
/// let dupont = facts.entities.iter().find(|e| e.canonical == "Marie Dupont").unwrap();
/// assert_eq!(dupont.role.as_deref(), Some("French president"));
/// assert!(facts.entities.iter().any(|e| e.canonical == "France"));
/// assert!(facts.entities.iter().any(|e| e.canonical == "last year"));
/// ```
#[must_use]
pub fn extract(article: &Article) -> Facts<'_> {
    let text = article.text();
    let lower = text.to_ascii_lowercase();
    // Room for the densest text we know (a mention every 12 bytes or
    // so), so that the list never moves: growing it would copy every
    // record and touch fresh memory twice, while room never written costs
    // only address space.
    let mut found: Vec<Found> =
        Vec::with_capacity((article.sentences.len() * 4).max(text.len() / 12));
    let mut runs = names::Runs::default();
    let mut lexicon = names::Lexicon::new(text);
    let mut buffers = Buffers::default();
    for s in &article.sentences {
        let mut sentence = Sentence::new(
            s.index,
            text,
            &lower,
            (s.start, s.end),
            buffers,
            |start, end| lexicon.observe(start, end),
        );
        let before = found.len();
        times::scan(&mut sentence, article.date, &mut found);
        amounts::scan(&mut sentence, &mut found);
        people::scan_groups(&mut sentence, &mut found);
        runs.collect(&sentence);
        for f in &mut found[before..] {
            f.sentence = Some(s.index);
        }
        buffers = sentence.into_buffers();
    }
    // Names in the title count toward the entities the body names.
    if let Some(span) = article.title.as_ref().and_then(|t| t.span.clone()) {
        let title = Sentence::new(
            TITLE,
            text,
            &lower,
            (span.start, span.end),
            buffers,
            |_, _| {},
        );
        runs.collect(&title);
    }
    let mut candidates = names::classify(runs, &lexicon, &mut found, text);
    // The lexicon holds a span per lowercase word: its memory can serve
    // what comes next.
    drop(lexicon);
    candidates.extend(aliases::byline(article));
    let people = aliases::resolve(&mut found, candidates, text);
    let mut entities = group(found, people, text);
    for e in &mut entities {
        if e.category == Category::Person {
            keep_particles(e, text);
        }
    }
    // Title-only entities go; title mentions have no sentence index.
    entities.retain(|e| e.mentions.iter().any(|m| m.sentence != Some(TITLE)));
    salience::rank(&mut entities, article);
    for m in entities.iter_mut().flat_map(|e| &mut e.mentions) {
        if m.sentence == Some(TITLE) {
            m.sentence = None;
        }
    }
    Facts { entities }
}

/// A surname's particles stay with it: where the article writes "bin Laden"
/// or "van der Merwe" for "Osama bin Laden" or "Piet van der Merwe", the
/// mention is the whole, not "Laden" with a stray "bin" left before it.
fn keep_particles<'a>(e: &mut Entity<'a>, text: &'a str) {
    for m in &mut e.mentions {
        let Some(before) = e
            .canonical
            .strip_suffix(m.text)
            .and_then(|b| b.strip_suffix(' '))
        else {
            continue;
        };
        let mut start = m.start;
        for word in before.rsplit(' ') {
            let at = start.saturating_sub(word.len() + 1);
            let written = text.get(at..start).and_then(|t| t.strip_suffix(' '));
            if !names::is_particle(word) || written != Some(word) {
                break;
            }
            start = at;
        }
        if start < m.start {
            m.text = &text[start..m.end];
            m.start = start;
        }
    }
}

/// Groups mentions by key into entities, with each mention's text.
/// `people` holds the canonical names of people by their key. Strings the
/// entities need move out of `found`.
#[inline(never)] // One call: kept apart so that profiles show it.
fn group<'a>(mut found: Vec<Found>, mut people: Vec<String>, text: &'a str) -> Vec<Entity<'a>> {
    let (place, counts) = places(&found, people.len());
    // Then each entity with room for its mentions, filled in below in the
    // order found (each record visited once, in the order it lies in
    // memory): the first mention makes the entity, and every mention goes
    // straight to its place.
    let mut entities: Vec<Entity<'a>> = counts
        .iter()
        .map(|&n| Entity {
            kind: Kind::Who,
            category: Category::Person,
            canonical: String::new(),
            role: None,
            mentions: vec![
                Mention {
                    text: "",
                    start: 0,
                    end: 0,
                    sentence: None,
                };
                n as usize
            ],
            value: None,
            unit: None,
            resolved: None,
            note: None,
            salience: 0.0,
        })
        .collect();
    // Per entity: some mention acts; where its role and note come from
    // (the first mention, in text order, that has one).
    let mut acts = vec![false; counts.len()];
    let mut role_at = vec![u32::MAX; counts.len()];
    let mut note_at = vec![u32::MAX; counts.len()];
    for (f, &(e, at)) in found.iter_mut().zip(&place) {
        if (e, at) == DROPPED {
            continue;
        }
        let e = e as usize;
        let entity = &mut entities[e];
        acts[e] |= f.acts;
        let (start, end) = (f.start, f.end);
        if at == 0 {
            // The entity's first mention makes it.
            entity.kind = f.kind;
            entity.category = f.category;
            entity.canonical = match (&f.key, f.canonical_from_text) {
                (Key::Person(p), _) => std::mem::take(&mut people[*p]),
                (_, Some(make)) => make(&text[start..end]),
                (_, None) => std::mem::take(&mut f.canonical).into_owned(),
            };
        }
        match std::mem::replace(&mut f.detail, Detail::None) {
            Detail::Amount(value, unit) if at == 0 => {
                entity.value = value;
                entity.unit = Some(unit.into_owned());
            }
            Detail::Resolved(resolved) if at == 0 => entity.resolved = Some(resolved),
            Detail::Role(role) if at < role_at[e] => {
                role_at[e] = at;
                entity.role = Some(role);
            }
            Detail::Note(note) if at < note_at[e] => {
                note_at[e] = at;
                entity.note = Some(note.into_owned());
            }
            _ => {}
        }
        entity.mentions[at as usize] = Mention {
            text: &text[start..end],
            start,
            end,
            sentence: f.sentence,
        };
    }
    for (e, acts) in entities.iter_mut().zip(acts) {
        // A seat of power is a who when it acts, a place otherwise.
        if e.category == Category::Organisation && e.kind == Kind::Where && acts {
            e.kind = Kind::Who;
        } else if e.category == Category::Organisation && e.kind == Kind::Where {
            e.category = Category::Place;
        }
    }
    entities
}

/// In text order: each kept mention's entity, and its place among that
/// entity's mentions ([`DROPPED`] for mentions nested inside an earlier,
/// longer one); and how many mentions each entity has.
#[inline(never)] // One call: kept apart so that profiles show it.
fn places(found: &[Found], people: usize) -> (Vec<(u32, u32)>, Vec<u32>) {
    let mut place: Vec<(u32, u32)> = vec![DROPPED; found.len()];
    let mut counts: Vec<u32> = Vec::new();
    // Each entity by its key: people and gazetteer entries by their
    // number (the gazetteer has a few thousand), the rest by the whole
    // key. Articles name an entity a few times on average: room in `index`
    // for that many saves most of its growing.
    let mut by_person: Vec<u32> = vec![u32::MAX; people];
    let mut by_entry: Vec<u32> = vec![u32::MAX; GAZETTEER.entries.len()];
    let mut index: HashMap<&Key, u32> =
        HashMap::with_capacity_and_hasher(found.len() / 8, rustc_hash::FxBuildHasher);
    let (mut last_end, mut last_sentence) = (0, None);
    let (order, mask) = text_order_keys(found);
    for k in order {
        #[allow(clippy::cast_possible_truncation)] // an index into `found`
        let i = (k & mask) as usize;
        let f = &found[i];
        if last_sentence.is_some() && f.sentence == last_sentence && f.start < last_end {
            continue;
        }
        (last_end, last_sentence) = (f.end, f.sentence);
        let new = index32(counts.len());
        let e = match f.key {
            Key::Person(p) if p < by_person.len() => first(&mut by_person[p], new),
            Key::Known(id) if (id as usize) < by_entry.len() => {
                first(&mut by_entry[id as usize], new)
            }
            _ => *index.entry(&f.key).or_insert(new),
        };
        if e == new {
            counts.push(0);
        }
        let count = &mut counts[e as usize];
        place[i] = (e, *count);
        *count += 1;
    }
    (place, counts)
}

/// The entity in `slot`, which is `new` if it had none.
fn first(slot: &mut u32, new: u32) -> u32 {
    if *slot == u32::MAX {
        *slot = new;
    }
    *slot
}

/// The place of a mention that [`group`] drops.
const DROPPED: (u32, u32) = (u32::MAX, u32::MAX);

/// `n` as a `u32`: mentions and entities are counted in those.
fn index32(n: usize) -> u32 {
    u32::try_from(n).expect("fewer than 4 billion mentions")
}

/// Indices of `found` in text order: by start, longest first, then as
/// found.
#[cfg(test)]
fn text_order(found: &[Found]) -> Vec<usize> {
    let (order, index) = text_order_keys(found);
    #[allow(clippy::cast_possible_truncation)] // an index into `found`
    order.into_iter().map(|k| (k & index) as usize).collect()
}

/// The indices of `found` in text order (by start, longest first, then
/// as found), as numbers that hold each index in the bits of the mask
/// that comes second.
#[inline(never)]
fn text_order_keys(found: &[Found]) -> (Vec<u64>, u64) {
    // Sort numbers rather than the (large) records: the start and how much
    // shorter than the longest, packed above the index into one number
    // that compares in that order, in as few bits as this article needs.
    let bits = |n: usize| usize::BITS - n.leading_zeros();
    let (mut last_start, mut longest, mut ordered) = (0, 0, true);
    for f in found {
        last_start = last_start.max(f.start);
        longest = longest.max(f.end.wrapping_sub(f.start));
        ordered &= f.start <= f.end;
    }
    let (len_bits, index_bits) = (bits(longest), bits(found.len()));
    let key_bits = bits(last_start) + len_bits + index_bits;
    if !ordered || key_bits > u64::BITS {
        let mut order: Vec<usize> = (0..found.len()).collect();
        // Stable: equal spans stay as found.
        order.sort_by_key(|&i| (found[i].start, std::cmp::Reverse(found[i].end)));
        return (order.into_iter().map(|i| i as u64).collect(), u64::MAX);
    }
    let mut order: Vec<u64> = found
        .iter()
        .zip(0u64..)
        .map(|(f, i)| {
            let shorter = (longest - (f.end - f.start)) as u64;
            ((f.start as u64) << len_bits << index_bits) | (shorter << index_bits) | i
        })
        .collect();
    // Past a few thousand mentions, a couple of linear passes beat the
    // comparisons. The numbers are distinct, so both give one order; the
    // radix sort is stable and the indices ascend, so it need not look at
    // their bits.
    if order.len() > 2048 {
        radix_sort(&mut order, index_bits, key_bits);
    } else {
        order.sort_unstable();
    }
    (order, (1u64 << index_bits) - 1)
}

/// Sorts numbers below `1 << to` by their bits `from..to`, keeping the
/// order of numbers equal in those: in as few passes over digits of up
/// to 14 bits as cover them, the lowest digit first.
fn radix_sort(keys: &mut Vec<u64>, from: u32, to: u32) {
    const MAX_DIGIT: u32 = 14;
    let width = to.saturating_sub(from);
    let passes = width.div_ceil(MAX_DIGIT);
    if passes == 0 {
        return;
    }
    let digit_bits = width.div_ceil(passes);
    let mask = (1u64 << digit_bits) - 1;
    let mut sorted = vec![0u64; keys.len()];
    // Where each digit's keys start; counts fit in 32 bits here.
    let mut place = vec![0u32; 1 << digit_bits];
    let mut shift = from;
    while shift < to {
        let digit = |k: u64| usize::try_from((k >> shift) & mask).unwrap_or_default();
        place.fill(0);
        for &k in keys.iter() {
            place[digit(k)] += 1;
        }
        let mut sum = 0;
        for p in &mut place {
            (*p, sum) = (sum, sum + *p);
        }
        for &k in keys.iter() {
            let p = &mut place[digit(k)];
            sorted[*p as usize] = k;
            *p += 1;
        }
        std::mem::swap(keys, &mut sorted);
        shift += digit_bits;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_keeps_its_particles() {
        let a = Article::parse(
            "Harbour talks\n\nShipping magnate Pieter van der Berg met Yusuf bin Rashid in Rotterdam on Monday. \
             Later, van der Berg said the talks went well, and bin Rashid agreed. \
             A van Berg company truck waited outside.",
        )
        .unwrap();
        let facts = extract(&a);
        let texts = |name: &str| -> Vec<&str> {
            let e = facts.entities.iter().find(|e| e.canonical == name).unwrap();
            e.mentions.iter().map(|m| m.text).collect()
        };
        assert_eq!(texts("Pieter van der Berg")[1], "van der Berg");
        assert_eq!(
            texts("Yusuf bin Rashid"),
            ["Yusuf bin Rashid", "bin Rashid"]
        );
        for e in &facts.entities {
            for m in &e.mentions {
                assert_eq!(&a.text()[m.start..m.end], m.text, "{e:?}");
            }
        }
    }

    #[test]
    fn radix_sort_agrees_with_a_comparison_sort() {
        // Distinct pseudo-random keys of various widths, index in the low bits.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for bits in [13, 23, 44, 64] {
            let mut keys: Vec<u64> = (0..5000u64)
                .map(|i| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    let high = if bits > 13 {
                        x >> (64 - (bits - 13))
                    } else {
                        0
                    };
                    (high << 13) | i
                })
                .collect();
            let mut expected = keys.clone();
            expected.sort_unstable();
            radix_sort(&mut keys, 13, bits);
            assert_eq!(keys, expected, "{bits} bits");
        }
    }

    #[test]
    fn text_order_is_by_start_then_longest_then_as_found() {
        let at = |start, end| Found::new(start, end, Kind::Who, Category::Person, Key::Known(0));
        // Enough mentions for the radix sort, in a shuffled order.
        let found: Vec<Found> = (0..3000)
            .map(|i| (i * 7919) % 3000)
            .map(|i| at(i / 3 * 10, i / 3 * 10 + [5, 9, 5][i % 3]))
            .collect();
        let mut expected: Vec<usize> = (0..found.len()).collect();
        expected.sort_by_key(|&i| (found[i].start, std::cmp::Reverse(found[i].end)));
        assert_eq!(text_order(&found), expected);
        assert_eq!(text_order(&found[..100]), {
            let mut e: Vec<usize> = (0..100).collect();
            e.sort_by_key(|&i| (found[i].start, std::cmp::Reverse(found[i].end)));
            e
        });
    }
}
