// Typed usage of the specialisation functions, checked with `tsc --noEmit` (tsconfig.json).
// Type-checked only, never run.

import {
  analyse,
  exampleNaceMapping,
  rca,
  starClusters,
  type AnalysisOutput,
  type ClusterMapping,
  type MatrixInput,
  type MatrixOutput,
  type RcaParams,
  type StarRating,
} from "clusterpolicy";

const m: MatrixInput = { rows: ["R1", "R2"], cols: ["A", "B"], values: new Float64Array([1, 2, 3, 4]) };
const params: RcaParams = { zero_rows: "drop", digits: 2 };
const lq: MatrixOutput = rca(m, params);
const first: number | undefined = lq.values[0];
const a: AnalysisOutput = analyse(m, { convention: "econ_geo" });
const krugman: Float64Array = a.regions.krugman;
const mapping: ClusterMapping = exampleNaceMapping();
const stars: StarRating[] = starClusters(m, mapping, { size_top_share: 0.2 });
const n: number = stars.filter((s) => s.stars === 3).length;

// @ts-expect-error: not a policy
const bad: RcaParams = { zero_rows: "sometimes" };
// @ts-expect-error: a matrix needs its labels
rca({ values: new Float64Array(4) });

export { bad, first, krugman, n };
