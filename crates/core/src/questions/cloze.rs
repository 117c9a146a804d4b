//! Cloze: the sentence with the answer blanked, trimmed to the clause that
//! matters when the sentence is long.

use super::clause::{Piece, capitalise, render};
use super::wh::{leaks, resolve_pronouns};
use super::{BLANK, Context, Target, is_demonym};

/// Sentences longer than this many words are trimmed to the clause.
const LONG: usize = 32;

/// Every opening quotation mark is closed in `text`.
pub(crate) fn quotes_balanced(text: &str) -> bool {
    let open = text.matches('“').count();
    let close = text.matches('”').count();
    open == close && text.matches('"').count().is_multiple_of(2)
}

/// The cloze prompt for target `t`.
pub(crate) fn build(ctx: &Context, t: &Target) -> Option<String> {
    if is_demonym(&ctx.text[t.start..t.end]) {
        return None; // "_____ president": the blank would want an adjective
    }
    let words = ctx.words(t.sentence, false);
    let (a, b) = words.range(t.start, t.end)?;
    // "south-_____": a blank glued into a compound reads wrong.
    if words.tokens[a].hyphen_before || words.tokens.get(b).is_some_and(|tok| tok.hyphen_before) {
        return None;
    }
    let n = words.tokens.len();
    let (mut from, mut to) = if ctx
        .article
        .sentence_text(t.sentence)
        .split_whitespace()
        .count()
        > LONG
    {
        words.clause_of(a)
    } else {
        (0, n)
    };
    // Part of a quotation that runs on into the next sentence: a fragment.
    if !quotes_balanced(ctx.article.sentence_text(t.sentence)) {
        return None;
    }
    // A relative or adjunct clause alone is a fragment: the whole sentence.
    if super::clause::opens_dependent(words.low(from)) {
        if n > 60 {
            return None;
        }
        (from, to) = (0, n);
    }
    let mut pieces: Vec<Piece> = Vec::new();
    for k in from..to {
        if k == a {
            pieces.push(Piece::Text(BLANK.to_owned()));
        }
        if k < a || k >= b {
            pieces.push(Piece::Token(k));
        }
    }
    resolve_pronouns(ctx, t, &words, &mut pieces)?;
    let mut prompt = capitalise(render(&words, &pieces).trim());
    if !prompt.ends_with(['.', '!', '"', '”']) {
        prompt = prompt.trim_end_matches([',', ';', ':']).to_owned();
        prompt.push('.');
    }
    if !quotes_balanced(&prompt)
        || !prompt.contains(BLANK)
        || leaks(t, &prompt)
        || prompt.split_whitespace().count() < 4
    {
        return None;
    }
    Some(prompt)
}
