//! Extraction throughput (MB/s) on the team's samples and on large inputs (1 MB and 10 MB),
//! to show that cost grows linearly with input size.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use stancemap::{article, extract};

fn samples() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("assets/samples exists")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let ext = path.extension()?.to_str()?;
            matches!(ext, "txt" | "md" | "html").then_some(())?;
            let a = article::read(&path, article::DEFAULT_SIZE_LIMIT).ok()?;
            Some((path.file_name()?.to_string_lossy().into_owned(), a.text().to_owned()))
        })
        .collect();
    out.sort();
    out
}

/// All samples concatenated and repeated to about `bytes`.
fn corpus(bytes: usize) -> String {
    let mut all: String = samples().into_iter().map(|(_, t)| t + "\n\n").collect();
    // The seed article, when the shared folder is beside the crate.
    if let Ok(seed) =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/csto-afghanistan.txt"))
    {
        all.push_str(&seed);
        all.push_str("\n\n");
    }
    if all.trim().is_empty() {
        all.push_str("“We condemn the attack,” Foreign Minister Ingrid Vold of Norway said.\n\n");
    }
    let mut out = String::with_capacity(bytes + all.len());
    while out.len() < bytes {
        out.push_str(&all);
    }
    out
}

fn bench(c: &mut Criterion) {
    let lexicon = extract::Lexicon::builtin();
    let mut group = c.benchmark_group("extract");
    for (name, text) in samples() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("sample", &name), &text, |b, text| {
            b.iter(|| extract::run(&article::parse(text), lexicon));
        });
    }
    group.sample_size(10);
    for mb in [1usize, 10] {
        let text = corpus(mb * 1_000_000);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("large", format!("{mb}MB")), &text, |b, text| {
            b.iter(|| extract::run(&article::parse(text), lexicon));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
