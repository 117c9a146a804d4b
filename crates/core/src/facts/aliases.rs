//! Aliases: one entity per referent. Full names and surnames merge
//! ("Kurmanbek Bakiyev" / "Bakiyev"); an article's misspellings merge with
//! the name they misspell when the name is long enough for a small distance
//! to be a typo and no other entity is as close; acronyms merge with the
//! organisation whose initials they are; a byline's author is a person.

use super::names::NameMention;
use super::{Category, Found, Key, Kind};
use crate::article::Article;

/// The byline's authors, as candidate names without a sentence.
pub(crate) fn byline(article: &Article) -> Vec<NameMention> {
    article
        .authors
        .iter()
        .filter_map(|f| {
            let span = f.span.clone()?;
            Some(NameMention {
                start: span.start,
                end: span.end,
                sentence: None,
                words: f.text.split_whitespace().map(str::to_owned).collect(),
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
fn allowed_typos(len: usize) -> usize {
    match len {
        0..6 => 0,
        6..12 => 1,
        _ => 2,
    }
}

/// Optimal string alignment distance, stopping early past `limit`.
pub(crate) fn distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * w] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1).min(d[i * w + j - 1] + 1).min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > limit {
            return limit + 1;
        }
    }
    d[a.len() * w + b.len()]
}

#[derive(Debug)]
struct Person {
    /// Full forms seen ("Aleksandr Lukashenka"), as word lists.
    forms: Vec<Vec<String>>,
    /// Where it was last mentioned (byte offset), to pick among namesakes.
    last_seen: usize,
}

impl Person {
    fn surnames(&self) -> impl Iterator<Item = &str> {
        self.forms.iter().filter_map(|f| f.last().map(String::as_str))
    }

    fn canonical(&self) -> String {
        let best = self.forms.iter().max_by_key(|f| f.len()).map_or(&self.forms[0], |f| f);
        best.join(" ")
    }
}

/// The person clusters of an article.
#[derive(Debug, Default)]
struct People {
    list: Vec<Person>,
    /// Spellings of other entities (places, organisations) that a typo must
    /// not be as close to.
    others: Vec<String>,
}

impl People {
    /// A person whose name includes `word` exactly; among namesakes, the one
    /// mentioned last before `at`.
    fn exact(&self, word: &str, at: usize) -> Option<usize> {
        let mut hits = self.list.iter().enumerate().filter(|(_, p)| p.forms.iter().any(|f| f.iter().any(|w| w == word)));
        let first = hits.next()?;
        let mut best = first;
        for hit in hits {
            if hit.1.last_seen <= at && (best.1.last_seen > at || hit.1.last_seen > best.1.last_seen) {
                best = hit;
            }
        }
        Some(best.0)
    }

    /// The one person whose surname `word` misspells, if no other entity is
    /// as close.
    fn typo(&self, word: &str) -> Option<usize> {
        let limit = allowed_typos(word.chars().count());
        if limit == 0 {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        let mut tie = false;
        for (i, p) in self.list.iter().enumerate() {
            let d = p.surnames().map(|s| if allowed_typos(s.chars().count()) == 0 { limit + 1 } else { distance(word, s, limit) }).min().unwrap_or(limit + 1);
            if d > limit {
                continue;
            }
            match best {
                Some((_, bd)) if d > bd => {}
                Some((_, bd)) if d == bd => tie = true,
                _ => {
                    best = Some((i, d));
                    tie = false;
                }
            }
        }
        let (i, d) = best?;
        let rival = self.others.iter().any(|o| distance(word, o, d) <= d);
        (!tie && !rival).then_some(i)
    }

    fn add(&mut self, words: Vec<String>, at: usize) -> usize {
        self.list.push(Person { forms: vec![words], last_seen: at });
        self.list.len() - 1
    }
}

/// Resolves candidate names into people (and, for leftovers, acronyms and
/// places), appends them to `found`, and merges acronyms with organisations.
pub(crate) fn resolve(found: &mut Vec<Found>, mut names: Vec<NameMention>) {
    let mut people = People {
        list: Vec::new(),
        others: found
            .iter()
            .filter(|f| matches!(f.kind, Kind::Where | Kind::Who))
            .map(|f| f.canonical.clone())
            .collect(),
    };
    people.others.sort();
    people.others.dedup();
    names.sort_by_key(|n| n.start);
    let mut owner: Vec<Option<usize>> = vec![None; names.len()];

    // 1. Full names: same words, or the same first name and a misspelt
    //    surname.
    for (i, n) in names.iter().enumerate().filter(|(_, n)| n.words.len() >= 2) {
        let same = people.list.iter().position(|p| {
            p.forms.iter().any(|f| {
                f == &n.words
                    || (f.len() == n.words.len()
                        && f[..f.len() - 1] == n.words[..n.words.len() - 1]
                        && distance(&f[f.len() - 1], &n.words[n.words.len() - 1], 1) <= allowed_typos(n.words[n.words.len() - 1].chars().count()))
                    || (f.len() < n.words.len() && n.words.ends_with(f))
                    || (n.words.len() < f.len() && f.ends_with(&n.words) && n.words.len() >= 2)
            })
        });
        let p = match same {
            Some(p) => {
                if !people.list[p].forms.contains(&n.words) {
                    people.list[p].forms.push(n.words.clone());
                }
                p
            }
            None => people.add(n.words.clone(), n.start),
        };
        people.list[p].last_seen = n.start;
        owner[i] = Some(p);
    }
    // 2. Single words, in text order: a known name, a misspelling of one,
    //    or a new person when something says so. Twice, so that a surname
    //    met before its evidence still finds its person.
    for _ in 0..2 {
        for (i, n) in names.iter().enumerate() {
            if owner[i].is_some() || n.words.len() != 1 || n.acronym {
                continue;
            }
            let word = &n.words[0];
            let p = people.exact(word, n.start).or_else(|| people.typo(word)).or_else(|| {
                (n.person_cue && !n.place_cue).then(|| people.add(vec![word.clone()], n.start))
            });
            if let Some(p) = p {
                if !people.list[p].forms.iter().any(|f| f.len() == 1 && f[0] == *word) && !people.list[p].forms.iter().any(|f| f.contains(word)) {
                    people.list[p].forms.push(vec![word.clone()]);
                }
                people.list[p].last_seen = n.start;
                owner[i] = Some(p);
            }
        }
    }
    let canonicals: Vec<String> = people.list.iter().map(Person::canonical).collect();
    for (n, p) in names.into_iter().zip(owner) {
        let mut f = match p {
            Some(p) => {
                let mut f = Found::new(n.start, n.end, Kind::Who, Category::Person, Key::Person(p));
                f.canonical = canonicals[p].clone();
                f.role = n.role;
                f
            }
            None if n.acronym => {
                let name = n.words[0].clone();
                let mut f = Found::new(n.start, n.end, Kind::Who, Category::Organisation, Key::Text("org", name.clone()));
                f.canonical = name;
                f
            }
            None if n.place_cue && !n.initial => {
                let name = n.words.join(" ");
                let mut f = Found::new(n.start, n.end, Kind::Where, Category::Place, Key::Text("place", name.clone()));
                f.canonical = name;
                f
            }
            None => continue,
        };
        f.sentence = n.sentence;
        f.acts = n.acts;
        found.push(f);
    }
    merge_acronyms(found);
}

/// "CSTO" is the organisation whose capitalised words start with C, S, T, O.
fn merge_acronyms(found: &mut [Found]) {
    let initials = |name: &str| -> String {
        name.split([' ', '-'])
            .filter(|w| w.starts_with(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let orgs: Vec<(String, Key, String)> = found
        .iter()
        .filter(|f| f.category == Category::Organisation && f.canonical.contains(' '))
        .map(|f| (initials(&f.canonical), f.key.clone(), f.canonical.clone()))
        .collect();
    for f in found.iter_mut() {
        if f.category != Category::Organisation || f.canonical.contains(' ') || !matches!(f.key, Key::Text(..)) {
            continue;
        }
        if let Some((_, key, full)) = orgs.iter().find(|(i, _, _)| i.len() >= 2 && *i == f.canonical) {
            f.key = key.clone();
            f.canonical.clone_from(full);
            f.note = Some(format!("{} stands for {full}", f.canonical));
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

    #[test]
    fn short_names_never_merge_by_spelling() {
        assert_eq!(allowed_typos("Iran".len()), 0);
        assert_eq!(allowed_typos("Lukashnka".len()), 1);
    }
}
