//! The CSV loaders on the real data sets of `../shared/data` (see each folder's
//! `PROVENANCE.md` for the source and the checked facts asserted here).
//!
//! Each test returns early, after a printed notice, when the folder is absent (a user's
//! clone); with `CI=true` an absent folder fails (see [`clusterpolicy_tests::shared_data`]).
//! No shared file, and no slice of one, is copied into the repository.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use clusterpolicy::Error;
use clusterpolicy::model::csv::{
    CsvSource, Duplicates, LabelOrder, LongCsvOptions, LongDatasetParams, LongTable, Missing, PartnershipSpec,
    Partnerships,
};
use clusterpolicy::model::{Classification, PartnerRole, ProblemKind, Severity};
use clusterpolicy_tests::shared_data;

fn file(dir: &Path, rel: &str) -> PathBuf {
    let p = dir.join(rel);
    assert!(p.is_file(), "{} is missing from the shared data", p.display());
    p
}

fn long(region: &str, activity: &str, year: Option<&str>, value: &str) -> LongCsvOptions {
    LongCsvOptions {
        region: region.into(),
        activity: activity.into(),
        year: year.map(Into::into),
        value: value.into(),
        ..LongCsvOptions::default()
    }
}

fn total(m: &clusterpolicy::model::LabelledMatrix) -> f64 {
    m.values().sum()
}

#[test]
fn australian_census_panel() {
    let Some(dir) = shared_data() else { return };
    let path = file(&dir, "australia-lga-anzsic19-census/employment_lga_pow_industry.csv");
    let opts = long("lga_pow", "industry", Some("year"), "employment");
    let t = LongTable::from_path(&path, &opts).unwrap();
    assert_eq!(t.summary.rows_read, 37_312);
    assert_eq!(t.records.len(), 37_312);
    assert_eq!(t.years, [2011, 2016, 2021]);
    // LGA names are not stable across censuses: 586 + 554 + 556 names, 1,174 distinct.
    assert_eq!(t.regions.len(), 1_174);
    // 19 ANZSIC divisions + "Inadequately described", "Not stated", "Not applicable".
    assert_eq!(t.activities.len(), 22);
    let max = t.records.iter().map(|r| r.value).fold(f64::NEG_INFINITY, f64::max);
    assert_eq!(max, 122_983.0);

    let expected = [(2011, 586, 9_563_253.0), (2016, 554, 10_128_033.0), (2021, 556, 11_420_655.0)];
    for (year, lgas, sum) in expected {
        let m = t.matrix_for_year(year).unwrap();
        assert_eq!(m.dim(), (lgas, 22), "year {year}");
        assert_eq!(total(&m), sum, "year {year}");
    }
    let panel = t.to_panel().unwrap();
    assert_eq!(panel.values().dim(), (3, 1_174, 22));
    assert_eq!(panel.years(), [2011, 2016, 2021]);
    // Several years: to_matrix refuses and names them.
    let err = t.to_matrix().unwrap_err();
    assert!(matches!(&err, Error::InvalidParameter { name, .. } if name == "year"));
    assert!(err.to_string().contains("2011, 2016, 2021"), "{err}");

    // The EconGeo input matrix of PROVENANCE: 2021, the 19 real divisions, LGAs with a
    // non-zero total -> 554 x 19 (the two "Migratory - Offshore - Shipping" LGAs are all zero).
    let opts19 = LongCsvOptions {
        exclude_activities: vec!["Inadequately described".into(), "Not stated".into(), "Not applicable".into()],
        ..opts
    };
    let t19 = LongTable::from_path(&path, &opts19).unwrap();
    let m = t19.matrix_for_year(2021).unwrap();
    assert_eq!(m.dim(), (556, 19));
    let nonzero = m.values().rows().into_iter().filter(|r| r.sum() > 0.0).count();
    assert_eq!(nonzero, 554);

    let state = LongTable::from_path(
        file(&dir, "australia-lga-anzsic19-census/employment_state_pow_industry_2021.csv"),
        &long("state_pow", "industry", Some("year"), "employment"),
    )
    .unwrap();
    let m = state.to_matrix().unwrap();
    assert_eq!(m.dim(), (9, 22));
    assert_eq!(total(&m), 12_049_224.0);
}

#[test]
fn us_county_business_patterns() {
    let Some(dir) = shared_data() else { return };
    let cases = [
        ("cbp2019_cbsa_naics3.csv", 54_143, 86, 9, 121_502_588.0),
        ("cbp2019_cbsa_naics4.csv", 118_467, 288, 21, 119_389_568.0),
    ];
    for (name, rows, naics, zeros, sum) in cases {
        let path = file(&dir, &format!("us-cbsa-naics-cbp-2019/{name}"));
        let t = LongTable::from_path(&path, &long("cbsa_code", "naics_code", None, "emp")).unwrap();
        assert_eq!(t.summary.rows_read, rows, "{name}");
        // Sparse rows, no explicit zeros, but some `emp == 0` rows with establishments.
        assert_eq!(t.records.iter().filter(|r| r.value == 0.0).count(), zeros, "{name}");
        let m = t.to_matrix().unwrap();
        assert_eq!(m.dim(), (933, naics), "{name}");
        assert_eq!(total(&m), sum, "{name}");
        assert_eq!(m.rows()[0], "10100");
        let filled = m.values().iter().filter(|v| **v != 0.0).count();
        assert_eq!(filled, rows - zeros, "{name}: absent cells are 0");
    }
}

#[test]
fn world_trade_keeps_leading_zeros() {
    let Some(dir) = shared_data() else { return };
    let path = file(&dir, "world-trade-sitc4-1998-2000/trade.csv");
    let t = LongTable::from_path(&path, &long("country", "product", None, "value")).unwrap();
    assert_eq!(t.summary.rows_read, 124_336);
    let m = t.to_matrix().unwrap();
    assert_eq!(m.dim(), (226, 785));
    assert_eq!(&m.cols()[..3], ["0011", "0012", "0013"]);
    assert_eq!(m.get("afg", "0011"), Some(30_068.0));
    assert_eq!(t.records.iter().filter(|r| r.activity.starts_with('0')).count(), 14_737);
    assert_eq!(total(&m), 119_740_265_088.0);
}

/// Balassa RCA of one column, the slow obvious way.
fn rca_column(m: &clusterpolicy::model::LabelledMatrix, col: &str) -> Vec<f64> {
    let v = m.values();
    let j = m.col_index(col).unwrap();
    let world: f64 = v.sum();
    let product: f64 = v.column(j).sum();
    v.rows().into_iter().map(|r| (r[j] / r.sum()) / (product / world)).collect()
}

#[test]
fn spain_subnational_and_global_exports() {
    let Some(dir) = shared_data() else { return };
    let base = "spain-provinces-hs-sections-2022";
    let subnat = LongCsvOptions {
        region_name: Some("Subnat Geography".into()),
        activity_name: Some("Section".into()),
        label_order: LabelOrder::Natural,
        ..long("Subnat Geography ID", "Section ID", None, "Trade Value")
    };
    let t = LongTable::from_path(file(&dir, &format!("{base}/subnat_exports.csv")), &subnat).unwrap();
    assert_eq!(t.summary.rows_read, 1_148);
    let m = t.to_matrix().unwrap();
    assert_eq!(m.dim(), (53, 22)); // missing cells are 0
    assert_eq!(m.cols()[..3], ["1", "2", "3"]);
    assert_eq!(m.cols()[21], "22");
    assert_eq!(t.region_names["1"], "Álava");
    assert_eq!(t.region_names["99"], "Sin provincia asignada");
    let params = LongDatasetParams {
        name: "spain".into(),
        country: Some("ES".into()),
        year: Some(2022),
        classification: Classification::Hs,
        ..LongDatasetParams::default()
    };
    let ds = t.to_dataset(&params).unwrap();
    assert_eq!((ds.regions.len(), ds.activities.len(), ds.observations.len()), (53, 22, 1_148));
    assert_eq!(ds.regions[0].name, "Álava");
    assert!(ds.validate().problems.is_empty(), "{:?}", ds.validate().problems.first());

    let global = long("Country ID", "Section ID", None, "Trade Value");
    let g = LongTable::from_path(file(&dir, &format!("{base}/global_exports.csv")), &global).unwrap();
    assert_eq!(g.summary.rows_read, 4_695);
    assert_eq!(g.to_matrix().unwrap().dim(), (226, 21));

    // UTF-8 with BOM; the BOM sits before the first header, which is the value column.
    let fixture = LongCsvOptions {
        duplicates: Duplicates::Sum,
        ..long("Exporter Country ID", "Section ID", None, "Trade Value")
    };
    let f = LongTable::from_path(file(&dir, &format!("{base}/fixture_exports.csv")), &fixture).unwrap();
    assert_eq!(f.summary.rows_read, 4_634);
    let m = f.to_matrix().unwrap();
    assert_eq!(m.dim(), (226, 21));
    // The values published in Datawheel's tests/test_rca.py (pivot with aggfunc=sum, then
    // rca): mean and max of RCA in sections 1 and 9, given to 6 decimals.
    for (section, mean, max) in [("1", 3.484_895, 47.724_923), ("9", 1.959_028, 75.963_223)] {
        let rca = rca_column(&m, section);
        assert_eq!(rca.len(), 226);
        let got_mean = rca.iter().sum::<f64>() / rca.len() as f64;
        let got_max = rca.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert!((got_mean - mean).abs() < 5e-7, "section {section}: mean {got_mean}");
        assert!((got_max - max).abs() < 5e-7, "section {section}: max {got_max}");
    }
}

fn consortium_sizes(p: &Partnerships) -> Vec<usize> {
    p.projects.iter().map(|x| x.partners.len()).collect()
}

fn transnational(p: &Partnerships) -> usize {
    let country: HashMap<&str, &str> = p.actors.iter().map(|a| (a.id.as_str(), a.country.as_str())).collect();
    p.projects
        .iter()
        .filter(|x| x.partners.iter().map(|pa| country[pa.actor.as_str()]).collect::<HashSet<_>>().len() >= 2)
        .count()
}

#[test]
fn cordis_fp7() {
    let Some(dir) = shared_data() else { return };
    let edges = file(&dir, "cordis-fp7-sod16/fp7_project_org_edges.tsv");
    let orgs = file(&dir, "cordis-fp7-sod16/fp7_orgs_nuts.tsv");
    let start = Instant::now();
    let p = Partnerships::from_paths(&PartnershipSpec::cordis_fp7_sod(), &edges, Some(&orgs), None).unwrap();
    println!("FP7 import (135,670 edges, 31,055 organisation rows): {:?}", start.elapsed());

    let s = &p.summary;
    assert_eq!(s.participation_rows, 135_670);
    assert_eq!(s.duplicate_participations, 3);
    assert_eq!(s.participations, 135_667);
    assert_eq!(s.organisation_rows, 31_055);
    assert_eq!(s.duplicate_organisation_rows, 82);
    assert_eq!((s.unknown_organisations, s.unknown_projects, s.participations_with_unknown_reference), (0, 0, 0));
    assert_eq!(p.projects.len(), 25_788);
    assert_eq!(p.actors.len(), 30_973);
    let sizes = consortium_sizes(&p);
    assert_eq!(sizes.iter().filter(|&&n| n >= 2).count(), 12_226);
    assert_eq!(sizes.iter().max(), Some(&160));
    assert_eq!(transnational(&p), 11_335);
    // No roles and no projects file: every participation is a partner, no project has a lead.
    assert_eq!(s.projects_without_lead, 25_788);
    assert!(p.projects.iter().flat_map(|x| &x.partners).all(|pa| pa.role == PartnerRole::Partner));

    // NUTS: 63,934 of the 135,670 edges (PROVENANCE) belong to organisations with a code;
    // the 3 duplicate edges are among them (all three name one organisation in `BW`), so
    // 63,931 of the kept participations. 776 distinct codes give 1,150 regions with their
    // ancestors.
    let has_region: HashSet<&str> = p.actors.iter().filter(|a| a.region.is_some()).map(|a| a.id.as_str()).collect();
    let with_region = p.projects.iter().flat_map(|x| &x.partners).filter(|pa| has_region.contains(pa.actor.as_str()));
    assert_eq!(with_region.count(), 63_931);
    assert_eq!(p.regions.len(), 1_150);
    let el = p.regions.iter().find(|r| r.id == "EL30").unwrap();
    assert_eq!((el.country.as_str(), el.level, el.parent.as_deref()), ("EL", Some(2), Some("EL3")));

    // Countries: 173 codes plus the empty one (PROVENANCE counts 174). 42 organisations have
    // no country; one of them has the NUTS code `UKI`, so it gets `UK`; 41 stay empty.
    let countries: BTreeSet<&str> = p.actors.iter().map(|a| a.country.as_str()).collect();
    assert_eq!(countries.len(), 174);
    assert!(countries.contains("GR") && countries.contains("UK") && countries.contains(""));
    assert_eq!((s.countries_from_region_code, s.actors_without_country), (1, 41));

    // Validation keeps the data and reports exactly those 41 empty country codes (FP7's
    // CORDIS data leaves the country of some organisations, e.g. in Skopje, empty).
    let ds = p.into_dataset("fp7");
    assert_eq!(ds.programmes[0].id, "FP7");
    let report = ds.validate();
    assert_eq!(
        report.problems.len(),
        41,
        "{:?}",
        report.problems.iter().find(|x| x.kind != ProblemKind::UnknownCountryCode)
    );
    for problem in &report.problems {
        assert_eq!((problem.kind, problem.severity), (ProblemKind::UnknownCountryCode, Severity::Error));
        let i: usize =
            problem.path.strip_prefix("actors[").and_then(|r| r.strip_suffix("].country")).unwrap().parse().unwrap();
        assert_eq!(ds.actors[i].country, "");
    }
}

#[test]
fn cordis_h2020() {
    let Some(dir) = shared_data() else { return };
    let edges = file(&dir, "cordis-h2020-sod16/edges.csv");
    let orgs = file(&dir, "cordis-h2020-sod16/unique_org.csv");
    let projects = file(&dir, "cordis-h2020-sod16/projects.csv");
    let start = Instant::now();
    let p =
        Partnerships::from_paths(&PartnershipSpec::cordis_h2020_sod(), &edges, Some(&orgs), Some(&projects)).unwrap();
    println!("H2020 import (31,868 edges, 12,326 organisations, 7,574 projects): {:?}", start.elapsed());

    let s = &p.summary;
    assert_eq!((s.participation_rows, s.organisation_rows, s.project_rows), (31_868, 12_326, 7_574));
    assert_eq!((s.duplicate_participations, s.duplicate_organisation_rows, s.duplicate_project_rows), (0, 0, 0));
    assert_eq!((s.unknown_organisations, s.unknown_projects, s.participations_with_unknown_reference), (0, 0, 0));
    assert_eq!(s.participations, 31_868);
    // Every projectRcn of the edges exists in projects.csv, and every project has an edge.
    assert_eq!(p.projects.len(), 7_574);
    assert_eq!(p.actors.len(), 12_326);
    let sizes = consortium_sizes(&p);
    assert_eq!(sizes.iter().filter(|&&n| n == 1).count(), 4_724);
    assert_eq!(sizes.iter().filter(|&&n| n >= 2).count(), 2_850);
    assert_eq!(sizes.iter().max(), Some(&153));
    assert_eq!(transnational(&p), 2_550);
    let countries: BTreeSet<&str> = p.actors.iter().map(|a| a.country.as_str()).collect();
    assert_eq!(countries.len(), 118);
    assert!(countries.contains("EL") && countries.contains("UK"));

    // Coordinators (name + country in projects.csv): 7,517 exact matches; 54 after
    // normalising the name (unique_org.csv has U+FFFD where projects.csv has accented
    // letters, and punctuation differs); 1 single-partner project (`LONDON SOUTH BANK
    // UNIVERSITY` vs `... LBG`); 2 unmatched (`TRUST-IT SERVICES LTD` vs `... LIMITED`).
    assert_eq!(s.coordinators_by_role, 0);
    assert_eq!(
        (s.coordinators_by_name, s.coordinators_by_normalised_name, s.coordinators_as_sole_participant),
        (7_517, 54, 1)
    );
    let unmatched: Vec<(&str, &str)> =
        s.unmatched_coordinators.iter().map(|u| (u.project.as_str(), u.name.as_str())).collect();
    assert_eq!(unmatched, [("196621", "TRUST-IT SERVICES LTD"), ("196626", "TRUST-IT SERVICES LTD")]);
    assert_eq!(s.projects_without_lead, 2);
    for x in &p.projects {
        let leads = x.partners.iter().filter(|pa| pa.role == PartnerRole::Lead).count();
        assert!(leads <= 1);
        assert_eq!(leads == 1, x.partners[0].role == PartnerRole::Lead, "the lead comes first");
    }

    // Numbers with decimal commas, dates, the quoted coordinator name.
    let first = &p.projects[0];
    assert_eq!((first.id.as_str(), first.title.as_str()), ("193157", "ERC-EuropePMC-1-2014"));
    assert_eq!(first.budget, Some(230_000.0));
    assert_eq!(first.start.map(|d| d.to_string()).as_deref(), Some("2014-01-01"));
    assert_eq!(first.attributes["fundingScheme"], "CSA");
    assert_eq!(first.programme.as_deref(), Some("H2020"));
    let demokritos = p.projects.iter().find(|x| x.id == "193216").unwrap();
    let lead = p.actors.iter().find(|a| a.id == demokritos.partners[0].actor).unwrap();
    assert_eq!(lead.name, "NATIONAL CENTER FOR SCIENTIFIC RESEARCH \"DEMOKRITOS\"");

    let ds = p.into_dataset("h2020");
    let report = ds.validate();
    assert!(report.problems.is_empty(), "{:?}", report.problems.first());
}

#[test]
fn malformed_rows_name_line_and_column() {
    fn csv_error(e: Error) -> (u64, Option<String>, String) {
        match e {
            Error::Csv { source_name, line, column, message } => {
                assert_eq!(source_name, "bad.csv");
                (line, column, message)
            }
            other => panic!("expected a CSV error, got {other:?}"),
        }
    }
    let opts = LongCsvOptions { year: Some("year".into()), ..LongCsvOptions::default() };
    let read = |text: &str| LongTable::read(text.as_bytes(), "bad.csv", &opts).map(|_| ()).map_err(csv_error);

    let (line, column, message) = read("region,activity,year,value\nR1,A,2020,1\nR1,B,2020\n").unwrap_err();
    assert_eq!((line, column.as_deref()), (3, Some("value")));
    assert!(message.contains("3 fields"), "{message}");
    let (line, column, _) = read("region,activity,year,value\r\nR1,A,2020,1\r\nR1,B,2020,1,2\r\n").unwrap_err();
    assert_eq!((line, column), (3, None));
    let (line, column, message) = read("region,activity,year,value\nR1,A,2020,1\n\"R 2\",B,2020,1.2.3\n").unwrap_err();
    assert_eq!((line, column.as_deref()), (3, Some("value")));
    assert!(message.contains("1.2.3"), "{message}");
    let (line, column, _) = read("region,activity,year,value\nR1,A,20x0,1\n").unwrap_err();
    assert_eq!((line, column.as_deref()), (2, Some("year")));
    let (line, column, _) = read("region,activity,value\nR1,A,1\n").unwrap_err();
    assert_eq!((line, column.as_deref()), (1, Some("year")));
    let (line, column, _) = read("region,activity,year,value\nR1,,2020,1\n").unwrap_err();
    assert_eq!((line, column.as_deref()), (2, Some("activity")));
    let (line, _, message) = read("region,activity,year,value\nR1,A,2020,1\nR1,A,2020,2\n").unwrap_err();
    assert_eq!(line, 3);
    assert!(message.contains("first at line 2"), "{message}");
    let (line, column, _) = read("region,activity,year,value\nR1,A,2020,NA\n").unwrap_err();
    assert_eq!((line, column.as_deref()), (2, Some("value")));
    // A quoted field spanning two lines: the error is on the line where the row starts.
    let (line, column, _) = read("region,activity,year,value\n\"R\n1\",A,2020,1\nR2,A,2020,x\n").unwrap_err();
    assert_eq!((line, column.as_deref()), (4, Some("value")));
    let (line, column, _) = read("region,activity,year,value\nR1,A,2020,\u{FF}\n").unwrap_err();
    assert_eq!((line, column.as_deref()), (2, Some("value")));
    let bytes = b"region,activity,year,value\nR1,A,2020,\xFF\n";
    let (line, column, message) = LongTable::read(&bytes[..], "bad.csv", &opts).map_err(csv_error).unwrap_err();
    assert_eq!((line, column.as_deref()), (2, Some("value")));
    assert!(message.contains("UTF-8"), "{message}");
    let (line, _, _) = read("").unwrap_err();
    assert_eq!(line, 1);

    // The same for partnership lists.
    let spec = PartnershipSpec::cordis_flat();
    let head = "projectID;projectAcronym;organisationID;name;shortName;SME;activityType;country;nutsCode;role;\
                ecContribution;totalCost\n";
    let partners = |rows: &str| {
        Partnerships::read(&spec, &CsvSource::new("bad.csv", format!("{head}{rows}")), None, None)
            .map(|_| ())
            .map_err(csv_error)
    };
    let (line, column, message) = partners("1;A;9;Org;;;PRC;DE;DE3;boss;1;1\n").unwrap_err();
    assert_eq!((line, column.as_deref()), (2, Some("role")));
    assert!(message.contains("`coordinator`"), "{message}");
    let (line, column, _) = partners("1;A;9;Org;;;PRC;DE;DE3;participant;1.5;1\n").unwrap_err();
    assert_eq!((line, column.as_deref()), (2, Some("ecContribution")));
    let (line, column, _) = partners("1;A;9;Org;;;PRC;DE;Berlin;participant;1;1\n").unwrap_err();
    assert_eq!((line, column.as_deref()), (2, Some("nutsCode")));
    let (line, column, _) = partners("1;A;9;Org;;;PRC;DE;DE3;participant;1;1\n;A;9;Org;;;PRC;DE;DE3;;;\n").unwrap_err();
    assert_eq!((line, column.as_deref()), (3, Some("projectID")));
    let dates = PartnershipSpec {
        participations: clusterpolicy::model::csv::ParticipationColumns {
            start: Some("start".into()),
            ..Default::default()
        },
        ..PartnershipSpec::default()
    };
    let err = Partnerships::read(
        &dates,
        &CsvSource::new("bad.csv", "project,organisation,start\nP,O,01/02/2020\n"),
        None,
        None,
    )
    .map_err(csv_error)
    .unwrap_err();
    assert_eq!((err.0, err.1.as_deref()), (2, Some("start")));
}

#[test]
fn missing_values_policies() {
    let text = "region,activity,value\nR1,A,1\nR1,B,\nR2,A,NA\n";
    let read = |missing| {
        LongTable::read(text.as_bytes(), "inline", &LongCsvOptions { missing, ..LongCsvOptions::default() }).unwrap()
    };
    assert_eq!(read(Missing::Skip).records.len(), 1);
    let zero = read(Missing::Zero).to_matrix().unwrap();
    assert_eq!(zero.get("R2", "A"), Some(0.0));
    let nan = read(Missing::Nan);
    assert_eq!(nan.summary.missing_values, 2);
    assert!(nan.to_matrix().unwrap().get("R1", "B").unwrap().is_nan());
}
