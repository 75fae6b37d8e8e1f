//! Language identification for whole articles.

/// How much of a text is read: about two paragraphs, which settles the
/// language of an article (whatlang is reliable from about 100 characters)
/// while keeping detection a small part of import time.
const SAMPLE_BYTES: usize = 1500;

/// The language of a text as an ISO 639-3 code ("eng", "rus"), or `None`
/// when the text is too short or too mixed for a reliable call.
///
/// Only the first [`SAMPLE_BYTES`] are read, so import time stays flat on
/// very long texts.
pub fn detect(text: &str) -> Option<&'static str> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 40 {
        return None;
    }
    if plainly_english(sample) {
        return Some("eng");
    }
    let info = whatlang::detect(sample)?;
    (info.is_reliable() || info.confidence() > 0.5).then(|| info.lang().code())
}

/// English function words that are not words of the other languages
/// written in the Latin alphabet that news is imported in ("die", "in",
/// "a", "is", "was", "will", "we", "on", "as" and "to" are left out for
/// German, Dutch, French, Spanish, Italian, Portuguese and Polish). A match
/// on the lowercased bytes, not a search of a list: it runs on every word
/// of every imported article's first paragraphs.
fn is_english_function_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() > 5 {
        return false;
    }
    let mut lower = [0u8; 5];
    for (l, b) in lower.iter_mut().zip(bytes) {
        *l = b.to_ascii_lowercase();
    }
    matches!(
        &lower[..bytes.len()],
        b"the"
            | b"and"
            | b"of"
            | b"that"
            | b"for"
            | b"with"
            | b"said"
            | b"it"
            | b"he"
            | b"his"
            | b"by"
            | b"from"
            | b"have"
            | b"has"
            | b"are"
            | b"were"
            | b"this"
            | b"which"
            | b"they"
            | b"their"
            | b"not"
            | b"been"
            | b"would"
            | b"at"
            | b"but"
            | b"who"
            | b"she"
            | b"her"
            | b"its"
            | b"had"
            | b"about"
            | b"more"
            | b"also"
            | b"than"
            | b"what"
            | b"when"
            | b"there"
            | b"could"
            | b"into"
            | b"our"
            | b"after"
            | b"be"
    )
}

/// Words that open and join sentences in the other languages written in the
/// Latin alphabet that news is imported in (German, French, Spanish,
/// Italian, Portuguese, Dutch, Polish, the Scandinavian languages, Turkish,
/// Indonesian, Tagalog, Swahili), leaving out those that are English words
/// too or parts of names English news prints often ("do", "no", "per",
/// "van", "met", "con", "Los", "Las", "Yang", "Dan", ".com", "we've").
const OTHER_FUNCTION_WORDS: &[&str] = &[
    "der", "die", "und", "das", "ist", "nicht", "sich", "dem", "den", "ein", "eine", "auf", "wird", "auch", "le", "la",
    "les", "et", "des", "une", "du", "dans", "qui", "pas", "sur", "au", "aux", "sont", "el", "y", "que", "del", "por",
    "una", "es", "se", "lo", "como", "pero", "il", "di", "che", "della", "sono", "gli", "delle", "nel", "alla", "os",
    "da", "em", "um", "uma", "não", "ao", "na", "het", "een", "en", "niet", "zijn", "voor", "ook", "się", "nie", "że",
    "jest", "oraz", "och", "att", "det", "som", "på", "är", "er", "og", "af", "til", "ikke", "bir", "bu", "için",
    "ile", "ini", "itu", "dengan", "untuk", "dari", "ang", "ng", "sa", "mga", "si", "ay", "ya", "kwa",
];

/// Is the sample English beyond doubt? Thirty words or more, and either a
/// fifth of them English function words, or a twelfth of them and four
/// times as many as the function words of the other languages. English
/// news runs at about a quarter (PolNeAR's texts: 0.24 at the median), but
/// one text in eight is under a fifth (lists of names, scores, headlines)
/// and went to whatlang, which weighs the trigrams of every Latin-script
/// language and was a fifth of the CPU time of an import. A text in one of
/// the other languages has its own function words everywhere, even where
/// it quotes English or shares a few English words ("at" and "for" in
/// Danish and Norwegian, "at" in Tagalog). Anything less plain is left to
/// whatlang.
fn plainly_english(sample: &str) -> bool {
    let words = || sample.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let (mut count, mut english) = (0usize, 0usize);
    for word in words() {
        count += 1;
        english += usize::from(is_english_function_word(word));
    }
    if count < 30 || english * 12 < count {
        return false;
    }
    if english * 5 >= count {
        return true;
    }
    let other =
        words().filter(|w| w.len() <= 6 && OTHER_FUNCTION_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w))).count();
    other * 4 <= english
}

#[cfg(test)]
mod tests {
    #[test]
    fn detects_english_and_russian_and_declines_short_text() {
        assert_eq!(
            super::detect("Kremlin spokesman Dmitry Peskov said it is too early to talk about a face-to-face meeting between the two presidents."),
            Some("eng")
        );
        assert_eq!(
            super::detect("Пресс-секретарь президента России Дмитрий Песков заявил журналистам в воскресенье, что говорить о личной встрече двух президентов пока рано, но переговоры продолжатся."),
            Some("rus")
        );
        assert_eq!(super::detect("Download"), None);
    }

    /// Other Latin-script languages never take the English shortcut, and
    /// are still told apart by whatlang.
    #[test]
    fn only_english_takes_the_shortcut() {
        let cases = [
            ("eng", "The minister said on Sunday that the talks with the union had been difficult, but that both sides were still willing to meet again next week, according to a statement from his office, which did not give a date for the next round of negotiations."),
            ("fra", "Le ministre a déclaré dimanche que les discussions avec le syndicat avaient été difficiles, mais que les deux parties étaient toujours prêtes à se revoir la semaine prochaine, selon un communiqué de son cabinet, qui n'a pas donné de date pour la prochaine série de négociations."),
            ("deu", "Der Minister sagte am Sonntag, die Gespräche mit der Gewerkschaft seien schwierig gewesen, aber beide Seiten seien weiterhin bereit, sich in der kommenden Woche wieder zu treffen, hieß es in einer Erklärung seines Büros, die kein Datum für die nächste Verhandlungsrunde nannte."),
            ("spa", "El ministro dijo el domingo que las conversaciones con el sindicato habían sido difíciles, pero que ambas partes seguían dispuestas a reunirse de nuevo la próxima semana, según un comunicado de su oficina, que no dio una fecha para la próxima ronda de negociaciones."),
            ("nld", "De minister zei zondag dat de gesprekken met de vakbond moeizaam waren verlopen, maar dat beide partijen nog steeds bereid waren om volgende week opnieuw bijeen te komen, volgens een verklaring van zijn kantoor, dat geen datum noemde voor de volgende onderhandelingsronde."),
            ("pol", "Minister powiedział w niedzielę, że rozmowy ze związkiem zawodowym były trudne, ale obie strony są nadal gotowe spotkać się ponownie w przyszłym tygodniu, jak wynika z oświadczenia jego biura, które nie podało daty kolejnej rundy negocjacji."),
        ];
        for (code, text) in cases {
            assert_eq!(super::plainly_english(text), code == "eng", "{code}");
            assert_eq!(super::detect(text), Some(code), "{code}");
        }
    }

    /// English thin in function words (names, places, scores) still takes
    /// the shortcut; another language does not, quoting English or sharing
    /// a few of its words.
    #[test]
    fn english_full_of_names_takes_the_shortcut_and_other_languages_do_not() {
        let results = "Summary: Salina South diver Keetan Munsell won the 1-meter title with 412.35 points. \
            Hays High senior Tanner Dinkel took second in the 200 freestyle, Emporia junior Cade Wiens third. \
            Blue Valley Northwest, Shawnee Mission East and Olathe South finished first, second and third overall, \
            Lawrence Free State fourth, Wichita East fifth with 188 points.";
        assert!(super::plainly_english(results));
        assert_eq!(super::detect(results), Some("eng"));
        let spanish = "El presidente dijo que \"the economy is strong and the jobs are coming back\", pero la \
            oposición respondió que los datos del gobierno no reflejan la realidad de las familias, y que el \
            desempleo sigue siendo alto en las regiones del sur, según un comunicado del partido.";
        assert!(!super::plainly_english(spanish));
        assert_eq!(super::detect(spanish), Some("spa"));
        // Languages that share "at" and "for" with English do not pass.
        let danish = "Ministeren sagde søndag, at forhandlingerne med fagforeningen havde været svære, men at \
            begge parter stadig var villige til at mødes igen i næste uge, for det er vigtigt for landet, ifølge \
            en erklæring fra hans kontor, som ikke oplyste en dato for den næste runde af forhandlingerne.";
        assert!(!super::plainly_english(danish));
        let tagalog = "Sinabi ng ministro noong Linggo na mahirap ang mga pag-uusap sa unyon, at na handa pa rin ang \
            dalawang panig na magkita muli sa susunod na linggo, ayon sa isang pahayag mula sa kanyang tanggapan, at \
            hindi nito binanggit ang petsa ng susunod na round ng mga negosasyon para sa mga manggagawa.";
        assert!(!super::plainly_english(tagalog));
    }
}
