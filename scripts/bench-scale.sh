#!/usr/bin/env bash
# Scale check: generate batches with gen_corpus, audit them, report throughput
# (MB/s of article text) and peak memory (/usr/bin/time -v).
# Usage: scripts/bench-scale.sh [DOCS...]   (default: 1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p crosscheck-cli -p crosscheck --example gen_corpus
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
printf "%8s %10s %10s %10s %12s\n" docs bytes seconds "MB/s" "peak RSS MB"
for n in "${sizes[@]}"; do
  dir=$(mktemp -d)
  ./target/release/examples/gen_corpus --docs "$n" --out "$dir" 2>/dev/null
  bytes=$(find "$dir" -name "*.txt" -print0 | xargs -0 cat | wc -c)
  log=$(mktemp)
  start=$(date +%s.%N)
  /usr/bin/time -v ./target/release/crosscheck audit "$dir" --format json --fail-on never >/dev/null 2>"$log"
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc -l)
  rss=$(awk -F: '/Maximum resident set size/ {print $2/1024}' "$log")
  printf "%8d %10d %10.2f %10.2f %12.1f\n" "$n" "$bytes" "$secs" "$(echo "$bytes / 1048576 / $secs" | bc -l)" "$rss"
  rm -rf "$dir" "$log"
done
