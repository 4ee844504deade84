// The evaluation loop's interface: frames, calling script functions, running code objects.
#pragma once
#include <cstdint>

#include "runtime/function.hpp"

namespace chaipy {

// A try block on a frame's block stack (SETUP_FINALLY / SETUP_WITH) or the handler block the
// VM pushes when it jumps to an except/finally handler.
struct Block {
  enum Kind : uint8_t { Try, Handler };
  Kind kind;
  uint32_t handler;  // Try: where to jump
  uint32_t level;    // value-stack depth to unwind to
};

struct Frame {
  CodeObject* code;
  FunctionObject* function;  // null for module and class bodies run by exec
  Value globals;             // borrowed (the function or the caller keeps them alive)
  Value builtins;            // borrowed
  Value locals;              // owned dict for module/class bodies; null for functions
  Value* slots;              // locals, then cells, then the value stack
  Value* stack;              // = slots + nlocals + ncells
  uint32_t stack_depth = 0;
  Block* blocks;
  uint32_t block_depth = 0;
  uint32_t pc = 0;           // index of the next instruction
  const uint32_t* last_instruction = nullptr;  // the instruction being executed (tracebacks, lines)
  Frame* back = nullptr;
  struct GeneratorObject* generator = nullptr;
  // Owned: the instance a call of a class made, while its __init__ runs in place (vm.cpp).
  Value constructed;

  const uint32_t* instructions_begin() const { return code->instructions; }
  // The index of the instruction being executed.
  uint32_t last_pc() const { return uint32_t(last_instruction - instructions_begin()); }
};

// function_type's call slot: binds arguments and runs the function (or makes a generator).
Ref function_call(Value function, const Value* args, size_t nargs, Value kwnames);
// Runs a module-level or class-body code object with the given namespaces (exec/eval too).
Ref run_code(Value code, Value globals, Value locals);
// The source line of an instruction of a code object.
int source_line_of(Value code, uint32_t instruction);
// For zero-argument super(): the class (__class__ cell) and the first argument of the caller.
bool current_frame_super_arguments(TypeObject*& klass, Value& object);
// The frame running now on this thread (null at top level).
Frame* current_frame();
// Sets up a frame over caller-provided storage (slots: frame_size values, zeroed; blocks: max_blocks + 1).
void frame_init(Frame& frame, FunctionObject* function, CodeObject* code, Value globals, Value builtins,
                Value* slots, Block* blocks);
// Binds a call's arguments into a function frame's slots and creates its cells.
bool bind_frame_arguments(FunctionObject* function, CodeObject* code, Value* slots, const Value* args, size_t nargs,
                          Value kwnames);
// The arena bytes a frame of `code` takes when the VM runs it in place of a call: the Frame, its
// slots, its blocks.
size_t in_place_frame_bytes(const CodeObject& code);
// Runs an already set-up frame to completion (or to its first yield, inside a generator).
Ref eval_frame(Frame& frame);

}  // namespace chaipy
