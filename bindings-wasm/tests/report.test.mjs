// report(ds) and reportHtml(ds), mirroring clusterpolicy::report::Report on the shared fixtures.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Dataset, report, reportHtml } from "clusterpolicy";

import { BROKEN, BROKEN_PROBLEMS, SMALL, allPlain, triples } from "./helpers.mjs";

describe("report", () => {
  test("the report of the small dataset is a plain object with its counts", () => {
    const r = report(Dataset.fromJson(SMALL));
    assert.ok(allPlain(r));
    // the analysis sections follow when the dataset supports them
    assert.deepEqual(Object.keys(r).slice(0, 3), ["generator", "summary", "validation"]);
    for (const k of Object.keys(r).slice(3)) assert.ok(r[k] !== null && typeof r[k] === "object", k);
    assert.match(r.generator, /^clusterpolicy \d+\.\d+\.\d+/);
    const doc = JSON.parse(SMALL);
    const s = r.summary;
    assert.equal(s.name, "small");
    assert.equal(s.synthetic, true);
    assert.equal(s.description, doc.description);
    const sum = (xs) => xs.reduce((a, b) => a + b, 0);
    assert.deepEqual(s.counts, {
      countries: doc.countries.length,
      regions: doc.regions.length,
      activities: doc.activities.length,
      actors: doc.actors.length,
      clusters: doc.clusters.length,
      programmes: doc.programmes.length,
      projects: doc.projects.length,
      participations: sum(doc.projects.map((p) => p.partners.length)),
      indicators: doc.indicators.length,
      strategies: doc.strategies.length,
      measures: sum(doc.strategies.map((st) => (st.measures ?? []).length)),
      observations: doc.observations.length,
      evidence: doc.evidence.length,
      scenarios: doc.scenarios.length,
    });
    const codes = s.by_country.map((c) => c.country);
    assert.deepEqual(codes, [...codes].sort(), "by_country is in code order");
    assert.equal(sum(s.by_helix.map((h) => h.actors)), doc.actors.length);
    assert.deepEqual(r.validation, { problems: [] });
  });

  test("an invalid dataset is reported, not thrown, with every problem", () => {
    const r = report(Dataset.fromJson(BROKEN));
    assert.deepEqual(triples(r.validation.problems), BROKEN_PROBLEMS);
    assert.equal(r.summary.counts.actors, 3);
  });

  test("the same dataset from an object gives the same report", () => {
    assert.deepEqual(report(Dataset.fromObject(JSON.parse(SMALL))), report(Dataset.fromJson(SMALL)));
  });

  test("reportHtml is one self-contained page with escaped text", () => {
    const html = reportHtml(Dataset.fromJson(SMALL));
    assert.ok(html.startsWith("<!DOCTYPE html>"));
    assert.match(html, /<html lang="en">/);
    assert.match(html, /synthetic data/);
    assert.doesNotMatch(html, /<script|<link |src="http/);
    const tricky = reportHtml(Dataset.fromObject({ name: "<b>bold</b> & co" }));
    assert.match(tricky, /&lt;b&gt;bold&lt;\/b&gt; &amp; co/);
    assert.doesNotMatch(tricky, /<b>bold/);
    assert.match(reportHtml(Dataset.fromJson(BROKEN)), /12 problem\(s\) found/);
  });
});
