// libFuzzer target: format specs (format(value, spec) and f-strings) for the built-in formattable types (chaipy has no complex); errors must be CPython's kinds, never a crash.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/harness.hpp"

namespace {

// The first byte picks the value; the rest is the spec. A bad spec is a ValueError (or
// TypeError for a type that takes no spec).
constexpr const char* harness = R"PY(
VALUES = [0, 7, -12345, 2**100, -3**70, True, 1.5, -0.0, 1e300, 5e-324, float('nan'),
          float('-inf'), 'abc', '', 'h\u00e9llo \U0001f600',
          None, (1, 2), [3], b'xy', 1 << 62]

def too_wide(spec):
    # ASan's operator new aborts instead of throwing std::bad_alloc, so widths and precisions
    # big enough to be a MemoryError (tests/scripts/errors/limits_memory covers those) are skipped.
    run = 0
    for character in spec:
        run = run + 1 if '0' <= character <= '9' else 0
        if run > 7:
            return True
    return False

def check(data):
    if not data:
        return
    value = VALUES[data[0] % len(VALUES)]
    spec = data[1:].decode('utf-8', 'replace')
    if too_wide(spec):
        return
    try:
        result = format(value, spec)
    except (ValueError, TypeError, OverflowError, MemoryError):
        return
    if not isinstance(result, str):
        raise AssertionError(f'format({value!r}, {spec!r}) returned {type(result).__name__}')
    if f'{value:{spec}}' != result:
        raise AssertionError(f'f-string and format() disagree for {value!r}, {spec!r}')
)PY";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chaipy::fuzz::run_python_check(harness, data, size);
  return 0;
}
