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

fn utf8(bytes: &[u8]) -> Result<String, String> {
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Err(format!("binary file, not text (NUL byte at offset {at})"));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => non_blank(text.to_string()),
        Err(e) => Err(format!("invalid UTF-8 at byte {}; save the file as UTF-8 and import it again", e.valid_up_to())),
    }
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
    }

    #[test]
    fn reads_utf8_and_utf16_with_bom() {
        assert_eq!(decode_text(b"\xef\xbb\xbfhello").unwrap(), "hello");
        assert_eq!(decode_text(b"\xff\xfeh\x00i\x00").unwrap(), "hi");
    }
}
