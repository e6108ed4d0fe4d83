//! Real geography of the South East Europe programme area: countries, NUTS 2021 regions
//! (ISO 3166-2 units where a country has no NUTS regions) and the main city of each basic
//! region. Plus, clearly separated, the rough country parameters of the synthetic economy.

/// A country of the programme area.
pub(super) struct CountryRow {
    /// Code as EU data write it (`EL` for Greece).
    pub(super) code: &'static str,
    /// English short name.
    pub(super) name: &'static str,
    /// Member of the EU on 1 January 2007, the start of the 2007-2013 programme.
    pub(super) eu_2007: bool,
    /// Year the country joined the EU (the EEC for Italy), if it has.
    pub(super) accession: Option<i32>,
}

const fn country(code: &'static str, name: &'static str, eu_2007: bool, accession: Option<i32>) -> CountryRow {
    CountryRow { code, name, eu_2007, accession }
}

/// The 16 countries of the South East Europe Transnational Cooperation Programme 2007-2013,
/// in the order the programme lists them. Membership is fixed at 1 January 2007 (Croatia
/// joined on 1 July 2013, so it counts as a non-member of the 2007-2013 programme).
pub(super) const COUNTRIES: [CountryRow; 16] = [
    country("AL", "Albania", false, None),
    country("AT", "Austria", true, Some(1995)),
    country("BA", "Bosnia and Herzegovina", false, None),
    country("BG", "Bulgaria", true, Some(2007)),
    country("HR", "Croatia", false, Some(2013)),
    country("EL", "Greece", true, Some(1981)),
    country("HU", "Hungary", true, Some(2004)),
    country("IT", "Italy", true, Some(1958)),
    country("MK", "North Macedonia", false, None),
    country("MD", "Moldova", false, None),
    country("ME", "Montenegro", false, None),
    country("RO", "Romania", true, Some(2007)),
    country("RS", "Serbia", false, None),
    country("SK", "Slovakia", true, Some(2004)),
    country("SI", "Slovenia", true, Some(2004)),
    country("UA", "Ukraine", false, None),
];

/// Countries of the Interreg Danube Transnational Programme 2014-2020 that are also in the
/// South East Europe area (the Danube area adds Czechia and two German Länder, which this
/// dataset does not hold; for Ukraine both programmes cover the same four oblasts).
pub(super) const DANUBE_COUNTRIES: [&str; 12] =
    ["AT", "BA", "BG", "HR", "HU", "MD", "ME", "RO", "RS", "SK", "SI", "UA"];

/// NUTS 2021 level-0 and level-1 regions (and the national level of Bosnia and Herzegovina
/// and Ukraine), so that every `parent` of a basic region resolves:
/// `(id, official name in Latin script, country, parent, level)`.
pub(super) const UPPER_REGIONS: [(&str, &str, &str, Option<&str>, u8); 43] = [
    ("AL", "Shqipëria", "AL", None, 0),
    ("AL0", "Shqipëria", "AL", Some("AL"), 1),
    ("AT", "Österreich", "AT", None, 0),
    ("AT1", "Ostösterreich", "AT", Some("AT"), 1),
    ("AT2", "Südösterreich", "AT", Some("AT"), 1),
    ("AT3", "Westösterreich", "AT", Some("AT"), 1),
    ("BA", "Bosna i Hercegovina", "BA", None, 0),
    ("BG", "Bulgaria", "BG", None, 0),
    ("BG3", "Severna i Yugoiztochna Bulgaria", "BG", Some("BG"), 1),
    ("BG4", "Yugozapadna i Yuzhna tsentralna Bulgaria", "BG", Some("BG"), 1),
    ("HR", "Hrvatska", "HR", None, 0),
    ("HR0", "Hrvatska", "HR", Some("HR"), 1),
    ("EL", "Elláda", "EL", None, 0),
    ("EL3", "Attiki", "EL", Some("EL"), 1),
    ("EL4", "Nisia Aigaiou, Kriti", "EL", Some("EL"), 1),
    ("EL5", "Voreia Elláda", "EL", Some("EL"), 1),
    ("EL6", "Kentriki Elláda", "EL", Some("EL"), 1),
    ("HU", "Magyarország", "HU", None, 0),
    ("HU1", "Közép-Magyarország", "HU", Some("HU"), 1),
    ("HU2", "Dunántúl", "HU", Some("HU"), 1),
    ("HU3", "Alföld és Észak", "HU", Some("HU"), 1),
    ("IT", "Italia", "IT", None, 0),
    ("ITC", "Nord-Ovest", "IT", Some("IT"), 1),
    ("ITH", "Nord-Est", "IT", Some("IT"), 1),
    ("ITI", "Centro (IT)", "IT", Some("IT"), 1),
    ("ITF", "Sud", "IT", Some("IT"), 1),
    ("MK", "Severna Makedonija", "MK", None, 0),
    ("MK0", "Severna Makedonija", "MK", Some("MK"), 1),
    ("ME", "Crna Gora", "ME", None, 0),
    ("ME0", "Crna Gora", "ME", Some("ME"), 1),
    ("RO", "România", "RO", None, 0),
    ("RO1", "Macroregiunea Unu", "RO", Some("RO"), 1),
    ("RO2", "Macroregiunea Doi", "RO", Some("RO"), 1),
    ("RO3", "Macroregiunea Trei", "RO", Some("RO"), 1),
    ("RO4", "Macroregiunea Patru", "RO", Some("RO"), 1),
    ("RS", "Srbija", "RS", None, 0),
    ("RS1", "Srbija - sever", "RS", Some("RS"), 1),
    ("RS2", "Srbija - jug", "RS", Some("RS"), 1),
    ("SK", "Slovensko", "SK", None, 0),
    ("SK0", "Slovensko", "SK", Some("SK"), 1),
    ("SI", "Slovenija", "SI", None, 0),
    ("SI0", "Slovenija", "SI", Some("SI"), 1),
    ("UA", "Ukraina", "UA", None, 0),
];

/// A basic (level-2) region of the programme area.
pub(super) struct BasicRegion {
    /// NUTS 2021 code; ISO 3166-2 code for Bosnia and Herzegovina and Ukraine; `MD` for Moldova.
    pub(super) id: &'static str,
    /// Official name in Latin script.
    pub(super) name: &'static str,
    /// Country code (EU form).
    pub(super) country: &'static str,
    /// Enclosing region (NUTS 1, or the country for BA and UA).
    pub(super) parent: Option<&'static str>,
    /// Main city whose coordinates stand for the region.
    pub(super) city: &'static str,
    /// Latitude of the main city, decimal degrees.
    pub(super) lat: f64,
    /// Longitude of the main city, decimal degrees.
    pub(super) lon: f64,
    /// Whether the region holds the national capital.
    pub(super) capital: bool,
    /// Rough resident population in thousands, used ONLY as the size prior of the synthetic
    /// employment (order of magnitude of Eurostat and national figures for 2012-2021). It is
    /// not exported as `Region::population`, because it is not a published figure.
    pub(super) size_prior: f64,
}

#[allow(clippy::too_many_arguments)] // a table row constructor, one argument per column
const fn basic(
    id: &'static str,
    name: &'static str,
    country: &'static str,
    parent: Option<&'static str>,
    city: &'static str,
    (lat, lon): (f64, f64),
    capital: bool,
    size_prior: f64,
) -> BasicRegion {
    BasicRegion { id, name, country, parent, city, lat, lon, capital, size_prior }
}

/// The 83 basic regions of the South East Europe programme area 2007-2013 (NUTS 2021 codes
/// and names), each with a main city (the regional seat, or the largest city where the
/// statistical region has no seat) and that city's coordinates rounded to 2 decimals.
pub(super) const BASIC_REGIONS: [BasicRegion; 83] = [
    basic("AL01", "Veri", "AL", Some("AL0"), "Shkodër", (42.07, 19.50), false, 760.0),
    basic("AL02", "Qender", "AL", Some("AL0"), "Tiranë", (41.33, 19.82), true, 1280.0),
    basic("AL03", "Jug", "AL", Some("AL0"), "Vlorë", (40.47, 19.49), false, 780.0),
    basic("AT11", "Burgenland", "AT", Some("AT1"), "Eisenstadt", (47.85, 16.52), false, 292.0),
    basic("AT12", "Niederösterreich", "AT", Some("AT1"), "Sankt Pölten", (48.20, 15.63), false, 1680.0),
    basic("AT13", "Wien", "AT", Some("AT1"), "Wien", (48.21, 16.37), true, 1900.0),
    basic("AT21", "Kärnten", "AT", Some("AT2"), "Klagenfurt", (46.62, 14.31), false, 560.0),
    basic("AT22", "Steiermark", "AT", Some("AT2"), "Graz", (47.07, 15.44), false, 1240.0),
    basic("AT31", "Oberösterreich", "AT", Some("AT3"), "Linz", (48.31, 14.29), false, 1480.0),
    basic("AT32", "Salzburg", "AT", Some("AT3"), "Salzburg", (47.81, 13.04), false, 555.0),
    basic("AT33", "Tirol", "AT", Some("AT3"), "Innsbruck", (47.27, 11.40), false, 750.0),
    basic("AT34", "Vorarlberg", "AT", Some("AT3"), "Bregenz", (47.50, 9.75), false, 395.0),
    basic("BA-BIH", "Federacija Bosne i Hercegovine", "BA", Some("BA"), "Sarajevo", (43.86, 18.41), true, 2220.0),
    basic("BA-SRP", "Republika Srpska", "BA", Some("BA"), "Banja Luka", (44.77, 17.19), false, 1170.0),
    basic("BA-BRC", "Brčko distrikt", "BA", Some("BA"), "Brčko", (44.87, 18.81), false, 85.0),
    basic("BG31", "Severozapaden", "BG", Some("BG3"), "Pleven", (43.42, 24.61), false, 760.0),
    basic("BG32", "Severen tsentralen", "BG", Some("BG3"), "Ruse", (43.84, 25.97), false, 800.0),
    basic("BG33", "Severoiztochen", "BG", Some("BG3"), "Varna", (43.21, 27.91), false, 930.0),
    basic("BG34", "Yugoiztochen", "BG", Some("BG3"), "Burgas", (42.50, 27.46), false, 1020.0),
    basic("BG41", "Yugozapaden", "BG", Some("BG4"), "Sofia", (42.70, 23.32), true, 2100.0),
    basic("BG42", "Yuzhen tsentralen", "BG", Some("BG4"), "Plovdiv", (42.14, 24.75), false, 1420.0),
    basic("HR02", "Panonska Hrvatska", "HR", Some("HR0"), "Osijek", (45.55, 18.69), false, 1050.0),
    basic("HR03", "Jadranska Hrvatska", "HR", Some("HR0"), "Split", (43.51, 16.44), false, 1370.0),
    basic("HR05", "Grad Zagreb", "HR", Some("HR0"), "Zagreb", (45.81, 15.98), true, 790.0),
    basic("HR06", "Sjeverna Hrvatska", "HR", Some("HR0"), "Varaždin", (46.30, 16.34), false, 850.0),
    basic("EL30", "Attiki", "EL", Some("EL3"), "Athina", (37.98, 23.73), true, 3780.0),
    basic("EL41", "Voreio Aigaio", "EL", Some("EL4"), "Mytilini", (39.10, 26.56), false, 200.0),
    basic("EL42", "Notio Aigaio", "EL", Some("EL4"), "Ermoupoli", (37.44, 24.94), false, 330.0),
    basic("EL43", "Kriti", "EL", Some("EL4"), "Irakleio", (35.34, 25.14), false, 630.0),
    basic("EL51", "Anatoliki Makedonia, Thraki", "EL", Some("EL5"), "Komotini", (41.12, 25.41), false, 600.0),
    basic("EL52", "Kentriki Makedonia", "EL", Some("EL5"), "Thessaloniki", (40.64, 22.94), false, 1870.0),
    basic("EL53", "Dytiki Makedonia", "EL", Some("EL5"), "Kozani", (40.30, 21.79), false, 270.0),
    basic("EL54", "Ipeiros", "EL", Some("EL5"), "Ioannina", (39.67, 20.85), false, 330.0),
    basic("EL61", "Thessalia", "EL", Some("EL6"), "Larisa", (39.64, 22.42), false, 720.0),
    basic("EL62", "Ionia Nisia", "EL", Some("EL6"), "Kerkyra", (39.62, 19.92), false, 205.0),
    basic("EL63", "Dytiki Elláda", "EL", Some("EL6"), "Patra", (38.25, 21.73), false, 670.0),
    basic("EL64", "Sterea Elláda", "EL", Some("EL6"), "Lamia", (38.90, 22.43), false, 550.0),
    basic("EL65", "Peloponnisos", "EL", Some("EL6"), "Tripoli", (37.51, 22.38), false, 570.0),
    basic("HU11", "Budapest", "HU", Some("HU1"), "Budapest", (47.50, 19.04), true, 1740.0),
    basic("HU12", "Pest", "HU", Some("HU1"), "Érd", (47.39, 18.90), false, 1260.0),
    basic("HU21", "Közép-Dunántúl", "HU", Some("HU2"), "Székesfehérvár", (47.19, 18.42), false, 1070.0),
    basic("HU22", "Nyugat-Dunántúl", "HU", Some("HU2"), "Győr", (47.69, 17.65), false, 990.0),
    basic("HU23", "Dél-Dunántúl", "HU", Some("HU2"), "Pécs", (46.07, 18.23), false, 900.0),
    basic("HU31", "Észak-Magyarország", "HU", Some("HU3"), "Miskolc", (48.10, 20.78), false, 1150.0),
    basic("HU32", "Észak-Alföld", "HU", Some("HU3"), "Debrecen", (47.53, 21.63), false, 1470.0),
    basic("HU33", "Dél-Alföld", "HU", Some("HU3"), "Szeged", (46.25, 20.14), false, 1250.0),
    basic("ITC4", "Lombardia", "IT", Some("ITC"), "Milano", (45.46, 9.19), false, 9970.0),
    basic("ITH1", "Provincia Autonoma di Bolzano/Bozen", "IT", Some("ITH"), "Bolzano", (46.50, 11.35), false, 525.0),
    basic("ITH2", "Provincia Autonoma di Trento", "IT", Some("ITH"), "Trento", (46.07, 11.12), false, 540.0),
    basic("ITH3", "Veneto", "IT", Some("ITH"), "Venezia", (45.44, 12.32), false, 4880.0),
    basic("ITH4", "Friuli-Venezia Giulia", "IT", Some("ITH"), "Trieste", (45.65, 13.78), false, 1215.0),
    basic("ITH5", "Emilia-Romagna", "IT", Some("ITH"), "Bologna", (44.49, 11.34), false, 4440.0),
    basic("ITI2", "Umbria", "IT", Some("ITI"), "Perugia", (43.11, 12.39), false, 880.0),
    basic("ITI3", "Marche", "IT", Some("ITI"), "Ancona", (43.62, 13.52), false, 1520.0),
    basic("ITF1", "Abruzzo", "IT", Some("ITF"), "L'Aquila", (42.35, 13.40), false, 1300.0),
    basic("ITF2", "Molise", "IT", Some("ITF"), "Campobasso", (41.56, 14.66), false, 305.0),
    basic("ITF4", "Puglia", "IT", Some("ITF"), "Bari", (41.12, 16.87), false, 3990.0),
    basic("ITF5", "Basilicata", "IT", Some("ITF"), "Potenza", (40.64, 15.81), false, 565.0),
    basic("MK00", "Severna Makedonija", "MK", Some("MK0"), "Skopje", (42.00, 21.43), true, 1950.0),
    basic("MD", "Republica Moldova", "MD", None, "Chișinău", (47.01, 28.86), true, 2700.0),
    basic("ME00", "Crna Gora", "ME", Some("ME0"), "Podgorica", (42.43, 19.26), true, 620.0),
    basic("RO11", "Nord-Vest", "RO", Some("RO1"), "Cluj-Napoca", (46.77, 23.62), false, 2580.0),
    basic("RO12", "Centru", "RO", Some("RO1"), "Brașov", (45.64, 25.59), false, 2340.0),
    basic("RO21", "Nord-Est", "RO", Some("RO2"), "Iași", (47.16, 27.60), false, 3240.0),
    basic("RO22", "Sud-Est", "RO", Some("RO2"), "Constanța", (44.16, 28.63), false, 2480.0),
    basic("RO31", "Sud-Muntenia", "RO", Some("RO3"), "Ploiești", (44.94, 26.01), false, 3050.0),
    basic("RO32", "Bucureşti-Ilfov", "RO", Some("RO3"), "București", (44.43, 26.10), true, 2300.0),
    basic("RO41", "Sud-Vest Oltenia", "RO", Some("RO4"), "Craiova", (44.33, 23.79), false, 2030.0),
    basic("RO42", "Vest", "RO", Some("RO4"), "Timișoara", (45.75, 21.21), false, 1790.0),
    basic("RS11", "Beogradski region", "RS", Some("RS1"), "Beograd", (44.79, 20.45), true, 1660.0),
    basic("RS12", "Region Vojvodine", "RS", Some("RS1"), "Novi Sad", (45.27, 19.83), false, 1900.0),
    basic("RS21", "Region Šumadije i Zapadne Srbije", "RS", Some("RS2"), "Kragujevac", (44.01, 20.91), false, 2000.0),
    basic("RS22", "Region Južne i Istočne Srbije", "RS", Some("RS2"), "Niš", (43.32, 21.90), false, 1560.0),
    basic("SK01", "Bratislavský kraj", "SK", Some("SK0"), "Bratislava", (48.15, 17.11), true, 640.0),
    basic("SK02", "Západné Slovensko", "SK", Some("SK0"), "Nitra", (48.31, 18.09), false, 1820.0),
    basic("SK03", "Stredné Slovensko", "SK", Some("SK0"), "Žilina", (49.22, 18.74), false, 1345.0),
    basic("SK04", "Východné Slovensko", "SK", Some("SK0"), "Košice", (48.72, 21.26), false, 1600.0),
    basic("SI03", "Vzhodna Slovenija", "SI", Some("SI0"), "Maribor", (46.55, 15.65), false, 1090.0),
    basic("SI04", "Zahodna Slovenija", "SI", Some("SI0"), "Ljubljana", (46.06, 14.51), true, 970.0),
    basic("UA-77", "Chernivetska oblast", "UA", Some("UA"), "Chernivtsi", (48.29, 25.94), false, 905.0),
    basic("UA-26", "Ivano-Frankivska oblast", "UA", Some("UA"), "Ivano-Frankivsk", (48.92, 24.71), false, 1380.0),
    basic("UA-21", "Zakarpatska oblast", "UA", Some("UA"), "Uzhhorod", (48.62, 22.29), false, 1255.0),
    basic("UA-51", "Odeska oblast", "UA", Some("UA"), "Odesa", (46.48, 30.72), false, 2390.0),
];

/// Rough country parameters of the synthetic economy (NOT exported as data; each is stated
/// to one or two significant digits, around 2012):
/// `(country, employed persons per resident, share of agriculture A, share of manufacturing
/// C, share of accommodation and food I in employment, GVA per person employed in EUR
/// thousand, EPO patent applications per million inhabitants, R&D expenditure in % of GDP)`.
///
/// Sources: Eurostat `lfsa_egan2` (employment by NACE section), `nama_10_lp_ulc` and
/// `nama_10r_2gvagr` (productivity), `pat_ep_rtot` (EPO applications), `rd_e_gerdtot` (GERD);
/// World Bank World Development Indicators and national statistical offices for AL, BA, MD,
/// ME, MK, RS and UA. Values are rounded recollections of those tables, used as generator
/// parameters only.
pub(super) const COUNTRY_ECONOMY: [(&str, [f64; 7]); 16] = [
    ("AL", [0.34, 0.42, 0.08, 0.04, 9.0, 0.3, 0.15]),
    ("AT", [0.50, 0.05, 0.165, 0.06, 80.0, 200.0, 2.9]),
    ("BA", [0.23, 0.19, 0.18, 0.045, 12.0, 0.5, 0.27]),
    ("BG", [0.40, 0.065, 0.20, 0.06, 13.0, 4.0, 0.6]),
    ("HR", [0.33, 0.12, 0.165, 0.07, 30.0, 4.0, 0.75]),
    ("EL", [0.34, 0.12, 0.095, 0.085, 38.0, 8.0, 0.7]),
    ("HU", [0.39, 0.05, 0.215, 0.04, 28.0, 12.0, 1.27]),
    ("IT", [0.38, 0.037, 0.19, 0.055, 62.0, 73.0, 1.27]),
    ("MK", [0.32, 0.17, 0.195, 0.04, 11.0, 1.0, 0.33]),
    ("MD", [0.32, 0.26, 0.105, 0.02, 6.0, 0.5, 0.4]),
    ("ME", [0.32, 0.06, 0.065, 0.09, 16.0, 1.0, 0.41]),
    ("RO", [0.42, 0.28, 0.19, 0.025, 19.0, 2.0, 0.48]),
    ("RS", [0.31, 0.20, 0.165, 0.035, 12.0, 2.0, 0.91]),
    ("SK", [0.43, 0.032, 0.235, 0.035, 36.0, 8.0, 0.8]),
    ("SI", [0.45, 0.08, 0.23, 0.05, 45.0, 60.0, 2.6]),
    ("UA", [0.42, 0.17, 0.14, 0.025, 5.0, 1.5, 0.75]),
];

/// The economy parameters of a country (see [`COUNTRY_ECONOMY`]); a neutral row if unknown.
pub(super) fn economy_of(country: &str) -> [f64; 7] {
    COUNTRY_ECONOMY.iter().find(|(c, _)| *c == country).map_or([0.38, 0.1, 0.16, 0.05, 20.0, 5.0, 0.8], |(_, row)| *row)
}

/// The country row of a code.
pub(super) fn country_of(code: &str) -> Option<&'static CountryRow> {
    COUNTRIES.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parent_exists_and_codes_are_unique() {
        let mut ids: Vec<&str> = UPPER_REGIONS.iter().map(|r| r.0).collect();
        ids.extend(BASIC_REGIONS.iter().map(|r| r.id));
        let n = ids.len();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), n, "duplicate region id");
        for r in &BASIC_REGIONS {
            if let Some(p) = r.parent {
                assert!(ids.contains(&p), "{} has unknown parent {p}", r.id);
            }
            assert!(country_of(r.country).is_some(), "{} has unknown country", r.id);
            assert!(r.id == "MD" || r.id.starts_with(r.country), "{} does not start with {}", r.id, r.country);
        }
        for r in &UPPER_REGIONS {
            if let Some(p) = r.3 {
                assert!(ids.contains(&p), "{} has unknown parent {p}", r.0);
            }
        }
    }

    #[test]
    fn programme_area_counts() {
        let count = |c: &str| BASIC_REGIONS.iter().filter(|r| r.country == c).count();
        // NUTS 2021 level 2: AT 9, BG 6, EL 13, HU 8, HR 4, RO 8, SK 4, SI 2; 12 Italian regions.
        let expected = [
            ("AT", 9),
            ("BG", 6),
            ("EL", 13),
            ("HU", 8),
            ("HR", 4),
            ("RO", 8),
            ("SK", 4),
            ("SI", 2),
            ("IT", 12),
            ("AL", 3),
            ("MK", 1),
            ("ME", 1),
            ("RS", 4),
            ("BA", 3),
            ("MD", 1),
            ("UA", 4),
        ];
        for (c, n) in expected {
            assert_eq!(count(c), n, "{c}");
        }
        assert_eq!(COUNTRY_ECONOMY.len(), COUNTRIES.len());
        for c in &COUNTRIES {
            assert!(COUNTRY_ECONOMY.iter().any(|(k, _)| *k == c.code));
        }
    }
}
