// The strategy functions that tests/strategy.test.mjs leaves out (weightedProduct,
// achievementRate, beforeAfter, poolEvidence, scenarioPayoffs, regionProfiles,
// projectMonitoring), on the shared reference vectors (as tests/tests/strategy_reference.rs)
// and on the embedded dataset, where each call rebuilds a piece of the report that the Rust
// core computed (`report(ds).strategy`, see clusterpolicy::strategy::summarise): the values
// must be equal, not close.

import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";

import {
  achievementRate,
  beforeAfter,
  nearestPeers,
  peerDistances,
  pilotPanel,
  poolEvidence,
  programmeMonitoring,
  projectMonitoring,
  regionProfiles,
  report,
  sampleDataset,
  scenarioPayoffs,
  weightedProduct,
} from "clusterpolicy";

import { allPlain, thrown } from "./helpers.mjs";

const shared = new URL("../../../shared/reference/", import.meta.url);
function reference(name, t) {
  const url = new URL(name, shared);
  if (existsSync(url)) return JSON.parse(readFileSync(url, "utf8"));
  if (["true", "1"].includes(String(process.env.CI).toLowerCase())) throw new Error(`${url} missing in CI`);
  t.skip("no ../shared/reference");
  return null;
}

/** The published values are printed to 6 decimals (pymcdm) or exact (the synthetic case). */
const close = (got, want, tol) => {
  assert.equal(got.length, want.length);
  got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) <= tol, `${i}: ${g} vs ${want[i]}`));
};

describe("strategy: reference vectors", () => {
  test("weighted product with pymcdm's sum normalisation (Hwang & Yoon's fighter aircraft)", (t) => {
    const r = reference("mcda_wsm_normalisations.json", t);
    if (!r) return;
    const e = r.expected.wpm_sum_normalisation_pymcdm_default;
    const got = weightedProduct(r.data.matrix, r.data.weights, r.data.types, { normalisation: "sum" });
    assert.ok(allPlain(got));
    close(got.scores, e.scores, 5e-7);
    assert.deepEqual(got.rank, e.rank);
    // Weights as a Float64Array, types by name: the same result.
    const names = r.data.types.map((x) => (x === 1 ? "benefit" : "cost"));
    assert.deepEqual(weightedProduct(r.data.matrix, new Float64Array(r.data.weights), names, { normalisation: "sum" }), got);
  });

  test("achievement rate (actual - baseline) / (target - baseline)", (t) => {
    const r = reference("policy_evaluation.json", t);
    if (!r) return;
    for (const ind of r.cases.find((c) => c.id === "indicator_achievement").indicators) {
      assert.ok(Math.abs(achievementRate(ind.baseline, ind.target, ind.actual) - ind.achievement_rate) < 1e-12, ind.name);
    }
    // No distance to cover: no rate.
    assert.equal(achievementRate(5, 5, 7), undefined);
  });
});

describe("strategy: the embedded dataset, equal to the report built by the Rust core", () => {
  const ds = sampleDataset();
  const doc = ds.toObject();
  const rs = report(ds).strategy;

  test("scenarioPayoffs of the focus strategy under the evidence-updated effects", () => {
    const effects = Object.fromEntries(rs.feedback.measures.filter((m) => m.effect.mean !== null).map((m) => [m.measure, m.effect.mean]));
    const payoffs = scenarioPayoffs(ds, rs.focus, { effects });
    assert.deepEqual(payoffs, rs.foresight.payoffs);
    assert.equal(payoffs.payoff.length, doc.strategies.find((s) => s.id === rs.focus).measures.length);
    assert.equal(thrown(() => scenarioPayoffs(ds, "S3-XX")).name, "UnknownLabelError");
  });

  test("beforeAfter of the treated regions of the pilot panel", () => {
    const panel = pilotPanel(ds, { programme: rs.pilot.programme });
    const treated = new Set(panel.filter((o) => o.treated).map((o) => o.unit));
    const first = Math.min(...panel.filter((o) => o.treated).map((o) => o.time));
    const got = beforeAfter(panel.filter((o) => treated.has(o.unit)), first);
    assert.deepEqual(got, rs.pilot.before_after);
    assert.equal(got.units, rs.pilot.treated_regions);
    assert.ok(Math.abs(got.change - (got.after - got.before)) < 1e-12);
  });

  test("regionProfiles feed the peer regions of the report", () => {
    const p = regionProfiles(ds);
    assert.ok(allPlain(p));
    assert.equal(p.values.length, p.regions.length);
    assert.ok(p.values.every((row) => row.length === p.variables.length));
    const d = peerDistances(p.values, p.regions, p.variables, { dimensions: p.dimensions });
    assert.deepEqual(nearestPeers(d, rs.peers.region, 3), rs.peers.peers);
    // An explicit year of the observations gives profiles of that year.
    assert.deepEqual(regionProfiles(ds, 2021).regions.length > 0, true);
  });

  test("poolEvidence of a measure's evidence is its effect in the feedback ranking", () => {
    const withEvidence = rs.feedback.measures.filter((m) => m.effect.contributions.length > 0);
    assert.ok(withEvidence.length > 0);
    for (const m of withEvidence) {
      const ids = new Set(m.effect.contributions.map((c) => c.evidence).concat(m.effect.skipped));
      const evidence = doc.evidence.filter((e) => ids.has(e.id));
      const pooled = poolEvidence(evidence, [m.effect.prior_mean, m.effect.prior_sd]);
      assert.deepEqual(pooled, m.effect, m.measure);
    }
    // Without a prior: the pooled estimate of the evidence alone.
    const alone = poolEvidence(doc.evidence.filter((e) => e.effect).slice(0, 3));
    assert.equal(alone.prior_mean, null);
    assert.ok(Number.isFinite(alone.mean));
  });

  test("projectMonitoring is the programme's row of the project", () => {
    const programme = doc.programmes[0].id;
    const all = programmeMonitoring(ds, programme);
    for (const row of all.projects.slice(0, 5)) assert.deepEqual(projectMonitoring(ds, row.project), row);
    assert.equal(thrown(() => projectMonitoring(ds, "SEE-999")).name, "UnknownLabelError");
  });

  test("bad input: wrong shape, unknown reference, NaN", () => {
    let e = thrown(() => weightedProduct([[1, 2], [3]], [0.5, 0.5], [1, 1]));
    assert.ok(e instanceof Error);
    assert.equal(e.name, "ShapeMismatchError");
    e = thrown(() => weightedProduct([[1, NaN], [3, 4]], [0.5, 0.5], [1, 1]));
    assert.equal(e.name, "NonFiniteError");
    e = thrown(() => beforeAfter([{ unit: "R1", time: 2020, outcome: 1, treated: true }], 2021));
    assert.equal(e.name, "InvalidParameterError");
    assert.equal(e.parameter, "cut");
    e = thrown(() => poolEvidence([{ id: "E1" }]));
    assert.equal(e.name, "JsonError");
    assert.match(e.message, /evidence/);
    e = thrown(() => regionProfiles(ds, 1800));
    assert.equal(e.name, "EmptyInputError");
    assert.match(e.message, /1800/);
  });
});
