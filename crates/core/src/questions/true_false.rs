//! True/false: the fact as one statement, or with one entity swapped for a
//! same-category distractor that the article does not also make true.

use rand::Rng;
use rand::rngs::StdRng;

use super::clause::{Piece, capitalise, render};
use super::distractors::{Want, pick};
use super::wh::resolve_pronouns;
use super::{Context, Question, Style, Target, is_demonym, question_id};

/// The true/false question for target `t`.
pub(crate) fn build(ctx: &Context, t: &Target, rng: &mut StdRng) -> Option<Question> {
    if is_demonym(&ctx.text[t.start..t.end]) {
        return None;
    }
    let words = ctx.words(t.sentence, false);
    let (a, b) = words.range(t.start, t.end)?;
    if !super::wh::plain_mention(ctx, t, &words, a, b) {
        return None;
    }
    let (from, to) = if ctx
        .article
        .sentence_text(t.sentence)
        .split_whitespace()
        .count()
        > 32
    {
        words.clause_of(a)
    } else {
        (0, words.tokens.len())
    };
    // One statement: a main clause with its own verb.
    if to - from < 5
        || to - from > 40
        || !super::cloze::quotes_balanced(ctx.article.sentence_text(t.sentence))
        || super::clause::opens_dependent(words.low(from))
        || words.low(from) == "that"
        || words.verb_group(from, to, &[]).is_none()
    {
        return None;
    }
    // "the Kremlin" → "the Reuters": a swap after "the" reads wrong.
    let after_the = a > 0 && matches!(words.low(a - 1), "the" | "a" | "an");
    let truthful = rng.random_bool(0.5) || after_the;
    let swap = if truthful {
        None
    } else {
        let want = Want::for_target(t);
        Some(pick(ctx, &want, 1, rng)?.remove(0))
    };
    let mut pieces: Vec<Piece> = Vec::new();
    for k in from..to {
        if k == a
            && let Some(s) = &swap
        {
            pieces.push(Piece::Text(s.clone()));
        }
        if swap.is_none() || k < a || k >= b {
            pieces.push(Piece::Token(k));
        }
    }
    resolve_pronouns(ctx, t, &words, &mut pieces)?;
    let statement = render(&words, &pieces);
    if !super::cloze::quotes_balanced(&statement) {
        return None; // a clause cut out of a quotation
    }
    let body = statement.trim().trim_end_matches([',', ';', ':']);
    let statement = if body.ends_with(['.', '!', '”', '"']) {
        capitalise(body)
    } else {
        format!("{}.", capitalise(body))
    };
    let source = ctx.article.sentence_text(t.sentence).to_owned();
    let answer = if truthful { "True" } else { "False" };
    Some(Question {
        id: question_id(&source, &t.answer, Style::TrueFalse),
        kind: t.e.kind,
        style: Style::TrueFalse,
        prompt: statement,
        answer: answer.to_owned(),
        accept: Vec::new(),
        choices: vec!["True".to_owned(), "False".to_owned()],
        sentence: Some(t.sentence),
        source,
    })
}
