//! Stable sorting for the app's short lists (at most a few hundred items: settlements, deadline
//! rows, search hits).
//!
//! The standard library's stable sort is excellent for long slices but adds 2-3 KB of wasm for
//! every element type and key it is called with; these lists are short, so a plain insertion sort
//! does the job in a few hundred bytes each. Knows nothing of what it sorts.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp` (equal elements keep their order).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` stably by a key.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // A small generator: many equal keys, so stability is exercised.
        let mut x: u64 = 7;
        for len in [0usize, 1, 2, 3, 10, 57, 200] {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((x >> 60) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "length {len}");
            let mut rev = v.clone();
            sort_by(&mut rev, |a, b| b.0.cmp(&a.0));
            let mut std_rev = v;
            std_rev.sort_by_key(|b| std::cmp::Reverse(b.0));
            assert_eq!(rev, std_rev, "reversed, length {len}");
        }
    }
}
