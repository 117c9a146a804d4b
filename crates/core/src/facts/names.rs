//! Names: runs of capitalised words, split into what the gazetteer knows
//! (countries, demonyms, cities, regions, organisations, seats of power),
//! organisations and places recognised by their head word ("… Organization",
//! "… Beach"), acronyms, and the rest: candidate names of people, which
//! [`aliases`](super::aliases) resolves once the whole article is read.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use super::people::{self, is_verb};
use super::times::class;
use super::{Category, Detail, Found, Key, Kind, Sentence};
use crate::gazetteer::{GAZETTEER, Gazetteer, Known, Place, Reading, Shapes};
use crate::tokens::TokenKind;

/// Words seen across the article, to tell names from capitalised words.
/// Borrows from the article: observing allocates nothing per word.
#[derive(Debug)]
pub(crate) struct Lexicon<'t> {
    text: &'t str,
    /// Spans of the words seen in lowercase, in text order.
    lower: Vec<(usize, usize)>,
}

impl<'t> Lexicon<'t> {
    pub fn new(text: &'t str) -> Self {
        Lexicon {
            text,
            // Room for a word every five bytes, more than text has, so
            // that the list never moves (room never written costs only
            // address space).
            lower: Vec::with_capacity(text.len() / 5),
        }
    }

    /// Notes the word `start..end` of the text if it is in lowercase (the
    /// driver passes each word as it classifies a sentence's tokens).
    #[inline]
    pub fn observe(&mut self, start: usize, end: usize) {
        if end - start > 2 && self.text.as_bytes()[start].is_ascii_lowercase() {
            self.lower.push((start, end));
        }
    }

    /// Which of `words` (in lowercase) also appear in lowercase (common
    /// words, not names): one pass over the words seen answers them all.
    pub fn common<'w>(
        &self,
        words: impl Iterator<Item = Cow<'w, str>>,
    ) -> HashMap<Cow<'w, str>, bool> {
        let mut wanted: HashMap<Cow<'w, str>, bool> = HashMap::default();
        let mut sketch = Sketch::default();
        let mut shapes = Shapes::default();
        for w in words {
            if !wanted.contains_key(w.as_ref()) {
                sketch.insert(w.as_bytes());
                shapes.insert(w.as_bytes());
                wanted.insert(w, false);
            }
        }
        let bytes = self.text.as_bytes();
        for &(start, end) in &self.lower {
            // The shapes rule out most words at a glance, the sketch nearly
            // all the rest, before any is hashed.
            let word = &bytes[start..end];
            if shapes.admits(word)
                && sketch.admits(word)
                && let Some(seen) = wanted.get_mut(&self.text[start..end])
            {
                *seen = true;
            }
        }
        wanted
    }
}

/// A set of words as bits, one for each word's length and first and
/// last two bytes: a word outside the set passes only when it shares a
/// bit with one inside (a Bloom filter with one hash).
#[derive(Debug)]
struct Sketch {
    bits: Box<[u64; Sketch::WORDS]>,
}

impl Default for Sketch {
    fn default() -> Self {
        Sketch {
            bits: Box::new([0; Sketch::WORDS]),
        }
    }
}

impl Sketch {
    /// 32768 bits: a few hundred words fill few of them.
    const WORDS: usize = 512;

    #[inline]
    fn bit(w: &[u8]) -> (usize, u64) {
        let n = w.len();
        // Words of two bytes or more (all but a few) are read without a
        // test for each byte.
        let (a, b, y, z) = if n >= 2 {
            (w[0], w[1], w[n - 2], w[n - 1])
        } else {
            let a = w.first().copied().unwrap_or(0);
            (a, 0, 0, a)
        };
        let key =
            (usize::from(a) << 24 | usize::from(b) << 16 | usize::from(y) << 8 | usize::from(z))
                ^ n.wrapping_mul(0x0100_0193);
        let slot = (key.wrapping_mul(0x9E37_79B9) >> 12) % (Self::WORDS * 64);
        (slot / 64, 1 << (slot % 64))
    }

    fn insert(&mut self, w: &[u8]) {
        let (word, bit) = Self::bit(w);
        self.bits[word] |= bit;
    }

    #[inline]
    fn admits(&self, w: &[u8]) -> bool {
        let (word, bit) = Self::bit(w);
        self.bits[word] & bit != 0
    }
}

/// A candidate name of a person (or of something unknown, for one word).
#[derive(Debug, Clone)]
pub(crate) struct NameMention<'t> {
    pub start: usize,
    pub end: usize,
    pub sentence: Option<usize>,
    /// The words of the name ("Kurmanbek", "Bakiyev").
    pub words: Words<'t>,
    pub role: Option<String>,
    pub acts: bool,
    /// Something says this is a person: a title, an honorific, a verb of
    /// saying, an appositive.
    pub person_cue: bool,
    /// "in X", "near X": a place.
    pub place_cue: bool,
    /// First word of the sentence or of a quotation.
    pub initial: bool,
    /// Written in capitals only ("CIS").
    pub acronym: bool,
}

/// How many words of a name [`Words`] holds without allocating.
const INLINE_WORDS: usize = 4;

/// The words of a name, read as a slice: nearly every name has a few, and
/// these are kept inline (one list allocated per name would cost more than
/// the rest of making it).
#[derive(Debug, Clone)]
pub(crate) struct Words<'t> {
    len: usize,
    inline: [&'t str; INLINE_WORDS],
    /// All the words, when there are more than fit inline.
    more: Vec<&'t str>,
}

impl<'t> std::ops::Deref for Words<'t> {
    type Target = [&'t str];

    fn deref(&self) -> &[&'t str] {
        if self.more.is_empty() {
            &self.inline[..self.len]
        } else {
            &self.more
        }
    }
}

impl<'t> FromIterator<&'t str> for Words<'t> {
    fn from_iter<I: IntoIterator<Item = &'t str>>(iter: I) -> Self {
        let mut words = Words {
            len: 0,
            inline: [""; INLINE_WORDS],
            more: Vec::new(),
        };
        for w in iter {
            if words.len < INLINE_WORDS {
                words.inline[words.len] = w;
                words.len += 1;
            } else {
                if words.more.is_empty() {
                    words.more.extend_from_slice(&words.inline);
                }
                words.more.push(w);
            }
        }
        words
    }
}

/// What [`Runs::collect`] keeps from each sentence besides names.
#[derive(Debug)]
enum Piece {
    Known {
        reading: Reading,
        start: usize,
        end: usize,
        sentence: usize,
        acts: bool,
    },
    Org {
        start: usize,
        end: usize,
        sentence: usize,
        acts: bool,
    },
    Place {
        start: usize,
        end: usize,
        sentence: usize,
    },
}

/// The capitalised runs of all sentences, split into pieces.
#[derive(Debug, Default)]
pub(crate) struct Runs<'t> {
    pieces: Vec<Piece>,
    /// The candidate names of people, kept apart: they are handed on as
    /// they are, not moved out of a list of pieces.
    names: Vec<NameMention<'t>>,
    /// The article's text with ASCII letters lowercased (the sentences').
    lower: &'t str,
}

// The word lists below are matches rather than slices: each is asked
// about most tokens of a run, and a match tests a word's length before
// its bytes. They take bytes, which the callers cut from the text without
// the tests a `str` needs.

/// Lowercase words that may join the words of one name ("… of …",
/// "… and …").
// Measured: asked of most tokens of a run; its length test inline rules
// out most words without a call.
#[allow(clippy::inline_always)]
#[inline(always)]
fn is_connector(w: impl AsRef<[u8]>) -> bool {
    let w = w.as_ref();
    // Most words asked are longer than any connector.
    w.len() <= 3
        && matches!(
            w,
            b"of"
                | b"the"
                | b"for"
                | b"and"
                | b"de"
                | b"da"
                | b"del"
                | b"van"
                | b"von"
                | b"der"
                | b"al"
                | b"bin"
                | b"la"
                | b"le"
                | b"du"
                | b"on"
                | b"&"
        )
}

/// Lowercase particles inside a person's name ("Fernando de la Rua",
/// "Osama bin Laden", "Ludwig van Beethoven"): joined, never split at.
// Measured: asked of most tokens of a run; its length test inline rules
// out most words without a call.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn is_particle(w: impl AsRef<[u8]>) -> bool {
    let w = w.as_ref();
    w.len() <= 5
        && matches!(
            w,
            b"de"
                | b"da"
                | b"del"
                | b"della"
                | b"di"
                | b"dos"
                | b"das"
                | b"van"
                | b"von"
                | b"der"
                | b"den"
                | b"al"
                | b"bin"
                | b"ibn"
                | b"la"
                | b"le"
                | b"du"
        )
}

/// Prefixes joined to a name by a hyphen ("post-Soviet").
fn is_hyphen_prefix(w: impl AsRef<[u8]>) -> bool {
    let w = w.as_ref();
    matches!(
        w,
        b"post"
            | b"pre"
            | b"anti"
            | b"pro"
            | b"non"
            | b"neo"
            | b"ex"
            | b"trans"
            | b"pan"
            | b"pseudo"
    )
}

/// First words of names of places ("Mount Kenya", "Lake Geneva").
fn is_place_head(w: impl AsRef<[u8]>) -> bool {
    let w = w.as_ref();
    matches!(
        w,
        b"Mount" | b"Lake" | b"Cape" | b"Port" | b"Isle" | b"Fort" | b"Mt"
    )
}

/// A compass word before a place ("northern Iraq", "south-east Asia").
// Measured: asked of most tokens of a run; its length test inline rules
// out most words without a call.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn is_compass(w: impl AsRef<[u8]>) -> bool {
    let w = w.as_ref();
    (4..=10).contains(&w.len())
        && matches!(
            w,
            b"north"
                | b"south"
                | b"east"
                | b"west"
                | b"northern"
                | b"southern"
                | b"eastern"
                | b"western"
                | b"central"
                | b"north-east"
                | b"north-west"
                | b"south-east"
                | b"south-west"
                | b"northeast"
                | b"northwest"
                | b"southeast"
                | b"southwest"
        )
}

/// Last words of names of awards, which are not entities we ask about.
fn is_award_head(w: impl AsRef<[u8]>) -> bool {
    let w = w.as_ref();
    matches!(
        w,
        b"prize"
            | b"award"
            | b"awards"
            | b"medal"
            | b"fellowship"
            | b"trophy"
            | b"scholarship"
            | b"honour"
            | b"honor"
    )
}

/// Last words of named events and documents: "Hopman Cup", "US Open",
/// "Commonwealth Games", "Gulf War", "Kyoto Protocol". Neither a who nor a
/// where.
fn is_event_head(w: impl AsRef<[u8]>) -> bool {
    let w = w.as_ref();
    matches!(
        w,
        b"cup"
            | b"open"
            | b"championship"
            | b"championships"
            | b"games"
            | b"olympics"
            | b"tournament"
            | b"series"
            | b"classic"
            | b"marathon"
            | b"festival"
            | b"prix"
            | b"derby"
            | b"rally"
            | b"war"
            | b"expo"
            // Documents and laws: "Mitchell Plan", "Kyoto Protocol", "Patriot Act".
            | b"plan"
            | b"act"
            | b"bill"
            | b"treaty"
            | b"accord"
            | b"accords"
            | b"agreement"
            | b"protocol"
            | b"doctrine"
            | b"charter"
    )
}

/// Lowercase nouns that make the names before them places.
fn is_place_noun(w: impl AsRef<[u8]>) -> bool {
    let w = w.as_ref();
    matches!(
        w,
        b"region"
            | b"regions"
            | b"province"
            | b"provinces"
            | b"district"
            | b"districts"
            | b"county"
            | b"counties"
            | b"valley"
            | b"state"
            | b"states"
            | b"river"
            | b"mountains"
            | b"islands"
            | b"peninsula"
            | b"canton"
            | b"cantons"
            | b"prefecture"
            | b"oblast"
            | b"city"
            | b"town"
            | b"village"
    )
}

/// The text of tokens `a..b` with single spaces (hyphens kept).
fn surface<'t>(s: &Sentence<'t>, a: usize, b: usize) -> Cow<'t, str> {
    let (start, end) = s.span(a, b);
    let raw = &s.text[start..end];
    if crate::tokens::untidy(raw, false) {
        Cow::Owned(crate::tokens::squeeze(raw))
    } else {
        Cow::Borrowed(raw)
    }
}

/// Prefers the reading that fits: an organisation when it acts, else a
/// country, a city, a region, an organisation, a seat of power.
fn best_reading(readings: &[Reading], acts: bool) -> Reading {
    // Most names have one reading: nothing to rank.
    if let [only] = readings {
        return *only;
    }
    let g = &*GAZETTEER;
    let rank = |r: &Reading| {
        let base = match g.entry(r.entry).what {
            Known::Place(Place::Country) => 0,
            Known::Place(Place::Region) => 1,
            Known::Place(Place::City) => 2,
            Known::Organisation => 3,
            Known::SeatOfPower => 4,
        };
        if acts && g.entry(r.entry).what == Known::Organisation {
            -1
        } else {
            base
        }
    };
    *readings
        .iter()
        .min_by_key(|r| rank(r))
        .unwrap_or(&readings[0])
}

/// Token `k` is a capitalised word.
#[inline]
fn capitalised(s: &Sentence, k: usize) -> bool {
    s.tokens[k].is_capitalised(s.text)
}

/// Bytes that may begin a capitalised word: ASCII capitals and the first
/// bytes of other characters (some of them capitals).
static RUN_START: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        #[allow(clippy::cast_possible_truncation)] // c < 256
        let b = c as u8;
        table[c] = b.is_ascii_uppercase() || !b.is_ascii();
        c += 1;
    }
    table
};

/// The longest known name of tokens `k..e` with `e` from `shortest` to
/// `last`: its end and readings.
fn longest_known(
    s: &Sentence,
    k: usize,
    shortest: usize,
    last: usize,
) -> Option<(usize, &'static [Reading])> {
    (shortest..=last).rev().find_map(|e| {
        let readings = known(s, k, e);
        (!readings.is_empty()).then_some((e, readings))
    })
}

/// Readings of tokens `a..b` as one surface form.
fn known(s: &Sentence, a: usize, b: usize) -> &'static [Reading] {
    let g: &'static Gazetteer = &GAZETTEER;
    // Tokens hold no whitespace, so the text of tokens with nothing or
    // one space between them is their surface as it stands: no need to
    // scan it byte by byte.
    if b == a + 1 {
        return g.lookup_bytes(s.word_bytes(a));
    }
    let bytes = s.text.as_bytes();
    let spaced = s.tokens[a..b].windows(2).all(|w| {
        let gap = w[1].start - w[0].end;
        gap == 0 || gap == 1 && bytes[w[0].end] == b' '
    });
    if spaced {
        let (start, end) = s.span(a, b);
        g.lookup_bytes(&bytes[start..end])
    } else {
        g.lookup(&surface(s, a, b))
    }
}

impl<'t> Runs<'t> {
    /// Collects the capitalised runs of `s` (skipping claimed tokens).
    pub fn collect(&mut self, s: &Sentence<'t>) {
        if self.pieces.capacity() == 0 {
            // News has a capitalised run every 50 to 60 bytes, a name or a
            // piece of another kind every 100 to 150: room for more saves
            // growing (and copying) the lists.
            self.pieces.reserve(s.text.len() / 64);
            self.names.reserve(s.text.len() / 64);
        }
        self.lower = s.lower;
        let bytes = s.text.as_bytes();
        let n = s.tokens.len();
        let mut i = 0;
        while i < n {
            // Most tokens start no run: a tight loop skips them, on their
            // first byte alone (an ASCII byte other than a capital rules a
            // token out).
            let Some(skip) = s.tokens[i..]
                .iter()
                .position(|t| RUN_START[usize::from(bytes[t.start])])
            else {
                break;
            };
            i += skip;
            if s.used[i] || !capitalised(s, i) {
                i += 1;
                continue;
            }
            let mut j = i;
            loop {
                let k = j + 1;
                if k < n
                    && !s.used[k]
                    && capitalised(s, k)
                    && (s.tokens[k].space_before || s.tokens[k].hyphen_before)
                {
                    j = k;
                } else if k + 1 < n
                    && s.tokens[k].hyphen_before
                    && s.tokens[k + 1].hyphen_before
                    && s.low(k).len() <= 3
                    && capitalised(s, k + 1)
                    && !s.used[k + 1]
                {
                    j = k + 1; // "Lashkar-e-Taiba", "Jaish-e-Mohammad"
                } else if k + 1 < n
                    && s.tokens[k].space_before
                    && is_connector(s.word_bytes(k))
                    && !s.used[k + 1]
                    && capitalised(s, k + 1)
                    && s.tokens[k + 1].space_before
                {
                    j = k + 1;
                } else if k + 2 < n
                    && is_particle(s.word_bytes(k))
                    && is_particle(s.word_bytes(k + 1))
                    && !s.used[k + 2]
                    && capitalised(s, k + 2)
                    && s.tokens[k + 2].space_before
                {
                    j = k + 2; // "de la Rua", "van der Merwe"
                } else {
                    break;
                }
            }
            self.run(s, i, j + 1);
            i = j + 1;
        }
    }

    /// One run `a..b`: split at hyphens when they join separate names.
    fn run(&mut self, s: &Sentence<'t>, a: usize, b: usize) {
        // Only hyphens between capitalised words can join two names
        // ("Lukashenka-Bakiyev"); "Lashkar-e-Taiba" is one.
        let joins =
            |k: usize| s.tokens[k].hyphen_before && capitalised(s, k) && capitalised(s, k - 1);
        // Most runs have no such hyphen: nothing to split, nothing to
        // allocate.
        if !(a + 1..b).any(joins) {
            return self.segment(s, a, b);
        }
        let attributive = s.tokens.get(b).is_some_and(|t| {
            t.is_word()
                && !t.is_capitalised(s.text)
                && !GAZETTEER.stopwords.contains_bytes(s.low_bytes(b))
        });
        let mut bounds = vec![a];
        bounds.extend((a + 1..b).filter(|&k| joins(k)));
        bounds.push(b);
        let known_part = bounds.windows(2).any(|w| !known(s, w[0], w[1]).is_empty());
        if attributive || known_part {
            for w in bounds.windows(2) {
                self.segment(s, w[0], w[1]);
            }
        } else {
            self.segment(s, a, b);
        }
    }

    /// Classifies tokens `a..b` of one run.
    fn segment(&mut self, s: &Sentence<'t>, mut a: usize, b: usize) {
        // Most segments are one word, which most of the questions below
        // (titles, names of several words, head words) cannot be about.
        if b == a + 1 {
            return self.one_word(s, a);
        }
        let g = &*GAZETTEER;
        // Leading capitalised function words ("For", "Perhaps") and titles.
        // The title at `a` when the loop stops there, which the greedy
        // matching below asks for again.
        let mut title = None;
        // Likewise the longest known name of two words or more from `a`.
        let mut longer_at = None;
        // Whether the last word is an organisation's head word, once asked.
        let mut org_last = None;
        while a < b {
            let low = s.low_bytes(a);
            let longer = if b - a >= 2 && g.multi_first.contains_bytes(s.word_bytes(a)) {
                longest_known(s, a, a + 2, b.min(a + g.max_name_words))
            } else {
                None
            };
            longer_at = Some((a, longer));
            let known_longer = longer.is_some();
            let function_word = !known_longer
                && g.stopwords.contains_bytes(low)
                && (b - a > 1 || is_connector(low) || initial(s, a));
            if function_word || is_connector(s.word_bytes(a)) {
                a += 1;
                continue;
            }
            // The last word stays: only words before others are skipped
            // below, and one word alone is never taken for a title.
            if a + 1 == b {
                break;
            }
            // "General Assembly", "General Motors": the title is the name.
            if known_longer
                || *org_last
                    .get_or_insert_with(|| g.org_keywords.contains_bytes(s.low_bytes(b - 1)))
            {
                break;
            }
            let len = title_at(s, a, b);
            if let Some(len) = len.filter(|&len| a + len < b) {
                a += len;
            } else if g
                .honorifics
                .contains_bytes(without_dots_bytes(s.word_bytes(a)))
                || g.role_modifiers.contains_bytes(low)
            {
                a += 1;
            } else {
                title = Some((a, len));
                break;
            }
        }
        if a >= b {
            return;
        }
        // A prefix joined by a hyphen: "post-Soviet" is not about a place.
        if s.tokens[a].hyphen_before && a > 0 && is_hyphen_prefix(s.low_bytes(a - 1)) {
            return;
        }
        let sentence = s.index;
        if b - a >= 2 && self.by_head_word(s, a, b, org_last) {
            return;
        }
        // "ETH Zurich", "UC Berkeley": an acronym and a city name one body.
        if b - a >= 2
            && !s.word_bytes(a).get(1).is_some_and(u8::is_ascii_lowercase)
            && s.tokens[a].is_all_caps(s.text)
            && g.lookup_bytes(s.word_bytes(a)).is_empty()
            && known(s, a + 1, b)
                .iter()
                .any(|r| g.entry(r.entry).what == Known::Place(Place::City))
        {
            let (start, end) = s.span(a, b);
            self.pieces.push(Piece::Org {
                start,
                end,
                sentence,
                acts: acts(s, b),
            });
            return;
        }
        // "South Atlantic", "northern Europe": a compass point and a place.
        if b - a >= 2
            && is_compass(s.low_bytes(a))
            && !known(s, a + 1, b).is_empty()
            && known(s, a, b).is_empty()
        {
            let (start, end) = s.span(a, b);
            self.pieces.push(Piece::Place {
                start,
                end,
                sentence,
            });
            return;
        }
        if a > 0
            && !s.used[a - 1]
            && is_compass(s.low_bytes(a - 1))
            && !capitalised(s, a - 1)
            && known(s, a, b)
                .iter()
                .any(|r| matches!(g.entry(r.entry).what, Known::Place(Place::Region)))
        {
            let (start, end) = s.span(a - 1, b);
            self.pieces.push(Piece::Place {
                start,
                end,
                sentence,
            });
            return;
        }
        // Greedy longest gazetteer matches; unknown stretches between them.
        let mut k = a;
        let mut stretch = a;
        while k < b {
            let longest = match longer_at {
                // Names of two words or more were tried above.
                Some((at, longer)) if at == k => {
                    longer.or_else(|| longest_known(s, k, k + 1, k + 1))
                }
                _ => {
                    // Names of several words are tried only from a word
                    // that starts one.
                    let last = if k + 1 < b && g.multi_first.contains_bytes(s.word_bytes(k)) {
                        b.min(k + g.max_name_words)
                    } else {
                        k + 1
                    };
                    longest_known(s, k, k + 1, last)
                }
            };
            let matched = longest.map(|(e, readings)| {
                let acts = acts(s, e);
                (e, best_reading(readings, acts), acts)
            });
            if let Some((e, reading, acts)) = matched {
                self.unknown(s, stretch, k, false);
                // "the Bakiyev regime"-style modifiers stay places; a demonym
                // glued to a prefix ("post-Soviet") is skipped above.
                let (start, end) = s.span(k, e);
                self.pieces.push(Piece::Known {
                    reading,
                    start,
                    end,
                    sentence,
                    acts,
                });
                k = e;
                stretch = e;
                continue;
            }
            // A title counts after other words or before more.
            let len = if k > stretch || k + 1 < b {
                match title {
                    Some((at, len)) if at == k => len,
                    _ => title_at(s, k, b),
                }
            } else {
                None
            };
            if let Some(len) = len {
                self.unknown(s, stretch, k, false);
                k += len;
                stretch = k;
            } else {
                k += 1;
            }
        }
        // The whole segment was already tried by its head word above.
        self.unknown(s, stretch, b, stretch == a);
    }

    /// [`Runs::segment`] for a segment of the one word `a`: the same
    /// questions, those about several words left out.
    fn one_word(&mut self, s: &Sentence<'t>, a: usize) {
        let g = &*GAZETTEER;
        let b = a + 1;
        let low = s.low_bytes(a);
        // A capitalised function word ("For", "Perhaps") alone.
        // The stopwords first: most words are none, and need no more.
        if is_connector(s.word_bytes(a))
            || g.stopwords.contains_bytes(low) && (is_connector(low) || initial(s, a))
        {
            return;
        }
        // A prefix joined by a hyphen: "post-Soviet" is not about a place.
        if s.tokens[a].hyphen_before && a > 0 && is_hyphen_prefix(s.low_bytes(a - 1)) {
            return;
        }
        // `known` of one token, asked here without a call.
        let readings = g.lookup_bytes(s.word_bytes(a));
        // "northern Europe": a compass point and a region.
        if a > 0
            && !s.used[a - 1]
            && is_compass(s.low_bytes(a - 1))
            && !capitalised(s, a - 1)
            && readings
                .iter()
                .any(|r| matches!(g.entry(r.entry).what, Known::Place(Place::Region)))
        {
            let (start, end) = s.span(a - 1, b);
            self.pieces.push(Piece::Place {
                start,
                end,
                sentence: s.index,
            });
            return;
        }
        if readings.is_empty() {
            // One word has no head word to find it by.
            return self.unknown(s, a, b, true);
        }
        let acts = acts(s, b);
        let (start, end) = s.span(a, b);
        self.pieces.push(Piece::Known {
            reading: best_reading(readings, acts),
            start,
            end,
            sentence: s.index,
            acts,
        });
    }

    /// An organisation or place known by its head word: "… Organization",
    /// "Bank of …", "… Beach", "Mount …". Pushes it and returns true.
    /// `org_last`: whether the last word is an organisation's head word,
    /// if known.
    fn by_head_word(
        &mut self,
        s: &Sentence<'t>,
        a: usize,
        b: usize,
        org_last: Option<bool>,
    ) -> bool {
        let g = &*GAZETTEER;
        if b - a < 2 {
            return false;
        }
        let last = s.low_bytes(b - 1);
        let of_head =
            || (a..b).any(|k| s.is(k + 1, "of") && g.org_keywords.contains_bytes(s.low_bytes(k)));
        let org = org_last.unwrap_or_else(|| g.org_keywords.contains_bytes(last)) || of_head();
        let place =
            !org && (g.place_keywords.contains_bytes(last) || is_place_head(s.word_bytes(a)));
        // Known names are never found by their head word; most runs have
        // no head word, so the gazetteer is asked last.
        if !(org || place) || !known(s, a, b).is_empty() {
            return false;
        }
        let (start, end) = s.span(a, b);
        let sentence = s.index;
        if org {
            self.pieces.push(Piece::Org {
                start,
                end,
                sentence,
                acts: acts(s, b),
            });
        } else {
            self.pieces.push(Piece::Place {
                start,
                end,
                sentence,
            });
        }
        true
    }

    /// An unknown stretch `a..b`: split at connectors into names.
    /// `head_checked`: [`Runs::by_head_word`] is known to be false for `a..b`.
    fn unknown(&mut self, s: &Sentence<'t>, a: usize, b: usize, head_checked: bool) {
        if a >= b {
            return;
        }
        if !head_checked && self.by_head_word(s, a, b, None) {
            return;
        }
        let initial = initial(s, a);
        // "the Ashanti and Volta regions": places named by the noun after.
        // The noun first: it rules out nearly every word at once.
        let places = is_place_noun(s.word_bytes(b))
            && s.tokens
                .get(b)
                .is_some_and(|t| t.is_word() && !t.is_capitalised(s.text));
        let mut start = a;
        for k in a..=b {
            if k == b || (is_connector(s.word_bytes(k)) && !is_particle(s.word_bytes(k))) {
                if k > start && places {
                    let (from, to) = s.span(start, k);
                    self.pieces.push(Piece::Place {
                        start: from,
                        end: to,
                        sentence: s.index,
                    });
                } else if k > start
                    // a..b itself was tried above (by_head_word has no side
                    // effects when it finds nothing).
                    && ((start, k) == (a, b) || !self.by_head_word(s, start, k, None))
                {
                    self.name(s, start, k, initial && start == a);
                }
                start = k + 1;
            }
        }
    }

    fn name(&mut self, s: &Sentence<'t>, a: usize, b: usize, initial: bool) {
        let g = &*GAZETTEER;
        // Most candidates are ruled out here, before anything is
        // allocated or the words around them are read.
        // Between the words are only spaces and hyphens: one pass over the
        // span tests them all.
        let (start, end) = s.span(a, b);
        if has_digit(s.text.as_bytes(), start, end) {
            return;
        }
        let first = without_dots_bytes(s.word_bytes(a));
        // A lowercase second letter ("Smith") rules most words out
        // without a call.
        let acronym = b - a == 1
            && (2..=6).contains(&first.len())
            && !first[1].is_ascii_lowercase()
            && s.tokens[a].is_all_caps(s.text);
        if b - a == 1 && !acronym && {
            let low = s.low_bytes(a);
            // One character at most: nothing but continuation bytes after
            // the first.
            first
                .get(1..)
                .is_none_or(|rest| rest.iter().all(|&c| c & 0xC0 == 0x80))
                || g.stopwords.contains_bytes(low)
                || g.honorifics.contains_bytes(first)
                || g.titles.contains_bytes(low)
                || g.role_modifiers.contains_bytes(low)
        } {
            return;
        }
        if b - a > 1 && (is_award_head(s.low_bytes(b - 1)) || is_event_head(s.low_bytes(b - 1))) {
            return; // "Guggenheim Fellowship", "Nobel Prize", "Davis Cup": not a who
        }
        let acts = acts(s, b);
        // "the Olive Tree café", "the Internet": people's names take no
        // article.
        // The word before is "the": its class says so.
        let the = a > 0 && s.has(a - 1, class::THE);
        if the && (b - a > 1 || acts) {
            self.pieces.push(Piece::Org {
                start,
                end,
                sentence: s.index,
                acts,
            });
            return;
        }
        // "the Government", "Argentina's Parliament": an organisation's
        // head word alone.
        if b - a == 1
            && !acronym
            && a > 0
            && (the || s.tokens[a - 1].kind == TokenKind::Possessive)
            && g.org_keywords.contains_bytes(s.low_bytes(a))
        {
            self.pieces.push(Piece::Org {
                start,
                end,
                sentence: s.index,
                acts,
            });
            return;
        }
        let honorific_len = people::honorific_before(s, a);
        let honorific = honorific_len > 0;
        // "national director of Child Wise", "a member of Greenpeace": what
        // a title belongs to is an organisation.
        if a >= 2
            && s.is(a - 1, "of")
            && {
                let before = s.low_bytes(a - 2);
                g.titles.contains_bytes(before) || matches!(before, b"member" | b"members")
            }
            && !honorific
        {
            self.pieces.push(Piece::Org {
                start,
                end,
                sentence: s.index,
                acts,
            });
            return;
        }
        let role = people::role_before(s, a, honorific_len).or_else(|| people::role_after(s, b));
        let place_cue = !initial && place_cue(s, a, b);
        self.names.push(NameMention {
            start,
            end,
            sentence: Some(s.index),
            words: (a..b).map(|k| without_dots(s.word(k))).collect(),
            // A capitalised first word followed by a verb may be any noun
            // ("Colleagues said"); elsewhere the verb says "a person".
            person_cue: role.is_some() || honorific || (acts && !initial),
            role,
            acts,
            place_cue,
            initial,
            acronym,
        });
    }
}

/// `text[start..end]` holds an ASCII digit: eight bytes are tested at
/// once, a short span's read from the text and cut to it.
fn has_digit(text: &[u8], start: usize, end: usize) -> bool {
    let span = &text[start..end];
    if let Some(last) = span.last_chunk::<8>() {
        let mut rest = span;
        while let Some((eight, tail)) = rest.split_first_chunk::<8>() {
            if digit_bits(u64::from_le_bytes(*eight)) != 0 {
                return true;
            }
            rest = tail;
        }
        // The last bytes, with some tested already.
        return !rest.is_empty() && digit_bits(u64::from_le_bytes(*last)) != 0;
    }
    match text.get(start..).and_then(<[u8]>::first_chunk::<8>) {
        Some(eight) => {
            let cut = (1u64 << (8 * span.len())) - 1;
            digit_bits(u64::from_le_bytes(*eight) & cut) != 0
        }
        None => span.iter().any(u8::is_ascii_digit),
    }
}

/// The top bit of each byte of `w` that is an ASCII digit.
#[inline]
fn digit_bits(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Each byte's low seven bits with the top bit set: subtracting 0x30 or
    // 0x3A from it borrows from no other byte, and leaves the top bit set
    // when the seven bits are at least that much.
    let low = (w & (ONES * 0x7F)) | (ONES * 0x80);
    let from_zero = low - ONES * 0x30;
    let past_nine = low - ONES * 0x3A;
    // A digit: from '0', not past '9', and ASCII.
    from_zero & !past_nine & !w & (ONES * 0x80)
}

/// `w` without its final dots ("Jr." → "Jr"): `trim_end_matches('.')`,
/// byte by byte.
fn without_dots(w: &str) -> &str {
    // Only ASCII dots go: the cut falls between characters.
    &w[..without_dots_bytes(w.as_bytes()).len()]
}

/// `w` without its final dots, as bytes.
fn without_dots_bytes(w: &[u8]) -> &[u8] {
    // Most words end in a letter.
    if w.last() != Some(&b'.') {
        return w;
    }
    let end = w.iter().rposition(|&c| c != b'.').map_or(0, |i| i + 1);
    &w[..end]
}

/// Token `k` begins a sentence or a quotation: its capital says nothing.
fn initial(s: &Sentence, k: usize) -> bool {
    // “ ‘ — – in UTF-8: E2 80 9C, E2 80 98, E2 80 94, E2 80 93.
    k == 0
        || s.tokens[k - 1].kind == TokenKind::Punct
            && matches!(
                s.word_bytes(k - 1),
                b"\""
                    | b"\xE2\x80\x9C"
                    | b"\xE2\x80\x98"
                    | b"'"
                    | b"("
                    | b"["
                    | b":"
                    | b"\xE2\x80\x94"
                    | b"\xE2\x80\x93"
                    | b"-"
            )
}

/// Words around tokens `a..b` that say "a place": "in X", "in the X",
/// "the canton of X", "X, Massachusetts".
fn place_cue(s: &Sentence, a: usize, b: usize) -> bool {
    if s.tokens
        .get(b)
        .is_some_and(|t| t.kind == TokenKind::Possessive)
    {
        return false;
    }
    // The word before, in lowercase (empty for none), read once.
    let prev = if a > 0 { s.low_word_bytes(a - 1) } else { b"" };
    let before = matches!(prev, b"in" | b"near" | b"outside");
    let the = a > 1
        && prev == b"the"
        && matches!(
            s.low_word_bytes(a - 2),
            b"in" | b"near" | b"outside" | b"from" | b"to" | b"across" | b"around" | b"towards"
        );
    let of_place =
        a > 1 && prev == b"of" && is_place_noun(s.word_bytes(a - 2)) && !capitalised(s, a - 2);
    let then_place = s.tokens.get(b).is_some_and(|t| t.is_punct(s.text, ','))
        && GAZETTEER
            .lookup_bytes(s.word_bytes(b + 1))
            .iter()
            .any(|r| matches!(GAZETTEER.entry(r.entry).what, Known::Place(_)));
    before || the || of_place || then_place
}

/// A title at `k` ("President", "Prime Minister"), capitalised or not:
/// its length in tokens.
fn title_at(s: &Sentence, k: usize, b: usize) -> Option<usize> {
    let g = &*GAZETTEER;
    if !g.title_first.contains_bytes(s.low_bytes(k)) {
        return None;
    }
    let tidy = s.tidy(k, b.min(k + g.max_title_words));
    (k + 1..=b.min(k + g.max_title_words))
        .rev()
        .find(|&e| is_title(s, k, e, tidy))
        .map(|e| e - k)
}

/// Tokens `k..e` in lowercase ([`Sentence::low_phrase_within`]) are a
/// title: a tidy span's bytes asked for as they stand, no `str` cut.
#[inline]
pub(super) fn is_title(s: &Sentence, k: usize, e: usize, tidy: bool) -> bool {
    let titles = &GAZETTEER.titles;
    if tidy {
        let (start, end) = s.span(k, e);
        titles.contains_bytes(&s.lower.as_bytes()[start..end])
    } else {
        titles.contains(&s.low_phrase_within(k, e, tidy))
    }
}

/// The words after token `e` make the name the subject of a verb.
fn acts(s: &Sentence, e: usize) -> bool {
    // Bytes of the tokens, not cut `str`s: this is asked after most names.
    // Single bytes compared, not cut spans: no tests of their bounds.
    let bytes = s.text.as_bytes();
    let mut tokens = s.tokens.get(e..).unwrap_or_default().iter();
    let mut next = tokens.next();
    if next.is_some_and(|t| {
        t.kind == TokenKind::Punct && t.end == t.start + 1 && bytes[t.start] == b')'
    }) {
        next = tokens.next();
    }
    if next.is_some_and(|t| {
        t.is_word() && t.end >= t.start + 2 && bytes[t.end - 2] == b'l' && bytes[t.end - 1] == b'y'
    }) {
        next = tokens.next();
    }
    next.is_some_and(|t| t.is_word() && is_verb(&s.lower.as_bytes()[t.start..t.end]))
}

/// A mention of an organisation or place the gazetteer does not know,
/// keyed by its name as written.
pub(crate) fn named(
    text: &str,
    start: usize,
    end: usize,
    sentence: Option<usize>,
    kind: Kind,
    category: Category,
    acts: bool,
) -> Found {
    let name = crate::tokens::squeeze(&text[start..end]);
    let tag = if kind == Kind::Who { "org" } else { "place" };
    let mut f = Found::new(start, end, kind, category, Key::Text(tag, name.clone()));
    f.sentence = sentence;
    f.canonical = name.into();
    f.acts = acts;
    f
}

/// Turns the collected pieces into found mentions, and returns the
/// candidate names of people for [`aliases`](super::aliases).
pub(crate) fn classify<'t>(
    runs: Runs<'t>,
    lexicon: &Lexicon,
    found: &mut Vec<Found>,
    text: &str,
) -> Vec<NameMention<'t>> {
    let g = &*GAZETTEER;
    let mut names = runs.names;
    // A capitalised first word that the article also uses in lowercase is
    // a common word ("Luckily", "Police").
    let lone_initial = |n: &NameMention| n.initial && n.words.len() == 1 && !n.acronym;
    // The word in lowercase ([`str::to_lowercase`]): for ASCII, the
    // sentences' lowercased text holds it already.
    let lower = runs.lower;
    let lowercase = |n: &NameMention<'t>| -> Cow<'t, str> {
        let w = n.words[0];
        if w.is_ascii() {
            Cow::Borrowed(&lower[n.start..n.start + w.len()])
        } else {
            Cow::Owned(w.to_lowercase())
        }
    };
    let common = lexicon.common(names.iter().filter(|n| lone_initial(n)).map(lowercase));
    // Organisations the article names in full: only these may take a short
    // name that is also a place's ("Lyon" is the city unless "Olympique
    // Lyonnais" is in the article).
    let named_in_full: Vec<u32> = runs
        .pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Known {
                reading,
                start,
                end,
                ..
            } if g.entry(reading.entry).what == Known::Organisation
                && crate::tokens::squeezed(&text[*start..*end])
                    .eq_ignore_ascii_case(g.entry(reading.entry).name) =>
            {
                Some(reading.entry)
            }
            _ => None,
        })
        .collect();
    for piece in runs.pieces {
        match piece {
            Piece::Known {
                mut reading,
                start,
                end,
                sentence,
                acts,
            } => {
                if g.entry(reading.entry).what == Known::Organisation
                    && !named_in_full.contains(&reading.entry)
                    && let Some(place) = g
                        .lookup(&crate::tokens::squeezed(&text[start..end]))
                        .iter()
                        .find(|r| matches!(g.entry(r.entry).what, Known::Place(_)))
                {
                    reading = *place;
                }
                let entry = g.entry(reading.entry);
                let (kind, category) = match entry.what {
                    Known::Place(Place::Country) => (Kind::Where, Category::Country),
                    Known::Place(Place::City) => (Kind::Where, Category::City),
                    Known::Place(Place::Region) => (Kind::Where, Category::Region),
                    Known::Organisation => (Kind::Who, Category::Organisation),
                    // Decided per entity in `group`: a who if it ever acts.
                    Known::SeatOfPower => (Kind::Where, Category::Organisation),
                };
                // A demonym ("Belarusian", "European") is a mention of
                // its country or region: same entry, same key.
                let mut f = Found::new(start, end, kind, category, Key::Known(reading.entry));
                f.sentence = Some(sentence);
                f.canonical = Cow::Borrowed(entry.name);
                if let Some(note) = entry.note {
                    f.detail = Detail::Note(Cow::Borrowed(note));
                }
                f.acts = acts;
                found.push(f);
            }
            Piece::Org {
                start,
                end,
                sentence,
                acts,
            } => {
                found.push(named(
                    text,
                    start,
                    end,
                    Some(sentence),
                    Kind::Who,
                    Category::Organisation,
                    acts,
                ));
            }
            Piece::Place {
                start,
                end,
                sentence,
            } => {
                found.push(named(
                    text,
                    start,
                    end,
                    Some(sentence),
                    Kind::Where,
                    Category::Place,
                    false,
                ));
            }
        }
    }
    names.retain(|n| !(lone_initial(n) && common[lowercase(n).as_ref()]));
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_past_the_inline_ones_are_kept_in_order() {
        for n in 0..=7 {
            let all: Vec<&str> = ["a", "b", "c", "d", "e", "f", "g"][..n].to_vec();
            let words: Words = all.iter().copied().collect();
            assert_eq!(&words[..], &all[..], "{n}");
        }
    }

    #[test]
    fn has_digit_finds_a_digit_anywhere_and_nothing_else() {
        let text = "Jean-Luc Picard  é”0 9 /: \u{7f}\u{b0}\u{ff} Mary-Anne O'Brien";
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            for end in start..=bytes.len() {
                assert_eq!(
                    has_digit(bytes, start, end),
                    bytes[start..end].iter().any(u8::is_ascii_digit),
                    "{start}..{end}"
                );
            }
        }
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = [b'a'; 8];
                eight[at] = b;
                assert_eq!(
                    digit_bits(u64::from_le_bytes(eight)) != 0,
                    b.is_ascii_digit(),
                    "{b:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn is_compass_knows_the_compass_words_and_no_others() {
        for w in ["north", "southern", "central", "north-east", "southwest"] {
            assert!(is_compass(w), "{w}");
        }
        for w in ["North", "norther", "south east", "centre", "west-south", ""] {
            assert!(!is_compass(w), "{w}");
        }
    }
}
