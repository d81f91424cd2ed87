//! The map canvas: draws the [`Scene`](crate::render::Scene) with egui's painter; pan, zoom,
//! fit, hover, select, and drag to pin.
//!
//! Invariant: the canvas draws exactly the scene the exporters draw; view state (transform,
//! hover) never enters the graph.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, Vec2, emath::TSTransform};

use super::state::{Action, Selection, StancemapApp};
use crate::graph::NodeId;
use crate::layout::Status;
use crate::render::{self, LegendItem, NodeShape, Scene, SceneOptions, Theme};

/// Time the layout may take per frame while it animates.
const LAYOUT_BUDGET_SECS: f64 = 0.008;

/// Draws the canvas and returns what the user asked for.
pub(crate) fn canvas_ui(app: &mut StancemapApp, ui: &mut egui::Ui) -> Vec<Action> {
    let mut actions = Vec::new();
    let rect = ui.available_rect_before_wrap();
    let response = ui.allocate_rect(rect, Sense::click_and_drag());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, "map canvas"));
    app.canvas_center = rect.center();
    app.canvas_rect = rect;
    let theme = Theme::new(app.settings.theme);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, theme.background);
    let hidden = app.hidden_nodes();
    let hidden_edges: Vec<bool> = app.doc.as_ref().map_or_else(Vec::new, |doc| {
        doc.graph.edges().map(|(_, _, _, e)| !app.edge_visible(e.kind, e.polarity)).collect()
    });
    let Some(doc) = &mut app.doc else {
        let msg = if app.loading.is_some() {
            "Reading the article…"
        } else {
            "Open an article (Ctrl+O), drop a file here, or paste text (Ctrl+Shift+V)"
        };
        painter.text(rect.center(), Align2::CENTER_CENTER, msg, FontId::proportional(16.0), theme.muted);
        return actions;
    };

    // Animate the layout within a time budget, then stop repainting.
    if doc.layout.status() == Status::Running {
        let started = std::time::Instant::now();
        while doc.layout.step(&doc.graph, &app.params) == Status::Running
            && started.elapsed().as_secs_f64() < LAYOUT_BUDGET_SECS
        {}
        ui.ctx().request_repaint();
    }

    let focus = app.hovered.map(|h| {
        let mut f = vec![false; doc.graph.n_nodes()];
        f[h] = true;
        for n in doc.graph.neighbors(h) {
            f[n] = true;
        }
        f
    });
    let layout = doc.layout.layout();
    let (selected_node, selected_edge) = match app.selection {
        Selection::Node(n) => (Some(n), None),
        Selection::Edge(e) => (None, Some(e)),
        Selection::None => (None, None),
    };
    let options = SceneOptions {
        show_legend: app.settings.show_legend,
        title: None,
        hidden,
        hidden_edges,
        focus,
        selected_node,
        selected_edge,
    };
    let scene = render::scene(&doc.graph, &layout, &theme, &options);

    if app.needs_fit && (doc.layout.is_settled() || doc.graph.n_nodes() > 0) {
        // Leave the legend's column free.
        let mut room = rect;
        if app.settings.show_legend {
            room.max.x -= render::legend_size(&scene).x + 24.0;
        }
        app.ui_from_graph = fit_scene(&scene, room);
        if doc.layout.is_settled() {
            app.needs_fit = false;
        }
    }

    // Pan and zoom.
    if response.dragged() && app.hovered.is_none() {
        app.ui_from_graph.translation += response.drag_delta();
    }
    if response.double_clicked() {
        actions.push(Action::FitView);
    }
    if let Some(pointer) = response.hover_pos() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = zoom * (scroll / 300.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            zoom_at(&mut app.ui_from_graph, pointer, factor);
        }
    }
    let (plus, minus) = ui.input(|i| {
        (i.key_pressed(egui::Key::Plus) || i.key_pressed(egui::Key::Equals), i.key_pressed(egui::Key::Minus))
    });
    if !ui.ctx().egui_wants_keyboard_input() {
        if plus {
            zoom_at(&mut app.ui_from_graph, rect.center(), 1.25);
        }
        if minus {
            zoom_at(&mut app.ui_from_graph, rect.center(), 0.8);
        }
    }

    let t = app.ui_from_graph;
    draw_scene(&painter, &scene, t);

    // Node interaction: each node is a widget with an accessible label.
    let mut hovered = None;
    let pointer_in_graph = response.hover_pos().map(|p| t.inverse() * p);
    for node in &scene.nodes {
        let r = node.radius * 1.3 * t.scaling;
        let node_rect = Rect::from_center_size(t * node.center, Vec2::splat(2.0 * r.max(6.0)));
        if !rect.intersects(node_rect) {
            continue; // culled: off screen
        }
        let id = ui.scope_id().with(("node", node.id));
        let node_response = ui.interact(node_rect, id, Sense::click_and_drag());
        node_response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &node.label));
        if node_response.hovered() || node_response.dragged() {
            hovered = Some(node.id);
        }
        if node_response.clicked() {
            actions.push(Action::Select(Selection::Node(node.id)));
        }
        if node_response.dragged()
            && let Some(p) = node_response.interact_pointer_pos()
        {
            doc.layout.pin(node.id, t.inverse() * p);
            doc.layout.reheat(&app.params);
            doc.is_dirty = true;
        }
        let pinned = doc.layout.pinned().get(node.id).copied().unwrap_or(false);
        if pinned {
            // A pin: a small ring at the node's upper right.
            let at = t * node.center + Vec2::new(r * 0.75, -r * 0.75);
            painter.circle(at, 3.5, theme.background, Stroke::new(2.0, theme.text));
        }
        if node_response.hovered() {
            node_response.on_hover_text(node_tooltip(doc, node.id));
        }
    }
    app.hovered = hovered;

    // Edge hover and click.
    app.hovered_edge = None;
    if hovered.is_none()
        && let Some(p) = pointer_in_graph
    {
        let tolerance = 6.0 / t.scaling;
        let hit = scene.edges.iter().find(|e| distance_to_polyline(p, &e.points) < tolerance + e.width / 2.0);
        if let Some(edge) = hit {
            app.hovered_edge = Some(edge.id);
            if let Some((_, s, tt, e)) = doc.graph.edges().find(|(id, ..)| *id == edge.id) {
                let name = |n: NodeId| doc.graph.node(n).map_or(String::new(), |n| n.label.clone());
                let tip = format!(
                    "{} → {}\n{} ({})\n{} supporting quote(s) or sentence(s)",
                    name(s),
                    name(tt),
                    e.label,
                    e.polarity.as_str(),
                    e.n_evidence
                );
                response.clone().on_hover_text_at_pointer(tip);
            }
            if response.clicked() {
                actions.push(Action::Select(Selection::Edge(edge.id)));
            }
        } else if response.clicked() {
            actions.push(Action::Select(Selection::None));
        }
    }
    if app.settings.show_legend && !scene.legend.is_empty() {
        draw_legend(&painter, &scene, rect);
    }
    actions
}

fn node_tooltip(doc: &super::state::Document, id: NodeId) -> String {
    let Some(node) = doc.graph.node(id) else { return String::new() };
    format!(
        "{} ({})\nnamed {} time(s), {} quote(s)\nclick for details, drag to pin",
        node.label,
        node.kind.as_str(),
        node.n_mentions,
        node.n_quotes
    )
}

/// The scales a fit may choose: no closer than a little past life size, no farther than a twentieth.
const MIN_FIT_SCALE: f32 = 0.05;
const MAX_FIT_SCALE: f32 = 1.25;

/// Labels are never drawn smaller than this many points, however far the map is zoomed out.
const MIN_LABEL_POINTS: f32 = 10.5;

/// The label font size at a graph-to-screen scale.
fn label_points(scale: f32) -> f32 {
    (render::LABEL_SIZE * scale).max(MIN_LABEL_POINTS)
}

/// The transform that shows a whole scene, labels included, centred in `rect`.
///
/// The scene's bounds hold each label at its size at scale 1. Zoomed out, a label keeps
/// [`MIN_LABEL_POINTS`], so it covers more of the graph than that, and a long one at the edge
/// would be cut off. The scene's extent on screen grows with the scale, so the largest scale
/// at which it fits is found by bisection.
pub(crate) fn fit_scene(scene: &Scene, rect: Rect) -> TSTransform {
    let extent = |scale: f32| {
        let growth = label_points(scale) / (render::LABEL_SIZE * scale);
        let bounds = scene.nodes.iter().fold(scene.bounds, |bounds, n| bounds.union(label_rect(n, growth)));
        Rect::from_min_max(bounds.min * scale, bounds.max * scale)
    };
    let fits = |scale: f32| {
        let e = extent(scale);
        e.width() <= rect.width() && e.height() <= rect.height()
    };
    let (mut lo, mut hi) = (MIN_FIT_SCALE, MAX_FIT_SCALE);
    if !fits(lo) {
        // A room narrower than one label: fit the nodes and let that label run over.
        let b = scene.bounds;
        let scale = (rect.width() / b.width()).min(rect.height() / b.height()).clamp(lo, hi);
        return TSTransform::new(rect.center().to_vec2() - b.center().to_vec2() * scale, scale);
    }
    if fits(hi) {
        lo = hi;
    }
    for _ in 0..24 {
        let mid = f32::midpoint(lo, hi);
        if fits(mid) { lo = mid } else { hi = mid }
    }
    TSTransform::new(rect.center().to_vec2() - extent(lo).center().to_vec2(), lo)
}

/// Where a node's label lies in graph space when drawn `growth` times its size at scale 1.
fn label_rect(n: &render::SceneNode, growth: f32) -> Rect {
    let size = crate::layout::label_size(&n.label) * growth;
    Rect::from_min_size(Pos2::new(n.label_pos.x - size.x / 2.0, n.label_pos.y), size)
}

fn zoom_at(t: &mut TSTransform, pointer: Pos2, factor: f32) {
    let new_scale = (t.scaling * factor).clamp(0.05, 8.0);
    let factor = new_scale / t.scaling;
    t.translation = pointer.to_vec2() + (t.translation - pointer.to_vec2()) * factor;
    t.scaling = new_scale;
}

fn distance_to_polyline(p: Pos2, points: &[Pos2]) -> f32 {
    points
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let ab = b - a;
            let len2 = ab.length_sq().max(1e-6);
            let u = ((p - a).dot(ab) / len2).clamp(0.0, 1.0);
            (a + ab * u - p).length()
        })
        .fold(f32::INFINITY, f32::min)
}

fn node_shape(shape: NodeShape, center: Pos2, r: f32, fill: Color32, stroke: Stroke) -> Shape {
    if shape == NodeShape::Circle {
        Shape::Circle(egui::epaint::CircleShape { center, radius: r, fill, stroke })
    } else {
        Shape::convex_polygon(shape.polygon(center, r), fill, stroke)
    }
}

/// Draws a scene through a graph-to-screen transform.
pub(crate) fn draw_scene(painter: &egui::Painter, scene: &Scene, t: TSTransform) {
    let s = t.scaling;
    let visible = t.inverse() * painter.clip_rect();
    let margin = 40.0 / s;
    let visible = visible.expand(margin);
    for e in &scene.edges {
        let first = e.points.first().copied().unwrap_or_default();
        let last = e.arrow[0];
        if !visible.intersects(Rect::from_two_pos(first, last)) {
            continue;
        }
        let points: Vec<Pos2> = e.points.iter().map(|p| t * *p).collect();
        let stroke = Stroke::new(e.width * s.sqrt(), e.color);
        if e.is_dashed {
            painter.extend(Shape::dashed_line(&points, stroke, 6.0 * s.sqrt(), 4.0 * s.sqrt()));
        } else {
            painter.add(Shape::line(points, stroke));
        }
        // Level of detail: arrow heads only where they are big enough to see.
        if s > 0.3 {
            painter.add(Shape::convex_polygon(e.arrow.iter().map(|p| t * *p).collect(), e.color, Stroke::NONE));
        }
    }
    let show_labels = s > 0.35;
    for n in scene.nodes.iter().filter(|n| visible.contains(n.center)) {
        painter.add(node_shape(
            n.shape,
            t * n.center,
            n.radius * s,
            n.fill,
            Stroke::new(n.stroke_width * s.sqrt(), n.stroke),
        ));
    }
    if show_labels {
        let points = label_points(s);
        // Lines keep their spacing in proportion to the font, which may be larger than the scale.
        let line_step = Vec2::new(0.0, crate::layout::LABEL_LINE_HEIGHT * points / render::LABEL_SIZE);
        for n in scene.nodes.iter().filter(|n| visible.contains(n.center)) {
            for (i, line) in n.label.lines().enumerate() {
                painter.text(
                    t * n.label_pos + line_step * i as f32,
                    Align2::CENTER_TOP,
                    line,
                    FontId::proportional(points),
                    n.label_color,
                );
            }
        }
    }
}

fn draw_legend(painter: &egui::Painter, scene: &Scene, rect: Rect) {
    let size = render::legend_size(scene);
    let origin = Pos2::new(rect.max.x - size.x - 12.0, rect.min.y + 12.0);
    painter.rect_filled(Rect::from_min_size(origin, size), 6.0, scene.panel);
    for (i, item) in scene.legend.iter().enumerate() {
        let y = origin.y + 15.0 + 20.0 * i as f32;
        let label = match item {
            LegendItem::Kind(shape, fill, label) => {
                painter.add(node_shape(*shape, Pos2::new(origin.x + 16.0, y), 6.0, *fill, Stroke::NONE));
                label
            }
            LegendItem::Edge(color, dashed, label) => {
                let a = Pos2::new(origin.x + 6.0, y);
                let b = a + Vec2::new(20.0, 0.0);
                if *dashed {
                    painter.extend(Shape::dashed_line(&[a, b], Stroke::new(2.5, *color), 5.0, 4.0));
                } else {
                    painter.line_segment([a, b], Stroke::new(2.5, *color));
                }
                label
            }
        };
        painter.text(
            Pos2::new(origin.x + 34.0, y),
            Align2::LEFT_CENTER,
            *label,
            FontId::proportional(12.0),
            scene.text,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{article, extract, graph, layout};

    /// Where each label lands on screen under `t`, at the size [`draw_scene`] draws it.
    fn screen_labels(scene: &Scene, t: TSTransform) -> Vec<Rect> {
        let growth = label_points(t.scaling) / (render::LABEL_SIZE * t.scaling);
        scene.nodes.iter().map(|n| t.mul_rect(label_rect(n, growth))).collect()
    }

    #[test]
    fn fitting_a_zoomed_out_map_keeps_every_label_in_view() {
        let a = article::parse(
            "The Extractive Industries Transparency Initiative criticised Norway. Norway praised the \
             Intergovernmental Authority on Development. Russia condemned NATO.",
        );
        let g = graph::build(&extract::run(&a, extract::Lexicon::builtin()));
        let l = layout::run(&g, &layout::LayoutParams::default(), 1);
        let scene = render::scene(&g, &l, &Theme::new(render::ThemeKind::Dark), &SceneOptions::default());
        let room = Rect::from_min_size(Pos2::ZERO, Vec2::new(240.0, 300.0));
        // Bounds at scale 1 are too small for labels drawn at the minimum size ...
        let scale = (room.width() / scene.bounds.width()).min(room.height() / scene.bounds.height());
        let plain = TSTransform::new(room.center().to_vec2() - scene.bounds.center().to_vec2() * scale, scale);
        assert!(plain.scaling < 0.8, "the map must be zoomed out for this test, scale {}", plain.scaling);
        assert!(screen_labels(&scene, plain).iter().any(|r| !room.expand(0.5).contains_rect(*r)));
        // ... and the label-aware fit shows them whole.
        let t = fit_scene(&scene, room);
        for r in screen_labels(&scene, t) {
            assert!(room.expand(0.5).contains_rect(r), "label {r:?} outside {room:?}");
        }
    }
}
