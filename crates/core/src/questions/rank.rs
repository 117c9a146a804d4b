//! Rank: best questions first — the main event, salient entities and
//! specific answers before vague ones; wh before cloze; short before long.

use super::{Context, Question, Style, Target};
use crate::facts::{Category, Kind};

/// The score of the byline question: asked, but not first.
pub(crate) const BYLINE: f64 = 1.5;

/// How central entity `i` is, and how early sentence `sentence` comes.
pub(crate) fn for_entity(ctx: &Context, i: usize, sentence: usize) -> f64 {
    let top = ctx.top_salience;
    let salience = ctx.facts.entities[i].salience / top * 3.0;
    let lead = match sentence {
        0 => 1.0,
        1 => 0.6,
        s if ctx
            .article
            .sentences
            .get(s)
            .is_some_and(|x| x.paragraph == 0) =>
        {
            0.4
        }
        _ => 0.0,
    };
    salience + lead
}

/// Scores question `q` about target `t`.
pub(crate) fn scored(ctx: &Context, t: &Target, q: Question) -> (f64, Question) {
    let mut score = for_entity(ctx, t.entity, t.sentence);
    score += match q.style {
        Style::Wh => 0.4,
        Style::Choice => 0.3,
        Style::Cloze => 0.1,
        Style::TrueFalse => 0.0,
        Style::Flashcard => -0.2,
    };
    score += match (t.e.kind, t.e.category) {
        (Kind::HowMuch, _) if t.e.value.is_none() => -0.5,
        (Kind::HowMuch, _) => 0.4,
        (Kind::When, Category::Date | Category::Holiday | Category::Year) => 0.3,
        (Kind::When, Category::Relative) => -0.1,
        (Kind::Who, Category::Group) => -0.6,
        _ => 0.0,
    };
    let words = q.prompt.split_whitespace().count();
    score -= words.saturating_sub(20) as f64 * 0.03;
    (score, q)
}

/// Drops duplicates (same id or same prompt and style) and sorts best first.
pub(crate) fn finish(mut scored: Vec<(f64, Question)>) -> Vec<Question> {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    let mut seen_ids = std::collections::HashSet::new();
    let mut seen_prompts = std::collections::HashSet::new();
    scored
        .into_iter()
        .filter(|(_, q)| {
            seen_ids.insert(q.id.clone())
                && seen_prompts.insert((q.style, q.prompt.clone(), q.answer.clone()))
        })
        .map(|(_, q)| q)
        .collect()
}
