//! Bootstrap intervals and ranking metrics shared by the synergy functions.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Which bootstrap interval is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IntervalMethod {
    /// The basic (reverse percentile) interval `[2 t - q_hi, 2 t - q_lo]` (Davison & Hinkley
    /// 1997, eq. 5.6): it corrects a shift of the replicates, such as the downward bias of
    /// plug-in entropies and of counts in resamples (default).
    #[default]
    Basic,
    /// The percentile interval `[q_lo, q_hi]` (Efron & Tibshirani 1993, ch. 13).
    Percentile,
}

/// A point estimate with a bootstrap interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Interval {
    /// The value on the data themselves, `t`.
    pub estimate: f64,
    /// Lower end of the interval.
    pub lower: f64,
    /// Upper end of the interval.
    pub upper: f64,
    /// Standard deviation of the replicates (n - 1): the bootstrap standard error.
    pub std_error: f64,
    /// Bootstrap estimate of the bias: mean of the replicates minus `t` (`t - bias` is the
    /// bias-corrected estimate).
    pub bias: f64,
}

/// Quantile `q` of sorted values with linear interpolation (NumPy's default, type 7).
pub(crate) fn quantile_sorted(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let h = (sorted.len() - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = h.ceil() as usize;
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

/// The bootstrap interval of `estimate` from its replicates (NaN replicates are left out):
/// `q_lo`, `q_hi` are the `(1 -+ confidence) / 2` quantiles.
pub(crate) fn interval(estimate: f64, mut reps: Vec<f64>, confidence: f64, method: IntervalMethod) -> Interval {
    reps.retain(|x| !x.is_nan());
    reps.sort_by(f64::total_cmp);
    let k = reps.len() as f64;
    let mean = reps.iter().sum::<f64>() / k;
    let var = reps.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (k - 1.0);
    let a = (1.0 - confidence) / 2.0;
    let (q_lo, q_hi) = (quantile_sorted(&reps, a), quantile_sorted(&reps, 1.0 - a));
    let (lower, upper) = match method {
        IntervalMethod::Percentile => (q_lo, q_hi),
        IntervalMethod::Basic => (2.0 * estimate - q_hi, 2.0 * estimate - q_lo),
    };
    Interval {
        estimate,
        lower,
        upper,
        std_error: if reps.len() > 1 { var.sqrt() } else { f64::NAN },
        bias: mean - estimate,
    }
}

/// ROC AUC, average precision and precision@k of one ranking, from one sort.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ranking {
    /// Mann-Whitney AUC with average ranks for ties (None without both classes).
    pub(crate) auc: Option<f64>,
    /// scikit-learn's average precision (None without positives).
    pub(crate) average_precision: Option<f64>,
    /// Precision of the `min(k, n)` best, ties at the cut by their expected share (None for
    /// no candidates).
    pub(crate) precision: Vec<Option<f64>>,
}

/// The metrics of `complexity`'s backtests (`auc`, `average_precision`, `precision_at_k`)
/// without sorting all cells: only the distinct scores of the positives matter for AUC and
/// AP, and the top `max k` for precision@k, so the cost is O(n log p + n) for n cells and
/// p positives. The cells are reordered. The unit tests check it against those functions.
pub(crate) fn ranking_metrics(cells: &mut [(f64, bool)], ks: &[usize]) -> Ranking {
    let n = cells.len();
    let mut thresholds: Vec<f64> = cells.iter().filter(|c| c.1).map(|c| c.0).collect();
    let pos = thresholds.len();
    thresholds.sort_unstable_by(|a, b| b.total_cmp(a));
    thresholds.dedup();
    let m = thresholds.len();
    // For each threshold slot q (= number of thresholds above the score): cells strictly
    // above t_q (and below t_{q-1}) and cells equal to t_q, split by label.
    let mut above = vec![[0usize; 2]; m + 1];
    let mut equal = vec![[0usize; 2]; m + 1];
    let lowest = thresholds.last().copied().unwrap_or(f64::INFINITY);
    for &(s, y) in cells.iter() {
        if s < lowest {
            // Below every positive: the common case, no search.
            above[m][usize::from(y)] += 1;
            continue;
        }
        let q = thresholds.partition_point(|&t| t > s);
        let l = usize::from(y);
        if q < m && thresholds[q] == s {
            equal[q][l] += 1;
        } else {
            above[q][l] += 1;
        }
    }
    let (p, nn) = (pos as f64, (n - pos) as f64);
    let (mut auc_sum, mut ap) = (0.0, 0.0);
    let mut higher = [0usize; 2]; // cells strictly above the current threshold
    let mut last_tp = 0usize;
    for q in 0..m {
        higher[0] += above[q][0];
        higher[1] += above[q][1];
        let (eq_neg, eq_pos) = (equal[q][0], equal[q][1]);
        let neg_below = (n - pos) - higher[0] - eq_neg;
        auc_sum += eq_pos as f64 * (neg_below as f64 + 0.5 * eq_neg as f64);
        let tp = higher[1] + eq_pos;
        let seen = higher[0] + higher[1] + eq_neg + eq_pos;
        ap += (tp - last_tp) as f64 / p * (tp as f64 / seen as f64);
        last_tp = tp;
        higher[0] += eq_neg;
        higher[1] += eq_pos;
    }
    // Precision@k: the k-th largest score and the ties around it.
    let kmax = ks.iter().map(|&k| k.min(n)).max().unwrap_or(0);
    let mut precision = vec![None; ks.len()];
    if kmax > 0 {
        if kmax < n {
            cells.select_nth_unstable_by(kmax - 1, |a, b| b.0.total_cmp(&a.0));
        }
        cells[..kmax].sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
        // One pass for every cut: cells above and at each cut score, and their hits.
        let cuts: Vec<f64> = ks.iter().map(|&k| if k.min(n) > 0 { cells[k.min(n) - 1].0 } else { f64::NAN }).collect();
        let lowest_cut = cuts.iter().copied().fold(f64::INFINITY, f64::min);
        let mut counts = vec![[0usize; 4]; cuts.len()]; // above, above hits, tie, tie hits
        for &(s, y) in cells.iter() {
            if s < lowest_cut {
                continue;
            }
            for (c, &cut) in counts.iter_mut().zip(&cuts) {
                if s > cut {
                    c[0] += 1;
                    c[1] += usize::from(y);
                } else if s == cut {
                    c[2] += 1;
                    c[3] += usize::from(y);
                }
            }
        }
        for ((slot, &k), c) in precision.iter_mut().zip(ks).zip(&counts) {
            let k = k.min(n);
            if k == 0 {
                continue;
            }
            let expected = c[1] as f64 + (k - c[0]) as f64 * c[3] as f64 / c[2] as f64;
            *slot = Some(expected / k as f64);
        }
    }
    Ranking {
        auc: (pos > 0 && pos < n).then(|| auc_sum / (p * nn)),
        average_precision: (pos > 0).then_some(ap),
        precision,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::complexity::{auc, average_precision, precision_at_k};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn one_sort_metrics_match_complexity(cells in proptest::collection::vec((0u8..6, any::<bool>()), 0..40)) {
            let scores: Vec<f64> = cells.iter().map(|c| f64::from(c.0) / 2.0).collect();
            let labels: Vec<bool> = cells.iter().map(|c| c.1).collect();
            let ks = [1, 3, 10, 100];
            let mut v: Vec<(f64, bool)> = scores.iter().copied().zip(labels.iter().copied()).collect();
            let r = ranking_metrics(&mut v, &ks);
            let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (Some(x), Some(y)) => (x - y).abs() < 1e-12,
                (None, None) => true,
                _ => false,
            };
            prop_assert!(close(r.auc, auc(&scores, &labels)));
            prop_assert!(close(r.average_precision, average_precision(&scores, &labels)));
            for (k, got) in ks.iter().zip(&r.precision) {
                prop_assert!(close(*got, precision_at_k(&scores, &labels, *k)));
            }
        }
    }

    #[test]
    fn numpy_quantiles() {
        // numpy.quantile([1, 2, 3, 4], [0.025, 0.5, 0.975]) = [1.075, 2.5, 3.925]
        let s = [1.0, 2.0, 3.0, 4.0];
        assert!((quantile_sorted(&s, 0.025) - 1.075).abs() < 1e-12);
        assert!((quantile_sorted(&s, 0.5) - 2.5).abs() < 1e-12);
        assert!((quantile_sorted(&s, 0.975) - 3.925).abs() < 1e-12);
        let i = interval(2.0, vec![4.0, 1.0, 3.0, 2.0], 0.95, IntervalMethod::Percentile);
        assert!((i.std_error - (5.0f64 / 3.0).sqrt()).abs() < 1e-12);
        assert!((i.lower - 1.075).abs() < 1e-12 && (i.bias - 0.5).abs() < 1e-12);
        let b = interval(2.0, vec![4.0, 1.0, 3.0, 2.0], 0.95, IntervalMethod::Basic);
        assert!((b.lower - (4.0 - 3.925)).abs() < 1e-12 && (b.upper - (4.0 - 1.075)).abs() < 1e-12);
    }
}
