#!/usr/bin/env bash
# Fuzzes each target for ~60 s (FUZZ_SECS to change) with cargo-fuzz on the stable
# toolchain: RUSTC_BOOTSTRAP=1 lets stable rustc accept the -Z flags cargo-fuzz passes.
# Seeds come from fixtures/ and small generated files (fuzz/corpus is git-ignored).
# Crashes land in fuzz/artifacts/<target>/; turn each into a test in tests/.
#   fuzz/run.sh               all targets
#   fuzz/run.sh markdown      one target
set -euo pipefail
cd "$(dirname "$0")/.."
SECS="${FUZZ_SECS:-60}"
TARGETS=("${@:-markdown ruleset docx config}")
TARGETS=(${TARGETS[@]})
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

seed() { # target, files...
  local dir="fuzz/corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp "$f" "$dir/$(sha1sum "$f" | cut -c1-16)"; done
  return 0
}
seed markdown $(find fixtures tests/cmd -name '*.md' 2>/dev/null)
printf '> > > - - | a | b |\n|---|---|\n| K-1 | skal | M |\n' > fuzz/corpus/markdown/gen-nested
seed ruleset $(find rules fixtures -name '*.yaml' 2>/dev/null)
seed config $(find fixtures tests -name "tenderlint*.yaml" 2>/dev/null) docs/configuration.md
seed docx $(find fixtures -name '*.docx' 2>/dev/null) \
  $(ls ../shared/corpora/docx-generated/*kitchen*.docx 2>/dev/null)

export RUSTC_BOOTSTRAP=1
status=0
for t in "${TARGETS[@]}"; do
  echo "== fuzz $t for ${SECS}s"
  # No sanitizer: ASan needs a nightly std; safe Rust panics are what we hunt.
  cargo fuzz run -s none --fuzz-dir fuzz "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$SECS" -rss_limit_mb=2048 -timeout=10 -max_len=262144 || status=1
done
exit $status
