#!/bin/sh
# Test bookkeeping: runs the scripts in tests/scripts/pending.txt and says which now pass.
# Usage: tools/pending-report.sh [INTERPRETER]   (default: build/chaipy)
# A script that passes can leave pending.txt and become a regular CTest test.
set -u

repo=$(cd "$(dirname "$0")/.." && pwd)
interpreter=${1:-$repo/build/chaipy}
scripts=$repo/tests/scripts
runner=$repo/tests/run_script_test.sh
if [ ! -x "$interpreter" ]; then
    echo "pending-report: $interpreter is not an executable; build first or name an interpreter" >&2
    exit 2
fi

now_passing=""
still_failing=0
while read -r entry _; do
    entry=${entry%%#*}
    [ -n "$entry" ] || continue
    script=$scripts/${entry%.py}.py
    if [ ! -f "$script" ]; then
        echo "MISSING $entry (no such file; drop it from pending.txt)"
    elif [ ! -f "${script%.py}.out" ]; then
        echo "NO-OUT  $entry (record its expected output first)"
        still_failing=$((still_failing + 1))
    elif sh "$runner" "$interpreter" "$script" >/dev/null 2>&1; then
        echo "PASSES  $entry"
        now_passing="$now_passing $entry"
    else
        echo "fails   $entry"
        still_failing=$((still_failing + 1))
    fi
done <"$scripts/pending.txt"

echo
if [ -n "$now_passing" ]; then
    echo "Now passing; move out of tests/scripts/pending.txt:"
    for entry in $now_passing; do echo "    $entry"; done
else
    echo "No pending script passes yet."
fi
echo "$still_failing pending script(s) still failing."
