#!/usr/bin/env bash
# Soak test: tools/soak.sh [SCALE] runs tests/soak/soak_*.py with chaipy — 1,000,000 Queue messages
# between processes, 10,000 threads (in waves), 1,000 processes (fork and spawn), a Pool used for
# 100,000 tasks — each checking that every message is accounted for and that resident memory at
# the end is within 10% of what it was after warm-up. Prints one line per part; exits non-zero
# when a part fails. SCALE (default 1) multiplies every count: 0.1 for a quick run.
# The interpreter is $CHAIPY, default build/chaipy.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
scale=${1:-1}
chaipy=$(realpath "${CHAIPY:-$repo/build/chaipy}" 2>/dev/null)
if [ ! -x "$chaipy" ]; then
    echo "tools/soak.sh: no interpreter at $chaipy (build it, or set CHAIPY)" >&2
    exit 2
fi

cd "$repo/tests/soak" || exit 2
failed=0
start=$(date +%s)
for part in queue threads processes pool; do
    "$chaipy" "soak_$part.py" "$scale" || { echo "$part: FAILED (exit status $?)"; failed=1; }
done
echo "soak test at scale $scale: $([ $failed -eq 0 ] && echo passed || echo FAILED) in $(( $(date +%s) - start )) s"
exit $failed
