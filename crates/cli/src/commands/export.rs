//! `factdrill export`: a deck's questions for other tools — a printable
//! Markdown worksheet with answer keys, Moodle's GIFT, an Anki notes file,
//! or JSON — on standard output or in files.
//!
//! The questions are chosen as a quiz chooses them ([`session::plan`]:
//! spread over the article's facts, kinds and styles, in the seed's
//! order). The writers are pure functions of `factdrill_core::export`;
//! this module picks the questions and decides where the text goes.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use factdrill_core::Question;
use factdrill_core::deck::Deck;
use factdrill_core::export::{anki, gift, markdown};

use crate::app::{Count, ExportArgs, ExportFormat};
use crate::commands::generate::{to_json, write_atomically};
use crate::error::input;
use crate::input::io_reason;
use crate::session::{self, Options, StyleChoice};
use crate::source;

/// Questions on a worksheet when `--count` is left out: a few printed
/// pages. The other formats take every question.
pub const WORKSHEET_COUNT: usize = 20;

/// Runs `factdrill export`.
pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    if args.versions > 1 && args.to != ExportFormat::Markdown {
        return Err(input(
            "--versions makes worksheet versions A, B, C…: it goes with --to markdown",
        ));
    }
    let folder = args
        .output
        .as_deref()
        .filter(|p| args.to == ExportFormat::Markdown && !is_markdown_file(p));
    if let Some(path) = &args.output {
        if folder.is_some() && path.exists() && !path.is_dir() {
            return Err(input(format!(
                "{}: is a file, not a folder; give a folder for the worksheets, \
                 or a name ending in .md for one file",
                path.display()
            )));
        }
        if folder.is_none() && path.is_dir() {
            return Err(input(format!(
                "{}: is a folder; give the name of the file to write",
                path.display()
            )));
        }
    }
    let deck = source::load(args.source.as_deref(), args.max_bytes)?;
    let questions = choose(&deck, args)?;
    let files: Vec<(PathBuf, String)> = match (&args.output, folder) {
        (None, _) => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            out.write_all(whole(&deck, &questions, args)?.as_bytes())?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
        (Some(_), Some(dir)) => markdown_files(&deck, &questions, args)
            .into_iter()
            .map(|(name, text)| (dir.join(name), text))
            .collect(),
        (Some(path), None) => vec![(path.clone(), whole(&deck, &questions, args)?)],
    };
    // Nothing is written when any file would be replaced without --force.
    if !args.force
        && let Some((existing, _)) = files.iter().find(|(p, _)| p.exists())
    {
        return Err(input(format!(
            "{}: already exists; use --force to replace it",
            existing.display()
        )));
    }
    if let Some(dir) = folder {
        std::fs::create_dir_all(dir).map_err(|e| {
            input(format!(
                "{}: cannot create the folder: {}",
                dir.display(),
                io_reason(&e)
            ))
        })?;
    }
    for (path, text) in &files {
        write_atomically(path, text)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The questions to export, in order.
fn choose<'d>(deck: &'d Deck, args: &ExportArgs) -> anyhow::Result<Vec<&'d Question>> {
    let style = match args.to {
        // What a learner answers on paper or in Moodle: flashcards are
        // self-graded, so they go to Anki (and JSON) only.
        ExportFormat::Markdown | ExportFormat::Gift => StyleChoice::Mixed,
        ExportFormat::Anki | ExportFormat::Json => StyleChoice::Every,
    };
    let count = match args.count {
        Some(Count::Some(n)) => n,
        None if args.to == ExportFormat::Markdown => WORKSHEET_COUNT,
        Some(Count::All) | None => deck.questions.len(),
    };
    let options = Options {
        count,
        kinds: args.kinds.iter().map(|k| k.kind()).collect(),
        style,
        seed: args.seed,
    };
    let plan = session::plan(deck, &options);
    if plan.is_empty() {
        let name = args.source.as_ref().map_or_else(
            || crate::content::DECKS[0].0.to_owned(),
            |p| p.display().to_string(),
        );
        return Err(input(format!(
            "{name}: has no questions to export{}",
            if args.kinds.is_empty() {
                ""
            } else {
                " of the kinds asked for"
            }
        )));
    }
    Ok(plan.iter().map(|&i| &deck.questions[i]).collect())
}

/// The worksheet and key of each version, with their file names:
/// `worksheet-A.md` … then `key-A.md` … (`worksheet.md` and `key.md` for
/// one version).
fn markdown_files(
    deck: &Deck,
    questions: &[&Question],
    args: &ExportArgs,
) -> Vec<(String, String)> {
    let versions = markdown::versions(questions, usize::from(args.versions), args.seed);
    let file = |what: &str, v: &markdown::Version<'_>| match v.label {
        Some(label) => format!("{what}-{label}.md"),
        None => format!("{what}.md"),
    };
    let sheets = versions
        .iter()
        .map(|v| (file("worksheet", v), markdown::worksheet(deck, v)));
    let keys = versions
        .iter()
        .map(|v| (file("key", v), markdown::key(deck, v)));
    sheets.chain(keys).collect()
}

/// The whole export as one text: what standard output or one file gets
/// (for markdown, every worksheet and then every key).
fn whole(deck: &Deck, questions: &[&Question], args: &ExportArgs) -> anyhow::Result<String> {
    Ok(match args.to {
        ExportFormat::Markdown => {
            let versions = markdown::versions(questions, usize::from(args.versions), args.seed);
            markdown::document(deck, &versions)
        }
        ExportFormat::Gift => gift::write(deck, questions),
        ExportFormat::Anki => anki::write(deck, questions),
        ExportFormat::Json => {
            let selected = Deck {
                questions: questions.iter().map(|&q| q.clone()).collect(),
                ..deck.clone()
            };
            to_json(&selected)?
        }
    })
}

/// A markdown `-o` path names one file when it ends in .md, .markdown or
/// .txt and is not a folder; otherwise it is a folder.
fn is_markdown_file(path: &Path) -> bool {
    !path.is_dir()
        && path.extension().is_some_and(|e| {
            ["md", "markdown", "txt"]
                .iter()
                .any(|x| e.eq_ignore_ascii_case(x))
        })
}
