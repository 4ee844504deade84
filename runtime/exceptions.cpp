// Exceptions: the builtin hierarchy, exception objects and their special attributes, the pending-error API, tracebacks and their CPython-shaped text.
#include "runtime/exceptions.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/function.hpp"
#include "runtime/protocols.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type_init.hpp"
#include "runtime/unicode.hpp"

namespace chaipy {

#define CHAIPY_DEFINE_EXCEPTION_TYPE(name, base) TypeObject name##_type;
CHAIPY_EXCEPTION_TYPES(CHAIPY_DEFINE_EXCEPTION_TYPE)
#undef CHAIPY_DEFINE_EXCEPTION_TYPE
TypeObject traceback_type;

// ---- exception objects ----

// Null when the dict cannot be made (MemoryError pending).
static Value* exception_dict(Value exception) {
  auto* e = exception.as<BaseExceptionObject>();
  if (!e->dict) e->dict = dict_new().release();
  return e->dict ? &e->dict : nullptr;
}

static bool set_exception_attribute(Value exception, const char* name, Value value) {
  Value* dict = exception_dict(exception);
  return dict && value && dict_set_str(*dict, name, value) == 0;
}

Value exception_attribute(Value exception, const char* name) {
  auto* e = exception.as<BaseExceptionObject>();
  if (!e->dict) return Value();
  return dict_get_str(e->dict, name);
}

// Fills the attributes CPython's exception types derive from their arguments.
static int exception_fill_attributes(Value self, const Value* args, size_t nargs, Value kwnames) {
  TypeObject* type = type_of(self);
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  auto keyword = [&](const char* name) -> Value {
    for (size_t k = 0; k < nkw; ++k)
      if (str_view(tuple_item(kwnames, k)) == name) return args[nargs + k];
    return Value();
  };
  bool failed = false;  // out of memory
  auto set = [&](const char* name, Value value) { failed |= !set_exception_attribute(self, name, value); };
  if (is_subtype(type, &StopIteration_type)) {
    set("value", nargs ? args[0] : Value::none());
  } else if (is_subtype(type, &SystemExit_type)) {
    Value code = Value::none();
    if (nargs == 1) code = args[0];
    set("code", code);
    if (nargs > 1) {
      Ref all = tuple_from_array(args, nargs);
      set("code", *all);
    }
  } else if (is_subtype(type, &OSError_type)) {
    Value none = Value::none();
    set("errno", nargs >= 2 ? args[0] : none);
    set("strerror", nargs >= 2 ? args[1] : none);
    set("filename", nargs >= 3 ? args[2] : none);
    set("filename2", nargs >= 5 ? args[4] : none);
  } else if (is_subtype(type, &ImportError_type)) {
    Value none = Value::none();
    set("msg", nargs ? args[0] : none);
    Value name = keyword("name");
    Value path = keyword("path");
    set("name", name ? name : none);
    set("path", path ? path : none);
  } else if (is_subtype(type, &SyntaxError_type)) {
    Value none = Value::none();
    set("msg", nargs ? args[0] : none);
    const char* fields[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
    Value details = nargs >= 2 && is_tuple(args[1]) ? args[1] : Value();
    for (size_t i = 0; i < 6; ++i) {
      Value v = details && int64_t(i) < tuple_size(details) ? tuple_item(details, i) : none;
      set(fields[i], v);
    }
    set("print_file_and_line", none);
  } else if (is_subtype(type, &AttributeError_type) || is_subtype(type, &NameError_type)) {
    Value name = keyword("name");
    set("name", name ? name : Value::none());
    if (is_subtype(type, &AttributeError_type)) {
      Value obj = keyword("obj");
      set("obj", obj ? obj : Value::none());
    }
  } else if (is_subtype(type, &UnicodeDecodeError_type) || is_subtype(type, &UnicodeEncodeError_type)) {
    if (nargs == 5) {
      const char* fields[] = {"encoding", "object", "start", "end", "reason"};
      for (size_t i = 0; i < 5; ++i) set(fields[i], args[i]);
    }
  }
  return failed ? -1 : 0;
}

Ref exception_new(TypeObject* type, Value args) {
  if (!args) return nullptr;  // the arguments could not be made: their MemoryError is pending
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  Ref exception = Ref::steal(Value(object));
  auto* e = exception.as<BaseExceptionObject>();
  incref(args);
  e->args = args;
  if (exception_fill_attributes(*exception, args.as<TupleObject>()->items, tuple_size(args), Value()) < 0)
    return nullptr;
  return exception;
}

// OSError(errno, strerror) picks the subclass that errno names, as CPython does.
static TypeObject* os_error_subclass(Value errno_value) {
  int64_t code;
  if (!errno_value.is_small_int()) return nullptr;
  code = errno_value.as_small_int();
  switch (code) {
    case ENOENT: return &FileNotFoundError_type;
    case EEXIST: return &FileExistsError_type;
    case EISDIR: return &IsADirectoryError_type;
    case ENOTDIR: return &NotADirectoryError_type;
    case EACCES: case EPERM: return &PermissionError_type;
    case ESRCH: return &ProcessLookupError_type;
    case ETIMEDOUT: return &TimeoutError_type;
    case EINTR: return &InterruptedError_type;
    case EPIPE: case ESHUTDOWN: return &BrokenPipeError_type;
    case ECONNREFUSED: return &ConnectionRefusedError_type;
    case ECONNRESET: return &ConnectionResetError_type;
    case ECONNABORTED: return &ConnectionAbortedError_type;
    case ECHILD: return &ChildProcessError_type;
    case EAGAIN: return &BlockingIOError_type;
    default: return nullptr;
  }
}

static Ref exception_new_slot(TypeObject* type, const Value* args, size_t nargs, Value) {
  if (type == &OSError_type && nargs >= 2) {
    if (TypeObject* subclass = os_error_subclass(args[0])) type = subclass;
  }
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  Ref exception = Ref::steal(Value(object));
  Ref args_tuple = tuple_from_array(args, nargs);
  if (!args_tuple) return nullptr;
  exception.as<BaseExceptionObject>()->args = args_tuple.release();
  return exception;
}

// UnicodeDecodeError(encoding, object, start, end, reason) and UnicodeEncodeError likewise
// take exactly those five, typed as in CPython (the object: bytes to decode, str to encode).
// The five arguments of a UnicodeDecodeError or UnicodeEncodeError, from which it is raised.
static Ref raise_unicode_error(TypeObject* type, std::string_view encoding, Value object, size_t start, size_t end,
                               std::string_view reason) {
  Ref encoding_value = str_new(encoding);
  Ref start_value = int_from_i64(static_cast<int64_t>(start));
  Ref end_value = int_from_i64(static_cast<int64_t>(end));
  Ref reason_value = str_new(reason);
  if (!encoding_value || !start_value || !end_value || !reason_value) return nullptr;
  Ref exception = exception_new(type, *tuple_pack({*encoding_value, object, *start_value, *end_value, *reason_value}));
  if (exception) restore_error(std::move(exception));
  return nullptr;
}

static bool check_unicode_error_arguments(TypeObject* type, const Value* args, size_t nargs) {
  bool decode = is_subtype(type, &UnicodeDecodeError_type);
  if (!decode && !is_subtype(type, &UnicodeEncodeError_type)) return true;
  if (nargs != 5) {
    raise_format(&TypeError_type, "function takes exactly 5 arguments (%zu given)", nargs);
    return false;
  }
  const bool object_ok =
      decode ? is_bytes(args[1]) || is_subtype(type_of(args[1]), &bytearray_type) : is_str(args[1]);
  const bool ok[] = {is_str(args[0]), object_ok, is_int(args[2]), is_int(args[3]), is_str(args[4])};
  const char* wanted[] = {"str", decode ? "a bytes-like object" : "str", "int", "int", "str"};
  for (size_t i = 0; i < 5; ++i) {
    if (!ok[i]) {
      raise_format(&TypeError_type, "argument %zu must be %s, not %s", i + 1, wanted[i], type_name(args[i]));
      return false;
    }
  }
  return true;
}

Ref raise_unicode_encode_error(std::string_view encoding, Value object, size_t start, size_t end,
                               std::string_view reason) {
  return raise_unicode_error(&UnicodeEncodeError_type, encoding, object, start, end, reason);
}

Ref raise_unicode_decode_error(std::string_view encoding, std::string_view object, size_t start, size_t end,
                               std::string_view reason) {
  Ref bytes = bytes_new(object);
  return bytes ? raise_unicode_error(&UnicodeDecodeError_type, encoding, *bytes, start, end, reason) : nullptr;
}

static int exception_init_slot(Value self, const Value* args, size_t nargs, Value kwnames) {
  TypeObject* type = type_of(self);
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nkw && !is_subtype(type, &ImportError_type) && !is_subtype(type, &AttributeError_type) &&
      !is_subtype(type, &NameError_type)) {
    raise_format(&TypeError_type, "%s() takes no keyword arguments", type->name.c_str());
    return -1;
  }
  if (!check_unicode_error_arguments(type, args, nargs)) return -1;
  Ref args_tuple = tuple_from_array(args, nargs);
  if (!args_tuple) return -1;
  auto* e = self.as<BaseExceptionObject>();
  Value old = e->args;
  e->args = args_tuple.release();
  decref(old);
  return exception_fill_attributes(self, args, nargs, kwnames);
}

static void exception_dealloc(Object* object) {
  auto* e = static_cast<BaseExceptionObject*>(object);
  decref(e->dict);
  decref(e->args);
  decref(e->traceback);
  decref(e->cause);
  decref(e->context);
  free_object(object);
}

static void exception_traverse(Object* object, GcVisit visit, void* arg) {
  auto* e = static_cast<BaseExceptionObject*>(object);
  for (Value v : {e->dict, e->args, e->traceback, e->cause, e->context}) visit(v, arg);
}

// args becomes () rather than null: str() and repr() of a cleared exception still work.
static void exception_clear(Object* object) {
  auto* e = static_cast<BaseExceptionObject*>(object);
  Value old[] = {e->dict, e->args, e->traceback, e->cause, e->context};
  e->dict = e->traceback = e->cause = e->context = Value();
  e->args = empty_tuple().release();
  for (Value v : old) decref(v);
}

static Ref exception_str_slot(Value self) {
  auto* e = self.as<BaseExceptionObject>();
  TypeObject* type = type_of(self);
  int64_t n = tuple_size(e->args);
  if (is_subtype(type, &KeyError_type) && n == 1) return object_repr(tuple_item(e->args, 0));
  if (is_subtype(type, &OSError_type)) {
    Value err = exception_attribute(self, "errno");
    Value message = exception_attribute(self, "strerror");
    Value filename = exception_attribute(self, "filename");
    if (err && !err.is_none() && message && !message.is_none()) {
      Ref err_text = object_str(err);
      Ref message_text = object_str(message);
      if (!err_text || !message_text) return nullptr;
      std::string text = "[Errno " + std::string(str_view(*err_text)) + "] " + std::string(str_view(*message_text));
      if (filename && !filename.is_none()) {
        Ref filename_repr = object_repr(filename);
        if (!filename_repr) return nullptr;
        text += ": " + std::string(str_view(*filename_repr));
      }
      return str_new(text);
    }
  }
  if (is_subtype(type, &SyntaxError_type)) {
    Value msg = exception_attribute(self, "msg");
    Value filename = exception_attribute(self, "filename");
    Value lineno = exception_attribute(self, "lineno");
    {
      Ref text = object_str(msg ? msg : Value::none());
      if (!text) return nullptr;
      std::string out(str_view(*text));
      bool has_file = filename && is_str(filename);
      bool has_line = lineno && lineno.is_small_int();
      if (has_file || has_line) {
        out += " (";
        if (has_file) {
          std::string_view path = str_view(filename);
          size_t slash = path.rfind('/');
          out += std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
        }
        if (has_line) out += std::string(has_file ? ", " : "") + "line " + std::to_string(lineno.as_small_int());
        out += ")";
      }
      return str_new(out);
    }
  }
  if (is_subtype(type, &UnicodeDecodeError_type) && exception_attribute(self, "reason")) {
    Value object = exception_attribute(self, "object");
    int64_t start = 0, end = 0;
    int_to_i64(exception_attribute(self, "start"), start);
    int_to_i64(exception_attribute(self, "end"), end);
    std::string encoding(str_view(exception_attribute(self, "encoding")));
    std::string reason(str_view(exception_attribute(self, "reason")));
    char buffer[256];
    if (end == start + 1 && is_bytes(object) && start < int64_t(bytes_view(object).size()))
      snprintf(buffer, sizeof buffer, "'%s' codec can't decode byte 0x%02x in position %lld: %s", encoding.c_str(),
               static_cast<unsigned char>(bytes_view(object)[start]), static_cast<long long>(start), reason.c_str());
    else
      snprintf(buffer, sizeof buffer, "'%s' codec can't decode bytes in position %lld-%lld: %s", encoding.c_str(),
               static_cast<long long>(start), static_cast<long long>(end - 1), reason.c_str());
    return str_new(buffer);
  }
  if (is_subtype(type, &UnicodeEncodeError_type) && exception_attribute(self, "reason")) {
    Value object = exception_attribute(self, "object");
    int64_t start = 0, end = 0;
    int_to_i64(exception_attribute(self, "start"), start);
    int_to_i64(exception_attribute(self, "end"), end);
    std::string out = "'" + std::string(str_view(exception_attribute(self, "encoding"))) + "' codec can't encode ";
    if (end == start + 1 && is_str(object) && start >= 0 && size_t(start) < object.as<StrObject>()->length) {
      const std::string_view text = str_view(object);
      size_t offset = utf8_offset_of_index(text, static_cast<size_t>(start));
      out += "character '";
      append_code_point_escape(out, utf8_decode_next(text, offset));
      out += "' in position " + std::to_string(start);
    } else {
      out += "characters in position " + std::to_string(start) + "-" + std::to_string(end - 1);
    }
    out += ": " + std::string(str_view(exception_attribute(self, "reason")));
    return str_new(out);
  }
  if (n == 0) return str_new("");
  if (n == 1) return object_str(tuple_item(e->args, 0));
  return object_str(e->args);
}

static Ref exception_repr_slot(Value self) {
  auto* e = self.as<BaseExceptionObject>();
  std::string text = type_of(self)->name;
  if (tuple_size(e->args) == 1) {
    Ref item = object_repr(tuple_item(e->args, 0));
    if (!item) return nullptr;
    return str_new(text + "(" + std::string(str_view(*item)) + ")");
  }
  Ref args = object_repr(e->args);
  if (!args) return nullptr;
  return str_new(text + std::string(str_view(*args)));
}

static Ref exception_get_args(Value self) { return Ref::borrow(self.as<BaseExceptionObject>()->args); }
static int exception_set_args(Value self, Value value) {
  if (!value) {
    raise(&TypeError_type, "args may not be deleted");
    return -1;
  }
  Ref args = is_tuple(value) ? Ref::borrow(value) : Ref();
  if (!args) {
    Ref list = list_from_iterable(value);
    if (!list) return -1;
    args = tuple_from_array(list.as<ListObject>()->items, list_size(*list));
    if (!args) return -1;
  }
  auto* e = self.as<BaseExceptionObject>();
  Value old = e->args;
  e->args = args.release();
  decref(old);
  return 0;
}
static Ref get_optional(Value v) { return v ? Ref::borrow(v) : Ref::none(); }
static int set_optional(Value& field, Value value) {
  Value old = field;
  field = (value && !value.is_none()) ? value : Value();
  incref(field);
  decref(old);
  return 0;
}
static Ref exception_get_traceback(Value self) { return get_optional(self.as<BaseExceptionObject>()->traceback); }
static int exception_set_traceback(Value self, Value value) {
  return set_optional(self.as<BaseExceptionObject>()->traceback, value);
}
static Ref exception_get_cause(Value self) { return get_optional(self.as<BaseExceptionObject>()->cause); }
static int exception_set_cause(Value self, Value value) {
  self.as<BaseExceptionObject>()->suppress_context = true;
  return set_optional(self.as<BaseExceptionObject>()->cause, value);
}
static Ref exception_get_context(Value self) { return get_optional(self.as<BaseExceptionObject>()->context); }
static int exception_set_context(Value self, Value value) {
  return set_optional(self.as<BaseExceptionObject>()->context, value);
}
static Ref exception_get_suppress(Value self) {
  return Ref::boolean(self.as<BaseExceptionObject>()->suppress_context);
}
static int exception_set_suppress(Value self, Value value) {
  int truth = value ? object_truth(value) : 0;
  if (truth < 0) return -1;
  self.as<BaseExceptionObject>()->suppress_context = truth;
  return 0;
}
static Ref exception_with_traceback(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("with_traceback", nargs, kwnames, 1, 1)) return nullptr;
  exception_set_traceback(self, args[0]);
  return Ref::borrow(self);
}
static Ref exception_reduce(Value self, const Value*, size_t, Value) {
  auto* e = self.as<BaseExceptionObject>();
  if (e->dict && dict_size(e->dict))
    return tuple_pack({Value(type_of(self)), e->args, e->dict});
  return tuple_pack({Value(type_of(self)), e->args});
}
static Ref exception_setstate(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("__setstate__", nargs, kwnames, 1, 1)) return nullptr;
  if (is_dict(args[0])) {
    Value* dict = exception_dict(self);
    if (!dict || dict_update(*dict, args[0]) < 0) return nullptr;
  }
  return Ref::none();
}

static const MethodDef exception_methods[] = {
    {"with_traceback", exception_with_traceback},
    {"__reduce__", exception_reduce},
    {"__setstate__", exception_setstate},
    {nullptr, nullptr},
};

static void traceback_dealloc(Object* object) {
  auto* tb = static_cast<TracebackObject*>(object);
  decref(tb->next);
  decref(tb->code);
  free_object(object);
}

int source_line_of(Value code, uint32_t instruction);
static Ref traceback_get_lineno(Value self) {
  auto* tb = self.as<TracebackObject>();
  return int_from_i64(source_line_of(tb->code, tb->instruction));
}
static Ref traceback_get_next(Value self) { return get_optional(self.as<TracebackObject>()->next); }

void init_exception_types() {
#define CHAIPY_INIT_EXCEPTION_TYPE(name, base_name)                                                        \
  init_static_type(&name##_type, #name, CHAIPY_BASE_OF_##base_name, sizeof(BaseExceptionObject),          \
                   type_flag_base_type | type_flag_exception | type_flag_has_instance_dict | type_flag_gc); \
  name##_type.dict_offset = offsetof(BaseExceptionObject, dict);
#define CHAIPY_BASE_OF_nullptr &object_type
#define CHAIPY_BASE_OF_BaseException &BaseException_type
#define CHAIPY_BASE_OF_Exception &Exception_type
#define CHAIPY_BASE_OF_ArithmeticError &ArithmeticError_type
#define CHAIPY_BASE_OF_ImportError &ImportError_type
#define CHAIPY_BASE_OF_LookupError &LookupError_type
#define CHAIPY_BASE_OF_NameError &NameError_type
#define CHAIPY_BASE_OF_OSError &OSError_type
#define CHAIPY_BASE_OF_ConnectionError &ConnectionError_type
#define CHAIPY_BASE_OF_RuntimeError &RuntimeError_type
#define CHAIPY_BASE_OF_SyntaxError &SyntaxError_type
#define CHAIPY_BASE_OF_IndentationError &IndentationError_type
#define CHAIPY_BASE_OF_ValueError &ValueError_type
#define CHAIPY_BASE_OF_UnicodeError &UnicodeError_type
#define CHAIPY_BASE_OF_Warning &Warning_type
  CHAIPY_EXCEPTION_TYPES(CHAIPY_INIT_EXCEPTION_TYPE)
#undef CHAIPY_INIT_EXCEPTION_TYPE
  BaseException_type.new_ = exception_new_slot;
  BaseException_type.init = exception_init_slot;
  BaseException_type.dealloc = exception_dealloc;
  BaseException_type.traverse = exception_traverse;
  BaseException_type.clear = exception_clear;
  BaseException_type.str = exception_str_slot;
  BaseException_type.repr = exception_repr_slot;
  add_methods(&BaseException_type, exception_methods);
  add_property(&BaseException_type, "args", exception_get_args, exception_set_args);
  add_property(&BaseException_type, "__traceback__", exception_get_traceback, exception_set_traceback);
  add_property(&BaseException_type, "__cause__", exception_get_cause, exception_set_cause);
  add_property(&BaseException_type, "__context__", exception_get_context, exception_set_context);
  add_property(&BaseException_type, "__suppress_context__", exception_get_suppress, exception_set_suppress);
#define CHAIPY_FINISH_EXCEPTION_TYPE(name, base) finish_static_type(&name##_type);
  CHAIPY_EXCEPTION_TYPES(CHAIPY_FINISH_EXCEPTION_TYPE)
#undef CHAIPY_FINISH_EXCEPTION_TYPE

  init_static_type(&traceback_type, "traceback", &object_type, sizeof(TracebackObject), 0);
  traceback_type.dealloc = traceback_dealloc;
  add_property(&traceback_type, "tb_lineno", traceback_get_lineno);
  add_property(&traceback_type, "tb_next", traceback_get_next);
  finish_static_type(&traceback_type);
}

void traceback_add(Value exception, Value code, uint32_t instruction) {
  Object* object = alloc_object(&traceback_type);
  if (!object) return;
  auto* entry = static_cast<TracebackObject*>(object);
  incref(code);
  entry->code = code;
  entry->instruction = instruction;
  // Frames are added as the exception travels outwards: each new one is the outermost.
  auto* e = exception.as<BaseExceptionObject>();
  entry->next = e->traceback;
  e->traceback = Value(object);
}

// ---- the pending-error API ----

constinit thread_local ThreadState* current_thread = nullptr;

static void set_pending(Ref exception) {
  ThreadState& ts = thread_state();
  Value old = ts.pending_exception;
  ts.pending_exception = exception.release();
  decref(old);
}

Ref raise(TypeObject* type, std::string_view message) {
  // A message may quote bytes from outside (a corrupt pickle's line); a str holds well-formed
  // text only, so malformed UTF-8 becomes U+FFFD, as in CPython's PyErr_Format.
  // (The word-wise ASCII test first: nearly every message is ASCII.)
  std::string replaced;
  if (!is_ascii(message) && !utf8_is_wellformed(message)) {
    utf8_append_replacing(replaced, message);
    message = replaced;
  }
  // Out of memory, a part fails to be made and its MemoryError is what stays pending.
  Ref text = str_new(message);
  if (!text) return nullptr;
  Ref args = tuple_pack({*text});
  if (Ref exception = exception_new(type, *args)) set_pending(std::move(exception));
  return nullptr;
}

// A small printf with %R/%S/%T for values, used for CPython-worded messages.
Ref raise_format(TypeObject* type, const char* format, ...) {
  va_list ap;
  va_start(ap, format);
  std::string out;
  for (const char* p = format; *p; ++p) {
    if (*p != '%') {
      out += *p;
      continue;
    }
    ++p;
    char buffer[64];
    switch (*p) {
      case 's': out += va_arg(ap, const char*); break;
      case 'd': snprintf(buffer, sizeof buffer, "%d", va_arg(ap, int)); out += buffer; break;
      case 'c': out += static_cast<char>(va_arg(ap, int)); break;
      case '%': out += '%'; break;
      case 'R': case 'S': {
        Value v = va_arg(ap, Value);
        Ref text = *p == 'R' ? object_repr(v) : object_str(v);
        if (!text) { va_end(ap); return nullptr; }
        out += str_view(*text);
        break;
      }
      case 'T': out += type_name(va_arg(ap, Value)); break;
      case 'z':
        ++p;
        if (*p == 'u') snprintf(buffer, sizeof buffer, "%zu", va_arg(ap, size_t));
        else snprintf(buffer, sizeof buffer, "%zd", va_arg(ap, ssize_t));
        out += buffer;
        break;
      case 'l':
        if (p[1] == 'l') {
          p += 2;
          snprintf(buffer, sizeof buffer, "%lld", va_arg(ap, long long));
        } else {
          ++p;
          snprintf(buffer, sizeof buffer, "%ld", va_arg(ap, long));
        }
        out += buffer;
        break;
      default: out += '%'; out += *p; break;
    }
  }
  va_end(ap);
  return raise(type, out);
}

Ref raise_value(Value exception) {
  if (is_exception_type(exception)) {
    Ref instance = call0(exception);
    if (!instance) return nullptr;
    if (!is_exception_instance(*instance))
      return raise_format(&TypeError_type, "calling %R should have returned an instance of BaseException, not %s",
                          exception, type_name(*instance));
    set_pending(std::move(instance));
    return nullptr;
  }
  if (!is_exception_instance(exception)) return raise(&TypeError_type, "exceptions must derive from BaseException");
  set_pending(Ref::borrow(exception));
  return nullptr;
}

Ref raise_from_errno(int error_number, Value filename) {
  Ref code = int_from_i64(error_number);
  Ref message = str_new(strerror(error_number));
  if (!code || !message) return nullptr;
  Ref args = filename ? tuple_pack({*code, *message, filename}) : tuple_pack({*code, *message});
  TypeObject* type = os_error_subclass(*code);
  Ref exception = exception_new(type ? type : &OSError_type, *args);
  if (!exception) return nullptr;
  set_pending(std::move(exception));
  return nullptr;
}

Ref raise_no_memory() {
  // No allocation may be possible here: MemoryError without arguments.
  static thread_local bool raising = false;
  if (raising) return nullptr;
  raising = true;
  Ref args = empty_tuple();
  if (Ref exception = exception_new(&MemoryError_type, *args)) set_pending(std::move(exception));
  raising = false;
  return nullptr;
}

Ref raise_key_error(Value key) {
  Ref args = tuple_pack({key});
  Ref exception = exception_new(&KeyError_type, *args);
  if (!exception) return nullptr;
  set_pending(std::move(exception));
  return nullptr;
}

bool error_pending() { return !thread_state().pending_exception.is_null(); }

bool error_matches(TypeObject* type) {
  Value pending = thread_state().pending_exception;
  return pending && is_subtype(type_of(pending), type);
}

void clear_error() {
  ThreadState& ts = thread_state();
  Value old = ts.pending_exception;
  ts.pending_exception = Value();
  decref(old);
}

Ref fetch_error() {
  ThreadState& ts = thread_state();
  Value pending = ts.pending_exception;
  ts.pending_exception = Value();
  return Ref::steal(pending);
}

void restore_error(Ref exception) { set_pending(std::move(exception)); }

// ---- source lines and traceback text ----

// A source text, split into lines only when a traceback first asks for one of them: most
// imported modules never show a line.
struct SourceText {
  std::string owned;      // the text, unless it lives as long as the process (embedded stdlib)
  std::string_view text;  // `owned` or the static text
  std::vector<std::string_view> lines;
  bool split = false;
};
static std::mutex source_mutex;
static std::unordered_map<std::string, SourceText> source_cache;

static void split_source(SourceText& source) {
  std::string_view rest = source.text;
  while (!rest.empty()) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    source.lines.push_back(line);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  }
  source.split = true;
}

// Under source_mutex. The view is set once the text sits in its map node (nodes never move).
static SourceText& store_owned_source(const std::string& filename, std::string text) {
  SourceText& source = source_cache[filename] = SourceText{std::move(text), {}, {}, false};
  source.text = source.owned;
  return source;
}

void register_source(const std::string& filename, std::string text) {
  std::lock_guard lock(source_mutex);
  store_owned_source(filename, std::move(text));
}

void register_static_source(const std::string& filename, std::string_view text) {
  std::lock_guard lock(source_mutex);
  source_cache[filename] = SourceText{{}, text, {}, false};
}

std::string source_line(const std::string& filename, int line) {
  std::lock_guard lock(source_mutex);
  auto it = source_cache.find(filename);
  SourceText* found = it == source_cache.end() ? nullptr : &it->second;
  if (!found) {
    std::ifstream file(filename, std::ios::binary);
    if (!file) return "";
    std::ostringstream text;
    text << file.rdbuf();
    found = &store_owned_source(filename, text.str());
  }
  SourceText& source = *found;
  if (!source.split) split_source(source);
  if (line < 1 || size_t(line) > source.lines.size()) return "";
  return std::string(source.lines[line - 1]);
}

// The source line and caret of a SyntaxError, by CPython's print_error_text rules (offsets are
// 1-based; a caret left of the stripped text is not drawn; only SyntaxError itself, not its
// subclasses, draws more than one caret).
static std::string syntax_error_text(int64_t offset, int64_t end_offset, std::string_view text) {
  int64_t caret_repetitions = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
  --offset;
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\f')) {
    text.remove_prefix(1);
    --offset;
  }
  int64_t length = int64_t(text.size());
  if (length > 0 && text.back() == '\n') --length;
  if (offset > length) offset = length;
  for (;;) {
    size_t newline = text.find('\n');
    if (newline == std::string_view::npos || int64_t(newline) >= offset) break;
    text.remove_prefix(newline + 1);
    length -= int64_t(newline) + 1;
    offset -= int64_t(newline) + 1;
  }
  std::string out = "    " + std::string(text);
  if (size_t(length) >= text.size() || text[length] != '\n') out += "\n";
  if (offset < 0) return out;
  return out + "    " + std::string(offset, ' ') + std::string(caret_repetitions, '^') + "\n";
}

// "  File ..., line N" and the source text of a SyntaxError, as CPython's parse_syntax_error reads
// the attributes; false when they are unusable (the exception then prints like any other).
static bool format_syntax_error_location(Value exception, TypeObject* type, std::string& out) {
  Value filename = exception_attribute(exception, "filename");
  Value lineno = exception_attribute(exception, "lineno");
  Value offset = exception_attribute(exception, "offset");
  Value text = exception_attribute(exception, "text");
  if (!filename || !lineno || !lineno.is_small_int() || !offset || !text) return false;
  if (!filename.is_none() && !is_str(filename)) return false;
  if (!offset.is_none() && !offset.is_small_int()) return false;
  int64_t line = lineno.as_small_int();
  int64_t start = offset.is_none() ? -1 : offset.as_small_int();
  int64_t end_line = line;
  int64_t end = -1;
  if (type == &SyntaxError_type) {
    Value end_lineno = exception_attribute(exception, "end_lineno");
    Value end_offset = exception_attribute(exception, "end_offset");
    if (end_lineno && end_lineno.is_small_int()) end_line = end_lineno.as_small_int();
    if (end_offset && end_offset.is_small_int()) end = end_offset.as_small_int();
  }
  out = "  File \"" + std::string(filename.is_none() ? "<string>" : str_view(filename)) + "\", line " +
        std::to_string(line) + "\n";
  if (is_str(text)) {
    std::string_view source = str_view(text);
    int64_t size = int64_t(source.size());
    if (end_line > line) end = size;
    if (end > size + 1) end = size + 1;
    out += syntax_error_text(start, end, source);
  }
  return true;
}

std::string format_exception_only(Value exception) {
  TypeObject* type = type_of(exception);
  std::string name = type->qualname;
  if (type->flags & type_flag_heap) {
    Value module = dict_get_str(type->dict, "__module__");
    if (module && is_str(module) && str_view(module) != "__main__" && str_view(module) != "builtins")
      name = std::string(str_view(module)) + "." + name;
  }
  std::string out;
  if (is_subtype(type, &SyntaxError_type)) {
    std::string located;
    if (format_syntax_error_location(exception, type, located)) {
      Value msg = exception_attribute(exception, "msg");
      out += located + name;
      if (msg && !msg.is_none()) {
        Ref msg_text = object_str(msg);
        if (!msg_text) {
          clear_error();
          out += ": <exception str() failed>";
        } else if (!str_view(*msg_text).empty()) {
          out += ": " + std::string(str_view(*msg_text));
        }
      }
      return out + "\n";
    }
  }
  Ref text = object_str(exception);
  if (!text) {
    clear_error();
    return name + ": <exception str() failed>\n";
  }
  std::string_view message = str_view(*text);
  return message.empty() ? name + "\n" : name + ": " + std::string(message) + "\n";
}

std::string format_traceback_entries(Value traceback);

static void format_chain(Value exception, std::vector<Value>& seen, std::string& out) {
  seen.push_back(exception);
  auto* e = exception.as<BaseExceptionObject>();
  if (e->cause && std::find(seen.begin(), seen.end(), e->cause) == seen.end()) {
    format_chain(e->cause, seen, out);
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (e->context && !e->suppress_context &&
             std::find(seen.begin(), seen.end(), e->context) == seen.end()) {
    format_chain(e->context, seen, out);
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  if (e->traceback) {
    out += "Traceback (most recent call last):\n";
    out += format_traceback_entries(e->traceback);
  }
  out += format_exception_only(exception);
}

std::string format_exception(Value exception) {
  std::vector<Value> seen;
  std::string out;
  format_chain(exception, seen, out);
  return out;
}

}  // namespace chaipy
