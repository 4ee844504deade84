// Loading compiled code: turns the compiler's CodeUnit (and its constants) into runtime code objects, and finds the embedded stdlib's build-time compiled units.
#include <algorithm>
#include <memory>

#include "interpreter/code_serializer.hpp"
#include "interpreter/vm.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/function.hpp"
#include "runtime/protocols.hpp"

namespace chaipy {

static Ref constant_to_value(const Constant& constant);

static Ref tuple_constant(const TupleConst& tuple) {
  Ref result = tuple_new(tuple.items.size());
  if (!result) return nullptr;
  for (size_t i = 0; i < tuple.items.size(); ++i) {
    Ref item = constant_to_value(tuple.items[i]);
    if (!item) return nullptr;
    tuple_set(*result, i, item.release());
  }
  return result;
}

static Ref constant_to_value(const Constant& constant) {
  struct Visitor {
    Ref operator()(const NoneConst&) const { return Ref::none(); }
    Ref operator()(bool b) const { return Ref::boolean(b); }
    Ref operator()(int64_t n) const { return int_from_i64(n); }
    Ref operator()(const BigIntConst& big) const {
      auto parsed = BigInt::parse(big.digits, big.base);
      if (!parsed) return raise(&SystemError_type, "bad integer constant");
      return int_from_bigint(std::move(*parsed));
    }
    Ref operator()(double d) const { return float_new(d); }
    Ref operator()(const std::string& s) const {
      // Identifier-like constants are interned, as CPython does, so `is` and dict lookups are fast.
      bool identifier = !s.empty() && s.size() < 64;
      for (char c : s) identifier = identifier && (isalnum(static_cast<unsigned char>(c)) || c == '_');
      if (identifier) return Ref::steal(str_intern(s));
      return str_new(s);
    }
    Ref operator()(const BytesConst& b) const { return bytes_new(b.bytes); }
    Ref operator()(const EllipsisConst&) const { return Ref::borrow(Value(&Ellipsis_object)); }
    Ref operator()(const TupleConst& t) const { return tuple_constant(t); }
    Ref operator()(const std::shared_ptr<CodeUnit>& unit) const { return code_from_unit(unit); }
  };
  return std::visit(Visitor{}, constant.value);
}

Ref code_from_unit(std::shared_ptr<const CodeUnit> unit) {
  Object* object = alloc_object(&code_type);
  if (!object) return nullptr;
  auto* code = new (object) CodeObject();
  code->refcount = 1;
  code->type = &code_type;
  Ref result = Ref::steal(Value(object));
  code->unit = unit;
  code->name = str_new(unit->name).release();
  code->qualname = str_new(unit->qualname).release();
  code->filename = str_new(unit->filename).release();
  if (!code->name || !code->qualname || !code->filename) return nullptr;
  Ref consts = tuple_new(unit->consts.size());
  if (!consts) return nullptr;
  for (size_t i = 0; i < unit->consts.size(); ++i) {
    Ref value = constant_to_value(unit->consts[i]);
    if (!value) return nullptr;
    tuple_set(*consts, i, value.release());
  }
  code->consts = consts.release();
  // Names can fail to be made (MemoryError under an embedder's memory cap): never keep a null.
  for (const auto& name : unit->names) {
    Value interned = str_intern(name);
    if (!interned) return nullptr;
    code->names.push_back(interned);
  }
  for (const auto& name : unit->varnames) {
    Value interned = str_intern(name);
    if (!interned) return nullptr;
    code->varnames.push_back(interned);
  }
  code->nlocals = uint32_t(unit->varnames.size());
  code->ncells = uint32_t(unit->cellvars.size() + unit->freevars.size());
  code->frame_size = code->nlocals + code->ncells + unit->max_stack + 1;
  bool copy_bound = !code->ncells && unit->kwonly_argcount == 0 &&
                    !(unit->flags & (code_varargs | code_varkeywords | code_generator));
  code->copy_bound_argcount = copy_bound ? unit->argcount : UINT32_MAX;
  code->instructions = unit->code.data();
  code->const_items = code->consts.as<TupleObject>()->items;
  code->name_items = code->names.data();
  code->in_place_frame_bytes = uint32_t(in_place_frame_bytes(*code));
  return result;
}

Ref frozen_module_code(std::string_view module_name) {
  auto modules = frozen_stdlib();
  auto it = std::lower_bound(modules.begin(), modules.end(), module_name,
                             [](const FrozenCode& m, std::string_view name) { return m.name < name; });
  if (it == modules.end() || it->name != module_name) return Ref();
  // Bytes this build wrote: a unit that does not read back is a build fault, and compiling the
  // source instead still gives the right module.
  auto unit = deserialize_code_unit(it->code);
  if (!unit) return Ref();
  return code_from_unit(std::move(unit));
}

}  // namespace chaipy
