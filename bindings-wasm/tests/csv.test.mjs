// readLongCsv, longTableMatrix, longTablePanel, longTableDataset, partnershipSpec,
// readPartnerships, partnershipsDataset, mirroring clusterpolicy::model::csv: the facts that
// tests/tests/real_data.rs asserts for the Rust loaders on the real data of ../shared/data
// (counts and sums are exact: the loaders only parse and add integers), and small inline
// files. Tests that need ../shared skip with a notice without it (and fail when CI=true).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import {
  Dataset,
  longTableDataset,
  longTableMatrix,
  longTablePanel,
  partnershipSpec,
  partnershipsDataset,
  readLongCsv,
  readPartnerships,
} from "clusterpolicy";

import { allPlain, need, SHARED, thrown } from "./helpers.mjs";

const DATA = `${SHARED}/data`;

/** `{ name, data }` of a shared file, read as bytes (the loader decodes UTF-8 itself). */
const file = (rel) => ({ name: rel, data: new Uint8Array(readFileSync(`${DATA}/${rel}`)) });
const sum = (m) => m.values.reduce((a, b) => a + b, 0);

describe("long-format CSV on the real data (as tests/tests/real_data.rs)", () => {
  test("Australian census: panel, matrices per year, totals", (t) => {
    if (!need(`${DATA}/australia-lga-anzsic19-census`, t)) return;
    const src = file("australia-lga-anzsic19-census/employment_lga_pow_industry.csv");
    const opts = { region: "lga_pow", activity: "industry", year: "year", value: "employment" };
    const table = readLongCsv(src, opts);
    assert.ok(allPlain(table));
    assert.equal(table.source_name, src.name);
    assert.equal(table.summary.rows_read, 37_312);
    assert.equal(table.records.length, 37_312);
    assert.deepEqual(table.years, [2011, 2016, 2021]);
    assert.equal(table.regions.length, 1_174);
    assert.equal(table.activities.length, 22);
    assert.equal(Math.max(...table.records.map((r) => r.value)), 122_983);
    for (const [year, lgas, total] of [[2011, 586, 9_563_253], [2016, 554, 10_128_033], [2021, 556, 11_420_655]]) {
      const m = longTableMatrix(table, year);
      assert.ok(m.values instanceof Float64Array);
      assert.deepEqual([m.rows.length, m.cols.length], [lgas, 22]);
      assert.equal(sum(m), total);
    }
    const panel = longTablePanel(table);
    assert.deepEqual(panel.years, [2011, 2016, 2021]);
    assert.equal(panel.values.length, 3 * 1_174 * 22);
    assert.equal(sum(panel), 9_563_253 + 10_128_033 + 11_420_655);
    // Several years: a single matrix needs a year, and the error names them.
    const e = thrown(() => longTableMatrix(table));
    assert.equal(e.name, "InvalidParameterError");
    assert.equal(e.parameter, "year");
    assert.match(e.message, /2011, 2016, 2021/);

    const state = readLongCsv(file("australia-lga-anzsic19-census/employment_state_pow_industry_2021.csv"), {
      ...opts,
      region: "state_pow",
    });
    const m = longTableMatrix(state);
    assert.deepEqual([m.rows.length, m.cols.length], [9, 22]);
    assert.equal(sum(m), 12_049_224);
  });

  test("Spanish provinces: names, natural order, a valid dataset", (t) => {
    if (!need(`${DATA}/spain-provinces-hs-sections-2022`, t)) return;
    const table = readLongCsv(file("spain-provinces-hs-sections-2022/subnat_exports.csv"), {
      region: "Subnat Geography ID",
      activity: "Section ID",
      value: "Trade Value",
      region_name: "Subnat Geography",
      activity_name: "Section",
      label_order: "natural",
    });
    assert.equal(table.summary.rows_read, 1_148);
    const m = longTableMatrix(table);
    assert.deepEqual([m.rows.length, m.cols.length], [53, 22]);
    assert.deepEqual(m.cols.slice(0, 3), ["1", "2", "3"]);
    assert.equal(m.cols[21], "22");
    assert.equal(table.region_names["1"], "Álava");
    assert.equal(table.region_names["99"], "Sin provincia asignada");
    const ds = longTableDataset(table, { name: "spain", country: "ES", year: 2022, classification: "hs" });
    assert.ok(ds instanceof Dataset);
    const doc = ds.toObject();
    assert.deepEqual([doc.regions.length, doc.activities.length, doc.observations.length], [53, 22, 1_148]);
    assert.equal(doc.regions[0].name, "Álava");
    assert.deepEqual(ds.validate().problems, []);
  });

  test("US County Business Patterns: codes keep their zeros, absent cells are 0", (t) => {
    if (!need(`${DATA}/us-cbsa-naics-cbp-2019`, t)) return;
    const table = readLongCsv(file("us-cbsa-naics-cbp-2019/cbp2019_cbsa_naics3.csv"), {
      region: "cbsa_code",
      activity: "naics_code",
      value: "emp",
    });
    assert.equal(table.summary.rows_read, 54_143);
    const m = longTableMatrix(table);
    assert.deepEqual([m.rows.length, m.cols.length], [933, 86]);
    assert.equal(m.rows[0], "10100");
    assert.equal(sum(m), 121_502_588);
    assert.equal(m.values.filter((v) => v !== 0).length, 54_143 - 9);
  });
});

describe("partnership lists on the real data (as tests/tests/real_data.rs)", () => {
  test("CORDIS H2020 (SOD16): three files, coordinators matched, a valid dataset", (t) => {
    if (!need(`${DATA}/cordis-h2020-sod16`, t)) return;
    const spec = partnershipSpec("cordis_h2020_sod");
    assert.equal(spec.delimiter, "tab");
    assert.equal(spec.decimal, "comma");
    const p = readPartnerships(
      spec,
      file("cordis-h2020-sod16/edges.csv"),
      file("cordis-h2020-sod16/unique_org.csv"),
      file("cordis-h2020-sod16/projects.csv"),
    );
    assert.ok(allPlain(p));
    const s = p.summary;
    assert.deepEqual([s.participation_rows, s.organisation_rows, s.project_rows], [31_868, 12_326, 7_574]);
    assert.equal(s.participations, 31_868);
    assert.deepEqual([p.projects.length, p.actors.length], [7_574, 12_326]);
    const sizes = p.projects.map((x) => x.partners.length);
    assert.equal(sizes.filter((n) => n === 1).length, 4_724);
    assert.equal(sizes.filter((n) => n >= 2).length, 2_850);
    assert.equal(Math.max(...sizes), 153);
    assert.equal(new Set(p.actors.map((a) => a.country)).size, 118);
    assert.deepEqual(
      [s.coordinators_by_name, s.coordinators_by_normalised_name, s.coordinators_as_sole_participant],
      [7_517, 54, 1],
    );
    assert.deepEqual(
      s.unmatched_coordinators.map((u) => [u.project, u.name]),
      [["196621", "TRUST-IT SERVICES LTD"], ["196626", "TRUST-IT SERVICES LTD"]],
    );
    const first = p.projects[0];
    assert.deepEqual([first.id, first.title, first.budget, first.start], ["193157", "ERC-EuropePMC-1-2014", 230_000, "2014-01-01"]);
    // The preset name works as the spec too.
    assert.deepEqual(
      readPartnerships(
        "cordis_h2020_sod",
        file("cordis-h2020-sod16/edges.csv"),
        file("cordis-h2020-sod16/unique_org.csv"),
        file("cordis-h2020-sod16/projects.csv"),
      ).summary,
      s,
    );
    const ds = partnershipsDataset(p, "h2020");
    assert.equal(ds.name, "h2020");
    assert.deepEqual(ds.validate().problems, []);
  });

  test("CORDIS FP7 (SOD16): edges and organisations, 41 organisations without a country", (t) => {
    if (!need(`${DATA}/cordis-fp7-sod16`, t)) return;
    const p = readPartnerships(
      "cordis_fp7_sod",
      file("cordis-fp7-sod16/fp7_project_org_edges.tsv"),
      file("cordis-fp7-sod16/fp7_orgs_nuts.tsv"),
    );
    const s = p.summary;
    assert.deepEqual([s.participation_rows, s.duplicate_participations, s.participations], [135_670, 3, 135_667]);
    assert.deepEqual([s.organisation_rows, s.duplicate_organisation_rows], [31_055, 82]);
    assert.deepEqual([p.projects.length, p.actors.length, p.regions.length], [25_788, 30_973, 1_150]);
    assert.deepEqual([s.countries_from_region_code, s.actors_without_country], [1, 41]);
    const problems = partnershipsDataset(p, "fp7").validate().problems;
    assert.equal(problems.length, 41);
    assert.ok(problems.every((x) => x.kind === "unknown_country_code" && /^actors\[\d+\]\.country$/.test(x.path)));
  });
});

describe("CSV loaders on small inline files", () => {
  const text = "region,activity,year,value\nSI04,C29,2020,1200\nSI04,J62,2020,800\nSI03,C29,2021,3100\n";

  test("a string, bytes and { name, data } read the same", () => {
    const opts = { year: "year" };
    const a = readLongCsv(text, opts);
    assert.equal(a.source_name, "input.csv");
    const b = readLongCsv(new TextEncoder().encode(text), opts);
    const c = readLongCsv({ name: "upload.csv", data: text }, opts);
    assert.deepEqual({ ...b, source_name: "" }, { ...a, source_name: "" });
    assert.equal(c.source_name, "upload.csv");
    assert.deepEqual(a.records, [
      { region: "SI04", activity: "C29", year: 2020, value: 1200 },
      { region: "SI04", activity: "J62", year: 2020, value: 800 },
      { region: "SI03", activity: "C29", year: 2021, value: 3100 },
    ]);
    const m = longTableMatrix(a, 2020);
    assert.deepEqual([m.rows, m.cols, [...m.values]], [["SI04"], ["C29", "J62"], [1200, 800]]);
    const p = longTablePanel(a);
    assert.deepEqual([...p.values], [0, 0, 1200, 800, 3100, 0, 0, 0]); // years x rows (SI03, SI04) x cols
    const ds = longTableDataset(a, { country: "SI", indicator: { id: "employment", name: "Employment", unit: "persons", direction: "increase" } });
    const doc = ds.toObject();
    assert.deepEqual(doc.observations.map((o) => [o.subject.id, o.activity, o.year, o.value]), [
      ["SI04", "C29", 2020, 1200],
      ["SI04", "J62", 2020, 800],
      ["SI03", "C29", 2021, 3100],
    ]);
    assert.deepEqual(ds.validate().problems, []);
  });

  test("the options: semicolons, decimal commas, duplicates summed, missing values skipped", () => {
    const t = readLongCsv("r;a;v\nR1;A;1,5\nR1;A;2,25\nR2;A;\n", {
      region: "r",
      activity: "a",
      value: "v",
      decimal: "comma",
      duplicates: "sum",
      missing: "skip",
    });
    assert.deepEqual(t.records, [{ region: "R1", activity: "A", value: 3.75 }]);
    assert.deepEqual(t.summary, { rows_read: 3, rows_excluded: 0, missing_values: 1, duplicate_rows: 1 });
  });

  test("a flat partnership list: default spec, lead first, a dataset", () => {
    const spec = partnershipSpec("default");
    assert.equal(spec.participations.project, "project");
    const flat =
      "projectID;projectAcronym;organisationID;name;shortName;SME;activityType;country;nutsCode;role;ecContribution;totalCost\n" +
      "9;X;2;Two;;;PRC;AT;AT130;participant;1;1\n" +
      "9;X;1;One;;;HES;AT;AT130;coordinator;2;2\n";
    const p = readPartnerships("cordis_flat", { name: "organization.csv", data: flat });
    assert.deepEqual(p.projects[0].partners.map((x) => x.actor), ["1", "2"]);
    assert.deepEqual(p.regions.map((r) => r.id), ["AT", "AT1", "AT13", "AT130"]);
    const tiny = readPartnerships(undefined, "project,organisation\nP1,O1\nP1,O2\n");
    assert.deepEqual([tiny.summary.participations, tiny.summary.actors_without_country], [2, 2]);
    const ds = partnershipsDataset(tiny, "tiny");
    assert.deepEqual(ds.toObject().projects[0].partners.map((x) => x.actor), ["O1", "O2"]);
  });

  test("bad input throws Errors whose name is the kind", () => {
    // A malformed row: the file, line and column.
    let e = thrown(() => readLongCsv({ name: "bad.csv", data: "region,activity,value\nA,B,1\nA,C,twelve\n" }));
    assert.ok(e instanceof Error);
    assert.equal(e.name, "CsvError");
    assert.deepEqual([e.sourceName, e.line, e.column], ["bad.csv", 3, "value"]);
    assert.equal(e.message, "bad.csv: line 3, column `value`: `twelve` is not a number");
    // NaN and infinities are not values: NaN counts as missing, inf is not a number.
    e = thrown(() => readLongCsv("region,activity,value\nA,B,NaN\n"));
    assert.equal(e.name, "CsvError");
    assert.match(e.message, /missing value `NaN`/);
    assert.equal(thrown(() => readLongCsv("region,activity,value\nA,B,inf\n")).name, "CsvError");
    e = thrown(() => readLongCsv("region,activity,value\nA,B,1\nA,B,2\n"));
    assert.match(e.message, /second row for region `A`, activity `B`/);
    e = thrown(() => readLongCsv("region,sector,value\nA,B,1\n"));
    assert.equal(e.name, "CsvError");
    assert.match(e.message, /activity/);
    // Wrong shape.
    e = thrown(() => readLongCsv(42));
    assert.equal(e.name, "TypeError");
    assert.match(e.message, /readLongCsv expects CSV text/);
    e = thrown(() => readLongCsv(text, { year: "year", colour: "red" }));
    assert.equal(e.name, "JsonError");
    assert.match(e.message, /unknown field `colour`/);
    e = thrown(() => readLongCsv(text, { activity: "region" }));
    assert.equal(e.name, "InvalidParameterError");
    e = thrown(() => longTableMatrix({ records: 5 }));
    assert.equal(e.name, "JsonError");
    assert.match(e.message, /longTableMatrix table at records/);
    e = thrown(() => partnershipsDataset({ actors: 1 }, "x"));
    assert.equal(e.name, "JsonError");
    // Unknown references.
    const table = readLongCsv(text, { year: "year" });
    e = thrown(() => longTableMatrix(table, 1999));
    assert.equal(e.name, "UnknownLabelError");
    assert.deepEqual([e.labelKind, e.id], ["year", "1999"]);
    const broken = structuredClone(table);
    broken.records[0].region = "ZZ99";
    e = thrown(() => longTableMatrix(broken, 2020));
    assert.equal(e.name, "UnknownLabelError");
    assert.equal(e.id, "ZZ99");
    e = thrown(() => readPartnerships("cordis_2030", "project,organisation\nP,O\n"));
    assert.equal(e.name, "InvalidParameterError");
    assert.match(e.message, /unknown preset `cordis_2030`; expected one of default, cordis_h2020_sod, cordis_fp7_sod, cordis_flat/);
    assert.equal(thrown(() => partnershipSpec("nope")).name, "InvalidParameterError");
    e = thrown(() => readPartnerships("cordis_h2020_sod", "projectRcn\tnew_org_id\n1\t2\n"));
    assert.equal(e.name, "InvalidParameterError");
    assert.equal(e.parameter, "organisations");
    // Missing context: no country, no year, no panel without years.
    e = thrown(() => longTableDataset(table));
    assert.equal(e.name, "InvalidParameterError");
    assert.equal(e.parameter, "country");
    e = thrown(() => longTablePanel(readLongCsv("region,activity,value\nA,B,1\n")));
    assert.equal(e.name, "InvalidParameterError");
  });
});
