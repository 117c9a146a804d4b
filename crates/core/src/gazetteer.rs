//! Gazetteer: the general knowledge the fact finders use (countries,
//! capitals, cities, demonyms, regions, organisations, titles, person nouns,
//! months, weekdays, holidays, currencies, units), compiled in from
//! `crates/core/data/` and parsed once.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::LazyLock;

/// What a known name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Country,
    City,
    Region,
}

/// A named thing the gazetteer knows.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The canonical name ("United States").
    pub name: &'static str,
    pub what: Known,
    /// For a city, its country; for a seat of power, what it stands for.
    pub note: Option<&'static str>,
}

/// The kind of a gazetteer entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    Place(Place),
    Organisation,
    /// A building or place whose name stands for an institution.
    SeatOfPower,
}

/// How a surface form refers to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    Name,
    Alias,
    Demonym,
}

/// One reading of a surface form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Reading {
    pub entry: u32,
    pub form: Form,
}

/// A holiday or named day.
#[derive(Debug, Clone)]
pub(crate) struct Holiday {
    pub name: &'static str,
    /// (month, day) for fixed-date holidays.
    pub date: Option<(i8, i8)>,
}

/// A unit of measure.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Unit {
    pub canonical: &'static str,
}

/// A test of a word's first byte, last byte and length that rules out
/// most words outside a set before any hashing. It never rules out a
/// word of the set.
#[derive(Debug)]
pub(crate) struct Shapes {
    /// For each (first byte, last byte) bucket, a bit per length (modulo
    /// 32) that some word in the set has.
    bits: Box<[u32; 1024]>,
}

impl Default for Shapes {
    fn default() -> Self {
        Shapes {
            bits: Box::new([0; 1024]),
        }
    }
}

impl Shapes {
    // Measured: called from hot loops, where a call costs more than the body.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn shape(b: &[u8]) -> (usize, u32) {
        // One test of the length for both bytes; the length taken modulo
        // 32, which is cheaper than capping it and as good for words.
        let (first, last) = match b {
            [] => (0, 0),
            [first, ..] => (first & 31, b[b.len() - 1] & 31),
        };
        (
            usize::from(first) << 5 | usize::from(last),
            1 << (b.len() & 31),
        )
    }

    pub fn insert(&mut self, word: impl AsRef<[u8]>) {
        let (bucket, bit) = Self::shape(word.as_ref());
        self.bits[bucket] |= bit;
    }

    /// False when no word of the set has the shape of `word` (bytes will
    /// do: a caller need not cut a `str` for a word most often ruled out).
    // Measured: called from hot loops, where a call costs more than the body.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn admits(&self, word: impl AsRef<[u8]>) -> bool {
        let (bucket, bit) = Self::shape(word.as_ref());
        self.bits[bucket] & bit != 0
    }
}

/// A string of up to 16 bytes packed into two `u64` with its length: its
/// first and last eight bytes (or four, or single bytes when shorter),
/// which with its length tell it apart from any other string. Comparing
/// two keys takes no `memcmp` and hashing one no loop over its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    lo: u64,
    hi: u64,
    /// `u32::MAX` in an empty slot, which no string's key equals.
    len: u32,
}

impl Key {
    const EMPTY: Key = Key {
        lo: 0,
        hi: 0,
        len: u32::MAX,
    };

    /// The key of `b`, if it has at most 16 bytes.
    // Measured: called from hot loops, where a call costs more than the body.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    #[allow(clippy::cast_possible_truncation)] // at most 16
    fn of(b: &[u8]) -> Option<Key> {
        let n = b.len();
        let (lo, hi) = if n > 16 {
            return None;
        } else if n >= 8 {
            (
                u64::from_le_bytes(*b.first_chunk::<8>()?),
                u64::from_le_bytes(*b.last_chunk::<8>()?),
            )
        } else if n >= 4 {
            (
                u64::from(u32::from_le_bytes(*b.first_chunk::<4>()?)),
                u64::from(u32::from_le_bytes(*b.last_chunk::<4>()?)),
            )
        } else if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
            (
                u64::from(first) | u64::from(b[n / 2]) << 8 | u64::from(last) << 16,
                0,
            )
        } else {
            (0, 0)
        };
        Some(Key {
            lo,
            hi,
            len: n as u32,
        })
    }
}

/// A slot of a [`KeyTable`]: a key and its index.
#[derive(Debug, Clone, Copy)]
struct Slot {
    key: Key,
    at: u32,
}

impl Slot {
    const EMPTY: Slot = Slot {
        key: Key::EMPTY,
        at: 0,
    };
}

/// An open-addressing table from [`Key`]s to indices, the keys held in
/// the slots themselves: a hit is one hash and one comparison of three
/// words, and most misses meet an empty slot at once.
#[derive(Debug)]
struct KeyTable {
    /// A power of two, at least four times `count`.
    slots: Vec<Slot>,
    count: usize,
}

impl KeyTable {
    fn with_capacity(n: usize) -> Self {
        KeyTable {
            slots: vec![Slot::EMPTY; (4 * n).next_power_of_two().max(16)],
            count: 0,
        }
    }

    #[inline]
    #[allow(clippy::cast_possible_truncation)] // the slot is masked
    fn slot(key: Key, mask: usize) -> usize {
        let h = (key.lo ^ key.hi.rotate_left(32) ^ u64::from(key.len))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (h >> 32) as usize & mask
    }

    /// The index of `key`, if present.
    // Measured: called from hot loops, where a call costs more than the body.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn get(&self, key: Key) -> Option<u32> {
        self.probe(key).ok().map(|at| self.slots[at].at)
    }

    /// The slot holding `key` (`Ok`), or the empty slot where it would go
    /// (`Err`).
    // Measured: called from hot loops, where a call costs more than the body.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn probe(&self, key: Key) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut at = Self::slot(key, mask);
        loop {
            let slot = &self.slots[at];
            if slot.key == key {
                return Ok(at);
            }
            if slot.key.len == u32::MAX {
                return Err(at);
            }
            at = (at + 1) & mask;
        }
    }

    /// The index of `key`, given `new` if it was missing (then `Err`).
    fn insert(&mut self, key: Key, new: u32) -> Result<u32, u32> {
        let at = match self.probe(key) {
            Ok(found) => return Ok(self.slots[found].at),
            Err(empty) => empty,
        };
        self.slots[at] = Slot { key, at: new };
        self.count += 1;
        if 4 * self.count > self.slots.len() {
            // Twice the slots, the keys placed anew.
            let bigger = vec![Slot::EMPTY; 2 * self.slots.len()];
            let old = std::mem::replace(&mut self.slots, bigger);
            for slot in old.into_iter().filter(|s| s.key.len != u32::MAX) {
                // Keys are distinct: each meets an empty slot.
                if let Err(at) = self.probe(slot.key) {
                    self.slots[at] = slot;
                }
            }
        }
        Err(new)
    }
}

/// A set of words, with [`Shapes`] in front of a [`KeyTable`] for words
/// of up to 16 bytes (nearly all) and a hash set for longer ones. Words
/// taken from the data as they are written are borrowed, not copied.
#[derive(Debug)]
pub(crate) struct WordSet {
    short: KeyTable,
    /// The short words, in the order first inserted.
    words: Vec<Cow<'static, str>>,
    long: HashSet<Cow<'static, str>>,
    shapes: Shapes,
}

impl Default for WordSet {
    fn default() -> Self {
        WordSet::with_capacity(0)
    }
}

impl WordSet {
    /// Room for `n` words without growing (the short ones).
    fn with_capacity(n: usize) -> Self {
        WordSet {
            short: KeyTable::with_capacity(n),
            words: Vec::with_capacity(n),
            long: HashSet::default(),
            shapes: Shapes::default(),
        }
    }

    pub fn insert(&mut self, word: impl Into<Cow<'static, str>>) {
        let word = word.into();
        self.shapes.insert(word.as_bytes());
        if let Some(key) = Key::of(word.as_bytes()) {
            let new = u32::try_from(self.words.len()).expect("fewer words than u32");
            if self.short.insert(key, new).is_err() {
                self.words.push(word);
            }
        } else {
            self.long.insert(word);
        }
    }

    // Measured: called from hot loops, where a call costs more than the body.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// [`WordSet::contains`] for a word's bytes: a caller need not cut a
    /// `str` (with its tests of char boundaries) for a word that mostly
    /// misses. Bytes that are no UTF-8 are in no set.
    // Measured: called from hot loops, where a call costs more than the body.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn contains_bytes(&self, b: &[u8]) -> bool {
        if !self.shapes.admits(b) {
            return false;
        }
        match Key::of(b) {
            Some(key) => self.short.get(key).is_some(),
            None => self.long_contains(b),
        }
    }

    #[inline(never)]
    fn long_contains(&self, b: &[u8]) -> bool {
        std::str::from_utf8(b).is_ok_and(|word| self.long.contains(word))
    }

    /// The set's own copy of `word`, if it holds it.
    pub fn get(&self, word: &str) -> Option<&str> {
        let b = word.as_bytes();
        if !self.shapes.admits(b) {
            return None;
        }
        match Key::of(b) {
            Some(key) => Some(&self.words[self.short.get(key)? as usize]),
            None => self.long.get(word).map(AsRef::as_ref),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().chain(&self.long).map(AsRef::as_ref)
    }
}

impl IntoIterator for WordSet {
    type Item = Cow<'static, str>;
    type IntoIter = std::iter::Chain<
        std::vec::IntoIter<Cow<'static, str>>,
        std::collections::hash_set::IntoIter<Cow<'static, str>>,
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.words.into_iter().chain(self.long)
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        let iter = iter.into_iter();
        let mut set = WordSet::with_capacity(iter.size_hint().0);
        for word in iter {
            set.insert(word);
        }
        set
    }
}

/// A map from strings to values for lookups that mostly miss: strings of
/// up to 16 bytes sit in a [`KeyTable`] (no hashing byte by byte, no
/// `memcmp`, and most misses meet an empty slot); longer ones in a hash
/// map behind [`Shapes`].
#[derive(Debug)]
pub(crate) struct ShortMap<V> {
    short: KeyTable,
    values: Vec<V>,
    long: HashMap<&'static str, V>,
    long_shapes: Shapes,
}

impl<V> ShortMap<V> {
    /// Room for `n` short strings without growing.
    pub fn with_capacity(n: usize) -> Self {
        ShortMap {
            short: KeyTable::with_capacity(n),
            values: Vec::with_capacity(n),
            long: HashMap::default(),
            long_shapes: Shapes::default(),
        }
    }

    /// The value of `s`, given as a `str` or its bytes (a caller need not
    /// cut a `str`); bytes that are no UTF-8 are in no map.
    // Measured: called from hot loops, where a call costs more than the body.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn get(&self, s: impl AsRef<[u8]>) -> Option<&V> {
        let b = s.as_ref();
        match Key::of(b) {
            Some(key) => Some(&self.values[self.short.get(key)? as usize]),
            None => self.get_long(b),
        }
    }

    /// Kept out of line: most strings asked about are short.
    #[inline(never)]
    fn get_long(&self, b: &[u8]) -> Option<&V> {
        if !self.long_shapes.admits(b) {
            return None;
        }
        self.long.get(std::str::from_utf8(b).ok()?)
    }

    /// The value of `s`, inserted as `new()` if missing.
    pub fn get_or_insert(&mut self, s: &'static str, new: impl FnOnce() -> V) -> &mut V {
        let b = s.as_bytes();
        let Some(key) = Key::of(b) else {
            self.long_shapes.insert(b);
            return self.long.entry(s).or_insert_with(new);
        };
        let next = u32::try_from(self.values.len()).expect("fewer entries than u32");
        if let Ok(i) = self.short.insert(key, next) {
            &mut self.values[i as usize]
        } else {
            self.values.push(new());
            self.values.last_mut().expect("just pushed")
        }
    }
}

/// All compiled-in knowledge.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    pub entries: Vec<Entry>,
    /// Surface form as written (case-sensitive) → where its readings are
    /// in `readings`: one vector for all, not one each.
    names: ShortMap<(u32, u32)>,
    readings: Vec<Reading>,
    /// Most words in any surface form.
    pub max_name_words: usize,
    /// First words of surface forms of two or more words ("United" for
    /// "United States"), to skip long lookups from other words.
    pub multi_first: WordSet,
    /// Lowercase titles ("prime minister"), up to `max_title_words` words.
    pub titles: WordSet,
    pub max_title_words: usize,
    /// First and last words of the titles, to rule tokens out quickly.
    pub title_first: WordSet,
    pub title_last: WordSet,
    pub role_modifiers: WordSet,
    /// Capitalised honorifics without a dot ("Mr", "Dr").
    pub honorifics: WordSet,
    pub person_nouns: WordSet,
    pub org_keywords: WordSet,
    pub place_keywords: WordSet,
    pub stopwords: WordSet,
    /// Lowercase holiday name or alias → holiday.
    pub holidays: HashMap<String, usize>,
    pub holiday_list: Vec<Holiday>,
    /// First words of the holiday names, to rule tokens out quickly.
    pub holiday_first: WordSet,
    /// Months, weekdays and first words of holidays, lowercase: the words
    /// that can begin a time expression besides a few fixed ones.
    pub time_words: WordSet,
    pub max_holiday_words: usize,
    /// Lowercase month name or abbreviation (no dot) → 1..=12.
    pub months: HashMap<String, i8>,
    /// Lowercase weekday or abbreviation (no dot) → 0 (Monday)..=6.
    pub weekdays: HashMap<String, i8>,
    /// Currency sign or code as written → ISO code.
    pub currency_signs: HashMap<&'static str, &'static str>,
    /// The shapes of the signs: most tokens asked about (every number) are
    /// not hashed.
    currency_sign_shapes: Shapes,
    /// Lowercase currency word or phrase → ISO code.
    pub currency_words: HashMap<String, &'static str>,
    pub max_currency_words: usize,
    /// Unit spelling (case-sensitive) → unit.
    pub units: HashMap<&'static str, Unit>,
    pub max_unit_words: usize,
}

/// The tab-separated fields of one line of a data file, trimmed: no file
/// has more than [`Fields::MAX`], so they are kept without allocating.
#[derive(Clone, Copy)]
struct Fields {
    fields: [&'static str; Fields::MAX],
    len: usize,
}

impl Fields {
    const MAX: usize = 4;

    fn get(&self, i: usize) -> Option<&&'static str> {
        self.fields[..self.len].get(i)
    }
}

impl std::ops::Index<usize> for Fields {
    type Output = &'static str;

    fn index(&self, i: usize) -> &&'static str {
        &self.fields[..self.len][i]
    }
}

/// `text` split at the ASCII byte `sep`: [`str::split`], without the
/// char searcher, which costs more than the short fields it finds.
fn split_at_byte(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        if let Some(i) = memchr::memchr(sep, r.as_bytes()) {
            rest = Some(&r[i + 1..]);
            Some(&r[..i])
        } else {
            rest = None;
            Some(r)
        }
    })
}

/// Lines and fields are trimmed of ASCII whitespace only, which is
/// cheaper than [`str::trim`]: the data holds no other whitespace (a test
/// checks).
fn records(data: &'static str) -> impl Iterator<Item = Fields> {
    // Lines as `str::lines` reads them: the '\r' of a "\r\n" goes with
    // the trailing whitespace, and empty lines are skipped.
    split_at_byte(data, b'\n')
        .map(str::trim_ascii_end)
        .filter(|l| !l.is_empty() && !l.trim_ascii_start().starts_with('#'))
        .map(|l| {
            let mut r = Fields {
                fields: [""; Fields::MAX],
                len: 0,
            };
            for field in split_at_byte(l, b'\t') {
                assert!(r.len < Fields::MAX, "more than {} fields: {l}", Fields::MAX);
                r.fields[r.len] = field.trim_ascii();
                r.len += 1;
            }
            r
        })
}

fn list(field: Option<&&'static str>) -> impl Iterator<Item = &'static str> {
    split_at_byte(field.copied().unwrap_or(""), b'|')
        .map(str::trim_ascii)
        .filter(|s| !s.is_empty())
}

/// Whitespace as [`char::is_whitespace`] has it in ASCII (the data holds
/// no other; a test checks).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// The words of `s`, as `s.split_whitespace().count()` counts them.
fn words(s: &str) -> usize {
    let mut count = 0;
    let mut prev_space = true;
    for &b in s.as_bytes() {
        let space = is_space(b);
        count += usize::from(prev_space && !space);
        prev_space = space;
    }
    count
}

/// Name and abbreviations of the n-th line → `first + n`, lowercase, no dot.
fn calendar_names(data: &'static str, first: i8) -> HashMap<String, i8> {
    let mut map = HashMap::default();
    for (i, r) in records(data).enumerate() {
        for form in std::iter::once(r[0]).chain(list(r.get(1))) {
            map.insert(
                form.trim_end_matches('.').to_ascii_lowercase(),
                first + i as i8,
            );
        }
    }
    map
}

/// The lines of `data`, at most: room enough for a record a line.
fn line_count(data: &str) -> usize {
    data.bytes().filter(|&b| b == b'\n').count() + 1
}

fn lower_set(data: &'static str) -> WordSet {
    // Room for a word a line: the set is never rehashed while filled.
    let lines = line_count(data);
    let mut set = WordSet::with_capacity(lines);
    for r in records(data) {
        let word = r[0];
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            set.insert(word.to_ascii_lowercase());
        } else {
            set.insert(word);
        }
    }
    set
}

impl Gazetteer {
    fn add(&mut self, name: &'static str, what: Known, note: Option<&'static str>) -> u32 {
        let id = self.entries.len() as u32;
        self.entries.push(Entry { name, what, note });
        self.form(name, id, Form::Name);
        id
    }

    fn form(&mut self, surface: &'static str, entry: u32, form: Form) {
        // Loading is part of every run: the words are counted only for a
        // surface with a byte of whitespace or below (in ASCII, all
        // whitespace is), and the scans are plain byte loops.
        let bytes = surface.as_bytes();
        if bytes.iter().any(|&b| b <= b' ') {
            self.max_name_words = self.max_name_words.max(words(surface));
        }
        if let Some(cut) = bytes.iter().position(|&b| b == b' ' || b == b'-') {
            self.multi_first.insert(&surface[..cut]);
        }
        let end = u32::try_from(self.readings.len()).expect("fewer readings than u32");
        let (start, len) = self.names.get_or_insert(surface, || (end, 0));
        let known = &self.readings[*start as usize..][..*len as usize];
        if known.iter().any(|r| r.entry == entry) {
            return;
        }
        if *start + *len != end {
            // Not the last surface given readings: its readings move to the
            // end, where the new one can follow them.
            self.readings
                .extend_from_within(*start as usize..(*start + *len) as usize);
            *start = end;
        }
        self.readings.push(Reading { entry, form });
        *len += 1;
    }

    fn load() -> Self {
        let titles = line_count(include_str!("../data/titles.txt"));
        let mut g = Gazetteer {
            entries: Vec::new(),
            // Room for all the surface forms, which are about 4000: the
            // map is never rehashed while loading.
            names: ShortMap::with_capacity(4096),
            readings: Vec::with_capacity(4096),
            max_name_words: 1,
            // Room for the first words of all the surface forms.
            multi_first: WordSet::with_capacity(2048),
            titles: WordSet::with_capacity(titles),
            max_title_words: 1,
            title_first: WordSet::with_capacity(titles),
            title_last: WordSet::with_capacity(titles),
            role_modifiers: lower_set(include_str!("../data/role_modifiers.txt")),
            honorifics: {
                let data = include_str!("../data/honorifics.txt");
                let mut set = WordSet::with_capacity(line_count(data));
                for r in records(data) {
                    set.insert(r[0].trim_end_matches('.'));
                }
                set
            },
            person_nouns: lower_set(include_str!("../data/person_nouns.txt")),
            org_keywords: lower_set(include_str!("../data/org_keywords.txt")),
            place_keywords: lower_set(include_str!("../data/place_keywords.txt")),
            stopwords: lower_set(include_str!("../data/stopwords.txt")),
            holidays: HashMap::default(),
            holiday_list: Vec::new(),
            holiday_first: WordSet::with_capacity(line_count(include_str!("../data/holidays.tsv"))),
            time_words: WordSet::default(),
            max_holiday_words: 1,
            months: HashMap::default(),
            weekdays: HashMap::default(),
            currency_signs: HashMap::default(),
            currency_sign_shapes: Shapes::default(),
            currency_words: HashMap::default(),
            max_currency_words: 1,
            units: HashMap::default(),
            max_unit_words: 1,
        };
        for title in lower_set(include_str!("../data/titles.txt")) {
            g.max_title_words = g.max_title_words.max(words(&title));
            // The first and last words, borrowed when the title is.
            let cut = |title: &Cow<'static, str>, part: fn(&str) -> &str| -> Cow<'static, str> {
                match title {
                    Cow::Borrowed(t) => Cow::Borrowed(part(t)),
                    Cow::Owned(t) => Cow::Owned(part(t).to_owned()),
                }
            };
            g.title_first.insert(cut(&title, |t| {
                t.split([' ', '-']).next().unwrap_or_default()
            }));
            g.title_last.insert(cut(&title, |t| {
                t.split([' ', '-']).next_back().unwrap_or_default()
            }));
            g.titles.insert(title);
        }
        // The capitals are entered after all the countries, from the same
        // reading of the file.
        let mut capitals = Vec::new();
        for r in records(include_str!("../data/countries.tsv")) {
            let id = g.add(r[0], Known::Place(Place::Country), None);
            for alias in list(r.get(1)) {
                g.form(alias, id, Form::Alias);
            }
            for demonym in list(r.get(2)) {
                g.form(demonym, id, Form::Demonym);
            }
            if let Some(&capital) = r.get(3).filter(|c| !c.is_empty()) {
                capitals.push((capital, r[0]));
            }
        }
        // Room for every capital and city: the map is never rehashed.
        let mut cities: HashMap<&'static str, u32> = HashMap::with_capacity_and_hasher(
            capitals.len() + line_count(include_str!("../data/cities.tsv")),
            rustc_hash::FxBuildHasher,
        );
        for (capital, country) in capitals {
            let id = g.add(capital, Known::Place(Place::City), Some(country));
            cities.insert(capital, id);
        }
        for r in records(include_str!("../data/cities.tsv")) {
            let id = if let Some(&id) = cities.get(r[0]) {
                id
            } else {
                let country = r.get(2).copied().filter(|c| !c.is_empty());
                let id = g.add(r[0], Known::Place(Place::City), country);
                cities.insert(r[0], id);
                id
            };
            for alias in list(r.get(1)) {
                g.form(alias, id, Form::Alias);
            }
        }
        for r in records(include_str!("../data/regions.tsv")) {
            // A region that is also a country (Georgia) keeps both readings.
            let id = g.add(r[0], Known::Place(Place::Region), None);
            for alias in list(r.get(1)) {
                g.form(alias, id, Form::Alias);
            }
            for demonym in list(r.get(2)) {
                g.form(demonym, id, Form::Demonym);
            }
        }
        for r in records(include_str!("../data/organisations.tsv")) {
            let id = g.add(r[0], Known::Organisation, None);
            for alias in list(r.get(1)) {
                g.form(alias, id, Form::Alias);
            }
        }
        for r in records(include_str!("../data/seats_of_power.tsv")) {
            let note = r.get(2).copied().filter(|c| !c.is_empty());
            let id = g.add(r[0], Known::SeatOfPower, note);
            for alias in list(r.get(1)) {
                g.form(alias, id, Form::Alias);
            }
        }
        for r in records(include_str!("../data/holidays.tsv")) {
            let date = r.get(2).and_then(|d| {
                let (m, day) = d.split_once('-')?;
                Some((m.parse().ok()?, day.parse().ok()?))
            });
            let idx = g.holiday_list.len();
            g.holiday_list.push(Holiday { name: r[0], date });
            for form in std::iter::once(r[0]).chain(list(r.get(1))) {
                let key = form.to_ascii_lowercase().replace('’', "'");
                g.max_holiday_words = g.max_holiday_words.max(words(&key));
                let first = key.split([' ', '-', '\'']).next().unwrap_or_default();
                g.holiday_first.insert(first.to_owned());
                g.holidays.entry(key).or_insert(idx);
            }
        }
        g.months = calendar_names(include_str!("../data/months.tsv"), 1);
        g.weekdays = calendar_names(include_str!("../data/weekdays.tsv"), 0);
        g.time_words = g
            .months
            .keys()
            .map(String::as_str)
            .chain(g.weekdays.keys().map(String::as_str))
            .chain(g.holiday_first.iter())
            .map(str::to_owned)
            .chain(crate::facts::TIME_TRIGGERS.iter().map(|w| (*w).to_owned()))
            .collect();
        for r in records(include_str!("../data/currencies.tsv")) {
            let code = r[0];
            for sign in std::iter::once(code).chain(list(r.get(1))) {
                g.currency_signs.insert(sign, code);
                g.currency_sign_shapes.insert(sign);
            }
            for word in list(r.get(2)) {
                let key = word.to_ascii_lowercase();
                g.max_currency_words = g.max_currency_words.max(words(&key));
                g.currency_words.entry(key).or_insert(code);
            }
        }
        for r in records(include_str!("../data/units.tsv")) {
            let unit = Unit { canonical: r[0] };
            for spelling in std::iter::once(r[0]).chain(list(r.get(1))) {
                g.max_unit_words = g.max_unit_words.max(words(spelling));
                g.units.entry(spelling).or_insert(unit);
            }
        }
        g
    }

    /// Readings of `surface` as written.
    #[inline]
    pub fn lookup(&self, surface: &str) -> &[Reading] {
        self.lookup_bytes(surface.as_bytes())
    }

    /// Readings of `surface` as written, given as bytes: no `str` to cut.
    #[inline]
    pub fn lookup_bytes(&self, surface: &[u8]) -> &[Reading] {
        self.names.get(surface).map_or(&[], |&(start, len)| {
            &self.readings[start as usize..][..len as usize]
        })
    }

    /// The ISO code of a currency sign or code as written.
    #[inline]
    pub fn currency_code(&self, sign: &str) -> Option<&'static str> {
        if !self.currency_sign_shapes.admits(sign) {
            return None;
        }
        self.currency_signs.get(sign).copied()
    }

    pub fn entry(&self, id: u32) -> &Entry {
        &self.entries[id as usize]
    }
}

/// The gazetteer, parsed on first use.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_maps_tell_every_string_apart() {
        // Strings of every length up to past 16, differing in one byte
        // anywhere, or in length only.
        let mut words: Vec<&'static str> = Vec::new();
        for n in 0..=20 {
            let base = "abcdefghijklmnopqrstuvwxyz"[..n].to_owned();
            words.push(Box::leak(base.clone().into_boxed_str()));
            for at in 0..n {
                let mut w = base.clone().into_bytes();
                w[at] = b'Z';
                words.push(Box::leak(String::from_utf8(w).unwrap().into_boxed_str()));
            }
        }
        let mut map = ShortMap::with_capacity(4);
        for (i, w) in words.iter().enumerate().filter(|(i, _)| i % 2 == 0) {
            *map.get_or_insert(w, || i) += 0;
        }
        for (i, w) in words.iter().enumerate() {
            let want = (i % 2 == 0).then_some(i);
            assert_eq!(map.get(w).copied(), want, "{w:?}");
            assert_eq!(
                map.get(format!("{w}a")).copied(),
                words
                    .iter()
                    .position(|v| *v == format!("{w}a"))
                    .filter(|j| j % 2 == 0),
                "{w:?}a"
            );
        }
    }

    #[test]
    fn word_sets_hold_words_of_any_length_once() {
        let words: Vec<String> = (0..=20)
            .map(|n| "abcdefghijklmnopqrstuvwxyz"[..n].to_owned())
            .collect();
        let set: WordSet = words
            .iter()
            .step_by(2)
            // Some twice, to be held once.
            .chain(words.iter().step_by(2).take(3))
            .cloned()
            .collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(set.contains(w), i % 2 == 0, "{w:?}");
            assert_eq!(set.get(w), (i % 2 == 0).then_some(w.as_str()), "{w:?}");
            assert!(!set.contains(&format!("{w}Z")), "{w:?}Z");
        }
        assert_eq!(set.iter().count(), 11);
        assert_eq!(set.into_iter().count(), 11);
    }

    #[test]
    fn data_files_hold_no_whitespace_beyond_ascii() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
        for file in std::fs::read_dir(dir).unwrap() {
            let path = file.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                !text.chars().any(|c| c.is_whitespace() && !c.is_ascii()),
                "{}",
                path.display()
            );
        }
    }

    #[test]
    fn demonyms_and_abbreviations_lead_to_countries() {
        let g = &*GAZETTEER;
        let us = g.lookup("U.S.");
        assert!(us.iter().any(|r| g.entry(r.entry).name == "United States"));
        let fr = g.lookup("French");
        assert!(
            fr.iter()
                .any(|r| r.form == Form::Demonym && g.entry(r.entry).name == "France")
        );
    }

    #[test]
    fn capitals_are_cities_of_their_country() {
        let g = &*GAZETTEER;
        let paris = g.lookup("Paris");
        assert!(paris.iter().any(|r| {
            let e = g.entry(r.entry);
            e.what == Known::Place(Place::City) && e.note == Some("France")
        }));
    }

    #[test]
    fn months_weekdays_and_signs_are_known() {
        let g = &*GAZETTEER;
        assert_eq!(g.months.get("sept"), Some(&9));
        assert_eq!(g.months.get("january"), Some(&1));
        assert_eq!(g.weekdays.get("monday"), Some(&0));
        assert_eq!(g.weekdays.get("tue"), Some(&1));
        assert_eq!(g.currency_signs.get("$"), Some(&"USD"));
        assert!(g.titles.contains("president"));
        assert!(g.stopwords.contains("however"));
    }
}
