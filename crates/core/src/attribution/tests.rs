//! One row per case the attribution rules must handle: a text, the cue to
//! look at, and what that cue's attribution must be.

use super::*;

struct Row {
    case: &'static str,
    text: &'static str,
    cue: &'static str,
    /// The source as written, or "" for none.
    source: &'static str,
    kind: &'static str,
    canonical: &'static str,
    /// Text the content must contain (all spans joined), or "" to skip.
    content: &'static str,
    attribution: AttributionKind,
}

const ROWS: &[Row] = &[
    Row {
        case: "what a phrasal cue refers to is its content, even with a comma after it",
        text: "Trump said the race would be settled by Cleveland, referring to the party's July convention, where Republicans will select a nominee.",
        cue: "referring to",
        source: "Trump",
        kind: "official",
        canonical: "Donald Trump",
        content: "the party's July convention",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an inverted cue set off inside its content, with the speaker's appositive",
        text: "The paradox of Nancy, says Carl Anthony, historian at the National First Ladies Library, is that she was powerful.",
        cue: "says",
        source: "Carl Anthony, historian at the National First Ladies Library",
        kind: "person",
        canonical: "Carl Anthony",
        content: "The paradox of Nancy | is that she was powerful",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a question asked that closes with a quotation before its comma",
        text: "Asked if Sanders is \u{201c}realistic enough to serve,\u{201d} 72 percent of Democrats said yes.",
        cue: "Asked",
        source: "",
        kind: "",
        canonical: "",
        content: "if Sanders is \u{201c}realistic enough to serve,\u{201d}",
        attribution: AttributionKind::NoSource,
    },
    Row {
        case: "when asked by someone: the asker is the source of the question",
        text: "\"Absolutely,\" he said when asked by a reporter if that remains his view.",
        cue: "asked",
        source: "a reporter",
        kind: "media",
        canonical: "reporter",
        content: "if that remains his view",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "content that ends in a quotation inside a quotation, and a channel without an article",
        text: "The event \u{201c}was not as simple as, \u{2018}He\u{2019}s the ringleader,\u{2019}\u{201d} Sexton said in phone interview.",
        cue: "said",
        source: "Sexton",
        kind: "person",
        canonical: "Sexton",
        content: "The event \u{201c}was not as simple as",
        attribution: AttributionKind::Mixed,
    },
    Row {
        case: "an aside that opens with a finite verb is the predicate, not an appositive",
        text: "Some accusations are difficult to prove, while others aren't meaningful to the public, said Grant Green, a former official.",
        cue: "said",
        source: "Grant Green, a former official",
        kind: "official",
        canonical: "Grant Green",
        content: "Some accusations are difficult to prove",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "the subject before an aside with a clause of its own",
        text: "Dorothy Woods, whose husband, Navy SEAL Ty Woods, was killed in the attack, discussed the controversy with Hugh Hewitt.",
        cue: "discussed",
        source: "Dorothy Woods, whose husband, Navy SEAL Ty Woods, was killed in the attack",
        kind: "person",
        canonical: "Dorothy Woods",
        content: "the controversy",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "what the object is cast as is content too",
        text: "Clinton cast her rival as offering a narrow economic message at a rally on Monday.",
        cue: "cast",
        source: "Clinton",
        kind: "person",
        canonical: "Clinton",
        content: "her rival as offering a narrow economic message",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "what something seems is the writer's inference: no source, the subject with it as content",
        text: "The race appears closer in Ohio.",
        cue: "appears",
        source: "",
        kind: "",
        canonical: "",
        content: "The race | closer in Ohio",
        attribution: AttributionKind::NoSource,
    },
    Row {
        case: "after an expletive \"it\" what seems is all the content",
        text: "It appears that the delegates will back Cruz.",
        cue: "appears",
        source: "",
        kind: "",
        canonical: "",
        content: "that the delegates will back Cruz",
        attribution: AttributionKind::NoSource,
    },
    Row {
        case: "a label put on a determined object",
        text: "Ben Carson called the incident a reason for the U.S. to reinvest in its space program.",
        cue: "called",
        source: "Ben Carson",
        kind: "person",
        canonical: "Ben Carson",
        content: "the incident a reason for the U.S. to reinvest",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a one-word label put on a demonstrative object",
        text: "The Cruz campaign calls this absurd.",
        cue: "calls",
        source: "The Cruz campaign",
        kind: "official",
        canonical: "Cruz campaign",
        content: "this absurd",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a long inverted source with a name set off after it",
        text: "He also had a voice in decisions, said a former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn.",
        cue: "said",
        source: "a former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn",
        kind: "official",
        canonical: "Oleg Voloshyn",
        content: "He also had a voice in decisions",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an appositive after an inverted cue runs to the end through a clause with no cue in it",
        text: "That is the thing that saved us, said Carole Taylor, the provincial minister of finance at the time the tax was introduced.",
        cue: "said",
        source: "Carole Taylor, the provincial minister of finance at the time the tax was introduced",
        kind: "official",
        canonical: "Carole Taylor",
        content: "That is the thing that saved us",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "what a source calls something",
        text: "Roof bought the weapon used in what officials called a hate crime.",
        cue: "called",
        source: "officials",
        kind: "official",
        canonical: "officials",
        content: "what | a hate crime",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a source that calls itself something",
        text: "Sanders calls himself a democratic socialist.",
        cue: "calls",
        source: "Sanders",
        kind: "person",
        canonical: "Sanders",
        content: "himself a democratic socialist",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a subject pronoun right after the cue opens the content, before a relative \"that\"",
        text: "The New York Times reported it obtained 72 emails that Carter sent from his personal account.",
        cue: "reported",
        source: "The New York Times",
        kind: "media",
        canonical: "The New York Times",
        content: "it obtained 72 emails that Carter sent",
        attribution: AttributionKind::MediaReport,
    },
    Row {
        case: "a participle with its agent after a common noun is no cue",
        text: "Sanders won younger voters, according to exit polls reported by CNN and other networks.",
        cue: "according to",
        source: "exit polls",
        kind: "document",
        canonical: "exit polls",
        content: "Sanders won younger voters",
        attribution: AttributionKind::AccordingTo,
    },
    Row {
        case: "a semicolon closes the clause of a closing cue",
        text: "Candidates need about 40 percent of the Hispanic vote, political analysts say; in 2012, Mitt Romney stumbled.",
        cue: "say",
        source: "political analysts",
        kind: "person",
        canonical: "political analysts",
        content: "Candidates need about 40 percent of the Hispanic vote",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a determined listener after \"told\" closes the sentence",
        text: "This includes a special force, Defense Secretary Ash Carter told a Senate panel Wednesday.",
        cue: "told",
        source: "Defense Secretary Ash Carter",
        kind: "official",
        canonical: "Ash Carter",
        content: "This includes a special force",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an outlet's programme after \"told\" is the listener, not the content",
        text: "\"North Korea is a paranoid nation,\" the senator told ABC's \"Good Morning America.\"",
        cue: "told",
        source: "the senator",
        kind: "official",
        canonical: "senator",
        content: "North Korea is a paranoid nation",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "investigators are told, not what was said",
        text: "Mills and Clinton told investigators they were unaware.",
        cue: "told",
        source: "Mills and Clinton",
        kind: "person",
        canonical: "Mills and Clinton",
        content: "they were unaware",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an outlet whose name ends in a time word",
        text: "USA TODAY reported that the talks failed.",
        cue: "reported",
        source: "USA TODAY",
        kind: "media",
        canonical: "USA Today",
        content: "the talks failed",
        attribution: AttributionKind::MediaReport,
    },
    Row {
        case: "a newspaper the gazetteer does not list, by its masthead word",
        text: "The Cleveland Plain Dealer reported that the talks failed.",
        cue: "reported",
        source: "The Cleveland Plain Dealer",
        kind: "media",
        canonical: "Cleveland Plain Dealer",
        content: "the talks failed",
        attribution: AttributionKind::MediaReport,
    },
    Row {
        case: "according to a poll with its date",
        text: "According to an online University of Texas poll out Thursday, the senator leads.",
        cue: "According to",
        source: "an online University of Texas poll out Thursday",
        kind: "organization",
        canonical: "online University of Texas poll out Thursday",
        content: "the senator leads",
        attribution: AttributionKind::AccordingTo,
    },
    Row {
        case: "a partial quotation before the cue goes on in the next sentence's quotation",
        text: "Trump and his team are \u{201c}rapidly learning the general election,\u{201d} Gingrich said. \u{201c}The general election is like a gigantic football team.\u{201d}",
        cue: "said",
        source: "Gingrich",
        kind: "person",
        canonical: "Gingrich",
        content: "The general election is like a gigantic football team",
        attribution: AttributionKind::Mixed,
    },
    Row {
        case: "a partial quotation after a verb is part of the clause before the cue",
        text: "Teachers who connect online are \u{201c}very, very pro-Bernie,\u{201d} Kilfoyle said.",
        cue: "said",
        source: "Kilfoyle",
        kind: "person",
        canonical: "Kilfoyle",
        content: "Teachers who connect online are",
        attribution: AttributionKind::Mixed,
    },
    Row {
        case: "a gerund of occasion after the cue is not the content",
        text: "Many voters found it offensive, journalist Martha Raddatz said in posing the question to Christie.",
        cue: "said",
        source: "journalist Martha Raddatz",
        kind: "media",
        canonical: "Martha Raddatz",
        content: "Many voters found it offensive",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a quoted programme title after the cue is a place, not words said",
        text: "The war is over, he said Wednesday on MSNBC\u{2019}s \u{201c}Morning Joe.\u{201d}",
        cue: "said",
        source: "he",
        kind: "unknown",
        canonical: "he",
        content: "The war is over",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "phrases of occasion chained by commas after the cue",
        text: "Her plan would \"end health care,\" Hillary Clinton declared in an interview Thursday, in the latest escalation of words between the candidates ahead of the Iowa caucus.",
        cue: "declared",
        source: "Hillary Clinton",
        kind: "official",
        canonical: "Hillary Clinton",
        content: "Her plan would",
        attribution: AttributionKind::Mixed,
    },
    Row {
        case: "a role word reaches back over \"on\" to the body it serves",
        text: "A senior adviser on the Trump transition team said the talks failed.",
        cue: "said",
        source: "A senior adviser on the Trump transition team",
        kind: "official",
        canonical: "senior adviser on the Trump transition team",
        content: "the talks failed",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a relative clause about the speaker after an inverted cue",
        text: "Biden \u{201c}has a lot of roles to play,\u{201d} said Doyle, whose home state is a target.",
        cue: "said",
        source: "Doyle",
        kind: "person",
        canonical: "Doyle",
        content: "has a lot of roles to play",
        attribution: AttributionKind::Mixed,
    },
    Row {
        case: "a subject set off by an aside opens a clause after \"that\"",
        text: "It was three years ago that Michael Bloomberg, who is thinking about running, said it was impossible.",
        cue: "said",
        source: "Michael Bloomberg, who is thinking about running",
        kind: "person",
        canonical: "Michael Bloomberg",
        content: "it was impossible",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a parenthetical cue after one word of content",
        text: "Time, Mr. Pence added, was on their side.",
        cue: "added",
        source: "Mr. Pence",
        kind: "official",
        canonical: "Mike Pence",
        content: "was on their side",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "\"called\" after an indefinite speaker is a cue, not a name",
        text: "A spokesman for Hillary Clinton called the report \u{201c}a smear.\u{201d}",
        cue: "called",
        source: "A spokesman for Hillary Clinton",
        kind: "official",
        canonical: "spokesman for Hillary Clinton",
        content: "a smear",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "according to, after the claim",
        text: "The talks will resume next week, according to two officials familiar with the matter.",
        cue: "according to",
        source: "two officials familiar with the matter",
        kind: "anonymous",
        canonical: "two officials familiar with the matter",
        content: "The talks will resume next week",
        attribution: AttributionKind::AccordingTo,
    },
    Row {
        case: "according to, before the claim",
        text: "According to the Pentagon, 40 soldiers were hurt.",
        cue: "According to",
        source: "the Pentagon",
        kind: "official",
        canonical: "Pentagon",
        content: "40 soldiers were hurt",
        attribution: AttributionKind::AccordingTo,
    },
    Row {
        case: "citing a document on state TV",
        text: "TASS reported the meeting, citing a short video released on state TV channel Rossiya 1.",
        cue: "citing",
        source: "a short video released on state TV channel Rossiya 1",
        kind: "state_media",
        canonical: "short video (Rossiya 1)",
        content: "",
        attribution: AttributionKind::Citing,
    },
    Row {
        case: "told X that",
        text: "Russian President Vladimir Putin told his U.S. counterpart Joe Biden that he would like to meet.",
        cue: "told",
        source: "Russian President Vladimir Putin",
        kind: "official",
        canonical: "Vladimir Putin",
        content: "he would like to meet",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "said in a statement",
        text: "The ministry said in a statement that the border was calm.",
        cue: "said in a statement",
        source: "The ministry",
        kind: "official",
        canonical: "ministry",
        content: "the border was calm",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "colon quote form",
        text: "Dmitry Peskov: \u{201C}It is too early to talk about a meeting.\u{201D}",
        cue: ":",
        source: "Dmitry Peskov",
        kind: "official",
        canonical: "Dmitry Peskov",
        content: "It is too early",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "dash quote form",
        text: "Maria Zakharova \u{2014} \u{201C}We have nothing to add to what was said.\u{201D}",
        cue: "\u{2014}",
        source: "Maria Zakharova",
        kind: "official",
        canonical: "Maria Zakharova",
        content: "nothing to add",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "quote split around the cue",
        text: "\u{201C}We'll definitely meet,\u{201D} Putin said. \u{201C}I would really like that.\u{201D}",
        cue: "said",
        source: "Putin",
        kind: "official",
        canonical: "Vladimir Putin",
        content: "I would really like that",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "quote split inside the sentence",
        text: "\u{201C}We'll definitely meet,\u{201D} Putin said, \u{201C}in person.\u{201D}",
        cue: "said",
        source: "Putin",
        kind: "official",
        canonical: "Vladimir Putin",
        content: "in person",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "inverted cue after a quote",
        text: "\u{201C}It is a tough charge,\u{201D} said Senator Mike Pence of Indiana.",
        cue: "said",
        source: "Senator Mike Pence of Indiana",
        kind: "official",
        canonical: "Mike Pence",
        content: "It is a tough charge",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "multi-paragraph quote",
        text: "\u{201C}The first paragraph of the quote goes on.\n\n\u{201C}The second one closes it,\u{201D} the senator said.",
        cue: "said",
        source: "the senator",
        kind: "official",
        canonical: "senator",
        content: "The first paragraph of the quote goes on.\n\n\u{201C}The second one closes it",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "appositive",
        text: "Hugh Hill, a doctor, said the clinic was full.",
        cue: "said",
        source: "Hugh Hill, a doctor",
        kind: "person",
        canonical: "Hugh Hill",
        content: "the clinic was full",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "appositive after a focusing adverb",
        text: "Even Rendell, a stalwart Clinton supporter, said it would be easier to build.",
        cue: "said",
        source: "Rendell, a stalwart Clinton supporter",
        kind: "person",
        canonical: "Rendell",
        content: "it would be easier to build",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "party and state between commas",
        text: "Sen. Rand Paul, R-Ky., told Fox News that polls could be way off.",
        cue: "told",
        source: "Sen. Rand Paul, R-Ky.",
        kind: "official",
        canonical: "Rand Paul",
        content: "polls could be way off",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "straight closing quote after a space",
        text: "\"It is a disgrace, \" Trump said.",
        cue: "said",
        source: "Trump",
        kind: "official",
        canonical: "Donald Trump",
        content: "\"It is a disgrace, \"",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "inverted quote with a common-noun source",
        text: "\u{201C}It is hard to come back to work,\u{201D} said the designer, who works for another brand.",
        cue: "said",
        source: "the designer, who works for another brand",
        kind: "unknown",
        canonical: "designer",
        content: "\u{201C}It is hard to come back to work,\u{201D}",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "long appositive with a relative clause",
        text: "Parker Eaton, a Republican who voted for Bill Clinton, said that the field was weak.",
        cue: "said",
        source: "Parker Eaton, a Republican who voted for Bill Clinton",
        kind: "person",
        canonical: "Parker Eaton",
        content: "the field was weak",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "content first, cue last",
        text: "Russian troops were on Russian territory and did not pose a threat, Peskov said on Sunday.",
        cue: "said",
        source: "Peskov",
        kind: "official",
        canonical: "Dmitry Peskov",
        content: "Russian troops were on Russian territory and did not pose a threat",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "belief cue",
        text: "Senator Ted Cruz believes the deal will collapse.",
        cue: "believes",
        source: "Senator Ted Cruz",
        kind: "official",
        canonical: "Ted Cruz",
        content: "the deal will collapse",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "intention cue",
        text: "Moscow wants the West to stay out of Ukraine.",
        cue: "wants",
        source: "Moscow",
        kind: "official",
        canonical: "Russia",
        content: "the West to stay out of Ukraine",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "warning with an object",
        text: "The Kremlin warned Washington that sanctions would backfire.",
        cue: "warned",
        source: "The Kremlin",
        kind: "official",
        canonical: "Kremlin",
        content: "sanctions would backfire",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "mixed quote",
        text: "Peskov said the meeting was a \u{201C}question for the future.\u{201D}",
        cue: "said",
        source: "Peskov",
        kind: "official",
        canonical: "Dmitry Peskov",
        content: "the meeting was a",
        attribution: AttributionKind::Mixed,
    },
    Row {
        case: "generic media report",
        text: "Putin would like to meet Biden, Russian media reported on Sunday.",
        cue: "reported",
        source: "Russian media",
        kind: "media",
        canonical: "Russian media",
        content: "Putin would like to meet Biden",
        attribution: AttributionKind::MediaReport,
    },
    Row {
        case: "wire service",
        text: "Reuters reported that the plant was closed.",
        cue: "reported",
        source: "Reuters",
        kind: "wire",
        canonical: "Reuters",
        content: "the plant was closed",
        attribution: AttributionKind::MediaReport,
    },
    Row {
        case: "anonymous source",
        text: "An official who spoke on condition of anonymity said the plan was dropped.",
        cue: "said",
        source: "An official who spoke on condition of anonymity",
        kind: "anonymous",
        canonical: "official",
        content: "the plan was dropped",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "relative clause narrowing the subject down",
        text: "But the groups who wrote to her on Thursday say that is not enough.",
        cue: "say",
        source: "the groups who wrote to her on Thursday",
        kind: "organization",
        canonical: "groups",
        content: "that is not enough",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "relative clause with a that-clause of its own",
        text: "The judges who ruled that Texas could not enforce its law said the state had meant to discriminate.",
        cue: "said",
        source: "The judges who ruled that Texas could not enforce its law",
        kind: "official",
        canonical: "judges",
        content: "the state had meant to discriminate",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "relative clause whose verb is a cue",
        text: "Progressive groups that have endorsed him say they want the rules changed.",
        cue: "have endorsed",
        source: "that",
        kind: "organization",
        canonical: "Progressive groups",
        content: "him",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "place set off inside a relative clause",
        text: "Sandy Phillips, who lost her daughter in Aurora, Colorado, in July 2012, said that Sanders had been disrespectful.",
        cue: "said",
        source: "Sandy Phillips, who lost her daughter in Aurora, Colorado, in July 2012",
        kind: "person",
        canonical: "Sandy Phillips",
        content: "that Sanders had been disrespectful",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "participle after an irregular past tense",
        text: "Carly Fiorina threw her support behind Ted Cruz on Wednesday, saying it is time to act.",
        cue: "saying",
        source: "Carly Fiorina",
        kind: "person",
        canonical: "Carly Fiorina",
        content: "it is time to act",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "quote split around the cue and what it is about",
        text: "“You’ve got to be able to adapt,” he said of Trump, “whether you’re a politician or an entrepreneur.”",
        cue: "said",
        source: "he",
        kind: "unknown",
        canonical: "he",
        content: "“You’ve got to be able to adapt,” | “whether you’re a politician or an entrepreneur.”",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "verb of judgement with what its object is taken as",
        text: "Rand Paul has attacked the program as a violation of free market principles.",
        cue: "has attacked",
        source: "Rand Paul",
        kind: "official",
        canonical: "Rand Paul",
        content: "the program as a violation of free market principles",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "verb of judgement before a clause of time",
        text: "Rubio opposed the bill as he positioned himself for his presidential run.",
        cue: "opposed",
        source: "Rubio",
        kind: "official",
        canonical: "Marco Rubio",
        content: "the bill",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "writer's next clause after a comma and 'and'",
        text: "The government has denied any role in the attacks, and the U.S. has never formally accused its ally.",
        cue: "has denied",
        source: "The government",
        kind: "official",
        canonical: "government",
        content: "any role in the attacks",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "demonstrative source closing the sentence",
        text: "Love felt betrayed by Cruz on a trade bill, those people said.",
        cue: "said",
        source: "those people",
        kind: "person",
        canonical: "those people",
        content: "Love felt betrayed by Cruz on a trade bill",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "country as an actor",
        text: "Russia has said it does not want offensive weapons near its border.",
        cue: "has said",
        source: "Russia",
        kind: "official",
        canonical: "Russia",
        content: "it does not want offensive weapons",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "reportedly has no source",
        text: "The minister reportedly resigned after the vote.",
        cue: "reportedly",
        source: "",
        kind: "",
        canonical: "",
        content: "The minister reportedly resigned",
        attribution: AttributionKind::NoSource,
    },
    Row {
        case: "a poll as a document",
        text: "A new poll shows Sanders leading in Iowa.",
        cue: "shows",
        source: "A new poll",
        kind: "document",
        canonical: "new poll",
        content: "Sanders leading in Iowa",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "asked, then the speaker: who asked goes unnamed",
        text: "Asked whether the talks would resume, Speaker Paul Ryan said he hoped so.",
        cue: "Asked",
        source: "",
        kind: "",
        canonical: "",
        content: "whether the talks would resume",
        attribution: AttributionKind::NoSource,
    },
    Row {
        case: "a poll named before the finding",
        text: "In the new Morning Consult poll, 40 percent of voters backed the plan.",
        cue: "In",
        source: "the new Morning Consult poll",
        kind: "document",
        canonical: "new Morning Consult poll",
        content: "40 percent of voters backed the plan",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a share of a polled group",
        text: "About 4 in 10 Republican voters say they want a new leader.",
        cue: "say",
        source: "4 in 10 Republican voters",
        kind: "person",
        canonical: "4 in 10 Republican voters",
        content: "they want a new leader",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "appositive between dashes",
        text: "Jason Sims \u{2014} a teacher from Mount Pleasant \u{2014} says he voted early.",
        cue: "says",
        source: "Jason Sims \u{2014} a teacher from Mount Pleasant",
        kind: "person",
        canonical: "Jason Sims",
        content: "he voted early",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "transcript speaker label",
        text: "TAPPER: Thank you for joining us.\nTRUMP: It is great to be here.\nTAPPER: Let us begin.",
        cue: ":",
        source: "TAPPER",
        kind: "person",
        canonical: "TAPPER",
        content: "Thank you for joining us",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "bare clause after a belief verb",
        text: "They think the progress on climate change is real.",
        cue: "think",
        source: "They",
        kind: "unknown",
        canonical: "they",
        content: "the progress on climate change is real",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "the asker after \"asked by\"",
        text: "Asked by Matt Lauer whether she had practiced her speech, Clinton laughed.",
        cue: "Asked",
        source: "Matt Lauer",
        kind: "person",
        canonical: "Matt Lauer",
        content: "whether she had practiced her speech",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "the subject of a relative clause's object",
        text: "Officials who had reviewed the documents said the plan was flawed.",
        cue: "said",
        source: "Officials who had reviewed the documents",
        kind: "official",
        canonical: "Officials",
        content: "the plan was flawed",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an opening passive participle before the subject of a participle cue",
        text: "Chastened by the analyses, Trump revised his plan, promising to focus on average Americans.",
        cue: "promising",
        source: "Trump",
        kind: "official",
        canonical: "Donald Trump",
        content: "to focus on average Americans",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a day between the appositive and the cue",
        text: "Jane Roe, a local teacher, on Tuesday said the plan was a disaster.",
        cue: "said",
        source: "Jane Roe, a local teacher",
        kind: "person",
        canonical: "Jane Roe",
        content: "the plan was a disaster",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "inverted cue with a trailing appositive",
        text: "The plan is sound, said George Bruno, a former state senator in New Hampshire.",
        cue: "said",
        source: "George Bruno, a former state senator in New Hampshire",
        kind: "official",
        canonical: "George Bruno",
        content: "The plan is sound",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "relative pronoun as the subject",
        text: "Senator Lindsey Graham, who has endorsed Cruz, spoke on Monday.",
        cue: "has endorsed",
        source: "who",
        kind: "official",
        canonical: "Lindsey Graham",
        content: "Cruz",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "passive expectation with no source",
        text: "Trump is expected to deliver a victory speech later tonight.",
        cue: "is expected",
        source: "",
        kind: "",
        canonical: "",
        content: "Trump | to deliver a victory speech",
        attribution: AttributionKind::NoSource,
    },
    Row {
        case: "an anonymous source whose phrase reaches over \"familiar with\" and a relative clause",
        text: "A source familiar with the talks, who asked not to be named, said the two sides remained far apart.",
        cue: "said",
        source: "A source familiar with the talks, who asked not to be named",
        kind: "anonymous",
        canonical: "source familiar with the talks",
        content: "the two sides remained far apart",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a title set off before the name, after a quotation",
        text: "\u{201C}We will meet again,\u{201D} the lead negotiator, Anna Kovacs, told reporters.",
        cue: "told",
        source: "the lead negotiator, Anna Kovacs",
        kind: "person",
        canonical: "Anna Kovacs",
        content: "We will meet again",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "a known title set off before the name types the source",
        text: "\u{201C}No,\u{201D} the Russian foreign minister, Sergei Lavrov, told reporters.",
        cue: "told",
        source: "the Russian foreign minister, Sergei Lavrov",
        kind: "official",
        canonical: "Sergei Lavrov",
        content: "No",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "a participle after \"in a statement\" describes the statement",
        text: "The first round of talks has ended, the ministry said in a statement posted on its website.",
        cue: "said in a statement",
        source: "the ministry",
        kind: "official",
        canonical: "ministry",
        content: "The first round of talks has ended",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a coordinated verb shares its subject past an opening adverbial",
        text: "In a call with reporters on Thursday, the senator criticized the policy and said allies wanted answers.",
        cue: "said",
        source: "the senator",
        kind: "official",
        canonical: "senator",
        content: "allies wanted answers",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a coordinated verb shares the subject of its own clause",
        text: "Romney called on Akin to quit, as the Republican congressman held his ground and vowed to stay in the race.",
        cue: "vowed",
        source: "the Republican congressman",
        kind: "official",
        canonical: "Republican congressman",
        content: "to stay in the race",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a participle after a dash",
        text: "Marco Rubio flipped his choice on the spot \u{2013} saying he was rooting for Peyton Manning.",
        cue: "saying",
        source: "Marco Rubio",
        kind: "official",
        canonical: "Marco Rubio",
        content: "he was rooting for Peyton Manning",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a participle after a quotation whose comma sits inside it",
        text: "Mr. Trump said of the episode, \u{201C}I don't like it,\u{201D} adding that the crowd was angry.",
        cue: "adding",
        source: "Mr. Trump",
        kind: "official",
        canonical: "Donald Trump",
        content: "the crowd was angry",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a participle after \"before\"",
        text: "Rubio responded before adding that he will have to win some states.",
        cue: "adding",
        source: "Rubio",
        kind: "official",
        canonical: "Marco Rubio",
        content: "he will have to win some states",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a stray single mark inside a double quotation does not leave it open",
        text: "The worry is that he is \u{201C}\u{2018}unpredictable.\u{201D} Yet he is also a \u{201C}change agent,\u{201D} Cole said.",
        cue: "said",
        source: "Cole",
        kind: "person",
        canonical: "Cole",
        content: "he is also a \u{201C}change agent,\u{201D}",
        attribution: AttributionKind::Mixed,
    },
    Row {
        case: "a source with a participle that says which ones",
        text: "People briefed on the situation said the deal would close on Friday.",
        cue: "said",
        source: "People briefed on the situation",
        kind: "anonymous",
        canonical: "People briefed on the situation",
        content: "the deal would close on Friday",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a refusal to comment: what was declined is the content",
        text: "A spokeswoman for the Israeli Defense Ministry declined to comment for this article.",
        cue: "declined",
        source: "A spokeswoman for the Israeli Defense Ministry",
        kind: "official",
        canonical: "spokeswoman for the Israeli Defense Ministry",
        content: "to comment for this article",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a document with its author after \"by\"",
        text: "The gap has widened, a study by the Council of the Great City Schools found.",
        cue: "found",
        source: "a study by the Council of the Great City Schools",
        kind: "document",
        canonical: "study by the Council of the Great City Schools",
        content: "The gap has widened",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "the writer's own belief is the outlet's",
        text: "But I think the plan will fail without more money.",
        cue: "think",
        source: "I",
        kind: "self",
        canonical: "the outlet",
        content: "the plan will fail without more money",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "the question of \"when asked whether\", with the asker unnamed",
        text: "\u{201C}You bet I would,\u{201D} Christie said when asked whether he would order a quarantine.",
        cue: "asked",
        source: "",
        kind: "",
        canonical: "",
        content: "whether he would order a quarantine",
        attribution: AttributionKind::NoSource,
    },
    Row {
        case: "a one-word label after a person object",
        text: "Sen. Bernie Sanders called him divisive and accused him of lying.",
        cue: "called",
        source: "Sen. Bernie Sanders",
        kind: "official",
        canonical: "Bernie Sanders",
        content: "him divisive",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a document subject with a participle and its time before the cue",
        text: "A Des Moines Register poll released Saturday found that 28 percent of caucusgoers back Cruz.",
        cue: "found",
        source: "A Des Moines Register poll",
        // The poll is a document carried by the newspaper, which types it.
        kind: "media",
        canonical: "Des Moines Register poll (The Des Moines Register)",
        content: "28 percent of caucusgoers back Cruz",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a possessive opens a common-noun source closing the sentence",
        text: "The economy is strong, her friend said.",
        cue: "said",
        source: "her friend",
        kind: "unknown",
        canonical: "her friend",
        content: "The economy is strong",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an unnamed source close to someone named by a pronoun",
        text: "Cruz will change how he approaches his colleagues, a source close to him said.",
        cue: "said",
        source: "a source close to him",
        kind: "anonymous",
        canonical: "source close to him",
        content: "Cruz will change how he approaches his colleagues",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an inverted cue whose source has an appositive and then a relative clause",
        text: "Nor are tariffs likely to bring these jobs back, said David Autor, a professor of economics at \
               M.I.T., who is one of the country's foremost specialists on trade.",
        cue: "said",
        source: "David Autor, a professor of economics at M.I.T., who is one of the country's foremost specialists on \
                 trade",
        kind: "person",
        canonical: "David Autor",
        content: "Nor are tariffs likely to bring these jobs back",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a title joined by \"and\" in the appositive of an inverted cue",
        text: "The Clinton approach is made possible by its resources, said Katie Harbath, Facebook's global politics \
               and government outreach director.",
        cue: "said",
        source: "Katie Harbath, Facebook's global politics and government outreach director",
        kind: "person",
        canonical: "Katie Harbath",
        content: "The Clinton approach is made possible by its resources",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "the people a poll asked",
        text: "By 58%-33%, those surveyed said the group's funding shouldn't be eliminated.",
        cue: "said",
        source: "those surveyed",
        kind: "unknown",
        canonical: "those surveyed",
        content: "the group's funding shouldn't be eliminated",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a share of a group named by a pronoun",
        text: "And until the shutdown, most of them said they had loved working for Carrier.",
        cue: "said",
        source: "most of them",
        kind: "unknown",
        canonical: "most of them",
        content: "they had loved working for Carrier",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a pronoun joined to another source",
        text: "It's not only about creating big audiences, he and Mr. Allen said.",
        cue: "said",
        source: "he and Mr. Allen",
        kind: "person",
        canonical: "Mr. Allen",
        content: "It's not only about creating big audiences",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "standings that a named poll reports, after them",
        text: "Clinton held a 24-point lead over Obama among black voters in a CNN national poll released Sunday.",
        cue: "in",
        source: "a CNN national poll released Sunday",
        kind: "media",
        canonical: "CNN national poll (CNN)",
        content: "Clinton held a 24-point lead over Obama among black voters",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "\"it\" passing on words with a weak speech cue",
        text: "Twitter said threats were against its terms of service. It added that it has worked with groups.",
        cue: "added",
        source: "It",
        // "It" is the company named before it.
        kind: "organization",
        canonical: "Twitter",
        content: "it has worked with groups",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a determined noun set off by commas with a weak speech cue",
        text: "He had no known political affiliations, the airline added, and had passed all security checks.",
        cue: "added",
        source: "the airline",
        kind: "unknown",
        canonical: "airline",
        content: "He had no known political affiliations",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a participle whose subject follows an opening \"here in\"",
        text: "Here in Columbia, Sanders stepped up his emphasis on issues, saying, \"We have got to achieve the day.\"",
        cue: "saying",
        source: "Sanders",
        kind: "person",
        canonical: "Sanders",
        content: "We have got to achieve the day.",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "a second verb after \", then\" shares the subject",
        text: "The senator paused, then said the vote would go ahead.",
        cue: "then said",
        source: "The senator",
        kind: "official",
        canonical: "senator",
        content: "the vote would go ahead",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a manner adverb before the cue goes with it",
        text: "Mr. Schultz generally said the plan would work.",
        cue: "generally said",
        source: "Mr. Schultz",
        kind: "person",
        canonical: "Mr. Schultz",
        content: "the plan would work",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "the subject a second verb shares stops before an adverb",
        text: "Kasich jokingly offered the man a job, then says he will welcome advice.",
        cue: "then says",
        source: "Kasich",
        kind: "official",
        canonical: "John Kasich",
        content: "he will welcome advice",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a determined common noun opening its clause before a strong cue",
        text: "Even the organizer of a pro-Trump rally said the rules increased the chance of violence.",
        cue: "said",
        source: "the organizer of a pro-Trump rally",
        kind: "unknown",
        canonical: "organizer of a pro-Trump rally",
        content: "the rules increased the chance of violence",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a subject whose noun has a phrase with \"to\" after it",
        text: "The deputy head of China\u{2019}s delegation to the forum said the United States should reduce its \
               patrols.",
        cue: "said",
        source: "The deputy head of China\u{2019}s delegation to the forum",
        kind: "unknown",
        canonical: "deputy head of China\u{2019}s delegation to the forum",
        content: "the United States should reduce its patrols",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a subject whose noun has a phrase with \"from\" after it",
        text: "The head of the delegation from China said the talks had failed.",
        cue: "said",
        source: "The head of the delegation from China",
        kind: "unknown",
        canonical: "head of the delegation from China",
        content: "the talks had failed",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a sentence adverb between the subject and its cue",
        text: "Carter however said he would welcome the talks.",
        cue: "said",
        source: "Carter",
        kind: "person",
        canonical: "Carter",
        content: "he would welcome the talks",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a sentence adverb set off by commas is left out of the source",
        text: "The spokesman, however, said the plan would work.",
        cue: "said",
        source: "The spokesman",
        kind: "official",
        canonical: "spokesman",
        content: "the plan would work",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an aside that says when, with a comma of its own, is left out of the source",
        text: "Clinton, during a town hall meeting in Columbus, Ohio, said the plan would work.",
        cue: "said",
        source: "Clinton",
        kind: "person",
        canonical: "Clinton",
        content: "the plan would work",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a participle aside is left out of the source",
        text: "Trump, speaking at a rally in Iowa, said the plan would work.",
        cue: "said",
        source: "Trump",
        kind: "official",
        canonical: "Donald Trump",
        content: "the plan would work",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an aside with \"at\" that says where the source works stays in it",
        text: "Dr. Anna Pantucci, at the Royal United Services Institute, said the plan would work.",
        cue: "said",
        source: "Dr. Anna Pantucci, at the Royal United Services Institute",
        kind: "person",
        canonical: "Anna Pantucci",
        content: "the plan would work",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "people of a kind the lexicon knows, placed by a name after them",
        text: "Six newspapers in New Jersey said he was unfit to govern.",
        cue: "said",
        source: "Six newspapers in New Jersey",
        kind: "media",
        canonical: "Six newspapers in New Jersey",
        content: "he was unfit to govern",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a placed subject with a list of its members set off by commas",
        text: "Six Gannett newspapers in New Jersey, including the Asbury Park Press, said he was unfit to govern.",
        cue: "said",
        source: "Six Gannett newspapers in New Jersey, including the Asbury Park Press",
        kind: "media",
        canonical: "Six Gannett newspapers in New Jersey, including the Asbury Park Press",
        content: "he was unfit to govern",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a placed subject with a list of its members set off by dashes",
        text: "Many speakers at the service \u{2014} including Muslims, Christians and Jews \u{2014} said his death was painful.",
        cue: "said",
        source: "Many speakers at the service \u{2014} including Muslims, Christians and Jews",
        kind: "person",
        canonical: "speakers at the service \u{2014} including Muslims, Christians and Jews",
        content: "his death was painful",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "the plural of a lexicon noun names the same kind of source",
        text: "Two agencies said the figures were wrong.",
        cue: "said",
        source: "Two agencies",
        kind: "official",
        canonical: "Two agencies",
        content: "the figures were wrong",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a name with an age before an appositive that is placed",
        text: "Cecelia Purner, 67, a retired teacher in Allentown, Pa., said she had read them.",
        cue: "said",
        source: "Cecelia Purner, 67, a retired teacher in Allentown, Pa.",
        kind: "person",
        canonical: "Cecelia Purner",
        content: "she had read them",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a name before an appositive without an article, closed before the cue",
        text: "The plans will help, Anne Richards, assistant secretary of state for population, refugees, and migration, said on Monday.",
        cue: "said",
        source: "Anne Richards, assistant secretary of state for population, refugees, and migration",
        kind: "official",
        canonical: "Anne Richards",
        content: "The plans will help",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a relative \"which\" is the subject as written, named by what it stands for",
        text: "The editorial ran in The Washington Post, which argued that the plan would fail.",
        cue: "argued",
        source: "which",
        kind: "media",
        canonical: "Washington Post (The Washington Post)",
        content: "the plan would fail",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a cue without a that-clause keeps a relative \"that\" in its object",
        text: "He cited polls by Quinnipiac University that showed Trump ahead.",
        cue: "cited",
        source: "He",
        kind: "unknown",
        canonical: "he",
        content: "polls by Quinnipiac University that showed Trump ahead",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a trailing \"according to\" takes what follows a colon, not a time's colon",
        text: "Advocates have been very successful: So far this year, 14 states passed 30 laws by 8:30 p.m., according to the Guttmacher Institute.",
        cue: "according to",
        source: "the Guttmacher Institute",
        kind: "organization",
        canonical: "Guttmacher Institute",
        content: "So far this year, 14 states passed 30 laws by 8:30 p.m.",
        attribution: AttributionKind::AccordingTo,
    },
    Row {
        case: "in an opening subordinate clause the content ends where the main clause begins",
        text: "Although they say the United States must play a prominent role, they differ by degree in their support.",
        cue: "say",
        source: "they",
        kind: "unknown",
        canonical: "they",
        content: "the United States must play a prominent role",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "what the words were about, before the quotation, is no part of them",
        text: "Jeb Bush said about the movement, \u{201C}I support parents making the best decisions.\u{201D}",
        cue: "said",
        source: "Jeb Bush",
        kind: "official",
        canonical: "Jeb Bush",
        content: "I support parents making the best decisions.",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "coordinated phrases opening the clause are one subject",
        text: "Both Blocher and the SVP say the law is wrong.",
        cue: "say",
        source: "Both Blocher and the SVP",
        kind: "person",
        canonical: "Blocher and the SVP",
        content: "the law is wrong",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a clause before \"and\" is no part of the subject",
        text: "He won and his opponents said the vote was rigged.",
        cue: "said",
        source: "his opponents",
        kind: "person",
        canonical: "his opponents",
        content: "the vote was rigged",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a source after \"according to\" with an adverb of time and a comparison of quantity",
        text: "According to interviews with more than a half-dozen of the recently released prisoners, he lied.",
        cue: "According to",
        source: "interviews with more than a half-dozen of the recently released prisoners",
        kind: "unknown",
        canonical: "interviews with more than a half-dozen of the recently released prisoners",
        content: "he lied",
        attribution: AttributionKind::AccordingTo,
    },
    Row {
        case: "a quoted name inside the source after \"according to\"",
        text: "Costs would rise, according to the \"Medicare for all\" document he released.",
        cue: "according to",
        source: "the \"Medicare for all\" document",
        kind: "document",
        canonical: "\"Medicare for all\" document",
        content: "Costs would rise",
        attribution: AttributionKind::AccordingTo,
    },
    Row {
        case: "the subject of a passive judgement is its target, not its source",
        text: "The rollout of Mike Pence was widely criticized as a mess.",
        cue: "was widely criticized",
        source: "",
        kind: "",
        canonical: "",
        content: "as a mess",
        attribution: AttributionKind::NoSource,
    },
    Row {
        case: "the subject of a passive speech cue was told, and told nothing",
        text: "He was told that the plan had failed.",
        cue: "was told",
        source: "",
        kind: "",
        canonical: "",
        content: "the plan had failed",
        attribution: AttributionKind::NoSource,
    },
    Row {
        case: "\"was first reported by\": the agent reported, the subject is what it reported",
        text: "The meeting was first reported by Politico.",
        cue: "was first reported",
        source: "Politico",
        kind: "media",
        canonical: "Politico",
        content: "The meeting",
        attribution: AttributionKind::MediaReport,
    },
    Row {
        case: "\"first\" inside a title is no cue",
        text: "The former first lady and U.S. senator said the plan would work.",
        cue: "said",
        source: "The former first lady and U.S. senator",
        kind: "official",
        canonical: "former first lady and U.S. senator",
        content: "the plan would work",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a feeling in the passive is the subject's own",
        text: "She is convinced that the plan will work.",
        cue: "is convinced",
        source: "She",
        kind: "unknown",
        canonical: "she",
        content: "the plan will work",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a dateline is no subject of a participle",
        text: "WASHINGTON \u{2014} Hillary Clinton made it clear to House Democrats on Wednesday that she has their backs, touting a message of unity.",
        cue: "touting",
        source: "Hillary Clinton",
        kind: "official",
        canonical: "Hillary Clinton",
        content: "a message of unity",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a span of time before \"later\" is no subject of a participle",
        text: "Hours later, Trump returned the compliment to Adelson, telling Reuters the two were friends.",
        cue: "telling",
        source: "Trump",
        kind: "official",
        canonical: "Donald Trump",
        content: "the two were friends",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a floating quantifier goes with the verb",
        text: "Trump and Sanders have both argued that workers have lost jobs.",
        cue: "have both argued",
        source: "Trump and Sanders",
        kind: "person",
        canonical: "Trump and Sanders",
        content: "workers have lost jobs",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an adverb opening the sentence is no subject of a participle",
        text: "Shortly after the merger announcement, the unions had mobilized, warning that the deal would fail.",
        cue: "warning",
        source: "the unions",
        kind: "organization",
        canonical: "unions",
        content: "the deal would fail",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "\"seemed\" is the writer's inference about its subject, who said nothing",
        text: "Trump seemed to appreciate that concept in a Wednesday interview.",
        cue: "seemed",
        source: "",
        kind: "",
        canonical: "",
        content: "to appreciate that concept",
        attribution: AttributionKind::NoSource,
    },
    Row {
        case: "a passive belief leaves the believers unnamed",
        text: "The central bank is expected to raise rates in December.",
        cue: "is expected",
        source: "",
        kind: "",
        canonical: "",
        content: "to raise rates in December",
        attribution: AttributionKind::NoSource,
    },
    Row {
        case: "\"Asked about\" opening a sentence: the one asked answers in his own attribution",
        text: "Asked about the plan, Trump said it was a disaster.",
        cue: "said",
        source: "Trump",
        kind: "official",
        canonical: "Donald Trump",
        content: "it was a disaster",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a cue-first appositive with an appositive of its own",
        text: "\"Nobody expected this,\" said Roger C. Altman, founder of Evercore Partners, a publicly traded boutique.",
        cue: "said",
        source: "Roger C. Altman, founder of Evercore Partners, a publicly traded boutique",
        kind: "organization",
        canonical: "Roger C. Altman",
        content: "Nobody expected this",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "a cue-first appositive followed by a relative clause about the body it names",
        text: "\"The fear is greater here,\" said Paloma Wu, legal director for the state ACLU, which filed a challenge.",
        cue: "said",
        source: "Paloma Wu, legal director for the state ACLU",
        kind: "organization",
        canonical: "Paloma Wu",
        content: "The fear is greater here",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "a cue-first source with a prepositional phrase closing the sentence",
        text: "He had a voice in decisions about investments in Ukraine, said a former spokesman for Ukraine's Foreign Ministry.",
        cue: "said",
        source: "a former spokesman for Ukraine's Foreign Ministry",
        kind: "official",
        canonical: "former spokesman for Ukraine's Foreign Ministry",
        content: "He had a voice in decisions about investments in Ukraine",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a parenthetical cue after a lone conjunction",
        text: "But, the former chief executive added, it is not the way to win.",
        cue: "added",
        source: "the former chief executive",
        kind: "organization",
        canonical: "former chief executive",
        content: "it is not the way to win",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a coordinated cue after an opening prepositional phrase",
        text: "By the end of the day, Mr. Trump was forced into damage control and said that his words had been misconstrued.",
        cue: "said",
        source: "Mr. Trump",
        kind: "official",
        canonical: "Donald Trump",
        content: "his words had been misconstrued",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an opening adverbial set off by a comma is no name before an appositive",
        text: "On Tuesday, Senator Harry Reid, the minority leader, said that he spoke with Mr. Sanders.",
        cue: "said",
        source: "Senator Harry Reid, the minority leader",
        kind: "official",
        canonical: "Harry Reid",
        content: "he spoke with Mr. Sanders",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a cue-first source with an appositive, then adverbials after a comma",
        text: "The two men knew each other casually, said the bureau's director, James B. Comey, on Monday.",
        cue: "said",
        source: "the bureau's director, James B. Comey",
        kind: "organization",
        canonical: "James Comey",
        content: "The two men knew each other casually",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a cue-first source whose appositive ends in initialisms joined by a hyphen",
        text: "''Anyone who divides people is a threat,'' said Richard L. Trumka, president of the A.F.L.-C.I.O.",
        cue: "said",
        source: "Richard L. Trumka, president of the A.F.L.-C.I.O.",
        kind: "official",
        canonical: "Richard L. Trumka",
        content: "''Anyone who divides people is a threat,''",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "a cue-first source whose appositive is followed by more of the quotation",
        text: "\"We have offices here,\" said Stephanie Formas, Clinton's state director, \"and we're building.\"",
        cue: "said",
        source: "Stephanie Formas, Clinton's state director",
        kind: "person",
        canonical: "Stephanie Formas",
        content: "\"We have offices here,\" | \"and we're building.\"",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "a dated document after \"according to\"",
        text: "According to a January 2016 study by the Pew Research Center, eligible voters were young.",
        cue: "According to",
        source: "a January 2016 study by the Pew Research Center",
        kind: "document",
        canonical: "January 2016 study by the Pew Research Center",
        content: "eligible voters were young",
        attribution: AttributionKind::AccordingTo,
    },
    Row {
        case: "\"it\" as the subject of an active cue is a source",
        text: "The newspaper ran the story on Sunday. It also accused the campaign of lying.",
        cue: "also accused",
        source: "It",
        kind: "unknown",
        canonical: "it",
        content: "the campaign of lying",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an inverted cue set off inside its content, with a relative clause about the speaker",
        text: "And Trump, said Sunshine, who remains friendly with her former boss, doesn't forgive or forget.",
        cue: "said",
        source: "Sunshine, who remains friendly with her former boss",
        kind: "person",
        canonical: "Sunshine",
        content: "Trump | doesn't forgive or forget",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a subject after an opening adverb",
        text: "First his wife announced they were separated.",
        cue: "announced",
        source: "his wife",
        kind: "unknown",
        canonical: "his wife",
        content: "they were separated",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a poll \"out\" on a day",
        text: "A Monmouth poll out Monday showed that Clinton leads.",
        cue: "showed",
        source: "A Monmouth poll",
        kind: "document",
        canonical: "Monmouth poll",
        content: "that Clinton leads",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a cue-first source whose institution has names set off by commas",
        text: "Clinton has a strong ground game, said Mindy Romero, director of the project at the University of \
               California, Davis, Center for Regional Change.",
        cue: "said",
        source: "Mindy Romero, director of the project at the University of California, Davis, Center for Regional \
                 Change",
        kind: "organization",
        canonical: "Mindy Romero",
        content: "Clinton has a strong ground game",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a cue-first source, then a clause of the writer's own",
        text: "The program is hardly formal, but it has attracted a loyal following, said Ms. Gil, with games of \
               capture the flag.",
        cue: "said",
        source: "Ms. Gil",
        kind: "person",
        canonical: "Ms. Gil",
        content: "The program is hardly formal, but it has attracted a loyal following",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a cue-first appositive with commas of its own, to the end of the sentence",
        text: "\"The effects are large,\" said David Autor, an influential scholar of labor economics at the \
               Massachusetts Institute of Technology, Cambridge, and one of the paper's authors.",
        cue: "said",
        source: "David Autor, an influential scholar of labor economics at the Massachusetts Institute of Technology, \
                 Cambridge, and one of the paper's authors",
        kind: "person",
        canonical: "David Autor",
        content: "The effects are large",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "a cue-first appositive after an age",
        text: "\"It is hard,\" says Diana Ruocco, 21, a student from Daytona Beach, Fla.",
        cue: "says",
        source: "Diana Ruocco, 21, a student from Daytona Beach, Fla",
        kind: "person",
        canonical: "Diana Ruocco",
        content: "It is hard",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "a cue-first appositive dated by \"then\"",
        text: "It was to be a cautionary tale, said Susan Crawford, then Maples's literary agent.",
        cue: "said",
        source: "Susan Crawford, then Maples's literary agent",
        kind: "official",
        canonical: "Susan Crawford",
        content: "It was to be a cautionary tale",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a cue-first appositive with a \"whose\" clause",
        text: "That will be true up to a point, said Sherman, a former student whose career began here.",
        cue: "said",
        source: "Sherman, a former student whose career began here",
        kind: "person",
        canonical: "Sherman",
        content: "That will be true up to a point",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a relative \"that\" after a finite verb is inside the content",
        text: "He said the army must attack the oil that funds the group.",
        cue: "said",
        source: "He",
        kind: "unknown",
        canonical: "he",
        content: "the army must attack the oil that funds the group",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a relative \"that\" after an infinitive is inside the content",
        text: "The senator vowed to attack the oil that funds the group.",
        cue: "vowed",
        source: "The senator",
        kind: "official",
        canonical: "senator",
        content: "to attack the oil that funds the group",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a media report whose content opens with \"according to\"",
        text: "The AP reported that, according to an analysis of her calendars, most meetings were with donors.",
        cue: "reported",
        source: "The AP",
        kind: "wire",
        canonical: "Associated Press",
        content: "according to an analysis of her calendars",
        attribution: AttributionKind::MediaReport,
    },
    Row {
        case: "\"called out\" judges its object",
        text: "Sen. Lindsey Graham (R-SC) called out his rival Donald Trump for alienating Hispanics.",
        cue: "called out",
        source: "Sen. Lindsey Graham (R-SC)",
        kind: "official",
        canonical: "Lindsey Graham",
        content: "his rival Donald Trump for alienating Hispanics",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a demonstrative after a preposition is a determiner inside the subject",
        text: "One of the authors of that 2013 report, Ari Fleischer, said the nomination will test the theory.",
        cue: "said",
        source: "One of the authors of that 2013 report, Ari Fleischer",
        kind: "person",
        canonical: "Ari Fleischer",
        content: "the nomination will test the theory",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "initials an institution shares with a photo agency name the institution",
        text: "The EPA said the water in Flint was safe to drink.",
        cue: "said",
        source: "The EPA",
        kind: "official",
        canonical: "EPA",
        content: "the water in Flint was safe to drink",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a contracted pronoun is the subject of a second, coordinated verb",
        text: "Senator Casey spoke first. He\u{2019}s comparing the order to the last one and says the president is flouting the law.",
        cue: "says",
        source: "He",
        kind: "unknown",
        canonical: "he",
        content: "the president is flouting the law",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a weak cue after \"who\" that stands for a named source and passes on words",
        text: "The story came from Gabriel Sherman, who reported that the network paid a settlement.",
        cue: "reported",
        source: "who",
        kind: "person",
        canonical: "Gabriel Sherman",
        content: "the network paid a settlement",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an aside right after \"that\" opens the content, without its comma",
        text: "The AP reported that, in the end, half of the meetings were with donors.",
        cue: "reported",
        source: "The AP",
        kind: "wire",
        canonical: "Associated Press",
        content: "in the end, half of the meetings were with donors",
        attribution: AttributionKind::MediaReport,
    },
    Row {
        case: "an inverted cue with a relative clause between the name and the quotation",
        text: "The house is a museum now. Said Dorothy Poynter, who grew up with him in the neighborhood, \u{201C}We were all so proud of him.\u{201D}",
        cue: "Said",
        source: "Dorothy Poynter, who grew up with him in the neighborhood",
        kind: "person",
        canonical: "Dorothy Poynter",
        content: "\u{201C}We were all so proud of him.\u{201D}",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "an aside closed by a comma inside a closing quotation mark",
        text: "Humphrey, who calls the candidate a \u{201C}sociopath,\u{201D} said he would not vote for him.",
        cue: "said",
        source: "Humphrey, who calls the candidate a \u{201C}sociopath,\u{201D}",
        kind: "person",
        canonical: "Humphrey",
        content: "he would not vote for him",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a sentence's capitalised determiner is no name",
        text: "The nurse said the ward was full.",
        cue: "said",
        source: "The nurse",
        kind: "unknown",
        canonical: "nurse",
        content: "the ward was full",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a name after a title opened by a determiner other than an article",
        text: "Another user, Roland Zeller, said the app was slow.",
        cue: "said",
        source: "Another user, Roland Zeller",
        kind: "person",
        canonical: "Roland Zeller",
        content: "the app was slow",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a party label whose state is written with periods",
        text: "Rep. Gregory Meeks (D-N.Y.) said the party would come together.",
        cue: "said",
        source: "Rep. Gregory Meeks (D-N.Y.)",
        kind: "official",
        canonical: "Gregory Meeks",
        content: "the party would come together",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a person whose surname is an outlet's name, with a contracted relative clause",
        text: "Michael Bloomberg, who\u{2019}s thinking about running for president, said it was impossible.",
        cue: "said",
        source: "Michael Bloomberg, who\u{2019}s thinking about running for president",
        kind: "person",
        canonical: "Michael Bloomberg",
        content: "it was impossible",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a left curly mark typed where the quotation closes",
        text: "\u{201C}It\u{2019}s unusual,\u{201C} said Larry Noble, an attorney with the Campaign Legal Center.",
        cue: "said",
        source: "Larry Noble, an attorney with the Campaign Legal Center",
        kind: "person",
        canonical: "Larry Noble",
        content: "\u{201C}It\u{2019}s unusual,\u{201C}",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "a subject of two names with their universities, fifteen tokens long",
        text: "William Seltzer of Fordham University and Margo Anderson of the University of Wisconsin-Milwaukee said \
               the records were used.",
        cue: "said",
        source: "William Seltzer of Fordham University and Margo Anderson of the University of Wisconsin-Milwaukee",
        kind: "person",
        canonical: "William Seltzer",
        content: "the records were used",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a participle whose subject opens after a conjunction and a sentence adverb",
        text: "And then Trump went on the attack, saying the plan was a disaster.",
        cue: "saying",
        source: "Trump",
        kind: "official",
        canonical: "Donald Trump",
        content: "the plan was a disaster",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a participle whose subject follows two opening adverbials",
        text: "On Thursday, after remaining neutral for months, Warren appeared on television and endorsed Clinton, \
               saying she was ready.",
        cue: "saying",
        source: "Warren",
        kind: "person",
        canonical: "Warren",
        content: "she was ready",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an appositive with \"from\" is still read from its name",
        text: "Rachel Berg, a philanthropist from Monsey, New York, said the talks had failed.",
        cue: "said",
        source: "Rachel Berg, a philanthropist from Monsey, New York",
        kind: "person",
        canonical: "Rachel Berg",
        content: "the talks had failed",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a demonstrative opening the sentence before a common noun",
        text: "That person said the outright hostility Cruz faced hampered his ability.",
        cue: "said",
        source: "That person",
        kind: "unknown",
        canonical: "That person",
        content: "the outright hostility Cruz faced hampered his ability",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a possessive opening the sentence, and a place adverb before the cue",
        text: "Her campaign workers here said they have been working the state since the spring.",
        cue: "said",
        source: "Her campaign workers",
        kind: "official",
        canonical: "Her campaign workers",
        content: "they have been working the state since the spring",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a time adverbial after a parenthesis closing the subject",
        text: "Sen. Dianne Feinstein (D-Calif.) last week said Clinton was not the originator.",
        cue: "said",
        source: "Sen. Dianne Feinstein (D-Calif.)",
        kind: "official",
        canonical: "Dianne Feinstein",
        content: "Clinton was not the originator",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "the cue opens the sentence, the source and a quotation follow",
        text: "Said Comey, \"The thought that an error on our part is connected to this is painful.\"",
        cue: "Said",
        source: "Comey",
        kind: "official",
        canonical: "James Comey",
        content: "The thought that an error on our part is connected to this is painful.",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "a relative clause right after an inverted source, without a comma",
        text: "Defending that terrain is within his wheelhouse, said a handful of Democrats who point to his ties \
               with labor.",
        cue: "said",
        source: "a handful of Democrats who point to his ties with labor",
        kind: "official",
        canonical: "Democrats",
        content: "Defending that terrain is within his wheelhouse",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a pronoun with a contracted auxiliary is the subject and its helper",
        text: "Mr. Ryan is no fan of the plan. He's called for a ban on new imports.",
        cue: "'s called for",
        source: "He",
        kind: "person",
        canonical: "Mr. Ryan",
        content: "a ban on new imports",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "\"who\" with a contracted auxiliary stands for the name before it",
        text: "Lindsey Graham, who\u{2019}s said that troops are needed, spoke first.",
        cue: "\u{2019}s said",
        source: "who",
        kind: "official",
        canonical: "Lindsey Graham",
        content: "that troops are needed",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a claim noun with its owner and a that-clause",
        text: "Ted Cruz spoke last. He repeated his claim that the election had been stolen from him.",
        cue: "claim",
        source: "his",
        kind: "official",
        canonical: "Ted Cruz",
        content: "the election had been stolen from him",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a claim noun after a name's possessive",
        text: "Despite Santilli's continued insistence that he was there as a journalist, he was charged.",
        cue: "insistence",
        source: "Santilli's",
        kind: "person",
        canonical: "Santilli",
        content: "he was there as a journalist",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a royal title heads a source",
        text: "In December, the prince called for Trump to drop out of the race.",
        cue: "called for",
        source: "the prince",
        kind: "official",
        canonical: "prince",
        content: "Trump to drop out of the race",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a cue word between a quantifier and a plural is part of the source",
        text: "Some protest leaders said the march would go ahead.",
        cue: "said",
        source: "Some protest leaders",
        kind: "official",
        canonical: "protest leaders",
        content: "the march would go ahead",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a description with a name in it, then the speaker's name set off",
        text: "Another delegate on the Cruz slate, Jim Poolman, said he was only leaning.",
        cue: "said",
        source: "Another delegate on the Cruz slate, Jim Poolman",
        kind: "person",
        canonical: "Jim Poolman",
        content: "he was only leaning",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a quantifier standing for people, with the group they are of",
        text: "But few on either side of the debate think the tax will ever go into effect.",
        cue: "think",
        source: "few on either side of the debate",
        kind: "unknown",
        canonical: "few on either side of the debate",
        content: "the tax will ever go into effect",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a sentence adverb before a name and its relative clause",
        text: "Now Jeb Bush, who has raised more money than votes, hopes his campaign could turn around.",
        cue: "hopes",
        source: "Jeb Bush, who has raised more money than votes",
        kind: "official",
        canonical: "Jeb Bush",
        content: "his campaign could turn around",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a cue word as the noun of an adverbial between the cue and its that-clause",
        text: "Stephens said on the MSNBC show that the party was lost.",
        cue: "said",
        source: "Stephens",
        kind: "person",
        canonical: "Stephens",
        content: "that the party was lost",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "coordinated phrases after a conjunction that opens the sentence",
        text: "But Mr. Autor and his colleagues found that similar shocks can help.",
        cue: "found",
        source: "Mr. Autor and his colleagues",
        kind: "person",
        canonical: "Mr. Autor and his colleagues",
        content: "that similar shocks can help",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a clause of its own after 'and', with a pronoun and a verb of saying, ends the content",
        text: "Rubio said the real extremist is Clinton, and he railed against the moderators.",
        cue: "said",
        source: "Rubio",
        kind: "official",
        canonical: "Marco Rubio",
        content: "the real extremist is Clinton",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a participle set off by a comma and an adverb",
        text: "She did not limit her attacks to Israel policy, also calling on attendees to oppose bigotry.",
        cue: "calling on",
        source: "She",
        kind: "unknown",
        canonical: "she",
        content: "attendees to oppose bigotry",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a second participle of saying after 'and' is an attribution of its own",
        text: "She has tacked to the left, criticizing the pipeline and calling for a ban on drilling.",
        cue: "criticizing",
        source: "She",
        kind: "unknown",
        canonical: "she",
        content: "the pipeline",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a content ends at a comma before a participle of saying",
        text: "Trump has indicated he would try to curb critics, vowing to open up libel laws.",
        cue: "has indicated",
        source: "Trump",
        kind: "official",
        canonical: "Donald Trump",
        content: "he would try to curb critics",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a participle set off at the end of the content is the writer's comment",
        text: "Republicans have insisted they won't consider an Obama nominee, leaving that choice to the next president.",
        cue: "have insisted",
        source: "Republicans",
        kind: "official",
        canonical: "Republicans",
        content: "they won't consider an Obama nominee",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "citing a reason, not a source: the one who cites it is the source",
        text: "Trump defended the ban, citing fears of terrorism.",
        cue: "citing",
        source: "Trump",
        kind: "official",
        canonical: "Donald Trump",
        content: "fears of terrorism",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "according to, with a description of the source after it",
        text: "The court has so much work that it needs a third judge, according to the Judicial Conference, the policy-making arm of the federal courts.",
        cue: "according to",
        source: "the Judicial Conference",
        kind: "organization",
        canonical: "Judicial Conference",
        content: "The court has so much work that it needs a third judge",
        attribution: AttributionKind::AccordingTo,
    },
    Row {
        case: "a quotation that finishes a sentence the writer began",
        text: "In past campaigns, \"we felt that we could reach the people we need,\" he said.",
        cue: "said",
        source: "he",
        kind: "unknown",
        canonical: "he",
        content: "In past campaigns, \"we felt that we could reach the people we need,\"",
        attribution: AttributionKind::Mixed,
    },
    Row {
        case: "a thing that carries a quotation is its source",
        text: "The listing was replaced by a message that said, \"Sorry, the item is no longer in the system.\"",
        cue: "said",
        source: "that",
        kind: "document",
        canonical: "message",
        content: "\"Sorry, the item is no longer in the system.\"",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "a cue with a that-clause of its own after a quotation that ended its sentence",
        text: "\"How could I not say that?\" The senator said that her position is genuine.",
        cue: "said",
        source: "The senator",
        kind: "official",
        canonical: "senator",
        content: "that her position is genuine",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a discourse adverbial set off by commas after the listener",
        text: "Sources told POLITICO, however, that she did chime in.",
        cue: "told",
        source: "Sources",
        kind: "anonymous",
        canonical: "Sources",
        content: "that she did chime in",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a network's programme by its quoted title as the listener",
        text: "He told NBC's \"Meet the Press\" on Sunday that he would run.",
        cue: "told",
        source: "He",
        kind: "unknown",
        canonical: "he",
        content: "that he would run",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an inference in a subordinate clause that opens the sentence ends at its comma",
        text: "After the senator seemed to confirm the critiques, the question was how much he had lost.",
        cue: "seemed",
        source: "",
        kind: "",
        canonical: "",
        content: "the senator | to confirm the critiques",
        attribution: AttributionKind::NoSource,
    },
    Row {
        case: "a two-word adverbial before the cue goes with it",
        text: "Bush has at times said he was eager to escape his roots.",
        cue: "has at times said",
        source: "Bush",
        kind: "person",
        canonical: "Bush",
        content: "he was eager to escape his roots",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a present-tense verb of saying after 'and' is an attribution of its own",
        text: "He says he respects Clinton and calls her \u{201c}an extremely intelligent woman.\u{201d}",
        cue: "says",
        source: "He",
        kind: "unknown",
        canonical: "he",
        content: "he respects Clinton",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a name and its own verb of saying after 'and' open another attribution",
        text: "Cruz accuses Obama of \"leading from behind\" and Donald Trump says he's losing the war.",
        cue: "accuses",
        source: "Cruz",
        kind: "official",
        canonical: "Ted Cruz",
        content: "Obama of \"leading from behind\"",
        attribution: AttributionKind::Mixed,
    },
    Row {
        case: "subjects joined by 'and' inside the content stay in it",
        text: "He said Obama and Biden believe the deal is good.",
        cue: "said",
        source: "He",
        kind: "unknown",
        canonical: "he",
        content: "Obama and Biden believe the deal is good",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "'ever since' opens a subordinate clause that ends at its comma",
        text: "Ever since Sanders announced his candidacy last year, he has said the same thing.",
        cue: "announced",
        source: "Sanders",
        kind: "person",
        canonical: "Sanders",
        content: "his candidacy last year",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a question with commas of its own ends before the one who answers",
        text: "Asked whether Trump, the presumptive nominee, could win, Ban said he could.",
        cue: "Asked",
        source: "",
        kind: "",
        canonical: "",
        content: "whether Trump, the presumptive nominee, could win",
        attribution: AttributionKind::NoSource,
    },
    Row {
        case: "a thing that carries words, with a participle of saying after it",
        text: "Lori Bernstein held up a sign saying \"Jews Against Trump.\"",
        cue: "saying",
        source: "a sign",
        kind: "unknown",
        canonical: "sign",
        content: "\"Jews Against Trump.\"",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "backing with an object is support",
        text: "Hillary Clinton has backed a no-fly zone in Syria.",
        cue: "has backed",
        source: "Hillary Clinton",
        kind: "official",
        canonical: "Hillary Clinton",
        content: "a no-fly zone in Syria",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a past intention",
        text: "Republicans wanted to know who had received legal protection.",
        cue: "wanted",
        source: "Republicans",
        kind: "official",
        canonical: "Republicans",
        content: "to know who had received legal protection",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a past belief",
        text: "Conservatives thought this term would be different.",
        cue: "thought",
        source: "Conservatives",
        kind: "person",
        canonical: "Conservatives",
        content: "this term would be different",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a share of those polled with its figure set off after it",
        text: "Among likely voters, about two-thirds, 67 percent, say they will vote for Trump.",
        cue: "say",
        source: "about two-thirds, 67 percent",
        kind: "unknown",
        canonical: "about two-thirds, 67 percent",
        content: "they will vote for Trump",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "another share with its own verb of saying ends the content",
        text: "On social issues, 42 percent say they're liberal, 32 percent call themselves conservative.",
        cue: "say",
        source: "42 percent",
        kind: "unknown",
        canonical: "42 percent",
        content: "they're liberal",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a relative clause inside an opening adverbial ends with it",
        text: "In a year in which a majority of Americans say they do not trust her, some allies worried.",
        cue: "say",
        source: "a majority of Americans",
        kind: "person",
        canonical: "majority of Americans",
        content: "they do not trust her",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a quotation goes on after the one told",
        text: "\"We will win,\" he told reporters, \"and we will win big.\"",
        cue: "told",
        source: "he",
        kind: "unknown",
        canonical: "he",
        content: "\"We will win,\" | \"and we will win big.\"",
        attribution: AttributionKind::Direct,
    },
    Row {
        case: "told someone not to",
        text: "I told Megyn not to worry.",
        cue: "told",
        source: "I",
        kind: "self",
        canonical: "the outlet",
        content: "not to worry",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a document with its participle and author is the source",
        text: "A survey conducted by Gallup found that Trump won.",
        cue: "found",
        source: "A survey conducted by Gallup",
        kind: "document",
        canonical: "survey conducted by Gallup",
        content: "that Trump won",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a stray comma after party and state",
        text: "Sen. Jack Reed (D-R.I.), said after a lunch that he had not read the plan.",
        cue: "said",
        source: "Sen. Jack Reed (D-R.I.)",
        kind: "official",
        canonical: "Jack Reed",
        content: "that he had not read the plan",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a participle aside inside a description is no part of the source",
        text: "Sen. Marco Rubio, R-Fla., appearing on Fox News after the speech, said Obama failed.",
        cue: "said",
        source: "Sen. Marco Rubio, R-Fla.",
        kind: "official",
        canonical: "Marco Rubio",
        content: "Obama failed",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a name in -ing opening the sentence is no participle",
        text: "Ebeling smiled, and said their views had changed.",
        cue: "said",
        source: "Ebeling",
        kind: "person",
        canonical: "Ebeling",
        content: "their views had changed",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a quoted title inside the adverbial before 'that'",
        text: "Fiorina said in her memoir, \u{201c}Tough Choices,\u{201d} that she had no regrets.",
        cue: "said",
        source: "Fiorina",
        kind: "person",
        canonical: "Carly Fiorina",
        content: "that she had no regrets",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "according to after a trailing phrase that holds the figure",
        text: "It is still a cash generator for Fox, with $1.6 billion in operating profit, according to its annual report.",
        cue: "according to",
        source: "its annual report",
        kind: "document",
        canonical: "its annual report",
        content: "with $1.6 billion in operating profit",
        attribution: AttributionKind::AccordingTo,
    },
    Row {
        case: "'by' and a verb of saying after 'that' open the content's adverbial",
        text: "Rubio said that by refusing to say the words, Democrats are afraid.",
        cue: "said",
        source: "Rubio",
        kind: "official",
        canonical: "Marco Rubio",
        content: "that by refusing to say the words, Democrats are afraid",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a website by its address speaks for whoever runs it",
        text: "A statement on GunBroker.com said listings are user generated.",
        cue: "said",
        source: "A statement on GunBroker.com",
        kind: "document",
        canonical: "statement on GunBroker.com",
        content: "listings are user generated",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a web address that names no outlet is an organization",
        text: "GunBroker.com said listings are user generated.",
        cue: "said",
        source: "GunBroker.com",
        kind: "organization",
        canonical: "GunBroker.com",
        content: "listings are user generated",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "an outlet by its web address",
        text: "Breitbart.com reported that the rally was cancelled.",
        cue: "reported",
        source: "Breitbart.com",
        kind: "media",
        canonical: "Breitbart",
        content: "that the rally was cancelled",
        attribution: AttributionKind::MediaReport,
    },
    Row {
        case: "two relative clauses joined by and describe one subject",
        text: "Voters who backed Obama and who now support Trump said they were angry.",
        cue: "said",
        source: "Voters who backed Obama and who now support Trump",
        kind: "person",
        canonical: "Voters",
        content: "they were angry",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a content goes on past a but that completes its contrast",
        text: "Rubio said he does support an exception for the life of the mother, but not for cases of rape.",
        cue: "said",
        source: "Rubio",
        kind: "official",
        canonical: "Marco Rubio",
        content: "he does support an exception for the life of the mother, but not for cases of rape",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a content stops at a but that opens the writer's clause",
        text: "Rubio said he does support an exception, but the campaign did not comment.",
        cue: "said",
        source: "Rubio",
        kind: "official",
        canonical: "Marco Rubio",
        content: "he does support an exception",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a word that rounds a figure stays inside the subject",
        text: "The employee of nearly four years, a registered Republican, said she became pregnant last year.",
        cue: "said",
        source: "The employee of nearly four years, a registered Republican",
        kind: "unknown",
        canonical: "employee of nearly four years, a registered Republican",
        content: "she became pregnant last year",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a name with its accent written as a separate mark is one name",
        text: "Mexican President Enrique Pen\u{303}a Nieto said immigration peaked 10 years ago.",
        cue: "said",
        source: "Mexican President Enrique Pen\u{303}a Nieto",
        kind: "official",
        canonical: "Enrique Pen\u{303}a Nieto",
        content: "immigration peaked 10 years ago",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a content ends at the comma before another speaker whose words follow",
        text: "As for analysts who claim to find Clinton more palatable than Trump, Bolton said, \u{201c}I just think they don\u{2019}t understand her.\u{201d}",
        cue: "claim",
        source: "who",
        kind: "person",
        canonical: "analysts",
        content: "to find Clinton more palatable than Trump",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a comma that closes a clause opening the content ends nothing",
        text: "Prosecutors argued that although Lazar confessed, he said he had done nothing wrong.",
        cue: "argued",
        source: "Prosecutors",
        kind: "official",
        canonical: "Prosecutors",
        content: "that although Lazar confessed, he said he had done nothing wrong",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "after an object, 'and' and a finite verb are the subject's next deed",
        text: "Mr. Khan attacked me from the stage of the convention and is now all over TV doing the same.",
        cue: "attacked",
        source: "Mr. Khan",
        kind: "person",
        canonical: "Mr. Khan",
        content: "me from the stage of the convention",
        attribution: AttributionKind::Indirect,
    },
    Row {
        case: "a content with a verb of its own goes on past 'and' and a finite verb",
        text: "She said the campaign will compete and will win.",
        cue: "said",
        source: "She",
        kind: "unknown",
        canonical: "she",
        content: "the campaign will compete and will win",
        attribution: AttributionKind::Indirect,
    },
];

/// Each source as written and under its canonical name, in text order.
fn written_and_canonical(found: &Analysis) -> Vec<(&str, &str)> {
    found
        .attributions
        .iter()
        .filter_map(|a| a.source.as_ref())
        .map(|s| (s.text.as_str(), s.canonical.as_str()))
        .collect()
}

fn find<'a>(found: &'a Analysis, cue: &str) -> Option<&'a Attribution> {
    found.attributions.iter().find(|a| a.cue.text == cue)
}

#[test]
fn every_case_finds_its_attribution() {
    let lexicon = Lexicon::builtin();
    let mut failures = Vec::new();
    for row in ROWS {
        let found = analyze(row.text, &lexicon, &Context::default());
        let Some(a) = find(&found, row.cue) else {
            failures.push(format!(
                "{}: no attribution with cue {:?}; found {:?}",
                row.case,
                row.cue,
                found.attributions.iter().map(|a| &a.cue.text).collect::<Vec<_>>()
            ));
            continue;
        };
        let (source, kind, canonical) = match &a.source {
            Some(s) => (s.text.as_str(), s.kind.as_str(), s.canonical.as_str()),
            None => ("", "", ""),
        };
        let content: Vec<&str> = a.content.iter().map(|c| c.text.as_str()).collect();
        let content = content.join(" | ");
        let mut wrong = Vec::new();
        if source != row.source {
            wrong.push(format!("source {source:?}, expected {:?}", row.source));
        }
        if kind != row.kind {
            wrong.push(format!("type {kind:?}, expected {:?}", row.kind));
        }
        if canonical != row.canonical {
            wrong.push(format!("canonical {canonical:?}, expected {:?}", row.canonical));
        }
        if !content.contains(row.content) {
            wrong.push(format!("content {content:?} lacks {:?}", row.content));
        }
        if a.kind != row.attribution {
            wrong.push(format!("kind {:?}, expected {:?}", a.kind, row.attribution));
        }
        if !wrong.is_empty() {
            failures.push(format!("{}: {}", row.case, wrong.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), ROWS.len(), failures.join("\n"));
}

#[test]
fn scare_quotes_are_not_attributions() {
    let lexicon = Lexicon::builtin();
    for text in [
        "Critics dismissed the so-called \u{201C}woke\u{201D} agenda as a slogan.",
        "The \u{201C}red lines\u{201D} were drawn long ago.",
        "He called the plan \"bold\" and moved on.",
    ] {
        let found = analyze(text, &lexicon, &Context::default());
        let quoted: Vec<_> = found.attributions.iter().filter(|a| a.kind == AttributionKind::Direct).collect();
        assert!(quoted.is_empty(), "{text}: {quoted:?}");
    }
}

#[test]
fn the_agent_of_a_passive_cue_is_its_source_and_the_subject_is_not() {
    let lexicon = Lexicon::builtin();
    let text = "Yellen, seated on the dais, has been repeatedly criticized by Senate Democrats for holding rates low.";
    let found = analyze(text, &lexicon, &Context::default());
    let criticized = find(&found, "has been repeatedly criticized").expect("the passive cue");
    assert_eq!(criticized.source.as_ref().map(|s| s.text.as_str()), Some("Senate Democrats"));
}

#[test]
fn credit_lines_and_idioms_are_not_attributions() {
    let lexicon = Lexicon::builtin();
    for text in [
        "Lerer reported from Los Angeles.",
        "Samantha Lachman contributed reporting from Charleston. Ryan Grim reported from Washington, D.C.",
        "All told, super PACs and other outside groups spent more than $100 million.",
        "Contributing: Nicole Gaudiano.",
        "Twitter: @Milbank.",
        "(Additional reporting by Kylie MacLellan; Editing by Michael Holden)",
    ] {
        let found = analyze(text, &lexicon, &Context::default());
        assert!(found.attributions.is_empty(), "{text}: {:?}", found.attributions);
    }
    // A report from a place with what it reported is still one.
    let found = analyze("The paper reported from Kabul that the talks had failed.", &lexicon, &Context::default());
    assert!(find(&found, "reported").is_some());
}

#[test]
fn reporters_who_asked_are_not_a_channel() {
    // The reporters on a call asked the questions; they did not carry the
    // words from another outlet. A named outlet after "with" did.
    let lexicon = Lexicon::builtin();
    let found =
        analyze("In a call with reporters, the senator said allies wanted answers.", &lexicon, &Context::default());
    let cues: Vec<&str> = found.attributions.iter().map(|a| a.cue.text.as_str()).collect();
    assert_eq!(cues, ["said"]);
    let found =
        analyze("In an interview with CNN, the senator said allies wanted answers.", &lexicon, &Context::default());
    let said = find(&found, "said").expect("said");
    let via = said.via.map(|v| found.attributions[v].source.as_ref().map(|s| s.canonical.as_str()));
    assert_eq!(via, Some(Some("interview (CNN)")));
}

#[test]
fn headings_before_a_colon_are_not_speakers() {
    let lexicon = Lexicon::builtin();
    for text in [
        "Delegate Update: The latest count in the Democratic race.",
        "Monday's Morning Email: Putin's role in the leak.",
        "One conclusion: It's a bad idea to hire on a hunch.",
        "Paid Notice: Deaths SIEGEL, JEROME ARTHUR.",
        "Hey: Maybe I can send Mitt a bill for the carpet.",
        "Another problem for Sanders: There are more women than men of voting age.",
        "Nevada: Adam Khan, Andres Ramirez, Andrew Diss, Barbara Buckley, Bob Cavazos.",
    ] {
        let found = analyze(text, &lexicon, &Context::default());
        assert!(found.attributions.is_empty(), "{text}: {:?}", found.attributions);
    }
    // A speaker's name still introduces what follows the colon.
    let found = analyze("Graham: Trump's rhetoric is destroying the party.", &lexicon, &Context::default());
    assert_eq!(found.attributions.len(), 1);
}

#[test]
fn cue_words_inside_nouns_are_not_cues() {
    let lexicon = Lexicon::builtin();
    for (text, noun) in [
        ("The first round of talks on the harbour has ended.", "talks"),
        ("A liberal think tank published the figures on Monday.", "think"),
        ("Trump so far has won 758 pledged delegates.", "pledged"),
        ("Speaking on a radio show last week, Kiedis told the host the band would tour.", "show"),
        ("Delegations arrive for the first round of harbour talks in the port city.", "talks"),
        ("The peace talks in Geneva stalled again.", "talks"),
        ("An aide, who asked not to be named, said the talks were over.", "asked"),
        ("This is a fictional article written for the demo.", "written"),
        ("The report published Tuesday showed that the foundation grew.", "published"),
        ("The chemical weapons issue will be the benchmark of his legacy.", "issue"),
        ("Mr. Sanders called it quits on Tuesday.", "called"),
        // A participle of support or seeking right after a noun modifies it.
        ("Priorities USA, a super PAC supporting Hillary Clinton, ran the ads.", "supporting"),
        ("The donors seeking help from the United States gave millions.", "seeking"),
        // A plural before a verb of showing is its subject.
        ("But FEC reports show that the groups have spent $1.1 million.", "reports"),
        // A call that puts no label on its object.
        ("The manager called the police chief.", "called"),
        ("The manager called the police a day later.", "called"),
        // Without "as" these verbs say nothing.
        ("About 46% of eligible voters cast ballots in the primary.", "cast"),
        // An appearance is no inference.
        ("Trump appeared on Fox News on Sunday.", "appeared"),
        ("The governor appeared before the committee.", "appeared"),
        // "called" that names something is no cue.
        ("A company called Harmony Enterprises gave $5,000 to the PAC.", "called"),
        ("A newly formed super PAC called Future 45 ran its first ads in Iowa.", "called"),
        ("A German news organization called \u{201c}The Local\u{201d} cited the poll.", "called"),
        // An -ing word after a determiner and an adjective is a noun's.
        ("Sexton, a creative writing professor, said he holds his roots dear.", "writing"),
        ("One of Trump's main talking points is that he would stop the outflow of jobs.", "talking"),
        // "remarks" after a word that is no subject, and "focused on"
        // after an indefinite noun, are no cues.
        ("Trump made it the center of his closing remarks during the debate.", "remarks"),
        ("Rubio gave an interview to the Advocate, a magazine focused on LGBT issues.", "focused on"),
        // After a plural possessive the word is a noun.
        ("Sanders' focus on the state hasn't gone unnoticed.", "focus on"),
        // The base forms of these are nouns in news text.
        ("The big question is whether Sanders continues.", "question"),
        ("Clinton struggled to beat back the Sanders challenge among voters.", "challenge"),
        // What a naming verb is followed by is the name, not a speaker.
        ("The resort, now called Trump National Doral, hosted the event.", "called"),
    ] {
        assert_no_cue(&lexicon, text, noun);
    }
}

/// Fails when `text` has an attribution whose cue is `cue`.
fn assert_no_cue(lexicon: &Lexicon, text: &str, cue: &str) {
    let found = analyze(text, lexicon, &Context::default());
    let cues: Vec<&str> = found.attributions.iter().map(|a| a.cue.text.as_str()).collect();
    assert!(!cues.contains(&cue), "{text}: {cues:?}");
}

#[test]
fn only_a_poll_of_its_own_reports_standings() {
    // "in the polls" as horse-race colour, the polls voters go to, and a
    // poll inside a subordinate clause are left to the reader.
    let lexicon = Lexicon::builtin();
    for text in [
        "She is still ahead in the polls.",
        "Republican voters in six states going to the polls on Tuesday backed Trump.",
        "While he is running third in a recent poll, a strong showing could help him.",
        "Mrs. Clinton enjoys a strong lead in national polls.",
    ] {
        assert_no_cue(&lexicon, text, "in");
    }
}

#[test]
fn a_cue_that_takes_no_complement_attributes_nothing() {
    // A conjunction right after the verb coordinates it with another: what
    // was written is the object both share, not a clause of its own.
    let lexicon = Lexicon::builtin();
    assert_no_cue(&lexicon, "The Convention, which wrote and adopted the constitution, met in 1787.", "wrote");
    // A preposition left alone at the end is no content either.
    assert_no_cue(&lexicon, "It is something most business leaders would disagree with.", "would disagree");
    // An adverb alone is no content, and "by saying" carries the words.
    assert_no_cue(&lexicon, "Rubio hit back again, saying Christie was too focused on his campaign.", "hit back");
    let text = "Trump responded first by saying he should not have called Rubio a lightweight.";
    assert_no_cue(&lexicon, text, "responded");
    let found = analyze(text, &lexicon, &Context::default());
    let saying = find(&found, "saying").expect("the participle carries the words");
    assert_eq!(saying.source.as_ref().map(|s| s.text.as_str()), Some("Trump"));
    // "Regarding" is a preposition in news text.
    assert_no_cue(&lexicon, "He preys on our fears, regarding Muslims and immigrants.", "regarding");
}

#[test]
fn it_adding_money_passes_on_no_words() {
    let lexicon = Lexicon::builtin();
    for text in ["The bill was amended. It added $5 billion to the deficit.", "It added up to a loss."] {
        assert_no_cue(&lexicon, text, "added");
    }
}

#[test]
fn pronouns_and_surnames_resolve_to_the_full_name() {
    let lexicon = Lexicon::builtin();
    let text = "Kremlin spokesman Dmitry Peskov said talks were possible. \
                Later, Peskov added that no date was set. However, he said a call was likely.";
    let found = analyze(text, &lexicon, &Context::default());
    let names: Vec<(&str, &str, Option<&str>)> = found
        .attributions
        .iter()
        .filter_map(|a| a.source.as_ref())
        .map(|s| (s.text.as_str(), s.canonical.as_str(), s.country.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", Some("RU")),
            ("Peskov", "Dmitry Peskov", Some("RU")),
            ("he", "Dmitry Peskov", Some("RU")),
        ]
    );
    let he = found.attributions.last().unwrap().source.as_ref().unwrap();
    assert_eq!(he.kind, SourceType::Official);
    assert_eq!(he.refers_to, Some(1));
}

#[test]
fn he_and_she_refer_to_a_person_not_a_plural_or_a_body() {
    // "Experts" is a plural from the lexicons, not one person; "Sanders"
    // is a name that ends in "s".
    let lexicon = Lexicon::builtin();
    let text = "Experts say that the plan will fail. She now acknowledges the risk.";
    let found = analyze(text, &lexicon, &Context::default());
    let she = find(&found, "now acknowledges").expect("acknowledges").source.as_ref().unwrap();
    assert_eq!((she.canonical.as_str(), she.kind), ("she", SourceType::Unknown));
    // A body is no "he" either.
    let text = "The Kremlin said the talks were useful. He added that more were planned.";
    let found = analyze(text, &lexicon, &Context::default());
    let he = find(&found, "added").expect("added").source.as_ref().unwrap();
    assert_eq!(he.canonical, "he");
    let text = "Bernie Sanders said the plan would fail. He later said it could work.";
    let found = analyze(text, &lexicon, &Context::default());
    let he = found.attributions.last().unwrap().source.as_ref().unwrap();
    assert_eq!(he.canonical, "Bernie Sanders");
}

#[test]
fn the_publishing_outlet_is_self() {
    let lexicon = Lexicon::builtin();
    let text = "CGTN reported that the talks had ended.";
    let own = analyze(text, &lexicon, &Context { outlet: Some("CGTN") });
    assert_eq!(own.attributions[0].source.as_ref().unwrap().kind, SourceType::SelfOutlet);
    let other = analyze(text, &lexicon, &Context { outlet: Some("Reuters") });
    assert_eq!(other.attributions[0].source.as_ref().unwrap().kind, SourceType::StateMedia);
}

#[test]
fn a_users_anonymity_phrase_makes_a_source_anonymous() {
    // Anonymity phrases are found through the first-word bits of the
    // vocabulary, which must follow the user's additions too.
    let mut lexicon = Lexicon::builtin();
    let text = "A diplomat who insisted on strict confidentiality said the talks had failed.";
    let before = analyze(text, &lexicon, &Context::default());
    assert_ne!(before.attributions[0].source.as_ref().unwrap().kind, SourceType::Anonymous);
    let found = lexicon.extend(LexiconKind::Sources, "insisted on strict confidentiality\tanonymous\t\tanonymity");
    assert!(found.is_empty(), "{found:?}");
    let after = analyze(text, &lexicon, &Context::default());
    let source = after.attributions[0].source.as_ref().unwrap();
    assert_eq!(source.kind, SourceType::Anonymous);
    assert!(after.attributions[0].evidence.iter().any(|e| e.rule.contains("insisted on strict confidentiality")));
}

#[test]
fn messy_text_never_panics_and_offsets_are_code_points() {
    let lexicon = Lexicon::builtin();
    let nasty = [
        "",
        "\"",
        "\u{201C}\u{201C}\u{201D}",
        "said",
        ", said",
        "according to",
        "citing",
        ":\u{2014}:\u{2014}",
        "\u{200B}\u{202E}Peskov said \u{1F600} that \u{0301}it was \"fine",
        "A.B.C.D.E. said. . . . ''' `` '' \u{2019}\u{2019}",
        "In a video released on, Peskov said",
    ];
    for text in nasty {
        let found = analyze(text, &lexicon, &Context::default());
        let points = text.chars().count();
        for a in &found.attributions {
            assert!(a.cue.start <= a.cue.end && a.cue.end <= points, "{text:?}");
            let cue: String = text.chars().skip(a.cue.start).take(a.cue.end - a.cue.start).collect();
            assert_eq!(cue, a.cue.text, "{text:?}");
        }
    }
    let emoji = "\u{1F600}\u{1F600} Peskov said it was fine.";
    let found = analyze(emoji, &lexicon, &Context::default());
    assert_eq!(found.attributions[0].cue.start, 10);
}

/// Content that must come out exactly, for the rules that decide where a
/// content span ends.
#[test]
fn contents_end_where_the_attributed_words_end() {
    let lexicon = Lexicon::builtin();
    for (text, cue, content) in [
        // A noun-phrase object leaves the adjuncts of time and place out.
        ("Most farmers supported the governor at the fair last week.", "supported", "the governor"),
        // A coordinated verb of speech starts an attribution of its own.
        ("The senator said she backs the bill but argued that it needs more money.", "said", "she backs the bill"),
        // An appositive subject between the quotation and the cue.
        (
            "\u{201C}We will win this,\u{201D} Jane Roe, director of a small tank, said on Monday.",
            "said",
            "\u{201C}We will win this,\u{201D}",
        ),
        // A closing sentence with nothing but the speaker and the cue.
        (
            "The count took all night. \u{201C}The vote is over.\u{201D} Roe said.",
            "said",
            "\u{201C}The vote is over.\u{201D}",
        ),
        // A cue inside its content, set off by commas.
        ("The goal, she said, is a lasting truce.", "said", "The goal | is a lasting truce"),
        // A closing cue followed by a clause of the writer's own.
        ("Outright victory is vital, he said after the meeting.", "said", "Outright victory is vital"),
        // A closing cue with its addressee.
        ("The plan is dead, an aide told reporters.", "told", "The plan is dead"),
        // In the passive the subject is the content.
        ("The plan was rejected by most voters in the county.", "was rejected", "The plan"),
        // A speaker label that opens its paragraph governs the paragraph.
        ("Roe: Well, no. That plan is dead. We move on.", ":", "Well, no. That plan is dead. We move on."),
        // A closing cue with where it was said.
        ("The plan is sound, Smith said at a rally in Des Moines, Iowa.", "said", "The plan is sound"),
        ("We will win, he told supporters outside the courthouse.", "told", "We will win"),
        // The addressee and where it was told come before the "that".
        ("Smith told reporters in Iowa on Monday that he would run.", "told", "that he would run"),
        (
            "Roe told an audience at a festival in Houston last week that the plan was dead.",
            "told",
            "that the plan was dead",
        ),
        // After a subordinator, "according to" governs the clause after it.
        (
            "He will skip the debate, because, according to his campaign, the network is unfair.",
            "according to",
            "the network is unfair",
        ),
        // An aside about the source after "according to" is no content.
        (
            "Her favorability is worse than Obama's, according to Bill McInturff, a Republican pollster.",
            "according to",
            "Her favorability is worse than Obama's",
        ),
        // A quotation that ends in "!" or "…" hands over to its speaker:
        // "US" in capitals is the country, and what the speaker left
        // undone is no part of the words.
        (
            "\u{201c}We will win!\u{201d} US Senator Jeff Sessions said as he launched the process.",
            "said",
            "\u{201c}We will win!\u{201d}",
        ),
        (
            "\u{201c}We're like a bridge over troubled\u{2026}\u{201d} he said, not finishing his joke.",
            "said",
            "\u{201c}We're like a bridge over troubled\u{2026}\u{201d}",
        ),
        // When a question was asked, and a programme told by its title,
        // come before the words.
        (
            "Asked during a January debate why he trailed so badly, Trump said nothing.",
            "Asked",
            "why he trailed so badly",
        ),
        ("He told \u{201c}Good Morning America\u{201d} that he agrees.", "told", "that he agrees"),
        // "no." at the end of a sentence is no number sign.
        ("Asked whether he would run, Trump said no. He left.", "said", "no"),
        ("He is the No. 1 pick, she said.", "said", "He is the No. 1 pick"),
        // A refusal to comment: what was declined is the content.
        ("Mr. Thiel declined to comment.", "declined", "to comment"),
        // A pronoun with a contracted verb is a clause of its own.
        ("I think it's good.", "think", "it's good"),
        // A quotation goes on in the next paragraph when no one else speaks
        // there; a short quoted line of its own is a subheading.
        (
            "\u{201C}We will win the state,\u{201D} Roe told reporters.\n\u{201C}The best way is to get to 1,237 delegates first.\u{201D}\nThe vote is next week.",
            "told",
            "\u{201C}We will win the state,\u{201D} | \u{201C}The best way is to get to 1,237 delegates first.\u{201D}",
        ),
        (
            "\u{201C}We can win this,\u{201D} she said.\n\u{2018}A tough decision.\u{2019}\nShe will be 60 in May.",
            "said",
            "\u{201C}We can win this,\u{201D}",
        ),
        // A content that opens with its verb takes its subject from the
        // phrase the relative clause belongs to.
        (
            "It is a measure that he believes would lower the number of abortions.",
            "believes",
            "a measure that | would lower the number of abortions",
        ),
        ("The tax cut, which he said had harmed the economy, expired.", "said", "which | had harmed the economy"),
        // A relative clause set off by commas ends at its closing comma.
        ("The committee, which said the plan was flawed, will meet again.", "said", "the plan was flawed"),
        // A verb before "that" has begun the content: "do that" is no
        // clause opening.
        (
            "They say the Democrats already tried to do that with the first batch of emails.",
            "say",
            "the Democrats already tried to do that with the first batch of emails",
        ),
        // Commas between places stay inside the adverbial before "that".
        ("Roe said at a rally in Buffalo, New York, that the plan was dead.", "said", "that the plan was dead"),
        // A linking phrase after the cue is the writer's.
        ("Clinton said, on the other hand, that the system works.", "said", "that the system works"),
        // A preposition right after the verb joins the cue.
        ("The senator warned against a government shutdown.", "warned against", "a government shutdown"),
        // A quotation still open where the sentence stops runs to its close.
        (
            "Roe said Carson is \"losing strength. His support is moving to Cruz,\" and left.",
            "said",
            "Carson is \"losing strength. His support is moving to Cruz,\"",
        ),
        // A subordinate clause that opens the sentence ends at its comma.
        ("When he said he would protect them, the crowd applauded.", "said", "he would protect them"),
        // So does one after "and", and at a comma inside a closing quotation.
        (
            "Some booed, and when Rubio said it was great to be home, a man yelled.",
            "said",
            "it was great to be home",
        ),
        (
            "When Trump said he would \"protect our citizens,\" the crowd applauded.",
            "said",
            "he would \"protect our citizens,\"",
        ),
        // How or when it was said, before a colon or set off by commas, is
        // no part of what was said.
        ("The minority leader said flatly: \"I don't think it matters.\"", "said", "\"I don't think it matters.\""),
        (
            "Clinton said, as he introduced his wife in Hudson, \"Finally, the dam broke.\"",
            "said",
            "\"Finally, the dam broke.\"",
        ),
        // A relative clause that closes the sentence is the writer's aside.
        (
            "He says it is proof the candidate can close the gap, which stood at 263 on Tuesday.",
            "says",
            "it is proof the candidate can close the gap",
        ),
        // An opening condition belongs to the words the cue is set inside.
        ("If the bill passes, he said, it will fill a void.", "said", "If the bill passes | it will fill a void"),
        // A second that-clause after "but" is the same cue's.
        (
            "He said the country must secure the border, but that he would not support mass deportation.",
            "said",
            "the country must secure the border, but that he would not support mass deportation",
        ),
    ] {
        let found = analyze(text, &lexicon, &Context::default());
        let a = find(&found, cue).unwrap_or_else(|| panic!("{text}: no cue {cue:?}"));
        let got: Vec<&str> = a.content.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(got.join(" | "), content, "{text}");
    }
}

#[test]
fn a_source_passing_on_its_own_words_is_not_a_hop() {
    let lexicon = Lexicon::builtin();
    // What Biden told aides reaches the reader through Biden: one voice,
    // so it hangs off whoever relayed Biden, not off Biden again.
    let text = "Putin said in response to Biden saying that he told aides they did not meet, TASS reported.";
    let found = analyze(text, &lexicon, &Context::default());
    let by_cue = |cue: &str| found.attributions.iter().position(|a| a.cue.text == cue).unwrap();
    let (saying, told) = (by_cue("saying"), by_cue("told"));
    assert_eq!(found.attributions[told].source.as_ref().unwrap().canonical, "Joe Biden");
    assert_eq!(found.attributions[told].via, found.attributions[saying].via);
    assert_eq!(found.attributions[told].depth, found.attributions[saying].depth);
    // Different people keep their hop: Peskov relays Putin.
    let text = "Putin told Biden that he wanted talks, Peskov said.";
    let found = analyze(text, &lexicon, &Context::default());
    let told = found.attributions.iter().find(|a| a.cue.text == "told").unwrap();
    assert_eq!(told.via, found.attributions.iter().position(|a| a.cue.text == "said"));
}

#[test]
fn the_next_sentence_does_not_make_a_source_anonymous() {
    let lexicon = Lexicon::builtin();
    // The words after a source are searched for "who asked not to be
    // named"; "A source familiar" opens the next paragraph, not this one.
    let text = "The talks will resume, TASS reported, citing a statement posted on the ministry's website.\n\n\
                A source familiar with the talks said the two sides remained far apart.";
    let found = analyze(text, &lexicon, &Context::default());
    let citing = found.attributions.iter().find(|a| a.cue.text == "citing").unwrap();
    assert_eq!(citing.source.as_ref().unwrap().kind, SourceType::Document);
}

#[test]
fn the_statement_is_the_one_a_cue_named() {
    let lexicon = Lexicon::builtin();
    // The ministry made the statement that state TV reported; "the
    // statement said" is the ministry's, not the broadcaster's.
    let text = "The first round of talks has ended, the ministry said in a statement posted on its website, \
                according to state TV channel Rossiya 1. The negotiators will meet again next week, the statement said.";
    let found = analyze(text, &lexicon, &Context::default());
    let said = found.attributions.iter().rfind(|a| a.cue.text == "said").unwrap();
    let source = said.source.as_ref().unwrap();
    assert_eq!((source.kind, source.canonical.as_str(), source.document), (SourceType::Official, "ministry", true));
    // A report with no cue that names it is still the reporter's.
    let text = "TASS reported that the talks had ended. The report said they would resume.";
    let found = analyze(text, &lexicon, &Context::default());
    let said = found.attributions.iter().find(|a| a.cue.text == "said").unwrap();
    assert_eq!(said.source.as_ref().unwrap().canonical, "TASS");
}

#[test]
fn he_refers_to_a_named_person_whatever_body_they_speak_for() {
    // A title after the name types the source by the body the person
    // speaks for (here an organization), but the source is still one
    // person: "he" in the next paragraph means him, not an earlier official.
    let lexicon = Lexicon::builtin();
    let text = "The president appears to be winning, said James Henson, director of the Texas Politics Project.\n\n\
                \u{201C}It is very effective,\u{201D} he said.";
    let found = analyze(text, &lexicon, &Context::default());
    let he = found
        .attributions
        .iter()
        .find(|a| a.source.as_ref().is_some_and(|s| s.text == "he"))
        .and_then(|a| a.source.as_ref())
        .expect("the attribution to \"he\"");
    assert_eq!(he.canonical, "James Henson");
}

#[test]
fn a_belief_inside_a_statement_is_its_content_not_a_second_attribution() {
    let lexicon = Lexicon::builtin();
    // Biden's regret is part of what he said; Rubio's feeling part of what
    // he says; the company's expectation and Trump's belief are what Smith
    // and Graham say.
    for (text, outer, inner) in [
        ("Putin said in response to Biden saying that he regrets that they did not meet.", "saying", "regrets"),
        ("Rubio says he feels he did great in the last debate.", "says", "feels"),
        ("Smith said the company expects profits to rise next year.", "said", "expects"),
        ("Graham said Trump believes the deal is bad.", "said", "believes"),
    ] {
        let found = analyze(text, &lexicon, &Context::default());
        let cues: Vec<&str> = found.attributions.iter().map(|a| a.cue.text.as_str()).collect();
        assert!(cues.contains(&outer) && !cues.contains(&inner), "{text}: {cues:?}");
        let statement = find(&found, outer).unwrap();
        assert!(statement.content.iter().any(|c| c.text.contains(inner)), "{text}");
    }
    // Speech inside speech is a relay, and stays as the second hop of a
    // chain.
    let found = analyze("Peskov said Putin told Biden that they would meet.", &lexicon, &Context::default());
    let told = find(&found, "told").expect("the relayed statement");
    assert_eq!(told.source.as_ref().map(|s| s.text.as_str()), Some("Putin"));
    assert!(find(&found, "said").is_some());
}

#[test]
fn honorifics_name_the_person_and_say_who_she_is() {
    let lexicon = Lexicon::builtin();
    let text = "Hillary Clinton, the former secretary of state, said the plan would work. \
                Senator Bernie Sanders said it would fail. Mr. Sanders said it twice. \
                She said the critics were wrong.";
    let found = analyze(text, &lexicon, &Context::default());
    let canonical = |source: &str| {
        found
            .attributions
            .iter()
            .find_map(|a| a.source.as_ref().filter(|s| s.text == source))
            .map(|s| s.canonical.clone())
    };
    // The honorific is no part of the name: "Mr. Sanders" is the Bernie
    // Sanders the article named in full.
    assert_eq!(canonical("Mr. Sanders").as_deref(), Some("Bernie Sanders"));
    // "She" skips the nearer "Mr. Sanders".
    assert_eq!(canonical("She").as_deref(), Some("Hillary Clinton"));
    // A gendered title says as much: "she" is not the spokesman.
    let found = analyze(
        "Mayor Ana Ruiz said the budget was fair. Campaign spokesman Jesse Ferguson said it was not. \
         She said the vote would go ahead.",
        &lexicon,
        &Context::default(),
    );
    let she = found.attributions.iter().find_map(|a| a.source.as_ref().filter(|s| s.text == "She")).unwrap();
    assert_eq!(she.canonical, "Ana Ruiz");
    // A body named after "The" is no person's name for "he" to take.
    let found = analyze(
        "Senator Tim Kaine said the deal was good. The Republican Party said it was bad. He said it again.",
        &lexicon,
        &Context::default(),
    );
    let he = found.attributions.iter().find_map(|a| a.source.as_ref().filter(|s| s.text == "He")).unwrap();
    assert_eq!(he.canonical, "Tim Kaine");
}

#[test]
fn people_who_share_a_surname_are_not_one_person() {
    let lexicon = Lexicon::builtin();
    let text = "Hillary Clinton said the plan would work. Former President Bill Clinton said it would fail. \
                Bill Clinton said he was not sure. Democrat Bernie Sanders said it was fine. \
                Bernie Sanders said so twice.";
    let found = analyze(text, &lexicon, &Context::default());
    let canonicals: Vec<&str> =
        found.attributions.iter().filter_map(|a| a.source.as_ref()).map(|s| s.canonical.as_str()).collect();
    assert_eq!(canonicals[..3], ["Hillary Clinton", "Bill Clinton", "Bill Clinton"]);
    // A party before the name is no part of it: one person, a politician.
    assert_eq!(canonicals[3..], ["Bernie Sanders", "Bernie Sanders"]);
    let sanders = found.attributions[3].source.as_ref().unwrap();
    assert_eq!(sanders.kind, SourceType::Official);
}

#[test]
fn a_name_before_a_common_noun_is_whose_the_source_is_not_the_source() {
    let lexicon = Lexicon::builtin();
    let text = "Hillary Clinton spoke in Ohio. Clinton aides said the speech went well. \
                Many Wall Street players said the deal was risky. \
                Grayson's spokeswoman said he would run. Senate Democrats said the bill would fail. \
                Kremlin officials said talks would go on. Sanders himself said so.";
    let found = analyze(text, &lexicon, &Context::default());
    let sources = written_and_canonical(&found);
    assert_eq!(
        sources,
        [
            ("Clinton aides", "Clinton aides"),
            ("Many Wall Street players", "Wall Street players"),
            ("Grayson's spokeswoman", "Grayson's spokeswoman"),
            // A party after an institution is a faction of it; other
            // members speak for the institution itself.
            ("Senate Democrats", "Senate Democrats"),
            ("Kremlin officials", "Kremlin"),
            ("Sanders himself", "Sanders"),
        ]
    );
}

#[test]
fn a_place_before_a_title_or_party_is_no_part_of_the_name() {
    let lexicon = Lexicon::builtin();
    let text = "Vermont Sen. Bernie Sanders said the system was rigged. \
                Ohio Republican John Kasich said he would run. Later, Kasich said he was staying in. \
                Russian President Vladimir Putin said talks were possible.";
    let found = analyze(text, &lexicon, &Context::default());
    let sources: Vec<(&str, SourceType, Option<&str>)> = found
        .attributions
        .iter()
        .filter_map(|a| a.source.as_ref())
        .filter(|s| s.text != "he")
        .map(|s| (s.canonical.as_str(), s.kind, s.country.as_deref()))
        .collect();
    assert_eq!(
        sources,
        [
            // The public figures of data/people.tsv get their country.
            ("Bernie Sanders", SourceType::Official, Some("US")),
            ("John Kasich", SourceType::Official, Some("US")),
            ("John Kasich", SourceType::Official, Some("US")),
            ("Vladimir Putin", SourceType::Official, Some("RU")),
        ]
    );
}

#[test]
fn he_and_she_never_refer_to_a_group_named_after_a_person() {
    let lexicon = Lexicon::builtin();
    let text = "Hillary Clinton spoke in Ohio. Mrs. Clinton's confidants said the speech went well. \
                Later, she said she was pleased.";
    let found = analyze(text, &lexicon, &Context::default());
    let she = found.attributions.iter().filter_map(|a| a.source.as_ref()).find(|s| s.text == "she").unwrap();
    assert_eq!(she.canonical, "Hillary Clinton");
}

#[test]
fn a_name_after_a_possessive_title_is_who_speaks() {
    let lexicon = Lexicon::builtin();
    let text = "Sanders's campaign manager, Jeff Weaver, said the race was close. \
                Ms. Merkel's spokesman, Steffen Seibert, said talks would go on.";
    let found = analyze(text, &lexicon, &Context::default());
    let sources: Vec<(&str, SourceType)> =
        found.attributions.iter().filter_map(|a| a.source.as_ref()).map(|s| (s.canonical.as_str(), s.kind)).collect();
    assert_eq!(sources, [("Jeff Weaver", SourceType::Official), ("Steffen Seibert", SourceType::Official)]);
}

#[test]
fn an_institution_in_front_of_a_title_says_what_kind_of_official() {
    let lexicon = Lexicon::builtin();
    let text = "FBI Director James B. Comey said the case was closed. \
                Defense Secretary Ash Carter said the strikes would go on. Later, Carter said more troops were needed.";
    let found = analyze(text, &lexicon, &Context::default());
    let sources: Vec<(&str, SourceType)> =
        found.attributions.iter().filter_map(|a| a.source.as_ref()).map(|s| (s.canonical.as_str(), s.kind)).collect();
    assert_eq!(
        sources,
        [
            // The name data/people.tsv gives him, as in every article.
            ("James Comey", SourceType::Official),
            ("Ash Carter", SourceType::Official),
            ("Ash Carter", SourceType::Official),
        ]
    );
}

#[test]
fn a_pronoun_with_no_source_before_it_refers_to_the_person_named_before_it() {
    let lexicon = Lexicon::builtin();
    let text = "Sandra Paradis, 78, arrived at her polling place with yard signs in hand. \
                She said she was not expecting a crowd. \
                There was no talk of ''Crooked Hillary'' at the rally; he said the race was close.";
    let found = analyze(text, &lexicon, &Context::default());
    let sources = written_and_canonical(&found);
    // A nickname in quotation marks is nobody "he" can stand for.
    assert_eq!(sources, [("She", "Sandra Paradis"), ("he", "he")]);
}

#[test]
fn they_refers_to_a_group_not_to_one_person() {
    let lexicon = Lexicon::builtin();
    let text = "Senator Ann Lee said the bill would pass. Later, they said it would fail.";
    let found = analyze(text, &lexicon, &Context::default());
    let they = found.attributions.iter().filter_map(|a| a.source.as_ref()).find(|s| s.text == "they").unwrap();
    assert_eq!((they.canonical.as_str(), they.kind), ("they", SourceType::Unknown));
}

#[test]
fn a_given_name_says_which_person_he_or_she_can_be() {
    let lexicon = Lexicon::builtin();
    let text = "Hillary Clinton said the plan would work. Donald Trump said it would fail. \
                She said he was wrong. Later, he said she had no plan.";
    let found = analyze(text, &lexicon, &Context::default());
    let pronouns: Vec<(&str, &str)> = found
        .attributions
        .iter()
        .filter_map(|a| a.source.as_ref())
        .filter(|s| matches!(s.text.as_str(), "She" | "he"))
        .map(|s| (s.text.as_str(), s.canonical.as_str()))
        .collect();
    assert_eq!(pronouns, [("She", "Hillary Clinton"), ("he", "Donald Trump")]);
}

#[test]
fn a_quantifier_alone_is_an_unnamed_source() {
    let lexicon = Lexicon::builtin();
    let text = "Some said the plan would fail. Others said it was fair. Some Democrats said the bill was weak.";
    let found = analyze(text, &lexicon, &Context::default());
    let kinds: Vec<(&str, SourceType)> =
        found.attributions.iter().filter_map(|a| a.source.as_ref()).map(|s| (s.text.as_str(), s.kind)).collect();
    assert_eq!(
        kinds,
        [("Some", SourceType::Anonymous), ("Others", SourceType::Anonymous), ("Some Democrats", SourceType::Official)]
    );
}

#[test]
fn a_public_figure_is_one_source_however_the_article_names_them() {
    let lexicon = Lexicon::builtin();
    for (text, canonical) in [
        ("Obama said the deal was good.", "Barack Obama"),
        ("Mr. Obama said the deal was good.", "Barack Obama"),
        ("President Barack H. Obama said the deal was good.", "Barack Obama"),
        // A name the article introduces itself comes first.
        ("Ivanka Trump spoke in Ohio. Trump said the plan would help families.", "Ivanka Trump"),
    ] {
        let found = analyze(text, &lexicon, &Context::default());
        let source = found.attributions.last().and_then(|a| a.source.as_ref()).expect(text);
        assert_eq!(source.canonical, canonical, "{text}");
    }
}

#[test]
fn space_words_splits_as_split_on_a_space_does() {
    for phrase in ["", "a", "senior officials", " two  spaces ", "trailing ", "ünïcode wörds here"] {
        let ours: Vec<&str> = super::sources::space_words(phrase).collect();
        let theirs: Vec<&str> = phrase.split(' ').collect();
        assert_eq!(ours, theirs, "{phrase:?}");
    }
}

#[test]
fn a_users_public_figure_is_one_source_however_the_news_names_them() {
    // A journalist covering a city adds its mayor: every way the coverage
    // writes the name is then one official of the country given.
    let mut lexicon = Lexicon::builtin();
    // An article that never gives the full name leaves the surname alone.
    let text = "Mayor Okafor said the budget was balanced. Okafor added that taxes would not rise.";
    let before = analyze(text, &lexicon, &Context::default());
    assert_eq!(written_and_canonical(&before), [("Mayor Okafor", "Okafor"), ("Okafor", "Okafor")]);
    let found = lexicon.extend(LexiconKind::People, "Adaeze Okafor\tOkafor|Mayor Okafor\tofficial\tNG");
    assert!(found.is_empty(), "{found:?}");
    let after = analyze(text, &lexicon, &Context::default());
    for a in &after.attributions {
        let s = a.source.as_ref().unwrap();
        assert_eq!(
            (s.canonical.as_str(), s.kind, s.country.as_deref()),
            ("Adaeze Okafor", SourceType::Official, Some("NG"))
        );
    }
    // Only people and officials are listed; organizations have sources.tsv.
    let refused = lexicon.extend(LexiconKind::People, "City Hall\t\torganization\tNG");
    assert_eq!(refused.len(), 1, "{refused:?}");
}

#[test]
fn a_users_given_name_says_who_he_or_she_can_be_and_either_takes_it_back() {
    let text = "Chidi Obi said the plan would work. Ngozi Eze said it would fail. She said he was wrong.";
    let pronouns = |lexicon: &Lexicon| -> Vec<(String, String)> {
        analyze(text, lexicon, &Context::default())
            .attributions
            .iter()
            .filter_map(|a| a.source.as_ref())
            .filter(|s| matches!(s.text.as_str(), "She"))
            .map(|s| (s.text.clone(), s.canonical.clone()))
            .collect()
    };
    let mut lexicon = Lexicon::builtin();
    // With no gender known for either name, "She" goes to the nearest.
    assert_eq!(pronouns(&lexicon), [("She".to_string(), "Ngozi Eze".to_string())]);
    let found = lexicon.extend(LexiconKind::GivenNames, "chidi\tf\nngozi\tm");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(pronouns(&lexicon), [("She".to_string(), "Chidi Obi".to_string())]);
    let found = lexicon.extend(LexiconKind::GivenNames, "Chidi\teither\nngozi\teither");
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(pronouns(&lexicon), [("She".to_string(), "Ngozi Eze".to_string())]);
    assert_eq!(lexicon.extend(LexiconKind::GivenNames, "mary ann\tf\nalex\tx").len(), 2);
}

#[test]
fn a_title_before_a_surname_names_the_surname() {
    // The library counts "President Putin" and "Vladimir Putin" as one
    // source only if the title is no part of the name; an abbreviated
    // title ("Sen.") types the source as one written out does.
    let lexicon = Lexicon::builtin();
    let cases = [
        ("President Putin said talks would go on.", "Vladimir Putin", SourceType::Official),
        ("Sen. Cruz said the bill would fail.", "Ted Cruz", SourceType::Official),
        ("Sen. Tester said the bill would fail.", "Tester", SourceType::Official),
        ("Gov. Kasich said the state would appeal.", "John Kasich", SourceType::Official),
        ("Spokesman Peskov said the meeting was useful.", "Dmitry Peskov", SourceType::Official),
        ("Judge Berman said the case would go on.", "Berman", SourceType::Official),
        // A company named after a title, and an acronym after a title, are
        // no surnames.
        ("General Electric said profits fell.", "General Electric", SourceType::Official),
        ("Mrs. Clinton said she would win.", "Mrs. Clinton", SourceType::Person),
    ];
    for (text, canonical, kind) in cases {
        let found = analyze(text, &lexicon, &Context::default());
        let s = found.attributions[0].source.as_ref().unwrap();
        assert_eq!((s.canonical.as_str(), s.kind), (canonical, kind), "{text}");
    }
}

#[test]
fn a_surname_after_a_name_with_jr_is_the_same_person() {
    let lexicon = Lexicon::builtin();
    let text = "The region's commander, Adm. Harry B. Harris Jr., spoke on Monday. \
                Admiral Harris said the patrols would go on. Harris added that China was a professional military.";
    let found = analyze(text, &lexicon, &Context::default());
    let names: Vec<&str> =
        found.attributions.iter().filter_map(|a| a.source.as_ref()).map(|s| s.canonical.as_str()).collect();
    assert_eq!(names, ["Harry B. Harris Jr.", "Harry B. Harris Jr."]);
}

#[test]
fn cue_class_names_are_their_serde_names() {
    use CueClass::*;
    for class in [Speech, Belief, Intention, Evaluation, Evidence, Punctuation] {
        assert_eq!(serde_json::to_string(&class).unwrap(), format!("\"{}\"", class.as_str()));
        assert_eq!(CueClass::parse(class.as_str()), Some(class));
    }
}

#[test]
fn according_to_after_a_quotation_and_its_cue_carries_that_quotation() {
    // "According to the Las Vegas Sun" is how the reporter had O'Malley's
    // words: it carries the quotation, and O'Malley's attribution came
    // through it.
    let lexicon = Lexicon::builtin();
    let text = "\u{201c}Is this a priority?\u{201d} O\u{2019}Malley said at a press conference, according to the Las Vegas Sun.";
    let found = analyze(text, &lexicon, &Context::default());
    let sun = find(&found, "according to").expect("according to");
    let content: Vec<&str> = sun.content.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(content, ["\u{201c}Is this a priority?\u{201d}"]);
    assert_eq!(sun.source.as_ref().map(|s| s.kind), Some(SourceType::Media));
    let said = find(&found, "said").expect("said");
    let via = said.via.map(|v| found.attributions[v].cue.text.as_str());
    assert_eq!(via, Some("according to"));
}

#[test]
fn a_participle_with_its_agent_after_a_noun_is_no_cue() {
    let lexicon = Lexicon::builtin();
    let found = analyze(
        "Sanders won younger voters, according to exit polls reported by CNN and other networks.",
        &lexicon,
        &Context::default(),
    );
    let cues: Vec<&str> = found.attributions.iter().map(|a| a.cue.text.as_str()).collect();
    assert_eq!(cues, ["according to"]);
}

#[test]
fn a_name_inside_the_quotation_is_not_the_speaker() {
    // The commas around "Clarkston" are the quotation's own; the speaker
    // is named after the cue, with a role the lexicon does not know.
    let lexicon = Lexicon::builtin();
    let text = "\"Thanks, Clarkston, for welcoming these refugees,\" said master of ceremonies Asab Al-Tabchi.";
    let found = analyze(text, &lexicon, &Context::default());
    let said = find(&found, "said").expect("said");
    let source = said.source.as_ref().expect("a source");
    assert_eq!(source.text, "master of ceremonies Asab Al-Tabchi");
    assert_eq!((source.kind, source.canonical.as_str()), (SourceType::Person, "Asab Al-Tabchi"));
    let content: Vec<&str> = said.content.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(content, ["\"Thanks, Clarkston, for welcoming these refugees,\""]);
}

#[test]
fn backing_away_or_backed_by_after_a_noun_is_no_support() {
    let lexicon = Lexicon::builtin();
    assert_no_cue(&lexicon, "Trump backed away from the suggestion on Sunday.", "backed");
    assert_no_cue(&lexicon, "Records backed that up.", "backed");
    assert_no_cue(&lexicon, "A coalition led by Saudi Arabia and backed by the West is implicated.", "backed");
}

#[test]
fn for_fear_of_is_a_reason_for_anonymity_not_a_belief() {
    let lexicon = Lexicon::builtin();
    let text = "The employee, who spoke on condition of anonymity for fear of losing her job, said she was pregnant.";
    assert_no_cue(&lexicon, text, "fear of");
    let found = analyze(text, &lexicon, &Context::default());
    let said = find(&found, "said").expect("the speaker's own cue");
    let content: Vec<&str> = said.content.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(content, ["she was pregnant"]);
}

#[test]
fn a_source_with_another_attributions_cue_inside_is_no_source() {
    let lexicon = Lexicon::builtin();
    let text = "Any interpretation of Mr. Kerry's actions, said Michael Kofman, an expert on Russia, would read this as a retreat.";
    assert_no_cue(&lexicon, text, "would read");
    let found = analyze(text, &lexicon, &Context::default());
    let said = find(&found, "said").expect("the inverted cue");
    assert_eq!(said.source.as_ref().map(|s| s.text.as_str()), Some("Michael Kofman, an expert on Russia"));
}
