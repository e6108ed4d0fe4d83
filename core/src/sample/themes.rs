//! Stylised, hand-written tables of the synthetic world: cluster and priority themes,
//! regional specialisations, scenario narratives and name parts. All of them are
//! assumptions, not data.

/// A theme shared by clusters, strategy priorities and projects: a group of related NACE
/// divisions.
pub(super) struct Theme {
    /// Short key, stored in cluster attributes.
    pub(super) key: &'static str,
    /// Title-case label for names ("Mechatronics").
    pub(super) label: &'static str,
    /// Smart-specialisation domain of a priority.
    pub(super) domain: &'static str,
    /// Upper-case stem of project acronyms.
    pub(super) code: &'static str,
    /// Related NACE divisions; the first is the core whose location quotient places the theme.
    pub(super) activities: &'static [&'static str],
    /// Relative frequency of such clusters and priorities (assumption, after the sector mix
    /// of cluster organisations in the European Cluster Collaboration Platform: manufacturing,
    /// agri-food and ICT clusters are common, maritime and construction ones rarer).
    pub(super) prior: f64,
}

impl Theme {
    /// The label for use inside a sentence: lower case, except acronyms ("ICT").
    pub(super) fn lower(&self) -> String {
        if self.label.chars().all(|c| c.is_ascii_uppercase()) {
            self.label.to_owned()
        } else {
            self.label.to_lowercase()
        }
    }
}

const fn theme(
    key: &'static str,
    label: &'static str,
    domain: &'static str,
    code: &'static str,
    activities: &'static [&'static str],
    prior: f64,
) -> Theme {
    Theme { key, label, domain, code, activities, prior }
}

/// The 19 themes (assumption: grouping of related divisions after the European Cluster
/// Observatory's cluster categories, simplified).
pub(super) const THEMES: [Theme; 19] = [
    theme("automotive", "Automotive", "Automotive and mobility", "AUTO", &["C29", "C22", "C25", "C27"], 1.3),
    theme("mechatronics", "Mechatronics", "Advanced manufacturing", "MECH", &["C28", "C27", "C26", "C33"], 1.3),
    theme("metal", "Metalworking", "Advanced manufacturing", "METAL", &["C24", "C25", "C28"], 1.1),
    theme("agrifood", "Agri-Food", "Food and bioeconomy", "FOOD", &["C10", "A01", "C11"], 1.3),
    theme("wine", "Wine", "Food and bioeconomy", "VINO", &["C11", "A01", "I56"], 0.7),
    theme("wood", "Wood and Furniture", "Bioeconomy", "WOOD", &["C16", "C31", "A02"], 1.0),
    theme("textile", "Textile and Fashion", "Creative manufacturing", "TEX", &["C14", "C13", "C15"], 0.9),
    theme("footwear", "Footwear", "Creative manufacturing", "SHOE", &["C15", "C14", "C22"], 0.6),
    theme("ict", "ICT", "Digital transformation", "DIGI", &["J62", "J63", "J61", "C26"], 1.1),
    theme("lifesciences", "Life Sciences", "Health and life sciences", "HEAL", &["C21", "C20", "M72", "Q86"], 0.8),
    theme("tourism", "Tourism", "Tourism and culture", "TOUR", &["I55", "I56", "N79", "R93"], 1.0),
    theme("logistics", "Logistics", "Transport and logistics", "LOGI", &["H52", "H49", "H50", "H53"], 0.6),
    theme("energy", "Renewable Energy", "Green energy", "ENER", &["D35", "C27", "F43", "M71"], 0.7),
    theme("chemicals", "Chemicals and Plastics", "Advanced materials", "CHEM", &["C20", "C22", "C19"], 0.7),
    theme("construction", "Green Building", "Green building", "BUILD", &["F41", "F43", "C23", "M71"], 0.5),
    theme("creative", "Creative Industries", "Tourism and culture", "CREA", &["R90", "J59", "J58", "M73", "C18"], 0.7),
    theme("maritime", "Maritime", "Blue economy", "BLUE", &["C30", "H50", "C33", "A03"], 0.5),
    theme("electronics", "Electronics", "Digital transformation", "ELEC", &["C26", "C27"], 0.8),
    theme("environment", "Environmental Technologies", "Circular economy", "ECO", &["E38", "E39", "E36", "C28"], 0.6),
];

/// Regional specialisations: multipliers on the expected employment share of an observation
/// unit (assumption: stylised facts of the regions' economic profiles, e.g. automotive in
/// Steiermark and Győr, furniture in Friuli, footwear in Marche, tourism on the islands).
/// Capital regions get `CAPITAL_SPECIALISATION` on top.
pub(super) const SPECIALISATIONS: [(&str, &[(&str, f64)]); 83] = [
    ("AL01", &[("A", 1.6), ("C15", 2.0), ("B", 2.0)]),
    ("AL02", &[("C14", 2.5), ("C15", 2.0), ("F", 1.4)]),
    ("AL03", &[("A", 1.6), ("B", 2.5), ("I", 1.5)]),
    ("AT11", &[("A", 1.8), ("D", 2.0)]),
    ("AT12", &[("C20", 1.5), ("C23", 1.5), ("A", 1.4), ("C10", 1.3)]),
    ("AT13", &[("C21", 1.5), ("H", 1.2)]),
    ("AT21", &[("C26", 2.5), ("C16", 2.0)]),
    ("AT22", &[("C29", 3.0), ("C28", 2.0), ("C24", 1.8), ("C16", 1.5)]),
    ("AT31", &[("C24", 2.5), ("C28", 2.0), ("C29", 1.6), ("C22", 1.6)]),
    ("AT32", &[("I", 2.0), ("C16", 1.5), ("G", 1.2)]),
    ("AT33", &[("I", 2.5), ("C21", 1.6), ("C28", 1.3)]),
    ("AT34", &[("C13", 2.5), ("C25", 1.8), ("C10", 1.5)]),
    ("BA-BIH", &[("C16", 2.0), ("C24", 1.8), ("C25", 1.5), ("B", 1.8)]),
    ("BA-SRP", &[("C16", 2.0), ("D", 1.8), ("C19", 2.0)]),
    ("BA-BRC", &[("C10", 1.6), ("C16", 1.4)]),
    ("BG31", &[("A", 2.0), ("C14", 1.8)]),
    ("BG32", &[("C14", 1.8), ("C27", 1.6), ("A", 1.5)]),
    ("BG33", &[("I", 2.0), ("H", 1.5), ("C20", 1.5)]),
    ("BG34", &[("I", 1.8), ("B", 2.5), ("D", 2.5), ("C19", 3.0)]),
    ("BG41", &[("C26", 1.3)]),
    ("BG42", &[("C21", 1.6), ("C27", 1.5), ("C10", 1.5), ("A", 1.5)]),
    ("HR02", &[("A", 2.0), ("C10", 1.6), ("C16", 1.6)]),
    ("HR03", &[("I", 3.0), ("C30", 2.0)]),
    ("HR05", &[("C21", 1.3)]),
    ("HR06", &[("C14", 1.8), ("C15", 1.8), ("C27", 1.5)]),
    ("EL30", &[("H", 1.6), ("C21", 2.0)]),
    ("EL41", &[("I", 1.8), ("A", 1.8)]),
    ("EL42", &[("I", 3.0)]),
    ("EL43", &[("I", 2.2), ("A", 1.8), ("C10", 1.5)]),
    ("EL51", &[("A", 2.0), ("C13", 1.5)]),
    ("EL52", &[("C10", 1.6), ("C14", 1.6), ("G", 1.2)]),
    ("EL53", &[("D", 3.0), ("B", 3.0), ("C15", 1.5)]),
    ("EL54", &[("A", 1.7), ("C10", 1.8)]),
    ("EL61", &[("A", 2.0), ("C13", 1.5), ("C24", 1.4)]),
    ("EL62", &[("I", 3.0)]),
    ("EL63", &[("A", 1.8), ("C10", 1.4)]),
    ("EL64", &[("C24", 2.5), ("C19", 1.8)]),
    ("EL65", &[("A", 2.0), ("C10", 1.5)]),
    ("HU11", &[("C21", 1.8)]),
    ("HU12", &[("H", 1.8), ("C26", 1.6), ("G", 1.3)]),
    ("HU21", &[("C29", 2.0), ("C26", 2.0), ("C22", 1.6)]),
    ("HU22", &[("C29", 2.8), ("C27", 2.0)]),
    ("HU23", &[("A", 1.5), ("C10", 1.4), ("D", 1.8)]),
    ("HU31", &[("C20", 2.0), ("C29", 1.6), ("C24", 1.5)]),
    ("HU32", &[("C21", 2.0), ("C29", 1.5), ("A", 1.6)]),
    ("HU33", &[("A", 1.8), ("C10", 1.6), ("C29", 1.4)]),
    ("ITC4", &[("C28", 1.8), ("C25", 1.6), ("C20", 1.6), ("C14", 1.5), ("K", 1.4), ("M", 1.3)]),
    ("ITH1", &[("I", 2.5), ("A", 1.8), ("C28", 1.3)]),
    ("ITH2", &[("I", 1.8), ("C17", 1.5), ("A", 1.4)]),
    ("ITH3", &[("C15", 2.2), ("C31", 2.0), ("C28", 1.6), ("C14", 1.5), ("I", 1.4)]),
    ("ITH4", &[("C31", 2.5), ("C30", 2.5), ("C24", 1.5)]),
    ("ITH5", &[("C28", 2.0), ("C10", 1.6), ("C29", 1.5), ("C23", 2.5)]),
    ("ITI2", &[("C24", 1.6), ("C14", 1.8), ("A", 1.3)]),
    ("ITI3", &[("C15", 3.0), ("C31", 2.0), ("C28", 1.5)]),
    ("ITF1", &[("C29", 2.0), ("C10", 1.3)]),
    ("ITF2", &[("C10", 1.5), ("A", 1.8)]),
    ("ITF4", &[("A", 1.8), ("C24", 1.8), ("C15", 1.5), ("C10", 1.3)]),
    ("ITF5", &[("C29", 2.5), ("B", 2.5), ("A", 1.8)]),
    ("MK00", &[("C14", 2.0), ("C29", 2.0), ("C24", 1.6)]),
    ("MD", &[("A", 1.6), ("C11", 3.0), ("C14", 1.5)]),
    ("ME00", &[("I", 2.5), ("C24", 2.0)]),
    ("RO11", &[("C31", 2.0), ("C27", 1.8), ("C22", 1.4), ("J", 1.4)]),
    ("RO12", &[("C29", 2.0), ("C22", 1.6), ("C16", 1.8)]),
    ("RO21", &[("A", 1.6), ("C14", 2.0)]),
    ("RO22", &[("C30", 2.5), ("H", 1.6), ("I", 1.4), ("C19", 2.0)]),
    ("RO31", &[("C29", 2.0), ("C19", 1.8), ("A", 1.4)]),
    ("RO32", &[("C26", 1.2)]),
    ("RO41", &[("C29", 2.0), ("D", 2.0), ("B", 2.0)]),
    ("RO42", &[("C29", 2.2), ("C27", 2.0), ("C26", 1.6)]),
    ("RS11", &[("C21", 1.3)]),
    ("RS12", &[("A", 1.6), ("C10", 1.8), ("C19", 1.6)]),
    ("RS21", &[("C29", 2.5), ("C10", 1.4), ("C22", 1.5)]),
    ("RS22", &[("C14", 1.6), ("C22", 1.8), ("C27", 1.5)]),
    ("SK01", &[("C29", 2.5)]),
    ("SK02", &[("C29", 2.2), ("C27", 1.6)]),
    ("SK03", &[("C24", 1.8), ("C29", 1.8), ("C16", 1.8)]),
    ("SK04", &[("C24", 3.0), ("C26", 1.5)]),
    ("SI03", &[("C27", 1.8), ("C29", 1.8), ("C25", 1.6)]),
    ("SI04", &[("C21", 2.5), ("C26", 1.5)]),
    ("UA-77", &[("A", 1.6), ("C16", 1.5), ("C14", 1.5)]),
    ("UA-26", &[("C16", 2.0), ("C19", 2.0), ("A", 1.4)]),
    ("UA-21", &[("C29", 2.0), ("C27", 2.5), ("C16", 1.8)]),
    ("UA-51", &[("H", 2.5), ("C10", 1.5), ("I", 1.4)]),
];

/// Extra multipliers of capital-city regions (assumption: metropolitan service economies).
pub(super) const CAPITAL_SPECIALISATION: [(&str, f64); 6] =
    [("A", 0.15), ("J", 2.0), ("K", 1.8), ("M", 1.6), ("O", 1.3), ("N", 1.3)];

/// The specialisation multiplier of `unit` in `region` (1 when none is listed).
pub(super) fn multiplier(region: &str, capital: bool, unit: &str) -> f64 {
    let listed: f64 = SPECIALISATIONS
        .iter()
        .filter(|(r, _)| *r == region)
        .flat_map(|(_, m)| m.iter())
        .filter(|(u, _)| *u == unit)
        .map(|(_, f)| *f)
        .product();
    let metro: f64 = if capital {
        CAPITAL_SPECIALISATION.iter().filter(|(u, _)| *u == unit).map(|(_, f)| *f).product()
    } else {
        1.0
    };
    listed * metro
}

/// Legal forms for firm names: `(country, SME form, large-company form)`.
pub(super) const LEGAL_FORMS: [(&str, &str, &str); 16] = [
    ("AL", "sh.p.k.", "sh.a."),
    ("AT", "GmbH", "AG"),
    ("BA", "d.o.o.", "d.d."),
    ("BG", "EOOD", "AD"),
    ("HR", "d.o.o.", "d.d."),
    ("EL", "I.K.E.", "A.E."),
    ("HU", "Kft.", "Zrt."),
    ("IT", "S.r.l.", "S.p.A."),
    ("MK", "DOOEL", "AD"),
    ("MD", "S.R.L.", "S.A."),
    ("ME", "d.o.o.", "a.d."),
    ("RO", "S.R.L.", "S.A."),
    ("RS", "d.o.o.", "a.d."),
    ("SK", "s.r.o.", "a.s."),
    ("SI", "d.o.o.", "d.d."),
    ("UA", "TOV", "PrAT"),
];

/// A scenario narrative: `(id, name, description, prior weight, assumptions)` where each
/// assumption is `(indicator, activity, country, shift, relative?)`.
pub(super) type ScenarioRow = (
    &'static str,
    &'static str,
    &'static str,
    f64,
    &'static [(&'static str, Option<&'static str>, Option<&'static str>, f64, bool)],
);

/// Four foresight narratives for 2030 (assumption; the shifts are illustrative magnitudes).
pub(super) const SCENARIOS: [ScenarioRow; 4] = [
    (
        "continuity",
        "Continuity",
        "Current trends continue: slow convergence, gradual digitalisation, manufacturing keeps its share.",
        0.40,
        &[("employment", None, None, 0.02, true), ("gva", None, None, 0.08, true), ("exports", None, None, 0.10, true)],
    ),
    (
        "green-digital",
        "Green and digital leap",
        "Fast decarbonisation and digitalisation: ICT, renewables and R&D grow, combustion-engine supply chains shrink.",
        0.25,
        &[
            ("employment", Some("J"), None, 0.20, true),
            ("employment", Some("D"), None, 0.15, true),
            ("employment", Some("C29"), None, -0.10, true),
            ("rd_expenditure", None, None, 0.5, false),
            ("patent_applications", None, None, 0.25, true),
        ],
    ),
    (
        "nearshoring",
        "Nearshoring boom",
        "Supply chains move closer to EU markets: vehicle, electrical and plastics suppliers and logistics expand.",
        0.20,
        &[
            ("employment", Some("C29"), None, 0.15, true),
            ("employment", Some("C27"), None, 0.15, true),
            ("employment", Some("C22"), None, 0.10, true),
            ("employment", Some("H"), None, 0.10, true),
            ("exports", None, None, 0.25, true),
        ],
    ),
    (
        "fragmentation",
        "Fragmentation and shocks",
        "Geopolitical and climate shocks: tourism and exports fall, the eastern border regions lose jobs.",
        0.15,
        &[
            ("employment", None, None, -0.05, true),
            ("employment", Some("I"), None, -0.15, true),
            ("exports", None, None, -0.15, true),
            ("employment", None, Some("UA"), -0.12, true),
            ("gva", None, None, -0.06, true),
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::geo::BASIC_REGIONS;
    use crate::sample::nace::{DIVISIONS, TRENDS};

    #[test]
    fn tables_refer_to_known_codes() {
        for (r, ms) in &SPECIALISATIONS {
            assert!(BASIC_REGIONS.iter().any(|b| b.id == *r), "{r}");
            for (u, f) in *ms {
                assert!(TRENDS.iter().any(|(t, _)| t == u), "{r}: {u}");
                assert!(*f > 0.0);
            }
        }
        for t in &THEMES {
            for a in t.activities {
                assert!(DIVISIONS.iter().any(|(s, c, _)| format!("{s}{c}") == *a), "{a}");
            }
        }
        assert_eq!(multiplier("AT22", false, "C29"), 3.0);
        assert_eq!(multiplier("AT13", true, "A"), 0.15);
    }
}
