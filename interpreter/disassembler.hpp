// Disassembler: readable listings of code units, in the style of CPython's dis (backs --dis).
#pragma once
#include <string>

#include "interpreter/code_unit.hpp"

namespace chaipy {

// The listing of `code` followed by those of the code units among its constants, recursively:
// per unit a header "Disassembly of <code object f at line 3>:", then per instruction the
// source line (when it changes), a ">>" jump-target mark, index, opcode, argument and its
// meaning in parentheses.
std::string disassemble(const CodeUnit& code);

// Python's repr() of a compile-time constant ("'a'", "(1, 2.5)", "<code object f at line 3>").
std::string constant_repr(const Constant& constant);

}  // namespace chaipy
