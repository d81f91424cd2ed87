//! Stage 5: graph + layout + theme → [`Scene`], the one drawing that the canvas, the SVG and the
//! PNG exporters all show.
//!
//! Invariant: a scene is plain data in graph coordinates; every surface draws the same shapes,
//! labels and legend from it.

pub mod png;
pub mod svg;
pub mod theme;

use ecolor::Color32;
use emath::{Pos2, Rect, Vec2, pos2, vec2};

use crate::extract::{EntityKind, Polarity, RelationKind};
use crate::graph::{EdgeId, KnowledgeGraph, NodeId};
use crate::layout::{Layout, label_size, map_label, node_radius};
pub use theme::{Theme, ThemeKind};

/// The shape of a node, by kind (so that kind does not rest on colour alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeShape {
    /// Person.
    Circle,
    /// Organization.
    Square,
    /// Country.
    Hexagon,
    /// Group.
    Diamond,
    /// Place.
    Triangle,
}

impl NodeShape {
    /// The shape of a kind.
    pub fn of(kind: EntityKind) -> Self {
        match kind {
            EntityKind::Person => Self::Circle,
            EntityKind::Organization => Self::Square,
            EntityKind::Country => Self::Hexagon,
            EntityKind::Group => Self::Diamond,
            EntityKind::Place => Self::Triangle,
        }
    }

    /// Corners of the polygon around `center` (empty for a circle).
    pub fn polygon(self, center: Pos2, r: f32) -> Vec<Pos2> {
        let ring = |n: usize, phase: f32, scale: f32| -> Vec<Pos2> {
            (0..n)
                .map(|k| {
                    let a = phase + k as f32 * std::f32::consts::TAU / n as f32;
                    center + vec2(a.cos(), a.sin()) * r * scale
                })
                .collect()
        };
        match self {
            Self::Circle => Vec::new(),
            Self::Square => ring(4, std::f32::consts::FRAC_PI_4, 1.2),
            Self::Hexagon => ring(6, 0.0, 1.1),
            Self::Diamond => ring(4, 0.0, 1.3),
            Self::Triangle => ring(3, -std::f32::consts::FRAC_PI_2, 1.35),
        }
    }
}

/// A node as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneNode {
    /// Node id.
    pub id: NodeId,
    /// Centre.
    pub center: Pos2,
    /// Radius.
    pub radius: f32,
    /// Shape.
    pub shape: NodeShape,
    /// Fill.
    pub fill: Color32,
    /// Outline.
    pub stroke: Color32,
    /// Outline width.
    pub stroke_width: f32,
    /// Label text as drawn: the name wrapped into lines ([`map_label`]).
    pub label: String,
    /// Top centre of the label.
    pub label_pos: Pos2,
    /// Label colour.
    pub label_color: Color32,
}

/// An edge as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneEdge {
    /// Edge id.
    pub id: EdgeId,
    /// The line (straight or curved), from the source's rim to the arrow's base.
    pub points: Vec<Pos2>,
    /// Colour.
    pub color: Color32,
    /// Width.
    pub width: f32,
    /// Dashed for roles and membership.
    pub is_dashed: bool,
    /// Arrow head triangle at the target.
    pub arrow: [Pos2; 3],
}

/// One legend line.
#[derive(Clone, Debug, PartialEq)]
pub enum LegendItem {
    /// A node kind.
    Kind(NodeShape, Color32, &'static str),
    /// An edge style.
    Edge(Color32, bool, &'static str),
}

/// Everything to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Area holding every node, label and edge, in graph units.
    pub bounds: Rect,
    /// Background.
    pub background: Color32,
    /// Text colour (title, legend).
    pub text: Color32,
    /// Legend box fill.
    pub panel: Color32,
    /// Edges, drawn first.
    pub edges: Vec<SceneEdge>,
    /// Nodes, drawn over edges.
    pub nodes: Vec<SceneNode>,
    /// Legend lines, if shown.
    pub legend: Vec<LegendItem>,
    /// Title, if shown.
    pub title: Option<String>,
}

/// What to show.
#[derive(Clone, Debug, Default)]
pub struct SceneOptions {
    /// Draw the legend.
    pub show_legend: bool,
    /// Title above the map.
    pub title: Option<String>,
    /// Nodes to hide (filters); missing entries are shown.
    pub hidden: Vec<bool>,
    /// Edges to hide (filters); missing entries are shown.
    pub hidden_edges: Vec<bool>,
    /// Nodes to emphasise (hover); others are dimmed. `None`: nothing dimmed.
    pub focus: Option<Vec<bool>>,
    /// Selected node, outlined.
    pub selected_node: Option<NodeId>,
    /// Selected edge, drawn wider.
    pub selected_edge: Option<EdgeId>,
}

/// Font size of node labels, in graph units.
pub const LABEL_SIZE: f32 = 13.0;

fn dim(c: Color32, on: Color32) -> Color32 {
    c.lerp_to_gamma(on, 0.75)
}

/// Builds the scene of a graph at its layout.
pub fn scene(graph: &KnowledgeGraph, layout: &Layout, theme: &Theme, options: &SceneOptions) -> Scene {
    let hidden = |id: NodeId| options.hidden.get(id).copied().unwrap_or(false);
    let focused = |id: NodeId| options.focus.as_ref().is_none_or(|f| f.get(id).copied().unwrap_or(false));
    let pos = |id: NodeId| layout.positions.get(id).copied().unwrap_or(Pos2::ZERO);
    let mut bounds = Rect::NOTHING;
    let mut nodes = Vec::new();
    for (id, node) in graph.nodes() {
        if hidden(id) {
            continue;
        }
        let center = pos(id);
        let radius = node_radius(node.n_mentions);
        let mut fill = theme.kind_color(node.kind);
        let mut label_color = theme.text;
        let is_selected = options.selected_node == Some(id);
        let mut stroke = if is_selected { theme.highlight } else { theme.background };
        if !focused(id) {
            fill = dim(fill, theme.background);
            label_color = dim(label_color, theme.background);
            stroke = dim(stroke, theme.background);
        }
        let label_pos = pos2(center.x, center.y + radius * 1.3 + 3.0);
        let label = map_label(&node.label);
        let size = label_size(&label);
        bounds = bounds.union(Rect::from_center_size(center, Vec2::splat(radius * 2.8)));
        bounds = bounds.union(Rect::from_min_size(pos2(label_pos.x - size.x / 2.0, label_pos.y), size));
        nodes.push(SceneNode {
            id,
            center,
            radius,
            shape: NodeShape::of(node.kind),
            fill,
            stroke,
            stroke_width: if is_selected { 3.0 } else { 1.5 },
            label,
            label_pos,
            label_color,
        });
    }
    let pairs: std::collections::BTreeSet<(NodeId, NodeId)> = graph.edges().map(|(_, s, t, _)| (s, t)).collect();
    let mut edges = Vec::new();
    for (id, s, t, edge) in graph.edges() {
        if hidden(s) || hidden(t) || s == t || options.hidden_edges.get(id).copied().unwrap_or(false) {
            continue;
        }
        let (a, b) = (pos(s), pos(t));
        let rs = graph.node(s).map_or(10.0, |n| node_radius(n.n_mentions)) * 1.2;
        let rt = graph.node(t).map_or(10.0, |n| node_radius(n.n_mentions)) * 1.25;
        let is_mutual = pairs.contains(&(t, s));
        let is_role = edge.kind != RelationKind::Stance;
        let mut color = if is_role { theme.role_color() } else { theme.polarity_color(edge.polarity) };
        if !(focused(s) && focused(t)) {
            color = dim(color, theme.background);
        }
        let width =
            1.4 + (edge.n_evidence.min(6) as f32) * 0.55 + if options.selected_edge == Some(id) { 2.0 } else { 0.0 };
        let (points, arrow) = edge_geometry(a, b, rs, rt, is_mutual, width);
        for p in &points {
            bounds.extend_with(*p);
        }
        edges.push(SceneEdge { id, points, color, width, is_dashed: is_role, arrow });
    }
    let legend = if options.show_legend { legend(theme, graph) } else { Vec::new() };
    if bounds.is_negative() {
        bounds = Rect::from_center_size(Pos2::ZERO, vec2(200.0, 120.0));
    }
    Scene {
        bounds: bounds.expand(24.0),
        background: theme.background,
        text: theme.text,
        panel: theme.panel,
        edges,
        nodes,
        legend,
        title: options.title.clone(),
    }
}

/// The polyline of an edge (curved when the two nodes point at each other) and its arrow head.
fn edge_geometry(a: Pos2, b: Pos2, rs: f32, rt: f32, is_mutual: bool, width: f32) -> (Vec<Pos2>, [Pos2; 3]) {
    let d = b - a;
    let len = d.length().max(0.01);
    let dir = d / len;
    let normal = vec2(-dir.y, dir.x);
    let bend = if is_mutual { (len * 0.18).min(60.0) } else { 0.0 };
    let control = a + d * 0.5 + normal * bend;
    let bezier = |t: f32| -> Pos2 {
        let u = 1.0 - t;
        pos2(u * u * a.x + 2.0 * u * t * control.x + t * t * b.x, u * u * a.y + 2.0 * u * t * control.y + t * t * b.y)
    };
    let n = if is_mutual { 16 } else { 1 };
    let mut points: Vec<Pos2> = (0..=n).map(|k| bezier(k as f32 / n as f32)).collect();
    // Trim the ends at the node rims.
    let start_dir = (points[1] - points[0]).normalized();
    points[0] = a + start_dir * rs;
    let end_dir = (points[n] - points[n - 1]).normalized();
    let tip = b - end_dir * rt;
    let head = 7.0 + width * 1.5;
    let base = tip - end_dir * head;
    points[n] = base;
    let side = vec2(-end_dir.y, end_dir.x) * head * 0.5;
    (points, [tip, base + side, base - side])
}

fn legend(theme: &Theme, graph: &KnowledgeGraph) -> Vec<LegendItem> {
    let mut items = Vec::new();
    let labels = [
        (EntityKind::Person, "person"),
        (EntityKind::Organization, "organization"),
        (EntityKind::Country, "country"),
        (EntityKind::Group, "group"),
        (EntityKind::Place, "place"),
    ];
    for (kind, label) in labels {
        if graph.nodes().any(|(_, n)| n.kind == kind) {
            items.push(LegendItem::Kind(NodeShape::of(kind), theme.kind_color(kind), label));
        }
    }
    items.push(LegendItem::Edge(theme.polarity_color(Polarity::Positive), false, "positive stance"));
    items.push(LegendItem::Edge(theme.polarity_color(Polarity::Negative), false, "negative stance"));
    items.push(LegendItem::Edge(theme.polarity_color(Polarity::Mixed), false, "mixed stance"));
    items.push(LegendItem::Edge(theme.polarity_color(Polarity::Neutral), false, "neutral stance"));
    items.push(LegendItem::Edge(theme.role_color(), true, "role / membership"));
    items
}

/// Size of the legend box, in graph units.
pub fn legend_size(scene: &Scene) -> Vec2 {
    vec2(170.0, 10.0 + 20.0 * scene.legend.len() as f32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{article, extract, graph, layout};

    fn sample() -> (KnowledgeGraph, Layout) {
        let a = article::parse(
            "NATO condemned Russia. Russia criticised NATO. Foreign Minister Ingrid Vold of Norway praised the EU.",
        );
        let g = graph::build(&extract::run(&a, extract::Lexicon::builtin()));
        let l = layout::run(&g, &layout::LayoutParams::default(), 1);
        (g, l)
    }

    #[test]
    fn scene_has_one_shape_per_visible_node_and_edge() {
        let (g, l) = sample();
        let s = scene(&g, &l, &Theme::new(ThemeKind::Dark), &SceneOptions { show_legend: true, ..Default::default() });
        assert_eq!(s.nodes.len(), g.n_nodes());
        assert_eq!(s.edges.len(), g.n_edges());
        assert!(!s.legend.is_empty());
        for n in &s.nodes {
            assert!(s.bounds.contains(n.center));
        }
    }

    #[test]
    fn mutual_edges_are_curved_and_roles_dashed() {
        let (g, l) = sample();
        let s = scene(&g, &l, &Theme::new(ThemeKind::Light), &SceneOptions::default());
        assert!(s.edges.iter().any(|e| e.points.len() > 2), "a curved edge");
        let roles = g.edges().filter(|(_, _, _, e)| e.kind != RelationKind::Stance).count();
        assert_eq!(s.edges.iter().filter(|e| e.is_dashed).count(), roles);
    }

    #[test]
    fn hidden_nodes_and_their_edges_are_left_out() {
        let (g, l) = sample();
        let hidden: Vec<bool> = (0..g.n_nodes()).map(|i| i == 0).collect();
        let s = scene(&g, &l, &Theme::new(ThemeKind::Dark), &SceneOptions { hidden, ..Default::default() });
        assert!(s.nodes.iter().all(|n| n.id != 0));
        assert!(g.edges().filter(|(_, a, b, _)| *a == 0 || *b == 0).all(|(id, ..)| s.edges.iter().all(|e| e.id != id)));
    }
}
