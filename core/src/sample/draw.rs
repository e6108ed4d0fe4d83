//! Small random and arithmetic helpers. Every helper is total: it never panics and never
//! returns NaN for finite inputs.

use chrono::{Days, Months, NaiveDate};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, Gamma, Poisson, StandardNormal};

/// The generator's random number generator.
pub(super) type Rng = ChaCha8Rng;

/// An independent stream of the seed, one per part of the dataset, so that changing the
/// number of projects does not change the actors.
pub(super) fn stream(seed: u64, part: u64) -> Rng {
    let mut rng = Rng::seed_from_u64(seed);
    rng.set_stream(part);
    rng
}

/// A normal draw `mean + sd * z`.
pub(super) fn normal(rng: &mut Rng, mean: f64, sd: f64) -> f64 {
    let z: f64 = rng.sample(StandardNormal);
    mean + sd * z
}

/// A lognormal draw with the given median and log-scale standard deviation.
pub(super) fn lognormal(rng: &mut Rng, median: f64, sigma: f64) -> f64 {
    median * normal(rng, 0.0, sigma).exp()
}

/// A Gamma(shape, 1) draw; 0 for a non-positive or non-finite shape.
pub(super) fn gamma(rng: &mut Rng, shape: f64) -> f64 {
    if shape > 0.0 && shape.is_finite() { Gamma::new(shape, 1.0).map_or(0.0, |g| g.sample(rng)) } else { 0.0 }
}

/// A Dirichlet draw with concentration parameters `alphas` (normalised Gamma draws); falls
/// back to the normalised `alphas` if every draw underflows.
pub(super) fn dirichlet(rng: &mut Rng, alphas: &[f64]) -> Vec<f64> {
    let draws: Vec<f64> = alphas.iter().map(|&a| gamma(rng, a)).collect();
    let sum: f64 = draws.iter().sum();
    if sum > 0.0 && sum.is_finite() {
        return draws.iter().map(|d| d / sum).collect();
    }
    normalise(alphas)
}

/// `weights` scaled to sum 1 (negative and non-finite weights count as 0; uniform if all are 0).
pub(super) fn normalise(weights: &[f64]) -> Vec<f64> {
    let clean: Vec<f64> = weights.iter().map(|&w| if w.is_finite() && w > 0.0 { w } else { 0.0 }).collect();
    let sum: f64 = clean.iter().sum();
    if sum > 0.0 {
        clean.iter().map(|w| w / sum).collect()
    } else if clean.is_empty() {
        clean
    } else {
        vec![1.0 / clean.len() as f64; clean.len()]
    }
}

/// A Poisson draw; 0 for a non-positive or non-finite mean.
pub(super) fn poisson(rng: &mut Rng, lambda: f64) -> f64 {
    if lambda > 0.0 && lambda.is_finite() { Poisson::new(lambda).map_or(0.0, |p| p.sample(rng)) } else { 0.0 }
}

/// A uniform draw in `[lo, hi)`.
pub(super) fn uniform(rng: &mut Rng, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * rng.random::<f64>()
}

/// A uniform integer in `lo..=hi` (`lo` if the range is empty).
pub(super) fn int(rng: &mut Rng, lo: usize, hi: usize) -> usize {
    if hi <= lo { lo } else { rng.random_range(lo..=hi) }
}

/// `true` with probability `p`.
pub(super) fn chance(rng: &mut Rng, p: f64) -> bool {
    rng.random::<f64>() < p
}

/// A uniformly chosen element.
pub(super) fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> Option<&'a T> {
    if items.is_empty() { None } else { items.get(rng.random_range(0..items.len())) }
}

/// An index drawn with probability proportional to `weights`; `None` if no weight is positive.
pub(super) fn weighted(rng: &mut Rng, weights: &[f64]) -> Option<usize> {
    let total: f64 = weights.iter().filter(|w| w.is_finite() && **w > 0.0).sum();
    if total <= 0.0 || !total.is_finite() {
        return None;
    }
    let mut u = rng.random::<f64>() * total;
    let mut last = None;
    for (i, &w) in weights.iter().enumerate() {
        if w.is_finite() && w > 0.0 {
            if u < w {
                return Some(i);
            }
            u -= w;
            last = Some(i);
        }
    }
    last
}

/// Up to `k` distinct indices drawn one after the other with probability proportional to
/// `weights` (successive sampling without replacement).
pub(super) fn weighted_distinct(rng: &mut Rng, weights: &[f64], k: usize) -> Vec<usize> {
    let mut w = weights.to_vec();
    let mut out = Vec::with_capacity(k.min(w.len()));
    while out.len() < k {
        match weighted(rng, &w) {
            Some(i) => {
                out.push(i);
                w[i] = 0.0;
            }
            None => break,
        }
    }
    out
}

/// Splits a non-negative integer `total` into parts proportional to `weights` by the
/// largest-remainder method: the parts are non-negative and add up to `total` exactly.
pub(super) fn split_units(total: i64, weights: &[f64]) -> Vec<i64> {
    let n = weights.len();
    if n == 0 {
        return Vec::new();
    }
    let total = total.max(0);
    let shares = normalise(weights);
    let exact: Vec<f64> = shares.iter().map(|s| total as f64 * s).collect();
    let mut parts: Vec<i64> = exact.iter().map(|x| (x.floor() as i64).clamp(0, total)).collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())).then(a.cmp(&b)));
    let mut rest = total - parts.iter().sum::<i64>();
    let mut i = 0usize;
    while rest > 0 {
        parts[order[i % n]] += 1;
        rest -= 1;
        i += 1;
    }
    while rest < 0 {
        match (0..n).rev().find(|&j| parts[j] > 0) {
            Some(j) => {
                parts[j] -= 1;
                rest += 1;
            }
            None => break,
        }
    }
    parts
}

/// Rounds to `decimals` decimal places.
pub(super) fn round_to(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

/// An amount in cents as EUR.
pub(super) fn eur(cents: i64) -> f64 {
    cents as f64 / 100.0
}

/// A calendar date (1 January 1970 for an impossible one, which the tables never ask for).
pub(super) fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// `d` plus `months` calendar months (unchanged on overflow).
pub(super) fn add_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(Months::new(months)).unwrap_or(d)
}

/// `d` plus `days` days (unchanged on overflow).
pub(super) fn add_days(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(Days::new(days)).unwrap_or(d)
}

/// `d` minus `days` days (unchanged on overflow).
pub(super) fn sub_days(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(days)).unwrap_or(d)
}

/// A uniformly drawn date in `from..=to` (`from` if the range is empty).
pub(super) fn date_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days();
    if span <= 0 { from } else { add_days(from, rng.random_range(0..=span as u64)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_adds_up_exactly() {
        let parts = split_units(1_234_567, &[0.3, 0.2, 0.5, 1e-9, 0.0]);
        assert_eq!(parts.iter().sum::<i64>(), 1_234_567);
        assert!(parts.iter().all(|p| *p >= 0));
        assert_eq!(split_units(7, &[0.0, 0.0]).iter().sum::<i64>(), 7);
        assert_eq!(split_units(-5, &[1.0]), vec![0]);
        assert!(split_units(3, &[]).is_empty());
        assert_eq!(split_units(10, &[f64::NAN, 1.0]), vec![0, 10]);
    }

    #[test]
    fn draws_are_total() {
        let mut rng = stream(1, 0);
        assert_eq!(gamma(&mut rng, 0.0), 0.0);
        assert_eq!(poisson(&mut rng, f64::NAN), 0.0);
        assert!(weighted(&mut rng, &[0.0, -1.0]).is_none());
        assert_eq!(weighted(&mut rng, &[0.0, 2.0]), Some(1));
        let d = dirichlet(&mut rng, &[1e-300, 1e-300]);
        assert!((d.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert_eq!(weighted_distinct(&mut rng, &[1.0, 1.0, 0.0], 5).len(), 2);
        assert_eq!(int(&mut rng, 4, 2), 4);
    }
}
