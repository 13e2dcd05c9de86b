//! Stable sorting for the app's lists (settlements, up to a 1,000-settlement catalogue's;
//! deadline rows).
//!
//! The standard library's stable sort is excellent for long slices but adds 2-3 KB of wasm for
//! every element type and key it is called with; a binary insertion sort does the job in a few
//! hundred bytes each. Knows nothing of what it sorts.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp` (equal elements keep their order): each element is placed by a
/// binary search of the sorted part before it, after every element not greater (n log n
/// comparisons, which matters when a comparison is dear or the list is a 1,000-settlement
/// catalogue's), then moved in with one rotation.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let (sorted, rest) = v.split_at(i);
        let at = sorted.partition_point(|x| cmp(x, &rest[0]) != Ordering::Greater);
        v[at..=i].rotate_right(1);
    }
}

/// Sorts `v` stably by a key, computed once per element (not once per comparison).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    let mut keyed: Vec<(K, usize)> = v.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    sort_by(&mut keyed, |a, b| a.0.cmp(&b.0));
    // from[i]: where the element that belongs at i is now; each cycle moved by swaps.
    let mut from: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    for i in 0..v.len() {
        let mut j = i;
        loop {
            let k = from[j];
            from[j] = j;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // A small generator: many equal keys, so stability is exercised.
        let mut x: u64 = 7;
        for len in [0usize, 1, 2, 3, 10, 57, 200, 1000] {
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
