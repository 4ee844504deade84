// The public embedding API: Interpreter, Object handles and conversions, binding functions, modules and classes, errors, GIL guards, limits.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeindex>
#include <unordered_map>
#include <utility>
#include <vector>

// Everything lives in chaipy::embed; an embedder spells it chaipy:: (the using-directive at
// the end). The runtime's own headers use chaipy:: for its internals, so the library's
// implementation files define CHAIPY_EMBED_IMPLEMENTATION and name these types in full.
namespace chaipy::embed {

class Interpreter;
class Object;

namespace detail {
struct State;  // one interpreter as the embedding layer sees it (runtime/embed.cpp)
}

// ---- Errors ----

// A script exception seen from C++ (or a conversion failure, as a TypeError).
class Error : public std::exception {
 public:
  Error(std::string type_name, std::string message, std::string traceback = {});
  // The script exception object itself: passing an Error back through a bound function
  // re-raises that very object. Kept alive only as long as its interpreter.
  Error(std::shared_ptr<detail::State> state, uintptr_t exception, std::string type_name, std::string message,
        std::string traceback);
  Error(const Error& other);
  Error& operator=(const Error& other);
  ~Error() override;

  const std::string& type_name() const { return type_name_; }  // "ValueError", "Interrupted", ...
  const std::string& message() const { return message_; }      // str(exception)
  // As CPython prints an uncaught exception: "Traceback (most recent call last):" ... "Type: message".
  const std::string& traceback() const { return traceback_; }
  const char* what() const noexcept override { return what_.c_str(); }
  // The exception object (None when the error was made on the C++ side).
  Object value() const;

 private:
  void release() noexcept;
  std::shared_ptr<detail::State> state_;
  uintptr_t exception_ = 0;  // owned reference in state_'s interpreter, or 0
  std::string type_name_, message_, traceback_, what_;
};

namespace detail {
// A value that is not of the type a conversion wants: the caller words the TypeError.
struct CastError {
  std::string expected;  // "int", "str", "list", the bound class's name
  std::string actual;    // the script type name of the value
};
}  // namespace detail

// ---- Object: an owning handle to a script value ----

class Object {
 public:
  Object();  // None
  Object(const Object& other);
  Object(Object&& other) noexcept;
  Object& operator=(const Object& other);
  Object& operator=(Object&& other) noexcept;
  ~Object();

  bool is_none() const;
  bool truthy() const;                // bool(x)
  bool is(const Object& other) const { return bits_ == other.bits_; }
  std::string type_name() const;      // type(x).__name__
  std::string repr() const;           // repr(x)
  std::string str() const;            // str(x)
  size_t size() const;                // len(x)
  bool has_attr(std::string_view name) const;
  Object attr(std::string_view name) const;
  void set_attr(std::string_view name, const Object& value) const;
  Object operator[](const Object& key) const;  // x[key]
  template <class K> Object operator[](const K& key) const;
  void set_item(const Object& key, const Object& value) const;
  bool isinstance(const Object& type) const;
  std::vector<Object> items() const;  // list(x)

  // Calls x(*args) with each argument converted; call_kw adds keyword arguments.
  template <class... Args> Object operator()(Args&&... args) const;
  Object call(const std::vector<Object>& args,
              const std::vector<std::pair<std::string, Object>>& kwargs = {}) const;

  // The value as a C++ type; a mismatch throws Error (TypeError), a too-big int OverflowError.
  template <class T> T cast() const;

  // Low level: the interpreter it belongs to and the runtime's one-word value (borrowed).
  detail::State* state() const { return state_; }
  uintptr_t raw() const { return bits_; }
  // Takes over an owned reference; `steal(state, bits)` after a runtime call returned one.
  static Object steal(detail::State* state, uintptr_t bits);
  static Object borrow(detail::State* state, uintptr_t bits);

 private:
  detail::State* state_ = nullptr;
  uintptr_t bits_;
};

// ---- Primitive conversions (the library's side; converters below compose them) ----
namespace detail {
State& current_state();  // the interpreter the calling thread is running in; Error when none
Object make_none(State& state);
Object make_bool(State& state, bool value);
Object make_int(State& state, int64_t value);
Object make_uint(State& state, uint64_t value);
Object make_float(State& state, double value);
Object make_str(State& state, std::string_view utf8);
Object make_bytes(State& state, std::string_view data);
Object make_list(State& state, std::vector<Object> items);
Object make_tuple(State& state, std::vector<Object> items);
Object make_dict(State& state, std::vector<std::pair<Object, Object>> items);

// Each throws CastError when the value has another type, Error(OverflowError) when it does not fit.
bool as_bool(const Object& value);
int64_t as_int64(const Object& value, int64_t min, int64_t max, const char* c_type);
uint64_t as_uint64(const Object& value, uint64_t max, const char* c_type);
double as_double(const Object& value);
std::string_view as_str(const Object& value);  // valid while the object lives
std::string_view as_bytes(const Object& value);
std::vector<Object> as_sequence(const Object& value, const char* expected);  // list or tuple items
std::vector<std::pair<Object, Object>> as_dict(const Object& value);
void check_callable(const Object& value);

// A host function: converts arguments, calls, converts the result.
using HostCall = std::function<Object(State& state, const Object* args)>;
struct FunctionInfo {
  std::string name;
  std::vector<std::string> names;              // parameter names; empty when positional-only
  std::vector<std::optional<Object>> defaults; // per parameter
  size_t arity = 0;
  bool method = false;                         // the first parameter is self (a bound class)
  std::string owner;                           // class name for methods (messages)
};
Object make_function(State& state, FunctionInfo info, HostCall call);
// A TypeError for a failed argument conversion, worded as CPython's.
[[noreturn]] void throw_argument_error(const FunctionInfo& info, size_t index, const CastError& error);

// Classes bound with class_<T>: instances own a T created by the embedder.
Object make_class(State& state, const std::string& name, const std::string& module, std::type_index cpp_type);
void class_add(const Object& type, const std::string& name, const Object& value);
void class_add_property(const Object& type, const std::string& name, const Object& getter, const Object& setter);
Object bound_class(State& state, std::type_index cpp_type);  // None when not bound
void* instance_pointer(const Object& value, std::type_index cpp_type, const char* cpp_name);  // CastError
// The instance owns `pointer` from now on (destroy frees it), and destroys any previous one.
void set_instance_pointer(const Object& self, void* pointer, void (*destroy)(void*));
Object wrap_instance(State& state, std::type_index cpp_type, void* pointer, void (*destroy)(void*), const char* cpp_name);
template <class T> void destroy_instance(void* pointer) { delete static_cast<T*>(pointer); }

template <class T> struct is_std_function : std::false_type {};
template <class R, class... A> struct is_std_function<std::function<R(A...)>> : std::true_type {};
}  // namespace detail

// ---- Converters: Converter<T>::to(state, value) and ::from(object) ----
// A class bound with class_<T> converts through the primary template; the rest are specialised.
template <class T, class Enable = void> struct Converter {
  static constexpr bool bound_class = true;
  static Object to(detail::State& state, const T& value) {
    return detail::wrap_instance(state, typeid(T), new T(value), detail::destroy_instance<T>, typeid(T).name());
  }
  static T& from(const Object& object) {
    return *static_cast<T*>(detail::instance_pointer(object, typeid(T), typeid(T).name()));
  }
};

template <> struct Converter<Object> {
  static Object to(detail::State&, const Object& value) { return value; }
  static Object from(const Object& object) { return object; }
};
template <> struct Converter<std::nullptr_t> {
  static Object to(detail::State& state, std::nullptr_t) { return detail::make_none(state); }
};
template <> struct Converter<bool> {
  static Object to(detail::State& state, bool value) { return detail::make_bool(state, value); }
  static bool from(const Object& object) { return detail::as_bool(object); }
};
template <class T>
struct Converter<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static constexpr const char* c_type() {
    if constexpr (sizeof(T) == 1) return std::is_signed_v<T> ? "signed char" : "unsigned char";
    else if constexpr (sizeof(T) == 2) return std::is_signed_v<T> ? "short" : "unsigned short";
    else if constexpr (sizeof(T) == 4) return std::is_signed_v<T> ? "int" : "unsigned int";
    else return std::is_signed_v<T> ? "long" : "unsigned long";
  }
  static Object to(detail::State& state, T value) {
    if constexpr (std::is_signed_v<T>) return detail::make_int(state, int64_t(value));
    else return detail::make_uint(state, uint64_t(value));
  }
  static T from(const Object& object) {
    if constexpr (std::is_signed_v<T>)
      return T(detail::as_int64(object, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), c_type()));
    else
      return T(detail::as_uint64(object, std::numeric_limits<T>::max(), c_type()));
  }
};
template <class T> struct Converter<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static Object to(detail::State& state, T value) { return detail::make_float(state, double(value)); }
  static T from(const Object& object) { return T(detail::as_double(object)); }
};
template <> struct Converter<std::string> {
  static Object to(detail::State& state, const std::string& value) { return detail::make_str(state, value); }
  static std::string from(const Object& object) { return std::string(detail::as_str(object)); }
};
template <> struct Converter<std::string_view> {
  static Object to(detail::State& state, std::string_view value) { return detail::make_str(state, value); }
  static std::string_view from(const Object& object) { return detail::as_str(object); }
};
template <> struct Converter<const char*> {
  static Object to(detail::State& state, const char* value) { return detail::make_str(state, value); }
};
template <size_t N> struct Converter<char[N]> {
  static Object to(detail::State& state, const char* value) { return detail::make_str(state, value); }
};
template <class T> struct Converter<std::vector<T>> {
  static Object to(detail::State& state, const std::vector<T>& value) {
    std::vector<Object> items;
    items.reserve(value.size());
    for (const T& item : value) items.push_back(Converter<T>::to(state, item));
    return detail::make_list(state, std::move(items));
  }
  static std::vector<T> from(const Object& object) {
    std::vector<T> result;
    for (const Object& item : detail::as_sequence(object, "list")) result.push_back(Converter<T>::from(item));
    return result;
  }
};
template <class Map> struct MapConverter {
  using K = typename Map::key_type;
  using V = typename Map::mapped_type;
  static Object to(detail::State& state, const Map& value) {
    std::vector<std::pair<Object, Object>> items;
    for (const auto& [key, item] : value) items.emplace_back(Converter<K>::to(state, key), Converter<V>::to(state, item));
    return detail::make_dict(state, std::move(items));
  }
  static Map from(const Object& object) {
    Map result;
    for (const auto& [key, item] : detail::as_dict(object)) result.emplace(Converter<K>::from(key), Converter<V>::from(item));
    return result;
  }
};
template <class K, class V> struct Converter<std::map<K, V>> : MapConverter<std::map<K, V>> {};
template <class K, class V> struct Converter<std::unordered_map<K, V>> : MapConverter<std::unordered_map<K, V>> {};
template <class T> struct Converter<std::optional<T>> {
  static Object to(detail::State& state, const std::optional<T>& value) {
    return value ? Converter<T>::to(state, *value) : detail::make_none(state);
  }
  static std::optional<T> from(const Object& object) {
    if (object.is_none()) return std::nullopt;
    return Converter<T>::from(object);
  }
};
template <class... T> struct Converter<std::tuple<T...>> {
  static Object to(detail::State& state, const std::tuple<T...>& value) {
    return std::apply([&](const T&... items) { return detail::make_tuple(state, {Converter<T>::to(state, items)...}); },
                      value);
  }
  static std::tuple<T...> from(const Object& object) {
    std::vector<Object> items = detail::as_sequence(object, "tuple");
    if (items.size() != sizeof...(T))
      throw detail::CastError{"tuple of length " + std::to_string(sizeof...(T)),
                              "tuple of length " + std::to_string(items.size())};
    return unpack(items, std::index_sequence_for<T...>());
  }
  template <size_t... I> static std::tuple<T...> unpack(const std::vector<Object>& items, std::index_sequence<I...>) {
    return std::tuple<T...>(Converter<T>::from(items[I])...);
  }
};
template <class R, class... A> struct Converter<std::function<R(A...)>>;  // below, after binding

// Converts any C++ value to an Object of `state`'s interpreter.
template <class T> Object to_object(detail::State& state, T&& value) {
  using Plain = std::remove_cv_t<std::remove_reference_t<T>>;
  if constexpr (std::is_array_v<Plain>) return detail::make_str(state, value);
  else return Converter<Plain>::to(state, value);
}
// Converts in the interpreter the calling thread runs in (inside a bound function).
template <class T> Object cast(T&& value) { return to_object(detail::current_state(), std::forward<T>(value)); }

template <class T> T Object::cast() const {
  using Plain = std::remove_cv_t<std::remove_reference_t<T>>;
  try {
    return Converter<Plain>::from(*this);
  } catch (const detail::CastError& error) {
    throw Error("TypeError", "cannot convert " + error.actual + " to " + error.expected);
  }
}

template <class... Args> Object Object::operator()(Args&&... args) const {
  return call({to_object(*state_, std::forward<Args>(args))...});
}
template <class K> Object Object::operator[](const K& key) const { return (*this)[to_object(*state_, key)]; }

// ---- Binding: keyword names and defaults, as pybind11's py::arg ----

struct arg_v {
  std::string name;
  std::function<Object(detail::State&)> make_default;  // empty: required
};
struct arg {
  explicit arg(const char* parameter_name) : name(parameter_name) {}
  template <class T> arg_v operator=(T&& value) const {
    return arg_v{name, [value = std::decay_t<T>(std::forward<T>(value))](detail::State& state) {
                   return to_object(state, value);
                 }};
  }
  std::string name;
};

namespace detail {

template <class T> struct function_traits : function_traits<decltype(&T::operator())> {};
template <class R, class... A> struct function_traits<R (*)(A...)> {
  using result = R;
  using args = std::tuple<A...>;
};
template <class R, class... A> struct function_traits<R(A...)> : function_traits<R (*)(A...)> {};
template <class C, class R, class... A> struct function_traits<R (C::*)(A...)> : function_traits<R (*)(A...)> {};
template <class C, class R, class... A> struct function_traits<R (C::*)(A...) const> : function_traits<R (*)(A...)> {};

template <class A> using Plain = std::remove_cv_t<std::remove_reference_t<A>>;

// Holds one converted argument for the duration of the call (a bound class by reference).
template <class A> decltype(auto) load_argument(const Object& object) {
  if constexpr (std::is_pointer_v<Plain<A>> && !std::is_same_v<Plain<A>, const char*>) {
    using Pointee = std::remove_cv_t<std::remove_pointer_t<Plain<A>>>;
    if (object.is_none()) return static_cast<Pointee*>(nullptr);
    return &Converter<Pointee>::from(object);
  } else {
    return Converter<Plain<A>>::from(object);
  }
}

template <class R> Object convert_result(State& state, R&& result) { return to_object(state, std::forward<R>(result)); }

// One argument converted for the call; a failure becomes the CPython-worded TypeError.
template <class A> decltype(auto) load_checked(const FunctionInfo& info, const Object* args, size_t index) {
  try {
    return load_argument<A>(args[index]);
  } catch (const CastError& error) {
    throw_argument_error(info, index, error);
  }
}

// Calls `f` with arguments converted from args[0...], returning the converted result.
template <class F, class... A, size_t... I>
Object invoke(State& state, const FunctionInfo& info, F& f, const Object* args, std::index_sequence<I...>,
              std::tuple<A...>*) {
  using Result = decltype(f(std::declval<A>()...));
  if constexpr (std::is_void_v<Result>) {
    f(load_checked<A>(info, args, I)...);
    return make_none(state);
  } else {
    return convert_result(state, f(load_checked<A>(info, args, I)...));
  }
}

inline void add_extras(State& state, FunctionInfo& info) {
  (void)state;
  (void)info;
}
template <class... Extra> void add_extras(State& state, FunctionInfo& info, const arg& first, const Extra&... rest) {
  info.names.push_back(first.name);
  info.defaults.emplace_back();
  add_extras(state, info, rest...);
}
template <class... Extra> void add_extras(State& state, FunctionInfo& info, const arg_v& first, const Extra&... rest) {
  info.names.push_back(first.name);
  info.defaults.emplace_back(first.make_default(state));
  add_extras(state, info, rest...);
}

// A script-callable host function from any C++ callable (lambda, function pointer, std::function).
template <class F, class... Extra>
Object bind_callable(State& state, std::string name, F f, bool method, std::string owner, const Extra&... extra) {
  using Traits = function_traits<std::decay_t<F>>;
  using Args = typename Traits::args;
  constexpr size_t arity = std::tuple_size_v<Args>;
  FunctionInfo info;
  info.name = std::move(name);
  info.arity = arity;
  info.method = method;
  info.owner = std::move(owner);
  add_extras(state, info, extra...);
  size_t named = info.names.size();
  if (named != 0 && named != arity - (method ? 1 : 0))
    throw std::invalid_argument(info.name + ": " + std::to_string(named) + " names given for " +
                                std::to_string(arity - (method ? 1 : 0)) + " parameters");
  FunctionInfo captured = info;
  HostCall call = [f = std::move(f), captured](State& s, const Object* args) mutable -> Object {
    return invoke(s, captured, f, args, std::make_index_sequence<arity>(), static_cast<Args*>(nullptr));
  };
  return make_function(state, std::move(info), std::move(call));
}

}  // namespace detail

// std::function both ways: a script callable becomes a C++ function, and back.
template <class R, class... A> struct Converter<std::function<R(A...)>> {
  static Object to(detail::State& state, const std::function<R(A...)>& value) {
    return detail::bind_callable(state, "function", value, false, "");
  }
  static std::function<R(A...)> from(const Object& object) {
    detail::check_callable(object);
    return [object](A... args) -> R {
      Object result = object(std::forward<A>(args)...);
      if constexpr (!std::is_void_v<R>) return result.template cast<R>();
    };
  }
};

// ---- Interpreter ----

struct Options {
  std::vector<std::string> argv;         // sys.argv (empty: [''])
  std::vector<std::string> path;         // put in front of sys.path
  double switch_interval = 0.005;        // sys.setswitchinterval
  size_t memory_limit = 0;               // bytes of script objects; 0: no cap (MemoryError past it)
  uint64_t instruction_budget = 0;       // checks (backward jumps and calls); 0: unlimited
  // Called every `interrupt_hook_interval` checks; returning true interrupts the script.
  std::function<bool()> interrupt_hook;
  uint64_t interrupt_hook_interval = 10000;
  std::function<void(std::string_view)> stdout_callback;  // null: the process's stdout
  std::function<void(std::string_view)> stderr_callback;
};

class Module {
 public:
  Module(detail::State& state, Object module) : state_(&state), module_(std::move(module)) {}
  template <class F, class... Extra> Module& def(const char* name, F&& f, const Extra&... extra) {
    module_.set_attr(name, detail::bind_callable(*state_, name, std::forward<F>(f), false, "", extra...));
    return *this;
  }
  template <class T> Module& add(const char* name, T&& value) {
    module_.set_attr(name, to_object(*state_, std::forward<T>(value)));
    return *this;
  }
  const Object& object() const { return module_; }
  detail::State& state() const { return *state_; }

 private:
  detail::State* state_;
  Object module_;
};

class Interpreter {
 public:
  explicit Interpreter(Options options = {});
  ~Interpreter();  // waits for non-daemon script threads, runs atexit, frees everything
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;

  // Runs statements in __main__; throws Error on an uncaught exception.
  void exec(std::string_view source, const std::string& filename = "<string>");
  Object eval(std::string_view expression);
  void run_file(const std::string& path);
  Object import(const std::string& module_name);

  // __main__'s globals.
  Object get(const std::string& name) const;  // Error (NameError) when missing
  template <class T> void set(const std::string& name, T&& value) {
    set_object(name, to_object(*state_, std::forward<T>(value)));
  }
  void set_object(const std::string& name, const Object& value);
  Object globals() const;
  template <class... Args> Object call(const std::string& name, Args&&... args) {
    return get(name)(std::forward<Args>(args)...);
  }

  // Converts a C++ value into this interpreter.
  template <class T> Object cast(T&& value) { return to_object(*state_, std::forward<T>(value)); }
  Object none() const;

  // A function in __main__ (callable by scripts by name).
  template <class F, class... Extra> Interpreter& def(const char* name, F&& f, const Extra&... extra) {
    set_object(name, detail::bind_callable(*state_, name, std::forward<F>(f), false, "", extra...));
    return *this;
  }
  // A native module scripts import by name; the same Module for the same name.
  Module module(const std::string& name);

  // Limits. interrupt() may be called from any thread: the running script gets
  // chaipy.Interrupted at its next check. The budget counts checks from now on.
  void interrupt();
  void set_instruction_budget(uint64_t checks);  // 0: unlimited
  uint64_t instructions_left() const;
  void set_memory_limit(size_t bytes);
  size_t memory_used() const;  // bytes of live script objects

  detail::State& state() const { return *state_; }

 private:
  std::shared_ptr<detail::State> state_;
};

// Lets other threads of the interpreter run while the calling (bound) function does
// blocking host work; touch no Object inside its scope.
class GilRelease {
 public:
  GilRelease();
  ~GilRelease();
  GilRelease(const GilRelease&) = delete;
  GilRelease& operator=(const GilRelease&) = delete;

 private:
  void* thread_;
};

// A host thread's ticket into an interpreter: holds its GIL for the scope (nestable, and
// a no-op when the thread is already running in it).
class GilAcquire {
 public:
  explicit GilAcquire(Interpreter& interpreter);
  ~GilAcquire();
  GilAcquire(const GilAcquire&) = delete;
  GilAcquire& operator=(const GilAcquire&) = delete;

 private:
  void* previous_;
  void* entered_;
};

// ---- Bound classes ----

template <class T> class class_ {
 public:
  class_(Interpreter& vm, const char* name) : state_(&vm.state()) {
    type_ = detail::make_class(*state_, name, "__main__", typeid(T));
    vm.set_object(name, type_);
  }
  class_(Module& module, const char* name) : state_(&module.state()) {
    type_ = detail::make_class(*state_, name, module.object().attr("__name__").str(), typeid(T));
    module.object().set_attr(name, type_);
  }

  // __init__(self, A...) constructs the T.
  template <class... A, class... Extra> class_& def_init(const Extra&... extra) {
    auto init = [](Object self, A... args) {
      detail::set_instance_pointer(self, new T(std::forward<A>(args)...), detail::destroy_instance<T>);
    };
    detail::class_add(type_, "__init__",
                      detail::bind_callable(*state_, "__init__", std::function<void(Object, A...)>(init), true, name(),
                                            extra...));
    return *this;
  }
  // A method: a member function pointer, or a callable whose first parameter is T& / const T&.
  template <class F, class... Extra> class_& def(const char* method_name, F f, const Extra&... extra) {
    detail::class_add(type_, method_name, bind_method(method_name, f, extra...));
    return *this;
  }
  template <class G> class_& def_property_readonly(const char* property_name, G getter) {
    detail::class_add_property(type_, property_name, bind_method(property_name, getter), Object());
    return *this;
  }
  template <class G, class S> class_& def_property(const char* property_name, G getter, S setter) {
    detail::class_add_property(type_, property_name, bind_method(property_name, getter),
                               bind_method(property_name, setter));
    return *this;
  }
  template <class M> class_& def_readwrite(const char* field_name, M T::*field) {
    return def_property(
        field_name, [field](const T& self) { return self.*field; },
        [field](T& self, const M& value) { self.*field = value; });
  }
  template <class M> class_& def_readonly(const char* field_name, M T::*field) {
    return def_property_readonly(field_name, [field](const T& self) { return self.*field; });
  }
  // __repr__ from a callable taking const T& and returning a string.
  template <class F> class_& repr(F f) { return def("__repr__", f); }

  const Object& object() const { return type_; }

 private:
  std::string name() const { return type_.attr("__name__").str(); }

  template <class F, class... Extra> Object bind_method(const char* method_name, F f, const Extra&... extra) {
    if constexpr (std::is_member_function_pointer_v<F>) {
      return bind_member(method_name, f, static_cast<typename detail::function_traits<F>::args*>(nullptr), extra...);
    } else {
      return detail::bind_callable(*state_, method_name, std::move(f), true, name(), extra...);
    }
  }
  template <class F, class... A, class... Extra>
  Object bind_member(const char* method_name, F f, std::tuple<A...>*, const Extra&... extra) {
    using Result = typename detail::function_traits<F>::result;
    std::function<Result(T&, A...)> method = [f](T& self, A... args) -> Result {
      return (self.*f)(std::forward<A>(args)...);
    };
    return detail::bind_callable(*state_, method_name, std::move(method), true, name(), extra...);
  }

  detail::State* state_;
  Object type_;
};

}  // namespace chaipy::embed

#ifndef CHAIPY_EMBED_IMPLEMENTATION
namespace chaipy {
using namespace embed;
}
#endif
