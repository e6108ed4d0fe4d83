//! Integration tests of clusterpolicy, and helpers shared by them.
//!
//! Reference tests read the real data sets in the `shared/data` folder that sits next to the
//! repository (`../shared/data` from the repository root). A user's clone usually lacks it:
//! those tests then print a notice and pass. CI always has it, and there a missing folder
//! is a failure, so the reference tests can never be skipped silently in CI.

use std::path::PathBuf;

/// The folder of the shared real data sets, or `None` (after printing a notice) when it is
/// absent.
///
/// The folder is `$CLUSTERPOLICY_SHARED/data` when the environment variable
/// `CLUSTERPOLICY_SHARED` is set (it names the `shared` folder), else
/// `$CARGO_MANIFEST_DIR/../../shared/data`, i.e. `../shared/data` relative to the repository
/// root.
///
/// # Panics
/// When the folder is absent and the environment variable `CI` is `true` (or `1`), as set by
/// CI services: in CI the reference tests must run.
///
/// ```
/// if let Some(dir) = clusterpolicy_tests::shared_data() {
///     assert!(dir.join("cordis-fp7-sod16").is_dir());
/// }
/// ```
#[must_use]
pub fn shared_data() -> Option<PathBuf> {
    shared_folder("data")
}

/// The folder of the published worked examples (`../shared/reference`), or `None` (after
/// printing a notice) when it is absent; the same rules as [`shared_data`].
///
/// # Panics
/// When the folder is absent and `CI` is `true` (or `1`).
///
/// ```
/// if let Some(dir) = clusterpolicy_tests::shared_reference() {
///     assert!(dir.join("mcda_topsis.json").is_file());
/// }
/// ```
#[must_use]
pub fn shared_reference() -> Option<PathBuf> {
    shared_folder("reference")
}

fn shared_folder(name: &str) -> Option<PathBuf> {
    let dir = match std::env::var_os("CLUSTERPOLICY_SHARED") {
        Some(shared) => PathBuf::from(shared).join(name),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared").join(name),
    };
    if dir.is_dir() {
        return Some(dir);
    }
    let ci = std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1");
    assert!(
        !ci,
        "CI=true but the shared folder {} is absent: the reference tests must run in CI \
         (set CLUSTERPOLICY_SHARED to the folder that holds data/ and reference/)",
        dir.display()
    );
    println!("skipping: ../shared/{name} not found (looked for {})", dir.display());
    None
}
