//! Errors the user sees: one line, a fixed exit code, and a broken pipe is
//! not an error.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

/// Exit code for bad usage or bad input (missing file, broken article).
pub const USAGE: u8 = 2;
/// Exit code for any other failure.
pub const FAILURE: u8 = 1;

/// An error about what the user gave us: exits with [`USAGE`].
#[derive(Debug)]
pub struct InputError(pub String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

/// Builds an [`InputError`] as an `anyhow::Error`.
pub fn input(message: impl Into<String>) -> anyhow::Error {
    InputError(message.into()).into()
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Turns the program's result into an exit code, printing an error once.
pub fn report(result: anyhow::Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let code = if err.chain().any(<dyn std::error::Error>::is::<InputError>) {
                USAGE
            } else {
                FAILURE
            };
            let message = crate::output::clean(&format!("{err:#}"));
            let _ = writeln!(io::stderr(), "factdrill: {message}");
            ExitCode::from(code)
        }
    }
}
