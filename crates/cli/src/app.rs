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
    /// List the decks you can quiz on, with your last and best scores.
    List(ListArgs),
    /// Take a quiz on an article or a deck, in the terminal or from a script.
    #[command(after_help = QUIZ_EXAMPLES)]
    Quiz(QuizArgs),
    /// Review the cards spaced repetition (FSRS) makes due today.
    #[command(after_help = REVIEW_EXAMPLES)]
    Review(ReviewArgs),
    /// Show your sessions, scores, accuracy by kind and most-missed questions.
    #[command(after_help = STATS_EXAMPLES)]
    Stats(StatsArgs),
    /// List the players in the progress store, with their sessions and last activity.
    Players(PlayersArgs),
    /// Forget a player's answers and cards: all of them, or one deck's.
    #[command(after_help = RESET_EXAMPLES)]
    Reset(ResetArgs),
    /// Write a consistent copy of the progress store, even while a quiz is running.
    #[command(after_help = BACKUP_EXAMPLES)]
    Backup(BackupArgs),
    /// Put a backup back as the progress store, keeping the replaced one beside it.
    #[command(after_help = BACKUP_EXAMPLES)]
    Restore(RestoreArgs),
    /// Print shell completions (bash, zsh, fish, powershell, elvish).
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), of factdrill or of one of its commands.
    Man(ManArgs),
    /// Export questions: a printable worksheet with answer keys, Moodle GIFT, Anki, JSON.
    #[command(after_help = EXPORT_EXAMPLES)]
    Export(ExportArgs),
}

const RESET_EXAMPLES: &str = "\
Examples:
  factdrill reset --player ana                      everything ana did, after asking
  factdrill reset --player ana --deck lukashenka-and-bakiyev
  factdrill reset --player ana --yes                no question asked (scripts)

Without a terminal to ask on, a reset needs --yes. `factdrill backup FILE` first keeps a copy.";

const BACKUP_EXAMPLES: &str = "\
Examples:
  factdrill backup progress-2026-12-01.sqlite
  factdrill backup progress.sqlite --force          replace an older backup
  factdrill restore progress-2026-12-01.sqlite      the replaced store is kept as
                                                    factdrill.sqlite.before-restore-TIME";

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  factdrill completions bash > ~/.local/share/bash-completion/completions/factdrill
  factdrill completions zsh > \"${fpath[1]}/_factdrill\"
  factdrill completions fish > ~/.config/fish/completions/factdrill.fish
  factdrill completions powershell >> $PROFILE";

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
  factdrill quiz --resume                 pick up the last interrupted quiz where it stopped

Keys: arrow keys and Enter choose, an empty answer skips, Ctrl-C (or Esc in a menu)
stops (every answer given is kept).";

const STATS_EXAMPLES: &str = "\
Examples:
  factdrill stats
  factdrill stats --player ana --deck lukashenka-and-bakiyev
  factdrill stats --format json
  factdrill stats --players                          the class, one line per player
  factdrill stats --players --deck crime --format csv > gradebook.csv
  factdrill stats --import results/*.json --players  merge results from other machines";

const EXPORT_EXAMPLES: &str = "\
Examples:
  factdrill export article.txt --to markdown           a worksheet and its key, on screen
  factdrill export article.txt --to markdown --versions 3 -o sheets/
                                            worksheets A, B, C and their keys, a file each
  factdrill export deck.toml --to gift -o quiz.gift    Moodle: Question bank, Import, GIFT
  factdrill export --to anki -o cards.txt              Anki: File, Import
  factdrill export article.txt --to json --count 10 --seed 4

Markdown and GIFT hold the questions a quiz asks (multiple choice, typed, fill in the
blank, true/false); Anki and JSON hold flashcards too. The same seed gives the same
export. An existing file is never replaced without --force.";

/// What `factdrill export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A printable worksheet (numbered questions, lettered options, lines to write on) and its answer key.
    Markdown,
    /// Moodle's GIFT: multiple choice, short answer (every accepted answer), true/false.
    Gift,
    /// A tab-separated notes file Anki imports as is (front, back with the source sentence, tags).
    Anki,
    /// The questions as `generate --format json` prints them.
    Json,
}

/// How many questions: a number, or every one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    /// Every question that fits.
    All,
    /// At most this many.
    Some(usize),
}

/// Parses `--count`: a positive number or `all`.
fn parse_count(s: &str) -> Result<Count, String> {
    if s.eq_ignore_ascii_case("all") {
        return Ok(Count::All);
    }
    match s.parse::<usize>() {
        Ok(n) if n > 0 => Ok(Count::Some(n)),
        _ => Err(format!(
            "`{s}` is not a number of questions (1 or more, or `all`)"
        )),
    }
}

/// `factdrill export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// An article (plain text, Markdown or a saved web page), - for an
    /// article on standard input, a deck file (.toml), or the name of a deck
    /// shipped with factdrill; the built-in article when left out.
    pub source: Option<PathBuf>,
    /// What to write.
    #[arg(long = "to", value_enum, value_name = "FORMAT")]
    pub to: ExportFormat,
    /// Write to this file instead of standard output. For markdown, a path
    /// that is a folder or has no .md/.markdown/.txt ending is a folder
    /// (created if missing) that gets one worksheet and one key file per
    /// version.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// How many questions, or `all` [default: 20 for markdown, all for the others].
    #[arg(short = 'n', long, value_name = "N", value_parser = parse_count)]
    pub count: Option<Count>,
    /// Markdown only: this many versions (A, B, C…, at most 26), the same
    /// questions in another order with shuffled options, each with its key.
    #[arg(long, default_value_t = 1, value_name = "K",
          value_parser = clap::value_parser!(u8).range(1..=26))]
    pub versions: u8,
    /// Seed for the choice and order of questions and the shuffles.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Only these kinds of fact, comma-separated.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KINDS")]
    pub kinds: Vec<KindArg>,
    /// Replace output files that already exist (without it, an existing
    /// file is an error and nothing is written).
    #[arg(long)]
    pub force: bool,
    /// Refuse articles (or web pages) larger than this many bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub max_bytes: u64,
}

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
    /// Continue your latest interrupted quiz on this deck (SOURCE, or the
    /// built-in one): the questions not yet answered, in their order.
    #[arg(long, conflicts_with_all = ["count", "kinds", "style", "seed", "no_save"])]
    pub resume: bool,
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
    /// A table by player: quizzes, last and best score, accuracy by kind.
    #[arg(long, conflicts_with = "player")]
    pub players: bool,
    /// Merge results that `quiz --format json` wrote (on other machines)
    /// into this store; a session already here is not counted twice.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub import: Vec<PathBuf>,
    /// Output format (csv: the table by player, for a gradebook).
    #[arg(long, value_enum, default_value_t = StatsFormat::Text)]
    pub format: StatsFormat,
}

/// Output format for `factdrill stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsFormat {
    /// A readable report or table.
    Text,
    /// JSON for programs.
    Json,
    /// Comma-separated values (with --players), for spreadsheets.
    Csv,
}

/// `factdrill list`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub learner: LearnerArgs,
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
#[command(after_help = GENERATE_EXAMPLES)]
pub struct GenerateArgs {
    /// Articles (plain text or Markdown, with optional TOML front matter, or
    /// saved web pages: .html, .htm), folders of articles, or - for one
    /// article on standard input; more than one, or a folder, needs `-o DIR`.
    #[arg(required = true, value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    /// One article: write its deck to this file instead of standard output.
    /// Several articles or a folder: the folder to write one deck per article
    /// into (`a.txt` → `DIR/a.deck.toml`).
    #[arg(short, long, value_name = "DECK|DIR")]
    pub output: Option<PathBuf>,
    /// Replace decks that already exist in the output folder.
    #[arg(long)]
    pub force: bool,
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

const GENERATE_EXAMPLES: &str = "\
Examples:
  factdrill generate article.txt                 the deck on standard output
  factdrill generate article.txt -o article.deck.toml
  factdrill generate articles/ -o decks/         one deck per article of the folder
  factdrill generate a.txt b.md -o decks/ --force

A folder means its own article files: not its subfolders, hidden files or
decks (.toml, .json). A file that fails is reported at the end; the others
are written, and the exit code is not 0.";

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

/// `factdrill players`.
#[derive(Debug, clap::Args)]
pub struct PlayersArgs {
    /// Where progress is stored (default: `FACTDRILL_HOME`, else the platform's data folder).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Print the players as text or JSON.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// `factdrill reset`.
#[derive(Debug, clap::Args)]
pub struct ResetArgs {
    /// Whose progress to forget.
    #[arg(long, value_name = "NAME")]
    pub player: String,
    /// Only this deck's answers and cards: its name, title, id, or file.
    #[arg(long, value_name = "NAME")]
    pub deck: Option<String>,
    /// Do not ask for confirmation.
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// Where progress is stored (default: `FACTDRILL_HOME`, else the platform's data folder).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

/// `factdrill backup`.
#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// The file to write the copy to.
    pub file: PathBuf,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
    /// Where progress is stored (default: `FACTDRILL_HOME`, else the platform's data folder).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

/// `factdrill restore`.
#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// A backup written by `factdrill backup` (or a copy of a progress store).
    pub file: PathBuf,
    /// Where progress is stored (default: `FACTDRILL_HOME`, else the platform's data folder).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

/// `factdrill completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `factdrill man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// A command's own page (`factdrill man quiz`); factdrill's when left out.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
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
        Command::List(args) => commands::list::run(&args),
        Command::Quiz(args) => commands::quiz::run(&args),
        Command::Review(args) => commands::review::run(&args),
        Command::Stats(args) => commands::stats::run(&args),
        Command::Players(args) => commands::players::run(&args),
        Command::Reset(args) => commands::reset::run(&args),
        Command::Backup(args) => commands::backup::backup(&args),
        Command::Restore(args) => commands::backup::restore(&args),
        Command::Completions(args) => commands::completions::completions(&args),
        Command::Man(args) => commands::completions::man(&args),
        Command::Export(args) => commands::export::run(&args),
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
    fn generate_takes_many_articles_and_stats_many_imports() {
        let cli =
            Cli::try_parse_from(["factdrill", "generate", "a.txt", "dir", "-o", "out"]).unwrap();
        let Command::Generate(args) = cli.command else {
            panic!("generate expected");
        };
        assert_eq!(
            args.articles,
            [PathBuf::from("a.txt"), PathBuf::from("dir")]
        );
        assert!(!args.force);
        let cli = Cli::try_parse_from([
            "factdrill",
            "stats",
            "--import",
            "a.json",
            "b.json",
            "--players",
            "--format",
            "csv",
        ])
        .unwrap();
        let Command::Stats(args) = cli.command else {
            panic!("stats expected");
        };
        assert_eq!(args.import.len(), 2);
        assert!(args.players);
        assert_eq!(args.format, StatsFormat::Csv);
        assert!(Cli::try_parse_from(["factdrill", "generate"]).is_err());
        assert!(
            Cli::try_parse_from(["factdrill", "stats", "--players", "--player", "ana"]).is_err()
        );
    }

    #[test]
    fn export_takes_a_format_a_count_or_all_and_versions() {
        let parse = |args: &[&str]| {
            let cli = Cli::try_parse_from(["factdrill", "export"].iter().chain(args))?;
            let Command::Export(args) = cli.command else {
                panic!("export expected");
            };
            Ok::<_, clap::Error>(args)
        };
        let args = parse(&["a.txt", "--to", "gift", "-n", "all"]).unwrap();
        assert_eq!(args.to, ExportFormat::Gift);
        assert_eq!(args.count, Some(Count::All));
        assert_eq!(args.versions, 1);
        let args = parse(&["--to", "markdown", "--count", "5", "--versions", "3"]).unwrap();
        assert_eq!((args.count, args.versions), (Some(Count::Some(5)), 3));
        assert!(args.source.is_none());
        assert!(parse(&["--to", "markdown", "--count", "0"]).is_err());
        assert!(parse(&["--to", "markdown", "--versions", "27"]).is_err());
        assert!(parse(&["a.txt"]).is_err(), "--to is required");
    }

    #[test]
    fn clap_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
