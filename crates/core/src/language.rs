//! Language identification for whole articles.

/// How much of a text is read: about two paragraphs, which settles the
/// language of an article (whatlang is reliable from about 100 characters)
/// while keeping detection a small part of import time.
const SAMPLE_BYTES: usize = 1500;

/// The language of a text as an ISO 639-3 code ("eng", "rus"), or `None`
/// when the text is too short or too mixed for a reliable call.
///
/// Only the first [`SAMPLE_BYTES`] are read, so import time stays flat on
/// very long texts.
pub fn detect(text: &str) -> Option<&'static str> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 40 {
        return None;
    }
    let info = whatlang::detect(sample)?;
    (info.is_reliable() || info.confidence() > 0.5).then(|| info.lang().code())
}

#[cfg(test)]
mod tests {
    #[test]
    fn detects_english_and_russian_and_declines_short_text() {
        assert_eq!(
            super::detect("Kremlin spokesman Dmitry Peskov said it is too early to talk about a face-to-face meeting between the two presidents."),
            Some("eng")
        );
        assert_eq!(
            super::detect("Пресс-секретарь президента России Дмитрий Песков заявил журналистам в воскресенье, что говорить о личной встрече двух президентов пока рано, но переговоры продолжатся."),
            Some("rus")
        );
        assert_eq!(super::detect("Download"), None);
    }
}
