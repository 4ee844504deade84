// The time module: clocks, sleep, struct_time, and the calendar conversions (localtime, gmtime, mktime, strftime, asctime, ctime).
#include <cerrno>
#include <cmath>
#include <ctime>
#include <mutex>
#include <string>

#include "runtime/builtin_types.hpp"
#include "runtime/gil.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "stdlib/struct_sequence.hpp"

namespace chaipy {

bool init_time_module(Value module);

static TypeObject struct_time_type;

static const char* const struct_time_fields[] = {"tm_year", "tm_mon",  "tm_mday",  "tm_hour", "tm_min", "tm_sec",
                                                 "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"};

static void init_time_types() {
  static std::once_flag once;
  std::call_once(once, [] { init_struct_sequence_type(&struct_time_type, "time", "struct_time", struct_time_fields, 11, 9); });
}

// ---- clocks ----

static int64_t clock_nanoseconds(clockid_t clock) {
  struct timespec now;
  clock_gettime(clock, &now);
  return static_cast<int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

static Ref clock_seconds(clockid_t clock, const char* name, size_t nargs, Value kwnames) {
  if (!check_positional(name, nargs, kwnames, 0, 0)) return nullptr;
  struct timespec now;
  clock_gettime(clock, &now);
  return float_new(static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9);
}

static Ref clock_ns(clockid_t clock, const char* name, size_t nargs, Value kwnames) {
  if (!check_positional(name, nargs, kwnames, 0, 0)) return nullptr;
  return int_from_i64(clock_nanoseconds(clock));
}

static Ref time_time(Value, const Value*, size_t nargs, Value kwnames) {
  return clock_seconds(CLOCK_REALTIME, "time", nargs, kwnames);
}
static Ref time_time_ns(Value, const Value*, size_t nargs, Value kwnames) {
  return clock_ns(CLOCK_REALTIME, "time_ns", nargs, kwnames);
}
static Ref time_perf_counter(Value, const Value*, size_t nargs, Value kwnames) {
  return clock_seconds(CLOCK_MONOTONIC, "perf_counter", nargs, kwnames);
}
static Ref time_perf_counter_ns(Value, const Value*, size_t nargs, Value kwnames) {
  return clock_ns(CLOCK_MONOTONIC, "perf_counter_ns", nargs, kwnames);
}
static Ref time_monotonic(Value, const Value*, size_t nargs, Value kwnames) {
  return clock_seconds(CLOCK_MONOTONIC, "monotonic", nargs, kwnames);
}
static Ref time_monotonic_ns(Value, const Value*, size_t nargs, Value kwnames) {
  return clock_ns(CLOCK_MONOTONIC, "monotonic_ns", nargs, kwnames);
}
static Ref time_process_time(Value, const Value*, size_t nargs, Value kwnames) {
  return clock_seconds(CLOCK_PROCESS_CPUTIME_ID, "process_time", nargs, kwnames);
}
static Ref time_process_time_ns(Value, const Value*, size_t nargs, Value kwnames) {
  return clock_ns(CLOCK_PROCESS_CPUTIME_ID, "process_time_ns", nargs, kwnames);
}
static Ref time_thread_time(Value, const Value*, size_t nargs, Value kwnames) {
  return clock_seconds(CLOCK_THREAD_CPUTIME_ID, "thread_time", nargs, kwnames);
}
static Ref time_thread_time_ns(Value, const Value*, size_t nargs, Value kwnames) {
  return clock_ns(CLOCK_THREAD_CPUTIME_ID, "thread_time_ns", nargs, kwnames);
}

// ---- sleep ----

static Ref time_sleep(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("sleep", nargs, kwnames, 1, 1)) return nullptr;
  double seconds;
  if (is_float(args[0])) {
    seconds = float_value(args[0]);
    if (std::isnan(seconds)) return raise(&ValueError_type, "Invalid value NaN (not a number)");
  } else {
    int64_t whole;
    if (is_int(args[0]) && !int_to_i64(args[0], whole))
      return raise(&OverflowError_type, "timestamp too large to convert to C _PyTime_t");
    if (!index_to_i64(args[0], whole)) return nullptr;
    seconds = static_cast<double>(whole);
  }
  if (seconds < 0) return raise(&ValueError_type, "sleep length must be non-negative");
  if (seconds > 9.2e9) return raise(&OverflowError_type, "timestamp too large to convert to C _PyTime_t");
  if (!sleep_releasing_gil(seconds)) return nullptr;
  return Ref::none();
}

// ---- struct_time ----

static Ref struct_time_from_tm(const struct tm& tm) {
  init_time_types();
  Ref result = struct_sequence_new(&struct_time_type);
  if (!result) return nullptr;
  const int64_t numbers[] = {tm.tm_year + 1900LL, tm.tm_mon + 1LL, tm.tm_mday, tm.tm_hour, tm.tm_min,
                             tm.tm_sec, (tm.tm_wday + 6) % 7, tm.tm_yday + 1LL, tm.tm_isdst};
  for (size_t i = 0; i < 9; ++i) struct_sequence_set(*result, i, Value::small_int(numbers[i]));
  Ref zone_name = str_new(tm.tm_zone ? tm.tm_zone : "");
  if (!zone_name) return nullptr;
  struct_sequence_set(*result, 9, zone_name.release());
  struct_sequence_set(*result, 10, Value::small_int(tm.tm_gmtoff));
  return result;
}

// The seconds argument of localtime()/gmtime()/ctime(): None or absent means now.
static bool seconds_argument(const char* name, const Value* args, size_t nargs, Value kwnames, time_t& out) {
  if (!check_positional(name, nargs, kwnames, 0, 1)) return false;
  if (nargs == 0 || args[0].is_none()) {
    out = time(nullptr);
    return true;
  }
  double seconds;
  if (is_float(args[0])) {
    seconds = float_value(args[0]);
    if (std::isnan(seconds)) {
      raise(&ValueError_type, "Invalid value NaN (not a number)");
      return false;
    }
    seconds = std::floor(seconds);
  } else {
    int64_t whole;
    if (is_int(args[0]) && !int_to_i64(args[0], whole)) {
      raise(&OverflowError_type, "timestamp out of range for platform time_t");
      return false;
    }
    if (!index_to_i64(args[0], whole)) return false;
    seconds = static_cast<double>(whole);
  }
  if (seconds < -9.2e18 || seconds > 9.2e18) {
    raise(&OverflowError_type, "timestamp out of range for platform time_t");
    return false;
  }
  out = static_cast<time_t>(seconds);
  return true;
}

static Ref broken_down_time(const char* name, const Value* args, size_t nargs, Value kwnames, bool local) {
  time_t seconds;
  if (!seconds_argument(name, args, nargs, kwnames, seconds)) return nullptr;
  struct tm tm;
  if (!(local ? localtime_r(&seconds, &tm) : gmtime_r(&seconds, &tm)))
    return errno == EOVERFLOW ? raise(&OverflowError_type, "timestamp out of range for platform time_t")
                              : raise_from_errno(errno);
  return struct_time_from_tm(tm);
}

static Ref time_localtime(Value, const Value* args, size_t nargs, Value kwnames) {
  return broken_down_time("localtime", args, nargs, kwnames, true);
}
static Ref time_gmtime(Value, const Value* args, size_t nargs, Value kwnames) {
  return broken_down_time("gmtime", args, nargs, kwnames, false);
}

// A struct_time or 9-tuple as a struct tm (CPython's gettmarg).
static bool tm_argument(const char* name, Value v, struct tm& tm) {
  if (!is_tuple(v)) {
    raise_format(&TypeError_type, "Tuple or struct_time argument required");
    return false;
  }
  if (tuple_size(v) != 9) {
    raise_format(&TypeError_type, "%s(): illegal time tuple argument", name);
    return false;
  }
  int64_t numbers[9];
  for (size_t i = 0; i < 9; ++i) {
    Value item = tuple_item(v, i);
    if (!is_int(item)) {
      raise_format(&TypeError_type, "'%s' object cannot be interpreted as an integer", type_name(item));
      return false;
    }
    if (!int_to_i64(item, numbers[i]) || numbers[i] < INT32_MIN || numbers[i] > INT32_MAX) {
      raise(&OverflowError_type, "Python int too large to convert to C int");
      return false;
    }
  }
  tm = {};
  tm.tm_year = static_cast<int>(numbers[0] - 1900);
  tm.tm_mon = static_cast<int>(numbers[1] - 1);
  tm.tm_mday = static_cast<int>(numbers[2]);
  tm.tm_hour = static_cast<int>(numbers[3]);
  tm.tm_min = static_cast<int>(numbers[4]);
  tm.tm_sec = static_cast<int>(numbers[5]);
  tm.tm_wday = static_cast<int>((numbers[6] + 1) % 7);
  tm.tm_yday = static_cast<int>(numbers[7] - 1);
  tm.tm_isdst = static_cast<int>(numbers[8]);
  if (type_of(v) == &struct_time_type) {
    // The hidden fields tm_zone and tm_gmtoff follow the nine visible items.
    Value zone = v.as<TupleObject>()->items[9];
    Value offset = v.as<TupleObject>()->items[10];
    if (zone && is_str(zone)) tm.tm_zone = str_view(zone).data();
    int64_t gmtoff;
    if (offset && int_to_i64(offset, gmtoff)) tm.tm_gmtoff = gmtoff;
  }
  return true;
}

// CPython's checktm plus the zero-means-default adjustments strftime and asctime make.
static bool check_tm(struct tm& tm) {
  if (tm.tm_mon == -1) tm.tm_mon = 0;
  if (tm.tm_mday == 0) tm.tm_mday = 1;
  if (tm.tm_yday == -1) tm.tm_yday = 0;
  const char* problem = nullptr;
  if (tm.tm_mon < 0 || tm.tm_mon > 11) problem = "month out of range";
  else if (tm.tm_mday < 0 || tm.tm_mday > 31) problem = "day of month out of range";
  else if (tm.tm_hour < 0 || tm.tm_hour > 23) problem = "hour out of range";
  else if (tm.tm_min < 0 || tm.tm_min > 59) problem = "minute out of range";
  else if (tm.tm_sec < 0 || tm.tm_sec > 61) problem = "seconds out of range";
  else if (tm.tm_wday < 0) problem = "day of week out of range";
  else if (tm.tm_yday < 0 || tm.tm_yday > 365) problem = "day of year out of range";
  if (!problem) return true;
  raise(&ValueError_type, problem);
  return false;
}

static bool current_tm(struct tm& tm) {
  time_t now = time(nullptr);
  localtime_r(&now, &tm);
  return true;
}

static Ref time_strftime(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("strftime", nargs, kwnames, 1, 2)) return nullptr;
  if (!is_str(args[0]))
    return raise_format(&TypeError_type, "strftime() argument 1 must be str, not %s", type_name(args[0]));
  struct tm tm;
  if (nargs == 2 ? !tm_argument("strftime", args[1], tm) : !current_tm(tm)) return nullptr;
  if (!check_tm(tm)) return nullptr;
  std::string format(str_view(args[0]));
  if (format.empty()) return str_new("");
  // strftime returns 0 both for "too small" and for an empty result: grow a few times, then give up.
  for (size_t size = 256; size <= 256 * (format.size() + 16); size *= 4) {
    std::string buffer(size, '\0');
    size_t length = strftime(buffer.data(), size, format.c_str(), &tm);
    if (length > 0 || size >= 1024 * format.size()) {
      buffer.resize(length);
      return str_new(buffer);
    }
  }
  return str_new("");
}

static Ref asctime_text(const struct tm& tm) {
  static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buffer[64];
  snprintf(buffer, sizeof buffer, "%s %s%3d %.2d:%.2d:%.2d %d", days[tm.tm_wday % 7], months[tm.tm_mon % 12],
           tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 1900 + tm.tm_year);
  return str_new(buffer);
}

static Ref time_asctime(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("asctime", nargs, kwnames, 0, 1)) return nullptr;
  struct tm tm;
  if (nargs == 1 ? !tm_argument("asctime", args[0], tm) : !current_tm(tm)) return nullptr;
  if (!check_tm(tm)) return nullptr;
  return asctime_text(tm);
}

static Ref time_ctime(Value, const Value* args, size_t nargs, Value kwnames) {
  time_t seconds;
  if (!seconds_argument("ctime", args, nargs, kwnames, seconds)) return nullptr;
  struct tm tm;
  if (!localtime_r(&seconds, &tm)) return raise(&OverflowError_type, "timestamp out of range for platform time_t");
  return asctime_text(tm);
}

static Ref time_mktime(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("mktime", nargs, kwnames, 1, 1)) return nullptr;
  struct tm tm;
  if (!tm_argument("mktime", args[0], tm)) return nullptr;
  tm.tm_wday = -1;  // mktime() leaves it alone on failure: the sentinel tells failure from -1 seconds
  time_t result = mktime(&tm);
  if (result == static_cast<time_t>(-1) && tm.tm_wday == -1)
    return raise(&OverflowError_type, "mktime argument out of range");
  return float_new(static_cast<double>(result));
}

// ---- the module ----

// timezone, altzone, daylight and tzname from the offsets of January and July, as CPython.
static bool add_timezone_attributes(Value module) {
  tzset();
  time_t now = time(nullptr);
  struct tm today;
  localtime_r(&now, &today);
  struct tm january = {}, july = {};
  time_t jan_time = now - (today.tm_yday * 86400);
  time_t jul_time = jan_time + 182 * 86400;
  localtime_r(&jan_time, &january);
  localtime_r(&jul_time, &july);
  long jan_zone = -january.tm_gmtoff, jul_zone = -july.tm_gmtoff;
  std::string jan_name = january.tm_zone ? january.tm_zone : "", jul_name = july.tm_zone ? july.tm_zone : "";
  bool southern = jan_zone < jul_zone;  // DST in January
  long standard = southern ? jul_zone : jan_zone;
  long daylight_zone = southern ? jan_zone : jul_zone;
  Ref standard_name = str_new(southern ? jul_name : jan_name);
  Ref daylight_name = str_new(southern ? jan_name : jul_name);
  if (!standard_name || !daylight_name) return false;
  Ref names = tuple_pack({*standard_name, *daylight_name});
  return names && module_add_int(module, "timezone", standard) && module_add_int(module, "altzone", daylight_zone) &&
         module_add_int(module, "daylight", jan_zone != jul_zone) && module_add_object(module, "tzname", *names);
}

bool init_time_module(Value module) {
  init_time_types();
  const struct {
    const char* name;
    NativeFunction fn;
  } functions[] = {
      {"time", time_time},
      {"time_ns", time_time_ns},
      {"perf_counter", time_perf_counter},
      {"perf_counter_ns", time_perf_counter_ns},
      {"monotonic", time_monotonic},
      {"monotonic_ns", time_monotonic_ns},
      {"process_time", time_process_time},
      {"process_time_ns", time_process_time_ns},
      {"thread_time", time_thread_time},
      {"thread_time_ns", time_thread_time_ns},
      {"sleep", time_sleep},
      {"localtime", time_localtime},
      {"gmtime", time_gmtime},
      {"mktime", time_mktime},
      {"strftime", time_strftime},
      {"asctime", time_asctime},
      {"ctime", time_ctime},
  };
  for (const auto& function : functions)
    if (!module_add_function(module, function.name, function.fn)) return false;
  return module_add_object(module, "struct_time", Value(&struct_time_type)) && add_timezone_attributes(module);
}

}  // namespace chaipy
