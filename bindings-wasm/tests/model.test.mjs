// The Dataset class, mirroring the Rust tests of clusterpolicy::model on the shared fixtures:
// lossless JSON round trips, every planted problem with its exact path and kind, and errors
// that are real `Error`s named after `clusterpolicy::Error::kind()`.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

import { Dataset, errorKinds, report } from "clusterpolicy";

import { BROKEN, BROKEN_PROBLEMS, SMALL, allPlain, isPlainObject, thrown, triples } from "./helpers.mjs";

const KINDS = [
  "JsonError",
  "CsvError",
  "IoError",
  "ValidationError",
  "InvalidParameterError",
  "ShapeMismatchError",
  "UnknownLabelError",
  "DuplicateLabelError",
  "NonFiniteError",
  "EmptyInputError",
];

/** A thrown value that is a proper error of the package, never a trap of the module. */
function assertPackageError(e, name) {
  assert.ok(e instanceof Error, `expected an Error, got ${e}`);
  assert.notEqual(e.name, "RuntimeError", `WebAssembly trapped: ${e.message}`);
  assert.equal(e.name, name, e.message);
  assert.ok(errorKinds().includes(e.name));
  assert.equal(typeof e.stack, "string");
}

describe("JSON round trip", () => {
  test("fromJson then toJson(true) reproduces the fixture byte for byte", () => {
    assert.equal(Dataset.fromJson(SMALL).toJson(true) + "\n", SMALL);
  });

  test("compact JSON reads back to the same dataset", () => {
    const compact = Dataset.fromJson(SMALL).toJson();
    assert.ok(!compact.includes("\n"));
    assert.equal(Dataset.fromJson(compact).toJson(), compact);
    assert.equal(Dataset.fromJson(compact).toJson(false), compact);
  });

  test("toObject equals JSON.parse of the text and holds only plain objects", () => {
    const object = Dataset.fromJson(SMALL).toObject();
    assert.deepEqual(object, JSON.parse(SMALL));
    assert.ok(allPlain(object));
    const values = object.observations.map((o) => o.value);
    assert.ok(values.includes(0.30000000000000004) && values.includes(1e-7), "floats survive exactly");
  });

  test("fromObject reads the parsed fixture to the same dataset", () => {
    assert.equal(Dataset.fromObject(JSON.parse(SMALL)).toJson(true) + "\n", SMALL);
    const ds = Dataset.fromJson(SMALL);
    assert.equal(Dataset.fromObject(ds.toObject()).toJson(), ds.toJson());
  });

  test("JSON.stringify uses toJSON", () => {
    const ds = Dataset.fromJson(SMALL);
    assert.deepEqual(JSON.parse(JSON.stringify(ds)), JSON.parse(SMALL));
    assert.deepEqual(JSON.parse(JSON.stringify({ ds })), { ds: JSON.parse(SMALL) });
  });

  test("getters", () => {
    const ds = Dataset.fromJson(SMALL);
    assert.equal(ds.name, "small");
    assert.equal(ds.synthetic, true);
    assert.match(ds.description, /^A small hand-written dataset/);
    const bare = Dataset.fromJson('{"name": "bare"}');
    assert.equal(bare.synthetic, false);
    assert.equal(bare.description, undefined);
    assert.equal(bare.toJson(), '{"name":"bare"}');
  });

  test("jsonSchema() is the committed schema/dataset.schema.json", () => {
    const committed = JSON.parse(readFileSync(new URL("../../schema/dataset.schema.json", import.meta.url), "utf8"));
    const schema = Dataset.jsonSchema();
    assert.deepEqual(schema, committed);
    assert.equal(schema.title, "Dataset");
    assert.ok(allPlain(schema));
  });
});

describe("validation", () => {
  test("the small dataset is valid", () => {
    const ds = Dataset.fromJson(SMALL);
    assert.deepEqual(ds.validate(), { problems: [] });
    assert.equal(ds.isValid(), true);
    const same = ds.validated();
    assert.ok(same instanceof Dataset);
    assert.equal(same.toJson(), ds.toJson());
  });

  test("every planted problem is reported with its exact path, kind and severity, and no other", () => {
    const report = Dataset.fromJson(BROKEN).validate();
    assert.ok(isPlainObject(report) && allPlain(report));
    assert.deepEqual(Object.keys(report), ["problems"]);
    assert.deepEqual(triples(report.problems), BROKEN_PROBLEMS);
    for (const p of report.problems) {
      assert.deepEqual(Object.keys(p), ["path", "kind", "severity", "message"]);
      assert.ok(p.message.length > 0);
    }
    assert.equal(Dataset.fromJson(BROKEN).isValid(), false);
  });

  test("fromObject of the parsed broken dataset reports the same problems", () => {
    assert.deepEqual(triples(Dataset.fromObject(JSON.parse(BROKEN)).validate().problems), BROKEN_PROBLEMS);
  });

  test("NaN and infinities given to fromObject reach validation as non-finite numbers", () => {
    const object = JSON.parse(BROKEN);
    object.observations[0].value = NaN; // JSON has null here, which reads as NaN too
    object.projects[0].partners[0].budget = NaN; // optional number: NaN, not absent
    object.regions[0].population = Infinity;
    object.strategies[0].targets[0].baseline = -Infinity;
    const ds = Dataset.fromObject(object);
    const expected = [
      ...BROKEN_PROBLEMS,
      { path: "regions[0].population", kind: "non_finite", severity: "error" },
      { path: "projects[0].partners[0].budget", kind: "non_finite", severity: "error" },
      { path: "strategies[0].targets[0].baseline", kind: "non_finite", severity: "error" },
    ];
    const key = (p) => `${p.path} ${p.kind}`;
    const got = triples(ds.validate().problems);
    assert.equal(got.length, expected.length, JSON.stringify(got, null, 1));
    assert.deepEqual(got.map(key).sort(), expected.map(key).sort());
    // The numbers stay numbers in the plain object; JSON text has no NaN and writes null.
    const back = ds.toObject();
    assert.ok(Number.isNaN(back.observations[0].value));
    assert.ok(Number.isNaN(back.projects[0].partners[0].budget));
    assert.equal(back.regions[0].population, Infinity);
    assert.equal(back.strategies[0].targets[0].baseline, -Infinity);
    const text = JSON.parse(ds.toJson());
    assert.equal(text.observations[0].value, null);
    assert.equal(text.regions[0].population, null);
  });

  test("validated() throws a ValidationError carrying every problem", () => {
    const e = thrown(() => Dataset.fromJson(BROKEN).validated());
    assertPackageError(e, "ValidationError");
    assert.match(e.message, /^dataset is invalid: 12 problems; first at regions\[1\]\.id: duplicate region id `SI04`$/);
    assert.ok(Array.isArray(e.problems) && allPlain(e.problems));
    assert.deepEqual(triples(e.problems), BROKEN_PROBLEMS);
  });
});

describe("errors", () => {
  test("errorKinds() lists the kinds of clusterpolicy::Error", () => {
    assert.deepEqual(errorKinds(), KINDS);
  });

  test("bad JSON throws a JsonError with line and column", () => {
    // Same positions as Dataset::from_json in Rust (serde_json's, 1-based).
    const e = thrown(() => Dataset.fromJson('{\n  "name": 3\n}'));
    assertPackageError(e, "JsonError");
    assert.equal(e.message, "invalid JSON at line 2, column 11: invalid type: integer `3`, expected a string");
    assert.equal(e.line, 2);
    assert.equal(e.column, 11);
    assert.equal(e.path, undefined);

    const cases = [
      ['{ "name": 3 }', 1, 11, /invalid type: integer `3`, expected a string/],
      ["not json", 1, 2, /expected ident/],
      ["", 1, 0, /EOF while parsing a value/],
      ['{"name": "x", "regions": [', 1, 26, /EOF while parsing a list/],
      ['{"name": "x",\n "nmae": "y"}', 2, 7, /unknown field `nmae`/],
      ['{"name": "x", "projects": [{"id": "P", "title": "P", "end": "2024-02-30"}]}', 1, 72, /input is out of range/],
      ['{"name": "x"} trailing', 1, 15, /trailing characters/],
    ];
    for (const [text, line, column, message] of cases) {
      const e = thrown(() => Dataset.fromJson(text));
      assertPackageError(e, "JsonError");
      assert.deepEqual([e.line, e.column], [line, column], `${text}: ${e.message}`);
      assert.match(e.message, message);
      assert.ok(e.message.startsWith(`invalid JSON at line ${line}, column ${column}: `));
    }
  });

  test("fromJson of a non-string throws a TypeError, not a trap", () => {
    for (const value of [42, undefined, null, {}, ["{}"], Buffer.from("{}")]) {
      const e = thrown(() => Dataset.fromJson(value));
      assert.ok(e instanceof TypeError, `${typeof value}: ${e}`);
      assert.match(e.message, /^Dataset\.fromJson expects a string, got /);
    }
    assert.equal(Dataset.fromJson(SMALL).name, "small");
  });

  test("bad shapes and types given to fromObject throw a JsonError naming the path", () => {
    const deep = { name: "x", attributes: {} };
    let node = deep.attributes;
    for (let i = 0; i < 200; i++) node = node.next = {};
    const cyclic = { name: "x", attributes: {} };
    cyclic.attributes.self = cyclic;
    const region = (extra) => ({ name: "x", regions: [{ id: "R", name: "R", country: "SI", ...extra }] });
    const project = (extra) => ({ name: "x", projects: [{ id: "P", title: "P", ...extra }] });

    const cases = [
      [null, "", /invalid type: null, expected struct Dataset/],
      [undefined, "", /invalid type: null, expected struct Dataset/],
      [42, "", /invalid type: integer `42`, expected struct Dataset/],
      ["text", "", /invalid type: string "text", expected struct Dataset/],
      [true, "", /invalid type: boolean `true`/],
      [[], "", /invalid length 0, expected struct Dataset/],
      [{}, "", /missing field `name`/],
      [new Map([["name", "x"]]), "", /missing field `name`/],
      [{ name: 3 }, "name", /invalid type: integer `3`, expected a string/],
      [{ name: "x", nmae: "y" }, "", /unknown field `nmae`, expected one of `name`/],
      [{ name: "x", synthetic: "yes" }, "synthetic", /invalid type: string "yes", expected a boolean/],
      [{ name: "x", regions: "nope" }, "regions", /invalid type: string "nope", expected a sequence/],
      [{ name: "x", regions: [null] }, "regions[0]", /invalid type: null, expected struct Region/],
      [region({ lvl: 2 }), "regions[0]", /unknown field `lvl`/],
      [region({ level: 2.5 }), "regions[0].level", /invalid type: floating point `2.5`, expected u8/],
      [region({ level: -1 }), "regions[0].level", /invalid value: integer `-1`, expected u8/],
      [region({ level: 300 }), "regions[0].level", /invalid value: integer `300`, expected u8/],
      [region({ level: NaN }), "regions[0].level", /invalid type: floating point `NaN`, expected u8/],
      [region({ population: "many" }), "regions[0].population", /expected f64/],
      [region({ centroid: { lat: 1 } }), "regions[0].centroid", /missing field `lon`/],
      [
        { name: "x", actors: [{ id: "A", name: "A", country: "SI", helix: "martian" }] },
        "actors[0].helix",
        /unknown variant `martian`, expected one of `business`/,
      ],
      [project({ start: new Date(0) }), "projects[0].start", /invalid type: map/],
      [project({ start: "yesterday" }), "projects[0].start", /input contains invalid characters/],
      [project({ partners: [{ actor: "A", role: "lead", budget: "1" }] }), "projects[0].partners[0].budget", /f64/],
      [{ name: "x", attributes: { f() {} } }, "attributes.f", /a JavaScript function has no JSON form/],
      [{ name: "x", attributes: { s: Symbol("s") } }, "attributes.s", /a JavaScript symbol has no JSON form/],
      [{ name: "x", attributes: { n: 10n } }, "attributes.n", /a JavaScript bigint has no JSON form/],
      [{ name: "x", attributes: { "odd key": [0, () => 1] } }, 'attributes["odd key"][1]', /function/],
      [deep, null, /nested more than 128 levels deep/],
      [cyclic, null, /nested more than 128 levels deep \(or the object contains a cycle\)/],
    ];
    for (const [value, path, message] of cases) {
      const e = thrown(() => Dataset.fromObject(value));
      assertPackageError(e, "JsonError");
      assert.match(e.message, message, `${path}: ${e.message}`);
      assert.equal(e.line, 0);
      assert.equal(e.column, 0);
      if (path !== null) {
        assert.equal(e.path, path, e.message);
        assert.ok(e.message.startsWith(path ? `invalid dataset object at ${path}: ` : "invalid dataset object: "));
      }
    }
    assert.ok(thrown(() => Dataset.fromObject(cyclic)).path.startsWith("attributes.self.attributes.self."));
    // The module is intact after all these errors.
    assert.equal(Dataset.fromObject(JSON.parse(SMALL)).toJson(true) + "\n", SMALL);
  });

  test("undefined properties are absent, as for JSON.stringify; null means what it means in JSON", () => {
    const ds = Dataset.fromObject({ name: "x", description: undefined, regions: undefined, attributes: undefined });
    assert.equal(ds.toJson(), '{"name":"x"}');
    assert.equal(Dataset.fromObject({ name: "x", description: null }).toJson(), '{"name":"x"}');
    // A list may be absent but not null, from an object as from JSON text.
    assertPackageError(thrown(() => Dataset.fromJson('{"name": "x", "regions": null}')), "JsonError");
    const e = thrown(() => Dataset.fromObject({ name: "x", regions: null }));
    assertPackageError(e, "JsonError");
    assert.equal(e.path, "regions");
  });

  test("an integer too large for a JavaScript number throws a RangeError from toObject", () => {
    const ds = Dataset.fromJson('{"name": "x", "attributes": {"register": 12345678901234567890}}');
    const e = thrown(() => ds.toObject());
    assert.ok(e instanceof RangeError, String(e));
    assert.match(e.message, /12345678901234567890 can't be represented as a JavaScript number/);
    assert.equal(ds.toJson(), '{"name":"x","attributes":{"register":12345678901234567890}}');
  });

  test("misuse of the class throws an Error, not a trap", () => {
    const e = thrown(() => report({ name: "not a Dataset instance" }));
    assert.ok(e instanceof Error && e.name !== "RuntimeError", String(e));
    const ds = Dataset.fromJson(SMALL);
    ds.free();
    const after = thrown(() => ds.toJson());
    assert.ok(after instanceof Error && after.name !== "RuntimeError", String(after));
    assert.equal(Dataset.fromJson(SMALL).name, "small");
  });
});
