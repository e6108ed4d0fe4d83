//! Reference tests of `clusterpolicy::complexity` against the peer outputs shipped with the
//! real data in `../shared/data` (see each folder's PROVENANCE.md):
//!
//! - world-trade-sitc4-1998-2000: py-ecomplexity 0.5.3 (raw and filtered country, product and
//!   cell outputs) and R economiccomplexity 2.0.0 (fitness / complexity, binary Mcp);
//! - spain-provinces-hs-sections-2022: Datawheel economic-complexity 0.3.0 (RCA, reflections,
//!   proximity, relatedness, subnational ECI) and py-ecomplexity 0.5.3 per cell;
//! - australia-lga-anzsic19-census: EconGeo 1.3 (co-occurrence, four relatedness methods,
//!   relatedness density, KCI / TCI, `MORc` / `MORt`) on the 2021 matrix.
//!
//! Tolerance: 1e-9 absolute everywhere. The peers' outputs are printed with 15 significant
//! digits and computed in a different order of operations (BLAS sums, a non-symmetric
//! eigensolver); the values are O(1), so 1e-9 leaves room for that while catching any
//! difference of convention. EconGeo's rounded outputs (relatedness density to 2 decimals)
//! must match exactly. Each test prints its maximum absolute error.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use clusterpolicy::complexity::{
    ComplexityMethod, ComplexityParams, DensityParams, Diagonal, ProfileParams, RelatednessMethod, RelatednessParams,
    SubnationalParams, complexity_profile, cooccurrence, economic_complexity, relatedness, relatedness_density,
    subnational_eci,
};
use clusterpolicy::model::LabelledMatrix;
use clusterpolicy::model::csv::{Duplicates, LongCsvOptions, LongTable};
use clusterpolicy::ndarray::Array2;
use clusterpolicy::specialisation::{Handling, RcaParams, presence, rca};
use clusterpolicy_tests::shared_data;

const TOL: f64 = 1e-9;

/// A small CSV reader (R's `write.csv` and pandas' `to_csv`): header, quoted strings.
fn read_csv(path: &Path) -> Vec<HashMap<String, String>> {
    fn split(line: &str) -> Vec<String> {
        let (mut out, mut cur, mut quoted) = (Vec::new(), String::new(), false);
        for ch in line.chars() {
            match ch {
                '"' => quoted = !quoted,
                ',' if !quoted => out.push(std::mem::take(&mut cur)),
                '\u{feff}' => {}
                c => cur.push(c),
            }
        }
        out.push(cur);
        out
    }
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines().filter(|l| !l.is_empty());
    let header = split(lines.next().unwrap());
    lines.map(|l| header.iter().cloned().zip(split(l)).collect()).collect()
}

fn num(row: &HashMap<String, String>, col: &str) -> f64 {
    let s = &row[col];
    if s == "NA" || s.is_empty() { f64::NAN } else { s.parse().unwrap_or_else(|_| panic!("{col}: {s}")) }
}

/// A labelled matrix from a long CSV (values summed over duplicates, sorted labels).
fn long_matrix(path: &Path, region: &str, activity: &str, value: &str) -> LabelledMatrix {
    let opts = LongCsvOptions {
        region: region.into(),
        activity: activity.into(),
        value: value.into(),
        duplicates: Duplicates::Sum,
        ..LongCsvOptions::default()
    };
    LongTable::from_path(path, &opts).unwrap().to_matrix().unwrap()
}

fn dir(name: &str) -> Option<PathBuf> {
    shared_data().map(|d| d.join(name))
}

fn check(what: &str, err: f64, tol: f64) {
    println!("{what}: max abs error {err:.3e}");
    assert!(err <= tol, "{what}: max abs error {err:e} above {tol:e}");
}

/// Max abs error of `ours(label) ` against `expected` over all expected labels.
fn max_err(expected: &[(String, f64)], ours: &HashMap<String, f64>) -> f64 {
    expected
        .iter()
        .map(|(l, e)| {
            let v = ours.get(l).unwrap_or_else(|| panic!("no value for {l}"));
            if e.is_nan() && v.is_nan() { 0.0 } else { (v - e).abs() }
        })
        .fold(0.0, f64::max)
}

fn column(rows: &[HashMap<String, String>], key: &str, col: &str) -> Vec<(String, f64)> {
    rows.iter().map(|r| (r[key].clone(), num(r, col))).collect()
}

fn profile_maps(t: &clusterpolicy::complexity::ProfileTable) -> BTreeMap<&'static str, HashMap<(String, String), f64>> {
    let mut out = BTreeMap::new();
    let cols: [(&'static str, &Vec<f64>); 10] = [
        ("value", &t.value),
        ("rca", &t.rca),
        ("mcp", &t.mcp),
        ("diversity", &t.diversity),
        ("ubiquity", &t.ubiquity),
        ("eci", &t.eci),
        ("pci", &t.pci),
        ("density", &t.density),
        ("coi", &t.coi),
        ("cog", &t.cog),
    ];
    for (name, v) in cols {
        let mut m = HashMap::with_capacity(t.len());
        for (k, x) in v.iter().enumerate() {
            m.insert((t.regions[t.region[k] as usize].clone(), t.activities[t.activity[k] as usize].clone()), *x);
        }
        out.insert(name, m);
    }
    out
}

fn cell_err(
    rows: &[HashMap<String, String>],
    rkey: &str,
    akey: &str,
    col: &str,
    ours: &HashMap<(String, String), f64>,
) -> f64 {
    rows.iter()
        .map(|r| {
            let e = num(r, col);
            let v = ours
                .get(&(r[rkey].clone(), r[akey].clone()))
                .unwrap_or_else(|| panic!("no cell {} / {}", r[rkey], r[akey]));
            (v - e).abs()
        })
        .fold(0.0, f64::max)
}

// ---------------------------------------------------------------- world trade, py-ecomplexity

fn world_trade(d: &Path) -> LabelledMatrix {
    long_matrix(&d.join("trade.csv"), "country", "product", "value")
}

fn check_ecomplexity_world(d: &Path, m: &LabelledMatrix, variant: &str) {
    let t = complexity_profile(m, &ProfileParams::default()).unwrap();
    let maps = profile_maps(&t);
    let by_region =
        |col: &str| -> HashMap<String, f64> { maps[col].iter().map(|((r, _), v)| (r.clone(), *v)).collect() };
    let by_activity =
        |col: &str| -> HashMap<String, f64> { maps[col].iter().map(|((_, a), v)| (a.clone(), *v)).collect() };
    let country = read_csv(&d.join(format!("expected_ecomplexity053_{variant}_country.csv")));
    let product = read_csv(&d.join(format!("expected_ecomplexity053_{variant}_product.csv")));
    assert_eq!(t.regions.len(), m.rows().len());
    for col in ["diversity", "eci", "coi"] {
        check(
            &format!("world trade {variant}: {col}"),
            max_err(&column(&country, "country", col), &by_region(col)),
            TOL,
        );
    }
    for col in ["ubiquity", "pci"] {
        check(
            &format!("world trade {variant}: {col}"),
            max_err(&column(&product, "product", col), &by_activity(col)),
            TOL,
        );
    }
    let cells = read_csv(&d.join(format!("expected_ecomplexity053_{variant}_cells_sample.csv")));
    for col in ["rca", "mcp", "density", "cog"] {
        let err = cell_err(&cells, "country", "product", col, &maps[col]);
        check(&format!("world trade {variant}: cells {col}"), err, TOL);
    }
}

#[test]
fn world_trade_ecomplexity_raw() {
    let Some(d) = dir("world-trade-sitc4-1998-2000") else { return };
    let m = world_trade(&d);
    assert_eq!(m.dim(), (226, 785));
    check_ecomplexity_world(&d, &m, "raw");
}

#[test]
fn world_trade_ecomplexity_filtered() {
    let Some(d) = dir("world-trade-sitc4-1998-2000") else { return };
    let m = world_trade(&d);
    let v = m.values();
    // Countries with total exports >= 1e8 and products with world total >= 1e7.
    let rows: Vec<usize> = (0..v.nrows()).filter(|&i| v.row(i).sum() >= 1e8).collect();
    let cols: Vec<usize> = (0..v.ncols()).filter(|&j| v.column(j).sum() >= 1e7).collect();
    let sub = Array2::from_shape_fn((rows.len(), cols.len()), |(a, b)| v[[rows[a], cols[b]]]);
    let f = LabelledMatrix::new(
        rows.iter().map(|&i| m.rows()[i].clone()).collect(),
        cols.iter().map(|&j| m.cols()[j].clone()).collect(),
        sub,
    )
    .unwrap();
    assert_eq!(f.dim(), (136, 736));
    check_ecomplexity_world(&d, &f, "filtered");
}

// ---------------------------------------------------------------- world trade, economiccomplexity

#[test]
fn world_trade_fitness_complexity() {
    let Some(d) = dir("world-trade-sitc4-1998-2000") else { return };
    let m = world_trade(&d);
    // The package's binary Balassa index is our presence.
    let p = presence(&m, &RcaParams::default()).unwrap();
    let ones: std::collections::HashSet<(String, String)> = read_csv(&d.join("expected_ec2_mcp_ones.csv"))
        .into_iter()
        .map(|r| (r["country"].clone(), r["product"].clone()))
        .collect();
    let mut mismatches = 0;
    for (i, r) in p.rows().iter().enumerate() {
        for (j, a) in p.cols().iter().enumerate() {
            if (p.values()[[i, j]] == 1.0) != ones.contains(&(r.clone(), a.clone())) {
                mismatches += 1;
            }
        }
    }
    assert_eq!(mismatches, 0, "binary Mcp differs from economiccomplexity's");
    let c = economic_complexity(&p, &ComplexityParams::with_method(ComplexityMethod::Fitness)).unwrap();
    assert_eq!(c.iterations, 19);
    let f: HashMap<String, f64> = c.regions.iter().map(|r| (r.region.clone(), r.eci)).collect();
    let q: HashMap<String, f64> = c.activities.iter().map(|a| (a.activity.clone(), a.pci)).collect();
    let ef = column(&read_csv(&d.join("expected_ec2_fitness_country.csv")), "country", "fitness");
    let eq = column(&read_csv(&d.join("expected_ec2_complexity_product.csv")), "product", "complexity");
    check("world trade: fitness", max_err(&ef, &f), TOL);
    check("world trade: complexity", max_err(&eq, &q), TOL);
}

// ---------------------------------------------------------------- Spain, py-ecomplexity and Datawheel

fn spain(d: &Path, which: &str) -> LabelledMatrix {
    let region = if which == "subnat" { "Subnat Geography ID" } else { "Country ID" };
    long_matrix(&d.join(format!("{which}_exports.csv")), region, "Section ID", "Trade Value")
}

fn region_key(which: &str) -> &'static str {
    if which == "subnat" { "Subnat Geography ID" } else { "Country ID" }
}

#[test]
fn spain_ecomplexity_cells() {
    let Some(d) = dir("spain-provinces-hs-sections-2022") else { return };
    for which in ["global", "subnat"] {
        let m = spain(&d, which);
        let t = complexity_profile(&m, &ProfileParams::default()).unwrap();
        let maps = profile_maps(&t);
        let rows = read_csv(&d.join(format!("expected_ecomplexity053_{which}.csv")));
        for col in ["rca", "mcp", "diversity", "ubiquity", "eci", "pci", "density", "coi", "cog"] {
            let err = cell_err(&rows, region_key(which), "Section ID", col, &maps[col]);
            check(&format!("Spain {which} (py-ecomplexity): {col}"), err, TOL);
        }
    }
}

fn dw_rca(m: &LabelledMatrix) -> LabelledMatrix {
    rca(m, &RcaParams { zero_rows: Handling::Nan, zero_cols: Handling::Nan, ..RcaParams::default() }).unwrap()
}

fn binary(m: &LabelledMatrix) -> LabelledMatrix {
    // Datawheel: rca.ge(1), NaN -> False.
    let v = m.values().mapv(|x| if x >= 1.0 { 1.0 } else { 0.0 });
    LabelledMatrix::new(m.rows().to_vec(), m.cols().to_vec(), v).unwrap()
}

fn cells_of(m: &LabelledMatrix) -> HashMap<(String, String), f64> {
    let mut out = HashMap::new();
    for (i, r) in m.rows().iter().enumerate() {
        for (j, a) in m.cols().iter().enumerate() {
            out.insert((r.clone(), a.clone()), m.values()[[i, j]]);
        }
    }
    out
}

#[test]
fn spain_datawheel() {
    let Some(d) = dir("spain-provinces-hs-sections-2022") else { return };
    let mut global_pci = BTreeMap::new();
    for which in ["global", "subnat"] {
        let m = spain(&d, which);
        let key = region_key(which);
        let r = dw_rca(&m);
        let rows = read_csv(&d.join(format!("expected_dw030_{which}_rca.csv")));
        check(
            &format!("Spain {which} (Datawheel): rca"),
            cell_err(&rows, key, "Section ID", "rca", &cells_of(&r)),
            TOL,
        );
        let p = binary(&r);
        let c = economic_complexity(&p, &ComplexityParams::with_method(ComplexityMethod::Reflections)).unwrap();
        let eci: HashMap<String, f64> = c.regions.iter().map(|x| (x.region.clone(), x.eci)).collect();
        let pci: HashMap<String, f64> = c.activities.iter().map(|x| (x.activity.clone(), x.pci)).collect();
        let e = column(&read_csv(&d.join(format!("expected_dw030_{which}_eci.csv"))), key, "eci");
        let q = column(&read_csv(&d.join(format!("expected_dw030_{which}_pci.csv"))), "Section ID", "pci");
        check(&format!("Spain {which} (Datawheel): eci"), max_err(&e, &eci), TOL);
        check(&format!("Spain {which} (Datawheel): pci"), max_err(&q, &pci), TOL);
        if which == "global" {
            global_pci = c.pci_map();
        }
        let phi = relatedness(&p, &RelatednessParams::proximity(Diagonal::Zero)).unwrap();
        let rows = read_csv(&d.join(format!("expected_dw030_{which}_proximity.csv")));
        check(
            &format!("Spain {which} (Datawheel): proximity"),
            cell_err(&rows, "section_1", "section_2", "proximity", &cells_of(&phi)),
            TOL,
        );
        let dens = relatedness_density(&p, &phi, &DensityParams::default()).unwrap();
        let rows = read_csv(&d.join(format!("expected_dw030_{which}_relatedness.csv")));
        check(
            &format!("Spain {which} (Datawheel): relatedness"),
            cell_err(&rows, key, "Section ID", "relatedness", &cells_of(&dens)),
            TOL,
        );
    }
    let sub = binary(&dw_rca(&spain(&d, "subnat")));
    let eci = subnational_eci(&sub, &global_pci, &SubnationalParams::default()).unwrap();
    let ours: HashMap<String, f64> = eci.into_iter().map(|s| (s.region, s.value)).collect();
    let e = column(
        &read_csv(&d.join("expected_dw030_subnat_eci_from_global_pci.csv")),
        "Subnat Geography ID",
        "eci_subnational",
    );
    check("Spain subnational ECI from global PCI (Datawheel)", max_err(&e, &ours), TOL);
}

// ---------------------------------------------------------------- Australia, EconGeo

const NON_INDUSTRIES: [&str; 3] = ["Inadequately described", "Not stated", "Not applicable"];

/// EconGeo's input of PROVENANCE.md: 2021, the 19 divisions, LGAs with a non-zero total.
fn au_2021(d: &Path) -> LabelledMatrix {
    let opts = LongCsvOptions {
        region: "lga_pow".into(),
        activity: "industry".into(),
        year: Some("year".into()),
        value: "employment".into(),
        exclude_activities: NON_INDUSTRIES.iter().map(|s| (*s).to_owned()).collect(),
        ..LongCsvOptions::default()
    };
    let m =
        LongTable::from_path(d.join("employment_lga_pow_industry.csv"), &opts).unwrap().matrix_for_year(2021).unwrap();
    // EconGeo's binary LQ: LQ >= 1 (LQ == 1 stays 1), zero rows dropped.
    presence(&m, &RcaParams { zero_rows: Handling::Drop, ..RcaParams::default() }).unwrap()
}

#[test]
fn australia_econgeo_relatedness_and_density() {
    let Some(d) = dir("australia-lga-anzsic19-census") else { return };
    let p = au_2021(&d);
    assert_eq!(p.dim(), (554, 19));
    let rows = read_csv(&d.join("expected_econgeo_2021_relatedness.csv"));
    let mut cooc = cooccurrence(&p).unwrap();
    let (r, c, mut v) = cooc.clone().into_parts();
    v.diag_mut().fill(0.0);
    cooc = LabelledMatrix::new(r, c, v).unwrap();
    check(
        "Australia (EconGeo): cooccurrence",
        cell_err(&rows, "industry_1", "industry_2", "cooccurrence", &cells_of(&cooc)),
        0.0,
    );
    let mut prob = None;
    for (method, col) in [
        (RelatednessMethod::Probability, "rel_prob"),
        (RelatednessMethod::Association, "rel_association"),
        (RelatednessMethod::Cosine, "rel_cosine"),
        (RelatednessMethod::Jaccard, "rel_jaccard"),
    ] {
        let rel = relatedness(&p, &RelatednessParams { method, diagonal: Diagonal::Peer }).unwrap();
        check(
            &format!("Australia (EconGeo): relatedness {col}"),
            cell_err(&rows, "industry_1", "industry_2", col, &cells_of(&rel)),
            TOL,
        );
        if method == RelatednessMethod::Probability {
            prob = Some(rel);
        }
    }
    let prob = prob.unwrap();
    let dens_rows = read_csv(&d.join("expected_econgeo_2021_relatedness_density.csv"));
    let dens = relatedness_density(&p, &prob, &DensityParams::econgeo()).unwrap();
    check(
        "Australia (EconGeo): relatedness density (prob, 0-100, 2 dp)",
        cell_err(&dens_rows, "lga_pow", "industry", "reldens_prob_weighted", &cells_of(&dens)),
        TOL,
    );
    let (r, c, v) = prob.into_parts();
    let gt1 = LabelledMatrix::new(r, c, v.mapv(|x| if x > 1.0 { 1.0 } else { 0.0 })).unwrap();
    let dens = relatedness_density(&p, &gt1, &DensityParams::econgeo()).unwrap();
    check(
        "Australia (EconGeo): relatedness density (prob > 1, binary)",
        cell_err(&dens_rows, "lga_pow", "industry", "reldens_prob_gt1_binary", &cells_of(&dens)),
        TOL,
    );
}

#[test]
fn australia_econgeo_complexity() {
    let Some(d) = dir("australia-lga-anzsic19-census") else { return };
    let p = au_2021(&d);
    let regions = read_csv(&d.join("expected_econgeo_2021_regions.csv"));
    let industries = read_csv(&d.join("expected_econgeo_2021_industries.csv"));
    for (method, rcol, icol) in [
        (ComplexityMethod::EcongeoEigenvector, "kci", "tci"),
        (ComplexityMethod::EcongeoReflections, "morc_steps20", "mort_steps19"),
    ] {
        let c = economic_complexity(&p, &ComplexityParams::with_method(method)).unwrap();
        let eci: HashMap<String, f64> = c.regions.iter().map(|x| (x.region.clone(), x.eci)).collect();
        let pci: HashMap<String, f64> = c.activities.iter().map(|x| (x.activity.clone(), x.pci)).collect();
        check(&format!("Australia (EconGeo): {rcol}"), max_err(&column(&regions, "lga_pow", rcol), &eci), TOL);
        check(&format!("Australia (EconGeo): {icol}"), max_err(&column(&industries, "industry", icol), &pci), TOL);
    }
}

// ---------------------------------------------------------------- Australia, backtest 2011 -> 2016 -> 2021

/// ABS status codes that 2011 and 2016 LGA names carry and 2021 names do not.
const LGA_STATUS: [&str; 11] = ["(A)", "(AC)", "(B)", "(C)", "(DC)", "(M)", "(R)", "(RC)", "(RegC)", "(S)", "(T)"];

/// The matching rule for LGA names across censuses: drop every parenthesised ABS status
/// code, keep state disambiguators such as "(NSW)", and collapse spaces.
fn lga_key(name: &str) -> String {
    let mut s = name.to_owned();
    for code in LGA_STATUS {
        s = s.replace(code, "");
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The census panel on the LGAs whose matched name occurs exactly once in each of 2011, 2016
/// and 2021 (the stable ones), 19 divisions.
fn au_panel(d: &Path) -> clusterpolicy::model::Panel {
    let rows = read_csv(&d.join("employment_lga_pow_industry.csv"));
    let mut cells: BTreeMap<(i32, String, String), f64> = BTreeMap::new();
    let mut names: BTreeMap<(i32, String), std::collections::BTreeSet<String>> = BTreeMap::new();
    for r in &rows {
        if NON_INDUSTRIES.contains(&r["industry"].as_str()) {
            continue;
        }
        let year: i32 = r["year"].parse().unwrap();
        let key = lga_key(&r["lga_pow"]);
        names.entry((year, key.clone())).or_default().insert(r["lga_pow"].clone());
        *cells.entry((year, key, r["industry"].clone())).or_default() += num(r, "employment");
    }
    let years = [2011, 2016, 2021];
    let keys: std::collections::BTreeSet<String> = names.keys().map(|(_, k)| k.clone()).collect();
    let stable: Vec<String> = keys
        .into_iter()
        .filter(|k| years.iter().all(|y| names.get(&(*y, k.clone())).is_some_and(|s| s.len() == 1)))
        .collect();
    let industries: std::collections::BTreeSet<String> = cells.keys().map(|(_, _, a)| a.clone()).collect();
    let industries: Vec<String> = industries.into_iter().collect();
    let mut v = clusterpolicy::ndarray::Array3::<f64>::zeros((3, stable.len(), industries.len()));
    for (t, y) in years.iter().enumerate() {
        for (i, k) in stable.iter().enumerate() {
            for (j, a) in industries.iter().enumerate() {
                v[[t, i, j]] = cells.get(&(*y, k.clone(), a.clone())).copied().unwrap_or(0.0);
            }
        }
    }
    clusterpolicy::model::Panel::new(years.to_vec(), stable, industries, v).unwrap()
}

#[test]
fn australia_backtest_density_predicts_entries() {
    use clusterpolicy::complexity::{BacktestParams, backtest};
    let Some(d) = dir("australia-lga-anzsic19-census") else { return };
    let panel = au_panel(&d);
    println!("stable LGAs: {} of 586 (2011), 554 (2016), 556 (2021)", panel.rows().len());
    assert!(panel.rows().len() > 450);
    for buffer in [0.0, 0.1] {
        let params = BacktestParams { top_k: 3, buffer, ..BacktestParams::default() };
        let bt = backtest(&panel, &params).unwrap();
        for s in &bt.pooled {
            println!(
                "buffer {buffer}: {:?}->{:?} regions {} candidates {} entries {} AUC {:.4} AP {:.4} (random {:.4}) \
                 precision@3 {:.4} (random {:.4}, lift {:.2})",
                s.from,
                s.to,
                s.regions,
                s.candidates,
                s.entries,
                s.auc.unwrap(),
                s.average_precision.unwrap(),
                s.baseline_average_precision.unwrap(),
                s.precision_at_k.unwrap(),
                s.baseline_precision_at_k.unwrap(),
                s.lift_at_k.unwrap()
            );
        }
        let all = bt.pooled.last().unwrap();
        // Density must beat the random baseline clearly on real data.
        assert!(all.auc.unwrap() > 0.55, "pooled AUC {:?}", all.auc);
        assert!(all.precision_at_k.unwrap() > all.baseline_precision_at_k.unwrap());
    }
}
