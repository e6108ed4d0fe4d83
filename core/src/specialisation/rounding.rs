//! Rounding to decimal digits as R's `round()` does it (R >= 4.0.0), for EconGeo's
//! conventions.

/// Rounds `x` to `digits` decimals the way R 4's `round(x, digits)` does: of the two
/// neighbouring decimals `floor(x 10^d) / 10^d` and `ceil(x 10^d) / 10^d`, the one closer
/// to `x`; an exact tie goes to the even last digit (`round(0.125, 2) == 0.12`,
/// `round(2.5) == 2`). NaN and infinities are returned unchanged.
///
/// ```
/// use clusterpolicy::specialisation::round_half_even;
/// assert_eq!(round_half_even(1.004_999, 2), 1.0);
/// assert_eq!(round_half_even(0.125, 2), 0.12);
/// assert_eq!(round_half_even(2.5, 0), 2.0);
/// assert_eq!(round_half_even(-1.2345, 3), -1.234); // -1.2345 is stored as -1.23449999...
/// assert!(round_half_even(f64::NAN, 2).is_nan());
/// ```
#[must_use]
pub fn round_half_even(x: f64, digits: u32) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let p = 10f64.powi(digits as i32);
    let y = x * p;
    if !y.is_finite() || y.abs() >= 4.5e15 {
        return x; // no fractional digits left to round at this scale
    }
    let (fl, ce) = (y.floor(), y.ceil());
    if fl == ce {
        return fl / p;
    }
    let (lo, hi) = (fl / p, ce / p);
    let (dlo, dhi) = (x - lo, hi - x);
    if dlo < dhi {
        lo
    } else if dhi < dlo {
        hi
    } else if fl % 2.0 == 0.0 {
        lo
    } else {
        hi
    }
}
