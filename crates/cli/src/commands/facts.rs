//! `factdrill facts`: the article's facts as a table or as JSON.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use factdrill_core::Article;
use factdrill_core::facts::{self, Entity, Facts, Kind};
use serde::Serialize;

use crate::app::{FactsArgs, Format};
use crate::input::read;
use crate::output::clean;

/// Runs `factdrill facts`.
pub fn run(args: &FactsArgs) -> anyhow::Result<ExitCode> {
    let read = read(&args.article, args.max_bytes)?;
    let article = read.article;
    let facts = facts::extract(&article);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => write_json(&mut out, &article, &facts, read.from_page)?,
        Format::Text => write_text(&mut out, &article, &facts)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Serialize)]
struct SentenceJson<'a> {
    index: usize,
    text: &'a str,
    start: usize,
    end: usize,
    paragraph: usize,
}

#[derive(Serialize)]
struct FactsJson<'a> {
    title: Option<&'a str>,
    byline: Option<&'a str>,
    authors: Vec<&'a str>,
    date: Option<String>,
    source: Option<&'a str>,
    tags: &'a [String],
    sentences: Vec<SentenceJson<'a>>,
    entities: &'a [Entity<'a>],
    /// For a web page, the article text extracted from it: the text every
    /// span points into (for a file or standard input, that is the bytes read).
    #[serde(skip_serializing_if = "Option::is_none")]
    extracted: Option<&'a str>,
}

/// Writes the JSON contract: title, byline, date, sentences, entities, and
/// for an article extracted from a web page (`from_page`) the `extracted`
/// text its spans point into.
pub fn write_json(
    out: &mut impl Write,
    article: &Article,
    facts: &Facts,
    from_page: bool,
) -> anyhow::Result<()> {
    let json = FactsJson {
        title: article.title.as_ref().map(|f| f.text.as_str()),
        byline: article.byline.as_ref().map(|f| f.text.as_str()),
        authors: article.authors.iter().map(|f| f.text.as_str()).collect(),
        date: article.date.map(|d| d.to_string()),
        source: article.source.as_deref(),
        tags: &article.tags,
        sentences: article
            .sentences
            .iter()
            .map(|s| SentenceJson {
                index: s.index,
                text: article.sentence_text(s.index),
                start: s.start,
                end: s.end,
                paragraph: s.paragraph,
            })
            .collect(),
        entities: &facts.entities,
        extracted: from_page.then(|| article.text()),
    };
    out.write_all(crate::output::json(&json)?.as_bytes())?;
    writeln!(out)?;
    Ok(())
}

fn heading(kind: Kind) -> &'static str {
    match kind {
        Kind::Who => "WHO",
        Kind::Where => "WHERE",
        Kind::When => "WHEN",
        Kind::HowMuch => "HOW MUCH",
    }
}

/// Writes a readable table grouped by kind, with roles and spellings.
pub fn write_text(out: &mut impl Write, article: &Article, facts: &Facts) -> anyhow::Result<()> {
    if let Some(title) = &article.title {
        writeln!(out, "{}", clean(&title.text))?;
    }
    let mut meta = Vec::new();
    if let Some(byline) = &article.byline {
        meta.push(format!("By {}", byline.text));
    }
    if let Some(date) = article.date {
        meta.push(date.to_string());
    }
    meta.push(format!("{} sentences", article.sentences.len()));
    meta.push(format!("{} entities", facts.entities.len()));
    writeln!(out, "{}", clean(&meta.join(" · ")))?;
    for kind in Kind::ALL {
        let entities: Vec<&Entity> = facts.entities.iter().filter(|e| e.kind == kind).collect();
        if entities.is_empty() {
            continue;
        }
        writeln!(out, "\n{}", heading(kind))?;
        let width = entities
            .iter()
            .map(|e| e.canonical.chars().count())
            .max()
            .unwrap_or(0)
            .min(40);
        for e in entities {
            let mut detail = Vec::new();
            if let Some(role) = &e.role {
                detail.push(role.clone());
            }
            if let Some(resolved) = &e.resolved {
                detail.push(format!("= {resolved}"));
            }
            if let (Some(value), Some(unit)) = (e.value, &e.unit) {
                detail.push(format!("= {value} {unit}"));
            }
            if let Some(note) = &e.note {
                detail.push(format!("({note})"));
            }
            let line = format!(
                "  {:<width$}  {:<12}  {:>2}×  {}",
                e.canonical,
                e.category.as_str(),
                e.mentions.len(),
                detail.join("  "),
            );
            writeln!(out, "{}", clean(line.trim_end()))?;
            let spellings = e.spellings();
            if spellings.len() > 1 || spellings.first().is_some_and(|s| *s != e.canonical) {
                writeln!(
                    out,
                    "  {:<width$}  spelled: {}",
                    "",
                    clean(&spellings.join(", "))
                )?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_table_groups_by_kind_and_shows_roles() {
        let article = Article::parse("Talks\n\nBy Ann Lee\n\nFrench president Marie Dupont met officials in Berlin last year. Dupont said $2 bn was spent.").unwrap();
        let facts = facts::extract(&article);
        let mut out = Vec::new();
        write_text(&mut out, &article, &facts).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with("Talks\nBy Ann Lee · 2 sentences"),
            "{text}"
        );
        assert!(text.contains("\nWHO\n"), "{text}");
        assert!(text.contains("French president"), "{text}");
        assert!(text.contains("spelled: Marie Dupont, Dupont"), "{text}");
        assert!(text.contains("\nHOW MUCH\n"), "{text}");
    }
}
