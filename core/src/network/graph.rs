//! The [`Network`] type: an undirected, weighted graph of named nodes, stored as a petgraph
//! compressed-sparse-row graph ([`petgraph::csr::Csr`]) with the node attributes that the
//! cross-border measures group by.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use petgraph::Undirected;
use petgraph::csr::Csr;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::HelixKind;

/// A node of a [`Network`]: an organisation, a region or a country, with the attributes the
/// cross-border measures group by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "NetworkNode")]
pub struct Node {
    /// Unique id (an actor id, a region id or a country code).
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Region id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Helix kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helix: Option<HelixKind>,
    /// Further attributes (strings), usable as groups with [`GroupBy::Attribute`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: BTreeMap<String, String>,
}

impl Node {
    /// A node with an id and nothing else.
    pub fn new(id: impl Into<String>) -> Self {
        Self { id: id.into(), label: None, country: None, region: None, helix: None, attributes: BTreeMap::new() }
    }

    /// Sets the country.
    #[must_use]
    pub fn with_country(mut self, country: impl Into<String>) -> Self {
        self.country = Some(country.into());
        self
    }
}

/// An undirected edge of a [`Network`], between node indices `source <= target`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "NetworkEdge")]
pub struct Edge {
    /// Index of the first end in [`Network::nodes`] (the smaller index).
    pub source: usize,
    /// Index of the second end (equal to `source` for a self-loop).
    pub target: usize,
    /// Weight (positive and finite): joint projects, Newman weight, money, ...
    pub weight: f64,
    /// How many underlying ties the edge stands for: joint projects of a projection, the sum
    /// over the merged organisation pairs of an aggregated network, 1 for an edge list.
    #[serde(default = "one")]
    pub count: u64,
}

fn one() -> u64 {
    1
}

/// What the nodes of a network stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NodeLevel {
    /// Organisations (actors).
    #[default]
    Organisation,
    /// Regions (organisations aggregated by region).
    Region,
    /// Countries (organisations aggregated by country).
    Country,
    /// Nodes of a user-supplied edge list.
    Custom,
}

/// The attribute that puts nodes into groups (countries, regions, helix kinds, ...).
///
/// In JSON: `"country"`, `"region"`, `"helix"`, `{"attribute": "name"}` or
/// `{"explicit": {"node id": "group", ...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// [`Node::country`].
    #[default]
    Country,
    /// [`Node::region`].
    Region,
    /// [`Node::helix`].
    Helix,
    /// A key of [`Node::attributes`].
    Attribute(String),
    /// An explicit map from node id to group.
    Explicit(BTreeMap<String, String>),
}

/// Nodes put into groups: `of[v]` is the group index of node `v` in `names`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Groups {
    /// Group names in sorted order.
    pub names: Vec<String>,
    /// Group index of each node, aligned with [`Network::nodes`].
    pub of: Vec<usize>,
}

/// The serde form of a [`Network`]: nodes and edges (with node indices).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct NetworkData {
    #[serde(default)]
    level: NodeLevel,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

/// An undirected, weighted network of named nodes.
///
/// Edges are unique (one per unordered node pair, `source <= target`, in sorted order);
/// self-loops are allowed (aggregated networks keep within-country ties as self-loops when
/// asked). The adjacency is a petgraph [`Csr`] holding each edge in both directions (a
/// self-loop once), so memory is linear in the number of edges: about 24 bytes per edge for
/// the adjacency plus the edge list.
///
/// Node indices are positions in [`Network::nodes`]; every per-node result (`Vec<f64>`) is
/// aligned with them.
///
/// The JSON form is `{"level": ..., "nodes": [...], "edges": [{"source", "target", "weight",
/// "count"}]}` with node indices; [`export::node_link_json`](super::export::node_link_json)
/// writes the d3 / NetworkX node-link form with ids.
///
/// ```
/// use clusterpolicy::network::{Network, Node};
/// let net = Network::from_edge_list(
///     vec![Node::new("a"), Node::new("b"), Node::new("c")],
///     &[("a", "b", 1.0), ("b", "c", 2.0)],
/// )?;
/// assert_eq!((net.node_count(), net.edge_count()), (3, 2));
/// assert_eq!(net.neighbors(1), &[0, 2]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Network {
    level: NodeLevel,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    csr: Csr<(), f64, Undirected, u32>,
    arc_edge: Vec<u32>,
    arc_start: Vec<usize>,
    index: HashMap<String, usize>,
}

impl PartialEq for Network {
    fn eq(&self, other: &Self) -> bool {
        self.level == other.level && self.nodes == other.nodes && self.edges == other.edges
    }
}

impl Serialize for Network {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Ref<'a> {
            level: NodeLevel,
            nodes: &'a [Node],
            edges: &'a [Edge],
        }
        Ref { level: self.level, nodes: &self.nodes, edges: &self.edges }.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Network {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let data = NetworkData::deserialize(d)?;
        Network::from_parts(data.level, data.nodes, data.edges).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Network {
    fn schema_name() -> Cow<'static, str> {
        "NetworkObject".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        NetworkData::json_schema(generator)
    }
}

impl Network {
    /// Builds a network from nodes and edges given by node index.
    ///
    /// Edges are normalised (`source <= target`), sorted, and repeated pairs merged by adding
    /// their weights and counts.
    ///
    /// Complexity: O(n + m log m) time, O(n + m) memory.
    ///
    /// # Errors
    /// [`Error::DuplicateLabel`] for a repeated node id; [`Error::InvalidParameter`] for an
    /// edge index out of range; [`Error::NonFinite`] or [`Error::InvalidParameter`] for a
    /// weight that is not finite and positive.
    pub fn from_parts(level: NodeLevel, nodes: Vec<Node>, mut edges: Vec<Edge>) -> Result<Self> {
        let n = nodes.len();
        if n > u32::MAX as usize - 1 {
            return Err(Error::param("nodes", "more than 2^32 - 2 nodes"));
        }
        let mut index = HashMap::with_capacity(n);
        for (i, node) in nodes.iter().enumerate() {
            if index.insert(node.id.clone(), i).is_some() {
                return Err(Error::DuplicateLabel { kind: "node".into(), id: node.id.clone() });
            }
        }
        for (k, e) in edges.iter_mut().enumerate() {
            if e.source >= n || e.target >= n {
                return Err(Error::param(
                    "edges",
                    format!("edge {k} refers to node index {} but there are {n} nodes", e.source.max(e.target)),
                ));
            }
            if !e.weight.is_finite() {
                return Err(Error::NonFinite { what: "edge weight".into(), at: format!("edge {k}") });
            }
            if e.weight <= 0.0 {
                return Err(Error::param("edges", format!("edge {k} has weight {} (must be positive)", e.weight)));
            }
            if e.source > e.target {
                std::mem::swap(&mut e.source, &mut e.target);
            }
        }
        edges.sort_by_key(|e| (e.source, e.target));
        edges.dedup_by(|later, kept| {
            if later.source == kept.source && later.target == kept.target {
                kept.weight += later.weight;
                kept.count += later.count;
                true
            } else {
                false
            }
        });
        Ok(Self::assemble(level, nodes, edges, index))
    }

    /// Builds a network from nodes and an edge list of `(source id, target id, weight)`.
    /// Repeated pairs are merged by adding their weights.
    ///
    /// ```
    /// use clusterpolicy::network::{Network, Node};
    /// let err = Network::from_edge_list(vec![Node::new("a")], &[("a", "x", 1.0)]).unwrap_err();
    /// assert_eq!(err.kind(), "UnknownLabelError");
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownLabel`] for an edge end that is not a node id, and the errors of
    /// [`Network::from_parts`].
    pub fn from_edge_list<S: AsRef<str>>(nodes: Vec<Node>, edges: &[(S, S, f64)]) -> Result<Self> {
        let index: HashMap<&str, usize> = nodes.iter().enumerate().map(|(i, v)| (v.id.as_str(), i)).collect();
        let find = |id: &str| {
            index.get(id).copied().ok_or_else(|| Error::UnknownLabel { kind: "node".into(), id: id.to_owned() })
        };
        let edges = edges
            .iter()
            .map(|(a, b, w)| Ok(Edge { source: find(a.as_ref())?, target: find(b.as_ref())?, weight: *w, count: 1 }))
            .collect::<Result<Vec<_>>>()?;
        Self::from_parts(NodeLevel::Custom, nodes, edges)
    }

    /// Builds a network from an edge list alone: nodes are the ids in order of first
    /// appearance.
    ///
    /// ```
    /// use clusterpolicy::network::Network;
    /// let net = Network::from_edges(&[("x", "y", 1.0), ("y", "z", 1.0)])?;
    /// assert_eq!(net.ids().collect::<Vec<_>>(), ["x", "y", "z"]);
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Network::from_parts`].
    pub fn from_edges<S: AsRef<str>>(edges: &[(S, S, f64)]) -> Result<Self> {
        let mut order: Vec<Node> = Vec::new();
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for (a, b, _) in edges {
            for id in [a.as_ref(), b.as_ref()] {
                if seen.insert(id) {
                    order.push(Node::new(id));
                }
            }
        }
        Self::from_edge_list(order, edges)
    }

    /// Builds a network from a petgraph undirected graph: node ids and weights come from the
    /// closures; parallel edges are merged by adding their weights.
    ///
    /// ```
    /// use clusterpolicy::network::Network;
    /// use petgraph::graph::UnGraph;
    /// let mut g = UnGraph::<&str, f64>::new_undirected();
    /// let (a, b) = (g.add_node("a"), g.add_node("b"));
    /// g.add_edge(a, b, 2.0);
    /// let net = Network::from_petgraph(&g, |n| (*n).to_owned(), |w| *w)?;
    /// assert_eq!(net.edges()[0].weight, 2.0);
    /// assert_eq!(net.to_petgraph().edge_count(), 1);
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Network::from_parts`].
    pub fn from_petgraph<N, E>(
        g: &petgraph::graph::UnGraph<N, E>,
        id: impl Fn(&N) -> String,
        weight: impl Fn(&E) -> f64,
    ) -> Result<Self> {
        use petgraph::visit::EdgeRef;
        let nodes = g.node_indices().map(|i| Node::new(id(&g[i]))).collect();
        let edges = g
            .edge_references()
            .map(|e| Edge {
                source: e.source().index(),
                target: e.target().index(),
                weight: weight(e.weight()),
                count: 1,
            })
            .collect();
        Self::from_parts(NodeLevel::Custom, nodes, edges)
    }

    /// The network as a petgraph [`UnGraph`](petgraph::graph::UnGraph) with the nodes as node
    /// weights and the edge weights as edge weights (node and edge indices preserved).
    #[must_use]
    pub fn to_petgraph(&self) -> petgraph::graph::UnGraph<Node, f64> {
        let mut g = petgraph::graph::UnGraph::with_capacity(self.nodes.len(), self.edges.len());
        for node in &self.nodes {
            g.add_node(node.clone());
        }
        for e in &self.edges {
            g.add_edge(petgraph::graph::NodeIndex::new(e.source), petgraph::graph::NodeIndex::new(e.target), e.weight);
        }
        g
    }

    fn assemble(level: NodeLevel, nodes: Vec<Node>, edges: Vec<Edge>, index: HashMap<String, usize>) -> Self {
        let n = nodes.len();
        // Counting sort of the arcs by source: both directions of each edge, a self-loop once.
        let mut deg = vec![0usize; n + 1];
        for e in &edges {
            deg[e.source] += 1;
            if e.source != e.target {
                deg[e.target] += 1;
            }
        }
        let mut start = vec![0usize; n + 1];
        for v in 0..n {
            start[v + 1] = start[v] + deg[v];
        }
        let arcs = start[n];
        let mut fill = start.clone();
        let mut arc_list: Vec<(u32, u32, f64, u32)> = vec![(0, 0, 0.0, 0); arcs];
        for (k, e) in edges.iter().enumerate() {
            let (s, t) = (e.source, e.target);
            arc_list[fill[s]] = (s as u32, t as u32, e.weight, k as u32);
            fill[s] += 1;
            if s != t {
                arc_list[fill[t]] = (t as u32, s as u32, e.weight, k as u32);
                fill[t] += 1;
            }
        }
        // Edges are sorted by (source, target), so each node's arcs to larger neighbours are
        // in order; arcs to smaller neighbours were filled in order of their source: sort
        // each row to be safe (rows are short).
        for v in 0..n {
            arc_list[start[v]..start[v + 1]].sort_unstable_by_key(|a| a.1);
        }
        let triples: Vec<(u32, u32, f64)> = arc_list.iter().map(|a| (a.0, a.1, a.2)).collect();
        let arc_edge: Vec<u32> = arc_list.iter().map(|a| a.3).collect();
        drop(arc_list);
        let mut csr: Csr<(), f64, Undirected, u32> = Csr::from_sorted_edges(&triples).unwrap_or_else(|_| Csr::new());
        while csr.node_count() < n {
            csr.add_node(());
        }
        Self { level, nodes, edges, csr, arc_edge, arc_start: start, index }
    }

    /// What the nodes stand for.
    #[must_use]
    pub fn level(&self) -> NodeLevel {
        self.level
    }

    /// The nodes; node `v` is `nodes()[v]`.
    #[must_use]
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// The node ids in index order.
    #[must_use]
    pub fn ids(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.nodes.iter().map(|v| v.id.as_str())
    }

    /// The edges, sorted by `(source, target)`, `source <= target`.
    #[must_use]
    pub fn edges(&self) -> &[Edge] {
        &self.edges
    }

    /// Number of nodes `n`.
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Number of edges `m` (self-loops included).
    #[must_use]
    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    /// Number of arcs of the adjacency: each edge in both directions, a self-loop once (the
    /// sum of the lengths of [`Network::neighbors`]).
    #[must_use]
    pub(crate) fn arc_count(&self) -> usize {
        self.arc_edge.len()
    }

    /// The petgraph adjacency: each edge in both directions, a self-loop once.
    #[must_use]
    pub fn csr(&self) -> &Csr<(), f64, Undirected, u32> {
        &self.csr
    }

    /// Index of the node with this id.
    ///
    /// # Errors
    /// [`Error::UnknownLabel`] when there is none.
    pub fn index_of(&self, id: &str) -> Result<usize> {
        self.index.get(id).copied().ok_or_else(|| Error::UnknownLabel { kind: "node".into(), id: id.to_owned() })
    }

    /// Neighbours of node `v` in increasing index order (`v` itself for a self-loop).
    #[inline]
    #[must_use]
    pub fn neighbors(&self, v: usize) -> &[u32] {
        self.csr.neighbors_slice(v as u32)
    }

    /// Weights of the arcs of node `v`, aligned with [`Network::neighbors`].
    #[inline]
    #[must_use]
    pub fn neighbor_weights(&self, v: usize) -> &[f64] {
        self.csr.edges_slice(v as u32)
    }

    /// Edge indices (into [`Network::edges`]) of the arcs of node `v`, aligned with
    /// [`Network::neighbors`].
    #[inline]
    #[must_use]
    pub fn neighbor_edges(&self, v: usize) -> &[u32] {
        &self.arc_edge[self.arc_start[v]..self.arc_start[v + 1]]
    }

    /// Number of neighbours of `v` other than itself.
    #[must_use]
    pub fn degree_without_loops(&self, v: usize) -> usize {
        let nb = self.neighbors(v);
        nb.len() - usize::from(nb.binary_search(&(v as u32)).is_ok())
    }

    /// Whether any edge is a self-loop.
    #[must_use]
    pub fn has_self_loops(&self) -> bool {
        self.edges.iter().any(|e| e.source == e.target)
    }

    /// Whether all weights are 1.
    #[must_use]
    pub fn is_unweighted(&self) -> bool {
        self.edges.iter().all(|e| e.weight == 1.0)
    }

    /// The same nodes and edges with every weight set to 1 (counts kept).
    #[must_use]
    pub fn unweighted(&self) -> Network {
        let edges = self.edges.iter().map(|e| Edge { weight: 1.0, ..*e }).collect();
        Self::assemble(self.level, self.nodes.clone(), edges, self.index.clone())
    }

    /// The subnetwork induced by the nodes where `keep[v]` is true (node order kept).
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] when `keep` is not one flag per node.
    pub fn induced(&self, keep: &[bool]) -> Result<Network> {
        if keep.len() != self.nodes.len() {
            return Err(Error::ShapeMismatch {
                what: "node mask".into(),
                expected: self.nodes.len().to_string(),
                found: keep.len().to_string(),
            });
        }
        let mut map = vec![usize::MAX; self.nodes.len()];
        let mut nodes = Vec::new();
        for (v, node) in self.nodes.iter().enumerate() {
            if keep[v] {
                map[v] = nodes.len();
                nodes.push(node.clone());
            }
        }
        let edges = self
            .edges
            .iter()
            .filter(|e| keep[e.source] && keep[e.target])
            .map(|e| Edge { source: map[e.source], target: map[e.target], ..*e })
            .collect();
        let index = nodes.iter().enumerate().map(|(i, v): (usize, &Node)| (v.id.clone(), i)).collect();
        Ok(Self::assemble(self.level, nodes, edges, index))
    }

    /// Drops the edges where `keep_edge(edge)` is false (all nodes kept).
    #[must_use]
    pub fn filter_edges(&self, keep_edge: impl Fn(&Edge) -> bool) -> Network {
        let edges = self.edges.iter().filter(|e| keep_edge(e)).copied().collect();
        Self::assemble(self.level, self.nodes.clone(), edges, self.index.clone())
    }

    /// Puts the nodes into groups by an attribute.
    ///
    /// ```
    /// use clusterpolicy::network::{GroupBy, Network, Node};
    /// let net = Network::from_edge_list(
    ///     vec![Node::new("a").with_country("SI"), Node::new("b").with_country("AT")],
    ///     &[("a", "b", 1.0)],
    /// )?;
    /// let g = net.groups(&GroupBy::Country)?;
    /// assert_eq!(g.names, ["AT", "SI"]);
    /// assert_eq!(g.of, [1, 0]);
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (named `group_by`) naming the first node without a value.
    pub fn groups(&self, by: &GroupBy) -> Result<Groups> {
        let values: Vec<String> = self
            .nodes
            .iter()
            .map(|v| {
                let value = match by {
                    GroupBy::Country => v.country.clone(),
                    GroupBy::Region => v.region.clone(),
                    GroupBy::Helix => v.helix.map(|h| h.as_str().to_owned()),
                    GroupBy::Attribute(key) => v.attributes.get(key).cloned(),
                    GroupBy::Explicit(map) => map.get(&v.id).cloned(),
                };
                value
                    .filter(|s| !s.is_empty())
                    .ok_or_else(|| Error::param("group_by", format!("node `{}` has no {}", v.id, group_name(by))))
            })
            .collect::<Result<_>>()?;
        let mut names: Vec<String> = values.clone();
        names.sort();
        names.dedup();
        let of = values.iter().map(|s| names.binary_search(s).unwrap_or(0)).collect();
        Ok(Groups { names, of })
    }
}

fn group_name(by: &GroupBy) -> String {
    match by {
        GroupBy::Country => "country".into(),
        GroupBy::Region => "region".into(),
        GroupBy::Helix => "helix kind".into(),
        GroupBy::Attribute(k) => format!("attribute `{k}`"),
        GroupBy::Explicit(_) => "group in the explicit map".into(),
    }
}

/// A value per node, with the node ids, as returned by the measures that the bindings
/// expose by id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NodeValues {
    /// Node ids, in node order.
    pub ids: Vec<String>,
    /// One value per node, aligned with `ids`.
    pub values: Vec<f64>,
}

impl NodeValues {
    /// Pairs the values of a per-node measure with the ids of the network.
    #[must_use]
    pub fn new(net: &Network, values: Vec<f64>) -> Self {
        Self { ids: net.ids().map(str::to_owned).collect(), values }
    }
}
