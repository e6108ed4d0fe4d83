// sampleDataset(), mirroring clusterpolicy::sample::south_east_europe.

import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { Dataset, report, sampleDataset } from "clusterpolicy";

describe("sampleDataset", () => {
  const ds = sampleDataset();

  test("is the synthetic South East Europe dataset, valid", () => {
    assert.ok(ds instanceof Dataset);
    assert.equal(ds.name, "South-East Europe cluster platform (synthetic)");
    assert.equal(ds.synthetic, true);
    assert.deepEqual(ds.validate(), { problems: [] });
    const counts = report(ds).summary.counts;
    assert.equal(counts.countries, 16);
    assert.ok(counts.regions > 0 && counts.actors > 0 && counts.projects > 0 && counts.observations > 0);
  });

  test("is the same on every call", () => {
    assert.equal(sampleDataset().toJson(), ds.toJson());
  });

  test("round-trips through JSON text and through a plain object", () => {
    const text = ds.toJson();
    assert.equal(Dataset.fromJson(text).toJson(), text);
    assert.equal(Dataset.fromJson(ds.toJson(true)).toJson(), text);
    assert.deepEqual(Dataset.fromObject(ds.toObject()).toObject(), ds.toObject());
    assert.deepEqual(ds.toObject(), JSON.parse(text));
  });
});
