// The sys module: argv, path, modules, standard streams, exit, recursion limit, exception info, version facts.
#include "stdlib/sys.hpp"

#include <cfloat>
#include <climits>
#include <cstdio>
#include <initializer_list>
#include <iterator>
#include <string>

#include "interpreter/vm.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "stdlib/io.hpp"
#include "stdlib/struct_sequence.hpp"

namespace chaipy {

static TypeObject version_info_type;
static TypeObject frame_type;
static TypeObject float_info_type;

static const char* const version_info_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};
static const char* const float_info_fields[] = {"max",      "max_exp", "max_10_exp", "min",     "min_exp", "min_10_exp",
                                                "dig",      "mant_dig", "epsilon",   "radix",   "rounds"};

// A struct sequence filled from `items` (all non-null, or null with an error pending).
static Ref make_struct_sequence(TypeObject* type, std::initializer_list<Ref> items) {
  Ref sequence = struct_sequence_new(type);
  if (!sequence) return nullptr;
  size_t index = 0;
  for (const Ref& item : items) {
    if (!item) return nullptr;
    struct_sequence_set(*sequence, index++, Ref(item).release());
  }
  return sequence;
}

// sys._getframe() results: a snapshot of a running frame (CPython's frame objects are live;
// scripts read f_globals, f_locals, f_code, f_lineno and f_back, which a snapshot serves).
struct FrameSnapshotObject : Object {
  Value globals, locals, code, back;  // owned (back: None at the bottom)
  int line;
};

static void frame_snapshot_dealloc(Object* object) {
  auto* frame = static_cast<FrameSnapshotObject*>(object);
  decref(frame->globals);
  decref(frame->locals);
  decref(frame->code);
  decref(frame->back);
  free_object(object);
}
static Ref frame_get_globals(Value self) { return Ref::borrow(self.as<FrameSnapshotObject>()->globals); }
static Ref frame_get_locals(Value self) { return Ref::borrow(self.as<FrameSnapshotObject>()->locals); }
static Ref frame_get_code(Value self) { return Ref::borrow(self.as<FrameSnapshotObject>()->code); }
static Ref frame_get_back(Value self) { return Ref::borrow(self.as<FrameSnapshotObject>()->back); }
static Ref frame_get_lineno(Value self) { return int_from_i64(self.as<FrameSnapshotObject>()->line); }

// Snapshots `frame` and the frames below it.
static Ref snapshot_frame(Frame* frame) {
  if (!frame) return Ref::none();
  Ref back = snapshot_frame(frame->back);
  if (!back) return nullptr;
  Object* object = alloc_object(&frame_type);
  if (!object) return nullptr;
  auto* snapshot = static_cast<FrameSnapshotObject*>(object);
  Ref result = Ref::steal(Value(object));
  Ref locals;
  if (frame->locals) {
    locals = Ref::borrow(frame->locals);
  } else {
    locals = dict_new();
    CodeObject* code = frame->code;
    for (uint32_t i = 0; i < code->nlocals && locals; ++i)
      if (frame->slots[i] && dict_set(*locals, code->varnames[i], frame->slots[i]) < 0) return nullptr;
  }
  incref(frame->globals);
  snapshot->globals = frame->globals;
  snapshot->locals = locals.release();
  incref(Value(frame->code));
  snapshot->code = Value(frame->code);
  snapshot->back = back.release();
  snapshot->line = source_line_of(Value(frame->code), frame->last_pc());
  return result;
}

static Ref sys_getframe(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("_getframe", nargs, kwnames, 0, 1)) return nullptr;
  int64_t depth = 0;
  if (nargs && !index_to_i64(args[0], depth)) return nullptr;
  Frame* frame = current_frame();
  for (int64_t i = 0; i < depth && frame; ++i) frame = frame->back;
  if (!frame) return raise(&ValueError_type, "call stack is not deep enough");
  return snapshot_frame(frame);
}

void init_sys_types() {
  init_struct_sequence_type(&float_info_type, "sys", "float_info", float_info_fields, std::size(float_info_fields),
                            std::size(float_info_fields));
  init_struct_sequence_type(&version_info_type, "sys", "version_info", version_info_fields,
                            std::size(version_info_fields), std::size(version_info_fields));

  init_static_type(&frame_type, "frame", &object_type, sizeof(FrameSnapshotObject), 0);
  frame_type.dealloc = frame_snapshot_dealloc;
  frame_type.new_ = nullptr;
  add_property(&frame_type, "f_globals", frame_get_globals);
  add_property(&frame_type, "f_locals", frame_get_locals);
  add_property(&frame_type, "f_code", frame_get_code);
  add_property(&frame_type, "f_back", frame_get_back);
  add_property(&frame_type, "f_lineno", frame_get_lineno);
  finish_static_type(&frame_type);
}

static Ref sys_exit(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("exit", nargs, kwnames, 0, 1)) return nullptr;
  // As CPython's sys.exit: the status becomes the exception's value, and None means no args.
  if (nargs == 1 && args[0].is_none()) nargs = 0;
  Ref exception = call(Value(&SystemExit_type), nargs ? args : nullptr, nargs);
  if (!exception) return nullptr;
  return raise_value(*exception);
}

static Ref handled_exception_value() {
  Value handled = thread_state().handled_exception;
  return handled ? Ref::borrow(handled) : Ref::none();
}

static Ref sys_exc_info(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("exc_info", nargs, kwnames, 0, 0)) return nullptr;
  Value handled = thread_state().handled_exception;
  if (!handled) return tuple_pack({Value::none(), Value::none(), Value::none()});
  Value tb = handled.as<BaseExceptionObject>()->traceback;
  return tuple_pack({Value(type_of(handled)), handled, tb ? tb : Value::none()});
}

static Ref sys_exception(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("exception", nargs, kwnames, 0, 0)) return nullptr;
  return handled_exception_value();
}

static Ref sys_getrecursionlimit(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("getrecursionlimit", nargs, kwnames, 0, 0)) return nullptr;
  return int_from_i64(current_interpreter().recursion_limit);
}

static Ref sys_setrecursionlimit(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("setrecursionlimit", nargs, kwnames, 1, 1)) return nullptr;
  if (is_float(args[0])) return raise(&TypeError_type, "'float' object cannot be interpreted as an integer");
  int64_t limit;
  if (!index_to_i64(args[0], limit)) return nullptr;
  if (limit < 1) return raise(&ValueError_type, "recursion limit must be greater or equal than 1");
  int depth = thread_state().recursion_depth;
  if (limit <= depth)
    return raise_format(&RecursionError_type,
                        "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                        int(limit), depth);
  current_interpreter().recursion_limit = limit > INT_MAX ? INT_MAX : int(limit);
  return Ref::none();
}

static Ref sys_getswitchinterval(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("getswitchinterval", nargs, kwnames, 0, 0)) return nullptr;
  return float_new(current_interpreter().switch_interval);
}

static Ref sys_setswitchinterval(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("setswitchinterval", nargs, kwnames, 1, 1)) return nullptr;
  double interval;
  if (!number_to_double(args[0], interval)) return nullptr;
  if (interval <= 0) return raise(&ValueError_type, "switch interval must be strictly positive");
  current_interpreter().switch_interval = interval;
  return Ref::none();
}

static Ref sys_getrefcount(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("getrefcount", nargs, kwnames, 1, 1)) return nullptr;
  Value v = args[0];
  if (!v.is_object() || v.as_object()->refcount < 0) return int_from_i64(INT32_MAX);
  return int_from_i64(v.as_object()->refcount + 1);
}

static Ref sys_intern(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("intern", nargs, kwnames, 1, 1)) return nullptr;
  if (type_of(args[0]) != &str_type)
    return raise_format(&TypeError_type, "intern() argument must be str, not %s", type_name(args[0]));
  return Ref::steal(str_intern(str_view(args[0])));
}

// sys.displayhook: echo of the REPL; prints repr(value) and keeps it in builtins._.
static Ref sys_displayhook(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("displayhook", nargs, kwnames, 1, 1)) return nullptr;
  if (args[0].is_none()) return Ref::none();
  Interpreter& interp = current_interpreter();
  if (dict_set_str(interp.builtins, "_", Value::none()) < 0) return nullptr;
  Ref text = object_repr(args[0]);
  if (!text) return nullptr;
  Value out = sys_stdout();
  if (!out) return raise(&RuntimeError_type, "lost sys.stdout");
  Ref line = str_new(std::string(str_view(*text)) + "\n");
  if (!call_method(out, "write", line.ptr(), 1)) return nullptr;
  if (dict_set_str(interp.builtins, "_", args[0]) < 0) return nullptr;
  return Ref::none();
}

static Ref sys_excepthook(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("excepthook", nargs, kwnames, 3, 3)) return nullptr;
  bool traceback_given = args[2].is_none() || type_of(args[2]) == &traceback_type;
  if (!is_exception_instance(args[1]) || !traceback_given) {
    print_exception_to_stderr(args[1]);
    return Ref::none();
  }
  // The traceback printed is the one passed, which callers trim (atexit drops its own frame).
  auto* exception = args[1].as<BaseExceptionObject>();
  Ref own_traceback = Ref::steal(exception->traceback);
  exception->traceback = args[2].is_none() ? Value() : Ref::borrow(args[2]).release();
  print_exception_to_stderr(args[1]);
  if (exception->traceback) decref(exception->traceback);
  exception->traceback = own_traceback.release();
  return Ref::none();
}

void print_exception_to_stderr(Value exception) {
  std::string text = is_exception_instance(exception) ? format_exception(exception) : "";
  Value err = sys_stderr();
  if (err) {
    Ref line = str_new(text);
    Ref written = call_method(err, "write", line.ptr(), 1);
    if (written) written = call_method(err, "flush", nullptr, 0);
    if (written) return;
    clear_error();
  }
  fputs(text.c_str(), stderr);
  fflush(stderr);
}

void write_unraisable(const char* prefix, Value culprit) {
  Ref exception = fetch_error();
  Value err = sys_stderr();
  Ref culprit_repr = object_repr(culprit);
  if (!culprit_repr) clear_error();
  std::string header = std::string(prefix) + ": " + (culprit_repr ? std::string(str_view(*culprit_repr)) : "?") + "\n";
  Ref text = err ? str_new(header) : Ref();
  if (!text || !call_method(err, "write", text.ptr(), 1)) {
    // No usable sys.stderr (at teardown, say): the C stream, as print_exception_to_stderr does.
    clear_error();
    fputs(header.c_str(), stderr);
  }
  if (exception) print_exception_to_stderr(*exception);
}

static Ref string_list(const std::vector<std::string>& items) {
  Ref list = list_new(0);
  if (!list) return nullptr;
  for (const auto& item : items) {
    Ref text = str_new(item);
    if (!text || !list_append(*list, *text)) return nullptr;
  }
  return list;
}

Ref create_sys_module(Interpreter& interp) {
  Ref module = module_new("sys");
  if (!module) return nullptr;
  Value m = *module;
  Ref argv = string_list(interp.config.argv.empty() ? std::vector<std::string>{""} : interp.config.argv);
  Ref path = string_list(interp.config.path_entries);
  Ref version_tuple = make_struct_sequence(
      &version_info_type, {int_from_i64(3), int_from_i64(11), int_from_i64(2), str_new("final"), int_from_i64(0)});
  Ref stdin_stream = make_std_stream(0, "<stdin>", false, interp.config.unbuffered_stdio);
  Ref stdout_stream = make_std_stream(1, "<stdout>", true, interp.config.unbuffered_stdio);
  Ref stderr_stream = make_std_stream(2, "<stderr>", true, interp.config.unbuffered_stdio);
  Ref float_info = make_struct_sequence(
      &float_info_type, {float_new(DBL_MAX), int_from_i64(DBL_MAX_EXP), int_from_i64(DBL_MAX_10_EXP),
                         float_new(DBL_MIN), int_from_i64(DBL_MIN_EXP), int_from_i64(DBL_MIN_10_EXP),
                         int_from_i64(DBL_DIG), int_from_i64(DBL_MANT_DIG), float_new(DBL_EPSILON),
                         int_from_i64(FLT_RADIX), int_from_i64(1)});
  if (!version_tuple || !float_info || !argv || !path || !stdin_stream || !stdout_stream || !stderr_stream) return nullptr;
  Ref builtin_names = tuple_pack({*str_new("builtins"), *str_new("sys")});
  bool ok = module_add_object(m, "argv", *argv) && module_add_object(m, "orig_argv", *argv) &&
            module_add_object(m, "path", *path) && module_add_object(m, "modules", interp.modules) &&
            module_add_object(m, "stdin", *stdin_stream) && module_add_object(m, "stdout", *stdout_stream) &&
            module_add_object(m, "stderr", *stderr_stream) && module_add_object(m, "__stdin__", *stdin_stream) &&
            module_add_object(m, "__stdout__", *stdout_stream) && module_add_object(m, "__stderr__", *stderr_stream) &&
            module_add_object(m, "version_info", *version_tuple) && module_add_object(m, "float_info", *float_info) &&
            module_add_string(m, "version", "3.11.2 (chaipy " CHAIPY_VERSION ") [GCC]") &&
            module_add_int(m, "hexversion", 0x030B02F0) && module_add_int(m, "maxsize", INT64_MAX) &&
            module_add_int(m, "maxunicode", 0x10FFFF) && module_add_string(m, "byteorder", "little") &&
            module_add_string(m, "platform", "linux") && module_add_string(m, "executable", interp.config.executable) &&
            module_add_string(m, "prefix", "/usr") && module_add_string(m, "exec_prefix", "/usr") &&
            module_add_object(m, "builtin_module_names", *builtin_names) &&
            module_add_object(m, "dont_write_bytecode", Value::true_()) &&
            module_add_function(m, "exit", sys_exit) && module_add_function(m, "_getframe", sys_getframe) && module_add_function(m, "exc_info", sys_exc_info) &&
            module_add_function(m, "exception", sys_exception) &&
            module_add_function(m, "getrecursionlimit", sys_getrecursionlimit) &&
            module_add_function(m, "setrecursionlimit", sys_setrecursionlimit) &&
            module_add_function(m, "getswitchinterval", sys_getswitchinterval) &&
            module_add_function(m, "setswitchinterval", sys_setswitchinterval) &&
            module_add_function(m, "getrefcount", sys_getrefcount) && module_add_function(m, "intern", sys_intern) &&
            module_add_function(m, "displayhook", sys_displayhook) &&
            module_add_function(m, "excepthook", sys_excepthook);
  if (!ok) return nullptr;
  Value hook = dict_get_str(module_dict(m), "displayhook");
  Value excepthook = dict_get_str(module_dict(m), "excepthook");
  if (!module_add_object(m, "__displayhook__", hook) || !module_add_object(m, "__excepthook__", excepthook))
    return nullptr;
  return module;
}

}  // namespace chaipy
