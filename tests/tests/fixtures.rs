//! The shared fixtures in `tests/fixtures/`, which the Python and Node tests read too.

use std::path::PathBuf;

use clusterpolicy::Dataset;
use clusterpolicy::model::{ProblemKind, Severity};
use serde_json::Value;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn small_dataset_round_trips_byte_for_byte() {
    let text = fixture("small_dataset.json");
    let ds = Dataset::from_json(&text).unwrap();
    assert!(ds.validate().problems.is_empty(), "{:?}", ds.validate());
    assert_eq!(ds.to_json_pretty() + "\n", text);
}

#[test]
fn every_planted_problem_is_reported_with_its_path_and_nothing_else() {
    let ds = Dataset::from_json(&fixture("broken_dataset.json")).unwrap();
    let expected: Vec<Value> = serde_json::from_str(&fixture("broken_dataset.problems.json")).unwrap();
    let report = ds.validate();
    let found: Vec<(String, ProblemKind, Severity)> =
        report.problems.iter().map(|p| (p.path.clone(), p.kind, p.severity)).collect();
    let expected: Vec<(String, ProblemKind, Severity)> = expected
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_owned(),
                serde_json::from_value(e["kind"].clone()).unwrap(),
                serde_json::from_value(e["severity"].clone()).unwrap(),
            )
        })
        .collect();
    // Same problems, and in document order by entity.
    assert_eq!(found, expected);
    assert!(!report.is_valid());
    // Every message names the offending value.
    for p in &report.problems {
        assert!(!p.message.is_empty());
    }
    match ds.validated() {
        Err(clusterpolicy::Error::Invalid { report }) => assert_eq!(report.problems.len(), expected.len()),
        other => panic!("expected Error::Invalid, got {other:?}"),
    }
}
