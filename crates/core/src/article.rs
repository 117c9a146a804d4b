//! Article: reads an article's text into title, byline, front matter,
//! paragraphs and sentences, keeping byte spans into the text as read.
//!
//! Accepted layouts, all optional:
//!
//! ```text
//! +++                         ← TOML front matter: title, author, date,
//! title = "…"                   source, tags
//! date = 2025-03-14
//! +++
//! Title line                  ← a first line followed by a blank line
//!                               (a Markdown `# Title` too)
//! By Author Name              ← a byline right after the title
//!
//! Paragraphs separated by blank lines …
//! ```

use std::fmt;
use std::ops::Range;

use jiff::civil::Date;

use crate::sentences;

/// A piece of metadata (title, byline) with where it came from.
///
/// `span` is `None` when the value came from front matter rather than the
/// article's own lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The value, without markers such as `# ` or `By `.
    pub text: String,
    /// Byte span of `text` in the article, when it is there verbatim.
    pub span: Option<Range<usize>>,
}

/// A block of body text between blank lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte offset of the paragraph's first character.
    pub start: usize,
    /// Byte offset one past its last character.
    pub end: usize,
    /// A Markdown heading or a short line without a final stop: not prose.
    pub heading: bool,
    /// The indices of its sentences in [`Article::sentences`].
    pub sentences: Range<usize>,
}

/// One sentence of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Position among the body's sentences, from 0.
    pub index: usize,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// Index of the paragraph that holds it.
    pub paragraph: usize,
    /// Comes from a heading rather than running prose.
    pub heading: bool,
}

/// Why a text cannot be read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArticleError {
    /// Nothing but whitespace (or only metadata, no body).
    Empty,
    /// A NUL byte: this is a binary file, not text.
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The bytes are not valid UTF-8.
    NotUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// Larger than the caller's limit.
    TooLarge {
        /// Size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The TOML front matter does not parse.
    FrontMatter {
        /// 1-based line in the article.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A `+++` line opens front matter that never closes.
    UnclosedFrontMatter,
}

impl fmt::Display for ArticleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the article is empty"),
            Self::Binary { offset } => {
                write!(f, "looks like a binary file (NUL byte at offset {offset})")
            }
            Self::NotUtf8 { offset } => {
                write!(f, "is not UTF-8 text (invalid byte at offset {offset})")
            }
            Self::TooLarge { size, limit } => write!(
                f,
                "is too large ({size} bytes; the limit is {limit} bytes, see --max-bytes)"
            ),
            Self::FrontMatter { line, message } => {
                write!(f, "front matter, line {line}: {message}")
            }
            Self::UnclosedFrontMatter => {
                f.write_str("front matter opened with `+++` is never closed")
            }
        }
    }
}

impl std::error::Error for ArticleError {}

/// Checks raw bytes and returns them as text: not binary, valid UTF-8, not
/// over `limit` bytes, not blank.
///
/// ```
/// use factdrill_core::article::{decode, ArticleError};
/// assert_eq!(decode(b"Hello.", 100), Ok("Hello."));
/// assert_eq!(decode(b"a\0b", 100), Err(ArticleError::Binary { offset: 1 }));
/// ```
pub fn decode(bytes: &[u8], limit: u64) -> Result<&str, ArticleError> {
    if bytes.len() as u64 > limit {
        return Err(ArticleError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ArticleError::Binary { offset });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ArticleError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ArticleError::Empty);
    }
    Ok(text)
}

/// An article: its text, metadata and the structure of its body.
#[derive(Debug, Clone)]
pub struct Article {
    text: String,
    /// The title line or front-matter title.
    pub title: Option<Field>,
    /// The byline's name(s) as written ("Erica Marat").
    pub byline: Option<Field>,
    /// Each author named in the byline or front matter.
    pub authors: Vec<Field>,
    /// Publication date from front matter; resolves relative times.
    pub date: Option<Date>,
    /// Front-matter `source`.
    pub source: Option<String>,
    /// Front-matter `tags`.
    pub tags: Vec<String>,
    /// The body's paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// The body's sentences, in order; the title and byline are not here.
    pub sentences: Vec<Sentence>,
}

/// A line of the text: content span without its line ending.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

fn lines_from(text: &str, from: usize) -> Vec<Line> {
    // Room for lines of 64 bytes on average, so that the list seldom moves
    // (reserved room that is never written costs nothing).
    let mut lines = Vec::with_capacity(text.len().saturating_sub(from) / 64);
    let bytes = text.as_bytes();
    let mut start = from;
    let rest = bytes.get(from..).unwrap_or_default();
    // Lines are short, so the set-up of each search counts: AVX2's is
    // done once here rather than on every call.
    let mut searched = false;
    #[cfg(target_arch = "x86_64")]
    if let Some(one) = memchr::arch::x86_64::avx2::memchr::One::new(b'\n') {
        for p in one.iter(rest) {
            push_line(&mut lines, bytes, &mut start, from + p);
        }
        searched = true;
    }
    if !searched {
        for p in memchr::memchr_iter(b'\n', rest) {
            push_line(&mut lines, bytes, &mut start, from + p);
        }
    }
    if start < text.len() {
        push_line(&mut lines, bytes, &mut start, text.len());
    }
    lines
}

/// Pushes the line from `*start` to the line break at `nl` (or the end)
/// and moves `*start` past it.
fn push_line(lines: &mut Vec<Line>, bytes: &[u8], start: &mut usize, nl: usize) {
    let mut end = nl;
    if end > *start && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    lines.push(Line { start: *start, end });
    *start = nl + 1;
}

/// True if `line` is empty or all whitespace.
fn is_blank(line: &str) -> bool {
    match line.as_bytes().first() {
        None => true,
        // Most lines begin with a letter: no need to trim them.
        Some(&b) if b.is_ascii_alphanumeric() => false,
        Some(_) => line.trim().is_empty(),
    }
}

impl Article {
    /// Reads `text` as an article.
    ///
    /// ```
    /// let a = factdrill_core::Article::parse("Title here\n\nBy Jo Bloggs\n\nOne. Two.").unwrap();
    /// assert_eq!(a.title.unwrap().text, "Title here");
    /// assert_eq!(a.byline.unwrap().text, "Jo Bloggs");
    /// assert_eq!(a.sentences.len(), 2);
    /// ```
    pub fn parse(text: &str) -> Result<Self, ArticleError> {
        let mut article = Article {
            text: text.to_owned(),
            title: None,
            byline: None,
            authors: Vec::new(),
            date: None,
            source: None,
            tags: Vec::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
        };
        let mut pos = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let mut lines = lines_from(text, pos);
        let mut i = 0;

        // Front matter.
        let line_text = |l: &Line| &text[l.start..l.end];
        while i < lines.len() && line_text(&lines[i]).trim().is_empty() {
            i += 1;
        }
        let mut front_title = None;
        let mut front_authors = Vec::new();
        if i < lines.len() && line_text(&lines[i]).trim_end() == "+++" {
            let open = i;
            let close = (open + 1..lines.len())
                .find(|&j| line_text(&lines[j]).trim_end() == "+++")
                .ok_or(ArticleError::UnclosedFrontMatter)?;
            let body_start = lines.get(open + 1).map_or(text.len(), |l| l.start);
            let toml_text = &text[body_start.min(lines[close].start)..lines[close].start];
            let front = FrontMatter::parse(toml_text, open + 1)?;
            front_title = front.title;
            front_authors = front.authors;
            article.date = front.date;
            article.source = front.source;
            article.tags = front.tags;
            pos = lines.get(close + 1).map_or(text.len(), |l| l.start);
            lines = lines_from(text, pos);
            i = 0;
        }

        let blank = |l: &Line| is_blank(&text[l.start..l.end]);
        while i < lines.len() && blank(&lines[i]) {
            i += 1;
        }

        // Title: a first line followed by a blank line, or a Markdown `# `.
        if i < lines.len() {
            let line = lines[i];
            let raw = &text[line.start..line.end];
            let heading = markdown_heading(raw);
            let followed_by_blank = lines.get(i + 1).is_none_or(blank);
            let is_title = match heading {
                // An empty `# ` is no title (a deck needs one with text).
                Some((level, skip)) => level == 1 && !raw[skip..].trim().is_empty(),
                None => {
                    followed_by_blank
                        && i + 1 < lines.len()
                        && front_title.is_none()
                        && looks_like_title(raw)
                }
            };
            if is_title {
                let offset = heading.map_or(0, |(_, skip)| skip);
                let span = trimmed_span(text, line.start + offset, line.end);
                article.title = Some(Field {
                    text: text[span.clone()].to_owned(),
                    span: Some(span),
                });
                i += 1;
                while i < lines.len() && blank(&lines[i]) {
                    i += 1;
                }
                if let Some(line) = lines.get(i)
                    && let Some(span) = byline_span(text, line.start, line.end)
                {
                    article.authors = split_authors(text, span.clone());
                    article.byline = Some(Field {
                        text: text[span.clone()].to_owned(),
                        span: Some(span),
                    });
                    i += 1;
                }
            }
        }
        if article.title.is_none()
            && let Some(title) = front_title
        {
            article.title = Some(Field {
                text: title,
                span: None,
            });
        }
        if article.byline.is_none() && !front_authors.is_empty() {
            article.byline = Some(Field {
                text: front_authors.join(" and "),
                span: None,
            });
            article.authors = front_authors
                .into_iter()
                .map(|text| Field { text, span: None })
                .collect();
        }

        // Paragraphs.
        let mut para_start: Option<usize> = None;
        let mut para_end = 0;
        // At most one block a line: room for that many saves moving the list.
        let body_lines = lines.len().saturating_sub(i);
        let mut blocks: Vec<(usize, usize, bool)> = Vec::with_capacity(body_lines);
        for line in &lines[i.min(lines.len())..] {
            let raw = &text[line.start..line.end];
            // A line that begins with a letter, as most do, is running prose:
            // not blank, no rule, heading or list item.
            if raw.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
                if para_start.is_none() {
                    para_start = Some(line.start);
                }
                para_end = line.end;
                continue;
            }
            if is_blank(raw) || is_rule(raw) {
                if let Some(s) = para_start.take() {
                    blocks.push((s, para_end, false));
                }
                continue;
            }
            if let Some((_, skip)) = markdown_heading(raw) {
                if let Some(s) = para_start.take() {
                    blocks.push((s, para_end, false));
                }
                blocks.push((line.start + skip, line.end, true));
                continue;
            }
            let marker = list_marker(raw);
            if marker > 0
                && let Some(s) = para_start.take()
            {
                blocks.push((s, para_end, false));
            }
            if para_start.is_none() {
                para_start = Some(line.start + marker);
            }
            para_end = line.end;
        }
        if let Some(s) = para_start {
            blocks.push((s, para_end, false));
        }
        // One buffer for every paragraph's sentence spans. News has a
        // sentence in every 70 to 130 bytes: room for one in 64 saves
        // moving the list as it grows.
        let mut spans = Vec::new();
        let searcher = sentences::Searcher::new(text);
        article.sentences.reserve(text.len() / 64);
        article.paragraphs.reserve(blocks.len());
        for (start, end, heading) in blocks {
            let span = trimmed_span(text, start, end);
            if span.is_empty() {
                continue;
            }
            let heading = heading || looks_like_subheading(&text[span.clone()]);
            let first = article.sentences.len();
            let paragraph = article.paragraphs.len();
            sentences::split_into(text, span.start, span.end, &searcher, &mut spans);
            for range in spans.drain(..) {
                article.sentences.push(Sentence {
                    index: article.sentences.len(),
                    start: range.start,
                    end: range.end,
                    paragraph,
                    heading,
                });
            }
            article.paragraphs.push(Paragraph {
                start: span.start,
                end: span.end,
                heading,
                sentences: first..article.sentences.len(),
            });
        }
        if article.sentences.is_empty() && article.title.is_none() {
            return Err(ArticleError::Empty);
        }
        Ok(article)
    }

    /// The text as read, including metadata lines.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of sentence `index`.
    ///
    /// # Panics
    /// When `index` is out of range.
    #[must_use]
    pub fn sentence_text(&self, index: usize) -> &str {
        let s = &self.sentences[index];
        &self.text[s.start..s.end]
    }
}

fn trimmed_span(text: &str, start: usize, end: usize) -> Range<usize> {
    let slice = &text[start..end];
    // Visible ASCII at both ends, as most spans have, needs no trimming.
    if let (Some(first), Some(last)) = (slice.as_bytes().first(), slice.as_bytes().last())
        && first.is_ascii_graphic()
        && last.is_ascii_graphic()
    {
        return start..end;
    }
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    start + lead..start + lead + trimmed.len()
}

/// `# Heading` → (level, bytes to skip).
fn markdown_heading(line: &str) -> Option<(usize, usize)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&level) && line[level..].starts_with(' ') {
        Some((level, level + 1))
    } else {
        None
    }
}

/// Bytes to skip for a Markdown list item or block quote marker, else 0.
fn list_marker(line: &str) -> usize {
    let trimmed = line.trim_start();
    let indent = line.len() - trimmed.len();
    for marker in ["- ", "* ", "+ ", "> "] {
        if trimmed.starts_with(marker) {
            return indent + marker.len();
        }
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) && trimmed[digits..].starts_with(". ") {
        return indent + digits + 2;
    }
    0
}

fn is_rule(line: &str) -> bool {
    if line
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return false;
    }
    let t = line.trim();
    t.len() >= 3 && (t.bytes().all(|b| b == b'-') || t.bytes().all(|b| b == b'*'))
}

fn looks_like_title(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    words <= 30 && !t.contains(". ") && !t.starts_with("By ")
}

/// A short line without a final stop inside the body: a sub-heading.
fn looks_like_subheading(text: &str) -> bool {
    let ends = text
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?', ':', ';', '…']);
    // Counting stops at 13 words: paragraphs can be long.
    !ends && text.split_whitespace().take(13).count() <= 12
}

fn byline_span(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let line = &text[start..end];
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let rest = trimmed
        .strip_prefix("By ")
        .or_else(|| trimmed.strip_prefix("BY "))
        .or_else(|| trimmed.strip_prefix("by "))?;
    let name_start = start + lead + (trimmed.len() - rest.len());
    let span = trimmed_span(text, name_start, end);
    let name = &text[span.clone()];
    let words = name.split_whitespace().count();
    let capitalised = name.chars().next().is_some_and(char::is_uppercase);
    (capitalised && (1..=12).contains(&words) && !name.ends_with('.')).then_some(span)
}

/// "Jo Bloggs and Sam Roe, Reuters" → the people, without the outlet.
fn split_authors(text: &str, span: Range<usize>) -> Vec<Field> {
    let name = &text[span.clone()];
    let mut fields = Vec::new();
    let mut offset = 0;
    for part in name.split([',', '|', '&', ';']) {
        let part_start = offset;
        offset += part.len() + 1;
        for piece in split_keep_offsets(part, " and ") {
            let (rel, s) = piece;
            let trimmed = s.trim();
            if trimmed.is_empty() {
                continue;
            }
            let lead = s.len() - s.trim_start().len();
            let start = span.start + part_start + rel + lead;
            fields.push(Field {
                text: trimmed.to_owned(),
                span: Some(start..start + trimmed.len()),
            });
        }
        // Only the first comma-separated part names people for sure
        // ("Jo Bloggs, Reuters"); later parts count when they look like
        // names of two or more words.
        if part_start > 0 {
            fields.retain(|f| {
                f.span
                    .as_ref()
                    .is_some_and(|s| s.start < span.start + part_start)
                    || f.text.split_whitespace().count() >= 2
            });
        }
    }
    fields
}

fn split_keep_offsets<'a>(s: &'a str, sep: &str) -> Vec<(usize, &'a str)> {
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(i) = s[start..].find(sep) {
        out.push((start, &s[start..start + i]));
        start += i + sep.len();
    }
    out.push((start, &s[start..]));
    out
}

#[derive(Debug, Default)]
struct FrontMatter {
    title: Option<String>,
    authors: Vec<String>,
    date: Option<Date>,
    source: Option<String>,
    tags: Vec<String>,
}

impl FrontMatter {
    fn parse(toml_text: &str, first_line: usize) -> Result<Self, ArticleError> {
        let error = |line: usize, message: String| ArticleError::FrontMatter {
            line: first_line + line,
            message,
        };
        let table: toml::Table = toml_text.parse().map_err(|e: toml::de::Error| {
            let line = e
                .span()
                .map_or(0, |s| toml_text[..s.start].matches('\n').count());
            error(line + 1, e.message().to_owned())
        })?;
        let mut front = FrontMatter::default();
        let string = |key: &str| -> Result<Option<String>, ArticleError> {
            match table.get(key) {
                None => Ok(None),
                Some(toml::Value::String(s)) => Ok(Some(s.clone())),
                Some(other) => Err(error(
                    1,
                    format!("`{key}` must be a string, not {}", other.type_str()),
                )),
            }
        };
        front.title = string("title")?.filter(|t| !t.trim().is_empty());
        front.source = string("source")?;
        front.authors = match table.get("author").or_else(|| table.get("authors")) {
            None => Vec::new(),
            Some(toml::Value::String(s)) => vec![s.clone()],
            Some(toml::Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            Some(other) => {
                return Err(error(
                    1,
                    format!("`author` must be a string, not {}", other.type_str()),
                ));
            }
        };
        front.tags = match table.get("tags") {
            Some(toml::Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        front.date = match table.get("date") {
            None => None,
            Some(value) => {
                let raw = match value {
                    toml::Value::Datetime(d) => d.to_string(),
                    toml::Value::String(s) => s.clone(),
                    other => {
                        return Err(error(
                            1,
                            format!("`date` must be a date, not {}", other.type_str()),
                        ));
                    }
                };
                let day = raw.get(..10).unwrap_or(&raw);
                Some(
                    day.parse::<Date>()
                        .map_err(|e| error(1, format!("`date` is not a date (YYYY-MM-DD): {e}")))?,
                )
            }
        };
        Ok(front)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(a: &Article) -> Vec<&str> {
        (0..a.sentences.len()).map(|i| a.sentence_text(i)).collect()
    }

    #[test]
    fn first_line_then_blank_is_the_title_and_by_line_is_the_byline() {
        let a = Article::parse("Storm hits\n\nBy Ann Lee\n\nIt rained. It poured.\n").unwrap();
        assert_eq!(a.title.as_ref().unwrap().text, "Storm hits");
        assert_eq!(a.byline.as_ref().unwrap().text, "Ann Lee");
        assert_eq!(a.authors.len(), 1);
        assert_eq!(sentences(&a), ["It rained.", "It poured."]);
        let span = a.byline.clone().unwrap().span.unwrap();
        assert_eq!(&a.text()[span], "Ann Lee");
    }

    #[test]
    fn a_long_first_paragraph_is_not_a_title() {
        let a = Article::parse("It rained all day. Then it poured.\n\nMore.").unwrap();
        assert!(a.title.is_none());
        assert_eq!(a.sentences.len(), 3);
    }

    #[test]
    fn an_empty_heading_or_front_matter_title_is_no_title() {
        for text in [
            "# \n\nThe ice melted. Fast.",
            "+++\ntitle = \" \"\n+++\nThe ice melted.",
        ] {
            let a = Article::parse(text).unwrap();
            assert!(a.title.is_none(), "{text:?}: {:?}", a.title);
        }
    }

    #[test]
    fn front_matter_gives_title_author_date_source_tags() {
        let text = "+++\ntitle = \"Ice\"\nauthor = \"Kim Park\"\ndate = 2025-03-14\nsource = \"Wire\"\ntags = [\"science\"]\n+++\nThe ice melted. Fast.\n";
        let a = Article::parse(text).unwrap();
        assert_eq!(a.title.as_ref().unwrap().text, "Ice");
        assert!(a.title.as_ref().unwrap().span.is_none());
        assert_eq!(a.byline.as_ref().unwrap().text, "Kim Park");
        assert_eq!(a.date, Some(jiff::civil::date(2025, 3, 14)));
        assert_eq!(a.source.as_deref(), Some("Wire"));
        assert_eq!(a.tags, ["science"]);
        assert_eq!(sentences(&a), ["The ice melted.", "Fast."]);
    }

    #[test]
    fn broken_front_matter_names_its_line() {
        let err = Article::parse("+++\ntitle = \"x\"\ndate = = 3\n+++\nBody.").unwrap_err();
        assert!(
            matches!(err, ArticleError::FrontMatter { line: 3, .. }),
            "{err:?}"
        );
        assert_eq!(
            Article::parse("+++\ntitle = \"x\"\nBody.").unwrap_err(),
            ArticleError::UnclosedFrontMatter
        );
    }

    #[test]
    fn markdown_headings_and_lists_are_their_own_paragraphs() {
        let a = Article::parse(
            "# Results\n\nBy Jo Roe\n\n## Sales\nSales rose.\n- One item.\n- Two items.\n",
        )
        .unwrap();
        assert_eq!(a.title.as_ref().unwrap().text, "Results");
        assert_eq!(a.byline.as_ref().unwrap().text, "Jo Roe");
        assert_eq!(
            sentences(&a),
            ["Sales", "Sales rose.", "One item.", "Two items."]
        );
        assert!(a.sentences[0].heading);
        assert!(!a.sentences[1].heading);
    }

    #[test]
    fn crlf_and_bom_keep_spans_into_the_bytes_as_read() {
        let text = "\u{feff}Title\r\n\r\nBy A Writer\r\n\r\nFirst one.\r\nSame paragraph.\r\n\r\nSecond.\r\n";
        let a = Article::parse(text).unwrap();
        assert_eq!(a.title.as_ref().unwrap().text, "Title");
        assert_eq!(a.title.as_ref().unwrap().span.as_ref().unwrap().start, 3);
        assert_eq!(sentences(&a), ["First one.", "Same paragraph.", "Second."]);
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn byline_with_outlet_keeps_only_people() {
        let a = Article::parse("T\n\nBy Ann Lee and Bo Chan, Reuters\n\nText.").unwrap();
        let names: Vec<_> = a.authors.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(names, ["Ann Lee", "Bo Chan"]);
        for f in &a.authors {
            assert_eq!(&a.text()[f.span.clone().unwrap()], f.text);
        }
    }

    #[test]
    fn decode_rejects_bad_bytes() {
        assert_eq!(decode(b"", 10), Err(ArticleError::Empty));
        assert_eq!(decode(b" \n\t ", 10), Err(ArticleError::Empty));
        assert_eq!(
            decode(b"ab\xffcd", 10),
            Err(ArticleError::NotUtf8 { offset: 2 })
        );
        assert!(matches!(
            decode(b"abcdef", 3),
            Err(ArticleError::TooLarge { .. })
        ));
    }
}
