#!/usr/bin/env bash
# The static page's size and speed (issue 26), for the README's figures:
#
#   scripts/build-web.sh                                        # target/web/
#   cargo test --bench tenderbench -- --quick --generate-only   # target/bench-data/tender-100.docx
#   npm ci --prefix tests/browser
#   benches/web.sh [RUNS]                                       # 3 runs unless told
#
# Prints the WebAssembly's size (raw and gzipped) and, in headless Chromium with
# the page fresh each run (a new browser profile), the time from opening the page
# to ready (the checker compiled and the rule sets loaded) and the page's first
# check: from pressing «Sjekk filene» to the result shown, of the 10-file SSA-L
# tender (../shared/corpora/tenders-real/, or $TENDERLINT_SHARED) and of the
# generated 100-page DOCX. Medians of RUNS runs.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
chromium=$(command -v chromium || command -v chromium-browser)
shared=${TENDERLINT_SHARED:-../shared}
ssa="$shared/corpora/tenders-real/digiskjema-SSA-L"
big=target/bench-data/tender-100.docx
wasm=target/web/tenderlint_web_bg.wasm
for need in "$wasm" "$ssa" "$big" tests/browser/node_modules/chrome-remote-interface; do
  [ -e "$need" ] || { echo "missing: $need (see the top of $0)" >&2; exit 2; }
done

echo "WebAssembly: $(wc -c <"$wasm") bytes, $(gzip -9c "$wasm" | wc -c) gzipped; target/web/ in all: $(du -skL target/web | cut -f1) KiB"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() {
  local name=$1
  shift
  local loads=() checks=()
  for _ in $(seq "$runs"); do
    local times
    times=$(node tests/browser/web-page.mjs --no-axe --dir target/web --chromium "$chromium" --tender "$name" "$@" |
      node -e 'let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => {
        const d = JSON.parse(s);
        if (d.tenders[0].problem) throw new Error(d.tenders[0].problem);
        console.log(d.loadMs, d.tenders[0].ms);
      })')
    loads+=("${times% *}")
    checks+=("${times#* }")
  done
  printf '%-32s page ready %6s ms   first check %6s ms   (median of %s)\n' "$name" \
    "$(printf '%s\n' "${loads[@]}" | median)" "$(printf '%s\n' "${checks[@]}" | median)" "$runs"
}
measure "SSA-L, 10 DOCX files" "$ssa"/*.docx
measure "100-page DOCX" "$big"
