//! Questions: what a good teacher would ask about the article's facts, in
//! five styles, ranked best first.

use serde::{Deserialize, Serialize};

use crate::facts::Kind;

/// How a question is asked and answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// A wh-question answered by typing ("Who told Reuters …?").
    Wh,
    /// The sentence with the answer blanked (`_____`).
    Cloze,
    /// A wh or cloze prompt with four options.
    Choice,
    /// One statement, true or false.
    TrueFalse,
    /// Front and back of a card, self-graded.
    Flashcard,
}

impl Style {
    /// All styles.
    pub const ALL: [Style; 5] = [
        Style::Wh,
        Style::Cloze,
        Style::Choice,
        Style::TrueFalse,
        Style::Flashcard,
    ];

    /// The name used in files (`true_false`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Style::Wh => "wh",
            Style::Cloze => "cloze",
            Style::Choice => "choice",
            Style::TrueFalse => "true_false",
            Style::Flashcard => "flashcard",
        }
    }
}

/// The blank in cloze prompts.
pub const BLANK: &str = "_____";

/// One question about the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Stable id from the source sentence, the answer and the style.
    pub id: String,
    /// What kind of fact it asks about.
    pub kind: Kind,
    /// How it is asked.
    pub style: Style,
    /// The question (for a flashcard, the front).
    pub prompt: String,
    /// The expected answer (for true/false, "True" or "False"; for a
    /// flashcard, the back).
    pub answer: String,
    /// Other answers that are right (aliases, spellings, equal values).
    #[serde(default)]
    pub accept: Vec<String>,
    /// For choice questions, the options (the answer among them).
    #[serde(default)]
    pub choices: Vec<String>,
    /// The body sentence it comes from; `None` for the byline.
    pub sentence: Option<usize>,
    /// The text it comes from (the sentence, or the byline line).
    pub source: String,
}

mod choice;
mod clause;
mod cloze;
mod distractors;
mod flashcard;
mod rank;
mod true_false;
mod verbs;
mod wh;

use rand::SeedableRng;
use rand::rngs::StdRng;

use crate::article::Article;
use crate::check::normalise;
use crate::deck::stable_id;
use crate::facts::{Category, Entity, Facts};
use crate::gazetteer::{Form, GAZETTEER};
use clause::Words;

/// One fact to ask about: an entity's mention in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Target<'a> {
    pub entity: usize,
    pub e: &'a Entity<'a>,
    pub sentence: usize,
    /// Byte span of the mention.
    pub start: usize,
    pub end: usize,
    /// The answer as the learner should give it.
    pub answer: String,
    /// Other right answers.
    pub accept: Vec<String>,
}

/// What the generators share: the article, its facts, and lookups.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    pub article: &'a Article,
    pub facts: &'a Facts<'a>,
    pub text: &'a str,
    pub lower: String,
    /// Every mention with a sentence: (start, end, entity, sentence), by start.
    pub mentions: Vec<(usize, usize, usize, usize)>,
    /// Words the article writes in lowercase somewhere: a capitalised first
    /// word among them is a common word ("Work is …"), not a name.
    pub lowercase_words: std::collections::HashSet<&'a str>,
    /// The highest salience, to scale the others.
    pub top_salience: f64,
    /// The most salient entities of each (kind, category): distractors.
    pub by_category: std::collections::HashMap<(crate::facts::Kind, Category), Vec<usize>>,
}

impl<'a> Context<'a> {
    fn new(article: &'a Article, facts: &'a Facts<'a>) -> Self {
        let mut mentions: Vec<(usize, usize, usize, usize)> = facts
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions
                    .iter()
                    .filter_map(move |m| m.sentence.map(|s| (m.start, m.end, i, s)))
            })
            .collect();
        mentions.sort_unstable();
        let text = article.text();
        let mut by_category: std::collections::HashMap<_, Vec<usize>> =
            std::collections::HashMap::new();
        for (i, e) in facts.entities.iter().enumerate() {
            // The byline's author is nobody the article talks about.
            if e.mentions.iter().all(|m| m.sentence.is_none()) {
                continue;
            }
            let list = by_category.entry((e.kind, e.category)).or_default();
            if list.len() < 24 {
                list.push(i); // entities come most salient first
            }
        }
        Context {
            article,
            facts,
            text,
            lower: text.to_ascii_lowercase(),
            mentions,
            top_salience: facts
                .entities
                .iter()
                .map(|e| e.salience)
                .fold(1.0, f64::max),
            lowercase_words: text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
                .collect(),
            by_category,
        }
    }

    /// The words of sentence `i`; `trim` leaves out parenthetical adverbs.
    pub fn words(&self, i: usize, trim: bool) -> Words<'_> {
        let s = &self.article.sentences[i];
        let mut words = Words::new(self.text, &self.lower, s.start, s.end, trim);
        words.name_first = words.tokens.first().is_some_and(|t| {
            let g = &*GAZETTEER;
            let low = &self.lower[t.start..t.end];
            // "A spokesman", "The police": an article starting a mention
            // is still a common word.
            let named = !g.stopwords.contains(low)
                && self
                    .mention_at(t.start)
                    .is_some_and(|m| self.facts.entities[m.2].kind != crate::facts::Kind::When);
            named
                || !(g.stopwords.contains(low)
                    || g.titles.contains(low)
                    || self.lowercase_words.contains(low))
        });
        words
    }

    /// The mention covering byte `at`.
    pub fn mention_at(&self, at: usize) -> Option<&(usize, usize, usize, usize)> {
        let after = self.mentions.partition_point(|m| m.0 <= at);
        self.mentions[..after]
            .iter()
            .rev()
            .take(4)
            .find(|m| m.0 <= at && at < m.1)
    }

    /// Mentions inside bytes `start..end`.
    pub fn mentions_in(
        &self,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = &(usize, usize, usize, usize)> {
        let first = self.mentions.partition_point(|m| m.0 < start);
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.1 <= end)
    }

    /// The person last mentioned before byte `at`, within two sentences.
    pub fn person_before(&self, at: usize, sentence: usize) -> Option<usize> {
        let before = self.mentions.partition_point(|m| m.0 < at);
        self.mentions[..before]
            .iter()
            .rev()
            .take_while(|m| m.3 + 2 >= sentence)
            .find(|m| self.facts.entities[m.2].category == Category::Person)
            .map(|m| m.2)
    }

    /// How the learner names entity `i` for short: a person's surname,
    /// anything else its canonical name.
    pub fn short_name(&self, i: usize) -> String {
        let e = &self.facts.entities[i];
        if e.category == Category::Person {
            e.canonical
                .split_whitespace()
                .last()
                .unwrap_or(&e.canonical)
                .to_owned()
        } else {
            e.canonical.clone()
        }
    }
}

/// A demonym mention ("Belarusian") stands for its country.
fn is_demonym(text: &str) -> bool {
    GAZETTEER
        .lookup(text)
        .iter()
        .any(|r| r.form == Form::Demonym)
}

/// The answer and accepted alternatives for a mention of `e`.
fn answer_for(e: &Entity, mention_text: &str) -> (String, Vec<String>) {
    use crate::facts::Kind;
    let mut accept: Vec<String> = Vec::new();
    let answer = match e.kind {
        Kind::Who | Kind::Where => e.canonical.clone(),
        Kind::When | Kind::HowMuch => crate::tokens::squeeze(mention_text),
    };
    for s in e.spellings() {
        if !is_demonym(s) {
            accept.push(s.to_owned());
        }
    }
    if e.category == Category::Person
        && let Some(surname) = e.canonical.split_whitespace().last()
    {
        accept.push(surname.to_owned());
    }
    if e.kind == Kind::When || e.kind == Kind::HowMuch {
        accept.push(e.canonical.clone());
        // "over the past decade" ~ "the past decade"
        if let Some(rest) = answer.strip_prefix("the ") {
            accept.push(rest.to_owned());
        }
    }
    let norm_answer = normalise(&answer);
    let mut seen = vec![norm_answer];
    accept.retain(|a| {
        let n = normalise(a);
        if seen.contains(&n) {
            false
        } else {
            seen.push(n);
            true
        }
    });
    (answer, accept)
}

/// Sentences a question may come from: prose, not headings, not questions,
/// not run-ons of more than 80 words (no reader could answer from one).
fn usable(article: &Article, i: usize) -> bool {
    let s = &article.sentences[i];
    let text = article.sentence_text(i);
    !s.heading
        && !text
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with('?')
        && (5..=80).contains(&text.split_whitespace().count())
}

/// Generates the questions for an article, best first. The same `seed`
/// gives the same questions in the same order.
///
/// ```
/// use factdrill_core::{Article, facts, questions};
/// let a = Article::parse("Aid\n\nBakiyev was able to receive $2 bn from Russia last year.").unwrap();
/// let qs = questions::generate(&a, &facts::extract(&a), 7);
/// assert!(qs.iter().any(|q| q.prompt == "How much was Bakiyev able to receive from Russia last year?"));
/// ```
#[must_use]
pub fn generate(article: &Article, facts: &Facts, seed: u64) -> Vec<Question> {
    let ctx = Context::new(article, facts);
    let mut rng = StdRng::seed_from_u64(seed);
    let mut out: Vec<(f64, Question)> = Vec::new();
    let mut targets: Vec<Target> = Vec::new();
    let usable: Vec<bool> = (0..article.sentences.len())
        .map(|i| usable(article, i))
        .collect();
    for (i, e) in facts.entities.iter().enumerate() {
        let mut seen_sentences = std::collections::HashSet::new();
        for m in &e.mentions {
            let Some(s) = m.sentence else { continue };
            if !usable[s] || !seen_sentences.insert(s) {
                continue;
            }
            let (answer, accept) = answer_for(e, m.text);
            targets.push(Target {
                entity: i,
                e,
                sentence: s,
                start: m.start,
                end: m.end,
                answer,
                accept,
            });
        }
    }
    for t in &targets {
        let wh = wh::build(&ctx, t);
        let cloze = cloze::build(&ctx, t);
        if let Some(w) = &wh {
            out.push(rank::scored(
                &ctx,
                t,
                question(t, Style::Wh, w.prompt.clone(), &ctx),
            ));
        }
        if let Some(c) = &cloze {
            out.push(rank::scored(
                &ctx,
                t,
                question(t, Style::Cloze, c.clone(), &ctx),
            ));
        }
        let base_prompt = wh
            .as_ref()
            .map(|w| w.prompt.clone())
            .or_else(|| cloze.clone());
        if let Some(prompt) = base_prompt
            && let Some(q) = choice::build(&ctx, t, &prompt, &mut rng)
        {
            out.push(rank::scored(&ctx, t, q));
        }
        if let Some(q) = true_false::build(&ctx, t, &mut rng) {
            out.push(rank::scored(&ctx, t, q));
        }
        if let Some(q) = wh.as_ref().and_then(|w| flashcard::from_fact(&ctx, t, w)) {
            out.push(rank::scored(&ctx, t, q));
        }
    }
    out.extend(flashcard::roles(&ctx));
    out.extend(wh::byline(&ctx, &mut rng));
    out.extend(wh::role_countries(&ctx, &mut rng));
    rank::finish(out)
}

/// A question of `style` about target `t`.
fn question(t: &Target, style: Style, prompt: String, ctx: &Context) -> Question {
    let source = ctx.article.sentence_text(t.sentence).to_owned();
    Question {
        id: question_id(&source, &t.answer, style),
        kind: t.e.kind,
        style,
        prompt,
        answer: t.answer.clone(),
        accept: t.accept.clone(),
        choices: Vec::new(),
        sentence: Some(t.sentence),
        source,
    }
}

/// The stable id: source sentence, answer and style, not the wording.
#[must_use]
pub fn question_id(source: &str, answer: &str, style: Style) -> String {
    format!(
        "q-{}",
        stable_id(&[&normalise(source), &normalise(answer), style.as_str()])
    )
}
