//! Output helpers: text that reaches the terminal never carries the
//! article's control characters or escape sequences.

use std::fmt::Write as _;

/// A character a terminal would act on rather than show: a control
/// character (C0, DEL, C1: escape sequences, BEL, NUL) or a bidi control
/// that reorders the text around it.
fn hostile(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}'
        )
}

/// Replaces control characters (escape sequences, bidi overrides, NUL)
/// with visible stand-ins, keeping ordinary text as it is.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            c if hostile(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// `value` as pretty JSON in which every control and bidi character is a
/// `\uXXXX` escape (serde escapes only C0), so the same value reaches a
/// program and nothing reaches a terminal raw.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    if !text.chars().any(|c| c != '\n' && hostile(c)) {
        return Ok(text);
    }
    let mut out = String::with_capacity(text.len() + 64);
    for c in text.chars() {
        if c != '\n' && hostile(c) {
            // Such characters lie inside strings (serde writes none
            // outside) and all in the Basic Multilingual Plane.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Ok(out)
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

    #[test]
    fn json_escapes_c1_and_bidi_controls_and_keeps_the_value() {
        let value = serde_json::json!({"t": "a\u{9b}31m\u{202e}b\u{2066}\u{1b}é\n"});
        let text = json(&value).unwrap();
        assert!(!text.chars().any(|c| c != '\n' && hostile(c)), "{text:?}");
        assert!(text.contains(r"a\u009b31m\u202eb\u2066\u001bé\n"), "{text}");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            value
        );
    }
}
