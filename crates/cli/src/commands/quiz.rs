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
use crate::input::is_stdin;
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
    /// The question ids planned, in order (so `stats --import` keeps the
    /// plan of a session stopped early).
    plan: &'a [String],
    /// An interrupted session taken up again (`--resume`).
    resumed: bool,
    /// First-time answers the session had before it was resumed (counted
    /// in `answered` and `score`, not listed in `answers`).
    answered_before: usize,
    answers: &'a [Marked],
}

/// First-time answers given before a quiz was resumed: (kind, verdict) as
/// stored.
type Earlier = Vec<(String, String)>;

/// A session ready to run: a new one, or an interrupted one taken up again.
struct Setup {
    /// Indices into the deck of the questions to ask now.
    plan: Vec<usize>,
    store: Option<Store>,
    session_id: String,
    player_id: i64,
    previous_best: Option<(i64, i64)>,
    started_ms: i64,
    /// The whole session's plan (more than `plan` when resumed).
    planned: usize,
    /// Answers the session had before it was resumed.
    earlier: Earlier,
    /// A line telling the learner what is resumed.
    resumed: Option<String>,
    /// The whole session's plan, as question ids.
    plan_ids: Vec<String>,
}

/// Runs `factdrill quiz`.
pub fn run(args: &QuizArgs) -> anyhow::Result<ExitCode> {
    prompt::apply_no_color();
    // Standard input can hold the article or the answers, not both; and
    // with the article there, keys come from the terminal: check both
    // before reading it.
    if article_on_stdin(args) {
        if args.answers.as_deref().is_some_and(is_stdin) {
            return Err(input(
                "--answers -: standard input already holds the article (SOURCE is -); give the answers in a file: --answers FILE",
            ));
        }
        if args.answers.is_none() && !keys_readable() {
            return Err(input(
                "standard input holds the article and there is no terminal to answer on; use --answers FILE",
            ));
        }
    }
    let deck = source::load_in(
        args.source.as_deref(),
        args.max_bytes,
        args.learner.data_dir.as_deref(),
    )?;
    let player = learner::player(args.learner.player.as_deref());
    let setup = if args.resume {
        match resume(args, &deck, &player)? {
            Resume::Ready(setup, asker) => Some((*setup, asker)),
            Resume::Done(code) => return Ok(code),
        }
    } else {
        None
    };
    let (setup, mut asker) = match setup {
        Some(ready) => ready,
        None => start(args, &deck, &player)?,
    };
    let Setup {
        plan,
        mut store,
        session_id,
        player_id,
        previous_best,
        started_ms,
        planned,
        earlier,
        resumed,
        plan_ids,
    } = setup;
    interrupt::install();
    interrupt::begin(store.as_ref().map(|s| s.path().to_owned()), &session_id);

    match &asker {
        Asker::Terminal(terminal) => {
            if let Some(line) = &resumed {
                terminal.say(line)?;
            }
            terminal.greet(&deck.title, plan.len())?;
        }
        Asker::Script(_) => {
            if let (Some(line), Format::Text) = (&resumed, args.format) {
                writeln!(io::stdout(), "{line}")?;
            }
        }
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
    // A resumed session is one session: its numbers count the answers
    // given before too.
    let earlier_right = earlier.iter().filter(|(_, v)| v != "wrong").count();
    let answered = earlier.len() + outcome.first().count();
    let right = earlier_right + outcome.score();
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
                planned,
                answered,
                score: right,
                percent: percent(right as i64, answered as i64),
                saved,
                plan: &plan_ids,
                resumed: resumed.is_some(),
                answered_before: earlier.len(),
                answers: &outcome.answers,
            };
            out.write_all(crate::output::json(&results)?.as_bytes())?;
            writeln!(out)?;
        }
        Format::Text => {
            let summary = Summary {
                outcome: &outcome,
                planned,
                earlier: &earlier,
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
            "factdrill: the answers ran out after {answered} of {planned} questions; the session is marked interrupted{}",
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

/// A new session: plan the questions, then (unless `--no-save`) store the
/// deck and start the session.
fn start(args: &QuizArgs, deck: &Deck, player: &str) -> anyhow::Result<(Setup, Asker)> {
    let seed = args.seed.unwrap_or_else(|| rand::rng().random());
    let options = Options {
        count: usize::from(args.count),
        kinds: args.kinds.iter().map(|k| k.kind()).collect(),
        style: args.style,
        seed,
    };
    let plan = session::plan(deck, &options);
    if plan.is_empty() {
        return Err(input(format!(
            "{}: has no questions of the kinds and style asked for",
            deck_name(args)
        )));
    }

    // Decide how answers arrive before touching the store.
    let asker = asker_with(args.answers.as_deref(), args.format, article_on_stdin(args))?;

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
    let plan_ids: Vec<String> = plan.iter().map(|&i| deck.questions[i].id.clone()).collect();
    if let Some(store) = store.as_mut() {
        store.reap()?;
        player_id = store.player(player, started_ms)?;
        save_deck(store, deck, started_ms)?;
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
    let planned = plan.len();
    Ok((
        Setup {
            plan,
            store,
            session_id,
            player_id,
            previous_best,
            started_ms,
            planned,
            earlier: Vec::new(),
            resumed: None,
            plan_ids,
        },
        asker,
    ))
}

/// What `--resume` found.
enum Resume {
    /// An interrupted session, taken up again, with its questions left.
    Ready(Box<Setup>, Asker),
    /// Nothing left to ask: the command is over.
    Done(ExitCode),
}

/// Takes up the player's latest interrupted quiz on `deck`: the planned
/// questions not answered yet, in plan order, recorded into the same
/// session, which ends complete when they are all answered.
fn resume(args: &QuizArgs, deck: &Deck, player: &str) -> anyhow::Result<Resume> {
    let asker = asker_with(args.answers.as_deref(), args.format, article_on_stdin(args))?;
    let dir = learner::data_dir(args.learner.data_dir.as_deref())?;
    let nothing = || {
        anyhow::anyhow!(
            "nothing to resume: {} has no interrupted quiz on \"{}\" (start one with factdrill quiz{})",
            crate::output::clean(player),
            crate::output::clean(&deck.title),
            args.source
                .as_ref()
                .map_or_else(String::new, |s| format!(" {}", s.display()))
        )
    };
    // Resuming never creates a store.
    if !dir.join(crate::store::FILE_NAME).exists() {
        return Err(nothing());
    }
    let mut store = Store::open(&dir)?;
    store.reap()?;
    let Some(player_id) = store.find_player(player)? else {
        return Err(nothing());
    };
    let Some(found) = store.interrupted(player_id, &deck.id)? else {
        return Err(nothing());
    };
    let remaining = found.remaining();
    let plan: Vec<usize> = remaining
        .iter()
        .filter_map(|id| deck.questions.iter().position(|q| &q.id == id))
        .collect();
    let gone = remaining.len() - plan.len();
    let when = local_time(found.started_ms);
    if plan.is_empty() {
        if !store.resume_session(&found.id)? {
            return Err(taken(&when));
        }
        let now = clock::now_ms()?;
        // Every question it planned was answered (or is no longer in the
        // deck): the session is over.
        let status = if gone == 0 {
            crate::store::Status::Complete
        } else {
            crate::store::Status::Interrupted
        };
        store.finish(&found.id, status, now)?;
        if gone > 0 {
            return Err(input(format!(
                "{}: the {gone} questions left from your quiz of {when} are no longer in the deck; nothing to resume",
                deck_name(args)
            )));
        }
        writeln!(
            io::stdout(),
            "Your quiz of {when} had every question answered; it is now marked complete."
        )?;
        return Ok(Resume::Done(ExitCode::SUCCESS));
    }
    let now = clock::now_ms()?;
    save_deck(&mut store, deck, now)?;
    if !store.resume_session(&found.id)? {
        return Err(taken(&when));
    }
    let previous_best = store.best(player_id, &deck.id, &found.id)?;
    let answered = found.answered.len();
    let gone_note = if gone > 0 {
        format!(" ({gone} left out: no longer in the deck.)")
    } else {
        String::new()
    };
    let line = format!(
        "Resuming your quiz of {when}: {answered} of {} answered, {} to go.{gone_note}",
        found.plan.len(),
        plan.len()
    );
    let earlier = found
        .answered
        .into_iter()
        .map(|(_, kind, verdict)| (kind, verdict))
        .collect();
    Ok(Resume::Ready(
        Box::new(Setup {
            plan,
            store: Some(store),
            session_id: found.id,
            player_id,
            previous_best,
            started_ms: found.started_ms,
            planned: found.plan.len() - gone,
            earlier,
            resumed: Some(line),
            plan_ids: found.plan,
        }),
        asker,
    ))
}

fn taken(when: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "your quiz of {when} was just taken up by another factdrill; nothing to resume here"
    )
}

/// A time as the learner's clock shows it.
fn local_time(ms: i64) -> String {
    let tz = jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::from_millisecond(ms).map_or_else(
        |_| ms.to_string(),
        |t| t.to_zoned(tz).strftime("%Y-%m-%d %H:%M").to_string(),
    )
}

fn deck_name(args: &QuizArgs) -> String {
    args.source.as_ref().map_or_else(
        || crate::content::DECKS[0].0.to_owned(),
        |p| crate::input::shown(p),
    )
}

/// `-` as the source: standard input holds the article.
fn article_on_stdin(args: &QuizArgs) -> bool {
    args.source.as_deref().is_some_and(is_stdin)
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
    asker_with(answers, format, false)
}

/// Whether keys can be read from a terminal: standard input is one, or
/// `/dev/tty` opens (where the prompts read keys when standard input is
/// not a terminal).
fn keys_readable() -> bool {
    io::stdin().is_terminal()
        || std::fs::File::options()
            .read(true)
            .write(true)
            .open("/dev/tty")
            .is_ok()
}

/// [`asker`], knowing whether standard input held the article (then the
/// terminal's keys are read from `/dev/tty`).
fn asker_with(
    answers: Option<&std::path::Path>,
    format: Format,
    stdin_is_article: bool,
) -> anyhow::Result<Asker> {
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
            if stdin_is_article {
                if !keys_readable() {
                    return Err(input(
                        "standard input holds the article and there is no terminal to answer on; use --answers FILE",
                    ));
                }
            } else if !io::stdin().is_terminal() {
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
    /// (kind, verdict) of the answers given before a resume.
    earlier: &'a [(String, String)],
    elapsed: Duration,
    previous_best: Option<(i64, i64)>,
    player: &'a str,
    store: Option<&'a Store>,
}

impl Summary<'_> {
    fn write(&self, out: &mut impl Write) -> anyhow::Result<()> {
        let outcome = self.outcome;
        let earlier = self.earlier;
        let answered = earlier.len() + outcome.first().count();
        let score = earlier.iter().filter(|(_, v)| v != "wrong").count() + outcome.score();
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
        if !earlier.is_empty() {
            writeln!(
                out,
                "  (resumed: {} answered before, {} now)",
                earlier.len(),
                outcome.first().count()
            )?;
        }
        for kind in [Kind::Who, Kind::Where, Kind::When, Kind::HowMuch] {
            let of_kind: Vec<&Marked> = outcome.first().filter(|m| m.kind == kind).collect();
            let before: Vec<&str> = earlier
                .iter()
                .filter(|(k, _)| k == kind.as_str())
                .map(|(_, v)| v.as_str())
                .collect();
            if of_kind.is_empty() && before.is_empty() {
                continue;
            }
            let right = of_kind
                .iter()
                .filter(|m| m.verdict != Verdict::Wrong)
                .count()
                + before.iter().filter(|v| **v != "wrong").count();
            writeln!(
                out,
                "  {:<9} {right} of {}",
                kind.as_str().replace('_', " "),
                of_kind.len() + before.len()
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
