//! Saving the map: PNG and SVG from the same scene as the canvas, graph formats parsed back by
//! real parsers, and safe writes.

use std::path::{Path, PathBuf};
use std::process::Command;

use resvg::tiny_skia::Pixmap;
use stancemap::graph::export::{self, GraphFormat};
use stancemap::render::svg::{self, Background};
use stancemap::render::{self, SceneOptions, Theme, ThemeKind};
use stancemap::{article, extract, graph, layout};

const TEXT: &str = "Fixed map\n\nNATO condemned Russia. Russia criticised NATO. \
Foreign Minister Ingrid Vold of Norway praised the European Union.";

struct Fixture {
    article: article::Article,
    extraction: extract::Extraction,
    graph: graph::KnowledgeGraph,
    layout: layout::Layout,
}

fn fixture() -> Fixture {
    let article = article::parse(TEXT);
    let extraction = extract::run(&article, extract::Lexicon::builtin());
    let graph = graph::build(&extraction);
    let layout = layout::run(&graph, &layout::LayoutParams::default(), 1);
    Fixture { article, extraction, graph, layout }
}

fn scene(f: &Fixture, legend: bool) -> render::Scene {
    render::scene(
        &f.graph,
        &f.layout,
        &Theme::new(ThemeKind::Light),
        &SceneOptions { show_legend: legend, ..Default::default() },
    )
}

#[test]
fn png_size_follows_the_scale() {
    let f = fixture();
    let s = scene(&f, true);
    let vb = svg::view_box(&s);
    for scale in [1.0f32, 2.0, 4.0] {
        let bytes = render::png::write(&s, scale, Background::Theme).expect("png");
        let pixmap = Pixmap::decode_png(&bytes).expect("decodes");
        assert_eq!(pixmap.width(), (vb.width() * scale).ceil() as u32);
        assert_eq!(pixmap.height(), (vb.height() * scale).ceil() as u32);
    }
}

#[test]
fn png_pixels_at_node_centres_have_the_node_colours() {
    let f = fixture();
    let s = scene(&f, false);
    assert!(s.nodes.len() >= 3);
    let scale = 2.0;
    let pixmap = render::png::render(&s, scale, Background::White).expect("png");
    let vb = svg::view_box(&s);
    for node in &s.nodes {
        let x = ((node.center.x - vb.min.x) * scale) as u32;
        let y = ((node.center.y - vb.min.y) * scale) as u32;
        let p = pixmap.pixel(x, y).expect("inside");
        let (r, g, b) = (p.red(), p.green(), p.blue());
        let want = node.fill;
        let close = r.abs_diff(want.r()) < 8 && g.abs_diff(want.g()) < 8 && b.abs_diff(want.b()) < 8;
        assert!(close, "{} at ({x},{y}): {:?} vs {:?}", node.label, (r, g, b), want);
    }
}

fn reference_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference")
}

#[test]
fn png_matches_the_reference_image() {
    let f = fixture();
    let bytes = render::png::write(&scene(&f, true), 1.0, Background::Theme).expect("png");
    let path = reference_dir().join("small-map.png");
    if std::env::var_os("UPDATE_REFERENCE").is_some() || !path.exists() && std::env::var_os("CI").is_none() {
        std::fs::create_dir_all(reference_dir()).expect("mkdir");
        std::fs::write(&path, &bytes).expect("record reference");
    }
    let expected = Pixmap::load_png(&path).expect("the reference image exists (record it with UPDATE_REFERENCE=1)");
    let actual = Pixmap::decode_png(&bytes).expect("decodes");
    assert_eq!((actual.width(), actual.height()), (expected.width(), expected.height()), "size differs");
    let mut diff = Pixmap::new(actual.width(), actual.height()).expect("pixmap");
    let mut n_bad = 0;
    for (i, (a, e)) in actual.pixels().iter().zip(expected.pixels()).enumerate() {
        let d = a
            .red()
            .abs_diff(e.red())
            .max(a.green().abs_diff(e.green()))
            .max(a.blue().abs_diff(e.blue()))
            .max(a.alpha().abs_diff(e.alpha()));
        if d > 24 {
            n_bad += 1;
            diff.pixels_mut()[i] = resvg::tiny_skia::PremultipliedColorU8::from_rgba(255, 0, 0, 255).expect("valid");
        }
    }
    if n_bad > 20 {
        let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-diffs");
        std::fs::create_dir_all(&out).expect("mkdir");
        let _ = actual.save_png(out.join("small-map.actual.png"));
        let _ = expected.save_png(out.join("small-map.expected.png"));
        let _ = diff.save_png(out.join("small-map.diff.png"));
        panic!("{n_bad} pixels differ; see target/test-diffs/small-map.*.png");
    }
}

#[test]
fn svg_parses_back_with_every_label_as_text() {
    let f = fixture();
    let s = scene(&f, true);
    let text = svg::write(&s, Background::Transparent);
    let mut db = resvg::usvg::fontdb::Database::new();
    db.load_font_data(render::png::FONT.to_vec());
    let options = resvg::usvg::Options { fontdb: std::sync::Arc::new(db), ..Default::default() };
    let tree = resvg::usvg::Tree::from_str(&text, &options).expect("valid SVG");
    let mut texts = Vec::new();
    collect_text(tree.root(), &mut texts);
    for node in &s.nodes {
        assert!(texts.contains(&node.label), "{} missing from {texts:?}", node.label);
    }
}

fn collect_text(group: &resvg::usvg::Group, out: &mut Vec<String>) {
    for node in group.children() {
        match node {
            resvg::usvg::Node::Group(g) => collect_text(g, out),
            resvg::usvg::Node::Text(t) => out.push(t.chunks().iter().map(|c| c.text().to_owned()).collect()),
            _ => {}
        }
    }
}

fn export_of(f: &Fixture, format: GraphFormat) -> String {
    export::to_string(format, &f.graph, &f.article, &f.extraction, &f.layout.positions)
}

#[test]
fn graphml_parses_with_the_right_counts_and_attributes() {
    let f = fixture();
    let text = export_of(&f, GraphFormat::Graphml);
    let doc = roxmltree::Document::parse(&text).expect("valid XML");
    let nodes: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("node")).collect();
    let edges: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("edge")).collect();
    assert_eq!(nodes.len(), f.graph.n_nodes());
    assert_eq!(edges.len(), f.graph.n_edges());
    let data = |n: &roxmltree::Node<'_, '_>, key: &str| {
        n.children().find(|c| c.attribute("key") == Some(key)).and_then(|c| c.text()).map(str::to_owned)
    };
    assert!(nodes.iter().any(|n| data(n, "label").as_deref() == Some("Ingrid Vold") && data(n, "kind").as_deref() == Some("person")));
    assert!(edges.iter().all(|e| data(e, "polarity").is_some() && data(e, "evidence").is_some()));
}

#[test]
fn gexf_parses_with_the_right_counts_and_positions() {
    let f = fixture();
    let text = export_of(&f, GraphFormat::Gexf);
    let doc = roxmltree::Document::parse(&text).expect("valid XML");
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("node")).count(), f.graph.n_nodes());
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("edge")).count(), f.graph.n_edges());
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("position")).count(), f.graph.n_nodes());
}

#[test]
fn dot_parses_with_a_real_dot_parser() {
    let f = fixture();
    let text = export_of(&f, GraphFormat::Dot);
    let ast = dot_parser::ast::Graph::try_from(text.as_str()).expect("valid DOT");
    let canonical = dot_parser::canonical::Graph::from(ast);
    assert_eq!(canonical.nodes.set.len(), f.graph.n_nodes());
    assert_eq!(canonical.edges.set.len(), f.graph.n_edges());
}

#[test]
fn json_and_csv_carry_every_node_and_edge() {
    let f = fixture();
    let json: serde_json::Value = serde_json::from_str(&export_of(&f, GraphFormat::Json)).expect("valid JSON");
    assert_eq!(json["nodes"].as_array().expect("nodes").len(), f.graph.n_nodes());
    assert_eq!(json["links"].as_array().expect("links").len(), f.graph.n_edges());
    let csv = export_of(&f, GraphFormat::Csv);
    let (nodes, edges) = csv.split_once("\n\n").expect("two tables");
    assert_eq!(nodes.lines().count(), f.graph.n_nodes() + 1);
    assert_eq!(edges.lines().count(), f.graph.n_edges() + 1);
}

fn stancemap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_stancemap")).args(args).output().expect("the binary runs")
}

#[test]
fn render_and_export_commands_write_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("a.txt");
    std::fs::write(&input, TEXT).expect("write");
    let png = dir.path().join("map.png");
    let out = stancemap(&["render", input.to_str().expect("utf8"), "-o", png.to_str().expect("utf8"), "--scale", "1"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(Pixmap::load_png(&png).is_ok());
    let svg_path = dir.path().join("map.svg");
    let out =
        stancemap(&["render", input.to_str().expect("utf8"), "-o", svg_path.to_str().expect("utf8"), "--no-legend"]);
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&svg_path).expect("svg").contains("Ingrid Vold"));
    let graphml = dir.path().join("map.graphml");
    let out = stancemap(&[
        "export",
        input.to_str().expect("utf8"),
        "--format",
        "graphml",
        "-o",
        graphml.to_str().expect("utf8"),
    ]);
    assert!(out.status.success());
    assert!(roxmltree::Document::parse(&std::fs::read_to_string(&graphml).expect("graphml")).is_ok());
}

#[test]
fn bad_extension_and_missing_folder_fail_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("a.txt");
    std::fs::write(&input, TEXT).expect("write");
    let out =
        stancemap(&["render", input.to_str().expect("utf8"), "-o", dir.path().join("map.gif").to_str().expect("utf8")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("use .png or .svg"));

    // A path under a missing folder fails whoever runs the test, and the message names it.
    let missing = dir.path().join("no-such-folder").join("map.svg");
    let out = stancemap(&["render", input.to_str().expect("utf8"), "-o", missing.to_str().expect("utf8")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-folder"));
}
