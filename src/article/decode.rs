//! Turns bytes into text (UTF-8, UTF-16 with BOM, legacy encodings) and normalises it.
//!
//! Invariant: [`normalize`] output has only `\n` line ends, plain spaces, no soft hyphens,
//! zero-width characters or ligatures, so that spans over it are what the user reads.

use super::LoadError;

/// Text decoded from bytes.
#[derive(Debug)]
pub struct Decoded {
    /// The decoded text (not yet normalised).
    pub text: String,
    /// Name of the encoding that was used.
    pub encoding: &'static str,
    /// Notes for the user (a guessed legacy encoding).
    pub notes: Vec<String>,
}

/// Decodes bytes, refusing binary data.
pub fn decode(bytes: &[u8]) -> Result<Decoded, LoadError> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        let mut notes = Vec::new();
        if encoding != encoding_rs::UTF_8 {
            notes.push(format!("decoded from {} (byte order mark)", encoding.name()));
        }
        if had_errors {
            notes.push("some bytes were not valid and were replaced".to_owned());
        }
        return check_text(text.into_owned(), encoding.name(), notes);
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(LoadError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return check_text(text.to_owned(), "UTF-8", Vec::new());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _, had_errors) = encoding.decode(bytes);
    let mut notes = vec![format!("not UTF-8: decoded as {}", encoding.name())];
    if had_errors {
        notes.push("some bytes were not valid and were replaced".to_owned());
    }
    check_text(text.into_owned(), encoding.name(), notes)
}

fn check_text(text: String, encoding: &'static str, notes: Vec<String>) -> Result<Decoded, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let mut n_chars = 0usize;
    let mut n_control = 0usize;
    for c in text.chars().take(65_536) {
        n_chars += 1;
        if (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) || c == '\u{fffd}' {
            n_control += 1;
        }
    }
    if n_control * 10 > n_chars {
        return Err(LoadError::Binary);
    }
    Ok(Decoded { text, encoding, notes })
}

/// Normalises line ends, spaces, soft hyphens, zero-width characters and ligatures.
pub fn normalize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    // Copy runs of ordinary characters at once; handle only the ones that need work.
    while let Some(i) = rest.find(needs_work) {
        out.push_str(&rest[..i]);
        let c = rest[i..].chars().next().expect("find returned a char boundary");
        rest = &rest[i + c.len_utf8()..];
        if c == '\r' {
            if !rest.starts_with('\n') {
                out.push('\n');
            }
            continue;
        }
        normalize_char(c, &mut out);
    }
    out.push_str(rest);
    out
}

fn needs_work(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_control() && c != '\n' && c != '\t'
    } else {
        c.is_whitespace()
            || c.is_control()
            || matches!(
                c,
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{fb00}'..='\u{fb06}'
            )
    }
}

fn normalize_char(c: char, out: &mut String) {
    match c {
        '\u{c}' => out.push('\n'),
        '\n' | '\t' => out.push(c),
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => {}
        '\u{fb00}' => out.push_str("ff"),
        '\u{fb01}' => out.push_str("fi"),
        '\u{fb02}' => out.push_str("fl"),
        '\u{fb03}' => out.push_str("ffi"),
        '\u{fb04}' => out.push_str("ffl"),
        '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
        c if c.is_control() => {}
        c if c != ' ' && c.is_whitespace() => out.push(' '),
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_dropped() {
        let decoded = decode("\u{feff}Hello".as_bytes()).unwrap();
        assert_eq!(decoded.text, "Hello");
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Zas said “yes”.".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, "Zas said “yes”.");
        assert_eq!(decoded.encoding, "UTF-16LE");
    }

    #[test]
    fn legacy_encoding_is_detected_and_reported() {
        // "Café au lait, déjà vu." in windows-1252.
        let bytes = b"Le caf\xe9 est d\xe9j\xe0 servi, dit le ministre fran\xe7ais.";
        let decoded = decode(bytes).unwrap();
        assert!(decoded.text.contains("café"), "{}", decoded.text);
        assert!(decoded.notes[0].contains("not UTF-8"));
    }

    #[test]
    fn normalize_fixes_line_ends_spaces_and_ligatures() {
        assert_eq!(normalize("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(normalize("non\u{a0}breaking"), "non breaking");
        assert_eq!(normalize("co\u{ad}operation"), "cooperation");
        assert_eq!(normalize("\u{fb01}nal o\u{fb03}ce"), "final office");
    }
}
