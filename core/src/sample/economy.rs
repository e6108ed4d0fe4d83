//! The synthetic regional economy: employment by region x activity x year, and a few
//! other indicators per region and year.

use super::draw::{Rng, dirichlet, lognormal, normal, poisson, round_to};
use super::geo::{BASIC_REGIONS, BasicRegion, economy_of};
use super::nace::{MANUFACTURING_SHARES, SECTION_SHARES, trend};
use super::themes::multiplier;
use crate::model::{Observation, SubjectRef};

/// Employment and scale factors of one basic region.
pub(super) struct RegionEconomy {
    /// The table row.
    pub(super) row: &'static BasicRegion,
    /// Persons employed, `[year][unit]`, whole persons.
    pub(super) employment: Vec<Vec<f64>>,
    /// GVA per person employed relative to the country (capital premium and noise).
    gva_factor: f64,
    /// Export intensity relative to the manufacturing-driven expectation.
    export_factor: f64,
    /// Patent intensity relative to the country.
    patent_factor: f64,
    /// R&D intensity relative to the country.
    rd_factor: f64,
}

/// The synthetic economy of all basic regions.
pub(super) struct Economy {
    /// Observation years, increasing.
    pub(super) years: Vec<i32>,
    /// Observation units: NACE sections outside manufacturing and the manufacturing
    /// divisions C10-C33, in id order.
    pub(super) units: Vec<&'static str>,
    /// One entry per row of `BASIC_REGIONS`, same order.
    pub(super) regions: Vec<RegionEconomy>,
    /// Area-wide employment per `[year][unit]`.
    area: Vec<Vec<f64>>,
}

impl Economy {
    /// Total employment of region `r` in year index `y`.
    pub(super) fn total(&self, r: usize, y: usize) -> f64 {
        self.regions.get(r).and_then(|x| x.employment.get(y)).map_or(0.0, |v| v.iter().sum())
    }

    /// Location quotient of unit `u` in region `r`, year index `y` (0 when undefined).
    pub(super) fn lq(&self, r: usize, y: usize, u: usize) -> f64 {
        let e_ru = self.regions.get(r).and_then(|x| x.employment.get(y)).and_then(|v| v.get(u)).copied();
        let e_r = self.total(r, y);
        let e_u = self.area.get(y).and_then(|v| v.get(u)).copied().unwrap_or(0.0);
        let e: f64 = self.area.get(y).map_or(0.0, |v| v.iter().sum());
        match e_ru {
            Some(x) if e_r > 0.0 && e_u > 0.0 && e > 0.0 => (x / e_r) / (e_u / e),
            _ => 0.0,
        }
    }

    /// Score of a unit as a regional strength: its location quotient damped for units with
    /// a small share `s` of the region's employment, `lq * s / (s + 0.005)`, so that a unit
    /// whose quotient is high by chance on a tiny base does not win (0 for an unknown unit).
    pub(super) fn theme_score(&self, r: usize, y: usize, unit: &str) -> f64 {
        let Some(u) = self.unit(unit) else { return 0.0 };
        let total = self.total(r, y);
        let e = self.regions.get(r).and_then(|x| x.employment.get(y)).and_then(|v| v.get(u)).copied().unwrap_or(0.0);
        if total > 0.0 {
            let s = e / total;
            self.lq(r, y, u) * s / (s + 0.005)
        } else {
            0.0
        }
    }

    /// Index of an observation unit.
    pub(super) fn unit(&self, id: &str) -> Option<usize> {
        self.units.iter().position(|u| *u == id)
    }

    /// Index of the latest year not after `year` (the first year if all are later).
    pub(super) fn year_at_or_before(&self, year: i32) -> usize {
        self.years.iter().rposition(|y| *y <= year).unwrap_or(0)
    }

    /// Units of region `r` ordered by [`Economy::theme_score`] in year index `y`, strongest
    /// first, keeping units with employment that pass `keep`.
    pub(super) fn strongest(&self, r: usize, y: usize, keep: impl Fn(&str) -> bool) -> Vec<usize> {
        let mut scored: Vec<(usize, f64)> = (0..self.units.len())
            .filter(|&u| keep(self.units[u]))
            .map(|u| (u, self.theme_score(r, y, self.units[u])))
            .filter(|(_, lq)| *lq > 0.0)
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.into_iter().map(|(u, _)| u).collect()
    }
}

/// The observation units in id order: A, B, C10..C33, D..U.
fn units() -> Vec<&'static str> {
    let mut u: Vec<&'static str> = SECTION_SHARES.iter().map(|(s, _)| *s).filter(|s| *s != "C").collect();
    u.extend(MANUFACTURING_SHARES.iter().map(|(d, _)| *d));
    u.sort_unstable();
    u
}

/// Expected section shares of a region: EU-27 structure, country shares of A, C and I,
/// then the region's specialisation multipliers (manufacturing divisions lift section C).
fn section_expectation(row: &BasicRegion) -> Vec<(&'static str, f64)> {
    let [_, agri, manuf, accom, ..] = economy_of(row.country);
    let fixed: f64 = SECTION_SHARES.iter().filter(|(s, _)| matches!(*s, "A" | "C" | "I")).map(|(_, v)| v).sum();
    let total: f64 = SECTION_SHARES.iter().map(|(_, v)| v).sum();
    let rest_scale = (1.0 - agri - manuf - accom).max(0.05) / ((total - fixed) / total);
    let manuf_total: f64 = MANUFACTURING_SHARES.iter().map(|(_, v)| v).sum();
    let manuf_lift: f64 = MANUFACTURING_SHARES
        .iter()
        .map(|(d, v)| (multiplier(row.id, row.capital, d) - 1.0) * v / manuf_total)
        .sum::<f64>()
        + 1.0;
    SECTION_SHARES
        .iter()
        .map(|&(s, v)| {
            let base = match s {
                "A" => agri,
                "C" => manuf * manuf_lift,
                "I" => accom,
                _ => v / total * rest_scale,
            };
            (s, base * multiplier(row.id, row.capital, s))
        })
        .collect()
}

/// Employment shares of the observation units in the base year for one region.
fn unit_shares(rng: &mut Rng, row: &BasicRegion, concentration: f64, units: &[&str]) -> Vec<f64> {
    let sections = section_expectation(row);
    let sum: f64 = sections.iter().map(|(_, v)| v).sum();
    let alphas: Vec<f64> = sections.iter().map(|(_, v)| concentration * v / sum).collect();
    let section_draw = dirichlet(rng, &alphas);
    let manuf_exp: Vec<f64> =
        MANUFACTURING_SHARES.iter().map(|(d, v)| v * multiplier(row.id, row.capital, d)).collect();
    let msum: f64 = manuf_exp.iter().sum();
    let manuf_alphas: Vec<f64> = manuf_exp.iter().map(|v| concentration * v / msum).collect();
    let manuf_draw = dirichlet(rng, &manuf_alphas);
    let c_share = sections.iter().position(|(s, _)| *s == "C").map_or(0.0, |i| section_draw[i]);
    units
        .iter()
        .map(|u| {
            if let Some(i) = MANUFACTURING_SHARES.iter().position(|(d, _)| d == u) {
                c_share * manuf_draw[i]
            } else {
                sections.iter().position(|(s, _)| s == u).map_or(0.0, |i| section_draw[i])
            }
        })
        .collect()
}

/// Employment path of one region over the years.
fn employment_path(rng: &mut Rng, row: &BasicRegion, shares: &[f64], units: &[&str], years: &[i32]) -> Vec<Vec<f64>> {
    let [rate, ..] = economy_of(row.country);
    // Southern Italy has a far lower employment rate than the North (assumption: 0.31 vs 0.43).
    let rate = match (row.country, row.id.starts_with("ITF")) {
        ("IT", true) => 0.31,
        ("IT", false) => 0.43,
        _ => rate,
    };
    let total0 = lognormal(rng, row.size_prior * 1000.0 * rate, 0.05);
    let drift = normal(rng, 0.004, 0.006);
    let mut level: Vec<f64> = shares.iter().map(|s| total0 * s).collect();
    let mut out = Vec::with_capacity(years.len());
    for (k, &year) in years.iter().enumerate() {
        if k > 0 {
            let prev = years[k - 1];
            let dt = f64::from(year - prev);
            let covid = prev < 2020 && year >= 2020;
            for (u, value) in level.iter_mut().enumerate() {
                let g = (1.0 + trend(units[u]) + drift).max(0.5).powf(dt);
                let shock = match (covid, units[u]) {
                    (true, "I") => 0.85,
                    (true, "R") => 0.92,
                    _ => 1.0,
                };
                *value *= g * shock * lognormal(rng, 1.0, 0.03 * dt.sqrt());
            }
        }
        out.push(level.iter().map(|v| v.round().max(0.0)).collect());
    }
    out
}

/// Draws the synthetic economy.
pub(super) fn build(rng: &mut Rng, years: &[i32], concentration: f64) -> Economy {
    let units = units();
    let mut regions = Vec::with_capacity(BASIC_REGIONS.len());
    for row in &BASIC_REGIONS {
        let shares = unit_shares(rng, row, concentration, &units);
        let employment = employment_path(rng, row, &shares, &units, years);
        let capital = if row.capital { 1.35 } else { 1.0 };
        regions.push(RegionEconomy {
            row,
            employment,
            gva_factor: capital * lognormal(rng, 1.0, 0.12),
            export_factor: lognormal(rng, 1.0, 0.2),
            patent_factor: if row.capital { 1.6 } else { 1.0 } * lognormal(rng, 1.0, 0.5),
            rd_factor: if row.capital { 1.5 } else { lognormal(rng, 0.85, 0.35) },
        });
    }
    let area = (0..years.len())
        .map(|y| (0..units.len()).map(|u| regions.iter().map(|r| r.employment[y][u]).sum()).collect())
        .collect();
    Economy { years: years.to_vec(), units, regions, area }
}

/// Employment observations (region x year x unit) and GVA, exports, patent applications and
/// R&D expenditure per region and year.
pub(super) fn observations(rng: &mut Rng, econ: &Economy) -> Vec<Observation> {
    let manuf: Vec<usize> = (0..econ.units.len()).filter(|&u| econ.units[u].starts_with('C')).collect();
    let mut out = Vec::with_capacity(econ.regions.len() * econ.years.len() * (econ.units.len() + 4));
    for (r, reg) in econ.regions.iter().enumerate() {
        let [_, _, _, _, gva_pw, patents_pm, gerd] = economy_of(reg.row.country);
        for (y, &year) in econ.years.iter().enumerate() {
            let subject = SubjectRef::region(reg.row.id);
            for (u, unit) in econ.units.iter().enumerate() {
                out.push(
                    Observation::new("employment", subject.clone(), year, reg.employment[y][u]).with_activity(*unit),
                );
            }
            let total = econ.total(r, y);
            let t = f64::from(year - 2012);
            let gva = total * gva_pw * reg.gva_factor * 1.012f64.powf(t) / 1000.0;
            let manuf_share =
                if total > 0.0 { manuf.iter().map(|&u| reg.employment[y][u]).sum::<f64>() / total } else { 0.0 };
            let exports = gva * (0.2 + 1.8 * manuf_share) * reg.export_factor;
            let lambda = patents_pm * reg.row.size_prior / 1000.0 * reg.patent_factor * 1.02f64.powf(t);
            let rd = gerd * reg.rd_factor * 1.02f64.powf(t);
            out.push(Observation::new("gva", subject.clone(), year, round_to(gva, 1)));
            out.push(Observation::new("exports", subject.clone(), year, round_to(exports, 1)));
            out.push(Observation::new("patent_applications", subject.clone(), year, poisson(rng, lambda)));
            out.push(Observation::new("rd_expenditure", subject, year, round_to(rd, 2)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::draw::stream;

    #[test]
    fn shares_and_lq_are_sane() {
        let mut rng = stream(7, 0);
        let econ = build(&mut rng, &[2012, 2015, 2018, 2021], 200.0);
        assert_eq!(econ.units.len(), 44);
        // Wien is far less agricultural than Burgenland.
        let a = econ.unit("A").unwrap_or(0);
        let wien = BASIC_REGIONS.iter().position(|r| r.id == "AT13").unwrap_or(0);
        let burgenland = BASIC_REGIONS.iter().position(|r| r.id == "AT11").unwrap_or(0);
        assert!(econ.lq(wien, 0, a) < econ.lq(burgenland, 0, a));
        // Lombardia has more jobs than Molise.
        let lomb = BASIC_REGIONS.iter().position(|r| r.id == "ITC4").unwrap_or(0);
        let molise = BASIC_REGIONS.iter().position(|r| r.id == "ITF2").unwrap_or(0);
        assert!(econ.total(lomb, 0) > 10.0 * econ.total(molise, 0));
        // Location quotients vary: some above 2, some below 0.5.
        let lqs: Vec<f64> =
            (0..econ.regions.len()).flat_map(|r| (0..44).map(move |u| (r, u))).map(|(r, u)| econ.lq(r, 3, u)).collect();
        assert!(lqs.iter().any(|x| *x > 2.0) && lqs.iter().any(|x| *x > 0.0 && *x < 0.5));
    }
}
