// Bytecode instruction set: the one table of opcodes shared by the compiler, the VM and --dis.
#pragma once
#include <cstdint>

namespace chaipy {

// Each instruction is one 32-bit word: opcode in the low 8 bits, argument in the high 24 bits.
// Jump targets are absolute instruction indexes. Stack effects are written
// [before] -> [after], top of stack rightmost.
#define CHAIPY_OPCODES(X)                                                                      \
  X(NOP)                 /* [] -> [] */                                                        \
  X(POP_TOP)             /* [a] -> [] */                                                       \
  X(COPY)                /* arg n>=1: [.. x (n-1 items)] -> [.. x .. x]; COPY 1 duplicates TOS */ \
  X(SWAP)                /* arg n>=2: exchange TOS with the n-th item (TOS is 1st) */          \
  X(LOAD_CONST)          /* arg: consts index. [] -> [c] */                                    \
  X(LOAD_FAST)           /* arg: local slot. UnboundLocalError when unset */                   \
  X(LOAD_FAST_LOAD_FAST) /* arg a | b << 12: LOAD_FAST a, LOAD_FAST b (see fused_pairs) */   \
  X(LOAD_FAST_LOAD_CONST) /* arg a | c << 12: LOAD_FAST a, LOAD_CONST c */                     \
  X(STORE_FAST_LOAD_FAST) /* arg a | b << 12: STORE_FAST a, LOAD_FAST b */                     \
  X(STORE_FAST_STORE_FAST) /* arg a | b << 12: STORE_FAST a, STORE_FAST b (unpacking) */      \
  X(STORE_FAST)                                                                                \
  X(DELETE_FAST)                                                                               \
  X(LOAD_DEREF)          /* arg: cell index (cellvars then freevars). NameError/UnboundLocal */ \
  X(STORE_DEREF)                                                                               \
  X(DELETE_DEREF)                                                                              \
  X(LOAD_CLOSURE)        /* arg: cell index; pushes the cell object itself */                  \
  X(LOAD_CLASSDEREF)     /* arg: cell index; class body: the class namespace first, then cell */ \
  X(LOAD_NAME)           /* arg: names index; locals mapping, globals, builtins */             \
  X(STORE_NAME)                                                                                \
  X(DELETE_NAME)                                                                               \
  X(LOAD_GLOBAL)         /* arg: names index; globals, builtins */                             \
  X(STORE_GLOBAL)                                                                              \
  X(DELETE_GLOBAL)                                                                             \
  X(LOAD_ATTR)           /* arg: names index. [obj] -> [obj.name] */                           \
  X(STORE_ATTR)          /* [value obj] -> []  (obj.name = value) */                           \
  X(DELETE_ATTR)         /* [obj] -> [] */                                                     \
  X(LOAD_METHOD)         /* arg: names index. [obj] -> [method obj] or [NULL bound] */         \
  X(BINARY_SUBSCR)       /* [container key] -> [container[key]] */                             \
  X(STORE_SUBSCR)        /* [value container key] -> [] */                                     \
  X(AUG_SUBSCR_LOAD)     /* [container key] -> [container key container[key]]; `c[k] op= v` */ \
  X(AUG_SUBSCR_STORE)    /* [container key value] -> []; container[key] = value */            \
  X(DELETE_SUBSCR)       /* [container key] -> [] */                                           \
  X(BUILD_SLICE)         /* arg 2 or 3: [start stop (step)] -> [slice] */                      \
  X(UNARY_NEGATIVE)                                                                            \
  X(UNARY_POSITIVE)                                                                            \
  X(UNARY_NOT)                                                                                 \
  X(UNARY_INVERT)                                                                              \
  X(BINARY_OP)           /* arg: BinaryOp. [a b] -> [a op b] */                                \
  /* BINARY_OP for one operator (arg as BINARY_OP's, plain or in-place): the number fast paths */ \
  /* need no switch on the operator, and each has its own dispatch jump to predict. */          \
  X(BINARY_OP_ADD)                                                                             \
  X(BINARY_OP_SUBTRACT)                                                                        \
  X(BINARY_OP_MULTIPLY)                                                                        \
  X(BINARY_OP_TRUE_DIVIDE)                                                                     \
  X(BINARY_OP_FLOOR_DIVIDE)                                                                    \
  X(BINARY_OP_MODULO)                                                                          \
  X(COMPARE_OP)          /* arg: CompareOp. [a b] -> [a op b] */                               \
  X(IS_OP)               /* arg 0: is, 1: is not. [a b] -> [bool] */                           \
  X(CONTAINS_OP)         /* arg 0: in, 1: not in. [a b] -> [a in b] */                         \
  X(JUMP)                /* arg: target, forward */                                            \
  X(JUMP_BACKWARD)       /* arg: target, backward: where loops check the eval breaker */       \
  X(POP_JUMP_IF_FALSE)   /* [cond] -> [] */                                                    \
  X(POP_JUMP_IF_TRUE)                                                                          \
  X(POP_JUMP_IF_NONE)    /* [x] -> [], jumps when x is None */                                 \
  X(POP_JUMP_IF_NOT_NONE)                                                                      \
  X(JUMP_IF_FALSE_OR_POP) /* [x] -> [x] and jump if falsy, else [] */                          \
  X(JUMP_IF_TRUE_OR_POP)                                                                       \
  X(GET_ITER)            /* [iterable] -> [iterator] */                                        \
  X(FOR_ITER)            /* arg: target. [it] -> [it next] or, when exhausted, [] and jump */   \
  X(BUILD_TUPLE)         /* arg n: [x1..xn] -> [tuple] */                                      \
  X(BUILD_LIST)                                                                                \
  X(BUILD_SET)                                                                                 \
  X(BUILD_MAP)           /* arg n: [k1 v1 .. kn vn] -> [dict] */                               \
  X(BUILD_STRING)        /* arg n: [s1..sn] -> [s1+..+sn] (all str) */                         \
  X(LIST_APPEND)         /* arg i: [list (i-1 items) x] -> [list (i-1 items)]; list is i-th below x */ \
  X(SET_ADD)             /* arg i: as LIST_APPEND */                                           \
  X(MAP_ADD)             /* arg i: [dict (i-1 items) k v] -> [dict (i-1 items)] */             \
  X(LIST_EXTEND)         /* arg i: [list (i-1 items) iterable] -> [list ...] */                \
  X(SET_UPDATE)          /* arg i: as LIST_EXTEND */                                           \
  X(DICT_UPDATE)         /* arg i: [dict ... mapping] -> [dict ...]; display {**m} */          \
  X(DICT_MERGE)          /* arg i: as DICT_UPDATE but duplicate keys raise TypeError (calls f(**m)) */ \
  X(LIST_TO_TUPLE)       /* [list] -> [tuple] */                                               \
  X(FORMAT_VALUE)        /* arg: FormatFlags. [value (spec)] -> [str] */                       \
  X(UNPACK_SEQUENCE)     /* arg n: [seq] -> [xn .. x1] (x1 on top) */                          \
  X(UNPACK_EX)           /* arg before | after << 8: [seq] -> [after items.. list before items..], first on top */ \
  X(CALL)                /* arg argc: [callable a1..an] -> [result] */                         \
  X(CALL_KW)             /* arg argc (positional+keyword): [callable a1..an kwnames_tuple] -> [result]; the last len(kwnames) args are keywords */ \
  X(CALL_EX)             /* arg 1 if kwargs dict present: [callable args_tuple (kwargs_dict)] -> [result] */ \
  X(CALL_METHOD)         /* arg argc: [m self a1..an] -> [result]; when m is NULL: self is the callable */ \
  X(CALL_METHOD_KW)      /* arg argc: [m self a1..an kwnames] -> [result] */                   \
  X(MAKE_FUNCTION)       /* arg MakeFunctionFlags: [(defaults) (kwdefaults) (closure) code] -> [function] */ \
  X(RETURN_VALUE)        /* [x] -> return x */                                                 \
  X(LOAD_BUILD_CLASS)    /* [] -> [builtins.__build_class__] */                                \
  X(IMPORT_NAME)         /* arg: names index (dotted name). [level fromlist] -> [module] */    \
  X(IMPORT_FROM)         /* arg: names index. [module] -> [module module.name] (ImportError) */ \
  X(IMPORT_STAR)         /* [module] -> []; binds into the current locals/globals */           \
  X(SETUP_FINALLY)       /* arg: handler target. Pushes a try block at the current stack depth */ \
  X(SETUP_WITH)          /* arg: handler target. [mgr] -> [exit_bound enter_result], try block below enter_result */ \
  X(POP_BLOCK)           /* pops the innermost try block */                                    \
  X(POP_EXCEPT)          /* [prev_exc] -> []; pops the handler block, restores prev_exc as the handled exception */ \
  X(RERAISE)             /* [exc] -> raises exc again (no new traceback entry for this frame) */ \
  X(WITH_EXCEPT_START)   /* [exit_bound prev_exc exc] -> [exit_bound prev_exc exc result]; result = exit(type(exc), exc, tb) */ \
  X(CHECK_EXC_MATCH)     /* [exc type_or_tuple] -> [exc bool] */                               \
  X(RAISE_VARARGS)       /* arg 0: re-raise handled; 1: [exc]; 2: [exc cause] */               \
  X(LOAD_ASSERTION_ERROR)                                                                      \
  X(YIELD_VALUE)         /* [x] -> [sent] */                                                   \
  X(GET_YIELD_FROM_ITER) /* [iterable] -> [iterator] (generators pass through) */              \
  X(YIELD_FROM)          /* [iterator] -> [return value]; delegates send/throw/close */        \
  X(PRINT_EXPR)          /* [x] -> []; interactive mode: sys.displayhook(x) */

enum class Opcode : uint8_t {
#define CHAIPY_OPCODE_ENUM(name) name,
  CHAIPY_OPCODES(CHAIPY_OPCODE_ENUM)
#undef CHAIPY_OPCODE_ENUM
};

inline constexpr const char* opcode_names[] = {
#define CHAIPY_OPCODE_NAME(name) #name,
    CHAIPY_OPCODES(CHAIPY_OPCODE_NAME)
#undef CHAIPY_OPCODE_NAME
};

// BINARY_OP's argument; the in-place forms (a += b) are the plain ones plus `inplace_offset`.
enum class BinaryOp : uint32_t {
  Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
};
inline constexpr uint32_t binary_op_count = 13;
inline constexpr uint32_t inplace_offset = binary_op_count;

// BINARY_OP and its one-operator forms, which follow it in the opcode list.
inline constexpr bool is_binary_opcode(Opcode op) { return op >= Opcode::BINARY_OP && op <= Opcode::BINARY_OP_MODULO; }

// The opcode that runs a BINARY_OP argument: one of the operator's own where it has one.
inline constexpr Opcode binary_opcode(uint32_t arg) {
  switch (BinaryOp(arg >= inplace_offset ? arg - inplace_offset : arg)) {
    case BinaryOp::Add: return Opcode::BINARY_OP_ADD;
    case BinaryOp::Sub: return Opcode::BINARY_OP_SUBTRACT;
    case BinaryOp::Mul: return Opcode::BINARY_OP_MULTIPLY;
    case BinaryOp::TrueDiv: return Opcode::BINARY_OP_TRUE_DIVIDE;
    case BinaryOp::FloorDiv: return Opcode::BINARY_OP_FLOOR_DIVIDE;
    case BinaryOp::Mod: return Opcode::BINARY_OP_MODULO;
    default: return Opcode::BINARY_OP;
  }
}

// COMPARE_OP's argument.
enum class CompareOp : uint32_t { Lt, Le, Eq, Ne, Gt, Ge };

// Applies a CompareOp to two machine numbers (the VM's fast paths, sequence-length ties).
template <class Number>
inline constexpr bool compare_numbers(Number a, Number b, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return a < b;
    case CompareOp::Le: return a <= b;
    case CompareOp::Eq: return a == b;
    case CompareOp::Ne: return a != b;
    case CompareOp::Gt: return a > b;
    default: return a >= b;
  }
}

// FORMAT_VALUE's argument: the conversion in the low two bits, bit 2 set when a spec is on the stack.
enum FormatFlags : uint32_t {
  format_conversion_none = 0, format_conversion_str = 1, format_conversion_repr = 2,
  format_conversion_ascii = 3, format_conversion_mask = 3, format_has_spec = 4,
};

// MAKE_FUNCTION's argument: which optional items are on the stack below the code object,
// pushed in this order: defaults tuple, kw-only defaults dict, closure tuple of cells.
enum MakeFunctionFlags : uint32_t {
  make_function_defaults = 1, make_function_kwdefaults = 2, make_function_closure = 8,
};

inline constexpr uint32_t encode_instruction(Opcode op, uint32_t arg) {
  return static_cast<uint32_t>(op) | (arg << 8);
}
inline constexpr Opcode instruction_opcode(uint32_t word) { return static_cast<Opcode>(word & 0xFF); }
inline constexpr uint32_t instruction_arg(uint32_t word) { return word >> 8; }
inline constexpr uint32_t max_instruction_arg = (1u << 24) - 1;

// Superinstructions: the assembler rewrites the first of two instructions in a row as one
// that does the work of both and skips the second, which stays in place as it was, so jumps
// to it, its position (an error's caret) and stack depths are unchanged. Both arguments
// (below fused_arg_limit) go in the fused one's: first | second << 12.
struct FusedPair {
  Opcode first, second, fused;
};
inline constexpr FusedPair fused_pairs[] = {
    {Opcode::LOAD_FAST, Opcode::LOAD_FAST, Opcode::LOAD_FAST_LOAD_FAST},
    {Opcode::LOAD_FAST, Opcode::LOAD_CONST, Opcode::LOAD_FAST_LOAD_CONST},
    {Opcode::STORE_FAST, Opcode::LOAD_FAST, Opcode::STORE_FAST_LOAD_FAST},
    {Opcode::STORE_FAST, Opcode::STORE_FAST, Opcode::STORE_FAST_STORE_FAST},
};
inline constexpr uint32_t fused_arg_limit = 1u << 12;
inline constexpr uint32_t fused_first_arg(uint32_t arg) { return arg & (fused_arg_limit - 1); }
inline constexpr uint32_t fused_second_arg(uint32_t arg) { return arg >> 12; }
// What the first word of a fused pair was (the word itself when it is not fused).
inline constexpr uint32_t unfused_first_word(uint32_t word) {
  for (const FusedPair& pair : fused_pairs) {
    if (instruction_opcode(word) == pair.fused)
      return encode_instruction(pair.first, fused_first_arg(instruction_arg(word)));
  }
  return word;
}

}  // namespace chaipy
