//! JSON in, JSON out is lossless: property tests over datasets generated from the
//! committed JSON Schema.
//!
//! The generator walks `schema/dataset.schema.json` and produces arbitrary JSON documents
//! that conform to it (every optional field present or absent, arbitrary Unicode strings,
//! finite floats of every magnitude including subnormals, free-form `attributes`). Each
//! document must (1) parse into a `Dataset` — so the schema and the types agree — and
//! (2) survive `to_json` / `from_json` unchanged, both as a value and byte for byte, and
//! (3) keep every field it had: the JSON written equals the JSON read, up to the
//! omission of absent optional fields and empty defaults.

use std::path::PathBuf;

use clusterpolicy::Dataset;
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn schema() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schema/dataset.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("committed schema")).expect("schema is JSON")
}

/// Arbitrary JSON for `attributes`, nested a few levels deep.
fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|i| json!(i)),
        any::<u64>().prop_map(|i| json!(i)),
        finite_f64().prop_map(|f| json!(f)),
        "\\PC{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("\\PC{0,6}", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

/// Finite doubles of every class: normal, subnormal, zero, both signs.
fn finite_f64() -> impl Strategy<Value = f64> {
    prop::num::f64::POSITIVE
        | prop::num::f64::NEGATIVE
        | prop::num::f64::NORMAL
        | prop::num::f64::SUBNORMAL
        | prop::num::f64::ZERO
}

fn date() -> BoxedStrategy<Value> {
    (1900i32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| json!(format!("{y:04}-{m:02}-{d:02}"))).boxed()
}

/// A strategy for the values matching `node`, resolving `$ref` against `defs`.
fn strategy(node: &Value, defs: &Map<String, Value>) -> BoxedStrategy<Value> {
    if let Some(r) = node.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return strategy(&defs[name], defs);
    }
    if let Some(c) = node.get("const") {
        return Just(c.clone()).boxed();
    }
    if let Some(alts) = node.get("oneOf").or_else(|| node.get("anyOf")).and_then(Value::as_array) {
        let options: Vec<BoxedStrategy<Value>> = alts.iter().map(|a| strategy(a, defs)).collect();
        return proptest::strategy::Union::new(options).boxed();
    }
    if let Some(values) = node.get("enum").and_then(Value::as_array) {
        return proptest::sample::select(values.clone()).boxed();
    }
    match node.get("type") {
        Some(Value::Array(types)) => {
            let options: Vec<BoxedStrategy<Value>> = types
                .iter()
                .map(|t| {
                    let mut single = node.clone();
                    single["type"] = t.clone();
                    strategy(&single, defs)
                })
                .collect();
            proptest::strategy::Union::new(options).boxed()
        }
        Some(Value::String(t)) => typed(t, node, defs),
        _ => any_json(),
    }
}

fn typed(t: &str, node: &Value, defs: &Map<String, Value>) -> BoxedStrategy<Value> {
    let format = node.get("format").and_then(Value::as_str).unwrap_or("");
    match t {
        "null" => Just(Value::Null).boxed(),
        "boolean" => any::<bool>().prop_map(Value::Bool).boxed(),
        "string" if format == "date" => date(),
        "string" => "\\PC{0,10}".prop_map(Value::String).boxed(),
        "number" => finite_f64().prop_map(|f| json!(f)).boxed(),
        "integer" => match format {
            "uint8" => any::<u8>().prop_map(|i| json!(i)).boxed(),
            "uint32" => any::<u32>().prop_map(|i| json!(i)).boxed(),
            "int32" => any::<i32>().prop_map(|i| json!(i)).boxed(),
            "uint" | "uint64" => any::<u64>().prop_map(|i| json!(i)).boxed(),
            other => panic!("integer format `{other}` not handled by the test generator"),
        },
        "array" => {
            let item = strategy(&node["items"], defs);
            prop::collection::vec(item, 0..3).prop_map(Value::Array).boxed()
        }
        "object" => match node.get("properties").and_then(Value::as_object) {
            Some(props) => {
                let required: Vec<&str> = node
                    .get("required")
                    .and_then(Value::as_array)
                    .map_or_else(Vec::new, |r| r.iter().filter_map(Value::as_str).collect());
                let fields: Vec<BoxedStrategy<Option<(String, Value)>>> = props
                    .iter()
                    .map(|(k, v)| {
                        let key = k.clone();
                        let s = strategy(v, defs).prop_map(move |x| Some((key.clone(), x)));
                        if required.contains(&k.as_str()) { s.boxed() } else { prop_oneof![Just(None), s].boxed() }
                    })
                    .collect();
                fields.prop_map(|kv| Value::Object(kv.into_iter().flatten().collect())).boxed()
            }
            None => prop::collection::btree_map("\\PC{0,6}", any_json(), 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect()))
                .boxed(),
        },
        other => panic!("schema type `{other}` not handled by the test generator"),
    }
}

/// Drops what serialisation may legitimately omit: nulls (absent options), empty arrays
/// and objects (empty defaults) and `false` (the `synthetic` default).
fn normalise(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, x)| (k.clone(), normalise(x)))
                .filter(|(_, x)| match x {
                    Value::Null | Value::Bool(false) => false,
                    Value::Array(a) => !a.is_empty(),
                    Value::Object(o) => !o.is_empty(),
                    _ => true,
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(normalise).collect()),
        other => other.clone(),
    }
}

fn dataset_strategy() -> BoxedStrategy<Value> {
    let s = schema();
    let defs = s["$defs"].as_object().expect("$defs").clone();
    strategy(&s, &defs)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn json_round_trip_is_lossless(doc in dataset_strategy()) {
        let text = serde_json::to_string(&doc).unwrap();
        let ds = Dataset::from_json(&text).map_err(|e| TestCaseError::fail(format!("schema-conforming document rejected: {e}")))?;
        let written = ds.to_json();
        let again = Dataset::from_json(&written).unwrap();
        prop_assert_eq!(&again, &ds);
        prop_assert_eq!(again.to_json(), written.clone());
        let written_value: Value = serde_json::from_str(&written).unwrap();
        prop_assert_eq!(normalise(&written_value), normalise(&doc));
    }
}

#[test]
fn null_for_a_required_number_reads_as_nan_and_is_reported() {
    let doc = r#"{"name":"n","indicators":[{"id":"e","name":"E","unit":"p","direction":"increase"}],
        "regions":[{"id":"R","name":"R","country":"AT"}],
        "observations":[{"indicator":"e","subject":{"kind":"region","id":"R"},"year":2020,"value":null}]}"#;
    let ds = Dataset::from_json(doc).unwrap();
    assert!(ds.observations[0].value.is_nan());
    let report = ds.validate();
    assert_eq!(report.problems.len(), 1);
    assert_eq!(report.problems[0].path, "observations[0].value");
    assert_eq!(report.problems[0].kind, clusterpolicy::model::ProblemKind::NonFinite);
    // NaN is written back as null: the document is stable.
    assert!(ds.to_json().contains("\"value\":null"));
}

#[test]
fn unknown_fields_are_rejected_with_their_position() {
    let err = Dataset::from_json("{\n  \"name\": \"x\",\n  \"regoins\": []\n}").unwrap_err();
    match err {
        clusterpolicy::Error::Json { line, message, .. } => {
            assert_eq!(line, 3);
            assert!(message.contains("regoins"), "{message}");
        }
        other => panic!("unexpected {other:?}"),
    }
}
