//! CSV import: long-format observations and CORDIS-style partnership lists.
