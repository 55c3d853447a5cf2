//! sourced's extraction engine: one news article in, its ledger of attributed claims out.
//!
//! The engine is pure: it takes text and metadata from the caller and never touches files,
//! the network or the clock. A [`Doc`] owns the cleaned text; each stage adds one layer:
//! clean → segment → entities → coreference → quotes → numbers → claims → stance.
//!
//! ```
//! use sourced_engine::{extract, Ledger, Meta, Options};
//! let doc = extract("About 40 soldiers were killed, the army said.", Meta::default(), Options::default());
//! let ledger = Ledger::from_doc(&doc);
//! assert_eq!(ledger.quotes.len(), 1);
//! ```

pub mod claims;
pub mod clean;
pub mod coref;
pub mod dates;
pub mod doc;
pub mod entities;
pub mod ledger;
pub mod lexicon;
pub mod numbers;
pub mod pipeline;
pub mod quotes;
pub mod segment;
pub mod stance;
pub mod subjects;
pub mod words;

pub use doc::{Doc, Meta};
pub use ledger::Ledger;
pub use pipeline::{extract, Options, Stage};
