// LeakSanitizer support: registers the main thread's stack as a root in children forked from other threads.
#include "runtime/leak_check.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define CHAIPY_LEAK_CHECK 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CHAIPY_LEAK_CHECK 1
#endif
#endif

#ifdef CHAIPY_LEAK_CHECK
#include <pthread.h>
#include <sanitizer/lsan_interface.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdio>
#include <cstring>
#endif

namespace chaipy {

#ifdef CHAIPY_LEAK_CHECK
namespace {

// Set in the parent just before fork() (by the forking thread), read in the child; in the child
// the forking thread has become the main one, so it must be asked before.
bool forking_from_main_thread = true;

// The main thread is the one whose id is the process id.
void note_forking_thread() { forking_from_main_thread = gettid() == getpid(); }

// In the child: the kernel names the main thread's stack mapping "[stack]" in /proc/self/maps.
void register_main_stack_in_child() {
  if (forking_from_main_thread) return;
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

}  // namespace

void install_leak_check_fork_hook() { pthread_atfork(note_forking_thread, nullptr, register_main_stack_in_child); }
#else
void install_leak_check_fork_hook() {}
#endif

}  // namespace chaipy
