// clusterpolicy::strategy through the npm package, on the shared reference vectors and the
// embedded dataset (the same cases as the Rust and Python tests).

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";

import {
  ahp,
  didPanel,
  didTwoPeriod,
  errorKinds,
  evidenceFeedback,
  knowledgeHub,
  nearestPeers,
  normalise,
  peerDistances,
  pilotPanel,
  prometheeII,
  programmeMonitoring,
  report,
  sampleDataset,
  scenarioRules,
  smaa,
  strategyScoreboard,
  strategySummary,
  topsis,
  vikor,
  weightBreakpoints,
  weightedSum,
} from "clusterpolicy";

import { allPlain, thrown } from "./helpers.mjs";

const shared = new URL("../../../shared/reference/", import.meta.url);
const reference = (name) => {
  const url = new URL(name, shared);
  if (!existsSync(url)) {
    if (["true", "1"].includes(String(process.env.CI).toLowerCase())) throw new Error(`${url} missing in CI`);
    return null;
  }
  return JSON.parse(readFileSync(url, "utf8"));
};
const close = (got, want, tol = 5e-7) => {
  assert.equal(got.length, want.length);
  got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) <= tol, `${i}: ${g} vs ${want[i]}`));
};

describe("strategy: multi-criteria analysis", () => {
  test("TOPSIS, VIKOR and PROMETHEE II reproduce the reference vectors", (t) => {
    const tp = reference("mcda_topsis.json");
    if (!tp) return t.skip("no ../shared/reference");
    for (const c of tp.cases) {
      const r = topsis(c.matrix, c.weights, c.types);
      close(r.closeness, c.expected.vector_normalisation.closeness);
      assert.deepEqual(r.rank, c.expected.vector_normalisation.rank);
      const mm = topsis(c.matrix, c.weights, c.types, { normalisation: "min_max" });
      close(mm.closeness, c.expected.minmax_normalisation_pymcdm_default.closeness);
    }
    for (const c of reference("mcda_vikor.json").cases) {
      const r = vikor(c.matrix, c.weights, c.types, { v: c.v });
      close(r.q, c.expected.Q);
      assert.deepEqual(r.compromise.map((i) => c.alternatives[i]), c.expected.compromise_set);
    }
    for (const c of reference("mcda_promethee2.json").cases) {
      const params = { functions: c.preference_functions, pairwise: true };
      for (const k of ["q", "p", "s"]) if (c[k]) params[k] = c[k];
      const r = prometheeII(c.matrix, c.weights, c.types, params);
      close(r.phi_net, c.expected.phi_net);
      assert.deepEqual(r.rank, c.expected.rank);
      assert.equal(r.pi.length, c.matrix.length);
    }
  });

  test("types as names or codes, weights as Float64Array, plain results", () => {
    const x = [[2.0, 5.5], [2.5, 6.5], [1.8, 4.5]];
    const a = weightedSum(x, [0.5, 0.5], ["benefit", "cost"]);
    const b = weightedSum(x, new Float64Array([0.5, 0.5]), [1, -1]);
    assert.deepEqual(a, b);
    assert.ok(allPlain(a));
    assert.deepEqual(normalise([[1], [2], [5]], ["benefit"], "min_max"), [[0], [0.25], [1]]);
    const s = weightBreakpoints([[1, 0], [0, 1], [0.6, 0.6]], [0.5, 0.5], [1, 1], { normalisation: "none" });
    assert.equal(s.top, 2);
  });

  test("AHP weights and consistency; malformed matrices are typed errors", (t) => {
    const r = ahp([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]]);
    close(r.weights, [0.636986, 0.258285, 0.104729]);
    assert.ok(r.consistent);
    const e = thrown(() => ahp([[1, 3], [1, 1]]));
    assert.equal(e.name, "InvalidParameterError");
    assert.match(e.message, /not reciprocal/);
    assert.ok(errorKinds().includes(e.name));
    assert.equal(thrown(() => topsis([[1, 2]], [1], [1, 1])).name, "ShapeMismatchError");
    assert.equal(thrown(() => topsis([[1, 2]], [1, 1], ["benefit", "profit"])).name, "InvalidParameterError");
    assert.equal(thrown(() => vikor([[1, 2]], [1, 1], [1, 1], { nu: 1 })).name, "JsonError");
  });

  test("SMAA: exact two-criterion case and seeded Monte Carlo", (t) => {
    const ref = reference("smaa_rank_acceptability.json");
    if (!ref) return t.skip("no ../shared/reference");
    const c = ref.case;
    const ex = smaa(c.values_already_normalised, [1, 1], { normalisation: "none", method: "exact" });
    ["a", "b", "c"].forEach((k, i) => close(ex.rank_acceptability[i], c.expected_analytic.rank_acceptability[k], 1e-12));
    const mc = smaa(c.values_already_normalised, [1, 1], { normalisation: "none", samples: 20000, seed: 3 });
    for (let k = 0; k < 3; k++) {
      const col = mc.rank_acceptability.reduce((s, row) => s + row[k], 0);
      assert.ok(Math.abs(col - 1) < 1e-12);
    }
    assert.deepEqual(mc, smaa(c.values_already_normalised, [1, 1], { normalisation: "none", samples: 20000, seed: 3 }));
  });
});

describe("strategy: scenarios, evaluation, peers", () => {
  test("policy evaluation and peer reference vectors", (t) => {
    const pe = reference("policy_evaluation.json");
    if (!pe) return t.skip("no ../shared/reference");
    const ck = pe.cases.find((c) => c.id === "did_card_krueger_1994").inputs;
    const obs = [
      { unit: "NJ", time: 0, outcome: ck.NJ_before, treated: false },
      { unit: "NJ", time: 1, outcome: ck.NJ_after, treated: true },
      { unit: "PA", time: 0, outcome: ck.PA_before, treated: false },
      { unit: "PA", time: 1, outcome: ck.PA_after, treated: false },
    ];
    assert.ok(Math.abs(didTwoPeriod(obs).did.estimate - 2.75) < 1e-12);
    const sc = pe.cases.find((c) => c.id === "scenario_robustness_minimax_regret");
    const rules = scenarioRules(sc.payoff, { hurwicz_alpha: 0.6 });
    assert.deepEqual(rules.max_regret, sc.expected.max_regret);
    assert.deepEqual(rules.choices.minimax_regret, [1]);
    const br = reference("benchmarking_peer_regions.json");
    const dims = Object.entries(br.dimensions).map(([name, idx]) => ({ name, variables: idx.map((i) => br.variables[i]), weight: 1 }));
    const d = peerDistances(br.data, br.regions, br.variables, { dimensions: dims });
    d.distance.forEach((row, i) => close(row, br.expected.distance[i]));
    assert.deepEqual(nearestPeers(d, "R1", 5).map((p) => p.region), br.expected.peers_of_R1_nearest_first);
  });

  test("dataset functions on the embedded dataset agree with the report", () => {
    const ds = sampleDataset();
    const doc = ds.toObject();
    const st = doc.strategies[0];
    assert.equal(strategyScoreboard(ds, st.id).rows.length, st.targets.length);
    const fb = evidenceFeedback(ds, st.id);
    assert.equal(fb.measures.length, st.measures.length);
    assert.ok(knowledgeHub(ds, "SI04").every((i) => i.reasons.length > 0));
    const prog = programmeMonitoring(ds, doc.programmes[0].id);
    assert.ok(prog.coverage.area_share > 0 && prog.coverage.area_share <= 1);
    const est = didPanel(pilotPanel(ds));
    assert.ok(est.std_error > 0);
    assert.deepEqual(strategySummary(ds), report(ds).strategy);
    assert.equal(thrown(() => strategyScoreboard(ds, "nope")).name, "UnknownLabelError");
  });
});
