// libFuzzer target: int() (every base) and float() parsing of str and bytes; bad text must be a ValueError with a value that round-trips, never a crash.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/harness.hpp"

namespace {

// The first byte picks the base (0 or 2..36) for int(); the rest is the text, tried as str
// and as bytes, with int() and float(). Successful results are checked for consistency.
constexpr const char* harness = R"PY(
BASES = [10, 0] + list(range(2, 37))

def check(data):
    if not data:
        return
    base = BASES[data[0] % len(BASES)]
    raw = data[1:]
    text = raw.decode('utf-8', 'replace')
    for argument in (text, raw):
        try:
            number = int(argument, base)
        except ValueError:
            pass
        else:
            if not isinstance(number, int):
                raise AssertionError(f'int({argument!r}, {base}) gave {number!r}')
            if base == 10 and abs(number) < 10**1000 and int(str(number)) != number:
                raise AssertionError(f'int(str({number!r})) does not round-trip')
        try:
            value = float(argument)
        except ValueError:
            pass
        else:
            if value == value and float(repr(value)) != value:
                raise AssertionError(f'float(repr({value!r})) does not round-trip')
)PY";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chaipy::fuzz::run_python_check(harness, data, size);
  return 0;
}
