// Compiled-code serialization: the byte form of CodeUnit trees (see code_serializer.hpp).
#include "interpreter/code_serializer.hpp"

#include <cstring>
#include <type_traits>

namespace chaipy {

namespace {

// A unit starts with this tag, so bytes from another format (or a truncated table) are refused.
constexpr char unit_magic[4] = {'C', 'P', 'Y', 'U'};

// One tag byte per Constant alternative, in the variant's order.
enum ConstantTag : uint8_t {
  tag_none,
  tag_false,
  tag_true,
  tag_int,
  tag_bigint,
  tag_float,
  tag_str,
  tag_bytes,
  tag_ellipsis,
  tag_tuple,
  tag_code,
};

class Writer {
 public:
  std::string out;

  void byte(uint8_t b) { out.push_back(char(b)); }
  void varint(uint64_t n) {
    while (n >= 0x80) {
      byte(uint8_t(n) | 0x80);
      n >>= 7;
    }
    byte(uint8_t(n));
  }
  void signed_varint(int64_t n) { varint((uint64_t(n) << 1) ^ uint64_t(n >> 63)); }
  void string(std::string_view s) {
    varint(s.size());
    out.append(s);
  }
  void strings(const std::vector<std::string>& items) {
    varint(items.size());
    for (const auto& item : items) string(item);
  }
  // Instruction words and positions go as raw memory: they are most of a unit's bytes.
  template <typename T>
  void raw_vector(const std::vector<T>& items) {
    static_assert(std::is_trivially_copyable_v<T>);
    varint(items.size());
    out.append(reinterpret_cast<const char*>(items.data()), items.size() * sizeof(T));
  }

  void constant(const Constant& constant) {
    struct Visitor {
      Writer& w;
      void operator()(const NoneConst&) const { w.byte(tag_none); }
      void operator()(bool b) const { w.byte(b ? tag_true : tag_false); }
      void operator()(int64_t n) const {
        w.byte(tag_int);
        w.signed_varint(n);
      }
      void operator()(const BigIntConst& big) const {
        w.byte(tag_bigint);
        w.string(big.digits);
        w.varint(uint64_t(big.base));
      }
      void operator()(double d) const {
        w.byte(tag_float);
        w.out.append(reinterpret_cast<const char*>(&d), sizeof d);
      }
      void operator()(const std::string& s) const {
        w.byte(tag_str);
        w.string(s);
      }
      void operator()(const BytesConst& b) const {
        w.byte(tag_bytes);
        w.string(b.bytes);
      }
      void operator()(const EllipsisConst&) const { w.byte(tag_ellipsis); }
      void operator()(const TupleConst& t) const {
        w.byte(tag_tuple);
        w.varint(t.items.size());
        for (const auto& item : t.items) w.constant(item);
      }
      void operator()(const std::shared_ptr<CodeUnit>& unit) const {
        w.byte(tag_code);
        w.unit(*unit);
      }
    };
    std::visit(Visitor{*this}, constant.value);
  }

  void unit(const CodeUnit& unit) {
    out.append(unit_magic, sizeof unit_magic);
    string(unit.name);
    string(unit.qualname);
    string(unit.filename);
    signed_varint(unit.first_line);
    varint(unit.argcount);
    varint(unit.posonly_argcount);
    varint(unit.kwonly_argcount);
    varint(unit.flags);
    strings(unit.varnames);
    strings(unit.cellvars);
    strings(unit.freevars);
    varint(unit.cell_param_slot.size());
    for (int slot : unit.cell_param_slot) signed_varint(slot);
    strings(unit.names);
    varint(unit.consts.size());
    for (const auto& item : unit.consts) constant(item);
    raw_vector(unit.code);
    raw_vector(unit.positions);
    varint(unit.max_stack);
    varint(unit.max_blocks);
    byte(unit.docstring ? 1 : 0);
    if (unit.docstring) string(*unit.docstring);
  }
};

// Every read checks the bounds; the first failure sets `ok` false and later reads give zeros.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : next(bytes.data()), end(bytes.data() + bytes.size()) {}

  bool ok = true;
  bool at_end() const { return next == end; }

  uint8_t byte() {
    if (next == end) return fail(), 0;
    return uint8_t(*next++);
  }
  uint64_t varint() {
    uint64_t n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = byte();
      n |= uint64_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return n;
    }
    return fail(), 0;
  }
  int64_t signed_varint() {
    uint64_t n = varint();
    return int64_t(n >> 1) ^ -int64_t(n & 1);
  }
  uint32_t u32() {
    uint64_t n = varint();
    if (n > UINT32_MAX) return fail(), 0;
    return uint32_t(n);
  }
  // A count of items that each take at least `min_bytes`: larger than what is left is malformed
  // (and would otherwise reserve absurd amounts).
  size_t count(size_t min_bytes) {
    uint64_t n = varint();
    if (n > uint64_t(end - next) / min_bytes) return fail(), 0;
    return size_t(n);
  }
  std::string string() {
    size_t size = count(1);
    std::string s(next, size);
    next += size;
    return s;
  }
  std::vector<std::string> strings() {
    std::vector<std::string> items(count(1));
    for (auto& item : items) item = string();
    return items;
  }
  template <typename T>
  std::vector<T> raw_vector() {
    std::vector<T> items(count(sizeof(T)));
    if (items.empty()) return items;
    std::memcpy(items.data(), next, items.size() * sizeof(T));
    next += items.size() * sizeof(T);
    return items;
  }

  Constant constant(int depth) {
    switch (byte()) {
      case tag_none: return {NoneConst{}};
      case tag_false: return {false};
      case tag_true: return {true};
      case tag_int: return {signed_varint()};
      case tag_bigint: {
        BigIntConst big;
        big.digits = string();
        big.base = int(u32());
        return {std::move(big)};
      }
      case tag_float: {
        double d = 0;
        if (size_t(end - next) < sizeof d) return fail(), Constant{NoneConst{}};
        std::memcpy(&d, next, sizeof d);
        next += sizeof d;
        return {d};
      }
      case tag_str: return {string()};
      case tag_bytes: return {BytesConst{string()}};
      case tag_ellipsis: return {EllipsisConst{}};
      case tag_tuple: {
        TupleConst tuple;
        tuple.items.resize(count(1));
        for (auto& item : tuple.items) item = constant(depth + 1);
        return {std::move(tuple)};
      }
      case tag_code: return {unit(depth + 1)};
      default: return fail(), Constant{NoneConst{}};
    }
  }

  std::shared_ptr<CodeUnit> unit(int depth) {
    // Deeper than any source the compiler accepts: malformed, and recursing on would overflow.
    constexpr int max_depth = 1000;
    if (depth > max_depth || size_t(end - next) < sizeof unit_magic ||
        std::memcmp(next, unit_magic, sizeof unit_magic) != 0)
      return fail(), nullptr;
    next += sizeof unit_magic;
    auto unit = std::make_shared<CodeUnit>();
    unit->name = string();
    unit->qualname = string();
    unit->filename = string();
    unit->first_line = int(signed_varint());
    unit->argcount = u32();
    unit->posonly_argcount = u32();
    unit->kwonly_argcount = u32();
    unit->flags = u32();
    unit->varnames = strings();
    unit->cellvars = strings();
    unit->freevars = strings();
    unit->cell_param_slot.resize(count(1));
    for (int& slot : unit->cell_param_slot) slot = int(signed_varint());
    unit->names = strings();
    unit->consts.resize(count(1));
    for (auto& item : unit->consts) item = constant(depth);
    unit->code = raw_vector<uint32_t>();
    unit->positions = raw_vector<SourcePosition>();
    unit->max_stack = u32();
    unit->max_blocks = u32();
    if (byte()) unit->docstring = string();
    if (!ok) return nullptr;
    return unit;
  }

 private:
  const char* next;
  const char* end;

  void fail() {
    ok = false;
    next = end;
  }
};

}  // namespace

std::string serialize_code_unit(const CodeUnit& unit) {
  Writer writer;
  writer.unit(unit);
  return std::move(writer.out);
}

std::shared_ptr<CodeUnit> deserialize_code_unit(std::string_view bytes) {
  Reader reader(bytes);
  auto unit = reader.unit(0);
  if (!reader.ok || !reader.at_end()) return nullptr;
  return unit;
}

}  // namespace chaipy
