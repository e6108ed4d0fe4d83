//! Synergy scoring and partner matchmaking: [`clusterpolicy::synergy`].
//!
//! Three-way tables of counts cross as a `Float64Array` (or a flat array) with its
//! `[u, i, g]` shape, or as nested `number[][][]`; a labelled table (`ThreeWayTable`,
//! what `tripleHelixTable` returns) has axes `u`, `i`, `g` (`{ name, labels }`) and its
//! `counts` nested or flat (row-major, the shape taken from the labels). Subjects are
//! `{ kind, id }` objects (`SubjectRef`); specialisation matrices are `MatrixInput`s. Options
//! are plain objects with any subset of the fields of the core's `XxxParams` (unknown fields
//! are rejected, choices are the `snake_case` names); `undefined` means the defaults. Results
//! are plain objects (the serde form of the core result types, typed in the `.d.ts`).

// wasm-bindgen hands optional and array arguments over as owned values.
#![allow(clippy::needless_pass_by_value)]

use std::collections::BTreeMap;

use clusterpolicy::model::{LabelledMatrix, SubjectRef};
use clusterpolicy::ndarray::Array3;
use clusterpolicy::synergy as sy;
use js_sys::{Array, Float64Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::conversion::{options as params, required as req, to_js};
use crate::error::{js_error, type_error};
use crate::model::Dataset;
use crate::network::Network;
use crate::specialisation::matrix;

#[wasm_bindgen(typescript_custom_section)]
const SYNERGY_TYPES: &str = r#"
/** Counts of a three-way table: row-major `u x i x g` values with their shape, or nested arrays. */
export type CountsInput = Float64Array | number[] | number[][][];

/** A labelled three-way table as input: `counts` nested (`counts[u][i][g]`) or flat row-major. */
export interface ThreeWayTableInput {
  u: TableAxis;
  i: TableAxis;
  g: TableAxis;
  counts: Float64Array | number[] | number[][][];
  skipped?: Skipped;
}

/** Options of `synergyImpact`: the two periods are required. */
export type ImpactOptions = Pick<ImpactParams, "before" | "after"> & Partial<Omit<ImpactParams, "before" | "after">>;
"#;

#[wasm_bindgen]
extern "C" {
    /// TypeScript `CountsInput`.
    #[wasm_bindgen(typescript_type = "CountsInput")]
    pub type CountsInput;
    /// TypeScript `ThreeWayTableInput`.
    #[wasm_bindgen(typescript_type = "ThreeWayTableInput")]
    pub type ThreeWayTableInput;
    /// TypeScript `TripleHelix`.
    #[wasm_bindgen(typescript_type = "TripleHelix")]
    pub type TripleHelixObject;
    /// TypeScript `ThreeWayTable`.
    #[wasm_bindgen(typescript_type = "ThreeWayTable")]
    pub type ThreeWayTableObject;
    /// TypeScript `TripleHelixBootstrap`.
    #[wasm_bindgen(typescript_type = "TripleHelixBootstrap")]
    pub type TripleHelixBootstrapObject;
    /// TypeScript `Decomposition`.
    #[wasm_bindgen(typescript_type = "Decomposition")]
    pub type DecompositionObject;
    /// TypeScript `SubjectRef`.
    #[wasm_bindgen(typescript_type = "SubjectRef")]
    pub type SubjectRefInput;
    /// TypeScript `SubjectRef[]`.
    #[wasm_bindgen(typescript_type = "SubjectRef[]")]
    pub type SubjectRefArray;
    /// TypeScript `Proximity`.
    #[wasm_bindgen(typescript_type = "Proximity")]
    pub type ProximityObject;
    /// TypeScript `Proximity[]`.
    #[wasm_bindgen(typescript_type = "Proximity[]")]
    pub type ProximityArray;
    /// TypeScript `ProximityMatrix`.
    #[wasm_bindgen(typescript_type = "ProximityMatrix")]
    pub type ProximityMatrixObject;
    /// TypeScript `PartnerCandidate[]`.
    #[wasm_bindgen(typescript_type = "PartnerCandidate[]")]
    pub type PartnerCandidateArray;
    /// TypeScript `JointPriorities`.
    #[wasm_bindgen(typescript_type = "JointPriorities")]
    pub type JointPrioritiesObject;
    /// TypeScript `Initiative`.
    #[wasm_bindgen(typescript_type = "Initiative")]
    pub type InitiativeObject;
    /// TypeScript `InitiativeValue[]`.
    #[wasm_bindgen(typescript_type = "InitiativeValue[]")]
    pub type InitiativeValueArray;
    /// TypeScript `Impact`.
    #[wasm_bindgen(typescript_type = "Impact")]
    pub type ImpactObject;
    /// TypeScript `ActorMatching`.
    #[wasm_bindgen(typescript_type = "ActorMatching")]
    pub type ActorMatchingObject;
    /// TypeScript `HeldOutEvaluation`.
    #[wasm_bindgen(typescript_type = "HeldOutEvaluation")]
    pub type HeldOutEvaluationObject;
    /// TypeScript `SynergySummary`.
    #[wasm_bindgen(typescript_type = "SynergySummary")]
    pub type SynergySummaryObject;
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

fn js<T: serde::Serialize, U: JsCast>(value: &T) -> Result<U, JsValue> {
    Ok(to_js(value)?.unchecked_into())
}

fn shape_error(what: &str, expected: String, found: String) -> JsValue {
    js_error(&clusterpolicy::Error::ShapeMismatch { what: what.to_owned(), expected, found })
}

/// An optional specialisation matrix (`undefined` or `null`: none).
fn optional_matrix(value: Option<JsValue>, what: &str) -> Result<Option<LabelledMatrix>, JsValue> {
    match value {
        Some(v) if !absent(&v) => matrix(&v, what).map(Some),
        _ => Ok(None),
    }
}

/// Flat row-major counts (a `Float64Array` or a flat array), if they are flat.
fn flat_counts(value: &JsValue, what: &str) -> Result<Option<Vec<f64>>, JsValue> {
    if let Some(a) = value.dyn_ref::<Float64Array>() {
        return Ok(Some(a.to_vec()));
    }
    if Array::is_array(value) && !Array::is_array(&Array::from(value).get(0)) {
        return req(value, what).map(Some);
    }
    Ok(None)
}

/// Nested `counts[u][i][g]` arrays as a `u x i x g` array, naming the first ragged row.
fn nested_counts(value: &JsValue, what: &str) -> Result<Array3<f64>, JsValue> {
    let nested: Vec<Vec<Vec<f64>>> = req(value, what)?;
    let (nu, ni, ng) =
        (nested.len(), nested.first().map_or(0, Vec::len), nested.first().and_then(|m| m.first()).map_or(0, Vec::len));
    for (a, m) in nested.iter().enumerate() {
        if m.len() != ni {
            return Err(shape_error(
                &format!("{what}[{a}]"),
                format!("{ni} entries (as {what}[0])"),
                m.len().to_string(),
            ));
        }
        for (b, r) in m.iter().enumerate() {
            if r.len() != ng {
                return Err(shape_error(
                    &format!("{what}[{a}][{b}]"),
                    format!("{ng} entries (as {what}[0][0])"),
                    r.len().to_string(),
                ));
            }
        }
    }
    let flat: Vec<f64> = nested.into_iter().flatten().flatten().collect();
    Array3::from_shape_vec((nu, ni, ng), flat)
        .map_err(|e| shape_error(what, format!("{nu} x {ni} x {ng}"), e.to_string()))
}

/// Flat values as a `u x i x g` array.
fn shaped(flat: Vec<f64>, shape: (usize, usize, usize), what: &str) -> Result<Array3<f64>, JsValue> {
    let (nu, ni, ng) = shape;
    if flat.len() != nu * ni * ng {
        return Err(shape_error(
            &format!("{what} (row-major)"),
            format!("{} values ({nu} x {ni} x {ng})", nu * ni * ng),
            format!("{} values", flat.len()),
        ));
    }
    Array3::from_shape_vec(shape, flat).map_err(|e| shape_error(what, format!("{nu} x {ni} x {ng}"), e.to_string()))
}

/// A `ThreeWayTableInput` as the core table (the shape is checked by the core function).
fn table(value: &JsValue, what: &str) -> Result<sy::ThreeWayTable, JsValue> {
    if !value.is_object() || Array::is_array(value) {
        return Err(type_error(what, "a { u, i, g, counts } object", value));
    }
    let counts = get(value, "counts");
    let Some(flat) = flat_counts(&counts, &format!("{what}.counts"))? else {
        return req(value, what);
    };
    // The axes and `skipped` as the serde form, the flat counts reshaped to the labels.
    let copy = Object::assign(&Object::new(), value.unchecked_ref());
    let _ = Reflect::set(&copy, &JsValue::from_str("counts"), &Array::new());
    let t: sy::ThreeWayTable = req(&copy, what)?;
    let shape = (t.u.labels.len(), t.i.labels.len(), t.g.labels.len());
    let a = shaped(flat, shape, &format!("{what}.counts"))?;
    let skipped = t.skipped;
    let mut out = sy::ThreeWayTable::new(t.u, t.i, t.g, a.view()).map_err(|e| js_error(&e))?;
    out.skipped = skipped;
    Ok(out)
}

fn subject(value: &JsValue, what: &str) -> Result<SubjectRef, JsValue> {
    req(value, what)
}

fn subjects(value: &JsValue, what: &str) -> Result<Vec<SubjectRef>, JsValue> {
    req(value, what)
}

/// Triple Helix entropies and mutual informations (bits) of a bare `u x i x g` table of
/// counts: `T_uig = H_u + H_i + H_g - H_ui - H_ug - H_ig + H_uig`, negative for synergy.
/// `counts` is row-major with `shape = [u, i, g]` (a `Float64Array` or a flat array), or
/// nested arrays `counts[u][i][g]` (then `shape`, if given, must agree).
///
/// # Errors
/// `ShapeMismatchError` when the values do not fit the shape; `EmptyInputError` for an
/// empty or all-zero table; `NonFiniteError` (NaN, infinities) and `InvalidParameterError`
/// (negative counts) naming the cell.
#[wasm_bindgen(js_name = tripleHelixValues)]
pub fn triple_helix_values(
    counts: &CountsInput,
    #[wasm_bindgen(unchecked_optional_param_type = "[number, number, number]")] shape: Option<JsValue>,
) -> Result<TripleHelixObject, JsValue> {
    let shape: Option<(usize, usize, usize)> = match shape {
        Some(s) if !absent(&s) => Some(req(&s, "tripleHelixValues shape")?),
        _ => None,
    };
    let a = match flat_counts(counts, "tripleHelixValues counts")? {
        Some(flat) => {
            let Some(shape) = shape else {
                return Err(type_error("tripleHelixValues", "a [u, i, g] shape with flat counts", &JsValue::UNDEFINED));
            };
            shaped(flat, shape, "tripleHelixValues counts")?
        }
        None if counts.is_object() => {
            let a = nested_counts(counts, "counts")?;
            if let Some(s) = shape
                && s != a.dim()
            {
                let (u, i, g) = a.dim();
                return Err(shape_error(
                    "tripleHelixValues counts",
                    format!("{} x {} x {}", s.0, s.1, s.2),
                    format!("{u} x {i} x {g}"),
                ));
            }
            a
        }
        None => return Err(type_error("tripleHelixValues", "counts as a Float64Array or an array", counts)),
    };
    js(&sy::triple_helix_values(a.view()).map_err(|e| js_error(&e))?)
}

/// The helix x activity x geography table of a dataset (options: `TripleHelixParams`:
/// `geography` `"region"`, `"country"` or `{ level }`, `activity_level`, `counting`
/// `"fractional"` / `"whole"`, `unit` `"actors"` / `"participations"`, `window`,
/// `programmes`).
///
/// # Errors
/// `JsonError` for bad options; `InvalidParameterError` (a window ending before it starts);
/// `EmptyInputError` when no unit has all three attributes.
#[wasm_bindgen(js_name = tripleHelixTable)]
pub fn triple_helix_table(
    dataset: &Dataset,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<TripleHelixParams>")] options: Option<JsValue>,
) -> Result<ThreeWayTableObject, JsValue> {
    let p: sy::TripleHelixParams = params(options, "tripleHelixTable options")?;
    js(&sy::triple_helix_table(dataset.inner(), &p).map_err(|e| js_error(&e))?)
}

/// Triple Helix values of a labelled table (as `tripleHelixTable` returns).
///
/// # Errors
/// `ShapeMismatchError` / `DuplicateLabelError` for an inconsistent table, and as
/// [`triple_helix_values`].
#[wasm_bindgen(js_name = tripleHelix)]
pub fn triple_helix(table_input: &ThreeWayTableInput) -> Result<TripleHelixObject, JsValue> {
    let t = table(table_input, "tripleHelix table")?;
    js(&sy::triple_helix(&t).map_err(|e| js_error(&e))?)
}

/// Triple Helix values with seeded bootstrap intervals (options: `BootstrapParams`:
/// `replicates` 1000, `seed` 42, `confidence` 0.95, `method` `"basic"` / `"percentile"`).
///
/// # Errors
/// As [`triple_helix`]; `InvalidParameterError` for fewer than 2 replicates or a confidence
/// outside (0, 1).
#[wasm_bindgen(js_name = tripleHelixBootstrap)]
pub fn triple_helix_bootstrap(
    table_input: &ThreeWayTableInput,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<BootstrapParams>")] options: Option<JsValue>,
) -> Result<TripleHelixBootstrapObject, JsValue> {
    let t = table(table_input, "tripleHelixBootstrap table")?;
    let p: sy::BootstrapParams = params(options, "tripleHelixBootstrap options")?;
    js(&sy::triple_helix_bootstrap(&t, &p).map_err(|e| js_error(&e))?)
}

/// Decomposes `T_uig` of a table into the contributions `(n_G / N) T_G` of groups of its
/// geographical units and the between-group term (Leydesdorff & Strand 2013). `groups` maps
/// each label of `table.g` to its group; `bootstrap` (`BootstrapParams`), when given, adds
/// intervals.
///
/// # Errors
/// `UnknownLabelError` for a geographical unit without a group; as [`triple_helix_bootstrap`].
#[wasm_bindgen(js_name = decompose)]
pub fn decompose(
    table_input: &ThreeWayTableInput,
    #[wasm_bindgen(unchecked_param_type = "Record<string, string>")] groups: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<BootstrapParams>")] bootstrap: Option<JsValue>,
) -> Result<DecompositionObject, JsValue> {
    let t = table(table_input, "decompose table")?;
    let g: BTreeMap<String, String> = req(groups, "decompose groups")?;
    let b: Option<sy::BootstrapParams> = match bootstrap {
        Some(v) if !absent(&v) => Some(req(&v, "decompose bootstrap")?),
        _ => None,
    };
    js(&sy::decompose(&t, &g, b.as_ref()).map_err(|e| js_error(&e))?)
}

/// The Triple Helix synergy of a dataset decomposed by country (or `{ level }`) with the
/// between-group term (options: `DecompositionParams`: `table`, `groups`, `bootstrap`).
///
/// # Errors
/// `InvalidParameterError` for `groups: "region"`; as [`triple_helix_table`] and
/// [`decompose`].
#[wasm_bindgen(js_name = tripleHelixDecomposition)]
pub fn triple_helix_decomposition(
    dataset: &Dataset,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<DecompositionParams>")] options: Option<JsValue>,
) -> Result<DecompositionObject, JsValue> {
    let p: sy::DecompositionParams = params(options, "tripleHelixDecomposition options")?;
    js(&sy::triple_helix_decomposition(dataset.inner(), &p).map_err(|e| js_error(&e))?)
}

/// Proximity synergy of two subjects (actors, clusters, regions or countries): Boschma's
/// five proximities and complementarity, each in [0, 1], their weighted mean, the
/// contributions and the measurements behind them (options: `ProximityParams`).
///
/// # Errors
/// `UnknownLabelError` for an unknown subject; `InvalidParameterError` for another kind of
/// subject or bad options; `JsonError` for input of the wrong shape.
#[wasm_bindgen(js_name = proximity)]
pub fn proximity(
    dataset: &Dataset,
    a: &SubjectRefInput,
    b: &SubjectRefInput,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<ProximityParams>")] options: Option<JsValue>,
) -> Result<ProximityObject, JsValue> {
    let (a, b) = (subject(a, "proximity a")?, subject(b, "proximity b")?);
    let p: sy::ProximityParams = params(options, "proximity options")?;
    js(&sy::proximity(dataset.inner(), &a, &b, &p).map_err(|e| js_error(&e))?)
}

/// Proximity synergy between every pair of subjects: the `synergy` matrix (labelled by
/// subject id) and every pair `i < j` explained.
///
/// # Errors
/// As [`proximity`]; `DuplicateLabelError` for a subject given twice; `EmptyInputError`
/// for no subjects.
#[wasm_bindgen(js_name = proximityMatrix)]
pub fn proximity_matrix(
    dataset: &Dataset,
    subject_list: &SubjectRefArray,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<ProximityParams>")] options: Option<JsValue>,
) -> Result<ProximityMatrixObject, JsValue> {
    let s = subjects(subject_list, "proximityMatrix subjects")?;
    let p: sy::ProximityParams = params(options, "proximityMatrix options")?;
    js(&sy::proximity_matrix(dataset.inner(), &s, &p).map_err(|e| js_error(&e))?)
}

/// Ranked partner candidates for each subject: `score = (1 - lambda) synergy + lambda link /
/// max link` (proximity synergy and link prediction), filtered (transnational, countries,
/// helix kinds, existing partners) and explained in words (options: `MatchParams`).
///
/// # Errors
/// `UnknownLabelError` for an unknown subject or candidate; `InvalidParameterError` for bad
/// options or an unsupported kind of subject.
#[wasm_bindgen(js_name = matchPartners)]
pub fn match_partners(
    dataset: &Dataset,
    subject_list: &SubjectRefArray,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<MatchParams>")] options: Option<JsValue>,
) -> Result<PartnerCandidateArray, JsValue> {
    let s = subjects(subject_list, "matchPartners subjects")?;
    let p: sy::MatchParams = params(options, "matchPartners options")?;
    js(&sy::match_partners(dataset.inner(), &s, &p).map_err(|e| js_error(&e))?)
}

/// Proximity computations on one dataset with one set of options (`ProximityParams`).
///
/// The core's `SynergyContext` borrows its dataset, which a JavaScript object cannot, so this
/// class keeps its own copy of the dataset and the checked options, and each call builds the
/// core context once (a projection, a Louvain run and the relatedness of the activities):
/// pass many pairs to `proximities` rather than calling `proximity` in a loop.
#[wasm_bindgen]
pub struct SynergyContext {
    dataset: clusterpolicy::Dataset,
    params: sy::ProximityParams,
}

impl SynergyContext {
    fn with<T>(&self, f: impl FnOnce(&sy::SynergyContext<'_>) -> clusterpolicy::Result<T>) -> Result<T, JsValue> {
        sy::SynergyContext::new(&self.dataset, &self.params).and_then(|ctx| f(&ctx)).map_err(|e| js_error(&e))
    }
}

#[wasm_bindgen]
impl SynergyContext {
    /// A context on a copy of `dataset` with the given options.
    ///
    /// # Errors
    /// `JsonError` for bad options; `InvalidParameterError` and the other errors of the
    /// core's `SynergyContext::new` (checked here, once).
    #[wasm_bindgen(constructor)]
    pub fn new(
        dataset: &Dataset,
        #[wasm_bindgen(unchecked_optional_param_type = "Partial<ProximityParams>")] options: Option<JsValue>,
    ) -> Result<SynergyContext, JsValue> {
        let p: sy::ProximityParams = params(options, "SynergyContext options")?;
        let ctx = Self { dataset: dataset.inner().clone(), params: p };
        ctx.with(|_| Ok(()))?;
        Ok(ctx)
    }

    /// Proximity synergy of two subjects, as [`proximity`].
    ///
    /// # Errors
    /// As [`proximity`].
    pub fn proximity(&self, a: &SubjectRefInput, b: &SubjectRefInput) -> Result<ProximityObject, JsValue> {
        let (a, b) = (subject(a, "proximity a")?, subject(b, "proximity b")?);
        js(&self.with(|ctx| ctx.proximity(&a, &b))?)
    }

    /// Proximity synergy of each `[a, b]` pair, with one core context for all.
    ///
    /// # Errors
    /// As [`proximity`], for the first pair that fails.
    pub fn proximities(
        &self,
        #[wasm_bindgen(unchecked_param_type = "[SubjectRef, SubjectRef][]")] pairs: &JsValue,
    ) -> Result<ProximityArray, JsValue> {
        let pairs: Vec<(SubjectRef, SubjectRef)> = req(pairs, "proximities pairs")?;
        js(&self
            .with(|ctx| pairs.iter().map(|(a, b)| ctx.proximity(a, b)).collect::<clusterpolicy::Result<Vec<_>>>())?)
    }

    /// Ranked partner candidates with this context's proximity options (`options.proximity`
    /// is ignored), as [`match_partners`].
    ///
    /// # Errors
    /// As [`match_partners`].
    #[wasm_bindgen(js_name = matchPartners)]
    pub fn match_partners(
        &self,
        subject_list: &SubjectRefArray,
        #[wasm_bindgen(unchecked_optional_param_type = "Partial<MatchParams>")] options: Option<JsValue>,
    ) -> Result<PartnerCandidateArray, JsValue> {
        let s = subjects(subject_list, "matchPartners subjects")?;
        let p: sy::MatchParams = params(options, "matchPartners options")?;
        js(&self.with(|ctx| ctx.match_partners(&s, &p))?)
    }

    /// The cooperation network the context uses (the projection of `options.projection`).
    ///
    /// # Errors
    /// None in practice (the options were checked by the constructor).
    pub fn network(&self) -> Result<Network, JsValue> {
        self.with(|ctx| Ok(Network::from(ctx.network().clone())))
    }

    /// The options, with every default filled in.
    ///
    /// # Errors
    /// None in practice.
    #[wasm_bindgen(unchecked_return_type = "ProximityParams")]
    pub fn options(&self) -> Result<JsValue, JsValue> {
        to_js(&self.params)
    }
}

/// Activities shared by several regions' strategies and specialisations (`specialisation`:
/// an optional region x activity `MatrixInput`, e.g. RCA; options: `JointPriorityParams`).
///
/// # Errors
/// `UnknownLabelError` for an unknown region; `EmptyInputError` when no region is compared;
/// `NonFiniteError` for NaN in the matrix; `InvalidParameterError` for bad options.
#[wasm_bindgen(js_name = jointPriorities)]
pub fn joint_priorities(
    dataset: &Dataset,
    #[wasm_bindgen(unchecked_optional_param_type = "MatrixInput | null")] specialisation: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<JointPriorityParams>")] options: Option<JsValue>,
) -> Result<JointPrioritiesObject, JsValue> {
    let m = optional_matrix(specialisation, "jointPriorities specialisation")?;
    let p: sy::JointPriorityParams = params(options, "jointPriorities options")?;
    js(&sy::joint_priorities(dataset.inner(), m.as_ref(), &p).map_err(|e| js_error(&e))?)
}

/// Chooses the members of a transnational initiative by greedy submodular maximisation of
/// covered synergy, programme-area coverage and joint-priority coverage under a size budget
/// (`(1 - 1/e)` guarantee; options: `InitiativeParams`).
///
/// # Errors
/// `InvalidParameterError` for bad options or an unsupported kind; `UnknownLabelError` for an
/// unknown candidate or programme; `EmptyInputError` without candidates.
#[wasm_bindgen(js_name = designInitiative)]
pub fn design_initiative(
    dataset: &Dataset,
    #[wasm_bindgen(unchecked_optional_param_type = "MatrixInput | null")] specialisation: Option<JsValue>,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<InitiativeParams>")] options: Option<JsValue>,
) -> Result<InitiativeObject, JsValue> {
    let m = optional_matrix(specialisation, "designInitiative specialisation")?;
    let p: sy::InitiativeParams = params(options, "designInitiative options")?;
    js(&sy::design_initiative(dataset.inner(), m.as_ref(), &p).map_err(|e| js_error(&e))?)
}

/// The objective values of given sets of members, on the terms of [`design_initiative`].
///
/// # Errors
/// As [`design_initiative`]; `UnknownLabelError` for a member that is not a candidate.
#[wasm_bindgen(js_name = evaluateInitiatives)]
pub fn evaluate_initiatives(
    dataset: &Dataset,
    #[wasm_bindgen(unchecked_param_type = "MatrixInput | null | undefined")] specialisation: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SubjectRef[][]")] sets: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<InitiativeParams>")] options: Option<JsValue>,
) -> Result<InitiativeValueArray, JsValue> {
    let m = optional_matrix(Some(specialisation), "evaluateInitiatives specialisation")?;
    let s: Vec<Vec<SubjectRef>> = req(sets, "evaluateInitiatives sets")?;
    let p: sy::InitiativeParams = params(options, "evaluateInitiatives options")?;
    js(&sy::evaluate_initiatives(dataset.inner(), m.as_ref(), &s, &p).map_err(|e| js_error(&e))?)
}

/// Triple Helix synergy and network measures of two periods compared, with bootstrap
/// intervals over projects (options: `ImpactParams`; `before` and `after` are required).
///
/// # Errors
/// `JsonError` without the periods; `InvalidParameterError` for a period that ends before it
/// starts or bad nested options; `EmptyInputError` when a period has no project.
#[wasm_bindgen(js_name = synergyImpact)]
pub fn synergy_impact(
    dataset: &Dataset,
    #[wasm_bindgen(unchecked_param_type = "ImpactOptions")] options: &JsValue,
) -> Result<ImpactObject, JsValue> {
    let p: sy::ImpactParams = req(options, "synergyImpact options")?;
    js(&sy::synergy_impact(dataset.inner(), &p).map_err(|e| js_error(&e))?)
}

/// Matches the actors of two datasets one to one: the same id, else the same normalised
/// name and country (unique on both sides).
///
/// # Errors
/// None in practice.
#[wasm_bindgen(js_name = matchActors)]
pub fn match_actors(a: &Dataset, b: &Dataset) -> Result<ActorMatchingObject, JsValue> {
    js(&sy::match_actors(a.inner(), b.inner()))
}

/// Held-out evaluation of partner recommendations: recommend from the network of `before`
/// and score the partnerships new in `after` (AUC, average precision, precision@k and
/// recall@k per predictor; options: `HeldOutParams`).
///
/// # Errors
/// `InvalidParameterError` for bad options; `UnknownLabelError` for a matched id that is not
/// an actor of its dataset; `EmptyInputError` when no query is left.
#[wasm_bindgen(js_name = heldoutEvaluation)]
pub fn heldout_evaluation(
    before: &Dataset,
    after: &Dataset,
    #[wasm_bindgen(unchecked_param_type = "ActorMatching")] matching: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Partial<HeldOutParams>")] options: Option<JsValue>,
) -> Result<HeldOutEvaluationObject, JsValue> {
    let m: sy::ActorMatching = req(matching, "heldoutEvaluation matching")?;
    let p: sy::HeldOutParams = params(options, "heldoutEvaluation options")?;
    js(&sy::heldout_evaluation(before.inner(), after.inner(), &m, &p).map_err(|e| js_error(&e))?)
}

/// The synergy section of the report: Triple Helix by country with bootstrap intervals,
/// partner recommendations for sample actors, joint priorities, a proposed initiative and
/// the synergy impact between programme periods (`specialisation`: optional RCA matrix).
///
/// # Errors
/// `EmptyInputError` when no actor has a helix kind, an activity and a region; as
/// [`match_partners`].
#[wasm_bindgen(js_name = synergySummary)]
pub fn synergy_summary(
    dataset: &Dataset,
    #[wasm_bindgen(unchecked_optional_param_type = "MatrixInput | null")] specialisation: Option<JsValue>,
) -> Result<SynergySummaryObject, JsValue> {
    let m = optional_matrix(specialisation, "synergySummary specialisation")?;
    js(&sy::summarise(dataset.inner(), m.as_ref()).map_err(|e| js_error(&e))?)
}
