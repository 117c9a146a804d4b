//! Interrupt: Ctrl-C, SIGTERM, SIGHUP (a closed terminal) in the middle of a
//! quiz keep every answer, mark the session interrupted and leave the
//! terminal usable.
//!
//! Every answer is already committed when it is given; what a signal adds is
//! the session's end. The handler runs on its own thread: it waits until no
//! answer is being written (the [`hold`] guard), marks the session
//! interrupted through a connection of its own, restores the terminal
//! settings saved when the quiz began, shows the cursor and exits with 130.

use std::fs::File;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, PoisonError};

use nix::sys::termios::{self, SetArg, Termios};

/// Exit code after an interrupt (128 + SIGINT, as shells report it).
pub const EXIT_CODE: i32 = 130;

/// What the handler needs to close a session.
#[derive(Debug)]
struct Active {
    store: Option<PathBuf>,
    session: String,
}

#[derive(Debug, Default)]
struct State {
    active: Option<Active>,
    terminal: Option<(File, Termios)>,
}

static STATE: Mutex<State> = Mutex::new(State {
    active: None,
    terminal: None,
});

fn state() -> MutexGuard<'static, State> {
    STATE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Installs the handler for SIGINT, SIGTERM and SIGHUP and saves the
/// terminal's settings, once per process.
pub fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        if let Ok(tty) = File::options().read(true).write(true).open("/dev/tty")
            && let Ok(saved) = termios::tcgetattr(&tty)
        {
            state().terminal = Some((tty, saved));
        }
        // Failing to install (another handler exists) leaves the default
        // action, which still keeps every committed answer.
        let _ = ctrlc::set_handler(|| stop(EXIT_CODE));
    });
}

/// Registers the running session: `store` is the database file (`None`
/// with `--no-save`).
pub fn begin(store: Option<PathBuf>, session: &str) {
    state().active = Some(Active {
        store,
        session: session.to_owned(),
    });
}

/// Forgets the running session (it ended normally).
pub fn end() {
    state().active = None;
}

/// Holds off the handler while an answer is written, so a signal never
/// lands between an answer and its session's score.
pub fn hold() -> impl Drop {
    state()
}

/// Puts the terminal back as it was: saved settings, cursor shown.
pub fn restore_terminal() {
    let state = state();
    restore(&state);
}

fn restore(state: &State) {
    if let Some((tty, saved)) = &state.terminal {
        let _ = termios::tcsetattr(tty, SetArg::TCSANOW, saved);
        let mut tty = tty;
        let _ = tty.write_all(b"\x1b[?25h");
        let _ = tty.flush();
    }
}

/// Ends the running session as interrupted, restores the terminal and exits
/// with `code`. Called by the signal handler, and by the main thread when a
/// prompt reports that it was interrupted.
pub fn stop(code: i32) -> ! {
    let state = state();
    restore(&state);
    if let Some(active) = &state.active {
        let kept = active
            .store
            .as_deref()
            .and_then(|path| crate::store::Store::open_file(path).ok())
            .and_then(|mut store| {
                let now = crate::clock::now_ms().ok()?;
                store
                    .finish(&active.session, crate::store::Status::Interrupted, now)
                    .ok()?;
                store.answered(&active.session).ok()
            });
        let mut err = std::io::stderr().lock();
        let _ = match kept {
            Some(n) => writeln!(
                err,
                "\nfactdrill: session interrupted; {n} answer{} kept",
                if n == 1 { "" } else { "s" }
            ),
            None => writeln!(err, "\nfactdrill: session interrupted"),
        };
    }
    std::process::exit(code)
}
