//! Commands: one module per subcommand.

pub mod facts;
