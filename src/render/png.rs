//! [`Scene`] → PNG bytes: the SVG of [`super::svg`] rasterised by resvg with the bundled font,
//! so that the image is the same drawing at any scale.
//!
//! Invariant: text is drawn with the bundled font only (no system fonts), so output is identical
//! on every machine.

use std::sync::{Arc, OnceLock};

use super::Scene;
use super::svg::{self, Background};

/// The one font the window and the exporters draw with.
pub const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Why an image could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The SVG did not parse (a bug).
    #[error("failed to build the image")]
    Svg(#[from] resvg::usvg::Error),
    /// Zero or absurd size.
    #[error("image size {width}×{height} is not possible")]
    Size {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// PNG encoding failed.
    #[error("failed to encode PNG: {0}")]
    Encode(String),
}

fn fontdb() -> Arc<resvg::usvg::fontdb::Database> {
    static DB: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_data(FONT.to_vec());
        db.set_sans_serif_family(svg::FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// Largest side of an exported image, in pixels.
pub const MAX_SIDE: u32 = 16_384;

/// Rasterises the scene at `scale` (1 = one pixel per graph unit).
pub fn write(scene: &Scene, scale: f32, background: Background) -> Result<Vec<u8>, RenderError> {
    let pixmap = render(scene, scale, background)?;
    pixmap.encode_png().map_err(|e| RenderError::Encode(e.to_string()))
}

/// Rasterises the scene into a pixmap.
pub fn render(scene: &Scene, scale: f32, background: Background) -> Result<resvg::tiny_skia::Pixmap, RenderError> {
    let text = svg::write(scene, background);
    let options =
        resvg::usvg::Options { fontdb: fontdb(), font_family: svg::FONT_FAMILY.to_owned(), ..Default::default() };
    let tree = resvg::usvg::Tree::from_str(&text, &options)?;
    let size = tree.size();
    let width = (size.width() * scale).ceil() as u32;
    let height = (size.height() * scale).ceil() as u32;
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(RenderError::Size { width, height });
    }
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).ok_or(RenderError::Size { width, height })?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    Ok(pixmap)
}
