//! `factdrill completions SHELL` and `factdrill man`: shell completions
//! (`clap_complete`) and manual pages (`clap_mangen`), made from the same
//! definitions as `--help`.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::CommandFactory as _;

use crate::app::{Cli, CompletionsArgs, ManArgs};
use crate::error::input;

/// Runs `factdrill completions SHELL`.
pub fn completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "factdrill", &mut script);
    // Written in one go here, so a closed pipe is an error we handle rather
    // than a panic inside the generator.
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `factdrill man [COMMAND]`.
pub fn man(args: &ManArgs) -> anyhow::Result<ExitCode> {
    let mut page = Vec::new();
    render(args.command.as_deref(), &mut page)?;
    let mut out = io::stdout().lock();
    out.write_all(&page)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The roff page of factdrill, or of its subcommand `command`.
fn render(command: Option<&str>, out: &mut Vec<u8>) -> anyhow::Result<()> {
    let mut cli = Cli::command();
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => {
            let Some(sub) = cli.find_subcommand(name) else {
                let known: Vec<&str> = cli.get_subcommands().map(clap::Command::get_name).collect();
                return Err(input(format!(
                    "man: no command named \"{}\" (commands: {})",
                    crate::output::clean(name),
                    known.join(", ")
                )));
            };
            // Built, a subcommand is displayed (and its page titled) by
            // its whole name: factdrill-quiz(1).
            sub.clone()
        }
    };
    clap_mangen::Man::new(page).render(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_has_its_own_page_and_an_unknown_one_is_named() {
        let mut page = Vec::new();
        render(Some("quiz"), &mut page).unwrap();
        let page = String::from_utf8(page).unwrap();
        assert!(page.contains(".TH factdrill-quiz 1"), "{page}");
        assert!(page.contains("resume"), "{page}");
        let err = render(Some("nope"), &mut Vec::new())
            .unwrap_err()
            .to_string();
        assert!(err.contains("no command named \"nope\""), "{err}");
        assert!(err.contains("quiz"), "{err}");
    }
}
