//! Table-driven checks of the tone engines: negation, the news overrides,
//! the sentences the issue names, and the roll-up to entities.

use super::*;

fn score_of(sentence: &str, lexicon: &ToneLexicon, engine: ToneEngine) -> f64 {
    sentence_tone(sentence, lexicon, engine).score
}

#[test]
fn sentences_score_with_the_sign_a_reader_expects() {
    let news = ToneLexicon::builtin();
    // (sentence, expected label with the news rules, both engines)
    let table = [
        ("Putin had no particular grounds for optimism", ToneLabel::Negative),
        ("Peskov said Putin had no particular grounds for optimism after speaking to Biden.", ToneLabel::Negative),
        ("The current tensions are being created to further demonize Russia", ToneLabel::Negative),
        ("tensions are being created to further demonize Russia", ToneLabel::Negative),
        ("The minister dismissed the baseless smear as propaganda.", ToneLabel::Negative),
        ("Officials warned of a dangerous escalation after the provocation.", ToneLabel::Negative),
        ("The talks were a great success.", ToneLabel::Positive),
        ("The talks were not a success.", ToneLabel::Negative),
        ("I don\u{2019}t like the plan.", ToneLabel::Negative),
        ("Kamala Harris met the Justice Department's top officials.", ToneLabel::Neutral),
        ("Crude oil rose while gross domestic product held.", ToneLabel::Neutral),
        ("The meeting is scheduled for Tuesday.", ToneLabel::Neutral),
        ("There were no signs of progress in the talks.", ToneLabel::Negative),
    ];
    for engine in ToneEngine::ALL {
        for (sentence, expected) in table {
            let s = sentence_tone(sentence, &news, engine);
            assert_eq!(
                s.label,
                expected,
                "{} on {sentence:?}: score {:.3}, terms {:?}",
                engine.as_str(),
                s.score,
                s.terms
            );
        }
    }
}

#[test]
fn without_the_news_rules_the_general_lexicons_misread_news() {
    // The cases that make the news rules necessary: each general engine
    // gets them wrong, which is why the overrides exist.
    let general = ToneLexicon::general();
    let news = ToneLexicon::builtin();
    // (sentence, engine, label without the news rules, label with them)
    let table = [
        // VADER's negation reaches three words back; "no" is four back.
        ("Putin had no particular grounds for optimism", ToneEngine::Vader, ToneLabel::Positive, ToneLabel::Negative),
        ("Putin had no particular grounds for optimism", ToneEngine::Afinn, ToneLabel::Positive, ToneLabel::Negative),
        // Neither lexicon knows "demonize".
        ("They demonize Moscow", ToneEngine::Vader, ToneLabel::Neutral, ToneLabel::Negative),
        ("They demonize Moscow", ToneEngine::Afinn, ToneLabel::Neutral, ToneLabel::Negative),
        // VADER rates "crude" -2.7, though news means oil by it.
        ("Crude oil prices rose.", ToneEngine::Vader, ToneLabel::Negative, ToneLabel::Neutral),
        // AFINN rates "justice" +2, though news means a department.
        ("The Justice Department filed.", ToneEngine::Afinn, ToneLabel::Positive, ToneLabel::Neutral),
    ];
    for (sentence, engine, before, after) in table {
        assert_eq!(sentence_tone(sentence, &general, engine).label, before, "{} {sentence:?}", engine.as_str());
        assert_eq!(sentence_tone(sentence, &news, engine).label, after, "{} {sentence:?}", engine.as_str());
    }
}

#[test]
fn negation_flips_and_is_explained() {
    let news = ToneLexicon::builtin();
    // (sentence, negated word, negator)
    let table = [
        ("This is not great news.", "great", "not"),
        ("They didn't welcome the deal.", "welcome", "didn't"),
        ("They didn\u{2019}t welcome the deal.", "welcome", "didn’t"),
        ("There were no particular grounds for optimism.", "optimism", "no"),
        ("Talks ended without any real progress.", "progress", "without"),
        ("A lack of real hope marked the summit.", "hope", "lack"),
    ];
    for engine in ToneEngine::ALL {
        for (sentence, word, negator) in table {
            let s = sentence_tone(sentence, &news, engine);
            let term = s.terms.iter().find(|t| t.text.to_lowercase().contains(word));
            let Some(term) = term else {
                panic!("{}: no term {word:?} in {sentence:?}: {:?}", engine.as_str(), s.terms)
            };
            assert!(term.negated, "{}: {word:?} not negated in {sentence:?}", engine.as_str());
            assert_eq!(term.negator.as_ref().map(|n| n.text.as_str()), Some(negator));
            assert!(term.contribution * term.base < 0.0, "{}: {word:?} keeps its sign", engine.as_str());
            assert!(!term.notes.is_empty());
        }
    }
    // A clause boundary stops the wider scope.
    let s = sentence_tone("There was no deal, but the mood was good.", &news, ToneEngine::Vader);
    assert!(s.terms.iter().any(|t| t.text == "good" && !t.negated));
}

#[test]
fn every_score_is_the_sum_of_its_terms() {
    let news = ToneLexicon::builtin();
    for engine in ToneEngine::ALL {
        for sentence in [
            "VADER is VERY smart, handsome, and funny!!",
            "The plan is good, but the execution was terrible.",
            "Peskov said Putin had no particular grounds for optimism.",
        ] {
            let s = sentence_tone(sentence, &news, engine);
            let sum: f64 = s.terms.iter().map(|t| t.contribution).sum::<f64>() + s.emphasis;
            assert!((sum - s.raw).abs() < 1e-9, "{sentence:?}: {sum} vs {}", s.raw);
            let alpha = if engine == ToneEngine::Vader { vader::ALPHA } else { afinn::AFINN_ALPHA };
            assert!((s.raw / (s.raw * s.raw + alpha).sqrt() - s.score).abs() < 1e-9);
            for t in &s.terms {
                assert_eq!(&sentence.chars().skip(t.start).take(t.end - t.start).collect::<String>(), &t.text);
            }
        }
    }
}

#[test]
fn vader_matches_the_reference_on_its_own_examples() {
    // Compound scores printed by Python's vaderSentiment 3.3.2 for the
    // examples in its README, rounded as it rounds them.
    let general = ToneLexicon::general();
    let table = [
        ("VADER is smart, handsome, and funny.", 0.8316),
        ("VADER is smart, handsome, and funny!", 0.8439),
        ("VADER is very smart, handsome, and funny.", 0.8545),
        ("VADER is VERY SMART, handsome, and FUNNY.", 0.9227),
        ("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342),
        ("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.9469),
        ("VADER is not smart, handsome, nor funny.", -0.7424),
        ("The book was good.", 0.4404),
        ("At least it isn't a horrible book.", 0.431),
        ("The book was only kind of good.", 0.3832),
        ("The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042),
        ("Today SUX!", -0.5461),
        ("Today only kinda sux! But I'll get by, lol", 0.5249),
        ("Make sure you :) or :D today!", 0.8633),
        ("Not bad at all", 0.431),
    ];
    for (sentence, expected) in table {
        let got = score_of(sentence, &general, ToneEngine::Vader);
        assert!((got - expected).abs() <= 0.00005 + 1e-9, "{sentence:?}: {got:.6}, Python {expected}");
    }
}

#[test]
fn afinn_keeps_digits_apostrophes_and_phrases() {
    let general = ToneLexicon::general();
    let s = sentence_tone("It does not work and I can't stand it.", &general, ToneEngine::Afinn);
    let texts: Vec<&str> = s.terms.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(texts, ["does not work", "can't stand"]);
    assert_eq!(s.raw, -6.0);
    // The `sentiment` crate's own example scores +2; negation fixes it.
    let s = sentence_tone("I do not like jam tarts", &general, ToneEngine::Afinn);
    assert!(s.score < 0.0, "{s:?}");
    assert_eq!(s.terms[0].lexicon, TermSource::Afinn);
}

#[test]
fn entities_roll_up_the_sentences_that_mention_them() {
    let text = "Russian President Vladimir Putin said talks were useful. \
                Peskov said the West wants to demonize Russia. \
                Kremlin spokesman Dmitry Peskov called it a provocation. \
                The weather in Geneva was fine.";
    let lexicon = Lexicon::builtin();
    let analysis = attribution::analyze(text, &lexicon, &attribution::Context::default());
    let entities = entities_of(&analysis, text, &lexicon);
    let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Vladimir Putin") && names.contains(&"Dmitry Peskov"), "{names:?}");
    assert!(names.contains(&"Russia") && !names.contains(&"Switzerland"), "{names:?}");
    let peskov = entities.iter().find(|e| e.name == "Dmitry Peskov").unwrap();
    assert!(peskov.aliases.contains(&"Peskov".to_string()));
    let tone = article_tone(text, &ToneLexicon::builtin(), ToneEngine::Vader, &entities);
    assert_eq!(tone.sentences.len(), 4);
    let by = |name: &str| tone.entities.iter().find(|e| e.name == name).unwrap();
    assert_eq!(by("Dmitry Peskov").sentences, [1, 2]);
    assert_eq!(by("Vladimir Putin").sentences, [0]);
    assert_eq!(by("Russia").sentences, [0, 1], "{:?} {:?}", by("Russia"), entities);
    assert!(by("Dmitry Peskov").score.unwrap() < 0.0);
    let mention = &by("Russia").mentions[0];
    assert_eq!((mention.start, mention.text.as_str()), (0, "Russian"));
    // The same words without an entity in them are not counted for it.
    let unnamed = Entity { name: "Joe Biden".into(), aliases: vec!["Biden".into()] };
    let tone = article_tone(text, &ToneLexicon::builtin(), ToneEngine::Afinn, &[unnamed]);
    assert_eq!((tone.entities[0].score, tone.entities[0].sentences.len()), (None, 0));
}

#[test]
fn messy_input_never_panics() {
    let lexicon = ToneLexicon::builtin();
    for text in ["", " ", "!!!", "\u{1F600}", "not", "no no no", "but but", "'", "a\u{0301}\u{0301}", "--- ,,, ;;"] {
        for engine in ToneEngine::ALL {
            let t = article_tone(text, &lexicon, engine, &[Entity { name: "".into(), aliases: vec![" ".into()] }]);
            assert!(t.score.is_finite());
            let s = sentence_tone(text, &lexicon, engine);
            assert!(s.score.is_finite());
        }
    }
}

#[test]
fn the_figures_are_the_explained_tones_numbers() {
    // The library keeps the figures, and the article's view explains them
    // again: the two must agree to the bit, for both engines, on text with
    // negation, boosters, "but", capitals and entities in it.
    let texts = [
        "Russian President Vladimir Putin said talks were useful. \
         Peskov said the West wants to demonize Russia. \
         Kremlin spokesman Dmitry Peskov called it a provocation, but a VERY small one! \
         There were no signs of progress in the talks, and Moscow was hardly happy.",
        "Putin had no particular grounds for optimism. The talks were not a success?? \
         Officials warned of a dangerous escalation; Biden said the meeting was kind of great.",
        "",
        "!!! --- ,,,",
    ];
    let lexicon = Lexicon::builtin();
    for text in texts {
        let analysis = attribution::analyze(text, &lexicon, &attribution::Context::default());
        let entities = entities_of(&analysis, text, &lexicon);
        let reading = Reading::unmarked(text);
        for tones in [ToneLexicon::builtin(), ToneLexicon::general()] {
            for engine in ToneEngine::ALL {
                let explained = article_tone_in(&reading, &tones, engine, &entities);
                let figures = article_tone_figures_in(&reading, &tones, engine, &entities);
                assert_eq!(figures, explained.figures(), "{} on {text:?}", engine.as_str());
            }
        }
        if !text.trim_matches(|c: char| !c.is_alphabetic()).is_empty() {
            assert!(!entities.is_empty(), "the check must cover entities: {text:?}");
        }
    }
}
