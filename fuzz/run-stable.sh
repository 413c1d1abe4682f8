#!/usr/bin/env bash
# Builds and runs a libFuzzer target of this crate on a stable toolchain (no cargo-fuzz, no
# nightly): the coverage instrumentation cargo-fuzz would add is passed by hand, and only to the
# target (not to build scripts), as cargo-fuzz does with --target. Needs a C++ compiler for
# libFuzzer itself.
#
#   fuzz/run-stable.sh TARGET [SECONDS]     TARGET is find_times or extract; default 300 s
#
# Inputs that crash are written to fuzz/artifacts/TARGET/; the corpus grows in
# fuzz/corpus/TARGET/ (seeded from tests/gold for the extractor).
set -euo pipefail
cd "$(dirname "$0")"
target="${1:?usage: run-stable.sh find_times|extract [seconds]}"
seconds="${2:-300}"
triple="$(rustc -vV | sed -n 's/^host: //p')"
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --bin "$target" --target "$triple"
mkdir -p "corpus/$target" "artifacts/$target"
if [ "$target" = extract ] && [ -z "$(ls -A "corpus/$target")" ]; then
    cp ../tests/gold/*.txt "corpus/$target/"
fi
"$CARGO_TARGET_DIR/$triple/release/$target" "corpus/$target" \
    -artifact_prefix="artifacts/$target/" -max_total_time="$seconds" -max_len=8192 \
    -rss_limit_mb=4096
