//! The static record: the whole record as HTML, rendered by the page's own components.

use sim_explorer::app::static_record;
use sim_explorer::compiled::corpus;

#[test]
fn the_static_record_holds_every_passage_under_its_id() {
    let html = static_record();
    assert!(html.starts_with("<div id=\"record\""), "{}", &html[..200]);
    for doc in &corpus().documents {
        assert!(
            html.contains(&format!("id=\"doc={}\"", doc.id)),
            "{}",
            doc.id
        );
        for p in &doc.passages {
            assert!(html.contains(&format!("id=\"p-{}\"", p.key)), "{}", p.key);
        }
    }
    // Each kind's label, from the kinds register, in the list and in each document's header.
    // Leptos marks where its text nodes end with empty comments (`<!>`) for hydration; the
    // record is never hydrated, so it is written without them.
    assert!(
        !html.contains("<!>"),
        "a hydration marker left in the record"
    );
    let text = &html;
    for kind in &corpus().kinds {
        let n = corpus()
            .documents
            .iter()
            .filter(|d| corpus().kind_of(d).id == kind.id)
            .count();
        let shown = text.matches(&format!(">{}</", kind.label)).count();
        assert_eq!(shown, 2 * n, "{}", kind.label);
    }
    println!("{} bytes", html.len());
}
