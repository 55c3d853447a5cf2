//! Runs the stages in order. Callers that time stages (the bench command) call
//! [`run_stage`] themselves; the engine never reads the clock.

use crate::doc::{Doc, Meta};
use crate::{claims, clean, coref, dates, entities, numbers, quotes, segment, stance, subjects};

#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// No cleaning: the text is taken as given, so offsets refer to the input exactly.
    pub keep_text: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Segment,
    Entities,
    Coreference,
    Quotes,
    Numbers,
    Claims,
    Stance,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::Segment,
        Stage::Entities,
        Stage::Coreference,
        Stage::Quotes,
        Stage::Numbers,
        Stage::Claims,
        Stage::Stance,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Stage::Segment => "segment",
            Stage::Entities => "entities",
            Stage::Coreference => "coreference",
            Stage::Quotes => "quotes",
            Stage::Numbers => "numbers",
            Stage::Claims => "claims",
            Stage::Stance => "stance",
        }
    }
}

/// Stage *clean*: makes the `Doc` from raw text and metadata.
pub fn start(raw: &str, meta: Meta, options: Options) -> Doc {
    let published = meta.published.as_deref().and_then(dates::parse_published);
    let mut doc = Doc {
        meta,
        published,
        ..Doc::default()
    };
    clean::clean(&mut doc, raw, options.keep_text);
    doc
}

pub fn run_stage(doc: &mut Doc, stage: Stage) {
    match stage {
        Stage::Segment => segment::segment(doc),
        Stage::Entities => entities::entities(doc),
        Stage::Coreference => coref::coreference(doc),
        Stage::Quotes => quotes::quotes(doc),
        Stage::Numbers => {
            doc.numbers = numbers::find_numbers(&doc.text);
            doc.dates = dates::find_dates(&doc.text, doc.published);
            dates::date_quotes(doc);
        }
        Stage::Claims => {
            claims::claims(doc);
            subjects::link_subjects(doc);
        }
        Stage::Stance => stance::stances(doc),
    }
}

/// The whole pipeline: clean → segment → entities → coreference → quotes → numbers → claims
/// → stance.
pub fn extract(raw: &str, meta: Meta, options: Options) -> Doc {
    let mut doc = start(raw, meta, options);
    for stage in Stage::ALL {
        run_stage(&mut doc, stage);
    }
    doc
}
