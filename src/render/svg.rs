//! [`Scene`] → SVG text. Text stays text (the bundled font's family), so the file is searchable.
//!
//! Invariant: the output is a complete, well-formed SVG document whose view box is the scene's
//! bounds (plus the legend and title when shown).

use std::fmt::Write as _;

use ecolor::Color32;
use emath::{Pos2, Rect, pos2, vec2};

use super::{LegendItem, NodeShape, Scene, legend_size};
use crate::layout::LABEL_LINE_HEIGHT;

/// Font family that both SVG text and the PNG renderer use.
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// Background of an exported image.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Background {
    /// The theme's background.
    #[default]
    Theme,
    /// White.
    White,
    /// None.
    Transparent,
}

/// The area the image shows: the scene's bounds, grown for the title and the legend, and
/// rounded out to whole units (so that an image at scale N is exactly N times as large).
pub fn view_box(scene: &Scene) -> Rect {
    let mut rect = scene.bounds;
    if scene.title.is_some() {
        rect.min.y -= 34.0;
    }
    if !scene.legend.is_empty() {
        let size = legend_size(scene);
        // The legend stands in its own column right of the map, never over it.
        rect.max.x += size.x + 24.0;
        rect.max.y = rect.max.y.max(rect.min.y + size.y + 24.0);
    }
    Rect::from_min_max(pos2(rect.min.x.floor(), rect.min.y.floor()), pos2(rect.max.x.ceil(), rect.max.y.ceil()))
}

fn color(c: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b())
}

fn opacity(c: Color32) -> String {
    if c.a() == 255 { String::new() } else { format!(" fill-opacity=\"{:.3}\"", f32::from(c.a()) / 255.0) }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn points(ps: &[Pos2]) -> String {
    ps.iter().map(|p| format!("{:.2},{:.2}", p.x, p.y)).collect::<Vec<_>>().join(" ")
}

fn shape(out: &mut String, shape: NodeShape, center: Pos2, r: f32, fill: Color32, stroke: Color32, stroke_width: f32) {
    let style = format!(
        "fill=\"{}\"{} stroke=\"{}\" stroke-width=\"{stroke_width:.2}\"",
        color(fill),
        opacity(fill),
        color(stroke)
    );
    if shape == NodeShape::Circle {
        let _ = writeln!(out, r#"<circle cx="{:.2}" cy="{:.2}" r="{r:.2}" {style}/>"#, center.x, center.y);
    } else {
        let _ = writeln!(out, r#"<polygon points="{}" {style}/>"#, points(&shape.polygon(center, r)));
    }
}

/// Writes the scene as an SVG document.
pub fn write(scene: &Scene, background: Background) -> String {
    let vb = view_box(scene);
    let mut out = String::with_capacity(4096 + 300 * (scene.nodes.len() + scene.edges.len()));
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{:.2} {:.2} {:.2} {:.2}" width="{:.2}" height="{:.2}" font-family="{FONT_FAMILY}">"#,
        vb.min.x,
        vb.min.y,
        vb.width(),
        vb.height(),
        vb.width(),
        vb.height()
    );
    let bg = match background {
        Background::Theme => Some(scene.background),
        Background::White => Some(Color32::WHITE),
        Background::Transparent => None,
    };
    if let Some(bg) = bg {
        let _ = writeln!(
            out,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="{}"/>"#,
            vb.min.x,
            vb.min.y,
            vb.width(),
            vb.height(),
            color(bg)
        );
    }
    for e in &scene.edges {
        let dash = if e.is_dashed {
            format!(" stroke-dasharray=\"{:.1} {:.1}\"", e.width * 3.0, e.width * 2.5)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{:.2}" stroke-linecap="round"{dash}/>"#,
            points(&e.points),
            color(e.color),
            e.width
        );
        let _ = writeln!(out, r#"<polygon points="{}" fill="{}"/>"#, points(&e.arrow), color(e.color));
    }
    for n in &scene.nodes {
        shape(&mut out, n.shape, n.center, n.radius, n.fill, n.stroke, n.stroke_width);
    }
    for n in &scene.nodes {
        let _ = write!(
            out,
            r#"<text x="{:.2}" y="{:.2}" font-size="{}" text-anchor="middle" fill="{}">"#,
            n.label_pos.x,
            n.label_pos.y + super::LABEL_SIZE,
            super::LABEL_SIZE,
            color(n.label_color)
        );
        // A wrapped label: each line after the first a tspan one line lower.
        for (i, line) in n.label.lines().enumerate() {
            if i == 0 {
                out.push_str(&escape(line));
            } else {
                let _ = write!(
                    out,
                    r#"<tspan x="{:.2}" dy="{}">{}</tspan>"#,
                    n.label_pos.x,
                    LABEL_LINE_HEIGHT,
                    escape(line)
                );
            }
        }
        out.push_str("</text>\n");
    }
    if let Some(title) = &scene.title {
        let _ = writeln!(
            out,
            r#"<text x="{:.2}" y="{:.2}" font-size="18" fill="{}">{}</text>"#,
            vb.min.x + 12.0,
            vb.min.y + 24.0,
            color(scene.text),
            escape(title)
        );
    }
    if !scene.legend.is_empty() {
        let origin = pos2(vb.max.x - legend_size(scene).x - 12.0, scene.bounds.min.y + 12.0);
        legend(&mut out, scene, origin);
    }
    out.push_str("</svg>\n");
    out
}

fn legend(out: &mut String, scene: &Scene, origin: Pos2) {
    let size = legend_size(scene);
    let _ = writeln!(
        out,
        r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="6" fill="{}"{} stroke="{}" stroke-width="0.5"/>"#,
        origin.x,
        origin.y,
        size.x,
        size.y,
        color(scene.panel),
        opacity(scene.panel),
        color(scene.text)
    );
    for (i, item) in scene.legend.iter().enumerate() {
        let y = origin.y + 15.0 + 20.0 * i as f32;
        let label = match item {
            LegendItem::Kind(s, fill, label) => {
                shape(out, *s, pos2(origin.x + 16.0, y), 6.0, *fill, scene.panel, 1.0);
                label
            }
            LegendItem::Edge(c, dashed, label) => {
                let dash = if *dashed { r#" stroke-dasharray="5 4""# } else { "" };
                let a = pos2(origin.x + 6.0, y);
                let b = a + vec2(20.0, 0.0);
                let _ = writeln!(
                    out,
                    r#"<line x1="{:.2}" y1="{:.2}" x2="{:.2}" y2="{:.2}" stroke="{}" stroke-width="2.5"{dash}/>"#,
                    a.x,
                    a.y,
                    b.x,
                    b.y,
                    color(*c)
                );
                label
            }
        };
        let _ = writeln!(
            out,
            r#"<text x="{:.2}" y="{:.2}" font-size="12" fill="{}">{}</text>"#,
            origin.x + 34.0,
            y + 4.0,
            color(scene.text),
            escape(label)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{SceneOptions, Theme, ThemeKind, scene};
    use crate::{article, extract, graph, layout};

    #[test]
    fn svg_keeps_labels_as_text_and_escapes_them() {
        let a = article::parse("NATO condemned Russia. AT&T <Corp> praised Norway.");
        let g = graph::build(&extract::run(&a, extract::Lexicon::builtin()));
        let l = layout::run(&g, &layout::LayoutParams::default(), 1);
        let s = scene(
            &g,
            &l,
            &Theme::new(ThemeKind::Dark),
            &SceneOptions { show_legend: true, title: Some("A & B".into()), ..Default::default() },
        );
        let svg = write(&s, Background::Theme);
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        for n in &s.nodes {
            assert!(svg.contains(&format!(">{}</text>", escape(&n.label))), "{}", n.label);
        }
        assert!(!svg.contains("<tspan"), "short labels take one line");
        assert!(svg.contains("A &amp; B"));
        assert!(!svg.contains("<Corp>"));
    }

    #[test]
    fn svg_draws_a_wrapped_label_one_line_below_another() {
        let a = article::parse("The Extractive Industries Transparency Initiative criticised Norway.");
        let g = graph::build(&extract::run(&a, extract::Lexicon::builtin()));
        let l = layout::run(&g, &layout::LayoutParams::default(), 1);
        let s = scene(&g, &l, &Theme::new(ThemeKind::Dark), &SceneOptions::default());
        let svg = write(&s, Background::Theme);
        let eiti = s.nodes.iter().find(|n| n.label.contains("Extractive")).expect("the initiative is a node");
        let (first, second) = eiti.label.split_once('\n').expect("a wrapped label");
        assert!(svg.contains(&format!(
            r#">{first}<tspan x="{:.2}" dy="{LABEL_LINE_HEIGHT}">{second}</tspan></text>"#,
            eiti.label_pos.x
        )));
    }
}
