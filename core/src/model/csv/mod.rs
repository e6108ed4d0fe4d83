//! CSV import: long-format observations and CORDIS-style partnership lists.
//!
//! Two loaders for what users actually hold:
//!
//! | loader | reads | builds |
//! |---|---|---|
//! | [`LongTable`] with [`LongCsvOptions`] | one row per (region, activity, optional year) with a value | [`LabelledMatrix`](super::LabelledMatrix), [`Panel`](super::Panel), [`Observation`](super::Observation)s, a [`Dataset`](super::Dataset) |
//! | [`Partnerships`] with [`PartnershipSpec`] | a participation list (one row per project x organisation), optionally joined with an organisations file and a projects file | [`Actor`](super::Actor)s, [`Project`](super::Project)s with [`Partner`](super::Partner)s, NUTS [`Region`](super::Region)s, an [`ImportSummary`] |
//!
//! ## What every loader accepts
//! - UTF-8 input, with or without a byte-order mark; LF or CRLF line ends; an empty last line.
//! - Fields quoted with `"` (a quote inside a quoted field is doubled), so delimiters and line
//!   breaks may occur inside quoted fields.
//! - A header row naming the columns. Columns are selected by name, never by position; extra
//!   columns are ignored. Header names and fields are trimmed of surrounding whitespace, so
//!   ` 1` (the `numOrg` column of the CORDIS SOD files) reads as `1`.
//! - The delimiter named by [`Delimiter`]; [`Delimiter::Auto`] detects it from the header row
//!   (CORDIS SOD files are tab-separated despite their `.csv` suffix).
//! - Numbers with a decimal point or, with [`Decimal::Comma`], a decimal comma (`230000,00`);
//!   exponents (`1e+05`, as R writes them) are accepted. See [`Decimal`] for the exact rule.
//!
//! Codes are always kept as strings: a product code `0011` or a CBSA code `01000` keeps its
//! leading zeros.
//!
//! ## Errors
//! A malformed row is answered with [`crate::Error::Csv`], which names the source
//! (the file path or the name the caller gave), the 1-based line (the header is line 1; a
//! quoted field spanning lines counts its line breaks) and, when one can be named, the column
//! by its header name. No input makes a loader panic: arbitrary bytes give a value or an error.
//!
//! ```
//! use clusterpolicy::model::csv::{LongCsvOptions, LongTable};
//! use clusterpolicy::Error;
//!
//! let text = "region,activity,value\nAT11,C10,12\nAT11,C29,twelve\n";
//! let err = LongTable::read(text.as_bytes(), "employment.csv", &LongCsvOptions::default()).unwrap_err();
//! match &err {
//!     Error::Csv { source_name, line, column, .. } => {
//!         assert_eq!((source_name.as_str(), *line, column.as_deref()), ("employment.csv", 3, Some("value")));
//!     }
//!     other => panic!("unexpected {other}"),
//! }
//! assert_eq!(err.to_string(), "employment.csv: line 3, column `value`: `twelve` is not a number");
//! ```

mod long;
mod partnership;

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub use long::{Duplicates, LabelOrder, LongCsvOptions, LongDatasetParams, LongSummary, LongTable, Missing};
pub use partnership::{
    CoordinatorMatching, ImportSummary, OrganisationColumns, ParticipationColumns, PartnershipSpec, Partnerships,
    ProjectColumns, RegionCodes, RoleValue, UnknownReferences, UnmatchedCoordinator,
};
// The name normalisation of the lenient coordinator matching, shared with
// `crate::synergy::match_actors`.
pub(crate) use partnership::normalised as normalised_name;

/// The field delimiter of a CSV file.
///
/// ```
/// use clusterpolicy::model::csv::{Delimiter, LongCsvOptions, LongTable};
/// let text = "region;activity;value\nAT11;C10;1\n";
/// let auto = LongTable::read(text.as_bytes(), "inline", &LongCsvOptions::default())?;
/// let named = LongCsvOptions { delimiter: Delimiter::Semicolon, ..LongCsvOptions::default() };
/// assert_eq!(auto, LongTable::read(text.as_bytes(), "inline", &named)?);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Delimiter {
    /// Detect from the header row: the most frequent of tab, semicolon, comma and pipe
    /// outside quotes (ties go to tab, then semicolon, then comma); comma when the header
    /// holds none of them (a one-column file).
    #[default]
    Auto,
    /// `,`
    Comma,
    /// `;` (CORDIS downloads, continental European spreadsheets).
    Semicolon,
    /// Tab (the CORDIS SOD files).
    Tab,
    /// `|`
    Pipe,
}

impl Delimiter {
    /// The delimiter byte, detecting it from `data` for [`Delimiter::Auto`].
    ///
    /// ```
    /// use clusterpolicy::model::csv::Delimiter;
    /// assert_eq!(Delimiter::Auto.resolve(b"projectRcn\tnew_org_id\r\n1\t2\r\n"), b'\t');
    /// assert_eq!(Delimiter::Auto.resolve(b"a;b,c;d\n"), b';');
    /// assert_eq!(Delimiter::Comma.resolve(b"a;b\n"), b',');
    /// ```
    #[must_use]
    pub fn resolve(self, data: &[u8]) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
            Delimiter::Pipe => b'|',
            Delimiter::Auto => sniff_delimiter(strip_bom(data)),
        }
    }
}

fn sniff_delimiter(data: &[u8]) -> u8 {
    const CANDIDATES: [u8; 4] = [b'\t', b';', b',', b'|'];
    let mut counts = [0usize; 4];
    let mut quoted = false;
    for &b in data {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = CANDIDATES.iter().position(|&c| c == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = 2; // comma when nothing is found
    for i in 0..CANDIDATES.len() {
        if counts[i] > counts[best] || (counts[i] == counts[best] && counts[i] > 0 && i < best) {
            best = i;
        }
    }
    CANDIDATES[best]
}

/// How decimal numbers are written.
///
/// A number field is trimmed, then read as a decimal number with an optional sign, digits,
/// one decimal separator and an optional exponent (`-1.5e3`). With [`Decimal::Point`] the
/// separator is `.` and a `,` anywhere is an error; with [`Decimal::Comma`] the separator is
/// `,` and a `.` anywhere is an error. Thousands separators are never accepted: `1,234.5` is
/// ambiguous and is refused rather than misread. `inf` and `infinity` are refused. Which
/// strings count as missing is said by the loader (see [`Missing`]).
///
/// ```
/// use clusterpolicy::model::csv::{Decimal, LongCsvOptions, LongTable};
/// let text = "region\tactivity\tvalue\r\nAT11\tC10\t230000,50\r\n";
/// let opts = LongCsvOptions { decimal: Decimal::Comma, ..LongCsvOptions::default() };
/// assert_eq!(LongTable::read(text.as_bytes(), "inline", &opts)?.records[0].value, 230_000.5);
/// // With the default decimal point the comma is refused, not misread.
/// assert!(LongTable::read(text.as_bytes(), "inline", &LongCsvOptions::default()).is_err());
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Decimal {
    /// `1234.5` (English-language and most statistical software output).
    #[default]
    Point,
    /// `1234,5` (CORDIS SOD money columns such as `230000,00`, continental spreadsheets).
    Comma,
}

/// Cells read as missing: empty, `NA` (R), `NaN`, `null`, `N/A` (any case).
pub(crate) fn is_missing(s: &str) -> bool {
    s.is_empty()
        || s.eq_ignore_ascii_case("na")
        || s.eq_ignore_ascii_case("nan")
        || s.eq_ignore_ascii_case("null")
        || s.eq_ignore_ascii_case("n/a")
}

/// Parses a trimmed, non-missing number field. The error is the message of an
/// [`Error::Csv`].
pub(crate) fn parse_number(s: &str, decimal: Decimal) -> std::result::Result<f64, String> {
    let (sep, other) = match decimal {
        Decimal::Point => ('.', ','),
        Decimal::Comma => (',', '.'),
    };
    let plain = s.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'e' | b'E' | b'.' | b','));
    if !plain || s.is_empty() {
        return Err(format!("`{s}` is not a number"));
    }
    if s.contains(other) {
        return Err(match decimal {
            Decimal::Point => format!("`{s}` has a `,`: the decimal separator is `.` (use decimal: comma for `1,5`)"),
            Decimal::Comma => format!("`{s}` has a `.`: the decimal separator is `,` (use decimal: point for `1.5`)"),
        });
    }
    if s.matches(sep).count() > 1 {
        return Err(format!("`{s}` has more than one decimal separator (thousands separators are not accepted)"));
    }
    let owned;
    let text = if sep == ',' {
        owned = s.replace(',', ".");
        owned.as_str()
    } else {
        s
    };
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        Ok(_) => Err(format!("`{s}` is too large for a 64-bit floating-point number")),
        Err(_) => Err(format!("`{s}` is not a number")),
    }
}

fn strip_bom(data: &[u8]) -> &[u8] {
    data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data)
}

/// The bytes of one CSV file and the name to use for it in error messages.
///
/// The loaders read their input completely before parsing (the delimiter is detected from
/// the header row, and a partnership import joins several files), so a source is simply the
/// file's bytes. A UTF-8 byte-order mark is removed when the source is parsed.
///
/// This is an I/O handle, not a wire type: it has no serde form.
///
/// ```
/// use clusterpolicy::model::csv::CsvSource;
/// let s = CsvSource::new("inline.csv", "region,activity,value\nR1,A,1\n");
/// assert_eq!(s.name(), "inline.csv");
/// assert_eq!(s.bytes().len(), 29);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvSource {
    name: String,
    bytes: Vec<u8>,
}

impl CsvSource {
    /// A source from its name (used in error messages) and its bytes.
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Self { name: name.into(), bytes: bytes.into() }
    }

    /// Reads a source to its end.
    ///
    /// ```
    /// use clusterpolicy::model::csv::CsvSource;
    /// let s = CsvSource::from_reader("upload.csv", &b"a,b\n1,2\n"[..])?;
    /// assert_eq!(s.bytes(), b"a,b\n1,2\n");
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Io`] (with `name` as path) when reading fails.
    pub fn from_reader(name: impl Into<String>, mut reader: impl Read) -> Result<Self> {
        let name = name.into();
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(|e| Error::Io { path: name.clone(), message: e.to_string() })?;
        Ok(Self { name, bytes })
    }

    /// Reads a file; its path (as given) names it in error messages.
    ///
    /// ```
    /// use clusterpolicy::model::csv::CsvSource;
    /// let err = CsvSource::from_path("no/such/file.csv").unwrap_err();
    /// assert!(matches!(err, clusterpolicy::Error::Io { ref path, .. } if path == "no/such/file.csv"));
    /// ```
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| Error::Io { path: name.clone(), message: e.to_string() })?;
        Ok(Self { name, bytes })
    }

    /// The name used in error messages.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The raw bytes (byte-order mark included, if any).
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// A parsed header and a record reader over one source.
pub(crate) struct CsvFile<'a> {
    name: &'a str,
    data: &'a [u8],
    reader: ::csv::Reader<&'a [u8]>,
    headers: Vec<String>,
    header_line: u64,
    record: ::csv::StringRecord,
    lines: LineCounter,
}

/// Line numbers from byte offsets.
///
/// The `csv` crate's own line numbers lag by one per CRLF line end and ignore skipped blank
/// lines, and the byte offset it gives for a record is the end of the previous record. So
/// the true first line of a record is found by skipping line-end bytes from that offset and
/// counting `\n` before it (incrementally: offsets only grow).
#[derive(Default)]
struct LineCounter {
    byte: usize,
    line: u64,
}

impl LineCounter {
    fn line_at(&mut self, data: &[u8], byte: usize) -> u64 {
        let mut start = byte.min(data.len());
        while start < data.len() && matches!(data[start], b'\r' | b'\n') {
            start += 1;
        }
        if start < self.byte {
            *self = LineCounter::default();
        }
        #[allow(clippy::naive_bytecount)] // a few MB at most; not worth a dependency
        let newlines = data[self.byte..start].iter().filter(|&&b| b == b'\n').count();
        self.line += newlines as u64;
        self.byte = start;
        self.line + 1
    }
}

impl<'a> CsvFile<'a> {
    /// Opens a source: removes the BOM, resolves the delimiter and reads the header row.
    pub(crate) fn open(source: &'a CsvSource, delimiter: Delimiter) -> Result<Self> {
        let data = strip_bom(&source.bytes);
        let delim = delimiter.resolve(data);
        let mut reader =
            ::csv::ReaderBuilder::new().delimiter(delim).has_headers(true).flexible(true).from_reader(data);
        let name = source.name.as_str();
        let mut lines = LineCounter::default();
        let header_line = lines.line_at(data, 0);
        let headers: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(|s| s.trim().to_owned()).collect(),
            Err(e) => return Err(csv_error(name, &e, &[], header_line)),
        };
        if headers.iter().all(String::is_empty) {
            return Err(Error::Csv {
                source_name: name.to_owned(),
                line: header_line,
                column: None,
                message: "no header row: the input is empty".to_owned(),
            });
        }
        Ok(Self { name, data, reader, headers, header_line, record: ::csv::StringRecord::new(), lines })
    }

    /// The index of a required column.
    pub(crate) fn column(&self, name: &str) -> Result<usize> {
        let mut found = self.headers.iter().enumerate().filter(|(_, h)| *h == name).map(|(i, _)| i);
        match (found.next(), found.next()) {
            (Some(i), None) => Ok(i),
            (Some(_), Some(_)) => Err(self.header_error(name, format!("column `{name}` appears twice in the header"))),
            (None, _) => {
                let list = self.headers.iter().map(|h| format!("`{h}`")).collect::<Vec<_>>().join(", ");
                let hint =
                    if self.headers.len() == 1 { " (only one column was found: is the delimiter right?)" } else { "" };
                Err(self.header_error(name, format!("column `{name}` not found; the header has {list}{hint}")))
            }
        }
    }

    /// The index of an optional column; an error when it is named but absent.
    pub(crate) fn optional_column(&self, name: Option<&str>) -> Result<Option<usize>> {
        name.map(|n| self.column(n)).transpose()
    }

    /// The indices of several columns.
    pub(crate) fn columns(&self, names: &[String]) -> Result<Vec<(String, usize)>> {
        names.iter().map(|n| Ok((n.clone(), self.column(n)?))).collect()
    }

    fn header_error(&self, column: &str, message: String) -> Error {
        Error::Csv {
            source_name: self.name.to_owned(),
            line: self.header_line,
            column: Some(column.to_owned()),
            message,
        }
    }

    /// Reads the next record; `None` at the end. Rows whose field count differs from the
    /// header's are errors.
    pub(crate) fn next_row(&mut self) -> Result<Option<Row<'_>>> {
        match self.reader.read_record(&mut self.record) {
            Ok(false) => Ok(None),
            Ok(true) => {
                let byte = self.record.position().map_or(0, |p| p.byte() as usize);
                let line = self.lines.line_at(self.data, byte);
                let n = self.record.len();
                let m = self.headers.len();
                if n != m {
                    let (column, message) = if n < m {
                        (Some(self.headers[n].clone()), format!("the row has {n} fields, the header {m}"))
                    } else {
                        (None, format!("the row has {n} fields, the header only {m} (is a delimiter unquoted?)"))
                    };
                    return Err(Error::Csv { source_name: self.name.to_owned(), line, column, message });
                }
                Ok(Some(Row { name: self.name, line, record: &self.record, headers: &self.headers }))
            }
            Err(e) => {
                let byte = e.position().map_or(0, |p| p.byte() as usize);
                let line = self.lines.line_at(self.data, byte);
                Err(csv_error(self.name, &e, &self.headers, line))
            }
        }
    }
}

fn csv_error(name: &str, e: &::csv::Error, headers: &[String], line: u64) -> Error {
    let (column, message) = match e.kind() {
        ::csv::ErrorKind::Utf8 { err, .. } => {
            (headers.get(err.field()).cloned(), "the field is not valid UTF-8 (convert the file to UTF-8)".to_owned())
        }
        _ => (None, e.to_string()),
    };
    Error::Csv { source_name: name.to_owned(), line, column, message }
}

/// One data row, with what is needed to name it in an error.
pub(crate) struct Row<'r> {
    name: &'r str,
    pub(crate) line: u64,
    record: &'r ::csv::StringRecord,
    headers: &'r [String],
}

impl Row<'_> {
    /// The trimmed field at a column index (empty for an index out of range).
    pub(crate) fn get(&self, i: usize) -> &str {
        self.record.get(i).map_or("", str::trim)
    }

    /// The trimmed field of an optional column, `None` when the column is absent or the
    /// field is empty.
    pub(crate) fn opt(&self, i: Option<usize>) -> Option<&str> {
        i.map(|i| self.get(i)).filter(|s| !s.is_empty())
    }

    /// An [`Error::Csv`] about the column at index `i`.
    pub(crate) fn error(&self, i: usize, message: impl Into<String>) -> Error {
        Error::Csv {
            source_name: self.name.to_owned(),
            line: self.line,
            column: self.headers.get(i).cloned(),
            message: message.into(),
        }
    }

    /// An [`Error::Csv`] about the whole row.
    pub(crate) fn row_error(&self, message: impl Into<String>) -> Error {
        Error::Csv { source_name: self.name.to_owned(), line: self.line, column: None, message: message.into() }
    }

    /// A required, non-empty label.
    pub(crate) fn label(&self, i: usize, what: &str) -> Result<&str> {
        let s = self.get(i);
        if s.is_empty() { Err(self.error(i, format!("empty {what}"))) } else { Ok(s) }
    }

    /// An optional number: `None` for a missing cell (see [`is_missing`]).
    pub(crate) fn number(&self, i: usize, decimal: Decimal) -> Result<Option<f64>> {
        let s = self.get(i);
        if is_missing(s) {
            return Ok(None);
        }
        parse_number(s, decimal).map(Some).map_err(|m| self.error(i, m))
    }
}

/// Interns labels in first-seen order.
#[derive(Default)]
pub(crate) struct Interner {
    pub(crate) labels: Vec<String>,
    index: HashMap<String, usize>,
}

impl Interner {
    pub(crate) fn intern(&mut self, s: &str) -> usize {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.labels.len();
        self.labels.push(s.to_owned());
        self.index.insert(s.to_owned(), i);
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_number("230000,00", Decimal::Comma), Ok(230_000.0));
        assert_eq!(parse_number("1e+05", Decimal::Point), Ok(1e5));
        assert_eq!(parse_number("-1.5", Decimal::Point), Ok(-1.5));
        assert!(parse_number("1,5", Decimal::Point).is_err());
        assert!(parse_number("1.5", Decimal::Comma).is_err());
        assert!(parse_number("1,234,5", Decimal::Comma).is_err());
        assert!(parse_number("inf", Decimal::Point).is_err());
        assert!(parse_number("1e999", Decimal::Point).is_err());
        assert!(parse_number("0x10", Decimal::Point).is_err());
        assert!(parse_number("", Decimal::Point).is_err());
    }

    #[test]
    fn line_numbers() {
        let lines = |text: &str| -> Vec<u64> {
            let src = CsvSource::new("t", text);
            let mut f = CsvFile::open(&src, Delimiter::Comma).unwrap();
            let mut out = vec![f.header_line];
            while let Some(row) = f.next_row().unwrap() {
                out.push(row.line);
            }
            out
        };
        assert_eq!(lines("h\r\na\r\nb\r\n"), [1, 2, 3]);
        assert_eq!(lines("h\na\nb"), [1, 2, 3]);
        assert_eq!(lines("\r\n\nh\r\n\r\na\n\n\nb\n"), [3, 5, 8]);
        assert_eq!(lines("h\r\n\"a\r\nx\"\r\nb\r\n"), [1, 2, 4]);
        assert_eq!(lines("\u{feff}h\n1\n"), [1, 2]);
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff_delimiter(b"\"a,b\";c;d\n"), b';');
        assert_eq!(sniff_delimiter(b"single\n1\n"), b',');
        assert_eq!(sniff_delimiter(b""), b',');
        assert_eq!(sniff_delimiter(b"a|b|c\r\n"), b'|');
        assert_eq!(sniff_delimiter(b"a\tb;c\n"), b'\t');
    }
}
