//! Peer-region benchmarking: structural distance on standardised indicators grouped in
//! dimensions, nearest peers and the dimensions that make them close.

use std::collections::{HashMap, HashSet};

use ndarray::Array2;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::monitoring::{ObservationIndex, observed_years};
use crate::error::{Error, Result};
use crate::model::{Dataset, LabelledMatrix, SubjectRef};

/// A dimension of structural similarity: a named group of variables with a weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Name, e.g. `economic_structure`.
    pub name: String,
    /// Variables (column labels of the data).
    pub variables: Vec<String>,
    /// Weight in the aggregate distance, >= 0 (default 1).
    #[serde(default = "one")]
    pub weight: f64,
}

fn one() -> f64 {
    1.0
}

/// Parameters of [`peer_distances`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PeerParams {
    /// The dimensions; empty means one dimension per variable, each of weight 1.
    pub dimensions: Vec<Dimension>,
}

/// Result of [`peer_distances`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PeerDistances {
    /// Region labels (rows of the data).
    pub regions: Vec<String>,
    /// Variable labels (columns).
    pub variables: Vec<String>,
    /// Dimension names.
    pub dimensions: Vec<String>,
    /// Dimension weights.
    pub weights: Vec<f64>,
    /// Standardised values `z[region][variable]`.
    pub z: Vec<Vec<f64>>,
    /// `per_dimension[k][a][b]`: distance of regions `a` and `b` in dimension `k`.
    pub per_dimension: Vec<Vec<Vec<f64>>>,
    /// Aggregate distance `distance[a][b]`.
    pub distance: Vec<Vec<f64>>,
    /// `distance / max(distance)`, in \[0, 1\] (all 0 when every distance is 0).
    pub distance_rescaled: Vec<Vec<f64>>,
}

/// Structural distances between regions on standardised indicators grouped in dimensions.
///
/// Formula: `z_av = (x_av - mean_v) / sd_v` with the population standard deviation (ddof 0;
/// a constant variable gives z = 0); `d_k(a, b) = sqrt(sum_{v in k} (z_av - z_bv)^2 / |k|)`;
/// `D(a, b) = sum_k omega_k d_k(a, b) / sum_k omega_k`; rescaled `D / max D`.
///
/// Arguments: `data`, regions x structural variables (size, sectoral shares, density,
/// education, accessibility: structure, not performance), `params`.
///
/// # Errors
/// [`Error::Empty`] for no regions or variables; [`Error::NonFinite`]; for the dimensions
/// [`Error::UnknownLabel`] (a variable not in the data), [`Error::Empty`] (a dimension without
/// variables) and [`Error::InvalidParameter`] (negative weights, or all 0).
///
/// Complexity: O(n^2 v) for n regions and v variables.
///
/// Source: the S3 Platform's regional benchmarking tool (Navarro et al. 2014, JRC S3
/// Working Paper 03/2014), with the conventions of the reference vector
/// `benchmarking_peer_regions.json`.
///
/// ```
/// use clusterpolicy::model::LabelledMatrix;
/// use clusterpolicy::ndarray::array;
/// use clusterpolicy::strategy::{PeerParams, nearest_peers, peer_distances};
/// let data = LabelledMatrix::new(
///     vec!["R1".into(), "R2".into(), "R3".into()],
///     vec!["density".into(), "manufacturing".into()],
///     array![[1.0, 0.2], [1.1, 0.25], [3.0, 0.05]],
/// )?;
/// let d = peer_distances(&data, &PeerParams::default())?;
/// let peers = nearest_peers(&d, "R1", 1)?;
/// assert_eq!(peers[0].region, "R2");
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn peer_distances(data: &LabelledMatrix, params: &PeerParams) -> Result<PeerDistances> {
    let (n, v) = data.dim();
    if n == 0 {
        return Err(Error::Empty { what: "regions".into() });
    }
    if v == 0 {
        return Err(Error::Empty { what: "variables".into() });
    }
    data.check_finite("peer data")?;
    let dims: Vec<Dimension> = if params.dimensions.is_empty() {
        data.cols().iter().map(|c| Dimension { name: c.clone(), variables: vec![c.clone()], weight: 1.0 }).collect()
    } else {
        params.dimensions.clone()
    };
    let mut dim_cols = Vec::with_capacity(dims.len());
    for d in &dims {
        if d.variables.is_empty() {
            return Err(Error::Empty { what: format!("variables of dimension `{}`", d.name) });
        }
        if !(d.weight.is_finite() && d.weight >= 0.0) {
            return Err(Error::param(
                "dimensions",
                format!("weight {} of dimension `{}` must be >= 0", d.weight, d.name),
            ));
        }
        let cols = d
            .variables
            .iter()
            .map(|x| data.col_index(x).ok_or_else(|| Error::UnknownLabel { kind: "variable".into(), id: x.clone() }))
            .collect::<Result<Vec<usize>>>()?;
        dim_cols.push(cols);
    }
    let wsum: f64 = dims.iter().map(|d| d.weight).sum();
    if wsum <= 0.0 {
        return Err(Error::param("dimensions", "the dimension weights add up to 0"));
    }
    let x = data.values();
    let mut z = Array2::<f64>::zeros((n, v));
    for j in 0..v {
        let col = x.column(j);
        let mean = col.sum() / n as f64;
        let sd = (col.iter().map(|a| (a - mean) * (a - mean)).sum::<f64>() / n as f64).sqrt();
        for i in 0..n {
            z[[i, j]] = if sd > 0.0 { (x[[i, j]] - mean) / sd } else { 0.0 };
        }
    }
    let mut per_dimension = Vec::with_capacity(dims.len());
    let mut distance = vec![vec![0.0; n]; n];
    for (d, cols) in dims.iter().zip(&dim_cols) {
        let mut m = vec![vec![0.0; n]; n];
        for a in 0..n {
            for b in a + 1..n {
                let s: f64 = cols.iter().map(|&j| (z[[a, j]] - z[[b, j]]).powi(2)).sum();
                let dist = (s / cols.len() as f64).sqrt();
                m[a][b] = dist;
                m[b][a] = dist;
                distance[a][b] += d.weight * dist / wsum;
            }
        }
        per_dimension.push(m);
    }
    let upper = distance.clone();
    for (a, row) in distance.iter_mut().enumerate() {
        for (b, d) in row.iter_mut().enumerate().take(a) {
            *d = upper[b][a];
        }
    }
    let max = distance.iter().flatten().copied().fold(0.0, f64::max);
    let distance_rescaled =
        distance.iter().map(|row| row.iter().map(|d| if max > 0.0 { d / max } else { 0.0 }).collect()).collect();
    Ok(PeerDistances {
        regions: data.rows().to_vec(),
        variables: data.cols().to_vec(),
        dimensions: dims.iter().map(|d| d.name.clone()).collect(),
        weights: dims.iter().map(|d| d.weight).collect(),
        z: z.rows().into_iter().map(|r| r.to_vec()).collect(),
        per_dimension,
        distance,
        distance_rescaled,
    })
}

/// One dimension's part in a peer's distance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DimensionDistance {
    /// Dimension name.
    pub dimension: String,
    /// Distance in this dimension.
    pub distance: f64,
    /// Its share of the aggregate distance, `omega_k d_k / sum_l omega_l d_l` (0 when all are 0).
    pub share: f64,
}

/// A peer region and why it is close.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Peer {
    /// The peer region.
    pub region: String,
    /// Aggregate distance.
    pub distance: f64,
    /// Rescaled distance, 0-1.
    pub distance_rescaled: f64,
    /// Per dimension, closest first.
    pub dimensions: Vec<DimensionDistance>,
    /// The dimensions in which the peer is closer than its aggregate distance: what makes
    /// the two regions alike.
    pub closest_dimensions: Vec<String>,
}

/// The `k` structurally nearest peers of a region, nearest first (ties by region order),
/// with the dimensions that make them close.
///
/// # Errors
/// [`Error::UnknownLabel`] for a region not in the distances.
///
/// Complexity: O(n log n + k dims log dims).
///
/// Source: as [`peer_distances`].
///
/// ```
/// # use clusterpolicy::model::LabelledMatrix;
/// # use clusterpolicy::ndarray::array;
/// # use clusterpolicy::strategy::{PeerParams, nearest_peers, peer_distances};
/// # let data = LabelledMatrix::new(vec!["A".into(), "B".into()], vec!["x".into()], array![[1.0], [2.0]])?;
/// let d = peer_distances(&data, &PeerParams::default())?;
/// assert_eq!(nearest_peers(&d, "A", 5)?.len(), 1);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
pub fn nearest_peers(d: &PeerDistances, region: &str, k: usize) -> Result<Vec<Peer>> {
    let a = d
        .regions
        .iter()
        .position(|r| r == region)
        .ok_or_else(|| Error::UnknownLabel { kind: "region".into(), id: region.to_owned() })?;
    let mut others: Vec<usize> = (0..d.regions.len()).filter(|&b| b != a).collect();
    others.sort_by(|&x, &y| d.distance[a][x].total_cmp(&d.distance[a][y]).then(x.cmp(&y)));
    Ok(others
        .into_iter()
        .take(k)
        .map(|b| {
            let total: f64 = d.weights.iter().enumerate().map(|(j, w)| w * d.per_dimension[j][a][b]).sum();
            let mut dims: Vec<DimensionDistance> = d
                .dimensions
                .iter()
                .enumerate()
                .map(|(j, name)| DimensionDistance {
                    dimension: name.clone(),
                    distance: d.per_dimension[j][a][b],
                    share: if total > 0.0 { d.weights[j] * d.per_dimension[j][a][b] / total } else { 0.0 },
                })
                .collect();
            dims.sort_by(|x, y| x.distance.total_cmp(&y.distance));
            let closest = dims.iter().filter(|x| x.distance < d.distance[a][b]).map(|x| x.dimension.clone()).collect();
            Peer {
                region: d.regions[b].clone(),
                distance: d.distance[a][b],
                distance_rescaled: d.distance_rescaled[a][b],
                dimensions: dims,
                closest_dimensions: closest,
            }
        })
        .collect())
}

/// Parameters of [`region_profiles`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProfileParams {
    /// Year of the profiles; `None` (default) for the latest observation year.
    pub year: Option<i32>,
}

/// Structural profiles of a dataset's regions from its observations, with the default
/// dimensions for [`peer_distances`].
///
/// Variables (per region, in the year): `log_employment` (ln of total employment),
/// `manufacturing_share`, `knowledge_services_share` (NACE J, K, M) and `agriculture_share`
/// (A) of employment, `log_gva_per_worker` (ln of GVA in EUR million x 10^6 / employment),
/// `patents_per_1000` (patent applications per 1000 employed), `rd_expenditure` (% of GDP),
/// `exports_to_gva`. Dimensions: size, economic structure, productivity, innovation,
/// openness, each of weight 1. Regions lacking any variable are left out.
///
/// # Errors
/// [`Error::Empty`] when no region has all variables.
///
/// Complexity: O(observations).
///
/// Source: the structural variables of the S3 Platform's benchmarking tool (Navarro et al.
/// 2014), restricted to what the data model observes.
///
/// ```
/// use clusterpolicy::{sample, strategy::{ProfileParams, region_profiles}};
/// let (data, dims) = region_profiles(&sample::south_east_europe(), &ProfileParams::default())?;
/// assert_eq!(data.cols().len(), 8);
/// assert_eq!(dims.len(), 5);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[allow(clippy::too_many_lines)]
pub fn region_profiles(ds: &Dataset, params: &ProfileParams) -> Result<(LabelledMatrix, Vec<Dimension>)> {
    let year = match params.year {
        Some(y) => y,
        None => *observed_years(ds).last().ok_or_else(|| Error::Empty { what: "observations".into() })?,
    };
    let parent: HashMap<&str, &str> =
        ds.activities.iter().filter_map(|a| a.parent.as_deref().map(|p| (a.id.as_str(), p))).collect();
    let section = |a: &str| {
        let mut cur = a;
        for _ in 0..16 {
            match parent.get(cur) {
                Some(p) => cur = p,
                None => break,
            }
        }
        cur.to_owned()
    };
    // employment by region and section, counting each activity once (skip covered children)
    let mut emp: HashMap<&str, Vec<(&str, f64)>> = HashMap::new();
    for o in &ds.observations {
        if o.indicator == "employment"
            && o.year == year
            && o.subject.kind == crate::model::SubjectKind::Region
            && o.value.is_finite()
            && let Some(a) = &o.activity
        {
            emp.entry(o.subject.id.as_str()).or_default().push((a.as_str(), o.value));
        }
    }
    let index = ObservationIndex::new(ds);
    let cols = [
        "log_employment",
        "manufacturing_share",
        "knowledge_services_share",
        "agriculture_share",
        "log_gva_per_worker",
        "patents_per_1000",
        "rd_expenditure",
        "exports_to_gva",
    ];
    let mut rows = Vec::new();
    let mut values = Vec::new();
    for r in &ds.regions {
        let subject = SubjectRef::region(&r.id);
        let Some(total) = index.value("employment", &subject, year).filter(|t| *t > 0.0) else { continue };
        let parts = emp.get(r.id.as_str()).cloned().unwrap_or_default();
        let observed: HashSet<&str> = parts.iter().map(|p| p.0).collect();
        let mut by_section: HashMap<String, f64> = HashMap::new();
        for (a, v) in &parts {
            let covered = parent.get(a).is_some_and(|p| observed.contains(p));
            if !covered {
                *by_section.entry(section(a)).or_insert(0.0) += v;
            }
        }
        let share = |s: &[&str]| s.iter().map(|x| by_section.get(*x).copied().unwrap_or(0.0)).sum::<f64>() / total;
        let get = |ind: &str| index.value(ind, &subject, year);
        let (Some(gva), Some(pat), Some(rd), Some(exp)) =
            (get("gva"), get("patent_applications"), get("rd_expenditure"), get("exports"))
        else {
            continue;
        };
        if gva <= 0.0 {
            continue;
        }
        rows.push(r.id.clone());
        values.extend([
            total.ln(),
            share(&["C"]),
            share(&["J", "K", "M"]),
            share(&["A"]),
            (gva * 1e6 / total).ln(),
            pat / total * 1000.0,
            rd,
            exp / gva,
        ]);
    }
    if rows.is_empty() {
        return Err(Error::Empty { what: format!("regions with all structural variables in {year}") });
    }
    let n = rows.len();
    let data = LabelledMatrix::new(
        rows,
        cols.iter().map(|c| (*c).to_owned()).collect(),
        Array2::from_shape_vec((n, cols.len()), values).map_err(|e| Error::ShapeMismatch {
            what: "profiles".into(),
            expected: format!("{n} x {}", cols.len()),
            found: e.to_string(),
        })?,
    )?;
    let dim = |name: &str, vars: &[&str]| Dimension {
        name: name.to_owned(),
        variables: vars.iter().map(|v| (*v).to_owned()).collect(),
        weight: 1.0,
    };
    let dims = vec![
        dim("size", &["log_employment"]),
        dim("economic_structure", &["manufacturing_share", "knowledge_services_share", "agriculture_share"]),
        dim("productivity", &["log_gva_per_worker"]),
        dim("innovation", &["patents_per_1000", "rd_expenditure"]),
        dim("openness", &["exports_to_gva"]),
    ];
    Ok((data, dims))
}
