//! Finds stances: for every cue, the source (the clause's subject actor or the statement's
//! speaker), the targets in the cue's scope, polarity with negation and hedging; then aggregates
//! them per (source, target), "mixed" where the evidence disagrees.
//!
//! Invariant: no stance links an actor to itself, to its own organization, or to a place.

use std::collections::BTreeMap;
use std::ops::Range;

use super::doc::{
    Doc, PRONOUNS_FEMALE, PRONOUNS_FIRST, PRONOUNS_FIRST_PLURAL, PRONOUNS_MALE, PRONOUNS_PLURAL, Words, words,
};
use super::entities::{Table, is_definite_document};
use super::lexicon::Gender;
use super::speakers::resolve_pronoun;
use super::{EntityKind, Evidence, Polarity, Quote, Relation, RelationKind};
use crate::article::{Span, TokenKind};

const NEGATIONS: Words = words![
    "not",
    "cannot",
    "no",
    "never",
    "without",
    "neither",
    "nor",
    "hardly",
    "refused",
    "refuses",
    "fail",
    "failed",
    "fails",
    "lack",
    "lacks",
    "unwilling",
];
const HEDGES: Words =
    words!["may", "might", "could", "would", "if", "possibly", "perhaps", "consider", "considering", "reportedly"];
pub(crate) const PREPOSITIONS: Words = words![
    "off",
    "to",
    "with",
    "against",
    "on",
    "about",
    "from",
    "in",
    "at",
    "into",
    "toward",
    "towards",
    "for",
    "over",
    "than",
    "between",
    "among",
    "by",
    "of",
    "regarding",
    "including",
    "across",
    "within",
    "under",
    "after",
    "before",
    "like",
    "unlike",
    "despite",
    "amid",
    "following",
    "during",
    "besides",
    "as",
];
const DETERMINERS: Words = words!["the", "a", "an", "its", "their", "this", "these", "those", "his", "her", "our"];
/// Nouns that make the actor after them a topic, not a target ("the situation in Afghanistan").
const TOPIC_NOUNS: Words = words![
    "situation",
    "situations",
    "crisis",
    "events",
    "developments",
    "conflict",
    "war",
    "issue",
    "issues",
    "question",
    "topic",
    "affairs",
    "territory",
    "region",
    "border",
    "borders",
    "future",
];
/// Conjunctions that open a subordinate clause, which a cue's scope does not enter.
/// Private actors of a country named by its demonym: "American utilities", "Chinese firms".
const PRIVATE_PLURALS: Words = words![
    "companies",
    "firms",
    "utilities",
    "businesses",
    "investors",
    "consumers",
    "households",
    "producers",
    "processors",
    "exporters",
    "importers",
    "buyers",
    "customers",
    "shareholders",
    "lenders",
    "tourists",
    "students"
];
/// Texts that states and bodies sign.
const SIGNED_TEXTS: Words = words![
    "protocol",
    "memorandum",
    "agreement",
    "agreements",
    "accord",
    "pact",
    "treaty",
    "contract",
    "declaration",
    "charter",
    "roadmap",
    "framework"
];
/// Nouns for what someone said or reported, whose "that" clause follows.
const CLAIM_NOUNS: Words = words![
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "assertion",
    "assertions",
    "suggestion",
    "suggestions",
    "report",
    "reports",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "speculation",
    "charge",
    "charges",
    "insinuation",
    "insinuations",
    "notion",
    "idea",
    "impression",
    "talk"
];
const SUBORDINATORS: Words = words!["until", "unless", "because", "since", "once", "whereas"];
const CLAUSE_BREAKS: Words = words!["but", "while", "whereas", "although", "though", "however", "yet"];
const PASSIVE_AUX: Words = words!["is", "are", "was", "were", "been", "be", "being"];
/// Evidence a stance needs in all (one clear cue, or several weak ones).
const MIN_WEIGHT: f32 = 0.5;
/// How far after a cue its target may be, in tokens.
const TARGET_WINDOW: usize = 11;

/// Stance evidence found so far: by (source, target), and every act in text order (for
/// "rejected the sanctions" to find who imposed them).
#[derive(Default)]
struct Found {
    by_pair: BTreeMap<(usize, usize), Vec<Evidence>>,
    /// (cue span, source, category) of every non-negated piece, in the order found.
    acts: Vec<(Span, usize, String)>,
    /// The same for negative cues that found no target ("…is a breach of European law," said
    /// X): "rejected that criticism" falls back on them when no act above fits.
    loose_acts: Vec<(Span, usize, String)>,
    /// (noun span, actor) of every decision the text gives an actor ("OPEC+'s decision",
    /// "Kuwait decided"), in text order: "the move" may refer back to one.
    decisions: Vec<(Span, usize)>,
}

struct Context {
    /// Default source: the speaker of the statement that holds the clause.
    speaker: Option<usize>,
    quote: Option<usize>,
    span: Span,
}

/// Finds and aggregates stance relations.
pub(crate) fn find(doc: &Doc<'_>, table: &Table, statements: &[Quote]) -> Vec<Relation> {
    let mut found = Found { decisions: decisions(doc, table), ..Found::default() };
    for sentence in doc.article.sentences() {
        let tokens = sentence.tokens.clone();
        if tokens.is_empty() || doc.is_heading(tokens.start) {
            continue;
        }
        for clause in clauses(doc, tokens) {
            for c in clause.clone() {
                let Some(cue_idx) = doc.cue_at(c) else { continue };
                if doc.furniture[c] || table.mention_at(c).is_some() {
                    continue;
                }
                // The statement that holds the cue ("Its ministry said that it backed …").
                let ctx = context(doc, statements, c, sentence.span);
                stance_at(doc, table, &ctx, clause.clone(), c, cue_idx, &mut found);
            }
        }
    }
    described_as(doc, table, statements, &mut found);
    found
        .by_pair
        .into_iter()
        .map(|((source, target), mut ev)| {
            ev.sort_by_key(|e| e.cue_span);
            ev.dedup_by(|a, b| a.cue_span == b.cue_span);
            aggregate(source, target, ev)
        })
        // Meetings and talks alone are no stance, nor is one weak cue.
        .filter(|r| r.polarity != Polarity::Neutral && r.evidence.iter().map(|e| e.weight).sum::<f32>() >= MIN_WEIGHT)
        .collect()
}

/// Clauses of a sentence: split at quote boundaries, semicolons, parentheses and contrast words.
fn clauses(doc: &Doc<'_>, tokens: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = tokens.start;
    // A short parenthesis ("(CSTO)", "(SCO)") is part of its clause; a long one is a clause.
    let is_short_paren = |t: usize| {
        (doc.is_punct(t, "(") && (t + 1..t + 4).any(|u| doc.is_punct(u, ")")))
            || (doc.is_punct(t, ")") && (t.saturating_sub(3)..t).any(|u| doc.is_punct(u, "(")))
    };
    // A short quoted phrase inside a sentence ("said Tokyo had “serious concerns” about …") is
    // part of its clause; a longer quotation is a clause of its own.
    let is_inline = |q: Option<usize>| {
        q.is_some_and(|q| {
            let inner = doc.quote_inner_tokens(q);
            inner.len() <= 6 && doc.quote_outer_tokens(q).start > tokens.start
        })
    };
    for t in tokens.clone() {
        let boundary = t > start
            && ((doc.quote_of(t) != doc.quote_of(t - 1)
                && !is_inline(doc.quote_of(t))
                && !is_inline(doc.quote_of(t - 1)))
                || (doc.is_punct(t, ";()[]") && !is_short_paren(t))
                || doc.is_any(t, CLAUSE_BREAKS));
        if boundary {
            out.push(start..t);
            start = t;
        }
    }
    out.push(start..tokens.end);
    out
}

fn context(doc: &Doc<'_>, statements: &[Quote], t: usize, sentence: Span) -> Context {
    let pos = doc.span(t).start;
    // Statements are sorted by start: look only at those that start at or before `pos`.
    let k = statements.partition_point(|s| s.span.start <= pos);
    let nearby = || (k.saturating_sub(8)..k).rev();
    if let Some(q) = doc.quote_of(t) {
        // A few quoted words inside a sentence ("said it “firmly condemns” the coup") read
        // only in their sentence.
        let outer = doc.quotes[q].outer;
        let inline = doc.quote_inner_tokens(q).len() <= 6 && outer.start > sentence.start && outer.end <= sentence.end;
        let inner = doc.quotes[q].inner;
        let idx = nearby().find(|&i| statements[i].is_direct && statements[i].span == inner);
        let span = if inline { sentence } else { inner };
        return Context { speaker: idx.and_then(|i| statements[i].speaker), quote: idx, span };
    }
    let reported = nearby().find(|&i| !statements[i].is_direct && pos < statements[i].span.end);
    match reported {
        Some(i) => Context { speaker: statements[i].speaker, quote: Some(i), span: sentence },
        None => Context { speaker: None, quote: None, span: sentence },
    }
}

fn is_actor(table: &Table, e: usize) -> bool {
    let ent = &table.entities[e];
    ent.kind != EntityKind::Place && ent.class != "media"
}

/// The subject of a stretch of a sentence (outside quotes): its first person in subject
/// position ("A spokesman for the ministry, Zhao Lin, …"), else its first actor there.
pub(crate) fn sentence_subject(doc: &Doc<'_>, table: &Table, range: Range<usize>) -> Option<usize> {
    // "In a communique issued in the Ethiopian capital, Addis Ababa, the council …": after an
    // opening phrase, the subject is the first actor that opens a stretch between commas ("In
    // Kabul, Hafiz Noori, spokesman for the Ministry of Commerce, called …": Noori).
    // Not the comma that opens a relative clause ("…, the CPOPC, whose members …, said").
    if doc.is_any(range.start, PREPOSITIONS) {
        let commas: Vec<usize> = (range.start + 1..range.end.saturating_sub(1))
            .filter(|&t| doc.is_punct(t, ",") && doc.quote_of(t).is_none())
            .collect();
        for (i, &comma) in commas.iter().enumerate() {
            if doc.is_any(comma + 1, words!["whose", "which", "who"]) {
                continue;
            }
            let end = commas.get(i + 1).copied().unwrap_or(range.end);
            // "in the Ethiopian capital, Addis Ababa, …": a capital in apposition to a place.
            let capital = table.mention_at(comma + 1).is_some_and(|m| {
                m.tokens.end == end
                    && matches!(m.form, super::entities::MentionForm::Metonym | super::entities::MentionForm::Location)
            });
            if capital {
                continue;
            }
            if let Some(e) = subject_in(doc, table, comma + 1..end) {
                // "In Strasbourg, the Commissioner for Human Rights, Jean-Marc de Villiers, …":
                // the person named in apposition.
                let apposed = commas.get(i + 1).and_then(|&next| {
                    let end = commas.get(i + 2).copied().unwrap_or(range.end);
                    subject_in(doc, table, next + 1..end).filter(|&p| table.entities[p].kind == EntityKind::Person)
                });
                let is_person = table.entities[e].kind == EntityKind::Person;
                return Some(if is_person { e } else { apposed.unwrap_or(e) });
            }
        }
    }
    subject_in(doc, table, range)
}

fn subject_in(doc: &Doc<'_>, table: &Table, range: Range<usize>) -> Option<usize> {
    // "She said the DPP had …": a pronoun that opens the stretch is its subject.
    if let Some(first) = range.clone().find(|&t| doc.quote_of(t).is_none() && doc.is_word(t))
        && let Some(e) = pronoun_entity(doc, table, first)
    {
        return Some(e);
    }
    // "The final communique praised Oman": whoever issued it.
    if let Some(first) = range.clone().find(|&t| doc.is_word(t))
        && doc.is_any(first, words!["the"])
        && let Some(noun) = (first + 1..(first + 3).min(range.end)).find(|&t| is_definite_document(doc, t))
        && (first + 1..noun).all(|t| doc.is_word(t) && table.mention_at(t).is_none())
    {
        return super::entities::document_issuer(doc, table, noun);
    }
    let mut seen = Vec::new();
    // ", which upgraded Pakistan's rating in August,": a relative clause's words are not the
    // subject of the sentence.
    let mut relative_until = None;
    for t in range.clone() {
        if doc.is_punct(t, ",") && doc.is_any(t + 1, words!["which", "who", "whose"]) {
            relative_until = (t + 2..range.end).find(|&u| doc.is_punct(u, ",;")).or(Some(range.end));
        }
        if relative_until.is_some_and(|end| t < end) || doc.quote_of(t).is_some() {
            continue;
        }
        if let Some(m) = table.mention_at(t).filter(|m| m.tokens.start == t)
            && is_actor(table, m.entity)
            && !modifies_a_bystander(doc, m)
            && is_subject(doc, table, &range, m.tokens.start)
            && !seen.contains(&m.entity)
        {
            seen.push(m.entity);
        }
    }
    // "The UN peacekeeping mission in Congo, MONUSCO, said": the actor named in apposition.
    let apposition = || {
        // The stretch may end with the closing comma or just before it.
        let comma = if doc.is_punct(range.end.checked_sub(1)?, ",") { range.end - 1 } else { range.end };
        if !doc.is_punct(comma, ",") {
            return None;
        }
        let m = table.mention_at(comma.checked_sub(1)?)?;
        (m.tokens.start > range.start && doc.is_punct(m.tokens.start - 1, ",") && is_actor(table, m.entity))
            .then_some(m.entity)
    };
    // "The SADC Electoral Observation Mission": the body, not the organization that names it.
    if seen.len() >= 2 && table.entities[seen[1]].parent.is_some_and(|(p, _)| p == seen[0]) {
        seen.remove(0);
    }
    let found = seen
        .iter()
        .copied()
        .find(|&e| table.entities[e].kind == EntityKind::Person)
        .or_else(apposition)
        .or_else(|| seen.first().copied());
    // "She accused Norway of “…”": a pronoun that opens the stretch.
    found.or_else(|| {
        let first = range.clone().find(|&t| doc.quote_of(t).is_none() && doc.is_word(t))?;
        pronoun_entity(doc, table, first)
    })
}

/// "A German reporter", "Russian tourists": a demonym before a noun through which the country
/// does not act ("Russian officials", "the Russian diplomat" do; journalists and other private
/// roles do not).
fn modifies_a_bystander(doc: &Doc<'_>, m: &super::entities::Mention) -> bool {
    let next = m.tokens.end;
    m.form == super::entities::MentionForm::Demonym
        && doc.is_word(next)
        && !doc.is_cap(next)
        && !doc.is_proxy(next)
        && doc.title_at(next).is_none_or(|i| doc.lex.title(i).category == "other")
        && doc.lex.description(doc.base(next)).is_none()
        && doc.speech_at(next).is_none()
        && doc.cue_at(next).is_none()
}

/// "X, whose re-election Mogadishu has refused to recognise, welcomed …": a word at `t` inside
/// a relative clause that opens after a comma.
pub(crate) fn in_relative_clause(doc: &Doc<'_>, from: usize, t: usize) -> bool {
    (t.saturating_sub(12).max(from)..t).rev().find(|&u| doc.is_punct(u, ",;:()")).is_some_and(|comma| {
        doc.is_punct(comma, ",") && doc.is_any(comma + 1, words!["whose", "which", "who", "where"])
    })
}

/// True if the mention at `start` is the subject of its clause (not the object of a preposition).
fn is_subject(doc: &Doc<'_>, table: &Table, clause: &Range<usize>, start: usize) -> bool {
    // "…, led by former minister X, said": the agent of a participle.
    let by_agent = (start.saturating_sub(6).max(clause.start)..start)
        .rev()
        .take_while(|&u| !doc.is_punct(u, ",;:()"))
        .any(|u| doc.is_any(u, words!["by"]));
    if by_agent {
        return false;
    }
    // A person between commas is an apposition to the subject: "A spokesman …, Zhao Lin, said".
    if let Some(m) = table.mention_at(start) {
        let enclosed = start > clause.start && doc.is_punct(start - 1, ",") && doc.is_punct(m.tokens.end, ",");
        if enclosed && table.entities[m.entity].kind == EntityKind::Person {
            return true;
        }
    }
    let mut t = start;
    loop {
        if t <= clause.start {
            return true;
        }
        let mut before = t - 1;
        while before > clause.start && doc.is_any(before, DETERMINERS) {
            before -= 1;
        }
        // "the Collective Security Treaty Organization (CSTO) and NATO": look past the acronym.
        if doc.is_punct(before, "(")
            && before > clause.start
            && let Some(m) = table.mention_at(before - 1)
        {
            t = m.tokens.start;
            continue;
        }
        // "According to a statement from the U.S. embassy in Kuala Lumpur, Washington …", "In
        // Beijing, the ministry …": the comma closes an opening phrase.
        if doc.is_punct(before, ",")
            && (doc.is_any(clause.start, PREPOSITIONS) || doc.is_any(clause.start, words!["according"]))
            && !(clause.start..before).any(|u| doc.is_punct(u, ","))
        {
            return true;
        }
        if doc.is_any(before, words!["and", "or"]) || doc.is_punct(before, ",") {
            // Coordinated: judge the first conjunct.
            match (clause.start..before).rev().find(|&u| table.mention_at(u).is_some()) {
                Some(u) if before - u <= 3 => {
                    t = table.mention_at(u).map_or(u, |m| m.tokens.start);
                    continue;
                }
                // "On Monday, Poland condemned …": an opening phrase without an actor.
                None => return true,
                _ => return !doc.is_punct(before, ","),
            }
        }
        if doc.is_any(before, words!["of"]) && before > clause.start {
            // "the leaders of X", "representatives of the Taliban": X acts through them.
            let mut head = before - 1;
            while head > clause.start && doc.is_any(head, words!["the"]) {
                head -= 1;
            }
            return doc.is_proxy(head);
        }
        // "after Ethiopia signed a memorandum": a temporal conjunction opens a clause whose
        // subject comes right before its verb.
        let verb_follows = table.mention_at(start).is_some_and(|m| {
            let e = m.tokens.end;
            doc.cue_at(e).is_some() || doc.speech_at(e).is_some() || doc.is_any(e, AUXILIARIES)
        });
        if verb_follows && doc.is_any(before, words!["after", "before", "since", "until", "when", "once"]) {
            return true;
        }
        return !doc.is_any(before, PREPOSITIONS) && doc.cue_at(before).is_none();
    }
}

/// Nouns for those who stand with the speaker somewhere: "our friends in New Delhi".
pub(crate) const PEOPLE_THERE: Words =
    words!["friends", "partners", "allies", "colleagues", "counterparts", "neighbours", "neighbors", "brothers"];

/// Nouns for the two sides of a bilateral matter: "the two parties", "both countries".
const PAIR_NOUNS: Words = words![
    "sides",
    "parties",
    "countries",
    "states",
    "governments",
    "nations",
    "neighbours",
    "neighbors",
    "delegations",
    "capitals",
    "leaders",
    "ministers"
];

/// Auxiliaries that open a verb phrase after its subject.
const AUXILIARIES: Words =
    words!["has", "have", "had", "was", "were", "is", "are", "will", "would", "did", "does", "could"];

fn pronoun_entity(doc: &Doc<'_>, table: &Table, t: usize) -> Option<usize> {
    let gender = if doc.is_any(t, PRONOUNS_MALE) {
        Some(Gender::Male)
    } else if doc.is_any(t, PRONOUNS_FEMALE) {
        Some(Gender::Female)
    } else if doc.is_any(t, PRONOUNS_PLURAL) {
        None
    } else {
        return super::entities::it_antecedent(doc, table, t);
    };
    resolve_pronoun(doc, table, doc.span(t).start, gender)
}

/// One cue: its source(s), targets and polarity, added to `out`.
fn stance_at(
    doc: &Doc<'_>,
    table: &Table,
    ctx: &Context,
    clause: Range<usize>,
    c: usize,
    cue_idx: usize,
    out: &mut Found,
) {
    let cue = doc.lex.cue(cue_idx);
    let cue_len = doc.word_hit_len(c);
    let cue_end = c + cue_len;
    // "to suspend the approval of …", "rejected the agreement": a cue named as the object of
    // another of the other polarity (right after it, with a determiner and perhaps an
    // adjective) is what that one acts on, no stance of its own.
    let det = if c >= 1 && doc.is_any(c - 1, DETERMINERS) {
        Some(c - 1)
    } else if c >= 2 && doc.is_any(c - 2, DETERMINERS) && doc.is_word(c - 1) && !doc.is_cap(c - 1) {
        Some(c - 2)
    } else {
        None
    };
    let governs = |end: usize| {
        (end.saturating_sub(3).max(clause.start)..end).any(|u| {
            doc.cue_at(u).is_some_and(|i| doc.lex.cue(i).polarity != cue.polarity) && u + doc.word_hit_len(u) == end
        })
    };
    // "to suspend funding for …": right after it, too.
    if det.is_some_and(|d| d > clause.start && governs(d)) || governs(c) {
        return;
    }
    // "Refugee Relief and Repatriation Commissioner": a capitalised word inside a name or a
    // title's portfolio is no cue.
    let sentence_start = doc.article.sentences()[doc.sentence_idx(c)].tokens.start;
    if doc.is_cap(c) && c > sentence_start && (doc.is_cap(c - 1) || doc.is_cap(cue_end)) && !doc.is_all_caps(c) {
        return;
    }
    // A negation up to six words before the cue, not across "that", "and" or a comma:
    // "have not shown such readiness", "does not show readiness for such cooperation"; not
    // "had “surrendered without a shot” and demanded …".
    let mut window_start = c;
    while window_start > clause.start
        && c - window_start < 6
        && !doc.is_any(window_start - 1, words!["that", "which", "and"])
        && !doc.is_punct(window_start - 1, ",;:")
    {
        window_start -= 1;
    }
    // Not a word of a name: "Reporters Without Borders condemned".
    let negation = (window_start..c).rev().filter(|&t| table.mention_at(t).is_none()).find(|&t| {
        let w = doc.word(t);
        doc.is_any(t, NEGATIONS)
            || w.ends_with("n't")
            || w.ends_with("n’t")
            || w.ends_with("N'T")
            // "instead of supporting", "rather than help".
            || (doc.is_any(t, words!["instead"]) && doc.is(t + 1, "of"))
            || (doc.is_any(t, words!["rather"]) && doc.is(t + 1, "than"))
    });
    // "did not oppose international help": the negation belongs to the nearer cue, which
    // governs this one; neither says where the actor stands.
    if negation.is_some_and(|n| (n + 1..c).any(|t| doc.cue_at(t).is_some())) {
        return;
    }
    let is_negated = negation.is_some();
    // Hedges in the same window: "might consider sanctions", "could welcome".
    // "said the U.K. would work with Amman": reported speech puts its future in "would",
    // which hedges nothing.
    let reported = |would: usize| (sentence_start..would).any(|t| doc.speech_at(t).is_some());
    let is_hedged = (window_start..c).any(|t| doc.is_any(t, HEDGES) && !(doc.is(t, "would") && reported(t)));
    // "Asked whether Congo would ask the Council to sanction Rwanda, …": a question, no stance.
    let mut u = c;
    while u > clause.start && !doc.is_punct(u - 1, ",;:") {
        u -= 1;
        if doc.is_any(u, words!["whether"]) {
            return;
        }
    }
    let polarity = match (cue.polarity, is_negated) {
        (p, false) => p,
        (Polarity::Positive, true) => Polarity::Negative,
        _ => return, // "did not condemn" is no stance at all
    };

    // "Baghdad is under pressure from Washington", "Kyiv welcomed support from Oslo": the actor
    // after "from" bears on the subject.
    if doc.is_any(cue_end, words!["from"])
        && !doc.word(c).to_lowercase().ends_with("ed")
        && let Some(giver) = table.mention_at(cue_end + 1 + usize::from(doc.is_any(cue_end + 1, words!["the"])))
        && is_actor(table, giver.entity)
    {
        // The subject of the cue's own clause: after a speech verb that reports it ("Ashby
        // said the men had ignored warnings from London": the men, no actor).
        let from = (clause.start..c)
            .rev()
            .find(|&t| doc.speech_at(t).is_some() || doc.is_any(t, words!["that"]))
            .map_or(clause.start, |t| t + 1);
        if let Some(subject) = sentence_subject(doc, table, from..c) {
            let hit = CueHit { c, cue_end, polarity, is_negated, is_hedged };
            push(doc, table, ctx, out, (giver.entity, subject, None), &hit, "cue from an actor");
            return;
        }
    }
    // "Support for the Africa Group came from Indonesia and from the Africa CDC": the givers
    // named after "came from".
    if cue.category == "support"
        && doc.is_any(cue_end - 1, words!["for"])
        && let Some(came) = (cue_end..clause.end.min(cue_end + 8))
            .find(|&u| doc.is_any(u, words!["came", "comes", "come"]) && doc.is_any(u + 1, words!["from"]))
        && let Some(target) = (cue_end..came).find_map(|u| table.mention_at(u)).filter(|m| is_actor(table, m.entity))
    {
        let hit = CueHit { c, cue_end, polarity, is_negated, is_hedged };
        // Each giver after its own "from": "from Indonesia, whose …, and from the Africa CDC".
        let givers = (came + 1..clause.end)
            .filter(|&u| doc.is_any(u, words!["from"]))
            .filter_map(|u| table.mention_at(u + 1 + usize::from(doc.is_any(u + 1, words!["the"]))))
            .filter(|m| is_actor(table, m.entity))
            .map(|m| m.entity)
            .collect::<Vec<_>>();
        for giver in givers.into_iter().filter(|&g| g != target.entity) {
            push(doc, table, ctx, out, (giver, target.entity, Some(target.span)), &hit, "support came from");
        }
        return;
    }
    // Withdrawing from a body is a stance against it; from a country, troops leave.
    let word = doc.word(c).to_lowercase();
    let withdraws = word.starts_with("withdr") || word.starts_with("pull");
    // Passive: "banned in Russia", "condemned by the EU".
    let mut after = cue_end;
    // Not a verb with its object ("…, signed a ceasefire in Luanda").
    if doc.is_any(after, words!["by", "in"]) && doc.word(c).to_lowercase().ends_with("ed") && cue_len == 1 {
        after += 1;
        while doc.is_any(after, words!["the"]) {
            after += 1;
        }
        if let Some(agent) = table.mention_at(after).map(|m| m.entity).filter(|&e| is_actor(table, e)) {
            // "… was condemned by X", "X, banned in Russia"; but in "talks mediated by Angola"
            // the participle describes a thing, and no actor undergoes it.
            let reduced = doc.is_any(cue_end, words!["by"]) && c > 0 && table.mention_at(c - 1).is_some();
            let passive = (c > 0 && (doc.is_any(c - 1, PASSIVE_AUX) || doc.is_punct(c - 1, ",(")))
                || reduced
                || doc.is_punct(clause.start, "(");
            if doc.is_any(cue_end, words!["by"]) && !passive {
                return;
            }
            if passive {
                let patient = patient_before(doc, table, &clause, c);
                if let Some(target) = patient {
                    let hit = CueHit { c, cue_end, polarity, is_negated, is_hedged };
                    push(doc, table, ctx, out, (agent, target, None), &hit, "passive agent");
                }
                return;
            }
        }
    }

    // "any change must be agreed within the ICWC": a passive without its agent says nothing
    // of who acts ("is opposed to", "was concerned about" read as adjectives and stay).
    // "Every time a road is blocked": with "is" or "was" too, when the clause ends there.
    let bare_passive = c > 0 && doc.is_any(c - 1, words!["is", "are", "was", "were"]) && !doc.is_word(cue_end);
    if c > 0
        && (doc.is_any(c - 1, words!["be", "been", "being"]) || bare_passive)
        && doc.word(c).ends_with("ed")
        && !doc.is_any(cue_end, words!["to", "about", "with", "over", "at", "by", "that", "in"])
    {
        return;
    }
    // "China and Myanmar are dialogue partners" of a body: a status, not a partnership.
    let dialogue_partner = |d: usize| doc.is(d, "dialogue") && doc.is_any(d + 1, words!["partner", "partners"]);
    if dialogue_partner(c) || (c > 0 && dialogue_partner(c - 1)) {
        return;
    }
    // "stopped short of endorsing": no stance either way.
    if c >= 3 && doc.is_any(c - 1, words!["of"]) && doc.is_any(c - 2, words!["short"]) {
        return;
    }
    // "summoned both sides' negotiators to Brussels for emergency talks": a meeting called,
    // not a protest.
    if cue.category == "expel"
        && word.starts_with("summon")
        && (cue_end..clause.end).any(|u| doc.is_any(u, words!["talks", "consultations", "meeting", "negotiations"]))
    {
        return;
    }
    // "does not recognise it": the pronoun is the object, whatever actor is named after it.
    if doc.is_any(cue_end, words!["it", "them", "him", "her"]) && !doc.is_any(cue_end + 1, words!["to"]) {
        return;
    }
    // "the statement delivered by X", "a speech given by Y": words are delivered, not aid.
    if cue.category == "aid"
        && c > 0
        && doc.is_any(
            c - 1,
            words![
                "statement",
                "speech",
                "remarks",
                "address",
                "message",
                "verdict",
                "ruling",
                "judgment",
                "briefing",
                "report",
                "blow"
            ],
        )
    {
        return;
    }
    // "the ruling that rejected …": a thing is the subject, no actor takes this stance.
    if c >= clause.start + 2
        && doc.is_any(c - 1, words!["that", "which"])
        && doc.is_word(c - 2)
        && table.mention_at(c - 2).is_none()
        && doc.speech_at(c - 2).is_none()
        && doc.cue_at(c - 2).is_none()
    {
        return;
    }
    // "reiterated that the 1951 Mutual Defense Treaty covers armed attacks": a reported clause
    // whose subject is a document says nothing about where its speaker stands.
    if let Some(that) = (clause.start..c).rev().find(|&u| doc.is_any(u, words!["that"]))
        && (that + 1..c).any(|u| doc.is_document_head(u))
    {
        return;
    }
    // Source: the subject before the cue, else the speaker.
    let mut sources: Vec<usize> = Vec::new();
    let mut rule = "subject";
    let mut is_coordinated = false;
    let mut subject_at = None;
    // "accused the UAE of supplying the RSF": the one accused does what the gerund says.
    if c >= 3
        && doc.is_any(c - 1, words!["of"])
        && let Some(m) = table.mention_at(c - 2)
        && is_actor(table, m.entity)
        && m.tokens.start > 0
        && (m.tokens.start.saturating_sub(2)..m.tokens.start).any(|u| {
            doc.cue_at(u)
                .is_some_and(|i| matches!(doc.lex.cue(i).category.as_str(), "accuse" | "criticize" | "condemn"))
        })
    {
        sources.push(m.entity);
        rule = "accused of";
    }
    // "supported Serbia's call for KFOR to …", "with Russian backing": the act is the
    // possessor's.
    if sources.is_empty()
        && let Some(m) = c.checked_sub(1).and_then(|u| table.mention_at(u))
        && is_actor(table, m.entity)
        && (doc.is_possessive(c - 1)
            || (m.form == super::entities::MentionForm::Demonym
                && m.tokens.start > 0
                && doc.is_any(m.tokens.start - 1, words!["with"])))
    {
        // "with Russian backing, Belgrade has …": the backing goes to the subject.
        if doc.is_any(m.tokens.start.saturating_sub(1), words!["with"]) {
            let sentence = doc.article.sentences()[doc.sentence_idx(c)].tokens.clone();
            let subject = sentence_subject(doc, table, sentence.start..m.tokens.start - 1)
                .or_else(|| sentence_subject(doc, table, cue_end..sentence.end));
            if let Some(subject) = subject.filter(|&s| s != m.entity) {
                let hit = CueHit { c, cue_end, polarity, is_negated, is_hedged };
                push(doc, table, ctx, out, (m.entity, subject, None), &hit, "backing given with");
            }
            return;
        }
        sources.push(m.entity);
        rule = "possessor of the act";
    }
    // "the decision of Helios Offshore to withdraw from …", "Mali's decision to leave …": who
    // decided, planned or threatened acts.
    if sources.is_empty() && c >= 3 && doc.is_any(c - 1, words!["to"]) {
        // Not "refusal": it denies what follows.
        let intent = |u: usize| {
            doc.is_any(u, DECISION_NOUNS) || doc.is_any(u, words!["plans", "threat", "intention", "readiness", "offer"])
        };
        let of_actor = table
            .mention_at(c - 2)
            .filter(|m| m.tokens.start >= 2 && doc.is_any(m.tokens.start - 1, words!["of", "by"]))
            .filter(|m| intent(m.tokens.start - 2));
        let possessor = (intent(c - 2) && doc.is_possessive(c - 3)).then(|| table.mention_at(c - 3)).flatten();
        if let Some(m) = of_actor.or(possessor).filter(|m| is_actor(table, m.entity)) {
            sources.push(m.entity);
            rule = "who decided";
        }
    }
    for t in (clause.start..c).rev().take_while(|_| sources.is_empty()) {
        // "He said farmers “preserve Brazil” and accused Tavares …": quoted words are no
        // subject of a verb outside the quote.
        if doc.quote_of(t).is_some() && doc.quote_of(t) != doc.quote_of(c) {
            continue;
        }
        // "The two Parties rejected the report": the parties to the latest agreement, else the
        // two states the passage is about, each acting (on a third actor: an inferred pair is
        // not evidence enough of a stance toward each other).
        if t > clause.start
            && doc.is_any(t - 1, words!["two", "both"])
            && doc.is_any(t, PAIR_NOUNS)
            && is_subject(doc, table, &clause, t - 1)
        {
            let pair = agreement_parties(doc, out, c);
            sources = if pair.is_empty() { two_states(doc, table, c) } else { pair };
            rule = "the two sides";
            break;
        }
        if let Some(m) = table.mention_at(t) {
            let is_location = m.form == super::entities::MentionForm::Location;
            if is_actor(table, m.entity)
                && !is_location
                && is_subject(doc, table, &clause, m.tokens.start)
                && !in_relative_clause(doc, clause.start, m.tokens.start)
                && !m.tokens.contains(&c)
            {
                sources.push(m.entity);
                subject_at = Some(m.tokens.start);
                // "The European Union and Britain imposed sanctions": every conjunct acts.
                let conjuncts = conjuncts_before(doc, table, clause.start, m.tokens.start);
                is_coordinated = !conjuncts.is_empty();
                sources.extend(conjuncts);
                break;
            }
            continue;
        }
        // "The final communique praised Oman": whoever issued it acts.
        if is_definite_document(doc, t) && (t + 1..c).all(|u| doc.is_any(u, super::doc::SPEECH_ADVERBS)) {
            if let Some(e) = super::entities::document_issuer(doc, table, t) {
                sources.push(e);
                rule = "issuer of the document";
            }
            break;
        }
        if doc.is_any(t, PRONOUNS_FIRST) {
            if let Some(s) = ctx.speaker {
                sources.push(s);
                rule = "speaker";
            }
            break;
        }
        if doc.is_any(t, PRONOUNS_FIRST_PLURAL) {
            if let Some(s) = ctx.speaker {
                sources.push(s);
                if let Some(org) = table.org_of(s) {
                    sources.push(org);
                }
                rule = "speaker (we)";
            }
            break;
        }
        // "The Government of Tuvalu informed the ministry that it would sever relations": "it"
        // after "that" is the main clause's subject, when that is a body.
        if doc.is_any(t, words!["it"])
            && t > clause.start
            && doc.is_any(t - 1, words!["that"])
            && let Some(e) = sentence_subject(doc, table, clause.start..t - 1)
                .filter(|&e| table.entities[e].kind != EntityKind::Person)
        {
            sources.push(e);
            rule = "pronoun subject";
            break;
        }
        // A subject pronoun, or a possessive one where a subject can stand ("Their ships
        // backed Manila"); not after a verb ("to flex their muscles" names no one acting).
        let acts = doc.is_any(t, words!["he", "she", "they"])
            || t == clause.start
            || !doc.is_word(t - 1)
            || doc.is_any(t - 1, words!["and", "but", "that", "said", "says", "while", "as"]);
        if let Some(e) = pronoun_entity(doc, table, t).filter(|_| acts && is_subject(doc, table, &clause, t)) {
            sources.push(e);
            rule = "pronoun subject";
            break;
        }
    }
    let sentence = doc.article.sentences()[doc.sentence_idx(c)].tokens.clone();
    // "Qureshi repeated the charge that the Taliban shelters fighters …, and urged Kabul to
    // act": a verb after ", and" goes with the main clause, whose subject comes before the
    // reported one.
    let mut and = c.saturating_sub(1);
    while and > clause.start && doc.is_any(and, words!["also", "then", "later"]) {
        and -= 1;
    }
    if let Some(at) = subject_at
        && and > clause.start + 1
        && doc.is_any(and, words!["and"])
        && doc.is_punct(and - 1, ",")
        && let Some(split) = (sentence.start + 1..at)
            .rev()
            .find(|&u| doc.quote_of(u).is_none() && (doc.is_any(u, words!["that"]) || doc.speech_at(u).is_some()))
        && let Some(e) = sentence_subject(doc, table, sentence.start..split).filter(|e| !sources.contains(e))
    {
        sources = vec![e];
        rule = "subject of the sentence";
        is_coordinated = false;
    }
    // "Croatia welcomed the talks but criticised …", "X said “…” and praised Y": a later
    // clause without a subject of its own shares the sentence's subject.
    if sources.is_empty()
        && clause.start > sentence.start
        && !doc.is_punct(clause.start, "([")
        && (ctx.speaker.is_none() || doc.is_any(clause.start, CLAUSE_BREAKS))
        && let Some(e) = sentence_subject(doc, table, sentence.start..clause.start)
    {
        sources.push(e);
        rule = "subject of the sentence";
    }
    // "the Council:\n\n 2. Strongly condemns …": an item of a list acts as the subject that
    // introduced the list.
    if sources.is_empty()
        && ctx.speaker.is_none()
        && let Some(e) = list_subject(doc, table, c)
    {
        sources.push(e);
        rule = "subject that opens the list";
    }
    if sources.is_empty()
        && let Some(s) = ctx.speaker
    {
        sources.push(s);
        rule = "speaker";
    }
    if sources.is_empty() {
        return;
    }
    // A cue named as a thing ("the attack by X") has its agent after "by".
    let is_nominal = c > 0 && doc.is_any(c - 1, DETERMINERS);
    // "But the deal could cut into Gazprom's sales, according to X": an agreement named as a
    // thing is none that the speaker makes.
    if is_nominal && rule == "speaker" && cue.category == "agree" {
        return;
    }

    // "Lin said Japan had “no right to meddle” and accused Tokyo of …": nobody acts on
    // themselves; the subject found belongs to a reported clause, and the speaker acts.
    let object = (cue_end..(cue_end + 2).min(clause.end)).find_map(|u| table.mention_at(u)).map(|m| m.entity);
    if rule == "subject"
        && object.is_some_and(|o| sources.contains(&o))
        && let Some(s) =
            ctx.speaker.or_else(|| sentence_subject(doc, table, sentence.start..c)).filter(|s| !sources.contains(s))
    {
        sources = vec![s];
        rule = "subject of the sentence";
        is_coordinated = false;
    }
    // "He added that the EU and the US were “interfering in Georgia's affairs”": whoever is
    // said to meddle is the target, not the one meddled with.
    if ["interf", "meddl"].iter().any(|p| word.starts_with(p))
        && let Some(that) = (sentence.start..c).rev().find(|&u| doc.is_any(u, words!["that"]))
        && let Some(m) = (that + 1..c)
            .find_map(|u| table.mention_at(u))
            .filter(|m| is_actor(table, m.entity) && doc.quote_of(m.tokens.start).is_none())
        && let Some(teller) = ctx.speaker.or_else(|| sentence_subject(doc, table, sentence.start..that))
    {
        let hit = CueHit { c, cue_end, polarity, is_negated, is_hedged };
        let meddlers = std::iter::once(m).chain(conjuncts_after(doc, table, c, m.tokens.end).0);
        for (agent, span) in meddlers.map(|m| (m.entity, m.span)).collect::<Vec<_>>() {
            push(doc, table, ctx, out, (teller, agent, Some(span)), &hit, "said to meddle");
        }
        return;
    }
    // Targets: the first actor after the cue (and those coordinated with it).
    let mut targets: Vec<(usize, Span)> = Vec::new();
    let mut t = cue_end;
    let mut n_words = 0;
    let mut crossed_cue = false;
    // "welcomed the sanctions on X": a negative act named as the thing welcomed.
    let mut crossed_negative = false;
    let mut targets_end = None;
    // "criticised both governments": the two states the article is about; "praised both
    // delegations": the two parties to the latest agreement.
    let both_states = doc.is_any(cue_end + 1, words!["governments", "countries", "capitals", "states", "nations"]);
    let both_parties = doc.is_any(cue_end + 1, words!["sides", "parties", "delegations"]);
    if doc.is_any(cue_end, words!["both"]) && (both_states || both_parties) {
        let span = Span::new(doc.span(cue_end).start, doc.span(cue_end + 1).end);
        let pair = if both_parties { agreement_parties(doc, out, c) } else { Vec::new() };
        let pair = if pair.is_empty() { two_states(doc, table, c) } else { pair };
        targets.extend(pair.into_iter().filter(|e| !sources.contains(e)).map(|e| (e, span)));
        targets_end = Some(cue_end + 2);
        t = clause.end;
    }
    while t < clause.end && n_words < TARGET_WINDOW {
        // "concerns about what he called China's conduct": the speaker's own words, not a
        // new statement.
        if doc.is_any(t, words!["what"])
            && (doc.is_any(t + 1, words!["he", "she", "they", "it"]) || doc.is_any(t + 1, PRONOUNS_FIRST))
            && doc.is_any(t + 2, words!["called", "described", "termed", "labelled", "labeled", "dubbed"])
        {
            t += 3 + usize::from(doc.is_any(t + 3, words!["as"]));
            continue;
        }
        let is_cue = doc.cue_at(t).is_some() || doc.speech_at(t).is_some();
        if t > cue_end && is_cue && table.mention_at(t).is_none() {
            // "condemn the attack by X": a cue named as a thing keeps the scope open.
            // "welcomes the close cooperation between X and Y": an adjective may stand between.
            let det = |u: usize| doc.is_any(u, words!["the", "a", "an", "this", "its", "their"]);
            let adjective = t >= 2
                && doc.is_word(t - 1)
                && !doc.is_cap(t - 1)
                && doc.cue_at(t - 1).is_none()
                && doc.speech_at(t - 1).is_none()
                && det(t - 2);
            if !det(t.saturating_sub(1)) && !adjective {
                break;
            }
            crossed_cue = true;
            crossed_negative |= doc.cue_at(t).is_some_and(|i| doc.lex.cue(i).polarity == Polarity::Negative);
        }
        // "an attack on a camp … that U.N. investigators say …", "a ‘dialogue’ which excludes
        // …": a relative clause ends the scope ("warned that X …" does not).
        // So does a subordinate clause: "suspend removals until the court has ruled".
        // "a deal that Kazakhstan said …", "signed a deal that …": right after a cue that
        // ends in a noun, too.
        let ends_in_noun = is_nominal || (cue_len > 1 && doc.is_any(cue_end - 2, DETERMINERS));
        // (Not "the WHO".)
        if (t > cue_end && doc.is_any(t, words!["which", "who", "whose"]) && table.mention_at(t).is_none())
            || ((t > cue_end + 1 || ends_in_noun) && doc.is_any(t, words!["that"]))
            || (t > cue_end && doc.is_any(t, SUBORDINATORS))
        {
            break;
        }
        // "rejected claims that the government had rushed …", "welcomed reports that X …":
        // what the claim says names no target.
        let first_object = t == cue_end || (t == cue_end + 1 && doc.is_any(cue_end, DETERMINERS));
        if first_object && doc.is_any(t, CLAIM_NOUNS) && doc.is_any(t + 1, words!["that"]) {
            break;
        }
        // "urged its leaders not to …": the actor the leaders speak for.
        if t == cue_end
            && table.mention_at(t).is_none()
            && doc.is_any(t, words!["its", "their"])
            && doc.is_proxy(t + 1)
            && let Some(e) = super::entities::its_antecedent(doc, table, t)
            && is_actor(table, e)
            && !sources.contains(&e)
        {
            targets.push((e, Span::new(doc.span(t).start, doc.span(t + 1).end)));
            break;
        }
        if let Some(m) = table.mention_at(t) {
            // "Sudan's paramilitary Rapid Support Forces": the head actor, not its possessor.
            let m = possessed_head(doc, table, m).unwrap_or(m);
            let e = m.entity;
            // "Canadian miner Northvale Resources": the demonym describes the actor named next.
            let next = m.tokens.end;
            if m.form == super::entities::MentionForm::Demonym
                && !doc.is_cap(next)
                && doc.lex.description(doc.base(next)).is_some()
                && table.mention_at(next + 1).is_some()
            {
                t = next + 1;
                n_words += 2;
                continue;
            }
            // "supplies enriched uranium to American utilities": firms and people of a
            // country, not its state.
            if m.form == super::entities::MentionForm::Demonym && doc.is_any(next, PRIVATE_PLURALS) {
                t = next + 1;
                n_words += 2;
                continue;
            }
            // "the Kenyan-led Multinational Security Support mission": the actor named next.
            let leads = ["-led", "-backed", "-brokered", "-sponsored", "-funded"]
                .iter()
                .any(|s| doc.word(m.tokens.end - 1).to_lowercase().ends_with(s));
            if m.form == super::entities::MentionForm::Demonym && leads && table.mention_at(next).is_some() {
                t = next;
                n_words += 1;
                continue;
            }
            // "condemned the deal as a violation of Somali sovereignty": the state whose
            // sovereignty or territory is at stake suffers the act.
            if polarity == Polarity::Negative
                && t > cue_end
                && doc.is_any(next, words!["sovereignty", "territory", "airspace", "waters", "territorial"])
            {
                t = next + 1;
                n_words += 2;
                continue;
            }
            // "called on Georgians to keep up the protests": an appeal to a people, not a
            // demand on their state.
            if cue.category == "demand"
                && m.form == super::entities::MentionForm::Demonym
                && doc.word(m.tokens.end - 1).ends_with('s')
                && doc.is_any(next, words!["to"])
            {
                break;
            }
            // "the attack by X": X did it, X is not the target of "attack".
            // "warnings from London and Brussels": they gave them.
            let before = m
                .tokens
                .start
                .saturating_sub(1 + usize::from(doc.is_any(m.tokens.start.saturating_sub(1), words!["the"])));
            // "asylum seekers in the UK": a place where someone is, unless the cue governs it
            // ("confidence in Russia"); attacks and bans in a place happen there.
            // "our friends in New Delhi, Tokyo and Paris": the people there are the target.
            let people_there = before > 0 && doc.is_any(before - 1, PEOPLE_THERE);
            let locative = doc.is_any(before, words!["in"])
                && !people_there
                && (before != cue_end || matches!(cue.category.as_str(), "attack" | "ban" | "agree"));
            // Not the cue's own "from": "withdrew from the WHO".
            let giver = doc.is_any(before, words!["from"]) && before >= cue_end && cue.category != "expel";
            if giver || locative {
                t = conjuncts_after(doc, table, clause.end, m.tokens.end).1;
                // "in the Angolan capital, Luanda": the city in apposition is where, too.
                if locative && doc.is_any(t, words!["capital", "city", "port", "town"]) && doc.is_punct(t + 1, ",") {
                    t += 2;
                    if let Some(city) = table.mention_at(t) {
                        t = city.tokens.end;
                    }
                }
                n_words += 1;
                continue;
            }
            // "had been trained, equipped and sheltered by Belgrade": the agent of a passive.
            let by = doc.is_any(m.tokens.start.saturating_sub(1), words!["by"]);
            let passive = (c.saturating_sub(4)..c)
                .any(|u| doc.is_any(u, words!["been", "was", "were", "is", "are", "being", "be"]))
                && doc.word(c).ends_with("ed");
            let is_agent = (by && ((is_nominal && !crossed_cue) || passive))
                || m.form == super::entities::MentionForm::Location
                || bystander_people(doc, m);
            // "demanded the release of X", "called on the soldiers to free the president",
            // "called the detention of X unacceptable": X suffers the act, the stance is not
            // against X.
            if is_victim_at(doc, before) {
                t = conjuncts_after(doc, table, clause.end, m.tokens.end).1;
                n_words += 1;
                continue;
            }
            if is_actor(table, e)
                && !is_agent
                && !is_topic(doc, m.tokens.start)
                && !sources.contains(&e)
                && !own_org(table, &sources, e)
            {
                targets.push((e, m.span));
                // "the Jordanian-Syrian agreement": both.
                for partner in table.hyphen_partners(doc, m) {
                    if !sources.contains(&partner) {
                        targets.push((partner, m.span));
                    }
                }
                // Coordinated targets: "X and Y", "X, Y and Z".
                let (conjuncts, chain_end) = conjuncts_after(doc, table, clause.end, m.tokens.end);
                for m2 in conjuncts {
                    if !sources.contains(&m2.entity) && !own_org(table, &sources, m2.entity) {
                        targets.push((m2.entity, m2.span));
                    }
                }
                targets_end = Some(chain_end);
                break;
            }
            t = m.tokens.end;
            n_words += 1;
            continue;
        }
        n_words += usize::from(doc.is_word(t));
        t += 1;
    }
    // Endorsing an act against the target is a stance against it: "welcomed the sanctions on
    // Joseph", "backed the ban on the group".
    let polarity = if polarity == Polarity::Positive && crossed_negative { Polarity::Negative } else { polarity };
    let hit = CueHit { c, cue_end, polarity, is_negated, is_hedged };
    // "China and Russia are good partners": coordinated actors cooperate with each other.
    // Two parties signing ("Germany and Brazil signed agreements") agree with each other; a
    // multilateral signing or a joint declaration toward a third party says nothing between them.
    // Agreeing counts too ("Japan and the Philippines agreed to …", "X and Y reached an
    // agreement"), but not accepting or approving something together.
    // Only an agreement that happened: not one urged ("called on both X and Y to agree a
    // truce"), denied or hedged.
    let is_bilateral_signing = cue.category == "agree"
        && sources.len() == 2
        && !is_negated
        && !is_hedged
        && !(c > 0 && doc.is_any(c - 1, words!["to"]))
        && ["sign", "inked", "agre", "deal", "accord", "concur", "consensus", "clinch"]
            .iter()
            .any(|p| doc.word(c).to_lowercase().starts_with(p));
    if targets.is_empty() && (cue.category == "cooperate" || is_bilateral_signing) && is_coordinated {
        let cue_span = Some(Span::new(doc.span(c).start, doc.span(cue_end - 1).end));
        for &source in &sources {
            for &target in sources.iter().filter(|&&t| t != source) {
                push(doc, table, ctx, out, (source, target, cue_span), &hit, "coordinated subjects");
            }
        }
        return;
    }
    // "urged the EU to designate the RSF as a terrorist organisation": a demand to act against
    // a third actor sides with the one urged; the stance is toward the third actor (found at
    // the inner cue), not toward the EU.
    if cue.category == "demand"
        && let Some((&(first, _), to)) = targets.first().zip(targets_end)
        && (acts_against_another(doc, table, clause.end, first, to) || appeals_for_talks(doc, to))
    {
        return;
    }
    // "The RSF rejected the sanctions": the act named refers back to whoever did it.
    if targets.is_empty() && REACTIONS.contains(&cue.category.as_str()) {
        targets.extend(
            act_agents(doc, table, out, clause.end, cue_end, c)
                .into_iter()
                .filter(|&(e, _)| !sources.contains(&e) && !own_org(table, &sources, e)),
        );
    }
    // Cooperation refused or offered without a named partner: the speaker's side. Not what
    // the speaker says another "should" do: that is the speaker's demand.
    let prescribed = (clause.start..c).any(|t| doc.is_any(t, words!["should", "must"]));
    if targets.is_empty() && cue.category == "cooperate" && !prescribed {
        if let Some(speaker) = ctx.speaker.filter(|s| !sources.contains(s)) {
            // The speaker's own side only when known ("NATO has not shown readiness for
            // cooperation", says the CSTO's secretary general).
            let partner = table
                .org_of(speaker)
                .or_else(|| (table.entities[speaker].kind != EntityKind::Person).then_some(speaker));
            if let Some(partner) = partner.filter(|p| !sources.contains(p)) {
                targets.push((partner, Span::new(doc.span(c).start, doc.span(cue_end - 1).end)));
            }
        } else if let Some(partner) = partner_after(doc, table, cue_end, &sources) {
            targets.push(partner);
        }
    }
    // A person who speaks for a country or organization is the target as that actor too
    // ("rejected the Lithuanian minister's accusations": Lithuania).
    // So is the country a ministry or agency belongs to ("did not welcome the restrictions"
    // that Jordan's Interior Ministry imposed: Jordan); not its courts or parliament.
    // A person is lifted to their state only by another state's voice: a farm lobby that
    // accuses the environment minister does not accuse Brazil.
    let state_voice = sources.iter().any(|&s| is_state_voice(table, s));
    if withdraws {
        targets.retain(|&(t, _)| table.entities[t].kind == EntityKind::Organization);
    }
    let lifted: Vec<(usize, Span)> = targets
        .iter()
        .filter_map(|&(t, span)| match table.entities[t].kind {
            EntityKind::Person => {
                let org = table.org_of(t)?;
                (state_voice || table.entities[org].kind != EntityKind::Country).then_some((org, span))
            }
            EntityKind::Organization if table.entities[t].class == "agency" => table.entities[t]
                .parent
                .map(|(p, _)| p)
                .filter(|&p| table.entities[p].kind == EntityKind::Country)
                .map(|p| (p, span)),
            _ => None,
        })
        .filter(|&(org, _)| !sources.contains(&org) && !own_org(table, &sources, org))
        .collect();
    targets.extend(lifted);
    // "…is a breach of European law," said X. — criticism with no one named is still an act
    // that "rejected that criticism" can refer back to.
    // So is a ban on no one named ("banned private vehicles from crossing"), which "the
    // restrictions" can refer back to.
    let is_loose_measure = matches!(cue.category.as_str(), "ban" | "sanction")
        && !is_hedged
        && doc.quote_of(c).is_none()
        && doc.word(c).to_lowercase().ends_with("ed");
    if targets.is_empty()
        && !is_negated
        && (matches!(cue.category.as_str(), "criticize" | "accuse" | "condemn") || is_loose_measure)
    {
        let cue_span = Span::new(doc.span(c).start, doc.span(cue_end - 1).end);
        for &source in sources.iter().filter(|&&s| is_actor(table, s)) {
            out.loose_acts.push((cue_span, source, cue.category.clone()));
        }
    }
    for &source in &sources {
        for &(target, span) in &targets {
            push(doc, table, ctx, out, (source, target, Some(span)), &hit, rule);
        }
    }
}

/// "X to sanction Y", "X to designate Y as …": at `to`, after the actor urged, an infinitive
/// whose verb acts against another actor named after it in the clause.
fn acts_against_another(doc: &Doc<'_>, table: &Table, clause_end: usize, urged: usize, to: usize) -> bool {
    if !doc.is_any(to, words!["to"]) {
        return false;
    }
    let v = to + 1;
    let is_action = doc.cue_at(v).is_some_and(|i| doc.lex.cue(i).polarity == Polarity::Negative)
        || doc.is_any(v, words!["designate", "blacklist", "isolate", "punish", "list"]);
    is_action
        && (v + 1..clause_end.min(v + 6))
            .take_while(|&u| !doc.is_any(u, SUBORDINATORS) && !doc.is_punct(u, ",;:"))
            .filter_map(|u| table.mention_at(u))
            .any(|other| other.entity != urged && is_actor(table, other.entity))
}

/// "urged Congo and Rwanda to return to talks": an appeal to make peace, not a stance against
/// those urged. `to` is where the chain of actors urged ends.
fn appeals_for_talks(doc: &Doc<'_>, to: usize) -> bool {
    // "urged both sides to “return without delay to the technical talks”": quote marks and a
    // few words may come between.
    doc.is_any(to, words!["to"])
        && (to + 1..to + 9).any(|u| {
            doc.cue_at(u).is_some_and(|i| matches!(doc.lex.cue(i).category.as_str(), "cooperate" | "agree"))
                || doc.is_any(u, APPEAL_WORDS)
        })
}

/// What mediators urge the parties toward: an appeal for them, not a stance against them.
const APPEAL_WORDS: Words = words![
    "talks",
    "dialogue",
    "negotiations",
    "negotiate",
    "ceasefire",
    "truce",
    "peace",
    "restraint",
    "calm",
    "de-escalate",
    "de-escalation",
    "diplomacy",
    "diplomatic"
];

/// What a court gives, which refers back to the court.
const COURT_PRODUCTS: Words = words!["ruling", "verdict", "judgment", "judgement", "order", "opinion", "decision"];

/// Cue categories that react to an act ("welcomed the measures", "condemned the attack").
const REACTIONS: &[&str] = &["welcome", "reject", "condemn", "criticize", "praise", "support", "oppose", "concern"];

/// True if the actor after token `before` suffers what the words before it say: "free",
/// "the release of", "the “unconditional release” of".
fn is_victim_at(doc: &Doc<'_>, before: usize) -> bool {
    if doc.is_any(before, VICTIM_WORDS) {
        return true;
    }
    if !doc.is_any(before, words!["of"]) {
        return false;
    }
    let noun = before.saturating_sub(1 + usize::from(doc.is_punct(before.saturating_sub(1), "”\"’'»")));
    doc.is_any(noun, VICTIM_WORDS)
}

/// Words for what is done to someone held or harmed: "the release of X", "to free X".
const VICTIM_WORDS: Words = words![
    "release",
    "freedom",
    "free",
    "freeing",
    "detention",
    "arrest",
    "jailing",
    "imprisonment",
    "killing",
    "killings",
    "murder",
    "abduction",
    "kidnapping",
];

/// Nouns that refer back to an earlier act ("welcomed the measures", "rejected the
/// accusations"), with the cue categories of the acts they can name.
const ACT_NOUNS: &[(&str, &[&str])] = &[
    ("sanctions", &["sanction"]),
    ("measures", &["sanction", "ban", "expel"]),
    ("restrictions", &["sanction", "ban"]),
    ("penalties", &["sanction"]),
    ("listings", &["sanction"]),
    ("ban", &["ban"]),
    ("expulsions", &["expel"]),
    ("expulsion", &["expel"]),
    ("suspension", &["expel", "sanction", "ban"]),
    ("attack", &["attack"]),
    ("attacks", &["attack"]),
    ("strikes", &["attack"]),
    ("accusations", &["accuse", "criticize", "condemn"]),
    ("allegations", &["accuse"]),
    ("charges", &["accuse"]),
    ("assertions", &["accuse", "criticize"]),
    ("framing", &["accuse", "criticize"]),
    ("characterisation", &["accuse", "criticize"]),
    ("characterization", &["accuse", "criticize"]),
    ("criticism", &["criticize", "condemn", "accuse"]),
    ("aid", &["aid"]),
    // "welcomed the agreement", "the outcome of the talks": the parties to the latest agreement.
    ("agreement", &["agree"]),
    ("deal", &["agree"]),
    ("accord", &["agree"]),
    ("pact", &["agree"]),
    ("arrangement", &["agree"]),
    ("truce", &["agree"]),
    ("ceasefire", &["agree"]),
    ("outcome", &["agree"]),
    ("offer", &["aid", "cooperate"]),
    ("decision", &["sanction", "ban", "expel", "aid", "agree", "reject"]),
    ("move", &["sanction", "ban", "expel", "aid", "agree", "reject"]),
    ("step", &["sanction", "ban", "expel", "aid", "agree"]),
    // Only decisions an actor is given ("X's plan") can be referred back to by these.
    ("plan", &[]),
    ("proposal", &[]),
    ("announcement", &[]),
    ("policy", &[]),
    ("bid", &[]),
    ("initiative", &[]),
    ("choice", &[]),
    ("vote", &[]),
    ("resolution", &[]),
    ("motion", &[]),
];

/// Nouns for a decision, which "the decision", "the move" can refer back to.
const DECISION_NOUNS: Words = words![
    "decision",
    "move",
    "step",
    "plan",
    "proposal",
    "announcement",
    "policy",
    "bid",
    "initiative",
    "choice",
    "vote",
    "resolution",
    "motion"
];

/// Decisions the text gives an actor: "OPEC+'s decision to extend cuts", "Kuwait's surprise
/// move", "the council decided to …".
fn decisions(doc: &Doc<'_>, table: &Table) -> Vec<(Span, usize)> {
    let mut out = Vec::new();
    for m in table.sorted_mentions() {
        if !is_actor(table, m.entity) {
            continue;
        }
        let end = m.tokens.end;
        // "OPEC+'s": the possessive ending is a token of its own after a symbol.
        let split_possessive = doc.is_punct(end, "'’") && doc.is(end + 1, "s");
        let noun = if doc.is_possessive(end - 1) || split_possessive {
            let after = if split_possessive { end + 2 } else { end };
            (after..(after + 2).min(doc.n_tokens())).find(|&u| doc.is_any(u, DECISION_NOUNS))
        } else {
            // "the council on Thursday voted", "the council has unanimously decided".
            let mut u = end;
            while u < (end + 4).min(doc.n_tokens())
                && (doc
                    .is_any(u, words!["has", "had", "have", "unanimously", "narrowly", "also", "on", "last", "this"])
                    || (u > end && doc.is_cap(u) && doc.is_any(u - 1, words!["on", "last", "this"])))
            {
                u += 1;
            }
            // "the Senate has passed the resolution": a body that adopts a text decides.
            let adopts = |u: usize| {
                doc.is_any(u, words!["passed", "approved", "adopted"])
                    && doc.is_any(u + 1, words!["the", "a", "its"])
                    && (u + 2..u + 4).any(|v| doc.is_any(v, words!["resolution", "motion", "bill", "amendment"]))
            };
            // "Kazakhstan has chosen Rosatom": a choice made.
            let decided = words!["decided", "voted", "opted", "resolved", "chose", "chosen", "selected"];
            Some(u).filter(|&u| doc.is_any(u, decided) || adopts(u))
        };
        if let Some(u) = noun {
            out.push((doc.span(u), m.entity));
        }
    }
    out
}

/// "welcomed the measures": the actors behind the latest earlier act that the noun after the
/// cue can name (within the last ten paragraphs).
fn act_agents<'f>(
    doc: &Doc<'_>,
    table: &Table,
    found: &'f Found,
    clause_end: usize,
    cue_end: usize,
    c: usize,
) -> Vec<(usize, Span)> {
    // Definite only: "agreed on additional measures" names a new act.
    // "said it “firmly condemns” the coup": past the mark that closes a quoted cue.
    let mut t = match doc.quote_of(c) {
        Some(q) if doc.quote_inner_tokens(q).end == cue_end => doc.quote_outer_tokens(q).end,
        _ => cue_end,
    };
    // "shares the concerns about the regulation".
    if doc.is_any(t, words!["about", "over", "against"]) {
        t += 1;
    }
    if !doc.is_any(t, words!["the", "these", "those", "this", "that", "such", "its", "their"]) {
        return Vec::new();
    }
    while t < clause_end && doc.is_any(t, DETERMINERS) {
        t += 1;
    }
    // Up to two modifiers: "the new EU sanctions", "the latest measures".
    // "welcomed the ruling": the court that gave it.
    if let Some(noun) = (t..(t + 3).min(clause_end)).find(|&u| doc.is_any(u, COURT_PRODUCTS))
        && let Some(court) =
            table.before(doc.span(c).start).take(100).find(|m| table.entities[m.entity].class == "court")
    {
        return vec![(court.entity, doc.span(noun))];
    }
    // "condemned the coup": the junta that staged it, once it has named itself.
    if let Some(noun) = (t..(t + 3).min(clause_end)).find(|&u| doc.is_any(u, words!["coup", "takeover", "putsch"]))
        && !doc.is_any(noun + 1, words!["attempt", "plot", "bid"])
        && let Some(junta) = table.junta()
    {
        return vec![(junta, doc.span(noun))];
    }
    // "condemned the law", "concerns about the regulation": the state or body whose law it is.
    if let Some(noun) = (t..(t + 3).min(clause_end)).find(|&u| doc.is_any(u, LAW_NOUNS))
        && let Some(maker) = law_maker(doc, table, noun)
    {
        return vec![(maker, doc.span(noun))];
    }
    // "dismissed the communique": whoever issued it.
    if let Some(noun) = (t..(t + 3).min(clause_end)).find(|&u| super::entities::is_definite_document(doc, u))
        && let Some(issuer) = super::entities::document_issuer(doc, table, noun)
    {
        return vec![(issuer, doc.span(noun))];
    }
    let noun = (t..(t + 3).min(clause_end)).find(|&u| ACT_NOUNS.iter().any(|(n, _)| doc.is(u, n)));
    let Some(noun) = noun else { return Vec::new() };
    let Some((_, categories)) = ACT_NOUNS.iter().find(|(n, _)| doc.is(noun, n)) else { return Vec::new() };
    let here = doc.span(c).start;
    let earliest = doc.article.paragraphs()[doc.paragraph_of(c).saturating_sub(10)].start;
    // Acts are in text order: look back from here to the earliest paragraph allowed.
    let window = |all: &'f [(Span, usize, String)]| {
        let from = all.partition_point(|(span, ..)| span.start < earliest);
        let to = all.partition_point(|(span, ..)| span.end <= here);
        let acts = &all[from..to.max(from)];
        let act = acts.iter().rev().find(|(_, _, category)| categories.contains(&category.as_str()));
        (acts, act.map(|a| (a.0, a.2.as_str())))
    };
    // An act that named a target first; a later measure that named none ("banned private
    // vehicles") is the one "the restrictions" means.
    let (acts, act) = match (window(&found.acts), window(&found.loose_acts)) {
        ((_, Some((a, _))), (loose, Some((b, "ban" | "sanction")))) if b.start > a.start => (loose, Some(b)),
        ((_, None), (loose, b)) => (loose, b.map(|b| b.0)),
        ((targeted, a), _) => (targeted, a.map(|a| a.0)),
    };
    let noun_span = doc.span(noun);
    // "backed OPEC+'s decision … The United States criticised the move": the decision named
    // after the latest act, if any, is what the noun refers to.
    if doc.is_any(noun, DECISION_NOUNS) {
        let from = found.decisions.partition_point(|(span, _)| span.start < earliest);
        let to = found.decisions.partition_point(|(span, _)| span.end <= here);
        if let Some(&(span, actor)) = found.decisions[from..to.max(from)].last()
            && act.is_none_or(|a| a.start < span.start)
        {
            return vec![(actor, noun_span)];
        }
    }
    let Some(act) = act else { return Vec::new() };
    let mut agents: Vec<(usize, Span)> =
        acts.iter().filter(|(span, ..)| *span == act).map(|&(_, source, _)| (source, noun_span)).collect();
    agents.sort_by_key(|a| a.0);
    agents.dedup();
    agents
}

/// The two parties to the latest agreement found before token `t` ("X and Y signed a truce").
fn agreement_parties(doc: &Doc<'_>, found: &Found, t: usize) -> Vec<usize> {
    let here = doc.span(t).start;
    let to = found.acts.partition_point(|(span, ..)| span.end <= here);
    let Some((span, ..)) = found.acts[..to].iter().rev().find(|(_, _, category)| category == "agree") else {
        return Vec::new();
    };
    let mut parties: Vec<usize> = found.acts[..to].iter().filter(|(s, ..)| s == span).map(|a| a.1).collect();
    parties.dedup();
    if parties.len() == 2 { parties } else { Vec::new() }
}

/// The two countries named most often in the 400 mentions before token `t`, when two stand
/// out from the rest.
fn two_states(doc: &Doc<'_>, table: &Table, t: usize) -> Vec<usize> {
    let counts = super::entities::ranked_countries(table, table.before(doc.span(t).start).take(400).map(|m| m.entity));
    match counts.as_slice() {
        [a, b] => vec![a.0, b.0],
        [a, b, c, ..] if b.1 > c.1 => vec![a.0, b.0],
        _ => Vec::new(),
    }
}

/// Nouns for a law, which its maker answers for.
const LAW_NOUNS: Words =
    words!["law", "laws", "regulation", "regulations", "legislation", "decree", "directive", "bill", "ordinance"];

/// Whose law the noun at `t` names: the owner written with it at its latest earlier mention
/// that has one ("the EU Deforestation Regulation", "Bulgaria's media law", "the Bulgarian
/// law", "its deforestation regulation", "The law, passed by Bulgaria's National Assembly"),
/// countries and organizations only.
fn law_maker(doc: &Doc<'_>, table: &Table, t: usize) -> Option<usize> {
    let is_maker = |e: usize| matches!(table.entities[e].kind, EntityKind::Country | EntityKind::Organization);
    let owner_at = |u: usize| {
        // Before the noun, over up to two modifiers.
        for v in (u.saturating_sub(3)..u).rev() {
            if doc.is_any(v, words!["its"]) {
                return super::entities::its_antecedent(doc, table, v).filter(|&e| is_maker(e));
            }
            if let Some(m) = table.mention_at(v) {
                // A ministry's or parliament's law is its state's.
                let e = table.entities[m.entity].parent.map_or(m.entity, |(p, _)| p);
                return Some(e).filter(|&e| is_maker(e) && doc.quote_of(v).is_none());
            }
            if !doc.is_word(v) || doc.is_any(v, words!["the", "a", "an", "of", "to", "on", "by"]) {
                break;
            }
        }
        // "The law, passed by Bulgaria's National Assembly": the state of the body that passed it.
        if doc.is_punct(u + 1, ",") && doc.is_any(u + 2, words!["passed", "adopted", "approved", "enacted"]) {
            let by = (u + 3..u + 5).find(|&v| doc.is_any(v, words!["by"]))?;
            let m = table.mention_at(by + 1)?;
            return Some(m.entity).filter(|&e| is_maker(e));
        }
        None
    };
    // Within the last ten paragraphs, as for other acts.
    let earliest = doc.paragraph_tokens(doc.paragraph_of(t).saturating_sub(10)).start;
    (earliest..=t).rev().filter(|&u| doc.is_any(u, LAW_NOUNS)).take(20).find_map(owner_at)
}

/// Actors coordinated after the mention that ends at `end` ("X and Y", "X, Y and Z"), and
/// where the chain ends.
fn conjuncts_after<'t>(
    doc: &Doc<'_>,
    table: &'t Table,
    clause_end: usize,
    end: usize,
) -> (Vec<&'t super::entities::Mention>, usize) {
    let mut out = Vec::new();
    let mut u = end;
    // "the Sudanese Armed Forces (SAF) and …": past the acronym defined after a name.
    let skip_acronym = |u: usize| {
        if doc.is_punct(u, "(") && doc.is_all_caps(u + 1) && doc.is_punct(u + 2, ")") { u + 3 } else { u }
    };
    u = skip_acronym(u);
    while u + 1 < clause_end && (doc.is_any(u, words!["and", "or"]) || doc.is_punct(u, ",")) {
        let mut v = u + 1;
        while doc.is_any(v, words!["the", "and"]) {
            v += 1;
        }
        // "… and the paramilitary Rapid Support Forces": a modifier or two before the name.
        if doc.is_any(v - 1, words!["the"]) {
            let mut w = v;
            while w < v + 2 && doc.is_word(w) && !doc.is_cap(w) && table.mention_at(w).is_none() {
                w += 1;
            }
            if table.mention_at(w).is_some() {
                v = w;
            }
        }
        match table.mention_at(v) {
            // "Rosatom, Russia’s state nuclear corporation,": a possessor in apposition
            // describes the actor before, and adds none.
            Some(m) if doc.is_punct(u, ",") && doc.is_possessive(m.tokens.end - 1) && !doc.is_cap(m.tokens.end) => {
                break;
            }
            Some(m) if is_actor(table, m.entity) => {
                out.push(m);
                u = skip_acronym(m.tokens.end);
            }
            _ => break,
        }
    }
    (out, u)
}

/// Actors coordinated before the subject mention at `start`: "X and Y", "X, Y and Z".
fn conjuncts_before(doc: &Doc<'_>, table: &Table, clause_start: usize, start: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut t = start;
    // "X and the Movement for … (MLNE)": from the name that the acronym follows.
    if t >= 2
        && doc.is_punct(t - 1, "(")
        && let (Some(acr), Some(name)) = (table.mention_at(t), table.mention_at(t - 2))
        && acr.entity == name.entity
    {
        t = name.tokens.start;
    }
    // "Japan and the Philippines": the article is no conjunct (but "Brandt, the EU …" is no
    // coordination).
    if t > clause_start + 1 && doc.is_any(t - 1, words!["the"]) && doc.is_any(t - 2, words!["and"]) {
        t -= 1;
    }
    while t > clause_start + 1 && (doc.is_any(t - 1, words!["and"]) || doc.is_punct(t - 1, ",")) {
        let mut u = t - 1;
        while u > clause_start && doc.is_any(u - 1, words!["the"]) {
            u -= 1;
        }
        let Some(m) = u.checked_sub(1).and_then(|v| table.mention_at(v)) else { break };
        if !is_actor(table, m.entity)
            || m.form == super::entities::MentionForm::Location
            || doc.is_possessive(m.tokens.end - 1)
        {
            break;
        }
        out.push(m.entity);
        t = m.tokens.start;
        while t > clause_start && doc.is_any(t - 1, words!["the"]) {
            t -= 1;
        }
    }
    out
}

/// The actor a possessive modifies, when it is one: "Sudan's paramilitary RSF" → the RSF.
fn possessed_head<'t>(
    doc: &Doc<'_>,
    table: &'t Table,
    m: &super::entities::Mention,
) -> Option<&'t super::entities::Mention> {
    if !doc.is_possessive(m.tokens.end - 1) {
        return None;
    }
    // Only modifiers in between: not "Serbia's call for KFOR", where the call is Serbia's.
    (m.tokens.end..m.tokens.end + 3)
        .take_while(|&u| {
            doc.is_word(u)
                && (table.mention_at(u).is_some()
                    || (doc.cue_at(u).is_none() && doc.speech_at(u).is_none() && !doc.is_any(u, PREPOSITIONS)))
        })
        .find_map(|u| table.mention_at(u))
        .filter(|h| is_actor(table, h.entity))
}

/// "pressure on the Serb population", "Russian tourists": a people named by its state's
/// adjective suffers or stands by; the state is not the target.
fn bystander_people(doc: &Doc<'_>, m: &super::entities::Mention) -> bool {
    m.form == super::entities::MentionForm::Demonym
        && doc.is_any(
            m.tokens.end,
            words!["population", "people", "civilians", "minority", "community", "villages", "residents", "families"],
        )
}

/// "the situation in Afghanistan", "the territory of the CSTO countries": a topic, not a target.
fn is_topic(doc: &Doc<'_>, start: usize) -> bool {
    let mut t = start;
    while t > 0 && doc.is_any(t - 1, DETERMINERS) {
        t -= 1;
    }
    t >= 2
        && doc.is_any(t - 1, words!["in", "around", "on", "of", "about", "over", "along"])
        && doc.is_any(t - 2, TOPIC_NOUNS)
}

/// "talks between A and B", "preferred “quiet engagement” with B": the other party of the
/// source, after the cue in its sentence.
fn partner_after(doc: &Doc<'_>, table: &Table, cue_end: usize, sources: &[usize]) -> Option<(usize, Span)> {
    let sentence = &doc.article.sentences()[doc.sentence_idx(cue_end.saturating_sub(1))];
    let b = (cue_end..sentence.tokens.end.min(cue_end + 4)).find(|&t| doc.is_any(t, words!["between", "with"]))?;
    (b..sentence.tokens.end.min(b + 8))
        .filter_map(|t| table.mention_at(t))
        .find(|m| is_actor(table, m.entity) && !sources.contains(&m.entity))
        .map(|m| (m.entity, m.span))
}

/// For a cue at `c` in a list item without a subject of its own ("2. Strongly condemns …",
/// "(b) Welcomes …"), the subject of the sentence that introduced the list with a colon.
fn list_subject(doc: &Doc<'_>, table: &Table, c: usize) -> Option<usize> {
    const MAX_ITEMS: usize = 20;
    let marker_end = |pi: usize| {
        let p = doc.paragraph_tokens(pi);
        let t = p.start;
        let numbered = doc.kind(t) == TokenKind::Number && doc.is_punct(t + 1, ".)");
        let lettered =
            doc.is_punct(t, "(") && doc.is_word(t + 1) && doc.word(t + 1).len() <= 3 && doc.is_punct(t + 2, ")");
        // "a) to approve …", "iv) to ban …".
        let half_lettered = doc.is_word(t) && doc.word(t).len() <= 3 && !doc.is_cap(t) && doc.is_punct(t + 1, ")");
        let bullet = doc.is_punct(t, "•-–*");
        if numbered || half_lettered {
            Some(t + 2)
        } else if lettered {
            Some(t + 3)
        } else {
            bullet.then_some(t + 1)
        }
    };
    let ends_in_colon = |q: usize| doc.paragraph_tokens(q).end.checked_sub(1).filter(|&u| doc.is_punct(u, ":"));
    let pi = doc.paragraph_of(c);
    marker_end(pi)?;
    // The paragraph that opens the list ends in a colon; it may be an item of an outer list
    // ("4. … the Commission decided:" before "a) to approve …").
    let intro =
        (pi.saturating_sub(MAX_ITEMS)..pi).rev().find(|&q| marker_end(q).is_none() || ends_in_colon(q).is_some())?;
    let colon = ends_in_colon(intro)?;
    let sentence = doc.article.sentences()[doc.sentence_idx(colon)].tokens.clone();
    sentence_subject(doc, table, sentence.start..colon)
}

/// True for a state, an intergovernmental body, or someone who speaks for one.
fn is_state_voice(table: &Table, e: usize) -> bool {
    let is_state = |e: usize| {
        let ent = &table.entities[e];
        ent.kind == EntityKind::Country || matches!(ent.class.as_str(), "igo" | "global" | "alliance")
    };
    let ent = &table.entities[e];
    is_state(e)
        || ent
            .roles
            .iter()
            .filter_map(|r| r.org)
            .any(|o| is_state(o) || table.entities[o].parent.is_some_and(|(p, _)| is_state(p)))
        || ent.parent.is_some_and(|(p, _)| is_state(p))
}

fn own_org(table: &Table, sources: &[usize], e: usize) -> bool {
    sources.iter().any(|&s| {
        table.entities[s].roles.iter().any(|r| r.org == Some(e))
            || table.entities[e].roles.iter().any(|r| r.org == Some(s))
            || table.entities[e].parent.is_some_and(|(p, _)| p == s)
            || table.entities[s].parent.is_some_and(|(p, _)| p == e)
    })
}

/// The actor a passive cue is about: the nearest actor before the cue, or the one that owns a
/// parenthesis ("the Taliban (a group banned in Russia)").
fn patient_before(doc: &Doc<'_>, table: &Table, clause: &Range<usize>, c: usize) -> Option<usize> {
    let mut start = clause.start;
    if doc.is_punct(clause.start, "(") || (clause.start > 0 && doc.is_punct(clause.start - 1, "(")) {
        start = clause.start.saturating_sub(6);
    }
    (start..c)
        .rev()
        .filter_map(|t| table.mention_at(t))
        .filter(|m| m.form != super::entities::MentionForm::Location)
        .map(|m| m.entity)
        .find(|&e| is_actor(table, e))
}

/// "called the EU step “regrettable”", "described Norway as “a reliable partner”": a short
/// quote that judges what the describing verb names, spoken by the quote's speaker.
fn described_as(doc: &Doc<'_>, table: &Table, statements: &[Quote], out: &mut Found) {
    for qi in 0..doc.quotes.len() {
        let inner = doc.quote_inner_tokens(qi);
        let outer = doc.quote_outer_tokens(qi);
        if inner.is_empty() || inner.len() > 6 {
            continue;
        }
        let Some(c) = inner.clone().find(|&t| doc.cue_at(t).is_some()) else { continue };
        let Some(cue_idx) = doc.cue_at(c) else { continue };
        let sentence = doc.article.sentences()[doc.sentence_idx(outer.start)].tokens.clone();
        let verb = (sentence.start..outer.start)
            .rev()
            .take_while(|&t| doc.quote_of(t).is_none())
            .find(|&t| doc.speech_at(t).is_some_and(|v| doc.lex.speech_verb(v).kind == "describe"));
        let ctx = context(doc, statements, c, doc.article.sentences()[doc.sentence_idx(outer.start)].span);
        let Some(source) = ctx.speaker else { continue };
        // "said it “welcomes” the council’s decision": the quoted verb's object follows.
        let Some(v) = verb else {
            if inner.len() <= 2 {
                quoted_verb_object(doc, table, &ctx, out, source, (c, cue_idx), outer.end);
            }
            continue;
        };
        let cue = doc.lex.cue(cue_idx);
        let negated = (inner.start..c).any(|t| doc.is_any(t, NEGATIONS));
        // As for any cue, "not positive" is negative, "not unacceptable" says nothing.
        let polarity = match (cue.polarity, negated) {
            (p, false) => p,
            (Polarity::Positive, true) => Polarity::Negative,
            _ => continue,
        };
        let hit = CueHit { c, cue_end: c + doc.word_hit_len(c), polarity, is_negated: negated, is_hedged: false };
        let mut t = v + doc.word_hit_len(v);
        while t < outer.start {
            if let Some(m) = table.mention_at(t) {
                // "called the detention of X “unacceptable”": not X.
                let is_victim = t > 0 && is_victim_at(doc, t - 1);
                if is_actor(table, m.entity) && m.form != super::entities::MentionForm::Location && !is_victim {
                    push(doc, table, &ctx, out, (source, m.entity, Some(m.span)), &hit, "described as");
                }
                t = m.tokens.end;
            } else {
                t += 1;
            }
        }
    }
}

/// The object right after a quoted cue verb ("“welcomes” the council’s decision", "“condemns”
/// Russia"): the actor named there.
fn quoted_verb_object(
    doc: &Doc<'_>,
    table: &Table,
    ctx: &Context,
    out: &mut Found,
    source: usize,
    (c, cue_idx): (usize, usize),
    from: usize,
) {
    let mut t = from;
    while doc.is_any(t, DETERMINERS) {
        t += 1;
    }
    let Some(m) = table.mention_at(t).filter(|m| is_actor(table, m.entity)) else { return };
    let mut target = m.entity;
    // "the council" in the council's own statement is another council: the latest before.
    if target == source
        && m.form == super::entities::MentionForm::Description
        && let Some(classes) = doc.lex.description(doc.base(m.tokens.end - 1))
    {
        let Some(other) = table
            .before(m.span.start)
            .take(200)
            .find(|o| o.entity != source && classes.contains(&table.entities[o.entity].class))
        else {
            return;
        };
        target = other.entity;
    }
    let cue = doc.lex.cue(cue_idx);
    let hit =
        CueHit { c, cue_end: c + doc.word_hit_len(c), polarity: cue.polarity, is_negated: false, is_hedged: false };
    push(doc, table, ctx, out, (source, target, Some(m.span)), &hit, "quoted verb and its object");
}

/// True if `a` is a body of `b` ("European Commission" of the European Union): a body and its
/// organization take no stance on each other.
fn is_part_of(doc: &Doc<'_>, table: &Table, a: usize, b: usize) -> bool {
    table.entities[a].parent.is_some_and(|(p, _)| p == b)
        || table.entities[a]
            .lex
            .and_then(|l| doc.lex.entities()[l].parent)
            .is_some_and(|p| table.entities[b].lex == Some(p))
}

/// A cue occurrence with what was decided about it.
struct CueHit {
    c: usize,
    cue_end: usize,
    polarity: Polarity,
    is_negated: bool,
    is_hedged: bool,
}

fn push(
    doc: &Doc<'_>,
    table: &Table,
    ctx: &Context,
    out: &mut Found,
    (source, target, target_span): (usize, usize, Option<Span>),
    hit: &CueHit,
    rule: &str,
) {
    if source == target
        || !is_actor(table, source)
        || !is_actor(table, target)
        || is_part_of(doc, table, source, target)
        || is_part_of(doc, table, target, source)
    {
        return;
    }
    let cue_span = Span::new(doc.span(hit.c).start, doc.span(hit.cue_end - 1).end);
    let cue = doc.lex.cue(doc.cue_at(hit.c).unwrap_or_default());
    let category = cue.category.clone();
    if !hit.is_negated {
        out.acts.push((cue_span, source, category.clone()));
    }
    let mut weight = cue.weight;
    // "signed a defence protocol with Somalia": a bare "signed" is sure once it names a text.
    if category == "agree" && (hit.cue_end..hit.cue_end + 3).any(|u| doc.is_any(u, SIGNED_TEXTS)) {
        weight = weight.max(0.8);
    }
    let weight = weight * if hit.is_hedged { 0.7 } else { 1.0 };
    // "ready to cooperate with Hungary": two cues of one stance in one sentence are one piece
    // of evidence, told by the surer cue.
    let evidence = out.by_pair.entry((source, target)).or_default();
    let same = evidence.iter().position(|e| {
        e.span == ctx.span && e.polarity == hit.polarity && e.category == category && e.is_negated == hit.is_negated
    });
    if same.is_some_and(|i| evidence[i].weight >= weight) {
        return;
    }
    let piece = Evidence {
        span: ctx.span,
        quote: ctx.quote,
        cue: doc.text[cue_span.range()].to_owned(),
        cue_span,
        target_span,
        polarity: hit.polarity,
        category,
        rule: rule.to_owned(),
        is_negated: hit.is_negated,
        is_hedged: hit.is_hedged,
        weight,
    };
    match same {
        Some(i) => evidence[i] = piece,
        None => evidence.push(piece),
    }
}

fn aggregate(source: usize, target: usize, evidence: Vec<Evidence>) -> Relation {
    let has = |p: Polarity| evidence.iter().any(|e| e.polarity == p);
    let polarity = match (has(Polarity::Positive), has(Polarity::Negative)) {
        (true, true) => Polarity::Mixed,
        (true, false) => Polarity::Positive,
        (false, true) => Polarity::Negative,
        (false, false) => Polarity::Neutral,
    };
    // The label is the most frequent category among the evidence of the winning polarity.
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for e in &evidence {
        if polarity == Polarity::Mixed || e.polarity == polarity {
            let label = if e.is_negated { format!("no {}", e.category) } else { e.category.clone() };
            *counts.entry(label).or_default() += 1;
        }
    }
    let best = counts.iter().map(|(k, n)| (*n, k.clone())).max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let label = best.map(|(_, k)| k).unwrap_or_default();
    Relation { kind: RelationKind::Stance, source, target, polarity, label, role: None, evidence }
}
