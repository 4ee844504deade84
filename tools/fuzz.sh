#!/usr/bin/env bash
# Fuzzing driver: tools/fuzz.sh TARGET SECONDS builds tests/fuzz's TARGET_fuzzer with clang and runs it;
# tools/fuzz.sh --all SECONDS runs every target for SECONDS each, two at a time (the CI form: .ci/run).
# TARGET: compile, run, pickle, format or number. The corpus (seeded from tests/scripts and from
# CPython-made pickles) grows in $BUILD_DIR/corpus/TARGET; a crash, leak or timeout is saved in
# $BUILD_DIR/artifacts/TARGET/ and makes the script exit with status 3 (a failed build: 1).
# Extra arguments go to libFuzzer.
# Needs Debian's clang and its runtime (libFuzzer, ASan): tools/bootstrap.sh installs them when
# run as root. BUILD_DIR defaults to build-fuzz; FUZZ_JOBS (default 2) targets run at once.
set -euo pipefail

all_targets=(compile run pickle format number)
if [ $# -lt 2 ]; then
    echo "usage: tools/fuzz.sh compile|run|pickle|format|number|--all SECONDS [libFuzzer options...]" >&2
    exit 2
fi
target=$1
seconds=$2
shift 2
case $target in
    compile|run|pickle|format|number) targets=("$target") ;;
    --all) targets=("${all_targets[@]}") ;;
    *) echo "tools/fuzz.sh: unknown target '$target'" >&2; exit 2 ;;
esac

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$repo/tools/bootstrap.sh" clang libclang-rt-14-dev
build_dir=${BUILD_DIR:-$repo/build-fuzz}
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S "$repo" -B "$build_dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCHAIPY_FUZZ=ON -DCHAIPY_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
# The compiler's output is kept in build.log, shown only when the build fails.
if ! cmake --build "$build_dir" --target "${targets[@]/%/_fuzzer}" -j2 >"$build_dir/build.log" 2>&1; then
    tail -n 60 "$build_dir/build.log"
    exit 1
fi

# Fills an empty corpus directory with the seeds of one target.
seed_corpus() {
    local target=$1 corpus=$2 index
    case $target in
        compile|run)
            # Every script test is a seed (the run target skips those that import or open files).
            find "$repo/tests/scripts" -name '*.py' -size -16k -exec cp {} "$corpus/" \; ;;
        pickle)
            /usr/bin/python3 - "$corpus" <<'PY'
import collections, pickle, sys
values = [None, True, 0, -1, 255, 65536, 2**31, -2**63, 2**100, 1.5, -0.0, float('inf'), 1j,
          'h\u00e9llo \U0001f600', 'x' * 300, b'\x00\xff', bytearray(b'xyz'), (), (1,), (1, 2, 3),
          [1, [2, [3]]], {'a': 1, 2: (3,)}, {1, 2}, frozenset({3}), range(1, 10, 3),
          slice(1, None, 2), collections.OrderedDict(a=1), ValueError('bad', 3)]
shared = [1]
values.append([shared, shared])
for index, value in enumerate(values):
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        with open(f'{sys.argv[1]}/seed-{index}-{protocol}', 'wb') as out:
            out.write(pickle.dumps(value, protocol))
PY
            ;;
        format)
            index=0
            for spec in '' 'd' '>10' '<5' '^9' '=+8' '08.3f' ',d' '_x' '#o' '#b' 'X' 'e' '.2E' 'g' \
                        '.10G' '%' '.1%' 'n' 's' '.3s' '*^20' ',.2f' '_.4e' '+#.0f' 'c' '-#010x' 'z.1f'; do
                for value in '\x00' '\x02' '\x03' '\x06' '\x08' '\x0c' '\x0e' '\x10'; do
                    printf "$value%s" "$spec" >"$corpus/seed-$index"
                    index=$((index + 1))
                done
            done ;;
        number)
            index=0
            for text in '0' '-17' '+1_000' ' 42 ' '0x1f' '0o17' '0b101' '1e10' '-1.5e-7' 'inf' '-Infinity' \
                        'nan' '1_0.5' '.5' '5.' '0_0' '\xd9\xa3' '1j' 'zz' '9999999999999999999999'; do
                for base in '\x00' '\x01' '\x06' '\x0e' '\x22'; do
                    printf "$base%b" "$text" >"$corpus/seed-$index"
                    index=$((index + 1))
                done
            done ;;
    esac
}

# Leak checking on (libFuzzer then reports an input that leaks). A 32 MB quarantine (ASan's
# default is 256): with the default, the run target (a fresh interpreter per input) reached
# 1.9 GB of RSS, near -rss_limit_mb, with 24 MB live; 0.6 GB with 32.
export ASAN_OPTIONS=${ASAN_OPTIONS:-allocator_may_return_null=1:detect_leaks=1:quarantine_size_mb=32}
# One target: its libFuzzer output goes to $build_dir/logs/TARGET.log; the final statistics (or,
# after a finding, the report) are printed. Returns non-zero on a finding.
fuzz_target() {
    local target=$1 corpus=$build_dir/corpus/$1 artifacts=$build_dir/artifacts/$1 log=$build_dir/logs/$1.log
    shift
    mkdir -p "$corpus" "$artifacts" "$build_dir/logs"
    if [ -z "$(ls -A "$corpus")" ]; then seed_corpus "$target" "$corpus"; fi
    # A run with -max_total_time ends with status 0 when nothing was found.
    if "$build_dir/fuzz/${target}_fuzzer" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" >"$log" 2>&1; then
        echo "== tools/fuzz.sh: $target ${seconds}s clean: $(grep -E '^Done [0-9]+ runs' "$log" | tail -n 1)"
        grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)' "$log" | sed 's/^/   /'
    else
        echo "== tools/fuzz.sh: $target FAILED (the input is in $artifacts/); the end of $log:"
        tail -n 60 "$log"
        return 1
    fi
}

jobs_at_once=${FUZZ_JOBS:-2}
running=0
failures=0
for target in "${targets[@]}"; do
    if [ "$running" -ge "$jobs_at_once" ]; then
        wait -n || failures=$((failures + 1))
        running=$((running - 1))
    fi
    fuzz_target "$target" "$@" &
    running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
    wait -n || failures=$((failures + 1))
    running=$((running - 1))
done
if [ "$failures" -gt 0 ]; then
    echo "tools/fuzz.sh: $failures target(s) found a problem (inputs in $build_dir/artifacts/)" >&2
    exit 3
fi
