// The three builds (Node, web, bundler) and the package's exports map.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import * as node from "clusterpolicy";

import { SMALL, thrown } from "./helpers.mjs";

const API = ["Dataset", "errorKinds", "report", "reportHtml"];
const pkg = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

describe("builds", () => {
  test("the exports map resolves each entry point to its build", () => {
    assert.equal(fileURLToPath(import.meta.resolve("clusterpolicy")), pkg("pkg/node/clusterpolicy.js"));
    for (const target of ["node", "web", "bundler"]) {
      assert.equal(fileURLToPath(import.meta.resolve(`clusterpolicy/${target}`)), pkg(`pkg/${target}/clusterpolicy.js`));
    }
  });

  test("Node: ES module import and CommonJS require give the same API", () => {
    const cjs = createRequire(import.meta.url)("clusterpolicy");
    for (const name of API) {
      assert.equal(typeof node[name], "function", name);
      assert.equal(cjs[name], node[name], name);
    }
  });

  test("web: initialised with the module bytes, the API works the same", async () => {
    const web = await import("clusterpolicy/web");
    await web.default({ module_or_path: readFileSync(pkg("pkg/web/clusterpolicy_bg.wasm")) });
    for (const name of API) assert.equal(typeof web[name], "function", name);
    assert.equal(web.Dataset.fromJson(SMALL).toJson(true) + "\n", SMALL);
    const e = thrown(() => web.Dataset.fromJson("{"));
    assert.ok(e instanceof Error);
    assert.equal(e.name, "JsonError");
  });

  test("bundler: the ES module build loads where .wasm imports work (node --experimental-wasm-modules)", () => {
    const script = `
      import { Dataset, report } from "clusterpolicy/bundler";
      const ds = Dataset.fromJson('{"name": "bundled", "regions": [{"id": "R", "name": "R", "country": "ZZ"}]}');
      let name;
      try { Dataset.fromJson("{"); } catch (e) { name = e.name; }
      console.log(JSON.stringify({ name: ds.name, problems: ds.validate().problems.length, generator: report(ds).generator, error: name }));
    `;
    const run = spawnSync(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "--input-type=module", "-e", script], {
      cwd: pkg(""),
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout);
    assert.deepEqual({ ...out, generator: undefined }, { name: "bundled", problems: 1, generator: undefined, error: "JsonError" });
    assert.match(out.generator, /^clusterpolicy /);
  });
});
