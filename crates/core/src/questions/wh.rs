//! Wh-questions: Who / Where / When / How much / How many / Which + noun,
//! made from the clause that states the fact. The answer as subject is
//! replaced; otherwise the auxiliary inverts or "do" supports the verb's
//! base form. Anything unsure gives `None`, and the caller uses a cloze.

use rand::rngs::StdRng;

use super::clause::{Piece, Words, capitalise, render};
use super::verbs::{Tense, base, singular};
use super::{Context, Question, Style, Target, choice, question_id, rank};
use crate::facts::{Category, Kind, is_compass};
use crate::gazetteer::{Form, GAZETTEER};
use crate::tokens::TokenKind;

/// A wh-question and its declarative twin ("how much Bakiyev was able to
/// receive from Russia"), which flashcards use.
#[derive(Debug, Clone)]
pub(crate) struct Wh {
    pub prompt: String,
    pub embedded: String,
}

const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "inside",
    "near",
    "into",
    "to",
    "across",
    "throughout",
    "within",
    "outside",
];
const PIED: &[&str] = &[
    "from", "with", "to", "for", "against", "by", "about", "between", "among", "of",
];
/// Words besides the compass that point at a part of a place ("outback
/// Queensland").
const AREA: &[&str] = &[
    "outback", "rural", "coastal", "inland", "downtown", "upstate",
];
const TEMPORAL: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "over",
    "throughout",
    "within",
    "for",
];
const SUBORDINATORS: &[&str] = &[
    "once",
    "when",
    "as",
    "if",
    "because",
    "although",
    "while",
    "after",
    "before",
    "since",
    "until",
    "though",
    "whereas",
    "whether",
    "which",
    "who",
    "where",
    "that",
    "whose",
    "whom",
    "with",
    "including",
    "despite",
];

fn wh_phrase(t: &Target) -> String {
    match (t.e.kind, t.e.category) {
        (Kind::Who, _) => "who".to_owned(),
        (Kind::Where, Category::Country) => "which country".to_owned(),
        (Kind::Where, Category::City) => "which city".to_owned(),
        (Kind::Where, Category::Region) => "which region".to_owned(),
        (Kind::Where, _) => "where".to_owned(),
        (Kind::When, _) => "when".to_owned(),
        (Kind::HowMuch, Category::Count) => match &t.e.unit {
            Some(noun) => format!("how many {noun}"),
            None => "how many".to_owned(),
        },
        (Kind::HowMuch, _) => "how much".to_owned(),
    }
}

/// Is token `k` a person pronoun, an "it"-like pronoun, or a first/second
/// person pronoun (quotations)?
fn pronoun(low: &str) -> Option<u8> {
    match low {
        "he" | "him" | "his" | "she" | "her" | "hers" | "himself" | "herself" => Some(1),
        "it" | "its" | "they" | "them" | "their" | "theirs" | "this" | "these" | "those" => Some(2),
        "i" | "me" | "my" | "we" | "us" | "our" | "you" | "your" => Some(3),
        _ => None,
    }
}

/// Resolves pronouns in `pieces`: a person pronoun takes its antecedent's
/// name unless the antecedent is the answer (then the wh-word binds it) or
/// is already named earlier in the prompt; "it"/"they"/"this" need a noun
/// phrase before them in the prompt. Returns `None` when one stays
/// unresolved.
pub(crate) fn resolve_pronouns(
    ctx: &Context,
    t: &Target,
    words: &Words,
    pieces: &mut Vec<Piece>,
) -> Option<()> {
    let mut named: Vec<usize> = Vec::new(); // entities named so far in the prompt
    let mut noun_before = false;
    let mut out = Vec::with_capacity(pieces.len());
    for (n, p) in pieces.iter().enumerate() {
        let Piece::Token(k) = p else {
            if let Piece::Text(s) = p
                && s != "_____"
                && n > 0
            {
                noun_before = true;
            }
            out.push(p.clone());
            continue;
        };
        let tok = words.tokens[*k];
        let low = words.low(*k);
        if let Some(&(_, _, e, _)) = ctx.mention_at(tok.start) {
            named.push(e);
            noun_before = true;
            out.push(p.clone());
            continue;
        }
        match pronoun(low) {
            Some(1) => {
                let antecedent = ctx.person_before(tok.start, t.sentence)?;
                if antecedent == t.entity || named.contains(&antecedent) {
                    out.push(p.clone());
                } else {
                    let name = ctx.short_name(antecedent);
                    named.push(antecedent);
                    let text = match low {
                        "his" | "her" if low == "his" || followed_by_noun(words, *k) => {
                            format!("{name}’s")
                        }
                        "hers" => format!("{name}’s"),
                        _ => name,
                    };
                    out.push(Piece::Text(text));
                }
            }
            Some(2) => {
                // "It became known that …" points at nothing: fine.
                let expletive = low == "it"
                    && matches!(
                        words.low(k + 1),
                        "is" | "was"
                            | "became"
                            | "becomes"
                            | "seems"
                            | "seemed"
                            | "appears"
                            | "appeared"
                            | "remains"
                    )
                    && (k + 2..k + 6).any(|j| matches!(words.low(j), "that" | "to"));
                // "this"/"these"/"those" before a noun point back too.
                if !expletive && (!noun_before || n == 0) {
                    return None;
                }
                out.push(p.clone());
            }
            Some(_) => return None,
            None => {
                if low == "that"
                    && (n == 0
                        || words
                            .tokens
                            .get(k + 1)
                            .is_none_or(|t| t.kind == TokenKind::Punct))
                {
                    return None;
                }
                if tok.is_word()
                    && low.len() > 2
                    && !low.starts_with(|c: char| c.is_ascii_digit())
                    && n > 0
                {
                    noun_before = true;
                }
                out.push(p.clone());
            }
        }
    }
    *pieces = out;
    Some(())
}

fn followed_by_noun(words: &Words, k: usize) -> bool {
    words
        .tokens
        .get(k + 1)
        .is_some_and(crate::tokens::Token::is_word)
}

/// Tokens `a..b` of the answer, with the role written before a person's
/// name ("former Kyrgyz president") and a leading "the".
fn answer_span(ctx: &Context, t: &Target, words: &Words) -> Option<(usize, usize, bool)> {
    let (mut a, b) = words.range(t.start, t.end)?;
    let mut with_role = false;
    if let Some(role) = &t.e.role {
        let before = ctx.text[..t.start].trim_end();
        if t.e.category == Category::Person && before.ends_with(role.as_str()) {
            let role_start = before.len() - role.len();
            if let Some(k) = words.tokens.iter().position(|tok| tok.start == role_start) {
                a = k;
                with_role = true;
            }
        }
    }
    // "Mr Arafat", "Dr. Lee": the honorific goes with the name.
    if !with_role && t.e.kind == Kind::Who {
        let dot = usize::from(a > 1 && words.low(a - 1) == ".");
        if a > dot && GAZETTEER.honorifics.contains(words.word(a - 1 - dot)) {
            a -= 1 + dot;
        }
    }
    if a > 0 && words.low(a - 1) == "the" {
        a -= 1;
    }
    Some((a, b, with_role))
}

/// Another same-kind entity joined to the answer by "," / "and" / "or":
/// the answer is one of a list, which a wh-question cannot single out.
fn in_list(ctx: &Context, t: &Target, words: &Words, a: usize, b: usize) -> bool {
    let kind_at = |k: usize| {
        words
            .tokens
            .get(k)
            .and_then(|tok| {
                ctx.mentions_in(tok.start, tok.end + 64)
                    .next()
                    .filter(|m| m.0 == tok.start)
            })
            .map(|m| ctx.facts.entities[m.2].kind)
    };
    let joiner = |k: usize| matches!(words.low(k), "," | "and" | "or" | "&");
    (joiner(b) && kind_at(b + 1) == Some(t.e.kind))
        || (a >= 2 && joiner(a - 1) && kind_at(a - 2) == Some(t.e.kind))
}

/// ", 28" or ", the number one suspect in …" right after the answer at
/// `..b` describes the answer and leaves with it: where the appositive
/// ends (past its closing comma), if one follows. A clause (", the police
/// said") or a list (", the mayor and …") is no appositive.
fn appositive_end(words: &Words, b: usize, to: usize) -> Option<usize> {
    if words.low(b) != "," {
        return None;
    }
    let first = b + 1;
    let number = words
        .tokens
        .get(first)
        .is_some_and(|t| t.kind == TokenKind::Number);
    if !number
        && !matches!(
            words.low(first),
            "the" | "a" | "an" | "his" | "her" | "its" | "their"
        )
    {
        return None;
    }
    let mut k = first;
    while k < to && words.low(k) != "," {
        let w = words.low(k);
        if super::verbs::is_finite_verb(w)
            || super::verbs::is_auxiliary(w)
            || matches!(w, "who" | "which" | "that" | "whose" | "and" | "or" | "but")
        {
            return None;
        }
        k += 1;
    }
    // A number alone is an age; more is something else ("…, 28 of them").
    if number && k != first + 1 {
        return None;
    }
    if k >= to {
        return Some(k);
    }
    // "on X, the parliament, a tower and …": one of a list, not a name
    // for the answer.
    let mut next = (k + 1..to).take_while(|&j| words.low(j) != ",");
    let list = matches!(words.low(k + 1), "the" | "a" | "an")
        || next.any(|j| matches!(words.low(j), "and" | "or"));
    (!list).then_some(k + 1)
}

/// The mention at tokens `a..b` names the entity itself: not a demonym
/// ("Belarusian"), not glued into a compound ("Russia-Belarus
/// relations"), not a modifier ("the Belarus president"), not possessive.
pub(crate) fn plain_mention(ctx: &Context, t: &Target, words: &Words, a: usize, b: usize) -> bool {
    let g = &*GAZETTEER;
    let demonym = super::is_demonym(&ctx.text[t.start..t.end]);
    let glued =
        words.tokens[a].hyphen_before || words.tokens.get(b).is_some_and(|tok| tok.hyphen_before);
    let possessive = words
        .tokens
        .get(b)
        .is_some_and(|tok| tok.kind == TokenKind::Possessive);
    // "the European Geosciences Union General Assembly": part of a name.
    let compound = t.e.kind != Kind::HowMuch
        && words
            .tokens
            .get(b)
            .is_some_and(|tok| tok.is_capitalised(words.text) && tok.space_before);
    // A common noun right after the mention makes it a modifier.
    let noun_after = words.tokens.get(b).is_some_and(|tok| {
        tok.is_word()
            && !tok.is_capitalised(words.text)
            && !g.stopwords.contains(words.low(b))
            && !words.low(b).ends_with("ly")
            && !super::verbs::is_auxiliary(words.low(b))
            && !super::verbs::is_finite_verb(words.low(b))
    });
    // "IMO emissions rules": an organisation named as a modifier.
    let org_modifier = t.e.category == Category::Organisation
        && noun_after
        && !crate::facts::is_listed_verb(words.low(b));
    // "the Belarus president".
    let modifier = org_modifier
        || a > 0
            && matches!(words.low(a - 1), "the" | "a" | "an")
            && t.e.kind != Kind::HowMuch
            && noun_after;
    !(demonym || glued || possessive || modifier || compound)
}

/// The wh-question for target `t`, if the sentence allows a sure one.
pub(crate) fn build(ctx: &Context, t: &Target) -> Option<Wh> {
    let words = ctx.words(t.sentence, true);
    let (a, b, with_role) = answer_span(ctx, t, &words)?;
    let (ma, mb) = words.range(t.start, t.end)?;
    // "$5 flights": an amount that modifies a noun is no answer to "how
    // much".
    if t.e.category == Category::Money
        && words
            .tokens
            .get(mb)
            .is_some_and(|tok| tok.is_word() && !tok.is_capitalised(words.text))
        && !GAZETTEER.stopwords.contains(words.low(mb))
        && !super::verbs::is_finite_verb(words.low(mb))
    {
        return None;
    }
    // "the 31-year-old would …": an age is no "how much".
    if t.e.unit.as_deref() == Some("years old") {
        return None;
    }
    if in_list(ctx, t, &words, a, b) || !plain_mention(ctx, t, &words, ma, mb) {
        return None;
    }
    let (mut from, to) = words.clause_of(a);
    // The answer inside a "that"-clause: ask about that clause.
    if let Some(that) = (from..a).rev().find(|&k| words.low(k) == "that") {
        from = that + 1;
    }
    if from < to && SUBORDINATORS.contains(&words.low(from)) {
        return None;
    }
    // "The more X did, the more Y": no single clause to ask about.
    if (from..to).any(|k| {
        matches!(words.low(k), "more" | "less" | "fewer") && k > 0 && words.low(k - 1) == "the"
    }) {
        return None;
    }
    // Quoted speech does not turn into questions.
    if (from..to).any(|k| matches!(words.word(k), "\"" | "“" | "”")) {
        return None;
    }
    // Verb group outside any mention (a time like "Victory Day" is no verb).
    let spans: Vec<(usize, usize)> = ctx
        .mentions_in(
            words.tokens.get(from)?.start,
            words.tokens.get(to.checked_sub(1)?)?.end,
        )
        .filter_map(|m| words.range(m.0, m.1))
        .collect();
    let (v, v_end, aux) = words.verb_group(from, to, &spans)?;
    let g = &*GAZETTEER;
    let is_title = |w: &str| g.titles.contains(w) || g.role_modifiers.contains(w);
    // A verb inside a relative clause ("the oceanographer whose work
    // changed …") is not the clause's own.
    if (from..v).any(|k| matches!(words.low(k), "which" | "who" | "whose" | "whom" | "that")) {
        return None;
    }
    let mut s = words.subject(from, v, is_title)?;
    // A name that opens the clause with a lowercase particle ("bin Laden
    // had gone") is the subject, particle and all.
    if ma == from && ma < s && s < mb {
        s = ma;
    }
    // A time or amount is no subject ("on Thursday reported").
    let time_subject = ctx
        .mentions_in(words.tokens[s].start, words.tokens[v - 1].end)
        .any(|m| {
            m.0 != t.start && matches!(ctx.facts.entities[m.2].kind, Kind::When | Kind::HowMuch)
        });
    if time_subject {
        return None;
    }
    // A coordinated subject ("She and Lukashenko are …") is not one answer.
    if v - s > 9 || (s > from && matches!(words.low(s - 1), "and" | "or" | "nor")) {
        return None;
    }
    let wh = wh_phrase(t);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut embedded: Vec<Piece> = Vec::new();
    let rest = |skip_from: usize, skip_to: usize, start: usize| -> Vec<Piece> {
        (start..to)
            .filter(|&k| k < skip_from || k >= skip_to)
            .map(Piece::Token)
            .collect()
    };
    if a >= s && b <= v {
        // The answer is the subject: replace it.
        // The answer must be the whole subject (a time never is one).
        let whole = a == s || (a == s + 1 && matches!(words.low(s), "the" | "a" | "an"));
        if b != v || !whole || t.e.kind == Kind::When {
            return None;
        }
        let who = if t.e.kind == Kind::Who && with_role {
            "who".to_owned()
        } else {
            wh.clone()
        };
        pieces.push(Piece::Text(who.clone()));
        // "Police have charged" → "Who has charged": a bare "who" or
        // "which country" is singular.
        let agree = matches!(t.e.kind, Kind::Who | Kind::Where)
            .then(|| singular(words.low(v)))
            .flatten();
        match agree {
            Some(verb) if v < to => {
                pieces.push(Piece::Text(verb.to_owned()));
                pieces.extend((v + 1..to).map(Piece::Token));
            }
            _ => pieces.extend((v..to).map(Piece::Token)),
        }
        embedded = pieces.clone();
    } else if b <= s {
        // The answer fronted before the subject: a time or place phrase.
        // Only a phrase that is the answer with its preposition ("Over
        // the past decade", "In Kenya,"): nothing else may hang on it.
        let fronted_ok = matches!(t.e.kind, Kind::When | Kind::Where)
            && s - from <= 8
            && (from..s).all(|k| {
                (k >= a && k < b)
                    || matches!(
                        words.low(k),
                        "in" | "on" | "at" | "over" | "during" | "throughout" | "the" | ","
                    )
            });
        if !fronted_ok {
            return None;
        }
        let subject: Vec<Piece> = (s..v).map(Piece::Token).collect();
        invert(
            &words,
            &wh,
            &subject,
            v,
            v_end,
            aux,
            rest(0, 0, v_end),
            &mut pieces,
            &mut embedded,
        )?;
    } else if a >= v_end {
        // Never out of a subordinate or absolute clause ("after X opened",
        // ", with Y heading …").
        const INNER: &[&str] = &[
            ",", "after", "before", "when", "while", "because", "since", "although", "though",
            "if", "unless", "until", "whereas", "with", "as", "who", "which", "where", "whose",
        ];
        if (v_end..a).any(|k| INNER.contains(&words.low(k))) {
            return None;
        }
        // Nor out of a clause that describes a noun without a "that" ("a
        // call they believed could be X"): "Who did they intercept a call
        // they believed could be?" is no question. After a verb such a
        // clause is what was said or thought, and may be asked about
        // ("said they arrested 12", "has announced it is shedding 500").
        let relative = (v_end + 1..a).any(|k| {
            matches!(
                words.low(k),
                "they" | "he" | "she" | "it" | "we" | "i" | "you"
            ) && !matches!(words.low(k - 1), "that" | "and" | "but" | "or")
                && !super::verbs::is_finite_verb(words.low(k - 1))
                && super::verbs::is_finite_verb(words.low(k + 1))
        });
        if relative {
            return None;
        }
        // The answer after the verb: remove it (and its preposition).
        let mut rm_a = a;
        // Hedges belong to the amount: "by up to 9 metres", "about 60".
        if t.e.kind == Kind::HowMuch
            && rm_a >= v_end + 2
            && words.low(rm_a - 1) == "to"
            && words.low(rm_a - 2) == "up"
        {
            rm_a -= 2;
        }
        while rm_a > v_end
            && t.e.kind == Kind::HowMuch
            && matches!(
                words.low(rm_a - 1),
                "up" | "about"
                    | "around"
                    | "nearly"
                    | "almost"
                    | "some"
                    | "roughly"
                    | "than"
                    | "more"
                    | "less"
                    | "over"
                    | "under"
                    | "approximately"
                    | "an"
                    | "estimated"
                    | "just"
            )
        {
            rm_a -= 1;
        }
        // And to a time: "at around 11pm", "for nearly two years".
        while rm_a > v_end
            && t.e.kind == Kind::When
            && matches!(
                words.low(rm_a - 1),
                "about"
                    | "around"
                    | "nearly"
                    | "almost"
                    | "roughly"
                    | "approximately"
                    | "just"
                    | "late"
                    | "early"
            )
        {
            rm_a -= 1;
        }
        // "the mountains of eastern Afghanistan": the place's own modifier
        // would be left behind.
        if t.e.kind == Kind::Where
            && rm_a > v_end
            && (is_compass(words.low(rm_a - 1)) || AREA.contains(&words.low(rm_a - 1)))
        {
            return None;
        }
        let a = rm_a;
        // "wore down a determined Clement": the article and adjective
        // before a name would be left behind.
        if t.e.kind == Kind::Who
            && a >= v_end + 2
            && matches!(words.low(a - 2), "a" | "an")
            && words.tokens[a - 1].is_word()
            && !words.tokens[a - 1].is_capitalised(words.text)
        {
            return None;
        }
        let prep = if a > v_end { words.low(a - 1) } else { "" };
        // "in and around Brisbane": coordinated prepositions.
        if a >= v_end + 2 && matches!(words.low(a - 2), "and" | "or") {
            return None;
        }
        let mut wh = wh.clone();
        match t.e.kind {
            Kind::Where if LOCATIVE.contains(&prep) => {
                rm_a = a - 1;
                "where".clone_into(&mut wh);
            }
            Kind::When if TEMPORAL.contains(&prep) => rm_a = a - 1,
            Kind::When
                if !prep.is_empty()
                    && words.tokens[a - 1].kind == TokenKind::Word
                    && matches!(prep, "since" | "until" | "by" | "before" | "after" | "from") =>
            {
                return None;
            }
            // "at the General Assembly": a who in a place's slot.
            Kind::Who if LOCATIVE.contains(&prep) => return None,
            Kind::Who if with_role => {
                let role = t.e.role.as_deref().unwrap_or("");
                wh = format!("which {role}");
            }
            _ => {}
        }
        // A preposition that would be left hanging mid-sentence moves to
        // the front: "From which country was Lukashenka able to secure aid
        // to …?"
        if rm_a == a
            && a > v_end
            && b < to
            && (wh.starts_with("which") || wh == "who")
            && words.tokens[a - 1].is_word()
            && PIED.contains(&words.low(a - 1))
        {
            rm_a = a - 1;
            let object = if wh == "who" {
                "whom".to_owned()
            } else {
                wh.clone()
            };
            wh = format!("{} {object}", words.low(a - 1));
        }
        // "… to the Pacific island of?": an "of" cannot be left behind.
        // Nor an "and": the answer is one of a list ("Carl Walz and ?").
        if rm_a == a && matches!(words.low(a - 1), "of" | "and" | "or" | "nor") {
            return None;
        }
        // What follows the answer up to the clause end stays; a dangling
        // comma goes.
        let subject: Vec<Piece> = (s..v).map(Piece::Token).collect();
        let mut remainder = rest(rm_a, appositive_end(&words, b, to).unwrap_or(b), v_end);
        while matches!(remainder.last(), Some(Piece::Token(k)) if words.tokens[*k].kind == TokenKind::Punct)
        {
            remainder.pop();
        }
        invert(
            &words,
            &wh,
            &subject,
            v,
            v_end,
            aux,
            remainder,
            &mut pieces,
            &mut embedded,
        )?;
    } else {
        return None;
    }
    resolve_pronouns(ctx, t, &words, &mut pieces)?;
    resolve_pronouns(ctx, t, &words, &mut embedded)?;
    let prompt = finish(&render(&words, &pieces));
    let embedded = render(&words, &embedded)
        .trim_end_matches(['.', ',', ';', ':'])
        .to_owned();
    let count = prompt.split_whitespace().count();
    if !(4..=40).contains(&count) || leaks(t, &prompt) {
        return None;
    }
    Some(Wh { prompt, embedded })
}

/// WH + auxiliary + subject + rest, or WH + do + subject + base form + rest.
#[allow(clippy::too_many_arguments)] // the pieces of one clause
fn invert(
    words: &Words,
    wh: &str,
    subject: &[Piece],
    v: usize,
    v_end: usize,
    aux: bool,
    remainder: Vec<Piece>,
    pieces: &mut Vec<Piece>,
    embedded: &mut Vec<Piece>,
) -> Option<()> {
    pieces.push(Piece::Text(wh.to_owned()));
    embedded.push(Piece::Text(wh.to_owned()));
    embedded.extend_from_slice(subject);
    embedded.extend((v..v_end).map(Piece::Token));
    embedded.extend(remainder.iter().cloned());
    if aux {
        pieces.push(Piece::Token(v));
        pieces.extend_from_slice(subject);
        pieces.extend((v + 1..v_end).map(Piece::Token));
    } else {
        let (verb, tense) = base(words.low(v))?;
        // A plural subject takes "do": "they secured" → "did they secure".
        let support = match tense {
            Tense::Past => "did",
            Tense::Present3 => "does",
        };
        pieces.push(Piece::Text(support.to_owned()));
        pieces.extend_from_slice(subject);
        pieces.push(Piece::Text(verb));
    }
    pieces.extend(remainder);
    Some(())
}

/// Capital first letter, a question mark at the end.
fn finish(s: &str) -> String {
    let s = s
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '!', '?'])
        .trim_end();
    format!("{}?", capitalise(s))
}

/// The prompt gives the answer away.
pub(crate) fn leaks(t: &Target, prompt: &str) -> bool {
    let p = format!(" {} ", crate::check::normalise(prompt));
    std::iter::once(&t.answer).chain(&t.accept).any(|a| {
        let n = crate::check::normalise(a);
        !n.is_empty() && p.contains(&format!(" {n} "))
    })
}

/// "Who wrote the article?" from the byline.
pub(crate) fn byline(ctx: &Context, rng: &mut StdRng) -> Vec<(f64, Question)> {
    let Some(byline) = &ctx.article.byline else {
        return Vec::new();
    };
    let Some(author) = ctx.article.authors.first() else {
        return Vec::new();
    };
    let source = format!("By {}", byline.text);
    let mut accept = Vec::new();
    if let Some(surname) = author
        .text
        .split_whitespace()
        .last()
        .filter(|s| *s != author.text)
    {
        accept.push(surname.to_owned());
    }
    let q = Question {
        id: question_id(&source, &author.text, Style::Wh),
        kind: Kind::Who,
        style: Style::Wh,
        prompt: "Who wrote the article?".to_owned(),
        answer: author.text.clone(),
        accept,
        choices: Vec::new(),
        sentence: None,
        source,
    };
    let mut out = vec![(rank::BYLINE, q.clone())];
    if let Some(c) = choice::with_people(ctx, &q, rng) {
        out.push((rank::BYLINE - 0.1, c));
    }
    out
}

/// "Which country is Aleksandr Lukashenka president of?" from a role that
/// names a country by its demonym ("Belarusian president").
pub(crate) fn role_countries(ctx: &Context, rng: &mut StdRng) -> Vec<(f64, Question)> {
    let g = &*GAZETTEER;
    let mut out = Vec::new();
    for (i, e) in ctx.facts.entities.iter().enumerate() {
        let Some(role) = &e.role else { continue };
        if e.category != Category::Person {
            continue;
        }
        let words: Vec<&str> = role.split_whitespace().collect();
        let Some((pos, country)) = words.iter().enumerate().find_map(|(k, w)| {
            g.lookup(w)
                .iter()
                .find(|r| {
                    matches!(r.form, Form::Demonym | Form::Name)
                        && matches!(
                            g.entry(r.entry).what,
                            crate::gazetteer::Known::Place(crate::gazetteer::Place::Country)
                        )
                })
                .map(|r| (k, g.entry(r.entry).name))
        }) else {
            continue;
        };
        let title: Vec<&str> = words[pos + 1..].to_vec();
        if title.is_empty() || !g.titles.contains(&title.join(" ").to_ascii_lowercase()) {
            continue;
        }
        let former = words[..pos].iter().any(|w| matches!(*w, "former" | "ex"));
        // The sentence that gives the role.
        let Some(m) = e.mentions.iter().find(|m| {
            m.sentence.is_some() && ctx.text[..m.start].trim_end().ends_with(role.as_str())
        }) else {
            continue;
        };
        let Some(sentence) = m.sentence else { continue };
        let verb = if former { "was" } else { "is" };
        let prompt = format!(
            "Which country {verb} {} {} of?",
            e.canonical,
            title.join(" ")
        );
        let source = ctx.article.sentence_text(sentence).to_owned();
        let q = Question {
            id: question_id(&source, country, Style::Wh),
            kind: Kind::Where,
            style: Style::Wh,
            prompt,
            answer: country.to_owned(),
            accept: Vec::new(),
            choices: Vec::new(),
            sentence: Some(sentence),
            source,
        };
        let score = rank::for_entity(ctx, i, sentence) + 0.2;
        if let Some(c) = choice::with_places(ctx, &q, rng) {
            out.push((score - 0.2, c));
        }
        out.push((score, q));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{Article, Style, facts, questions};

    fn prompts(body: &str) -> Vec<(Style, String, String)> {
        let a = Article::parse(&format!("Test story\n\n{body}")).unwrap();
        questions::generate(&a, &facts::extract(&a), 1)
            .into_iter()
            .map(|q| (q.style, q.prompt, q.answer))
            .collect()
    }

    fn has_wh(body: &str, prompt: &str, answer: &str) {
        let got = prompts(body);
        assert!(
            got.iter()
                .any(|(s, p, a)| *s == Style::Wh && p == prompt && a == answer),
            "{prompt:?} → {answer:?} not in {:#?}",
            got.iter().filter(|g| g.0 == Style::Wh).collect::<Vec<_>>()
        );
    }

    #[test]
    fn an_appositive_leaves_with_its_answer_but_a_list_stays() {
        has_wh(
            "The army launched strikes on Tripoli, a city close to the border.",
            "Which city did the army launch strikes on?",
            "Tripoli",
        );
        has_wh(
            "The fire damaged homes in Glasgow, the old harbour, a school and two churches.",
            "Where did the fire damage homes, the old harbour, a school and two churches?",
            "Glasgow",
        );
    }

    #[test]
    fn no_question_leaves_an_article_and_adjective_behind() {
        let body = "Alan Smith wore down a determined Jan Novak to win the final in Paris.";
        has_wh(
            body,
            "Where did Alan Smith wear down a determined Jan Novak to win the final?",
            "Paris",
        );
        assert!(
            !prompts(body)
                .iter()
                .any(|(s, p, _)| *s == Style::Wh && p.contains("a determined to")),
            "{:#?}",
            prompts(body)
        );
    }

    #[test]
    fn subject_answer_is_replaced() {
        has_wh(
            "Police arrested the driver in Sydney on Tuesday.",
            "Who arrested the driver in Sydney on Tuesday?",
            "police",
        );
        has_wh(
            "Belarusian president Aleksandr Lukashenka has recently told Reuters that he is not planning to leave Minsk.",
            "Who has recently told Reuters that he is not planning to leave Minsk?",
            "Aleksandr Lukashenka",
        );
    }

    #[test]
    fn no_of_or_and_is_left_hanging() {
        for text in [
            "The ship took the refugees to the Pacific island of Nauru.",
            "Taking over from the crew are French commander Paul Girard and US astronauts \
             Dana Brooks and Lee Marsh, who flew up on Monday.",
        ] {
            let got = prompts(text);
            assert!(
                got.iter()
                    .all(|(_, p, _)| !p.ends_with("island of?") && !p.ends_with(" and?")),
                "{got:#?}"
            );
        }
    }

    #[test]
    fn hedges_leave_with_their_time_and_no_compass_word_is_left() {
        has_wh(
            "The helicopters landed at around 11pm on the airfield.",
            "When did the helicopters land on the airfield?",
            "11pm",
        );
        has_wh(
            "The split was confirmed in a statement released by the managers late this morning.",
            "When was the split confirmed in a statement released by the managers?",
            "this morning",
        );
        let got = prompts("The army is bombing the mountains of eastern Afghanistan this week.");
        assert!(
            got.iter().all(|(_, p, _)| !p.contains("eastern in")
                && !p.contains("of eastern?")
                && !p.contains("eastern this")),
            "{got:#?}"
        );
    }

    #[test]
    fn an_article_opening_the_sentence_is_lowercase_inside() {
        has_wh(
            "A spokesman says three small fires were put out in Perth yesterday.",
            "How many fires does a spokesman say were put out in Perth yesterday?",
            "three small fires",
        );
    }

    #[test]
    fn an_honorific_leaves_with_its_name() {
        has_wh(
            "The minister accused the rebels of trying to kill Mr Dlamini.",
            "Who did the minister accuse the rebels of trying to kill?",
            "Dlamini",
        );
    }

    #[test]
    fn a_plural_subject_s_verb_agrees_with_who() {
        has_wh(
            "Police have charged a man in Perth over the fire.",
            "Who has charged a man in Perth over the fire?",
            "police",
        );
        has_wh(
            "Firefighters were called to Parramatta on Sunday.",
            "Who was called to Parramatta on Sunday?",
            "firefighters",
        );
    }

    #[test]
    fn auxiliary_inverts_with_the_subject() {
        has_wh(
            "Bakiyev was able to receive $2 bn from Russia last year.",
            "How much was Bakiyev able to receive from Russia last year?",
            "$2 bn",
        );
        has_wh(
            "The ministry will open 60 schools in Kenya next year.",
            "How many schools will the ministry open in Kenya next year?",
            "60 schools",
        );
    }

    #[test]
    fn do_support_uses_the_base_form_of_irregular_verbs() {
        has_wh(
            "The boy fell down the well in Sydney on Tuesday.",
            "When did the boy fall down the well in Sydney?",
            "Tuesday",
        );
        has_wh(
            "The boy fell down the well in Sydney on Tuesday.",
            "Where did the boy fall down the well on Tuesday?",
            "Sydney",
        );
        has_wh(
            "The council secured $5 million from Canada in March.",
            "How much did the council secure from Canada in March?",
            "$5 million",
        );
    }

    #[test]
    fn unsure_transformations_fall_back_to_cloze() {
        // A list of places: no wh-question can single one out.
        let got = prompts("The storm hit Paris, Berlin and Madrid on Sunday night.");
        assert!(
            !got.iter().any(|(s, _, a)| *s == Style::Wh && a == "Berlin"),
            "{got:#?}"
        );
        assert!(
            got.iter().any(|(s, p, a)| *s == Style::Cloze
                && a == "Berlin"
                && p.contains("Paris, _____ and Madrid")),
            "{got:#?}"
        );
    }

    #[test]
    fn pronouns_take_their_antecedent_or_drop_the_question() {
        let got = prompts(
            "Kyrgyz president Kurmanbek Bakiyev fled last year. Luckily for Bakiyev, Belarus was ready to protect him from his enemies.",
        );
        assert!(
            got.iter().any(|(s, p, _)| *s == Style::Wh
                && p == "Which country was ready to protect Bakiyev from his enemies?"),
            "{got:#?}"
        );
        let got = prompts("They said the rescue in Sydney took 11 hours.");
        assert!(
            got.iter().all(|(_, p, _)| !p.starts_with("They")),
            "{got:#?}"
        );
    }
}
