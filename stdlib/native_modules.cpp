// The registry of native modules: every module written in C++ that `import` can find, by full dotted name.
#include "runtime/module.hpp"
#include "stdlib/io.hpp"

namespace chaipy {

// Each module file defines its init function; the list below is the only place that names them.
bool init_math_module(Value module);
bool init_time_module(Value module);
bool init_os_module(Value module);
bool init_os_path_module(Value module);
bool init_thread_module(Value module);
bool init_pickle_module(Value module);
bool init_signal_module(Value module);
bool init_select_module(Value module);
bool init_subprocess_native_module(Value module);
bool init_multiprocessing_module(Value module);
bool init_gc_module(Value module);
bool init_weakref_module(Value module);

static const NativeModuleDef native_module_table[] = {
    {"math", init_math_module},
    {"time", init_time_module},
    {"os", init_os_module},
    {"os.path", init_os_path_module},
    {"io", init_io_module},
    {"_io", init_io_module},
    {"_thread", init_thread_module},
    {"_pickle", init_pickle_module},
    {"signal", init_signal_module},
    {"select", init_select_module},
    {"_subprocess", init_subprocess_native_module},
    {"_multiprocessing", init_multiprocessing_module},
    {"gc", init_gc_module},
    {"_weakref", init_weakref_module},
};

std::span<const NativeModuleDef> native_modules() { return native_module_table; }

}  // namespace chaipy
