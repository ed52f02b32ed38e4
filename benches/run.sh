#!/usr/bin/env bash
# Runs the benchmark in release mode and rewrites benches/RESULTS.md.
#   benches/run.sh            full run (10/100/1,000 pages, 10× rules, 1,000-file directory,
#                             then the textlint comparison if node is installed), ~10 min
#   benches/run.sh --quick    10 and 100 pages only; prints the table, writes nothing
# Needs ../shared/corpora/docx-generated/pandoc_big.docx for the 802-page case (skipped if absent).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --bench tenderbench -- "$@"
if [[ " $* " != *" --quick "* ]] && command -v npm >/dev/null; then
  {
    echo
    echo "## Peer: textlint"
    echo
    echo "textlint $(node -p 'require("./benches/peers/node_modules/textlint/package.json").version' 2>/dev/null || echo '?') with \`benches/peers/rules/presence.js\`, a rule that"
    echo "reports every rule of the same 1× rule sets whose \`any:\` terms do not occur in the text"
    echo "(presence only: no modality, sections or tables, so it does less than tenderlint)."
    echo "Whole-process wall time, best of 3, Node start-up included, as a CI job would see it."
    echo
    benches/peers/run.sh
  } >> benches/RESULTS.md
fi
