//! Commands: one module per subcommand.

pub mod check;
pub mod export;
pub mod facts;
pub mod generate;
pub mod quiz;
pub mod review;
pub mod stats;
