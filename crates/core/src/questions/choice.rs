//! Choice: a wh or cloze prompt with four options — the answer and three
//! distractors of its category, shuffled by the seeded generator.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;

use super::distractors::{Want, pick};
use super::{BLANK, Context, Question, Style, Target, question_id};
use crate::facts::{Category, Kind};

/// A choice prompt always asks: a cloze becomes "Which fills the blank …?".
fn ask(prompt: &str) -> String {
    if prompt.contains(BLANK) {
        format!("Which fills the blank: “{}”?", prompt.trim_end_matches('.'))
    } else {
        prompt.to_owned()
    }
}

fn with(q: &Question, prompt: &str, mut options: Vec<String>, rng: &mut StdRng) -> Question {
    options.push(q.answer.clone());
    options.shuffle(rng);
    Question {
        id: question_id(&q.source, &q.answer, Style::Choice),
        kind: q.kind,
        style: Style::Choice,
        prompt: ask(prompt),
        answer: q.answer.clone(),
        accept: q.accept.clone(),
        choices: options,
        sentence: q.sentence,
        source: q.source.clone(),
    }
}

/// The choice question for target `t`, from `prompt` (a wh or cloze).
pub(crate) fn build(ctx: &Context, t: &Target, prompt: &str, rng: &mut StdRng) -> Option<Question> {
    let want = Want::for_target(t);
    let options = pick(ctx, &want, 3, rng)?;
    let base = super::question(t, Style::Choice, prompt.to_owned(), ctx);
    Some(with(&base, prompt, options, rng))
}

/// A choice version of a question about a person (the byline's author).
pub(crate) fn with_people(ctx: &Context, q: &Question, rng: &mut StdRng) -> Option<Question> {
    let want = Want::for_question(ctx, q, Kind::Who, Category::Person);
    let options = pick(ctx, &want, 3, rng)?;
    Some(with(q, &q.prompt, options, rng))
}

/// A choice version of a question whose answer is a country.
pub(crate) fn with_places(ctx: &Context, q: &Question, rng: &mut StdRng) -> Option<Question> {
    let want = Want::for_question(ctx, q, Kind::Where, Category::Country);
    let options = pick(ctx, &want, 3, rng)?;
    Some(with(q, &q.prompt, options, rng))
}
