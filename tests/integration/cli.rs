//! The binary: every bad input gives a clear one-line error and a non-zero status.

use std::process::{Command, Output};

fn stancemap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stancemap")).args(args).output().expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn assert_fails_with(args: &[&str], needle: &str) {
    let out = stancemap(args);
    assert!(!out.status.success(), "{args:?} succeeded");
    let err = stderr(&out);
    assert!(err.contains(needle), "{args:?}: {err:?} lacks {needle:?}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
}

#[test]
fn missing_file_is_reported() {
    assert_fails_with(&["extract", "/no/such/file.txt"], "no such file");
}

#[test]
fn directory_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert_fails_with(&["extract", dir.path().to_str().expect("utf8")], "is a directory");
}

#[test]
fn empty_and_binary_files_are_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").expect("write");
    assert_fails_with(&["extract", empty.to_str().expect("utf8")], "empty");
    let binary = dir.path().join("image.png");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2, 3]).expect("write");
    assert_fails_with(&["extract", binary.to_str().expect("utf8")], "binary");
}

#[test]
fn file_over_the_size_limit_names_the_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("big.txt");
    std::fs::write(&file, "NATO condemned Russia. ".repeat(100)).expect("write");
    assert_fails_with(&["extract", file.to_str().expect("utf8"), "--max-size", "100"], "limit of 100 bytes");
    let out = stancemap(&["extract", file.to_str().expect("utf8"), "--max-size", "100000"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn json_output_follows_the_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("a.txt");
    std::fs::write(
        &file,
        "“We condemn the attack,” said Foreign Minister Ingrid Vold of Norway.\n\nRussia rejected NATO’s claims.",
    )
    .expect("write");
    let out = stancemap(&["extract", file.to_str().expect("utf8"), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["schema"], "stancemap.extraction/1");
    let text = std::fs::read(&file).expect("read");
    assert_eq!(json["document"]["chars"], text.len());
    let entities = json["entities"].as_array().expect("entities");
    assert!(entities.iter().any(|e| e["name"] == "Ingrid Vold" && e["kind"] == "person"));
    let quote = &json["quotes"][0];
    assert_eq!(quote["text"], "We condemn the attack,");
    let start = quote["start"].as_u64().expect("start") as usize;
    let end = quote["end"].as_u64().expect("end") as usize;
    assert_eq!(&text[start..end], b"We condemn the attack,");
    let speaker = quote["speaker"].as_str().expect("speaker id");
    assert!(entities.iter().any(|e| e["id"] == speaker && e["name"] == "Ingrid Vold"));
}

#[test]
fn summary_lists_actors_quotes_and_stances() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("a.txt");
    std::fs::write(&file, "NATO condemned Russia. “We will respond,” Russian President Oleg Marov said.")
        .expect("write");
    let out = stancemap(&["extract", file.to_str().expect("utf8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Actors"), "{stdout}");
    assert!(stdout.contains("Oleg Marov (1)"), "{stdout}");
    assert!(stdout.contains("→ Russia"), "{stdout}");
}

#[test]
fn help_explains_every_command() {
    let out = stancemap(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for word in ["extract", "Usage"] {
        assert!(help.contains(word), "{help}");
    }
    let out = stancemap(&["extract", "--help"]);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--json") && help.contains("--max-size"), "{help}");
}
