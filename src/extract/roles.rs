//! Roles and membership: "President of Belarus X" → affiliation X → Belarus (President);
//! "CSTO Collective Security Council" → body of the CSTO; "member states of the EU such as
//! Poland and Hungary" → membership.
//!
//! Invariant: every relation carries the span of the words that state it.

use super::doc::{Doc, Words, words};
use super::entities::Table;
use super::{EntityKind, Evidence, Polarity, Relation, RelationKind};
use crate::article::Span;

/// Affiliation and membership relations.
pub(crate) fn find(doc: &Doc<'_>, table: &Table) -> Vec<Relation> {
    let mut out: Vec<Relation> = Vec::new();
    for (e, ent) in table.entities.iter().enumerate() {
        for role in &ent.roles {
            let Some(org) = role.org else { continue };
            push(
                &mut out,
                RelationKind::Affiliation,
                e,
                org,
                &role.title,
                role.span,
                role.title_span,
                "title and name",
            );
            // "Iranian Foreign Ministry spokesman X" speaks for Iran too: a title in a state's
            // ministry is held for the state (not so in its universities or commissions).
            let is_ministry = ["Ministry", "Department"].iter().any(|w| table.entities[org].name.contains(w));
            if ent.kind == EntityKind::Person
                && is_ministry
                && let Some((state, _)) = table.entities[org].parent
                && table.entities[state].kind == EntityKind::Country
            {
                push(
                    &mut out,
                    RelationKind::Affiliation,
                    e,
                    state,
                    &role.title,
                    role.span,
                    role.title_span,
                    "title in a state's body",
                );
            }
        }
        if let Some((parent, span)) = ent.parent {
            push(
                &mut out,
                RelationKind::Affiliation,
                e,
                parent,
                "body",
                span,
                span,
                "organization named after its parent",
            );
        }
    }
    membership(doc, table, &mut out);
    party_in_parentheses(doc, table, &mut out);
    out
}

/// "Mariana Ocampo Villa (Centro Democrático, sponsor of the motion)", "Wilson Arboleda
/// (Alianza Verde)": the party a person's name is followed by, as in transcripts and lists.
fn party_in_parentheses(doc: &Doc<'_>, table: &Table, out: &mut Vec<Relation>) {
    for m in table.sorted_mentions() {
        let open = m.tokens.end;
        if table.entities[m.entity].kind != EntityKind::Person || !doc.is_punct(open, "(") {
            continue;
        }
        let Some(party) = table.mention_at(open + 1).filter(|p| p.tokens.start == open + 1) else { continue };
        let ent = &table.entities[party.entity];
        if ent.kind != EntityKind::Organization || ent.class == "media" || !doc.is_punct(party.tokens.end, ",)") {
            continue;
        }
        let span = Span::new(m.span.start, party.span.end);
        push(
            out,
            RelationKind::Affiliation,
            m.entity,
            party.entity,
            "member",
            span,
            party.span,
            "party in parentheses",
        );
    }
}

#[expect(clippy::too_many_arguments, reason = "a private helper that builds one value")]
fn push(
    out: &mut Vec<Relation>,
    kind: RelationKind,
    source: usize,
    target: usize,
    role: &str,
    span: Span,
    cue_span: Span,
    rule: &str,
) {
    let evidence = Evidence {
        span,
        quote: None,
        cue: role.to_owned(),
        cue_span,
        target_span: None,
        polarity: Polarity::Neutral,
        category: role.to_owned(),
        rule: rule.to_owned(),
        is_negated: false,
        is_hedged: false,
        weight: 1.0,
    };
    if let Some(r) = out.iter_mut().find(|r| r.kind == kind && r.source == source && r.target == target) {
        if !r.evidence.iter().any(|x| x.span == span) {
            r.evidence.push(evidence);
        }
        return;
    }
    out.push(Relation {
        kind,
        source,
        target,
        polarity: Polarity::Neutral,
        label: role.to_owned(),
        role: Some(role.to_owned()),
        evidence: vec![evidence],
    });
}

const BEFORE_MEMBER: Words = words![
    "a", "an", "both", "all", "is", "are", "was", "were", "fellow", "founding", "the", "one", "of", "two", "three",
    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "other",
];
/// "A, a member of X", "A and B, both members of X", "member states of X such as A and B",
/// "X members A and B".
fn membership(doc: &Doc<'_>, table: &Table, out: &mut Vec<Relation>) {
    let is_org = |e: usize| matches!(table.entities[e].kind, EntityKind::Organization);
    let is_state = |e: usize| matches!(table.entities[e].kind, EntityKind::Country);
    for sentence in doc.article.sentences() {
        let tokens = sentence.tokens.clone();
        for t in tokens.clone() {
            if !doc.is_any(t, words!["member", "members"]) {
                continue;
            }
            let mut after = t + 1;
            if doc.is_any(after, words!["state", "states", "country", "countries", "nation", "nations"]) {
                after += 1;
            }
            // The organization: "members of X" or "X members".
            let org = if doc.is_any(after, words!["of", "in"]) {
                let mut u = after + 1;
                while doc.is_any(u, words!["the"]) {
                    u += 1;
                }
                let org = table.entity_at(u).filter(|&e| is_org(e));
                after = table.mention_at(u).map_or(u, |m| m.tokens.end);
                org
            } else {
                t.checked_sub(1).and_then(|u| table.entity_at(u)).filter(|&e| is_org(e))
            };
            let Some(org) = org else { continue };
            // Members listed after: "such as A and B", "including A", ": A, B".
            let mut members: Vec<(usize, Span)> = Vec::new();
            let mut u = after;
            while doc.is_any(u, words!["such", "as", "including", "like", "namely", "are", "is", "include", "were"])
                || doc.is_punct(u, ",:")
            {
                u += 1;
            }
            while u < tokens.end {
                match table.mention_at(u) {
                    Some(m) if is_state(m.entity) => {
                        members.push((m.entity, m.span));
                        u = m.tokens.end;
                    }
                    _ if doc.is_any(u, words!["and", "or"]) || doc.is_punct(u, ",") => u += 1,
                    _ => break,
                }
            }
            // Members listed before: "A and B, both members of X", "A is a member of X".
            if members.is_empty() {
                let mut v = t;
                while v > tokens.start && (doc.is_punct(v - 1, ",") || doc.is_any(v - 1, BEFORE_MEMBER)) {
                    v -= 1;
                }
                while v > tokens.start {
                    match table.mention_at(v - 1) {
                        Some(m) if is_state(m.entity) => {
                            members.push((m.entity, m.span));
                            v = m.tokens.start;
                        }
                        _ if doc.is_any(v - 1, words!["and"]) || doc.is_punct(v - 1, ",") => v -= 1,
                        _ => break,
                    }
                }
            }
            for (member, span) in members {
                let cue = Span::new(doc.span(t).start, doc.span(t).end);
                let evidence_span = Span::new(span.start.min(cue.start), span.end.max(cue.end));
                push(out, RelationKind::Membership, member, org, "member", evidence_span, cue, "membership phrase");
            }
        }
    }
}
