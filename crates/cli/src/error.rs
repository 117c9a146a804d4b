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

/// Output into a closed pipe: an I/O error, or JSON written straight to
/// standard output (`serde_json` keeps the I/O error's kind, not the error).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
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

#[cfg(test)]
mod tests {
    use super::*;

    struct ClosedPipe;

    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn json_into_a_closed_pipe_is_a_broken_pipe_and_other_errors_are_not() {
        let err = serde_json::to_writer(ClosedPipe, &[1, 2]).unwrap_err();
        assert!(is_broken_pipe(&anyhow::Error::from(err)));
        let io = io::Error::from(io::ErrorKind::BrokenPipe);
        assert!(is_broken_pipe(&anyhow::Error::from(io)));
        assert!(!is_broken_pipe(&input("x.txt: is empty")));
        let syntax = serde_json::from_str::<u8>("x").unwrap_err();
        assert!(!is_broken_pipe(&anyhow::Error::from(syntax)));
    }
}
