// LeakSanitizer support: registers the stacks and thread-local storage of the threads a fork left behind as roots in the child.
#include "runtime/leak_check.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define CHAIPY_LEAK_CHECK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CHAIPY_LEAK_CHECK 1
#endif
#endif

#ifdef CHAIPY_LEAK_CHECK
#include <link.h>
#include <pthread.h>
#include <sanitizer/lsan_interface.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <vector>
#endif

namespace chaipy {

#ifdef CHAIPY_LEAK_CHECK
namespace {

// Set in the parent just before fork() (by the forking thread), read in the child; in the child
// the forking thread has become the main one, so it must be asked before.
bool forking_from_main_thread = true;

// The stacks of the script threads alive now. A thread's stack as pthread reports it (without
// the guard page) also holds its static thread-local storage and its thread descriptor.
struct ThreadStack {
  pthread_t thread;
  char* low;
  size_t size;
};
struct ThreadStacks {
  std::mutex mutex;
  std::vector<ThreadStack> list;
};
// Never destroyed: a script thread can still be ending, and leaving the list, while the process
// runs its static destructors (a joined thread's last steps come after join() returns).
ThreadStacks& thread_stacks() {
  static ThreadStacks* stacks = new ThreadStacks;
  return *stacks;
}

// The main thread's thread-local storage is not in its stack mapping: its blocks (one per
// module with thread-locals: this program's, libc's, ...), recorded once at start-up. Those
// thread-locals refer to memory too: the kept blocks of runtime/typeobject.cpp's allocation
// cache, libc's list of thread-local destructors.
struct MemoryRange {
  void* start;
  size_t size;
};
std::vector<MemoryRange> main_thread_tls;

int record_tls_block(dl_phdr_info* module, size_t, void*) {
  if (!module->dlpi_tls_data) return 0;
  for (int i = 0; i < module->dlpi_phnum; ++i)
    if (module->dlpi_phdr[i].p_type == PT_TLS)
      main_thread_tls.push_back({module->dlpi_tls_data, module->dlpi_phdr[i].p_memsz});
  return 0;
}

// Held across fork(), so the child sees the list whole.
void before_fork() {
  thread_stacks().mutex.lock();
  forking_from_main_thread = gettid() == getpid();
}

void after_fork_in_parent() { thread_stacks().mutex.unlock(); }

// In the child: the kernel names the main thread's stack mapping "[stack]" in /proc/self/maps.
void register_main_stack() {
  FILE* maps = fopen("/proc/self/maps", "re");
  if (!maps) return;
  char line[512];
  while (fgets(line, sizeof line, maps)) {
    uintptr_t start = 0, end = 0;
    if (strstr(line, "[stack]") && sscanf(line, "%" SCNxPTR "-%" SCNxPTR, &start, &end) == 2 && end > start) {
      __lsan_register_root_region(reinterpret_cast<void*>(start), end - start);
      break;
    }
  }
  fclose(maps);
}

// In the child, only the forking thread runs: the others' stacks become roots (they stay mapped:
// glibc keeps a vanished thread's stack in its cache, and LSan skips what is no longer mapped)
// and leave the list, as those threads will never remove themselves from it.
void after_fork_in_child() {
  if (!forking_from_main_thread) {
    register_main_stack();
    for (const MemoryRange& block : main_thread_tls) __lsan_register_root_region(block.start, block.size);
  }
  pthread_t self = pthread_self();
  ThreadStacks& stacks = thread_stacks();
  for (const ThreadStack& stack : stacks.list)
    if (!pthread_equal(stack.thread, self)) __lsan_register_root_region(stack.low, stack.size);
  std::erase_if(stacks.list, [self](const ThreadStack& stack) { return !pthread_equal(stack.thread, self); });
  stacks.mutex.unlock();
}

}  // namespace

void install_leak_check_fork_hook() {
  // Only the main thread can see its own thread-local storage (a program embedding us may set
  // up its first interpreter on another thread: then the main thread's is not registered).
  if (gettid() == getpid()) dl_iterate_phdr(record_tls_block, nullptr);
  pthread_atfork(before_fork, after_fork_in_parent, after_fork_in_child);
}

LeakCheckThreadStack::LeakCheckThreadStack() {
  pthread_attr_t attributes;
  if (pthread_getattr_np(pthread_self(), &attributes) != 0) return;
  void* low = nullptr;
  size_t size = 0;
  pthread_attr_getstack(&attributes, &low, &size);
  pthread_attr_destroy(&attributes);
  ThreadStacks& stacks = thread_stacks();
  std::lock_guard<std::mutex> guard(stacks.mutex);
  stacks.list.push_back({pthread_self(), static_cast<char*>(low), size});
}

LeakCheckThreadStack::~LeakCheckThreadStack() {
  pthread_t self = pthread_self();
  ThreadStacks& stacks = thread_stacks();
  std::lock_guard<std::mutex> guard(stacks.mutex);
  std::erase_if(stacks.list, [self](const ThreadStack& stack) { return pthread_equal(stack.thread, self); });
}
#else
void install_leak_check_fork_hook() {}
LeakCheckThreadStack::LeakCheckThreadStack() {}
LeakCheckThreadStack::~LeakCheckThreadStack() {}
#endif

}  // namespace chaipy
