//! Tone and framing on real text: the readable golden of the sample
//! article, and the VADER port's parity with the reference.
//!
//! The golden is refreshed with `UPDATE_EXPECT=1`. Parity is checked
//! against the `vader-parity` crate on every run, and against Python's
//! vaderSentiment 3.3.2 when `python3` can import it (else the test prints
//! a notice and skips). PolNeAR sentences are added from `../shared/eval`
//! when it is there; nothing of it is copied into the repository.

use expect_test::expect_file;
use sourcetrace_core::attribution::{analyze, Context, Lexicon};
use sourcetrace_core::framing::{framing, FramingLexicon};
use sourcetrace_core::tone::{article_tone, entities_of, ArticleTone, SentenceTone, ToneEngine, ToneLexicon};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The sample article's body, as the library stores it: the captions and
/// paragraphs of the import golden, one paragraph each.
fn sample_body() -> String {
    let golden = include_str!("../../../tests/golden/cgtn-sample.txt");
    golden
        .lines()
        .filter_map(|l| l.strip_prefix("[paragraph] ").or_else(|| l.strip_prefix("[caption] ")))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn short(text: &str, max: usize) -> String {
    let one_line = text.replace('\n', " ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        format!("{}...", one_line.chars().take(max).collect::<String>())
    }
}

fn terms(s: &SentenceTone) -> String {
    s.terms
        .iter()
        .map(|t| {
            let mut how = Vec::new();
            if let Some(n) = &t.negator {
                how.push(format!("not: {}", n.text));
            }
            if t.boosted {
                how.push("boosted".to_string());
            }
            let how = if how.is_empty() { String::new() } else { format!(", {}", how.join(", ")) };
            format!("{} [{} {:+}{how}] {:+.3}", t.text, t.lexicon.as_str(), t.base, t.contribution)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn entity_line(tone: &ArticleTone, name: &str) -> String {
    match tone.entities.iter().find(|e| e.name == name) {
        Some(e) => match e.score {
            Some(score) => format!("{score:+.3} over {} sentences {:?}", e.sentences.len(), e.sentences),
            None => "not mentioned".into(),
        },
        None => "-".into(),
    }
}

/// Per sentence, both engines with the news rules and the terms behind
/// each score; then entities, the article and the framing counts.
fn render(text: &str) -> String {
    let lexicon = Lexicon::builtin();
    let analysis = analyze(text, &lexicon, &Context { outlet: Some("CGTN") });
    let entities = entities_of(&analysis, text, &lexicon);
    let news = ToneLexicon::builtin();
    let vader = article_tone(text, &news, ToneEngine::Vader, &entities);
    let afinn = article_tone(text, &news, ToneEngine::Afinn, &entities);
    let general = article_tone(text, &ToneLexicon::general(), ToneEngine::Vader, &entities);
    let mut out = String::new();
    out.push_str("# sentence: vader (news) | afinn (news) | vader 3.3.2 as published\n");
    for (i, (v, a)) in vader.sentences.iter().zip(&afinn.sentences).enumerate() {
        let g = &general.sentences[i];
        writeln!(
            out,
            "#{i} {:+.3} {:<8} | {:+.3} {:<8} | {:+.3}  {}",
            v.score,
            v.label.as_str(),
            a.score,
            a.label.as_str(),
            g.score,
            short(&v.text, 90)
        )
        .unwrap();
        if !v.terms.is_empty() {
            writeln!(out, "    vader: {}", terms(v)).unwrap();
        }
        if !a.terms.is_empty() {
            writeln!(out, "    afinn: {}", terms(a)).unwrap();
        }
    }
    writeln!(
        out,
        "\narticle: vader {:+.3} {} ({} positive, {} neutral, {} negative); afinn {:+.3} {}; vader as published {:+.3}",
        vader.score,
        vader.label.as_str(),
        vader.positive,
        vader.neutral,
        vader.negative,
        afinn.score,
        afinn.label.as_str(),
        general.score
    )
    .unwrap();
    out.push_str("\n# entity (aliases): vader | afinn\n");
    for e in &entities {
        writeln!(
            out,
            "{} ({}): {} | {}",
            e.name,
            e.aliases.join(", "),
            entity_line(&vader, &e.name),
            entity_line(&afinn, &e.name)
        )
        .unwrap();
    }
    let found = framing(text, &analysis, &FramingLexicon::builtin());
    writeln!(out, "\n# framing over {} words", found.words).unwrap();
    for s in &found.stances {
        let cues: Vec<String> =
            s.attributions.iter().map(|&i| format!("#{i} {}", analysis.attributions[i].cue.text)).collect();
        writeln!(
            out,
            "stance {}: {} ({:.1}/1000 words, {:.0}% of attributions) {:?}",
            s.stance.as_str(),
            s.count,
            s.rate,
            s.share * 100.0,
            cues
        )
        .unwrap();
    }
    let hits = |hits: &[sourcetrace_core::framing::Hit]| {
        hits.iter().map(|h| format!("{} @{} ({})", h.text, h.start, h.group)).collect::<Vec<_>>()
    };
    writeln!(out, "hedges: {} ({:.1}/1000 words) {:?}", found.hedges.len(), found.hedge_rate, hits(&found.hedges))
        .unwrap();
    writeln!(out, "loaded: {} ({:.1}/1000 words) {:?}", found.loaded.len(), found.loaded_rate, hits(&found.loaded))
        .unwrap();
    out
}

#[test]
fn sample_article_tone_and_framing() {
    let text = sample_body();
    let lexicon = Lexicon::builtin();
    let analysis = analyze(&text, &lexicon, &Context { outlet: Some("CGTN") });
    let entities = entities_of(&analysis, &text, &lexicon);
    let news = ToneLexicon::builtin();
    for engine in ToneEngine::ALL {
        let tone = article_tone(&text, &news, engine, &entities);
        let sentence = |needle: &str| tone.sentences.iter().find(|s| s.text.contains(needle)).unwrap();
        // The two sentences the issue names are negative with either engine.
        for needle in ["Putin had no particular grounds for optimism", "further demonize Russia"] {
            let s = sentence(needle);
            assert!(s.score < -0.05, "{}: {:+.3} for {:?}", engine.as_str(), s.score, s.text);
        }
        for name in ["Russia", "Vladimir Putin", "Joe Biden", "Dmitry Peskov"] {
            let e = tone.entities.iter().find(|e| e.name == name);
            assert!(e.is_some_and(|e| !e.sentences.is_empty()), "{}: {name} not found", engine.as_str());
        }
    }
    let found = framing(&text, &analysis, &FramingLexicon::builtin());
    assert!(
        found.loaded.iter().any(|h| h.phrase == "demonize") && found.loaded.iter().any(|h| h.phrase == "aggressor")
    );
    expect_file!["../../../tests/golden/cgtn-tone.txt"].assert_eq(&render(&text));
}

/// Sentences to compare engines on: the sample's and, when the evaluation
/// data is there, those of the first PolNeAR dev articles.
fn parity_sentences() -> Vec<String> {
    let general = ToneLexicon::general();
    let mut texts = vec![sample_body()];
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/polnear-dev/text");
    match std::fs::read_dir(&dir) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            texts.extend(paths.iter().take(20).filter_map(|p| std::fs::read_to_string(p).ok()));
        }
        Err(_) => println!("notice: {} is absent; parity uses the sample article only", dir.display()),
    }
    let mut sentences = Vec::new();
    for text in texts {
        let tone = article_tone(&text, &general, ToneEngine::Vader, &[]);
        sentences.extend(tone.sentences.into_iter().map(|s| s.text));
    }
    // Hand-written cases for the rules the sample lacks.
    for s in [
        "It was NOT good at all!!",
        "The deal is kind of good, but the terms are very bad.",
        "At least it isn't a horrible outcome, but it was the least useful.",
        "He is never so happy, without doubt the best.",
        "No, no, no: this is bad, bad, bad but good, good.",
        "Is this really it??? What a disaster?!",
        "The \u{201C}red lines\u{201D} don\u{2019}t help.",
        "SANCTIONS are a threat and a NIGHTMARE for peace",
    ] {
        sentences.push(s.to_string());
    }
    sentences
}

#[test]
fn vader_without_news_rules_matches_vader_parity() {
    let general = ToneLexicon::general();
    let reference = vader_parity::SentimentIntensityAnalyzer::new();
    let sentences = parity_sentences();
    let mut differ = Vec::new();
    for s in &sentences {
        let ours = sourcetrace_core::tone::sentence_tone(s, &general, ToneEngine::Vader).score;
        let theirs = reference.polarity_scores(s).compound;
        if (ours - theirs).abs() > 0.00005 + 1e-9 {
            differ.push(format!("{ours:.4} vs {theirs:.4}: {s}"));
        }
    }
    println!("vader-parity: {} of {} sentences agree", sentences.len() - differ.len(), sentences.len());
    assert!(differ.is_empty(), "{} differ:\n{}", differ.len(), differ.join("\n"));
}

/// The Python that has the peers installed: `$SOURCETRACE_PEER_PYTHON`,
/// else the virtual environment scripts/setup.sh makes, else `python3`.
fn peer_python() -> std::path::PathBuf {
    if let Some(p) = std::env::var_os("SOURCETRACE_PEER_PYTHON") {
        return p.into();
    }
    let venv = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/peer-python/bin/python");
    if venv.exists() {
        venv
    } else {
        "python3".into()
    }
}

#[test]
fn vader_without_news_rules_matches_python() {
    let python = peer_python();
    let probe = Command::new(&python).args(["-c", "import vaderSentiment"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        println!(
            "notice: {} cannot import vaderSentiment (scripts/setup.sh installs it into target/peer-python); skipped",
            python.display()
        );
        return;
    }
    let sentences = parity_sentences();
    let script = "import sys, json\n\
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer\n\
        a = SentimentIntensityAnalyzer()\n\
        for line in sys.stdin:\n    print(a.polarity_scores(json.loads(line))['compound'])\n";
    let mut child = Command::new(&python)
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 starts");
    {
        let mut stdin = child.stdin.take().unwrap();
        for s in &sentences {
            writeln!(stdin, "{}", serde_json::to_string(s).unwrap()).unwrap();
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "python3 failed");
    let theirs: Vec<f64> = String::from_utf8_lossy(&out.stdout).lines().map(|l| l.parse().unwrap()).collect();
    assert_eq!(theirs.len(), sentences.len());
    let general = ToneLexicon::general();
    let mut differ = Vec::new();
    for (s, theirs) in sentences.iter().zip(theirs) {
        let ours = sourcetrace_core::tone::sentence_tone(s, &general, ToneEngine::Vader).score;
        if (ours - theirs).abs() > 0.00005 + 1e-9 {
            differ.push(format!("{ours:.4} vs {theirs:.4}: {s}"));
        }
    }
    println!("python vaderSentiment: {} of {} sentences agree", sentences.len() - differ.len(), sentences.len());
    assert!(differ.is_empty(), "{} differ:\n{}", differ.len(), differ.join("\n"));
}

/// A text past the analysis limit is read in its first part, and every
/// stage says so, whether it reads the text itself or shares one reading.
#[test]
fn every_stage_says_when_a_text_was_cut() {
    use sourcetrace_core::attribution::{analyze_reading, Context, Lexicon, Reading, MAX_TEXT_BYTES};
    use sourcetrace_core::framing::{framing, framing_in, FramingLexicon};
    use sourcetrace_core::tone::{article_tone, article_tone_in, ToneEngine, ToneLexicon};
    // One long word: past the limit, yet cheap to read in a debug build.
    let text = "x".repeat(MAX_TEXT_BYTES + 10);
    let lexicon = Lexicon::builtin();
    let reading = Reading::new(&text, &lexicon);
    assert_eq!(reading.truncated(), Some((text.len(), reading.text().len())));
    let analysis = analyze_reading(&reading, &lexicon, &Context::default());
    let codes = |d: &[sourcetrace_core::Diagnostic]| d.iter().map(|d| d.code).collect::<Vec<_>>();
    assert_eq!(codes(&analysis.diagnostics), ["attribution.truncated"]);
    let (tones, framings) = (ToneLexicon::builtin(), FramingLexicon::builtin());
    for tone in
        [article_tone_in(&reading, &tones, ToneEngine::Afinn, &[]), article_tone(&text, &tones, ToneEngine::Afinn, &[])]
    {
        assert_eq!(codes(&tone.diagnostics), ["tone.truncated"]);
    }
    for f in [framing_in(&reading, &analysis, &framings), framing(&text, &analysis, &framings)] {
        assert_eq!(codes(&f.diagnostics), ["framing.truncated"]);
    }
}
