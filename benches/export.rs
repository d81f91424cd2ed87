//! Image export of the sample map: PNG at 2× and SVG (targets: PNG < 100 ms, SVG < 5 ms).

use criterion::{Criterion, criterion_group, criterion_main};
use stancemap::render::svg::Background;
use stancemap::render::{self, SceneOptions, Theme, ThemeKind};
use stancemap::{article, extract, graph, layout};

fn bench(c: &mut Criterion) {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/csto-afghanistan.txt"))
        .unwrap_or_else(|_| "NATO condemned Russia. Russia criticised NATO.".to_owned());
    let a = article::parse(&text);
    let x = extract::run(&a, extract::Lexicon::builtin());
    let g = graph::build(&x);
    let l = layout::run(&g, &layout::LayoutParams::default(), 1);
    let scene =
        render::scene(&g, &l, &Theme::new(ThemeKind::Light), &SceneOptions { show_legend: true, ..Default::default() });
    let mut group = c.benchmark_group("export");
    group.sample_size(20);
    group.bench_function("png 2x", |b| b.iter(|| render::png::write(&scene, 2.0, Background::Theme).expect("png")));
    group.bench_function("svg", |b| b.iter(|| render::svg::write(&scene, Background::Theme)));
    group.bench_function("layout", |b| b.iter(|| layout::run(&g, &layout::LayoutParams::default(), 1)));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
