//! App: the command line (clap), turned into one command run.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::commands;
use crate::input::DEFAULT_MAX_BYTES;
use crate::session::StyleChoice;

/// Turn a news article into a comprehension quiz and flashcards.
#[derive(Debug, Parser)]
#[command(name = "factdrill", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the facts an article states: who, where, when, how much.
    Facts(FactsArgs),
    /// Make the questions for an article: an editable deck (TOML) or JSON.
    Generate(GenerateArgs),
    /// Validate a deck file without running it.
    Check(CheckArgs),
    /// Take a quiz on an article or a deck, in the terminal or from a script.
    #[command(after_help = QUIZ_EXAMPLES)]
    Quiz(QuizArgs),
    /// Review the cards spaced repetition (FSRS) makes due today.
    #[command(after_help = REVIEW_EXAMPLES)]
    Review(ReviewArgs),
    /// Show your sessions, scores, accuracy by kind and most-missed questions.
    #[command(after_help = STATS_EXAMPLES)]
    Stats(StatsArgs),
}

const REVIEW_EXAMPLES: &str = "\
Examples:
  factdrill review                        every card due today, most overdue first
  factdrill review --deck lukashenka-and-bakiyev --limit 20
  factdrill review --cram                 study cards not yet due; schedules untouched
  factdrill review --new 5                also learn 5 questions not met yet (flashcards first)
  factdrill review --answers grades.txt --format json

Flashcards: any key shows the answer, then 1 Again, 2 Hard, 3 Good, 4 Easy.";

const QUIZ_EXAMPLES: &str = "\
Examples:
  factdrill quiz                          the built-in article, 10 questions
  factdrill quiz article.txt --count 5    a quiz on your own article
  factdrill quiz saved-page.html          the article in a saved web page
  pbpaste | factdrill quiz -              an article piped in; keys still from the terminal
  factdrill quiz deck.toml --style typed  only typed wh questions
  factdrill quiz --kinds who,when --seed 3
  factdrill quiz --answers answers.txt --format json   scripted, for classes

Keys: arrow keys and Enter choose, an empty answer skips, Ctrl-C (or Esc in a menu)
stops (every answer given is kept).";

const STATS_EXAMPLES: &str = "\
Examples:
  factdrill stats
  factdrill stats --player ana --deck lukashenka-and-bakiyev
  factdrill stats --format json";

/// A kind of fact, for `--kinds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// People, organisations, groups.
    Who,
    /// Countries, cities, regions, places.
    Where,
    /// Dates, times, periods.
    When,
    /// Money, counts, percentages, measures.
    #[value(alias = "how_much", alias = "howmuch")]
    HowMuch,
}

impl KindArg {
    /// The core kind.
    pub fn kind(self) -> factdrill_core::Kind {
        match self {
            KindArg::Who => factdrill_core::Kind::Who,
            KindArg::Where => factdrill_core::Kind::Where,
            KindArg::When => factdrill_core::Kind::When,
            KindArg::HowMuch => factdrill_core::Kind::HowMuch,
        }
    }
}

/// Whose progress, and where it is stored: shared by quiz, review, stats.
#[derive(Debug, clap::Args)]
pub struct LearnerArgs {
    /// Whose progress (default: your login name).
    #[arg(long, value_name = "NAME")]
    pub player: Option<String>,
    /// Where progress is stored (default: `FACTDRILL_HOME`, else the platform's data folder).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

/// `factdrill quiz`.
#[derive(Debug, clap::Args)]
pub struct QuizArgs {
    /// An article (plain text, Markdown or a saved web page), - for an
    /// article on standard input, a deck file (.toml), or the name of a deck
    /// shipped with factdrill; the built-in article when left out.
    pub source: Option<PathBuf>,
    /// How many questions (missed ones come back once more on top).
    #[arg(short = 'n', long, default_value_t = 10, value_parser = clap::value_parser!(u16).range(1..))]
    pub count: u16,
    /// Only these kinds of fact, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub kinds: Vec<KindArg>,
    /// Which questions: choice, typed (wh questions), cloze, true-false, or mixed.
    #[arg(long, value_enum, default_value_t = StyleChoice::Mixed)]
    pub style: StyleChoice,
    /// Seed for the choice and order of questions (random when left out).
    #[arg(long)]
    pub seed: Option<u64>,
    #[command(flatten)]
    pub learner: LearnerArgs,
    /// Do not store this session.
    #[arg(long)]
    pub no_save: bool,
    /// Answer from a file (or - for standard input, unless the article is
    /// there), one answer per line: an option's letter, number or text; an
    /// empty line skips.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Print the results as text or JSON.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Refuse articles (or web pages) larger than this many bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub max_bytes: u64,
}

/// `factdrill review`.
#[derive(Debug, clap::Args)]
pub struct ReviewArgs {
    /// Only this deck: its name, title, id, or file.
    #[arg(long, value_name = "NAME")]
    pub deck: Option<String>,
    /// At most this many cards.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub limit: usize,
    /// Study cards that are not due yet, leaving their schedules untouched.
    #[arg(long)]
    pub cram: bool,
    /// Also learn up to N questions of your decks not met yet (flashcards first).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub new: usize,
    /// Desired retention: the chance of remembering a card when it falls due (0.7 to 0.97).
    #[arg(long, default_value_t = factdrill_core::schedule::DEFAULT_RETENTION)]
    pub retention: f32,
    #[command(flatten)]
    pub learner: LearnerArgs,
    /// Answer from a file (or - for standard input), one line per card: an
    /// answer as in the quiz, or a flashcard's grade (again, hard, good, easy or 1-4).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Print the results as text or JSON.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `factdrill stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    #[command(flatten)]
    pub learner: LearnerArgs,
    /// Only this deck: its name, title, id, or file.
    #[arg(long, value_name = "NAME")]
    pub deck: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Output format for decks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DeckFormat {
    /// An editable TOML deck.
    Toml,
    /// JSON for programs.
    Json,
}

/// `factdrill generate`.
#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// The article: plain text or Markdown (optional TOML front matter), a
    /// saved web page (.html, .htm), or - to read it from standard input.
    pub article: PathBuf,
    /// Write the deck here instead of to standard output.
    #[arg(short, long, value_name = "DECK")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DeckFormat::Toml)]
    pub format: DeckFormat,
    /// Seed for option order and distractors: the same seed, the same deck.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Refuse articles larger than this many bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub max_bytes: u64,
}

/// `factdrill check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The deck file to validate, or the name of a deck shipped with
    /// factdrill (`lukashenka-and-bakiyev`).
    pub deck: PathBuf,
}

/// Output format for commands that print data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable table.
    Text,
    /// JSON for programs.
    Json,
}

/// `factdrill facts`.
#[derive(Debug, clap::Args)]
pub struct FactsArgs {
    /// The article: plain text or Markdown (optional TOML front matter), a
    /// saved web page (.html, .htm), or - to read it from standard input.
    pub article: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Refuse articles larger than this many bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub max_bytes: u64,
}

/// Parses `args` and runs the command.
pub fn run(args: impl IntoIterator<Item = OsString>) -> anyhow::Result<ExitCode> {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print and succeed; usage errors exit 2.
            let code = if e.use_stderr() {
                crate::error::USAGE
            } else {
                0
            };
            let _ = e.print();
            return Ok(ExitCode::from(code));
        }
    };
    match cli.command {
        Command::Facts(args) => commands::facts::run(&args),
        Command::Generate(args) => commands::generate::run(&args),
        Command::Check(args) => commands::check::run(&args),
        Command::Quiz(args) => commands::quiz::run(&args),
        Command::Review(args) => commands::review::run(&args),
        Command::Stats(args) => commands::stats::run(&args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_takes_a_format_and_a_limit() {
        let cli = Cli::try_parse_from([
            "factdrill",
            "facts",
            "a.txt",
            "--format",
            "json",
            "--max-bytes",
            "10",
        ])
        .unwrap();
        let Command::Facts(args) = cli.command else {
            panic!("facts expected");
        };
        assert_eq!(args.format, Format::Json);
        assert_eq!(args.max_bytes, 10);
        assert_eq!(args.article, PathBuf::from("a.txt"));
    }

    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
