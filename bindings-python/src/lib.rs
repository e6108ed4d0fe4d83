//! Python bindings of [`clusterpolicy`]: the private extension module `clusterpolicy._native`,
//! re-exported with types and docs by the facade package `clusterpolicy`
//! (`python/clusterpolicy/__init__.py`, stubs in `_native.pyi`).
//!
//! The bindings hold no analysis: each function converts its arguments, calls one core
//! function, converts the result and maps the error.
//!
//! | file | what |
//! |---|---|
//! | `error.rs` | `ClusterPolicyError` and one subclass per `clusterpolicy::Error::kind`, and the mapping |
//! | `conversion.rs` | serde <-> Python through `pythonize` |
//! | `model.rs` | `Dataset`, `ValidationReport`, `Problem` (core `model`) |
//! | `csv.rs` | `LongTable`, `Partnerships`, `partnership_spec` (core `model::csv`) |
//! | `progress.rs` | a Python progress callback as a core `Progress` |
//! | `network.rs` | `Network`, `net_projection`, `net_betweenness`, `net_louvain`, `net_brokerage`, ... (core `network`) |
//! | `complexity.rs` | `relatedness_array`, `economic_complexity_array`, `complexity_profile_panel`, `priority_maps`, `backtest_panel`, ... (core `complexity`) |
//! | `report.rs` | `report`, `report_html` (core `report`) |
//! | `sample.rs` | `sample_dataset` (core `sample`) |
//! | `strategy.rs` | `topsis_array`, `vikor_array`, `promethee_ii_array`, `smaa_array`, `ahp_array`, `did_panel`, `evidence_feedback`, ... (core `strategy`) |
//! | `synergy.rs` | `syn_triple_helix_values`, `syn_triple_helix_decomposition`, `syn_proximity`, `syn_match_partners`, `syn_design_initiative`, ... (core `synergy`) |
//! | `specialisation.rs` | `rca_array`, `presence_array`, `analyse_array`, ... (core `specialisation`) |
//!
//! Build with `maturin develop --release` in a virtual environment (see
//! `scripts/test-python.sh`).

mod complexity;
mod conversion;
mod csv;
mod error;
mod model;
mod network;
mod progress;
mod report;
mod sample;
mod specialisation;
mod strategy;
mod synergy;

use pyo3::prelude::*;

/// Native core of the clusterpolicy package; import `clusterpolicy` instead.
#[pymodule]
mod _native {
    #[pymodule_export]
    use super::complexity::{
        backtest_panel, complexity_outlook_array, complexity_profile_panel, cooccurrence_array,
        economic_complexity_array, opportunity_gain_array, priority_maps, relatedness_array, relatedness_density_array,
        relative_relatedness_array, subnational_eci_array,
    };
    #[pymodule_export]
    use super::csv::{PyLongTable, PyPartnerships, partnership_spec};
    #[pymodule_export]
    use super::model::{PyDataset, PyProblem, ValidationReport};
    #[pymodule_export]
    use super::network::{
        PyNetwork, net_aggregate, net_approximate_betweenness, net_attribute_assortativity, net_average_clustering,
        net_betweenness, net_bipartite, net_brokerage, net_closeness, net_clustering, net_components, net_consensus,
        net_core_number, net_cut_structure, net_degree, net_degree_assortativity, net_density, net_edge_betweenness,
        net_ei_index, net_eigenvector, net_gexf, net_graphml, net_group_measure, net_group_removal, net_harmonic,
        net_leiden, net_link_scores, net_local_efficiency, net_louvain, net_modularity, net_node_link, net_pagerank,
        net_path_summary, net_projection, net_recommend, net_robustness, net_strength, net_structural_holes,
        net_summarise, net_transitivity, net_windows,
    };
    #[pymodule_export]
    use super::report::{report, report_html};
    #[pymodule_export]
    use super::sample::sample_dataset;
    #[pymodule_export]
    use super::specialisation::{
        analyse_array, cluster_employment_array, example_nace_mapping, observation_panel, presence_array, rca_array,
        round_half_even, rpop_array, rpop_presence_array, shift_share_array, star_ratings_array, summarise_dataset,
        symmetric_rca_array, variety_array,
    };
    #[pymodule_export]
    use super::strategy::{
        achievement_rate, ahp_array, before_after, did_panel, did_two_period, evidence_feedback, knowledge_hub,
        nearest_peers, normalise_array, peer_distances_array, pilot_panel, pool_evidence, programme_monitoring,
        project_monitoring, promethee_ii_array, region_profiles, scenario_payoffs, scenario_rules_array, smaa_array,
        strategy_scoreboard, strategy_summary, topsis_array, vikor_array, weight_breakpoints_array,
        weighted_product_array, weighted_sum_array,
    };
    #[pymodule_export]
    use super::synergy::{
        syn_context_proximities, syn_decompose, syn_design_initiative, syn_evaluate_initiatives,
        syn_heldout_evaluation, syn_joint_priorities, syn_match_actors, syn_match_partners, syn_proximity,
        syn_proximity_matrix, syn_proximity_params, syn_summarise, syn_synergy_impact, syn_triple_helix,
        syn_triple_helix_bootstrap, syn_triple_helix_decomposition, syn_triple_helix_table, syn_triple_helix_values,
    };
    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        // Functions read as `clusterpolicy.report` (like the classes): in reprs, pickles and
        // for doctest collection through the facade.
        for name in ["report", "report_html", "sample_dataset"] {
            m.getattr(name)?.setattr("__module__", "clusterpolicy")?;
        }
        super::error::register(m)
    }
}
