//! Exports: GraphML and GEXF for Gephi, node-link JSON for d3 and NetworkX.
//!
//! Node attributes written: `label`, `country`, `region`, `helix` and every key of
//! [`Node::attributes`](super::Node::attributes), plus any per-node values passed in
//! `extra` (centralities, communities); edge attributes: `weight` and `count`.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::graph::Network;
use crate::error::{Error, Result};

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// String attributes of every node: (key, per-node value or None).
fn string_columns(net: &Network) -> Vec<(String, Vec<Option<String>>)> {
    let mut cols: Vec<(String, Vec<Option<String>>)> = vec![
        ("label".into(), net.nodes().iter().map(|v| v.label.clone()).collect()),
        ("country".into(), net.nodes().iter().map(|v| v.country.clone()).collect()),
        ("region".into(), net.nodes().iter().map(|v| v.region.clone()).collect()),
        ("helix".into(), net.nodes().iter().map(|v| v.helix.map(|h| h.as_str().to_owned())).collect()),
    ];
    let keys: BTreeSet<&String> = net.nodes().iter().flat_map(|v| v.attributes.keys()).collect();
    for k in keys {
        cols.push((k.clone(), net.nodes().iter().map(|v| v.attributes.get(k).cloned()).collect()));
    }
    cols.retain(|(_, vals)| vals.iter().any(Option::is_some));
    cols
}

fn check_extra(net: &Network, extra: &[(&str, &[f64])]) -> Result<()> {
    for (name, vals) in extra {
        if vals.len() != net.node_count() {
            return Err(Error::ShapeMismatch {
                what: format!("node values `{name}`"),
                expected: net.node_count().to_string(),
                found: vals.len().to_string(),
            });
        }
    }
    Ok(())
}

fn num(x: f64) -> String {
    if x.is_finite() { format!("{x}") } else { "NaN".into() }
}

/// The network as GraphML (undirected), with node attributes and the per-node values in
/// `extra` as `double` attributes.
///
/// Source: the GraphML specification (graphml.graphdrawing.org, 2002); reads in Gephi,
/// Cytoscape, igraph `read_graphml` and NetworkX `read_graphml`.
///
/// ```
/// use clusterpolicy::network::{export, Network};
/// let net = Network::from_edges(&[("a", "b", 2.0)])?;
/// let xml = export::graphml(&net, &[("betweenness", &[0.0, 0.0])])?;
/// assert!(xml.contains("<edge source=\"a\" target=\"b\">"));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] when an `extra` column is not one value per node.
pub fn graphml(net: &Network, extra: &[(&str, &[f64])]) -> Result<String> {
    check_extra(net, extra)?;
    let cols = string_columns(net);
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (i, (k, _)) in cols.iter().enumerate() {
        let _ = writeln!(s, "  <key id=\"n{i}\" for=\"node\" attr.name=\"{}\" attr.type=\"string\"/>", esc(k));
    }
    for (i, (k, _)) in extra.iter().enumerate() {
        let _ = writeln!(s, "  <key id=\"x{i}\" for=\"node\" attr.name=\"{}\" attr.type=\"double\"/>", esc(k));
    }
    s.push_str("  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n");
    s.push_str("  <key id=\"count\" for=\"edge\" attr.name=\"count\" attr.type=\"long\"/>\n");
    s.push_str("  <graph id=\"G\" edgedefault=\"undirected\">\n");
    for (v, node) in net.nodes().iter().enumerate() {
        let _ = writeln!(s, "    <node id=\"{}\">", esc(&node.id));
        for (i, (_, vals)) in cols.iter().enumerate() {
            if let Some(x) = &vals[v] {
                let _ = writeln!(s, "      <data key=\"n{i}\">{}</data>", esc(x));
            }
        }
        for (i, (_, vals)) in extra.iter().enumerate() {
            let _ = writeln!(s, "      <data key=\"x{i}\">{}</data>", num(vals[v]));
        }
        s.push_str("    </node>\n");
    }
    for e in net.edges() {
        let _ = writeln!(
            s,
            "    <edge source=\"{}\" target=\"{}\">\n      <data key=\"weight\">{}</data>\n      <data key=\"count\">{}</data>\n    </edge>",
            esc(&net.nodes()[e.source].id),
            esc(&net.nodes()[e.target].id),
            num(e.weight),
            e.count
        );
    }
    s.push_str("  </graph>\n</graphml>\n");
    Ok(s)
}

/// The network as GEXF 1.3 (Gephi's native format), undirected, with node attributes, the
/// per-node values in `extra` and edge weights.
///
/// Source: GEXF 1.3 specification (gexf.net); reads in Gephi and NetworkX `read_gexf`.
///
/// ```
/// use clusterpolicy::network::{export, Network};
/// let net = Network::from_edges(&[("a", "b", 2.0)])?;
/// let xml = export::gexf(&net, &[])?;
/// assert!(xml.contains("<edge id=\"0\" source=\"a\" target=\"b\" weight=\"2\">"));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] when an `extra` column is not one value per node.
pub fn gexf(net: &Network, extra: &[(&str, &[f64])]) -> Result<String> {
    check_extra(net, extra)?;
    let cols: Vec<(String, Vec<Option<String>>)> =
        string_columns(net).into_iter().filter(|(k, _)| k != "label").collect();
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n");
    let _ = writeln!(s, "  <meta>\n    <creator>clusterpolicy {}</creator>\n  </meta>", env!("CARGO_PKG_VERSION"));
    s.push_str("  <graph mode=\"static\" defaultedgetype=\"undirected\">\n    <attributes class=\"node\">\n");
    for (i, (k, _)) in cols.iter().enumerate() {
        let _ = writeln!(s, "      <attribute id=\"s{i}\" title=\"{}\" type=\"string\"/>", esc(k));
    }
    for (i, (k, _)) in extra.iter().enumerate() {
        let _ = writeln!(s, "      <attribute id=\"x{i}\" title=\"{}\" type=\"double\"/>", esc(k));
    }
    s.push_str("    </attributes>\n    <attributes class=\"edge\">\n      <attribute id=\"count\" title=\"count\" type=\"long\"/>\n    </attributes>\n    <nodes>\n");
    for (v, node) in net.nodes().iter().enumerate() {
        let label = node.label.as_deref().unwrap_or(&node.id);
        let _ = writeln!(s, "      <node id=\"{}\" label=\"{}\">\n        <attvalues>", esc(&node.id), esc(label));
        for (i, (_, vals)) in cols.iter().enumerate() {
            if let Some(x) = &vals[v] {
                let _ = writeln!(s, "          <attvalue for=\"s{i}\" value=\"{}\"/>", esc(x));
            }
        }
        for (i, (_, vals)) in extra.iter().enumerate() {
            let _ = writeln!(s, "          <attvalue for=\"x{i}\" value=\"{}\"/>", num(vals[v]));
        }
        s.push_str("        </attvalues>\n      </node>\n");
    }
    s.push_str("    </nodes>\n    <edges>\n");
    for (k, e) in net.edges().iter().enumerate() {
        let _ = writeln!(
            s,
            "      <edge id=\"{k}\" source=\"{}\" target=\"{}\" weight=\"{}\">\n        <attvalues>\n          <attvalue for=\"count\" value=\"{}\"/>\n        </attvalues>\n      </edge>",
            esc(&net.nodes()[e.source].id),
            esc(&net.nodes()[e.target].id),
            num(e.weight),
            e.count
        );
    }
    s.push_str("    </edges>\n  </graph>\n</gexf>\n");
    Ok(s)
}

/// The network in node-link form (d3-force; NetworkX 3.6 `node_link_data` with
/// `edges="edges"`): `{"directed": false, "multigraph": false, "graph": {}, "nodes": [{"id",
/// attributes..., extra values...}], "edges": [{"source": id, "target": id, "weight", "count"}]}`.
///
/// ```
/// use clusterpolicy::network::{export, Network};
/// let net = Network::from_edges(&[("a", "b", 2.0)])?;
/// let v = export::node_link_json(&net, &[("pagerank", &[0.5, 0.5])])?;
/// assert_eq!(v["edges"][0]["source"], "a");
/// assert_eq!(v["nodes"][1]["pagerank"], 0.5);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] when an `extra` column is not one value per node.
pub fn node_link_json(net: &Network, extra: &[(&str, &[f64])]) -> Result<serde_json::Value> {
    use serde_json::{Map, Value, json};
    check_extra(net, extra)?;
    let cols = string_columns(net);
    let nodes: Vec<Value> = net
        .nodes()
        .iter()
        .enumerate()
        .map(|(v, node)| {
            let mut o = Map::new();
            o.insert("id".into(), Value::from(node.id.clone()));
            for (k, vals) in &cols {
                if let Some(x) = &vals[v] {
                    o.insert(k.clone(), Value::from(x.clone()));
                }
            }
            for (k, vals) in extra {
                o.insert((*k).to_owned(), serde_json::Number::from_f64(vals[v]).map_or(Value::Null, Value::Number));
            }
            Value::Object(o)
        })
        .collect();
    let edges: Vec<Value> = net
        .edges()
        .iter()
        .map(|e| {
            json!({
                "source": net.nodes()[e.source].id,
                "target": net.nodes()[e.target].id,
                "weight": e.weight,
                "count": e.count,
            })
        })
        .collect();
    Ok(json!({ "directed": false, "multigraph": false, "graph": {}, "nodes": nodes, "edges": edges }))
}
