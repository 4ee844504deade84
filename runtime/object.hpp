// Object model core: the one-word Value, the refcounted object header, owning references and type objects.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace chaipy {

struct Object;
struct TypeObject;

// A Value is one machine word and does not own what it points to.
//   ...xx1  small int (63-bit signed, value = bits >> 1)
//   0b0010  None, 0b0110 False, 0b1010 True   (immediates: no allocation, no refcount)
//   ...000  pointer to a heap Object (never null when it is a value; null bits mean
//           "no value": an unbound local, or an error with the exception pending)
class Value {
 public:
  constexpr Value() : bits_(0) {}
  static constexpr Value from_bits(uintptr_t bits) { Value v; v.bits_ = bits; return v; }
  Value(Object* object) : bits_(reinterpret_cast<uintptr_t>(object)) {}  // NOLINT: implicit by design

  static constexpr int64_t small_int_max = (int64_t(1) << 62) - 1;
  static constexpr int64_t small_int_min = -(int64_t(1) << 62);
  static constexpr bool fits_small_int(int64_t n) { return n >= small_int_min && n <= small_int_max; }
  static constexpr Value small_int(int64_t n) {
    return from_bits((static_cast<uintptr_t>(n) << 1) | 1);
  }
  static constexpr Value none() { return from_bits(2); }
  static constexpr Value false_() { return from_bits(6); }
  static constexpr Value true_() { return from_bits(10); }
  static constexpr Value boolean(bool b) { return b ? true_() : false_(); }

  constexpr uintptr_t bits() const { return bits_; }
  constexpr bool is_null() const { return bits_ == 0; }
  explicit constexpr operator bool() const { return bits_ != 0; }
  constexpr bool is_small_int() const { return bits_ & 1; }
  constexpr int64_t as_small_int() const { return static_cast<intptr_t>(bits_) >> 1; }
  constexpr bool is_none() const { return bits_ == 2; }
  constexpr bool is_bool() const { return bits_ == 6 || bits_ == 10; }
  constexpr bool is_true() const { return bits_ == 10; }
  constexpr bool is_false() const { return bits_ == 6; }
  // Immediates (small ints and singletons) are never refcounted.
  constexpr bool is_object() const { return (bits_ & 3) == 0 && bits_ != 0; }
  Object* as_object() const { return reinterpret_cast<Object*>(bits_); }
  template <class T> T* as() const { return static_cast<T*>(as_object()); }

  constexpr bool operator==(const Value& other) const { return bits_ == other.bits_; }  // identity (`is`)

 private:
  uintptr_t bits_;
};

// Every heap object starts with this header. A negative refcount marks an immortal object
// (static type objects and everything they reach): such objects are shared by all
// interpreters of the process, so they must never be written to by refcounting.
struct Object {
  int64_t refcount = 1;
  TypeObject* type = nullptr;
};

inline constexpr int64_t immortal_refcount = INT64_MIN / 2;

void dealloc_object(Object* object);  // runs the type's dealloc slot and frees the memory

// incref is forced in line: GCC left it a call in parts of eval_frame (its inlining budget
// runs out in so big a function). decref is not: forcing it too cost instructions (nbody +1.5%).
[[gnu::always_inline]] inline void incref(Value v) {
  if (v.is_object()) {
    Object* o = v.as_object();
    if (__builtin_expect(o->refcount >= 0, 1)) ++o->refcount;
  }
}
// decref of a value known to be an object, forced in line: for the evaluation loop's hottest
// paths, where GCC would leave decref a call (forcing every decref in line costs more).
[[gnu::always_inline]] inline void decref_object(Object* o) {
  if (__builtin_expect(o->refcount > 0, 1) && --o->refcount == 0) dealloc_object(o);
}
inline void decref(Value v) {
  if (v.is_object()) decref_object(v.as_object());
}
inline void xdecref(Value v) { decref(v); }  // null-safe: null is not an object

// An owning reference. A null Ref returned from a function means an exception is pending in
// the current thread state (see errors.hpp).
class Ref {
 public:
  Ref() = default;
  Ref(std::nullptr_t) {}  // NOLINT
  // Takes ownership of an already-counted reference (a "new reference").
  // Both forced in line, as incref is: eval_frame's hot paths use them.
  [[gnu::always_inline]] static Ref steal(Value v) { Ref r; r.value_ = v; return r; }
  // Adds a reference to a borrowed value.
  [[gnu::always_inline]] static Ref borrow(Value v) { incref(v); return steal(v); }
  // Immediates need no counting, so they convert implicitly.
  static Ref none() { return steal(Value::none()); }
  static Ref boolean(bool b) { return steal(Value::boolean(b)); }

  Ref(const Ref& other) : value_(other.value_) { incref(value_); }
  Ref(Ref&& other) noexcept : value_(other.value_) { other.value_ = Value(); }
  Ref& operator=(const Ref& other) {
    Ref copy(other);
    std::swap(value_, copy.value_);
    return *this;
  }
  Ref& operator=(Ref&& other) noexcept {
    std::swap(value_, other.value_);
    return *this;
  }
  ~Ref() { decref(value_); }

  Value get() const { return value_; }
  // The held value's address: lets one reference be passed where a Value array is expected.
  const Value* ptr() const { return &value_; }
  Value operator*() const { return value_; }
  Object* operator->() const { return value_.as_object(); }
  explicit operator bool() const { return !value_.is_null(); }
  bool is_null() const { return value_.is_null(); }
  // Gives up ownership without decrementing: the caller now owns the reference.
  Value release() { Value v = value_; value_ = Value(); return v; }
  template <class T> T* as() const { return value_.as<T>(); }

 private:
  Value value_;
};

}  // namespace chaipy
