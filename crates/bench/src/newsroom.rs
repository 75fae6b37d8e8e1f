//! A generated newsroom archive for the library benchmark: articles whose
//! word frequencies follow Zipf's law over a vocabulary of 20,000 words, so
//! that full-text search meets long and short posting lists as it does in
//! real news, with quotes, reported speech, anonymous sources, hedges,
//! datelines and wire credits in the proportions of wire copy, over 48
//! outlets and three years.
//!
//! The older `write_corpus` draws from 110 words, every one of which is in
//! nearly every article; that is fine for import and analysis speed but
//! would make every search term match the whole library.

use crate::Rng;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Words at the top of the ranking, the ones real news uses most; the rest
/// of the vocabulary is made of syllables.
const COMMON: &[&str] = &[
    "the",
    "of",
    "to",
    "and",
    "a",
    "in",
    "that",
    "for",
    "on",
    "is",
    "was",
    "with",
    "he",
    "it",
    "as",
    "at",
    "by",
    "said",
    "his",
    "from",
    "be",
    "have",
    "has",
    "an",
    "not",
    "are",
    "they",
    "who",
    "but",
    "this",
    "had",
    "were",
    "would",
    "government",
    "minister",
    "officials",
    "talks",
    "border",
    "troops",
    "election",
    "voters",
    "court",
    "ruling",
    "company",
    "market",
    "inflation",
    "prices",
    "energy",
    "pipeline",
    "sanctions",
    "summit",
    "president",
    "statement",
    "agency",
    "report",
    "police",
    "protest",
    "city",
    "council",
    "budget",
    "parliament",
    "opposition",
    "party",
    "vote",
    "law",
    "health",
    "hospital",
    "school",
    "strike",
    "union",
    "workers",
    "wages",
    "exports",
    "grain",
    "storm",
    "flood",
    "army",
    "missile",
    "drone",
    "attack",
    "ceasefire",
    "diplomats",
    "embassy",
    "migrants",
    "aid",
    "water",
    "power",
];

const SYLLABLES: &[&str] = &[
    "ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "dy", "gre", "pla", "stu", "tri", "mon", "car", "del", "fen",
    "gar", "hol", "jun", "kes", "lam", "nor", "pen", "quo", "ril", "sam", "tor", "ven",
];

const FIRST: &[&str] = &[
    "Maria", "Ivan", "Chen", "Amina", "John", "Sara", "Ali", "Olga", "Pedro", "Fatima", "James", "Yuki", "Hans",
    "Lucia", "Omar", "Anna", "Dmitry", "Grace", "Kwame", "Elena", "Rahul", "Sofia", "Tomasz", "Nadia", "Victor",
    "Leila", "Marco", "Ines", "Pavel", "Aisha",
];

const LAST: &[&str] = &[
    "Lopez", "Petrov", "Wei", "Diallo", "Smith", "Cohen", "Hassan", "Ivanova", "Silva", "Khan", "Miller", "Tanaka",
    "Schmidt", "Rossi", "Farouk", "Novak", "Peskov", "Okafor", "Mensah", "Garcia", "Sharma", "Costa", "Kowalski",
    "Haddad", "Moreau", "Nakamura", "Bianchi", "Ferreira", "Volkov", "Osei",
];

const ROLES: &[&str] = &[
    "a spokesman for the foreign ministry",
    "the interior minister",
    "a senior official",
    "the mayor",
    "a lawyer for the family",
    "an analyst at a bank",
    "the police chief",
    "a union leader",
];

const CITIES: &[&str] = &[
    "MOSCOW",
    "BEIJING",
    "WASHINGTON",
    "KYIV",
    "GENEVA",
    "LONDON",
    "PARIS",
    "BERLIN",
    "CAIRO",
    "NAIROBI",
    "DELHI",
    "TOKYO",
];

const MONTHS: &[&str] = &["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];

const WIRES: &[(&str, &str)] = &[("Reuters", "Reuters"), ("Associated Press", "AP"), ("AFP", "AFP")];

const OUTLETS: &[&str] = &[
    "Reuters",
    "Associated Press",
    "AFP",
    "TASS",
    "CGTN",
    "BBC",
    "Fox News",
    "The New York Times",
    "RT",
    "HuffPost",
    "Xinhua",
    "Daily Mail",
    "The Guardian",
    "Washington Post",
    "Al Jazeera",
    "Deutsche Welle",
];

/// Outlets: the named ones, then local papers, 48 in all.
fn outlet_names() -> Vec<String> {
    let mut out: Vec<String> = OUTLETS.iter().map(|s| s.to_string()).collect();
    for city in ["Springfield", "Riverton", "Lakeside", "Hillcrest"] {
        for paper in ["Courier", "Gazette", "Herald", "Tribune", "Star", "Post", "Times", "Sentinel"] {
            out.push(format!("The {city} {paper}"));
        }
    }
    out
}

/// The vocabulary, most frequent first, and a table that turns a uniform
/// draw into a rank with Zipf's law (exponent 1).
pub struct Newsroom {
    vocabulary: Vec<String>,
    ranks: Vec<u16>,
    people: Vec<String>,
    outlets: Vec<String>,
}

/// Entries of the rank table; 2^20 resolves ranks down to a probability
/// of about one in a million, below the rarest word's.
const TABLE: usize = 1 << 20;
pub const VOCABULARY: usize = 20_000;

impl Newsroom {
    pub fn new() -> Newsroom {
        let mut vocabulary: Vec<String> = COMMON.iter().map(|s| s.to_string()).collect();
        'outer: for a in SYLLABLES {
            for b in SYLLABLES {
                for c in SYLLABLES {
                    if vocabulary.len() == VOCABULARY {
                        break 'outer;
                    }
                    vocabulary.push(format!("{a}{b}{c}"));
                }
            }
        }
        // Shuffle the made-up words' ranks, so that rare and frequent words
        // do not share their first syllables.
        let mut rng = Rng(0x20_000);
        for i in (COMMON.len() + 1..vocabulary.len()).rev() {
            let j = COMMON.len() + rng.below(i - COMMON.len() + 1);
            vocabulary.swap(i, j);
        }
        let harmonic: f64 = (1..=vocabulary.len()).map(|r| 1.0 / r as f64).sum();
        let mut ranks = Vec::with_capacity(TABLE);
        let mut cumulative = 0.0;
        for rank in 0..vocabulary.len() {
            cumulative += 1.0 / ((rank + 1) as f64 * harmonic);
            let until = ((cumulative * TABLE as f64) as usize).min(TABLE);
            while ranks.len() < until {
                ranks.push(rank as u16);
            }
        }
        ranks.resize(TABLE, (vocabulary.len() - 1) as u16);
        let people = FIRST.iter().flat_map(|f| LAST.iter().map(move |l| format!("{f} {l}"))).collect();
        Newsroom { vocabulary, ranks, people, outlets: outlet_names() }
    }

    /// The word of a given frequency rank (0 is the most frequent).
    pub fn word(&self, rank: usize) -> &str {
        &self.vocabulary[rank.min(self.vocabulary.len() - 1)]
    }

    fn draw(&self, rng: &mut Rng) -> &str {
        // Two draws of 31 bits make one of 20; the table needs 20.
        &self.vocabulary[self.ranks[(rng.next() as usize) & (TABLE - 1)] as usize]
    }

    fn words(&self, rng: &mut Rng, n: usize, out: &mut String) {
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(self.draw(rng));
        }
    }

    fn sentence(&self, rng: &mut Rng, out: &mut String) {
        let start = out.len();
        let n = 10 + rng.below(14);
        self.words(rng, n, out);
        if let Some(c) = out[start..].chars().next() {
            let upper = c.to_ascii_uppercase();
            out.replace_range(start..start + c.len_utf8(), upper.encode_utf8(&mut [0; 4]));
        }
        out.push('.');
    }

    /// One paragraph: a plain sentence, and most often an attribution in
    /// one of the shapes news copy uses.
    fn paragraph(&self, rng: &mut Rng, out: &mut String) {
        let person = &self.people[rng.below(self.people.len())];
        let role = ROLES[rng.below(ROLES.len())];
        let mut clause = String::new();
        let n = 8 + rng.below(12);
        self.words(rng, n, &mut clause);
        match rng.below(10) {
            0 | 1 => out.push_str(&format!("\u{201c}{clause},\u{201d} said {person}, {role}.")),
            2 | 3 => out.push_str(&format!("{person}, {role}, said that the {clause}.")),
            4 => out.push_str(&format!("The {clause}, according to {person}.")),
            5 => out.push_str(&format!(
                "Officials, who spoke on condition of anonymity, told reporters that the {clause}."
            )),
            6 => out.push_str(&format!("The {clause} was reportedly delayed, {person} claimed.")),
            _ => self.sentence(rng, out),
        }
        out.push(' ');
        self.sentence(rng, out);
    }

    /// One article as a JSON line: outlet, date, title and a text of five
    /// to eight paragraphs (about 200 words) with its dateline and credits.
    pub fn article(&self, rng: &mut Rng, i: usize, out: &mut String) -> String {
        let outlet = &self.outlets[zipf_index(rng, self.outlets.len())];
        let (year, month, day) = (2019 + rng.below(3), 1 + rng.below(12), 1 + rng.below(28));
        let mut text = String::with_capacity(1600);
        if let Some((_, short)) = WIRES.iter().find(|(name, _)| name == outlet) {
            let city = CITIES[rng.below(CITIES.len())];
            text.push_str(&format!("{city}, {} {day} ({short}) - ", MONTHS[month - 1]));
        }
        for p in 0..5 + rng.below(4) {
            if p > 0 {
                text.push_str("\n\n");
            }
            self.paragraph(rng, &mut text);
        }
        match rng.below(8) {
            0 => text.push_str(&format!("\n\n(With input from {})", WIRES[rng.below(WIRES.len())].0)),
            1 => {
                let (a, b) = (&self.people[rng.below(self.people.len())], &self.people[rng.below(self.people.len())]);
                text.push_str(&format!("\n\n(Reporting by {a}; Editing by {b})"))
            }
            _ => {}
        }
        let mut title = String::new();
        let n = 5 + rng.below(5);
        self.words(rng, n, &mut title);
        out.clear();
        // The id lets `sourcetrace analyze --format jsonl -` name each result
        // wherever the line ends up (a Spark partition numbers its lines
        // from one); import ignores it.
        out.push_str(&format!("{{\"id\":{i},\"outlet\":"));
        out.push_str(&serde_json::to_string(outlet).expect("a string serializes"));
        out.push_str(&format!(",\"date\":\"{year}-{month:02}-{day:02}\",\"url\":\"https://example.org/a/{i}\""));
        out.push_str(",\"title\":");
        out.push_str(&serde_json::to_string(&title).expect("a string serializes"));
        out.push_str(",\"text\":");
        out.push_str(&serde_json::to_string(&text).expect("a string serializes"));
        out.push('}');
        text
    }

    /// Writes `articles` articles as JSONL, 3% of them wire copy that
    /// another outlet republished, and returns the file's size in bytes.
    pub fn write(&self, path: &Path, articles: usize) -> std::io::Result<u64> {
        self.write_parts(&[path.to_path_buf()], articles)
    }

    /// The same articles shared out in turn over several files, as a
    /// partitioned corpus for a cluster engine.
    pub fn write_parts(&self, paths: &[std::path::PathBuf], articles: usize) -> std::io::Result<u64> {
        let mut outs = paths
            .iter()
            .map(|p| Ok(BufWriter::with_capacity(1 << 20, std::fs::File::create(p)?)))
            .collect::<std::io::Result<Vec<_>>>()?;
        let mut rng = Rng(0x1_000_000);
        let mut line = String::new();
        let mut recent: Vec<String> = Vec::new();
        let mut written = 0u64;
        for i in 0..articles {
            let text = self.article(&mut rng, i, &mut line);
            if rng.below(100) < 3 && !recent.is_empty() {
                let copy = &recent[rng.below(recent.len())];
                let outlet = &self.outlets[16 + rng.below(self.outlets.len() - 16)];
                line = serde_json::json!({
                    "id": i,
                    "outlet": outlet,
                    "date": format!("2021-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
                    "url": format!("https://example.org/copy/{i}"),
                    "title": format!("Republished {i}"),
                    "text": copy,
                })
                .to_string();
            } else if line.contains("(Reuters) -") || line.contains("(AP) -") {
                if recent.len() < 500 {
                    recent.push(text);
                } else {
                    let slot = rng.below(recent.len());
                    recent[slot] = text;
                }
            }
            let out = &mut outs[i % paths.len()];
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
            written += line.len() as u64 + 1;
        }
        for out in &mut outs {
            out.flush()?;
        }
        Ok(written)
    }
}

/// An index below `n`, the first ones most likely (Zipf, exponent 1), so
/// that a few outlets publish most of the library as in real archives.
fn zipf_index(rng: &mut Rng, n: usize) -> usize {
    let harmonic: f64 = (1..=n).map(|r| 1.0 / r as f64).sum();
    let mut u = (rng.next() as f64 / (1u64 << 31) as f64) * harmonic;
    for r in 0..n {
        u -= 1.0 / (r + 1) as f64;
        if u <= 0.0 {
            return r;
        }
    }
    n - 1
}
