//! Salience: orders entities so the article's main actor, place and time
//! come first. Lead sentences and frequency weigh most; a name in the title
//! counts; the byline does not make its author the main actor.

use std::cmp::Reverse;

use super::{Entity, Kind, TITLE};
use crate::article::Article;

/// How much one mention in sentence `index` says about importance, where
/// the first `lead` sentences make the first paragraph.
fn weight(sentence: Option<usize>, lead: usize) -> f64 {
    match sentence {
        None => 0.25,
        Some(TITLE | 0) => 3.0,
        Some(1) => 2.0,
        Some(i) if i < lead => 1.5,
        Some(_) => 1.0,
    }
}

/// Scores `entities` and sorts them, most salient first, with the top
/// who, where and when leading.
pub(crate) fn rank(entities: &mut [Entity], article: &Article) {
    // A title given only in front matter has no spans: count its words.
    let front_title = article
        .title
        .as_ref()
        .filter(|t| t.span.is_none())
        .map_or("", |t| t.text.as_str());
    // Sentences come in paragraph order.
    let lead = article.sentences.partition_point(|s| s.paragraph == 0);
    for e in entities.iter_mut() {
        let mut score: f64 = e.mentions.iter().map(|m| weight(m.sentence, lead)).sum();
        if !front_title.is_empty()
            && e.spellings()
                .iter()
                .any(|s| s.len() > 2 && front_title.contains(s))
        {
            score += 3.0;
        }
        // Vague amounts ("millions of dollars") matter less than exact ones.
        if e.kind == Kind::HowMuch && e.value.is_none() {
            score *= 0.8;
        }
        e.salience = (score * 100.0).round() / 100.0;
    }
    let order = ranked(entities);
    // The main actor, place and time lead, in that order.
    let mut leaders = Vec::new();
    for kind in [Kind::Who, Kind::Where, Kind::When] {
        if let Some(&i) = order.iter().find(|&&i| {
            let e = &entities[i];
            e.kind == kind && e.mentions.iter().any(|m| m.sentence.is_some())
        }) {
            leaders.push(i);
        }
    }
    // Entity `place[k]` goes to position k: swapped into place along each
    // cycle, with no entity copied aside.
    let mut place: Vec<usize> = Vec::with_capacity(entities.len());
    let mut taken = vec![false; entities.len()];
    for i in leaders.into_iter().chain(order) {
        if !std::mem::replace(&mut taken[i], true) {
            place.push(i);
        }
    }
    permute(entities, &mut place);
}

/// The indices of `entities`, most salient first, then the earliest first
/// mentioned, then as they are (a stable order). Sorts keys rather than
/// the (large) entities; scores are never negative, so their bits order as
/// they do.
fn ranked(entities: &[Entity]) -> Vec<usize> {
    let first = |e: &Entity| e.mentions.first().map_or(usize::MAX, |m| m.start);
    let mut order: Vec<(Reverse<u64>, usize, usize)> = entities
        .iter()
        .enumerate()
        .map(|(i, e)| (Reverse(e.salience.to_bits()), first(e), i))
        .collect();
    order.sort_unstable();
    order.into_iter().map(|(_, _, i)| i).collect()
}

/// Reorders `items` so that the item at `place[k]` comes to position `k`
/// (`place` is a permutation, used up on the way).
fn permute<T>(items: &mut [T], place: &mut [usize]) {
    for k in 0..place.len() {
        // Follow the cycle through k: each step puts one item in place.
        let mut at = k;
        while place[at] != k {
            let from = place[at];
            items.swap(at, from);
            place[at] = at;
            at = from;
        }
        place[at] = at;
    }
}
