//! Finding attributions: cues from the lexicon, then the source and content
//! around each cue by the shape of the sentence.
//!
//! Each rule has a name that ends up in the attribution's evidence, so the
//! app can say why it found what it found. The rules, in the order they are
//! tried for a cue:
//! - `according-to`: "according to X, ..." and "..., according to X";
//! - `citing`: "..., citing X" (a hop toward the origin of a claim; a
//!   cited reason, "citing fears of terrorism", is a `participle`);
//! - `quote-before-cue`: "“...,” Peskov said" and "“...,” said Peskov";
//! - `participle`: "..., calling it a “question for the future”";
//! - `subject-cue-content`: "Peskov said it is too early to ...";
//! - `carrier-participle`: "held up a sign saying “...”", when no subject
//!   is found;
//! - `content-then-cue`: "Putin told Biden that ..., Peskov said.";
//! - `colon`: "Peskov: “...”" at the start of a sentence;
//! - `channel`: "In a video released on state TV, Peskov said ...".

use super::lexicon::{complement, normalize_phrase, trim_suffix, Lexicon, CUE_BIT, SOURCE_BIT, SOURCE_START_BIT};
use super::tokens::{Kind, Tokens};
use super::CueClass;
use crate::fasthash::FastMap;

/// One attribution as found, in token and byte positions, before its source
/// is typed and its chain is linked.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// Tokens of the cue, auxiliaries included ("has also said").
    pub cue: (usize, usize),
    /// The lexicon entry, or none for punctuation cues and channels.
    pub entry: Option<u32>,
    pub source: Option<(usize, usize)>,
    /// Byte ranges of the content.
    pub content: Vec<(usize, usize)>,
    pub rule: &'static str,
    /// For `citing` and `channel`: the attribution this one is the origin of.
    pub cites_for: Option<usize>,
    /// A participle takes its source from this earlier attribution.
    pub source_from: Option<usize>,
    /// For `channel`: the attribution whose words this medium carried.
    pub channel_for: Option<usize>,
    /// For a relative pronoun as the source ("who"): the phrase it stands
    /// for, which decides the source's type and name.
    pub antecedent: Option<(usize, usize)>,
    /// The content is nothing but quotation.
    pub quoted: Quoted,
}

impl Found {
    /// An attribution with no links to others; rules that link set the
    /// link fields on top of this.
    fn new(
        cue: (usize, usize),
        entry: Option<u32>,
        source: Option<(usize, usize)>,
        content: Vec<(usize, usize)>,
        rule: &'static str,
        quoted: Quoted,
    ) -> Found {
        Found {
            cue,
            entry,
            source,
            content,
            rule,
            cites_for: None,
            source_from: None,
            channel_for: None,
            antecedent: None,
            quoted,
        }
    }

    /// The first token of the source and cue together, whichever comes
    /// first: where the words that name the speaker begin.
    fn first_token(&self) -> usize {
        self.source.map_or(self.cue.0, |(a, _)| a.min(self.cue.0))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quoted {
    All,
    Part,
    None,
}

/// Words that open an adverbial before the subject of a sentence: "On
/// Thursday, ...", "In a call with reporters, ...", "Later, ...".
const OPENING_ADVERBIALS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "since",
    "earlier",
    "later",
    "last",
    "yesterday",
    "today",
    "meanwhile",
    "still",
    "however",
    "speaking",
    "asked",
    "overall",
    "separately",
    "instead",
    "then",
    "now",
    "here",
    "there",
    "elsewhere",
    "back",
    // Prepositions and subordinators that open an adverbial set off by a
    // comma: "By the end of the day, Mr. Trump ...".
    "by",
    "amid",
    "despite",
    "following",
    "under",
    "throughout",
    "within",
    "unlike",
    "like",
    "as",
    "when",
    "while",
    "although",
    "though",
    "because",
    "if",
];

/// Words that end a noun phrase when walking over it.
pub(crate) const BREAK: &[&str] = &[
    "that",
    "which",
    "whom",
    "whose",
    "what",
    "when",
    "where",
    "why",
    "how",
    "while",
    "because",
    "although",
    "though",
    "if",
    "unless",
    "as",
    "but",
    "or",
    "so",
    "since",
    "after",
    "before",
    "until",
    "than",
    "whether",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "not",
    "to",
    "in",
    "on",
    "at",
    "with",
    "by",
    "from",
    "about",
    "into",
    "over",
    "under",
    "between",
    "through",
    "during",
    "against",
    "without",
    "also",
    "there",
    "then",
    "however",
    "yet",
    "still",
    "now",
    "even",
    "just",
    "only",
    "here",
    "this",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "him",
    "her",
    "them",
    "us",
    "me",
    "and",
    "nor",
    "once",
    "where",
    "upon",
    "amid",
    "among",
    "despite",
    "like",
    "unlike",
    "toward",
    "towards",
    "onto",
    "per",
    "via",
    "up",
    "out",
    "off",
    "down",
    "too",
    "very",
    "already",
    "never",
    "always",
    "often",
    "later",
    "earlier",
    "again",
    "meanwhile",
    "instead",
    "yes",
    "no",
    "please",
    "thank",
    "thanks",
    "let",
    "let's",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "shouldn't",
    "hasn't",
    "haven't",
    "hadn't",
    "it's",
    "that's",
    "there's",
    "he's",
    "she's",
    "they're",
    "we're",
    "i'm",
    "you're",
    "what's",
    "here's",
    "for",
    "who",
    "said",
    "says",
    "told",
];

/// Determiners and possessives that may open a source noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "some", "many", "most", "several", "other",
    "both", "all", "each", "few", "two", "three", "four", "five", "one", "another", "any", "top", "senior", "former",
];

/// Words after which a cue word is a noun, not a verb.
const NOUN_MARKERS: &[&str] =
    &["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "whose"];

/// Cue words that are the first half of a compound noun when the second
/// half follows: "a think tank", "pledged delegates".
const COMPOUND_NEXT: &[(&str, &[&str])] = &[
    ("think", &["tank", "tanks", "piece", "pieces"]),
    ("pledged", &["delegate", "delegates"]),
    ("show", &["host", "hosts", "trial", "trials"]),
    ("talking", &["point", "points", "head", "heads"]),
];

/// Particles after a form of "back" that make it a movement, not
/// support: "backed away from", "backed down", "backed into a corner",
/// "backed that up".
const BACK_PARTICLES: &[&str] = &["away", "off", "down", "up", "out", "into", "onto", "in"];

/// Cue words that end a compound noun after these words: "a TV show", "the
/// talk show", "a radio show".
const COMPOUND_BEFORE: &[(&str, &[&str])] = &[
    // "peace talks", "harbour talks": the plural noun of negotiations,
    // the commonest sense of "talks" in political news.
    (
        "talks",
        &[
            "peace",
            "trade",
            "harbour",
            "harbor",
            "border",
            "budget",
            "ceasefire",
            "cease-fire",
            "nuclear",
            "coalition",
            "merger",
            "contract",
            "debt",
            "climate",
            "security",
            "arms",
            "truce",
            "settlement",
            "bilateral",
            "direct",
            "formal",
            "informal",
            "preliminary",
            "high-level",
            "exploratory",
            "fresh",
            "new",
            "further",
            "stalled",
            "failed",
            "round",
            "crisis",
            "unity",
            "reunification",
            "normalization",
        ],
    ),
    // "declined to be named for fear of retribution": the reason a
    // source gives for staying unnamed, not a belief attributed to it.
    ("fear", &["for"]),
    // "in a conference call with reporters": the call is where something
    // was said, not a verb whose subject is the conference.
    ("call", &["conference"]),
    ("calls", &["conference"]),
    (
        "show",
        &["tv", "television", "radio", "talk", "reality", "game", "news", "comedy", "morning", "cable", "cooking"],
    ),
    (
        "shows",
        &["tv", "television", "radio", "talk", "reality", "game", "news", "comedy", "morning", "cable", "cooking"],
    ),
];

/// What a statement comes in: "said in a statement", "told in an
/// interview", "in a video released on state TV".
const CHANNELS: &[&str] = &[
    "statement",
    "interview",
    "speech",
    "letter",
    "tweet",
    "post",
    "email",
    "op-ed",
    "remarks",
    "video",
    "appearance",
    "briefing",
    "conference",
    "call",
    "address",
    "message",
    "posting",
    "release",
];

/// Things that carry words or figures, which a participle of saying or
/// showing right after them quotes: "a sign saying", "data showing".
const CARRIERS: &[&str] = &[
    "sign",
    "signs",
    "placard",
    "placards",
    "banner",
    "banners",
    "shirt",
    "shirts",
    "t-shirt",
    "t-shirts",
    "message",
    "messages",
    "graphic",
    "graphics",
    "data",
    "records",
    "information",
    "evidence",
    "figures",
    "numbers",
    "headline",
    "headlines",
    "photo",
    "photos",
    "picture",
    "pictures",
    "image",
    "images",
    "footage",
    "chart",
    "charts",
    "map",
    "maps",
    "transcript",
    "transcripts",
    "recording",
    "recordings",
    "audio",
    "clip",
    "clips",
    "tape",
    "tapes",
    "memo",
    "memos",
    "note",
    "notes",
    "filings",
    "documents",
    "ads",
    "ad",
    "studies",
    "research",
    "polls",
    "surveys",
    "reports",
    "emails",
    "letters",
    "tweets",
    "posts",
    "videos",
    "statements",
];

/// Documents whose findings a sentence can report: "In a new poll, ...".
const STUDIES: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "analysis",
    "report",
    "census",
    "data",
    "findings",
    "research",
    "estimates",
    "tally",
    "count",
    "audit",
    "review",
    "ranking",
    "rankings",
    "index",
];

/// Cues whose object may be followed by what it is taken as: "cast her
/// rival as out of touch", "viewed the deal as a giveaway".
const TAKES_AS: &[&str] = &[
    "cast",
    "paint",
    "frame",
    "portray",
    "characterize",
    "depict",
    "view",
    "regard",
    "see",
    "brand",
    "label",
    "dismiss",
    "hail",
    "tout",
    "praise",
    "criticize",
];

/// Words after "appeared" or "seemed" that make it an appearance, not an
/// inference: "appeared on Fox News", "appeared before the committee",
/// "appeared briefly", "appeared and left".
const APPEARANCE_WORDS: &[&str] = &[
    "on",
    "in",
    "at",
    "before",
    "with",
    "alongside",
    "onstage",
    "during",
    "for",
    "from",
    "together",
    "as",
    "after",
    "under",
    "outside",
    "inside",
    "live",
    "via",
    "next",
    "and",
    "or",
    "but",
    "here",
    "there",
    "briefly",
    "again",
    "twice",
    "regularly",
    "frequently",
    "virtually",
    "by",
];

/// Does the word read as an adjective that labels something ("lawful",
/// "divisive", "irresponsible", "racist")? By its ending, or one of the
/// short judgements that have none; "the police chief" is no label.
fn is_adjective_like(w: &str) -> bool {
    // Nouns end in these too ("statement", "official", "critic"), so they
    // count only where a label is expected.
    const LOOSE_ENDINGS: &[&str] = &["ist", "ish", "ent", "ant", "ary", "ic", "al"];
    const PLAIN: &[&str] = &[
        "wrong", "crazy", "absurd", "stupid", "false", "fake", "insane", "unfair", "weak", "dumb", "rigged", "sick",
        "dead", "silly", "bad", "good", "great", "strong", "right", "nuts", "mad", "sad", "rude", "toxic", "corrupt",
    ];
    w.len() > 3 && CLEAR_ADJECTIVE_ENDINGS.iter().chain(LOOSE_ENDINGS).any(|e| w.ends_with(e)) || PLAIN.contains(&w)
}

/// Endings that make a word an adjective nearly always ("creative",
/// "infamous", "capable").
const CLEAR_ADJECTIVE_ENDINGS: &[&str] = &["ful", "ous", "ive", "ical", "able", "ible", "less"];

/// Headings and labels that a colon follows without anyone speaking.
const LABELS: &[&str] = &[
    // Interjections that open a headline ("Wow: Al Sharpton Just Said ...")
    // or a line of quotation ("Hey: Maybe I can send Mitt a bill").
    "wow",
    "hey",
    "whoa",
    "oops",
    "ok",
    "okay",
    "boom",
    "bingo",
    "yikes",
    "question",
    "answer",
    "q",
    "a",
    "ask yourself",
    "editor's note",
    "note",
    "update",
    "updated",
    "watch",
    "related",
    "exclusive",
    "breaking",
    "photos",
    "photo",
    "video",
    "listen",
    "read more",
    "read",
    "more",
    "also",
    "source",
    "sources",
    "credit",
    "correction",
    "abstract",
    "full text",
    "transcript",
    "partial transcript",
    "follow",
    "warning",
    "spoiler",
    "bottom line",
    "takeaway",
    "analysis",
    "opinion",
    "live",
    "latest",
    "headline",
    "summary",
    "why",
    "what",
    "how",
    "here's why",
    "p.s.",
    "ps",
    "via",
    "h/t",
    "hat tip",
    "disclosure",
    "full disclosure",
    "online",
    "name",
    "remember",
    "conclusion",
    "notice",
    "paid notice",
    "newsletter",
    "briefing",
    "good news",
    "bad news",
    // A contributors' line, a handle and the one-word teasers of
    // headlines ("Revealed: What ...", "Look: ...").
    "contributing",
    "contributors",
    "twitter",
    "revealed",
    "bombshell",
    "look",
    "shocking",
    "busted",
];

/// Participles and phrases that start a new attribution after a comma.
const PARTICIPLES: &[&str] = &[
    "according",
    "citing",
    "quoting",
    "saying",
    "adding",
    "calling",
    "noting",
    "arguing",
    "telling",
    "explaining",
    "warning",
    "insisting",
    "claiming",
    "suggesting",
    "asking",
    "urging",
    "describing",
    "referring",
    "vowing",
    "stating",
    "promising",
    "accusing",
    "blaming",
    "predicting",
    "praising",
    "dismissing",
    "acknowledging",
    "asserting",
    "declaring",
    "recalling",
    "criticizing",
    "questioning",
    "touting",
    "pointing",
    "admitting",
    "announcing",
    "complaining",
    "conceding",
    "denying",
    "pledging",
    "reminding",
    "stressing",
    "writing",
    "tweeting",
    "joking",
    "mocking",
    "labeling",
    "chiding",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "you", "it"];

/// Adverbs that link a clause to the one before ("Carter however said",
/// "Meanwhile, Trump went"): they stand outside the subject.
const SENTENCE_ADVERBS: &[&str] = &["however", "meanwhile", "instead", "nonetheless", "nevertheless"];

/// Words between a subject and its cue that belong to the cue ("has also
/// said", "would normally call for").
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "be",
    "been",
    "being",
    "also",
    "later",
    "previously",
    "repeatedly",
    "earlier",
    "often",
    "then",
    "once",
    "recently",
    "publicly",
    "privately",
    "again",
    "already",
    "never",
    "not",
    "first",
    "reportedly",
    "just",
    "even",
    "still",
    "now",
    "frequently",
    "explicitly",
    "openly",
    "initially",
    "ultimately",
    "finally",
    "quickly",
    "immediately",
    "can",
    "cannot",
    "normally",
    "usually",
    "always",
    "allegedly",
    "apparently",
    "similarly",
    "further",
    "last",
    "has long",
    "long",
    "flatly",
    "strongly",
    "simply",
    "clearly",
    "angrily",
    "bluntly",
    "separately",
    "subsequently",
    "privately",
    "personally",
    "elsewhere",
    "since",
    "consistently",
    // The contracted helpers a pronoun is split from ("he's said",
    // "they've argued", "I'd thought").
    "'s",
    "'ve",
    "'d",
    "'ll",
    "'re",
    "'m",
];

/// Participles that keep a noun phrase going to the right: "a video
/// released on state TV channel Rossiya 1".
const MODIFIERS: &[&str] = &[
    "released",
    "published",
    "posted",
    "aired",
    "broadcast",
    "issued",
    "obtained",
    "seen",
    "shared",
    "uploaded",
    "shown",
    "carried",
    "run",
    "written",
    "filed",
    "conducted",
    "commissioned",
    "cited",
    "quoted",
    "made",
    "given",
    "produced",
    "compiled",
    "sent",
    "signed",
    "put",
    "prepared",
];

/// Prepositions that may continue a noun phrase to the right when a name or
/// a determiner follows: "a report in The New York Times".
const NP_PREPOSITIONS: &[&str] = &["of", "in", "on", "by", "for", "from", "at", "with", "to"];

/// Who a speech verb is told to when the object is one word: "told
/// reporters", "told supporters outside the courthouse".
const ADDRESSEES: &[&str] = &[
    "him",
    "her",
    "them",
    "us",
    "me",
    "reporters",
    "journalists",
    "voters",
    "supporters",
    "lawmakers",
    "listeners",
    "viewers",
    "audiences",
    "crowds",
    "members",
    "students",
    "people",
    "investigators",
    "prosecutors",
    "delegates",
    "donors",
    "senators",
    "colleagues",
    "aides",
    "friends",
    "officials",
    "everyone",
];

/// Words of time besides weekdays and month names, which come from `dates`.
const TIME_WORDS: &[&str] = &[
    "today",
    "yesterday",
    "tonight",
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "earlier",
    "later",
    "recently",
];

/// Bits for the word lists above, so that checking a word against a list
/// is one hash lookup rather than a scan.
pub(crate) const BREAK_BIT: u16 = 1 << 0;
pub(crate) const AUXILIARIES_BIT: u16 = 1 << 1;
pub(crate) const TIME_WORDS_BIT: u16 = 1 << 2;
pub(crate) const NOUN_MARKERS_BIT: u16 = 1 << 3;
pub(crate) const PRONOUNS_BIT: u16 = 1 << 4;
pub(crate) const DETERMINERS_BIT: u16 = 1 << 5;
pub(crate) const NP_PREPOSITIONS_BIT: u16 = 1 << 6;
pub(crate) const MODIFIERS_BIT: u16 = 1 << 7;
pub(crate) const PARTICIPLES_BIT: u16 = 1 << 8;
pub(crate) const LABELS_BIT: u16 = 1 << 9;
pub(crate) const STUDIES_BIT: u16 = 1 << 10;

pub(crate) fn word_classes() -> &'static FastMap<&'static str, u16> {
    static CLASSES: std::sync::OnceLock<FastMap<&'static str, u16>> = std::sync::OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut map: FastMap<&'static str, u16> = FastMap::default();
        for (list, bit) in [
            (BREAK, BREAK_BIT),
            (AUXILIARIES, AUXILIARIES_BIT),
            (TIME_WORDS, TIME_WORDS_BIT),
            (&crate::dates::WEEKDAYS, TIME_WORDS_BIT),
            (NOUN_MARKERS, NOUN_MARKERS_BIT),
            (PRONOUNS, PRONOUNS_BIT),
            (DETERMINERS, DETERMINERS_BIT),
            (NP_PREPOSITIONS, NP_PREPOSITIONS_BIT),
            (MODIFIERS, MODIFIERS_BIT),
            (PARTICIPLES, PARTICIPLES_BIT),
            (LABELS, LABELS_BIT),
            (STUDIES, STUDIES_BIT),
        ] {
            for w in list {
                *map.entry(w).or_default() |= bit;
            }
        }
        map
    })
}

/// "had", "was", "will": an auxiliary verb proper, which the wider
/// AUXILIARIES list (with "also", "even", "then") is not.
fn is_finite_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
            | "be"
            | "been"
            | "being"
    )
}

/// Is the lowercased word `w` in the list that `bit` stands for?
pub(crate) fn is_a(bit: u16, w: &str) -> bool {
    class_bits(w) & bit != 0
}

/// The bits of every word list `w` is in; tokens keep theirs, so that a
/// rule asks each word once.
/// Nouns of saying and believing that carry a that-clause, with the verb
/// whose cue entry gives their class and stance.
const NOMINAL_CUES: &[(&str, &str)] = &[
    ("claim", "claim"),
    ("claims", "claim"),
    ("allegation", "allege"),
    ("allegations", "allege"),
    ("assertion", "assert"),
    ("assertions", "assert"),
    ("suggestion", "suggest"),
    ("suggestions", "suggest"),
    ("complaint", "complain"),
    ("complaints", "complain"),
    ("warning", "warn"),
    ("warnings", "warn"),
    ("insistence", "insist"),
    ("contention", "contend"),
    ("promise", "promise"),
    ("promises", "promise"),
    ("pledge", "pledge"),
    ("pledges", "pledge"),
    ("belief", "believe"),
    ("beliefs", "believe"),
    ("fear", "fear"),
    ("fears", "fear"),
    ("hope", "hope"),
    ("hopes", "hope"),
    ("remark", "remark"),
    ("remarks", "remark"),
    ("statement", "stated"),
    ("statements", "stated"),
    ("assurance", "assure"),
    ("assurances", "assure"),
    ("speculation", "speculate"),
    ("criticism", "criticize"),
];

pub(crate) fn class_bits(w: &str) -> u16 {
    word_classes().get(w).copied().unwrap_or(0)
}

/// "Sunday", "week", "December", "Dec.": is token `k` a word of an
/// adverbial of time? The token carries its list bits, so only month names
/// take a lookup by string.
fn time_word_at(t: &Tokens, k: usize) -> bool {
    let w = t.lower(k);
    t.is(k, TIME_WORDS_BIT) || w.len() >= 3 && crate::dates::month_abbreviation(w.trim_end_matches('.')).is_some()
}

/// "47 percent", "half", "majorities", "Six in 10": the share of a
/// polled group that says something.
fn is_quantity(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        || in_list(
            &[
                "percent",
                "half",
                "third",
                "thirds",
                "quarter",
                "majority",
                "majorities",
                "most",
                "many",
                "few",
                "some",
                "both",
                "all",
                "none",
                "several",
                "dozens",
                "hundreds",
                "thousands",
                "millions",
                "plurality",
                "minority",
                "six",
                "seven",
                "eight",
                "nine",
                "two",
                "three",
                "four",
                "five",
                "one",
            ],
            w,
        )
}

/// A word that rounds the figure after it: "nearly four years", "just over
/// a quarter", "about 60 percent".
fn is_rounding(w: &str) -> bool {
    matches!(
        w,
        "about" | "nearly" | "almost" | "roughly" | "around" | "approximately" | "just" | "over" | "under" | "only"
    )
}

/// A noun with a genitive ending ("Trump's", "Sanders'"), not the
/// contracted "'s" split from a pronoun ("he's said").
fn is_genitive(w: &str) -> bool {
    w.len() > 2 && (w.ends_with("'s") || w.ends_with("s'"))
}

/// An adverb in -ly ("jokingly", "generally"), not a noun or name that
/// ends the same way.
fn is_ly_adverb(w: &str) -> bool {
    w.ends_with("ly") && !matches!(w, "family" | "daily" | "weekly" | "ally" | "italy" | "rally")
}

/// A possessive determiner: "her friend", "their lawyers".
fn is_possessive(w: &str) -> bool {
    matches!(w, "his" | "her" | "their" | "its" | "our" | "my")
}

/// The participles after "those" that make it the people a poll asked.
fn is_polled(w: &str) -> bool {
    in_list(&["surveyed", "polled", "interviewed", "questioned", "sampled"], w)
}

fn t_word_is_who(t: &Tokens, i: usize) -> bool {
    t.word_is(i, "who")
}

/// Past participles whose passive leaves the ones who hold the view
/// unnamed: "Trump is expected to", "the deal was widely seen as".
const UNNAMED_VIEW_PARTICIPLES: &[&str] = &[
    "expected",
    "said",
    "reported",
    "rumored",
    "understood",
    "seen",
    "viewed",
    "considered",
    "believed",
    "thought",
    "regarded",
    "deemed",
    "perceived",
    "projected",
    "predicted",
];

/// A past participle, as the last word of a passive cue.
fn is_participle(w: &str) -> bool {
    w.ends_with("ed") || in_list(&["known", "seen", "shown", "written", "told", "heard", "said"], w)
}

/// How much of a content is quotation once its spans were cut short at
/// the right: an all-quoted or unquoted content stays so, and a mixed one
/// is counted again, as [`Detector::content_spans`] counts it (without the
/// "that" that opens a clause).
fn requoted(t: &Tokens, spans: &[(usize, usize)], was: Quoted) -> Quoted {
    if was != Quoted::Part {
        return was;
    }
    let (mut words, mut quoted) = (0, 0);
    let mut opener = true;
    // Only the tokens between the first span's start and the last one's
    // end: tokens are in text order.
    let from = spans.iter().map(|&(s, _)| s).min().unwrap_or(0);
    let to = spans.iter().map(|&(_, e)| e).max().unwrap_or(0);
    let first = t.toks.partition_point(|tok| tok.start < from);
    let end = t.toks.partition_point(|tok| tok.start < to);
    for k in first..end {
        let tok = &t.toks[k];
        if tok.kind != Kind::Word || !spans.iter().any(|&(s, e)| tok.start >= s && tok.end <= e) {
            continue;
        }
        if std::mem::take(&mut opener) && t.lower(k) == "that" {
            continue;
        }
        words += 1;
        quoted += usize::from(t.in_quote[k].is_some());
    }
    if words > 0 && quoted == words {
        Quoted::All
    } else if quoted > 0 {
        Quoted::Part
    } else {
        Quoted::None
    }
}

/// Words that open a subordinate clause of time, reason, condition or
/// concession, which a comma closes before the main clause.
fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "although"
            | "though"
            | "while"
            | "whilst"
            | "after"
            | "before"
            | "when"
            | "whenever"
            | "if"
            | "because"
            | "since"
            | "as"
            | "unless"
            | "until"
            | "once"
            | "whether"
            | "even"
    )
}

/// Past tenses and third-person forms that cannot be nouns in a subject.
#[rustfmt::skip]
fn is_verb_form(w: &str) -> bool {
    // A match, not a list: the compiler sorts the words by length and
    // bytes, where a list is compared one word at a time, and this runs
    // for most words of every subject. (Kept by hand on few lines: one word
    // a line would make it a hundred lines long.)
    w.ends_with("ed")
        || matches!(
            w,
            "said" | "says" | "told" | "tells" | "wrote" | "writes" | "thought" | "thinks" | "knew" | "knows"
            | "saw" | "sees" | "felt" | "feels" | "spoke" | "speaks" | "argues" | "believes" | "wants"
            | "hopes" | "fears" | "insists" | "claims" | "adds" | "notes" | "warns" | "asks" | "urges"
            | "vows" | "promises" | "predicts" | "suggests" | "explains" | "held" | "made" | "took" | "gave"
            | "went" | "came" | "got" | "kept" | "left" | "met" | "ran" | "won" | "lost" | "sent" | "stood"
            | "brought" | "began" | "led" | "struck" | "fought" | "sought" | "threw" | "drew" | "grew"
            | "flew" | "blew" | "wore" | "tore" | "swore" | "broke" | "chose" | "froze" | "drove" | "rode"
            | "shook" | "forgot" | "sat" | "paid" | "laid" | "sold" | "bought" | "caught" | "taught" | "dealt"
            | "meant" | "spent" | "built" | "slept" | "heard" | "understood" | "sang" | "swam" | "drank"
            | "sank" | "rang" | "became" | "overcame" | "forgave" | "ate" | "fled" | "slid" | "hid" | "stuck"
            | "hung" | "swung" | "spun" | "dug" | "arose" | "withdrew" | "undertook" | "oversaw" | "foresaw"
            | "mistook"
        )
}

pub(crate) fn in_list(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

pub(crate) struct Detector<'a, 't> {
    pub t: &'a Tokens<'t>,
    pub lex: &'a Lexicon,
    pub found: Vec<Found>,
    /// Tokens covered by an accepted cue, so that one word is one cue.
    cue_taken: Vec<bool>,
}

/// A cue occurrence before the rules look at it.
#[derive(Debug, Clone, Copy)]
struct CueAt {
    first: usize,
    end: usize,
    entry: u32,
}

impl<'a, 't> Detector<'a, 't> {
    pub fn new(t: &'a Tokens<'t>, lex: &'a Lexicon) -> Self {
        Detector { t, lex, found: Vec::new(), cue_taken: vec![false; t.toks.len()] }
    }

    pub fn run(&mut self) {
        let cues = self.find_cues();
        for c in &cues {
            if self.cue_taken[c.first] {
                continue;
            }
            if let Some(f) = self.attribution_at(c) {
                // "interpretation of Mr. Kerry's actions, said Michael
                // Kofman, ..., would read": a source with another
                // attribution's cue inside it is two phrases run together.
                // ("Roffman, who estimates that ..., described" has its
                // own attribution inside a relative clause about him.)
                let t = self.t;
                let run_together = f.source.is_some_and(|(a, b)| {
                    (a..b).any(|k| self.cue_taken[k])
                        && !(a..b).any(|k| t.is_word(k) && matches!(t.lower(k), "who" | "which" | "whose" | "that"))
                });
                if run_together {
                    continue;
                }
                for k in f.cue.0..f.cue.1 {
                    self.cue_taken[k] = true;
                }
                let channel = self.channel(&f, self.found.len());
                self.found.push(f);
                if let Some(h) = channel {
                    self.cue_taken[h.cue.0] = true;
                    self.found.push(h);
                }
            }
        }
        self.colons();
        self.document_prefaces();
        self.poll_standings();
        self.nominal_cues();
        for i in 0..self.found.len() {
            if let Some((a, b)) = self.found[i].source {
                if b == a + 1 && t_word_is_who(self.t, a) {
                    self.found[i].antecedent = self.antecedent_of(a);
                }
                // "The Washington Post, which argued that": the relative
                // pronoun is the subject as written, as "who" is, and the
                // phrase it stands for types and names it.
                let t = self.t;
                let k = if t.is_punct(b, ',') { b + 1 } else { b };
                if self.found[i].antecedent.is_none()
                    && k + 1 == self.found[i].cue.0
                    && t.is_word(k)
                    && matches!(t.lower(k), "which" | "that")
                {
                    self.found[i].antecedent = Some((a, b));
                    self.found[i].source = Some((k, k + 1));
                }
            }
        }
        self.continue_quotes();
        self.end_relative_contents();
        self.end_before_later_speaker();
        // Text order, with the links between attributions renumbered.
        let mut order: Vec<usize> = (0..self.found.len()).collect();
        order.sort_by_key(|&i| self.t.toks[self.found[i].cue.0].start);
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        // Moved, not cloned: each carries its content spans.
        let mut unsorted: Vec<Option<Found>> = std::mem::take(&mut self.found).into_iter().map(Some).collect();
        let mut sorted: Vec<Found> = order.iter().filter_map(|&i| unsorted[i].take()).collect();
        for f in &mut sorted {
            f.cites_for = f.cites_for.map(|i| new_index[i]);
            f.source_from = f.source_from.map(|i| new_index[i]);
            f.channel_for = f.channel_for.map(|i| new_index[i]);
        }
        self.found = sorted;
    }

    fn find_cues(&self) -> Vec<CueAt> {
        let t = self.t;
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.toks.len() {
            if !t.is_word(i) {
                i += 1;
                continue;
            }
            // Only a word that can open a cue needs the noun checks below:
            // this loop sees every word of every article.
            if !t.is(i, CUE_BIT) {
                i += 1;
                continue;
            }
            // After a determiner or a possessive the word is a noun: "the
            // report said", "Russia's state TV".
            let noun = i > 0 && t.is_word(i - 1) && (t.is(i - 1, NOUN_MARKERS_BIT) || is_genitive(t.lower(i - 1)));
            // After "of" a cue word ending in -s is a plural noun: "the
            // first round of talks", "a series of reports", "dozens of
            // claims". A verb hardly follows "of" in that form.
            let noun = noun
                || i > 0
                    && t.is_word(i - 1)
                    && t.lower(i - 1) == "of"
                    && t.lower(i).ends_with('s')
                    && !t.lower(i).ends_with("ss");
            // "FEC reports show that", "Polls say": a plural right before
            // a verb of saying or showing is that verb's subject.
            let noun = noun
                || t.lower(i).ends_with('s')
                    && t.is_word(i + 1)
                    && !t.toks[i + 1].cap
                    && matches!(
                        t.lower(i + 1),
                        "show"
                            | "showed"
                            | "say"
                            | "said"
                            | "found"
                            | "find"
                            | "suggest"
                            | "suggested"
                            | "indicate"
                            | "indicated"
                            | "confirm"
                            | "confirmed"
                    );
            // "his closing remarks", "Islamophobic remarks": after a
            // lowercase word that is no subject, "remarks" is the noun.
            let noun = noun
                || t.lower(i) == "remarks"
                    && i > 0
                    && t.is_word(i - 1)
                    && !t.toks[i - 1].cap
                    && !t.is(i - 1, PRONOUNS_BIT | AUXILIARIES_BIT | BREAK_BIT)
                    && !is_ly_adverb(t.lower(i - 1));
            // "a creative writing professor", "the annual polling season": a
            // determiner and an adjective make the -ing word a noun or a
            // noun's modifier, not a verb.
            let noun = noun
                || i >= 2
                    && t.lower(i).ends_with("ing")
                    && t.is_word(i - 1)
                    && !t.toks[i - 1].cap
                    && CLEAR_ADJECTIVE_ENDINGS.iter().any(|e| t.lower(i - 1).ends_with(e))
                    && t.is_word(i - 2)
                    && t.is(i - 2, NOUN_MARKERS_BIT);
            // "Some protest leaders said": between a quantifier and a
            // plural that a verb follows, the cue word modifies the plural.
            // ("Some say officials lied" has no plural right after "say".)
            let noun = noun
                || i > 0
                    && t.is_word(i - 1)
                    && in_list(&["some", "many", "several", "most", "few", "all", "both", "other"], t.lower(i - 1))
                    && !t.lower(i).ends_with("ed")
                    && t.is_word(i + 1)
                    && !t.toks[i + 1].cap
                    && t.lower(i + 1).ends_with('s')
                    && !t.lower(i + 1).ends_with("ss")
                    && t.is_word(i + 2)
                    && t.is(i + 2, CUE_BIT | AUXILIARIES_BIT);
            if noun || self.in_compound_noun(i) || self.asks_for_anonymity(i) {
                i += 1;
                continue;
            }
            // "the MSNBC show", "a CNN report": the verb's base form after
            // a determiner and a singular name is a noun, since a verb
            // after a singular subject would end in -s.
            match self.cue_form_at(i) {
                Some(c)
                    if self.after_determiner_and_name(i)
                        && self.lex.cue(c.entry).phrase.split(' ').next() == Some(t.lower(i)) =>
                {
                    i += 1
                }
                Some(c) => {
                    out.push(c);
                    i = c.end;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Does token `i` follow a determiner and a singular name ("the MSNBC
    /// show", "a CNN report"), where a word is the name's noun? ("Both
    /// Blocher and the SVP say": a coordinated subject is plural, and its
    /// verb follows.)
    fn after_determiner_and_name(&self, i: usize) -> bool {
        let t = self.t;
        i > 1
            && t.is_word(i - 1)
            && t.toks[i - 1].cap
            && !t.lower(i - 1).ends_with('s')
            && t.is_word(i - 2)
            && in_list(&["the", "a", "an"], t.lower(i - 2))
            && !(i > 2 && t.word_is(i - 3, "and"))
    }

    /// The first of the lexicon's cue forms that the words from `i` on
    /// spell out: "was asked" at "was", and nothing at "was" in "the tax
    /// was introduced".
    fn cue_form_at(&self, i: usize) -> Option<CueAt> {
        let t = self.t;
        let forms = self.lex.cue_forms.get(t.lower(i))?;
        let next = t.is_word(i + 1).then(|| t.lower(i + 1));
        'forms: for (rest, id) in forms.candidates(next) {
            let mut k = i + 1;
            for w in rest {
                if !t.is_word(k) || t.lower(k) != w {
                    continue 'forms;
                }
                k += 1;
            }
            return Some(CueAt { first: i, end: k, entry: *id });
        }
        None
    }

    /// Is the cue word at `i` part of a compound noun ("think tank", "TV
    /// show", "pledged delegates")? Those are the commonest false cues in
    /// political news that no determiner gives away.
    fn in_compound_noun(&self, i: usize) -> bool {
        let t = self.t;
        let word = t.lower(i);
        let next = if t.is_word(i + 1) { t.lower(i + 1) } else { "" };
        let before = if i > 0 && t.is_word(i - 1) { t.lower(i - 1) } else { "" };
        COMPOUND_NEXT.iter().any(|(cue, nouns)| *cue == word && nouns.contains(&next))
            || COMPOUND_BEFORE.iter().any(|(cue, words)| *cue == word && words.contains(&before))
    }

    /// "who asked not to be named", "requested anonymity", "spoke on
    /// condition of anonymity": the clause says why a source is unnamed,
    /// it attributes nothing; the cue that follows it does.
    fn asks_for_anonymity(&self, i: usize) -> bool {
        let t = self.t;
        let word = |k: usize| if t.is_word(k) { t.lower(k) } else { "" };
        matches!(word(i), "asked" | "asking" | "requested" | "requesting" | "spoke" | "speaking")
            && matches!(
                (word(i + 1), word(i + 2)),
                ("not", "to") | ("for", "anonymity") | ("anonymity", _) | ("to", "remain") | ("on", "condition")
            )
    }

    fn attribution_at(&self, c: &CueAt) -> Option<Found> {
        let t = self.t;
        let entry = self.lex.cue(c.entry);
        let s = t.sentence_of(c.first);
        let first_word = t.lower(c.first);
        // A capitalised cue in the middle of a sentence is a name ("Said
        // Jones", "Hope Hicks"), unless it opens a quotation or a clause.
        // In a title-case headline a capital says nothing about names.
        if t.toks[c.first].cap
            && c.first > s.first
            && !matches!(t.toks[c.first - 1].kind, Kind::Open | Kind::Punct(_))
            && !self.title_case(s)
        {
            return None;
        }
        // "a short video released on state TV", "an article written for
        // the demo": a participle that modifies a noun, not a cue.
        if t.is(c.first, MODIFIERS_BIT)
            && t.is_word(c.end)
            && (matches!(t.lower(c.end), "on" | "by" | "in" | "at" | "to" | "from" | "during" | "for")
                // "The report published Tuesday showed": a participle with
                // its time, then the sentence's own verb.
                || c.first > s.first && time_word_at(t, c.end) && !t.is_punct(c.first - 1, ','))
        {
            return None;
        }
        // "exit polls reported by CNN", "a plan announced by the White
        // House": a past participle with its agent after a common noun
        // modifies the noun. (A pronoun or a name before it is a subject:
        // "it reported by phone".)
        if c.end == c.first + 1
            && first_word.ends_with("ed")
            && t.word_is(c.end, "by")
            && c.first > s.first
            && t.is_word(c.first - 1)
            && !t.toks[c.first - 1].cap
            && !t.is(c.first - 1, PRONOUNS_BIT | AUXILIARIES_BIT | BREAK_BIT)
            && !is_ly_adverb(t.lower(c.first - 1))
        {
            return None;
        }
        // Words inside a quotation are the quoted speaker's; the reporter
        // attributes the quotation, not what the speaker says others said.
        if t.in_quote[c.first].is_some() {
            return None;
        }
        if first_word == "according" {
            return self.according_to(c);
        }
        // "a coalition led by Saudi Arabia and backed by the West": with
        // no auxiliary before it, "backed by" modifies a noun. ("Trump is
        // backed by 34% of voters" is a passive with its source.)
        let modifier_by = t.word_is(c.end, "by") && (c.first == 0 || !t.is(c.first - 1, AUXILIARIES_BIT));
        if entry.phrase == "back"
            && (t.is_word(c.end) && in_list(BACK_PARTICLES, t.lower(c.end))
                || t.word_is(c.end + 1, "up")
                || modifier_by)
        {
            return None;
        }
        // "Lerer reported from Los Angeles.", "contributed reporting from
        // Charleston": a reporter's credit line, where the story was
        // written, not an attribution.
        if matches!(first_word, "reported" | "reporting")
            && t.word_is(c.end, "from")
            && (c.end + 1..s.end)
                .all(|k| t.is_word(k) && t.toks[k].cap || matches!(t.toks[k].kind, Kind::Punct('.' | ',')))
        {
            return None;
        }
        // "(Additional reporting by Kylie MacLellan; Editing by ...)": the
        // wire's credit line names who helped write the story.
        if first_word == "reporting"
            && t.word_is(c.end, "by")
            && c.first > s.first
            && matches!(t.lower(c.first - 1), "additional" | "contributing" | "further")
        {
            return None;
        }
        // "All told, super PACs spent ...": an idiom for "in total".
        if first_word == "told" && c.first == s.first + 1 && t.word_is(s.first, "all") && t.is_punct(c.end, ',') {
            return None;
        }
        if let Some(f) = self.what_it_calls(c) {
            return Some(f);
        }
        // "donors seeking help", "a super PAC supporting Clinton": a
        // participle of support or intent right after a noun modifies
        // it; PolNeAR's annotators mark no attribution there.
        // So does "focused on" after an indefinite noun: "a magazine
        // focused on LGBT issues", "70 super PACs focused on Senate races".
        let indefinite_noun = || {
            (c.first.saturating_sub(3).max(s.first)..c.first).any(|j| {
                (in_list(&["a", "an"], t.lower(j)) || is_quantity(t.lower(j)))
                    && (j + 1..c.first).all(|k| t.is_word(k) && !t.is(k, AUXILIARIES_BIT | BREAK_BIT))
            })
        };
        if (matches!(first_word, "seeking" | "supporting" | "backing" | "opposing") && c.end == c.first + 1
            || first_word == "focused" && indefinite_noun())
            && c.first > s.first
            && t.is_word(c.first - 1)
            && !t.is(c.first - 1, AUXILIARIES_BIT | BREAK_BIT | PRONOUNS_BIT)
            && !is_ly_adverb(t.lower(c.first - 1))
            && !self.is_cue_word(c.first - 1)
        {
            return None;
        }
        if first_word == "asked" && (c.first == s.first || t.word_is(c.first - 1, "when")) {
            return self.asked(c);
        }
        // "in a statement", "in an interview" qualify a verb cue ("said in a
        // statement"), where the lexicon lists them together; on their own
        // they open a sentence whose own verb is the cue.
        if first_word == "in" {
            return None;
        }
        if matches!(first_word, "citing" | "quoting") {
            return self.citing(c);
        }
        if entry.class == CueClass::Evidence && entry.complements == 0 {
            // "reportedly", "allegedly": a claim with no named source.
            return self.sourceless_adverb(c);
        }
        let aux = self.auxiliaries_before(c.first, s.first);
        // "Trump is expected to deliver a speech": a passive with no source;
        // the content is the subject and the infinitive.
        if in_list(UNNAMED_VIEW_PARTICIPLES, t.lower(c.end - 1))
            && self.be_among(aux, c.end - 1)
            && t.word_is(c.end, "to")
        {
            if let Some(f) = self.passive_without_source(c, aux) {
                return Some(f);
            }
        }
        if let Some(f) = self.passive(c, aux) {
            return Some(f);
        }
        if let Some(f) = self.cue_first(c) {
            return Some(f);
        }
        if let Some(f) = self.quote_before_cue(c, aux) {
            return Some(f);
        }
        // "..., saying he was rooting for Manning", and the same after a
        // dash: "flipped his choice on the spot – saying ...".
        // A comma inside a closing quotation mark sets it off too (`“...,”
        // adding that`), and so does a preposition that makes the
        // participle an adverbial of the clause: "before adding that",
        // "by saying that".
        // ", also calling on attendees to oppose bigotry": an adverb may
        // stand between the mark and the participle.
        let lead = if aux < c.first
            && (aux..c.first).all(|k| t.is_word(k) && in_list(&["also", "then", "later", "again", "even"], t.lower(k)))
        {
            aux
        } else {
            c.first
        };
        let set_off = lead > s.first
            && (t.is_punct(lead - 1, ',')
                || t.is_punct(lead - 1, '\u{2014}')
                || t.is_punct(lead - 1, '\u{2013}')
                || t.toks[lead - 1].kind == Kind::Close && lead > s.first + 1 && t.is_punct(lead - 2, ',')
                || t.is_word(lead - 1)
                    && lead > s.first + 1
                    && in_list(&["before", "after", "while", "by"], t.lower(lead - 1)));
        // ("Rubio, appearing on Fox News, said": an appearance, not an
        // inference.)
        if first_word.ends_with("ing")
            && (aux == c.first || lead == aux)
            && set_off
            && !matches!(entry.phrase.as_str(), "seem" | "appear")
        {
            if let Some(f) = self.participle(c) {
                return Some(f);
            }
        }
        // "Outright victory is vital, he said after the meeting": a subject
        // right after a comma closes the content before it, even when the
        // sentence goes on with adverbials or an addressee.
        // The subject is looked up once for the rules below, which all
        // start from it.
        if matches!(entry.phrase.as_str(), "seem" | "appear") {
            return self.inference(c, aux);
        }
        let subject = self.subject_before(aux, s.first);
        // "Even the organizer of a pro-Trump rally said", "That person
        // said": a determined common noun opening its clause is the subject
        // of a strong speech cue, though the lexicon does not know the noun.
        let subject = subject.or_else(|| {
            if !(entry.strong && entry.class == CueClass::Speech) {
                return None;
            }
            self.left_np(self.subject_end(aux, s.first), s.first)
                .filter(|&(a, b)| self.np_is_determined_subject(a, b) && self.opens_clause(a, s.first))
        });
        // "held up a sign saying ...": no subject, but a thing that
        // carries the words.
        if subject.is_none() && first_word.ends_with("ing") && aux == c.first && !set_off {
            if let Some(f) = self.carrier_participle(c) {
                return Some(f);
            }
        }
        // `‘He’s the ringleader,’” Sexton said`: a quotation inside a
        // quotation closes both after the comma.
        let after_comma = subject.is_some_and(|(a, _)| {
            a > s.first + 2
                && (t.is_punct(a - 1, ',')
                    || t.toks[a - 1].kind == Kind::Close
                        && (t.is_punct(a - 2, ',')
                            || a > s.first + 3 && t.toks[a - 2].kind == Kind::Close && t.is_punct(a - 3, ',')))
        });
        if after_comma {
            if let Some(f) = self.content_then_cue(c, aux, subject) {
                return Some(f);
            }
        }
        if let Some(f) = self.subject_cue_content(c, aux, subject) {
            return Some(f);
        }
        // A sentence-closing cue is clear structure even for a weak cue:
        // "..., Russian media reported on Sunday."
        if entry.strong || matches!(entry.class, CueClass::Speech | CueClass::Evidence) {
            return self.content_then_cue(c, aux, subject);
        }
        None
    }

    /// Does the clause whose subject starts at `a` (its cue at `aux`)
    /// open the sentence with a subordinator ("When he said ...,", "After
    /// the Republican seemed to confirm ...,"), or open one after "and" or
    /// "but" mid-sentence? Its content then ends where the main clause
    /// begins, at the first comma.
    fn in_opening_subordinate(&self, a: usize, aux: usize, sentence_first: usize) -> bool {
        let t = self.t;
        let sentence_lead = self.sentence_start(sentence_first);
        let lead_word =
            if a > sentence_lead && (a - 1 == sentence_lead || t.word_is(a - 2, "and") || t.word_is(a - 2, "but")) {
                a - 1
            } else {
                sentence_lead
            };
        // "And in an election year in which a majority of Americans say
        // they do not trust her, even some allies ...": a relative clause
        // inside an adverbial that opens the sentence ends with it.
        if a > sentence_lead + 2 && t.is_word(a - 1) && matches!(t.lower(a - 1), "which" | "whom" | "where" | "when") {
            let mut first = sentence_lead;
            while t.is_word(first) && matches!(t.lower(first), "and" | "but" | "yet" | "so") {
                first += 1;
            }
            if t.is_word(first)
                && matches!(t.lower(first), "in" | "at" | "on" | "during" | "for" | "with" | "among" | "by" | "after")
                && !(first..aux).any(|k| t.is_punct(k, ','))
            {
                return true;
            }
        }
        // "Ever since Sanders announced his candidacy, ...", "Even
        // though he said ...": a focusing word may come first.
        let lead_word = if t.is_word(lead_word) && matches!(t.lower(lead_word), "ever" | "even") {
            lead_word + 1
        } else {
            lead_word
        };
        t.is_word(lead_word)
            && matches!(
                t.lower(lead_word),
                "although"
                    | "though"
                    | "while"
                    | "whereas"
                    | "because"
                    | "if"
                    | "unless"
                    | "when"
                    | "after"
                    | "once"
                    | "since"
                    | "before"
                    | "until"
            )
            && !(lead_word..aux).any(|k| t.is_punct(k, ','))
    }

    /// "held up a sign saying “Jews Against Trump”", "cited polling data
    /// showing that ...", "placards supporting Sanders": a thing that
    /// carries words or figures, with a participle of saying or showing
    /// right after it, is the source of what follows. PolNeAR's annotators
    /// mark 25 of the 40 such participles on the train split.
    fn carrier_participle(&self, c: &CueAt) -> Option<Found> {
        let t = self.t;
        let s = t.sentence_of(c.first);
        if c.first <= s.first + 1 || !t.is_word(c.first - 1) || t.toks[c.first - 1].cap {
            return None;
        }
        let noun = t.lower(c.first - 1);
        let carrier = in_list(CARRIERS, noun)
            || self.lex.source_word(noun).is_some_and(|w| w.kind == super::SourceType::Document);
        if !carrier {
            return None;
        }
        // The noun phrase ends at the carrier; it starts after whatever
        // verb or preposition governs it ("carried placards", "cited
        // polling data"), at its determiner at the latest.
        let b = c.first;
        let mut a = b - 1;
        while a > s.first && a + 5 > b {
            let k = a - 1;
            let w = t.lower(k);
            // ("were running ads praising": a participle before the
            // carrier is the verb that governs it, "polling data" aside.)
            if !t.is_word(k) || is_verb_form(w) || self.is_cue_word(k) || w.ends_with("ing") && w != "polling" {
                break;
            }
            if t.is(k, AUXILIARIES_BIT | PRONOUNS_BIT | NP_PREPOSITIONS_BIT | BREAK_BIT) && !t.is(k, DETERMINERS_BIT) {
                break;
            }
            a = k;
            if t.is(k, DETERMINERS_BIT) || is_genitive(w) {
                break;
            }
        }
        let start = self.content_start(c, c.end, s.end)?;
        let end = self.content_end(start, s.end);
        if end <= start {
            return None;
        }
        let (content, quoted) = self.content_spans(start, end);
        Some(Found::new((c.first, c.end), Some(c.entry), Some((a, b)), content, "carrier-participle", quoted))
    }

    /// "He seemed rattled by the attacks", "the race appears closer in
    /// Ohio", "Enthusiasm for Clinton appears to have plummeted": the
    /// writer's inference about the subject, which said nothing. PolNeAR's
    /// annotators mark no source (155 of 159 times on the train split) and
    /// the subject with what it seems as the content; after "it" ("it
    /// appears that ...") only what follows. "Appeared on Fox News" and
    /// "appeared before the committee" are appearances, not inferences.
    fn inference(&self, c: &CueAt, aux: usize) -> Option<Found> {
        let t = self.t;
        let s = t.sentence_of(c.first);
        if t.lower(c.first).ends_with("ing") || c.end != c.first + 1 {
            return None;
        }
        let first = self.skip_adverbials(c.end, s.end);
        let mut k = first;
        // Degree words go with what follows: "seemed pretty confident".
        while k < s.end
            && t.is_word(k)
            && in_list(&["pretty", "somewhat", "very", "equally", "increasingly"], t.lower(k))
        {
            k += 1;
        }
        if k >= s.end || !(t.is_word(k) || t.toks[k].kind == Kind::Open) {
            return None;
        }
        if t.is_word(k) && (t.toks[k].cap || in_list(APPEARANCE_WORDS, t.lower(k))) {
            return None;
        }
        let subject = self.left_np(self.subject_end(aux, s.first), s.first);
        let mut end = self.content_end(first, s.end);
        if subject.is_some_and(|(a, _)| self.in_opening_subordinate(a, aux, s.first)) {
            end = self.first_comma_out_of_quotation(first, end);
        }
        if end <= k {
            return None;
        }
        let (mut content, quoted) = self.content_spans(first, end);
        if let Some((a, b)) = subject {
            let expletive = b == a + 1 && matches!(t.lower(a), "it" | "there");
            if !expletive && t.toks[a].start < t.toks[b - 1].end {
                content.insert(0, (t.toks[a].start, t.toks[b - 1].end));
            }
        }
        Some(self.make(c, aux, None, content, "inference", quoted))
    }

    /// "ending what he calls corruption in politics", "in what officials
    /// called a hate crime": the name is the source's, and the thing named
    /// the writer's. The content is "what" and the name, as PolNeAR's
    /// annotators mostly mark it.
    fn what_it_calls(&self, c: &CueAt) -> Option<Found> {
        let t = self.t;
        if !(c.end == c.first + 1 && in_list(&["call", "calls", "called"], t.lower(c.first))) {
            return None;
        }
        let s = t.sentence_of(c.first);
        let what = (c.first.saturating_sub(4).max(s.first)..c.first).find(|&k| t.word_is(k, "what"))?;
        let (a, b) = self.left_np(c.first, what + 1)?;
        if a != what + 1 || b != c.first || !(t.toks[a].cap || self.np_is_source(a, b) || t.is(a, PRONOUNS_BIT)) {
            return None;
        }
        let (content, quoted) = match t.quote_opening_at(c.end) {
            Some(q) => (vec![(t.quotes[q].start, t.quotes[q].end)], Quoted::All),
            None => {
                let end = self.content_end(c.end, s.end);
                if end <= c.end {
                    return None;
                }
                let end = self.np_object_end(c.end, end);
                self.content_spans(c.end, end)
            }
        };
        if content.is_empty() {
            return None;
        }
        let mut spans = vec![(t.toks[what].start, t.toks[what].end)];
        spans.extend(content);
        Some(Found::new((c.first, c.end), Some(c.entry), Some((a, b)), spans, "what-it-calls", quoted))
    }

    /// A headline in title case ("Bernie Sanders Says He's Started"), where
    /// a capital says nothing about names.
    fn title_case(&self, s: super::tokens::Sentence) -> bool {
        let t = self.t;
        let (mut words, mut caps) = (0, 0);
        for k in s.first..s.end {
            if t.is_word(k) && t.lower(k).len() > 3 {
                words += 1;
                caps += usize::from(t.toks[k].cap);
            }
        }
        words >= 3 && caps * 10 >= words * 8
    }

    /// Walks left over auxiliaries and adverbs that belong to the cue.
    fn auxiliaries_before(&self, first: usize, limit: usize) -> usize {
        let t = self.t;
        let mut a = first;
        // "Mr. Schultz generally said": a manner adverb right before the cue
        // goes with it, as the listed ones ("publicly", "repeatedly") do.
        if a > limit + 1 && t.is_word(a - 1) && !t.toks[a - 1].cap && t.is_word(a - 2) {
            // Four letters or fewer are "only", "ally", not manner.
            let w = t.lower(a - 1);
            if is_ly_adverb(w) && w.len() > 4 {
                a -= 1;
            }
        }
        // "Jeb Bush has at times seemed", "he in fact said": a two-word
        // adverbial right before the cue goes with it, or its noun is
        // taken for the subject.
        if a > limit + 2
            && t.is_word(a - 2)
            && t.is_word(a - 1)
            && matches!(
                (t.lower(a - 2), t.lower(a - 1)),
                ("at", "times") | ("at", "first") | ("in", "fact") | ("of", "course")
            )
        {
            a -= 2;
        }
        // "Carson, Fiorina and Huckabee have all characterized": a floating
        // quantifier after an auxiliary goes with the verb, not the subject.
        let floating = |k: usize| {
            matches!(t.lower(k), "all" | "both" | "each")
                && k > limit
                && t.is_word(k - 1)
                && t.is(k - 1, AUXILIARIES_BIT)
                && !t.toks[k].cap
        };
        // "..., Will urged the Republican electorate": a capitalised
        // auxiliary inside a sentence is George Will or Theresa May.
        // In a title-case headline a capital says nothing.
        let name = |k: usize| k > limit && t.toks[k].cap && !self.title_case(t.sentence_of(first));
        while a > limit
            && a + 4 > first
            && t.is_word(a - 1)
            && (t.is(a - 1, AUXILIARIES_BIT) && !name(a - 1) || floating(a - 1))
        {
            a -= 1;
        }
        a
    }

    /// `Said Comey, “The thought that ...”`: the cue opens the sentence,
    /// the source follows it, and a quotation after a comma or colon is
    /// what was said.
    fn cue_first(&self, c: &CueAt) -> Option<Found> {
        let t = self.t;
        let s = t.sentence_of(c.first);
        if c.first != s.first || !t.toks[c.first].cap {
            return None;
        }
        let src = self.right_np(c.end, s.end, false)?;
        if !self.np_is_clear_source(src.0, src.1) {
            return None;
        }
        let mark = src.1;
        if !(t.is_punct(mark, ',') || t.is_punct(mark, ':')) {
            return None;
        }
        // "Said Dorothy Poynter, who grew up with Ali in the neighborhood,
        // “We were all so proud of him.”": a relative clause or an
        // appositive may come between the name and the quotation, and is
        // part of the source.
        let (src, q) = match t.quote_opening_at(mark + 1) {
            Some(q) => (src, q),
            None => {
                let m = (mark + 1..(mark + 25).min(s.end))
                    .take_while(|&k| !matches!(t.toks[k].kind, Kind::Punct('.') | Kind::Open))
                    .find(|&k| (t.is_punct(k, ',') || t.is_punct(k, ':')) && t.quote_opening_at(k + 1).is_some())?;
                ((src.0, m), t.quote_opening_at(m + 1)?)
            }
        };
        let quote = t.quotes[q];
        let content = vec![(quote.start, quote.end)];
        Some(self.make(c, c.first, Some(src), content, "cue-first", Quoted::All))
    }

    /// `“...,” Peskov said` and `“...,” said Peskov`, with the quotation
    /// possibly running over several sentences and paragraphs.
    fn quote_before_cue(&self, c: &CueAt, aux: usize) -> Option<Found> {
        let t = self.t;
        let s = t.sentence_of(c.first);
        let para_first = self.paragraph_first(c.first);
        // The subject may sit between the quotation and the cue.
        // A subject set off by commas ("Jane Doe, director of research at a
        // think tank, said") ends in a comma that the plain phrase walk
        // stops at; the subject walk knows appositives.
        let subject = self.left_np(aux, para_first).or_else(|| {
            (aux > para_first && (t.is_punct(aux - 1, ',') || t.is_punct(aux - 1, '\u{2014}')))
                .then(|| self.subject_before(aux, para_first))
                .flatten()
        });
        let (source, before) = match subject {
            Some((a, b)) => (Some((a, b)), a),
            None => (None, aux),
        };
        let mut p = before;
        // `”, he said`, `,” he said`, `” — he said`.
        let mut k = p;
        if k > 0 && (t.is_punct(k - 1, ',') || t.is_punct(k - 1, '\u{2014}')) {
            k -= 1;
        }
        if k == 0 || t.toks[k - 1].kind != Kind::Close {
            // Also `“...,” said Peskov`: nothing between the quote and cue.
            return None;
        }
        let q = t.quote_closing_at(k - 1)?;
        let quote = t.quotes[q];
        if quote.words == 0 {
            return None;
        }
        // A quotation that ends its sentence (`... gonna be fine.” Clinton
        // has long maintained that ...`) is not this cue's content; one that
        // hands over does, with a comma, a question or an exclamation.
        // A sentence of its own that holds nothing but the speaker and the
        // cue (`... fine.” Trump said.`) still hands the quotation over.
        let closing = quote.close;
        if closing > 0
            && t.is_punct(closing - 1, '.')
            && !(t.is_punct(k, ',') || t.is_punct(k, '\u{2014}'))
            && !(source.is_some() && self.closes_at(self.skip_adverbials(c.end, s.end), s.end))
        {
            return None;
        }
        // `a sign that read "15%!" Her father worried that too many
        // voters ...`: a cue with a that-clause of its own after a
        // quotation that ended its sentence has its own content.
        if closing > 0
            && (t.is_punct(closing - 1, '!') || t.is_punct(closing - 1, '?'))
            && !t.is_punct(k, ',')
            && t.word_is(c.end, "that")
            && !(t.is_word(c.end + 1) && time_word_at(t, c.end + 1))
        {
            return None;
        }
        // A quotation inside a clause (`calling it a “question for the
        // future,” the report said`) is part of indirect content.
        let o = quote.open;
        let stands_alone = o == 0
            || t.toks[o - 1].para != t.toks[o].para
            || matches!(t.toks[o - 1].kind, Kind::Punct(_) | Kind::Open | Kind::Close)
            // "called “a smear,”": a cue of one word takes the quotation
            // as its object. "are" opens multiword cues only ("are
            // expected to"), and "Teachers are “very pro-Bernie,”
            // Kilfoyle said" quotes part of a clause.
            || self.is_cue_word(o - 1)
                && self.lex.cue_forms.get(t.lower(o - 1)).is_some_and(|forms| forms.iter().any(|(rest, _)| rest.is_empty()));
        if !stands_alone {
            return None;
        }
        p = c.end;
        let source = match source {
            Some(src) => Some(src),
            None => {
                // The inverted order: the source follows the cue. Right
                // after a quotation and its cue, "the designer" is a source
                // even when the lexicon does not know designers.
                let mut src = self.right_np(p, s.end, false)?;
                if !self.np_is_source(src.0, src.1) && !self.np_is_determined_noun(src.0, src.1) {
                    // "said master of ceremonies Asab Al-Tabchi": a role the
                    // lexicon does not know, before a name.
                    let (a, b) = self.right_np(p, s.end, true)?;
                    let named = t.toks[b - 1].cap && (a..b).filter(|&i| t.toks[i].cap).count() >= 2;
                    if !named {
                        return None;
                    }
                    src = (a, b);
                }
                let src = self.with_trailing_appositive(src, s.end);
                p = src.1;
                Some(src)
            }
        };
        // `In past campaigns, "we felt that we could reach the people,"
        // he said`, `The party, attended by hundreds, "allows us to get our
        // message out," said Coleman`: a quotation that goes on with a
        // small letter after a comma finishes a sentence the writer began,
        // and the speaker is given the whole sentence (11 of 13 times so
        // in PolNeAR's train split).
        let begun = o > s.first + 1
            && t.toks[o].sent == t.toks[c.first].sent
            && t.is_punct(o - 1, ',')
            && t.is_word(o + 1)
            && !t.toks[o + 1].cap
            && t.lower(o + 1).starts_with(|ch: char| ch.is_alphabetic())
            && (s.first..o).all(|k| !matches!(t.toks[k].kind, Kind::Open | Kind::Close))
            && !self.found.iter().any(|f| f.cue.0 >= s.first && f.cue.0 < o);
        let from = if begun { t.toks[s.first].start } else { quote.start };
        let mut content = vec![(from, quote.end)];
        // `“...,” he said, “...”`: the quotation goes on after the cue.
        let mut k = self.skip_adverbials(p, s.end);
        // `“First and foremost,” she told Hewitt, “I would never ...”`:
        // past the one told.
        if self.lex.cue(c.entry).complements & complement::OBJ != 0 && t.is_word(k) {
            let j = self.listener_end(k, s.end);
            if j > k && t.is_punct(j, ',') && t.quote_opening_at(j + 1).is_some() {
                k = j;
            }
        }
        // `“You’ve got to be able to adapt,” he said of Trump, “whether
        // you’re a politician ...”`: past what the words are about.
        if t.is_word(k) && matches!(t.lower(k), "of" | "about") {
            if let Some(j) = (k + 1..(k + 8).min(s.end)).find(|&j| !t.is_word(j)) {
                if j > k + 1 && t.is_punct(j, ',') && t.quote_opening_at(j + 1).is_some() {
                    k = j;
                }
            }
        }
        if t.is_punct(k, ',') || t.is_punct(k, ':') {
            k += 1;
        }
        if let Some(q2) = t.quote_opening_at(k) {
            content.push((t.quotes[q2].start, t.quotes[q2].end));
        }
        let quoted = if begun { Quoted::Part } else { Quoted::All };
        Some(Found::new((aux, c.end), Some(c.entry), source, content, "quote-before-cue", quoted))
    }

    /// `..., calling it a “question for the future”`: the source is that of
    /// the clause the participle hangs on.
    fn participle(&self, c: &CueAt) -> Option<Found> {
        let t = self.t;
        let s = t.sentence_of(c.first);
        let start = self.content_start(c, c.end, s.end)?;
        let end = self.content_end(start, s.end);
        // "criticizing the pipeline and calling for prohibitions on
        // drilling": a second participle of saying after "and" is a second
        // attribution, not part of the first one's words.
        let end = (start + 1..end)
            .find(|&k| {
                t.word_is(k, "and")
                    && t.in_quote[k].is_none()
                    && self.is_cue_word(k + 1)
                    && t.lower(k + 1).ends_with("ing")
            })
            .unwrap_or(end);
        if end <= start {
            return None;
        }
        // "Trump, when asked about his errors, often steam-rolls through
        // the questions, talking and talking": the unnamed asker is no
        // one the participle's words come from.
        let source_from = self.found.iter().rposition(|f| {
            t.toks[f.cue.0].sent == t.toks[c.first].sent
                && f.cue.1 <= c.first
                && !(f.rule == "asked" && f.source.is_none())
        });
        let source = match source_from {
            Some(_) => None,
            None => {
                let subj = self.sentence_subject(s.first, c.first)?;
                Some(subj)
            }
        };
        let (content, quoted) = self.content_spans(start, end);
        Some(Found {
            source_from,
            ..Found::new((c.first, c.end), Some(c.entry), source, content, "participle", quoted)
        })
    }

    /// `Peskov said it is too early ...`: the subject before the cue, the
    /// content after it.
    fn subject_cue_content(&self, c: &CueAt, aux: usize, subject: Option<(usize, usize)>) -> Option<Found> {
        let t = self.t;
        let entry = self.lex.cue(c.entry);
        let s = t.sentence_of(c.first);
        let (a, b) = subject?;
        // "you want": the reader addressed, not a source. "I believe" and
        // "we think" are the writer's, which the typing calls the outlet.
        if b == a + 1 && t.lower(a) == "you" && entry.class != CueClass::Speech {
            return None;
        }
        // "A company called Harmony Enterprises gave $5,000", "one PAC
        // called Stop Hillary": after an indefinite noun that is no one who
        // speaks, "called" names it.
        if entry.phrase == "call"
            && aux == c.first
            && t.word_is(c.first, "called")
            && (a.saturating_sub(3).max(s.first)..=a).any(|j| {
                in_list(&["a", "an", "another", "one"], t.lower(j))
                    && (j + 1..a).all(|k| t.is_word(k) && !t.toks[k].cap && !t.is(k, BREAK_BIT))
            })
            // "A spokesman for Hillary Clinton called a report ...", "a
            // reporter for Agence France-Presse called it": someone who speaks.
            && !(a..b).any(|k| {
                self.lex.source_word(t.lower(k)).is_some_and(|w| {
                    w.role == super::lexicon::Role::Title
                        || matches!(
                            w.kind,
                            super::SourceType::Person | super::SourceType::Official | super::SourceType::Anonymous
                        )
                })
            })
        {
            return None;
        }
        let mut source = Some((a, b));
        // "it is believed that", "it was reported": no source at all. ("It
        // also accused", "it had previously said" have one: the paper, the
        // group.)
        if b == a + 1
            && t.lower(a) == "it"
            && (aux..c.first).any(|k| in_list(&["is", "was", "were", "are", "be", "been", "being", "'s"], t.lower(k)))
        {
            source = None;
        }
        // "Trump seemed to agree", "the deal appears to be dead": the
        // writer's inference about the subject, which said nothing (81
        // times without a source on PolNeAR's train split, 20 with the
        // subject). A passive cue with no "by" agent says nothing of its
        // subject's either: the ones who expect or believe go unnamed ("the
        // bank is expected to cut rates"), and a passive speech or
        // judgement is about the subject or told to it ("the rollout was
        // widely criticized", "he was told that"). A feeling ("is
        // convinced", "was pleased") stays the subject's own, and so does
        // "was quoted as saying".
        let word = t.lower(c.first);
        let spoken_of = matches!(entry.class, CueClass::Speech | CueClass::Evaluation)
            && is_participle(word)
            && !matches!(word, "quoted" | "pleased" | "disappointed" | "surprised" | "encouraged" | "opposed");
        if (in_list(UNNAMED_VIEW_PARTICIPLES, word) || spoken_of) && self.be_among(aux, c.first) {
            // "was first reported by The Post's Greg Sargent": the agent
            // is the source.
            let by = [c.end, self.skip_adverbials(c.end, s.end)].into_iter().find(|&k| t.word_is(k, "by"));
            source = by.and_then(|k| self.right_np(k + 1, s.end, false)).filter(|&(x, y)| self.np_is_source(x, y));
        } else if matches!(entry.phrase.as_str(), "seem" | "appear") {
            source = None;
        }
        // A verb right after the cue with a colon that ends the paragraph
        // introduces the next paragraph: "Stone said:" then the quotation.
        let k = self.skip_adverbials(c.end, s.end);
        if t.is_punct(k, ':') && (k + 1 >= t.toks.len() || t.toks[k + 1].para != t.toks[k].para) {
            let next = k + 1;
            if next < t.toks.len() {
                let para = t.toks[next].para;
                let mut last = next;
                while last + 1 < t.toks.len() && t.toks[last + 1].para == para {
                    last += 1;
                }
                let (content, quoted) = self.content_spans(next, last + 1);
                return Some(self.make(c, aux, source, content, "subject-cue-content", quoted));
            }
        }
        // "Mr. Thiel declined to comment.": a refusal is a sourcing event
        // with nothing said, which readers of coverage count; what was
        // declined, "to comment", stands as its content. ("declined to
        // comment on the request" keeps what it is about as the content, as
        // the annotators do.)
        let refusal = entry.phrase.ends_with(" to comment");
        if refusal && c.end >= c.first + 3 && !(t.is_word(c.end) && matches!(t.lower(c.end), "on" | "about")) {
            return Some(self.refusal(c, aux, source, s.end));
        }
        let start = match self.content_start(c, c.end, s.end) {
            Some(start) => start,
            None if refusal => return Some(self.make(c, aux, source, Vec::new(), "refusal", Quoted::None)),
            None => return None,
        };
        // "said about the movement, “I support parents ...”": what the
        // words were about, before the quotation, is no part of them.
        let start = match (start + 1..s.end.min(start + 10)).find(|&k| t.is_punct(k, ',')) {
            Some(comma)
                if t.word_is(start, "about")
                    && t.toks.get(comma + 1).is_some_and(|tok| tok.kind == Kind::Open)
                    && (start..comma).all(|k| t.is_word(k)) =>
            {
                comma + 1
            }
            _ => start,
        };
        // "said flatly: “I don't think it matters.”", "said back in the
        // summer of 2015: “...”": words before a colon that opens a
        // quotation say how or when it was said, and are no part of it.
        let start = match (start + 1..s.end.min(start + 12)).find(|&k| t.is_punct(k, ':')) {
            Some(colon)
                if t.toks.get(colon + 1).is_some_and(|tok| tok.kind == Kind::Open)
                    && (start..colon).all(|k| {
                        t.is_word(k)
                            && !t.toks[k].cap
                            && !t.word_is(k, "that")
                            && !t.is(k, PRONOUNS_BIT)
                            && !is_finite_auxiliary(t.lower(k))
                    }) =>
            {
                colon + 1
            }
            _ => start,
        };
        let mut end = self.content_end(start, s.end);
        // "Although they say the U.S. must lead, they differ by degree",
        // "When he said he would protect them, the crowd applauded": in a
        // subordinate clause that opens the sentence, the content ends
        // where the main clause begins, at the first comma.
        // So does one after "and" mid-sentence: "Some in the
        // crowd booed, and when Rubio said it was great to be home, a man
        // yelled".
        if self.in_opening_subordinate(a, aux, s.first) {
            end = self.first_comma_out_of_quotation(start, end);
        }
        // "The committee, which said the plan was flawed, will meet
        // again": a relative clause set off by commas ends at its closing
        // comma, where the main clause takes up again.
        let relative = |k: usize| t.is_word(k) && matches!(t.lower(k), "who" | "which");
        let set_off = |k: usize| k > s.first && t.is_punct(k - 1, ',');
        // (The pronoun is the source, the phrase before it, or stands
        // before the source: "the tax cut, which he said had harmed".)
        if (b == a + 1 && relative(a) && set_off(a))
            || (aux > b && relative(aux - 1) && set_off(aux - 1))
            || (a > s.first && relative(a - 1) && set_off(a - 1))
        {
            end = self.first_comma_out_of_quotation(start, end);
        }
        // "which wrote and adopted the constitution": a conjunction right
        // after the cue means it took no complement of its own; so does a
        // preposition left alone at the end ("most leaders would disagree
        // with"), or an adverb alone ("Rubio hit back again, saying ...").
        let lone_adverb = |k: usize| {
            t.is_word(k)
                && (is_ly_adverb(t.lower(k))
                    || matches!(t.lower(k), "again" | "too" | "also" | "first" | "later" | "then" | "back" | "twice"))
        };
        if t.is_word(start) && matches!(t.lower(start), "and" | "or" | "nor")
            || end == start + 1 && (t.is(start, NP_PREPOSITIONS_BIT) || lone_adverb(start))
        {
            return None;
        }
        // "Trump responded first by saying he ...": the participle after
        // "by" is the cue that carries the words, and makes the
        // attribution; the verb before it only says how. After "that" the
        // "by" opens the content's own adverbial ("said that by refusing to
        // say the words, Democrats are ...").
        let by = if lone_adverb(start) { start + 1 } else { start };
        let after_that = self.that_before(start).is_some()
            || start > 0 && t.is_punct(start - 1, ',') && self.that_before(start - 1).is_some();
        if !after_that && t.word_is(by, "by") && self.is_cue_word(by + 1) && t.lower(by + 1).ends_with("ing") {
            return None;
        }
        if end <= start {
            return refusal.then(|| self.make(c, aux, source, Vec::new(), "refusal", Quoted::None));
        }
        let opens_quote = t.toks[start].kind == Kind::Open;
        let lead = t.lower(start.min(t.toks.len() - 1));
        let clausal = t.word_is(start.saturating_sub(1), "that")
            || opens_quote
            || (entry.complements & complement::THAT != 0 && self.looks_like_clause(start, end))
            || (entry.complements & complement::TO != 0 && (start..end.min(start + 6)).any(|j| t.word_is(j, "to")))
            || (entry.complements & complement::WH != 0
                && matches!(lead, "whether" | "if" | "how" | "why" | "what" | "when" | "who"));
        let quotes_inside = (start..end).any(|j| t.toks[j].kind == Kind::Open);
        // "a poll shows Sanders leading", "a video of the episode shows":
        // evidence from a document needs no clause.
        let document_subject = entry.class == CueClass::Evidence
            && (a..b).any(|j| {
                self.lex
                    .source_word(trim_suffix(t.lower(j), "'s"))
                    .is_some_and(|w| w.kind == super::SourceType::Document)
            });
        // "called him a political opportunist": a person object and a label.
        // "called him divisive" has a one-word label; "called it quits"
        // and "called him back" are idioms, not labels.
        let labels = entry.complements & complement::OBJ != 0
            && end >= start + 2
            && !(t.is_word(start + 1)
                && in_list(&["quits", "back", "off", "up", "out", "in", "on", "over", "home"], t.lower(start + 1)))
            && (in_list(&["him", "her", "them", "it", "himself", "herself", "themselves"], t.lower(start))
                || t.toks[start].cap
                || matches!(entry.phrase.as_str(), "call" | "label") && self.object_and_label(start, end));
        // "pointed to the polls", "talked about jobs": a verb with its
        // preposition is structure enough for a named source.
        let phrasal = entry.phrase.contains(' ') && entry.complements & complement::NP != 0;
        let np_object = entry.complements & complement::NP != 0;
        if !entry.strong && !clausal && !np_object && !quotes_inside && !document_subject && !labels && !phrasal {
            return None;
        }
        // With a weak cue the subject must be a clear source too, or "it"
        // passing on words: "It added that ...", "It added, “...”", or a
        // "who" that stands for one and passes on words ("Gabriel Sherman,
        // who reported that"): "who voted for", "who supports Trump" tell
        // more about the source, and PolNeAR's annotators leave them out.
        let who_for_source = b == a + 1
            && (t.word_is(start.saturating_sub(1), "that") || opens_quote)
            && t.word_is(a, "who")
            && self.antecedent_of(a).is_some_and(|(x, y)| self.np_is_clear_source(x, y));
        if !entry.strong && !self.np_is_clear_source(a, b) && !self.it_passes_on_words(c, a, b) && !who_for_source {
            return None;
        }
        // A noun-phrase object alone is content only for cues that take one.
        if !clausal && entry.complements & (complement::NP | complement::THAT | complement::OBJ) == 0 {
            return None;
        }
        // "called on Congress to act": a cue that takes only an object and a
        // to-infinitive needs the "to".
        if entry.complements & (complement::THAT | complement::QUOTE | complement::NP | complement::WH) == 0
            && !(start..end.min(start + 8)).any(|j| t.word_is(j, "to"))
        {
            return None;
        }
        // A noun-phrase object is the content by itself; the adjuncts after
        // it ("endorsed Trump last week at a rally") are the writer's.
        let np_only = entry.complements & (complement::THAT | complement::WH) == 0;
        // "cast her rival as offering a narrow message", "view Clinton as
        // dishonest": what the object is taken as is the content too. (The
        // object's end is found only for cues that take one: this runs for
        // every attribution.)
        // ("have all attacked the program as a violation of free market
        // principles": a verb of judgement takes its object as something
        // too.)
        let takes_as = in_list(TAKES_AS, entry.phrase.as_str()) || entry.class == CueClass::Evaluation;
        let object_end = if np_only && !clausal || takes_as { self.np_object_end(start, end) } else { end };
        // ("opposed it as he positioned himself", "slammed Trump as the
        // election nears", "attacked allies as well": an "as" that opens
        // a clause of time or is an adverb takes nothing.)
        let clause_after_as = |k: usize| {
            t.is_word(k + 1)
                && (t.is(k + 1, PRONOUNS_BIT)
                    || in_list(&["well", "if", "though", "soon", "long", "much", "far"], t.lower(k + 1))
                    || (k + 2..(k + 4).min(end)).any(|j| t.is_word(j) && is_finite_auxiliary(t.lower(j))))
        };
        let taken_as = object_end < end && t.word_is(object_end, "as") && takes_as && !clause_after_as(object_end);
        // "cast ballots", "painted the house", "framed the picture": only
        // with "as" are these verbs about what someone says.
        if !taken_as && in_list(&["cast", "paint", "frame"], entry.phrase.as_str()) && !quotes_inside {
            return None;
        }
        let end = if taken_as && np_only && !clausal {
            self.np_object_end(object_end + 1, end)
        } else if clausal || !np_only || quotes_inside && !labels {
            end
        } else {
            object_end
        };
        let (mut content, quoted) = self.content_spans(start, end);
        // "a measure that he believes would lower abortions", "a decision
        // they say allowed terrorism to spread", "which he said had harmed
        // the economy": content that opens with its verb has its subject
        // before the source, in the phrase the relative clause belongs to.
        if let Some(lead) = self.relative_antecedent(a, start, s.first) {
            content.insert(0, (t.toks[lead.0].start, t.toks[lead.1 - 1].end));
        }
        Some(self.make(c, aux, source, content, "subject-cue-content", quoted))
    }

    /// "calls this a false narrative", "called the actions lawful",
    /// "calls the whole thing nothing short of an attack": a determined
    /// object and, right after it, the label put on it, a noun phrase or
    /// a lone adjective that ends the clause. ("called the police", "called
    /// a meeting for Monday" and "called the race in Ohio" put no label.)
    fn object_and_label(&self, start: usize, end: usize) -> bool {
        let t = self.t;
        let demonstrative = t.is_word(start) && matches!(t.lower(start), "this" | "that" | "these" | "those");
        if !(demonstrative || t.is(start, DETERMINERS_BIT) || is_genitive(t.lower(start))) {
            return false;
        }
        // The object is a few plain words; the label opens with an article
        // or "nothing", or is an adjective that closes the clause.
        let mut y = start + 1;
        while y < end && y < start + 5 && t.is_word(y) && !t.toks[y].cap {
            let w = t.lower(y);
            if t.is(y, NP_PREPOSITIONS_BIT | BREAK_BIT | PRONOUNS_BIT | AUXILIARIES_BIT)
                && !matches!(w, "a" | "an" | "the")
            {
                return false;
            }
            if y > start + usize::from(!demonstrative) && matches!(w, "a" | "an" | "the" | "nothing") {
                return !(time_word_at(t, y + 1) || y + 1 < end && time_word_at(t, y + 2));
            }
            let closes = y + 1 >= end || !t.is_word(y + 1) || matches!(t.lower(y + 1), "and" | "but" | "because");
            if closes && y > start + usize::from(!demonstrative) && is_adjective_like(w) {
                return true;
            }
            y += 1;
        }
        false
    }

    /// The "that" right before token `start` that opens the content's
    /// clause ("said that he would run"), in the same sentence.
    fn that_before(&self, start: usize) -> Option<usize> {
        let t = self.t;
        start
            .checked_sub(1)
            .filter(|&k| t.word_is(k, "that") && start < t.toks.len() && t.toks[k].sent == t.toks[start].sent)
    }

    /// The subject of a content that opens with its verb, when the source
    /// and cue sit in a relative clause: the noun phrase before the source
    /// with its relative pronoun, or the pronoun alone.
    fn relative_antecedent(&self, source: usize, start: usize, first: usize) -> Option<(usize, usize)> {
        let t = self.t;
        let w = t.lower(start);
        let predicate = t.is_word(start)
            && !t.toks[start].cap
            && (is_finite_auxiliary(w)
                || matches!(w, "won't" | "wouldn't" | "can't" | "couldn't" | "isn't" | "wasn't" | "hasn't")
                || is_verb_form(w) && !t.is(start, DETERMINERS_BIT | NOUN_MARKERS_BIT | PRONOUNS_BIT));
        if !predicate || source <= first {
            return None;
        }
        let before = source - 1;
        if t.is_word(before) && matches!(t.lower(before), "that" | "which" | "who") {
            // "..., which he said had harmed": the pronoun stands for a
            // phrase the comma sets off, and is itself the subject.
            return match self.left_np(before, first) {
                Some((x, y)) if y == before && !t.is(before - 1, CUE_BIT) => {
                    // The phrase with its article: "a measure that".
                    let x = if x > first && t.is_word(x - 1) && t.is(x - 1, NOUN_MARKERS_BIT) { x - 1 } else { x };
                    Some((x, before + 1))
                }
                _ => Some((before, before + 1)),
            };
        }
        // "a decision they say allowed": a noun right before the source,
        // with no word to join them, opens a reduced relative clause.
        match self.left_np(source, first) {
            Some((x, y)) if y == source && t.is_word(before) && !t.toks[before].cap && !t.is(before, CUE_BIT) => {
                Some((x, y))
            }
            _ => None,
        }
    }

    /// Where a noun-phrase object (with a label after it for "called him a
    /// liar") ends: before a comma, an adverbial of time or place, a
    /// subordinate clause, or a coordinated verb.
    fn np_object_end(&self, start: usize, end: usize) -> usize {
        let t = self.t;
        let mut k = start;
        let mut depth = 0i32;
        while k < end {
            match t.toks[k].kind {
                Kind::Open => depth += 1,
                Kind::Close => {
                    depth -= 1;
                    // `yelled “You lie!” at the president`: a quotation that
                    // opens the object is all of it.
                    if depth <= 0 && t.toks[start].kind == Kind::Open {
                        return k + 1;
                    }
                }
                Kind::Punct(',' | ';' | ':' | '(' | '\u{2014}') if depth <= 0 && k > start => return k,
                Kind::Word if depth <= 0 && k > start => {
                    let w = t.lower(k);
                    let adjunct = matches!(
                        w,
                        "at" | "during"
                            | "after"
                            | "before"
                            | "since"
                            | "as"
                            | "when"
                            | "while"
                            | "because"
                            | "although"
                            | "though"
                            | "until"
                            | "amid"
                            | "despite"
                            | "where"
                            | "if"
                            | "unless"
                    ) || (time_word_at(t, k) && !t.toks[k].cap)
                        || (matches!(w, "on" | "in" | "last" | "this" | "earlier")
                            && t.is_word(k + 1)
                            && time_word_at(t, k + 1))
                        || (matches!(w, "and" | "but") && self.coordinated_verb(k + 1, end));
                    if adjunct {
                        return k;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        end
    }

    /// Does a verb of its own start at `k`, after "and" or "but": "and
    /// said", "but argues", "and then added"?
    fn coordinated_verb(&self, mut k: usize, end: usize) -> bool {
        let t = self.t;
        while k < end && t.is_word(k) && matches!(t.lower(k), "also" | "then" | "later" | "has" | "have" | "had") {
            k += 1;
        }
        k < end && t.is_word(k) && !t.toks[k].cap && is_verb_form(t.lower(k))
    }

    /// `Putin told Biden that ..., Peskov said.`: the content comes first
    /// and the cue closes the sentence.
    fn content_then_cue(&self, c: &CueAt, aux: usize, subject: Option<(usize, usize)>) -> Option<Found> {
        let t = self.t;
        let s = t.sentence_of(c.first);
        let entry = self.lex.cue(c.entry);
        // "..., her friend said.": closing the sentence after a comma, a
        // determined noun is the source even when the lexicon does not know
        // it; the tail and the comma are checked below.
        let subject = subject.or_else(|| self.left_np(aux, s.first).filter(|&(a, b)| self.np_is_determined_noun(a, b)));
        let (source, before, after) = match subject {
            Some((a, b)) => (Some((a, b)), a, c.end),
            _ => {
                let src = self.right_np(c.end, s.end, false)?;
                if !self.np_is_source(src.0, src.1) {
                    return None;
                }
                // "..., said a former spokesman for Ukraine's Foreign
                // Ministry.": the whole phrase when it closes the sentence.
                let closes = |e: usize| self.closes_at(self.skip_adverbials(e, s.end), s.end);
                let src = match self.right_np(c.end, s.end, true) {
                    Some(long) if long.1 > src.1 && closes(long.1) => long,
                    // "..., said a former spokesman for Ukraine's Foreign
                    // Ministry, Oleg Voloshyn.": so is the whole phrase with
                    // the name set off after it.
                    Some(long)
                        if long.1 > src.1
                            && t.is_punct(long.1, ',')
                            && t.is_word(long.1 + 1)
                            && t.toks[long.1 + 1].cap =>
                    {
                        let named = self.with_trailing_appositive(long, s.end);
                        if named.1 > long.1 && closes(named.1) {
                            named
                        } else {
                            src
                        }
                    }
                    _ => src,
                };
                let src = self.with_trailing_appositive(src, s.end);
                (Some(src), aux, src.1)
            }
        };
        if let Some((a, b)) = source {
            // "..., the airline added, and had passed ...": set off by commas,
            // a determined noun speaks with a weak speech cue too.
            let set_off = entry.class == CueClass::Speech && subject.is_some() && self.np_is_determined_noun(a, b);
            if !entry.strong && !self.np_is_clear_source(a, b) && !set_off {
                return None;
            }
        }
        // "..., an aide told The New York Times.": the addressee of a cue
        // that takes one stands between the cue and the end.
        // So is "a Senate panel", "the New Yorker" and "ABC's “Good Morning
        // America”": the sentence closing after them is checked below.
        let mut after = self.skip_adverbials(after, s.end);
        if after == c.end && entry.complements & complement::OBJ != 0 {
            if let Some((x, y)) = self.right_np(after, s.end, false) {
                // Not "told the Biblical story of the city of Nineveh".
                let determined_listener = t.is(x, DETERMINERS_BIT)
                    && (t.toks[y - 1].cap || self.np_is_source(x, y))
                    && !(x..y).any(|k| t.word_is(k, "of"));
                if t.toks[x].cap || in_list(ADDRESSEES, t.lower(x)) || determined_listener {
                    after = y;
                    if after < s.end && t.toks[after].kind == Kind::Open {
                        if let Some(close) = self.title_quote_close(after) {
                            after = close + 1;
                        }
                    }
                }
            }
        }
        // Only adverbials may follow ("Peskov said on Sunday."), or another
        // hop ("TASS reported, citing a short video"), or a clause of the
        // writer's own after a comma or a subordinator ("..., he said after
        // the meeting", "..., Sanders said, a policy that ...").
        let mut tail = self.skip_adverbials(after, s.end);
        // "..., said the director, James B. Comey, on Monday."
        if subject.is_none() && t.is_punct(tail, ',') {
            let adverbials = self.skip_adverbials(tail + 1, s.end);
            if adverbials > tail + 1 && self.closes_at(adverbials, s.end) {
                tail = adverbials;
            }
        }
        // "..., said Doyle, whose home state is a target.": a relative
        // clause about the speaker closes the sentence. PolNeAR's
        // annotators put it in the source as often as they leave it out
        // (14 times each on the train split), so the source stays the name.
        if subject.is_none() && t.is_punct(tail, ',') && t.word_is(tail + 1, "whose") {
            tail = s.end;
        }
        // "The paradox of Nancy, says Carl Anthony, historian at the
        // library, is that she was ...": an inverted cue set off inside its
        // content, the speaker's appositive before the content goes on.
        let mut source = source;
        let mut inverted_aside = false;
        if subject.is_none()
            && t.is_punct(tail, ',')
            && !self.closes_at(tail, s.end)
            && entry.class == CueClass::Speech
            && source.is_some_and(|(a, b)| !time_word_at(t, a) && self.np_is_clear_source(a, b))
        {
            let verb = |k: usize| {
                t.is_word(k) && !t.toks[k].cap && (is_finite_auxiliary(t.lower(k)) || t.lower(k).ends_with("n't"))
            };
            let resume = if verb(tail + 1) {
                Some(tail)
            } else {
                match self.right_np(tail + 1, s.end, true) {
                    Some((x, y))
                        if x == tail + 1
                            && t.is_punct(y, ',')
                            && verb(y + 1)
                            && (x..y).any(|k| self.lex.source_word(t.lower(k)).is_some()) =>
                    {
                        Some(y)
                    }
                    _ => None,
                }
            };
            if let (Some(comma), Some((a, _))) = (resume, source) {
                source = Some((a, comma));
                tail = comma;
                inverted_aside = true;
            }
        }
        let subordinate = t.is_word(tail)
            && in_list(&["after", "before", "as", "because", "when", "while", "since", "following"], t.lower(tail));
        // "..., said Howard, but her character does not make up for it": a
        // speaker named after the cue, then a clause of the writer's own.
        let writer_goes_on = subject.is_none()
            && !inverted_aside
            && t.is_punct(tail, ',')
            && t.is_word(tail + 1)
            && !t.toks[tail + 1].cap
            && entry.class == CueClass::Speech
            // "the resort, now called Trump National Doral, ...": what a
            // naming verb is followed by is the name, not who spoke.
            && !in_list(&["call", "dub", "label", "brand", "term", "name"], &entry.phrase)
            && source.is_some_and(|(a, b)| self.np_is_clear_source(a, b));
        // "The goal, he said, is to forge a truce": the cue sits inside the
        // content, which goes on after the second comma.
        let parenthetical =
            (subject.is_some() || inverted_aside) && t.is_punct(tail, ',') && tail + 2 < s.end && t.is_word(tail + 1);
        // Only a subject set off by a comma, and a cue that says something,
        // make the words before it content: "declined to comment on the
        // program" said nothing, and "..., Royal, alluded to" has no subject
        // in front of it.
        let place = subject.is_some()
            && !self.closes_at(tail, s.end)
            && entry.class == CueClass::Speech
            && !entry.phrase.ends_with(" to comment")
            && self.closing_place(tail, s.end);
        if !self.closes_at(tail, s.end) && !subordinate && !parenthetical && !place && !writer_goes_on {
            return None;
        }
        let comma_in_quote = before >= 2
            && t.toks[before - 1].kind == Kind::Close
            && (t.is_punct(before - 2, ',')
                || before >= 3 && t.toks[before - 2].kind == Kind::Close && t.is_punct(before - 3, ','));
        if before == 0 || !(t.is_punct(before - 1, ',') || t.is_punct(before - 1, '\u{2014}') || comma_in_quote) {
            return None;
        }
        // "12:25 pm – President Obama is briefed on the situation": a dash
        // after a time stamp opens a log entry, not words said.
        if place && t.is_punct(before - 1, '\u{2014}') {
            return None;
        }
        let end = if comma_in_quote { before } else { before - 1 };
        let opening = self.sentence_start(s.first);
        let mut start = opening;
        while start < end
            && (t.is_punct(start, ',') || in_list(&["but", "and", "so", "however", "still", "yet"], t.lower(start)))
        {
            start += 1;
        }
        // One word before the comma is content only when the content goes
        // on after the cue: "Time, Mr. Pence added, was on their side".
        let one_word_lead = end == start + 1
            && parenthetical
            && !self.closes_at(tail, s.end)
            && t.is_word(start)
            && !t.lower(start).ends_with("ly")
            && !in_list(
                &[
                    "perhaps",
                    "maybe",
                    "now",
                    "then",
                    "instead",
                    "indeed",
                    "meanwhile",
                    "moreover",
                    "besides",
                    "otherwise",
                    "yes",
                    "no",
                    "well",
                    "thus",
                    "hence",
                    "again",
                    "also",
                    "too",
                ],
                t.lower(start),
            );
        // "But, the former CEO added, it's not the way to win": only a
        // conjunction before the aside, and the content all after it.
        let conjunction_lead = end <= start
            && parenthetical
            && !self.closes_at(tail, s.end)
            && t.is_word(opening)
            && in_list(&["but", "and", "so", "yet", "still"], t.lower(opening));
        if conjunction_lead {
            let rest = self.content_end(tail + 1, s.end);
            if rest <= tail + 1 {
                return None;
            }
            let (content, quoted) = self.content_spans(tail + 1, rest);
            return Some(self.make(c, aux, source, content, "content-then-cue", quoted));
        }
        if end <= start + 1 && !one_word_lead {
            return None;
        }
        // An opening adverbial ("On Sunday, he appeared") or participle
        // ("Speaking at a rally, Trump said") is no content of its own.
        let opener = t.lower(start);
        let adverbial = time_word_at(t, start)
            || t.is(start, NP_PREPOSITIONS_BIT)
            || in_list(
                &[
                    "as", "when", "while", "after", "before", "since", "if", "although", "though", "because", "during",
                    "earlier", "later", "asked", "like", "unlike", "despite", "among", "amid", "under", "over",
                ],
                opener,
            )
            || opener.ends_with("ing") && t.toks[start].cap;
        // Set off inside its content, the cue leaves an opening adverbial
        // to the words it frames: "If the bill passes, he said, it will
        // fill a void", "In the end, he said, union voters vote
        // Democratic". A participle ("Speaking on CNBC", "Asked about it")
        // tells what the speaker did, and stays the writer's.
        let participle = opener.ends_with("ing") && t.toks[start].cap || opener == "asked";
        if adverbial && (subordinate || place || parenthetical && (self.closes_at(tail, s.end) || participle)) {
            return None;
        }
        let (mut content, quoted) = self.content_spans(start, end);
        if parenthetical && !self.closes_at(tail, s.end) {
            let rest = self.content_end(tail + 1, s.end);
            if rest > tail + 1 {
                content.extend(self.content_spans(tail + 1, rest).0);
            }
        }
        Some(self.make(c, aux, source, content, "content-then-cue", quoted))
    }

    /// `according to X, ...` and `..., according to X`.
    fn according_to(&self, c: &CueAt) -> Option<Found> {
        let t = self.t;
        let s = t.sentence_of(c.first);
        let src = self.right_np(c.end, s.end, true)?;
        // "an online poll out Thursday": the date of a document belongs to
        // it, not to the claim after it.
        let src = (src.0, self.release_time_end(src, s.end));
        let mut lead = self.sentence_start(s.first);
        while lead < c.first
            && (t.is_punct(lead, ',')
                || in_list(&["but", "and", "so", "however", "still", "yet", "also"], t.lower(lead)))
        {
            lead += 1;
        }
        // "The AP reported that, according to an analysis, most ...": what
        // comes before is the clause that reports this one, and the
        // content is what follows the source.
        let mut e = c.first;
        while e > lead && (t.is_punct(e - 1, ',') || t.is_punct(e - 1, '\u{2014}') || t.is_punct(e - 1, '(')) {
            e -= 1;
        }
        let reported = e > lead + 1 && t.word_is(e - 1, "that") && t.is(e - 2, CUE_BIT);
        // "..., because, according to Trump, the media would call him a
        // chicken": after a subordinator the source's words are the clause
        // that follows, and what came before is the writer's. ("And,
        // according to officials, adopted a new strategy" goes on with the
        // same clause, which is all the source's.)
        let conjoined = e > lead + 1
            && e < c.first
            && t.is_word(e - 1)
            && in_list(&["because", "since", "although", "though", "whereas"], t.lower(e - 1));
        let reported = reported || conjoined;
        // "According to a close friend of Mrs. Clinton's who died in 2000,
        // the first lady ...": a relative clause up to the comma is part
        // of the source.
        let src = if c.first <= lead + 1 && t_word_is_who(t, src.1) {
            match (src.1 + 1..s.end.min(src.1 + 15)).find(|&k| !t.is_word(k)) {
                Some(k) if t.is_punct(k, ',') => (src.0, k),
                _ => src,
            }
        } else {
            src
        };
        let (start, end) = if c.first <= lead + 1 || reported {
            let mut k = src.1;
            while k < s.end && t.is_punct(k, ',') {
                k += 1;
            }
            (k, self.content_end(k, s.end))
        } else {
            // "Advocates have been successful: So far this year, 14 states
            // passed ..., according to the institute": what the source
            // says starts after the colon. "Despite Will's call, he still
            // leads, according to the poll": an opening concession is the
            // writer's.
            // (Not the colon of a time, "8:30 p.m.".)
            let mut start = (lead..e)
                .rev()
                .find(|&k| t.is_punct(k, ':') && t.text[t.toks[k].end..].starts_with(char::is_whitespace))
                .map_or(lead, |k| k + 1);
            if t.is_word(start) && matches!(t.lower(start), "despite" | "amid") {
                if let Some(comma) = (start + 1..e).find(|&k| t.is_punct(k, ',')) {
                    start = comma + 1;
                }
            }
            // "..., with a net worth estimated at less than $100,000,
            // according to ...", "... in pledged delegates, which stood at
            // 263, according to ...": a trailing phrase set off before the
            // cue holds the figure the source vouches for, and is what
            // PolNeAR's annotators give it.
            if let Some(mark) = (start + 1..e).rev().find(|&k| t.is_punct(k, ',') && t.in_quote[k].is_none()) {
                let tail = mark + 1;
                if tail + 1 < e
                    && t.is_word(tail)
                    && !t.toks[tail].cap
                    && matches!(t.lower(tail), "with" | "which")
                    && !(tail..e).any(|k| self.is_cue_word(k) && !t.is(k, NP_PREPOSITIONS_BIT))
                {
                    start = tail;
                }
            }
            (start, e)
        };
        if end <= start {
            return None;
        }
        // "“Is this a priority?” O'Malley said at a press conference,
        // according to the Las Vegas Sun.": what comes before is another
        // attribution, its source and cue alone; the newspaper carried
        // that one's words, and is the channel they came through.
        if !(c.first <= lead + 1 || reported) {
            let speaker = self.found.iter().rposition(|f| {
                let first = f.first_token();
                first == start && f.cue.1 <= end && f.content.iter().all(|&(_, b)| b <= t.toks[start].start) && {
                    let tail = self.skip_adverbials(f.cue.1.max(f.source.map_or(0, |(_, b)| b)), end);
                    tail >= end || self.closing_place(tail, end)
                }
            });
            if let Some(p) = speaker {
                let content = self.found[p].content.clone();
                return Some(Found {
                    channel_for: Some(p),
                    ..Found::new((c.first, c.end), Some(c.entry), Some(src), content, "according-to", Quoted::All)
                });
            }
        }
        let (mut content, quoted) = self.content_spans(start, end);
        // "Other cleavages, according to the poll, include ideology": set
        // off by commas mid-sentence, the cue sits inside its content.
        // Not an aside about the source ("according to Bill McInturff, a
        // Republican pollster who ...", "..., who was an adviser") or about
        // the place ("..., where 475 delegates are at stake").
        // After a whole clause ("It has a heavy workload, according to
        // the Judicial Conference, the policy-making arm of the courts"),
        // a phrase that opens with "the" describes the source too; after
        // a short opening ("In Iowa, according to the poll, the economy
        // leads") it is the subject of the rest of the content.
        let described = |k: usize| {
            t.word_is(k, "the")
                && !t.word_is(e.saturating_sub(1), "that")
                && (lead..e).filter(|&j| t.is_word(j)).count() >= 6
        };
        let aside = |k: usize| in_list(&["who", "whose", "which", "where", "a", "an"], t.lower(k)) || described(k);
        if c.first > lead + 1 && !reported && t.is_punct(src.1, ',') && t.is_word(src.1 + 1) && !aside(src.1 + 1) {
            let rest = self.content_end(src.1 + 1, s.end);
            if rest > src.1 + 1 {
                content.extend(self.content_spans(src.1 + 1, rest).0);
            }
        }
        Some(Found::new((c.first, c.end), Some(c.entry), Some(src), content, "according-to", quoted))
    }

    /// Where a document's phrase ends with its date: "a poll released
    /// Sunday", "the survey last month", "an online poll out Thursday",
    /// not what the sentence goes on with ("ahead of the primary"). Only a
    /// phrase whose last word is a document takes one.
    fn release_time_end(&self, (a, b): (usize, usize), end: usize) -> usize {
        let t = self.t;
        let document =
            |k: usize| self.lex.source_word(t.lower(k)).is_some_and(|w| w.kind == super::SourceType::Document);
        let release = |k: usize| in_list(&["released", "conducted", "published"], t.lower(k));
        // The phrase may already hold the participle: "a poll released".
        let b = if b > a + 1 && release(b - 1) && document(b - 2) { b - 1 } else { b };
        if b <= a || !document(b - 1) {
            return b;
        }
        let mut k = b;
        while k < end
            && t.is_word(k)
            && (time_word_at(t, k)
                || in_list(&["last", "this"], t.lower(k))
                || release(k)
                || k == b && t.word_is(k, "out") && k + 1 < end && time_word_at(t, k + 1))
        {
            k += 1;
        }
        // A word of release with no time after it is the sentence's own.
        while k > b && !time_word_at(t, k - 1) {
            k -= 1;
        }
        k
    }

    /// `TASS reported, citing a short video released on state TV`.
    fn citing(&self, c: &CueAt) -> Option<Found> {
        let t = self.t;
        let s = t.sentence_of(c.first);
        let src = self.right_np(c.end, s.end, true)?;
        // "defended the ban, citing fears of terrorism", "citing his Iowa
        // results": what is cited is no one's word but a reason, and the
        // one who cites it is the source, as with any participle of
        // saying. Only a source that is cited ("citing a short video
        // released on state TV", "citing officials") is a hop in a chain.
        if !self.np_is_source(src.0, src.1) {
            return self.participle(c);
        }
        let parent =
            self.found.iter().rposition(|f| t.toks[f.cue.0].sent == t.toks[c.first].sent && f.cue.1 <= c.first);
        let content = match parent {
            Some(p) => self.found[p].content.clone(),
            None => {
                let mut e = c.first;
                while e > s.first && t.is_punct(e - 1, ',') {
                    e -= 1;
                }
                if e <= s.first {
                    return None;
                }
                self.content_spans(s.first, e).0
            }
        };
        Some(Found {
            cites_for: parent,
            ..Found::new((c.first, c.end), Some(c.entry), Some(src), content, "citing", Quoted::None)
        })
    }

    /// "Asked whether the talks would go on, Ryan said ...": the question is
    /// the content and the speaker follows the comma.
    fn asked(&self, c: &CueAt) -> Option<Found> {
        let t = self.t;
        let s = t.sentence_of(c.first);
        // "“You bet I would,” Christie said when asked whether he would":
        // mid-sentence, the question asked is the content, and the one who
        // asked goes unnamed.
        let wh = |k: usize| {
            t.is_word(k)
                && matches!(t.lower(k), "whether" | "if" | "about" | "how" | "why" | "what" | "who" | "when" | "which")
        };
        if c.first > s.first + 1 && t.word_is(c.first - 1, "when") {
            // "when asked about the Florida Standards": the cue form has
            // taken the "about" already.
            let about = t.word_is(c.end - 1, "about");
            // "when asked by a reporter if that remains his view": the one
            // who asked, named after "by", then the question.
            let asker = if t.word_is(c.end, "by") {
                self.right_np(c.end + 1, s.end, false).filter(|&(x, y)| wh(y) && self.np_is_source(x, y))
            } else {
                None
            };
            let start = asker.map_or(c.end, |(_, y)| y);
            if about || wh(start) {
                // "..., when asked about Trump, President Obama said ...":
                // the question ends at its comma.
                let end = self.first_comma_out_of_quotation(start, self.content_end(start, s.end));
                let (content, quoted) = self.content_spans(start, end);
                return (end > start)
                    .then(|| Found::new((c.first, c.end), Some(c.entry), asker, content, "asked", quoted));
            }
        }
        let first_comma = (c.end..s.end).find(|&k| t.is_punct(k, ','))?;
        if first_comma <= c.end {
            return None;
        }
        // "Asked whether he was concerned that Donald Trump, the
        // presumptive nominee, could win, Ban said": the question ends at
        // the comma before the one who answers with a verb of saying, not
        // at the first comma inside it.
        let answers_after = |k: usize| {
            self.right_np(k + 1, s.end, false).is_some_and(|(x, y)| {
                self.np_is_source(x, y) && (self.is_cue_word(y) || t.is(y, AUXILIARIES_BIT) && self.is_cue_word(y + 1))
            })
        };
        let mut comma = if answers_after(first_comma) {
            first_comma
        } else {
            (first_comma + 1..s.end.min(first_comma + 40))
                .filter(|&k| t.is_punct(k, ',') && t.in_quote[k].is_none())
                .find(|&k| answers_after(k))
                .unwrap_or(first_comma)
        };
        // `Asked if he is “realistic enough,” 72 percent said`: the comma
        // may close a quotation inside the question.
        let mut question_end = comma;
        if comma + 1 < s.end && t.toks[comma + 1].kind == Kind::Close {
            question_end = comma + 1;
            comma += 1;
        }
        // "Asked about the plan, Trump said ...": the one asked answers in
        // an attribution of his own; who asked goes unnamed, as PolNeAR's
        // annotators mark it (42 times without a source on the train split,
        // never with the one asked).
        let src = self.right_np(comma + 1, s.end, false)?;
        if !self.np_is_source(src.0, src.1) {
            return None;
        }
        // "Asked by Matt Lauer whether she had practiced": the asker, named
        // after "by", is the source of the question.
        if t.word_is(c.end, "by") {
            if let Some((x, y)) = self.right_np(c.end + 1, comma, false) {
                if wh(y) && self.np_is_source(x, y) {
                    let (content, quoted) = self.content_spans(y, question_end);
                    return Some(Found::new((c.first, c.end), Some(c.entry), Some((x, y)), content, "asked", quoted));
                }
            }
        }
        // "Asked during a January debate why he trailed": when and where
        // it was asked comes before the question.
        let adverbial = t.is(c.end, NP_PREPOSITIONS_BIT)
            || in_list(&["during", "after", "before", "at"], t.lower(c.end))
            || time_word_at(t, c.end)
            || is_ly_adverb(t.lower(c.end));
        let start = (c.end + 1..question_end.min(c.end + 8))
            .take_while(|&k| adverbial && t.is_word(k) && !t.is(k, PRONOUNS_BIT))
            .find(|&k| wh(k) && !t.word_is(k, "about"))
            .unwrap_or(c.end);
        let (content, quoted) = self.content_spans(start, question_end);
        Some(Found::new((c.first, c.end), Some(c.entry), None, content, "asked", quoted))
    }

    /// "In the new Morning Consult poll, 40 percent ...": a poll, survey or
    /// study named at the start of a sentence is the source of the rest.
    fn document_prefaces(&mut self) {
        let t = self.t;
        for si in 0..t.sentences.len() {
            let s = t.sentences[si];
            let k = s.first;
            if !t.word_is(k, "in") || self.cue_taken[k] {
                continue;
            }
            let Some(comma) = (k + 1..s.end.min(k + 16)).find(|&j| t.is_punct(j, ',')) else { continue };
            let has_study = (k + 1..comma).any(|j| t.is(j, STUDIES_BIT));
            if !has_study || comma + 2 >= s.end {
                continue;
            }
            let mut b = comma;
            while b > k + 2 && t.is_word(b - 1) && time_word_at(t, b - 1) {
                b -= 1;
                while b > k + 2 && t.is_word(b - 1) && in_list(&["on", "last", "this", "late", "early"], t.lower(b - 1))
                {
                    b -= 1;
                }
            }
            let end = self.content_end(comma + 1, s.end);
            if end <= comma + 1 {
                continue;
            }
            let (content, quoted) = self.content_spans(comma + 1, end);
            self.cue_taken[k] = true;
            self.found.push(Found::new((k, k + 1), None, Some((k + 1, b)), content, "document-preface", quoted));
        }
    }

    /// "Trump leads in the polls", "Clinton held a 24-point lead among
    /// black voters in a CNN national poll": standings that a poll reports,
    /// which are the poll's claim and not the writer's. A poll opening the
    /// sentence ("In a CNN poll, ...") is a preface, found above.
    /// "his assertion that Russia should hack the emails", "complaints
    /// that the program was underfunded": a noun of saying or believing
    /// with a that-clause is an attribution of its own, with the owner as
    /// the source ("his", "Mr. Trump's") or none. The cue takes the class
    /// and stance of its verb ("assertion" is "assert", distancing).
    /// Only nouns PolNeAR's annotators mark more often than not before
    /// "that" on the train split are listed; "idea", "notion" and
    /// "evidence" that are not; nor is "report", whose clause is as often
    /// what the report is about.
    fn nominal_cues(&mut self) {
        let t = self.t;
        for k in 1..t.toks.len().saturating_sub(2) {
            if !t.word_is(k + 1, "that") || self.cue_taken[k] || t.in_quote[k].is_some() || t.toks[k].cap {
                continue;
            }
            let Some(&(_, verb)) = NOMINAL_CUES.iter().find(|(noun, _)| t.word_is(k, noun)) else { continue };
            let Some(entry) = self.lex.cue_forms.get(verb).and_then(|v| v.iter().find(|(rest, _)| rest.is_empty()))
            else {
                continue;
            };
            let s = t.sentence_of(k);
            // A clause with a subject and a finite verb of its own, not a
            // relative clause on the noun: "the claims that are false",
            // "the claims that he made" (too short to say anything).
            let start = k + 1;
            if !self.looks_like_clause(start + 1, s.end) {
                continue;
            }
            let end = self.content_end(start + 1, s.end);
            if (start + 1..end).filter(|&j| t.is_word(j)).count() < 4 {
                continue;
            }
            // The owner: a possessive before the noun and at most two
            // modifiers ("his repeated claims", "Mr. Trump's assertion").
            // A verb or a name right before the noun reads it as a verb
            // ("Trump claims that"), which the verb rules had.
            let mut j = k;
            while j > s.first
                && k - j < 2
                && t.is_word(j - 1)
                && !t.toks[j - 1].cap
                && !t.is(j - 1, DETERMINERS_BIT | PRONOUNS_BIT | AUXILIARIES_BIT | BREAK_BIT)
                && !self.is_cue_word(j - 1)
                && !is_genitive(t.lower(j - 1))
            {
                j -= 1;
            }
            if j == s.first || !t.is_word(j - 1) {
                // "Complaints that ..." opens its sentence: no owner.
                if j != k && j != s.first {
                    continue;
                }
            }
            let before = j.checked_sub(1).filter(|&b| b >= s.first && t.is_word(b));
            let source = match before {
                Some(b) if in_list(&["his", "her", "their", "its", "our"], t.lower(b)) => Some((b, b + 1)),
                Some(b) if t.toks[b].cap && is_genitive(t.lower(b)) => {
                    self.left_np(b + 1, s.first).filter(|&(a, _)| (a..=b).all(|q| t.toks[q].cap))
                }
                Some(b)
                    if t.is(b, DETERMINERS_BIT)
                        || in_list(&["of", "about", "over", "amid", "despite", "with", "to", "by"], t.lower(b)) =>
                {
                    None
                }
                Some(_) => continue,
                None => None,
            };
            let (content, quoted) = self.content_spans(start, end);
            self.cue_taken[k] = true;
            self.found.push(Found::new((k, k + 1), Some(entry.1), source, content, "nominal", quoted));
        }
    }

    fn poll_standings(&mut self) {
        let t = self.t;
        for k in 1..t.toks.len() {
            if !t.word_is(k, "in") || self.cue_taken[k] || t.in_quote[k].is_some() {
                continue;
            }
            let s = t.sentence_of(k);
            // Nearly every "in" has no poll after it; a bit test says so
            // before any phrase is read.
            if !(k + 1..s.end.min(k + 12)).any(|j| t.is(j, STUDIES_BIT)) {
                continue;
            }
            let mut start = self.sentence_start(s.first);
            while start < k && (!t.is_word(start) || in_list(&["but", "and", "so", "yet", "still"], t.lower(start))) {
                start += 1;
            }
            // Two words at least say who stands where ("Trump leads").
            if k < start + 2 {
                continue;
            }
            let Some((a, b)) = self.right_np(k + 1, s.end, true) else { continue };
            let Some(last_poll) =
                (a..b).rev().find(|&j| t.is_word(j) && in_list(&["poll", "polls", "survey", "surveys"], t.lower(j)))
            else {
                continue;
            };
            // A poll of its own ("a CNN national poll", "the 50-state poll",
            // "the RealClearPolitics average of New Hampshire polls"), not
            // "the polls" of horse-race color ("ahead in the polls") or the
            // ones voters go to.
            let named = (a..last_poll).any(|j| t.toks[j].cap);
            let singular = in_list(&["poll", "survey"], t.lower(last_poll));
            let plain = last_poll - a <= 6
                && (a..last_poll).all(|j| {
                    t.is_word(j)
                        && !t.lower(j).ends_with("ing")
                        && (!t.is(j, BREAK_BIT) || t.is(j, DETERMINERS_BIT) || t.word_is(j, "of"))
                });
            let subordinate = in_list(
                &["while", "when", "though", "although", "despite", "as", "if", "because", "since", "depending", "who"],
                t.lower(start),
            );
            if !(named || singular) || !plain || subordinate {
                continue;
            }
            let b = self.release_time_end((a, last_poll + 1), s.end);
            // "20 percent of people in a recent poll said": the poll is
            // inside the subject of a cue, which is the attribution.
            let cue_follows = (b..s.end.min(b + 3)).any(|j| t.is_word(j) && t.is(j, CUE_BIT));
            // Only a clause of the writer's own before it: not one that a
            // cue already attributes ("he said he leads in the polls").
            let attributed = self.found.iter().any(|f| f.content.iter().any(|&(x, y)| x <= k && k < y))
                || (start..k).any(|j| self.cue_taken[j]);
            if cue_follows || attributed {
                continue;
            }
            let (content, quoted) = self.content_spans(start, k);
            if content.is_empty() {
                continue;
            }
            self.cue_taken[k] = true;
            self.found.push(Found::new((k, k + 1), None, Some((a, b)), content, "poll-standing", quoted));
        }
    }

    fn passive_without_source(&self, c: &CueAt, aux: usize) -> Option<Found> {
        let t = self.t;
        let s = t.sentence_of(c.first);
        let (a, b) = self.left_np(aux, s.first).or_else(|| {
            // "which is expected to", "who are expected to".
            (aux > s.first && t.is_word(aux - 1) && matches!(t.lower(aux - 1), "which" | "who" | "that"))
                .then_some((aux - 1, aux))
        })?;
        let end = self.content_end(c.end, s.end);
        if end <= c.end + 1 {
            return None;
        }
        let (mut subject, _) = self.content_spans(a, b);
        let (rest, quoted) = self.content_spans(c.end, end);
        subject.extend(rest);
        Some(Found::new((aux, c.end), Some(c.entry), None, subject, "passive-no-source", quoted))
    }

    /// Is there a form of "be" among the auxiliaries from `aux` up to
    /// `end`, as in a passive?
    fn be_among(&self, aux: usize, end: usize) -> bool {
        (aux..end).any(|k| matches!(self.t.lower(k), "is" | "are" | "was" | "were" | "be" | "been" | "being"))
    }

    /// "The plan was rejected by most voters", "The meeting was first
    /// reported by a magazine": in the passive the subject is the content
    /// and the phrase after "by" the source.
    fn passive(&self, c: &CueAt, aux: usize) -> Option<Found> {
        let t = self.t;
        let s = t.sentence_of(c.first);
        if !(is_participle(t.lower(c.end - 1)) && self.be_among(aux, c.end - 1)) {
            return None;
        }
        // "It was reported that ...", "was told that ...", "was asked
        // whether ...": the content follows the cue.
        if c.end < s.end && (t.toks[c.end].kind == Kind::Open || t.is(c.end, BREAK_BIT) && !t.word_is(c.end, "by")) {
            return None;
        }
        let (a, b) = self.left_np(aux, s.first)?;
        if b == a + 1 && matches!(t.lower(a), "it" | "there" | "this" | "that") || b - a > 10 {
            return None;
        }
        // Without "by" a passive is mostly an event ("the request was
        // denied"), not an attribution.
        if !t.word_is(c.end, "by") {
            return None;
        }
        let src = self.right_np(c.end + 1, s.end, false)?;
        let source = Some(self.with_trailing_appositive(src, s.end));
        let (content, quoted) = self.content_spans(a, b);
        Some(Found::new((aux, c.end), Some(c.entry), source, content, "passive", quoted))
    }

    /// "reportedly", "allegedly": the clause they sit in, with no source.
    fn sourceless_adverb(&self, c: &CueAt) -> Option<Found> {
        let t = self.t;
        let s = t.sentence_of(c.first);
        let end = self.content_end(s.first, s.end);
        if end <= s.first + 2 {
            return None;
        }
        let (content, quoted) = self.content_spans(s.first, end);
        Some(Found::new((c.first, c.end), Some(c.entry), None, content, "hedge-adverb", quoted))
    }

    /// `In a video released on Russia's state TV on Sunday, Peskov said`:
    /// the medium the speaker used is a hop of its own when it names who
    /// carried it.
    fn channel(&self, f: &Found, index: usize) -> Option<Found> {
        let t = self.t;
        let (src, _) = f.source?;
        let s = t.sentence_of(f.cue.0);
        let mut k = s.first;
        while k < src && t.is_word(k) && in_list(&["but", "and", "however", "also", "still", "yet"], t.lower(k)) {
            k += 1;
        }
        if !(t.word_is(k, "in")
            && k + 2 < src
            && in_list(&["a", "an", "the", "his", "her", "their", "its"], t.lower(k + 1)))
        {
            return None;
        }
        let comma = (k + 2..src).find(|&j| t.is_punct(j, ','))?;
        if comma + 1 != src {
            return None;
        }
        let (a, mut b) = (k + 1, comma);
        // "on Sunday" belongs to the sentence, not to the medium.
        while b > a + 1 && t.is_word(b - 1) && time_word_at(t, b - 1) {
            b -= 1;
            while b > a + 1
                && t.is_word(b - 1)
                && in_list(&["on", "last", "this", "late", "early", "earlier"], t.lower(b - 1))
            {
                b -= 1;
            }
        }
        // Only a medium that names who carried it is a hop: "state TV",
        // "Russian media", an outlet. "In a statement" is not.
        let carried = (a..b).any(|j| {
            t.is_word(j) && self.lex.source_word(t.lower(j)).is_some_and(|w| w.kind.is_media())
                || t.is_word(j) && t.toks[j].cap && self.lex.gazetteer.by_name(t.slice(j, j + 1)).is_some()
        }) || (a..b.saturating_sub(1)).any(|j| {
            self.lex.source_word(&format!("{} {}", t.lower(j), t.lower(j + 1))).is_some_and(|w| w.kind.is_media())
        });
        if !carried {
            return None;
        }
        // "In a call with reporters", "in an interview with journalists":
        // the reporters asked, they did not carry the words to this outlet
        // from another; the writer's own newsroom is among them. A named
        // outlet after "with" ("an interview with CNN") did carry them.
        let with = (a..b).rposition(|j| t.word_is(j, "with")).map(|p| a + p);
        if let Some(w) = with {
            let listeners = (w + 1..b).filter(|&j| t.is_word(j)).all(|j| {
                in_list(&["reporters", "journalists", "the", "press", "news", "media", "a", "group", "of"], t.lower(j))
            });
            if listeners {
                return None;
            }
        }
        Some(Found {
            channel_for: Some(index),
            ..Found::new((k, k + 1), None, Some((a, b)), f.content.clone(), "channel", Quoted::None)
        })
    }

    /// `Peskov: “...”` at the start of a sentence, and the dash form
    /// `Peskov — “...”`.
    fn colons(&mut self) {
        let t = self.t;
        for si in 0..t.sentences.len() {
            let s = t.sentences[si];
            for k in s.first..s.end {
                if !(t.is_punct(k, ':') || t.is_punct(k, '\u{2014}')) || k == s.first || self.cue_taken[k] {
                    continue;
                }
                if let Some(f) = self.colon_at(k, s) {
                    self.cue_taken[k] = true;
                    self.found.push(f);
                }
            }
        }
    }

    /// What a colon introduces: the rest of its sentence, or the next
    /// paragraph when the colon closes its own.
    /// A speaker label that opens its paragraph (`Lopez: Well, ...`)
    /// governs the whole paragraph, as in a transcript.
    fn colon_content(
        &self,
        k: usize,
        s: super::tokens::Sentence,
        whole_paragraph: bool,
    ) -> Option<(Vec<(usize, usize)>, Quoted)> {
        let t = self.t;
        let (first, end) = if whole_paragraph && k + 1 < t.toks.len() && t.toks[k + 1].para == t.toks[k].para {
            let para = t.toks[k].para;
            let mut last = k + 1;
            while last + 1 < t.toks.len() && t.toks[last + 1].para == para {
                last += 1;
            }
            (k + 1, last + 1)
        } else if k + 1 >= t.toks.len() || t.toks[k + 1].para != t.toks[k].para {
            let next = k + 1;
            if next >= t.toks.len() {
                return None;
            }
            let para = t.toks[next].para;
            let mut last = next;
            while last + 1 < t.toks.len() && t.toks[last + 1].para == para {
                last += 1;
            }
            (next, last + 1)
        } else {
            (k + 1, self.content_end(k + 1, s.end))
        };
        if end <= first {
            return None;
        }
        Some(self.content_spans(first, end))
    }

    fn colon_at(&self, k: usize, s: super::tokens::Sentence) -> Option<Found> {
        let t = self.t;
        // "Updated 22:15" and "9:18 p.m." are times, not speakers.
        if t.slice(k - 1, (k + 2).min(t.toks.len())).chars().any(|ch| ch.is_ascii_digit()) {
            return None;
        }
        let dash = t.is_punct(k, '\u{2014}');
        let quote_follows = k + 1 < t.toks.len() && t.toks[k + 1].kind == Kind::Open;
        // A dash introduces speech only when a quotation follows.
        if dash && !quote_follows {
            return None;
        }
        let (a, b) = self.left_np(k, s.first)?;
        if b - a > 6 || !self.np_is_clear_source(a, b) {
            return None;
        }
        // Mid-sentence, only a name right before a quotation speaks:
        // "... doesn't surprise pollster Daron Shaw: “Historically ...”".
        let opens_sentence = a == s.first;
        if !(opens_sentence || quote_follows && (a..b).filter(|&i| t.toks[i].cap).count() >= 2) {
            return None;
        }
        if (a..b).any(|i| t.is_word(i) && t.is(i, CUE_BIT) && !t.toks[i].cap) {
            return None;
        }
        // "Another problem for Sanders:", "One notable trend:": a common
        // noun heads the phrase, and the name after its preposition is
        // what it is about.
        if !t.toks[a].cap || t.is(a, DETERMINERS_BIT) || is_quantity(t.lower(a)) {
            if let Some(p) = (a + 1..b).find(|&k| t.is_word(k) && matches!(t.lower(k), "for" | "of" | "about" | "on")) {
                let head = p - 1;
                if !t.toks[head].cap && self.lex.source_word(t.lower(head)).is_none() {
                    return None;
                }
            }
        }
        let label = normalize_phrase(t.slice(a, b));
        let first_word = t.lower(a);
        // "Delegate Update:", "Monday's Morning Email:", "One conclusion:":
        // a label may close a longer heading too.
        let last_word = t.lower(b - 1);
        if is_a(LABELS_BIT, &label)
            || is_a(LABELS_BIT, first_word)
            || b > a + 1 && (is_a(LABELS_BIT, last_word) || matches!(last_word, "email" | "report" | "poll"))
            || first_word == "according"
            || label.starts_with("the ") && self.lex.gazetteer.by_name(t.slice(a, b)).is_none()
        {
            return None;
        }
        // Transcript speaker labels are written in capitals ("TAPPER:"),
        // open their paragraph and come back; other capitals are headings.
        let all_caps = t.slice(a, b).chars().filter(|ch| ch.is_alphabetic()).all(char::is_uppercase);
        if all_caps {
            let opens_paragraph = a == 0 || t.toks[a - 1].para != t.toks[a].para;
            let speaker = format!("{}:", t.slice(a, b));
            if dash || !opens_paragraph || t.text.matches(&speaker).nth(1).is_none() {
                return None;
            }
        }
        // "Stated Stone:" puts the verb first; the verb is the cue.
        if b > a + 1 && t.toks[a].cap && self.lex.cue_forms.contains_key(first_word) && is_verb_form(first_word) {
            let (content, quoted) = self.colon_content(k, s, false)?;
            let entry = self.lex.cue_forms[first_word].iter().find(|(rest, _)| rest.is_empty()).map(|(_, id)| *id)?;
            return Some(Found::new((a, a + 1), Some(entry), Some((a + 1, b)), content, "inverted-colon", quoted));
        }
        let opens_paragraph = a == 0 || t.toks[a - 1].para != t.toks[a].para;
        let (content, quoted) = self.colon_content(k, s, opens_paragraph && !dash)?;
        // "South Carolina: Andrew Collins, Antjuan Seawright, Barry Wynn,
        // ...": a list of names is a roster, not words said.
        if quoted == Quoted::None && self.is_roster(k + 1) {
            return None;
        }
        Some(Found::new((k, k + 1), None, Some((a, b)), content, if dash { "dash" } else { "colon" }, quoted))
    }

    /// Do the words from `k` to the end of the paragraph list names: at
    /// least four commas, and most words capitalised?
    fn is_roster(&self, k: usize) -> bool {
        let t = self.t;
        let Some(tok) = t.toks.get(k) else { return false };
        let para = tok.para;
        let (mut commas, mut words, mut caps) = (0, 0, 0);
        for j in k..t.toks.len() {
            if t.toks[j].para != para {
                break;
            }
            if t.is_punct(j, ',') {
                commas += 1;
            } else if t.is_word(j) {
                words += 1;
                caps += usize::from(t.toks[j].cap);
            }
        }
        commas >= 4 && caps * 10 >= words * 8
    }

    /// A direct quotation followed, in the same paragraph, by more
    /// quotation with no cue of its own belongs to the same speaker:
    /// `“It is a tough charge,” Pence said. “But, come on.”`
    fn continue_quotes(&mut self) {
        let t = self.t;
        let mut claimed = vec![false; t.quotes.len()];
        // The quotations by where they start, so that each content span
        // looks only at those starting inside it: checking every quotation
        // against every span made long texts quadratic.
        let mut by_start: Vec<usize> = (0..t.quotes.len()).collect();
        by_start.sort_by_key(|&q| t.quotes[q].start);
        for f in &self.found {
            for &(a, b) in &f.content {
                let first = by_start.partition_point(|&q| t.quotes[q].start < a);
                for &q in by_start[first..].iter().take_while(|&&q| t.quotes[q].start <= b) {
                    if t.quotes[q].end <= b {
                        claimed[q] = true;
                    }
                }
            }
        }
        for fi in 0..self.found.len() {
            let f = &self.found[fi];
            // `Trump's team is “rapidly learning,” Gingrich said. “The
            // general election is like a football team.”`: a partial
            // quotation that hands over to the cue goes on as a whole one
            // does.
            let first = f.first_token();
            let quote_ends_content = f.rule == "content-then-cue"
                && first >= 2
                && (t.toks[first - 1].kind == Kind::Close
                    || t.is_punct(first - 1, ',') && t.toks[first - 2].kind == Kind::Close);
            if f.rule != "quote-before-cue" && !quote_ends_content {
                continue;
            }
            let cue_sent = t.toks[f.cue.0].sent as usize;
            let mut para = t.toks[f.cue.0].para;
            let mut extra = Vec::new();
            let mut si = cue_sent + 1;
            // A paragraph that ends with the cue, or with quotation that
            // goes on from it, hands over to a next paragraph that opens
            // with quotation of no one else's: news style gives a long
            // quotation a paragraph of its own after the one that names
            // the speaker.
            let mut crossed = false;
            loop {
                if si >= t.sentences.len() {
                    break;
                }
                let entering = t.sentences[si].para != para;
                if entering {
                    if crossed || t.sentences[si].para != para + 1 {
                        break;
                    }
                    crossed = true;
                    para += 1;
                }
                let s = t.sentences[si];
                let Some(q) = t.quote_opening_at(s.first) else { break };
                if claimed[q] || (s.first..s.end).any(|k| self.cue_taken[k]) {
                    break;
                }
                // A short quoted line of its own is a subheading ("'A
                // really tough decision.'") or a crowd's cry ("Nooooo!").
                let words = (t.quotes[q].open..t.quotes[q].close).filter(|&k| t.is_word(k)).count();
                if entering && words < 6 {
                    break;
                }
                claimed[q] = true;
                extra.push((t.quotes[q].start, t.quotes[q].end));
                // Go on only while the quotation fills its sentence.
                let close = t.quotes[q].close;
                if close + 2 < s.end {
                    break;
                }
                si += 1;
                while si < t.sentences.len() && t.sentences[si].first <= close {
                    si += 1;
                }
            }
            self.found[fi].content.extend(extra);
        }
    }

    /// "declined to comment for this story": what the source declined,
    /// "to comment" and what for, is the content, as PolNeAR's
    /// annotators mark it (every one of the 29 refusals to comment on the
    /// train split); the cue is the verb.
    fn refusal(&self, c: &CueAt, aux: usize, source: Option<(usize, usize)>, end: usize) -> Found {
        let t = self.t;
        let to = c.end - 2;
        let mut until = c.end;
        if t.word_is(until, "for") {
            let mut j = until + 1;
            while j < end
                && j < until + 12
                && t.is_word(j)
                && !matches!(t.lower(j), "and" | "but" | "who" | "which" | "because" | "while")
            {
                j += 1;
            }
            if j > until + 1 && (j >= end || !t.is_word(j)) {
                until = j;
            }
        }
        let content = vec![(t.toks[to].start, t.toks[until - 1].end)];
        Found::new((aux, to), Some(c.entry), source, content, "refusal", Quoted::None)
    }

    fn make(
        &self,
        c: &CueAt,
        aux: usize,
        source: Option<(usize, usize)>,
        content: Vec<(usize, usize)>,
        rule: &'static str,
        quoted: Quoted,
    ) -> Found {
        let t = self.t;
        let mut content = content;
        let mut end = c.end;
        // "talked about jobs", "warned against a shutdown", "spoke of his
        // father": a preposition right after the verb is part of the cue,
        // and what it governs is the content, as PolNeAR's annotators mark
        // it (474 cues end in "about" on the train split, 57 contents start
        // with it). "To" stays with its infinitive: "vowed to fight".
        if let Some(first) = content.first_mut() {
            if end + 1 < t.toks.len()
                && t.is_word(end)
                && matches!(t.lower(end), "about" | "against" | "for" | "of" | "on" | "with")
                && first.0 == t.toks[end].start
                && t.toks[end + 1].start < first.1
            {
                first.0 = t.toks[end + 1].start;
                end += 1;
            }
        }
        Found::new((aux, end), Some(c.entry), source, content, rule, quoted)
    }

    /// Where the content of a cue starts: past an object ("told Biden"),
    /// adverbials ("on Sunday", "in a statement") and "that".
    fn content_start(&self, c: &CueAt, from: usize, end: usize) -> Option<usize> {
        let t = self.t;
        let entry = self.lex.cue(c.entry);
        let mut k = self.skip_adverbials(from, end);
        // "that" close by, with no clause boundary before it, starts the
        // content: "told his U.S. counterpart Joe Biden that he would".
        // Only for a cue that takes a that-clause: "cited polls by
        // Quinnipiac that showed Trump ahead" has a relative "that".
        let window = if entry.complements & complement::THAT != 0 { (k + 12).min(end) } else { k };
        let mut j = k;
        while j < window {
            // "in that state": after a preposition "that" points at a
            // noun and opens no clause.
            if t.word_is(j, "that") && j > k && t.is(j - 1, NP_PREPOSITIONS_BIT) {
                break;
            }
            if t.word_is(j, "that") {
                // "reported that, according to an analysis, half of ...":
                // the content starts after the comma, with the aside, as
                // PolNeAR's annotators mark it.
                let start = if t.is_punct(j + 1, ',') { j + 2 } else { j + 1 };
                return (start < end).then_some(start);
            }
            // A preposition that can open a cue phrase ("in a statement")
            // is only a preposition after an addressee ("told reporters in
            // Iowa on Monday that") or in an adverbial right after the cue
            // ("said in a 911 call from the scene that"). After a bare
            // clause's subject it may open a relative clause ("says the
            // increase in polarization that Bloomberg decries").
            let preposition = t.is(j, NP_PREPOSITIONS_BIT)
                && entry.class == CueClass::Speech
                && (t.is(k, NP_PREPOSITIONS_BIT) || entry.complements & complement::OBJ != 0);
            // "said during a taping in Buffalo, New York, that": commas
            // between places, and one before the "that", stay inside the
            // adverbial.
            let place_comma = t.is_punct(j, ',')
                && j > k
                && t.is_word(j - 1)
                && t.toks[j - 1].cap
                && t.is_word(j + 1)
                && (t.toks[j + 1].cap || t.word_is(j + 1, "that"));
            if place_comma {
                j += 1;
                continue;
            }
            // "said in her memoir, “Tough Choices,” that": a title set off
            // by commas inside the adverbial.
            if j > k && t.is_punct(j, ',') || j > from && t.toks[j].kind == Kind::Open {
                let open = if t.is_punct(j, ',') { j + 1 } else { j };
                if let Some(close) = (open < window).then(|| self.title_quote_close(open)).flatten() {
                    // The title's own comma may sit inside its marks.
                    let mut after = close + 1;
                    if t.is_punct(after, ',') {
                        after += 1;
                    }
                    if t.word_is(after, "that") {
                        j = after;
                        continue;
                    }
                }
            }
            // "said on the MSNBC show that", "said in the report's
            // findings that": a cue word after a determiner or a name
            // inside the adverbial is its noun, not a second verb.
            let adverbial_noun = j > k
                && t.is(k, NP_PREPOSITIONS_BIT)
                && t.is_word(j - 1)
                && !t.lower(j).ends_with("ing")
                && (t.is(j - 1, NOUN_MARKERS_BIT) || is_genitive(t.lower(j - 1)) || self.after_determiner_and_name(j));
            if !t.is_word(j) || t.is(j, CUE_BIT) && !t.toks[j].cap && !preposition && !adverbial_noun {
                break;
            }
            if t.is(j, PRONOUNS_BIT) && j > k {
                break;
            }
            // "reported it obtained emails that Carter sent": a subject
            // pronoun right after the cue opens a bare clause, and a later
            // "that" is inside it. ("told him that", "explained it in a
            // statement that" have an object.)
            if j == k
                && (in_list(&["he", "she", "they", "we", "i"], t.lower(j))
                    || t.word_is(j, "it") && t.is_word(j + 1) && !t.is(j + 1, NP_PREPOSITIONS_BIT | BREAK_BIT))
            {
                break;
            }
            // "said the army must attack the oil that funds it": a finite
            // verb has begun the content, and a later "that" is inside it.
            if is_finite_auxiliary(t.lower(j)) {
                break;
            }
            // "vowed to attack the oil that funds it": so has an
            // infinitive, for a cue that takes one.
            if entry.complements & complement::TO != 0
                && t.word_is(j, "to")
                && t.is_word(j + 1)
                && !t.toks[j + 1].cap
                && !t.is(j + 1, DETERMINERS_BIT | NOUN_MARKERS_BIT | PRONOUNS_BIT)
            {
                break;
            }
            j += 1;
        }
        // Speech verbs take an addressee ("told reporters"); for "wants the
        // West to stay out", the object belongs to the content.
        if entry.complements & complement::OBJ != 0
            && entry.class == CueClass::Speech
            && (t.is_word(k) || k < end && t.toks[k].kind == Kind::Open)
        {
            // Skip a short object, "told reporters", "urged Congress", "told
            // the Times", when what follows it can start the content.
            let lw = t.lower(k);
            let mut j = k;
            if in_list(ADDRESSEES, lw) {
                j = self.listener_end(k, end);
            } else if t.toks[k].cap {
                j = self.listener_end(k, end);
                // "told ABC's “Good Morning America” that": a network's
                // programme by its quoted title.
                if j < end && t.toks[j].kind == Kind::Open && is_genitive(t.lower(j - 1)) {
                    if let Some(close) = self
                        .title_quote_close(j)
                        .filter(|&close| close < end && t.word_is(self.skip_adverbials(close + 1, end), "that"))
                    {
                        j = close + 1;
                    }
                }
            } else if t.toks[k].kind == Kind::Open {
                // "told “Good Morning America” that": a programme by its
                // quoted title.
                if let Some(close) =
                    self.title_quote_close(k).filter(|&close| close < end && t.word_is(close + 1, "that"))
                {
                    j = close + 1;
                }
            } else if in_list(&["the", "his", "her", "their", "a", "an"], lw) {
                j = k + 1;
                while j < end && j < k + 4 && t.is_word(j) && !t.is(j, BREAK_BIT) && !t.is(j, PRONOUNS_BIT) {
                    j += 1;
                }
            }
            if j > k {
                let next = self.skip_adverbials(j, end);
                // "told reporters, “...”": a comma hands over to the words
                // said only when a quotation or a clause follows it;
                // "referring to the party's convention, where ..." has its
                // object for content.
                let comma_hands_over = t.is_punct(next, ',')
                    && (!entry.phrase.contains(' ')
                        || t.toks.get(next + 1).is_some_and(|tok| tok.kind == Kind::Open)
                        || t.word_is(next + 1, "that"));
                let starts_content = next < end
                    && (matches!(t.toks[next].kind, Kind::Open | Kind::Punct(':'))
                        || comma_hands_over
                        || t.is_word(next)
                            && (in_list(
                                &["that", "to", "whether", "if", "how", "why", "what", "when", "who"],
                                t.lower(next),
                            ) || t.word_is(next, "not") && t.word_is(next + 1, "to")
                                || t.is(next, PRONOUNS_BIT)
                                || t.toks[next].cap));
                if starts_content {
                    k = next;
                }
            }
        }
        // "said, as he introduced his wife in Hudson, “Finally, ...”": a
        // clause set off by commas between the cue and the words said tells
        // when they were said.
        if t.is_punct(k, ',')
            && t.is_word(k + 1)
            && in_list(&["as", "when", "while", "after", "before"], t.lower(k + 1))
        {
            if let Some(close) = (k + 2..end.min(k + 20)).find(|&j| t.is_punct(j, ',')) {
                if t.toks.get(close + 1).is_some_and(|tok| tok.kind == Kind::Open) || t.word_is(close + 1, "that") {
                    k = close + 1;
                }
            }
        }
        while k < end && (t.is_punct(k, ',') || t.is_punct(k, ':')) {
            k += 1;
        }
        if k >= end || matches!(t.toks[k].kind, Kind::Punct('.') | Kind::Punct('?') | Kind::Punct('!')) {
            return None;
        }
        Some(k)
    }

    /// Skips "on Sunday", "last week", "in a statement", "in an interview
    /// with CNN" and the like.
    fn skip_adverbials(&self, mut k: usize, end: usize) -> usize {
        let t = self.t;
        loop {
            let start = k;
            if k < end && t.is_word(k) && time_word_at(t, k) {
                k += 1;
            } else if let Some(n) = self.discourse_adverbial(k, end) {
                // "said, on the other hand, that": the writer's link
                // between sentences, said by no one.
                k += n;
            } else if let Some(n) = self.discourse_adverbial_set_off(k, end) {
                // "told POLITICO, however, that she did chime in": the
                // same link set off by commas, which would otherwise end
                // the content before it began.
                k += n;
            } else if k + 1 < end
                && t.is_word(k)
                && in_list(&["on", "last", "this", "late", "early", "earlier", "next"], t.lower(k))
                && t.is_word(k + 1)
                && time_word_at(t, k + 1)
            {
                k += 2;
                while k < end && t.is_word(k) && (t.toks[k].cap || t.lower(k).chars().all(|c| c.is_ascii_digit())) {
                    k += 1;
                }
            } else if let Some(n) = (2..=3).find(|&n| {
                // "said in phone interview", "in TV remarks": a channel
                // without an article, right after "in".
                k + n < end
                    && t.word_is(k, "in")
                    && (k + 1..k + n).all(|j| t.is_word(j) && !t.is(j, DETERMINERS_BIT | BREAK_BIT))
                    && t.is_word(k + n)
                    && in_list(CHANNELS, t.lower(k + n))
            }) {
                k += n + 1;
            } else if k + 2 < end
                && t.word_is(k, "in")
                && in_list(&["a", "an", "his", "her", "their", "its", "the"], t.lower(k + 1))
            {
                // "in a statement", "in an interview with CNN", "in a
                // video released on state TV": up to the next comma or "that".
                let mut j = k + 2;
                let mut saw_doc = false;
                while j < end && j < k + 10 && t.is_word(j) && !t.word_is(j, "that") {
                    if self.lex.source_word(t.lower(j)).is_some_and(|w| w.kind == super::SourceType::Document)
                        || in_list(CHANNELS, t.lower(j))
                    {
                        saw_doc = true;
                    }
                    j += 1;
                }
                if !saw_doc {
                    return k;
                }
                k = j;
            } else if k + 1 < end
                && k > 0
                && t.is_word(k - 1)
                && in_list(CHANNELS, t.lower(k - 1))
                && t.is(k, MODIFIERS_BIT)
                && t.is_word(k + 1)
            {
                // "said in a statement posted on its website": the
                // participle describes the statement, up to the next comma.
                let mut j = k + 1;
                while j < end && j < k + 10 && t.is_word(j) && !t.word_is(j, "that") {
                    j += 1;
                }
                k = j;
            } else {
                // A comma before a time or "in" phrase, and an adverb before
                // "that" or a comma, are skipped one token at a time.
                let comma_before_adverbial = t.is_punct(k, ',')
                    && k + 1 < end
                    && t.is_word(k + 1)
                    && (time_word_at(t, k + 1)
                        || t.word_is(k + 1, "in")
                        || self.discourse_adverbial(k + 1, end).is_some());
                let adverb = k < end
                    && t.is_word(k)
                    && t.lower(k).ends_with("ly")
                    && !t.toks[k].cap
                    && k + 1 < end
                    && (t.word_is(k + 1, "that") || t.is_punct(k + 1, ','));
                if k < end && (comma_before_adverbial || adverb) {
                    k += 1;
                }
            }
            if k == start {
                return k;
            }
        }
    }

    /// How many words a linking phrase at `k` has: "on the other hand",
    /// "of course", "for example", "in turn".
    fn discourse_adverbial(&self, k: usize, end: usize) -> Option<usize> {
        let t = self.t;
        const PHRASES: &[&[&str]] = &[
            &["on", "the", "other", "hand"],
            &["of", "course"],
            &["for", "example"],
            &["for", "instance"],
            &["in", "turn"],
            &["in", "fact"],
            &["at", "the", "same", "time"],
        ];
        PHRASES
            .iter()
            .find(|p| k + p.len() <= end && p.iter().enumerate().all(|(i, w)| t.word_is(k + i, w)))
            .map(|p| p.len())
    }

    /// Where a listener named right after a cue of telling ends: "told
    /// reporters", "told Hugh Hewitt". `k` itself when the word there is
    /// neither an addressee nor a name.
    fn listener_end(&self, k: usize, end: usize) -> usize {
        let t = self.t;
        if t.is_word(k) && in_list(ADDRESSEES, t.lower(k)) {
            return k + 1;
        }
        let mut j = k;
        while j < end && t.is_word(j) && t.toks[j].cap && j < k + 5 {
            j += 1;
        }
        j
    }

    /// The length of a discourse adverbial set off by commas at `k`
    /// (", however,", ", of course,"), both commas included.
    fn discourse_adverbial_set_off(&self, k: usize, end: usize) -> Option<usize> {
        let t = self.t;
        if !t.is_punct(k, ',') || !t.is_word(k + 1) {
            return None;
        }
        let n = match self.discourse_adverbial(k + 1, end) {
            Some(n) => n,
            None if in_list(SENTENCE_ADVERBS, t.lower(k + 1))
                || in_list(
                    &[
                        "though",
                        "too",
                        "also",
                        "moreover",
                        "furthermore",
                        "indeed",
                        "again",
                        "therefore",
                        "later",
                        "then",
                        "still",
                    ],
                    t.lower(k + 1),
                ) =>
            {
                1
            }
            None => return None,
        };
        (k + n + 1 < end && t.is_punct(k + n + 1, ',')).then_some(n + 2)
    }

    /// The end of a content clause: the end of the sentence, or a comma
    /// that hands over to another attribution (", according to", ",
    /// saying", ", Peskov said.").
    fn content_end(&self, start: usize, end: usize) -> usize {
        let t = self.t;
        let mut k = start;
        let mut depth = 0i32;
        // Whether the content has a verb of its own yet: a that-clause or a
        // quotation has, an object or an infinitive has not.
        let mut predicate = start >= t.toks.len()
            || t.word_is(start, "that")
            || self.that_before(start).is_some()
            || t.toks[start].kind == Kind::Open;
        while k < end {
            // ("a nation that borders China and has had friendly
            // relations": a relative clause has a verb whatever its form.)
            predicate = predicate
                || t.is_word(k)
                    && (is_finite_auxiliary(t.lower(k)) || is_verb_form(t.lower(k)) || t.is_relative_pronoun(k));
            match t.toks[k].kind {
                Kind::Open => depth += 1,
                Kind::Close => {
                    depth -= 1;
                    // `calling it a “question for the future,” the report
                    // said`: the comma sits inside the quotation.
                    if depth <= 0 && k > start && t.is_punct(k - 1, ',') && self.hands_over(k + 1, end) {
                        k += 1;
                        break;
                    }
                }
                Kind::Punct(',') | Kind::Punct('\u{2014}') | Kind::Punct(';')
                    if depth <= 0 && self.hands_over(k + 1, end) =>
                {
                    break;
                }
                // A semicolon, or a comma before "but" or "while", starts
                // the writer's next clause.
                Kind::Punct(';') if depth <= 0 => break,
                // ("..., but that he would not support mass deportation" is
                // a second that-clause of the same cue, and goes on; "...,
                // but that wasn't the case" is the writer's. So does "not
                // just a failure, but a catastrophe": see `but_goes_on`.)
                Kind::Punct(',')
                    if depth <= 0
                        && t.is_word(k + 1)
                        && matches!(t.lower(k + 1), "but" | "while" | "although" | "though" | "whereas")
                        && !self.opens_that_clause(k + 2)
                        && !self.but_goes_on(k + 1) =>
                {
                    break;
                }
                // "decided not to enter the race, and she performed well in
                // the first debate": a comma and "and" before a subject
                // with a verb of its own join the writer's next clause.
                Kind::Punct(',')
                    if depth <= 0 && k > start + 1 && t.word_is(k + 1, "and") && self.clause_at(k + 2, end) =>
                {
                    break;
                }
                // "42% say they're liberal, 32% call themselves
                // conservative": another share of those polled with its
                // own verb of saying.
                Kind::Punct(',')
                    if depth <= 0
                        && k > start
                        && t.is_word(k + 1)
                        && t.lower(k + 1).starts_with(|ch: char| ch.is_ascii_digit())
                        && {
                            let mut j = k + 2;
                            if t.word_is(j, "percent") {
                                j += 1;
                            }
                            self.is_cue_word(j)
                        } =>
                {
                    break;
                }
                // "..., which stood at 263 entering Tuesday's primary": a
                // relative clause after a comma that closes the sentence,
                // out of quotation, is the writer's aside on what was said.
                // (A participle there, ", surpassing Obama's record", is as
                // often the source's own, and stays.)
                Kind::Punct(',')
                    if depth <= 0
                        && k > start
                        && t.is_word(k + 1)
                        && !t.toks[k + 1].cap
                        && matches!(t.lower(k + 1), "which" | "who" | "whose")
                        && self.closes_before_quote(k + 1, end)
                        && !(k + 1..end).any(|j| t.is_punct(j, ',')) =>
                {
                    break;
                }
                // "is promising a big spectacle, leaving Cleveland excited",
                // "reaffirmed their opposition, underscoring party
                // divisions": a participle set off at the end is the
                // writer's comment on what was said, not more of it.
                Kind::Punct(',')
                    if depth <= 0
                        && k > start + 2
                        && !(t.is_word(k - 1) && in_list(&["that", "and", "but", "or"], t.lower(k - 1)))
                        && t.is_word(k + 1)
                        && !t.toks[k + 1].cap
                        && t.lower(k + 1).ends_with("ing")
                        && t.lower(k + 1).len() > 5
                        && !in_list(
                            &["including", "according", "regarding", "during", "concerning"],
                            t.lower(k + 1),
                        )
                        && self.closes_before_quote(k + 1, end) =>
                {
                    break;
                }
                // "said she respects him but argues that ...", "and added":
                // the subject's next verb of speech is an attribution of its
                // own, not part of this content.
                Kind::Word
                    if depth <= 0
                        && k > start
                        && matches!(t.lower(k), "and" | "but")
                        && self.coordinated_cue(k + 1, end) =>
                {
                    break;
                }
                // "praised Clinton's ties to super PACs and has called for
                // ...", "called her “third-rate” and boycotted one of the
                // debates": after an object, a finite verb joined by "and"
                // is the subject's next deed, not more of what was said. (A
                // content with a verb of its own goes on: "said the
                // campaign will compete and will win".)
                Kind::Word if depth <= 0 && k > start && !predicate && t.lower(k) == "and" && self.next_deed(k + 1) => {
                    break;
                }
                _ => {}
            }
            k += 1;
        }
        // Leave out the sentence's final stop.
        while k > start
            && matches!(
                t.toks[k - 1].kind,
                Kind::Punct('.') | Kind::Punct(',') | Kind::Punct(';') | Kind::Punct('\u{2014}')
            )
        {
            k -= 1;
        }
        k
    }

    /// Does the "but" at `k` go on with what was said rather than open the
    /// writer's next clause? "not only the nomination, but also the general
    /// election", "do not plan to elevate him, but rather use Cruz", "an
    /// exception for the life of the mother, but not for rape": a word that
    /// completes a contrast inside the content follows it. Where our
    /// contents stopped at such a "but" on PolNeAR's train split, the
    /// annotators' content went on in 14 of 15; past ", but" followed by
    /// anything else, in 47 of 159.
    fn but_goes_on(&self, k: usize) -> bool {
        let t = self.t;
        // ("but not only did he ..." inverts a clause of the writer's own;
        // "but also that he seems ..." is a second clause with a cue in it,
        // which keeps its own attribution.)
        t.word_is(k, "but")
            && t.is_word(k + 1)
            && matches!(t.lower(k + 1), "also" | "rather" | "not" | "instead")
            && !(t.is_word(k + 2) && matches!(t.lower(k + 2), "only" | "that"))
    }

    /// Does token `k` open a predicate of its own: a finite auxiliary
    /// ("has called", "was acquitted"), a verb form that is no noun
    /// ("says", "took"), or a past tense in -ed with its object or
    /// complement right after it ("boycotted one", "tried to")? An -ed word
    /// alone may be an adjective ("new and improved").
    fn next_deed(&self, k: usize) -> bool {
        let t = self.t;
        if !t.is_word(k) || t.toks[k].cap {
            return false;
        }
        let w = t.lower(k);
        if is_finite_auxiliary(w) || !w.ends_with("ed") && is_verb_form(w) {
            return true;
        }
        w.ends_with("ed")
            && t.is_word(k + 1)
            && matches!(
                t.lower(k + 1),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "it"
                    | "him"
                    | "them"
                    | "to"
                    | "for"
                    | "on"
                    | "that"
                    | "with"
                    | "out"
                    | "up"
            )
    }

    /// The first comma after `start` and before `end` that stands outside
    /// quotation with a word after it, where a clause that opened the
    /// sentence or set off its source hands back to the main clause; `end`
    /// when there is none.
    fn first_comma_out_of_quotation(&self, start: usize, end: usize) -> usize {
        let t = self.t;
        let mut depth = 0i32;
        for k in start..end {
            match t.toks[k].kind {
                Kind::Open => depth += 1,
                // `said he would "protect our LGBTQ citizens," the crowd
                // applauded`: the comma sits inside the quotation.
                Kind::Close => {
                    depth -= 1;
                    if depth <= 0 && k > start + 1 && t.is_punct(k - 1, ',') && t.is_word(k + 1) {
                        return k + 1;
                    }
                }
                Kind::Punct(',') if depth <= 0 && k > start && t.is_word(k + 1) => return k,
                _ => {}
            }
        }
        end
    }

    /// Does a clause with its own subject and verb start at `k`: "she
    /// performed", "his campaign did not respond", "Illinois's Mark Kirk
    /// withdrew"?
    fn clause_at(&self, k: usize, end: usize) -> bool {
        let t = self.t;
        if !t.is_word(k) {
            return false;
        }
        let finite = |j: usize| {
            j < end && t.is_word(j) && !t.toks[j].cap && (is_finite_auxiliary(t.lower(j)) || is_verb_form(t.lower(j)))
        };
        if matches!(t.lower(k), "he" | "she" | "they" | "we" | "i") {
            return true;
        }
        if !(t.toks[k].cap || t.is(k, DETERMINERS_BIT) || is_possessive(t.lower(k))) || t.word_is(k, "that") {
            return false;
        }
        (k + 1..(k + 5).min(end)).take_while(|&j| t.is_word(j)).any(|j| finite(j) && (k..j).all(|i| !finite(i)))
    }

    /// Does a "that" at `k` open a clause ("but that he would not"), not
    /// stand as its subject ("but that wasn't the case")?
    fn opens_that_clause(&self, k: usize) -> bool {
        let t = self.t;
        t.word_is(k, "that") && t.is_word(k + 1) && !t.is(k + 1, AUXILIARIES_BIT) && !t.lower(k + 1).ends_with("n't")
    }

    /// Does the sentence run from `k` to its end with no quotation in it?
    fn closes_before_quote(&self, k: usize, end: usize) -> bool {
        let t = self.t;
        (k..end).all(|j| t.toks[j].kind != Kind::Open && t.toks[j].kind != Kind::Close)
    }

    /// Does another attribution start at `k`: a participle cue, "according
    /// to", "citing", or a subject and cue that close the sentence?
    fn hands_over(&self, k: usize, end: usize) -> bool {
        let t = self.t;
        if !t.is_word(k) {
            return false;
        }
        if t.is(k, PARTICIPLES_BIT) {
            return true;
        }
        // ", Peskov said." / ", the report said." / ", said Peskov."
        let mut j = k;
        while j < end && j < k + 8 && t.is_word(j) && !self.is_cue_word(j) {
            j += 1;
        }
        while j < end && t.is_word(j) && t.is(j, AUXILIARIES_BIT) {
            j += 1;
        }
        if j < end
            && self.is_cue_word(j)
            && self.lex.cue_forms.get(t.lower(j)).is_some_and(|f| {
                f.iter().any(|(_, id)| {
                    let e = self.lex.cue(*id);
                    e.strong || matches!(e.class, CueClass::Speech | CueClass::Evidence)
                })
            })
        {
            let tail = self.skip_adverbials(j + 1, end);
            let tail = if j == k {
                self.right_np(j + 1, end, false).map_or(tail, |n| self.skip_adverbials(n.1, end))
            } else {
                tail
            };
            return self.closes_at(tail, end);
        }
        false
    }

    /// A cue verb right after "and" or "but", past "also" and the like.
    fn coordinated_cue(&self, mut k: usize, end: usize) -> bool {
        let t = self.t;
        while k < end && t.is_word(k) && matches!(t.lower(k), "also" | "then" | "later") {
            k += 1;
        }
        if k < end && self.is_cue_word(k) && is_verb_form(t.lower(k)) {
            return true;
        }
        // "he respects Clinton and calls her “an extremely intelligent
        // woman”", "and warns that ...": a present-tense verb of saying
        // with its object or clause after it. (Before anything else an
        // -s word after "and" is as often a plural noun: "polls and
        // reports".)
        if k + 1 < end && self.own_verb_of_saying(k) {
            let next = k + 1;
            let object = t.toks[next].kind == Kind::Open
                || t.is_word(next)
                    && (t.toks[next].cap
                        || t.is(next, PRONOUNS_BIT | DETERMINERS_BIT)
                        || in_list(&["that", "him", "her", "them", "it"], t.lower(next)));
            if object {
                return true;
            }
        }
        // "Ted Cruz accuses Obama of “leading from behind” and Donald
        // Trump says he's “losing the war”": a name and its own verb of
        // saying after "and" open another attribution. (Not after a name
        // or a pronoun: "said Obama and Biden believe", "that he and Cruz
        // shared" join two subjects.)
        let after_name = k >= 2 && t.is_word(k - 2) && (t.toks[k - 2].cap || t.is(k - 2, PRONOUNS_BIT));
        if !after_name && k < end && t.is_word(k) && t.toks[k].cap && !t.is(k, PRONOUNS_BIT | DETERMINERS_BIT) {
            let mut j = k;
            while j < end && j < k + 3 && t.is_word(j) && t.toks[j].cap {
                j += 1;
            }
            if j < end && self.own_verb_of_saying(j) {
                return true;
            }
        }
        // "..., and he railed against the moderators", "and he, once
        // again, pledged a revolution": a clause of its own, with a
        // pronoun for its subject and a verb of saying for its verb, is
        // another attribution.
        if !(k < end && t.is_word(k) && in_list(&["he", "she", "they", "we", "i"], t.lower(k))) {
            return false;
        }
        k += 1;
        let lead = k;
        while k < end
            && k < lead + 5
            && (t.is_punct(k, ',')
                || t.is_word(k)
                    && (in_list(&["once", "again", "also", "then", "later", "even", "still", "too"], t.lower(k))
                        || is_ly_adverb(t.lower(k))
                        || is_finite_auxiliary(t.lower(k)) && !self.is_cue_word(k)))
        {
            k += 1;
        }
        k < end && self.is_cue_word(k) && (is_verb_form(t.lower(k)) || t.lower(k).ends_with('s'))
    }

    /// Is token `k` a one-word verb of saying in a finite form, past or
    /// present ("calls", "says", "warned"), not an auxiliary that only
    /// opens longer cues ("is expected to") nor a plural noun in -ss?
    fn own_verb_of_saying(&self, k: usize) -> bool {
        let t = self.t;
        let w = t.lower(k);
        self.is_cue_word(k)
            && !t.is(k, AUXILIARIES_BIT)
            && self.cue_form_at(k).is_some()
            && (is_verb_form(w) || w.ends_with('s') && !w.ends_with("ss"))
    }

    fn is_cue_word(&self, k: usize) -> bool {
        let t = self.t;
        t.is_word(k)
            && !t.toks[k].cap
            && t.is(k, CUE_BIT)
            && !(k > 0 && t.is_word(k - 1) && (t.is(k - 1, NOUN_MARKERS_BIT) || is_genitive(t.lower(k - 1))))
    }

    /// The closing mark of the quotation that opens at `j` when it quotes a
    /// title ("Morning Joe", "Face the Nation"): a few words, each
    /// capitalised or a short function word.
    fn title_quote_close(&self, j: usize) -> Option<usize> {
        let t = self.t;
        let quote = t.quotes[t.quote_opening_at(j)?];
        let title = quote.words <= 6
            && (quote.open + 1..quote.close)
                .all(|i| !t.is_word(i) || t.toks[i].cap || in_list(&["the", "of", "a", "and", "in", "on"], t.lower(i)));
        title.then_some(quote.close)
    }

    /// "..., Trump said at a rally in Des Moines, Iowa.", "..., he told
    /// reporters outside the courthouse.": a phrase of place or occasion
    /// that runs to the end of the sentence tells where the words were
    /// said, and is no content of their own. It has no "that", no
    /// quotation and no other cue in it, so nothing said follows.
    fn closing_place(&self, k: usize, end: usize) -> bool {
        let t = self.t;
        // The phrase names a place, an occasion or a time: "at a rally",
        // "to reporters", "in Paris", "on Facebook Friday"; not "at least"
        // or "to impose", which go on with the sentence.
        let named = |j: usize| {
            t.is_word(j)
                && (t.toks[j].cap
                    || t.is(j, DETERMINERS_BIT)
                    || time_word_at(t, j)
                    || in_list(&["his", "her", "their", "its", "our", "reporters", "supporters"], t.lower(j)))
        };
        // "said in posing the question to Christie": the occasion as a
        // gerund.
        let gerund = t.word_is(k, "in") && t.is_word(k + 1) && t.lower(k + 1).ends_with("ing");
        if !(t.is_word(k)
            && in_list(&["at", "in", "on", "during", "to", "from", "outside", "inside", "near", "aboard"], t.lower(k))
            && (named(k + 1) || gerund || k + 1 < end && t.toks[k + 1].kind == Kind::Open))
        {
            return false;
        }
        let mut j = k + 1;
        while j < end && j < k + 20 {
            if self.closes_at(j, end) {
                return j > k + 1;
            }
            // "on MSNBC's “Morning Joe.”": a quoted title is a name, not
            // words said.
            if t.toks[j].kind == Kind::Open {
                match self.title_quote_close(j) {
                    Some(close) if close < end => {
                        j = close;
                        continue;
                    }
                    _ => return false,
                }
            }
            let word = t.is_word(j) && !t.word_is(j, "that") && (!self.is_cue_word(j) || t.is(j, NP_PREPOSITIONS_BIT));
            // "in Des Moines, Iowa": a comma only between places, or before
            // another phrase of place or occasion ("in an interview
            // Thursday, in the latest escalation of words").
            let place_comma = t.is_punct(j, ',') && t.is_word(j + 1) && t.toks[j + 1].cap;
            if t.is_punct(j, ',') && !place_comma && j > k + 1 {
                return self.closing_place(j + 1, end);
            }
            if !(word || place_comma) {
                return false;
            }
            j += 1;
        }
        self.closes_at(j, end) && j > k + 1
    }

    /// Does the sentence end at `tail`, or hand over to a participle or
    /// "according to" there?
    fn closes_at(&self, tail: usize, end: usize) -> bool {
        let t = self.t;
        tail >= end
            || matches!(
                t.toks[tail].kind,
                Kind::Punct('.') | Kind::Punct('!') | Kind::Punct('?') | Kind::Punct(';') | Kind::Close
            )
            || (t.is_punct(tail, ',') && t.is_word(tail + 1) && t.is(tail + 1, PARTICIPLES_BIT))
            // "..., he said, not finishing his joke.": what the speaker
            // left undone while saying it. (A bare participle there, ",
            // including speeches", is as often more of what was said.)
            || (t.is_punct(tail, ',')
                && t.is_word(tail + 1)
                && matches!(t.lower(tail + 1), "not" | "never")
                && t.is_word(tail + 2)
                && t.lower(tail + 2).ends_with("ing"))
    }

    /// Splits a content token range into byte ranges, and says how much of
    /// it is quotation.
    fn content_spans(&self, start: usize, end: usize) -> (Vec<(usize, usize)>, Quoted) {
        let t = self.t;
        // Content that opens a quotation runs to its close, past the
        // sentence stops inside it: `He said, "I am proud. I am proud."`
        let end = match t.quote_opening_at(start) {
            Some(q) if t.quotes[q].close >= end => t.quotes[q].close + 1,
            _ => end,
        };
        // So does a quotation that opens inside the content and is still
        // open where the sentence stops: `said Carson is "losing strength.
        // Some of his support is moving to Cruz," and ...`.
        let end = (start..end)
            .filter(|&k| t.toks[k].kind == Kind::Open)
            .filter_map(|k| t.quote_opening_at(k))
            .map(|q| t.quotes[q].close + 1)
            .fold(end, usize::max);
        // "said that he would run": the content span takes the "that" that
        // opens its clause, as PolNeAR's annotators mark it in 2,371 of
        // 2,375 such attributions on the train split; how much of it is
        // quotation is counted without it.
        let opener = self.that_before(start);
        let a = t.toks[opener.unwrap_or(start)].start;
        let b = t.toks[end - 1].end;
        let mut quoted_words = 0;
        let mut words = 0;
        for k in start..end {
            if t.toks[k].kind == Kind::Word {
                words += 1;
                if t.in_quote[k].is_some() {
                    quoted_words += 1;
                }
            }
        }
        let quoted = if words > 0 && quoted_words == words {
            Quoted::All
        } else if quoted_words > 0 {
            Quoted::Part
        } else {
            Quoted::None
        };
        (vec![(a, b)], quoted)
    }

    /// Does a bare complement read as a clause: "they think the progress on
    /// climate change is real"? A finite auxiliary or copula within its
    /// first words says so.
    fn looks_like_clause(&self, start: usize, end: usize) -> bool {
        let t = self.t;
        let mut k = start;
        while k < end.min(start + 10) {
            if t.is_word(k) {
                let w = t.lower(k);
                let finite = in_list(
                    &[
                        "is", "are", "was", "were", "will", "would", "can", "could", "should", "has", "have", "had",
                        "does", "did", "do", "may", "might", "must", "isn't", "aren't", "wasn't", "won't", "can't",
                        "doesn't", "didn't", "don't", "'s", "'re", "'ll", "'d", "'ve", "'m",
                    ],
                    w,
                ) || w.ends_with("'s") && k > start && is_a(PRONOUNS_BIT, trim_suffix(w, "'s"));
                if finite && k > start {
                    return true;
                }
                // "it's good", "they're wrong", "we'll win": a pronoun with a
                // contracted verb is a subject and its verb in one word,
                // wherever it stands.
                if matches!(w.split_once('\''), Some((p, v)) if is_a(PRONOUNS_BIT, p) && matches!(v, "s" | "re" | "ll" | "d" | "ve" | "m"))
                {
                    return true;
                }
            } else if !matches!(t.toks[k].kind, Kind::Punct('-') | Kind::Open | Kind::Close) {
                return false;
            }
            k += 1;
        }
        false
    }

    /// The first token of a sentence, or the opening mark of a quotation
    /// that began in an earlier sentence and runs into this one.
    fn sentence_start(&self, first: usize) -> usize {
        let t = self.t;
        match t.in_quote[first] {
            Some(q) if t.quotes[q as usize].open < first => t.quotes[q as usize].open,
            _ => first,
        }
    }

    /// The first token of the paragraph of token `i`. Tokens are in text
    /// order, so their paragraph numbers never decrease and a binary search
    /// finds it; walking back token by token made one long paragraph (a
    /// 10 MB pasted line) take time quadratic in its length.
    fn paragraph_first(&self, i: usize) -> usize {
        let t = self.t;
        let para = t.toks[i].para;
        t.toks[..=i].partition_point(|tok| tok.para < para)
    }

    /// "said George Bruno, a former Democratic Party chairman in New
    /// Hampshire.": an appositive that runs to the end of the sentence
    /// belongs to the source that follows the cue.
    fn with_trailing_appositive(&self, src: (usize, usize), end: usize) -> (usize, usize) {
        let t = self.t;
        // A relative clause runs to the end of the sentence.
        let to_end = |from: usize| {
            let mut e = end;
            while e > from && !t.is_word(e - 1) {
                e -= 1;
            }
            (src.0, e)
        };
        // "said one former executive who requested anonymity".
        if t.word_is(src.1, "who") {
            return to_end(src.1);
        }
        if !t.is_punct(src.1, ',') {
            return src;
        }
        // "said Ed Rendell, who serves as chairman of the committee". (In
        // "And Trump, said Sunshine, who remains friendly with her former
        // boss, doesn't forgive", the clause ends where a verb takes the
        // sentence up again.)
        if t.word_is(src.1 + 1, "who") {
            let resumes = (src.1 + 2..end.min(src.1 + 20)).find(|&k| {
                t.is_punct(k, ',')
                    && t.is_word(k + 1)
                    && !t.toks[k + 1].cap
                    && (is_finite_auxiliary(t.lower(k + 1)) || t.lower(k + 1).ends_with("n't"))
            });
            return resumes.map_or_else(|| to_end(src.1 + 1), |k| (src.0, k));
        }
        // "said Susan Crawford, then Maples's literary agent": a word that
        // dates the appositive opens it.
        let mut from = src.1 + 1;
        if t.is_word(from) && matches!(t.lower(from), "then" | "now" | "formerly" | "currently" | "once") {
            from += 1;
        }
        // "says Gloria Garcia, 34, a nurse from Brownsville": an age set off
        // by commas comes before the appositive.
        if t.is_word(from) && t.lower(from).bytes().all(|b| b.is_ascii_digit()) && t.is_punct(from + 1, ',') {
            from += 2;
        }
        let relative = |k: usize| t.is_word(k) && matches!(t.lower(k), "who" | "whose");
        // "says Myra Gutin, a first lady historian and professor of
        // communications at Rider University in Lawrenceville, N.J.": an
        // appositive that opens with an article and runs to the end of the
        // sentence with no quotation and no other cue in it is all about
        // the speaker, whatever its commas.
        let to_the_end = || {
            t.is_word(from)
                && matches!(t.lower(from), "a" | "an" | "the")
                && !(from..end).any(|k| {
                    // Prepositions that start a cue phrase ("in a
                    // statement", "as reported by") are no cue here.
                    // So is the first word of a cue form that the words
                    // after it do not complete ("the tax was introduced").
                    let cue = t.is(k, CUE_BIT)
                        && !t.is(k, NP_PREPOSITIONS_BIT)
                        && !in_list(&["of", "at", "in", "as", "to"], t.lower(k))
                        && self.cue_form_at(k).is_some();
                    matches!(t.toks[k].kind, Kind::Open | Kind::Close) || cue
                })
        };
        let fallback = |src: (usize, usize)| if to_the_end() { to_end(from) } else { src };
        let appositive = self.right_np(from, end, true);
        let names_end = appositive.and_then(|(_, b)| self.names_close(b, end));
        match appositive {
            // "... carrier who lined up to hear Mr. Trump", "a graduate
            // whose career began here", and after a comma: "a professor at
            // M.I.T., who is one of ...".
            Some((_, b)) if relative(b) || t.is_punct(b, ',') && relative(b + 1) => to_end(b),
            Some((_, b)) if self.closes_at(b, end) && !t.is_punct(b, ',') => (src.0, b),
            // "said the bureau's director, James B. Comey, on Monday."
            Some((_, b)) if t.is_punct(b, ',') && self.closes_at(self.skip_adverbials(b + 1, end), end) => (src.0, b),
            // "said Stephanie Formas, Clinton's communications director,
            // “and we've been ...”": the quotation goes on after it.
            Some((_, b)) if t.is_punct(b, ',') && t.toks.get(b + 1).is_some_and(|tok| tok.kind == Kind::Open) => {
                (src.0, b)
            }
            // "said Paloma Wu, legal director for the state ACLU, which
            // filed the challenge": the relative clause is about the body
            // the appositive names, not the speaker.
            Some((_, b)) if t.is_punct(b, ',') && t.is_word(b + 1) && matches!(t.lower(b + 1), "which" | "where") => {
                (src.0, b)
            }
            // "said Mindy Romero, director of the project at the University
            // of California, Davis, Center for Regional Change.": names set
            // off by commas after an institution's are part of it.
            Some((_, b))
                if names_end.is_some()
                    && !(from..b).any(|k| {
                        // A verb of saying, as in "referring to Clinton's
                        // successor", makes it a clause; "the project" is
                        // a noun.
                        t.is(k, CUE_BIT)
                            && !t.toks[k].cap
                            && !(k > from && t.is(k - 1, NOUN_MARKERS_BIT))
                            && self.cue_form_at(k).is_some()
                    }) =>
            {
                (src.0, names_end.unwrap_or(b))
            }
            // "said Roger C. Altman, founder of Evercore Partners, a
            // publicly traded boutique.": an appositive to the appositive.
            Some((_, b)) if t.is_punct(b, ',') && t.is_word(b + 1) && matches!(t.lower(b + 1), "a" | "an" | "the") => {
                match self.right_np(b + 1, end, true) {
                    Some((_, c)) if self.closes_at(c, end) && !t.is_punct(c, ',') => (src.0, c),
                    _ => fallback(src),
                }
            }
            _ => fallback(src),
        }
    }

    /// Where the sentence closes after one to three capitalised names, each
    /// set off by a comma from `k` on (", Davis, Center for Regional
    /// Change."), if it does.
    fn names_close(&self, mut k: usize, end: usize) -> Option<usize> {
        let t = self.t;
        for _ in 0..3 {
            if !(t.is_punct(k, ',') && t.is_word(k + 1) && t.toks[k + 1].cap) {
                return None;
            }
            let mut j = k + 1;
            while j < end
                && t.is_word(j)
                && (t.toks[j].cap || j > k + 1 && in_list(&["of", "for", "and", "on", "the"], t.lower(j)))
                && !t.is(j, PRONOUNS_BIT | CUE_BIT)
            {
                j += 1;
            }
            if self.closes_at(j, end) && !t.is_punct(j, ',') {
                return Some(j);
            }
            k = j;
        }
        None
    }

    /// Where a subject of several coordinated phrases starts: "Clinton's
    /// team and her Democratic allies", "Both Blocher and the SVP". The
    /// phrase before the conjunction must open its clause, so that "He won
    /// and his opponents said" stays two clauses. ("Neither Mr. Trump nor
    /// his opponents said" names no one who spoke, and is left as it is.)
    /// `a` itself when there is none.
    fn coordinated_start(&self, a: usize, limit: usize) -> usize {
        let t = self.t;
        if !(a > limit + 1 && t.is_word(a - 1) && matches!(t.lower(a - 1), "and" | "or")) {
            return a;
        }
        let Some((x, _)) = self.left_np(a - 1, limit) else { return a };
        let x = if x > limit && t.is_word(x - 1) && matches!(t.lower(x - 1), "both" | "either") { x - 1 } else { x };
        // "But Mr. Autor and his colleagues found": a conjunction may open
        // the clause before the first phrase.
        let opens = self.opens_clause(x, limit);
        if opens && (x..a - 1).all(|k| !t.is_word(k) || !is_verb_form(t.lower(k)) && !t.is(k, CUE_BIT)) {
            x
        } else {
            a
        }
    }

    /// The phrase a relative "who" at token `who` stands for.
    fn antecedent_of(&self, who: usize) -> Option<(usize, usize)> {
        let t = self.t;
        let limit = t.sentence_of(who).first;
        let mut k = who;
        if k > limit && t.is_punct(k - 1, ',') {
            k -= 1;
        }
        self.left_np(k, limit).filter(|&(a, b)| !(b == a + 1 && t.word_is(a, "who")))
    }

    /// The subject of a cue that starts at `aux`: the noun phrase right
    /// before it, a name with a long appositive ("Parker Eaton, a
    /// Republican who voted for Bill Clinton, said"), or the subject of a
    /// coordinated verb ("The judge rubbed his chin, and then said").
    fn subject_before(&self, aux: usize, limit: usize) -> Option<(usize, usize)> {
        let t = self.t;
        // "Sen. Jack Reed (D-R.I.), said": a stray comma after the party
        // and state sets nothing off.
        if aux > limit + 3
            && t.is_punct(aux - 1, ',')
            && t.is_punct(aux - 2, ')')
            && !(limit..aux - 1).any(|k| t.is_punct(k, ','))
        {
            if let Some(found) = self.subject_before(aux - 1, limit) {
                return Some(found);
            }
        }
        // "Ryan, the top Republican, on Tuesday said": a time between the
        // comma that closes an aside and the cue belongs to neither; the
        // subject is read as if the cue followed the comma. (Without it the
        // day was taken for the speaker.)
        if let Some(k) = self.time_adverbial_start(aux, limit) {
            if k > limit + 2 && t.is_punct(k - 1, ',') {
                return self.subject_before(k, limit);
            }
        }
        if let Some(found) = self.modified_subject(aux, limit) {
            return Some(found);
        }
        if let Some(found) = self.relative_subject(aux, limit) {
            return Some(found);
        }
        let np = self
            .left_np(self.subject_end(aux, limit), limit)
            .map(|(a, b)| (self.reach_back(a, b, limit), b))
            .map(|(a, b)| (self.coordinated_start(a, limit), b));
        // "Surety companies that had insured Patriot's obligations agreed":
        // the phrase before the cue is the object of a relative clause, and
        // the subject is the noun phrase the clause belongs to.
        let np = np.map(|(a, b)| {
            let relative_object = a >= limit + 4
                && t.is_word(a - 1)
                && !t.toks[a - 1].cap
                && t.is_word(a - 2)
                && is_finite_auxiliary(t.lower(a - 2))
                && matches!(t.lower(a - 3), "that" | "who" | "which");
            match relative_object.then(|| self.left_np(a - 3, limit)).flatten() {
                Some((x, _)) if self.np_is_source(x, a - 3) => (x, b),
                _ => (a, b),
            }
        });
        if let Some((a, b)) = np {
            if let Some(name) = self.name_before_appositive(a, limit, false) {
                return Some((name, b));
            }
            if self.np_is_source(a, b) {
                return Some((a, b));
            }
        }
        // "Humphrey, who calls Trump a “sociopath,” said": the comma that
        // closes the aside may sit inside a closing quotation mark.
        // Only a quotation inside the aside: in `"Thanks, Clarkston, for
        // welcoming them," said the host` the quotation is the content,
        // and "Clarkston" in it no speaker.
        let quoted_close = aux > limit + 3
            && t.toks[aux - 1].kind == Kind::Close
            && t.is_punct(aux - 2, ',')
            && t.quote_closing_at(aux - 1).is_none_or(|q| t.quotes[q].open > limit);
        if aux > limit + 2 && (t.is_punct(aux - 1, ',') || t.is_punct(aux - 1, '\u{2014}') || quoted_close) {
            // "Jason Sims — a teacher from Mount Pleasant — says": dashes
            // set off an appositive as commas do.
            let close = if quoted_close { aux - 2 } else { aux - 1 };
            let mark = t.toks[close].kind;
            // Try the earlier marks in turn: "Clinton, during a town hall
            // meeting in Columbus, Ohio, said" has a comma inside the aside.
            let mut tried = 0;
            let mut j = close;
            while j > limit && close - j < 40 && tried < 3 {
                j -= 1;
                // A period before a comma ends an abbreviation ("R-Ky.,"),
                // not the clause.
                let abbreviation = t.toks[j].kind == Kind::Punct('.') && t.is_punct(j + 1, ',');
                if matches!(t.toks[j].kind, Kind::Punct('.') | Kind::Punct(';')) && !abbreviation {
                    break;
                }
                if t.toks[j].kind != mark {
                    continue;
                }
                // "Some accusations ..., are difficult to prove, while
                // others aren't meaningful, said Grant Green": an aside
                // that opens with a finite verb is the sentence's own
                // predicate, and the phrase before it no speaker. So is
                // one with a finite verb and nothing to subordinate it:
                // "Salah Abu-Laban and his wife, son Ghassan and ... had
                // been traveling together, wrote his nephew".
                let finite = |k: usize| t.is_word(k) && is_finite_auxiliary(t.lower(k));
                let subordinated = (j + 1..close).any(|k| {
                    let w = t.lower(k);
                    t.is_word(k)
                        && !t.toks[k].cap
                        && (w.starts_with("who")
                            || matches!(w, "which" | "that" | "where" | "how" | "what" | "why")
                            || is_subordinator(w))
                });
                if finite(j + 1) || !subordinated && (j + 1..close).any(finite) {
                    continue;
                }
                tried += 1;
                // "the lead negotiator, Anna Kovacs, told": a title the
                // lexicon does not know, set off before a name, opens the
                // subject too.
                // "Six Gannett newspapers in New Jersey, including the Asbury
                // Park Press, said": the phrase before the aside reaches back
                // over its prepositions as a plain subject does.
                // "about two-thirds, 67 percent, say": a share of those
                // polled with its figure set off after it.
                let quantity = |x: usize, y: usize| {
                    (x..y).any(|k| {
                        let w = t.lower(k);
                        t.is_word(k) && (is_quantity(w) || is_quantity(w.rsplit('-').next().unwrap_or(w)))
                    })
                };
                let Some((a, _)) =
                    self.left_np(j, limit).map(|(x, y)| (self.reach_back(x, y, limit), y)).filter(|&(x, y)| {
                        self.np_is_clear_source(x, y)
                            || (j + 1 < close
                                && self.np_is_determined_noun(x, y)
                                && self.np_is_clear_source(j + 1, close))
                            || (j + 1 < close
                                && close <= j + 4
                                && quantity(x, y)
                                && quantity(j + 1, close)
                                && (j + 1..close).all(|k| t.is_word(k)))
                    })
                else {
                    continue;
                };
                // "Joseph R. Biden Jr., who was to travel to Columbus, Ohio,
                // on Wednesday to promote the rules, said": a phrase set off
                // inside a relative clause that opened earlier is a place
                // or an object of that clause, not the speaker.
                if a > limit + 2
                    && t.is_punct(a - 1, ',')
                    && (limit + 2..a).any(|k| t.is_punct(k - 1, ',') && t.is_who(k))
                {
                    continue;
                }
                // "Cecelia Purner, 67, a retired customer service
                // representative in Allentown, Pa., said".
                let mut a = self.name_before_appositive(a, limit, true).unwrap_or(a);
                // "Just over a quarter, 26 percent, say": the words that
                // round a share belong to it.
                while a > limit && quantity(a, j) && t.is_word(a - 1) && is_rounding(t.lower(a - 1)) {
                    a -= 1;
                }
                // "Even Rendell, a stalwart Clinton supporter, said": a
                // focusing adverb may open the clause before the name.
                let opens =
                    |k: usize| k == limit || matches!(t.toks[k - 1].kind, Kind::Punct(_) | Kind::Open | Kind::Close);
                let starts_clause_at = |a: usize| {
                    opens(a)
                        || in_list(&["and", "but", "while", "as", "when", "because"], t.lower(a - 1))
                        // "It was three years ago that Michael Bloomberg, who
                        // is thinking about running, said": a subordinate
                        // clause opens with its subject too.
                        || in_list(
                            &["that", "although", "though", "since", "after", "before", "if", "once"],
                            t.lower(a - 1),
                        )
                        || in_list(
                            &[
                                "even", "also", "meanwhile", "still", "separately", "similarly", "likewise", "now",
                                "instead", "yet", "so",
                            ],
                            t.lower(a - 1),
                        ) && opens(a - 1)
                };
                // "Another delegate on the Cruz slate, Jim Poolman, said",
                // "A farmer from Iowa, Dan Lee, said": a name in the aside
                // makes the phrase before it, prepositions and all, the
                // description of one speaker, though a name in that phrase
                // stopped it short.
                let a = if starts_clause_at(a) {
                    a
                } else {
                    let x =
                        self.over_prepositions(a, limit, &["of", "on", "from", "at", "for", "in", "with"], |_| true);
                    let named_aside =
                        t.is_word(j + 1) && t.toks[j + 1].cap && self.left_np(close, limit) == Some((j + 1, close));
                    // (Not when the phrase is itself set off by a comma: in
                    // "Rachel Berg, a philanthropist from Monsey, New York,
                    // said" the aside is a place and the name comes first.)
                    let own_clause = x == limit || !t.is_punct(x - 1, ',');
                    if x < a && own_clause && starts_clause_at(x) && named_aside {
                        x
                    } else {
                        a
                    }
                };
                let starts_clause = starts_clause_at(a);
                if starts_clause {
                    // "Carter, however, said", "Clinton, in a statement,
                    // said", "Trump, speaking in Iowa, said": an aside that
                    // is no noun phrase says how or when, not who, and is
                    // left out of the source, as PolNeAR's annotators do.
                    if self.aside_is_adverbial(j + 1) {
                        // "warned the Chinese leader, Xi Jinping, during
                        // their meeting not to move on the shoal, said an
                        // official": an adverbial aside with "not" in it
                        // carries what was said, not when or how.
                        if (j + 1..close).any(|k| t.word_is(k, "not") && t.word_is(k + 1, "to")) {
                            return None;
                        }
                        return Some((a, j));
                    }
                    // "Sen. Marco Rubio, R-Fla., appearing on Fox News
                    // right after the speech, said": the description ends
                    // where an adverbial aside inside it begins.
                    if let Some(k) = (j + 1..close).find(|&k| {
                        t.is_punct(k, ',')
                            && self.aside_is_adverbial(k + 1)
                            && t.lower(k + 1).ends_with("ing")
                            && !t.word_is(k - 1, "and")
                    }) {
                        return Some((a, k));
                    }
                    return Some((a, if quoted_close { aux } else { close }));
                }
            }
            // "..., then says" is a second verb of the subject, below.
            if !t.word_is(aux, "then") {
                return None;
            }
        }
        // "An official who spoke on condition of anonymity said": the
        // phrase before the relative clause.
        let floor = aux.saturating_sub(15).max(limit);
        if let Some(who) =
            (floor..aux).rev().take_while(|&j| t.is_word(j) || t.is_punct(j, ',')).find(|&j| t.word_is(j, "who"))
        {
            let mut k = who;
            if k > limit && t.is_punct(k - 1, ',') {
                k -= 1;
            }
            if let Some((mut a, b)) = self.left_np(k, limit) {
                // "A source familiar with the talks, who ...": the phrase
                // reaches back over its prepositions to its head.
                a = self.over_prepositions(a, limit, &["with", "to", "of", "on", "in", "for", "at"], |x| {
                    !self.np_is_clear_source(x, b)
                });
                if self.np_is_clear_source(a, b) {
                    return Some((a, b));
                }
            }
        }
        // "polls by Quinnipiac University that showed": the phrase the
        // relative pronoun stands for.
        if aux > limit + 1 && t.is_word(aux - 1) && matches!(t.lower(aux - 1), "that" | "which") {
            let mut k = aux - 1;
            if k > limit && t.is_punct(k - 1, ',') {
                k -= 1;
            }
            // "water bottles that said, “The Cuyahoga Republican party
            // welcomes you”", "a sign which read “Hispanics 4 Trump”": a
            // thing that carries a quotation is its source, whatever it is.
            let mut q = aux;
            while q < t.toks.len() && t.is_word(q) && self.is_cue_word(q) {
                q += 1;
            }
            if t.is_punct(q, ',') || t.is_punct(q, ':') {
                q += 1;
            }
            let carries_quotation = t.quote_opening_at(q).is_some();
            return self.left_np(k, limit).filter(|&(a, b)| {
                self.np_is_clear_source(a, b) || carries_quotation && self.np_is_determined_noun(a, b)
            });
        }
        let mut k = aux;
        while k > limit && t.is_word(k - 1) && in_list(&["then", "later", "also"], t.lower(k - 1)) {
            k -= 1;
        }
        // "..., then says": "then" is read with the cue as an auxiliary,
        // so the comma before it may sit right before `aux`.
        let then_after_comma = |j: usize| j > limit && t.is_punct(j - 1, ',') && t.word_is(j, "then");
        let coordinated = k > limit && t.is_word(k - 1) && matches!(t.lower(k - 1), "and" | "but")
            || k < aux && then_after_comma(k)
            || then_after_comma(aux);
        if coordinated {
            // "..., as the Republican congressman continued to hold his
            // ground and vowed": the two verbs share the subject of their
            // own clause, which a comma and a conjunction open.
            let clause = (limit + 1..k - 1)
                .rev()
                .find(|&j| {
                    t.is_punct(j - 1, ',')
                        && t.is_word(j)
                        && in_list(&["as", "while", "because", "although", "though", "whereas", "since"], t.lower(j))
                })
                .map_or(limit, |j| j + 1);
            // "the senator criticized the policy and said": the verb before
            // "and" already found its subject, which this verb shares.
            let sentence = t.toks[aux].sent;
            let earlier = self.found.iter().rev().find(|f| {
                t.toks[f.cue.0].sent == sentence && f.cue.1 < k && f.source.is_some_and(|(a, _)| a >= clause)
            });
            if let Some(f) = earlier {
                return f.source;
            }
            return self.sentence_subject(clause, k - 1);
        }
        None
    }

    /// "Graham, a former candidate, told": where the name before an
    /// appositive that starts at `a` starts, when there is one. The name
    /// must open its clause: in "done by top officials, a former official
    /// said" the phrase before the comma is not it. An appositive `closed`
    /// by a comma before the cue may also open with "the" or a bare title
    /// ("Anne Richards, assistant secretary of state, said"): any lowercase
    /// word.
    fn name_before_appositive(&self, a: usize, limit: usize, closed: bool) -> Option<usize> {
        let t = self.t;
        let opens = matches!(t.lower(a), "a" | "an") || closed && t.is_word(a) && !t.toks[a].cap;
        if !(a > limit + 1 && t.is_punct(a - 1, ',') && opens) {
            return None;
        }
        // A name: capitalised words and titles only ("Sen. Lindsey
        // Graham"), not a clause such as "Prices rose". An age may follow
        // it: "Cecelia Purner, 67, a retired customer service
        // representative".
        self.left_np(a - 1, limit)
            .filter(|&(x, y)| {
                (x..y).all(|k| {
                    !t.is_word(k)
                        || t.toks[k].cap
                        || t.is(k, SOURCE_BIT)
                        || k > x && t.lower(k).bytes().all(|c| c.is_ascii_digit())
                }) && (x == limit || matches!(t.toks[x - 1].kind, Kind::Punct(_) | Kind::Open | Kind::Close))
            })
            .map(|(x, _)| x)
    }

    /// Where a noun phrase that starts at `a` starts when it takes in up to
    /// two prepositional phrases before it ("A source familiar with the
    /// talks", "Another delegate on the Cruz slate"), going on only while
    /// `go_on` holds of where it has got to.
    fn over_prepositions(
        &self,
        mut a: usize,
        limit: usize,
        prepositions: &[&str],
        go_on: impl Fn(usize) -> bool,
    ) -> usize {
        let t = self.t;
        let mut hops = 0;
        while go_on(a) && hops < 2 && a > limit + 1 && t.is_word(a - 1) && in_list(prepositions, t.lower(a - 1)) {
            let Some((x, _)) = self.left_np(a - 1, limit) else { break };
            a = x;
            hops += 1;
        }
        a
    }

    /// Where the subject that ends with the phrase `a..b` starts, reaching
    /// back over the prepositional phrases it is the end of: "At least half
    /// of voters in each state say", "Six in 10 say", "a spokeswoman for
    /// the ministry said", "Six newspapers in New Jersey said".
    fn reach_back(&self, mut a: usize, b: usize, limit: usize) -> usize {
        let t = self.t;
        // "A survey conducted by Gallup found", "a report released by the
        // committee shows": the document is the source, with its author.
        if a > limit + 2
            && t.word_is(a - 1, "by")
            && t.is_word(a - 2)
            && !t.toks[a - 2].cap
            && (t.is(a - 2, MODIFIERS_BIT) || t.lower(a - 2).ends_with("ed"))
        {
            if let Some((x, y)) = self.left_np(a - 2, limit) {
                let document = self
                    .lex
                    .source_word(trim_suffix(t.lower(y - 1), "s"))
                    .is_some_and(|w| w.kind == super::SourceType::Document);
                if document && y == a - 2 {
                    return x;
                }
            }
        }
        let mut hops = 0;
        while hops < 3
            && a > limit + 1
            && t.is_word(a - 1)
            && in_list(&["of", "in", "on", "at", "from", "across", "among", "with", "for", "by"], t.lower(a - 1))
        {
            let Some((x, y)) = self.left_np(a - 1, limit) else { break };
            let preposition = t.lower(a - 1);
            let head = self.lex.source_word(trim_suffix(t.lower(y - 1), "s"));
            // "A spokeswoman for the ministry": a role word speaks for
            // the body after it, and is the source with it. "A study by
            // the council found": the document is the source, with its
            // author.
            let role = y > x
                && match preposition {
                    "for" => head.is_some_and(|w| w.role == super::lexicon::Role::Title),
                    "by" => head.is_some_and(|w| w.kind == super::SourceType::Document),
                    _ => false,
                };
            if preposition == "by" && !role {
                break;
            }
            // "Six newspapers in New Jersey", "many speakers at the
            // service": people or a medium the lexicon knows, in lowercase,
            // placed by the phrase after them, which names no source even
            // when it is a name. A document is placed only by a name ("exit
            // polls in New Hampshire"), not by "a way" or "an effort".
            let placed = y > x
                && !t.toks[y - 1].cap
                && matches!(preposition, "in" | "at" | "from" | "across" | "on")
                && head.is_some_and(|w| {
                    matches!(w.role, super::lexicon::Role::Head | super::lexicon::Role::Title)
                        && (w.kind != super::SourceType::Document || (a..b).any(|k| t.is_word(k) && t.toks[k].cap))
                });
            // Only a share reaches back ("4 in 10", "half of"), or a
            // phrase that is no source without what comes before it.
            if !(role
                || placed
                || is_quantity(t.lower(a))
                || is_quantity(t.lower(y - 1))
                || !self.np_is_clear_source(a, b))
            {
                break;
            }
            a = x;
            hops += 1;
        }
        a
    }

    /// Does the aside that starts at token `k` open with a word that cannot
    /// start a noun phrase: a preposition, a subordinator, a sentence adverb
    /// or a participle ("for his part", "while still a candidate",
    /// "however", "speaking in Ohio")? "including" and "like" open a list
    /// of the subject's members, which belongs to it; "at" ("Pantucci, at
    /// the Royal United Services Institute,") and "then" ("Smith, then a
    /// senator,") mostly say who the source is.
    fn aside_is_adverbial(&self, k: usize) -> bool {
        const OPENERS: &[&str] = &[
            "for",
            "in",
            "on",
            "during",
            "after",
            "before",
            "to",
            "from",
            "despite",
            "amid",
            "under",
            "with",
            "by",
            "as",
            "while",
            "when",
            "although",
            "though",
            "if",
            "because",
            "since",
            "too",
            "also",
            "moreover",
            "likewise",
            "similarly",
            "separately",
            "indeed",
            "again",
            "once",
        ];
        let t = self.t;
        if !t.is_word(k) {
            return false;
        }
        let w = t.lower(k);
        in_list(OPENERS, w)
            || in_list(SENTENCE_ADVERBS, w)
            || !t.toks[k].cap && w.len() > 5 && w.ends_with("ing") && !matches!(w, "including" | "according")
    }

    /// Where the subject before a cue ends: before a time adverbial ("last
    /// week said") or a place adverb ("officials there said").
    fn subject_end(&self, aux: usize, limit: usize) -> usize {
        let t = self.t;
        let mut end = self.before_time_modifier(aux, limit);
        // "Carter however said": a sentence adverb between the subject and
        // its verb belongs to neither.
        if end > limit + 1 && t.is_word(end - 1) && in_list(SENTENCE_ADVERBS, t.lower(end - 1)) {
            end -= 1;
        }
        if end > limit + 1
            && t.is_word(end - 1)
            && matches!(t.lower(end - 1), "here" | "there")
            && t.is_word(end - 2)
            && !t.is(end - 2, BREAK_BIT)
        {
            return end - 1;
        }
        end
    }

    /// Does the phrase at `a` open its clause: the sentence's start, a mark,
    /// or a conjunction or focusing adverb ("But the aide said", "Even the
    /// organizer said")?
    fn opens_clause(&self, a: usize, limit: usize) -> bool {
        let t = self.t;
        a == limit
            || !t.is_word(a - 1)
            || in_list(
                &["but", "and", "yet", "so", "even", "still", "also", "meanwhile", "first", "then", "later", "finally"],
                t.lower(a - 1),
            ) && (a - 1 == limit || !t.is_word(a - 2))
    }

    /// Where the subject ends when a time adverbial, or a participle with
    /// its time, stands between it and the cue: "A poll released Saturday
    /// found", "The report published Tuesday showed", "Trump on Monday
    /// said". `aux` itself when there is none.
    fn before_time_modifier(&self, aux: usize, limit: usize) -> usize {
        let t = self.t;
        let Some(k) = self.time_adverbial_start(aux, limit) else { return aux };
        // "A Monmouth poll out Monday showed": "out" as "released".
        if k > limit + 1 && (t.is(k - 1, MODIFIERS_BIT) || t.word_is(k - 1, "out")) {
            return k - 1;
        }
        // A bare time adverbial needs a word before it that can end a noun
        // phrase, or the parenthesis closing one ("Feinstein (D-Calif.) last
        // week said"): not "said on Monday" read backwards from a later cue.
        if t.is_word(k - 1) && !t.is(k - 1, CUE_BIT) && !t.is(k - 1, BREAK_BIT) || t.is_punct(k - 1, ')') {
            return k;
        }
        aux
    }

    /// Where an adverbial of time that ends right before the cue starts:
    /// "on Tuesday", "last week", "earlier this month".
    /// Does the capitalised word at `k` end the name of an outlet the
    /// gazetteer knows, with the word or two before it? "USA TODAY" and
    /// "Politico Today" end in a time word that is no time.
    fn ends_outlet_name(&self, k: usize) -> bool {
        let t = self.t;
        t.is_word(k)
            && t.toks[k].cap
            && (1..=2).any(|n| {
                k >= n
                    && (k - n..k).all(|j| t.is_word(j) && t.toks[j].cap)
                    && self.lex.gazetteer.by_name(t.slice(k - n, k + 1)).is_some()
            })
    }

    fn time_adverbial_start(&self, aux: usize, limit: usize) -> Option<usize> {
        let t = self.t;
        // The adverbial ends in its time word, right before the cue ("in
        // calling on" is no adverbial of time).
        if !(aux > limit + 1 && t.is_word(aux - 1) && time_word_at(t, aux - 1)) || self.ends_outlet_name(aux - 1) {
            return None;
        }
        let mut k = aux - 1;
        while k > limit + 1
            && aux - k < 3
            && t.is_word(k - 1)
            && (time_word_at(t, k - 1)
                || in_list(&["on", "in", "this", "last", "earlier", "late", "early"], t.lower(k - 1)))
        {
            k -= 1;
        }
        Some(k)
    }

    /// "People briefed on the situation say", "economists surveyed by
    /// Reuters said": a clear source, then a participle that says which
    /// ones, then the cue. The source is the whole phrase. Punctuation
    /// between them means some other structure (an appositive, a clause),
    /// handled elsewhere. Relative clauses ("who backed him") were tried
    /// the same way and lost precision on PolNeAR train: their own verbs
    /// are often cues.
    fn modified_subject(&self, aux: usize, limit: usize) -> Option<(usize, usize)> {
        let t = self.t;
        let mut k = aux;
        while k > limit + 1 && aux - k < 10 {
            k -= 1;
            if !t.is_word(k) {
                return None;
            }
            let w = t.lower(k);
            let modifier = in_list(&["briefed", "polled", "surveyed", "interviewed", "questioned", "speaking"], w);
            if !modifier {
                continue;
            }
            return self
                .left_np(k, limit)
                .filter(|&(a, b)| b == k && b > a && !t.is(a, PRONOUNS_BIT) && self.np_is_clear_source(a, b))
                .map(|(a, _)| (a, aux));
        }
        None
    }

    /// "The groups who wrote to her on Thursday say that is not enough":
    /// the content of a cue inside a relative clause that narrows down
    /// another attribution's source ends where that source does, before the
    /// sentence's own verb.
    fn end_relative_contents(&mut self) {
        let t = self.t;
        for i in 0..self.found.len() {
            let Some((a, b)) = self.found[i].source else { continue };
            if b < a + 3 || !(a..b).any(|k| t.is_relative_pronoun(k)) {
                continue;
            }
            let end = t.toks[b - 1].end;
            let cue_start = t.toks[self.found[i].cue.0].start;
            for f in self.found.iter_mut() {
                let relative_source = f.source.is_some_and(|(x, y)| y == x + 1 && x > a && t.is_relative_pronoun(x));
                if relative_source && f.cue.0 > a && f.cue.0 < b && f.content.iter().any(|&(_, e)| e > cue_start) {
                    f.content.retain(|&(s, _)| s < end);
                    for span in f.content.iter_mut() {
                        span.1 = span.1.min(end);
                    }
                    f.quoted = requoted(t, &f.content, f.quoted);
                }
            }
        }
    }

    /// "As for analysts who claim to find Clinton more palatable than
    /// Trump, Bolton said, “I just think ...”": a content that runs on past
    /// a comma into another attribution's speaker and cue, whose own words
    /// follow its cue, ends at that comma. (A speaker set off inside the
    /// content, ", officials said,", has its words before its cue, and the
    /// content goes on around it.)
    fn end_before_later_speaker(&mut self) {
        let t = self.t;
        for i in 0..self.found.len() {
            let g = &self.found[i];
            let opens = g.source.map_or(g.cue.0, |(a, _)| a.min(g.cue.0));
            let cue_end = t.toks[g.cue.1 - 1].end;
            // Only a verb of speaking: "he showed no remorse", "Bill
            // Clinton called her" after a comma are the content's own
            // clause.
            let speech = g.entry.is_some_and(|e| self.lex.cue(e).class == CueClass::Speech);
            if opens < 2
                || !speech
                || !t.is_punct(opens - 1, ',')
                || g.content.is_empty()
                || g.content.iter().any(|&(s, _)| s < cue_end)
            {
                continue;
            }
            let (comma, at) = (t.toks[opens - 1].start, t.toks[opens].start);
            let sentence = t.toks[opens].sent;
            for (j, f) in self.found.iter_mut().enumerate() {
                let inside = f.content.iter().any(|&(s, e)| s < comma && e > at);
                if j == i || t.toks[f.cue.0].sent != sentence || f.cue.1 > opens || !inside {
                    continue;
                }
                // "argued that although Lazar confessed, he showed no
                // remorse": the comma closes a clause that opens the
                // content, and what follows it is the content's main
                // clause.
                let first = f.content.iter().map(|&(s, _)| s).min().unwrap_or(0);
                let mut k = t.toks.partition_point(|tok| tok.start < first).min(opens);
                if t.word_is(k, "that") {
                    k += 1;
                }
                // "found by 43%-41%, the public says ...": so does a
                // prepositional phrase ("to" opens an infinitive, which is
                // the content itself).
                if t.is_word(k) && (is_subordinator(t.lower(k)) || t.is(k, NP_PREPOSITIONS_BIT) && t.lower(k) != "to") {
                    continue;
                }
                // "attacks that, Sweet noted, Trump said": a comma after a
                // word that cannot end a clause opens an aside; and one
                // inside brackets ("(in fact, Obama has proposed") ends
                // nothing outside them.
                let before = opens - 2;
                let open_bracket = (k..opens).filter(|&m| t.is_punct(m, '(')).count()
                    > (k..opens).filter(|&m| t.is_punct(m, ')')).count();
                if open_bracket
                    || t.is_word(before) && matches!(t.lower(before), "that" | "which" | "who" | "and" | "but" | "or")
                {
                    continue;
                }
                f.content.retain(|&(s, _)| s < comma);
                for span in f.content.iter_mut() {
                    span.1 = span.1.min(t.toks[opens - 2].end);
                }
                f.quoted = requoted(t, &f.content, f.quoted);
            }
        }
    }

    /// "The judges who ruled that Texas could not enforce its law said",
    /// "progressive organizations that have endorsed him say": a relative
    /// clause with no comma before it narrows the subject down, and the
    /// source runs from the phrase it describes to the cue, as PolNeAR's
    /// annotators mark it. The clause needs a verb of its own, so that in
    /// "the deal that Trump said he wanted" the speaker stays Trump.
    fn relative_subject(&self, aux: usize, limit: usize) -> Option<(usize, usize)> {
        let t = self.t;
        // ("..., say they believe": the subject of "believe" is "they";
        // "jockeying to see", "warning of" are no verbs with a subject.)
        if aux < limit + 4
            || !t.is_word(aux - 1)
            || t.is(aux - 1, NP_PREPOSITIONS_BIT)
            || t.lower(aux).ends_with("ing")
            || is_genitive(t.lower(aux - 1))
            || t.lower(aux - 1).ends_with('\'')
            || t.is_relative_pronoun(aux - 1)
            || in_list(
                &[
                    "and", "but", "or", "nor", "he", "she", "they", "we", "i", "it", "after", "before", "about",
                    "than", "as",
                ],
                t.lower(aux - 1),
            )
        {
            return None;
        }
        let verb = |j: usize| is_finite_auxiliary(t.lower(j)) || is_verb_form(t.lower(j));
        let light = |j: usize| is_finite_auxiliary(t.lower(j)) || is_ly_adverb(t.lower(j)) || t.is(j, AUXILIARIES_BIT);
        // A conjunction between the relative pronoun and the cue joins a
        // second verb to the relative clause ("who aren't enamored of
        // Clinton but don't want") or opens another clause ("because it
        // did not want").
        let joins = |j: usize| {
            in_list(
                &["and", "but", "or", "because", "when", "while", "if", "since", "although", "though", "so", "as"],
                t.lower(j),
            )
        };
        let floor = aux.saturating_sub(25).max(limit + 1);
        let mut j = aux - 1;
        let rel = loop {
            if j <= floor || !t.is_word(j) {
                return None;
            }
            j -= 1;
            if t.toks[j].cap || !t.is_relative_pronoun(j) {
                continue;
            }
            // "that" after a verb opens what was said ("insisted that
            // was not part of the deal"); one with no verb after it is the
            // object of the clause the cue is in ("the camps that Mr.
            // Obama argued were wrong"), unless a verb of its own closes it
            // first: in "the judges who ruled that Texas could not enforce
            // its law said" it opens what was ruled, and the search goes on.
            if t.lower(j) == "that" {
                if verb(j + 1) && !verb(j - 1) && !self.is_cue_word(j - 1) {
                    break j;
                }
                if (j + 1..aux).any(verb) {
                    continue;
                }
                return None;
            }
            break j;
        };
        // "Another Muslim who worshiped at the Islamic Center here and who
        // didn't want to be named said": two relative clauses joined by
        // "and" describe one phrase, which the first pronoun follows.
        let mut rel = rel;
        let mut joined = None;
        if t.is_word(rel - 1) && matches!(t.lower(rel - 1), "and" | "or") {
            let again = t.lower(rel);
            if let Some(first) =
                (floor..rel - 1).rev().take_while(|&j| t.is_word(j)).find(|&j| !t.toks[j].cap && t.lower(j) == again)
            {
                joined = Some(rel - 1);
                rel = first;
            }
        }
        let joins = |j: usize| Some(j) != joined && joins(j);
        if !t.is_word(rel - 1) || !(rel + 1..aux).any(verb) || (rel + 1..aux).all(light) || (rel + 1..aux).any(joins) {
            return None;
        }
        // "A mantra that worked in the 1990s is ill-matched to the
        // momentous challenges": a second finite verb, with no clause
        // opened before it, is the sentence's own, and the cue is further
        // on in its predicate.
        let v = (rel + 1..aux).find(|&j| verb(j))?;
        let group_end = (v..aux).find(|&j| !verb(j) && !light(j)).unwrap_or(aux);
        let mut opened = false;
        for j in group_end..aux {
            if matches!(t.lower(j), "that" | "who" | "which" | "whether" | "if" | "to") {
                opened = true;
            } else if !opened && is_finite_auxiliary(t.lower(j)) {
                return None;
            }
        }
        let (a, b) = self.left_np(rel, limit)?;
        if b != rel || t.is(a, PRONOUNS_BIT) && !matches!(t.lower(a), "those" | "many" | "some" | "others") {
            return None;
        }
        // "the Burmese leader who secured independence from British rule":
        // a singular noun takes no verb in its base form, so "rule" is no
        // verb of its.
        let head = t.lower(b - 1);
        let plural = head.ends_with('s') && !head.ends_with("ss")
            || in_list(&["people", "police", "men", "women", "children", "staff", "media"], head);
        let w = t.lower(aux);
        let base_form = matches!(w, "are" | "have" | "were" | "do")
            || !is_verb_form(w)
                && self.lex.cue_forms.get(w).is_some_and(|entries| {
                    entries.iter().any(|&(_, e)| self.lex.cue(e).phrase.split(' ').next() == Some(w))
                });
        if !plural && !t.is(b - 1, PRONOUNS_BIT) && base_form {
            return None;
        }
        let a = self.reach_back(a, b, limit);
        let a =
            self.over_prepositions(a, limit, &["of", "in", "at", "from", "for"], |x| !self.np_is_clear_source(x, b));
        self.np_is_clear_source(a, b).then_some((a, aux))
    }

    /// Is `i` a preposition that joins a phrase to the noun before it, as
    /// in "the head of the delegation to the forum" or "the delegation
    /// from China"? The noun is a lowercase word that is no verb form, right
    /// after a determiner or a possessive ("China's delegation"), so that
    /// "held talks in Paris" stays two phrases.
    fn noun_before_preposition(&self, i: usize) -> bool {
        let t = self.t;
        if i < 3 || !t.is_word(i) || !matches!(t.lower(i), "to" | "from" | "at") || !t.is_word(i - 1) {
            return false;
        }
        let noun = t.lower(i - 1);
        !t.toks[i - 1].cap
            && !t.is(i - 1, BREAK_BIT | CUE_BIT)
            && !is_verb_form(noun)
            && !is_ly_adverb(noun)
            && t.is_word(i - 2)
            && (t.is(i - 2, NOUN_MARKERS_BIT) || is_possessive(t.lower(i - 2)) || is_genitive(t.lower(i - 2)))
            // "Rachel Berg, a philanthropist from Monsey": an appositive is
            // read from its name.
            && !t.is_punct(i - 3, ',')
    }

    /// The noun phrase that ends right before token `end`: the subject of a
    /// cue. Handles appositives ("Hugh Hill, a doctor,"), parentheticals
    /// ("Sen. Ted Cruz (R-Texas)") and "X, who".
    pub fn left_np(&self, end: usize, limit: usize) -> Option<(usize, usize)> {
        let t = self.t;
        if end == 0 || end <= limit {
            return None;
        }
        let last = end - 1;
        if t.is_word(last) {
            let w = t.lower(last);
            if t.is(last, PRONOUNS_BIT) {
                return Some((last, end));
            }
            // "most of them", "several of us": a share of a group that a
            // pronoun names.
            if matches!(w, "them" | "us")
                && last >= limit + 2
                && t.word_is(last - 1, "of")
                && t.is_word(last - 2)
                && is_quantity(t.lower(last - 2))
            {
                return Some((last - 2, end));
            }
            // "Lindsey Graham, who has endorsed Cruz": the relative pronoun
            // is the subject as written; `antecedents` says whom it means.
            if w == "who" && last > limit && self.antecedent_of(last).is_some() {
                return Some((last, end));
            }
        }
        let mut k = end;
        let mut words = 0;
        while k > limit && words < 14 {
            let i = k - 1;
            let tok = t.toks[i];
            match tok.kind {
                Kind::Word => {
                    let w = t.lower(i);
                    if t.is(i, BREAK_BIT) && !(tok.cap && i > t.sentence_of(i).first && !matches!(w, "i")) {
                        // "of", "for" and "and" may sit inside a phrase
                        // between capitalised words: "Secretary of State".
                        let inner = matches!(w, "of" | "for" | "and" | "at" | "on" | "in" | "to" | "from")
                            && i > limit
                            && words > 0
                            && t.is_word(i - 1)
                            && ((t.toks[i + 1].cap && (t.toks[i - 1].cap || matches!(w, "of" | "for" | "at")))
                                || matches!(w, "of" | "from" | "at") && self.lex.source_word(t.lower(i - 1)).is_some()
                                || self.noun_before_preposition(i))
                            && !t.is(i - 1, BREAK_BIT);
                        // "a source familiar with the talks", "people close
                        // to the president": the phrase goes on past them.
                        let inner = inner || words > 0 && i > limit && self.familiar_with(i);
                        // "a source close to him": the pronoun closes the
                        // phrase that "close to" opened.
                        let inner = inner
                            || words == 0
                                && i > limit
                                && matches!(w, "him" | "her" | "them" | "us")
                                && self.familiar_with(i - 1);
                        // "her friend", "their lawyers": a possessive opens
                        // the phrase of a common noun (a name after it,
                        // "told her Trump", is no phrase of hers).
                        let inner = inner || words > 0 && is_possessive(w) && !t.toks[i + 1].cap;
                        // "those surveyed", "those polled": the people a
                        // poll asked.
                        let inner = inner || words > 0 && w == "those" && is_polled(t.lower(i + 1));
                        // "That person said", "..., those people said": a
                        // demonstrative opening its clause before a
                        // lowercase noun.
                        let inner = inner
                            || words > 0
                                && matches!(w, "that" | "this" | "those" | "these")
                                && !t.toks[i + 1].cap
                                && (i == limit || !t.is_word(i - 1));
                        // "the authors of that report": a demonstrative
                        // after a preposition is its noun's determiner,
                        // not a clause opening.
                        let inner = inner
                            || words > 0
                                && matches!(w, "that" | "this")
                                && !t.toks[i + 1].cap
                                && i > limit
                                && matches!(t.lower(i - 1), "of" | "from" | "at" | "for" | "in" | "on");
                        if !inner {
                            break;
                        }
                    }
                    // A verb form ends the phrase; a bare cue word may be a
                    // noun inside it ("press secretary").
                    if !tok.cap && words > 0 && t.is(i, CUE_BIT) && is_verb_form(w) {
                        break;
                    }
                    // "The employee of nearly four years": a word that
                    // rounds a figure belongs to the figure's phrase.
                    if !tok.cap
                        && is_ly_adverb(w)
                        && !(words > 0 && is_rounding(w) && t.is_word(i + 1) && is_quantity(t.lower(i + 1)))
                    {
                        break;
                    }
                    // "companies that had insured Patriot's obligations
                    // agreed": a word after an auxiliary is a verb, and the
                    // phrase before the cue is its object, not a subject.
                    if !tok.cap && words > 0 && i > limit && t.is_word(i - 1) && is_finite_auxiliary(t.lower(i - 1)) {
                        break;
                    }
                    words += 1;
                    k -= 1;
                    // A determiner opens the phrase: in "presidents held a
                    // video call" the subject of "call" cannot reach "held".
                    // ... but not the one in "familiar with the talks".
                    let familiar_with = i > limit + 1 && self.familiar_with(i - 1);
                    let joined = i > limit && (t.word_is(i - 1, "of") || self.noun_before_preposition(i - 1));
                    if t.is(i, NOUN_MARKERS_BIT) && !joined && !familiar_with {
                        break;
                    }
                }
                Kind::Punct(')') => {
                    // Skip a parenthetical: "(R-Texas)".
                    let mut j = i;
                    while j > limit && !t.is_punct(j - 1, '(') && i - j < 8 {
                        j -= 1;
                    }
                    if j > limit && t.is_punct(j - 1, '(') && words == 0 {
                        k = j - 1;
                    } else {
                        break;
                    }
                }
                Kind::Punct(',') if words > 0 && words <= 6 => {
                    // An appositive: "Hugh Hill, a doctor," or "Jones, 45,".
                    let first = t.lower(k);
                    let appositive = in_list(&["a", "an", "the", "who"], first)
                        || self.lex.source_word(first).is_some_and(|w| w.role == super::lexicon::Role::Title)
                        || t.lower(k).chars().all(|c| c.is_ascii_digit());
                    if !appositive || i == limit || !t.is_word(i - 1) || !t.toks[i - 1].cap {
                        break;
                    }
                    // The name before the comma must itself be a phrase,
                    // and no opening adverbial: "On Tuesday, Senator Harry
                    // Reid", "In Nevada, Senator Harry Reid".
                    match self.left_np(i, limit) {
                        Some((a, _))
                            if !(time_word_at(t, i - 1)
                                || a > limit && t.is_word(a - 1) && t.is(a - 1, NP_PREPOSITIONS_BIT)) =>
                        {
                            return Some(self.trim_np(a, end));
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        if words == 0 {
            return None;
        }
        // A trailing comma from an appositive stays outside the phrase.
        let (mut a, mut b) = self.trim_np(k, end);
        while b > a && t.is_punct(b - 1, ',') {
            b -= 1;
        }
        if b <= a {
            return None;
        }
        // "She and her aides", "he and Mr. Allen": a pronoun that opens
        // its clause joined to the phrase.
        if a >= limit + 2
            && t.word_is(a - 1, "and")
            && t.is(a - 2, PRONOUNS_BIT)
            && t.lower(a - 2) != "it"
            && (a - 2 == limit || !t.is_word(a - 3) || in_list(&["but", "and", "as", "when", "while"], t.lower(a - 3)))
        {
            a -= 2;
        }
        Some((a, b))
    }

    /// Is token `i` the preposition of "familiar with", "close to",
    /// "briefed on" or "involved in", which sit inside an unnamed source's
    /// phrase ("a source familiar with the talks")?
    fn familiar_with(&self, i: usize) -> bool {
        let t = self.t;
        i > 0
            && t.is_word(i)
            && t.is_word(i - 1)
            && matches!(t.lower(i), "with" | "to" | "on" | "in")
            && matches!(t.lower(i - 1), "familiar" | "close" | "briefed" | "involved" | "knowledgeable")
    }

    fn trim_np(&self, mut a: usize, b: usize) -> (usize, usize) {
        let t = self.t;
        // Sentence-opening function words are not part of the phrase, but a
        // determiner of a common noun is ("Her campaign workers", "That
        // person").
        while a < b && t.is_word(a) && t.toks[a].cap && t.is(a, BREAK_BIT) && !t.is(a, PRONOUNS_BIT) {
            let w = t.lower(a);
            let determiner = (is_possessive(w) || matches!(w, "that" | "this"))
                && a + 1 < b
                && t.is_word(a + 1)
                && !t.toks[a + 1].cap;
            if determiner {
                break;
            }
            a += 1;
        }
        while a < b && !t.is_word(a) {
            a += 1;
        }
        (a, b)
    }

    /// The noun phrase that starts at token `start`: the source after
    /// "according to", "citing" or an inverted cue ("said Peskov").
    pub fn right_np(&self, start: usize, end: usize, long: bool) -> Option<(usize, usize)> {
        let t = self.t;
        let mut k = start;
        let max = if long { 18 } else { 9 };
        let mut words = 0;
        while k < end && words < max {
            let tok = t.toks[k];
            match tok.kind {
                // "interviews with more than a half-dozen of Cruz's friends":
                // a comparison of quantity stays inside the phrase.
                Kind::Word
                    if long
                        && words > 0
                        && t.lower(k) == "than"
                        && matches!(t.lower(k - 1), "more" | "less" | "fewer")
                        && t.is_word(k + 1)
                        && (is_quantity(t.lower(k + 1)) || matches!(t.lower(k + 1), "a" | "an")) =>
                {
                    words += 1;
                    k += 1;
                }
                Kind::Word => {
                    let w = t.lower(k);
                    if words == 0 && t.is(k, PRONOUNS_BIT) {
                        return Some((k, k + 1));
                    }
                    if t.is(k, NP_PREPOSITIONS_BIT) && words > 0 {
                        // "a report in The New York Times", "a video
                        // released on state TV channel Rossiya 1".
                        let next = k + 1;
                        let ok = next < end
                            && t.is_word(next)
                            && (t.toks[next].cap || t.is(next, DETERMINERS_BIT) || long && !t.is(next, BREAK_BIT))
                            && !time_word_at(t, next);
                        if !ok || (!long && w != "of") {
                            break;
                        }
                        k += 1;
                        words += 1;
                        continue;
                    }
                    if t.is(k, MODIFIERS_BIT) && long && words > 0 {
                        k += 1;
                        words += 1;
                        continue;
                    }
                    // "Facebook's global politics and government outreach
                    // director": "and" inside one long title.
                    let title_and = long
                        && words > 0
                        && w == "and"
                        && k + 1 < end
                        && t.is_word(k + 1)
                        && !t.is(k + 1, BREAK_BIT)
                        && !t.is(k + 1, CUE_BIT)
                        && !is_verb_form(t.lower(k + 1));
                    if t.is(k, BREAK_BIT) && !tok.cap && !t.is(k, DETERMINERS_BIT) && !title_and {
                        break;
                    }
                    let stops = if long {
                        in_list(&["said", "says", "told", "reported", "added", "according", "citing", "saying"], w)
                    } else {
                        t.is(k, CUE_BIT) && !t.is(k, MODIFIERS_BIT)
                    };
                    if !tok.cap && words > 0 && stops {
                        break;
                    }
                    // "the recently court-released playbook": an adverb of
                    // time before a participle inside the phrase.
                    let time_modifier = w.ends_with("ly")
                        && t.is_word(k + 1)
                        && !t.toks[k + 1].cap
                        && t.lower(k + 1).ends_with("ed")
                        && t.is_word(k + 2)
                        && !t.is(k + 2, BREAK_BIT);
                    // "a January 2016 study": a date right after the
                    // article modifies the noun.
                    let dated = words == 1 && t.is(k - 1, DETERMINERS_BIT) && t.toks[k].cap;
                    if time_word_at(t, k) && words > 0 && !self.ends_outlet_name(k) && !time_modifier && !dated {
                        break;
                    }
                    // "a study last year": "last" dates the phrase before it.
                    if words > 0 && matches!(w, "last" | "next" | "this") && k + 1 < end && time_word_at(t, k + 1) {
                        break;
                    }
                    words += 1;
                    k += 1;
                }
                Kind::Punct(',') if words > 0 && !long => {
                    // "said Hugh Hill, a doctor at ..." ends at the comma.
                    break;
                }
                // "according to her “clawback” plan", "the “Medicare for
                // all” document he released": a quoted name inside the
                // phrase, with its noun after it.
                Kind::Open if long && words > 0 => {
                    let close = (k + 1..end.min(k + 7)).find(|&j| t.toks[j].kind == Kind::Close);
                    match close {
                        Some(j)
                            if j > k + 1
                                && (k + 1..j).all(|i| t.is_word(i))
                                && j + 1 < end
                                && t.is_word(j + 1)
                                && !t.toks[j + 1].cap
                                && !t.is(j + 1, BREAK_BIT | CUE_BIT) =>
                        {
                            words += j - k;
                            k = j + 1;
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        // "on Sunday" and other trailing prepositions stay outside.
        while k > start && t.is_word(k - 1) && t.is(k - 1, NP_PREPOSITIONS_BIT) {
            k -= 1;
        }
        if k == start {
            None
        } else {
            Some((start, k))
        }
    }

    /// The subject at the start of a sentence, for participles with no
    /// earlier attribution: "Other Republicans echoed ..., saying".
    fn sentence_subject(&self, first: usize, limit: usize) -> Option<(usize, usize)> {
        let t = self.t;
        // "On Thursday, the senator ...", "In a call with reporters, the
        // senator ...": an opening adverbial set off by a comma comes
        // before the subject.
        // "And then Trump went on the attack, saying": conjunctions and
        // sentence adverbs that open the clause come before it too, and
        // "On Thursday, after remaining neutral, Warren endorsed" has two
        // adverbials in a row.
        let mut first = first;
        loop {
            let before = first;
            while first + 1 < limit
                && t.is_word(first)
                && (in_list(&["and", "but", "then", "so", "yet", "still", "also"], t.lower(first))
                    || in_list(SENTENCE_ADVERBS, t.lower(first)))
            {
                first += 1;
                if first + 1 < limit && t.is_punct(first, ',') {
                    first += 1;
                }
            }
            // "New York (AFP) – Vice President Joe Biden ...", "WASHINGTON
            // — Hillary Clinton ...": a dateline before the first sentence.
            if first == before {
                if let Some(dash) = (first + 1..limit.min(first + 10)).find(|&j| {
                    matches!(t.toks[j].kind, Kind::Punct('\u{2014}' | '\u{2013}' | '-'))
                        && (first..j).all(|k| {
                            t.is_word(k) && t.toks[k].cap
                                || matches!(t.toks[k].kind, Kind::Punct(',' | '.' | '(' | ')'))
                        })
                }) {
                    first = dash + 1;
                }
            }
            // "A month later, ...", "Hours later, ...", "Two days ago, ...".
            if let Some(comma) = (first + 1..limit.min(first + 5)).find(|&j| t.is_punct(j, ',')) {
                if t.is_word(comma - 1) && matches!(t.lower(comma - 1), "later" | "ago" | "earlier") {
                    first = comma + 1;
                }
            }
            // "Also Monday, ...", "Shortly after the announcement, ...",
            // "Arriving upon the scene, ...": a time, an adverb or a
            // participle opens an adverbial too.
            let opener = t.is_word(first)
                && (in_list(OPENING_ADVERBIALS, t.lower(first))
                    || time_word_at(t, first)
                    // ("Carly Fiorina went to Iowa": a first name in -ly,
                    // with the surname after it.)
                    || is_ly_adverb(t.lower(first)) && !(t.is_word(first + 1) && t.toks[first + 1].cap)
                    || t.toks[first].cap
                        && first + 1 < limit
                        && t.lower(first).ends_with("ing")
                        // ("Ebeling smiled, and said": a name in -ing,
                        // with its verb after it.)
                        && !(t.is_word(first + 1) && is_verb_form(t.lower(first + 1)))
                    // "Chastened by the analyses, Trump revised his plan".
                    || t.toks[first].cap
                        && t.lower(first).ends_with("ed")
                        && t.is_word(first + 1)
                        && matches!(t.lower(first + 1), "by" | "about" | "with" | "at" | "over" | "from"));
            if opener {
                if let Some(comma) = (first + 1..limit.min(first + 14)).find(|&j| t.is_punct(j, ',')) {
                    first = comma + 1;
                }
            }
            if first == before {
                break;
            }
        }
        // "He's comparing ... and says", "She’s visiting Iowa and says": the
        // pronoun of a contraction, which trimming the phrase's opening
        // function words would skip.
        if first < limit && t.is_word(first) {
            if let Some((pronoun, _)) = t.lower(first).split_once(['\'', '\u{2019}']) {
                // "It's" mostly opens a clause about something else ("It's
                // hard to ...").
                if is_a(PRONOUNS_BIT, pronoun) && pronoun != "it" {
                    return Some((first, first + 1));
                }
            }
        }
        let (a, _) = self.trim_np(first, limit);
        let mut k = a;
        while k < limit && t.is_word(k) {
            let w = t.lower(k);
            // "Kasich jokingly offered": an adverb before a verb ends the
            // subject ("the famously gruff senator" goes on).
            let adverb = k > a
                && !t.toks[k].cap
                && is_ly_adverb(w)
                && t.is_word(k + 1)
                && (is_verb_form(t.lower(k + 1)) || t.is(k + 1, CUE_BIT) || t.lower(k + 1).ends_with("ing"));
            if (t.is(k, BREAK_BIT) && !(k == a && t.is(k, PRONOUNS_BIT)))
                || (!t.toks[k].cap && (is_verb_form(w) || t.is(k, CUE_BIT)))
                || adverb
            {
                break;
            }
            k += 1;
            if k > a && t.is(k - 1, PRONOUNS_BIT) {
                break;
            }
        }
        if k > a && self.np_is_source(a, k) {
            Some((a, k))
        } else {
            None
        }
    }

    /// Could this phrase be a source at all? A name, a pronoun, or a word
    /// the source lexicon knows.
    pub fn np_is_source(&self, a: usize, b: usize) -> bool {
        let t = self.t;
        if b == a + 1 && (t.is(a, PRONOUNS_BIT) || t.word_is(a, "who")) {
            return true;
        }
        // Sixteen tokens hold two names with their affiliations ("William
        // Seltzer of Fordham University and Margo Anderson of the
        // University of Wisconsin-Milwaukee"); twelve cut such subjects off
        // and found 7 fewer of PolNeAR train's attributions.
        if b - a > 16 {
            return false;
        }
        if b == a + 2 && t.word_is(a, "those") && is_polled(t.lower(a + 1)) {
            return true;
        }
        let first_in_sentence = t.sentence_of(a).first;
        (a..b).any(|k| {
            t.is_word(k)
                && ((t.toks[k].cap && (k != first_in_sentence || !t.is(k, BREAK_BIT)))
                    || t.is(k, SOURCE_BIT)
                    || is_quantity(t.lower(k)))
        }) || t.is(a, SOURCE_START_BIT) && self.lex.source_word(&normalize_phrase(t.slice(a, b))).is_some()
            || t.lower(b - 1).ends_with('s') && b - a <= 4
    }

    /// "the designer", "her friend", "a former speechwriter": a short phrase
    /// opened by an article or a possessive and ending in a lowercase noun.
    /// Only positions that leave no other reading (right after a quotation
    /// and its cue, or closing a sentence after a comma) accept it as a
    /// source; as a subject anywhere it would take in "the bill said".
    fn np_is_determined_noun(&self, a: usize, b: usize) -> bool {
        let t = self.t;
        b > a + 1
            && b - a <= 5
            && in_list(&["the", "a", "an", "one", "another", "his", "her", "their", "my", "our"], t.lower(a))
            && t.is_word(b - 1)
            && t.lower(b - 1).chars().all(|ch| ch.is_ascii_lowercase())
            && !is_verb_form(t.lower(b - 1))
            && !time_word_at(t, b - 1)
    }

    /// "It added that ...", "It added, “...”": "it" as the subject of a
    /// speech cue that passes on words stands for a body or a document,
    /// where "It added $5 billion" adds money.
    fn it_passes_on_words(&self, c: &CueAt, a: usize, b: usize) -> bool {
        let t = self.t;
        let speech = self.lex.cue(c.entry).class == CueClass::Speech;
        let passes_on = t.word_is(c.end, "that")
            || c.end < t.toks.len() && t.toks[c.end].kind == Kind::Open
            || (t.is_punct(c.end, ',') || t.is_punct(c.end, ':'))
                && c.end + 1 < t.toks.len()
                && t.toks[c.end + 1].kind == Kind::Open;
        b == a + 1 && t.lower(a) == "it" && speech && passes_on
    }

    /// "the organizer of a pro-Trump rally", "That person", "Her campaign
    /// workers": a determiner, then a lowercase head noun, perhaps with a
    /// prepositional phrase after it.
    fn np_is_determined_subject(&self, a: usize, b: usize) -> bool {
        let t = self.t;
        if b < a + 2 || b - a > 10 {
            return false;
        }
        let w = t.lower(a);
        let determiner = is_possessive(w) || in_list(&["the", "a", "an", "that", "this", "one", "another"], w);
        // The head is the last word before the first preposition.
        let head_end = (a + 1..b).find(|&j| t.is(j, NP_PREPOSITIONS_BIT) || t.word_is(j, "of")).unwrap_or(b);
        let head = head_end - 1;
        determiner
            && head > a
            && t.is_word(head)
            && !t.toks[head].cap
            && t.lower(head).chars().all(|ch| ch.is_ascii_lowercase())
            && !is_verb_form(t.lower(head))
            && !time_word_at(t, head)
            && !t.is(head, BREAK_BIT)
    }

    /// A source beyond doubt: a name, a pronoun, or a lexicon head or title.
    fn np_is_clear_source(&self, a: usize, b: usize) -> bool {
        let t = self.t;
        if b == a + 1 && t.is(a, PRONOUNS_BIT) && t.lower(a) != "it" {
            return true;
        }
        // "some strategists", "many Republicans": a share of a group.
        if b >= a + 2 && is_quantity(t.lower(a)) && t.lower(b - 1).ends_with('s') {
            return true;
        }
        // "Both think", "few on either side of the debate think", "many in
        // the party believe": a quantifier standing for people, alone or
        // with the place or group they are of.
        let people = ["both", "many", "most", "some", "several", "few", "others", "none"];
        // ("The most challenging", "most recently offered" and "some of it"
        // are no people.)
        // Nor are "too many calls" and "many questions about": a plural
        // quantifier takes no verb in -s, so a word in -s after it is its
        // noun.
        let next = if t.is_word(a + 1) { t.lower(a + 1) } else { "" };
        let alone = b == a + 1
            && !(a > 0 && t.is_word(a - 1) && in_list(&["the", "too", "so", "how", "as"], t.lower(a - 1)))
            && !is_ly_adverb(next)
            && (!next.ends_with('s') || in_list(&["is", "was", "has"], next));
        let of_group = t.is_word(a + 1)
            && in_list(&["of", "on", "in", "at", "among", "across", "inside", "within"], t.lower(a + 1))
            && !(t.is_word(a + 2) && in_list(&["it", "this", "that", "them"], t.lower(a + 2)) && b == a + 3);
        if in_list(&people, t.lower(a)) && (alone || of_group) {
            return true;
        }
        let first_in_sentence = t.sentence_of(a).first;
        (a..b).any(|k| {
            t.is_word(k)
                && ((t.toks[k].cap && !(k == first_in_sentence && t.is(k, BREAK_BIT)) && !time_word_at(t, k))
                    || t.is(k, SOURCE_BIT))
        })
    }
}
