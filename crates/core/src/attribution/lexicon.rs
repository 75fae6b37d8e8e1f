//! The lexicons the attribution rules read: cues, source words, countries,
//! outlets, public figures and given names.
//!
//! The built-in lexicons are the files in `data/`, compiled in. A user's own
//! additions arrive as text in the same format (the library stores them) and
//! are layered on top with [`Lexicon::extend`]; a user row replaces a
//! built-in row with the same phrase, so a user can also correct one.

use super::sources::Gender;
use super::{CueClass, SourceType, Stance};
use crate::fasthash::FastMap as HashMap;
use crate::outlets::Gazetteer;
use crate::Diagnostic;

pub const CUES_TSV: &str = include_str!("../../../../data/cues.tsv");
pub const SOURCES_TSV: &str = include_str!("../../../../data/sources.tsv");
pub const COUNTRIES_TSV: &str = include_str!("../../../../data/countries.tsv");
pub const PEOPLE_TSV: &str = include_str!("../../../../data/people.tsv");
pub const GIVEN_NAMES_TSV: &str = include_str!("../../../../data/given-names.tsv");

/// Which lexicon a piece of text extends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum LexiconKind {
    Cues,
    Sources,
    Countries,
    Outlets,
    /// Public figures: one name for every way the news writes it.
    People,
    /// Given names that name one gender, for "he" and "she".
    #[serde(rename = "given-names")]
    #[cfg_attr(feature = "ts", ts(rename = "given-names"))]
    GivenNames,
}

impl LexiconKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LexiconKind::Cues => "cues",
            LexiconKind::Sources => "sources",
            LexiconKind::Countries => "countries",
            LexiconKind::Outlets => "outlets",
            LexiconKind::People => "people",
            LexiconKind::GivenNames => "given-names",
        }
    }

    pub fn parse(s: &str) -> Option<LexiconKind> {
        Some(match s {
            "cues" => LexiconKind::Cues,
            "sources" => LexiconKind::Sources,
            "countries" => LexiconKind::Countries,
            "outlets" => LexiconKind::Outlets,
            "people" => LexiconKind::People,
            "given-names" => LexiconKind::GivenNames,
            _ => return None,
        })
    }

    /// The header row a file of this kind starts with.
    pub fn header(self) -> &'static str {
        match self {
            LexiconKind::Cues => "phrase\tforms\tclass\tstance\tcomplements\ttrust",
            LexiconKind::Sources => "phrase\ttype\tcountry\trole",
            LexiconKind::Countries => "code\tname\taliases\tdemonyms\tcapitals",
            LexiconKind::Outlets => "name\taliases\tdomain\tcountry\tkind\tstate",
            LexiconKind::People => "name\taliases\ttype\tcountry",
            LexiconKind::GivenNames => "name\tgender",
        }
    }
}

/// What may follow a cue as its content. A bit set.
pub(crate) mod complement {
    pub const THAT: u8 = 1;
    pub const QUOTE: u8 = 2;
    pub const NP: u8 = 4;
    pub const TO: u8 = 8;
    pub const WH: u8 = 16;
    pub const OBJ: u8 = 32;
}

#[derive(Debug, Clone)]
pub struct CueEntry {
    pub phrase: String,
    pub class: CueClass,
    pub stance: Stance,
    pub(crate) complements: u8,
    /// Almost always a cue when it has a source for a subject. Weak cues
    /// ("show", "support", "call") need a clause or quotation as well.
    pub strong: bool,
    /// Why an attribution with this cue has it, as its evidence says:
    /// written once here rather than for every attribution.
    pub(crate) evidence: String,
}

impl CueEntry {
    fn new(phrase: &str, class: CueClass, stance: Stance, complements: u8, strong: bool) -> CueEntry {
        let evidence = format!("\"{phrase}\" in cues.tsv ({class:?}, {})", stance.as_str()).to_lowercase();
        CueEntry { phrase: phrase.to_string(), class, stance, complements, strong, evidence }
    }
}

/// What a word in a source noun phrase says about the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A role word next to a name: "spokesman", "President", "analyst".
    Title,
    /// A noun that heads a source phrase by itself: "officials", "report".
    Head,
    /// The name of an institution or actor: "White House", "Kremlin".
    Name,
    /// A phrase that makes the source anonymous: "on condition of anonymity".
    Anonymity,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct SourceWord {
    pub kind: SourceType,
    pub country: Option<[u8; 2]>,
    pub role: Role,
}

#[derive(Debug, Clone)]
pub struct Country {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CountryForm {
    Name,
    Demonym,
    Capital,
}

/// The cue forms that open with one word, longest first, so that "call
/// for" wins over "call": the remaining words of each and its cue.
#[derive(Debug, Clone, Default)]
pub(crate) struct CueForms {
    forms: Vec<(Vec<String>, u32)>,
    /// The second word of every form that has one, sorted. "in" opens
    /// seventy forms ("in a statement", "in an interview") and the forms
    /// of "to be" twenty each; the word after one of these in a text
    /// seldom opens any of them, and one search here rules them all out.
    seconds: Vec<String>,
    /// Where the forms of one word start: after the longer ones.
    single: usize,
}

impl CueForms {
    fn add(&mut self, rest: Vec<String>, id: u32) {
        if self.forms.iter().any(|(r, c)| *r == rest && *c == id) {
            return;
        }
        // Insert in place, after the forms at least as long, instead of
        // sorting and indexing again: the lexicon adds some thousand forms
        // one by one at every start.
        if let Some(second) = rest.first() {
            if let Err(at) = self.seconds.binary_search(second) {
                self.seconds.insert(at, second.clone());
            }
            self.single += 1;
        }
        let at = self.forms.partition_point(|(r, _)| r.len() >= rest.len());
        self.forms.insert(at, (rest, id));
    }

    fn remove_cue(&mut self, id: u32) {
        self.forms.retain(|(_, c)| *c != id);
        self.index();
    }

    fn index(&mut self) {
        self.seconds = self.forms.iter().filter_map(|(rest, _)| rest.first().cloned()).collect();
        self.seconds.sort_unstable();
        self.seconds.dedup();
        self.single = self.forms.iter().take_while(|(rest, _)| !rest.is_empty()).count();
    }

    /// The forms that may match where `next` follows the first word: all
    /// of them when some form goes on with `next`, else the one-word forms.
    pub(crate) fn candidates(&self, next: Option<&str>) -> &[(Vec<String>, u32)] {
        match next {
            Some(w) if self.seconds.binary_search_by(|s| s.as_str().cmp(w)).is_ok() => &self.forms,
            _ => &self.forms[self.single..],
        }
    }
}

impl std::ops::Deref for CueForms {
    type Target = [(Vec<String>, u32)];

    fn deref(&self) -> &Self::Target {
        &self.forms
    }
}

/// All lexicons together, ready for fast lookups.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub(crate) cues: Vec<CueEntry>,
    /// First word of a cue form to the remaining words and the cue.
    pub(crate) cue_forms: HashMap<String, CueForms>,
    pub(crate) sources: HashMap<String, SourceWord>,
    pub(crate) source_max_words: usize,
    /// The most words of any anonymity phrase ("on condition of anonymity").
    pub(crate) anonymity_max_words: usize,
    pub(crate) countries: Vec<Country>,
    /// Lowercased names, aliases, demonyms and capitals of countries.
    pub(crate) country_words: HashMap<String, (u16, CountryForm)>,
    pub(crate) country_max_words: usize,
    /// For each first word of a country's name or other form, the most
    /// words of any form it starts, so that a scan tries longer forms only
    /// where one can start.
    pub(crate) country_first: HashMap<String, usize>,
    /// Each country's forms, in the order they were added.
    pub(crate) country_forms: Vec<Vec<String>>,
    pub gazetteer: Gazetteer,
    /// Public figures from `data/people.tsv` and the user's rows.
    pub(crate) people: Vec<Person>,
    /// Each person's name and aliases, normalized, to the person.
    pub(crate) people_by_name: HashMap<String, usize>,
    /// Lowercase given names to the one gender they name.
    pub(crate) given_names: HashMap<String, Gender>,
    /// Every single word any list knows, with the bits of the lists it is
    /// in: `detect`'s word lists and [`SOURCE_BIT`], [`CUE_BIT`] and
    /// [`COUNTRY_BIT`]. Tokenizing looks each word up here once, so the
    /// rules ask bits rather than hash maps.
    /// Keyed by the word packed into an integer ([`pack_word`]): words are
    /// short, and comparing integers is much cheaper than comparing strings.
    vocabulary: HashMap<u128, u16>,
    /// Says quickly that most words are not in `vocabulary` at all.
    vocabulary_filter: WordFilter,
}

/// A public figure: the name the library uses for them, their type
/// (official or person) and country.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub name: String,
    pub kind: SourceType,
    pub country: Option<String>,
}

/// A Bloom filter over the packed words of the vocabulary.
///
/// The vocabulary has about 5,000 entries of 32 bytes each, more than the
/// fastest cache holds. The words a text shares with it are mostly frequent
/// ones ("the", "said") whose slots stay cached; the third or so of words
/// in no list are the rarer ones, and each lookup of one waited on memory
/// for a cold slot. This filter is 4 KiB: when it says no, the word is
/// certainly absent and the map is not touched; when it says yes, the map
/// decides. It never says no for a word that is present, so the bits every
/// word gets are the same as without it.
#[derive(Debug, Clone)]
pub(crate) struct WordFilter {
    bits: Vec<u64>,
}

impl Default for WordFilter {
    /// A filter of no words, to which words can be added.
    fn default() -> WordFilter {
        WordFilter::of(std::iter::empty())
    }
}

impl WordFilter {
    /// 2^15 bits: with two probes and about 5,000 words, about one absent
    /// word in ten gets through to the map.
    const BITS_LOG2: u32 = 15;

    fn of<'k>(keys: impl Iterator<Item = &'k u128>) -> WordFilter {
        let mut filter = WordFilter { bits: vec![0; 1 << (Self::BITS_LOG2 - 6)] };
        for &key in keys {
            for probe in Self::probes(key) {
                filter.bits[probe >> 6] |= 1 << (probe & 63);
            }
        }
        filter
    }

    #[inline]
    fn may_contain(&self, key: u128) -> bool {
        Self::probes(key).iter().all(|&probe| self.bits[probe >> 6] & (1 << (probe & 63)) != 0)
    }

    /// Adds a word. Words that cannot be packed (over 16 bytes) are left
    /// out: [`WordFilter::may_hold`] lets every such word through.
    pub(crate) fn insert(&mut self, word: &str) {
        if let Some(key) = pack_word(word) {
            for probe in Self::probes(key) {
                self.bits[probe >> 6] |= 1 << (probe & 63);
            }
        }
    }

    /// False only when `word` was certainly never inserted.
    #[inline]
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        pack_word(word).is_none_or(|key| self.may_contain(key))
    }

    /// Two bit positions from one multiplicative hash of the key; the high
    /// bits of the product mix every bit of the key.
    #[inline]
    fn probes(key: u128) -> [usize; 2] {
        let mixed = (key as u64 ^ ((key >> 64) as u64).rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let h = (mixed ^ (mixed >> 32)).wrapping_mul(0xD6E8_FEB8_6659_FD93);
        let first = (h >> (64 - Self::BITS_LOG2)) as usize;
        let second = ((h >> 20) & ((1 << Self::BITS_LOG2) - 1)) as usize;
        [first, second]
    }
}

/// The word starts a phrase of several words in the source lexicon.
pub(crate) const SOURCE_START_BIT: u16 = 1 << 11;
/// The word is the first word of an anonymity phrase of the source lexicon.
pub(crate) const ANONYMITY_START_BIT: u16 = 1 << 12;
/// The word is a one-word phrase of the source lexicon (or its possessive).
pub(crate) const SOURCE_BIT: u16 = 1 << 13;
/// The word can start a cue form.
pub(crate) const CUE_BIT: u16 = 1 << 14;
/// The word is a one-word country name, demonym or capital (or possessive).
pub(crate) const COUNTRY_BIT: u16 = 1 << 15;

impl Lexicon {
    /// The built-in lexicons from `data/`.
    pub fn builtin() -> Lexicon {
        let mut lexicon = Lexicon {
            cues: Vec::new(),
            cue_forms: HashMap::default(),
            sources: HashMap::default(),
            source_max_words: 1,
            anonymity_max_words: 1,
            countries: Vec::new(),
            country_words: HashMap::default(),
            country_max_words: 1,
            country_first: HashMap::default(),
            country_forms: Vec::new(),
            gazetteer: Gazetteer::builtin(),
            people: Vec::new(),
            people_by_name: HashMap::default(),
            given_names: HashMap::default(),
            vocabulary: HashMap::default(),
            vocabulary_filter: WordFilter::of(std::iter::empty()),
        };
        // The built-in files are checked by a unit test, so their
        // diagnostics are empty here.
        lexicon.extend(LexiconKind::Cues, CUES_TSV);
        lexicon.extend(LexiconKind::Sources, SOURCES_TSV);
        lexicon.extend(LexiconKind::Countries, COUNTRIES_TSV);
        lexicon.extend(LexiconKind::People, PEOPLE_TSV);
        lexicon.extend(LexiconKind::GivenNames, GIVEN_NAMES_TSV);
        lexicon
    }

    /// Adds rows in the format of the built-in file of `kind`. Bad rows are
    /// skipped with a diagnostic naming their line; good rows still count.
    pub fn extend(&mut self, kind: LexiconKind, tsv: &str) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        if kind == LexiconKind::Outlets {
            let (extra, found) = Gazetteer::parse(tsv);
            for outlet in extra.outlets() {
                self.gazetteer.add(outlet.clone());
            }
            return found;
        }
        let header = kind.header();
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') || line == header {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let result = match kind {
                LexiconKind::Cues => self.add_cue(&fields),
                LexiconKind::Sources => self.add_source(&fields),
                LexiconKind::Countries => self.add_country(&fields),
                LexiconKind::People => self.add_person(&fields),
                LexiconKind::GivenNames => self.add_given_name(&fields),
                LexiconKind::Outlets => unreachable!("handled above"),
            };
            if let Err(message) = result {
                diagnostics.push(
                    Diagnostic::warning("lexicon.bad_row", format!("{}: {message}", kind.as_str())).at_line(n + 1),
                );
            }
        }
        self.rebuild_vocabulary();
        diagnostics
    }

    fn rebuild_vocabulary(&mut self) {
        let mut vocabulary: HashMap<u128, u16> = HashMap::default();
        for (w, bits) in super::detect::word_classes() {
            if let Some(key) = pack_word(w) {
                *vocabulary.entry(key).or_default() |= *bits;
            }
        }
        let mut mark = |word: &str, bit: u16| {
            for w in [word.to_string(), format!("{word}'s")] {
                if let Some(key) = pack_word(&w) {
                    *vocabulary.entry(key).or_default() |= bit;
                }
            }
        };
        for w in self.cue_forms.keys() {
            mark(w, CUE_BIT);
        }
        let mut anonymity_max_words = 1;
        for (w, source) in &self.sources {
            match w.split_once(' ') {
                None => mark(w, SOURCE_BIT),
                Some((first, _)) => mark(first, SOURCE_START_BIT),
            }
            if source.kind == SourceType::Anonymous {
                mark(w.split(' ').next().unwrap_or(w), ANONYMITY_START_BIT);
                anonymity_max_words = anonymity_max_words.max(w.split(' ').count());
            }
        }
        self.anonymity_max_words = anonymity_max_words;
        for w in self.country_words.keys().filter(|w| !w.contains(' ')) {
            mark(w, COUNTRY_BIT);
        }
        self.vocabulary_filter = WordFilter::of(vocabulary.keys());
        self.vocabulary = vocabulary;
    }

    fn add_cue(&mut self, f: &[&str]) -> Result<(), String> {
        if f.len() < 6 {
            return Err(format!("expected 6 tab-separated columns, found {}", f.len()));
        }
        let class = CueClass::parse(f[2]).ok_or_else(|| format!("unknown class {:?}", f[2]))?;
        let stance = Stance::parse(f[3]).ok_or_else(|| format!("unknown stance {:?}", f[3]))?;
        let mut complements = 0;
        for c in f[4].split('|').map(str::trim).filter(|c| !c.is_empty()) {
            complements |= match c {
                "that" => complement::THAT,
                "quote" => complement::QUOTE,
                "np" => complement::NP,
                "to" => complement::TO,
                "wh" => complement::WH,
                "obj" => complement::OBJ,
                "none" => 0,
                other => return Err(format!("unknown complement {other:?}")),
            };
        }
        let strong = match f[5] {
            "strong" => true,
            "weak" => false,
            other => return Err(format!("trust must be strong or weak, not {other:?}")),
        };
        let phrase = f[0].to_lowercase();
        if phrase.is_empty() {
            return Err("empty phrase".into());
        }
        // A later row for the same phrase (a user's correction) replaces it.
        let id = match self.cues.iter().position(|c| c.phrase == phrase) {
            Some(id) => {
                for forms in self.cue_forms.values_mut() {
                    forms.remove_cue(id as u32);
                }
                self.cues[id] = CueEntry::new(&phrase, class, stance, complements, strong);
                id
            }
            None => {
                self.cues.push(CueEntry::new(&phrase, class, stance, complements, strong));
                self.cues.len() - 1
            }
        };
        let mut forms: Vec<String> =
            f[1].split('|').map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty()).collect();
        // The listed forms are exact: "state" lists only "stated" and
        // "stating", because the bare word is almost always a noun.
        if forms.is_empty() {
            forms.push(phrase);
        }
        for form in forms {
            let mut words = form.split_whitespace().map(|w| w.replace('\u{2019}', "'"));
            let Some(first) = words.next() else { continue };
            let rest: Vec<String> = words.collect();
            self.cue_forms.entry(first).or_default().add(rest, id as u32);
        }
        Ok(())
    }

    fn add_source(&mut self, f: &[&str]) -> Result<(), String> {
        if f.len() < 4 {
            return Err(format!("expected 4 tab-separated columns, found {}", f.len()));
        }
        let kind = SourceType::parse(f[1]).ok_or_else(|| format!("unknown type {:?}", f[1]))?;
        let country = parse_country(f[2])?;
        let role = match f[3] {
            "title" => Role::Title,
            "head" => Role::Head,
            "name" => Role::Name,
            "anonymity" => Role::Anonymity,
            other => return Err(format!("unknown role {other:?}")),
        };
        let phrase = normalize_phrase(f[0]);
        if phrase.is_empty() {
            return Err("empty phrase".into());
        }
        self.source_max_words = self.source_max_words.max(phrase.split(' ').count());
        let word = SourceWord { kind, country, role };
        // "newspapers", "senators", "agencies": a noun's plural names the
        // same kind of source. It heads a phrase ("two senators said") but
        // is no title: titles stand before or after one name ("Senator
        // Graham", "Graham, a senator,"). A row of its own for the plural
        // ("speakers", who are seldom a legislature's) wins whichever comes
        // first.
        if matches!(role, Role::Head | Role::Title) && !phrase.contains(' ') {
            if let Some(plural) = plural_of(&phrase) {
                self.sources.entry(plural).or_insert(SourceWord { role: Role::Head, ..word });
            }
        }
        self.sources.insert(phrase, word);
        Ok(())
    }

    /// A public figure, under their name and every alias. A later row that
    /// gives a name or alias again (a user's) takes it over.
    fn add_person(&mut self, f: &[&str]) -> Result<(), String> {
        if f.len() < 4 {
            return Err(format!("expected 4 tab-separated columns, found {}", f.len()));
        }
        let name = f[0];
        if normalize_phrase(name).is_empty() {
            return Err("empty name".into());
        }
        // Only a person's or an official's name can be looked up here: the
        // list names people, and organizations have sources.tsv.
        let kind = match SourceType::parse(f[2]) {
            Some(kind @ (SourceType::Person | SourceType::Official)) => kind,
            _ => return Err(format!("type must be official or person, not {:?}", f[2])),
        };
        let country = parse_country(f[3])?.map(|c| String::from_utf8_lossy(&c).into_owned());
        let id = self.people.len();
        self.people.push(Person { name: name.to_string(), kind, country });
        for form in std::iter::once(name).chain(f[1].split('|')) {
            let form = normalize_phrase(form);
            if !form.is_empty() {
                self.people_by_name.insert(form, id);
            }
        }
        Ok(())
    }

    /// A given name and the gender it names: `f`, `m`, or `either` for a
    /// name more than one gender uses, which takes back a gender an
    /// earlier row gave it.
    fn add_given_name(&mut self, f: &[&str]) -> Result<(), String> {
        if f.len() < 2 {
            return Err(format!("expected 2 tab-separated columns, found {}", f.len()));
        }
        let name = normalize_phrase(f[0]);
        if name.is_empty() || name.contains(' ') {
            return Err(format!("a given name is one word, not {:?}", f[0]));
        }
        match f[1] {
            "f" => self.given_names.insert(name, Gender::Female),
            "m" => self.given_names.insert(name, Gender::Male),
            "either" => self.given_names.remove(&name),
            other => return Err(format!("gender must be f, m or either, not {other:?}")),
        };
        Ok(())
    }

    /// The public figure a name or alias is, as `data/people.tsv` or the
    /// user's rows list them.
    pub(crate) fn person_named(&self, name: &str) -> Option<&Person> {
        self.people_by_name.get(&normalize_phrase(name)).map(|&i| &self.people[i])
    }

    /// The gender a given name names, if only one.
    pub(crate) fn given_name_gender(&self, word: &str) -> Option<Gender> {
        // Names are short and mostly ASCII: lowercased on the stack, as this
        // runs for every person an article names.
        let mut buf = [0u8; 32];
        if word.is_ascii() && word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).ok().and_then(|w| self.given_names.get(w).copied());
        }
        self.given_names.get(word.to_lowercase().replace('\u{2019}', "'").as_str()).copied()
    }

    fn add_country(&mut self, f: &[&str]) -> Result<(), String> {
        if f.len() < 5 {
            return Err(format!("expected 5 tab-separated columns, found {}", f.len()));
        }
        parse_country(f[0])?.ok_or("empty country code")?;
        let idx = match self.countries.iter().position(|c| c.code == f[0]) {
            Some(i) => i,
            None => {
                self.countries.push(Country { code: f[0].to_string(), name: f[1].to_string() });
                self.countries.len() - 1
            }
        } as u16;
        let mut add = |word: &str, form: CountryForm| {
            let w = normalize_phrase(word);
            if !w.is_empty() {
                let words = w.split(' ').count();
                self.country_max_words = self.country_max_words.max(words);
                let first = w.split(' ').next().unwrap_or_default().to_string();
                let most = self.country_first.entry(first).or_insert(0);
                *most = (*most).max(words);
                // A name wins over a capital: "Washington" the state aside,
                // "Georgia" is a country before it is anything else.
                if let std::collections::hash_map::Entry::Vacant(slot) = self.country_words.entry(w) {
                    if self.country_forms.len() <= idx as usize {
                        self.country_forms.resize(idx as usize + 1, Vec::new());
                    }
                    self.country_forms[idx as usize].push(slot.key().clone());
                    slot.insert((idx, form));
                }
            }
        };
        add(f[1], CountryForm::Name);
        for a in f[2].split('|') {
            add(a, CountryForm::Name);
        }
        for d in f[3].split('|') {
            add(d, CountryForm::Demonym);
        }
        for c in f[4].split('|') {
            add(c, CountryForm::Capital);
        }
        Ok(())
    }

    pub fn cue(&self, id: u32) -> &CueEntry {
        &self.cues[id as usize]
    }

    /// Can a source phrase start at this (lowercase) word? One lookup that
    /// spares the longer phrases starting at every other word.
    pub(crate) fn may_start_source(&self, word: &str) -> bool {
        self.word_bits(word) & (SOURCE_BIT | SOURCE_START_BIT) != 0
    }

    /// Can an anonymity phrase start at this (lowercase) word?
    pub(crate) fn may_start_anonymity(&self, word: &str) -> bool {
        self.word_bits(word) & ANONYMITY_START_BIT != 0
    }

    /// The bits of the word lists a lowercase word is in (0 for none).
    #[inline]
    pub(crate) fn word_bits(&self, word: &str) -> u16 {
        match pack_word(word) {
            Some(key) if self.vocabulary_filter.may_contain(key) => self.vocabulary.get(&key).copied().unwrap_or(0),
            _ => 0,
        }
    }

    pub(crate) fn source_word(&self, phrase: &str) -> Option<SourceWord> {
        self.sources.get(phrase).copied()
    }

    pub(crate) fn country_word(&self, phrase: &str) -> Option<(&Country, CountryForm)> {
        self.country_words.get(phrase).map(|&(i, form)| (&self.countries[i as usize], form))
    }
}

/// A word of up to 16 bytes as one integer; longer words are in no list.
///
/// Every word of every text is packed, so this avoids copying the word into
/// a buffer: a copy of variable length compiles to a call to `memcpy`, which
/// cost more than the rest of the packing. The bytes are read instead with
/// at most four loads that may overlap; overlapping bytes are the same
/// bytes, so OR-ing them in is exact.
#[inline]
pub(crate) fn pack_word(word: &str) -> Option<u128> {
    let bytes = word.as_bytes();
    let n = bytes.len();
    if n == 0 || n > 16 {
        return None;
    }
    let (low, high) = if n >= 8 {
        let (first, rest) = bytes.split_at(8);
        (u64::from_le_bytes(first.try_into().expect("eight bytes")), pack_short(rest))
    } else {
        (pack_short(bytes), 0)
    };
    Some(u128::from(low) | u128::from(high) << 64)
}

/// Up to eight bytes, little-endian, as [`pack_word`] packs them.
#[inline]
fn pack_short(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    match n {
        0 => 0,
        1 => u64::from(bytes[0]),
        2..=3 => {
            let first = u16::from_le_bytes([bytes[0], bytes[1]]);
            let last = u16::from_le_bytes([bytes[n - 2], bytes[n - 1]]);
            u64::from(first) | u64::from(last) << (8 * (n - 2))
        }
        _ => {
            let first = u32::from_le_bytes(bytes[..4].try_into().expect("four bytes"));
            let last = u32::from_le_bytes(bytes[n - 4..n].try_into().expect("four bytes"));
            u64::from(first) | u64::from(last) << (8 * (n - 4))
        }
    }
}

/// The regular English plural of a lowercase noun ("official" →
/// "officials", "agency" → "agencies", "spokesman" → "spokesmen"); none for
/// a word that already looks plural or is too short to tell.
fn plural_of(noun: &str) -> Option<String> {
    if noun.len() < 3 || !noun.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') || noun.ends_with('s') {
        return None;
    }
    let bytes = noun.as_bytes();
    let before_last = bytes[bytes.len() - 2];
    Some(if let Some(stem) = noun.strip_suffix("man") {
        format!("{stem}men")
    } else if noun.ends_with('y') && !b"aeiou".contains(&before_last) {
        format!("{}ies", &noun[..noun.len() - 1])
    } else if noun.ends_with("sh") || noun.ends_with("ch") || noun.ends_with('x') || noun.ends_with('z') {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    })
}

/// Lowercase, single spaces, curly apostrophes folded: the key every
/// phrase lookup uses.
pub(crate) fn normalize_phrase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        // Most phrases are ASCII, where the general path below comes down
        // to this: break words on the six ASCII characters that
        // `char::is_whitespace` accepts, and lowercase byte by byte rather
        // than through a `ToLowercase` iterator per character.
        let mut gap = false;
        for b in s.bytes() {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
                gap = !out.is_empty();
                continue;
            }
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(char::from(b.to_ascii_lowercase()));
        }
        return out;
    }
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            if c == '\u{2019}' {
                out.push('\'');
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
    out
}

/// `word.trim_end_matches(suffix)`: every trailing `suffix` removed. With a
/// string pattern, `trim_end_matches` builds a substring searcher on every
/// call, which cost more than the lookup the trimmed word was for.
pub(crate) fn trim_suffix<'w>(mut word: &'w str, suffix: &str) -> &'w str {
    if suffix.is_empty() {
        return word;
    }
    while let Some(rest) = word.strip_suffix(suffix) {
        word = rest;
    }
    word
}

fn parse_country(s: &str) -> Result<Option<[u8; 2]>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    let b = s.as_bytes();
    if b.len() != 2 || !b.iter().all(u8::is_ascii_uppercase) {
        return Err(format!("country must be a two-letter ISO code, not {s:?}"));
    }
    Ok(Some([b[0], b[1]]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse_without_diagnostics() {
        let mut lexicon = Lexicon::builtin();
        for (kind, text) in [
            (LexiconKind::Cues, CUES_TSV),
            (LexiconKind::Sources, SOURCES_TSV),
            (LexiconKind::Countries, COUNTRIES_TSV),
            (LexiconKind::People, PEOPLE_TSV),
            (LexiconKind::GivenNames, GIVEN_NAMES_TSV),
        ] {
            let found = lexicon.extend(kind, text);
            assert!(found.is_empty(), "{}: {:?}", kind.as_str(), found);
        }
        assert!(lexicon.cues.len() > 150, "only {} cues", lexicon.cues.len());
        assert!(lexicon.country_word("russian").is_some());
        assert!(lexicon.source_word("spokesman").is_some());
    }

    #[test]
    fn ascii_phrases_normalize_as_any_phrase_does() {
        // The general path, applied to ASCII input.
        let general = |s: &str| s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ");
        for phrase in ["Kremlin Spokesman", "  U.S.  officials\t\n", "\u{0B}A\u{0C}B\rC", "", "   ", "it's"] {
            assert_eq!(normalize_phrase(phrase), general(phrase), "{phrase:?}");
        }
        assert_eq!(normalize_phrase("Putin\u{2019}s  \u{00A0}SPOKESMAN"), "putin's spokesman");
    }

    #[test]
    fn suffixes_trim_as_trim_end_matches_does() {
        for word in ["putin's", "x's's", "'s", "s", "", "russia", "it\u{2019}s"] {
            for suffix in ["'s", "\u{2019}s"] {
                assert_eq!(trim_suffix(word, suffix), word.trim_end_matches(suffix), "{word:?} {suffix:?}");
            }
        }
    }

    #[test]
    fn words_pack_as_their_bytes_padded_with_zeros() {
        // Every length, with distinct bytes, so that a load at a wrong
        // offset or a wrong shift shows.
        let alphabet = "abcdefghijklmnopq";
        let words: Vec<&str> = (1..=16).map(|n| &alphabet[..n]).chain(["u.s.", "Россия", "state-run"]).collect();
        for word in words {
            let mut buf = [0u8; 16];
            buf[..word.len()].copy_from_slice(word.as_bytes());
            assert_eq!(pack_word(word), Some(u128::from_le_bytes(buf)), "{word}");
        }
        assert_eq!(pack_word(""), None);
        assert_eq!(pack_word(&"x".repeat(17)), None);
    }

    #[test]
    fn the_vocabulary_filter_lets_every_known_word_through() {
        let lexicon = Lexicon::builtin();
        assert!(lexicon.vocabulary.len() > 1000);
        for &key in lexicon.vocabulary.keys() {
            assert!(lexicon.vocabulary_filter.may_contain(key));
        }
        assert!(lexicon.word_bits("said") & CUE_BIT != 0);
        assert_eq!(lexicon.word_bits("zyzzyva"), 0);
    }

    #[test]
    fn user_rows_extend_and_replace() {
        let mut lexicon = Lexicon::builtin();
        let found = lexicon.extend(
            LexiconKind::Cues,
            "harrumph\tharrumph|harrumphed\tspeech\tdistancing\tthat|quote\tstrong\nbad row",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, Some(2));
        let ids = &lexicon.cue_forms["harrumphed"];
        assert_eq!(lexicon.cue(ids[0].1).stance, Stance::Distancing);
        lexicon.extend(LexiconKind::Cues, "harrumph\tharrumphed\tspeech\tneutral\tthat\tstrong");
        let ids = &lexicon.cue_forms["harrumphed"];
        assert_eq!(ids.len(), 1);
        assert_eq!(lexicon.cue(ids[0].1).stance, Stance::Neutral);
    }
}
