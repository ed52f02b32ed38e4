//! Command-line behaviour, one case per file in `tests/cmd/` (args, exit status,
//! stdout and stderr), run against the built binary.

#[test]
fn cli_cases() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
