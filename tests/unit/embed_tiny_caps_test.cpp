// Embedding API test: the script tests run under memory caps just above what the interpreter already uses: every failed allocation must end in a MemoryError (or the script's own error), never a crash, and the interpreter must stay usable.
#include <gtest/gtest.h>

#include <algorithm>
#include <chaipy/chaipy.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

// Scripts that start threads or processes, touch files or wait for input are left out: under a
// tiny cap they test the host machine more than the interpreter.
bool runs_alone(const std::string& source) {
  for (const char* marker : {"thread", "multiprocessing", "subprocess", "concurrent", "import os", "from os",
                             "signal", "open(", "input(", "stdin", "time.sleep", "socket", "select"})
    if (source.find(marker) != std::string::npos) return false;
  return true;
}

std::vector<std::filesystem::path> script_tests() {
  std::vector<std::filesystem::path> scripts;
  for (const char* dir : {"lang", "types", "builtins", "errors", "stdlib", "modules"})
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(CHAIPY_SCRIPTS_DIR) / dir))
      if (entry.path().extension() == ".py" && entry.path().filename().string().rfind("helper_", 0) != 0)
        scripts.push_back(entry.path());
  std::sort(scripts.begin(), scripts.end());
  return scripts;
}

TEST(EmbedTinyCaps, ScriptTestsNeverCrashUnderTinyCaps) {
  size_t scripts_run = 0, memory_errors = 0;
  for (const auto& path : script_tests()) {
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    std::string source = text.str();
    if (!runs_alone(source)) continue;
    ++scripts_run;
    for (size_t headroom : {0ul, 1ul << 10, 4ul << 10, 16ul << 10, 64ul << 10, 256ul << 10, 1ul << 20}) {
      chaipy::Options options;
      options.stdout_callback = [](std::string_view) {};
      options.stderr_callback = [](std::string_view) {};
      chaipy::Interpreter vm(options);
      vm.set_memory_limit(vm.memory_used() + headroom);
      try {
        vm.exec(source, path.string());
      } catch (const chaipy::Error& error) {
        if (error.type_name() == "MemoryError") ++memory_errors;
      }
      vm.set_memory_limit(0);
      EXPECT_EQ(vm.eval("sum(range(10))").cast<int>(), 45) << path << " with " << headroom << " bytes of headroom";
    }
  }
  EXPECT_GT(scripts_run, 100u);
  EXPECT_GT(memory_errors, scripts_run);  // the caps did bite
}

// Every allocation of a class statement fails in turn as the headroom grows a few bytes at a
// time (the bases tuple of __build_class__ once went unchecked and crashed).
TEST(EmbedTinyCaps, ClassStatementsFailCleanlyAtEveryAllocation) {
  size_t memory_errors = 0;
  for (size_t headroom = 0; headroom <= 6000; headroom += 8) {
    chaipy::Options options;
    options.stderr_callback = [](std::string_view) {};
    chaipy::Interpreter vm(options);
    vm.exec("class Meta(type):\n    pass\nclass Base:\n    def __init_subclass__(cls, **options): pass\n");
    vm.set_memory_limit(vm.memory_used() + headroom);
    try {
      vm.exec("class A(Base, metaclass=Meta, flag=1):\n    x = 1\n    def f(self): return super()\n"
              "class B(A):\n    pass\n");
    } catch (const chaipy::Error& error) {
      if (error.type_name() == "MemoryError") ++memory_errors;
    }
    vm.set_memory_limit(0);
    EXPECT_EQ(vm.eval("sum(range(10))").cast<int>(), 45) << "with " << headroom << " bytes of headroom";
  }
  EXPECT_GT(memory_errors, 10u);
}

}  // namespace
