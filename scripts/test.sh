#!/usr/bin/env bash
# The whole test suite, as a newcomer and CI run it: cargo's tests (unit, CLI,
# every rule's examples), then every shipped rule set's examples through the CLI.
# Extra tools some tests use are installed here when missing, so a clean machine
# needs nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --locked
cargo run --locked --quiet -- rules test
