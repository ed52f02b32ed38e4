//! The integration tests as one binary, one module per area, so that `cargo test` links
//! the test code once instead of once per file (cargo finds `tests/suite/main.rs` itself).
//!
//! `cargo test --test suite` runs them all; `cargo test --test suite docx_` one area,
//! `cargo test --test suite hostile:: -- --include-ignored` what `tests/hostile-big.sh` runs.
//! The CLI cases of `tests/cmd/` run from `cli`; the snapshots of `reports` and
//! `rule_versions` are in `snapshots/`, named after their module (`suite__reports__…`).
//!
//! Nothing here changes the process's environment or working directory (two modules set the
//! working directory to the manifest directory, where `cargo test` already starts), so the
//! areas can share one process.

mod support;

mod accuracy;
mod architecture;
mod baseline;
mod brand_findings;
mod brands;
mod cli;
mod cli_extras;
mod compare;
mod compare_html;
mod compiled_rules;
mod config_cli;
mod docx_bad_input;
mod docx_corpus;
mod docx_dump;
mod docx_equivalence;
mod docx_fidelity;
mod docx_fixtures;
mod engine;
mod first_hour;
mod fresh;
mod fresh_2;
mod fresh_3;
mod fresh_4;
mod fresh_5;
mod fresh_6;
mod heldout;
mod hostile;
mod house_rules;
mod issue_13_docx;
mod issue_22_forms;
mod issue_22_reach;
mod issue_22_review;
mod issue_22_s3;
mod issue_22_s4_hyg;
mod issue_22_s4_ks;
mod issue_22_s5_hyg;
mod issue_22_s5_ks;
mod issue_22_s6_hyg;
mod issue_22_s6_ks;
mod issue_22_s6_lead;
mod issue_22_scope;
mod issue_25_gaps;
mod issue_25_story;
mod reading;
mod real_tenders;
mod region_profile;
mod reports;
mod requirements_table;
mod review;
mod rule_examples;
mod rule_versions;
mod rules_2026;
mod schema;
mod serve;
mod serve_compare;
mod serve_refusals;
mod serve_safety;
mod type_legend;
mod usage_errors;
mod waiver_expiry_docx;
mod web;
mod words;
