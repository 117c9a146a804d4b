//! Script: the quiz answered from a file or standard input, one answer per
//! line (an option's letter, number or text; an empty line skips), for
//! classrooms and tests.
//!
//! Lines are read one at a time, as the questions come, so answers piped in
//! slowly are stored as they arrive. When the lines run out before the
//! questions, the quiz stops there; spare lines are ignored.

use std::io::{BufRead, Write};

use factdrill_core::schedule::Rating;

use crate::output::clean;
use crate::prompt::{question_text, verdict_line};
use crate::session::{Ask, Asker, Marked, Reply};

/// Answers from a script; the questions and verdicts are written to `out`
/// unless quiet (JSON output).
pub struct Scripted<R, W> {
    lines: R,
    out: Option<W>,
    name: String,
}

impl<R, W> std::fmt::Debug for Scripted<R, W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scripted")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

impl<R: BufRead, W: Write> Scripted<R, W> {
    /// Reads answers from `lines` (named `name` in errors); writes the
    /// transcript to `out` when given.
    pub fn new(lines: R, out: Option<W>, name: &str) -> Self {
        Scripted {
            lines,
            out,
            name: name.to_owned(),
        }
    }
}

impl<R: BufRead, W: Write> Asker for Scripted<R, W> {
    fn ask(&mut self, ask: &Ask<'_>) -> anyhow::Result<Reply> {
        if let Some(out) = &mut self.out {
            let (heading, prompt) = question_text(ask);
            writeln!(out, "{heading}\n{prompt}")?;
            for (letter, choice) in (b'a'..).map(char::from).zip(&ask.question.choices) {
                writeln!(out, "  {letter}) {}", clean(choice))?;
            }
        }
        let mut line = Vec::new();
        let read = self.lines.read_until(b'\n', &mut line).map_err(|e| {
            crate::error::input(format!(
                "{}: cannot read answers: {}",
                self.name,
                crate::input::io_reason(&e)
            ))
        })?;
        if read == 0 {
            return Ok(Reply::RanOut);
        }
        let text = String::from_utf8_lossy(&line);
        let answer = text.trim_end_matches(['\n', '\r']).to_owned();
        if let Some(out) = &mut self.out {
            writeln!(out, "> {}", clean(&answer))?;
        }
        Ok(Reply::Given(answer))
    }

    fn tell(&mut self, _ask: &Ask<'_>, marked: &Marked) -> anyhow::Result<()> {
        if let Some(out) = &mut self.out {
            writeln!(out, "{}", verdict_line(marked))?;
            writeln!(out, "  “{}”\n", clean(&marked.sentence))?;
        }
        Ok(())
    }

    /// A flashcard's grade is a line: again, hard, good or easy (or a, h,
    /// g, e, or 1 to 4); an empty or unknown line is Again.
    fn self_grade(&mut self, ask: &Ask<'_>) -> anyhow::Result<Reply> {
        let reply = self.ask(ask)?;
        let Reply::Given(text) = reply else {
            return Ok(reply);
        };
        let rating = Rating::parse(&text).unwrap_or(Rating::Again);
        if let Some(out) = &mut self.out {
            writeln!(out, "→ {}", clean(&ask.question.answer))?;
            writeln!(out, "  graded {}\n", rating.as_str())?;
        }
        Ok(Reply::Graded(rating))
    }

    fn second_round(&mut self, missed: usize) -> anyhow::Result<()> {
        if let Some(out) = &mut self.out {
            writeln!(
                out,
                "A second try at the {missed} you missed (not counted in the score):\n"
            )?;
        }
        Ok(())
    }
}
