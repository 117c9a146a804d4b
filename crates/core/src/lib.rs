//! factdrill-core: the pure library behind factdrill.
//!
//! The pipeline reads in module order: [`article`] (title, byline, front
//! matter, paragraphs) → [`sentences`] (byte spans) → [`facts`] (who, where,
//! when, how much; aliases, roles, salience). Everything here is text in,
//! values out: no terminal, no clock, no global random number generator.
//!
//! ```
//! let article = factdrill_core::Article::parse(
//!     "Storm hits coast\n\nPolice said 60 excavators reached Sydney on Tuesday night.\n",
//! )
//! .unwrap();
//! let facts = factdrill_core::facts::extract(&article);
//! assert!(facts.entities.iter().any(|e| e.canonical == "Sydney"));
//! assert!(facts.entities.iter().any(|e| e.canonical == "Tuesday night"));
//! ```

pub mod article;
pub mod check;
pub mod deck;
pub mod export;
pub mod facts;
mod gazetteer;
pub mod questions;
pub mod schedule;
pub mod sentences;
mod tokens;

pub use article::{Article, ArticleError, Field, Paragraph, Sentence};
pub use facts::{Category, Entity, Facts, Kind, Mention};
pub use questions::{Question, Style};
