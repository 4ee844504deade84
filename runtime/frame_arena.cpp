// runtime/frame_arena.cpp: the chunks behind FrameArena (runtime/frame_arena.hpp).
#include "runtime/frame_arena.hpp"

#include <algorithm>
#include <cstdlib>

namespace chaipy {

namespace {
// Enough for a few hundred ordinary frames: the recursion limit's depth takes a few chunks.
constexpr size_t chunk_bytes = 64 * 1024;
}  // namespace

FrameArena::~FrameArena() {
  std::free(spare_);
  while (chunk_) {
    Chunk* previous = chunk_->previous;
    std::free(chunk_);
    chunk_ = previous;
  }
}

void* FrameArena::push_in_new_chunk(size_t bytes) {
  Chunk* chunk = spare_;
  if (chunk && size_t(chunk->limit - chunk_start(chunk)) < bytes) {
    std::free(chunk);
    chunk = nullptr;
  }
  spare_ = nullptr;
  if (!chunk) {
    size_t capacity = std::max(chunk_bytes, bytes);
    chunk = static_cast<Chunk*>(std::malloc(sizeof(Chunk) + capacity));
    if (!chunk) return nullptr;
    chunk->limit = chunk_start(chunk) + capacity;
  }
  chunk->previous = chunk_;
  chunk->previous_top = top_;
  chunk_ = chunk;
  top_ = chunk_start(chunk) + bytes;
  limit_ = chunk->limit;
  return chunk_start(chunk);
}

void FrameArena::pop_chunk() {
  Chunk* emptied = chunk_;
  chunk_ = emptied->previous;
  top_ = emptied->previous_top;
  limit_ = chunk_ ? chunk_->limit : nullptr;
  std::free(spare_);
  spare_ = emptied;
}

}  // namespace chaipy
