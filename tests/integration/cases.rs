//! Rule tables: every `tests/cases/*.toml` case runs through the whole extractor
//! (format in `tests/cases/README.md`). One test reports every failing case.

use std::path::Path;

use serde::Deserialize;
use stancemap::extract::{Extraction, Lexicon, RelationKind};
use stancemap::{article, extract};

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    entities: Vec<String>,
    #[serde(default)]
    absent_entities: Vec<String>,
    #[serde(default)]
    same_entity: Vec<Vec<String>>,
    #[serde(default)]
    quotes: Vec<QuoteExp>,
    #[serde(default)]
    indirect: Vec<QuoteExp>,
    /// Quotes or reported statements that must not be given to this speaker.
    #[serde(default)]
    absent_quotes: Vec<QuoteExp>,
    #[serde(default)]
    stances: Vec<StanceExp>,
    #[serde(default)]
    absent_stances: Vec<StanceExp>,
    #[serde(default)]
    affiliations: Vec<AffiliationExp>,
    #[serde(default)]
    absent_affiliations: Vec<AffiliationExp>,
    n_quotes: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteExp {
    text: String,
    speaker: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StanceExp {
    source: String,
    target: String,
    polarity: Option<String>,
    category: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AffiliationExp {
    person: String,
    org: String,
    role: Option<String>,
}

fn norm(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    lower.strip_prefix("the ").unwrap_or(&lower).to_owned()
}

/// The entity an expectation names: by name or alias, or through the lexicon.
fn find(x: &Extraction, name: &str) -> Option<usize> {
    let wanted = norm(name);
    let direct = x.entities.iter().position(|e| norm(&e.name) == wanted || e.aliases.iter().any(|a| norm(a) == wanted));
    direct.or_else(|| {
        let lex = Lexicon::builtin();
        let canonical = &lex.entities()[lex.resolve(name.trim())?].name;
        x.entities.iter().position(|e| &e.name == canonical)
    })
}

fn check(case: &Case) -> Vec<String> {
    let a = article::parse(&case.text);
    let x = extract::run(&a, Lexicon::builtin());
    let text = a.text();
    let mut errors = Vec::new();
    let entity_names: Vec<String> = x.entities.iter().map(|e| format!("{} [{}]", e.name, e.kind.as_str())).collect();
    for spec in &case.entities {
        let (name, kind) = spec.rsplit_once(':').unwrap_or((spec, ""));
        match find(&x, name) {
            None => errors.push(format!("missing entity {name:?}; found {entity_names:?}")),
            Some(i) if !kind.is_empty() && x.entities[i].kind.as_str() != kind => {
                errors.push(format!("{name:?} is {}, expected {kind}", x.entities[i].kind.as_str()));
            }
            Some(_) => {}
        }
    }
    for spec in &case.absent_entities {
        // "NAME:KIND" forbids only that kind.
        let (name, kind) = spec.rsplit_once(':').unwrap_or((spec, ""));
        let wanted = norm(name);
        if x.entities.iter().any(|e| {
            (norm(&e.name) == wanted || e.aliases.iter().any(|a| norm(a) == wanted))
                && (kind.is_empty() || e.kind.as_str() == kind)
        }) {
            errors.push(format!("unexpected entity {spec:?}"));
        }
    }
    for group in &case.same_entity {
        let ids: Vec<Option<usize>> = group.iter().map(|n| find(&x, n)).collect();
        if ids.iter().any(Option::is_none) || ids.windows(2).any(|w| w[0] != w[1]) {
            errors.push(format!("{group:?} should be one entity; got {ids:?} in {entity_names:?}"));
        }
    }
    let describe = |q: &extract::Quote| {
        format!("{:?} by {:?}", &text[q.span.range()], q.speaker.map(|s| x.entities[s].name.as_str()))
    };
    for (list, direct) in [(&case.quotes, true), (&case.indirect, false)] {
        for exp in list {
            let found =
                x.quotes.iter().find(|q| q.is_direct == direct && text[q.span.range()].contains(exp.text.as_str()));
            let Some(q) = found else {
                let all: Vec<String> = x.quotes.iter().filter(|q| q.is_direct == direct).map(describe).collect();
                errors.push(format!(
                    "no {} quote containing {:?}; found {all:?}",
                    if direct { "direct" } else { "reported" },
                    exp.text
                ));
                continue;
            };
            let want = if exp.speaker.is_empty() { None } else { find(&x, &exp.speaker) };
            if q.speaker != want || (!exp.speaker.is_empty() && want.is_none()) {
                errors.push(format!("quote {:?}: expected speaker {:?}, got {}", exp.text, exp.speaker, describe(q)));
            }
        }
    }
    for exp in &case.absent_quotes {
        let speaker = find(&x, &exp.speaker);
        if let Some(q) =
            x.quotes.iter().find(|q| q.speaker == speaker && text[q.span.range()].contains(exp.text.as_str()))
        {
            errors.push(format!("quote {:?} should not be given to {:?}: {}", exp.text, exp.speaker, describe(q)));
        }
    }
    if let Some(n) = case.n_quotes {
        let got = x.quotes.iter().filter(|q| q.is_direct).count();
        if got != n {
            errors.push(format!("expected {n} direct quotes, found {got}"));
        }
    }
    let stance_list: Vec<String> = x
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Stance)
        .map(|r| {
            format!(
                "{} -> {} {} {}",
                x.entities[r.source].name,
                x.entities[r.target].name,
                r.polarity.as_str(),
                r.label
            )
        })
        .collect();
    for exp in &case.stances {
        let (s, t) = (find(&x, &exp.source), find(&x, &exp.target));
        let hit = x
            .relations
            .iter()
            .find(|r| r.kind == RelationKind::Stance && Some(r.source) == s && Some(r.target) == t && s.is_some());
        match hit {
            None => errors.push(format!("missing stance {} -> {}; found {stance_list:?}", exp.source, exp.target)),
            Some(r) => {
                if let Some(p) = &exp.polarity
                    && r.polarity.as_str() != p
                {
                    errors.push(format!(
                        "stance {} -> {}: polarity {}, expected {p}",
                        exp.source,
                        exp.target,
                        r.polarity.as_str()
                    ));
                }
                if let Some(c) = &exp.category
                    && !r.evidence.iter().any(|e| &e.category == c)
                {
                    errors.push(format!(
                        "stance {} -> {}: no evidence of category {c}; label {}",
                        exp.source, exp.target, r.label
                    ));
                }
            }
        }
    }
    for exp in &case.absent_stances {
        let (s, t) = (find(&x, &exp.source), find(&x, &exp.target));
        let hit = x.relations.iter().find(|r| {
            r.kind == RelationKind::Stance
                && s.is_some()
                && Some(r.source) == s
                && Some(r.target) == t
                && exp.polarity.as_ref().is_none_or(|p| r.polarity.as_str() == p)
        });
        if hit.is_some() {
            errors.push(format!("unexpected stance {} -> {}; found {stance_list:?}", exp.source, exp.target));
        }
    }
    for exp in &case.absent_affiliations {
        let (p, o) = (find(&x, &exp.person), find(&x, &exp.org));
        if x.relations
            .iter()
            .any(|r| r.kind != RelationKind::Stance && p.is_some() && Some(r.source) == p && Some(r.target) == o)
        {
            errors.push(format!("unexpected affiliation {} -> {}", exp.person, exp.org));
        }
    }
    for exp in &case.affiliations {
        let (p, o) = (find(&x, &exp.person), find(&x, &exp.org));
        let hit = x
            .relations
            .iter()
            .find(|r| r.kind != RelationKind::Stance && p.is_some() && Some(r.source) == p && Some(r.target) == o);
        match hit {
            None => {
                let all: Vec<String> = x
                    .relations
                    .iter()
                    .filter(|r| r.kind != RelationKind::Stance)
                    .map(|r| format!("{} -> {} {}", x.entities[r.source].name, x.entities[r.target].name, r.label))
                    .collect();
                errors.push(format!(
                    "missing affiliation {} -> {}; found {all:?} among {entity_names:?}",
                    exp.person, exp.org
                ));
            }
            Some(r) => {
                if let Some(role) = &exp.role
                    && !r.role.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(role))
                {
                    errors
                        .push(format!("affiliation {} -> {}: role {:?}, expected {role}", exp.person, exp.org, r.role));
                }
            }
        }
    }
    errors
}

#[test]
fn rule_tables() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cases exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut n_cases = 0;
    let mut failures = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("readable");
        let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for case in &file.case {
            n_cases += 1;
            assert!(names.insert(case.name.clone()), "duplicate case name {}", case.name);
            for error in check(case) {
                failures.push(format!(
                    "{}::{}: {error}",
                    path.file_name().unwrap_or_default().to_string_lossy(),
                    case.name
                ));
            }
        }
    }
    assert!(n_cases >= 60, "only {n_cases} cases");
    assert!(failures.is_empty(), "{} of {n_cases} cases failed:\n{}", failures.len(), failures.join("\n"));
}
