//! The embedded synthetic dataset.
