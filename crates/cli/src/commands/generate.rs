//! `factdrill generate`: an article's questions as an editable TOML deck or
//! as JSON.

use std::io::{self, BufWriter, IsTerminal as _, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use factdrill_core::deck::{Deck, FORMAT, deck_id};
use factdrill_core::{Article, Question, facts, questions};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

use crate::app::{DeckFormat, GenerateArgs};
use crate::error::{InputError, input};
use crate::input::{io_reason, read_article};
use crate::output::clean;

/// Builds the deck for an article read from `source` (`-`: standard input,
/// which gives the deck no source file).
pub fn deck_for(article: &Article, source: &Path, seed: u64) -> Deck {
    let named = Some(source).filter(|p| !crate::input::is_stdin(p));
    let facts = facts::extract(article);
    let questions = questions::generate(article, &facts, seed);
    Deck {
        format: FORMAT,
        id: deck_id(article.text()),
        title: article.title.as_ref().map_or_else(
            || named.map_or_else(|| "Untitled".to_owned(), file_stem),
            |t| t.text.clone(),
        ),
        byline: article.byline.as_ref().map(|b| b.text.clone()),
        date: article.date.map(|d| d.to_string()),
        source: named
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned()),
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

/// Runs `factdrill generate`: one article to standard output or `-o DECK`,
/// or several articles (and folders of them) to one deck each in `-o DIR`.
pub fn run(args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    let batch = args.articles.len() > 1
        || args.articles.iter().any(|p| p.is_dir())
        || args.output.as_deref().is_some_and(Path::is_dir);
    if !batch {
        return single(args, &args.articles[0]);
    }
    if args.articles.iter().any(|p| crate::input::is_stdin(p)) {
        return Err(input(
            "-: standard input holds one article, to be generated alone, not among several",
        ));
    }
    let Some(dir) = args.output.as_deref() else {
        let what = match args.articles.as_slice() {
            [one] => format!("{} is a folder", one.display()),
            many => format!("{} articles were given", many.len()),
        };
        return Err(input(format!(
            "{what}: give -o DIR, the folder to write one deck per article into"
        )));
    };
    batch_run(args, dir)
}

/// One article: its deck to standard output, or atomically to `-o DECK`.
fn single(args: &GenerateArgs, path: &Path) -> anyhow::Result<ExitCode> {
    let text = deck_text(args, path)?;
    if let Some(out) = &args.output {
        write_atomically(out, &text)?;
    } else {
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        out.write_all(text.as_bytes())?;
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The deck of the article at `path`, as TOML or JSON.
fn deck_text(args: &GenerateArgs, path: &Path) -> anyhow::Result<String> {
    let article = read_article(path, args.max_bytes)?;
    let deck = deck_for(&article, path, args.seed);
    match args.format {
        DeckFormat::Toml => Ok(deck.to_toml()),
        DeckFormat::Json => to_json(&deck),
    }
}

/// Several articles: one deck each in `dir`, a progress bar on a terminal,
/// every failure reported at the end.
fn batch_run(args: &GenerateArgs, dir: &Path) -> anyhow::Result<ExitCode> {
    if dir.exists() && !dir.is_dir() {
        return Err(input(format!(
            "{}: is a file; with several articles or a folder, -o names the folder to write the decks into",
            dir.display()
        )));
    }
    let mut failures: Vec<anyhow::Error> = Vec::new();
    let articles = articles(&args.articles, &mut failures);
    let jobs = jobs(&articles, dir, args.format, args.force, &mut failures);
    if !jobs.is_empty() {
        std::fs::create_dir_all(dir).map_err(|e| {
            input(format!(
                "{}: cannot create the folder: {}",
                dir.display(),
                io_reason(&e)
            ))
        })?;
    }
    let bar = progress(jobs.len());
    let mut written = 0usize;
    for (article, deck) in &jobs {
        bar.set_message(
            article
                .file_name()
                .map(|n| clean(&n.to_string_lossy()))
                .unwrap_or_default(),
        );
        match deck_text(args, article).and_then(|text| write_atomically(deck, &text)) {
            Ok(()) => written += 1,
            Err(e) => failures.push(e),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let mut err = io::stderr().lock();
    for failure in &failures {
        writeln!(err, "factdrill: {}", clean(&format!("{failure:#}")))?;
    }
    writeln!(
        err,
        "wrote {written} {} to {}{}",
        if written == 1 { "deck" } else { "decks" },
        dir.display(),
        if failures.is_empty() {
            String::new()
        } else {
            format!("; {} failed", failures.len())
        }
    )?;
    if failures.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else if failures
        .iter()
        .all(|e| e.chain().any(<dyn std::error::Error>::is::<InputError>))
    {
        Ok(ExitCode::from(crate::error::USAGE))
    } else {
        Ok(ExitCode::from(crate::error::FAILURE))
    }
}

/// A progress bar on standard error when it is a terminal; hidden
/// otherwise, so logs and pipes get only the final report.
fn progress(len: usize) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}") {
        bar.set_style(style);
    }
    bar
}

/// The article files named: files as given, folders as their own files
/// (sorted; not subfolders, hidden files or decks). The same file named
/// twice counts once.
pub fn articles(inputs: &[PathBuf], failures: &mut Vec<anyhow::Error>) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            found.push(input.clone());
            continue;
        }
        let entries = match std::fs::read_dir(input) {
            Ok(entries) => entries,
            Err(e) => {
                failures.push(crate::error::input(format!(
                    "{}: cannot read the folder: {}",
                    input.display(),
                    io_reason(&e)
                )));
                continue;
            }
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| is_article_file(p))
            .collect();
        files.sort();
        found.extend(files);
    }
    let mut seen = std::collections::HashSet::new();
    found.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    found
}

/// A folder's file that may be an article: a file (or a link to one), not
/// hidden, not a deck or other data (`.toml`, `.json`).
fn is_article_file(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_none_or(|n| n.to_string_lossy().starts_with('.'));
    let data = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml") || e.eq_ignore_ascii_case("json"));
    !hidden && !data && path.is_file()
}

/// The deck file each article is written to (`a.txt` → `DIR/a.deck.toml`);
/// an article whose deck exists (without `--force`) or whose name clashes
/// with an earlier article's is a failure, not an overwrite.
fn jobs(
    articles: &[PathBuf],
    dir: &Path,
    format: DeckFormat,
    force: bool,
    failures: &mut Vec<anyhow::Error>,
) -> Vec<(PathBuf, PathBuf)> {
    let ext = match format {
        DeckFormat::Toml => "deck.toml",
        DeckFormat::Json => "deck.json",
    };
    let mut taken: std::collections::HashMap<PathBuf, &Path> = std::collections::HashMap::new();
    let mut jobs = Vec::new();
    for article in articles {
        let deck = dir.join(format!("{}.{ext}", file_stem(article)));
        if let Some(first) = taken.get(&deck) {
            failures.push(input(format!(
                "{}: its deck would be {}, like that of {}; rename one of them",
                article.display(),
                deck.display(),
                first.display()
            )));
            continue;
        }
        taken.insert(deck.clone(), article);
        if !force && deck.exists() {
            failures.push(input(format!(
                "{}: {} already exists; use --force to replace it",
                article.display(),
                deck.display()
            )));
            continue;
        }
        jobs.push((article.clone(), deck));
    }
    jobs
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gives_its_own_article_files_sorted_once_each() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for name in ["b.txt", "a.md", ".hidden.txt", "a.deck.toml", "r.json"] {
            std::fs::write(d.join(name), "x").unwrap();
        }
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(d.join("sub/c.txt"), "x").unwrap();
        let mut failures = Vec::new();
        let found = articles(&[d.to_owned(), d.join("b.txt")], &mut failures);
        assert!(failures.is_empty());
        assert_eq!(found, vec![d.join("a.md"), d.join("b.txt")]);
    }

    #[test]
    fn existing_decks_and_clashing_names_are_failures_not_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::write(out.join("old.deck.toml"), "keep").unwrap();
        let articles = [
            PathBuf::from("x/a.txt"),
            PathBuf::from("y/a.md"),
            PathBuf::from("old.txt"),
        ];
        let mut failures = Vec::new();
        let planned = jobs(&articles, out, DeckFormat::Toml, false, &mut failures);
        assert_eq!(
            planned,
            vec![(articles[0].clone(), out.join("a.deck.toml"))]
        );
        let messages: Vec<String> = failures.iter().map(ToString::to_string).collect();
        assert!(messages[0].contains("like that of x/a.txt"), "{messages:?}");
        assert!(
            messages[1].contains("already exists; use --force"),
            "{messages:?}"
        );
        let mut failures = Vec::new();
        let forced = jobs(&articles[2..], out, DeckFormat::Json, true, &mut failures);
        assert_eq!(forced[0].1, out.join("old.deck.json"));
        let forced = jobs(&articles[2..], out, DeckFormat::Toml, true, &mut failures);
        assert_eq!(forced[0].1, out.join("old.deck.toml"));
        assert!(failures.is_empty());
    }
}
