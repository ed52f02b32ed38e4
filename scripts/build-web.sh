#!/usr/bin/env bash
# Builds the static page: target/web/, the page of `tenderlint serve` checking in
# the browser. Any static web server can host the folder as it is (see README,
# «The page without a server»); the files never leave the reader's machine.
#
#   scripts/build-web.sh
#
# The page's assets are src/serve/page/ itself, copied unchanged except for two
# lines of index.html: `data-checker="wasm"` (checker.js then loads the checker
# compiled to WebAssembly instead of asking a server) and a Content-Security-Policy
# that lets it run WebAssembly and reach nothing but its own folder's server.
# What it needs and does not find it installs: the wasm32 target (rustup) and the
# wasm-bindgen CLI, pinned to crates/web's wasm-bindgen (built once, unoptimised).
set -euo pipefail
cd "$(dirname "$0")/.."

# Must be the version crates/web/Cargo.toml pins (`=X.Y.Z`): the CLI refuses a module
# built with another.
WASM_BINDGEN_VERSION=0.2.129
if ! grep -q "^wasm-bindgen = \"=$WASM_BINDGEN_VERSION\"" crates/web/Cargo.toml; then
  echo "error: scripts/build-web.sh pins wasm-bindgen $WASM_BINDGEN_VERSION but crates/web/Cargo.toml pins another" >&2
  exit 2
fi

if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "installing the wasm32-unknown-unknown target …"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  echo "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (once; a few minutes) …"
  # Unoptimised, as scripts/test.sh builds cargo-deny: it rewrites one module in
  # about a second either way, and builds in a fraction of the release build's time.
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_DEBUG=0 CARGO_PROFILE_RELEASE_STRIP=true \
    cargo install --locked --quiet wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

cargo build --locked --quiet --profile web --target wasm32-unknown-unknown -p tenderlint-web

out=target/web
rm -rf "$out"
mkdir -p "$out"
# The function names (0.76 MB, 0.19 MB gzipped) only name frames in a stack trace; the
# page runs the same code without them.
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir "$out" --out-name tenderlint_web target/wasm32-unknown-unknown/web/tenderlint_web.wasm

page=src/serve/page
# Every script and style of the page (the server sends the same list: serve::PAGE).
cp "$page"/*.js "$page"/*.css "$out/"
cp "$page/icon.svg" "$out/favicon.svg"
# The server sends its policy as a header; a static host may send none, so the page
# carries its own. 'wasm-unsafe-eval' lets it compile the checker, nothing else.
csp="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"
sed -e "s|<meta charset=\"utf-8\">|<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"$csp\">|" \
  -e 's|<body>|<body data-checker="wasm">|' "$page/index.html" >"$out/index.html"
if ! grep -q 'data-checker="wasm"' "$out/index.html" || ! grep -q 'Content-Security-Policy' "$out/index.html"; then
  echo "error: src/serve/page/index.html no longer has the <meta charset> and <body> lines this script marks" >&2
  exit 2
fi

wasm="$out/tenderlint_web_bg.wasm"
echo "built $out: $(wc -c <"$wasm") bytes of WebAssembly ($(gzip -9c "$wasm" | wc -c) gzipped), $(du -sk "$out" | cut -f1) KiB in all"
