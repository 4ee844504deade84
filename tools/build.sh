#!/usr/bin/env bash
# Release build with profile-guided optimisation (README command 1; tools/test.sh builds with it):
# set-up, an instrumented chaipy that runs the training scripts, then the build itself compiled
# with their profile. Usage: tools/build.sh [BUILD_DIR] (default: build).
# The profile is kept in BUILD_DIR/pgo-profile and taken only when it is missing: delete that
# directory to take it again after large changes. CHAIPY_PGO=0 builds without a profile.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
build_dir=${1:-build}
mkdir -p "$build_dir"
build_dir=$(cd "$build_dir" && pwd)
profile_dir=$build_dir/pgo-profile

tools/bootstrap.sh

# The training set: the language, builtins and library script tests (not the benchmarks, whose
# figures would flatter the profile; not the thread and process tests, which mostly wait).
train() {
    local interpreter=$1 script
    for script in tests/scripts/lang/*.py tests/scripts/builtins/*.py tests/scripts/stdlib/*.py; do
        (cd "$(dirname "$script")" &&
            timeout 60 "$interpreter" "$(basename "$script")" </dev/null >/dev/null 2>&1) || true
    done
}

if [ "${CHAIPY_PGO:-1}" = 0 ]; then
    pgo_options=(-DCHAIPY_PGO=)
else
    if [ ! -f "$profile_dir/complete" ]; then
        train_dir=$build_dir/pgo-train
        rm -rf "$profile_dir"
        cmake -S . -B "$train_dir" -DCMAKE_BUILD_TYPE=Release -DCHAIPY_BUILD_TESTS=OFF \
            -DCHAIPY_PGO=generate -DCHAIPY_PGO_DIR="$profile_dir"
        cmake --build "$train_dir" -j2 --target chaipy
        train "$train_dir/chaipy"
        touch "$profile_dir/complete"
        # Objects compiled with an older profile (or none) are compiled again with this one.
        if [ -f "$build_dir/Makefile" ]; then cmake --build "$build_dir" --target clean; fi
    fi
    pgo_options=(-DCHAIPY_PGO=use -DCHAIPY_PGO_DIR="$profile_dir")
fi

cmake -S . -B "$build_dir" "${pgo_options[@]}"
cmake --build "$build_dir" -j2
