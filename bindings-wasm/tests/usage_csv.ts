// Typed usage of the CSV loaders, checked with `tsc --noEmit` (tsconfig.json).
// Type-checked only, never run.

import {
  longTableDataset,
  longTableMatrix,
  longTablePanel,
  partnershipSpec,
  partnershipsDataset,
  readLongCsv,
  readPartnerships,
  type CsvInput,
  type Dataset,
  type LongCsvOptions,
  type LongTable,
  type MatrixOutput,
  type PanelOutput,
  type PartnershipSpec,
  type Partnerships,
} from "clusterpolicy";

const input: CsvInput = { name: "employment.csv", data: "region,activity,year,value\nSI04,C29,2020,1\n" };
const options: Partial<LongCsvOptions> = { year: "year", decimal: "comma", missing: "skip" };
const table: LongTable = readLongCsv(input, options);
const rowsRead: number = table.summary.rows_read;
const m: MatrixOutput = longTableMatrix(table, 2020);
const p: PanelOutput = longTablePanel(table);
const years: number[] = p.years;
const ds: Dataset = longTableDataset(table, { country: "SI", classification: "nace_rev2" });
const spec: PartnershipSpec = partnershipSpec("cordis_flat");
const flat: Partnerships = readPartnerships(spec, new Uint8Array(), undefined, undefined);
const tiny: Partnerships = readPartnerships("default", "project,organisation\nP1,O1\n");
const leads: number = tiny.summary.projects_without_lead;
const fromList: Dataset = partnershipsDataset(flat, "flat");

// @ts-expect-error: not a missing-value policy
const bad: Partial<LongCsvOptions> = { missing: "sometimes" };
// @ts-expect-error: not a preset
partnershipSpec("cordis_2030");
// @ts-expect-error: CSV text, not a number
readLongCsv(42);

export { bad, ds, fromList, leads, m, rowsRead, years };
