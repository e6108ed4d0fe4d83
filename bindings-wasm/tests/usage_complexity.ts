// Typed usage of the complexity bindings: `tsc --noEmit` checks that the generated types fit.
import {
  backtest,
  economicComplexity,
  priorityMaps,
  relatedness,
  relatednessDensity,
  type Backtest,
  type Complexity,
  type PriorityMap,
  type RelatednessParams,
} from "clusterpolicy";

const m = { rows: ["R1", "R2"], cols: ["A", "B"], values: new Float64Array([1, 0, 1, 1]) };
const opts: RelatednessParams = { method: "jaccard", diagonal: "zero" };
const phi = relatedness(m, opts);
const density: Float64Array = relatednessDensity(m, phi, { scale: "percent", digits: 2 }).values;
const c: Complexity = economicComplexity(m, { method: "fitness", tolerance: 1e-12 });
const eci: number | undefined = c.regions[0]?.eci;
const maps: PriorityMap[] = priorityMaps(m, ["R1"], { top: 3, rule: "mean" });
const quadrant: string | null | undefined = maps[0]?.points[0]?.quadrant;
const bt: Backtest = backtest({ years: [2020, 2021], rows: ["R1", "R2"], cols: ["A", "B"], values: [1, 0, 1, 1, 1, 1, 0, 1] }, { top_k: 1 });
const auc: number | null | undefined = bt.pooled[0]?.auc;
export { density, eci, quadrant, auc };
