//! One sort for the whole page. The standard library's sort is compiled anew for every
//! element type and every comparison closure: the engine's forty-odd sorts were about 150
//! functions, 74 KB of the wasm before optimisation. These sort a list of positions with one
//! compiled sort (a comparison passed as `&dyn`), then move the items into that order, so
//! each call adds only its comparison and a short move.
//!
//! For lists ordered once or now and then (a load's checks, the actors, a timeline's rows,
//! a quote's alignments). The search's ranking, which runs on every key, and the index's
//! vocabulary, sorted as the page starts, keep the standard sort (ranking.rs, index.rs).

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably: items that compare equal keep their order.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut at: Vec<u32> = (0..v.len() as u32).collect();
    positions(&mut at, &|a, b| cmp(&v[a as usize], &v[b as usize]));
    // Each position comes once, so every `take` finds its item.
    let mut old: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(at.iter().filter_map(|&i| old[i as usize].take()));
}

/// Sorts `v` by the key `key` gives each item, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in its natural order.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The one compiled sort: positions, ordered by a comparison of the items they stand for.
#[inline(never)]
fn positions(at: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    at.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_like_the_standard_stable_sort() {
        // Pairs compared by their first half only: equal keys must keep their order.
        let mut seed = 7u32;
        for len in [0, 1, 2, 3, 17, 64, 257] {
            let v: Vec<(u8, u32)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 24) as u8 % 5, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "length {len}");
        }
    }

    #[test]
    fn keys_and_natural_order() {
        let mut words = vec!["police", "NHS", "mentoring", "campaign", "Nhs"];
        sort_by_key(&mut words, |w| w.to_lowercase());
        assert_eq!(words, ["campaign", "mentoring", "NHS", "Nhs", "police"]);
        let mut owned: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        sort(&mut owned);
        assert_eq!(owned, ["NHS", "Nhs", "campaign", "mentoring", "police"]);
    }
}
