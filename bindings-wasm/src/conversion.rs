//! Conversion between Rust values and JavaScript values, both ways through serde.
//!
//! * Rust to JavaScript: `serde-wasm-bindgen` with [`Serializer::json_compatible`], so results
//!   are plain objects and arrays (never `Map`s), `Option::None` becomes `null`, and the
//!   object equals `JSON.parse` of the JSON form, except that NaN and infinities stay numbers.
//! * JavaScript to Rust: `from_js` first copies the value into a small `JsData` tree and
//!   then deserializes the tree. `serde-wasm-bindgen`'s own deserializer looks up only the
//!   fields a struct knows, so it would silently drop a misspelt field that
//!   `#[serde(deny_unknown_fields)]` rejects in JSON; the tree hands every key to serde, so a
//!   plain object is read exactly like the same JSON document, except that NaN and
//!   infinities reach the model as numbers (and validation reports them with their path), and
//!   a property whose value is `undefined` counts as absent (as `JSON.stringify` leaves it out).
//!   Errors name the path of the offending value, e.g. `projects[0].partners[1].budget`.

use std::fmt::{self, Write as _};

use serde::de::{self, DeserializeOwned, IntoDeserializer};
use serde::{Deserialize, Serialize};
use serde_wasm_bindgen::Serializer;
use wasm_bindgen::{JsCast, JsValue};

/// Nesting deeper than this is rejected, as `serde_json` does; it also stops cyclic objects.
const MAX_DEPTH: usize = 128;

/// Largest integer a JavaScript number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// Serializes a Rust value into a plain JavaScript value (objects, arrays, numbers, strings).
///
/// # Errors
/// A JavaScript `RangeError` when an integer (in free-form `attributes`) lies outside the
/// range a JavaScript number holds exactly.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&Serializer::json_compatible()).map_err(|e| {
        let text = e.to_string();
        let text = text.strip_prefix("Error: ").unwrap_or(&text);
        js_sys::RangeError::new(&format!("cannot convert the result to a JavaScript value: {text}")).into()
    })
}

/// Deserializes a Rust value from a plain JavaScript value, as strictly as from JSON.
///
/// # Errors
/// A [`ConversionError`] naming the path of the first value that does not fit.
pub(crate) fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, ConversionError> {
    let data = JsData::read(value, 0)?;
    T::deserialize(data)
}

/// An argument in its serde form; a `TypeError`-like conversion error naming `what`.
pub(crate) fn required<T: DeserializeOwned>(value: &JsValue, what: &str) -> Result<T, JsValue> {
    from_js(value).map_err(|e| crate::error::conversion_error(&e, what))
}

/// An optional argument: `undefined` or `null` give the defaults, anything else as [`required`].
pub(crate) fn optional<T: DeserializeOwned + Default>(value: &JsValue, what: &str) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() { Ok(T::default()) } else { required(value, what) }
}

/// Options from an optional plain object, as [`optional`].
pub(crate) fn options<T: DeserializeOwned + Default>(obj: Option<JsValue>, what: &str) -> Result<T, JsValue> {
    obj.map_or_else(|| Ok(T::default()), |v| optional(&v, what))
}

/// A JavaScript value copied into Rust: the JSON data model, with any `f64` as number.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum JsData {
    /// `null`, or `undefined` outside an object (a property whose value is `undefined` is
    /// left out, as `JSON.stringify` does).
    Null,
    /// A boolean.
    Bool(bool),
    /// A number, including NaN and the infinities.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<JsData>),
    /// The own enumerable string-keyed properties of an object, in property order.
    Object(Vec<(String, JsData)>),
}

impl JsData {
    /// Copies a JavaScript value; functions, symbols and `BigInt`s are rejected.
    fn read(value: &JsValue, depth: usize) -> Result<Self, ConversionError> {
        if depth > MAX_DEPTH {
            return Err(ConversionError::new(format!(
                "nested more than {MAX_DEPTH} levels deep (or the object contains a cycle)"
            )));
        }
        if value.is_null() || value.is_undefined() {
            Ok(Self::Null)
        } else if let Some(b) = value.as_bool() {
            Ok(Self::Bool(b))
        } else if let Some(x) = value.as_f64() {
            Ok(Self::Number(x))
        } else if let Some(s) = value.as_string() {
            Ok(Self::String(s))
        } else if let Some(array) = value.dyn_ref::<js_sys::Array>() {
            let mut items = Vec::with_capacity(array.length() as usize);
            for (i, item) in array.iter().enumerate() {
                items.push(Self::read(&item, depth + 1).map_err(|e| e.at(Segment::Index(i)))?);
            }
            Ok(Self::Array(items))
        } else if value.is_object() && !value.is_function() {
            let entries = js_sys::Object::entries(value.unchecked_ref());
            let mut fields = Vec::with_capacity(entries.length() as usize);
            for entry in entries.iter() {
                let entry: js_sys::Array = entry.unchecked_into();
                let value = entry.get(1);
                if value.is_undefined() {
                    continue; // an absent property, as for `JSON.stringify`
                }
                let key = entry.get(0).as_string().unwrap_or_default();
                let data = Self::read(&value, depth + 1).map_err(|e| e.at(Segment::Key(key.clone())))?;
                fields.push((key, data));
            }
            Ok(Self::Object(fields))
        } else {
            let kind = value.js_typeof().as_string().unwrap_or_default();
            Err(ConversionError::new(format!("a JavaScript {kind} has no JSON form")))
        }
    }

    /// What a visitor's default `visit_*` method reports for this value in
    /// [`de::Deserializer::deserialize_any`]: integral numbers as integers, like the visit there.
    fn unexpected_in_any(&self) -> de::Unexpected<'_> {
        match self {
            Self::Number(x) if x.fract() == 0.0 && x.abs() <= MAX_SAFE_INTEGER => {
                if *x >= 0.0 {
                    de::Unexpected::Unsigned(*x as u64)
                } else {
                    de::Unexpected::Signed(*x as i64)
                }
            }
            other => other.unexpected(),
        }
    }

    /// `deserialize_any` for visitors of arrays and objects (structs, sequences, maps), which
    /// implement `visit_seq` and `visit_map` only: any other value gets the error that the
    /// visitor's default `visit_*` method would give, without a copy of each of those methods
    /// per visitor type in the module.
    fn deserialize_compound<'de, V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, ConversionError> {
        match self {
            Self::Array(items) => visit_array(items, visitor),
            Self::Object(fields) => visitor.visit_map(MapAccess { fields: fields.into_iter(), value: None }),
            other => Err(de::Error::invalid_type(other.unexpected_in_any(), &visitor)),
        }
    }

    fn unexpected(&self) -> de::Unexpected<'_> {
        match self {
            Self::Null => de::Unexpected::Unit,
            Self::Bool(b) => de::Unexpected::Bool(*b),
            Self::Number(x) => de::Unexpected::Float(*x),
            Self::String(s) => de::Unexpected::Str(s),
            Self::Array(_) => de::Unexpected::Seq,
            Self::Object(_) => de::Unexpected::Map,
        }
    }
}

/// One step of a path into a document.
#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// A JavaScript value that does not fit the expected Rust type.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ConversionError {
    /// Path from the root to the offending value, innermost step first.
    reversed_path: Vec<Segment>,
    message: String,
}

impl ConversionError {
    fn new(message: String) -> Self {
        Self { reversed_path: Vec::new(), message }
    }

    /// The same error one level further out.
    fn at(mut self, segment: Segment) -> Self {
        self.reversed_path.push(segment);
        self
    }

    /// Path of the offending value in the notation of validation problems, e.g.
    /// `projects[0].partners[1].budget`; empty for the root.
    pub(crate) fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.reversed_path.iter().rev() {
            match segment {
                Segment::Index(i) => {
                    let _ = write!(out, "[{i}]");
                }
                Segment::Key(k) if is_identifier(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Segment::Key(k) => {
                    let _ = write!(out, "[{}]", serde_json::Value::from(k.as_str()));
                }
            }
        }
        out
    }

    /// What is wrong, without the path.
    pub(crate) fn message(&self) -> &str {
        &self.message
    }
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl fmt::Display for ConversionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path();
        if path.is_empty() { f.write_str(&self.message) } else { write!(f, "at {path}: {}", self.message) }
    }
}

impl std::error::Error for ConversionError {}

impl de::Error for ConversionError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self::new(msg.to_string())
    }

    /// As `serde_json` words it: `null` rather than serde's "unit value".
    fn invalid_type(unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        if let de::Unexpected::Unit = unexpected {
            Self::custom(format_args!("invalid type: null, expected {expected}"))
        } else {
            Self::custom(format_args!("invalid type: {unexpected}, expected {expected}"))
        }
    }
}

/// The elements of an array, each error tagged with its index.
struct SeqAccess {
    items: std::iter::Enumerate<std::vec::IntoIter<JsData>>,
}

impl<'de> de::SeqAccess<'de> for SeqAccess {
    type Error = ConversionError;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Self::Error> {
        match self.items.next() {
            Some((i, item)) => seed.deserialize(item).map(Some).map_err(|e| e.at(Segment::Index(i))),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The properties of an object, each value error tagged with its key.
struct MapAccess {
    fields: std::vec::IntoIter<(String, JsData)>,
    value: Option<(String, JsData)>,
}

impl<'de> de::MapAccess<'de> for MapAccess {
    type Error = ConversionError;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Self::Error> {
        match self.fields.next() {
            Some((key, value)) => {
                let k = seed.deserialize(key.as_str().into_deserializer())?;
                self.value = Some((key, value));
                Ok(Some(k))
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Self::Error> {
        let (key, value) =
            self.value.take().ok_or_else(|| ConversionError::new("a map value was read before its key".to_owned()))?;
        seed.deserialize(value).map_err(|e| e.at(Segment::Key(key)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.fields.len())
    }
}

impl<'de> de::Deserializer<'de> for JsData {
    type Error = ConversionError;

    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Self::Null => visitor.visit_unit(),
            Self::Bool(b) => visitor.visit_bool(b),
            // Integral numbers go to integer visitors, as the same digits in JSON would.
            Self::Number(x) if x.fract() == 0.0 && x.abs() <= MAX_SAFE_INTEGER => {
                if x >= 0.0 {
                    visitor.visit_u64(x as u64)
                } else {
                    visitor.visit_i64(x as i64)
                }
            }
            Self::Number(x) => visitor.visit_f64(x),
            Self::String(s) => visitor.visit_string(s),
            Self::Array(items) => visit_array(items, visitor),
            Self::Object(fields) => visitor.visit_map(MapAccess { fields: fields.into_iter(), value: None }),
        }
    }

    fn deserialize_struct<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.deserialize_compound(visitor)
    }

    fn deserialize_seq<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_compound(visitor)
    }

    fn deserialize_map<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_compound(visitor)
    }

    fn deserialize_f64<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            // Keeps NaN, the infinities and -0 as they are.
            Self::Number(x) => visitor.visit_f64(x),
            other => other.deserialize_any(visitor),
        }
    }

    fn deserialize_f32<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_option<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self {
            Self::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_newtype_struct<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self {
            // A unit variant is a string, a variant with data an object with one key (as in JSON).
            Self::String(s) => visitor.visit_enum(s.into_deserializer()),
            Self::Object(fields) if fields.len() == 1 => {
                visitor.visit_enum(de::value::MapAccessDeserializer::new(MapAccess {
                    fields: fields.into_iter(),
                    value: None,
                }))
            }
            other => Err(de::Error::invalid_type(other.unexpected(), &"a string or an object with one key")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 char str string bytes byte_buf unit unit_struct
        tuple tuple_struct identifier ignored_any
    }
}

/// Visits the elements of an array; elements left over are an error, as in JSON.
fn visit_array<'de, V: de::Visitor<'de>>(items: Vec<JsData>, visitor: V) -> Result<V::Value, ConversionError> {
    let len = items.len();
    let mut access = SeqAccess { items: items.into_iter().enumerate() };
    let value = visitor.visit_seq(&mut access)?;
    if access.items.len() == 0 {
        Ok(value)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements in the array"))
    }
}

impl IntoDeserializer<'_, ConversionError> for JsData {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// Lets [`JsData`] itself be deserialized (used in tests to build trees from JSON text).
impl<'de> Deserialize<'de> for JsData {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> de::Visitor<'de> for Visitor {
            type Value = JsData;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<E>(self) -> Result<JsData, E> {
                Ok(JsData::Null)
            }
            fn visit_none<E>(self) -> Result<JsData, E> {
                Ok(JsData::Null)
            }
            fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<JsData, D::Error> {
                JsData::deserialize(d)
            }
            fn visit_bool<E>(self, b: bool) -> Result<JsData, E> {
                Ok(JsData::Bool(b))
            }
            fn visit_i64<E>(self, x: i64) -> Result<JsData, E> {
                Ok(JsData::Number(x as f64))
            }
            fn visit_u64<E>(self, x: u64) -> Result<JsData, E> {
                Ok(JsData::Number(x as f64))
            }
            fn visit_f64<E>(self, x: f64) -> Result<JsData, E> {
                Ok(JsData::Number(x))
            }
            fn visit_str<E>(self, s: &str) -> Result<JsData, E> {
                Ok(JsData::String(s.to_owned()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<JsData, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(JsData::Array(items))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<JsData, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    fields.push(entry);
                }
                Ok(JsData::Object(fields))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use clusterpolicy::Dataset;
    use clusterpolicy::model::ProblemKind;

    use super::*;

    fn data(json: &str) -> JsData {
        serde_json::from_str(json).unwrap()
    }

    fn dataset(json: &str) -> Result<Dataset, ConversionError> {
        Dataset::deserialize(data(json))
    }

    const TINY: &str = r#"{
        "name": "tiny",
        "regions": [{ "id": "SI04", "name": "Zahodna Slovenija", "country": "SI", "level": 2 }],
        "actors": [{ "id": "A1", "name": "Example d.o.o.", "country": "SI", "region": "SI04", "helix": "business" }],
        "attributes": { "n": 3, "x": 2.5, "nested": { "list": [1, "two", null, true] } }
    }"#;

    #[test]
    fn reads_like_json() {
        assert_eq!(dataset(TINY).unwrap(), Dataset::from_json(TINY).unwrap());
    }

    #[test]
    fn unknown_fields_are_rejected_with_their_path() {
        let err = dataset(r#"{ "name": "x", "regions": [{ "id": "R", "name": "R", "country": "SI", "lvl": 2 }] }"#)
            .unwrap_err();
        assert_eq!(err.path(), "regions[0]");
        assert!(err.message().starts_with("unknown field `lvl`"), "{err}");
    }

    #[test]
    fn type_errors_name_the_path() {
        let err = dataset(r#"{ "name": "x", "regions": [{ "id": "R", "name": "R", "country": "SI", "level": 2.5 }] }"#)
            .unwrap_err();
        assert_eq!(err.path(), "regions[0].level");
        assert_eq!(err.to_string(), "at regions[0].level: invalid type: floating point `2.5`, expected u8");
        let err = dataset(r#"{ "name": 3 }"#).unwrap_err();
        assert_eq!(err.to_string(), "at name: invalid type: integer `3`, expected a string");
        let err = dataset(r#"{ "name": null }"#).unwrap_err();
        assert_eq!(err.to_string(), "at name: invalid type: null, expected a string");
        let json_err = Dataset::from_json(r#"{ "name": null }"#).unwrap_err();
        assert_eq!(json_err.to_string(), "invalid JSON at line 1, column 14: invalid type: null, expected a string");
        let err = dataset(r#"{ "description": "no name" }"#).unwrap_err();
        assert_eq!(err.to_string(), "missing field `name`");
        let ds = dataset(r#"{ "name": "x", "attributes": { "odd key": { "a b": [0, { "c": 1 }] } } }"#).unwrap();
        assert_eq!(ds.attributes.len(), 1);
    }

    #[test]
    fn nan_and_infinities_reach_validation() {
        let mut tree = data(
            r#"{ "name": "x", "programmes": [{ "id": "P", "name": "P", "budget": 0 }],
                 "indicators": [{ "id": "I", "name": "I", "unit": "u", "direction": "increase" }],
                 "observations": [{ "indicator": "I", "subject": { "kind": "country", "id": "SI" }, "year": 2020, "value": 1 }] }"#,
        );
        let JsData::Object(fields) = &mut tree else { unreachable!() };
        let set = |fields: &mut Vec<(String, JsData)>, coll: &str, key: &str, x: f64| {
            let (_, JsData::Array(items)) = fields.iter_mut().find(|(k, _)| k == coll).unwrap() else { unreachable!() };
            let JsData::Object(item) = &mut items[0] else { unreachable!() };
            item.iter_mut().find(|(k, _)| k == key).unwrap().1 = JsData::Number(x);
        };
        set(fields, "programmes", "budget", f64::NAN);
        set(fields, "observations", "value", f64::INFINITY);
        let ds = Dataset::deserialize(tree).unwrap_or_else(|e| panic!("{e}"));
        assert!(ds.programmes[0].budget.unwrap().is_nan());
        let problems: Vec<_> = ds.validate().problems.into_iter().map(|p| (p.path, p.kind)).collect();
        assert!(problems.contains(&("programmes[0].budget".to_owned(), ProblemKind::NonFinite)), "{problems:?}");
        assert!(problems.contains(&("observations[0].value".to_owned(), ProblemKind::NonFinite)), "{problems:?}");
    }

    /// A value of the wrong kind where a struct, a sequence or a map belongs gets the message
    /// that `serde_json` gives for the same document (`deserialize_compound` spells out what
    /// the visitors' default methods say).
    #[test]
    fn wrong_kinds_for_structs_sequences_and_maps_read_like_json() {
        let values = ["3", "-3", "2.5", "true", "false", "null", r#""text""#, "[]", "{}", r#"[{"id": 1}]"#];
        let documents = values.iter().flat_map(|v| {
            [
                format!(r#"{{ "name": "x", "regions": {v} }}"#),
                format!(r#"{{ "name": "x", "regions": [{v}] }}"#),
                format!(r#"{{ "name": "x", "attributes": {v} }}"#),
                format!(r#"{{ "name": "x", "programmes": [{{ "id": "P", "name": "P", "budget": {v} }}] }}"#),
                (*v).to_owned(),
            ]
        });
        let mut compared = 0;
        for doc in documents {
            let via_tree = dataset(&doc);
            let via_json = Dataset::from_json(&doc);
            match (&via_tree, &via_json) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{doc}"),
                (Err(tree), Err(clusterpolicy::Error::Json { message, .. })) => {
                    assert_eq!(tree.message(), message.as_str(), "{doc}");
                    compared += 1;
                }
                _ => panic!("{doc}: {via_tree:?} but {via_json:?}"),
            }
        }
        assert!(compared > 30, "{compared}");
    }

    #[test]
    fn odd_keys_are_quoted_in_paths() {
        let err =
            ConversionError::new("bad".into()).at(Segment::Key("a b".into())).at(Segment::Key("attributes".into()));
        assert_eq!(err.path(), r#"attributes["a b"]"#);
    }
}
