//! Flashcards: front and back — a person and their role ("Roza
//! Otunbayeva" → "head of the provisional government"), an amount or time
//! and what it was ("$2 bn" → "how much Bakiyev was able to receive from
//! Russia").

use super::wh::Wh;
use super::{Context, Question, Style, Target, question_id, rank};
use crate::facts::{Category, Kind};

/// A card for a fact: the answer on the front, what it answers on the back.
pub(crate) fn from_fact(ctx: &Context, t: &Target, wh: &Wh) -> Option<Question> {
    if !matches!(t.e.kind, Kind::HowMuch | Kind::When) {
        return None;
    }
    // One card per entity: the first mention's sentence.
    let first = t.e.mentions.iter().find_map(|m| m.sentence)?;
    if first != t.sentence {
        return None;
    }
    let source = ctx.article.sentence_text(t.sentence).to_owned();
    if wh.embedded.split_whitespace().count() > 16 {
        return None; // a card's back is read at a glance
    }
    let back = super::clause::capitalise(&wh.embedded);
    Some(Question {
        id: question_id(&source, &t.answer, Style::Flashcard),
        kind: t.e.kind,
        style: Style::Flashcard,
        prompt: super::clause::capitalise(&t.answer),
        answer: back,
        accept: Vec::new(),
        choices: Vec::new(),
        sentence: Some(t.sentence),
        source,
    })
}

/// Cards for people with roles: name on the front, role on the back.
pub(crate) fn roles(ctx: &Context) -> Vec<(f64, Question)> {
    let mut out = Vec::new();
    for (i, e) in ctx.facts.entities.iter().enumerate() {
        let (Some(role), Category::Person) = (&e.role, e.category) else {
            continue;
        };
        let Some(sentence) = e.mentions.iter().find_map(|m| m.sentence) else {
            continue;
        };
        let source = ctx.article.sentence_text(sentence).to_owned();
        let q = Question {
            id: question_id(&source, &e.canonical, Style::Flashcard),
            kind: Kind::Who,
            style: Style::Flashcard,
            prompt: e.canonical.clone(),
            answer: role.clone(),
            accept: Vec::new(),
            choices: Vec::new(),
            sentence: Some(sentence),
            source,
        };
        out.push((rank::for_entity(ctx, i, sentence) - 0.2, q));
    }
    out
}
