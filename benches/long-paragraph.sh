#!/usr/bin/env bash
# Time for one Markdown paragraph of 1, 4 and 16 MB (no line breaks, sentences of
# mixed requirement text): growth must be linear. A regression guard for issue 14
# point 5, where a 6.4 MB paragraph took 273 s.
#   benches/long-paragraph.sh [BINARY]   default target/release/tenderlint, else target/debug
# Prints size, wall seconds, seconds per MB and peak memory for each case.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-}"
if [[ -z "$bin" ]]; then
  bin=target/release/tenderlint
  [[ -x "$bin" ]] || bin=target/debug/tenderlint
fi
[[ -x "$bin" ]] || { echo "no binary at $bin (cargo build first)" >&2; exit 2; }
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import random, sys
random.seed(14)
parts = [
    "Leverandøren skal levere en løsning som støtter HelseID og SQL Server.",
    "Systemet bør ha e-resept | Kjernejournal | 99,5 % oppetid",
    "Kunden krever logging av all tilgang;",
    "Løsningen skal integrere med NHN via FHIR",
    "pkt. 3.2 gjelder jf. bilag 1.",
]
for mb in (1, 4, 16):
    out, size = [], 0
    while size < mb * 1024 * 1024:
        t = random.choice(parts)
        out.append(t)
        size += len(t.encode()) + 1
    with open(f"{sys.argv[1]}/p{mb}.md", "w") as f:
        f.write("# Krav\n\n" + " ".join(out) + "\n")
PY
echo "binary: $bin"
printf '%6s %9s %9s %10s\n' MB seconds s/MB peak-MiB
for mb in 1 4 16; do
  /usr/bin/time -f '%e %M' -o "$dir/time" "$bin" check --isolated --format json "$dir/p$mb.md" >/dev/null || true
  read -r secs kib < <(tail -n 1 "$dir/time")
  printf '%6s %9s %9.2f %10d\n' "$mb" "$secs" "$(echo "$secs / $mb" | bc -l)" "$((kib / 1024))"
done
