// Network, networkProjection, bipartiteNetwork and networkSummary, mirroring
// clusterpolicy::network on the Florentine families of ../shared/reference (published to 6
// decimals, R sna brokerage to 15 digits) and the embedded dataset. Tests that need ../shared
// skip with a notice without it (and fail when CI=true).

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { Network, bipartiteNetwork, networkProjection, networkSummary, report, sampleDataset } from "clusterpolicy";

import { allPlain } from "./helpers.mjs";

const SHARED = process.env.CLUSTERPOLICY_SHARED ?? new URL("../../../shared/", import.meta.url).pathname;
const REF = `${SHARED}/reference`;

function need(path, t) {
  if (existsSync(path)) return true;
  if (["true", "1"].includes((process.env.CI ?? "").toLowerCase())) throw new Error(`${path} is missing in CI`);
  t.skip(`${path} not found`);
  return false;
}

const roundsTo = (ours, published, what) =>
  assert.ok(Math.abs(ours - published) <= 5e-7 + 1e-12, `${what}: ${ours} vs ${published}`);

function florentine() {
  const edges = readFileSync(`${REF}/florentine_edges.tsv`, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => [...l.split("\t").map((s) => s.trim()), 1]);
  const ref = JSON.parse(readFileSync(`${REF}/network_reference_values.json`, "utf8")).florentine;
  return { net: Network.fromEdges(edges), ref };
}

describe("network", () => {
  test("Florentine centralities as published", (t) => {
    if (!need(`${REF}/florentine_edges.tsv`, t)) return;
    const { net, ref } = florentine();
    const at = (values) => Object.fromEntries(net.ids.map((id, i) => [id, values[i]]));
    assert.equal(net.nodeCount, ref.n);
    const checks = [
      [net.betweenness(), "betweenness_normalized_top5"],
      [net.betweenness({ normalized: false }), "betweenness_raw_top5"],
      [net.closeness(), "closeness_top3"],
      [net.harmonic(), "harmonic_top3"],
      [net.eigenvector(), "eigenvector_unitnorm_top3"],
      [net.pagerank(), "pagerank_0.85_top3"],
    ];
    for (const [values, key] of checks) {
      assert.ok(values instanceof Float64Array);
      const byId = at(values);
      for (const [id, x] of Object.entries(ref[key])) roundsTo(byId[id], x, `${key} ${id}`);
    }
    roundsTo(net.transitivity(), ref.transitivity, "transitivity");
    roundsTo(net.degreeAssortativity(), ref.degree_assortativity, "assortativity");
    const cuts = net.cutStructure();
    assert.deepEqual(cuts.articulation_points.map((v) => net.ids[v]).sort(), ref.articulation_points);
  });

  test("Florentine brokerage as R sna", (t) => {
    if (!need(`${REF}/network_reference_values.json`, t)) return;
    const { net, ref } = florentine();
    const sna = ref.sna_brokerage;
    const br = net.brokerage({ explicit: sna.groups });
    assert.ok(allPlain(br));
    const cols = { coordinator: "w_I", itinerant: "w_O", representative: "b_IO", gatekeeper: "b_OI", liaison: "b_O", total: "t" };
    for (const node of br.nodes) {
      for (const [ours, theirs] of Object.entries(cols)) assert.equal(node.raw[ours], sna.raw_nli[node.id][theirs]);
    }
    for (const [ours, theirs] of Object.entries(cols)) {
      assert.ok(Math.abs(br.z[ours] - sna.gli.z[theirs]) <= 1e-12 * Math.max(1, Math.abs(sna.gli.z[theirs])));
    }
    const ei = net.eiIndex({ explicit: sna.groups }, false);
    assert.ok(Number.isFinite(ei.ei) && ei.cross_border_share > 0);
  });

  test("embedded dataset: projection, communities, recommendations, summary", () => {
    const ds = sampleDataset();
    const { network, summary } = networkProjection(ds, { weighting: "newman" });
    assert.ok(network instanceof Network);
    assert.equal(summary.projects, ds.toObject().projects.length);
    const p = network.louvain({ seed: 7 });
    assert.deepEqual(p, network.louvain({ seed: 7 }));
    assert.equal(p.membership.length, network.nodeCount);
    const recs = network.recommend({ k: 2, cross_border_only: true, actors: [network.ids[0]] });
    assert.equal(recs.length, 2);
    assert.ok(recs[0].explanation.includes("shared partner"));
    assert.equal(networkSummary(ds).cross_border_share, report(ds).network.cross_border_share);
    const countries = network.aggregate("country", "keep");
    assert.ok(countries.nodeCount > 5);
    const gm = network.groupMeasure({ measure: "degree", order: "aggregate_then_compute" });
    assert.equal(gm.order, "aggregate_then_compute");
    assert.ok(bipartiteNetwork(ds, false).nodeCount > network.nodeCount);
  });

  test("exports and errors", () => {
    const net = Network.fromEdges([["a", "b", 2], ["b", "c", 1]], [{ id: "a", country: "SI" }, { id: "b" }, { id: "c" }]);
    assert.deepEqual(Network.fromObject(net.toObject()).toObject(), net.toObject());
    assert.match(net.graphml({ pr: Array.from(net.pagerank()) }), /attr.name="pr"/);
    assert.match(net.gexf(), /<gexf/);
    assert.equal(net.nodeLink().edges[0].source, "a");
    assert.throws(() => Network.fromEdges([["a", "x", 1]], [{ id: "a" }]), (e) => e.name === "UnknownLabelError");
    assert.throws(() => net.betweenness({ normalised: true }), (e) => e.name === "JsonError" && /normalised/.test(e.message));
    assert.throws(() => net.brokerage("country"), (e) => e.name === "InvalidParameterError");
  });
});
