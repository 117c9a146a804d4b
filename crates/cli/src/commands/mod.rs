//! Commands: one module per subcommand.

pub mod check;
pub mod facts;
pub mod generate;
pub mod list;
pub mod quiz;
pub mod review;
pub mod stats;
