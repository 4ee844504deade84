// runtime/frame_arena.hpp: a thread's LIFO memory for the frames of Python-to-Python calls, which
// the VM runs in place rather than by recursing in C (interpreter/vm.cpp).
#pragma once
#include <cstddef>

namespace chaipy {

// Blocks are taken and given back in LIFO order. Memory comes in chunks that never move (frames
// point into their callers' stacks); the last chunk emptied is kept, so calls that go back and
// forth across a chunk's end do not allocate each time.
class FrameArena {
 public:
  FrameArena() = default;
  FrameArena(const FrameArena&) = delete;
  FrameArena& operator=(const FrameArena&) = delete;
  ~FrameArena();

  // Null when memory runs out.
  [[gnu::always_inline]] void* push(size_t bytes) {
    bytes = (bytes + alignment - 1) & ~(alignment - 1);
    if (__builtin_expect(size_t(limit_ - top_) < bytes, 0)) return push_in_new_chunk(bytes);
    char* block = top_;
    top_ += bytes;
    return block;
  }
  // `block` is the last block pushed and not yet popped.
  [[gnu::always_inline]] void pop(void* block) {
    if (__builtin_expect(block == chunk_start(chunk_), 0)) return pop_chunk();
    top_ = static_cast<char*>(block);
  }

 private:
  static constexpr size_t alignment = 16;
  struct alignas(alignment) Chunk {
    Chunk* previous;
    char* previous_top;  // where the previous chunk's free space began when this one was started
    char* limit;
  };
  static char* chunk_start(Chunk* chunk) { return reinterpret_cast<char*>(chunk + 1); }
  void* push_in_new_chunk(size_t bytes);
  void pop_chunk();

  Chunk* chunk_ = nullptr;
  Chunk* spare_ = nullptr;
  char* top_ = nullptr;
  char* limit_ = nullptr;
};

}  // namespace chaipy
