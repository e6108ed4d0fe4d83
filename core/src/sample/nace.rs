//! NACE Rev. 2 (Regulation (EC) No 1893/2006, Annex I): the 21 sections and 88 divisions
//! with their official English names, plus the employment structure and trends the
//! synthetic economy draws around.

/// The 21 sections: `(letter, official name)`.
pub(super) const SECTIONS: [(&str, &str); 21] = [
    ("A", "Agriculture, forestry and fishing"),
    ("B", "Mining and quarrying"),
    ("C", "Manufacturing"),
    ("D", "Electricity, gas, steam and air conditioning supply"),
    ("E", "Water supply; sewerage, waste management and remediation activities"),
    ("F", "Construction"),
    ("G", "Wholesale and retail trade; repair of motor vehicles and motorcycles"),
    ("H", "Transportation and storage"),
    ("I", "Accommodation and food service activities"),
    ("J", "Information and communication"),
    ("K", "Financial and insurance activities"),
    ("L", "Real estate activities"),
    ("M", "Professional, scientific and technical activities"),
    ("N", "Administrative and support service activities"),
    ("O", "Public administration and defence; compulsory social security"),
    ("P", "Education"),
    ("Q", "Human health and social work activities"),
    ("R", "Arts, entertainment and recreation"),
    ("S", "Other service activities"),
    (
        "T",
        "Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use",
    ),
    ("U", "Activities of extraterritorial organisations and bodies"),
];

/// The 88 divisions: `(section letter, two-digit code, official name)`. Their ids in the
/// dataset are the section letter followed by the code (`C29`).
pub(super) const DIVISIONS: [(&str, &str, &str); 88] = [
    ("A", "01", "Crop and animal production, hunting and related service activities"),
    ("A", "02", "Forestry and logging"),
    ("A", "03", "Fishing and aquaculture"),
    ("B", "05", "Mining of coal and lignite"),
    ("B", "06", "Extraction of crude petroleum and natural gas"),
    ("B", "07", "Mining of metal ores"),
    ("B", "08", "Other mining and quarrying"),
    ("B", "09", "Mining support service activities"),
    ("C", "10", "Manufacture of food products"),
    ("C", "11", "Manufacture of beverages"),
    ("C", "12", "Manufacture of tobacco products"),
    ("C", "13", "Manufacture of textiles"),
    ("C", "14", "Manufacture of wearing apparel"),
    ("C", "15", "Manufacture of leather and related products"),
    (
        "C",
        "16",
        "Manufacture of wood and of products of wood and cork, except furniture; manufacture of articles of straw and plaiting materials",
    ),
    ("C", "17", "Manufacture of paper and paper products"),
    ("C", "18", "Printing and reproduction of recorded media"),
    ("C", "19", "Manufacture of coke and refined petroleum products"),
    ("C", "20", "Manufacture of chemicals and chemical products"),
    ("C", "21", "Manufacture of basic pharmaceutical products and pharmaceutical preparations"),
    ("C", "22", "Manufacture of rubber and plastic products"),
    ("C", "23", "Manufacture of other non-metallic mineral products"),
    ("C", "24", "Manufacture of basic metals"),
    ("C", "25", "Manufacture of fabricated metal products, except machinery and equipment"),
    ("C", "26", "Manufacture of computer, electronic and optical products"),
    ("C", "27", "Manufacture of electrical equipment"),
    ("C", "28", "Manufacture of machinery and equipment n.e.c."),
    ("C", "29", "Manufacture of motor vehicles, trailers and semi-trailers"),
    ("C", "30", "Manufacture of other transport equipment"),
    ("C", "31", "Manufacture of furniture"),
    ("C", "32", "Other manufacturing"),
    ("C", "33", "Repair and installation of machinery and equipment"),
    ("D", "35", "Electricity, gas, steam and air conditioning supply"),
    ("E", "36", "Water collection, treatment and supply"),
    ("E", "37", "Sewerage"),
    ("E", "38", "Waste collection, treatment and disposal activities; materials recovery"),
    ("E", "39", "Remediation activities and other waste management services"),
    ("F", "41", "Construction of buildings"),
    ("F", "42", "Civil engineering"),
    ("F", "43", "Specialised construction activities"),
    ("G", "45", "Wholesale and retail trade and repair of motor vehicles and motorcycles"),
    ("G", "46", "Wholesale trade, except of motor vehicles and motorcycles"),
    ("G", "47", "Retail trade, except of motor vehicles and motorcycles"),
    ("H", "49", "Land transport and transport via pipelines"),
    ("H", "50", "Water transport"),
    ("H", "51", "Air transport"),
    ("H", "52", "Warehousing and support activities for transportation"),
    ("H", "53", "Postal and courier activities"),
    ("I", "55", "Accommodation"),
    ("I", "56", "Food and beverage service activities"),
    ("J", "58", "Publishing activities"),
    (
        "J",
        "59",
        "Motion picture, video and television programme production, sound recording and music publishing activities",
    ),
    ("J", "60", "Programming and broadcasting activities"),
    ("J", "61", "Telecommunications"),
    ("J", "62", "Computer programming, consultancy and related activities"),
    ("J", "63", "Information service activities"),
    ("K", "64", "Financial service activities, except insurance and pension funding"),
    ("K", "65", "Insurance, reinsurance and pension funding, except compulsory social security"),
    ("K", "66", "Activities auxiliary to financial services and insurance activities"),
    ("L", "68", "Real estate activities"),
    ("M", "69", "Legal and accounting activities"),
    ("M", "70", "Activities of head offices; management consultancy activities"),
    ("M", "71", "Architectural and engineering activities; technical testing and analysis"),
    ("M", "72", "Scientific research and development"),
    ("M", "73", "Advertising and market research"),
    ("M", "74", "Other professional, scientific and technical activities"),
    ("M", "75", "Veterinary activities"),
    ("N", "77", "Rental and leasing activities"),
    ("N", "78", "Employment activities"),
    ("N", "79", "Travel agency, tour operator and other reservation service and related activities"),
    ("N", "80", "Security and investigation activities"),
    ("N", "81", "Services to buildings and landscape activities"),
    ("N", "82", "Office administrative, office support and other business support activities"),
    ("O", "84", "Public administration and defence; compulsory social security"),
    ("P", "85", "Education"),
    ("Q", "86", "Human health activities"),
    ("Q", "87", "Residential care activities"),
    ("Q", "88", "Social work activities without accommodation"),
    ("R", "90", "Creative, arts and entertainment activities"),
    ("R", "91", "Libraries, archives, museums and other cultural activities"),
    ("R", "92", "Gambling and betting activities"),
    ("R", "93", "Sports activities and amusement and recreation activities"),
    ("S", "94", "Activities of membership organisations"),
    ("S", "95", "Repair of computers and personal and household goods"),
    ("S", "96", "Other personal service activities"),
    ("T", "97", "Activities of households as employers of domestic personnel"),
    ("T", "98", "Undifferentiated goods- and services-producing activities of private households for own use"),
    ("U", "99", "Activities of extraterritorial organisations and bodies"),
];

/// Share of each section in employment, EU-27 around 2019, in % (rounded from Eurostat
/// LFS `lfsa_egan2`); the generator normalises them, then replaces A, C and I by the
/// country's shares.
pub(super) const SECTION_SHARES: [(&str, f64); 21] = [
    ("A", 4.4),
    ("B", 0.4),
    ("C", 16.3),
    ("D", 0.7),
    ("E", 0.8),
    ("F", 6.7),
    ("G", 13.6),
    ("H", 5.3),
    ("I", 4.8),
    ("J", 3.1),
    ("K", 2.5),
    ("L", 0.9),
    ("M", 5.6),
    ("N", 4.2),
    ("O", 6.9),
    ("P", 7.3),
    ("Q", 11.0),
    ("R", 1.8),
    ("S", 2.4),
    ("T", 0.9),
    ("U", 0.1),
];

/// Share of each manufacturing division in manufacturing employment, EU-27 around 2019, in
/// % (rounded from Eurostat SBS `sbs_na_ind_r2`, persons employed); normalised by the generator.
pub(super) const MANUFACTURING_SHARES: [(&str, f64); 24] = [
    ("C10", 15.0),
    ("C11", 1.4),
    ("C12", 0.1),
    ("C13", 1.9),
    ("C14", 2.9),
    ("C15", 1.3),
    ("C16", 3.1),
    ("C17", 1.8),
    ("C18", 2.1),
    ("C19", 0.3),
    ("C20", 3.7),
    ("C21", 2.0),
    ("C22", 5.2),
    ("C23", 3.9),
    ("C24", 2.6),
    ("C25", 12.0),
    ("C26", 3.8),
    ("C27", 4.7),
    ("C28", 9.5),
    ("C29", 7.8),
    ("C30", 1.9),
    ("C31", 3.3),
    ("C32", 2.8),
    ("C33", 4.3),
];

/// Annual employment trend of each observation unit, in % per year (assumption, after the
/// direction of EU-27 LFS changes 2012-2021: agriculture and textiles shrink, ICT, business
/// services and health grow).
pub(super) const TRENDS: [(&str, f64); 44] = [
    ("A", -2.5),
    ("B", -2.0),
    ("C10", 0.5),
    ("C11", 0.3),
    ("C12", -4.0),
    ("C13", -3.0),
    ("C14", -3.5),
    ("C15", -2.5),
    ("C16", -0.5),
    ("C17", -0.5),
    ("C18", -2.5),
    ("C19", -2.0),
    ("C20", 0.0),
    ("C21", 1.5),
    ("C22", 1.2),
    ("C23", -0.5),
    ("C24", -0.8),
    ("C25", 0.6),
    ("C26", 1.0),
    ("C27", 1.5),
    ("C28", 0.8),
    ("C29", 2.0),
    ("C30", 0.3),
    ("C31", -1.0),
    ("C32", 0.5),
    ("C33", 1.0),
    ("D", -0.5),
    ("E", 1.0),
    ("F", 0.5),
    ("G", 0.3),
    ("H", 1.2),
    ("I", 1.5),
    ("J", 3.5),
    ("K", -0.5),
    ("L", 1.0),
    ("M", 2.5),
    ("N", 2.0),
    ("O", 0.0),
    ("P", 0.8),
    ("Q", 1.8),
    ("R", 1.0),
    ("S", 0.0),
    ("T", -1.0),
    ("U", 0.0),
];

/// The annual trend of an observation unit as a fraction (0.02 = +2 % a year).
pub(super) fn trend(unit: &str) -> f64 {
    TRENDS.iter().find(|(u, _)| *u == unit).map_or(0.0, |(_, t)| t / 100.0)
}

/// Typical divisions of a non-manufacturing section, for the activities of organisations
/// (observations use sections outside manufacturing).
pub(super) const SECTION_DIVISIONS: [(&str, &[&str]); 20] = [
    ("A", &["A01", "A02", "A03"]),
    ("B", &["B08", "B06", "B05"]),
    ("D", &["D35"]),
    ("E", &["E38", "E36", "E37"]),
    ("F", &["F41", "F42", "F43"]),
    ("G", &["G46", "G47", "G45"]),
    ("H", &["H49", "H52", "H50", "H51"]),
    ("I", &["I55", "I56"]),
    ("J", &["J62", "J61", "J58", "J63"]),
    ("K", &["K64", "K66", "K65"]),
    ("L", &["L68"]),
    ("M", &["M71", "M72", "M69", "M70", "M73"]),
    ("N", &["N82", "N79", "N77", "N78"]),
    ("O", &["O84"]),
    ("P", &["P85"]),
    ("Q", &["Q86", "Q87", "Q88"]),
    ("R", &["R90", "R93", "R91"]),
    ("S", &["S95", "S96"]),
    ("T", &["T97"]),
    ("U", &["U99"]),
];

/// Units in which firms can plausibly be founded (market activities).
pub(super) fn is_market_unit(unit: &str) -> bool {
    !matches!(unit, "O" | "P" | "Q" | "T" | "U")
}

/// A word for firm names in an observation unit (`C29` -> "Automotive Components").
pub(super) fn firm_noun(unit: &str) -> &'static str {
    match unit {
        "A" => "Agro",
        "B" => "Minerals",
        "C10" => "Foods",
        "C11" => "Beverages",
        "C12" => "Tobacco",
        "C13" => "Textiles",
        "C14" => "Apparel",
        "C15" => "Footwear",
        "C16" => "Timber",
        "C17" => "Paper",
        "C18" => "Print",
        "C19" => "Refining",
        "C20" => "Chemicals",
        "C21" => "Pharma",
        "C22" => "Plastics",
        "C23" => "Ceramics",
        "C24" => "Metals",
        "C25" => "Metalworks",
        "C26" => "Electronics",
        "C27" => "Electrical",
        "C28" => "Machinery",
        "C29" => "Automotive Components",
        "C30" => "Transport Systems",
        "C31" => "Furniture",
        "C32" => "Manufacturing",
        "C33" => "Industrial Services",
        "D" => "Energy",
        "E" => "Recycling",
        "F" => "Construction",
        "G" => "Trading",
        "H" => "Logistics",
        "I" => "Hospitality",
        "J" => "Digital",
        "K" => "Finance",
        "L" => "Properties",
        "M" => "Engineering",
        "N" => "Business Services",
        "R" => "Leisure",
        _ => "Services",
    }
}

/// The observation unit of an activity id: manufacturing divisions stay (`C29`), other
/// divisions map to their section (`J62` -> `J`), sections stay.
pub(super) fn unit_of(activity: &str) -> &str {
    if activity.starts_with('C') && activity.len() == 3 { activity } else { activity.get(..1).unwrap_or(activity) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_consistent() {
        // every division's section exists, codes are unique and increasing
        for w in DIVISIONS.windows(2) {
            assert!(w[0].1 < w[1].1, "{} / {}", w[0].1, w[1].1);
        }
        for (s, _, _) in &DIVISIONS {
            assert!(SECTIONS.iter().any(|(l, _)| l == s));
        }
        // every section has at least one division
        for (s, _) in &SECTIONS {
            assert!(DIVISIONS.iter().any(|(l, _, _)| l == s), "{s}");
        }
        let manuf = DIVISIONS.iter().filter(|d| d.0 == "C").count();
        assert_eq!(manuf, MANUFACTURING_SHARES.len());
        for (id, _) in &MANUFACTURING_SHARES {
            assert!(DIVISIONS.iter().any(|(s, c, _)| format!("{s}{c}") == *id));
        }
        for (_, divs) in &SECTION_DIVISIONS {
            for d in *divs {
                assert!(DIVISIONS.iter().any(|(s, c, _)| format!("{s}{c}") == *d), "{d}");
            }
        }
        assert_eq!(unit_of("J62"), "J");
        assert_eq!(unit_of("C29"), "C29");
        assert_eq!(unit_of("A"), "A");
    }
}
