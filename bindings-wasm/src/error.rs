//! Errors as JavaScript `Error` objects.
//!
//! Every error thrown by the package is a real `Error` (so `instanceof Error` holds and it has
//! a stack), its `name` is [`clusterpolicy::Error::kind`] (`"JsonError"`, `"ValidationError"`,
//! ...), its `message` is the `Display` text of the Rust error, and the structured fields of the
//! variant are plain properties (`line`, `column`, `problems`, ...). The TypeScript side is
//! `types/errors.d.ts`, one interface per kind; a test below keeps the two in step.

use clusterpolicy::Error;
use clusterpolicy::model::Problem;
use wasm_bindgen::prelude::*;

use crate::conversion::{ConversionError, to_js};

/// A structured property of a thrown error.
#[derive(Debug, PartialEq)]
enum Property<'a> {
    Number(f64),
    Text(&'a str),
    Problems(&'a [Problem]),
}

/// The structured properties of an error, under their JavaScript names (camelCase; never
/// `name` or `message`, which every `Error` has).
fn properties(e: &Error) -> Vec<(&'static str, Property<'_>)> {
    use Property::{Number, Problems, Text};
    match e {
        Error::Json { line, column, .. } => vec![("line", Number(*line as f64)), ("column", Number(*column as f64))],
        Error::Csv { source_name, line, column, .. } => {
            let mut props = vec![("sourceName", Text(source_name)), ("line", Number(*line as f64))];
            if let Some(c) = column {
                props.push(("column", Text(c)));
            }
            props
        }
        Error::Io { path, .. } => vec![("path", Text(path))],
        Error::Invalid { report } => vec![("problems", Problems(&report.problems))],
        Error::InvalidParameter { name, reason } => vec![("parameter", Text(name)), ("reason", Text(reason))],
        Error::ShapeMismatch { what, expected, found } => {
            vec![("what", Text(what)), ("expected", Text(expected)), ("found", Text(found))]
        }
        Error::UnknownLabel { kind, id } | Error::DuplicateLabel { kind, id } => {
            vec![("labelKind", Text(kind)), ("id", Text(id))]
        }
        Error::NonFinite { what, at } => vec![("what", Text(what)), ("at", Text(at))],
        Error::Empty { what } => vec![("what", Text(what))],
        // A variant added to core later still maps to an Error with its kind and message.
        _ => Vec::new(),
    }
}

/// Creates `new Error(message)` with the given `name` and extra properties.
fn new_error(name: &str, message: &str, properties: &[(&str, Property<'_>)]) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name(name);
    for (key, value) in properties {
        let value = match value {
            Property::Number(x) => JsValue::from_f64(*x),
            Property::Text(s) => JsValue::from_str(s),
            // Problems hold strings only, so the conversion cannot fail.
            Property::Problems(p) => to_js(p).unwrap_or(JsValue::UNDEFINED),
        };
        // Setting a property of a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str(key), &value);
    }
    error.into()
}

/// Maps a core error to the JavaScript `Error` that is thrown.
pub(crate) fn js_error(e: &Error) -> JsValue {
    new_error(e.kind(), &e.to_string(), &properties(e))
}

/// Maps a JavaScript value that does not fit the model to a `JsonError` (the same kind as
/// for JSON text that does not fit), with `path` naming the value and `line` = `column` = 0.
pub(crate) fn conversion_error(e: &ConversionError, what: &str) -> JsValue {
    let path = e.path();
    let at = if path.is_empty() { String::new() } else { format!(" at {}", elide(&path, 120)) };
    let message = format!("invalid {what}{at}: {}", e.message());
    let properties =
        [("line", Property::Number(0.0)), ("column", Property::Number(0.0)), ("path", Property::Text(&path))];
    // The kind of `Error::Json`, as for JSON text that does not fit the model.
    let kind = Error::Json { line: 0, column: 0, message: String::new() }.kind();
    new_error(kind, &message, &properties)
}

/// `text` shortened to about `max` characters by cutting out its middle (a path through a
/// cyclic object is 128 steps long; the `path` property keeps all of it).
fn elide(text: &str, max: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text.to_owned();
    }
    let head: String = chars[..max / 2].iter().collect();
    let tail: String = chars[chars.len() - max / 2..].iter().collect();
    format!("{head}...{tail}")
}

/// A JavaScript `TypeError` for an argument of the wrong type, e.g. "Dataset.fromJson
/// expects a string, got number".
pub(crate) fn type_error(function: &str, expected: &str, got: &JsValue) -> JsValue {
    let got = if got.is_null() { "null".to_owned() } else { got.js_typeof().as_string().unwrap_or_default() };
    js_sys::TypeError::new(&format!("{function} expects {expected}, got {got}")).into()
}

/// The `name` of every error the package throws (`"JsonError"`, `"ValidationError"`, ...),
/// so that a caller can tell them from errors of other libraries:
/// `errorKinds().includes(e.name)`.
#[wasm_bindgen(js_name = errorKinds, unchecked_return_type = "ErrorKind[]")]
#[must_use]
pub fn error_kinds() -> Vec<String> {
    Error::KINDS.iter().map(|k| (*k).to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use clusterpolicy::model::{ProblemKind, Severity, ValidationReport};

    use super::*;

    /// One error of each variant.
    fn samples() -> Vec<Error> {
        let text = |s: &str| s.to_owned();
        let problem =
            Problem { path: text("x"), kind: ProblemKind::EmptyId, severity: Severity::Error, message: text("m") };
        vec![
            Error::Json { line: 1, column: 2, message: text("m") },
            Error::Csv { source_name: text("f.csv"), line: 3, column: Some(text("value")), message: text("m") },
            Error::Io { path: text("f"), message: text("m") },
            Error::Invalid { report: ValidationReport { problems: vec![problem] } },
            Error::InvalidParameter { name: text("alpha"), reason: text("m") },
            Error::ShapeMismatch { what: text("w"), expected: text("1 x 2"), found: text("2 x 1") },
            Error::UnknownLabel { kind: text("region"), id: text("R") },
            Error::DuplicateLabel { kind: text("region"), id: text("R") },
            Error::NonFinite { what: text("w"), at: text("a") },
            Error::Empty { what: text("w") },
        ]
    }

    /// The body of `export interface <kind> extends Error { ... }` in `types/errors.d.ts`.
    fn interface<'a>(ts: &'a str, kind: &str) -> &'a str {
        let head = format!("export interface {kind} extends Error {{");
        let start = ts.find(&head).unwrap_or_else(|| panic!("types/errors.d.ts lacks `{head}`")) + head.len();
        let end = start + ts[start..].find("\n}").expect("interface is closed");
        &ts[start..end]
    }

    #[test]
    fn every_kind_has_a_typescript_interface_with_its_properties() {
        let ts = include_str!("../types/errors.d.ts");
        let samples = samples();
        let kinds: Vec<&str> = samples.iter().map(Error::kind).collect();
        assert_eq!(kinds, Error::KINDS, "add a sample of the new variant and its interface in types/errors.d.ts");
        for e in &samples {
            let body = interface(ts, e.kind());
            assert!(body.contains(&format!("name: \"{}\";", e.kind())), "{}: name", e.kind());
            for (key, _) in properties(e) {
                assert!(body.contains(&format!("\n  {key}")), "{}: property `{key}` missing in errors.d.ts", e.kind());
            }
        }
        let union: Vec<String> = Error::KINDS.iter().map(|k| format!("\"{k}\"")).collect();
        assert!(ts.contains(&format!("export type ErrorKind =\n  | {};", union.join("\n  | "))), "ErrorKind union");
    }

    #[test]
    fn long_paths_are_elided_in_the_middle() {
        assert_eq!(elide("abcdef", 6), "abcdef");
        assert_eq!(elide("abcdefgh", 6), "abc...fgh");
    }

    #[test]
    fn properties_never_shadow_name_or_message() {
        for e in samples() {
            assert!(properties(&e).iter().all(|(k, _)| *k != "name" && *k != "message" && *k != "stack"));
        }
    }
}
