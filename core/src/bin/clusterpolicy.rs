//! The `clusterpolicy` command-line program.
fn main() {}
