//! Text normalization, word counts and content hashes.
//!
//! Every article is stored in one canonical form so that search, duplicate
//! detection and offsets agree with one another: Unicode NFC, `\n` line
//! endings, no invisible formatting characters, no spaces at either end of a line, and at
//! most one blank line between paragraphs.

use unicode_normalization::{char::is_combining_mark, is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Characters that change nothing a reader sees but break matching, or that
/// can be used to disguise text (bidi overrides): zero-width spaces and
/// joiners, the byte-order mark, word joiner, soft hyphen and bidi controls.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Normalizes raw text into the library's canonical form.
///
/// Tabs and the various Unicode spaces become plain spaces because search
/// and quote matching treat them alike; other control characters are
/// dropped because they can only come from broken or hostile input.
pub fn normalize(raw: &str) -> String {
    let mut cleaned = String::with_capacity(raw.len());
    // Most news text is already NFC (all ASCII text is); composing it again
    // costs more than everything else import does to a text, so it is only
    // done when the quick check cannot rule it out. Each case runs its own
    // copy of the loop below: a boxed iterator cost a call per character.
    if raw.is_ascii() || is_nfc_quick(raw.chars()) == IsNormalized::Yes {
        clean_into(raw.chars(), &mut cleaned);
    } else {
        clean_into(raw.nfc(), &mut cleaned);
    }
    let mut out = String::with_capacity(cleaned.len());
    let mut blank_run = 0usize;
    for line in cleaned.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// Writes `chars` with every line ending as `\n` (`\r\n` and a lone `\r`
/// alike), Unicode spaces as plain ones, and control and invisible
/// characters dropped.
fn clean_into(chars: impl Iterator<Item = char>, cleaned: &mut String) {
    let mut after_cr = false;
    for c in chars {
        let was_after_cr = std::mem::replace(&mut after_cr, c == '\r');
        match c {
            '\r' => cleaned.push('\n'),
            // The second half of a `\r\n`, already written.
            '\n' if was_after_cr => {}
            '\n' => cleaned.push('\n'),
            '\u{2028}' | '\u{2029}' => cleaned.push('\n'),
            '\t' | '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                cleaned.push(' ')
            }
            c if c.is_control() || is_invisible(c) => {}
            c => cleaned.push(c),
        }
    }
}

/// Collapses every run of whitespace, line breaks included, into one space
/// and trims the ends: the form of one-line fields such as headlines, and of
/// a paragraph.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Normalizes raw text (see [`normalize`]) into a single line.
pub fn one_line(raw: &str) -> String {
    // Import cleans a plain body's paragraphs once, then each again as it
    // joins them: text that is one line already comes back as it is.
    if is_one_line(raw) {
        return raw.to_string();
    }
    collapse_whitespace(&normalize(raw))
}

/// Is `s` already what [`one_line`] makes of it: no whitespace but single
/// spaces between words, no control or invisible character, and NFC?
fn is_one_line(s: &str) -> bool {
    if s.starts_with(' ') || s.ends_with(' ') || s.contains("  ") {
        return false;
    }
    if s.is_ascii() {
        return s.bytes().all(|b| b >= b' ' && b != 0x7f);
    }
    s.chars().all(|c| c == ' ' || !(c.is_whitespace() || c.is_control() || is_invisible(c)))
        && is_nfc_quick(s.chars()) == IsNormalized::Yes
}

/// Splits text into paragraphs: runs of lines separated by blank lines.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}

/// `char::is_alphanumeric`, with the answer for the General Punctuation
/// block (U+2000 to U+206F: curly quotes, dashes, ellipses, none of them a
/// letter or digit) given at once. For any other character outside ASCII,
/// the standard library searches a Unicode table; curly quotes and dashes
/// are most of the non-ASCII characters of news text, and the tokenizer
/// and the word count ask about each one.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// A combining mark: an accent written after its letter ("Pen\u{303}a", in
/// text saved in decomposed form). The curly quotes and dashes of the
/// General Punctuation block, which end most words that are not followed
/// by ASCII, are answered without the table search.
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    !c.is_ascii() && !('\u{2000}'..='\u{206F}').contains(&c) && is_combining_mark(c)
}

/// Iterates over words: runs of letters and digits, with inner apostrophes,
/// hyphens and dots kept ("don't", "U.S.", "face-to-face").
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let start = rest.find(|c: char| c.is_alphanumeric())?;
        let tail = &rest[start..];
        let mut end = tail.len();
        let mut chars = tail.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            // An accent written as a mark after its letter ("Pen\u{303}a",
            // text in decomposed form) is part of the word.
            if c.is_alphanumeric() || is_mark(c) {
                continue;
            }
            let joins = matches!(c, '\'' | '\u{2019}' | '-' | '.')
                && chars.peek().is_some_and(|&(_, next)| next.is_alphanumeric());
            if !joins {
                end = i;
                break;
            }
        }
        let word = &tail[..end];
        rest = &tail[end..];
        Some(word)
    })
}

/// The number of words, as a reader would count them.
pub fn word_count(text: &str) -> usize {
    // The same words as [`words`], counted in one pass without slicing:
    // every analysis counts the words of its text. A letter or digit
    // starts a word unless the character before it is one too, or is a
    // joining mark ("don't", "U.S.") with one before that; so the count
    // needs only the classes of the last three characters, looked up in a
    // table, and no branch that depends on where words end.
    const OTHER: u8 = 0;
    const ALNUM: u8 = 1;
    const JOIN: u8 = 2;
    const fn ascii_classes() -> [u8; 128] {
        let mut classes = [OTHER; 128];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            classes[b] = if c.is_ascii_alphanumeric() {
                ALNUM
            } else if matches!(c, b'\'' | b'-' | b'.') {
                JOIN
            } else {
                OTHER
            };
            b += 1;
        }
        classes
    }
    static ASCII: [u8; 128] = ascii_classes();
    // Whether a character starts a word, by the classes of the two before
    // it and its own (two bits each).
    const fn starts() -> [u8; 64] {
        let mut starts = [0; 64];
        let mut k = 0;
        while k < 64 {
            let (before, last, class) = ((k >> 4) as u8, ((k >> 2) & 3) as u8, (k & 3) as u8);
            let continues = last == ALNUM || (last == JOIN && before == ALNUM);
            starts[k] = (class == ALNUM && !continues) as u8;
            k += 1;
        }
        starts
    }
    static STARTS: [u8; 64] = starts();
    let bytes = text.as_bytes();
    let (mut count, mut window) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Most text is ASCII even when some of it is not (curly quotes, a
        // name's accent), so only the other characters are decoded.
        let class = if b < 0x80 {
            i += 1;
            ASCII[usize::from(b)]
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if is_alphanumeric(c) {
                ALNUM
            } else if c == '\u{2019}' {
                JOIN
            } else if window & 3 == usize::from(ALNUM) && is_mark(c) {
                // A mark inside a word, as `words` reads it, goes on with
                // the word as a letter would: after a letter, what came
                // before it no longer decides where a word starts.
                ALNUM
            } else {
                OTHER
            }
        };
        window = ((window << 2) | usize::from(class)) & 63;
        count += usize::from(STARTS[window]);
    }
    count
}

/// A stable fingerprint of an article's identity: the same outlet, headline
/// and body give the same hash whatever the whitespace or letter case.
///
/// The outlet and headline are part of it on purpose: the same wire copy
/// republished by another outlet is a near-duplicate to be linked, not the
/// same article to be dropped.
pub fn content_hash(outlet: Option<&str>, title: Option<&str>, body: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    for part in [outlet.unwrap_or(""), title.unwrap_or(""), body] {
        for word in part.split_whitespace() {
            hasher.update(word.to_lowercase().as_bytes());
            hasher.update(b" ");
        }
        hasher.update(b"\x00");
    }
    hasher.finalize().to_hex().to_string()
}

/// Token F1 between an extracted text and a reference: words are lowercased
/// and each counts as often as it occurs; precision is the share of
/// extracted words found in the reference, recall the share of reference
/// words extracted. Two empty texts agree perfectly. This is how extraction
/// is measured against human-checked bodies.
pub fn token_f1(extracted: &str, reference: &str) -> f64 {
    let bag = |s: &str| {
        let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for word in words(s) {
            *counts.entry(word.to_lowercase()).or_default() += 1;
        }
        counts
    };
    let (got, want) = (bag(extracted), bag(reference));
    let got_total: usize = got.values().sum();
    let want_total: usize = want.values().sum();
    let overlap: usize = got.iter().map(|(word, &n)| n.min(want.get(word).copied().unwrap_or(0))).sum();
    if overlap == 0 {
        return if got_total == 0 && want_total == 0 { 1.0 } else { 0.0 };
    }
    let precision = overlap as f64 / got_total as f64;
    let recall = overlap as f64 / want_total as f64;
    2.0 * precision * recall / (precision + recall)
}

/// Converts byte offsets into `text` to Unicode code-point offsets, the unit
/// every stored and exported span uses. Offsets may be asked for in any
/// order: the count of characters before every block of 64 bytes is kept,
/// so a lookup counts at most 63 bytes, and ASCII text needs no counting at
/// all.
pub struct CodePoints<'a> {
    text: &'a str,
    ascii: bool,
    /// Code points before each block of [`Self::BLOCK`] bytes, and one more
    /// entry for the end of the text.
    blocks: Vec<usize>,
}

impl<'a> CodePoints<'a> {
    /// Small enough that counting inside a block is cheaper than the
    /// lookups around it, large enough that the table is a fraction of the
    /// text. (Checkpoints every 4 KiB made every span of an article count
    /// two thousand bytes on average.)
    const BLOCK: usize = 64;

    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut blocks = Vec::new();
        if !ascii {
            blocks.reserve(text.len() / Self::BLOCK + 2);
            let mut points = 0;
            for block in text.as_bytes().chunks(Self::BLOCK) {
                blocks.push(points);
                points += starts_of_characters(block);
            }
            blocks.push(points);
        }
        CodePoints { text, ascii, blocks }
    }

    /// The code-point offset of a byte offset. A byte offset inside a
    /// character counts as the start of that character.
    pub fn of_byte(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        // The characters before a character boundary are the bytes before
        // it that start a character.
        let block = byte / Self::BLOCK;
        self.blocks[block] + starts_of_characters(&self.text.as_bytes()[block * Self::BLOCK..byte])
    }
}

/// How many of `bytes` start a UTF-8 character: all but the continuation
/// bytes `0b10xx_xxxx`.
fn starts_of_characters(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_alphanumeric_test_agrees_with_the_standard_one_everywhere() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_fast_mark_test_agrees_with_the_table_everywhere() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_mark(c), is_combining_mark(c), "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn word_count_counts_what_words_yields() {
        // The counter is a second implementation of the same rule, so it is
        // checked against the iterator on awkward cases, ASCII or not.
        let cases = [
            "",
            "one",
            " don't stop-gap U.S. 2,000 -- 'quoted' ... end.",
            "a.b. c- -d 'e' f'' g\u{2019}h i\u{2019} j-k-l m..n",
            "Пу\u{2019}тин said-so. \u{2018}Да\u{2019} \u{2014} 10.5 km\u{2019}s",
            "trailing joiner' ' - . x",
            "\u{200B}zero\u{00A0}width\tand\nlines",
            "Pen\u{303}a \u{301}x y-\u{303}z A\u{303}\u{301}b",
        ];
        for case in cases {
            assert_eq!(word_count(case), words(case).count(), "{case:?}");
        }
        assert_eq!(words("Pen\u{303}a Nieto").collect::<Vec<_>>(), ["Pen\u{303}a", "Nieto"]);
    }

    #[test]
    fn normalize_folds_spacing_and_invisible_characters() {
        let raw = "\u{FEFF}Title  \r\n\r\n\r\n\tBody\u{200B} text\u{202E}\u{00A0}here \r\nnext";
        assert_eq!(normalize(raw), "Title\n\nBody text here\nnext");
    }

    #[test]
    fn normalize_composes_to_nfc() {
        assert_eq!(normalize("e\u{301}"), "\u{e9}");
    }

    #[test]
    fn text_already_on_one_line_is_left_as_it_is() {
        for raw in [
            "Plain words, one space apart.",
            "\u{201c}Quoted,\u{201d} said Pe\u{0161}kov \u{2014} in Moscow.",
            " lead",
            "trail ",
            "two  spaces",
            "tab\there",
            "line\nbreak",
            "no\u{00A0}break",
            "zero\u{200B}width",
            "e\u{301}",
            "\u{7f}",
            "",
        ] {
            assert_eq!(one_line(raw), collapse_whitespace(&normalize(raw)), "{raw:?}");
        }
        assert!(is_one_line("Plain words, one space apart."));
        assert!(!is_one_line("e\u{301}"));
    }

    #[test]
    fn line_endings_are_folded_as_pairs_then_singles() {
        // As `replace("\r\n", "\n")` then `replace('\r', "\n")` would:
        // a `\r\n` is one break, a lone `\r` is one, and a control
        // character between them keeps them apart.
        for (raw, expected) in [
            ("a\r\nb", "a\nb"),
            ("a\rb", "a\nb"),
            ("a\r\r\nb", "a\n\nb"),
            ("a\n\rb", "a\n\nb"),
            ("a\r\u{0}\nb", "a\n\nb"),
            ("e\u{301}\r\ne\u{301}", "\u{e9}\n\u{e9}"),
            ("\r\n\r\n", ""),
        ] {
            assert_eq!(normalize(raw), expected, "{raw:?}");
        }
    }

    #[test]
    fn words_keep_inner_punctuation() {
        let found: Vec<_> = words("The U.S. can't meet face-to-face, he said.").collect();
        assert_eq!(found, ["The", "U.S", "can't", "meet", "face-to-face", "he", "said"]);
    }

    #[test]
    fn content_hash_ignores_spacing_and_case_but_not_outlet() {
        let a = content_hash(Some("CGTN"), Some("Title"), "One  two\nthree");
        let b = content_hash(Some("cgtn"), Some("title"), "one two three");
        let c = content_hash(Some("Reuters"), Some("Title"), "One two three");
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn token_f1_counts_repeated_words() {
        assert_eq!(token_f1("", ""), 1.0);
        assert_eq!(token_f1("a b", ""), 0.0);
        assert!((token_f1("the the cat", "the cat sat") - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn code_points_agree_with_counting_across_checkpoints_in_any_order() {
        let text = "\u{e9}t\u{e9} \u{1F600} said, ".repeat(2000);
        let cp = CodePoints::new(&text);
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).step_by(97).collect();
        for &b in bytes.iter().rev() {
            assert_eq!(cp.of_byte(b), text[..b].chars().count(), "byte {b}");
        }
        assert_eq!(cp.of_byte(text.len() + 5), text.chars().count());
    }

    #[test]
    fn code_points_agree_with_counting_at_every_byte() {
        for text in ["", "a", "\u{e9}", "plain ASCII only", &"\u{1F600}\u{e9}x \u{4E2D}\u{6587}, said".repeat(40)] {
            let cp = CodePoints::new(text);
            for b in 0..=text.len() + 2 {
                let mut boundary = b.min(text.len());
                while !text.is_char_boundary(boundary) {
                    boundary -= 1;
                }
                assert_eq!(cp.of_byte(b), text[..boundary].chars().count(), "byte {b} of {text:?}");
            }
        }
    }

    #[test]
    fn code_points_count_characters_not_bytes() {
        let text = "Песков said";
        let cp = CodePoints::new(text);
        assert_eq!(cp.of_byte(text.find("said").unwrap()), 7);
        assert_eq!(cp.of_byte(1), 0);
    }
}
