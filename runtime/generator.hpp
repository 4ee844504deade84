// Generators on stackful fibers: creation, resumption (next/send/throw/close) and delegation (yield from).
#pragma once
#include "interpreter/vm.hpp"

namespace chaipy {

extern TypeObject generator_type;
bool is_generator(Value v);

// Calling a generator function: binds the arguments now, runs the body on first next().
Ref generator_new(FunctionObject* function, const Value* args, size_t nargs, Value kwnames);
// gen.send(value) (next(gen) is send(None)): the next yielded value, or StopIteration carrying
// the return value when the body returns.
Ref generator_send_value(Value generator, Value value);
// YIELD_VALUE: suspends the generator running `frame`; returns the value sent in, or null with
// the exception thrown in pending.
Ref generator_yield(Frame& frame, Ref value);
// YIELD_FROM: delegates to `iterator` until it finishes; returns its return value.
Ref generator_yield_from(Frame& frame, Value iterator);

}  // namespace chaipy
