//! Care and a first-visit guide: the calm content note with a line on where to find
//! support (the wording is `engine::pages::care`, shared with the passage pages), and
//! "About this record" (`#about`): the documents and who wrote them, read from the corpus,
//! what "inferred" and "supplied" mean, how to cite and check a quote, and what the page
//! keeps on the device.

use super::in_static_record;
use super::meta::date_view;
use crate::compiled::corpus;
use crate::engine::pages::care;
use crate::engine::view::View;
use leptos::prelude::*;

/// The content note and the support line: ours, set apart from the record's words.
#[component]
pub fn CareNote() -> impl IntoView {
    view! {
        // A note, not an aside: it sits in the header, where a complementary landmark would
        // not be at the top level.
        <div class="care" role="note" aria-label="Content note and support">
            <p class="content-note">{care::CONTENT_NOTE}</p>
            " "
            <p class="support">
                <strong>{care::SUPPORT_LEAD}</strong>
                {format!(" {}, call ", care::SAMARITANS)}
                <a href=care::SAMARITANS_TEL>{care::SAMARITANS_NUMBER}</a>
                {format!(", {}", care::SAMARITANS_WHEN)}
                // Left out of the compact header, to keep a phone's first screen for the text.
                <span class="care-more">{format!("; {}", care::SHOUT)}</span>
            </p>
        </div>
    }
}

/// "About this record": a short guide for someone here for the first time. In the static
/// record it is a section with the id `about`, so the header's link lands on it there too.
#[component]
pub fn AboutPage() -> impl IntoView {
    let c = corpus();
    let documents = c
        .documents
        .iter()
        .map(|d| {
            let by = match &d.author {
                Some(author) if author.value != d.publisher.value => {
                    format!("{}, published by {}", author.value, d.publisher.value)
                }
                _ => d.publisher.value.clone(),
            };
            view! {
                <li>
                    <a href=View::home().document_link(&d.id)>{d.title.value.clone()}</a>
                    <span class="about-doc-meta">
                        {format!(" — {}, by {by}, ", c.kinds[usize::from(d.kind)].label)}
                        {date_view(d.date.value)}
                        {format!(" ({} passages)", d.passages.len())}
                    </span>
                </li>
            }
        })
        .collect_view();
    let n = c.documents.len();
    let (section_id, heading_id) = if in_static_record() {
        ("about", "about-heading-static")
    } else {
        ("about-page", "about-heading")
    };
    view! {
        <section id=section_id class="about" aria-labelledby=heading_id>
            <h2 id=heading_id tabindex="-1">"About this record"</h2>
            <p>
                "SIM Explorer gathers the public record of Serenity Integrated Mentoring: what \
                 was published about it, word for word, so it can be searched, read in place \
                 and cited. It takes no side: where the sources disagree it shows each account."
            </p>
            <h3>{format!("The {n} documents")}</h3>
            <p>"Every passage on this page is quoted from one of these, checked against a saved copy of the original when the page is built:"</p>
            <ul class="about-documents">{documents}</ul>
            <h3>"Stated, inferred and supplied"</h3>
            <p>
                "A document’s title, publisher and date are stated by the document unless \
                 marked. "
                <span class="basis basis-inferred">"inferred"</span>
                " means we worked it out from the document’s own words, which are quoted \
                 beside it. "
                <span class="basis basis-supplied">"supplied"</span>
                " means it is ours: the document gives nothing to state or infer it from \
                 (a descriptive title, for example)."
            </p>
            <h3>"How to cite"</h3>
            <p>
                "Every passage has its own link. Choose “Cite” beside a passage for its \
                 citation (plain or Markdown) and its link; add passages, events and \
                 disagreements to your collection to export them together as a reference \
                 list (BibTeX, RIS, CSL-JSON) or share them as one link."
            </p>
            <h3>"How to check a quote"</h3>
            <p>
                <a href=View::home().open_check("").to_url()>"Check a quote"</a>
                " takes words you have seen quoted and says whether they are in the record \
                 word for word, with small edits, or not at all, and shows the nearest \
                 wording and where it is."
            </p>
            <h3>"What this page keeps"</h3>
            <p>
                "Your collection is kept in this browser’s local storage, on this device only. \
                 Nothing you search, read or collect is sent anywhere: the page loads only its \
                 own files, with no analytics or tracking. Clearing this site’s data in your \
                 browser removes the collection."
            </p>
        </section>
    }
}
