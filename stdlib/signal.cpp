// The signal module: Python handlers for signals (run by the main thread between bytecodes and when its blocking calls are interrupted), alarm, pause, raise_signal, pthread_kill, sigmasks.
//
// The C handler (trip_signal, runtime/gil.cpp) only marks a signal pending; check_signals runs
// the Python handler stored here. Handlers are numbers where CPython has enums: SIG_DFL is 0,
// SIG_IGN 1 and signal.SIGINT 2 print as CPython's do, but their repr is the plain number.
#include <sys/time.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include "runtime/builtin_types.hpp"
#include "runtime/errors.hpp"
#include "runtime/gil.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"

namespace chaipy {

bool init_signal_module(Value module);

namespace {

constexpr int64_t handler_default = 0;  // SIG_DFL
constexpr int64_t handler_ignore = 1;   // SIG_IGN

bool signal_number(Value v, int& out) {
  int64_t number;
  if (!index_to_i64(v, number)) return false;
  if (number < 1 || number >= NSIG) {
    raise(&ValueError_type, "signal number out of range");
    return false;
  }
  out = static_cast<int>(number);
  return true;
}

// After a signal sent to ourselves: its handler runs before the call returns, as in CPython.
Ref none_after_signals() {
  if (!check_signals(thread_state())) return nullptr;
  return Ref::none();
}

Ref signal_default_int_handler(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("default_int_handler", nargs, kwnames, 2, 2)) return nullptr;
  return raise_value(Value(&KeyboardInterrupt_type));
}

// What getsignal reports for `signum`: the stored Python handler, else None.
Ref handler_of(int signum) {
  Value handler = python_signal_handler(signum);
  return handler ? Ref::borrow(handler) : Ref::none();
}

Ref signal_signal(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  int signum;
  if (!bind_args("signal", args, nargs, kwnames, {"signalnum", "handler"}, 2, bound)) return nullptr;
  Interpreter* owner = signal_handling_interpreter();
  if (!is_main_thread(thread_state()) || (owner && owner != &current_interpreter()))
    return raise(&ValueError_type, "signal only works in main thread of the main interpreter");
  if (!signal_number(bound[0], signum)) return nullptr;
  Value handler = bound[1];
  struct sigaction action = {};
  sigemptyset(&action.sa_mask);
  // No SA_RESTART: a blocking call in the main thread returns EINTR and runs the handler.
  action.sa_flags = 0;
  int64_t number;
  if (is_int(handler) && int_to_i64(handler, number) && (number == handler_default || number == handler_ignore)) {
    action.sa_handler = number == handler_default ? SIG_DFL : SIG_IGN;
  } else if (type_of(handler)->call != nullptr && !is_int(handler)) {
    action.sa_handler = trip_signal;
  } else {
    return raise(&TypeError_type,
                 "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object");
  }
  if (sigaction(signum, &action, nullptr) < 0) return raise_from_errno(errno);
  Ref previous = handler_of(signum);
  set_python_signal_handler(signum, handler);
  return previous;
}

Ref signal_getsignal(Value, const Value* args, size_t nargs, Value kwnames) {
  int signum;
  if (!check_positional("getsignal", nargs, kwnames, 1, 1) || !signal_number(args[0], signum)) return nullptr;
  return handler_of(signum);
}

Ref signal_strsignal(Value, const Value* args, size_t nargs, Value kwnames) {
  int signum;
  if (!check_positional("strsignal", nargs, kwnames, 1, 1) || !signal_number(args[0], signum)) return nullptr;
  const char* text = strsignal(signum);
  if (!text || strncmp(text, "Unknown signal", 14) == 0) return Ref::none();
  return str_new(text);
}

Ref signal_valid_signals(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("valid_signals", nargs, kwnames, 0, 0)) return nullptr;
  sigset_t all;
  sigfillset(&all);
  Ref result = set_new();
  if (!result) return nullptr;
  for (int signum = 1; signum < NSIG; ++signum) {
    if (sigismember(&all, signum) != 1) continue;
    Ref number = int_from_i64(signum);
    if (!number || set_add(*result, *number) < 0) return nullptr;
  }
  return result;
}

Ref signal_alarm(Value, const Value* args, size_t nargs, Value kwnames) {
  int64_t seconds;
  if (!check_positional("alarm", nargs, kwnames, 1, 1) || !index_to_i64(args[0], seconds)) return nullptr;
  return int_from_i64(alarm(static_cast<unsigned>(seconds)));
}

Ref signal_pause(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("pause", nargs, kwnames, 0, 0)) return nullptr;
  {
    ReleaseGil unlocked;
    pause();
  }
  return none_after_signals();
}

Ref signal_raise_signal(Value, const Value* args, size_t nargs, Value kwnames) {
  int signum;
  if (!check_positional("raise_signal", nargs, kwnames, 1, 1) || !signal_number(args[0], signum)) return nullptr;
  if (::raise(signum) != 0) return raise_from_errno(errno);
  return none_after_signals();
}

Ref signal_pthread_kill(Value, const Value* args, size_t nargs, Value kwnames) {
  int64_t thread_id, signum;
  if (!check_positional("pthread_kill", nargs, kwnames, 2, 2) || !index_to_i64(args[0], thread_id) ||
      !index_to_i64(args[1], signum))
    return nullptr;
  int error = pthread_kill(static_cast<pthread_t>(thread_id), static_cast<int>(signum));
  if (error) return raise_from_errno(error);
  return none_after_signals();
}

bool signal_set_from(Value iterable, sigset_t& out) {
  sigemptyset(&out);
  Ref iterator = get_iter(iterable);
  if (!iterator) return false;
  while (Ref item = iter_next(*iterator)) {
    int signum;
    if (!signal_number(*item, signum)) return false;
    sigaddset(&out, signum);
  }
  return !error_pending();
}

Ref set_of_signals(const sigset_t& signals) {
  Ref result = set_new();
  if (!result) return nullptr;
  for (int signum = 1; signum < NSIG; ++signum) {
    if (sigismember(&signals, signum) != 1) continue;
    Ref number = int_from_i64(signum);
    if (!number || set_add(*result, *number) < 0) return nullptr;
  }
  return result;
}

Ref signal_pthread_sigmask(Value, const Value* args, size_t nargs, Value kwnames) {
  int64_t how;
  sigset_t mask, previous;
  if (!check_positional("pthread_sigmask", nargs, kwnames, 2, 2) || !index_to_i64(args[0], how) ||
      !signal_set_from(args[1], mask))
    return nullptr;
  int error = pthread_sigmask(static_cast<int>(how), &mask, &previous);
  if (error) return raise_from_errno(error);
  Ref result = set_of_signals(previous);
  if (!result || !check_signals(thread_state())) return nullptr;
  return result;
}

Ref signal_sigpending(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("sigpending", nargs, kwnames, 0, 0)) return nullptr;
  sigset_t pending;
  if (sigpending(&pending) < 0) return raise_from_errno(errno);
  return set_of_signals(pending);
}

Ref timer_pair(const struct itimerval& value) {
  Ref delay = float_new(double(value.it_value.tv_sec) + double(value.it_value.tv_usec) * 1e-6);
  Ref interval = float_new(double(value.it_interval.tv_sec) + double(value.it_interval.tv_usec) * 1e-6);
  if (!delay || !interval) return nullptr;
  return tuple_pack({*delay, *interval});
}

struct timeval timeval_of(double seconds) {
  struct timeval result;
  result.tv_sec = static_cast<time_t>(seconds);
  result.tv_usec = static_cast<suseconds_t>((seconds - double(result.tv_sec)) * 1e6);
  // A positive time too short for a microsecond would disarm the timer.
  if (seconds > 0 && result.tv_sec == 0 && result.tv_usec == 0) result.tv_usec = 1;
  return result;
}

Ref signal_setitimer(Value, const Value* args, size_t nargs, Value kwnames) {
  int64_t which;
  double seconds, interval = 0;
  if (!check_positional("setitimer", nargs, kwnames, 2, 3) || !index_to_i64(args[0], which) ||
      !number_to_double(args[1], seconds) || (nargs == 3 && !number_to_double(args[2], interval)))
    return nullptr;
  struct itimerval value, previous;
  value.it_value = timeval_of(seconds);
  value.it_interval = timeval_of(interval);
  if (setitimer(static_cast<__itimer_which>(which), &value, &previous) < 0) return raise_from_errno(errno);
  return timer_pair(previous);
}

Ref signal_getitimer(Value, const Value* args, size_t nargs, Value kwnames) {
  int64_t which;
  if (!check_positional("getitimer", nargs, kwnames, 1, 1) || !index_to_i64(args[0], which)) return nullptr;
  struct itimerval value;
  if (getitimer(static_cast<__itimer_which>(which), &value) < 0) return raise_from_errno(errno);
  return timer_pair(value);
}

// What each signal's disposition is when the module is first imported: SIG_DFL, SIG_IGN, our
// KeyboardInterrupt handler for SIGINT, or None for a C handler installed by someone else.
bool record_initial_handlers(Value default_int_handler) {
  for (int signum = 1; signum < NSIG; ++signum) {
    if (python_signal_handler(signum)) continue;
    struct sigaction current;
    if (sigaction(signum, nullptr, &current) < 0) continue;
    Ref handler;
    if (current.sa_handler == SIG_DFL) handler = int_from_i64(handler_default);
    else if (current.sa_handler == SIG_IGN) handler = int_from_i64(handler_ignore);
    else if (signum == SIGINT && current.sa_handler == trip_signal) handler = Ref::borrow(default_int_handler);
    else handler = Ref::none();
    if (!handler) return false;
    set_python_signal_handler(signum, *handler);
  }
  return true;
}

}  // namespace

bool init_signal_module(Value module) {
  static const struct {
    const char* name;
    NativeFunction fn;
  } functions[] = {
      {"signal", signal_signal},
      {"getsignal", signal_getsignal},
      {"default_int_handler", signal_default_int_handler},
      {"strsignal", signal_strsignal},
      {"valid_signals", signal_valid_signals},
      {"alarm", signal_alarm},
      {"pause", signal_pause},
      {"raise_signal", signal_raise_signal},
      {"pthread_kill", signal_pthread_kill},
      {"pthread_sigmask", signal_pthread_sigmask},
      {"sigpending", signal_sigpending},
      {"setitimer", signal_setitimer},
      {"getitimer", signal_getitimer},
  };
  for (const auto& function : functions)
    if (!module_add_function(module, function.name, function.fn)) return false;
  static const struct {
    const char* name;
    int64_t value;
  } constants[] = {
      {"SIG_DFL", handler_default}, {"SIG_IGN", handler_ignore}, {"NSIG", NSIG},
      {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
      {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL}, {"ITIMER_PROF", ITIMER_PROF},
      {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL}, {"SIGTRAP", SIGTRAP},
      {"SIGABRT", SIGABRT}, {"SIGIOT", SIGIOT}, {"SIGBUS", SIGBUS}, {"SIGFPE", SIGFPE}, {"SIGKILL", SIGKILL},
      {"SIGUSR1", SIGUSR1}, {"SIGSEGV", SIGSEGV}, {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE},
      {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM}, {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD},
      {"SIGCONT", SIGCONT}, {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN},
      {"SIGTTOU", SIGTTOU}, {"SIGURG", SIGURG}, {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},
      {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF}, {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO},
      {"SIGPOLL", SIGPOLL}, {"SIGPWR", SIGPWR}, {"SIGSYS", SIGSYS}, {"SIGRTMIN", SIGRTMIN},
      {"SIGRTMAX", SIGRTMAX},
  };
  for (const auto& constant : constants)
    if (!module_add_int(module, constant.name, constant.value)) return false;
  Value default_int_handler = dict_get_str(module_dict(module), "default_int_handler");
  return record_initial_handlers(default_int_handler);
}

}  // namespace chaipy
