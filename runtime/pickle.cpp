// The pickle engine and the `_pickle` module: a CPython-byte-compatible pickler and unpickler (protocols 0-5), Pickler/Unpickler types, dumps/loads.
//
// Safety: unpickling imports modules and calls the callables a pickle names. Pickles are for
// data written by our own processes (multiprocessing pipes, queues, caches); data from
// strangers needs safe mode (safe=True: every global refused) or a find_class allow-list.
// Malformed input raises UnpicklingError or EOFError; lengths are checked against the input
// before anything is allocated.
#include "runtime/pickle.hpp"

#include <strings.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/function.hpp"
#include "runtime/import.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "runtime/unicode.hpp"

namespace chaipy {

namespace {

TypeObject PickleError_type, PicklingError_type, UnpicklingError_type;
TypeObject pickler_type, unpickler_type;

// ---- opcodes (CPython's Lib/pickle.py names) ----
enum Opcode : unsigned char {
  MARK = '(', STOP = '.', POP = '0', POP_MARK = '1', DUP = '2', FLOAT = 'F', INT = 'I', BININT = 'J',
  BININT1 = 'K', LONG = 'L', BININT2 = 'M', NONE = 'N', PERSID = 'P', BINPERSID = 'Q', REDUCE = 'R',
  STRING = 'S', BINSTRING = 'T', SHORT_BINSTRING = 'U', UNICODE = 'V', BINUNICODE = 'X', APPEND = 'a',
  BUILD = 'b', GLOBAL = 'c', DICT = 'd', EMPTY_DICT = '}', APPENDS = 'e', GET = 'g', BINGET = 'h',
  INST = 'i', LONG_BINGET = 'j', LIST = 'l', EMPTY_LIST = ']', OBJ = 'o', PUT = 'p', BINPUT = 'q',
  LONG_BINPUT = 'r', SETITEM = 's', TUPLE = 't', EMPTY_TUPLE = ')', SETITEMS = 'u', BINFLOAT = 'G',
  PROTO = 0x80, NEWOBJ = 0x81, EXT1 = 0x82, EXT2 = 0x83, EXT4 = 0x84, TUPLE1 = 0x85, TUPLE2 = 0x86,
  TUPLE3 = 0x87, NEWTRUE = 0x88, NEWFALSE = 0x89, LONG1 = 0x8a, LONG4 = 0x8b, BINBYTES = 'B',
  SHORT_BINBYTES = 'C', SHORT_BINUNICODE = 0x8c, BINUNICODE8 = 0x8d, BINBYTES8 = 0x8e, EMPTY_SET = 0x8f,
  ADDITEMS = 0x90, FROZENSET = 0x91, NEWOBJ_EX = 0x92, STACK_GLOBAL = 0x93, MEMOIZE = 0x94, FRAME = 0x95,
  BYTEARRAY8 = 0x96, NEXT_BUFFER = 0x97, READONLY_BUFFER = 0x98,
};

constexpr size_t batch_size = 1000;
constexpr size_t frame_size_min = 4;
constexpr size_t frame_size_target = 64 * 1024;
constexpr size_t frame_header_size = 9;
constexpr size_t no_frame = size_t(-1);

// ---- small helpers ----

// The per-opcode helpers are small and called from many places; GCC's -O2 heuristics would
// leave them as calls, which costs more than their bodies.
#define PICKLE_INLINE [[gnu::always_inline]] inline

// getattr that reports absence without an error: 1 found, 0 missing, -1 error.
int lookup_attr(Value obj, const char* name, Ref& out) {
  out = get_attr(obj, name);
  if (out) return 1;
  if (!error_matches(&AttributeError_type)) return -1;
  clear_error();
  return 0;
}

Ref import_copyreg() { return import_module("copyreg"); }

Ref copyreg_attribute(const char* name) {
  Ref copyreg = import_copyreg();
  if (!copyreg) return nullptr;
  return get_attr(*copyreg, name);
}

bool is_callable(Value v) { return type_of(v)->call != nullptr; }
bool is_iterator(Value v) { return type_of(v)->next != nullptr; }
bool is_type(Value v) { return v.is_object() && (type_of(v)->flags & type_flag_type_subclass); }

PICKLE_INLINE void put_u32(char* out, uint64_t v) {
  if constexpr (std::endian::native == std::endian::little) {
    uint32_t word = uint32_t(v);
    std::memcpy(out, &word, 4);
  } else {
    for (int i = 0; i < 4; ++i) out[i] = char((v >> (8 * i)) & 0xff);
  }
}
PICKLE_INLINE void put_u64(char* out, uint64_t v) {
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(out, &v, 8);
  } else {
    for (int i = 0; i < 8; ++i) out[i] = char((v >> (8 * i)) & 0xff);
  }
}
PICKLE_INLINE uint64_t get_le(const char* p, int n) {
  if constexpr (std::endian::native == std::endian::little) {
    switch (n) {  // the common widths as single loads
      case 1: return uint8_t(p[0]);
      case 2: { uint16_t v; std::memcpy(&v, p, 2); return v; }
      case 4: { uint32_t v; std::memcpy(&v, p, 4); return v; }
      case 8: { uint64_t v; std::memcpy(&v, p, 8); return v; }
    }
  }
  uint64_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | uint8_t(p[i]);
  return v;
}

// decode_utf8 for text with a byte >= 0x80: a str, or UnicodeDecodeError as CPython words it.
[[gnu::noinline]] Ref decode_non_ascii_utf8(std::string_view data) {
  if (utf8_is_wellformed(data)) return str_new(data);
  Utf8Error error;
  utf8_check(data, error);
  return raise_unicode_decode_error("utf-8", data, error.start, std::max(error.end, error.start + 1),
                                    error.reason ? error.reason : "invalid data");
}

// Moves n bytes (sizeof(Word) <= n <= 2 * sizeof(Word)) as two possibly overlapping words.
template <class Word>
PICKLE_INLINE void copy_as_two_words(char* out, const char* in, size_t n) {
  Word first, last;
  std::memcpy(&first, in, sizeof(Word));
  std::memcpy(&last, in + n - sizeof(Word), sizeof(Word));
  std::memcpy(out, &first, sizeof(Word));
  std::memcpy(out + n - sizeof(Word), &last, sizeof(Word));
}

// memcpy for the few bytes of a typical key or field, inline: overlapping word moves instead of
// a library call per str (16 bytes and more go to memcpy).
PICKLE_INLINE void copy_short(char* out, const char* in, size_t n) {
  if (n >= 16) {
    std::memcpy(out, in, n);
  } else if (n >= 8) {
    copy_as_two_words<uint64_t>(out, in, n);
  } else if (n >= 4) {
    copy_as_two_words<uint32_t>(out, in, n);
  } else if (n) {
    out[0] = in[0];
    out[n / 2] = in[n / 2];
    out[n - 1] = in[n - 1];
  }
}

// Strict UTF-8 (surrogates allowed, as CPython's "surrogatepass" the pickler uses) into a str.
PICKLE_INLINE Ref decode_utf8(std::string_view data) {
  if (is_ascii(data)) return str_new_ascii(data);
  return decode_non_ascii_utf8(data);
}

// Latin-1 bytes to str.
Ref decode_latin1(std::string_view data) {
  std::string text;
  text.reserve(data.size());
  for (unsigned char c : data) utf8_append(text, c);
  return str_new(text);
}

// Recursion guard shared by pickling and unpickling (deep structures raise RecursionError).
struct RecursionGuard {
  bool ok;
  explicit RecursionGuard(const char* what) {
    ThreadState& ts = thread_state();
    char marker;
    ok = ++ts.recursion_depth <= current_interpreter().recursion_limit &&
         !(ts.stack_limit && &marker < ts.stack_limit);
    if (!ok) raise_format(&RecursionError_type, "maximum recursion depth exceeded %s", what);
  }
  ~RecursionGuard() { --thread_state().recursion_depth; }
};

// Identity-keyed table from objects to memo indices; holds a reference to every key so that
// temporaries made while pickling (reduce tuples) keep their addresses until the end.
// Memo indices are handed out in insertion order, so the keys live in a dense array indexed by
// memo index and the open-addressing table holds only `index + 1` (0: empty): a dumps() clears
// a 256-byte table and releases exactly the keys it took, with no scan of empty slots.
class PointerMemo {
 public:
  PointerMemo() { std::memset(embedded_slots_, 0, sizeof embedded_slots_); }
  PointerMemo(const PointerMemo&) = delete;
  PointerMemo& operator=(const PointerMemo&) = delete;
  ~PointerMemo() { release_keys(); }
  PICKLE_INLINE int64_t find(Value key) const {
    size_t mask = capacity_ - 1;
    for (size_t i = hash(key) & mask;; i = (i + 1) & mask) {
      uint32_t slot = slots_[i];
      if (!slot) return -1;
      if (keys_[slot - 1] == key.bits()) return int64_t(slot - 1);
    }
  }
  // Adds key with the next memo index, size().
  PICKLE_INLINE void insert(Value key) {
    if ((used_ + 1) * 3 >= capacity_ * 2) grow_table();
    if (used_ == keys_capacity_) grow_keys();
    incref(key);
    keys_[used_] = key.bits();
    place(key.bits(), uint32_t(used_ + 1));
    ++used_;
  }
  size_t size() const { return used_; }
  void clear() {
    release_keys();
    heap_slots_.reset();
    heap_keys_.reset();
    slots_ = embedded_slots_;
    keys_ = embedded_keys_;
    capacity_ = embedded_size;
    keys_capacity_ = embedded_keys_size;
    std::memset(embedded_slots_, 0, sizeof embedded_slots_);
    used_ = 0;
  }

 private:
  // A typical pickle's memo fits the embedded arrays: no allocation per dumps().
  static constexpr size_t embedded_size = 64;
  static constexpr size_t embedded_keys_size = embedded_size * 2 / 3 + 1;
  static size_t hash(Value key) { return size_t((key.bits() >> 4) * 0x9E3779B97F4A7C15ull >> 20); }
  void release_keys() {
    for (size_t i = 0; i < used_; ++i) decref(Value::from_bits(keys_[i]));
  }
  PICKLE_INLINE void place(uintptr_t key, uint32_t slot) {
    size_t mask = capacity_ - 1;
    size_t i = hash(Value::from_bits(key)) & mask;
    while (slots_[i]) i = (i + 1) & mask;
    slots_[i] = slot;
  }
  [[gnu::noinline]] void grow_table() {
    if (capacity_ >= (size_t(1) << 31)) throw std::bad_alloc();  // slots hold 32-bit indices
    capacity_ *= 2;
    heap_slots_.reset(new uint32_t[capacity_]());
    slots_ = heap_slots_.get();
    for (size_t i = 0; i < used_; ++i) place(keys_[i], uint32_t(i + 1));
  }
  [[gnu::noinline]] void grow_keys() {
    size_t capacity = keys_capacity_ * 2;
    std::unique_ptr<uintptr_t[]> bigger(new uintptr_t[capacity]);
    std::memcpy(bigger.get(), keys_, used_ * sizeof(uintptr_t));
    heap_keys_ = std::move(bigger);
    keys_ = heap_keys_.get();
    keys_capacity_ = capacity;
  }
  uint32_t embedded_slots_[embedded_size];
  uintptr_t embedded_keys_[embedded_keys_size];
  std::unique_ptr<uint32_t[]> heap_slots_;
  std::unique_ptr<uintptr_t[]> heap_keys_;
  uint32_t* slots_ = embedded_slots_;
  uintptr_t* keys_ = embedded_keys_;
  size_t capacity_ = embedded_size, keys_capacity_ = embedded_keys_size;
  size_t used_ = 0;
};

// ---- the pickler ----

// The pickler's output bytes. Most appends are one to nine bytes, so the append is inline and
// a typical pickle fits the embedded first block (no allocation).
class OutputBuffer {
 public:
  OutputBuffer() = default;
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;
  ~OutputBuffer() {
    if (data_ != embedded_) std::free(data_);
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return {data_, size_}; }
  char* at(size_t pos) { return data_ + pos; }
  PICKLE_INLINE void append(const char* bytes, size_t n) {
    if (n > capacity_ - size_) grow(n);
    std::memcpy(data_ + size_, bytes, n);
    size_ += n;
  }
  PICKLE_INLINE void push(char c) {
    if (size_ == capacity_) grow(1);
    data_[size_++] = c;
  }
  // Appends n bytes for the caller to fill: their address.
  PICKLE_INLINE char* extend(size_t n) {
    if (n > capacity_ - size_) grow(n);
    char* out = data_ + size_;
    size_ += n;
    return out;
  }
  void append_filled(size_t n, char c) {
    if (n > capacity_ - size_) grow(n);
    std::memset(data_ + size_, c, n);
    size_ += n;
  }
  void erase(size_t pos, size_t n) {
    std::memmove(data_ + pos, data_ + pos + n, size_ - pos - n);
    size_ -= n;
  }
  void clear() { size_ = 0; }

 private:
  [[gnu::noinline]] void grow(size_t extra) {
    size_t capacity = std::max(capacity_ * 2, size_ + extra);
    char* bigger = static_cast<char*>(std::malloc(capacity));
    if (!bigger) throw std::bad_alloc();
    std::memcpy(bigger, data_, size_);
    if (data_ != embedded_) std::free(data_);
    data_ = bigger;
    capacity_ = capacity;
  }
  char embedded_[512];
  char* data_ = embedded_;
  size_t size_ = 0, capacity_ = sizeof embedded_;
};

class PickleWriter {
 public:
  PickleWriter(int protocol, bool fix_imports) : proto_(protocol), bin_(protocol > 0), fix_imports_(fix_imports && protocol < 3) {}
  // Hooks (borrowed; any may be null): persistent_id(obj), reducer_override(obj), a dispatch
  // table mapping types to reducers, and the file's write() for streaming frames.
  Value persistent_id, reducer_override, dispatch_table, file_write, buffer_callback;
  PointerMemo* memo = nullptr;  // shared across dump() calls of one Pickler

  bool dump(Value obj) {
    if (proto_ >= 2) {
      char header[2] = {char(PROTO), char(proto_)};
      write(header, 2);
      if (proto_ >= 4) framing_ = true;
    }
    bool ok = save(obj, false);
    if (ok) {
      write_op(STOP);
      commit_frame();
    }
    framing_ = false;
    return ok;
  }
  std::string_view output() const { return out_.view(); }
  // Sends what is buffered to the file (Pickler.dump); false with an error pending.
  bool flush_to_file() {
    commit_frame();
    if (out_.empty() && !file_write) return true;
    Ref data = bytes_new(out_.view());
    if (!data) return false;
    out_.clear();
    return bool(call1(file_write, *data));
  }

 private:
  int proto_;
  bool bin_;
  bool fix_imports_;
  bool framing_ = false;
  size_t frame_start_ = no_frame;
  size_t frame_full_at_ = no_frame;  // the output size at which the open frame is full
  OutputBuffer out_;

  // ---- output and framing (as _Pickler_Write / CommitFrame / OpcodeBoundary) ----
  PICKLE_INLINE void start_frame_if_framing() {
    if (frame_start_ == no_frame && framing_) start_frame();
  }
  [[gnu::noinline]] void start_frame() {
    frame_start_ = out_.size();
    frame_full_at_ = frame_start_ + frame_header_size + frame_size_target;
    out_.append_filled(frame_header_size, '\xfe');
  }
  PICKLE_INLINE void write(const char* data, size_t n) {
    start_frame_if_framing();
    out_.append(data, n);
  }
  void write(std::string_view s) { write(s.data(), s.size()); }
  PICKLE_INLINE void write_op(unsigned char op) {
    start_frame_if_framing();
    out_.push(char(op));
  }
  void commit_frame() {
    if (!framing_ || frame_start_ == no_frame) return;
    size_t length = out_.size() - frame_start_ - frame_header_size;
    if (length >= frame_size_min) {
      *out_.at(frame_start_) = char(FRAME);
      put_u64(out_.at(frame_start_ + 1), length);
    } else {
      out_.erase(frame_start_, frame_header_size);
    }
    frame_start_ = no_frame;
    frame_full_at_ = no_frame;
  }
  PICKLE_INLINE bool opcode_boundary() {
    if (out_.size() < frame_full_at_) [[likely]] return true;  // no frame open, or room in it
    commit_frame();
    return !file_write || flush_to_file();
  }
  // A header and a payload; payloads of a frame's size or more go outside any frame.
  PICKLE_INLINE bool write_with_payload(const char* header, size_t header_size, std::string_view payload, Value payload_object) {
    if (payload.size() < frame_size_target) {
      write(header, header_size);
      out_.append(payload.data(), payload.size());
      return true;
    }
    return write_large_payload(header, header_size, payload, payload_object);
  }
  bool write_large_payload(const char* header, size_t header_size, std::string_view payload, Value payload_object) {
    bool bypass = payload.size() >= frame_size_target;
    bool framing = framing_;
    if (bypass) {
      commit_frame();
      framing_ = false;
    }
    write(header, header_size);
    if (bypass && file_write) {
      if (!flush_to_file()) return false;
      Ref made;
      if (!payload_object || !is_bytes(payload_object)) {
        made = bytes_new(payload);
        if (!made) return false;
        payload_object = *made;
      }
      if (!call1(file_write, payload_object)) return false;
    } else {
      write(payload);
    }
    framing_ = framing;
    return true;
  }

  // ---- memo ----
  PICKLE_INLINE bool memo_put(Value obj) {
    size_t index = memo->size();
    memo->insert(obj);
    if (proto_ >= 4) write_op(MEMOIZE);
    else write_put(index);
    return true;
  }
  void write_put(size_t index) {
    if (!bin_) {
      write("p" + std::to_string(index) + "\n");
    } else if (index < 256) {
      char data[2] = {char(BINPUT), char(index)};
      write(data, 2);
    } else {
      char data[5] = {char(LONG_BINPUT)};
      put_u32(data + 1, index);
      write(data, 5);
    }
  }
  void memo_get(int64_t index) {
    if (!bin_) {
      write("g" + std::to_string(index) + "\n");
    } else if (index < 256) {
      char data[2] = {char(BINGET), char(index)};
      write(data, 2);
    } else {
      char data[5] = {char(LONG_BINGET)};
      put_u32(data + 1, uint64_t(index));
      write(data, 5);
    }
  }

  // ---- atoms ----
  void save_bool(Value obj) {
    if (proto_ >= 2) write_op(obj.is_true() ? NEWTRUE : NEWFALSE);
    else write(obj.is_true() ? "I01\n" : "I00\n");
  }
  bool save_long(Value obj) {
    int64_t value;
    bool small = obj.is_small_int() ? (value = obj.as_small_int(), true) : int_to_i64(obj, value);
    if (small && value >= -0x80000000ll && value <= 0x7fffffffll) {
      if (bin_) {
        char data[5];
        put_u32(data + 1, uint64_t(value));
        if (data[4] || data[3]) {
          data[0] = char(BININT);
          write(data, 5);
        } else if (data[2]) {
          data[0] = char(BININT2);
          write(data, 3);
        } else {
          data[0] = char(BININT1);
          write(data, 2);
        }
      } else {
        write("I" + std::to_string(value) + "\n");
      }
      return true;
    }
    BigInt big = int_to_bigint(obj);
    if (proto_ >= 2) {
      size_t nbytes = size_t(big.bit_length() >> 3) + 1;
      if (nbytes > 0x7fffffff) return bool(raise(&OverflowError_type, "int too large to pickle"));
      bool overflow = false;
      std::vector<uint8_t> data = big.to_bytes(nbytes, true, true, overflow);
      if (big.is_negative() && nbytes > 1 && data[nbytes - 1] == 0xff && (data[nbytes - 2] & 0x80)) --nbytes;
      if (nbytes < 256) {
        char header[2] = {char(LONG1), char(nbytes)};
        write(header, 2);
      } else {
        char header[5] = {char(LONG4)};
        put_u32(header + 1, nbytes);
        write(header, 5);
      }
      write(reinterpret_cast<const char*>(data.data()), nbytes);
      return true;
    }
    write("L" + big.to_string() + "L\n");
    return true;
  }
  bool save_float(Value obj) {
    double x = float_value(obj);
    if (bin_) {
      char data[9] = {char(BINFLOAT)};
      uint64_t bits;
      std::memcpy(&bits, &x, 8);
      bits = __builtin_bswap64(bits);  // big-endian IEEE 754
      std::memcpy(data + 1, &bits, 8);
      write(data, 9);
      return true;
    }
    Ref text = object_repr(obj);
    if (!text) return false;
    write_op(FLOAT);
    write(str_view(*text));
    write("\n");
    return true;
  }
  bool save_bytes(Value obj) {
    std::string_view data = bytes_view(obj);
    if (proto_ < 3) {
      Ref reduce_value;
      if (data.empty()) {
        Ref empty = empty_tuple();
        reduce_value = tuple_pack({Value(&bytes_type), *empty});
      } else {
        Ref text = decode_latin1(data);
        if (!text) return false;
        Ref args = tuple_pack({*text, str_intern("latin1")});
        reduce_value = tuple_pack({codecs_encode_function(), *args});
      }
      return reduce_value && save_reduce(*reduce_value, obj);
    }
    char header[9];
    size_t header_size;
    if (data.size() <= 0xff) {
      header[0] = char(SHORT_BINBYTES);
      header[1] = char(data.size());
      header_size = 2;
    } else if (data.size() <= 0xffffffffull) {
      header[0] = char(BINBYTES);
      put_u32(header + 1, data.size());
      header_size = 5;
    } else if (proto_ >= 4) {
      header[0] = char(BINBYTES8);
      put_u64(header + 1, data.size());
      header_size = 9;
    } else {
      return bool(raise(&OverflowError_type, "serializing a bytes object larger than 4 GiB requires pickle protocol 4 or higher"));
    }
    return write_with_payload(header, header_size, data, obj) && memo_put(obj);
  }
  bool save_bytearray(Value obj) {
    std::string_view data;
    bytes_like_view(obj, data);
    if (proto_ < 5) {
      Ref args;
      if (data.empty()) {
        args = empty_tuple();
      } else {
        Ref copy = bytes_new(data);
        if (!copy) return false;
        args = tuple_pack({*copy});
      }
      Ref reduce_value = tuple_pack({Value(&bytearray_type), *args});
      return reduce_value && save_reduce(*reduce_value, obj);
    }
    char header[9] = {char(BYTEARRAY8)};
    put_u64(header + 1, data.size());
    return write_with_payload(header, 9, data, Value()) && memo_put(obj);
  }
  // raw-unicode-escape plus escapes for backslash, NUL, CR, LF and ^Z (protocol 0's UNICODE).
  static std::string raw_unicode_escape(std::string_view text) {
    static const char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
      uint32_t cp = utf8_decode_next(text, pos);
      if (cp >= 0x10000) {
        out += "\\U";
        for (int shift = 28; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xf];
      } else if (cp >= 256 || cp == '\\' || cp == 0 || cp == '\n' || cp == '\r' || cp == 0x1a) {
        out += "\\u";
        for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 0xf];
      } else {
        out += char(cp);
      }
    }
    return out;
  }
  bool save_str(Value obj) {
    std::string_view data = str_view(obj);
    if (data.size() <= 0xff && proto_ >= 4) {
      // The usual str of protocol 4+: SHORT_BINUNICODE, length, text, MEMOIZE in one stretch.
      start_frame_if_framing();
      char* out = out_.extend(data.size() + 3);
      out[0] = char(SHORT_BINUNICODE);
      out[1] = char(data.size());
      copy_short(out + 2, data.data(), data.size());
      out[data.size() + 2] = char(MEMOIZE);
      memo->insert(obj);
      return true;
    }
    if (bin_) {
      char header[9];
      size_t header_size;
      if (data.size() <= 0xffffffffull) {
        header[0] = char(BINUNICODE);
        put_u32(header + 1, data.size());
        header_size = 5;
      } else if (proto_ >= 4) {
        header[0] = char(BINUNICODE8);
        put_u64(header + 1, data.size());
        header_size = 9;
      } else {
        return bool(raise(&OverflowError_type, "serializing a string larger than 4 GiB requires pickle protocol 4 or higher"));
      }
      if (!write_with_payload(header, header_size, data, Value())) return false;
    } else {
      write_op(UNICODE);
      write(raw_unicode_escape(data));
      write("\n");
    }
    return memo_put(obj);
  }

  // ---- containers ----
  bool save_tuple(Value obj) {
    int64_t n = tuple_size(obj);
    if (n == 0) {
      if (proto_) write_op(EMPTY_TUPLE);
      else write("(t");
      return true;
    }
    if (n <= 3 && proto_ >= 2) {
      for (int64_t i = 0; i < n; ++i)
        if (!save(tuple_item(obj, i), false)) return false;
      int64_t index = memo->find(obj);
      if (index >= 0) {
        for (int64_t i = 0; i < n; ++i) write_op(POP);
        memo_get(index);
        return true;
      }
      write_op(TUPLE1 + (n - 1));
      return memo_put(obj);
    }
    write_op(MARK);
    for (int64_t i = 0; i < n; ++i)
      if (!save(tuple_item(obj, i), false)) return false;
    int64_t index = memo->find(obj);
    if (index >= 0) {
      if (bin_) write_op(POP_MARK);
      else
        for (int64_t i = 0; i <= n; ++i) write_op(POP);
      memo_get(index);
      return true;
    }
    write_op(TUPLE);
    return memo_put(obj);
  }
  bool save_list(Value obj) {
    if (bin_) write_op(EMPTY_LIST);
    else write("(l");
    memo_put(obj);
    int64_t n = list_size(obj);
    if (n == 0) return true;
    if (proto_ == 0) {
      Ref iterator = get_iter(obj);
      return iterator && batch_list(*iterator);
    }
    if (n == 1) {
      Ref item = Ref::borrow(list_item(obj, 0));
      if (!save(*item, false)) return false;
      write_op(APPEND);
      return true;
    }
    int64_t total = 0;
    do {
      write_op(MARK);
      size_t in_batch = 0;
      while (total < list_size(obj)) {
        Ref item = Ref::borrow(list_item(obj, total));
        if (!save(*item, false)) return false;
        ++total;
        if (++in_batch == batch_size) break;
      }
      write_op(APPENDS);
    } while (total < list_size(obj));
    return true;
  }
  // MARK item ... APPENDS batches from an iterator (list subclasses, reduce's listitems).
  bool batch_list(Value iterator) {
    if (proto_ == 0) {
      for (;;) {
        Ref item = iter_next(iterator);
        if (!item) return !error_pending();
        if (!save(*item, false)) return false;
        write_op(APPEND);
      }
    }
    size_t n;
    do {
      Ref first = iter_next(iterator);
      if (!first) return !error_pending();
      Ref item = iter_next(iterator);
      if (!item) {
        if (error_pending()) return false;
        if (!save(*first, false)) return false;
        write_op(APPEND);
        return true;
      }
      write_op(MARK);
      if (!save(*first, false)) return false;
      n = 1;
      while (item) {
        if (!save(*item, false)) return false;
        if (++n == batch_size) break;
        item = iter_next(iterator);
        if (!item && error_pending()) return false;
      }
      write_op(APPENDS);
    } while (n == batch_size);
    return true;
  }
  bool save_dict(Value obj) {
    if (bin_) write_op(EMPTY_DICT);
    else write("(d");
    memo_put(obj);
    int64_t size = dict_size(obj);
    if (size == 0) return true;
    if (proto_ == 0 || type_of(obj) != &dict_type) {
      Ref items_method = get_attr(obj, "items");
      if (!items_method) return false;
      Ref items = call0(*items_method);
      if (!items) return false;
      Ref iterator = get_iter(*items);
      return iterator && batch_dict(*iterator);
    }
    size_t pos = 0;
    Value key, value;
    if (size == 1) {
      dict_next(obj, pos, key, value);
      Ref k = Ref::borrow(key), v = Ref::borrow(value);
      if (!save(*k, false) || !save(*v, false)) return false;
      write_op(SETITEM);
      return true;
    }
    size_t in_batch;
    do {
      in_batch = 0;
      write_op(MARK);
      while (dict_next(obj, pos, key, value)) {
        Ref k = Ref::borrow(key), v = Ref::borrow(value);
        if (!save(*k, false) || !save(*v, false)) return false;
        if (++in_batch == batch_size) break;
      }
      write_op(SETITEMS);
      if (dict_size(obj) != size) return bool(raise(&RuntimeError_type, "dictionary changed size during iteration"));
    } while (in_batch == batch_size);
    return true;
  }
  bool batch_dict(Value iterator) {
    auto save_pair = [&](Value pair) {
      if (!is_tuple(pair) || tuple_size(pair) != 2)
        return bool(raise(&TypeError_type, "dict items iterator must return 2-tuples"));
      return save(tuple_item(pair, 0), false) && save(tuple_item(pair, 1), false);
    };
    if (proto_ == 0) {
      for (;;) {
        Ref item = iter_next(iterator);
        if (!item) return !error_pending();
        if (!save_pair(*item)) return false;
        write_op(SETITEM);
      }
    }
    size_t n;
    do {
      Ref first = iter_next(iterator);
      if (!first) return !error_pending();
      if (!is_tuple(*first) || tuple_size(*first) != 2)
        return bool(raise(&TypeError_type, "dict items iterator must return 2-tuples"));
      Ref item = iter_next(iterator);
      if (!item) {
        if (error_pending()) return false;
        if (!save_pair(*first)) return false;
        write_op(SETITEM);
        return true;
      }
      write_op(MARK);
      if (!save_pair(*first)) return false;
      n = 1;
      while (item) {
        if (!save_pair(*item)) return false;
        if (++n == batch_size) break;
        item = iter_next(iterator);
        if (!item && error_pending()) return false;
      }
      write_op(SETITEMS);
    } while (n == batch_size);
    return true;
  }
  bool save_set(Value obj) {
    if (proto_ < 4) {
      Ref items = list_from_iterable(obj);
      if (!items) return false;
      Ref args = tuple_pack({*items});
      Ref reduce_value = tuple_pack({Value(&set_type), *args});
      return reduce_value && save_reduce(*reduce_value, obj);
    }
    write_op(EMPTY_SET);
    memo_put(obj);
    int64_t size = set_size(obj);
    if (size == 0) return true;
    size_t pos = 0, in_batch;
    Value item;
    do {
      in_batch = 0;
      write_op(MARK);
      while (set_next(obj, pos, item)) {
        Ref held = Ref::borrow(item);
        if (!save(*held, false)) return false;
        if (++in_batch == batch_size) break;
      }
      write_op(ADDITEMS);
      if (set_size(obj) != size) return bool(raise(&RuntimeError_type, "set changed size during iteration"));
    } while (in_batch == batch_size);
    return true;
  }
  bool save_frozenset(Value obj) {
    if (proto_ < 4) {
      Ref items = list_from_iterable(obj);
      if (!items) return false;
      Ref args = tuple_pack({*items});
      Ref reduce_value = tuple_pack({Value(&frozenset_type), *args});
      return reduce_value && save_reduce(*reduce_value, obj);
    }
    write_op(MARK);
    size_t pos = 0;
    Value item;
    while (set_next(obj, pos, item)) {
      Ref held = Ref::borrow(item);
      if (!save(*held, false)) return false;
    }
    int64_t index = memo->find(obj);
    if (index >= 0) {
      write_op(POP_MARK);
      memo_get(index);
      return true;
    }
    write_op(FROZENSET);
    return memo_put(obj);
  }

  // ---- globals ----
 public:
  static Value codecs_encode_function();

 private:

  // Splits a qualified name; "<locals>" parts cannot be looked up again.
  static bool dotted_path(Value name, std::vector<Ref>& parts) {
    std::string_view text = str_view(name);
    size_t start = 0;
    for (;;) {
      size_t dot = text.find('.', start);
      std::string_view part = text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
      if (part == "<locals>") {
        raise_format(&AttributeError_type, "Can't pickle local object %R", name);
        return false;
      }
      Ref piece = str_new(part);
      if (!piece) return false;
      parts.push_back(std::move(piece));
      if (dot == std::string_view::npos) return true;
      start = dot + 1;
    }
  }
  // Walks attributes; null without an error when one is missing.
  static Ref deep_attribute(Value root, const std::vector<Ref>& parts, Ref* parent) {
    Ref current = Ref::borrow(root);
    for (const Ref& part : parts) {
      if (parent) *parent = current;
      Ref next = get_attr(*current, *part);
      if (!next) {
        clear_error();
        return nullptr;
      }
      current = std::move(next);
    }
    return current;
  }
  static Ref which_module(Value obj, const std::vector<Ref>& parts) {
    Ref module_name;
    int found = lookup_attr(obj, "__module__", module_name);
    if (found < 0) return nullptr;
    // Module names are interned in CPython, so repeats pickle as memo references.
    if (found && is_str(*module_name)) return Ref::steal(str_intern(str_view(*module_name)));
    if (found && !module_name.get().is_none()) return module_name;
    Value modules = current_interpreter().modules;
    size_t pos = 0;
    Value name, module;
    while (dict_next(modules, pos, name, module)) {
      if (module.is_none() || (is_str(name) && str_view(name) == "__main__")) continue;
      Ref candidate = deep_attribute(module, parts, nullptr);
      if (candidate && *candidate == obj) return Ref::borrow(name);
    }
    return Ref::steal(str_intern("__main__"));
  }

  bool save_global(Value obj, Value name) {
    if (obj == codecs_encode_function()) return write_global(obj, Ref::steal(str_intern("_codecs")), Ref::steal(str_intern("encode")));
    Ref global_name;
    if (name) {
      global_name = Ref::borrow(name);
    } else {
      int found = lookup_attr(obj, "__qualname__", global_name);
      if (found < 0) return false;
      if (!found && !(global_name = get_attr(obj, "__name__"))) return false;
    }
    if (!is_str(*global_name)) return bool(raise_format(&TypeError_type, "attribute name must be string, not '%s'", type_name(*global_name)));
    std::vector<Ref> parts;
    if (!dotted_path(*global_name, parts)) return false;
    Ref module_name = which_module(obj, parts);
    if (!module_name) return false;
    if (!is_str(*module_name)) return bool(raise_format(&TypeError_type, "module name must be str, not %s", type_name(*module_name)));
    Ref module = import_module(str_view(*module_name));
    if (!module) {
      clear_error();
      return bool(raise_format(&PicklingError_type, "Can't pickle %R: import of module %R failed", obj, *module_name));
    }
    Ref parent;
    Ref found = deep_attribute(*module, parts, &parent);
    if (!found)
      return bool(raise_format(&PicklingError_type, "Can't pickle %R: attribute lookup %S on %S failed", obj, *global_name, *module_name));
    if (*found != obj)
      return bool(raise_format(&PicklingError_type, "Can't pickle %R: it's not the same object as %S.%S", obj, *module_name, *global_name));
    if (proto_ >= 2) {
      int extension = save_extension(obj, *module_name, *global_name);
      if (extension < 0) return false;
      if (extension > 0) return true;
    }
    if (*parent == *module) return write_global(obj, std::move(module_name), parts.back());
    if (proto_ >= 4) return write_global(obj, std::move(module_name), std::move(global_name));
    Value getattr_function = dict_get_str(current_interpreter().builtins, "getattr");
    Ref args = tuple_pack({*parent, *parts.back()});
    Ref reduce_value = tuple_pack({getattr_function, *args});
    return reduce_value && save_reduce(*reduce_value, Value()) && memo_put(obj);
  }
  // STACK_GLOBAL (protocol 4+) or GLOBAL for a module-level name, then memoizes obj.
  bool write_global(Value obj, Ref module_name, Ref global_name) {
    if (proto_ >= 4) {
      if (!save(*module_name, false) || !save(*global_name, false)) return false;
      write_op(STACK_GLOBAL);
    } else if (!write_global_line(*module_name, *global_name)) {
      return false;
    }
    return memo_put(obj);
  }
  // EXT1/2/4 for globals registered with copyreg.add_extension: 1 written, 0 not registered.
  int save_extension(Value obj, Value module_name, Value global_name) {
    Value copyreg = dict_get_str(current_interpreter().modules, "copyreg");
    if (!copyreg || !is_module(copyreg)) return 0;
    Value registry = dict_get_str(module_dict(copyreg), "_extension_registry");
    if (!registry || !is_dict(registry) || dict_size(registry) == 0) return 0;
    Ref key = tuple_pack({module_name, global_name});
    if (!key) return -1;
    Value code_object = dict_get(registry, *key);
    if (!code_object) return error_pending() ? -1 : 0;
    int64_t code;
    if (!is_int(code_object)) {
      raise_format(&PicklingError_type, "Can't pickle %R: extension code %R isn't an integer", obj, code_object);
      return -1;
    }
    if (!int_to_i64(code_object, code) || code <= 0 || code > 0x7fffffff) {
      raise_format(&PicklingError_type, "Can't pickle %R: extension code %R is out of range", obj, code_object);
      return -1;
    }
    char data[5];
    if (code <= 0xff) {
      data[0] = char(EXT1);
      data[1] = char(code);
      write(data, 2);
    } else if (code <= 0xffff) {
      data[0] = char(EXT2);
      data[1] = char(code & 0xff);
      data[2] = char(code >> 8);
      write(data, 3);
    } else {
      data[0] = char(EXT4);
      put_u32(data + 1, uint64_t(code));
      write(data, 5);
    }
    return 1;
  }
  // GLOBAL's two text lines, with Python 2 names for protocols below 3 (fix_imports).
  bool write_global_line(Value module_name, Value global_name) {
    Ref module = Ref::borrow(module_name), name = Ref::borrow(global_name);
    if (fix_imports_ && !map_to_python2(module, name)) return false;
    for (Value part : {*module, *name}) {
      std::string_view text = str_view(part);
      if (proto_ != 3 && !is_ascii(text))
        return bool(raise_format(&PicklingError_type, "can't pickle %s identifier '%S' using pickle protocol %d",
                                 part == *module ? "module" : "global", part, proto_));
    }
    write_op(GLOBAL);
    write(str_view(*module));
    write("\n");
    write(str_view(*name));
    write("\n");
    return true;
  }
  static bool map_to_python2(Ref& module, Ref& name) {
    Ref compat = import_module("_compat_pickle");
    if (!compat) return false;
    Ref name_mapping = get_attr(*compat, "REVERSE_NAME_MAPPING");
    Ref import_mapping = get_attr(*compat, "REVERSE_IMPORT_MAPPING");
    if (!name_mapping || !import_mapping) return false;
    Ref key = tuple_pack({*module, *name});
    Value mapped = dict_get(*name_mapping, *key);
    if (mapped && is_tuple(mapped) && tuple_size(mapped) == 2) {
      module = Ref::borrow(tuple_item(mapped, 0));
      name = Ref::borrow(tuple_item(mapped, 1));
      return true;
    }
    Value mapped_module = dict_get(*import_mapping, *module);
    if (mapped_module && is_str(mapped_module)) module = Ref::borrow(mapped_module);
    return !error_pending();
  }
  bool save_type(Value obj) {
    Value singleton;
    if (obj == Value(&none_type)) singleton = Value::none();
    else if (obj == Value(&ellipsis_type)) singleton = Value(&Ellipsis_object);
    else if (obj == Value(&not_implemented_type)) singleton = not_implemented();
    if (!singleton) return save_global(obj, Value());
    Ref args = tuple_pack({singleton});
    Ref reduce_value = tuple_pack({Value(&type_type), *args});
    return reduce_value && save_reduce(*reduce_value, obj);
  }
  // Persistent ids: 1 written, 0 not persistent, -1 error.
  int save_persistent(Value obj) {
    Ref pid = call1(persistent_id, obj);
    if (!pid) return -1;
    if (pid.get().is_none()) return 0;
    if (bin_) {
      if (!save(*pid, true)) return -1;
      write_op(BINPERSID);
      return 1;
    }
    Ref text = object_str(*pid);
    if (!text) return -1;
    if (!is_ascii(str_view(*text))) {
      raise(&PicklingError_type, "persistent IDs in protocol 0 must be ASCII strings");
      return -1;
    }
    write_op(PERSID);
    write(str_view(*text));
    write("\n");
    return 1;
  }

  // ---- reduce ----
  bool save_reduce(Value reduce_value, Value obj) {
    int64_t size = tuple_size(reduce_value);
    if (size < 2 || size > 6)
      return bool(raise(&PicklingError_type, "tuple returned by __reduce__ must contain 2 through 6 elements"));
    Value callable = tuple_item(reduce_value, 0), argtuple = tuple_item(reduce_value, 1);
    auto optional = [&](int64_t i) { return i < size && !tuple_item(reduce_value, i).is_none() ? tuple_item(reduce_value, i) : Value(); };
    Value state = optional(2), listitems = optional(3), dictitems = optional(4), state_setter = optional(5);
    if (!is_callable(callable))
      return bool(raise(&PicklingError_type, "first item of the tuple returned by __reduce__ must be callable"));
    if (!is_tuple(argtuple))
      return bool(raise(&PicklingError_type, "second item of the tuple returned by __reduce__ must be a tuple"));
    if (listitems && !is_iterator(listitems))
      return bool(raise_format(&PicklingError_type, "fourth element of the tuple returned by __reduce__ must be an iterator, not %s", type_name(listitems)));
    if (dictitems && !is_iterator(dictitems))
      return bool(raise_format(&PicklingError_type, "fifth element of the tuple returned by __reduce__ must be an iterator, not %s", type_name(dictitems)));
    if (state_setter && !is_callable(state_setter))
      return bool(raise_format(&PicklingError_type, "sixth element of the tuple returned by __reduce__ must be a function, not %s", type_name(state_setter)));
    bool use_newobj = false, use_newobj_ex = false;
    if (proto_ >= 2) {
      Ref name;
      if (lookup_attr(callable, "__name__", name) < 0) return false;
      if (name && is_str(*name)) {
        use_newobj_ex = str_view(*name) == "__newobj_ex__";
        use_newobj = str_view(*name) == "__newobj__";
      }
    }
    if (use_newobj_ex) {
      if (tuple_size(argtuple) != 3)
        return bool(raise_format(&PicklingError_type, "length of the NEWOBJ_EX argument tuple must be exactly 3, not %zd", size_t(tuple_size(argtuple))));
      Value cls = tuple_item(argtuple, 0), args = tuple_item(argtuple, 1), kwargs = tuple_item(argtuple, 2);
      if (!is_type(cls))
        return bool(raise_format(&PicklingError_type, "first item from NEWOBJ_EX argument tuple must be a class, not %s", type_name(cls)));
      if (!is_tuple(args))
        return bool(raise_format(&PicklingError_type, "second item from NEWOBJ_EX argument tuple must be a tuple, not %s", type_name(args)));
      if (!is_dict(kwargs))
        return bool(raise_format(&PicklingError_type, "third item from NEWOBJ_EX argument tuple must be a dict, not %s", type_name(kwargs)));
      if (proto_ >= 4) {
        if (!save(cls, false) || !save(args, false) || !save(kwargs, false)) return false;
        write_op(NEWOBJ_EX);
      } else {
        // functools.partial(cls.__new__, cls, *args, **kwargs)()
        Ref functools = import_module("functools");
        if (!functools) return false;
        Ref partial = get_attr(*functools, "partial");
        Ref cls_new = get_attr(cls, "__new__");
        if (!partial || !cls_new) return false;
        std::vector<Value> call_args = {*cls_new, cls};
        for (int64_t i = 0; i < tuple_size(args); ++i) call_args.push_back(tuple_item(args, i));
        size_t positional = call_args.size();
        Ref names = tuple_new(size_t(dict_size(kwargs)));
        if (!names) return false;
        size_t pos = 0, k = 0;
        Value key, value;
        while (dict_next(kwargs, pos, key, value)) {
          incref(key);
          tuple_set(*names, k++, key);
          call_args.push_back(value);
        }
        Ref made = call(*partial, call_args.data(), positional, *names);
        if (!made) return false;
        Ref empty = empty_tuple();
        if (!save(*made, false) || !save(*empty, false)) return false;
        write_op(REDUCE);
      }
    } else if (use_newobj) {
      if (tuple_size(argtuple) < 1) return bool(raise(&PicklingError_type, "__newobj__ arglist is empty"));
      Value cls = tuple_item(argtuple, 0);
      if (!is_type(cls)) return bool(raise(&PicklingError_type, "args[0] from __newobj__ args is not a type"));
      if (obj) {
        Ref obj_class;
        int found = lookup_attr(obj, "__class__", obj_class);
        if (found < 0) return false;
        Value actual = found ? *obj_class : Value(type_of(obj));
        if (actual != cls) return bool(raise(&PicklingError_type, "args[0] from __newobj__ args has the wrong class"));
      }
      if (!save(cls, false)) return false;
      Ref rest = tuple_from_array(argtuple.as<TupleObject>()->items + 1, size_t(tuple_size(argtuple) - 1));
      if (!rest || !save(*rest, false)) return false;
      write_op(NEWOBJ);
    } else {
      if (!save(callable, false) || !save(argtuple, false)) return false;
      write_op(REDUCE);
    }
    if (obj) {
      int64_t index = memo->find(obj);
      if (index >= 0) {
        write_op(POP);
        memo_get(index);
        return true;
      }
      memo_put(obj);
    }
    if (listitems && !batch_list(listitems)) return false;
    if (dictitems && !batch_dict(dictitems)) return false;
    if (state) {
      if (!state_setter) {
        if (!save(state, false)) return false;
        write_op(BUILD);
      } else {
        if (!save(state_setter, false) || !save(obj, false) || !save(state, false)) return false;
        write_op(TUPLE2);
        write_op(REDUCE);
        write_op(POP);
      }
    }
    return true;
  }

  // The reduce value for callables CPython reduces natively (builtins, bound methods,
  // method descriptors): null with no error when obj is none of them.
  static Ref native_reduce(Value obj) {
    TypeObject* type = type_of(obj);
    Value getattr_function = dict_get_str(current_interpreter().builtins, "getattr");
    if (type == &builtin_function_type) {
      auto* function = obj.as<BuiltinFunctionObject>();
      if (!function->self || is_module(function->self)) return str_new(function->name);
      Ref args = tuple_pack({function->self, str_intern(function->name)});
      return args ? tuple_pack({getattr_function, *args}) : nullptr;
    }
    if (type == &bound_method_type) {
      auto* method = obj.as<BoundMethodObject>();
      Ref name = get_attr(method->function, "__name__");
      if (!name) return nullptr;
      Ref args = tuple_pack({method->self, *name});
      return args ? tuple_pack({getattr_function, *args}) : nullptr;
    }
    if (type == &method_descriptor_type) {
      auto* descriptor = obj.as<MethodDescriptorObject>();
      Ref args = tuple_pack({Value(descriptor->owner), str_intern(descriptor->def->name)});
      return args ? tuple_pack({getattr_function, *args}) : nullptr;
    }
    return nullptr;
  }

 public:
  bool save(Value obj, bool pers_save) {
    if (!opcode_boundary()) return false;
    if (!pers_save && persistent_id) {
      int status = save_persistent(obj);
      if (status != 0) return status > 0;
    }
    if (obj.is_none()) {
      write_op(NONE);
      return true;
    }
    if (obj.is_bool()) {
      save_bool(obj);
      return true;
    }
    TypeObject* type = type_of(obj);
    if (type == &int_type) return save_long(obj);
    if (type == &float_type) return save_float(obj);
    int64_t index = memo->find(obj);
    if (index >= 0) {
      memo_get(index);
      return true;
    }
    if (type == &str_type) return save_str(obj);
    if (type == &bytes_type) return save_bytes(obj);
    RecursionGuard guard("while pickling an object");
    if (!guard.ok) return false;
    if (type == &dict_type) return save_dict(obj);
    if (type == &set_type) return save_set(obj);
    if (type == &frozenset_type) return save_frozenset(obj);
    if (type == &list_type) return save_list(obj);
    if (type == &tuple_type) return save_tuple(obj);
    if (type == &bytearray_type) return save_bytearray(obj);
    Ref reduce_value;
    if (reducer_override) {
      reduce_value = call1(reducer_override, obj);
      if (!reduce_value) return false;
      if (*reduce_value == not_implemented()) reduce_value = nullptr;
    }
    if (!reduce_value) {
      if (type == &type_type) return save_type(obj);
      if (type == &function_type) return save_global(obj, Value());
      Ref reducer;
      if (dispatch_table) {
        reducer = get_item(dispatch_table, Value(type));
        if (!reducer) {
          if (!error_matches(&KeyError_type)) return false;
          clear_error();
        }
      } else {
        Ref table = copyreg_attribute("dispatch_table");
        if (!table) return false;
        if (is_dict(*table)) {
          Value found = dict_get(*table, Value(type));
          if (found) reducer = Ref::borrow(found);
          else if (error_pending()) return false;
        }
      }
      if (reducer) {
        reduce_value = call1(*reducer, obj);
      } else if (type->flags & type_flag_type_subclass) {
        return save_global(obj, Value());
      } else if ((reduce_value = native_reduce(obj))) {
      } else if (error_pending()) {
        return false;
      } else {
        Ref method;
        int found = lookup_attr(obj, "__reduce_ex__", method);
        if (found < 0) return false;
        if (found) {
          reduce_value = call1(*method, Value::small_int(proto_));
        } else {
          found = lookup_attr(obj, "__reduce__", method);
          if (found < 0) return false;
          if (!found) return bool(raise_format(&PicklingError_type, "can't pickle '%s' object: %R", type->name.c_str(), obj));
          reduce_value = call0(*method);
        }
      }
      if (!reduce_value) return false;
    }
    if (is_str(*reduce_value)) return save_global(obj, *reduce_value);
    if (!is_tuple(*reduce_value)) return bool(raise(&PicklingError_type, "__reduce__ must return a string or tuple"));
    return save_reduce(*reduce_value, obj);
  }
};

// Protocols 0-2 write bytes as _codecs.encode(latin1_text, 'latin1'); our _codecs.encode
// lives here (latin1, ascii and utf-8 are all pickles ever need).
Ref codecs_encode(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[3];
  if (!bind_args("encode", args, nargs, kwnames, {"obj", "encoding", "errors"}, 1, bound)) return nullptr;
  if (!is_str(bound[0])) return raise_format(&TypeError_type, "utf_8_encode() argument 1 must be str, not %s", type_name(bound[0]));
  std::string_view encoding = bound[1] && is_str(bound[1]) ? str_view(bound[1]) : "utf-8";
  std::string_view text = str_view(bound[0]);
  if (encoding == "utf-8" || encoding == "utf8" || encoding == "UTF-8") return bytes_new(text);
  bool latin1 = encoding == "latin1" || encoding == "latin-1" || encoding == "iso-8859-1";
  if (!latin1 && encoding != "ascii" && encoding != "ASCII") return raise_format(&LookupError_type, "unknown encoding: %S", bound[1]);
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    uint32_t cp = utf8_decode_next(text, pos);
    if (cp >= (latin1 ? 256u : 128u))
      return raise_format(&UnicodeEncodeError_type, "'%s' codec can't encode character in position %zu: ordinal not in range(%d)",
                          latin1 ? "latin-1" : "ascii", utf8_count_code_points(text.substr(0, start)), latin1 ? 256 : 128);
    out += char(cp);
  }
  return bytes_new(out);
}

Value PickleWriter::codecs_encode_function() {
  static Value function = [] {
    Ref made = builtin_function_new("encode", codecs_encode, Value(), str_intern("_codecs"));
    return made.release();
  }();
  return function;
}

bool parse_protocol(Value protocol, int& out) {
  if (!protocol || protocol.is_none()) {
    out = pickle_default_protocol;
    return true;
  }
  int64_t value;
  if (!index_to_i64(protocol, value)) return false;
  if (value < 0) value = pickle_highest_protocol;
  else if (value > pickle_highest_protocol)
    return bool(raise_format(&ValueError_type, "pickle protocol must be <= %d", pickle_highest_protocol));
  out = int(value);
  return true;
}

Ref dumps_with(Value obj, int protocol, bool fix_imports, Value buffer_callback) {
  PointerMemo memo;
  PickleWriter writer(protocol, fix_imports);
  writer.memo = &memo;
  writer.buffer_callback = buffer_callback;
  if (!writer.dump(obj)) return nullptr;
  return bytes_new(writer.output());
}

// ---- the unpickler ----

// A vector whose first `embedded` elements live inside it: loads() of a typical pickle then
// allocates nothing for its value stack, mark stack and memo, and pushes stay inline.
template <typename T, size_t embedded>
class InlineVector {
 public:
  InlineVector() = default;
  InlineVector(const InlineVector&) = delete;
  InlineVector& operator=(const InlineVector&) = delete;
  ~InlineVector() {
    resize(0);
    if (items_ != embedded_items()) std::free(items_);
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return items_[i]; }
  T& back() { return items_[size_ - 1]; }
  const T& back() const { return items_[size_ - 1]; }
  PICKLE_INLINE void push_back(T&& item) {
    if (size_ == capacity_) grow(size_ + 1);
    new (&items_[size_]) T(std::move(item));
    ++size_;
  }
  void pop_back() { items_[--size_].~T(); }
  void resize(size_t n) {  // new elements are value-initialised (null Refs)
    while (size_ > n) pop_back();
    if (n > capacity_) grow(n);
    for (; size_ < n; ++size_) new (&items_[size_]) T();
  }
  void clear() { resize(0); }
  void erase_at(size_t i) {
    for (size_t j = i; j + 1 < size_; ++j) items_[j] = std::move(items_[j + 1]);
    pop_back();
  }

 private:
  T* embedded_items() { return reinterpret_cast<T*>(embedded_); }
  [[gnu::noinline]] void grow(size_t needed) {
    size_t capacity = std::max(capacity_ * 2, needed);
    T* bigger = static_cast<T*>(std::malloc(capacity * sizeof(T)));
    if (!bigger) throw std::bad_alloc();
    for (size_t i = 0; i < size_; ++i) {
      new (&bigger[i]) T(std::move(items_[i]));
      items_[i].~T();
    }
    if (items_ != embedded_items()) std::free(items_);
    items_ = bigger;
    capacity_ = capacity;
  }
  alignas(T) unsigned char embedded_[embedded * sizeof(T)];
  T* items_ = embedded_items();
  size_t size_ = 0, capacity_ = embedded;
};

// The unpickler's memo: dense indices in a vector, any bogus far index in a map (a pickle
// cannot make us allocate by naming index 2**32-1).
struct UnpickleMemo {
  InlineVector<Ref, 32> dense;
  std::unordered_map<uint64_t, Ref> sparse;
  size_t count = 0;  // entries set (MEMOIZE uses it as the next index)
  void clear() {
    dense.clear();
    sparse.clear();
    count = 0;
  }
};

class PickleReader {
 public:
  // In-memory input (loads) or a file's read/readline (Unpickler.load); both borrowed.
  PickleReader(std::string_view data, Value file_read, Value file_readline)
      : data_(data.data()), end_(data.size()), file_read_(file_read), file_readline_(file_readline) {}
  Value persistent_load, find_class_override, buffers;  // borrowed hooks, may be null
  std::string_view encoding = "ASCII";  // borrowed: the caller keeps the text alive
  bool fix_imports = true;
  // Safe mode (safe=True): every opcode that names a global (GLOBAL, STACK_GLOBAL, INST, EXT*)
  // is refused before anything is imported or looked up, a find_class override included, so
  // only the builtin containers and scalars the opcodes build directly can come out.
  bool safe = false;
  UnpickleMemo* memo = nullptr;
  // The Unpickler object's protocol field, kept equal to the pickle's PROTO while it loads:
  // its find_class (called by an override through super()) maps names by that protocol.
  int* protocol_of_unpickler = nullptr;

  Ref load() {
    stack_.clear();
    marks_.clear();
    set_proto(0);
    for (;;) {
      // The opcode byte straight from the buffer: through read() it costs a dozen more
      // instructions per opcode (callgrind: 2% of a loads()), read() being built for payloads.
      unsigned char code;
      if (pos_ < end_) [[likely]] {
        code = uint8_t(data_[pos_++]);
      } else {
        const char* op;
        if (!read(1, op)) {
          if (error_matches(&UnpicklingError_type)) {
            clear_error();
            raise(&EOFError_type, "Ran out of input");
          }
          return nullptr;
        }
        code = uint8_t(*op);
      }
      if (code == STOP) {
        if (stack_.size() <= fence()) return stack_underflow();
        Ref result = std::move(stack_.back());
        stack_.pop_back();
        return result;
      }
      if (!dispatch(code)) return nullptr;
    }
  }

 private:
  const char* data_;
  size_t pos_ = 0, end_;
  Ref chunk_;  // the file data being read from (keeps data_ alive)
  Value file_read_, file_readline_;
  InlineVector<Ref, 32> stack_;
  InlineVector<size_t, 16> marks_;
  int proto_ = 0;

  void set_proto(int version) {
    proto_ = version;
    if (protocol_of_unpickler) *protocol_of_unpickler = version;
  }
  size_t fence() const { return marks_.empty() ? 0 : marks_.back(); }
  Ref stack_underflow() {
    return raise(&UnpicklingError_type, marks_.empty() ? "unpickling stack underflow" : "unexpected MARK found");
  }
  static bool truncated() { return bool(raise(&UnpicklingError_type, "pickle data was truncated")); }

  // ---- input ----
  bool read_from_file(Value size_or_null) {
    Ref data = size_or_null ? call1(file_read_, size_or_null) : call0(file_readline_);
    if (!data) return false;
    std::string_view view;
    if (!bytes_like_view(*data, view))
      return bool(raise_format(&ValueError_type, "read() returned non-bytes object (%R)", Value(type_of(*data))));
    chunk_ = std::move(data);
    data_ = view.data();
    pos_ = 0;
    end_ = view.size();
    return true;
  }
  PICKLE_INLINE bool read(size_t n, const char*& out) {
    if (n <= end_ - pos_) [[likely]] {
      out = data_ + pos_;
      pos_ += n;
      return true;
    }
    return read_more(n, out);
  }
  bool read_more(size_t n, const char*& out) {
    if (!file_read_) return truncated();
    Ref size = int_from_i64(int64_t(n));
    if (!size || !read_from_file(*size)) return false;
    if (end_ < n) return truncated();
    out = data_;
    pos_ = n;
    return true;
  }
  // A line without its '\n'.
  bool readline(std::string_view& line) {
    for (size_t i = pos_; i < end_; ++i) {
      if (data_[i] == '\n') {
        line = std::string_view(data_ + pos_, i - pos_);
        pos_ = i + 1;
        return true;
      }
    }
    if (!file_read_) return truncated();
    if (!read_from_file(Value())) return false;
    if (end_ == 0 || data_[end_ - 1] != '\n') return truncated();
    line = std::string_view(data_, end_ - 1);
    pos_ = end_;
    return true;
  }
  // The line argument of INT, LONG, FLOAT, GLOBAL, INST, GET and PUT: as in CPython, a line
  // holding nothing but its newline counts as truncated data.
  bool readline_argument(std::string_view& line) {
    if (!readline(line)) return false;
    return !line.empty() || truncated();
  }
  PICKLE_INLINE bool read_uint(int n, uint64_t& value) {
    const char* p;
    if (!read(size_t(n), p)) return false;
    value = get_le(p, n);
    return true;
  }

  // ---- stack ----
  PICKLE_INLINE void push(Ref&& v) { stack_.push_back(std::move(v)); }
  PICKLE_INLINE bool push_new(Ref&& v) {
    if (!v) return false;
    stack_.push_back(std::move(v));
    return true;
  }
  // push_new for what picklers memoize (strs, bytes, tuples, containers): protocol 4+ follows
  // each with MEMOIZE, taken here when it is next in the buffer, without a trip through the
  // opcode switch (MEMOIZE is a third of the opcodes of a typical plain-data pickle).
  PICKLE_INLINE bool push_memoizable(Ref&& v) {
    if (!v) return false;
    Value value = *v;
    stack_.push_back(std::move(v));
    if (pos_ < end_ && uint8_t(data_[pos_]) == MEMOIZE) {
      ++pos_;
      return memo_put(memo->count, value);
    }
    return true;
  }
  Ref pop() {
    if (stack_.size() <= fence()) return stack_underflow();
    Ref v = std::move(stack_.back());
    stack_.pop_back();
    return v;
  }
  // The items above the last MARK (removed from the stack with the mark).
  bool pop_mark(size_t& start) {
    start = 0;  // set on failure too: callers' compilers cannot see that they skip it then
    if (marks_.empty()) return bool(raise(&UnpicklingError_type, "could not find MARK"));
    start = marks_.back();
    marks_.pop_back();
    return true;
  }
  Ref tuple_from(size_t start) {
    Ref t = tuple_new(stack_.size() - start);
    if (!t) return nullptr;
    for (size_t i = start; i < stack_.size(); ++i) tuple_set(*t, i - start, stack_[i].release());
    stack_.resize(start);
    return t;
  }
  PICKLE_INLINE bool top(Value& out) {
    if (stack_.size() <= fence()) return bool(stack_underflow());
    out = *stack_.back();
    return true;
  }

  // ---- memo ----
  PICKLE_INLINE bool memo_put(uint64_t index, Value value) {
    InlineVector<Ref, 32>& dense = memo->dense;
    if (index == dense.size()) {  // the usual case: the next index, appended
      dense.push_back(Ref::borrow(value));
      ++memo->count;
      return true;
    }
    if (index < dense.size() && !dense[index]) {  // a hole left by out-of-order PUTs
      dense[index] = Ref::borrow(value);
      ++memo->count;
      return true;
    }
    return memo_put_slow(index, value);
  }
  bool memo_put_slow(uint64_t index, Value value) {
    InlineVector<Ref, 32>& dense = memo->dense;
    if (index < dense.size() || index < dense.size() * 2 + 1024) {
      if (index >= dense.size()) dense.resize(std::max<size_t>({index + 1, dense.size() * 2, 32}));
      if (!dense[index]) ++memo->count;
      dense[index] = Ref::borrow(value);
    } else {
      Ref& slot = memo->sparse[index];
      if (!slot) ++memo->count;
      slot = Ref::borrow(value);
    }
    return true;
  }
  bool memo_get(uint64_t index) {
    Value found;
    if (index < memo->dense.size()) {
      found = *memo->dense[index];
    } else {
      auto it = memo->sparse.find(index);
      if (it != memo->sparse.end()) found = *it->second;
    }
    if (!found) return bool(raise_format(&UnpicklingError_type, "Memo value not found at index %lld", (long long)index));
    push(Ref::borrow(found));
    return true;
  }
  // The memo index on a GET or PUT line. As CPython: a bad one's ValueError quotes the line,
  // newline included, and a line that is not UTF-8 fails in making that message, with
  // UnicodeDecodeError.
  bool parse_line_index(std::string_view line, int64_t& index) {
    Ref parsed = int_from_string(line, 10);
    if (parsed && int_to_i64(*parsed, index)) return true;
    clear_error();
    Ref quoted = decode_utf8(std::string(line) + "\n");
    if (quoted) raise_format(&ValueError_type, "invalid literal for int() with base 10: %R", *quoted);
    return false;
  }

  // ---- strings ----
  Ref decode_text(std::string_view data) {
    if (encoding == "bytes") return bytes_new(data);
    if (encoding == "latin1" || encoding == "latin-1" || encoding == "iso-8859-1") return decode_latin1(data);
    if (encoding == "utf-8" || encoding == "utf8" || encoding == "UTF-8") return decode_utf8(data);
    if (!is_ascii(data)) {
      size_t bad = 0;
      while (uint8_t(data[bad]) < 0x80) ++bad;
      return raise_unicode_decode_error("ascii", data, bad, bad + 1, "ordinal not in range(128)");
    }
    return str_new(data);
  }
  // Python 2 STRING: a quoted repr with backslash escapes.
  Ref decode_quoted(std::string_view line) {
    if (line.size() < 2 || line.front() != line.back() || (line.front() != '\'' && line.front() != '"'))
      return raise(&UnpicklingError_type, "the STRING opcode argument must be quoted");
    std::string_view body = line.substr(1, line.size() - 2);
    std::string out;
    for (size_t i = 0; i < body.size(); ++i) {
      char c = body[i];
      if (c != '\\' || i + 1 == body.size()) {
        out += c;
        continue;
      }
      char e = body[++i];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'v': out += '\v'; break;
        case '\n': break;
        case 'x': {
          auto hex = [](char h) { return h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1; };
          if (i + 2 >= body.size() + 1 || hex(body[i + 1]) < 0 || hex(body[i + 2]) < 0)
            return raise_format(&ValueError_type, "invalid \\x escape at position %zu", i - 1);
          out += char(hex(body[i + 1]) * 16 + hex(body[i + 2]));
          i += 2;
          break;
        }
        default:
          if (e >= '0' && e <= '7') {
            int value = e - '0';
            for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k) value = value * 8 + (body[++i] - '0');
            out += char(value & 0xff);
          } else {
            out += '\\';
            out += e;
          }
      }
    }
    return decode_text(out);
  }
  static Ref raw_unicode_escape_decode(std::string_view data) {
    std::string out;
    for (size_t i = 0; i < data.size(); ++i) {
      unsigned char c = uint8_t(data[i]);
      if (c == '\\' && i + 1 < data.size() && (data[i + 1] == 'u' || data[i + 1] == 'U')) {
        size_t digits = data[i + 1] == 'u' ? 4 : 8;
        if (i + 2 + digits > data.size())
          return raise_format(&UnicodeDecodeError_type, "'rawunicodeescape' codec can't decode bytes in position %zu-%zu: truncated \\%sXXXX escape",
                              i, data.size() - 1, digits == 4 ? "u" : "U");
        uint32_t cp = 0;
        for (size_t k = 0; k < digits; ++k) {
          char h = data[i + 2 + k];
          int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
          if (d < 0)
            return raise_format(&UnicodeDecodeError_type, "'rawunicodeescape' codec can't decode bytes in position %zu-%zu: truncated \\%sXXXX escape",
                                i, i + 1 + k, digits == 4 ? "u" : "U");
          cp = cp * 16 + uint32_t(d);
        }
        if (cp > 0x10ffff)
          return raise_format(&UnicodeDecodeError_type, "'rawunicodeescape' codec can't decode bytes in position %zu-%zu: \\Uxxxxxxxx out of range",
                              i, i + 1 + digits);
        utf8_append(out, cp);
        i += 1 + digits;
      } else {
        utf8_append(out, c);
      }
    }
    return str_new(out);
  }

  // ---- globals ----
  Ref find_class(Value module_name, Value global_name) {
    if (safe) return refuse_global(module_name, global_name);
    if (find_class_override) return call2(find_class_override, module_name, global_name);
    return default_find_class(module_name, global_name, proto_, fix_imports);
  }

 public:
  static Ref default_find_class(Value module_name, Value global_name, int proto, bool fix_imports) {
    Ref module_ref = Ref::borrow(module_name), name_ref = Ref::borrow(global_name);
    if (!is_str(module_name) || !is_str(global_name))
      return raise(&TypeError_type, "module and global names must be str");
    if (proto < 3 && fix_imports) {
      Ref compat = import_module("_compat_pickle");
      if (!compat) return nullptr;
      Ref name_mapping = get_attr(*compat, "NAME_MAPPING");
      Ref import_mapping = get_attr(*compat, "IMPORT_MAPPING");
      if (!name_mapping || !import_mapping) return nullptr;
      Ref key = tuple_pack({module_name, global_name});
      Value mapped = dict_get(*name_mapping, *key);
      if (mapped && is_tuple(mapped) && tuple_size(mapped) == 2) {
        module_ref = Ref::borrow(tuple_item(mapped, 0));
        name_ref = Ref::borrow(tuple_item(mapped, 1));
      } else if (Value mapped_module = dict_get(*import_mapping, module_name)) {
        module_ref = Ref::borrow(mapped_module);
      }
    }
    if (str_view(*module_ref) == "_codecs" && str_view(*name_ref) == "encode")
      return Ref::borrow(PickleWriter_codecs_encode());
    Ref module = import_module(str_view(*module_ref));
    if (!module) return nullptr;
    Ref result;
    if (proto >= 4) {
      std::string_view text = str_view(*name_ref);
      result = Ref::borrow(*module);
      size_t start = 0;
      for (;;) {
        size_t dot = text.find('.', start);
        std::string_view part = text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (part == "<locals>")
          return raise_format(&AttributeError_type, "Can't get local attribute %R on %R", *name_ref, *module);
        Ref piece = str_new(part);
        Ref next = piece ? get_attr(*result, *piece) : nullptr;
        if (!next) {
          if (!error_matches(&AttributeError_type)) return nullptr;
          clear_error();
          return raise_format(&AttributeError_type, "Can't get attribute %R on %R", *name_ref, *module);
        }
        result = std::move(next);
        if (dot == std::string_view::npos) break;
        start = dot + 1;
      }
      return result;
    }
    result = get_attr(*module, *name_ref);
    if (!result && error_matches(&AttributeError_type)) {
      clear_error();
      return raise_format(&AttributeError_type, "Can't get attribute %R on %R", *name_ref, *module);
    }
    return result;
  }

 private:
  static Value PickleWriter_codecs_encode();

  static Ref refuse_global(Value module_name, Value global_name) {
    return raise_format(&UnpicklingError_type, "global '%S.%S' is forbidden in safe mode", module_name, global_name);
  }

  bool load_global_lines(Ref& result) {
    std::string_view module_line, name_line;
    if (!readline_argument(module_line)) return false;
    Ref module_name = decode_utf8(module_line);
    if (!module_name) return false;
    if (!readline_argument(name_line)) return false;
    Ref global_name = decode_utf8(name_line);
    if (!global_name) return false;
    result = find_class(*module_name, *global_name);
    return bool(result);
  }
  bool load_extension(uint64_t code) {
    Ref cache = copyreg_attribute("_extension_cache");
    if (!cache) return false;
    Ref key = int_from_i64(int64_t(code));
    // Safe mode skips the cache: it may hold what an earlier, unrestricted load resolved, and
    // the registered name must reach find_class to be refused.
    if (Value cached = safe ? Value() : dict_get(*cache, *key)) {
      push(Ref::borrow(cached));
      return true;
    }
    if (error_pending()) return false;
    Ref inverted = copyreg_attribute("_inverted_registry");
    if (!inverted) return false;
    Value pair = dict_get(*inverted, *key);
    if (!pair) {
      if (error_pending()) return false;
      if (code == 0) return bool(raise(&RuntimeError_type, "EXT specifies code <= 0"));
      return bool(raise_format(&ValueError_type, "unregistered extension code %lld", (long long)code));
    }
    if (!is_tuple(pair) || tuple_size(pair) != 2)
      return bool(raise_format(&ValueError_type, "_inverted_registry[%lld] isn't a 2-tuple of strings", (long long)code));
    Ref obj = find_class(tuple_item(pair, 0), tuple_item(pair, 1));
    if (!obj || dict_set(*cache, *key, *obj) < 0) return false;
    push(std::move(obj));
    return true;
  }
  // OBJ / INST: cls(*args), or cls.__new__(cls) for an old-style empty instance.
  bool instantiate(Value cls, Value args) {
    if (tuple_size(args) == 0 && is_type(cls)) {
      Ref getinitargs;
      int found = lookup_attr(cls, "__getinitargs__", getinitargs);
      if (found < 0) return false;
      if (!found) {
        Ref new_method = get_attr(cls, "__new__");
        return new_method && push_new(call1(*new_method, cls));
      }
    }
    return push_new(call(cls, args.as<TupleObject>()->items, size_t(tuple_size(args))));
  }
  bool load_build() {
    Ref state = pop();
    if (!state) return false;
    Value inst;
    if (!top(inst)) return false;
    Ref setstate;
    int found = lookup_attr(inst, "__setstate__", setstate);
    if (found < 0) return false;
    if (found) return bool(call1(*setstate, *state));
    Value dict_state = *state, slot_state = Value();
    if (is_tuple(dict_state) && tuple_size(dict_state) == 2) {
      slot_state = tuple_item(*state, 1);
      dict_state = tuple_item(*state, 0);
    }
    if (!dict_state.is_none()) {
      if (!is_dict(dict_state)) return bool(raise(&UnpicklingError_type, "state is not a dictionary"));
      Ref inst_dict = get_attr(inst, "__dict__");
      if (!inst_dict) return false;
      size_t pos = 0;
      Value key, value;
      while (dict_next(dict_state, pos, key, value))
        if (set_item(*inst_dict, key, value) < 0) return false;
    }
    if (slot_state && !slot_state.is_none()) {
      if (!is_dict(slot_state)) return bool(raise(&UnpicklingError_type, "slot state is not a dictionary"));
      size_t pos = 0;
      Value key, value;
      while (dict_next(slot_state, pos, key, value))
        if (set_attr(inst, key, value) < 0) return false;
    }
    return true;
  }
  // FLOAT's text line, read as CPython's load_float reads it (PyOS_string_to_double on the
  // line and its newline as a C string): a sign, then decimal digits with an optional point
  // and exponent, or inf, infinity or nan in any case; no whitespace, underscores or hex.
  bool load_text_float(std::string_view line) {
    std::string text(line);
    text += '\n';
    const char* start = text.c_str();  // a NUL inside ends the number, as in C
    const char* digits = start + (*start == '+' || *start == '-');
    auto starts_with = [digits](const char* word) { return strncasecmp(digits, word, std::strlen(word)) == 0; };
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    // The C string up to 200 bytes, as the messages quote it (%.200s).
    std::string quoted = std::string(start, strnlen(start, 200));
    double value;
    const char* end;
    if (starts_with("inf") || starts_with("nan")) {
      bool infinite = starts_with("inf");
      end = digits + (starts_with("infinity") ? 8 : 3);
      value = infinite ? HUGE_VAL : std::nan("");
      if (*start == '-') value = -value;
    } else if (is_digit(*digits) || (*digits == '.' && is_digit(digits[1]))) {
      // strtod would read "0x1p3" as hexadecimal: CPython stops after the 0, at the x.
      if (digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X'))
        return bool(raise(&ValueError_type, "could not convert string to float"));
      char* parsed = nullptr;
      errno = 0;
      value = std::strtod(start, &parsed);
      end = parsed;
      if (errno == ERANGE && std::fabs(value) >= 1.0)
        return bool(raise_format(&OverflowError_type, "value too large to convert to float: '%s'", quoted.c_str()));
    } else {
      return bool(raise_format(&ValueError_type, "could not convert string to float: '%s'", quoted.c_str()));
    }
    if (*end != '\n' && *end != '\0') return bool(raise(&ValueError_type, "could not convert string to float"));
    return push_new(float_new(value));
  }
  bool load_persistent(Ref pid) {
    if (!persistent_load)
      return bool(raise(&UnpicklingError_type, "A load persistent id instruction was encountered,\nbut no persistent_load function was specified."));
    return push_new(call1(persistent_load, *pid));
  }
  bool append_items(Value target, size_t start) {
    if (type_of(target) == &list_type) {
      for (size_t i = start; i < stack_.size(); ++i)
        if (!list_append(target, *stack_[i])) return false;
      stack_.resize(start);
      return true;
    }
    Ref items = tuple_from(start);
    if (!items) return false;
    Ref extend;
    int found = lookup_attr(target, "extend", extend);
    if (found < 0) return false;
    if (found) return bool(call1(*extend, *items));
    Ref append = get_attr(target, "append");
    if (!append) return false;
    for (int64_t i = 0; i < tuple_size(*items); ++i)
      if (!call1(*append, tuple_item(*items, i))) return false;
    return true;
  }
  bool set_items(Value target, size_t start) {
    if ((stack_.size() - start) % 2) return bool(raise(&UnpicklingError_type, "odd number of items for SETITEMS"));
    bool exact = type_of(target) == &dict_type;
    size_t pairs = (stack_.size() - start) / 2;
    if (exact && pairs > 1 && dict_reserve(target, size_t(dict_size(target)) + pairs) < 0) return false;
    for (size_t i = start; i < stack_.size(); i += 2)
      if ((exact ? dict_set(target, *stack_[i], *stack_[i + 1]) : set_item(target, *stack_[i], *stack_[i + 1])) < 0) return false;
    stack_.resize(start);
    return true;
  }
  // The length (`width` bytes) and payload of `code`'s argument.
  PICKLE_INLINE bool sized_bytes(unsigned char code, int width, std::string_view& out) {
    uint64_t n;
    if (!read_uint(width, n)) return false;
    const char* p;
    if (n > uint64_t(INT64_MAX)) {
      const char* what = code == BINUNICODE8 ? "BINUNICODE" : code == BYTEARRAY8 ? "BYTEARRAY8" : "BINBYTES";
      return bool(raise_format(&OverflowError_type, "%s exceeds system's maximum size of %lld bytes", what, (long long)INT64_MAX));
    }
    if (!read(size_t(n), p)) return false;
    out = std::string_view(p, size_t(n));
    return true;
  }

  // The common opcodes (what protocols 2-5 write for plain data) are decoded inline in the
  // load loop; the rest go through one out-of-line call.
  PICKLE_INLINE bool dispatch(unsigned char code) {
    switch (code) {
      case PROTO: {
        uint64_t version;
        if (!read_uint(1, version)) return false;
        if (version > uint64_t(pickle_highest_protocol))
          return bool(raise_format(&ValueError_type, "unsupported pickle protocol: %d", int(version)));
        set_proto(int(version));
        return true;
      }
      case FRAME: {
        uint64_t length;
        if (!read_uint(8, length)) return false;
        if (length > end_ - pos_) {
          if (!file_read_) return truncated();
          if (end_ != pos_) return truncated();
          Ref size = int_from_i64(int64_t(length > uint64_t(INT64_MAX) ? INT64_MAX : length));
          if (!size || !read_from_file(*size)) return false;
          if (end_ < length) return truncated();
        }
        return true;
      }
      case NONE: push(Ref::none()); return true;
      case NEWTRUE: push(Ref::boolean(true)); return true;
      case NEWFALSE: push(Ref::boolean(false)); return true;
      case BININT1: case BININT2: case BININT: {
        int width = code == BININT1 ? 1 : code == BININT2 ? 2 : 4;
        uint64_t raw;
        if (!read_uint(width, raw)) return false;
        int64_t value = width == 4 ? int64_t(int32_t(uint32_t(raw))) : int64_t(raw);
        push(Ref::steal(Value::small_int(value)));
        return true;
      }
      case BINFLOAT: {
        const char* p;
        if (!read(8, p)) return false;
        uint64_t bits;
        std::memcpy(&bits, p, 8);
        bits = __builtin_bswap64(bits);  // big-endian IEEE 754
        double value;
        std::memcpy(&value, &bits, 8);
        return push_new(float_new(value));
      }
      case SHORT_BINUNICODE: case BINUNICODE: case BINUNICODE8: {
        std::string_view text;
        if (!sized_bytes(code, code == SHORT_BINUNICODE ? 1 : code == BINUNICODE ? 4 : 8, text)) return false;
        return push_memoizable(decode_utf8(text));
      }
      case SHORT_BINBYTES: case BINBYTES: case BINBYTES8: {
        std::string_view data;
        if (!sized_bytes(code, code == SHORT_BINBYTES ? 1 : code == BINBYTES ? 4 : 8, data)) return false;
        return push_memoizable(bytes_new(data));
      }
      case EMPTY_TUPLE: return push_new(empty_tuple());
      case TUPLE1: case TUPLE2: case TUPLE3: {
        size_t n = code - TUPLE1 + 1;
        if (stack_.size() < fence() + n) return bool(stack_underflow());
        return push_memoizable(tuple_from(stack_.size() - n));
      }
      case EMPTY_LIST: return push_memoizable(list_new(0));
      case EMPTY_DICT: return push_memoizable(dict_new());
      case APPENDS: {
        size_t start;
        if (!pop_mark(start)) return false;
        if (start == 0 || stack_.size() < start) return bool(stack_underflow());
        return append_items(*stack_[start - 1], start);
      }
      case SETITEMS: {
        size_t start;
        if (!pop_mark(start)) return false;
        if (start == 0) return bool(stack_underflow());
        return set_items(*stack_[start - 1], start);
      }
      case MARK: marks_.push_back(stack_.size()); return true;
      case BINGET: case LONG_BINGET: {
        uint64_t index;
        return read_uint(code == BINGET ? 1 : 4, index) && memo_get(index);
      }
      case MEMOIZE: {
        Value value;
        return top(value) && memo_put(memo->count, value);
      }
      default: return dispatch_rare(code);
    }
  }
  [[gnu::noinline]] bool dispatch_rare(unsigned char code) {
    switch (code) {
      case LONG1: case LONG4: {
        uint64_t n;
        if (!read_uint(code == LONG1 ? 1 : 4, n)) return false;
        if (code == LONG4 && (n & 0x80000000u)) return bool(raise(&UnpicklingError_type, "LONG pickle has negative byte count"));
        const char* p;
        if (!read(size_t(n), p)) return false;
        return push_new(int_from_bigint(BigInt::from_bytes(reinterpret_cast<const uint8_t*>(p), size_t(n), true, true)));
      }
      case INT: {
        std::string_view line;
        if (!readline_argument(line)) return false;
        if (line == "00" || line == "01") {
          push(Ref::boolean(line == "01"));
          return true;
        }
        Ref value = int_from_string(line, 10);
        if (!value) {
          clear_error();
          return bool(raise(&ValueError_type, "could not convert string to int"));
        }
        push(std::move(value));
        return true;
      }
      case LONG: {
        std::string_view line;
        if (!readline_argument(line)) return false;
        if (!line.empty() && line.back() == 'L') line.remove_suffix(1);
        // CPython decodes the line first: malformed UTF-8 is a UnicodeDecodeError.
        Ref text = decode_utf8(line);
        return text && push_new(int_from_string(str_view(*text), 10));
      }
      case FLOAT: {
        std::string_view line;
        if (!readline_argument(line)) return false;
        return load_text_float(line);
      }
      case UNICODE: {
        std::string_view line;
        if (!readline(line)) return false;
        return push_new(raw_unicode_escape_decode(line));
      }
      case BYTEARRAY8: {
        std::string_view data;
        if (!sized_bytes(code, 8, data)) return false;
        return push_memoizable(bytearray_new(data));
      }
      case SHORT_BINSTRING: case BINSTRING: {
        std::string_view data;
        if (!sized_bytes(code, code == SHORT_BINSTRING ? 1 : 4, data)) return false;
        return push_new(decode_text(data));
      }
      case STRING: {
        std::string_view line;
        if (!readline(line)) return false;
        return push_new(decode_quoted(line));
      }
      case NEXT_BUFFER: {
        if (!buffers)
          return bool(raise(&UnpicklingError_type, "pickle stream refers to out-of-band data but no *buffers* argument was given"));
        Ref buffer = iter_next(buffers);
        if (!buffer) {
          if (!error_pending()) raise(&UnpicklingError_type, "not enough out-of-band buffers");
          return false;
        }
        push(std::move(buffer));
        return true;
      }
      case READONLY_BUFFER: {
        Value ignored;
        return top(ignored);
      }
      case TUPLE: {
        size_t start;
        if (!pop_mark(start)) return false;
        return push_memoizable(tuple_from(start));
      }
      case EMPTY_SET: return push_memoizable(set_new());
      case LIST: {
        size_t start;
        if (!pop_mark(start)) return false;
        Ref list = list_new(0);
        if (!list) return false;
        for (size_t i = start; i < stack_.size(); ++i)
          if (!list_append(*list, *stack_[i])) return false;
        stack_.resize(start);
        push(std::move(list));
        return true;
      }
      case DICT: {
        size_t start;
        if (!pop_mark(start)) return false;
        Ref dict = dict_new();
        if (!dict) return false;
        if ((stack_.size() - start) % 2) return bool(raise(&UnpicklingError_type, "odd number of items for DICT"));
        for (size_t i = start; i < stack_.size(); i += 2)
          if (dict_set(*dict, *stack_[i], *stack_[i + 1]) < 0) return false;
        stack_.resize(start);
        push(std::move(dict));
        return true;
      }
      case FROZENSET: {
        size_t start;
        if (!pop_mark(start)) return false;
        Ref set = frozenset_new();
        if (!set) return false;
        for (size_t i = start; i < stack_.size(); ++i)
          if (set_add(*set, *stack_[i]) < 0) return false;
        stack_.resize(start);
        push(std::move(set));
        return true;
      }
      case APPEND: {
        Ref item = pop();
        if (!item) return false;
        Value list;
        if (!top(list)) return false;
        stack_.push_back(std::move(item));
        return append_items(list, stack_.size() - 1);
      }
      case SETITEM: {
        if (stack_.size() < fence() + 3) return bool(stack_underflow());
        return set_items(*stack_[stack_.size() - 3], stack_.size() - 2);
      }
      case ADDITEMS: {
        size_t start;
        if (!pop_mark(start)) return false;
        if (start == 0) return bool(stack_underflow());
        Value target = *stack_[start - 1];
        if (is_anyset(target) && type_of(target) == &set_type) {
          for (size_t i = start; i < stack_.size(); ++i)
            if (set_add(target, *stack_[i]) < 0) return false;
        } else {
          Ref add = get_attr(target, "add");
          if (!add) return false;
          for (size_t i = start; i < stack_.size(); ++i)
            if (!call1(*add, *stack_[i])) return false;
        }
        stack_.resize(start);
        return true;
      }
      case POP: {
        if (!marks_.empty() && marks_.back() == stack_.size()) {
          marks_.pop_back();
          return true;
        }
        if (stack_.empty()) return bool(stack_underflow());
        stack_.pop_back();
        return true;
      }
      case POP_MARK: {
        size_t start;
        if (!pop_mark(start)) return false;
        stack_.resize(start);
        return true;
      }
      case DUP: {
        if (stack_.size() <= fence()) return bool(stack_underflow());
        Ref copy = stack_.back();
        push(std::move(copy));
        return true;
      }
      case GET: {
        std::string_view line;
        int64_t index;
        if (!readline_argument(line) || !parse_line_index(line, index)) return false;
        if (index < 0) return bool(raise_format(&UnpicklingError_type, "Memo value not found at index %lld", (long long)index));
        return memo_get(uint64_t(index));
      }
      case PUT: {
        // CPython's order: the line, then the stack, then the index.
        std::string_view line;
        Value value;
        int64_t index;
        if (!readline_argument(line) || !top(value) || !parse_line_index(line, index)) return false;
        if (index < 0) return bool(raise(&ValueError_type, "negative PUT argument"));
        return memo_put(uint64_t(index), value);
      }
      case BINPUT: case LONG_BINPUT: {
        uint64_t index;
        if (!read_uint(code == BINPUT ? 1 : 4, index)) return false;
        if (code == LONG_BINPUT && (index & 0x80000000u)) return bool(raise(&ValueError_type, "negative LONG_BINPUT argument"));
        Value value;
        return top(value) && memo_put(index, value);
      }
      case GLOBAL: {
        Ref global;
        if (!load_global_lines(global)) return false;
        push(std::move(global));
        return true;
      }
      case STACK_GLOBAL: {
        Ref name = pop();
        Ref module = name ? pop() : nullptr;
        if (!module || !is_str(*module) || !is_str(*name)) {
          clear_error();
          return bool(raise(&UnpicklingError_type, "STACK_GLOBAL requires str"));
        }
        return push_new(find_class(*module, *name));
      }
      case EXT1: case EXT2: case EXT4: {
        uint64_t extension;
        return read_uint(code == EXT1 ? 1 : code == EXT2 ? 2 : 4, extension) && load_extension(extension);
      }
      case REDUCE: {
        Ref args = pop();
        if (!args) return false;
        Ref callable = pop();
        if (!callable) return false;
        if (!is_tuple(*args)) return bool(raise(&TypeError_type, "argument list must be a tuple"));
        return push_new(call(*callable, args.as<TupleObject>()->items, size_t(tuple_size(*args))));
      }
      case BUILD: return load_build();
      case NEWOBJ: case NEWOBJ_EX: {
        Ref kwargs;
        if (code == NEWOBJ_EX && !(kwargs = pop())) return false;
        Ref args = pop();
        if (!args) return false;
        Ref cls = pop();
        if (!cls) return false;
        const char* name = code == NEWOBJ ? "NEWOBJ" : "NEWOBJ_EX";
        if (!is_type(*cls)) return bool(raise_format(&UnpicklingError_type, "%s class argument isn't a type object", name));
        if (!is_tuple(*args)) return bool(raise_format(&UnpicklingError_type, "%s args argument isn't a tuple", name));
        if (kwargs && !is_dict(*kwargs)) return bool(raise_format(&UnpicklingError_type, "%s kwargs argument isn't a dict", name));
        Ref new_method = get_attr(*cls, "__new__");
        if (!new_method) return false;
        std::vector<Value> call_args = {*cls};
        for (int64_t i = 0; i < tuple_size(*args); ++i) call_args.push_back(tuple_item(*args, i));
        size_t positional = call_args.size();
        Ref names;
        if (kwargs && dict_size(*kwargs)) {
          names = tuple_new(size_t(dict_size(*kwargs)));
          if (!names) return false;
          size_t pos = 0, k = 0;
          Value key, value;
          while (dict_next(*kwargs, pos, key, value)) {
            incref(key);
            tuple_set(*names, k++, key);
            call_args.push_back(value);
          }
        }
        return push_new(call(*new_method, call_args.data(), positional, names ? *names : Value()));
      }
      case OBJ: {
        size_t start;
        if (!pop_mark(start)) return false;
        if (stack_.size() == start) return bool(stack_underflow());
        Ref cls = std::move(stack_[start]);
        stack_.erase_at(start);
        Ref args = tuple_from(start);
        return args && instantiate(*cls, *args);
      }
      case INST: {
        Ref cls;
        if (!load_global_lines(cls)) return false;
        size_t start;
        if (!pop_mark(start)) return false;
        Ref args = tuple_from(start);
        return args && instantiate(*cls, *args);
      }
      case PERSID: {
        std::string_view line;
        if (!readline(line)) return false;
        if (!is_ascii(line)) return bool(raise(&UnpicklingError_type, "persistent IDs in protocol 0 must be ASCII strings"));
        Ref pid = str_new(line);
        return pid && load_persistent(std::move(pid));
      }
      case BINPERSID: {
        if (!persistent_load) return load_persistent(nullptr);
        Ref pid = pop();
        return pid && load_persistent(std::move(pid));
      }
      default: {
        char message[40];
        if (code >= 0x20 && code < 0x7f) snprintf(message, sizeof message, "invalid load key, '%c'.", code);
        else snprintf(message, sizeof message, "invalid load key, '\\x%02x'.", code);
        return bool(raise(&UnpicklingError_type, message));
      }
    }
  }
};

Value PickleReader::PickleWriter_codecs_encode() { return PickleWriter::codecs_encode_function(); }

Ref loads_with(Value data, Value file_read, Value file_readline, std::string_view encoding, bool fix_imports, Value buffers,
               bool safe) {
  std::string_view view;
  if (data && !bytes_like_view(data, view))
    return raise_format(&TypeError_type, "a bytes-like object is required, not '%s'", type_name(data));
  UnpickleMemo memo;
  PickleReader reader(view, file_read, file_readline);
  reader.memo = &memo;
  reader.encoding = encoding;
  reader.fix_imports = fix_imports;
  reader.buffers = buffers;
  reader.safe = safe;
  return reader.load();
}

// ---- Pickler and Unpickler objects ----

struct PicklerObject : Object {
  Value dict;  // instance attributes (persistent_id, dispatch_table, ... set by users)
  Value write;  // owned: file.write, null until __init__ ran
  Value buffer_callback;  // owned or null
  PointerMemo* memo;  // kept across dump() calls, as CPython's
  int protocol;
  bool fix_imports;
};

struct UnpicklerObject : Object {
  Value dict;
  Value read, readline;  // owned: the file's methods, null until __init__ ran
  Value buffers;         // owned iterator or null
  UnpickleMemo* memo;
  std::string* encoding;
  bool fix_imports;
  bool safe;  // refuse every global (Unpickler(file, safe=True))
  int proto;  // the protocol of the pickle being loaded (0 before its PROTO opcode)
};

Ref pickler_new(TypeObject* type, const Value*, size_t, Value) {
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  auto* pickler = static_cast<PicklerObject*>(object);
  pickler->memo = new PointerMemo();
  pickler->protocol = pickle_default_protocol;
  return Ref::steal(Value(object));
}

void pickler_dealloc(Object* object) {
  auto* pickler = static_cast<PicklerObject*>(object);
  decref(pickler->dict);
  decref(pickler->write);
  decref(pickler->buffer_callback);
  delete pickler->memo;
  free_object(object);
}

void replace_field(Value& field, Value value) {
  incref(value);
  Value old = field;
  field = value;
  decref(old);
}

int pickler_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[4];
  if (!bind_args("Pickler", args, nargs, kwnames, {"file", "protocol", "fix_imports", "buffer_callback"}, 1, bound)) return -1;
  auto* pickler = self.as<PicklerObject>();
  int protocol;
  if (!parse_protocol(bound[1], protocol)) return -1;
  bool fix_imports = true;
  if (bound[2]) {
    int truth = object_truth(bound[2]);
    if (truth < 0) return -1;
    fix_imports = truth;
  }
  Value buffer_callback = bound[3] && !bound[3].is_none() ? bound[3] : Value();
  if (buffer_callback && protocol < 5) {
    raise(&ValueError_type, "buffer_callback needs protocol >= 5");
    return -1;
  }
  Ref write;
  int found = lookup_attr(bound[0], "write", write);
  if (found < 0) return -1;
  if (!found) {
    raise(&TypeError_type, "file must have a 'write' attribute");
    return -1;
  }
  pickler->protocol = protocol;
  pickler->fix_imports = fix_imports;
  replace_field(pickler->write, *write);
  replace_field(pickler->buffer_callback, buffer_callback);
  pickler->memo->clear();
  return 0;
}

// A hook attribute (instance or class), or null when absent.
bool optional_hook(Value self, const char* name, Ref& out) {
  int found = lookup_attr(self, name, out);
  if (found < 0) return false;
  if (found && out.get().is_none() && std::strcmp(name, "dispatch_table") != 0) out = nullptr;
  return true;
}

Ref pickler_dump(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("dump", nargs, kwnames, 1, 1)) return nullptr;
  auto* pickler = self.as<PicklerObject>();
  if (!pickler->write)
    return raise_format(&PicklingError_type, "Pickler.__init__() was not called by %s.__init__()", type_name(self));
  Ref persistent_id, reducer_override, dispatch_table;
  if (!optional_hook(self, "persistent_id", persistent_id) || !optional_hook(self, "reducer_override", reducer_override) ||
      !optional_hook(self, "dispatch_table", dispatch_table))
    return nullptr;
  PickleWriter writer(pickler->protocol, pickler->fix_imports);
  writer.memo = pickler->memo;
  writer.persistent_id = *persistent_id;
  writer.reducer_override = *reducer_override;
  writer.dispatch_table = *dispatch_table;
  writer.buffer_callback = pickler->buffer_callback;
  writer.file_write = pickler->write;
  if (!writer.dump(args[0]) || !writer.flush_to_file()) return nullptr;
  return Ref::none();
}

Ref pickler_clear_memo(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("clear_memo", nargs, kwnames, 0, 0)) return nullptr;
  self.as<PicklerObject>()->memo->clear();
  return Ref::none();
}

const MethodDef pickler_methods[] = {
    {"dump", pickler_dump},
    {"clear_memo", pickler_clear_memo},
    {nullptr, nullptr},
};

Ref unpickler_new(TypeObject* type, const Value*, size_t, Value) {
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  auto* unpickler = static_cast<UnpicklerObject*>(object);
  unpickler->memo = new UnpickleMemo();
  unpickler->encoding = new std::string("ASCII");
  unpickler->fix_imports = true;
  unpickler->safe = false;
  unpickler->proto = 0;
  return Ref::steal(Value(object));
}

void unpickler_dealloc(Object* object) {
  auto* unpickler = static_cast<UnpicklerObject*>(object);
  decref(unpickler->dict);
  decref(unpickler->read);
  decref(unpickler->readline);
  decref(unpickler->buffers);
  delete unpickler->memo;
  delete unpickler->encoding;
  free_object(object);
}

// CPython's dump(s)/load(s)/Unpickler take their options by keyword only (bind_args would
// also bind them by position): "loads() takes exactly 1 positional argument (2 given)".
bool check_positional_limit(const char* function_name, size_t nargs, size_t max) {
  if (nargs <= max) return true;
  if (max == 1)
    return bool(raise_format(&TypeError_type, "%s() takes exactly 1 positional argument (%zu given)", function_name, nargs));
  return bool(raise_format(&TypeError_type, "%s() takes at most %zu positional arguments (%zu given)", function_name, max, nargs));
}

// fix_imports, encoding, errors, buffers and safe as loads()/Unpickler() take them.
bool parse_load_options(Value fix_imports_value, Value encoding_value, Value buffers_value, Value safe_value,
                        bool& fix_imports, std::string& encoding, Ref& buffers, bool& safe) {
  fix_imports = true;
  if (fix_imports_value) {
    int truth = object_truth(fix_imports_value);
    if (truth < 0) return false;
    fix_imports = truth;
  }
  safe = false;
  if (safe_value) {
    int truth = object_truth(safe_value);
    if (truth < 0) return false;
    safe = truth;
  }
  encoding = "ASCII";
  if (encoding_value) {
    if (!is_str(encoding_value))
      return bool(raise_format(&TypeError_type, "argument 'encoding' must be str, not %s", type_name(encoding_value)));
    encoding = std::string(str_view(encoding_value));
  }
  if (buffers_value && !buffers_value.is_none()) {
    buffers = get_iter(buffers_value);
    if (!buffers) return false;
  }
  return true;
}

// Unpickler.__init__ with its arguments bound (file, fix_imports, encoding, errors, buffers,
// safe; all but file may be null).
int unpickler_init_bound(Value self, const Value* bound) {
  auto* unpickler = self.as<UnpicklerObject>();
  Ref read, readline, buffers;
  if (lookup_attr(bound[0], "read", read) < 0 || lookup_attr(bound[0], "readline", readline) < 0) return -1;
  if (!read || !readline) {
    raise(&TypeError_type, "file must have 'read' and 'readline' attributes");
    return -1;
  }
  bool fix_imports, safe;
  std::string encoding;
  if (!parse_load_options(bound[1], bound[2], bound[4], bound[5], fix_imports, encoding, buffers, safe)) return -1;
  replace_field(unpickler->read, *read);
  replace_field(unpickler->readline, *readline);
  replace_field(unpickler->buffers, *buffers);
  *unpickler->encoding = encoding;
  unpickler->fix_imports = fix_imports;
  unpickler->safe = safe;
  return 0;
}

int unpickler_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[6];
  if (!check_positional_limit("Unpickler", nargs, 1)) return -1;
  if (!bind_args("Unpickler", args, nargs, kwnames, {"file", "fix_imports", "encoding", "errors", "buffers", "safe"}, 1, bound))
    return -1;
  return unpickler_init_bound(self, bound);
}

Ref unpickler_find_class(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("find_class", nargs, kwnames, 2, 2)) return nullptr;
  auto* unpickler = self.as<UnpicklerObject>();
  return PickleReader::default_find_class(args[0], args[1], unpickler->proto, unpickler->fix_imports);
}

Ref unpickler_load(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("load", nargs, kwnames, 0, 0)) return nullptr;
  auto* unpickler = self.as<UnpicklerObject>();
  if (!unpickler->read)
    return raise_format(&UnpicklingError_type, "Unpickler.__init__() was not called by %s.__init__()", type_name(self));
  Ref persistent_load;
  if (!optional_hook(self, "persistent_load", persistent_load)) return nullptr;
  // A find_class overridden by a subclass is called for every global; ours stays internal.
  Ref find_class;
  Value own = type_lookup(&unpickler_type, str_intern("find_class"));
  if (type_lookup(type_of(self), str_intern("find_class")) != own || (unpickler->dict && dict_get_str(unpickler->dict, "find_class")))
    if (!(find_class = get_attr(self, "find_class"))) return nullptr;
  PickleReader reader(std::string_view(), unpickler->read, unpickler->readline);
  reader.memo = unpickler->memo;
  std::string encoding = *unpickler->encoding;  // a copy: a hook may re-run __init__ meanwhile
  reader.encoding = encoding;
  reader.fix_imports = unpickler->fix_imports;
  reader.buffers = unpickler->buffers;
  reader.persistent_load = *persistent_load;
  reader.find_class_override = *find_class;
  reader.safe = unpickler->safe;
  reader.protocol_of_unpickler = &unpickler->proto;
  return reader.load();
}

// CPython's Unpickler has no instance dict: its methods cannot be replaced on an instance
// (a subclass is the way to override find_class). Subclass instances have a dict, as there.
int unpickler_setattr(Value self, Value name, Value value) {
  if (type_of(self) == &unpickler_type && is_str(name) && (str_view(name) == "find_class" || str_view(name) == "load")) {
    raise_format(&AttributeError_type, "'_pickle.Unpickler' object attribute '%S' is read-only", name);
    return -1;
  }
  return generic_setattr(self, name, value);
}

const MethodDef unpickler_methods[] = {
    {"load", unpickler_load},
    {"find_class", unpickler_find_class},
    {nullptr, nullptr},
};

// ---- module functions ----

Ref module_dumps(Value, const Value* args, size_t nargs, Value kwnames) {
  bool no_keywords = !kwnames || tuple_size(kwnames) == 0;
  if (nargs == 1 && no_keywords) return dumps_with(args[0], pickle_default_protocol, true, Value());  // dumps(obj): the defaults
  Value bound[4];
  if (!check_positional_limit("dumps", nargs, 2)) return nullptr;
  if (!bind_args("dumps", args, nargs, kwnames, {"obj", "protocol", "fix_imports", "buffer_callback"}, 1, bound)) return nullptr;
  int protocol;
  if (!parse_protocol(bound[1], protocol)) return nullptr;
  bool fix_imports = true;
  if (bound[2]) {
    int truth = object_truth(bound[2]);
    if (truth < 0) return nullptr;
    fix_imports = truth;
  }
  Value buffer_callback = bound[3] && !bound[3].is_none() ? bound[3] : Value();
  if (buffer_callback && protocol < 5) return raise(&ValueError_type, "buffer_callback needs protocol >= 5");
  return dumps_with(bound[0], protocol, fix_imports, buffer_callback);
}

Ref module_dump(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[5];
  if (!check_positional_limit("dump", nargs, 3)) return nullptr;
  if (!bind_args("dump", args, nargs, kwnames, {"obj", "file", "protocol", "fix_imports", "buffer_callback"}, 2, bound)) return nullptr;
  Ref pickler = pickler_new(&pickler_type, nullptr, 0, Value());
  if (!pickler) return nullptr;
  Value init_args[4] = {bound[1], bound[2] ? bound[2] : Value::none(), bound[3] ? bound[3] : Value::true_(),
                        bound[4] ? bound[4] : Value::none()};
  if (pickler_init(*pickler, init_args, 4, Value()) < 0) return nullptr;
  return pickler_dump(*pickler, bound, 1, Value());
}

Ref module_loads(Value, const Value* args, size_t nargs, Value kwnames) {
  bool no_keywords = !kwnames || tuple_size(kwnames) == 0;
  if (nargs == 1 && no_keywords) return loads_with(args[0], Value(), Value(), "ASCII", true, Value(), false);  // loads(data): the defaults
  Value bound[6];
  if (!check_positional_limit("loads", nargs, 1)) return nullptr;
  if (!bind_args("loads", args, nargs, kwnames, {"data", "fix_imports", "encoding", "errors", "buffers", "safe"}, 1, bound))
    return nullptr;
  bool fix_imports, safe;
  std::string encoding;
  Ref buffers;
  if (!parse_load_options(bound[1], bound[2], bound[4], bound[5], fix_imports, encoding, buffers, safe)) return nullptr;
  return loads_with(bound[0], Value(), Value(), encoding, fix_imports, *buffers, safe);
}

Ref module_load(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[6];
  if (!check_positional_limit("load", nargs, 1)) return nullptr;
  if (!bind_args("load", args, nargs, kwnames, {"file", "fix_imports", "encoding", "errors", "buffers", "safe"}, 1, bound))
    return nullptr;
  Ref unpickler = unpickler_new(&unpickler_type, nullptr, 0, Value());
  if (!unpickler || unpickler_init_bound(*unpickler, bound) < 0) return nullptr;
  return unpickler_load(*unpickler, nullptr, 0, Value());
}

void init_exception_type(TypeObject* type, const char* name, TypeObject* base) {
  init_static_type(type, name, base, sizeof(BaseExceptionObject),
                   type_flag_base_type | type_flag_exception | type_flag_has_instance_dict);
  type->dict_offset = offsetof(BaseExceptionObject, dict);
  type->module = "_pickle";
  finish_static_type(type);
}

void init_pickle_types() {
  init_exception_type(&PickleError_type, "PickleError", &Exception_type);
  init_exception_type(&PicklingError_type, "PicklingError", &PickleError_type);
  init_exception_type(&UnpicklingError_type, "UnpicklingError", &PickleError_type);

  init_static_type(&pickler_type, "Pickler", &object_type, sizeof(PicklerObject),
                   type_flag_base_type | type_flag_has_instance_dict);
  pickler_type.module = "_pickle";
  pickler_type.dict_offset = offsetof(PicklerObject, dict);
  pickler_type.new_ = pickler_new;
  pickler_type.init = pickler_init;
  pickler_type.dealloc = pickler_dealloc;
  finish_static_type(&pickler_type);
  add_methods(&pickler_type, pickler_methods);

  init_static_type(&unpickler_type, "Unpickler", &object_type, sizeof(UnpicklerObject),
                   type_flag_base_type | type_flag_has_instance_dict);
  unpickler_type.module = "_pickle";
  unpickler_type.dict_offset = offsetof(UnpicklerObject, dict);
  unpickler_type.new_ = unpickler_new;
  unpickler_type.init = unpickler_init;
  unpickler_type.dealloc = unpickler_dealloc;
  unpickler_type.setattr = unpickler_setattr;
  finish_static_type(&unpickler_type);
  add_methods(&unpickler_type, unpickler_methods);
}

}  // namespace

// The exception and Pickler types exist once the first user (the module or the C++ API) needs them.
void ensure_pickle_types() {
  static std::once_flag types_ready;
  std::call_once(types_ready, init_pickle_types);
}

Ref pickle_dumps(Value obj, int protocol) {
  ensure_pickle_types();
  if (protocol < 0) protocol = pickle_highest_protocol;
  if (protocol > pickle_highest_protocol)
    return raise_format(&ValueError_type, "pickle protocol must be <= %d", pickle_highest_protocol);
  return dumps_with(obj, protocol, true, Value());
}

Ref pickle_loads(Value bytes_like) {
  ensure_pickle_types();
  return loads_with(bytes_like, Value(), Value(), "ASCII", true, Value(), false);
}

bool init_pickle_module(Value module) {
  ensure_pickle_types();
  const struct {
    const char* name;
    NativeFunction fn;
  } functions[] = {{"dumps", module_dumps}, {"dump", module_dump}, {"loads", module_loads}, {"load", module_load}};
  for (const auto& function : functions)
    if (!module_add_function(module, function.name, function.fn)) return false;
  return module_add_object(module, "PickleError", Value(&PickleError_type)) &&
         module_add_object(module, "PicklingError", Value(&PicklingError_type)) &&
         module_add_object(module, "UnpicklingError", Value(&UnpicklingError_type)) &&
         module_add_object(module, "Pickler", Value(&pickler_type)) &&
         module_add_object(module, "Unpickler", Value(&unpickler_type));
}

}  // namespace chaipy
