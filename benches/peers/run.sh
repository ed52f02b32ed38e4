#!/usr/bin/env bash
# Side-by-side: textlint with an equivalent presence rule vs tenderlint, over the
# same generated Markdown tenders and the same (1×) rule set. Needs node/npm.
# Run benches/run.sh (or --quick) first: it generates target/bench-data/.
# Prints a Markdown table; wall time is the best of 3 runs of each command.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
data="$root/target/bench-data"
cd "$here"
[ -d node_modules ] || npm ci --silent
(cd "$root" && cargo build --release --quiet)
bin="$root/target/release/tenderlint"
rulesets=$(ls "$data"/rules-1x/*.yaml | paste -sd: -)
rargs=""; for r in $(ls "$data"/rules-1x/*.yaml); do rargs="$rargs --ruleset $r"; done
best() { # command...: best wall time in ms of 3 runs
  local best=999999999
  for _ in 1 2 3; do
    local s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; local e=$(date +%s%N)
    local t=$(( (e - s) / 1000000 )); [ $t -lt $best ] && best=$t
  done
  echo $best
}
echo "| tender | textlint ms | tenderlint ms | textlint / tenderlint |"
echo "|---|---:|---:|---:|"
for n in 10 100 1000; do
  f="$data/tender-$n.md"; [ -f "$f" ] || continue
  t1=$(PRESENCE_RULESETS="$rulesets" best npx --no-install textlint --no-textlintrc --rulesdir rules "$f")
  t2=$(best "$bin" check $rargs --format json "$f")
  echo "| $n pages | $t1 | $t2 | $(awk "BEGIN{printf \"%.2f\", $t1/$t2}") |"
done
