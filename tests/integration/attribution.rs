//! The attribution engine on real text: the golden test on the sample
//! article, and the accuracy floor on PolNeAR dev.
//!
//! Both need `../shared` beside the project and skip with a notice without
//! it. The golden file is refreshed with `UPDATE_EXPECT=1`.

use crate::support::{sample_article, shared, TempLibrary};
use expect_test::expect_file;
use sourcetrace_core::attribution::{analyze, Analysis, Context, Lexicon, SourceType};
use std::process::Command;

/// One line per attribution, its content below it, then the scores: what a
/// reviewer reads to check the engine on the sample.
fn render(found: &Analysis) -> String {
    let mut out = String::new();
    for (i, a) in found.attributions.iter().enumerate() {
        let source = match &a.source {
            Some(s) => format!(
                "{:?} [{}{}{}] = {}",
                s.text,
                s.kind.as_str(),
                s.country.as_deref().map(|c| format!(", {c}")).unwrap_or_default(),
                if s.document { ", document" } else { "" },
                s.canonical
            ),
            None => "(no source)".into(),
        };
        let via = a.via.map(|v| format!(" <- via #{v}")).unwrap_or_default();
        out.push_str(&format!(
            "#{i} {} {:?} {:?} depth {}: {source}{via}\n",
            a.kind.as_str(),
            a.cue.text,
            a.stance,
            a.depth
        ));
        for c in &a.content {
            out.push_str(&format!("    > {}\n", c.text.replace('\n', " / ")));
        }
    }
    let s = &found.scores;
    out.push_str(&format!(
        "\nattributions {}; by type {:?}\nstate media {:.3}; anonymous {:.3}; second-hand {:.3}; direct {:.3}\ndeepest chain {} {:?}\ndistinct sources {:?}\ntransparency {:.1}\n",
        s.attributions,
        s.by_type.iter().map(|(k, v)| (k.as_str(), v.len())).collect::<Vec<_>>(),
        s.state_media_share.value,
        s.anonymous_share.value,
        s.second_hand_share.value,
        s.direct_quote_share.value,
        s.deepest_chain.depth,
        s.deepest_chain.attributions,
        s.distinct_sources,
        s.transparency.score.unwrap_or(-1.0),
    ));
    out
}

#[test]
fn sample_article_attributions_and_chain() {
    let Some(sample) = sample_article() else { return };
    let mut lib = TempLibrary::new();
    let (summary, _) = lib.import(&[sample]);
    assert_eq!(summary.imported, 1);
    let id = lib.app.list(&Default::default()).unwrap()[0].id;
    let article = lib.app.show(id).unwrap();
    let lexicon = Lexicon::builtin();
    let found = analyze(&article.text, &lexicon, &Context { outlet: article.outlet.as_deref() });
    let a = &found.attributions;

    let by = |cue: &str, content: &str| {
        a.iter()
            .position(|x| x.cue.text == cue && x.content.iter().any(|c| c.text.contains(content)))
            .unwrap_or_else(|| panic!("no {cue:?} attribution with {content:?} in:\n{}", render(&found)))
    };
    let source = |i: usize| a[i].source.as_ref().unwrap();
    let is = |i: usize, kind: SourceType, country: &str| {
        let s = source(i);
        assert_eq!((s.kind, s.country.as_deref()), (kind, Some(country)), "#{i} {:?}", a[i].cue.text);
    };

    // "Russian media reported" (media, RU).
    let russian_media = by("reported", "Putin told his U.S. counterpart");
    assert_eq!(source(russian_media).text, "Russian media");
    is(russian_media, SourceType::Media, "RU");
    // Putin's direct quote (official, RU).
    let putin = by("said", "We'll definitely meet [in person]. I would really like that,");
    assert_eq!(source(putin).canonical, "Vladimir Putin");
    is(putin, SourceType::Official, "RU");
    // TASS reported (state media), citing a video on state TV (state media, RU, a document).
    let tass = by("reported", "We'll definitely meet");
    assert_eq!(source(tass).canonical, "TASS");
    is(tass, SourceType::StateMedia, "RU");
    let video = a.iter().position(|x| x.cue.text == "citing").expect("the citing hop");
    assert_eq!(source(video).text, "a short video released on state TV channel Rossiya 1");
    is(video, SourceType::StateMedia, "RU");
    assert!(source(video).document);
    // The chain for Putin's words: CGTN <- Russian media <- TASS <- Rossiya 1 video <- Putin.
    assert_eq!(a[putin].via, Some(video));
    assert_eq!(a[video].via, Some(tass));
    assert_eq!(a[tass].via, Some(russian_media));
    assert_eq!(a[russian_media].via, None);
    assert_eq!(a[putin].depth, 4);
    // Peskov's indirect statement and his partial quote.
    let peskov = by("said", "it is too early to talk about a face-to-face meeting");
    assert_eq!(source(peskov).canonical, "Dmitry Peskov");
    is(peskov, SourceType::Official, "RU");
    let calling = by("calling", "question for the future");
    assert_eq!(source(calling).canonical, "Dmitry Peskov");
    // "the report said", resolved to the TASS report; Peskov came through it.
    let report = a.iter().position(|x| x.source.as_ref().is_some_and(|s| s.text == "the report")).unwrap();
    assert_eq!(source(report).canonical, "TASS");
    assert_eq!(source(report).refers_to, Some(tass));
    assert_eq!(a[peskov].via, Some(report));
    // Peskov via "a video released on Russia's state TV".
    let channel = a
        .iter()
        .position(|x| x.source.as_ref().is_some_and(|s| s.text == "a video released on Russia's state TV"))
        .unwrap();
    is(channel, SourceType::StateMedia, "RU");
    let peskov_video = by("said", "no particular grounds for optimism");
    assert_eq!(a[peskov_video].via, Some(channel));
    // "Russia has said" (official, RU).
    let russia = by("has said", "does not want certain offensive weapons");
    is(russia, SourceType::Official, "RU");
    // "Putin told Biden that ..., Peskov said": nested.
    let outer = by("said", "Putin told Biden that Russian troops");
    let inner = by("told", "Russian troops were on Russian territory");
    assert_eq!(a[inner].via, Some(outer));
    assert_eq!(source(outer).canonical, "Dmitry Peskov");
    // Peskov's direct quote with "Peskov added".
    let added = by("added", "demonize Russia");
    assert_eq!(source(added).canonical, "Dmitry Peskov");
    // "he said", resolved to Peskov.
    let he = by("said", "the two leaders had agreed");
    assert_eq!((source(he).text.as_str(), source(he).canonical.as_str()), ("he", "Dmitry Peskov"));
    // Biden's "never on the table" (official, US).
    let biden = by("said", "never on the table");
    assert_eq!(source(biden).canonical, "Joe Biden");
    is(biden, SourceType::Official, "US");

    assert!(found.scores.state_media_share.value > 0.0);
    assert!(found.scores.deepest_chain.depth >= a[putin].depth);
    expect_file!["../golden/cgtn-attributions.txt"].assert_eq(&render(&found));
}

/// The floor on PolNeAR dev, scored by the evaluation's own script on the
/// real binary. The floor sits just under the current figures so that a
/// change that loses accuracy fails here; raise it as the rules improve.
#[test]
fn polnear_dev_accuracy_floor() {
    let Some(gold) = shared("eval/polnear-dev/gold.jsonl") else { return };
    let script = gold.parent().unwrap().parent().unwrap().join("score_attributions.py");
    if Command::new("python3").arg("--version").output().is_err() {
        println!("notice: python3 is missing; skipping the PolNeAR dev floor");
        return;
    }
    let cmd = format!("{} analyze --format jsonl", env!("CARGO_BIN_EXE_sourcetrace"));
    let out = Command::new("python3").arg(&script).arg(&gold).arg("--cmd").arg(&cmd).arg("--json").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let m: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    println!("PolNeAR dev: {m}");
    assert_eq!(m["articles_without_prediction"], 0);
    // Analysis version 28 scores cue 0.756, attr03 0.734, attr08 0.601 and
    // source accuracy 0.901.
    for (metric, floor) in [("cue_f1", 0.75), ("attr03_f1", 0.73), ("attr08_f1", 0.595), ("source_acc", 0.895)] {
        let value = m[metric].as_f64().unwrap();
        assert!(value >= floor, "{metric} {value} is under the floor {floor}");
    }
}
