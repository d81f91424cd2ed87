//! Map files (`.stancemap`): the article text, the extraction, node positions and pins, filters
//! and the view, as versioned JSON; reopening shows exactly the map that was saved.
//!
//! Invariant: a map file that loads has positions for every node and spans inside its text;
//! anything else is a [`MapFileError`] that names the problem.

use serde::{Deserialize, Serialize};

use crate::article::{self, Article};
use crate::extract::Extraction;

/// The schema id of map files this version writes.
pub const SCHEMA: &str = "stancemap.map/1";
/// The file extension of map files.
pub const EXTENSION: &str = "stancemap";

/// What the map shows (the window's filters).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Kinds shown: person, organization, country, group, place.
    pub kinds: [bool; 5],
    /// Stance polarities shown: positive, negative, neutral, mixed.
    pub polarities: [bool; 4],
    /// Roles and membership edges shown.
    pub show_roles: bool,
    /// Hide actors named fewer times.
    pub min_mentions: usize,
    /// Show only the neighbourhood of the selected node, this many steps (0: off).
    pub focus_depth: usize,
}

impl Default for Filters {
    fn default() -> Self {
        Self { kinds: [true; 5], polarities: [true; 4], show_roles: true, min_mentions: 1, focus_depth: 0 }
    }
}

/// The saved view: graph-to-screen translation and scale.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct View {
    /// Translation in points.
    pub translation: [f32; 2],
    /// Scale.
    pub scale: f32,
}

/// Everything a map file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapFile {
    /// Always [`SCHEMA`] when written by this version.
    pub schema: String,
    /// Name shown in the title bar.
    pub name: String,
    /// The article's title.
    pub title: Option<String>,
    /// The article's (normalised) text.
    pub text: String,
    /// What was found in it.
    pub extraction: Extraction,
    /// Node positions, by node id.
    pub positions: Vec<[f32; 2]>,
    /// Pinned nodes, by node id.
    pub pinned: Vec<bool>,
    /// Filters.
    pub filters: Filters,
    /// View.
    pub view: Option<View>,
}

/// Why a map file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum MapFileError {
    /// Not JSON, or cut short.
    #[error("not a stancemap map file, or a damaged one: {0}")]
    Corrupt(String),
    /// Written by a newer version.
    #[error("the map was saved by a newer stancemap (format {0}); please update stancemap")]
    Newer(String),
    /// Parses but does not hold together.
    #[error("the map file is inconsistent: {0}")]
    Inconsistent(String),
}

impl MapFile {
    /// Serialises the map.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("plain data always serialises")
    }

    /// Reads a map file, checking its version and that it holds together.
    pub fn from_json(text: &str) -> Result<Self, MapFileError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| MapFileError::Corrupt(e.to_string()))?;
        let schema = value.get("schema").and_then(|s| s.as_str()).unwrap_or_default().to_owned();
        if schema != SCHEMA {
            let version = schema.strip_prefix("stancemap.map/").and_then(|v| v.parse::<u32>().ok());
            return Err(match version {
                Some(v) if v > 1 => MapFileError::Newer(schema),
                _ => MapFileError::Corrupt(format!("unknown format {schema:?}")),
            });
        }
        let map: MapFile = serde_json::from_value(value).map_err(|e| MapFileError::Corrupt(e.to_string()))?;
        map.check()?;
        Ok(map)
    }

    fn check(&self) -> Result<(), MapFileError> {
        let n = self.extraction.entities.len();
        if self.positions.len() != n || self.pinned.len() != n {
            return Err(MapFileError::Inconsistent(format!(
                "{n} actors but {} positions and {} pins",
                self.positions.len(),
                self.pinned.len()
            )));
        }
        if self.positions.iter().flatten().any(|v| !v.is_finite()) {
            return Err(MapFileError::Inconsistent("a position is not a number".to_owned()));
        }
        let text = &self.text;
        let valid = |s: article::Span| {
            s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
        };
        let spans_ok = self.extraction.entities.iter().flat_map(|e| e.mentions.iter()).all(|s| valid(*s))
            && self.extraction.quotes.iter().all(|q| valid(q.span))
            && self
                .extraction
                .relations
                .iter()
                .flat_map(|r| r.evidence.iter())
                .all(|e| valid(e.span) && valid(e.cue_span));
        let refs_ok = self.extraction.relations.iter().all(|r| r.source < n && r.target < n)
            && self.extraction.quotes.iter().all(|q| q.speaker.is_none_or(|s| s < n));
        if !spans_ok || !refs_ok {
            return Err(MapFileError::Inconsistent("a span or an actor reference is out of range".to_owned()));
        }
        Ok(())
    }

    /// The article the map was made from.
    pub fn article(&self) -> Article {
        article::parse(&self.text).with_title(self.title.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract, graph, layout};

    fn sample() -> MapFile {
        let a = article::parse(
            "Talks resume\n\nNATO condemned Russia. “We regret it,” Foreign Minister Ingrid Vold of Norway said.",
        );
        let x = extract::run(&a, extract::Lexicon::builtin());
        let g = graph::build(&x);
        let l = layout::run(&g, &layout::LayoutParams::default(), 1);
        MapFile {
            schema: SCHEMA.to_owned(),
            name: "Talks".to_owned(),
            title: a.title().map(str::to_owned),
            text: a.text().to_owned(),
            positions: l.positions.iter().map(|p| [p.x, p.y]).collect(),
            pinned: (0..x.entities.len()).map(|i| i == 1).collect(),
            extraction: x,
            filters: Filters { min_mentions: 2, ..Filters::default() },
            view: Some(View { translation: [10.0, -4.5], scale: 0.75 }),
        }
    }

    #[test]
    fn map_files_round_trip_exactly() {
        let map = sample();
        let back = MapFile::from_json(&map.to_json()).unwrap();
        assert_eq!(back, map);
        assert_eq!(back.article().text(), map.text);
        assert_eq!(back.article().title(), Some("Talks resume"));
    }

    #[test]
    fn truncated_file_is_reported_as_damaged() {
        let json = sample().to_json();
        let err = MapFile::from_json(&json[..json.len() / 2]).unwrap_err();
        assert!(matches!(err, MapFileError::Corrupt(_)), "{err}");
        assert!(err.to_string().contains("damaged"));
    }

    #[test]
    fn newer_version_is_named() {
        let json = sample().to_json().replace(SCHEMA, "stancemap.map/7");
        let err = MapFile::from_json(&json).unwrap_err();
        assert!(err.to_string().contains("newer stancemap"), "{err}");
    }

    #[test]
    fn inconsistent_positions_are_reported() {
        let mut map = sample();
        map.positions.pop();
        let err = MapFile::from_json(&map.to_json()).unwrap_err();
        assert!(err.to_string().contains("positions"), "{err}");
    }
}
