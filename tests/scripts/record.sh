#!/usr/bin/env bash
# tests/scripts recording: (re)records each script's expected .out/.status/.err from CPython 3.11.
#
# Usage: tests/scripts/record.sh [SCRIPT.py ...]
# Without arguments it records every test script under the directories listed in OWNED_DIRS.
# Each script runs the way the runner runs it: current directory = the script's directory,
# the script passed as a bare file name, stdin empty, a minimal fixed environment.
# CPython 3.9+ reports the main script (and modules beside it) by absolute path in tracebacks;
# the recorded .err has "<script directory>/" stripped so it reads File "NAME.py", and the
# runner strips the same prefix from the interpreter's stderr before comparing.
set -euo pipefail

PYTHON=${PYTHON:-/usr/bin/python3}
SCRIPTS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OWNED_DIRS=(lang builtins types errors modules)

# Helpers are modules that tests import: helper_*.py, anything under a mods/ directory,
# and package __init__.py files. They get no expected output.
is_helper() {
    local path=$1 name
    name=$(basename "$path")
    [[ $name == helper_* || $name == __init__.py || $path == */mods/* ]]
}

record_one() {
    local script_path=$1 dir name stem status stderr_file
    dir=$(cd "$(dirname "$script_path")" && pwd)
    name=$(basename "$script_path")
    stem=${name%.py}
    stderr_file=$(mktemp)
    status=0
    (cd "$dir" && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$PYTHON" -B "$name" \
        </dev/null >"$stem.out" 2>"$stderr_file") || status=$?
    if [[ $status -ne 0 ]]; then
        echo "$status" >"$dir/$stem.status"
    else
        rm -f "$dir/$stem.status"
    fi
    # Under errors/ the stderr of a failing script is part of the test even when empty
    # (sys.exit(3) must print no traceback).
    if [[ $(basename "$dir") == errors && ( -s $stderr_file || $status -ne 0 ) ]]; then
        sed "s|$dir/||g" "$stderr_file" >"$dir/$stem.err"
    else
        rm -f "$dir/$stem.err"
    fi
    rm -f "$stderr_file"
    echo "recorded ${dir#"$SCRIPTS_ROOT"/}/$name (status $status)"
}

if [[ $# -gt 0 ]]; then
    for script in "$@"; do
        record_one "$script"
    done
else
    for owned in "${OWNED_DIRS[@]}"; do
        while IFS= read -r script; do
            is_helper "$script" || record_one "$script"
        done < <(find "$SCRIPTS_ROOT/$owned" -name '*.py' | sort)
    done
fi
