//! Colours: the only place they are defined. Kinds and polarities use the Okabe–Ito palette,
//! readable for colour-blind users; shapes and dash patterns carry the same information.
//!
//! Invariant: every colour pair (text on background) has strong contrast in both themes.

use ecolor::Color32;
use serde::{Deserialize, Serialize};

use crate::extract::{EntityKind, Polarity};

/// Light or dark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeKind {
    /// Dark background.
    #[default]
    Dark,
    /// Light background.
    Light,
}

/// All colours of one theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    /// Which one.
    pub kind: ThemeKind,
    /// Canvas background.
    pub background: Color32,
    /// Label text.
    pub text: Color32,
    /// Secondary text and outlines.
    pub muted: Color32,
    /// Selection and hover outline.
    pub highlight: Color32,
    /// Legend box fill.
    pub panel: Color32,
}

impl Theme {
    /// The theme of a kind.
    pub fn new(kind: ThemeKind) -> Self {
        match kind {
            ThemeKind::Dark => Self {
                kind,
                background: Color32::from_rgb(0x1b, 0x1d, 0x22),
                text: Color32::from_rgb(0xee, 0xee, 0xee),
                muted: Color32::from_rgb(0x8a, 0x8f, 0x98),
                highlight: Color32::from_rgb(0xff, 0xff, 0xff),
                panel: Color32::from_rgba_unmultiplied(0x2a, 0x2d, 0x34, 235),
            },
            ThemeKind::Light => Self {
                kind,
                background: Color32::from_rgb(0xfb, 0xfb, 0xf8),
                text: Color32::from_rgb(0x1a, 0x1a, 0x1a),
                muted: Color32::from_rgb(0x6b, 0x70, 0x78),
                highlight: Color32::from_rgb(0x00, 0x00, 0x00),
                panel: Color32::from_rgba_unmultiplied(0xff, 0xff, 0xff, 235),
            },
        }
    }

    /// Fill of a node of this kind.
    pub fn kind_color(&self, kind: EntityKind) -> Color32 {
        match kind {
            EntityKind::Person => Color32::from_rgb(0xe6, 0x9f, 0x00), // orange
            EntityKind::Organization => Color32::from_rgb(0x56, 0xb4, 0xe9), // sky blue
            EntityKind::Country => Color32::from_rgb(0x00, 0x9e, 0x73), // bluish green
            EntityKind::Group => Color32::from_rgb(0xcc, 0x79, 0xa7),  // reddish purple
            EntityKind::Place => Color32::from_rgb(0x99, 0x99, 0x99),  // grey
        }
    }

    /// Colour of an edge of this polarity.
    pub fn polarity_color(&self, polarity: Polarity) -> Color32 {
        match (polarity, self.kind) {
            (Polarity::Positive, _) => Color32::from_rgb(0x00, 0x9e, 0x73),
            (Polarity::Negative, _) => Color32::from_rgb(0xd5, 0x5e, 0x00),
            (Polarity::Mixed, _) => Color32::from_rgb(0xcc, 0x79, 0xa7),
            (Polarity::Neutral, ThemeKind::Dark) => Color32::from_rgb(0x9a, 0xa0, 0xa8),
            (Polarity::Neutral, ThemeKind::Light) => Color32::from_rgb(0x70, 0x74, 0x7a),
        }
    }

    /// A faint background that tells one speaker's quotes from another's.
    pub fn speaker_tint(&self, speaker: usize) -> Color32 {
        const PALETTE: [[u8; 3]; 6] = [
            [0xe6, 0x9f, 0x00],
            [0x56, 0xb4, 0xe9],
            [0x00, 0x9e, 0x73],
            [0xcc, 0x79, 0xa7],
            [0xf0, 0xe4, 0x42],
            [0xd5, 0x5e, 0x00],
        ];
        let [r, g, b] = PALETTE[speaker % PALETTE.len()];
        let alpha = if self.kind == ThemeKind::Dark { 40 } else { 55 };
        Color32::from_rgba_unmultiplied(r, g, b, alpha)
    }

    /// Colour of role and membership edges.
    pub fn role_color(&self) -> Color32 {
        self.muted
    }
}
