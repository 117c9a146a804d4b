//! Deck: the editable TOML file of an article's quiz questions.
//!
//! A deck is what `factdrill` writes after reading an article and what a
//! teacher edits before a quiz: a short comment header, the deck's metadata
//! (`format`, `id`, `title`, `byline`, `date`, `source`), then one
//! `[[question]]` table per [`Question`]. [`Deck::to_toml`] writes it and
//! [`Deck::parse`] reads it back, filling in what a hand-written question
//! leaves out and naming the file, line and field of the first mistake.
//!
//! ```
//! use factdrill_core::deck::Deck;
//!
//! let text = "format = 1\nid = \"d-0123456789ab\"\ntitle = \"Storm\"\n\n\
//!             [[question]]\nprompt = \"Which city did the storm hit?\"\nanswer = \"Sydney\"\n";
//! let deck = Deck::parse(text, "storm.toml").unwrap();
//! assert!(deck.questions[0].id.starts_with("q-"));
//! assert_eq!(Deck::parse(&deck.to_toml(), "storm.toml").unwrap(), deck);
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::ops::Range;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::facts::Kind;
use crate::questions::{BLANK, Question, Style};

/// The deck format version this crate writes and reads.
pub const FORMAT: u32 = 1;

/// A deck: an article's questions with the metadata needed to keep them.
///
/// Serialised (by [`Deck::to_toml`] or serde) with the questions as
/// `[[question]]` tables. Deserialising with serde does not validate; use
/// [`Deck::parse`] to read a file a person may have edited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Deck {
    /// Format version, [`FORMAT`].
    pub format: u32,
    /// Stable deck id (`"d-"` and 12 hex digits, see [`deck_id`]), kept
    /// when the deck is edited.
    pub id: String,
    /// The article's title.
    pub title: String,
    /// The article's byline, if it has one.
    pub byline: Option<String>,
    /// The article's date, `YYYY-MM-DD`, when known.
    pub date: Option<String>,
    /// The article file name the deck was made from.
    pub source: Option<String>,
    /// The questions, best first; `[[question]]` tables in the file.
    #[serde(rename = "question", default)]
    pub questions: Vec<Question>,
}

/// Stable 12-hex-digit id of any text: FNV-1a 64 over the bytes of `parts`
/// joined with a 0x1f (unit separator) byte, printed as the low 48 bits in
/// lowercase hex.
///
/// ```
/// let id = factdrill_core::deck::stable_id(&["Sydney", "wh"]);
/// assert_eq!(id.len(), 12);
/// assert_eq!(id, factdrill_core::deck::stable_id(&["Sydney", "wh"]));
/// ```
#[must_use]
pub fn stable_id(parts: &[&str]) -> String {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash = OFFSET_BASIS;
    let mut eat = |byte: u8| {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(PRIME);
    };
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            eat(0x1f);
        }
        part.bytes().for_each(&mut eat);
    }
    format!("{:012x}", hash & 0xffff_ffff_ffff)
}

/// The deck id for an article text: `"d-"` and the [`stable_id`] of the text
/// with every run of whitespace made one space and the ends trimmed, so
/// re-wrapping or re-indenting an article keeps its id.
#[must_use]
pub fn deck_id(article_text: &str) -> String {
    let normalised = crate::tokens::squeeze(article_text);
    format!("d-{}", stable_id(&[&normalised]))
}

/// The comment at the top of every written deck.
const HEADER: &str = "\
# factdrill deck: quiz questions made from a news article.
#
# Edit it freely, then use it for a quiz:
# - reword a prompt or an answer; list other right answers in `accept`;
# - delete a whole [[question]] table to drop that question;
# - add your own question at the end; only `prompt` and `answer` are needed:
#       [[question]]
#       prompt = \"Who opened the bridge?\"
#       answer = \"The mayor\"
#   and `accept`, `choices` (the answer among them), `kind` (who, where,
#   when, how_much) and `style` (wh, cloze, choice, true_false, flashcard)
#   may be added.
# Each `id` keeps a question's history: keep it when you reword a question,
# and leave it out of new ones (one is made for them).
";

impl Deck {
    /// Writes the deck as TOML: a short comment header on how to edit it,
    /// the metadata (`byline`, `date` and `source` only when present), then
    /// one `[[question]]` table per question with the fields in the order
    /// `id`, `kind`, `style`, `prompt`, `answer`, `accept`, `choices`,
    /// `sentence`, `source`, leaving out an empty `accept` or `choices` and a
    /// missing `sentence`. [`Deck::parse`] reads it back unchanged.
    #[must_use]
    pub fn to_toml(&self) -> String {
        let mut out = String::with_capacity(1024 + self.questions.len() * 256);
        out.push_str(HEADER);
        out.push('\n');
        let _ = writeln!(out, "format = {}", self.format);
        let _ = writeln!(out, "id = {}", toml_string(&self.id));
        let _ = writeln!(out, "title = {}", toml_string(&self.title));
        let optional = [
            ("byline", &self.byline),
            ("date", &self.date),
            ("source", &self.source),
        ];
        for (key, value) in optional {
            if let Some(value) = value {
                let _ = writeln!(out, "{key} = {}", toml_string(value));
            }
        }
        for q in &self.questions {
            out.push_str("\n[[question]]\n");
            let _ = writeln!(out, "id = {}", toml_string(&q.id));
            let _ = writeln!(out, "kind = {}", toml_string(q.kind.as_str()));
            let _ = writeln!(out, "style = {}", toml_string(q.style.as_str()));
            let _ = writeln!(out, "prompt = {}", toml_string(&q.prompt));
            let _ = writeln!(out, "answer = {}", toml_string(&q.answer));
            if !q.accept.is_empty() {
                let _ = writeln!(out, "accept = {}", toml_array(&q.accept));
            }
            if !q.choices.is_empty() {
                let _ = writeln!(out, "choices = {}", toml_array(&q.choices));
            }
            if let Some(sentence) = q.sentence {
                let _ = writeln!(out, "sentence = {sentence}");
            }
            let _ = writeln!(out, "source = {}", toml_string(&q.source));
        }
        out
    }

    /// Parses and validates a deck; `name` is the file name used in error
    /// messages.
    ///
    /// A question needs only `prompt` and `answer`; the rest is filled in:
    /// `style` is `choice` when `choices` is non-empty and `wh` otherwise,
    /// `kind` is `who` when absent (it cannot be guessed from the text),
    /// `id` is `"q-"` and the [`stable_id`] of the prompt, answer and style,
    /// `sentence` stays `None` and `source` is empty. A true/false answer is
    /// normalised to `True` or `False`. A TOML date for the deck's `date` is
    /// taken as its `YYYY-MM-DD` text.
    ///
    /// The error is the first problem in file order: TOML syntax, an
    /// unknown or mistyped field, a missing or unsupported `format`, a
    /// missing `id` or `title`, a question with an empty `prompt` or
    /// `answer`, a duplicate question id, a choice question with fewer than
    /// two choices or without its answer among them, a true/false answer
    /// other than True or False, a cloze prompt without `_____`, or a `date`
    /// that is not `YYYY-MM-DD`.
    pub fn parse(text: &str, name: &str) -> Result<Deck, DeckError> {
        Reader::new(text, name).read()
    }
}

/// Why a deck file could not be read: where, which field, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckError {
    /// The file name given to [`Deck::parse`].
    pub file: String,
    /// 1-based line of the problem.
    pub line: usize,
    /// The field at fault (`prompt`, `choices`, …), if one is.
    pub field: Option<String>,
    /// What is wrong, one line.
    pub message: String,
}

impl fmt::Display for DeckError {
    /// `{file}:{line}: {message}` or `{file}:{line}: `{field}`: {message}`,
    /// always on one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", OneLine(&self.file), self.line)?;
        if let Some(field) = &self.field {
            write!(f, "`{}`: ", OneLine(field))?;
        }
        write!(f, "{}", OneLine(&self.message))
    }
}

impl std::error::Error for DeckError {}

/// Displays text with line breaks turned into spaces.
struct OneLine<'a>(&'a str);

impl fmt::Display for OneLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            let c = match c {
                '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => ' ',
                c => c,
            };
            f.write_char(c)?;
        }
        Ok(())
    }
}

/// A TOML basic string (`"…"`) holding `s` exactly.
fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            // Controls and bidi overrides are written escaped, so neither a
            // terminal showing the deck nor an editor reorders or runs them.
            c if c.is_control()
                || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
            {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A one-line TOML array of basic strings.
fn toml_array(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| toml_string(s)).collect();
    format!("[{}]", inner.join(", "))
}

/// At most 60 characters of `s`, with `…` when cut, for error messages.
fn short(s: &str) -> Cow<'_, str> {
    match s.char_indices().nth(60) {
        Some((end, _)) => Cow::Owned(format!("{}…", &s[..end])),
        None => Cow::Borrowed(s),
    }
}

/// The deck header as written, before validation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    format: Option<Spanned<i64>>,
    id: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    byline: Option<String>,
    date: Option<Spanned<String>>,
    source: Option<String>,
}

/// One `[[question]]` table as written, before defaults and validation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Option<Spanned<String>>,
    kind: Option<Kind>,
    style: Option<Style>,
    prompt: Option<Spanned<String>>,
    answer: Option<Spanned<String>>,
    #[serde(default)]
    accept: Vec<String>,
    choices: Option<Spanned<Vec<String>>>,
    sentence: Option<usize>,
    source: Option<String>,
}

/// Where each key of a table and its value are, to name the field of a
/// serde error from its span.
struct KeyIndex(Vec<(String, Range<usize>, Range<usize>)>);

impl KeyIndex {
    fn of(table: &DeTable<'_>) -> KeyIndex {
        KeyIndex(
            table
                .iter()
                .map(|(k, v)| (k.get_ref().to_string(), k.span(), v.span()))
                .collect(),
        )
    }

    /// The key whose name or value covers `offset`.
    fn field_at(&self, offset: usize) -> Option<&str> {
        self.0
            .iter()
            .find(|(_, key, value)| {
                key.contains(&offset) || value.contains(&offset) || value.start == offset
            })
            .map(|(name, _, _)| name.as_str())
    }
}

/// One validation pass over a deck file, collecting every problem found.
struct Reader<'a> {
    text: &'a str,
    file: &'a str,
    /// Problems with the byte offset they are at; the first in file order
    /// is reported.
    errors: Vec<(usize, DeckError)>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, file: &'a str) -> Self {
        Reader {
            text,
            file,
            errors: Vec::new(),
        }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let bytes = self.text.as_bytes();
        let before = &bytes[..offset.min(bytes.len())];
        let line = before.split(|&b| b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let col = before[line_start..]
            .iter()
            .filter(|&&b| b & 0xc0 != 0x80)
            .count()
            + 1;
        (line, col)
    }

    fn error(&self, offset: usize, field: Option<&str>, message: String) -> DeckError {
        DeckError {
            file: self.file.to_string(),
            line: self.line_col(offset).0,
            field: field.map(str::to_string),
            message,
        }
    }

    fn report(&mut self, offset: usize, field: Option<&str>, message: impl Into<String>) {
        let error = self.error(offset, field, message.into());
        self.errors.push((offset, error));
    }

    /// Reports a serde error from deserialising the table at `table_start`;
    /// returns the key at fault when it is known.
    fn report_serde(
        &mut self,
        error: &toml::de::Error,
        keys: &KeyIndex,
        table_start: usize,
    ) -> Option<String> {
        let offset = error.span().map_or(table_start, |s| s.start);
        let message = one_line(error.message());
        let from_message = message
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split('`').next())
            .map(str::to_string);
        let field = error
            .span()
            .and_then(|_| keys.field_at(offset))
            .map(str::to_string)
            .or(from_message);
        let message = match message.strip_prefix("unknown field `") {
            Some(rest) => match rest.split_once("`, ") {
                Some((_, expected)) => format!("unknown field ({expected})"),
                None => "unknown field".to_string(),
            },
            None => message,
        };
        self.report(offset, field.as_deref(), message);
        field
    }

    /// Deserialises a table. Each key serde rejects (unknown, mistyped) is
    /// reported and left out, and the rest read again, so that every such
    /// problem is seen and the first in file order wins. Returns the raw
    /// value and the keys left out; `None` when a rejection names no key.
    fn deserialize_table<T: DeserializeOwned>(
        &mut self,
        mut table: DeTable<'_>,
        span: &Range<usize>,
    ) -> Option<(T, Vec<String>)> {
        let mut dropped = Vec::new();
        loop {
            let keys = KeyIndex::of(&table);
            let de = toml::de::Deserializer::from(Spanned::new(span.clone(), table.clone()));
            match T::deserialize(de) {
                Ok(raw) => return Some((raw, dropped)),
                Err(e) => {
                    let field = self.report_serde(&e, &keys, span.start)?;
                    table.remove(field.as_str())?;
                    dropped.push(field);
                }
            }
        }
    }

    /// Forgets the problems found since `since` that are about a `dropped`
    /// key: that key was left out, and its own problem is already reported.
    fn forget_dropped(&mut self, since: usize, dropped: &[String]) {
        if dropped.is_empty() {
            return;
        }
        let recent = self.errors.split_off(since.min(self.errors.len()));
        self.errors.extend(
            recent
                .into_iter()
                .filter(|(_, e)| !e.field.as_ref().is_some_and(|f| dropped.contains(f))),
        );
    }

    fn read(mut self) -> Result<Deck, DeckError> {
        let mut root = match DeTable::parse(self.text) {
            Ok(root) => root.into_inner(),
            Err(e) => {
                let offset = e.span().map_or(0, |s| s.start);
                let (_, col) = self.line_col(offset);
                let message = format!(
                    "TOML syntax error at column {col}: {}",
                    one_line(e.message())
                );
                return Err(self.error(offset, None, message));
            }
        };
        let questions = root.remove("question");
        if let Some(date) = root.get_mut("date")
            && let DeValue::Datetime(d) = date.get_ref()
        {
            let text = d.to_string();
            *date.get_mut() = DeValue::String(Cow::Owned(text));
        }

        let header = self.read_header(root);
        let questions = match questions {
            Some(value) => self.read_questions(value),
            None => Vec::new(),
        };
        self.check_duplicates(&questions);

        // `sort_by_key` is stable: on one offset, the problem found first wins.
        self.errors.sort_by_key(|(offset, _)| *offset);
        if let Some((_, error)) = self.errors.into_iter().next() {
            return Err(error);
        }
        match header {
            Some(mut deck) => {
                deck.questions = questions.into_iter().map(|(q, _)| q).collect();
                Ok(deck)
            }
            // Unreachable: a missing header always comes with an error.
            None => Err(DeckError {
                file: self.file.to_string(),
                line: 1,
                field: None,
                message: "unreadable deck header".to_string(),
            }),
        }
    }

    /// The deck metadata, without questions; `None` after reporting why not.
    fn read_header(&mut self, root: DeTable<'_>) -> Option<Deck> {
        let (raw, dropped) = self.deserialize_table::<RawHeader>(root, &(0..0))?;
        let before = self.errors.len();
        let format = match raw.format {
            None => {
                self.report(
                    0,
                    Some("format"),
                    format!("missing; a deck starts with `format = {FORMAT}`"),
                );
                None
            }
            Some(f) if *f.get_ref() != i64::from(FORMAT) => {
                self.report(
                    f.span().start,
                    Some("format"),
                    format!(
                        "unsupported format {} (this factdrill reads format {FORMAT})",
                        f.get_ref()
                    ),
                );
                None
            }
            Some(_) => Some(FORMAT),
        };
        let id = self.required_text(raw.id, "id", "the deck id");
        let title = self.required_text(raw.title, "title", "the article title");
        let date = match raw.date {
            Some(date) if !is_iso_date(date.get_ref()) => {
                self.report(
                    date.span().start,
                    Some("date"),
                    format!("`{}` is not a date (YYYY-MM-DD)", short(date.get_ref())),
                );
                None
            }
            date => date.map(Spanned::into_inner),
        };
        self.forget_dropped(before, &dropped);
        if !dropped.is_empty() {
            return None;
        }
        Some(Deck {
            format: format?,
            id: id?,
            title: title?,
            byline: raw.byline,
            date,
            source: raw.source,
            questions: Vec::new(),
        })
    }

    /// A header string that must be present and not blank.
    fn required_text(
        &mut self,
        value: Option<Spanned<String>>,
        field: &str,
        what: &str,
    ) -> Option<String> {
        match value {
            None => {
                self.report(0, Some(field), format!("missing {what}"));
                None
            }
            Some(v) if v.get_ref().trim().is_empty() => {
                self.report(v.span().start, Some(field), format!("empty {what}"));
                None
            }
            Some(v) => Some(v.into_inner()),
        }
    }

    /// The valid questions, each with the offset of its id (or table).
    fn read_questions(&mut self, value: Spanned<DeValue<'_>>) -> Vec<(Question, usize)> {
        let span = value.span();
        let items = match value.into_inner() {
            DeValue::Array(items) => items,
            DeValue::Table(_) => {
                self.report(
                    span.start,
                    Some("question"),
                    "write each question as a [[question]] table (two brackets)",
                );
                return Vec::new();
            }
            other => {
                self.report(
                    span.start,
                    Some("question"),
                    format!("must be [[question]] tables, not {}", other.type_str()),
                );
                return Vec::new();
            }
        };
        let mut questions = Vec::with_capacity(items.len());
        for item in items {
            let span = item.span();
            match item.into_inner() {
                DeValue::Table(table) => {
                    if let Some(q) = self.read_question(table, span) {
                        questions.push(q);
                    }
                }
                other => self.report(
                    span.start,
                    Some("question"),
                    format!("each question must be a table, not {}", other.type_str()),
                ),
            }
        }
        questions
    }

    /// One question with defaults filled in; `None` after reporting why not.
    fn read_question(
        &mut self,
        table: DeTable<'_>,
        span: Range<usize>,
    ) -> Option<(Question, usize)> {
        let start = span.start;
        let (raw, dropped) = self.deserialize_table::<RawQuestion>(table, &span)?;
        let before = self.errors.len();

        let (prompt, prompt_at) = self.required_field(raw.prompt, "prompt", start);
        let (mut answer, answer_at) = self.required_field(raw.answer, "answer", start);

        let choices_at = raw.choices.as_ref().map_or(start, |c| c.span().start);
        let choices = raw.choices.map(Spanned::into_inner).unwrap_or_default();
        let style = raw.style.unwrap_or(if choices.is_empty() {
            Style::Wh
        } else {
            Style::Choice
        });
        // With `style` or `choices` left out, the style is not known.
        let style_known = !dropped.iter().any(|k| k == "style" || k == "choices");
        match style {
            _ if !style_known => {}
            Style::Choice if choices.len() < 2 => self.report(
                choices_at,
                Some("choices"),
                format!(
                    "a choice question needs at least 2 choices, found {}",
                    choices.len()
                ),
            ),
            Style::Choice
                if !answer.trim().is_empty() && !choices.iter().any(|c| same_text(c, &answer)) =>
            {
                self.report(
                    choices_at,
                    Some("choices"),
                    format!("the answer `{}` is not among the choices", short(&answer)),
                );
            }
            Style::TrueFalse if !answer.trim().is_empty() => {
                if same_text(&answer, "true") {
                    answer = "True".to_string();
                } else if same_text(&answer, "false") {
                    answer = "False".to_string();
                } else {
                    self.report(
                        answer_at,
                        Some("answer"),
                        format!(
                            "a true_false answer must be True or False, not `{}`",
                            short(&answer)
                        ),
                    );
                }
            }
            Style::Cloze if !prompt.contains(BLANK) => self.report(
                prompt_at,
                Some("prompt"),
                format!("a cloze prompt needs the blank `{BLANK}`"),
            ),
            _ => {}
        }
        self.forget_dropped(before, &dropped);
        if self.errors.len() > before || !dropped.is_empty() {
            return None;
        }

        let (id, id_at) = match raw.id {
            Some(id) if !id.get_ref().trim().is_empty() => {
                let at = id.span().start;
                (id.into_inner(), at)
            }
            _ => (
                format!("q-{}", stable_id(&[&prompt, &answer, style.as_str()])),
                start,
            ),
        };
        let question = Question {
            id,
            kind: raw.kind.unwrap_or(Kind::Who),
            style,
            prompt,
            answer,
            accept: raw.accept,
            choices,
            sentence: raw.sentence,
            source: raw.source.unwrap_or_default(),
        };
        Some((question, id_at))
    }

    /// A question's `prompt` or `answer` and its offset (the table's when
    /// missing), reporting it when missing or blank.
    fn required_field(
        &mut self,
        value: Option<Spanned<String>>,
        field: &str,
        table_start: usize,
    ) -> (String, usize) {
        match value {
            None => {
                self.report(
                    table_start,
                    Some(field),
                    "missing (every question needs one)",
                );
                (String::new(), table_start)
            }
            Some(v) => {
                let at = v.span().start;
                if v.get_ref().trim().is_empty() {
                    self.report(at, Some(field), "empty");
                }
                (v.into_inner(), at)
            }
        }
    }

    /// Reports every question whose id an earlier question already has.
    fn check_duplicates(&mut self, questions: &[(Question, usize)]) {
        let mut first: HashMap<&str, usize> = HashMap::with_capacity(questions.len());
        for (q, at) in questions {
            if let Some(&earlier) = first.get(q.id.as_str()) {
                let (line, _) = self.line_col(earlier);
                self.report(
                    *at,
                    Some("id"),
                    format!("duplicate id `{}` (first at line {line})", short(&q.id)),
                );
            } else {
                first.insert(&q.id, *at);
            }
        }
    }
}

/// Equal when trimmed, ignoring case.
fn same_text(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// `YYYY-MM-DD` naming a real day.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
        && s.parse::<jiff::civil::Date>().is_ok()
}

/// A message on one line: its lines joined with `; `.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A valid header on lines 1–3; a question appended starts on line 5.
    const HEAD: &str = "format = 1\nid = \"d-0123456789ab\"\ntitle = \"Storm hits coast\"\n";

    fn parse(text: &str) -> Deck {
        Deck::parse(text, "deck.toml").unwrap_or_else(|e| panic!("{e}"))
    }

    fn error(text: &str) -> DeckError {
        Deck::parse(text, "deck.toml").unwrap_err()
    }

    /// Asserts the error's line and field, and that its message contains
    /// `words`.
    fn assert_error(text: &str, line: usize, field: Option<&str>, words: &str) {
        let e = error(text);
        assert_eq!((e.line, e.field.as_deref()), (line, field), "{e}");
        assert!(e.message.contains(words), "{e}");
        assert_eq!(e.file, "deck.toml");
    }

    fn question(id: &str, style: Style, prompt: &str, answer: &str) -> Question {
        Question {
            id: id.to_string(),
            kind: Kind::Where,
            style,
            prompt: prompt.to_string(),
            answer: answer.to_string(),
            accept: Vec::new(),
            choices: Vec::new(),
            sentence: Some(0),
            source: "The storm hit Sydney.".to_string(),
        }
    }

    fn sample() -> Deck {
        let mut choice = question("q-2", Style::Choice, "Which city?", "Sydney");
        choice.choices = vec!["Perth".into(), "Sydney".into(), "Hobart".into()];
        choice.accept = vec!["sydney".into(), "Sydney, NSW".into()];
        choice.kind = Kind::HowMuch;
        choice.sentence = Some(12);
        let mut byline = question("q-3", Style::Flashcard, "Who wrote it?", "Ann Lee");
        byline.sentence = None;
        byline.kind = Kind::Who;
        let mut when = question("q-6", Style::Wh, "", "");
        when.kind = Kind::When;
        when.prompt =
            "Tabs\there, lines\nthere, \r returns, \u{1} \u{7f} \u{1b} ünïcødé 🌀 '''\"\"\"".into();
        when.answer = "C:\\path\\".into();
        Deck {
            format: FORMAT,
            id: "d-0123456789ab".into(),
            title: "Storm \"hits\" coast \\ again".into(),
            byline: Some("Ann Lee".into()),
            date: Some("2016-03-22".into()),
            source: Some("storm.txt".into()),
            questions: vec![
                question("q-1", Style::Wh, "Where did the storm hit?", "Sydney"),
                choice,
                byline,
                question("q-4", Style::Cloze, "The storm hit _____.", "Sydney"),
                question("q-5", Style::TrueFalse, "The storm hit Perth.", "False"),
                when,
            ],
        }
    }

    #[test]
    fn to_toml_then_parse_gives_an_equal_deck() {
        let deck = sample();
        assert_eq!(parse(&deck.to_toml()), deck);
    }

    #[test]
    fn controls_and_bidi_overrides_are_written_escaped_and_read_back() {
        let mut deck = sample();
        deck.title = "a\u{1b}]8;;http://x\u{7}b\u{202e}c\u{9b}d\u{2066}".to_owned();
        let text = deck.to_toml();
        assert!(
            !text.chars().any(|c| (c.is_control() && c != '\n')
                || ('\u{2066}'..='\u{2069}').contains(&c)
                || c == '\u{202e}'),
            "{text:?}"
        );
        assert!(
            text.contains(r"\u001B]8;;http://x\u0007b\u202Ec\u009Bd\u2066"),
            "{text}"
        );
        assert_eq!(Deck::parse(&text, "x.toml").unwrap(), deck);
    }

    #[test]
    fn to_toml_then_parse_keeps_a_deck_without_optional_metadata_or_questions() {
        let deck = Deck {
            byline: None,
            date: None,
            source: None,
            questions: Vec::new(),
            ..sample()
        };
        let text = deck.to_toml();
        assert!(
            !text.contains("byline =") && !text.contains("date =") && !text.contains("source =")
        );
        assert_eq!(parse(&text), deck);
    }

    #[test]
    fn serde_derive_reads_what_to_toml_writes() {
        let deck = sample();
        let read: Deck = toml::from_str(&deck.to_toml()).unwrap();
        assert_eq!(read, deck);
    }

    #[test]
    fn to_toml_starts_with_an_editing_comment_then_the_metadata() {
        let text = sample().to_toml();
        assert!(text.starts_with("# factdrill deck"));
        for words in [
            "reword a prompt",
            "delete a whole [[question]]",
            "accept",
            "choices",
            "history",
        ] {
            assert!(text.contains(words), "{words}");
        }
        assert!(text.contains("\nformat = 1\nid = \"d-0123456789ab\"\ntitle = "));
    }

    #[test]
    fn to_toml_writes_question_fields_in_order_omitting_empty_lists_and_missing_sentence() {
        let text = sample().to_toml();
        let tables: Vec<&str> = text.split("\n[[question]]\n").skip(1).collect();
        let keys = |table: &str| -> Vec<String> {
            table
                .lines()
                .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.to_string()))
                .collect()
        };
        assert_eq!(
            keys(tables[0]),
            [
                "id", "kind", "style", "prompt", "answer", "sentence", "source"
            ]
        );
        assert_eq!(
            keys(tables[1]),
            [
                "id", "kind", "style", "prompt", "answer", "accept", "choices", "sentence",
                "source"
            ]
        );
        assert_eq!(
            keys(tables[2]),
            ["id", "kind", "style", "prompt", "answer", "source"]
        );
        assert!(tables[1].contains("kind = \"how_much\"\nstyle = \"choice\"\n"));
        assert!(
            tables[1].contains("choices = [\"Perth\", \"Sydney\", \"Hobart\"]\nsentence = 12\n")
        );
    }

    #[test]
    fn minimal_teacher_question_gets_an_id_wh_style_who_kind_and_empty_source() {
        let deck = parse(&format!(
            "{HEAD}\n[[question]]\nprompt = \"Who opened the bridge?\"\nanswer = \"The mayor\"\n"
        ));
        let q = &deck.questions[0];
        assert_eq!(
            q.id,
            format!(
                "q-{}",
                stable_id(&["Who opened the bridge?", "The mayor", "wh"])
            )
        );
        assert_eq!((q.style, q.kind), (Style::Wh, Kind::Who));
        assert!(q.accept.is_empty() && q.choices.is_empty());
        assert_eq!((q.sentence, q.source.as_str()), (None, ""));
        assert_eq!((deck.byline, deck.date, deck.source), (None, None, None));
    }

    #[test]
    fn teacher_question_with_choices_defaults_to_choice_style_and_keeps_its_kind() {
        let deck = parse(&format!(
            "{HEAD}\n[[question]]\nkind = \"where\"\nprompt = \"Which city?\"\nanswer = \" sydney \"\nchoices = [\"Perth\", \"Sydney\"]\n"
        ));
        let q = &deck.questions[0];
        assert_eq!((q.style, q.kind), (Style::Choice, Kind::Where));
        assert!(q.id.starts_with("q-") && q.id.len() == 14);
    }

    #[test]
    fn a_written_question_id_is_kept() {
        let deck = parse(&format!(
            "{HEAD}\n[[question]]\nid = \"mine\"\nprompt = \"P?\"\nanswer = \"A\"\n"
        ));
        assert_eq!(deck.questions[0].id, "mine");
    }

    #[test]
    fn inline_question_tables_are_read_too() {
        let deck = parse(&format!(
            "{HEAD}question = [{{prompt = \"P?\", answer = \"A\"}}]\n"
        ));
        assert_eq!(deck.questions.len(), 1);
    }

    #[test]
    fn a_toml_date_is_taken_as_its_text() {
        let deck = parse("format = 1\nid = \"d-1\"\ntitle = \"T\"\ndate = 2025-03-14\n");
        assert_eq!(deck.date.as_deref(), Some("2025-03-14"));
    }

    #[test]
    fn true_false_answers_are_normalised() {
        let deck = parse(&format!(
            "{HEAD}\n[[question]]\nstyle = \"true_false\"\nprompt = \"It rained.\"\nanswer = \" TRUE \"\n\n\
             [[question]]\nstyle = \"true_false\"\nprompt = \"It snowed.\"\nanswer = \"false\"\n"
        ));
        assert_eq!(deck.questions[0].answer, "True");
        assert_eq!(deck.questions[1].answer, "False");
    }

    #[test]
    fn syntax_error_names_line_and_column_on_one_line() {
        let e = error("format = 1\nid = \"d-1\"\ntitle = = \"T\"\n");
        assert_eq!((e.line, e.field.as_deref()), (3, None));
        assert!(
            e.message.starts_with("TOML syntax error at column 9: "),
            "{e}"
        );
        assert!(!e.to_string().contains('\n'));
        let e = error("format = 1\ntitle = \"unterminated\n");
        assert_eq!(e.line, 2);
        assert!(e.message.starts_with("TOML syntax error at column "), "{e}");
    }

    #[test]
    fn syntax_error_column_counts_characters_not_bytes() {
        let e = error("title = \"ünï\" x\n");
        assert!(
            e.message.starts_with("TOML syntax error at column 15: "),
            "{e}"
        );
    }

    #[test]
    fn unknown_question_field_names_its_line_and_field() {
        let text =
            format!("{HEAD}\n[[question]]\nprompt = \"P?\"\nanswer = \"A\"\nhint = \"no\"\n");
        assert_error(
            &text,
            8,
            Some("hint"),
            "unknown field (expected one of `id`",
        );
    }

    #[test]
    fn unknown_header_field_names_its_line_and_field() {
        let text = format!("{HEAD}author = \"Ann\"\n");
        assert_error(&text, 4, Some("author"), "unknown field");
    }

    #[test]
    fn unknown_table_names_its_line() {
        let text = format!("{HEAD}\n[meta]\nx = 1\n");
        assert_error(&text, 5, Some("meta"), "unknown field");
        let text = format!(
            "{HEAD}\n[[question]]\nprompt = \"P?\"\nanswer = \"A\"\n[question.extra]\nx = 1\n"
        );
        assert_error(&text, 8, Some("extra"), "unknown field");
    }

    #[test]
    fn mistyped_fields_name_their_line_and_field() {
        let text =
            format!("{HEAD}\n[[question]]\nprompt = \"P?\"\nanswer = \"A\"\nsentence = -1\n");
        assert_error(&text, 8, Some("sentence"), "invalid value");
        let text = format!(
            "{HEAD}\n[[question]]\nprompt = \"P?\"\nanswer = \"A\"\nchoices = [\"a\", 2]\n"
        );
        assert_error(&text, 8, Some("choices"), "invalid type");
        let text =
            format!("{HEAD}\n[[question]]\nkind = \"whom\"\nprompt = \"P?\"\nanswer = \"A\"\n");
        assert_error(&text, 6, Some("kind"), "unknown variant");
        let text =
            format!("{HEAD}\n[[question]]\nstyle = \"essay\"\nprompt = \"P?\"\nanswer = \"A\"\n");
        assert_error(&text, 6, Some("style"), "unknown variant");
        assert_error(
            "format = \"1\"\nid = \"d\"\ntitle = \"T\"\n",
            1,
            Some("format"),
            "invalid type",
        );
    }

    #[test]
    fn a_mistyped_field_is_not_also_reported_missing() {
        let text = format!("{HEAD}\n[[question]]\nprompt = \"P?\"\nanswer = 5\n");
        assert_error(&text, 7, Some("answer"), "invalid type");
        let text = format!(
            "{HEAD}\n[[question]]\nchoices = [\"a\"]\nprompt = \"P?\"\nanswer = \"A\"\nstyle = \"essay\"\n"
        );
        assert_error(&text, 9, Some("style"), "unknown variant");
        assert_error(
            "format = 1.0\nid = \"d\"\ntitle = \"T\"\n",
            1,
            Some("format"),
            "invalid type",
        );
    }

    #[test]
    fn missing_format_is_reported_at_line_one() {
        assert_error(
            "id = \"d-1\"\ntitle = \"T\"\n",
            1,
            Some("format"),
            "missing",
        );
    }

    #[test]
    fn unsupported_format_names_its_line() {
        assert_error(
            "id = \"d-1\"\ntitle = \"T\"\nformat = 2\n",
            3,
            Some("format"),
            "unsupported format 2",
        );
    }

    #[test]
    fn missing_or_empty_deck_id_is_reported() {
        assert_error("format = 1\ntitle = \"T\"\n", 1, Some("id"), "missing");
        assert_error(
            "format = 1\ntitle = \"T\"\nid = \" \"\n",
            3,
            Some("id"),
            "empty",
        );
    }

    #[test]
    fn missing_or_empty_title_is_reported() {
        assert_error("format = 1\nid = \"d-1\"\n", 1, Some("title"), "missing");
        assert_error(
            "format = 1\nid = \"d-1\"\ntitle = \"\"\n",
            3,
            Some("title"),
            "empty",
        );
    }

    #[test]
    fn date_that_is_not_yyyy_mm_dd_names_its_line() {
        let text = format!("{HEAD}date = \"March 22, 2016\"\n");
        assert_error(&text, 4, Some("date"), "YYYY-MM-DD");
        let text = format!("{HEAD}date = \"2016-02-30\"\n");
        assert_error(&text, 4, Some("date"), "YYYY-MM-DD");
    }

    #[test]
    fn empty_prompt_names_the_prompt_line() {
        let text = format!("{HEAD}\n[[question]]\nanswer = \"A\"\nprompt = \"  \"\n");
        assert_error(&text, 7, Some("prompt"), "empty");
    }

    #[test]
    fn missing_prompt_names_the_question_line() {
        let text = format!("{HEAD}\n[[question]]\nanswer = \"A\"\n");
        assert_error(&text, 5, Some("prompt"), "missing");
    }

    #[test]
    fn missing_answer_names_the_question_line() {
        let text = format!("{HEAD}\n[[question]]\nprompt = \"P?\"\n");
        assert_error(&text, 5, Some("answer"), "missing");
    }

    #[test]
    fn empty_answer_names_the_answer_line() {
        let text = format!("{HEAD}\n[[question]]\nprompt = \"P?\"\nanswer = \"\"\n");
        assert_error(&text, 7, Some("answer"), "empty");
    }

    #[test]
    fn duplicate_ids_name_both_lines() {
        let text = format!(
            "{HEAD}\n[[question]]\nid = \"q-1\"\nprompt = \"P?\"\nanswer = \"A\"\n\n\
             [[question]]\nprompt = \"Q?\"\nanswer = \"B\"\nid = \"q-1\"\n"
        );
        assert_error(
            &text,
            13,
            Some("id"),
            "duplicate id `q-1` (first at line 6)",
        );
    }

    #[test]
    fn identical_teacher_questions_are_duplicates_at_their_table_lines() {
        let q = "[[question]]\nprompt = \"P?\"\nanswer = \"A\"\n";
        let text = format!("{HEAD}\n{q}\n{q}");
        let id = format!("q-{}", stable_id(&["P?", "A", "wh"]));
        assert_error(
            &text,
            9,
            Some("id"),
            &format!("duplicate id `{id}` (first at line 5)"),
        );
    }

    #[test]
    fn choice_question_with_fewer_than_two_choices_names_the_choices_line() {
        let text =
            format!("{HEAD}\n[[question]]\nprompt = \"P?\"\nanswer = \"A\"\nchoices = [\"A\"]\n");
        assert_error(&text, 8, Some("choices"), "at least 2 choices, found 1");
        let text =
            format!("{HEAD}\n[[question]]\nstyle = \"choice\"\nprompt = \"P?\"\nanswer = \"A\"\n");
        assert_error(&text, 5, Some("choices"), "at least 2 choices, found 0");
    }

    #[test]
    fn choice_question_without_its_answer_among_the_choices_names_the_choices_line() {
        let text = format!(
            "{HEAD}\n[[question]]\nprompt = \"P?\"\nanswer = \"Sydney\"\nchoices = [\"Perth\", \"Hobart\"]\n"
        );
        assert_error(
            &text,
            8,
            Some("choices"),
            "the answer `Sydney` is not among the choices",
        );
    }

    #[test]
    fn true_false_answer_other_than_true_or_false_names_the_answer_line() {
        let text = format!(
            "{HEAD}\n[[question]]\nstyle = \"true_false\"\nprompt = \"It rained.\"\nanswer = \"Yes\"\n"
        );
        assert_error(&text, 8, Some("answer"), "must be True or False, not `Yes`");
    }

    #[test]
    fn cloze_prompt_without_the_blank_names_the_prompt_line() {
        let text = format!(
            "{HEAD}\n[[question]]\nstyle = \"cloze\"\nprompt = \"The storm hit Sydney.\"\nanswer = \"Sydney\"\n"
        );
        assert_error(&text, 7, Some("prompt"), "_____");
    }

    #[test]
    fn single_bracket_question_table_is_explained() {
        let text = format!("{HEAD}\n[question]\nprompt = \"P?\"\nanswer = \"A\"\n");
        assert_error(&text, 5, Some("question"), "[[question]]");
        let text = format!("{HEAD}question = 3\n");
        assert_error(&text, 4, Some("question"), "[[question]]");
    }

    #[test]
    fn the_first_error_in_file_order_is_reported() {
        let bad_prompt = "[[question]]\nprompt = \"\"\nanswer = \"A\"\n";
        let bad_field = "[[question]]\nprompt = \"P?\"\nanswer = \"A\"\nhint = 1\n";
        let e = error(&format!("{HEAD}\n{bad_prompt}\n{bad_field}"));
        assert_eq!((e.line, e.field.as_deref()), (6, Some("prompt")), "{e}");
        let e = error(&format!("{HEAD}\n{bad_field}\n{bad_prompt}"));
        assert_eq!((e.line, e.field.as_deref()), (8, Some("hint")), "{e}");
        // Within one question: the missing answer (table line) before the
        // empty prompt below it.
        let e = error(&format!("{HEAD}\n[[question]]\nprompt = \"\"\n"));
        assert_eq!((e.line, e.field.as_deref()), (5, Some("answer")), "{e}");
        // Within one question: a validation problem above a rejected field.
        let e = error(&format!(
            "{HEAD}\n[[question]]\nprompt = \"\"\nanswer = \"A\"\nhint = 1\n"
        ));
        assert_eq!((e.line, e.field.as_deref()), (6, Some("prompt")), "{e}");
        // Within one question: rejected fields in file order, not key order.
        let e = error(&format!(
            "{HEAD}\n[[question]]\nzzz = 1\nprompt = \"P?\"\nanswer = 5\n"
        ));
        assert_eq!((e.line, e.field.as_deref()), (6, Some("zzz")), "{e}");
        // A header problem comes before any question's.
        let e = error(&format!("format = 1\nid = \"d-1\"\n\n{bad_prompt}"));
        assert_eq!((e.line, e.field.as_deref()), (1, Some("title")), "{e}");
    }

    #[test]
    fn display_is_one_line_with_file_line_and_field() {
        let e = DeckError {
            file: "deck.toml".into(),
            line: 7,
            field: Some("prompt".into()),
            message: "empty".into(),
        };
        assert_eq!(e.to_string(), "deck.toml:7: `prompt`: empty");
        let e = DeckError { field: None, ..e };
        assert_eq!(e.to_string(), "deck.toml:7: empty");
        let e = DeckError {
            file: "odd\nname.toml".into(),
            message: "two\r\nlines".into(),
            ..e
        };
        assert_eq!(e.to_string().lines().count(), 1);
        let text = format!(
            "{HEAD}\n[[question]]\nprompt = \"P?\"\nanswer = \"x\\ny\"\nchoices = [\"a\", \"b\"]\n"
        );
        let e = error(&text);
        assert_eq!(e.to_string().lines().count(), 1, "{e}");
    }

    #[test]
    fn stable_id_is_fnv1a_64_low_48_bits() {
        // FNV-1a 64 of "" is cbf29ce484222325 and of "a" af63dc4c8601ec8c.
        assert_eq!(stable_id(&[""]), "9ce484222325");
        assert_eq!(stable_id(&["a"]), "dc4c8601ec8c");
        assert_eq!(stable_id(&["Sydney", "wh"]), stable_id(&["Sydney", "wh"]));
        assert_eq!(stable_id(&["Sydney", "wh"]), "1f9dc78b143d");
    }

    #[test]
    fn stable_id_differs_for_different_inputs_and_part_boundaries() {
        assert_ne!(stable_id(&["Sydney"]), stable_id(&["Perth"]));
        assert_ne!(stable_id(&["ab", "c"]), stable_id(&["a", "bc"]));
        assert_ne!(stable_id(&["ab"]), stable_id(&["ab", ""]));
        assert!(stable_id(&["x"]).bytes().all(|b| b.is_ascii_hexdigit()));
    }

    #[test]
    fn deck_id_ignores_whitespace_differences() {
        let a = deck_id("Storm hits coast\n\nIt rained. It poured.\n");
        let b = deck_id("  Storm  hits\tcoast\r\n\r\nIt rained.\n It poured.");
        assert_eq!(a, b);
        assert_ne!(a, deck_id("Storm hits coast\n\nIt rained.\n"));
        assert!(a.starts_with("d-") && a.len() == 14);
        assert_eq!(
            a,
            format!(
                "d-{}",
                stable_id(&["Storm hits coast It rained. It poured."])
            )
        );
    }

    #[test]
    fn no_input_makes_parse_panic() {
        const PUNCTUATION: &[u8] = b"[]=\"'\n .#{},";
        let valid = sample().to_toml();
        let mut inputs: Vec<String> = vec![
            String::new(),
            "\0\0\0".into(),
            "\u{feff}format = 1".into(),
            "[[question]]".into(),
            "[[question]]\n[[question]]\nprompt = 1\n".into(),
            "x".repeat(1 << 20),
            format!("title = \"{}\"", "y".repeat(1 << 20)),
            "[".repeat(10_000),
            format!("a = {}", "[".repeat(10_000)),
            format!("a = {}", "{b = ".repeat(5_000)),
            "a.b.c.d.e.f.g = 1\n".repeat(100),
            "\u{85}\u{2028}🌀\r\r\n= \"\n".into(),
            "format = 99999999999999999999999".into(),
            "format = -1\nid = \"\"\ntitle = 5".into(),
        ];
        // Prefixes of a valid deck (on character boundaries) and the deck
        // with each line left out.
        inputs.extend(
            valid
                .char_indices()
                .step_by(7)
                .map(|(i, _)| valid[..i].to_string()),
        );
        let lines: Vec<&str> = valid.lines().collect();
        for skip in 0..lines.len() {
            let mut text = lines.clone();
            text.remove(skip);
            inputs.push(text.join("\n"));
        }
        // Binary-ish noise, rich in TOML punctuation, from a fixed linear
        // congruential generator.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..300 {
            let len = (seed % 200) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    let b = (seed >> 33) as u8;
                    if b < 86 {
                        PUNCTUATION[usize::from(b) % PUNCTUATION.len()]
                    } else {
                        b
                    }
                })
                .collect();
            inputs.push(String::from_utf8_lossy(&bytes).into_owned());
        }
        for input in &inputs {
            match Deck::parse(input, "noise.toml") {
                Ok(deck) => {
                    let _ = deck.to_toml();
                }
                Err(e) => {
                    assert!(e.line >= 1);
                    assert_eq!(e.to_string().lines().count(), 1, "{e}");
                }
            }
        }
    }
}
