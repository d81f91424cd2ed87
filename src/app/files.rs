//! Saving and exporting from the window: map files, images (PNG/SVG from the canvas's own
//! scene) and graph formats; and the "discard unsaved changes?" question.
//!
//! Invariant: every write is atomic; a failed save shows its error and changes nothing else.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::state::{Action, Document, Loaded, StancemapApp};
use crate::graph::export::{self, GraphFormat};
use crate::graph::mapfile::{self, MapFile, View};
use crate::layout::{LayoutParams, LayoutState};
use crate::render::svg::Background;
use crate::render::{self, SceneOptions, Theme};

/// Shown when the save dialog gives no file (cancelled, or no desktop portal to show it).
const NO_FILE: &str = "nothing was saved: no file was chosen (if no dialog appeared, this desktop has no file portal; use `stancemap render` or `stancemap export`)";

/// Options of File ▸ Export image.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageOptions {
    /// The whole map, or only what the canvas shows.
    pub whole_map: bool,
    /// Pixels per graph unit (PNG).
    pub scale: f32,
    /// Background.
    pub background: Background,
    /// Draw the legend.
    pub legend: bool,
    /// Draw the article's title.
    pub title: bool,
}

impl Default for ImageOptions {
    fn default() -> Self {
        Self { whole_map: true, scale: 2.0, background: Background::Theme, legend: true, title: true }
    }
}

/// True for map files: by extension, or by content.
pub(crate) fn is_map_file(path: Option<&Path>, bytes: &[u8]) -> bool {
    path.and_then(Path::extension).is_some_and(|e| e == mapfile::EXTENSION)
        || (bytes.first() == Some(&b'{') && bytes.windows(14).take(4096).any(|w| w == b"stancemap.map/"))
}

/// Opens a map file (called on the loading thread).
pub(crate) fn load_map(name: &str, source: Option<PathBuf>, bytes: &[u8]) -> Result<Loaded, String> {
    let started = Instant::now();
    let text =
        std::str::from_utf8(bytes).map_err(|_| format!("cannot open {name}: not a stancemap map file (not UTF-8)"))?;
    let map = MapFile::from_json(text).map_err(|e| format!("cannot open {name}: {e}"))?;
    let article = map.article();
    let graph = crate::graph::build(&map.extraction);
    let positions: Vec<emath::Pos2> = map.positions.iter().map(|p| emath::pos2(p[0], p[1])).collect();
    let mut layout = LayoutState::warm(&graph, &LayoutParams::default(), 1, &positions, &map.pinned);
    layout.settle_in_place();
    let doc = Document {
        name: map.name.clone(),
        source: None,
        article,
        extraction: map.extraction,
        graph,
        layout,
        extract_ms: started.elapsed().as_secs_f64() * 1000.0,
        map_path: source,
        is_dirty: false,
    };
    Ok(Loaded { doc, filters: Some(map.filters), view: map.view })
}

fn map_of(app: &StancemapApp, doc: &Document) -> MapFile {
    MapFile {
        schema: mapfile::SCHEMA.to_owned(),
        name: doc.name.clone(),
        title: doc.article.title().map(str::to_owned),
        text: doc.article.text().to_owned(),
        extraction: doc.extraction.clone(),
        positions: doc.layout.positions().iter().map(|p| [p.x, p.y]).collect(),
        pinned: doc.layout.pinned().to_vec(),
        filters: app.filters.clone(),
        view: Some(View {
            translation: [app.ui_from_graph.translation.x, app.ui_from_graph.translation.y],
            scale: app.ui_from_graph.scaling,
        }),
    }
}

/// The scene an image export draws: the canvas's scene without hover, whole or as seen.
pub(crate) fn export_scene(app: &StancemapApp, doc: &Document, options: &ImageOptions) -> render::Scene {
    let hidden_edges = doc.graph.edges().map(|(_, _, _, e)| !app.edge_visible(e.kind, e.polarity)).collect();
    let scene_options = SceneOptions {
        show_legend: options.legend,
        title: if options.title { Some(doc.name.clone()) } else { None },
        hidden: app.hidden_nodes(),
        hidden_edges,
        ..Default::default()
    };
    let mut scene = render::scene(&doc.graph, &doc.layout.layout(), &Theme::new(app.settings.theme), &scene_options);
    if !options.whole_map && app.canvas_rect.is_positive() {
        let inv = app.ui_from_graph.inverse();
        scene.bounds = emath::Rect::from_two_pos(inv * app.canvas_rect.min, inv * app.canvas_rect.max);
    }
    scene
}

fn with_extension(name: &str, ext: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let safe: String =
        stem.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    format!("{}.{ext}", safe.trim_matches('-'))
}

/// Carries out a save or export action.
pub(crate) fn apply(app: &mut StancemapApp, action: Action) {
    let Some(doc) = &app.doc else {
        app.error = Some("there is no map to save yet".to_owned());
        return;
    };
    match action {
        Action::SaveMap => match doc.map_path.clone() {
            Some(path) => apply(app, Action::SaveMapTo(path)),
            None => apply(app, Action::SaveMapAs),
        },
        Action::SaveMapAs => {
            let name = with_extension(&doc.name, mapfile::EXTENSION);
            match app.dialogs.save_path("Save map", &name, &[mapfile::EXTENSION]) {
                Some(path) => apply(app, Action::SaveMapTo(path)),
                None => app.error = Some(NO_FILE.to_owned()),
            }
        }
        Action::SaveMapTo(path) => {
            let json = map_of(app, doc).to_json();
            match export::write_atomic(&path, json.as_bytes()) {
                Ok(()) => {
                    if let Some(doc) = &mut app.doc {
                        doc.map_path = Some(path.clone());
                        doc.is_dirty = false;
                    }
                    app.status = Some(format!("saved the map to {}", path.display()));
                    app.error = None;
                }
                Err(err) => {
                    app.error = Some(format!(
                        "{err}: {}",
                        std::error::Error::source(&err).map_or(String::new(), ToString::to_string)
                    ));
                }
            }
        }
        Action::ShowExportImage => app.export_image = Some(ImageOptions::default()),
        Action::ExportImage { path, options } => {
            let scene = export_scene(app, doc, &options);
            let is_svg = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("svg"));
            let is_png = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("png"));
            let bytes = if is_svg {
                Ok(render::svg::write(&scene, options.background).into_bytes())
            } else if is_png {
                render::png::write(&scene, options.scale, options.background).map_err(|e| e.to_string())
            } else {
                Err(format!("unknown image format for {} (use .png or .svg)", path.display()))
            };
            finish_write(app, &path, bytes);
        }
        Action::ShowExportGraph(format) => {
            let ext = match format {
                GraphFormat::Graphml => "graphml",
                GraphFormat::Gexf => "gexf",
                GraphFormat::Dot => "dot",
                GraphFormat::Json => "json",
                GraphFormat::Csv => "csv",
            };
            let name = with_extension(&doc.name, ext);
            match app.dialogs.save_path("Export graph", &name, &[ext]) {
                Some(path) => apply(app, Action::ExportGraph { path, format }),
                None => app.error = Some(NO_FILE.to_owned()),
            }
        }
        Action::ExportGraph { path, format } => {
            let positions: Vec<emath::Pos2> = doc.layout.positions().to_vec();
            let text = export::to_string(format, &doc.graph, &doc.article, &doc.extraction, &positions);
            finish_write(app, &path, Ok(text.into_bytes()));
        }
        other => app.error = Some(format!("not a save action: {other:?}")),
    }
}

fn finish_write(app: &mut StancemapApp, path: &Path, bytes: Result<Vec<u8>, String>) {
    let result = bytes.and_then(|b| {
        export::write_atomic(path, &b)
            .map_err(|e| format!("{e}: {}", std::error::Error::source(&e).map_or(String::new(), ToString::to_string)))
    });
    match result {
        Ok(()) => {
            app.status = Some(format!("wrote {}", path.display()));
            app.error = None;
        }
        Err(message) => app.error = Some(message),
    }
}

/// The image export dialog and the unsaved-changes question.
pub(crate) fn dialogs_ui(app: &mut StancemapApp, ctx: &egui::Context) -> Vec<Action> {
    let mut actions = Vec::new();
    if let Some(options) = &mut app.export_image {
        let mut open = true;
        let mut go = false;
        egui::Window::new("Export image").open(&mut open).resizable(false).show(ctx, |ui| {
            ui.radio_value(&mut options.whole_map, true, "Whole map");
            ui.radio_value(&mut options.whole_map, false, "Current view");
            ui.horizontal(|ui| {
                ui.label("PNG scale:");
                for s in [1.0, 2.0, 4.0] {
                    ui.radio_value(&mut options.scale, s, format!("{s}×"));
                }
            });
            ui.horizontal(|ui| {
                ui.label("Background:");
                ui.radio_value(&mut options.background, Background::Theme, "theme");
                ui.radio_value(&mut options.background, Background::White, "white");
                ui.radio_value(&mut options.background, Background::Transparent, "transparent");
            });
            ui.checkbox(&mut options.legend, "Legend");
            ui.checkbox(&mut options.title, "Title");
            go = ui.button("Save image…").clicked();
        });
        if go {
            let options = options.clone();
            let name = app.doc.as_ref().map_or_else(|| "map.png".to_owned(), |d| with_extension(&d.name, "png"));
            app.export_image = None;
            match app.dialogs.save_path("Export image", &name, &["png", "svg"]) {
                Some(path) => actions.push(Action::ExportImage { path, options }),
                None => app.error = Some(NO_FILE.to_owned()),
            }
        } else if !open {
            app.export_image = None;
        }
    }
    if app.pending.is_some() {
        egui::Modal::new(egui::Id::unique("discard-changes")).show(ctx, |ui| {
            ui.label("The map has unsaved changes (moved or pinned nodes).");
            ui.horizontal(|ui| {
                if ui.button("Save map").clicked() {
                    actions.push(Action::SaveMap);
                }
                if ui.button("Discard changes").clicked() {
                    actions.push(Action::DiscardChanges);
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::KeepChanges);
                }
            });
        });
    }
    actions
}
