//! `factdrill quiz`: a learner answers questions about an article, in the
//! terminal or from a script of answers, and every answer is stored.

use std::io::{self, BufRead, BufReader, IsTerminal as _, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use factdrill_core::Kind;
use factdrill_core::check::Verdict;
use factdrill_core::deck::Deck;
use factdrill_core::schedule::{DEFAULT_RETENTION, Scheduler};
use rand::Rng as _;
use serde::Serialize;

use crate::app::{Format, QuizArgs};
use crate::error::input;
use crate::output::percent;
use crate::session::{self, End, Marked, Options, Outcome, Recorder};
use crate::store::{DeckRow, NewSession, QuestionRow, Store};
use crate::{clock, interrupt, learner, prompt, script, source};

/// Exit code when a script of answers ran out before the questions.
const RAN_OUT: u8 = 1;

/// The results of one session, as `--format json` prints them.
#[derive(Debug, Serialize)]
struct Results<'a> {
    session: &'a str,
    player: &'a str,
    deck: &'a str,
    deck_title: &'a str,
    status: &'a str,
    end: End,
    started: String,
    ended: String,
    planned: usize,
    answered: usize,
    score: usize,
    percent: f64,
    saved: bool,
    answers: &'a [Marked],
}

/// Runs `factdrill quiz`.
pub fn run(args: &QuizArgs) -> anyhow::Result<ExitCode> {
    prompt::apply_no_color();
    let deck = source::load(args.source.as_deref(), args.max_bytes)?;
    let seed = args.seed.unwrap_or_else(|| rand::rng().random());
    let options = Options {
        count: usize::from(args.count),
        kinds: args.kinds.iter().map(|k| k.kind()).collect(),
        style: args.style,
        seed,
    };
    let plan = session::plan(&deck, &options);
    if plan.is_empty() {
        return Err(input(format!(
            "{}: has no questions of the kinds and style asked for",
            deck_name(args)
        )));
    }

    // Decide how answers arrive before touching the store.
    let mut asker = asker(args.answers.as_deref(), args.format)?;

    let player = learner::player(args.learner.player.as_deref());
    let mut store = if args.no_save {
        None
    } else {
        Some(Store::open(&learner::data_dir(
            args.learner.data_dir.as_deref(),
        )?)?)
    };
    let started_ms = clock::now_ms()?;
    let session_id = format!("s-{:016x}", rand::rng().random::<u64>());
    let mut player_id = 0;
    let mut previous_best = None;
    if let Some(store) = store.as_mut() {
        store.reap()?;
        player_id = store.player(&player, started_ms)?;
        save_deck(store, &deck, started_ms)?;
        let plan_ids: Vec<String> = plan.iter().map(|&i| deck.questions[i].id.clone()).collect();
        store.start_session(&NewSession {
            id: &session_id,
            player: player_id,
            deck: &deck.id,
            started_ms,
            plan: &plan_ids,
            mode: "quiz",
        })?;
        previous_best = store.best(player_id, &deck.id, &session_id)?;
    }
    interrupt::install();
    interrupt::begin(store.as_ref().map(|s| s.path().to_owned()), &session_id);

    if let Asker::Terminal(terminal) = &asker {
        terminal.greet(&deck.title, plan.len())?;
    }
    let timer = Instant::now();
    let mut recorder = Recorder {
        store: store.as_mut(),
        session: session_id.clone(),
        player: player_id,
        deck: deck.id.clone(),
        scheduler: Some(Scheduler::new(DEFAULT_RETENTION).map_err(|e| anyhow::anyhow!("{e}"))?),
    };
    let outcome = session::run(&deck, &plan, asker.as_dyn(), &mut recorder);
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(err) => {
            // Keep the answers; close the session as interrupted.
            if let Some(store) = recorder.store.as_deref_mut() {
                let now = clock::now_ms().unwrap_or(started_ms);
                let _ = store.finish(&session_id, crate::store::Status::Interrupted, now);
            }
            interrupt::end();
            interrupt::restore_terminal();
            return Err(err);
        }
    };
    interrupt::end();
    let elapsed = timer.elapsed();
    let ended_ms = clock::now_ms()?;

    let saved = store.is_some();
    let status = if outcome.first().count() == plan.len() {
        "complete"
    } else {
        "interrupted"
    };
    let answered = outcome.first().count();
    let right = outcome.score();
    let mut out = io::stdout().lock();
    match args.format {
        Format::Json => {
            let results = Results {
                session: &session_id,
                player: &player,
                deck: &deck.id,
                deck_title: &deck.title,
                status,
                end: outcome.end,
                started: clock::rfc3339(started_ms),
                ended: clock::rfc3339(ended_ms),
                planned: plan.len(),
                answered,
                score: right,
                percent: percent(right as i64, answered as i64),
                saved,
                answers: &outcome.answers,
            };
            out.write_all(crate::output::json(&results)?.as_bytes())?;
            writeln!(out)?;
        }
        Format::Text => {
            let summary = Summary {
                outcome: &outcome,
                planned: plan.len(),
                elapsed,
                previous_best,
                player: &player,
                store: store.as_ref(),
            };
            summary.write(&mut out)?;
        }
    }
    out.flush()?;
    drop(out);
    if outcome.end == End::RanOut {
        let mut err = io::stderr().lock();
        writeln!(
            err,
            "factdrill: the answers ran out after {answered} of {} questions; the session is marked interrupted{}",
            plan.len(),
            if saved {
                format!(" and its {answered} answers are kept")
            } else {
                String::new()
            }
        )?;
        return Ok(ExitCode::from(RAN_OUT));
    }
    Ok(ExitCode::SUCCESS)
}

fn deck_name(args: &QuizArgs) -> String {
    args.source.as_ref().map_or_else(
        || crate::content::DECKS[0].0.to_owned(),
        |p| p.display().to_string(),
    )
}

/// Records the deck and its questions (each with its whole text, to be
/// asked again in a review).
pub fn save_deck(store: &mut Store, deck: &Deck, now_ms: i64) -> anyhow::Result<()> {
    let bodies: Vec<String> = deck
        .questions
        .iter()
        .map(serde_json::to_string)
        .collect::<Result<_, _>>()?;
    let questions: Vec<QuestionRow<'_>> = deck
        .questions
        .iter()
        .zip(&bodies)
        .map(|(q, body)| QuestionRow {
            id: &q.id,
            kind: q.kind.as_str(),
            style: q.style.as_str(),
            prompt: &q.prompt,
            answer: &q.answer,
            source: &q.source,
            body,
        })
        .collect();
    store.save_deck(
        DeckRow {
            id: &deck.id,
            title: &deck.title,
            source: deck.source.as_deref(),
        },
        &questions,
        now_ms,
    )
}

/// Where answers come from.
pub(crate) enum Asker {
    Terminal(prompt::Terminal),
    Script(script::Scripted<Box<dyn BufRead>, Box<dyn Write>>),
}

impl Asker {
    pub(crate) fn as_dyn(&mut self) -> &mut dyn session::Asker {
        match self {
            Asker::Terminal(t) => t,
            Asker::Script(s) => s,
        }
    }
}

/// The terminal's prompts, or the script of answers `--answers` names; a
/// transcript goes to standard output with text output.
pub(crate) fn asker(answers: Option<&std::path::Path>, format: Format) -> anyhow::Result<Asker> {
    let transcript = || -> Option<Box<dyn Write>> {
        (format == Format::Text).then(|| Box::new(io::stdout()) as Box<dyn Write>)
    };
    match answers {
        Some(path) if path.as_os_str() == "-" => {
            let lines: Box<dyn BufRead> = Box::new(BufReader::new(io::stdin()));
            Ok(Asker::Script(script::Scripted::new(
                lines,
                transcript(),
                "standard input",
            )))
        }
        Some(path) => {
            let file = std::fs::File::open(path).map_err(|e| {
                input(format!(
                    "{}: cannot read answers: {}",
                    path.display(),
                    crate::input::io_reason(&e)
                ))
            })?;
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(input(format!(
                    "{}: is a directory, not a file of answers",
                    path.display()
                )));
            }
            let lines: Box<dyn BufRead> = Box::new(BufReader::new(file));
            Ok(Asker::Script(script::Scripted::new(
                lines,
                transcript(),
                &path.display().to_string(),
            )))
        }
        None => {
            if !io::stdin().is_terminal() {
                return Err(input(
                    "standard input is not a terminal: to answer from a file or a pipe, use --answers FILE (or --answers - for standard input)",
                ));
            }
            let Some(term) = prompt::terminal() else {
                return Err(input(
                    "no terminal to show the quiz on (standard output and standard error are both redirected); use --answers FILE",
                ));
            };
            Ok(Asker::Terminal(prompt::Terminal::new(term)))
        }
    }
}

/// The end-of-quiz summary.
struct Summary<'a> {
    outcome: &'a Outcome,
    planned: usize,
    elapsed: Duration,
    previous_best: Option<(i64, i64)>,
    player: &'a str,
    store: Option<&'a Store>,
}

impl Summary<'_> {
    fn write(&self, out: &mut impl Write) -> anyhow::Result<()> {
        let outcome = self.outcome;
        let answered = outcome.first().count();
        let score = outcome.score();
        writeln!(out)?;
        if answered < self.planned {
            writeln!(
                out,
                "Stopped after {answered} of {} questions; your answers are kept.",
                self.planned
            )?;
        }
        writeln!(
            out,
            "Score: {score} of {answered} ({}%) in {}",
            percent(score as i64, answered as i64),
            duration(self.elapsed)
        )?;
        for kind in [Kind::Who, Kind::Where, Kind::When, Kind::HowMuch] {
            let of_kind: Vec<&Marked> = outcome.first().filter(|m| m.kind == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            let right = of_kind
                .iter()
                .filter(|m| m.verdict != Verdict::Wrong)
                .count();
            writeln!(
                out,
                "  {:<9} {right} of {}",
                kind.as_str().replace('_', " "),
                of_kind.len()
            )?;
        }
        let close = outcome
            .first()
            .filter(|m| m.verdict == Verdict::Close)
            .count();
        if close > 0 {
            writeln!(
                out,
                "  ({close} counted right with a small misspelling: check the spelling above)"
            )?;
        }
        let retries: Vec<&Marked> = outcome.answers.iter().filter(|m| m.retry).collect();
        if !retries.is_empty() {
            let right = retries
                .iter()
                .filter(|m| m.verdict != Verdict::Wrong)
                .count();
            writeln!(out, "Second try: {right} of {} right", retries.len())?;
        }
        match (self.store, self.previous_best) {
            (Some(_), Some((correct, asked))) => writeln!(
                out,
                "Your best before on this deck: {correct} of {asked} ({}%)",
                percent(correct, asked)
            )?,
            (Some(_), None) => writeln!(out, "Your first score on this deck.")?,
            (None, _) => writeln!(out, "Not saved (--no-save).")?,
        }
        if let Some(store) = self.store {
            writeln!(
                out,
                "Saved for {} in {}",
                crate::output::clean(self.player),
                store.path().display()
            )?;
        }
        Ok(())
    }
}

fn duration(d: Duration) -> String {
    let s = d.as_secs();
    if s < 60 {
        format!("{s} s")
    } else if s < 3600 {
        format!("{} min {} s", s / 60, s % 60)
    } else {
        format!("{} h {} min", s / 3600, (s % 3600) / 60)
    }
}
