#!/usr/bin/env bash
# Run every cargo-fuzz target in turn for SECONDS each (default 600).
#
#   scripts/fuzz.sh            # 10 minutes per target
#   scripts/fuzz.sh 60         # one minute per target
#   scripts/fuzz.sh 60 audit   # only the named targets
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). The toolchain is stable, so
# libFuzzer's nightly flags are allowed with RUSTC_BOOTSTRAP=1 (AddressSanitizer
# on); set SANITIZER=none to build without it (`cargo fuzz run -s none`).
#
# Each target's corpus (fuzz/corpus/TARGET, not committed) is seeded from the
# example articles, the ingest fixtures and fuzz/regressions/TARGET. Targets
# run one at a time, in one process each: the machine is shared. A crash stops the run
# and leaves its input in fuzz/artifacts/TARGET; minimize it with
#   RUSTC_BOOTSTRAP=1 cargo fuzz tmin TARGET fuzz/artifacts/TARGET/crash-…
# and keep it under fuzz/regressions/TARGET plus a unit test.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(quantity claims ingest_html ingest_jsonl audit)
fi
sanitizer="${SANITIZER:-address}"
export RUSTC_BOOTSTRAP=1

seed() {
    local target="$1" dir="fuzz/corpus/$1"
    mkdir -p "$dir"
    case "$target" in
        ingest_html) cp -n tests/fixtures/ingest/pages/*.html "$dir/" 2>/dev/null || true ;;
        ingest_jsonl) cp -n tests/fixtures/ingest/*.jsonl "$dir/" 2>/dev/null || true ;;
        *) cp -n examples/seeds/*.txt tests/fixtures/ingest/*.txt "$dir/" 2>/dev/null || true ;;
    esac
    if [ -d "fuzz/regressions/$target" ]; then
        cp -n fuzz/regressions/"$target"/* "$dir/" 2>/dev/null || true
    fi
}

# Build once, then run the built binaries, so that edits to the sources while
# the fuzzers run do not trigger rebuilds between targets.
(cd fuzz && cargo fuzz build -O -s "$sanitizer")
triple="$(rustc -vV | sed -n 's/^host: //p')"
bin="fuzz/target/$triple/release"
status=0
for target in "${targets[@]}"; do
    seed "$target"
    mkdir -p "fuzz/artifacts/$target"
    echo "== $target: ${seconds}s"
    # Regressions first: each must pass before new inputs are explored.
    if [ -d "fuzz/regressions/$target" ]; then
        "$bin/$target" -runs=0 "fuzz/regressions/$target" \
            || { echo "== $target: a regression input fails"; status=1; continue; }
    fi
    "$bin/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
        -max_len=16384 -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$target/" \
        "fuzz/corpus/$target" \
        || { echo "== $target: crashed (see fuzz/artifacts/$target)"; status=1; }
done
exit "$status"
