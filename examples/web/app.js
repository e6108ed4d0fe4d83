// The example knowledge-platform page: loads a dataset (the embedded one, a JSON document or a
// CSV table) and shows the full report, the cooperation network, a region's star clusters,
// priority map and partner recommendations (synergy matchmaking and network link prediction),
// and the ranking of a strategy's measures under
// weights the reader sets. Every number is computed in the browser by the clusterpolicy
// WebAssembly module (the npm package's `--target web` build, served as ./pkg/); this file
// only wires controls to package functions and hands results to the renderers in views.js.

import init, {
  Dataset,
  evidenceFeedback,
  exampleNaceMapping,
  longTableDataset,
  matchPartners,
  networkProjection,
  observationMatrix,
  partnershipsDataset,
  priorityMaps,
  readLongCsv,
  readPartnerships,
  report,
  reportHtml,
  sampleDataset,
  starClusters,
} from "./pkg/clusterpolicy.js";
import { circleLayout, colours, fill, fmt, forceLayout, h, networkSvg, scatter, stat, table } from "./views.js";

const $ = (id) => document.getElementById(id);

/** Everything derived from the loaded dataset; rebuilt by `loadDataset`. */
const state = {
  ds: null,
  doc: null,
  label: "",
  names: { region: new Map(), activity: new Map(), actor: new Map(), country: new Map() },
  regionCountry: new Map(),
  projection: null,
  levels: new Map(),
  matrix: null,
  stars: null,
  mapping: null,
  timings: {},
  version: 0,
};

/** Read by the browser test: timings in ms and the number of datasets rendered so far. */
window.platform = state;

const QUADRANTS = {
  low_risk_high_gain: ["low risk, high gain", "#2e7d32"],
  high_risk_high_gain: ["high risk, high gain", "#f28e2b"],
  low_risk_low_gain: ["low risk, low gain", "#4e79a7"],
  high_risk_low_gain: ["high risk, low gain", "#bab0ac"],
};
const PRESENT = ["present in the region", "#17324d"];

function timed(label, f) {
  const t0 = performance.now();
  try {
    return f();
  } finally {
    state.timings[label] = performance.now() - t0;
  }
}

const describe = (e) => {
  if (!(e instanceof Error)) return String(e);
  const where = e.name === "JsonError" && e.line ? ` (line ${e.line}, column ${e.column})` : "";
  return `${e.name}: ${e.message}${where}`;
};

/** Runs `f`; an error shows in the section's error box (`#<section>-error`) instead of breaking the page. */
function guard(section, f) {
  const box = $(`${section}-error`);
  try {
    const r = f();
    box.hidden = true;
    box.textContent = "";
    return r;
  } catch (e) {
    console.warn(section, e);
    box.hidden = false;
    box.textContent = describe(e);
    return undefined;
  }
}

function setStatus(text, kind = "ready") {
  $("status").textContent = text;
  document.body.dataset.state = kind;
}

// ---------------------------------------------------------------------------------------------
// Loading

function loadDataset(ds, label) {
  const t0 = performance.now();
  for (const net of state.levels.values()) if (net.network !== state.projection) net.network.free();
  state.levels.clear();
  state.projection?.free();
  state.projection = null;
  state.ds?.free();
  state.ds = ds;
  state.label = label;
  // The JSON form leaves empty collections out.
  const COLLECTIONS = ["countries", "regions", "activities", "actors", "clusters", "programmes", "projects", "indicators", "strategies", "observations", "evidence", "scenarios"];
  state.doc = ds.toObject();
  for (const key of COLLECTIONS) state.doc[key] ??= [];
  const doc = state.doc;
  state.names.region = new Map(doc.regions.map((r) => [r.id, r.name]));
  state.names.activity = new Map(doc.activities.map((a) => [a.id, a.name]));
  state.names.actor = new Map(doc.actors.map((a) => [a.id, a.name]));
  state.names.country = new Map(doc.countries.map((c) => [c.code, c.name]));
  state.regionCountry = new Map(doc.regions.map((r) => [r.id, r.country]));

  renderSummary();
  renderReport();
  state.projection = guard("network", () => networkProjection(ds).network) ?? null;
  state.matrix = guard("priority", () => observationMatrix(ds)) ?? null;
  state.mapping ??= exampleNaceMapping();
  state.stars = state.matrix ? guard("stars", () => starClusters(state.matrix, state.mapping)) ?? null : null;
  fillRegions();
  renderNetwork();
  renderRegion();
  fillStrategies();
  renderStrategy();

  state.timings.analyses = performance.now() - t0;
  state.version += 1;
  document.body.dataset.version = String(state.version);
  renderTimings();
  setStatus(`${label}: ${fmt(doc.regions.length, 0)} regions, ${fmt(doc.actors.length, 0)} organisations, ${fmt(doc.projects.length, 0)} projects`);
}

function loadSample() {
  const ds = timed("sample", () => sampleDataset());
  loadDataset(ds, "Embedded dataset");
}

async function loadJson(file) {
  const text = await file.text();
  const ds = Dataset.fromJson(text);
  delete state.timings.sample;
  loadDataset(ds, file.name);
}

async function loadCsv(file) {
  const kind = $("csv-kind").value;
  const input = { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
  let ds;
  if (kind === "long") {
    const col = (id) => $(id).value.trim() || undefined;
    const yearField = col("csv-year");
    const table = readLongCsv(input, {
      region: col("csv-region"),
      activity: col("csv-activity"),
      value: col("csv-value"),
      // A number is the year of every row; a name is the year column.
      year: yearField && !/^\d{4}$/.test(yearField) ? yearField : undefined,
    });
    const indicator = col("csv-indicator") ?? "value";
    ds = longTableDataset(table, {
      name: file.name,
      country: col("csv-country"),
      year: yearField && /^\d{4}$/.test(yearField) ? Number(yearField) : undefined,
      indicator: { id: indicator, name: indicator, unit: "", direction: "increase" },
    });
  } else {
    ds = partnershipsDataset(readPartnerships(kind, input), file.name);
  }
  delete state.timings.sample;
  loadDataset(ds, file.name);
}

// ---------------------------------------------------------------------------------------------
// Dataset summary and report

function renderSummary() {
  const doc = state.doc;
  const problems = state.ds.validate().problems;
  const list = problems.slice(0, 8).map((p) => h("li", {}, h("code", {}, p.path), ` ${p.kind}: ${p.message}`));
  fill(
    "dataset-summary",
    h("h3", {}, doc.name, doc.synthetic ? h("span", { class: "hint" }, " (synthetic)") : null),
    h(
      "div",
      { class: "stats" },
      stat("countries", doc.countries.length),
      stat("regions", doc.regions.length),
      stat("activities", doc.activities.length),
      stat("organisations", doc.actors.length, 0, "dataset-actors"),
      stat("projects", doc.projects.length),
      stat("observations", doc.observations.length, 0, "dataset-observations"),
      stat("validation problems", problems.length, 0, "dataset-problems"),
    ),
    problems.length ? h("ul", { class: "problems" }, list, problems.length > 8 ? h("li", {}, `… ${problems.length - 8} more`) : null) : null,
  );
}

function renderReport() {
  const r = guard("report", () => timed("report", () => report(state.ds)));
  if (!r) return fill("report-figures");
  const c = r.summary.counts;
  fill(
    "report-figures",
    stat("computed in (ms)", state.timings.report, 1, "report-ms"),
    stat("regions", c.regions, 0, "report-regions"),
    stat("organisations", c.actors, 0, "report-actors"),
    stat("projects", c.projects, 0, "report-projects"),
    stat("participations", c.participations, 0, "report-participations"),
    stat("observations", c.observations, 0, "report-observations"),
    stat("measures", c.measures, 0, "report-measures"),
    stat("validation problems", r.validation.problems.length, 0, "report-problems"),
    r.specialisation ? stat("regions profiled", r.specialisation.regions.length, 0, "report-specialised") : null,
    r.network ? stat("network cross-border share", r.network.cross_border_share, 3, "report-cross-border") : null,
    r.strategy ? stat("strategy scoreboards", r.strategy.scoreboards.length, 0, "report-scoreboards") : null,
  );
  const download = (name, type, make) =>
    h("button", {
      type: "button",
      onclick: () => {
        const url = URL.createObjectURL(new Blob([make()], { type }));
        const a = h("a", { href: url, download: name });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
    }, `Download ${name}`);
  fill(
    "report-actions",
    download("report.html", "text/html", () => reportHtml(state.ds)),
    " ",
    download("report.json", "application/json", () => JSON.stringify(report(state.ds), null, 2)),
    " ",
    download("dataset.json", "application/json", () => state.ds.toJson(true)),
  );
}

function renderTimings() {
  const t = state.timings;
  const parts = [
    ["WebAssembly ready", t.init],
    ["embedded dataset generated", t.sample],
    ["full report", t.report],
    ["all analyses of the page", t.analyses],
  ].filter(([, v]) => v !== undefined);
  const el = fill("timings", parts.map(([k, v]) => `${k} in ${fmt(v, 1)} ms`).join(" · "));
  for (const [k, v] of Object.entries(t)) el.dataset[k] = String(v);
}

// ---------------------------------------------------------------------------------------------
// Cooperation network

/** The network at a level (organisations, or aggregated to regions / countries), with its measures. */
function networkAt(level) {
  if (state.levels.has(level)) return state.levels.get(level);
  const network = level === "actor" ? state.projection : state.projection.aggregate(level);
  const nodeLink = network.nodeLink();
  const strength = network.strength();
  const betweenness = network.betweenness({});
  const communities = network.louvain({});
  const index = new Map(nodeLink.nodes.map((n, i) => [n.id, i]));
  const edges = nodeLink.edges.map((e) => [index.get(e.source), index.get(e.target), e.weight]);
  const size = { width: 600, height: level === "country" ? 440 : 460 };
  const positions = level === "country" ? circleLayout(nodeLink.nodes.length, size) : forceLayout(nodeLink.nodes.length, edges, size);
  const view = { network, nodeLink, strength, betweenness, communities, positions, size, density: network.density() };
  state.levels.set(level, view);
  return view;
}

function countryOf(node, level) {
  if (level === "country") return node.id;
  return node.country ?? state.regionCountry.get(node.region ?? node.id) ?? "";
}

function renderNetwork() {
  if (!state.projection) {
    fill("network-figures");
    fill("network-chart");
    fill("network-brokers");
    return;
  }
  guard("network", () => {
    const level = $("network-level").value;
    const v = networkAt(level);
    const region = $("region").value;
    const palette = colours(v.nodeLink.nodes.map((n) => countryOf(n, level)));
    const maxS = Math.max(1, ...v.strength);
    const base = level === "actor" ? [2.5, 6] : [4, 12];
    const highlight = (n) =>
      level === "country" ? n.id === state.regionCountry.get(region) : level === "region" ? n.id === region : (n.region ?? "").startsWith(region);
    fill(
      "network-figures",
      stat("nodes", v.network.nodeCount, 0, "network-nodes"),
      stat("ties", v.network.edgeCount, 0, "network-edges"),
      stat("density", v.density, 4, "network-density"),
      stat("communities (Louvain)", v.communities.communities, 0, "network-communities"),
      stat("modularity", v.communities.modularity, 4, "network-modularity"),
    );
    fill(
      "network-chart",
      networkSvg(v.nodeLink, v.positions, {
        colour: (n) => palette.get(countryOf(n, level)),
        radius: (n, i) => base[0] + base[1] * Math.sqrt(v.strength[i] / maxS),
        highlight: region ? highlight : undefined,
        labels: level === "country",
      }, v.size),
    );
    const order = [...v.nodeLink.nodes.keys()].sort((a, b) => v.betweenness[b] - v.betweenness[a] || a - b).slice(0, 5);
    const name = (n) => (level === "actor" ? state.names.actor.get(n.id) : level === "region" ? state.names.region.get(n.id) : state.names.country.get(n.id)) ?? n.id;
    fill(
      "network-brokers",
      table(
        [
          { label: "broker", value: (i) => name(v.nodeLink.nodes[i]), key: "name" },
          { label: "id", value: (i) => v.nodeLink.nodes[i].id, key: "id" },
          { label: "betweenness", value: (i) => v.betweenness[i], digits: 4, key: "betweenness" },
          { label: "tie strength", value: (i) => v.strength[i], digits: 0, key: "strength" },
        ],
        order,
        { caption: "Top brokers (normalised betweenness)", testid: "brokers" },
      ),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// A region: star clusters, priority map, partners

function fillRegions() {
  const doc = state.doc;
  const actorsIn = (r) => doc.actors.filter((a) => a.region && a.region.startsWith(r)).length;
  let ids = state.matrix ? state.matrix.rows : [...new Set(doc.actors.map((a) => a.region).filter(Boolean))].sort();
  if (!ids.length) ids = doc.regions.map((r) => r.id);
  // The default: the region with the most organisations among those with a star cluster
  // (the first one on ties).
  const starred = new Set((state.stars ?? []).filter((s) => s.stars > 0).map((s) => s.region));
  const pool = ids.some((r) => starred.has(r)) ? ids.filter((r) => starred.has(r)) : ids;
  let best = pool[0];
  for (const r of pool) if (actorsIn(r) > actorsIn(best)) best = r;
  const select = $("region");
  select.replaceChildren(...ids.map((r) => h("option", { value: r }, `${r} · ${state.names.region.get(r) ?? r}`)));
  select.value = best ?? "";
}

function renderRegion() {
  const region = $("region").value;
  const doc = state.doc;
  const inRegion = doc.actors.filter((a) => a.region && a.region.startsWith(region));
  const row = state.matrix ? state.matrix.rows.indexOf(region) : -1;
  const employment = row >= 0 ? state.matrix.values.subarray(row * state.matrix.cols.length, (row + 1) * state.matrix.cols.length).reduce((a, b) => a + b, 0) : NaN;
  fill(
    "region-figures",
    stat("organisations", inRegion.length, 0, "region-actors"),
    stat("employment", employment, 0, "region-employment"),
  );
  renderStars(region);
  renderPriority(region);
  fillActors(inRegion);
  renderPartners();
  if (state.projection) renderNetwork();
}

function renderStars(region) {
  if (!state.stars) return fill("stars");
  guard("stars", () => {
    const names = new Map(state.mapping.categories.map((c) => [c.id, c.name]));
    const rows = state.stars
      .filter((s) => s.region === region && s.stars > 0)
      .sort((a, b) => b.stars - a.stars || b.location_quotient - a.location_quotient);
    fill(
      "stars",
      rows.length
        ? table(
            [
              { label: "cluster category", value: (s) => names.get(s.category) ?? s.category, key: "category" },
              { label: "stars", value: (s) => h("span", { class: "stars", dataset: { value: String(s.stars) } }, "★".repeat(s.stars) + "☆".repeat(3 - s.stars)), key: "stars" },
              { label: "employment", value: (s) => s.employment, digits: 0, key: "employment" },
              { label: "LQ", value: (s) => s.location_quotient, digits: 3, key: "lq" },
              { label: "focus", value: (s) => s.focus, digits: 3, key: "focus" },
            ],
            rows,
            { testid: "stars" },
          )
        : h("p", { class: "hint" }, "No star cluster in this region."),
    );
  });
}

function renderPriority(region) {
  if (!state.matrix) {
    fill("priority-chart");
    fill("priority-table");
    return;
  }
  guard("priority", () => {
    const [map] = priorityMaps(state.matrix, [region], { top: 8 });
    const recommended = new Map(map.recommendations.map((r) => [r.activity, r.rank]));
    const points = map.points.map((p) => {
      const [label, colour] = p.present ? PRESENT : QUADRANTS[p.quadrant] ?? ["", "#999"];
      const name = state.names.activity.get(p.activity) ?? p.activity;
      return {
        x: p.density,
        y: p.complexity,
        colour,
        r: recommended.has(p.activity) ? 6.5 : 4.5,
        label: p.activity,
        text: recommended.get(p.activity) <= 5 ? p.activity : undefined,
        title: `${p.activity} ${name}: density ${fmt(p.density)}, complexity ${fmt(p.complexity)} (${label})`,
      };
    });
    fill(
      "priority-chart",
      scatter(points, {
        xLabel: "relatedness density",
        yLabel: "complexity (PCI)",
        lines: [{ x: map.density_threshold }, { y: map.complexity_threshold }],
        legend: [PRESENT, ...Object.values(QUADRANTS)],
      }),
    );
    fill(
      "priority-table",
      table(
        [
          { label: "#", value: (r) => r.rank, digits: 0, key: "rank" },
          { label: "activity", value: (r) => `${r.activity} · ${state.names.activity.get(r.activity) ?? ""}`, key: "activity" },
          { label: "quadrant", value: (r) => QUADRANTS[r.quadrant][0], key: "quadrant" },
          { label: "density", value: (r) => r.density, digits: 3, key: "density" },
          { label: "complexity", value: (r) => r.complexity, digits: 3, key: "complexity" },
          { label: "score", value: (r) => r.score, digits: 1, key: "score" },
        ],
        map.recommendations,
        { caption: `Recommended diversification of ${region} (${map.present} activities present)`, testid: "priority" },
      ),
    );
  });
}

function fillActors(inRegion) {
  const select = $("actor");
  const ids = state.projection ? new Set(state.projection.ids) : new Set();
  const candidates = inRegion.filter((a) => ids.has(a.id));
  const strength = state.projection ? state.projection.strength() : [];
  const position = new Map(state.projection ? state.projection.ids.map((id, i) => [id, i]) : []);
  candidates.sort((a, b) => strength[position.get(b.id)] - strength[position.get(a.id)] || (a.id < b.id ? -1 : 1));
  select.replaceChildren(...candidates.map((a) => h("option", { value: a.id }, `${a.name} (${a.id})`)));
  select.value = candidates[0]?.id ?? "";
}

function renderPartners() {
  const actor = $("actor").value;
  if (!state.projection || !actor) {
    fill("partners-table", h("p", { class: "hint" }, "No organisation of this region takes part in a project."));
    fill("matchmaking-table");
    return;
  }
  renderMatchmaking(actor);
  guard("partners", () => {
    const recs = state.projection.recommend({ actors: [actor], k: 8, cross_border_only: $("cross-border").checked });
    const actors = new Map(state.doc.actors.map((a) => [a.id, a]));
    fill(
      "partners-table",
      recs.length
        ? table(
            [
              { label: "#", value: (r) => r.rank, digits: 0, key: "rank" },
              { label: "candidate partner", value: (r) => actors.get(r.candidate)?.name ?? r.candidate, key: "candidate" },
              { label: "country", value: (r) => r.candidate_group ?? actors.get(r.candidate)?.country ?? "", key: "country" },
              { label: "score (Adamic-Adar)", value: (r) => r.score, digits: 3, key: "score" },
              { label: "shared partners", value: (r) => r.shared_count, digits: 0, key: "shared" },
            ],
            recs,
            { caption: `Partners for ${actors.get(actor)?.name ?? actor}, explained by shared partners`, testid: "partners" },
          )
        : h("p", { class: "hint" }, "No candidate at distance two."),
    );
  });
}

/** Synergy matchmaking (proximity synergy + link prediction), explained, for one organisation. */
function renderMatchmaking(actor) {
  guard("matchmaking", () => {
    const recs = matchPartners(state.ds, [{ kind: "actor", id: actor }], { k: 8, transnational: $("cross-border").checked });
    const name = state.names.actor.get(actor) ?? actor;
    fill(
      "matchmaking-table",
      recs.length
        ? table(
            [
              { label: "#", value: (r) => r.rank, digits: 0, key: "rank" },
              { label: "candidate partner", value: (r) => r.name, key: "candidate" },
              { label: "country", value: (r) => r.countries.join(", "), key: "country" },
              { label: "score", value: (r) => r.score, digits: 3, key: "score" },
              { label: "synergy", value: (r) => r.synergy, digits: 3, key: "synergy" },
              { label: "link (share of best)", value: (r) => r.link_normalised, digits: 3, key: "link" },
              { label: "why", value: (r) => h("span", { class: "why" }, r.explanation), key: "why" },
            ],
            recs,
            { caption: `Partners for ${name} by synergy matchmaking`, testid: "matchmaking" },
          )
        : h("p", { class: "hint" }, "No candidate passes the filters."),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Strategy options

const WEIGHTS = ["w-effect", "w-budget", "w-sd", "w-delivery"];

function fillStrategies() {
  const select = $("strategy-id");
  const strategies = state.doc.strategies.filter((s) => (s.measures ?? []).length > 0);
  select.replaceChildren(...strategies.map((s) => h("option", { value: s.id }, `${s.name} (${s.measures.length} measures)`)));
  select.value = strategies[0]?.id ?? "";
}

function renderStrategy() {
  for (const id of WEIGHTS) $(`${id}-out`).textContent = $(id).value;
  const id = $("strategy-id").value;
  if (!id) {
    fill("strategy-table", h("p", { class: "hint" }, "The dataset has no strategy with measures."));
    return;
  }
  guard("strategy", () => {
    const weights = WEIGHTS.map((w) => Number($(w).value) / 100);
    const fb = timed("strategy", () => evidenceFeedback(state.ds, id, { method: $("strategy-method").value, weights }));
    const rows = [...fb.measures].sort((a, b) => a.rank_after - b.rank_after);
    const change = (m) => {
      const d = m.rank_before - m.rank_after;
      return h("span", { class: d > 0 ? "up" : d < 0 ? "down" : "" }, d > 0 ? `▲ ${d}` : d < 0 ? `▼ ${-d}` : "=");
    };
    fill(
      "strategy-table",
      table(
        [
          { label: "rank", value: (m) => m.rank_after, digits: 0, key: "rank" },
          { label: "measure", value: (m) => m.name, key: "measure" },
          { label: "budget (EUR)", value: (m) => m.budget, digits: 0, key: "budget" },
          { label: "expected effect (jobs)", value: (m) => m.effect.mean, digits: 1, key: "effect" },
          { label: "uncertainty (sd)", value: (m) => m.effect.sd, digits: 1, key: "sd" },
          { label: "delivery", value: (m) => m.delivery, digits: 3, key: "delivery" },
          { label: "score", value: (m) => m.score_after, digits: 4, key: "score" },
          { label: "vs. without evidence", value: change, key: "change" },
        ],
        rows,
        { caption: `${fb.method.toUpperCase().replace("_", " ")} over ${fb.criteria.join(", ")}`, testid: "strategy" },
      ),
    );
  });
  document.body.dataset.strategyVersion = String(Number(document.body.dataset.strategyVersion ?? 0) + 1);
}

// ---------------------------------------------------------------------------------------------
// Wiring

function onError(e) {
  const box = $("data-error");
  box.hidden = false;
  box.textContent = describe(e);
  console.warn(e);
}

function clearError() {
  $("data-error").hidden = true;
}

async function main() {
  try {
    const t0 = performance.now();
    await init();
    state.timings.init = performance.now() - t0;
  } catch (e) {
    setStatus(`The WebAssembly module did not load: ${describe(e)}`, "error");
    throw e;
  }

  $("load-sample").addEventListener("click", () => {
    clearError();
    try {
      loadSample();
    } catch (e) {
      onError(e);
    }
  });
  $("file-json").addEventListener("change", async (ev) => {
    const file = ev.target.files[0];
    if (!file) return;
    clearError();
    await loadJson(file).catch(onError);
    ev.target.value = "";
  });
  $("file-csv").addEventListener("change", async (ev) => {
    const file = ev.target.files[0];
    if (!file) return;
    clearError();
    await loadCsv(file).catch(onError);
    ev.target.value = "";
  });
  $("csv-kind").addEventListener("change", () => {
    $("csv-long-options").hidden = $("csv-kind").value !== "long";
  });
  $("network-level").addEventListener("change", renderNetwork);
  $("region").addEventListener("change", renderRegion);
  $("actor").addEventListener("change", renderPartners);
  $("cross-border").addEventListener("change", renderPartners);
  $("strategy-id").addEventListener("change", renderStrategy);
  $("strategy-method").addEventListener("change", renderStrategy);
  for (const id of WEIGHTS) $(id).addEventListener("input", renderStrategy);

  if (new URLSearchParams(location.search).get("data") !== "none") {
    loadSample();
  } else {
    renderTimings();
    setStatus("Ready: load a dataset.");
  }
}

main();
