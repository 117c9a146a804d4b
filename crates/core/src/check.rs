//! Check: marks a typed answer the way a fair teacher would.
//!
//! Answers are compared after [`normalise`] (case, diacritics, punctuation,
//! possessive "'s", leading articles and spacing do not matter). Amounts are
//! compared by value and unit ("$2 bn" = "two billion dollars"), dates by
//! day, month and year ("7th of April" = "Apr. 7"), choice questions also by
//! the option's letter or number, true/false questions by yes/no words. A
//! misspelt name is [`Verdict::Close`] when it is within a small edit
//! distance of an accepted form and nearer to it than to any rival name;
//! numbers and dates are never close, only right or wrong.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::facts::Kind;
use crate::facts::{allowed_typos, distance};
use crate::gazetteer::GAZETTEER;
use crate::questions::{Question, Style};

/// The verdict on a typed answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The answer is right (any accepted spelling, value or date form).
    Correct,
    /// A small misspelling of the right name; show the right spelling.
    Close,
    /// Not the answer.
    Wrong,
}

/// A verdict with the answer to show the learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// How the answer was marked.
    pub verdict: Verdict,
    /// The expected answer as written in the question (for Close: the right
    /// spelling; for choice questions: the right option's text).
    pub expected: String,
}

/// Checks `given` against `question`. `rivals` are the other answers the
/// deck knows (other entities' names), which a typo must not be as close to.
#[must_use]
pub fn check(question: &Question, given: &str, rivals: &[&str]) -> Checked {
    let answer = normalise(&question.answer);
    let options: Vec<String> = if question.style == Style::Choice {
        question.choices.iter().map(|c| normalise(c)).collect()
    } else {
        Vec::new()
    };
    let right_option = options.iter().position(|o| same(o, &answer));
    let expected = right_option
        .and_then(|i| question.choices.get(i))
        .unwrap_or(&question.answer)
        .clone();
    Checked {
        verdict: verdict(question, answer, &options, given, rivals),
        expected,
    }
}

/// Lowercase, NFKD without diacritics, Unicode punctuation (curly quotes too)
/// removed, leading articles (the/a/an) dropped, spaces collapsed.
///
/// A possessive "'s" is dropped ("Russia's" → "russia"), dashes and slashes
/// separate words ("Lashkar-e-Taiba" → "lashkar e taiba"), and a point or
/// comma between digits is kept ("3.5").
#[must_use]
pub fn normalise(text: &str) -> String {
    if text.is_ascii() {
        // ASCII is its own NFKD and has no combining marks.
        fold(text.len(), text.chars().map(|c| c.to_ascii_lowercase()))
    } else {
        fold(
            text.len(),
            text.nfkd()
                .flat_map(char::to_lowercase)
                .filter(|c| !is_combining_mark(*c)),
        )
    }
}

/// [`normalise`] after case and marks: punctuation, possessives, spaces
/// and leading articles.
fn fold(capacity: usize, chars: impl Iterator<Item = char>) -> String {
    let mut out = String::with_capacity(capacity);
    let mut chars = Ahead::new(chars);
    let mut space = false;
    while let Some(c) = chars.next() {
        let prev = if space { None } else { out.chars().next_back() };
        if c.is_whitespace() || c.is_control() || is_dash(c) {
            space = !out.is_empty();
        } else if is_apostrophe(c) {
            // "Russia's" → "russia"; "O'Brien" → "obrien".
            if prev.is_some_and(char::is_alphanumeric)
                && chars.peek(0) == Some('s')
                && !chars.peek(1).is_some_and(char::is_alphanumeric)
            {
                chars.next();
            }
        } else if matches!(c, '.' | ',')
            && prev.is_some_and(|p| p.is_ascii_digit())
            && chars.peek(0).is_some_and(|n| n.is_ascii_digit())
        {
            out.push(c);
        } else if !is_punctuation(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    loop {
        let rest = ["the ", "a ", "an "]
            .iter()
            .find_map(|article| out.strip_prefix(article));
        match rest {
            Some(rest) if !rest.is_empty() => {
                let cut = out.len() - rest.len();
                out.drain(..cut);
            }
            _ => break,
        }
    }
    out
}

/// An iterator with two characters of lookahead.
struct Ahead<I: Iterator<Item = char>> {
    it: I,
    next: [Option<char>; 2],
}

impl<I: Iterator<Item = char>> Ahead<I> {
    fn new(mut it: I) -> Self {
        let next = [it.next(), it.next()];
        Ahead { it, next }
    }

    fn next(&mut self) -> Option<char> {
        let c = self.next[0];
        self.next = [self.next[1], self.it.next()];
        c
    }

    fn peek(&self, k: usize) -> Option<char> {
        self.next[k]
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{02bc}'
    )
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '/' | '\u{2010}'..='\u{2015}' | '\u{2044}' | '\u{2212}' | '\u{2e3a}' | '\u{2e3b}'
    )
}

/// Unicode punctuation (general category P), as far as answers need it:
/// ASCII punctuation (not the symbols `$ + < = > ^ | ~`), Latin-1, general
/// punctuation (dashes, curly quotes, ellipsis), CJK, Arabic, Hebrew,
/// Armenian, Devanagari and supplemental punctuation.
fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation()
            && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '|' | '~');
    }
    matches!(
        c,
        '\u{a1}'
            | '\u{a7}'
            | '\u{ab}'
            | '\u{b6}'
            | '\u{b7}'
            | '\u{bb}'
            | '\u{bf}'
            | '\u{37e}'
            | '\u{387}'
            | '\u{55a}'..='\u{55f}'
            | '\u{589}'
            | '\u{58a}'
            | '\u{5be}'
            | '\u{5c0}'
            | '\u{5c3}'
            | '\u{5c6}'
            | '\u{5f3}'
            | '\u{5f4}'
            | '\u{609}'
            | '\u{60a}'
            | '\u{60c}'
            | '\u{60d}'
            | '\u{61b}'
            | '\u{61d}'..='\u{61f}'
            | '\u{66a}'..='\u{66d}'
            | '\u{6d4}'
            | '\u{964}'
            | '\u{965}'
            | '\u{970}'
            | '\u{e4f}'
            | '\u{e5a}'
            | '\u{e5b}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{2043}'
            | '\u{2045}'..='\u{2051}'
            | '\u{2053}'..='\u{205e}'
            | '\u{2308}'..='\u{230b}'
            | '\u{2329}'
            | '\u{232a}'
            | '\u{2768}'..='\u{2775}'
            | '\u{27e6}'..='\u{27ef}'
            | '\u{2983}'..='\u{2998}'
            | '\u{2e00}'..='\u{2e4f}'
            | '\u{2e52}'..='\u{2e5d}'
            | '\u{3001}'..='\u{3003}'
            | '\u{3008}'..='\u{3011}'
            | '\u{3014}'..='\u{301f}'
            | '\u{3030}'
            | '\u{303d}'
            | '\u{30a0}'
            | '\u{30fb}'
            | '\u{fd3e}'
            | '\u{fd3f}'
            | '\u{fe10}'..='\u{fe19}'
            | '\u{fe30}'..='\u{fe52}'
            | '\u{fe54}'..='\u{fe61}'
            | '\u{fe63}'
            | '\u{fe68}'
            | '\u{fe6a}'
            | '\u{fe6b}'
            | '\u{ff01}'..='\u{ff03}'
            | '\u{ff05}'..='\u{ff0a}'
            | '\u{ff0c}'..='\u{ff0f}'
            | '\u{ff1a}'
            | '\u{ff1b}'
            | '\u{ff1f}'
            | '\u{ff20}'
            | '\u{ff3b}'..='\u{ff3d}'
            | '\u{ff3f}'
            | '\u{ff5b}'
            | '\u{ff5d}'
            | '\u{ff5f}'..='\u{ff65}'
    )
}

/// Equal normalised texts, also when only the spaces differ
/// ("Lashkar e Taiba" / "Lashkar-e-Taiba").
fn same(a: &str, b: &str) -> bool {
    a == b
        || a.chars()
            .filter(|&c| c != ' ')
            .eq(b.chars().filter(|&c| c != ' '))
}

/// One accepted form of the answer.
struct Form<'a> {
    raw: &'a str,
    norm: String,
}

fn verdict(
    q: &Question,
    answer: String,
    options: &[String],
    given: &str,
    rivals: &[&str],
) -> Verdict {
    if given.trim().is_empty() {
        return Verdict::Wrong;
    }
    let g = normalise(given);
    if q.style == Style::TrueFalse
        && let Some(truth) = truth(&answer)
    {
        return if truth_word(&g) == Some(truth) {
            Verdict::Correct
        } else {
            Verdict::Wrong
        };
    }

    let mut forms = Vec::with_capacity(2 + q.accept.len());
    forms.push(Form {
        raw: &q.answer,
        norm: answer,
    });
    forms.extend(q.accept.iter().map(|a| Form {
        raw: a,
        norm: normalise(a),
    }));
    forms.retain(|f| !f.norm.is_empty());
    let others: Vec<&str> = q
        .choices
        .iter()
        .zip(options)
        .filter(|(_, o)| !forms.iter().any(|f| same(&f.norm, o)))
        .map(|(c, _)| c.as_str())
        .chain(rivals.iter().copied())
        .collect();

    if !options.is_empty()
        && !options.iter().any(|o| same(o, &g))
        && let Some(i) = pointer(given, options.len())
    {
        return if forms.iter().any(|f| same(&f.norm, &options[i])) {
            Verdict::Correct
        } else {
            Verdict::Wrong
        };
    }
    if g.is_empty() {
        return Verdict::Wrong;
    }
    if forms.iter().any(|f| same(&f.norm, &g)) {
        return Verdict::Correct;
    }
    if let Some(last) = surname(q, &others) {
        let norm = normalise(last);
        if same(&norm, &g) {
            return Verdict::Correct;
        }
        forms.push(Form { raw: last, norm });
    }

    let dates: Vec<Option<CalendarDay>> = forms.iter().map(|f| calendar_day(f.raw)).collect();
    let given_date = calendar_day(given);
    if let Some(gd) = given_date
        && dates.iter().any(Option::is_some)
    {
        return if dates.iter().flatten().any(|d| d.matches(gd)) {
            Verdict::Correct
        } else {
            Verdict::Wrong
        };
    }

    let clocks: Vec<Option<Clock>> = forms.iter().map(|f| clock(f.raw)).collect();
    if let Some(gc) = clock(given)
        && clocks.iter().any(Option::is_some)
    {
        return if clocks.iter().flatten().any(|c| c.matches(gc)) {
            Verdict::Correct
        } else {
            Verdict::Wrong
        };
    }

    let amounts: Vec<Option<Amount>> = forms
        .iter()
        .zip(dates.iter().zip(&clocks))
        .map(|(f, (d, c))| {
            if d.is_some() || c.is_some() {
                None
            } else {
                amount(f.raw)
            }
        })
        .collect();
    if given_date.is_none()
        && clock(given).is_none()
        && let Some(ga) = amount(given)
        && amounts.iter().any(Option::is_some)
    {
        return if amounts.iter().flatten().any(|a| a.matches(&ga)) {
            Verdict::Correct
        } else {
            Verdict::Wrong
        };
    }

    // A typo in a name: never in a number or a date, never changing a digit,
    // never as near to a rival.
    let best = forms
        .iter()
        .zip(dates.iter().zip(&amounts).zip(&clocks))
        .filter(|(_, ((d, a), c))| d.is_none() && a.is_none() && c.is_none())
        .filter(|(f, _)| digits(&f.norm).eq(digits(&g)))
        .filter_map(|(f, _)| {
            let limit = allowed_typos(f.norm.chars().count());
            let d = near(&g, &f.norm, limit);
            (limit > 0 && d <= limit).then_some(d)
        })
        .min();
    let Some(best) = best else {
        return Verdict::Wrong;
    };
    for rival in others {
        let r = normalise(rival);
        if r.is_empty() || forms.iter().any(|f| same(&f.norm, &r)) {
            continue;
        }
        if near(&g, &r, best) <= best {
            return Verdict::Wrong;
        }
    }
    Verdict::Close
}

/// Edit distance between two normalised names, also read through
/// [`romanised`] so that another romanisation of a foreign name ("Kirgizstan"
/// for "Kyrgyzstan", "Tchaikowsky" for "Tchaikovsky") costs nothing.
fn near(a: &str, b: &str, limit: usize) -> usize {
    let plain = distance(a, b, limit);
    if plain == 0 {
        return 0;
    }
    plain.min(distance(&romanised(a), &romanised(b), limit))
}

/// A name with the letters that romanisations of one sound disagree on
/// folded together: y/j → i, w → v, ph → f, kh → h, ck/q/c (before a hard
/// vowel or a consonant) → k, x → ks, and doubled letters → one.
fn romanised(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let (folded, used): (&str, usize) = match (c, next) {
            ('p', Some('h')) => ("f", 2),
            ('k', Some('h')) => ("h", 2),
            ('c', Some('k')) => ("k", 2),
            ('c', Some('h')) => ("ch", 2),
            ('c', Some('e' | 'i' | 'y')) => ("c", 1),
            ('c' | 'q', _) => ("k", 1),
            ('x', _) => ("ks", 1),
            ('y' | 'j', _) => ("i", 1),
            ('w', _) => ("v", 1),
            _ => ("", 1),
        };
        let mut push = |d: char| {
            if !out.ends_with(d) || !d.is_alphabetic() {
                out.push(d);
            }
        };
        if folded.is_empty() {
            push(c);
        } else {
            folded.chars().for_each(&mut push);
        }
        i += used;
    }
    out
}

fn digits(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(char::is_ascii_digit)
}

fn truth(answer: &str) -> Option<bool> {
    match answer {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

fn truth_word(given: &str) -> Option<bool> {
    match given {
        "t" | "true" | "yes" | "y" => Some(true),
        "f" | "false" | "no" | "n" => Some(false),
        _ => None,
    }
}

/// The option a choice answer points at: a letter ("b", "B)", "(b)", "b.")
/// or a 1-based number ("2", "2)").
fn pointer(given: &str, options: usize) -> Option<usize> {
    let s = given.trim();
    let s = match s.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => inner.trim(),
        None => s
            .strip_suffix(')')
            .or_else(|| s.strip_suffix('.'))
            .unwrap_or(s)
            .trim_end(),
    };
    let bytes = s.as_bytes();
    let index = match bytes {
        [b] if b.is_ascii_alphabetic() => usize::from(b.to_ascii_lowercase() - b'a'),
        [_, ..] if bytes.len() <= 3 && bytes.iter().all(u8::is_ascii_digit) => {
            s.parse::<usize>().ok()?.checked_sub(1)?
        }
        _ => return None,
    };
    (index < options).then_some(index)
}

/// For a person's full name, the surname a teacher would accept alone
/// ("Aleksandr Lukashenka" → "Lukashenka"), unless another name in play
/// shares it or the name looks like an organisation or a place.
fn surname<'a>(q: &'a Question, others: &[&str]) -> Option<&'a str> {
    if q.kind != Kind::Who {
        return None;
    }
    let name = q.answer.trim();
    let count = name.split_whitespace().count();
    if !(2..=4).contains(&count) {
        return None;
    }
    let last = name.split_whitespace().next_back()?;
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let lettered = |w: &str| {
        w.chars()
            .all(|c| c.is_alphabetic() || is_apostrophe(c) || matches!(c, '-' | '.'))
    };
    if !name
        .split_whitespace()
        .all(|w| capitalised(w) && lettered(w))
        || last.chars().filter(|c| c.is_alphabetic()).count() < 3
        || !last.chars().any(char::is_lowercase)
        || ["Jr", "Jr.", "Sr", "Sr."].contains(&last)
    {
        return None;
    }
    let g = &*GAZETTEER;
    if !g.lookup(name).is_empty()
        || name.split_whitespace().any(|w| {
            let w = w.to_lowercase();
            g.org_keywords.contains(&w) || g.place_keywords.contains(&w)
        })
    {
        return None;
    }
    let key = normalise(last);
    let shared = others
        .iter()
        .filter_map(|o| o.split_whitespace().next_back())
        .any(|o| normalise(o) == key);
    (!shared).then_some(last)
}

// ---------------------------------------------------------------------------
// Tokens for amounts and dates.

/// A number written with digits.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    /// How many digits, when written with digits only ("2016" → 4).
    plain: Option<usize>,
    /// Followed by st/nd/rd/th ("7th").
    ordinal: bool,
}

#[derive(Debug, Clone, Copy)]
enum Tok<'a> {
    Num(Num),
    Word(&'a str),
    Sign(char),
    Other,
}

/// More tokens than this is neither an amount nor a date.
const MAX_TOKENS: usize = 24;

/// Numbers, words and signs; punctuation and spaces separate. `None` for
/// long texts and malformed numbers ("1.2.3").
fn tokenize(text: &str) -> Option<Vec<Tok<'_>>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
        if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < bytes.len()
                && (bytes[j].is_ascii_digit()
                    || (matches!(bytes[j], b'.' | b',')
                        && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)))
            {
                j += 1;
            }
            let raw = &text[i..j];
            let rest = &text[j..];
            let decade = rest
                .strip_prefix(is_apostrophe)
                .unwrap_or(rest)
                .strip_prefix(['s', 'S'])
                .is_some_and(|after| !after.starts_with(char::is_alphabetic));
            if decade {
                // "1960s" is a period, not a number.
                return None;
            }
            let end = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let ordinal = is(&rest[..end], &["st", "nd", "rd", "th"]);
            if ordinal {
                j += end;
            }
            out.push(Tok::Num(Num {
                value: number_value(raw)?,
                plain: raw.bytes().all(|b| b.is_ascii_digit()).then_some(raw.len()),
                ordinal,
            }));
            i = j;
        } else if c.is_alphabetic() {
            let rest = &text[i..];
            let end = rest
                .find(|c: char| !c.is_alphabetic() && !is_combining_mark(c))
                .unwrap_or(rest.len());
            out.push(Tok::Word(&rest[..end]));
            i += end;
        } else {
            if matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₽' | '%') {
                out.push(Tok::Sign(c));
            } else if !(c.is_whitespace()
                || c.is_control()
                || is_punctuation(c)
                || is_dash(c)
                || is_apostrophe(c))
            {
                out.push(Tok::Other);
            }
            i += c.len_utf8();
        }
        if out.len() > MAX_TOKENS {
            return None;
        }
    }
    Some(out)
}

/// "1,000,000.5", "2.5", "2,5" (a decimal comma).
fn number_value(raw: &str) -> Option<f64> {
    if !raw.contains(',') {
        return raw.parse().ok();
    }
    let (int, frac) = raw.split_once('.').unwrap_or((raw, ""));
    if frac.contains(',') {
        return None;
    }
    let mut groups = int.split(',');
    let first = groups.next()?;
    if (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3) {
        let plain: String = raw.chars().filter(|&c| c != ',').collect();
        return plain.parse().ok();
    }
    if raw.matches(',').count() == 1 && !raw.contains('.') {
        return raw.replacen(',', ".", 1).parse().ok();
    }
    None
}

/// `w` is one of `list`, ignoring ASCII case.
fn is(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| w.eq_ignore_ascii_case(x))
}

const ORDINALS: [&str; 19] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// "seven" → 7, "twenty" → 20.
fn small_number(w: &str) -> Option<u32> {
    match crate::facts::number_word(&w.to_ascii_lowercase()) {
        Some(v) if v < 100.0 && w.len() > 1 && !w.eq_ignore_ascii_case("dozen") => Some(v as u32),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Amounts.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Currency {
    Dollar,
    Euro,
    Pound,
    Yen,
    Yuan,
    Rupee,
    Rouble,
}

fn currency_sign(c: char) -> Option<Currency> {
    Some(match c {
        '$' => Currency::Dollar,
        '€' => Currency::Euro,
        '£' => Currency::Pound,
        '¥' => Currency::Yen,
        '₹' => Currency::Rupee,
        '₽' => Currency::Rouble,
        _ => return None,
    })
}

fn currency_word(w: &str) -> Option<Currency> {
    const WORDS: [(&[&str], Currency); 7] = [
        (
            &[
                "dollar", "dollars", "usd", "aud", "cad", "nzd", "hkd", "sgd",
            ],
            Currency::Dollar,
        ),
        (&["euro", "euros", "eur"], Currency::Euro),
        (&["pound", "pounds", "sterling", "gbp"], Currency::Pound),
        (&["yen", "jpy"], Currency::Yen),
        (&["yuan", "renminbi", "rmb", "cny"], Currency::Yuan),
        (&["rupee", "rupees", "inr", "rs"], Currency::Rupee),
        (
            &["rouble", "roubles", "ruble", "rubles", "rub"],
            Currency::Rouble,
        ),
    ];
    WORDS
        .iter()
        .find(|(words, _)| is(w, words))
        .map(|&(_, c)| c)
}

/// "thousand", "m", "bn", …: (multiplier, is the bare "m" that may be metres).
fn big_scale(w: &str) -> Option<(f64, bool)> {
    if w.eq_ignore_ascii_case("m") {
        return Some((1e6, true));
    }
    let scale = if is(w, &["thousand", "thousands", "k"]) {
        1e3
    } else if is(w, &["million", "millions", "mn", "mln", "mil"]) {
        1e6
    } else if is(w, &["billion", "billions", "bn", "b", "bln"]) {
        1e9
    } else if is(w, &["trillion", "trillions", "tn", "trn"]) {
        1e12
    } else {
        return None;
    };
    Some((scale, false))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit<'a> {
    /// No unit written.
    Bare,
    Percent,
    Money(Currency),
    /// The counted or measured noun ("excavators", "km").
    Noun(&'a str),
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Amount<'a> {
    value: f64,
    unit: Unit<'a>,
    /// "40m" may be 40 metres as well as 40 million.
    metres: Option<f64>,
}

impl Amount<'_> {
    fn readings(&self) -> impl Iterator<Item = (f64, Unit<'_>)> {
        std::iter::once((self.value, self.unit)).chain(self.metres.map(|v| (v, Unit::Noun("m"))))
    }

    fn matches(&self, given: &Amount<'_>) -> bool {
        self.readings().any(|(v, u)| {
            given
                .readings()
                .any(|(w, t)| same_value(v, w) && compatible(u, t))
        })
    }
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// A missing unit is fine; a different one is not.
fn compatible(a: Unit<'_>, b: Unit<'_>) -> bool {
    match (a, b) {
        (Unit::Bare, _) | (_, Unit::Bare) | (Unit::Percent, Unit::Percent) => true,
        (Unit::Money(x), Unit::Money(y)) => x == y,
        (Unit::Noun(x), Unit::Noun(y)) => same_noun(x, y),
        _ => false,
    }
}

/// Singular, with measure spellings folded ("metres" → "m").
fn noun_key(w: &str) -> String {
    const MEASURES: [(&str, &[&str]); 12] = [
        ("m", &["m", "metre", "metres", "meter", "meters"]),
        (
            "km",
            &[
                "km",
                "kms",
                "kilometre",
                "kilometres",
                "kilometer",
                "kilometers",
            ],
        ),
        (
            "cm",
            &[
                "cm",
                "centimetre",
                "centimetres",
                "centimeter",
                "centimeters",
            ],
        ),
        (
            "mm",
            &[
                "mm",
                "millimetre",
                "millimetres",
                "millimeter",
                "millimeters",
            ],
        ),
        (
            "kg",
            &[
                "kg",
                "kgs",
                "kilo",
                "kilos",
                "kilogram",
                "kilograms",
                "kilogramme",
                "kilogrammes",
            ],
        ),
        ("g", &["g", "gram", "grams", "gramme", "grammes"]),
        ("t", &["t", "tonne", "tonnes", "ton", "tons"]),
        ("mi", &["mi", "mile", "miles"]),
        ("ft", &["ft", "foot", "feet"]),
        ("h", &["h", "hr", "hrs", "hour", "hours"]),
        ("ha", &["ha", "hectare", "hectares"]),
        ("person", &["person", "persons", "people"]),
    ];
    let mut w = normalise(w);
    if let Some((key, _)) = MEASURES.iter().find(|(_, s)| s.contains(&w.as_str())) {
        return (*key).to_owned();
    }
    if w.len() > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if ["ches", "shes", "xes", "sses"]
        .iter()
        .any(|e| w.ends_with(e))
    {
        w.truncate(w.len() - 2);
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w.pop();
    }
    w
}

fn same_noun(a: &str, b: &str) -> bool {
    let (a, b) = (noun_key(a), noun_key(b));
    let limit = allowed_typos(a.chars().count().min(b.chars().count()));
    a == b || distance(&a, &b, limit) <= limit
}

/// Words before the number that do not change it.
fn qualifier(t: &[Tok<'_>], i: usize) -> usize {
    const ONE: [&str; 17] = [
        "about",
        "around",
        "approximately",
        "approx",
        "nearly",
        "almost",
        "roughly",
        "some",
        "over",
        "under",
        "just",
        "only",
        "exactly",
        "estimated",
        "circa",
        "in",
        "the",
    ];
    const TWO: [(&str, &str); 7] = [
        ("more", "than"),
        ("less", "than"),
        ("fewer", "than"),
        ("at", "least"),
        ("at", "most"),
        ("up", "to"),
        ("an", "estimated"),
    ];
    let word = |k: usize| match t.get(k) {
        Some(Tok::Word(w)) => Some(*w),
        _ => None,
    };
    let Some(w) = word(i) else { return 0 };
    if is(w, &ONE) {
        return 1;
    }
    match word(i + 1) {
        Some(n)
            if TWO
                .iter()
                .any(|(x, y)| w.eq_ignore_ascii_case(x) && n.eq_ignore_ascii_case(y)) =>
        {
            2
        }
        _ => 0,
    }
}

/// Parses the whole text as an amount: optional qualifiers and currency,
/// a number in digits or words with its scale, then a unit or a noun.
fn amount(text: &str) -> Option<Amount<'_>> {
    let t = tokenize(text)?;
    let mut i = 0;
    loop {
        let n = qualifier(&t, i);
        if n == 0 {
            break;
        }
        i += n;
    }
    let mut unit = Unit::Bare;
    // A currency before the number: "$", "US$", "USD".
    match (t.get(i), t.get(i + 1)) {
        (Some(Tok::Word(w)), Some(Tok::Sign('$')))
            if is(w, &["us", "a", "au", "c", "ca", "nz", "hk", "s", "sg"]) =>
        {
            unit = Unit::Money(Currency::Dollar);
            i += 2;
        }
        (Some(Tok::Sign(c)), _) if let Some(cur) = currency_sign(*c) => {
            unit = Unit::Money(cur);
            i += 1;
        }
        (Some(Tok::Word(w)), _) if let Some(cur) = currency_word(w) => {
            unit = Unit::Money(cur);
            i += 1;
        }
        _ => {}
    }
    let (value, metres, next) = number_phrase(&t, i)?;
    i = next;

    let mut noun = None;
    let mut nouns_done = false;
    while let Some(&tok) = t.get(i) {
        i += 1;
        match tok {
            Tok::Sign('%') => set_unit(&mut unit, Unit::Percent)?,
            Tok::Sign(c) => set_unit(&mut unit, Unit::Money(currency_sign(c)?))?,
            Tok::Word(w) => {
                if w.eq_ignore_ascii_case("per")
                    && matches!(t.get(i), Some(Tok::Word(n)) if n.eq_ignore_ascii_case("cent"))
                {
                    i += 1;
                    set_unit(&mut unit, Unit::Percent)?;
                } else if is(w, &["percent", "pct", "percentage"]) {
                    if matches!(t.get(i), Some(Tok::Word(n)) if is(n, &["point", "points"])) {
                        i += 1;
                    }
                    set_unit(&mut unit, Unit::Percent)?;
                } else if let Some(cur) = currency_word(w) {
                    set_unit(&mut unit, Unit::Money(cur))?;
                } else if is(w, &["us", "u", "s", "american", "australian", "canadian"]) {
                } else if is(
                    w,
                    &["of", "in", "from", "at", "on", "for", "to", "with", "by"],
                ) {
                    nouns_done = true;
                } else if small_number(w).is_some() || big_scale(w).is_some() {
                    return None;
                } else if !nouns_done {
                    noun = Some(w);
                }
            }
            Tok::Num(_) | Tok::Other => return None,
        }
    }
    if let (Unit::Bare, Some(noun)) = (unit, noun) {
        unit = Unit::Noun(noun);
    }
    let metres = metres.filter(|_| matches!(unit, Unit::Bare));
    Some(Amount {
        value,
        unit,
        metres,
    })
}

/// Sets the unit once; a second, different unit is not an amount.
fn set_unit(unit: &mut Unit<'_>, new: Unit<'static>) -> Option<()> {
    if *unit != Unit::Bare && *unit != new {
        return None;
    }
    *unit = new;
    Some(())
}

/// A number in digits and words with scales from `i`: (value, the value
/// without a bare "m", the index after it).
fn number_phrase(t: &[Tok<'_>], mut i: usize) -> Option<(f64, Option<f64>, usize)> {
    let mut total = 0.0;
    let mut current: Option<f64> = None;
    let mut seen = false;
    let mut digits = false;
    let mut metres = None;
    let word = |k: usize| match t.get(k) {
        Some(Tok::Word(w)) => Some(*w),
        _ => None,
    };
    while let Some(&tok) = t.get(i) {
        match tok {
            Tok::Num(n) if !seen && !n.ordinal => {
                current = Some(n.value);
                digits = true;
            }
            Tok::Word(w) => {
                if let Some(v) = small_number(w) {
                    let so_far = current.unwrap_or(0.0) as u64 % 100;
                    let fits = if v < 10 {
                        so_far == 0 || (so_far >= 20 && so_far.is_multiple_of(10))
                    } else {
                        so_far == 0
                    };
                    if digits || !fits {
                        break;
                    }
                    current = Some(current.unwrap_or(0.0) + f64::from(v));
                } else if is(w, &["a", "an"])
                    && !seen
                    && word(i + 1).is_some_and(|n| {
                        is(n, &["hundred", "dozen"]) || (big_scale(n).is_some() && n.len() > 2)
                    })
                {
                    current = Some(1.0);
                } else if seen && is(w, &["hundred", "hundreds"]) {
                    current = Some(current.unwrap_or(1.0) * 100.0);
                    digits = false;
                } else if seen && w.eq_ignore_ascii_case("dozen") {
                    current = Some(current.unwrap_or(1.0) * 12.0);
                    digits = false;
                } else if seen && let Some((scale, bare_m)) = big_scale(w) {
                    let c = current.take().unwrap_or(1.0);
                    metres = (bare_m && total == 0.0).then_some(c);
                    total += c * scale;
                    digits = false;
                    i += 1;
                    continue;
                } else if seen
                    && w.eq_ignore_ascii_case("and")
                    && word(i + 1).is_some_and(|n| small_number(n).is_some())
                {
                } else {
                    break;
                }
            }
            _ => break,
        }
        seen = true;
        metres = None;
        i += 1;
    }
    seen.then(|| (total + current.unwrap_or(0.0), metres, i))
}

// ---------------------------------------------------------------------------
// Dates.

/// A day of the year, perhaps with its year; or a month, perhaps with a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CalendarDay {
    month: i8,
    day: Option<i8>,
    year: Option<i16>,
}

impl CalendarDay {
    /// Same day and month; the years only count when both are known.
    fn matches(self, given: CalendarDay) -> bool {
        self.month == given.month
            && self.day == given.day
            && (self.year.is_none() || given.year.is_none() || self.year == given.year)
    }
}

fn month(w: &str) -> Option<i8> {
    const MONTHS: [(&str, i8); 24] = [
        ("january", 1),
        ("jan", 1),
        ("february", 2),
        ("feb", 2),
        ("march", 3),
        ("mar", 3),
        ("april", 4),
        ("apr", 4),
        ("may", 5),
        ("june", 6),
        ("jun", 6),
        ("july", 7),
        ("jul", 7),
        ("august", 8),
        ("aug", 8),
        ("september", 9),
        ("sep", 9),
        ("sept", 9),
        ("october", 10),
        ("oct", 10),
        ("november", 11),
        ("nov", 11),
        ("december", 12),
        ("dec", 12),
    ];
    MONTHS
        .iter()
        .find(|(m, _)| w.eq_ignore_ascii_case(m))
        .map(|&(_, n)| n)
}

const WEEKDAYS: [&str; 17] = [
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thur",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
];

/// A day of the month in words: "seventh", "seven", "twenty".
fn day_word(w: &str) -> Option<u32> {
    if let Some(i) = ORDINALS.iter().position(|o| w.eq_ignore_ascii_case(o)) {
        return Some(i as u32 + 1);
    }
    if w.eq_ignore_ascii_case("twentieth") {
        return Some(20);
    }
    if w.eq_ignore_ascii_case("thirtieth") {
        return Some(30);
    }
    small_number(w).filter(|&v| (1..=30).contains(&v))
}

/// Parses the whole text as a date: a month with a day and/or a year in
/// any order ("April 7", "7th of April", "Tue, Apr. 7, 2016"), or ISO
/// ("2016-04-07").
fn calendar_day(text: &str) -> Option<CalendarDay> {
    let trimmed = text.trim();
    if trimmed.len() <= 10
        && let Ok(d) = trimmed.parse::<jiff::civil::Date>()
    {
        return Some(CalendarDay {
            month: d.month(),
            day: Some(d.day()),
            year: Some(d.year()),
        });
    }
    let t = tokenize(trimmed)?;
    let (mut m, mut day, mut year) = (None, None, None);
    let mut i = 0;
    while let Some(&tok) = t.get(i) {
        i += 1;
        match tok {
            Tok::Word(w) => {
                if let Some(n) = month(w) {
                    if m.replace(n).is_some() {
                        return None;
                    }
                } else if is(w, &WEEKDAYS) || is(w, &["on", "the", "of", "in"]) {
                } else if let Some(mut v) = day_word(w) {
                    if (v == 20 || v == 30)
                        && let Some(Tok::Word(n)) = t.get(i)
                        && let Some(u) = day_word(n).filter(|&u| u < 10)
                    {
                        v += u;
                        i += 1;
                    }
                    if day.replace(v as i8).is_some() {
                        return None;
                    }
                } else {
                    return None;
                }
            }
            Tok::Num(n) if n.plain == Some(4) && !n.ordinal => {
                if year.replace(n.value as i16).is_some() {
                    return None;
                }
            }
            Tok::Num(n) if matches!(n.plain, Some(1 | 2)) && (1.0..=31.0).contains(&n.value) => {
                if day.replace(n.value as i8).is_some() {
                    return None;
                }
            }
            _ => return None,
        }
    }
    let month = m?;
    if let Some(d) = day {
        jiff::civil::Date::new(year.unwrap_or(2000), month, d).ok()?;
    }
    Some(CalendarDay { month, day, year })
}

// ---------------------------------------------------------------------------
// Clock times.

/// A time of day: minutes since midnight, and whether "am" or "pm" was
/// written (then the minutes are exact; without it a 12-hour reading may be
/// meant).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Clock {
    minutes: u16,
    meridiem: bool,
}

impl Clock {
    /// Same time; a time without am/pm also matches the same time 12 hours
    /// later ("6:10" for "6.10pm").
    fn matches(self, given: Clock) -> bool {
        let (a, b) = (self.minutes, given.minutes);
        match (self.meridiem, given.meridiem) {
            (true, false) => b == a || b + 720 == a,
            (false, true) => a == b || a + 720 == b,
            _ => a == b,
        }
    }
}

/// Parses the whole text as a clock time: "6.10am", "6:10 p.m.", "00:48",
/// "6pm".
fn clock(text: &str) -> Option<Clock> {
    const MERIDIEMS: [(&str, bool); 6] = [
        ("a.m.", false),
        ("p.m.", true),
        ("a.m", false),
        ("p.m", true),
        ("am", false),
        ("pm", true),
    ];
    let t = text.trim();
    let mut body = t;
    let mut pm = None;
    for (suffix, is_pm) in MERIDIEMS {
        let cut = t.len().saturating_sub(suffix.len());
        if let (Some(head), Some(tail)) = (t.get(..cut), t.get(cut..))
            && tail.eq_ignore_ascii_case(suffix)
        {
            body = head.trim_end();
            pm = Some(is_pm);
            break;
        }
    }
    let number = |s: &str, len: std::ops::RangeInclusive<usize>| -> Option<u16> {
        if !len.contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    let (hour, minute) = match body.split_once([':', '.']) {
        Some((h, m)) => (number(h, 1..=2)?, number(m, 2..=2)?),
        None if pm.is_some() => (number(body, 1..=2)?, 0),
        None => return None,
    };
    if minute > 59 {
        return None;
    }
    let minutes = match pm {
        Some(is_pm) if (1..=12).contains(&hour) => (hour % 12 + if is_pm { 12 } else { 0 }) * 60,
        None if hour <= 24 => hour % 24 * 60,
        _ => return None,
    } + minute;
    Some(Clock {
        minutes,
        meridiem: pm.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(
        kind: Kind,
        style: Style,
        answer: &str,
        accept: &[&str],
        choices: &[&str],
    ) -> Question {
        Question {
            id: "q".to_owned(),
            kind,
            style,
            prompt: "?".to_owned(),
            answer: answer.to_owned(),
            accept: accept.iter().map(|s| (*s).to_owned()).collect(),
            choices: choices.iter().map(|s| (*s).to_owned()).collect(),
            sentence: Some(0),
            source: String::new(),
        }
    }

    /// One test per row: `name: (kind, style, answer, [accept], [choices],
    /// given, [rivals]) => verdict`.
    macro_rules! table {
        ($($name:ident: ($kind:ident, $style:ident, $answer:expr, [$($acc:expr),*], [$($ch:expr),*],
            $given:expr, [$($riv:expr),*]) => $want:ident;)*) => {$(
            #[test]
            fn $name() {
                let q = question(Kind::$kind, Style::$style, $answer, &[$($acc),*], &[$($ch),*]);
                let got = check(&q, $given, &[$($riv),*]);
                assert_eq!(got.verdict, Verdict::$want, "given {:?} for {:?}", $given, $answer);
            }
        )*};
    }

    const LUKA: [&str; 3] = ["Lukashenka", "Lukashenko", "Lukashnka"];
    const OPTIONS: [&str; 4] = ["Minsk", "Kyiv", "Vilnius", "Warsaw"];
    const MONEY: [&str; 4] = ["$1 bn", "$2 bn", "$3 bn", "$4 bn"];

    table! {
        // Spelling, case, punctuation and spacing.
        exact_answer_is_correct: (Who, Wh, "Aleksandr Lukashenka", [], [], "Aleksandr Lukashenka", []) => Correct;
        case_does_not_matter: (Who, Wh, "Aleksandr Lukashenka", [], [], "aLEKSANDR lukashenka", []) => Correct;
        punctuation_does_not_matter: (Who, Wh, "U.S. Treasury", [], [], "US Treasury!", []) => Correct;
        curly_quotes_do_not_matter: (Who, Wh, "Sinn Féin", [], [], "\u{201c}Sinn Fein\u{201d}", []) => Correct;
        diacritics_do_not_matter_otunbayeva: (Who, Wh, "Roza Otunbayeva", ["Otunbayeva"], [], "Otúnbayeva", []) => Correct;
        diacritics_in_the_answer_do_not_matter: (Who, Wh, "Otúnbayeva", [], [], "OTUNBAYEVA", []) => Correct;
        leading_article_is_dropped_from_the_given: (Who, Wh, "Kremlin", [], [], "the Kremlin", []) => Correct;
        leading_article_is_dropped_from_the_answer: (Who, Wh, "the Kremlin", [], [], "Kremlin", []) => Correct;
        extra_spaces_do_not_matter: (Where, Wh, "New York", [], [], "  New    York ", []) => Correct;
        hyphens_and_spaces_are_alike: (Who, Wh, "Lashkar-e-Taiba", [], [], "Lashkar e Taiba", []) => Correct;
        possessive_is_dropped: (Where, Cloze, "Russia", [], [], "Russia's", []) => Correct;
        curly_possessive_is_dropped: (Where, Cloze, "Russia", [], [], "Russia\u{2019}s", []) => Correct;
        a_different_name_is_wrong: (Where, Wh, "Russia", [], [], "Ukraine", []) => Wrong;

        // Aliases and surnames.
        lukashenko_spelling_is_accepted_for_lukashenka: (Who, Wh, "Aleksandr Lukashenka", [LUKA[0], LUKA[1], LUKA[2]], [], "Lukashenko", []) => Correct;
        article_misspelling_in_accept_is_correct: (Who, Wh, "Aleksandr Lukashenka", [LUKA[0], LUKA[1], LUKA[2]], [], "lukashnka", []) => Correct;
        surname_alone_is_accepted_from_the_aliases: (Who, Wh, "Aleksandr Lukashenka", [LUKA[0], LUKA[1], LUKA[2]], [], "Lukashenka", []) => Correct;
        surname_alone_is_accepted_for_a_person: (Who, Wh, "Kurmanbek Bakiyev", [], [], "Bakiyev", []) => Correct;
        first_name_alone_is_wrong: (Who, Wh, "Kurmanbek Bakiyev", [], [], "Kurmanbek", []) => Wrong;
        surname_shared_with_a_rival_is_wrong: (Who, Wh, "Kurmanbek Bakiyev", [], [], "Bakiyev", ["Maxim Bakiyev"]) => Wrong;
        last_word_of_an_organisation_is_wrong: (Who, Wh, "Central Bank", [], [], "Bank", []) => Wrong;
        last_word_of_a_place_is_wrong: (Where, Wh, "Bondi Beach", [], [], "Beach", []) => Wrong;

        // Typos.
        typo_in_a_long_name_is_close_lukashenkaa: (Who, Wh, "Aleksandr Lukashenka", [LUKA[0], LUKA[1], LUKA[2]], [], "Lukashenkaa", []) => Close;
        transposition_is_one_typo: (Where, Wh, "Austria", [], [], "Austira", ["Australia"]) => Close;
        typo_in_a_surname_without_aliases_is_close: (Who, Wh, "Kurmanbek Bakiyev", [], [], "Bakiyew", []) => Close;
        two_typos_in_a_long_name_are_close: (Who, Wh, "Aleksandr Lukashenka", [], [], "Aleksander Lukashenko", []) => Close;
        three_typos_are_wrong: (Who, Wh, "Aleksandr Lukashenka", [], [], "Aliksandr Lukishenki", []) => Wrong;
        english_romanisation_and_a_typo_are_close: (Who, Wh, "Aleksandr Lukashenka", [], [], "Alexander Lukashenko", []) => Close;
        two_typos_in_a_mid_length_name_are_wrong: (Where, Wh, "Austria", [], [], "Austrlai", []) => Wrong;
        typo_as_close_to_a_rival_is_wrong: (Where, Wh, "Austria", [], [], "Austrlia", ["Australia"]) => Wrong;
        typo_closer_to_a_rival_is_wrong: (Where, Wh, "Austria", [], [], "Australia", ["Australia"]) => Wrong;
        rival_that_is_the_answer_itself_is_ignored: (Where, Wh, "Austria", [], [], "Austira", ["Austria"]) => Close;
        short_name_typo_is_wrong_iraq_for_iran: (Where, Wh, "Iran", [], [], "Iraq", ["Iraq"]) => Wrong;
        short_name_typo_without_rivals_is_wrong: (Where, Wh, "Iran", [], [], "Irn", []) => Wrong;
        typo_changing_a_digit_is_wrong: (Who, Wh, "Boeing 737", [], [], "Boeing 747", []) => Wrong;
        another_romanisation_is_close: (Where, Wh, "Kyrgyzstan", [], [], "Kirgizstan", []) => Close;
        another_romanisation_of_a_surname_is_close: (Who, Wh, "Pyotr Tchaikovsky", [], [], "Tchaikowsky", []) => Close;
        romanisation_plus_a_typo_is_close: (Where, Wh, "Kyrgyzstan", [], [], "Kirgizstn", []) => Close;
        romanisation_never_makes_a_short_name_close: (Where, Wh, "Iraq", [], [], "Irak", []) => Wrong;

        // Money.
        money_dollar_sign_and_bn: (HowMuch, Wh, "$2 bn", [], [], "$2 bn", []) => Correct;
        money_billion_spelt_out: (HowMuch, Wh, "$2 bn", [], [], "$2 billion", []) => Correct;
        money_billion_dollars: (HowMuch, Wh, "$2 bn", [], [], "2 billion dollars", []) => Correct;
        money_glued_bn: (HowMuch, Wh, "$2 bn", [], [], "2bn", []) => Correct;
        money_in_words: (HowMuch, Wh, "$2 bn", [], [], "two billion dollars", []) => Correct;
        money_us_dollar_sign: (HowMuch, Wh, "$2 bn", [], [], "US$2bn", []) => Correct;
        money_us_dollars_words: (HowMuch, Wh, "$2 bn", [], [], "2 billion US dollars", []) => Correct;
        money_currency_code: (HowMuch, Wh, "$2 bn", [], [], "USD 2,000 million", []) => Correct;
        money_without_unit_is_correct: (HowMuch, Wh, "$2 bn", [], [], "2 billion", []) => Correct;
        money_with_qualifier_is_correct: (HowMuch, Wh, "about $2 bn", [], [], "$2bn", []) => Correct;
        money_wrong_value_is_wrong: (HowMuch, Wh, "$2 bn", [], [], "$3 bn", []) => Wrong;
        money_wrong_scale_is_wrong: (HowMuch, Wh, "$2 bn", [], [], "$2 million", []) => Wrong;
        money_other_currency_is_wrong: (HowMuch, Wh, "$2 bn", [], [], "2 billion euros", []) => Wrong;
        money_other_currency_sign_is_wrong: (HowMuch, Wh, "$2 bn", [], [], "€2bn", []) => Wrong;
        money_euro_forms_agree: (HowMuch, Wh, "€1.5m", [], [], "1,500,000 EUR", []) => Correct;
        money_pounds_and_sign_agree: (HowMuch, Wh, "£300,000", [], [], "300 thousand pounds", []) => Correct;
        money_is_never_close: (HowMuch, Wh, "$2 bn", [], [], "$2 bm", []) => Wrong;

        // Percentages.
        percent_sign: (HowMuch, Wh, "3.5%", [], [], "3.5%", []) => Correct;
        percent_per_cent: (HowMuch, Wh, "3.5%", [], [], "3.5 per cent", []) => Correct;
        percent_percent: (HowMuch, Wh, "3.5 per cent", [], [], "3.5 percent", []) => Correct;
        percent_without_unit_is_correct: (HowMuch, Wh, "3.5%", [], [], "3.5", []) => Correct;
        percent_other_value_is_wrong: (HowMuch, Wh, "3.5%", [], [], "35%", []) => Wrong;
        percent_is_not_money: (HowMuch, Wh, "3.5%", [], [], "$3.5", []) => Wrong;

        // Counts and measures.
        count_digits: (HowMuch, Wh, "60 excavators", [], [], "60", []) => Correct;
        count_in_words: (HowMuch, Wh, "60", [], [], "sixty", []) => Correct;
        count_with_noun: (HowMuch, Wh, "60", [], [], "60 excavators", []) => Correct;
        count_words_with_noun: (HowMuch, Wh, "60 excavators", [], [], "Sixty excavator", []) => Correct;
        count_compound_words: (HowMuch, Wh, "25", [], [], "twenty-five", []) => Correct;
        count_hundreds_and_thousands: (HowMuch, Wh, "1,250", [], [], "one thousand two hundred and fifty", []) => Correct;
        count_a_million_people: (HowMuch, Wh, "1m people", [], [], "a million", []) => Correct;
        count_other_value_is_wrong: (HowMuch, Wh, "60 excavators", [], [], "61", []) => Wrong;
        count_other_noun_is_wrong: (HowMuch, Wh, "60 excavators", [], [], "60 percent", []) => Wrong;
        measure_metres_reading_of_m: (HowMuch, Wh, "40m", [], [], "40 metres", []) => Correct;
        measure_other_unit_is_wrong: (HowMuch, Wh, "40 km", [], [], "40 miles", []) => Wrong;
        year_by_value: (When, Wh, "2016", [], [], "in 2016", []) => Correct;
        number_against_text_is_wrong: (HowMuch, Wh, "60", [], [], "many", []) => Wrong;

        // Dates.
        date_month_day: (When, Wh, "April 7", [], [], "April 7", []) => Correct;
        date_day_month: (When, Wh, "April 7", [], [], "7 April", []) => Correct;
        date_abbreviated_with_dot: (When, Wh, "April 7", [], [], "Apr. 7", []) => Correct;
        date_ordinal: (When, Wh, "April 7", [], [], "April 7th", []) => Correct;
        date_ordinal_of_month: (When, Wh, "April 7", [], [], "7th of April", []) => Correct;
        date_lowercase_abbreviation: (When, Wh, "April 7", [], [], "apr 7", []) => Correct;
        date_sept_abbreviation: (When, Wh, "September 11", [], [], "Sept 11", []) => Correct;
        date_ordinal_words: (When, Wh, "March 21", [], [], "the twenty-first of March", []) => Correct;
        date_weekday_is_ignored: (When, Wh, "Tue, March 22, 2016", [], [], "March 22", []) => Correct;
        date_year_only_on_one_side_is_ignored: (When, Wh, "April 7", [], [], "April 7, 2016", []) => Correct;
        date_same_years_are_correct: (When, Wh, "7 April 2016", [], [], "2016-04-07", []) => Correct;
        date_other_year_is_wrong: (When, Wh, "April 7, 2016", [], [], "April 7, 2015", []) => Wrong;
        date_other_day_is_wrong: (When, Wh, "April 7", [], [], "April 8", []) => Wrong;
        date_other_month_is_wrong: (When, Wh, "April 7", [], [], "May 7", []) => Wrong;
        date_day_alone_is_wrong: (When, Wh, "April 7", [], [], "7", []) => Wrong;
        date_is_never_close: (When, Wh, "September 11", [], [], "Septembr 11", []) => Wrong;

        date_month_alone_is_not_the_day: (When, Wh, "April 7", [], [], "April", []) => Wrong;
        decade_is_not_its_first_year: (When, Wh, "the 1960s", [], [], "1960", []) => Wrong;
        decade_forms_agree: (When, Wh, "the 1960s", [], [], "1960s", []) => Correct;

        // Clock times.
        time_colon_and_point_agree: (When, Wh, "6.10am", [], [], "6:10 a.m.", []) => Correct;
        time_twenty_four_hour_agrees: (When, Wh, "6.10pm", [], [], "18:10", []) => Correct;
        time_without_am_pm_is_correct: (When, Wh, "6.10pm", [], [], "6:10", []) => Correct;
        time_other_half_of_day_is_wrong: (When, Wh, "6.10pm", [], [], "6.10am", []) => Wrong;
        time_other_minute_is_wrong: (When, Wh, "00:48", [], [], "00:49", []) => Wrong;
        time_on_the_hour: (When, Wh, "6pm", [], [], "6:00 PM", []) => Correct;

        // Choice questions.
        choice_by_letter: (Where, Choice, "Vilnius", [], [OPTIONS[0], OPTIONS[1], OPTIONS[2], OPTIONS[3]], "c", []) => Correct;
        choice_by_uppercase_letter_with_paren: (Where, Choice, "Vilnius", [], [OPTIONS[0], OPTIONS[1], OPTIONS[2], OPTIONS[3]], "C)", []) => Correct;
        choice_by_letter_with_dot: (Where, Choice, "Vilnius", [], [OPTIONS[0], OPTIONS[1], OPTIONS[2], OPTIONS[3]], "c.", []) => Correct;
        choice_by_number: (Where, Choice, "Vilnius", [], [OPTIONS[0], OPTIONS[1], OPTIONS[2], OPTIONS[3]], "3", []) => Correct;
        choice_by_text: (Where, Choice, "Vilnius", [], [OPTIONS[0], OPTIONS[1], OPTIONS[2], OPTIONS[3]], "vilnius", []) => Correct;
        choice_by_alias: (Where, Choice, "Vilnius", ["Vilna"], [OPTIONS[0], OPTIONS[1], OPTIONS[2], OPTIONS[3]], "Vilna", []) => Correct;
        choice_wrong_letter_is_wrong: (Where, Choice, "Vilnius", [], [OPTIONS[0], OPTIONS[1], OPTIONS[2], OPTIONS[3]], "b", []) => Wrong;
        choice_wrong_number_is_wrong: (Where, Choice, "Vilnius", [], [OPTIONS[0], OPTIONS[1], OPTIONS[2], OPTIONS[3]], "1", []) => Wrong;
        choice_other_option_text_is_wrong: (Where, Choice, "Vilnius", [], [OPTIONS[0], OPTIONS[1], OPTIONS[2], OPTIONS[3]], "Warsaw", []) => Wrong;
        choice_letter_past_the_options_is_wrong: (Where, Choice, "Vilnius", [], [OPTIONS[0], OPTIONS[1], OPTIONS[2], OPTIONS[3]], "e", []) => Wrong;
        choice_amount_by_value: (HowMuch, Choice, "$2 bn", [], [MONEY[0], MONEY[1], MONEY[2], MONEY[3]], "two billion dollars", []) => Correct;
        choice_amount_by_number: (HowMuch, Choice, "$2 bn", [], [MONEY[0], MONEY[1], MONEY[2], MONEY[3]], "2", []) => Correct;
        choice_other_amount_is_wrong: (HowMuch, Choice, "$2 bn", [], [MONEY[0], MONEY[1], MONEY[2], MONEY[3]], "$3bn", []) => Wrong;
        choice_typo_is_close: (Where, Choice, "Vilnius", [], [OPTIONS[0], OPTIONS[1], OPTIONS[2], OPTIONS[3]], "Vilnus", []) => Close;

        // True or false.
        true_false_true: (Who, TrueFalse, "True", [], [], "true", []) => Correct;
        true_false_t: (Who, TrueFalse, "True", [], [], "T", []) => Correct;
        true_false_yes: (Who, TrueFalse, "True", [], [], "Yes", []) => Correct;
        true_false_y: (Who, TrueFalse, "True", [], [], "y", []) => Correct;
        true_false_false: (Who, TrueFalse, "False", [], [], "FALSE", []) => Correct;
        true_false_f: (Who, TrueFalse, "False", [], [], "f", []) => Correct;
        true_false_no: (Who, TrueFalse, "False", [], [], "no.", []) => Correct;
        true_false_n: (Who, TrueFalse, "False", [], [], "N", []) => Correct;
        true_false_opposite_is_wrong: (Who, TrueFalse, "True", [], [], "no", []) => Wrong;
        true_false_other_words_are_wrong: (Who, TrueFalse, "True", [], [], "1", []) => Wrong;
        true_false_typo_is_wrong: (Who, TrueFalse, "False", [], [], "flase", []) => Wrong;

        // Flashcards and empty answers.
        flashcard_compares_text: (Who, Flashcard, "Roza Otunbayeva", [], [], "roza otunbayeva", []) => Correct;
        empty_answer_is_wrong: (Who, Wh, "Aleksandr Lukashenka", [], [], "", []) => Wrong;
        whitespace_answer_is_wrong: (Who, Wh, "Aleksandr Lukashenka", [], [], " \t\n", []) => Wrong;
        punctuation_only_answer_is_wrong: (Who, Wh, "Aleksandr Lukashenka", [], [], "?!", []) => Wrong;
        empty_choice_answer_is_wrong: (Where, Choice, "Vilnius", [], [OPTIONS[0], OPTIONS[1], OPTIONS[2], OPTIONS[3]], "", []) => Wrong;
    }

    #[test]
    fn close_shows_the_canonical_spelling() {
        let q = question(Kind::Who, Style::Wh, "Aleksandr Lukashenka", &LUKA, &[]);
        let got = check(&q, "Lukashenkaa", &[]);
        assert_eq!(got.verdict, Verdict::Close);
        assert_eq!(got.expected, "Aleksandr Lukashenka");
    }

    #[test]
    fn choice_shows_the_option_text() {
        let q = question(Kind::Where, Style::Choice, "vilnius", &[], &OPTIONS);
        let got = check(&q, "d", &[]);
        assert_eq!(
            got,
            Checked {
                verdict: Verdict::Wrong,
                expected: "Vilnius".to_owned()
            }
        );
    }

    #[test]
    fn normalise_folds_case_marks_punctuation_articles_and_spaces() {
        assert_eq!(
            normalise("  The  Kremlin\u{2019}s “Policy”! "),
            "kremlin policy"
        );
        assert_eq!(normalise("Otúnbayeva"), "otunbayeva");
        assert_eq!(normalise("O'Brien"), "obrien");
        assert_eq!(normalise("3.5%"), "3.5");
        assert_eq!(normalise("An  apple"), "apple");
        assert_eq!(normalise("the"), "the");
        assert_eq!(normalise("Lashkar-e-Taiba"), "lashkar e taiba");
        assert_eq!(normalise("ﬁve ＡＢＣ"), "five abc");
    }

    #[test]
    fn a_megabyte_answer_is_checked_quickly() {
        let huge = format!(
            "{} Lukashenka 🙂 ",
            "Łukašenka’s $2bn 7 April ".repeat(40_000)
        );
        let q = question(Kind::Who, Style::Wh, "Aleksandr Lukashenka", &LUKA, &[]);
        let start = std::time::Instant::now();
        assert_eq!(
            check(&q, &huge, &[&huge, "Lukashenko"]).verdict,
            Verdict::Wrong
        );
        let q = question(Kind::HowMuch, Style::Choice, "$2 bn", &[], &MONEY);
        assert_eq!(check(&q, &huge, &[&huge]).verdict, Verdict::Wrong);
        assert!(start.elapsed() < std::time::Duration::from_secs(10));
    }

    #[test]
    fn odd_inputs_never_panic() {
        let long = "ab ".repeat(4_000);
        let digits = "9".repeat(2_000);
        let commas = "1,".repeat(2_000);
        let words = "twenty ".repeat(30);
        let odd: Vec<&str> = vec![
            "",
            "\0",
            "\0\0's",
            "🙂",
            "👩‍👩‍👧 🇧🇾",
            "مرحبا بالعالم",
            "\u{202e}abc\u{202c}",
            "שלום",
            "e\u{301}\u{301}\u{301}",
            "İstanbul",
            "ß ẞ ǅ",
            "'s",
            "’",
            "$",
            "%%%",
            "US$",
            "1e999",
            "NaN",
            "inf",
            "-",
            "1.2.3",
            "1,2,3",
            "0",
            "0%",
            "a",
            "(",
            "()",
            "99999)",
            "April 31",
            "February 30 2016",
            "February 29",
            "9999-99-99",
            "2016-02-30",
            "million",
            "a million billion trillion",
            "twenty twenty",
            "and and",
            "4294967296th of May",
            "May 1 2 3",
            &long,
            &digits,
            &commas,
            &words,
        ];
        for answer in &odd {
            for style in Style::ALL {
                let q = question(Kind::Who, style, answer, &odd[..8], &odd[8..12]);
                for given in &odd {
                    let got = check(&q, given, &odd);
                    if given.trim().is_empty() {
                        assert_eq!(got.verdict, Verdict::Wrong);
                    }
                }
            }
            let _ = normalise(answer);
        }
    }
}
