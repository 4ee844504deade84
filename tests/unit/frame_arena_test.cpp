// Tests of the thread's frame arena (runtime/frame_arena.hpp): LIFO blocks across chunk ends,
// blocks larger than a chunk, alignment and reuse.
#include "runtime/frame_arena.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace chaipy {
namespace {

TEST(FrameArena, BlocksAreAlignedAndDoNotOverlapAcrossChunks) {
  FrameArena arena;
  std::vector<char*> blocks;
  // Far more than one chunk: every block keeps its bytes while those above it come and go.
  for (int i = 0; i < 5000; ++i) {
    auto* block = static_cast<char*>(arena.push(100 + i % 7));
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(block) % 16, 0u);
    std::memset(block, i % 251, 100);
    blocks.push_back(block);
  }
  for (int i = int(blocks.size()) - 1; i >= 0; --i) {
    for (int byte = 0; byte < 100; ++byte) ASSERT_EQ(static_cast<unsigned char>(blocks[i][byte]), i % 251);
    arena.pop(blocks[i]);
  }
}

TEST(FrameArena, PoppedMemoryIsTakenAgainAtTheSamePlace) {
  FrameArena arena;
  void* bottom = arena.push(64);
  void* first = arena.push(128);
  arena.pop(first);
  EXPECT_EQ(arena.push(128), first);
  arena.pop(first);
  arena.pop(bottom);
  EXPECT_EQ(arena.push(64), bottom);
}

TEST(FrameArena, ABlockLargerThanAChunkGetsAChunkOfItsOwn) {
  FrameArena arena;
  void* small = arena.push(32);
  size_t huge_size = 1 << 20;
  auto* huge = static_cast<char*>(arena.push(huge_size));
  ASSERT_NE(huge, nullptr);
  std::memset(huge, 7, huge_size);
  void* above = arena.push(32);
  EXPECT_NE(above, nullptr);
  arena.pop(above);
  arena.pop(huge);
  // Back in the first chunk, right after the small block.
  void* again = arena.push(32);
  EXPECT_EQ(static_cast<char*>(again), static_cast<char*>(small) + 32);
}

TEST(FrameArena, CallsBackAndForthAcrossAChunkEndReuseTheSpareChunk) {
  FrameArena arena;
  // Fill the first chunk to its end, then step over the edge and back many times.
  std::vector<void*> filler;
  void* block;
  while ((block = arena.push(1024)) && (filler.empty() || static_cast<char*>(block) == static_cast<char*>(filler.back()) + 1024))
    filler.push_back(block);
  void* over_the_edge = block;  // the first block of the second chunk
  arena.pop(over_the_edge);
  for (int i = 0; i < 100; ++i) {
    void* again = arena.push(1024);
    EXPECT_EQ(again, over_the_edge);
    arena.pop(again);
  }
  for (auto it = filler.rbegin(); it != filler.rend(); ++it) arena.pop(*it);
}

}  // namespace
}  // namespace chaipy
