//! The commented `tenderlint.yaml` that `tenderlint init` writes.

/// A commented `tenderlint.yaml` with the given pins and services, for `tenderlint init`.
pub fn template(rulesets: &[String], services: &[String]) -> String {
    let pins: String = rulesets.iter().map(|r| format!("  - {r}\n")).collect();
    let services = if services.is_empty() {
        "# services: [legevakt, sykehjem]\n".to_string()
    } else {
        format!("services: [{}]\n", services.join(", "))
    };
    format!(
        r#"# tenderlint configuration — see docs/configuration.md.
# Command-line flags override what is set here.

# Which files form the tender (globs relative to this file; `*` stays within a
# directory, `**/` spans directories). Without `include`, every Markdown and
# DOCX file under the checked paths is part of the tender.
# files:
#   include: ["**/*.md", "**/*.docx"]
#   exclude: ["utkast/**", "arkiv/**"]

# The rule sets and versions this tender is checked against. A pin never moves by
# itself: when a newer version is built in, the report says so, and
# `tenderlint rules diff ID@OLD ID@NEW` shows what would change.
# A rule set in this repository: {{path: rules/local.yaml, sha256: "<sha256sum>"}}
rulesets:
{pins}
# The services the tender covers (scope-aware rules depend on them).
{services}
# lang: nb            # language of messages: nb, nn or en
# fail-on: error      # error | warning | info | never

# Per-rule severity, or off:
# rules:
#   SEC-003: {{severity: error}}
#   INT-014: off

# Decisions that a rule does not apply, with the reason (required):
# waivers:
#   - rule: INT-014
#     reason: "Besluttet i styringsgruppen 2026-10-01, sak 12/26"
#     expires: 2027-06-30
#     approved-by: "Kari Nordmann"
"#
    )
}
