//! Output helpers: text that reaches the terminal never carries the
//! article's control characters or escape sequences.

/// Replaces control characters (escape sequences, bidi overrides, NUL)
/// with visible stand-ins, keeping ordinary text as it is.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            c if c.is_control() => '\u{fffd}',
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {
                '\u{fffd}'
            }
            c => c,
        })
        .collect()
}

/// `part` of `of` as a percentage with one decimal; 0 when `of` is 0.
pub fn percent(part: i64, of: i64) -> f64 {
    if of == 0 {
        0.0
    } else {
        (part as f64 * 1000.0 / of as f64).round() / 10.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        assert_eq!(clean("a\u{1b}[31mb"), "a\u{fffd}[31mb");
        assert_eq!(clean("x\u{202e}y"), "x\u{fffd}y");
        assert_eq!(clean("plain é"), "plain é");
    }
}
