// Generator objects: each runs its frame on a Boost.Context fiber with a pooled stack, so it can suspend anywhere.
#include "runtime/generator.hpp"

#include <boost/context/fiber.hpp>
#include <boost/context/pooled_fixedsize_stack.hpp>
#include <cstdio>
#include <cstring>
#include <memory>

#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/protocols.hpp"
#include "runtime/thread_state.hpp"
#include "runtime/type_init.hpp"

namespace chaipy {

namespace ctx = boost::context;

TypeObject generator_type;

// Fiber stacks: big enough for a few hundred nested script calls inside a generator; the
// recursion guard keeps deeper recursion from overflowing it.
static constexpr size_t generator_stack_size = 256 * 1024;
static constexpr size_t stack_guard_margin = 48 * 1024;

static ctx::pooled_fixedsize_stack& stack_pool() {
  static thread_local ctx::pooled_fixedsize_stack pool(generator_stack_size);
  return pool;
}

struct GeneratorObject : Object {
  enum class State : uint8_t { Created, Suspended, Running, Finished };
  Value function;  // owned FunctionObject
  std::unique_ptr<Value[]> slots;
  std::unique_ptr<Block[]> blocks;
  Frame frame;
  ctx::fiber fiber;   // the suspended body (while the caller runs)
  ctx::fiber caller;  // the suspended caller (while the body runs)
  State state;
  // Into the body: the value sent (or the exception thrown when `transfer_is_exception`).
  // Out of it: the value yielded, or the return value / null for an exception when finished.
  Value transfer;
  bool transfer_is_exception;
  const char* stack_limit;
  const char* saved_stack_limit;
  int saved_recursion_depth;
};

bool is_generator(Value v) { return v.is_object() && v.as_object()->type == &generator_type; }

Ref generator_new(FunctionObject* function, const Value* args, size_t nargs, Value kwnames) {
  auto* code = function->code.as<CodeObject>();
  Object* object = alloc_object(&generator_type);
  if (!object) return nullptr;
  auto* gen = new (object) GeneratorObject();
  gen->refcount = 1;
  gen->type = &generator_type;
  Ref result = Ref::steal(Value(object));
  incref(Value(function));
  gen->function = Value(function);
  gen->slots.reset(new Value[code->frame_size]());
  gen->blocks.reset(new Block[code->unit->max_blocks + 1]);
  frame_init(gen->frame, function, code, function->globals, function->builtins, gen->slots.get(), gen->blocks.get());
  gen->frame.generator = gen;
  gen->state = GeneratorObject::State::Created;
  if (!bind_frame_arguments(function, code, gen->slots.get(), args, nargs, kwnames)) return nullptr;
  return result;
}

static void clear_generator_slots(GeneratorObject* gen) {
  auto* code = gen->frame.code;
  uint32_t count = code->nlocals + code->ncells;
  for (uint32_t i = 0; i < count; ++i) {
    Value v = gen->slots[i];
    gen->slots[i] = Value();
    decref(v);
  }
}

enum class ResumeResult { Yielded, Returned, Raised };

// Runs the body until it yields or ends. `value` is sent in (or thrown when is_exception).
static ResumeResult generator_resume(GeneratorObject* gen, Value value, bool is_exception, Ref& out) {
  ThreadState& ts = thread_state();
  incref(value);
  gen->transfer = value;
  gen->transfer_is_exception = is_exception;
  bool first = gen->state == GeneratorObject::State::Created;
  gen->state = GeneratorObject::State::Running;
  gen->saved_stack_limit = ts.stack_limit;
  gen->saved_recursion_depth = ts.recursion_depth;
  incref(Value(gen));  // the body must not be freed under itself
  if (first) {
    gen->fiber = ctx::fiber(std::allocator_arg, stack_pool(), [gen](ctx::fiber&& caller) {
      gen->caller = std::move(caller);
      char marker;
      gen->stack_limit = &marker - (generator_stack_size - stack_guard_margin);
      thread_state().stack_limit = gen->stack_limit;
      Ref result;
      if (gen->transfer_is_exception) {
        restore_error(Ref::steal(gen->transfer));
      } else {
        decref(gen->transfer);
        result = eval_frame(gen->frame);
      }
      gen->transfer = result.release();
      gen->state = GeneratorObject::State::Finished;
      return std::move(gen->caller);
    });
  } else {
    // Re-link the suspended frame under the current one.
    gen->frame.back = ts.frame;
    ts.frame = &gen->frame;
    ts.recursion_depth++;
    ts.stack_limit = gen->stack_limit;
  }
  gen->fiber = std::move(gen->fiber).resume();
  ts.stack_limit = gen->saved_stack_limit;
  ts.recursion_depth = gen->saved_recursion_depth;
  Value transferred = gen->transfer;
  gen->transfer = Value();
  ResumeResult status;
  if (gen->state == GeneratorObject::State::Finished) {
    clear_generator_slots(gen);
    status = transferred ? ResumeResult::Returned : ResumeResult::Raised;
    if (status == ResumeResult::Raised && error_matches(&StopIteration_type)) {
      // PEP 479: a StopIteration escaping the body becomes RuntimeError.
      Ref stop = fetch_error();
      raise(&RuntimeError_type, "generator raised StopIteration");
      Ref runtime = fetch_error();
      auto* e = runtime.as<BaseExceptionObject>();
      e->cause = stop.release();
      e->context = Value(e->cause);
      incref(e->context);
      restore_error(std::move(runtime));
    }
  } else {
    gen->state = GeneratorObject::State::Suspended;
    status = ResumeResult::Yielded;
  }
  out = Ref::steal(transferred);
  decref(Value(gen));
  return status;
}

Ref generator_yield(Frame& frame, Ref value) {
  auto* gen = frame.generator;
  ThreadState& ts = thread_state();
  gen->transfer = value.release();
  ts.frame = frame.back;
  ts.recursion_depth--;
  gen->caller = std::move(gen->caller).resume();
  // Resumed: the caller put what it sends (or throws) in transfer.
  Value sent = gen->transfer;
  gen->transfer = Value();
  if (gen->transfer_is_exception) {
    restore_error(Ref::steal(sent));
    return nullptr;
  }
  return Ref::steal(sent);
}

static Ref check_runnable(GeneratorObject* gen) {
  if (gen->state == GeneratorObject::State::Running) return raise(&ValueError_type, "generator already executing");
  return Ref::none();
}

// The iteration slot: a yielded value, or null with no error once the body has returned (the
// return value only matters to next(), send() and yield from, which see it through
// generator_send_value).
static Ref generator_next_slot(Value self) {
  auto* gen = self.as<GeneratorObject>();
  if (!check_runnable(gen)) return nullptr;
  if (gen->state == GeneratorObject::State::Finished) return nullptr;
  Ref out;
  switch (generator_resume(gen, Value::none(), false, out)) {
    case ResumeResult::Yielded: return out;
    case ResumeResult::Returned: return nullptr;
    default: return nullptr;
  }
}

static Ref raise_stop_iteration(Value value) {
  Ref args = value.is_none() ? empty_tuple() : tuple_pack({value});
  Ref exception = exception_new(&StopIteration_type, *args);
  if (exception) restore_error(std::move(exception));
  return nullptr;
}

static Ref generator_send(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("send", nargs, kwnames, 1, 1)) return nullptr;
  return generator_send_value(self, args[0]);
}

Ref generator_send_value(Value self, Value value) {
  const Value* args = &value;
  auto* gen = self.as<GeneratorObject>();
  if (!check_runnable(gen)) return nullptr;
  if (gen->state == GeneratorObject::State::Finished) return raise_stop_iteration(Value::none());
  if (gen->state == GeneratorObject::State::Created && !args[0].is_none())
    return raise(&TypeError_type, "can't send non-None value to a just-started generator");
  Ref out;
  switch (generator_resume(gen, args[0], false, out)) {
    case ResumeResult::Yielded: return out;
    case ResumeResult::Returned: return raise_stop_iteration(*out);
    default: return nullptr;
  }
}

// Builds the exception instance for gen.throw(type[, value[, tb]]).
static Ref make_thrown_exception(const Value* args, size_t nargs) {
  Value type = args[0];
  Value value = nargs > 1 ? args[1] : Value::none();
  if (is_exception_type(type)) {
    if (is_exception_instance(value)) return Ref::borrow(value);
    if (value.is_none()) return call0(type);
    return call1(type, value);
  }
  if (is_exception_instance(type)) {
    if (!value.is_none()) return raise(&TypeError_type, "instance exception may not have a separate value");
    return Ref::borrow(type);
  }
  return raise_format(&TypeError_type, "exceptions must be classes or instances deriving from BaseException, not %s",
                      type_name(type));
}

static Ref generator_throw_value(GeneratorObject* gen, Value exception) {
  if (!check_runnable(gen)) return nullptr;
  if (gen->state != GeneratorObject::State::Suspended) {
    gen->state = GeneratorObject::State::Finished;
    clear_generator_slots(gen);
    restore_error(Ref::borrow(exception));
    return nullptr;
  }
  Ref out;
  switch (generator_resume(gen, exception, true, out)) {
    case ResumeResult::Yielded: return out;
    case ResumeResult::Returned: return raise_stop_iteration(*out);
    default: return nullptr;
  }
}

static Ref generator_throw(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("throw", nargs, kwnames, 1, 3)) return nullptr;
  Ref exception = make_thrown_exception(args, nargs);
  if (!exception) return nullptr;
  return generator_throw_value(self.as<GeneratorObject>(), *exception);
}

static bool generator_close_internal(GeneratorObject* gen) {
  if (gen->state == GeneratorObject::State::Created) {
    gen->state = GeneratorObject::State::Finished;
    clear_generator_slots(gen);
    return true;
  }
  if (gen->state != GeneratorObject::State::Suspended) return true;
  Ref args = empty_tuple();
  Ref exit = exception_new(&GeneratorExit_type, *args);
  Ref out;
  ResumeResult status = generator_resume(gen, *exit, true, out);
  if (status == ResumeResult::Yielded) {
    raise(&RuntimeError_type, "generator ignored GeneratorExit");
    return false;
  }
  if (status == ResumeResult::Raised) {
    if (error_matches(&GeneratorExit_type) || error_matches(&StopIteration_type)) {
      clear_error();
      return true;
    }
    return false;
  }
  return true;
}

static Ref generator_close(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("close", nargs, kwnames, 0, 0)) return nullptr;
  if (!generator_close_internal(self.as<GeneratorObject>())) return nullptr;
  return Ref::none();
}

Ref generator_yield_from(Frame& frame, Value iterator) {
  Ref to_send = Ref::none();
  Ref thrown;
  for (;;) {
    Ref produced;
    bool finished = false;
    Ref return_value;
    if (thrown) {
      Value exception = *thrown;
      if (is_subtype(type_of(exception), &GeneratorExit_type)) {
        // Close the delegate, then let GeneratorExit continue outwards.
        if (is_generator(iterator)) {
          if (!generator_close_internal(iterator.as<GeneratorObject>())) return nullptr;
        } else if (Ref close = get_attr(iterator, "close")) {
          if (!call0(*close)) return nullptr;
        } else {
          clear_error();
        }
        restore_error(std::move(thrown));
        return nullptr;
      }
      if (is_generator(iterator)) {
        produced = generator_throw_value(iterator.as<GeneratorObject>(), exception);
      } else {
        Ref throw_method = get_attr(iterator, "throw");
        if (!throw_method) {
          clear_error();
          restore_error(std::move(thrown));
          return nullptr;
        }
        produced = call1(*throw_method, exception);
      }
      thrown = nullptr;
    } else if (is_generator(iterator)) {
      auto* gen = iterator.as<GeneratorObject>();
      if (!check_runnable(gen)) return nullptr;
      if (gen->state == GeneratorObject::State::Finished) {
        finished = true;
        return_value = Ref::none();
      } else {
        Ref out;
        ResumeResult status = generator_resume(gen, *to_send, false, out);
        if (status == ResumeResult::Yielded) produced = std::move(out);
        else if (status == ResumeResult::Returned) {
          finished = true;
          return_value = std::move(out);
        }
      }
    } else if (to_send.get().is_none()) {
      produced = iter_next(iterator);
      if (!produced && !error_pending()) {
        finished = true;
        return_value = Ref::none();
      }
    } else {
      produced = call_method(iterator, "send", to_send.ptr(), 1);
    }
    if (finished) return return_value;
    if (!produced) {
      if (!error_pending()) return Ref::none();
      if (error_matches(&StopIteration_type)) {
        Ref stop = fetch_error();
        Value value = exception_attribute(*stop, "value");
        return value ? Ref::borrow(value) : Ref::none();
      }
      return nullptr;
    }
    Ref received = generator_yield(frame, std::move(produced));
    if (!received) {
      thrown = fetch_error();
      to_send = Ref::none();
    } else {
      to_send = std::move(received);
    }
  }
}

static Ref generator_iter_slot(Value self) { return Ref::borrow(self); }

static void generator_dealloc(Object* object) {
  auto* gen = static_cast<GeneratorObject*>(object);
  if (gen->state == GeneratorObject::State::Suspended) {
    // Closing runs pending finally blocks, as CPython does when a generator is collected.
    gen->refcount = 1;
    Ref saved = fetch_error();
    if (!generator_close_internal(gen)) clear_error();
    if (saved) restore_error(std::move(saved));
  }
  if (gen->state != GeneratorObject::State::Finished && gen->frame.code) clear_generator_slots(gen);
  decref(gen->function);
  decref(gen->transfer);
  gen->~GeneratorObject();
  free_object(object);
}

// The frame's locals and cells are owned by the generator; its value stack is not visited
// (what a suspended body keeps there counts as referenced from outside: it is never collected).
static void generator_traverse(Object* object, GcVisit visit, void* arg) {
  auto* gen = static_cast<GeneratorObject*>(object);
  visit(gen->function, arg);
  if (!gen->slots || !gen->frame.code || gen->state == GeneratorObject::State::Finished) return;
  uint32_t count = gen->frame.code->nlocals + gen->frame.code->ncells;
  for (uint32_t i = 0; i < count; ++i) visit(gen->slots[i], arg);
}

// A collected generator is closed, as CPython finalizes one: pending finally blocks run.
static void generator_clear(Object* object) {
  auto* gen = static_cast<GeneratorObject*>(object);
  if (gen->state == GeneratorObject::State::Running || gen->state == GeneratorObject::State::Finished) return;
  if (!gen->frame.code) return;  // being created
  if (!generator_close_internal(gen)) clear_error();
}

static Ref generator_repr(Value self) {
  auto* gen = self.as<GeneratorObject>();
  return str_new("<generator object " + std::string(str_view(gen->frame.code->qualname)) + " at " +
                 object_address(self) + ">");
}
static Ref generator_get_name(Value self) { return Ref::borrow(self.as<GeneratorObject>()->frame.code->name); }
static Ref generator_get_qualname(Value self) {
  return Ref::borrow(self.as<GeneratorObject>()->frame.code->qualname);
}
static Ref generator_get_running(Value self) {
  return Ref::boolean(self.as<GeneratorObject>()->state == GeneratorObject::State::Running);
}
static Ref generator_get_frame(Value self) {
  return self.as<GeneratorObject>()->state == GeneratorObject::State::Finished ? Ref::none() : Ref::borrow(self);
}

static const MethodDef generator_methods[] = {
    {"send", generator_send},
    {"throw", generator_throw},
    {"close", generator_close},
    {nullptr, nullptr},
};

void init_generator_type() {
  init_static_type(&generator_type, "generator", &object_type, sizeof(GeneratorObject), type_flag_gc);
  generator_type.traverse = generator_traverse;
  generator_type.clear = generator_clear;
  generator_type.iter = generator_iter_slot;
  generator_type.next = generator_next_slot;
  generator_type.dealloc = generator_dealloc;
  generator_type.repr = generator_repr;
  generator_type.new_ = nullptr;
  add_methods(&generator_type, generator_methods);
  add_property(&generator_type, "__name__", generator_get_name);
  add_property(&generator_type, "__qualname__", generator_get_qualname);
  add_property(&generator_type, "gi_running", generator_get_running);
  add_property(&generator_type, "gi_frame", generator_get_frame);
  finish_static_type(&generator_type);
}

}  // namespace chaipy
