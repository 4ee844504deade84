// The _multiprocessing module: process-shared semaphores (SemLock), shared memory blocks with typed element access, framed pipe I/O for Connection, and spawning a child with inherited fds.
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <atomic>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <mutex>
#include <new>
#include <string>
#include <vector>

#include "interpreter/opcodes.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/gil.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "runtime/threads.hpp"

extern char** environ;

namespace chaipy {

bool init_multiprocessing_module(Value module);

namespace {

TypeObject semlock_type, shared_block_type;

// ---- timeouts ----

// A timeout argument in seconds: None (or absent) is forever (negative result).
bool timeout_argument(Value v, double& seconds) {
  seconds = -1;
  if (!v || v.is_none()) return true;
  if (!number_to_double(v, seconds)) return false;
  if (std::isnan(seconds)) {
    raise(&ValueError_type, "Invalid value NaN (not a number)");
    return false;
  }
  if (seconds < 0) seconds = 0;
  return true;
}

struct timespec monotonic_after(double seconds) {
  struct timespec at;
  clock_gettime(CLOCK_MONOTONIC, &at);
  double whole = std::floor(seconds);
  at.tv_sec += time_t(std::min(whole, 1e12));
  at.tv_nsec += long((seconds - whole) * 1e9);
  if (at.tv_nsec >= 1'000'000'000) {
    at.tv_sec += 1;
    at.tv_nsec -= 1'000'000'000;
  }
  return at;
}

// Milliseconds left until `deadline` for poll(), at least 0.
int milliseconds_until(const struct timespec& deadline) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  double left = double(deadline.tv_sec - now.tv_sec) * 1e3 + double(deadline.tv_nsec - now.tv_nsec) / 1e6;
  if (left <= 0) return 0;
  return left > double(INT_MAX) ? INT_MAX : int(std::ceil(left));
}

// Waits until one of `fds` is readable (or at end of file), releasing the GIL; `timeout`
// negative waits forever. Fills `ready` with the fds that are; false with an error pending
// (KeyboardInterrupt, or OSError).
bool wait_readable(const std::vector<int>& fds, double timeout, std::vector<int>& ready) {
  std::vector<struct pollfd> polled(fds.size());
  for (size_t i = 0; i < fds.size(); ++i) polled[i] = {fds[i], POLLIN, 0};
  struct timespec deadline = timeout >= 0 ? monotonic_after(timeout) : (struct timespec){};
  ThreadState& thread = thread_state();
  for (;;) {
    int count, error;
    {
      ReleaseGil unlocked(thread);
      count = ::poll(polled.data(), polled.size(), timeout < 0 ? -1 : milliseconds_until(deadline));
      error = errno;
    }
    if (count >= 0) break;
    if (error != EINTR) {
      raise_from_errno(error);
      return false;
    }
    if (!check_signals(thread)) return false;
  }
  ready.clear();
  for (const struct pollfd& entry : polled)
    if (entry.revents) ready.push_back(entry.fd);
  return true;
}

bool fd_argument(Value v, int& fd) {
  int64_t number;
  if (!index_to_i64(v, number)) return false;
  if (number < 0 || number > INT_MAX) {
    raise(&ValueError_type, "invalid file descriptor");
    return false;
  }
  fd = int(number);
  return true;
}

// ---- SemLock: a counting semaphore in a memfd mapping, shared by forked and spawned children ----

enum SemLockKind : int64_t { recursive_mutex = 0, semaphore = 1 };

struct SemLockObject : Object {
  sem_t* semaphore;  // in a shared mapping of semaphore_mapping_size bytes
  int fd;            // the memfd behind the mapping (passed to spawned children)
  int64_t kind;
  int64_t maxvalue;
  int64_t count;       // acquisitions by this process's owning thread (recursive depth)
  uint64_t last_tid;   // the thread that last acquired it here
  pid_t owner_pid;     // the process in which count and last_tid mean something
  Value name;          // owned str or None
};

constexpr size_t semaphore_mapping_size = 4096;

// A lock (maxvalue 1) also records, in its mapping after the semaphore, the process holding it:
// a waiter can then tell a lock that will never be released, its holder having died.
std::atomic<int32_t>& lock_holder(sem_t* semaphore) {
  static_assert(sizeof(sem_t) <= 64);
  return *reinterpret_cast<std::atomic<int32_t>*>(reinterpret_cast<char*>(semaphore) + 64);
}

// getpid() is a system call and locks ask for it on every acquire and release: the pid is kept
// here and forgotten in every fork child (pthread_atfork), where it is read again.
std::atomic<pid_t> cached_pid{0};

void forget_pid_in_child() { cached_pid.store(0, std::memory_order_relaxed); }

pid_t current_pid() {
  pid_t pid = cached_pid.load(std::memory_order_relaxed);
  if (pid == 0) {
    pid = getpid();
    cached_pid.store(pid, std::memory_order_relaxed);
  }
  return pid;
}

SemLockObject* semlock_of(Value v) { return v.as<SemLockObject>(); }

bool semlock_is_mine(SemLockObject* lock) {
  return lock->count > 0 && lock->owner_pid == current_pid() && lock->last_tid == current_thread_ident();
}

sem_t* map_semaphore(int fd) {
  void* address = mmap(nullptr, semaphore_mapping_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  return address == MAP_FAILED ? nullptr : static_cast<sem_t*>(address);
}

Ref semlock_wrap(TypeObject* type, int fd, sem_t* semaphore, int64_t kind, int64_t maxvalue, Value name) {
  Object* object = alloc_object(type);
  if (!object) {
    munmap(semaphore, semaphore_mapping_size);
    close(fd);
    return nullptr;
  }
  SemLockObject* lock = static_cast<SemLockObject*>(object);
  lock->semaphore = semaphore;
  lock->fd = fd;
  lock->kind = kind;
  lock->maxvalue = maxvalue;
  lock->owner_pid = current_pid();
  lock->name = name ? name : Value::none();
  incref(lock->name);
  return Ref::steal(Value(object));
}

bool kind_argument(Value v, int64_t& kind) {
  if (!index_to_i64(v, kind)) return false;
  if (kind != recursive_mutex && kind != semaphore) {
    raise(&ValueError_type, "unrecognized kind");
    return false;
  }
  return true;
}

// SemLock(kind, value, maxvalue, name, unlink): name only labels the memfd (there is no named
// semaphore to unlink: the memory goes when the last process holding it lets go).
Ref semlock_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[5];
  if (!bind_args("SemLock", args, nargs, kwnames, {"kind", "value", "maxvalue", "name", "unlink"}, 5, bound)) return nullptr;
  int64_t kind, value, maxvalue;
  if (!kind_argument(bound[0], kind) || !index_to_i64(bound[1], value) || !index_to_i64(bound[2], maxvalue)) return nullptr;
  if (value < 0 || value > SEM_VALUE_MAX) return raise(&ValueError_type, "invalid value");
  if (!bound[3].is_none() && !is_str(bound[3]))
    return raise_format(&TypeError_type, "SemLock() argument 'name' must be str, not %T", bound[3]);
  std::string label = is_str(bound[3]) ? std::string(str_view(bound[3])) : "semlock";
  int fd = memfd_create(label.c_str(), MFD_CLOEXEC);
  if (fd < 0) return raise_from_errno(errno);
  if (ftruncate(fd, semaphore_mapping_size) != 0) {
    int error = errno;
    close(fd);
    return raise_from_errno(error);
  }
  sem_t* sem = map_semaphore(fd);
  if (!sem) {
    int error = errno;
    close(fd);
    return raise_from_errno(error);
  }
  if (sem_init(sem, 1, unsigned(value)) != 0) {
    int error = errno;
    munmap(sem, semaphore_mapping_size);
    close(fd);
    return raise_from_errno(error);
  }
  return semlock_wrap(type, fd, sem, kind, maxvalue, bound[3]);
}

void semlock_dealloc(Object* object) {
  SemLockObject* lock = static_cast<SemLockObject*>(object);
  munmap(lock->semaphore, semaphore_mapping_size);
  close(lock->fd);
  decref(lock->name);
  free_object(object);
}

// SemLock._rebuild(handle, kind, maxvalue, name): in a spawned child, `handle` is the memfd it
// inherited; the object keeps a duplicate of its own.
Ref semlock_rebuild(Value type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("_rebuild", nargs, kwnames, 4, 4)) return nullptr;
  int fd;
  int64_t kind, maxvalue;
  if (!fd_argument(args[0], fd) || !kind_argument(args[1], kind) || !index_to_i64(args[2], maxvalue)) return nullptr;
  int own = fcntl(fd, F_DUPFD_CLOEXEC, 3);
  if (own < 0) return raise_from_errno(errno);
  sem_t* sem = map_semaphore(own);
  if (!sem) {
    int error = errno;
    close(own);
    return raise_from_errno(error);
  }
  return semlock_wrap(type.as<TypeObject>(), own, sem, kind, maxvalue, args[3]);
}

// acquire(block=True, timeout=None) as CPython's: True when acquired.
Ref semlock_acquire(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bind_args("acquire", args, nargs, kwnames, {"block", "timeout"}, 0, bound)) return nullptr;
  SemLockObject* lock = semlock_of(self);
  bool blocking = true;
  if (bound[0]) {
    int truth = object_truth(bound[0]);
    if (truth < 0) return nullptr;
    blocking = truth;
  }
  double timeout = -1;
  if (blocking && !timeout_argument(bound[1], timeout)) return nullptr;
  if (lock->kind == recursive_mutex && semlock_is_mine(lock)) {
    ++lock->count;
    return Ref::boolean(true);
  }
  int result = sem_trywait(lock->semaphore);
  if (result != 0 && errno != EAGAIN) return raise_from_errno(errno);
  if (result != 0 && blocking && timeout != 0) {
    ThreadState& thread = thread_state();
    struct timespec deadline = timeout > 0 ? monotonic_after(timeout) : (struct timespec){};
    for (;;) {
      int error;
      {
        ReleaseGil unlocked(thread);
        result = timeout < 0 ? sem_wait(lock->semaphore) : sem_clockwait(lock->semaphore, CLOCK_MONOTONIC, &deadline);
        error = errno;
      }
      if (result == 0 || error == ETIMEDOUT) break;
      if (error != EINTR) return raise_from_errno(error);
      if (!check_signals(thread)) return nullptr;
    }
  }
  if (result != 0) return Ref::boolean(false);
  if (lock->maxvalue == 1) lock_holder(lock->semaphore).store(current_pid(), std::memory_order_relaxed);
  if (lock->owner_pid != current_pid()) {
    lock->owner_pid = current_pid();
    lock->count = 0;
  }
  ++lock->count;
  lock->last_tid = current_thread_ident();
  return Ref::boolean(true);
}

Ref semlock_release(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("release", nargs, kwnames, 0, 0)) return nullptr;
  SemLockObject* lock = semlock_of(self);
  if (lock->kind == recursive_mutex) {
    if (!semlock_is_mine(lock))
      return raise(&AssertionError_type, "attempt to release recursive lock not owned by thread");
    if (lock->count > 1) {
      --lock->count;
      return Ref::none();
    }
  } else {
    int value = 0;
    sem_getvalue(lock->semaphore, &value);
    if (value >= lock->maxvalue) return raise(&ValueError_type, "semaphore or lock released too many times");
  }
  if (lock->maxvalue == 1) lock_holder(lock->semaphore).store(0, std::memory_order_relaxed);
  if (sem_post(lock->semaphore) != 0) return raise_from_errno(errno);
  if (lock->owner_pid == current_pid() && lock->count > 0) --lock->count;
  return Ref::none();
}

Ref semlock_enter(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__enter__", nargs, kwnames, 0, 0)) return nullptr;
  return semlock_acquire(self, nullptr, 0, Value());
}

Ref semlock_exit(Value self, const Value*, size_t, Value) { return semlock_release(self, nullptr, 0, Value()); }

Ref semlock_count(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("_count", nargs, kwnames, 0, 0)) return nullptr;
  SemLockObject* lock = semlock_of(self);
  return int_from_i64(lock->owner_pid == current_pid() ? lock->count : 0);
}

Ref semlock_is_mine_method(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("_is_mine", nargs, kwnames, 0, 0)) return nullptr;
  return Ref::boolean(semlock_is_mine(semlock_of(self)));
}

Ref semlock_get_value(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("_get_value", nargs, kwnames, 0, 0)) return nullptr;
  int value = 0;
  sem_getvalue(semlock_of(self)->semaphore, &value);
  return int_from_i64(value < 0 ? 0 : value);
}

Ref semlock_is_zero(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("_is_zero", nargs, kwnames, 0, 0)) return nullptr;
  int value = 0;
  sem_getvalue(semlock_of(self)->semaphore, &value);
  return Ref::boolean(value <= 0);
}

// _dead_holder() -> the pid of the process that holds this lock and has exited without
// releasing it (so it never will), or None. Only locks (maxvalue 1) know their holder.
Ref semlock_dead_holder(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("_dead_holder", nargs, kwnames, 0, 0)) return nullptr;
  SemLockObject* lock = semlock_of(self);
  int value = 1;
  sem_getvalue(lock->semaphore, &value);
  pid_t holder = lock->maxvalue == 1 && value <= 0 ? lock_holder(lock->semaphore).load(std::memory_order_relaxed) : 0;
  if (holder <= 0 || holder == current_pid()) return Ref::none();
  // A pidfd is readable once its process has exited (a zombie included); ESRCH: reaped already.
  int pidfd = int(syscall(SYS_pidfd_open, holder, 0));
  bool exited = pidfd < 0 && errno == ESRCH;
  if (pidfd >= 0) {
    struct pollfd polled = {pidfd, POLLIN, 0};
    exited = ::poll(&polled, 1, 0) > 0;
    close(pidfd);
  }
  return exited ? int_from_i64(holder) : Ref::none();
}

Ref semlock_after_fork(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("_after_fork", nargs, kwnames, 0, 0)) return nullptr;
  semlock_of(self)->count = 0;
  return Ref::none();
}

Ref semlock_get_handle(Value self) { return int_from_i64(semlock_of(self)->fd); }
Ref semlock_get_kind(Value self) { return int_from_i64(semlock_of(self)->kind); }
Ref semlock_get_maxvalue(Value self) { return int_from_i64(semlock_of(self)->maxvalue); }
Ref semlock_get_name(Value self) { return Ref::borrow(semlock_of(self)->name); }

const MethodDef semlock_methods[] = {
    {"acquire", semlock_acquire},
    {"release", semlock_release},
    {"__enter__", semlock_enter},
    {"__exit__", semlock_exit},
    {"_count", semlock_count},
    {"_is_mine", semlock_is_mine_method},
    {"_get_value", semlock_get_value},
    {"_is_zero", semlock_is_zero},
    {"_after_fork", semlock_after_fork},
    {"_dead_holder", semlock_dead_holder},
    {"_rebuild", semlock_rebuild, MethodKind::Class},
    {nullptr, nullptr},
};

// ---- SharedBlock: zeroed shared memory (a memfd mapping) with typed element access ----

struct SharedBlockObject : Object {
  char* data;
  int64_t size;
  int fd;
};

SharedBlockObject* block_of(Value v) { return v.as<SharedBlockObject>(); }

Ref block_wrap(TypeObject* type, int fd, int64_t size) {
  size_t mapped = size > 0 ? size_t(size) : 1;
  void* address = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (address == MAP_FAILED) {
    int error = errno;
    close(fd);
    return raise_from_errno(error);
  }
  Object* object = alloc_object(type);
  if (!object) {
    munmap(address, mapped);
    close(fd);
    return nullptr;
  }
  SharedBlockObject* block = static_cast<SharedBlockObject*>(object);
  block->data = static_cast<char*>(address);
  block->size = size;
  block->fd = fd;
  return Ref::steal(Value(object));
}

Ref block_new(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  if (!bind_args("SharedBlock", args, nargs, kwnames, {"size"}, 1, bound)) return nullptr;
  int64_t size;
  if (!index_to_i64(bound[0], size)) return nullptr;
  if (size < 0) return raise(&ValueError_type, "negative size");
  int fd = memfd_create("multiprocessing-block", MFD_CLOEXEC);
  if (fd < 0) return raise_from_errno(errno);
  if (ftruncate(fd, size > 0 ? size : 1) != 0) {
    int error = errno;
    close(fd);
    return raise_from_errno(error);
  }
  return block_wrap(type, fd, size);
}

// SharedBlock._rebuild(fd, size): the block a spawned child inherited as `fd`.
Ref block_rebuild(Value type, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("_rebuild", nargs, kwnames, 2, 2)) return nullptr;
  int fd;
  int64_t size;
  if (!fd_argument(args[0], fd) || !index_to_i64(args[1], size)) return nullptr;
  int own = fcntl(fd, F_DUPFD_CLOEXEC, 3);
  if (own < 0) return raise_from_errno(errno);
  return block_wrap(type.as<TypeObject>(), own, size);
}

void block_dealloc(Object* object) {
  SharedBlockObject* block = static_cast<SharedBlockObject*>(object);
  munmap(block->data, block->size > 0 ? size_t(block->size) : 1);
  close(block->fd);
  free_object(object);
}

// The element types of sharedctypes' typecodes.
size_t item_size(char code) {
  switch (code) {
    case 'c': case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'd': return 8;
    default: return 0;
  }
}

bool typecode_argument(Value v, char& code) {
  if (!is_str(v) || str_view(v).size() != 1 || !item_size(str_view(v)[0])) {
    raise_format(&ValueError_type, "bad typecode %R", v);
    return false;
  }
  code = str_view(v)[0];
  return true;
}

Ref read_item(const char* at, char code) {
  auto load = [at](auto sample) {
    decltype(sample) value;
    memcpy(&value, at, sizeof value);
    return value;
  };
  switch (code) {
    case 'c': return bytes_new(std::string_view(at, 1));
    case 'b': return int_from_i64(load(int8_t()));
    case 'B': return int_from_i64(load(uint8_t()));
    case 'h': return int_from_i64(load(int16_t()));
    case 'H': return int_from_i64(load(uint16_t()));
    case 'i': return int_from_i64(load(int32_t()));
    case 'I': return int_from_i64(load(uint32_t()));
    case 'l': case 'q': return int_from_i64(load(int64_t()));
    case 'L': case 'Q': {
      uint64_t value = load(uint64_t());
      if (value <= uint64_t(INT64_MAX)) return int_from_i64(int64_t(value));
      return int_from_string(std::to_string(value), 10);
    }
    case 'f': return float_new(load(float()));
    default: return float_new(load(double()));
  }
}

// An int's low 64 bits, as ctypes stores integers (no overflow check).
bool integer_bits(Value v, uint64_t& bits) {
  int64_t small;
  if (is_int(v) && int_to_i64(v, small)) {
    bits = uint64_t(small);
    return true;
  }
  if (!is_int(v)) {
    if (!index_to_i64(v, small)) return false;
    bits = uint64_t(small);
    return true;
  }
  Ref mask = int_from_string("ffffffffffffffff", 16);
  Ref two_to_63 = int_from_string("8000000000000000", 16);
  if (!mask || !two_to_63) return false;
  Ref low = binary_op(v, *mask, BinaryOp::And);
  if (!low) return false;
  // low is in [0, 2**64): shift it into int64 range, then back.
  Ref shifted = binary_op(*low, *two_to_63, BinaryOp::Sub);
  if (!shifted || !int_to_i64(*shifted, small)) return false;
  bits = uint64_t(small) + (uint64_t(1) << 63);
  return true;
}

bool write_item(char* at, char code, Value v) {
  if (code == 'f' || code == 'd') {
    double number;
    if (!is_int(v) && !is_float(v) && !type_lookup(type_of(v), str_intern("__float__"))) {
      raise_format(&TypeError_type, "must be real number, not %T", v);
      return false;
    }
    if (!number_to_double(v, number)) return false;
    if (code == 'f') {
      float narrow = float(number);
      memcpy(at, &narrow, sizeof narrow);
    } else {
      memcpy(at, &number, sizeof number);
    }
    return true;
  }
  if (code == 'c') {
    if (is_bytes(v) && bytes_view(v).size() == 1) {
      *at = bytes_view(v)[0];
      return true;
    }
    int64_t byte;
    if (is_int(v) && int_to_i64(v, byte) && byte >= 0 && byte < 256) {
      *at = char(byte);
      return true;
    }
    raise_format(&TypeError_type, "one character bytes, bytearray or integer expected");
    return false;
  }
  uint64_t bits;
  if (!integer_bits(v, bits)) return false;
  size_t size = item_size(code);
  // Little-endian: the low `size` bytes of the 64-bit pattern are the truncated value.
  memcpy(at, &bits, size);
  return true;
}

// Checks that element `index` of type `code` lies in the block; its address or null (IndexError).
char* element_address(SharedBlockObject* block, char code, int64_t index) {
  int64_t size = int64_t(item_size(code));
  if (index < 0 || (index + 1) * size > block->size) {
    raise(&IndexError_type, "invalid index");
    return nullptr;
  }
  return block->data + index * size;
}

// get(typecode, index)
Ref block_get(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("get", nargs, kwnames, 2, 2)) return nullptr;
  char code;
  int64_t index;
  if (!typecode_argument(args[0], code) || !index_to_i64(args[1], index)) return nullptr;
  char* at = element_address(block_of(self), code, index);
  return at ? read_item(at, code) : nullptr;
}

// set(typecode, index, value)
Ref block_set(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("set", nargs, kwnames, 3, 3)) return nullptr;
  char code;
  int64_t index;
  if (!typecode_argument(args[0], code) || !index_to_i64(args[1], index)) return nullptr;
  char* at = element_address(block_of(self), code, index);
  if (!at || !write_item(at, code, args[2])) return nullptr;
  return Ref::none();
}

// get_range(typecode, start, stop, step): the elements of range(start, stop, step) as a list.
Ref block_get_range(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("get_range", nargs, kwnames, 4, 4)) return nullptr;
  char code;
  int64_t start, stop, step;
  if (!typecode_argument(args[0], code) || !index_to_i64(args[1], start) || !index_to_i64(args[2], stop) ||
      !index_to_i64(args[3], step))
    return nullptr;
  if (step == 0) return raise(&ValueError_type, "slice step cannot be zero");
  Ref items = list_new(0);
  if (!items) return nullptr;
  SharedBlockObject* block = block_of(self);
  for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
    char* at = element_address(block, code, i);
    if (!at) return nullptr;
    Ref item = read_item(at, code);
    if (!item || !list_append(*items, *item)) return nullptr;
  }
  return items;
}

// read(offset, length) -> bytes
Ref block_read(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("read", nargs, kwnames, 2, 2)) return nullptr;
  int64_t offset, length;
  if (!index_to_i64(args[0], offset) || !index_to_i64(args[1], length)) return nullptr;
  SharedBlockObject* block = block_of(self);
  if (offset < 0 || length < 0 || offset + length > block->size) return raise(&IndexError_type, "invalid index");
  return bytes_new(std::string_view(block->data + offset, size_t(length)));
}

// write(offset, data)
Ref block_write(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("write", nargs, kwnames, 2, 2)) return nullptr;
  int64_t offset;
  if (!index_to_i64(args[0], offset)) return nullptr;
  if (!is_bytes(args[1])) return raise_format(&TypeError_type, "a bytes-like object is required, not '%T'", args[1]);
  std::string_view data = bytes_view(args[1]);
  SharedBlockObject* block = block_of(self);
  if (offset < 0 || offset + int64_t(data.size()) > block->size) return raise(&IndexError_type, "invalid index");
  memcpy(block->data + offset, data.data(), data.size());
  return Ref::none();
}

Ref block_fileno(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("fileno", nargs, kwnames, 0, 0)) return nullptr;
  return int_from_i64(block_of(self)->fd);
}

Ref block_get_size(Value self) { return int_from_i64(block_of(self)->size); }

const MethodDef block_methods[] = {
    {"get", block_get},
    {"set", block_set},
    {"get_range", block_get_range},
    {"read", block_read},
    {"write", block_write},
    {"fileno", block_fileno},
    {"_rebuild", block_rebuild, MethodKind::Class},
    {nullptr, nullptr},
};

// ---- framed messages over a pipe: a 4-byte big-endian length, then the payload ----

// Writes all of `parts` to fd without the GIL. A closed reader gives EPIPE (BrokenPipeError)
// rather than killing the process: SIGPIPE is blocked in this thread for the write and a
// pending one is taken back.
int write_fully(int fd, struct iovec* parts, int count) {
  sigset_t pipe_signal, previous;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, &previous);
  int error = 0;
  while (count > 0) {
    ssize_t written = ::writev(fd, parts, count);
    if (written < 0) {
      if (errno == EINTR) continue;
      error = errno;
      break;
    }
    size_t left = size_t(written);
    while (count > 0 && left >= parts->iov_len) {
      left -= parts->iov_len;
      ++parts;
      --count;
    }
    if (count > 0) {
      parts->iov_base = static_cast<char*>(parts->iov_base) + left;
      parts->iov_len -= left;
    }
  }
  if (error == EPIPE) {
    struct timespec no_wait = {0, 0};
    sigtimedwait(&pipe_signal, nullptr, &no_wait);
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return error;
}

// send_frame(fd, data): one message (bytes or bytearray).
Ref mp_send_frame(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("send_frame", nargs, kwnames, 2, 2)) return nullptr;
  int fd;
  if (!fd_argument(args[0], fd)) return nullptr;
  std::string copy;
  std::string_view data;
  if (is_bytes(args[1])) {
    data = bytes_view(args[1]);
  } else if (is_subtype(type_of(args[1]), &bytearray_type)) {
    copy = *args[1].as<ByteArrayObject>()->buffer;  // another thread may resize it while we write
    data = copy;
  } else {
    return raise_format(&TypeError_type, "a bytes-like object is required, not '%T'", args[1]);
  }
  unsigned char header[12];
  size_t header_size;
  uint64_t length = data.size();
  if (length > 0x7fffffff) {  // CPython's large-message form: -1, then a 64-bit length
    header[0] = header[1] = header[2] = header[3] = 0xff;
    for (int i = 0; i < 8; ++i) header[4 + i] = uint8_t(length >> (56 - 8 * i));
    header_size = 12;
  } else {
    for (int i = 0; i < 4; ++i) header[i] = uint8_t(length >> (24 - 8 * i));
    header_size = 4;
  }
  struct iovec parts[2] = {{header, header_size}, {const_cast<char*>(data.data()), data.size()}};
  int error;
  {
    ReleaseGil unlocked;
    error = write_fully(fd, parts, data.empty() ? 1 : 2);
  }
  if (error) return raise_from_errno(error);
  return Ref::none();
}

// send_frames(fd, messages): a list of bytes objects written as consecutive frames with as few
// writev calls as possible (Queue's feeder thread sends what has piled up in one go).
Ref mp_send_frames(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("send_frames", nargs, kwnames, 2, 2)) return nullptr;
  int fd;
  if (!fd_argument(args[0], fd)) return nullptr;
  if (!is_subtype(type_of(args[1]), &list_type))
    return raise_format(&TypeError_type, "send_frames() argument 2 must be list, not %T", args[1]);
  // A tuple copy keeps the payloads alive (and unchanged) while the GIL is released.
  Ref messages = tuple_from_array(args[1].as<ListObject>()->items, size_t(list_size(args[1])));
  if (!messages) return nullptr;
  size_t count = tuple_size(*messages);
  for (size_t i = 0; i < count; ++i)
    if (!is_bytes(tuple_item(*messages, i)))
      return raise_format(&TypeError_type, "a bytes object is required, not '%T'", tuple_item(*messages, i));
  std::vector<unsigned char> headers(count * 12);
  std::vector<struct iovec> parts;
  parts.reserve(count * 2);
  for (size_t i = 0; i < count; ++i) {
    std::string_view data = bytes_view(tuple_item(*messages, i));
    unsigned char* header = &headers[i * 12];
    uint64_t length = data.size();
    size_t header_size = 4;
    if (length > 0x7fffffff) {
      header[0] = header[1] = header[2] = header[3] = 0xff;
      for (int k = 0; k < 8; ++k) header[4 + k] = uint8_t(length >> (56 - 8 * k));
      header_size = 12;
    } else {
      for (int k = 0; k < 4; ++k) header[k] = uint8_t(length >> (24 - 8 * k));
    }
    parts.push_back({header, header_size});
    if (!data.empty()) parts.push_back({const_cast<char*>(data.data()), data.size()});
  }
  int error = 0;
  {
    ReleaseGil unlocked;
    for (size_t done = 0; done < parts.size() && !error;) {
      int batch = int(std::min<size_t>(parts.size() - done, IOV_MAX));
      error = write_fully(fd, parts.data() + done, batch);
      done += size_t(batch);
    }
  }
  if (error) return raise_from_errno(error);
  return Ref::none();
}

// Reads exactly `size` bytes. 1 done, 0 end of file before the first byte, -1 error pending.
int read_exactly(int fd, char* into, size_t size, bool at_message_start) {
  size_t have = 0;
  ThreadState& thread = thread_state();
  while (have < size) {
    ssize_t got;
    int error;
    {
      ReleaseGil unlocked(thread);
      got = ::read(fd, into + have, size - have);
      error = errno;
    }
    if (got > 0) {
      have += size_t(got);
      continue;
    }
    if (got == 0) {
      if (have == 0 && at_message_start) return 0;
      raise(&OSError_type, "got end of file during message");
      return -1;
    }
    if (error != EINTR) {
      raise_from_errno(error);
      return -1;
    }
    if (!check_signals(thread)) return -1;
  }
  return 1;
}

// recv_frame(fd, maxlength=None) -> bytes; EOFError when the writer is gone.
Ref mp_recv_frame(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("recv_frame", nargs, kwnames, 1, 2)) return nullptr;
  int fd;
  if (!fd_argument(args[0], fd)) return nullptr;
  int64_t maxlength = -1;
  if (nargs > 1 && !args[1].is_none() && !index_to_i64(args[1], maxlength)) return nullptr;
  unsigned char header[8];
  int status = read_exactly(fd, reinterpret_cast<char*>(header), 4, true);
  if (status == 0) return raise_value(Value(&EOFError_type));
  if (status < 0) return nullptr;
  int64_t length = int32_t(uint32_t(header[0]) << 24 | uint32_t(header[1]) << 16 | uint32_t(header[2]) << 8 | header[3]);
  if (length == -1) {
    if (read_exactly(fd, reinterpret_cast<char*>(header), 8, false) < 0) return nullptr;
    uint64_t wide = 0;
    for (int i = 0; i < 8; ++i) wide = wide << 8 | header[i];
    length = int64_t(wide);
  }
  if (length < 0) return raise(&OSError_type, "bad message length");
  if (maxlength >= 0 && length > maxlength) return raise(&OSError_type, "bad message length");
  std::string payload(size_t(length), '\0');
  if (length > 0 && read_exactly(fd, payload.data(), payload.size(), false) < 0) return nullptr;
  return bytes_new(payload);
}

// Frame bytes still missing from `frame` (a header, then a payload): 0 once it is whole.
size_t frame_bytes_missing(const std::string& frame) {
  if (frame.size() < 4) return 4 - frame.size();
  auto byte = [&](size_t i) { return uint64_t(uint8_t(frame[i])); };
  uint64_t header_size = 4;
  uint64_t length = byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
  if (length == 0xffffffff) {
    header_size = 12;
    if (frame.size() < 12) return 12 - frame.size();
    length = 0;
    for (size_t i = 4; i < 12; ++i) length = length << 8 | byte(i);
    if (length > uint64_t(INT64_MAX) - header_size) return SIZE_MAX;  // refused by the caller
  }
  return size_t(header_size + length - frame.size());
}

// recv_frame_within(fd, timeout, pending) -> bytes, or None when `timeout` (seconds; None:
// forever) passes before a whole message is in. `pending` is a one-item list holding the bytes
// of the message received so far (b"" when none): a message cut short by the timeout or by an
// exception from a signal handler (KeyboardInterrupt) stays there, and the next call goes on
// from it, so the stream never loses its place and no partial message is ever returned.
// EOFError when the writers are gone at a message boundary; OSError (and pending emptied) when
// they are gone in the middle of one.
Ref mp_recv_frame_within(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("recv_frame_within", nargs, kwnames, 3, 3)) return nullptr;
  int fd;
  double timeout;
  if (!fd_argument(args[0], fd) || !timeout_argument(args[1], timeout)) return nullptr;
  Value pending = args[2];
  if (!is_list(pending) || list_size(pending) != 1 || !is_bytes(list_item(pending, 0)))
    return raise(&TypeError_type, "recv_frame_within() argument 3 must be a list holding one bytes object");
  std::string frame(bytes_view(list_item(pending, 0)));
  auto keep_pending = [&](std::string_view data) {
    Ref saved = bytes_new(data);
    if (!saved) return false;
    Value previous = list_item(pending, 0);
    list_set(pending, 0, saved.release());
    decref(previous);
    return true;
  };
  struct timespec deadline = timeout >= 0 ? monotonic_after(timeout) : (struct timespec){};
  ThreadState& thread = thread_state();
  for (size_t missing; (missing = frame_bytes_missing(frame)) > 0;) {
    size_t have = frame.size();
    if (missing > size_t(INT64_MAX) - have) {  // as recv_frame: a length no message can have
      if (!keep_pending("")) return nullptr;
      return raise(&OSError_type, "bad message length");
    }
    try {
      frame.resize(have + missing);
    } catch (const std::bad_alloc&) {
      if (!keep_pending("")) return nullptr;
      return raise_no_memory();
    }
    ssize_t got;
    int error = 0;
    {
      ReleaseGil unlocked(thread);
      struct pollfd polled = {fd, POLLIN, 0};
      int ready = timeout < 0 ? 1 : ::poll(&polled, 1, milliseconds_until(deadline));
      if (ready > 0) {
        got = ::read(fd, frame.data() + have, missing);
        error = errno;
      } else {
        got = -1;
        error = ready == 0 ? ETIMEDOUT : errno;
      }
    }
    frame.resize(have + size_t(got > 0 ? got : 0));
    if (got > 0) continue;
    if (got == 0) {
      if (!keep_pending("")) return nullptr;
      if (frame.empty()) return raise_value(Value(&EOFError_type));
      return raise(&OSError_type, "got end of file during message");
    }
    if (error == ETIMEDOUT) {
      if (!keep_pending(frame)) return nullptr;
      return Ref::none();
    }
    if (error != EINTR) {
      if (!keep_pending("")) return nullptr;
      return raise_from_errno(error);
    }
    if (!check_signals(thread)) {
      // The exception goes up; what arrived so far waits in `pending` for the next call.
      Ref exception = fetch_error();
      if (!keep_pending(frame)) return nullptr;
      restore_error(std::move(exception));
      return nullptr;
    }
  }
  if (!keep_pending("")) return nullptr;
  size_t header_size = frame.compare(0, 4, "\xff\xff\xff\xff") == 0 ? 12 : 4;
  return bytes_new(std::string_view(frame).substr(header_size));
}

// wait_readable(fds, timeout=None) -> the fds (a list, in the given order) that can be read
// without blocking (data or end of file).
Ref mp_wait_readable(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("wait_readable", nargs, kwnames, 1, 2)) return nullptr;
  double timeout;
  if (!timeout_argument(nargs > 1 ? args[1] : Value(), timeout)) return nullptr;
  Ref items = list_from_iterable(args[0]);
  if (!items) return nullptr;
  std::vector<int> fds(size_t(list_size(*items)));
  for (size_t i = 0; i < fds.size(); ++i)
    if (!fd_argument(list_item(*items, int64_t(i)), fds[i])) return nullptr;
  std::vector<int> ready;
  if (!wait_readable(fds, timeout, ready)) return nullptr;
  Ref result = list_new(0);
  if (!result) return nullptr;
  for (int fd : ready) {
    Ref number = int_from_i64(fd);
    if (!number || !list_append(*result, *number)) return nullptr;
  }
  return result;
}

// socketpair() -> (fd, fd): a connected pair of Unix stream sockets (duplex Pipe()), close-on-exec.
Ref mp_socketpair(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("socketpair", nargs, kwnames, 0, 0)) return nullptr;
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return raise_from_errno(errno);
  Ref first = int_from_i64(fds[0]), second = int_from_i64(fds[1]);
  if (!first || !second) return nullptr;
  return tuple_pack({*first, *second});
}

// ---- daemon children end with their parent ----

// The body of a daemon child's watcher thread: waits for the parent's pidfd to become readable
// (the parent has exited, however it ended) and takes the whole process down with SIGKILL.
void* kill_self_when_readable(void* pidfd_argument) {
  struct pollfd polled = {int(intptr_t(pidfd_argument)), POLLIN, 0};
  while (::poll(&polled, 1, -1) < 0 && errno == EINTR) {
  }
  kill(getpid(), SIGKILL);
  return nullptr;
}

// die_with_parent(parent_pid): this process is killed (SIGKILL) as soon as its parent exits,
// even when the parent was killed and ran no clean-up of its own; at once if it already has.
// A thread outside the interpreter (no Python state, every signal blocked) waits on a pidfd.
// PR_SET_PDEATHSIG needs no thread but fires when the *thread* that forked the child ends,
// not its process: Pool starts replacement workers from a helper thread.
Ref mp_die_with_parent(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("die_with_parent", nargs, kwnames, 1, 1)) return nullptr;
  int64_t parent;
  if (!index_to_i64(args[0], parent)) return nullptr;
  if (parent <= 0 || parent > INT_MAX) return raise(&ValueError_type, "invalid parent pid");
  int pidfd = int(syscall(SYS_pidfd_open, pid_t(parent), 0));  // close-on-exec
  if (pidfd < 0 && errno != ESRCH) return raise_from_errno(errno);
  // Checked after the pidfd is open: a parent that is still ours now was alive when it was
  // opened, so the pidfd is its own (had it exited, we would have been handed to a reaper).
  if (pidfd < 0 || getppid() != pid_t(parent)) kill(getpid(), SIGKILL);
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize(&attributes, std::max<size_t>(PTHREAD_STACK_MIN, 64 * 1024));
  sigset_t all_signals, previous;
  sigfillset(&all_signals);
  pthread_sigmask(SIG_SETMASK, &all_signals, &previous);  // the new thread inherits the mask
  pthread_t watcher;
  int error = pthread_create(&watcher, &attributes, kill_self_when_readable, reinterpret_cast<void*>(intptr_t(pidfd)));
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  pthread_attr_destroy(&attributes);
  if (error) {
    close(pidfd);
    return raise_from_errno(error);
  }
  return Ref::none();
}

// ---- spawning ----

// spawnv_passfds(path, args, passfds) -> pid: runs `path` with `args` and the current
// environment; the fds in passfds stay open in the child (all others are close-on-exec).
Ref mp_spawnv_passfds(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("spawnv_passfds", nargs, kwnames, 3, 3)) return nullptr;
  if (!is_str(args[0])) return raise_format(&TypeError_type, "spawnv_passfds() argument 1 must be str, not %T", args[0]);
  std::string path(str_view(args[0]));
  Ref arguments = list_from_iterable(args[1]);
  Ref passed = arguments ? list_from_iterable(args[2]) : nullptr;
  if (!passed) return nullptr;
  std::vector<std::string> words;
  for (int64_t i = 0; i < list_size(*arguments); ++i) {
    Value word = list_item(*arguments, i);
    if (!is_str(word)) return raise_format(&TypeError_type, "expected str, not %T", word);
    words.emplace_back(str_view(word));
  }
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  std::vector<int> kept;
  for (int64_t i = 0; i < list_size(*passed); ++i) {
    int fd;
    if (!fd_argument(list_item(*passed, i), fd)) return nullptr;
    kept.push_back(fd);
  }
  std::sort(kept.begin(), kept.end());
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // dup2 onto itself clears close-on-exec (POSIX 2024, glibc 2.29).
  for (int fd : kept) posix_spawn_file_actions_adddup2(&actions, fd, fd);
  // Every other descriptor beyond stdio is closed, inherited ones without close-on-exec too,
  // as CPython's spawnv_passfds (close_fds) does: the child holds nothing it was not given.
  // (A close action on a descriptor that is not open is not an error.)
  int highest = kept.empty() ? 2 : std::max(kept.back(), 2);
  for (int fd = 3; fd < highest; ++fd)
    if (!std::binary_search(kept.begin(), kept.end(), fd)) posix_spawn_file_actions_addclose(&actions, fd);
  posix_spawn_file_actions_addclosefrom_np(&actions, highest + 1);
  pid_t pid;
  int error = posix_spawn(&pid, path.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error) return raise_from_errno(error, args[0]);
  return int_from_i64(pid);
}

void init_types() {
  init_static_type(&semlock_type, "SemLock", &object_type, sizeof(SemLockObject), type_flag_base_type);
  semlock_type.module = "_multiprocessing";
  semlock_type.new_ = semlock_new;
  semlock_type.dealloc = semlock_dealloc;
  finish_static_type(&semlock_type);
  add_methods(&semlock_type, semlock_methods);
  add_property(&semlock_type, "handle", semlock_get_handle);
  add_property(&semlock_type, "kind", semlock_get_kind);
  add_property(&semlock_type, "maxvalue", semlock_get_maxvalue);
  add_property(&semlock_type, "name", semlock_get_name);
  add_class_attribute(&semlock_type, "SEM_VALUE_MAX", Value::small_int(SEM_VALUE_MAX));

  init_static_type(&shared_block_type, "SharedBlock", &object_type, sizeof(SharedBlockObject), 0);
  shared_block_type.module = "_multiprocessing";
  shared_block_type.new_ = block_new;
  shared_block_type.dealloc = block_dealloc;
  finish_static_type(&shared_block_type);
  add_methods(&shared_block_type, block_methods);
  add_property(&shared_block_type, "size", block_get_size);
}

}  // namespace

bool init_multiprocessing_module(Value module) {
  static std::once_flag types_ready;
  std::call_once(types_ready, [] {
    init_types();
    pthread_atfork(nullptr, nullptr, forget_pid_in_child);
  });
  static const struct {
    const char* name;
    NativeFunction fn;
  } functions[] = {
      {"send_frame", mp_send_frame},
      {"send_frames", mp_send_frames},
      {"recv_frame", mp_recv_frame},
      {"recv_frame_within", mp_recv_frame_within},
      {"wait_readable", mp_wait_readable},
      {"spawnv_passfds", mp_spawnv_passfds},
      {"die_with_parent", mp_die_with_parent},
      {"socketpair", mp_socketpair},
  };
  for (const auto& function : functions)
    if (!module_add_function(module, function.name, function.fn)) return false;
  return module_add_object(module, "SemLock", Value(&semlock_type)) &&
         module_add_object(module, "SharedBlock", Value(&shared_block_type)) &&
         module_add_int(module, "RECURSIVE_MUTEX", recursive_mutex) && module_add_int(module, "SEMAPHORE", semaphore) &&
         module_add_int(module, "SEM_VALUE_MAX", SEM_VALUE_MAX);
}

}  // namespace chaipy
