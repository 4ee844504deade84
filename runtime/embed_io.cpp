// The embedding API's output redirection: sys.stdout / sys.stderr objects that hand what scripts write to host callbacks.
#include <mutex>

#include "runtime/builtin_types.hpp"
#include "runtime/embed_state.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"

namespace chaipy::embed::detail {

using chaipy::Ref;
using chaipy::Value;

namespace {

// A text stream whose writes go to a host callback (called with the GIL held).
struct HostStreamObject : chaipy::Object {
  const std::function<void(std::string_view)>* sink;  // in the State's options: lives as long
};

chaipy::TypeObject host_stream_type;

Ref host_stream_write(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!chaipy::check_positional("write", nargs, kwnames, 1, 1)) return nullptr;
  if (!chaipy::is_str(args[0]))
    return chaipy::raise_format(&chaipy::TypeError_type, "write() argument must be str, not %T", args[0]);
  std::string_view text = chaipy::str_view(args[0]);
  try {
    (*self.as<HostStreamObject>()->sink)(text);
  } catch (...) {
    raise_current_exception(*static_cast<State*>(chaipy::current_interpreter().embed));
    return nullptr;
  }
  return chaipy::int_from_i64(int64_t(chaipy::object_length(args[0])));
}

Ref host_stream_flush(Value, const Value*, size_t nargs, Value kwnames) {
  if (!chaipy::check_positional("flush", nargs, kwnames, 0, 0)) return nullptr;
  return Ref::none();
}

Ref host_stream_false(Value, const Value*, size_t nargs, Value kwnames) {
  if (!chaipy::check_positional("isatty", nargs, kwnames, 0, 0)) return nullptr;
  return Ref::boolean(false);
}

Ref host_stream_true(Value, const Value*, size_t nargs, Value kwnames) {
  if (!chaipy::check_positional("writable", nargs, kwnames, 0, 0)) return nullptr;
  return Ref::boolean(true);
}

Ref host_stream_encoding(Value) { return chaipy::str_new("utf-8"); }

const chaipy::MethodDef host_stream_methods[] = {
    {"write", host_stream_write},
    {"flush", host_stream_flush},
    {"isatty", host_stream_false},
    {"writable", host_stream_true},
    {nullptr, nullptr},
};

void init_host_stream_type() {
  static std::once_flag ready;
  std::call_once(ready, [] {
    chaipy::init_static_type(&host_stream_type, "HostStream", &chaipy::object_type, sizeof(HostStreamObject), 0);
    chaipy::finish_static_type(&host_stream_type);  // after start-up: the dict exists from here on
    chaipy::add_methods(&host_stream_type, host_stream_methods);
    chaipy::add_property(&host_stream_type, "encoding", host_stream_encoding);
  });
}

bool redirect(State& state, const char* name, const char* original_name,
              const std::function<void(std::string_view)>& sink) {
  if (!sink) return true;
  chaipy::Object* memory = chaipy::alloc_object(&host_stream_type);
  if (!memory) return false;
  Ref stream = Ref::steal(Value(memory));
  static_cast<HostStreamObject*>(memory)->sink = &sink;
  Value sys_dict = chaipy::module_dict(state.interp->sys_module);
  return chaipy::dict_set_str(sys_dict, name, *stream) == 0 && chaipy::dict_set_str(sys_dict, original_name, *stream) == 0;
}

}  // namespace

bool install_output(State& state) {
  init_host_stream_type();
  return redirect(state, "stdout", "__stdout__", state.options.stdout_callback) &&
         redirect(state, "stderr", "__stderr__", state.options.stderr_callback);
}

}  // namespace chaipy::embed::detail
