//! UI CPU time per frame (egui layout + tessellation, no GPU): the sample map and a synthetic map
//! of 2,000 nodes and 5,000 edges, both at rest.

use criterion::{Criterion, criterion_group, criterion_main};
use stancemap::app::{Dialogs, Settings, StancemapApp};
use stancemap::article::{self, Span};
use stancemap::extract::{self, Entity, EntityKind, Evidence, Extraction, Polarity, Relation, RelationKind};

struct NoDialogs;
impl Dialogs for NoDialogs {
    fn pick_article(&self) -> Option<std::path::PathBuf> {
        None
    }
    fn save_path(&self, _: &str, _: &str, _: &[&str]) -> Option<std::path::PathBuf> {
        None
    }
}

fn synthetic(n_nodes: usize, n_edges: usize) -> (article::Article, Extraction) {
    let article = article::parse("Synthetic map.");
    let span = Span::new(0, 9);
    let kinds = EntityKind::ALL;
    let entities = (0..n_nodes)
        .map(|i| Entity {
            name: format!("Actor {i}"),
            kind: kinds[i % 5],
            aliases: Vec::new(),
            mentions: vec![span; 1 + i % 7],
            roles: Vec::new(),
        })
        .collect();
    let mut state = 12345u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let relations = (0..n_edges)
        .map(|i| {
            let source = (next() % n_nodes as u64) as usize;
            let mut target = (next() % n_nodes as u64) as usize;
            if target == source {
                target = (source + 1) % n_nodes;
            }
            let polarity = [Polarity::Positive, Polarity::Negative, Polarity::Mixed][i % 3];
            let evidence = Evidence {
                span,
                quote: None,
                cue: "cue".into(),
                cue_span: span,
                target_span: None,
                polarity,
                category: "criticize".into(),
                rule: "synthetic".into(),
                is_negated: false,
                is_hedged: false,
                weight: 1.0,
            };
            Relation {
                kind: RelationKind::Stance,
                source,
                target,
                polarity,
                label: "criticize".into(),
                role: None,
                evidence: vec![evidence],
            }
        })
        .collect();
    (article, Extraction { entities, quotes: Vec::new(), relations, diagnostics: Vec::new() })
}

fn frame(ctx: &egui::Context, app: &mut StancemapApp) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| app.ui_root(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    std::hint::black_box(primitives);
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("ui_frame");
    let sample = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/csto-afghanistan.txt"))
        .unwrap_or_else(|_| "NATO condemned Russia.".to_owned());
    let a = article::parse(&sample);
    let x = extract::run(&a, extract::Lexicon::builtin());
    let cases = [("sample map", (a, x)), ("2000 nodes 5000 edges", synthetic(2000, 5000))];
    for (name, (article, extraction)) in cases {
        let mut app = StancemapApp::new(Settings::default(), Box::new(NoDialogs));
        app.open_extraction(name, article, extraction);
        app.settle_layout();
        let ctx = egui::Context::default();
        stancemap::app::install_font(&ctx);
        for _ in 0..3 {
            frame(&ctx, &mut app); // fit the view, lay out text once
        }
        group.bench_function(name, |b| b.iter(|| frame(&ctx, &mut app)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
