// Bytecode compiler: AST to CodeUnit trees, with CPython 3.11's scoping, unwinding and errors.
// Follows Python/compile.c: a unit per scope, a "frame block" stack that tells break/continue/
// return what to unwind, labels resolved by a small assembler that also drops dead code and
// computes the stack and block depths by flow analysis.
#include "interpreter/compiler.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <unordered_map>

#include "interpreter/opcodes.hpp"
#include "interpreter/stack_guard.hpp"
#include "interpreter/symtable.hpp"

namespace chaipy {

namespace {

// CPython's CO_MAXBLOCKS: loops, try blocks and handlers statically nested in one unit.
constexpr size_t max_static_blocks = 20;
// Past this many items, displays and calls are built incrementally to keep the stack small.
constexpr size_t stack_use_guideline = 30;
// Constant folding never makes strings longer than this (CPython's MAX_STR_SIZE).
constexpr size_t max_folded_string = 4096;

// ---- Constants: identity for deduplication, truth, folding ----

void append_constant_key(std::string& key, const Constant& constant) {
  key.push_back(static_cast<char>('A' + constant.value.index()));
  std::visit(
      [&key](const auto& value) {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, bool>) {
          key.push_back(value ? '1' : '0');
        } else if constexpr (std::is_same_v<T, int64_t>) {
          key += std::to_string(value);
          key.push_back(';');
        } else if constexpr (std::is_same_v<T, BigIntConst>) {
          key += std::to_string(value.base) + ":" + value.digits + ";";
        } else if constexpr (std::is_same_v<T, double>) {
          // Bitwise identity: 0.0 and -0.0 stay distinct constants.
          uint64_t bits;
          std::memcpy(&bits, &value, sizeof bits);
          key += std::to_string(bits);
          key.push_back(';');
        } else if constexpr (std::is_same_v<T, std::string>) {
          key += std::to_string(value.size()) + ":" + value;
        } else if constexpr (std::is_same_v<T, BytesConst>) {
          key += std::to_string(value.bytes.size()) + ":" + value.bytes;
        } else if constexpr (std::is_same_v<T, TupleConst>) {
          key += std::to_string(value.items.size()) + "(";
          for (const auto& item : value.items) append_constant_key(key, item);
        } else if constexpr (std::is_same_v<T, std::shared_ptr<CodeUnit>>) {
          key += std::to_string(reinterpret_cast<uintptr_t>(value.get()));
          key.push_back(';');
        }
      },
      constant.value);
}

std::string constant_key(const Constant& constant) {
  std::string key;
  append_constant_key(key, constant);
  return key;
}

bool constant_truth(const Constant& constant) {
  return std::visit(
      [](const auto& value) -> bool {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, NoneConst>) return false;
        else if constexpr (std::is_same_v<T, bool>) return value;
        else if constexpr (std::is_same_v<T, int64_t>) return value != 0;
        else if constexpr (std::is_same_v<T, double>) return value != 0.0;
        else if constexpr (std::is_same_v<T, std::string>) return !value.empty();
        else if constexpr (std::is_same_v<T, BytesConst>) return !value.bytes.empty();
        else if constexpr (std::is_same_v<T, TupleConst>) return !value.items.empty();
        else return true;  // big ints (never zero), Ellipsis, code
      },
      constant.value);
}

const std::string* constant_string(const ast::Expr& expression) {
  if (expression.kind != ast::ExprKind::Constant) return nullptr;
  return std::get_if<std::string>(&ast::as<ast::Constant>(expression).value.value);
}

// An int operand for folding; bools count as ints only where the result cannot be a bool.
std::optional<int64_t> folded_int(const Constant& constant, bool accept_bool) {
  if (auto value = std::get_if<int64_t>(&constant.value)) return *value;
  if (accept_bool) {
    if (auto value = std::get_if<bool>(&constant.value)) return *value ? 1 : 0;
  }
  return std::nullopt;
}

// Exactly 2**63, the one big int whose negation fits an int64.
bool is_two_to_63(const BigIntConst& big) {
  uint64_t value = 0;
  for (char digit : big.digits) {
    int d = digit >= 'a' ? digit - 'a' + 10 : digit >= 'A' ? digit - 'A' + 10 : digit - '0';
    if (value > (std::numeric_limits<uint64_t>::max() - d) / big.base) return false;
    value = value * big.base + d;
  }
  return value == (uint64_t{1} << 63);
}

std::optional<Constant> fold_unary(ast::UnaryOperator op, const Constant& operand) {
  using U = ast::UnaryOperator;
  if (op == U::Not) return Constant{!constant_truth(operand)};
  if (auto value = folded_int(operand, true)) {
    switch (op) {
      case U::USub:
        if (*value == std::numeric_limits<int64_t>::min()) return std::nullopt;
        return Constant{-*value};
      case U::UAdd:
        return Constant{*value};
      case U::Invert:
        return Constant{~*value};
      case U::Not:
        break;
    }
    return std::nullopt;
  }
  if (auto value = std::get_if<double>(&operand.value)) {
    if (op == U::USub) return Constant{-*value};
    if (op == U::UAdd) return Constant{*value};
    return std::nullopt;
  }
  if (auto big = std::get_if<BigIntConst>(&operand.value)) {
    if (op == U::USub && is_two_to_63(*big)) return Constant{std::numeric_limits<int64_t>::min()};
    if (op == U::UAdd) return operand;
  }
  return std::nullopt;
}

std::optional<int64_t> fold_int_binary(ast::Operator op, int64_t left, int64_t right) {
  using O = ast::Operator;
  constexpr int64_t min = std::numeric_limits<int64_t>::min();
  int64_t result = 0;
  switch (op) {
    case O::Add:
      if (__builtin_add_overflow(left, right, &result)) return std::nullopt;
      return result;
    case O::Sub:
      if (__builtin_sub_overflow(left, right, &result)) return std::nullopt;
      return result;
    case O::Mult:
      if (__builtin_mul_overflow(left, right, &result)) return std::nullopt;
      return result;
    case O::FloorDiv: {
      if (right == 0 || (left == min && right == -1)) return std::nullopt;
      int64_t quotient = left / right;
      if (left % right != 0 && ((left < 0) != (right < 0))) --quotient;
      return quotient;
    }
    case O::Mod: {
      if (right == 0) return std::nullopt;
      if (right == -1) return 0;
      int64_t remainder = left % right;
      if (remainder != 0 && ((remainder < 0) != (right < 0))) remainder += right;
      return remainder;
    }
    case O::Pow: {
      if (right < 0) return std::nullopt;  // a float result
      int64_t base = left;
      int64_t exponent = right;
      result = 1;
      while (exponent > 0) {
        if ((exponent & 1) && __builtin_mul_overflow(result, base, &result)) return std::nullopt;
        exponent >>= 1;
        if (exponent > 0 && __builtin_mul_overflow(base, base, &base)) return std::nullopt;
      }
      return result;
    }
    case O::LShift:
      if (right < 0) return std::nullopt;
      if (left == 0) return 0;
      if (right >= 63) return std::nullopt;
      if (__builtin_mul_overflow(left, int64_t{1} << right, &result)) return std::nullopt;
      return result;
    case O::RShift:
      if (right < 0) return std::nullopt;
      if (right >= 64) return left < 0 ? -1 : 0;
      return left >> right;
    case O::BitAnd:
      return left & right;
    case O::BitOr:
      return left | right;
    case O::BitXor:
      return left ^ right;
    case O::Div:
    case O::MatMult:
      break;
  }
  return std::nullopt;
}

std::optional<Constant> fold_repeat(const std::string& text, int64_t count, bool bytes) {
  if (count <= 0) return bytes ? Constant{BytesConst{}} : Constant{std::string()};
  if (text.size() * static_cast<uint64_t>(count) > max_folded_string) return std::nullopt;
  std::string repeated;
  repeated.reserve(text.size() * count);
  for (int64_t i = 0; i < count; ++i) repeated += text;
  return bytes ? Constant{BytesConst{std::move(repeated)}} : Constant{std::move(repeated)};
}

std::optional<Constant> fold_binary(ast::Operator op, const Constant& left, const Constant& right) {
  using O = ast::Operator;
  // bool & bool is a bool, so bools take part in arithmetic folding only through the runtime.
  auto left_int = folded_int(left, false);
  auto right_int = folded_int(right, false);
  if (left_int && right_int) {
    if (op == O::Div) {
      constexpr int64_t exact = int64_t{1} << 53;  // both convert exactly, so one rounding
      if (*right_int == 0 || *left_int > exact || *left_int < -exact || *right_int > exact ||
          *right_int < -exact) {
        return std::nullopt;
      }
      return Constant{static_cast<double>(*left_int) / static_cast<double>(*right_int)};
    }
    if (auto result = fold_int_binary(op, *left_int, *right_int)) return Constant{*result};
    return std::nullopt;
  }
  auto as_double = [](const Constant& constant, std::optional<int64_t> as_int) -> std::optional<double> {
    if (auto value = std::get_if<double>(&constant.value)) return *value;
    if (as_int) return static_cast<double>(*as_int);
    return std::nullopt;
  };
  auto left_double = as_double(left, left_int);
  auto right_double = as_double(right, right_int);
  if (left_double && right_double) {
    switch (op) {
      case O::Add:
        return Constant{*left_double + *right_double};
      case O::Sub:
        return Constant{*left_double - *right_double};
      case O::Mult:
        return Constant{*left_double * *right_double};
      case O::Div:
        if (*right_double == 0.0) return std::nullopt;
        return Constant{*left_double / *right_double};
      default:
        return std::nullopt;
    }
  }
  const auto* left_str = std::get_if<std::string>(&left.value);
  const auto* right_str = std::get_if<std::string>(&right.value);
  if (op == O::Add && left_str && right_str) {
    if (left_str->size() + right_str->size() > max_folded_string) return std::nullopt;
    return Constant{*left_str + *right_str};
  }
  const auto* left_bytes = std::get_if<BytesConst>(&left.value);
  const auto* right_bytes = std::get_if<BytesConst>(&right.value);
  if (op == O::Add && left_bytes && right_bytes) {
    if (left_bytes->bytes.size() + right_bytes->bytes.size() > max_folded_string) return std::nullopt;
    return Constant{BytesConst{left_bytes->bytes + right_bytes->bytes}};
  }
  if (op == O::Mult) {
    if (left_str && right_int) return fold_repeat(*left_str, *right_int, false);
    if (right_str && left_int) return fold_repeat(*right_str, *left_int, false);
    if (left_bytes && right_int) return fold_repeat(left_bytes->bytes, *right_int, true);
    if (right_bytes && left_int) return fold_repeat(right_bytes->bytes, *left_int, true);
  }
  return std::nullopt;
}

// The value of an expression made only of literals (what CPython's AST optimizer folds).
std::optional<Constant> fold_constant(const ast::Expr& expression) {
  switch (expression.kind) {
    case ast::ExprKind::Constant:
      return ast::as<ast::Constant>(expression).value;
    case ast::ExprKind::UnaryOp: {
      const auto& node = ast::as<ast::UnaryOp>(expression);
      auto operand = fold_constant(*node.operand);
      if (!operand) return std::nullopt;
      return fold_unary(node.op, *operand);
    }
    case ast::ExprKind::BinOp: {
      const auto& node = ast::as<ast::BinOp>(expression);
      auto left = fold_constant(*node.left);
      if (!left) return std::nullopt;
      auto right = fold_constant(*node.right);
      if (!right) return std::nullopt;
      return fold_binary(node.op, *left, *right);
    }
    case ast::ExprKind::Tuple: {
      const auto& node = ast::as<ast::Tuple>(expression);
      if (node.ctx != ast::ExprContext::Load) return std::nullopt;
      TupleConst tuple;
      tuple.items.reserve(node.elts.size());
      for (const auto& element : node.elts) {
        auto item = fold_constant(*element);
        if (!item) return std::nullopt;
        tuple.items.push_back(std::move(*item));
      }
      return Constant{std::move(tuple)};
    }
    case ast::ExprKind::Name: {
      const auto& node = ast::as<ast::Name>(expression);
      if (node.ctx == ast::ExprContext::Load && node.id == "__debug__") return Constant{true};
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

bool is_starred(const ast::Expr& expression) { return expression.kind == ast::ExprKind::Starred; }

bool any_starred(const std::vector<ast::ExprPtr>& expressions) {
  return std::any_of(expressions.begin(), expressions.end(), [](const auto& e) { return is_starred(*e); });
}

const std::string* docstring_of(const std::vector<ast::StmtPtr>& body) {
  if (body.empty() || body.front()->kind != ast::StmtKind::Expr) return nullptr;
  return constant_string(*ast::as<ast::ExprStmt>(*body.front()).value);
}

// ---- Instructions and the assembler ----

struct Instruction {
  Opcode op;
  uint32_t arg = 0;
  int target = -1;  // a label before assembly, an instruction index after
  SourcePosition pos;
};

bool has_target(Opcode op) {
  switch (op) {
    case Opcode::JUMP:
    case Opcode::JUMP_BACKWARD:
    case Opcode::POP_JUMP_IF_FALSE:
    case Opcode::POP_JUMP_IF_TRUE:
    case Opcode::POP_JUMP_IF_NONE:
    case Opcode::POP_JUMP_IF_NOT_NONE:
    case Opcode::JUMP_IF_FALSE_OR_POP:
    case Opcode::JUMP_IF_TRUE_OR_POP:
    case Opcode::FOR_ITER:
    case Opcode::SETUP_FINALLY:
    case Opcode::SETUP_WITH:
      return true;
    default:
      return false;
  }
}

bool ends_flow(Opcode op) {
  return op == Opcode::JUMP || op == Opcode::RETURN_VALUE || op == Opcode::RERAISE ||
         op == Opcode::RAISE_VARARGS;
}

// Stack effect when execution falls through to the next instruction.
int fallthrough_effect(Opcode op, uint32_t arg) {
  const int n = static_cast<int>(arg);
  switch (op) {
    case Opcode::NOP:
    case Opcode::SWAP:
    case Opcode::DELETE_FAST:
    case Opcode::DELETE_DEREF:
    case Opcode::DELETE_NAME:
    case Opcode::DELETE_GLOBAL:
    case Opcode::LOAD_ATTR:
    case Opcode::UNARY_NEGATIVE:
    case Opcode::UNARY_POSITIVE:
    case Opcode::UNARY_NOT:
    case Opcode::UNARY_INVERT:
    case Opcode::JUMP:
    case Opcode::JUMP_BACKWARD:
    case Opcode::GET_ITER:
    case Opcode::LIST_TO_TUPLE:
    case Opcode::SETUP_FINALLY:
    case Opcode::POP_BLOCK:
    case Opcode::CHECK_EXC_MATCH:
    case Opcode::YIELD_VALUE:
    case Opcode::GET_YIELD_FROM_ITER:
    case Opcode::YIELD_FROM:
      return 0;
    case Opcode::COPY:
    case Opcode::AUG_SUBSCR_LOAD:
    case Opcode::LOAD_CONST:
    case Opcode::LOAD_FAST:
    case Opcode::LOAD_DEREF:
    case Opcode::LOAD_CLOSURE:
    case Opcode::LOAD_CLASSDEREF:
    case Opcode::LOAD_NAME:
    case Opcode::LOAD_GLOBAL:
    case Opcode::LOAD_METHOD:
    case Opcode::FOR_ITER:
    case Opcode::LOAD_BUILD_CLASS:
    case Opcode::IMPORT_FROM:
    case Opcode::SETUP_WITH:
    case Opcode::WITH_EXCEPT_START:
    case Opcode::LOAD_ASSERTION_ERROR:
      return 1;
    case Opcode::POP_TOP:
    case Opcode::STORE_FAST:
    case Opcode::STORE_DEREF:
    case Opcode::STORE_NAME:
    case Opcode::STORE_GLOBAL:
    case Opcode::DELETE_ATTR:
    case Opcode::BINARY_SUBSCR:
    case Opcode::BINARY_OP:
    case Opcode::BINARY_OP_ADD:
    case Opcode::BINARY_OP_SUBTRACT:
    case Opcode::BINARY_OP_MULTIPLY:
    case Opcode::BINARY_OP_TRUE_DIVIDE:
    case Opcode::BINARY_OP_FLOOR_DIVIDE:
    case Opcode::BINARY_OP_MODULO:
    case Opcode::COMPARE_OP:
    case Opcode::IS_OP:
    case Opcode::CONTAINS_OP:
    case Opcode::POP_JUMP_IF_FALSE:
    case Opcode::POP_JUMP_IF_TRUE:
    case Opcode::POP_JUMP_IF_NONE:
    case Opcode::POP_JUMP_IF_NOT_NONE:
    case Opcode::JUMP_IF_FALSE_OR_POP:
    case Opcode::JUMP_IF_TRUE_OR_POP:
    case Opcode::LIST_APPEND:
    case Opcode::SET_ADD:
    case Opcode::LIST_EXTEND:
    case Opcode::SET_UPDATE:
    case Opcode::DICT_UPDATE:
    case Opcode::DICT_MERGE:
    case Opcode::RETURN_VALUE:
    case Opcode::IMPORT_NAME:
    case Opcode::IMPORT_STAR:
    case Opcode::POP_EXCEPT:
    case Opcode::RERAISE:
    case Opcode::PRINT_EXPR:
      return -1;
    case Opcode::STORE_ATTR:
    case Opcode::DELETE_SUBSCR:
    case Opcode::MAP_ADD:
      return -2;
    case Opcode::STORE_SUBSCR:
    case Opcode::AUG_SUBSCR_STORE:
      return -3;
    case Opcode::BUILD_SLICE:
    case Opcode::BUILD_TUPLE:
    case Opcode::BUILD_LIST:
    case Opcode::BUILD_SET:
    case Opcode::BUILD_STRING:
      return 1 - n;
    case Opcode::BUILD_MAP:
      return 1 - 2 * n;
    case Opcode::FORMAT_VALUE:
      return (arg & format_has_spec) ? -1 : 0;
    case Opcode::UNPACK_SEQUENCE:
      return n - 1;
    case Opcode::UNPACK_EX:
      return static_cast<int>((arg & 0xFF) + (arg >> 8));
    case Opcode::CALL:
      return -n;
    case Opcode::CALL_KW:
    case Opcode::CALL_METHOD:
      return -n - 1;
    case Opcode::CALL_METHOD_KW:
      return -n - 2;
    case Opcode::CALL_EX:
      return (arg & 1) ? -2 : -1;
    case Opcode::MAKE_FUNCTION:
      return -std::popcount(arg & (make_function_defaults | make_function_kwdefaults | make_function_closure));
    case Opcode::RAISE_VARARGS:
      return -n;
  }
  throw std::logic_error("compiler: opcode without a stack effect");
}

// Where a jump leaves the stack and block depths, relative to the jumping instruction's entry.
struct JumpEffect {
  int stack;
  int blocks;
};

JumpEffect jump_effect(Opcode op) {
  switch (op) {
    case Opcode::SETUP_FINALLY:
    case Opcode::SETUP_WITH:
      // The VM unwinds to the depth at SETUP, pushes (prev_exc, exc) and a handler block.
      return {2, 1};
    case Opcode::FOR_ITER:
    case Opcode::POP_JUMP_IF_FALSE:
    case Opcode::POP_JUMP_IF_TRUE:
    case Opcode::POP_JUMP_IF_NONE:
    case Opcode::POP_JUMP_IF_NOT_NONE:
      return {-1, 0};
    default:
      return {0, 0};
  }
}

int fallthrough_block_effect(Opcode op) {
  switch (op) {
    case Opcode::SETUP_FINALLY:
    case Opcode::SETUP_WITH:
      return 1;
    case Opcode::POP_BLOCK:
    case Opcode::POP_EXCEPT:
      return -1;
    default:
      return 0;
  }
}

class Assembler {
 public:
  Assembler(std::vector<Instruction>& instructions, const std::vector<int>& labels, CodeUnit& code)
      : instructions_(instructions), code_(code) {
    for (auto& instruction : instructions_) {
      if (instruction.target < 0) continue;
      int index = labels.at(instruction.target);
      if (index < 0 || index >= static_cast<int>(instructions_.size())) {
        throw std::logic_error("compiler: jump to an unbound label");
      }
      instruction.target = index;
    }
  }

  void run() {
    thread_jumps();
    inline_small_exits();
    remove_unreachable();
    while (remove_jumps_to_next()) {
    }
    apply_static_swaps();
    if (instructions_.empty() || !ends_flow(instructions_.back().op)) {
      throw std::logic_error("compiler: code falls off its end");
    }
    route_backward_branches();
    prune_constants();
    compute_depths();
    code_.code.reserve(instructions_.size());
    code_.positions.reserve(instructions_.size());
    for (const auto& instruction : instructions_) {
      uint32_t arg = has_target(instruction.op) ? static_cast<uint32_t>(instruction.target) : instruction.arg;
      Opcode op = instruction.op;
      if (op == Opcode::JUMP && arg <= code_.code.size()) op = Opcode::JUMP_BACKWARD;
      code_.code.push_back(encode_instruction(op, arg));
      code_.positions.push_back(instruction.pos);
    }
    fuse_pairs();
  }

 private:
  // Pairs of instructions in a row become superinstructions (fused_pairs, opcodes.hpp), one
  // dispatch instead of two: `x - y`, `v[0]`, `d = ...` then a load.
  void fuse_pairs() {
    std::vector<uint32_t>& words = code_.code;
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      const uint32_t first = instruction_arg(words[i]);
      const uint32_t second = instruction_arg(words[i + 1]);
      if (first >= fused_arg_limit || second >= fused_arg_limit) continue;
      for (const FusedPair& pair : fused_pairs) {
        if (instruction_opcode(words[i]) == pair.first && instruction_opcode(words[i + 1]) == pair.second) {
          words[i] = encode_instruction(pair.fused, first | second << 12);
          ++i;  // the second is consumed; it does not start a pair of its own
          break;
        }
      }
    }
  }

  static bool is_conditional_keep(Opcode op) {
    return op == Opcode::JUMP_IF_FALSE_OR_POP || op == Opcode::JUMP_IF_TRUE_OR_POP;
  }

  // A jump to an unconditional jump goes straight to the final destination; so does an
  // `and`/`or` jump landing on a test of the same value (`a and b or c`).
  void thread_jumps() {
    for (auto& instruction : instructions_) {
      if (instruction.target < 0) continue;
      for (size_t hops = 0; hops < instructions_.size(); ++hops) {
        const int destination_index = instruction.target;
        const Instruction& destination = instructions_[destination_index];
        if (destination.target == destination_index) break;
        if (destination.op == Opcode::JUMP) {
          instruction.target = destination.target;
        } else if (is_conditional_keep(instruction.op) && is_conditional_keep(destination.op)) {
          if (destination.op == instruction.op) {
            instruction.target = destination.target;  // the value tests the same way again
          } else {
            // The second test fails and pops: pop here and skip it.
            instruction.op = instruction.op == Opcode::JUMP_IF_FALSE_OR_POP ? Opcode::POP_JUMP_IF_FALSE
                                                                            : Opcode::POP_JUMP_IF_TRUE;
            instruction.target = destination_index + 1;
            break;
          }
        } else {
          break;
        }
      }
    }
  }

  // Loops check the eval breaker (thread switches, signals, the embedding budget) only at
  // JUMP_BACKWARD, so every backward edge must be one. A conditional jump or FOR_ITER's exit that
  // threading (or a comprehension's `if`) aimed backward goes instead to a JUMP appended after
  // the last instruction, which nothing falls into, and that JUMP goes back.
  void route_backward_branches() {
    std::unordered_map<int, int> trampoline_of_target;
    const size_t count = instructions_.size();
    for (size_t i = 0; i < count; ++i) {
      Instruction& branch = instructions_[i];
      if (branch.op == Opcode::JUMP || branch.target < 0 || branch.target > static_cast<int>(i)) continue;
      auto [entry, added] = trampoline_of_target.try_emplace(branch.target, static_cast<int>(instructions_.size()));
      if (added) instructions_.push_back(Instruction{Opcode::JUMP, 0, branch.target, branch.pos});
      instructions_[i].target = entry->second;  // `branch` may have moved with the push
    }
  }

  // A jump to `return` (or `return <constant>`) becomes a copy of it, saving a dispatch.
  void inline_small_exits() {
    const size_t count = instructions_.size();
    std::vector<Instruction> rewritten;
    std::vector<int> new_index(count);
    for (size_t i = 0; i < count; ++i) {
      new_index[i] = static_cast<int>(rewritten.size());
      const Instruction& instruction = instructions_[i];
      if (instruction.op == Opcode::JUMP) {
        const auto target = static_cast<size_t>(instruction.target);
        const Instruction& destination = instructions_[target];
        if (destination.op == Opcode::RETURN_VALUE) {
          rewritten.push_back(Instruction{Opcode::RETURN_VALUE, 0, -1, instruction.pos});
          continue;
        }
        if (destination.op == Opcode::LOAD_CONST && target + 1 < count &&
            instructions_[target + 1].op == Opcode::RETURN_VALUE) {
          rewritten.push_back(Instruction{Opcode::LOAD_CONST, destination.arg, -1, instruction.pos});
          rewritten.push_back(Instruction{Opcode::RETURN_VALUE, 0, -1, instruction.pos});
          continue;
        }
      }
      rewritten.push_back(instruction);  // its target is still an old index until remapped below
    }
    for (auto& instruction : rewritten) {
      if (instruction.target >= 0) instruction.target = new_index[instruction.target];
    }
    instructions_ = std::move(rewritten);
  }

  // Keeps the instructions flagged in `keep`; a dropped instruction's index maps to the next
  // kept one, which is where control reaching it would have gone.
  void compact(const std::vector<bool>& keep) {
    std::vector<int> new_index(instructions_.size() + 1);
    int count = 0;
    for (size_t i = 0; i < instructions_.size(); ++i) {
      new_index[i] = count;
      if (keep[i]) ++count;
    }
    new_index[instructions_.size()] = count;
    std::vector<Instruction> kept;
    kept.reserve(count);
    for (size_t i = 0; i < instructions_.size(); ++i) {
      if (!keep[i]) continue;
      Instruction instruction = instructions_[i];
      if (instruction.target >= 0) instruction.target = new_index[instruction.target];
      kept.push_back(instruction);
    }
    instructions_ = std::move(kept);
  }

  void remove_unreachable() {
    std::vector<bool> reached(instructions_.size(), false);
    std::vector<int> work{0};
    reached[0] = true;
    auto visit = [&](int index) {
      if (index < static_cast<int>(instructions_.size()) && !reached[index]) {
        reached[index] = true;
        work.push_back(index);
      }
    };
    while (!work.empty()) {
      int index = work.back();
      work.pop_back();
      const Instruction& instruction = instructions_[index];
      if (instruction.target >= 0) visit(instruction.target);
      if (!ends_flow(instruction.op)) visit(index + 1);
    }
    compact(reached);
  }

  bool remove_jumps_to_next() {
    std::vector<bool> keep(instructions_.size(), true);
    bool removed = false;
    for (size_t i = 0; i < instructions_.size(); ++i) {
      if (instructions_[i].op == Opcode::JUMP && instructions_[i].target == static_cast<int>(i + 1)) {
        keep[i] = false;
        removed = true;
      }
    }
    if (removed) compact(keep);
    return removed;
  }

  // As CPython 3.11's apply_static_swaps: `a, b = x, y` stores into b first rather than swap
  // (SWAP 2, STORE_FAST a, STORE_FAST b -> STORE_FAST b, STORE_FAST a), a dispatch saved and
  // the old values released in CPython's order. Only for distinct locals (or discards) stored
  // on one line with no jump landing among them.
  void apply_static_swaps() {
    std::vector<bool> jump_target(instructions_.size(), false);
    for (const auto& instruction : instructions_) {
      if (instruction.target >= 0) jump_target[instruction.target] = true;
    }
    std::vector<bool> keep(instructions_.size(), true);
    bool removed = false;
    for (size_t i = 0; i < instructions_.size(); ++i) {
      if (instructions_[i].op != Opcode::SWAP) continue;
      const size_t last = i + instructions_[i].arg;
      if (last >= instructions_.size()) continue;
      std::vector<uint32_t> slots;
      bool swappable = true;
      for (size_t k = i + 1; k <= last && swappable; ++k) {
        const Instruction& store = instructions_[k];
        swappable = (store.op == Opcode::STORE_FAST || store.op == Opcode::POP_TOP) && !jump_target[k] &&
                    store.pos.line == instructions_[i + 1].pos.line;
        if (swappable && store.op == Opcode::STORE_FAST) {
          swappable = std::find(slots.begin(), slots.end(), store.arg) == slots.end();
          slots.push_back(store.arg);
        }
      }
      if (!swappable) continue;
      std::swap(instructions_[i + 1], instructions_[last]);
      keep[i] = false;
      removed = true;
    }
    if (removed) compact(keep);
  }

  void prune_constants() {
    std::vector<int> new_index(code_.consts.size(), -1);
    std::vector<Constant> used;
    for (auto& instruction : instructions_) {
      if (instruction.op != Opcode::LOAD_CONST) continue;
      int& mapped = new_index.at(instruction.arg);
      if (mapped < 0) {
        mapped = static_cast<int>(used.size());
        used.push_back(std::move(code_.consts[instruction.arg]));
      }
      instruction.arg = static_cast<uint32_t>(mapped);
    }
    code_.consts = std::move(used);
  }

  void compute_depths() {
    const size_t count = instructions_.size();
    std::vector<int> stack(count, -1);
    std::vector<int> blocks(count, -1);
    std::vector<int> work;
    int max_stack = 0;
    int max_blocks = 0;
    auto reach = [&](size_t index, int depth, int block_depth) {
      if (index >= count) throw std::logic_error("compiler: flow leaves the code");
      if (depth < 0 || block_depth < 0) throw std::logic_error("compiler: stack underflow");
      if (stack[index] < 0) {
        stack[index] = depth;
        blocks[index] = block_depth;
        max_stack = std::max(max_stack, depth);
        max_blocks = std::max(max_blocks, block_depth);
        work.push_back(static_cast<int>(index));
      } else if (stack[index] != depth || blocks[index] != block_depth) {
        throw std::logic_error("compiler: inconsistent stack depth at instruction " + std::to_string(index) +
                               " in " + code_.qualname);
      }
    };
    reach(0, 0, 0);
    while (!work.empty()) {
      size_t index = work.back();
      work.pop_back();
      const Instruction& instruction = instructions_[index];
      int depth = stack[index];
      int block_depth = blocks[index];
      if (instruction.target >= 0) {
        JumpEffect effect = jump_effect(instruction.op);
        reach(instruction.target, depth + effect.stack, block_depth + effect.blocks);
      }
      if (!ends_flow(instruction.op)) {
        reach(index + 1, depth + fallthrough_effect(instruction.op, instruction.arg),
              block_depth + fallthrough_block_effect(instruction.op));
      }
    }
    code_.max_stack = static_cast<uint32_t>(max_stack);
    code_.max_blocks = static_cast<uint32_t>(max_blocks);
  }

  std::vector<Instruction>& instructions_;
  CodeUnit& code_;
};

// ---- Compiler units and frame blocks ----

enum class UnitKind { Module, Class, Function, Lambda, Comprehension };

// What a break/continue/return must undo when it leaves a statement (CPython's fblockinfo).
enum class FrameBlockType {
  WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, HandlerCleanup, PopValue, ExceptionHandler,
};

struct FrameBlock {
  FrameBlockType type;
  int continue_label = -1;
  int break_label = -1;
  const std::vector<ast::StmtPtr>* final_body = nullptr;  // FinallyTry
  const ast::Stmt* with_statement = nullptr;              // With: where the __exit__ call is
  const std::string* handler_name = nullptr;              // HandlerCleanup of `except E as name`
};

struct Unit {
  UnitKind kind = UnitKind::Module;
  const Scope* scope = nullptr;
  std::shared_ptr<CodeUnit> code;
  std::optional<std::string> private_name;  // class name for __private mangling
  std::vector<Instruction> instructions;
  std::vector<int> labels;
  std::unordered_map<std::string, uint32_t> name_slots;
  std::unordered_map<std::string, uint32_t> varname_slots;
  std::unordered_map<std::string, uint32_t> cell_slots;  // cellvars, then freevars after them
  std::unordered_map<std::string, uint32_t> const_slots;
  std::vector<FrameBlock> frame_blocks;
  SourcePosition pos;  // the node being compiled: every emitted instruction takes it
};

// Restores the unit's current position when an expression's compilation ends.
class PositionScope {
 public:
  PositionScope(Unit& unit, const SourcePosition& pos) : unit_(unit), saved_(unit.pos) { unit.pos = pos; }
  ~PositionScope() { unit_.pos = saved_; }
  PositionScope(const PositionScope&) = delete;
  PositionScope& operator=(const PositionScope&) = delete;

 private:
  Unit& unit_;
  SourcePosition saved_;
};

enum class Collection { List, Set, Tuple };

bool is_known_future_feature(const std::string& name) {
  static const char* const features[] = {
      "nested_scopes", "generators", "division", "absolute_import", "with_statement",
      "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations",
  };
  return std::any_of(std::begin(features), std::end(features), [&](const char* f) { return name == f; });
}

// Validates the leading `from __future__ import ...` statements (CPython's future.c) and
// returns the line of the last one, or -1.
int check_future_imports(const std::vector<ast::StmtPtr>& body) {
  int future_line = -1;
  bool done = false;
  int previous_line = 0;
  size_t start = docstring_of(body) ? 1 : 0;
  for (size_t i = start; i < body.size(); ++i) {
    const ast::Stmt& statement = *body[i];
    if (done && statement.pos.line > previous_line) break;
    previous_line = statement.pos.line;
    if (statement.kind == ast::StmtKind::ImportFrom) {
      const auto& node = ast::as<ast::ImportFrom>(statement);
      if (node.module && *node.module == "__future__") {
        if (done) {
          throw CompileError{"from __future__ imports must occur at the beginning of the file", statement.pos};
        }
        for (const auto& alias : node.names) {
          if (is_known_future_feature(alias.name)) continue;
          std::string message =
              alias.name == "braces" ? "not a chance" : "future feature " + alias.name + " is not defined";
          throw CompileError{std::move(message), statement.pos, false};
        }
        future_line = statement.pos.line;
        continue;
      }
    }
    done = true;
  }
  return future_line;
}

// True when a leading `from __future__ import annotations` is present: annotations then stay
// unevaluated (CPython would keep them as strings; chaipy leaves them out).
bool has_future_annotations(const std::vector<ast::StmtPtr>& body) {
  for (size_t i = docstring_of(body) ? 1 : 0; i < body.size(); ++i) {
    const ast::Stmt& statement = *body[i];
    if (statement.kind != ast::StmtKind::ImportFrom) break;
    const auto& node = ast::as<ast::ImportFrom>(statement);
    if (!node.module || *node.module != "__future__") break;
    for (const auto& alias : node.names)
      if (alias.name == "annotations") return true;
  }
  return false;
}

bool has_variable_annotations(const std::vector<ast::StmtPtr>& body);
template <typename TryNode>
bool try_has_variable_annotations(const TryNode& node) {
  if (has_variable_annotations(node.body) || has_variable_annotations(node.orelse) ||
      has_variable_annotations(node.finalbody))
    return true;
  for (const auto& handler : node.handlers)
    if (has_variable_annotations(handler.body)) return true;
  return false;
}

// Whether a module or class body annotates a variable anywhere outside nested functions and
// classes (CPython's find_ann): such a body starts by creating its __annotations__ dict.
bool has_variable_annotations(const std::vector<ast::StmtPtr>& body) {
  using K = ast::StmtKind;
  for (const auto& statement : body) {
    switch (statement->kind) {
      case K::AnnAssign:
        return true;
      case K::For: {
        const auto& node = ast::as<ast::For>(*statement);
        if (has_variable_annotations(node.body) || has_variable_annotations(node.orelse)) return true;
        break;
      }
      case K::While: {
        const auto& node = ast::as<ast::While>(*statement);
        if (has_variable_annotations(node.body) || has_variable_annotations(node.orelse)) return true;
        break;
      }
      case K::If: {
        const auto& node = ast::as<ast::If>(*statement);
        if (has_variable_annotations(node.body) || has_variable_annotations(node.orelse)) return true;
        break;
      }
      case K::With:
        if (has_variable_annotations(ast::as<ast::With>(*statement).body)) return true;
        break;
      case K::Try:
        if (try_has_variable_annotations(ast::as<ast::Try>(*statement))) return true;
        break;
      case K::TryStar:
        if (try_has_variable_annotations(ast::as<ast::TryStar>(*statement))) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

class Compiler {
 public:
  Compiler(const SymbolTable& symbols, std::string filename) : symbols_(symbols), filename_(std::move(filename)) {}

  std::shared_ptr<CodeUnit> compile_module(const ast::Module& module) {
    future_line_ = check_future_imports(module.body);
    future_annotations_ = has_future_annotations(module.body);
    enter_unit(UnitKind::Module, "<module>", &module, 1, SourcePosition{1, 1, 0, 0});
    if (!module.body.empty()) u().pos = module.body.front()->pos;
    setup_annotations(module.body);
    size_t start = 0;
    if (const std::string* docstring = docstring_of(module.body)) {
      u().code->docstring = *docstring;
      load_const(Constant{*docstring});
      compile_name("__doc__", ast::ExprContext::Store);
      start = 1;
    }
    for (size_t i = start; i < module.body.size(); ++i) visit_stmt(*module.body[i]);
    emit_return_none();
    return exit_unit();
  }

  std::shared_ptr<CodeUnit> compile_interactive(const ast::Interactive& interactive) {
    future_line_ = check_future_imports(interactive.body);
    future_annotations_ = has_future_annotations(interactive.body);
    interactive_ = true;
    enter_unit(UnitKind::Module, "<module>", &interactive, 1, SourcePosition{1, 1, 0, 0});
    setup_annotations(interactive.body);
    visit_body(interactive.body);
    emit_return_none();
    return exit_unit();
  }

  std::shared_ptr<CodeUnit> compile_expression(const ast::Expression& expression) {
    enter_unit(UnitKind::Module, "<module>", &expression, 1, expression.body->pos);
    visit_expr(*expression.body);
    emit(Opcode::RETURN_VALUE);
    return exit_unit();
  }

 private:
  Unit& u() { return *units_.back(); }

  [[noreturn]] void error(std::string message) { throw CompileError{std::move(message), u().pos}; }
  static void check_stack(const SourcePosition& pos) {
    if (native_stack_exhausted()) throw CompileError{compile_recursion_message, pos, true, true};
  }

  // ---- units ----

  void enter_unit(UnitKind kind, std::string name, const void* node, int first_line, const SourcePosition& pos) {
    auto unit = std::make_unique<Unit>();
    unit->kind = kind;
    unit->scope = &symbols_.scope_of(node);
    unit->code = std::make_shared<CodeUnit>();
    unit->pos = pos;
    if (!units_.empty()) unit->private_name = units_.back()->private_name;
    const Scope& scope = *unit->scope;
    CodeUnit& code = *unit->code;
    code.name = std::move(name);
    code.filename = filename_;
    code.first_line = first_line;
    for (const auto& parameter : scope.parameters) {
      unit->varname_slots.emplace(parameter, static_cast<uint32_t>(code.varnames.size()));
      code.varnames.push_back(parameter);
    }
    // As CPython 3.11: cells that are parameters first, in parameter order, then the others
    // sorted; free variables sorted.
    for (const auto& parameter : scope.parameters) {
      if (scope.resolve(parameter) == Resolution::Cell) code.cellvars.push_back(parameter);
    }
    const size_t parameter_cells = code.cellvars.size();
    for (const auto& [symbol_name, symbol] : scope.symbols) {
      if (symbol.resolution == Resolution::Cell && !(symbol.flags & symbol_def_param)) {
        code.cellvars.push_back(symbol_name);
      }
      if (symbol.resolution == Resolution::Free || (symbol.flags & symbol_free_class)) {
        code.freevars.push_back(symbol_name);
      }
    }
    if (scope.needs_class_closure) code.cellvars.push_back("__class__");
    std::sort(code.cellvars.begin() + static_cast<std::ptrdiff_t>(parameter_cells), code.cellvars.end());
    std::sort(code.freevars.begin(), code.freevars.end());
    for (const auto& cell : code.cellvars) {
      unit->cell_slots.emplace(cell, static_cast<uint32_t>(unit->cell_slots.size()));
      auto parameter = std::find(scope.parameters.begin(), scope.parameters.end(), cell);
      code.cell_param_slot.push_back(
          parameter == scope.parameters.end() ? -1 : static_cast<int>(parameter - scope.parameters.begin()));
    }
    for (const auto& free : code.freevars) {
      unit->cell_slots.emplace(free, static_cast<uint32_t>(unit->cell_slots.size()));
    }
    if (scope.has_varargs) code.flags |= code_varargs;
    if (scope.has_varkeywords) code.flags |= code_varkeywords;
    if (scope.is_generator && scope.type == ScopeType::Function) code.flags |= code_generator;
    if (scope.nested && scope.type == ScopeType::Function) code.flags |= code_nested;
    units_.push_back(std::move(unit));
    code.qualname = qualname_for(*units_.back());
  }

  std::string qualname_for(const Unit& unit) {
    const std::string& name = unit.code->name;
    if (units_.size() <= 2) return name;  // directly inside the module
    const Unit& parent = *units_[units_.size() - 2];
    if (unit.kind == UnitKind::Function || unit.kind == UnitKind::Class) {
      if (parent.scope->resolve(mangle(parent.private_name, name)) == Resolution::GlobalExplicit) return name;
    }
    bool parent_is_function = parent.kind == UnitKind::Function || parent.kind == UnitKind::Lambda;
    return parent.code->qualname + (parent_is_function ? ".<locals>." : ".") + name;
  }

  std::shared_ptr<CodeUnit> exit_unit() {
    Unit& unit = u();
    Assembler(unit.instructions, unit.labels, *unit.code).run();
    std::shared_ptr<CodeUnit> code = std::move(unit.code);
    units_.pop_back();
    return code;
  }

  // ---- emission ----

  void emit(Opcode op, uint32_t arg = 0) {
    if (arg > max_instruction_arg) error("too many operands in one instruction");
    u().instructions.push_back(Instruction{op, arg, -1, u().pos});
  }
  void emit_jump(Opcode op, int label) { u().instructions.push_back(Instruction{op, 0, label, u().pos}); }
  int new_label() {
    u().labels.push_back(-1);
    return static_cast<int>(u().labels.size() - 1);
  }
  void bind(int label) { u().labels[label] = static_cast<int>(u().instructions.size()); }

  uint32_t add_const(Constant constant) {
    auto [it, inserted] = u().const_slots.try_emplace(constant_key(constant),
                                                      static_cast<uint32_t>(u().code->consts.size()));
    if (inserted) u().code->consts.push_back(std::move(constant));
    return it->second;
  }
  void load_const(Constant constant) { emit(Opcode::LOAD_CONST, add_const(std::move(constant))); }
  void emit_return_none() {
    load_const(Constant{NoneConst{}});
    emit(Opcode::RETURN_VALUE);
  }

  uint32_t name_slot(const std::string& name) {
    auto [it, inserted] = u().name_slots.try_emplace(name, static_cast<uint32_t>(u().code->names.size()));
    if (inserted) u().code->names.push_back(name);
    return it->second;
  }
  uint32_t mangled_name_slot(const std::string& name) { return name_slot(mangle(u().private_name, name)); }

  uint32_t varname_slot(const std::string& name) {
    auto [it, inserted] =
        u().varname_slots.try_emplace(name, static_cast<uint32_t>(u().code->varnames.size()));
    if (inserted) u().code->varnames.push_back(name);
    return it->second;
  }

  void push_frame_block(FrameBlock block) {
    if (u().frame_blocks.size() >= max_static_blocks) error("too many statically nested blocks");
    u().frame_blocks.push_back(block);
  }
  void pop_frame_block() { u().frame_blocks.pop_back(); }

  // ---- names ----

  void compile_name(const std::string& raw_name, ast::ExprContext ctx) {
    if (ctx != ast::ExprContext::Load && raw_name == "__debug__") {
      error(ctx == ast::ExprContext::Store ? "cannot assign to __debug__" : "cannot delete __debug__");
    }
    std::string name = mangle(u().private_name, raw_name);
    const bool in_function = u().scope->type == ScopeType::Function;
    enum class Access { Fast, Deref, Global, Name } access = Access::Name;
    switch (u().scope->resolve(name)) {
      case Resolution::Free:
      case Resolution::Cell:
        access = Access::Deref;
        break;
      case Resolution::Local:
        if (in_function) access = Access::Fast;
        break;
      case Resolution::GlobalImplicit:
        if (in_function) access = Access::Global;
        break;
      case Resolution::GlobalExplicit:
        access = Access::Global;
        break;
      case Resolution::Unresolved:
        break;
    }
    const int which = ctx == ast::ExprContext::Load ? 0 : ctx == ast::ExprContext::Store ? 1 : 2;
    switch (access) {
      case Access::Fast: {
        static constexpr Opcode ops[] = {Opcode::LOAD_FAST, Opcode::STORE_FAST, Opcode::DELETE_FAST};
        emit(ops[which], varname_slot(name));
        return;
      }
      case Access::Deref: {
        Opcode load = u().kind == UnitKind::Class ? Opcode::LOAD_CLASSDEREF : Opcode::LOAD_DEREF;
        const Opcode ops[] = {load, Opcode::STORE_DEREF, Opcode::DELETE_DEREF};
        emit(ops[which], u().cell_slots.at(name));
        return;
      }
      case Access::Global: {
        static constexpr Opcode ops[] = {Opcode::LOAD_GLOBAL, Opcode::STORE_GLOBAL, Opcode::DELETE_GLOBAL};
        emit(ops[which], name_slot(name));
        return;
      }
      case Access::Name: {
        static constexpr Opcode ops[] = {Opcode::LOAD_NAME, Opcode::STORE_NAME, Opcode::DELETE_NAME};
        emit(ops[which], name_slot(name));
        return;
      }
    }
  }

  // ---- statements ----

  void visit_body(const std::vector<ast::StmtPtr>& body) {
    for (const auto& statement : body) visit_stmt(*statement);
  }

  void visit_stmt(const ast::Stmt& statement) {
    u().pos = statement.pos;
    check_stack(statement.pos);
    using K = ast::StmtKind;
    switch (statement.kind) {
      case K::FunctionDef:
        return compile_function(ast::as<ast::FunctionDef>(statement));
      case K::ClassDef:
        return compile_class(ast::as<ast::ClassDef>(statement));
      case K::Return:
        return compile_return(ast::as<ast::Return>(statement));
      case K::Delete:
        for (const auto& target : ast::as<ast::Delete>(statement).targets) visit_expr(*target);
        return;
      case K::Assign:
        return compile_assign(ast::as<ast::Assign>(statement));
      case K::AugAssign:
        return compile_aug_assign(ast::as<ast::AugAssign>(statement));
      case K::AnnAssign:
        return compile_ann_assign(ast::as<ast::AnnAssign>(statement));
      case K::For:
        return compile_for(ast::as<ast::For>(statement));
      case K::While:
        return compile_while(ast::as<ast::While>(statement));
      case K::If:
        return compile_if(ast::as<ast::If>(statement));
      case K::With:
        return compile_with(ast::as<ast::With>(statement), 0);
      case K::Raise: {
        const auto& node = ast::as<ast::Raise>(statement);
        uint32_t count = 0;
        if (node.exc) {
          visit_expr(*node.exc);
          ++count;
          if (node.cause) {
            visit_expr(*node.cause);
            ++count;
          }
        }
        emit(Opcode::RAISE_VARARGS, count);
        return;
      }
      case K::Try: {
        const auto& node = ast::as<ast::Try>(statement);
        if (!node.finalbody.empty()) return compile_try_finally(node);
        return compile_try_except(node.body, node.handlers, node.orelse);
      }
      case K::TryStar:
        error("'except*' is not supported");
      case K::Assert:
        return compile_assert(ast::as<ast::Assert>(statement));
      case K::Import:
        return compile_import(ast::as<ast::Import>(statement));
      case K::ImportFrom:
        return compile_import_from(ast::as<ast::ImportFrom>(statement));
      case K::Global:
      case K::Nonlocal:
      case K::Pass:
        return;
      case K::Expr:
        return compile_expression_statement(ast::as<ast::ExprStmt>(statement));
      case K::Break:
        return compile_break_continue(true);
      case K::Continue:
        return compile_break_continue(false);
    }
  }

  void check_debug_arguments(const ast::Arguments& args) {
    auto check = [this](const ast::Arg& arg) {
      if (arg.arg == "__debug__") error("cannot assign to __debug__");
    };
    for (const auto& arg : args.posonlyargs) check(arg);
    for (const auto& arg : args.args) check(arg);
    for (const auto& arg : args.kwonlyargs) check(arg);
    if (args.vararg) check(*args.vararg);
    if (args.kwarg) check(*args.kwarg);
  }

  // Pushes the defaults tuple and the keyword-only defaults dict; returns MAKE_FUNCTION flags.
  uint32_t compile_defaults(const ast::Arguments& args) {
    uint32_t flags = 0;
    if (!args.defaults.empty()) {
      compile_tuple_of(args.defaults);
      flags |= make_function_defaults;
    }
    uint32_t kw_defaults = 0;
    for (size_t i = 0; i < args.kwonlyargs.size(); ++i) {
      if (i >= args.kw_defaults.size() || !args.kw_defaults[i]) continue;
      load_const(Constant{mangle(u().private_name, args.kwonlyargs[i].arg)});
      visit_expr(*args.kw_defaults[i]);
      ++kw_defaults;
    }
    if (kw_defaults > 0) {
      emit(Opcode::BUILD_MAP, kw_defaults);
      flags |= make_function_kwdefaults;
    }
    return flags;
  }

  void set_argument_counts(const ast::Arguments& args) {
    CodeUnit& code = *u().code;
    code.posonly_argcount = static_cast<uint32_t>(args.posonlyargs.size());
    code.argcount = static_cast<uint32_t>(args.posonlyargs.size() + args.args.size());
    code.kwonly_argcount = static_cast<uint32_t>(args.kwonlyargs.size());
  }

  // Pushes the function object for `code`, closing over the free variables it needs.
  void make_closure(const std::shared_ptr<CodeUnit>& code, uint32_t flags) {
    if (!code->freevars.empty()) {
      for (const auto& name : code->freevars) {
        // A class's __class__ and its DEF_FREE_CLASS names live in its cells/freevars too.
        emit(Opcode::LOAD_CLOSURE, u().cell_slots.at(name));
      }
      emit(Opcode::BUILD_TUPLE, static_cast<uint32_t>(code->freevars.size()));
      flags |= make_function_closure;
    }
    load_const(Constant{code});
    emit(Opcode::MAKE_FUNCTION, flags);
  }

  void apply_decorators(const std::vector<ast::ExprPtr>& decorators) {
    for (auto it = decorators.rbegin(); it != decorators.rend(); ++it) {
      PositionScope position(u(), (*it)->pos);
      emit(Opcode::CALL, 1);
    }
  }

  void compile_function(const ast::FunctionDef& def) {
    check_debug_arguments(def.args);
    for (const auto& decorator : def.decorator_list) visit_expr(*decorator);
    int first_line = def.decorator_list.empty() ? def.pos.line : def.decorator_list.front()->pos.line;
    uint32_t flags = compile_defaults(def.args);
    enter_unit(UnitKind::Function, def.name, &def, first_line, def.pos);
    set_argument_counts(def.args);
    size_t start = 0;
    if (const std::string* docstring = docstring_of(def.body)) {
      u().code->docstring = *docstring;
      start = 1;
    }
    for (size_t i = start; i < def.body.size(); ++i) visit_stmt(*def.body[i]);
    emit_return_none();
    std::shared_ptr<CodeUnit> code = exit_unit();
    make_closure(code, flags);
    store_function_annotations(def);
    apply_decorators(def.decorator_list);
    compile_name(def.name, ast::ExprContext::Store);
  }

  // Sets the new function's __annotations__ from its parameter and return annotations, in
  // CPython's order (args, posonlyargs, *args, keyword-only, **kwargs, return), evaluated in the
  // enclosing scope. Done right after MAKE_FUNCTION: nothing can observe the difference.
  void store_function_annotations(const ast::FunctionDef& def) {
    if (future_annotations_) return;
    const ast::Arguments& args = def.args;
    uint32_t count = 0;
    auto annotate = [&](const std::string& name, const ast::ExprPtr& annotation) {
      if (!annotation) return;
      if (count == 0) emit(Opcode::COPY, 1);
      load_const(Constant{mangle(u().private_name, name)});
      visit_expr(*annotation);
      ++count;
    };
    for (const auto& arg : args.args) annotate(arg.arg, arg.annotation);
    for (const auto& arg : args.posonlyargs) annotate(arg.arg, arg.annotation);
    if (args.vararg) annotate(args.vararg->arg, args.vararg->annotation);
    for (const auto& arg : args.kwonlyargs) annotate(arg.arg, arg.annotation);
    if (args.kwarg) annotate(args.kwarg->arg, args.kwarg->annotation);
    if (def.returns) {
      if (count == 0) emit(Opcode::COPY, 1);
      load_const(Constant{std::string("return")});
      visit_expr(*def.returns);
      ++count;
    }
    if (count == 0) return;
    emit(Opcode::BUILD_MAP, count);
    emit(Opcode::SWAP, 2);
    emit(Opcode::STORE_ATTR, name_slot("__annotations__"));
  }

  // CPython's SETUP_ANNOTATIONS for a module or class body that annotates variables.
  void setup_annotations(const std::vector<ast::StmtPtr>& body) {
    if (future_annotations_ || !has_variable_annotations(body)) return;
    emit(Opcode::BUILD_MAP, 0);
    emit(Opcode::STORE_NAME, name_slot("__annotations__"));
  }

  void compile_lambda(const ast::Lambda& lambda) {
    check_debug_arguments(lambda.args);
    uint32_t flags = compile_defaults(lambda.args);
    enter_unit(UnitKind::Lambda, "<lambda>", &lambda, lambda.pos.line, lambda.pos);
    set_argument_counts(lambda.args);
    visit_expr(*lambda.body);
    if (u().scope->is_generator) {
      // A generator lambda's body value is the value of a yield statement: discarded.
      emit(Opcode::POP_TOP);
      emit_return_none();
    } else {
      emit(Opcode::RETURN_VALUE);
    }
    std::shared_ptr<CodeUnit> code = exit_unit();
    make_closure(code, flags);
  }

  void compile_class(const ast::ClassDef& def) {
    for (const auto& decorator : def.decorator_list) visit_expr(*decorator);
    int first_line = def.decorator_list.empty() ? def.pos.line : def.decorator_list.front()->pos.line;
    enter_unit(UnitKind::Class, def.name, &def, first_line, def.pos);
    u().private_name = def.name;
    compile_name("__name__", ast::ExprContext::Load);
    compile_name("__module__", ast::ExprContext::Store);
    load_const(Constant{u().code->qualname});
    compile_name("__qualname__", ast::ExprContext::Store);
    setup_annotations(def.body);
    size_t start = 0;
    if (const std::string* docstring = docstring_of(def.body)) {
      u().code->docstring = *docstring;
      u().pos = def.body.front()->pos;
      load_const(Constant{*docstring});
      compile_name("__doc__", ast::ExprContext::Store);
      start = 1;
    }
    for (size_t i = start; i < def.body.size(); ++i) visit_stmt(*def.body[i]);
    if (u().scope->needs_class_closure) {
      emit(Opcode::LOAD_CLOSURE, u().cell_slots.at("__class__"));
      emit(Opcode::COPY, 1);
      compile_name("__classcell__", ast::ExprContext::Store);
    } else {
      load_const(Constant{NoneConst{}});
    }
    emit(Opcode::RETURN_VALUE);
    std::shared_ptr<CodeUnit> code = exit_unit();
    emit(Opcode::LOAD_BUILD_CLASS);
    make_closure(code, 0);
    load_const(Constant{def.name});
    compile_call_arguments(2, def.bases, def.keywords);
    apply_decorators(def.decorator_list);
    compile_name(def.name, ast::ExprContext::Store);
  }

  void compile_return(const ast::Return& node) {
    if (u().scope->type != ScopeType::Function) error("'return' outside function");
    const SourcePosition statement_pos = u().pos;
    std::optional<Constant> constant = node.value ? fold_constant(*node.value) : std::nullopt;
    const bool preserve_tos = node.value && !constant;
    if (preserve_tos) visit_expr(*node.value);
    unwind_frame_block_stack(preserve_tos, nullptr);
    u().pos = statement_pos;
    if (!node.value) {
      load_const(Constant{NoneConst{}});
    } else if (constant) {
      load_const(std::move(*constant));
    }
    emit(Opcode::RETURN_VALUE);
  }

  void compile_break_continue(bool is_break) {
    const SourcePosition statement_pos = u().pos;
    std::optional<FrameBlock> loop;
    unwind_frame_block_stack(false, &loop);
    u().pos = statement_pos;
    if (!loop) error(is_break ? "'break' outside loop" : "'continue' not properly in loop");
    if (is_break) {
      unwind_frame_block(*loop, false);
      emit_jump(Opcode::JUMP, loop->break_label);
    } else {
      emit_jump(Opcode::JUMP, loop->continue_label);
    }
  }

  // Undoes every frame block up to the innermost loop (when `loop` is given) or all of them.
  void unwind_frame_block_stack(bool preserve_tos, std::optional<FrameBlock>* loop) {
    if (u().frame_blocks.empty()) return;
    FrameBlock top = u().frame_blocks.back();
    if (loop && (top.type == FrameBlockType::WhileLoop || top.type == FrameBlockType::ForLoop)) {
      *loop = top;
      return;
    }
    u().frame_blocks.pop_back();
    unwind_frame_block(top, preserve_tos);
    unwind_frame_block_stack(preserve_tos, loop);
    u().frame_blocks.push_back(top);
  }

  void unwind_frame_block(const FrameBlock& block, bool preserve_tos) {
    switch (block.type) {
      case FrameBlockType::WhileLoop:
      case FrameBlockType::ExceptionHandler:
        return;
      case FrameBlockType::ForLoop:
        if (preserve_tos) emit(Opcode::SWAP, 2);
        emit(Opcode::POP_TOP);  // the iterator
        return;
      case FrameBlockType::TryExcept:
        emit(Opcode::POP_BLOCK);
        return;
      case FrameBlockType::FinallyTry: {
        emit(Opcode::POP_BLOCK);
        if (preserve_tos) push_frame_block(FrameBlock{FrameBlockType::PopValue});
        const SourcePosition saved = u().pos;
        visit_body(*block.final_body);
        u().pos = saved;
        if (preserve_tos) pop_frame_block();
        return;
      }
      case FrameBlockType::FinallyEnd:
        // Leaving a finally body that runs for an exception drops that exception.
        if (preserve_tos) emit(Opcode::SWAP, 2);
        emit(Opcode::POP_TOP);
        if (preserve_tos) emit(Opcode::SWAP, 2);
        emit(Opcode::POP_EXCEPT);
        return;
      case FrameBlockType::With: {
        emit(Opcode::POP_BLOCK);
        if (preserve_tos) emit(Opcode::SWAP, 2);
        PositionScope position(u(), block.with_statement->pos);
        call_exit_with_nones();
        emit(Opcode::POP_TOP);
        return;
      }
      case FrameBlockType::HandlerCleanup:
        if (block.handler_name) emit(Opcode::POP_BLOCK);
        if (preserve_tos) emit(Opcode::SWAP, 2);
        emit(Opcode::POP_EXCEPT);
        if (block.handler_name) clear_handler_name(*block.handler_name);
        return;
      case FrameBlockType::PopValue:
        if (preserve_tos) emit(Opcode::SWAP, 2);
        emit(Opcode::POP_TOP);
        return;
    }
  }

  void call_exit_with_nones() {
    load_const(Constant{NoneConst{}});
    load_const(Constant{NoneConst{}});
    load_const(Constant{NoneConst{}});
    emit(Opcode::CALL, 3);
  }

  // `except E as name` unbinds name when the handler ends: `name = None; del name`.
  void clear_handler_name(const std::string& name) {
    load_const(Constant{NoneConst{}});
    compile_name(name, ast::ExprContext::Store);
    compile_name(name, ast::ExprContext::Del);
  }

  void compile_assign(const ast::Assign& node) {
    if (node.targets.size() == 1 && compile_swap_assign(node)) return;
    visit_expr(*node.value);
    for (size_t i = 0; i < node.targets.size(); ++i) {
      if (i + 1 < node.targets.size()) emit(Opcode::COPY, 1);
      visit_expr(*node.targets[i]);
    }
  }

  // `a, b = b, a` (two or three items) rotates the values on the stack instead of building
  // and unpacking a tuple.
  bool compile_swap_assign(const ast::Assign& node) {
    const ast::Expr& target = *node.targets.front();
    const ast::Expr& value = *node.value;
    const std::vector<ast::ExprPtr>* target_elements = nullptr;
    if (target.kind == ast::ExprKind::Tuple) target_elements = &ast::as<ast::Tuple>(target).elts;
    if (target.kind == ast::ExprKind::List) target_elements = &ast::as<ast::List>(target).elts;
    if (!target_elements || value.kind != ast::ExprKind::Tuple) return false;
    const auto& value_elements = ast::as<ast::Tuple>(value).elts;
    const size_t count = value_elements.size();
    if (count < 2 || count > 3 || target_elements->size() != count) return false;
    if (any_starred(value_elements) || any_starred(*target_elements) || fold_constant(value)) return false;
    {
      PositionScope position(u(), value.pos);
      for (const auto& element : value_elements) visit_expr(*element);
    }
    emit(Opcode::SWAP, static_cast<uint32_t>(count));
    PositionScope position(u(), target.pos);
    for (const auto& element : *target_elements) visit_expr(*element);
    return true;
  }

  static SourcePosition attribute_position(const ast::Attribute& node) {
    // For a multi-line `a\n.b`, errors point at the line with the attribute name.
    SourcePosition pos = node.pos;
    if (pos.line != pos.end_line) {
      pos.line = pos.end_line;
      int length = static_cast<int>(node.attr.size());
      pos.col = length <= pos.end_col ? pos.end_col - length : 0;
    }
    return pos;
  }

  // BINARY_OP's argument goes with the opcode that runs it (binary_opcode, opcodes.hpp).
  void emit_binary_op(uint32_t arg) { emit(binary_opcode(arg), arg); }

  static uint32_t binary_op_arg(ast::Operator op) {
    using O = ast::Operator;
    switch (op) {
      case O::Add: return static_cast<uint32_t>(BinaryOp::Add);
      case O::Sub: return static_cast<uint32_t>(BinaryOp::Sub);
      case O::Mult: return static_cast<uint32_t>(BinaryOp::Mul);
      case O::MatMult: return static_cast<uint32_t>(BinaryOp::MatMul);
      case O::Div: return static_cast<uint32_t>(BinaryOp::TrueDiv);
      case O::Mod: return static_cast<uint32_t>(BinaryOp::Mod);
      case O::Pow: return static_cast<uint32_t>(BinaryOp::Pow);
      case O::LShift: return static_cast<uint32_t>(BinaryOp::LShift);
      case O::RShift: return static_cast<uint32_t>(BinaryOp::RShift);
      case O::BitOr: return static_cast<uint32_t>(BinaryOp::Or);
      case O::BitXor: return static_cast<uint32_t>(BinaryOp::Xor);
      case O::BitAnd: return static_cast<uint32_t>(BinaryOp::And);
      case O::FloorDiv: return static_cast<uint32_t>(BinaryOp::FloorDiv);
    }
    throw std::logic_error("compiler: unknown binary operator");
  }

  void compile_aug_assign(const ast::AugAssign& node) {
    const ast::Expr& target = *node.target;
    {
      PositionScope position(u(), target.pos);
      switch (target.kind) {
        case ast::ExprKind::Attribute: {
          const auto& attribute = ast::as<ast::Attribute>(target);
          visit_expr(*attribute.value);
          emit(Opcode::COPY, 1);
          PositionScope attribute_pos(u(), attribute_position(attribute));
          emit(Opcode::LOAD_ATTR, mangled_name_slot(attribute.attr));
          break;
        }
        case ast::ExprKind::Subscript: {
          const auto& subscript = ast::as<ast::Subscript>(target);
          visit_expr(*subscript.value);
          visit_expr(*subscript.slice);
          emit(Opcode::AUG_SUBSCR_LOAD);
          break;
        }
        case ast::ExprKind::Name:
          compile_name(ast::as<ast::Name>(target).id, ast::ExprContext::Load);
          break;
        default:
          throw std::logic_error("compiler: augmented assignment to an unassignable target");
      }
    }
    visit_expr(*node.value);
    emit_binary_op(binary_op_arg(node.op) + inplace_offset);
    PositionScope position(u(), target.pos);
    switch (target.kind) {
      case ast::ExprKind::Attribute: {
        const auto& attribute = ast::as<ast::Attribute>(target);
        PositionScope attribute_pos(u(), attribute_position(attribute));
        emit(Opcode::SWAP, 2);
        emit(Opcode::STORE_ATTR, mangled_name_slot(attribute.attr));
        break;
      }
      case ast::ExprKind::Subscript:
        emit(Opcode::AUG_SUBSCR_STORE);
        break;
      default:
        compile_name(ast::as<ast::Name>(target).id, ast::ExprContext::Store);
        break;
    }
  }

  // Evaluates an expression for its side effects only (what an annotation target without a
  // value still evaluates).
  void evaluate_and_discard(const ast::Expr& expression) {
    visit_expr(expression);
    emit(Opcode::POP_TOP);
  }

  void compile_ann_assign(const ast::AnnAssign& node) {
    const ast::Expr& target = *node.target;
    if (target.kind == ast::ExprKind::Name && ast::as<ast::Name>(target).id == "__debug__") {
      error("cannot assign to __debug__");
    }
    if (node.value) {
      visit_expr(*node.value);
      visit_expr(target);
    } else if (target.kind == ast::ExprKind::Attribute) {
      evaluate_and_discard(*ast::as<ast::Attribute>(target).value);
    } else if (target.kind == ast::ExprKind::Subscript) {
      const auto& subscript = ast::as<ast::Subscript>(target);
      evaluate_and_discard(*subscript.value);
      evaluate_annotated_slice(*subscript.slice);
    }
    // Annotations are evaluated only in a module or class body, last; a plain name's is stored.
    if (future_annotations_ || (u().kind != UnitKind::Module && u().kind != UnitKind::Class)) return;
    if (node.simple && target.kind == ast::ExprKind::Name) {
      visit_expr(*node.annotation);
      emit(Opcode::LOAD_NAME, name_slot("__annotations__"));
      load_const(Constant{mangle(u().private_name, ast::as<ast::Name>(target).id)});
      emit(Opcode::STORE_SUBSCR);
    } else {
      evaluate_and_discard(*node.annotation);
    }
  }

  void evaluate_annotated_slice(const ast::Expr& slice) {
    if (slice.kind == ast::ExprKind::Slice) {
      const auto& node = ast::as<ast::Slice>(slice);
      for (const ast::ExprPtr* part : {&node.lower, &node.upper, &node.step}) {
        if (*part) evaluate_and_discard(**part);
      }
    } else if (slice.kind == ast::ExprKind::Tuple) {
      for (const auto& element : ast::as<ast::Tuple>(slice).elts) evaluate_annotated_slice(*element);
    } else {
      evaluate_and_discard(slice);
    }
  }

  // `for x in [a, b]` and `x in [a, b]` iterate a tuple: cheaper, and constant when the items are.
  void visit_iterable(const ast::Expr& expression) {
    if (expression.kind != ast::ExprKind::List) return visit_expr(expression);
    const auto& list = ast::as<ast::List>(expression);
    if (any_starred(list.elts)) return visit_expr(expression);
    PositionScope position(u(), expression.pos);
    compile_tuple_of(list.elts);
  }

  // A tuple of the given items: one constant when they all fold.
  void compile_tuple_of(const std::vector<ast::ExprPtr>& items) {
    TupleConst tuple;
    for (const auto& item : items) {
      auto folded = fold_constant(*item);
      if (!folded) return compile_collection(items, 0, Collection::Tuple);
      tuple.items.push_back(std::move(*folded));
    }
    load_const(Constant{std::move(tuple)});
  }

  void compile_for(const ast::For& node) {
    const int start = new_label();
    const int cleanup = new_label();
    const int end = new_label();
    push_frame_block(FrameBlock{FrameBlockType::ForLoop, start, end});
    visit_iterable(*node.iter);
    emit(Opcode::GET_ITER);
    bind(start);
    emit_jump(Opcode::FOR_ITER, cleanup);
    visit_expr(*node.target);
    visit_body(node.body);
    u().pos = node.pos;
    emit_jump(Opcode::JUMP, start);
    bind(cleanup);
    pop_frame_block();
    visit_body(node.orelse);
    bind(end);
  }

  void compile_while(const ast::While& node) {
    const int loop = new_label();
    const int anchor = new_label();
    const int end = new_label();
    bind(loop);
    push_frame_block(FrameBlock{FrameBlockType::WhileLoop, loop, end});
    compile_jump_if(*node.test, anchor, false);
    visit_body(node.body);
    u().pos = node.pos;
    emit_jump(Opcode::JUMP, loop);
    pop_frame_block();
    bind(anchor);
    visit_body(node.orelse);
    bind(end);
  }

  void compile_if(const ast::If& node) {
    const int end = new_label();
    const int next = node.orelse.empty() ? end : new_label();
    compile_jump_if(*node.test, next, false);
    visit_body(node.body);
    if (!node.orelse.empty()) {
      emit_jump(Opcode::JUMP, end);
      bind(next);
      visit_body(node.orelse);
    }
    bind(end);
  }

  void compile_with(const ast::With& node, size_t index) {
    const ast::WithItem& item = node.items[index];
    const int handler = new_label();
    const int exit = new_label();
    visit_expr(*item.context_expr);
    u().pos = node.pos;
    emit_jump(Opcode::SETUP_WITH, handler);
    push_frame_block(FrameBlock{FrameBlockType::With, -1, -1, nullptr, &node});
    if (item.optional_vars) {
      visit_expr(*item.optional_vars);
    } else {
      emit(Opcode::POP_TOP);
    }
    if (index + 1 == node.items.size()) {
      visit_body(node.body);
    } else {
      compile_with(node, index + 1);
    }
    u().pos = node.pos;
    emit(Opcode::POP_BLOCK);
    pop_frame_block();
    call_exit_with_nones();
    emit(Opcode::POP_TOP);
    emit_jump(Opcode::JUMP, exit);
    // Exceptional exit, stack [exit prev_exc exc]: __exit__ decides whether to suppress.
    bind(handler);
    const int suppress = new_label();
    emit(Opcode::WITH_EXCEPT_START);
    emit_jump(Opcode::POP_JUMP_IF_TRUE, suppress);
    emit(Opcode::RERAISE);
    bind(suppress);
    emit(Opcode::POP_TOP);
    emit(Opcode::POP_EXCEPT);
    emit(Opcode::POP_TOP);
    bind(exit);
  }

  void compile_try_finally(const ast::Try& node) {
    const int handler = new_label();
    const int exit = new_label();
    emit_jump(Opcode::SETUP_FINALLY, handler);
    push_frame_block(FrameBlock{FrameBlockType::FinallyTry, -1, -1, &node.finalbody});
    if (!node.handlers.empty()) {
      compile_try_except(node.body, node.handlers, node.orelse);
    } else {
      visit_body(node.body);
    }
    emit(Opcode::POP_BLOCK);
    pop_frame_block();
    visit_body(node.finalbody);
    emit_jump(Opcode::JUMP, exit);
    // Exceptional path, stack [prev_exc exc]: the finally body runs with exc being handled.
    bind(handler);
    push_frame_block(FrameBlock{FrameBlockType::FinallyEnd});
    visit_body(node.finalbody);
    pop_frame_block();
    emit(Opcode::RERAISE);
    bind(exit);
  }

  void compile_try_except(const std::vector<ast::StmtPtr>& body, const std::vector<ast::ExceptHandler>& handlers,
                          const std::vector<ast::StmtPtr>& orelse) {
    const SourcePosition statement_pos = u().pos;
    const int except = new_label();
    const int end = new_label();
    emit_jump(Opcode::SETUP_FINALLY, except);
    push_frame_block(FrameBlock{FrameBlockType::TryExcept});
    visit_body(body);
    pop_frame_block();
    emit(Opcode::POP_BLOCK);
    visit_body(orelse);
    emit_jump(Opcode::JUMP, end);
    // Stack [prev_exc exc] on entry to each clause.
    bind(except);
    u().pos = statement_pos;
    push_frame_block(FrameBlock{FrameBlockType::ExceptionHandler});
    for (size_t i = 0; i < handlers.size(); ++i) {
      const ast::ExceptHandler& handler = handlers[i];
      u().pos = handler.pos;
      if (!handler.type && i + 1 < handlers.size()) error("default 'except:' must be last");
      const int next = new_label();
      if (handler.type) {
        visit_expr(*handler.type);
        emit(Opcode::CHECK_EXC_MATCH);
        emit_jump(Opcode::POP_JUMP_IF_FALSE, next);
      }
      if (handler.name) {
        const int cleanup = new_label();
        compile_name(*handler.name, ast::ExprContext::Store);
        emit_jump(Opcode::SETUP_FINALLY, cleanup);
        push_frame_block(FrameBlock{FrameBlockType::HandlerCleanup, -1, -1, nullptr, nullptr, &*handler.name});
        visit_body(handler.body);
        pop_frame_block();
        u().pos = handler.pos;
        emit(Opcode::POP_BLOCK);
        emit(Opcode::POP_EXCEPT);
        clear_handler_name(*handler.name);
        emit_jump(Opcode::JUMP, end);
        // The handler body raised: unbind the name, then let the new exception propagate.
        bind(cleanup);
        clear_handler_name(*handler.name);
        emit(Opcode::RERAISE);
      } else {
        emit(Opcode::POP_TOP);
        push_frame_block(FrameBlock{FrameBlockType::HandlerCleanup});
        visit_body(handler.body);
        pop_frame_block();
        u().pos = handler.pos;
        emit(Opcode::POP_EXCEPT);
        emit_jump(Opcode::JUMP, end);
      }
      bind(next);
    }
    pop_frame_block();
    emit(Opcode::RERAISE);  // no clause matched
    bind(end);
  }

  void compile_assert(const ast::Assert& node) {
    const int end = new_label();
    compile_jump_if(*node.test, end, true);
    // CPython 3.11 reports a failed assert at its test expression (tracebacks underline it).
    PositionScope at_test(u(), node.test->pos);
    emit(Opcode::LOAD_ASSERTION_ERROR);
    if (node.msg) {
      visit_expr(*node.msg);
      emit(Opcode::CALL, 1);
    }
    emit(Opcode::RAISE_VARARGS, 1);
    bind(end);
  }

  void compile_import(const ast::Import& node) {
    for (const auto& alias : node.names) {
      load_const(Constant{int64_t{0}});
      load_const(Constant{NoneConst{}});
      emit(Opcode::IMPORT_NAME, mangled_name_slot(alias.name));
      size_t dot = alias.name.find('.');
      if (!alias.asname) {
        compile_name(dot == std::string::npos ? alias.name : alias.name.substr(0, dot), ast::ExprContext::Store);
        continue;
      }
      if (dot == std::string::npos) {
        compile_name(*alias.asname, ast::ExprContext::Store);
        continue;
      }
      // `import a.b.c as d` binds d to the submodule a.b.c, reached attribute by attribute.
      while (true) {
        size_t begin = dot + 1;
        dot = alias.name.find('.', begin);
        emit(Opcode::IMPORT_FROM, mangled_name_slot(alias.name.substr(begin, dot - begin)));
        if (dot == std::string::npos) break;
        emit(Opcode::SWAP, 2);
        emit(Opcode::POP_TOP);
      }
      compile_name(*alias.asname, ast::ExprContext::Store);
      emit(Opcode::POP_TOP);
    }
  }

  void compile_import_from(const ast::ImportFrom& node) {
    if (node.module && *node.module == "__future__" && node.pos.line > future_line_) {
      error("from __future__ imports must occur at the beginning of the file");
    }
    load_const(Constant{int64_t{node.level}});
    TupleConst from_list;
    for (const auto& alias : node.names) from_list.items.push_back(Constant{alias.name});
    load_const(Constant{std::move(from_list)});
    emit(Opcode::IMPORT_NAME, mangled_name_slot(node.module ? *node.module : std::string()));
    for (const auto& alias : node.names) {
      if (alias.name == "*") {
        emit(Opcode::IMPORT_STAR);
        return;
      }
      emit(Opcode::IMPORT_FROM, mangled_name_slot(alias.name));
      compile_name(alias.asname ? *alias.asname : alias.name, ast::ExprContext::Store);
    }
    emit(Opcode::POP_TOP);
  }

  void compile_expression_statement(const ast::ExprStmt& node) {
    if (interactive_ && units_.size() == 1) {
      visit_expr(*node.value);
      emit(Opcode::PRINT_EXPR);
      return;
    }
    if (node.value->kind == ast::ExprKind::Constant || fold_constant(*node.value)) return;
    visit_expr(*node.value);
    emit(Opcode::POP_TOP);
  }

  // ---- expressions ----

  void visit_expr(const ast::Expr& expression) {
    PositionScope position(u(), expression.pos);
    check_stack(expression.pos);
    using K = ast::ExprKind;
    switch (expression.kind) {
      case K::BoolOp:
        return compile_bool_op(ast::as<ast::BoolOp>(expression));
      case K::NamedExpr: {
        const auto& node = ast::as<ast::NamedExpr>(expression);
        visit_expr(*node.value);
        emit(Opcode::COPY, 1);
        visit_expr(*node.target);
        return;
      }
      case K::BinOp: {
        if (auto folded = fold_constant(expression)) return load_const(std::move(*folded));
        const auto& node = ast::as<ast::BinOp>(expression);
        visit_expr(*node.left);
        visit_expr(*node.right);
        emit_binary_op(binary_op_arg(node.op));
        return;
      }
      case K::UnaryOp:
        return compile_unary(ast::as<ast::UnaryOp>(expression));
      case K::Lambda:
        return compile_lambda(ast::as<ast::Lambda>(expression));
      case K::IfExp: {
        const auto& node = ast::as<ast::IfExp>(expression);
        const int next = new_label();
        const int end = new_label();
        compile_jump_if(*node.test, next, false);
        visit_expr(*node.body);
        emit_jump(Opcode::JUMP, end);
        bind(next);
        visit_expr(*node.orelse);
        bind(end);
        return;
      }
      case K::Dict:
        return compile_dict(ast::as<ast::Dict>(expression));
      case K::Set:
        return compile_collection(ast::as<ast::Set>(expression).elts, 0, Collection::Set);
      case K::ListComp: {
        const auto& node = ast::as<ast::ListComp>(expression);
        return compile_comprehension(node, "<listcomp>", ComprehensionType::List, node.generators, *node.elt, nullptr);
      }
      case K::SetComp: {
        const auto& node = ast::as<ast::SetComp>(expression);
        return compile_comprehension(node, "<setcomp>", ComprehensionType::Set, node.generators, *node.elt, nullptr);
      }
      case K::DictComp: {
        const auto& node = ast::as<ast::DictComp>(expression);
        return compile_comprehension(node, "<dictcomp>", ComprehensionType::Dict, node.generators, *node.key,
                                     node.value.get());
      }
      case K::GeneratorExp: {
        const auto& node = ast::as<ast::GeneratorExp>(expression);
        return compile_comprehension(node, "<genexpr>", ComprehensionType::Generator, node.generators, *node.elt,
                                     nullptr);
      }
      case K::Yield: {
        if (u().scope->type != ScopeType::Function) error("'yield' outside function");
        const auto& node = ast::as<ast::Yield>(expression);
        if (node.value) {
          visit_expr(*node.value);
        } else {
          load_const(Constant{NoneConst{}});
        }
        emit(Opcode::YIELD_VALUE);
        return;
      }
      case K::YieldFrom: {
        if (u().scope->type != ScopeType::Function) error("'yield' outside function");
        visit_expr(*ast::as<ast::YieldFrom>(expression).value);
        emit(Opcode::GET_YIELD_FROM_ITER);
        emit(Opcode::YIELD_FROM);
        return;
      }
      case K::Compare:
        return compile_compare(ast::as<ast::Compare>(expression), false);
      case K::Call:
        return compile_call(ast::as<ast::Call>(expression));
      case K::FormattedValue:
        return compile_formatted_value(ast::as<ast::FormattedValue>(expression));
      case K::JoinedStr: {
        const auto& values = ast::as<ast::JoinedStr>(expression).values;
        if (values.empty()) return load_const(Constant{std::string()});
        for (const auto& value : values) visit_expr(*value);
        if (values.size() != 1) emit(Opcode::BUILD_STRING, static_cast<uint32_t>(values.size()));
        return;
      }
      case K::Constant:
        return load_const(ast::as<ast::Constant>(expression).value);
      case K::Attribute:
        return compile_attribute(ast::as<ast::Attribute>(expression));
      case K::Subscript: {
        const auto& node = ast::as<ast::Subscript>(expression);
        visit_expr(*node.value);
        visit_expr(*node.slice);
        static constexpr Opcode ops[] = {Opcode::BINARY_SUBSCR, Opcode::STORE_SUBSCR, Opcode::DELETE_SUBSCR};
        emit(ops[static_cast<int>(node.ctx)]);
        return;
      }
      case K::Starred:
        if (ast::as<ast::Starred>(expression).ctx == ast::ExprContext::Store) {
          error("starred assignment target must be in a list or tuple");
        }
        error("can't use starred expression here");
      case K::Name: {
        const auto& node = ast::as<ast::Name>(expression);
        if (node.ctx == ast::ExprContext::Load && node.id == "__debug__") return load_const(Constant{true});
        return compile_name(node.id, node.ctx);
      }
      case K::List: {
        const auto& node = ast::as<ast::List>(expression);
        return compile_sequence(node.elts, node.ctx, Collection::List);
      }
      case K::Tuple: {
        const auto& node = ast::as<ast::Tuple>(expression);
        if (auto folded = fold_constant(expression)) return load_const(std::move(*folded));
        return compile_sequence(node.elts, node.ctx, Collection::Tuple);
      }
      case K::Slice: {
        const auto& node = ast::as<ast::Slice>(expression);
        uint32_t count = 2;
        for (const ast::ExprPtr* part : {&node.lower, &node.upper}) {
          if (*part) {
            visit_expr(**part);
          } else {
            load_const(Constant{NoneConst{}});
          }
        }
        if (node.step) {
          visit_expr(*node.step);
          count = 3;
        }
        emit(Opcode::BUILD_SLICE, count);
        return;
      }
    }
  }

  void compile_sequence(const std::vector<ast::ExprPtr>& elements, ast::ExprContext ctx, Collection kind) {
    switch (ctx) {
      case ast::ExprContext::Load:
        return compile_collection(elements, 0, kind);
      case ast::ExprContext::Store:
        return compile_unpack(elements);
      case ast::ExprContext::Del:
        for (const auto& element : elements) visit_expr(*element);
        return;
    }
  }

  void compile_unpack(const std::vector<ast::ExprPtr>& elements) {
    const size_t count = elements.size();
    bool seen_star = false;
    for (size_t i = 0; i < count; ++i) {
      if (!is_starred(*elements[i])) continue;
      if (seen_star) error("multiple starred expressions in assignment");
      if (i >= (1u << 8) || count - i - 1 >= (1u << 16)) {
        error("too many expressions in star-unpacking assignment");
      }
      emit(Opcode::UNPACK_EX, static_cast<uint32_t>(i | ((count - i - 1) << 8)));
      seen_star = true;
    }
    if (!seen_star) emit(Opcode::UNPACK_SEQUENCE, static_cast<uint32_t>(count));
    for (const auto& element : elements) {
      if (is_starred(*element)) {
        PositionScope position(u(), element->pos);
        visit_expr(*ast::as<ast::Starred>(*element).value);
      } else {
        visit_expr(*element);
      }
    }
  }

  // A list/set/tuple display, after `pushed` items already on the stack (CPython's
  // starunpack_helper).
  void compile_collection(const std::vector<ast::ExprPtr>& elements, size_t pushed, Collection kind) {
    const Opcode build = kind == Collection::Set ? Opcode::BUILD_SET : Opcode::BUILD_LIST;
    const Opcode add = kind == Collection::Set ? Opcode::SET_ADD : Opcode::LIST_APPEND;
    const Opcode extend = kind == Collection::Set ? Opcode::SET_UPDATE : Opcode::LIST_EXTEND;
    const bool tuple = kind == Collection::Tuple;
    const size_t count = elements.size();
    if (count > 2 || (tuple && pushed == 0)) {
      TupleConst constants;
      for (const auto& element : elements) {
        auto folded = fold_constant(*element);
        if (!folded) break;
        constants.items.push_back(std::move(*folded));
      }
      if (constants.items.size() == count) {
        if (tuple && pushed == 0) return load_const(Constant{std::move(constants)});
        emit(build, static_cast<uint32_t>(pushed));
        load_const(Constant{std::move(constants)});
        emit(extend, 1);
        if (tuple) emit(Opcode::LIST_TO_TUPLE);
        return;
      }
    }
    const bool big = count + pushed > stack_use_guideline;
    const bool seen_star = any_starred(elements);
    if (!seen_star && !big) {
      for (const auto& element : elements) visit_expr(*element);
      emit(tuple ? Opcode::BUILD_TUPLE : build, static_cast<uint32_t>(count + pushed));
      return;
    }
    bool built = false;
    if (big) {
      emit(build, static_cast<uint32_t>(pushed));
      built = true;
    }
    for (size_t i = 0; i < count; ++i) {
      const ast::Expr& element = *elements[i];
      if (is_starred(element)) {
        if (!built) {
          emit(build, static_cast<uint32_t>(i + pushed));
          built = true;
        }
        {
          PositionScope position(u(), element.pos);
          visit_expr(*ast::as<ast::Starred>(element).value);
        }
        emit(extend, 1);
      } else {
        visit_expr(element);
        if (built) emit(add, 1);
      }
    }
    if (tuple) emit(Opcode::LIST_TO_TUPLE);
  }

  // Pushes keys[begin, end) and their values, then BUILD_MAP.
  void compile_subdict(const ast::Dict& node, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      visit_expr(*node.keys[i]);
      visit_expr(*node.values[i]);
    }
    emit(Opcode::BUILD_MAP, static_cast<uint32_t>(end - begin));
  }

  void compile_dict(const ast::Dict& node) {
    const size_t count = node.values.size();
    size_t elements = 0;
    bool have_dict = false;
    for (size_t i = 0; i < count; ++i) {
      if (!node.keys[i]) {  // {**mapping}
        if (elements > 0) {
          compile_subdict(node, i - elements, i);
          if (have_dict) emit(Opcode::DICT_UPDATE, 1);
          have_dict = true;
          elements = 0;
        }
        if (!have_dict) {
          emit(Opcode::BUILD_MAP, 0);
          have_dict = true;
        }
        visit_expr(*node.values[i]);
        emit(Opcode::DICT_UPDATE, 1);
      } else if (elements * 2 > stack_use_guideline) {
        compile_subdict(node, i - elements, i + 1);
        if (have_dict) emit(Opcode::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      } else {
        ++elements;
      }
    }
    if (elements > 0) {
      compile_subdict(node, count - elements, count);
      if (have_dict) emit(Opcode::DICT_UPDATE, 1);
      have_dict = true;
    }
    if (!have_dict) emit(Opcode::BUILD_MAP, 0);
  }

  void compile_unary(const ast::UnaryOp& node) {
    if (auto folded = fold_constant(node)) return load_const(std::move(*folded));
    if (node.op == ast::UnaryOperator::Not && is_invertible_compare(*node.operand)) {
      return compile_compare(ast::as<ast::Compare>(*node.operand), true);
    }
    visit_expr(*node.operand);
    switch (node.op) {
      case ast::UnaryOperator::Invert:
        return emit(Opcode::UNARY_INVERT);
      case ast::UnaryOperator::Not:
        return emit(Opcode::UNARY_NOT);
      case ast::UnaryOperator::UAdd:
        return emit(Opcode::UNARY_POSITIVE);
      case ast::UnaryOperator::USub:
        return emit(Opcode::UNARY_NEGATIVE);
    }
  }

  // `not a is b` is `a is not b` (and likewise for `in`); the other comparisons may be
  // defined independently of their negations, so they are left alone.
  static bool is_invertible_compare(const ast::Expr& expression) {
    if (expression.kind != ast::ExprKind::Compare) return false;
    const auto& compare = ast::as<ast::Compare>(expression);
    if (compare.ops.size() != 1) return false;
    switch (compare.ops.front()) {
      case ast::CmpOperator::Is:
      case ast::CmpOperator::IsNot:
      case ast::CmpOperator::In:
      case ast::CmpOperator::NotIn:
        return true;
      default:
        return false;
    }
  }

  static ast::CmpOperator inverted(ast::CmpOperator op) {
    switch (op) {
      case ast::CmpOperator::Is: return ast::CmpOperator::IsNot;
      case ast::CmpOperator::IsNot: return ast::CmpOperator::Is;
      case ast::CmpOperator::In: return ast::CmpOperator::NotIn;
      case ast::CmpOperator::NotIn: return ast::CmpOperator::In;
      default: return op;
    }
  }

  void emit_compare(ast::CmpOperator op) {
    using C = ast::CmpOperator;
    switch (op) {
      case C::Eq: return emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Eq));
      case C::NotEq: return emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Ne));
      case C::Lt: return emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Lt));
      case C::LtE: return emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Le));
      case C::Gt: return emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Gt));
      case C::GtE: return emit(Opcode::COMPARE_OP, static_cast<uint32_t>(CompareOp::Ge));
      case C::Is: return emit(Opcode::IS_OP, 0);
      case C::IsNot: return emit(Opcode::IS_OP, 1);
      case C::In: return emit(Opcode::CONTAINS_OP, 0);
      case C::NotIn: return emit(Opcode::CONTAINS_OP, 1);
    }
  }

  void visit_comparator(ast::CmpOperator op, const ast::Expr& comparator) {
    if (op == ast::CmpOperator::In || op == ast::CmpOperator::NotIn) return visit_iterable(comparator);
    visit_expr(comparator);
  }

  // `negate` (single comparison only) compiles `not (a op b)` as `a (inverse op) b`.
  void compile_compare(const ast::Compare& node, bool negate) {
    visit_expr(*node.left);
    const size_t last = node.ops.size() - 1;
    if (last == 0) {
      ast::CmpOperator op = negate ? inverted(node.ops[0]) : node.ops[0];
      visit_comparator(op, *node.comparators[0]);
      emit_compare(op);
      return;
    }
    const int cleanup = new_label();
    for (size_t i = 0; i < last; ++i) {
      // A middle operand is also the next comparison's left side: it must stay the real object.
      visit_expr(*node.comparators[i]);
      emit(Opcode::SWAP, 2);
      emit(Opcode::COPY, 2);
      emit_compare(node.ops[i]);
      emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
    }
    visit_comparator(node.ops[last], *node.comparators[last]);
    emit_compare(node.ops[last]);
    const int end = new_label();
    emit_jump(Opcode::JUMP, end);
    bind(cleanup);
    emit(Opcode::SWAP, 2);
    emit(Opcode::POP_TOP);
    bind(end);
  }

  void compile_bool_op(const ast::BoolOp& node) {
    const Opcode jump =
        node.op == ast::BoolOperator::And ? Opcode::JUMP_IF_FALSE_OR_POP : Opcode::JUMP_IF_TRUE_OR_POP;
    const int end = new_label();
    for (size_t i = 0; i + 1 < node.values.size(); ++i) {
      visit_expr(*node.values[i]);
      emit_jump(jump, end);
    }
    visit_expr(*node.values.back());
    bind(end);
  }

  // Jumps to `label` when the truth of `expression` equals `jump_if_true`; falls through otherwise.
  // The jumps keep the position of the statement (or expression) being compiled.
  void compile_jump_if(const ast::Expr& expression, int label, bool jump_if_true) {
    switch (expression.kind) {
      case ast::ExprKind::UnaryOp: {
        const auto& node = ast::as<ast::UnaryOp>(expression);
        if (node.op == ast::UnaryOperator::Not && !fold_constant(expression)) {
          return compile_jump_if(*node.operand, label, !jump_if_true);
        }
        break;
      }
      case ast::ExprKind::BoolOp: {
        const auto& node = ast::as<ast::BoolOp>(expression);
        const bool is_or = node.op == ast::BoolOperator::Or;
        const int skip = is_or != jump_if_true ? new_label() : label;
        for (size_t i = 0; i + 1 < node.values.size(); ++i) compile_jump_if(*node.values[i], skip, is_or);
        compile_jump_if(*node.values.back(), label, jump_if_true);
        if (skip != label) bind(skip);
        return;
      }
      case ast::ExprKind::IfExp: {
        const auto& node = ast::as<ast::IfExp>(expression);
        const int end = new_label();
        const int orelse = new_label();
        compile_jump_if(*node.test, orelse, false);
        compile_jump_if(*node.body, label, jump_if_true);
        emit_jump(Opcode::JUMP, end);
        bind(orelse);
        compile_jump_if(*node.orelse, label, jump_if_true);
        bind(end);
        return;
      }
      case ast::ExprKind::Compare: {
        const auto& node = ast::as<ast::Compare>(expression);
        if (node.ops.size() > 1) return compile_chained_compare_jump(node, label, jump_if_true);
        const ast::CmpOperator op = node.ops[0];
        const ast::Expr& right = *node.comparators[0];
        if ((op == ast::CmpOperator::Is || op == ast::CmpOperator::IsNot) && right.kind == ast::ExprKind::Constant &&
            std::holds_alternative<NoneConst>(ast::as<ast::Constant>(right).value.value)) {
          visit_expr(*node.left);
          const bool jump_when_none = (op == ast::CmpOperator::Is) == jump_if_true;
          emit_jump(jump_when_none ? Opcode::POP_JUMP_IF_NONE : Opcode::POP_JUMP_IF_NOT_NONE, label);
          return;
        }
        break;
      }
      default:
        break;
    }
    if (auto folded = fold_constant(expression)) {
      if (constant_truth(*folded) == jump_if_true) emit_jump(Opcode::JUMP, label);
      return;
    }
    visit_expr(expression);
    emit_jump(jump_if_true ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, label);
  }

  void compile_chained_compare_jump(const ast::Compare& node, int label, bool jump_if_true) {
    const int cleanup = new_label();
    visit_expr(*node.left);
    const size_t last = node.ops.size() - 1;
    for (size_t i = 0; i < last; ++i) {
      // A middle operand is also the next comparison's left side: it must stay the real object.
      visit_expr(*node.comparators[i]);
      emit(Opcode::SWAP, 2);
      emit(Opcode::COPY, 2);
      emit_compare(node.ops[i]);
      emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
    }
    visit_comparator(node.ops[last], *node.comparators[last]);
    emit_compare(node.ops[last]);
    emit_jump(jump_if_true ? Opcode::POP_JUMP_IF_TRUE : Opcode::POP_JUMP_IF_FALSE, label);
    const int end = new_label();
    emit_jump(Opcode::JUMP, end);
    bind(cleanup);
    emit(Opcode::POP_TOP);
    if (!jump_if_true) emit_jump(Opcode::JUMP, label);
    bind(end);
  }

  void compile_formatted_value(const ast::FormattedValue& node) {
    visit_expr(*node.value);
    uint32_t flags = format_conversion_none;
    switch (node.conversion) {
      case 's': flags = format_conversion_str; break;
      case 'r': flags = format_conversion_repr; break;
      case 'a': flags = format_conversion_ascii; break;
      default: break;
    }
    if (node.format_spec) {
      visit_expr(*node.format_spec);
      flags |= format_has_spec;
    }
    emit(Opcode::FORMAT_VALUE, flags);
  }

  void compile_attribute(const ast::Attribute& node) {
    visit_expr(*node.value);
    PositionScope position(u(), attribute_position(node));
    switch (node.ctx) {
      case ast::ExprContext::Load:
        return emit(Opcode::LOAD_ATTR, mangled_name_slot(node.attr));
      case ast::ExprContext::Store:
        if (node.attr == "__debug__") error("cannot assign to __debug__");
        return emit(Opcode::STORE_ATTR, mangled_name_slot(node.attr));
      case ast::ExprContext::Del:
        return emit(Opcode::DELETE_ATTR, mangled_name_slot(node.attr));
    }
  }

  // ---- calls ----

  void validate_keywords(const std::vector<ast::Keyword>& keywords) {
    for (size_t i = 0; i < keywords.size(); ++i) {
      if (!keywords[i].arg) continue;
      if (*keywords[i].arg == "__debug__") error("cannot assign to __debug__");
      for (size_t j = i + 1; j < keywords.size(); ++j) {
        if (keywords[j].arg && *keywords[j].arg == *keywords[i].arg) {
          u().pos = keywords[j].pos;
          error("keyword argument repeated: " + *keywords[i].arg);
        }
      }
    }
  }

  void load_keyword_names(const std::vector<ast::Keyword>& keywords) {
    TupleConst names;
    for (const auto& keyword : keywords) names.items.push_back(Constant{*keyword.arg});
    load_const(Constant{std::move(names)});
  }

  static bool has_unpacking(const std::vector<ast::ExprPtr>& args, const std::vector<ast::Keyword>& keywords) {
    return any_starred(args) ||
           std::any_of(keywords.begin(), keywords.end(), [](const ast::Keyword& k) { return !k.arg; });
  }

  // A module imported at top level: its attribute calls use LOAD_ATTR (as CPython does).
  bool is_import_originated(const ast::Expr& expression) const {
    if (expression.kind != ast::ExprKind::Name) return false;
    return symbols_.top().flags_of(ast::as<ast::Name>(expression).id) & symbol_def_import;
  }

  void compile_call(const ast::Call& node) {
    if (node.func->kind == ast::ExprKind::Attribute && compile_method_call(node)) return;
    visit_expr(*node.func);
    compile_call_arguments(0, node.args, node.keywords);
  }

  bool compile_method_call(const ast::Call& node) {
    const auto& method = ast::as<ast::Attribute>(*node.func);
    if (method.ctx != ast::ExprContext::Load || is_import_originated(*method.value)) return false;
    const size_t count = node.args.size() + node.keywords.size();
    if (count + (node.keywords.empty() ? 0 : 1) >= stack_use_guideline) return false;
    if (has_unpacking(node.args, node.keywords)) return false;
    validate_keywords(node.keywords);
    visit_expr(*method.value);
    {
      PositionScope position(u(), attribute_position(method));
      emit(Opcode::LOAD_METHOD, mangled_name_slot(method.attr));
    }
    for (const auto& arg : node.args) visit_expr(*arg);
    for (const auto& keyword : node.keywords) visit_expr(*keyword.value);
    SourcePosition call_pos = u().pos;
    call_pos.line = std::max(call_pos.line, method.pos.end_line);
    PositionScope position(u(), call_pos);
    if (node.keywords.empty()) {
      emit(Opcode::CALL_METHOD, static_cast<uint32_t>(count));
    } else {
      load_keyword_names(node.keywords);
      emit(Opcode::CALL_METHOD_KW, static_cast<uint32_t>(count));
    }
    return true;
  }

  // Pushes the arguments and calls the callable below them (and below `pushed` positional
  // arguments already on the stack).
  void compile_call_arguments(size_t pushed, const std::vector<ast::ExprPtr>& args,
                              const std::vector<ast::Keyword>& keywords) {
    validate_keywords(keywords);
    const size_t count = args.size();
    const bool big = count + keywords.size() * 2 > stack_use_guideline;
    if (!big && !has_unpacking(args, keywords)) {
      for (const auto& arg : args) visit_expr(*arg);
      for (const auto& keyword : keywords) visit_expr(*keyword.value);
      const auto argc = static_cast<uint32_t>(pushed + count + keywords.size());
      if (keywords.empty()) {
        emit(Opcode::CALL, argc);
      } else {
        load_keyword_names(keywords);
        emit(Opcode::CALL_KW, argc);
      }
      return;
    }
    // f(*x): x goes to CALL_EX as it is, which names f when x is not iterable (as CPython).
    if (pushed == 0 && count == 1 && is_starred(*args[0])) {
      PositionScope position(u(), args[0]->pos);
      visit_expr(*ast::as<ast::Starred>(*args[0]).value);
    } else {
      compile_collection(args, pushed, Collection::Tuple);
    }
    if (!keywords.empty()) compile_keyword_dict(keywords);
    emit(Opcode::CALL_EX, keywords.empty() ? 0 : 1);
  }

  // The kwargs dict of a CALL_EX: runs of `name=value` become dicts merged with each `**m`.
  void compile_keyword_dict(const std::vector<ast::Keyword>& keywords) {
    bool have_dict = false;
    size_t run = 0;
    auto flush_run = [&](size_t end) {
      for (size_t i = end - run; i < end; ++i) {
        PositionScope position(u(), keywords[i].pos);
        load_const(Constant{*keywords[i].arg});
        visit_expr(*keywords[i].value);
      }
      emit(Opcode::BUILD_MAP, static_cast<uint32_t>(run));
      if (have_dict) emit(Opcode::DICT_MERGE, 1);
      have_dict = true;
      run = 0;
    };
    for (size_t i = 0; i < keywords.size(); ++i) {
      if (keywords[i].arg) {
        ++run;
        continue;
      }
      if (run > 0) flush_run(i);
      if (!have_dict) {
        emit(Opcode::BUILD_MAP, 0);
        have_dict = true;
      }
      visit_expr(*keywords[i].value);
      emit(Opcode::DICT_MERGE, 1);
    }
    if (run > 0) flush_run(keywords.size());
  }

  // ---- comprehensions ----

  void compile_comprehension(const ast::Expr& node, const char* name, ComprehensionType type,
                             const std::vector<ast::Comprehension>& generators, const ast::Expr& element,
                             const ast::Expr* value) {
    enter_unit(UnitKind::Comprehension, name, &node, node.pos.line, node.pos);
    u().code->argcount = 1;
    switch (type) {
      case ComprehensionType::List: emit(Opcode::BUILD_LIST, 0); break;
      case ComprehensionType::Set: emit(Opcode::BUILD_SET, 0); break;
      case ComprehensionType::Dict: emit(Opcode::BUILD_MAP, 0); break;
      default: break;
    }
    compile_comprehension_generator(generators, 0, 0, element, value, type);
    if (type == ComprehensionType::Generator) {
      emit_return_none();
    } else {
      emit(Opcode::RETURN_VALUE);
    }
    std::shared_ptr<CodeUnit> code = exit_unit();
    make_closure(code, 0);
    visit_iterable(*generators.front().iter);
    emit(Opcode::GET_ITER);
    emit(Opcode::CALL, 1);
  }

  void compile_comprehension_generator(const std::vector<ast::Comprehension>& generators, size_t index,
                                       uint32_t depth, const ast::Expr& element, const ast::Expr* value,
                                       ComprehensionType type) {
    const ast::Comprehension& generator = generators[index];
    int start = new_label();
    const int if_cleanup = new_label();
    const int anchor = new_label();
    if (index == 0) {
      emit(Opcode::LOAD_FAST, 0);  // the ".0" parameter: the outermost iterator
    } else {
      // `for y in [expr]` binds y once, without a loop.
      const std::vector<ast::ExprPtr>* items = nullptr;
      if (generator.iter->kind == ast::ExprKind::List) items = &ast::as<ast::List>(*generator.iter).elts;
      if (generator.iter->kind == ast::ExprKind::Tuple) items = &ast::as<ast::Tuple>(*generator.iter).elts;
      if (items && items->size() == 1 && !is_starred(*items->front())) {
        visit_expr(*items->front());
        start = -1;
      } else {
        visit_iterable(*generator.iter);
        emit(Opcode::GET_ITER);
      }
    }
    if (start >= 0) {
      ++depth;
      bind(start);
      emit_jump(Opcode::FOR_ITER, anchor);
    }
    visit_expr(*generator.target);
    for (const auto& condition : generator.ifs) compile_jump_if(*condition, if_cleanup, false);
    if (index + 1 < generators.size()) {
      compile_comprehension_generator(generators, index + 1, depth, element, value, type);
    } else {
      switch (type) {
        case ComprehensionType::Generator:
          visit_expr(element);
          emit(Opcode::YIELD_VALUE);
          emit(Opcode::POP_TOP);
          break;
        case ComprehensionType::List:
          visit_expr(element);
          emit(Opcode::LIST_APPEND, depth + 1);
          break;
        case ComprehensionType::Set:
          visit_expr(element);
          emit(Opcode::SET_ADD, depth + 1);
          break;
        case ComprehensionType::Dict:
          visit_expr(element);
          visit_expr(*value);
          emit(Opcode::MAP_ADD, depth + 1);
          break;
        case ComprehensionType::None:
          break;
      }
    }
    bind(if_cleanup);
    if (start >= 0) {
      emit_jump(Opcode::JUMP, start);
      bind(anchor);
    }
  }

  const SymbolTable& symbols_;
  std::string filename_;
  std::vector<std::unique_ptr<Unit>> units_;
  bool interactive_ = false;
  int future_line_ = -1;
  bool future_annotations_ = false;
};

std::string source_line(std::string_view source, int line) {
  size_t begin = 0;
  for (int current = 1; current < line; ++current) {
    size_t newline = source.find('\n', begin);
    if (newline == std::string_view::npos) return std::string();
    begin = newline + 1;
  }
  size_t end = source.find('\n', begin);
  std::string_view text = source.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return std::string(text);
}

SyntaxErrorInfo to_syntax_error(const CompileError& error, std::string_view source, const std::string& filename) {
  SyntaxErrorInfo info;
  info.type = error.too_deep ? "RecursionError" : "SyntaxError";
  info.message = error.message;
  info.filename = filename;
  info.line = error.pos.line;
  info.col = error.pos.col + 1;
  info.end_line = error.has_end ? error.pos.end_line : error.pos.line;
  info.end_col = error.has_end ? error.pos.end_col + 1 : 0;
  info.text = source_line(source, error.pos.line);
  return info;
}

}  // namespace

std::variant<std::shared_ptr<CodeUnit>, SyntaxErrorInfo>
compile_ast(const AstRoot& root, std::string_view source, const std::string& filename) {
  try {
    return std::visit(
        [&filename](const auto& tree) -> std::shared_ptr<CodeUnit> {
          using T = std::decay_t<decltype(tree)>;
          SymbolTable symbols = SymbolTable::build(tree);
          Compiler compiler(symbols, filename);
          if constexpr (std::is_same_v<T, ast::Module>) {
            return compiler.compile_module(tree);
          } else if constexpr (std::is_same_v<T, ast::Interactive>) {
            return compiler.compile_interactive(tree);
          } else {
            return compiler.compile_expression(tree);
          }
        },
        root);
  } catch (const CompileError& error) {
    return to_syntax_error(error, source, filename);
  }
}

std::variant<std::shared_ptr<CodeUnit>, SyntaxErrorInfo>
compile_source(std::string_view source, const std::string& filename, ParseMode mode) {
  auto parsed = parse_source(source, filename, mode);
  if (auto* error = std::get_if<SyntaxErrorInfo>(&parsed)) return std::move(*error);
  return compile_ast(std::get<AstRoot>(parsed), source, filename);
}

}  // namespace chaipy
