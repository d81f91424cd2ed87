//! Parses and validates the lexicon TSV files; shared by `build.rs` (through `#[path]`) and tests.
//!
//! Invariant: a file that passes [`parse`] has a known header, sorted unique first columns, no
//! empty fields and only allowed values; every problem is reported with its line number.

use std::fmt;

/// What one column may hold.
#[derive(Clone, Copy, Debug)]
pub enum Column {
    /// Any non-empty text.
    Text,
    /// Non-empty text or `-` for none.
    Optional,
    /// A `;`-separated list, or `-` for an empty list.
    List,
    /// One of the given words.
    OneOf(&'static [&'static str]),
    /// A `;`-separated list of the given words.
    ListOf(&'static [&'static str]),
    /// A number in `0..=1`.
    Weight,
}

/// The layout of one lexicon file.
#[derive(Debug)]
pub struct Schema {
    /// File name inside `assets/lexicon`.
    pub file: &'static str,
    /// Column names and what each holds.
    pub columns: &'static [(&'static str, Column)],
}

/// Kinds of organization in `organizations.tsv`.
pub const ORG_KINDS: &[&str] = &[
    "igo", "global", "alliance", "body", "mission", "agency", "court", "bank", "ngo", "party", "company", "media",
    "armed", "movement",
];

/// Stance categories in `stance_cues.tsv`, in the spirit of CAMEO.
pub const CATEGORIES: &[&str] = &[
    "cooperate",
    "support",
    "praise",
    "welcome",
    "hope",
    "agree",
    "aid",
    "concern",
    "criticize",
    "condemn",
    "accuse",
    "reject",
    "oppose",
    "demand",
    "warn",
    "threaten",
    "sanction",
    "ban",
    "attack",
    "expel",
];

const DESCRIPTION_CLASSES: &[&str] = &[
    "person", "private", "country", "igo", "global", "alliance", "body", "mission", "agency", "court", "bank", "ngo",
    "party", "company", "media", "armed", "movement",
];

/// Every lexicon file, in the order `build.rs` compiles them.
pub const SCHEMAS: &[Schema] = &[
    Schema {
        file: "countries.tsv",
        columns: &[
            ("name", Column::Text),
            ("iso2", Column::Text),
            ("kind", Column::OneOf(&["state", "observer", "territory"])),
            ("aliases", Column::List),
            ("demonyms", Column::List),
            ("capital", Column::Optional),
            ("seats", Column::List),
        ],
    },
    Schema {
        file: "organizations.tsv",
        columns: &[
            ("name", Column::Text),
            ("kind", Column::OneOf(ORG_KINDS)),
            ("aliases", Column::List),
            ("parent", Column::Optional),
            ("seats", Column::List),
        ],
    },
    Schema {
        file: "places.tsv",
        columns: &[
            ("name", Column::Text),
            ("kind", Column::OneOf(&["region", "city", "area"])),
            ("aliases", Column::List),
            ("country", Column::Optional),
        ],
    },
    Schema {
        file: "titles.tsv",
        columns: &[
            ("title", Column::Text),
            (
                "category",
                Column::OneOf(&[
                    "head_of_state",
                    "head_of_government",
                    "minister",
                    "deputy",
                    "official",
                    "diplomat",
                    "military",
                    "legislator",
                    "judge",
                    "party_leader",
                    "org_leader",
                    "spokesperson",
                    "royal",
                    "religious",
                    "honorific",
                    "business",
                    "other",
                ]),
            ),
            ("gender", Column::OneOf(&["m", "f", "-"])),
            ("aliases", Column::List),
        ],
    },
    Schema {
        file: "speech_verbs.tsv",
        columns: &[
            ("phrase", Column::Text),
            (
                "kind",
                Column::OneOf(&["say", "tell", "according", "relay", "ask", "write", "announce", "deny", "describe"]),
            ),
        ],
    },
    Schema {
        file: "stance_cues.tsv",
        columns: &[
            ("cue", Column::Text),
            ("polarity", Column::OneOf(&["positive", "negative", "neutral"])),
            ("category", Column::OneOf(CATEGORIES)),
            ("weight", Column::Weight),
        ],
    },
    Schema {
        file: "org_heads.tsv",
        columns: &[
            ("word", Column::Text),
            ("kind", Column::OneOf(&["organization", "company", "group", "document", "feature"])),
        ],
    },
    Schema {
        file: "descriptions.tsv",
        columns: &[("noun", Column::Text), ("refers_to", Column::ListOf(DESCRIPTION_CLASSES))],
    },
    Schema {
        file: "proxies.tsv",
        columns: &[("noun", Column::Text), ("kind", Column::OneOf(&["people", "members", "government"]))],
    },
    Schema {
        file: "common_words.tsv",
        columns: &[("word", Column::Text), ("class", Column::OneOf(&["weekday", "month", "function", "other"]))],
    },
    Schema { file: "given_names.tsv", columns: &[("name", Column::Text), ("gender", Column::OneOf(&["m", "f"]))] },
];

/// One data line of a lexicon file.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// 1-based line number in the file.
    pub line: usize,
    /// The fields, one per column.
    pub fields: Vec<String>,
}

/// A problem found on one line.
#[derive(Clone, Debug, PartialEq)]
pub struct LineError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong, lowercase, no trailing period.
    pub message: String,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.line, self.message)
    }
}

/// Splits a list field: `-` is the empty list.
pub fn split_list(field: &str) -> impl Iterator<Item = &str> {
    field.split(';').filter(|item| *item != "-" && !item.is_empty())
}

/// The key files are sorted by.
pub fn sort_key(first_column: &str) -> String {
    first_column.to_lowercase()
}

/// Parses one file against its schema, reporting every bad line.
pub fn parse(schema: &Schema, text: &str) -> Result<Vec<Row>, Vec<LineError>> {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut header_seen = false;
    let mut previous_key: Option<String> = None;
    for (idx, raw) in text.lines().enumerate() {
        let line = idx + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').collect();
        if !header_seen {
            header_seen = true;
            let expected: Vec<&str> = schema.columns.iter().map(|(name, _)| *name).collect();
            if fields != expected {
                errors.push(LineError { line, message: format!("header must be {:?}", expected.join("\t")) });
            }
            continue;
        }
        if fields.len() != schema.columns.len() {
            errors.push(LineError {
                line,
                message: format!("expected {} fields, found {}", schema.columns.len(), fields.len()),
            });
            continue;
        }
        let mut ok = true;
        for (field, (name, column)) in fields.iter().zip(schema.columns) {
            if let Err(message) = check_field(field, *column) {
                errors.push(LineError { line, message: format!("column {name}: {message}") });
                ok = false;
            }
        }
        let key = sort_key(fields[0]);
        if let Some(previous) = &previous_key {
            if key == *previous {
                errors.push(LineError { line, message: format!("duplicate entry {:?}", fields[0]) });
                ok = false;
            } else if key < *previous {
                errors.push(LineError {
                    line,
                    message: format!("{:?} is out of order (the file must be sorted)", fields[0]),
                });
                ok = false;
            }
        }
        previous_key = Some(key);
        if ok {
            rows.push(Row { line, fields: fields.iter().map(|f| (*f).to_owned()).collect() });
        }
    }
    if !header_seen {
        errors.push(LineError { line: 1, message: "the file has no header".to_owned() });
    }
    if errors.is_empty() { Ok(rows) } else { Err(errors) }
}

fn check_field(field: &str, column: Column) -> Result<(), String> {
    if field.is_empty() {
        return Err("empty field (write - for none)".to_owned());
    }
    if field.trim() != field {
        return Err(format!("{field:?} has leading or trailing spaces"));
    }
    match column {
        Column::Text => {
            if field == "-" {
                return Err("a value is required".to_owned());
            }
        }
        Column::Optional => {}
        Column::List => {
            if field != "-" {
                for item in field.split(';') {
                    if item.is_empty() || item.trim() != item || item == "-" {
                        return Err(format!("bad list item {item:?}"));
                    }
                }
            }
        }
        Column::OneOf(allowed) => {
            if !allowed.contains(&field) {
                return Err(format!("unknown value {field:?} (allowed: {})", allowed.join(", ")));
            }
        }
        Column::ListOf(allowed) => {
            for item in field.split(';') {
                if !allowed.contains(&item) {
                    return Err(format!("unknown value {item:?} (allowed: {})", allowed.join(", ")));
                }
            }
        }
        Column::Weight => match field.parse::<f32>() {
            Ok(w) if (0.0..=1.0).contains(&w) => {}
            _ => return Err(format!("weight {field:?} is not a number in 0..=1")),
        },
    }
    Ok(())
}

/// Checks that no surface form names two entities across the entity files
/// (countries, organizations, places). `files` holds (schema, rows) pairs.
pub fn check_shared_aliases(files: &[(&Schema, &[Row])]) -> Vec<(&'static str, LineError)> {
    let mut seen: std::collections::BTreeMap<&str, (&'static str, usize, &str)> = std::collections::BTreeMap::new();
    let mut errors = Vec::new();
    for (schema, rows) in files {
        let form_columns: Vec<usize> = schema
            .columns
            .iter()
            .enumerate()
            .filter(|(_, (name, _))| matches!(*name, "name" | "aliases" | "demonyms" | "capital" | "seats"))
            .map(|(i, _)| i)
            .collect();
        for row in *rows {
            let mut own: Vec<&str> = Vec::new();
            for &col in &form_columns {
                for form in split_list(&row.fields[col]) {
                    if own.contains(&form) {
                        continue;
                    }
                    own.push(form);
                    if let Some((file, line, owner)) = seen.get(form) {
                        errors.push((
                            schema.file,
                            LineError {
                                line: row.line,
                                message: format!("alias {form:?} is shared with {owner:?} ({file}:{line})"),
                            },
                        ));
                    } else {
                        seen.insert(form, (schema.file, row.line, &row.fields[0]));
                    }
                }
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    const CUES: &Schema = &SCHEMAS[5];

    #[test]
    fn well_formed_file_parses() {
        let text = "# cues\ncue\tpolarity\tcategory\tweight\ncondemned\tnegative\tcondemn\t0.9\nwelcomed\tpositive\twelcome\t0.8\n";
        let rows = parse(CUES, text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].fields[2], "welcome");
    }

    #[test]
    fn every_bad_line_is_reported_with_its_number() {
        let text = "cue\tpolarity\tcategory\tweight\nb\tnegative\tcondemn\t1.5\na\tnegative\tcondemn\t0.5\nc\tsideways\tcondemn\t0.5\nd\tnegative\t\t0.5\n";
        let errors = parse(CUES, text).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5]);
        assert!(errors[0].message.contains("weight"));
        assert!(errors[1].message.contains("out of order"));
        assert!(errors[2].message.contains("sideways"));
        assert!(errors[3].message.contains("empty"));
    }

    #[test]
    fn duplicates_and_bad_headers_are_rejected() {
        let errors = parse(CUES, "cue\tpolarity\nx\tpositive\twelcome\t0.5\n").unwrap_err();
        assert!(errors[0].message.contains("header"));
        let text = "cue\tpolarity\tcategory\tweight\nX\tpositive\twelcome\t0.5\nx\tpositive\twelcome\t0.5\n";
        assert!(parse(CUES, text).unwrap_err()[0].message.contains("duplicate"));
    }

    #[test]
    fn shared_alias_across_files_is_an_error() {
        let orgs = &SCHEMAS[1];
        let a = parse(orgs, "name\tkind\taliases\tparent\tseats\nAlpha Union\tigo\tAU\t-\t-\n").unwrap();
        let b = parse(orgs, "name\tkind\taliases\tparent\tseats\nAfrican Union\tigo\tAU\t-\t-\n").unwrap();
        let errors = check_shared_aliases(&[(orgs, &a), (orgs, &b)]);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].1.message.contains("\"AU\""));
    }

    #[test]
    fn dash_is_an_empty_list() {
        assert_eq!(split_list("-").count(), 0);
        assert_eq!(split_list("US;U.S.").collect::<Vec<_>>(), vec!["US", "U.S."]);
    }
}
