// Container buffers (list items, dict and set tables) counted against the interpreter's memory cap.
#pragma once
#include <cstddef>

namespace chaipy {

// malloc's contract; null when out of memory or over the cap (the caller raises MemoryError).
// Free with buffer_free only.
void* buffer_alloc(size_t bytes);
void* buffer_alloc_zeroed(size_t count, size_t size);
void* buffer_realloc(void* memory, size_t bytes);
void buffer_free(void* memory);

}  // namespace chaipy
