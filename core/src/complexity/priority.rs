//! Priority maps: candidate activities of a region by relatedness density and complexity,
//! in the four quadrants of Balland, Boschma, Crespo & Rigby (2019).

use ndarray::Array2;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::indices::{ComplexityParams, complexity_of};
use super::relatedness::{RelatednessParams, density_kernel, relatedness_named};
use super::sparse::{Bipartite, Names};
use super::stats::average_ranks;
use crate::error::{Error, Result};
use crate::model::LabelledMatrix;
use crate::specialisation::{Handling, RcaParams, rca_values};

/// The quadrants of the smart-specialisation framework of Balland et al. (2019, Fig. 1):
/// relatedness density (risk) against knowledge complexity (gain).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// High relatedness, high complexity: the ideal case.
    LowRiskHighGain,
    /// Low relatedness, high complexity: a leap.
    HighRiskHighGain,
    /// High relatedness, low complexity: safe but of little value.
    LowRiskLowGain,
    /// Low relatedness, low complexity: the least desirable.
    HighRiskLowGain,
}

impl Quadrant {
    /// A short human label, e.g. `low risk, high gain`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Quadrant::LowRiskHighGain => "low risk, high gain",
            Quadrant::HighRiskHighGain => "high risk, high gain",
            Quadrant::LowRiskLowGain => "low risk, low gain",
            Quadrant::HighRiskLowGain => "high risk, low gain",
        }
    }

    fn of(high_density: bool, high_complexity: bool) -> Self {
        match (high_density, high_complexity) {
            (true, true) => Quadrant::LowRiskHighGain,
            (false, true) => Quadrant::HighRiskHighGain,
            (true, false) => Quadrant::LowRiskLowGain,
            (false, false) => Quadrant::HighRiskLowGain,
        }
    }
}

/// Where the quadrant boundaries lie, computed over the region's candidate activities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum ThresholdRule {
    /// The median (default).
    #[default]
    Median,
    /// The mean.
    Mean,
}

/// Options of [`priority_map`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PriorityParams {
    /// Presence threshold on RCA. Default 1.
    pub threshold: f64,
    /// Relatedness behind the density. Default proximity.
    pub relatedness: RelatednessParams,
    /// Complexity of activities. Default the eigenvector PCI.
    pub complexity: ComplexityParams,
    /// Quadrant boundaries. Default the medians over the candidates.
    pub rule: ThresholdRule,
    /// Number of recommendations. Default 10.
    pub top: usize,
    /// Present related activities cited as evidence per recommendation. Default 3.
    pub evidence: usize,
    /// Weight of density (against complexity) in the score, in [0, 1]. Default 0.5.
    pub density_weight: f64,
}

impl Default for PriorityParams {
    fn default() -> Self {
        Self {
            threshold: 1.0,
            relatedness: RelatednessParams::default(),
            complexity: ComplexityParams::default(),
            rule: ThresholdRule::Median,
            top: 10,
            evidence: 3,
            density_weight: 0.5,
        }
    }
}

impl PriorityParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`threshold`, `density_weight`, or those of the nested
    /// complexity parameters).
    pub fn check(&self) -> Result<&Self> {
        if !(self.threshold.is_finite() && self.threshold > 0.0) {
            return Err(Error::param("threshold", format!("must be finite and positive, got {}", self.threshold)));
        }
        if !(0.0..=1.0).contains(&self.density_weight) {
            return Err(Error::param("density_weight", format!("must be in [0, 1], got {}", self.density_weight)));
        }
        self.complexity.check()?;
        self.relatedness.check()?;
        Ok(self)
    }
}

/// One activity on a region's priority map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PriorityPoint {
    /// Activity label.
    pub activity: String,
    /// Relatedness density of the region in the activity, in [0, 1].
    pub density: f64,
    /// Complexity of the activity.
    pub complexity: f64,
    /// Whether the region already has the activity (RCA at least the threshold).
    pub present: bool,
    /// Quadrant, for candidate (absent) activities.
    pub quadrant: Option<Quadrant>,
}

/// A present activity related to a recommended one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RelatedActivity {
    /// The present activity.
    pub activity: String,
    /// Its relatedness to the recommended activity.
    pub relatedness: f64,
}

/// A recommended activity with the evidence behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PriorityRecommendation {
    /// 1 for the first.
    pub rank: usize,
    /// Activity label.
    pub activity: String,
    /// Its quadrant.
    pub quadrant: Quadrant,
    /// Relatedness density.
    pub density: f64,
    /// Complexity.
    pub complexity: f64,
    /// Percentile of the density among the region's candidates, in (0, 100].
    pub density_percentile: f64,
    /// Percentile of the complexity among the region's candidates, in (0, 100].
    pub complexity_percentile: f64,
    /// `w density_percentile + (1 - w) complexity_percentile`.
    pub score: f64,
    /// The present activities most related to it, strongest first.
    pub evidence: Vec<RelatedActivity>,
    /// One sentence for a reader.
    pub rationale: String,
}

/// The priority map of one region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PriorityMap {
    /// Region label.
    pub region: String,
    /// Activities present in the region.
    pub present: usize,
    /// Density boundary between low and high relatedness.
    pub density_threshold: f64,
    /// Complexity boundary between low and high complexity.
    pub complexity_threshold: f64,
    /// Every activity with a finite complexity, in input order.
    pub points: Vec<PriorityPoint>,
    /// Recommended candidates: by quadrant (low risk / high gain first), then score.
    pub recommendations: Vec<PriorityRecommendation>,
}

struct Shared {
    rows: Vec<String>,
    cols: Vec<String>,
    presence: Array2<f64>,
    relatedness: Array2<f64>,
    density: Array2<f64>,
    complexity: Vec<f64>,
}

fn shared(counts: &LabelledMatrix, params: &PriorityParams) -> Result<Shared> {
    params.check()?;
    let rca_params = RcaParams {
        zero_rows: Handling::Drop,
        zero_cols: Handling::Drop,
        threshold: params.threshold,
        ..RcaParams::default()
    };
    let kept = rca_values(counts.values(), &rca_params)?;
    let rows: Vec<String> = kept.rows.iter().map(|&i| counts.rows()[i].clone()).collect();
    let cols: Vec<String> = kept.cols.iter().map(|&j| counts.cols()[j].clone()).collect();
    let presence = kept.values.mapv(|x| if x >= params.threshold { 1.0 } else { 0.0 });
    let names = Names::of(&rows, &cols);
    let relatedness = relatedness_named(
        if params.relatedness.method == super::RelatednessMethod::Correlation {
            kept.values.view()
        } else {
            presence.view()
        },
        params.relatedness,
        names,
    )?;
    let density = density_kernel(presence.view(), relatedness.view());
    let c = complexity_of(&Bipartite::new(presence.view()), &params.complexity)?;
    Ok(Shared { rows, cols, presence, relatedness, density, complexity: c.pci.to_vec() })
}

fn threshold(x: &[f64], rule: ThresholdRule) -> f64 {
    if x.is_empty() {
        return f64::NAN;
    }
    match rule {
        ThresholdRule::Mean => x.iter().sum::<f64>() / x.len() as f64,
        ThresholdRule::Median => {
            let mut s = x.to_vec();
            s.sort_by(f64::total_cmp);
            let n = s.len();
            if n % 2 == 1 { s[n / 2] } else { f64::midpoint(s[n / 2 - 1], s[n / 2]) }
        }
    }
}

fn map_for(s: &Shared, r: usize, params: &PriorityParams) -> PriorityMap {
    let m = s.cols.len();
    let cand: Vec<usize> = (0..m).filter(|&j| s.presence[[r, j]] == 0.0 && s.complexity[j].is_finite()).collect();
    let dens: Vec<f64> = cand.iter().map(|&j| s.density[[r, j]]).collect();
    let comp: Vec<f64> = cand.iter().map(|&j| s.complexity[j]).collect();
    let (dt, ct) = (threshold(&dens, params.rule), threshold(&comp, params.rule));
    let n = cand.len() as f64;
    let dp: Vec<f64> = average_ranks(&dens).iter().map(|x| 100.0 * x / n).collect();
    let cp: Vec<f64> = average_ranks(&comp).iter().map(|x| 100.0 * x / n).collect();
    let quadrant = |d: f64, c: f64| Quadrant::of(d >= dt, c >= ct);
    let points = (0..m)
        .filter(|&j| s.complexity[j].is_finite())
        .map(|j| {
            let present = s.presence[[r, j]] == 1.0;
            PriorityPoint {
                activity: s.cols[j].clone(),
                density: s.density[[r, j]],
                complexity: s.complexity[j],
                present,
                quadrant: if present { None } else { Some(quadrant(s.density[[r, j]], s.complexity[j])) },
            }
        })
        .collect();
    let w = params.density_weight;
    let mut recs: Vec<(Quadrant, f64, usize, usize)> = cand
        .iter()
        .enumerate()
        .map(|(k, &j)| (quadrant(dens[k], comp[k]), w * dp[k] + (1.0 - w) * cp[k], k, j))
        .collect();
    recs.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(s.cols[a.3].cmp(&s.cols[b.3])));
    let present: Vec<usize> = (0..m).filter(|&j| s.presence[[r, j]] == 1.0).collect();
    let recommendations = recs
        .into_iter()
        .take(params.top)
        .enumerate()
        .map(|(i, (q, score, k, j))| {
            let mut ev: Vec<(f64, usize)> = present.iter().map(|&p| (s.relatedness[[p, j]], p)).collect();
            ev.sort_by(|a, b| b.0.total_cmp(&a.0).then(s.cols[a.1].cmp(&s.cols[b.1])));
            let evidence: Vec<RelatedActivity> = ev
                .into_iter()
                .filter(|(v, _)| *v > 0.0)
                .take(params.evidence)
                .map(|(v, p)| RelatedActivity { activity: s.cols[p].clone(), relatedness: v })
                .collect();
            let cited = if evidence.is_empty() {
                "no related activity present".to_owned()
            } else {
                let list: Vec<String> =
                    evidence.iter().map(|e| format!("{} ({:.2})", e.activity, e.relatedness)).collect();
                format!("related to {}", list.join(", "))
            };
            let rationale = format!(
                "{}: density {:.3} ({:.0}th percentile of candidates), complexity {:.3} ({:.0}th percentile); {cited}",
                q.label(),
                dens[k],
                dp[k],
                comp[k],
                cp[k]
            );
            PriorityRecommendation {
                rank: i + 1,
                activity: s.cols[j].clone(),
                quadrant: q,
                density: dens[k],
                complexity: comp[k],
                density_percentile: dp[k],
                complexity_percentile: cp[k],
                score,
                evidence,
                rationale,
            }
        })
        .collect();
    PriorityMap {
        region: s.rows[r].clone(),
        present: present.len(),
        density_threshold: dt,
        complexity_threshold: ct,
        points,
        recommendations,
    }
}

/// The priority map of one region: which activities it could move into, how risky and how
/// valuable each is, and a ranked list of recommendations with their evidence.
///
/// Formula: from the counts, RCA and presence (`RCA >= threshold`; regions and
/// activities with a zero total are dropped), relatedness `R` by `params.relatedness`,
/// density `d_ra = sum_k M_rk R_ka / sum_k R_ka`, activity complexity by
/// `params.complexity`. Candidates are the activities absent from the region. A candidate
/// has high relatedness when its density is at least the median (or mean) density of the
/// region's candidates, and high complexity likewise; the two tests give the quadrant of
/// Balland et al. (2019). Recommendations are ordered by quadrant (low risk / high gain,
/// high risk / high gain, low risk / low gain, high risk / low gain), then by
/// `score = w pd + (1 - w) pc` with `pd`, `pc` the percentiles (average ranks over the
/// candidates, times 100 / n), then by label. Each cites the present activities most
/// related to it.
///
/// Arguments: `counts` (regions x activities, non-negative), `region` (a row label),
/// `params`.
///
/// # Errors
/// [`Error::UnknownLabel`] for an unknown region (or one dropped for a zero total); the
/// errors of [`specialisation::rca`](crate::specialisation::rca),
/// [`relatedness`](super::relatedness) and [`economic_complexity`](super::economic_complexity).
///
/// Complexity: as the relatedness and complexity computations, plus O(m log m) per region.
///
/// ```
/// use clusterpolicy::complexity::{PriorityParams, Quadrant, priority_map};
/// use clusterpolicy::sample;
/// let ds = sample::south_east_europe();
/// let panel = clusterpolicy::specialisation::observation_panel(&ds, "employment")?;
/// let latest = panel.year(*panel.years().last().unwrap())?;
/// let map = priority_map(&latest, &latest.rows()[0].clone(), &PriorityParams::default())?;
/// assert!(!map.recommendations.is_empty());
/// assert_eq!(map.recommendations[0].rank, 1);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Balland, Boschma, Crespo & Rigby (2019), "Smart specialization policy in the
/// European Union: relatedness, knowledge complexity and regional diversification",
/// *Regional Studies* 53(9): 1252-1268; Hidalgo et al. (2007) for density.
pub fn priority_map(counts: &LabelledMatrix, region: &str, params: &PriorityParams) -> Result<PriorityMap> {
    Ok(priority_maps(counts, &[region.to_owned()], params)?.remove(0))
}

/// [`priority_map`] for several regions, sharing the relatedness and complexity
/// computation; in the order given.
///
/// # Errors
/// As [`priority_map`].
///
/// Complexity: as [`priority_map`], once.
///
/// ```
/// use clusterpolicy::complexity::{PriorityParams, priority_maps};
/// use clusterpolicy::sample;
/// let ds = sample::south_east_europe();
/// let panel = clusterpolicy::specialisation::observation_panel(&ds, "employment")?;
/// let latest = panel.year(*panel.years().last().unwrap())?;
/// let maps = priority_maps(&latest, &latest.rows()[..2], &PriorityParams::default())?;
/// assert_eq!(maps.len(), 2);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: as [`priority_map`].
pub fn priority_maps(counts: &LabelledMatrix, regions: &[String], params: &PriorityParams) -> Result<Vec<PriorityMap>> {
    let s = shared(counts, params)?;
    regions
        .iter()
        .map(|region| {
            let r = s
                .rows
                .iter()
                .position(|x| x == region)
                .ok_or_else(|| Error::UnknownLabel { kind: "region".into(), id: region.clone() })?;
            Ok(map_for(&s, r, params))
        })
        .collect()
}
