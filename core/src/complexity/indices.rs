//! Economic complexity: ECI / PCI by each peer's convention, fitness-complexity, and the
//! subnational ECI from an external PCI.

use std::collections::BTreeMap;

use nalgebra::DMatrix;
use ndarray::{Array1, ArrayView1, ArrayView2};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::eigen::{inverse_iteration, second_product_eigenvector};
use super::sparse::{Bipartite, Names, check_presence};
use super::stats::{mean, pearson, spearman, std_pop, std_sample};
use crate::error::{Error, Result};
use crate::model::LabelledMatrix;
use crate::specialisation::round_half_even;

/// Which economic complexity index, with the conventions of the peer named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, Default)]
#[serde(rename_all = "snake_case")]
pub enum ComplexityMethod {
    /// Eigenvector ECI / PCI as py-ecomplexity 0.5.3 computes them (default): the
    /// eigenvector of `Mpp = U^-1 M' D^-1 M` for its second largest eigenvalue is the raw PCI,
    /// `D^-1 M` of it the raw ECI; the sign makes ECI correlate positively with diversity;
    /// both are standardised with the raw ECI's mean and population standard deviation.
    #[default]
    Eigenvector,
    /// Method of reflections as Datawheel `economic-complexity` 0.3.0 computes it:
    /// `iterations` (default 20) simultaneous reflections, then each vector standardised with
    /// its mean and sample standard deviation.
    Reflections,
    /// EconGeo 1.3's `KCI` / `TCI`: the second eigenvector of `round(Mcc, 4)` /
    /// `round(Mpp, 4)`, divided by its sum; KCI's sign by correlation with `MORc`, TCI's by a
    /// negative Spearman correlation with ubiquity.
    EcongeoEigenvector,
    /// EconGeo 1.3's `MORc` / `MORt`: reflections rescaled to 0-100 from the third step on;
    /// regions after `iterations` steps (default 20), activities after `iterations - 1`
    /// (EconGeo's defaults 20 and 19).
    EcongeoReflections,
    /// Fitness and complexity of Tacchella et al. (2012) as R `economiccomplexity` 2.0.0
    /// computes them: `F = M Q`, `Q = 1 / (M' F^-g)^(1/g)`, each divided by its mean,
    /// updated together `iterations - 1` times (default 20 - 1 = 19) or until the largest
    /// change is at most `tolerance`.
    Fitness,
}

/// Options of [`economic_complexity`].
///
/// ```
/// use clusterpolicy::complexity::{ComplexityMethod, ComplexityParams};
/// let p: ComplexityParams = serde_json::from_str(r#"{"method": "fitness", "tolerance": 1e-10}"#).unwrap();
/// assert_eq!((p.method, p.iterations, p.extremality), (ComplexityMethod::Fitness, 20, 1.0));
/// assert!(p.check().is_ok());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ComplexityParams {
    /// The index and its convention. Default `eigenvector`.
    pub method: ComplexityMethod,
    /// Reflections, MOR steps, or the fitness iteration budget (see each method). Default
    /// 20. Ignored by the eigenvector methods.
    pub iterations: u32,
    /// Fitness only: the extremality exponent `g` of `economiccomplexity`. Default 1.
    pub extremality: f64,
    /// Fitness only: stop early once no normalised value changes by more than this in an
    /// update. Default 0: run all iterations, as the peer does.
    pub tolerance: f64,
}

impl Default for ComplexityParams {
    fn default() -> Self {
        Self { method: ComplexityMethod::Eigenvector, iterations: 20, extremality: 1.0, tolerance: 0.0 }
    }
}

impl ComplexityParams {
    /// Defaults with the given method.
    #[must_use]
    pub fn with_method(method: ComplexityMethod) -> Self {
        Self { method, ..Self::default() }
    }

    /// Checks the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`]: `iterations` below 2 (below 1 for `econgeo_reflections`)
    /// or above 10 000; `extremality` not finite and positive; `tolerance` negative or NaN.
    pub fn check(&self) -> Result<&Self> {
        let min = if self.method == ComplexityMethod::EcongeoReflections { 1 } else { 2 };
        if self.iterations < min || self.iterations > 10_000 {
            return Err(Error::param("iterations", format!("must be in {min}..=10000, got {}", self.iterations)));
        }
        if !(self.extremality.is_finite() && self.extremality > 0.0) {
            return Err(Error::param("extremality", format!("must be finite and positive, got {}", self.extremality)));
        }
        if self.tolerance.is_nan() || self.tolerance < 0.0 {
            return Err(Error::param("tolerance", format!("must be at least 0, got {}", self.tolerance)));
        }
        Ok(self)
    }
}

/// The result of [`economic_complexity_values`]: one value per input row and column (NaN
/// for regions without any present activity and activities present nowhere).
#[derive(Debug, Clone, PartialEq)]
pub struct ComplexityValues {
    /// Economic complexity (ECI, KCI, `MORc` or fitness), one per region.
    pub eci: Array1<f64>,
    /// Product complexity (PCI, TCI, `MORt` or complexity), one per activity.
    pub pci: Array1<f64>,
    /// Diversity: present activities per region.
    pub diversity: Array1<f64>,
    /// Ubiquity: regions per activity.
    pub ubiquity: Array1<f64>,
    /// The second eigenvalue (eigenvector methods), else NaN.
    pub eigenvalue: f64,
    /// `mean(raw ECI) / sd(raw ECI)` of the eigenvector method: py-ecomplexity computes COI
    /// and COG with `pci + pci_offset`. 0 for other methods.
    pub pci_offset: f64,
    /// Reflections or updates run.
    pub iterations: u32,
    /// Largest change of a normalised value in the last update (fitness), else 0.
    pub change: f64,
}

/// One region's economic complexity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RegionComplexity {
    /// Region label.
    pub region: String,
    /// Number of activities present.
    pub diversity: f64,
    /// Economic complexity (NaN without any present activity).
    pub eci: f64,
}

/// One activity's complexity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActivityComplexity {
    /// Activity label.
    pub activity: String,
    /// Number of regions where it is present.
    pub ubiquity: f64,
    /// Product / activity complexity (NaN when present nowhere).
    pub pci: f64,
}

/// The result of [`economic_complexity`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Complexity {
    /// The method used.
    pub method: ComplexityMethod,
    /// One entry per region, in input order.
    pub regions: Vec<RegionComplexity>,
    /// One entry per activity, in input order.
    pub activities: Vec<ActivityComplexity>,
    /// The second eigenvalue (eigenvector methods).
    pub eigenvalue: Option<f64>,
    /// See [`ComplexityValues::pci_offset`].
    pub pci_offset: f64,
    /// Reflections or updates run.
    pub iterations: u32,
    /// Largest change of a normalised value in the last update (fitness), else 0.
    pub change: f64,
}

impl Complexity {
    /// Activity complexity by activity label.
    #[must_use]
    pub fn pci_map(&self) -> BTreeMap<String, f64> {
        self.activities.iter().map(|a| (a.activity.clone(), a.pci)).collect()
    }
}

fn active(b: &Bipartite) -> (Vec<usize>, Vec<usize>) {
    let rows = (0..b.n_rows).filter(|&i| b.diversity[i] > 0.0).collect();
    let cols = (0..b.n_cols).filter(|&j| b.ubiquity[j] > 0.0).collect();
    (rows, cols)
}

fn scatter(n: usize, idx: &[usize], v: &[f64]) -> Array1<f64> {
    let mut out = Array1::from_elem(n, f64::NAN);
    for (k, &i) in idx.iter().enumerate() {
        out[i] = v[k];
    }
    out
}

/// Economic complexity on a bare presence array: the raw kernel behind
/// [`economic_complexity`].
///
/// # Errors
/// As [`economic_complexity`].
pub fn economic_complexity_values(
    presence: ArrayView2<'_, f64>,
    params: &ComplexityParams,
) -> Result<ComplexityValues> {
    complexity_named(presence, params, Names::none())
}

pub(crate) fn complexity_named(
    presence: ArrayView2<'_, f64>,
    params: &ComplexityParams,
    names: Names<'_>,
) -> Result<ComplexityValues> {
    params.check()?;
    check_presence(presence, names)?;
    let full = Bipartite::new(presence);
    complexity_of(&full, params)
}

pub(crate) fn complexity_of(full: &Bipartite, params: &ComplexityParams) -> Result<ComplexityValues> {
    let (rows, cols) = active(full);
    if rows.len() < 2 || cols.len() < 2 {
        return Err(Error::Empty {
            what: format!(
                "complexity needs at least two regions and two activities with a presence, found {} and {}",
                rows.len(),
                cols.len()
            ),
        });
    }
    let b: std::borrow::Cow<'_, Bipartite> = if rows.len() == full.n_rows && cols.len() == full.n_cols {
        std::borrow::Cow::Borrowed(full)
    } else {
        std::borrow::Cow::Owned(full.select(&rows, &cols))
    };
    let mut out = ComplexityValues {
        eci: Array1::zeros(0),
        pci: Array1::zeros(0),
        diversity: Array1::from(full.diversity.clone()),
        ubiquity: Array1::from(full.ubiquity.clone()),
        eigenvalue: f64::NAN,
        pci_offset: 0.0,
        iterations: 0,
        change: 0.0,
    };
    let (eci, pci) = match params.method {
        ComplexityMethod::Eigenvector => {
            let (lambda, kp) = second_product_eigenvector(&b)?;
            out.eigenvalue = lambda;
            let (eci, pci, offset) = ecomplexity_normalise(&b, &kp);
            out.pci_offset = offset;
            (eci, pci)
        }
        ComplexityMethod::Reflections => {
            out.iterations = params.iterations - 1;
            datawheel_reflections(&b, params.iterations as usize)
        }
        ComplexityMethod::EcongeoEigenvector => {
            let (lambda, kp) = second_product_eigenvector(&b)?;
            out.eigenvalue = lambda;
            econgeo_eigen(&b, lambda, &kp)?
        }
        ComplexityMethod::EcongeoReflections => {
            let steps = params.iterations as usize;
            out.iterations = params.iterations;
            let (c, _) = mor(&b, steps);
            let (_, t) = mor(&b, steps.saturating_sub(1));
            (c, t)
        }
        ComplexityMethod::Fitness => {
            let (f, q, it, change) = fitness(&b, params);
            out.iterations = it;
            out.change = change;
            (f, q)
        }
    };
    out.eci = scatter(full.n_rows, &rows, &eci);
    out.pci = scatter(full.n_cols, &cols, &pci);
    Ok(out)
}

/// py-ecomplexity's sign and standardisation; returns (eci, pci, mean/sd of raw eci).
fn ecomplexity_normalise(b: &Bipartite, kp: &[f64]) -> (Vec<f64>, Vec<f64>, f64) {
    let mut kc = vec![0.0; b.n_rows];
    b.mul(kp, &mut kc);
    kc.iter_mut().zip(&b.diversity).for_each(|(x, d)| *x /= d);
    let s = if pearson(&b.diversity, &kc) < 0.0 { -1.0 } else { 1.0 };
    let kc: Vec<f64> = kc.iter().map(|x| s * x).collect();
    let kp: Vec<f64> = kp.iter().map(|x| s * x).collect();
    let (mu, sd) = (mean(&kc), std_pop(&kc));
    let eci = kc.iter().map(|x| (x - mu) / sd).collect();
    let pci = kp.iter().map(|x| (x - mu) / sd).collect();
    (eci, pci, mu / sd)
}

/// Datawheel's reflections: `iterations - 1` simultaneous updates (the last one of `kp`
/// only), then z-scores with the sample standard deviation.
fn datawheel_reflections(b: &Bipartite, iterations: usize) -> (Vec<f64>, Vec<f64>) {
    let kc0 = b.diversity.clone();
    let kp0 = b.ubiquity.clone();
    let mut kc = kc0.clone();
    let mut kp = kp0.clone();
    let mut next_kc = vec![0.0; b.n_rows];
    let mut next_kp = vec![0.0; b.n_cols];
    for i in 1..iterations {
        b.tmul(&kc, &mut next_kp);
        next_kp.iter_mut().zip(&kp0).for_each(|(x, u)| *x /= u);
        if i < iterations - 1 {
            b.mul(&kp, &mut next_kc);
            next_kc.iter_mut().zip(&kc0).for_each(|(x, d)| *x /= d);
            std::mem::swap(&mut kc, &mut next_kc);
        }
        std::mem::swap(&mut kp, &mut next_kp);
    }
    (zscore_sample(&kc), zscore_sample(&kp))
}

fn zscore_sample(x: &[f64]) -> Vec<f64> {
    let (mu, sd) = (mean(x), std_sample(x));
    x.iter().map(|v| (v - mu) / sd).collect()
}

/// EconGeo's rounded transition matrices and their second eigenvectors.
fn econgeo_eigen(b: &Bipartite, lambda: f64, kp: &[f64]) -> Result<(Vec<f64>, Vec<f64>)> {
    let (nr, nc) = (b.n_rows, b.n_cols);
    let inv_d: Vec<f64> = b.diversity.iter().map(|d| 1.0 / d).collect();
    let inv_u: Vec<f64> = b.ubiquity.iter().map(|u| 1.0 / u).collect();
    // Dense 0/1 matrix for R's summation order (over the shared index, increasing).
    let mut dense = vec![false; nr * nc];
    for i in 0..nr {
        for &j in b.row(i) {
            dense[i * nc + j] = true;
        }
    }
    // CC = round(rs %*% cs, 4): CC[c, c2] = sum_p (M_cp / d_c) (M_c2p / u_p).
    let mut cc = DMatrix::<f64>::zeros(nr, nr);
    for c in 0..nr {
        for c2 in 0..nr {
            let mut s = 0.0;
            for p in 0..nc {
                if dense[c * nc + p] && dense[c2 * nc + p] {
                    s += inv_d[c] * inv_u[p];
                }
            }
            cc[(c, c2)] = round_half_even(s, 4);
        }
    }
    // TT = round(t %*% c, 4): TT[p, q] = sum_c (M_cp / u_p) (M_cq / d_c).
    let mut tt = DMatrix::<f64>::zeros(nc, nc);
    for p in 0..nc {
        for q in 0..nc {
            let mut s = 0.0;
            for c in 0..nr {
                if dense[c * nc + p] && dense[c * nc + q] {
                    s += inv_u[p] * inv_d[c];
                }
            }
            tt[(p, q)] = round_half_even(s, 4);
        }
    }
    let mut kc = vec![0.0; nr];
    b.mul(kp, &mut kc);
    kc.iter_mut().zip(&inv_d).for_each(|(x, i)| *x *= i);
    let v = inverse_iteration(&cc, lambda, &kc)?;
    let sv: f64 = v.iter().sum();
    let mut kci: Vec<f64> = v.iter().map(|x| x / sv).collect();
    let (morc, _) = mor(b, 20);
    if pearson(&kci, &morc) < 0.0 {
        kci.iter_mut().for_each(|x| *x = -*x);
    }
    let w = inverse_iteration(&tt, lambda, kp)?;
    let sw: f64 = w.iter().sum();
    let mut tci: Vec<f64> = w.iter().map(|x| x / sw).collect();
    if spearman(&tci, &b.ubiquity) > 0.0 {
        tci.iter_mut().for_each(|x| *x = -*x);
    }
    Ok((kci, tci))
}

/// EconGeo's `MORc` / `MORt` sequences; returns (regions, activities) after `steps` steps
/// (diversity and ubiquity for 0 steps).
pub(crate) fn mor(b: &Bipartite, steps: usize) -> (Vec<f64>, Vec<f64>) {
    let div = &b.diversity;
    let ubi = &b.ubiquity;
    if steps == 0 {
        return (div.clone(), ubi.clone());
    }
    let rescale = |x: &mut Vec<f64>| {
        let lo = x.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        x.iter_mut().for_each(|v| *v = (*v - lo) / (hi - lo) * 100.0);
    };
    let mut city = vec![0.0; b.n_rows];
    let mut tech = vec![0.0; b.n_cols];
    b.mul(ubi, &mut city);
    city.iter_mut().zip(div).for_each(|(x, d)| *x *= 1.0 / d);
    b.tmul(div, &mut tech);
    tech.iter_mut().zip(ubi).for_each(|(x, u)| *x *= 1.0 / u);
    let mut next_city = vec![0.0; b.n_rows];
    let mut next_tech = vec![0.0; b.n_cols];
    for i in 2..=steps {
        b.mul(&tech, &mut next_city);
        next_city.iter_mut().zip(div).for_each(|(x, d)| *x *= 1.0 / d);
        b.tmul(&city, &mut next_tech);
        next_tech.iter_mut().zip(ubi).for_each(|(x, u)| *x *= 1.0 / u);
        if i >= 3 {
            rescale(&mut next_city);
            rescale(&mut next_tech);
        }
        std::mem::swap(&mut city, &mut next_city);
        std::mem::swap(&mut tech, &mut next_tech);
    }
    (city, tech)
}

/// Fitness-complexity iterations; returns (fitness, complexity, updates run, last change).
fn fitness(b: &Bipartite, params: &ComplexityParams) -> (Vec<f64>, Vec<f64>, u32, f64) {
    let g = params.extremality;
    let mut f = vec![1.0; b.n_rows];
    let mut q = vec![1.0; b.n_cols];
    let mut nf = vec![0.0; b.n_rows];
    let mut nq = vec![0.0; b.n_cols];
    let mut change = 0.0;
    let mut run = 0;
    for _ in 1..params.iterations {
        b.mul(&q, &mut nf);
        let m = mean(&nf);
        nf.iter_mut().for_each(|x| *x /= m);
        let inv: Vec<f64> = f.iter().map(|x| if g == 1.0 { 1.0 / x } else { (1.0_f64 / x).powf(g) }).collect();
        b.tmul(&inv, &mut nq);
        nq.iter_mut().for_each(|x| *x = if g == 1.0 { 1.0 / *x } else { 1.0 / x.powf(1.0 / g) });
        let m = mean(&nq);
        nq.iter_mut().for_each(|x| *x /= m);
        change = f.iter().zip(&nf).chain(q.iter().zip(&nq)).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
        std::mem::swap(&mut f, &mut nf);
        std::mem::swap(&mut q, &mut nq);
        run += 1;
        if params.tolerance > 0.0 && change <= params.tolerance {
            break;
        }
    }
    (f, q, run, change)
}

/// Economic complexity of regions and activities.
///
/// Formula: with `M` the binary presence matrix, `d = M 1` (diversity) and `u = M'1`
/// (ubiquity), each [`ComplexityMethod`] follows its peer exactly:
/// - `eigenvector`: `kp` = the eigenvector of `Mpp = U^-1 M' D^-1 M` for the second
///   largest eigenvalue, `kc = D^-1 M kp`, sign so that `corr(d, kc) > 0`,
///   `ECI = (kc - mean(kc)) / sd(kc)`, `PCI = (kp - mean(kc)) / sd(kc)` (population sd);
/// - `reflections`: `kc_0 = d`, `kp_0 = u`, `kp_n = M' kc_{n-1} / u`, `kc_n = M kp_{n-1} / d`,
///   z-scores of the last vectors (sample sd);
/// - `econgeo_eigenvector`, `econgeo_reflections`, `fitness`: see [`ComplexityMethod`].
///
/// The eigenvector is computed on the symmetric matrix `U^-1/2 M' D^-1 M U^-1/2` (or its
/// region-side twin, whichever is smaller) with its known top eigenvector projected out,
/// by Lanczos iteration with full re-orthogonalisation; it equals the peers' eigenvectors
/// of the non-symmetric matrices (see the reference tests).
///
/// Arguments: `presence`, a binary region x activity matrix
/// ([`specialisation::presence`](crate::specialisation::presence)); `params`.
///
/// Returns one [`RegionComplexity`] per row and one [`ActivityComplexity`] per column.
/// Regions without any present activity and activities present nowhere are left out of
/// the computation and get NaN (py-ecomplexity removes zero rows before computing; its
/// ECI would otherwise be NaN everywhere).
///
/// # Errors
/// [`Error::InvalidParameter`] (`presence`) for a value other than 0/1, and for invalid
/// parameters; [`Error::NonFinite`]; [`Error::Empty`] with fewer than two regions or two
/// activities that have a presence.
///
/// Complexity: eigenvector methods O(k nnz(M) + k^2 min(n, m)) for k Lanczos steps
/// (typically 40-80); EconGeo's eigenvector O(n^2 m + n^3) (it forms and rounds the dense
/// matrices); reflections and fitness O(iterations nnz(M)).
///
/// ```
/// use clusterpolicy::complexity::{ComplexityParams, economic_complexity};
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// // Hidalgo & Hausmann (2009), Fig. S4: C1 makes everything, C4 only the ubiquitous P4.
/// let m = LabelledMatrix::new(
///     vec!["C1".into(), "C2".into(), "C3".into(), "C4".into()],
///     vec!["P1".into(), "P2".into(), "P3".into(), "P4".into()],
///     array![[1.0, 1.0, 1.0, 1.0], [0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 1.0], [0.0, 0.0, 0.0, 1.0]],
/// )?;
/// let c = economic_complexity(&m, &ComplexityParams::default())?;
/// let eci: Vec<f64> = c.regions.iter().map(|r| r.eci).collect();
/// assert!((eci.iter().sum::<f64>() / 4.0).abs() < 1e-12); // standardised
/// assert!(eci[1] < eci[0]); // C2 makes one product, which C1 also makes
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Hidalgo & Hausmann (2009), *PNAS* 106: 10570-10575; Tacchella et al. (2012),
/// *Scientific Reports* 2: 723; Balland & Rigby (2017), *Economic Geography* 93(1): 1-23;
/// conventions of py-ecomplexity 0.5.3, Datawheel `economic-complexity` 0.3.0, EconGeo 1.3
/// and R `economiccomplexity` 2.0.0, reproduced to 1e-9 by the reference tests.
pub fn economic_complexity(presence: &LabelledMatrix, params: &ComplexityParams) -> Result<Complexity> {
    let v = complexity_named(presence.values(), params, Names::of(presence.rows(), presence.cols()))?;
    Ok(labelled(presence, params.method, v))
}

pub(crate) fn labelled(presence: &LabelledMatrix, method: ComplexityMethod, v: ComplexityValues) -> Complexity {
    Complexity {
        method,
        regions: presence
            .rows()
            .iter()
            .enumerate()
            .map(|(i, r)| RegionComplexity { region: r.clone(), diversity: v.diversity[i], eci: v.eci[i] })
            .collect(),
        activities: presence
            .cols()
            .iter()
            .enumerate()
            .map(|(j, a)| ActivityComplexity { activity: a.clone(), ubiquity: v.ubiquity[j], pci: v.pci[j] })
            .collect(),
        eigenvalue: if v.eigenvalue.is_nan() { None } else { Some(v.eigenvalue) },
        pci_offset: v.pci_offset,
        iterations: v.iterations,
        change: v.change,
    }
}

/// Options of [`subnational_eci`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, Default)]
#[serde(default, deny_unknown_fields)]
pub struct SubnationalParams {
    /// Standardise the result with its mean and sample standard deviation. Default false
    /// (Datawheel's default).
    pub standardise: bool,
}

impl SubnationalParams {
    /// Checks the parameters (every value is valid).
    ///
    /// # Errors
    /// None at present.
    pub fn check(&self) -> Result<&Self> {
        Ok(self)
    }
}

/// Subnational ECI on bare arrays: the raw kernel behind [`subnational_eci`]. `pci` holds
/// one value per column, NaN where the external source has none.
///
/// # Errors
/// As [`subnational_eci`]; [`Error::ShapeMismatch`] when `pci` does not have one value
/// per column.
pub fn subnational_eci_values(
    presence: ArrayView2<'_, f64>,
    pci: ArrayView1<'_, f64>,
    params: &SubnationalParams,
) -> Result<Array1<f64>> {
    params.check()?;
    check_presence(presence, Names::none())?;
    if pci.len() != presence.ncols() {
        return Err(Error::ShapeMismatch {
            what: "external PCI".into(),
            expected: format!("{} values (one per activity)", presence.ncols()),
            found: format!("{} values", pci.len()),
        });
    }
    let mut out: Vec<f64> = presence
        .outer_iter()
        .map(|row| {
            let v: Vec<f64> =
                row.iter().zip(pci.iter()).filter(|(m, p)| **m == 1.0 && !p.is_nan()).map(|(_, p)| *p).collect();
            v.iter().sum::<f64>() / v.len() as f64
        })
        .collect();
    if params.standardise {
        let finite: Vec<f64> = out.iter().copied().filter(|x| !x.is_nan()).collect();
        let (mu, sd) = (mean(&finite), std_sample(&finite));
        out.iter_mut().for_each(|x| *x = (*x - mu) / sd);
    }
    Ok(Array1::from(out))
}

/// A value per region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RegionScore {
    /// Region label.
    pub region: String,
    /// The value.
    pub value: f64,
}

/// Subnational economic complexity from an external product complexity (the "external" or
/// subnational method).
///
/// Formula: `ECI_r = mean { PCI_a : M_ra = 1 and a has an external PCI }`, optionally
/// standardised (mean, sample sd). A region with no such activity gets NaN.
///
/// Arguments: `presence`, binary regions x activities; `pci`, product complexity by
/// activity label from another (e.g. world) computation, such as
/// [`Complexity::pci_map`]; activities of `presence` without an external value are
/// ignored, as are external values of activities not in `presence`.
///
/// # Errors
/// [`Error::InvalidParameter`] (`presence`), [`Error::NonFinite`], [`Error::Empty`] as
/// [`economic_complexity`].
///
/// Complexity: O(n m).
///
/// ```
/// use std::collections::BTreeMap;
/// use clusterpolicy::complexity::{SubnationalParams, subnational_eci};
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// let m = LabelledMatrix::new(vec!["R1".into(), "R2".into()], vec!["A".into(), "B".into()],
///     array![[1.0, 1.0], [0.0, 1.0]])?;
/// let pci = BTreeMap::from([("A".to_string(), 2.0), ("B".to_string(), -1.0)]);
/// let eci = subnational_eci(&m, &pci, &SubnationalParams::default())?;
/// assert_eq!(eci[0].value, 0.5);
/// assert_eq!(eci[1].value, -1.0);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// Source: Datawheel `economic-complexity` 0.3.0 `complexity_subnational`; Gao & Zhou
/// (2018), *Physica A* 500: 279-289 (the method).
pub fn subnational_eci(
    presence: &LabelledMatrix,
    pci: &BTreeMap<String, f64>,
    params: &SubnationalParams,
) -> Result<Vec<RegionScore>> {
    check_presence(presence.values(), Names::of(presence.rows(), presence.cols()))?;
    let ext: Array1<f64> = presence.cols().iter().map(|a| pci.get(a).copied().unwrap_or(f64::NAN)).collect();
    let v = subnational_eci_values(presence.values(), ext.view(), params)?;
    Ok(presence.rows().iter().zip(v.iter()).map(|(r, &value)| RegionScore { region: r.clone(), value }).collect())
}
