//! Tokens: words, numbers, symbols and punctuation of one sentence, with
//! byte spans into the article. The fact finders work on these.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (with inner apostrophes, dotted abbreviations like "U.S.").
    Word,
    /// Digits, with inner `.`, `,` or `:` between digits ("2.5", "1,000", "00:48").
    Number,
    /// A currency sign, `%` or `°`.
    Symbol,
    /// The possessive `'s` or `’s` split off a word.
    Possessive,
    /// Any other single character that is not whitespace.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Whitespace (or the sentence start) comes right before it.
    pub space_before: bool,
    /// Joined to the previous word by a hyphen or dash with no spaces.
    pub hyphen_before: bool,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// A word that starts with an uppercase letter. The first byte is read
    /// first: most tokens begin with a lowercase ASCII letter, and that
    /// alone rules them out.
    // Measured: asked in hot loops, where a call costs more than the body.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn is_capitalised(&self, text: &str) -> bool {
        match text.as_bytes().get(self.start) {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase() && self.is_word(),
            _ => {
                self.is_word()
                    && text[self.start..self.end]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            }
        }
    }

    /// A word of two or more letters, all uppercase ("CIS", "NATO", "U.S.").
    #[inline]
    pub fn is_all_caps(&self, text: &str) -> bool {
        // A lowercase ASCII letter first or second ("Paris") rules it out,
        // before the word is cut as a `str`.
        let bytes = &text.as_bytes()[self.start..self.end];
        if bytes.iter().take(2).any(u8::is_ascii_lowercase) {
            return false;
        }
        let word = &text[self.start..self.end];
        if !self.is_word() {
            return false;
        }
        if word.is_ascii() {
            let b = word.as_bytes();
            return b.iter().filter(|c| c.is_ascii_alphabetic()).count() >= 2
                && !b.iter().any(u8::is_ascii_lowercase);
        }
        word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && word.chars().all(|c| !c.is_lowercase())
    }

    /// Punctuation beginning with `ch`; its bytes are compared, no `str`
    /// is cut.
    #[inline]
    pub fn is_punct(&self, text: &str, ch: char) -> bool {
        self.kind == TokenKind::Punct
            && text.as_bytes()[self.start..self.end]
                .starts_with(ch.encode_utf8(&mut [0; 4]).as_bytes())
    }
}

/// `raw` as [`squeeze`] makes it, borrowed when it is plain ASCII
/// squeezed already (as most spans are).
pub(crate) fn squeezed(raw: &str) -> std::borrow::Cow<'_, str> {
    if is_squeezed_ascii(raw) {
        std::borrow::Cow::Borrowed(raw)
    } else {
        std::borrow::Cow::Owned(squeeze(raw))
    }
}

/// `text` with each run of whitespace (line breaks too) made one space,
/// and none at the ends.
pub(crate) fn squeeze(text: &str) -> String {
    // Most text is squeezed already: single spaces between words.
    if is_squeezed_ascii(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `text` is non-empty ASCII that [`squeeze`] would leave as it is: no leading,
/// trailing or doubled space and no other whitespace.
pub(crate) fn is_squeezed_ascii(text: &str) -> bool {
    let mut prev = b' ';
    for &c in text.as_bytes() {
        // Printable ASCII but a space after a space, or a control byte
        // other than the whitespace ones, passes.
        let ok = match c {
            b'!'..=0x7F => true,
            b' ' => prev != b' ',
            0x80.. => false,
            _ => !matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r'),
        };
        if !ok {
            return false;
        }
        prev = c;
    }
    prev != b' '
}

/// `raw` has a line break, tab, no-break space or two spaces in a row (or,
/// with `curly`, a ’): what [`squeeze`] or an apostrophe fix would change
/// in a span of tokens.
pub(crate) fn untidy(raw: &str, curly: bool) -> bool {
    let b = raw.as_bytes();
    let mut prev = 0u8;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'\n' | b'\r' | b'\t' => return true,
            b' ' if prev == b' ' => return true,
            // U+00A0 is C2 A0; U+2019 is E2 80 99.
            0xC2 if b.get(i + 1) == Some(&0xA0) => return true,
            0xE2 if curly && b.get(i + 1..i + 3) == Some(&[0x80, 0x99]) => return true,
            _ => {}
        }
        prev = c;
    }
    false
}

fn is_currency_or_unit_sign(c: char) -> bool {
    matches!(
        c,
        '$' | '€' | '£' | '¥' | '₹' | '₽' | '₩' | '₪' | '₦' | '₺' | '%' | '°'
    )
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '–')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Byte classes for [`tokenize`]'s fast paths, as bit flags: ASCII
/// whitespace.
const SPACE: u8 = 1;
/// An ASCII letter.
const ALPHA: u8 = 2;
/// An ASCII letter or digit.
const ALNUM: u8 = 4;
/// ASCII punctuation that is a token on its own (`$` and `%` are symbols).
const PUNCT: u8 = 8;
/// After a run of ASCII letters, may carry on the word: a digit, `'`
/// ("don't"), `.` ("U.S.") or any byte of a non-ASCII character.
const GLUE: u8 = 16;

/// The [`SPACE`], [`ALPHA`], ... flags of each byte.
static CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        table[i] = if b.is_ascii_whitespace() || b == 0x0B {
            SPACE
        } else if b.is_ascii_alphabetic() {
            ALPHA | ALNUM
        } else if b.is_ascii_digit() {
            ALNUM | GLUE
        } else if b == b'\'' || b == b'.' {
            PUNCT | GLUE
        } else if b == b'$' || b == b'%' {
            0
        } else if b.is_ascii_punctuation() {
            PUNCT
        } else if b >= 0x80 {
            GLUE
        } else {
            0
        };
        i += 1;
    }
    table
};

/// ASCII letters and digits, by byte.
fn is_ascii_alnum(b: u8) -> bool {
    CLASS[usize::from(b)] & ALNUM != 0
}

/// The 0x80 bit of each byte of `w` (read little-endian) that is not an
/// ASCII letter; exact up to the first such byte, which is all a scan for
/// the end of a word needs.
///
/// Or-ing in 0x20 folds uppercase letters onto lowercase; adding 0x1F sets
/// a byte's top bit from `a` up, adding 0x05 from `{` up. Only bytes of
/// 0x80 or more carry into the next byte, and they are not letters.
fn non_letter_bits(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let folded = w | (ONES * 0x20);
    let from_a = folded.wrapping_add(ONES * u64::from(0x80 - b'a'));
    let past_z = folded.wrapping_add(ONES * u64::from(0x7F - b'z'));
    !(from_a & !past_z) & (ONES * 0x80)
}

/// A plain ASCII word's letters in lowercase, up to 16 of them packed
/// little-endian into two `u64` and zero past the word's end: the key the
/// word-class table ([`crate::facts::times::class`]) looks words up by,
/// handed out as the tokenizer reads the word anyway.
pub(crate) type Letters = (u64, u64);

/// Eight 0x20 bytes: or-ed into ASCII letters, they lowercase them.
const LOWER: u64 = 0x2020_2020_2020_2020;

/// The eight bytes of `bytes` from `at` as a little-endian `u64`, zero
/// past the end of `bytes`.
#[inline]
fn load8(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        Some(chunk) => u64::from_le_bytes(*chunk),
        None => load_tail(bytes, at),
    }
}

/// [`load8`] for the last few bytes of the text.
#[cold]
#[inline(never)]
fn load_tail(bytes: &[u8], at: usize) -> u64 {
    let mut buf = [0u8; 8];
    let rest = bytes.get(at..).unwrap_or_default();
    buf[..rest.len()].copy_from_slice(rest);
    u64::from_le_bytes(buf)
}

/// The run of ASCII letters from the letter at `i` in `bytes` (the whole
/// text; nothing at or past `end` counts): where it ends, the byte there
/// (0 at `end`) and, when it has 16 letters or fewer, its [`Letters`].
/// Eight bytes are read at once, twice for longer words; words that run
/// to `end` or past 16 letters go on out of line.
// Measured: a call per word costs more than the body.
#[allow(clippy::inline_always)]
#[inline(always)]
fn word_run(bytes: &[u8], i: usize, end: usize) -> (usize, u8, Option<Letters>) {
    let w = load8(bytes, i);
    let other = non_letter_bits(w);
    if other != 0 {
        // The first such byte's top bit is bit 8k + 7, k ≥ 1: byte `i` is
        // a letter.
        let bit = other.trailing_zeros();
        let j = i + bit as usize / 8;
        if j < end {
            let letters = (w | LOWER) & !(u64::MAX << (bit - 7));
            return (j, (w >> (bit - 7)) as u8, Some((letters, 0)));
        }
    } else {
        let hi = load8(bytes, i + 8);
        let other = non_letter_bits(hi);
        if other != 0 {
            let bit = other.trailing_zeros();
            let j = i + 8 + bit as usize / 8;
            if j < end {
                // A shift by 0 (eight letters in all) keeps no byte.
                let letters = (hi | LOWER) & !(u64::MAX << (bit - 7));
                return (j, (hi >> (bit - 7)) as u8, Some((w | LOWER, letters)));
            }
        }
    }
    rare_word_run(bytes, i, end)
}

/// [`word_run`] one byte at a time: for words of more than 16 letters and
/// words that run to `end`.
#[cold]
#[inline(never)]
fn rare_word_run(bytes: &[u8], i: usize, end: usize) -> (usize, u8, Option<Letters>) {
    let (j, next) = long_letter_run(&bytes[..end], i);
    let letters = (j - i <= 16).then(|| {
        let mut packed = [0u8; 16];
        for (p, b) in packed.iter_mut().zip(&bytes[i..j]) {
            *p = b | 0x20;
        }
        let (lo, hi) = packed.split_at(8);
        (
            u64::from_le_bytes(lo.try_into().unwrap_or_default()),
            u64::from_le_bytes(hi.try_into().unwrap_or_default()),
        )
    });
    (j, next, letters)
}

/// The end of the run of ASCII letters in `bytes` from `j`, and the byte
/// there (0 at the end of `bytes`), one byte at a time.
fn long_letter_run(bytes: &[u8], j: usize) -> (usize, u8) {
    let rest = bytes.get(j..).unwrap_or_default();
    match rest.iter().position(|b| !b.is_ascii_alphabetic()) {
        Some(p) => (j + p, rest[p]),
        None => (j + rest.len(), 0),
    }
}

/// Splits `text[start..end]` into tokens, appending to `out` (cleared first).
pub(crate) fn tokenize(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    scan::<true>(text, start, end, out, |_, _, _| {});
}

/// [`tokenize`], telling `each` of every word, number and sign (not
/// punctuation or a possessive) as it is pushed: its index, the token and,
/// for a word of 16 ASCII letters or fewer met on the fast path, its
/// [`Letters`] (`None` for the others).
#[inline]
pub(crate) fn tokenize_each(
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<Token>,
    each: impl FnMut(usize, Token, Option<Letters>),
) {
    scan::<true>(text, start, end, out, each);
}

/// Pushes `t` onto `out`; punctuation and possessives are pushed alone,
/// `each` is told of the others.
// Measured: a call per token costs more than the body.
#[allow(clippy::inline_always)]
#[inline(always)]
fn push(
    out: &mut Vec<Token>,
    each: &mut impl FnMut(usize, Token, Option<Letters>),
    t: Token,
    letters: Option<Letters>,
) {
    let k = out.len();
    if !matches!(t.kind, TokenKind::Punct | TokenKind::Possessive) {
        if letters.is_some() {
            each(k, t, letters);
        } else {
            tell(each, k, t);
        }
    }
    out.push(t);
}

/// `each` told of a token without [`Letters`]: out of line, for the words,
/// numbers and signs off the fast path.
#[inline(never)]
fn tell(each: &mut impl FnMut(usize, Token, Option<Letters>), k: usize, t: Token) {
    each(k, t, None);
}

/// [`tokenize_each`], with the fast paths for plain ASCII words, spaces and
/// punctuation when `FAST` (tests check that both ways agree).
#[inline]
fn scan<const FAST: bool>(
    text: &str,
    start: usize,
    end: usize,
    out: &mut Vec<Token>,
    mut each: impl FnMut(usize, Token, Option<Letters>),
) {
    out.clear();
    let mut push = |t: Token, letters: Option<Letters>| push(out, &mut each, t, letters);
    // Positions are absolute; nothing is read at or past `end`, but for
    // the whole words' eight-byte loads, which mask what lies past it.
    let slice = &text[..end];
    let bytes = slice.as_bytes();
    let all = text.as_bytes();
    debug_assert!(start <= end && text.is_char_boundary(start));
    let mut space_before = true;
    let mut hyphen_pending = false;
    let mut i = start;
    while i < end {
        if FAST {
            // The common cases first: a space, punctuation, or an ASCII word
            // that ends at a byte that cannot carry it on ([`GLUE`]: not a
            // digit, an apostrophe, a dot or part of a non-ASCII character,
            // as in "U.S.", "don't", "Bakiyev's").
            let class = CLASS[usize::from(bytes[i])];
            if class & SPACE != 0 {
                space_before = true;
                hyphen_pending = false;
                i += 1;
                continue;
            }
            if class & ALPHA != 0 {
                let (j, next, letters) = word_run(all, i, end);
                // A full stop after three letters or more ends the word
                // too: only "U.S.", "a.m." or an initial "J." take it in.
                if CLASS[usize::from(next)] & GLUE == 0 || (next == b'.' && j - i > 2) {
                    push(
                        Token {
                            start: i,
                            end: j,
                            kind: TokenKind::Word,
                            space_before,
                            hyphen_before: hyphen_pending,
                        },
                        letters,
                    );
                    if next == b' ' {
                        // Most words end at a space before the next.
                        space_before = true;
                        hyphen_pending = false;
                        i = j + 1;
                        continue;
                    }
                    space_before = false;
                    // A hyphen joining two words: "Russian-dominated".
                    hyphen_pending = next == b'-'
                        && char_at_opt(slice, j + 1).is_some_and(char::is_alphanumeric);
                    i = j + usize::from(hyphen_pending);
                    continue;
                }
            } else if class & PUNCT != 0 {
                push(
                    Token {
                        start: i,
                        end: i + 1,
                        kind: TokenKind::Punct,
                        space_before,
                        hyphen_before: false,
                    },
                    None,
                );
                i += 1;
                space_before = false;
                hyphen_pending = false;
                continue;
            }
        }
        let Some(c) = char_at_opt(slice, i) else {
            break;
        };
        if c.is_whitespace() {
            space_before = true;
            hyphen_pending = false;
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut j = i + c.len_utf8();
            let mut possessive_at = None;
            if numeric {
                // Digits with inner separators followed by a digit.
                while j < end {
                    let b = bytes[j];
                    if b.is_ascii_digit() {
                        j += 1;
                    } else if matches!(b, b'.' | b',' | b':')
                        && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
            } else {
                let mut run = 1; // letters since the last inner dot
                let mut dotted = false;
                loop {
                    // ASCII letters and digits without decoding.
                    let ascii = bytes[j..]
                        .iter()
                        .position(|&b| !is_ascii_alnum(b))
                        .unwrap_or(bytes.len() - j);
                    j += ascii;
                    run += ascii;
                    let Some(next) = char_at_opt(slice, j) else {
                        break;
                    };
                    if next.is_alphanumeric() || is_combining(next) {
                        j += next.len_utf8();
                        run += 1;
                    } else if is_apostrophe(next) {
                        let after = char_at_opt(slice, j + next.len_utf8());
                        match after {
                            Some('s' | 'S')
                                if !char_at_opt(slice, j + next.len_utf8() + 1)
                                    .is_some_and(char::is_alphanumeric) =>
                            {
                                possessive_at = Some(j);
                                break;
                            }
                            Some(a) if a.is_alphabetic() => {
                                j += next.len_utf8();
                            }
                            // "Magistrates' Court", "Presidents' Day"
                            Some(' ')
                                if slice[i..j].ends_with('s')
                                    && char_at_opt(slice, j + next.len_utf8() + 1)
                                        .is_some_and(char::is_uppercase) =>
                            {
                                j += next.len_utf8();
                                break;
                            }
                            _ => break,
                        }
                    } else if next == '.' && run <= 2 {
                        // "U.S.", "a.m.", "Ph.D.", initials "J.".
                        let after = char_at_opt(slice, j + 1);
                        if after.is_some_and(char::is_alphabetic)
                            && char_at_opt(slice, j + 2).is_some_and(|c| c == '.')
                        {
                            j += 1;
                            run = 0;
                            dotted = true;
                        } else if dotted || (run == 1 && c.is_uppercase()) {
                            j += 1; // the closing dot of "U.S." or an initial "J."
                            break;
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
            }
            push(
                Token {
                    start: i,
                    end: j,
                    kind: if numeric {
                        TokenKind::Number
                    } else {
                        TokenKind::Word
                    },
                    space_before,
                    hyphen_before: hyphen_pending,
                },
                None,
            );
            if let Some(p) = possessive_at {
                let ap = char_at_opt(slice, p).map_or(1, char::len_utf8);
                push(
                    Token {
                        start: p,
                        end: p + ap + 1,
                        kind: TokenKind::Possessive,
                        space_before: false,
                        hyphen_before: false,
                    },
                    None,
                );
                j = p + ap + 1;
            }
            // Go on after what we consumed.
            i = j;
            space_before = false;
            hyphen_pending = false;
            // A dash joining two words: "U.S.-Kyrgyzstan", "Russian-dominated".
            if let Some(d) = char_at_opt(slice, i)
                && is_dash(d)
                && char_at_opt(slice, i + d.len_utf8()).is_some_and(char::is_alphanumeric)
            {
                i += d.len_utf8();
                hyphen_pending = true;
            }
            continue;
        }
        let kind = if is_currency_or_unit_sign(c) {
            TokenKind::Symbol
        } else {
            TokenKind::Punct
        };
        push(
            Token {
                start: i,
                end: i + c.len_utf8(),
                kind,
                space_before,
                hyphen_before: false,
            },
            None,
        );
        i += c.len_utf8();
        space_before = false;
        hyphen_pending = false;
    }
}

/// The character starting at byte `i`, if one does (ASCII without decoding).
fn char_at_opt(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some(char::from(b));
    }
    s.get(i..).and_then(|rest| rest.chars().next())
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(text, 0, text.len(), &mut out);
        out.iter()
            .map(|t| {
                let mut s = t.text(text).to_owned();
                if t.hyphen_before {
                    s.insert(0, '~');
                }
                s
            })
            .collect()
    }

    #[test]
    fn dotted_abbreviations_are_one_token() {
        assert_eq!(
            words("the U.S. and a.m. too"),
            ["the", "U.S.", "and", "a.m.", "too"]
        );
        assert_eq!(words("J. K. Rowling"), ["J.", "K.", "Rowling"]);
        assert_eq!(words("end of it."), ["end", "of", "it", "."]);
    }

    #[test]
    fn hyphens_join_words_but_mark_them() {
        assert_eq!(
            words("U.S.-Kyrgyzstan ties"),
            ["U.S.", "~Kyrgyzstan", "ties"]
        );
        assert_eq!(words("Russian-dominated"), ["Russian", "~dominated"]);
        assert_eq!(words("a - b"), ["a", "-", "b"]);
    }

    #[test]
    fn numbers_keep_inner_separators() {
        assert_eq!(
            words("$2.5bn and 1,000 at 00:48."),
            ["$", "2.5", "bn", "and", "1,000", "at", "00:48", "."]
        );
        assert_eq!(words("6.10am"), ["6.10", "am"]);
        assert_eq!(words("3.5%"), ["3.5", "%"]);
    }

    #[test]
    fn possessive_is_split_off() {
        assert_eq!(
            words("Russia’s aid isn’t"),
            ["Russia", "’s", "aid", "isn’t"]
        );
        assert_eq!(words("Bakiyev's"), ["Bakiyev", "'s"]);
    }

    #[test]
    fn squeeze_and_untidy_agree_on_spacing() {
        assert_eq!(squeeze(" a  b\n c "), "a b c");
        assert_eq!(squeeze("a b"), "a b");
        assert_eq!(squeeze("a\u{a0}b"), "a b");
        assert_eq!(squeeze(""), "");
        for t in [
            "a b",
            "  a\u{a0}\u{2028}b  c\t",
            "\u{1f}x \u{1c}",
            "é  ü ",
            "\n",
            "a\r\nb",
        ] {
            assert_eq!(
                squeeze(t),
                t.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
        for t in [
            "a b", "a  b", " a", "a ", "a\u{b}b", "a\u{c}b", "a\rb", "a\tb", "é b", "",
        ] {
            assert_eq!(
                is_squeezed_ascii(t),
                !t.is_empty() && t.is_ascii() && squeeze(t) == t,
                "{t:?}"
            );
        }
        assert!(untidy("a  b", false));
        assert!(untidy("a\u{a0}b", false));
        assert!(untidy("a\nb", false));
        assert!(!untidy("a’b", false));
        assert!(untidy("a’b", true));
        assert!(!untidy("a b é ‘x’", false));
    }

    /// Odd and ordinary pieces of text for the tokenizers to agree on.
    const PIECES: &[&str] = &[
        "U.S.",
        "a.m.",
        "J.",
        "Ph.D.",
        "don't",
        "Bakiyev's",
        "Russia’s",
        "isn’t",
        "Magistrates' ",
        "Court",
        "x’",
        "'s",
        "’",
        "-",
        "‐",
        "–",
        "—",
        "2.5",
        "1,000",
        "00:48",
        "6.10am",
        "3.5%",
        "$",
        "€",
        "°",
        ".",
        ",",
        "!",
        "?",
        "(",
        "\"",
        "\u{a0}",
        "\n",
        "\t",
        "\r\n",
        "\u{b}",
        " ",
        "  ",
        "é",
        "élan",
        "naïve",
        "e\u{301}",
        "Москва",
        "東京",
        "🙂",
        "ß",
        "İstanbul",
        "abcdefghijklmnop",
        "Kyrgyzstan",
        "Russian-dominated",
        "a",
        "Z",
        "x9",
        "9x",
        "s",
        "S",
        "\u{202e}",
        "_",
        "@",
        "`",
        "{",
        "~",
        "\u{7f}",
        "\u{1f}",
    ];

    #[test]
    fn fast_paths_agree_with_the_general_one() {
        // A fixed xorshift stream of piece sequences, tokenized whole and
        // as inner spans (so that look-ahead past `end` is exercised).
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut fast, mut general) = (Vec::new(), Vec::new());
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..next() % 24 {
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
                if next() % 3 == 0 {
                    text.push(' ');
                }
            }
            let cuts: Vec<usize> = (0..=text.len())
                .filter(|&c| text.is_char_boundary(c))
                .collect();
            let a = cuts[(next() % cuts.len() as u64) as usize];
            let b = cuts[(next() % cuts.len() as u64) as usize];
            for (start, end) in [(0, text.len()), (a.min(b), a.max(b))] {
                let mut told = Vec::new();
                scan::<true>(&text, start, end, &mut fast, |k, t, letters| {
                    told.push((k, t, letters));
                });
                scan::<false>(&text, start, end, &mut general, |_, _, _| {});
                assert_eq!(fast, general, "{:?}", &text[start..end]);
                assert!(fast.iter().all(|t| start <= t.start && t.end <= end));
                assert_eq!(
                    told.iter().map(|&(k, _, _)| k).collect::<Vec<_>>(),
                    (0..fast.len())
                        .filter(|&k| !matches!(
                            fast[k].kind,
                            TokenKind::Punct | TokenKind::Possessive
                        ))
                        .collect::<Vec<_>>()
                );
                for (k, t, letters) in told {
                    assert_eq!(fast[k], t);
                    if let Some(letters) = letters {
                        assert_eq!(Some(letters), packed(&text[t.start..t.end]));
                    }
                }
            }
        }
    }

    /// `word` in lowercase as [`Letters`], if it has 16 bytes or fewer.
    fn packed(word: &str) -> Option<Letters> {
        let mut buf = [0u8; 16];
        buf.get_mut(..word.len())?
            .copy_from_slice(word.to_ascii_lowercase().as_bytes());
        let (lo, hi) = buf.split_at(8);
        Some((
            u64::from_le_bytes(lo.try_into().unwrap()),
            u64::from_le_bytes(hi.try_into().unwrap()),
        ))
    }

    #[test]
    fn word_run_stops_at_the_first_non_letter_or_the_end() {
        for b in 0..=255_u8 {
            for at in 1..20 {
                for tail in [b'a', b'-', 0xE2, 0xFF] {
                    let mut bytes = vec![tail; 30];
                    bytes[..at].fill(b'K');
                    bytes[at] = b;
                    for end in [at, at + 1, 30] {
                        let (j, next, letters) = word_run(&bytes, 0, end);
                        if end == at {
                            assert_eq!((j, next), (at, 0), "{b} at {at}");
                        } else if b.is_ascii_alphabetic() {
                            assert!(j > at, "{b} at {at}");
                        } else {
                            assert_eq!((j, next), (at, b), "{b} at {at}");
                        }
                        let word = std::str::from_utf8(&bytes[..j]).unwrap();
                        assert_eq!(letters, packed(word), "{b} at {at}");
                    }
                }
            }
        }
        assert_eq!(word_run(b"abc", 0, 3), (3, 0, packed("abc")));
        assert_eq!(word_run(b"abc", 1, 2), (2, 0, packed("b")));
    }

    #[test]
    fn never_panics_on_odd_text() {
        for s in [
            "",
            "’",
            "'s",
            "a.",
            "é.é.",
            "🙂-🙂",
            "U.",
            "-a",
            "a-",
            "\u{202e}abc",
            "x’",
        ] {
            let _ = words(s);
        }
    }
}
