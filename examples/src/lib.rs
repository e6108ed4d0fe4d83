//! Examples of clusterpolicy.
