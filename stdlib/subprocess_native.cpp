// The _subprocess module: fork_exec, the fork-and-exec under subprocess.Popen (CPython's _posixsubprocess), reporting exec failures through a close-on-exec pipe.
//
// Everything the child needs (argv, envp, descriptors) is prepared before fork(): between
// fork() and exec() the child of a threaded process may only make async-signal-safe calls.
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <string>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/errors.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"

namespace chaipy {

bool init_subprocess_native_module(Value module);

namespace {

// NUL-terminated strings and the null-terminated pointer array exec wants.
struct CStringArray {
  std::vector<std::string> strings;
  std::vector<char*> pointers;
  void seal() {
    pointers.clear();
    for (std::string& text : strings) pointers.push_back(text.data());
    pointers.push_back(nullptr);
  }
};

bool text_of(Value v, std::string& out, const char* what) {
  if (is_str(v)) out = str_view(v);
  else if (is_bytes(v)) out = bytes_view(v);
  else return raise_format(&TypeError_type, "expected str, bytes or os.PathLike object, not %s", type_name(v)), false;
  if (out.find('\0') != std::string::npos)
    return raise_format(&ValueError_type, "embedded null byte in %s", what), false;
  return true;
}

bool strings_of(Value sequence, CStringArray& out, const char* what) {
  Ref items = list_from_iterable(sequence);
  if (!items) return false;
  for (int64_t i = 0; i < list_size(*items); ++i) {
    std::string text;
    if (!text_of(list_item(*items, i), text, what)) return false;
    out.strings.push_back(std::move(text));
  }
  out.seal();
  return true;
}

bool fd_of(Value v, int& out) {
  int64_t fd;
  if (!index_to_i64(v, fd)) return false;
  if (fd < -1 || fd > INT_MAX) return raise(&ValueError_type, "bad file descriptor"), false;
  out = static_cast<int>(fd);
  return true;
}

// ---- the child, between fork and exec: async-signal-safe calls only ----

void write_all_in_child(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data += n;
    size -= static_cast<size_t>(n);
  }
}

// "OSError:<errno in hex>:<where>", read by subprocess.py's _execute_child.
[[noreturn]] void report_and_exit(int errpipe, int error, const char* where) {
  char message[64] = "OSError:";
  size_t length = 8;
  char digits[16];
  int count = 0;
  unsigned value = static_cast<unsigned>(error);
  do {
    digits[count++] = "0123456789abcdef"[value % 16];
    value /= 16;
  } while (value);
  while (count) message[length++] = digits[--count];
  message[length++] = ':';
  for (const char* c = where; *c && length < sizeof message - 1; ++c) message[length++] = *c;
  write_all_in_child(errpipe, message, length);
  _exit(255);
}

bool make_inheritable(int fd) {
  int flags = fcntl(fd, F_GETFD);
  return flags >= 0 && fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) >= 0;
}

// Puts `fd` at `target` (0, 1 or 2), inheritable; -1 leaves the target as it is.
bool install_std_fd(int fd, int target) {
  if (fd < 0) return true;
  if (fd == target) return make_inheritable(fd);
  return dup2(fd, target) >= 0;
}

void close_range_in_child(int low, int high) {  // [low, high)
  if (low >= high) return;
#ifdef SYS_close_range
  if (syscall(SYS_close_range, static_cast<unsigned>(low), static_cast<unsigned>(high - 1), 0) == 0) return;
#endif
  for (int fd = low; fd < high; ++fd) ::close(fd);
}

struct ChildPlan {
  CStringArray argv, executables, envp;
  std::vector<int> pass_fds;
  std::vector<int> keep_open;  // pass_fds and the error pipe, sorted
  std::string cwd;
  bool has_cwd = false, close_fds = true, start_new_session = false;
  int std_fds[3] = {-1, -1, -1};
  int errpipe = -1;
  int fd_limit = 0;
};

[[noreturn]] void run_child(ChildPlan& plan) {
  // Signal state as a fresh process expects it: nothing blocked, SIGPIPE and SIGXFSZ back to
  // their defaults (our handlers are reset by exec itself).
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  ::signal(SIGPIPE, SIG_DFL);
  ::signal(SIGXFSZ, SIG_DFL);
  // A descriptor about to be overwritten by an earlier dup2 is moved out of the way first.
  int* fds = plan.std_fds;
  for (int target = 1; target < 3; ++target)
    while (fds[target] >= 0 && fds[target] < target) {
      fds[target] = fcntl(fds[target], F_DUPFD_CLOEXEC, 3);
      if (fds[target] < 0) report_and_exit(plan.errpipe, errno, "noexec");
    }
  for (int target = 0; target < 3; ++target)
    if (!install_std_fd(fds[target], target)) report_and_exit(plan.errpipe, errno, "noexec");
  if (plan.has_cwd && chdir(plan.cwd.c_str()) < 0) report_and_exit(plan.errpipe, errno, "noexec:chdir");
  if (plan.start_new_session && setsid() < 0) report_and_exit(plan.errpipe, errno, "noexec");
  if (plan.close_fds) {
    // Everything from 3 up but the descriptors to keep (the passed ones and the error pipe,
    // which closes itself on exec); `keep` was sorted before fork.
    int low = 3;
    for (int keep : plan.keep_open) {
      if (keep < low) continue;
      close_range_in_child(low, keep);
      low = keep + 1;
    }
    close_range_in_child(low, plan.fd_limit);
  }
  for (int keep : plan.pass_fds)
    if (!make_inheritable(keep)) report_and_exit(plan.errpipe, errno, "noexec");
  int saved_errno = 0;
  for (char* executable : plan.executables.pointers) {
    if (!executable) break;
    execve(executable, plan.argv.pointers.data(), plan.envp.pointers.data());
    if (errno != ENOENT && errno != ENOTDIR && saved_errno == 0) saved_errno = errno;
  }
  report_and_exit(plan.errpipe, saved_errno ? saved_errno : errno, "");
}

// fork_exec(args, executable_list, close_fds, pass_fds, cwd, env, stdin, stdout, stderr,
//           errpipe_write, start_new_session) -> pid
// env is a sequence of "NAME=value" strings; cwd may be None; std fds are -1 to inherit.
Ref fork_exec(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("fork_exec", nargs, kwnames, 11, 11)) return nullptr;
  ChildPlan plan;
  if (!strings_of(args[0], plan.argv, "argument") || !strings_of(args[1], plan.executables, "executable") ||
      !strings_of(args[5], plan.envp, "environment"))
    return nullptr;
  if (plan.argv.strings.empty()) return raise(&ValueError_type, "args must not be empty");
  int close_fds = object_truth(args[2]);
  int new_session = object_truth(args[10]);
  if (close_fds < 0 || new_session < 0) return nullptr;
  plan.close_fds = close_fds;
  plan.start_new_session = new_session;
  Ref pass = list_from_iterable(args[3]);
  if (!pass) return nullptr;
  for (int64_t i = 0; i < list_size(*pass); ++i) {
    int fd;
    if (!fd_of(list_item(*pass, i), fd)) return nullptr;
    if (fd < 0) return raise(&ValueError_type, "bad value(s) in fds_to_keep");
    plan.pass_fds.push_back(fd);
  }
  if (!args[4].is_none()) {
    if (!text_of(args[4], plan.cwd, "path")) return nullptr;
    plan.has_cwd = true;
  }
  for (int i = 0; i < 3; ++i)
    if (!fd_of(args[6 + i], plan.std_fds[i])) return nullptr;
  if (!fd_of(args[9], plan.errpipe)) return nullptr;
  plan.keep_open = plan.pass_fds;
  plan.keep_open.push_back(plan.errpipe);
  std::sort(plan.keep_open.begin(), plan.keep_open.end());
  struct rlimit limit;
  plan.fd_limit = getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY
                      ? static_cast<int>(std::min<rlim_t>(limit.rlim_cur, INT_MAX))
                      : static_cast<int>(sysconf(_SC_OPEN_MAX));
  pid_t pid = fork();
  if (pid < 0) return raise_from_errno(errno);
  if (pid == 0) run_child(plan);
  return int_from_i64(pid);
}

}  // namespace

bool init_subprocess_native_module(Value module) { return module_add_function(module, "fork_exec", fork_exec); }

}  // namespace chaipy
