"""Native core of the clusterpolicy package; import ``clusterpolicy`` instead."""

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, final

import numpy as np
import numpy.typing as npt

from clusterpolicy._types import DatasetDict, ProblemDict, ProblemKind, Severity

__all__ = [
    "Network",
    "net_aggregate",
    "net_approximate_betweenness",
    "net_attribute_assortativity",
    "net_average_clustering",
    "net_betweenness",
    "net_bipartite",
    "net_brokerage",
    "net_closeness",
    "net_clustering",
    "net_components",
    "net_consensus",
    "net_core_number",
    "net_cut_structure",
    "net_degree",
    "net_degree_assortativity",
    "net_density",
    "net_edge_betweenness",
    "net_ei_index",
    "net_eigenvector",
    "net_gexf",
    "net_graphml",
    "net_group_measure",
    "net_group_removal",
    "net_harmonic",
    "net_leiden",
    "net_link_scores",
    "net_local_efficiency",
    "net_louvain",
    "net_modularity",
    "net_node_link",
    "net_pagerank",
    "net_path_summary",
    "net_projection",
    "net_recommend",
    "net_robustness",
    "net_strength",
    "net_structural_holes",
    "net_summarise",
    "net_transitivity",
    "net_windows",
    "ClusterPolicyError",
    "CsvError",
    "Dataset",
    "DuplicateLabelError",
    "EmptyInputError",
    "InvalidParameterError",
    "IoError",
    "JsonError",
    "NonFiniteError",
    "Problem",
    "ShapeMismatchError",
    "UnknownLabelError",
    "ValidationError",
    "ValidationReport",
    "LongTable",
    "Partnerships",
    "partnership_spec",
    "__version__",
    "report",
    "report_html",
    "sample_dataset",
    "achievement_rate",
    "ahp_array",
    "before_after",
    "did_panel",
    "did_two_period",
    "evidence_feedback",
    "knowledge_hub",
    "nearest_peers",
    "normalise_array",
    "peer_distances_array",
    "pilot_panel",
    "pool_evidence",
    "programme_monitoring",
    "project_monitoring",
    "promethee_ii_array",
    "region_profiles",
    "scenario_payoffs",
    "scenario_rules_array",
    "smaa_array",
    "strategy_scoreboard",
    "strategy_summary",
    "topsis_array",
    "vikor_array",
    "weight_breakpoints_array",
    "weighted_product_array",
    "weighted_sum_array",
    "analyse_array",
    "cluster_employment_array",
    "example_nace_mapping",
    "observation_panel",
    "presence_array",
    "rca_array",
    "round_half_even",
    "rpop_array",
    "rpop_presence_array",
    "shift_share_array",
    "star_ratings_array",
    "summarise_dataset",
    "symmetric_rca_array",
    "variety_array",
    "backtest_panel",
    "complexity_outlook_array",
    "complexity_profile_panel",
    "cooccurrence_array",
    "economic_complexity_array",
    "opportunity_gain_array",
    "priority_maps",
    "relatedness_array",
    "relatedness_density_array",
    "relative_relatedness_array",
    "subnational_eci_array",
    "syn_context_proximities",
    "syn_decompose",
    "syn_design_initiative",
    "syn_evaluate_initiatives",
    "syn_heldout_evaluation",
    "syn_joint_priorities",
    "syn_match_actors",
    "syn_match_partners",
    "syn_proximity",
    "syn_proximity_matrix",
    "syn_proximity_params",
    "syn_summarise",
    "syn_synergy_impact",
    "syn_triple_helix",
    "syn_triple_helix_bootstrap",
    "syn_triple_helix_decomposition",
    "syn_triple_helix_table",
    "syn_triple_helix_values",
]

__version__: str

# ---------------------------------------------------------------------------------------
# Errors: ClusterPolicyError and one subclass per clusterpolicy::Error kind. The message is
# the Rust error's text; the structured fields of the variant are attributes.

class ClusterPolicyError(ValueError):
    """Base class of every error raised by clusterpolicy (a ValueError)."""

class JsonError(ClusterPolicyError):
    """A JSON document (or a dict given to from_dict) could not be read as the expected type."""

    line: int
    column: int
    message: str

class CsvError(ClusterPolicyError):
    """A CSV row could not be read or interpreted."""

    source_name: str
    line: int
    column: str | None
    message: str

class IoError(ClusterPolicyError, OSError):
    """A file could not be read or written (also an OSError)."""

    path: str
    message: str

class ValidationError(ClusterPolicyError):
    """A dataset failed validation."""

    problems: list[ProblemDict]
    report: ValidationReport

class InvalidParameterError(ClusterPolicyError):
    """A parameter is outside its allowed range or combination."""

    name: str
    reason: str

class ShapeMismatchError(ClusterPolicyError):
    """Two inputs that must agree in shape do not."""

    what: str
    expected: str
    found: str

class UnknownLabelError(ClusterPolicyError):
    """A label (region, activity, actor, ...) was looked up and not found."""

    kind: str
    id: str

class DuplicateLabelError(ClusterPolicyError):
    """A label occurs twice where labels must be unique."""

    kind: str
    id: str

class NonFiniteError(ClusterPolicyError):
    """A number is NaN or infinite where a finite number is required."""

    what: str
    at: str

class EmptyInputError(ClusterPolicyError):
    """An input is empty where at least one element is required."""

    what: str

# ---------------------------------------------------------------------------------------
# Data model

@final
class Dataset:
    """Everything the knowledge platform knows, as one JSON document."""

    def __new__(cls, name: str) -> Dataset: ...
    @classmethod
    def from_json(cls, s: str | bytes | bytearray) -> Dataset: ...
    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Dataset: ...
    @classmethod
    def read_json(cls, path: str | os.PathLike[str]) -> Dataset: ...
    def write_json(self, path: str | os.PathLike[str]) -> None: ...
    def to_json(self, pretty: bool = False) -> str: ...
    def to_dict(self) -> DatasetDict: ...
    def validate(self) -> ValidationReport: ...
    def validated(self) -> Dataset: ...
    @staticmethod
    def json_schema() -> dict[str, Any]: ...
    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str | None: ...
    @property
    def synthetic(self) -> bool: ...
    @property
    def counts(self) -> dict[str, int]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
    def __copy__(self) -> Dataset: ...
    def __deepcopy__(self, memo: Any, /) -> Dataset: ...

@final
class Problem:
    """One problem found by Dataset.validate()."""

    def __new__(cls, path: str, kind: ProblemKind, severity: Severity, message: str) -> Problem: ...
    @property
    def path(self) -> str: ...
    @property
    def kind(self) -> ProblemKind: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def message(self) -> str: ...
    def to_dict(self) -> ProblemDict: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __reduce__(self) -> tuple[type[Problem], tuple[str, str, str, str]]: ...

@final
class ValidationReport:
    """The result of Dataset.validate(): every problem, in document order."""

    def __new__(cls, problems: Sequence[Problem] = ...) -> ValidationReport: ...
    @property
    def problems(self) -> list[Problem]: ...
    @property
    def is_valid(self) -> bool: ...
    def counts(self) -> dict[ProblemKind, int]: ...
    def to_dict(self) -> dict[str, list[ProblemDict]]: ...
    def to_json(self, pretty: bool = False) -> str: ...
    def to_pandas(self) -> Any: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Problem]: ...
    def __getitem__(self, key: int, /) -> Problem: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> tuple[type[ValidationReport], tuple[list[Problem]]]: ...

# ---------------------------------------------------------------------------------------
# Report of the main job

def report(dataset: Dataset) -> dict[str, Any]:
    """The report of a dataset as a dict: its summary and its validation findings."""

def report_html(dataset: Dataset) -> str:
    """The report of a dataset as one self-contained HTML page."""

# ---------------------------------------------------------------------------------------
# The embedded synthetic dataset

def sample_dataset(
    *,
    seed: int = ...,
    years: Sequence[int] = ...,
    concentration: float = ...,
    clusters: int = ...,
    other_actors: int = ...,
    projects: int = ...,
    danube_programme: bool = ...,
    cluster_strategies: int = ...,
    evidence: int = ...,
    scenarios: int = ...,
) -> Dataset:
    """The synthetic dataset of the South-East Europe programme area."""

# ---------------------------------------------------------------------------------------
# Strategy evaluation and policy learning (core `strategy`); facade: clusterpolicy.strategy

def weighted_sum_array(
    matrix: npt.NDArray[np.float64], weights: npt.NDArray[np.float64], types: Any, **kwargs: Any
) -> dict[str, Any]:
    """Weighted sum: {"scores", "rank"}."""

def weighted_product_array(
    matrix: npt.NDArray[np.float64], weights: npt.NDArray[np.float64], types: Any, **kwargs: Any
) -> dict[str, Any]:
    """Weighted product: {"scores", "rank"}."""

def topsis_array(
    matrix: npt.NDArray[np.float64], weights: npt.NDArray[np.float64], types: Any, **kwargs: Any
) -> dict[str, Any]:
    """TOPSIS: {"closeness", "d_plus", "d_minus", "rank"}."""

def vikor_array(
    matrix: npt.NDArray[np.float64], weights: npt.NDArray[np.float64], types: Any, **kwargs: Any
) -> dict[str, Any]:
    """VIKOR: S, R, Q, ranks, DQ, C1, C2 and the compromise set."""

def promethee_ii_array(
    matrix: npt.NDArray[np.float64], weights: npt.NDArray[np.float64], types: Any, **kwargs: Any
) -> dict[str, Any]:
    """PROMETHEE II: {"phi_plus", "phi_minus", "phi_net", "rank", "pi"}."""

def normalise_array(matrix: npt.NDArray[np.float64], types: Any, method: str = ...) -> npt.NDArray[np.float64]:
    """The normalised decision matrix."""

def ahp_array(matrix: npt.NDArray[np.float64], **kwargs: Any) -> dict[str, Any]:
    """AHP weights and consistency."""

def weight_breakpoints_array(
    matrix: npt.NDArray[np.float64], weights: npt.NDArray[np.float64], types: Any, **kwargs: Any
) -> dict[str, Any]:
    """Exact one-at-a-time weight breakpoints."""

def smaa_array(
    matrix: npt.NDArray[np.float64],
    types: Any,
    progress: Callable[[int, int], Any] | None = None,
    **kwargs: Any,
) -> dict[str, Any]:
    """SMAA-2 rank acceptability, central weights, confidence and holistic acceptability."""

def scenario_rules_array(payoff: npt.NDArray[np.float64], **kwargs: Any) -> dict[str, Any]:
    """Decision rules under scenarios."""

def achievement_rate(baseline: float, target: float, actual: float) -> float | None:
    """(actual - baseline) / (target - baseline)."""

def strategy_scoreboard(dataset: Dataset, strategy: str, **kwargs: Any) -> dict[str, Any]:
    """The target scoreboard of a strategy."""

def did_two_period(observations: Any, **kwargs: Any) -> dict[str, Any]:
    """Two-period difference-in-differences."""

def did_panel(observations: Any, **kwargs: Any) -> dict[str, Any]:
    """Two-way fixed-effects difference-in-differences."""

def before_after(observations: Any, cut: int) -> dict[str, Any]:
    """Before/after comparison."""

def pilot_panel(dataset: Dataset, **kwargs: Any) -> list[dict[str, Any]]:
    """The pilot-evaluation panel of a dataset."""

def peer_distances_array(
    data: npt.NDArray[np.float64], regions: Sequence[str], variables: Sequence[str], dimensions: Any = None
) -> dict[str, Any]:
    """Structural distances between regions."""

def nearest_peers(distances: Any, region: str, k: int) -> list[dict[str, Any]]:
    """The k nearest peers of a region."""

def region_profiles(
    dataset: Dataset, year: int | None = None
) -> tuple[npt.NDArray[np.float64], list[str], list[str], list[dict[str, Any]]]:
    """Structural profiles of a dataset's regions and the default dimensions."""

def pool_evidence(evidence: Any, prior: tuple[float, float] | None = None, **kwargs: Any) -> dict[str, Any]:
    """Pooled effect of evidence records."""

def evidence_feedback(dataset: Dataset, strategy: str, **kwargs: Any) -> dict[str, Any]:
    """Evidence-updated effects and ranking of a strategy's measures."""

def knowledge_hub(dataset: Dataset, region: str, **kwargs: Any) -> list[dict[str, Any]]:
    """Knowledge-hub items for a region."""

def scenario_payoffs(dataset: Dataset, strategy: str, **kwargs: Any) -> dict[str, Any]:
    """Payoffs of a strategy's measures under the scenarios."""

def programme_monitoring(dataset: Dataset, programme: str, **kwargs: Any) -> dict[str, Any]:
    """Monitoring of a programme."""

def project_monitoring(dataset: Dataset, project: str, **kwargs: Any) -> dict[str, Any]:
    """Monitoring of one project."""

def strategy_summary(dataset: Dataset) -> dict[str, Any]:
    """The strategy section of the report."""

# Specialisation and cluster mapping (core `specialisation`); facade: clusterpolicy.specialisation

def rca_array(
    values: npt.NDArray[np.float64],
    *,
    zero_rows: str = ...,
    zero_cols: str = ...,
    missing: str = ...,
    threshold: float = ...,
    digits: int | None = ...,
    rows: Any = ...,
    cols: Any = ...,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """Location quotient / RCA: (values, kept_rows, kept_cols)."""

def presence_array(
    values: npt.NDArray[np.float64],
    *,
    zero_rows: str = ...,
    zero_cols: str = ...,
    missing: str = ...,
    threshold: float = ...,
    digits: int | None = ...,
    rows: Any = ...,
    cols: Any = ...,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """Binary presence (RCA >= threshold): (values, kept_rows, kept_cols)."""

def symmetric_rca_array(
    values: npt.NDArray[np.float64],
    *,
    zero_rows: str = ...,
    zero_cols: str = ...,
    missing: str = ...,
    threshold: float = ...,
    digits: int | None = ...,
    rows: Any = ...,
    cols: Any = ...,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """Symmetric RCA: (values, kept_rows, kept_cols)."""

def rpop_array(
    values: npt.NDArray[np.float64],
    population: Sequence[float],
    *,
    zero_rows: str = ...,
    zero_cols: str = ...,
    missing: str = ...,
    threshold: float = ...,
    digits: int | None = ...,
    rows: Any = ...,
    cols: Any = ...,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """Per-capita presence index RPOP: (values, kept_rows, kept_cols)."""

def rpop_presence_array(
    values: npt.NDArray[np.float64],
    population: Sequence[float],
    *,
    zero_rows: str = ...,
    zero_cols: str = ...,
    missing: str = ...,
    threshold: float = ...,
    digits: int | None = ...,
    rows: Any = ...,
    cols: Any = ...,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """Per-capita presence (RPOP >= threshold): (values, kept_rows, kept_cols)."""

def analyse_array(
    values: npt.NDArray[np.float64],
    *,
    reference: Sequence[float] | None = ...,
    convention: str = ...,
    zero_rows: str = ...,
    zero_cols: str = ...,
    missing: str = ...,
    threshold: float = ...,
    digits: int | None = ...,
    rows: Any = ...,
    cols: Any = ...,
) -> dict[str, Any]:
    """RCA, presence, region and activity indices: a dict of arrays."""

def variety_array(
    values: npt.NDArray[np.float64],
    rows: Sequence[str],
    cols: Sequence[str],
    groups: Mapping[str, str],
    *,
    base: float = ...,
    zero_rows: str = ...,
    missing: str = ...,
) -> dict[str, Any]:
    """Entropy, unrelated and related variety per region."""

def shift_share_array(
    base: npt.NDArray[np.float64], end: npt.NDArray[np.float64], rows: Sequence[str], cols: Sequence[str]
) -> dict[str, Any]:
    """Shift-share decomposition: national_rate, activity_rates and component arrays."""

def star_ratings_array(
    employment: npt.NDArray[np.float64],
    region_totals: Sequence[float],
    rows: Sequence[str],
    categories: Sequence[str],
    *,
    size_top_share: float = ...,
    specialisation_threshold: float = ...,
    focus_top_share: float = ...,
    focus_scope: str = ...,
) -> list[dict[str, Any]]:
    """European Cluster Observatory star ratings, one dict per region x category."""

def cluster_employment_array(
    values: npt.NDArray[np.float64], rows: Sequence[str], cols: Sequence[str], mapping: Mapping[str, Any]
) -> tuple[npt.NDArray[np.float64], list[str]]:
    """Employment per region and cluster category: (values, category ids)."""

def example_nace_mapping() -> dict[str, Any]:
    """The example NACE cluster mapping (illustrative)."""

def summarise_dataset(
    dataset: Dataset, indicator: str = ..., mapping: Mapping[str, Any] | None = ..., top: int = ...
) -> dict[str, Any]:
    """Top specialisations and star clusters per region of a dataset."""

def observation_panel(
    dataset: Dataset, indicator: str = ...
) -> tuple[list[int], list[str], list[str], npt.NDArray[np.float64]]:
    """The years x regions x activities panel of an indicator's observations."""

def round_half_even(x: float, digits: int) -> float:
    """R's round(x, digits)."""

# ---------------------------------------------------------------------------------------
# Cooperation networks (facade: clusterpolicy.network)

@final
class Network:
    """An undirected, weighted cooperation network of named nodes."""

    @classmethod
    def from_edges(
        cls, edges: Sequence[tuple[str, str, float]], nodes: Sequence[Mapping[str, Any]] | None = None
    ) -> Network: ...
    @classmethod
    def from_dict(cls, d: Any) -> Network: ...
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def ids(self) -> list[str]: ...
    @property
    def nodes(self) -> list[dict[str, Any]]: ...
    @property
    def edges(self) -> list[dict[str, Any]]: ...
    @property
    def node_count(self) -> int: ...
    @property
    def edge_count(self) -> int: ...
    @property
    def level(self) -> str: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __ne__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __reduce__(self) -> tuple[Any, tuple[Any]]: ...

def net_projection(dataset: Dataset, **kwargs: Any) -> tuple[Network, dict[str, Any]]: ...
def net_windows(dataset: Dataset, **kwargs: Any) -> list[tuple[dict[str, int], Network, dict[str, Any]]]: ...
def net_bipartite(dataset: Dataset, money: bool = False) -> tuple[Network, int]: ...
def net_aggregate(net: Network, group_by: Any, self_loops: Any) -> Network: ...
def net_degree(net: Network) -> list[float]: ...
def net_strength(net: Network) -> list[float]: ...
def net_betweenness(net: Network, **kwargs: Any) -> list[float]: ...
def net_edge_betweenness(net: Network, **kwargs: Any) -> list[float]: ...
def net_approximate_betweenness(net: Network, **kwargs: Any) -> dict[str, Any]: ...
def net_closeness(net: Network, **kwargs: Any) -> list[float]: ...
def net_harmonic(net: Network, **kwargs: Any) -> list[float]: ...
def net_eigenvector(net: Network, **kwargs: Any) -> list[float]: ...
def net_pagerank(net: Network, **kwargs: Any) -> list[float]: ...
def net_clustering(net: Network, weighted: bool = False) -> list[float]: ...
def net_average_clustering(net: Network, weighted: bool = False) -> float: ...
def net_transitivity(net: Network) -> float: ...
def net_core_number(net: Network) -> list[int]: ...
def net_components(net: Network) -> list[list[int]]: ...
def net_density(net: Network) -> float: ...
def net_path_summary(net: Network, distance: Any | None = None) -> dict[str, Any]: ...
def net_local_efficiency(net: Network) -> float: ...
def net_degree_assortativity(net: Network) -> float: ...
def net_attribute_assortativity(net: Network, group_by: Any) -> float: ...
def net_louvain(net: Network, **kwargs: Any) -> dict[str, Any]: ...
def net_leiden(net: Network, **kwargs: Any) -> dict[str, Any]: ...
def net_modularity(net: Network, membership: Sequence[int], resolution: float = 1.0, weighted: bool = True) -> float: ...
def net_consensus(net: Network, **kwargs: Any) -> dict[str, Any]: ...
def net_brokerage(net: Network, group_by: Any) -> dict[str, Any]: ...
def net_ei_index(net: Network, group_by: Any, weighted: bool = False) -> dict[str, Any]: ...
def net_structural_holes(net: Network, weighted: bool = False) -> dict[str, list[float]]: ...
def net_group_measure(net: Network, **kwargs: Any) -> dict[str, Any]: ...
def net_cut_structure(net: Network) -> dict[str, list[int]]: ...
def net_robustness(net: Network, progress: Callable[[int, int], Any] | None = None, **kwargs: Any) -> dict[str, Any]: ...
def net_group_removal(net: Network, group_by: Any) -> list[dict[str, Any]]: ...
def net_recommend(net: Network, **kwargs: Any) -> list[dict[str, Any]]: ...
def net_link_scores(net: Network, pairs: Sequence[tuple[str, str]], method: Any) -> list[float]: ...
def net_graphml(net: Network, extra: Sequence[tuple[str, Sequence[float]]] = ...) -> str: ...
def net_gexf(net: Network, extra: Sequence[tuple[str, Sequence[float]]] = ...) -> str: ...
def net_node_link(net: Network, extra: Sequence[tuple[str, Sequence[float]]] = ...) -> dict[str, Any]: ...
def net_summarise(dataset: Dataset) -> dict[str, Any]: ...

# --- synergy (core `synergy`; facade: clusterpolicy.synergy) ---
_Specialisation = tuple[Sequence[str], Sequence[str], npt.NDArray[np.float64]]

def syn_triple_helix_values(counts: npt.NDArray[np.float64]) -> dict[str, Any]: ...
def syn_triple_helix_table(dataset: Dataset, **kwargs: Any) -> dict[str, Any]: ...
def syn_triple_helix(table: Any) -> dict[str, Any]: ...
def syn_triple_helix_bootstrap(table: Any, **kwargs: Any) -> dict[str, Any]: ...
def syn_decompose(table: Any, groups: Mapping[str, str], bootstrap: Any = None) -> dict[str, Any]: ...
def syn_triple_helix_decomposition(dataset: Dataset, **kwargs: Any) -> dict[str, Any]: ...
def syn_proximity_params(**kwargs: Any) -> dict[str, Any]: ...
def syn_proximity(dataset: Dataset, a: Any, b: Any, **kwargs: Any) -> dict[str, Any]: ...
def syn_context_proximities(dataset: Dataset, pairs: Any, **kwargs: Any) -> list[dict[str, Any]]: ...
def syn_proximity_matrix(dataset: Dataset, subjects: Any, **kwargs: Any) -> dict[str, Any]: ...
def syn_match_partners(dataset: Dataset, subjects: Any, **kwargs: Any) -> list[dict[str, Any]]: ...
def syn_joint_priorities(
    dataset: Dataset, specialisation: _Specialisation | None = None, **kwargs: Any
) -> dict[str, Any]: ...
def syn_design_initiative(
    dataset: Dataset, specialisation: _Specialisation | None = None, **kwargs: Any
) -> dict[str, Any]: ...
def syn_evaluate_initiatives(
    dataset: Dataset, sets: Any, specialisation: _Specialisation | None = None, **kwargs: Any
) -> list[dict[str, Any]]: ...
def syn_synergy_impact(dataset: Dataset, **kwargs: Any) -> dict[str, Any]: ...
def syn_match_actors(a: Dataset, b: Dataset) -> dict[str, Any]: ...
def syn_heldout_evaluation(before: Dataset, after: Dataset, matching: Any, **kwargs: Any) -> dict[str, Any]: ...
def syn_summarise(dataset: Dataset, specialisation: _Specialisation | None = None) -> dict[str, Any]: ...

# --- complexity (core `complexity`) ---
def relatedness_array(
    values: npt.NDArray[np.float64], *, method: str = ..., diagonal: str = ...
) -> npt.NDArray[np.float64]: ...
def cooccurrence_array(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]: ...
def relatedness_density_array(
    presence: npt.NDArray[np.float64],
    relatedness: npt.NDArray[np.float64],
    *,
    scale: str = ...,
    digits: int | None = None,
) -> npt.NDArray[np.float64]: ...
def relative_relatedness_array(
    presence: npt.NDArray[np.float64], relatedness: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]: ...
def economic_complexity_array(
    presence: npt.NDArray[np.float64],
    *,
    method: str = ...,
    iterations: int = 20,
    extremality: float = 1.0,
    tolerance: float = 0.0,
) -> dict[str, Any]: ...
def subnational_eci_array(
    presence: npt.NDArray[np.float64], pci: npt.NDArray[np.float64], *, standardise: bool = False
) -> npt.NDArray[np.float64]: ...
def complexity_outlook_array(
    presence: npt.NDArray[np.float64],
    proximity: npt.NDArray[np.float64],
    pci: npt.NDArray[np.float64],
    *,
    standardise: bool = True,
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]: ...
def opportunity_gain_array(
    presence: npt.NDArray[np.float64], proximity: npt.NDArray[np.float64], pci: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]: ...
def complexity_profile_panel(
    years: Sequence[int],
    rows: Sequence[str],
    cols: Sequence[str],
    values: npt.NDArray[np.float64],
    *,
    threshold: float = 1.0,
) -> dict[str, Any]: ...
def priority_maps(
    values: npt.NDArray[np.float64], rows: Sequence[str], cols: Sequence[str], regions: Sequence[str], **params: Any
) -> list[dict[str, Any]]: ...
def backtest_panel(
    years: Sequence[int],
    rows: Sequence[str],
    cols: Sequence[str],
    values: npt.NDArray[np.float64],
    scores: npt.NDArray[np.float64] | None = None,
    **params: Any,
) -> dict[str, Any]: ...

# ---------------------------------------------------------------------------------------
# CSV import (facade: clusterpolicy.model)

@final
class LongTable:
    """A long-format table read from CSV."""

    @classmethod
    def read(cls, source: Any, *, name: str | None = None, **options: Any) -> LongTable: ...
    @classmethod
    def from_text(cls, text: str, *, name: str = "input.csv", **options: Any) -> LongTable: ...
    @classmethod
    def from_json(cls, s: str | bytes | bytearray) -> LongTable: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def source_name(self) -> str: ...
    @property
    def regions(self) -> list[str]: ...
    @property
    def activities(self) -> list[str]: ...
    @property
    def years(self) -> list[int]: ...
    @property
    def region_names(self) -> dict[str, str]: ...
    @property
    def activity_names(self) -> dict[str, str]: ...
    @property
    def region_countries(self) -> dict[str, str]: ...
    @property
    def summary(self) -> dict[str, int]: ...
    def columns(self) -> dict[str, Any]: ...
    def matrix(self, year: int | None = None) -> tuple[npt.NDArray[np.float64], list[str], list[str]]: ...
    def to_numpy(self, year: int | None = None) -> npt.NDArray[np.float64]: ...
    def to_frame(self, year: int | None = None) -> Any: ...
    def to_pandas(self) -> Any: ...
    def panel(self) -> tuple[list[int], list[str], list[str], npt.NDArray[np.float64]]: ...
    def to_observations(self, indicator: str, year: int | None = None) -> list[dict[str, Any]]: ...
    def to_dataset(self, **params: Any) -> Dataset: ...
    def __len__(self) -> int: ...
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Partnerships:
    """Projects, actors and regions read from a partnership list."""

    @classmethod
    def read(
        cls,
        participations: Any,
        organisations: Any | None = None,
        projects: Any | None = None,
        *,
        spec: str | Mapping[str, Any] | None = None,
    ) -> Partnerships: ...
    @classmethod
    def from_json(cls, s: str | bytes | bytearray) -> Partnerships: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_dataset(self, name: str = "imported") -> Dataset: ...
    @property
    def sources(self) -> list[str]: ...
    @property
    def projects(self) -> list[dict[str, Any]]: ...
    @property
    def actors(self) -> list[dict[str, Any]]: ...
    @property
    def regions(self) -> list[dict[str, Any]]: ...
    @property
    def summary(self) -> dict[str, Any]: ...
    def _repr_html_(self) -> str: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def partnership_spec(preset: str = "default") -> dict[str, Any]:
    """A partnership-import spec preset as a dict."""
