//! The team's sample articles (`assets/samples`) and the seed article: snapshots of the sorted
//! extraction, and checks against each article's gold annotation.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use stancemap::extract::{Extraction, RelationKind};
use stancemap::{article, extract};

#[derive(Serialize)]
struct Summary {
    title: Option<String>,
    entities: Vec<String>,
    quotes: Vec<String>,
    relations: Vec<String>,
}

fn summarize(a: &article::Article, x: &Extraction) -> Summary {
    let name = |i: usize| x.entities[i].name.clone();
    let mut entities: Vec<String> =
        x.entities.iter().map(|e| format!("{} [{}] x{}", e.name, e.kind.as_str(), e.mentions.len())).collect();
    entities.sort();
    let quotes = x
        .quotes
        .iter()
        .map(|q| {
            let words: String = a.text()[q.span.range()].split_whitespace().take(8).collect::<Vec<_>>().join(" ");
            let kind = if q.is_direct { "direct" } else { "reported" };
            format!("{kind} {words:?} <- {}", q.speaker.map_or_else(|| "?".to_owned(), name))
        })
        .collect();
    let mut relations: Vec<String> = x
        .relations
        .iter()
        .map(|r| {
            format!(
                "{} {} -> {} {} {} ({})",
                r.kind.as_str(),
                name(r.source),
                name(r.target),
                r.polarity.as_str(),
                r.label,
                r.evidence.len()
            )
        })
        .collect();
    relations.sort();
    Summary { title: a.title().map(str::to_owned), entities, quotes, relations }
}

#[test]
fn sample_extractions_match_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("assets/samples exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md" || e == "html"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let a = article::read(&path, article::DEFAULT_SIZE_LIMIT).expect("sample loads");
        let x = extract::run(&a, extract::Lexicon::builtin());
        let name = format!("sample-{}", path.file_name().unwrap_or_default().to_string_lossy());
        insta::assert_yaml_snapshot!(name, summarize(&a, &x));
    }
}

// A compact reading of the gold format of ../shared/eval/SCHEMA.md.
#[derive(Deserialize)]
struct Gold {
    entities: Vec<GoldEntity>,
    quotes: Vec<GoldQuote>,
    stances: Vec<GoldStance>,
    #[serde(default)]
    affiliations: Vec<GoldAffiliation>,
}

#[derive(Deserialize)]
struct GoldEntity {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default = "yes")]
    required: bool,
}

#[derive(Deserialize)]
struct GoldQuote {
    key: String,
    speaker: Option<String>,
}

#[derive(Deserialize)]
struct GoldStance {
    sources: Vec<String>,
    target: String,
    polarity: Vec<String>,
    #[serde(default = "yes")]
    required: bool,
}

#[derive(Deserialize)]
struct GoldAffiliation {
    person: String,
    org: String,
    #[serde(default = "yes")]
    required: bool,
}

fn yes() -> bool {
    true
}

fn norm(s: &str) -> String {
    let folded: String = s
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' | '«' | '»' | '„' => '"',
            '–' | '—' | '-' => ' ',
            c => c,
        })
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let words = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    words.strip_prefix("the ").map(str::to_owned).unwrap_or(words)
}

/// Gold entity index each system entity maps to (by name or alias).
fn map_entities(gold: &Gold, x: &Extraction) -> Vec<Option<usize>> {
    x.entities
        .iter()
        .map(|e| {
            let names: Vec<String> = std::iter::once(&e.name).chain(&e.aliases).map(|n| norm(n)).collect();
            gold.entities
                .iter()
                .position(|g| std::iter::once(&g.name).chain(&g.aliases).any(|n| names.contains(&norm(n))))
        })
        .collect()
}

struct Scores {
    entity_recall: f64,
    entity_precision: f64,
    attribution: f64,
    stance_recall: f64,
    affiliation_recall: f64,
}

fn score(path: &Path, gold_path: &Path) -> Scores {
    let a = article::read(path, article::DEFAULT_SIZE_LIMIT).expect("article loads");
    let x = extract::run(&a, extract::Lexicon::builtin());
    let gold: Gold =
        serde_json::from_str(&std::fs::read_to_string(gold_path).expect("gold readable")).expect("gold parses");
    let map = map_entities(&gold, &x);
    let gidx = |name: &str| gold.entities.iter().position(|g| g.name == name);
    let required: Vec<usize> = (0..gold.entities.len()).filter(|&i| gold.entities[i].required).collect();
    let found = required.iter().filter(|&&g| map.contains(&Some(g))).count();
    let mut seen = std::collections::BTreeSet::new();
    let correct = map.iter().filter(|m| m.is_some_and(|g| seen.insert(g))).count();
    let text = a.text();
    let attributed = gold
        .quotes
        .iter()
        .filter(|gq| {
            let key = norm(&gq.key);
            x.quotes
                .iter()
                .find(|q| norm(&text[q.span.range()]).contains(&key))
                .is_some_and(|q| q.speaker.and_then(|s| map[s]) == gq.speaker.as_deref().and_then(gidx))
        })
        .count();
    let triples: Vec<(Option<usize>, Option<usize>, &str)> = x
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Stance)
        .map(|r| (map[r.source], map[r.target], r.polarity.as_str()))
        .collect();
    let req_stances: Vec<&GoldStance> = gold.stances.iter().filter(|s| s.required).collect();
    let stance_found = req_stances
        .iter()
        .filter(|gs| {
            triples.iter().any(|(s, t, p)| {
                s.is_some_and(|s| gs.sources.iter().any(|n| gidx(n) == Some(s)))
                    && *t == gidx(&gs.target)
                    && gs.polarity.iter().any(|gp| gp == p)
            })
        })
        .count();
    let pairs: Vec<(Option<usize>, Option<usize>)> =
        x.relations.iter().filter(|r| r.kind != RelationKind::Stance).map(|r| (map[r.source], map[r.target])).collect();
    let req_aff: Vec<&GoldAffiliation> = gold.affiliations.iter().filter(|g| g.required).collect();
    let aff_found = req_aff
        .iter()
        .filter(|g| pairs.iter().any(|(p, o)| p.is_some() && *p == gidx(&g.person) && *o == gidx(&g.org)))
        .count();
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    Scores {
        entity_recall: ratio(found, required.len()),
        entity_precision: ratio(correct, x.entities.len()),
        attribution: ratio(attributed, gold.quotes.len()),
        stance_recall: ratio(stance_found, req_stances.len()),
        affiliation_recall: ratio(aff_found, req_aff.len()),
    }
}

fn samples_with_gold() -> Vec<(PathBuf, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples");
    let mut out: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(&dir)
        .expect("assets/samples exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md" || e == "html"))
        .filter_map(|p| {
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            let gold = dir.join(format!("{stem}.gold.json"));
            gold.exists().then_some((p, gold))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_sample_has_a_gold_annotation() {
    assert!(samples_with_gold().len() >= 4);
}

#[test]
fn samples_meet_their_gold_annotations() {
    let mut report = Vec::new();
    let mut failed = false;
    for (path, gold) in samples_with_gold() {
        let s = score(&path, &gold);
        let line = format!(
            "{}: entities R {:.2} P {:.2}, attribution {:.2}, stances R {:.2}, affiliations R {:.2}",
            path.file_name().unwrap_or_default().to_string_lossy(),
            s.entity_recall,
            s.entity_precision,
            s.attribution,
            s.stance_recall,
            s.affiliation_recall
        );
        failed |= s.entity_recall < 0.8
            || s.entity_precision < 0.7
            || s.attribution < 0.75
            || s.stance_recall < 0.5
            || s.affiliation_recall < 0.5;
        report.push(line);
    }
    assert!(!failed, "below the bar:\n{}", report.join("\n"));
}

#[test]
fn seed_article_meets_its_gold_annotation() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let s = score(&root.join("seeds/csto-afghanistan.txt"), &root.join("eval/gold/csto-afghanistan.gold.json"));
    assert!(s.entity_recall >= 0.95, "entity recall {}", s.entity_recall);
    assert!(s.entity_precision >= 0.9, "entity precision {}", s.entity_precision);
    assert!(s.attribution >= 0.95, "attribution {}", s.attribution);
    assert!(s.stance_recall >= 0.8, "stance recall {}", s.stance_recall);
    assert!(s.affiliation_recall >= 0.99, "affiliation recall {}", s.affiliation_recall);
}
