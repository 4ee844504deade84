// The gc module: the interpreter's cycle collector seen from scripts (collect, enable/disable, counts and thresholds, freeze, is_tracked, get_objects, get_referrers, get_referents).
#include "runtime/builtin_types.hpp"
#include "runtime/gc.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"

namespace chaipy {

bool init_gc_module(Value module);

static GcState& gc_state() { return *current_interpreter().gc; }

static Ref gc_collect_function(Value, const Value* args, size_t nargs, Value kwnames) {
  Value generation_arg;
  if (!bind_args("collect", args, nargs, kwnames, {"generation"}, 0, &generation_arg)) return nullptr;
  int64_t generation = 2;
  if (generation_arg && !index_to_i64(generation_arg, generation)) return nullptr;
  if (generation < 0 || generation > 2) return raise(&ValueError_type, "invalid generation");
  return int_from_i64(gc_collect(current_interpreter(), static_cast<int>(generation)));
}

static Ref gc_enable(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("gc.enable", nargs, kwnames, 0, 0)) return nullptr;
  gc_set_enabled(gc_state(), true);
  return Ref::none();
}

static Ref gc_disable(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("gc.disable", nargs, kwnames, 0, 0)) return nullptr;
  gc_set_enabled(gc_state(), false);
  return Ref::none();
}

static Ref gc_isenabled(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("gc.isenabled", nargs, kwnames, 0, 0)) return nullptr;
  return Ref::boolean(gc_is_enabled(gc_state()));
}

static Ref int_triple(const int64_t values[3]) {
  Ref result = tuple_new(3);
  for (size_t i = 0; result && i < 3; ++i) {
    Ref item = int_from_i64(values[i]);
    if (!item) return nullptr;
    tuple_set(*result, i, item.release());
  }
  return result;
}

static Ref gc_get_count(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("gc.get_count", nargs, kwnames, 0, 0)) return nullptr;
  int64_t counts[3];
  gc_get_counts(gc_state(), counts);
  return int_triple(counts);
}

static Ref gc_get_threshold(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("gc.get_threshold", nargs, kwnames, 0, 0)) return nullptr;
  int64_t thresholds[3];
  gc_get_thresholds(gc_state(), thresholds);
  return int_triple(thresholds);
}

// set_threshold(threshold0[, threshold1[, threshold2]]): omitted ones keep their values.
static Ref gc_set_threshold(Value, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(&TypeError_type, "set_threshold() takes no keyword arguments");
  if (nargs == 0) return raise(&TypeError_type, "set_threshold() takes at least 1 argument (0 given)");
  if (nargs > 3) return raise_format(&TypeError_type, "set_threshold() takes at most 3 arguments (%zu given)", nargs);
  int64_t thresholds[3];
  gc_get_thresholds(gc_state(), thresholds);
  for (size_t i = 0; i < nargs; ++i) {
    int64_t value;
    if (!index_to_i64(args[i], value)) return nullptr;
    if (value < INT32_MIN || value > INT32_MAX)
      return raise(&OverflowError_type, "signed integer is greater than maximum");
    thresholds[i] = value;
  }
  gc_set_thresholds(gc_state(), thresholds);
  return Ref::none();
}

static Ref gc_is_tracked_function(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("gc.is_tracked", nargs, kwnames, 1, 1)) return nullptr;
  return Ref::boolean(gc_is_tracked(args[0]));
}

static Ref gc_freeze_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("gc.freeze", nargs, kwnames, 0, 0)) return nullptr;
  gc_freeze(gc_state());
  return Ref::none();
}

static Ref gc_unfreeze_function(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("gc.unfreeze", nargs, kwnames, 0, 0)) return nullptr;
  gc_unfreeze(gc_state());
  return Ref::none();
}

static Ref gc_get_freeze_count(Value, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("gc.get_freeze_count", nargs, kwnames, 0, 0)) return nullptr;
  return int_from_i64(gc_freeze_count(gc_state()));
}

// get_objects(generation=None): the tracked objects, of one generation or all.
static Ref gc_get_objects(Value, const Value* args, size_t nargs, Value kwnames) {
  Value generation_arg;
  if (!bind_args("get_objects", args, nargs, kwnames, {"generation"}, 0, &generation_arg)) return nullptr;
  int64_t generation = -1;  // as CPython: -1 (or None) is every generation
  if (generation_arg && !generation_arg.is_none()) {
    if (!is_int(generation_arg))
      return raise_format(&TypeError_type, "argument should be integer or None, not '%s'", type_name(generation_arg));
    if (!index_to_i64(generation_arg, generation)) return nullptr;
    if (generation >= 3)
      return raise(&ValueError_type, "generation parameter must be less than the number of available generations (3)");
    if (generation < -1) return raise(&ValueError_type, "generation parameter cannot be negative");
  }
  std::vector<Ref> objects = gc_tracked_objects(gc_state(), int(generation));
  Ref result = list_new(0);
  for (size_t i = 0; result && i < objects.size(); ++i)
    if (!list_append(*result, *objects[i])) return nullptr;
  return result;
}

struct ReferrerSearch {
  const Value* targets;
  size_t count;
  bool found = false;
};

static void find_target(Value child, void* arg) {
  auto* search = static_cast<ReferrerSearch*>(arg);
  for (size_t i = 0; i < search->count && !search->found; ++i)
    if (child == search->targets[i]) search->found = true;
}

// get_referrers(*objs): the tracked objects whose traverse slot reports one of objs.
static Ref gc_get_referrers(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("get_referrers", nargs, kwnames, 0, SIZE_MAX)) return nullptr;
  std::vector<Ref> objects = gc_tracked_objects(gc_state(), -1);
  Ref result = list_new(0);
  if (!result) return nullptr;
  for (const Ref& held : objects) {
    Object* object = (*held).as_object();
    if (!object->type->traverse) continue;
    ReferrerSearch search{args, nargs};
    object->type->traverse(object, find_target, &search);
    if (search.found && !list_append(*result, *held)) return nullptr;
  }
  return result;
}

struct ReferentsCollector {
  Value list;
  bool ok = true;
};

static void collect_referent(Value child, void* arg) {
  auto* collector = static_cast<ReferentsCollector*>(arg);
  if (!child || !collector->ok) return;
  if (!list_append(collector->list, child)) collector->ok = false;
}

// The objects each argument refers to, as its traverse slot reports them (collectable objects only).
static Ref gc_get_referents(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("get_referents", nargs, kwnames, 0, SIZE_MAX)) return nullptr;
  Ref result = list_new(0);
  if (!result) return nullptr;
  ReferentsCollector collector{*result};
  for (size_t i = 0; i < nargs && collector.ok; ++i) {
    if (!args[i].is_object()) continue;
    Object* object = args[i].as_object();
    if (has_gc_header(object) && object->type->traverse) object->type->traverse(object, collect_referent, &collector);
  }
  if (!collector.ok) return nullptr;
  return result;
}

bool init_gc_module(Value module) {
  const struct {
    const char* name;
    NativeFunction fn;
  } functions[] = {
      {"collect", gc_collect_function},
      {"enable", gc_enable},
      {"disable", gc_disable},
      {"isenabled", gc_isenabled},
      {"get_count", gc_get_count},
      {"get_threshold", gc_get_threshold},
      {"set_threshold", gc_set_threshold},
      {"is_tracked", gc_is_tracked_function},
      {"get_referents", gc_get_referents},
      {"get_objects", gc_get_objects},
      {"get_referrers", gc_get_referrers},
      {"freeze", gc_freeze_function},
      {"unfreeze", gc_unfreeze_function},
      {"get_freeze_count", gc_get_freeze_count},
  };
  for (const auto& function : functions)
    if (!module_add_function(module, function.name, function.fn)) return false;
  // Objects the collector could not free: none ever, as in CPython since PEP 442 (__del__
  // runs before a cycle is cleared); kept for code that inspects it.
  Ref garbage = list_new(0);
  return garbage && module_add_object(module, "garbage", *garbage);
}

}  // namespace chaipy
