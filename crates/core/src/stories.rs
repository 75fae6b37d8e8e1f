//! Stories: how alike two articles are, for grouping the coverage of one
//! event across outlets.
//!
//! An article becomes a [`Profile`] of two weighted blocks:
//! - **words**: every word of the title and text except common function
//!   words, weighted `(1 + ln tf + TITLE_BONUS·in_title) · idf`, so that a
//!   word in the headline counts more and a word every article has counts
//!   for nothing;
//! - **entities**: the names the article mentions, read from capitalised
//!   words (a word at the start of a sentence counts only when the article
//!   never writes it in lower case) and from country names, demonyms and
//!   capitals, which all become the country ("Syrian", "Damascus" and
//!   "Syria" are one entity). Outlet names are left out: every Fox News
//!   article says "Fox News", which says nothing about the event.
//!   Weighted `(1 + ln count) · idf` of the name's rarest word.
//!
//! [`similarity`] is `WORD_WEIGHT · cos(words) + ENTITY_WEIGHT · cos(entities)`
//! (the words alone when either article has no entities), between 0 and 1.
//! A story is compared through its [`centroid`], the mean of its members'
//! profiles, rather than through its closest member: joining a story by
//! resembling one member (single link) lets unrelated events chain into one
//! story through a few articles that mention both.
//!
//! Words are folded the way SQLite's FTS5 `unicode61 remove_diacritics 2`
//! tokenizer folds them (lower case, no diacritics, split at every
//! character that is not a letter or a digit), so that the library's
//! full-text index can supply document frequencies for the idf and find
//! candidates with the same words ([`query_terms`]).
//!
//! ```
//! use sourcetrace_core::stories::{features, similarity, Profile};
//!
//! let df = |_: &str| 1; // every word in one article of a library of 100
//! let a = Profile::new(features(Some("Romney urges Akin to quit"), "Mitt Romney told Todd Akin to leave the Senate race in Missouri."), &df, 100);
//! let b = Profile::new(features(Some("Akin refuses to drop out"), "Todd Akin said he would stay in the Missouri Senate race despite Romney."), &df, 100);
//! let c = Profile::new(features(Some("Storm hits Florida"), "A hurricane made landfall near Tampa on Tuesday, cutting power to homes."), &df, 100);
//! assert!(similarity(&a, &b) > 0.3);
//! assert!(similarity(&a, &c) < 0.05);
//! ```

use crate::attribution::lexicon::COUNTRIES_TSV;
use crate::fasthash::{FastMap, FastSet};
use crate::outlets::Gazetteer;
use crate::text::words;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Added to a word's `1 + ln tf` when it is in the title: the headline
/// names the event, the body also carries background.
pub const TITLE_BONUS: f32 = 1.0;
/// The share of the words block in [`similarity`].
pub const WORD_WEIGHT: f32 = 0.5;
/// The share of the entities block in [`similarity`].
pub const ENTITY_WEIGHT: f32 = 0.5;
/// The most words a profile keeps (the heaviest): enough for any article,
/// and a bound on memory when a library's profiles are held at once.
pub const MAX_PROFILE_WORDS: usize = 400;

/// What an article mentions, before any library statistics: word counts and
/// entity counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Folded word, count in title and text, and whether the title has it.
    pub words: Vec<(String, u32, bool)>,
    /// Entity key (a folded name, or `country:XX`), count, and the folded
    /// words whose document frequencies stand for the entity's.
    pub entities: Vec<(String, u32, Vec<String>)>,
}

/// An article's weighted, unit-length word and entity vectors, each sorted
/// by key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    pub words: Vec<(String, f32)>,
    pub entities: Vec<(String, f32)>,
}

/// Folds a word as FTS5's `unicode61 remove_diacritics 2` does: lower
/// case, diacritics removed.
pub fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    fold_into(word, &mut folded);
    folded
}

/// [`fold`] into a buffer the caller reuses: reading an article folds every
/// word, and most are only looked up, never kept.
fn fold_into(word: &str, folded: &mut String) {
    folded.clear();
    // Most words are ASCII, which decomposition leaves alone: lower-casing
    // the bytes gives the same string without walking the Unicode tables,
    // which was a seventh of story grouping's time.
    if word.is_ascii() {
        folded.push_str(word);
        folded.make_ascii_lowercase();
    } else {
        folded.extend(word.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase));
    }
}

/// The tokens FTS5 would index, folded.
fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(fold)
}

/// A token worth weighing: not a function word, not a bare number, not a
/// single letter.
fn is_content_word(token: &str) -> bool {
    token.chars().count() > 1 && !token.chars().all(|c| c.is_ascii_digit()) && !stopwords().contains(token)
}

/// Reads an article's words and entities.
pub fn features(title: Option<&str>, text: &str) -> Features {
    let mut counts: FastMap<String, (u32, bool)> = FastMap::default();
    let mut folded = String::new();
    for (source, in_title) in [(title.unwrap_or(""), true), (text, false)] {
        for token in source.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()) {
            fold_into(token, &mut folded);
            if !is_content_word(&folded) {
                continue;
            }
            // A word met before is counted without a copy of it.
            let entry = match counts.get_mut(folded.as_str()) {
                Some(entry) => entry,
                None => counts.entry(folded.clone()).or_insert((0, false)),
            };
            entry.0 += 1;
            entry.1 |= in_title;
        }
    }
    let mut word_list: Vec<(String, u32, bool)> = counts.into_iter().map(|(w, (n, t))| (w, n, t)).collect();
    word_list.sort_by(|a, b| a.0.cmp(&b.0));

    let mut entities: FastMap<String, (u32, Vec<String>)> = FastMap::default();
    // The title is its own sentence; headline case capitalises every word,
    // so only the body's names are read, where capitals mean something.
    for name in names(text) {
        let entry = entities.entry(name.key).or_insert_with(|| (0, Vec::new()));
        entry.0 += 1;
        for w in name.words {
            if !entry.1.contains(&w) {
                entry.1.push(w);
            }
        }
    }
    let mut entity_list: Vec<(String, u32, Vec<String>)> = entities.into_iter().map(|(k, (n, w))| (k, n, w)).collect();
    entity_list.sort_by(|a, b| a.0.cmp(&b.0));
    Features { words: word_list, entities: entity_list }
}

/// A name found in the text: its entity key and the folded words it was
/// written with.
struct Name {
    key: String,
    words: Vec<String>,
}

/// One word of the text as the name reader sees it.
struct Word<'t> {
    text: &'t str,
    capitalised: bool,
    sentence_start: bool,
}

/// Capitalised names and countries, in text order.
fn names(text: &str) -> Vec<Name> {
    let mut list: Vec<Word> = Vec::new();
    let mut lower_case: FastSet<String> = FastSet::default();
    let mut folded = String::new();
    let mut last_end = 0;
    for word in words(text) {
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        let between = &text[last_end..start];
        last_end = start + word.len();
        let word = strip_possessive(word);
        // The words reader leaves a final dot outside the word, so "Sen."
        // also opens a "sentence": the name after it is then kept by the
        // run of capitals it starts ("Sen. Mitch McConnell").
        let sentence_start =
            list.is_empty() || between.contains(['\n', '.', '!', '?', ':', '"', '\u{201c}', '\u{2014}']);
        let first = word.chars().next().unwrap_or(' ');
        let capitalised = first.is_uppercase();
        if first.is_lowercase() {
            fold_into(word, &mut folded);
            if !lower_case.contains(folded.as_str()) {
                lower_case.insert(folded.clone());
            }
        }
        list.push(Word { text: word, capitalised, sentence_start });
    }
    let countries = countries();
    let gazetteer = outlet_names();
    let mut found = Vec::new();
    let mut phrase = String::new();
    let mut i = 0;
    while i < list.len() {
        if !list[i].capitalised {
            i += 1;
            continue;
        }
        // The run of capitalised words starting here, as far as four words,
        // for country and outlet names of several words.
        let mut run = i + 1;
        while run < list.len() && run - i < 4 && list[run].capitalised && !list[run].sentence_start {
            run += 1;
        }
        let mut matched = false;
        for end in (i + 1..=run).rev() {
            phrase.clear();
            for (n, w) in list[i..end].iter().enumerate() {
                if n > 0 {
                    phrase.push(' ');
                }
                phrase.push_str(w.text);
            }
            fold_into(&phrase, &mut folded);
            if let Some(code) = countries.get(folded.as_str()) {
                found.push(Name { key: format!("country:{code}"), words: tokens(&phrase).collect() });
                i = end;
                matched = true;
                break;
            }
            if gazetteer.by_name(&phrase).is_some() {
                i = end;
                matched = true;
                break;
            }
        }
        if matched {
            continue;
        }
        let word = &list[i];
        let folded = fold(word.text);
        let next_is_name = run > i + 1;
        let counts = !entity_stopwords().contains(folded.as_str())
            && !stopwords().contains(folded.as_str())
            && folded.chars().count() > 1
            && (!word.sentence_start || next_is_name || !lower_case.contains(&folded));
        if counts {
            // "U.S." and "Al-Assad" are one name each: their FTS tokens
            // stand for them in the idf.
            let parts: Vec<String> = tokens(word.text).collect();
            if !parts.is_empty() {
                found.push(Name { key: parts.join(" "), words: parts });
            }
        }
        i += 1;
    }
    found
}

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("\u{2019}s")).unwrap_or(word)
}

/// Folded country names, aliases, demonyms and capitals to their ISO code,
/// from `data/countries.tsv`.
fn countries() -> &'static FastMap<String, String> {
    static MAP: OnceLock<FastMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = FastMap::default();
        let mut header = true;
        for line in COUNTRIES_TSV.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if std::mem::take(&mut header) {
                continue;
            }
            let mut columns = line.split('\t');
            let Some(code) = columns.next().map(str::trim).filter(|c| c.len() == 2) else { continue };
            for column in columns {
                for name in column.split('|').map(str::trim).filter(|n| !n.is_empty()) {
                    map.insert(fold(name), code.to_string());
                }
            }
        }
        map
    })
}

fn outlet_names() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::builtin)
}

impl Profile {
    /// Weighs an article's features with document frequencies from a
    /// library of `documents` articles. `df` returns how many articles
    /// contain a folded word (0 for a word the library does not know yet,
    /// counted as 1: the article itself).
    /// It takes the features by value so that the profile keeps their words
    /// instead of copying them.
    pub fn new(features: Features, df: &dyn Fn(&str) -> u64, documents: u64) -> Profile {
        let documents = documents.max(1) as f32;
        let idf = |word: &str| {
            let df = df(word).max(1) as f32;
            ((documents + 1.0) / df).ln().max(0.0)
        };
        let mut words: Vec<(String, f32)> = features
            .words
            .into_iter()
            .map(|(w, n, in_title)| {
                let tf = 1.0 + (n as f32).ln() + if in_title { TITLE_BONUS } else { 0.0 };
                let weight = tf * idf(&w);
                (w, weight)
            })
            .filter(|(_, weight)| *weight > 0.0)
            .collect();
        if words.len() > MAX_PROFILE_WORDS {
            words.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            words.truncate(MAX_PROFILE_WORDS);
        }
        let entities: Vec<(String, f32)> = features
            .entities
            .into_iter()
            .map(|(key, n, parts)| {
                let rarest = parts.iter().map(|p| idf(p)).fold(0.0f32, f32::max);
                (key, (1.0 + (n as f32).ln()) * rarest)
            })
            .filter(|(_, weight)| *weight > 0.0)
            .collect();
        Profile { words: unit(words), entities: unit(entities) }
    }

    /// True when the article gave nothing to compare.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.entities.is_empty()
    }
}

/// Sorts a vector by key and scales it to length 1.
fn unit(mut vector: Vec<(String, f32)>) -> Vec<(String, f32)> {
    vector.sort_by(|a, b| a.0.cmp(&b.0));
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut vector {
            *w /= norm;
        }
    }
    vector
}

/// The dot product of two key-sorted vectors.
fn dot<K: AsRef<str>, L: AsRef<str>>(a: &[(K, f32)], b: &[(L, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.as_ref().cmp(b[j].0.as_ref()) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Combines the words and the entities' similarities as [`similarity`]
/// says.
fn combine(words: f32, entities: Option<f32>) -> f32 {
    match entities {
        None => words,
        Some(entities) => WORD_WEIGHT * words + ENTITY_WEIGHT * entities,
    }
    .clamp(0.0, 1.0)
}

/// How alike two profiles are, from 0 (nothing shared) to 1.
pub fn similarity(a: &Profile, b: &Profile) -> f32 {
    let entities = (!a.entities.is_empty() && !b.entities.is_empty()).then(|| dot(&a.entities, &b.entities));
    combine(dot(&a.words, &b.words), entities)
}

/// The mean of one part of the members' profiles (words or entities),
/// sorted by key and scaled to unit length, with keys borrowed from the
/// members. Equal keys are summed in the members' order and the length is
/// summed in key order, so the result is the same, to the bit, as
/// summing in a map and calling [`unit`]; grouping a library compares
/// every article with the centroids of its candidate stories, and the map
/// of owned keys was a third of that time.
fn mean<'p>(members: &[&'p Profile], part: fn(&Profile) -> &[(String, f32)]) -> Vec<(&'p str, f32)> {
    let mut all: Vec<(&str, f32)> =
        members.iter().flat_map(|m| part(m).iter().map(|(k, w)| (k.as_str(), *w))).collect();
    // A stable sort keeps the members' order among equal keys.
    all.sort_by(|a, b| a.0.cmp(b.0));
    let mut sum: Vec<(&str, f32)> = Vec::with_capacity(all.len());
    for (k, w) in all {
        match sum.last_mut() {
            Some(last) if last.0 == k => last.1 += w,
            _ => sum.push((k, w)),
        }
    }
    let norm = sum.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut sum {
            *w /= norm;
        }
    }
    sum
}

/// The mean of the members' profiles, scaled to unit length: the story as
/// one profile.
pub fn centroid(members: &[&Profile]) -> Profile {
    let owned = |part: Vec<(&str, f32)>| part.into_iter().map(|(k, w)| (k.to_string(), w)).collect();
    Profile { words: owned(mean(members, |p| &p.words)), entities: owned(mean(members, |p| &p.entities)) }
}

/// `similarity(profile, &centroid(members))`, without making the centroid's
/// keys its own.
pub fn similarity_to_centroid(profile: &Profile, members: &[&Profile]) -> f32 {
    let words = mean(members, |p| &p.words);
    let entities = mean(members, |p| &p.entities);
    let entities = (!profile.entities.is_empty() && !entities.is_empty()).then(|| dot(&profile.entities, &entities));
    combine(dot(&profile.words, &words), entities)
}

/// The index of the member closest to the others' centroid: the article
/// that best stands for the story, whose title labels it. `None` when
/// there are no members.
pub fn most_central(members: &[&Profile]) -> Option<usize> {
    let center = centroid(members);
    members
        .iter()
        .enumerate()
        .map(|(i, m)| (i, similarity(m, &center)))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(i, _)| i)
}

/// The `k` heaviest words of a profile, heaviest first: a "more like this"
/// query for the full-text index.
pub fn query_terms(profile: &Profile, k: usize) -> Vec<&str> {
    let mut ranked: Vec<&(String, f32)> = profile.words.iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    ranked.into_iter().take(k).map(|(w, _)| w.as_str()).collect()
}

/// The entities two profiles share, the most telling first (largest product
/// of weights), as the keys read ("romney", "country:SY").
pub fn shared_entities<'p>(a: &'p Profile, b: &Profile, k: usize) -> Vec<&'p str> {
    let weights: HashMap<&str, f32> = b.entities.iter().map(|(k, w)| (k.as_str(), *w)).collect();
    let mut shared: Vec<(&str, f32)> =
        a.entities.iter().filter_map(|(key, w)| weights.get(key.as_str()).map(|v| (key.as_str(), w * v))).collect();
    shared.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(y.0)));
    shared.into_iter().take(k).map(|(key, _)| key).collect()
}

/// Days since 1970-01-01 of a date written ISO-style (`2012-08-21`,
/// optionally with a time after it); `None` when it is not one.
pub fn day_number(published: &str) -> Option<i64> {
    let date = published.get(..10)?;
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Whether two articles are close enough in time to cover one event: both
/// dated and at most `window` days apart, or either undated (a missing date
/// restricts nothing).
pub fn within_window(a: Option<i64>, b: Option<i64>, window: i64) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= window,
        _ => true,
    }
}

/// English function words, and words of news style too common to tell
/// events apart.
fn stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        "a about above after again against all also am an and any are as at be because been before being below \
         between both but by can could did do does doing down during each few for from further had has have having \
         he her here hers herself him himself his how i if in into is it its itself just me more most my myself no \
         nor not now of off on once only or other our ours ourselves out over own same she should so some such than \
         that the their theirs them themselves then there these they this those through to too under until up very \
         was we were what when where which while who whom why will with would you your yours yourself yourselves \
         said says say told according mr mrs ms dr s t don didn doesn isn wasn aren weren won wouldn couldn \
         shouldn ve ll re d m one two new year years time people like get got make made many much may might must \
         us yet still even well back since another around however including within without among via per \
         monday tuesday wednesday thursday friday saturday sunday week weeks day days today yesterday tomorrow \
         january february march april june july august september october november december"
            .split_whitespace()
            .collect()
    })
}

/// Capitalised words that are not names: sentence openers, pronouns and
/// titles that precede names ("Sen. Akin" is about Akin).
fn entity_stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        "the a an and but or if in on at for to of by as it its he she they we i you his her their our this that \
         these those there here when while after before what who why how yes no not so then mr mrs ms dr sen \
         senator rep representative gov governor president vice secretary minister gen general lt col sgt judge \
         justice chairman chairwoman chief speaker leader rev sir lady lord prof professor st jr sr inc co corp \
         ltd may"
            .split_whitespace()
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(title: &str, text: &str) -> Profile {
        Profile::new(features(Some(title), text), &|_| 1, 1000)
    }

    #[test]
    fn words_are_folded_as_the_full_text_index_folds_them() {
        let f = features(Some("Café owners"), "The café's owners said prices in São Paulo rose 20 percent.");
        let words: Vec<&str> = f.words.iter().map(|(w, _, _)| w.as_str()).collect();
        assert_eq!(words, ["cafe", "owners", "paulo", "percent", "prices", "rose", "sao"]);
        let cafe = &f.words[0];
        assert_eq!((cafe.1, cafe.2), (2, true));
    }

    #[test]
    fn names_come_from_capitals_countries_become_codes_and_outlets_are_left_out() {
        let text = "Senate Republicans met on Tuesday. Syrian forces shelled the town, Fox News reported. \
                    Damascus denied it. Officials in Syria said Sen. Mitch McConnell's aides called. \
                    The vote failed. Officials said more.";
        let f = features(None, text);
        let keys: Vec<&str> = f.entities.iter().map(|(k, _, _)| k.as_str()).collect();
        // "Officials" opens a sentence and also reads "officials" nowhere in
        // lower case, so it is kept; "The" never is.
        assert_eq!(keys, ["country:SY", "mcconnell", "mitch", "officials", "republicans", "senate"]);
        let syria = &f.entities[0];
        assert_eq!(syria.1, 3, "Syrian, Damascus and Syria are one entity");
        assert!(!keys.contains(&"fox") && !keys.contains(&"news"), "the outlet's name is not an entity");
    }

    #[test]
    fn a_sentence_opener_written_in_lower_case_elsewhere_is_not_a_name() {
        let f = features(None, "Meanwhile the court ruled. It was, meanwhile, a long day for Akin.");
        let keys: Vec<&str> = f.entities.iter().map(|(k, _, _)| k.as_str()).collect();
        assert_eq!(keys, ["akin"]);
    }

    #[test]
    fn common_words_weigh_nothing_and_rare_words_weigh_most() {
        let f = features(None, "The senator spoke about the budget and the budget deficit.");
        let df = |w: &str| if w == "budget" { 1000 } else { 3 };
        let p = Profile::new(f, &df, 1000);
        let weight = |k: &str| p.words.iter().find(|(w, _)| w == k).map(|(_, w)| *w);
        assert!(weight("budget").is_none_or(|w| w < 0.01), "{p:?}");
        assert!(weight("deficit").unwrap() > 0.4);
        let norm: f32 = p.words.iter().map(|(_, w)| w * w).sum();
        assert!((norm - 1.0).abs() < 1e-4);
    }

    #[test]
    fn folding_matches_the_full_text_index_on_ascii_and_beyond() {
        // ASCII words take the fast path; the rest go through
        // decomposition. Both must fold as FTS5's unicode61 does.
        for (word, folded) in [
            ("Peskov", "peskov"),
            ("U", "u"),
            ("2026", "2026"),
            ("Zürich", "zurich"),
            ("ÉLYSÉE", "elysee"),
            ("Łódź", "łodz"),
            ("İstanbul", "istanbul"),
        ] {
            assert_eq!(fold(word), folded, "{word}");
        }
    }

    #[test]
    fn similarity_is_symmetric_bounded_and_one_for_the_same_article() {
        let a = profile("Akin stays in race", "Todd Akin said in Missouri that he would stay in the Senate race.");
        let b = profile("Romney urges Akin to quit", "Mitt Romney urged Todd Akin to quit the Missouri race.");
        assert!((similarity(&a, &a) - 1.0).abs() < 1e-4);
        assert!((similarity(&a, &b) - similarity(&b, &a)).abs() < 1e-6);
        assert!(similarity(&a, &b) > 0.2 && similarity(&a, &b) < 1.0);
        assert_eq!(similarity(&a, &Profile::default()), 0.0);
        assert!(Profile::default().is_empty());
    }

    #[test]
    fn the_centroid_resists_chaining_through_one_article() {
        // A story, and an article that touches it in passing: each member
        // is closer to the story's centroid than the passer-by is.
        let storm = [
            profile("Hurricane hits Tampa", "A hurricane made landfall near Tampa, flooding streets and homes."),
            profile("Tampa floods", "Flooding from the hurricane covered streets in Tampa as homes lost power."),
        ];
        let bridge = profile(
            "Hurricane and budget",
            "Senators debated the budget deficit while a hurricane flooded Tampa streets.",
        );
        let members: Vec<&Profile> = storm.iter().collect();
        let center = centroid(&members);
        assert!(similarity(&storm[0], &center) > similarity(&bridge, &center));
        assert!(similarity(&storm[1], &center) > similarity(&bridge, &center));
        assert_eq!(most_central(&members).map(|i| i < 2), Some(true));
        assert_eq!(most_central(&[]), None);
        // Comparing with the centroid without making it gives the same
        // figure to the bit, for one member, several, and none.
        for some in [&members[..1], &members[..], &[]] {
            for p in storm.iter().chain([&bridge, &Profile::default()]) {
                assert_eq!(similarity_to_centroid(p, some).to_bits(), similarity(p, &centroid(some)).to_bits());
            }
        }
        // A one-member centroid is the member, scaled again.
        let one = centroid(&members[..1]);
        assert_eq!(one.words.len(), storm[0].words.len());
        assert!((similarity(&storm[0], &one) - 1.0).abs() < 1e-4);
    }

    #[test]
    fn query_terms_are_the_heaviest_words() {
        let p = profile("Akin refuses to quit", "Akin refuses. Akin refuses again, in Missouri.");
        let terms = query_terms(&p, 2);
        assert_eq!(terms, ["akin", "refuses"]);
        let q = profile("Romney and Akin", "Romney spoke to Akin in Missouri.");
        assert_eq!(shared_entities(&p, &q, 5), ["akin", "missouri"]);
    }

    #[test]
    fn day_numbers_and_the_window() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2012-08-21T10:00:00-04:00"), Some(15573));
        assert_eq!(day_number("2012-03-01").unwrap() - day_number("2012-02-28").unwrap(), 2);
        assert_eq!(day_number("Aug 21"), None);
        assert_eq!(day_number("2012-13-01"), None);
        assert!(within_window(Some(10), Some(13), 3));
        assert!(!within_window(Some(10), Some(14), 3));
        assert!(within_window(None, Some(14), 3));
    }

    #[test]
    fn messy_input_gives_an_empty_profile_not_a_panic() {
        for text in ["", "   ", "\u{200b}", "...!!!", "1 2 3", "'s 's"] {
            let p = Profile::new(features(None, text), &|_| 0, 0);
            assert!(p.is_empty(), "{text:?}: {p:?}");
        }
    }
}
