//! Prompt: the quiz in a real terminal, through dialoguer.
//!
//! Choice and true/false questions are a `Select` (arrow keys, Enter; Esc
//! stops), typed and cloze questions an `Input` (an empty answer skips;
//! Ctrl-C stops). The question itself is printed wrapped to the terminal's
//! width, with its text cleaned of control characters; after each answer
//! comes the verdict, the right answer and the sentence it is from.
//!
//! dialoguer draws on a terminal it is given and reads keys from
//! `/dev/tty`: we give it standard error, or standard output when standard
//! error is redirected (`2>log`). A `Select` needs three rows, so a smaller
//! terminal gets a typed prompt for the option's letter instead.

use console::{Key, Term, style};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Input, Select};
use factdrill_core::Style;
use factdrill_core::check::Verdict;
use factdrill_core::schedule::Rating;

use crate::output::clean;
use crate::session::{Ask, Asker, Marked, Reply};

/// The quiz's terminal side.
pub struct Terminal {
    term: Term,
    theme: Box<dyn Theme>,
}

impl std::fmt::Debug for Terminal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Terminal").finish_non_exhaustive()
    }
}

/// Honours `NO_COLOR` (any non-empty value) for everything printed.
pub fn apply_no_color() {
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        console::set_colors_enabled(false);
        console::set_colors_enabled_stderr(false);
    }
}

/// The terminal to draw prompts on: standard error, else standard output;
/// `None` when neither is a terminal.
pub fn terminal() -> Option<Term> {
    [Term::stderr(), Term::stdout()]
        .into_iter()
        .find(Term::is_term)
}

impl Terminal {
    /// A quiz on `term`.
    pub fn new(term: Term) -> Terminal {
        let theme: Box<dyn Theme> = if console::colors_enabled_stderr() {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Terminal { term, theme }
    }

    fn width(&self) -> usize {
        usize::from(self.term.size().1).clamp(20, 100)
    }

    fn rows(&self) -> usize {
        usize::from(self.term.size().0)
    }

    fn line(&self, text: &str) -> anyhow::Result<()> {
        self.painted(text, ToOwned::to_owned)
    }

    /// Writes `text` wrapped to the terminal's width, continuation lines
    /// keeping the first line's indent, each line painted by `paint`.
    fn painted(&self, text: &str, paint: impl Fn(&str) -> String) -> anyhow::Result<()> {
        let indent = &text[..text.len() - text.trim_start().len()];
        let options = textwrap::Options::new(self.width() - 1).subsequent_indent(indent);
        for line in textwrap::wrap(text, options) {
            self.term.write_line(&paint(&line))?;
        }
        Ok(())
    }

    /// Prints the greeting: the deck's title and the keys.
    pub fn greet(&self, title: &str, count: usize) -> anyhow::Result<()> {
        self.line(&format!("{} {}", style("Quiz:").bold(), clean(title)))?;
        self.painted(
            &format!(
                "{count} questions. Arrow keys and Enter choose; an empty answer skips; Ctrl-C (or Esc in a menu) stops, keeping your answers."
            ),
            |l| style(l).dim().to_string(),
        )?;
        self.term.write_line("")?;
        Ok(())
    }

    fn select(&self, items: &[String]) -> anyhow::Result<Reply> {
        if self.rows() < 3 {
            // dialoguer's Select cannot draw in fewer than three rows.
            let letters = (b'a'..).take(items.len()).map(char::from);
            let menu: Vec<String> = letters
                .zip(items)
                .map(|(l, item)| format!("{l}) {}", clean(item)))
                .collect();
            for item in &menu {
                self.line(item)?;
            }
            return self.input("Letter");
        }
        let items: Vec<String> = items.iter().map(|i| clean(i)).collect();
        let chosen = Select::with_theme(self.theme.as_ref())
            .items(&items)
            .default(0)
            .report(false)
            .interact_on_opt(&self.term);
        match chosen {
            Ok(Some(i)) => Ok(Reply::Given(items[i].clone())),
            Ok(None) => Ok(Reply::Quit),
            Err(e) => Err(prompt_failed(e)),
        }
    }

    fn input(&self, label: &str) -> anyhow::Result<Reply> {
        let text = Input::<String>::with_theme(self.theme.as_ref())
            .with_prompt(label)
            .allow_empty(true)
            .report(false)
            .interact_text_on(&self.term);
        match text {
            Ok(text) => Ok(Reply::Given(text)),
            Err(e) => Err(prompt_failed(e)),
        }
    }
}

impl Terminal {
    /// One key press; Ctrl-C ends the session as a signal does.
    fn key(&self) -> anyhow::Result<Key> {
        self.term.flush()?;
        self.term
            .read_key()
            .map_err(|e| prompt_failed(dialoguer::Error::IO(e)))
    }
}

/// A prompt that failed because of Ctrl-C ends the quiz as a signal does;
/// any other failure (the terminal went away) is an error.
fn prompt_failed(err: dialoguer::Error) -> anyhow::Error {
    let dialoguer::Error::IO(io) = err;
    if io.kind() == std::io::ErrorKind::Interrupted {
        crate::interrupt::stop(crate::interrupt::EXIT_CODE);
    }
    anyhow::anyhow!("the terminal stopped answering ({io})")
}

/// The verdict line shown after an answer.
pub fn verdict_line(marked: &Marked) -> String {
    let expected = clean(&marked.expected);
    match marked.verdict {
        Verdict::Correct => format!("{} {expected}", style("✔ Right:").green().bold()),
        Verdict::Close => format!(
            "{} the spelling is {expected}",
            style("≈ Nearly:").yellow().bold()
        ),
        Verdict::Wrong if marked.skipped() => {
            format!(
                "{} the answer is {expected}",
                style("– Skipped:").yellow().bold()
            )
        }
        Verdict::Wrong => format!(
            "{} the answer is {expected}",
            style("✘ Not quite:").red().bold()
        ),
    }
}

/// The question's heading and prompt, as printed before the answer.
pub fn question_text(ask: &Ask<'_>) -> (String, String) {
    let q = ask.question;
    let round = if ask.retry { "Second try" } else { "Question" };
    let what = match q.style {
        Style::TrueFalse => "true or false?",
        Style::Cloze => "fill in the blank",
        Style::Choice => "choose one",
        Style::Wh => "type your answer",
        Style::Flashcard => "flashcard: recall, then grade yourself",
    };
    let heading = format!(
        "{round} {} of {} · {} · {what}",
        ask.number,
        ask.total,
        q.kind.as_str().replace('_', " ")
    );
    (heading, clean(&q.prompt))
}

impl Asker for Terminal {
    fn ask(&mut self, ask: &Ask<'_>) -> anyhow::Result<Reply> {
        let (heading, prompt) = question_text(ask);
        self.painted(&heading, |l| style(l).dim().to_string())?;
        self.painted(&prompt, |l| style(l).bold().to_string())?;
        match ask.question.style {
            Style::Choice | Style::TrueFalse if !ask.question.choices.is_empty() => {
                self.select(&ask.question.choices)
            }
            _ => self.input("Your answer"),
        }
    }

    fn tell(&mut self, _ask: &Ask<'_>, marked: &Marked) -> anyhow::Result<()> {
        if !marked.skipped() && marked.verdict != Verdict::Correct {
            self.line(&format!("  You said: {}", clean(&marked.given)))?;
        }
        self.line(&verdict_line(marked))?;
        self.painted(&format!("   “{}”", clean(&marked.sentence)), |l| {
            style(l).dim().to_string()
        })?;
        self.term.write_line("")?;
        Ok(())
    }

    fn self_grade(&mut self, ask: &Ask<'_>) -> anyhow::Result<Reply> {
        let (heading, prompt) = question_text(ask);
        self.painted(&heading, |l| style(l).dim().to_string())?;
        self.painted(&prompt, |l| style(l).bold().to_string())?;
        self.painted("Any key shows the answer (Esc stops).", |l| {
            style(l).dim().to_string()
        })?;
        if self.key()? == Key::Escape {
            return Ok(Reply::Quit);
        }
        self.painted(&format!("→ {}", clean(&ask.question.answer)), |l| {
            style(l).green().bold().to_string()
        })?;
        self.painted(&format!("   “{}”", clean(&ask.question.source)), |l| {
            style(l).dim().to_string()
        })?;
        self.line("How well did you remember? 1 Again · 2 Hard · 3 Good · 4 Easy")?;
        loop {
            let rating = match self.key()? {
                Key::Escape => return Ok(Reply::Quit),
                Key::Char(c) => Rating::parse(&c.to_string()),
                _ => None,
            };
            if let Some(rating) = rating {
                self.line(&format!("  {}", rating.as_str()))?;
                self.term.write_line("")?;
                return Ok(Reply::Graded(rating));
            }
        }
    }

    fn second_round(&mut self, missed: usize) -> anyhow::Result<()> {
        self.painted(
            &format!("A second try at the {missed} you missed (not counted in the score):"),
            |l| style(l).bold().to_string(),
        )?;
        self.term.write_line("")?;
        Ok(())
    }
}

/// Asks a yes/no question on the terminal (default no): `Some(answer)`, or
/// `None` when there is no terminal to ask on. Esc or Ctrl-C answer no.
pub fn confirm(question: &str) -> anyhow::Result<Option<bool>> {
    use std::io::IsTerminal as _;
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    let Some(term) = terminal() else {
        return Ok(None);
    };
    let theme: Box<dyn Theme> = if console::colors_enabled_stderr() {
        Box::new(ColorfulTheme::default())
    } else {
        Box::new(SimpleTheme)
    };
    let answer = dialoguer::Confirm::with_theme(theme.as_ref())
        .with_prompt(clean(question))
        .default(false)
        .interact_on_opt(&term);
    match answer {
        Ok(answer) => Ok(Some(answer.unwrap_or(false))),
        Err(dialoguer::Error::IO(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
            let _ = term.show_cursor();
            let _ = term.write_line("");
            Ok(Some(false))
        }
        Err(dialoguer::Error::IO(e)) => {
            Err(anyhow::anyhow!("the terminal stopped answering ({e})"))
        }
    }
}

impl Terminal {
    /// Prints a line of its own (wrapped, cleaned), such as what a resumed
    /// quiz picks up.
    pub fn say(&self, text: &str) -> anyhow::Result<()> {
        self.line(&clean(text))
    }
}
