// Typed usage of the package, checked with `tsc --noEmit` (tsconfig.json): the generated types
// must accept correct code and reject wrong code (each `@ts-expect-error` must see an error).
// It is type-checked only, never run.

import {
  Dataset,
  errorKinds,
  report,
  reportHtml,
  type Actor,
  type ClusterPolicyError,
  type DatasetDocument,
  type ErrorKind,
  type HelixKind,
  type JsonError,
  type Problem,
  type ProblemKind,
  type Report,
  type ValidationError,
  type ValidationReport,
} from "clusterpolicy";
import initWeb, { Dataset as WebDataset } from "clusterpolicy/web";

// Plain objects in: a DatasetDocument is checked field by field.
const actor: Actor = { id: "A1", name: "Example d.o.o.", country: "SI", region: "SI04", helix: "business" };
const doc: DatasetDocument = {
  name: "tiny",
  regions: [{ id: "SI04", name: "Zahodna Slovenija", country: "SI", level: 2 }],
  actors: [actor],
  attributes: { anything: [1, "two", { three: null }] },
};
const ds: Dataset = Dataset.fromObject(doc);
const fromText: Dataset = Dataset.fromJson(JSON.stringify(doc));

// Plain objects out.
const back: DatasetDocument = ds.toObject();
const helix: HelixKind | null | undefined = back.actors?.[0]?.helix;
const text: string = fromText.toJson(true);
const name: string = ds.name;
const synthetic: boolean = ds.synthetic;
const description: string | undefined = ds.description;
const schema: Record<string, unknown> = Dataset.jsonSchema();

// Validation results are typed down to the kind of each problem.
const validation: ValidationReport = ds.validate();
const problems: Problem[] = validation.problems;
const kinds: ProblemKind[] = problems.map((p) => p.kind);
const dangling = problems.filter((p) => p.kind === "unknown_reference" && p.severity === "error");
const valid: boolean = ds.isValid();

// The report.
const r: Report = report(ds);
const regions: number = r.summary.counts.regions;
const uncovered: string[] = r.summary.coverage.flatMap((c) => c.uncovered_regions);
const html: string = reportHtml(ds);

// Errors: narrow by `name`.
function isClusterPolicyError(e: unknown): e is ClusterPolicyError {
  return e instanceof Error && (errorKinds() as string[]).includes(e.name);
}
try {
  ds.validated();
} catch (e) {
  if (isClusterPolicyError(e)) {
    const kind: ErrorKind = e.name;
    switch (e.name) {
      case "JsonError": {
        const j: JsonError = e;
        console.log(j.line, j.column, j.path ?? "");
        break;
      }
      case "ValidationError": {
        const v: ValidationError = e;
        console.log(kind, v.problems.map((p) => p.path));
        break;
      }
      default:
        console.log(e.message);
    }
  }
}

// The web build needs its initialisation first.
await initWeb({ module_or_path: new URL("../pkg/web/clusterpolicy_bg.wasm", import.meta.url) });
const webDs: WebDataset = WebDataset.fromJson(text);

// Wrong code is rejected.
// @ts-expect-error: the name is a string
const badName: DatasetDocument = { name: 3 };
// @ts-expect-error: unknown fields are rejected, as at run time
const misspelt: DatasetDocument = { name: "x", regoins: [] };
// @ts-expect-error: not a kind of problem
const badKind: ProblemKind = "dangling";
// @ts-expect-error: fromJson takes text
Dataset.fromJson(doc);
// @ts-expect-error: the class has no public constructor
new Dataset();
// @ts-expect-error: a report is not a dataset document
const notDoc: DatasetDocument = r;
// @ts-expect-error: problems are objects, not strings
const notStrings: string[] = validation.problems;

export {
  back,
  badKind,
  badName,
  dangling,
  description,
  helix,
  html,
  kinds,
  misspelt,
  name,
  notDoc,
  notStrings,
  regions,
  schema,
  synthetic,
  uncovered,
  valid,
  webDs,
};
