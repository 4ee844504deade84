// The select module: select.select() and select.poll objects, waiting without the GIL and retrying after signals (PEP 475).
#include <poll.h>
#include <time.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <map>
#include <mutex>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/errors.hpp"
#include "runtime/gil.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"

namespace chaipy {

bool init_select_module(Value module);

namespace {

TypeObject poll_type;

// PyObject_AsFileDescriptor: an int, or an object whose fileno() returns one.
bool file_descriptor_of(Value v, int& out) {
  Ref number;
  if (is_int(v)) {
    number = Ref::borrow(v);
  } else if (type_lookup(type_of(v), str_intern("fileno"))) {
    number = call_method(v, "fileno", nullptr, 0);
    if (!number) return false;
    if (!is_int(*number)) {
      raise(&TypeError_type, "fileno() returned a non-integer");
      return false;
    }
  } else {
    raise(&TypeError_type, "argument must be an int, or have a fileno() method.");
    return false;
  }
  int64_t fd;
  if (!int_to_i64(*number, fd)) return false;
  if (fd < 0) {
    raise_format(&ValueError_type, "file descriptor cannot be a negative integer (%lld)", (long long)fd);
    return false;
  }
  if (fd > INT_MAX) {
    raise(&OverflowError_type, "signed integer is greater than maximum");
    return false;
  }
  out = static_cast<int>(fd);
  return true;
}

double monotonic_now() {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

// poll() for `fds` with the GIL released; `deadline` < 0 waits forever. After EINTR the signal
// handlers run (an exception from them ends the wait) and the wait goes on for the time left.
// Returns the ready count, or -1 with an exception pending.
int poll_releasing_gil(std::vector<pollfd>& fds, double deadline) {
  ThreadState& thread = thread_state();
  for (;;) {
    int timeout_ms = -1;
    if (deadline >= 0) {
      double left = deadline - monotonic_now();
      timeout_ms = left <= 0 ? 0 : static_cast<int>(std::min(std::ceil(left * 1000), double(INT_MAX)));
    }
    int ready;
    {
      ReleaseGil unlocked(thread);
      ready = ::poll(fds.data(), fds.size(), timeout_ms);
    }
    if (ready >= 0) return ready;
    if (errno != EINTR) {
      raise_from_errno(errno);
      return -1;
    }
    if (!check_signals(thread)) return -1;
  }
}

// The items of one of select()'s three lists, with their descriptors.
bool select_list(Value iterable, short events, std::vector<Value>& owners, std::vector<pollfd>& fds, Ref& items) {
  items = list_from_iterable(iterable);
  if (!items) return false;
  for (int64_t i = 0; i < list_size(*items); ++i) {
    int fd;
    if (!file_descriptor_of(list_item(*items, i), fd)) return false;
    owners.push_back(list_item(*items, i));
    fds.push_back(pollfd{fd, events, 0});
  }
  return true;
}

Ref select_select(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("select", nargs, kwnames, 3, 4)) return nullptr;
  double deadline = -1;
  if (nargs == 4 && !args[3].is_none()) {
    double seconds;
    if (!(is_int(args[3]) || type_of(args[3]) == &float_type || is_subtype(type_of(args[3]), &float_type)) ||
        !number_to_double(args[3], seconds)) {
      clear_error();
      return raise(&TypeError_type, "timeout must be a float or None");
    }
    if (seconds < 0) return raise(&ValueError_type, "timeout must be non-negative");
    deadline = monotonic_now() + seconds;
  }
  static const short wanted[3] = {POLLIN, POLLOUT, POLLPRI};
  std::vector<Value> owners[3];
  std::vector<pollfd> fds[3];
  Ref items[3];
  for (int i = 0; i < 3; ++i)
    if (!select_list(args[i], wanted[i], owners[i], fds[i], items[i])) return nullptr;
  std::vector<pollfd> all;
  for (int i = 0; i < 3; ++i) all.insert(all.end(), fds[i].begin(), fds[i].end());
  if (poll_releasing_gil(all, deadline) < 0) return nullptr;
  for (const pollfd& entry : all)
    if (entry.revents & POLLNVAL) return raise_from_errno(EBADF);
  // What select() reports: readable at EOF, hang-up or error too; writable on error.
  static const short reported[3] = {POLLIN | POLLHUP | POLLERR, POLLOUT | POLLERR, POLLPRI};
  Ref results[3];
  size_t position = 0;
  for (int i = 0; i < 3; ++i) {
    results[i] = list_new(0);
    if (!results[i]) return nullptr;
    for (size_t j = 0; j < fds[i].size(); ++j, ++position)
      if ((all[position].revents & reported[i]) && !list_append(*results[i], owners[i][j])) return nullptr;
  }
  return tuple_pack({*results[0], *results[1], *results[2]});
}

// ---- poll objects ----

struct PollObject : Object {
  std::map<int, short>* registered;  // fd -> event mask
  std::vector<int>* order;           // the fds in registration order, as CPython polls them
  bool polling;
};

PollObject* poll_of(Value self) { return self.as<PollObject>(); }

void poll_dealloc(Object* object) {
  auto* poll = static_cast<PollObject*>(object);
  delete poll->registered;
  delete poll->order;
  free_object(object);
}

Ref make_poll(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("poll", nargs, kwnames, 0, 0)) return nullptr;
  auto* poll = static_cast<PollObject*>(alloc_object(&poll_type));
  if (!poll) return nullptr;
  poll->registered = new std::map<int, short>();
  poll->order = new std::vector<int>();
  poll->polling = false;
  return Ref::steal(Value(poll));
}

bool event_mask(Value v, short& out) {
  int64_t mask;
  if (!index_to_i64(v, mask)) return false;
  if (mask < 0 || mask > USHRT_MAX) {
    raise(&OverflowError_type, mask < 0 ? "Python int too large to convert to C unsigned short"
                                        : "Python int too large to convert to C unsigned short");
    return false;
  }
  out = static_cast<short>(mask);
  return true;
}

Ref poll_register(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("register", nargs, kwnames, 1, 2)) return nullptr;
  int fd;
  short mask = POLLIN | POLLPRI | POLLOUT;
  if (!file_descriptor_of(args[0], fd) || (nargs == 2 && !event_mask(args[1], mask))) return nullptr;
  PollObject* poll = poll_of(self);
  if (!poll->registered->count(fd)) poll->order->push_back(fd);
  (*poll->registered)[fd] = mask;
  return Ref::none();
}

Ref poll_modify(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("modify", nargs, kwnames, 2, 2)) return nullptr;
  int fd;
  short mask;
  if (!file_descriptor_of(args[0], fd) || !event_mask(args[1], mask)) return nullptr;
  PollObject* poll = poll_of(self);
  auto found = poll->registered->find(fd);
  if (found == poll->registered->end()) return raise_from_errno(ENOENT);
  found->second = mask;
  return Ref::none();
}

Ref poll_unregister(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("unregister", nargs, kwnames, 1, 1)) return nullptr;
  int fd;
  if (!file_descriptor_of(args[0], fd)) return nullptr;
  PollObject* poll = poll_of(self);
  if (!poll->registered->erase(fd)) {
    Ref key = int_from_i64(fd);
    return key ? raise_key_error(*key) : nullptr;
  }
  std::erase(*poll->order, fd);
  return Ref::none();
}

Ref poll_poll(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("poll", nargs, kwnames, 0, 1)) return nullptr;
  double deadline = -1;
  if (nargs == 1 && !args[0].is_none()) {
    double milliseconds;
    if (!number_to_double(args[0], milliseconds)) {
      clear_error();
      return raise_format(&TypeError_type, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
    }
    if (milliseconds >= 0) deadline = monotonic_now() + milliseconds / 1000;
  }
  PollObject* poll = poll_of(self);
  if (poll->polling) return raise(&RuntimeError_type, "concurrent poll() invocation");
  std::vector<pollfd> fds;
  for (int fd : *poll->order) fds.push_back(pollfd{fd, (*poll->registered)[fd], 0});
  // The poll object may be used by another thread while this one waits without the GIL.
  poll->polling = true;
  int ready = poll_releasing_gil(fds, deadline);
  poll->polling = false;
  if (ready < 0) return nullptr;
  Ref result = list_new(0);
  if (!result) return nullptr;
  for (const pollfd& entry : fds) {
    if (!entry.revents) continue;
    Ref fd = int_from_i64(entry.fd), events = int_from_i64(static_cast<unsigned short>(entry.revents));
    Ref pair = fd && events ? tuple_pack({*fd, *events}) : Ref();
    if (!pair || !list_append(*result, *pair)) return nullptr;
  }
  return result;
}

const MethodDef poll_methods[] = {
    {"register", poll_register},
    {"modify", poll_modify},
    {"unregister", poll_unregister},
    {"poll", poll_poll},
    {nullptr, nullptr},
};

Ref poll_new_refused(TypeObject*, const Value*, size_t, Value) {
  return raise(&TypeError_type, "cannot create 'select.poll' instances");
}

void init_types() {
  init_static_type(&poll_type, "poll", &object_type, sizeof(PollObject), 0);
  poll_type.module = "select";
  poll_type.new_ = poll_new_refused;
  poll_type.dealloc = poll_dealloc;
  finish_static_type(&poll_type);
  add_methods(&poll_type, poll_methods);
}

}  // namespace

bool init_select_module(Value module) {
  static std::once_flag types_ready;
  std::call_once(types_ready, init_types);
  if (!module_add_function(module, "select", select_select) || !module_add_function(module, "poll", make_poll) ||
      !module_add_object(module, "error", Value(&OSError_type)))
    return false;
  static const struct {
    const char* name;
    int64_t value;
  } constants[] = {
      {"POLLIN", POLLIN},         {"POLLPRI", POLLPRI},     {"POLLOUT", POLLOUT},   {"POLLERR", POLLERR},
      {"POLLHUP", POLLHUP},       {"POLLNVAL", POLLNVAL},   {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND},
      {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", POLLMSG}, {"POLLRDHUP", POLLRDHUP},
      {"PIPE_BUF", PIPE_BUF},
  };
  for (const auto& constant : constants)
    if (!module_add_int(module, constant.name, constant.value)) return false;
  return true;
}

}  // namespace chaipy
