//! Actors: the register's checks on small corpora, and on the real corpus every actor's
//! passages recomputed by an independent scan and compared with what the build resolved,
//! and every passage given as an actor's words held to the quotation rule.

use super::corpus::{real_corpus, KINDS};
use sim_explorer::engine::actors;
use sim_explorer::engine::load::{load, File, Problem};
use sim_explorer::engine::model::Corpus;
use std::collections::BTreeMap;

const CAPTURE: &str = "Paul Jennings said the scheme was fair.\n\n\
    The force, Hampshire Police, raised concerns with Wessex AHSN.\n\n\
    “We welcome the review,” an AHSN spokesperson said.\n\n\
    The trust did not reply.\n";

fn small_corpus() -> Corpus {
    small_corpus_by("")
}

/// The small corpus with an author line (`author: …\n`) in its header, or none.
fn small_corpus_by(author: &str) -> Corpus {
    let doc = format!(
        "title: T\\ntitle-basis: supplied\\npublisher: P\\npublisher-basis: supplied\\n\
         {author}kind: news report\\ndate: 2021\\ndate-basis: supplied\\nsource: cap.txt\\n\
         ---\\n{CAPTURE}"
    )
    .replace("\\n", "\n");
    let (corpus, problems) = load(
        &KINDS,
        &[File {
            path: "corpus/documents/t.txt",
            text: &doc,
        }],
        &[File {
            path: "corpus/sources/cap.txt",
            text: CAPTURE,
        }],
    );
    assert_eq!(problems, Vec::<Problem>::new());
    corpus
}

const GOOD: &str = "\
[paul-jennings]
name: Paul Jennings
kind: person
alias: Paul Jennings
description: A former police officer.
support: t: Paul Jennings said
reports: t: Paul Jennings said

[hampshire-police]
name: Hampshire Constabulary
kind: organisation
alias: Hampshire Police
alias-in: t: The force
description: A police force.
support: t: raised concerns

[wessex-ahsn]
name: Wessex AHSN
kind: organisation
alias: Wessex AHSN
description: A health network.
support: t: raised concerns with Wessex AHSN
said: t: an AHSN spokesperson said
";

fn check(register: &str, expected: &[&str]) -> Corpus {
    check_in(small_corpus(), register, expected)
}

fn check_in(mut corpus: Corpus, register: &str, expected: &[&str]) -> Corpus {
    let problems = actors::load(
        &File {
            path: "corpus/actors.txt",
            text: register,
        },
        &mut corpus,
    );
    let got: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(got, expected, "\n got: {got:#?}");
    corpus
}

/// (actor id, how) for each passage of the small corpus, how as the involvement's flags
/// that are set: "named", "said", "reported", "wrote", joined by spaces.
fn involvements(corpus: &Corpus) -> Vec<Vec<(&str, String)>> {
    corpus.documents[0]
        .passages
        .iter()
        .map(|p| {
            p.actors
                .iter()
                .map(|x| {
                    let id = corpus.actors[usize::from(x.actor)].id.as_str();
                    let flags = [
                        (x.mentioned, "named"),
                        (x.said, "said"),
                        (x.reported, "reported"),
                        (x.wrote, "wrote"),
                    ];
                    let how: Vec<&str> = flags.iter().filter(|f| f.0).map(|f| f.1).collect();
                    (id, how.join(" "))
                })
                .collect()
        })
        .collect()
}

fn how(list: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    list.iter().map(|(id, h)| (*id, h.to_string())).collect()
}

#[test]
fn resolves_mentions_scoped_aliases_said_and_reported() {
    let corpus = check(GOOD, &[]);
    assert_eq!(
        involvements(&corpus),
        [
            // "Paul Jennings said the scheme was fair.": his position, not his words.
            how(&[("paul-jennings", "named reported")]),
            how(&[("hampshire-police", "named"), ("wessex-ahsn", "named")]),
            how(&[("wessex-ahsn", "said")]),
            how(&[]),
        ]
    );
    assert_eq!(
        corpus.actors[1].aliases_in,
        [("t".to_string(), "The force".to_string())]
    );
    assert_eq!(corpus.actors[0].support, [(0, 0)]);
}

#[test]
fn the_longest_alias_wins_and_words_must_be_whole() {
    let found = actors::find_aliases(
        "Wessex AHSN and the AHSNs, not AHSNetwork; AHSN.",
        &["AHSN", "Wessex AHSN"],
    );
    assert_eq!(found, [(0, 1), (43, 0)]);
}

#[test]
fn reports_register_problems_with_their_lines() {
    let broken = "\
colour: blue
[Bad Id]
name: X
[paul-jennings]
name: Paul Jennings
name: Paul
kind: robot
alias: Paul Jennings
alias: Jennings Paul
descripton: typo
support: t: not in any passage
support: nodoc: words
support: t: the
said: missing separator
part-of: nobody
[second]
name: Second
kind: person
alias: Paul Jennings
description: d.
support: t: The trust did not reply
[lonely]
name: Lonely
kind: group
description: d.
support: t: The trust
alias-in: t: nowhere at all
";
    check(
        broken,
        &[
            "corpus/actors.txt:1: a field before the first [actor-id] line",
            "corpus/actors.txt:2: [Bad Id] has no description",
            "corpus/actors.txt:2: [Bad Id] has no kind",
            "corpus/actors.txt:2: [Bad Id] has no support line (a passage that supports its description) or wrote line",
            "corpus/actors.txt:2: [Bad Id] is in no passage: no alias matches, no said, reports or wrote line",
            "corpus/actors.txt:2: actor id 'Bad Id': use lowercase letters, digits and hyphens",
            "corpus/actors.txt:4: [paul-jennings] has no description",
            "corpus/actors.txt:6: field 'name' is given twice (first on line 5)",
            "corpus/actors.txt:7: unknown kind 'robot': use person, organisation or group",
            "corpus/actors.txt:9: alias “Jennings Paul” matches no passage (whole words, same case)",
            "corpus/actors.txt:10: unknown field 'descripton': the fields are name, kind, alias, alias-in, not-alias-in, description, support, said, said-why, reports, part-of, wrote",
            "corpus/actors.txt:11: no passage of t contains “not in any passage”",
            "corpus/actors.txt:12: unknown document 'nodoc'",
            "corpus/actors.txt:13: 2 passages of t contain “the”: quote more words",
            "corpus/actors.txt:14: said: write 'document-id: words of the passage'",
            "corpus/actors.txt:15: part-of: unknown actor id 'nobody'",
            "corpus/actors.txt:16: [second] is in no passage: no alias matches, no said, reports or wrote line",
            "corpus/actors.txt:19: alias “Paul Jennings” is also claimed by [paul-jennings] on line 8",
            // A description rests on passages about its actor (issue 23).
            "corpus/actors.txt:21: support: the passage neither names [second] nor gives its words or position: a description rests on passages about the actor",
            "corpus/actors.txt:22: [lonely] is in no passage: no alias matches, no said, reports or wrote line",
            "corpus/actors.txt:26: support: the passage neither names [lonely] nor gives its words or position: a description rests on passages about the actor",
            "corpus/actors.txt:27: alias “nowhere at all” appears nowhere in t",
        ],
    );
}

/// GOOD with one line replaced by `to` (which may be several lines).
fn good_with(line: &str, to: &str) -> String {
    assert!(GOOD.contains(line), "{line}");
    GOOD.replacen(line, to, 1)
}

/// An actor's own words, outside a document it wrote, reach the page only as a quotation:
/// reported speech ("said the scheme was fair") is a reported position.
#[test]
fn a_said_passage_without_a_quotation_is_located_and_refused() {
    check(
        &good_with(
            "reports: t: Paul Jennings said",
            "said: t: Paul Jennings said",
        ),
        &[
            "corpus/actors.txt:7: said: the passage holds no quotation (“…”), so it gives no \
           words of [paul-jennings]: record their position with 'reports:', or give the reason \
           on a 'said-why:' line right after this one",
        ],
    );
}

#[test]
fn an_exception_without_a_reason_fails() {
    check(
        &good_with(
            "reports: t: Paul Jennings said",
            "said: t: Paul Jennings said\nsaid-why:",
        ),
        &[
            "corpus/actors.txt:7: said: the passage holds no quotation (“…”), so it gives no \
             words of [paul-jennings]: record their position with 'reports:', or give the \
             reason on a 'said-why:' line right after this one",
            "corpus/actors.txt:8: field 'said-why' is empty",
        ],
    );
}

#[test]
fn an_exception_belongs_right_after_its_said_line_and_only_where_needed() {
    check(
        &good_with(
            "reports: t: Paul Jennings said",
            "said: t: Paul Jennings said\nkind: person\nsaid-why: his statement, unmarked",
        ),
        &[
            "corpus/actors.txt:7: said: the passage holds no quotation (“…”), so it gives no \
             words of [paul-jennings]: record their position with 'reports:', or give the \
             reason on a 'said-why:' line right after this one",
            "corpus/actors.txt:8: field 'kind' is given twice (first on line 3)",
            "corpus/actors.txt:9: said-why: put the reason on the line right after the said: \
             line it explains",
        ],
    );
    check(
        &good_with(
            "said: t: an AHSN spokesperson said",
            "said: t: an AHSN spokesperson said\nsaid-why: a spokesperson",
        ),
        &["corpus/actors.txt:24: said-why: not needed: the passage holds a quotation"],
    );
}

#[test]
fn a_reasoned_exception_passes_and_counts_as_words() {
    let corpus = check(
        &good_with(
            "reports: t: Paul Jennings said",
            "said: t: Paul Jennings said\n\
             # A comment may sit between the two.\n\
             said-why: the capture prints his signed statement without quotation marks",
        ),
        &[],
    );
    assert_eq!(
        involvements(&corpus)[0],
        how(&[("paul-jennings", "named said")])
    );
}

#[test]
fn a_passage_gives_an_actors_words_or_reports_its_position_not_both() {
    check(
        &good_with(
            "said: t: an AHSN spokesperson said",
            "said: t: an AHSN spokesperson said\nreports: t: We welcome the review",
        ),
        &[
            "corpus/actors.txt:24: reports: [wessex-ahsn] also has a said: line for this \
           passage: a passage gives an actor's words or reports its position, not both",
        ],
    );
}

const REPORTER: &str = "
[ann-reporter]
name: Ann Reporter
kind: person
description: A reporter.
wrote: t
";

/// The author's words are the report's own sentences: every passage that gives no one
/// else's words, its reports of others' positions included; a quoted passage is the
/// speaker's alone.
#[test]
fn an_authors_words_are_the_passages_that_quote_no_one_else() {
    let by_ann = || small_corpus_by("author: Ann Reporter\nauthor-basis: supplied\n");
    let corpus = check_in(by_ann(), &format!("{GOOD}{REPORTER}"), &[]);
    assert_eq!(
        involvements(&corpus),
        [
            how(&[
                ("paul-jennings", "named reported"),
                ("ann-reporter", "said wrote")
            ]),
            how(&[
                ("hampshire-police", "named"),
                ("wessex-ahsn", "named"),
                ("ann-reporter", "said wrote")
            ]),
            how(&[("wessex-ahsn", "said"), ("ann-reporter", "wrote")]),
            how(&[("ann-reporter", "said wrote")]),
        ]
    );
    // A statement's authors may claim every passage, quotations included, with `*`; only
    // for a document they wrote. The quotation GOOD gives to Wessex AHSN is then the
    // statement's, unless a reason says whose (see the next test).
    let corpus = check_in(
        by_ann(),
        &format!("{GOOD}{REPORTER}said: t: *\n"),
        &[
            "corpus/actors.txt:23: said: this passage is in t, which [ann-reporter] issued whole \
             (said: t: *), so its quotation marks are its own unless it says whose words they \
             are: record [wessex-ahsn]'s position with 'reports:', or give the reason on a \
             'said-why:' line right after this one",
        ],
    );
    assert!(corpus.documents[0]
        .passages
        .iter()
        .all(|p| p.actors.iter().any(|x| x.actor == 3 && x.said)));
    check_in(
        by_ann(),
        &format!("{GOOD}{REPORTER}said: t: *\nsaid-why: a statement\n"),
        &[
            "corpus/actors.txt:23: said: this passage is in t, which [ann-reporter] issued whole \
             (said: t: *), so its quotation marks are its own unless it says whose words they \
             are: record [wessex-ahsn]'s position with 'reports:', or give the reason on a \
             'said-why:' line right after this one",
            "corpus/actors.txt:31: said-why: not needed: every passage of a document this actor \
           wrote is its words",
        ],
    );
    check(
        &format!("{GOOD}{}said: t: *\n", REPORTER.replace("wrote: t\n", "")),
        &[
            "corpus/actors.txt:25: [ann-reporter] has no support line (a passage that supports \
             its description) or wrote line",
            "corpus/actors.txt:25: [ann-reporter] is in no passage: no alias matches, no said, \
             reports or wrote line",
            "corpus/actors.txt:29: said: t: * (every passage) is for a document this actor \
             wrote: add 'wrote: t' or name the passages",
        ],
    );
}

/// Regression (issue 23): the coalition's statement quoted “completely inaccurate data”
/// without saying whose words they were, and the register gave them to Hampshire
/// Constabulary as its own. In a statement its author issued whole (`said: DOC: *`), a
/// quotation is the statement's unless a reason says whose.
#[test]
fn a_quotation_in_a_statement_issued_whole_is_its_authors_unless_a_reason_says_whose() {
    let by_ann = || small_corpus_by("author: Ann Reporter\nauthor-basis: supplied\n");
    let issued = format!("{GOOD}{REPORTER}said: t: *\n");
    check_in(
        by_ann(),
        &issued,
        &[
            "corpus/actors.txt:23: said: this passage is in t, which [ann-reporter] issued whole \
             (said: t: *), so its quotation marks are its own unless it says whose words they \
             are: record [wessex-ahsn]'s position with 'reports:', or give the reason on a \
             'said-why:' line right after this one",
        ],
    );
    // Its position, reported in the statement's words: no reason needed.
    let reported = issued.replace(
        "said: t: an AHSN spokesperson said",
        "reports: t: an AHSN spokesperson said",
    );
    let corpus = check_in(by_ann(), &reported, &[]);
    assert_eq!(
        involvements(&corpus)[2],
        how(&[("wessex-ahsn", "reported"), ("ann-reporter", "said wrote")])
    );
    // A reason saying whose the quotation is lets it stand as their words.
    let reasoned = issued.replace(
        "said: t: an AHSN spokesperson said",
        "said: t: an AHSN spokesperson said\n\
         said-why: the statement says the spokesperson said it",
    );
    let corpus = check_in(by_ann(), &reasoned, &[]);
    assert_eq!(
        involvements(&corpus)[2],
        how(&[("wessex-ahsn", "said"), ("ann-reporter", "said wrote")])
    );
    // On the record: no actor but the coalition speaks in its statement.
    let corpus = real_corpus();
    let coalition = corpus.actor_index("stopsim-coalition").unwrap() as u16;
    let statement = corpus.document("2023-stopsim-statement").unwrap();
    for p in &statement.passages {
        let others: Vec<&str> = p
            .actors
            .iter()
            .filter(|x| x.said && x.actor != coalition)
            .map(|x| corpus.actors[usize::from(x.actor)].id.as_str())
            .collect();
        assert!(
            others.is_empty(),
            "{others:?} speak in ¶{} of the statement",
            p.number
        );
    }
}

/// Every actor's passages, recomputed from the register by a separate scan: at each word
/// start, the longest alias (global, or scoped to the document) that fits whole words.
#[test]
fn every_actors_passages_match_an_independent_recount() {
    let corpus = real_corpus();
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    for doc in &corpus.documents {
        let mut aliases: Vec<(&str, usize)> = Vec::new();
        for (a, actor) in corpus.actors.iter().enumerate() {
            aliases.extend(actor.aliases.iter().map(|t| (t.as_str(), a)));
            aliases.extend(
                actor
                    .aliases_in
                    .iter()
                    .filter(|(d, _)| d == &doc.id)
                    .map(|(_, t)| (t.as_str(), a)),
            );
        }
        for passage in &doc.passages {
            let text = passage.text.as_str();
            let mut expected: Vec<usize> = Vec::new();
            let mut i = 0;
            while i < text.len() {
                let before = text[..i].chars().next_back();
                let best = (!is_word(before))
                    .then(|| {
                        aliases
                            .iter()
                            .filter(|(t, _)| {
                                text[i..].starts_with(t)
                                    && !is_word(text[i + t.len()..].chars().next())
                            })
                            .max_by_key(|(t, _)| t.len())
                    })
                    .flatten();
                match best {
                    Some((t, a)) => {
                        expected.push(*a);
                        i += t.len();
                    }
                    None => i += text[i..].chars().next().map_or(1, char::len_utf8),
                }
            }
            expected.sort();
            expected.dedup();
            let resolved: Vec<usize> = passage
                .actors
                .iter()
                .filter(|x| x.mentioned)
                .map(|x| usize::from(x.actor))
                .collect();
            assert_eq!(
                resolved, expected,
                "{} ¶{}: {}",
                doc.id, passage.number, text
            );
        }
    }
    let mut counts: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    for (a, actor) in corpus.actors.iter().enumerate() {
        let mut n = [0usize; 4];
        for p in corpus.documents.iter().flat_map(|d| &d.passages) {
            if let Some(x) = p.actors.iter().find(|x| usize::from(x.actor) == a) {
                n[0] += usize::from(x.mentioned);
                n[1] += usize::from(x.said);
                n[2] += usize::from(x.reported);
                n[3] += usize::from(x.wrote);
            }
        }
        assert!(n.iter().sum::<usize>() > 0, "{} is in no passage", actor.id);
        counts.insert(&actor.id, n);
    }
    // The statement's authors speak in every passage of it.
    let statement = corpus.document("2023-stopsim-statement").unwrap();
    let coalition = corpus.actor_index("stopsim-coalition").unwrap();
    assert!(statement.passages.iter().all(|p| p
        .actors
        .iter()
        .any(|x| usize::from(x.actor) == coalition && x.said)));
    // `cargo test -- --nocapture every_actors` prints the table for the record.
    for (id, [m, s, r, w]) in &counts {
        println!(
            "{id:40} mentions {m:3}  said {s:3}  position reported {r:3}  in documents it \
             wrote {w:3}"
        );
    }
}

/// The `said:` lines of the register that carry a `said-why:` reason, read by a scan of its
/// own: (actor id, document, fragment, reason).
fn exceptions(register: &str) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    let mut actor = String::new();
    let mut last_said: Option<(String, String)> = None;
    for line in register.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            actor = id.to_string();
        } else if let Some(reason) = line.strip_prefix("said-why:") {
            let (doc, fragment) = last_said.clone().expect("said-why after a said: line");
            out.push((actor.clone(), doc, fragment, reason.trim().to_string()));
        }
        last_said = line.strip_prefix("said:").and_then(|rest| {
            let (doc, fragment) = rest.split_once(':')?;
            Some((doc.trim().to_string(), fragment.trim().to_string()))
        });
    }
    out
}

/// On the record as built: every passage given as an actor's words holds a quotation, is in
/// a document the actor wrote, or has a reasoned exception in the register.
#[test]
fn every_passage_of_someones_words_holds_a_quotation_or_a_reason() {
    let corpus = real_corpus();
    let register = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/actors.txt"),
    )
    .unwrap();
    let exceptions = exceptions(&register);
    let mut unexplained = Vec::new();
    let mut n_quoted = 0;
    for (d, doc) in corpus.documents.iter().enumerate() {
        for passage in &doc.passages {
            for x in passage.actors.iter().filter(|x| x.said) {
                let actor = &corpus.actors[usize::from(x.actor)];
                let own = actor.wrote.contains(&(d as u16));
                let quoted = passage.text.contains(['“', '”', '"']);
                let excused = exceptions.iter().any(|(id, ex_doc, fragment, reason)| {
                    id == &actor.id
                        && ex_doc == &doc.id
                        && passage.text.contains(fragment.as_str())
                        && !reason.is_empty()
                });
                n_quoted += usize::from(quoted && !own);
                if !(own || quoted || excused) {
                    unexplained.push(format!("{} ¶{}: {}", actor.id, passage.number, doc.id));
                }
            }
        }
    }
    assert_eq!(unexplained, Vec::<String>::new());
    // The rule has something to hold: most words on the record are quotations of others.
    assert!(n_quoted > 50, "{n_quoted}");
    for (id, doc, fragment, reason) in &exceptions {
        println!("exception: [{id}] {doc}: {fragment}: {reason}");
    }
}

/// Regressions from the "Who speaks" issue: a reporter's sentence is not the words of the
/// people it describes, and the reporter's own sentences are his.
#[test]
fn a_reporters_sentence_is_his_not_the_words_of_those_it_describes() {
    let corpus = real_corpus();
    // (document, words of the passage, actor, how) with how as in `involvements`, for the
    // roles this test pins: said, reported.
    let check = |doc: &str, words: &str, actor: &str, said: bool, reported: bool| {
        let d = corpus.document(doc).unwrap();
        let a = corpus.actor_index(actor).unwrap();
        let mut hits = d.passages.iter().filter(|p| p.text.contains(words));
        let passage = hits.next().unwrap_or_else(|| panic!("{doc}: no “{words}”"));
        assert!(hits.next().is_none(), "{doc}: “{words}” picks several");
        let x = passage.actors.iter().find(|x| usize::from(x.actor) == a);
        assert_eq!(
            x.map(|x| (x.said, x.reported)).unwrap_or_default(),
            (said, reported),
            "{actor} in {doc}: “{words}” (said, reported)"
        );
    };
    let apology = "2023-nhse-unpublished-sim-apology";
    let warnings = "2021-06-17-dodgy-data-warnings";
    // The 2023 report's opening line is the reporter's summary of the apology.
    check(
        apology,
        "NHS England has apologised",
        "nhs-england",
        false,
        true,
    );
    // Its quotation of the draft policy is NHS England's words.
    check(
        apology,
        "For this, NHS England is sorry.",
        "nhs-england",
        true,
        false,
    );
    // Hampshire police: the reporter's summaries report its warning; the quoted emails are
    // its words.
    check(
        warnings,
        "despite being warned by police",
        "hampshire-constabulary",
        false,
        true,
    );
    check(
        warnings,
        "show that the force raised",
        "hampshire-constabulary",
        false,
        true,
    );
    check(
        warnings,
        "The force has now confirmed",
        "hampshire-constabulary",
        false,
        true,
    );
    check(
        warnings,
        "a series of emails from Hampshire police",
        "hampshire-constabulary",
        true,
        false,
    );
    // "who denies any wrongdoing" reports Jennings's denial; it does not quote him.
    check(
        warnings,
        "who denies any wrongdoing",
        "paul-jennings",
        false,
        true,
    );
    // The reporter's narration is his words; a paragraph quoting someone else is not.
    check(
        warnings,
        "Two NHS organisations continued",
        "john-pring",
        true,
        false,
    );
    check(
        warnings,
        "Our involvement in SIM ended",
        "john-pring",
        false,
        false,
    );
    check(
        warnings,
        "Our involvement in SIM ended",
        "wessex-ahsn",
        true,
        false,
    );
    let pring = corpus.actor_index("john-pring").unwrap();
    let words_of_pring = corpus
        .documents
        .iter()
        .flat_map(|d| &d.passages)
        .filter(|p| {
            p.actors
                .iter()
                .any(|x| usize::from(x.actor) == pring && x.said)
        })
        .count();
    assert!(words_of_pring > 20, "{words_of_pring}");
}
