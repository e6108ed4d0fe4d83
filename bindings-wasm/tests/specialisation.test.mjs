// rca, presence, analyse, variety, shiftShare, starClusters, ..., mirroring
// clusterpolicy::specialisation on the shared data: the EconGeo outputs of
// ../shared/data/australia-lga-anzsic19-census (1e-9 where EconGeo does not round, its rounding
// where it does) and the worked examples of ../shared/reference/cluster_mapping.json. Tests
// that need ../shared skip with a notice without it (and fail when CI=true).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import {
  analyse,
  exampleNaceMapping,
  observationMatrix,
  presence,
  rca,
  report,
  rpop,
  sampleDataset,
  shiftShare,
  starClusters,
  starRatings,
  summariseSpecialisation,
  symmetricRca,
  variety,
} from "clusterpolicy";

import { allPlain, need, SHARED, thrown } from "./helpers.mjs";

const AU = `${SHARED}/data/australia-lga-anzsic19-census`;
const REF = `${SHARED}/reference/cluster_mapping.json`;

/** R's write.csv output: header, quoted strings, unquoted numbers. */
function readCsv(path) {
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
  const [head, ...rows] = readFileSync(path, "utf8").split("\n").filter((l) => l.length > 0).map(split);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

const NON = new Set(["Inadequately described", "Not stated", "Not applicable"]);

/** The EconGeo input: 2021, 19 divisions, LGAs with a non-zero total. */
function au2021() {
  const rows = readCsv(`${AU}/employment_lga_pow_industry.csv`).filter((r) => r.year === "2021" && !NON.has(r.industry));
  const regions = [...new Set(rows.map((r) => r.lga_pow))].sort();
  const cols = [...new Set(rows.map((r) => r.industry))].sort();
  const ri = new Map(regions.map((r, i) => [r, i]));
  const ci = new Map(cols.map((c, j) => [c, j]));
  const values = new Float64Array(regions.length * cols.length);
  for (const r of rows) values[ri.get(r.lga_pow) * cols.length + ci.get(r.industry)] += Number(r.employment);
  return { rows: regions, cols, values };
}

const maxErr = (ours, expected) => Math.max(...ours.map((v, i) => Math.abs(v - expected[i])));

describe("specialisation on the Australian census (EconGeo)", () => {
  test("location quotient, binary LQ and rounded RCA", (t) => {
    if (!need(AU, t)) return;
    const m = au2021();
    const lq = rca(m, { zero_rows: "drop" });
    assert.equal(lq.rows.length, 554);
    assert.ok(lq.values instanceof Float64Array);
    const bin = presence(m, { zero_rows: "drop" });
    const rounded = rca(m, { zero_rows: "drop", digits: 2 });
    const exp = new Map(readCsv(`${AU}/expected_econgeo_2021_lq.csv`).map((r) => [`${r.lga_pow}|${r.industry}`, r]));
    const at = (out, k, col) => {
      const errs = [];
      out.rows.forEach((r, i) => out.cols.forEach((c, j) => errs.push(Math.abs(out.values[i * out.cols.length + j] - Number(exp.get(`${r}|${c}`)[col])))));
      return Math.max(...errs);
    };
    assert.ok(at(lq, 0, "location_quotient") <= 1e-9);
    assert.equal(at(bin, 0, "lq_binary"), 0);
    assert.ok(at(rounded, 0, "rca_econgeo_rounded2") <= 1e-12);
  });

  test("region and activity indices", (t) => {
    if (!need(AU, t)) return;
    const m = au2021();
    const a = analyse(m, { rca: { zero_rows: "drop" } });
    const e = analyse(m, { rca: { zero_rows: "drop" }, convention: "econ_geo" });
    const regions = new Map(readCsv(`${AU}/expected_econgeo_2021_regions.csv`).map((r) => [r.lga_pow, r]));
    const industries = new Map(readCsv(`${AU}/expected_econgeo_2021_industries.csv`).map((r) => [r.industry, r]));
    const reg = (col) => a.rows.map((r) => Number(regions.get(r)[col]));
    const ind = (col) => a.cols.map((c) => Number(industries.get(c)[col]));
    const checks = [
      [a.regions.location_quotient_avg, reg("location_quotient_avg"), 1e-9],
      [a.regions.krugman, reg("krugman_index"), 1e-9],
      [a.regions.specialisation_coefficient, reg("spec_coeff"), 1e-9],
      [a.regions.hachman, reg("hachman"), 1e-9],
      [a.regions.herfindahl, reg("herfindahl"), 1e-9],
      [e.regions.entropy, reg("entropy_log2_rounded3"), 1e-12],
      [a.regions.diversity, reg("diversity_rca"), 0],
      [a.activities.ubiquity, ind("ubiquity_rca"), 0],
      [e.activities.gini, ind("gini"), 1e-12],
      [a.activities.locational_gini, ind("locational_gini"), 1e-9],
      [e.activities.hoover, ind("hoover_index_pop_employment"), 1e-12],
      [e.activities.hoover_gini, ind("hoover_gini_pop_employment"), 1e-12],
    ];
    for (const [ours, expected, tol] of checks) assert.ok(maxErr([...ours], expected) <= tol);
  });
});

describe("specialisation: worked examples and small cases", () => {
  test("EconGeo example matrix and REAT's published LQ", (t) => {
    if (!need(REF, t)) return;
    const cases = JSON.parse(readFileSync(REF, "utf8")).cases;
    const c = cases.find((x) => x.id === "econgeo_location_quotient_example");
    const m = { rows: ["R1", "R2", "R3", "R4", "R5"], cols: ["I1", "I2", "I3", "I4", "I5"], values: c.matrix };
    assert.ok(maxErr([...rca(m).values], c.expected.LQ.flat()) < 1e-12);
    assert.deepEqual([...presence(m).values], c.expected.binary_econgeo_semantics_ge1.flat());
    const r = cases.find((x) => x.id === "reat_locq_farhauer_kroell").inputs;
    const reat = { rows: ["j", "o"], cols: ["i", "o"], values: [r.e_ij, r.e_j - r.e_ij, r.e_i - r.e_ij, r.e - r.e_j - r.e_i + r.e_ij] };
    assert.ok(Math.abs(rca(reat).values[0] - 0.3847623) < 5e-8);
  });

  test("three-star rules", (t) => {
    if (!need(REF, t)) return;
    const c = JSON.parse(readFileSync(REF, "utf8")).cases.find((x) => x.id === "eco_three_star_synthetic");
    const m = { rows: c.regions, cols: c.categories, values: new Float64Array(c.employment.flat()) };
    const s = starRatings(m, new Float64Array(c.region_total_employment));
    assert.ok(allPlain(s));
    assert.deepEqual(s.map((x) => x.stars), c.expected.stars.flat());
    assert.deepEqual(s.map((x) => Number(x.size_star)), c.expected.size_star.flat());
    assert.deepEqual(s.map((x) => Number(x.focus_star)), c.expected.focus_star.flat());
    assert.ok(maxErr(s.map((x) => x.location_quotient), c.expected.LQ.flat()) <= 5e-5);
  });

  test("rpop, symmetric RCA, variety, shift-share", () => {
    const m = { rows: ["R1", "R2"], cols: ["C10", "J62"], values: [30, 10, 10, 50] };
    assert.equal(rpop(m, new Float64Array([100, 300])).values[0], (30 / 100) / (40 / 400));
    assert.deepEqual([...rpop(m, new Float64Array([100, 300]), undefined, true).values], [1, 0, 0, 1]);
    const r = rca(m).values;
    assert.ok([...symmetricRca(m).values].every((v, i) => Math.abs(v - (r[i] - 1) / (r[i] + 1)) < 1e-15));
    const v = variety(m, { C10: "C", J62: "J" });
    assert.ok(v.entropy.every((h, i) => Math.abs(h - v.related_variety[i] - v.unrelated_variety[i]) < 1e-12));
    const end = { rows: ["R1", "R2"], cols: ["C10", "J62"], values: [[45, 10], [5, 60]] };
    const s = shiftShare(m, end);
    for (const x of s.records) assert.ok(Math.abs(x.national_growth + x.industry_mix + x.regional_shift - x.change) < 1e-9);
  });

  test("the embedded dataset: stars, profile and report", () => {
    const ds = sampleDataset();
    const m = observationMatrix(ds);
    const mapping = exampleNaceMapping();
    assert.equal(mapping.example, true);
    const stars = starClusters(m);
    assert.equal(stars.length, m.rows.length * mapping.categories.length);
    assert.ok(stars.some((s) => s.stars === 3));
    const profile = summariseSpecialisation(ds);
    assert.equal(profile.year, 2021);
    assert.deepEqual(report(ds).specialisation, profile);
  });

  test("bad input throws Errors whose name is the kind", () => {
    const base = { rows: ["R1", "R2"], cols: ["A", "B"] };
    let e = thrown(() => rca({ ...base, values: [1, 2, 3] }));
    assert.ok(e instanceof Error);
    assert.equal(e.name, "ShapeMismatchError");
    e = thrown(() => rca({ ...base, values: [1, NaN, 3, 4] }));
    assert.equal(e.name, "NonFiniteError");
    assert.match(e.message, /`R1`.*`B`/);
    e = thrown(() => rca({ ...base, values: [1, -2, 3, 4] }));
    assert.equal(e.name, "InvalidParameterError");
    e = thrown(() => rca({ ...base, values: [0, 0, 3, 4] }, { zero_rows: "error" }));
    assert.equal(e.name, "EmptyInputError");
    e = thrown(() => rca({ ...base, values: [1, 2, 3, 4] }, { zero_rows: "sometimes" }));
    assert.equal(e.name, "JsonError");
    assert.match(e.message, /unknown variant `sometimes`/);
    e = thrown(() => rca({ ...base, values: [1, 2, 3, 4] }, { zero_row: "drop" }));
    assert.match(e.message, /unknown field `zero_row`/);
    e = thrown(() => rpop({ ...base, values: [1, 2, 3, 4] }, new Float64Array([1])));
    assert.equal(e.name, "ShapeMismatchError");
  });
});
