// Compiled-code serialization: CodeUnit trees to bytes and back, and the embedded stdlib's code compiled at build time.
#pragma once
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "interpreter/code_unit.hpp"
#include "runtime/object.hpp"

namespace chaipy {

// The bytes are read only by the build that wrote them (words are stored in host byte order):
// tools/freeze_stdlib.cpp serializes the embedded stdlib, and the binary it is linked into reads
// them back instead of compiling the source at every import.
std::string serialize_code_unit(const CodeUnit& unit);

// Null when the bytes are not a whole serialized unit.
std::shared_ptr<CodeUnit> deserialize_code_unit(std::string_view bytes);

struct FrozenCode {
  std::string_view name;  // dotted module name, as in embedded_stdlib()
  std::string_view code;  // serialize_code_unit of the module compiled as "<frozen NAME>"
};

// Sorted by name (byte order). Defined in the file tools/freeze_stdlib.cpp generates; the tool
// itself defines it empty. Modules that failed to compile have no entry.
std::span<const FrozenCode> frozen_stdlib();

// The code object of an embedded stdlib module from its build-time compiled form; an empty Ref
// without an error when the module has none (the caller compiles its source). Defined in
// code_loader.cpp.
Ref frozen_module_code(std::string_view module_name);

}  // namespace chaipy
