// libFuzzer target: format specs (format(value, spec) and f-strings) for every built-in formattable type; errors must be CPython's kinds, never a crash.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/harness.hpp"

namespace {

// The first byte picks the value; the rest is the spec. A bad spec is a ValueError (or
// TypeError for a type that takes no spec); a huge width is a MemoryError under the cap.
constexpr const char* harness = R"PY(
VALUES = [0, 7, -12345, 2**100, -3**70, True, 1.5, -0.0, 1e300, 5e-324, float('nan'),
          float('-inf'), 3.14159j, complex(1e20, -2.5), 'abc', '', 'h\u00e9llo \U0001f600',
          None, (1, 2), [3], b'xy', 1 << 62]

def check(data):
    if not data:
        return
    value = VALUES[data[0] % len(VALUES)]
    spec = data[1:].decode('utf-8', 'replace')
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
