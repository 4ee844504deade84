// The embedding API's primitive conversions between C++ values and script objects (the Converter templates build on these).
#include <algorithm>
#include <charconv>

#include "runtime/builtin_types.hpp"
#include "runtime/embed_state.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/protocols.hpp"
#include "runtime/unicode.hpp"

namespace chaipy::embed::detail {

using chaipy::Ref;
using chaipy::Value;

namespace {

CastError mismatch(const char* expected, const Object& value) { return CastError{expected, value.type_name()}; }

[[noreturn]] void throw_overflow(State& state, const std::string& message) {
  chaipy::raise(&chaipy::OverflowError_type, message);
  throw_pending(state);
}

State& state_for(const Object& value) { return value.state() ? *value.state() : current_state(); }

}  // namespace

Object make_none(State& state) { return Object::steal(&state, Value::none().bits()); }
Object make_bool(State& state, bool value) { return Object::steal(&state, Value::boolean(value).bits()); }

Object make_int(State& state, int64_t value) {
  if (Value::fits_small_int(value)) return Object::steal(&state, Value::small_int(value).bits());
  Enter inside(state);
  return take(state, chaipy::int_from_i64(value));
}

Object make_uint(State& state, uint64_t value) {
  if (value <= uint64_t(INT64_MAX)) return make_int(state, int64_t(value));
  Enter inside(state);
  return take(state, chaipy::int_from_string(std::to_string(value), 10));
}

Object make_float(State& state, double value) {
  Enter inside(state);
  return take(state, chaipy::float_new(value));
}

Object make_str(State& state, std::string_view utf8) {
  Enter inside(state);
  chaipy::Utf8Error error;
  if (!chaipy::utf8_check(utf8, error)) {
    chaipy::raise_unicode_decode_error("utf-8", utf8, error.start, std::max(error.end, error.start + 1), error.reason);
    throw_pending(state);
  }
  return take(state, chaipy::str_new(utf8));
}

Object make_bytes(State& state, std::string_view data) {
  Enter inside(state);
  return take(state, chaipy::bytes_new(data));
}

Object make_list(State& state, std::vector<Object> items) {
  Enter inside(state);
  Object list = take(state, chaipy::list_new(items.size()));
  for (size_t i = 0; i < items.size(); ++i) {
    Value item = value_of(items[i]);
    chaipy::incref(item);
    chaipy::list_set(value_of(list), i, item);
  }
  return list;
}

Object make_tuple(State& state, std::vector<Object> items) {
  Enter inside(state);
  Object tuple = take(state, chaipy::tuple_new(items.size()));
  for (size_t i = 0; i < items.size(); ++i) {
    Value item = value_of(items[i]);
    chaipy::incref(item);
    chaipy::tuple_set(value_of(tuple), i, item);
  }
  return tuple;
}

Object make_dict(State& state, std::vector<std::pair<Object, Object>> items) {
  Enter inside(state);
  Object dict = take(state, chaipy::dict_new());
  for (const auto& [key, value] : items)
    if (chaipy::dict_set(value_of(dict), value_of(key), value_of(value)) < 0) throw_pending(state);
  return dict;
}

bool as_bool(const Object& value) {
  Value v = value_of(value);
  if (!v.is_bool()) throw mismatch("bool", value);
  return v.is_true();
}

int64_t as_int64(const Object& value, int64_t min, int64_t max, const char* c_type) {
  Value v = value_of(value);
  if (!chaipy::is_int(v)) throw mismatch("int", value);
  int64_t result;
  if (v.is_small_int()) {
    result = v.as_small_int();
  } else {
    State& state = state_for(value);
    Enter inside(state);
    if (!chaipy::int_to_i64(v, result)) throw_overflow(state, std::string("Python int too large to convert to C ") + c_type);
  }
  if (result < min || result > max) {
    State& state = state_for(value);
    Enter inside(state);
    throw_overflow(state, std::string("Python int too large to convert to C ") + c_type);
  }
  return result;
}

uint64_t as_uint64(const Object& value, uint64_t max, const char* c_type) {
  Value v = value_of(value);
  if (!chaipy::is_int(v)) throw mismatch("int", value);
  State& state = state_for(value);
  Enter inside(state);
  int64_t small;
  uint64_t result;
  if (chaipy::int_to_i64(v, small)) {
    if (small < 0) throw_overflow(state, "can't convert negative int to unsigned");
    result = uint64_t(small);
  } else {
    // Beyond int64: positive ones up to 2**64-1 still fit (read through the decimal text).
    Object text = take(state, chaipy::object_str(v));
    std::string_view digits = chaipy::str_view(value_of(text));
    if (!digits.empty() && digits[0] == '-') throw_overflow(state, "can't convert negative int to unsigned");
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), result);
    if (error != std::errc()) throw_overflow(state, std::string("Python int too large to convert to C ") + c_type);
  }
  if (result > max) throw_overflow(state, std::string("Python int too large to convert to C ") + c_type);
  return result;
}

double as_double(const Object& value) {
  Value v = value_of(value);
  if (chaipy::is_float(v)) return chaipy::float_value(v);
  if (v.is_small_int()) return double(v.as_small_int());
  if (!chaipy::is_int(v)) throw mismatch("float", value);
  State& state = state_for(value);
  Enter inside(state);
  double result;
  if (!chaipy::number_to_double(v, result)) throw_pending(state);
  return result;
}

std::string_view as_str(const Object& value) {
  Value v = value_of(value);
  if (!chaipy::is_str(v)) throw mismatch("str", value);
  return chaipy::str_view(v);
}

std::string_view as_bytes(const Object& value) {
  Value v = value_of(value);
  if (!chaipy::is_bytes(v)) throw mismatch("bytes", value);
  return chaipy::bytes_view(v);
}

std::vector<Object> as_sequence(const Object& value, const char* expected) {
  Value v = value_of(value);
  std::vector<Object> items;
  State& state = state_for(value);
  if (chaipy::is_list(v)) {
    Enter inside(state);
    for (int64_t i = 0; i < chaipy::list_size(v); ++i)
      items.push_back(Object::borrow(&state, chaipy::list_item(v, i).bits()));
  } else if (chaipy::is_tuple(v)) {
    Enter inside(state);
    for (int64_t i = 0; i < chaipy::tuple_size(v); ++i)
      items.push_back(Object::borrow(&state, chaipy::tuple_item(v, i).bits()));
  } else {
    throw mismatch(expected, value);
  }
  return items;
}

std::vector<std::pair<Object, Object>> as_dict(const Object& value) {
  Value v = value_of(value);
  if (!chaipy::is_dict(v)) throw mismatch("dict", value);
  State& state = state_for(value);
  Enter inside(state);
  std::vector<std::pair<Object, Object>> items;
  size_t pos = 0;
  Value key, item;
  while (chaipy::dict_next(v, pos, key, item))
    items.emplace_back(Object::borrow(&state, key.bits()), Object::borrow(&state, item.bits()));
  return items;
}

void check_callable(const Object& value) {
  if (!chaipy::type_of(value_of(value))->call) throw mismatch("callable", value);
}

}  // namespace chaipy::embed::detail
