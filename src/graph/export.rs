//! The graph in the formats of other tools: `GraphML` (Gephi, Cytoscape, yEd), GEXF (Gephi), DOT
//! (Graphviz), node-link JSON (D3, Cytoscape.js) and CSV; and atomic file writes.
//!
//! Invariant: every format carries the same nodes and edges with kind, polarity, category,
//! evidence count and the first quote; writes never leave a half-written file behind.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use emath::Pos2;

use super::KnowledgeGraph;
use crate::article::Article;
use crate::extract::Extraction;

/// A graph file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum GraphFormat {
    /// `GraphML` (Gephi, Cytoscape, yEd).
    Graphml,
    /// GEXF (Gephi).
    Gexf,
    /// DOT (Graphviz).
    Dot,
    /// Node-link JSON (D3, Cytoscape.js).
    Json,
    /// Two CSV tables, nodes and edges, in one file separated by a blank line.
    Csv,
}

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Creating, writing or renaming failed.
    #[error("failed to write {}", path.display())]
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a rename, so
/// that a failed write never damages the file that was there.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let err = |source| WriteError::Io { path: path.to_owned(), source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
}

/// One edge's data for export.
struct EdgeRow {
    id: usize,
    source: usize,
    target: usize,
    kind: &'static str,
    polarity: &'static str,
    category: String,
    n_evidence: usize,
    first_quote: String,
}

fn edge_rows(graph: &KnowledgeGraph, article: &Article, x: &Extraction) -> Vec<EdgeRow> {
    graph
        .edges()
        .map(|(id, source, target, e)| {
            let r = &x.relations[e.relation];
            let first_quote = r
                .evidence
                .iter()
                .find(|ev| ev.quote.is_some())
                .or_else(|| r.evidence.first())
                .map(|ev| article.text()[ev.span.range()].split_whitespace().collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            EdgeRow {
                id,
                source,
                target,
                kind: e.kind.as_str(),
                polarity: e.polarity.as_str(),
                category: e.label.clone(),
                n_evidence: e.n_evidence,
                first_quote,
            }
        })
        .collect()
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Serialises the graph in a format; `positions` are written where the format has them.
pub fn to_string(
    format: GraphFormat,
    graph: &KnowledgeGraph,
    article: &Article,
    x: &Extraction,
    positions: &[Pos2],
) -> String {
    let edges = edge_rows(graph, article, x);
    let aliases = |i: usize| x.entities.get(i).map_or(String::new(), |e| e.aliases.join("; "));
    let pos = |i: usize| positions.get(i).copied().unwrap_or(Pos2::ZERO);
    let mut out = String::new();
    match format {
        GraphFormat::Graphml => {
            out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
            for (id, for_, name, ty) in [
                ("label", "node", "label", "string"),
                ("kind", "node", "kind", "string"),
                ("mentions", "node", "mentions", "int"),
                ("aliases", "node", "aliases", "string"),
                ("x", "node", "x", "double"),
                ("y", "node", "y", "double"),
                ("ekind", "edge", "kind", "string"),
                ("polarity", "edge", "polarity", "string"),
                ("category", "edge", "category", "string"),
                ("evidence", "edge", "evidence", "int"),
                ("quote", "edge", "quote", "string"),
            ] {
                let _ = writeln!(out, "  <key id=\"{id}\" for=\"{for_}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>");
            }
            out.push_str("  <graph id=\"stancemap\" edgedefault=\"directed\">\n");
            for (i, n) in graph.nodes() {
                let p = pos(i);
                let _ = writeln!(
                    out,
                    "    <node id=\"n{i}\"><data key=\"label\">{}</data><data key=\"kind\">{}</data><data key=\"mentions\">{}</data><data key=\"aliases\">{}</data><data key=\"x\">{:.2}</data><data key=\"y\">{:.2}</data></node>",
                    xml(&n.label),
                    n.kind.as_str(),
                    n.n_mentions,
                    xml(&aliases(i)),
                    p.x,
                    p.y
                );
            }
            for e in &edges {
                let _ = writeln!(
                    out,
                    "    <edge id=\"e{}\" source=\"n{}\" target=\"n{}\"><data key=\"ekind\">{}</data><data key=\"polarity\">{}</data><data key=\"category\">{}</data><data key=\"evidence\">{}</data><data key=\"quote\">{}</data></edge>",
                    e.id,
                    e.source,
                    e.target,
                    e.kind,
                    e.polarity,
                    xml(&e.category),
                    e.n_evidence,
                    xml(&e.first_quote)
                );
            }
            out.push_str("  </graph>\n</graphml>\n");
        }
        GraphFormat::Gexf => {
            out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n  <graph defaultedgetype=\"directed\">\n");
            out.push_str("    <attributes class=\"node\"><attribute id=\"0\" title=\"kind\" type=\"string\"/><attribute id=\"1\" title=\"mentions\" type=\"integer\"/><attribute id=\"2\" title=\"aliases\" type=\"string\"/></attributes>\n");
            out.push_str("    <attributes class=\"edge\"><attribute id=\"0\" title=\"kind\" type=\"string\"/><attribute id=\"1\" title=\"polarity\" type=\"string\"/><attribute id=\"2\" title=\"category\" type=\"string\"/><attribute id=\"3\" title=\"evidence\" type=\"integer\"/><attribute id=\"4\" title=\"quote\" type=\"string\"/></attributes>\n    <nodes>\n");
            for (i, n) in graph.nodes() {
                let p = pos(i);
                let _ = writeln!(
                    out,
                    "      <node id=\"{i}\" label=\"{}\"><attvalues><attvalue for=\"0\" value=\"{}\"/><attvalue for=\"1\" value=\"{}\"/><attvalue for=\"2\" value=\"{}\"/></attvalues><viz:position x=\"{:.2}\" y=\"{:.2}\" z=\"0\"/></node>",
                    xml(&n.label),
                    n.kind.as_str(),
                    n.n_mentions,
                    xml(&aliases(i)),
                    p.x,
                    -p.y
                );
            }
            out.push_str("    </nodes>\n    <edges>\n");
            for e in &edges {
                let _ = writeln!(
                    out,
                    "      <edge id=\"{}\" source=\"{}\" target=\"{}\" weight=\"{}\"><attvalues><attvalue for=\"0\" value=\"{}\"/><attvalue for=\"1\" value=\"{}\"/><attvalue for=\"2\" value=\"{}\"/><attvalue for=\"3\" value=\"{}\"/><attvalue for=\"4\" value=\"{}\"/></attvalues></edge>",
                    e.id,
                    e.source,
                    e.target,
                    e.n_evidence,
                    e.kind,
                    e.polarity,
                    xml(&e.category),
                    e.n_evidence,
                    xml(&e.first_quote)
                );
            }
            out.push_str("    </edges>\n  </graph>\n</gexf>\n");
        }
        GraphFormat::Dot => {
            let q = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', " "));
            out.push_str("digraph stancemap {\n");
            for (i, n) in graph.nodes() {
                let p = pos(i);
                let _ = writeln!(
                    out,
                    "  n{i} [label={}, kind={}, mentions={}, pos={}];",
                    q(&n.label),
                    q(n.kind.as_str()),
                    n.n_mentions,
                    q(&format!("{:.2},{:.2}!", p.x, -p.y))
                );
            }
            for e in &edges {
                let style = if e.kind == "stance" { "solid" } else { "dashed" };
                let _ = writeln!(
                    out,
                    "  n{} -> n{} [kind={}, polarity={}, category={}, evidence={}, quote={}, style={style}];",
                    e.source,
                    e.target,
                    q(e.kind),
                    q(e.polarity),
                    q(&e.category),
                    e.n_evidence,
                    q(&e.first_quote)
                );
            }
            out.push_str("}\n");
        }
        GraphFormat::Json => {
            let nodes: Vec<serde_json::Value> = graph
                .nodes()
                .map(|(i, n)| {
                    let p = pos(i);
                    serde_json::json!({"id": i, "label": n.label, "kind": n.kind.as_str(), "mentions": n.n_mentions,
                        "aliases": x.entities.get(i).map(|e| e.aliases.clone()).unwrap_or_default(), "x": p.x, "y": p.y})
                })
                .collect();
            let links: Vec<serde_json::Value> = edges
                .iter()
                .map(|e| serde_json::json!({"id": e.id, "source": e.source, "target": e.target, "kind": e.kind, "polarity": e.polarity,
                    "category": e.category, "evidence": e.n_evidence, "quote": e.first_quote}))
                .collect();
            out = serde_json::to_string_pretty(&serde_json::json!({"directed": true, "nodes": nodes, "links": links}))
                .expect("plain data always serialises");
            out.push('\n');
        }
        GraphFormat::Csv => {
            let c = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
            out.push_str("id,label,kind,mentions,aliases,x,y\n");
            for (i, n) in graph.nodes() {
                let p = pos(i);
                let _ = writeln!(
                    out,
                    "{i},{},{},{},{},{:.2},{:.2}",
                    c(&n.label),
                    n.kind.as_str(),
                    n.n_mentions,
                    c(&aliases(i)),
                    p.x,
                    p.y
                );
            }
            out.push_str("\nid,source,target,kind,polarity,category,evidence,quote\n");
            for e in &edges {
                let _ = writeln!(
                    out,
                    "{},{},{},{},{},{},{},{}",
                    e.id,
                    e.source,
                    e.target,
                    e.kind,
                    e.polarity,
                    c(&e.category),
                    e.n_evidence,
                    c(&e.first_quote)
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.svg");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn failed_write_keeps_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.svg");
        std::fs::write(&path, "precious").unwrap();
        // The temporary file cannot be created (a folder has its name), even for root.
        std::fs::create_dir(dir.path().join(format!(".map.svg.{}.tmp", std::process::id()))).unwrap();
        assert!(write_atomic(&path, b"new").is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "precious");
    }

    #[test]
    fn write_into_a_missing_folder_names_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("map.svg");
        let err = write_atomic(&path, b"new").unwrap_err();
        assert!(err.to_string().contains("missing-folder"));
    }
}
