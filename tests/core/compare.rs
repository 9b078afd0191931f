//! Two accounts side by side (`engine::compare`): the alignments of the real record a
//! reader expects, each with its reason, and the columns kept in their own order.

use super::corpus::real_corpus;
use sim_explorer::engine::compare::{Reason, Row, Stretch};
use sim_explorer::engine::model::Corpus;
use std::sync::OnceLock;

const DODGY: &str = "2021-06-17-dodgy-data-warnings";
const ACTIVISTS: &str = "2021-04-29-activists-call-for-sim-halt";
const BLOCKS: &str = "2022-04-14-nhs-england-blocks-sim-reviews";
const APOLOGY: &str = "2023-nhse-unpublished-sim-apology";
const STATEMENT: &str = "2023-stopsim-statement";

fn corpus() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(real_corpus)
}

fn doc(id: &str) -> usize {
    corpus().documents.iter().position(|d| d.id == id).unwrap()
}

/// The passage of `doc` holding `words`.
fn passage(doc_id: &str, words: &str) -> usize {
    let d = &corpus().documents[doc(doc_id)];
    let found: Vec<usize> = (0..d.passages.len())
        .filter(|&i| d.passages[i].text.contains(words))
        .collect();
    assert_eq!(found.len(), 1, "{doc_id}: “{words}”");
    found[0]
}

/// The alignment of two passages, given by words of each: a row or a link across the
/// rows, with its reasons as the page says them.
fn alignment(left: (&str, &str), right: (&str, &str)) -> (&'static str, Vec<String>) {
    let c = corpus();
    let (l, r) = (doc(left.0), doc(right.0));
    let pair = (passage(left.0, left.1), passage(right.0, right.1));
    let find = |rows: Vec<Row<'static>>| rows.into_iter().find(|x| (x.left, x.right) == pair);
    let (kind, row) = match find(c.aligned(l, r)) {
        Some(row) => ("row", row),
        None => (
            "elsewhere",
            find(c.elsewhere(l, r)).expect("the two passages align"),
        ),
    };
    (kind, row.reasons.iter().map(|x| x.describe(c)).collect())
}

fn dis(id: &str) -> String {
    let c = corpus();
    Reason::Disagreement(c.disagreement_index(id).unwrap() as u16).describe(c)
}

#[test]
fn the_drafts_apology_aligns_with_the_statements_omitted_apology() {
    let (_, reasons) = alignment(
        (APOLOGY, "For this, NHS England is sorry."),
        (STATEMENT, "crucially omitting an apology"),
    );
    assert_eq!(reasons, [dis("harm-acknowledged")]);
    // The statement ends with what the report opens with: the pair crosses the rows, so
    // it is a link between the columns, both ways.
    let (c, a, s) = (corpus(), doc(APOLOGY), doc(STATEMENT));
    assert_eq!(c.elsewhere(a, s).len(), c.elsewhere(s, a).len());
}

#[test]
fn the_2018_warnings_align_with_the_statements_account() {
    let (_, reasons) = alignment(
        (DODGY, "it warned both Isle of Wight NHS Trust"),
        (
            STATEMENT,
            "by November that same year Hampshire constabulary",
        ),
    );
    assert_eq!(reasons, [dis("wessex-ahsn-warned-when")]);
}

#[test]
fn each_alignment_says_why() {
    // The same events, with their titles and dates.
    assert_eq!(
        alignment(
            (
                DODGY,
                "in 2016 it was adopted by the NHS Innovation Accelerator"
            ),
            (
                STATEMENT,
                "In 2018 it was selected by the Academic Health Science Network"
            ),
        ),
        (
            "row",
            vec![
                "Both state: SIM adopted by the NHS Innovation Accelerator and given a \
                 fellowship, 2016"
                    .to_string(),
                "Both state: SIM selected for national adoption and spread across the AHSN \
                 Network, 2018"
                    .to_string(),
            ]
        )
    );
    // The words one report takes from the other.
    assert_eq!(
        alignment(
            (
                ACTIVISTS,
                "There are concerns that this can involve withholding"
            ),
            (
                DODGY,
                "This can involve withholding assessment and treatment"
            ),
        ),
        (
            "row",
            vec![
                "Both quote: “gives police officers a key role in making clinical decisions \
                 when service-users are in crisis”"
                    .to_string()
            ]
        )
    );
    // Failing those, the rare words both use, listed.
    assert_eq!(
        alignment(
            (
                ACTIVISTS,
                "Disabled activists are calling for an immediate halt"
            ),
            (BLOCKS, "NHS England is unlawfully blocking attempts"),
        ),
        (
            "row",
            vec!["Shared rare words: unethical, unsafe".to_string()]
        )
    );
}

/// Every pair of documents: rows go down both columns, every passage stands once in its
/// own order, and a pair left out of the rows crosses one (else it would be a row).
#[test]
fn the_columns_keep_their_order_and_crossings_are_links() {
    let c = corpus();
    let n = c.documents.len();
    assert_eq!(c.comparisons.len(), n * (n - 1) / 2);
    for l in 0..n {
        for r in (0..n).filter(|&r| r != l) {
            let rows = c.aligned(l, r);
            assert!(rows.iter().all(|x| !x.reasons.is_empty()));
            assert!(rows
                .windows(2)
                .all(|w| w[0].left < w[1].left && w[0].right < w[1].right));
            let (mut left, mut right) = (Vec::new(), Vec::new());
            for stretch in c.side_by_side(l, r) {
                match stretch {
                    Stretch::Unmatched { left: a, right: b } => {
                        left.extend(a);
                        right.extend(b);
                    }
                    Stretch::Aligned(row) => {
                        left.push(row.left);
                        right.push(row.right);
                    }
                }
            }
            assert_eq!(left, (0..c.documents[l].passages.len()).collect::<Vec<_>>());
            assert_eq!(
                right,
                (0..c.documents[r].passages.len()).collect::<Vec<_>>()
            );
            for e in c.elsewhere(l, r) {
                let blocked = rows.iter().any(|x| {
                    x.left == e.left
                        || x.right == e.right
                        || (x.left < e.left) != (x.right < e.right)
                });
                assert!(blocked, "{l} {r}: {e:?} crosses no row");
                assert!(e.reasons.iter().all(|x| !matches!(x, Reason::Words(_))));
            }
            // Named the other way round, the same rows, mirrored.
            let mirrored: Vec<(usize, usize)> =
                c.aligned(r, l).iter().map(|x| (x.right, x.left)).collect();
            let rows: Vec<(usize, usize)> = rows.iter().map(|x| (x.left, x.right)).collect();
            assert_eq!(mirrored, rows);
        }
    }
}
