//! Long-format observations: one row per (region, activity, optional year) with a value.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::Read;
use std::path::Path;

use ndarray::{Array2, Array3};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{CsvFile, CsvSource, Decimal, Delimiter, Interner, Row};
use crate::error::{Error, Result};
use crate::model::{
    Activity, Classification, Dataset, Direction, Indicator, LabelledMatrix, LongRecord, Observation, Panel, Region,
    SubjectRef,
};

/// What to do when the same (region, activity, year) occurs in several rows.
///
/// ```
/// use clusterpolicy::model::csv::{Duplicates, LongCsvOptions, LongTable};
/// let text = "region,activity,value\nR1,A,1\nR1,A,2\n";
/// let read = |duplicates| LongTable::read(text.as_bytes(), "inline", &LongCsvOptions { duplicates, ..Default::default() });
/// assert!(read(Duplicates::Error).is_err());
/// assert_eq!(read(Duplicates::Sum)?.records[0].value, 3.0);
/// assert_eq!(read(Duplicates::First)?.records[0].value, 1.0);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Duplicates {
    /// Fail with [`Error::Csv`] at the second row, naming the line of the first.
    #[default]
    Error,
    /// Add the values (the `aggfunc=sum` of a pandas pivot): for files that split a cell
    /// over several rows, such as exports by sub-product.
    Sum,
    /// Keep the first row's value and ignore later ones.
    First,
}

/// What to do with a missing value: an empty cell or `NA`, `NaN`, `null`, `N/A` (any case).
///
/// ```
/// use clusterpolicy::model::csv::{LongCsvOptions, LongTable, Missing};
/// let text = "region,activity,value\nR1,A,1\nR1,B,NA\n";
/// let read = |missing| LongTable::read(text.as_bytes(), "inline", &LongCsvOptions { missing, ..Default::default() });
/// assert!(read(Missing::Error).is_err());
/// assert_eq!(read(Missing::Skip)?.records.len(), 1);
/// assert_eq!(read(Missing::Zero)?.records[1].value, 0.0);
/// assert!(read(Missing::Nan)?.records[1].value.is_nan());
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// Fail with [`Error::Csv`] naming the line and the value column.
    #[default]
    Error,
    /// Drop the row (the cell is then 0 in matrices and panels, like any absent cell).
    Skip,
    /// Read the value as 0.
    Zero,
    /// Read the value as NaN, so that it stays visible: matrices carry the NaN, and
    /// [`Dataset::validate`] reports the observation as non-finite.
    Nan,
}

/// The order of region and activity labels in matrices, panels and the dataset.
///
/// ```
/// use clusterpolicy::model::csv::{LabelOrder, LongCsvOptions, LongTable};
/// let text = "region,activity,value\nR,10,1\nR,9,1\nR,2,1\n";
/// let labels = |label_order| -> Result<Vec<String>, clusterpolicy::Error> {
///     Ok(LongTable::read(text.as_bytes(), "inline", &LongCsvOptions { label_order, ..Default::default() })?.activities)
/// };
/// assert_eq!(labels(LabelOrder::Sorted)?, ["10", "2", "9"]);
/// assert_eq!(labels(LabelOrder::Natural)?, ["2", "9", "10"]);
/// assert_eq!(labels(LabelOrder::FirstSeen)?, ["10", "9", "2"]);
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LabelOrder {
    /// Sorted by the labels' UTF-8 bytes (`"10"` before `"2"`), like R's and pandas'
    /// sorting of strings in the C locale.
    #[default]
    Sorted,
    /// Natural order: runs of digits compare by their numeric value (`"2"` before `"10"`,
    /// `"C9"` before `"C10"`), everything else by bytes; labels equal under that rule
    /// (`"01"` and `"1"`) fall back to byte order.
    Natural,
    /// The order in which labels first occur in the file.
    FirstSeen,
}

/// How to read a long-format CSV: which column holds what, and how values are written.
///
/// Defaults: columns `region`, `activity`, `value`, no year column, no name or country
/// columns; the delimiter is detected; decimal point; duplicates and missing values are
/// errors; negative values are allowed; labels sorted.
///
/// ```
/// use clusterpolicy::model::csv::{LongCsvOptions, Missing};
///
/// // The US County Business Patterns layout: cbsa_code,naics_code,emp,estab
/// let opts = LongCsvOptions {
///     region: "cbsa_code".into(),
///     activity: "naics_code".into(),
///     value: "emp".into(),
///     missing: Missing::Skip,
///     ..LongCsvOptions::default()
/// };
/// assert!(opts.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct LongCsvOptions {
    /// Column of the region label (kept as a string: `01000` keeps its zero).
    pub region: String,
    /// Column of the activity label (kept as a string: product `0011` keeps its zeros).
    pub activity: String,
    /// Column of the year (an integer), for panels; `None` for a single cross-section.
    pub year: Option<String>,
    /// Column of the value.
    pub value: String,
    /// Optional column with the region's name (first non-empty value per region wins).
    pub region_name: Option<String>,
    /// Optional column with the activity's name (first non-empty value per activity wins).
    pub activity_name: Option<String>,
    /// Optional column with the region's country code (first non-empty value per region
    /// wins), used by [`LongTable::to_dataset`].
    pub country: Option<String>,
    /// Field delimiter.
    pub delimiter: Delimiter,
    /// Decimal separator of the value column.
    pub decimal: Decimal,
    /// Handling of repeated (region, activity, year) keys.
    pub duplicates: Duplicates,
    /// Handling of missing values.
    pub missing: Missing,
    /// Whether negative values are accepted. Employment, exports and the like cannot be
    /// negative, and the specialisation measures assume they are not; set `false` to have a
    /// negative value rejected with [`Error::Csv`]. Default `true` (the loader does not guess
    /// what the values mean).
    pub allow_negative: bool,
    /// Order of the labels.
    pub label_order: LabelOrder,
    /// Region labels whose rows are dropped (exact match after trimming), such as an
    /// "unassigned" code. Dropped rows are counted, and their values are not parsed.
    pub exclude_regions: Vec<String>,
    /// Activity labels whose rows are dropped, such as "Not stated" or a total row.
    pub exclude_activities: Vec<String>,
}

impl Default for LongCsvOptions {
    fn default() -> Self {
        Self {
            region: "region".to_owned(),
            activity: "activity".to_owned(),
            year: None,
            value: "value".to_owned(),
            region_name: None,
            activity_name: None,
            country: None,
            delimiter: Delimiter::Auto,
            decimal: Decimal::Point,
            duplicates: Duplicates::Error,
            missing: Missing::Error,
            allow_negative: true,
            label_order: LabelOrder::Sorted,
            exclude_regions: Vec::new(),
            exclude_activities: Vec::new(),
        }
    }
}

impl LongCsvOptions {
    /// Checks the options and returns them. The readers call it first.
    ///
    /// A name column may also be the label column (`region_name: Some("region")`), but the
    /// region, activity, value and year columns must differ.
    ///
    /// ```
    /// use clusterpolicy::model::csv::LongCsvOptions;
    /// let bad = LongCsvOptions { activity: "region".into(), ..LongCsvOptions::default() };
    /// assert!(matches!(bad.check(), Err(clusterpolicy::Error::InvalidParameter { ref name, .. }) if name == "activity"));
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when a column name is empty or one column is given two
    /// roles (region and activity from the same column, say).
    pub fn check(&self) -> Result<&Self> {
        let mut roles: Vec<(&str, &str)> =
            vec![("region", &self.region), ("activity", &self.activity), ("value", &self.value)];
        for (role, col) in [
            ("year", &self.year),
            ("region_name", &self.region_name),
            ("activity_name", &self.activity_name),
            ("country", &self.country),
        ] {
            if let Some(c) = col {
                roles.push((role, c));
            }
        }
        for (i, (role, col)) in roles.iter().enumerate() {
            if col.trim().is_empty() {
                return Err(Error::param(role, "the column name is empty"));
            }
            let key_role = i < 3 || *role == "year";
            if let Some((other, _)) = roles[..i].iter().find(|(_, c)| c == col)
                && key_role
            {
                return Err(Error::param(role, format!("column `{col}` is already the {other} column")));
            }
        }
        Ok(self)
    }
}

/// Counts of what [`LongTable`] did with the rows of its file.
///
/// ```
/// use clusterpolicy::model::csv::{LongCsvOptions, LongTable, Missing};
/// let text = "region,activity,value\nR1,A,1\nR1,Total,9\nR2,A,\n";
/// let opts = LongCsvOptions { missing: Missing::Skip, exclude_activities: vec!["Total".into()], ..Default::default() };
/// let s = LongTable::read(text.as_bytes(), "inline", &opts)?.summary;
/// assert_eq!((s.rows_read, s.rows_excluded, s.missing_values, s.duplicate_rows), (3, 1, 1, 0));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LongSummary {
    /// Data rows read (the header not counted).
    pub rows_read: usize,
    /// Rows dropped by `exclude_regions` / `exclude_activities`.
    pub rows_excluded: usize,
    /// Missing values met (skipped, or read as 0 or NaN, by the [`Missing`] policy).
    pub missing_values: usize,
    /// Rows merged into an earlier row with the same key (by [`Duplicates::Sum`] or
    /// [`Duplicates::First`]).
    pub duplicate_rows: usize,
}

/// A long-format table read from CSV: one [`LongRecord`] per distinct (region, activity,
/// year), plus the labels in the chosen [`LabelOrder`].
///
/// Invariants after reading: every record's labels occur in `regions` / `activities`,
/// every record's year in `years` (and all records have a year exactly when the file had a
/// year column), and keys are unique. The fields are public so that a table can be
/// filtered or built by hand; the conversions check the invariants again and answer a
/// broken one with an error, never a panic.
///
/// ```
/// use clusterpolicy::model::csv::{LongCsvOptions, LongTable};
///
/// let text = "region,activity,year,value\nR1,A,2020,1\nR1,B,2020,2\nR2,A,2021,3\n";
/// let opts = LongCsvOptions { year: Some("year".into()), ..LongCsvOptions::default() };
/// let table = LongTable::read(text.as_bytes(), "inline", &opts)?;
/// assert_eq!(table.years, [2020, 2021]);
/// let panel = table.to_panel()?;
/// assert_eq!(panel.values().dim(), (2, 2, 2)); // years x regions x activities
/// let m2020 = table.matrix_for_year(2020)?;
/// assert_eq!(m2020.dim(), (1, 2)); // only R1 has rows in 2020
/// assert_eq!(m2020.get("R1", "B"), Some(2.0));
/// # Ok::<(), clusterpolicy::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LongTable {
    /// Name of the source (file path) the table was read from.
    pub source_name: String,
    /// The records, in file order (a merged duplicate stays at its first row's place).
    pub records: Vec<LongRecord>,
    /// Region labels, in the chosen order.
    pub regions: Vec<String>,
    /// Activity labels, in the chosen order.
    pub activities: Vec<String>,
    /// Years, increasing; empty when the file had no year column.
    pub years: Vec<i32>,
    /// Region names from the `region_name` column.
    pub region_names: BTreeMap<String, String>,
    /// Activity names from the `activity_name` column.
    pub activity_names: BTreeMap<String, String>,
    /// Region country codes from the `country` column.
    pub region_countries: BTreeMap<String, String>,
    /// What happened to the rows.
    pub summary: LongSummary,
}

struct Columns {
    region: usize,
    activity: usize,
    year: Option<usize>,
    value: usize,
    region_name: Option<usize>,
    activity_name: Option<usize>,
    country: Option<usize>,
}

impl LongTable {
    /// Reads a long-format CSV from any reader.
    ///
    /// `source_name` names the input in error messages (a path, `"upload.csv"`). Rows are
    /// read in order; each gives a record keyed by (region, activity, year) whose value is
    /// the parsed value column, subject to [`Missing`], [`Duplicates`] and the exclusion
    /// lists. Labels are kept as trimmed strings.
    ///
    /// ```
    /// use clusterpolicy::model::csv::{LongCsvOptions, LongTable};
    /// let text = "\u{feff}country,product,value\r\nafg,0011,30068\r\n\"c\u{f4}te, d'ivoire\",0011, 12 \r\n";
    /// let opts = LongCsvOptions { region: "country".into(), activity: "product".into(), ..Default::default() };
    /// let t = LongTable::read(text.as_bytes(), "trade.csv", &opts)?;
    /// assert_eq!(t.activities, ["0011"]); // leading zeros kept
    /// assert_eq!(t.regions, ["afg", "c\u{f4}te, d'ivoire"]);
    /// assert_eq!(t.records[1].value, 12.0);
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for bad options (see [`LongCsvOptions::check`]);
    /// [`Error::Io`] when reading fails; [`Error::Csv`], naming the line and column, for a
    /// missing column in the header, a row with the wrong number of fields, an empty label,
    /// a value that is not a number, a year that is not an integer, a missing or negative
    /// value or a duplicate key when the options forbid them.
    ///
    /// Complexity: O(rows) expected time (hashing), plus sorting the labels.
    pub fn read(reader: impl Read, source_name: &str, options: &LongCsvOptions) -> Result<Self> {
        Self::from_source(&CsvSource::from_reader(source_name, reader)?, options)
    }

    /// Reads a long-format CSV file.
    ///
    /// ```
    /// use clusterpolicy::model::csv::{LongCsvOptions, LongTable};
    /// let err = LongTable::from_path("missing.csv", &LongCsvOptions::default()).unwrap_err();
    /// assert_eq!(err.kind(), "IoError");
    /// ```
    ///
    /// # Errors
    /// As [`LongTable::read`]; the path names the file in messages.
    pub fn from_path(path: impl AsRef<Path>, options: &LongCsvOptions) -> Result<Self> {
        Self::from_source(&CsvSource::from_path(path)?, options)
    }

    /// Reads a long-format CSV from a [`CsvSource`].
    ///
    /// ```
    /// use clusterpolicy::model::csv::{CsvSource, LongCsvOptions, LongTable};
    /// let src = CsvSource::new("inline.csv", "region,activity,value\nR1,A,1\n");
    /// assert_eq!(LongTable::from_source(&src, &LongCsvOptions::default())?.source_name, "inline.csv");
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`LongTable::read`].
    pub fn from_source(source: &CsvSource, options: &LongCsvOptions) -> Result<Self> {
        options.check()?;
        let mut file = CsvFile::open(source, options.delimiter)?;
        let cols = Columns {
            region: file.column(&options.region)?,
            activity: file.column(&options.activity)?,
            year: file.optional_column(options.year.as_deref())?,
            value: file.column(&options.value)?,
            region_name: file.optional_column(options.region_name.as_deref())?,
            activity_name: file.optional_column(options.activity_name.as_deref())?,
            country: file.optional_column(options.country.as_deref())?,
        };
        let exclude_regions: HashSet<&str> = options.exclude_regions.iter().map(|s| s.trim()).collect();
        let exclude_activities: HashSet<&str> = options.exclude_activities.iter().map(|s| s.trim()).collect();

        let mut regions = Interner::default();
        let mut activities = Interner::default();
        // (region, activity, year) -> (index into cells, first line)
        let mut keys: HashMap<(usize, usize, Option<i32>), (usize, u64)> = HashMap::new();
        let mut cells: Vec<(usize, usize, Option<i32>, f64)> = Vec::new();
        let mut table = LongTable { source_name: source.name().to_owned(), ..LongTable::default() };
        let summary = &mut table.summary;

        while let Some(row) = file.next_row()? {
            summary.rows_read += 1;
            let region = row.label(cols.region, "region label")?;
            let activity = row.label(cols.activity, "activity label")?;
            if exclude_regions.contains(region) || exclude_activities.contains(activity) {
                summary.rows_excluded += 1;
                continue;
            }
            let year = match cols.year {
                None => None,
                Some(c) => {
                    let s = row.label(c, "year")?;
                    Some(s.parse::<i32>().map_err(|_| row.error(c, format!("`{s}` is not a year (an integer)")))?)
                }
            };
            let Some(value) = read_value(&row, cols.value, options, summary)? else { continue };
            if let Some(c) = cols.region_name
                && let Some(n) = row.opt(Some(c))
            {
                table.region_names.entry(region.to_owned()).or_insert_with(|| n.to_owned());
            }
            if let Some(c) = cols.activity_name
                && let Some(n) = row.opt(Some(c))
            {
                table.activity_names.entry(activity.to_owned()).or_insert_with(|| n.to_owned());
            }
            if let Some(c) = cols.country
                && let Some(n) = row.opt(Some(c))
            {
                table.region_countries.entry(region.to_owned()).or_insert_with(|| n.to_owned());
            }
            let key = (regions.intern(region), activities.intern(activity), year);
            match keys.get(&key) {
                None => {
                    keys.insert(key, (cells.len(), row.line));
                    cells.push((key.0, key.1, year, value));
                }
                Some(&(at, first_line)) => match options.duplicates {
                    Duplicates::Error => {
                        let y = year.map(|y| format!(", year {y}")).unwrap_or_default();
                        return Err(row.row_error(format!(
                            "second row for region `{region}`, activity `{activity}`{y} (first at line {first_line}; \
                             set duplicates to sum or first)"
                        )));
                    }
                    Duplicates::Sum => {
                        summary.duplicate_rows += 1;
                        cells[at].3 += value;
                    }
                    Duplicates::First => summary.duplicate_rows += 1,
                },
            }
        }

        let years: BTreeSet<i32> = cells.iter().filter_map(|c| c.2).collect();
        table.years = years.into_iter().collect();
        table.records = cells
            .iter()
            .map(|&(r, a, year, value)| LongRecord {
                region: regions.labels[r].clone(),
                activity: activities.labels[a].clone(),
                year,
                value,
            })
            .collect();
        table.regions = ordered(regions.labels, options.label_order);
        table.activities = ordered(activities.labels, options.label_order);
        Ok(table)
    }

    /// The region x activity matrix of a table with at most one year.
    ///
    /// Cells without a row are 0 (sparse inputs such as County Business Patterns list no
    /// zeros); rows and columns follow [`LongTable::regions`] and [`LongTable::activities`].
    ///
    /// ```
    /// use clusterpolicy::model::csv::{LongCsvOptions, LongTable};
    /// let text = "region,activity,value\nR1,A,1\nR2,B,2\n";
    /// let m = LongTable::read(text.as_bytes(), "inline", &LongCsvOptions::default())?.to_matrix()?;
    /// assert_eq!(m.values(), clusterpolicy::ndarray::array![[1.0, 0.0], [0.0, 2.0]]);
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`year`) naming the years when the table holds several
    /// (use [`LongTable::matrix_for_year`]); [`Error::UnknownLabel`] /
    /// [`Error::DuplicateLabel`] when the public fields were changed so that the invariants
    /// no longer hold.
    pub fn to_matrix(&self) -> Result<LabelledMatrix> {
        if self.years.len() > 1 {
            let list = self.years.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
            return Err(Error::param(
                "year",
                format!("the table holds {} years ({list}); pick one with matrix_for_year", self.years.len()),
            ));
        }
        self.matrix_of(self.regions.clone(), self.activities.clone(), |_| true)
    }

    /// The region x activity matrix of one year.
    ///
    /// Only the regions and activities that have at least one row in that year are kept
    /// (labels need not be stable across years: Australian LGA names changed between
    /// censuses), in the table's label order; cells without a row are 0.
    ///
    /// ```
    /// use clusterpolicy::model::csv::{LongCsvOptions, LongTable};
    /// let text = "lga,industry,year,persons\nAdelaide (C),Mining,2016,5\nAdelaide,Mining,2021,7\n";
    /// let opts = LongCsvOptions {
    ///     region: "lga".into(), activity: "industry".into(), year: Some("year".into()), value: "persons".into(),
    ///     ..Default::default()
    /// };
    /// let m = LongTable::read(text.as_bytes(), "inline", &opts)?.matrix_for_year(2021)?;
    /// assert_eq!(m.rows(), ["Adelaide"]);
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownLabel`] (kind `year`) when no row has that year; as
    /// [`LongTable::to_matrix`] for broken invariants.
    pub fn matrix_for_year(&self, year: i32) -> Result<LabelledMatrix> {
        if !self.records.iter().any(|r| r.year == Some(year)) {
            return Err(Error::UnknownLabel { kind: "year".into(), id: year.to_string() });
        }
        let in_year = |f: fn(&LongRecord) -> &str| -> HashSet<&str> {
            self.records.iter().filter(|r| r.year == Some(year)).map(f).collect()
        };
        let (rs, cs) = (in_year(|r| &r.region), in_year(|r| &r.activity));
        let rows = self.regions.iter().filter(|l| rs.contains(l.as_str())).cloned().collect();
        let cols = self.activities.iter().filter(|l| cs.contains(l.as_str())).cloned().collect();
        self.matrix_of(rows, cols, |r| r.year == Some(year))
    }

    fn matrix_of(
        &self,
        rows: Vec<String>,
        cols: Vec<String>,
        keep: impl Fn(&LongRecord) -> bool,
    ) -> Result<LabelledMatrix> {
        let ri = label_index("region", &rows)?;
        let ci = label_index("activity", &cols)?;
        let mut values = Array2::<f64>::zeros((rows.len(), cols.len()));
        let mut seen = HashSet::new();
        for r in self.records.iter().filter(|r| keep(r)) {
            let i = lookup(&ri, "region", &r.region)?;
            let j = lookup(&ci, "activity", &r.activity)?;
            if !seen.insert((i, j)) {
                return Err(Error::DuplicateLabel {
                    kind: "cell".into(),
                    id: format!("{} / {}", r.region, r.activity),
                });
            }
            values[[i, j]] = r.value;
        }
        LabelledMatrix::new(rows, cols, values)
    }

    /// The years x regions x activities panel.
    ///
    /// Years increase; rows and columns are all labels of the table (the union over years),
    /// in the table's order; a cell without a row is 0. Note that a label absent in a year
    /// (a region renamed between censuses) thus shows as a row of zeros in that year.
    ///
    /// ```
    /// use clusterpolicy::model::csv::{LongCsvOptions, LongTable};
    /// let text = "region,activity,year,value\nR1,A,2021,3\nR1,A,2016,2\nR2,B,2016,1\n";
    /// let opts = LongCsvOptions { year: Some("year".into()), ..Default::default() };
    /// let p = LongTable::read(text.as_bytes(), "inline", &opts)?.to_panel()?;
    /// assert_eq!(p.years(), [2016, 2021]);
    /// assert_eq!(p.values()[[1, 0, 0]], 3.0); // 2021, R1, A
    /// assert_eq!(p.values()[[1, 1, 1]], 0.0); // R2 has no row in 2021
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`year`) when the table has no year column;
    /// [`Error::UnknownLabel`] / [`Error::DuplicateLabel`] when the public fields were
    /// changed so that the invariants no longer hold.
    pub fn to_panel(&self) -> Result<Panel> {
        if self.years.is_empty() {
            return Err(Error::param("year", "the table has no year column, so it cannot become a panel"));
        }
        let ri = label_index("region", &self.regions)?;
        let ci = label_index("activity", &self.activities)?;
        let yi: HashMap<i32, usize> = self.years.iter().enumerate().map(|(t, &y)| (y, t)).collect();
        let mut values = Array3::<f64>::zeros((self.years.len(), self.regions.len(), self.activities.len()));
        let mut seen = HashSet::new();
        for r in &self.records {
            let i = lookup(&ri, "region", &r.region)?;
            let j = lookup(&ci, "activity", &r.activity)?;
            let year = r.year.ok_or_else(|| Error::UnknownLabel { kind: "year".into(), id: "(none)".into() })?;
            let t = *yi.get(&year).ok_or_else(|| Error::UnknownLabel { kind: "year".into(), id: year.to_string() })?;
            if !seen.insert((t, i, j)) {
                return Err(Error::DuplicateLabel {
                    kind: "cell".into(),
                    id: format!("{} / {} / {year}", r.region, r.activity),
                });
            }
            values[[t, i, j]] = r.value;
        }
        Panel::new(self.years.clone(), self.regions.clone(), self.activities.clone(), values)
    }

    /// The records as [`Observation`]s of `indicator`: subject the region, activity the
    /// activity, year the record's year or else `default_year`. Order as [`LongTable::records`].
    ///
    /// ```
    /// use clusterpolicy::model::csv::{LongCsvOptions, LongTable};
    /// let t = LongTable::read("region,activity,value\nR1,A,5\n".as_bytes(), "inline", &LongCsvOptions::default())?;
    /// let obs = t.to_observations("employment", Some(2019))?;
    /// assert_eq!((obs[0].subject.id.as_str(), obs[0].activity.as_deref(), obs[0].year), ("R1", Some("A"), 2019));
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] (`default_year`) when a record has no year and no default
    /// is given.
    pub fn to_observations(&self, indicator: &str, default_year: Option<i32>) -> Result<Vec<Observation>> {
        self.records
            .iter()
            .map(|r| {
                let year = r.year.or(default_year).ok_or_else(|| {
                    Error::param("default_year", "the table has no year column: give the year of its values")
                })?;
                Ok(Observation::new(indicator, SubjectRef::region(r.region.clone()), year, r.value)
                    .with_activity(r.activity.clone()))
            })
            .collect()
    }

    /// A [`Dataset`] holding the table: one [`Region`] per region label (named from the
    /// `region_name` column, else the label; country from the `country` column, else
    /// `params.country`), one [`Activity`] per activity label (named likewise, with
    /// `params.classification`), the indicator, and one observation per record.
    ///
    /// The dataset is returned as built; call [`Dataset::validate`] to check it (country codes,
    /// NaN values read with [`Missing::Nan`]).
    ///
    /// ```
    /// use clusterpolicy::model::Classification;
    /// use clusterpolicy::model::csv::{LongCsvOptions, LongDatasetParams, LongTable};
    ///
    /// let text = "nuts,nace,persons\nSI04,C29,1200\nSI04,J62,800\nSI03,C29,3100\n";
    /// let opts = LongCsvOptions { region: "nuts".into(), activity: "nace".into(), value: "persons".into(), ..Default::default() };
    /// let table = LongTable::read(text.as_bytes(), "inline", &opts)?;
    /// let params = LongDatasetParams {
    ///     country: Some("SI".into()),
    ///     year: Some(2022),
    ///     classification: Classification::NaceRev2,
    ///     ..LongDatasetParams::default()
    /// };
    /// let ds = table.to_dataset(&params)?;
    /// assert_eq!((ds.regions.len(), ds.activities.len(), ds.observations.len()), (2, 2, 3));
    /// assert!(ds.validate().is_valid());
    /// # Ok::<(), clusterpolicy::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for bad parameters (see [`LongDatasetParams::check`]), when
    /// a region has no country (no `country` column value and no `params.country`), or when
    /// records have no year and `params.year` is `None`.
    pub fn to_dataset(&self, params: &LongDatasetParams) -> Result<Dataset> {
        params.check()?;
        let mut ds = Dataset::new(params.name.clone());
        ds.description = Some(format!("imported from {}", self.source_name));
        for r in &self.regions {
            let country = self.region_countries.get(r).or(params.country.as_ref()).ok_or_else(|| {
                Error::param("country", format!("region `{r}` has no country: give a country column or a country code"))
            })?;
            let name = self.region_names.get(r).unwrap_or(r);
            ds.regions.push(Region::new(r.clone(), name.clone(), country.clone()));
        }
        for a in &self.activities {
            let name = self.activity_names.get(a).unwrap_or(a);
            ds.activities.push(Activity::new(a.clone(), name.clone(), params.classification));
        }
        ds.indicators.push(params.indicator.clone());
        ds.observations = self.to_observations(&params.indicator.id, params.year)?;
        Ok(ds)
    }
}

/// Parameters of [`LongTable::to_dataset`].
///
/// Default: name `imported`, indicator `value` (unit empty, more is better), classification
/// [`Classification::UserDefined`], no country, no year.
///
/// ```
/// use clusterpolicy::model::csv::LongDatasetParams;
/// use clusterpolicy::model::{Classification, Direction, Indicator};
/// let params = LongDatasetParams {
///     name: "US metro employment".into(),
///     indicator: Indicator::new("employment", "Mid-March employees", "persons", Direction::Increase),
///     classification: Classification::Naics,
///     country: Some("US".into()),
///     year: Some(2019),
/// };
/// assert!(params.check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct LongDatasetParams {
    /// Name of the dataset.
    pub name: String,
    /// The indicator the values measure; its id is the observations' indicator.
    pub indicator: Indicator,
    /// The classification of the activity codes.
    pub classification: Classification,
    /// Country code of every region that has none from a `country` column.
    pub country: Option<String>,
    /// Year of the values when the table has no year column.
    pub year: Option<i32>,
}

impl Default for LongDatasetParams {
    fn default() -> Self {
        Self {
            name: "imported".to_owned(),
            indicator: Indicator::new("value", "Value", "", Direction::Increase),
            classification: Classification::UserDefined,
            country: None,
            year: None,
        }
    }
}

impl LongDatasetParams {
    /// Checks the parameters and returns them.
    ///
    /// ```
    /// use clusterpolicy::model::csv::LongDatasetParams;
    /// let bad = LongDatasetParams { country: Some(" ".into()), ..Default::default() };
    /// assert!(bad.check().is_err());
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when the indicator id or the given country code is empty.
    pub fn check(&self) -> Result<&Self> {
        if self.indicator.id.trim().is_empty() {
            return Err(Error::param("indicator", "the indicator id is empty"));
        }
        if self.country.as_deref().is_some_and(|c| c.trim().is_empty()) {
            return Err(Error::param("country", "the country code is empty"));
        }
        Ok(self)
    }
}

/// The value of a row; `None` when a missing value is skipped.
fn read_value(row: &Row<'_>, col: usize, options: &LongCsvOptions, summary: &mut LongSummary) -> Result<Option<f64>> {
    if let Some(v) = row.number(col, options.decimal)? {
        if v < 0.0 && !options.allow_negative {
            return Err(row.error(col, format!("negative value {v} (allow_negative is false)")));
        }
        return Ok(Some(v));
    }
    summary.missing_values += 1;
    match options.missing {
        Missing::Error => {
            let shown = row.get(col);
            let what = if shown.is_empty() { "empty value".to_owned() } else { format!("missing value `{shown}`") };
            Err(row.error(col, format!("{what} (set missing to skip, zero or nan)")))
        }
        Missing::Skip => Ok(None),
        Missing::Zero => Ok(Some(0.0)),
        Missing::Nan => Ok(Some(f64::NAN)),
    }
}

fn ordered(mut labels: Vec<String>, order: LabelOrder) -> Vec<String> {
    match order {
        LabelOrder::FirstSeen => {}
        LabelOrder::Sorted => labels.sort_unstable(),
        LabelOrder::Natural => labels.sort_unstable_by(|a, b| natural_cmp(a, b)),
    }
    labels
}

/// Natural order: digit runs by numeric value, other runs by bytes; ties by bytes.
fn natural_cmp(a: &str, b: &str) -> Ordering {
    fn runs(s: &str) -> impl Iterator<Item = (bool, &str)> {
        let bytes = s.as_bytes();
        let mut i = 0;
        std::iter::from_fn(move || {
            if i >= bytes.len() {
                return None;
            }
            let digit = bytes[i].is_ascii_digit();
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() == digit {
                i += 1;
            }
            // Digit runs are ASCII, so both ends are char boundaries; other runs end at a
            // digit or the end, also boundaries.
            Some((digit, s.get(start..i).unwrap_or("")))
        })
    }
    let mut ra = runs(a);
    let mut rb = runs(b);
    loop {
        match (ra.next(), rb.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some((da, x)), Some((db, y))) => {
                let ord = if da && db {
                    let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                    x.len().cmp(&y.len()).then_with(|| x.cmp(y))
                } else {
                    x.cmp(y)
                };
                if ord != Ordering::Equal {
                    return ord;
                }
            }
        }
    }
}

fn label_index(kind: &str, labels: &[String]) -> Result<HashMap<String, usize>> {
    let mut m = HashMap::with_capacity(labels.len());
    for (i, l) in labels.iter().enumerate() {
        if m.insert(l.clone(), i).is_some() {
            return Err(Error::DuplicateLabel { kind: kind.to_owned(), id: l.clone() });
        }
    }
    Ok(m)
}

fn lookup(index: &HashMap<String, usize>, kind: &str, label: &str) -> Result<usize> {
    index.get(label).copied().ok_or_else(|| Error::UnknownLabel { kind: kind.to_owned(), id: label.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order() {
        let mut v: Vec<String> =
            ["10", "2", "C10", "C9", "01", "1", "b", "a"].iter().map(|s| (*s).to_owned()).collect();
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(v, ["01", "1", "2", "10", "C9", "C10", "a", "b"]);
    }
}
