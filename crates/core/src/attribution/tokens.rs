//! Tokens, sentences, paragraphs and quotations of one text.
//!
//! The attribution rules look at words and punctuation, never at raw bytes,
//! so this pass decides once what a word is ("U.S.", "Mr.", "face-to-face",
//! "Trump's"), where sentences end (not after "Sen." or "Nov."), and which
//! quotation marks open and close a quotation, including quotations that run
//! on over several paragraphs. Offsets are byte offsets into the text; the
//! public API converts them to code points at the very end.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    /// One punctuation character: `, . ; : ! ? ( ) [ ]` and dashes.
    Punct(char),
    /// A double quotation mark (or a pair of single ones, as the New York
    /// Times writes them) that opens a quotation.
    Open,
    /// A quotation mark that closes one.
    Close,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The first character is an uppercase letter.
    pub cap: bool,
    /// The range of the lowercased token in [`Tokens::lower`].
    lower: (u32, u32),
    pub para: u32,
    pub sent: u32,
}

/// A quotation: from its opening mark to its closing mark, both included.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or of the last token of the text the
    /// quotation ran to when it never closed.
    pub close: usize,
    pub start: usize,
    pub end: usize,
    /// Words inside the quotation.
    pub words: usize,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Sentence {
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub end: usize,
    pub para: u32,
}

pub(crate) struct Tokens<'t> {
    pub text: &'t str,
    pub toks: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
    /// For each token, the index of the innermost quotation that contains it.
    pub in_quote: Vec<Option<u32>>,
    /// For each token, the word lists of `detect` it belongs to.
    classes: Vec<u16>,
    lower: String,
    /// The quotation opened by a token (the first one) and the one closed by
    /// it (the last one), so that a lookup does not scan every quotation,
    /// which made texts with many quotations quadratic.
    opening: std::collections::HashMap<usize, usize>,
    closing: std::collections::HashMap<usize, usize>,
}

/// Where the contracted auxiliary of a personal pronoun starts in `word`
/// ("he's" at 2, "They’ve" at 4), if `word` is one.
fn clitic_at(word: &str) -> Option<usize> {
    // Every word this is called on is checked, so the ones that cannot be a
    // contraction are let go on their length and first letter: the longest
    // is "They’ve", nine bytes.
    let first = *word.as_bytes().first()?;
    if word.len() > 9 || !matches!(first | 0x20, b'i' | b'y' | b'h' | b's' | b'w' | b't') {
        return None;
    }
    let at = word.find(['\'', '\u{2019}'])?;
    let (stem, tail) = word.split_at(at);
    let apostrophe = tail.chars().next()?.len_utf8();
    let clitic = &tail[apostrophe..];
    let pronoun = ["i", "you", "he", "she", "we", "they", "who"].iter().any(|p| p.eq_ignore_ascii_case(stem));
    let auxiliary = ["s", "ve", "d", "ll", "re", "m"].iter().any(|c| c.eq_ignore_ascii_case(clitic));
    (pronoun && auxiliary).then_some(at)
}

/// Abbreviations that keep their period and do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "cpl",
    "pvt", "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mt", "ft", "prof", "rev", "hon", "pres", "supt", "dept", "univ", "assn",
    "bros", "ave", "blvd", "fig", "approx", "est", "etc", "al", "msgr", "fr", "sens", "reps", "govs", "atty",
];

impl<'t> Tokens<'t> {
    /// Tokens with only `detect`'s word lists marked, for tests.
    #[cfg(test)]
    pub fn new(text: &'t str) -> Tokens<'t> {
        Tokens::with_classes(text, super::detect::class_bits)
    }

    /// Tokens of `text`, each word marked with `classes` of its lowercase.
    pub fn with_classes(text: &'t str, classes: impl Fn(&str) -> u16) -> Tokens<'t> {
        let mut toks: Vec<Token> = Vec::with_capacity(text.len() / 5);
        // The whole text in ASCII lowercase, at once: an ASCII word's
        // lowercase is then the same range of it, and only the words with
        // other characters (and a curly apostrophe) have their lowercase
        // appended after it. Copying and lowercasing word by word called
        // `memcpy` for every word of every article.
        let mut lower = String::with_capacity(text.len() + text.len() / 16);
        lower.push_str(text);
        lower.make_ascii_lowercase();
        let bytes = text.as_bytes();
        let mut para: u32 = 0;
        let mut newlines_since_token = 0usize;
        // The paragraph of a single opening quotation mark not yet closed,
        // so that "lines'" can close it though "Sanders'" is a possessive.
        let mut single_open: Option<u32> = None;
        // The paragraph whose last double quotation mark opened a quotation.
        let mut double_open: Option<u32> = None;
        let mut i = 0;
        while i < text.len() {
            let c = next_char(text, i);
            let w = c.len_utf8();
            if c == '\n' {
                newlines_since_token += 1;
                i += w;
                continue;
            }
            if c.is_whitespace() {
                i += w;
                continue;
            }
            if newlines_since_token > 0 && !toks.is_empty() {
                // A single line break also separates paragraphs: pasted page
                // text and the evaluation corpus both put one paragraph a line.
                para += 1;
            }
            newlines_since_token = 0;
            let start = i;
            if crate::text::is_alphanumeric(c) {
                let mut end = i + w;
                // Only a word with an apostrophe inside can be a pronoun
                // with a contracted auxiliary; the others skip that check.
                let mut apostrophe = false;
                loop {
                    // Most of a word is ASCII letters: skip them a byte at a time.
                    while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
                        end += 1;
                    }
                    if end >= text.len() {
                        break;
                    }
                    let d = next_char(text, end);
                    let dw = d.len_utf8();
                    if crate::text::is_alphanumeric(d) {
                        end += dw;
                        continue;
                    }
                    // "Pen\u{303}a": a text in decomposed form (as some
                    // systems save it) writes an accent as a mark after its
                    // letter, and the mark belongs to the word. Neither this
                    // nor a garbled letter is ASCII, which ends most words.
                    if !d.is_ascii()
                        && (crate::text::is_mark(d)
                            || is_garbled_letter(text[..end].chars().next_back(), d, text[end + dw..].chars().next()))
                    {
                        end += dw;
                        continue;
                    }
                    // Inner apostrophes, hyphens, periods and commas between
                    // letters or digits stay inside the word: "can't",
                    // "state-run", "U.S.", "2,000".
                    if matches!(d, '\'' | '\u{2019}' | '-' | '.' | ',' | '&') && end + dw < text.len() {
                        let e = next_char(text, end + dw);
                        let prev = text[..end].chars().next_back().unwrap_or(' ');
                        let keep = match d {
                            ',' => prev.is_ascii_digit() && e.is_ascii_digit(),
                            // "GunBroker.com", "HealthCare.gov": a period with a
                            // lowercase letter right after it is inside a web
                            // address; a sentence ends with a space after it.
                            '.' => {
                                (prev.is_ascii_digit() && e.is_ascii_digit())
                                    || (e.is_alphabetic() && is_initialism(after_hyphen(&text[start..end])))
                                    || (prev.is_ascii_alphanumeric() && e.is_ascii_lowercase())
                            }
                            '&' => prev.is_uppercase() && e.is_uppercase(),
                            _ => crate::text::is_alphanumeric(e),
                        };
                        if keep {
                            apostrophe |= matches!(d, '\'' | '\u{2019}');
                            end += dw + e.len_utf8();
                            continue;
                        }
                    }
                    break;
                }
                // A trailing period stays with an abbreviation or an initial.
                if end < text.len() && bytes[end] == b'.' {
                    let word = &text[start..end];
                    // "(D-N.Y.)": after a party letter, the state's
                    // initials are what the period closes.
                    let tail = after_hyphen(word);
                    // "No. 1" is a number; "said no." ends a sentence.
                    let number_sign = !word.eq_ignore_ascii_case("no")
                        || text[end + 1..].trim_start().starts_with(|c: char| c.is_ascii_digit());
                    let is_abbrev = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) && number_sign
                        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
                        || (tail.contains('.') && is_initialism(tail));
                    if is_abbrev {
                        end += 1;
                        // "A.F.L.-C.I.O.": initialisms joined by a hyphen
                        // are one name.
                        if bytes.get(end) == Some(&b'-') && bytes.get(end + 1).is_some_and(u8::is_ascii_uppercase) {
                            let mut e = end + 1;
                            while e < bytes.len() && (bytes[e].is_ascii_alphabetic() || bytes[e] == b'.') {
                                e += 1;
                            }
                            end = e;
                        }
                    }
                }
                // "He's said", "they've called for", "who'd argued": a
                // personal pronoun with a contracted auxiliary is two words,
                // the subject and the verb's helper, as in any treebank, so
                // that the cue finds its subject. ("it's", "that's" and the
                // like stay whole: they open clauses, not attributions.)
                let end = match apostrophe.then(|| clitic_at(&text[start..end])).flatten() {
                    Some(at) => {
                        // The pronoun is ASCII ("he", "They").
                        toks.push(Token {
                            start,
                            end: start + at,
                            kind: Kind::Word,
                            cap: c.is_uppercase(),
                            lower: (start as u32, (start + at) as u32),
                            para,
                            sent: 0,
                        });
                        let clitic_start = start + at;
                        let tail = &text[clitic_start..end];
                        let range = if tail.is_ascii() {
                            (clitic_start as u32, end as u32)
                        } else {
                            let l1 = lower.len() as u32;
                            lower.push('\'');
                            let apostrophe = tail.chars().next().map_or(1, char::len_utf8);
                            lower.push_str(&tail[apostrophe..]);
                            lower[l1 as usize..].make_ascii_lowercase();
                            (l1, lower.len() as u32)
                        };
                        toks.push(Token {
                            start: clitic_start,
                            end,
                            kind: Kind::Word,
                            cap: false,
                            lower: range,
                            para,
                            sent: 0,
                        });
                        i = end;
                        continue;
                    }
                    None => end,
                };
                let word = &text[start..end];
                let range = if word.is_ascii() {
                    (start as u32, end as u32)
                } else {
                    let l0 = lower.len() as u32;
                    for ch in word.chars() {
                        if ch == '\u{2019}' {
                            lower.push('\'');
                        } else {
                            lower.extend(ch.to_lowercase());
                        }
                    }
                    (l0, lower.len() as u32)
                };
                toks.push(Token { start, end, kind: Kind::Word, cap: c.is_uppercase(), lower: range, para, sent: 0 });
                i = end;
                continue;
            }
            // Three single marks close a quotation inside a quotation and
            // then the outer one: `'Yeah, go back,'''` is ' then ''.
            let single = |ch: char| matches!(ch, '\'' | '\u{2018}' | '\u{2019}' | '`');
            if single(c) && single_open == Some(para) && i + 2 < text.len() {
                let second = next_char(text, i + w);
                if single(second) && single(next_char(text, i + w + second.len_utf8())) {
                    toks.push(Token {
                        start,
                        end: start + w,
                        kind: Kind::Close,
                        cap: false,
                        lower: (0, 0),
                        para,
                        sent: 0,
                    });
                    single_open = None;
                    i += w;
                    continue;
                }
            }
            // Two single marks in a row are one double mark.
            let (kind, end) = match c {
                '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => {
                    let k = quote_kind(text, start, start + w, c, double_open == Some(para));
                    double_open = if k == Kind::Open { Some(para) } else { None };
                    (k, start + w)
                }
                '\'' | '\u{2018}' | '\u{2019}' | '`'
                    if i + w < text.len() && matches!(next_char(text, i + w), '\'' | '\u{2018}' | '\u{2019}' | '`') =>
                {
                    let e = i + w + next_char(text, i + w).len_utf8();
                    let k = quote_kind(text, start, e, '"', double_open == Some(para));
                    double_open = if k == Kind::Open { Some(para) } else { None };
                    (k, e)
                }
                '\'' | '\u{2018}' | '\u{2019}' => {
                    match single_quote_kind(text, start, start + w, c, single_open == Some(para)) {
                        Some(k) => {
                            single_open = if k == Kind::Open { Some(para) } else { None };
                            (k, start + w)
                        }
                        None => {
                            i += w;
                            continue;
                        }
                    }
                }
                '\u{2014}' | '\u{2013}' | '-' => {
                    // Runs of hyphens ("--") are one dash.
                    let mut e = start + w;
                    while e < text.len() && matches!(bytes[e], b'-') {
                        e += 1;
                    }
                    (Kind::Punct('\u{2014}'), e)
                }
                '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '\u{2026}' => {
                    (Kind::Punct(if c == '\u{2026}' { '.' } else { c }), start + w)
                }
                _ => {
                    i += w;
                    continue;
                }
            };
            toks.push(Token { start, end, kind, cap: false, lower: (0, 0), para, sent: 0 });
            i = end;
        }
        let classes = toks
            .iter()
            .map(|tok| {
                // "US Senator Jeff Sessions": in capitals "US" is the
                // country, not the pronoun.
                if tok.kind == Kind::Word && &text[tok.start..tok.end] == "US" {
                    classes("u.s.")
                } else if tok.kind == Kind::Word {
                    classes(&lower[tok.lower.0 as usize..tok.lower.1 as usize])
                } else {
                    0
                }
            })
            .collect();
        let mut tokens = Tokens {
            text,
            in_quote: vec![None; toks.len()],
            toks,
            sentences: Vec::new(),
            quotes: Vec::new(),
            lower,
            classes,
            opening: Default::default(),
            closing: Default::default(),
        };
        tokens.split_sentences();
        tokens.pair_quotes();
        for (q, quote) in tokens.quotes.iter().enumerate() {
            tokens.opening.entry(quote.open).or_insert(q);
            tokens.closing.insert(quote.close, q);
        }
        tokens
    }

    /// The lowercased text of a token ("’" folded to "'").
    pub fn lower(&self, i: usize) -> &str {
        let (a, b) = self.toks[i].lower;
        &self.lower[a as usize..b as usize]
    }

    /// Is token `i` a word in the `detect` list that `bit` stands for?
    #[inline]
    pub fn is(&self, i: usize, bit: u16) -> bool {
        self.classes.get(i).is_some_and(|c| c & bit != 0)
    }

    pub fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].kind == Kind::Word
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        i < self.toks.len() && self.toks[i].kind == Kind::Punct(c)
    }

    pub fn word_is(&self, i: usize, w: &str) -> bool {
        self.is_word(i) && self.lower(i) == w
    }

    /// Is token `i` "who", or "who" with a contracted verb ("who's",
    /// "who'd", "who've")?
    pub fn is_who(&self, i: usize) -> bool {
        self.is_word(i) && self.lower(i).split(['\'', '\u{2019}']).next() == Some("who")
    }

    /// Is token `i` a pronoun that opens a relative clause about people or
    /// things ("who", "that", "whose")? "which" is left out: it follows a
    /// comma and adds to a phrase rather than narrowing it down.
    pub fn is_relative_pronoun(&self, i: usize) -> bool {
        self.is_word(i) && matches!(self.lower(i), "who" | "that" | "whose")
    }

    pub fn slice(&self, first: usize, end: usize) -> &'t str {
        if first >= end || end > self.toks.len() {
            return "";
        }
        &self.text[self.toks[first].start..self.toks[end - 1].end]
    }

    pub fn sentence_of(&self, i: usize) -> Sentence {
        self.sentences[self.toks[i].sent as usize]
    }

    fn split_sentences(&mut self) {
        let n = self.toks.len();
        let mut first = 0;
        let mut i = 0;
        while i < n {
            let t = self.toks[i];
            let mut boundary = false;
            let mut end = i + 1;
            if matches!(t.kind, Kind::Punct('.') | Kind::Punct('!') | Kind::Punct('?')) {
                // An ellipsis written as periods is one mark: "The current
                // ... tensions" goes on, as the next word's case tells.
                while end < n && self.toks[end].para == t.para && self.toks[end].kind == Kind::Punct('.') {
                    end += 1;
                }
                // Closing quotes and brackets after the stop belong to this
                // sentence: `... like that."`
                while end < n
                    && self.toks[end].para == t.para
                    && matches!(self.toks[end].kind, Kind::Close | Kind::Punct(')'))
                {
                    end += 1;
                }
                // A lowercase word next is the same sentence ("the U.S. and"),
                // and so is a comma or semicolon: the period closed an
                // abbreviation ("Rand Paul, R-Ky., told").
                let next_is_lowercase = end < n
                    && self.toks[end].para == t.para
                    && self.toks[end].kind == Kind::Word
                    && self.text[self.toks[end].start..].starts_with(char::is_lowercase);
                let next_continues = t.kind == Kind::Punct('.')
                    && end < n
                    && self.toks[end].para == t.para
                    && matches!(self.toks[end].kind, Kind::Punct(',') | Kind::Punct(';'));
                boundary = !(next_is_lowercase || next_continues);
            } else if t.kind == Kind::Word
                && self.text.as_bytes()[t.end - 1] == b'.'
                && end < n
                && self.toks[end].para == t.para
                && self.toks[end].kind == Kind::Word
                && self.toks[end].cap
            {
                // "... attacks in the U.S. He says": an abbreviation that
                // keeps its period ends the sentence too when a word that
                // opens sentences, and no name, follows.
                let (a, b) = self.toks[end].lower;
                let next = &self.lower[a as usize..b as usize];
                boundary = matches!(
                    next,
                    "he" | "she"
                        | "they"
                        | "it"
                        | "we"
                        | "i"
                        | "but"
                        | "the"
                        | "this"
                        | "that"
                        | "these"
                        | "there"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "and"
                        | "in"
                        | "so"
                        | "yet"
                );
            }
            if end >= n || self.toks[end].para != t.para {
                boundary = true;
            }
            if boundary {
                let s = self.sentences.len() as u32;
                for tok in &mut self.toks[first..end] {
                    tok.sent = s;
                }
                self.sentences.push(Sentence { first, end, para: t.para });
                first = end;
            }
            i = end;
        }
    }

    /// Pairs quotation marks paragraph by paragraph. A quotation still open
    /// at the end of a paragraph runs on when the next paragraph opens with a
    /// quotation mark, which is how newspapers print a quote that runs over
    /// several paragraphs.
    fn pair_quotes(&mut self) {
        let n = self.toks.len();
        // Open quotations, innermost last: a straight-quoted excerpt can
        // hold curly quotations of its own.
        let mut open: Vec<usize> = Vec::new();
        let mut continuation = usize::MAX;
        for i in 0..n {
            let t = self.toks[i];
            match t.kind {
                // Nesting deeper than eight is broken typing, not quotation.
                Kind::Open if i == continuation || open.len() >= 8 => {}
                Kind::Open => open.push(i),
                Kind::Close => {
                    // A mark closes the innermost open mark of its own kind,
                    // double or single: in `“‘unpredictable.”` the stray
                    // single mark was a typo, and pairing it with the
                    // double close left the double quotation open to the
                    // end of the paragraph, hiding every cue after it.
                    let double = self.double_mark(i);
                    match open.iter().rposition(|&o| self.double_mark(o) == double) {
                        Some(p) => {
                            let o = open[p];
                            open.truncate(p);
                            self.push_quote(o, i);
                        }
                        None => {
                            if let Some(o) = open.pop() {
                                self.push_quote(o, i);
                            }
                        }
                    }
                }
                _ => {}
            }
            let para_ends = i + 1 >= n || self.toks[i + 1].para != t.para;
            if para_ends && !open.is_empty() {
                let next_opens = i + 1 < n && self.toks[i + 1].kind == Kind::Open;
                if next_opens && open.len() == 1 {
                    // The quotation runs on; the next paragraph's opening
                    // mark continues it rather than nesting a new one.
                    continuation = i + 1;
                } else {
                    // An unclosed quotation ends with its paragraph.
                    while let Some(o) = open.pop() {
                        self.push_quote(o, i);
                    }
                }
            }
        }
        for (q, quote) in self.quotes.iter().enumerate() {
            for slot in &mut self.in_quote[quote.open..=quote.close] {
                if slot.is_none() {
                    *slot = Some(q as u32);
                }
            }
        }
    }

    /// Is quotation mark token `i` a double mark (`"`, `“`, `''`, `«`)
    /// rather than a single one?
    fn double_mark(&self, i: usize) -> bool {
        let t = self.toks[i];
        let mut marks = self.text[t.start..t.end].chars();
        let first = marks.next();
        marks.next().is_some() || !matches!(first, Some('\'' | '\u{2018}' | '\u{2019}' | '`'))
    }

    fn push_quote(&mut self, open: usize, close: usize) {
        if close <= open {
            return;
        }
        let words = (open..close).filter(|&k| self.toks[k].kind == Kind::Word).count();
        self.quotes.push(Quote { open, close, start: self.toks[open].start, end: self.toks[close].end, words });
    }

    /// The quotation whose closing mark is token `i`.
    pub fn quote_closing_at(&self, i: usize) -> Option<usize> {
        if i >= self.toks.len() || self.toks[i].kind != Kind::Close {
            return None;
        }
        self.closing.get(&i).copied()
    }

    /// The quotation whose opening mark is token `i`.
    pub fn quote_opening_at(&self, i: usize) -> Option<usize> {
        if i >= self.toks.len() || self.toks[i].kind != Kind::Open {
            return None;
        }
        self.opening.get(&i).copied()
    }
}

#[inline]
fn next_char(text: &str, i: usize) -> char {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => b as char,
        Some(_) => text[i..].chars().next().unwrap_or(' '),
        None => ' ',
    }
}

/// Whether `c`, between `prev` and `next`, is part of a letter garbled by
/// the wrong encoding ("PeÃ±a" for "Peña", "SarukhÃ¡n"): a page saved as
/// UTF-8 and read as Latin-1 turns each accented letter into a letter and
/// a symbol or control character from U+0080 to U+00BF, which would split
/// the name in two and, with it, the sentence's subject from its cue. No
/// such symbol stands between two letters in text written as it should
/// be, but the Catalan middle dot ("col·lecció"), which is also one word;
/// the no-break space of that range separates words as any space does.
fn is_garbled_letter(prev: Option<char>, c: char, next: Option<char>) -> bool {
    matches!(c, '\u{80}'..='\u{BF}')
        && !c.is_whitespace()
        && prev.is_some_and(|p| p.is_alphabetic() || crate::text::is_mark(p))
        && next.is_some_and(char::is_alphabetic)
}

/// The part of a word after its last hyphen: "N.Y" in "D-N.Y".
fn after_hyphen(word: &str) -> &str {
    word.rsplit('-').next().unwrap_or(word)
}

/// "U.S", "U.N", "D.C": letters separated by periods.
fn is_initialism(word: &str) -> bool {
    let mut letters = 0;
    for part in word.split('.') {
        if part.is_empty() {
            continue;
        }
        if part.chars().count() > 2 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        letters += 1;
    }
    letters >= 1 && (word.contains('.') || word.chars().count() == 1)
}

/// Straight double quotes open after a space or an opening bracket and
/// close before one; curly ones say which they are. A straight mark with
/// space on both sides (`disgrace, " Trump said`) closes the quotation
/// `pending` says is open in this paragraph, and opens one otherwise.
///
/// Curly marks typed the wrong way round are read by their place: in
/// `problems for her here,“ said Clyburn` and `called them “rapists“ while`
/// the left mark closes the open quotation (it ends a word or punctuation
/// and a space or punctuation follows it), and in `he said, ”We` a right
/// mark opens one.
fn quote_kind(text: &str, start: usize, end: usize, c: char, pending: bool) -> Kind {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    match c {
        '\u{201C}'
            if pending
                && before.is_some_and(|b| !b.is_whitespace())
                && after.is_none_or(|a| a.is_whitespace() || matches!(a, ',' | '.' | ';' | ':' | '!' | '?' | ')')) =>
        {
            return Kind::Close
        }
        '\u{201D}'
            if !pending && before.is_none_or(char::is_whitespace) && after.is_some_and(char::is_alphanumeric) =>
        {
            return Kind::Open
        }
        '\u{201C}' | '\u{201E}' | '\u{00AB}' => return Kind::Open,
        '\u{201D}' | '\u{00BB}' => return Kind::Close,
        _ => {}
    }
    let space_before =
        before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '\u{2014}' | '\u{2013}' | '-' | ':'));
    let space_after = after
        .is_none_or(|a| a.is_whitespace() || matches!(a, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '\u{2014}'));
    if space_before && !space_after {
        Kind::Open
    } else if space_after && !space_before {
        Kind::Close
    } else if space_before {
        if pending {
            Kind::Close
        } else {
            Kind::Open
        }
    } else {
        Kind::Close
    }
}

/// Single quotation marks are quotes only where they cannot be apostrophes:
/// an opening mark after a space and before a letter, a closing mark after a
/// letter or punctuation and before a space. "Sanders' plan" stays a word.
fn single_quote_kind(text: &str, start: usize, end: usize, c: char, pending: bool) -> Option<Kind> {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let space_before = before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '"' | '\u{201C}'));
    let letter_after = after.is_some_and(|a| a.is_alphanumeric());
    // "in ‘08", "the ‘90s": a mark before a year's last two digits stands
    // for the century left out.
    let mut digits = text[end..].chars();
    if digits.next().is_some_and(|d| d.is_ascii_digit())
        && digits.next().is_some_and(|d| d.is_ascii_digit())
        && !digits.next().is_some_and(|d| d.is_ascii_digit())
    {
        return None;
    }
    if space_before && letter_after && c != '\u{2019}' {
        return Some(Kind::Open);
    }
    if space_before && letter_after {
        // A right single mark after a space opens in sloppy typing.
        return Some(Kind::Open);
    }
    let space_after = after
        .is_none_or(|a| a.is_whitespace() || matches!(a, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '"' | '\u{201D}'));
    let mark_before = before.is_some_and(|b| matches!(b, ',' | '.' | '!' | '?'));
    if space_after && mark_before {
        return Some(Kind::Close);
    }
    // "Sanders' plan": a letter before and a space after is an apostrophe
    // unless a single opening mark is pending; the caller cannot know, so
    // such marks are treated as closing only after an 's'-less word.
    if space_after && before.is_some_and(|b| b.is_alphabetic() && (pending || b != 's' && b != 'S')) {
        return Some(Kind::Close);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &Tokens) -> Vec<String> {
        (0..t.toks.len()).map(|i| t.slice(i, i + 1).to_string()).collect()
    }

    #[test]
    fn words_keep_abbreviations_and_inner_marks() {
        let t = Tokens::new("Sen. Ted Cruz (R-Texas) told the U.S. Senate it's a 2,000-page face-to-face bill.");
        assert_eq!(
            words(&t),
            [
                "Sen.",
                "Ted",
                "Cruz",
                "(",
                "R-Texas",
                ")",
                "told",
                "the",
                "U.S.",
                "Senate",
                "it's",
                "a",
                "2,000-page",
                "face-to-face",
                "bill",
                "."
            ]
        );
        assert_eq!(t.sentences.len(), 1);
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_a_pronoun_but_not_before_a_name() {
        let t = Tokens::new("Attacks in the U.S. He says more. Sen. Rand Paul and the U.S. economy agree.");
        let sentences: Vec<&str> =
            t.sentences.iter().map(|s| &t.text[t.toks[s.first].start..t.toks[s.end - 1].end]).collect();
        assert_eq!(sentences, ["Attacks in the U.S.", "He says more.", "Sen. Rand Paul and the U.S. economy agree."]);
    }

    #[test]
    fn a_web_address_is_one_word_and_ends_no_sentence() {
        let t = Tokens::new("A post on GunBroker.com said so. It cited HealthCare.gov.");
        assert_eq!(
            words(&t),
            ["A", "post", "on", "GunBroker.com", "said", "so", ".", "It", "cited", "HealthCare.gov", "."]
        );
        assert_eq!(t.sentences.len(), 2);
    }

    #[test]
    fn accents_decomposed_or_garbled_by_the_wrong_encoding_stay_inside_their_word() {
        let t = Tokens::new("Pen\u{303}a said so.");
        assert_eq!(words(&t), ["Pen\u{303}a", "said", "so", "."]);
        let t = Tokens::new("He\u{A0}said");
        assert_eq!(words(&t), ["He", "said"]);
        // "Peña" and "Sarukhán" saved as UTF-8 and read as Latin-1, once
        // composed and once decomposed; a plus-minus sign stays apart.
        let t = Tokens::new("Pe\u{C3}\u{B1}a and Sarukha\u{303}\u{83}A\u{302}\u{A1}n said \u{B1}5.");
        assert_eq!(words(&t), ["Pe\u{C3}\u{B1}a", "and", "Sarukha\u{303}\u{83}A\u{302}\u{A1}n", "said", "5", "."]);
    }

    #[test]
    fn quotes_pair_across_sentences_and_paragraphs() {
        let text = "\u{201C}One. Two.\n\u{201C}Three,\u{201D} he said. \"Four,\" she said.";
        let t = Tokens::new(text);
        assert_eq!(t.quotes.len(), 2);
        assert_eq!(&text[t.quotes[0].start..t.quotes[0].end], "\u{201C}One. Two.\n\u{201C}Three,\u{201D}");
        assert_eq!(&text[t.quotes[1].start..t.quotes[1].end], "\"Four,\"");
    }

    #[test]
    fn curly_marks_typed_the_wrong_way_round_pair_by_their_place() {
        let text =
            "\u{201C}It's unusual,\u{201C} said Noble. He said, \u{201D}We will see.\u{201D} \u{201C}Fine\u{201D} \
             called \u{201C}rapists\u{201C} while \u{201C}Two\u{201D}";
        let t = Tokens::new(text);
        let quoted: Vec<&str> = t.quotes.iter().map(|q| &text[q.start..q.end]).collect();
        assert_eq!(
            quoted,
            [
                "\u{201C}It's unusual,\u{201C}",
                "\u{201D}We will see.\u{201D}",
                "\u{201C}Fine\u{201D}",
                "\u{201C}rapists\u{201C}",
                "\u{201C}Two\u{201D}"
            ]
        );
    }

    #[test]
    fn three_marks_close_the_inner_quotation_then_the_outer() {
        let text = "''They say, 'Go back,''' said Mr. Regalado.";
        let t = Tokens::new(text);
        let quoted: Vec<&str> = t.quotes.iter().map(|q| &text[q.start..q.end]).collect();
        assert_eq!(quoted, ["'Go back,'", "''They say, 'Go back,'''"]);
        let said = (0..t.toks.len()).find(|&i| t.slice(i, i + 1) == "said").unwrap();
        assert!(t.in_quote[said].is_none());
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let t = Tokens::new("Sanders' plan and Putin's 'red lines' stay, as in \u{2018}08 and the \u{2018}90s.");
        assert_eq!(t.quotes.len(), 1);
        assert_eq!(&t.text[t.quotes[0].start..t.quotes[0].end], "'red lines'");
    }
}
