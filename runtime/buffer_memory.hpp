// Container buffers (list items, dict and set tables) counted against the interpreter's memory cap.
#pragma once
#include <cstddef>
#include <cstdint>
#include <new>
#include <string>

namespace chaipy {

// malloc's contract; null when out of memory or over the cap (the caller raises MemoryError).
// Free with buffer_free only.
void* buffer_alloc(size_t bytes);
void* buffer_alloc_zeroed(size_t count, size_t size);
void* buffer_realloc(void* memory, size_t bytes);
void buffer_free(void* memory);

// For C++ containers behind script objects: over the cap it throws std::bad_alloc, which the
// native dispatch points turn into MemoryError (runtime/no_memory.hpp).
template <class T> struct CappedAllocator {
  using value_type = T;
  CappedAllocator() = default;
  template <class U> CappedAllocator(const CappedAllocator<U>&) {}
  T* allocate(size_t count) {
    if (count > SIZE_MAX / sizeof(T)) throw std::bad_alloc();
    void* memory = buffer_alloc(count * sizeof(T));
    if (!memory) throw std::bad_alloc();
    return static_cast<T*>(memory);
  }
  void deallocate(T* memory, size_t) { buffer_free(memory); }
  friend bool operator==(const CappedAllocator&, const CappedAllocator&) { return true; }
};

// A bytearray's contents.
using ByteBuffer = std::basic_string<char, std::char_traits<char>, CappedAllocator<char>>;

}  // namespace chaipy
