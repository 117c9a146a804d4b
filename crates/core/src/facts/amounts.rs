//! Amounts: money with value and currency, percentages, counts with their
//! noun, and measures with their unit.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::times::{Phrases, class, grown_phrase};
use super::{Category, Detail, Found, Key, Kind, Sentence};
use crate::gazetteer::GAZETTEER;
use crate::tokens::TokenKind;

/// The words [`number_word`] knows, for the word classes.
pub(crate) const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "dozen",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
];

/// Number words up to ninety.
pub(crate) fn number_word(word: &str) -> Option<f64> {
    number_word_bytes(word.as_bytes())
}

/// [`number_word`] of a word's bytes.
pub(crate) fn number_word_bytes(word: &[u8]) -> Option<f64> {
    // Most words are ruled out by their first letter before the
    // comparisons below.
    if !matches!(
        word.first(),
        Some(b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n' | b'd' | b'h')
    ) {
        return None;
    }
    Some(match word {
        b"zero" => 0.0,
        b"one" => 1.0,
        b"two" => 2.0,
        b"three" => 3.0,
        b"four" => 4.0,
        b"five" => 5.0,
        b"six" => 6.0,
        b"seven" => 7.0,
        b"eight" => 8.0,
        b"nine" => 9.0,
        b"ten" => 10.0,
        b"eleven" => 11.0,
        b"twelve" | b"dozen" => 12.0,
        b"thirteen" => 13.0,
        b"fourteen" => 14.0,
        b"fifteen" => 15.0,
        b"sixteen" => 16.0,
        b"seventeen" => 17.0,
        b"eighteen" => 18.0,
        b"nineteen" => 19.0,
        b"twenty" => 20.0,
        b"thirty" => 30.0,
        b"forty" => 40.0,
        b"fifty" => 50.0,
        b"sixty" => 60.0,
        b"seventy" => 70.0,
        b"eighty" => 80.0,
        b"ninety" => 90.0,
        b"hundred" => 100.0,
        _ => return None,
    })
}

/// A scale word after a number: (multiplier, abbreviated).
fn scale(word: &[u8]) -> Option<(f64, bool)> {
    Some(match word {
        b"thousand" => (1e3, false),
        b"million" | b"millions" => (1e6, false),
        b"billion" | b"billions" => (1e9, false),
        b"trillion" => (1e12, false),
        b"k" => (1e3, true),
        b"m" | b"mn" | b"mln" => (1e6, true),
        b"bn" | b"b" | b"bln" => (1e9, true),
        b"tn" | b"trn" => (1e12, true),
        _ => return None,
    })
}

/// `digits.parse::<f64>().ok()`, for the text of a number token: digits
/// with at most one dot take a shorter way to the same value.
pub(crate) fn decimal(digits: &[u8]) -> Option<f64> {
    plain_decimal(digits).or_else(|| std::str::from_utf8(digits).ok()?.parse().ok())
}

/// [`decimal`] of digits with at most one dot (not first), up to 15
/// digits (16 bytes with the dot); `None` for anything else, whatever its
/// value.
#[inline]
fn plain_decimal(b: &[u8]) -> Option<f64> {
    /// Powers of ten that a float holds exactly.
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    // Past 15 digits the integer may not be exact: the parser decides.
    if b.is_empty() || b.len() > 16 {
        return None;
    }
    let mut m = 0u64;
    let mut dot = None;
    for (k, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' => m = m * 10 + u64::from(c - b'0'),
            b'.' if dot.is_none() && k > 0 => dot = Some(k),
            _ => return None,
        }
    }
    if dot.is_none() && b.len() > 15 {
        return None;
    }
    let fraction = dot.map_or(0, |d| b.len() - d - 1);
    // An exact integer over an exact power of ten, divided with one
    // rounding: the nearest float, as the parser finds.
    #[allow(clippy::cast_precision_loss)]
    Some(m as f64 / POW10[fraction])
}

/// A number at `i`: digits ("1,000", "2.5") or words ("twenty-five",
/// "two"). Returns (value, next index).
fn number(s: &Sentence, i: usize) -> Option<(f64, usize)> {
    let t = s.tokens.get(i)?;
    if t.kind == TokenKind::Number {
        let w = s.word_bytes(i);
        // Most numbers are digits with at most a dot: read in one pass.
        if let Some(v) = plain_decimal(w) {
            return Some((v, i + 1));
        }
        // Byte tests: a char pattern's searcher costs more than a number.
        if w.contains(&b':') {
            return None;
        }
        let v = if w.contains(&b',') {
            // "1,000": the digits without commas, on the stack if short.
            let mut buf = [0u8; 32];
            let mut len = 0;
            for &b in w.iter().filter(|&&b| b != b',') {
                if len == buf.len() {
                    return Some((s.word(i).replace(',', "").parse().ok()?, i + 1));
                }
                buf[len] = b;
                len += 1;
            }
            decimal(&buf[..len])?
        } else {
            // [`decimal`]'s own fast path has failed above: the parser.
            s.word(i).parse().ok()?
        };
        return Some((v, i + 1));
    }
    if !t.is_word() {
        return None;
    }
    let mut v = number_word_bytes(s.low_bytes(i))?;
    let mut j = i + 1;
    // "twenty-five"
    if v >= 20.0
        && s.tokens.get(j).is_some_and(|n| n.hyphen_before)
        && let Some(u) = number_word_bytes(s.low_bytes(j)).filter(|u| *u < 10.0)
    {
        v += u;
        j += 1;
    }
    if s.is(j, "hundred") && v < 100.0 {
        v *= 100.0;
        j += 1;
        // "two hundred and thirty"
        if s.is(j, "and")
            && let Some((rest, k)) = number(s, j + 1).filter(|(r, _)| *r < 100.0)
        {
            v += rest;
            j = k;
        }
    }
    Some((v, j))
}

/// A number (`at`, the [`number`] there) followed by "dozen" ("two dozen
/// militants" is 24).
fn dozens(s: &Sentence, at: Option<(f64, usize)>) -> Option<(f64, usize)> {
    let (v, j) = at?;
    if s.is(j, "dozen") && v < 100.0 {
        Some((v * 12.0, j + 1))
    } else {
        Some((v, j))
    }
}

/// A currency word or phrase at `i` ("dollars", "US dollars"):
/// (code, next index).
fn currency_word(s: &Sentence, i: usize) -> Option<(&'static str, usize)> {
    static WORDS: LazyLock<Phrases<&'static str>> = LazyLock::new(|| {
        Phrases::new(
            GAZETTEER
                .currency_words
                .iter()
                .map(|(phrase, &code)| (phrase.as_str(), code)),
        )
    });
    // Most words begin no currency word: ruled out by their class.
    if !s.has(i, class::CURRENCY_FIRST) {
        return None;
    }
    let mut best = None;
    let mut plain = true;
    for j in i..(i + GAZETTEER.max_currency_words).min(s.tokens.len()) {
        if !s.tokens[j].is_word() {
            break;
        }
        let (code, longer) = WORDS.get(grown_phrase(s, i, j, &mut plain).as_ref());
        if let Some(code) = code {
            best = Some((code, j + 1));
        }
        if !longer {
            break;
        }
    }
    best
}

/// A currency sign or code before a number at `i` ("$", "US$", "€",
/// "USD"): (code, next index).
fn currency_sign(s: &Sentence, i: usize) -> Option<(&'static str, usize)> {
    let g = &*GAZETTEER;
    let t = s.tokens.get(i)?;
    // No sign or code holds a digit (a test checks): most amounts begin
    // with a number, and need no lookup here.
    if t.kind == TokenKind::Number {
        return None;
    }
    // "US$5": a word glued to a sign.
    if t.is_word()
        && let Some(n) = s.tokens.get(i + 1)
        && n.kind == TokenKind::Symbol
        && !n.space_before
    {
        let joined = &s.text[t.start..n.end];
        if let Some(code) = g.currency_code(joined) {
            return Some((code, i + 2));
        }
    }
    let w = s.word(i);
    let code = if t.kind == TokenKind::Symbol {
        // A sign is one character: one of a few.
        SIGNS.iter().find(|e| e.0 == w).map(|e| e.1)?
    } else {
        g.currency_code(w)?
    };
    // Plain codes ("USD", "NOK", "Rs") only when all caps or a sign.
    if t.is_word() && !t.is_all_caps(s.text) && w != "Rs" {
        return None;
    }
    Some((code, i + 1))
}

/// The currency signs and codes of one character ("$", "€"), with their
/// codes: a sign token (one character) is looked for among these few
/// instead of hashed.
static SIGNS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    GAZETTEER
        .currency_signs
        .iter()
        .filter(|(sign, _)| sign.chars().count() == 1)
        .map(|(&sign, &code)| (sign, code))
        .collect()
});

/// Irregular plurals and collective nouns that can be counted.
const PLURALS: &[&str] = &[
    "people",
    "men",
    "women",
    "children",
    "police",
    "staff",
    "cattle",
    "sheep",
    "fish",
    "deer",
    "feet",
    "teeth",
    "mice",
    "personnel",
    "crew",
    "aircraft",
];

fn countable(s: &Sentence, i: usize) -> bool {
    let Some(t) = s.tokens.get(i) else {
        return false;
    };
    if !t.is_word() || t.is_capitalised(s.text) || !t.space_before {
        return false;
    }
    let lower = s.low(i);
    !GAZETTEER.stopwords.contains(lower) && plural(lower)
}

/// `lower` (a lowercase word) is shaped like a plural or is a countable
/// irregular one: [`countable`] for a word known to be no stopword.
fn plural(lower: &str) -> bool {
    // The regular plural first, then the irregular ones whose last letter
    // is the word's: the list is gone through for few words.
    let last = lower.as_bytes().last();
    (lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("us")
        && !lower.ends_with("is"))
        || PLURALS
            .iter()
            .any(|p| p.as_bytes().last() == last && lower.ends_with(p))
}

fn time_unit(word: &[u8]) -> bool {
    matches!(
        word,
        b"seconds"
            | b"minutes"
            | b"hours"
            | b"days"
            | b"weeks"
            | b"weekends"
            | b"months"
            | b"years"
            | b"decades"
            | b"centuries"
            | b"times"
    )
}

struct Hit {
    from: usize,
    to: usize,
    category: Category,
    value: Option<f64>,
    unit: Cow<'static, str>,
}

/// Finds amounts in `s`, claims their tokens and appends them to `out`.
pub(crate) fn scan(s: &mut Sentence, out: &mut Vec<Found>) {
    let (mut from, mut at) = (0, 0);
    while let Some((i, place)) = next_start(s, from, at) {
        from = i + 1;
        at = place;
        let Some(hit) = find_at(s, i) else {
            continue;
        };
        if s.used[hit.from..hit.to].iter().any(|&u| u) {
            continue;
        }
        let (start, end) = (s.tokens[hit.from].start, s.tokens[hit.to - 1].end);
        // Equal values: the same bits (no NaN comes from digits).
        let key = match hit.value {
            Some(v) => Key::Amount(
                hit.category,
                v.to_bits(),
                // Most units are borrowed: no call to copy them.
                match &hit.unit {
                    Cow::Borrowed(unit) => Cow::Borrowed(unit),
                    Cow::Owned(unit) => Cow::Owned(unit.clone()),
                },
            ),
            None => Key::Text(
                "amount",
                format!(
                    "{}:{}",
                    hit.category.as_str(),
                    s.text[start..end].to_lowercase()
                ),
            ),
        };
        // Every field given: no `Found::new` whose default detail would be
        // dropped when replaced.
        out.push(Found {
            start,
            end,
            sentence: None,
            kind: Kind::HowMuch,
            category: hit.category,
            key,
            canonical: Cow::Borrowed(""),
            // Made when the entity is: most mentions repeat one.
            canonical_from_text: Some(crate::tokens::squeeze),
            detail: Detail::Amount(hit.value, hit.unit),
            acts: false,
        });
        s.used[hit.from..hit.to].fill(true);
        from = hit.to;
    }
}

/// The first unclaimed token from `from` on that can begin an amount: a
/// number, a sign, a number word, a magnitude ("millions"), a currency
/// code ("USD") or a word glued to a sign ("US$"); with the place in the
/// sentence's [starts](Sentence::starts) (the only tokens looked at) to
/// resume from, looked for from place `at` on.
fn next_start(s: &Sentence, from: usize, mut at: usize) -> Option<(usize, usize)> {
    let tokens = &s.tokens[..];
    let used = &s.used[..];
    let bytes = s.text.as_bytes();
    // A word before a sign is found at the sign, not by looking ahead from
    // every word.
    while let Some(&k) = s.starts.get(at) {
        at += 1;
        if k < from {
            continue;
        }
        let t = &tokens[k];
        match t.kind {
            TokenKind::Number if !used[k] => return Some((k, at)),
            TokenKind::Symbol => {
                // A word glued to the sign, unclaimed (and not before
                // `from`).
                if k > from
                    && !t.space_before
                    && tokens[k - 1].kind == TokenKind::Word
                    && !used[k - 1]
                {
                    // The sign is looked at again after the word.
                    return Some((k - 1, at - 1));
                }
                if !used[k] {
                    return Some((k, at));
                }
            }
            TokenKind::Word if !used[k] => {
                if s.class[k] & (class::NUMBER_WORD | class::MAGNITUDE) != 0 {
                    return Some((k, at));
                }
                // A word with a lowercase ASCII letter first or second is
                // never all caps: most words are ruled out before the call.
                if bytes[t.start].is_ascii_lowercase() {
                    continue;
                }
                if !(t.end - t.start >= 2 && bytes[t.start + 1].is_ascii_lowercase())
                    && t.is_all_caps(s.text)
                {
                    return Some((k, at));
                }
            }
            _ => {}
        }
    }
    None
}

fn find_at(s: &Sentence, i: usize) -> Option<Hit> {
    // The number at `i`, read once for the finders that start with one.
    let at = number(s, i);
    if let Some(h) = money(s, i, at) {
        return Some(h);
    }
    // Vague amounts begin with a magnitude word, ages with a number: the
    // finders are not called for other tokens.
    if s.has(i, class::MAGNITUDE)
        && let Some(h) = vague(s, i)
    {
        return Some(h);
    }
    if s.tokens[i].kind == TokenKind::Number
        && let Some(h) = age(s, i, at)
    {
        return Some(h);
    }
    percent_measure_or_count(s, i, at)
}

/// Ages: "a 34-year-old man", "aged 93", "Sami Haddad, 61, said".
/// `at` is the [`number`] at `i`.
fn age(s: &Sentence, i: usize, at: Option<(f64, usize)>) -> Option<Hit> {
    let t = s.tokens[i];
    if t.kind != TokenKind::Number
        || s.word_bytes(i)
            .iter()
            .any(|b| matches!(b, b'.' | b',' | b':'))
    {
        return None;
    }
    let (v, _) = at?;
    let hit = |to| Hit {
        from: i,
        to,
        category: Category::Measure,
        value: Some(v),
        unit: Cow::Borrowed("years old"),
    };
    let glued = |k: usize| s.tokens.get(k).is_some_and(|n| n.hyphen_before);
    if glued(i + 1)
        && matches!(s.low_word_bytes(i + 1), b"year" | b"years")
        && glued(i + 2)
        && s.is(i + 2, "old")
    {
        return Some(hit(i + 3));
    }
    if v < 130.0 && i > 0 && s.is(i - 1, "aged") {
        return Some(hit(i + 1));
    }
    let between_commas = i >= 2
        && s.tokens[i - 1].is_punct(s.text, ',')
        && s.tokens[i - 2].is_capitalised(s.text)
        && s.tokens.get(i + 1).is_some_and(|n| n.is_punct(s.text, ','));
    (between_commas && v < 130.0).then(|| hit(i + 1))
}

/// Skips a scale word at `j` ("bn", "million"); `joined_only` limits the
/// abbreviations ("m", "k") to glued or money contexts.
fn scaled(s: &Sentence, j: usize, v: f64, money: bool) -> (f64, usize) {
    if let Some((mult, abbreviated)) = scale(s.low_bytes(j)).filter(|_| s.tokens[j].is_word()) {
        let glued = !s.tokens[j].space_before;
        if !abbreviated || money || glued && matches!(s.low_word_bytes(j), b"bn" | b"tn" | b"mn") {
            return (v * mult, j + 1);
        }
    }
    (v, j)
}

/// `at` is the [`number`] at `i`.
fn money(s: &Sentence, i: usize, at: Option<(f64, usize)>) -> Option<Hit> {
    if let Some((code, j)) = currency_sign(s, i)
        && let Some((v, k)) = number(s, j)
        && s.tokens[j].kind == TokenKind::Number
    {
        let (v, mut to) = scaled(s, k, v, true);
        // "$5 million dollars": swallow a repeated currency word.
        if let Some((_, after)) = currency_word(s, to) {
            to = after;
        }
        return Some(Hit {
            from: i,
            to,
            category: Category::Money,
            value: Some(v),
            unit: Cow::Borrowed(code),
        });
    }
    let (v, j) = at?;
    let (v, k) = scaled(s, j, v, false);
    let (code, to) = currency_word(s, k)?;
    Some(Hit {
        from: i,
        to,
        category: Category::Money,
        value: Some(v),
        unit: Cow::Borrowed(code),
    })
}

/// "millions of dollars", "tens of thousands of people", "hundreds of homes".
fn vague(s: &Sentence, i: usize) -> Option<Hit> {
    let magnitude = |k: usize| {
        matches!(
            s.low_word_bytes(k),
            b"dozens" | b"hundreds" | b"thousands" | b"millions" | b"billions" | b"tens"
        )
    };
    if !magnitude(i) || !s.is(i + 1, "of") {
        return None;
    }
    let mut j = i + 2;
    if s.is(i, "tens")
        || (matches!(s.low_word_bytes(i), b"hundreds")
            && matches!(s.low_word_bytes(j), b"thousands" | b"millions"))
    {
        if !magnitude(j) || !s.is(j + 1, "of") {
            return None;
        }
        j += 2;
    }
    if let Some((code, to)) = currency_word(s, j) {
        return Some(Hit {
            from: i,
            to,
            category: Category::Money,
            value: None,
            unit: Cow::Borrowed(code),
        });
    }
    // A person noun here is a group of people, not a count.
    let noun = s.low(j).to_owned();
    if s.is(i, "dozens") || GAZETTEER.person_nouns.contains(&noun) || !countable(s, j) {
        return None;
    }
    Some(Hit {
        from: i,
        to: j + 1,
        category: Category::Count,
        value: None,
        unit: Cow::Owned(noun),
    })
}

/// Units that are also words or letters ("C", "g", "in"): only glued to
/// the number; "51 m" and "20 km" may stand apart.
const GLUED_ONLY: &[&str] = &[
    "in", "C", "F", "g", "t", "l", "ha", "mi", "b", "B", "k", "K",
];

/// Unit spellings by [`Phrases`].
static UNITS: LazyLock<Phrases<&'static str>> = LazyLock::new(|| {
    Phrases::new(
        GAZETTEER
            .units
            .iter()
            .map(|(&spelled, u)| (spelled, u.canonical)),
    )
});

fn unit_at(s: &Sentence, j: usize) -> Option<(&'static str, usize)> {
    let g = &*GAZETTEER;
    let t = s.tokens.get(j)?;
    // "°C": the sign and the letter.
    if t.kind == TokenKind::Symbol && s.word_bytes(j) == "°".as_bytes() {
        let next = s.tokens.get(j + 1).filter(|n| !n.space_before)?;
        let spelled = &s.text[t.start..next.end];
        return g.units.get(spelled).map(|u| (u.canonical, j + 2));
    }
    // Most words begin no unit: ruled out by their class (non-words have
    // none, and begin no unit here either).
    if !s.has(j, class::UNIT_FIRST) {
        return None;
    }
    let mut best = None;
    for k in j..(j + g.max_unit_words).min(s.tokens.len()) {
        if !s.tokens[k].is_word() {
            break;
        }
        let (unit, longer) = UNITS.get(&s.text[t.start..s.tokens[k].end]);
        if let Some(canonical) = unit {
            best = Some((canonical, k + 1));
        }
        if !longer {
            break;
        }
    }
    let (canonical, to) = best?;
    let spelled = &s.text[t.start..s.tokens[to - 1].end];
    if t.space_before && GLUED_ONLY.contains(&spelled) {
        return None;
    }
    Some((canonical, to))
}

/// `at` is the [`number`] at `i`.
fn percent_measure_or_count(s: &Sentence, i: usize, at: Option<(f64, usize)>) -> Option<Hit> {
    let (v, j) = dozens(s, at)?;
    let t = s.tokens[i];
    // Scores and ranges ("3-1", "2-1 win") are not amounts.
    if s.tokens
        .get(j)
        .is_some_and(|n| n.hyphen_before && n.kind == TokenKind::Number)
        || (t.hyphen_before && t.kind == TokenKind::Number)
    {
        return None;
    }
    // Percent.
    let pct_to = if s.word_bytes(j) == b"%" {
        Some(j + 1)
    } else if s.is(j, "per") && s.is(j + 1, "cent") {
        Some(j + 2)
    } else if matches!(s.low_word_bytes(j), b"percent" | b"pc") {
        Some(j + 1)
    } else {
        None
    };
    if let Some(mut to) = pct_to {
        if s.is(to, "points") || (s.is(to, "percentage") && s.is(to + 1, "points")) {
            to += if s.is(to, "points") { 1 } else { 2 };
        }
        return Some(Hit {
            from: i,
            to,
            category: Category::Percent,
            value: Some(v),
            unit: Cow::Borrowed("%"),
        });
    }
    // Measure: "40m", "40 metres", "800-square metre", "5 km".
    let (scaled_v, k) = scaled(s, j, v, false);
    if let Some((unit, to)) = unit_at(s, k) {
        return Some(Hit {
            from: i,
            to,
            category: Category::Measure,
            value: Some(scaled_v),
            unit: Cow::Borrowed(unit),
        });
    }
    // Count: "60 excavators", "five heavy trucks", "2 million people".
    let is_year =
        t.kind == TokenKind::Number && s.word_bytes(i).len() == 4 && (1800.0..=2100.0).contains(&v);
    if s.tokens.get(k).is_some_and(|n| n.hyphen_before) || is_year || (v <= 1.0 && t.is_word()) {
        return None;
    }
    let mut to = k;
    let adjective = |k: usize| {
        s.tokens
            .get(k)
            .is_some_and(|t| t.is_word() && !t.is_capitalised(s.text))
            && !GAZETTEER.stopwords.contains(s.low(k))
    };
    // One adjective, perhaps hyphenated: "heavy", "methanol-capable".
    // Whether the noun at `to` is countable, once known: a word found an
    // adjective here is no stopword, so `countable` needs only its shape.
    let mut to_countable = None;
    if adjective(to) {
        if s.tokens[to].space_before && plural(s.low(to)) {
            to_countable = Some(true);
        } else {
            let mut adj_end = to + 1;
            while s.tokens.get(adj_end).is_some_and(|t| t.hyphen_before) && adjective(adj_end) {
                adj_end += 1;
            }
            if countable(s, adj_end) {
                to = adj_end;
                to_countable = Some(true);
            } else {
                to_countable = Some(false);
            }
        }
    }
    if to > k
        && let Some((unit, end)) = unit_at(s, to)
    {
        // "400 exhausting kilometres" is a measure.
        return Some(Hit {
            from: i,
            to: end,
            category: Category::Measure,
            value: Some(scaled_v),
            unit: Cow::Borrowed(unit),
        });
    }
    if !to_countable.unwrap_or_else(|| countable(s, to)) || time_unit(s.low_word_bytes(to)) {
        return None;
    }
    let noun = s.low(to).to_owned();
    Some(Hit {
        from: i,
        to: to + 1,
        category: Category::Count,
        value: Some(scaled_v),
        unit: Cow::Owned(noun),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(text: &str) -> Vec<(String, Category, Option<f64>, String)> {
        let mut s = Sentence::of(text);
        let mut out = Vec::new();
        scan(&mut s, &mut out);
        out.into_iter()
            .map(|f| {
                let Detail::Amount(value, unit) = f.detail else {
                    panic!("an amount without its value and unit: {f:?}")
                };
                (
                    text[f.start..f.end].to_owned(),
                    f.category,
                    value,
                    unit.into_owned(),
                )
            })
            .collect()
    }

    #[test]
    fn number_words_are_listed_for_the_word_classes() {
        for w in NUMBER_WORDS {
            assert!(number_word(w).is_some(), "{w}");
        }
        let known = [
            "zero", "one", "nine", "twelve", "dozen", "ninety", "hundred",
        ];
        let unknown = ["thousand", "a", "none", "tens", "dozens", "hundreds"];
        for w in known {
            assert!(NUMBER_WORDS.contains(&w), "{w}");
        }
        for w in unknown {
            assert!(number_word(w).is_none(), "{w}");
        }
    }

    #[test]
    fn decimals_parse_as_floats_do() {
        for w in [
            "0",
            "7",
            "2.5",
            "3.14159",
            "0.1",
            "0.30",
            "1000",
            "2.0",
            "999999999999999",
            "123456789012.345",
            "1234567890123456",
            "12345678901234567890",
            "1.2.3",
            "2.",
            "007",
            "6.10",
            "00",
        ] {
            assert_eq!(decimal(w.as_bytes()), w.parse::<f64>().ok(), "{w}");
        }
    }

    #[test]
    fn currency_words_and_units_begin_at_their_class() {
        // The class gates of `currency_word` and `unit_at` let every
        // spelling through, however written.
        for phrase in GAZETTEER.currency_words.keys() {
            for text in [phrase.clone(), phrase.to_uppercase(), format!("5 {phrase}")] {
                let s = Sentence::of(&text);
                let at = usize::from(text.starts_with('5'));
                assert!(currency_word(&s, at).is_some(), "{text}");
            }
        }
        // Units: the lookup itself (one- and two-letter forms count only
        // when glued, and "°" is looked up before the gate).
        for spelling in GAZETTEER.units.keys() {
            for text in [spelling.to_string(), spelling.to_lowercase()] {
                let s = Sentence::of(&format!("5 {text}"));
                assert!(
                    s.has(1, class::UNIT_FIRST) || text.starts_with('°'),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn codes_before_numbers_are_money() {
        // A code of no word class is a start only as the token before a
        // number.
        let got = amounts("paid USD 5 million and NOK 30, not USD or USD.");
        let summary: Vec<_> = got.iter().map(|g| (g.0.as_str(), g.3.as_str())).collect();
        assert_eq!(summary, [("USD 5 million", "USD"), ("NOK 30", "NOK")]);
    }

    #[test]
    fn currency_signs_hold_no_digits() {
        for sign in GAZETTEER.currency_signs.keys() {
            assert!(!sign.bytes().any(|b| b.is_ascii_digit()), "{sign}");
        }
    }

    #[test]
    fn money_has_value_and_currency() {
        let got = amounts(
            "receive $2 bn from Russia and $2.5bn, €300 million, 1.2 billion dollars, £40m, US$5",
        );
        let summary: Vec<_> = got
            .iter()
            .map(|g| (g.0.as_str(), g.2.unwrap(), g.3.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                ("$2 bn", 2e9, "USD"),
                ("$2.5bn", 2.5e9, "USD"),
                ("€300 million", 3e8, "EUR"),
                ("1.2 billion dollars", 1.2e9, "USD"),
                ("£40m", 4e7, "GBP"),
                ("US$5", 5.0, "USD"),
            ]
        );
    }

    #[test]
    fn vague_magnitudes() {
        let got = amounts("secure millions of dollars in aid and hundreds of homes");
        assert_eq!(got[0].0, "millions of dollars");
        assert_eq!(got[0].1, Category::Money);
        assert_eq!(got[0].2, None);
        assert_eq!(got[1].0, "hundreds of homes");
        assert_eq!(got[1].1, Category::Count);
        assert!(amounts("Dozens of rescuers came").is_empty());
    }

    #[test]
    fn percentages_counts_and_measures() {
        let got = amounts(
            "up 3.5% or 12 per cent as 60 excavators dug a 40m hole over an 800-square metre site",
        );
        let texts: Vec<_> = got.iter().map(|g| (g.0.as_str(), g.1)).collect();
        assert_eq!(
            texts,
            [
                ("3.5%", Category::Percent),
                ("12 per cent", Category::Percent),
                ("60 excavators", Category::Count),
                ("40m", Category::Measure),
                ("800-square metre", Category::Measure),
            ]
        );
    }

    #[test]
    fn scores_years_and_times_are_not_amounts() {
        assert!(amounts("won 2-1 in 2016 with one goal").is_empty());
        assert_eq!(amounts("five heavy trucks")[0].0, "five heavy trucks");
    }
}
