//! The specialisation section of the main job's report on the embedded dataset.

use clusterpolicy::report::Report;
use clusterpolicy::sample;
use clusterpolicy::specialisation::{
    Handling, RcaParams, StarParams, example_nace_mapping, observation_panel, rca, star_clusters, summarise,
};

#[test]
fn report_lists_top_specialisations_and_star_clusters_per_region() {
    let ds = sample::south_east_europe();
    let report = Report::build(&ds);
    let sp = report.specialisation.as_ref().expect("the embedded dataset has employment by region and activity");
    assert_eq!((sp.indicator.as_str(), sp.year), ("employment", 2021));
    assert!(sp.mapping_is_example);
    let panel = observation_panel(&ds, "employment").unwrap();
    let m = panel.year(2021).unwrap();
    let lq = rca(&m, &RcaParams { zero_rows: Handling::Drop, ..RcaParams::default() }).unwrap();
    assert_eq!(sp.regions.len(), lq.rows().len());
    for r in &sp.regions {
        // Top specialisations: LQ >= 1, in decreasing order, equal to the RCA of the region.
        assert!(r.top_specialisations.len() <= 3);
        assert!(r.top_specialisations.windows(2).all(|w| w[0].location_quotient >= w[1].location_quotient));
        for t in &r.top_specialisations {
            assert!(t.location_quotient >= 1.0);
            assert_eq!(lq.get(&r.region, &t.activity), Some(t.location_quotient));
        }
        assert!(r.star_clusters.iter().all(|c| (1..=3).contains(&c.stars)));
    }
    // The star clusters are those of star_clusters() with the example mapping.
    let stars = star_clusters(&m, &example_nace_mapping(), &StarParams::default()).unwrap();
    let starred = stars.iter().filter(|s| s.stars > 0).count();
    assert_eq!(sp.regions.iter().map(|r| r.star_clusters.len()).sum::<usize>(), starred);
    assert_eq!(summarise(&ds, "employment", None, 3).unwrap(), *sp);
    // HTML: the section, its table and the stars.
    let html = report.to_html();
    assert!(html.contains("<section id=\"specialisation\">"));
    assert!(html.contains("<table id=\"specialisation-table\">"));
    assert!(html.contains("\u{2605}\u{2605}\u{2605}"));
    assert!(html.contains("an illustrative example, not a published definition"));
    // The JSON report carries it too.
    assert!(report.to_json().contains("\"top_specialisations\""));
}
