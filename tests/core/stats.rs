//! An actor's page in figures, on the small record: its words, its reported position and
//! its mentions apart.

use super::fixture::{small_record, COALITION, JENNINGS, POLICE};
use sim_explorer::engine::stats::{actor_stats, ActorStats};

#[test]
fn an_actors_words_mentions_documents_and_companions() {
    let corpus = small_record();
    let check = |actor: u16, expected: ActorStats| {
        assert_eq!(
            actor_stats(&corpus, usize::from(actor)),
            expected,
            "actor {actor}"
        );
    };
    check(
        JENNINGS,
        ActorStats {
            said: vec![],
            reported: vec![(1, 1)],
            drafted: vec![],
            named: vec![(0, 0), (1, 1)],
            per_document: vec![1, 1],
            appears_with: vec![(usize::from(POLICE), 1)],
        },
    );
    check(
        POLICE,
        ActorStats {
            said: vec![(0, 1), (1, 1)],
            reported: vec![],
            drafted: vec![],
            named: vec![],
            per_document: vec![1, 1],
            appears_with: vec![(usize::from(JENNINGS), 1)],
        },
    );
    check(
        COALITION,
        ActorStats {
            said: vec![(1, 0)],
            reported: vec![],
            drafted: vec![],
            named: vec![],
            per_document: vec![0, 1],
            appears_with: vec![],
        },
    );
}
