#!/usr/bin/env bash
# The whole test suite, as a newcomer and CI run it: cargo's tests (unit, CLI,
# DOCX corpus, report formats, accuracy corpus, every rule's examples), then every
# shipped rule set's examples through the CLI in strict mode.
#
# Tools some tests use are installed here when missing and possible (root with
# apt-get), so a clean machine needs nothing else; where they cannot be had, the
# tests that need them say plainly that they did not run.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium for the HTML report and serve page tests …"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ||
    echo "note: chromium could not be installed; the HTML browser test will report that it did not run"
fi

# The DOCX fidelity test reads every corpus file a second time with Python and
# lxml; a venv keeps lxml out of the system Python.
if ! target/fidelity-venv/bin/python -c "import lxml" >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
  echo "installing lxml for the DOCX fidelity test …"
  if ! python3 -m venv target/fidelity-venv >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null) &&
      python3 -m venv target/fidelity-venv >/dev/null 2>&1
  fi
  (target/fidelity-venv/bin/pip install -q lxml >/dev/null 2>&1) ||
    echo "note: lxml could not be installed; the DOCX fidelity test will report that it did not run"
fi

# The browser test of `tenderlint serve` drives that Chromium with a small Node
# script (tests/browser): node and npm from apt, its two packages from npm.
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing node and npm for the browser test of tenderlint serve …"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null) ||
    echo "note: node/npm could not be installed; the browser test of tenderlint serve will report that it did not run"
fi
if command -v npm >/dev/null 2>&1; then
  if npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error >/dev/null; then
    # Everything it needs is here: from now on a browser test that cannot run is a failure.
    if command -v chromium >/dev/null 2>&1; then export TENDERLINT_REQUIRE_BROWSER=1; fi
  else
    echo "note: npm ci in tests/browser failed; the browser test of tenderlint serve will report that it did not run"
  fi
fi

cargo test --locked
cargo run --locked --quiet -- rules test --strict

# The pre-commit hook, through the real pre-commit framework (needs python3 with
# venv and pip; about 2.5 minutes, most of it the hook's first build).
bash tests/pre-commit/run.sh
