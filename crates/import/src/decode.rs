//! Turning bytes into text, or into a clear reason why not.

/// Decodes a text file: UTF-8 (with or without a byte-order mark) or UTF-16
/// with a byte-order mark. Anything else is refused with the reason, because
/// guessing an encoding silently corrupts names and quotes.
pub fn decode_text(bytes: &[u8]) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            if had_errors {
                return Err(format!("invalid {} text", encoding.name()));
            }
            return non_blank(text.into_owned());
        }
        return utf8(&bytes[bom_len..]);
    }
    utf8(bytes)
}

/// Signatures of binary formats that are often saved or renamed as `.txt`
/// and that need not hold a NUL byte near their start. Naming the format
/// tells the journalist what the file is, where "invalid UTF-8" would send
/// them looking for an encoding problem.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"PK\x03\x04", "a zip archive or Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
];

fn utf8(bytes: &[u8]) -> Result<String, String> {
    let head = &bytes[..bytes.len().min(8192)];
    // "MZ" and "GIF8" also begin ordinary words; only a file that is not
    // valid text is taken for one of these formats.
    let decoded = std::str::from_utf8(bytes);
    let valid = decoded.is_ok();
    if let Some((_, what)) = SIGNATURES.iter().find(|(magic, _)| head.starts_with(magic)) {
        if !valid || head.contains(&0) || magic_is_unambiguous(head) {
            return Err(format!("binary file, not text ({what})"));
        }
    }
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Err(format!("binary file, not text (NUL byte at offset {at})"));
    }
    // Text has tabs and line breaks but hardly any other control
    // characters; a file where they are common is data, whatever its name.
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    if controls * 10 > head.len() {
        return Err("binary file, not text (control characters)".into());
    }
    match decoded {
        Ok(text) => non_blank(text.to_string()),
        Err(e) => Err(format!("invalid UTF-8 at byte {}; save the file as UTF-8 and import it again", e.valid_up_to())),
    }
}

/// A PDF starts with its signature even when the part read is valid UTF-8;
/// for the others, a valid text that merely starts with the same letters
/// ("MZ", "GIF8") is still text.
fn magic_is_unambiguous(head: &[u8]) -> bool {
    head.starts_with(b"%PDF-")
}

fn non_blank(text: String) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("empty file (only whitespace)".into())
    } else {
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::decode_text;

    #[test]
    fn refuses_what_is_not_text() {
        assert_eq!(decode_text(b""), Err("empty file".into()));
        assert_eq!(decode_text(b" \n\t"), Err("empty file (only whitespace)".into()));
        assert!(decode_text(b"PK\x03\x04\x00\x00").unwrap_err().starts_with("binary file"));
        assert!(decode_text(b"caf\xe9 au lait").unwrap_err().starts_with("invalid UTF-8 at byte 3"));
        assert_eq!(decode_text(b"%PDF-1.4\n%\xe2\xe3"), Err("binary file, not text (a PDF document)".into()));
        assert_eq!(decode_text(b"\xff\xd8\xff\xe0JFIF"), Err("binary file, not text (a JPEG image)".into()));
        assert_eq!(
            decode_text(&b"\x01\x02\x03 abc".repeat(10)),
            Err("binary file, not text (control characters)".into())
        );
        // Words that happen to begin like a signature are still text.
        assert_eq!(decode_text(b"MZ Holdings said profits rose.").unwrap(), "MZ Holdings said profits rose.");
    }

    #[test]
    fn reads_utf8_and_utf16_with_bom() {
        assert_eq!(decode_text(b"\xef\xbb\xbfhello").unwrap(), "hello");
        assert_eq!(decode_text(b"\xff\xfeh\x00i\x00").unwrap(), "hi");
    }
}
