//! Distractors: wrong options of the answer's category — first the
//! article's other entities, then the gazetteers; numbers keep their unit
//! and magnitude ($2 bn → $1 bn, $5 bn, $20 bn). Never an alias of the
//! answer, never something the source sentence also says.

use rand::Rng;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::Context;
use crate::check::normalise;
use crate::facts::{Category, Kind};
use crate::gazetteer::{GAZETTEER, Known, Place};

/// What the options must avoid and match.
#[derive(Debug)]
pub(crate) struct Want<'a> {
    pub kind: Kind,
    pub category: Category,
    pub answer: &'a str,
    pub accept: &'a [String],
    pub value: Option<f64>,
    /// The entity asked about, if any.
    pub entity: Option<usize>,
    /// The source sentence: options it states are also true.
    pub sentence: Option<usize>,
    /// For a city, its country.
    pub country: Option<&'a str>,
}

impl<'a> Want<'a> {
    /// What options for target `t` must avoid and match.
    pub fn for_target(t: &'a super::Target) -> Self {
        Want {
            kind: t.e.kind,
            category: t.e.category,
            answer: &t.answer,
            accept: &t.accept,
            value: t.e.value,
            entity: Some(t.entity),
            sentence: Some(t.sentence),
            country: t
                .e
                .note
                .as_deref()
                .filter(|_| t.e.category == Category::City),
        }
    }

    /// What options for a question about a `kind`/`category` answer with no
    /// source sentence (the byline's author, a role's country) must avoid.
    pub fn for_question(
        ctx: &super::Context,
        q: &'a super::Question,
        kind: Kind,
        category: Category,
    ) -> Self {
        Want {
            kind,
            category,
            answer: &q.answer,
            accept: &q.accept,
            value: None,
            entity: ctx
                .facts
                .entities
                .iter()
                .position(|e| e.canonical == q.answer),
            sentence: None,
            country: None,
        }
    }
}

/// `n` distractors for `want`, or `None` when there are not enough good
/// ones.
pub(crate) fn pick(ctx: &Context, want: &Want, n: usize, rng: &mut StdRng) -> Option<Vec<String>> {
    let mut banned: Vec<String> = std::iter::once(want.answer)
        .chain(want.accept.iter().map(String::as_str))
        .map(normalise)
        .collect();
    let source = want
        .sentence
        .map(|s| normalise(ctx.article.sentence_text(s)))
        .unwrap_or_default();
    if let Some(s) = want.sentence {
        let span = &ctx.article.sentences[s];
        for m in ctx.mentions_in(span.start, span.end) {
            let e = &ctx.facts.entities[m.2];
            banned.push(normalise(&e.canonical));
        }
    }
    let mut out: Vec<String> = Vec::new();
    let answer_norm = normalise(want.answer);
    let mut offer = |cand: String, out: &mut Vec<String>| {
        let norm = normalise(&cand);
        // A misspelling of the answer is the answer ("Vigin Blue").
        let limit = usize::from(answer_norm.chars().count() >= 6);
        if want.kind != Kind::HowMuch
            && want.kind != Kind::When
            && crate::facts::distance(&norm, &answer_norm, limit) <= limit
        {
            return;
        }
        let stated = !norm.is_empty() && format!(" {source} ").contains(&format!(" {norm} "));
        if !norm.is_empty() && !stated && !banned.contains(&norm) {
            banned.push(norm);
            out.push(cand);
        }
    };
    // The article's other entities of the same category, most salient first.
    if want.kind != Kind::HowMuch && want.kind != Kind::When {
        for &i in ctx
            .by_category
            .get(&(want.kind, want.category))
            .into_iter()
            .flatten()
        {
            if Some(i) != want.entity {
                offer(ctx.facts.entities[i].canonical.clone(), &mut out);
            }
        }
    }
    match want.kind {
        Kind::Where => {
            let what = match want.category {
                Category::Country => Some(Known::Place(Place::Country)),
                Category::City => Some(Known::Place(Place::City)),
                Category::Region => Some(Known::Place(Place::Region)),
                _ => None,
            };
            if let Some(what) = what {
                let all = places(what);
                let mut pool: Vec<&str> = match want.country {
                    Some(country) => cities_of(country).to_vec(),
                    None => Vec::new(),
                };
                if pool.len() < n + 3 {
                    // Sample the whole list without shuffling all of it.
                    pool.clear();
                    for _ in 0..40.min(all.len()) {
                        pool.push(all[rng.random_range(0..all.len())]);
                    }
                } else {
                    pool.shuffle(rng);
                }
                for name in pool.into_iter().take(40) {
                    offer(name.to_owned(), &mut out);
                }
            }
        }
        Kind::HowMuch => {
            for c in numbers(want.answer, want.value, rng) {
                offer(c, &mut out);
            }
        }
        Kind::When => {
            for c in times(want.answer, want.category, rng) {
                offer(c, &mut out);
            }
        }
        Kind::Who => {}
    }
    if out.len() < n {
        return None;
    }
    out.truncate(n);
    Some(out)
}

/// Every gazetteer name of one kind of place, listed once.
fn places(what: Known) -> &'static [&'static str] {
    static LISTS: std::sync::LazyLock<Vec<(Known, Vec<&'static str>)>> =
        std::sync::LazyLock::new(|| {
            let g = &*GAZETTEER;
            [
                Known::Place(Place::Country),
                Known::Place(Place::City),
                Known::Place(Place::Region),
            ]
            .into_iter()
            .map(|what| {
                (
                    what,
                    g.entries
                        .iter()
                        .filter(|e| e.what == what)
                        .map(|e| e.name)
                        .collect(),
                )
            })
            .collect()
        });
    LISTS
        .iter()
        .find(|(w, _)| *w == what)
        .map_or(&[], |(_, list)| list.as_slice())
}

/// The gazetteer's cities of one country.
fn cities_of(country: &str) -> &'static [&'static str] {
    static BY_COUNTRY: std::sync::LazyLock<
        std::collections::HashMap<&'static str, Vec<&'static str>>,
    > = std::sync::LazyLock::new(|| {
        let mut map: std::collections::HashMap<&'static str, Vec<&'static str>> =
            std::collections::HashMap::new();
        for e in &GAZETTEER.entries {
            if let (Known::Place(Place::City), Some(country)) = (e.what, e.note) {
                map.entry(country).or_default().push(e.name);
            }
        }
        map
    });
    BY_COUNTRY.get(country).map_or(&[], Vec::as_slice)
}

/// The answer's number changed by plausible factors, in the answer's own
/// wording: "$2 bn" → "$1 bn", "$5 bn", "$20 bn".
fn numbers(answer: &str, value: Option<f64>, rng: &mut StdRng) -> Vec<String> {
    const VAGUE: &[&str] = &["hundreds", "thousands", "millions", "billions", "dozens"];
    if let Some(word) = VAGUE
        .iter()
        .find(|w| answer.starts_with(*w) || answer.to_lowercase().starts_with(*w))
    {
        return VAGUE
            .iter()
            .filter(|w| *w != word && **w != "dozens")
            .map(|w| format!("{w}{}", &answer[word.len()..]))
            .collect();
    }
    let Some((start, end)) = number_span(answer) else {
        return Vec::new();
    };
    let Some(v) = value.or_else(|| answer[start..end].replace(',', "").parse().ok()) else {
        return Vec::new();
    };
    let shown: f64 = answer[start..end].replace(',', "").parse().unwrap_or(v);
    let mut factors = vec![0.5, 2.0, 2.5, 5.0, 10.0, 0.2, 3.0, 1.5];
    factors.shuffle(rng);
    let decimals = answer[start..end].split('.').nth(1).map_or(0, str::len);
    factors
        .into_iter()
        .filter_map(|f| {
            let x = shown * f;
            let x = if decimals == 0 { x.round() } else { x };
            let text = if decimals > 0 {
                format!("{x:.*}", decimals.max(1))
            } else if answer[start..end].contains(',') {
                with_commas(x as u64)
            } else {
                format!("{}", x as u64)
            };
            let percent = answer[end..].trim_start().starts_with('%')
                || answer.contains("per cent")
                || answer.contains("percent");
            (x > 0.0 && !(percent && x > 100.0) && text != answer[start..end])
                .then(|| format!("{}{text}{}", &answer[..start], &answer[end..]))
        })
        .collect()
}

fn with_commas(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The first run of digits (with inner "," or ".") in `s`.
fn number_span(s: &str) -> Option<(usize, usize)> {
    let start = s.find(|c: char| c.is_ascii_digit())?;
    let mut end = start;
    let bytes = s.as_bytes();
    while end < bytes.len()
        && (bytes[end].is_ascii_digit()
            || (matches!(bytes[end], b',' | b'.')
                && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
    {
        end += 1;
    }
    Some((start, end))
}

/// Other times of the same shape.
fn times(answer: &str, category: Category, rng: &mut StdRng) -> Vec<String> {
    const MONTHS: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    const DAYS: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let lower = answer.to_lowercase();
    let mut out = Vec::new();
    match category {
        Category::Relative => {
            for c in [
                "last year",
                "this year",
                "next year",
                "last month",
                "next month",
                "last week",
                "this weekend",
                "last weekend",
                "next week",
                "two years ago",
                "yesterday",
                "tomorrow",
            ] {
                if c != lower {
                    out.push(c.to_owned());
                }
            }
            out.shuffle(rng);
        }
        Category::Period
            if number_span(answer).is_some() || answer.split_whitespace().count() == 2 =>
        {
            // "three hours", "42 days": the same unit, other numbers.
            if let Some((first, unit)) = answer.split_once(' ')
                && (first.chars().all(|c| c.is_ascii_digit())
                    || [
                        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                        "eleven", "twelve", "several", "few",
                    ]
                    .contains(&first))
            {
                for n in ["two", "five", "ten", "twelve", "24", "48", "six"] {
                    if n != first {
                        out.push(format!("{n} {unit}"));
                    }
                }
                out.shuffle(rng);
            }
        }
        Category::Period => {
            for c in [
                "the past year",
                "the past two years",
                "the past five years",
                "the past decade",
                "the past century",
                "the past three months",
                "the past two decades",
                "the past week",
            ] {
                out.push(c.to_owned());
            }
            out.shuffle(rng);
        }
        Category::Weekday => {
            let rest = answer
                .split_once(' ')
                .map_or(String::new(), |(_, r)| format!(" {r}"));
            for d in DAYS {
                out.push(format!("{d}{rest}"));
            }
            out.shuffle(rng);
        }
        Category::Holiday => {
            let mut names: Vec<&str> = GAZETTEER.holiday_list.iter().map(|h| h.name).collect();
            names.shuffle(rng);
            out.extend(names.into_iter().take(10).map(str::to_owned));
        }
        Category::Year => {
            if let Ok(y) = answer.trim().parse::<i32>() {
                for d in [-1, 2, -3, 5, -10, 1] {
                    out.push((y + d).to_string());
                }
            }
        }
        Category::Date => {
            // Shift the day and the month, keeping the format.
            if let Some((start, end)) = number_span(answer)
                && let Ok(day) = answer[start..end].parse::<u32>()
                && day <= 31
            {
                for d in [
                    day + 10,
                    day.saturating_sub(5).max(1),
                    (day % 28) + 2,
                    day + 3,
                ] {
                    if d != day && (1..=31).contains(&d) {
                        out.push(format!("{}{d}{}", &answer[..start], &answer[end..]));
                    }
                }
            }
            if let Some(m) = MONTHS.iter().position(|m| answer.contains(m)) {
                for shift in [1, 11, 2] {
                    out.push(answer.replace(MONTHS[m], MONTHS[(m + shift) % 12]));
                }
            }
            out.shuffle(rng);
        }
        Category::Time => {
            if let Some((start, end)) = number_span(answer) {
                let hour: u32 = answer[start..end]
                    .split(['.', ':'])
                    .next()
                    .and_then(|h| h.parse().ok())
                    .unwrap_or(0);
                for d in [2, 5, 9, 3] {
                    let h = (hour + d) % 12 + 1;
                    let rest = answer[start..end]
                        .find(['.', ':'])
                        .map_or("", |i| &answer[start + i..end]);
                    out.push(format!("{}{h}{rest}{}", &answer[..start], &answer[end..]));
                }
            }
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn money_keeps_unit_and_magnitude() {
        let mut rng = StdRng::seed_from_u64(1);
        let got = numbers("$2 bn", Some(2e9), &mut rng);
        assert!(
            got.iter().all(|g| g.starts_with('$') && g.ends_with(" bn")),
            "{got:?}"
        );
        assert!(!got.contains(&"$2 bn".to_owned()));
        assert!(got.len() >= 3);
    }

    #[test]
    fn vague_amounts_swap_magnitude() {
        let mut rng = StdRng::seed_from_u64(1);
        let got = numbers("millions of dollars", None, &mut rng);
        assert!(got.contains(&"billions of dollars".to_owned()), "{got:?}");
        assert!(!got.contains(&"millions of dollars".to_owned()));
    }

    #[test]
    fn dates_shift_day_and_month() {
        let mut rng = StdRng::seed_from_u64(1);
        let got = times("April 7", Category::Date, &mut rng);
        assert!(
            got.iter()
                .any(|g| g.starts_with("April ") && g != "April 7"),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|g| g.ends_with(" 7") && !g.starts_with("April")),
            "{got:?}"
        );
    }
}
