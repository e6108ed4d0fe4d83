//! Benchmarks of clusterpolicy against its peers.
