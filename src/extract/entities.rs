//! Finds the actors: lexicon names, people from titles and speech cues, organizations from head
//! nouns and acronym definitions, and resolves surnames, acronyms, titles and definite
//! descriptions to one entity per real-world actor.
//!
//! Invariant: mentions are sorted, disjoint, outside page furniture, and each points to an entity.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::doc::{Doc, Words, words};
use super::lexicon::{FormKind, Gender};
use super::{Diagnostic, Entity, EntityKind};
use crate::article::Span;

/// Words that may join the capitalised words of one name.
const CONNECTORS: Words = words![
    "of", "for", "and", "the", "on", "de", "del", "della", "da", "dos", "das", "do", "van", "von", "der", "den", "al",
    "bin", "ibn", "la", "le", "du", "el", "y", "ag", "ould", "ben", "bint", "di",
];
/// Verbs that open a question ("Will the Government …?", "Did the Council …?").
const QUESTION_OPENERS: Words = words![
    "will", "would", "did", "does", "do", "is", "are", "was", "were", "has", "have", "had", "should", "could", "may",
    "might", "must", "shall", "can",
];
/// Particles that belong to a surname ("von der Leyen", "bin Salman").
const SURNAME_PARTICLES: Words = words![
    "van", "von", "der", "den", "de", "del", "da", "dos", "al", "bin", "ibn", "la", "le", "du", "el", "ag", "ould",
    "ben", "bint", "di",
];
/// Lower-case nouns after a name that make it a place: "Natuna Besar island".
const PLACE_NOUNS: Words = words![
    "island",
    "islands",
    "province",
    "region",
    "district",
    "county",
    "river",
    "valley",
    "town",
    "village",
    "city",
    "peninsula",
    "archipelago",
    "desert",
    "mountains",
    "governorate",
    "prefecture",
    "municipality",
    "oblast",
];
/// Prepositions that make a capital city a place rather than its state.
const LOCATIVES: Words = words![
    "in", "at", "to", "from", "near", "outside", "into", "across", "around", "via", "towards", "toward", "within",
    "through", "inside", "between", "visit", "visited", "visiting", "reached", "left", "arrived",
];

/// How a mention names its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MentionForm {
    Name,
    Surname,
    Demonym,
    Metonym,
    /// A capital city named as a place ("talks in Budapest").
    Location,
    Acronym,
    TitleRef,
    Description,
}

/// One place the article names an entity.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    pub span: Span,
    pub tokens: Range<usize>,
    pub entity: usize,
    pub form: MentionForm,
}

/// A role a person holds, as the text states it.
#[derive(Clone, Debug)]
pub(crate) struct Role {
    pub title: String,
    pub category: String,
    pub org: Option<usize>,
    /// The words that state it ("President of Belarus Alexander Lukashenko").
    pub span: Span,
    pub title_span: Span,
}

/// An entity while it is being built.
#[derive(Clone, Debug)]
pub(crate) struct Ent {
    pub name: String,
    pub kind: EntityKind,
    pub class: String,
    pub roles: Vec<Role>,
    pub gender: Option<Gender>,
    pub surname: Option<String>,
    /// The first word of a two- or three-word name ("Liu" of "Liu Fang": a family name in
    /// Chinese order, a given name elsewhere); a later lone "Liu" refers to the same person.
    pub given: Option<String>,
    /// Parent organization (bodies) and the span showing it.
    pub parent: Option<(usize, Span)>,
    pub extra_aliases: BTreeSet<String>,
    /// The lexicon entry, for lexicon entities.
    pub lex: Option<usize>,
}

/// All entities and mentions of one article.
pub(crate) struct Table {
    pub entities: Vec<Ent>,
    pub mentions: Vec<Mention>,
    /// Mention index covering each token.
    pub token_mention: Vec<Option<u32>>,
    by_lex: HashMap<usize, usize>,
    by_name: HashMap<(EntityKind, String), usize>,
    /// Mention indices sorted by position (see [`Table::reindex`]).
    sorted: Vec<u32>,
    /// Names inside another mention's word, which hold no token: Syria in "Jordanian-Syrian".
    inner: Vec<(usize, Span)>,
}

impl Table {
    fn new(n_tokens: usize) -> Self {
        Table {
            entities: Vec::new(),
            mentions: Vec::new(),
            token_mention: vec![None; n_tokens],
            by_lex: HashMap::default(),
            by_name: HashMap::default(),
            sorted: Vec::new(),
            inner: Vec::new(),
        }
    }

    /// A council that soldiers who seized power named for themselves: "the National Council for
    /// Transition and Order", "the National Committee for the Salvation of the People".
    pub(crate) fn junta(&self) -> Option<usize> {
        const JUNTA_WORDS: &[&str] =
            &["Transition", "Salvation", "Safeguard", "Restoration", "Redemption", "State Administration"];
        self.entities.iter().position(|e| {
            matches!(e.kind, EntityKind::Organization | EntityKind::Group)
                && e.lex.is_none()
                && (e.name.contains("Council") || e.name.contains("Committee"))
                && JUNTA_WORDS.iter().any(|w| has_words(&e.name, w))
        })
    }

    fn for_lex(&mut self, doc: &Doc<'_>, lex: usize) -> usize {
        if let Some(&e) = self.by_lex.get(&lex) {
            return e;
        }
        let entry = &doc.lex.entities()[lex];
        let e = self.entities.len();
        self.entities.push(Ent {
            name: entry.name.clone(),
            kind: entry.kind,
            class: entry.class.clone(),
            roles: Vec::new(),
            gender: None,
            surname: None,
            given: None,
            parent: None,
            extra_aliases: BTreeSet::new(),
            lex: Some(lex),
        });
        self.by_lex.insert(lex, e);
        e
    }

    fn named(&mut self, name: &str, kind: EntityKind, class: &str) -> usize {
        let key = (kind, name.to_owned());
        if let Some(&e) = self.by_name.get(&key) {
            return e;
        }
        // "Karoo Metals" after "Karoo Metals Trading": a company's name without its last word.
        if kind == EntityKind::Organization
            && name.contains(' ')
            && let Some(e) = self.entities.iter().position(|ent| {
                ent.kind == kind
                    && ent.lex.is_none()
                    && ent.name.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')).is_some_and(|rest| {
                        !rest.is_empty() && !rest.contains(' ') && rest.starts_with(char::is_uppercase)
                    })
            })
        {
            return e;
        }
        // "Security Council" in the headline of a story about "the U.N. Security Council", "the
        // Panel of Experts" after "the U.N. Panel of Experts on South Sudan": the one
        // organization already found whose name holds this one.
        if kind == EntityKind::Organization && name.contains(' ') {
            let holds = |ent: &Ent| ent.kind == kind && ent.name != name && has_words(&ent.name, name);
            let mut holders = self.entities.iter().enumerate().filter(|(_, ent)| holds(ent));
            if let (Some((e, _)), None) = (holders.next(), holders.next()) {
                return e;
            }
        }
        let e = self.entities.len();
        self.entities.push(Ent {
            name: name.to_owned(),
            kind,
            class: class.to_owned(),
            roles: Vec::new(),
            gender: None,
            surname: None,
            given: None,
            parent: None,
            extra_aliases: BTreeSet::new(),
            lex: None,
        });
        self.by_name.insert(key, e);
        e
    }

    /// Countries joined to a demonym mention by a hyphen inside its word: Syria in
    /// "Jordanian-Syrian".
    pub(crate) fn hyphen_partners(&self, doc: &Doc<'_>, m: &Mention) -> Vec<usize> {
        if m.form != MentionForm::Demonym {
            return Vec::new();
        }
        let from = doc.name_hits.partition_point(|h| h.span.start <= m.span.start);
        doc.name_hits[from..]
            .iter()
            .take_while(|h| h.span.end <= m.span.end)
            .filter(|h| doc.text[..h.span.start].ends_with('-'))
            .filter_map(|h| self.by_lex.get(&h.entity).copied())
            .filter(|&e| e != m.entity && self.entities[e].kind == EntityKind::Country)
            .collect()
    }

    /// Adds a mention unless its tokens are already taken.
    fn add(&mut self, doc: &Doc<'_>, tokens: Range<usize>, entity: usize, form: MentionForm) -> bool {
        if tokens.is_empty() || tokens.clone().any(|t| self.token_mention[t].is_some() || doc.furniture[t]) {
            return false;
        }
        let span = Span::new(doc.span(tokens.start).start, doc.span(tokens.end - 1).end);
        let idx = self.mentions.len() as u32;
        for t in tokens.clone() {
            self.token_mention[t] = Some(idx);
        }
        self.mentions.push(Mention { span, tokens, entity, form });
        true
    }

    /// Replaces the mentions on `tokens` with one mention of `entity`.
    fn replace(&mut self, doc: &Doc<'_>, tokens: Range<usize>, entity: usize, form: MentionForm) {
        for t in tokens.clone() {
            self.remove(t);
        }
        self.add(doc, tokens, entity, form);
    }

    /// Removes the mention covering token `t`, if any.
    fn remove(&mut self, t: usize) {
        if let Some(m) = self.token_mention[t].take() {
            let m = &mut self.mentions[m as usize];
            for tt in m.tokens.clone() {
                self.token_mention[tt] = None;
            }
            m.tokens = 0..0;
        }
    }

    /// The mention covering token `t`.
    pub fn mention_at(&self, t: usize) -> Option<&Mention> {
        let m = self.token_mention.get(t).copied().flatten()?;
        Some(&self.mentions[m as usize])
    }

    /// The entity mentioned at token `t`.
    pub fn entity_at(&self, t: usize) -> Option<usize> {
        self.mention_at(t).map(|m| m.entity)
    }

    /// Live mentions in text order.
    pub fn sorted_mentions(&self) -> Vec<&Mention> {
        let mut out: Vec<&Mention> = self.mentions.iter().filter(|m| !m.tokens.is_empty()).collect();
        out.sort_by_key(|m| m.span.start);
        out
    }

    /// Rebuilds the position index that [`Table::before`] searches.
    pub fn reindex(&mut self) {
        let mut ids: Vec<u32> =
            (0..self.mentions.len() as u32).filter(|&i| !self.mentions[i as usize].tokens.is_empty()).collect();
        ids.sort_by_key(|&i| self.mentions[i as usize].span.start);
        self.sorted = ids;
    }

    /// Mentions (as of the last [`Table::reindex`]) that end before `pos`, nearest first.
    pub fn before(&self, pos: usize) -> impl Iterator<Item = &Mention> {
        let k = self.sorted.partition_point(|&i| self.mentions[i as usize].span.start < pos);
        self.sorted[..k]
            .iter()
            .rev()
            .map(|&i| &self.mentions[i as usize])
            .filter(move |m| !m.tokens.is_empty() && m.span.end <= pos)
    }

    /// The organization a person speaks for: the org of their first role.
    pub fn org_of(&self, person: usize) -> Option<usize> {
        self.entities[person].roles.iter().find_map(|r| r.org)
    }

    /// Orders entities by first mention, drops unmentioned ones and those `keep` refuses, and
    /// returns the public entities and the map from build indices to public indices.
    pub fn finish(&self, text: &str, keep: impl Fn(usize) -> bool) -> (Vec<Entity>, Vec<Option<usize>>) {
        let mut first: Vec<Option<usize>> = vec![None; self.entities.len()];
        let mut spans: Vec<Vec<Span>> = vec![Vec::new(); self.entities.len()];
        let mut aliases: Vec<BTreeSet<String>> = vec![BTreeSet::new(); self.entities.len()];
        let outer = self.mentions.iter().filter(|m| !m.tokens.is_empty()).map(|m| (m.entity, m.span));
        for (entity, span) in outer.chain(self.inner.iter().copied()) {
            let f = &mut first[entity];
            *f = Some(f.map_or(span.start, |s: usize| s.min(span.start)));
            spans[entity].push(span);
            aliases[entity].insert(alias_form(&text[span.range()]));
        }
        let mut order: Vec<usize> = (0..self.entities.len()).filter(|&e| first[e].is_some() && keep(e)).collect();
        order.sort_by_key(|&e| (first[e], e));
        let mut remap = vec![None; self.entities.len()];
        let mut out = Vec::with_capacity(order.len());
        for (new, &old) in order.iter().enumerate() {
            remap[old] = Some(new);
            let ent = &self.entities[old];
            let mut mentions = std::mem::take(&mut spans[old]);
            mentions.sort();
            let mut names: BTreeSet<String> = std::mem::take(&mut aliases[old]);
            names.extend(ent.extra_aliases.iter().cloned());
            names.remove(&ent.name);
            names.retain(|a| !a.is_empty());
            let mut roles: Vec<String> = Vec::new();
            for role in &ent.roles {
                if !roles.contains(&role.title) {
                    roles.push(role.title.clone());
                }
            }
            out.push(Entity {
                name: ent.name.clone(),
                kind: ent.kind,
                aliases: names.into_iter().collect(),
                mentions,
                roles,
            });
        }
        (out, remap)
    }
}

fn alias_form(text: &str) -> String {
    let collapsed: std::borrow::Cow<'_, str> =
        if text.contains(|c: char| c.is_whitespace() && c != ' ') || text.contains("  ") {
            text.split_whitespace().collect::<Vec<_>>().join(" ").into()
        } else {
            text.into()
        };
    let base = super::doc::strip_possessive(&collapsed);
    base.strip_prefix("the ").or_else(|| base.strip_prefix("The ")).unwrap_or(base).to_owned()
}

/// Marks datelines, bylines, credits and editorial notes, which never hold actors or speakers.
pub(crate) fn mark_furniture(doc: &mut Doc<'_>) {
    let paragraphs = doc.article.paragraphs().to_vec();
    for (pi, para) in paragraphs.iter().enumerate() {
        let tokens = doc.paragraph_tokens(pi);
        if tokens.is_empty() {
            continue;
        }
        let text = &doc.text[para.range()];
        let lower: String = text.chars().take(24).collect::<String>().to_lowercase();
        let is_note = (text.starts_with('(') && text.ends_with(')')) || (text.starts_with('[') && text.ends_with(']'));
        let is_byline = (text.starts_with("By ") && text.split_whitespace().count() <= 8 && !text.ends_with('.'))
            || [
                "photo:",
                "photograph:",
                "image:",
                "credit:",
                "photo credit",
                "(reporting by",
                "reporting by",
                "editing by",
                "writing by",
                "additional reporting",
                "copyright",
                "©",
                "all rights reserved",
            ]
            .iter()
            .any(|p| lower.starts_with(p));
        if is_note || is_byline {
            for t in tokens {
                doc.furniture[t] = true;
            }
            continue;
        }
        // After a headline, a standfirst and a byline at most.
        if pi < 5
            && let Some(end) = dateline_end(doc, tokens.clone())
        {
            for t in tokens.start..end {
                doc.furniture[t] = true;
            }
        }
    }
}

/// "MOSCOW (TASS):", "BRUSSELS, March 3 (Reuters) -", "KYIV —": the tokens of a dateline.
fn dateline_end(doc: &Doc<'_>, tokens: Range<usize>) -> Option<usize> {
    let mut t = tokens.start;
    let mut n_caps = 0;
    while t < tokens.end && (doc.is_all_caps(t) || (n_caps > 0 && doc.is_punct(t, "."))) {
        n_caps += usize::from(doc.is_word(t));
        t += 1;
    }
    if n_caps == 0 {
        return None;
    }
    // Optional ", March 3" or ", 3 March 2026".
    if doc.is_punct(t, ",") {
        let mut u = t + 1;
        while u < tokens.end
            && u < t + 6
            && (doc.is_word(u) || doc.kind(u) == crate::article::TokenKind::Number || doc.is_punct(u, ","))
        {
            if doc.is_punct(u, ",") && !doc.is_word(u + 1) && doc.kind(u + 1) != crate::article::TokenKind::Number {
                break;
            }
            u += 1;
        }
        t = u;
    }
    if doc.is_punct(t, "(") {
        let close = (t..tokens.end.min(t + 8)).find(|&u| doc.is_punct(u, ")"))?;
        t = close + 1;
    }
    (doc.is_punct(t, ":-–—")).then_some(t + 1)
}

/// True if `words` occurs in `name` as whole words: "Panel of Experts" in "U.N. Panel of
/// Experts on South Sudan", "State Administration" in "State Administration Council".
fn has_words(name: &str, words: &str) -> bool {
    name.match_indices(words).any(|(i, _)| {
        let after = &name[i + words.len()..];
        (i == 0 || name[..i].ends_with(' ')) && (after.is_empty() || after.starts_with(' '))
    })
}

/// Countries by how often the mentions given name them, most first (equal counts: the first
/// entity found first).
pub(crate) fn ranked_countries(table: &Table, entities: impl Iterator<Item = usize>) -> Vec<(usize, usize)> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for e in entities.filter(|&e| table.entities[e].kind == EntityKind::Country) {
        match counts.iter_mut().find(|(c, _)| *c == e) {
            Some((_, n)) => *n += 1,
            None => counts.push((e, 1)),
        }
    }
    counts.sort_by_key(|&(e, n)| (std::cmp::Reverse(n), e));
    counts
}

/// Finds every entity and mention.
pub(crate) fn find(doc: &Doc<'_>, diagnostics: &mut Vec<Diagnostic>) -> Table {
    let mut table = Table::new(doc.n_tokens());
    lexicon_mentions(doc, &mut table);
    local_offices(doc, &mut table);
    state_forces(doc, &mut table);
    table.reindex();
    let acronyms = capitalised_names(doc, &mut table, diagnostics);
    link_surnames_and_acronyms(doc, &mut table, &acronyms);
    table.reindex();
    organs_again(doc, &mut table);
    legislatures(doc, &mut table);
    table.reindex();
    lede_titles(doc, &mut table);
    title_references(doc, &mut table);
    table.reindex();
    descriptions(doc, &mut table);
    table.reindex();
    late_role_orgs(doc, &mut table);
    ministers_of_named_ministries(doc, &mut table);
    // "Prime Minister X" with no country named: the country the article is about, else the
    // dateline's (local officials go unqualified in wire copy).
    if let Some(home) = article_state(doc, &table) {
        // Not for someone whose country is named in another role.
        let countries: Vec<bool> = table.entities.iter().map(|e| e.kind == EntityKind::Country).collect();
        for ent in &mut table.entities {
            if ent.roles.iter().any(|r| r.org.is_some_and(|o| countries[o])) {
                continue;
            }
            for role in &mut ent.roles {
                let national = matches!(role.category.as_str(), "head_of_state" | "head_of_government" | "minister");
                // "the provincial premier", "a regional minister": not the state's.
                let local = doc.text[..role.title_span.start].trim_end().rsplit(' ').next().is_some_and(|w| {
                    ["provincial", "regional", "state", "local", "municipal", "district", "county"].contains(&w)
                });
                if national && !local && role.org.is_none() {
                    role.org = Some(home);
                }
            }
        }
    }
    table
}

/// "Minister of Foreign Affairs Lin Chao-wei" in a release of the "Ministry of Foreign Affairs",
/// "Energy and Mines Minister Rosa Huamani" after "Peru's Energy and Mines Ministry": a minister
/// with no organization named, or only a state, heads the one ministry of that portfolio the
/// article names (the state's own, where a state is named).
fn ministers_of_named_ministries(doc: &Doc<'_>, table: &mut Table) {
    let tokens = doc.article.tokens();
    for e in 0..table.entities.len() {
        for r in 0..table.entities[e].roles.len() {
            let role = &table.entities[e].roles[r];
            let state = role.org.filter(|&o| table.entities[o].kind == EntityKind::Country);
            if (role.org.is_some() && state.is_none())
                || !role.title.contains("Minister")
                || role.title.contains("Prime")
            {
                continue;
            }
            // The portfolio in the title ("Minister of Foreign Affairs"), if it names one.
            let own = role.title.trim_start_matches("Deputy ").trim_start_matches("Vice ");
            // With a state named, only the portfolio before the title names a ministry.
            let mut portfolios: Vec<String> = (own != "Minister" && state.is_none())
                .then(|| own.replace("Minister", "Ministry"))
                .into_iter()
                .collect();
            // The portfolio's capitalised words right before the title.
            if let Ok(title_start) = tokens.binary_search_by_key(&role.title_span.start, |t| t.span.start) {
                let first = (0..title_start)
                    .rev()
                    .take_while(|&u| {
                        (doc.is_cap(u) && table.mention_at(u).is_none() && doc.title_at(u).is_none())
                            || doc.is_any(u, words!["and"])
                            || doc.is_punct(u, "&")
                    })
                    .last();
                if let Some(first) = first.filter(|&f| doc.is_cap(f)) {
                    let words = &doc.text[doc.span(first).start..doc.span(title_start - 1).end];
                    portfolios.push(format!("{words} Ministry"));
                }
                // "Deputy Minister of Foreign Affairs": the portfolio after the title.
                let of = title_start + doc.word_hit_len(title_start).max(1);
                let last = (of + 1..(of + 6).min(doc.n_tokens()))
                    .take_while(|&u| {
                        (doc.is_cap(u) && table.mention_at(u).is_none() && doc.title_at(u).is_none())
                            || doc.is_any(u, words!["and"])
                    })
                    .last();
                if state.is_none()
                    && doc.is_any(of, words!["of", "for"])
                    && let Some(last) = last.filter(|&l| doc.is_cap(l))
                {
                    let words = &doc.text[doc.span(of).start..doc.span(last).end];
                    portfolios.push(format!("Ministry {words}"));
                }
            }
            if portfolios.is_empty() {
                continue;
            }
            // With no state named, not another state's ministry: a Colombian live blog that
            // quotes "Venezuela's foreign ministry" and "Foreign Minister X" (Colombia's).
            let mut ministries = table.entities.iter().enumerate().filter(|(_, m)| {
                m.kind == EntityKind::Organization
                    // "Ministry of Foreign Affairs of Viet Nam" too.
                    && portfolios.iter().any(|p| {
                        m.name == *p || m.name.ends_with(&format!(" {p}")) || m.name.starts_with(&format!("{p} of "))
                    })
                    && state.is_none_or(|s| m.parent.is_none_or(|(p, _)| p == s))
            });
            let others = |m: usize| {
                state.is_none()
                    && table.entities[m].parent.is_some_and(|(p, _)| {
                        table.entities[p].kind == EntityKind::Country && article_state(doc, table) != Some(p)
                    })
            };
            if let (Some((m, _)), None) = (ministries.next(), ministries.next())
                && !others(m)
            {
                table.entities[e].roles[r].org = Some(m);
            }
        }
    }
}

/// "Eurofer director-general Klaus Brenninger": an organization found after the person (one-word
/// names come last) still heads the title before the person's name.
fn late_role_orgs(doc: &Doc<'_>, table: &mut Table) {
    let tokens = doc.article.tokens();
    for e in 0..table.entities.len() {
        for r in 0..table.entities[e].roles.len() {
            let role = &table.entities[e].roles[r];
            if role.org.is_some() {
                continue;
            }
            let Ok(title_start) = tokens.binary_search_by_key(&role.title_span.start, |t| t.span.start) else {
                continue;
            };
            let title_end = title_start + doc.word_hit_len(title_start).max(1);
            let national = matches!(role.category.as_str(), "head_of_state" | "head_of_government" | "minister");
            // "… the Ministry reiterated Viet Nam's position. Spokesperson X said": the body
            // the sentence before is about speaks through its spokesperson.
            let speaks_for = || {
                let si = doc.sentence_idx(title_start).checked_sub(1)?;
                let before = doc.article.sentences()[si].tokens.clone();
                let subject = super::stances::sentence_subject(doc, table, before.clone())
                    .filter(|&o| table.entities[o].kind != EntityKind::Person && o != e)?;
                // Not the owner of a body left unnamed: "The U.N. human rights office condemned …".
                let m = before.clone().find_map(|u| table.mention_at(u).filter(|m| m.entity == subject))?;
                let owns_a_body =
                    (m.tokens.end..m.tokens.end + 3).take_while(|&u| doc.is_word(u) && !doc.is_cap(u)).any(|u| {
                        doc.lex.description(doc.base(u)).is_some()
                            || doc.is_any(u, words!["office", "department", "secretariat", "delegation"])
                    });
                (!owns_a_body).then_some(subject)
            };
            if let Some(org) = title_org(doc, table, title_start, title_end)
                .filter(|&o| o != e)
                .or_else(|| located_state(doc, table, title_start))
                .or_else(|| national.then(|| subject_state(doc, table, title_start)).flatten())
                .or_else(|| (role.category == "spokesperson").then(speaks_for).flatten())
            {
                table.entities[e].roles[r].org = Some(org);
            }
        }
    }
}

/// "Uruguay … argues …, in the words of Foreign Minister X", "Argentina's position is more
/// ambiguous. Foreign Minister X said": the country that opens the sentence of a minister named
/// without one, or the sentence before in the same paragraph.
fn subject_state(doc: &Doc<'_>, table: &Table, t: usize) -> Option<usize> {
    let si = doc.sentence_idx(t);
    let sentences = doc.article.sentences();
    let opening = |s: usize| {
        let mut first = sentences[s].tokens.clone().find(|&u| doc.is_word(u))?;
        // "The United Kingdom, which leads the deal, …".
        if doc.is_any(first, words!["the"]) {
            first += 1;
        }
        let m = table.mention_at(first)?;
        (table.entities[m.entity].kind == EntityKind::Country && doc.quote_of(first).is_none()).then_some(m.entity)
    };
    let here =
        sentences[si].tokens.clone().find(|&u| doc.is_word(u)).filter(|&first| first < t).and_then(|_| opening(si));
    // Else the nearest sentence before in the same paragraph that opens with a country
    // ("Somalia’s government declared … The Arab League condemned … President X told …").
    here.or_else(|| {
        (0..si).rev().take_while(|&p| sentences[p].paragraph_idx == sentences[si].paragraph_idx).find_map(opening)
    })
}

/// "In Beijing, foreign ministry spokeswoman X", "In Paris, the interior minister, X": the
/// state whose capital opens the sentence of an official named without a country.
fn located_state(doc: &Doc<'_>, table: &Table, t: usize) -> Option<usize> {
    in_state_opening(doc, table, doc.article.sentences()[doc.sentence_idx(t)].tokens.start)
        .filter(|&(_, end)| end < t)
        .map(|(state, _)| state)
}

/// "In Kenya, …" opening at `start`: the country and the token after its name.
fn in_state_opening(doc: &Doc<'_>, table: &Table, start: usize) -> Option<(usize, usize)> {
    let m = table.mention_at(start + 1).filter(|_| doc.is(start, "in"))?;
    (table.entities[m.entity].kind == EntityKind::Country && doc.is_punct(m.tokens.end, ","))
        .then_some((m.entity, m.tokens.end))
}

/// The country of the dateline ("BRASILIA, March 4 (Reuters) -"), where wire copy's unnamed
/// "Foreign Minister X" serves, when the country is named in the article too.
fn dateline_country(doc: &Doc<'_>, table: &Table) -> Option<usize> {
    // The first paragraph (after a headline and byline) that opens with furniture.
    let start = doc
        .article
        .paragraphs()
        .iter()
        .take(5)
        .map(|p| doc.article.tokens().partition_point(|token| token.span.start < p.start))
        .find(|&t| t < doc.n_tokens() && doc.furniture[t] && doc.is_all_caps(t))?;
    // The place: the leading capitalised words, as the lexicon spells them ("NEW DELHI" → "New Delhi").
    let words: Vec<String> = (start..doc.n_tokens())
        .take_while(|&t| doc.furniture[t] && doc.is_word(t) && doc.is_cap(t))
        .map(|t| {
            let w = doc.word(t).to_lowercase();
            let mut chars = w.chars();
            chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
        })
        .collect();
    // "IGALIKU FJORD, Greenland —": a place the lexicon does not know, then its country.
    let after = start + words.len();
    let country = || {
        let first = after + 1;
        let words: Vec<&str> =
            (first..doc.n_tokens()).take_while(|&t| doc.is_word(t) && doc.is_cap(t)).map(|t| doc.word(t)).collect();
        let closed = doc.is_punct(first + words.len(), "—–-(");
        (doc.is_punct(after, ",") && closed).then(|| doc.lex.resolve(&words.join(" "))).flatten()
    };
    let lex = doc.lex.resolve(&words.join(" ")).or_else(country)?;
    let e = *table.by_lex.get(&lex)?;
    (table.entities[e].kind == EntityKind::Country).then_some(e)
}

/// The state the article is about, whose unqualified ministers it quotes: the one its lede
/// opens with, else the one most of its country mentions name, else the dateline's.
fn article_state(doc: &Doc<'_>, table: &Table) -> Option<usize> {
    lede_state(doc, table).or_else(|| home_country(table)).or_else(|| dateline_country(doc, table))
}

/// The country that opens the article's first sentence of text ("Moldova on Tuesday offered
/// …"): whose unqualified ministers the article quotes. Short lines (datelines, bylines,
/// captions) are no such sentence.
fn lede_state(doc: &Doc<'_>, table: &Table) -> Option<usize> {
    let sentence = doc.article.sentences().iter().find(|s| {
        let t = s.tokens.start;
        !s.tokens.is_empty() && !doc.is_heading(t) && !doc.furniture[t] && s.tokens.len() > 8
    })?;
    let first = sentence.tokens.clone().find(|&u| doc.is_word(u) && !doc.furniture[u])?;
    let m = table.mention_at(first)?;
    (table.entities[m.entity].kind == EntityKind::Country && m.form != MentionForm::Demonym).then_some(m.entity)
}

/// The country most of the article's country mentions name, when one clearly dominates.
fn home_country(table: &Table) -> Option<usize> {
    let mut counts: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for m in table.mentions.iter().filter(|m| !m.tokens.is_empty()) {
        if table.entities[m.entity].kind == EntityKind::Country {
            *counts.entry(m.entity).or_default() += 1;
        }
    }
    let total: usize = counts.values().sum();
    let (&best, &n) = counts.iter().max_by_key(|(e, n)| (**n, std::cmp::Reverse(**e)))?;
    (n >= 3 && n * 2 > total).then_some(best)
}

/// "the mayor of Slubice", "the governor of Kherson": a town or region the lexicon does not know,
/// named by the office that governs it.
fn local_offices(doc: &Doc<'_>, table: &mut Table) {
    for t in 0..doc.n_tokens() {
        let Some(title) = doc.title_at(t) else { continue };
        let class = match doc.lex.title(title).title.as_str() {
            "Mayor" => "city",
            "Governor" => "region",
            _ => continue,
        };
        let place = t + doc.word_hit_len(t) + 1;
        if doc.is_any(place - 1, words!["of"])
            && table.mention_at(place).is_none()
            && is_name_word(doc, place)
            && !doc.is_common(place)
            && !doc.is_cap(place + 1)
        {
            let name = doc.base(place).to_owned();
            let e = table.named(&name, EntityKind::Place, class);
            table.add(doc, place..place + 1, e, MentionForm::Name);
        }
    }
}

/// Lower-case nouns for a state's forces and missions, which act and speak as themselves:
/// "the Israeli military", "China's embassy".
const STATE_FORCES: &[&[&str]] = &[
    &["armed", "forces"],
    &["air", "force"],
    &["coast", "guard"],
    &["military"],
    &["army"],
    &["navy"],
    &["police"],
    &["embassy"],
    &["foreign", "ministry"],
    &["defence", "ministry"],
    &["defense", "ministry"],
    &["interior", "ministry"],
    &["finance", "ministry"],
    &["health", "ministry"],
    &["trade", "ministry"],
    &["commerce", "ministry"],
    &["energy", "ministry"],
    &["justice", "ministry"],
    &["foreign", "office"],
];

/// Lower-case organs through which a state acts, after "its": "its foreign ministry".
const STATE_ORGANS: &[&[&str]] = &[
    &["foreign", "ministry"],
    &["foreign", "office"],
    &["defence", "ministry"],
    &["defense", "ministry"],
    &["interior", "ministry"],
    &["ministry"],
    &["government"],
    &["embassy"],
    &["cabinet"],
];

/// Nouns that a force's name modifies: "police officers", "navy vessels".
const FORCE_COMPOUNDS: Words = words![
    "officer",
    "officers",
    "unit",
    "units",
    "patrol",
    "patrols",
    "boat",
    "boats",
    "vessel",
    "vessels",
    "ship",
    "ships",
    "personnel",
    "troops",
    "soldiers",
    "base",
    "bases",
    "academy",
    "training",
    "station",
    "aircraft",
    "jets",
    "drones",
    "chief",
    "commander",
    "commanders",
    "sources",
    "source",
    "staff",
    "building",
    "compound",
    "instructors",
    "advisers",
    "advisors",
    "trainers",
    "contractors",
    "observers",
    "presence",
    "deployment",
    "exercises",
    "equipment",
];

/// The first of `phrases` written in lower case at `t`, with its index.
fn lower_phrase_at(
    doc: &Doc<'_>,
    t: usize,
    phrases: &[&'static [&'static str]],
) -> Option<(usize, &'static [&'static str])> {
    phrases
        .iter()
        .enumerate()
        .find(|(_, words)| words.iter().enumerate().all(|(k, w)| doc.is(t + k, w) && !doc.is_cap(t + k)))
        .map(|(i, words)| (i, *words))
}

/// "An Israeli military spokesman said", "China's embassy in Honiara said": a country's forces
/// or embassy named by its demonym or possessive, an organization of its own (one per country
/// and noun). Not as a complement ("contingents of the American army"), where the phrase only
/// says whose they are.
fn state_forces(doc: &Doc<'_>, table: &mut Table) {
    let mut made: HashMap<(usize, usize), usize> = HashMap::default();
    for t in 0..doc.n_tokens() {
        let Some(m) = table.mention_at(t).filter(|m| m.tokens.start == t) else { continue };
        let (country, end) = (m.entity, m.tokens.end);
        let named_by = m.form == MentionForm::Demonym || doc.is_possessive(end - 1);
        if !named_by || table.entities[country].kind != EntityKind::Country {
            continue;
        }
        let Some((i, words)) = lower_phrase_at(doc, end, STATE_FORCES) else { continue };
        let mut before = t;
        while before > 0 && doc.is_any(before - 1, words!["the", "a", "an"]) {
            before -= 1;
        }
        if before > 0 && doc.is_any(before - 1, words!["of", "in", "from", "with", "into"]) {
            continue;
        }
        let tokens = t..end + words.len();
        // "a Venezuelan navy patrol boat": a modifier of a thing, unless of someone who speaks
        // for it ("an Israeli military spokesman").
        if doc.is_any(before, words!["a", "an"]) && doc.title_at(tokens.end).is_none() {
            continue;
        }
        // "Chinese police officers", "Israeli army units": a modifier of the people or things
        // that follow.
        if doc.is_any(tokens.end, FORCE_COMPOUNDS) {
            continue;
        }
        let e = *made.entry((country, i)).or_insert_with(|| {
            // "Russia’s embassy" → "Russian embassy" where the article says "Russian" (else
            // "Myanmar military"); "Israeli military" as written.
            let owner = if doc.is_possessive(end - 1) {
                // As an adjective ("Russian instructors"), not a plural noun ("Russians").
                let demonym = table.mentions.iter().find(|m| {
                    m.entity == country
                        && m.form == MentionForm::Demonym
                        && doc.is_word(m.tokens.end)
                        && !doc.is_cap(m.tokens.end)
                });
                demonym.map_or(table.entities[country].name.as_str(), |m| doc.base(m.tokens.start))
            } else {
                doc.base(t)
            };
            let title_case = words.iter().map(|w| w[..1].to_uppercase() + &w[1..]).collect::<Vec<_>>().join(" ");
            // A ministry is named as a ministry: "Iceland's Foreign Ministry", "Chinese Foreign
            // Ministry".
            if matches!(words.last(), Some(&"ministry" | &"office")) {
                let name = if doc.is_possessive(end - 1) && owner == table.entities[country].name {
                    owned_name(table, country, &title_case)
                } else {
                    format!("{owner} {title_case}")
                };
                let e = table.named(&name, EntityKind::Organization, "agency");
                table.entities[e]
                    .parent
                    .get_or_insert((country, Span::new(doc.span(t).start, doc.span(end + words.len() - 1).end)));
                return e;
            }
            // "the Chinese coast guard" where the lexicon found "China Coast Guard": that body.
            let full = format!("{} {title_case}", table.entities[country].name);
            if let Some(known) = table.entities.iter().position(|x| x.name == full) {
                return known;
            }
            let name = format!("{owner} {}", words.join(" "));
            table.named(&name, EntityKind::Organization, "body")
        });
        table.replace(doc, tokens, e, MentionForm::Name);
    }
}

/// "The Senate has passed the resolution", "Senate President X": a legislature named by its
/// head noun alone is the one the article named in full ("Colombian Senate"), else one of its
/// own.
fn legislatures(doc: &Doc<'_>, table: &mut Table) {
    for t in 0..doc.n_tokens() {
        if !doc.is_cap(t) || !doc.is_any(t, words!["senate", "congress", "parliament"]) || table.mention_at(t).is_some()
        {
            continue;
        }
        let in_name =
            (t > 0 && doc.is_cap(t - 1) && !doc.is(t - 1, "the") && doc.sentence_idx(t - 1) == doc.sentence_idx(t))
                || doc.is_any(t + 1, words!["of"])
                || (doc.is_cap(t + 1) && doc.title_at(t + 1).is_none());
        if in_name || doc.furniture[t] {
            continue;
        }
        let noun = doc.base(t);
        let suffix = format!(" {noun}");
        let mut named = (0..table.entities.len()).filter(|&e| {
            table.entities[e].kind == EntityKind::Organization && table.entities[e].name.ends_with(&suffix)
        });
        let e = match (named.next(), named.next()) {
            (Some(e), None) => e,
            (None, _) => table.named(noun, EntityKind::Organization, "body"),
            _ => continue,
        };
        table.add(doc, t..t + 1, e, MentionForm::Name);
    }
}

/// "Sri Lanka's Ministry of Finance … accused the finance ministry of …", "Israel's military
/// … the military": a state's organ named again without its state, when the article named
/// only one state's.
fn organs_again(doc: &Doc<'_>, table: &mut Table) {
    let firsts: Vec<u64> = STATE_FORCES.iter().map(|words| super::doc::word_key(words[0])).collect();
    for t in 1..doc.n_tokens() {
        if !firsts.contains(&doc.key(t)) || !doc.is(t - 1, "the") || table.mention_at(t).is_some() {
            continue;
        }
        let Some((_, words)) = lower_phrase_at(doc, t, STATE_FORCES) else { continue };
        let phrase = words.join(" ");
        let mut forms = vec![format!(" {phrase}")];
        if let [portfolio, "ministry"] = words {
            forms.push(format!("ministry of {portfolio}"));
        }
        let owners: Vec<usize> = (0..table.entities.len())
            .filter(|&e| {
                let ent = &table.entities[e];
                let name = ent.name.to_lowercase();
                ent.kind == EntityKind::Organization && forms.iter().any(|f| name.ends_with(f.as_str()))
            })
            .collect();
        if let [e] = owners[..]
            && table.mentions.iter().any(|m| m.entity == e && !m.tokens.is_empty() && m.span.end <= doc.span(t).start)
        {
            table.add(doc, t..t + words.len(), e, MentionForm::Description);
        }
    }
}

/// Endings that make a name part of a modifier ("Brussels-based", "Turkish-brokered").
const MODIFIER_SUFFIXES: &[&str] = &[
    "-based",
    "-headquartered",
    "-born",
    "-brokered",
    "-mediated",
    "-backed",
    "-funded",
    "-financed",
    "-sponsored",
    "-supported",
    "-owned",
    "-run",
    "-made",
    "-built",
    "-linked",
    "-armed",
    "-trained",
];

fn lexicon_mentions(doc: &Doc<'_>, table: &mut Table) {
    for (hit, tokens) in doc.name_hits.iter().zip(&doc.name_hit_tokens) {
        let tokens = tokens.clone();
        if tokens.is_empty() || tokens.clone().any(|t| doc.furniture[t]) {
            continue;
        }
        // "Brussels-based think tank Bruegel": where something is, no actor. "a Turkish-brokered
        // agreement", "Iran-backed militias": an agent inside a modifier, which neither takes
        // nor receives the stance of the clause.
        let rest = &doc.text[hit.span.end..];
        if MODIFIER_SUFFIXES.iter().any(|suffix| rest.starts_with(suffix)) {
            let e = table.for_lex(doc, hit.entity);
            table.add(doc, tokens, e, MentionForm::Location);
            continue;
        }
        // "in the French language", "Russian-speaking": a language, not the state.
        if hit.form == FormKind::Demonym
            && (doc.is_any(tokens.end, words!["language", "languages", "translation", "version", "speakers"])
                || rest.starts_with("-speaking")
                || rest.starts_with("-language"))
        {
            continue;
        }
        match hit.form {
            FormKind::Capital => {
                // "talks in Beijing" is a place; "Beijing rejected", "Beijing's stance" is the state.
                let mut before = tokens.start;
                while before > 0 && doc.is_any(before - 1, words!["the", "central", "downtown"]) {
                    before -= 1;
                }
                // Either way it names the state's node; as a location it takes no stance and
                // receives none.
                // Not a stance taken "towards Riyadh" or a policy "toward Beijing".
                let attitude = before > 1
                    && doc.is_any(before - 1, words!["towards", "toward", "to"])
                    && doc.is_any(
                        before - 2,
                        words![
                            "line",
                            "stance",
                            "approach",
                            "policy",
                            "attitude",
                            "tone",
                            "position",
                            "overtures",
                            "hostility"
                        ],
                    );
                // "the first officers left for Port-au-Prince": a destination.
                let destination = before > 1
                    && doc.is_any(before - 1, words!["for"])
                    && doc.is_any(
                        before - 2,
                        words!["left", "leave", "leaves", "leaving", "bound", "headed", "departed"],
                    );
                // "our friends in New Delhi": the people there, the state.
                let people_there =
                    before > 1 && doc.is(before - 1, "in") && doc.is_any(before - 2, super::stances::PEOPLE_THERE);
                let is_location =
                    before > 0 && (doc.is_any(before - 1, LOCATIVES) || destination) && !attitude && !people_there;
                let e = table.for_lex(doc, hit.entity);
                let form = if is_location { MentionForm::Location } else { MentionForm::Metonym };
                table.add(doc, tokens, e, form);
            }
            form => {
                let e = table.for_lex(doc, hit.entity);
                let mform = match form {
                    FormKind::Demonym => MentionForm::Demonym,
                    FormKind::Seat => MentionForm::Metonym,
                    _ => MentionForm::Name,
                };
                if !table.add(doc, tokens, e, mform) && doc.text[..hit.span.start].ends_with('-') {
                    table.inner.push((e, hit.span));
                }
            }
        }
    }
}

/// A run of capitalised words (with connectors) inside one sentence and one quote state.
fn cap_runs(doc: &Doc<'_>) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let n = doc.n_tokens();
    let mut t = 0;
    while t < n {
        // "Vancouver-based": where a body sits, not a word of its name.
        if !doc.is_cap(t) || doc.furniture[t] || is_based(doc, t) {
            t += 1;
            continue;
        }
        let start = t;
        let mut end = t + 1;
        loop {
            let same = |u: usize| {
                u < n
                    && doc.sentence_idx(u) == doc.sentence_idx(start)
                    && doc.quote_of(u) == doc.quote_of(start)
                    && !doc.furniture[u]
                    // Not across a line break: a sign-off's lines are names of their own.
                    && !doc.text[doc.span(start).start..doc.span(u).start].contains('\n')
            };
            // "Johan van der Merwe", "Ursula von der Leyen": lower-case particles inside a name.
            let particles = (end..end + 2).take_while(|&u| doc.is_any(u, SURNAME_PARTICLES)).count();
            // "Can the Senate order …?", "Will the Government provide …?": a function word or a
            // question's verb opens no name.
            let opener =
                end - start == 1 && (doc.lex.is_function_word(doc.base(start)) || doc.is_any(start, QUESTION_OPENERS));
            // "China Road and Bridge Corporation": common words inside an organization's name.
            let heads_an_org = |from: usize| {
                (from..from + 4).take_while(|&u| same(u) && doc.is_cap(u)).any(|u| doc.org_head(u).is_some())
            };
            // "Fudan University’s Institute of …": an organization's possessive ends its name.
            let owner_ends = doc.is_possessive(end - 1) && doc.org_head(end - 1).is_some();
            if same(end) && doc.is_cap(end) && !owner_ends {
                end += 1;
            } else if particles > 0 && same(end + particles) && doc.is_cap(end + particles) && !doc.is_cap(end) {
                end += particles + 1;
            } else if same(end + 2)
                && doc.is_any(end, words!["of", "for", "on"])
                && doc.is(end + 1, "the")
                && doc.is_cap(end + 2)
                && (start..end).any(|u| doc.org_head(u).is_some())
            {
                // "University of the Republic", "Ministry of the Interior", "Forum on the
                // Nile": an organization's head noun before "of the".
                end += 3;
            } else if same(end + 1)
                && doc.is_cap(end + 1)
                && ((doc.is_punct(end, ".") && (is_initial(doc, end - 1) || is_dotted_acronym(doc, end - 1)))
                    // Not into a date: "the Constitutional Court on Thursday".
                    // "Korea Hydro & Nuclear Power".
                    || (doc.is_punct(end, "&") && !doc.is_common(end + 1))
                    || (doc.is_any(end, CONNECTORS) && !doc.is_cap(end)
                        && (!doc.is_common(end + 1) || heads_an_org(end + 1))
                        && !opener
                        // "… Nurbek Sydykov and Uzbekistan's Minister …", "and Foreign Minister X":
                        // a new noun phrase, not the rest of a name.
                        && !(doc.is(end, "and") && (doc.is_possessive(end + 1) || doc.title_at(end + 1).is_some())))
                    // "the Farmers' Alliance": a plural possessive inside a name; not an
                    // organization's ("Northvale Resources' Quellaypampa project").
                    || (doc.is_punct(end, "'’") && doc.word(end - 1).ends_with('s') && doc.org_head(end - 1).is_none()))
            {
                end += 2;
            } else {
                break;
            }
        }
        runs.push(start..end);
        t = end;
        // "Movement for the Liberation of the North-East (MLNE)": runs joined by "for the",
        // "of the" are one name when their initials spell the acronym defined after them.
        if let Some((_, acr)) = acronym_after(doc, end) {
            join_before_acronym(doc, &mut runs, acr);
        }
    }
    runs
}

/// Joins the last run with up to three runs before it, each gap one or two lower-case
/// connectors in the same sentence, when the joined initials spell `acr`.
fn join_before_acronym(doc: &Doc<'_>, runs: &mut Vec<Range<usize>>, acr: &str) {
    let Some(last) = runs.last().cloned() else { return };
    let mut first = runs.len() - 1;
    for _ in 0..3 {
        let Some(prev) = first.checked_sub(1).map(|p| runs[p].clone()) else { return };
        let gap = prev.end..runs[first].start;
        let joins = (1..=2).contains(&gap.len())
            // "European Union Mission in Armenia (EUMA)": "in" too, since the acronym vouches.
            && gap.clone().all(|u| (doc.is_any(u, CONNECTORS) || doc.is_any(u, words!["in"])) && !doc.is_cap(u))
            && doc.sentence_idx(prev.start) == doc.sentence_idx(last.start);
        if !joins {
            return;
        }
        first -= 1;
        // Not "The" that opens the sentence.
        let from = prev.start + usize::from(doc.is(prev.start, "the"));
        let spelled: String = (from..last.end)
            .filter(|&u| doc.is_cap(u))
            .flat_map(|u| doc.word(u).split('-').filter_map(|part| part.chars().next().filter(|c| c.is_uppercase())))
            .collect();
        if spelled == acr || initials(doc, from..last.end) == acr {
            runs.truncate(first);
            runs.push(prev.start..last.end);
            return;
        }
    }
}

/// Runs that name a document or a geographic feature, which are no actors: those with a document
/// head ("Refugee Convention"), those that continue one's title ("Convention on the Elimination
/// of All Forms of Racial Discrimination"), and those that end in a feature ("Scarborough Shoal").
fn document_runs(doc: &Doc<'_>, runs: &[Range<usize>]) -> Vec<bool> {
    let mut out: Vec<bool> = Vec::with_capacity(runs.len());
    for (ri, run) in runs.iter().enumerate() {
        let continues = ri > 0
            && out[ri - 1]
            && run.start - runs[ri - 1].end <= 3
            && (runs[ri - 1].end..run.start).all(|t| doc.is_any(t, words!["on", "of", "the", "against", "for", "and"]));
        // A feature head that ends a name inside the run ("Scarborough Shoal on Sunday").
        let is_feature = (run.start + 1..run.end).any(|t| doc.is_feature_head(t) && !doc.is_cap(t + 1));
        out.push(continues || is_feature || run.clone().any(|t| doc.is_document_head(t)));
    }
    out
}

/// "Irfan Sheikh", "Farhan Mirza": a one-word royal or religious title after a name word, with
/// no name after it, is a family name ("Emir Sheikh Tamim" keeps its titles).
fn title_as_surname(doc: &Doc<'_>, start: usize, t: usize) -> bool {
    t > start
        && doc.word_hit_len(t) == 1
        && doc.title_at(t).is_some_and(|i| matches!(doc.lex.title(i).category.as_str(), "royal" | "religious"))
        && is_name_word(doc, t - 1)
        && !doc.is_cap(t + 1)
}

/// "U.S" of "U.S. Embassy", "U.N" of "U.N. Security Council": capitals with inner dots, whose
/// final dot does not end the name.
fn is_dotted_acronym(doc: &Doc<'_>, t: usize) -> bool {
    let w = doc.word(t);
    w.contains('.') && w.chars().all(|c| c == '.' || c.is_uppercase())
}

fn is_initial(doc: &Doc<'_>, t: usize) -> bool {
    let w = doc.word(t);
    w.chars().count() == 1 && w.chars().all(char::is_uppercase)
}

/// Looks like a personal name word: "Zas", "O'Neill", "al-Sham", not "CSTO" or "2026".
fn is_name_word(doc: &Doc<'_>, t: usize) -> bool {
    if t >= doc.n_tokens() {
        return false;
    }
    let w = doc.base(t);
    doc.is_cap(t)
        && w.chars().any(char::is_lowercase)
        && w.chars().all(|c| c.is_alphabetic() || "'’-.".contains(c))
        && !doc.is_common(t)
        && doc.org_head(t).is_none()
        && !doc.is_proxy(t)
        && doc.lex.description(w).is_none()
}

/// A name standing alone: not a heading, not after a locative ("in Novi Sad"), and the whole
/// capitalised run (not a piece of "Austria Presse Agentur" or "Water Framework Directive").
fn is_bare_name(doc: &Doc<'_>, range: &Range<usize>) -> bool {
    let start = range.start;
    let after_locative = start > 0 && doc.is_any(start - 1, words!["in", "at", "from", "near", "to", "outside"]);
    // "Pro Asyl's Jonas Hartwig": a possessive ends the run before the name.
    // A common word opening the sentence does not count: "For Eleanor Whitcombe, …".
    let run_goes_on_before = start > 0
        && doc.is_cap(start - 1)
        && !(doc.is_common(start - 1) && (start == 1 || doc.sentence_idx(start - 2) != doc.sentence_idx(start)))
        && !doc.is_possessive(start - 1)
        && doc.sentence_idx(start - 1) == doc.sentence_idx(start);
    !doc.is_heading(start) && !after_locative && !doc.is_cap(range.end) && !run_goes_on_before
}

/// Two or three capitalised words, each a plain name ("Amadou Kanté", not "Cold War Era").
fn looks_like_full_name(doc: &Doc<'_>, range: &Range<usize>) -> bool {
    let words: Vec<usize> =
        range.clone().filter(|&t| doc.is_word(t) && !is_initial(doc, t) && !doc.is_any(t, SURNAME_PARTICLES)).collect();
    // "the Northern Shield exercise", "the 39th Ordinary Session": a person's name takes no
    // article.
    let ordinal = |t: usize| doc.word(t).starts_with(|c: char| c.is_ascii_digit());
    let article_at = range.start.checked_sub(1).map(|t| if t > 0 && ordinal(t) { t - 1 } else { t });
    let after_article = article_at.is_some_and(|t| doc.is_any(t, words!["the", "a", "an"]));
    !after_article
        && (2..=3).contains(&words.len())
        && words.iter().all(|&t| {
            let w = doc.base(t);
            // Each part of "Houaira-Kemakeza" is a capitalised word, after a particle in
            // "al-Khatib".
            let particle = super::doc::is_particle_name(w);
            w.split(['-', '\'', '’']).enumerate().all(|(i, part)| {
                let mut chars = part.chars();
                (i == 0 && particle) || (chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase))
            }) && w.chars().count() >= 2
        })
}

/// "Health and Food Safety", "Pathogen Access and Benefit-Sharing": capitalised words joined to
/// more of them by "and", "of" or "for" belong to a longer name, unless they open with a given
/// name ("Mary Jones and Ali Khan").
fn inside_longer_name(doc: &Doc<'_>, range: &Range<usize>) -> bool {
    let joins = |t: usize| doc.is_any(t, words!["and", "of", "for"]) || doc.is_punct(t, "&");
    let joined_before = range.start >= 2 && joins(range.start - 1) && doc.is_cap(range.start - 2);
    let joined_after = joins(range.end) && doc.is_cap(range.end + 1);
    let surname = range.end.checked_sub(1).is_some_and(|t| has_surname_ending(doc.base(t)));
    (joined_before || joined_after) && doc.lex.given_name_gender(doc.base(range.start)).is_none() && !surname
}

/// Endings that mark a word as a family name in many languages ("Mukhametova", "Kovalenko",
/// "Beridze", "Petrović"): "Dana Mukhametova of Green Salvation" is a person and a body.
fn has_surname_ending(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ova", "eva", "ov", "ev", "enko", "yan", "shvili", "dze", "ovich", "evich", "ić", "ski", "ska", "sky", "escu",
        "oglu", "oğlu", "uly", "kyzy", "bayev", "bekov",
    ];
    word.chars().count() >= 5 && ENDINGS.iter().any(|e| word.ends_with(e))
}

/// Where "known as", "nicknamed" or "alias" starts when it ends right before `start`.
fn known_as_cue(doc: &Doc<'_>, start: usize) -> Option<usize> {
    let cue = start.checked_sub(1)?;
    if doc.is_any(cue, words!["nicknamed", "alias", "aka"]) {
        Some(cue)
    } else {
        (cue > 0 && doc.is_any(cue, words!["as"]) && doc.is_any(cue - 1, words!["known"])).then(|| cue - 1)
    }
}

/// "X, who is known as Y", "X, also known as Y", "X, nicknamed Y": the entity named right
/// before, of which a name starting at `start` is another name.
fn known_as(doc: &Doc<'_>, table: &Table, start: usize) -> Option<usize> {
    let cue_start = known_as_cue(doc, start)?;
    // Back over "who is (also/better)" to the comma after the name.
    let comma = (cue_start.saturating_sub(5)..cue_start)
        .rev()
        .take_while(|&t| {
            doc.is_any(t, words!["who", "which", "is", "was", "also", "better", "widely", "locally"])
                || doc.is_punct(t, ",")
        })
        .find(|&t| doc.is_punct(t, ","))?;
    let name_end = comma.checked_sub(1)?;
    // A surname alone is linked to its person after this pass: "Joseph, who is known as …".
    let e = table.entity_at(name_end).or_else(|| find_by_surname(table, doc.base(name_end)))?;
    (table.entities[e].kind != EntityKind::Place).then_some(e)
}

/// ", who heads the OSCE mission", ", who chairs the council": the role and the organization.
fn relative_role(doc: &Doc<'_>, table: &Table, end: usize) -> Option<(&'static str, usize, Span)> {
    if !(doc.is_punct(end, ",") && doc.is_any(end + 1, words!["who"])) {
        return None;
    }
    let verb = end + 2;
    if verb >= doc.n_tokens() {
        return None;
    }
    let role = match doc.base(verb).to_lowercase().as_str() {
        "heads" | "headed" | "leads" | "led" | "runs" | "ran" | "directs" | "directed" => "head",
        "chairs" | "chaired" | "presides" => "chair",
        _ => return None,
    };
    (verb + 1..(verb + 6).min(doc.n_tokens())).take_while(|&t| !doc.is_punct(t, ",.;")).find_map(|t| {
        let Some(m) = table.mention_at(t) else {
            // ", who leads the party": the party meant.
            let is_head = doc.is_any(t - 1, words!["the"]) && !doc.is_possessive(t);
            let e = is_head.then(|| description_antecedent(doc, table, t)).flatten()?;
            return (table.entities[e].kind != EntityKind::Person)
                .then(|| (role, e, Span::new(doc.span(verb).start, doc.span(t).end)));
        };
        matches!(table.entities[m.entity].kind, EntityKind::Organization | EntityKind::Group | EntityKind::Country)
            .then(|| (role, m.entity, Span::new(doc.span(verb).start, m.span.end)))
    })
}

/// An acronym definition: "(SCO)" right after tokens ending at `end`.
fn acronym_after<'a>(doc: &Doc<'a>, end: usize) -> Option<(usize, &'a str)> {
    (doc.is_punct(end, "(") && doc.is_all_caps(end + 1) && doc.is_punct(end + 2, ")"))
        .then(|| (end + 1, doc.word(end + 1)))
}

/// An organization's short name in parentheses after its full name, an acronym or a word in
/// its own language: "(OFAC)", "the Indonesian Maritime Security Agency (Bakamla)".
fn short_name_after<'a>(doc: &Doc<'a>, end: usize) -> Option<(usize, &'a str)> {
    acronym_after(doc, end).or_else(|| {
        (doc.is_punct(end, "(") && is_name_word(doc, end + 1) && doc.is_punct(end + 2, ")"))
            .then(|| (end + 1, doc.word(end + 1)))
    })
}

/// The title hit that ends right before `t` (skipping an acronym in parentheses), as
/// (title index, first token of the title).
fn title_before(doc: &Doc<'_>, table: &Table, t: usize) -> Option<(usize, usize)> {
    // "The AU's Special Envoy for the Nile, former Zambian foreign minister Chanda Mwelwa": a
    // former post between the comma and the name; the post before the comma is the one held.
    if let Some(former) = (t.saturating_sub(6)..t).rev().find(|&u| doc.is_any(u, words!["former"]))
        && former >= 2
        && doc.is_punct(former - 1, ",")
        && (former + 1..t).all(|u| doc.is_word(u))
        && let Some(found) = title_before(doc, table, former)
    {
        return Some(found);
    }
    let mut end = t;
    if end >= 3 && doc.is_punct(end - 1, ")") && doc.is_all_caps(end - 2) && doc.is_punct(end - 3, "(") {
        end -= 3;
    }
    // "the Chairperson of the AU Commission, H.E. Mr. X": courtesies between the comma and the
    // name.
    let mut courteous = end;
    while let Some(u) = (courteous.saturating_sub(3)..courteous).find(|&u| {
        doc.title_at(u).is_some_and(|i| doc.lex.title(i).is_honorific()) && u + doc.word_hit_len(u) == courteous
    }) {
        courteous = u;
    }
    // "Minister of Foreign Affairs Dr. Lin Chao-wei": after a title, too.
    let title_ends_there = || {
        (courteous.saturating_sub(5)..courteous).any(|u| {
            doc.title_at(u).is_some_and(|i| !doc.lex.title(i).is_honorific()) && u + doc.word_hit_len(u) == courteous
        }) || (doc.is_cap(courteous - 1) && portfolio_title_before(doc, courteous).is_some())
    };
    if courteous < end && courteous >= 2 && (doc.is_punct(courteous - 1, ",") || title_ends_there()) {
        end = courteous;
    }
    // "Thailand's environment minister, Niran Chaiyaphon, said": the title, a comma, the name;
    // the title may carry a post ("Russia's ambassador in Geneva, X", "the Chinese Ambassador
    // to Russia, X", "a spokesperson for the group, X", "the governor of Kherson, X").
    if end >= 2 && doc.is_punct(end - 1, ",") {
        let mut title_end = end - 1;
        // "Bangladesh's Refugee Commissioner (RRRC), X": the acronym of the post.
        if title_end >= 3
            && doc.is_punct(title_end - 1, ")")
            && doc.is_all_caps(title_end - 2)
            && doc.is_punct(title_end - 3, "(")
        {
            title_end -= 3;
        }
        let listed = (title_end.saturating_sub(5)..title_end)
            .any(|u| doc.title_at(u).is_some() && u + doc.word_hit_len(u) == title_end);
        // A portfolio after the title: "Somaliland's minister of information, X", "China's
        // special envoy for Asian affairs, X"; the listed title may run into it ("Minister of
        // Energy and Mineral Development").
        if !listed
            && let Some(of) = (title_end.saturating_sub(6)..title_end).find(|&u| doc.is_any(u, words!["of", "for"]))
            && let Some(post) = (of.saturating_sub(4)..of).find(|&u| {
                doc.title_at(u).is_some_and(|i| !doc.lex.title(i).is_honorific())
                    && (u + doc.word_hit_len(u) == of || u + 1 == of)
            })
            && (of + 1..title_end).all(|u| {
                doc.is_word(u)
                    && table.mention_at(u).is_none_or(|m| table.entities[m.entity].kind == EntityKind::Place)
                    && doc.title_at(u).is_none()
            })
            && of + 1 < title_end
        {
            title_end = post + doc.word_hit_len(post);
        }
        // Not the "of" inside the organization's name: "for the Ministry of Finance of Ghana, X".
        let named = title_end
            .checked_sub(1)
            .and_then(|u| table.mention_at(u))
            .map(|m| m.tokens.start - usize::from(m.tokens.start > 0 && doc.is_any(m.tokens.start - 1, words!["the"])))
            .and_then(|u| u.checked_sub(1));
        if let Some(p) = named.filter(|&p| doc.is_any(p, words!["in", "to", "at", "for", "of"])).or_else(|| {
            (title_end.saturating_sub(4)..title_end).find(|&u| doc.is_any(u, words!["in", "to", "at", "for", "of"]))
        }) && p > 0
            && doc.title_at(p).is_none()
            && (p + 1..title_end).all(|u| {
                doc.is_word(u)
                    && (doc.is_any(u, words!["the"])
                        || table.mention_at(u).is_some()
                        || doc.lex.description(doc.base(u)).is_some())
            })
        {
            title_end = p;
        }
        for len in 1..=4 {
            let Some(start) = title_end.checked_sub(len) else { break };
            let opens_directly = |u: usize| {
                doc.is_possessive(u)
                    || doc.is_any(u, words!["the", "a", "an", "its", "their"])
                    || table.mention_at(u).is_some_and(|m| m.form == MentionForm::Demonym)
            };
            // "Its U.N. ambassador, X": an organization naming the post may stand in between.
            let opens = |u: usize| {
                opens_directly(u)
                    || table.mention_at(u).is_some_and(|m| {
                        m.form == MentionForm::Acronym
                            || m.form == MentionForm::Name
                                && table.entities[m.entity].kind == EntityKind::Organization
                                && m.tokens.start > 0
                                && opens_directly(m.tokens.start - 1)
                    })
            };
            if let Some(title) = doc.title_at(start)
                && doc.word_hit_len(start) == len
                && start > 0
                && !doc.lex.title(title).is_honorific()
                && let Some(first) = title_phrase_start(doc, start, &opens)
            {
                return Some((doc.title_at(first).unwrap_or(title), first));
            }
        }
    }
    // "Deputy Minister of Foreign Affairs (Ms.) X": a title, then its portfolio.
    if end > 0
        && doc.is_cap(end - 1)
        && table.mention_at(end - 1).is_none()
        && let Some(found) = portfolio_title_before(doc, end)
    {
        return Some(found);
    }
    // "President of Belarus Alexander Lukashenko", "Minister of Defence of Chile X".
    if let Some(m) = end.checked_sub(1).and_then(|u| table.mention_at(u))
        && table.entities[m.entity].kind != EntityKind::Person
    {
        let mut of = m.tokens.start;
        if of > 0 && doc.is_any(of - 1, words!["the"]) {
            of -= 1;
        }
        // "Egypt's Ambassador to the AU Karim Fahmy": a diplomat's post.
        let is_post = of > 1
            && doc.is_any(of - 1, words!["to"])
            && (of.saturating_sub(5)..of - 1).any(|u| {
                doc.title_at(u).is_some_and(|i| doc.lex.title(i).category == "diplomat")
                    && u + doc.word_hit_len(u) == of - 1
            });
        if of > 0 && (doc.is_any(of - 1, words!["of"]) || is_post) {
            end = of - 1;
        }
    }
    for len in 1..=4 {
        let Some(start) = end.checked_sub(len) else { break };
        if let Some(title) = doc.title_at(start)
            && (doc.word_hit_len(start) == len || (doc.is_punct(end - 1, ".") && doc.word_hit_len(start) == len))
        {
            return Some((title, start));
        }
    }
    (end > 0 && doc.is_cap(end - 1)).then(|| portfolio_title_before(doc, end)).flatten()
}

/// Where the title phrase that ends with the title at `start` begins, if an opener (`opens`)
/// comes before it: "Poland's deputy prime minister and interior minister", "Brandenburg's state
/// interior minister", "Its foreign trade chief" (up to two lower-case modifiers). The phrase
/// begins at its first title, or at the title at `start` when modifiers come before it.
fn title_phrase_start(doc: &Doc<'_>, start: usize, opens: &impl Fn(usize) -> bool) -> Option<usize> {
    let mut first = start;
    // Titles joined by "and".
    while first >= 2
        && doc.is_any(first - 1, words!["and"])
        && let Some(prev) = (first.saturating_sub(5)..first - 1)
            .find(|&u| doc.title_at(u).is_some() && u + doc.word_hit_len(u) == first - 1)
    {
        first = prev;
    }
    // "Bangladesh's Refugee Relief and Repatriation Commissioner": a capitalised portfolio.
    let mut p = first;
    while p > 1
        && first - p < 6
        && !opens(p - 1)
        && ((doc.is_cap(p - 1) && doc.title_at(p - 1).is_none() && doc.quote_of(p - 1).is_none())
            || (doc.is_any(p - 1, words!["and"]) && doc.is_cap(p - 2)))
    {
        p -= 1;
    }
    if p < first && doc.is_cap(p) && opens(p - 1) {
        return Some(first);
    }
    let mut u = first;
    while u > 0 && !opens(u - 1) && first - u < 2 {
        let w = u - 1;
        let modifier = doc.is_word(w)
            && !doc.is_cap(w)
            && doc.title_at(w).is_none()
            && doc.speech_at(w).is_none()
            && doc.cue_at(w).is_none()
            && !doc.is_any(w, words!["and", "or", "of", "for", "said", "says", "was", "is", "as", "by", "with"]);
        if !modifier {
            return None;
        }
        u = w;
    }
    (u > 0 && opens(u - 1)).then_some(first)
}

/// "Minister of Planning and Development Amina Yusuf", "Minister for Foreign Affairs and Trade
/// X": a title whose portfolio runs on past what the lexicon lists, as (title index, first token).
fn portfolio_title_before(doc: &Doc<'_>, end: usize) -> Option<(usize, usize)> {
    let mut q = end;
    while q > 0 && end - q < 8 {
        let u = q - 1;
        let joins = doc.is_any(u, words!["of", "for", "and", "the"]) || doc.is_punct(u, ",&");
        if !(joins || (doc.is_cap(u) && doc.title_at(u).is_none())) {
            return None;
        }
        q = u;
        // A title ending right before a joining word opens the portfolio; not one before a
        // comma ("a former army colonel, Abakar Moussa Haroun": the name in apposition).
        if joins
            && !doc.is_punct(u, ",")
            && let Some(start) = (1..=4)
                .filter_map(|len| q.checked_sub(len))
                .find(|&s| doc.title_at(s).is_some() && s + doc.word_hit_len(s) == q)
        {
            return doc.title_at(start).map(|title| (title, start));
        }
    }
    None
}

/// Entity named right before a title: "CSTO Secretary General", "Belarusian President",
/// "Norway's prime minister", or "President of Belarus" (after it).
fn title_org(doc: &Doc<'_>, table: &Table, title_start: usize, title_end: usize) -> Option<usize> {
    // "the Government of Tuvalu under H.E. Prime Minister X": the state governed.
    let mut before = title_start;
    while let Some(u) = (before.saturating_sub(3)..before).find(|&u| {
        doc.title_at(u).is_some_and(|i| doc.lex.title(i).is_honorific()) && u + doc.word_hit_len(u) == before
    }) {
        before = u;
    }
    if before >= 2
        && doc.is_any(before - 1, words!["under"])
        && let Some(m) = table.mention_at(before - 2)
        && table.entities[m.entity].kind == EntityKind::Country
    {
        return Some(m.entity);
    }
    // The organization right before the title, or before one or two modifiers of it:
    // "CSTO Secretary General", "EU Energy Commissioner", "Russian Foreign Ministry spokeswoman".
    let mut skip = 1;
    // Past three words, only a capitalised portfolio ("Refugee Relief and Repatriation
    // Commissioner").
    while skip <= 3
        || (skip <= 7
            && title_start
                .checked_sub(skip)
                .is_some_and(|u| doc.is_cap(u) || (doc.is_any(u, words!["and"]) && u > 0 && doc.is_cap(u - 1))))
    {
        let Some(u) = title_start.checked_sub(skip) else { break };
        // "the World Food Programme's (WFP) country director": past the acronym.
        if u >= 2 && doc.is_punct(u, ")") && doc.is_all_caps(u - 1) && doc.is_punct(u - 2, "(") {
            skip += 3;
            continue;
        }
        if let Some(m) = table.mention_at(u) {
            let kind = table.entities[m.entity].kind;
            if kind != EntityKind::Person && kind != EntityKind::Place {
                // "Its U.N. ambassador", "Kenya's AU envoy": a diplomat posted to an organization
                // serves the actor before it.
                let is_diplomat = doc.title_at(title_start).is_some_and(|i| doc.lex.title(i).category == "diplomat");
                if is_diplomat
                    && kind == EntityKind::Organization
                    && let Some(p) = m.tokens.start.checked_sub(1)
                {
                    let sender = if doc.is_any(p, words!["its"]) {
                        its_antecedent(doc, table, p)
                    } else {
                        table
                            .mention_at(p)
                            .filter(|pm| doc.is_possessive(p) || pm.form == MentionForm::Demonym)
                            .map(|pm| pm.entity)
                    };
                    if let Some(sender) = sender.filter(|&e| table.entities[e].kind == EntityKind::Country) {
                        return Some(sender);
                    }
                }
                return Some(m.entity);
            }
            // "Brandenburg's interior minister": a region's own office.
            if kind == EntityKind::Place && doc.is_possessive(m.tokens.end - 1) {
                return Some(m.entity);
            }
            // "British Africa minister": a region names the portfolio; the country is before it.
            if kind == EntityKind::Place && m.form != MentionForm::Location {
                skip = u - m.tokens.start + 2;
                continue;
            }
            break;
        }
        // "the bloc's special envoy", "the group's spokesman".
        if doc.is_possessive(u) {
            return description_antecedent(doc, table, u);
        }
        // "Commission spokesperson X": the body the article calls so. Opening a sentence, the
        // capital says nothing: the body that the sentence before is about ("TotalEnergies
        // rejected … Company spokeswoman X said").
        if skip == 1
            && doc.is_cap(u)
            && let Some(classes) = doc.lex.description(doc.base(u))
            && !(u > 0 && doc.is_cap(u - 1) && doc.sentence_idx(u - 1) == doc.sentence_idx(u))
        {
            let si = doc.sentence_idx(u);
            let sentences = doc.article.sentences();
            let found = if sentences[si].tokens.start == u {
                si.checked_sub(1)
                    .and_then(|p| super::stances::sentence_subject(doc, table, sentences[p].tokens.clone()))
                    .filter(|&e| fits_description(classes, &table.entities[e]))
            } else {
                description_antecedent(doc, table, u)
            };
            if found.is_some() {
                return found;
            }
        }
        // "An alliance spokesman, X", "a company spokeswoman": the body the noun describes.
        if skip == 1
            && !doc.is_cap(u)
            && u > 0
            && doc.is_any(u - 1, words!["a", "an", "the"])
            && doc.lex.description(doc.base(u)).is_some_and(|c| !c.iter().any(|c| c == "person" || c == "private"))
            && let Some(e) = description_antecedent(doc, table, u)
        {
            return Some(e);
        }
        // "Its trade minister": the actor "its" refers to.
        if doc.is_any(u, words!["its"]) {
            return its_antecedent(doc, table, u);
        }
        // Modifiers of the title only: "EU Energy Commissioner", "China's deputy permanent
        // representative"; not a verb ("SSBC quoted Information Minister X").
        let w = doc.word(u);
        let modifier = doc.is_cap(u)
            || !(doc.speech_at(u).is_some() || doc.cue_at(u).is_some() || w.ends_with("ed") || w.ends_with("ing"));
        if !doc.is_word(u)
            || !modifier
            || doc.is_any(u, words!["the", "a", "an", "of", "for"])
            || (doc.is_any(u, words!["and"])
                && !(u > 0 && doc.is_cap(u - 1) && table.mention_at(u - 1).is_none() && doc.is_cap(u + 1)))
            || (doc.title_at(u).is_some() && !doc.is(u, "deputy"))
        {
            break;
        }
        skip += 1;
    }
    // "adviser to the RSF leadership" (but "Ambassador to Russia" names a post, not an employer).
    let is_diplomat = doc.title_at(title_start).is_some_and(|i| doc.lex.title(i).category == "diplomat");
    if doc.is_any(title_end, words!["of", "for"]) || (doc.is_any(title_end, words!["to"]) && !is_diplomat) {
        let mut u = title_end + 1;
        if doc.is_any(u, words!["the"]) {
            u += 1;
        }
        // "chairwoman of the opposition United National Movement": a modifier before the name.
        if doc.is_any(u, words!["opposition", "ruling", "governing", "main", "largest"])
            && table.mention_at(u + 1).is_some()
        {
            u += 1;
        }
        if let Some(m) = table.mention_at(u)
            && table.entities[m.entity].kind != EntityKind::Person
        {
            // "a spokesman for the People's Liberation Army's Western Theatre Command": the
            // body the possessive owns.
            // So is "the Taliban administration's Ministry of Commerce": a lower-case noun may
            // carry the possessive.
            let possessive_end = if doc.is_possessive(m.tokens.end - 1) {
                Some(m.tokens.end)
            } else {
                let noun = m.tokens.end;
                (doc.is_word(noun) && !doc.is_cap(noun) && doc.is_possessive(noun)).then_some(noun + 1)
            };
            let owned = possessive_end
                .and_then(|end| table.mention_at(end))
                .filter(|o| matches!(table.entities[o.entity].kind, EntityKind::Organization | EntityKind::Group));
            return Some(owned.map_or(m.entity, |o| o.entity));
        }
        // "a spokesperson for the group": the group meant.
        if doc.is_any(u - 1, words!["the"]) {
            return description_antecedent(doc, table, u);
        }
        // "Commissioner for Political Affairs, Peace and Security of the AU Commission": the
        // organization after the portfolio.
        let mut v = title_end + 1;
        while v < (title_end + 12).min(doc.n_tokens())
            && table.mention_at(v).is_none()
            && ((doc.is_cap(v) && doc.lex.given_name_gender(doc.base(v)).is_none())
                || doc.is_any(v, words!["and"])
                || doc.is_punct(v, ",&"))
        {
            v += 1;
        }
        if v > title_end + 1 && doc.is_any(v, words!["of", "at"]) {
            let v = v + 1 + usize::from(doc.is_any(v + 1, words!["the"]));
            if let Some(m) = table.mention_at(v).filter(|m| table.entities[m.entity].kind != EntityKind::Person) {
                return Some(m.entity);
            }
        }
    }
    // "Member of the European Parliament": a title that names its organization.
    (title_start + 1..title_end).find_map(|u| {
        let m = table.mention_at(u)?;
        matches!(table.entities[m.entity].kind, EntityKind::Organization | EntityKind::Country).then_some(m.entity)
    })
}

// (name tokens, the title before it as (title index, first token)).
type Candidate = (Range<usize>, Option<(usize, usize)>);
/// Capitalised names that the lexicon does not know: organizations by head noun, people by
/// titles and speech cues. Returns the acronym definitions found.
fn capitalised_names(doc: &Doc<'_>, table: &mut Table, diagnostics: &mut Vec<Diagnostic>) -> HashMap<String, usize> {
    let mut acronyms: HashMap<String, usize> = HashMap::default();
    let runs = cap_runs(doc);
    let documents = document_runs(doc, &runs);
    // Pass 1: organizations.
    for (ri, run) in runs.iter().enumerate() {
        if doc.is_heading(run.start) || documents[ri] {
            continue;
        }
        let mut start = run.start;
        // A common word that a connector follows heads the name: "Center for Strategic and
        // International Studies".
        while start < run.end
            && ((doc.is_common(start) && !doc.is_any(start + 1, CONNECTORS))
                || doc.title_at(start).is_some()
                || is_people_noun(doc, start))
        {
            start += doc.word_hit_len(start).max(1);
        }
        // "Minister of Petroleum, Mines and Energy": a government post's portfolio, not a body.
        if start > run.start && doc.is_any(start, words!["of", "for"]) && !doc.is_any(start + 1, words!["the"]) {
            start += 1;
        }
        if start < run.end && is_portfolio(doc, start) {
            continue;
        }
        let mut end = run.end;
        while end > start && doc.is_any(end - 1, CONNECTORS) {
            end -= 1;
        }
        // "the Episcopal Conference of Malawi of Catholic bishops": the name ends with its
        // country.
        if let Some(m) = (start + 1..end).find_map(|u| table.mention_at(u)).filter(|m| {
            table.entities[m.entity].kind == EntityKind::Country
                && m.tokens.end < end
                && doc.is_any(m.tokens.end, words!["of", "for"])
                && (start..m.tokens.start).any(|u| doc.org_head(u).is_some())
        }) {
            end = m.tokens.end;
        }
        if end <= start {
            continue;
        }
        // "Indonesia, whose Ministry of Health said": the state before "whose".
        let whose = start
            .checked_sub(3)
            .and_then(|u| table.mention_at(u))
            .filter(|m| {
                doc.is_any(start - 1, words!["whose"])
                    && doc.is_punct(start - 2, ",")
                    && table.entities[m.entity].kind == EntityKind::Country
            })
            .map(|m| m.entity);
        // "the Malawi Congress Party" again, once "(MCP)" has defined it: the organization
        // already found, whatever shorter names the lexicon finds inside it ("Congress Party").
        // Not another state's body of the same name.
        let other_state = |e: usize| whose.is_some_and(|w| table.entities[e].parent.is_some_and(|(p, _)| p != w));
        if end - start >= 2 {
            let span = Span::new(doc.span(start).start, doc.span(end - 1).end);
            let name = super::doc::strip_possessive(&doc.text[span.range()]);
            let known = [EntityKind::Organization, EntityKind::Group]
                .into_iter()
                .find_map(|kind| table.by_name.get(&(kind, name.to_owned())).copied());
            if let Some(e) = known
                && table.entities[e].lex.is_none()
                && !other_state(e)
                && (start..end).any(|u| table.entity_at(u) != Some(e))
            {
                table.replace(doc, start..end, e, MentionForm::Name);
                continue;
            }
        }
        // A title word before the head is part of the name: "Prosperous Justice Party"; not a
        // title with its portfolio: "Uzbekistan's Minister of Water Resources".
        let has_title = (start..end).any(|t| {
            doc.title_at(t).is_some_and(|i| {
                let after = t + doc.word_hit_len(t);
                !(after..end).any(|u| doc.org_head(u).is_some())
                    || (doc.is_any(after, words!["of", "for"]) && doc.lex.title(i).category != "other")
            })
        });
        let head_t = (start..end).rev().find(|&t| table.token_mention[t].is_none() && doc.org_head(t).is_some());
        let head = head_t.and_then(|t| doc.org_head(t));
        let n_words = (start..end).filter(|&t| doc.is_word(t)).count();
        let whole_is_one_mention =
            table.mention_at(start).is_some_and(|m| m.tokens.start == start && m.tokens.end == end);
        // "the Malawi Congress Party (MCP)": a name whose initials its acronym spells is one
        // organization, whatever shorter names the lexicon finds inside it.
        if let Some((acr_t, acr)) = acronym_after(doc, end)
            && head.is_none()
            && !whole_is_one_mention
            && n_words >= 2
            && !has_title
            && initials(doc, start..end) == acr
        {
            let (kind, class) = match doc.org_head(end - 1) {
                Some(EntityKind::Group) => (EntityKind::Group, "armed"),
                _ => (EntityKind::Organization, "agency"),
            };
            let described = doc.lex.description(doc.base(end - 1)).and_then(|c| c.first());
            let class = described.map_or(class, |c| if c == "person" || c == "country" { class } else { c.as_str() });
            let name_span = Span::new(doc.span(start).start, doc.span(end - 1).end);
            let e = table.named(&doc.text[name_span.range()], kind, class);
            table.replace(doc, start..end, e, MentionForm::Name);
            table.replace(doc, acr_t..acr_t + 1, e, MentionForm::Acronym);
            acronyms.insert(acr.to_owned(), e);
            continue;
        }
        let Some(kind) = head else {
            // "the leftist Citizen Revolution movement": named, then said what it is.
            if let Some((kind, class)) = body_noun_after(doc, start, end)
                && !has_title
                && n_words <= 4
                && table.mention_at(start).is_none()
            {
                let name_span = Span::new(doc.span(start).start, doc.span(end - 1).end);
                let e = table.named(&doc.text[name_span.range()], kind, class);
                table.replace(doc, start..end, e, MentionForm::Name);
                continue;
            }
            // "Jörg Kramer, head of commodities research at Commerzbank", "think tank
            // Bruegel": an employer, an organization introduced by what it is.
            // A name taken for a person's may be the body's: "a residents’ association, Nuna Asasara".
            let guessed_person = |m: &Mention| {
                let e = &table.entities[m.entity];
                e.kind == EntityKind::Person && e.lex.is_none() && e.roles.is_empty()
            };
            let apposed = || apposed_to_body_noun(doc, start, end);
            if !has_title && n_words <= 4 && table.mention_at(start).is_none_or(guessed_person) {
                let class =
                    if is_employer(doc, start) || after_org_noun(doc, start) { Some("company") } else { apposed() };
                if let Some(class) = class.filter(|_| table.mention_at(start).is_none() || apposed().is_some()) {
                    let name_span = Span::new(doc.span(start).start, doc.span(end - 1).end);
                    let name = super::doc::strip_possessive(&doc.text[name_span.range()]).to_owned();
                    let e = table.named(&name, EntityKind::Organization, class);
                    table.replace(doc, start..end, e, MentionForm::Name);
                }
            }
            continue;
        };
        if has_title || n_words < 2 || whole_is_one_mention {
            continue;
        }
        // "the Government of Mongolia", "the Kenyan Government": the state itself.
        if head_t.is_some_and(|h| doc.is(h, "government"))
            && let Some(state) = (start..end)
                .filter_map(|u| table.mention_at(u))
                .find(|m| table.entities[m.entity].kind == EntityKind::Country)
                .map(|m| m.entity)
        {
            table.replace(doc, start..end, state, MentionForm::Metonym);
            continue;
        }
        let first = table.mention_at(start).filter(|m| table.entities[m.entity].kind != EntityKind::Place);
        let mut parent = first.map(|m| m.entity).or(whose);
        // "Ecuador's Constitutional Court": the body's name follows its country's possessive.
        let name_start = match first {
            Some(m) if doc.is_possessive(m.tokens.end - 1) && m.tokens.end < end => m.tokens.end,
            _ => start,
        };
        let name_span = Span::new(doc.span(name_start).start, doc.span(end - 1).end);
        let mut name = super::doc::strip_possessive(&doc.text[name_span.range()]).to_owned();
        // "the Southern African Development Community (SADC) Electoral Observation Mission":
        // the body of the organization just defined, named with its acronym.
        if parent.is_none()
            && start >= 4
            && let Some((_, acr)) = acronym_after(doc, start - 3)
            && let Some(m) = table.mention_at(start - 4)
            && table.entities[m.entity].kind == EntityKind::Organization
        {
            name = format!("{acr} {name}");
            parent = Some(m.entity);
        }
        // The class a description of the head noun names: "the alliance" for "… Alliance".
        let described = head_t
            .and_then(|t| doc.lex.description(doc.base(t)))
            .and_then(|c| c.first())
            .filter(|c| c.as_str() != "person" && c.as_str() != "country");
        // A country's institution keeps what it is ("Ecuador's Constitutional Court" is "the
        // court"); an organization's organ is its body.
        let of_country = parent.is_some_and(|p| table.entities[p].kind == EntityKind::Country);
        let class = if parent.is_some() && !(of_country && described.is_some()) {
            "body"
        } else if let Some(c) = described {
            c.as_str()
        } else if head_t.is_some_and(|h| doc.lex.is_company_head(doc.base(h))) {
            "company"
        } else if kind == EntityKind::Group {
            "armed"
        } else {
            "agency"
        };
        // "Kazakhstan's Energy Ministry": a state's ministry goes by the state's name, as the
        // article first calls it ("the Energy Ministry" alone names none in particular).
        let possessed = name_start > start || (whose.is_some() && parent == whose);
        if of_country
            && possessed
            && head_t.is_some_and(|h| doc.is_any(h, words!["ministry", "ministries"]))
            && let Some(p) = parent
        {
            name = owned_name(table, p, &name);
        }
        // "Lithuania's Foreign Ministry … Poland's Foreign Ministry": one body per state.
        if of_country
            && let Some(p) = parent
            && let Some(&known) = table.by_name.get(&(kind, name.clone()))
            && table.entities[known].parent.is_some_and(|(q, _)| q != p)
        {
            // Both bodies go by their state's name from now on.
            if let Some((q, _)) = table.entities[known].parent
                && !table.entities[known].name.contains("'s ")
            {
                table.entities[known].name = owned_name(table, q, &name);
            }
            name = owned_name(table, p, &name);
        }
        let e = table.named(&name, kind, class);
        if let Some(p) = parent {
            table.entities[e].parent.get_or_insert((p, name_span));
        }
        // The country keeps its possessive: "Jordan's" still names Jordan.
        table.replace(doc, name_start..end, e, MentionForm::Name);
        if let Some((acr_t, acr)) = short_name_after(doc, end) {
            acronyms.insert(acr.to_owned(), e);
            table.add(doc, acr_t..acr_t + 1, e, MentionForm::Acronym);
        }
    }
    // Acronyms defined after lexicon names: "Long Name (LN)".
    let mentions: Vec<(usize, usize, usize)> =
        table.sorted_mentions().iter().map(|m| (m.tokens.start, m.tokens.end, m.entity)).collect();
    for (start, end, e) in mentions {
        let is_body = matches!(table.entities[e].kind, EntityKind::Organization | EntityKind::Group);
        // "Democratic Republic of Congo (DRC)"; not "… Democratic Bulgaria (PP-DB)", the
        // acronym of a longer name that ends with the country's.
        let same_initial = |acr: &str| acr.chars().next() == doc.word(start).chars().next();
        let short = if is_body {
            short_name_after(doc, end)
        } else {
            acronym_after(doc, end).filter(|(_, acr)| same_initial(acr))
        };
        if let Some((acr_t, acr)) = short {
            if table.mention_at(acr_t).is_none() {
                acronyms.insert(acr.to_owned(), e);
                table.add(doc, acr_t..acr_t + 1, e, MentionForm::Acronym);
            } else if table.entity_at(acr_t) == Some(e) {
                acronyms.insert(acr.to_owned(), e);
            }
        }
    }
    // Acronyms defined so far name their organization everywhere ("LLF spokesman X").
    link_acronyms(doc, table, &acronyms);
    table.reindex();
    // Pass 2: people, full names first so that surnames link to them.
    let mut cap_words: HashMap<&str, usize> = HashMap::default();
    for t in (0..doc.n_tokens()).filter(|&t| doc.is_cap(t)) {
        *cap_words.entry(doc.base(t)).or_default() += 1;
    }
    // "the Blue Dunes gas field": two capitalised words after "the" and before a common noun
    // name a thing, wherever else they stand alone ("Blue Dunes is proof …").
    let things: rustc_hash::FxHashSet<(u64, u64)> = (1..doc.n_tokens().saturating_sub(2))
        .filter(|&t| {
            doc.is_any(t - 1, words!["the"])
                && doc.is_cap(t)
                && doc.is_cap(t + 1)
                && doc.is_word(t + 2)
                && !doc.is_cap(t + 2)
                && doc.speech_at(t + 2).is_none()
                && doc.cue_at(t + 2).is_none()
                && !doc
                    .is_any(t + 2, words!["and", "or", "of", "for", "to", "in", "on", "at", "with", "who", "was", "is"])
        })
        .map(|t| (doc.key(t), doc.key(t + 1)))
        .collect();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mid_sentence = mid_sentence_caps(doc);
    for (ri, run) in runs.iter().enumerate() {
        // "the 1951 Refugee Convention", "the Paris Agreement": a document, nobody in it.
        if documents[ri] {
            continue;
        }
        let mut t = run.start;
        while t < run.end {
            if table.mention_at(t).is_some() || doc.title_at(t).is_some() || !is_name_word(doc, t) {
                t += doc.word_hit_len(t).max(1);
                continue;
            }
            let start = t;
            let mut end = t;
            while end < run.end
                && table.mention_at(end).is_none()
                && (doc.title_at(end).is_none() || title_as_surname(doc, start, end))
                && (is_name_word(doc, end)
                    || (doc.is_punct(end, ".") && end > start && is_initial(doc, end - 1))
                    || (is_initial(doc, end))
                    || (end > start
                        && doc.is_any(end, SURNAME_PARTICLES)
                        && (is_name_word(doc, end + 1)
                            || (doc.is_any(end + 1, SURNAME_PARTICLES) && is_name_word(doc, end + 2)))))
            {
                end += 1;
                if doc.is_possessive(end - 1) {
                    break;
                }
            }
            // "Federico Lagos, a former trade negotiator": a city's name right after a given
            // name is a surname.
            if end == start + 1
                && end < run.end
                && doc.lex.given_name_gender(doc.base(start)).is_some()
                && let Some(m) = table.mention_at(end)
                && m.tokens.len() == 1
                && (table.entities[m.entity].kind == EntityKind::Place
                    || matches!(m.form, MentionForm::Metonym | MentionForm::Location))
                && !doc.is_cap(end + 1)
            {
                table.remove(end);
                end += 1;
            }
            // "France Inter", "China Daily": a word run on from a country's or an organization's
            // name is part of another name, not a person.
            let run_on = start > run.start
                && table.mention_at(start - 1).is_some_and(|m| {
                    m.form == MentionForm::Name && table.entities[m.entity].kind != EntityKind::Person
                });
            let mut start = portfolio_trimmed(doc, start, end);
            // "Santiago Endara … Endara said": a capital's name that a recurring surname
            // follows is a given name.
            if end - start == 1
                && start > run.start
                && !doc.is_cap(end)
                && surname_recurs(doc, &cap_words, &(start..end))
                && let Some(m) = table.mention_at(start - 1)
                && matches!(table.entities[m.entity].kind, EntityKind::Country | EntityKind::Place)
                && m.tokens.len() == 1
            {
                table.remove(start - 1);
                start -= 1;
            }
            let is_name = end > start && !(run_on && end - start == 1);
            if is_name
                && !is_group_noun(doc, &mid_sentence, start, end)
                && !opens_with_ordinal(doc, start)
                && !inside_portfolio(doc, start, end)
                && !whole_portfolio(doc, start, end)
                && !portfolio_before_title(doc, end, run.end)
            {
                candidates.push((start..end, title_before(doc, table, start)));
            }
            t = end.max(t + 1);
        }
    }
    // Full names first, so that surnames link to them; names after "known as" last, so that
    // the name they follow is known.
    let after_known_as = |start: usize| known_as_cue(doc, start).is_some();
    let text_of = |r: &Range<usize>| &doc.text[doc.span(r.start).start..doc.span(r.end - 1).end];
    let known_as_names: Vec<&str> =
        candidates.iter().filter(|(r, _)| after_known_as(r.start)).map(|(r, _)| text_of(r)).collect();
    candidates.sort_by_key(|(r, _)| (known_as_names.contains(&text_of(r)), std::cmp::Reverse(r.len().min(2))));
    let mut other_names: HashMap<&str, usize> = HashMap::default();
    // "A Rio Tinto spokesperson said": a name between "a" and a title is the employer the title
    // serves, wherever else the article names it.
    for (range, title) in &candidates {
        if title.is_none()
            && range.start > 0
            && doc.is_any(range.start - 1, words!["a", "an"])
            && doc.title_at(range.end).is_some()
            && table.mention_at(range.start).is_none()
        {
            let span = Span::new(doc.span(range.start).start, doc.span(range.end - 1).end);
            let e = table.named(&doc.text[span.range()], EntityKind::Organization, "company");
            table.add(doc, range.clone(), e, MentionForm::Name);
        }
    }
    // "the Kenyan-led Multinational Security Support (MSS) mission": a name its acronym spells
    // out is a body's (pass 1 saw the run with "Kenyan-led", whose initials do not spell it).
    // Named before people, so that a post in it finds the body.
    let mut spelled_out: HashMap<String, usize> = HashMap::default();
    for (range, title) in &candidates {
        if title.is_some() || table.mention_at(range.start).is_some() {
            continue;
        }
        let Some((acr_t, acr)) =
            acronym_after(doc, range.end).filter(|&(_, acr)| range.len() >= 2 && initials(doc, range.clone()) == acr)
        else {
            continue;
        };
        let span = Span::new(doc.span(range.start).start, doc.span(range.end - 1).end);
        let name = super::doc::strip_possessive(&doc.text[span.range()]).to_owned();
        // "(MSS) mission": "the mission" refers to it as well.
        let noun = acr_t + 2;
        let class = doc
            .lex
            .description(doc.base(noun))
            .filter(|_| doc.is_word(noun) && !doc.is_cap(noun))
            .and_then(|classes| classes.first())
            .map(String::as_str)
            .filter(|&c| c != "person" && c != "private" && c != "country");
        let e = table.named(&name, EntityKind::Organization, class.unwrap_or("agency"));
        table.add(doc, range.clone(), e, MentionForm::Name);
        table.add(doc, acr_t..acr_t + 1, e, MentionForm::Acronym);
        spelled_out.insert(acr.to_owned(), e);
        acronyms.insert(acr.to_owned(), e);
    }
    link_acronyms(doc, table, &spelled_out);
    // Bodies are named by now (pass 1): "Northvale" may stand for "Northvale Resources".
    let body_firsts = bodies_by_first_word(table);
    for (range, title) in candidates {
        if table.mention_at(range.start).is_some() {
            continue;
        }
        let n_words = range
            .clone()
            .filter(|&t| doc.is_word(t) && !is_initial(doc, t) && !doc.is_any(t, SURNAME_PARTICLES))
            .count();
        // "Joseph, who is known as Ti Bout": another name of whoever was just named.
        let other_name = title
            .is_none()
            .then(|| known_as(doc, table, range.start).or_else(|| other_names.get(text_of(&range)).copied()))
            .flatten();
        if let Some(e) = other_name {
            other_names.insert(text_of(&range), e);
            table.add(doc, range.clone(), e, MentionForm::Name);
            continue;
        }
        // "Pro Asyl, a German refugee rights organization, said": described as a body, and
        // named so again later ("Pro Asyl's Jonas Hartwig").
        let body_name = || {
            let span = Span::new(doc.span(range.start).start, doc.span(range.end - 1).end);
            super::doc::strip_possessive(&doc.text[span.range()]).to_owned()
        };
        // "Vancouver-based Northvale": where a body sits says what it is (and the body may have
        // been named by a longer name before).
        let based = range.start > 0 && is_based(doc, range.start - 1);
        let known_body = [EntityKind::Organization, EntityKind::Group]
            .into_iter()
            .find_map(|kind| table.by_name.get(&(kind, body_name())).copied())
            .or_else(|| (based && n_words == 1).then(|| body_firsts.get(&body_name()).copied().flatten()).flatten());
        let described = if title.is_some() {
            None
        } else if based {
            Some("company")
        } else {
            described_body_after(doc, range.end)
        };
        if let Some(e) =
            known_body.or_else(|| described.map(|class| table.named(&body_name(), EntityKind::Organization, class)))
        {
            table.add(doc, range.clone(), e, MentionForm::Name);
            continue;
        }
        // "north of Natuna Besar island": a place named by what it is.
        if title.is_none() && doc.is_any(range.end, PLACE_NOUNS) && !doc.is_cap(range.end) {
            let e = table.named(&body_name(), EntityKind::Place, "area");
            table.add(doc, range.clone(), e, MentionForm::Name);
            continue;
        }
        let signal = title.is_some()
            || speech_after(doc, range.end)
            || speech_before(doc, range.start, range.end)
            || apposition_title(doc, table, range.end).is_some()
            || (n_words >= 2
                && is_bare_name(doc, &range)
                && (surname_recurs(doc, &cap_words, &range) || looks_like_full_name(doc, &range))
                && !things.contains(&(doc.key(range.start), doc.key(range.start + 1)))
                && !inside_longer_name(doc, &range));
        // "the secretariat in Tromsø said": one word after "in" is where, and so are two that
        // open with no given name ("off Natuna Besar", "the main town on Natuna Besar"); "the
        // research vessel Akademik Rostov": a ship's name.
        let place_before = |p: usize| {
            doc.is_any(p, words!["in", "at", "off", "near"])
                || (p > 0 && doc.is_any(p, words!["on", "of"]) && doc.is_any(p - 1, PLACE_NOUNS))
        };
        let located = title.is_none()
            && range.start > 0
            && (n_words == 1 && doc.is_any(range.start - 1, words!["in", "at"])
                || n_words == 2
                    && place_before(range.start - 1)
                    && doc.lex.given_name_gender(doc.base(range.start)).is_none());
        let vessel = range.start > 0
            && doc.is_any(
                range.start - 1,
                words![
                    "vessel",
                    "ship",
                    "tanker",
                    "frigate",
                    "destroyer",
                    "carrier",
                    "cutter",
                    "freighter",
                    "icebreaker",
                    "yacht",
                    "ferry",
                    "submarine",
                    "trawler",
                    "corvette"
                ],
            );
        if !signal || n_words == 0 || n_words > 5 || located || vessel {
            continue;
        }
        // "Northvale, which says …, said": a body named before by a longer name, not a person.
        if n_words == 1
            && title.is_none()
            && let Some(e) = body_firsts.get(&body_name()).copied().flatten()
        {
            table.add(doc, range.clone(), e, MentionForm::Name);
            continue;
        }
        let name_span = Span::new(doc.span(range.start).start, doc.span(range.end - 1).end);
        let name = super::doc::strip_possessive(&doc.text[name_span.range()]).to_owned();
        let e = if n_words == 1 {
            // A surname alone: link to a known person, else a new person.
            match find_by_surname(table, &name).or_else(|| find_by_name_part(table, &name)) {
                Some(e) => e,
                None => table.named(&name, EntityKind::Person, "person"),
            }
        } else if title.is_none()
            && let Some(e) = find_by_name_part(table, &name)
        {
            e
        } else {
            table.named(&name, EntityKind::Person, "person")
        };
        // "Katrin Weidemann": she; the first name tells, before any pronoun is resolved.
        if table.entities[e].gender.is_none() && n_words >= 2 {
            table.entities[e].gender = doc.lex.given_name_gender(doc.base(range.start));
        }
        if table.entities[e].surname.is_none() && n_words >= 2 {
            table.entities[e].surname = Some(surname_of(doc, &range));
            if !is_initial(doc, range.start) {
                table.entities[e].given = Some(doc.base(range.start).to_owned());
            }
        }
        let form = if n_words == 1 { MentionForm::Surname } else { MentionForm::Name };
        table.add(doc, range.clone(), e, form);
        // "Senior Colonel Hu Zhenyu, a spokesman for …": a rank before the name leaves the
        // post in apposition to say whom the person serves.
        let rank_only =
            title.is_some_and(|(i, _)| matches!(doc.lex.title(i).category.as_str(), "military" | "honorific"));
        if let Some((title_idx, title_start)) = title {
            add_role(doc, table, e, title_idx, title_start, range.clone());
        }
        // "Ambassador X, Permanent Representative of Algeria": a title before the name that
        // names no one to serve leaves the post in apposition to say it.
        let served = title.is_some() && !rank_only && table.entities[e].roles.iter().any(|r| r.org.is_some());
        let apposition = if served { None } else { apposition_title(doc, table, range.end) };
        // After a rank, only a body named outright: "the military" is resolved later.
        let military_rank = title.is_some_and(|(i, _)| doc.lex.title(i).category == "military");
        let named_after = |title_end: usize| {
            let u = title_end + 1 + usize::from(doc.is_any(title_end + 1, words!["the"]));
            !military_rank || table.mention_at(u).is_some()
        };
        if served {
            // The title before the name says it all.
        } else if let Some((title_idx, title_start, title_end)) = apposition.filter(|a| named_after(a.2)) {
            // "The delegation of Senegal was led by X, Minister of Energy": the minister is the
            // delegation's.
            let org = apposition_org(doc, table, title_start, title_end)
                .or_else(|| led_by(doc, table, range.start).map(|(owner, ..)| owner));
            let info = doc.lex.title(title_idx);
            if !(info.is_honorific() || is_shadow_post(doc, title_start)) {
                let span = Span::new(name_span.start, doc.span(title_end - 1).end);
                let title_span = Span::new(doc.span(title_start).start, doc.span(title_end - 1).end);
                push_role(table, e, info.title.clone(), info.category.clone(), org, span, title_span);
                // "…, Permanent Representative of Algeria to the AU and Chair of the PSC": a
                // second post joined by "and".
                if let Some((second, start, end)) = second_post(doc, title_end) {
                    let info = doc.lex.title(second);
                    if let Some(org) = apposition_org(doc, table, start, end) {
                        let span = Span::new(name_span.start, doc.span(end - 1).end);
                        let title_span = Span::new(doc.span(start).start, doc.span(end - 1).end);
                        push_role(table, e, info.title.clone(), info.category.clone(), Some(org), span, title_span);
                    }
                }
            }
            if table.entities[e].gender.is_none() {
                table.entities[e].gender = info.gender;
            }
        } else if let Some((title, category, country, from)) = counterpart_role(doc, table, range.start) {
            let span = Span::new(doc.span(from).start, name_span.end);
            push_role(table, e, title, category, Some(country), span, span);
        } else if let Some((role, org, end)) = apposition_affiliation(doc, table, range.end) {
            let span = Span::new(name_span.start, doc.span(end - 1).end);
            push_role(table, e, role, "other".to_owned(), Some(org), span, span);
        } else if let Some((org, end)) = party_after(doc, table, range.end) {
            let span = Span::new(name_span.start, doc.span(end - 1).end);
            push_role(table, e, "member".to_owned(), "other".to_owned(), Some(org), span, span);
        }
        // "Amnesty International's Maria Lopez": one of the organization's people.
        if title.is_none()
            && range.start > 0
            && doc.is_possessive(range.start - 1)
            && let Some(org) = table.mention_at(range.start - 1).map(|m| m.entity)
            && matches!(table.entities[org].kind, EntityKind::Organization | EntityKind::Group)
        {
            let span = Span::new(
                doc.span(table.mention_at(range.start - 1).map_or(range.start - 1, |m| m.tokens.start)).start,
                name_span.end,
            );
            push_role(table, e, "member".to_owned(), "other".to_owned(), Some(org), span, span);
        }
        if let Some((org, led, role)) = led_by(doc, table, range.start) {
            let span = Span::new(doc.span(led).start, name_span.end);
            push_role(table, e, role.to_owned(), "org_leader".to_owned(), Some(org), span, span);
        }
        if let Some((role, org, span)) = relative_role(doc, table, range.end) {
            let span = Span::new(name_span.start, span.end);
            push_role(table, e, role.to_owned(), "org_leader".to_owned(), Some(org), span, span);
        }
        if n_words == 1 && table.entities[e].surname.is_none() {
            diagnostics.push(Diagnostic {
                span: name_span,
                message: format!("\"{name}\" is taken for a person from a speech cue alone"),
            });
        }
    }
    acronyms
}

fn add_role(doc: &Doc<'_>, table: &mut Table, e: usize, title_idx: usize, title_start: usize, name: Range<usize>) {
    let info = doc.lex.title(title_idx);
    if table.entities[e].gender.is_none() {
        table.entities[e].gender = info.gender;
    }
    if info.is_honorific() || is_shadow_post(doc, title_start) {
        return;
    }
    let title_end = title_start + doc.word_hit_len(title_start);
    // "the court's president, Judge Amara Oyelaran": a second title, with its owner, before
    // the comma; the person holds both.
    // "army spokesman Colonel Patrice Mbuyi": two titles in a row.
    if title_start >= 1
        && let Some((outer_idx, outer_start)) = title_before(doc, table, title_start)
        && outer_start < title_start
        && !doc.lex.title(outer_idx).is_honorific()
    {
        let outer_end = outer_start + doc.word_hit_len(outer_start);
        let org = title_org(doc, table, outer_start, outer_end);
        let after_comma = doc.is_punct(title_start - 1, ",");
        if org.is_some() || !after_comma {
            let outer = doc.lex.title(outer_idx);
            let span = Span::new(doc.span(outer_start).start, doc.span(name.end - 1).end);
            let title_span = Span::new(doc.span(outer_start).start, doc.span(outer_end - 1).end);
            push_role(table, e, outer.title.clone(), outer.category.clone(), org, span, title_span);
        }
    }
    // "Foreign Minister Ingrid Vold of Norway": the organization may follow the name.
    let org = title_org(doc, table, title_start, title_end)
        .or_else(|| {
            let mut u = name.end;
            if !doc.is_any(u, words!["of"]) {
                return None;
            }
            u += 1;
            if doc.is_any(u, words!["the"]) {
                u += 1;
            }
            table.mention_at(u).map(|m| m.entity).filter(|&e| table.entities[e].kind != EntityKind::Person)
        })
        .or_else(|| counterpart_country(doc, table, title_start));
    let mut first = title_start;
    // "British Africa minister": the region is part of the title, not a mention of a place.
    while let Some(m) = first.checked_sub(1).and_then(|t| table.mention_at(t))
        && table.entities[m.entity].kind == EntityKind::Place
        && m.form != MentionForm::Location
        && !doc.is_possessive(m.tokens.end - 1)
        && org.is_some()
    {
        let start = m.tokens.start;
        table.remove(first - 1);
        first = start;
    }
    if let Some(m) = first.checked_sub(1).and_then(|t| table.mention_at(t))
        && Some(m.entity) == org
    {
        first = m.tokens.start;
    }
    let span = Span::new(doc.span(first).start, doc.span(name.end - 1).end);
    let title_span = Span::new(doc.span(title_start).start, doc.span(title_end - 1).end);
    push_role(table, e, info.title.clone(), info.category.clone(), org, span, title_span);
    // "CSTO Secretary General (SG) Stanislav Zas": the title's acronym is the person's alias.
    if let Some((_, acr)) = acronym_after(doc, title_end) {
        table.entities[e].extra_aliases.insert(acr.to_owned());
    }
    let title_text = &doc.text[Span::new(doc.span(first).start, title_span.end).range()];
    table.entities[e].extra_aliases.insert(alias_form(title_text));
}

/// "the shadow home secretary": an opposition post, not the office the title names.
fn is_shadow_post(doc: &Doc<'_>, title_start: usize) -> bool {
    title_start > 0 && doc.is(title_start - 1, "shadow")
}

/// "Jordanian Foreign Minister X and his Syrian counterpart, Y": Y holds X's title in the
/// country named. The title, its category, the country, and where the phrase starts.
fn counterpart_role(doc: &Doc<'_>, table: &Table, name_start: usize) -> Option<(String, String, usize, usize)> {
    let comma = name_start.checked_sub(1).filter(|&c| doc.is_punct(c, ","))?;
    let noun = comma.checked_sub(1).filter(|&n| doc.is_any(n, words!["counterpart"]))?;
    let m = table.mention_at(noun.checked_sub(1)?).filter(|m| m.form == MentionForm::Demonym)?;
    let possessive = m.tokens.start.checked_sub(1).filter(|&p| doc.is_any(p, words!["his", "her"]))?;
    if table.entities[m.entity].kind != EntityKind::Country {
        return None;
    }
    // Mentions are still being added: look back token by token.
    let holder = (possessive.saturating_sub(12)..possessive)
        .rev()
        .find_map(|u| table.mention_at(u).filter(|h| table.entities[h.entity].kind == EntityKind::Person))?;
    let role = table.entities[holder.entity].roles.iter().find(|r| r.category != "other")?;
    Some((role.title.clone(), role.category.clone(), m.entity, possessive))
}

/// "his Philippine counterpart, Defense Secretary X": the country of the noun phrase that the
/// title and name stand in apposition to.
fn counterpart_country(doc: &Doc<'_>, table: &Table, title_start: usize) -> Option<usize> {
    let comma = title_start.checked_sub(1).filter(|&c| doc.is_punct(c, ","))?;
    (comma.saturating_sub(3)..comma).rev().find_map(|u| {
        let m = table.mention_at(u).filter(|m| m.form == MentionForm::Demonym)?;
        (table.entities[m.entity].kind == EntityKind::Country
            && (m.tokens.end..comma).all(|v| doc.is_word(v) && !doc.is_cap(v)))
        .then_some(m.entity)
    })
}

fn push_role(
    table: &mut Table,
    e: usize,
    title: String,
    category: String,
    org: Option<usize>,
    span: Span,
    title_span: Span,
) {
    let roles = &mut table.entities[e].roles;
    if !roles.iter().any(|r| r.title == title && r.org == org) {
        roles.push(Role { title, category, org, span, title_span });
    }
}

fn speech_after(doc: &Doc<'_>, end: usize) -> bool {
    let mut t = end;
    while doc.is_any(t, super::doc::SPEECH_ADVERBS) {
        t += 1;
    }
    // "Critics called the move hasty": describing verbs find speakers, they do not make people.
    doc.speech_at(t).is_some_and(|s| !matches!(doc.lex.speech_verb(s).kind.as_str(), "according" | "describe"))
}

/// "said Zas.", "added Zas, the minister": a speech verb, then the name at the end of its
/// clause (not "declare Liptako ceasefire").
fn speech_before(doc: &Doc<'_>, mut start: usize, end: usize) -> bool {
    let ends_clause = end >= doc.n_tokens() || doc.is_punct(end, ".,;:!?)”\"’");
    // "said Pro Asyl's Jonas Hartwig": the employer's name may come in between.
    if start > 0 && doc.is_possessive(start - 1) {
        let mut u = start - 1;
        while u > 0 && start - u < 5 && doc.is_cap(u - 1) && !doc.is_possessive(u - 1) {
            u -= 1;
        }
        start = u;
    }
    (ends_clause
        && (1..=3).any(|len| {
            start >= len && doc.speech_at(start - len).is_some_and(|_| doc.word_hit_len(start - len) == len)
        }))
        || (start >= 2
            && doc.is_any(start - 1, words!["by"])
            && doc.is_any(start - 2, words!["stated", "said", "announced", "quoted"]))
}

/// ", a German refugee rights organization,": the class of body a name is described as, from
/// the head noun of an indefinite apposition.
fn described_body_after(doc: &Doc<'_>, end: usize) -> Option<&'static str> {
    // ", Mongolia's parliament": a possessive name in place of the article.
    let owner = doc.is_cap(end + 1) && doc.is_possessive(end + 1);
    if !(doc.is_punct(end, ",") && (doc.is_any(end + 1, words!["a", "an", "the"]) || owner)) {
        return None;
    }
    // ", a stainless steel maker based in Duisburg": the description may run on.
    let close = (end + 2..(end + 9).min(doc.n_tokens())).find(|&u| {
        // ", the national association of road carriers,": the head before "of".
        doc.is_punct(u, ",.;:") || doc.is_any(u, words!["based", "headquartered", "that", "which", "whose", "of"])
    })?;
    let head = close.checked_sub(1).filter(|&h| h > end + 1)?;
    // Only modifiers before the head: "a German refugee rights organization", not "a
    // spokesperson for the World Health Organization".
    let modifiers_only = (end + 2..=head).all(|u| {
        doc.is_word(u)
            && doc.title_at(u).is_none()
            && !doc.is_any(u, words!["of", "for", "at", "in", "with", "and", "to"])
            && (!doc.is_cap(u) || doc.text[doc.span(u).range()].chars().all(char::is_alphabetic) && u < head)
    });
    if !modifiers_only {
        return None;
    }
    let classes = doc.lex.description(doc.base(head))?;
    let class = classes.iter().find(|c| c.as_str() != "person" && c.as_str() != "country")?;
    ORG_CLASSES.iter().copied().find(|c| c == class)
}

/// Classes of bodies that a description can give a new organization.
const ORG_CLASSES: &[&str] = &[
    "igo", "global", "alliance", "body", "mission", "agency", "court", "bank", "ngo", "party", "company", "media",
    "movement",
];

/// ", the foreign minister of Chile" / ", a spokesperson for the WHO" / ", Norway's prime minister":
/// the title after a name, as (title index, first token, end token).
fn apposition_title(doc: &Doc<'_>, table: &Table, end: usize) -> Option<(usize, usize, usize)> {
    // "Cruz Mamani is president of the Council of …": a post after a copula, close to it.
    let copula = doc.is_any(end, words!["is", "was"]) && !doc.is_any(end + 1, words!["not", "no", "also"]);
    if !doc.is_punct(end, ",") && !copula {
        return None;
    }
    let mut t = end + 1;
    for _ in 0..if copula { 3 } else { 5 } {
        if t >= doc.n_tokens() || doc.is_punct(t, ",.;:") {
            return None;
        }
        if let Some(title) = doc.title_at(t)
            && !doc.lex.title(title).is_honorific()
        {
            // "the deputy U.S. ambassador": "deputy" modifies the title after it.
            let next = t + 1 + table.mention_at(t + 1).map_or(0, |m| m.tokens.len());
            if doc.is(t, "deputy")
                && let Some(inner) = doc.title_at(next)
            {
                return Some((inner, next, next + doc.word_hit_len(next)));
            }
            return Some((title, t, t + doc.word_hit_len(t)));
        }
        let skippable = doc.is_any(
            t,
            words![
                "the",
                "a",
                "an",
                "its",
                "their",
                "his",
                "her",
                "country",
                "nation",
                "deputy",
                "former",
                "acting",
                "chief",
                "senior",
                "top",
                "lead",
                "principal",
                "interim",
                "outgoing",
                "incoming",
                // "the state minister for foreign affairs".
                "state",
            ],
        ) || table.mention_at(t).is_some()
            // A portfolio: "a foreign policy adviser to …".
            || (!doc.is_cap(t) && is_portfolio_word(doc, t))
            || (doc.is_possessive(t) && doc.lex.description(doc.base(t)).is_some());
        // "the World Food Programme's (WFP) country director": an acronym in passing.
        if doc.is_punct(t, "(") && doc.is_all_caps(t + 1) && doc.is_punct(t + 2, ")") {
            t += 3;
            continue;
        }
        if !skippable {
            return None;
        }
        t += table.mention_at(t).map_or(1, |m| m.tokens.end - t);
    }
    None
}

/// After a post in apposition that ends at `from`, a second one joined by "and" in the same
/// phrase: its title and tokens.
fn second_post(doc: &Doc<'_>, from: usize) -> Option<(usize, usize, usize)> {
    const REACH: usize = 15;
    let and = (from..(from + REACH).min(doc.n_tokens()))
        .take_while(|&u| !doc.is_punct(u, ",;:.()") && doc.quote_of(u).is_none())
        .find(|&u| doc.is_any(u, words!["and"]))?;
    // "and a senior adviser at …": a determiner and modifiers may open it.
    let start = (and + 1..and + 4)
        .take_while(|&u| {
            doc.title_at(u).is_some() || doc.is_any(u, words!["a", "an", "the", "senior", "chief", "lead"])
        })
        .find(|&u| doc.title_at(u).is_some())?;
    let title = doc.title_at(start).filter(|&i| !doc.lex.title(i).is_honorific())?;
    Some((title, start, start + doc.word_hit_len(start)))
}

/// The initials of the capitalised words of a name ("Malawi Congress Party" → "MCP").
fn initials(doc: &Doc<'_>, range: Range<usize>) -> String {
    range.filter(|&t| doc.is_cap(t)).filter_map(|t| doc.word(t).chars().next()).collect()
}

/// "the leftist Citizen Revolution movement", "the Sons of Liberty militia": a name between
/// "the" (and up to two lower-case modifiers) and a lower-case noun for a body; its kind and
/// class.
fn body_noun_after(doc: &Doc<'_>, start: usize, end: usize) -> Option<(EntityKind, &'static str)> {
    if doc.is_cap(end) || !doc.is_word(end) {
        return None;
    }
    let kind = if doc.is_any(end, words!["movement", "party", "coalition", "alliance", "bloc", "union"]) {
        (EntityKind::Organization, "party")
    } else if doc.is_any(end, words!["militia", "rebels", "insurgents", "militants", "faction", "gang", "cartel"]) {
        (EntityKind::Group, "armed")
    } else {
        return None;
    };
    let the = (start.saturating_sub(3)..start).rev().find(|&u| !doc.is_word(u) || doc.is_cap(u) || doc.is(u, "the"))?;
    doc.is(the, "the").then_some(kind)
}

/// A name right after a noun for what it is: "think tank Bruegel", "the consultancy Rystad
/// Energy", "broadcaster Zodiak".
fn after_org_noun(doc: &Doc<'_>, start: usize) -> bool {
    let Some(noun) = start.checked_sub(1) else { return false };
    let two_words = noun > 0 && doc.is(noun - 1, "think") && doc.is(noun, "tank");
    let described = doc.is_word(noun)
        && !doc.is_cap(noun)
        && doc
            .lex
            .description(doc.base(noun))
            .is_some_and(|classes| classes.iter().all(|c| matches!(c.as_str(), "company" | "ngo" | "media" | "bank")));
    two_words || described
}

/// A name in apposition to a noun for a body: "a residents’ association, Nuna Asasara,",
/// "Greenland’s parliament, Inatsisartut,", "its foreign ministry, Itamaraty,"; the class the
/// noun gives it.
fn apposed_to_body_noun<'a>(doc: &Doc<'a>, start: usize, end: usize) -> Option<&'a str> {
    let noun = start.checked_sub(2).filter(|_| doc.is_punct(start - 1, ","))?;
    if doc.is_cap(noun) || !doc.is_word(noun) || !(doc.is_punct(end, ",.;") || end >= doc.n_tokens()) {
        return None;
    }
    let classes = doc.lex.description(doc.base(noun))?;
    if classes.iter().any(|c| matches!(c.as_str(), "person" | "private" | "country"))
        || doc.lex.given_name_gender(doc.base(start)).is_some()
    {
        return None;
    }
    // Introduced by an article or a possessive within three words: "A residents’ association";
    // not the body of someone's post: "a spokesperson for the group, Mohamed Al-Tayeb".
    let det = (noun.saturating_sub(3)..noun)
        .find(|&u| doc.is_any(u, words!["a", "an", "the", "its", "their", "his", "her"]) || doc.is_possessive(u))?;
    let post = (det.saturating_sub(4)..det).any(|u| doc.title_at(u).is_some() || doc.is_proxy(u));
    (!post).then(|| classes[0].as_str())
}

/// A name after "at" that ends a job description: "an analyst at Commerzbank", "head of
/// research at Rystad Energy" (a title, then lower-case words only, then "at").
fn is_employer(doc: &Doc<'_>, start: usize) -> bool {
    if start == 0 || !doc.is_any(start - 1, words!["at"]) {
        return false;
    }
    let mut u = start - 1;
    while u > 0 && start - u <= 6 {
        u -= 1;
        let title_start = (u.saturating_sub(3)..=u).find(|&s| doc.title_at(s).is_some() && s + doc.word_hit_len(s) > u);
        if let Some(title) = title_start.and_then(|s| doc.title_at(s)) {
            return !doc.lex.title(title).is_honorific();
        }
        if !doc.is_word(u) || (doc.is_cap(u) && !doc.is_any(u, words!["of", "and"])) {
            return false;
        }
    }
    false
}

/// "Eliza Banda of the Malawi Congress Party", "Kalua, of the Democratic Progressive Party": a
/// party or movement after "of" that the person belongs to, and where its name ends.
fn party_after(doc: &Doc<'_>, table: &Table, end: usize) -> Option<(usize, usize)> {
    let of = if doc.is_punct(end, ",") { end + 1 } else { end };
    if !doc.is_any(of, words!["of"]) {
        return None;
    }
    let u = of + 1 + usize::from(doc.is_any(of + 1, words!["the"]));
    let m = table.mention_at(u)?;
    let ent = &table.entities[m.entity];
    let is_party = matches!(ent.class.as_str(), "party" | "movement") || ent.name.ends_with(" Party");
    (is_party && m.tokens.start == u).then_some((m.entity, m.tokens.end))
}

/// ", a political scientist at the University of Malawi", ", a member of the European
/// Parliament": a job or membership described in lower-case words, and where it ends.
fn apposition_affiliation(doc: &Doc<'_>, table: &Table, end: usize) -> Option<(String, usize, usize)> {
    if !(doc.is_punct(end, ",") && doc.is_any(end + 1, words!["a", "an"])) {
        return None;
    }
    let first = end + 2;
    let mut t = first;
    while t < doc.n_tokens()
        && t < first + 4
        && doc.is_word(t)
        && !doc.is_cap(t)
        && !doc.is_any(t, words!["at", "of", "with"])
    {
        t += 1;
    }
    if t == first || !doc.is_any(t, words!["at", "of", "with"]) {
        return None;
    }
    // "a critic of the EU" says where someone stands, not where they belong.
    let role_words = first..t;
    if role_words.clone().any(|u| {
        doc.is_any(
            u,
            words![
                "critic",
                "opponent",
                "supporter",
                "ally",
                "rival",
                "friend",
                "fan",
                "victim",
                "sceptic",
                "skeptic",
                "admirer",
                "resident",
                "citizen",
                "native",
                "son",
                "daughter",
                "wife",
                "husband"
            ],
        )
    }) {
        return None;
    }
    let org = employer_after(doc, table, t + 1)?;
    let role = doc.text[Span::new(doc.span(first).start, doc.span(t - 1).end).range()].to_owned();
    let end = (t + 1..doc.n_tokens())
        .find(|&u| table.entity_at(u) == Some(org))
        .map_or(t + 1, |u| table.mention_at(u).map_or(u + 1, |m| m.tokens.end));
    Some((role, org, end))
}

/// The organization named after "at" ("the University of Malawi", "Brussels-based think tank
/// Bruegel": past where it is and what it is).
fn employer_after(doc: &Doc<'_>, table: &Table, from: usize) -> Option<usize> {
    let mut u = from;
    while u < doc.n_tokens() && u < from + 6 {
        match table.mention_at(u) {
            // "the Johannesburg law firm X": where it is comes first.
            Some(m) if m.form == MentionForm::Location || table.entities[m.entity].kind == EntityKind::Place => {
                u = m.tokens.end;
            }
            // "a senior adviser at Sierra Leone's Ministry of Health": the state's body.
            Some(m)
                if table.entities[m.entity].kind == EntityKind::Country
                    && doc.is_possessive(m.tokens.end - 1)
                    && table.entity_at(m.tokens.end).is_some() =>
            {
                u = m.tokens.end;
            }
            Some(m) => {
                return matches!(table.entities[m.entity].kind, EntityKind::Organization | EntityKind::Group)
                    .then_some(m.entity);
            }
            None if doc.is_word(u) && !doc.is_cap(u) => u += 1,
            None => return None,
        }
    }
    None
}

/// "The … Mission, led by former Botswana foreign minister Keabetswe Molefhi", "Egypt,
/// represented by Ambassador X": the organization or state a name heads or speaks for, the first
/// token of "led" and the role.
fn led_by(doc: &Doc<'_>, table: &Table, start: usize) -> Option<(usize, usize, &'static str)> {
    let by = (start.saturating_sub(6)..start).rev().find(|&u| doc.is_any(u, words!["by"]))?;
    // Only a description of the person between "by" and the name.
    let described = (by + 1..start).all(|u| {
        (doc.is_word(u) || doc.is_punct(u, "."))
            && (!doc.is_cap(u)
                || doc.title_at(u).is_some()
                || table.mention_at(u).is_some()
                || doc.word_at[u].is_some())
    });
    let led = by.checked_sub(1)?;
    // "Egypt, represented by Ambassador X": a state's delegate.
    let represented = doc.is_any(led, words!["represented"]);
    if !described || !(represented || doc.is_any(led, words!["led", "headed", "chaired"])) {
        return None;
    }
    // "The delegation of Senegal was led by X": the state or body the delegation is of.
    if doc.is_any(led.checked_sub(1)?, words!["was", "were", "is", "are"]) {
        return delegation_owner(doc, table, led - 1).map(|owner| (owner, led, "head of delegation"));
    }
    if !doc.is_punct(led - 1, ",") {
        return None;
    }
    let m = table.mention_at(led.checked_sub(2)?)?;
    let role = if represented { "representative" } else { "head" };
    let kind = table.entities[m.entity].kind;
    let fits =
        matches!(kind, EntityKind::Organization | EntityKind::Group) || (represented && kind == EntityKind::Country);
    fits.then_some((m.entity, led, role))
}

/// Whose delegation the subject ending before `end` is: "The delegation of the Republic of
/// Senegal", "Mauritania's delegation", "the Senegalese delegation".
fn delegation_owner(doc: &Doc<'_>, table: &Table, end: usize) -> Option<usize> {
    let start = doc.article.sentences()[doc.sentence_idx(end)].tokens.start;
    let noun = (start..end).find(|&u| doc.is_any(u, words!["delegation", "delegations"]))?;
    let body = |m: &Mention| matches!(table.entities[m.entity].kind, EntityKind::Country | EntityKind::Organization);
    if doc.is_any(noun + 1, words!["of", "from"]) {
        let u = noun + 2 + usize::from(doc.is_any(noun + 2, words!["the"]));
        return table.mention_at(u).filter(|m| body(m) && m.tokens.end == end).map(|m| m.entity);
    }
    let m = table.mention_at(noun.checked_sub(1)?).filter(|m| body(m) && noun + 1 == end)?;
    (doc.is_possessive(noun - 1) || m.form == MentionForm::Demonym).then_some(m.entity)
}

/// The organization or country of an apposition title: before it ("Norway's prime minister",
/// "the country's finance minister") or after it ("of Chile", "for the WHO").
fn apposition_org(doc: &Doc<'_>, table: &Table, title_start: usize, title_end: usize) -> Option<usize> {
    if let Some(org) = title_org(doc, table, title_start, title_end) {
        return Some(org);
    }
    // "head of commodities research at Commerzbank": the employer after the portfolio.
    let employer = (title_end..(title_end + 7).min(doc.n_tokens()))
        .take_while(|&u| doc.is_word(u) && !doc.is_cap(u))
        .find(|&u| doc.is_any(u, words!["at", "with"]))
        .and_then(|at| employer_after(doc, table, at + 1));
    if employer.is_some() {
        return employer;
    }
    // "the country's": the latest country before.
    let t = title_start.checked_sub(1)?;
    let w = doc.word(t).to_lowercase();
    if w == "country’s" || w == "country's" || w == "nation’s" || w == "nation's" {
        return table
            .before(doc.span(t).start)
            .take(100)
            .find(|m| table.entities[m.entity].kind == EntityKind::Country)
            .map(|m| m.entity);
    }
    None
}

/// The first word of a name candidate once a portfolio word run on from a title is left out:
/// "… Planning and Development Amina Yusuf" → "Amina Yusuf".
fn portfolio_trimmed(doc: &Doc<'_>, start: usize, end: usize) -> usize {
    // Right after the joining word, or after a capitalised word that follows it ("Minister
    // for European Affairs X", where "European" names the EU).
    let joins = |u: usize| doc.is_any(u, words!["and", "for", "of"]) || doc.is_punct(u, ",&");
    let after_join = (start > 0 && joins(start - 1)) || (start > 1 && doc.is_cap(start - 1) && joins(start - 2));
    if !after_join || end - start < 3 || portfolio_title_before(doc, start).is_none() {
        return start;
    }
    // Leading words that read as a portfolio, while a name of two words or more remains:
    // "Economic Affairs Bambang Sutrisno Wibowo" → "Bambang Sutrisno Wibowo".
    let mut first = start;
    while end - first >= 3 {
        let word = doc.base(first);
        // Not right after a comma, where an apposed name begins: "for Ghana, Nana Ama Owusu";
        // only for the first word, as once portfolio words were left out ("Foreign Affairs
        // Tran Duc Khiem") a name that puts its family name first may begin.
        let given_next = first == start
            && !doc.is_punct(start - 1, ",")
            && doc.lex.given_name_gender(word).is_none()
            && doc.lex.given_name_gender(doc.base(first + 1)).is_some();
        if !(is_portfolio_word(doc, first) || given_next) {
            break;
        }
        first += 1;
    }
    first
}

/// "Minister of Petroleum, Mines and Energy", "Minister of Energy, Petroleum and Mines": words
/// that go on from a government post's "of" or "for" (or a comma or "and" after its portfolio)
/// name the portfolio; "the" before them makes them a body ("Director of the Agency for …").
fn is_portfolio(doc: &Doc<'_>, start: usize) -> bool {
    let government = |i: usize| matches!(doc.lex.title(i).category.as_str(), "minister" | "deputy" | "official");
    // "Minister of Energy, Petroleum and Mines": the listed title holds the first portfolio.
    let after_portfolio_title = start >= 2
        && doc.is_punct(start - 1, ",")
        && (start.saturating_sub(6)..start - 1).any(|s| {
            doc.title_at(s).is_some_and(government)
                && s + doc.word_hit_len(s) == start - 1
                && (s..start - 1).any(|u| doc.is_any(u, words!["of", "for"]))
        });
    // "the two Ministers of Petroleum": a portfolio of people named by their post.
    let after_people = start >= 2 && doc.is_any(start - 1, words!["of", "for"]) && is_people_noun(doc, start - 2);
    start > 0
        && !doc.is_any(start - 1, words!["the"])
        && (after_portfolio_title
            || after_people
            || portfolio_title_before(doc, start).is_some_and(|(i, _)| government(i)))
}

/// A capitalised noun for the people of an actor: "Ministers", "Delegates".
fn is_people_noun(doc: &Doc<'_>, t: usize) -> bool {
    doc.is_cap(t) && doc.lex.proxy(doc.base(t)) == Some(super::lexicon::ProxyKind::People)
}

/// "Vancouver-based", "Geneva-headquartered": a place word that says where a body sits.
fn is_based(doc: &Doc<'_>, t: usize) -> bool {
    let word = doc.word(t);
    word.ends_with("-based") || word.ends_with("-headquartered")
}

/// Bodies by the first word of their longer names ("Northvale" for "Northvale Resources"),
/// `None` where two bodies share it.
fn bodies_by_first_word(table: &Table) -> HashMap<String, Option<usize>> {
    let mut firsts: HashMap<String, Option<usize>> = HashMap::default();
    for (i, e) in table.entities.iter().enumerate() {
        if matches!(e.kind, EntityKind::Organization | EntityKind::Group)
            && let Some((first, _)) = e.name.split_once(' ')
        {
            firsts.entry(first.to_owned()).and_modify(|found| *found = None).or_insert(Some(i));
        }
    }
    firsts
}

/// A state's body named with the state: "Kazakhstan's Energy Ministry".
fn owned_name(table: &Table, state: usize, name: &str) -> String {
    format!("{}'s {name}", table.entities[state].name)
}

/// A word that reads as part of a portfolio's name: "Economic", "Affairs", "Development".
fn is_portfolio_word(doc: &Doc<'_>, t: usize) -> bool {
    let word = doc.base(t);
    let by_suffix = ["ment", "tion", "sion", "ity", "ness", "ture", "ism", "ics", "ship", "ries", "airs", "ic", "al"]
        .iter()
        .any(|suffix| word.ends_with(suffix));
    // "Deputy Minister of Foreign Affairs X", "Deputy Minister of Defence X".
    let named = doc.is_any(
        t,
        words![
            "foreign",
            "defence",
            "defense",
            "interior",
            "finance",
            "health",
            "justice",
            "trade",
            "energy",
            "water",
            "labour",
            "labor",
            "transport",
            "mines",
            "home",
            "information",
            "security",
            "industry",
            "commerce",
            "fisheries",
            "policy",
            "military",
            "media",
            "press",
            "climate",
            "oil",
            "petroleum",
            "planning",
            "youth",
            "women",
            "housing",
            "land",
            "lands",
            "works",
        ],
    );
    (by_suffix || named) && doc.lex.given_name_gender(word).is_none()
}

/// "Commissioner for Political Affairs of the AU Commission": a title's portfolio and nothing
/// after it, no one's name.
fn whole_portfolio(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    start > 0
        && doc.is_any(start - 1, words!["for", "of"])
        && portfolio_title_before(doc, start).is_some()
        && (start..end).all(|u| is_portfolio_word(doc, u))
}

/// "Commissioner for Political Affairs, Peace and Security X": words of a portfolio that goes on
/// after them ("Political Affairs" is followed by ", Peace …").
fn inside_portfolio(doc: &Doc<'_>, start: usize, end: usize) -> bool {
    let opened = start > 0 && (doc.is_any(start - 1, words!["for", "of", "and"]) || doc.is_punct(start - 1, ",&"));
    let goes_on = (doc.is_punct(end, ",&") || doc.is_any(end, words!["and"])) && doc.is_cap(end + 1);
    opened && goes_on && portfolio_title_before(doc, start).is_some()
}

/// "Maritime Affairs and Fisheries Minister X": words joined to more capitalised words that end
/// in a title, within the same run, name a portfolio.
fn portfolio_before_title(doc: &Doc<'_>, end: usize, run_end: usize) -> bool {
    (doc.is_any(end, words!["and"]) || doc.is_punct(end, "&"))
        && (end + 1..run_end)
            .find(|&u| !doc.is_cap(u) || doc.title_at(u).is_some())
            .is_some_and(|u| u > end + 1 && doc.title_at(u).is_some())
}

/// Capitalised words that describe a group of people rather than name one: "Mediators said"
/// (a plural noun opening a sentence, never written capitalised elsewhere), "Certain Western
/// diplomats" (words before a noun for people).
fn is_group_noun(doc: &Doc<'_>, mid_sentence: &rustc_hash::FxHashSet<&str>, start: usize, end: usize) -> bool {
    // "mainly Muslim Seleka rebels", "Haftar loyalists": a name for fighters or followers.
    let followers =
        words!["rebels", "militias", "fighters", "militants", "insurgents", "loyalists", "supporters", "gunmen"];
    if (doc.is_proxy(end) || doc.is_any(end, followers)) && !doc.is_cap(end) {
        return true;
    }
    let opens_sentence =
        start == 0 || doc.sentence_idx(start - 1) != doc.sentence_idx(start) || doc.is_punct(start - 1, "“\"‘'«„");
    let word = doc.base(start);
    let plural = word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
        && word.chars().all(|c| c.is_ascii_alphabetic());
    opens_sentence
        && end - start == 1
        && plural
        && doc.lex.given_name_gender(word).is_none()
        && !mid_sentence.contains(word)
}

/// "the Fifth Session", "the 39th Ordinary Summit": a name that opens with an ordinal counts
/// meetings or units, never a person.
fn opens_with_ordinal(doc: &Doc<'_>, start: usize) -> bool {
    const ORDINALS: Words = words![
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
    ];
    let word = doc.base(start);
    let numbered =
        word.starts_with(|c: char| c.is_ascii_digit()) && ["st", "nd", "rd", "th"].iter().any(|s| word.ends_with(s));
    doc.is_any(start, ORDINALS) || numbered
}

/// Capitalised words written somewhere other than at the start of a sentence or a quote.
fn mid_sentence_caps<'a>(doc: &Doc<'a>) -> rustc_hash::FxHashSet<&'a str> {
    (1..doc.n_tokens())
        .filter(|&t| doc.is_cap(t) && doc.sentence_idx(t - 1) == doc.sentence_idx(t) && !doc.is_punct(t - 1, "“\"‘'«„"))
        .map(|t| doc.base(t))
        .collect()
}

/// True if the name's last word is written more than once in the article.
fn surname_recurs(doc: &Doc<'_>, cap_words: &HashMap<&str, usize>, range: &Range<usize>) -> bool {
    cap_words.get(doc.base(range.end - 1)).is_some_and(|&n| n > 1)
}

fn surname_of(doc: &Doc<'_>, range: &Range<usize>) -> String {
    let mut start = range.end - 1;
    while start > range.start && doc.is_any(start - 1, SURNAME_PARTICLES) {
        start -= 1;
    }
    let span = Span::new(doc.span(start).start, doc.span(range.end - 1).end);
    super::doc::strip_possessive(&doc.text[span.range()]).to_owned()
}

/// A known person whose longer name ends with `part` ("Albuquerque Neto" of "Rodrigo
/// Albuquerque Neto") or, for one word, holds it after the first ("Lacayo" of "Ernesto Lacayo
/// Briones", a Spanish first surname).
fn find_by_name_part(table: &Table, part: &str) -> Option<usize> {
    let words: Vec<&str> = part.split_whitespace().collect();
    let last = *words.last()?;
    table
        .entities
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, e)| e.kind == EntityKind::Person && e.name.contains(last))
        .find(|(_, e)| {
            let name: Vec<&str> = e.name.split_whitespace().collect();
            name.len() > words.len()
                && (name.ends_with(&words) || (words.len() == 1 && name.len() >= 3 && name[1..].contains(&words[0])))
        })
        .map(|(i, _)| i)
}

fn find_by_surname(table: &Table, word: &str) -> Option<usize> {
    table
        .entities
        .iter()
        .enumerate()
        .rev()
        // "Ousmane" for "Hamid ag Ousmane", whose surname is "ag Ousmane".
        .find(|(_, e)| {
            e.kind == EntityKind::Person
                && e.surname.as_deref().is_some_and(|s| {
                    // "Al-Obeidi" opening a sentence for "al-Obeidi".
                    s.eq_ignore_ascii_case(word) || s.rsplit([' ', '-']).next() == Some(word)
                })
        })
        .or_else(|| {
            table
                .entities
                .iter()
                .enumerate()
                .rev()
                .find(|(_, e)| e.kind == EntityKind::Person && e.given.as_deref() == Some(word))
        })
        .map(|(i, _)| i)
}

/// Defined acronyms and short names anywhere in the text.
fn link_acronyms(doc: &Doc<'_>, table: &mut Table, acronyms: &HashMap<String, usize>) {
    for t in 0..doc.n_tokens() {
        if table.token_mention[t].is_none()
            && let Some(&e) = doc.is_cap(t).then(|| acronyms.get(doc.base(t))).flatten()
        {
            table.add(doc, t..t + 1, e, MentionForm::Acronym);
        }
    }
}

/// Whether a description of these classes can refer to `ent` ("the organization" to an igo,
/// "the country" to any country, "the driver" to a person without a post).
fn fits_description(classes: &[String], ent: &Ent) -> bool {
    classes.iter().any(|c| {
        c == &ent.class
            || (c == "person" && ent.kind == EntityKind::Person)
            // "the driver", "the farmer": someone who holds no post.
            || (c == "private" && ent.kind == EntityKind::Person && ent.roles.is_empty())
            || (c == "country" && ent.kind == EntityKind::Country)
            // "the mission" of "the European Union Mission in Armenia", an organ of the EU.
            || (c == "mission" && ent.name.split(' ').any(|w| w == "Mission"))
    })
}

/// The entity a description noun at `t` refers to: "the bloc('s)" → the latest bloc.
fn description_antecedent(doc: &Doc<'_>, table: &Table, t: usize) -> Option<usize> {
    const UNKNOWN: u32 = u32::MAX;
    const NO_FIT: u32 = u32::MAX - 1;
    let classes = doc.lex.description(doc.base(t))?;
    let fits = |e: usize| fits_description(classes, &table.entities[e]);
    // What a mention of each entity offers, worked out once per entity: the entity if it fits,
    // else its parent if that fits (after "the CSTO Council", "the organization" is the CSTO).
    let offered = vec![std::cell::Cell::new(UNKNOWN); table.entities.len()];
    let offer = |e: usize| {
        if offered[e].get() == UNKNOWN {
            let lex_parent = || {
                let parent = doc.lex.entities()[table.entities[e].lex?].parent?;
                table.by_lex.get(&parent).copied()
            };
            let fit = if fits(e) {
                Some(e)
            } else {
                table.entities[e].parent.map(|(p, _)| p).or_else(lex_parent).filter(|&p| fits(p))
            };
            offered[e].set(fit.map_or(NO_FIT, |f| f as u32));
        }
        let offer = offered[e].get();
        (offer != NO_FIT).then_some(offer as usize)
    };
    // The offers of the 200 latest mentions, nearest first.
    let candidates = || {
        table.before(doc.span(t).start).take(200).filter_map(|m| {
            let e = offer(m.entity)?;
            // "The NKDF, which fought alongside the SHLA, rejected the deal. … the group": not
            // a bystander in a relative clause (checked last: most mentions do not fit).
            let sentence_start = doc.article.sentences()[doc.sentence_idx(m.tokens.start)].tokens.start;
            (!super::stances::in_relative_clause(doc, sentence_start, m.tokens.start)).then_some(e)
        })
    };
    // "the army", "the military": the state's armed forces or the state, never a militia.
    let noun = doc.base(t);
    // "the government" too: the country the passage is about, not the latest one named
    // ("… aid from the UAE. The opposition accused the government of …").
    let is_state_organ = ["army", "military", "government", "junta"].iter().any(|n| noun.eq_ignore_ascii_case(n));
    if is_state_organ {
        let organ_names: &[&str] = if noun.eq_ignore_ascii_case("government") {
            &["Government"]
        } else {
            &["Army", "Armed Forces", "Military", "Defence Forces", "Defense Forces"]
        };
        let is_named_force = |e: usize| organ_names.iter().any(|n| table.entities[e].name.contains(n));
        // A junta that named itself is "the junta" and, while it rules, "the military" too.
        let junta = || (!noun.eq_ignore_ascii_case("government")).then(|| table.junta()).flatten();
        // Else the country that the article calls the junta's ("the Myanmar junta"), else the
        // latest country named.
        if noun.eq_ignore_ascii_case("junta") {
            let ruled = || {
                table
                    .mentions
                    .iter()
                    .find(|m| table.entities[m.entity].kind == EntityKind::Country && doc.is(m.tokens.end, "junta"))
            };
            return junta()
                .or_else(|| ruled().map(|m| m.entity))
                .or_else(|| candidates().find(|&e| table.entities[e].kind == EntityKind::Country));
        }
        // "In Kenya, the renewal reopened a debate. … accused the government of …": the
        // country the sentence or the paragraph opens in.
        let paragraph_state = || {
            located_state(doc, table, t).or_else(|| {
                in_state_opening(doc, table, doc.paragraph_tokens(doc.paragraph_of(t)).start).map(|(state, _)| state)
            })
        };
        // "the government" unqualified: the state the article is about ("IGALIKU FJORD,
        // Greenland — … she rejected claims that the government had rushed the review").
        let governed = || noun.eq_ignore_ascii_case("government").then(|| article_state(doc, table)).flatten();
        // Else the country the passage is most about, not merely the last one named.
        return candidates()
            .find(|&e| is_named_force(e))
            .or_else(junta)
            .or_else(paragraph_state)
            .or_else(governed)
            .or_else(|| ranked_countries(table, candidates()).first().map(|&(e, _)| e));
    }
    // "the community" is the East African Community even if another body came since.
    let is_named =
        |e: usize| table.entities[e].name.rsplit(' ').next().is_some_and(|last| last.eq_ignore_ascii_case(noun));
    // Capitalised, "the Commission" is the one the article is about, not the latest named
    // ("the Venice Commission" is called so in full): the most mentioned, then the latest.
    let named = if doc.is_cap(t) {
        // Token by token, so that descriptions resolved just before count too.
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for u in (t.saturating_sub(600)..t).rev() {
            let Some(m) = table.mention_at(u).filter(|m| m.tokens.start == u && is_named(m.entity)) else {
                continue;
            };
            match counts.iter_mut().find(|(c, _)| *c == m.entity) {
                Some((_, n)) => *n += 1,
                None => counts.push((m.entity, 1)),
            }
        }
        // `max_by_key` keeps the last of equals: iterate from the earliest.
        counts.into_iter().rev().max_by_key(|&(_, n)| n).map(|(e, _)| e)
    } else {
        candidates().find(|&e| is_named(e))
    };
    named.or_else(|| candidates().next())
}

/// What "its" at `t` refers to: the subject of the sentence before when it is a country or an
/// organization ("The Refugee Council, which supports asylum seekers in the UK, condemned the
/// plan. Its chief executive …"), else the latest country or organization.
pub(crate) fn its_antecedent(doc: &Doc<'_>, table: &Table, t: usize) -> Option<usize> {
    let si = doc.sentence_idx(t);
    let sentence = doc.article.sentences()[si].tokens.clone();
    let before = if t == sentence.start {
        si.checked_sub(1).map(|p| doc.article.sentences()[p].tokens.clone())
    } else {
        Some(sentence.start..t)
    };
    // "The MLNE, which is led by a former colonel, X, was represented by its spokesman": the
    // body that opens the sentence, when its subject found is none.
    let opening_body = |range: Range<usize>| {
        let first = range.clone().find(|&u| doc.is_word(u) && !doc.is_any(u, words!["the"]))?;
        table.mention_at(first).map(|m| m.entity).filter(|&e| is_body(table, e))
    };
    before
        .clone()
        .and_then(|range| super::stances::sentence_subject(doc, table, range))
        .filter(|&e| is_body(table, e))
        .or_else(|| before.and_then(opening_body))
        .or_else(|| table.before(doc.span(t).start).take(50).find(|m| is_body(table, m.entity)).map(|m| m.entity))
}

/// What "It" opening a sentence at `t` refers to: the subject of the sentence before when that
/// is a country or an organization ("The Vietnam Fisheries Society went further. It condemned
/// …"); nothing otherwise, since "it" mostly stands for things.
pub(crate) fn it_antecedent(doc: &Doc<'_>, table: &Table, t: usize) -> Option<usize> {
    let si = doc.sentence_idx(t);
    let sentences = doc.article.sentences();
    let start = sentences[si].tokens.start;
    // "In a post on Telegram, it said": after an opening phrase, too.
    let after_opening = t > start + 2
        && doc.is_punct(t - 1, ",")
        && doc.is_any(start, super::stances::PREPOSITIONS)
        && (start + 1..t - 1).all(|u| doc.is_word(u) && doc.quote_of(u).is_none());
    if !doc.is_any(t, words!["it"]) || (start != t && !after_opening) || si == 0 {
        return None;
    }
    let before = sentences[si - 1].tokens.clone();
    if doc.paragraph_of(before.start) != doc.paragraph_of(t) {
        return None;
    }
    super::stances::sentence_subject(doc, table, before).filter(|&e| is_body(table, e))
}

/// Nouns for what an actor issues and that can stand for it as a speaker: "the communique said".
const ISSUED_DOCUMENTS: Words =
    words!["statement", "communique", "communiqué", "declaration", "resolution", "release", "readout"];

/// True for an issued document named definitely at `t`: "the statement", "the final communique".
pub(crate) fn is_definite_document(doc: &Doc<'_>, t: usize) -> bool {
    doc.is_any(t, ISSUED_DOCUMENTS) && (t.saturating_sub(2)..t).any(|u| doc.is_any(u, words!["the"]))
}

/// A country, an organization or a group: what "its" and an issued document can stand for.
fn is_body(table: &Table, e: usize) -> bool {
    matches!(table.entities[e].kind, EntityKind::Country | EntityKind::Organization | EntityKind::Group)
}

/// Who issued the document that a definite "the statement" at `t` names: where the article
/// first calls it so, the latest organization named outside quotes in the three sentences
/// before, else the latest country.
pub(crate) fn document_issuer(doc: &Doc<'_>, table: &Table, t: usize) -> Option<usize> {
    let first = (0..t)
        .find(|&u| doc.key(u) == doc.key(t) && doc.quote_of(u).is_none() && is_definite_document(doc, u))
        .unwrap_or(t);
    let si = doc.sentence_idx(first);
    let sentences = doc.article.sentences();
    let window = si.saturating_sub(3)..si;
    let from = sentences.get(window.start).map_or(0, |s| doc.span(s.tokens.start).start);
    let to = doc.span(sentences[si].tokens.start).start;
    let recent: Vec<&Mention> = table
        .before(to)
        .take_while(|m| m.span.start >= from)
        .filter(|m| doc.quote_of(m.tokens.start).is_none() && is_body(table, m.entity))
        .collect();
    recent
        .iter()
        .find(|m| table.entities[m.entity].kind != EntityKind::Country)
        .or_else(|| recent.first())
        .map(|m| m.entity)
}

/// Surnames ("Zas"), surnames with particles, and defined acronyms anywhere in the text.
fn link_surnames_and_acronyms(doc: &Doc<'_>, table: &mut Table, acronyms: &HashMap<String, usize>) {
    let mut surnames: Vec<(Vec<String>, usize)> = table
        .entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((e.surname.as_ref()?.split_whitespace().map(str::to_owned).collect(), i)))
        .collect();
    // "Khafaji" for "Salman al-Khafaji": the surname without its particle.
    let bare: Vec<(Vec<String>, usize)> = surnames
        .iter()
        .filter_map(|(parts, i)| {
            let [word] = parts.as_slice() else { return None };
            let (_, rest) = word.split_once(['-', '’', '\''])?;
            (super::doc::is_particle_name(word) && rest.chars().count() > 2).then(|| (vec![rest.to_owned()], *i))
        })
        .collect();
    surnames.splice(0..0, bare);
    // A Spanish first surname alone names the person too: "Valdivieso" for "Ernesto Valdivieso
    // Arroyo".
    let first_surnames = table.entities.iter().enumerate().filter_map(|(i, e)| {
        let words: Vec<&str> = e.name.split_whitespace().collect();
        let part = *words.get(words.len().checked_sub(2)?)?;
        let is_name = part.starts_with(char::is_uppercase) && part.chars().skip(1).all(char::is_lowercase);
        (e.kind == EntityKind::Person && words.len() >= 3 && is_name && e.surname.is_some())
            .then(|| (vec![part.to_owned()], i))
    });
    // A company's first word alone names it: "Boreal" for "Boreal Critical Metals", unless
    // that word names something else or anyone.
    let company_words = table.entities.iter().enumerate().filter_map(|(i, e)| {
        let (first, rest) = e.name.split_once(' ')?;
        let distinctive = first.chars().count() > 3
            && first.starts_with(char::is_uppercase)
            && first.chars().skip(1).all(char::is_lowercase)
            && !doc.lex.is_common_word(first)
            && doc.lex.given_name_gender(first).is_none()
            && doc.lex.org_head(first).is_none()
            && doc.lex.resolve(first).is_none();
        let company = e.class == "company" || rest.split(' ').any(|w| doc.lex.is_company_head(w));
        // Known companies too: "Tianqi" for Tianqi Lithium.
        (e.kind == EntityKind::Organization && company && distinctive).then(|| (vec![first.to_owned()], i))
    });
    let given: Vec<(Vec<String>, usize)> = table
        .entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.given.as_ref().map(|g| (vec![g.clone()], i)))
        .chain(first_surnames)
        .chain(company_words)
        .filter(|(g, _)| !surnames.iter().any(|(s, _)| s == g))
        .collect();
    // First words of names (and first surnames) come after every surname, so that a surname
    // wins when both fit; a first word that is someone's surname is left to that person.
    surnames.splice(0..0, given);
    // Names by the key of their first word, so that each token looks at only the names it may
    // begin (in list order: later entries win).
    let mut by_first: HashMap<u64, Vec<usize>> = HashMap::default();
    for (i, (parts, _)) in surnames.iter().enumerate() {
        if let Some(first) = parts.first() {
            by_first.entry(super::doc::word_key(first)).or_default().push(i);
        }
    }
    for t in 0..doc.n_tokens() {
        if table.token_mention[t].is_some() || !doc.is_word(t) {
            continue;
        }
        if let Some(&e) = doc.is_all_caps(t).then(|| acronyms.get(doc.base(t))).flatten() {
            table.add(doc, t..t + 1, e, MentionForm::Acronym);
            continue;
        }
        if !doc.is_cap(t) && !doc.is_any(t, SURNAME_PARTICLES) {
            continue;
        }
        let Some(candidates) = by_first.get(&doc.key(t)) else { continue };
        for (parts, e) in candidates.iter().rev().map(|&i| &surnames[i]) {
            let n = parts.len();
            if t + n > doc.n_tokens() {
                continue;
            }
            let matches = (0..n).all(|k| {
                let w = if k + 1 == n { doc.base(t + k) } else { doc.word(t + k) };
                // "Al-Obeidi" opening a sentence for "al-Obeidi".
                let particle = parts[k].starts_with(char::is_lowercase);
                w == parts[k] || (particle && w.eq_ignore_ascii_case(&parts[k]))
            });
            if matches && !doc.is_cap(t + n) {
                table.add(doc, t..t + n, *e, MentionForm::Surname);
                break;
            }
        }
    }
}

/// "The UK home secretary has accused … \n\n Helen Marchbank told MPs …": a lede that names
/// an office without its holder, and the next sentences that open with a person's full name
/// and no title of their own: that person holds the office.
fn lede_titles(doc: &Doc<'_>, table: &mut Table) {
    let paragraphs = doc.article.paragraphs().len().min(3);
    for pi in 0..paragraphs {
        let range = doc.paragraph_tokens(pi);
        if range.is_empty() || doc.is_heading(range.start) {
            continue;
        }
        for t in range {
            let Some(title_idx) = doc.title_at(t) else { continue };
            let info = doc.lex.title(title_idx);
            let end = t + doc.word_hit_len(t);
            if info.is_honorific() || is_name_word(doc, end) || doc.is_punct(end, ",") || table.mention_at(t).is_some()
            {
                continue;
            }
            let org = t
                .checked_sub(1)
                .and_then(|u| table.mention_at(u))
                .filter(|m| table.entities[m.entity].kind != EntityKind::Person);
            let first = org.map_or(t, |m| m.tokens.start);
            // "the Kenyan foreign minister", or a possessive in place of "the": "Brazil's
            // environment minister on Wednesday accused …".
            let possessive = org.is_some_and(|m| doc.is_possessive(m.tokens.end - 1));
            let org = org.map(|m| m.entity);
            if !possessive && (first == 0 || !doc.is_any(first - 1, words!["the"])) {
                continue;
            }
            if table.entities.iter().any(|e| e.roles.iter().any(|r| r.title == info.title)) {
                continue;
            }
            // The first person named after the lede's sentence, if that name opens a sentence.
            let si = doc.sentence_idx(t);
            let Some(next) = (doc.article.sentences()[si].tokens.end..doc.n_tokens())
                .take_while(|&u| doc.paragraph_of(u) <= pi + 2)
                .find_map(|u| table.mention_at(u).filter(|m| table.entities[m.entity].kind == EntityKind::Person))
            else {
                continue;
            };
            let opens = doc.article.sentences()[doc.sentence_idx(next.tokens.start)].tokens.start == next.tokens.start;
            let e = next.entity;
            if opens && next.form == MentionForm::Name && table.entities[e].roles.is_empty() {
                let span = next.span;
                let title_span = Span::new(doc.span(t).start, doc.span(end - 1).end);
                push_role(table, e, info.title.clone(), info.category.clone(), org, span, title_span);
                // The lede's title names that person too ("Brazil's" still names Brazil).
                if (t..end).all(|u| table.token_mention[u].is_none()) {
                    table.replace(doc, t..end, e, MentionForm::TitleRef);
                }
            }
            return;
        }
    }
}

/// "the Secretary General", "the CSTO Secretary General", "the Secretary General of the
/// organization", "the minister": the person who holds that title.
fn title_references(doc: &Doc<'_>, table: &mut Table) {
    let holders: Vec<(usize, String, String, Option<usize>)> = table
        .entities
        .iter()
        .enumerate()
        .flat_map(|(e, ent)| ent.roles.iter().map(move |r| (e, r.title.clone(), r.category.clone(), r.org)))
        .collect();
    if holders.is_empty() {
        return;
    }
    let mut t = 0;
    while t < doc.n_tokens() {
        let Some(title_idx) = doc.title_at(t) else {
            t += 1;
            continue;
        };
        let len = doc.word_hit_len(t);
        let end = t + len;
        let info = doc.lex.title(title_idx);
        if info.is_honorific()
            || table.mention_at(t).is_some()
            || (end < doc.n_tokens() && is_name_word(doc, end) && table.mention_at(end).is_some())
        {
            t = end;
            continue;
        }
        // Determiner and optional modifier before the title.
        let mut first = t;
        let mut org = None;
        if let Some(m) = t.checked_sub(1).and_then(|u| table.mention_at(u))
            && table.entities[m.entity].kind != EntityKind::Person
        {
            org = Some(m.entity);
            first = m.tokens.start;
        }
        // "the minister", or a possessive in its place: "Brazil's environment minister".
        let has_det =
            (first > 0 && doc.is_any(first - 1, words!["the", "this"])) || (org.is_some() && doc.is_possessive(t - 1));
        // "Home secretary accuses French police …": a headline that opens with a title.
        let opens_headline = doc.is_heading(t) && doc.paragraph_tokens(doc.paragraph_of(t)).start == first;
        if !has_det && !opens_headline {
            t = end;
            continue;
        }
        let mut last = end;
        if doc.is_any(end, words!["of", "for"]) {
            let mut u = end + 1;
            if doc.is_any(u, words!["the"]) {
                u += 1;
            }
            if doc.lex.description(doc.base(u)).is_some() || table.mention_at(u).is_some() {
                last = u + 1;
            }
        }
        let same_title: Vec<&(usize, String, String, Option<usize>)> =
            holders.iter().filter(|(_, title, _, o)| *title == info.title && (org.is_none() || *o == org)).collect();
        let by_category: Vec<&(usize, String, String, Option<usize>)> = holders
            .iter()
            .filter(|(_, _, category, o)| *category == info.category && (org.is_none() || *o == org))
            .collect();
        let mut pool = if same_title.is_empty() { by_category } else { same_title };
        // A generic title ("the Russian diplomat", "a Chinese official") with a country or
        // organization before it: whoever holds any role for that actor.
        if pool.is_empty() && org.is_some() && info.title.eq_ignore_ascii_case(&info.category) {
            pool = holders.iter().filter(|(.., o)| *o == org).collect();
        }
        let pos = doc.span(t).start;
        // A headline names the title before its holder: the one holder there is.
        let headline_holder = match pool.as_slice() {
            [(e, ..)] if opens_headline => Some((0, *e)),
            _ => None,
        };
        // A title refers back: to the holder named most recently before it.
        let best = pool
            .iter()
            .filter_map(|(e, ..)| Some((table.before(pos).take(500).find(|m| m.entity == *e)?.span.start, *e)))
            .max()
            .or(headline_holder);
        // "A council diplomat, speaking on condition of anonymity, … the diplomat said": someone
        // introduced without a name since the holder was last named.
        let anonymous = best.is_some_and(|(last, _)| {
            (0..t).rev().take_while(|&u| doc.span(u).start > last).any(|u| {
                doc.title_at(u) == Some(title_idx)
                    && (u.saturating_sub(3)..u).any(|a| doc.is_any(a, words!["a", "an", "another", "one"]))
            })
        });
        if let Some((_, e)) = best.filter(|_| !anonymous) {
            // "Brazil's environment minister": the possessive still names Brazil.
            let tokens = if org.is_some() && doc.is_possessive(t - 1) { t..last } else { first..last };
            if tokens.clone().all(|u| table.token_mention[u].is_none() || table.entity_at(u) == org) {
                table.replace(doc, tokens, e, MentionForm::TitleRef);
            }
        }
        t = last.max(t + 1);
    }
}

/// True if "a"/"an" with the noun at `t` ("A council diplomat …") came after `e` was last
/// named: "the diplomat" then is that unnamed person.
fn introduced_anonymously(doc: &Doc<'_>, table: &Table, e: usize, t: usize) -> bool {
    let pos = doc.span(t).start;
    let Some(last) = table.before(pos).find(|m| m.entity == e).map(|m| m.span.end) else { return false };
    let noun = doc.key(t);
    (0..t).rev().take_while(|&u| doc.span(u).start >= last).any(|u| {
        doc.key(u) == noun && (u.saturating_sub(3)..u).any(|a| doc.is_any(a, words!["a", "an", "another", "one"]))
    })
}

/// Whose people a proxy noun at `u` names: "EU leaders", "the bloc's ministers", "leaders of
/// the African Union", and the body holding a "summit" ("the AU summit", "the summit of the
/// GCC"). Not "the leaders of Russia and China", who are two.
fn proxy_owner(doc: &Doc<'_>, table: &Table, u: usize) -> Option<usize> {
    if let Some(m) = u.checked_sub(1).and_then(|b| table.mention_at(b)).filter(|m| m.tokens.end == u) {
        return Some(m.entity).filter(|&e| is_body(table, e));
    }
    if !doc.is(u + 1, "of") {
        return None;
    }
    let at = u + 2 + usize::from(doc.is(u + 2, "the"));
    let m = table.mention_at(at).filter(|m| m.tokens.start == at && is_body(table, m.entity))?;
    (!doc.is_any(m.tokens.end, words!["and", "or"])).then_some(m.entity)
}

/// "The leaders condemned …": a bare plural of people stands for whose they were last called
/// ("Leaders of the African Union met …"), else for the body whose summit the article reported.
fn bare_proxy_antecedent(doc: &Doc<'_>, table: &Table, t: usize) -> Option<usize> {
    (t.saturating_sub(2000)..t)
        .rev()
        .filter(|&u| doc.key(u) == doc.key(t) || doc.is(u, "summit"))
        .find_map(|u| proxy_owner(doc, table, u))
}

/// "the alliance", "the organization’s", "this country": the latest compatible entity.
fn descriptions(doc: &Doc<'_>, table: &mut Table) {
    // "Venezuela's government … Its foreign ministry condemned …": the country the possessive
    // stands for speaks through its ministry.
    for t in 0..doc.n_tokens() {
        if !doc.is_any(t, words!["its"]) {
            continue;
        }
        let Some((_, words)) = lower_phrase_at(doc, t + 1, STATE_ORGANS) else { continue };
        let tokens = t..t + 1 + words.len();
        if tokens.clone().any(|u| table.token_mention[u].is_some()) {
            continue;
        }
        if let Some(e) = its_antecedent(doc, table, t).filter(|&e| table.entities[e].kind == EntityKind::Country) {
            table.add(doc, tokens, e, MentionForm::Description);
        }
    }
    for t in 1..doc.n_tokens() {
        if doc.is_proxy(t)
            && doc.word(t).ends_with('s')
            && doc.is_any(t - 1, words!["the"])
            && table.token_mention[t].is_none()
            && doc.lex.proxy(doc.base(t)) == Some(super::lexicon::ProxyKind::People)
            && !doc.is_any(t + 1, words!["of", "from"])
            && let Some(e) = bare_proxy_antecedent(doc, table, t)
        {
            table.add(doc, t..t + 1, e, MentionForm::Description);
        }
    }
    for t in 1..doc.n_tokens() {
        // "the 15-member council", "the 27-nation bloc", "the 52-year-old driver": a size or
        // an age between article and noun.
        let sized = |u: usize| {
            let w = doc.word(u);
            doc.is_word(u)
                && w.contains('-')
                && ["member", "nation", "country", "state", "party", "strong", "old"].iter().any(|s| w.ends_with(s))
        };
        // "the ruling party", "the governing coalition": the party in power named before.
        let in_power = |u: usize| doc.is_any(u, words!["ruling", "governing"]);
        let det = if t >= 2 && (sized(t - 1) || in_power(t - 1)) { t - 2 } else { t - 1 };
        // "A Commission spokesperson", "a Council official": the body the capital noun names.
        let of_body = doc.is_any(det, words!["a", "an"])
            && doc.is_cap(t)
            && (doc.title_at(t + 1).is_some() || doc.is_proxy(t + 1));
        if table.token_mention[t].is_some() || !(of_body || doc.is_any(det, words!["the", "this", "that"])) {
            continue;
        }
        if doc.lex.description(doc.base(t)).is_none() {
            continue;
        }
        if doc.is_cap(t) && doc.is_cap(t + 1) || doc.is_any(t + 1, words!["of"]) && doc.is_cap(t + 2) {
            continue; // part of a name: "the Council of Europe"
        }
        // "The director of the AU, Aminata Kouadio, said": the post's holder is named next.
        let holder_named = || {
            let comma = (t + 1..(t + 10).min(doc.n_tokens())).find(|&u| doc.is_punct(u, ",.;:"))?;
            let m = table.mention_at(comma + 1).filter(|m| m.tokens.start == comma + 1)?;
            (doc.is_punct(comma, ",") && table.entities[m.entity].kind == EntityKind::Person).then_some(())
        };
        let of_a_person = doc.lex.description(doc.base(t)).is_some_and(|c| c.iter().any(|c| c == "person"));
        if of_a_person && holder_named().is_some() {
            continue;
        }
        let antecedent = description_antecedent(doc, table, t);
        if let Some(e) = antecedent.filter(|&e| !introduced_anonymously(doc, table, e, t)) {
            table.add(doc, t..t + 1, e, MentionForm::Description);
        }
    }
}
