// Unicode character names (the generated table in runtime/unicode_names.cpp): code point to name and name to code point, as CPython's unicodedata.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chaipy {

// The Unicode version of the table ("14.0.0").
const char* unicode_names_version();
// unicodedata.name: the character's name; nullopt when it has none.
std::optional<std::string> unicode_character_name(uint32_t cp);
// What \N{NAME} and unicodedata.lookup accept (names, aliases; case rules as CPython's); nullopt
// when unknown.
std::optional<uint32_t> unicode_lookup_name(std::string_view name);

}  // namespace chaipy
