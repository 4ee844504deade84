// Builtins that need the running frame or the compiler: __build_class__, exec, eval, compile, globals, locals, vars, __import__.
#include <cstring>
#include <string>

#include "interpreter/compiler.hpp"
#include "interpreter/vm.hpp"
#include "interpreter/vm_builtins.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/import.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"

namespace chaipy {

Ref vm_locals() {
  Frame* frame = current_frame();
  if (!frame) return Ref::borrow(current_interpreter().builtins);
  if (frame->locals) return Ref::borrow(frame->locals);
  if (!frame->function) return Ref::borrow(frame->globals);
  Ref dict = dict_new();
  if (!dict) return nullptr;
  CodeObject* code = frame->code;
  for (uint32_t i = 0; i < code->nlocals; ++i) {
    Value v = frame->slots[i];
    if (v && dict_set(*dict, code->varnames[i], v) < 0) return nullptr;
  }
  const CodeUnit& unit = *code->unit;
  for (size_t i = 0; i < unit.cellvars.size() + unit.freevars.size(); ++i) {
    Value contents = frame->slots[code->nlocals + i].as<CellObject>()->contents;
    const std::string& name = i < unit.cellvars.size() ? unit.cellvars[i] : unit.freevars[i - unit.cellvars.size()];
    if (contents && dict_set(*dict, str_intern(name), contents) < 0) return nullptr;
  }
  return dict;
}

static Value current_globals() {
  Frame* frame = current_frame();
  return frame ? frame->globals : Value();
}

// The most derived metaclass among the explicit one and the bases' types.
static TypeObject* calculate_metaclass(TypeObject* meta, Value bases) {
  TypeObject* winner = meta;
  for (int64_t i = 0, n = tuple_size(bases); i < n; ++i) {
    TypeObject* base_meta = type_of(tuple_item(bases, i));
    if (is_subtype(winner, base_meta)) continue;
    if (is_subtype(base_meta, winner)) {
      winner = base_meta;
      continue;
    }
    raise(&TypeError_type,
          "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses "
          "of all its bases");
    return nullptr;
  }
  return winner;
}

static Ref builtin_build_class(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 2) return raise(&TypeError_type, "__build_class__: not enough arguments");
  if (!is_function(args[0])) return raise(&TypeError_type, "__build_class__: func must be a function");
  if (!is_str(args[1])) return raise(&TypeError_type, "__build_class__: name is not a string");
  Value body = args[0];
  Value name = args[1];
  Ref bases = tuple_from_array(args + 2, nargs - 2);
  if (!bases) return nullptr;
  Value explicit_meta;
  std::vector<Value> keyword_values;
  Ref keyword_names;
  size_t nkw = kwnames ? tuple_size(kwnames) : 0;
  std::vector<Value> other_names;
  for (size_t k = 0; k < nkw; ++k) {
    Value key = tuple_item(kwnames, k);
    if (str_view(key) == "metaclass") {
      explicit_meta = args[nargs + k];
    } else {
      other_names.push_back(key);
      keyword_values.push_back(args[nargs + k]);
    }
  }
  if (!other_names.empty() && !(keyword_names = tuple_from_array(other_names.data(), other_names.size())))
    return nullptr;
  Value meta;
  if (explicit_meta && !(type_of(explicit_meta)->flags & type_flag_type_subclass)) {
    meta = explicit_meta;  // a plain callable as metaclass
  } else {
    TypeObject* start = explicit_meta ? explicit_meta.as<TypeObject>()
                                      : (tuple_size(*bases) ? type_of(tuple_item(*bases, 0)) : &type_type);
    TypeObject* winner = calculate_metaclass(start, *bases);
    if (!winner) return nullptr;
    meta = Value(winner);
  }
  Ref namespace_dict;
  Ref prepare = get_attr(meta, "__prepare__");
  if (prepare) {
    std::vector<Value> prepare_args = {name, *bases};
    prepare_args.insert(prepare_args.end(), keyword_values.begin(), keyword_values.end());
    namespace_dict = call(*prepare, prepare_args.data(), 2, keyword_names ? *keyword_names : Value());
    if (!namespace_dict) return nullptr;
  } else {
    if (!error_matches(&AttributeError_type)) return nullptr;  // a MemoryError, say, is not "no __prepare__"
    clear_error();
    if (!(namespace_dict = dict_new())) return nullptr;
  }
  if (!is_dict(*namespace_dict)) return raise(&TypeError_type, "__prepare__() must return a mapping");
  Ref body_result = run_class_body(body, *namespace_dict);
  if (!body_result) return nullptr;
  std::vector<Value> meta_args = {name, *bases, *namespace_dict};
  meta_args.insert(meta_args.end(), keyword_values.begin(), keyword_values.end());
  Ref cls = call(meta, meta_args.data(), 3, keyword_names ? *keyword_names : Value());
  if (!cls) return nullptr;
  // The __class__ cell (super()) must end up holding the new class.
  if (type_of(*body_result) == &cell_type) {
    auto* cell = body_result.as<CellObject>();
    if (cell->contents != *cls) {
      Value old = cell->contents;
      cell->contents = *cls;
      incref(*cls);
      decref(old);
    }
  }
  return cls;
}

// The namespaces exec/eval use: the caller's when not given.
// `holder` keeps a snapshot of a function's locals alive while the code runs.
static bool resolve_namespaces(const char* function_name, Value& globals, Value& locals, Ref& holder) {
  if (globals && globals.is_none()) globals = Value();
  if (locals && locals.is_none()) locals = Value();
  if (globals && !is_dict(globals)) {
    raise_format(&TypeError_type, "%s() globals must be a dict, not %s", function_name, type_name(globals));
    return false;
  }
  if (!globals) {
    globals = current_globals();
    if (!globals) {
      raise(&SystemError_type, "globals and locals cannot be NULL");
      return false;
    }
    if (!locals) {
      holder = vm_locals();
      if (!holder) return false;
      locals = *holder;
    }
  } else if (!locals) {
    locals = globals;
  }
  if (!dict_get_str(globals, "__builtins__") &&
      dict_set_str(globals, "__builtins__", current_interpreter().builtins_module) < 0)
    return false;
  return true;
}

static Ref source_to_code(Value source, const char* filename, ParseMode mode, const char* function_name) {
  if (type_of(source) == &code_type) return Ref::borrow(source);
  std::string text;
  if (is_str(source)) text = std::string(str_view(source));
  else if (is_bytes(source)) text = std::string(bytes_view(source));
  else
    return raise_format(&TypeError_type, "%s() arg 1 must be a string, bytes or code object", function_name);
  if (mode == ParseMode::Eval) {
    size_t start = text.find_first_not_of(" \t");
    text = start == std::string::npos ? "" : text.substr(start);
  }
  if (text.find('\0') != std::string::npos) return raise(&SyntaxError_type, "source code string cannot contain null bytes");
  return compile_to_code(text, filename, int(mode));
}

static Ref builtin_exec(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[3];
  if (!bind_args("exec", args, nargs, kwnames, {"source", "globals", "locals"}, 1, bound)) return nullptr;
  Value globals = bound[1], locals = bound[2];
  Ref holder;
  if (!resolve_namespaces("exec", globals, locals, holder)) return nullptr;
  Ref code = source_to_code(bound[0], "<string>", ParseMode::Exec, "exec");
  if (!code) return nullptr;
  Ref result = run_code(*code, globals, locals);
  if (!result) return nullptr;
  return Ref::none();
}

static Ref builtin_eval(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[3];
  if (!bind_args("eval", args, nargs, kwnames, {"source", "globals", "locals"}, 1, bound)) return nullptr;
  Value globals = bound[1], locals = bound[2];
  Ref holder;
  if (!resolve_namespaces("eval", globals, locals, holder)) return nullptr;
  Ref code = source_to_code(bound[0], "<string>", ParseMode::Eval, "eval");
  if (!code) return nullptr;
  return run_code(*code, globals, locals);
}

static Ref builtin_compile(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[6];
  if (!bind_args("compile", args, nargs, kwnames, {"source", "filename", "mode", "flags", "dont_inherit", "optimize"},
                 3, bound))
    return nullptr;
  if (!is_str(bound[1])) return raise(&TypeError_type, "compile() argument 'filename' must be str");
  if (!is_str(bound[2])) return raise(&TypeError_type, "compile() argument 'mode' must be str");
  std::string_view mode = str_view(bound[2]);
  ParseMode parse_mode;
  if (mode == "exec") parse_mode = ParseMode::Exec;
  else if (mode == "eval") parse_mode = ParseMode::Eval;
  else if (mode == "single") parse_mode = ParseMode::Single;
  else return raise(&ValueError_type, "compile() mode must be 'exec', 'eval' or 'single'");
  std::string filename(str_view(bound[1]));
  return source_to_code(bound[0], filename.c_str(), parse_mode, "compile");
}

static Ref builtin_globals(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("globals", nargs, kwnames, 0, 0)) return nullptr;
  Value globals = current_globals();
  return globals ? Ref::borrow(globals) : Ref::none();
}

static Ref builtin_locals(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("locals", nargs, kwnames, 0, 0)) return nullptr;
  return vm_locals();
}

static Ref builtin_import(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[5];
  if (!bind_args("__import__", args, nargs, kwnames, {"name", "globals", "locals", "fromlist", "level"}, 1, bound))
    return nullptr;
  if (!is_str(bound[0]))
    return raise_format(&TypeError_type, "__import__() argument 1 must be str, not %s", type_name(bound[0]));
  Value globals = bound[1] && !bound[1].is_none() ? bound[1] : current_globals();
  int64_t level = 0;
  if (bound[4] && !index_to_i64(bound[4], level)) return nullptr;
  Ref fromlist = bound[3] && !bound[3].is_none() ? Ref::borrow(bound[3]) : Ref::none();
  if (!fromlist.get().is_none() && !is_tuple(*fromlist)) {
    Ref list = list_from_iterable(*fromlist);
    if (!list) return nullptr;
    fromlist = tuple_from_array(list.as<ListObject>()->items, list_size(*list));
  }
  if (!globals) {
    Ref empty = dict_new();
    return import_name(bound[0], *empty, *fromlist, level);
  }
  return import_name(bound[0], globals, *fromlist, level);
}

bool add_vm_builtins(Value builtins_module) {
  return module_add_function(builtins_module, "__build_class__", builtin_build_class) &&
         module_add_function(builtins_module, "exec", builtin_exec) &&
         module_add_function(builtins_module, "eval", builtin_eval) &&
         module_add_function(builtins_module, "compile", builtin_compile) &&
         module_add_function(builtins_module, "globals", builtin_globals) &&
         module_add_function(builtins_module, "locals", builtin_locals) &&
         module_add_function(builtins_module, "__import__", builtin_import);
}

}  // namespace chaipy
