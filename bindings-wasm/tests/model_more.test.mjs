// Dataset#toJSON: JSON.stringify(dataset) writes the dataset document, the same data as
// toJson() and toObject() (mirrors clusterpolicy::Dataset's serde form).

import assert from "node:assert/strict";
import { test } from "node:test";

import { Dataset, sampleDataset } from "clusterpolicy";

import { SMALL } from "./helpers.mjs";

test("toJSON makes JSON.stringify write the dataset document", () => {
  for (const ds of [Dataset.fromJson(SMALL), sampleDataset()]) {
    const doc = ds.toJSON();
    assert.deepEqual(doc, ds.toObject());
    assert.deepEqual(JSON.parse(JSON.stringify(ds)), JSON.parse(ds.toJson()));
    assert.deepEqual(JSON.parse(JSON.stringify({ dataset: ds })).dataset, JSON.parse(ds.toJson()));
    // Read back, the same dataset (as JavaScript sees it: a float 200.0 in free-form
    // attributes comes back as the integer 200, which JavaScript cannot tell apart).
    assert.deepEqual(Dataset.fromJson(JSON.stringify(ds)).toObject(), doc);
  }
});
