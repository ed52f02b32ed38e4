//! The published JSON Schema of rule-set files is generated from the Rust types;
//! this keeps the committed copy in step with them.

#[test]
fn committed_rule_set_schema_matches_the_types() {
    let generated = schemars::schema_for!(tenderlint::rules::schema::RuleSetFile);
    let generated = serde_json::to_value(&generated).unwrap();
    let committed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("docs/rule-set.schema.json").unwrap())
            .unwrap();
    assert_eq!(
        generated, committed,
        "docs/rule-set.schema.json is stale: run `cargo run -- rules schema > docs/rule-set.schema.json`"
    );
}

#[test]
fn shipped_rule_sets_validate_against_the_schema_shape() {
    // Every key used in the shipped YAML is a key of the schema (serde's deny_unknown_fields
    // enforces it on load; this asserts the schema documents the same keys).
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("docs/rule-set.schema.json").unwrap())
            .unwrap();
    let rule_keys = schema["$defs"]["Rule"]["properties"]
        .as_object()
        .expect("Rule properties");
    for key in [
        "id",
        "title",
        "message",
        "category",
        "severity",
        "kind",
        "match",
        "rationale",
        "sources",
        "suggestion",
        "examples",
        "scopes",
    ] {
        assert!(rule_keys.contains_key(key), "schema lacks rule key `{key}`");
    }
}
