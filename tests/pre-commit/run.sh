#!/usr/bin/env bash
# Proves the `tenderlint` pre-commit hook with the real pre-commit framework:
# `pre-commit try-repo <this repo> tenderlint --all-files` must fail on a tender
# that misses requirements and pass on a complete one. The sample repository
# pins a tiny fixture rule set, so the outcome does not depend on the embedded sets.
#
# The hook is taken from this repository's HEAD commit (`--ref`): a CI checkout is
# clean, and uncommitted changes would make try-repo build a shadow commit.
# `language: rust` means `cargo install` of tenderlint in release mode, and
# try-repo uses a throwaway store, so each run would build it from scratch
# (about 6 minutes each on 2 cores). The hook's speed is not under test here, so
# both runs share one target directory and build without optimisation: the
# second run reuses the first one's build.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
rev=$(git -C "$repo" rev-parse HEAD)
target=${CARGO_TARGET_DIR:-$repo/target}
mkdir -p "$target"
export CARGO_TARGET_DIR=$target/pre-commit-hook
export CARGO_PROFILE_RELEASE_OPT_LEVEL=0
export CARGO_PROFILE_RELEASE_DEBUG=false
export CARGO_PROFILE_RELEASE_LTO=false

if command -v pre-commit >/dev/null 2>&1; then
    pre_commit=pre-commit
else
    venv=$target/pre-commit-venv
    if [ ! -x "$venv/bin/pre-commit" ]; then
        python3 -m venv "$venv"
        "$venv/bin/pip" install --quiet pre-commit
    fi
    pre_commit=$venv/bin/pre-commit
fi
echo "using $("$pre_commit" --version)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
git init --quiet
git config user.email tenderlint@example.invalid
git config user.name tenderlint
mkdir -p rules/demo
cp "$repo/fixtures/rulesets/demo/1.1.0.yaml" rules/demo/1.1.0.yaml
cat > tenderlint.yaml <<'YAML'
rulesets:
  - {path: rules/demo/1.1.0.yaml}
YAML

# Missing HelseID, kjernejournal and e-resept: must fail.
cat > konkurransegrunnlag.md <<'MD'
# Konkurransegrunnlag

## Krav

Løsningen skal være rask.
MD
git add -A
git commit --quiet -m "incomplete tender"

try_repo() {
    "$pre_commit" try-repo "$repo" tenderlint --ref "$rev" --all-files --verbose
}

start=$(date +%s)
if try_repo > "$work/incomplete.log" 2>&1; then
    cat "$work/incomplete.log"
    echo "FAIL: the hook passed an incomplete tender" >&2
    exit 1
fi
grep -q "DEMO-001" "$work/incomplete.log" || {
    cat "$work/incomplete.log"
    echo "FAIL: the hook failed, but not because of the missing requirements" >&2
    exit 1
}
echo "ok: incomplete tender rejected ($(( $(date +%s) - start )) s, including the hook build on a cold cache)"

# Every requirement covered: must pass.
cat > konkurransegrunnlag.md <<'MD'
# Konkurransegrunnlag

## Krav

Løsningen skal bruke HelseID for pålogging.

Løsningen skal integreres med kjernejournal.

Løsningen skal støtte e-resept.
MD
git add -A
git commit --quiet -m "complete tender"
start=$(date +%s)
if ! try_repo > "$work/complete.log" 2>&1; then
    cat "$work/complete.log"
    echo "FAIL: the hook rejected a complete tender" >&2
    exit 1
fi
echo "ok: complete tender accepted ($(( $(date +%s) - start )) s, including the hook build)"
