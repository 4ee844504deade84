// The embedding API's limits: chaipy.Interrupted, interrupts from other host threads, the instruction budget, the interrupt hook and the memory cap.
#include "runtime/builtin_types.hpp"
#include "runtime/embed_state.hpp"
#include "runtime/gil.hpp"
#include "runtime/import.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"

namespace chaipy::embed {

using chaipy::Ref;
using chaipy::Value;
using detail::Enter;
using detail::State;

namespace detail {

namespace {

// Like KeyboardInterrupt, a BaseException: `except Exception` in a script does not swallow it.
const char* const chaipy_module_source =
    "class Interrupted(BaseException):\n"
    "    'The host stopped the script: interrupt(), the interrupt hook or the instruction budget.'\n";

bool wants_checks(const State& state) {
  return state.budget_active || bool(state.options.interrupt_hook) || state.interrupt_requested.load();
}

void update_check_bit(State& state) {
  std::atomic<uint32_t>& breaker = state.interp->eval_breaker;
  if (wants_checks(state)) breaker.fetch_or(chaipy::eval_breaker_host_check, std::memory_order_relaxed);
  else breaker.fetch_and(~uint32_t(chaipy::eval_breaker_host_check), std::memory_order_relaxed);
}

bool raise_interrupted(State& state, const char* reason) {
  Ref message = chaipy::str_new(reason);
  Ref exception = message ? chaipy::call1(state.interrupted_type, *message) : Ref();
  if (exception) chaipy::raise_value(*exception);
  return false;
}

// Interpreter::host_check: runs at the eval breaker while eval_breaker_host_check is set, and
// from long native operations (charge_native_work), which charge their work as several checks.
bool check_limits(chaipy::ThreadState& thread, uint64_t checks) {
  State& state = *static_cast<State*>(thread.interp->embed);
  if (state.interrupt_requested.load(std::memory_order_relaxed)) {
    // The bit goes first: an interrupt() arriving meanwhile sets it again.
    state.interrupt_requested.store(false);
    update_check_bit(state);
    return raise_interrupted(state, "interrupted by the host");
  }
  if (state.budget_active) {
    uint64_t left = state.budget_left.load(std::memory_order_relaxed);
    if (left < checks) {
      state.budget_left.store(0, std::memory_order_relaxed);
      return raise_interrupted(state, "instruction budget exhausted");
    }
    state.budget_left.store(left - checks, std::memory_order_relaxed);
  }
  if (state.options.interrupt_hook && (state.hook_countdown -= std::min(checks, state.hook_countdown)) == 0) {
    state.hook_countdown = std::max<uint64_t>(1, state.options.interrupt_hook_interval);
    if (state.options.interrupt_hook()) return raise_interrupted(state, "interrupted by the host");
  }
  return true;
}

}  // namespace

bool install_limits(State& state) {
  Ref module = chaipy::module_new("chaipy");
  Ref done = module ? chaipy::exec_source_in_module(chaipy_module_source, "<chaipy>", *module) : Ref();
  if (!done) return false;
  state.interrupted_type = chaipy::dict_get_str(chaipy::module_dict(*module), "Interrupted");
  chaipy::incref(state.interrupted_type);
  chaipy::dict_set_str(state.interp->modules, "chaipy", *module);
  state.chaipy_module = module.release();
  state.interp->host_check = check_limits;
  state.interp->memory_limit = state.options.memory_limit;
  state.budget_active = state.options.instruction_budget != 0;
  state.budget_left.store(state.options.instruction_budget);
  state.hook_countdown = std::max<uint64_t>(1, state.options.interrupt_hook_interval);
  update_check_bit(state);
  return true;
}

}  // namespace detail

void Interpreter::interrupt() {
  State& state = *state_;
  if (!state.alive) return;
  state.interrupt_requested.store(true);
  state.interp->eval_breaker.fetch_or(chaipy::eval_breaker_host_check, std::memory_order_relaxed);
}

void Interpreter::set_instruction_budget(uint64_t checks) {
  Enter inside(*state_);
  state_->budget_active = checks != 0;
  state_->budget_left.store(checks);
  detail::update_check_bit(*state_);
}

uint64_t Interpreter::instructions_left() const { return state_->budget_left.load(); }

void Interpreter::set_memory_limit(size_t bytes) {
  Enter inside(*state_);
  state_->interp->memory_limit = bytes;
  state_->interp->memory_limit_hit = false;
}

size_t Interpreter::memory_used() const {
  Enter inside(*state_);
  return state_->interp->allocated_bytes;
}

}  // namespace chaipy::embed
