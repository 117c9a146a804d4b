//! `factdrill backup` and `factdrill restore`: a consistent copy of the
//! progress store, taken while it may be in use, and putting one back.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::app::{BackupArgs, RestoreArgs};
use crate::error::input;
use crate::store::{Contents, FILE_NAME, Store};
use crate::{clock, learner};

/// Runs `factdrill backup FILE`.
pub fn backup(args: &BackupArgs) -> anyhow::Result<ExitCode> {
    let dir = learner::data_dir(args.data_dir.as_deref())?;
    if !dir.join(FILE_NAME).exists() {
        return Err(input(format!(
            "{}: no progress store to back up yet (a quiz stores the first answers)",
            dir.join(FILE_NAME).display()
        )));
    }
    let store = Store::open(&dir)?;
    let contents = store.backup_to(&args.file, args.force)?;
    let size = std::fs::metadata(&args.file).map_or(0, |m| m.len());
    writeln!(
        io::stdout(),
        "Backed up {} to {} ({}, {}).",
        store.path().display(),
        args.file.display(),
        describe(&contents),
        bytes(size)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `factdrill restore FILE`.
pub fn restore(args: &RestoreArgs) -> anyhow::Result<ExitCode> {
    let dir = learner::data_dir(args.data_dir.as_deref())?;
    let stamp = clock::now()?.strftime("%Y%m%dT%H%M%SZ").to_string();
    let restored = crate::store::restore(&dir, &args.file, &stamp)?;
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "Restored {} as {} ({}).",
        args.file.display(),
        restored.store.display(),
        describe(&restored.contents)
    )?;
    if let Some(kept) = &restored.kept {
        writeln!(out, "The store it replaced is kept as {}.", kept.display())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// "2 players, 5 sessions, 31 answers".
fn describe(c: &Contents) -> String {
    [
        (c.players, "player"),
        (c.sessions, "session"),
        (c.answers, "answer"),
    ]
    .map(|(n, what)| format!("{n} {what}{}", if n == 1 { "" } else { "s" }))
    .join(", ")
}

fn bytes(n: u64) -> String {
    const KIB: u64 = 1024;
    if n < KIB {
        format!("{n} bytes")
    } else if n < KIB * KIB {
        format!("{:.0} KiB", n as f64 / KIB as f64)
    } else {
        format!("{:.1} MiB", n as f64 / (KIB * KIB) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_contents_read_plainly() {
        assert_eq!(bytes(512), "512 bytes");
        assert_eq!(bytes(40_960), "40 KiB");
        assert_eq!(bytes(3 * 1024 * 1024), "3.0 MiB");
        let c = Contents {
            players: 1,
            sessions: 2,
            answers: 0,
        };
        assert_eq!(describe(&c), "1 player, 2 sessions, 0 answers");
    }
}
