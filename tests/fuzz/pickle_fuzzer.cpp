// libFuzzer target: bytes through the unpickler (the engine behind pickle.loads), with an allow-list find_class and in safe mode; any input must give a value or an exception, never a crash.
#include <cstddef>
#include <cstdint>

#include "tests/fuzz/harness.hpp"

namespace {

// Globals are resolved only from an allow-list: a mutated pickle must not run os.system.
// Exception is caught broadly on purpose: a malformed pickle may fail inside any constructor
// it names (set(5) is a TypeError) or any opcode; only a crash or a SystemError is a bug.
constexpr const char* harness = R"PY(
import io, pickle

ALLOWED = {
    ('builtins', 'set'), ('builtins', 'frozenset'), ('builtins', 'bytearray'),
    ('builtins', 'complex'), ('builtins', 'range'), ('builtins', 'slice'),
    ('builtins', 'list'), ('builtins', 'dict'), ('builtins', 'tuple'), ('builtins', 'int'),
    ('builtins', 'str'), ('builtins', 'bytes'), ('builtins', 'float'), ('builtins', 'object'),
    ('builtins', 'ValueError'), ('copyreg', '_reconstructor'), ('collections', 'OrderedDict'),
}

class AllowListUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) in ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f'global {module}.{name} refused')

def safe_load(data):
    # safe=True must refuse every global on its own: the override only reports a leak.
    class Watched(pickle.Unpickler):
        def find_class(self, module, name):
            raise SystemError(f'safe mode asked find_class for {module}.{name}')
    return Watched(io.BytesIO(data), safe=True).load()

def check(data):
    for load in (lambda: AllowListUnpickler(io.BytesIO(data)).load(), lambda: safe_load(data)):
        try:
            load()
        except SystemError:
            raise
        except Exception:
            pass
)PY";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  chaipy::fuzz::run_python_check(harness, data, size);
  return 0;
}
