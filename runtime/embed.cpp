// The embedding API's core: Interpreter lifetime, host threads entering an interpreter (GIL guards), running code, Object handles and Error.
#include "runtime/embed_state.hpp"

#include <cstring>
#include <fstream>
#include <sstream>

#include "interpreter/parser.hpp"
#include "interpreter/vm.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/gil.hpp"
#include "runtime/import.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "runtime/threads.hpp"
#include "stdlib/io.hpp"
#include "stdlib/sys.hpp"

namespace chaipy::embed {

using chaipy::Ref;
using chaipy::Value;

namespace detail {

namespace {

// Where this thread's stack ends, minus a margin for native frames below the last check
// (as runtime/threads.cpp computes it for script threads). Computed once per OS thread:
// for the process's main thread glibc reads /proc/self/maps to answer.
const char* this_thread_stack_limit() {
  thread_local const char* limit = [] {
    pthread_attr_t attributes;
    void* low = nullptr;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attributes) != 0) return static_cast<const char*>(nullptr);
    pthread_attr_getstack(&attributes, &low, &size);
    pthread_attr_destroy(&attributes);
    char here;
    size_t available = size_t(&here - static_cast<const char*>(low));
    return static_cast<const char*>(low) + std::min<size_t>(256u << 10, available / 4);
  }();
  return limit;
}

// The ThreadStates a GilRelease has let go of on this thread, innermost last: entering the
// same interpreter inside that scope (GilAcquire) takes the GIL back with the same state.
thread_local std::vector<chaipy::ThreadState*> released_states;

}  // namespace

chaipy::ThreadState& host_thread_state(State& state) {
  for (auto it = released_states.rbegin(); it != released_states.rend(); ++it)
    if ((*it)->interp == state.interp) return **it;
  std::lock_guard<std::mutex> guard(state.threads_mutex);
  chaipy::ThreadState*& slot = state.host_threads[pthread_self()];
  if (!slot) {
    slot = new chaipy::ThreadState();
    slot->interp = state.interp;
    slot->thread_id = chaipy::current_thread_ident();
    slot->native_id = chaipy::current_native_thread_id();
    slot->stack_limit = this_thread_stack_limit();
    chaipy::gil_attach_thread(*state.interp, *slot);
  }
  return *slot;
}

Enter::Enter(State& state) : previous_(chaipy::current_thread) {
  if (previous_ && previous_->interp == state.interp) return;
  if (!state.alive) throw Error("RuntimeError", "the interpreter has been destroyed");
  chaipy::ThreadState& thread = host_thread_state(state);
  chaipy::current_thread = &thread;
  chaipy::gil_acquire(thread);
  entered_ = &thread;
}

Enter::~Enter() {
  if (!entered_) return;
  chaipy::flush_std_streams();
  chaipy::gil_release(*entered_);
  chaipy::current_thread = previous_;
}

Object take(State& state, Ref ref) {
  if (!ref) throw_pending(state);
  return Object::steal(&state, ref.release().bits());
}

Error error_from_exception(State& state, Value exception) {
  std::string type_name = chaipy::type_of(exception)->name;
  std::string message;
  if (Ref text = chaipy::object_str(exception)) message = std::string(chaipy::str_view(*text));
  else chaipy::clear_error();
  std::string traceback = chaipy::format_exception(exception);
  chaipy::incref(exception);
  return Error(state.self.lock(), exception.bits(), std::move(type_name), std::move(message), std::move(traceback));
}

void throw_pending(State& state) {
  Ref exception = chaipy::fetch_error();
  if (!exception) throw Error("SystemError", "error return without exception set");
  throw error_from_exception(state, *exception);
}

void raise_current_exception(State& state) {
  try {
    throw;
  } catch (const Error& error) {
    if (error.value().state() == &state && !error.value().is_none()) {
      chaipy::raise_value(value_of(error.value()));
      return;
    }
    Value builtin = chaipy::dict_get_str(state.interp->builtins, error.type_name());
    chaipy::TypeObject* type = builtin && chaipy::is_exception_type(builtin) ? builtin.as<chaipy::TypeObject>()
                                                                            : &chaipy::RuntimeError_type;
    chaipy::raise(type, error.message());
  } catch (const std::invalid_argument& error) {
    chaipy::raise(&chaipy::ValueError_type, error.what());
  } catch (const std::out_of_range& error) {
    chaipy::raise(&chaipy::IndexError_type, error.what());
  } catch (const std::overflow_error& error) {
    chaipy::raise(&chaipy::OverflowError_type, error.what());
  } catch (const std::bad_alloc&) {
    chaipy::raise_no_memory();
  } catch (const std::exception& error) {
    chaipy::raise(&chaipy::RuntimeError_type, error.what());
  } catch (...) {
    chaipy::raise(&chaipy::RuntimeError_type, "unknown C++ exception");
  }
}

State& current_state() {
  chaipy::ThreadState* thread = chaipy::current_thread;
  State* state = thread && thread->interp ? static_cast<State*>(thread->interp->embed) : nullptr;
  if (!state) throw Error("RuntimeError", "no chaipy interpreter is running on this thread");
  return *state;
}

}  // namespace detail

using detail::Enter;
using detail::State;
using detail::take;
using detail::value_of;

// ---- Error ----

void State::add_error_reference(uintptr_t exception) {
  std::lock_guard<std::mutex> guard(errors_mutex);
  ++error_references[exception];
}

void State::drop_error_reference(uintptr_t exception) {
  std::lock_guard<std::mutex> guard(errors_mutex);
  auto found = error_references.find(exception);
  if (found != error_references.end() && --found->second == 0) error_references.erase(found);
}

Error::Error(std::string type_name, std::string message, std::string traceback)
    : type_name_(std::move(type_name)), message_(std::move(message)), traceback_(std::move(traceback)) {
  what_ = message_.empty() ? type_name_ : type_name_ + ": " + message_;
  if (traceback_.empty()) traceback_ = what_ + "\n";
}

Error::Error(std::shared_ptr<State> state, uintptr_t exception, std::string type_name, std::string message,
             std::string traceback)
    : Error(std::move(type_name), std::move(message), std::move(traceback)) {
  state_ = std::move(state);
  exception_ = exception;
  if (state_) state_->add_error_reference(exception_);
}

Error::Error(const Error& other)
    : state_(other.state_),
      exception_(other.exception_),
      type_name_(other.type_name_),
      message_(other.message_),
      traceback_(other.traceback_),
      what_(other.what_) {
  if (exception_ && state_ && state_->alive) {
    Enter inside(*state_);
    chaipy::incref(Value::from_bits(exception_));
    state_->add_error_reference(exception_);
  } else {
    exception_ = 0;
  }
}

Error& Error::operator=(const Error& other) {
  if (this != &other) {
    Error copy(other);
    release();
    state_ = copy.state_;
    exception_ = copy.exception_;
    copy.exception_ = 0;
    type_name_ = copy.type_name_;
    message_ = copy.message_;
    traceback_ = copy.traceback_;
    what_ = copy.what_;
  }
  return *this;
}

Error::~Error() { release(); }

void Error::release() noexcept {
  if (exception_ && state_ && state_->alive) {
    Enter inside(*state_);
    state_->drop_error_reference(exception_);
    chaipy::decref(Value::from_bits(exception_));
  }
  exception_ = 0;
}

Object Error::value() const {
  if (!exception_ || !state_ || !state_->alive) return Object();
  return Object::borrow(state_.get(), exception_);
}

// ---- Object ----

Object::Object() : bits_(Value::none().bits()) {}
Object::Object(const Object& other) : state_(other.state_), bits_(other.bits_) {
  Value value = Value::from_bits(bits_);
  if (value.is_object() && state_) {
    Enter inside(*state_);
    chaipy::incref(value);
  }
}
Object::Object(Object&& other) noexcept : state_(other.state_), bits_(other.bits_) {
  other.bits_ = Value::none().bits();
}
Object& Object::operator=(const Object& other) {
  Object copy(other);
  std::swap(state_, copy.state_);
  std::swap(bits_, copy.bits_);
  return *this;
}
Object& Object::operator=(Object&& other) noexcept {
  std::swap(state_, other.state_);
  std::swap(bits_, other.bits_);
  return *this;
}
Object::~Object() {
  Value value = Value::from_bits(bits_);
  if (value.is_object() && state_ && state_->alive) {
    Enter inside(*state_);
    chaipy::decref(value);
  }
}

Object Object::steal(State* state, uintptr_t bits) {
  Object object;
  object.state_ = state;
  object.bits_ = bits;
  return object;
}
Object Object::borrow(State* state, uintptr_t bits) {
  Value value = Value::from_bits(bits);
  if (value.is_object()) {
    Enter inside(*state);
    chaipy::incref(value);
  }
  return steal(state, bits);
}

namespace {
State& state_of(const Object& object) { return object.state() ? *object.state() : detail::current_state(); }
}  // namespace

bool Object::is_none() const { return Value::from_bits(bits_).is_none(); }

bool Object::truthy() const {
  State& state = state_of(*this);
  Enter inside(state);
  int truth = chaipy::object_truth(value_of(*this));
  if (truth < 0) detail::throw_pending(state);
  return truth;
}

std::string Object::type_name() const {
  return chaipy::type_of(value_of(*this))->name;  // static and heap type names are immutable here
}

std::string Object::repr() const {
  State& state = state_of(*this);
  Enter inside(state);
  Object text = take(state, chaipy::object_repr(value_of(*this)));
  return std::string(chaipy::str_view(value_of(text)));
}

std::string Object::str() const {
  State& state = state_of(*this);
  Enter inside(state);
  Object text = take(state, chaipy::object_str(value_of(*this)));
  return std::string(chaipy::str_view(value_of(text)));
}

size_t Object::size() const {
  State& state = state_of(*this);
  Enter inside(state);
  int64_t length = chaipy::object_length(value_of(*this));
  if (length < 0) detail::throw_pending(state);
  return size_t(length);
}

bool Object::has_attr(std::string_view name) const {
  State& state = state_of(*this);
  Enter inside(state);
  Object key = take(state, chaipy::str_new(name));
  int found = chaipy::has_attr(value_of(*this), value_of(key));
  if (found < 0) detail::throw_pending(state);
  return found;
}

Object Object::attr(std::string_view name) const {
  State& state = state_of(*this);
  Enter inside(state);
  Object key = take(state, chaipy::str_new(name));
  return take(state, chaipy::get_attr(value_of(*this), value_of(key)));
}

void Object::set_attr(std::string_view name, const Object& value) const {
  State& state = state_of(*this);
  Enter inside(state);
  Object key = take(state, chaipy::str_new(name));
  if (chaipy::set_attr(value_of(*this), value_of(key), value_of(value)) < 0) detail::throw_pending(state);
}

Object Object::operator[](const Object& key) const {
  State& state = state_of(*this);
  Enter inside(state);
  return take(state, chaipy::get_item(value_of(*this), value_of(key)));
}

void Object::set_item(const Object& key, const Object& value) const {
  State& state = state_of(*this);
  Enter inside(state);
  if (chaipy::set_item(value_of(*this), value_of(key), value_of(value)) < 0) detail::throw_pending(state);
}

bool Object::isinstance(const Object& type) const {
  State& state = state_of(*this);
  Enter inside(state);
  int result = 0;
  if (!chaipy::is_instance(value_of(*this), value_of(type), result)) detail::throw_pending(state);
  return result;
}

std::vector<Object> Object::items() const {
  State& state = state_of(*this);
  Enter inside(state);
  Object list = take(state, chaipy::list_from_iterable(value_of(*this)));
  std::vector<Object> result;
  for (int64_t i = 0; i < chaipy::list_size(value_of(list)); ++i)
    result.push_back(Object::borrow(&state, chaipy::list_item(value_of(list), i).bits()));
  return result;
}

Object Object::call(const std::vector<Object>& args, const std::vector<std::pair<std::string, Object>>& kwargs) const {
  State& state = state_of(*this);
  Enter inside(state);
  std::vector<Value> arguments;
  for (const Object& arg : args) arguments.push_back(value_of(arg));
  Ref kwnames;
  if (!kwargs.empty()) {
    kwnames = chaipy::tuple_new(kwargs.size());
    if (!kwnames) detail::throw_pending(state);
    for (size_t i = 0; i < kwargs.size(); ++i) {
      Ref name = chaipy::str_new(kwargs[i].first);
      if (!name) detail::throw_pending(state);
      chaipy::tuple_set(*kwnames, i, name.release());
      arguments.push_back(value_of(kwargs[i].second));
    }
  }
  return take(state, chaipy::call(value_of(*this), arguments.data(), args.size(), kwnames.get()));
}

// ---- Interpreter ----

namespace {

Ref compile_and_run(State& state, std::string_view source, const std::string& filename, chaipy::ParseMode mode) {
  chaipy::register_source(filename, std::string(source));
  Ref code = chaipy::compile_to_code(source, filename, int(mode));
  if (!code) return nullptr;
  Value globals = chaipy::module_dict(state.main_module);
  return chaipy::run_code(*code, globals, globals);
}

// Calls module.function() at shutdown when scripts imported that module (as the CLI does).
void run_exit_hook(State& state, const char* module_name, const char* function_name) {
  Value module = chaipy::dict_get_str(state.interp->modules, module_name);
  if (!module) return;
  Ref hook = chaipy::get_attr(module, function_name);
  Ref done = hook ? chaipy::call0(*hook) : Ref();
  if (!done) {
    Ref exception = chaipy::fetch_error();
    if (exception) chaipy::print_exception_to_stderr(*exception);
  }
}

}  // namespace

Interpreter::Interpreter(Options options) : state_(std::make_shared<State>()) {
  State& state = *state_;
  state.self = state_;
  state.options = std::move(options);
  chaipy::InterpreterConfig config;
  config.argv = state.options.argv.empty() ? std::vector<std::string>{""} : state.options.argv;
  config.path_entries = state.options.path;
  config.executable = "";
  chaipy::ThreadState* previous = chaipy::current_thread;
  chaipy::Interpreter* interp = chaipy::interpreter_create(std::move(config));
  if (!interp) {
    chaipy::current_thread = previous;
    throw Error("RuntimeError", "the interpreter failed to start");
  }
  state.interp = interp;
  interp->embed = &state;
  interp->switch_interval = state.options.switch_interval;
  interp->main_thread.thread_id = chaipy::current_thread_ident();
  interp->main_thread.native_id = chaipy::current_native_thread_id();
  interp->main_thread.stack_limit = detail::this_thread_stack_limit();
  {
    std::lock_guard<std::mutex> guard(state.threads_mutex);
    state.host_threads[pthread_self()] = &interp->main_thread;
  }
  detail::init_embed_types();
  bool ready = false;
  if (Ref main_module = chaipy::module_new("__main__")) {
    chaipy::dict_set_str(chaipy::module_dict(*main_module), "__builtins__", interp->builtins_module);
    chaipy::dict_set_str(interp->modules, "__main__", *main_module);
    state.main_module = main_module.release();
    ready = detail::install_output(state) && detail::install_limits(state);
  }
  std::string failure;
  if (!ready) {
    Ref exception = chaipy::fetch_error();
    failure = exception ? chaipy::format_exception_only(*exception) : "the interpreter failed to start";
  }
  chaipy::flush_std_streams();
  chaipy::gil_release(interp->main_thread);
  chaipy::current_thread = previous;
  if (!ready) throw Error("RuntimeError", failure);
}

Interpreter::~Interpreter() {
  if (!state_ || !state_->interp) return;
  State& state = *state_;
  chaipy::Interpreter* interp = state.interp;
  chaipy::ThreadState* previous = chaipy::current_thread;
  // Shutdown runs as the main thread, from whichever host thread destroys the interpreter.
  chaipy::current_thread = &interp->main_thread;
  chaipy::gil_acquire(interp->main_thread);
  interp->host_check = nullptr;
  interp->memory_limit = 0;
  run_exit_hook(state, "threading", "_shutdown");
  run_exit_hook(state, "atexit", "_run_exitfuncs");
  for (auto& [type, object] : state.classes) chaipy::decref(object);
  state.classes.clear();
  chaipy::decref(state.interrupted_type);
  {
    std::lock_guard<std::mutex> guard(state.errors_mutex);
    for (auto [exception, references] : state.error_references)
      for (size_t i = 0; i < references; ++i) chaipy::decref(Value::from_bits(exception));
    state.error_references.clear();
  }
  chaipy::decref(state.chaipy_module);
  chaipy::decref(state.main_module);
  state.interrupted_type = state.chaipy_module = state.main_module = Value();
  {
    std::lock_guard<std::mutex> guard(state.threads_mutex);
    for (auto& [os_thread, thread] : state.host_threads) {
      if (thread == &interp->main_thread) continue;
      chaipy::decref(thread->handled_exception);
      chaipy::gil_detach_thread(*thread);
      delete thread;
    }
    state.host_threads.clear();
  }
  chaipy::gil_begin_shutdown(*interp);
  chaipy::interpreter_destroy(interp);
  state.interp = nullptr;
  state.alive = false;
  chaipy::current_thread = previous;
}

void Interpreter::exec(std::string_view source, const std::string& filename) {
  Enter inside(*state_);
  Ref result = compile_and_run(*state_, source, filename, chaipy::ParseMode::Exec);
  if (!result) detail::throw_pending(*state_);
}

Object Interpreter::eval(std::string_view expression) {
  Enter inside(*state_);
  return take(*state_, compile_and_run(*state_, expression, "<string>", chaipy::ParseMode::Eval));
}

void Interpreter::run_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    int error = errno;
    throw Error("FileNotFoundError", "[Errno " + std::to_string(error) + "] " + std::strerror(error) + ": '" + path + "'");
  }
  std::ostringstream text;
  text << file.rdbuf();
  Enter inside(*state_);
  Value globals = chaipy::module_dict(state_->main_module);
  Ref file_name = chaipy::str_new(path);
  if (!file_name || chaipy::dict_set_str(globals, "__file__", *file_name) < 0) detail::throw_pending(*state_);
  Ref result = compile_and_run(*state_, text.str(), path, chaipy::ParseMode::Exec);
  if (!result) detail::throw_pending(*state_);
}

Object Interpreter::import(const std::string& module_name) {
  Enter inside(*state_);
  return take(*state_, chaipy::import_module(module_name));
}

Object Interpreter::get(const std::string& name) const {
  Enter inside(*state_);
  Value value = chaipy::dict_get_str(chaipy::module_dict(state_->main_module), name);
  if (!value) {
    if (chaipy::error_pending()) detail::throw_pending(*state_);
    chaipy::raise_format(&chaipy::NameError_type, "name '%s' is not defined", name.c_str());
    detail::throw_pending(*state_);
  }
  return Object::borrow(state_.get(), value.bits());
}

void Interpreter::set_object(const std::string& name, const Object& value) {
  Enter inside(*state_);
  if (chaipy::dict_set_str(chaipy::module_dict(state_->main_module), name.c_str(), value_of(value)) < 0)
    detail::throw_pending(*state_);
}

Object Interpreter::globals() const {
  Enter inside(*state_);
  return Object::borrow(state_.get(), chaipy::module_dict(state_->main_module).bits());
}

Object Interpreter::none() const { return Object::steal(state_.get(), Value::none().bits()); }

Module Interpreter::module(const std::string& name) {
  Enter inside(*state_);
  Value existing = chaipy::dict_get_str(state_->interp->modules, name);
  if (existing && chaipy::is_module(existing)) return Module(*state_, Object::borrow(state_.get(), existing.bits()));
  Object created = take(*state_, chaipy::module_new(name));
  if (chaipy::dict_set_str(state_->interp->modules, name.c_str(), value_of(created)) < 0)
    detail::throw_pending(*state_);
  return Module(*state_, created);
}

// ---- GIL guards ----

GilRelease::GilRelease() : thread_(chaipy::current_thread) {
  auto* thread = static_cast<chaipy::ThreadState*>(thread_);
  if (!thread || !thread->gil_waiter) {
    thread_ = nullptr;
    return;
  }
  chaipy::flush_std_streams();
  detail::released_states.push_back(thread);
  thread->gil_waiter->voluntary = true;  // comes back with priority, as from any blocking call
  chaipy::gil_release(*thread);
  chaipy::current_thread = nullptr;
}

GilRelease::~GilRelease() {
  auto* thread = static_cast<chaipy::ThreadState*>(thread_);
  if (!thread) return;
  chaipy::gil_acquire(*thread);
  chaipy::current_thread = thread;
  detail::released_states.pop_back();
}

GilAcquire::GilAcquire(Interpreter& interpreter) : previous_(chaipy::current_thread), entered_(nullptr) {
  State& state = interpreter.state();
  auto* previous = static_cast<chaipy::ThreadState*>(previous_);
  if (previous && previous->interp == state.interp) return;
  chaipy::ThreadState& thread = detail::host_thread_state(state);
  chaipy::current_thread = &thread;
  chaipy::gil_acquire(thread);
  entered_ = &thread;
}

GilAcquire::~GilAcquire() {
  if (!entered_) return;
  chaipy::flush_std_streams();
  chaipy::gil_release(*static_cast<chaipy::ThreadState*>(entered_));
  chaipy::current_thread = static_cast<chaipy::ThreadState*>(previous_);
}

}  // namespace chaipy::embed
