//! Backtests: would density (or any score) have predicted where regions diversified?

use ndarray::{Array2, ArrayView2, Axis};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::relatedness::{RelatednessMethod, RelatednessParams, density_kernel, relatedness_named};
use super::sparse::Names;
use super::stats::average_ranks;
use crate::error::{Error, Result};
use crate::model::Panel;
use crate::specialisation::{RcaParams, rca_values};

/// Options of [`backtest`] and [`backtest_scores`].
///
/// ```
/// use clusterpolicy::complexity::BacktestParams;
/// let p: BacktestParams = serde_json::from_str(r#"{"buffer": 0.25, "top_k": 3}"#).unwrap();
/// assert_eq!(p.horizon, None);
/// assert!(p.check().is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct BacktestParams {
    /// Years between the prediction year `t` and the outcome year `t + k`; every pair of
    /// panel years that far apart is tested. Default `None`: each pair of consecutive panel
    /// years.
    pub horizon: Option<u32>,
    /// RCA presence threshold. Default 1.
    pub threshold: f64,
    /// Buffer band around the threshold, in RCA units: a cell is absent when
    /// `RCA < threshold - buffer` and present when `RCA >= threshold + buffer`. Default 0.
    pub buffer: f64,
    /// Number of top-scored candidates per region for precision@k. Default 5.
    pub top_k: usize,
    /// Relatedness behind the density predictor of [`backtest`]. Default proximity.
    pub relatedness: RelatednessParams,
}

impl Default for BacktestParams {
    fn default() -> Self {
        Self { horizon: None, threshold: 1.0, buffer: 0.0, top_k: 5, relatedness: RelatednessParams::default() }
    }
}

impl BacktestParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`]: `threshold` not finite and positive; `buffer` negative
    /// or not below `threshold`; `top_k` 0; `horizon` 0.
    pub fn check(&self) -> Result<&Self> {
        if !(self.threshold.is_finite() && self.threshold > 0.0) {
            return Err(Error::param("threshold", format!("must be finite and positive, got {}", self.threshold)));
        }
        if !(self.buffer >= 0.0 && self.buffer < self.threshold) {
            return Err(Error::param("buffer", format!("must be in [0, threshold), got {}", self.buffer)));
        }
        if self.top_k == 0 {
            return Err(Error::param("top_k", "must be at least 1"));
        }
        if self.horizon == Some(0) {
            return Err(Error::param("horizon", "must be at least 1 year"));
        }
        Ok(self)
    }
}

/// Metrics of one region over one pair of years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BacktestRegion {
    /// Region label.
    pub region: String,
    /// Prediction year `t`.
    pub from: i32,
    /// Outcome year `t + k`.
    pub to: i32,
    /// Candidate cells: absent at `t` with a score, and absent or present (not in the band)
    /// at `t + k`.
    pub candidates: usize,
    /// Entries: candidates present at `t + k`.
    pub entries: usize,
    /// ROC AUC of the score (None without both entries and non-entries).
    pub auc: Option<f64>,
    /// Average precision of the score (None without entries).
    pub average_precision: Option<f64>,
    /// Share of entries among the `min(top_k, candidates)` best-scored candidates (ties at
    /// the cut counted by their expected share).
    pub precision_at_k: Option<f64>,
    /// `entries / candidates`: the precision of a random pick, and the AP of a random score.
    pub baseline: Option<f64>,
}

/// Metrics pooled over regions (and over one or all pairs of years).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BacktestSummary {
    /// Prediction year, or None when pooled over all pairs.
    pub from: Option<i32>,
    /// Outcome year, or None when pooled over all pairs.
    pub to: Option<i32>,
    /// Region rows (one per region and pair of years) with at least one candidate.
    pub regions: usize,
    /// Candidate cells.
    pub candidates: usize,
    /// Entries.
    pub entries: usize,
    /// ROC AUC over all candidate cells together (random: 0.5).
    pub auc: Option<f64>,
    /// Average precision over all candidate cells together.
    pub average_precision: Option<f64>,
    /// `entries / candidates`: the average precision of a random score.
    pub baseline_average_precision: Option<f64>,
    /// Mean over regions of precision@k.
    pub precision_at_k: Option<f64>,
    /// Mean over the same regions of their entry rate: precision@k of a random pick.
    pub baseline_precision_at_k: Option<f64>,
    /// `precision_at_k / baseline_precision_at_k`.
    pub lift_at_k: Option<f64>,
}

/// The result of a backtest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Backtest {
    /// The predictor, e.g. `density (proximity)` or `supplied scores`.
    pub predictor: String,
    /// The `k` of precision@k.
    pub top_k: usize,
    /// The buffer band.
    pub buffer: f64,
    /// Per region and pair of years, pairs outer, regions in panel order.
    pub regions: Vec<BacktestRegion>,
    /// Pooled per pair of years, then over all pairs (the last entry).
    pub pooled: Vec<BacktestSummary>,
}

/// One cell's status between `t` and `t + k`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Entry,
    NoEntry,
    Excluded,
}

fn pairs(years: &[i32], horizon: Option<u32>) -> Vec<(usize, usize)> {
    match horizon {
        None => (1..years.len()).map(|i| (i - 1, i)).collect(),
        Some(h) => {
            let mut out = Vec::new();
            for (a, &ya) in years.iter().enumerate() {
                if let Some(b) = years.iter().position(|&yb| i64::from(yb) - i64::from(ya) == i64::from(h)) {
                    out.push((a, b));
                }
            }
            out
        }
    }
}

fn rca_year(panel: &Panel, t: usize) -> Result<Array2<f64>> {
    let v = panel.values().index_axis_move(Axis(0), t);
    Ok(rca_values(v, &RcaParams::default())?.values)
}

fn status(rca_t: f64, rca_k: f64, p: &BacktestParams) -> Status {
    let (lo, hi) = (p.threshold - p.buffer, p.threshold + p.buffer);
    if rca_t.is_nan() || rca_t >= lo || rca_k.is_nan() {
        Status::Excluded
    } else if rca_k >= hi {
        Status::Entry
    } else if rca_k < lo {
        Status::NoEntry
    } else {
        Status::Excluded
    }
}

/// ROC AUC by the Mann-Whitney statistic with average ranks for ties.
pub(crate) fn auc(scores: &[f64], labels: &[bool]) -> Option<f64> {
    let pos = labels.iter().filter(|&&l| l).count();
    let neg = labels.len() - pos;
    if pos == 0 || neg == 0 {
        return None;
    }
    let ranks = average_ranks(scores);
    let sum: f64 = ranks.iter().zip(labels).filter(|(_, l)| **l).map(|(r, _)| r).sum();
    let (p, n) = (pos as f64, neg as f64);
    Some((sum - p * (p + 1.0) / 2.0) / (p * n))
}

/// Average precision as scikit-learn's `average_precision_score`: `sum_i (R_i - R_{i-1}) P_i`
/// over the distinct score thresholds, highest first.
pub(crate) fn average_precision(scores: &[f64], labels: &[bool]) -> Option<f64> {
    let pos = labels.iter().filter(|&&l| l).count();
    if pos == 0 {
        return None;
    }
    let mut idx: Vec<usize> = (0..scores.len()).collect();
    idx.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (mut tp, mut seen, mut ap, mut last_recall) = (0usize, 0usize, 0.0, 0.0);
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j < idx.len() && scores[idx[j]] == scores[idx[i]] {
            if labels[idx[j]] {
                tp += 1;
            }
            j += 1;
        }
        seen = j;
        let recall = tp as f64 / pos as f64;
        ap += (recall - last_recall) * (tp as f64 / seen as f64);
        last_recall = recall;
        i = j;
    }
    let _ = seen;
    Some(ap)
}

/// Precision of the `k` best scores, counting a tie group that straddles the cut by its
/// expected share of entries.
pub(crate) fn precision_at_k(scores: &[f64], labels: &[bool], k: usize) -> Option<f64> {
    let k = k.min(scores.len());
    if k == 0 {
        return None;
    }
    let mut idx: Vec<usize> = (0..scores.len()).collect();
    idx.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let cut = scores[idx[k - 1]];
    let above = idx.iter().filter(|&&i| scores[i] > cut).count();
    let hits_above = idx.iter().filter(|&&i| scores[i] > cut && labels[i]).count();
    let tie: Vec<usize> = idx.iter().copied().filter(|&i| scores[i] == cut).collect();
    let hits_tie = tie.iter().filter(|&&i| labels[i]).count();
    let expected = hits_above as f64 + (k - above) as f64 * hits_tie as f64 / tie.len() as f64;
    Some(expected / k as f64)
}

fn summary(from: Option<i32>, to: Option<i32>, cells: &[(f64, bool)], regions: &[BacktestRegion]) -> BacktestSummary {
    let scores: Vec<f64> = cells.iter().map(|c| c.0).collect();
    let labels: Vec<bool> = cells.iter().map(|c| c.1).collect();
    let entries = labels.iter().filter(|&&l| l).count();
    let with: Vec<&BacktestRegion> = regions.iter().filter(|r| r.candidates > 0).collect();
    let mean = |f: &dyn Fn(&BacktestRegion) -> Option<f64>| -> Option<f64> {
        if with.is_empty() {
            return None;
        }
        Some(with.iter().filter_map(|r| f(r)).sum::<f64>() / with.len() as f64)
    };
    let p_at_k = mean(&|r| r.precision_at_k);
    let base = mean(&|r| r.baseline);
    BacktestSummary {
        from,
        to,
        regions: with.len(),
        candidates: cells.len(),
        entries,
        auc: auc(&scores, &labels),
        average_precision: average_precision(&scores, &labels),
        baseline_average_precision: if cells.is_empty() { None } else { Some(entries as f64 / cells.len() as f64) },
        precision_at_k: p_at_k,
        baseline_precision_at_k: base,
        lift_at_k: match (p_at_k, base) {
            (Some(p), Some(b)) if b > 0.0 => Some(p / b),
            _ => None,
        },
    }
}

/// Scores of the candidates at prediction year index `t` given that year's RCA.
type ScoreFn<'a> = dyn Fn(usize, &Array2<f64>) -> Result<Array2<f64>> + 'a;

fn run(panel: &Panel, params: &BacktestParams, predictor: String, score: &ScoreFn<'_>) -> Result<Backtest> {
    params.check()?;
    let years = panel.years();
    let pairs = pairs(years, params.horizon);
    if pairs.is_empty() {
        return Err(Error::Empty {
            what: format!(
                "pairs of panel years {} apart",
                params.horizon.map_or("consecutive".to_owned(), |h| format!("{h} years"))
            ),
        });
    }
    let mut regions = Vec::new();
    let mut pooled = Vec::new();
    let mut all_cells = Vec::new();
    for &(a, b) in &pairs {
        let rca_a = rca_year(panel, a)?;
        let rca_b = rca_year(panel, b)?;
        let s = score(a, &rca_a)?;
        let mut pair_cells = Vec::new();
        let first = regions.len();
        for (i, region) in panel.rows().iter().enumerate() {
            let mut cells = Vec::new();
            for j in 0..panel.cols().len() {
                let sc = s[[i, j]];
                if sc.is_nan() {
                    continue;
                }
                match status(rca_a[[i, j]], rca_b[[i, j]], params) {
                    Status::Entry => cells.push((sc, true)),
                    Status::NoEntry => cells.push((sc, false)),
                    Status::Excluded => {}
                }
            }
            let scores: Vec<f64> = cells.iter().map(|c| c.0).collect();
            let labels: Vec<bool> = cells.iter().map(|c| c.1).collect();
            let entries = labels.iter().filter(|&&l| l).count();
            regions.push(BacktestRegion {
                region: region.clone(),
                from: years[a],
                to: years[b],
                candidates: cells.len(),
                entries,
                auc: auc(&scores, &labels),
                average_precision: average_precision(&scores, &labels),
                precision_at_k: precision_at_k(&scores, &labels, params.top_k),
                baseline: if cells.is_empty() { None } else { Some(entries as f64 / cells.len() as f64) },
            });
            pair_cells.extend(cells);
        }
        pooled.push(summary(Some(years[a]), Some(years[b]), &pair_cells, &regions[first..]));
        all_cells.extend(pair_cells);
    }
    pooled.push(summary(None, None, &all_cells, &regions));
    Ok(Backtest { predictor, top_k: params.top_k, buffer: params.buffer, regions, pooled })
}

/// Backtests relatedness density as a predictor of diversification.
///
/// Definition of an entry: with `lo = threshold - buffer` and `hi = threshold + buffer`
/// (RCA units), a cell (region, activity) is a candidate at year `t` when its RCA is below
/// `lo`; it is an *entry* when its RCA at `t + k` is at least `hi`, a *non-entry* when it
/// is below `lo`, and left out when it lands in the band `[lo, hi)` (so with the default
/// `buffer = 0`: absent at `t`, present at `t + k`). Cells whose RCA is undefined (a zero
/// region or activity total) are left out.
///
/// The score of a candidate is its relatedness density at `t`: `d_ra = sum_k M_rk R_ka /
/// sum_k R_ka` with presence `M = RCA_t >= threshold` and relatedness `R` computed from
/// year `t` alone (no look-ahead). For each region and pair of years, and pooled, we report
/// ROC AUC (Mann-Whitney, ties averaged; random 0.5), average precision (scikit-learn's
/// definition; random = entry rate) and precision@k (the share of entries among the `k`
/// best-scored candidates; random = entry rate). Pooled AUC and AP rank all candidate cells
/// together; pooled precision@k and its baseline average the regions.
///
/// Arguments: `panel`, non-negative counts (regions x activities per year); `params`.
///
/// # Errors
/// [`Error::Empty`] when no pair of years fits the horizon; the errors of
/// [`specialisation::rca`](crate::specialisation::rca) for the counts and of
/// [`relatedness`](super::relatedness).
///
/// Complexity: per pair of years, the relatedness and density computations plus
/// O(c log c) for c candidate cells.
///
/// ```
/// use clusterpolicy::complexity::{BacktestParams, backtest};
/// use clusterpolicy::specialisation::observation_panel;
/// use clusterpolicy::sample;
/// let panel = observation_panel(&sample::south_east_europe(), "employment")?;
/// let bt = backtest(&panel, &BacktestParams::default())?;
/// let all = bt.pooled.last().unwrap();
/// assert_eq!(all.from, None);
/// assert!(all.candidates > 0);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Hidalgo et al. (2007) and Neffke, Henning & Boschma (2011), *Economic
/// Geography* 87(3): 237-265 (density predicts entry); Balland et al. (2019) (entry
/// regressions); metrics as scikit-learn 1.x `roc_auc_score` and `average_precision_score`.
pub fn backtest(panel: &Panel, params: &BacktestParams) -> Result<Backtest> {
    let rel = params.relatedness;
    let score = |_: usize, rca: &Array2<f64>| -> Result<Array2<f64>> {
        let presence = rca.mapv(|x| if x >= params.threshold { 1.0 } else { 0.0 });
        let basis: ArrayView2<'_, f64> =
            if rel.method == RelatednessMethod::Correlation { rca.view() } else { presence.view() };
        let cleaned;
        let basis = if rel.method == RelatednessMethod::Correlation {
            cleaned = basis.mapv(|x| if x.is_nan() { 0.0 } else { x });
            cleaned.view()
        } else {
            basis
        };
        let r = relatedness_named(basis, rel, Names::of(panel.rows(), panel.cols()))?;
        Ok(density_kernel(presence.view(), r.view()))
    };
    let name = format!(
        "density ({})",
        serde_json::to_value(rel.method).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    );
    run(panel, params, name, &score)
}

/// Backtests any score: `scores` holds, for each prediction year, a score per region and
/// activity (higher = more likely to enter); NaN scores are left out.
///
/// Definition of entries and metrics as [`backtest`].
///
/// Arguments: `panel` (counts), `scores` (same years, regions and activities), `params`
/// (`relatedness` is not used).
///
/// # Errors
/// [`Error::ShapeMismatch`] / [`Error::UnknownLabel`] when `scores` is not on the labels of
/// `panel`; otherwise as [`backtest`].
///
/// Complexity: O(c log c) per pair of years for c candidate cells.
///
/// ```
/// use clusterpolicy::complexity::{BacktestParams, backtest_scores};
/// use clusterpolicy::specialisation::observation_panel;
/// use clusterpolicy::{model::Panel, sample};
/// let panel = observation_panel(&sample::south_east_europe(), "employment")?;
/// // The size of the activity in the region as a naive score.
/// let scores = Panel::new(panel.years().to_vec(), panel.rows().to_vec(), panel.cols().to_vec(),
///     panel.values().to_owned())?;
/// let bt = backtest_scores(&panel, &scores, &BacktestParams::default())?;
/// assert_eq!(bt.predictor, "supplied scores");
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: as [`backtest`].
pub fn backtest_scores(panel: &Panel, scores: &Panel, params: &BacktestParams) -> Result<Backtest> {
    if scores.values().dim() != panel.values().dim() {
        return Err(Error::ShapeMismatch {
            what: "scores panel".into(),
            expected: format!("{:?} (years x regions x activities of the panel)", panel.values().dim()),
            found: format!("{:?}", scores.values().dim()),
        });
    }
    for (kind, a, b) in [("region", panel.rows(), scores.rows()), ("activity", panel.cols(), scores.cols())] {
        if let Some((x, _)) = a.iter().zip(b).find(|(x, y)| x != y) {
            return Err(Error::UnknownLabel { kind: format!("{kind} of the scores panel"), id: x.clone() });
        }
    }
    if let Some((y, _)) = panel.years().iter().zip(scores.years()).find(|(x, y)| x != y) {
        return Err(Error::UnknownLabel { kind: "year of the scores panel".into(), id: y.to_string() });
    }
    let score = |t: usize, _: &Array2<f64>| -> Result<Array2<f64>> {
        let v = scores.values().index_axis_move(Axis(0), t).to_owned();
        if let Some(((i, j), x)) = v.indexed_iter().find(|(_, x)| x.is_infinite()) {
            return Err(Error::NonFinite {
                what: "scores".into(),
                at: format!(
                    "year {}, region `{}`, activity `{}`: {x}",
                    scores.years()[t],
                    scores.rows()[i],
                    scores.cols()[j]
                ),
            });
        }
        Ok(v)
    };
    run(panel, params, "supplied scores".into(), &score)
}
