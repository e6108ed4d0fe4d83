//! Pilot evaluation: difference-in-differences (two-period, and multi-period with region and
//! year fixed effects and cluster-robust standard errors), before/after comparisons.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::monitoring::{ObservationIndex, observed_years};
use super::stats::{t_quantile, t_two_sided_p};
use crate::error::{Error, Result};
use crate::model::{Dataset, SubjectRef};

/// One observation of an outcome for a unit (region, firm, cluster) in a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DidObservation {
    /// The unit (also the cluster of the standard errors).
    pub unit: String,
    /// The period (year).
    pub time: i32,
    /// The outcome.
    pub outcome: f64,
    /// Whether the unit is under treatment in this period (`D_it`: a pilot region after the
    /// pilot started).
    pub treated: bool,
}

/// Inference of an estimate with cluster-robust standard errors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DidEstimate {
    /// The difference-in-differences estimate.
    pub estimate: f64,
    /// Cluster-robust standard error (by unit), `None` without residual degrees of freedom or
    /// with a single cluster.
    pub std_error: Option<f64>,
    /// `estimate / std_error`.
    pub t_stat: Option<f64>,
    /// Two-sided p-value from Student's t with `clusters - 1` degrees of freedom.
    pub p_value: Option<f64>,
    /// Confidence interval at the requested level.
    pub ci: Option<[f64; 2]>,
    /// Observations used.
    pub observations: usize,
    /// Units (clusters).
    pub clusters: usize,
    /// Periods.
    pub periods: usize,
}

/// Result of [`did_two_period`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DidTwoPeriod {
    /// The two periods, before and after.
    pub periods: [i32; 2],
    /// Mean outcome of the treated group before.
    pub treated_before: f64,
    /// Mean outcome of the treated group after.
    pub treated_after: f64,
    /// Mean outcome of the comparison group before.
    pub control_before: f64,
    /// Mean outcome of the comparison group after.
    pub control_after: f64,
    /// `treated_after - treated_before`.
    pub change_treated: f64,
    /// `control_after - control_before`.
    pub change_control: f64,
    /// The estimate (`change_treated - change_control`) with its inference.
    pub did: DidEstimate,
}

/// Parameters of [`did_two_period`] and [`did_panel`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DidPanelParams {
    /// Confidence level of the interval, in (0, 1) (default 0.95).
    pub level: f64,
    /// Convergence tolerance of the fixed-effects projections, relative to the outcome's
    /// scale (default 1e-13; balanced panels converge in one sweep).
    pub tolerance: f64,
    /// Largest number of projection sweeps (default 10 000).
    pub max_iterations: usize,
}

impl Default for DidPanelParams {
    fn default() -> Self {
        Self { level: 0.95, tolerance: 1e-13, max_iterations: 10_000 }
    }
}

impl DidPanelParams {
    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the field.
    pub fn check(&self) -> Result<&Self> {
        if !(self.level > 0.0 && self.level < 1.0) {
            return Err(Error::param("level", format!("{} is outside (0, 1)", self.level)));
        }
        if !(self.tolerance.is_finite() && self.tolerance > 0.0) {
            return Err(Error::param("tolerance", format!("{} must be finite and > 0", self.tolerance)));
        }
        if self.max_iterations == 0 {
            return Err(Error::param("max_iterations", "must be at least 1"));
        }
        Ok(self)
    }
}

fn check_observations(obs: &[DidObservation]) -> Result<()> {
    if obs.is_empty() {
        return Err(Error::Empty { what: "observations".into() });
    }
    if let Some((i, o)) = obs.iter().enumerate().find(|(_, o)| !o.outcome.is_finite()) {
        return Err(Error::NonFinite {
            what: "outcome".into(),
            at: format!("observation {i} (unit `{}`, time {})", o.unit, o.time),
        });
    }
    Ok(())
}

/// Inference from a coefficient, its cluster-robust variance and the sample sizes.
fn inference(estimate: f64, variance: Option<f64>, n: usize, g: usize, t: usize, level: f64) -> DidEstimate {
    let se = variance.filter(|v| v.is_finite() && *v >= 0.0).map(f64::sqrt);
    let df = g as f64 - 1.0;
    let t_stat = se.filter(|s| *s > 0.0).map(|s| estimate / s);
    let p_value = t_stat.map(|t| t_two_sided_p(t, df));
    let ci = se.map(|s| {
        let q = t_quantile(0.5 + level / 2.0, df);
        [estimate - q * s, estimate + q * s]
    });
    DidEstimate { estimate, std_error: se, t_stat, p_value, ci, observations: n, clusters: g, periods: t }
}

/// Small-sample factor of the cluster-robust variance: `G/(G-1) (N-1)/(N-K)` (Stata's
/// `regress, vce(cluster)`, statsmodels `cov_type="cluster"`); `None` without degrees of
/// freedom.
fn cluster_factor(n: usize, k: usize, g: usize) -> Option<f64> {
    (g > 1 && n > k).then(|| (g as f64 / (g as f64 - 1.0)) * ((n as f64 - 1.0) / (n as f64 - k as f64)))
}

/// Dense index of each unit label, in first-seen order.
fn unit_index(obs: &[DidObservation]) -> (Vec<usize>, usize) {
    let mut map: HashMap<&str, usize> = HashMap::new();
    let ids = obs
        .iter()
        .map(|o| {
            let k = map.len();
            *map.entry(o.unit.as_str()).or_insert(k)
        })
        .collect();
    (ids, map.len())
}

/// Two-period difference-in-differences of group means, with the regression's
/// cluster-robust standard error.
///
/// Formula: the treated group is every unit with `treated` in the later period (none may be
/// treated in the earlier one); `DiD = (mean Y_T,after - mean Y_T,before) - (mean Y_C,after -
/// mean Y_C,before)`, which is the coefficient `d` of the pooled OLS regression `Y = a + b
/// Treat + c Post + d Treat x Post`; its variance is the cluster-robust (by unit) sandwich
/// with the factor `G/(G-1) (N-1)/(N-4)`.
///
/// # Errors
/// [`Error::Empty`]; [`Error::NonFinite`]; [`Error::InvalidParameter`] (`observations`) unless
/// there are exactly two periods, a treated unit in the earlier period, or a group-period cell
/// is empty; bad `params`.
///
/// Complexity: O(N).
///
/// Source: Card & Krueger (1994) AER 84(4), Table 3; Angrist & Pischke (2009) *Mostly
/// Harmless Econometrics*, 5.2; standard errors as Stata `regress ..., vce(cluster unit)`
/// and statsmodels 0.15 `OLS(...).fit(cov_type="cluster")`.
///
/// ```
/// use clusterpolicy::strategy::{DidObservation, DidPanelParams, did_two_period};
/// let o = |unit: &str, time, outcome, treated| DidObservation { unit: unit.into(), time, outcome, treated };
/// let obs = [o("NJ", 1992, 20.44, false), o("NJ", 1993, 21.03, true), o("PA", 1992, 23.33, false), o("PA", 1993, 21.17, false)];
/// let r = did_two_period(&obs, &DidPanelParams::default())?;
/// assert!((r.did.estimate - 2.75).abs() < 1e-12);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn did_two_period(obs: &[DidObservation], params: &DidPanelParams) -> Result<DidTwoPeriod> {
    params.check()?;
    check_observations(obs)?;
    let times: BTreeSet<i32> = obs.iter().map(|o| o.time).collect();
    if times.len() != 2 {
        return Err(Error::param(
            "observations",
            format!("a two-period DiD needs exactly two periods, found {}", times.len()),
        ));
    }
    let (t0, t1) = (*times.first().unwrap_or(&0), *times.last().unwrap_or(&0));
    if let Some(o) = obs.iter().find(|o| o.time == t0 && o.treated) {
        return Err(Error::param("observations", format!("unit `{}` is treated in the earlier period {t0}", o.unit)));
    }
    let group: BTreeSet<&str> = obs.iter().filter(|o| o.treated).map(|o| o.unit.as_str()).collect();
    if obs.iter().any(|o| o.time == t1 && !o.treated && group.contains(o.unit.as_str())) {
        return Err(Error::param("observations", "a unit is treated and untreated in the later period"));
    }
    // rows: [1, treat, post, treat*post]
    let x: Vec<[f64; 4]> = obs
        .iter()
        .map(|o| {
            let g = f64::from(u8::from(group.contains(o.unit.as_str())));
            let p = f64::from(u8::from(o.time == t1));
            [1.0, g, p, g * p]
        })
        .collect();
    let mut sums = [[0.0; 2]; 2];
    let mut counts = [[0usize; 2]; 2];
    for (o, r) in obs.iter().zip(&x) {
        let (g, p) = (r[1] as usize, r[2] as usize);
        sums[g][p] += o.outcome;
        counts[g][p] += 1;
    }
    if let Some((g, p)) = [(0, 0), (0, 1), (1, 0), (1, 1)].into_iter().find(|&(g, p)| counts[g][p] == 0) {
        let what = if g == 1 { "treated" } else { "comparison" };
        let when = if p == 1 { t1 } else { t0 };
        return Err(Error::param("observations", format!("the {what} group has no observation in {when}")));
    }
    let mean = |g: usize, p: usize| sums[g][p] / counts[g][p] as f64;
    let (tb, ta, cb, ca) = (mean(1, 0), mean(1, 1), mean(0, 0), mean(0, 1));
    let (change_treated, change_control) = (ta - tb, ca - cb);
    let estimate = change_treated - change_control;
    // OLS residuals are deviations from the four cell means.
    let (units, g) = unit_index(obs);
    let n = obs.len();
    let xtx_inv = invert4(&x);
    let variance = xtx_inv.zip(cluster_factor(n, 4, g)).map(|(inv, c)| {
        let mut score = vec![[0.0; 4]; g];
        for ((o, r), &u) in obs.iter().zip(&x).zip(&units) {
            let e = o.outcome - mean(r[1] as usize, r[2] as usize);
            for k in 0..4 {
                score[u][k] += r[k] * e;
            }
        }
        // d-row of inv * meat * inv
        let a: Vec<f64> = score.iter().map(|s| (0..4).map(|k| inv[3][k] * s[k]).sum()).collect();
        c * a.iter().map(|v| v * v).sum::<f64>()
    });
    Ok(DidTwoPeriod {
        periods: [t0, t1],
        treated_before: tb,
        treated_after: ta,
        control_before: cb,
        control_after: ca,
        change_treated,
        change_control,
        did: inference(estimate, variance, n, g, 2, params.level),
    })
}

/// Inverse of `X'X` for rows of 4 regressors (Gauss-Jordan with partial pivoting).
fn invert4(x: &[[f64; 4]]) -> Option<[[f64; 4]; 4]> {
    let mut a = [[0.0; 8]; 4];
    for r in x {
        for i in 0..4 {
            for j in 0..4 {
                a[i][j] += r[i] * r[j];
            }
        }
    }
    for (i, row) in a.iter_mut().enumerate() {
        row[4 + i] = 1.0;
    }
    for c in 0..4 {
        let p = (c..4).max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))?;
        if a[p][c].abs() < 1e-12 {
            return None;
        }
        a.swap(c, p);
        let d = a[c][c];
        for v in &mut a[c] {
            *v /= d;
        }
        for r in 0..4 {
            if r != c {
                let f = a[r][c];
                let pivot = a[c];
                for (v, pv) in a[r].iter_mut().zip(pivot) {
                    *v -= f * pv;
                }
            }
        }
    }
    let mut inv = [[0.0; 4]; 4];
    for i in 0..4 {
        inv[i].copy_from_slice(&a[i][4..]);
    }
    Some(inv)
}

/// Removes unit and period means by alternating projections; returns the sweeps used.
fn two_way_demean(
    v: &mut [f64],
    units: &[usize],
    g: usize,
    times: &[usize],
    t: usize,
    tol: f64,
    max_iter: usize,
) -> Result<usize> {
    let scale = v.iter().map(|x| x.abs()).fold(0.0, f64::max).max(1e-300);
    let mut ucount = vec![0.0; g];
    let mut tcount = vec![0.0; t];
    for (&u, &s) in units.iter().zip(times) {
        ucount[u] += 1.0;
        tcount[s] += 1.0;
    }
    let mut umean = vec![0.0; g];
    let mut tmean = vec![0.0; t];
    for it in 1..=max_iter {
        umean.fill(0.0);
        for (x, &u) in v.iter().zip(units) {
            umean[u] += x;
        }
        for (x, &u) in v.iter_mut().zip(units) {
            *x -= umean[u] / ucount[u];
        }
        tmean.fill(0.0);
        for (x, &s) in v.iter().zip(times) {
            tmean[s] += x;
        }
        let mut change: f64 = 0.0;
        for (x, &s) in v.iter_mut().zip(times) {
            let d = tmean[s] / tcount[s];
            *x -= d;
            change = change.max(d.abs());
        }
        if change <= tol * scale {
            return Ok(it);
        }
    }
    Err(Error::param(
        "max_iterations",
        format!(
            "the fixed-effects projections did not converge in {max_iter} sweeps; raise max_iterations or tolerance"
        ),
    ))
}

/// Multi-period difference-in-differences: the two-way fixed-effects regression with unit
/// and period effects and cluster-robust (by unit) standard errors.
///
/// Formula: `Y_it = alpha_i + lambda_t + beta D_it + e_it`; `beta` by the Frisch-Waugh-Lovell
/// theorem from the two-way demeaned `Y` and `D` (alternating projections, exact in one
/// sweep for a balanced panel); variance `c (sum_g (sum_{it in g} D~_it e_it)^2) / (sum D~^2)^2`
/// with `c = G/(G-1) (N-1)/(N-K)`, `K = G + T` (the dummy-variable regression's parameters).
/// In a balanced two-period panel `beta` equals the difference of the four means. With
/// staggered adoption `beta` is the TWFE average, a weighted mean of group-time effects
/// (Goodman-Bacon 2021).
///
/// # Errors
/// [`Error::Empty`]; [`Error::NonFinite`]; [`Error::InvalidParameter`] (`observations`) when
/// treatment does not vary after removing the fixed effects, or when the projections do not
/// converge (`max_iterations`); bad `params`.
///
/// Complexity: O(N x sweeps).
///
/// Source: Angrist & Pischke (2009) 5.2; Bertrand, Duflo & Mullainathan (2004) QJE 119(1)
/// (clustering); as Stata `regress y D i.unit i.year, vce(cluster unit)` and statsmodels 0.15
/// OLS with unit and year dummies, `cov_type="cluster"`.
///
/// ```
/// use clusterpolicy::strategy::{DidObservation, DidPanelParams, did_panel};
/// let mut obs = Vec::new();
/// for (u, treated) in [("A", true), ("B", true), ("C", false), ("D", false)] {
///     for (t, y) in [(2015, 1.0), (2018, 2.0), (2021, 3.0)] {
///         let d = treated && t >= 2018;
///         let bump = if d { 0.5 } else { 0.0 } + if u == "B" || u == "D" { 0.1 * f64::from(t - 2015) } else { 0.0 };
///         obs.push(DidObservation { unit: u.into(), time: t, outcome: y + bump, treated: d });
///     }
/// }
/// let r = did_panel(&obs, &DidPanelParams::default())?;
/// assert!((r.estimate - 0.5).abs() < 1e-12);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn did_panel(obs: &[DidObservation], params: &DidPanelParams) -> Result<DidEstimate> {
    params.check()?;
    check_observations(obs)?;
    let (units, g) = unit_index(obs);
    let time_ids: BTreeMap<i32, usize> =
        obs.iter().map(|o| o.time).collect::<BTreeSet<_>>().into_iter().enumerate().map(|(i, t)| (t, i)).collect();
    let times: Vec<usize> = obs.iter().map(|o| time_ids[&o.time]).collect();
    let t = time_ids.len();
    let n = obs.len();
    let mut y: Vec<f64> = obs.iter().map(|o| o.outcome).collect();
    let mut d: Vec<f64> = obs.iter().map(|o| f64::from(u8::from(o.treated))).collect();
    two_way_demean(&mut y, &units, g, &times, t, params.tolerance, params.max_iterations)?;
    two_way_demean(&mut d, &units, g, &times, t, params.tolerance, params.max_iterations)?;
    let sdd: f64 = d.iter().map(|x| x * x).sum();
    if sdd <= 1e-12 * n as f64 {
        return Err(Error::param(
            "observations",
            "treatment does not vary within units over time beyond the fixed effects; nothing to estimate",
        ));
    }
    let beta = d.iter().zip(&y).map(|(a, b)| a * b).sum::<f64>() / sdd;
    let k = g + t;
    let variance = cluster_factor(n, k, g).map(|c| {
        let mut score = vec![0.0; g];
        for ((di, yi), &u) in d.iter().zip(&y).zip(&units) {
            score[u] += di * (yi - beta * di);
        }
        c * score.iter().map(|s| s * s).sum::<f64>() / (sdd * sdd)
    });
    Ok(inference(beta, variance, n, g, t, params.level))
}

/// Result of [`before_after`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BeforeAfter {
    /// Mean over units of each unit's mean outcome before.
    pub before: f64,
    /// Mean over units of each unit's mean outcome after.
    pub after: f64,
    /// `after - before`.
    pub change: f64,
    /// `change / before` (`None` when `before` is 0).
    pub relative_change: Option<f64>,
    /// Units observed both before and after.
    pub units: usize,
    /// Paired standard error of the change, `sd(diff) / sqrt(units)` (`None` for one unit).
    pub std_error: Option<f64>,
    /// Two-sided p-value of the paired t-test with `units - 1` degrees of freedom.
    pub p_value: Option<f64>,
}

/// Before/after comparison of units observed on both sides of a cut year, without a
/// comparison group (GRADE "low" evidence: it attributes every change to the measure).
///
/// Formula: per unit, the mean outcome of periods `< cut` and `>= cut`; `change` = mean over
/// units of their differences; paired t-test.
///
/// # Errors
/// [`Error::Empty`] / [`Error::NonFinite`]; [`Error::InvalidParameter`] (`cut`) when no unit
/// is observed on both sides.
///
/// Complexity: O(N log N).
///
/// Source: the paired t-test (Student 1908); the design's weakness as in Shadish, Cook &
/// Campbell (2002) ch. 4.
///
/// ```
/// use clusterpolicy::strategy::{DidObservation, before_after};
/// let o = |unit: &str, time, outcome| DidObservation { unit: unit.into(), time, outcome, treated: false };
/// let r = before_after(&[o("A", 2015, 10.0), o("A", 2021, 12.0), o("B", 2015, 20.0), o("B", 2021, 23.0)], 2018)?;
/// assert_eq!((r.before, r.after, r.change), (15.0, 17.5, 2.5));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn before_after(obs: &[DidObservation], cut: i32) -> Result<BeforeAfter> {
    check_observations(obs)?;
    let mut cells: BTreeMap<&str, [(f64, usize); 2]> = BTreeMap::new();
    for o in obs {
        let side = usize::from(o.time >= cut);
        let c = &mut cells.entry(o.unit.as_str()).or_insert([(0.0, 0); 2])[side];
        c.0 += o.outcome;
        c.1 += 1;
    }
    let pairs: Vec<(f64, f64)> = cells
        .values()
        .filter(|c| c[0].1 > 0 && c[1].1 > 0)
        .map(|c| (c[0].0 / c[0].1 as f64, c[1].0 / c[1].1 as f64))
        .collect();
    if pairs.is_empty() {
        return Err(Error::param("cut", format!("no unit is observed both before and from {cut}")));
    }
    let k = pairs.len() as f64;
    let before = pairs.iter().map(|p| p.0).sum::<f64>() / k;
    let after = pairs.iter().map(|p| p.1).sum::<f64>() / k;
    let change = after - before;
    let (std_error, p_value) = if pairs.len() > 1 {
        let mean_d = pairs.iter().map(|p| p.1 - p.0).sum::<f64>() / k;
        let var = pairs.iter().map(|p| (p.1 - p.0 - mean_d).powi(2)).sum::<f64>() / (k - 1.0);
        let se = (var / k).sqrt();
        (Some(se), (se > 0.0).then(|| t_two_sided_p(change / se, k - 1.0)))
    } else {
        (None, None)
    };
    Ok(BeforeAfter {
        before,
        after,
        change,
        relative_change: (before != 0.0).then(|| change / before),
        units: pairs.len(),
        std_error,
        p_value,
    })
}

/// Parameters of [`pilot_panel`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PilotPanelParams {
    /// The programme whose projects are the pilots (an id of `Dataset::programmes`).
    pub programme: String,
    /// The outcome indicator observed for regions (default `employment`, summed over its
    /// activity breakdown).
    pub indicator: String,
    /// Use the natural logarithm of the outcome (default `true`: effects in log points).
    pub log: bool,
}

impl Default for PilotPanelParams {
    fn default() -> Self {
        Self { programme: "DTP-2014-2020".into(), indicator: "employment".into(), log: true }
    }
}

/// Builds a pilot-evaluation panel from a dataset: the regions of a programme's area, treated
/// from the start year of the first project of that programme in which one of their actors
/// takes part, compared with the area's other regions.
///
/// Returns one [`DidObservation`] per region and observation year with a positive outcome,
/// ordered by region and year; feed it to [`did_panel`].
///
/// # Errors
/// [`Error::UnknownLabel`] for an unknown programme; [`Error::Empty`] when no region of the
/// area has an observation of the indicator.
///
/// Complexity: O(observations + participations).
///
/// Source: the project's convention for evaluating transnational pilot actions against
/// non-participating regions of the same programme area.
///
/// ```
/// use clusterpolicy::{sample, strategy::{DidPanelParams, PilotPanelParams, did_panel, pilot_panel}};
/// let ds = sample::south_east_europe();
/// let panel = pilot_panel(&ds, &PilotPanelParams::default())?;
/// let est = did_panel(&panel, &DidPanelParams::default())?;
/// assert!(est.std_error.is_some());
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn pilot_panel(ds: &Dataset, params: &PilotPanelParams) -> Result<Vec<DidObservation>> {
    let prog = ds
        .programmes
        .iter()
        .find(|p| p.id == params.programme)
        .ok_or_else(|| Error::UnknownLabel { kind: "programme".into(), id: params.programme.clone() })?;
    let parent: HashMap<&str, &str> =
        ds.regions.iter().filter_map(|r| r.parent.as_deref().map(|p| (r.id.as_str(), p))).collect();
    let area: BTreeSet<&str> = prog.area.iter().map(String::as_str).collect();
    let actor_region: HashMap<&str, &str> =
        ds.actors.iter().filter_map(|a| a.region.as_deref().map(|r| (a.id.as_str(), r))).collect();
    let mut start: BTreeMap<&str, i32> = BTreeMap::new();
    for p in ds.projects.iter().filter(|p| p.programme.as_deref() == Some(prog.id.as_str())) {
        let Some(year) = p.start.map(|d| chrono::Datelike::year(&d)).or(p.period.map(|x| x.start_year)) else {
            continue;
        };
        for pa in &p.partners {
            let mut cur = actor_region.get(pa.actor.as_str()).copied();
            for _ in 0..16 {
                let Some(r) = cur else { break };
                if area.contains(r) {
                    let e = start.entry(r).or_insert(year);
                    *e = (*e).min(year);
                    break;
                }
                cur = parent.get(r).copied();
            }
        }
    }
    let index = ObservationIndex::new(ds);
    let years = observed_years(ds);
    let mut out = Vec::new();
    for r in &area {
        let subject = SubjectRef::region(*r);
        for &y in &years {
            if let Some(v) = index.value(&params.indicator, &subject, y) {
                let outcome = if params.log { if v > 0.0 { v.ln() } else { continue } } else { v };
                let treated = start.get(r).is_some_and(|s| y >= *s);
                out.push(DidObservation { unit: (*r).to_owned(), time: y, outcome, treated });
            }
        }
    }
    if out.is_empty() {
        return Err(Error::Empty {
            what: format!("observations of `{}` for the regions of `{}`", params.indicator, prog.id),
        });
    }
    Ok(out)
}
