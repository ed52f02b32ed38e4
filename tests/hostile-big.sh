#!/usr/bin/env bash
# The hostile-input cases too slow for a debug `cargo test` (a 200 MB Markdown
# tender), run against the release binary. Prints each case's exit status and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo test --release --test suite hostile:: -- --include-ignored --nocapture "$@"
