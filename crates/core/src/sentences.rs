//! Sentences: splits one paragraph of English news text into sentences, as
//! byte ranges into the article text.
//!
//! The splitter makes one forward pass over the bytes. It stops only at
//! terminal punctuation (`.`, `!`, `?`, `…`), looks back at the word before
//! a full stop and forward at the word after the gap, and decides. It
//! allocates nothing but the returned vector, runs in linear time and never
//! panics, whatever the input.
//!
//! The rules, in brief:
//!
//! - A sentence ends at `.`, `!`, `?`, `...` or `…` (and runs such as `?!`),
//!   plus any closing quotes or brackets (`"` `”` `’` `'` `)` `]`), when
//!   whitespace and then something other than a lowercase letter follows.
//!   The closing quote belongs to the earlier sentence. The end of the
//!   paragraph always ends a sentence.
//! - An ellipsis ends a sentence only before an uppercase letter or an
//!   opening quote or bracket.
//! - Titles (`Mr.`, `Dr.`, `Gen.`, ...), `e.g.`, `i.e.`, `vs.`, `cf.` and
//!   the like never end a sentence; `No.` does not before a number.
//! - Abbreviations that may also close a sentence — dotted acronyms (`U.S.`,
//!   `a.m.`, `Ph.D.`), `etc.`, `Inc.`, `Ltd.`, `Co.`, `Jr.`, `St.`, month
//!   and weekday abbreviations, initials (`J.`) — end it only before a
//!   typical sentence opener: `The`, `He`, `But`, `In`, `Mr.`, ...
//! - A full stop with no whitespace after it (`3.5`, `www.example.com`,
//!   `v1.2`) never ends a sentence; line breaks are ordinary whitespace.
//! - Ranges are trimmed of whitespace (and of a byte order mark), and a
//!   sentence made only of punctuation is dropped.

use std::ops::Range;

/// Splits `text[start..end]` (one paragraph) into sentences.
///
/// Returns absolute byte ranges into `text`, in order and non-overlapping,
/// each trimmed of surrounding whitespace, never empty and on `char`
/// boundaries. Line breaks inside the paragraph are treated as spaces.
/// Offsets past the end of `text` or inside a `char` are clamped rather
/// than rejected, so the function never panics.
///
/// ```
/// # use factdrill_core::sentences::split;
/// let text = "Mr. Smith moved to the U.S. The move paid off.";
/// let spans = split(text, 0, text.len());
/// assert_eq!(&text[spans[0].clone()], "Mr. Smith moved to the U.S.");
/// assert_eq!(&text[spans[1].clone()], "The move paid off.");
/// ```
#[must_use]
pub fn split(text: &str, start: usize, end: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let searcher = Searcher::new(text);
    split_into(text, start, end, &searcher, &mut out);
    out
}

/// [`split`], appending to `out` (which keeps what it holds). `searcher`
/// is made once per text: see [`Searcher`].
pub(crate) fn split_into(
    text: &str,
    start: usize,
    end: usize,
    searcher: &Searcher,
    out: &mut Vec<Range<usize>>,
) {
    let (start, end) = clamp(text, start, end);
    let bytes = text.as_bytes();
    let mut content_start = skip_space(text, start, end);
    let mut stops = Stops::new(&bytes[..end], content_start, searcher);
    let mut i = content_start;
    while let Some(stop) = stops.next(i) {
        if bytes[stop] == b'.' {
            let Some(&after) = bytes[..end].get(stop + 1) else {
                // The paragraph's last byte: the push after the loop takes it.
                break;
            };
            // A full stop between letters or digits (`3.5`, `U.S`), as many
            // are, is glued to them: the check below, without reading the run.
            if after.is_ascii_alphanumeric() {
                i = stop + 1;
                continue;
            }
            // `. x`, `. X` or `. 5`, as most stops that may end a sentence
            // are: what `ends_here` decides, read from the one byte.
            if after == b' '
                && let Some(&first) = bytes[..end].get(stop + 2)
                && first.is_ascii_alphanumeric()
            {
                let next = stop + 2;
                if period_ends(text, stop, next, end, content_start, first) {
                    push_sentence(out, text, content_start, stop + 1);
                    content_start = next;
                }
                i = next;
                continue;
            }
        }
        let (run, next) = if bytes[stop] == b'.'
            && stop + 2 < end
            && bytes[stop + 1] == b' '
            && bytes[stop + 2].is_ascii_graphic()
        {
            // A stop, a space and another visible mark (`. "`, `. (`; a
            // letter or digit there is decided above): what the general
            // way below finds, without reading the run or the gap.
            let run = Run {
                end: stop + 1,
                kind: Stop::Period,
            };
            (run, stop + 2)
        } else {
            let Some(run) = scan_run(bytes, stop, end) else {
                // A 0xE2 lead byte that is not an ellipsis (a curly quote, a dash).
                i = stop + 1;
                continue;
            };
            // Glued to an ASCII character that is not a space (`3.5`, `U.S.A.`)?
            if run.end < end
                && bytes[run.end].is_ascii()
                && !bytes[run.end].is_ascii_whitespace()
                && bytes[run.end] != 0x0B
            {
                i = run.end;
                continue;
            }
            let next = skip_space(text, run.end, end);
            if next == run.end || next >= end {
                // Glued to the next word (`3.5`, `U.S.A.`), or the paragraph's end.
                i = run.end;
                continue;
            }
            (run, next)
        };
        if ends_here(text, run.kind, stop, next, end, content_start) {
            push_sentence(out, text, content_start, run.end);
            content_start = next;
        }
        i = next;
    }
    // (Whatever precedes `content_start` is whitespace.)
    push_trimmed(out, text, content_start, end);
}

/// Pushes the sentence `a..b`, which is trimmed already (neither end is
/// whitespace), unless it is only punctuation.
#[inline]
fn push_sentence(out: &mut Vec<Range<usize>>, text: &str, a: usize, b: usize) {
    // Most begin with a letter or digit.
    if text.as_bytes()[a].is_ascii_alphanumeric() || !all_marks(&text[a..b]) {
        out.push(a..b);
    }
}

/// [`ends_here`] for a single full stop at `stop`, one space and then the
/// ASCII letter or digit `first` at `next`.
#[inline]
fn period_ends(
    text: &str,
    stop: usize,
    next: usize,
    end: usize,
    content_start: usize,
    first: u8,
) -> bool {
    // Nothing ends before a lowercase word; before a digit only a plain
    // word ends; before a capital all but the never-ending words do, and
    // the ones in doubt ask the word.
    if first.is_ascii_lowercase() {
        return false;
    }
    match word_before(text, stop, content_start) {
        Word::Plain => true,
        Word::Never => false,
        Word::Number => first.is_ascii_uppercase(),
        Word::Either => first.is_ascii_uppercase() && is_opener(text, next, end),
    }
}

/// What a run of terminal punctuation can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    /// A single `.`: ends a sentence unless the word before it says otherwise.
    Period,
    /// `!`, `?`, or a `.` after a closing quote: ends a sentence before
    /// anything but a lowercase letter.
    Full,
    /// `...`, `..` or `…`: ends a sentence only before a capital or a quote.
    Ellipsis,
}

/// A run of terminal punctuation and closing quotes or brackets.
#[derive(Clone, Copy, Debug)]
struct Run {
    /// One past the run's last byte.
    end: usize,
    kind: Stop,
}

/// The word before a full stop, as far as sentence ends go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    /// An ordinary word: the stop ends the sentence.
    Plain,
    /// A title or the like (`Dr.`, `e.g.`): the stop never ends the sentence.
    Never,
    /// `No.`, `Nos.`, `Nr.`: no end before a number, otherwise plain.
    Number,
    /// `U.S.`, `Inc.`, `Jan.`, `J.`: ends the sentence only before an opener.
    Either,
}

/// Case pattern of an abbreviation candidate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    /// `etc`
    Lower,
    /// `Mr`
    Capital,
    /// `MR`
    Upper,
}

/// Longest word (in bytes) looked at behind a full stop or after a gap.
const MAX_WORD: usize = 16;

/// What finding stops in one text needs, made once per text.
///
/// Most stops lie a few bytes apart (`$2.5 bn`, `6.10am`, `U.S.`), so
/// searches are short and their set-up counts: the AVX2 searcher is built
/// once rather than on every call, and a text without a 0xE2 byte (no
/// `…`, no curly quote) skips the search for one.
pub(crate) struct Searcher {
    ascii: Ascii,
    /// The text holds a 0xE2 byte somewhere.
    lead: bool,
}

/// A searcher for `.`, `!` and `?`.
enum Ascii {
    #[cfg(target_arch = "x86_64")]
    Avx2(memchr::arch::x86_64::avx2::memchr::Three),
    Any,
}

impl Searcher {
    /// A searcher for stops in `text`.
    pub(crate) fn new(text: &str) -> Self {
        #[cfg(target_arch = "x86_64")]
        let ascii = memchr::arch::x86_64::avx2::memchr::Three::new(b'.', b'!', b'?')
            .map_or(Ascii::Any, Ascii::Avx2);
        #[cfg(not(target_arch = "x86_64"))]
        let ascii = Ascii::Any;
        Searcher {
            ascii,
            lead: memchr::memchr(0xE2, text.as_bytes()).is_some(),
        }
    }

    fn find_ascii(&self, haystack: &[u8]) -> Option<usize> {
        match &self.ascii {
            #[cfg(target_arch = "x86_64")]
            Ascii::Avx2(three) => three.find(haystack),
            Ascii::Any => memchr::memchr3(b'.', b'!', b'?', haystack),
        }
    }
}

/// Finds the bytes that may start terminal punctuation: `.`, `!`, `?`,
/// and the lead byte of `…` (which also leads curly quotes and dashes).
///
/// The ASCII stops and the lead byte are looked for separately, at many
/// bytes a step; each keeps the first hit at or after where it last
/// looked, so no byte is looked at twice by either.
struct Stops<'a> {
    bytes: &'a [u8],
    searcher: &'a Searcher,
    /// The first `.`, `!` or `?` at or after some earlier position, or the end.
    ascii: usize,
    /// The first 0xE2 at or after some earlier position, or the end.
    lead: usize,
}

impl<'a> Stops<'a> {
    /// Stops in `bytes` from `from` on.
    fn new(bytes: &'a [u8], from: usize, searcher: &'a Searcher) -> Self {
        let mut stops = Stops {
            bytes,
            searcher,
            ascii: 0,
            lead: bytes.len(),
        };
        stops.ascii = stops.find_ascii(from);
        if searcher.lead {
            stops.lead = stops.find_lead(from);
        }
        stops
    }

    fn find_ascii(&self, from: usize) -> usize {
        let rest = self.bytes.get(from..).unwrap_or_default();
        self.searcher
            .find_ascii(rest)
            .map_or(self.bytes.len(), |p| from + p)
    }

    fn find_lead(&self, from: usize) -> usize {
        let rest = self.bytes.get(from..).unwrap_or_default();
        memchr::memchr(0xE2, rest).map_or(self.bytes.len(), |p| from + p)
    }

    /// The first position at or after `from` that may start a stop.
    fn next(&mut self, from: usize) -> Option<usize> {
        if self.ascii < from {
            self.ascii = self.find_ascii(from);
        }
        if self.lead < from {
            self.lead = self.find_lead(from);
        }
        let first = self.ascii.min(self.lead);
        (first < self.bytes.len()).then_some(first)
    }
}

/// Clamps `start..end` into `text` and onto `char` boundaries.
fn clamp(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    (start, end)
}

/// Whitespace for splitting and trimming, including the byte order mark and
/// the zero-width space.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// True for characters that cannot make a sentence on their own: whitespace,
/// punctuation, control and format characters.
fn is_mark(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation() || c.is_ascii_whitespace() || c.is_ascii_control();
    }
    is_space(c)
        || c.is_control()
        || (matches!(
            c,
            '\u{a1}'..='\u{bf}'
                | '\u{2000}'..='\u{206f}'
                | '\u{2e00}'..='\u{2e7f}'
                | '\u{3000}'..='\u{303f}'
                | '\u{fe10}'..='\u{fe6f}'
                | '\u{ff01}'..='\u{ff0f}'
                | '\u{ff1a}'..='\u{ff20}'
                | '\u{ff3b}'..='\u{ff40}'
                | '\u{ff5b}'..='\u{ff65}'
        ) && !c.is_alphanumeric())
}

/// True if `s` is made only of [`is_mark`] characters.
fn all_marks(s: &str) -> bool {
    for (k, &b) in s.as_bytes().iter().enumerate() {
        if b >= 0x80 {
            return s[k..].chars().all(is_mark);
        }
        // Every ASCII character but a letter or digit is a mark.
        if b.is_ascii_alphanumeric() {
            return false;
        }
    }
    true
}

/// The `char` at byte `i`, if `i < end` and on a boundary.
fn char_at(text: &str, i: usize, end: usize) -> Option<char> {
    text.get(i..end)?.chars().next()
}

/// The first position at or after `i` that is not whitespace (or `end`).
fn skip_space(text: &str, mut i: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while i < end {
        let b = bytes[i];
        if b < 0x80 {
            if !char::from(b).is_whitespace() {
                break;
            }
            i += 1;
        } else {
            match char_at(text, i, end) {
                Some(c) if is_space(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// Reads the run of terminal punctuation and closers starting at `stop`, or
/// `None` when `stop` holds no terminal punctuation.
fn scan_run(bytes: &[u8], stop: usize, end: usize) -> Option<Run> {
    let mut j = stop;
    let mut lead_dots = 0_usize;
    let mut lead_ellipsis = false;
    let mut strong = false;
    let mut closed = false;
    let mut tail = false;
    while j < end {
        match bytes[j] {
            b'.' => {
                if closed {
                    tail = true;
                } else {
                    lead_dots += 1;
                }
                j += 1;
            }
            b'!' | b'?' => {
                strong = true;
                j += 1;
            }
            b'"' | b'\'' | b')' | b']' if j > stop => {
                closed = true;
                j += 1;
            }
            0xE2 if j + 2 < end && bytes[j + 1] == 0x80 => match bytes[j + 2] {
                // …
                0xA6 => {
                    if closed {
                        tail = true;
                    } else {
                        lead_ellipsis = true;
                    }
                    j += 3;
                }
                // ” ’
                0x9D | 0x99 if j > stop => {
                    closed = true;
                    j += 3;
                }
                _ => break,
            },
            _ => break,
        }
    }
    if j == stop {
        return None;
    }
    let kind = if strong || tail {
        Stop::Full
    } else if lead_ellipsis || lead_dots > 1 {
        Stop::Ellipsis
    } else {
        Stop::Period
    };
    Some(Run { end: j, kind })
}

/// The first position at or after `i` past any opening quotes or brackets.
fn skip_openers(bytes: &[u8], mut i: usize, end: usize) -> usize {
    while i < end {
        match bytes[i] {
            b'"' | b'\'' | b'(' | b'[' => i += 1,
            // “ ‘
            0xE2 if i + 2 < end && bytes[i + 1] == 0x80 && matches!(bytes[i + 2], 0x9C | 0x98) => {
                i += 3;
            }
            // « ¡ ¿
            0xC2 if i + 1 < end && matches!(bytes[i + 1], 0xAB | 0xA1 | 0xBF) => i += 2,
            _ => break,
        }
    }
    i
}

/// True if terminal punctuation starts at `i` (a spaced ellipsis `. . .`).
fn is_terminal_at(bytes: &[u8], i: usize, end: usize) -> bool {
    match bytes[i] {
        b'.' | b'!' | b'?' => true,
        0xE2 => i + 2 < end && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6,
        _ => false,
    }
}

/// Decides whether the run of kind `kind` whose first byte is at `stop` ends
/// the sentence, given that whitespace and then `next` follow it.
fn ends_here(
    text: &str,
    kind: Stop,
    stop: usize,
    next: usize,
    end: usize,
    content_start: usize,
) -> bool {
    let bytes = text.as_bytes();
    if is_terminal_at(bytes, next, end) {
        // `. . .`: let the last stop decide.
        return false;
    }
    let word = skip_openers(bytes, next, end);
    let Some(c) = char_at(text, word, end) else {
        return true;
    };
    match kind {
        Stop::Full => !c.is_lowercase(),
        Stop::Ellipsis => c.is_uppercase() || (word > next && !c.is_lowercase()),
        Stop::Period => match word_before(text, stop, content_start) {
            Word::Plain => !c.is_lowercase(),
            Word::Never => false,
            Word::Number => !c.is_ascii_digit() && !c.is_lowercase(),
            Word::Either => is_opener(text, word, end),
        },
    }
}

/// What [`word_before`] notes of a byte of the word: a lowercase or
/// uppercase ASCII letter, a digit or a dot; 0 for any other byte, which
/// ends the word.
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const DOT: u8 = 8;

/// [`LOWER`], [`UPPER`], [`DIGIT`] or [`DOT`] of each byte.
static WORD_BYTES: [u8; 256] = {
    let mut table = [0; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = match b {
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            b'.' => DOT,
            _ => 0,
        };
        i += 1;
    }
    table
};

/// The longest abbreviation [`abbreviation`] knows ("approx", "messrs").
const MAX_ABBREVIATION: usize = 6;

/// Classifies the word that ends just before the full stop at `stop`.
fn word_before(text: &str, stop: usize, content_start: usize) -> Word {
    let bytes = text.as_bytes();
    // Most words before a stop are plain ASCII letters between a space and
    // the stop: the eight bytes before it, read at once, tell where they
    // begin, unless the paragraph begins among them.
    if stop >= content_start + 8
        && let Some(&eight) = bytes[..stop].last_chunk::<8>()
    {
        let x = u64::from_le_bytes(eight);
        let letters = ascii_letters(x);
        // Letters right before the stop: the top bytes (little-endian).
        let run = (!letters & HIGH).leading_zeros() as usize / 8;
        if run > MAX_ABBREVIATION {
            // Seven letters make no abbreviation, and neither does any
            // longer word ending in them (digits or dots before them).
            return Word::Plain;
        }
        if run > 1 {
            let before = bytes[stop - run - 1];
            if before < 0x80 && WORD_BYTES[usize::from(before)] == 0 {
                // The word is those letters: its case from their 0x20 bits.
                let word = (!0 << (64 - 8 * run)) & HIGH;
                let lower = (x << 2) & word;
                let shape = if lower == word {
                    Shape::Lower
                } else if lower == 0 {
                    Shape::Upper
                } else if lower | (1 << (71 - 8 * run)) == word {
                    Shape::Capital
                } else {
                    return Word::Plain;
                };
                let folded = ((x | (0x20 * EACH)) >> (64 - 8 * run)).to_le_bytes();
                return abbreviation(&folded[..run], shape);
            }
        }
    }
    // Back over letters, digits and dots, at most MAX_WORD of them, noting
    // which kinds were seen.
    let lo = content_start.max(stop.saturating_sub(MAX_WORD));
    let window = &bytes[lo..stop];
    let mut n = window.len();
    let mut seen = 0;
    while n > 0 {
        let kind = WORD_BYTES[usize::from(window[n - 1])];
        if kind == 0 {
            break;
        }
        seen |= kind;
        n -= 1;
    }
    let t = lo + n;
    if t == stop || stop - t >= MAX_WORD || bytes[t] == b'.' {
        return Word::Plain;
    }
    if t > content_start
        && bytes[t - 1] >= 0x80
        && text
            .get(..t)
            .and_then(|s| s.chars().next_back())
            .is_some_and(char::is_alphanumeric)
    {
        // Part of a longer word, such as `élan` or `naïve`.
        return Word::Plain;
    }
    let token = &bytes[t..stop];
    if seen & DIGIT != 0 {
        // A list marker (`1.`) at the start of a sentence does not end it.
        let marker = t == content_start && token.len() <= 2 && seen == DIGIT;
        return if marker { Word::Never } else { Word::Plain };
    }
    if seen & DOT != 0 {
        return dotted(token);
    }
    letters_word(token)
}

/// The low bit of each byte of a `u64`.
const EACH: u64 = 0x0101_0101_0101_0101;
/// The high bit of each byte of a `u64`.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is an ASCII letter, no other bits.
fn ascii_letters(x: u64) -> u64 {
    // Folded to lowercase, a letter is `a..=z`; no sum carries past its
    // byte, as the high bits are cleared first (and bytes with it set are
    // no letters).
    let low = (x | (0x20 * EACH)) & !HIGH;
    let from_a = low + (0x80 - u64::from(b'a')) * EACH;
    let past_z = low + (0x80 - u64::from(b'z') - 1) * EACH;
    from_a & !past_z & !x & HIGH
}

/// Classifies a word of ASCII letters only, such as `Mr`, `etc` or `J`.
fn letters_word(token: &[u8]) -> Word {
    if token.len() == 1 {
        return match token[0] {
            b'A'..=b'Z' => Word::Either,
            b'v' => Word::Never,
            _ => Word::Plain,
        };
    }
    if token.len() > MAX_ABBREVIATION {
        return Word::Plain;
    }
    let shape = if token.iter().all(u8::is_ascii_lowercase) {
        Shape::Lower
    } else if token.iter().all(u8::is_ascii_uppercase) {
        Shape::Upper
    } else if token[0].is_ascii_uppercase() && token[1..].iter().all(u8::is_ascii_lowercase) {
        Shape::Capital
    } else {
        return Word::Plain;
    };
    let mut lower = [0_u8; MAX_ABBREVIATION];
    for (l, &b) in lower.iter_mut().zip(token) {
        *l = b.to_ascii_lowercase();
    }
    abbreviation(&lower[..token.len()], shape)
}

/// Classifies a dotted token such as `U.S`, `a.m`, `Ph.D` or `e.g` (the
/// final full stop not included).
fn dotted(token: &[u8]) -> Word {
    let mut parts = 0;
    for part in token.split(|&b| b == b'.') {
        if part.is_empty() || part.len() > 2 {
            return Word::Plain;
        }
        parts += 1;
    }
    if parts < 2 {
        Word::Plain
    } else if token.eq_ignore_ascii_case(b"e.g") || token.eq_ignore_ascii_case(b"i.e") {
        Word::Never
    } else {
        Word::Either
    }
}

/// Looks up a lowercased undotted abbreviation written in `shape`. None
/// is longer than [`MAX_ABBREVIATION`] bytes, which [`word_before`] relies on.
fn abbreviation(lower: &[u8], shape: Shape) -> Word {
    use Shape::{Capital, Lower, Upper};
    match (lower, shape) {
        // Titles and honorifics, always followed by a name.
        (
            b"mr" | b"mrs" | b"ms" | b"mx" | b"dr" | b"prof" | b"gen" | b"col" | b"lt" | b"sgt"
            | b"capt" | b"cmdr" | b"adm" | b"maj" | b"rev" | b"sen" | b"rep" | b"gov" | b"pres"
            | b"supt" | b"insp" | b"det" | b"const" | b"hon" | b"mt" | b"ft" | b"messrs"
            | b"atty" | b"brig" | b"cpl" | b"pvt",
            Capital,
        )
        | (
            b"mr" | b"mrs" | b"dr" | b"prof" | b"gen" | b"capt" | b"sgt" | b"gov" | b"sen",
            Upper,
        )
        // Lowercase abbreviations that sit inside a sentence.
        | (b"vs" | b"cf" | b"approx" | b"est" | b"viz", _) => Word::Never,
        (b"no" | b"nos" | b"nr", Capital | Upper) => Word::Number,
        // Abbreviations that may also close a sentence.
        (
            b"inc" | b"ltd" | b"co" | b"corp" | b"bros" | b"dept" | b"univ" | b"jr" | b"sr"
            | b"st" | b"ave" | b"blvd" | b"assn",
            Capital | Upper,
        )
        | (b"etc" | b"al", Lower | Capital)
        | (
            b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept"
            | b"oct" | b"nov" | b"dec" | b"mon" | b"tue" | b"tues" | b"wed" | b"thu"
            | b"thurs" | b"fri" | b"sat" | b"sun",
            Capital,
        ) => Word::Either,
        _ => Word::Plain,
    }
}

/// True if the word at `i` typically opens a sentence (`The`, `He`, `But`,
/// `Mr.`), so an abbreviation before it ends the previous one.
fn is_opener(text: &str, i: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    // Every opener begins with a capital.
    if !bytes.get(i).is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let mut e = i;
    while e < end && e - i < MAX_WORD && bytes[e].is_ascii_alphabetic() {
        e += 1;
    }
    let word = &bytes[i..e];
    if word.is_empty() {
        return false;
    }
    if e < end {
        let after = bytes[e];
        if after == b'.' {
            return matches!(word, b"Mr" | b"Mrs" | b"Ms" | b"Dr" | b"Prof");
        }
        if after.is_ascii_alphanumeric()
            || (after >= 0x80 && char_at(text, e, end).is_some_and(char::is_alphanumeric))
        {
            return false;
        }
    }
    matches!(
        word,
        b"The"
            | b"A"
            | b"An"
            | b"He"
            | b"She"
            | b"It"
            | b"They"
            | b"We"
            | b"I"
            | b"You"
            | b"But"
            | b"And"
            | b"Or"
            | b"Nor"
            | b"So"
            | b"Yet"
            | b"This"
            | b"That"
            | b"These"
            | b"Those"
            | b"There"
            | b"Here"
            | b"His"
            | b"Her"
            | b"Their"
            | b"Its"
            | b"Our"
            | b"My"
            | b"Your"
            | b"In"
            | b"On"
            | b"At"
            | b"As"
            | b"To"
            | b"For"
            | b"From"
            | b"By"
            | b"With"
            | b"Without"
            | b"During"
            | b"Despite"
            | b"Under"
            | b"After"
            | b"Before"
            | b"When"
            | b"While"
            | b"If"
            | b"Although"
            | b"Though"
            | b"Because"
            | b"Since"
            | b"Until"
            | b"Unless"
            | b"Once"
            | b"Meanwhile"
            | b"However"
            | b"Moreover"
            | b"Furthermore"
            | b"Nevertheless"
            | b"Nonetheless"
            | b"Still"
            | b"Instead"
            | b"Indeed"
            | b"Also"
            | b"Then"
            | b"Now"
            | b"Thus"
            | b"Today"
            | b"Yesterday"
            | b"Earlier"
            | b"Later"
            | b"What"
            | b"Who"
            | b"Why"
            | b"How"
            | b"Where"
            | b"Which"
            | b"Some"
            | b"Many"
            | b"Most"
            | b"Several"
            | b"Both"
            | b"Each"
            | b"Every"
            | b"All"
            | b"No"
            | b"Not"
            | b"None"
            | b"Other"
            | b"Others"
            | b"Such"
            | b"Even"
            | b"Only"
    )
}

/// Trims `text[a..b]` and pushes it unless nothing but punctuation is left.
fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, a: usize, b: usize) {
    let Some(s) = text.get(a..b) else {
        return;
    };
    // ASCII ends and a letter or digit first, as most sentences have, need
    // no decoding; anything else goes the general way.
    let bytes = s.as_bytes();
    let lead = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let tail = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(lead, |p| p + 1);
    // (U+000B is the one ASCII space that `is_ascii_whitespace` leaves out.)
    if lead < tail
        && bytes[lead].is_ascii_alphanumeric()
        && bytes[tail - 1].is_ascii()
        && bytes[tail - 1] != 0x0B
    {
        out.push(a + lead..a + tail);
        return;
    }
    let rest = s.trim_start_matches(is_space);
    let lead = s.len() - rest.len();
    let body = rest.trim_end_matches(is_space);
    if all_marks(body) {
        return;
    }
    out.push(a + lead..a + lead + body.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences of a whole string, as strings.
    fn sentences(text: &str) -> Vec<&str> {
        let spans = split(text, 0, text.len());
        check(text, 0, text.len(), &spans);
        spans.into_iter().map(|r| &text[r]).collect()
    }

    /// Asserts the documented invariants of `split(text, start, end)`.
    fn check(text: &str, start: usize, end: usize, spans: &[Range<usize>]) {
        let mut last = start;
        for r in spans {
            assert!(r.start < r.end, "empty range {r:?} in {text:?}");
            assert!(r.start >= last, "overlap or disorder at {r:?} in {text:?}");
            assert!(r.end <= end, "range {r:?} past {end} in {text:?}");
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            let s = &text[r.clone()];
            assert_eq!(s, s.trim_matches(is_space), "untrimmed {s:?}");
            assert!(!s.chars().all(is_mark), "punctuation only: {s:?}");
            last = r.end;
        }
    }

    #[test]
    fn ascii_spaces_are_ascii_whitespace_and_vertical_tab() {
        for c in (0..128_u8).map(char::from) {
            assert_eq!(
                is_space(c),
                c.is_ascii_whitespace() || c == '\u{b}',
                "{c:?}"
            );
        }
        assert_eq!(sentences("\u{b} It rained.\u{b} \u{b}"), ["It rained."]);
    }

    #[test]
    fn the_longest_abbreviations_are_still_abbreviations() {
        // Six letters, MAX_ABBREVIATION: one more makes a word plain at once.
        assert_eq!(abbreviation(b"messrs", Shape::Capital), Word::Never);
        assert_eq!(abbreviation(b"approx", Shape::Lower), Word::Never);
        assert_eq!(
            sentences("Messrs. Smith and Jones came at approx. Noon. They left."),
            [
                "Messrs. Smith and Jones came at approx. Noon.",
                "They left."
            ]
        );
    }

    #[test]
    fn empty_and_blank_paragraphs_give_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences("   \n\t ").is_empty());
        assert!(sentences("\u{feff}").is_empty());
    }

    #[test]
    fn full_stop_before_capital_ends_a_sentence() {
        assert_eq!(
            sentences("The storm hit. Police closed roads. Nobody was hurt."),
            ["The storm hit.", "Police closed roads.", "Nobody was hurt."]
        );
    }

    #[test]
    fn headline_without_stop_is_one_sentence() {
        assert_eq!(sentences("Storm hits coast"), ["Storm hits coast"]);
        assert_eq!(
            sentences("It rained. Storm hits coast"),
            ["It rained.", "Storm hits coast"]
        );
    }

    #[test]
    fn question_and_exclamation_marks_end_sentences() {
        assert_eq!(
            sentences("Who knew? Nobody did! Really?! Yes!! Fine."),
            ["Who knew?", "Nobody did!", "Really?!", "Yes!!", "Fine."]
        );
    }

    #[test]
    fn lowercase_after_stop_does_not_split() {
        assert_eq!(
            sentences("It was 5 ft. tall and wide. Yahoo! said nothing."),
            ["It was 5 ft. tall and wide.", "Yahoo! said nothing."]
        );
    }

    #[test]
    fn digit_or_symbol_after_stop_starts_a_sentence() {
        assert_eq!(
            sentences("Prices rose. 42 shops closed. $5 was the fee."),
            ["Prices rose.", "42 shops closed.", "$5 was the fee."]
        );
        assert_eq!(
            sentences("Figures came in 2024. Sales fell."),
            ["Figures came in 2024.", "Sales fell."]
        );
    }

    #[test]
    fn closing_quote_belongs_to_the_sentence() {
        assert_eq!(
            sentences("He said: \"Stop it.\" Then he left."),
            ["He said: \"Stop it.\"", "Then he left."]
        );
        assert_eq!(
            sentences("She said \u{201c}No.\u{201d} He agreed."),
            ["She said \u{201c}No.\u{201d}", "He agreed."]
        );
        assert_eq!(
            sentences("It was \u{2018}over.\u{2019} Then more came."),
            ["It was \u{2018}over.\u{2019}", "Then more came."]
        );
        assert_eq!(
            sentences("He called it 'a mess.' Others agreed."),
            ["He called it 'a mess.'", "Others agreed."]
        );
    }

    #[test]
    fn closing_bracket_belongs_to_the_sentence() {
        assert_eq!(
            sentences("Shares fell (again.) Traders shrugged. [See above.] End."),
            [
                "Shares fell (again.)",
                "Traders shrugged.",
                "[See above.]",
                "End."
            ]
        );
    }

    #[test]
    fn stop_after_closing_quote_ends_a_sentence() {
        assert_eq!(
            sentences("He called it \"a disaster\". The mayor disagreed."),
            ["He called it \"a disaster\".", "The mayor disagreed."]
        );
        assert_eq!(
            sentences("She cited Acme Inc. (\"the firm\"). Shares rose."),
            ["She cited Acme Inc. (\"the firm\").", "Shares rose."]
        );
    }

    #[test]
    fn quoted_question_before_lowercase_stays_one_sentence() {
        assert_eq!(
            sentences("\"Is it over?\" she asked. \"Yes!\" he said."),
            ["\"Is it over?\" she asked.", "\"Yes!\" he said."]
        );
    }

    #[test]
    fn comma_inside_quote_does_not_split() {
        assert_eq!(
            sentences("\"We won,\" he said. \u{201c}We lost,\u{201d} she said."),
            ["\"We won,\" he said.", "\u{201c}We lost,\u{201d} she said."]
        );
    }

    #[test]
    fn opening_quote_or_bracket_starts_a_sentence() {
        assert_eq!(
            sentences("He left. \"Good,\" she said. (Nobody cared.) \u{201c}Fine.\u{201d}"),
            [
                "He left.",
                "\"Good,\" she said.",
                "(Nobody cared.)",
                "\u{201c}Fine.\u{201d}"
            ]
        );
        assert_eq!(
            sentences("She said: \"Go.\" \"Now,\" he added."),
            ["She said: \"Go.\"", "\"Now,\" he added."]
        );
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            sentences("Mr. Smith met Dr. Jones and Gen. Lee. Then Prof. The Great spoke."),
            [
                "Mr. Smith met Dr. Jones and Gen. Lee.",
                "Then Prof. The Great spoke."
            ]
        );
        assert_eq!(
            sentences(
                "Mrs. Ng, Ms. Ali, Col. Hart, Lt. Cole, Sgt. Park, Capt. Ross, Cmdr. Bay, \
                 Adm. Kirk, Maj. Tom, Rev. Green, Sen. Kay, Rep. Omar, Gov. Hochul, \
                 Pres. Ruto, Supt. Wong, Insp. Morse, Det. Lane, Const. Bell, Hon. Ms. Lee, \
                 Mt. Fuji and Ft. Worth came."
            )
            .len(),
            1
        );
    }

    #[test]
    fn all_caps_titles_never_end_a_sentence() {
        assert_eq!(
            sentences("MR. SMITH GOES TO TOWN"),
            ["MR. SMITH GOES TO TOWN"]
        );
        assert_eq!(sentences("DR. NO RETURNS"), ["DR. NO RETURNS"]);
    }

    #[test]
    fn ex_titles_are_still_titles() {
        assert_eq!(
            sentences("The ex-Gov. Smith spoke."),
            ["The ex-Gov. Smith spoke."]
        );
    }

    #[test]
    fn initials_do_not_end_a_sentence() {
        assert_eq!(
            sentences("J. K. Rowling met George W. Bush. They talked."),
            ["J. K. Rowling met George W. Bush.", "They talked."]
        );
        assert_eq!(
            sentences("A. A. Milne wrote it. E. B. White did not."),
            ["A. A. Milne wrote it.", "E. B. White did not."]
        );
    }

    #[test]
    fn initial_or_numeral_ends_a_sentence_before_an_opener() {
        assert_eq!(
            sentences("It was World War I. The war ended. They chose plan B. It worked."),
            [
                "It was World War I.",
                "The war ended.",
                "They chose plan B.",
                "It worked."
            ]
        );
    }

    #[test]
    fn dotted_acronyms_inside_a_sentence_do_not_split() {
        assert_eq!(
            sentences("The U.S. State Department and the U.N. Security Council met."),
            ["The U.S. State Department and the U.N. Security Council met."]
        );
        assert_eq!(
            sentences("The U.K. Treasury, the E.U. Commission and N.A.T.O. Allies agreed."),
            ["The U.K. Treasury, the E.U. Commission and N.A.T.O. Allies agreed."]
        );
        assert_eq!(
            sentences("Ph.D. Candidate Jane Doe spoke."),
            ["Ph.D. Candidate Jane Doe spoke."]
        );
        assert_eq!(
            sentences("The U.S. 10-year yield rose."),
            ["The U.S. 10-year yield rose."]
        );
    }

    #[test]
    fn dotted_acronym_ends_a_sentence_before_an_opener() {
        assert_eq!(
            sentences("He moved to the U.S. The move paid off."),
            ["He moved to the U.S.", "The move paid off."]
        );
        assert_eq!(
            sentences(
                "She flew to Washington, D.C. Mr. Lee met her. He lives in the U.S.A. We don't."
            ),
            [
                "She flew to Washington, D.C.",
                "Mr. Lee met her.",
                "He lives in the U.S.A.",
                "We don't."
            ]
        );
        assert_eq!(
            sentences(
                "He earned a Ph.D. In 2010 he left. Back to the U.K. \"It's home,\" he said."
            ),
            [
                "He earned a Ph.D.",
                "In 2010 he left.",
                "Back to the U.K.",
                "\"It's home,\" he said."
            ]
        );
    }

    #[test]
    fn titles_after_an_acronym_do_not_split() {
        assert_eq!(
            sentences("U.S. Rep. Omar and U.S. Sen. Kay spoke."),
            ["U.S. Rep. Omar and U.S. Sen. Kay spoke."]
        );
    }

    #[test]
    fn company_and_name_suffixes_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            sentences("He works at Acme Inc. The firm grew. Shares of Foo Ltd. Rose."),
            [
                "He works at Acme Inc.",
                "The firm grew.",
                "Shares of Foo Ltd. Rose."
            ]
        );
        assert_eq!(
            sentences(
                "Martin Luther King Jr. He spoke. Warner Bros. Pictures agreed. Acme Co. But why?"
            ),
            [
                "Martin Luther King Jr.",
                "He spoke.",
                "Warner Bros. Pictures agreed.",
                "Acme Co.",
                "But why?"
            ]
        );
        assert_eq!(
            sentences("Bob Jones Jr., who ran Acme Corp., left."),
            ["Bob Jones Jr., who ran Acme Corp., left."]
        );
    }

    #[test]
    fn etc_ends_a_sentence_only_before_an_opener() {
        assert_eq!(
            sentences("Apples, pears, etc. are sold. Apples, pears, etc. They sell."),
            [
                "Apples, pears, etc. are sold.",
                "Apples, pears, etc.",
                "They sell."
            ]
        );
        assert_eq!(
            sentences("Smith et al. The study found more."),
            ["Smith et al.", "The study found more."]
        );
    }

    #[test]
    fn street_abbreviation_ends_a_sentence_only_before_an_opener() {
        assert_eq!(
            sentences("They met at St. Paul's on Main St. The church was full."),
            ["They met at St. Paul's on Main St.", "The church was full."]
        );
    }

    #[test]
    fn month_abbreviations_before_a_number_never_split() {
        assert_eq!(
            sentences("On Jan. 5 the court met. It sat again Sept. 12 and Dec. 1."),
            [
                "On Jan. 5 the court met.",
                "It sat again Sept. 12 and Dec. 1."
            ]
        );
        assert_eq!(
            sentences("The vote is Tue. March 3. Results came in Feb. The count was slow."),
            [
                "The vote is Tue. March 3.",
                "Results came in Feb.",
                "The count was slow."
            ]
        );
    }

    #[test]
    fn abbreviation_lookup_is_case_sensitive_for_real_words() {
        assert_eq!(
            sentences("The cat sat. Dogs barked. The sun. Moon rose."),
            ["The cat sat.", "Dogs barked.", "The sun.", "Moon rose."]
        );
    }

    #[test]
    fn am_and_pm_split_only_before_an_opener() {
        assert_eq!(
            sentences("It starts at 9 a.m. Monday and ends at 5 p.m. The doors open early."),
            [
                "It starts at 9 a.m. Monday and ends at 5 p.m.",
                "The doors open early."
            ]
        );
        assert_eq!(
            sentences("It starts at 9 A.M. Friday. It ends at 5 P.M. Then we go."),
            [
                "It starts at 9 A.M. Friday.",
                "It ends at 5 P.M.",
                "Then we go."
            ]
        );
    }

    #[test]
    fn e_g_and_i_e_never_split() {
        assert_eq!(
            sentences("Some fruit, e.g. Apples, is cheap. Others, i.e. The rest, are not."),
            [
                "Some fruit, e.g. Apples, is cheap.",
                "Others, i.e. The rest, are not."
            ]
        );
        assert_eq!(
            sentences("Use tools (e.g., saws) and more, cf. Smith, vs. Jones v. Brown."),
            ["Use tools (e.g., saws) and more, cf. Smith, vs. Jones v. Brown."]
        );
        assert_eq!(
            sentences("It weighs approx. 5 kg, est. 1990."),
            ["It weighs approx. 5 kg, est. 1990."]
        );
    }

    #[test]
    fn number_abbreviation_before_a_digit_does_not_split() {
        assert_eq!(
            sentences("He lives at No. 10 Downing Street. Nos. 3 and 4 are empty."),
            [
                "He lives at No. 10 Downing Street.",
                "Nos. 3 and 4 are empty."
            ]
        );
        assert_eq!(
            sentences("The answer was No. Then talks ended."),
            ["The answer was No.", "Then talks ended."]
        );
        assert_eq!(
            sentences("He said no. 5 people left."),
            ["He said no.", "5 people left."]
        );
    }

    #[test]
    fn decimals_and_amounts_never_split() {
        assert_eq!(
            sentences("It cost $2.5 bn, up 3.5% at 6.10am on 1.2.2024. Fine."),
            ["It cost $2.5 bn, up 3.5% at 6.10am on 1.2.2024.", "Fine."]
        );
        assert_eq!(
            sentences("The rate was 4.25. Markets rose."),
            ["The rate was 4.25.", "Markets rose."]
        );
    }

    #[test]
    fn urls_and_versions_never_split() {
        assert_eq!(
            sentences(
                "See www.example.com or v1.2.3 of Foo.Bar today. Visit example.org. It works."
            ),
            [
                "See www.example.com or v1.2.3 of Foo.Bar today.",
                "Visit example.org.",
                "It works."
            ]
        );
    }

    #[test]
    fn list_marker_at_the_start_does_not_split() {
        assert_eq!(
            sentences("1. The first point. 2. The second."),
            ["1. The first point.", "2. The second."]
        );
    }

    #[test]
    fn ellipsis_splits_only_before_capital_or_quote() {
        assert_eq!(
            sentences(
                "We waited... and then it came... It was late... \"Sorry,\" he said... 5 more."
            ),
            [
                "We waited... and then it came...",
                "It was late...",
                "\"Sorry,\" he said... 5 more."
            ]
        );
    }

    #[test]
    fn unicode_ellipsis_behaves_like_three_dots() {
        assert_eq!(
            sentences("We waited\u{2026} and then it came\u{2026} It was late."),
            ["We waited\u{2026} and then it came\u{2026}", "It was late."]
        );
        assert_eq!(
            sentences("\u{201c}Well\u{2026}\u{201d} He paused."),
            ["\u{201c}Well\u{2026}\u{201d}", "He paused."]
        );
    }

    #[test]
    fn spaced_ellipsis_does_not_split_early() {
        assert_eq!(
            sentences("Wait . . . and then. Go . . . Now."),
            ["Wait . . . and then.", "Go . . .", "Now."]
        );
    }

    #[test]
    fn single_line_breaks_are_whitespace() {
        assert_eq!(
            sentences("The storm\nhit the coast. Police\nclosed roads.\nNobody was hurt"),
            [
                "The storm\nhit the coast.",
                "Police\nclosed roads.",
                "Nobody was hurt"
            ]
        );
        assert_eq!(
            sentences("A short line\nThen another line"),
            ["A short line\nThen another line"]
        );
    }

    #[test]
    fn crlf_inside_a_paragraph_is_whitespace() {
        assert_eq!(
            sentences("The storm\r\nhit. Police came.\r\nThey left.\r\n"),
            ["The storm\r\nhit.", "Police came.", "They left."]
        );
    }

    #[test]
    fn non_zero_start_offsets_give_absolute_ranges() {
        let text = "Title line\n\nIt rained. Mr. Smith left.\n\nNext paragraph.";
        let start = text.find("It").unwrap();
        let end = text.find("\n\nNext").unwrap();
        let spans = split(text, start, end);
        check(text, start, end, &spans);
        assert_eq!(spans, [start..start + 10, start + 11..end]);
        assert_eq!(&text[spans[1].clone()], "Mr. Smith left.");
    }

    #[test]
    fn abbreviation_lookback_stops_at_the_paragraph_start() {
        // Read from byte 1, `Dr.` is just `r.`, not a title.
        let text = "Dr. Smith left";
        let spans = split(text, 1, text.len());
        check(text, 1, text.len(), &spans);
        let got: Vec<&str> = spans.into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["r.", "Smith left"]);
    }

    #[test]
    fn bom_and_stray_whitespace_are_trimmed() {
        assert_eq!(
            sentences("\u{feff}  It rained.  \t Police came. \u{200b}"),
            ["It rained.", "Police came."]
        );
        assert_eq!(
            sentences("\u{a0}It rained.\u{2003}Police came.\u{3000}"),
            ["It rained.", "Police came."]
        );
    }

    #[test]
    fn punctuation_only_sentences_are_dropped() {
        assert!(sentences("...").is_empty());
        assert!(sentences("\u{2014}").is_empty());
        assert!(sentences(" . ! ? ").is_empty());
        assert_eq!(
            sentences("It ended. \u{2014} \u{2026} Then came more."),
            ["It ended.", "Then came more."]
        );
        assert_eq!(
            sentences("It ended. - ! Then came more."),
            ["It ended.", "Then came more."]
        );
        assert_eq!(
            sentences("It ended. \"Yes,\" he said. (Then more.)"),
            ["It ended.", "\"Yes,\" he said.", "(Then more.)"]
        );
    }

    #[test]
    fn emoji_and_multibyte_text_split_on_char_boundaries() {
        assert_eq!(
            sentences("Café owners cheered 🎉. Über drivers did not! 🎉🎉 Great. Ça va."),
            [
                "Café owners cheered 🎉.",
                "Über drivers did not!",
                "🎉🎉 Great.",
                "Ça va."
            ]
        );
        assert_eq!(
            sentences("Das Gespräch endete. Élan returned. naïve. Überall."),
            ["Das Gespräch endete.", "Élan returned. naïve.", "Überall."]
        );
        assert_eq!(
            sentences("Family 👨‍👩‍👧‍👦 arrived. 北京 hosted it. Москва ответила. ещё нет."),
            [
                "Family 👨‍👩‍👧‍👦 arrived.",
                "北京 hosted it.",
                "Москва ответила. ещё нет."
            ]
        );
    }

    #[test]
    fn right_to_left_text_splits_on_stops() {
        assert_eq!(
            sentences("قال الوزير. \u{200f}وصل الوفد! שלום עולם. Done."),
            ["قال الوزير.", "\u{200f}وصل الوفد!", "שלום עולם.", "Done."]
        );
    }

    #[test]
    fn out_of_range_or_split_char_offsets_are_clamped() {
        let text = "Ça va. Oui.";
        let spans = split(text, 1, 1000);
        check(text, 0, text.len(), &spans);
        let got: Vec<&str> = spans.into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["a va.", "Oui."]);
        assert!(split(text, 9, 3).is_empty());
        assert!(split("", 5, 9).is_empty());
    }

    /// Strings chosen to stress every branch: stray multibyte lead bytes
    /// after stops, lone quotes, control characters, mixed scripts.
    const TRICKY: &[&str] = &[
        "",
        ".",
        "...",
        "\u{2026}",
        "\u{2026}\u{2026} \u{2026}",
        "\0",
        "a.\0B",
        "\0. \0. \0",
        ". A",
        "A. ",
        "x.\u{201d}",
        "x.\u{201d} ",
        "x. \u{201c}",
        "x. \u{201c}\u{201c}",
        "x. \u{201c}a",
        "x. '",
        "x. ((",
        "\u{e2}\u{80} done.",
        "Mr.",
        "Mr. ",
        "U.S.",
        "U.S. ",
        "U.S. The",
        "No. ",
        "No. 1",
        "e.g. ",
        ". . .",
        "!? ?! !! ??",
        "\u{feff}\u{feff}.\u{feff}",
        "\r\n.\r\n.\r\n",
        "1.",
        "1. ",
        "12. A",
        "🎉.🎉. 🎉! 🎉?",
        "x.\u{a0}Y",
        "x. \u{2028}Y",
        "قال. وصل.",
        "a\u{301}. B\u{301}.",
        "Ω. ω. Ǆ. ǅ.",
        "x. ¡Hola! ¿Qué? «Oui.» Non.",
        "x.\u{2019}\u{2019}\u{2019} \u{2018}\u{2018}Y",
        "\u{1F600}\u{1F600}. \u{10FFFF}. \u{7f}.",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa. B",
        "A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.Q.R. The",
        "\u{301}.\u{301}. \u{301}",
    ];

    #[test]
    fn never_panics_and_keeps_invariants_on_tricky_strings() {
        for text in TRICKY {
            for start in 0..=text.len() + 1 {
                for end in start..=text.len() + 1 {
                    let spans = split(text, start, end);
                    let (s, e) = clamp(text, start, end);
                    check(text, s, e, &spans);
                }
            }
        }
    }

    #[test]
    fn never_panics_on_random_mixtures() {
        const PIECES: &[&str] = &[
            "Mr", "U.S", "e.g", "No", "Inc", "etc", "The", "he", "J", "a.m", "3", "5", ".", ".",
            ".", "!", "?", "\u{2026}", " ", " ", " ", "\n", "\r\n", "\"", "\u{201c}", "\u{201d}",
            "'", "(", ")", "]", "\u{2019}", "\u{feff}", "🎉", "é", "Ω", "ش", "\0", "\u{2014}",
            "\u{a0}", "www", "x",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut text = String::new();
        for _ in 0..3000 {
            text.clear();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let len = (state % 24) as usize;
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            let spans = split(&text, 0, text.len());
            check(&text, 0, text.len(), &spans);
            let mid = text.len() / 3;
            let spans = split(&text, mid, text.len());
            let (s, e) = clamp(&text, mid, text.len());
            check(&text, s, e, &spans);
        }
    }

    /// Rough throughput check; run with
    /// `cargo test --release -p factdrill-core sentences -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing, run by hand in release mode"]
    fn throughput() {
        let paragraph = "WASHINGTON (Reuters) - U.S. Sen. John Smith said on Jan. 5 that \
            the U.S. economy grew 3.5% in the quarter, up from $2.5 bn. \u{201c}We are \
            pleased,\u{201d} Dr. Jane Doe of Acme Inc. told reporters at 9 a.m. The \
            company, founded by J. K. Rowling's cousin... was not available! Really? \
            See www.example.com for details, e.g. the full report. Shares rose.\n";
        let text = paragraph.repeat(20 * 1024 * 1024 / paragraph.len());
        let mut secs = f64::INFINITY;
        let mut count = 0;
        for _ in 0..5 {
            let t = std::time::Instant::now();
            count = 0;
            let mut offset = 0;
            for line in text.split_inclusive('\n') {
                count += split(&text, offset, offset + line.len()).len();
                offset += line.len();
            }
            secs = secs.min(t.elapsed().as_secs_f64());
        }
        let mb = text.len() as f64 / 1e6;
        println!(
            "{mb:.1} MB, {count} sentences in {secs:.3} s: {:.0} MB/s",
            mb / secs
        );
        assert!(count > 0);
    }
}
