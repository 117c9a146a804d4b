//! `factdrill generate`: an article's questions as an editable TOML deck or
//! as JSON.

use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use factdrill_core::deck::{Deck, FORMAT, deck_id};
use factdrill_core::{Article, Question, facts, questions};
use serde::Serialize;

use crate::app::{DeckFormat, GenerateArgs};
use crate::input::read_article;

/// Builds the deck for an article.
pub fn deck_for(article: &Article, source: &Path, seed: u64) -> Deck {
    let facts = facts::extract(article);
    let questions = questions::generate(article, &facts, seed);
    Deck {
        format: FORMAT,
        id: deck_id(article.text()),
        title: article
            .title
            .as_ref()
            .map_or_else(|| file_stem(source), |t| t.text.clone()),
        byline: article.byline.as_ref().map(|b| b.text.clone()),
        date: article.date.map(|d| d.to_string()),
        source: source.file_name().map(|n| n.to_string_lossy().into_owned()),
        questions,
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "Untitled".to_owned(),
        |s| s.to_string_lossy().into_owned(),
    )
}

#[derive(Serialize)]
struct DeckJson<'a> {
    id: &'a str,
    title: &'a str,
    byline: Option<&'a str>,
    date: Option<&'a str>,
    source: Option<&'a str>,
    questions: &'a [Question],
}

/// The deck as JSON: `{"id", "title", …, "questions": […]}`.
pub fn to_json(deck: &Deck) -> anyhow::Result<String> {
    let json = DeckJson {
        id: &deck.id,
        title: &deck.title,
        byline: deck.byline.as_deref(),
        date: deck.date.as_deref(),
        source: deck.source.as_deref(),
        questions: &deck.questions,
    };
    Ok(crate::output::json(&json)? + "\n")
}

/// Runs `factdrill generate`.
pub fn run(args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    let article = read_article(&args.article, args.max_bytes)?;
    let deck = deck_for(&article, &args.article, args.seed);
    let text = match args.format {
        DeckFormat::Toml => deck.to_toml(),
        DeckFormat::Json => to_json(&deck)?,
    };
    if let Some(path) = &args.output {
        write_atomically(path, &text)?;
    } else {
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        out.write_all(text.as_bytes())?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `text` to `path` through a temporary file in the same folder, so
/// a failure never leaves half a file where a good one was.
pub fn write_atomically(path: &Path, text: &str) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "deck".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = std::fs::write(&tmp, text).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(|e| {
        crate::error::input(format!(
            "{}: cannot write: {}",
            path.display(),
            crate::input::io_reason(&e)
        ))
    })
}
