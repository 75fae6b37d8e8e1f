//! What kind of source a noun phrase names, its country and its canonical
//! name, with pronouns and "the report" resolved to what they refer to.
//!
//! The type comes from the first of these that applies, and the evidence
//! names it: an anonymity phrase; state media, an outlet or generic media;
//! a document (which takes the type of the outlet that carried it); an
//! official title, an institution, a country acting as a state; a name the
//! article introduced with a title ("Kremlin spokesman Dmitry Peskov", so
//! that a later "Peskov" is the same official); any other name (a person).

use super::detect::{in_list, BREAK_BIT, DETERMINERS_BIT, MODIFIERS_BIT, NOUN_MARKERS_BIT, NP_PREPOSITIONS_BIT};
use super::lexicon::{normalize_phrase, trim_suffix, CountryForm, Lexicon, Role, CUE_BIT, SOURCE_START_BIT};
use super::lexicon::{COUNTRY_BIT, SOURCE_BIT};
use super::tokens::{Kind, Tokens};
use super::SourceType;
use crate::fasthash::FastMap as HashMap;
use crate::outlets::{OutletKind, StateAffiliation};

/// A source as typed, before offsets become code points.
#[derive(Debug, Clone)]
pub(crate) struct Typed {
    pub kind: SourceType,
    pub country: Option<String>,
    pub canonical: String,
    /// The source is a document (a report, a video) carried by `kind`.
    pub document: bool,
    /// For pronouns and "the report": the attribution referred to.
    pub refers_to: Option<usize>,
    /// Typed from a lexicon word ("Russian media", "officials"), not from
    /// a name: a generic source that a later named one may specify.
    pub generic: bool,
    /// Names one person, by name, whatever body the title after the name
    /// speaks for ("James Henson, director of the Texas Politics
    /// Project"): "he" and "she" may refer to it.
    pub individual: bool,
    pub evidence: String,
}

impl Typed {
    /// A source named by the phrase itself: no document, no reference
    /// back, not generic, and not one person by name.
    fn named(kind: SourceType, country: Option<String>, canonical: String, evidence: String) -> Typed {
        Typed {
            kind,
            country,
            canonical,
            document: false,
            refers_to: None,
            generic: false,
            individual: false,
            evidence,
        }
    }
}

/// A person the article names in full, with what their title says.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    pub name: String,
    pub kind: Option<SourceType>,
    pub country: Option<String>,
    /// What an honorific or a gendered title says ("Mrs. Clinton",
    /// "spokeswoman Maria Zakharova"), so that "she" does not refer to
    /// "Mr. Sanders".
    pub gender: Option<Gender>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Female,
    Male,
}

/// The gender an honorific or a title word gives its person, if any.
fn gender_of(word: &str) -> Option<Gender> {
    match word.trim_end_matches('.') {
        "mrs" | "ms" | "miss" | "madam" | "spokeswoman" | "chairwoman" | "congresswoman" | "businesswoman"
        | "councilwoman" | "assemblywoman" => Some(Gender::Female),
        "mr" | "spokesman" | "congressman" | "businessman" | "councilman" | "assemblyman" => Some(Gender::Male),
        _ => None,
    }
}

/// A person or official named by a public figure's name or alias goes by
/// the name `data/people.tsv` gives, with its type and country, so that
/// "Obama" in one article and "Barack H. Obama" in another are one source.
/// A name the article introduced itself was resolved before this, so
/// "Trump" after "Ivanka Trump" stays hers.
fn known_person(lex: &Lexicon, mut typed: Typed) -> Typed {
    // Names are capitalised; most other canonical names ("officials",
    // "spokesman for the ministry") are not, and need no lookup.
    if typed.document
        || !matches!(typed.kind, SourceType::Person | SourceType::Official | SourceType::Unknown)
        || !typed.canonical.starts_with(char::is_uppercase)
    {
        return typed;
    }
    // "Mr. Obama" is Barack Obama.
    let name = match typed.canonical.split_once(' ') {
        Some((first, rest))
            if ["mr", "mrs", "ms", "miss"].iter().any(|h| first.trim_end_matches('.').eq_ignore_ascii_case(h)) =>
        {
            rest
        }
        _ => typed.canonical.as_str(),
    };
    let Some(person) = lex.person_named(name) else { return typed };
    if person.name != typed.canonical {
        typed.evidence = format!("{}; \"{}\" is {} (people.tsv)", typed.evidence, typed.canonical, person.name);
        typed.canonical = person.name.clone();
    }
    if matches!(typed.kind, SourceType::Person | SourceType::Unknown) {
        typed.kind = person.kind;
    }
    typed.country = typed.country.or_else(|| person.country.clone());
    typed.individual = true;
    typed
}

/// The gender "he" or "she" names ("she", else male).
fn pronoun_gender(pronoun: &str) -> Gender {
    if pronoun == "she" {
        Gender::Female
    } else {
        Gender::Male
    }
}

/// The gender of a full name's first given name ("Sandra Paradis").
fn name_gender(lex: &Lexicon, name: &str) -> Option<Gender> {
    let given = given_names(name);
    given.split(' ').next().filter(|w| !w.is_empty()).and_then(|w| lex.given_name_gender(w))
}

/// The words of a full name before its surname ("Bill" in "Bill
/// Clinton"); empty for a surname alone.
fn given_names(name: &str) -> &str {
    name.rsplit_once(' ').map_or("", |(given, _)| given)
}

/// "Jr.", "Sr." and the numerals that follow a name to tell a family's
/// generations apart.
fn is_generation(word: &str) -> bool {
    matches!(word, "jr." | "jr" | "sr." | "sr" | "ii" | "iii" | "iv")
}

/// An honorific that stands before a name and is no part of it.
fn is_honorific(word: &str) -> bool {
    matches!(word.trim_end_matches('.'), "mr" | "mrs" | "ms" | "miss")
}

/// Whether `w` is a last word that names a body, not a person
/// ("institute", "party", "times"). A match, not a list: it runs for every
/// word of every capitalised run, and the compiler sorts the words by
/// length and bytes where a list is compared one word at a time.
#[rustfmt::skip]
fn is_org_suffix(w: &str) -> bool {
    matches!(
        w,
        "institute" | "university" | "foundation" | "council" | "committee" | "association" | "group" | "inc."
            | "corp." | "party" | "department" | "ministry" | "agency" | "commission" | "bank" | "center"
            | "centre" | "society" | "union" | "fund" | "organization" | "organisation" | "coalition"
            | "alliance" | "company" | "corporation" | "network" | "project" | "campaign" | "league"
            | "federation" | "board" | "office" | "court" | "college" | "school" | "hospital" | "church"
            | "pac" | "watch" | "forum" | "service" | "services" | "bureau" | "administration" | "authority"
            | "times" | "post" | "news"
    )
}

/// The last words of newspapers' names. Left out: "leader" ("Majority
/// Leader"), "express" ("American Express") and "daily", which end other
/// names too; "News-Leader" is matched on its first part.
const MASTHEAD_WORDS: &[&str] = &[
    "times",
    "post",
    "news",
    "herald",
    "tribune",
    "journal",
    "gazette",
    "register",
    "sun",
    "star",
    "globe",
    "chronicle",
    "dealer",
    "inquirer",
    "enquirer",
    "examiner",
    "observer",
    "telegraph",
    "courier",
    "dispatch",
    "bee",
    "monitor",
    "sentinel",
    "statesman",
];

const DOCUMENT_WORDS: &[&str] = &[
    "report",
    "statement",
    "study",
    "survey",
    "poll",
    "analysis",
    "memo",
    "letter",
    "filing",
    "lawsuit",
    "complaint",
    "indictment",
    "data",
    "figures",
    "documents",
    "document",
    "records",
    "video",
    "footage",
    "tweet",
    "post",
    "book",
    "op-ed",
    "editorial",
    "article",
    "transcript",
    "release",
    "email",
    "emails",
    "audit",
    "review",
    "findings",
    "estimate",
    "estimates",
    "forecast",
    "census",
    "polls",
    "reports",
    "studies",
    "surveys",
    "website",
    "account",
    "broadcast",
    "interview",
    "clip",
    "message",
    "cable",
    "paper",
    "report's",
    "ruling",
    "order",
    "verdict",
];

pub(crate) struct Typer<'a, 't> {
    pub t: &'a Tokens<'t>,
    pub lex: &'a Lexicon,
    /// The publishing outlet, for "self".
    pub outlet: Option<&'a str>,
    /// Surname (lowercase) to the full name the article gave first.
    pub entities: HashMap<String, Entity>,
    /// Full names (lowercase) of people who share a surname with someone
    /// the article named before them ("Bill Clinton" after "Hillary
    /// Clinton"), so that each full mention is its own person.
    pub namesakes: HashMap<String, Entity>,
    /// The token span of each attribution's cue, by attribution index, so
    /// that "the statement" can find the attribution whose cue named one.
    pub cues: Vec<(usize, usize)>,
    /// The gender "he" or "she" gave each canonical name it was resolved
    /// to, so that "she" for Sandra Paradis keeps a later "he" off her.
    pub pronoun_genders: std::cell::RefCell<HashMap<String, Gender>>,
}

impl<'a, 't> Typer<'a, 't> {
    pub fn new(t: &'a Tokens<'t>, lex: &'a Lexicon, outlet: Option<&'a str>, cues: Vec<(usize, usize)>) -> Self {
        let mut typer = Typer {
            t,
            lex,
            outlet,
            entities: HashMap::default(),
            namesakes: HashMap::default(),
            cues,
            pronoun_genders: Default::default(),
        };
        typer.collect_entities();
        typer
    }

    /// Finds every run of two or more capitalised words that is a person's
    /// name, with the title and country written in front of it.
    fn collect_entities(&mut self) {
        let t = self.t;
        let n = t.toks.len();
        let mut honorific_only: HashMap<String, (String, Option<Gender>)> = HashMap::default();
        let mut i = 0;
        while i < n {
            if !(t.is_word(i) && t.toks[i].cap) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && t.is_word(j) && t.toks[j].cap && t.toks[j].para == t.toks[i].para {
                j += 1;
            }
            // Titles, institutions and demonyms at the front of the run and
            // lowercase ones just before it: "Russian President", "Kremlin
            // spokesman".
            let mut kind = None;
            let mut country = None;
            let mut gender = None;
            // "Vermont Sen. Bernie Sanders", "Ohio Republican John Kasich":
            // one or two unknown words before a title or a party are the
            // place it is of, and no part of the name.
            let title_or_party = |p: usize| {
                matches!(t.lower(p), "democrat" | "republican")
                    || t.is(p, SOURCE_BIT) && self.lex.source_word(t.lower(p)).is_some_and(|sw| sw.role == Role::Title)
            };
            let place_end = (i + 1..(i + 3).min(j)).find(|&p| p + 1 < j && title_or_party(p)).filter(|&p| {
                // A word that starts only longer lexicon phrases
                // ("Defense" of "defense ministry") can still be the
                // department a title is of: the two-word titles the lexicon
                // knows were tried first.
                (i..p).all(|q| !t.is(q, SOURCE_BIT | COUNTRY_BIT) && !is_honorific(t.lower(q)))
                    && self.two_word_source(i).is_none()
            });
            let mut name_start = place_end.unwrap_or(i);
            let mut k = name_start;
            while k < j {
                let w = t.lower(k);
                let mut known = false;
                // "Mr. Sanders": the honorific says who, not the name. "The
                // Obama administration": a capitalised determiner opens the
                // run, and no name.
                if is_honorific(w) || k == i && t.is(k, NOUN_MARKERS_BIT | DETERMINERS_BIT) {
                    gender = gender.or(gender_of(w));
                    k += 1;
                    name_start = k;
                    continue;
                }
                // "Democrat Bernie Sanders", "Republican Christine Todd
                // Whitman": a party before a name says what the person is, a
                // politician, and is no part of the name. (In the lexicon it
                // would make "Republican voters" officials.)
                if matches!(w, "democrat" | "republican") && j - k >= 3 {
                    kind = kind.or(Some(SourceType::Official));
                    k += 1;
                    name_start = k;
                    continue;
                }
                if t.is(k, SOURCE_BIT) {
                    gender = gender.or(gender_of(w));
                }
                // "Defense Secretary Ash Carter": a title of two words.
                let pair = (k + 2 < j)
                    .then(|| self.two_word_source(k))
                    .flatten()
                    .filter(|sw| matches!(sw.role, Role::Title | Role::Name));
                if let Some(sw) = pair {
                    kind = kind.or(Some(sw.kind));
                    country = country.or(sw.country.map(code));
                    k += 2;
                    continue;
                }
                if let Some(sw) = t.is(k, SOURCE_BIT).then(|| self.lex.source_word(w)).flatten() {
                    if matches!(sw.role, Role::Title | Role::Name) {
                        kind = kind.or(Some(sw.kind));
                        country = country.or(sw.country.map(code));
                        known = true;
                    }
                }
                if let Some((c, form)) =
                    t.is(k, COUNTRY_BIT).then(|| self.lex.country_word(trim_suffix(w, "'s"))).flatten()
                {
                    if form == CountryForm::Demonym || w.ends_with("'s") || matches!(w, "u.s." | "u.k.") {
                        country = country.or(Some(c.code.clone()));
                        known = true;
                    }
                }
                if !known {
                    break;
                }
                k += 1;
            }
            name_start = name_start.max(k);
            let mut b = i;
            while b > 0 && i - b < 4 && t.is_word(b - 1) && !t.toks[b - 1].cap {
                match self.lex.source_word(t.lower(b - 1)) {
                    Some(sw) if sw.role == Role::Title => {
                        kind = kind.or(Some(sw.kind));
                        country = country.or(sw.country.map(code));
                        gender = gender.or(gender_of(t.lower(b - 1)));
                        b -= 1;
                    }
                    _ => break,
                }
            }
            // The word before a lowercase title can be an institution:
            // "Kremlin spokesman".
            if b < i && b > 0 && t.is_word(b - 1) && t.toks[b - 1].cap {
                if let Some(sw) = self.lex.source_word(t.lower(b - 1)) {
                    country = country.or(sw.country.map(code));
                }
                if let Some((c, _)) = self.lex.country_word(trim_suffix(t.lower(b - 1), "'s")) {
                    country = country.or(Some(c.code.clone()));
                }
            }
            let words = j - name_start;
            let looks_like_name = (2..=4).contains(&words)
                && (name_start..j).all(|k| {
                    let w = t.lower(k);
                    // (The gazetteer's lookup, the dearest, comes last.)
                    !t.is(k, COUNTRY_BIT | super::detect::BREAK_BIT)
                        && !is_org_suffix(w)
                        // "(The) Republican Party", "National Committee": a
                        // body's head noun ends no person's name ("Bill
                        // Clinton" may start with one).
                        && (k + 1 != j
                            || !t.is(k, SOURCE_BIT)
                            || self.lex.source_word(trim_suffix(w, "'s")).is_none_or(|sw| sw.role != Role::Head))
                        && self.lex.gazetteer.by_name(t.slice(k, k + 1)).is_none()
                });
            if looks_like_name {
                // "Harry B. Harris Jr.": a generational suffix ends the
                // name, but the article's later "Harris" is the surname.
                let last = if j - name_start > 2 && is_generation(t.lower(j - 1)) { j - 2 } else { j - 1 };
                let surname = trim_suffix(t.lower(last), "'s");
                // The first full mention wins; later ones add what it lacked.
                // Strings are made only for a new entity: most names recur.
                let name = trim_suffix(trim_suffix(t.slice(name_start, j), "'s"), "\u{2019}s");
                let first = self.entities.get_mut(surname);
                // Another person of the same surname ("Bill Clinton" after
                // "Hillary Clinton") is a namesake, kept under the full name.
                // The names share no word but the surname: "Democrat Bernie
                // Sanders" and "Bernie Sanders" are one person.
                let namesake = first.as_ref().is_some_and(|e| {
                    let (theirs, known) = (given_names(name), given_names(&e.name));
                    !theirs.is_empty()
                        && !known.is_empty()
                        && theirs.split(' ').all(|w| !known.split(' ').any(|k| k == w))
                });
                // A given name's gender is looked up once, when the person
                // is first named.
                let unnamed = || Entity {
                    name: name.to_string(),
                    kind: None,
                    country: None,
                    gender: name_gender(self.lex, name),
                };
                let e = match first {
                    Some(e) if !namesake => e,
                    _ if namesake => self.namesakes.entry(name.to_lowercase()).or_insert_with(unnamed),
                    _ => self.entities.entry(surname.to_string()).or_insert_with(unnamed),
                };
                e.kind = e.kind.or(kind);
                if e.country.is_none() {
                    e.country = country;
                }
                e.gender = e.gender.or(gender);
            } else if let Some(g) = gender.filter(|_| j == name_start + 1) {
                // "Mrs. Clinton" names no one in full but says which
                // Clinton: the name is the full one the article gives
                // elsewhere, or "Mrs. Clinton" itself.
                let surname = trim_suffix(t.lower(j - 1), "'s").to_string();
                // A gendered title ("Spokesman Peskov") is no part of the
                // name, as a title never is; an honorific stays, because
                // "Mrs. Clinton" is all the article says of her.
                let from = if is_honorific(t.lower(i)) { i } else { name_start };
                let name = trim_suffix(trim_suffix(t.slice(from, j), "'s"), "\u{2019}s").to_string();
                // "Mr. Clinton" and "Mrs. Clinton" in one article are two
                // people under one surname: the gender says nothing then.
                let slot = honorific_only.entry(surname).or_insert((name, Some(g)));
                if slot.1 != Some(g) {
                    slot.1 = None;
                }
            }
            i = j;
        }
        for (surname, (name, gender)) in honorific_only {
            // "Mrs. Clinton" in an article with two Clintons says which one
            // only to a reader who knows them.
            let shared = self
                .namesakes
                .values()
                .any(|e| e.name.rsplit(' ').next().map(str::to_lowercase) == Some(surname.clone()));
            let gender = gender.filter(|_| !shared);
            let e = self.entities.entry(surname).or_insert(Entity { name, kind: None, country: None, gender });
            // Without a gender from the honorifics the surname's gender is
            // unknown; with one, a title's that contradicts it makes it so.
            e.gender = gender.filter(|g| e.gender.is_none_or(|a| a == *g));
        }
    }

    /// The gender the article gives the person a source names, if any.
    fn gender_named(&self, canonical: &str) -> Option<Gender> {
        if let Some(e) = (!self.namesakes.is_empty()).then(|| self.namesakes.get(&canonical.to_lowercase())).flatten() {
            return e.gender;
        }
        let surname = canonical.rsplit(' ').next()?.to_lowercase();
        self.entities
            .get(trim_suffix(&surname, "'s"))
            .filter(|e| e.name == canonical)
            .and_then(|e| e.gender)
            .or_else(|| name_gender(self.lex, canonical))
    }

    /// The capitalised name that ends the phrase `a..end` right after a
    /// title ("Putin" in "President Putin", "Cruz" in "Sen. Cruz"), if it
    /// is one: one to three words no lexicon knows, none of them an
    /// acronym or what ends the name of a body. "General Electric" and
    /// "General Motors" are companies, so "General" written out counts as
    /// no title here.
    fn surname_after_title(&self, a: usize, end: usize) -> Option<String> {
        let t = self.t;
        let mut start = end;
        while start > a
            && end - start < 3
            && t.is_word(start - 1)
            && t.toks[start - 1].cap
            && !t.is(start - 1, SOURCE_BIT | COUNTRY_BIT)
            && !is_honorific(t.lower(start - 1))
            && !is_org_suffix(t.lower(start - 1))
            // An acronym ("voter ID") is no surname.
            && t.slice(start - 1, start).chars().any(char::is_lowercase)
        {
            start -= 1;
        }
        let title = start.checked_sub(1).filter(|&k| k >= a && t.is_word(k))?;
        let title_word = t.lower(title);
        let is_title = t.is(title, SOURCE_BIT)
            && title_word != "general"
            && self.lex.source_word(trim_suffix(title_word, "'s")).is_some_and(|sw| sw.role == Role::Title);
        (start < end && is_title).then(|| trim_suffix(trim_suffix(t.slice(start, end), "'s"), "\u{2019}s").to_string())
    }

    /// The person named by the capitalised words that end at token
    /// `last`: a namesake named in full ("Bill Clinton"), else whoever the
    /// article first named with that surname.
    fn entity_at(&self, first: usize, last: usize) -> Option<&Entity> {
        let t = self.t;
        // "Harry B. Harris Jr." is kept under "Harris"; "Donald Jr." is
        // no Donald, and no one's surname.
        let full = last >= first + 2 && t.is_word(last - 2) && t.toks[last - 2].cap;
        let last = if full && is_generation(t.lower(last)) { last - 1 } else { last };
        if !self.namesakes.is_empty() {
            let mut start = last;
            while start > first && last - start < 3 && t.is_word(start - 1) && t.toks[start - 1].cap {
                start -= 1;
            }
            for k in start..last {
                let name = trim_suffix(trim_suffix(t.slice(k, last + 1), "'s"), "\u{2019}s").to_lowercase();
                if let Some(e) = self.namesakes.get(&name) {
                    return Some(e);
                }
            }
        }
        self.entities.get(trim_suffix(t.lower(last), "'s"))
    }

    /// Types the noun phrase `a..b`. `earlier` holds the sources typed so
    /// far, in text order, for pronouns and anaphora.
    pub fn classify(&self, a: usize, b: usize, earlier: &[(usize, Option<Typed>)], follows: &str) -> Typed {
        let mut typed = self.classify_phrase(a, b, earlier, follows);
        // "Santilli's insistence that": the owner of a claim is named with
        // its genitive ending, which is not part of the name.
        for ending in ["'s", "\u{2019}s", "'", "\u{2019}"] {
            if typed.canonical.len() > ending.len() + 1 && typed.canonical.ends_with(ending) {
                typed.canonical.truncate(typed.canonical.len() - ending.len());
                break;
            }
        }
        known_person(self.lex, typed)
    }

    fn classify_phrase(&self, a: usize, b: usize, earlier: &[(usize, Option<Typed>)], follows: &str) -> Typed {
        let t = self.t;
        let phrase = t.slice(a, b);
        let lower = normalize_phrase(phrase);
        let words: Vec<&str> = lower.split(' ').collect();
        // Pronouns take the type of what they refer to, also in a
        // contraction ("He's comparing ... and says").
        let pronoun = words[0].split('\'').next().unwrap_or(words[0]);
        // "his claim that", "their insistence that": the owner of a claim
        // noun is the pronoun's possessive form.
        let pronoun = match pronoun {
            "his" => "he",
            "her" => "she",
            "their" => "they",
            "its" => "it",
            "our" => "we",
            "my" => "i",
            other => other,
        };
        if words.len() == 1 && in_list(&["he", "she", "they", "it", "we", "i", "you"], pronoun) {
            return self.resolve_pronoun(pronoun, earlier, a);
        }
        // "Some said", "Many believe", "Others say": a quantifier alone
        // names no one, the vaguest unnamed source there is.
        if words.len() == 1 && in_list(VAGUE, words[0]) {
            return Typed {
                kind: SourceType::Anonymous,
                country: None,
                canonical: words[0].to_string(),
                document: false,
                refers_to: None,
                generic: true,
                individual: false,
                evidence: format!("\"{}\" alone names no one", phrase),
            };
        }
        // "the lead negotiator, Anna Kovacs": a title set off before a
        // name. The name says who it is; a title the lexicons know says
        // what kind of source (and country) that is.
        if let Some(comma) = (a + 1..b).find(|&k| t.is_punct(k, ',')) {
            let named = (2..=4).contains(&(b - comma - 1)) && (comma + 1..b).all(|k| t.is_word(k) && t.toks[k].cap);
            // "Sanders's campaign manager, Jeff Weaver" is titled by the
            // word before the comma as much as "the lead negotiator" is.
            let is_title = |from: usize| {
                from >= a
                    && self
                        .lex
                        .source_word(&normalize_phrase(t.slice(from, comma)))
                        .is_some_and(|sw| sw.role == Role::Title)
            };
            let title_before = is_title(comma - 1) || comma >= 2 && is_title(comma - 2);
            let titled = comma > a + 1 && (t.is(a, NOUN_MARKERS_BIT | DETERMINERS_BIT) || title_before);
            if named && titled {
                let title = self.classify(a, comma, earlier, "");
                let name = self.classify(comma + 1, b, earlier, follows);
                let known = !matches!(title.kind, SourceType::Unknown | SourceType::Person | SourceType::Anonymous)
                    && !title.document;
                let mut typed = if known { Typed { canonical: name.canonical.clone(), ..title } } else { name };
                typed.evidence = format!(
                    "\"{}\" is named after the title \"{}\"; {}",
                    t.slice(comma + 1, b),
                    t.slice(a, comma),
                    typed.evidence
                );
                return typed;
            }
        }
        // Anonymity anywhere in the phrase or right after it.
        let anonymous = self.anonymity(&lower).or_else(|| self.anonymity(follows));
        if let Some(marker) = anonymous {
            // "an official, who asked not to be named", "an official who
            // spoke on condition of anonymity" is an official: the
            // relative clause says why the name is missing.
            let relative = (a + 1..b).find(|&k| t.is_who(k) || t.word_is(k, "that") || t.word_is(k, "whose"));
            let unnamed = match relative {
                Some(k) if t.is_punct(k - 1, ',') && k - 1 > a => t.slice(a, k - 1),
                Some(k) => t.slice(a, k),
                None => phrase,
            };
            return Typed {
                kind: SourceType::Anonymous,
                country: self.country_in(a, b),
                canonical: strip_determiners(unnamed),
                document: false,
                refers_to: None,
                generic: false,
                individual: false,
                evidence: format!("anonymity phrase \"{marker}\" (sources.tsv)"),
            };
        }
        // "the designer, who works for another brand", "a handful of
        // Democrats who point to ...": a relative clause says more about
        // whoever comes before it, which is what is typed and named.
        if let Some(k) = (a + 1..b).find(|&k| t.is_who(k)) {
            let end = if t.is_punct(k - 1, ',') { k - 1 } else { k };
            if end > a {
                return self.classify(a, end, earlier, follows);
            }
        }
        // The core of the phrase ends at its first preposition or modifier:
        // in "a short video released on state TV" the head is "video".
        let mut core_end = a;
        while core_end < b {
            let w = t.lower(core_end);
            // The prepositions and participles that continue a phrase to
            // the right in detect.rs are the ones that end its core here.
            let continues =
                t.is(core_end, NP_PREPOSITIONS_BIT | MODIFIERS_BIT) || matches!(w, "who" | "which" | "that");
            if core_end > a && (continues || t.toks[core_end].kind != Kind::Word) {
                break;
            }
            core_end += 1;
        }
        let head = if core_end > a { trim_suffix(t.lower(core_end - 1), "'s") } else { "" };
        let head_is_document = in_list(DOCUMENT_WORDS, head)
            || self.lex.source_word(head).is_some_and(|w| w.kind == SourceType::Document && w.role == Role::Head);
        let country = self.country_in(a, b);

        // "the report said": the report an earlier attribution made.
        if head_is_document
            && core_end - a <= 3
            && t.word_is(a, "the")
            && (a + 1..core_end).all(|k| !t.toks[k].cap)
            && b == core_end
        {
            // The reporter itself first (TASS), a document it cited second.
            let fits = |document: bool| {
                earlier.iter().rev().find_map(|(i, s)| {
                    s.as_ref()
                        .filter(|s| {
                            s.document == document
                                && matches!(
                                    s.kind,
                                    SourceType::Media
                                        | SourceType::StateMedia
                                        | SourceType::Wire
                                        | SourceType::SelfOutlet
                                        | SourceType::Document
                                )
                        })
                        .map(|s| (*i, s))
                })
            };
            // "The ministry said in a statement ... The statement said":
            // the source whose cue named the document made it, before any
            // media that reported it.
            let named = earlier.iter().rev().find_map(|(i, s)| {
                let &(c0, c1) = self.cues.get(*i)?;
                let s = s.as_ref().filter(|s| !s.document)?;
                (c0..c1).any(|k| t.is_word(k) && trim_suffix(t.lower(k), "'s") == head).then_some((*i, s))
            });
            if let Some((idx, typed)) = named.or_else(|| fits(false)).or_else(|| fits(true)) {
                return Typed {
                    kind: typed.kind,
                    country: typed.country.clone(),
                    canonical: typed.canonical.clone(),
                    document: true,
                    refers_to: Some(idx),
                    generic: false,
                    individual: false,
                    evidence: format!(
                        "\"{}\" refers back to the {} source \"{}\"",
                        phrase,
                        typed.kind.as_str(),
                        typed.canonical
                    ),
                };
            }
        }

        // Outlets: the phrase, or a capitalised run inside it.
        if let Some((outlet, run)) = self.outlet_in(a, b) {
            let own = self.outlet.and_then(|o| self.lex.gazetteer.by_name(o)).is_some_and(|o| o.name == outlet.name)
                || self.outlet.is_some_and(|o| o.eq_ignore_ascii_case(&outlet.name));
            let kind = if own {
                SourceType::SelfOutlet
            } else if outlet.state == StateAffiliation::State {
                SourceType::StateMedia
            } else if outlet.kind == OutletKind::Wire {
                SourceType::Wire
            } else {
                SourceType::Media
            };
            let canonical = if head_is_document {
                format!("{} ({})", strip_determiners(t.slice(a, core_end)), outlet.name)
            } else {
                outlet.name.clone()
            };
            return Typed {
                kind,
                country: outlet.country.clone().filter(|c| !c.is_empty()),
                canonical,
                document: head_is_document,
                refers_to: None,
                generic: false,
                individual: false,
                evidence: format!(
                    "outlet \"{run}\" = {} ({}, {}, {}) in outlets.tsv",
                    outlet.name,
                    outlet.kind.as_str(),
                    outlet.state.as_str(),
                    outlet.country.as_deref().unwrap_or("-")
                ),
            };
        }

        // Lexicon phrases anywhere in the phrase, best first.
        let mut best: Option<LexiconHit> = None;
        let max = self.lex.source_max_words;
        let bounds = word_bounds(&lower);
        let word = |i: usize| lower[bounds[i].0..bounds[i].1].trim_end_matches([',', ';', ':', '.']);
        // "Sen." and "Gov." are titles with their period: a word is also
        // looked up with it, or the abbreviated titles of American news
        // would name no kind of source.
        let dotted = |i: usize| lower[bounds[i].0..bounds[i].1].trim_end_matches([',', ';', ':']);
        // "George Bruno, a former party chairman in New Hampshire": the
        // words of an appositive up to its first preposition say what the
        // source is, as the core does.
        // "Anne Richards, assistant secretary of state": after a name, an
        // appositive may open with its title alone.
        let bare_appositive = (a + 1..b).find(|&k| t.is_punct(k, ',')).is_some_and(|k| {
            k + 1 < b
                && t.is_word(k + 1)
                && !t.toks[k + 1].cap
                && (a..k).all(|j| t.is_word(j) && t.toks[j].cap || t.is_punct(j, '.'))
        });
        let appositive = (0..bounds.len().saturating_sub(1))
            .find(|&i| {
                lower[bounds[i].0..bounds[i].1].ends_with(',')
                    && (bare_appositive || matches!(word(i + 1), "a" | "an" | "the"))
            })
            .map(|i| {
                let mut j = i + 2;
                while j < bounds.len()
                    && !matches!(
                        word(j),
                        "of" | "in" | "at" | "for" | "from" | "with" | "on" | "who" | "which" | "that"
                    )
                {
                    if lower[bounds[j].0..bounds[j].1].ends_with(',') {
                        j += 1;
                        break;
                    }
                    j += 1;
                }
                (i + 1, j)
            });
        for start in 0..bounds.len() {
            let abbreviation = dotted(start).ends_with('.') && self.lex.source_word(dotted(start)).is_some();
            if !abbreviation && !self.lex.may_start_source(word(start)) {
                continue;
            }
            for len in (1..=max.min(bounds.len() - start)).rev() {
                let key = &lower[bounds[start].0..bounds[start + len - 1].1];
                let key = if len == 1 && abbreviation {
                    dotted(start)
                } else {
                    trim_suffix(key.trim_end_matches([',', ';', ':', '.']), "'s")
                };
                if let Some(sw) = self.lex.source_word(key) {
                    let in_core = start < core_end - a
                        || sw.role == Role::Title && appositive.is_some_and(|(x, y)| (x..y).contains(&start));
                    let rank = match (sw.kind, sw.role) {
                        (SourceType::StateMedia, _) => 9,
                        (SourceType::Anonymous, _) => 8,
                        (_, Role::Title) if in_core => 7,
                        (SourceType::Media, Role::Head) if in_core => 6,
                        (_, Role::Name) if in_core => 5,
                        (_, Role::Head) if in_core && start + len == core_end - a => 4,
                        (_, Role::Head) if in_core => 3,
                        _ => 1,
                    };
                    if best.as_ref().is_none_or(|b| rank > b.0) {
                        best = Some((rank, sw.kind, sw.country, key.to_string(), sw.role));
                    }
                    break;
                }
            }
        }
        if head_is_document {
            // A document takes the type of the state media or media that
            // carried it: "a video released on Russia's state TV".
            if let Some((_, kind @ (SourceType::StateMedia | SourceType::Media), c, key, _)) = &best {
                return Typed {
                    kind: *kind,
                    country: country.clone().or(c.map(code)),
                    canonical: strip_determiners(phrase),
                    document: true,
                    refers_to: None,
                    generic: false,
                    individual: false,
                    evidence: format!("document \"{head}\" carried by \"{key}\" (sources.tsv)"),
                };
            }
            return Typed {
                kind: SourceType::Document,
                country,
                canonical: strip_determiners(phrase),
                document: true,
                refers_to: None,
                generic: false,
                individual: false,
                evidence: format!("document word \"{head}\""),
            };
        }
        // A name the article introduced with a title, when the name heads
        // the phrase: "Clinton aides" and "Wall Street players" are not
        // Clinton or Wall Street, whom the common noun after the name
        // belongs to.
        let last_cap = (a..core_end).rev().find(|&k| t.toks[k].cap && t.is_word(k));
        // The noun must be one for a source ("aides", "spokeswoman") or a
        // plural ("players", "fans"): "Clinton's track record" is still
        // hers, "Sanders himself" is Sanders, and in a phrase cut too long
        // ("Akin rebuffed") the verb is no noun. After a possessive only a
        // source noun will do.
        let modified = |k: usize| {
            let possessive = t.lower(k).ends_with("'s") || t.lower(k).ends_with('\'');
            (k + 1..core_end).any(|j| {
                let w = t.lower(j);
                let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !t.is(j, CUE_BIT);
                t.is_word(j)
                    && !t.toks[j].cap
                    && w.chars().next().is_some_and(char::is_alphabetic)
                    && (t.is(j, SOURCE_BIT) || plural && !possessive)
            })
        };
        let entity = last_cap.filter(|&k| !modified(k)).and_then(|k| self.entity_at(a, k));
        if let Some((rank, kind, c, key, role)) = &best {
            if *rank >= 5 || entity.is_none() {
                let named = match (entity, role) {
                    (Some(e), Role::Title) => Some(e.name.clone()),
                    // "President Obama", "Sen. Cruz": a title before a
                    // surname the article gives nowhere in full. The
                    // surname is who it is, as "Obama" alone would be, so
                    // that public figures and the sources of other articles
                    // meet under one name.
                    (None, Role::Title) => {
                        self.surname_after_title(a, core_end).or_else(|| name_before_appositive(phrase))
                    }
                    _ if *role == Role::Name => None,
                    // "Rendell, a stalwart Clinton supporter": the name before
                    // the appositive is who it is; the role only typed it.
                    _ => name_before_appositive(phrase),
                };
                let individual = named.is_some();
                let canonical = match named {
                    Some(name) => name,
                    None if *role == Role::Name => with_party(phrase, key),
                    None => strip_determiners(phrase),
                };
                // The entity's kind comes from the first word the lexicons
                // know in its run: "FBI Director James B. Comey" is an
                // official of the FBI, though a director in general is of an
                // organization.
                let (kind, introduced) = match (entity, role) {
                    // Only a title that says little ("director", "chairman")
                    // gives way; "campaign chairman" says more than the
                    // "chairman" of the run.
                    (Some(e), Role::Title) if matches!(*kind, SourceType::Organization | SourceType::Person) => {
                        (e.kind.unwrap_or(*kind), e.kind.is_some_and(|k| k != *kind))
                    }
                    _ => (*kind, false),
                };
                return Typed {
                    kind,
                    country: country.or(c.map(code)).or(entity.and_then(|e| e.country.clone())),
                    canonical,
                    document: false,
                    refers_to: None,
                    generic: *role != Role::Name && entity.is_none(),
                    individual,
                    evidence: if introduced {
                        format!(
                            "{} \"{key}\" (sources.tsv) of a name introduced as {}",
                            role_name(*role),
                            kind.as_str()
                        )
                    } else {
                        format!("{} \"{key}\" = {} (sources.tsv)", role_name(*role), kind.as_str())
                    },
                };
            }
        }
        // "The Las Vegas Sun", "the Tampa Bay Times", "the Springfield
        // News-Leader": a name that ends in a masthead word is a newspaper
        // the gazetteer does not list, unless the article introduced it as
        // something else.
        let masthead = last_cap.filter(|&k| {
            t.lower(k).split('-').any(|part| in_list(MASTHEAD_WORDS, part))
                && k + 1 == core_end
                && k > a
                && (t.toks[k - 1].cap || t.lower(k - 1) == "the")
                // "Kathleen Star" is a person.
                && !self.lex.given_names.contains_key(t.lower(a))
        });
        if let Some(k) = masthead.filter(|_| entity.is_none_or(|e| e.kind.is_none())) {
            return Typed::named(
                SourceType::Media,
                country,
                strip_determiners(t.slice(a, core_end)),
                format!("a newspaper's name ending in \"{}\"", t.slice(k, k + 1)),
            );
        }
        if let Some(e) = entity {
            return Typed {
                kind: e.kind.unwrap_or(SourceType::Person),
                country: e.country.clone().or(country),
                canonical: e.name.clone(),
                document: false,
                refers_to: None,
                generic: false,
                individual: true,
                evidence: match e.kind {
                    Some(k) => {
                        let article = if k.as_str().starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
                        format!("\"{}\" was introduced with {article} {} title", e.name, k.as_str())
                    }
                    None => format!("named person \"{}\"", e.name),
                },
            };
        }
        // A country or its capital acting: "Russia has said", "Moscow".
        if let Some((c, form)) = self.lex.country_word(&strip_determiners(&lower)) {
            if form != CountryForm::Demonym {
                return Typed::named(
                    SourceType::Official,
                    Some(c.code.clone()),
                    c.name.clone(),
                    format!("\"{phrase}\" names the state {} (countries.tsv)", c.name),
                );
            }
        }
        if let Some(k) = last_cap {
            let w = t.lower(k);
            if is_org_suffix(w) {
                return Typed::named(
                    SourceType::Organization,
                    country,
                    strip_determiners(t.slice(a, core_end)),
                    format!("organization name ending in \"{}\"", t.slice(k, k + 1)),
                );
            }
            // "GunBroker.com said", "HealthCare.gov says": a website speaks
            // for whoever runs it, a government's for the government.
            if let Some(domain) = web_domain(w) {
                let kind = if domain == "gov" { SourceType::Official } else { SourceType::Organization };
                return Typed::named(
                    kind,
                    country,
                    strip_determiners(t.slice(a, core_end)),
                    format!("\"{}\" is a web address (.{domain})", t.slice(k, k + 1)),
                );
            }
            let caps = (a..core_end).filter(|&k| t.toks[k].cap && t.is_word(k)).count();
            // "The head of the delegation": a sentence's first word is
            // capitalised whatever it is, so a determiner there is no name.
            let first_is_function = t.toks[a].cap && t.is(a, BREAK_BIT | NOUN_MARKERS_BIT | DETERMINERS_BIT);
            if caps > usize::from(first_is_function) {
                return Typed::named(
                    SourceType::Person,
                    country,
                    strip_determiners(t.slice(a, core_end)),
                    "a capitalised name with no title or institution: a person".into(),
                );
            }
        }
        if let Some((_, kind, c, key, role)) = best {
            return Typed {
                kind,
                country: country.or(c.map(code)),
                canonical: strip_determiners(phrase),
                document: false,
                refers_to: None,
                generic: role != Role::Name,
                individual: false,
                evidence: format!("{} \"{key}\" = {} (sources.tsv)", role_name(role), kind.as_str()),
            };
        }
        // "master of ceremonies Asab Al-Tabchi": a role the lexicon does
        // not know, then a name of two capitalised words or more, which is
        // who it is.
        // The name may close the phrase or come before its appositive:
        // "..., a Syrian engineer who immigrated decades ago".
        let name_end = (a..b).find(|&k| t.is_punct(k, ',')).unwrap_or(b);
        let name_start = (a..name_end).rev().take_while(|&k| t.is_word(k) && t.toks[k].cap).last();
        // After a preposition or a conjunction the name is someone else:
        // "the ex-wife of Alan Grayson", "Lawrence Joyce and William Graham".
        let apposed = |n: usize| {
            t.is_word(n - 1)
                && t.lower(n - 1).starts_with(|ch: char| ch.is_alphabetic())
                && !t.toks[n - 1].cap
                && !t.is(n - 1, NP_PREPOSITIONS_BIT | BREAK_BIT)
                && !matches!(t.lower(n - 1), "and" | "or")
        };
        if let Some(n) = name_start.filter(|&n| name_end - n >= 2 && n > a && apposed(n)) {
            let name = t.slice(n, name_end);
            return Typed {
                kind: SourceType::Person,
                country,
                canonical: name.to_string(),
                document: false,
                refers_to: None,
                generic: false,
                individual: true,
                evidence: format!("the name \"{name}\" after a role the lexicons do not know: a person"),
            };
        }
        Typed {
            kind: SourceType::Unknown,
            country,
            canonical: strip_determiners(phrase),
            document: false,
            refers_to: None,
            generic: false,
            individual: false,
            evidence: "no rule or lexicon entry applies".into(),
        }
    }

    /// The lexicon entry of the two words from token `k` ("defense
    /// ministry", "campaign manager"), if the first can start one.
    fn two_word_source(&self, k: usize) -> Option<super::lexicon::SourceWord> {
        let t = self.t;
        (k + 1 < t.toks.len() && t.is(k, SOURCE_START_BIT))
            .then(|| self.lex.source_word(&format!("{} {}", t.lower(k), t.lower(k + 1))))
            .flatten()
    }

    /// What the article says of a name's gender: an honorific or title,
    /// or a "he" or "she" already resolved to it.
    fn known_gender(&self, canonical: &str) -> Option<Gender> {
        self.gender_named(canonical).or_else(|| self.pronoun_genders.borrow().get(canonical).copied())
    }

    fn resolve_pronoun(&self, pronoun: &str, earlier: &[(usize, Option<Typed>)], at: usize) -> Typed {
        let typed = self.resolve_pronoun_to(pronoun, earlier, at);
        if matches!(pronoun, "he" | "she") && typed.kind != SourceType::Unknown {
            self.pronoun_genders.borrow_mut().entry(typed.canonical.clone()).or_insert(pronoun_gender(pronoun));
        }
        typed
    }

    fn resolve_pronoun_to(&self, pronoun: &str, earlier: &[(usize, Option<Typed>)], at: usize) -> Typed {
        let wanted = pronoun_gender(pronoun);
        let fits = |s: &Typed| match pronoun {
            // "she" is not "Mr. Sanders".
            "he" | "she" if self.known_gender(&s.canonical).is_some_and(|g| g != wanted) => false,
            // "Mrs. Clinton's confidants", "Sanders supporters": a common
            // noun in the plural at the end is a group, whoever it names.
            "he" | "she"
                if s.canonical.rsplit(' ').next().is_some_and(|w| {
                    w.starts_with(|c: char| c.is_lowercase()) && w.ends_with('s') && !w.ends_with("ss")
                }) =>
            {
                false
            }
            // A name ending in "s" ("Sanders") is one person; a plural
            // from the lexicons ("experts", "officials") is not.
            "he" | "she" => {
                s.individual && !s.document
                    || matches!(s.kind, SourceType::Person | SourceType::Official | SourceType::Anonymous)
                        && (!s.canonical.ends_with('s') || s.kind == SourceType::Person && !s.generic)
            }
            "it" => matches!(
                s.kind,
                SourceType::Organization
                    | SourceType::Media
                    | SourceType::StateMedia
                    | SourceType::Wire
                    | SourceType::Document
                    | SourceType::Official
                    | SourceType::SelfOutlet
            ),
            // "They" is a group, not one person named earlier.
            "they" => !s.individual,
            _ => false,
        };
        // "he" and "she" refer to individuals: skip "officials", "Russia",
        // or a body ("Defense Ministry", "the Kremlin") named without a
        // person's title. A phrase that opens with a title ("spokeswoman
        // for the ministry") names one, however long it is.
        let role_of = |w: &str| self.lex.source_word(&normalize_phrase(w)).map(|w| w.role);
        let titled = |s: &Typed| s.canonical.split(' ').any(|w| role_of(w) == Some(Role::Title));
        let body = |s: &Typed| {
            !titled(s)
                && (s.canonical.rsplit(' ').next().is_some_and(|w| role_of(w) == Some(Role::Head))
                    || role_of(&s.canonical) == Some(Role::Name))
        };
        let individual = |s: &Typed| {
            !matches!(pronoun, "he" | "she")
                || self.entities.values().chain(self.namesakes.values()).any(|e| e.name == s.canonical)
                || s.canonical.split(' ').next().is_some_and(|w| role_of(w) == Some(Role::Title))
                    && !s.canonical.ends_with('s')
                || s.canonical.split(' ').count() <= 4
                    && s.canonical.chars().next().is_some_and(char::is_uppercase)
                    && self.lex.country_word(&normalize_phrase(&s.canonical)).is_none()
                    && !body(s)
        };
        for (idx, s) in earlier.iter().rev().take(12) {
            if let Some(s) = s {
                if fits(s) && individual(s) {
                    return Typed {
                        kind: s.kind,
                        country: s.country.clone(),
                        canonical: s.canonical.clone(),
                        document: s.document,
                        refers_to: Some(*idx),
                        generic: false,
                        individual: s.individual,
                        evidence: format!(
                            "\"{pronoun}\" refers to the nearest fitting earlier source, \"{}\"",
                            s.canonical
                        ),
                    };
                }
            }
        }
        // "Sandra Paradis, 78, arrived with yard signs. She said ...": no
        // source was cited before her, but she was named.
        if let Some(e) = matches!(pronoun, "he" | "she").then(|| self.named_before(at, pronoun)).flatten() {
            return Typed {
                kind: e.kind.unwrap_or(SourceType::Person),
                country: e.country.clone(),
                canonical: e.name.clone(),
                document: false,
                refers_to: None,
                generic: false,
                individual: true,
                evidence: format!("\"{pronoun}\" refers to the nearest person named before it, \"{}\"", e.name),
            };
        }
        // Outside quotations (the engine reads no cue inside one), "I think"
        // and "we reported" are the writer's own voice: the outlet itself.
        if matches!(pronoun, "i" | "we") {
            let shown = if pronoun == "i" { "I" } else { pronoun };
            return Typed {
                kind: SourceType::SelfOutlet,
                country: None,
                canonical: self.outlet.unwrap_or("the outlet").to_string(),
                document: false,
                refers_to: None,
                generic: false,
                individual: false,
                evidence: format!("\"{shown}\" outside a quotation is the writer"),
            };
        }
        Typed {
            kind: SourceType::Unknown,
            country: None,
            canonical: pronoun.to_string(),
            document: false,
            refers_to: None,
            generic: false,
            individual: false,
            evidence: format!("\"{pronoun}\" has no earlier source to refer to"),
        }
    }

    /// The person named nearest before token `at`, in its paragraph or
    /// the one before, whom `pronoun` ("he" or "she") can stand for: a
    /// person or official the article introduced by name, of no other
    /// gender.
    fn named_before(&self, at: usize, pronoun: &str) -> Option<&Entity> {
        let t = self.t;
        let para = t.toks.get(at)?.para;
        let fits = |e: &Entity| {
            matches!(e.kind, None | Some(SourceType::Person | SourceType::Official))
                && self.known_gender(&e.name).is_none_or(|g| g == pronoun_gender(pronoun))
        };
        (at.saturating_sub(120)..at)
            .rev()
            .take_while(|&k| t.toks[k].para + 1 >= para)
            // A nickname in quotation marks ("Crooked Hillary") is not who
            // is meant.
            .filter(|&k| {
                t.is_word(k)
                    && t.toks[k].cap
                    && t.in_quote[k].is_none()
                    && !(k + 1 < at && t.is_word(k + 1) && t.toks[k + 1].cap)
            })
            .filter_map(|k| self.entity_at(k.saturating_sub(3), k))
            .find(|e| fits(e))
    }

    fn anonymity(&self, lower: &str) -> Option<String> {
        // Every source phrase, and the words after it, are searched here, and
        // almost none holds a word that can start an anonymity phrase: one
        // look at each word's bits settles those without any phrase lookup.
        if !space_words(lower).any(|w| self.lex.may_start_anonymity(w)) {
            return None;
        }
        let bounds = word_bounds(lower);
        // Longer runs cannot be anonymity phrases, whatever else they are.
        let max = self.lex.anonymity_max_words;
        for start in 0..bounds.len() {
            if !self.lex.may_start_anonymity(&lower[bounds[start].0..bounds[start].1]) {
                continue;
            }
            for len in (1..=max.min(bounds.len() - start)).rev() {
                let key = &lower[bounds[start].0..bounds[start + len - 1].1];
                if let Some(sw) = self.lex.source_word(key) {
                    if sw.kind == SourceType::Anonymous {
                        return Some(key.to_string());
                    }
                }
            }
        }
        None
    }

    /// The country a phrase names through a demonym ("Russian"), a
    /// possessive ("Russia's") or an institution ("Kremlin").
    fn country_in(&self, a: usize, b: usize) -> Option<String> {
        let t = self.t;
        let mut two = String::new();
        for k in a..b {
            if !t.is_word(k) {
                continue;
            }
            let w = t.lower(k);
            let bare = trim_suffix(w, "'s");
            if let Some((c, form)) = self.lex.country_word(bare) {
                if form == CountryForm::Demonym || w.ends_with("'s") || bare.contains('.') || t.toks[k].cap {
                    return Some(c.code.clone());
                }
            }
            // Two-word country names: "United States", "North Korea".
            if k + 1 < b && t.is_word(k + 1) {
                // One buffer for the whole phrase, not a new string per word.
                two.clear();
                two.push_str(w);
                two.push(' ');
                two.push_str(trim_suffix(t.lower(k + 1), "'s"));
                if let Some((c, _)) = self.lex.country_word(&two) {
                    return Some(c.code.clone());
                }
            }
            if let Some(sw) = self.lex.source_word(bare) {
                if let Some(c) = sw.country {
                    return Some(code(c));
                }
            }
        }
        None
    }

    /// An outlet named inside the phrase: the longest capitalised run (or
    /// prefix of one) that the gazetteer knows.
    fn outlet_in(&self, a: usize, b: usize) -> Option<(&'a crate::outlets::Outlet, String)> {
        let t = self.t;
        let mut k = a;
        while k < b {
            if !(t.is_word(k)
                && (t.toks[k].cap || t.toks[k].kind == Kind::Word && t.slice(k, k + 1).chars().any(char::is_uppercase)))
            {
                k += 1;
                continue;
            }
            let mut j = k;
            while j < b && t.is_word(j) && (t.toks[j].cap || t.slice(j, j + 1).chars().all(|c| c.is_ascii_digit())) {
                j += 1;
            }
            for end in (k + 1..=j).rev() {
                for start in k..end {
                    let run = trim_suffix(trim_suffix(t.slice(start, end), "'s"), "\u{2019}s");
                    // "Michael Bloomberg", "Vicente Fox": one outlet's name
                    // after a capitalised word of the same run is a
                    // surname. A country, a possessive or an article before
                    // it ("Russian TASS", "Russia's RIA Novosti", "The
                    // Hill") still leaves it an outlet.
                    let surname = start > k && end == start + 1 && {
                        let before = t.lower(start - 1);
                        !before.ends_with("'s")
                            && !before.ends_with("\u{2019}s")
                            && !t.is(start - 1, NOUN_MARKERS_BIT | DETERMINERS_BIT)
                            && self.lex.country_word(before).is_none()
                    };
                    if surname {
                        continue;
                    }
                    if let Some(o) = self.lex.gazetteer.by_name(run) {
                        // "The EPA said": an institution the source lexicon
                        // names is what prose means by the shared initials,
                        // not the photo agency whose credits use them.
                        if self.lex.source_word(&run.to_lowercase()).is_some_and(|sw| sw.role == Role::Name) {
                            continue;
                        }
                        return Some((o, run.to_string()));
                    }
                    // "Breitbart.com", "Politico.com": an outlet by its web
                    // address.
                    let site = (end == start + 1 && web_domain(run).is_some()).then(|| run.rsplit_once('.')).flatten();
                    if let Some(o) = site.and_then(|(name, _)| self.lex.gazetteer.by_name(name)) {
                        return Some((o, run.to_string()));
                    }
                }
            }
            k = j.max(k + 1);
        }
        None
    }
}

/// A lexicon phrase found in a source phrase: rank, type, country, the
/// phrase and its role.
type LexiconHit = (u8, SourceType, Option<[u8; 2]>, String, Role);

/// The byte range of each word of a phrase of single-space-separated
/// words, so that any run of words is a slice rather than a new string.
/// The words of a phrase split at each space, as `split(' ')` gives them,
/// found by looking at bytes: the phrases are a few words long, and a
/// character search starts `memchr` for each word.
pub(super) fn space_words(phrase: &str) -> impl Iterator<Item = &str> {
    let bytes = phrase.as_bytes();
    let mut start = 0;
    (0..=bytes.len()).filter(move |&i| i == bytes.len() || bytes[i] == b' ').map(move |i| {
        let word = &phrase[start..i];
        start = i + 1;
        word
    })
}

fn word_bounds(phrase: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in phrase.bytes().enumerate() {
        if b == b' ' {
            out.push((start, i));
            start = i + 1;
        }
    }
    if start < phrase.len() {
        out.push((start, phrase.len()));
    }
    out
}

fn code(c: [u8; 2]) -> String {
    String::from_utf8_lossy(&c).into_owned()
}

fn role_name(role: Role) -> &'static str {
    match role {
        Role::Title => "title",
        Role::Head => "head noun",
        Role::Name => "institution",
        Role::Anonymity => "anonymity phrase",
    }
}

/// "the White House" as written, without the article: "White House".
/// The institution a phrase names, as written, with the party of its
/// members when one follows: "Senate Democrats" are not the Senate, while
/// "Kremlin officials" speak for the Kremlin.
fn with_party(phrase: &str, key: &str) -> String {
    let name = title_case_of(phrase, key);
    let rest = phrase.split_once(name.as_str()).map_or("", |(_, rest)| rest);
    match rest.split_whitespace().next() {
        Some(next) if in_list(PARTY_MEMBERS, &next.to_lowercase()) => format!("{name} {next}"),
        _ => name,
    }
}

/// Quantifiers and indefinite pronouns that can stand alone as a subject.
const VAGUE: &[&str] =
    &["some", "many", "others", "several", "few", "most", "someone", "somebody", "everyone", "everybody"];

/// Members of a party, who make a faction of the institution before them.
const PARTY_MEMBERS: &[&str] = &[
    "democrats",
    "republicans",
    "conservatives",
    "liberals",
    "progressives",
    "moderates",
    "tories",
    "socialists",
    "greens",
];

fn title_case_of(phrase: &str, key: &str) -> String {
    let lower = phrase.to_lowercase();
    match lower.find(key) {
        Some(i) if phrase.is_char_boundary(i) && phrase.is_char_boundary(i + key.len()) => {
            phrase[i..i + key.len()].to_string()
        }
        _ => strip_determiners(phrase),
    }
}

pub(crate) fn strip_determiners(phrase: &str) -> String {
    // Quantifiers go too: "many Wall Street players" are the same source
    // across articles as "Wall Street players". So does a reflexive.
    const LEADING: &[&str] = &[
        "the", "a", "an", "both", "either", "many", "some", "several", "The", "A", "An", "Both", "Either", "Many",
        "Some", "Several",
    ];
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    // "Sanders himself" is Sanders.
    if words.len() > 1 && words.last().is_some_and(|w| in_list(&["himself", "herself", "themselves", "itself"], w)) {
        words.pop();
    }
    while let Some(first) = words.first() {
        // "some of Clinton's allies" keeps its "some".
        if in_list(LEADING, first) && words.len() > 1 && words[1] != "of" {
            words.remove(0);
        } else {
            break;
        }
    }
    words.join(" ")
}

/// "Rendell, a stalwart Clinton supporter" gives "Rendell": the part before
/// the first comma when every word of it is capitalised (a name, perhaps
/// with a title such as "Sen."), and what follows is an appositive.
fn name_before_appositive(phrase: &str) -> Option<String> {
    let (name, rest) = phrase.split_once(", ")?;
    let rest = rest.trim_start();
    let appositive = ["a ", "an ", "the ", "who ", "one ", "another "].iter().any(|p| rest.starts_with(p));
    let words: Vec<&str> = name.split_whitespace().collect();
    let named =
        !words.is_empty() && words.len() <= 5 && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    (appositive && named).then(|| name.to_string())
}

/// The top-level domain of a web address written as a name
/// ("gunbroker.com" gives "com"), if `word` is one.
fn web_domain(word: &str) -> Option<&str> {
    let (name, domain) = word.rsplit_once('.')?;
    (!name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        && matches!(domain, "com" | "org" | "net" | "gov" | "edu" | "co" | "io" | "us" | "uk" | "info"))
    .then_some(domain)
}
