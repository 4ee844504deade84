#!/usr/bin/env bash
# Test driver (README command 2, run by .ci/run): set-up, build, every CTest test, then the seed scripts.
# Prints a final "N passed, M failed" summing the CTest tests and the listed seed scripts;
# exits non-zero when anything failed. BUILD_DIR overrides the build directory (default: build).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
build_dir=${BUILD_DIR:-build}

tools/build.sh "$build_dir"

ctest_log=$(mktemp)
trap 'rm -f "$ctest_log"' EXIT
ctest_status=0
ctest --test-dir "$build_dir" -j2 --output-on-failure --timeout 600 2>&1 | tee "$ctest_log" || ctest_status=$?

# CTest's summary: "100% tests passed, 0 tests failed out of 12"; no such line when it found no tests.
ctest_total=$(sed -n 's/.*tests failed out of \([0-9][0-9]*\).*/\1/p' "$ctest_log" | tail -n 1)
ctest_failed=$(sed -n 's/.*, \([0-9][0-9]*\) tests* failed out of.*/\1/p' "$ctest_log" | tail -n 1)
ctest_total=${ctest_total:-0}
ctest_failed=${ctest_failed:-0}
if [ "$ctest_status" -ne 0 ] && [ "$ctest_failed" -eq 0 ]; then
    ctest_failed=1  # CTest itself failed (bad test list, crash) without a summary to count from
fi
passed=$((ctest_total - ctest_failed))
failed=$ctest_failed

# Seed scripts (the documents' own examples) that already pass; .ci/seed-passing.txt only grows.
checker=../shared/tools/check_seed_scripts.py
summary_pattern='^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$'
if [ -f "$checker" ] && [ -f .ci/seed-passing.txt ]; then
    while read -r seed _; do
        case $seed in ''|'#'*) continue ;; esac
        seed_log=$(python3 "$checker" "$build_dir/chaipy" --only "$seed" </dev/null || true)
        # The checker's own summary line is folded into the final one, not echoed.
        printf '%s\n' "$seed_log" | sed "/$summary_pattern/d"
        summary=$(printf '%s\n' "$seed_log" | sed -n "s/$summary_pattern/\\1 \\2/p" | tail -n 1)
        read -r seed_passed seed_failed <<<"${summary:-0 0}"
        if [ $((seed_passed + seed_failed)) -eq 0 ]; then
            echo "FAIL $seed: listed in .ci/seed-passing.txt but no such seed script ran"
            seed_failed=1
        fi
        passed=$((passed + seed_passed))
        failed=$((failed + seed_failed))
    done <.ci/seed-passing.txt
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
