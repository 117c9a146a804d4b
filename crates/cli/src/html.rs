//! Html: a saved web page → the article in it, as the plain text factdrill
//! reads.
//!
//! 1. **Decode.** The page's bytes are decoded by the charset it declares:
//!    a byte-order mark, else `<meta charset>`, `<meta http-equiv=
//!    "Content-Type" content="…; charset=…">` or an XML declaration in the
//!    first 1024 bytes. A page that declares none is UTF-8 when it is valid
//!    UTF-8 and Windows-1252 otherwise, as browsers do.
//! 2. **Clear away what is not the article.** Navigation, forms, asides,
//!    dialogs and the elements a page marks as ads, cookie banners, comments,
//!    newsletters, sharing tools or related links are removed; the main text
//!    is then found by a readability-style extractor (`dom_smoothie`, a port
//!    of Mozilla's Readability), which also drops scripts, styles, the site's
//!    header and footer and link-heavy blocks.
//! 3. **Write the article as text.** Title (`og:title`, else `<title>`
//!    without the site's name), author (`meta name="author"`, else the
//!    page's byline), date (`article:published_time`, else the article's
//!    `<time datetime>`) and the page's address become a plain-text article
//!    with TOML front matter; headings become `## ` lines and list items
//!    `- ` lines:
//!
//! ```text
//! +++
//! date = 2025-03-06
//! source = "https://news.example/2025/03/06/strike"
//! +++
//! # Dock workers end strike
//!
//! By Lotte Vermeer
//!
//! Dock workers returned to work on Thursday …
//!
//! ## Backlog will take days to clear
//! ```
//!
//! That text is the article as factdrill reads it: `factdrill facts
//! --format json` gives spans into it and prints it as `extracted`.

use std::fmt::{self, Write as _};
use std::path::Path;

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use jiff::civil::Date;

/// How far into a page a charset declaration is looked for (as browsers do).
const PRESCAN: usize = 1024;

/// Why a web page gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageError {
    /// Nothing but whitespace.
    Empty,
    /// A NUL byte in a page that is not UTF-16: a binary file.
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The extractor found no article text in the page.
    NoArticle,
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the web page is empty"),
            Self::Binary { offset } => {
                write!(f, "looks like a binary file (NUL byte at offset {offset})")
            }
            Self::NoArticle => f.write_str("no article text found in the web page"),
        }
    }
}

impl std::error::Error for PageError {}

/// A file named as a web page: `.html`, `.htm` or `.xhtml`.
pub fn is_page_name(path: &Path) -> bool {
    path.extension().is_some_and(|e| {
        ["html", "htm", "xhtml"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

/// Bytes that start like an HTML document: after any byte-order mark and
/// whitespace, a `<`, and a doctype, `<html`, `<head` or `<body` within the
/// first 1024 bytes.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let head = head.trim_ascii_start();
    if !head.starts_with(b"<") {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    [b"<!doctype html".as_slice(), b"<html", b"<head", b"<body"]
        .iter()
        .any(|marker| find(&lower, marker).is_some())
}

/// The encoding a page's bytes are in: its byte-order mark, else the
/// charset it declares, else UTF-8 when the bytes are valid UTF-8, else
/// Windows-1252.
pub fn encoding(bytes: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return encoding;
    }
    if let Some(encoding) = declared(&bytes[..bytes.len().min(PRESCAN)]) {
        return encoding;
    }
    if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        WINDOWS_1252
    }
}

/// The charset a page's first bytes declare, if any and known.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        if let Some(encoding) = label_after(&lower[start..end], b"charset") {
            return Some(encoding);
        }
        from = end;
    }
    if lower.starts_with(b"<?xml") {
        let end = find(&lower, b"?>").unwrap_or(lower.len());
        return label_after(&lower[..end], b"encoding");
    }
    None
}

/// The encoding named by `key=label` (the label maybe quoted) in `tag`.
fn label_after(tag: &[u8], key: &[u8]) -> Option<&'static Encoding> {
    let at = find(tag, key)?;
    let rest = tag[at + key.len()..].trim_ascii_start();
    let rest = rest.strip_prefix(b"=")?.trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    // A page that says UTF-16 in ASCII bytes is not UTF-16: browsers read
    // it as UTF-8, which `output_encoding` gives.
    Encoding::for_label(&rest[..len]).map(Encoding::output_encoding)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The page's bytes as text, decoded by [`encoding`].
pub fn decode(bytes: &[u8]) -> Result<String, PageError> {
    let encoding = encoding(bytes);
    if encoding != UTF_16LE
        && encoding != UTF_16BE
        && let Some(offset) = bytes.iter().position(|&b| b == 0)
    {
        return Err(PageError::Binary { offset });
    }
    let (text, _, _) = encoding.decode(bytes);
    if text.trim().is_empty() {
        return Err(PageError::Empty);
    }
    Ok(text.into_owned())
}

/// One block of the article's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading inside the article (`<h2>` …).
    Heading(String),
    /// A list item.
    Item(String),
    /// A paragraph (or caption, quote, table cell).
    Text(String),
}

impl Block {
    /// The block's text.
    pub fn text(&self) -> &str {
        match self {
            Block::Heading(t) | Block::Item(t) | Block::Text(t) => t,
        }
    }
}

/// What a web page holds: its metadata and the article's blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// `og:title`, else `<title>` without the site's name.
    pub title: Option<String>,
    /// `meta name="author"`, else the page's byline, without a leading "By".
    pub author: Option<String>,
    /// The day of `article:published_time` (as the page writes it), else of
    /// the article's `<time datetime>`.
    pub date: Option<Date>,
    /// The page's address: `og:url`, else `<link rel="canonical">`.
    pub url: Option<String>,
    /// The article's body.
    pub blocks: Vec<Block>,
}

/// Elements that are never the article.
const NOT_ARTICLE: &str = "nav, footer, aside, form, dialog, noscript, template, iframe, \
    button, select, [role=navigation], [role=banner], [role=contentinfo], \
    [role=complementary], [role=dialog], [role=alertdialog], [aria-hidden=true], [hidden]";

/// Words in a class or id (split at `-` and `_`) that mark a part of a page
/// that is not the article: web-page vocabulary, not article content.
const NOISE: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "advert",
    "advertisement",
    "sponsored",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "paywall",
    "promo",
    "comments",
    "share",
    "sharing",
    "social",
    "related",
];

fn is_noise(attr: &str) -> bool {
    attr.split_ascii_whitespace().any(|token| {
        token
            .to_ascii_lowercase()
            .split(['-', '_'])
            .any(|part| NOISE.contains(&part))
    })
}

/// Removes what is not the article. An element that holds the page's
/// `<main>`, `<article>` or `<h1>`, or most of its paragraphs, stays
/// whatever its tag or class says (old sites wrap the whole page in a
/// `<form>`; a page's `<body>` may carry an `ads` class).
fn clear_noise(doc: &Document) {
    let paragraphs = doc.select("p").length();
    let holds_article = |node: &NodeRef<'_>| {
        ["main", "article", "h1"]
            .iter()
            .any(|tag| !node.find(&[tag]).is_empty())
            || 2 * node.find(&["p"]).len() > paragraphs
    };
    let mut doomed: Vec<NodeRef<'_>> = doc.select(NOT_ARTICLE).nodes().to_vec();
    doomed.extend(doc.select("[class], [id]").nodes().iter().filter(|node| {
        let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
        !matches!(name.as_str(), "html" | "body" | "main" | "article")
            && (node.attr("class").is_some_and(|c| is_noise(&c))
                || node.attr("id").is_some_and(|i| is_noise(&i)))
    }));
    doomed.retain(|node| !holds_article(node));
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Collapses runs of whitespace (the non-breaking space too) to one space.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn attr_of(doc: &Document, selector: &str, attr: &str) -> Option<String> {
    doc.select(selector)
        .nodes()
        .iter()
        .find_map(|n| n.attr(attr).map(|v| squash(&v)).filter(|v| !v.is_empty()))
}

/// The calendar day a published time names, as written: an ISO 8601 date
/// or date-time (`2025-03-06T07:45:00+01:00` is 6 March), or an RFC 2822
/// date (`Thu, 06 Mar 2025 07:45:00 GMT`).
pub fn published_day(value: &str) -> Option<Date> {
    let value = value.trim();
    if let Some(day) = value.get(..10).and_then(|d| d.parse::<Date>().ok()) {
        return Some(day);
    }
    jiff::fmt::rfc2822::DateTimeParser::new()
        .parse_zoned(value)
        .ok()
        .map(|z| z.date())
}

/// Finds the article in a page's HTML.
pub fn extract(html: &str) -> Result<Page, PageError> {
    let doc = Document::from(html);
    let url = attr_of(&doc, "meta[property='og:url']", "content")
        .or_else(|| attr_of(&doc, "link[rel=canonical]", "href"));
    let time = attr_of(&doc, "article time[datetime]", "datetime")
        .or_else(|| attr_of(&doc, "time[pubdate][datetime]", "datetime"));
    clear_noise(&doc);
    let mut readability = Readability::with_document(doc, None, Some(Config::default()))
        .map_err(|_| PageError::NoArticle)?;
    let found = readability.parse().map_err(|_| PageError::NoArticle)?;
    let title = Some(squash(&found.title)).filter(|t| !t.is_empty());
    let author = found
        .byline
        .as_deref()
        .map(|a| without_by(&squash(a)).to_owned())
        .filter(|a| !a.is_empty());
    let date = found
        .published_time
        .as_deref()
        .and_then(published_day)
        .or_else(|| time.as_deref().and_then(published_day));
    let content = Document::from(found.content.as_ref());
    let date = date.or_else(|| {
        attr_of(&content, "time[datetime]", "datetime")
            .as_deref()
            .and_then(published_day)
    });
    // A dateline is metadata, not prose: a block that is only a <time>.
    let times: Vec<String> = content
        .select("time")
        .nodes()
        .iter()
        .map(|t| squash(&t.text()))
        .collect();
    let mut blocks = blocks(&content);
    blocks.retain(|b| !times.iter().any(|t| t == b.text()));
    // The extractor may keep the page's own headline or byline at the top.
    while let Some(first) = blocks.first() {
        let text = first.text();
        let repeats_title = title
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case(text));
        let repeats_author = author.as_deref().is_some_and(|a| is_byline_of(text, a));
        if !(repeats_title || repeats_author) {
            break;
        }
        blocks.remove(0);
    }
    if blocks.is_empty() {
        return Err(PageError::NoArticle);
    }
    Ok(Page {
        title,
        author,
        date,
        url,
        blocks,
    })
}

/// `text` without a leading "By " (any case): the marker of a byline.
fn without_by(text: &str) -> &str {
    match text.split_once(' ') {
        Some((by, rest)) if by.eq_ignore_ascii_case("by") => rest,
        _ => text,
    }
}

/// A block that is the byline of `author`: the name, maybe after "By" and
/// before a comma and a job ("By Ann Lee, food correspondent").
fn is_byline_of(text: &str, author: &str) -> bool {
    let rest = without_by(text);
    rest.get(..author.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(author))
        && (rest.len() == author.len() || rest[author.len()..].starts_with(','))
}

/// Which kind of block an element starts, if it starts one.
fn block_of(name: &str) -> Option<fn(String) -> Block> {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(Block::Heading),
        "li" | "dt" | "dd" => Some(Block::Item),
        "p" | "div" | "section" | "article" | "main" | "header" | "blockquote" | "pre"
        | "figure" | "figcaption" | "table" | "thead" | "tbody" | "tr" | "td" | "th" | "ul"
        | "ol" | "dl" | "address" | "details" | "summary" | "hr" | "body" | "html" => {
            Some(Block::Text)
        }
        _ => None,
    }
}

/// Elements whose text is never read: code, media, controls.
fn is_silent(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "img"
            | "picture"
            | "video"
            | "audio"
            | "iframe"
            | "object"
            | "button"
            | "input"
            | "select"
            | "textarea"
    )
}

/// The blocks of the extractor's article, in order.
fn blocks(doc: &Document) -> Vec<Block> {
    let mut walk = Walk::default();
    walk.node(&doc.root(), Block::Text);
    walk.flush(Block::Text);
    walk.out
}

#[derive(Default)]
struct Walk {
    out: Vec<Block>,
    buf: String,
}

impl Walk {
    fn flush(&mut self, make: fn(String) -> Block) {
        let text = squash(&self.buf);
        self.buf.clear();
        if !text.is_empty() {
            self.out.push(make(text));
        }
    }

    fn node(&mut self, node: &NodeRef<'_>, make: fn(String) -> Block) {
        for child in node.children_it(false) {
            if child.is_text() {
                self.buf.push_str(&child.text());
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child.node_name().unwrap_or_default().to_ascii_lowercase();
            if is_silent(&name) {
                continue;
            }
            if name == "br" {
                self.buf.push(' ');
                continue;
            }
            match block_of(&name) {
                Some(inner) => {
                    self.flush(make);
                    // A block inside a list item or heading keeps its kind.
                    let inner = if matches!(make(String::new()), Block::Text(_)) {
                        inner
                    } else {
                        make
                    };
                    self.node(&child, inner);
                    self.flush(inner);
                }
                None => self.node(&child, make),
            }
        }
    }
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Page {
    /// The page as a plain-text article: front matter (date, source, and
    /// the author when `byline_line` is false), a `# ` title, a `By` line
    /// when `byline_line` is true, then the blocks.
    pub fn to_text(&self, byline_line: bool) -> String {
        let byline_line = byline_line && self.title.is_some();
        let mut front = Vec::new();
        if let Some(date) = self.date {
            front.push(format!("date = {date}"));
        }
        if let Some(url) = &self.url {
            front.push(format!("source = {}", toml_string(url)));
        }
        if let Some(author) = self.author.as_deref().filter(|_| !byline_line) {
            front.push(format!("author = {}", toml_string(author)));
        }
        let mut text = String::new();
        if !front.is_empty() {
            text.push_str("+++\n");
            for line in front {
                text.push_str(&line);
                text.push('\n');
            }
            text.push_str("+++\n");
        }
        if let Some(title) = &self.title {
            text.push_str("# ");
            text.push_str(title);
            text.push_str("\n\n");
            if let Some(author) = self.author.as_deref().filter(|_| byline_line) {
                text.push_str("By ");
                text.push_str(author);
                text.push_str("\n\n");
            }
        }
        for block in &self.blocks {
            match block {
                Block::Heading(t) => {
                    text.push_str("## ");
                    text.push_str(t);
                }
                Block::Item(t) => {
                    text.push_str("- ");
                    text.push_str(t);
                }
                Block::Text(t) => text.push_str(t),
            }
            text.push_str("\n\n");
        }
        text.truncate(text.trim_end().len());
        text.push('\n');
        text
    }
}

/// Reads a page's bytes as an article: decoded, extracted and written as
/// text ([`Page::to_text`]). The author goes on a `By` line when the
/// article reader takes it as the byline there, else into the front matter.
pub fn article(bytes: &[u8]) -> anyhow::Result<factdrill_core::Article> {
    let html = decode(bytes)?;
    let page = extract(&html)?;
    let article = factdrill_core::Article::parse(&page.to_text(true))?;
    if page.author.is_some() && article.byline.is_none() {
        return Ok(factdrill_core::Article::parse(&page.to_text(false))?);
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_charsets_are_found_in_meta_tags_and_xml_declarations() {
        let meta = b"<!doctype html><html><head><meta charset=\"windows-1252\"></head>";
        assert_eq!(encoding(meta), WINDOWS_1252);
        let equiv =
            b"<html><head><META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-2'>";
        assert_eq!(encoding(equiv).name(), "ISO-8859-2");
        let xml = b"<?xml version=\"1.0\" encoding=\"koi8-r\"?><html>";
        assert_eq!(encoding(xml).name(), "KOI8-R");
        // A UTF-16 label in ASCII bytes is read as UTF-8, as browsers do.
        assert_eq!(encoding(b"<meta charset=utf-16>"), UTF_8);
    }

    #[test]
    fn a_bom_wins_and_undeclared_bytes_are_utf8_when_valid_else_windows_1252() {
        assert_eq!(encoding(b"\xef\xbb\xbf<meta charset=latin1>"), UTF_8);
        assert_eq!(encoding("<p>café</p>".as_bytes()), UTF_8);
        assert_eq!(encoding(b"<p>caf\xe9</p>"), WINDOWS_1252);
    }

    #[test]
    fn windows_1252_bytes_decode_to_curly_quotes_and_accents() {
        let page = b"<html><head><meta charset=windows-1252></head><body><p>\x93Caf\xe9\x94 \x96 \x80 5</p></body></html>";
        let text = decode(page).unwrap();
        assert!(text.contains("\u{201c}Café\u{201d} \u{2013} € 5"), "{text}");
    }

    #[test]
    fn utf16_with_a_bom_is_text_and_a_nul_elsewhere_is_binary() {
        let utf16: Vec<u8> = b"\xff\xfe"
            .iter()
            .copied()
            .chain("<p>Hi</p>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16).unwrap(), "<p>Hi</p>");
        assert_eq!(
            decode(b"<html>\0</html>"),
            Err(PageError::Binary { offset: 6 })
        );
        assert_eq!(decode(b"  \n "), Err(PageError::Empty));
    }

    #[test]
    fn html_is_recognised_by_its_start_not_by_a_stray_tag() {
        assert!(looks_like_html(b"\xef\xbb\xbf\n <!DOCTYPE html>\n<html>"));
        assert!(looks_like_html(b"<html lang=en><body>"));
        assert!(looks_like_html(b"<!-- saved -->\n<head><title>x</title>"));
        assert!(!looks_like_html(
            b"Title\n\n<b>bold</b> text in a <body> of prose"
        ));
        assert!(!looks_like_html(b"<b>Note</b> a plain note"));
        assert!(is_page_name(Path::new("a/Story.HTM")));
        assert!(!is_page_name(Path::new("story.txt")));
    }

    #[test]
    fn published_days_come_from_iso_and_rfc_2822_times() {
        let day = jiff::civil::date(2025, 3, 6);
        assert_eq!(published_day("2025-03-06T23:45:00-05:00"), Some(day));
        assert_eq!(published_day("2025-03-06"), Some(day));
        assert_eq!(published_day("Thu, 06 Mar 2025 07:45:00 GMT"), Some(day));
        assert_eq!(published_day("last week"), None);
    }

    #[test]
    fn noise_words_are_whole_parts_of_a_class() {
        assert!(is_noise("box ad-slot"));
        assert!(is_noise("Cookie_Banner"));
        assert!(is_noise("site-footer related-links"));
        assert!(!is_noise("headline lead"));
        assert!(!is_noise("roadside"));
    }

    fn para(n: usize) -> String {
        format!(
            "<p>Paragraph {n} tells how the council in the town voted on the plan, which \
             took many months to agree and cost a great deal of money, as members said.</p>"
        )
    }

    #[test]
    fn the_article_keeps_headings_and_items_and_drops_the_page_around_it() {
        let body: String = (1..=4).map(para).collect();
        let html = format!(
            "<html><head><title>Council votes | Town News</title>\
             <meta property='og:title' content='Council votes on plan'>\
             <meta name='author' content='By Ann Lee'>\
             <meta property='article:published_time' content='2024-11-02T10:00:00Z'>\
             <link rel='canonical' href='https://town.example/council'></head>\
             <body><nav><a href='/'>Home</a> <a href='/sport'>Sport pages</a></nav>\
             <div class='cookie-banner'>We use cookies.</div>\
             <article><h1>Council votes on plan</h1>{body}<h2>What comes next</h2>\
             <ul><li>A second vote in May.</li><li>A report in June.</li></ul>\
             <div class='ad-slot'>Advertisement</div>{}</article>\
             <footer>Contact us</footer></body></html>",
            para(5)
        );
        let page = extract(&html).unwrap();
        assert_eq!(page.title.as_deref(), Some("Council votes on plan"));
        assert_eq!(page.author.as_deref(), Some("Ann Lee"));
        assert_eq!(page.date, Some(jiff::civil::date(2024, 11, 2)));
        assert_eq!(page.url.as_deref(), Some("https://town.example/council"));
        assert_eq!(page.blocks.len(), 8, "{:#?}", page.blocks);
        assert!(matches!(&page.blocks[0], Block::Text(t) if t.starts_with("Paragraph 1 tells")));
        assert_eq!(page.blocks[4], Block::Heading("What comes next".into()));
        assert_eq!(page.blocks[5], Block::Item("A second vote in May.".into()));
        let text = page.to_text(true);
        assert!(
            text.starts_with(
                "+++\ndate = 2024-11-02\nsource = \"https://town.example/council\"\n+++\n\
             # Council votes on plan\n\nBy Ann Lee\n\nParagraph 1 tells"
            ),
            "{text}"
        );
        assert!(text.contains("\n\n## What comes next\n\n- A second vote in May.\n\n- A report in June.\n\nParagraph 5"), "{text}");
        for noise in [
            "Home",
            "Sport pages",
            "cookies",
            "Advertisement",
            "Contact us",
        ] {
            assert!(!text.contains(noise), "{noise} in {text}");
        }
    }

    #[test]
    fn an_author_the_by_line_cannot_hold_goes_into_the_front_matter() {
        let body: String = (1..=4).map(para).collect();
        let html = format!(
            "<html><head><title>Council votes</title>\
             <meta name='author' content='the \"Town\" newsroom'></head>\
             <body><article>{body}</article></body></html>"
        );
        let article = article(html.as_bytes()).unwrap();
        assert_eq!(article.title.as_ref().unwrap().text, "Council votes");
        let byline = article.byline.clone().unwrap();
        assert_eq!(byline.text, "the \"Town\" newsroom");
        assert!(byline.span.is_none());
        assert!(
            article
                .text()
                .contains("author = \"the \\\"Town\\\" newsroom\"\n")
        );
        assert!(article.sentence_text(0).starts_with("Paragraph 1 tells"));
    }

    #[test]
    fn a_page_wrapped_in_a_form_keeps_its_article() {
        let body: String = (1..=4).map(para).collect();
        let html = format!(
            "<html><head><title>Council votes</title></head><body class='has-ads'>\
             <form id='aspnetForm' action='page.aspx'><nav>\
             <a href='/'>Home page</a></nav><div class='story'>{body}</div>\
             <div class='ad-slot'><p>Advertisement</p></div></form></body></html>"
        );
        let page = extract(&html).unwrap();
        assert_eq!(page.blocks.len(), 4, "{:#?}", page.blocks);
        assert!(
            page.blocks
                .iter()
                .all(|b| b.text().starts_with("Paragraph"))
        );
    }

    #[test]
    fn toml_strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(
            toml_string("a \"b\" \\ c\u{7}"),
            "\"a \\\"b\\\" \\\\ c\\u0007\""
        );
    }
}
