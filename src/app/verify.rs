//! "Check a quote": paste a sentence seen elsewhere and see whether the record holds it
//! word for word, where and in whose words, as a sentence with small edits marked word by
//! word, or not at all, with the nearest wording the record has. The checking is
//! `engine::verify`; the quote is in the URL (`#check=…`), so a check can be shared as a link.

use crate::compiled::{corpus, search_index};
use crate::engine::verify::{check, Alignment, Check, Step, Verdict, Wording, MAX_QUOTE_CHARS};
use crate::engine::view::View;
use leptos::prelude::*;
use std::sync::OnceLock;

/// The record's wording (sentences, word families) for the check, built on the first check.
fn wording() -> &'static Wording {
    static WORDING: OnceLock<Wording> = OnceLock::new();
    WORDING.get_or_init(|| {
        let c = corpus();
        let texts = c
            .documents
            .iter()
            .flat_map(|d| d.passages.iter().map(|p| p.text.as_str()));
        Wording::new(&search_index().index, texts, &c.families)
    })
}

/// A piece of a passage as shown against the quote.
enum Piece {
    Plain(String),
    /// Words the quote has too.
    Same(String),
    /// A passage word the quote changed (the record's word).
    Changed(String),
    /// The quote's word in its place.
    ChangedTo(String),
    /// A passage word the quote leaves out.
    Missing(String),
    /// A word the quote adds.
    Added(String),
}

/// The passage at `alignment.passage`, cut into pieces along the alignment.
fn pieces(c: &Check, a: &Alignment) -> Vec<Piece> {
    let (d, p) = search_index().passage_at(a.passage as usize);
    let text = &corpus().documents[d].passages[p].text;
    let spans = search_index().word_spans(a.passage as usize);
    let word = |k: usize| text[spans[k].0 as usize..spans[k].1 as usize].to_string();
    let quoted = |k: usize| c.quote[c.words[k].0..c.words[k].1].to_string();
    let mut out = Vec::new();
    let mut cursor = 0usize;
    let mut last_same = false;
    for step in &a.steps {
        let at = match *step {
            Step::Same(_, w) | Step::Changed(_, w) | Step::Missing(w) | Step::Elided(w) => Some(w),
            Step::Added(_) => None,
        };
        if let Some(w) = at {
            let start = spans[w].0 as usize;
            if start > cursor {
                let gap = &text[cursor..start];
                // Between two words the quote shares, the marking runs on.
                match out.last_mut() {
                    Some(Piece::Same(run)) if last_same && matches!(step, Step::Same(..)) => {
                        run.push_str(gap)
                    }
                    _ => out.push(Piece::Plain(gap.to_string())),
                }
            }
            cursor = spans[w].1 as usize;
        }
        last_same = matches!(step, Step::Same(..));
        match *step {
            // One highlight for a run of shared words, not one per word.
            Step::Same(_, w) => match out.last_mut() {
                Some(Piece::Same(run)) => run.push_str(&word(w)),
                _ => out.push(Piece::Same(word(w))),
            },
            Step::Changed(q, w) => {
                out.push(Piece::Changed(word(w)));
                out.push(Piece::ChangedTo(quoted(q)));
            }
            Step::Missing(w) => out.push(Piece::Missing(word(w))),
            // Left out where the quote marks it ("…"): the record's words, unmarked.
            Step::Elided(w) => out.push(Piece::Plain(word(w))),
            Step::Added(q) => {
                out.push(Piece::Plain(" ".to_string()));
                out.push(Piece::Added(quoted(q)));
            }
        }
    }
    if cursor < text.len() {
        out.push(Piece::Plain(text[cursor..].to_string()));
    }
    out
}

/// "1 word changed, 2 left out and 1 added".
pub fn differences(a: &Alignment) -> String {
    let mut parts = Vec::new();
    let words = |n: usize| if n == 1 { "word" } else { "words" };
    let (changed, missing, added) = (a.changed_words(), a.missing(), a.added());
    if changed > 0 {
        parts.push(format!("{changed} {} changed", words(changed)));
    }
    if missing > 0 {
        parts.push(format!("{missing} {} left out", words(missing)));
    }
    if added > 0 {
        parts.push(format!("{added} {} added", words(added)));
    }
    match parts.len() {
        0 => String::new(),
        1 => parts.remove(0),
        n => {
            let last = parts.remove(n - 1);
            format!("{} and {last}", parts.join(", "))
        }
    }
}

/// Under a nearest wording (a claim not in the record): what it has of the quote, never a
/// count of differences, which for a short claim beside a long paragraph ("3 words
/// changed") reads as nearly the same words.
pub fn shares(c: &Check, a: &Alignment) -> String {
    let total = c.words.len();
    let words = if total == 1 { "word" } else { "words" };
    format!("Has {} of the quote’s {total} {words}.", a.same())
}

/// The plain answer, in a sentence.
pub fn verdict_text(c: &Check) -> String {
    match c.verdict {
        Verdict::Empty => "No words to check: paste a sentence with words in it.".to_string(),
        Verdict::Exact => match (c.matches.len(), c.more) {
            (_, true) => format!(
                "In the record word for word, in more than {} places; the first {} are below.",
                c.matches.len(),
                c.matches.len()
            ),
            (1, false) => "In the record word for word, in one place.".to_string(),
            (n, false) => format!("In the record word for word, in {n} places."),
        },
        Verdict::Close => match c.matches.first().map(differences) {
            Some(d) if !d.is_empty() => {
                format!("Not word for word: in the record with {d}, in the closest passage below.")
            }
            // Only the words its "…" marks are left out.
            _ => "In the record, with the words its “…” marks left out, in the passage below."
                .to_string(),
        },
        Verdict::NotFound if c.matches.is_empty() => {
            "Not in the record: no passage shares enough of its words to compare.".to_string()
        }
        Verdict::NotFound => {
            "Not in the record. The nearest wording the record has is below, the differences marked."
                .to_string()
        }
    }
}

/// Who the passage gives the words of (its quoted speakers, a draft's authors said to be
/// in a draft, or its author's narration), in one sentence.
fn whose_words(doc: usize, passage: usize) -> String {
    let c = corpus();
    let d = &c.documents[doc];
    crate::engine::drafts::words_of(c, &d.passages[passage]).unwrap_or_else(|| {
        // No one quoted: the document's own narration.
        let by = d.author.as_ref().map_or(&d.publisher.value, |a| &a.value);
        format!("The document’s own words ({by}); no one quoted.")
    })
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let s = super::state();
    // The quote is the address's (`#check=…`), so Back, Forward, an edited address or a
    // link followed in this tab show that quote and its verdict, never the last one typed.
    let text = s.check;
    // Checked as it is typed (a check takes well under a frame); the URL follows, in place.
    let result = Memo::new(move |_| {
        text.with(|t| (!t.trim().is_empty()).then(|| check(&search_index().index, wording(), t)))
    });
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        s.replace(|v| v.open_check(&value));
    };
    let back = move || View::home().to_url();
    let answer = move || {
        result.with(|r| {
            let Some(c) = r else {
                return view! {
                    <p class="check-hint">
                        "Paste a sentence you have seen quoted: the page says whether the record holds it word for word, ignoring case, quote marks, dashes, spacing and British or American spelling, or with small edits, or not at all."
                    </p>
                }
                .into_any();
            };
            let verdict = verdict_text(c);
            let kind = match c.verdict {
                Verdict::Exact => "check-verdict exact",
                Verdict::Close => "check-verdict close",
                _ => "check-verdict not-found",
            };
            let cut = c.cut.then(|| {
                view! {
                    <p class="notice" role="note">
                        {format!(
                            "The paste was longer than {MAX_QUOTE_CHARS} characters: only the first part, up to a space, was checked."
                        )}
                    </p>
                }
            });
            let places = c
                .matches
                .iter()
                .map(|a| {
                    let (d, p) = search_index().passage_at(a.passage as usize);
                    let doc = &corpus().documents[d];
                    let passage = &doc.passages[p];
                    let link = s.now().passage_link(&doc.id, &passage.key);
                    let shown = pieces(c, a)
                        .into_iter()
                        .map(|piece| match piece {
                            Piece::Plain(t) => view! { <span>{t}</span> }.into_any(),
                            Piece::Same(t) => view! { <mark>{t}</mark> }.into_any(),
                            Piece::Changed(t) => view! {
                                <del><span class="visually-hidden">"the record has "</span>{t}</del>
                            }
                            .into_any(),
                            Piece::ChangedTo(t) => view! {
                                <ins><span class="visually-hidden">", the quote has "</span>{t}</ins>
                            }
                            .into_any(),
                            Piece::Missing(t) => view! {
                                <del><span class="visually-hidden">"the quote leaves out "</span>{t}</del>
                            }
                            .into_any(),
                            Piece::Added(t) => view! {
                                <ins><span class="visually-hidden">"the quote adds "</span>{t}</ins>
                            }
                            .into_any(),
                        })
                        .collect_view();
                    let differ = if c.verdict == Verdict::NotFound {
                        Some(shares(c, a))
                    } else {
                        (a.differences() > 0).then(|| format!("Differs by {}.", differences(a)))
                    }
                    .map(|text| view! { <p class="check-differs">{text}</p> });
                    view! {
                        <li class="check-place">
                            <p class="check-source">
                                <a href=link>{doc.label_of(passage)}</a>
                                {format!(" · {} · ", doc.publisher.value)}
                                {super::meta::date_view(doc.date.value)}
                            </p>
                            {differ}
                            <blockquote class="check-passage">{shown}</blockquote>
                            <p class="check-whose">{whose_words(d, p)}</p>
                        </li>
                    }
                })
                .collect_view();
            let legend = (c.verdict != Verdict::Exact && !c.matches.is_empty()).then(|| {
                view! {
                    <p class="check-legend">
                        "Highlighted: the words the quote shares. "
                        <del>"Struck through"</del>
                        ": in the record, not in the quote. "
                        <ins>"Underlined"</ins>
                        ": in the quote, not in the record."
                    </p>
                }
            });
            let nearest = (c.verdict == Verdict::NotFound && !c.matches.is_empty())
                .then(|| view! { <h3 class="check-nearest">"Nearest wording"</h3> });
            view! {
                {cut}
                <p class=kind role="status">{verdict}</p>
                {nearest}
                {legend}
                <ol class="check-places">{places}</ol>
            }
            .into_any()
        })
    };
    view! {
        <section class="check" aria-labelledby="check-heading">
            <p class="back"><a href=back>"← The record"</a></p>
            <h2 id="check-heading" tabindex="-1">"Check a quote"</h2>
            <label for="check-text">"Quote to check"</label>
            <textarea
                id="check-text"
                rows="4"
                prop:value=move || text.get()
                on:input=on_input
            ></textarea>
            <div id="check-answer">{answer}</div>
        </section>
    }
}

/// The way in, on the home page (not in the static record: checking needs the app).
pub fn entry_link() -> impl IntoView {
    (!super::in_static_record()).then(|| view! {
        <p class="check-entry">
            <a href=View::home().open_check("").to_url()>"Check a quote"</a>
            " — paste a sentence seen elsewhere to find it in the record, or see how it differs."
        </p>
    })
}

super::deferred::deferred_part! {
    /// "Check a quote", as the page shows it: in a split build, its code is in the pages'
    /// chunk, fetched when the first of them opens.
    pub fn check_page in pages, "the quote checker" =>
        view! { <CheckPage /> }
}
