//! Learner: who is studying (`--player`, else the login name) and where
//! their progress lives (`--data-dir`, else `FACTDRILL_HOME`, else the
//! platform's data folder).

use std::path::{Path, PathBuf};

/// Environment variable naming the data folder.
pub const HOME_ENV: &str = "FACTDRILL_HOME";

/// The player's name: `given`, else the login name, else `$USER`, else
/// "learner".
pub fn player(given: Option<&str>) -> String {
    if let Some(name) = given.map(str::trim).filter(|n| !n.is_empty()) {
        return name.to_owned();
    }
    let login = nix::unistd::User::from_uid(nix::unistd::getuid())
        .ok()
        .flatten()
        .map(|u| u.name);
    login
        .or_else(|| std::env::var("USER").ok())
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "learner".to_owned())
}

/// The data folder: `given`, else `FACTDRILL_HOME`, else the platform's
/// data folder for factdrill.
pub fn data_dir(given: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(dir) = given {
        return Ok(dir.to_owned());
    }
    if let Some(dir) = std::env::var_os(HOME_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "factdrill")
        .map(|dirs| dirs.data_dir().to_owned())
        .ok_or_else(|| {
            crate::error::input(format!(
                "cannot find a data folder for your progress (no home folder); use --data-dir or {HOME_ENV}"
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_given_player_wins_and_blank_names_fall_back() {
        assert_eq!(player(Some(" ana ")), "ana");
        assert!(!player(Some("  ")).is_empty());
        assert!(!player(None).is_empty());
    }

    #[test]
    fn a_given_data_dir_wins() {
        let dir = data_dir(Some(Path::new("/tmp/x"))).unwrap();
        assert_eq!(dir, PathBuf::from("/tmp/x"));
    }
}
