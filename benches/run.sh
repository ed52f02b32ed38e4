#!/usr/bin/env bash
# Runs the benchmark in release mode and rewrites benches/RESULTS.md.
#   benches/run.sh            full run (10/100/1,000 pages, 1,000-file directory), ~5 min
#   benches/run.sh --quick    10 and 100 pages only; prints the table, writes nothing
# Needs ../shared/corpora/docx-generated/pandoc_big.docx for the 802-page case (skipped if absent).
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo bench --bench tenderbench -- "$@"
