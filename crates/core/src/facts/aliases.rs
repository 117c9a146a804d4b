//! Aliases: one entity per referent. Full names and surnames merge
//! ("Kurmanbek Bakiyev" / "Bakiyev"); an article's misspellings merge with
//! the name they misspell when the name is long enough for a small distance
//! to be a typo and no other entity is as close; acronyms merge with the
//! organisation whose initials they are; a byline's author is a person.

use rustc_hash::{FxBuildHasher, FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::cell::OnceCell;

use super::names::NameMention;
use super::{Category, Detail, Found, Key, Kind};
use crate::article::Article;
use crate::gazetteer::GAZETTEER;

/// The byline's authors, as candidate names without a sentence.
pub(crate) fn byline(article: &Article) -> Vec<NameMention<'_>> {
    article
        .authors
        .iter()
        .filter_map(|f| {
            let span = f.span.clone()?;
            Some(NameMention {
                start: span.start,
                end: span.end,
                sentence: None,
                words: f.text.split_whitespace().collect(),
                role: Some("author of the article".to_owned()),
                acts: false,
                person_cue: true,
                place_cue: false,
                initial: false,
                acronym: false,
            })
        })
        .collect()
}

/// The most edits between two spellings of one name, by its length.
pub(crate) fn allowed_typos(len: usize) -> usize {
    match len {
        0..6 => 0,
        6..12 => 1,
        _ => 2,
    }
}

/// Optimal string alignment distance, ignoring case, stopping early past
/// `limit`.
pub(crate) fn distance(a: &str, b: &str, limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > 4 * limit + 4 {
        return limit + 1; // even in multi-byte letters, too far apart
    }
    if let (Some(x), Some(y)) = (Folded::new(a), Folded::new(b)) {
        return x.distance(&y, limit);
    }
    let fold = |s: &str| -> Vec<char> { s.chars().flat_map(char::to_lowercase).collect() };
    osa(&fold(a), &fold(b), limit)
}

/// [`distance`] of `a` to `b`, which are already folded when they can be,
/// is within `limit`.
fn within(a: (&str, Option<&Folded>), b: (&str, Option<&Folded>), limit: usize) -> bool {
    match (a.1, b.1) {
        (Some(x), Some(y)) => x.distance(y, limit) <= limit,
        _ => distance(a.0, b.0, limit) <= limit,
    }
}

/// A short ASCII spelling lowercased, with the set of its bytes, to
/// compare with many others without folding it again each time.
#[derive(Debug, Clone, Copy)]
struct Folded {
    bytes: [u8; 32],
    len: usize,
    /// A bit per letter; the other bytes share the six bits left (a shared
    /// bit only weakens the bound in [`Folded::distance`]).
    letters: u32,
}

impl Folded {
    /// `None` for spellings that are not ASCII or longer than 32 bytes.
    fn new(word: &str) -> Option<Folded> {
        if word.len() > 32 {
            return None;
        }
        let mut folded = Folded {
            bytes: [0; 32],
            len: word.len(),
            letters: 0,
        };
        for (to, &b) in folded.bytes.iter_mut().zip(word.as_bytes()) {
            if !b.is_ascii() {
                return None;
            }
            let b = b.to_ascii_lowercase();
            *to = b;
            let bit = if b.is_ascii_lowercase() {
                b - b'a'
            } else {
                26 + b % 6
            };
            folded.letters |= 1 << bit;
        }
        Some(folded)
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// [`distance`] of two folded spellings. Inlined, so that the pairs the
    /// bound rejects (most of them) cost no call.
    #[inline]
    fn distance(&self, other: &Folded, limit: usize) -> usize {
        // Every letter of one word that the other lacks costs an edit of
        // its own (a substitution can pay for one on each side): a bound
        // that rejects most unrelated names before any table.
        if more_than(self.letters & !other.letters, limit)
            || more_than(other.letters & !self.letters, limit)
        {
            return limit + 1;
        }
        self.aligned(other, limit)
    }

    /// [`distance`] of two folded spellings, from the table.
    #[inline(never)]
    fn aligned(&self, other: &Folded, limit: usize) -> usize {
        if limit == 1 {
            return one_edit(self.as_bytes(), other.as_bytes());
        }
        osa(self.as_bytes(), other.as_bytes(), limit)
    }
}

/// `set` has more than `n` members (cheaper than counting them all when
/// `n` is small).
fn more_than(mut set: u32, n: usize) -> bool {
    for _ in 0..n {
        if set == 0 {
            return false;
        }
        set &= set - 1; // drops the lowest member
    }
    set != 0
}

/// [`osa`] with a limit of one: 0 for equal, 1 for one substitution,
/// insertion, deletion or swap of neighbours, else 2.
fn one_edit(a: &[u8], b: &[u8]) -> usize {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return 2;
    }
    let prefix = long.iter().zip(short).take_while(|(x, y)| x == y).count();
    let suffix = long
        .iter()
        .rev()
        .zip(short.iter().rev())
        .take(short.len() - prefix)
        .take_while(|(x, y)| x == y)
        .count();
    // What is left between the common prefix and suffix.
    let (rest_long, rest_short) = (long.len() - prefix - suffix, short.len() - prefix - suffix);
    match (rest_long, rest_short) {
        (0, 0) => 0,
        (1, 0 | 1) => 1,
        (2, 2) if long[prefix] == short[prefix + 1] && long[prefix + 1] == short[prefix] => 1,
        _ => 2,
    }
}

fn osa<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    // Only cells within `limit` of the diagonal can lie on an alignment of
    // at most `limit` edits; every other cell counts as `far`. Values are
    // exact up to `limit`, and anything above it comes out as `far`.
    let far = limit + 1;
    // Three rolling rows: two back for transpositions, one back, current.
    let w = b.len() + 1;
    let mut stack = [0usize; 3 * 33];
    let mut heap = Vec::new();
    let rows: &mut [usize] = if 3 * w <= stack.len() {
        &mut stack[..3 * w]
    } else {
        heap.resize(3 * w, 0);
        &mut heap
    };
    rows.fill(far);
    for (j, cell) in rows[w..2 * w].iter_mut().enumerate() {
        *cell = j.min(far);
    }
    // Row i lives at offset (i + 1) % 3 * w: row 0 in the middle third,
    // row i - 2 where row i + 1 will go.
    let row = |i: usize| (i + 1) % 3 * w;
    for i in 1..=a.len() {
        let (older, prev, cur) = (row(i + 1), row(i - 1), row(i));
        let lo = i.saturating_sub(limit).max(1);
        let hi = (i + limit).min(b.len());
        rows[cur + lo - 1] = if lo == 1 { i.min(far) } else { far };
        let mut row_min = rows[cur + lo - 1];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[prev + j] + 1)
                .min(rows[cur + j - 1] + 1)
                .min(rows[prev + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[older + j - 2] + 1);
            }
            let v = v.min(far);
            rows[cur + j] = v;
            row_min = row_min.min(v);
        }
        if hi < b.len() {
            rows[cur + hi + 1] = far;
        }
        if row_min > limit {
            return far;
        }
    }
    rows[row(a.len()) + b.len()]
}

/// A surname of a person, ready for typo search.
#[derive(Debug, Clone, Copy)]
struct Surname<'t> {
    text: &'t str,
    shape: (char, usize),
    folded: Option<Folded>,
    person: usize,
}

/// A surname in a `by_first` bucket, small so that a scan of the bucket
/// reads little: its length and letters rule most others out before the
/// surname itself (`People::firsts[at]`) is read.
#[derive(Debug, Clone, Copy)]
struct Slot {
    len: u32,
    /// [`Folded::letters`], when `folded`.
    letters: u32,
    folded: bool,
    at: u32,
}

/// One form of a person's name.
#[derive(Debug, Clone, Copy)]
struct Form<'t> {
    /// The words ("Aleksandr", "Lukashenka"), the candidate name's own.
    words: &'t [&'t str],
    /// As written in the text, whitespace and all.
    raw: &'t str,
}

#[derive(Debug)]
struct Person<'t> {
    /// The first full form seen ("Aleksandr Lukashenka"), then any others
    /// (most people have one).
    first: Form<'t>,
    more: Vec<Form<'t>>,
    /// Where it was last mentioned (byte offset), to pick among namesakes.
    last_seen: usize,
}

impl<'t> Person<'t> {
    /// One of the person's forms' words pass `test`.
    fn any_words(&self, test: impl Fn(&[&'t str]) -> bool) -> bool {
        test(self.first.words) || self.more.iter().any(|f| test(f.words))
    }

    /// The fullest form, as written in the text ("Lashkar-e-Taiba"),
    /// whitespace tidied: the first of the most words.
    fn canonical(&self) -> String {
        let mut best = &self.first;
        for f in &self.more {
            if f.words.len() > best.words.len() {
                best = f;
            }
        }
        crate::tokens::squeezed(best.raw).into_owned()
    }
}

/// The people a word names, in the order they were added: nearly always
/// one, kept without a list of its own.
#[derive(Debug)]
enum Hits {
    One(usize),
    Many(Vec<usize>),
}

impl Hits {
    fn push(&mut self, p: usize) {
        match self {
            Hits::One(first) => *self = Hits::Many(vec![*first, p]),
            Hits::Many(list) => list.push(p),
        }
    }

    fn as_slice(&self) -> &[usize] {
        match self {
            Hits::One(p) => std::slice::from_ref(p),
            Hits::Many(list) => list,
        }
    }
}

/// Where a spelling sits for typo search: its first letter and length.
/// A typo rarely hits the first letter, and never changes the length by
/// more than the distance allowed.
fn shape(word: &str) -> (char, usize) {
    if word.is_ascii() {
        let first = word
            .bytes()
            .next()
            .map_or(' ', |b| char::from(b.to_ascii_lowercase()));
        return (first, word.len());
    }
    let first = word
        .chars()
        .next()
        .map_or(' ', |c| c.to_lowercase().next().unwrap_or(c));
    (first, word.chars().count())
}

/// Spellings by shape, each folded when it can be.
type Spellings<'f> = HashMap<(char, usize), Vec<(&'f str, Option<Folded>)>>;

/// The spellings of the places and organisations found before the names,
/// by shape, that a typo must not be as close to: made when a typo first
/// needs them.
struct Rivals<'f> {
    found: &'f [Found],
    by_shape: OnceCell<Spellings<'f>>,
}

impl<'f> Rivals<'f> {
    fn new(found: &'f [Found]) -> Self {
        Rivals {
            found,
            by_shape: OnceCell::new(),
        }
    }

    /// A spelling other than `word` within `d` edits of it.
    fn near(&self, word: &str, d: usize) -> bool {
        let by_shape = self.by_shape.get_or_init(|| {
            // Each distinct spelling once: most are mentioned many times.
            // Gazetteer entries are told apart by number, a bit each (two
            // entries of one spelling list it twice, which only costs
            // time); the rest by spelling.
            let mut known = vec![0u64; GAZETTEER.entries.len().div_ceil(64)];
            let mut seen: HashSet<&str> = HashSet::default();
            let mut by_shape = Spellings::default();
            for f in self
                .found
                .iter()
                .filter(|f| matches!(f.kind, Kind::Where | Kind::Who))
            {
                let new = match f.key {
                    Key::Known(id) => known.get_mut(id as usize / 64).is_none_or(|bits| {
                        let bit = 1 << (id % 64);
                        let new = *bits & bit == 0;
                        *bits |= bit;
                        new
                    }),
                    _ => seen.insert(&f.canonical),
                };
                if new {
                    by_shape
                        .entry(shape(&f.canonical))
                        .or_default()
                        .push((f.canonical.as_ref(), Folded::new(&f.canonical)));
                }
            }
            by_shape
        });
        let folded = Folded::new(word);
        People::near(by_shape, word, d)
            .any(|&(o, ref of)| within((word, folded.as_ref()), (o, of.as_ref()), d))
    }
}

/// The person clusters of an article, indexed so that each lookup costs
/// the same however many people the article names.
#[derive(Debug, Default)]
struct People<'t> {
    list: Vec<Person<'t>>,
    /// Every word of every form → the people it names.
    by_word: HashMap<&'t str, Hits>,
    /// Surnames by shape → (surname, person).
    surnames: HashMap<(char, usize), Vec<Surname<'t>>>,
    /// The first names of every form of two words or more, and the first
    /// letter of its surname → the surnames they go with: a full name's
    /// misspelt surname is looked for only among people of the same first
    /// names (and a typo rarely hits the first letter, as in `near`).
    by_first: HashMap<(&'t [&'t str], char), Vec<Slot>>,
    /// The surnames the slots of `by_first` stand for.
    firsts: Vec<Surname<'t>>,
    /// Answers of `typo` since the last change of `surnames`.
    typos: HashMap<&'t str, Option<usize>>,
}

impl<'t> People<'t> {
    /// Room for the people of `names` candidate names, so that the lists
    /// and tables are not copied as they grow (each name is at most one
    /// person, and has two or three words).
    fn with_capacity(names: usize) -> Self {
        People {
            list: Vec::with_capacity(names),
            by_word: HashMap::with_capacity_and_hasher(2 * names, FxBuildHasher),
            surnames: HashMap::with_capacity_and_hasher(names, FxBuildHasher),
            by_first: HashMap::with_capacity_and_hasher(names, FxBuildHasher),
            firsts: Vec::with_capacity(names),
            typos: HashMap::default(),
        }
    }

    /// Spellings in the buckets a typo of `word` within `limit` can reach.
    fn near<'a, T>(
        map: &'a HashMap<(char, usize), Vec<T>>,
        word: &str,
        limit: usize,
    ) -> impl Iterator<Item = &'a T> {
        let (first, len) = shape(word);
        (len.saturating_sub(limit)..=len + limit)
            .flat_map(move |l| map.get(&(first, l)).into_iter().flatten())
    }

    /// A person whose name includes `word` exactly; among namesakes, the one
    /// mentioned last before `at`.
    fn exact(&self, word: &str, at: usize) -> Option<usize> {
        let hits = self.by_word.get(word)?.as_slice();
        let mut best = *hits.first()?;
        for &hit in &hits[1..] {
            let (h, b) = (self.list[hit].last_seen, self.list[best].last_seen);
            if h <= at && (b > at || h > b) {
                best = hit;
            }
        }
        Some(best)
    }

    /// `typo`, remembered per word until the people change.
    fn typo_cached(&mut self, word: &'t str, rivals: &Rivals) -> Option<usize> {
        // Too short to misspell anything (fewer bytes, fewer letters), as
        // `typo` finds: no need to remember that.
        if allowed_typos(word.len()) == 0 {
            return None;
        }
        if let Some(&hit) = self.typos.get(word) {
            return hit;
        }
        let hit = self.typo(word, rivals);
        self.typos.insert(word, hit);
        hit
    }

    /// The one person whose surname `word` misspells, if no other entity
    /// (of the `rivals`) is as close.
    fn typo(&self, word: &str, rivals: &Rivals) -> Option<usize> {
        let limit = allowed_typos(word.chars().count());
        if limit == 0 {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        let mut tie = false;
        let folded = Folded::new(word);
        for surname in Self::near(&self.surnames, word, limit) {
            let p = &surname.person;
            if allowed_typos(surname.shape.1) == 0 {
                continue;
            }
            let d = match (&folded, &surname.folded) {
                (Some(x), Some(y)) => x.distance(y, limit),
                _ => distance(word, surname.text, limit),
            };
            if d > limit {
                continue;
            }
            match best {
                Some((bp, bd)) if d > bd || (d == bd && bp == *p) => {}
                Some((_, bd)) if d == bd => tie = true,
                _ => {
                    best = Some((*p, d));
                    tie = false;
                }
            }
        }
        let (p, d) = best?;
        (!tie && !rivals.near(word, d)).then_some(p)
    }

    /// Adds a form to person `p` (or a new person), keeping the indexes.
    fn add_form(
        &mut self,
        p: Option<usize>,
        words: &'t [&'t str],
        raw: &'t str,
        at: usize,
    ) -> usize {
        let form = Form { words, raw };
        // A new person's form is its first: it has no other to check.
        let (p, new) = if let Some(p) = p {
            (p, false)
        } else {
            self.list.push(Person {
                first: form,
                more: Vec::new(),
                last_seen: at,
            });
            (self.list.len() - 1, true)
        };
        let person = &mut self.list[p];
        person.last_seen = at;
        // One of the forms `p` had before this one passes `test`.
        let had = |test: &dyn Fn(&[&'t str]) -> bool| !new && person.any_words(test);
        if had(&|f| f == words) || words.len() == 1 && had(&|f| f.contains(&words[0])) {
            return p;
        }
        for (k, w) in words.iter().enumerate() {
            // `p` is listed under `w` already when one of its forms has it:
            // a person has few forms, a first name many people.
            let listed = words[..k].contains(w) || had(&|f| f.contains(w));
            if !listed {
                self.by_word
                    .entry(w)
                    .and_modify(|hits| hits.push(p))
                    .or_insert(Hits::One(p));
            }
        }
        if let Some((&last, first)) = words.split_last() {
            // (Clearing costs the table's size even when it is empty.)
            if !self.typos.is_empty() {
                self.typos.clear();
            }
            let surname = Surname {
                text: last,
                shape: shape(last),
                folded: Folded::new(last),
                person: p,
            };
            // `p` is in the bucket under `last` already when one of its
            // forms ends with it: a person has few forms, a bucket many.
            if !had(&|f| f.last() == Some(&last)) {
                self.surnames
                    .entry(surname.shape)
                    .or_default()
                    .push(surname);
            }
            if !first.is_empty() {
                // The form is new to `p`, so the entry is too.
                let slot = Slot {
                    len: u32::try_from(surname.shape.1).unwrap_or(u32::MAX),
                    letters: surname.folded.map_or(0, |f| f.letters),
                    folded: surname.folded.is_some(),
                    at: u32::try_from(self.firsts.len()).unwrap_or(u32::MAX),
                };
                self.firsts.push(surname);
                self.by_first
                    .entry((first, surname.shape.0))
                    .or_default()
                    .push(slot);
            }
        }
        if !new {
            person.more.push(form);
        }
        p
    }

    /// The person a full name belongs to: the same words, the same first
    /// and last name, a shorter or longer form ending the same, or the same
    /// first names and a misspelt surname.
    fn full_name(&self, words: &[&'t str]) -> Option<usize> {
        let last = words.last()?;
        let same_surname = self
            .by_word
            .get(last)
            .map_or(&[][..], Hits::as_slice)
            .iter()
            .copied()
            .find(|&p| {
                self.list[p].any_words(|f| {
                    f == words
                        || (f.len() >= 2 && f[0] == words[0] && f[f.len() - 1] == *last)
                        || (f.len() < words.len() && words.ends_with(f))
                        || (words.len() < f.len() && f.ends_with(words))
                })
            });
        if same_surname.is_some() {
            return same_surname;
        }
        // The same first names and a misspelt surname: of the same first
        // letter and a length within reach, as in `near`.
        let limit = allowed_typos(last.chars().count());
        let (initial, len) = shape(last);
        let folded = Folded::new(last);
        let mut best: Option<usize> = None;
        for slot in self.by_first.get(&(&words[..words.len() - 1], initial))? {
            if (slot.len as usize).abs_diff(len) > limit {
                continue;
            }
            // `within`'s bound, from the slot alone.
            if let (Some(x), true) = (&folded, slot.folded)
                && (more_than(slot.letters & !x.letters, limit)
                    || more_than(x.letters & !slot.letters, limit))
            {
                continue;
            }
            let s = &self.firsts[slot.at as usize];
            if within((s.text, s.folded.as_ref()), (last, folded.as_ref()), limit) {
                best = Some(best.map_or(s.person, |b| b.min(s.person)));
            }
        }
        best
    }
}

/// Resolves candidate names into people (and, for leftovers, acronyms and
/// places), appends them to `found`, and merges acronyms with organisations.
/// Returns each person's canonical name, by the index in [`Key::Person`]
/// (the mentions of people do not carry it).
pub(crate) fn resolve<'t>(
    found: &mut Vec<Found>,
    mut names: Vec<NameMention<'t>>,
    text: &'t str,
) -> Vec<String> {
    let mut people = People::with_capacity(names.len());
    // The entities found before the names, that a typo must not be as
    // close to.
    let others = found.len();
    // Each name becomes at most one record.
    found.reserve(names.len());
    // The names in text order, by index: moving the (large) names would
    // cost more than looking them up.
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&i| names[i].start);

    // 0. The first words of an organisation's name stand for it ("Woods
    //    Hole" for "Woods Hole Oceanographic Institution").
    // Distinct organisation names, by their first word.
    let mut orgs: HashMap<&str, Vec<(String, Key)>> = HashMap::default();
    // The organisations' records, by index: the passes over organisations
    // below read these alone, not every (large) record.
    let mut org_records: Vec<usize> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        if f.category != Category::Organisation {
            continue;
        }
        org_records.push(i);
        // (A byte search: `str::split_once` by a char does more.)
        let Some(space) = f.canonical.bytes().position(|b| b == b' ') else {
            continue;
        };
        let first = &f.canonical[..space];
        let list = orgs.entry(first).or_default();
        if !list.iter().any(|(full, _)| *full == f.canonical) {
            list.push((f.canonical.to_string(), f.key.clone()));
        }
    }
    let mut short_forms = Vec::new();
    order.retain(|&i| {
        let n = &names[i];
        if n.words.len() < 2 || n.person_cue || orgs.is_empty() {
            return true;
        }
        // The first word as `squeeze` would leave it, to squeeze only
        // names that may be short forms.
        let raw = &text[n.start..n.end];
        let first = raw
            .trim_start()
            .split(char::is_whitespace)
            .next()
            .unwrap_or_default();
        let Some(list) = orgs.get(first) else {
            return true;
        };
        let short = crate::tokens::squeeze(raw);
        let Some((full, key)) = list.iter().find(|(full, _)| {
            full.len() > short.len()
                && full.starts_with(&short)
                && full.as_bytes()[short.len()] == b' '
        }) else {
            return true;
        };
        let mut f = Found::new(
            n.start,
            n.end,
            Kind::Who,
            Category::Organisation,
            key.clone(),
        );
        f.canonical = Cow::Owned(full.clone());
        f.sentence = n.sentence;
        f.acts = n.acts;
        short_forms.push(f);
        false
    });
    found.extend(short_forms);
    // Each name's person, by the name's index.
    let mut owner: Vec<Option<usize>> = vec![None; names.len()];

    // 1. Full names.
    for &i in &order {
        let n = &names[i];
        if n.words.len() >= 2 && (n.person_cue || !n.place_cue) {
            let same = people.full_name(&n.words);
            owner[i] = Some(people.add_form(same, &n.words, &text[n.start..n.end], n.start));
        }
    }
    // 2. Single words, in text order: a known name, a misspelling of one,
    //    or a new person when something says so. Twice, so that a surname
    //    met before its evidence still finds its person.
    let rivals = Rivals::new(&found[..others]);
    for _ in 0..2 {
        for &i in &order {
            let n = &names[i];
            if owner[i].is_some() || n.words.len() != 1 || n.acronym {
                continue;
            }
            let word = n.words[0];
            let known = people
                .exact(word, n.start)
                .or_else(|| people.typo_cached(word, &rivals));
            if known.is_some() || (n.person_cue && !n.place_cue) {
                owner[i] = Some(people.add_form(known, &n.words, &text[n.start..n.end], n.start));
            }
        }
    }
    let canonicals: Vec<String> = people.list.iter().map(Person::canonical).collect();
    for i in order {
        let n = &mut names[i];
        let mut f = match owner[i] {
            Some(p) => {
                let mut f = Found::new(n.start, n.end, Kind::Who, Category::Person, Key::Person(p));
                if let Some(role) = n.role.take() {
                    f.detail = Detail::Role(role);
                }
                f
            }
            None if n.acronym => super::names::named(
                text,
                n.start,
                n.end,
                n.sentence,
                Kind::Who,
                Category::Organisation,
                n.acts,
            ),
            None if n.place_cue => super::names::named(
                text,
                n.start,
                n.end,
                n.sentence,
                Kind::Where,
                Category::Place,
                n.acts,
            ),
            None => continue,
        };
        f.sentence = n.sentence;
        f.acts = n.acts;
        found.push(f);
    }
    // The organisations among the records added here.
    org_records
        .extend((others..found.len()).filter(|&i| found[i].category == Category::Organisation));
    merge_acronyms(found, &org_records);
    canonicals
}

/// "CSTO" is the organisation whose capitalised words start with C, S, T, O.
/// `orgs` are the indices of the organisations in `found`, in order.
fn merge_acronyms(found: &mut [Found], orgs: &[usize]) {
    // Initials are capitals only, so only such a name can be one: most
    // articles have a few, and those without need no initials at all.
    let acronym = |f: &Found| {
        f.category == Category::Organisation
            && matches!(f.key, Key::Text(..))
            && f.canonical.len() >= 2
            && f.canonical.chars().all(char::is_uppercase)
    };
    // Each acronym → the first organisation with those initials.
    let mut wanted: HashMap<String, Option<usize>> = HashMap::default();
    for f in orgs.iter().map(|&i| &found[i]).filter(|f| acronym(f)) {
        if !wanted.contains_key(f.canonical.as_ref()) {
            wanted.insert(f.canonical.to_string(), None);
        }
    }
    if wanted.is_empty() {
        return;
    }
    let mut initials = String::new();
    // The names met so far: one met again has the same initials, and the
    // first wins.
    let mut seen: HashSet<&str> = HashSet::default();
    for &i in orgs {
        let f = &found[i];
        if !seen.insert(&f.canonical) || !f.canonical.as_bytes().contains(&b' ') {
            continue;
        }
        // The capitals that begin words, words split at spaces and hyphens.
        initials.clear();
        let mut word_start = true;
        for c in f.canonical.chars() {
            if word_start && c.is_uppercase() {
                initials.push(c);
            }
            word_start = c == ' ' || c == '-';
        }
        if let Some(first @ None) = wanted.get_mut(initials.as_str()) {
            *first = Some(i);
        }
    }
    // What each acronym takes from its organisation, made once: an article
    // that uses one tends to use it often.
    let merged: HashMap<String, (Key, String, String)> = wanted
        .into_iter()
        .filter_map(|(acronym, org)| {
            let org = &found[org?];
            let full = org.canonical.to_string();
            let note = [acronym.as_str(), " stands for ", &full].concat();
            Some((acronym, (org.key.clone(), full, note)))
        })
        .collect();
    for &i in orgs {
        let f = &mut found[i];
        if !acronym(f) {
            continue;
        }
        if let Some((key, full, note)) = merged.get(f.canonical.as_ref()) {
            f.detail = Detail::Note(Cow::Owned(note.clone()));
            f.key = key.clone();
            f.canonical = Cow::Owned(full.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits_and_transpositions() {
        assert_eq!(distance("Lukashenka", "Lukashenko", 2), 1);
        assert_eq!(distance("Lukashnka", "Lukashenka", 2), 1);
        assert_eq!(distance("Otunbaeva", "Otunbayeva", 2), 1);
        assert_eq!(distance("Iran", "Iraq", 2), 1);
        assert_eq!(distance("ab", "ba", 2), 1);
        assert_eq!(distance("Austria", "Australia", 1), 2);
    }

    /// The full optimal string alignment table, for comparison.
    fn full_osa(a: &[u8], b: &[u8]) -> usize {
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn banded_distance_agrees_with_the_full_table() {
        // Every pair of words over a small alphabet, up to five letters.
        let mut words = vec![String::new()];
        let mut level = vec![String::new()];
        for _ in 0..5 {
            level = level
                .iter()
                .flat_map(|w| ["a", "b", "c"].map(|c| format!("{w}{c}")))
                .collect();
            words.extend(level.iter().cloned());
        }
        for a in words.iter().step_by(7) {
            for b in &words {
                let full = full_osa(a.as_bytes(), b.as_bytes());
                for limit in 0..=3 {
                    let d = distance(a, b, limit);
                    if full <= limit {
                        assert_eq!(d, full, "{a} {b} {limit}");
                    } else {
                        assert!(d > limit, "{a} {b} {limit}");
                    }
                }
            }
        }
    }

    #[test]
    fn short_names_never_merge_by_spelling() {
        assert_eq!(allowed_typos("Iran".len()), 0);
        assert_eq!(allowed_typos("Lukashnka".len()), 1);
    }
}
