//! Stage 2: [`Article`] + [`Lexicon`] → [`Extraction`] { entities, quotes, relations, diagnostics }.
//!
//! Invariant: analysis never fails; every span in the output is a valid slice of the article's
//! text, entity ids are stable (order of first mention), and the same input gives the same output.

mod doc;
mod entities;
pub mod json;
pub mod lexicon;
mod quotes;
mod roles;
mod speakers;
mod stances;

use serde::{Deserialize, Serialize};

use crate::article::{Article, Span};
pub use lexicon::Lexicon;

/// The kind of an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A named person.
    Person,
    /// An organization, institution, company or outlet.
    Organization,
    /// A state or territory.
    Country,
    /// An armed, militant or political group or movement.
    Group,
    /// A region, city or area.
    Place,
}

impl EntityKind {
    /// Every kind, in display order.
    pub const ALL: [EntityKind; 5] = [Self::Person, Self::Organization, Self::Country, Self::Group, Self::Place];

    /// The lower-case name used in JSON and the window.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Country => "country",
            Self::Group => "group",
            Self::Place => "place",
        }
    }
}

/// Whether a stance is for or against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// Support, cooperation, praise.
    Positive,
    /// Criticism, condemnation, sanctions.
    Negative,
    /// Neither.
    Neutral,
    /// Evidence both ways.
    Mixed,
}

impl Polarity {
    /// The lower-case name used in JSON and the window.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Positive => "positive",
            Self::Negative => "negative",
            Self::Neutral => "neutral",
            Self::Mixed => "mixed",
        }
    }
}

/// What a relation says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationKind {
    /// Source takes a stance towards target.
    Stance,
    /// Source (a person or body) holds a role in target.
    Affiliation,
    /// Source (a state) is a member of target.
    Membership,
}

impl RelationKind {
    /// The lower-case name used in JSON and the window.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Stance => "stance",
            Self::Affiliation => "affiliation",
            Self::Membership => "membership",
        }
    }
}

/// Index of an entity in [`Extraction::entities`].
pub type EntityIdx = usize;

/// One real-world actor and everywhere the article names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name.
    pub name: String,
    /// Kind of actor.
    pub kind: EntityKind,
    /// Other names the article uses for it, sorted.
    pub aliases: Vec<String>,
    /// Every mention, sorted.
    pub mentions: Vec<Span>,
    /// Roles held ("Secretary General").
    pub roles: Vec<String>,
}

/// How a speaker was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// A speech verb next to the quote names the speaker.
    Explicit,
    /// "he said": a pronoun resolved to the latest compatible person.
    Pronoun,
    /// "the minister said": a title resolved to its holder.
    Title,
    /// Another quote of the same paragraph has the speaker.
    SameParagraph,
    /// A quote-only paragraph continues the previous speaker.
    Continuation,
    /// Reported speech: "X said that …", "according to X".
    Reported,
    /// "This was stated by X" after the statement.
    StatedBy,
    /// No speaker found.
    Unknown,
}

/// A direct quote or a reported statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words (marks excluded), or the reported clause.
    pub span: Span,
    /// Who said it.
    pub speaker: Option<EntityIdx>,
    /// The speech verb or phrase that attributes it.
    pub cue: Option<String>,
    /// Where that cue is.
    pub cue_span: Option<Span>,
    /// Which sieve found the speaker.
    pub attribution: Attribution,
    /// False for reported speech.
    pub is_direct: bool,
}

/// One piece of evidence for a relation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The sentence (or quote) that supports it.
    pub span: Span,
    /// The quote it comes from, if any.
    pub quote: Option<usize>,
    /// The cue word or role phrase.
    pub cue: String,
    /// Where the cue is.
    pub cue_span: Span,
    /// Where the target is named.
    pub target_span: Option<Span>,
    /// Polarity of this piece alone.
    pub polarity: Polarity,
    /// Category of the cue ("condemn") or the role.
    pub category: String,
    /// The rule that produced it.
    pub rule: String,
    /// The cue was negated ("have not shown readiness").
    pub is_negated: bool,
    /// The cue was hedged ("might", "could").
    pub is_hedged: bool,
    /// How much this piece counts, in 0..=1 (the cue's weight, less when hedged).
    pub weight: f32,
}

/// A stance, affiliation or membership between two entities, with all its evidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// What it says.
    pub kind: RelationKind,
    /// From.
    pub source: EntityIdx,
    /// To.
    pub target: EntityIdx,
    /// Aggregated polarity.
    pub polarity: Polarity,
    /// Short label ("condemn", "Secretary General").
    pub label: String,
    /// The role, for affiliations.
    pub role: Option<String>,
    /// Every supporting piece, in text order.
    pub evidence: Vec<Evidence>,
}

/// Weak evidence or something the user should know, with where it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Where.
    pub span: Span,
    /// What, lowercase.
    pub message: String,
}

/// Everything found in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Actors, in order of first mention.
    pub entities: Vec<Entity>,
    /// Direct quotes and reported statements, in text order.
    pub quotes: Vec<Quote>,
    /// Stances, affiliations and memberships.
    pub relations: Vec<Relation>,
    /// Weak evidence and notes.
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs the whole extraction. Never fails.
pub fn run(article: &Article, lexicon: &Lexicon) -> Extraction {
    let raw_quotes = quotes::find(article);
    let mut doc = doc::Doc::new(article, lexicon, raw_quotes);
    let mut diagnostics = Vec::new();
    entities::mark_furniture(&mut doc);
    let mut table = entities::find(&doc, &mut diagnostics);
    let statements = speakers::attribute(&doc, &mut table, &mut diagnostics);
    let mut relations = roles::find(&doc, &table);
    relations.extend(stances::find(&doc, &table, &statements));
    // A place that nobody speaks for and that takes part in no relation is scenery, not an actor.
    let mut involved = vec![false; table.entities.len()];
    for e in statements.iter().filter_map(|q| q.speaker).chain(relations.iter().flat_map(|r| [r.source, r.target])) {
        involved[e] = true;
    }
    let (entities, remap) =
        table.finish(article.text(), |e| table.entities[e].kind != EntityKind::Place || involved[e]);
    let quotes: Vec<Quote> = statements
        .into_iter()
        .map(|mut q| {
            q.speaker = q.speaker.and_then(|s| remap[s]);
            q
        })
        .collect();
    let mut relations: Vec<Relation> = relations
        .into_iter()
        .filter_map(|mut r| {
            r.source = remap[r.source]?;
            r.target = remap[r.target]?;
            (r.source != r.target).then_some(r)
        })
        .collect();
    relations.sort_by(|a, b| {
        (a.kind, a.source, a.target, a.evidence.first().map(|e| e.span)).cmp(&(
            b.kind,
            b.source,
            b.target,
            b.evidence.first().map(|e| e.span),
        ))
    });
    diagnostics.sort_by_key(|d| d.span);
    Extraction { entities, quotes, relations, diagnostics }
}
