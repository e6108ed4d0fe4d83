//! Countries and regions.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::{Attributes, Coordinates};

/// A country.
///
/// `code` is an ISO 3166-1 alpha-2 code. The European Union writes two countries
/// differently from ISO, and its data (Eurostat, NUTS, CORDIS) use its own forms:
/// `EL` for Greece (ISO `GR`) and `UK` for the United Kingdom (ISO `GB`). Both forms
/// are accepted everywhere and denote the same country (see [`canonical_country`]);
/// the code is kept exactly as written so that data round-trips unchanged. `XK`
/// (Kosovo, a user-assigned code the EU uses) is accepted too, and `KO`, the code
/// older CORDIS exports use for Kosovo, is read as `XK`.
///
/// ```
/// use clusterpolicy::model::Country;
/// let c = Country { code: "EL".into(), name: "Greece".into(), eu_member: Some(true), attributes: Default::default() };
/// assert_eq!(c.iso_code(), Some("GR"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, or the EU forms `EL` / `UK`.
    pub code: String,
    /// English short name.
    pub name: String,
    /// Whether the country is a member state of the European Union (at the data's date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eu_member: Option<bool>,
    /// Further attributes, kept verbatim.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}

impl Country {
    /// The ISO 3166-1 alpha-2 form of [`Country::code`], or `None` if the code is unknown.
    #[must_use]
    pub fn iso_code(&self) -> Option<&'static str> {
        canonical_country(&self.code)
    }
}

/// A territorial unit: a NUTS region (`AT22`, `ITH3`), a non-NUTS statistical region
/// (`BA-SRP`, `UA-77` as ISO 3166-2 codes), a US metropolitan area, an Australian LGA.
///
/// NUTS levels: 0 is the country, 1 major socio-economic regions, 2 basic regions for
/// regional policy, 3 small regions.
///
/// ```
/// use clusterpolicy::model::Region;
/// let r = Region::new("SI04", "Zahodna Slovenija", "SI").with_level(2).with_parent("SI0");
/// assert_eq!(r.parent.as_deref(), Some("SI0"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Unique id, e.g. a NUTS code.
    pub id: String,
    /// Name, preferably the official name in Latin script.
    pub name: String,
    /// Country code (ISO 3166-1 alpha-2 or the EU forms `EL` / `UK`).
    pub country: String,
    /// Id of the enclosing region, if it is part of the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Hierarchy level (NUTS 0-3, or the user's own scheme).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    /// Representative point (centroid or capital), for geographical proximity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub centroid: Option<Coordinates>,
    /// Population, for per-capita measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<f64>,
    /// Further attributes, kept verbatim.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
}

impl Region {
    /// A region with the required fields and everything optional left empty.
    pub fn new(id: impl Into<String>, name: impl Into<String>, country: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: name.into(),
            country: country.into(),
            parent: None,
            level: None,
            centroid: None,
            population: None,
            attributes: Attributes::new(),
        }
    }

    /// Sets the hierarchy level.
    #[must_use]
    pub fn with_level(mut self, level: u8) -> Self {
        self.level = Some(level);
        self
    }

    /// Sets the parent region.
    #[must_use]
    pub fn with_parent(mut self, parent: impl Into<String>) -> Self {
        self.parent = Some(parent.into());
        self
    }
}

/// The ISO 3166-1 alpha-2 form of a country code, accepting the EU forms.
///
/// Returns `None` for a code that is neither an officially assigned ISO code nor one of
/// the accepted exceptions (`EL`, `UK`, `XK`, `KO`). Matching is exact: codes are
/// upper case.
///
/// ```
/// use clusterpolicy::model::canonical_country;
/// assert_eq!(canonical_country("EL"), Some("GR"));
/// assert_eq!(canonical_country("UK"), Some("GB"));
/// assert_eq!(canonical_country("AT"), Some("AT"));
/// assert_eq!(canonical_country("ZZ"), None);
/// ```
#[must_use]
pub fn canonical_country(code: &str) -> Option<&'static str> {
    match code {
        "EL" => Some("GR"),
        "UK" => Some("GB"),
        "XK" | "KO" => Some("XK"),
        _ => ISO_3166_ALPHA2.binary_search(&code).ok().map(|i| ISO_3166_ALPHA2[i]),
    }
}

/// Whether two country codes denote the same country (`EL` and `GR` do).
///
/// ```
/// assert!(clusterpolicy::model::same_country("EL", "GR"));
/// assert!(!clusterpolicy::model::same_country("AT", "DE"));
/// ```
#[must_use]
pub fn same_country(a: &str, b: &str) -> bool {
    a == b || matches!((canonical_country(a), canonical_country(b)), (Some(x), Some(y)) if x == y)
}

/// The 249 officially assigned ISO 3166-1 alpha-2 codes, sorted.
pub const ISO_3166_ALPHA2: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD",
    "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA",
    "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE",
    "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA",
    "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK",
    "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP",
    "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT",
    "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS",
    "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ",
    "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS",
    "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST",
    "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW",
    "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA",
    "ZM", "ZW",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_list_is_sorted_and_unique() {
        assert!(ISO_3166_ALPHA2.windows(2).all(|w| w[0] < w[1]));
        assert!(ISO_3166_ALPHA2.iter().all(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_uppercase())));
    }

    #[test]
    fn eu_forms_are_accepted() {
        assert_eq!(canonical_country("EL"), Some("GR"));
        assert_eq!(canonical_country("GR"), Some("GR"));
        assert_eq!(canonical_country("KO"), Some("XK"));
        assert_eq!(canonical_country("el"), None);
        assert!(same_country("UK", "GB"));
    }
}
