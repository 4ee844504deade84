#!/usr/bin/env bash
# Sanitizer driver: tools/sanitize.sh address,undefined | thread — configures, builds and runs the tests under GCC's sanitizers.
# address,undefined (ASan+UBSan, leak checking on) runs the whole CTest suite in build-asan;
# thread (TSan) runs the threading subset (script tests in threads/ and processes/, the GIL,
# thread and embedding-thread unit tests) in build-tsan. Any report fails the test that made
# it (recovery is off). BUILD_DIR overrides the directory; extra arguments go to ctest.
set -euo pipefail

if [ $# -lt 1 ]; then
    echo "usage: tools/sanitize.sh address,undefined|thread [ctest arguments...]" >&2
    exit 2
fi
sanitizers=$1
shift
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
case $sanitizers in
    address,undefined)
        build_dir=${BUILD_DIR:-$repo/build-asan}
        # Left out, because the sanitizer changes what they measure: ASan's operator new aborts
        # rather than throw std::bad_alloc (limits_memory, and EmbedTinyCaps, whose scripts
        # include limits_memory's 'x' * 10**12); its quarantine keeps freed memory
        # (test_gc_memory's RSS bound); the install test builds an unsanitized consumer; ASan's
        # SIGSEGV handler turns a child's deliberate segfault into a report and an abort, so
        # its exit code is -6, not -11 (child_segfault).
        selection=(-E '^(script/errors/limits_memory|script/modules/test_gc_memory|embed/install_consumer|script/processes/child_segfault|unit/EmbedTinyCaps\..*)$') ;;
    thread)
        build_dir=${BUILD_DIR:-$repo/build-tsan}
        # Processes forked while other threads run (Pool and executor workers, fork_from_thread)
        # are left out: TSan does not support a multi-threaded fork (its runtime crashes in the
        # child at exit); the same tests pass without sanitizers and under ASan.
        selection=(-R '^(script/threads/|script/processes/|unit/(GilTest|EmbedThreads)\.)'
                   -E '^script/processes/(executor_basics|executor_broken|fork_from_thread|pool|pool_interrupt)$') ;;
    *)
        echo "tools/sanitize.sh: use address,undefined or thread (not '$sanitizers')" >&2
        exit 2 ;;
esac

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# Sanitized code runs several times slower: the script tests get a longer timeout.
cmake -S "$repo" -B "$build_dir" -DCHAIPY_SANITIZE="$sanitizers" -DCHAIPY_SCRIPT_TIMEOUT=120 "${launcher[@]}" >/dev/null
cmake --build "$build_dir" -j2

# Reports go to stderr, which the script-test runner shows on failure; halt on the first.
# allocator_may_return_null: 'x' * 10**12 must be a MemoryError, as without ASan.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1:detect_stack_use_after_return=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
# Sanitized frames are several times bigger: a 1000-deep script recursion needs more than the
# usual 8 MiB main stack (the interpreter sizes its recursion guard from this limit).
ulimit -s 131072 2>/dev/null || ulimit -s unlimited 2>/dev/null || true
# GCC 12's ASan has no fork handler: a child forked while another thread holds one of the
# sanitizer's locks can deadlock there. Such a rare hang ends
# at the test's timeout (every test has one; --timeout covers any added without) and the test
# runs once more; a test that fails without timing out is not repeated.
ctest --test-dir "$build_dir" -j2 --output-on-failure --timeout 600 --repeat after-timeout:2 \
      "${selection[@]}" "$@"
