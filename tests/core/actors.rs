//! Actors: the register's checks on small corpora, and on the real corpus every actor's
//! passages recomputed by an independent scan and compared with what the build resolved.

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
    let doc = format!(
        "title: T\\ntitle-basis: supplied\\npublisher: P\\npublisher-basis: supplied\\n\
         kind: news report\\ndate: 2021\\ndate-basis: supplied\\nsource: cap.txt\\n---\\n{CAPTURE}"
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
said: t: Paul Jennings said

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
    let mut corpus = small_corpus();
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

/// (actor id, mentioned, said) for each passage of the small corpus.
fn involvements(corpus: &Corpus) -> Vec<Vec<(&str, bool, bool)>> {
    corpus.documents[0]
        .passages
        .iter()
        .map(|p| {
            p.actors
                .iter()
                .map(|x| {
                    let id = corpus.actors[usize::from(x.actor)].id.as_str();
                    (id, x.mentioned, x.said)
                })
                .collect()
        })
        .collect()
}

#[test]
fn resolves_mentions_scoped_aliases_and_said_by() {
    let corpus = check(GOOD, &[]);
    assert_eq!(
        involvements(&corpus),
        [
            vec![("paul-jennings", true, true)],
            vec![
                ("hampshire-police", true, false),
                ("wessex-ahsn", true, false)
            ],
            vec![("wessex-ahsn", false, true)],
            vec![],
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
            "corpus/actors.txt:2: [Bad Id] is in no passage: no alias matches, no said or wrote line",
            "corpus/actors.txt:2: actor id 'Bad Id': use lowercase letters, digits and hyphens",
            "corpus/actors.txt:4: [paul-jennings] has no description",
            "corpus/actors.txt:6: field 'name' is given twice (first on line 5)",
            "corpus/actors.txt:7: unknown kind 'robot': use person, organisation or group",
            "corpus/actors.txt:9: alias “Jennings Paul” matches no passage (whole words, same case)",
            "corpus/actors.txt:10: unknown field 'descripton': the fields are name, kind, alias, alias-in, description, support, said, part-of, wrote",
            "corpus/actors.txt:11: no passage of t contains “not in any passage”",
            "corpus/actors.txt:12: unknown document 'nodoc'",
            "corpus/actors.txt:13: 2 passages of t contain “the”: quote more words",
            "corpus/actors.txt:14: said: write 'document-id: words of the passage'",
            "corpus/actors.txt:15: part-of: unknown actor id 'nobody'",
            "corpus/actors.txt:16: [second] is in no passage: no alias matches, no said or wrote line",
            "corpus/actors.txt:19: alias “Paul Jennings” is also claimed by [paul-jennings] on line 8",
            "corpus/actors.txt:22: [lonely] is in no passage: no alias matches, no said or wrote line",
            "corpus/actors.txt:27: alias “nowhere at all” appears nowhere in t",
        ],
    );
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
    let mut counts: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for (a, actor) in corpus.actors.iter().enumerate() {
        let mut n = [0usize; 3];
        for p in corpus.documents.iter().flat_map(|d| &d.passages) {
            if let Some(x) = p.actors.iter().find(|x| usize::from(x.actor) == a) {
                n[0] += usize::from(x.mentioned);
                n[1] += usize::from(x.said);
                n[2] += usize::from(x.wrote);
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
    for (id, [m, s, w]) in &counts {
        println!("{id:40} mentions {m:3}  said {s:3}  in reports it wrote {w:3}");
    }
}
