// The import system: sys.modules, native and embedded modules, .py files and packages on sys.path, relative imports.
#pragma once
#include <string>
#include <string_view>

#include "interpreter/syntax_error.hpp"
#include "runtime/object.hpp"

namespace chaipy {

// IMPORT_NAME: `import a.b` (returns a), `from a.b import x` (returns a.b), relative levels.
Ref import_name(Value name, Value globals, Value fromlist, int64_t level);
// Imports a module by its absolute dotted name and returns it (not the top-level package).
Ref import_module(std::string_view full_name);
// Compiles source text into a code object; SyntaxError pending on failure.
Ref compile_to_code(std::string_view source, const std::string& filename, int mode /* ParseMode */);
// Raises the SyntaxError (or IndentationError/TabError) a parse failure describes.
Ref raise_syntax_error(const SyntaxErrorInfo& info);
// Runs source text as the module `module` (exec into its dict).
Ref exec_source_in_module(std::string_view source, const std::string& filename, Value module);

}  // namespace chaipy
