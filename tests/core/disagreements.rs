//! The register of disagreements: its checks on broken files, line by line, and the real
//! register: every position quoted verbatim from its passage and credited to someone who
//! speaks there, disputed events tied to their disagreement.

use super::corpus::real_corpus;
use sim_explorer::engine::cite::{self, Format};
use sim_explorer::engine::disagreements;
use sim_explorer::engine::load::File;
use sim_explorer::engine::model::Difference;

fn problems(text: &str) -> Vec<String> {
    let mut corpus = real_corpus();
    disagreements::load(
        &File {
            path: "corpus/disagreements.txt",
            text,
        },
        &mut corpus,
    )
    .iter()
    .map(|p| p.to_string())
    .collect()
}

#[test]
fn reports_every_problem_with_its_line() {
    let cases: &[(&str, &[&str])] = &[
        (
            // A good entry: no problem.
            "[pilot]\nquestion: When?\ndifference: conflict\nnote: Two years.\n\
             position: 2012\nby: stopsim-coalition\ndate: 2012\n\
             quote: 2023-stopsim-statement: The scheme was first piloted on the Isle of Wight in 2012\n\
             position: 2013\nby: disability-news-service\ndate: 2013\n\
             quote: 2023-nhse-unpublished-sim-apology: SIM was first trialled in 2013 on the Isle of Wight\n",
            &[],
        ),
        (
            "[all]\nquestion: Q?\ndifference: maybe\n",
            &[
                "corpus/disagreements.txt:1: [all] has no note",
                "corpus/disagreements.txt:1: [all] names the list of every disagreement: choose another id",
                "corpus/disagreements.txt:1: [all] needs two positions or more: a disagreement has sides",
                "corpus/disagreements.txt:3: unknown difference 'maybe': use 'conflict', 'scope', 'time', 'overlap'",
            ],
        ),
        (
            "[x]\nby: nhs-england\nquestion: Q?\ndifference: scope\nnote: N.\n\
             position: A\nby: nobody\nquote: no-such-doc: words\n\
             position: B\ndate: 2018-13\nquote: 2023-stopsim-statement: SIM\n\
             quote: 2023-stopsim-statement: words that appear nowhere\nwhen: 2018\n",
            &[
                "corpus/disagreements.txt:9: position 'B' has no by: who makes this claim?",
                "corpus/disagreements.txt:10: date: there is no month 13",
                "corpus/disagreements.txt:11: 14 passages of 2023-stopsim-statement contain “SIM”: quote more words",
                "corpus/disagreements.txt:12: no passage of 2023-stopsim-statement contains “words that appear nowhere”",
                "corpus/disagreements.txt:13: unknown field 'when': the fields are question, difference, note, position, by, date, quote",
                "corpus/disagreements.txt:2: by: before any position line",
                "corpus/disagreements.txt:7: unknown actor id 'nobody'",
                "corpus/disagreements.txt:8: unknown document 'no-such-doc'",
            ],
        ),
        (
            // Credited to someone who does not speak in the passage quoted.
            "[who]\nquestion: Q?\ndifference: conflict\nnote: N.\n\
             position: 2012\nby: nhs-england\n\
             quote: 2023-stopsim-statement: The scheme was first piloted on the Isle of Wight in 2012\n\
             position: 2013\nby: disability-news-service\n\
             quote: 2023-nhse-unpublished-sim-apology: SIM was first trialled in 2013 on the Isle of Wight\n",
            &["corpus/disagreements.txt:7: nhs-england neither speaks in, is reported by, nor wrote 2023-stopsim-statement ¶3: credit the position to whoever makes the claim"],
        ),
    ];
    for (text, expected) in cases {
        let mut got = problems(text);
        let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn every_position_is_verbatim_attributed_and_sided() {
    let corpus = real_corpus();
    // Issue 23: the register held 14; an audit found 8 more with both sides quoted.
    assert!(
        corpus.disagreements.len() >= 20,
        "{}",
        corpus.disagreements.len()
    );
    for d in &corpus.disagreements {
        assert!(d.question.ends_with('?'), "[{}] asks no question", d.id);
        assert!(d.positions.len() >= 2, "[{}]", d.id);
        for p in &d.positions {
            assert!(!p.quotes.is_empty(), "[{}] {}", d.id, p.summary);
            for q in &p.quotes {
                let passage = &corpus.documents[usize::from(q.at.0)].passages[usize::from(q.at.1)];
                assert!(passage.text.contains(&q.text), "[{}] {}", d.id, q.text);
            }
        }
        // Its citation holds every position's words.
        let text = cite::disagreement(
            &corpus,
            corpus.disagreement_index(&d.id).unwrap(),
            Some("u"),
            Format::Plain,
        );
        for q in d.positions.iter().flat_map(|p| &p.quotes) {
            assert!(
                text.contains(&q.text),
                "[{}] citation lacks {}",
                d.id,
                q.text
            );
        }
    }
    // Not every difference is a dispute: the register says which are.
    assert!(corpus
        .disagreements
        .iter()
        .any(|d| d.difference == Difference::Conflict));
}

#[test]
fn disputed_events_take_their_dates_from_their_disagreement() {
    let corpus = real_corpus();
    let disputed: Vec<_> = corpus.events.iter().filter(|e| e.disputed()).collect();
    assert!(!disputed.is_empty());
    for e in disputed {
        let d = &corpus.disagreements[usize::from(e.disagreement.expect("linked"))];
        let dates: Vec<_> = d.positions.iter().map(|p| p.date.expect("dated")).collect();
        assert!(dates.contains(&e.date), "{}", e.id);
        for c in &e.claims {
            assert!(dates.contains(&c.date), "{}", e.id);
        }
    }
}
