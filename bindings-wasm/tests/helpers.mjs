// Shared fixtures of the Node tests: the JSON documents in tests/fixtures/ at the repository
// root, which the Rust and Python tests read too.

import { existsSync, readFileSync } from "node:fs";

const fixtures = new URL("../../tests/fixtures/", import.meta.url);

/** The text of a fixture file. */
export const fixture = (name) => readFileSync(new URL(name, fixtures), "utf8");

/** `small_dataset.json`: valid, touches every collection, written as `toJson(true)` + "\n". */
export const SMALL = fixture("small_dataset.json");

/** `broken_dataset.json`: twelve planted problems. */
export const BROKEN = fixture("broken_dataset.json");

/** The problems `validate()` must report for BROKEN, in order: `{ path, kind, severity }`. */
export const BROKEN_PROBLEMS = JSON.parse(fixture("broken_dataset.problems.json"));

/** `{ path, kind, severity }` of each problem, dropping the message. */
export const triples = (problems) => problems.map(({ path, kind, severity }) => ({ path, kind, severity }));

/** Calls `fn`, which must throw; returns what it threw. */
export function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an exception");
}

/** True for an object literal's prototype (not a Map, not a class instance). */
export const isPlainObject = (x) => x !== null && typeof x === "object" && Object.getPrototypeOf(x) === Object.prototype;

/** Every object in `x` (recursively) is a plain object or an array. */
export function allPlain(x) {
  if (Array.isArray(x)) return x.every(allPlain);
  if (x !== null && typeof x === "object") return isPlainObject(x) && Object.values(x).every(allPlain);
  return true;
}

/** `../shared` beside the repository (or `CLUSTERPOLICY_SHARED`): real data and references. */
export const SHARED = process.env.CLUSTERPOLICY_SHARED ?? new URL("../../../shared/", import.meta.url).pathname;

/**
 * True when `path` exists; otherwise skips test `t` with a notice, or throws when `CI` is
 * set (the shared files must be there in CI).
 */
export function need(path, t) {
  if (existsSync(path)) return true;
  if (["true", "1"].includes((process.env.CI ?? "").toLowerCase())) throw new Error(`${path} is missing in CI`);
  t.skip(`${path} not found`);
  return false;
}
