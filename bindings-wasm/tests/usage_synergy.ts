// Typed usage of the synergy bindings: `tsc --noEmit` checks that the generated types fit
// (each `@ts-expect-error` must see an error). Type-checked only, never run.
import {
  SynergyContext,
  decompose,
  designInitiative,
  evaluateInitiatives,
  heldoutEvaluation,
  jointPriorities,
  matchActors,
  matchPartners,
  proximity,
  proximityMatrix,
  sampleDataset,
  synergyImpact,
  synergySummary,
  tripleHelix,
  tripleHelixBootstrap,
  tripleHelixDecomposition,
  tripleHelixTable,
  tripleHelixValues,
  type Decomposition,
  type HeldOutEvaluation,
  type Initiative,
  type InitiativeValue,
  type MatchParams,
  type PartnerCandidate,
  type Proximity,
  type SubjectRef,
  type SynergySummary,
  type ThreeWayTable,
  type TripleHelix,
} from "clusterpolicy";

const ds = sampleDataset();
const xor: TripleHelix = tripleHelixValues(new Float64Array([1, 0, 0, 1, 0, 1, 1, 0]), [2, 2, 2]);
const tUig: number = tripleHelixValues([[[1, 0], [0, 1]], [[0, 1], [1, 0]]]).t_uig;
// @ts-expect-error a shape has three dimensions
tripleHelixValues(new Float64Array(4), [2, 2]);

const table: ThreeWayTable = tripleHelixTable(ds, { geography: { level: 2 }, counting: "whole", unit: "participations" });
// @ts-expect-error counting is "fractional" or "whole"
tripleHelixTable(ds, { counting: "half" });
const labels: string[] = table.g.labels;
const th: TripleHelix = tripleHelix({ ...table, counts: new Float64Array(table.counts.flat(2)) });
const lower: number = tripleHelixBootstrap(table, { replicates: 100, method: "percentile" }).t_uig.lower;
const d: Decomposition = decompose(table, { SI04: "SI" }, { replicates: 50 });
const within: number = tripleHelixDecomposition(ds, { groups: "country", bootstrap: { seed: 1 } }).within;

const a: SubjectRef = { kind: "region", id: "SI04" };
const p: Proximity = proximity(ds, a, { kind: "region", id: "HR05" }, { weights: { geographical: 2 }, cognitive: "cosine" });
const social: number | null | undefined = p.components.social;
const km: number | null | undefined = proximityMatrix(ds, [a, { kind: "cluster", id: "CL-001" }]).pairs[0]?.details.distance_km;
const options: MatchParams = { k: 3, helix: ["research"], link_method: "resource_allocation" };
const recs: PartnerCandidate[] = matchPartners(ds, [{ kind: "actor", id: "ORG-0001" }], options);
const why: string | undefined = recs[0]?.explanation;
// @ts-expect-error a subject needs its kind
matchPartners(ds, [{ id: "ORG-0001" }]);

const ctx = new SynergyContext(ds, { distance_decay_km: 100 });
const viaCtx: Proximity[] = ctx.proximities([[a, { kind: "actor", id: "ORG-0001" }]]);
const nodes: number = ctx.network().nodeCount;
const fromCtx: PartnerCandidate[] = ctx.matchPartners([a], { k: 2 });
const decay: number | undefined = ctx.options().distance_decay_km;

const priorities: string[] = jointPriorities(ds, null, { min_regions: 3 }).priorities.map((x) => x.activity);
const ini: Initiative = designInitiative(ds, { rows: ["SI04"], cols: ["C10"], values: [1.2] }, { budget: 4, max_per_country: 1 });
const values: InitiativeValue[] = evaluateInitiatives(ds, undefined, [ini.members.map((m) => m.subject)]);
const change: number | undefined = synergyImpact(ds, {
  before: { start_year: 2007, end_year: 2013 },
  after: { start_year: 2014, end_year: 2020 },
  bootstrap: { replicates: 100 },
}).measures[0]?.change.estimate;
// @ts-expect-error the periods are required
synergyImpact(ds, { bootstrap: { replicates: 100 } });
const e: HeldOutEvaluation = heldoutEvaluation(ds, ds, matchActors(ds, ds), { k: [10], transnational: true });
const summary: SynergySummary = synergySummary(ds);
const sample: string[] = summary.sample_actors;

export { xor, tUig, labels, th, lower, d, within, social, km, why, viaCtx, nodes, fromCtx, decay, priorities, values, change, e, sample };
