// Node tests of the synergy bindings, mirroring clusterpolicy::synergy:
// - the Triple Helix worked examples of ../shared/reference/triple_helix_synergy.json, exactly
//   (information-theory identities on powers of two, computed exactly in floating point; as
//   tests/tests/synergy_reference.rs);
// - the NetworkX link-prediction examples of ../shared/reference/link_prediction_similarity.json
//   through the matchmaking, |ours - published| <= 5e-7 (published with 6 decimals);
// - on the embedded dataset, each function equals the part of the Rust-built report
//   (`report(ds).synergy`, computed by clusterpolicy::synergy::summarise inside Rust) that it
//   reproduces, bit for bit (same module, same seeds), and the documented identities hold
//   (decomposition: total = within + between to 1e-12, a different order of the same sums);
// - determinism of the seeded bootstraps, and typed errors for bad input.
// Tests that need ../shared skip with a notice without it (and fail when CI=true).

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import {
  Dataset,
  SynergyContext,
  decompose,
  designInitiative,
  errorKinds,
  evaluateInitiatives,
  heldoutEvaluation,
  jointPriorities,
  matchActors,
  matchPartners,
  networkProjection,
  observationMatrix,
  proximity,
  proximityMatrix,
  rca,
  report,
  sampleDataset,
  synergyImpact,
  synergySummary,
  tripleHelix,
  tripleHelixBootstrap,
  tripleHelixDecomposition,
  tripleHelixTable,
  tripleHelixValues,
} from "clusterpolicy";

import { allPlain, need, SHARED, thrown } from "./helpers.mjs";

const REF = `${SHARED}/reference`;

const actor = (id) => ({ kind: "actor", id });
const cluster = (id) => ({ kind: "cluster", id });
const region = (id) => ({ kind: "region", id });

/** A dataset whose cooperation network is the given graph: one two-partner project per edge. */
function graphDataset(n, edges, country = () => "SI") {
  return Dataset.fromObject({
    name: "graph",
    actors: Array.from({ length: n }, (_, i) => ({ id: String(i), name: `node ${i}`, country: country(i) })),
    projects: edges.map(([a, b], k) => ({
      id: `P${k}`,
      title: "edge",
      partners: [a, b].map((x) => ({ actor: String(x), role: "partner" })),
    })),
  });
}

const NAMES = ["H_u", "H_i", "H_g", "H_ui", "H_ug", "H_ig", "H_uig", "T_ui", "T_ug", "T_ig", "T_uig"];

describe("Triple Helix", () => {
  test("the worked examples of triple_helix_synergy.json, exactly", (t) => {
    const path = `${REF}/triple_helix_synergy.json`;
    if (!need(path, t)) return;
    const { cases } = JSON.parse(readFileSync(path, "utf8"));
    assert.equal(cases.length, 3);
    for (const c of cases) {
      const th = tripleHelixValues(c.counts);
      assert.ok(allPlain(th));
      assert.deepEqual(Object.keys(c.expected).sort(), [...NAMES].sort(), `${c.id}: every published value is checked`);
      for (const name of NAMES) assert.equal(th[name.toLowerCase()], c.expected[name], `${c.id} ${name}`);
      // The same from a flat Float64Array with its shape, and through labelled tables.
      const shape = [c.counts.length, c.counts[0].length, c.counts[0][0].length];
      const flat = new Float64Array(c.counts.flat(2));
      assert.deepEqual(tripleHelixValues(flat, shape), th);
      assert.deepEqual(tripleHelixValues(c.counts, shape), th);
      const axis = (name, k) => ({ name, labels: Array.from({ length: k }, (_, x) => String(x)) });
      const table = { u: axis("u", shape[0]), i: axis("i", shape[1]), g: axis("g", shape[2]), counts: c.counts };
      assert.deepEqual(tripleHelix(table), th);
      assert.deepEqual(tripleHelix({ ...table, counts: flat }), th);
      assert.deepEqual(tripleHelix({ ...table, counts: Array.from(flat) }), th);
    }
  });

  test("sample dataset: table, values and decomposition as the Rust report", () => {
    const ds = sampleDataset();
    const rust = report(ds).synergy.triple_helix;
    const table = tripleHelixTable(ds);
    assert.equal(table.u.name, "helix");
    assert.deepEqual(table.skipped, { no_helix: 0, no_activity: 0, no_geography: 0 });
    // Fractional counting: one unit per actor.
    const n = table.counts.flat(2).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(n - ds.toObject().actors.length) < 1e-9);
    const th = tripleHelix(table);
    assert.deepEqual(th, rust.total);
    // The report's decomposition: by country, 200 replicates, seed 42.
    const d = tripleHelixDecomposition(ds, { bootstrap: { replicates: 200 } });
    assert.deepEqual(d, rust);
    assert.ok(Math.abs(d.within + d.between - d.total.t_uig) < 1e-12);
    assert.equal(d.groups.length, 16);
    // The same through `decompose` with the regions' countries as groups.
    const country = Object.fromEntries(ds.toObject().regions.map((r) => [r.id, r.country === "EL" ? "GR" : r.country]));
    const byHand = decompose(table, country, { replicates: 200 });
    assert.deepEqual(byHand, d);
    assert.deepEqual(decompose(table, country), tripleHelixDecomposition(ds));
    // Country-level groups of a country table: every within term is 0 (up to the rounding of
    // H_u + H_i - H_ui - H_u - H_i + H_ui) and the between term is the total.
    const countries = tripleHelixDecomposition(ds, { table: { geography: "country" } });
    assert.ok(countries.groups.every((g) => Math.abs(g.contribution) < 1e-12));
    assert.ok(Math.abs(countries.between - countries.total.t_uig) < 1e-12);
    // NUTS 1 groups, activity sections, whole counting.
    const nuts1 = tripleHelixDecomposition(ds, { groups: { level: 1 }, table: { activity_level: 1, counting: "whole" } });
    assert.ok(Math.abs(nuts1.within + nuts1.between - nuts1.total.t_uig) < 1e-12);
  });

  test("bootstrap intervals are seeded", () => {
    const counts = [
      [
        [30, 2],
        [3, 25],
      ],
      [
        [4, 28],
        [27, 1],
      ],
    ];
    const axis = (name) => ({ name, labels: ["0", "1"] });
    const table = { u: axis("u"), i: axis("i"), g: axis("g"), counts };
    const b = tripleHelixBootstrap(table, { replicates: 200 });
    assert.ok(b.t_uig.lower <= b.estimate.t_uig && b.estimate.t_uig <= b.t_uig.upper);
    assert.ok(b.t_uig.upper < 0, "clearly synergy");
    assert.equal(b.units, 120);
    assert.deepEqual(b.params, { replicates: 200, seed: 42, confidence: 0.95, method: "basic" });
    assert.deepEqual(tripleHelixBootstrap(table, { replicates: 200 }), b);
    const other = tripleHelixBootstrap(table, { replicates: 200, seed: 7, method: "percentile" });
    assert.notDeepEqual(other.t_uig, b.t_uig);
    assert.deepEqual(other.estimate, b.estimate);
  });
});

describe("link prediction and matchmaking", () => {
  test("the NetworkX examples of link_prediction_similarity.json through matchPartners", (t) => {
    const path = `${REF}/link_prediction_similarity.json`;
    if (!need(path, t)) return;
    const [c] = JSON.parse(readFileSync(path, "utf8")).cases;
    assert.equal(c.id, "networkx_complete_graph_5");
    const edges = [];
    for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) edges.push([a, b]);
    const ds = graphDataset(5, edges);
    assert.equal(Object.keys(c.expected).length, 4, "every published score is checked");
    for (const [method, pairs] of Object.entries(c.expected)) {
      for (const [pair, published] of Object.entries(pairs)) {
        const [a, b] = pair.split("-");
        // NetworkX scores tied pairs too: keep existing partners and same-country candidates.
        const options = { link_method: method, transnational: false, exclude_existing: false, k: 4, candidates: [actor(b)] };
        const [rec] = matchPartners(ds, [actor(a)], options);
        assert.ok(Math.abs(rec.link_score - published) <= 5e-7 + 1e-12, `${method} ${pair}: ${rec.link_score}`);
      }
    }
  });

  test("matchmaking link scores are the network's link scores", () => {
    const ds = sampleDataset();
    const { network } = networkProjection(ds);
    for (const method of ["common_neighbours", "jaccard", "adamic_adar", "resource_allocation", "preferential_attachment"]) {
      const who = network.ids[3];
      const options = { link_method: method, transnational: false, exclude_existing: false, k: 40, link_weight: 1 };
      const recs = matchPartners(ds, [actor(who)], options).filter((r) => network.ids.includes(r.candidate.id));
      const theirs = network.linkScores(recs.map((r) => [who, r.candidate.id]), method);
      recs.forEach((r, i) => assert.ok(Math.abs(r.link_score - theirs[i]) <= 1e-12 * Math.max(1, Math.abs(theirs[i])), `${method} ${r.candidate.id}`));
      // With lambda = 1 the ranking is the link ranking.
      for (let i = 1; i < recs.length; i++) assert.ok(recs[i - 1].link_score >= recs[i].link_score);
    }
  });

  test("sample dataset: recommendations as the Rust report, explained and filtered", () => {
    const ds = sampleDataset();
    const rust = report(ds).synergy;
    const recs = matchPartners(ds, rust.sample_actors.map(actor), { k: 3 });
    assert.ok(allPlain(recs));
    assert.deepEqual(recs, rust.recommendations);
    const doc = ds.toObject();
    const countryOf = new Map(doc.actors.map((a) => [a.id, a.country]));
    for (const r of recs) {
      assert.ok(r.explanation.startsWith(`synergy ${r.synergy.toFixed(2)}`), r.explanation);
      assert.ok(r.score >= 0 && r.score <= 1);
      assert.ok(Math.abs(r.score - (0.5 * r.synergy + 0.5 * r.link_normalised)) < 1e-12);
      assert.notEqual(countryOf.get(r.candidate.id), countryOf.get(r.subject.id), "transnational by default");
      const sum = Object.values(r.contributions).reduce((a, b) => a + (b ?? 0), 0);
      assert.ok(Math.abs(sum - r.synergy) < 1e-12, "the contributions add up to the synergy");
    }
    // Filters: only research partners in Austria.
    const only = matchPartners(ds, [actor(rust.sample_actors[0])], { k: 5, helix: ["research"], countries: ["AT"] });
    assert.ok(only.length > 0);
    for (const r of only) {
      assert.deepEqual(r.countries, ["AT"]);
      assert.ok(r.helix.includes("research"));
    }
    // Clusters and regions are matched too.
    const clusters = matchPartners(ds, [cluster(doc.clusters[0].id)], { k: 3 });
    assert.equal(clusters.length, 3);
    assert.ok(clusters[0].score >= clusters[1].score);
  });
});

describe("proximity", () => {
  const ds = sampleDataset();
  const doc = ds.toObject();

  test("regions: symmetric, explained, within [0, 1]", () => {
    const p = proximity(ds, region("SI04"), region("HR05"));
    const q = proximity(ds, region("HR05"), region("SI04"));
    assert.ok(allPlain(p));
    assert.ok(Math.abs(p.synergy - q.synergy) < 1e-12);
    assert.ok(p.synergy >= 0 && p.synergy <= 1);
    const km = p.details.distance_km; // Ljubljana - Zagreb
    assert.ok(km > 100 && km < 130, `${km} km`);
    // Only geography counts: the score is the geographical component.
    const weights = { cognitive: 0, organisational: 0, social: 0, institutional: 0, geographical: 1, complementarity: 0 };
    const geo = proximity(ds, region("SI04"), region("HR05"), { weights });
    assert.equal(geo.synergy, geo.components.geographical);
    assert.ok(Math.abs(geo.components.geographical - Math.exp(-km / 300)) < 1e-12);
  });

  test("cosine of two portfolios is Jaffe's proximity", () => {
    const small = Dataset.fromObject({
      name: "portfolios",
      actors: [
        { id: "A", name: "A", country: "SI", activities: ["C10", "C11", "C20"] },
        { id: "B", name: "B", country: "AT", activities: ["C11", "C20"] },
      ],
    });
    const p = proximity(small, actor("A"), actor("B"), { cognitive: "cosine", cognitive_optimum: null });
    const expected = 1 / 3 / (Math.sqrt(1 / 3) * Math.sqrt(1 / 2));
    assert.ok(Math.abs(p.details.cognitive_similarity - expected) < 1e-12);
    assert.deepEqual(p.details.shared_activities, ["C11", "C20"]);
  });

  test("matrix, context and functions agree", () => {
    const subjects = doc.clusters.slice(0, 4).map((c) => cluster(c.id));
    const m = proximityMatrix(ds, subjects);
    assert.equal(m.pairs.length, 6);
    assert.deepEqual(m.synergy.rows, subjects.map((s) => s.id));
    const ctx = new SynergyContext(ds);
    assert.equal(ctx.options().social_half_saturation, 1);
    let k = 0;
    for (let i = 0; i < 4; i++) {
      assert.equal(m.synergy.values[i][i], proximity(ds, subjects[i], subjects[i]).synergy);
      for (let j = i + 1; j < 4; j++) {
        const p = proximity(ds, subjects[i], subjects[j]);
        assert.deepEqual(m.pairs[k++], p);
        assert.deepEqual(ctx.proximity(subjects[i], subjects[j]), p);
        assert.equal(m.synergy.values[i][j], p.synergy);
      }
    }
    const pairs = [
      [subjects[0], subjects[1]],
      [region("SI04"), actor(doc.actors[0].id)],
    ];
    assert.deepEqual(ctx.proximities(pairs), pairs.map(([a, b]) => proximity(ds, a, b)));
    const who = [actor(doc.actors[5].id)];
    assert.deepEqual(ctx.matchPartners(who, { k: 4 }), matchPartners(ds, who, { k: 4 }));
    const net = ctx.network();
    assert.deepEqual(net.ids, networkProjection(ds).network.ids);
    // Options change the context.
    const decayed = new SynergyContext(ds, { distance_decay_km: 50 });
    assert.ok(decayed.proximity(region("SI04"), region("HR05")).components.geographical < proximity(ds, region("SI04"), region("HR05")).components.geographical);
  });
});

describe("joint priorities, initiatives, impact and the summary", () => {
  const ds = sampleDataset();
  const rust = report(ds).synergy;
  // The report's specialisation: RCA of the latest year of the employment observations.
  const specialisation = rca(observationMatrix(ds));

  test("the summary equals the Rust report's synergy section", () => {
    const s = synergySummary(ds, specialisation);
    assert.ok(allPlain(s));
    assert.deepEqual(s, rust);
    assert.equal(s.sample_actors.length, 5);
    // Without the specialisation the joint priorities are scored on the strategies alone.
    const plain = synergySummary(ds);
    assert.ok(plain.joint_priorities.priorities.every((p) => p.specialisation_share === null));
  });

  test("joint priorities and the initiative as the report", () => {
    const jp = jointPriorities(ds, specialisation);
    assert.deepEqual(jp.priorities.slice(0, 10), rust.joint_priorities.priorities);
    for (let i = 1; i < jp.priorities.length; i++) assert.ok(jp.priorities[i - 1].score >= jp.priorities[i].score);
    for (const p of jp.priorities) {
      const want = 0.5 * p.priority_share + 0.5 * p.specialisation_share;
      assert.ok(Math.abs(p.score - want) < 1e-12, p.activity);
      assert.ok(Math.abs(p.priority_share - p.prioritised_by.length / jp.regions.length) < 1e-12);
    }
    const two = jointPriorities(ds, null, { regions: jp.regions.slice(0, 2), min_regions: 2 });
    assert.deepEqual(two.regions, jp.regions.slice(0, 2));

    const ini = designInitiative(ds, specialisation, { budget: 6 });
    assert.deepEqual(ini, rust.initiative);
    for (let i = 1; i < ini.members.length; i++) assert.ok(ini.members[i - 1].objective <= ini.members[i].objective);
    assert.ok(ini.value.objective <= ini.upper_bound + 1e-12);
    assert.ok(Math.abs(ini.guarantee - (1 - 1 / Math.E)) < 1e-15);
    // Evaluating the chosen members again gives the same objective; prefixes are monotone.
    const members = ini.members.map((m) => m.subject);
    const values = evaluateInitiatives(ds, specialisation, [members.slice(0, 1), members.slice(0, 3), members], { budget: 6 });
    assert.ok(Math.abs(values[2].objective - ini.value.objective) < 1e-12);
    assert.ok(Math.abs(values[0].objective - ini.members[0].objective) < 1e-12);
    assert.ok(values[0].objective <= values[1].objective && values[1].objective <= values[2].objective);
    const capped = designInitiative(ds, undefined, { budget: 4, max_per_country: 1 });
    assert.equal(capped.guarantee, 0.5);
    const countries = capped.members.flatMap((m) => m.countries);
    assert.equal(new Set(countries).size, countries.length, "one member per country");
  });

  test("synergy impact as the report, seeded", () => {
    const { before, after } = rust.impact;
    const impact = synergyImpact(ds, { before, after, bootstrap: { replicates: 200 } });
    assert.deepEqual(impact, rust.impact);
    assert.deepEqual(
      impact.measures.map((m) => m.measure),
      ["t_uig", "t_ui", "t_ug", "t_ig", "average_clustering", "cross_border_share"],
    );
    for (const m of impact.measures) assert.equal(m.change.estimate, m.after.estimate - m.before.estimate);
    const small = { before, after, bootstrap: { replicates: 30, seed: 3 } };
    assert.deepEqual(synergyImpact(ds, small), synergyImpact(ds, small));
  });

  test("held-out evaluation of the recommendations", () => {
    const people = ["a", "b", "c", "d"].map((x) => ({ id: x, name: x, country: "SI" }));
    const project = (id, who) => ({ id, title: id, partners: who.map((a) => ({ actor: a, role: "partner" })) });
    const first = Dataset.fromObject({ name: "before", actors: people, projects: [project("P1", ["a", "b"]), project("P2", ["b", "c"]), project("P3", ["c", "d"])] });
    const second = Dataset.fromObject({ name: "after", actors: people, projects: [project("Q1", ["a", "c"]), project("Q2", ["b", "d"])] });
    const m = matchActors(first, second);
    assert.deepEqual([m.by_id, m.by_name, m.pairs.length], [4, 0, 4]);
    const e = heldoutEvaluation(first, second, m);
    assert.deepEqual([e.population, e.new_ties, e.queries], [4, 2, 4]);
    const cn = e.predictors.find((p) => p.predictor === "common_neighbours");
    assert.equal(cn.auc, 1); // a-c and b-d share a partner, a-d does not
    assert.deepEqual(e.predictors.map((p) => p.predictor), [
      "common_neighbours",
      "jaccard",
      "adamic_adar",
      "resource_allocation",
      "preferential_attachment",
      "proximity_synergy",
      "matchmaking",
      "random",
    ]);
    assert.deepEqual(heldoutEvaluation(first, second, m, { k: [1, 2], seed: 9 }).predictors[0].at_k.map((a) => a.k), [1, 2]);
    // By name and country when the ids differ.
    const renamed = Dataset.fromObject({ name: "x", actors: [{ id: "zz", name: "A.", country: "SI" }] });
    const byName = matchActors(first, renamed);
    assert.deepEqual(byName.pairs, [{ a: "a", b: "zz", rule: "name" }]);
  });
});

describe("errors are typed and name the offending item", () => {
  const ds = sampleDataset();
  const cube = [
    [
      [1, 0],
      [0, 1],
    ],
    [
      [0, 1],
      [1, 0],
    ],
  ];
  const isOurs = (e) => e instanceof Error && errorKinds().includes(e.name);

  test("wrong shapes", () => {
    const e = thrown(() => tripleHelixValues(new Float64Array(7), [2, 2, 2]));
    assert.ok(isOurs(e));
    assert.equal(e.name, "ShapeMismatchError");
    assert.match(e.message, /8 values/);
    assert.equal(e.found, "7 values");
    const ragged = thrown(() => tripleHelixValues([[[1, 2], [3]], [[4, 5], [6, 7]]]));
    assert.equal(ragged.name, "ShapeMismatchError");
    assert.equal(ragged.what, "counts[0][1]");
    const disagree = thrown(() => tripleHelixValues(cube, [2, 2, 3]));
    assert.equal(disagree.name, "ShapeMismatchError");
    const noShape = thrown(() => tripleHelixValues(new Float64Array(8)));
    assert.ok(noShape instanceof TypeError);
    assert.match(noShape.message, /shape/);
    const axis = (name, k) => ({ name, labels: Array.from({ length: k }, (_, x) => `${name}${x}`) });
    const table = { u: axis("u", 2), i: axis("i", 2), g: axis("g", 3), counts: cube };
    const bad = thrown(() => tripleHelix(table));
    assert.equal(bad.name, "ShapeMismatchError");
    assert.match(bad.what, /counts\[0\]\[0\]/);
    assert.equal(thrown(() => tripleHelix({ ...table, counts: new Float64Array(8) })).name, "ShapeMismatchError");
    const dup = thrown(() => tripleHelix({ ...table, g: { name: "g", labels: ["x", "x", "y"] }, counts: new Float64Array(12) }));
    assert.equal(dup.name, "DuplicateLabelError");
    assert.equal(dup.id, "x");
    assert.ok(thrown(() => tripleHelix("table")) instanceof TypeError);
  });

  test("NaN, negative and empty counts", () => {
    const nan = thrown(() => tripleHelixValues(new Float64Array([1, 0, 0, NaN, 0, 1, 1, 0]), [2, 2, 2]));
    assert.equal(nan.name, "NonFiniteError");
    assert.equal(nan.at, "cell (0, 1, 1)");
    const neg = thrown(() => tripleHelixValues([[[1, -1]]]));
    assert.equal(neg.name, "InvalidParameterError");
    assert.match(neg.message, /cell \(0, 0, 1\) is negative/);
    assert.equal(thrown(() => tripleHelixValues([[[0, 0]]])).name, "EmptyInputError");
    const nanRca = { rows: ["SI04"], cols: ["C10"], values: new Float64Array([NaN]) };
    assert.equal(thrown(() => jointPriorities(ds, nanRca)).name, "NonFiniteError");
  });

  test("unknown ids", () => {
    const e = thrown(() => proximity(ds, region("SI04"), actor("NOPE")));
    assert.ok(isOurs(e));
    assert.equal(e.name, "UnknownLabelError");
    assert.equal(e.id, "NOPE");
    assert.match(e.message, /NOPE/);
    assert.equal(thrown(() => matchPartners(ds, [cluster("CL-NOPE")])).id, "CL-NOPE");
    assert.equal(thrown(() => new SynergyContext(ds).proximity(actor("X1"), actor("X2"))).name, "UnknownLabelError");
    const groups = thrown(() => decompose(tripleHelixTable(ds), { SI04: "SI" }));
    assert.equal(groups.name, "UnknownLabelError");
    assert.equal(thrown(() => jointPriorities(ds, null, { regions: ["XX99"] })).id, "XX99");
    assert.equal(thrown(() => designInitiative(ds, null, { programme: "NOPE" })).name, "UnknownLabelError");
    const outsider = thrown(() => evaluateInitiatives(ds, null, [[cluster("CL-NOPE")]]));
    assert.equal(outsider.name, "UnknownLabelError");
  });

  test("bad options", () => {
    const typo = thrown(() => matchPartners(ds, [actor("ORG-0001")], { kk: 3 }));
    assert.equal(typo.name, "JsonError");
    assert.match(typo.message, /unknown field `kk`/);
    const choice = thrown(() => matchPartners(ds, [actor("ORG-0001")], { link_method: "cosine" }));
    assert.equal(choice.name, "JsonError");
    assert.match(choice.message, /adamic_adar/, "the allowed values are listed");
    const k = thrown(() => matchPartners(ds, [actor("ORG-0001")], { k: 0 }));
    assert.equal(k.name, "InvalidParameterError");
    assert.equal(k.parameter, "k");
    const weight = thrown(() => proximity(ds, region("SI04"), region("HR05"), { weights: { social: -1 } }));
    assert.equal(weight.parameter, "weights.social");
    assert.equal(thrown(() => new SynergyContext(ds, { cognitive_optimum: 2 })).parameter, "cognitive_optimum");
    assert.equal(thrown(() => tripleHelixTable(ds, { geography: "planet" })).name, "JsonError");
    const window = thrown(() => tripleHelixTable(ds, { window: { start_year: 2020, end_year: 2010 } }));
    assert.equal(window.parameter, "window");
    assert.equal(thrown(() => tripleHelixDecomposition(ds, { groups: "region" })).parameter, "groups");
    assert.equal(thrown(() => tripleHelixBootstrap(tripleHelixTable(ds), { replicates: 1 })).parameter, "replicates");
    assert.equal(thrown(() => designInitiative(ds, null, { budget: 0 })).parameter, "budget");
    assert.equal(thrown(() => synergyImpact(ds, {})).name, "JsonError");
    const periods = { before: { start_year: 2014, end_year: 2007 }, after: { start_year: 2014, end_year: 2020 } };
    assert.equal(thrown(() => synergyImpact(ds, periods)).parameter, "before");
    assert.equal(thrown(() => heldoutEvaluation(ds, ds, matchActors(ds, ds), { k: [] })).parameter, "k");
    assert.equal(thrown(() => proximity(ds, { kind: "planet", id: "x" }, region("SI04"))).name, "JsonError");
    assert.equal(thrown(() => matchPartners(ds, [{ kind: "programme", id: "SEE-2007-2013" }])).parameter, "subject");
  });
});
