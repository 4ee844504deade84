// Compiler output: code units and their constants, independent of the runtime object model.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace chaipy {

struct CodeUnit;

// Constant values as the compiler sees them; the runtime turns them into objects once per load.
struct NoneConst { bool operator==(const NoneConst&) const = default; };
struct EllipsisConst { bool operator==(const EllipsisConst&) const = default; };
// An integer literal too large for int64_t, kept as its digits in `base` (no prefix, no '_').
struct BigIntConst {
  std::string digits;
  int base = 10;
  bool operator==(const BigIntConst&) const = default;
};
struct BytesConst {
  std::string bytes;
  bool operator==(const BytesConst&) const = default;
};
struct Constant;
struct TupleConst {
  std::vector<Constant> items;
  bool operator==(const TupleConst&) const;
};
struct Constant {
  // std::string is a str (UTF-8); double is a float; int64_t is an int.
  std::variant<NoneConst, bool, int64_t, BigIntConst, double, std::string, BytesConst,
               EllipsisConst, TupleConst, std::shared_ptr<CodeUnit>>
      value;
  bool operator==(const Constant& other) const;
};
inline bool TupleConst::operator==(const TupleConst& other) const { return items == other.items; }

enum CodeFlags : uint32_t {
  code_varargs = 1u << 0,     // has *args
  code_varkeywords = 1u << 1, // has **kwargs
  code_generator = 1u << 2,   // contains yield: calling it makes a generator
  code_nested = 1u << 3,      // defined inside another function
};

// Where an instruction's source lies: 1-based lines, 0-based UTF-8 byte columns (as CPython's
// co_positions); end_col is exclusive.
struct SourcePosition {
  int line = 0;
  int end_line = 0;
  int col = 0;
  int end_col = 0;
};

struct CodeUnit {
  std::string name;      // "<module>", "f", "<lambda>", "<listcomp>", "<genexpr>", class name
  std::string qualname;  // "C.method", "f.<locals>.g", "<listcomp>" nested per CPython rules
  std::string filename;
  int first_line = 1;

  uint32_t argcount = 0;          // positional parameters, including positional-only ones
  uint32_t posonly_argcount = 0;
  uint32_t kwonly_argcount = 0;
  uint32_t flags = 0;             // CodeFlags

  // Local slots: parameters first, in order (positional, keyword-only, *args, **kwargs), then
  // the other locals. Comprehension units take the iterator as a parameter named ".0".
  std::vector<std::string> varnames;
  // Cells created by this unit, then free variables received through the closure.
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;
  // For each cellvar that is also a parameter: its parameter slot, else -1 (the VM copies the
  // argument into the cell at frame entry).
  std::vector<int> cell_param_slot;
  // Names for LOAD/STORE_NAME, LOAD/STORE_GLOBAL, attributes, methods, imports.
  std::vector<std::string> names;
  std::vector<Constant> consts;

  std::vector<uint32_t> code;              // encode_instruction(...) words
  std::vector<SourcePosition> positions;   // one per instruction
  uint32_t max_stack = 0;                  // deepest value stack any path reaches
  uint32_t max_blocks = 0;                 // deepest try-block nesting any path reaches
  std::optional<std::string> docstring;
};

}  // namespace chaipy
