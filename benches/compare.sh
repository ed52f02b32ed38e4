#!/usr/bin/env bash
# Re-measures the baseline cases and flags regressions against benches/baseline.json.
# Instruction counts (valgrind --tool=callgrind, ±5%) decide, since wall time on a shared
# VM varies by ±30%; peak memory beyond +25% fails too; wall time beyond +50% only warns.
# Exit status 1 on a regression.
#   benches/compare.sh                 compare with benches/baseline.json
#   benches/compare.sh --save          store a new baseline (after an intended change)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--save" ]; then
  exec cargo bench --bench tenderbench -- --quick --save-baseline benches/baseline.json
fi
exec cargo bench --bench tenderbench -- --quick --compare benches/baseline.json
