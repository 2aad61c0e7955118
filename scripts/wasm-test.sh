#!/usr/bin/env bash
# Build the wasm package (crates/wasm) and test it in Node against the
# native CLI.
#
#   scripts/wasm-test.sh            # build, bind, test
#   OUT=dir scripts/wasm-test.sh    # the package somewhere else (default target/wasm-pkg)
#   TARGET=web scripts/wasm-test.sh # bind for a page (ES module) instead; the Node test is skipped
#
# Needs the wasm32-unknown-unknown target (rustup target add
# wasm32-unknown-unknown) and Node 18 or later. Installs wasm-bindgen-cli,
# at exactly the wasm-bindgen version in Cargo.lock, when it is missing or
# another version (a cargo install, a few minutes).
set -euo pipefail
cd "$(dirname "$0")/.."

out="${OUT:-target/wasm-pkg}"
target="${TARGET:-nodejs}"
elapsed() { echo "wasm-test: $1 in $((SECONDS - $2)) s"; }

version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ -z "$version" ]; then
    echo "wasm-test: no wasm-bindgen in Cargo.lock" >&2
    exit 1
fi
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
    start=$SECONDS
    echo "wasm-test: installing wasm-bindgen-cli $version"
    # --locked first; if the registry lacks one of the CLI's locked
    # dependencies, resolve them afresh (the CLI version is still exact).
    cargo install wasm-bindgen-cli --version "=$version" --locked ||
        cargo install wasm-bindgen-cli --version "=$version"
    elapsed "installed wasm-bindgen-cli" "$start"
fi

start=$SECONDS
cargo build --profile wasm --locked --target wasm32-unknown-unknown -p crosscheck-wasm
elapsed "built crosscheck-wasm for wasm32-unknown-unknown" "$start"

start=$SECONDS
rm -rf "$out"
wasm-bindgen --target "$target" --out-dir "$out" --remove-name-section --remove-producers-section \
    target/wasm32-unknown-unknown/wasm/crosscheck_wasm.wasm
echo "wasm-test: $out/crosscheck_wasm_bg.wasm is $(wc -c <"$out/crosscheck_wasm_bg.wasm") bytes"
elapsed "bound with wasm-bindgen" "$start"

if [ "$target" != nodejs ]; then
    echo "wasm-test: TARGET=$target: package in $out, the Node test needs TARGET=nodejs"
    exit 0
fi

# The native side of the comparison.
start=$SECONDS
cargo build --release --locked -p crosscheck-cli
elapsed "built the native CLI" "$start"

start=$SECONDS
CROSSCHECK_WASM_PKG="$PWD/$out" CROSSCHECK_BIN="$PWD/target/release/crosscheck" \
    node --test crates/wasm/tests/node.test.mjs
elapsed "node test" "$start"
