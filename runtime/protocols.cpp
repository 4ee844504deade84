// Generic operations dispatched through type slots: repr/str/hash/compare, arithmetic with reflection, attributes, items, iteration, calls, argument binding.
#include "runtime/protocols.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/function.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/no_memory.hpp"
#include "runtime/thread_state.hpp"

namespace chaipy {

// Native recursion (the repr of nested containers, comparing nested lists) counts against the
// recursion limit and the stack limit as script calls do, like CPython's Py_EnterRecursiveCall:
// a list nested 100,000 deep gives RecursionError instead of overflowing the C++ stack.
class NativeRecursion {
 public:
  explicit NativeRecursion(const char* where) : state_(thread_state()) {
    char marker;
    int limit = state_.interp ? state_.interp->recursion_limit : 1000;
    entered_ = ++state_.recursion_depth <= limit && !(state_.stack_limit && &marker < state_.stack_limit);
    if (!entered_) raise_format(&RecursionError_type, "maximum recursion depth exceeded%s", where);
  }
  ~NativeRecursion() { --state_.recursion_depth; }
  NativeRecursion(const NativeRecursion&) = delete;
  NativeRecursion& operator=(const NativeRecursion&) = delete;
  bool entered() const { return entered_; }

 private:
  ThreadState& state_;
  bool entered_;
};

std::string object_address(Value v) {
  char buffer[32];
  snprintf(buffer, sizeof buffer, "%p", static_cast<void*>(v.as_object()));
  return buffer;
}

Ref object_repr(Value v) {
  TypeObject* type = type_of(v);
  NativeRecursion recursion(" while getting the repr of an object");
  if (!recursion.entered()) return nullptr;
  Ref result = type->repr(v);
  if (result && !is_str(*result))
    return raise_format(&TypeError_type, "__repr__ returned non-string (type %s)", type_name(*result));
  return result;
}

Ref object_str(Value v) {
  TypeObject* type = type_of(v);
  if (type == &str_type) return Ref::borrow(v);
  NativeRecursion recursion(" while getting the str of an object");
  if (!recursion.entered()) return nullptr;
  Ref result = type->str ? type->str(v) : type->repr(v);
  if (result && !is_str(*result))
    return raise_format(&TypeError_type, "__str__ returned non-string (type %s)", type_name(*result));
  return result;
}

Ref object_ascii(Value v) {
  Ref repr = object_repr(v);
  if (!repr) return nullptr;
  std::string_view text = str_view(*repr);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out += text[i++];
      continue;
    }
    uint32_t cp;
    int extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1;
    cp = byte & (0x3F >> extra);
    for (int k = 1; k <= extra && i + k < text.size(); ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
    i += extra + 1;
    char buffer[16];
    if (cp <= 0xFF) snprintf(buffer, sizeof buffer, "\\x%02x", cp);
    else if (cp <= 0xFFFF) snprintf(buffer, sizeof buffer, "\\u%04x", cp);
    else snprintf(buffer, sizeof buffer, "\\U%08x", cp);
    out += buffer;
  }
  return str_new(out);
}

int repr_enter(Value v) {
  auto& stack = thread_state().repr_in_progress;
  if (std::find(stack.begin(), stack.end(), v) != stack.end()) return 1;
  stack.push_back(v);
  return 0;
}

void repr_leave(Value v) {
  auto& stack = thread_state().repr_in_progress;
  auto it = std::find(stack.rbegin(), stack.rend(), v);
  if (it != stack.rend()) stack.erase(std::next(it).base());
}

int64_t object_hash(Value v) {
  if (v.is_small_int()) return hash_i64(v.as_small_int());
  TypeObject* type = type_of(v);
  if (!type->hash) {
    raise_format(&TypeError_type, "unhashable type: '%s'", type->name.c_str());
    return -1;
  }
  return type->hash(v);
}

int64_t hash_not_implemented(Value v) {
  raise_format(&TypeError_type, "unhashable type: '%s'", type_name(v));
  return -1;
}

int object_truth(Value v) {
  if (v.is_bool()) return v.is_true();
  if (v.is_none()) return 0;
  if (v.is_small_int()) return v.as_small_int() != 0;
  TypeObject* type = type_of(v);
  if (type->truth) return type->truth(v);
  if (type->length) {
    int64_t n = type->length(v);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

int64_t object_length(Value v) {
  TypeObject* type = type_of(v);
  if (!type->length) {
    raise_format(&TypeError_type, "object of type '%s' has no len()", type->name.c_str());
    return -1;
  }
  return type->length(v);
}

static const char* const compare_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const CompareOp swapped_compare[] = {CompareOp::Gt, CompareOp::Ge, CompareOp::Eq,
                                            CompareOp::Ne, CompareOp::Lt, CompareOp::Le};

Ref object_compare(Value a, Value b, CompareOp op) {
  // Small ints (the elements sorted and compared inside tuples) need no slots.
  if (a.is_small_int() && b.is_small_int()) return Ref::boolean(compare_numbers(a.as_small_int(), b.as_small_int(), op));
  TypeObject* ta = type_of(a);
  TypeObject* tb = type_of(b);
  NativeRecursion recursion(" in comparison");
  if (!recursion.entered()) return nullptr;
  bool checked_reflected = false;
  if (ta != tb && is_subtype(tb, ta) && tb->richcompare) {
    checked_reflected = true;
    Ref result = tb->richcompare(b, a, swapped_compare[static_cast<int>(op)]);
    if (!result || *result != not_implemented()) return result;
  }
  if (ta->richcompare) {
    Ref result = ta->richcompare(a, b, op);
    if (!result || *result != not_implemented()) return result;
  }
  if (!checked_reflected && tb->richcompare) {
    Ref result = tb->richcompare(b, a, swapped_compare[static_cast<int>(op)]);
    if (!result || *result != not_implemented()) return result;
  }
  if (op == CompareOp::Eq) return Ref::boolean(a == b);
  if (op == CompareOp::Ne) return Ref::boolean(a != b);
  return raise_format(&TypeError_type, "'%s' not supported between instances of '%s' and '%s'",
                      compare_symbols[static_cast<int>(op)], ta->name.c_str(), tb->name.c_str());
}

int object_equal(Value a, Value b) {
  if (a == b) return 1;
  if (a.is_small_int() && b.is_small_int()) return 0;
  // Exact strs and floats (the leaves of compared containers) need neither slots nor a result
  // object; identity, above, already made a NaN equal to itself, as CPython's comparisons do.
  TypeObject* type = type_of(a);
  if (type == type_of(b)) {
    if (type == &str_type) return str_equal(a, b);
    if (type == &float_type) return a.as<FloatObject>()->value == b.as<FloatObject>()->value;
  }
  Ref result = object_compare(a, b, CompareOp::Eq);
  if (!result) return -1;
  return object_truth(*result);
}

int object_less(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) return a.as_small_int() < b.as_small_int();
  Ref result = object_compare(a, b, CompareOp::Lt);
  if (!result) return -1;
  return object_truth(*result);
}

static const char* const binary_symbols[binary_op_count] = {"+", "-", "*", "@", "/", "//", "%",
                                                            "** or pow()", "<<", ">>", "&", "|", "^"};

// Tries a's slot then b's reflected slot (b's first when b's type is a subclass of a's).
static Ref binary_op_or_not_implemented(Value a, Value b, uint32_t index) {
  TypeObject* ta = type_of(a);
  TypeObject* tb = type_of(b);
  BinarySlot forward = ta->binary[index];
  BinarySlot backward = ta != tb ? tb->reflected[index] : nullptr;
  if (backward && is_subtype(tb, ta)) {
    Ref result = backward(b, a);
    if (!result || *result != not_implemented()) return result;
    backward = nullptr;
  }
  if (forward) {
    Ref result = forward(a, b);
    if (!result || *result != not_implemented()) return result;
  }
  if (backward) return backward(b, a);
  if (ta == tb && ta->reflected[index] && !forward) return ta->reflected[index](b, a);
  return new_not_implemented();
}

static Ref binary_type_error(Value a, Value b, const char* symbol) {
  if (is_str(a) && std::strcmp(symbol, "+") == 0)
    return raise_format(&TypeError_type, "can only concatenate str (not \"%s\") to str", type_name(b));
  if (is_list(a) && std::strcmp(symbol, "+") == 0)
    return raise_format(&TypeError_type, "can only concatenate list (not \"%s\") to list", type_name(b));
  if (is_tuple(a) && std::strcmp(symbol, "+") == 0)
    return raise_format(&TypeError_type, "can only concatenate tuple (not \"%s\") to tuple", type_name(b));
  return raise_format(&TypeError_type, "unsupported operand type(s) for %s: '%s' and '%s'", symbol, type_name(a),
                      type_name(b));
}

Ref binary_op(Value a, Value b, BinaryOp op) {
  auto index = static_cast<uint32_t>(op);
  Ref result = memory_error_on_bad_alloc([&] { return binary_op_or_not_implemented(a, b, index); });
  if (!result || *result != not_implemented()) return result;
  // Sequence repetition by a non-int gets CPython's dedicated message.
  if (op == BinaryOp::Mul && (is_str(a) || is_list(a) || is_tuple(a) || is_bytes(a)))
    return raise_format(&TypeError_type, "can't multiply sequence by non-int of type '%s'", type_name(b));
  if (op == BinaryOp::Mul && (is_str(b) || is_list(b) || is_tuple(b) || is_bytes(b)))
    return raise_format(&TypeError_type, "can't multiply sequence by non-int of type '%s'", type_name(a));
  return binary_type_error(a, b, binary_symbols[index]);
}

Ref inplace_op(Value a, Value b, BinaryOp op) {
  auto index = static_cast<uint32_t>(op);
  if (BinarySlot slot = type_of(a)->inplace[index]) {
    Ref result = memory_error_on_bad_alloc([&] { return slot(a, b); });
    if (!result || *result != not_implemented()) return result;
  }
  Ref result = memory_error_on_bad_alloc([&] { return binary_op_or_not_implemented(a, b, index); });
  if (!result || *result != not_implemented()) return result;
  if (op == BinaryOp::Mul && (is_str(a) || is_list(a) || is_tuple(a) || is_bytes(a)))
    return raise_format(&TypeError_type, "can't multiply sequence by non-int of type '%s'", type_name(b));
  std::string symbol = std::string(binary_symbols[index]);
  if (op == BinaryOp::Pow) symbol = "**";
  symbol += "=";
  if (is_str(a) && op == BinaryOp::Add)
    return raise_format(&TypeError_type, "can only concatenate str (not \"%s\") to str", type_name(b));
  return raise_format(&TypeError_type, "unsupported operand type(s) for %s: '%s' and '%s'", symbol.c_str(),
                      type_name(a), type_name(b));
}

static Ref unary(Value v, UnarySlot TypeObject::*slot, const char* symbol) {
  TypeObject* type = type_of(v);
  if (UnarySlot fn = type->*slot) return fn(v);
  return raise_format(&TypeError_type, "bad operand type for %s: '%s'", symbol, type->name.c_str());
}
Ref unary_negative(Value v) { return unary(v, &TypeObject::negative, "unary -"); }
Ref unary_positive(Value v) { return unary(v, &TypeObject::positive, "unary +"); }
Ref unary_invert(Value v) { return unary(v, &TypeObject::invert, "unary ~"); }
Ref object_abs(Value v) { return unary(v, &TypeObject::absolute, "abs()"); }

// ---- attributes ----

Ref generic_getattr(Value obj, Value name) {
  TypeObject* type = type_of(obj);
  Value descr = type_lookup(type, name);
  TypeObject* descr_type = nullptr;
  if (descr) {
    descr_type = type_of(descr);
    if (descr_type->descr_get && descr_type->descr_set) return descr_type->descr_get(descr, obj, Value(type));
  }
  if (Value* dict = instance_dict_slot(obj); dict && *dict) {
    if (Value found = dict_get(*dict, name)) return Ref::borrow(found);
  }
  if (descr) {
    if (descr_type->descr_get) return descr_type->descr_get(descr, obj, Value(type));
    return Ref::borrow(descr);
  }
  if (type == &type_type || (type->flags & type_flag_type_subclass))
    return raise_format(&AttributeError_type, "type object '%s' has no attribute '%s'",
                        obj.as<TypeObject>()->name.c_str(), std::string(str_view(name)).c_str());
  if (type == &function_type)
    return raise_format(&AttributeError_type, "'function' object has no attribute '%s'",
                        std::string(str_view(name)).c_str());
  return raise_format(&AttributeError_type, "'%s' object has no attribute '%s'", type->name.c_str(),
                      std::string(str_view(name)).c_str());
}

int generic_setattr(Value obj, Value name, Value value) {
  TypeObject* type = type_of(obj);
  Value descr = type_lookup(type, name);
  if (descr) {
    TypeObject* descr_type = type_of(descr);
    if (descr_type->descr_set) return descr_type->descr_set(descr, obj, value);
  }
  Value* dict = instance_dict_slot(obj);
  if (!dict) {
    if (descr)
      raise_format(&AttributeError_type, "'%s' object attribute '%s' is read-only", type->name.c_str(),
                   std::string(str_view(name)).c_str());
    else
      raise_format(&AttributeError_type, "'%s' object has no attribute '%s'", type->name.c_str(),
                   std::string(str_view(name)).c_str());
    return -1;
  }
  if (!*dict) {
    if (!value) {
      raise_format(&AttributeError_type, "'%s' object has no attribute '%s'", type->name.c_str(),
                   std::string(str_view(name)).c_str());
      return -1;
    }
    Ref fresh = instance_dict_new(type);
    if (!fresh) return -1;
    *dict = fresh.release();
  }
  if (value) return dict_set(*dict, name, value);
  if (dict_del(*dict, name) < 0) {
    if (error_matches(&KeyError_type)) {
      clear_error();
      raise_format(&AttributeError_type, "'%s' object has no attribute '%s'", type->name.c_str(),
                   std::string(str_view(name)).c_str());
    }
    return -1;
  }
  return 0;
}

Ref get_attr(Value obj, Value name) { return type_of(obj)->getattr(obj, name); }
Ref get_attr(Value obj, const char* name) { return get_attr(obj, str_intern(name)); }

int set_attr(Value obj, Value name, Value value) {
  TypeObject* type = type_of(obj);
  if (!type->setattr) {
    raise_format(&AttributeError_type, "'%s' object has no attribute '%s'", type->name.c_str(),
                 std::string(str_view(name)).c_str());
    return -1;
  }
  return type->setattr(obj, name, value);
}

int has_attr(Value obj, Value name) {
  Ref result = get_attr(obj, name);
  if (result) return 1;
  if (error_matches(&AttributeError_type)) {
    clear_error();
    return 0;
  }
  return -1;
}

// ---- items ----

Ref get_item(Value container, Value key) {
  TypeObject* type = type_of(container);
  if (type->getitem) return type->getitem(container, key);
  if (type->flags & type_flag_type_subclass) {
    Value class_getitem = type_lookup(container.as<TypeObject>(), str_intern("__class_getitem__"));
    if (class_getitem) return call_method(container, "__class_getitem__", &key, 1);
    return raise_format(&TypeError_type, "type '%s' is not subscriptable", container.as<TypeObject>()->name.c_str());
  }
  return raise_format(&TypeError_type, "'%s' object is not subscriptable", type->name.c_str());
}

int set_item(Value container, Value key, Value value) {
  TypeObject* type = type_of(container);
  if (type->setitem) return type->setitem(container, key, value);
  raise_format(&TypeError_type, "'%s' object does not support item assignment", type->name.c_str());
  return -1;
}

int del_item(Value container, Value key) {
  TypeObject* type = type_of(container);
  if (type->setitem) return type->setitem(container, key, Value());
  raise_format(&TypeError_type, "'%s' object doesn't support item deletion", type->name.c_str());
  return -1;
}

int contains(Value container, Value item) {
  TypeObject* type = type_of(container);
  if (type->contains) return type->contains(container, item);
  if (!type->iter && !type->getitem) {
    raise_format(&TypeError_type, "argument of type '%s' is not iterable", type->name.c_str());
    return -1;
  }
  Ref iterator = get_iter(container);
  if (!iterator) return -1;
  for (;;) {
    Ref next = iter_next(*iterator);
    if (!next) return error_pending() ? -1 : 0;
    int equal = object_equal(*next, item);
    if (equal != 0) return equal;
  }
}

// ---- iteration ----

Ref seq_iter_new(Value sequence);

Ref get_iter(Value iterable) {
  TypeObject* type = type_of(iterable);
  if (type->iter) {
    Ref iterator = type->iter(iterable);
    if (iterator && !type_of(*iterator)->next)
      return raise_format(&TypeError_type, "iter() returned non-iterator of type '%s'", type_name(*iterator));
    return iterator;
  }
  if (type->getitem) return seq_iter_new(iterable);
  return raise_format(&TypeError_type, "'%s' object is not iterable", type->name.c_str());
}

Ref iter_next(Value iterator) {
  TypeObject* type = type_of(iterator);
  if (!type->next) return raise_format(&TypeError_type, "'%s' object is not an iterator", type->name.c_str());
  return type->next(iterator);
}

// ---- calls ----

Ref call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  TypeObject* type = type_of(callable);
  if (!type->call) return raise_format(&TypeError_type, "'%s' object is not callable", type->name.c_str());
  if (kwnames && tuple_size(kwnames) == 0) kwnames = Value();
  return memory_error_on_bad_alloc([&] { return type->call(callable, args, nargs, kwnames); });
}
Ref call0(Value callable) { return call(callable, nullptr, 0); }
Ref call1(Value callable, Value arg) { return call(callable, &arg, 1); }
Ref call2(Value callable, Value a, Value b) {
  Value args[] = {a, b};
  return call(callable, args, 2);
}

Ref call_method(Value obj, const char* name, const Value* args, size_t nargs) {
  Value interned = str_intern(name);
  Value function = type_lookup(type_of(obj), interned);
  if (!function)
    return raise_format(&AttributeError_type, "'%s' object has no attribute '%s'", type_name(obj), name);
  TypeObject* function_type_ = type_of(function);
  if (function_type_ == &function_type || function_type_ == &method_descriptor_type) {
    std::array<Value, 8> small;
    std::vector<Value> large;
    Value* full = small.data();
    if (nargs + 1 > small.size()) {
      large.resize(nargs + 1);
      full = large.data();
    }
    full[0] = obj;
    std::copy(args, args + nargs, full + 1);
    return call(function, full, nargs + 1);
  }
  Ref bound = function_type_->descr_get ? function_type_->descr_get(function, obj, Value(type_of(obj)))
                                        : Ref::borrow(function);
  if (!bound) return nullptr;
  return call(*bound, args, nargs);
}

bool index_to_i64(Value v, int64_t& out) {
  if (v.is_small_int()) {
    out = v.as_small_int();
    return true;
  }
  if (is_int(v)) {
    if (int_to_i64(v, out)) return true;
    raise_format(&IndexError_type, "cannot fit 'int' into an index-sized integer");
    return false;
  }
  TypeObject* type = type_of(v);
  if (!type->index) {
    raise_format(&TypeError_type, "'%s' object cannot be interpreted as an integer", type->name.c_str());
    return false;
  }
  Ref result = type->index(v);
  if (!result) return false;
  if (!is_int(*result)) {
    raise_format(&TypeError_type, "__index__ returned non-int (type %s)", type_name(*result));
    return false;
  }
  return index_to_i64(*result, out);
}

bool is_instance(Value v, Value type_or_tuple, int& result) {
  if (is_tuple(type_or_tuple)) {
    for (int64_t i = 0, n = tuple_size(type_or_tuple); i < n; ++i) {
      if (!is_instance(v, tuple_item(type_or_tuple, i), result)) return false;
      if (result) return true;
    }
    result = 0;
    return true;
  }
  if (!(type_of(type_or_tuple)->flags & type_flag_type_subclass)) {
    raise(&TypeError_type, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return false;
  }
  result = is_subtype(type_of(v), type_or_tuple.as<TypeObject>());
  return true;
}

bool bind_args(const char* function_name, const Value* args, size_t nargs, Value kwnames,
               std::initializer_list<const char*> names, size_t required, Value* out) {
  size_t count = names.size();
  std::fill(out, out + count, Value());
  if (nargs > count) {
    if (required == count)
      raise_format(&TypeError_type, "%s() takes exactly %zu argument%s (%zu given)", function_name, count,
                   count == 1 ? "" : "s", nargs);
    else
      raise_format(&TypeError_type, "%s() takes at most %zu argument%s (%zu given)", function_name, count,
                   count == 1 ? "" : "s", nargs);
    return false;
  }
  std::copy(args, args + nargs, out);
  if (kwnames) {
    for (int64_t k = 0, nk = tuple_size(kwnames); k < nk; ++k) {
      std::string_view key = str_view(tuple_item(kwnames, k));
      size_t index = 0;
      for (const char* name : names) {
        if (key == name) break;
        ++index;
      }
      if (index == count) {
        raise_format(&TypeError_type, "%s() got an unexpected keyword argument '%s'", function_name,
                     std::string(key).c_str());
        return false;
      }
      if (out[index]) {
        raise_format(&TypeError_type, "argument for %s() given by name ('%s') and position (%zu)", function_name,
                     std::string(key).c_str(), index + 1);
        return false;
      }
      out[index] = args[nargs + k];
    }
  }
  for (size_t i = 0; i < required; ++i) {
    if (!out[i]) {
      raise_format(&TypeError_type, "%s() missing required argument '%s' (pos %zu)", function_name,
                   names.begin()[i], i + 1);
      return false;
    }
  }
  return true;
}

bool check_positional(const char* function_name, size_t nargs, Value kwnames, size_t min, size_t max) {
  if (kwnames && tuple_size(kwnames)) {
    raise_format(&TypeError_type, "%s() takes no keyword arguments", function_name);
    return false;
  }
  if (nargs >= min && nargs <= max) return true;
  if (min == max) {
    if (min == 0)
      raise_format(&TypeError_type, "%s() takes no arguments (%zu given)", function_name, nargs);
    else if (min == 1)
      raise_format(&TypeError_type, "%s() takes exactly one argument (%zu given)", function_name, nargs);
    else
      raise_format(&TypeError_type, "%s expected %zu arguments, got %zu", function_name, min, nargs);
  } else if (nargs < min) {
    raise_format(&TypeError_type, "%s expected at least %zu argument%s, got %zu", function_name, min,
                 min == 1 ? "" : "s", nargs);
  } else {
    raise_format(&TypeError_type, "%s expected at most %zu argument%s, got %zu", function_name, max,
                 max == 1 ? "" : "s", nargs);
  }
  return false;
}

}  // namespace chaipy
