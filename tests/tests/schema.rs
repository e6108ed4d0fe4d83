//! The committed JSON Schema of the data model must match the types.
//!
//! Run `UPDATE_SCHEMA=1 cargo test -p clusterpolicy-tests --test schema` after changing a
//! type of the data model, and commit `schema/dataset.schema.json`.

use std::path::PathBuf;

fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schema/dataset.schema.json")
}

#[test]
fn committed_schema_matches_the_types() {
    let generated = serde_json::to_string_pretty(&clusterpolicy::Dataset::json_schema()).unwrap() + "\n";
    let path = schema_path();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/dataset.schema.json is out of date with the Rust types: \
         run `UPDATE_SCHEMA=1 cargo test -p clusterpolicy-tests --test schema` and commit the file"
    );
}
