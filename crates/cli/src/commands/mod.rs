//! Commands: one module per subcommand.

pub mod backup;
pub mod check;
pub mod completions;
pub mod export;
pub mod facts;
pub mod generate;
pub mod list;
pub mod players;
pub mod quiz;
pub mod reset;
pub mod review;
pub mod stats;
