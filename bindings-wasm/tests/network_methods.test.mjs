// The Network methods that tests/network.test.mjs leaves out, on the Florentine families of
// ../shared/reference (15 nodes, 20 edges): against the published values (6 decimals, so
// |ours - published| <= 5e-7) and against slow, obviously correct implementations written
// here on the edge list (breadth-first searches, triangle counts, peeling; 1e-12, a different
// order of the same sums). Skips with a notice without ../shared (fails when CI=true).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { Network } from "clusterpolicy";
import { SHARED, need } from "./helpers.mjs";

const REF = `${SHARED}/reference`;

const close = (ours, want, tol, what) => assert.ok(Math.abs(ours - want) <= tol, `${what}: ${ours} vs ${want}`);
const published = (ours, want, what) => close(ours, want, 5e-7 + 1e-12, what);

function florentine() {
  const edges = readFileSync(`${REF}/florentine_edges.tsv`, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => [...l.split("\t").map((s) => s.trim()), 1]);
  const ref = JSON.parse(readFileSync(`${REF}/network_reference_values.json`, "utf8")).florentine;
  const net = Network.fromEdges(edges);
  const ids = net.ids;
  const adj = ids.map(() => new Set());
  for (const [a, b] of edges) {
    adj[ids.indexOf(a)].add(ids.indexOf(b));
    adj[ids.indexOf(b)].add(ids.indexOf(a));
  }
  return { net, ids, adj, edges, ref };
}

/** Hop distances from `s` within the nodes of `keep` (Infinity when unreachable). */
function bfs(adj, s, keep) {
  const d = new Map([[s, 0]]);
  const queue = [s];
  while (queue.length) {
    const v = queue.shift();
    for (const w of adj[v]) {
      if (keep.has(w) && !d.has(w)) {
        d.set(w, d.get(v) + 1);
        queue.push(w);
      }
    }
  }
  return d;
}

/** Components of the subgraph induced by `keep`. */
function components(adj, keep) {
  const seen = new Set();
  const out = [];
  for (const v of keep) {
    if (seen.has(v)) continue;
    const c = [...bfs(adj, v, keep).keys()];
    c.forEach((x) => seen.add(x));
    out.push(c);
  }
  return out;
}

/** Global efficiency of the subgraph induced by `keep`: the mean of 1/d over ordered pairs. */
function efficiency(adj, keep) {
  const nodes = [...keep];
  if (nodes.length < 2) return 0;
  let s = 0;
  for (const v of nodes) for (const [w, d] of bfs(adj, v, keep)) if (w !== v) s += 1 / d;
  return s / (nodes.length * (nodes.length - 1));
}

describe("Network methods on the Florentine families", () => {
  test("degree, strength, density, components and cores", (t) => {
    if (!need(`${REF}/florentine_edges.tsv`, t)) return;
    const { net, adj, ref } = florentine();
    const n = net.nodeCount;
    assert.equal(net.edgeCount, ref.m);
    assert.deepEqual(Array.from(net.degree()), adj.map((s) => s.size));
    assert.deepEqual(Array.from(net.strength()), adj.map((s) => s.size), "unit weights");
    assert.equal(net.density(), (2 * ref.m) / (n * (n - 1)));
    const comps = net.components();
    assert.equal(comps.length, 1);
    assert.deepEqual([...comps[0]].sort((a, b) => a - b), [...Array(n).keys()]);
    // Core numbers by peeling: repeatedly remove the nodes of degree <= k.
    const core = new Array(n).fill(0);
    const left = new Set(adj.keys());
    for (let k = 0; left.size; k++) {
      let removed = true;
      while (removed) {
        removed = false;
        for (const v of [...left]) {
          if ([...adj[v]].filter((w) => left.has(w)).length <= k) {
            core[v] = k;
            left.delete(v);
            removed = true;
          }
        }
      }
    }
    assert.deepEqual(Array.from(net.coreNumber()), core);
    assert.equal(Math.max(...net.coreNumber()), ref.max_core);
  });

  test("clustering and efficiency", (t) => {
    if (!need(`${REF}/florentine_edges.tsv`, t)) return;
    const { net, adj, ref } = florentine();
    const slow = adj.map((nb) => {
      const k = nb.size;
      if (k < 2) return 0;
      let tri = 0;
      for (const u of nb) for (const w of nb) if (u < w && adj[u].has(w)) tri++;
      return tri / ((k * (k - 1)) / 2);
    });
    net.clustering(false).forEach((c, v) => close(c, slow[v], 1e-12, `clustering ${v}`));
    net.clustering(true).forEach((c, v) => close(c, slow[v], 1e-12, `weighted clustering ${v} (unit weights)`));
    published(net.averageClustering(false), ref.average_clustering, "average clustering");
    close(net.averageClustering(true), net.averageClustering(false), 1e-12, "weighted average clustering");
    const all = new Set(adj.keys());
    const local = adj.map((nb) => efficiency(adj, nb)).reduce((a, b) => a + b, 0) / adj.length;
    close(net.localEfficiency(), local, 1e-12, "local efficiency");
    // Diameter, average path length and global efficiency from breadth-first searches.
    let diameter = 0;
    let sum = 0;
    for (const v of all) for (const [w, d] of bfs(adj, v, all)) if (w > v) {
      diameter = Math.max(diameter, d);
      sum += d;
    }
    const pairs = (adj.length * (adj.length - 1)) / 2;
    const ps = net.pathSummary();
    assert.equal(ps.giant_nodes, adj.length);
    assert.equal(ps.diameter, diameter);
    close(ps.average_path_length, sum / pairs, 1e-12, "average path length");
    close(ps.global_efficiency, efficiency(adj, all), 1e-12, "global efficiency");
    assert.deepEqual(net.pathSummary("hops"), ps);
  });

  test("edge betweenness, approximate betweenness and structural holes", (t) => {
    if (!need(`${REF}/florentine_edges.tsv`, t)) return;
    const { net, ids, adj, ref } = florentine();
    const all = new Set(adj.keys());
    const eb = net.edgeBetweenness({ normalized: false });
    assert.equal(eb.length, ref.m);
    // Every shortest path between a pair crosses d(s, t) edges: the sum over edges is the sum of distances.
    let sum = 0;
    for (const v of all) for (const [w, d] of bfs(adj, v, all)) if (w > v) sum += d;
    close(eb.reduce((a, b) => a + b, 0), sum, 1e-9, "sum of edge betweenness");
    // A bridge carries every pair it separates: |A| x |B|.
    const { edges } = net.toObject();
    for (const [a, b] of ref.bridges) {
      const [u, v] = [ids.indexOf(a), ids.indexOf(b)];
      const k = edges.findIndex((e) => (e.source === u && e.target === v) || (e.source === v && e.target === u));
      const side = bfs(adj.map((nb, x) => (x === u ? new Set([...nb].filter((y) => y !== v)) : x === v ? new Set([...nb].filter((y) => y !== u)) : nb)), u, all).size;
      assert.equal(eb[k], side * (adj.length - side), `bridge ${a}-${b}`);
    }
    const exact = net.betweenness();
    const approx = net.approximateBetweenness({ epsilon: 0.05, delta: 0.1, seed: 7 });
    assert.deepEqual(net.approximateBetweenness({ epsilon: 0.05, delta: 0.1, seed: 7 }), approx, "seeded");
    assert.equal(approx.values.length, adj.length);
    const worst = Math.max(...approx.values.map((x, v) => Math.abs(x - exact[v])));
    assert.ok(worst <= approx.epsilon, `largest error ${worst} within epsilon`);
    const holes = net.structuralHoles(false);
    for (const [id, c] of Object.entries(ref.burt_constraint_lowest3)) published(holes.constraint[ids.indexOf(id)], c, `constraint ${id}`);
    for (const [id, e] of Object.entries(ref.burt_effective_size_top3)) published(holes.effective_size[ids.indexOf(id)], e, `effective size ${id}`);
  });

  test("communities, modularity and assortativity", (t) => {
    if (!need(`${REF}/network_reference_values.json`, t)) return;
    const { net, ids, adj, ref } = florentine();
    const group = {};
    Object.entries(ref.partition).forEach(([g, members]) => members.forEach((m) => (group[m] = g)));
    const names = Object.keys(ref.partition);
    const membership = ids.map((id) => names.indexOf(group[id]));
    published(net.modularity(membership, 1, false), ref.modularity_of_partition_unweighted, "modularity");
    const leiden = net.leiden({ seed: 3 });
    assert.deepEqual(net.leiden({ seed: 3 }), leiden, "seeded");
    assert.equal(leiden.membership.length, ids.length);
    close(leiden.modularity, net.modularity(leiden.membership, 1, true), 1e-12, "Leiden modularity");
    assert.ok(leiden.modularity <= ref.best_modularity_found_louvain_leiden_50_seeds + 5e-5);
    assert.ok(leiden.modularity > ref.modularity_of_partition_unweighted);
    const consensus = net.consensus({ runs: 10 });
    assert.deepEqual(net.consensus({ runs: 10 }), consensus, "seeded");
    assert.equal(consensus.partition.membership.length, ids.length);
    close(consensus.partition.modularity, net.modularity(consensus.partition.membership, 1, true), 1e-12, "consensus modularity");
    // Newman's categorical assortativity from the mixing matrix of edge ends.
    const e = names.map(() => names.map(() => 0));
    let ends = 0;
    adj.forEach((nb, v) => nb.forEach((w) => {
      e[membership[v]][membership[w]] += 1;
      ends += 1;
    }));
    const a = e.map((row) => row.reduce((x, y) => x + y, 0) / ends);
    const trace = names.reduce((s, _g, i) => s + e[i][i] / ends, 0);
    const aa = a.reduce((s, x) => s + x * x, 0);
    close(net.attributeAssortativity({ explicit: group }), (trace - aa) / (1 - aa), 1e-12, "attribute assortativity");
  });

  test("robustness and group removal", (t) => {
    if (!need(`${REF}/network_reference_values.json`, t)) return;
    const { net, ids, adj, ref } = florentine();
    const curve = net.robustness({ removal: "degree", steps: 5, efficiency: true });
    assert.equal(curve.removal, "degree");
    assert.deepEqual(net.robustness({ removal: "degree", steps: 5, efficiency: true }), curve, "deterministic");
    const first = curve.points[0];
    assert.deepEqual([first.removed, first.giant, first.giant_share], [0, ids.length, 1]);
    close(first.efficiency, efficiency(adj, new Set(adj.keys())), 1e-12, "intact efficiency");
    for (let i = 1; i < curve.points.length; i++) assert.ok(curve.points[i].giant <= curve.points[i - 1].giant);
    const group = {};
    Object.entries(ref.partition).forEach(([g, members]) => members.forEach((m) => (group[m] = g)));
    const removal = net.groupRemoval({ explicit: group });
    assert.equal(removal.length, 3);
    for (const r of removal) {
      const keep = new Set(ids.map((id, v) => (group[id] === r.group ? -1 : v)).filter((v) => v >= 0));
      const comps = components(adj, keep);
      assert.equal(r.removed, ids.length - keep.size);
      assert.equal(r.components, comps.length, r.group);
      assert.equal(r.giant, Math.max(...comps.map((c) => c.length)), r.group);
      close(r.efficiency, efficiency(adj, keep), 1e-12, `${r.group} efficiency`);
    }
    for (let i = 1; i < removal.length; i++) assert.ok(removal[i - 1].giant_share_of_remaining <= removal[i].giant_share_of_remaining);
  });
});
