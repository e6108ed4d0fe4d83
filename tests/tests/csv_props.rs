//! Property tests of the CSV loaders: no input makes them panic, and a matrix written as a
//! long-format CSV reads back unchanged.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use clusterpolicy::model::csv::{
    CsvSource, Decimal, Delimiter, LongCsvOptions, LongTable, Missing, PartnershipSpec, Partnerships,
};
use proptest::prelude::*;

fn exercise_long(bytes: &[u8], options: &LongCsvOptions) {
    if let Ok(t) = LongTable::read(bytes, "fuzz.csv", options) {
        let _ = t.to_matrix();
        let _ = t.to_panel();
        let _ = t.to_observations("x", Some(2020));
        for &y in &t.years {
            let _ = t.matrix_for_year(y);
        }
        let _ = t.to_dataset(&clusterpolicy::model::csv::LongDatasetParams {
            country: Some("SI".into()),
            year: Some(2020),
            ..Default::default()
        });
    }
}

fn exercise_partnerships(a: &[u8], b: &[u8], c: &[u8]) {
    let (a, b, c) = (CsvSource::new("a", a), CsvSource::new("b", b), CsvSource::new("c", c));
    for spec in [PartnershipSpec::default(), PartnershipSpec::cordis_flat()] {
        if let Ok(p) = Partnerships::read(&spec, &a, None, None) {
            let _ = p.into_dataset("fuzz").validate();
        }
    }
    if let Ok(p) = Partnerships::read(&PartnershipSpec::cordis_h2020_sod(), &a, Some(&b), Some(&c)) {
        let _ = p.into_dataset("fuzz").validate();
    }
    if let Ok(p) = Partnerships::read(&PartnershipSpec::cordis_fp7_sod(), &a, Some(&b), None) {
        let _ = p.into_dataset("fuzz").validate();
    }
}

fn year_options() -> LongCsvOptions {
    LongCsvOptions {
        year: Some("year".into()),
        missing: Missing::Nan,
        duplicates: clusterpolicy::model::csv::Duplicates::Sum,
        ..LongCsvOptions::default()
    }
}

/// CSV-like text: mostly delimiters, quotes, line ends, digits and a few letters.
const CSVISH: &str = "[a-cA-C0-9,;\t\"\r\n .eE+-]{0,160}";

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        exercise_long(&bytes, &LongCsvOptions::default());
        exercise_long(&bytes, &year_options());
        exercise_partnerships(&bytes, &bytes, &bytes);
    }

    #[test]
    fn csv_like_text_never_panics(body in CSVISH, body2 in CSVISH) {
        let long = format!("region,activity,year,value\n{body}");
        exercise_long(long.as_bytes(), &LongCsvOptions::default());
        exercise_long(long.as_bytes(), &year_options());
        exercise_long(long.as_bytes(), &LongCsvOptions { decimal: Decimal::Comma, ..year_options() });
        let flat = format!(
            "projectID;projectAcronym;organisationID;name;shortName;SME;activityType;country;nutsCode;role;\
             ecContribution;totalCost\n{body}"
        );
        let orgs = format!("new_org_id\tname\tshortName\tcountry\ttotContribution\n{body2}");
        exercise_partnerships(flat.as_bytes(), orgs.as_bytes(), body2.as_bytes());
        let edges = format!("project,organisation\n{body}");
        exercise_partnerships(edges.as_bytes(), body2.as_bytes(), body.as_bytes());
    }

    #[test]
    fn long_csv_round_trip(
        cells in proptest::collection::btree_map(("[A-Z]([a-z,; \"]{0,3}[a-z])?", "[0-9]{1,4}"), -1.0e12f64..1.0e12, 1..40),
        delimiter in prop_oneof![Just(Delimiter::Comma), Just(Delimiter::Semicolon), Just(Delimiter::Tab)],
        crlf in any::<bool>(),
    ) {
        let (sep, name) = match delimiter {
            Delimiter::Semicolon => (';', "semicolon"),
            Delimiter::Tab => ('\t', "tab"),
            _ => (',', "comma"),
        };
        let end = if crlf { "\r\n" } else { "\n" };
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let mut text = format!("\u{feff}region{sep}activity{sep}value{end}");
        for ((r, a), v) in &cells {
            write!(text, "{}{sep}{}{sep} {v} {end}", quote(r), a).unwrap();
        }
        let options = LongCsvOptions { delimiter, ..LongCsvOptions::default() };
        let t = LongTable::read(text.as_bytes(), name, &options).unwrap();
        let m = t.to_matrix().unwrap();
        let mut expected: BTreeMap<(&str, &str), f64> = BTreeMap::new();
        for ((r, a), v) in &cells {
            // Labels are trimmed when read.
            expected.insert((r.trim(), a.as_str()), *v);
        }
        let mut filled = 0;
        for (i, r) in m.rows().iter().enumerate() {
            for (j, a) in m.cols().iter().enumerate() {
                let want = expected.get(&(r.as_str(), a.as_str()));
                filled += usize::from(want.is_some());
                prop_assert_eq!(m.values()[[i, j]], want.copied().unwrap_or(0.0));
            }
        }
        prop_assert_eq!(filled, expected.len());
        prop_assert!(m.rows().windows(2).all(|w| w[0] < w[1]), "labels are sorted");
    }
}
