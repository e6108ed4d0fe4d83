/* Errors thrown by clusterpolicy, one interface per kind (src/error.rs; a Rust test keeps them in step). */

/** The `name` of every error clusterpolicy throws; `errorKinds()` lists them at run time. */
export type ErrorKind =
  | "JsonError"
  | "CsvError"
  | "IoError"
  | "ValidationError"
  | "InvalidParameterError"
  | "ShapeMismatchError"
  | "UnknownLabelError"
  | "DuplicateLabelError"
  | "NonFiniteError"
  | "EmptyInputError";

/**
 * A document does not fit the data model. From JSON text: `line` and `column` (1-based) of the
 * first offending token (0 when unknown, e.g. at the end of the input). From a plain object
 * (`Dataset.fromObject`): `line` and `column` are 0 and `path` names the offending value, such
 * as `projects[0].partners[1].budget` (empty for the object itself).
 */
export interface JsonError extends Error {
  name: "JsonError";
  line: number;
  column: number;
  path?: string;
}

/** A CSV row could not be read or interpreted. */
export interface CsvError extends Error {
  name: "CsvError";
  sourceName: string;
  /** 1-based line in the file (the header is line 1). */
  line: number;
  /** The offending column, when one can be named. */
  column?: string;
}

/** A file could not be read or written. */
export interface IoError extends Error {
  name: "IoError";
  path: string;
}

/** A dataset failed validation (`Dataset.validated()`); `problems` lists every problem. */
export interface ValidationError extends Error {
  name: "ValidationError";
  problems: Problem[];
}

/** A parameter is outside its allowed range or combination. */
export interface InvalidParameterError extends Error {
  name: "InvalidParameterError";
  /** Parameter name as written in the options object. */
  parameter: string;
  /** Why the value is rejected, with the allowed values or range. */
  reason: string;
}

/** Two inputs that must agree in shape do not. */
export interface ShapeMismatchError extends Error {
  name: "ShapeMismatchError";
  what: string;
  expected: string;
  found: string;
}

/** A label (region, activity, actor, ...) was looked up and not found. */
export interface UnknownLabelError extends Error {
  name: "UnknownLabelError";
  /** What kind of label, e.g. `region`. */
  labelKind: string;
  id: string;
}

/** A label occurs twice where labels must be unique. */
export interface DuplicateLabelError extends Error {
  name: "DuplicateLabelError";
  /** What kind of label, e.g. `activity`. */
  labelKind: string;
  id: string;
}

/** A numeric input holds NaN or an infinity where a finite number is required. */
export interface NonFiniteError extends Error {
  name: "NonFiniteError";
  what: string;
  at: string;
}

/** An input is empty where at least one element is required. */
export interface EmptyInputError extends Error {
  name: "EmptyInputError";
  what: string;
}

/** Any error thrown by clusterpolicy; narrow it with `name`. */
export type ClusterPolicyError =
  | JsonError
  | CsvError
  | IoError
  | ValidationError
  | InvalidParameterError
  | ShapeMismatchError
  | UnknownLabelError
  | DuplicateLabelError
  | NonFiniteError
  | EmptyInputError;
