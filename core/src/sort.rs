//! Sorting of the short arrays of (key, index) pairs behind the per-column measures (Gini
//! coefficients, concentration curves) and the rankings of the strategy sensitivity analysis.
//!
//! The keys are the bits of non-negative floats, which order as the floats do; equal slices
//! of the bit range are roughly equal slices of the logarithm of the values, so that a few
//! radix passes over the top bits of the range nearly sort data of any scale.

/// An element sorted by a `u64` key. `Ord` must compare the key first: the result is sorted
/// by `Ord`, the key only places the elements into slices.
pub(crate) trait Keyed: Copy + Ord {
    /// The bucket key, ordered as the element.
    fn key(&self) -> u64;
}

impl Keyed for u64 {
    fn key(&self) -> u64 {
        *self
    }
}

impl Keyed for (u64, u32) {
    fn key(&self) -> u64 {
        self.0
    }
}

/// Reusable buffer of [`sort_keyed`].
#[derive(Default)]
pub(crate) struct SortScratch<T> {
    buf: Vec<T>,
}

/// Up to this length a plain insertion sort is used.
const SMALL: usize = 32;
/// Significant bits of the key range the radix passes resolve (two passes of one byte).
const KEY_BITS: u32 = 16;

/// Sorts `v` in ascending `Ord` order.
///
/// Method: the key range `[min, max]` is cut into `2^16` slices of equal width; a
/// least-significant-digit radix sort (two stable counting passes over bytes, one when the
/// slice number fits a byte) orders the elements by slice, and an insertion sort finishes
/// the order within slices, moving only elements whose keys agree in their top 16 bits of
/// range. For float bits (a roughly logarithmic scale) a slice is about 0.03% of a value
/// per binade spanned, so that pass rarely moves anything. Should it move more than `8 n`
/// elements (keys crowded into a few slices), `sort_unstable` takes over: O(n log n) at
/// worst. The result is the unique `Ord` order, whatever the route.
pub(crate) fn sort_keyed<T: Keyed>(v: &mut [T], s: &mut SortScratch<T>) {
    let n = v.len();
    if n <= SMALL {
        insertion_sort(v, usize::MAX);
        return;
    }
    let (mut lo, mut hi) = (u64::MAX, 0u64);
    for e in v.iter() {
        let k = e.key();
        lo = lo.min(k);
        hi = hi.max(k);
    }
    let range = hi - lo;
    if range == 0 {
        v.sort_unstable();
        return;
    }
    let shift = (u64::BITS - range.leading_zeros()).saturating_sub(KEY_BITS);
    let slice = |e: &T| ((e.key() - lo) >> shift) as usize;
    let mut counts = [[0u32; 256]; 2];
    for e in v.iter() {
        let d = slice(e);
        counts[0][d & 0xff] += 1;
        counts[1][d >> 8] += 1;
    }
    if s.buf.len() < n {
        s.buf.resize(n, v[0]);
    }
    let buf = &mut s.buf[..n];
    let two = (range >> shift) >= 256;
    for (pass, c) in counts.iter_mut().enumerate().take(if two { 2 } else { 1 }) {
        let mut sum = 0;
        for k in c.iter_mut() {
            let t = *k;
            *k = sum;
            sum += t;
        }
        // Pass 0 moves v into buf, pass 1 moves it back.
        let (from, to): (&[T], &mut [T]) = if pass == 0 { (v, buf) } else { (buf, v) };
        for &e in from {
            let d = (slice(&e) >> (8 * pass)) & 0xff;
            to[c[d] as usize] = e;
            c[d] += 1;
        }
    }
    if !two {
        v.copy_from_slice(buf);
    }
    if !insertion_sort(v, 8 * n) {
        v.sort_unstable();
    }
}

/// Stable insertion sort, O(n + inversions); gives up (returning `false`, `v` permuted but
/// not sorted) once it has moved more than `budget` elements.
fn insertion_sort<T: Copy + Ord>(v: &mut [T], mut budget: usize) -> bool {
    for i in 1..v.len() {
        let e = v[i];
        let mut j = i;
        while j > 0 && e < v[j - 1] {
            v[j] = v[j - 1];
            j -= 1;
        }
        v[j] = e;
        let moved = i - j;
        if moved > budget {
            return false;
        }
        budget -= moved;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `SplitMix64`, for reproducible test data.
    fn next(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    #[test]
    fn equals_a_comparison_sort_on_many_shapes_of_data() {
        let mut st = 7u64;
        for case in 0..3000 {
            let n = (next(&mut st) % 1500) as usize;
            let kind = case % 6;
            let mut v: Vec<(u64, u32)> = (0..n)
                .map(|i| {
                    let r = next(&mut st);
                    let x: f64 = match kind {
                        // log-spread counts, with ties
                        0 => (2f64.powf((r % 20_000) as f64 / 1000.0)).round(),
                        // few distinct values
                        1 => (r % 4) as f64,
                        // a narrow cluster plus outliers: one crowded bucket
                        2 if r.is_multiple_of(50) => 1e9,
                        2 => 1.0 + (r % 1000) as f64 * 1e-12,
                        // uniform reals
                        3 => (r >> 11) as f64 / (1u64 << 53) as f64,
                        // all equal
                        4 => 3.5,
                        // zeros, infinities and huge values
                        _ => [0.0, f64::INFINITY, 1e300, 1e-300, 2.0][(r % 5) as usize],
                    };
                    (x.to_bits(), i as u32)
                })
                .collect();
            let mut expected = v.clone();
            expected.sort_unstable();
            sort_keyed(&mut v, &mut SortScratch::default());
            assert_eq!(v, expected, "case {case} (kind {kind}, n {n})");
            let mut bits: Vec<u64> = expected.iter().map(|e| e.0).rev().collect();
            let mut sorted = bits.clone();
            sorted.sort_unstable();
            sort_keyed(&mut bits, &mut SortScratch::default());
            assert_eq!(bits, sorted, "case {case}, bare keys");
        }
    }
}
