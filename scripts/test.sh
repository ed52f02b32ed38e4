#!/usr/bin/env bash
# The whole test suite, as a newcomer and CI run it: spelling (typos) and the
# dependencies' licences, bans and sources (cargo-deny, advisories too when the
# database can be fetched), cargo's tests (unit tests and tests/suite: CLI, DOCX
# corpus, report formats, accuracy corpora, every rule's examples, the architecture),
# then every shipped rule set's examples through the CLI in strict mode, and the
# pre-commit hook. The static page is built (scripts/build-web.sh) and tested in Chromium.
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
# lxml, and the compare test opens its workbook with openpyxl; a venv keeps them
# out of the system Python.
if ! target/fidelity-venv/bin/python -c "import lxml, openpyxl" >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
  echo "installing lxml and openpyxl for the DOCX fidelity and compare tests …"
  if ! python3 -m venv target/fidelity-venv >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null) &&
      python3 -m venv target/fidelity-venv >/dev/null 2>&1
  fi
  (target/fidelity-venv/bin/pip install -q lxml openpyxl >/dev/null 2>&1) ||
    echo "note: lxml or openpyxl could not be installed; the DOCX fidelity and compare tests will report that they did not run"
fi

# The reviewed Word copies (tenderlint review) must open where officers open them:
# LibreOffice converts each to PDF headless and python-docx reads it. Writer
# without its GUI and without recommends is the smallest set that does DOCX → PDF.
if ! command -v soffice >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing LibreOffice Writer (no GUI) for the reviewed-copy test …"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    libreoffice-writer-nogui >/dev/null) ||
    echo "note: LibreOffice could not be installed; the reviewed-copy test will report that it did not convert"
fi
if target/fidelity-venv/bin/python -c "import lxml" >/dev/null 2>&1 &&
  ! target/fidelity-venv/bin/python -c "import docx" >/dev/null 2>&1; then
  (target/fidelity-venv/bin/pip install -q python-docx >/dev/null 2>&1) ||
    echo "note: python-docx could not be installed; the reviewed-copy test will report that it did not open them"
fi
# Everything the reviewed-copy test needs is here: from now on its skipping is a failure.
if command -v soffice >/dev/null 2>&1 && target/fidelity-venv/bin/python -c "import docx" >/dev/null 2>&1; then
  export TENDERLINT_REQUIRE_OFFICE=1
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

# Spelling: typos, pinned, from its binary wheel on PyPI (seconds), in a venv of its own.
TYPOS_VERSION=1.52.0
typos=target/tools-venv/bin/typos
if [ "$("$typos" --version 2>/dev/null)" != "typos-cli $TYPOS_VERSION" ]; then
  echo "installing typos $TYPOS_VERSION …"
  (python3 -m venv target/tools-venv >/dev/null 2>&1 &&
    target/tools-venv/bin/pip install -q "typos==$TYPOS_VERSION" >/dev/null 2>&1) ||
    echo "note: typos could not be installed"
fi
if [ -x "$typos" ]; then
  "$typos"
elif [ -n "${CI:-}" ]; then
  echo "CI is set but typos could not be installed" >&2
  exit 1
else
  echo "note: the spelling check (typos) DID NOT RUN"
fi

# Dependencies: cargo-deny, pinned, built from crates.io once into ~/.cargo/bin (unoptimised:
# 1 min 11 s cold on two idle cores; nothing prebuilt is on the registries we reach).
CARGO_DENY_VERSION=0.20.2
if [ "$(cargo deny --version 2>/dev/null)" != "cargo-deny $CARGO_DENY_VERSION" ]; then
  echo "installing cargo-deny $CARGO_DENY_VERSION (once; several minutes) …"
  # Built unoptimised and without LTO: it checks one lock file in seconds either way,
  # and the build takes a fraction of the release build's time.
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_DEBUG=0 CARGO_PROFILE_RELEASE_STRIP=true \
    cargo install --locked --quiet cargo-deny --version "$CARGO_DENY_VERSION"
fi
# cargo-deny reads the metadata of every crate in the lock file, for every platform:
# fetch them first (a clean machine has none of them yet).
cargo fetch --locked --quiet
# The advisory database is a git repository on the network; where it cannot be fetched
# (no network but the package registries), advisories are skipped, and said to be.
if timeout 120 cargo deny fetch db >/dev/null 2>&1; then
  cargo deny --locked check advisories bans licenses sources
else
  echo "note: cargo-deny advisories SKIPPED: the advisory database could not be fetched; licences, bans and sources are checked"
  cargo deny --locked check bans licenses sources
fi

# The static page (target/web/: the page of `serve` with the checker compiled to
# WebAssembly). scripts/build-web.sh installs what it lacks (the wasm32 target, the pinned
# wasm-bindgen CLI: 7 minutes once on the loaded two-core machine); tests/suite/web.rs drives the page in
# Chromium and, where the browser test can run at all, must.
bash scripts/build-web.sh
if [ -n "${TENDERLINT_REQUIRE_BROWSER:-}" ]; then export TENDERLINT_REQUIRE_WEB=1; fi

# The lints of Cargo.toml's [workspace.lints] (clippy.toml: the long-function threshold), as
# errors, for every crate of the workspace; and the core once more on its own, without the
# `parallel` feature the binary switches on, as the browser builds it (one thread).
cargo clippy --locked --workspace --all-targets --quiet -- -D warnings
cargo clippy --locked -p tenderlint-core --all-targets --quiet -- -D warnings

cargo test --locked --workspace
cargo run --locked --quiet -- rules test --strict

# The pre-commit hook, through the real pre-commit framework (needs python3 with
# venv and pip; about 2.5 minutes, most of it the hook's first build).
bash tests/pre-commit/run.sh
