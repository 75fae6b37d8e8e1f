//! The golden test on the article the project started from: a CGTN page
//! copied as text, with every furniture pattern in it.

use crate::support::{sample_article, TempLibrary};
use expect_test::expect_file;

/// A readable rendering of a stored article: fields, then each segment with
/// its kind.
pub fn render(app: &sourcetrace_api::Sourcetrace, id: i64) -> String {
    let a = app.show(id).unwrap();
    let mut out = String::new();
    out.push_str(&format!("title:     {}\n", a.title.as_deref().unwrap_or("-")));
    out.push_str(&format!("outlet:    {}\n", a.outlet.as_deref().unwrap_or("-")));
    out.push_str(&format!("published: {}\n", a.published.as_deref().unwrap_or("-")));
    out.push_str(&format!("byline:    {}\n", a.byline.as_deref().unwrap_or("-")));
    out.push_str(&format!("language:  {}\n", a.language.as_deref().unwrap_or("-")));
    out.push_str(&format!("words:     {}\n\n", a.word_count));
    let chars: Vec<char> = a.text.chars().collect();
    for s in a.segments.as_array().unwrap() {
        let (start, end) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        let text: String = chars[start..end].iter().collect();
        out.push_str(&format!("[{}] {}\n", s["kind"].as_str().unwrap(), text));
    }
    out
}

#[test]
fn sample_article_imports_cleanly() {
    let Some(sample) = sample_article() else { return };
    let mut lib = TempLibrary::new();
    let (summary, _) = lib.import(&[sample]);
    assert_eq!((summary.imported, summary.failed), (1, 0));
    let id = lib.app.list(&Default::default()).unwrap()[0].id;
    let a = lib.app.show(id).unwrap();

    assert_eq!(a.title.as_deref(), Some("Putin says he 'would really like' to meet Biden in person"));
    assert_eq!(a.outlet.as_deref(), Some("CGTN"));
    assert_eq!(a.published.as_deref(), Some("2021-12-12T22:15"));
    assert!(!a.text.contains("Download"));
    assert!(!a.text.contains("Search Trends"));
    assert!(a.text.ends_with("(With input from Reuters)"));
    for caption in ["Villa La Grange in Geneva", "from the Situation Room"] {
        assert_eq!(a.text.matches(caption).count(), 1, "{caption} appears once");
    }
    let kinds: Vec<&str> = a.segments.as_array().unwrap().iter().map(|s| s["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "caption").count(), 2);
    assert_eq!(kinds.last(), Some(&"credit"));

    expect_file!["../golden/cgtn-sample.txt"].assert_eq(&render(&lib.app, id));
}

#[test]
fn outlet_option_overrides_detection() {
    let Some(sample) = sample_article() else { return };
    let mut lib = TempLibrary::new();
    let mut request = sourcetrace_api::ImportRequest::new(vec![sample]);
    request.outlet = Some("Reuters".into());
    let (summary, _) = lib.import_with(request);
    assert_eq!(summary.imported, 1);
    let a = &lib.app.list(&Default::default()).unwrap()[0];
    assert_eq!(a.outlet.as_deref(), Some("Reuters"));
}
