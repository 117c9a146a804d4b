//! `factdrill reset`: forget a player's answers and cards, all of them or
//! one deck's, after asking (or with `--yes`).

use std::io::{self, Write};
use std::process::ExitCode;

use crate::app::ResetArgs;
use crate::error::input;
use crate::output::clean;
use crate::store::{FILE_NAME, Progress, Store};
use crate::{learner, prompt};

/// Exit code when the learner answers no.
const DECLINED: u8 = 1;

/// Runs `factdrill reset`.
pub fn run(args: &ResetArgs) -> anyhow::Result<ExitCode> {
    prompt::apply_no_color();
    let name = args.player.trim();
    if name.is_empty() {
        return Err(input("--player: give the name of the player to reset"));
    }
    let dir = learner::data_dir(args.data_dir.as_deref())?;
    if !dir.join(FILE_NAME).exists() {
        return Err(input(format!(
            "no player named \"{}\": no progress is stored in {} yet",
            clean(name),
            dir.display()
        )));
    }
    let mut store = Store::open(&dir)?;
    store.reap()?;
    let Some(player) = store.find_player(name)? else {
        let names: Vec<String> = store.player_names()?.iter().map(|n| clean(n)).collect();
        let known = if names.is_empty() {
            "there are none yet".to_owned()
        } else {
            format!("players: {}", names.join(", "))
        };
        return Err(input(format!(
            "no player named \"{}\" in {} ({known})",
            clean(name),
            store.path().display()
        )));
    };
    let deck = match args.deck.as_deref() {
        Some(given) => Some((crate::commands::stats::deck_id(&store, given)?, given)),
        None => None,
    };
    let deck_id = deck.as_ref().map(|(id, _)| id.as_str());
    let scope = match &deck {
        Some((_, given)) => format!("on deck {}", clean(given)),
        None => "on every deck".to_owned(),
    };
    let progress = store.progress(player, deck_id)?;
    let shown = clean(name);
    if deck.is_some() && progress == Progress::default() {
        writeln!(
            io::stdout(),
            "{shown} has no progress {scope}; nothing to reset."
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.yes {
        let question = format!(
            "Forget {shown}'s {} {scope}{}? This cannot be undone",
            describe(&progress),
            if deck.is_none() {
                " (and the player)"
            } else {
                ""
            }
        );
        match prompt::confirm(&question)? {
            Some(true) => {}
            Some(false) => {
                writeln!(io::stderr(), "Nothing was reset.")?;
                return Ok(ExitCode::from(DECLINED));
            }
            None => {
                return Err(input(format!(
                    "not resetting {shown}'s progress without confirmation: there is no terminal to ask on; add --yes to reset anyway"
                )));
            }
        }
    }
    let done = store.reset(player, deck_id)?;
    writeln!(
        io::stdout(),
        "Forgot {shown}'s {} {scope}{}.",
        describe(&done),
        if deck.is_none() {
            "; the player is gone from the store"
        } else {
            ""
        }
    )?;
    Ok(ExitCode::SUCCESS)
}

/// "3 sessions, 12 answers and 8 cards" (each card's review log goes
/// with it).
fn describe(p: &Progress) -> String {
    let parts = [
        (p.sessions, "session"),
        (p.answers, "answer"),
        (p.cards, "card"),
    ]
    .map(|(n, what)| format!("{n} {what}{}", if n == 1 { "" } else { "s" }));
    format!("{}, {} and {}", parts[0], parts[1], parts[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_reads_as_counted_things() {
        let p = Progress {
            sessions: 1,
            answers: 12,
            cards: 0,
            reviews: 2,
        };
        assert_eq!(describe(&p), "1 session, 12 answers and 0 cards");
    }
}
