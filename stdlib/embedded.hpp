// Embedded stdlib: the modules written in Python (stdlib/py) that the build compiles into the binary.
#pragma once

#include <span>
#include <string_view>

namespace chaipy {

struct EmbeddedSource {
    std::string_view name;    // dotted module name: "json", "concurrent.futures"
    std::string_view source;  // the module's Python source text
    bool is_package;          // true for a package's __init__.py
};

// Sorted by name (byte order), so a lookup can binary-search. Defined in the file the build
// generates from stdlib/py (cmake/GenerateEmbeddedStdlib.cmake).
std::span<const EmbeddedSource> embedded_stdlib();

}  // namespace chaipy
