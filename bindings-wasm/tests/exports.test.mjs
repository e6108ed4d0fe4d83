// Keeps the Node tests in step with the package: every exported function, every static and
// instance method and every getter of an exported class must be called (or read) in at least
// one tests/*.test.mjs file. A new binding without a test fails here, naming it.
//
// The check is textual (a call `name(` or `.name(`, a property read `.name`), so it cannot
// tell whether the call's result is asserted; the review of each test file does that. It
// does make a forgotten function impossible.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

import * as cp from "clusterpolicy";

const here = new URL("./", import.meta.url);
const sources = readdirSync(here)
  .filter((f) => f.endsWith(".test.mjs") && f !== "exports.test.mjs")
  .map((f) => readFileSync(new URL(f, here), "utf8"))
  .join("\n");

/** Members wasm-bindgen adds to every class, and the module's start function. */
const MACHINERY = new Set(["constructor", "free", "__destroy_into_raw", "__wbg_ptr", "__wrap", "length", "name", "prototype"]);
const SKIP_EXPORTS = new Set(["start", "default", "initSync"]);

const escape = (s) => s.replace(/[$]/g, "\\$");
const called = (name) => new RegExp(`(^|[^\\w$.])${escape(name)}\\s*\\(|\\.${escape(name)}\\s*\\(`).test(sources);
const calledAsMethod = (name) => new RegExp(`\\.${escape(name)}\\s*\\(`).test(sources);
const read = (name) => new RegExp(`\\.${escape(name)}\\b`).test(sources);

/** Every public member of the package: `[label, tested]`. */
function members() {
  const out = [];
  for (const [name, value] of Object.entries(cp)) {
    if (SKIP_EXPORTS.has(name)) continue;
    if (typeof value !== "function") continue;
    const isClass = /^class\b/.test(Function.prototype.toString.call(value));
    if (!isClass) {
      out.push([`${name}()`, called(name)]);
      continue;
    }
    for (const key of Object.getOwnPropertyNames(value)) {
      if (MACHINERY.has(key) || typeof value[key] !== "function") continue;
      out.push([`${name}.${key}()`, calledAsMethod(key)]);
    }
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(value.prototype))) {
      if (MACHINERY.has(key)) continue;
      if (d.get) out.push([`${name}#${key} (getter)`, read(key)]);
      else if (typeof d.value === "function") out.push([`${name}#${key}()`, calledAsMethod(key)]);
    }
  }
  return out;
}

test("every exported function, method and getter has a Node test", () => {
  const all = members();
  assert.ok(all.length > 50, `only ${all.length} members found: is the package built?`);
  const missing = all.filter(([, tested]) => !tested).map(([label]) => label);
  assert.deepEqual(missing, [], `members without a test in tests/*.test.mjs: ${missing.join(", ")}`);
});

test("the check sees calls, method calls and getters", () => {
  assert.ok(called("sampleDataset"));
  assert.ok(calledAsMethod("fromJson"));
  assert.ok(read("synthetic"));
  assert.ok(!called("noSuchFunctionAnywhere"));
});
