//! The extraction JSON of `../shared/eval/SCHEMA.md` ("System output"), `stancemap.extraction/1`.
//!
//! Invariant: ids are `e1…`, `q1…`, `r1…` in output order, and offsets are UTF-8 byte offsets
//! into the article's text.

use serde::{Deserialize, Serialize};

use super::{Extraction, Polarity};
use crate::article::Article;

/// The schema id written into every document.
pub const SCHEMA: &str = "stancemap.extraction/1";

/// The whole JSON document.
#[derive(Debug, Serialize, Deserialize)]
pub struct Output {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// About the article.
    pub document: Document,
    /// Actors.
    pub entities: Vec<EntityOut>,
    /// Quotes and reported statements.
    pub quotes: Vec<QuoteOut>,
    /// Stances, affiliations, memberships.
    pub relations: Vec<RelationOut>,
}

/// About the article.
#[derive(Debug, Serialize, Deserialize)]
pub struct Document {
    /// Title, if any.
    pub title: Option<String>,
    /// Length of the text in bytes.
    pub chars: usize,
    /// Number of sentences.
    pub sentences: usize,
}

/// A byte range.
#[derive(Debug, Serialize, Deserialize)]
pub struct SpanOut {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// One entity.
#[derive(Debug, Serialize, Deserialize)]
pub struct EntityOut {
    /// `e1`, `e2`, …
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: String,
    /// Other names.
    pub aliases: Vec<String>,
    /// Mentions.
    pub mentions: Vec<SpanOut>,
}

/// One quote or statement.
#[derive(Debug, Serialize, Deserialize)]
pub struct QuoteOut {
    /// `q1`, `q2`, …
    pub id: String,
    /// The words.
    pub text: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Entity id of the speaker.
    pub speaker: Option<String>,
    /// The speech cue.
    pub cue: Option<String>,
    /// True for reported speech.
    pub indirect: bool,
}

/// One piece of evidence.
#[derive(Debug, Serialize, Deserialize)]
pub struct EvidenceOut {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text.
    pub text: String,
    /// Quote id, if the evidence is a quote.
    pub quote: Option<String>,
    /// The cue word.
    pub cue: String,
    /// The rule that produced it.
    pub rule: String,
}

/// One relation.
#[derive(Debug, Serialize, Deserialize)]
pub struct RelationOut {
    /// `r1`, `r2`, …
    pub id: String,
    /// `stance`, `affiliation` or `membership`.
    pub kind: String,
    /// Entity id.
    pub source: String,
    /// Entity id.
    pub target: String,
    /// Polarity.
    pub polarity: String,
    /// Short label.
    pub label: String,
    /// Role, for affiliations.
    pub role: Option<String>,
    /// Evidence.
    pub evidence: Vec<EvidenceOut>,
}

/// Builds the JSON document.
pub fn output(article: &Article, extraction: &Extraction) -> Output {
    let text = article.text();
    let eid = |i: usize| format!("e{}", i + 1);
    let qid = |i: usize| format!("q{}", i + 1);
    Output {
        schema: SCHEMA.to_owned(),
        document: Document {
            title: article.title().map(str::to_owned),
            chars: text.len(),
            sentences: article.sentences().len(),
        },
        entities: extraction
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| EntityOut {
                id: eid(i),
                name: e.name.clone(),
                kind: e.kind.as_str().to_owned(),
                aliases: e.aliases.clone(),
                mentions: e.mentions.iter().map(|s| SpanOut { start: s.start, end: s.end }).collect(),
            })
            .collect(),
        quotes: extraction
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| QuoteOut {
                id: qid(i),
                text: text[q.span.range()].to_owned(),
                start: q.span.start,
                end: q.span.end,
                speaker: q.speaker.map(eid),
                cue: q.cue.clone(),
                indirect: !q.is_direct,
            })
            .collect(),
        relations: extraction
            .relations
            .iter()
            .enumerate()
            .map(|(i, r)| RelationOut {
                id: format!("r{}", i + 1),
                kind: r.kind.as_str().to_owned(),
                source: eid(r.source),
                target: eid(r.target),
                polarity: if r.polarity == Polarity::Mixed {
                    "mixed".to_owned()
                } else {
                    r.polarity.as_str().to_owned()
                },
                label: r.label.clone(),
                role: r.role.clone(),
                evidence: r
                    .evidence
                    .iter()
                    .map(|e| EvidenceOut {
                        start: e.span.start,
                        end: e.span.end,
                        text: text[e.span.range()].to_owned(),
                        quote: e.quote.map(qid),
                        cue: e.cue.clone(),
                        rule: e.rule.clone(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The JSON document as pretty-printed text.
pub fn to_string(article: &Article, extraction: &Extraction) -> String {
    serde_json::to_string_pretty(&output(article, extraction)).expect("plain data always serialises")
}
