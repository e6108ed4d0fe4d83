//! The one error type of the crate.
//!
//! Every fallible function returns [`Result<T>`](crate::Result), whose error is the
//! [`Error`] enum. Each variant is structured: it names the offending item (a file line
//! and column, a label, a parameter) so that a binding can map it to a typed exception
//! (`clusterpolicy.JsonError` in Python, an `Error` whose `name` is `"JsonError"` in
//! JavaScript) without parsing a message.

use crate::model::ValidationReport;

/// Errors returned by clusterpolicy.
///
/// The enum is `#[non_exhaustive]`: later capabilities add variants, so match with a
/// wildcard arm. [`Error::kind`] gives a stable, `PascalCase` name for each variant that
/// the bindings use as the exception class (Python) or `Error.name` (JavaScript).
///
/// # Example
/// ```
/// use clusterpolicy::{Dataset, Error};
///
/// let err = Dataset::from_json("{ \"name\": 3 }").unwrap_err();
/// assert!(matches!(err, Error::Json { line: 1, .. }));
/// assert_eq!(err.kind(), "JsonError");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A JSON document could not be parsed into the expected type.
    #[error("invalid JSON{}: {message}", position(*line, *column))]
    Json {
        /// 1-based line of the offending token (0 when unknown, e.g. at end of input).
        line: usize,
        /// 1-based column of the offending token (0 when unknown).
        column: usize,
        /// What the parser expected or found.
        message: String,
    },
    /// A CSV row could not be read or interpreted.
    #[error("{source_name}: line {line}{}: {message}", column.as_ref().map(|c| format!(", column `{c}`")).unwrap_or_default())]
    Csv {
        /// The file path or name given by the caller.
        source_name: String,
        /// 1-based line number in the file (the header is line 1).
        line: u64,
        /// The offending column, when one can be named.
        column: Option<String>,
        /// What is wrong with the row.
        message: String,
    },
    /// A file could not be read or written.
    #[error("cannot access `{path}`: {message}")]
    Io {
        /// The path given by the caller.
        path: String,
        /// The operating system's message.
        message: String,
    },
    /// A dataset failed validation; the report lists every problem with its path.
    #[error("dataset is invalid: {}", summarise(report))]
    Invalid {
        /// All problems found.
        report: ValidationReport,
    },
    /// A parameter is outside its allowed range or combination.
    #[error("invalid parameter `{name}`: {reason}")]
    InvalidParameter {
        /// Parameter name as written in the `XxxParams` struct.
        name: String,
        /// Why the value is rejected, with the allowed values or range.
        reason: String,
    },
    /// Two inputs that must agree in shape do not.
    #[error("shape mismatch in {what}: expected {expected}, found {found}")]
    ShapeMismatch {
        /// Which input or dimension.
        what: String,
        /// The expected shape, e.g. `3 x 4`.
        expected: String,
        /// The shape found.
        found: String,
    },
    /// A label (region, activity, actor, ...) was looked up and not found.
    #[error("unknown {kind} `{id}`")]
    UnknownLabel {
        /// What kind of label, e.g. `region`.
        kind: String,
        /// The label that was not found.
        id: String,
    },
    /// A label occurs twice where labels must be unique.
    #[error("duplicate {kind} `{id}`")]
    DuplicateLabel {
        /// What kind of label, e.g. `activity`.
        kind: String,
        /// The repeated label.
        id: String,
    },
    /// A numeric input holds NaN or an infinity where a finite number is required.
    #[error("non-finite value in {what} at {at}")]
    NonFinite {
        /// Which input.
        what: String,
        /// Where, e.g. `row 3 (AT11), column 2 (C10)`.
        at: String,
    },
    /// An input is empty where at least one element is required.
    #[error("empty input: {what}")]
    Empty {
        /// Which input is empty.
        what: String,
    },
}

fn position(line: usize, column: usize) -> String {
    if line == 0 { String::new() } else { format!(" at line {line}, column {column}") }
}

fn summarise(report: &ValidationReport) -> String {
    let n = report.problems.len();
    match report.problems.first() {
        None => "no problems".to_owned(),
        Some(p) if n == 1 => format!("{}: {}", p.path, p.message),
        Some(p) => format!("{n} problems; first at {}: {}", p.path, p.message),
    }
}

impl Error {
    /// A stable name of the variant, used as exception class name by the bindings.
    ///
    /// ```
    /// let e = clusterpolicy::Error::Empty { what: "regions".into() };
    /// assert_eq!(e.kind(), "EmptyInputError");
    /// ```
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Json { .. } => "JsonError",
            Error::Csv { .. } => "CsvError",
            Error::Io { .. } => "IoError",
            Error::Invalid { .. } => "ValidationError",
            Error::InvalidParameter { .. } => "InvalidParameterError",
            Error::ShapeMismatch { .. } => "ShapeMismatchError",
            Error::UnknownLabel { .. } => "UnknownLabelError",
            Error::DuplicateLabel { .. } => "DuplicateLabelError",
            Error::NonFinite { .. } => "NonFiniteError",
            Error::Empty { .. } => "EmptyInputError",
        }
    }

    /// Every name [`Error::kind`] can return, for bindings that create one class per kind.
    pub const KINDS: &'static [&'static str] = &[
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

    /// Shorthand for [`Error::InvalidParameter`].
    pub(crate) fn param(name: &str, reason: impl Into<String>) -> Self {
        Error::InvalidParameter { name: name.to_owned(), reason: reason.into() }
    }

    pub(crate) fn from_json(e: &serde_json::Error) -> Self {
        // serde_json appends " at line L column C" to its message; keep the bare message.
        let text = e.to_string();
        let message = match text.rfind(" at line ") {
            Some(i) if e.line() > 0 => text[..i].to_owned(),
            _ => text,
        };
        Error::Json { line: e.line(), column: e.column(), message }
    }
}

/// `Result` with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
