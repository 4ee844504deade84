// The chaipy command line: runs a script, -c code or stdin, disassembles with --dis, or starts the REPL.
#include <unistd.h>

#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "interpreter/compiler.hpp"
#include "interpreter/disassembler.hpp"
#include "interpreter/repl.hpp"
#include "interpreter/vm.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/gil.hpp"
#include "runtime/import.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "stdlib/io.hpp"
#include "stdlib/sys.hpp"

using namespace chaipy;

namespace {

const char* const usage_text =
    "usage: chaipy [option] ... [-c cmd | file | -] [arg] ...\n"
    "Options:\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "-X gilstats\n"
    "       : at exit, print a table of GIL use per thread to stderr\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONUNBUFFERED)\n"
    "-I     : isolate from the user's environment: -E, and neither the script's\n"
    "         directory nor the current one is put at the front of sys.path\n"
    "-u     : force the stdout and stderr streams to be unbuffered\n"
    "-B, -s, -S\n"
    "       : accepted for compatibility with CPython; no effect\n"
    "--dis  : print the bytecode of every code object of the file and exit\n"
    "--gil-trace FILE\n"
    "       : at exit, write the GIL activity of every thread to FILE as a\n"
    "         Chrome trace (JSON)\n"
    "--gil-timeline FILE\n"
    "       : at exit, draw the GIL activity of every thread to FILE as SVG\n"
    "Arguments:\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

int usage_error(const std::string& message) {
  fprintf(stderr, "%s\nusage: chaipy [option] ... [-c cmd | file | -] [arg] ...\nTry `chaipy -h' for more information.\n",
          message.c_str());
  return 2;
}

std::string absolute_path(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) return path;
  std::string result = std::string(cwd) + "/" + path;
  // Normalise "./x" the way CPython's abspath does for the common case.
  while (result.find("/./") != std::string::npos) result.replace(result.find("/./"), 3, "/");
  return result;
}

// sys.executable: the binary actually running (argv[0] may be a bare name found on PATH), so
// multiprocessing's spawn and subprocess can start this interpreter again.
std::string executable_path(const char* argv0) {
  char buffer[PATH_MAX];
  ssize_t length = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (length > 0) return std::string(buffer, size_t(length));
  return absolute_path(argv0);
}

std::string directory_of(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : path.substr(0, slash);
}

bool read_all(std::istream& in, std::string& out) {
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

// The exit status an uncaught SystemExit asks for (printing its message when it is not an int).
int system_exit_status(Value exception) {
  Value code = exception_attribute(exception, "code");
  if (!code || code.is_none()) return 0;
  int64_t status;
  if (is_int(code) && int_to_i64(code, status)) return int(status & 0xFF);
  Ref text = object_str(code);
  if (text) {
    Value err = sys_stderr();
    Ref line = str_new(std::string(str_view(*text)) + "\n");
    if (!err || !call_method(err, "write", line.ptr(), 1)) {
      clear_error();
      fprintf(stderr, "%s\n", std::string(str_view(*text)).c_str());
    }
  }
  clear_error();
  return 1;
}

// Reports the pending exception as CPython does at top level; returns the exit status.
// An uncaught KeyboardInterrupt ends the process by SIGINT, as CPython does, so a shell or a
// parent sees "killed by SIGINT" (status 130) rather than an ordinary error.
bool exit_by_sigint = false;

int report_uncaught() {
  Ref exception = fetch_error();
  if (!exception) return 1;
  if (is_subtype(type_of(*exception), &SystemExit_type)) return system_exit_status(*exception);
  if (is_subtype(type_of(*exception), &KeyboardInterrupt_type)) exit_by_sigint = true;
  Value hook = sys_attribute("excepthook");
  if (hook) {
    auto* e = exception.as<BaseExceptionObject>();
    Value args[] = {Value(type_of(*exception)), *exception, e->traceback ? e->traceback : Value::none()};
    if (call(hook, args, 3)) return 1;
    clear_error();
  }
  print_exception_to_stderr(*exception);
  return 1;
}

// Calls module.function() at exit when the script imported that module.
void run_exit_hook(Interpreter& interp, const char* module_name, const char* function_name) {
  Value module = dict_get_str(interp.modules, module_name);
  if (!module) return;
  Ref hook = get_attr(module, function_name);
  Ref done = hook ? call0(*hook) : Ref();
  if (!done) report_uncaught();
}

Ref make_main_module(const std::string& file) {
  Ref main_module = module_new("__main__");
  if (!main_module) return nullptr;
  Value dict = module_dict(*main_module);
  Interpreter& interp = current_interpreter();
  dict_set_str(dict, "__builtins__", interp.builtins_module);
  if (!file.empty()) {
    Ref path = str_new(file);
    dict_set_str(dict, "__file__", *path);
  }
  dict_set_str(interp.modules, "__main__", *main_module);
  return main_module;
}

int run_source(const std::string& source, const std::string& filename, const std::string& main_file) {
  // A script's own text, so its tracebacks need not read the file again; CPython shows no
  // source lines for -c and standard-input programs.
  if (!main_file.empty()) register_source(filename, source);
  Ref main_module = make_main_module(main_file);
  if (!main_module) return report_uncaught();
  Ref code = compile_to_code(source, filename, int(ParseMode::Exec));
  if (!code) return report_uncaught();
  Ref result = run_code(*code, module_dict(*main_module), module_dict(*main_module));
  if (!result) return report_uncaught();
  return 0;
}

int run_interactive() {
  Ref main_module = make_main_module("");
  if (!main_module) return report_uncaught();
  return run_repl(module_dict(*main_module)) ? 0 : report_uncaught();
}

int disassemble_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    fprintf(stderr, "chaipy: can't open file '%s': [Errno %d] %s\n", absolute_path(path).c_str(), errno, strerror(errno));
    return 2;
  }
  std::string source;
  read_all(file, source);
  auto compiled = compile_source(source, path, ParseMode::Exec);
  if (auto* error = std::get_if<SyntaxErrorInfo>(&compiled)) {
    raise_syntax_error(*error);
    return report_uncaught();
  }
  std::string text = disassemble(*std::get<std::shared_ptr<CodeUnit>>(compiled));
  fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string command, script;
  bool from_stdin = false, dis = false, gil_stats = false;
  bool unbuffered = false, ignore_environment = false, isolated = false;
  std::string gil_trace, gil_timeline;
  size_t rest = args.size();
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-c") {
      if (i + 1 >= args.size()) return usage_error("Argument expected for the -c option");
      command = args[i + 1];
      rest = i + 2;
      break;
    }
    if (a.size() > 2 && a.rfind("-c", 0) == 0) {
      command = a.substr(2);
      rest = i + 1;
      break;
    }
    if (a == "-h" || a == "--help" || a == "-?") {
      fputs(usage_text, stdout);
      return 0;
    }
    if (a == "-V" || a == "--version") {
      printf("chaipy %s (Python 3.11.2 compatible)\n", CHAIPY_VERSION);
      return 0;
    }
    if (a == "--dis") {
      dis = true;
      continue;
    }
    if (a == "-X" && i + 1 < args.size() && args[i + 1] == "gilstats") {
      gil_stats = true;
      ++i;
      continue;
    }
    if ((a == "--gil-trace" || a == "--gil-timeline") && i + 1 < args.size()) {
      (a == "--gil-trace" ? gil_trace : gil_timeline) = args[++i];
      continue;
    }
    if (a == "-") {
      from_stdin = true;
      rest = i + 1;
      break;
    }
    if (a == "-u") {
      unbuffered = true;
      continue;
    }
    if (a == "-E" || a == "-I") {  // -I: also no script directory (or '') at the front of sys.path
      ignore_environment = true;
      isolated = isolated || a == "-I";
      continue;
    }
    if (a == "-B" || a == "-S" || a == "-s") continue;  // accepted, no effect: no bytecode files, no site
    if (!a.empty() && a[0] == '-') return usage_error("Unknown option: " + a);
    script = a;
    rest = i + 1;
    break;
  }
  if (dis) {
    if (script.empty()) return usage_error("--dis needs a script file");
    return disassemble_file(script);
  }

  InterpreterConfig config;
  config.executable = executable_path(argv[0]);
  const char* unbuffered_variable = ignore_environment ? nullptr : getenv("PYTHONUNBUFFERED");
  config.unbuffered_stdio = unbuffered || (unbuffered_variable && *unbuffered_variable);
  std::string source, filename, main_file;
  if (!command.empty()) {
    config.argv.push_back("-c");
    if (!isolated) config.path_entries.push_back("");
    source = command;
    filename = "<string>";
  } else if (!script.empty()) {
    std::string absolute = absolute_path(script);
    std::ifstream file(script, std::ios::binary);
    if (!file) {
      fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", argv[0], absolute.c_str(), errno, strerror(errno));
      return 2;
    }
    read_all(file, source);
    config.argv.push_back(script);
    if (!isolated) config.path_entries.push_back(directory_of(absolute));
    filename = absolute;
    main_file = absolute;
  } else {
    config.argv.push_back(from_stdin ? "-" : "");
    if (!isolated) config.path_entries.push_back("");
    filename = "<stdin>";
  }
  for (size_t i = rest; i < args.size(); ++i) config.argv.push_back(args[i]);

  Interpreter* interp = interpreter_create(std::move(config));
  if (!interp) {
    fprintf(stderr, "chaipy: failed to start the interpreter\n");
    return 1;
  }
  install_signal_handlers(*interp);
  if (gil_stats || !gil_trace.empty() || !gil_timeline.empty()) gil_start_recording(*interp);
  int status;
  if (!command.empty() || !script.empty()) {
    status = run_source(source, filename, main_file);
  } else if (!from_stdin && isatty(0)) {
    status = run_interactive();
  } else {
    read_all(std::cin, source);
    status = run_source(source, filename, "");
  }
  // CPython's exit order: wait for the non-daemon threads, then the atexit functions.
  run_exit_hook(*interp, "threading", "_shutdown");
  run_exit_hook(*interp, "atexit", "_run_exitfuncs");
  if (gil_stats) gil_write_stats(*interp, std::cerr);
  if (!gil_trace.empty()) {
    std::ofstream out(gil_trace);
    gil_write_trace(*interp, out);
  }
  if (!gil_timeline.empty()) {
    std::ofstream out(gil_timeline);
    gil_write_timeline(*interp, out);
  }
  gil_begin_shutdown(*interp);
  interpreter_destroy(interp);
  fflush(stdout);
  if (exit_by_sigint && status == 1) {
    signal(SIGINT, SIG_DFL);
    sigset_t interrupt;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &interrupt, nullptr);
    kill(getpid(), SIGINT);
    return 130;
  }
  return status;
}
