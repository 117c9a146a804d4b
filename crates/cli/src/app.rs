//! App: the command line (clap), turned into one command run.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::commands;
use crate::input::DEFAULT_MAX_BYTES;

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
    /// The article: plain text or Markdown, with optional TOML front matter.
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
    /// The article: plain text or Markdown, with optional TOML front matter.
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
