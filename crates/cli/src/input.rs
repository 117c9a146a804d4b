//! Input: reads an article from a file or from standard input (`-`), with
//! the checks a user needs (missing, directory, too large, binary, not
//! UTF-8, empty), each as one clear line. A saved web page (`.html`,
//! `.htm`, `.xhtml`, or bytes that start like HTML) goes through
//! [`crate::html`] first: its article is extracted and read as text.
//!
//! This is the one way articles come in: `facts`, `generate` and every
//! command that loads a [`crate::source`] read through [`read`].

use std::fs;
use std::io::{self, IsTerminal as _, Read};
use std::path::Path;

use factdrill_core::Article;
use factdrill_core::article::decode;

use crate::error::input;
use crate::html;

/// Default `--max-bytes`: 20 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// The source argument that means standard input.
pub const STDIN: &str = "-";

/// `-`: the article comes from standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN
}

/// How a source is named in messages: its path, or "standard input".
pub fn shown(path: &Path) -> String {
    if is_stdin(path) {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}

/// An article as read.
#[derive(Debug)]
pub struct Loaded {
    /// The article.
    pub article: Article,
    /// Whether it was extracted from a web page; its text
    /// ([`Article::text`]) is then the extracted text, not the bytes read.
    pub from_page: bool,
}

/// Reads and parses the article at `path` (`-` for standard input).
pub fn read_article(path: &Path, max_bytes: u64) -> anyhow::Result<Article> {
    read(path, max_bytes).map(|r| r.article)
}

/// Reads the article at `path` (`-` for standard input): a web page's
/// article is extracted, anything else is read as plain text or Markdown.
pub fn read(path: &Path, max_bytes: u64) -> anyhow::Result<Loaded> {
    let shown = shown(path);
    let bytes = if is_stdin(path) {
        read_stdin(max_bytes)?
    } else {
        read_file(path, max_bytes)?
    };
    let fail = |e: &dyn std::fmt::Display| input(format!("{shown}: {e}"));
    if bytes.len() as u64 > max_bytes {
        return Err(input(format!(
            "{shown}: is too large (over {max_bytes} bytes; see --max-bytes)"
        )));
    }
    if html::is_page_name(path) || html::looks_like_html(&bytes) {
        let article = html::article(&bytes).map_err(|e| fail(&e))?;
        return Ok(Loaded {
            article,
            from_page: true,
        });
    }
    let text = decode(&bytes, max_bytes).map_err(|e| fail(&e))?;
    let article = Article::parse(text).map_err(|e| fail(&e))?;
    Ok(Loaded {
        article,
        from_page: false,
    })
}

/// At most `max_bytes + 1` bytes of standard input (one more tells it is
/// too large). A person at a terminal is told how to end the article.
fn read_stdin(max_bytes: u64) -> anyhow::Result<Vec<u8>> {
    let stdin = io::stdin();
    if stdin.is_terminal() {
        eprintln!(
            "factdrill: reading the article from standard input; end it with Ctrl-D on a line of its own"
        );
    }
    let mut bytes = Vec::new();
    stdin
        .lock()
        .take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| input(format!("standard input: cannot read: {}", io_reason(&e))))?;
    Ok(bytes)
}

/// The file's bytes, refusing a folder or a file over `max_bytes`; at most
/// one byte more is read, in case the file grew.
fn read_file(path: &Path, max_bytes: u64) -> anyhow::Result<Vec<u8>> {
    let shown = path.display();
    let meta = fs::metadata(path)
        .map_err(|e| input(format!("{shown}: cannot read: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(input(format!(
            "{shown}: is a directory, not an article file"
        )));
    }
    if meta.len() > max_bytes {
        return Err(input(format!(
            "{shown}: is too large ({} bytes; the limit is {max_bytes} bytes, see --max-bytes)",
            meta.len()
        )));
    }
    let file = fs::File::open(path)
        .map_err(|e| input(format!("{shown}: cannot open: {}", io_reason(&e))))?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| input(format!("{shown}: cannot read: {}", io_reason(&e))))?;
    Ok(bytes)
}

/// The OS reason without Rust's "(os error 2)" suffix.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_owned()
        }
    }
}
