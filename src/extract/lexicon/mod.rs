//! The lexicon: countries, organizations, places, titles, speech verbs and stance cues, with two
//! phrase matchers (names are case-sensitive, words are not).
//!
//! Invariant: every hit returned by [`Lexicon::names`] and [`Lexicon::words`] starts and ends on
//! a word boundary of the text it was found in.

pub mod format;
mod phrases;

use phrases::{Phrases, is_word_char};

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::{EntityKind, Polarity};
use crate::article::Span;

mod tables {
    include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));
}

/// An entry of `countries.tsv`, `organizations.tsv` or `places.tsv`.
#[derive(Clone, Debug)]
pub struct LexEntity {
    /// Canonical name.
    pub name: String,
    /// Kind of actor.
    pub kind: EntityKind,
    /// Finer class: `state`, `territory`, an organization kind, `region`, `city`, `area`.
    pub class: String,
    /// The parent organization (organizations) or containing country (places).
    pub parent: Option<usize>,
    /// ISO 3166 code (countries).
    pub iso2: Option<String>,
}

/// How a name hit was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// The canonical name or an alias.
    Name,
    /// A demonym or adjective ("Belarusian").
    Demonym,
    /// The capital city: the state when it acts, a place otherwise.
    Capital,
    /// A seat of government ("the Kremlin").
    Seat,
}

/// A lexicon entity found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameHit {
    /// Where.
    pub span: Span,
    /// Index into [`Lexicon::entities`].
    pub entity: usize,
    /// How it was written.
    pub form: FormKind,
}

/// Gender implied by a title.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
}

/// A title or role.
#[derive(Clone, Debug)]
pub struct Title {
    /// Canonical spelling.
    pub title: String,
    /// Category from `titles.tsv`.
    pub category: String,
    /// Gender, when the title implies one.
    pub gender: Option<Gender>,
}

impl Title {
    /// Honorifics (Mr., Dr.) are not roles.
    pub fn is_honorific(&self) -> bool {
        self.category == "honorific"
    }
}

/// A speech verb or phrase.
#[derive(Clone, Debug)]
pub struct SpeechVerb {
    /// Kind from `speech_verbs.tsv` (`say`, `tell`, `according`, ...).
    pub kind: String,
}

/// A stance cue.
#[derive(Clone, Debug)]
pub struct Cue {
    /// The cue as listed.
    pub cue: String,
    /// Polarity.
    pub polarity: Polarity,
    /// CAMEO-like category.
    pub category: String,
    /// Confidence in 0..=1.
    pub weight: f32,
}

/// What a word hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordTarget {
    /// Index into titles.
    Title(usize),
    /// Index into speech verbs.
    Speech(usize),
    /// Index into cues.
    Cue(usize),
    /// A proxy noun ("leaders", "officials").
    Proxy(ProxyKind),
}

/// Words and phrases found in the text.
#[derive(Clone, Debug)]
pub struct WordHit {
    /// Where.
    pub span: Span,
    /// Which pattern matched; [`Lexicon::targets`] tells what it is.
    pub pattern: u32,
}

/// What a proxy noun makes of the actor it is attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProxyKind {
    /// Leaders, officials: people speaking for the actor.
    People,
    /// Member states.
    Members,
    /// The government.
    Government,
}

/// The compiled lexicon.
pub struct Lexicon {
    entities: Vec<LexEntity>,
    name_targets: Vec<(usize, FormKind)>,
    names: Phrases,
    forms: HashMap<String, usize>,
    titles: Vec<Title>,
    speech: Vec<SpeechVerb>,
    cues: Vec<Cue>,
    word_targets: Vec<Vec<WordTarget>>,
    words: Phrases,
    org_heads: HashMap<String, EntityKind>,
    document_heads: HashSet<String>,
    feature_heads: HashSet<String>,
    company_heads: HashSet<String>,
    given_names: HashMap<String, Gender>,
    descriptions: HashMap<String, Vec<String>>,
    proxies: HashMap<String, ProxyKind>,
    common: HashSet<String>,
    /// Common words of class "function" ("Can", "However"), which open no name.
    function_words: HashSet<String>,
}

/// Rows of each lexicon file, by file name.
type Files<'a> = HashMap<&'a str, Vec<Vec<&'a str>>>;

impl Lexicon {
    /// The lexicon compiled from `assets/lexicon` (built once, then shared).
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut files: Files<'static> = HashMap::default();
            let tables: [(&str, Vec<Vec<&'static str>>); 11] = [
                ("countries.tsv", tables::COUNTRIES.iter().map(|r| r.to_vec()).collect()),
                ("organizations.tsv", tables::ORGANIZATIONS.iter().map(|r| r.to_vec()).collect()),
                ("places.tsv", tables::PLACES.iter().map(|r| r.to_vec()).collect()),
                ("titles.tsv", tables::TITLES.iter().map(|r| r.to_vec()).collect()),
                ("speech_verbs.tsv", tables::SPEECH_VERBS.iter().map(|r| r.to_vec()).collect()),
                ("stance_cues.tsv", tables::STANCE_CUES.iter().map(|r| r.to_vec()).collect()),
                ("org_heads.tsv", tables::ORG_HEADS.iter().map(|r| r.to_vec()).collect()),
                ("descriptions.tsv", tables::DESCRIPTIONS.iter().map(|r| r.to_vec()).collect()),
                ("proxies.tsv", tables::PROXIES.iter().map(|r| r.to_vec()).collect()),
                ("common_words.tsv", tables::COMMON_WORDS.iter().map(|r| r.to_vec()).collect()),
                ("given_names.tsv", tables::GIVEN_NAMES.iter().map(|r| r.to_vec()).collect()),
            ];
            files.extend(tables);
            Self::from_files(&files)
        })
    }

    /// A lexicon from TSV texts, by file name (`"countries.tsv"`, ...); files not given are empty.
    /// Meant for tests that need a tiny lexicon.
    pub fn from_tsv(texts: &[(&str, &str)]) -> Result<Lexicon, String> {
        let mut parsed: Vec<(&str, Vec<format::Row>)> = Vec::new();
        for (file, text) in texts {
            let schema = format::SCHEMAS
                .iter()
                .find(|s| s.file == *file)
                .ok_or_else(|| format!("unknown lexicon file {file}"))?;
            let rows = format::parse(schema, text)
                .map_err(|errors| errors.iter().map(|e| format!("{file}:{e}")).collect::<Vec<_>>().join("\n"))?;
            parsed.push((schema.file, rows));
        }
        let files: Files<'_> = parsed
            .iter()
            .map(|(file, rows)| (*file, rows.iter().map(|r| r.fields.iter().map(String::as_str).collect()).collect()))
            .collect();
        Ok(Self::from_files(&files))
    }

    fn from_files(files: &Files<'_>) -> Lexicon {
        let rows = |file: &str| files.get(file).map_or(&[][..], Vec::as_slice);
        let mut entities = Vec::new();
        let mut name_patterns: Vec<String> = Vec::new();
        let mut name_targets = Vec::new();
        let mut forms = HashMap::default();
        let mut add_form = |form: &str,
                            entity: usize,
                            kind: FormKind,
                            patterns: &mut Vec<String>,
                            targets: &mut Vec<(usize, FormKind)>| {
            for variant in spelling_variants(form, true) {
                forms.entry(variant.clone()).or_insert(entity);
                patterns.push(variant);
                targets.push((entity, kind));
            }
        };
        for row in rows("countries.tsv") {
            let idx = entities.len();
            entities.push(LexEntity {
                name: row[0].to_owned(),
                kind: EntityKind::Country,
                class: row[2].to_owned(),
                parent: None,
                iso2: Some(row[1].to_owned()),
            });
            add_form(row[0], idx, FormKind::Name, &mut name_patterns, &mut name_targets);
            for alias in format::split_list(row[3]) {
                add_form(alias, idx, FormKind::Name, &mut name_patterns, &mut name_targets);
            }
            for demonym in format::split_list(row[4]) {
                add_form(demonym, idx, FormKind::Demonym, &mut name_patterns, &mut name_targets);
            }
            for capital in format::split_list(row[5]) {
                add_form(capital, idx, FormKind::Capital, &mut name_patterns, &mut name_targets);
            }
            for seat in format::split_list(row[6]) {
                add_form(seat, idx, FormKind::Seat, &mut name_patterns, &mut name_targets);
            }
        }
        let n_countries = entities.len();
        let org_rows = rows("organizations.tsv");
        let first_org = entities.len();
        for row in org_rows {
            let idx = entities.len();
            let kind = match row[1] {
                "armed" | "movement" => EntityKind::Group,
                _ => EntityKind::Organization,
            };
            entities.push(LexEntity {
                name: row[0].to_owned(),
                kind,
                class: row[1].to_owned(),
                parent: None,
                iso2: None,
            });
            add_form(row[0], idx, FormKind::Name, &mut name_patterns, &mut name_targets);
            for alias in format::split_list(row[2]) {
                add_form(alias, idx, FormKind::Name, &mut name_patterns, &mut name_targets);
            }
            // A seat stands for the organization as a capital stands for its state.
            for seat in format::split_list(row[4]) {
                add_form(seat, idx, FormKind::Capital, &mut name_patterns, &mut name_targets);
            }
        }
        for (offset, row) in org_rows.iter().enumerate() {
            if row[3] != "-" {
                entities[first_org + offset].parent =
                    org_rows.iter().position(|r| r[0] == row[3]).map(|p| first_org + p);
            }
        }
        for row in rows("places.tsv") {
            let idx = entities.len();
            let parent = (row[3] != "-")
                .then(|| entities[..n_countries].iter().position(|e| e.iso2.as_deref() == Some(row[3])))
                .flatten();
            entities.push(LexEntity {
                name: row[0].to_owned(),
                kind: EntityKind::Place,
                class: row[1].to_owned(),
                parent,
                iso2: None,
            });
            add_form(row[0], idx, FormKind::Name, &mut name_patterns, &mut name_targets);
            for alias in format::split_list(row[2]) {
                add_form(alias, idx, FormKind::Name, &mut name_patterns, &mut name_targets);
            }
        }
        let names = Phrases::new(&name_patterns, false);

        let mut word_index: HashMap<String, usize> = HashMap::default();
        let mut word_patterns: Vec<String> = Vec::new();
        let mut word_targets: Vec<Vec<WordTarget>> = Vec::new();
        let mut add_word = |phrase: &str, target: WordTarget| {
            // Titles and cues list both spellings where both are used, each with its own label.
            for variant in spelling_variants(&phrase.to_lowercase(), false) {
                let slot = *word_index.entry(variant.clone()).or_insert_with(|| {
                    word_patterns.push(variant);
                    word_targets.push(Vec::new());
                    word_targets.len() - 1
                });
                if !word_targets[slot].contains(&target) {
                    word_targets[slot].push(target);
                }
            }
        };
        let mut titles = Vec::new();
        for row in rows("titles.tsv") {
            let idx = titles.len();
            titles.push(Title {
                title: row[0].to_owned(),
                category: row[1].to_owned(),
                gender: match row[2] {
                    "m" => Some(Gender::Male),
                    "f" => Some(Gender::Female),
                    _ => None,
                },
            });
            add_word(row[0], WordTarget::Title(idx));
            for alias in format::split_list(row[3]) {
                add_word(alias, WordTarget::Title(idx));
            }
        }
        let mut speech = Vec::new();
        for row in rows("speech_verbs.tsv") {
            add_word(row[0], WordTarget::Speech(speech.len()));
            speech.push(SpeechVerb { kind: row[1].to_owned() });
        }
        let mut cues = Vec::new();
        for row in rows("stance_cues.tsv") {
            add_word(row[0], WordTarget::Cue(cues.len()));
            cues.push(Cue {
                cue: row[0].to_owned(),
                polarity: match row[1] {
                    "positive" => Polarity::Positive,
                    "negative" => Polarity::Negative,
                    _ => Polarity::Neutral,
                },
                category: row[2].to_owned(),
                weight: row[3].parse().unwrap_or(0.5),
            });
        }
        for row in rows("proxies.tsv") {
            let kind = match row[1] {
                "members" => ProxyKind::Members,
                "government" => ProxyKind::Government,
                _ => ProxyKind::People,
            };
            add_word(row[0], WordTarget::Proxy(kind));
        }
        let words = Phrases::new(&word_patterns, true);

        let document_heads =
            rows("org_heads.tsv").iter().filter(|r| r[1] == "document").map(|r| r[0].to_owned()).collect();
        let feature_heads =
            rows("org_heads.tsv").iter().filter(|r| r[1] == "feature").map(|r| r[0].to_owned()).collect();
        let company_heads =
            rows("org_heads.tsv").iter().filter(|r| r[1] == "company").map(|r| r[0].to_owned()).collect();
        let org_heads = rows("org_heads.tsv")
            .iter()
            .filter(|r| r[1] != "document" && r[1] != "feature")
            .map(|r| {
                let kind = if r[1] == "group" { EntityKind::Group } else { EntityKind::Organization };
                (r[0].to_owned(), kind)
            })
            .collect();
        let descriptions = rows("descriptions.tsv")
            .iter()
            .map(|r| (r[0].to_lowercase(), format::split_list(r[1]).map(str::to_owned).collect()))
            .collect();
        let proxies = rows("proxies.tsv")
            .iter()
            .map(|r| {
                let kind = match r[1] {
                    "members" => ProxyKind::Members,
                    "government" => ProxyKind::Government,
                    _ => ProxyKind::People,
                };
                (r[0].to_lowercase(), kind)
            })
            .collect();
        let common = rows("common_words.tsv").iter().map(|r| r[0].to_owned()).collect();
        let function_words =
            rows("common_words.tsv").iter().filter(|r| r[1] == "function").map(|r| r[0].to_owned()).collect();
        let given_names = rows("given_names.tsv")
            .iter()
            .map(|r| (r[0].to_owned(), if r[1] == "f" { Gender::Female } else { Gender::Male }))
            .collect();
        Lexicon {
            entities,
            name_targets,
            names,
            forms,
            titles,
            speech,
            cues,
            word_targets,
            words,
            org_heads,
            document_heads,
            feature_heads,
            company_heads,
            given_names,
            descriptions,
            proxies,
            common,
            function_words,
        }
    }

    /// Every entity of the lexicon.
    pub fn entities(&self) -> &[LexEntity] {
        &self.entities
    }

    /// The entity a surface form names exactly ("U.S." → United States).
    pub fn resolve(&self, form: &str) -> Option<usize> {
        self.forms.get(form).copied()
    }

    /// Lexicon entities named in `text`, on word boundaries, in order (the longest of those
    /// that start at the same place).
    pub fn names(&self, text: &str) -> Vec<NameHit> {
        let mut hits = Vec::new();
        self.names.scan(text, |pattern, start, end| {
            let (entity, form) = self.name_targets[pattern as usize];
            // "US$400": a currency, not the country.
            if text[end..].starts_with('$') {
                return None;
            }
            // "the Rome Statute", "the Paris Club", "Kabul University": a capital naming a text
            // or a body, not its state.
            if form == FormKind::Capital {
                let rest = &text[end..];
                let next = rest.strip_prefix(' ').unwrap_or_default();
                let word = &next[..next.find(|c: char| !c.is_alphanumeric()).unwrap_or(next.len())];
                if word.starts_with(char::is_uppercase)
                    && (self.is_document_head(word) || self.org_head(word).is_some())
                {
                    return None;
                }
            }
            let mut end = end;
            // A plural "s" after a demonym: "Afghans" when only "Afghan" is listed.
            if form == FormKind::Demonym && text[end..].starts_with('s') && is_boundary(text, end + 1) {
                end += 1;
            }
            let valid = is_boundary(text, end);
            if valid {
                hits.push(NameHit { span: Span::new(start, end), entity, form });
            }
            valid.then_some(end)
        });
        hits
    }

    /// Titles, speech verbs and cues in `text`, on word boundaries, in order (the longest of
    /// those that start at the same place: "partners" in "reliable partners" although
    /// "reliable partner" is listed too).
    pub fn words(&self, text: &str) -> Vec<WordHit> {
        let mut hits = Vec::new();
        self.words.scan(text, |pattern, start, end| {
            let valid = is_boundary(text, end);
            if valid {
                hits.push(WordHit { span: Span::new(start, end), pattern });
            }
            valid.then_some(end)
        });
        hits
    }

    /// What a word hit is (a phrase may be a speech verb and a cue at once).
    pub fn targets(&self, hit: &WordHit) -> &[WordTarget] {
        &self.word_targets[hit.pattern as usize]
    }

    /// A title by index.
    pub fn title(&self, idx: usize) -> &Title {
        &self.titles[idx]
    }

    /// A speech verb by index.
    pub fn speech_verb(&self, idx: usize) -> &SpeechVerb {
        &self.speech[idx]
    }

    /// A cue by index.
    pub fn cue(&self, idx: usize) -> &Cue {
        &self.cues[idx]
    }

    /// The kind a capitalised head noun gives a name ("Ministry" → organization).
    pub fn org_head(&self, word: &str) -> Option<EntityKind> {
        self.org_heads.get(word).copied()
    }

    /// The gender a given name usually indicates ("Katrin" → female).
    pub fn given_name_gender(&self, name: &str) -> Option<Gender> {
        self.given_names.get(name).copied()
    }

    /// True for head nouns of documents ("Convention", "Treaty"): a name ending in one is no actor.
    pub fn is_document_head(&self, word: &str) -> bool {
        self.document_heads.contains(word)
    }

    /// True for head nouns that end companies' names ("Mining", "Holdings"): such a name is
    /// "the company".
    pub fn is_company_head(&self, word: &str) -> bool {
        self.company_heads.contains(word)
    }

    /// True for head nouns of geographic features ("Shoal", "Strait"): a name ending in one is
    /// a place, never a person.
    pub fn is_feature_head(&self, word: &str) -> bool {
        self.feature_heads.contains(word)
    }

    /// The entity classes a definite description can refer to ("alliance" → `alliance`).
    pub fn description(&self, noun: &str) -> Option<&[String]> {
        self.descriptions.get(lower(noun).as_ref()).map(Vec::as_slice)
    }

    /// What a proxy noun makes of its actor ("leaders" → people).
    pub fn proxy(&self, noun: &str) -> Option<ProxyKind> {
        self.proxies.get(lower(noun).as_ref()).copied()
    }

    /// True for capitalised words that never name anything by themselves ("Monday", "However").
    pub fn is_common_word(&self, word: &str) -> bool {
        self.common.contains(word)
    }

    /// True for function words among them ("Can", "Does", "However"): unlike "Center" or
    /// "House", they open no name with "of" or "the" after them.
    pub fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains(word)
    }
}

/// Lower case, without allocating when the word already is.
fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// The form itself, its variant with the other apostrophe, its spelling without accents
/// ("San José" → "San Jose") and, if `other_english`, its other English spelling ("Organization"
/// → "Organisation"), which news copy often uses.
fn spelling_variants(form: &str, other_english: bool) -> Vec<String> {
    let mut out = vec![form.to_owned()];
    if form.contains('\'') {
        out.push(form.replace('\'', "’"));
    } else if form.contains('’') {
        out.push(form.replace('’', "'"));
    }
    // "UN Mission in South Sudan" ↔ "U.N. Mission in South Sudan".
    for (plain, dotted) in [("UN ", "U.N. "), ("US ", "U.S. ")] {
        if let Some(rest) = out[0].strip_prefix(plain) {
            out.push(format!("{dotted}{rest}"));
        }
    }
    for i in 0..out.len() {
        let folded: String = out[i].nfd().filter(|&c| !is_combining_mark(c)).collect();
        if folded != out[i] && !out.contains(&folded) {
            out.push(folded);
        }
    }
    for i in 0..out.len() * usize::from(other_english) {
        if let Some(other) = other_spelling(&out[i])
            && !out.contains(&other)
        {
            out.push(other);
        }
    }
    out
}

/// The British spelling of an American one and the other way round ("Stabilization Mission" ↔
/// "Stabilisation Mission", "Defense" ↔ "Defence"): news copy uses both for the same body.
fn other_spelling(form: &str) -> Option<String> {
    const WORDS: &[(&str, &str)] = &[
        ("Defense", "Defence"),
        ("defense", "defence"),
        ("Center", "Centre"),
        ("center", "centre"),
        ("Labor", "Labour"),
        ("labor", "labour"),
        ("Program", "Programme"),
        ("program", "programme"),
    ];
    const ENDINGS: &[(&str, &str)] = &[("ization", "isation"), ("izations", "isations")];
    let mut changed = false;
    let words: Vec<String> = form
        .split(' ')
        .map(|word| {
            for &(a, b) in WORDS {
                if word == a || word == b {
                    changed = true;
                    return if word == a { b } else { a }.to_owned();
                }
            }
            for &(a, b) in ENDINGS {
                for (from, to) in [(a, b), (b, a)] {
                    if let Some(stem) = word.strip_suffix(from) {
                        changed = true;
                        return format!("{stem}{to}");
                    }
                }
            }
            word.to_owned()
        })
        .collect();
    changed.then(|| words.join(" "))
}

fn is_boundary(text: &str, pos: usize) -> bool {
    pos <= text.len() && text.is_char_boundary(pos) && text[pos..].chars().next().is_none_or(|c| !is_word_char(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Lexicon {
        Lexicon::from_tsv(&[
            ("countries.tsv", "name\tiso2\tkind\taliases\tdemonyms\tcapital\tseats\nNiger\tNE\tstate\t-\tNigerien\tNiamey\t-\nNigeria\tNG\tstate\t-\tNigerian;Nigerians\tAbuja\t-\n"),
            ("stance_cues.tsv", "cue\tpolarity\tcategory\tweight\ncondemned\tnegative\tcondemn\t0.9\n"),
            ("speech_verbs.tsv", "phrase\tkind\ncondemned\tsay\nsaid\tsay\n"),
        ])
        .unwrap()
    }

    #[test]
    fn names_match_whole_words_only() {
        let lex = tiny();
        let text = "Nigeria and Niger, but not Nigerianness; Nigerians agreed.";
        let hits: Vec<&str> = lex.names(text).iter().map(|h| &text[h.span.range()]).collect();
        assert_eq!(hits, vec!["Nigeria", "Niger", "Nigerians"]);
    }

    #[test]
    fn words_are_case_insensitive_and_keep_every_target() {
        let lex = tiny();
        let hits = lex.words("CONDEMNED and Said");
        assert_eq!(hits.len(), 2);
        assert_eq!(lex.targets(&hits[0]), &[WordTarget::Speech(0), WordTarget::Cue(0)]);
    }

    #[test]
    fn a_longer_pattern_cut_by_a_word_does_not_hide_a_shorter_one() {
        let lex = Lexicon::from_tsv(&[(
            "stance_cues.tsv",
            "cue\tpolarity\tcategory\tweight\npartners\tpositive\tcooperate\t0.5\nreliable partner\tpositive\tcooperate\t0.7\n",
        )])
        .unwrap();
        let text = "They are reliable partners.";
        let hits: Vec<&str> = lex.words(text).iter().map(|h| &text[h.span.range()]).collect();
        assert_eq!(hits, vec!["partners"]);
    }

    #[test]
    fn builtin_lexicon_knows_the_basics() {
        let lex = Lexicon::builtin();
        let us = lex.resolve("U.S.").expect("U.S. is known");
        assert_eq!(lex.entities()[us].name, "United States");
        assert_eq!(lex.entities()[us].kind, EntityKind::Country);
        let nato = lex.resolve("NATO").expect("NATO is known");
        assert_eq!(lex.entities()[nato].kind, EntityKind::Organization);
        assert!(lex.entities().len() > 500, "{}", lex.entities().len());
    }
}
