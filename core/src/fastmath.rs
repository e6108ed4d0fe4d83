//! Branch-free elementary functions for the inner loops: written without table lookups or
//! branches so that the compiler vectorises the loops that call them, unlike calls into
//! the C library.

/// `2^52` as a float: adding it to a small integer placed in the low mantissa bits gives
/// that integer exactly.
const TWO52: f64 = 4_503_599_627_370_496.0;

/// Coefficients `1 / (2k + 1)`, k = 1..=10, of `atanh(s) / s = 1 + z/3 + z^2/5 + ...`
/// (`z = s^2`), highest power first for Horner's scheme.
const ATANH: [f64; 10] = [
    1.0 / 21.0,
    1.0 / 19.0,
    1.0 / 17.0,
    1.0 / 15.0,
    1.0 / 13.0,
    1.0 / 11.0,
    1.0 / 9.0,
    1.0 / 7.0,
    1.0 / 5.0,
    1.0 / 3.0,
];

/// Base-2 logarithm of a finite positive `x` (normal or subnormal), within a few units in
/// the last place of `f64::log2` (tested against it over the whole range).
///
/// Method: `x = 2^e m` with `m` in `[sqrt(1/2), sqrt(2))`; then `ln m = 2 atanh(s)` with
/// `s = (m - 1) / (m + 1)`, `|s| <= 0.1716`, summed as the series `2 s (1 + s^2/3 + s^4/5 +
/// ...)` to the term in `s^21`, whose remainder is below `2^-60` of the sum; and
/// `log2 x = e + ln m / ln 2`. Zero, negative, infinite and NaN inputs give unspecified
/// values (never a panic); callers multiply by `x` or skip them.
// Always inlined, so that it is compiled with the vector features of its caller.
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn log2_positive(x: f64) -> f64 {
    // Subnormals: scale into the normal range first (the exponent is corrected below).
    let sub = x < f64::MIN_POSITIVE;
    let xs = if sub { x * TWO52 } else { x };
    let bits = xs.to_bits();
    // The biased exponent as a float, exactly: 2^52 + k - (2^52 + 1023).
    let biased = f64::from_bits((bits >> 52) | TWO52.to_bits()) - (TWO52 + 1023.0);
    let mut e = biased - if sub { 52.0 } else { 0.0 };
    // Mantissa in [1, 2), then halved when above sqrt(2) (exact operations).
    let mut m = f64::from_bits((bits & ((1u64 << 52) - 1)) | 1f64.to_bits());
    let big = m > std::f64::consts::SQRT_2;
    m = if big { m * 0.5 } else { m };
    e += if big { 1.0 } else { 0.0 };
    let f = m - 1.0; // exact: m and 1 are within a factor 2
    let s = f / (2.0 + f);
    let z = s * s;
    let mut p = ATANH[0];
    for c in &ATANH[1..] {
        p = p * z + c;
    }
    let ln_m = 2.0 * s + 2.0 * s * (z * p);
    e + ln_m * std::f64::consts::LOG2_E
}

#[cfg(test)]
mod tests {
    use super::log2_positive;

    /// Error in units of the last place of `f64::log2(x)` (absolute error against the
    /// spacing at the result, at least the spacing near 1 for results near 0).
    fn ulps(x: f64) -> f64 {
        let want = x.log2();
        let got = log2_positive(x);
        let spacing = f64::EPSILON * want.abs().max(1.0);
        (got - want).abs() / spacing
    }

    #[test]
    fn agrees_with_the_c_library_over_the_range() {
        let mut worst: f64 = 0.0;
        let mut state = 1u64;
        for k in 0..2_000_000u64 {
            // Every binade, uniformly random mantissas, plus integers and values near 1.
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let x = match k % 4 {
                0 => f64::from_bits((state >> 1) % 0x7fef_ffff_ffff_ffff + 1),
                1 => (k / 4) as f64 + 1.0,
                2 => 1.0 + ((state >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 1e-3,
                _ => (state >> 11) as f64 / (1u64 << 53) as f64 * 3.0,
            };
            if x > 0.0 {
                worst = worst.max(ulps(x));
            }
        }
        for x in [f64::MIN_POSITIVE, 5e-324, 1e-310, f64::MAX, 1.0, 2.0, 0.5, std::f64::consts::SQRT_2, 1.0 - 1e-16] {
            worst = worst.max(ulps(x));
        }
        assert!(worst <= 4.0, "worst error {worst} ulp");
        assert_eq!(log2_positive(1.0), 0.0);
        assert_eq!(log2_positive(8.0), 3.0);
        assert_eq!(log2_positive(0.25), -2.0);
    }
}
