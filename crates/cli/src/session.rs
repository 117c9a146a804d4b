//! Session: one quiz from start to end, whoever answers.
//!
//! [`plan`] picks the questions (one per fact, the deck's best ranked first,
//! shuffled by the seed); [`run`] asks them through an [`Asker`] (the
//! terminal's prompts or a script of answers), marks each answer with
//! [`factdrill_core::check`], stores it at once, tells the learner the right
//! answer and its sentence, and asks every missed question once more at the
//! end.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use factdrill_core::check::{Verdict, check, normalise};
use factdrill_core::deck::Deck;
use factdrill_core::{Kind, Question, Style};
use rand::Rng as _;
use rand::SeedableRng as _;
use rand::rngs::StdRng;
use rand::seq::SliceRandom as _;
use serde::Serialize;

use factdrill_core::schedule::{Card, Log, Rating, Scheduler};

use crate::store::{AnswerRow, Schedule, Status, Store};

/// Which question styles a quiz asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StyleChoice {
    /// Multiple choice.
    Choice,
    /// Wh questions answered by typing.
    Typed,
    /// Fill in the blank, typed.
    Cloze,
    /// True or false.
    TrueFalse,
    /// All of these.
    Mixed,
    /// Every style, flashcards too: for exports (Anki, JSON), never a quiz.
    #[value(skip)]
    Every,
}

impl StyleChoice {
    fn allows(self, style: Style) -> bool {
        match self {
            StyleChoice::Choice => style == Style::Choice,
            StyleChoice::Typed => style == Style::Wh,
            StyleChoice::Cloze => style == Style::Cloze,
            StyleChoice::TrueFalse => style == Style::TrueFalse,
            // Flashcards are self-graded: they belong to review.
            StyleChoice::Mixed => style != Style::Flashcard,
            StyleChoice::Every => true,
        }
    }
}

/// What to ask.
#[derive(Debug, Clone)]
pub struct Options {
    /// How many questions (missed ones asked again come on top).
    pub count: usize,
    /// Only these kinds; empty means all.
    pub kinds: Vec<Kind>,
    /// Which styles.
    pub style: StyleChoice,
    /// Seed for the choice and order of questions.
    pub seed: u64,
}

/// The fact a question asks about, so one quiz asks each fact once.
fn fact_key(q: &Question) -> (String, String) {
    let what = match q.style {
        Style::TrueFalse => "\u{1}true-false".to_owned(),
        Style::Flashcard => normalise(&q.prompt),
        _ => normalise(&q.answer),
    };
    (q.source.clone(), what)
}

/// What a question's answer names (for true/false: its sentence), so a
/// quiz does not ask for the same name over and over.
fn answer_key(q: &Question) -> String {
    match q.style {
        Style::TrueFalse => q.source.clone(),
        Style::Flashcard => normalise(&q.prompt),
        _ => normalise(&q.answer),
    }
}

/// Picks `count` questions of the deck (indices into `deck.questions`).
///
/// The deck's order is its ranking, best first; the seed jitters it (a
/// question moves by up to about `2 × count` places) so that two quizzes
/// differ. Questions are then taken in passes: first each answer and each
/// sentence once with the styles and kinds sharing the quiz evenly, then
/// each fact once, then whatever is left, so a quiz spreads over the
/// article before it repeats itself.
pub fn plan(deck: &Deck, options: &Options) -> Vec<usize> {
    let mut rng = StdRng::seed_from_u64(options.seed);
    let spread = (options.count * 2).max(8) as f64;
    let mut order: Vec<(f64, usize)> = deck
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| options.style.allows(q.style))
        .filter(|(_, q)| options.kinds.is_empty() || options.kinds.contains(&q.kind))
        .enumerate()
        .map(|(rank, (i, _))| (rank as f64 + rng.random::<f64>() * spread, i))
        .collect();
    order.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Share the quiz between the styles and kinds the deck offers.
    let styles: HashSet<Style> = order
        .iter()
        .map(|&(_, i)| deck.questions[i].style)
        .collect();
    let kinds: HashSet<Kind> = order.iter().map(|&(_, i)| deck.questions[i].kind).collect();
    let style_cap = options.count.div_ceil(styles.len().max(1));
    let kind_cap = options.count.div_ceil(kinds.len().max(1));
    let mut chosen: Vec<usize> = Vec::new();
    let mut answers = HashSet::new();
    let mut sentences = HashSet::new();
    let mut facts = HashSet::new();
    let mut per_style: HashMap<Style, usize> = HashMap::new();
    let mut per_kind: HashMap<Kind, usize> = HashMap::new();
    for pass in 0..4 {
        for &(_, i) in &order {
            if chosen.len() == options.count {
                break;
            }
            let q = &deck.questions[i];
            if chosen.contains(&i) {
                continue;
            }
            let fresh_fact = !facts.contains(&fact_key(q));
            let fresh = !answers.contains(&answer_key(q)) && !sentences.contains(&q.source);
            let shared = per_style.get(&q.style).copied().unwrap_or(0) < style_cap
                && per_kind.get(&q.kind).copied().unwrap_or(0) < kind_cap;
            let take = match pass {
                0 => fresh && fresh_fact && shared,
                1 => fresh_fact && shared,
                2 => fresh_fact,
                _ => true,
            };
            if take {
                answers.insert(answer_key(q));
                sentences.insert(q.source.clone());
                facts.insert(fact_key(q));
                *per_style.entry(q.style).or_default() += 1;
                *per_kind.entry(q.kind).or_default() += 1;
                chosen.push(i);
            }
        }
    }
    // Mix the kinds and styles in the order asked.
    chosen.shuffle(&mut rng);
    chosen
}

/// What the learner did at a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// An answer ("" skips the question).
    Given(String),
    /// The learner stopped the quiz (Esc).
    Quit,
    /// A script of answers ran out.
    RanOut,
    /// A flashcard graded by the learner.
    Graded(Rating),
}

/// One question being asked.
#[derive(Debug, Clone, Copy)]
pub struct Ask<'a> {
    /// The question.
    pub question: &'a Question,
    /// Its number in this session, from 1.
    pub number: usize,
    /// How many are planned.
    pub total: usize,
    /// A missed question asked again.
    pub retry: bool,
}

/// How an answer was marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Marked {
    /// Question id.
    pub question: String,
    /// who / where / when / `how_much`.
    pub kind: Kind,
    /// The question's style.
    pub style: Style,
    /// The prompt as asked.
    pub prompt: String,
    /// What the learner gave ("" for a skip).
    pub given: String,
    /// The verdict.
    pub verdict: Verdict,
    /// The grade it gives the question's card.
    pub rating: Rating,
    /// The right answer (the right spelling, the right option).
    pub expected: String,
    /// The sentence the answer comes from.
    pub sentence: String,
    /// A missed question asked again.
    pub retry: bool,
    /// How long the learner took, in ms.
    pub response_ms: i64,
}

impl Marked {
    /// Whether the learner gave no answer.
    pub fn skipped(&self) -> bool {
        self.given.trim().is_empty()
    }
}

/// The two sides of a quiz: asking and telling.
pub trait Asker {
    /// Asks one question.
    fn ask(&mut self, ask: &Ask<'_>) -> anyhow::Result<Reply>;
    /// Tells the learner how the answer was marked.
    fn tell(&mut self, ask: &Ask<'_>, marked: &Marked) -> anyhow::Result<()>;
    /// Announces the second round of missed questions.
    fn second_round(&mut self, missed: usize) -> anyhow::Result<()>;
    /// Shows a flashcard's front, then its back, and asks the learner to
    /// grade their recall: [`Reply::Graded`], or quit / ran out.
    fn self_grade(&mut self, ask: &Ask<'_>) -> anyhow::Result<Reply>;
}

/// Where answers go: the store, or nowhere with `--no-save`.
#[derive(Debug)]
pub struct Recorder<'s> {
    /// The open store, if saving.
    pub store: Option<&'s mut Store>,
    /// Session id.
    pub session: String,
    /// Player row id (0 when not saving).
    pub player: i64,
    /// Deck id.
    pub deck: String,
    /// Feeds first answers to the cards' schedules (`None`: cram).
    pub scheduler: Option<Scheduler>,
}

impl Recorder<'_> {
    /// Stores one answer (and its card's new schedule) at once.
    pub fn record(&mut self, marked: &Marked) -> anyhow::Result<()> {
        let deck = self.deck.clone();
        self.record_in(&deck, marked)
    }

    /// Stores one answer to a question of `deck` (a review spans decks).
    pub fn record_in(&mut self, deck: &str, marked: &Marked) -> anyhow::Result<()> {
        let Some(store) = self.store.as_deref_mut() else {
            return Ok(());
        };
        let now = crate::clock::now()?;
        let scheduler = self.scheduler.as_ref().filter(|_| !marked.retry);
        let schedule = scheduler.map(|s| {
            move |card: Option<Card>| -> anyhow::Result<(Card, Log)> {
                s.review(card.as_ref(), marked.rating, now)
                    .map_err(|e| anyhow::anyhow!("cannot schedule {}: {e}", marked.question))
            }
        });
        let now = now.as_millisecond();
        let _quiet = crate::interrupt::hold();
        store.record(
            &AnswerRow {
                session: &self.session,
                player: self.player,
                deck,
                question: &marked.question,
                kind: marked.kind.as_str(),
                style: marked.style.as_str(),
                answered_ms: now,
                given: &marked.given,
                verdict: verdict_str(marked.verdict),
                response_ms: marked.response_ms,
                retry: marked.retry,
            },
            schedule.as_ref().map(|f| f as &Schedule<'_>),
        )
    }

    /// Ends the session as complete or interrupted.
    pub fn finish(&mut self, status: Status) -> anyhow::Result<()> {
        let Some(store) = self.store.as_deref_mut() else {
            return Ok(());
        };
        let now = crate::clock::now_ms()?;
        let _quiet = crate::interrupt::hold();
        store.finish(&self.session, status, now)
    }
}

/// The store's word for a verdict.
pub fn verdict_str(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Correct => "correct",
        Verdict::Close => "close",
        Verdict::Wrong => "wrong",
    }
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum End {
    /// Every planned question was asked.
    Complete,
    /// The learner stopped.
    Quit,
    /// The script of answers ran out.
    RanOut,
}

/// A session's answers and how it ended.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// How it ended.
    pub end: End,
    /// Every answer, retries included, in the order given.
    pub answers: Vec<Marked>,
}

impl Outcome {
    /// First-time answers only.
    pub fn first(&self) -> impl Iterator<Item = &Marked> {
        self.answers.iter().filter(|m| !m.retry)
    }

    /// Right first-time answers (a close spelling counts as right).
    pub fn score(&self) -> usize {
        self.first().filter(|m| m.verdict != Verdict::Wrong).count()
    }
}

/// An option's letter ("b") or number ("2") as its text; anything else as
/// given.
pub fn resolve_option<'a>(question: &'a Question, given: &'a str) -> &'a str {
    let trimmed = given.trim();
    if question.choices.is_empty()
        || question
            .choices
            .iter()
            .any(|c| normalise(c) == normalise(trimmed))
    {
        return given;
    }
    let lower = trimmed.trim_end_matches([')', '.']).to_ascii_lowercase();
    let index = match lower.as_bytes() {
        [b] if b.is_ascii_lowercase() => Some(usize::from(b - b'a')),
        _ => lower.parse::<usize>().ok().and_then(|n| n.checked_sub(1)),
    };
    index
        .and_then(|i| question.choices.get(i))
        .map_or(given, String::as_str)
}

/// The answers a deck knows, which a typo must not be as close to as to
/// the right one.
pub fn rivals(questions: &[Question]) -> Vec<&str> {
    questions
        .iter()
        .filter(|q| matches!(q.style, Style::Wh | Style::Cloze | Style::Choice))
        .map(|q| q.answer.as_str())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect()
}

/// Marks `given` as the answer to `question`; `rivals` are the deck's
/// answers (see [`rivals`]).
pub fn mark(rivals: &[&str], question: &Question, given: &str, retry: bool, ms: i64) -> Marked {
    let text = resolve_option(question, given);
    let own = normalise(&question.answer);
    let rivals: Vec<&str> = rivals
        .iter()
        .copied()
        .filter(|a| normalise(a) != own)
        .collect();
    let checked = if text.trim().is_empty() {
        factdrill_core::check::Checked {
            verdict: Verdict::Wrong,
            expected: check(question, &question.answer, &[]).expected,
        }
    } else {
        check(question, text, &rivals)
    };
    Marked {
        question: question.id.clone(),
        kind: question.kind,
        style: question.style,
        prompt: question.prompt.clone(),
        given: text.trim().to_owned(),
        verdict: checked.verdict,
        rating: Rating::from_verdict(checked.verdict),
        expected: checked.expected,
        sentence: question.source.clone(),
        retry,
        response_ms: ms,
    }
}

/// A self-graded flashcard as a marked answer: Again is wrong, Hard is
/// close, Good and Easy are right.
pub fn graded(question: &Question, rating: Rating, ms: i64) -> Marked {
    let verdict = match rating {
        Rating::Again => Verdict::Wrong,
        Rating::Hard => Verdict::Close,
        Rating::Good | Rating::Easy => Verdict::Correct,
    };
    Marked {
        question: question.id.clone(),
        kind: question.kind,
        style: question.style,
        prompt: question.prompt.clone(),
        given: rating.as_str().to_owned(),
        verdict,
        rating,
        expected: question.answer.clone(),
        sentence: question.source.clone(),
        retry: false,
        response_ms: ms,
    }
}

/// Asks one question (a flashcard is self-graded) and times the reply in ms.
pub fn ask_timed(asker: &mut dyn Asker, ask: &Ask<'_>) -> anyhow::Result<(Reply, i64)> {
    let started = Instant::now();
    let reply = if ask.question.style == Style::Flashcard {
        asker.self_grade(ask)?
    } else {
        asker.ask(ask)?
    };
    let ms = started.elapsed().as_millis().min(i64::MAX as u128) as i64;
    Ok((reply, ms))
}

/// Runs the quiz: asks the planned questions, then the missed ones once
/// more; every answer is recorded before the next question is asked.
pub fn run(
    deck: &Deck,
    plan: &[usize],
    asker: &mut dyn Asker,
    recorder: &mut Recorder<'_>,
) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome {
        end: End::Complete,
        answers: Vec::new(),
    };
    let mut missed = Vec::new();
    let rivals = rivals(&deck.questions);
    let rounds = [false, true];
    for retry in rounds {
        let list: Vec<usize> = if retry {
            std::mem::take(&mut missed)
        } else {
            plan.to_vec()
        };
        if retry && !list.is_empty() {
            asker.second_round(list.len())?;
        }
        for (n, &i) in list.iter().enumerate() {
            let mut question = std::borrow::Cow::Borrowed(&deck.questions[i]);
            if retry && question.style == Style::Choice {
                // A second try should not be won by remembering a position.
                question.to_mut().choices.rotate_left(1);
            }
            let question = question.as_ref();
            let ask = Ask {
                question,
                number: n + 1,
                total: list.len(),
                retry,
            };
            let (reply, ms) = ask_timed(asker, &ask)?;
            let given = match reply {
                Reply::Graded(rating) => {
                    let marked = graded(question, rating, ms);
                    recorder.record(&marked)?;
                    outcome.answers.push(marked);
                    continue;
                }
                Reply::Given(text) => text,
                // Stopping during the second round still completes the quiz.
                Reply::Quit | Reply::RanOut if retry => break,
                Reply::Quit => {
                    outcome.end = End::Quit;
                    break;
                }
                Reply::RanOut => {
                    outcome.end = End::RanOut;
                    break;
                }
            };
            let marked = mark(&rivals, question, &given, retry, ms);
            recorder.record(&marked)?;
            if !retry && marked.verdict == Verdict::Wrong {
                missed.push(i);
            }
            asker.tell(&ask, &marked)?;
            outcome.answers.push(marked);
        }
        if outcome.end != End::Complete {
            break;
        }
    }
    // A session is complete when every planned question got an answer; the
    // second round is a bonus.
    let planned_done = outcome.first().count() == plan.len();
    let status = if planned_done {
        Status::Complete
    } else {
        Status::Interrupted
    };
    recorder.finish(status)?;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck() -> Deck {
        let text = r#"
format = 1
id = "d-000000000001"
title = "Storm"

[[question]]
prompt = "Which city did the storm hit?"
answer = "Sydney"
kind = "where"
source = "The storm hit Sydney on Tuesday."

[[question]]
style = "cloze"
prompt = "The storm hit _____ on Tuesday."
answer = "Sydney"
kind = "where"
source = "The storm hit Sydney on Tuesday."

[[question]]
style = "choice"
prompt = "When did the storm hit Sydney?"
answer = "Tuesday"
choices = ["Monday", "Tuesday", "Friday", "Sunday"]
kind = "when"
source = "The storm hit Sydney on Tuesday."

[[question]]
style = "true_false"
prompt = "The storm hit Sydney on Friday."
answer = "False"
choices = ["True", "False"]
kind = "when"
source = "The storm hit Sydney on Tuesday."

[[question]]
prompt = "How many homes lost power?"
answer = "3,000 homes"
kind = "how_much"
source = "About 3,000 homes lost power."
"#;
        Deck::parse(text, "storm.toml").unwrap()
    }

    fn options(count: usize) -> Options {
        Options {
            count,
            kinds: Vec::new(),
            style: StyleChoice::Mixed,
            seed: 7,
        }
    }

    #[test]
    fn a_plan_asks_each_fact_once_before_repeating_one() {
        let deck = deck();
        let plan = plan(&deck, &options(4));
        assert_eq!(plan.len(), 4);
        let sydney = plan
            .iter()
            .filter(|&&i| deck.questions[i].answer == "Sydney")
            .count();
        assert_eq!(sydney, 1, "{plan:?}");
        // Asking for more than there are facts fills with other styles.
        assert_eq!(super::plan(&deck, &options(5)).len(), 5);
        assert_eq!(super::plan(&deck, &options(50)).len(), 5);
    }

    #[test]
    fn a_plan_follows_kinds_styles_and_seed() {
        let deck = deck();
        let mut o = options(10);
        o.kinds = vec![Kind::When];
        assert!(
            plan(&deck, &o)
                .iter()
                .all(|&i| deck.questions[i].kind == Kind::When)
        );
        o.kinds.clear();
        o.style = StyleChoice::Typed;
        assert!(
            plan(&deck, &o)
                .iter()
                .all(|&i| deck.questions[i].style == Style::Wh)
        );
        assert_eq!(plan(&deck, &options(3)), plan(&deck, &options(3)));
    }

    #[test]
    fn letters_and_numbers_pick_options() {
        let deck = deck();
        let choice = &deck.questions[2];
        assert_eq!(resolve_option(choice, "b"), "Tuesday");
        assert_eq!(resolve_option(choice, "2"), "Tuesday");
        assert_eq!(resolve_option(choice, "B)"), "Tuesday");
        assert_eq!(resolve_option(choice, "friday"), "friday");
        assert_eq!(resolve_option(choice, "9"), "9");
        let tf = &deck.questions[3];
        let rivals = rivals(&deck.questions);
        assert_eq!(mark(&rivals, tf, "b", false, 0).verdict, Verdict::Correct);
        assert_eq!(mark(&rivals, tf, "a", false, 0).verdict, Verdict::Wrong);
    }

    struct Script(Vec<&'static str>, Vec<String>);

    impl Asker for Script {
        fn ask(&mut self, ask: &Ask<'_>) -> anyhow::Result<Reply> {
            self.1.push(ask.question.prompt.clone());
            Ok(if self.0.is_empty() {
                Reply::RanOut
            } else {
                Reply::Given(self.0.remove(0).to_owned())
            })
        }
        fn tell(&mut self, _: &Ask<'_>, _: &Marked) -> anyhow::Result<()> {
            Ok(())
        }
        fn second_round(&mut self, _: usize) -> anyhow::Result<()> {
            Ok(())
        }
        fn self_grade(&mut self, ask: &Ask<'_>) -> anyhow::Result<Reply> {
            match self.ask(ask)? {
                Reply::Given(text) => {
                    Ok(Reply::Graded(Rating::parse(&text).unwrap_or(Rating::Again)))
                }
                other => Ok(other),
            }
        }
    }

    fn recorder() -> Recorder<'static> {
        Recorder {
            store: None,
            session: "s".into(),
            player: 0,
            deck: "d".into(),
            scheduler: None,
        }
    }

    #[test]
    fn a_missed_question_comes_back_once_at_the_end() {
        let deck = deck();
        let plan = vec![0, 4];
        let mut script = Script(vec!["Sidney", "", "3000 homes", "spare"], Vec::new());
        let outcome = run(&deck, &plan, &mut script, &mut recorder()).unwrap();
        assert_eq!(outcome.end, End::Complete);
        let verdicts: Vec<_> = outcome.answers.iter().map(|m| m.verdict).collect();
        assert_eq!(
            verdicts,
            [Verdict::Close, Verdict::Wrong, Verdict::Correct],
            "{outcome:?}"
        );
        assert!(outcome.answers[2].retry);
        assert_eq!(outcome.score(), 1);
        assert_eq!(script.1.len(), 3);
    }

    #[test]
    fn running_out_of_answers_stops_and_keeps_what_was_answered() {
        let deck = deck();
        let mut script = Script(vec!["Sydney"], Vec::new());
        let outcome = run(&deck, &[0, 2, 4], &mut script, &mut recorder()).unwrap();
        assert_eq!(outcome.end, End::RanOut);
        assert_eq!(outcome.answers.len(), 1);
    }
}
