// The os and os.path modules: process and environment queries, fork/wait/kill/exec, file descriptor calls, the file system calls (listdir, mkdir, stat, ...) and posixpath's path algebra.
#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unordered_map>
#include <climits>
#include <cstring>
#include <dirent.h>
#include <mutex>
#include <pwd.h>
#include <string>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <unistd.h>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/errors.hpp"
#include "runtime/gil.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "runtime/unicode.hpp"
#include "stdlib/io.hpp"
#include "stdlib/struct_sequence.hpp"
#include "stdlib/sys.hpp"

extern char** environ;

namespace chaipy {

bool init_os_module(Value module);
bool init_os_path_module(Value module);

// ---- paths as arguments and results ----

// A path argument: its bytes, and whether it came as bytes (results then are bytes too).
struct PathArgument {
  std::string text;
  bool is_bytes = false;
  Ref object;  // what the caller passed (for error messages: the filename)
};

// os.fspath(): str and bytes as they are, else __fspath__. A TypeError names `function_name`
// ("stat: path should be ...") or, when it is null, is fspath's own message.
static bool fspath_of(Value v, Ref& out, const char* function_name, bool allow_fd) {
  if (is_str(v) || is_bytes(v)) {
    out = Ref::borrow(v);
    return true;
  }
  if (type_lookup(type_of(v), str_intern("__fspath__"))) {
    Ref result = call_method(v, "__fspath__", nullptr, 0);
    if (!result) return false;
    if (!is_str(*result) && !is_bytes(*result)) {
      raise_format(&TypeError_type, "expected %s.__fspath__() to return str or bytes, not %s", type_name(v),
                   type_name(*result));
      return false;
    }
    out = std::move(result);
    return true;
  }
  if (!function_name)
    raise_format(&TypeError_type, "expected str, bytes or os.PathLike object, not %s", type_name(v));
  else
    raise_format(&TypeError_type, "%s: path should be %s, not %s", function_name,
                 allow_fd ? "string, bytes, os.PathLike or integer" : "string, bytes or os.PathLike", type_name(v));
  return false;
}

static bool path_argument(Value v, PathArgument& out, const char* function_name, bool allow_fd = false) {
  Ref path;
  if (!fspath_of(v, path, function_name, allow_fd)) return false;
  out.is_bytes = is_bytes(*path);
  out.text = out.is_bytes ? bytes_view(*path) : str_view(*path);
  out.object = Ref::borrow(v);
  if (out.text.find('\0') != std::string::npos) {
    raise_format(&ValueError_type, "%s: embedded null character in path", function_name ? function_name : "fspath");
    return false;
  }
  return true;
}

// Text from the operating system as a str: UTF-8, undecodable bytes kept as surrogate escapes.
static Ref os_string(std::string_view raw) {
  Utf8Error error;
  if (utf8_check(raw, error)) return str_new(raw);
  std::string text;
  for (size_t pos = 0; pos < raw.size();) {
    if (!utf8_check(raw.substr(pos), error)) {
      text.append(raw.substr(pos, error.start));
      for (size_t i = pos + error.start; i < pos + error.end; ++i) utf8_append(text, 0xDC00 + static_cast<unsigned char>(raw[i]));
      pos += error.end;
    } else {
      text.append(raw.substr(pos));
      break;
    }
  }
  return str_new(text);
}

static Ref path_result(std::string_view text, bool as_bytes) { return as_bytes ? bytes_new(text) : os_string(text); }

static Ref errno_error(const PathArgument& path) { return raise_from_errno(errno, *path.object); }

// ---- process and environment ----

static Ref os_getpid(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("getpid", nargs, kwnames, 0, 0)) return nullptr;
  return int_from_i64(getpid());
}

static Ref os_getppid(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("getppid", nargs, kwnames, 0, 0)) return nullptr;
  return int_from_i64(getppid());
}

static Ref os_getuid(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("getuid", nargs, kwnames, 0, 0)) return nullptr;
  return int_from_i64(getuid());
}

static Ref os_getgid(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("getgid", nargs, kwnames, 0, 0)) return nullptr;
  return int_from_i64(getgid());
}

static bool current_directory(std::string& out) {
  std::string buffer(256, '\0');
  while (!getcwd(buffer.data(), buffer.size())) {
    if (errno != ERANGE) {
      raise_from_errno(errno);
      return false;
    }
    buffer.resize(buffer.size() * 2);
  }
  out.assign(buffer.c_str());
  return true;
}

static Ref os_getcwd(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("getcwd", nargs, kwnames, 0, 0)) return nullptr;
  std::string directory;
  if (!current_directory(directory)) return nullptr;
  return os_string(directory);
}

static Ref os_getcwdb(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("getcwdb", nargs, kwnames, 0, 0)) return nullptr;
  std::string directory;
  if (!current_directory(directory)) return nullptr;
  return bytes_new(directory);
}

static Ref os_chdir(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  PathArgument path;
  if (!bind_args("chdir", args, nargs, kwnames, {"path"}, 1, bound) || !path_argument(bound[0], path, "chdir"))
    return nullptr;
  if (chdir(path.text.c_str()) < 0) return errno_error(path);
  return Ref::none();
}

static Ref os_getenv(Value module, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bind_args("getenv", args, nargs, kwnames, {"key", "default"}, 1, bound)) return nullptr;
  if (!is_str(bound[0])) return raise_format(&TypeError_type, "str expected, not %s", type_name(bound[0]));
  Value environ_dict = dict_get_str(module_dict(module), "environ");
  Value value = environ_dict && is_dict(environ_dict) ? dict_get(environ_dict, bound[0]) : Value();
  if (value) return Ref::borrow(value);
  if (error_pending()) return nullptr;
  return bound[1] ? Ref::borrow(bound[1]) : Ref::none();
}

static Ref environment_snapshot() {
  Ref result = dict_new();
  if (!result) return nullptr;
  for (char** entry = environ; entry && *entry; ++entry) {
    std::string_view text = *entry;
    size_t equals = text.find('=', 1);
    if (equals == std::string_view::npos) continue;
    Ref key = os_string(text.substr(0, equals));
    Ref value = os_string(text.substr(equals + 1));
    if (!key || !value || dict_set(*result, *key, *value) < 0) return nullptr;
  }
  return result;
}

static Ref os_cpu_count(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("cpu_count", nargs, kwnames, 0, 0)) return nullptr;
  long count = sysconf(_SC_NPROCESSORS_ONLN);
  return count > 0 ? int_from_i64(count) : Ref::none();
}

static Ref os_urandom(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("urandom", nargs, kwnames, 1, 1)) return nullptr;
  int64_t size;
  if (!index_to_i64(args[0], size)) return nullptr;
  if (size < 0) return raise(&ValueError_type, "negative argument not allowed");
  std::string data(static_cast<size_t>(size), '\0');
  for (size_t filled = 0; filled < data.size();) {
    ssize_t n = getrandom(data.data() + filled, data.size() - filled, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return raise_from_errno(errno);
    }
    filled += static_cast<size_t>(n);
  }
  return bytes_new(data);
}

static Ref os_strerror(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("strerror", nargs, kwnames, 1, 1)) return nullptr;
  int64_t code;
  if (!index_to_i64(args[0], code)) return nullptr;
  return str_new(strerror(static_cast<int>(code)));
}

static Ref os_fspath(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  if (!bind_args("fspath", args, nargs, kwnames, {"path"}, 1, bound)) return nullptr;
  Ref result;
  if (!fspath_of(bound[0], result, nullptr, false)) return nullptr;
  return result;
}

// ---- the file system ----

static Ref os_listdir(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  if (!bind_args("listdir", args, nargs, kwnames, {"path"}, 0, bound)) return nullptr;
  PathArgument path;
  if (bound[0] && !bound[0].is_none()) {
    if (!path_argument(bound[0], path, "listdir")) return nullptr;
  } else {
    path.text = ".";
    path.object = str_new(".");
  }
  DIR* directory = opendir(path.text.c_str());
  if (!directory) return errno_error(path);
  Ref names = list_new(0);
  for (;;) {
    errno = 0;
    struct dirent* entry = readdir(directory);
    if (!entry) break;
    std::string_view name = entry->d_name;
    if (name == "." || name == "..") continue;
    Ref item = path_result(name, path.is_bytes);
    if (!item || !names || !list_append(*names, *item)) {
      closedir(directory);
      return nullptr;
    }
  }
  int read_error = errno;
  closedir(directory);
  if (read_error) {
    errno = read_error;
    return errno_error(path);
  }
  return names;
}

static bool mode_argument(Value v, mode_t& out) {
  if (!v) return true;
  int64_t mode;
  if (!index_to_i64(v, mode)) return false;
  out = static_cast<mode_t>(mode);
  return true;
}

static Ref os_mkdir(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[3];
  PathArgument path;
  mode_t mode = 0777;
  if (!bind_args("mkdir", args, nargs, kwnames, {"path", "mode", "dir_fd"}, 1, bound) ||
      !path_argument(bound[0], path, "mkdir") || !mode_argument(bound[1], mode))
    return nullptr;
  if (mkdir(path.text.c_str(), mode) < 0) return errno_error(path);
  return Ref::none();
}

static bool is_directory(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

// os.makedirs: creates the missing parents first; an existing leaf is an error unless exist_ok
// and it is a directory.
static Ref os_makedirs(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[3];
  PathArgument path;
  mode_t mode = 0777;
  if (!bind_args("makedirs", args, nargs, kwnames, {"name", "mode", "exist_ok"}, 1, bound) ||
      !path_argument(bound[0], path, "makedirs") || !mode_argument(bound[1], mode))
    return nullptr;
  int exist_ok = bound[2] ? object_truth(bound[2]) : 0;
  if (exist_ok < 0) return nullptr;
  std::string& full = path.text;
  for (size_t slash = full.find('/', 1); slash != std::string::npos; slash = full.find('/', slash + 1)) {
    std::string parent = full.substr(0, slash);
    if (parent.empty() || parent.back() == '/' || is_directory(parent)) continue;
    if (mkdir(parent.c_str(), 0777) < 0 && errno != EEXIST) {
      Ref parent_name = path_result(parent, path.is_bytes);
      return parent_name ? raise_from_errno(errno, *parent_name) : nullptr;
    }
  }
  if (mkdir(full.c_str(), mode) < 0) {
    if (!(errno == EEXIST && exist_ok && is_directory(full))) return errno_error(path);
  }
  return Ref::none();
}

// remove/unlink/rmdir: one path, one syscall.
static Ref path_call(const char* name, const Value* args, size_t nargs, Value kwnames, int (*syscall)(const char*)) {
  Value bound[2];
  PathArgument path;
  if (!bind_args(name, args, nargs, kwnames, {"path", "dir_fd"}, 1, bound) || !path_argument(bound[0], path, name))
    return nullptr;
  if (syscall(path.text.c_str()) < 0) return errno_error(path);
  return Ref::none();
}

static Ref os_remove(Value, const Value* args, size_t nargs, Value kwnames) {
  return path_call("remove", args, nargs, kwnames, unlink);
}
static Ref os_unlink(Value, const Value* args, size_t nargs, Value kwnames) {
  return path_call("unlink", args, nargs, kwnames, unlink);
}
static Ref os_rmdir(Value, const Value* args, size_t nargs, Value kwnames) {
  return path_call("rmdir", args, nargs, kwnames, rmdir);
}

static Ref rename_call(const char* name, const Value* args, size_t nargs, Value kwnames) {
  Value bound[4];
  PathArgument source, target;
  if (!bind_args(name, args, nargs, kwnames, {"src", "dst", "src_dir_fd", "dst_dir_fd"}, 2, bound) ||
      !path_argument(bound[0], source, name) || !path_argument(bound[1], target, name))
    return nullptr;
  if (rename(source.text.c_str(), target.text.c_str()) == 0) return Ref::none();
  // OSError(errno, strerror, filename, winerror, filename2), as CPython reports both paths.
  Ref code = int_from_i64(errno);
  Ref message = str_new(strerror(errno));
  if (!code || !message) return nullptr;
  Value error_args[] = {*code, *message, *source.object, Value::none(), *target.object};
  Ref exception = call(Value(&OSError_type), error_args, 5);
  if (!exception) return nullptr;
  return raise_value(*exception);
}

static Ref os_rename(Value, const Value* args, size_t nargs, Value kwnames) {
  return rename_call("rename", args, nargs, kwnames);
}
static Ref os_replace(Value, const Value* args, size_t nargs, Value kwnames) {
  return rename_call("replace", args, nargs, kwnames);
}

static Ref os_access(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  PathArgument path;
  if (!bind_args("access", args, nargs, kwnames, {"path", "mode"}, 2, bound) || !path_argument(bound[0], path, "access"))
    return nullptr;
  int64_t mode;
  if (!index_to_i64(bound[1], mode)) return nullptr;
  return Ref::boolean(access(path.text.c_str(), static_cast<int>(mode)) == 0);
}

// ---- stat ----

static TypeObject stat_result_type;
static const char* const stat_fields[] = {
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", nullptr, nullptr, nullptr,
    "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns", "st_blksize", "st_blocks",
    "st_rdev"};

static TypeObject times_result_type;
static const char* const times_fields[] = {"user", "system", "children_user", "children_system", "elapsed"};

static void init_os_types() {
  static std::once_flag once;
  std::call_once(once, [] {
    init_struct_sequence_type(&stat_result_type, "os", "stat_result", stat_fields,
                              sizeof stat_fields / sizeof stat_fields[0], 10);
    init_struct_sequence_type(&times_result_type, "posix", "times_result", times_fields,
                              sizeof times_fields / sizeof times_fields[0], 5);
  });
}

// os.times(): CPU times of the process and its waited-for children, and the elapsed real time
// from a fixed point, all in seconds (times(2) ticks, as CPython on Linux).
static Ref os_times(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("posix.times", nargs, kwnames, 0, 0)) return nullptr;
  struct tms usage;
  clock_t elapsed = times(&usage);
  if (elapsed == static_cast<clock_t>(-1)) return raise_from_errno(errno);
  init_os_types();
  Ref result = struct_sequence_new(&times_result_type);
  if (!result) return nullptr;
  const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
  const clock_t values[] = {usage.tms_utime, usage.tms_stime, usage.tms_cutime, usage.tms_cstime, elapsed};
  size_t index = 0;
  for (clock_t value : values) {
    Ref seconds = float_new(static_cast<double>(value) / ticks);
    if (!seconds) return nullptr;
    struct_sequence_set(*result, index++, seconds.release());
  }
  return result;
}

static Ref stat_result_from(const struct stat& info) {
  init_os_types();
  Ref result = struct_sequence_new(&stat_result_type);
  if (!result) return nullptr;
  const struct timespec* times[] = {&info.st_atim, &info.st_mtim, &info.st_ctim};
  const int64_t integers[] = {info.st_mode, static_cast<int64_t>(info.st_ino), static_cast<int64_t>(info.st_dev),
                              static_cast<int64_t>(info.st_nlink), info.st_uid, info.st_gid, info.st_size};
  size_t index = 0;
  for (int64_t value : integers) struct_sequence_set(*result, index++, int_from_i64(value).release());
  for (const timespec* t : times) struct_sequence_set(*result, index++, int_from_i64(t->tv_sec).release());
  for (const timespec* t : times)
    struct_sequence_set(*result, index++, float_new(static_cast<double>(t->tv_sec) + t->tv_nsec * 1e-9).release());
  for (const timespec* t : times) {
    BigInt nanoseconds = BigInt(static_cast<int64_t>(t->tv_sec)) * BigInt(1000000000) + BigInt(t->tv_nsec);
    struct_sequence_set(*result, index++, int_from_bigint(std::move(nanoseconds)).release());
  }
  for (int64_t value : {static_cast<int64_t>(info.st_blksize), static_cast<int64_t>(info.st_blocks),
                        static_cast<int64_t>(info.st_rdev)})
    struct_sequence_set(*result, index++, int_from_i64(value).release());
  return result;
}

static Ref stat_call(const char* name, const Value* args, size_t nargs, Value kwnames, bool follow_default) {
  Value bound[3];
  if (!bind_args(name, args, nargs, kwnames, {"path", "dir_fd", "follow_symlinks"}, 1, bound)) return nullptr;
  int follow = follow_default;
  if (bound[2] && (follow = object_truth(bound[2])) < 0) return nullptr;
  struct stat info;
  if (is_int(bound[0]) && follow_default) {
    int64_t fd;
    if (!index_to_i64(bound[0], fd)) return nullptr;
    if (fstat(static_cast<int>(fd), &info) < 0) return raise_from_errno(errno);
    return stat_result_from(info);
  }
  PathArgument path;
  if (!path_argument(bound[0], path, name, follow_default)) return nullptr;
  if ((follow ? stat(path.text.c_str(), &info) : lstat(path.text.c_str(), &info)) < 0) return errno_error(path);
  return stat_result_from(info);
}

static Ref os_stat(Value, const Value* args, size_t nargs, Value kwnames) {
  return stat_call("stat", args, nargs, kwnames, true);
}
static Ref os_lstat(Value, const Value* args, size_t nargs, Value kwnames) {
  return stat_call("lstat", args, nargs, kwnames, false);
}

// ---- os.path (posixpath) ----

// The path arguments of a posixpath function, all str or all bytes. After the first, a wrong
// type is reported as posixpath's _check_arg_types does, naming `function_name`.
static bool path_arguments(const Value* args, size_t nargs, std::vector<std::string>& out, bool& as_bytes,
                           const char* function_name = nullptr) {
  out.resize(nargs);
  for (size_t i = 0; i < nargs; ++i) {
    Ref path;
    if (i > 0 && function_name && !is_str(args[i]) && !is_bytes(args[i]) &&
        !type_lookup(type_of(args[i]), str_intern("__fspath__"))) {
      raise_format(&TypeError_type, "%s() argument must be str, bytes, or os.PathLike object, not '%s'", function_name,
                   type_name(args[i]));
      return false;
    }
    if (!fspath_of(args[i], path, nullptr, false)) return false;
    bool bytes = is_bytes(*path);
    if (i == 0) as_bytes = bytes;
    else if (bytes != as_bytes) {
      raise(&TypeError_type, "Can't mix strings and bytes in path components");
      return false;
    }
    out[i] = bytes ? bytes_view(*path) : str_view(*path);
  }
  return true;
}

static bool one_path(const char* name, const Value* args, size_t nargs, Value kwnames, std::string& path, bool& as_bytes) {
  if (!check_positional(name, nargs, kwnames, 1, 1)) return false;
  std::vector<std::string> paths;
  if (!path_arguments(args, 1, paths, as_bytes)) return false;
  path = std::move(paths[0]);
  return true;
}

static std::string join_paths(const std::vector<std::string>& parts) {
  std::string path = parts.empty() ? std::string() : parts[0];
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    if (!part.empty() && part[0] == '/') path = part;
    else if (path.empty() || path.back() == '/') path += part;
    else path += "/" + part;
  }
  return path;
}

// posixpath.split: (head without trailing slashes unless it is all slashes, tail).
static void split_path(const std::string& path, std::string& head, std::string& tail) {
  size_t cut = path.rfind('/') + 1;  // npos + 1 == 0
  head = path.substr(0, cut);
  tail = path.substr(cut);
  if (!head.empty() && head.find_first_not_of('/') != std::string::npos) {
    while (!head.empty() && head.back() == '/') head.pop_back();
  }
}

static std::string normalize_path(const std::string& path) {
  if (path.empty()) return ".";
  int initial_slashes = path[0] == '/' ? 1 : 0;
  if (initial_slashes && path.compare(0, 2, "//") == 0 && path.compare(0, 3, "///") != 0) initial_slashes = 2;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    start = end + 1;
    if (part.empty() || part == ".") continue;
    if (part != ".." || (!initial_slashes && parts.empty()) || (!parts.empty() && parts.back() == ".."))
      parts.push_back(part);
    else if (!parts.empty())
      parts.pop_back();
  }
  std::string result(initial_slashes, '/');
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) result += '/';
    result += parts[i];
  }
  return result.empty() ? "." : result;
}

static bool absolute_path(const std::string& path, std::string& out) {
  if (!path.empty() && path[0] == '/') {
    out = normalize_path(path);
    return true;
  }
  std::string directory;
  if (!current_directory(directory)) return false;
  out = normalize_path(join_paths({directory, path}));
  return true;
}

static Ref path_join(Value, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeError_type, "join() takes no keyword arguments");
  if (nargs == 0) return raise(&TypeError_type, "join() missing 1 required positional argument: 'a'");
  std::vector<std::string> parts;
  bool as_bytes = false;
  if (!path_arguments(args, nargs, parts, as_bytes, "join")) return nullptr;
  return path_result(join_paths(parts), as_bytes);
}

static Ref path_split(Value, const Value* args, size_t nargs, Value kwnames) {
  std::string path, head, tail;
  bool as_bytes;
  if (!one_path("split", args, nargs, kwnames, path, as_bytes)) return nullptr;
  split_path(path, head, tail);
  Ref first = path_result(head, as_bytes), second = path_result(tail, as_bytes);
  if (!first || !second) return nullptr;
  return tuple_pack({*first, *second});
}

static Ref path_basename(Value, const Value* args, size_t nargs, Value kwnames) {
  std::string path;
  bool as_bytes;
  if (!one_path("basename", args, nargs, kwnames, path, as_bytes)) return nullptr;
  return path_result(path.substr(path.rfind('/') + 1), as_bytes);
}

static Ref path_dirname(Value, const Value* args, size_t nargs, Value kwnames) {
  std::string path, head, tail;
  bool as_bytes;
  if (!one_path("dirname", args, nargs, kwnames, path, as_bytes)) return nullptr;
  split_path(path, head, tail);
  return path_result(head, as_bytes);
}

static Ref path_splitext(Value, const Value* args, size_t nargs, Value kwnames) {
  std::string path;
  bool as_bytes;
  if (!one_path("splitext", args, nargs, kwnames, path, as_bytes)) return nullptr;
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  size_t cut = path.size();
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    // A leading run of dots (".bashrc", "..") is part of the name, not an extension.
    size_t name_start = slash == std::string::npos ? 0 : slash + 1;
    if (path.find_first_not_of('.', name_start) < dot) cut = dot;
  }
  Ref root = path_result(path.substr(0, cut), as_bytes), extension = path_result(path.substr(cut), as_bytes);
  if (!root || !extension) return nullptr;
  return tuple_pack({*root, *extension});
}

static Ref path_splitdrive(Value, const Value* args, size_t nargs, Value kwnames) {
  std::string path;
  bool as_bytes;
  if (!one_path("splitdrive", args, nargs, kwnames, path, as_bytes)) return nullptr;
  Ref drive = path_result("", as_bytes), rest = path_result(path, as_bytes);
  if (!drive || !rest) return nullptr;
  return tuple_pack({*drive, *rest});
}

static Ref path_isabs(Value, const Value* args, size_t nargs, Value kwnames) {
  std::string path;
  bool as_bytes;
  if (!one_path("isabs", args, nargs, kwnames, path, as_bytes)) return nullptr;
  return Ref::boolean(!path.empty() && path[0] == '/');
}

static Ref path_normpath(Value, const Value* args, size_t nargs, Value kwnames) {
  std::string path;
  bool as_bytes;
  if (!one_path("normpath", args, nargs, kwnames, path, as_bytes)) return nullptr;
  return path_result(normalize_path(path), as_bytes);
}

static Ref path_abspath(Value, const Value* args, size_t nargs, Value kwnames) {
  std::string path, absolute;
  bool as_bytes;
  if (!one_path("abspath", args, nargs, kwnames, path, as_bytes) || !absolute_path(path, absolute)) return nullptr;
  return path_result(absolute, as_bytes);
}

static Ref path_realpath(Value, const Value* args, size_t nargs, Value kwnames) {
  std::string path, absolute;
  bool as_bytes;
  if (!one_path("realpath", args, nargs, kwnames, path, as_bytes) || !absolute_path(path, absolute)) return nullptr;
  char resolved[PATH_MAX];
  if (realpath(absolute.c_str(), resolved)) return path_result(resolved, as_bytes);
  return path_result(absolute, as_bytes);
}

static Ref path_relpath(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("relpath", nargs, kwnames, 1, 2)) return nullptr;
  std::vector<std::string> paths;
  bool as_bytes = false;
  if (!path_arguments(args, nargs, paths, as_bytes)) return nullptr;
  if (paths[0].empty()) return raise(&ValueError_type, "no path specified");
  std::string target, start;
  if (!absolute_path(paths[0], target) || !absolute_path(nargs == 2 ? paths[1] : ".", start)) return nullptr;
  auto components = [](const std::string& path) {
    std::vector<std::string> parts;
    size_t begin = 0;
    while (begin < path.size()) {
      size_t end = path.find('/', begin);
      if (end == std::string::npos) end = path.size();
      if (end > begin) parts.push_back(path.substr(begin, end - begin));
      begin = end + 1;
    }
    return parts;
  };
  std::vector<std::string> target_parts = components(target), start_parts = components(start);
  size_t common = 0;
  while (common < target_parts.size() && common < start_parts.size() && target_parts[common] == start_parts[common])
    ++common;
  std::vector<std::string> relative(start_parts.size() - common, "..");
  relative.insert(relative.end(), target_parts.begin() + common, target_parts.end());
  if (relative.empty()) return path_result(".", as_bytes);
  return path_result(join_paths(relative), as_bytes);
}

static Ref path_expanduser(Value, const Value* args, size_t nargs, Value kwnames) {
  std::string path;
  bool as_bytes;
  if (!one_path("expanduser", args, nargs, kwnames, path, as_bytes)) return nullptr;
  if (path.empty() || path[0] != '~') return Ref::borrow(args[0]);
  size_t end = path.find('/', 1);
  if (end == std::string::npos) end = path.size();
  std::string home;
  if (end == 1) {
    const char* variable = getenv("HOME");
    if (variable) {
      home = variable;
    } else {
      struct passwd* entry = getpwuid(getuid());
      if (!entry) return Ref::borrow(args[0]);
      home = entry->pw_dir;
    }
  } else {
    struct passwd* entry = getpwnam(path.substr(1, end - 1).c_str());
    if (!entry) return Ref::borrow(args[0]);
    home = entry->pw_dir;
  }
  while (!home.empty() && home.back() == '/') home.pop_back();
  std::string result = home + path.substr(end);
  return path_result(result.empty() ? "/" : result, as_bytes);
}

// posixpath.commonprefix: the longest common leading part of the min and max items (strings
// or, as in CPython, any sequences such as lists of path components).
static Ref path_commonprefix(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("commonprefix", nargs, kwnames, 1, 1)) return nullptr;
  Ref items = list_from_iterable(args[0]);
  if (!items) return nullptr;
  int64_t count = list_size(*items);
  if (count == 0) return str_new("");
  if (!is_list(list_item(*items, 0)) && !is_tuple(list_item(*items, 0))) {
    for (int64_t i = 0; i < count; ++i) {
      Ref path;
      if (!fspath_of(list_item(*items, i), path, nullptr, false)) return nullptr;
      Value old = list_item(*items, i);
      list_set(*items, i, path.release());
      decref(old);
    }
  }
  Value smallest = list_item(*items, 0), largest = smallest;
  for (int64_t i = 1; i < count; ++i) {
    Value item = list_item(*items, i);
    int less = object_less(item, smallest);
    if (less < 0) return nullptr;
    if (less) smallest = item;
    int greater = object_less(largest, item);
    if (greater < 0) return nullptr;
    if (greater) largest = item;
  }
  int64_t length = object_length(smallest);
  if (length < 0) return nullptr;
  int64_t common = 0;
  for (; common < length; ++common) {
    Ref index = int_from_i64(common);
    Ref a = get_item(smallest, *index), b = get_item(largest, *index);
    if (!a || !b) return nullptr;
    int equal = object_equal(*a, *b);
    if (equal < 0) return nullptr;
    if (!equal) break;
  }
  Ref stop = int_from_i64(common);
  Ref slice = slice_new(Value::none(), *stop, Value::none());
  return slice ? get_item(smallest, *slice) : nullptr;
}

// exists/isfile/isdir/islink: false for any path that cannot be stat'ed (or is not a path).
static Ref path_test(const char* name, const Value* args, size_t nargs, Value kwnames, bool follow,
                     bool (*test)(mode_t)) {
  if (!check_positional(name, nargs, kwnames, 1, 1)) return nullptr;
  if (is_int(args[0])) {
    struct stat info;
    int64_t fd;
    return Ref::boolean(int_to_i64(args[0], fd) && fstat(static_cast<int>(fd), &info) == 0 && test(info.st_mode));
  }
  Ref fspath;
  if (!fspath_of(args[0], fspath, "stat", true)) return nullptr;
  std::string path(is_bytes(*fspath) ? bytes_view(*fspath) : str_view(*fspath));
  if (path.find('\0') != std::string::npos) return Ref::boolean(false);
  struct stat info;
  int status = follow ? stat(path.c_str(), &info) : lstat(path.c_str(), &info);
  return Ref::boolean(status == 0 && test(info.st_mode));
}

static Ref path_exists(Value, const Value* args, size_t nargs, Value kwnames) {
  return path_test("exists", args, nargs, kwnames, true, [](mode_t) { return true; });
}
static Ref path_lexists(Value, const Value* args, size_t nargs, Value kwnames) {
  return path_test("lexists", args, nargs, kwnames, false, [](mode_t) { return true; });
}
static Ref path_isfile(Value, const Value* args, size_t nargs, Value kwnames) {
  return path_test("isfile", args, nargs, kwnames, true, [](mode_t mode) { return S_ISREG(mode) != 0; });
}
static Ref path_isdir(Value, const Value* args, size_t nargs, Value kwnames) {
  return path_test("isdir", args, nargs, kwnames, true, [](mode_t mode) { return S_ISDIR(mode) != 0; });
}
static Ref path_islink(Value, const Value* args, size_t nargs, Value kwnames) {
  return path_test("islink", args, nargs, kwnames, false, [](mode_t mode) { return S_ISLNK(mode) != 0; });
}

// getsize/getmtime/...: one field of os.stat(path).
static Ref stat_field(const char* name, const Value* args, size_t nargs, Value kwnames, const char* field) {
  if (!check_positional(name, nargs, kwnames, 1, 1)) return nullptr;
  Ref result = stat_call("stat", args, 1, Value(), true);
  if (!result) return nullptr;
  return get_attr(*result, field);
}

static Ref path_getsize(Value, const Value* args, size_t nargs, Value kwnames) {
  return stat_field("getsize", args, nargs, kwnames, "st_size");
}
static Ref path_getmtime(Value, const Value* args, size_t nargs, Value kwnames) {
  return stat_field("getmtime", args, nargs, kwnames, "st_mtime");
}
static Ref path_getatime(Value, const Value* args, size_t nargs, Value kwnames) {
  return stat_field("getatime", args, nargs, kwnames, "st_atime");
}
static Ref path_getctime(Value, const Value* args, size_t nargs, Value kwnames) {
  return stat_field("getctime", args, nargs, kwnames, "st_ctime");
}

// ---- processes: fork, wait, kill, exec ----

// What fork() runs around the fork, per interpreter (os.register_at_fork).
struct ForkHooks {
  Ref before, after_in_child, after_in_parent;  // lists of callables
};

static std::mutex fork_hooks_mutex;
static std::unordered_map<Interpreter*, ForkHooks> fork_hooks_table;

static ForkHooks& fork_hooks(Interpreter& interp) {
  std::lock_guard<std::mutex> guard(fork_hooks_mutex);
  return fork_hooks_table[&interp];
}

static void run_fork_hooks(const Ref& hooks, bool newest_first) {
  if (!hooks) return;
  // A copy: a hook may register more hooks.
  Ref snapshot = list_from_iterable(*hooks);
  if (!snapshot) {
    clear_error();
    return;
  }
  int64_t count = list_size(*snapshot);
  for (int64_t i = 0; i < count; ++i) {
    Value hook = list_item(*snapshot, newest_first ? count - 1 - i : i);
    if (!call0(hook)) write_unraisable("Exception ignored in", hook);  // the other hooks still run
  }
}

static Ref os_register_at_fork(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[3];
  if (nargs > 0) return raise(&TypeError_type, "register_at_fork() takes no positional arguments");
  if (!bind_args("register_at_fork", args, nargs, kwnames, {"before", "after_in_child", "after_in_parent"}, 0, bound))
    return nullptr;
  if (!bound[0] && !bound[1] && !bound[2]) return raise(&TypeError_type, "At least one argument is required.");
  const char* names[] = {"before", "after_in_child", "after_in_parent"};
  for (int i = 0; i < 3; ++i)
    if (bound[i] && type_of(bound[i])->call == nullptr)
      return raise_format(&TypeError_type, "'%s' must be callable, not %s", names[i], type_name(bound[i]));
  ForkHooks& hooks = fork_hooks(current_interpreter());
  Ref* lists[] = {&hooks.before, &hooks.after_in_child, &hooks.after_in_parent};
  for (int i = 0; i < 3; ++i) {
    if (!bound[i]) continue;
    if (!*lists[i] && !(*lists[i] = list_new(0))) return nullptr;
    if (!list_append(**lists[i], bound[i])) return nullptr;
  }
  return Ref::none();
}

static Ref os_fork(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("fork", nargs, kwnames, 0, 0)) return nullptr;
  Interpreter& interp = current_interpreter();
  ForkHooks& hooks = fork_hooks(interp);
  run_fork_hooks(hooks.before, true);
  // Buffered output would otherwise be written by both processes.
  flush_std_streams();
  pid_t pid = fork();
  if (pid < 0) return raise_from_errno(errno);
  if (pid == 0) {
    // Only this thread exists now: every lock another thread held is reset.
    gil_after_fork_child(interp);
    io_after_fork_child();
    new (&fork_hooks_mutex) std::mutex();
    run_fork_hooks(hooks.after_in_child, false);
  } else {
    run_fork_hooks(hooks.after_in_parent, false);
  }
  return int_from_i64(pid);
}

// A pid_t, int or similar argument.
static bool int_argument(Value v, int& out) {
  int64_t value;
  if (!index_to_i64(v, value)) return false;
  if (value < INT_MIN || value > INT_MAX) {
    raise(&OverflowError_type, value < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
    return false;
  }
  out = static_cast<int>(value);
  return true;
}

static bool int_arguments(const char* name, const Value* args, size_t nargs, Value kwnames,
                          std::initializer_list<const char*> names, size_t required, int* out) {
  Value bound[4];
  if (!bind_args(name, args, nargs, kwnames, names, required, bound)) return false;
  for (size_t i = 0; i < names.size(); ++i)
    if (bound[i] && !int_argument(bound[i], out[i])) return false;
  return true;
}

static Ref os_kill(Value, const Value* args, size_t nargs, Value kwnames) {
  int values[2];
  if (!check_positional("kill", nargs, kwnames, 2, 2) ||
      !int_arguments("kill", args, nargs, kwnames, {"pid", "signal"}, 2, values))
    return nullptr;
  if (kill(values[0], values[1]) < 0) return raise_from_errno(errno);
  // A signal sent to ourselves is handled before kill() returns, as in CPython.
  if (!check_signals(thread_state())) return nullptr;
  return Ref::none();
}

static Ref os_killpg(Value, const Value* args, size_t nargs, Value kwnames) {
  int values[2];
  if (!check_positional("killpg", nargs, kwnames, 2, 2) ||
      !int_arguments("killpg", args, nargs, kwnames, {"pgid", "signal"}, 2, values))
    return nullptr;
  if (killpg(values[0], values[1]) < 0) return raise_from_errno(errno);
  if (!check_signals(thread_state())) return nullptr;
  return Ref::none();
}

// waitpid/wait: the GIL is released while waiting; an interrupted wait runs the signal
// handlers and goes on (PEP 475) unless one of them raised.
static pid_t wait_releasing_gil(pid_t pid, int& status, int options) {
  ThreadState& thread = thread_state();
  for (;;) {
    pid_t result;
    {
      ReleaseGil unlocked(thread);
      result = waitpid(pid, &status, options);
    }
    if (result >= 0 || errno != EINTR) {
      if (result < 0) raise_from_errno(errno);
      return result;
    }
    if (!check_signals(thread)) return -1;
  }
}

static Ref os_waitpid(Value, const Value* args, size_t nargs, Value kwnames) {
  int values[2];
  if (!check_positional("waitpid", nargs, kwnames, 2, 2) ||
      !int_arguments("waitpid", args, nargs, kwnames, {"pid", "options"}, 2, values))
    return nullptr;
  int status = 0;
  pid_t pid = wait_releasing_gil(values[0], status, values[1]);
  if (pid < 0) return nullptr;
  Ref first = int_from_i64(pid), second = int_from_i64(status);
  if (!first || !second) return nullptr;
  return tuple_pack({*first, *second});
}

static Ref os_wait(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("wait", nargs, kwnames, 0, 0)) return nullptr;
  int status = 0;
  pid_t pid = wait_releasing_gil(-1, status, 0);
  if (pid < 0) return nullptr;
  Ref first = int_from_i64(pid), second = int_from_i64(status);
  if (!first || !second) return nullptr;
  return tuple_pack({*first, *second});
}

static bool status_argument(const char* name, const Value* args, size_t nargs, Value kwnames, int& status) {
  Value bound[1];
  return bind_args(name, args, nargs, kwnames, {"status"}, 1, bound) && int_argument(bound[0], status);
}

#define CHAIPY_WAIT_STATUS_FUNCTION(NAME, EXPRESSION, RESULT)                                 \
  static Ref os_##NAME(Value, const Value* args, size_t nargs, Value kwnames) {              \
    int status;                                                                               \
    if (!status_argument(#NAME, args, nargs, kwnames, status)) return nullptr;                \
    return RESULT(EXPRESSION(status));                                                        \
  }
CHAIPY_WAIT_STATUS_FUNCTION(WIFEXITED, WIFEXITED, Ref::boolean)
CHAIPY_WAIT_STATUS_FUNCTION(WEXITSTATUS, WEXITSTATUS, int_from_i64)
CHAIPY_WAIT_STATUS_FUNCTION(WIFSIGNALED, WIFSIGNALED, Ref::boolean)
CHAIPY_WAIT_STATUS_FUNCTION(WTERMSIG, WTERMSIG, int_from_i64)
CHAIPY_WAIT_STATUS_FUNCTION(WIFSTOPPED, WIFSTOPPED, Ref::boolean)
CHAIPY_WAIT_STATUS_FUNCTION(WSTOPSIG, WSTOPSIG, int_from_i64)
CHAIPY_WAIT_STATUS_FUNCTION(WIFCONTINUED, WIFCONTINUED, Ref::boolean)
CHAIPY_WAIT_STATUS_FUNCTION(WCOREDUMP, WCOREDUMP, Ref::boolean)
#undef CHAIPY_WAIT_STATUS_FUNCTION

static Ref os_waitstatus_to_exitcode(Value, const Value* args, size_t nargs, Value kwnames) {
  int status;
  if (!status_argument("waitstatus_to_exitcode", args, nargs, kwnames, status)) return nullptr;
  if (WIFEXITED(status)) return int_from_i64(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return int_from_i64(-WTERMSIG(status));
  if (WIFSTOPPED(status))
    return raise_format(&ValueError_type, "process stopped by delivery of signal %d", WSTOPSIG(status));
  return raise_format(&ValueError_type, "invalid wait status: %d", status);
}

static Ref os__exit(Value, const Value* args, size_t nargs, Value kwnames) {
  int status;
  Value bound[1];
  if (!bind_args("_exit", args, nargs, kwnames, {"status"}, 1, bound) || !int_argument(bound[0], status)) return nullptr;
  _exit(status);
}

// abort(): the process ends by SIGABRT at once (no clean-up, no flushing), as CPython's.
static Ref os_abort(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("abort", nargs, kwnames, 0, 0)) return nullptr;
  abort();
}

static Ref os_setsid(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("setsid", nargs, kwnames, 0, 0)) return nullptr;
  if (setsid() < 0) return raise_from_errno(errno);
  return Ref::none();
}

static Ref os_getpgrp(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("getpgrp", nargs, kwnames, 0, 0)) return nullptr;
  return int_from_i64(getpgrp());
}

static Ref os_getpgid(Value, const Value* args, size_t nargs, Value kwnames) {
  int pid;
  if (!check_positional("getpgid", nargs, kwnames, 1, 1) || !int_argument(args[0], pid)) return nullptr;
  pid_t group = getpgid(pid);
  if (group < 0) return raise_from_errno(errno);
  return int_from_i64(group);
}

static Ref os_getsid(Value, const Value* args, size_t nargs, Value kwnames) {
  int pid;
  if (!check_positional("getsid", nargs, kwnames, 1, 1) || !int_argument(args[0], pid)) return nullptr;
  pid_t session = getsid(pid);
  if (session < 0) return raise_from_errno(errno);
  return int_from_i64(session);
}

static Ref os_setpgid(Value, const Value* args, size_t nargs, Value kwnames) {
  int values[2];
  if (!check_positional("setpgid", nargs, kwnames, 2, 2) ||
      !int_arguments("setpgid", args, nargs, kwnames, {"pid", "pgrp"}, 2, values))
    return nullptr;
  if (setpgid(values[0], values[1]) < 0) return raise_from_errno(errno);
  return Ref::none();
}

static Ref os_umask(Value, const Value* args, size_t nargs, Value kwnames) {
  int mask;
  if (!check_positional("umask", nargs, kwnames, 1, 1) || !int_argument(args[0], mask)) return nullptr;
  return int_from_i64(umask(static_cast<mode_t>(mask)));
}

static Ref os_sched_getaffinity(Value, const Value* args, size_t nargs, Value kwnames) {
  int pid;
  if (!check_positional("sched_getaffinity", nargs, kwnames, 1, 1) || !int_argument(args[0], pid)) return nullptr;
  cpu_set_t cpus;
  CPU_ZERO(&cpus);
  if (sched_getaffinity(pid, sizeof cpus, &cpus) < 0) return raise_from_errno(errno);
  Ref result = set_new();
  if (!result) return nullptr;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (!CPU_ISSET(cpu, &cpus)) continue;
    Ref number = int_from_i64(cpu);
    if (!number || set_add(*result, *number) < 0) return nullptr;
  }
  return result;
}

// The strings of an argv or env list, as exec wants them (NUL-terminated, null at the end).
struct CStrings {
  std::vector<std::string> storage;
  std::vector<char*> pointers;
  char** get() {
    pointers.clear();
    for (std::string& text : storage) pointers.push_back(text.data());
    pointers.push_back(nullptr);
    return pointers.data();
  }
};

static bool exec_argv(const char* name, Value argv, CStrings& out) {
  if (!is_list(argv) && !is_tuple(argv))
    return raise_format(&TypeError_type, "%s() arg 2 must be a tuple or list", name), false;
  Ref items = list_from_iterable(argv);
  if (!items) return false;
  if (list_size(*items) == 0) return raise_format(&ValueError_type, "%s() arg 2 must not be empty", name), false;
  for (int64_t i = 0; i < list_size(*items); ++i) {
    PathArgument argument;
    if (!path_argument(list_item(*items, i), argument, name)) return false;
    out.storage.push_back(std::move(argument.text));
  }
  if (out.storage[0].empty()) return raise_format(&ValueError_type, "%s() arg 2 first element cannot be empty", name), false;
  return true;
}

static bool exec_environment(Value env, CStrings& out) {
  Ref keys = call_method(env, "keys", nullptr, 0);
  Ref key_list = keys ? list_from_iterable(*keys) : Ref();
  if (!key_list) return false;
  for (int64_t i = 0; i < list_size(*key_list); ++i) {
    Value key = list_item(*key_list, i);
    Ref value = get_item(env, key);
    if (!value) return false;
    PathArgument key_text, value_text;
    if (!path_argument(key, key_text, "execve") || !path_argument(*value, value_text, "execve")) return false;
    if (key_text.text.empty() || key_text.text.find('=') != std::string::npos)
      return raise(&ValueError_type, "illegal environment variable name"), false;
    out.storage.push_back(key_text.text + "=" + value_text.text);
  }
  return true;
}

// execv/execve/execvp/execvpe: the process image is replaced; returns only with OSError.
static Ref exec_call(const char* name, const Value* args, size_t nargs, Value kwnames, bool with_env, bool search) {
  Value bound[3];
  if (!bind_args(name, args, nargs, kwnames, {search ? "file" : "path", "argv", "env"}, with_env ? 3 : 2, bound))
    return nullptr;
  PathArgument path;
  CStrings argv, env;
  if (!path_argument(bound[0], path, name) || !exec_argv(name, bound[1], argv)) return nullptr;
  if (with_env && !exec_environment(bound[2], env)) return nullptr;
  flush_std_streams();
  if (search) execvpe(path.text.c_str(), argv.get(), with_env ? env.get() : environ);
  else if (with_env) execve(path.text.c_str(), argv.get(), env.get());
  else execv(path.text.c_str(), argv.get());
  return raise_from_errno(errno);
}

static Ref os_execv(Value, const Value* args, size_t nargs, Value kwnames) {
  return exec_call("execv", args, nargs, kwnames, false, false);
}
static Ref os_execve(Value, const Value* args, size_t nargs, Value kwnames) {
  return exec_call("execve", args, nargs, kwnames, true, false);
}
static Ref os_execvp(Value, const Value* args, size_t nargs, Value kwnames) {
  return exec_call("execvp", args, nargs, kwnames, false, true);
}
static Ref os_execvpe(Value, const Value* args, size_t nargs, Value kwnames) {
  return exec_call("execvpe", args, nargs, kwnames, true, true);
}

static Ref os_putenv(Value, const Value* args, size_t nargs, Value kwnames) {
  PathArgument key, value;
  if (!check_positional("putenv", nargs, kwnames, 2, 2) || !path_argument(args[0], key, "putenv") ||
      !path_argument(args[1], value, "putenv"))
    return nullptr;
  if (key.text.empty() || key.text.find('=') != std::string::npos)
    return raise(&ValueError_type, "illegal environment variable name");
  if (setenv(key.text.c_str(), value.text.c_str(), 1) < 0) return raise_from_errno(errno);
  return Ref::none();
}

static Ref os_unsetenv(Value, const Value* args, size_t nargs, Value kwnames) {
  PathArgument key;
  if (!check_positional("unsetenv", nargs, kwnames, 1, 1) || !path_argument(args[0], key, "unsetenv")) return nullptr;
  if (key.text.empty() || key.text.find('=') != std::string::npos)
    return raise(&ValueError_type, "illegal environment variable name");
  if (unsetenv(key.text.c_str()) < 0) return raise_from_errno(errno);
  return Ref::none();
}

// ---- file descriptors ----

static bool fd_argument(Value v, int& fd) { return int_argument(v, fd); }

static Ref os_pipe(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("pipe", nargs, kwnames, 0, 0)) return nullptr;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) < 0) return raise_from_errno(errno);
  Ref read_end = int_from_i64(fds[0]), write_end = int_from_i64(fds[1]);
  if (!read_end || !write_end) return nullptr;
  return tuple_pack({*read_end, *write_end});
}

static Ref os_pipe2(Value, const Value* args, size_t nargs, Value kwnames) {
  int flags;
  if (!check_positional("pipe2", nargs, kwnames, 1, 1) || !int_argument(args[0], flags)) return nullptr;
  int fds[2];
  if (pipe2(fds, flags) < 0) return raise_from_errno(errno);
  Ref read_end = int_from_i64(fds[0]), write_end = int_from_i64(fds[1]);
  if (!read_end || !write_end) return nullptr;
  return tuple_pack({*read_end, *write_end});
}

static Ref os_read(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd;
  int64_t length;
  if (!check_positional("read", nargs, kwnames, 2, 2) || !fd_argument(args[0], fd) || !index_to_i64(args[1], length))
    return nullptr;
  if (length < 0) return raise_from_errno(EINVAL);
  std::string data(static_cast<size_t>(length), '\0');
  ThreadState& thread = thread_state();
  for (;;) {
    ssize_t n;
    {
      ReleaseGil unlocked(thread);
      n = ::read(fd, data.data(), data.size());
    }
    if (n >= 0) {
      data.resize(static_cast<size_t>(n));
      return bytes_new(data);
    }
    if (errno != EINTR) return raise_from_errno(errno);
    if (!check_signals(thread)) return nullptr;
  }
}

// The bytes of a bytes-like argument (bytes, bytearray).
static bool bytes_like(Value v, std::string_view& out) {
  if (is_bytes(v)) {
    out = bytes_view(v);
    return true;
  }
  if (v.is_object() && is_subtype(type_of(v), &bytearray_type)) {
    out = *v.as<ByteArrayObject>()->buffer;
    return true;
  }
  raise_format(&TypeError_type, "a bytes-like object is required, not '%s'", type_name(v));
  return false;
}

static Ref os_write(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd;
  std::string_view data;
  if (!check_positional("write", nargs, kwnames, 2, 2) || !fd_argument(args[0], fd) || !bytes_like(args[1], data))
    return nullptr;
  // A copy: another thread may change a bytearray while the GIL is released.
  std::string copy(data);
  ThreadState& thread = thread_state();
  for (;;) {
    ssize_t n;
    {
      ReleaseGil unlocked(thread);
      n = ::write(fd, copy.data(), copy.size());
    }
    if (n >= 0) return int_from_i64(n);
    if (errno != EINTR) return raise_from_errno(errno);
    if (!check_signals(thread)) return nullptr;
  }
}

static Ref os_close(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  int fd;
  if (!bind_args("close", args, nargs, kwnames, {"fd"}, 1, bound) || !fd_argument(bound[0], fd)) return nullptr;
  // Linux closes the descriptor even when close() reports EINTR: never retry.
  if (::close(fd) < 0 && errno != EINTR) return raise_from_errno(errno);
  return Ref::none();
}

static Ref os_closerange(Value, const Value* args, size_t nargs, Value kwnames) {
  int low, high;
  if (!check_positional("closerange", nargs, kwnames, 2, 2) || !fd_argument(args[0], low) ||
      !fd_argument(args[1], high))
    return nullptr;
  for (int fd = std::max(low, 0); fd < high; ++fd) ::close(fd);
  return Ref::none();
}

static Ref os_dup(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd;
  if (!check_positional("dup", nargs, kwnames, 1, 1) || !fd_argument(args[0], fd)) return nullptr;
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (copy < 0) return raise_from_errno(errno);
  return int_from_i64(copy);
}

static Ref os_dup2(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[3];
  int fd, fd2;
  if (!bind_args("dup2", args, nargs, kwnames, {"fd", "fd2", "inheritable"}, 2, bound) || !fd_argument(bound[0], fd) ||
      !fd_argument(bound[1], fd2))
    return nullptr;
  int inheritable = bound[2] ? object_truth(bound[2]) : 1;
  if (inheritable < 0) return nullptr;
  int result = inheritable || fd == fd2 ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
  if (result < 0) return raise_from_errno(errno);
  return int_from_i64(result);
}

static Ref os_open(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[4];
  PathArgument path;
  int flags, mode = 0777;
  if (!bind_args("open", args, nargs, kwnames, {"path", "flags", "mode", "dir_fd"}, 2, bound) ||
      !path_argument(bound[0], path, "open") || !int_argument(bound[1], flags) ||
      (bound[2] && !int_argument(bound[2], mode)))
    return nullptr;
  ThreadState& thread = thread_state();
  for (;;) {
    int fd;
    {
      ReleaseGil unlocked(thread);
      fd = ::open(path.text.c_str(), flags | O_CLOEXEC, mode);
    }
    if (fd >= 0) return int_from_i64(fd);
    if (errno != EINTR) return errno_error(path);
    if (!check_signals(thread)) return nullptr;
  }
}

static Ref os_lseek(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd, how;
  int64_t position;
  if (!check_positional("lseek", nargs, kwnames, 3, 3) || !fd_argument(args[0], fd) ||
      !index_to_i64(args[1], position) || !int_argument(args[2], how))
    return nullptr;
  off_t result = lseek(fd, position, how);
  if (result < 0) return raise_from_errno(errno);
  return int_from_i64(result);
}

static Ref os_fstat(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  int fd;
  if (!bind_args("fstat", args, nargs, kwnames, {"fd"}, 1, bound) || !fd_argument(bound[0], fd)) return nullptr;
  struct stat info;
  if (fstat(fd, &info) < 0) return raise_from_errno(errno);
  return stat_result_from(info);
}

static Ref os_isatty(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd;
  if (!check_positional("isatty", nargs, kwnames, 1, 1) || !fd_argument(args[0], fd)) return nullptr;
  return Ref::boolean(isatty(fd) == 1);
}

static Ref os_get_inheritable(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd;
  if (!check_positional("get_inheritable", nargs, kwnames, 1, 1) || !fd_argument(args[0], fd)) return nullptr;
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0) return raise_from_errno(errno);
  return Ref::boolean(!(flags & FD_CLOEXEC));
}

static Ref os_set_inheritable(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd;
  if (!check_positional("set_inheritable", nargs, kwnames, 2, 2) || !fd_argument(args[0], fd)) return nullptr;
  int inheritable = object_truth(args[1]);
  if (inheritable < 0) return nullptr;
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0 || fcntl(fd, F_SETFD, inheritable ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC) < 0)
    return raise_from_errno(errno);
  return Ref::none();
}

static Ref os_get_blocking(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd;
  if (!check_positional("get_blocking", nargs, kwnames, 1, 1) || !fd_argument(args[0], fd)) return nullptr;
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return raise_from_errno(errno);
  return Ref::boolean(!(flags & O_NONBLOCK));
}

static Ref os_set_blocking(Value, const Value* args, size_t nargs, Value kwnames) {
  int fd;
  if (!check_positional("set_blocking", nargs, kwnames, 2, 2) || !fd_argument(args[0], fd)) return nullptr;
  int blocking = object_truth(args[1]);
  if (blocking < 0) return nullptr;
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0 || fcntl(fd, F_SETFL, blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK) < 0)
    return raise_from_errno(errno);
  return Ref::none();
}

static bool add_process_constants(Value module) {
  static const struct {
    const char* name;
    int64_t value;
  } constants[] = {
      {"WNOHANG", WNOHANG},     {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED}, {"O_RDONLY", O_RDONLY},
      {"O_WRONLY", O_WRONLY},   {"O_RDWR", O_RDWR},       {"O_CREAT", O_CREAT},       {"O_TRUNC", O_TRUNC},
      {"O_APPEND", O_APPEND},   {"O_EXCL", O_EXCL},       {"O_CLOEXEC", O_CLOEXEC},   {"O_NONBLOCK", O_NONBLOCK},
      {"O_NOCTTY", O_NOCTTY},   {"O_SYNC", O_SYNC},       {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW},
      {"O_NDELAY", O_NDELAY},   {"O_ACCMODE", O_ACCMODE}, {"SEEK_SET", SEEK_SET},     {"SEEK_CUR", SEEK_CUR},
      {"SEEK_END", SEEK_END},    {"P_PID", P_PID},           {"P_PGID", P_PGID},
      {"P_ALL", P_ALL},
  };
  for (const auto& constant : constants)
    if (!module_add_int(module, constant.name, constant.value)) return false;
  return true;
}

// ---- the modules ----

struct FunctionEntry {
  const char* name;
  NativeFunction fn;
};

static bool add_functions(Value module, std::initializer_list<FunctionEntry> functions) {
  for (const FunctionEntry& function : functions)
    if (!module_add_function(module, function.name, function.fn)) return false;
  return true;
}

// Names os and os.path both carry.
static bool add_path_constants(Value module) {
  return module_add_string(module, "sep", "/") && module_add_string(module, "curdir", ".") &&
         module_add_string(module, "pardir", "..") && module_add_string(module, "extsep", ".") &&
         module_add_string(module, "pathsep", ":") && module_add_string(module, "defpath", "/bin:/usr/bin") &&
         module_add_string(module, "devnull", "/dev/null") && module_add_object(module, "altsep", Value::none());
}

bool init_os_path_module(Value module) {
  return add_functions(module, {{"join", path_join},
                                {"split", path_split},
                                {"basename", path_basename},
                                {"dirname", path_dirname},
                                {"splitext", path_splitext},
                                {"splitdrive", path_splitdrive},
                                {"isabs", path_isabs},
                                {"normpath", path_normpath},
                                {"abspath", path_abspath},
                                {"realpath", path_realpath},
                                {"relpath", path_relpath},
                                {"commonprefix", path_commonprefix},
                                {"expanduser", path_expanduser},
                                {"exists", path_exists},
                                {"lexists", path_lexists},
                                {"isfile", path_isfile},
                                {"isdir", path_isdir},
                                {"islink", path_islink},
                                {"getsize", path_getsize},
                                {"getmtime", path_getmtime},
                                {"getatime", path_getatime},
                                {"getctime", path_getctime}}) &&
         add_path_constants(module);
}

bool init_os_module(Value module) {
  init_os_types();
  if (!add_functions(module, {{"getpid", os_getpid},
                              {"getppid", os_getppid},
                              {"getuid", os_getuid},
                              {"getgid", os_getgid},
                              {"getcwd", os_getcwd},
                              {"getcwdb", os_getcwdb},
                              {"chdir", os_chdir},
                              {"getenv", os_getenv},
                              {"cpu_count", os_cpu_count},
                              {"times", os_times},
                              {"urandom", os_urandom},
                              {"strerror", os_strerror},
                              {"fspath", os_fspath},
                              {"listdir", os_listdir},
                              {"mkdir", os_mkdir},
                              {"makedirs", os_makedirs},
                              {"remove", os_remove},
                              {"unlink", os_unlink},
                              {"rmdir", os_rmdir},
                              {"rename", os_rename},
                              {"replace", os_replace},
                              {"access", os_access},
                              {"stat", os_stat},
                              {"lstat", os_lstat},
                              {"fstat", os_fstat},
                              {"register_at_fork", os_register_at_fork},
                              {"fork", os_fork},
                              {"kill", os_kill},
                              {"killpg", os_killpg},
                              {"waitpid", os_waitpid},
                              {"wait", os_wait},
                              {"WIFEXITED", os_WIFEXITED},
                              {"WEXITSTATUS", os_WEXITSTATUS},
                              {"WIFSIGNALED", os_WIFSIGNALED},
                              {"WTERMSIG", os_WTERMSIG},
                              {"WIFSTOPPED", os_WIFSTOPPED},
                              {"WSTOPSIG", os_WSTOPSIG},
                              {"WIFCONTINUED", os_WIFCONTINUED},
                              {"WCOREDUMP", os_WCOREDUMP},
                              {"waitstatus_to_exitcode", os_waitstatus_to_exitcode},
                              {"_exit", os__exit},
                              {"abort", os_abort},
                              {"setsid", os_setsid},
                              {"getpgrp", os_getpgrp},
                              {"getpgid", os_getpgid},
                              {"getsid", os_getsid},
                              {"setpgid", os_setpgid},
                              {"umask", os_umask},
                              {"sched_getaffinity", os_sched_getaffinity},
                              {"execv", os_execv},
                              {"execve", os_execve},
                              {"execvp", os_execvp},
                              {"execvpe", os_execvpe},
                              {"putenv", os_putenv},
                              {"unsetenv", os_unsetenv},
                              {"pipe", os_pipe},
                              {"pipe2", os_pipe2},
                              {"read", os_read},
                              {"write", os_write},
                              {"close", os_close},
                              {"closerange", os_closerange},
                              {"dup", os_dup},
                              {"dup2", os_dup2},
                              {"open", os_open},
                              {"lseek", os_lseek},
                              {"isatty", os_isatty},
                              {"get_inheritable", os_get_inheritable},
                              {"set_inheritable", os_set_inheritable},
                              {"get_blocking", os_get_blocking},
                              {"set_blocking", os_set_blocking}}) ||
      !add_path_constants(module) || !add_process_constants(module))
    return false;
  Ref environment = environment_snapshot();
  if (!environment || !module_add_object(module, "environ", *environment)) return false;
  if (!module_add_string(module, "name", "posix") || !module_add_string(module, "linesep", "\n") ||
      !module_add_object(module, "error", Value(&OSError_type)) ||
      !module_add_object(module, "stat_result", Value(&stat_result_type)) || !module_add_int(module, "F_OK", F_OK) ||
      !module_add_int(module, "R_OK", R_OK) || !module_add_int(module, "W_OK", W_OK) ||
      !module_add_int(module, "X_OK", X_OK))
    return false;
  // os.path is posixpath: one module object, reachable as os.path and as sys.modules["os.path"].
  Ref path = module_new("posixpath");
  if (!path || !init_os_path_module(*path) || !module_add_object(module, "path", *path)) return false;
  return dict_set_str(current_interpreter().modules, "os.path", *path) == 0;
}

}  // namespace chaipy
