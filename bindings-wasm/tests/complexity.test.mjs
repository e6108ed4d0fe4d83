// Node tests of the complexity bindings: small worked examples, the peers' outputs shipped in
// ../shared/data (Datawheel reflections on the Spanish data, EconGeo relatedness on the
// Australian census, tolerance 1e-9 as the Rust reference tests), plain-object results and
// typed errors.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import {
  backtest,
  complexityOutlook,
  complexityProfile,
  economicComplexity,
  opportunityGain,
  priorityMaps,
  relatedness,
  relatednessDensity,
  relativeRelatedness,
  sampleDataset,
  subnationalEci,
} from "clusterpolicy";

import { need, SHARED, thrown } from "./helpers.mjs";


/** Rows of a simple CSV (quoted fields may hold commas) as objects. */
function csv(path) {
  const split = (line) => {
    const out = [];
    let cur = "";
    let quoted = false;
    for (const ch of line) {
      if (ch === '"') quoted = !quoted;
      else if (ch === "," && !quoted) {
        out.push(cur);
        cur = "";
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const [head, ...lines] = readFileSync(path, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l);
  const cols = split(head);
  return lines.map((l) => Object.fromEntries(split(l).map((v, i) => [cols[i], v])));
}

const M = {
  rows: ["R1", "R2", "R3"],
  cols: ["A", "B", "C"],
  values: [
    [1, 1, 0],
    [1, 0, 0],
    [1, 0, 1],
  ],
};

describe("relatedness and density", () => {
  test("proximity and density of a small matrix", () => {
    const phi = relatedness(M);
    assert.deepEqual(phi.rows, ["A", "B", "C"]);
    assert.ok(phi.values instanceof Float64Array);
    assert.equal(phi.values[1], 1 / 3);
    assert.equal(phi.values[0], 1);
    assert.equal(relatedness(M, { diagonal: "zero" }).values[0], 0);
    const d = relatednessDensity(M, phi);
    assert.ok(Math.abs(d.values[3] - 0.6) < 1e-15);
    const pct = relatednessDensity(M, phi, { scale: "percent", digits: 2 });
    assert.equal(pct.values[3], 60);
    const rr = relativeRelatedness(M, phi);
    assert.equal(rr.values.length, 9);
  });

  test("errors are typed and name the problem", () => {
    const bad = thrown(() => relatedness({ ...M, values: [[0.5, 1, 0], [1, 0, 0], [1, 0, 1]] }));
    assert.equal(bad.name, "InvalidParameterError");
    assert.match(bad.message, /0 and 1/);
    const method = thrown(() => relatedness(M, { method: "nope" }));
    assert.match(method.message, /proximity/);
    const shape = thrown(() => relatednessDensity(M, { rows: ["A"], cols: ["A"], values: [1] }));
    assert.equal(shape.name, "ShapeMismatchError");
  });
});

describe("economic complexity", () => {
  test("presets, outlook, opportunity gain and subnational ECI", () => {
    const P = {
      rows: ["C1", "C2", "C3", "C4", "C5"],
      cols: ["P1", "P2", "P3", "P4", "P5"],
      values: [
        [1, 1, 1, 0, 0],
        [1, 1, 0, 0, 0],
        [1, 0, 1, 1, 0],
        [0, 0, 1, 1, 1],
        [1, 0, 0, 0, 1],
      ],
    };
    for (const method of ["eigenvector", "reflections", "econgeo_eigenvector", "econgeo_reflections", "fitness"]) {
      const c = economicComplexity(P, { method });
      assert.equal(c.method, method);
      assert.equal(c.regions.length, 5);
      assert.ok(c.regions.every((r) => Number.isFinite(r.eci)));
    }
    const c = economicComplexity(P);
    const phi = relatedness(P);
    const o = complexityOutlook(P, phi, c);
    assert.equal(o.coi.length, 5);
    assert.equal(o.cog.rows.length, 5);
    assert.equal(opportunityGain(P, phi, c).values.length, 25);
    const pci = Object.fromEntries(c.activities.map((a) => [a.activity, a.pci]));
    const sub = subnationalEci(P, pci);
    assert.ok(Math.abs(sub[0].value - (pci.P1 + pci.P2 + pci.P3) / 3) < 1e-12);
  });

  test("Datawheel reflections on the Spanish provinces", (t) => {
    const dir = `${SHARED}/data/spain-provinces-hs-sections-2022`;
    if (!need(dir, t)) return;
    const rows = csv(`${dir}/global_exports.csv`);
    const regions = [...new Set(rows.map((r) => r["Country ID"]))].sort();
    const cols = [...new Set(rows.map((r) => r["Section ID"]))].sort();
    const ri = new Map(regions.map((r, i) => [r, i]));
    const ci = new Map(cols.map((c, j) => [c, j]));
    const x = new Float64Array(regions.length * cols.length);
    for (const r of rows) x[ri.get(r["Country ID"]) * cols.length + ci.get(r["Section ID"])] += Number(r["Trade Value"]);
    const rs = regions.map((_, i) => cols.reduce((s, _c, j) => s + x[i * cols.length + j], 0));
    const cs = cols.map((_, j) => regions.reduce((s, _r, i) => s + x[i * cols.length + j], 0));
    const total = rs.reduce((a, b) => a + b, 0);
    const pres = x.map((v, k) => (v / rs[Math.floor(k / cols.length)] / (cs[k % cols.length] / total) >= 1 ? 1 : 0));
    const c = economicComplexity({ rows: regions, cols, values: pres }, { method: "reflections" });
    const expected = new Map(csv(`${dir}/expected_dw030_global_eci.csv`).map((r) => [r["Country ID"], Number(r.eci)]));
    let max = 0;
    for (const r of c.regions) max = Math.max(max, Math.abs(r.eci - expected.get(r.region)));
    assert.ok(max < 1e-9, `max error ${max}`);
  });

  test("EconGeo association strength on the Australian census", (t) => {
    const dir = `${SHARED}/data/australia-lga-anzsic19-census`;
    if (!need(dir, t)) return;
    const lq = csv(`${dir}/expected_econgeo_2021_lq.csv`);
    const regions = [...new Set(lq.map((r) => r.lga_pow))];
    const cols = [...new Set(lq.map((r) => r.industry))].sort();
    const ri = new Map(regions.map((r, i) => [r, i]));
    const ci = new Map(cols.map((c, j) => [c, j]));
    const v = new Float64Array(regions.length * cols.length);
    for (const r of lq) v[ri.get(r.lga_pow) * cols.length + ci.get(r.industry)] = Number(r.lq_binary);
    const rel = relatedness({ rows: regions, cols, values: v }, { method: "association" });
    let max = 0;
    for (const r of csv(`${dir}/expected_econgeo_2021_relatedness.csv`)) {
      const k = ci.get(r.industry_1) * cols.length + ci.get(r.industry_2);
      max = Math.max(max, Math.abs(rel.values[k] - Number(r.rel_association)));
    }
    assert.ok(max < 1e-9, `max error ${max}`);
  });
});

describe("profile, priority maps and backtests on the sample dataset", () => {
  const ds = sampleDataset().toObject();
  const obs = ds.observations.filter((o) => o.indicator === "employment" && o.activity);
  const years = [...new Set(obs.map((o) => o.year))].sort((a, b) => a - b);
  const rows = [...new Set(obs.map((o) => o.subject.id))].sort();
  const cols = [...new Set(obs.map((o) => o.activity))].sort();
  const values = new Float64Array(years.length * rows.length * cols.length);
  for (const o of obs) {
    const k = (years.indexOf(o.year) * rows.length + rows.indexOf(o.subject.id)) * cols.length + cols.indexOf(o.activity);
    values[k] += o.value;
  }
  const panel = { years, rows, cols, values };

  test("profile is columnar and long", () => {
    const t = complexityProfile(panel);
    assert.equal(t.year.length, t.eci.length);
    assert.equal(t.year[0], years[0]);
  });

  test("priority maps rank candidates with evidence", () => {
    const n = rows.length * cols.length;
    const last = { rows, cols, values: values.slice((years.length - 1) * n) };
    const [map] = priorityMaps(last, [rows[0]], { top: 4 });
    assert.equal(map.region, rows[0]);
    assert.deepEqual(
      map.recommendations.map((r) => r.rank),
      [1, 2, 3, 4],
    );
    assert.ok(map.recommendations.every((r) => typeof r.rationale === "string"));
  });

  test("backtest pools the pairs of years", () => {
    const bt = backtest(panel, { top_k: 3 });
    assert.equal(bt.pooled.length, years.length);
    const all = bt.pooled.at(-1);
    assert.equal(all.from, null);
    assert.ok(all.auc > 0 && all.auc < 1);
    const same = backtest(panel, { top_k: 3 }, panel);
    assert.equal(same.predictor, "supplied scores");
    assert.equal(thrown(() => backtest(panel, { buffer: -1 })).name, "InvalidParameterError");
  });
});
