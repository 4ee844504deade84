// The import system: resolves names (relative ones too), finds native, embedded and on-disk modules and packages, and runs them once into sys.modules.
#include "runtime/import.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <exception>
#include <fstream>
#include <sstream>
#include <thread>

#include "interpreter/code_serializer.hpp"
#include "interpreter/compiler.hpp"
#include "interpreter/vm.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/threads.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "stdlib/embedded.hpp"

namespace chaipy {

Ref raise_syntax_error(const SyntaxErrorInfo& info) {
  if (info.type == "RecursionError") return raise(&RecursionError_type, info.message);
  TypeObject* type = info.type == "IndentationError" ? &IndentationError_type
                     : info.type == "TabError"       ? &TabError_type
                                                     : &SyntaxError_type;
  Ref message = str_new(info.message);
  Ref filename = str_new(info.filename);
  Ref text = str_new(info.text);
  Ref line = int_from_i64(info.line);
  Ref col = int_from_i64(info.col);
  Ref end_line = int_from_i64(info.end_line);
  Ref end_col = int_from_i64(info.end_col);
  Ref details = tuple_pack({*filename, *line, *col, *text, *end_line, *end_col});
  Ref args = tuple_pack({*message, *details});
  Ref exception = call(Value(type), args.as<TupleObject>()->items, 2);
  if (!exception) return nullptr;
  return raise_value(*exception);
}

// Stack the recursive front end may want for source CPython accepts (its nesting caps, ~200
// brackets and ~3000 levels, at the parser's frame sizes), with room to spare.
constexpr ptrdiff_t front_end_stack_room = 2 << 20;

// compile_source where the stack is big enough; from a generator's small fiber stack the
// front end (plain C++: no objects, no GIL needed) runs on a helper thread with a full stack,
// so that compile() or an import inside a generator accepts what it does elsewhere.
static std::variant<std::shared_ptr<CodeUnit>, SyntaxErrorInfo> compile_with_stack_room(std::string_view source,
                                                                                       const std::string& filename,
                                                                                       ParseMode mode) {
  char marker;
  const char* limit = thread_state().stack_limit;
  if (!limit || &marker - limit >= front_end_stack_room) return compile_source(source, filename, mode);
  std::variant<std::shared_ptr<CodeUnit>, SyntaxErrorInfo> compiled;
  std::exception_ptr failure;
  std::thread helper([&] {
    ThreadState front_end_state;  // only its stack limit is read, by the front end's guards
    front_end_state.stack_limit = current_stack_limit();
    current_thread = &front_end_state;
    try {
      compiled = compile_source(source, filename, mode);
    } catch (...) {
      failure = std::current_exception();
    }
    current_thread = nullptr;
  });
  helper.join();
  if (failure) std::rethrow_exception(failure);
  return compiled;
}

Ref compile_to_code(std::string_view source, const std::string& filename, int mode) {
  auto compiled = compile_with_stack_room(source, filename, static_cast<ParseMode>(mode));
  if (auto* error = std::get_if<SyntaxErrorInfo>(&compiled)) return raise_syntax_error(*error);
  return code_from_unit(std::get<std::shared_ptr<CodeUnit>>(compiled));
}

Ref exec_source_in_module(std::string_view source, const std::string& filename, Value module) {
  Ref code = compile_to_code(source, filename, int(ParseMode::Exec));
  if (!code) return nullptr;
  return run_code(*code, module_dict(module), module_dict(module));
}

static bool read_file(const std::string& path, std::string& out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::ostringstream text;
  text << file.rdbuf();
  out = text.str();
  return true;
}

static bool is_regular_file(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

static Ref module_not_found(std::string_view name) {
  Ref message = str_new("No module named '" + std::string(name) + "'");
  Ref kwnames = tuple_pack({str_intern("name")});
  Ref module_name = str_new(name);
  Value call_args[] = {*message, *module_name};
  Ref exception = call(Value(&ModuleNotFoundError_type), call_args, 1, *kwnames);
  if (!exception) return nullptr;
  return raise_value(*exception);
}

// Creates the module, registers it in sys.modules first (so import cycles see it), runs it,
// and removes it again when running fails.
// `code` is the module's code when it was compiled at build time; otherwise the source is compiled.
static Ref load_source_module(std::string_view full_name, std::string_view source, const std::string& filename,
                              bool is_package, const std::string& package_dir, Ref code = Ref()) {
  Ref module = module_new(full_name);
  if (!module) return nullptr;
  Value dict = module_dict(*module);
  Interpreter& interp = current_interpreter();
  std::string package(full_name);
  if (!is_package) {
    size_t dot = package.rfind('.');
    package = dot == std::string::npos ? "" : package.substr(0, dot);
  }
  Ref package_name = str_new(package);
  Ref file = str_new(filename);
  if (dict_set_str(dict, "__package__", *package_name) < 0 || dict_set_str(dict, "__file__", *file) < 0 ||
      dict_set_str(dict, "__builtins__", interp.builtins_module) < 0)
    return nullptr;
  if (is_package) {
    Ref path_entry = str_new(package_dir);
    Ref path_list = list_new(0);
    if (!list_append(*path_list, *path_entry) || dict_set_str(dict, "__path__", *path_list) < 0) return nullptr;
  }
  Ref key = str_new(full_name);
  if (dict_set(interp.modules, *key, *module) < 0) return nullptr;
  if (!code) code = compile_to_code(source, filename, int(ParseMode::Exec));
  Ref result = code ? run_code(*code, dict, dict) : Ref();
  if (!result) {
    Ref saved = fetch_error();
    dict_del(interp.modules, *key);
    clear_error();
    restore_error(std::move(saved));
    return nullptr;
  }
  // The module may have replaced itself in sys.modules.
  Value final_module = dict_get(interp.modules, *key);
  return final_module ? Ref::borrow(final_module) : module;
}

static Ref load_native_module(std::string_view full_name) {
  for (const NativeModuleDef& def : native_modules()) {
    if (full_name != def.name) continue;
    Ref module = module_new(full_name);
    if (!module) return nullptr;
    Ref key = str_new(full_name);
    if (dict_set(current_interpreter().modules, *key, *module) < 0) return nullptr;
    if (!def.init(*module)) {
      Ref saved = fetch_error();
      dict_del(current_interpreter().modules, *key);
      clear_error();
      restore_error(std::move(saved));
      return nullptr;
    }
    Value final_module = dict_get(current_interpreter().modules, *key);
    return final_module ? Ref::borrow(final_module) : module;
  }
  return Ref();
}

static const EmbeddedSource* find_embedded(std::string_view full_name) {
  auto modules = embedded_stdlib();
  auto it = std::lower_bound(modules.begin(), modules.end(), full_name,
                             [](const EmbeddedSource& m, std::string_view name) { return m.name < name; });
  return it != modules.end() && it->name == full_name ? &*it : nullptr;
}

// Looks for name.py or name/__init__.py in each directory of `search_path` (a list of str).
static Ref load_from_path(std::string_view full_name, std::string_view short_name, Value search_path) {
  if (!search_path || !is_list(search_path)) return Ref();
  for (int64_t i = 0; i < list_size(search_path); ++i) {
    Value entry = list_item(search_path, i);
    if (!is_str(entry)) continue;
    std::string dir(str_view(entry));
    if (dir.empty()) dir = ".";
    std::string base = dir + "/" + std::string(short_name);
    std::string source;
    if (is_regular_file(base + "/__init__.py") && read_file(base + "/__init__.py", source))
      return load_source_module(full_name, source, base + "/__init__.py", true, base);
    if (is_regular_file(base + ".py") && read_file(base + ".py", source))
      return load_source_module(full_name, source, base + ".py", false, "");
  }
  return Ref();
}

static Ref find_and_load(std::string_view full_name, Value parent) {
  if (Ref native = load_native_module(full_name); native || error_pending()) return native;
  if (const EmbeddedSource* embedded = find_embedded(full_name)) {
    std::string filename = "<frozen " + std::string(full_name) + ">";
    register_static_source(filename, embedded->source);
    Ref frozen = frozen_module_code(full_name);
    if (!frozen && error_pending()) return nullptr;
    return load_source_module(full_name, embedded->source, filename, embedded->is_package,
                              embedded->is_package ? filename : "", std::move(frozen));
  }
  size_t dot = full_name.rfind('.');
  std::string_view short_name = dot == std::string_view::npos ? full_name : full_name.substr(dot + 1);
  Ref search_path;
  if (parent) {
    search_path = get_attr(parent, "__path__");
    if (!search_path) {
      clear_error();
      std::string parent_name(full_name.substr(0, dot));
      return raise_format(&ModuleNotFoundError_type, "No module named '%s'; '%s' is not a package",
                          std::string(full_name).c_str(), parent_name.c_str());
    }
  } else {
    search_path = Ref::borrow(sys_attribute("path"));
  }
  Ref loaded = load_from_path(full_name, short_name, search_path ? *search_path : Value());
  if (loaded || error_pending()) return loaded;
  return module_not_found(full_name);
}

Ref import_module(std::string_view full_name) {
  Interpreter& interp = current_interpreter();
  if (Value cached = dict_get_str(interp.modules, full_name)) {
    if (cached.is_none()) return module_not_found(full_name);
    return Ref::borrow(cached);
  }
  Ref parent;
  size_t dot = full_name.rfind('.');
  if (dot != std::string_view::npos) {
    parent = import_module(full_name.substr(0, dot));
    if (!parent) return nullptr;
    // Importing the parent may have imported this module as a side effect.
    if (Value cached = dict_get_str(interp.modules, full_name)) return Ref::borrow(cached);
  }
  Ref module = find_and_load(full_name, parent ? *parent : Value());
  if (!module) return nullptr;
  if (parent) {
    Ref child_name = str_new(full_name.substr(dot + 1));
    if (set_attr(*parent, *child_name, *module) < 0) return nullptr;
  }
  return module;
}

// The package a relative import starts from: __package__, or __name__ (itself when a package).
static bool resolve_relative(Value globals, int64_t level, std::string_view name, std::string& out) {
  Value package = dict_get_str(globals, "__package__");
  std::string base;
  if (package && is_str(package)) {
    base = std::string(str_view(package));
  } else {
    Value module_name = dict_get_str(globals, "__name__");
    if (!module_name || !is_str(module_name)) {
      raise(&KeyError_type, "'__name__' not in globals");
      return false;
    }
    base = std::string(str_view(module_name));
    if (!dict_get_str(globals, "__path__")) {
      size_t dot = base.rfind('.');
      base = dot == std::string::npos ? "" : base.substr(0, dot);
    }
  }
  if (base.empty()) {
    raise(&ImportError_type, "attempted relative import with no known parent package");
    return false;
  }
  for (int64_t i = 1; i < level; ++i) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos) {
      raise(&ImportError_type, "attempted relative import beyond top-level package");
      return false;
    }
    base = base.substr(0, dot);
  }
  out = name.empty() ? base : base + "." + std::string(name);
  return true;
}

Ref import_name(Value name, Value globals, Value fromlist, int64_t level) {
  std::string_view requested = str_view(name);
  std::string full_name(requested);
  if (level > 0 && !resolve_relative(globals, level, requested, full_name)) return nullptr;
  if (full_name.empty()) return raise(&ValueError_type, "Empty module name");
  Ref module = import_module(full_name);
  if (!module) return nullptr;
  bool has_fromlist = fromlist && !fromlist.is_none() && !(is_tuple(fromlist) && tuple_size(fromlist) == 0);
  if (!has_fromlist) {
    if (level > 0 || requested.find('.') == std::string_view::npos) {
      if (level > 0 && requested.empty()) return module;
      if (level == 0) return module;
    }
    // `import a.b.c` binds a: return the top-level package.
    std::string top = full_name.substr(0, full_name.find('.'));
    if (level > 0) {
      size_t cut = full_name.size() - requested.size();
      top = full_name.substr(0, cut + requested.substr(0, requested.find('.')).size());
    }
    return import_module(top);
  }
  // from package import submodule: import submodules the package does not define yet.
  Ref path = get_attr(*module, "__path__");
  if (!path) {
    clear_error();
    return module;
  }
  for (int64_t i = 0, n = tuple_size(fromlist); i < n; ++i) {
    Value item = tuple_item(fromlist, i);
    if (!is_str(item) || str_view(item) == "*") continue;
    if (Value existing = dict_get(module_dict(*module), item); existing) continue;
    Ref submodule = import_module(full_name + "." + std::string(str_view(item)));
    if (!submodule) {
      if (error_matches(&ModuleNotFoundError_type)) clear_error();
      else return nullptr;
    }
  }
  return module;
}

}  // namespace chaipy
