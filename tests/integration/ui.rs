//! The real app driven through `egui_kittest` (no display): open, click, filter, search, drop.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use stancemap::app::{Action, Dialogs, Selection, Settings, StancemapApp};

const ARTICLE: &str = "Talks on the Danube\n\n\
“We are ready to cooperate with Hungary on the dam,” Foreign Minister Ingrid Vold of Norway said on Monday.\n\n\
Hungarian Foreign Minister Zoltán Berki criticised Norway for the delay. “This is not acceptable,” he said.\n\n\
The European Union welcomed the talks.";

struct TestDialogs(Option<PathBuf>);

impl Dialogs for TestDialogs {
    fn pick_article(&self) -> Option<PathBuf> {
        self.0.clone()
    }
    fn save_path(&self, _title: &str, _default_name: &str, _extensions: &[&str]) -> Option<PathBuf> {
        self.0.clone()
    }
}

fn app_with(text: &str) -> StancemapApp {
    let mut app = StancemapApp::new(Settings::default(), Box::new(TestDialogs(None)));
    app.apply(Action::LoadText { text: text.to_owned(), name: "test".to_owned() });
    app.wait_for_load();
    app.settle_layout();
    app
}

fn harness(app: StancemapApp) -> Harness<'static, StancemapApp> {
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .with_context_setup(stancemap::app::install_font)
        .build_ui_state(|ui: &mut egui::Ui, app: &mut StancemapApp| app.ui_root(ui), app);
    harness.run_steps(4);
    harness
}

fn entity(app: &StancemapApp, name: &str) -> usize {
    let doc = app.doc.as_ref().expect("a document is open");
    doc.extraction.entities.iter().position(|e| e.name == name).unwrap_or_else(|| panic!("no entity {name}"))
}

#[test]
fn opens_a_bundled_sample_and_names_it_in_the_title() {
    let mut app = StancemapApp::new(Settings::default(), Box::new(TestDialogs(None)));
    app.apply(Action::OpenSample(0));
    app.wait_for_load();
    app.settle_layout();
    let doc = app.doc.as_ref().expect("the sample opened");
    assert!(doc.graph.n_nodes() > 3, "{} nodes", doc.graph.n_nodes());
    assert!(app.window_title().starts_with(&doc.name));
    let first = doc.graph.node(0).expect("a node").label.clone();
    let harness = harness(app);
    harness.get_by_label(&first);
}

#[test]
fn clicking_a_node_shows_its_quote_in_the_inspector() {
    let app = app_with(ARTICLE);
    let vold = entity(&app, "Ingrid Vold");
    let mut harness = harness(app);
    harness.get_by_label("Ingrid Vold").click();
    harness.run_steps(3);
    assert_eq!(harness.state().selection, Selection::Node(vold));
    // Her quote, with its speech verb; the sentence also stands as the evidence of her stance.
    assert!(harness.query_by_label_contains("We are ready to cooperate with Hungary on the dam,” — said").is_some());
}

#[test]
fn a_transcript_answer_is_listed_under_its_speaker_without_a_speech_verb() {
    let app = app_with(
        "Briefing on the canal\n\nQuestion (AFP): Does Norway have concerns about the canal?\n\n\
         Spokesperson Ingrid Vold: Norway respects the right of Sweden to build it.",
    );
    let vold = entity(&app, "Ingrid Vold");
    let mut harness = harness(app);
    harness.get_by_label("Ingrid Vold").click();
    harness.run_steps(3);
    assert_eq!(harness.state().selection, Selection::Node(vold));
    // The answer closes its quote and names no verb after it.
    assert!(harness.query_by_label("“Norway respects the right of Sweden to build it.”").is_some());
}

#[test]
fn clicking_an_edge_on_the_canvas_shows_its_evidence() {
    let app = app_with(ARTICLE);
    let mut harness = harness(app);
    let (pos, edge, cue) = {
        let app = harness.state();
        let doc = app.doc.as_ref().expect("doc");
        let scene = stancemap::render::scene(
            &doc.graph,
            &doc.layout.layout(),
            &stancemap::render::Theme::new(app.settings.theme),
            &stancemap::render::SceneOptions::default(),
        );
        let e = scene.edges.iter().find(|e| !e.is_dashed).expect("a stance edge");
        let mid = e.points[0] + (e.arrow[0] - e.points[0]) * 0.5;
        let relation =
            &doc.extraction.relations[doc.graph.edges().find(|(id, ..)| *id == e.id).expect("edge").3.relation];
        (app.ui_from_graph * mid, e.id, relation.evidence[0].cue.clone())
    };
    harness.hover_at(pos);
    harness.run_steps(2);
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(3);
    assert_eq!(harness.state().selection, Selection::Edge(edge));
    assert!(harness.query_by_label_contains(&format!("cue “{cue}”")).is_some());
}

#[test]
fn a_kind_filter_hides_those_nodes() {
    let app = app_with(ARTICLE);
    let mut harness = harness(app);
    assert!(harness.query_by_label("Ingrid Vold").is_some());
    harness.get_by_label("Filters").click();
    harness.run_steps(2);
    harness.get_by_label("person").click();
    harness.run_steps(3);
    assert!(!harness.state().filters.kinds[0]);
    assert!(harness.query_by_label("Ingrid Vold").is_none());
    assert!(harness.query_by_label("Norway").is_some());
}

#[test]
fn search_selects_the_actor() {
    let app = app_with(ARTICLE);
    let berki = entity(&app, "Zoltán Berki");
    let mut harness = harness(app);
    harness.get_by_label("Find actor").click();
    harness.run_steps(1);
    harness.get_by_label("Find actor").type_text("Berki");
    harness.run_steps(2);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    assert_eq!(harness.state().selection, Selection::Node(berki));
}

#[test]
fn a_failed_load_shows_an_error_and_keeps_the_map() {
    let mut app = app_with(ARTICLE);
    let before = app.doc.as_ref().expect("doc").extraction.entities.len();
    app.apply(Action::Open(PathBuf::from("/no/such/article.txt")));
    app.wait_for_load();
    let mut harness = harness(app);
    harness.run_steps(2);
    let app = harness.state();
    assert!(app.error.as_deref().is_some_and(|e| e.contains("/no/such/article.txt")), "{:?}", app.error);
    assert_eq!(app.doc.as_ref().expect("still open").extraction.entities.len(), before);
    assert!(harness.query_by_label_contains("cannot open").is_some());
}

#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_opens_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dropped.txt");
    std::fs::write(&path, "Dropped news\n\nNATO condemned Russia. Russia criticised NATO.").expect("write");
    let app = app_with(ARTICLE);
    let mut harness = harness(app);
    harness.input_mut().dropped_files.push(Arc::new(DroppedPath(path)));
    harness.run_steps(1);
    harness.state_mut().wait_for_load();
    harness.run_steps(1);
    let doc = harness.state().doc.as_ref().expect("doc");
    assert_eq!(doc.name, "Dropped news");
    assert!(doc.extraction.entities.iter().any(|e| e.name == "Russia"));
}

#[test]
fn the_open_dialog_opens_the_picked_file_and_reports_a_cancel() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("picked.txt");
    std::fs::write(&path, "Picked story\n\nThe EU praised Norway.").expect("write");
    let mut app = StancemapApp::new(Settings::default(), Box::new(TestDialogs(Some(path.clone()))));
    app.apply(Action::ShowOpenDialog);
    app.wait_for_load();
    assert_eq!(app.doc.as_ref().expect("opened").source.as_deref(), Some(path.as_path()));
    assert_eq!(app.settings.recent.first(), Some(&path));
    let mut cancel = StancemapApp::new(Settings::default(), Box::new(TestDialogs(None)));
    cancel.apply(Action::ShowOpenDialog);
    assert!(cancel.error.as_deref().is_some_and(|e| e.contains("no file was chosen")));
}

fn app_with_dialog(text: &str, answer: &Path) -> StancemapApp {
    let mut app = StancemapApp::new(Settings::default(), Box::new(TestDialogs(Some(answer.to_owned()))));
    app.apply(Action::LoadText { text: text.to_owned(), name: "test".to_owned() });
    app.wait_for_load();
    app.settle_layout();
    app
}

#[test]
fn a_saved_map_reopens_exactly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("talks.stancemap");
    let mut app = app_with_dialog(ARTICLE, &path);
    {
        let doc = app.doc.as_mut().expect("doc");
        doc.layout.pin(0, egui::pos2(321.0, -123.0));
        doc.is_dirty = true;
    }
    app.filters.min_mentions = 2;
    app.apply(Action::SaveMapAs);
    assert!(app.error.is_none(), "{:?}", app.error);
    assert!(!app.doc.as_ref().expect("doc").is_dirty);
    assert!(app.window_title().starts_with("Talks on the Danube"));

    let mut reopened = StancemapApp::new(Settings::default(), Box::new(TestDialogs(None)));
    reopened.apply(Action::Open(path.clone()));
    reopened.wait_for_load();
    let (a, b) = (app.doc.as_ref().expect("doc"), reopened.doc.as_ref().expect("reopened"));
    assert_eq!(a.extraction, b.extraction);
    assert_eq!(a.layout.positions(), b.layout.positions());
    assert_eq!(a.layout.pinned(), b.layout.pinned());
    assert_eq!(b.layout.positions()[0], egui::pos2(321.0, -123.0));
    assert_eq!(reopened.filters, app.filters);
    assert_eq!(reopened.ui_from_graph, app.ui_from_graph);
    assert_eq!(b.map_path.as_deref(), Some(path.as_path()));
}

#[test]
fn a_damaged_map_file_is_refused_and_the_map_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.stancemap");
    std::fs::write(&path, "{\"schema\": \"stancemap.map/1\", \"name\": ").expect("write");
    let mut app = app_with(ARTICLE);
    app.apply(Action::Open(path));
    app.wait_for_load();
    assert!(app.error.as_deref().is_some_and(|e| e.contains("damaged")), "{:?}", app.error);
    assert_eq!(app.doc.as_ref().expect("kept").name, "Talks on the Danube");
}

#[test]
fn unsaved_changes_are_kept_until_the_user_discards_them() {
    let mut app = app_with(ARTICLE);
    app.doc.as_mut().expect("doc").is_dirty = true;
    assert!(app.window_title().starts_with("• "));
    app.apply(Action::LoadText { text: "Other news\n\nNATO praised Norway.".to_owned(), name: "other".to_owned() });
    assert!(app.pending.is_some());
    assert!(!app.is_loading());
    app.apply(Action::KeepChanges);
    assert!(app.pending.is_none());
    assert_eq!(app.doc.as_ref().expect("doc").name, "Talks on the Danube");
    app.apply(Action::LoadText { text: "Other news\n\nNATO praised Norway.".to_owned(), name: "other".to_owned() });
    app.apply(Action::DiscardChanges);
    app.wait_for_load();
    assert_eq!(app.doc.as_ref().expect("doc").name, "Other news");
}

#[test]
fn export_image_writes_the_canvas_scene_as_png_and_svg() {
    let dir = tempfile::tempdir().expect("tempdir");
    let png = dir.path().join("map.png");
    let mut app = app_with_dialog(ARTICLE, &png);
    let options = stancemap::app::ImageOptions { scale: 1.0, ..Default::default() };
    app.apply(Action::ExportImage { path: png.clone(), options: options.clone() });
    assert!(app.error.is_none(), "{:?}", app.error);
    let pixmap = resvg::tiny_skia::Pixmap::load_png(&png).expect("a PNG");
    assert!(pixmap.width() > 100 && pixmap.height() > 100);
    let svg = dir.path().join("map.svg");
    app.apply(Action::ExportImage { path: svg.clone(), options });
    let text = std::fs::read_to_string(&svg).expect("an SVG");
    for (_, node) in app.doc.as_ref().expect("doc").graph.nodes() {
        assert!(text.contains(&node.label), "{}", node.label);
    }
    app.apply(Action::ExportImage {
        path: dir.path().join("map.bmp"),
        options: stancemap::app::ImageOptions::default(),
    });
    assert!(app.error.as_deref().is_some_and(|e| e.contains("use .png or .svg")));
}
