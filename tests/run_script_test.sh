#!/bin/sh
# Script-test runner: runs one tests/scripts/NAME.py and checks stdout, exit status and stderr.
# Usage: run_script_test.sh INTERPRETER path/to/NAME.py
#   NAME.out     expected stdout, byte for byte (required)
#   NAME.status  expected exit status (default 0)
#   NAME.err     expected stderr, byte for byte once "<script directory>/" is removed from it
#                (checked only when the file exists)
# The script runs the way tests/scripts/record.sh records it from CPython: from its own
# directory as "INTERPRETER NAME.py", stdin from /dev/null, an environment holding only PATH and
# LANG; and with a timeout of $CHAIPY_SCRIPT_TIMEOUT seconds (default 30).
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 INTERPRETER SCRIPT.py" >&2
    exit 2
fi
interpreter=$1
script=$2
timeout_seconds=${CHAIPY_SCRIPT_TIMEOUT:-30}

# A relative interpreter path must survive the cd below.
case $interpreter in
    /*) ;;
    */*) interpreter=$(cd "$(dirname "$interpreter")" && pwd)/$(basename "$interpreter") ;;
esac

script_dir=$(cd "$(dirname "$script")" && pwd)
script_name=$(basename "$script")
stem=$script_dir/${script_name%.py}

work=$(mktemp -d "${TMPDIR:-/tmp}/chaipy-script-test.XXXXXX")
trap 'rm -rf "$work"' EXIT

cd "$script_dir" || exit 2
# The environment is fixed, except the sanitizers' settings (tools/sanitize.sh sets them).
# (Their values hold no spaces, so the list is split on them below.)
sanitizer_settings=
for name in ASAN_OPTIONS UBSAN_OPTIONS TSAN_OPTIONS LSAN_OPTIONS; do
    if value=$(printenv "$name"); then sanitizer_settings="$sanitizer_settings $name=$value"; fi
done
# shellcheck disable=SC2086
timeout -k 5 "$timeout_seconds" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 $sanitizer_settings \
    "$interpreter" "$script_name" </dev/null >"$work/stdout" 2>"$work/raw_stderr"
status=$?
# Tracebacks name the script by absolute path; the recorded .err has that directory removed.
sed "s|$script_dir/||g" "$work/raw_stderr" >"$work/stderr"

failed=0
if [ "$status" -eq 124 ]; then
    echo "FAIL: timed out after ${timeout_seconds}s"
    failed=1
fi

expected_status=0
if [ -f "$stem.status" ]; then
    expected_status=$(tr -d ' \t\r\n' <"$stem.status")
fi
if [ "$status" != "$expected_status" ] && [ "$status" -ne 124 ]; then
    echo "FAIL: exit status $status, expected $expected_status"
    failed=1
fi

if ! cmp -s "$stem.out" "$work/stdout"; then
    echo "FAIL: stdout differs from ${script_name%.py}.out"
    diff -u --label expected --label actual "$stem.out" "$work/stdout"
    failed=1
fi

if [ -f "$stem.err" ]; then
    if ! cmp -s "$stem.err" "$work/stderr"; then
        echo "FAIL: stderr differs from ${script_name%.py}.err"
        diff -u --label expected --label actual "$stem.err" "$work/stderr"
        failed=1
    fi
elif [ "$failed" -ne 0 ] && [ -s "$work/stderr" ]; then
    echo "--- stderr (last 40 lines)"
    tail -n 40 "$work/stderr"
fi

exit "$failed"
