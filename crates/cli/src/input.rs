//! Input: reads an article file with the checks a user needs (missing,
//! directory, too large, binary, not UTF-8, empty), each as one clear line.

use std::fs;
use std::io::Read;
use std::path::Path;

use factdrill_core::Article;
use factdrill_core::article::decode;

use crate::error::input;

/// Default `--max-bytes`: 20 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

/// Reads and parses the article at `path`.
pub fn read_article(path: &Path, max_bytes: u64) -> anyhow::Result<Article> {
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
    // Read at most one byte past the limit, in case the file grew.
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| input(format!("{shown}: cannot read: {}", io_reason(&e))))?;
    let text = decode(&bytes, max_bytes).map_err(|e| input(format!("{shown}: {e}")))?;
    Article::parse(text).map_err(|e| input(format!("{shown}: {e}")))
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
