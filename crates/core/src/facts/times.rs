//! Times: dates, weekdays, clock times, relative times, periods, years,
//! decades and holidays. Vague adverbs ("recently", "now") are not facts.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::{Category, Detail, Found, Key, Kind, Sentence};
use crate::gazetteer::GAZETTEER;
use crate::tokens::TokenKind;

/// Word classes: what a word can begin, as bits, so that the finders'
/// gates are bit tests on [`Sentence::class`] instead of word lookups on
/// every token. A sentence classifies each of its words once.
pub(crate) mod class {
    use std::sync::LazyLock;

    use rustc_hash::FxHashMap;

    use crate::gazetteer::GAZETTEER;

    /// A number word ("two", "dozen").
    pub const NUMBER_WORD: u16 = 1;
    /// A month, weekday, first word of a holiday or a time trigger.
    pub const TIME_WORD: u16 = 1 << 1;
    /// "the".
    pub const THE: u16 = 1 << 2;
    /// "a" or "an".
    pub const A_AN: u16 = 1 << 3;
    /// A vague magnitude ("hundreds") or "Rs": an amount may begin here.
    pub const MAGNITUDE: u16 = 1 << 4;
    /// "the", "this", "that", "these", "those" before a person noun.
    pub const DEMONSTRATIVE: u16 = 1 << 5;
    /// "a", "an", "one" before a person noun.
    pub const ONE: u16 = 1 << 6;
    /// "dozens", "some", "several", … before a person noun.
    pub const QUANTIFIER: u16 = 1 << 7;
    /// The first word of a holiday's name ("new", "christmas").
    pub const HOLIDAY_FIRST: u16 = 1 << 8;
    /// A month or its abbreviation ("march", "sept").
    pub const MONTH: u16 = 1 << 9;
    /// A weekday or its abbreviation ("monday", "tue").
    pub const WEEKDAY: u16 = 1 << 10;
    /// A person noun ("police", "gunman").
    pub const PERSON_NOUN: u16 = 1 << 11;

    /// The first word of a currency word or phrase ("dollars", "us").
    pub const CURRENCY_FIRST: u16 = 1 << 12;
    /// The first word of a unit's spelling ("km", "square"), in lowercase.
    pub const UNIT_FIRST: u16 = 1 << 13;

    /// The classes a time or an amount may begin with.
    pub const STARTS: u16 = THE | A_AN | TIME_WORD | NUMBER_WORD | MAGNITUDE;

    const FIXED: &[(&str, u16)] = &[
        ("the", THE | DEMONSTRATIVE),
        ("a", A_AN | ONE),
        ("an", A_AN | ONE),
        ("one", ONE),
        ("this", DEMONSTRATIVE),
        ("that", DEMONSTRATIVE),
        ("these", DEMONSTRATIVE),
        ("those", DEMONSTRATIVE),
        ("dozens", MAGNITUDE | QUANTIFIER),
        ("hundreds", MAGNITUDE | QUANTIFIER),
        ("thousands", MAGNITUDE | QUANTIFIER),
        ("millions", MAGNITUDE),
        ("billions", MAGNITUDE),
        ("tens", MAGNITUDE),
        ("rs", MAGNITUDE),
        ("scores", QUANTIFIER),
        ("some", QUANTIFIER),
        ("several", QUANTIFIER),
        ("many", QUANTIFIER),
    ];

    /// The classified words in an open-addressing table keyed by their
    /// bytes, packed into two `u64`: a word is looked up with two loads, a
    /// multiply and (for the few slots in use) a compare, where a string
    /// hash map would hash byte by byte and call `memcmp`.
    struct Table {
        /// Slot → 1 + index into `entries`; 0 is an empty slot.
        slots: Box<[u16; SLOTS]>,
        entries: Vec<Entry>,
        /// Words longer than [`Packed`] holds (none today), as strings.
        long: FxHashMap<&'static str, u16>,
    }

    /// Up to 16 bytes of a word, little-endian, zero past its end.
    type Packed = (u64, u64);

    struct Entry {
        word: Packed,
        len: usize,
        bits: u16,
    }

    /// A power of two, about ten times the words: most lookups of other
    /// words find an empty slot at once.
    const SLOTS: usize = 4096;

    /// The slot a word is first looked for in, by its first eight bytes
    /// (so that a miss needs no more of it).
    #[inline]
    #[allow(clippy::cast_possible_truncation)] // a slot below SLOTS
    fn slot(lo: u64) -> usize {
        (lo.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
    }

    /// For each length up to 16, masks keeping that many bytes of the two
    /// halves of a [`Packed`].
    const MASKS: [Packed; 17] = {
        let mut masks = [(0, 0); 17];
        let mut n = 1;
        while n <= 16 {
            masks[n] = if n <= 8 {
                (u64::MAX >> (8 * (8 - n)), 0)
            } else {
                (u64::MAX, u64::MAX >> (8 * (16 - n)))
            };
            n += 1;
        }
        masks
    };

    /// `word` packed; `None` when longer than 16 bytes.
    fn pack(word: &[u8]) -> Option<Packed> {
        let mut buf = [0u8; 16];
        buf.get_mut(..word.len())?.copy_from_slice(word);
        let (lo, hi) = buf.split_at(8);
        Some((
            u64::from_le_bytes(lo.try_into().ok()?),
            u64::from_le_bytes(hi.try_into().ok()?),
        ))
    }

    static TABLE: LazyLock<Table> = LazyLock::new(|| {
        let g = &*GAZETTEER;
        let mut words: FxHashMap<&'static str, u16> = FxHashMap::default();
        for w in g.time_words.iter() {
            *words.entry(w).or_default() |= TIME_WORD;
        }
        for w in g.holiday_first.iter() {
            *words.entry(w).or_default() |= HOLIDAY_FIRST;
        }
        for w in g.months.keys() {
            *words.entry(w.as_str()).or_default() |= MONTH;
        }
        for w in g.weekdays.keys() {
            *words.entry(w.as_str()).or_default() |= WEEKDAY;
        }
        for w in g.person_nouns.iter() {
            *words.entry(w).or_default() |= PERSON_NOUN;
        }
        for w in super::super::amounts::NUMBER_WORDS {
            *words.entry(w).or_default() |= NUMBER_WORD;
        }
        for &(w, bits) in FIXED {
            *words.entry(w).or_default() |= bits;
        }
        for phrase in g.currency_words.keys() {
            first_tokens(phrase, |w| *words.entry(w).or_default() |= CURRENCY_FIRST);
        }
        for &spelling in g.units.keys() {
            first_tokens(spelling, |w| *words.entry(w).or_default() |= UNIT_FIRST);
        }
        let mut table = Table {
            slots: Box::new([0; SLOTS]),
            entries: Vec::with_capacity(words.len()),
            long: FxHashMap::default(),
        };
        for (w, bits) in words {
            let Some(word) = pack(w.as_bytes()) else {
                table.long.insert(w, bits);
                continue;
            };
            let mut at = slot(word.0);
            while table.slots[at] != 0 {
                at = (at + 1) % SLOTS;
            }
            table.entries.push(Entry {
                word,
                len: w.len(),
                bits,
            });
            table.slots[at] = u16::try_from(table.entries.len()).expect("fewer words than slots");
        }
        assert!(
            table.entries.len() < SLOTS / 4,
            "the class table is too full"
        );
        table
    });

    /// Every string a phrase's first token may be, in lowercase (ASCII
    /// letters), as a phrase grown from a sentence's tokens begins: its
    /// prefixes within its first word that end where a token can (at its
    /// end, or beside a character that is not alphanumeric: "u.s." of
    /// "u.s. dollars"), each also with a ’ for a '.
    fn first_tokens(phrase: &'static str, mut each: impl FnMut(&'static str)) {
        let run = phrase.split(char::is_whitespace).next().unwrap_or("");
        let mut chars = run.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            if next.is_some_and(|n| n.is_alphanumeric() && c.is_alphanumeric()) {
                continue;
            }
            let prefix = &run[..at + c.len_utf8()];
            // Copies made once, for the class table that lives as long.
            let prefix: &'static str = if prefix.bytes().any(|b| b.is_ascii_uppercase()) {
                Box::leak(prefix.to_ascii_lowercase().into_boxed_str())
            } else {
                prefix
            };
            if prefix.contains('\'') {
                each(Box::leak(prefix.replace('\'', "’").into_boxed_str()));
            }
            each(prefix);
        }
    }

    /// The classes of the word `low[start..end]`, in lowercase (ASCII
    /// letters); 0 for most.
    #[cfg(test)]
    pub fn of(low: &str, start: usize, end: usize) -> u16 {
        Classes::get().of(low, start, end)
    }

    /// The class table, looked up once for many words.
    #[derive(Clone, Copy)]
    pub struct Classes {
        table: &'static Table,
        /// `table`'s slots, one load nearer.
        slots: &'static [u16; SLOTS],
    }

    impl Classes {
        pub fn get() -> Self {
            let table: &'static Table = &TABLE;
            Classes {
                table,
                slots: &table.slots,
            }
        }

        /// [`of`](self::of). Words of up to eight bytes, most of them,
        /// are read in one load.
        #[inline]
        pub fn of(self, low: &str, start: usize, end: usize) -> u16 {
            let len = end.wrapping_sub(start);
            match low
                .as_bytes()
                .get(start..)
                .and_then(<[u8]>::first_chunk::<8>)
            {
                Some(chunk) if len.wrapping_sub(1) < 8 => {
                    let word = u64::from_le_bytes(*chunk) & (u64::MAX >> (64 - 8 * len));
                    let at = slot(word);
                    if self.slots[at] == 0 {
                        return 0;
                    }
                    find(self.table, (word, 0), len, at)
                }
                _ => of_long(self.table, low, start, end),
            }
        }
    }

    impl Classes {
        /// [`of`](self::of) of a word of `len` bytes given as its
        /// [`Letters`](crate::tokens::Letters), as the tokenizer hands them
        /// out: nothing more is read of the text.
        #[inline]
        pub fn of_letters(self, letters: crate::tokens::Letters, len: usize) -> u16 {
            let at = slot(letters.0);
            if self.slots[at] == 0 {
                return 0;
            }
            find(self.table, letters, len, at)
        }
    }

    /// [`Classes::of`] for a word of more than eight bytes or near the end
    /// of the text.
    #[inline(never)]
    fn of_long(table: &Table, low: &str, start: usize, end: usize) -> u16 {
        let len = end.wrapping_sub(start);
        // The 16 bytes from the word's start, cut to the word: no copy.
        let Some(chunk) = low
            .as_bytes()
            .get(start..)
            .and_then(<[u8]>::first_chunk::<16>)
            .filter(|_| len <= 16)
        else {
            return of_rest(table, low, start, end);
        };
        let (lo_mask, hi_mask) = MASKS[len];
        let (lo, hi) = chunk.split_at(8);
        let lo = u64::from_le_bytes(lo.try_into().unwrap_or_default()) & lo_mask;
        let at = slot(lo);
        if table.slots[at] == 0 {
            return 0;
        }
        let hi = u64::from_le_bytes(hi.try_into().unwrap_or_default()) & hi_mask;
        find(table, (lo, hi), len, at)
    }

    /// [`of`] for a word near the end of the text or longer than 16 bytes.
    #[cold]
    #[inline(never)]
    fn of_rest(table: &Table, low: &str, start: usize, end: usize) -> u16 {
        match low.as_bytes().get(start..end).and_then(pack) {
            Some(word) => find(table, word, end - start, slot(word.0)),
            None => table.long.get(&low[start..end]).copied().unwrap_or(0),
        }
    }

    /// The classes of `word`, looked for from slot `at` on.
    fn find(table: &Table, word: Packed, len: usize, mut at: usize) -> u16 {
        loop {
            let Some(e) = table.slots[at].checked_sub(1) else {
                return 0;
            };
            let e = &table.entries[usize::from(e)];
            if e.word == word && e.len == len {
                return e.bits;
            }
            at = (at + 1) % SLOTS;
        }
    }
}

/// A table of lowercase phrases that also knows which strings begin a
/// longer phrase of it: a lookup that grows a phrase word by word stops as
/// soon as nothing longer can match, instead of trying every length.
pub(crate) struct Phrases<V> {
    /// Phrase or proper prefix of one → (its value, a longer phrase begins
    /// with it); a [`ShortMap`](crate::gazetteer::ShortMap), as most are
    /// short: no hashing byte by byte, no `memcmp`.
    map: crate::gazetteer::ShortMap<(Option<V>, bool)>,
}

impl<V: Copy> Phrases<V> {
    /// `entries` must have distinct phrases.
    pub fn new(entries: impl IntoIterator<Item = (&'static str, V)>) -> Self {
        // Room for every phrase and prefix (a byte each at most): the map is
        // never regrown while filled.
        let entries: Vec<_> = entries.into_iter().collect();
        let mut map = crate::gazetteer::ShortMap::with_capacity(
            entries.iter().map(|(phrase, _)| phrase.len()).sum(),
        );
        for (phrase, value) in entries {
            map.get_or_insert(phrase, || (None, false)).0 = Some(value);
            for (at, _) in phrase.char_indices().skip(1) {
                map.get_or_insert(&phrase[..at], || (None, false)).1 = true;
            }
        }
        Phrases { map }
    }

    /// The value of `phrase`, and whether a longer phrase begins with it
    /// (as a string: a phrase grown by one token extends its string).
    #[inline]
    pub fn get(&self, phrase: &str) -> (Option<V>, bool) {
        self.map.get(phrase).copied().unwrap_or((None, false))
    }
}

/// [`Sentence::low_phrase`] of tokens `i..=j`, for a phrase grown a token
/// at a time (`j` = `i`, `i + 1`, …): a plain slice of the lowercased text,
/// without a scan for what to tidy, while the tokens are ASCII with single
/// spaces or nothing between them; `plain` (true at first) keeps track.
pub(crate) fn grown_phrase<'t>(
    s: &Sentence<'t>,
    i: usize,
    j: usize,
    plain: &mut bool,
) -> std::borrow::Cow<'t, str> {
    let lower = s.lower.as_bytes();
    let t = s.tokens[j];
    *plain = *plain
        && lower[t.start..t.end].is_ascii()
        && (j == i || {
            let gap = s.tokens[j - 1].end;
            t.start == gap || (t.start == gap + 1 && lower[gap] == b' ')
        });
    if *plain {
        std::borrow::Cow::Borrowed(&s.lower[s.tokens[i].start..t.end])
    } else {
        s.low_phrase(i, j + 1)
    }
}

/// Holiday names and aliases by [`Phrases`], and whether no month's name
/// or abbreviation is a holiday's name by itself.
static HOLIDAYS: std::sync::LazyLock<(Phrases<usize>, bool)> = std::sync::LazyLock::new(|| {
    let phrases = Phrases::new(
        GAZETTEER
            .holidays
            .iter()
            .map(|(phrase, &h)| (phrase.as_str(), h)),
    );
    let no_month = GAZETTEER.months.keys().all(|m| phrases.get(m).0.is_none());
    (phrases, no_month)
});

/// The time units, singular; [`unit`] matches them.
#[cfg(test)]
const UNITS: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "weekend",
    "fortnight",
    "month",
    "quarter",
    "year",
    "decade",
    "century",
    "season",
];
fn season(word: &[u8]) -> bool {
    matches!(
        word,
        b"spring" | b"summer" | b"autumn" | b"fall" | b"winter"
    )
}

fn part_of_day(word: &[u8]) -> bool {
    matches!(
        word,
        b"morning" | b"afternoon" | b"evening" | b"night" | b"lunchtime" | b"overnight"
    )
}

const DECK: &[&str] = &["last", "this", "next", "coming", "past"];

/// `word` is a time unit, singular or plural ("years", "centuries").
fn unit(word: &[u8]) -> Option<&'static str> {
    let singular = if word == b"centuries" {
        b"century"
    } else {
        word.strip_suffix(b"s").unwrap_or(word)
    };
    // A match (by length, then bytes) instead of a walk through [`UNITS`];
    // a test keeps the two the same.
    Some(match singular {
        b"second" => "second",
        b"minute" => "minute",
        b"hour" => "hour",
        b"day" => "day",
        b"week" => "week",
        b"weekend" => "weekend",
        b"fortnight" => "fortnight",
        b"month" => "month",
        b"quarter" => "quarter",
        b"year" => "year",
        b"decade" => "decade",
        b"century" => "century",
        b"season" => "season",
        _ => return None,
    })
}

/// A small number written as a word or digits ("five", "5", "a").
pub(crate) fn small_number(word: &[u8]) -> Option<f64> {
    match word {
        b"a" | b"an" => Some(1.0),
        b"dozen" | b"hundred" => None,
        _ if word.iter().all(u8::is_ascii_digit) => super::amounts::decimal(word),
        _ => super::amounts::number_word_bytes(word),
    }
}

#[inline]
fn month(s: &Sentence, i: usize) -> Option<i8> {
    let t = s.tokens.get(i)?;
    if !s.has(i, class::MONTH) || !t.is_capitalised(s.text) {
        return None;
    }
    CALENDAR.0.number(s.low_bytes(i), &GAZETTEER.months)
}

#[inline]
fn weekday(s: &Sentence, i: usize) -> Option<i8> {
    let t = s.tokens.get(i)?;
    if !s.has(i, class::WEEKDAY) || !t.is_capitalised(s.text) {
        return None;
    }
    CALENDAR.1.number(s.low_bytes(i), &GAZETTEER.weekdays)
}

/// The months' and the weekdays' [`ByPrefix`] tables.
static CALENDAR: std::sync::LazyLock<(ByPrefix, ByPrefix)> = std::sync::LazyLock::new(|| {
    (
        ByPrefix::new(&GAZETTEER.months),
        ByPrefix::new(&GAZETTEER.weekdays),
    )
});

/// The numbers of calendar names (months, weekdays) by their first three
/// bytes, which tell every name apart ("jan", "tue"): a word known by its
/// class to be a name is looked up in one slot of a small table instead
/// of hashed.
struct ByPrefix {
    /// Slot → (first three bytes, number); a zero prefix is an empty slot.
    slots: [(u32, i8); 64],
    /// The multiplier that spreads the prefixes over the slots, each to
    /// its own.
    spread: u32,
    /// The prefixes and slots tell every name apart; if not, the map is
    /// asked instead.
    exact: bool,
}

impl ByPrefix {
    fn new(map: &rustc_hash::FxHashMap<String, i8>) -> Self {
        let mut numbers: Vec<(u32, i8)> = Vec::new();
        let mut exact = true;
        for (name, &n) in map {
            let p = prefix3(name.as_bytes());
            match numbers.iter().find(|e| e.0 == p) {
                Some(e) => exact &= e.1 == n,
                None => numbers.push((p, n)),
            }
        }
        exact &= !numbers.iter().any(|e| e.0 == 0);
        // A multiplier under which no two prefixes share a slot.
        for spread in (1..10_000u32).map(|k| k.wrapping_mul(0x9E37_79B1) | 1) {
            let mut slots = [(0, 0); 64];
            if numbers.iter().all(|&(p, n)| {
                let slot = &mut slots[slot(p, spread)];
                let free = slot.0 == 0;
                *slot = (p, n);
                free
            }) {
                return ByPrefix {
                    slots,
                    spread,
                    exact,
                };
            }
        }
        ByPrefix {
            slots: [(0, 0); 64],
            spread: 1,
            exact: false,
        }
    }

    /// The number of `word` (lowercase), a key of `map` (the one this was
    /// made from).
    #[inline]
    fn number(&self, word: &[u8], map: &rustc_hash::FxHashMap<String, i8>) -> Option<i8> {
        if !self.exact {
            return map.get(std::str::from_utf8(word).ok()?).copied();
        }
        let p = prefix3(word);
        let (q, n) = self.slots[slot(p, self.spread)];
        (q == p).then_some(n)
    }
}

/// The slot of prefix `p` in a [`ByPrefix`] table.
#[inline]
fn slot(p: u32, spread: u32) -> usize {
    (p.wrapping_mul(spread) >> 26) as usize
}

/// Up to the first three bytes of `word`, zero past its end.
#[inline]
fn prefix3(word: &[u8]) -> u32 {
    let byte = |k: usize| u32::from(word.get(k).copied().unwrap_or(0));
    byte(0) | byte(1) << 8 | byte(2) << 16
}

/// A day of the month at `i` ("7", "7th"): (day, next index).
fn day(s: &Sentence, i: usize) -> Option<(i8, usize)> {
    let t = s.tokens.get(i)?;
    if t.kind != TokenKind::Number {
        return None;
    }
    let d = digits(s.word_bytes(i))?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let d = i8::try_from(d).ok()?;
    let mut next = i + 1;
    if s.tokens.get(next).is_some_and(|n| !n.space_before)
        && matches!(s.low_word_bytes(next), b"st" | b"nd" | b"rd" | b"th")
    {
        next += 1;
    }
    // "7.5" or "7,000" are not days; neither is "7-1".
    if s.tokens.get(next).is_some_and(|n| n.hyphen_before) {
        return None;
    }
    Some((d, next))
}

fn year(s: &Sentence, i: usize) -> Option<i16> {
    let t = s.tokens.get(i)?;
    let w = s.word_bytes(i);
    if t.kind != TokenKind::Number || w.len() != 4 {
        return None;
    }
    let y = i16::try_from(digits(w)?).ok()?;
    (1000..=2199).contains(&y).then_some(y)
}

/// The value of `w` if it is all ASCII digits (as a number token without
/// a dot, comma or colon is), as parsing it would give; `u32::MAX` for
/// any value above that. A loop over a few bytes, not a parser.
#[inline]
fn digits(w: &[u8]) -> Option<u32> {
    if w.is_empty() {
        return None;
    }
    let mut v: u32 = 0;
    for &b in w {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v.saturating_mul(10).saturating_add(u32::from(b - b'0'));
    }
    Some(v)
}

/// Skips a comma at `i`, if there is one.
fn comma(s: &Sentence, i: usize) -> usize {
    if s.tokens.get(i).is_some_and(|t| t.is_punct(s.text, ',')) {
        i + 1
    } else {
        i
    }
}

/// Skips the dot after an abbreviated month or weekday ("Jan.").
fn dot(s: &Sentence, i: usize) -> usize {
    if s.tokens
        .get(i)
        .is_some_and(|t| t.is_punct(s.text, '.') && !t.space_before)
    {
        i + 1
    } else {
        i
    }
}

struct Hit {
    from: usize,
    to: usize,
    category: Category,
    resolved: Option<String>,
    key: Option<String>,
}

/// Finds times in `s`, claims their tokens and appends them to `out`.
pub(crate) fn scan(s: &mut Sentence, date: Option<Date>, out: &mut Vec<Found>) {
    let mut from = 0;
    // The sentence's starts (numbers and words of a start class; the
    // tokens before numbers and the signs begin no time, and
    // [`may_start`] rules them out at once).
    let mut at = 0;
    while let Some(&i) = s.starts.get(at) {
        at += 1;
        if i < from || s.used[i] || !may_start(s, i) {
            continue;
        }
        from = i + 1;
        let Some(hit) = find_at(s, i, date) else {
            continue;
        };
        if s.used[hit.from..hit.to].iter().any(|&u| u) {
            continue;
        }
        let (start, end) = (s.tokens[hit.from].start, s.tokens[hit.to - 1].end);
        let key = match hit.key {
            Some(key) => key,
            None => text_key(s, hit.from, hit.to, start, end),
        };
        // Every field given: no `Found::new` whose default detail would be
        // dropped when replaced.
        out.push(Found {
            start,
            end,
            sentence: None,
            kind: Kind::When,
            category: hit.category,
            key: Key::Text("when", key),
            canonical: std::borrow::Cow::Borrowed(""),
            // Made when the entity is: most mentions repeat one.
            canonical_from_text: Some(canonical),
            detail: hit.resolved.map_or(Detail::None, Detail::Resolved),
            acts: false,
        });
        s.used[hit.from..hit.to].fill(true);
        from = hit.to;
    }
}

/// The key of a time without one of its own: its text (bytes
/// `start..end`, tokens `from..to`) squeezed and lowercased.
fn text_key(s: &Sentence, from: usize, to: usize, start: usize, end: usize) -> String {
    let lower = &s.lower.as_bytes()[start..end];
    // ASCII with single spaces between tokens, or none: what squeezing
    // would leave as it is (tokens hold no whitespace), found from the
    // gaps between the tokens instead of by looking for runs of
    // whitespace.
    let plain = lower.is_ascii()
        && s.tokens[from..to].windows(2).all(|w| {
            let gap = w[1].start - w[0].end;
            gap == 0 || (gap == 1 && lower[w[0].end - start] == b' ')
        });
    if plain {
        // What squeezing and lowercasing would give.
        return s.lower[start..end].to_owned();
    }
    let mut key = crate::tokens::squeeze(&s.text[start..end]);
    if key.is_ascii() {
        key.make_ascii_lowercase();
        key
    } else {
        key.to_lowercase()
    }
}

/// Words that can begin a time expression besides months, weekdays and
/// holidays; everything else is skipped with one lookup.
pub(crate) const TRIGGERS: &[&str] = &[
    "last",
    "this",
    "next",
    "coming",
    "yesterday",
    "tomorrow",
    "tonight",
    "earlier",
    "later",
    "noon",
    "midnight",
    "midday",
    "few",
    "several",
];

/// Token `i` can begin a time: a number, a trigger word, a month, a
/// weekday or the first word of a holiday.
fn may_start(s: &Sentence, i: usize) -> bool {
    if s.tokens[i].kind == TokenKind::Number {
        return true;
    }
    // Only words have classes; most have none of these.
    let c = s.class(i);
    if c & class::THE != 0 {
        // The commonest words start a time only before a few others.
        s.tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
            || {
                let next = s.low_bytes(i + 1);
                is_period_deck(next)
                    || matches!(
                        next,
                        b"second"
                            | b"latter"
                            | b"end"
                            | b"start"
                            | b"beginning"
                            | b"middle"
                            | b"early"
                            | b"late"
                            | b"mid"
                    )
            }
    } else if c & class::A_AN != 0 {
        unit(s.low_bytes(i + 1)).is_some()
    } else {
        c & (class::TIME_WORD | class::NUMBER_WORD) != 0
    }
}

/// "This weekend" at a sentence start is "this weekend".
fn canonical(text: &str) -> String {
    let t = crate::tokens::squeeze(text);
    let mut words = t.splitn(2, ' ');
    let first = words.next().unwrap_or("");
    let lower_first = [
        "This",
        "Last",
        "Next",
        "The",
        "Over",
        "Earlier",
        "Later",
        "Yesterday",
        "Tomorrow",
        "Tonight",
        "Past",
        "Coming",
    ];
    if lower_first.contains(&first) {
        let mut out = first.to_lowercase();
        if let Some(rest) = words.next() {
            out.push(' ');
            out.push_str(rest);
        }
        out
    } else {
        t
    }
}

fn hit(from: usize, to: usize, category: Category) -> Hit {
    Hit {
        from,
        to,
        category,
        resolved: None,
        key: None,
    }
}

fn find_at(s: &Sentence, i: usize, date: Option<Date>) -> Option<Hit> {
    // The finders in their order, each called only for tokens of the kind
    // or class it can match: a number can only begin a date, a clock time,
    // "two weeks ago", "for three years" or a year; a word without a class
    // bit of the finder begins nothing it finds.
    if s.tokens[i].kind == TokenKind::Number {
        return number_at(s, i, date);
    }
    let c = s.class(i);
    let has = |bits: u16| c & bits != 0;
    // Number words and "a"/"an" are the small numbers of "two weeks ago"
    // and "for three years".
    let small = class::A_AN | class::NUMBER_WORD;
    if has(class::HOLIDAY_FIRST)
        && let Some(h) = holiday(s, i, date)
    {
        return Some(h);
    }
    if has(class::WEEKDAY | class::MONTH)
        && let Some(h) = weekday_or_date(s, i, date)
    {
        return Some(h);
    }
    if has(class::TIME_WORD)
        && let Some(h) = clock(s, i)
    {
        return Some(h);
    }
    if has(class::TIME_WORD | small)
        && may_be_relative(s, i)
        && let Some(h) = relative(s, i, date)
    {
        return Some(h);
    }
    if has(class::THE | small)
        && let Some(h) = period(s, i)
    {
        return Some(h);
    }
    if has(class::THE) {
        return decade_or_year(s, i);
    }
    None
}

/// [`find_at`] at a number: each finder is called only when the tokens
/// around it can make what it finds.
fn number_at(s: &Sentence, i: usize, date: Option<Date>) -> Option<Hit> {
    let joined = |k: usize| s.tokens.get(k).is_some_and(|t| t.hyphen_before);
    // A month one or two tokens on, or an ISO date's hyphens.
    let may_date = s.has(i + 1, class::MONTH)
        || s.has(i + 2, class::MONTH)
        || (joined(i + 1) && joined(i + 2));
    if may_date && let Some(h) = calendar_date(s, i, date) {
        return Some(h);
    }
    // A clock time has a colon or a word of an "am" or "p.m." shape after
    // it: most numbers are ruled out by that shape before the call (which
    // then checks the words themselves).
    let w = s.word_bytes(i);
    let lower = s.lower.as_bytes();
    let suffix_like = s.tokens.get(i + 1).is_some_and(|t| {
        t.is_word() && (2..=4).contains(&(t.end - t.start)) && matches!(lower[t.start], b'a' | b'p')
    });
    if (suffix_like || w.contains(&b':'))
        && let Some(h) = clock(s, i)
    {
        return Some(h);
    }
    if s.is(i + 2, "ago")
        && let Some(h) = relative(s, i, date)
    {
        return Some(h);
    }
    // A period needs a preposition before the number; a year four digits.
    if i > 0
        && s.tokens[i - 1].is_word()
        && let Some(h) = period(s, i)
    {
        return Some(h);
    }
    if w.len() == 4 {
        return decade_or_year(s, i);
    }
    None
}

fn holiday(s: &Sentence, i: usize, date: Option<Date>) -> Option<Hit> {
    let g = &*GAZETTEER;
    if !s.has(i, class::HOLIDAY_FIRST) {
        return None;
    }
    let (holidays, no_month) = &*HOLIDAYS;
    // Before a number, a mark or nothing only the word itself could be a
    // holiday: never when lowercase (below), nor a month ("April 1").
    if s.tokens
        .get(i + 1)
        .is_none_or(|t| matches!(t.kind, TokenKind::Punct | TokenKind::Number))
        && ((*no_month && s.has(i, class::MONTH)) || !s.tokens[i].is_capitalised(s.text))
    {
        return None;
    }
    // Longest match first; multi-word names may be in any case, one-word
    // names must be capitalised ("Easter", not "easter" the adjective).
    let mut best = None;
    let mut j = i;
    let mut plain = true;
    while j < s.tokens.len() && j - i < g.max_holiday_words + 2 {
        let t = s.tokens[j];
        // No holiday's name holds a digit (a test checks): a number ends
        // the phrase without a lookup ("April 1").
        if matches!(t.kind, TokenKind::Punct | TokenKind::Number) {
            break;
        }
        let (holiday, longer) = holidays.get(grown_phrase(s, i, j, &mut plain).as_ref());
        if let Some(h) = holiday
            && (j > i || s.tokens[i].is_capitalised(s.text))
        {
            best = Some((j + 1, h));
        }
        if !longer {
            break;
        }
        j += 1;
    }
    let (to, h) = best?;
    // "Christmas Island", "Easter Road": a capitalised word after it makes
    // the holiday part of another name.
    if s.tokens
        .get(to)
        .is_some_and(|t| t.is_word() && t.is_capitalised(s.text))
    {
        return None;
    }
    // "Victory day parade": the holiday, not the parade.
    let mut out = hit(i, to, Category::Holiday);
    let holiday = &g.holiday_list[h];
    out.key = Some(format!("holiday:{}", holiday.name));
    if let (Some((m, d)), Some(date)) = (holiday.date, date) {
        out.resolved = Date::new(date.year(), m, d).ok().map(|d| d.to_string());
    }
    Some(out)
}

fn weekday_or_date(s: &Sentence, i: usize, date: Option<Date>) -> Option<Hit> {
    // Weekday, then maybe a date: "Tue, March 22, 2016", "Wednesday night".
    // The class first: most tokens here are no weekday.
    if s.has(i, class::WEEKDAY)
        && let Some(wd) = weekday(s, i)
    {
        let name = s.word_bytes(i);
        let abbreviated = name.len() <= 5 && !name.ends_with(b"day");
        let after = comma(s, dot(s, i + 1));
        if let Some(mut d) = calendar_date(s, after, date) {
            d.from = i;
            return Some(d);
        }
        if abbreviated {
            return None;
        }
        let mut to = i + 1;
        if part_of_day(s.low_word_bytes(to)) {
            to += 1;
        }
        let mut h = hit(i, to, Category::Weekday);
        if let Some(date) = date {
            let day = if future(s, i) {
                next_weekday(date, wd)
            } else {
                previous_weekday(date, wd)
            };
            h.resolved = Some(day.to_string());
        }
        return Some(h);
    }
    calendar_date(s, i, date)
}

/// Words before token `i` of its sentence that put it in the future:
/// "talks will resume on Monday", "rain is forecast to ease on Wednesday",
/// "next Friday".
fn future(s: &Sentence, i: usize) -> bool {
    const MARKERS: &[&str] = &[
        "will",
        "shall",
        "'ll",
        "’ll",
        "won't",
        "won’t",
        "expected",
        "forecast",
        "scheduled",
        "planned",
        "plans",
        "plan",
        "upcoming",
        "next",
        "coming",
    ];
    (0..i).any(|k| MARKERS.contains(&s.low(k)))
}

/// The first `wd` after `date`.
fn next_weekday(date: Date, wd: i8) -> Date {
    let target = Weekday::from_monday_zero_offset(wd).unwrap_or(Weekday::Monday);
    let mut d = date.tomorrow().unwrap_or(date);
    for _ in 0..7 {
        if d.weekday() == target {
            return d;
        }
        d = d.tomorrow().unwrap_or(d);
    }
    d
}

fn previous_weekday(date: Date, wd: i8) -> Date {
    let target = Weekday::from_monday_zero_offset(wd).unwrap_or(Weekday::Monday);
    let mut d = date;
    for _ in 0..7 {
        if d.weekday() == target {
            return d;
        }
        d = d.yesterday().unwrap_or(d);
    }
    d
}

/// Appends `n` (below 100) in two decimal digits, padded with a zero: two
/// pushes of ASCII characters, no formatting or UTF-8 check.
#[inline]
fn push_two_digits(out: &mut String, n: u8) {
    out.push(char::from(b'0' + n / 10 % 10));
    out.push(char::from(b'0' + n % 10));
}

/// Appends the date "YYYY-MM-DD" to `out`, `y` in four digits (below
/// 10 000).
fn push_iso_date(out: &mut String, y: u16, m: u8, d: u8) {
    push_year(out, y);
    out.push('-');
    push_two_digits(out, m);
    out.push('-');
    push_two_digits(out, d);
}

/// Appends `y` (below 10 000) in four digits.
#[allow(clippy::cast_possible_truncation)] // each part below 100
fn push_year(out: &mut String, y: u16) {
    push_two_digits(out, (y / 100 % 100) as u8);
    push_two_digits(out, (y % 100) as u8);
}

/// "April 7", "April 7th, 2016", "Nov. 6", "7 April 1931", "April 2016",
/// "2016-03-22", and a month alone after "in"/"since"/… ("in March").
fn calendar_date(s: &Sentence, i: usize, date: Option<Date>) -> Option<Hit> {
    // Every date begins with a month or a number.
    if !s.has(i, class::MONTH) && !s.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Number) {
        return None;
    }
    let resolve = |m: i8, d: Option<i8>, y: Option<i16>| -> (Option<String>, String) {
        // Put together a digit at a time: `format!` and jiff's
        // `Display` cost more than the rest of finding a date. Months and
        // days are in range; a year given is four digits ([`year`]).
        let (mm, dd) = (m.unsigned_abs(), d.unwrap_or(0).unsigned_abs());
        let given = y.and_then(|y| u16::try_from(y).ok()).filter(|y| *y <= 9999);
        let mut key = String::with_capacity("date:YYYY-MM-DD".len());
        key.push_str("date:");
        if let Some(y) = given {
            push_iso_date(&mut key, y, mm, dd);
        } else {
            key.push('-');
            push_two_digits(&mut key, mm);
            key.push('-');
            push_two_digits(&mut key, dd);
        }
        let year = y.or(date.map(Date::year));
        let resolved = match (year, d) {
            (Some(y), Some(d)) => Date::new(y, m, d).ok().map(|date| {
                match u16::try_from(y).ok().filter(|y| *y <= 9999) {
                    // The key after "date:" when the year is given.
                    Some(_) if given.is_some() => key["date:".len()..].to_owned(),
                    Some(y) => {
                        let mut out = String::with_capacity("YYYY-MM-DD".len());
                        push_iso_date(&mut out, y, mm, dd);
                        out
                    }
                    None => date.to_string(),
                }
            }),
            (Some(y), None) if y >= 1000 => {
                // Four digits, as `{y}` writes them: a year is below
                // 10 000 (jiff's range, or [`year`]'s).
                let mut out = String::with_capacity("YYYY-MM".len());
                push_year(&mut out, y.unsigned_abs());
                out.push('-');
                push_two_digits(&mut out, mm);
                Some(out)
            }
            (Some(y), None) if y > 0 => Some(format!("{y}-{m:02}")),
            _ => None,
        };
        (resolved, key)
    };
    let finish = |from: usize, to: usize, m: i8, d: Option<i8>, y: Option<i16>| {
        let mut h = hit(from, to, Category::Date);
        let (resolved, key) = resolve(m, d, y);
        h.resolved = resolved;
        h.key = Some(key);
        Some(h)
    };
    if s.has(i, class::MONTH)
        && let Some(m) = month(s, i)
    {
        let name = s.word_bytes(i);
        let full = name.len() > 3 || name == b"May";
        let after = dot(s, i + 1);
        if after > i + 1 && full && !name.eq_ignore_ascii_case(b"sept") {
            return None; // "May." ends a sentence; only abbreviations take dots
        }
        if let Some((d, next)) = day(s, after) {
            let y_at = comma(s, next);
            if let Some(y) = year(s, y_at) {
                return finish(i, y_at + 1, m, Some(d), Some(y));
            }
            return finish(i, next, m, Some(d), None);
        }
        if let Some(y) = year(s, after) {
            return finish(i, after + 1, m, None, Some(y));
        }
        let lead = i > 0
            && matches!(
                s.low_word_bytes(i - 1),
                b"in"
                    | b"since"
                    | b"until"
                    | b"till"
                    | b"by"
                    | b"from"
                    | b"during"
                    | b"early"
                    | b"late"
                    | b"mid"
                    | b"last"
                    | b"next"
                    | b"this"
                    | b"of"
                    | b"before"
                    | b"after"
                    | b"through"
            );
        if lead && full && name != b"May" {
            return finish(i, i + 1, m, None, None);
        }
        return None;
    }
    // "7 April 1931", "3rd May"
    // A month one or two tokens on ("7 April", "3rd May") is asked first:
    // most numbers have none.
    if (s.has(i + 1, class::MONTH) || s.has(i + 2, class::MONTH))
        && let Some((d, next)) = day(s, i)
        && let Some(m) = month(s, next)
    {
        let after = dot(s, next + 1);
        if let Some(y) = year(s, after) {
            return finish(i, after + 1, m, Some(d), Some(y));
        }
        return finish(i, after, m, Some(d), None);
    }
    // ISO "2016-03-22"
    if s.tokens
        .get(i + 2)
        .is_some_and(|t| t.hyphen_before && t.kind == TokenKind::Number)
        && s.tokens
            .get(i + 1)
            .is_some_and(|t| t.hyphen_before && t.kind == TokenKind::Number)
        && let Some(y) = year(s, i)
    {
        let m = digits(s.word_bytes(i + 1))?;
        let d = digits(s.word_bytes(i + 2))?;
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            let (m, d) = (i8::try_from(m).ok()?, i8::try_from(d).ok()?);
            return finish(i, i + 3, m, Some(d), Some(y));
        }
    }
    None
}

/// "6.10am", "11 a.m.", "00:48", "11am local time", "noon".
fn clock(s: &Sentence, i: usize) -> Option<Hit> {
    let t = s.tokens[i];
    let suffix = |j: usize| {
        matches!(
            s.low_word_bytes(j),
            b"am" | b"pm" | b"a.m." | b"p.m." | b"a.m" | b"p.m"
        )
    };
    let tail = |mut j: usize| {
        if s.is(j, "local") && s.is(j + 1, "time") {
            j += 2;
        } else if matches!(
            s.low_word_bytes(j),
            b"gmt"
                | b"utc"
                | b"bst"
                | b"cet"
                | b"est"
                | b"edt"
                | b"pst"
                | b"pdt"
                | b"aest"
                | b"aedt"
        ) {
            j += 1;
        }
        j
    };
    if t.kind == TokenKind::Number {
        let w = s.word_bytes(i);
        // Only a colon or a suffix makes a clock time of a number: most
        // numbers are ruled out before any parsing.
        let colon = w.contains(&b':');
        let suffixed = suffix(i + 1);
        if !colon && !suffixed {
            return None;
        }
        // Split at a byte: a char-set pattern costs more than the split.
        // (Digits past a u32 read as `u32::MAX`: too many hours, as a
        // parse failing would rule them out.)
        let (hours, minutes) = match w.iter().position(|&b| b == b'.' || b == b':') {
            Some(at) => (digits(&w[..at])?, Some(&w[at + 1..])),
            None => (digits(w)?, None),
        };
        if minutes.is_some_and(|m| m.len() != 2 || digits(m).is_none_or(|m| m > 59)) {
            return None;
        }
        if suffixed && (1..=12).contains(&hours) {
            return Some(hit(i, tail(i + 2), Category::Time));
        }
        // 24-hour "00:48" with a colon.
        if colon && hours <= 24 && !s.tokens.get(i + 1).is_some_and(|n| n.hyphen_before) {
            return Some(hit(i, tail(i + 1), Category::Time));
        }
        return None;
    }
    if matches!(s.low_word_bytes(i), b"noon" | b"midnight" | b"midday")
        && i > 0
        && matches!(
            s.low_word_bytes(i - 1),
            b"at"
                | b"by"
                | b"before"
                | b"after"
                | b"until"
                | b"around"
                | b"about"
                | b"past"
                | b"since"
        )
    {
        return Some(hit(i, i + 1, Category::Time));
    }
    None
}

/// Word `i` may begin what [`relative`] finds: "ago" two tokens on, or
/// one of its first words ("yesterday", "last", "earlier", …), told
/// apart from most other words by first letter and length before the
/// call.
#[inline]
fn may_be_relative(s: &Sentence, i: usize) -> bool {
    let w = s.low_bytes(i);
    (matches!(w.first(), Some(b'y' | b't' | b'l' | b'n' | b'c' | b'e'))
        && (4..=9).contains(&w.len()))
        || s.is(i + 2, "ago")
}

fn relative(s: &Sentence, i: usize, date: Option<Date>) -> Option<Hit> {
    let w = s.low_bytes(i);
    let mut h = match w {
        b"yesterday" | b"tomorrow" | b"tonight" => {
            let mut to = i + 1;
            if w != b"tonight" && part_of_day(s.low_word_bytes(to)) {
                to += 1;
            }
            hit(i, to, Category::Relative)
        }
        b"last" | b"this" | b"next" | b"coming" if i == 0 || !s.is(i - 1, "the") => {
            let target = s.word_bytes(i + 1);
            let ok = unit(target).is_some_and(|u| !target.ends_with(b"s") || u == "weekend")
                || season(s.low_word_bytes(i + 1))
                || part_of_day(s.low_word_bytes(i + 1))
                || (weekday(s, i + 1).is_some() && w != b"coming")
                || (month(s, i + 1).is_some() && s.word_bytes(i + 1) != b"May");
            if !ok
                || (w == b"coming"
                    && !matches!(
                        s.low_word_bytes(i + 1),
                        b"week" | b"weekend" | b"month" | b"year"
                    ))
            {
                return None;
            }
            if w == b"this"
                && matches!(
                    s.low_word_bytes(i + 1),
                    b"season" | b"day" | b"hour" | b"minute" | b"second" | b"quarter"
                )
            {
                return None;
            }
            hit(i, i + 2, Category::Relative)
        }
        b"earlier" | b"later" if DECK.iter().any(|d| s.is(i + 1, d)) => {
            unit(s.word_bytes(i + 2))?;
            hit(i, i + 3, Category::Relative)
        }
        _ => {
            // "two weeks ago", "a year ago" (the "ago" asked first: it is
            // the cheapest test, and the rarest).
            if !s.is(i + 2, "ago") {
                return None;
            }
            small_number(s.low_bytes(i))?;
            if s.tokens[i].kind == TokenKind::Word && !s.tokens[i].space_before && i > 0 {
                return None;
            }
            let u = unit(s.low_bytes(i + 1))?;
            if !s.is(i + 2, "ago") || u == "season" {
                return None;
            }
            hit(i, i + 3, Category::Relative)
        }
    };
    if let Some(date) = date {
        h.resolved = resolve_relative(s, h.from, h.to, date);
    }
    Some(h)
}

fn resolve_relative(s: &Sentence, from: usize, to: usize, date: Date) -> Option<String> {
    let first = s.low_bytes(from);
    let second = s.low_bytes(from + 1);
    let shift = |n: i64| -> Option<i16> { Some((i64::from(date.year()) + n) as i16) };
    match (first, second) {
        (b"yesterday", _) => date.yesterday().ok().map(|d| d.to_string()),
        (b"tomorrow", _) => date.tomorrow().ok().map(|d| d.to_string()),
        (b"tonight", _) => Some(date.to_string()),
        (b"last", b"year") => shift(-1).map(|y| y.to_string()),
        (b"this", b"year") => Some(date.year().to_string()),
        (b"next", b"year") => shift(1).map(|y| y.to_string()),
        (b"last", b"month") => date
            .checked_sub(1.month())
            .ok()
            .map(|d| format!("{}-{:02}", d.year(), d.month())),
        (b"this", b"month") => Some(format!("{}-{:02}", date.year(), date.month())),
        (b"next", b"month") => date
            .checked_add(1.month())
            .ok()
            .map(|d| format!("{}-{:02}", d.year(), d.month())),
        (b"this" | b"coming", b"weekend") => {
            let sat = (0..7)
                .filter_map(|n| date.checked_add(n.days()).ok())
                .find(|d| d.weekday() == Weekday::Saturday)?;
            Some(format!("{sat}/{}", sat.tomorrow().ok()?))
        }
        (b"last", b"weekend") => {
            let sat = (1..8)
                .filter_map(|n| date.checked_sub(n.days()).ok())
                .find(|d| d.weekday() == Weekday::Saturday)?;
            Some(format!("{sat}/{}", sat.tomorrow().ok()?))
        }
        _ if to == from + 3 && s.is(from + 2, "ago") => {
            let n = small_number(s.low_bytes(from))? as i64;
            let u = unit(s.low_bytes(from + 1))?;
            let back = match u {
                "day" => date.checked_sub(n.days()),
                "week" => date.checked_sub((7 * n).days()),
                "month" => date.checked_sub(n.months()),
                "year" => date.checked_sub(n.years()),
                _ => return None,
            };
            back.ok().map(|d| d.to_string())
        }
        _ => None,
    }
}

/// "the past decade", "the past five years", "the coming weeks",
/// "for three years".
fn period(s: &Sentence, i: usize) -> Option<Hit> {
    if s.has(i, class::THE) {
        return period_after_the(s, i);
    }
    // Not "the": a small number after a preposition of duration, if any
    // (the preposition asked first: it is cheaper, and rarer).
    let lead = i > 0
        && matches!(
            s.low_word_bytes(i - 1),
            b"for"
                | b"over"
                | b"within"
                | b"throughout"
                | b"than"
                | b"nearly"
                | b"almost"
                | b"about"
                | b"around"
        );
    if !lead {
        return None;
    }
    let n = small_number(s.low_bytes(i))?;
    if s.is(i - 1, "than")
        && !(i >= 2 && matches!(s.low_word_bytes(i - 2), b"more" | b"less" | b"fewer"))
    {
        return None;
    }
    // "more than three decades": the hedge is part of the period.
    let from = if s.is(i - 1, "than") { i - 2 } else { i };
    if matches!(s.low_word_bytes(i), b"a" | b"an") || n < 1.0 {
        return None;
    }
    let u = unit(s.low_bytes(i + 1))?;
    if u == "season" || !s.word_bytes(i + 1).ends_with(b"s") {
        return None;
    }
    Some(hit(from, i + 2, Category::Period))
}

/// The words after "the" that begin a period ("the past five years",
/// "the last decade").
fn is_period_deck(w: &[u8]) -> bool {
    matches!(
        w,
        b"past" | b"last" | b"next" | b"coming" | b"previous" | b"following" | b"first" | b"final"
    )
}

/// [`period`] at "the".
fn period_after_the(s: &Sentence, i: usize) -> Option<Hit> {
    if s.is(i, "the") && is_period_deck(s.low_word_bytes(i + 1)) {
        let mut j = i + 2;
        if matches!(s.low_word_bytes(j), b"few" | b"several")
            || (small_number(s.low_bytes(j)).is_some()
                && !matches!(s.low_word_bytes(j), b"a" | b"an"))
        {
            j += 1;
        } else if s.is(j, "couple") && s.is(j + 1, "of") {
            j += 2;
        }
        unit(s.low_bytes(j))?;
        // "the last day of …" is a point, not a period; keep it anyway as a
        // period only when a preposition of duration leads in.
        let duration = i > 0
            && matches!(
                s.low_word_bytes(i - 1),
                b"over" | b"during" | b"for" | b"in" | b"within" | b"throughout"
            );
        if !duration
            && !s.word_bytes(j).ends_with(b"s")
            && !matches!(
                s.low_word_bytes(j),
                b"decade" | b"century" | b"year" | b"month" | b"week"
            )
        {
            return None;
        }
        return Some(hit(i, j + 1, Category::Period));
    }
    // "the second half of 2026", "the end of March", "early 2026"
    if s.is(i, "the")
        && matches!(
            s.low_word_bytes(i + 1),
            b"first" | b"second" | b"latter" | b"end" | b"start" | b"beginning" | b"middle"
        )
    {
        let mut j = i + 2;
        if s.is(j - 1, "first") || s.is(j - 1, "second") || s.is(j - 1, "latter") {
            if !matches!(s.low_word_bytes(j), b"half" | b"quarter") {
                return None;
            }
            j += 1;
        }
        if s.is(j, "of") && (year(s, j + 1).is_some() || month(s, j + 1).is_some()) {
            let to = if month(s, j + 1).is_some() && year(s, j + 2).is_some() {
                j + 3
            } else {
                j + 2
            };
            return Some(hit(i, to, Category::Period));
        }
        return None;
    }
    // "the 78th minute"
    if s.is(i, "the")
        && s.tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
        && s.tokens.get(i + 2).is_some_and(|t| !t.space_before)
        && matches!(s.low_word_bytes(i + 2), b"st" | b"nd" | b"rd" | b"th")
        && matches!(
            s.low_word_bytes(i + 3),
            b"minute" | b"lap" | b"over" | b"round" | b"inning" | b"innings"
        )
    {
        return Some(hit(i, i + 4, Category::Time));
    }
    // "the" is no small number, so no period after a preposition.
    None
}

/// "the 1960s", "the early 1990s", "in 2016", "since 1998", "mid-2020".
fn decade_or_year(s: &Sentence, i: usize) -> Option<Hit> {
    // Both begin with "the" or a year.
    if s.tokens[i].kind != TokenKind::Number && !s.has(i, class::THE) {
        return None;
    }
    let mut j = i;
    if s.is(j, "the") {
        j += 1;
        if matches!(s.low_word_bytes(j), b"early" | b"late" | b"mid") {
            j += 1;
        }
    }
    if let Some(y) = year(s, j)
        && y % 10 == 0
        && s.tokens.get(j + 1).is_some_and(|t| !t.space_before)
        && s.is(j + 1, "s")
    {
        let from = if s.is(i, "the") { i } else { j };
        return Some(hit(from, j + 2, Category::Period));
    }
    if j != i {
        return None;
    }
    let y = year(s, i)?;
    let lead = i > 0
        && (matches!(
            s.low_word_bytes(i - 1),
            b"in"
                | b"since"
                | b"until"
                | b"till"
                | b"by"
                | b"from"
                | b"during"
                | b"before"
                | b"after"
                | b"of"
                | b"early"
                | b"late"
                | b"mid"
                | b"through"
                | b"to"
        ) || s.tokens[i].hyphen_before
            && matches!(s.low_word_bytes(i - 1), b"mid" | b"early" | b"late"));
    let joined_noun = s.tokens.get(i + 1).is_some_and(|t| t.hyphen_before);
    if !lead || joined_noun || !(1800..=2100).contains(&y) {
        return None;
    }
    let mut h = hit(i, i + 1, Category::Year);
    h.resolved = Some(y.to_string());
    Some(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times(text: &str) -> Vec<(String, Category)> {
        times_on(text, None)
            .into_iter()
            .map(|(t, c, _)| (t, c))
            .collect()
    }

    fn times_on(text: &str, date: Option<Date>) -> Vec<(String, Category, Option<String>)> {
        let mut s = Sentence::of(text);
        let mut out = Vec::new();
        scan(&mut s, date, &mut out);
        out.into_iter()
            .map(|f| {
                let resolved = match f.detail {
                    Detail::Resolved(r) => Some(r),
                    _ => None,
                };
                (text[f.start..f.end].to_owned(), f.category, resolved)
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        times(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn word_classes_are_found_anywhere_in_the_text() {
        for (word, bits) in [
            ("the", class::THE | class::DEMONSTRATIVE),
            ("thousands", class::MAGNITUDE | class::QUANTIFIER),
            ("seventeen", class::NUMBER_WORD),
            ("september", class::MONTH | class::TIME_WORD),
        ] {
            // At the end of the text, and with text after it.
            assert_eq!(class::of(word, 0, word.len()) & bits, bits, "{word}");
            let text = format!("x {word} and more words after it");
            assert_eq!(class::of(&text, 2, 2 + word.len()) & bits, bits, "{word}");
            // Not a longer or shorter word.
            let longer = format!("{word}s and more words after it");
            assert_eq!(class::of(&longer, 0, word.len() + 1), 0, "{word}s");
            assert_eq!(class::of(&text, 2, 1 + word.len()), 0, "{word}-");
        }
        let long = "internationalisation and more";
        assert_eq!(class::of(long, 0, 20), 0);
    }

    #[test]
    fn units_are_matched_as_listed() {
        for u in UNITS {
            assert_eq!(unit(u.as_bytes()), Some(*u));
            assert_eq!(unit(format!("{u}s").as_bytes()), Some(*u));
        }
        assert_eq!(unit(b"centuries"), Some("century"));
        assert_eq!(unit(b"ss"), None);
        assert_eq!(unit(b"yearss"), None);
    }

    #[test]
    fn digits_are_written_as_format_writes_them() {
        for n in 0..100 {
            let mut out = String::new();
            push_two_digits(&mut out, n);
            assert_eq!(out, format!("{n:02}"), "{n}");
        }
        for (y, m, d) in [(987, 3, 22), (2016, 12, 1), (1000, 1, 31), (9999, 10, 9)] {
            let mut out = String::new();
            push_iso_date(&mut out, y, m, d);
            assert_eq!(out, format!("{y:04}-{m:02}-{d:02}"));
        }
        for w in ["0", "7", "07", "31", "2016", "0000000000007", "99999999999"] {
            assert_eq!(
                digits(w.as_bytes()),
                Some(w.parse().unwrap_or(u32::MAX)),
                "{w}"
            );
        }
        for w in ["", "7.5", "1,000", "00:48", "+5"] {
            assert_eq!(digits(w.as_bytes()), None, "{w}");
        }
    }

    #[test]
    fn dates_in_their_many_spellings() {
        assert_eq!(
            texts("on April 7 and on Nov 6 or Nov. 6"),
            ["April 7", "Nov 6", "Nov. 6"]
        );
        assert_eq!(texts("on November 8, 2016, voters"), ["November 8, 2016"]);
        assert_eq!(texts("on Tue, March 22, 2016 at"), ["Tue, March 22, 2016"]);
        assert_eq!(texts("born on 3 May 1931 in"), ["3 May 1931"]);
        assert_eq!(texts("on April 7th the"), ["April 7th"]);
        assert_eq!(texts("in March the"), ["March"]);
        assert!(texts("you may go").is_empty());
        assert!(texts("May I go").is_empty());
    }

    #[test]
    fn weekdays_with_part_of_day() {
        assert_eq!(
            times("on Wednesday night police"),
            [("Wednesday night".into(), Category::Weekday)]
        );
        assert_eq!(texts("Sat down on Sun"), Vec::<String>::new());
    }

    #[test]
    fn clock_times() {
        assert_eq!(texts("shortly after 6.10am on"), ["6.10am"]);
        assert_eq!(
            texts("at 00:48 and at 11am local time"),
            ["00:48", "11am local time"]
        );
        assert_eq!(texts("at 11 a.m. sharp"), ["11 a.m."]);
        assert!(texts("won 3:1 and 2.5 points").is_empty());
    }

    #[test]
    fn relative_times_and_periods() {
        assert_eq!(texts("campaign last year."), ["last year"]);
        assert_eq!(texts("This weekend at the parade"), ["This weekend"]);
        assert_eq!(texts("Over the past decade he"), ["the past decade"]);
        assert_eq!(
            texts("Over the past five years he"),
            ["the past five years"]
        );
        assert_eq!(
            texts("two weeks ago and earlier this week"),
            ["two weeks ago", "earlier this week"]
        );
        assert_eq!(texts("in the 1960s and since 1998"), ["the 1960s", "1998"]);
        assert!(texts("he recently and currently now works").is_empty());
        assert!(texts("this year's").len() == 1);
    }

    #[test]
    fn holiday_names_hold_no_digits() {
        for name in GAZETTEER.holidays.keys() {
            assert!(!name.bytes().any(|b| b.is_ascii_digit()), "{name}");
        }
    }

    #[test]
    fn holidays_in_any_case() {
        assert_eq!(
            times("at the Victory day parade"),
            [("Victory day".into(), Category::Holiday)]
        );
        assert_eq!(
            texts("on Christmas Eve and on election day"),
            ["Christmas Eve", "election day"]
        );
        assert_eq!(
            texts("detainees on Christmas Island since Easter"),
            ["Easter"]
        );
    }

    #[test]
    fn a_weekday_in_the_future_resolves_forward() {
        let d = Some(jiff::civil::date(2010, 5, 5)); // a Wednesday
        let resolved = |text: &str| times_on(text, d)[0].2.clone().unwrap();
        assert_eq!(resolved("talks broke down on Monday"), "2010-05-03");
        assert_eq!(resolved("talks will resume on Monday"), "2010-05-10");
        assert_eq!(resolved("rain is forecast to ease on Friday"), "2010-05-07");
        assert_eq!(
            resolved("the ferry is expected to sail on Tuesday"),
            "2010-05-11"
        );
    }

    #[test]
    fn dates_resolve_with_their_own_year_or_the_article_year() {
        let d = Some(jiff::civil::date(2010, 5, 5));
        let got = times_on("on April 7, 2016 and on Nov 6 and in March 1999", d);
        let resolved: Vec<_> = got.iter().map(|g| g.2.clone().unwrap()).collect();
        assert_eq!(resolved, ["2016-04-07", "2010-11-06", "1999-03"]);
    }

    #[test]
    fn relative_times_resolve_against_the_article_date() {
        let d = Some(jiff::civil::date(2010, 5, 5)); // a Wednesday
        let got = times_on("last year and this weekend and yesterday", d);
        let resolved: Vec<_> = got.iter().map(|g| g.2.clone().unwrap()).collect();
        assert_eq!(resolved, ["2009", "2010-05-08/2010-05-09", "2010-05-04"]);
    }
}
