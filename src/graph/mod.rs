//! Stage 3: [`Extraction`] → [`KnowledgeGraph`], a petgraph `StableDiGraph` of actors and relations.
//!
//! Invariant: node `i` is entity `i` of the extraction and edge ids are stable for one
//! extraction; petgraph's indices never leave this module.

pub mod export;
pub mod mapfile;

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::{Deserialize, Serialize};

use crate::extract::{EntityKind, Extraction, Polarity, RelationKind};

/// Index of a node (the entity index of the extraction).
pub type NodeId = usize;
/// Index of an edge (the relation index of the extraction).
pub type EdgeId = usize;

/// An actor on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Entity index in the extraction.
    pub entity: usize,
    /// Display name.
    pub label: String,
    /// Kind of actor.
    pub kind: EntityKind,
    /// How often the article names it.
    pub n_mentions: usize,
    /// How many quotes it said.
    pub n_quotes: usize,
}

/// A relation on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// Relation index in the extraction.
    pub relation: usize,
    /// Stance, affiliation or membership.
    pub kind: RelationKind,
    /// Aggregated polarity.
    pub polarity: Polarity,
    /// Short label.
    pub label: String,
    /// Number of supporting quotes or sentences.
    pub n_evidence: usize,
}

/// The relationship map as a graph.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Node, Edge>,
}

/// Builds the graph of an extraction: every entity is a node, every relation an edge.
pub fn build(extraction: &Extraction) -> KnowledgeGraph {
    let mut graph = StableDiGraph::with_capacity(extraction.entities.len(), extraction.relations.len());
    for (i, e) in extraction.entities.iter().enumerate() {
        let n_quotes = extraction.quotes.iter().filter(|q| q.speaker == Some(i) && q.is_direct).count();
        graph.add_node(Node {
            entity: i,
            label: display_name(&e.name, &e.aliases),
            kind: e.kind,
            n_mentions: e.mentions.len(),
            n_quotes,
        });
    }
    for (i, r) in extraction.relations.iter().enumerate() {
        graph.add_edge(
            NodeIndex::new(r.source),
            NodeIndex::new(r.target),
            Edge {
                relation: i,
                kind: r.kind,
                polarity: r.polarity,
                label: r.label.clone(),
                n_evidence: r.evidence.len(),
            },
        );
    }
    KnowledgeGraph { graph }
}

/// A short name for the map: a well-known acronym ("NATO") rather than the long form.
fn display_name(name: &str, aliases: &[String]) -> String {
    let acronym = aliases.iter().find(|a| {
        a.len() >= 2
            && a.len() <= 6
            && a.chars().all(|c| c.is_ascii_uppercase())
            && name.split_whitespace().count() >= 3
    });
    acronym.cloned().unwrap_or_else(|| name.to_owned())
}

impl KnowledgeGraph {
    /// Number of nodes.
    pub fn n_nodes(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn n_edges(&self) -> usize {
        self.graph.edge_count()
    }

    /// A node by id.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.graph.node_weight(NodeIndex::new(id))
    }

    /// All nodes with their ids, in id order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeId, &Node)> {
        self.graph.node_indices().map(|i| (i.index(), &self.graph[i]))
    }

    /// All edges as (id, source, target, edge), in id order.
    pub fn edges(&self) -> impl Iterator<Item = (EdgeId, NodeId, NodeId, &Edge)> {
        self.graph.edge_references().map(|e| (e.id().index(), e.source().index(), e.target().index(), e.weight()))
    }

    /// Ids of the nodes linked to `id` in either direction, sorted.
    pub fn neighbors(&self, id: NodeId) -> Vec<NodeId> {
        let mut out: Vec<NodeId> = self.graph.neighbors_undirected(NodeIndex::new(id)).map(NodeIndex::index).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{article, extract};

    #[test]
    fn every_entity_is_a_node_and_every_relation_an_edge() {
        let a = article::parse("NATO condemned Russia. The EU praised Norway.");
        let x = extract::run(&a, extract::Lexicon::builtin());
        let g = build(&x);
        assert_eq!(g.n_nodes(), x.entities.len());
        assert_eq!(g.n_edges(), x.relations.len());
        for (id, s, t, e) in g.edges() {
            let r = &x.relations[e.relation];
            assert_eq!((s, t), (r.source, r.target), "edge {id}");
        }
    }

    #[test]
    fn long_names_show_their_acronym() {
        let aliases = vec!["NATO".to_owned(), "alliance".to_owned()];
        assert_eq!(display_name("North Atlantic Treaty Organization", &aliases), "NATO");
        assert_eq!(display_name("Stanislav Zas", &["Zas".to_owned()]), "Stanislav Zas");
    }
}
