// The interactive REPL: readline input with history and completion, continuation of incomplete statements, echo of results, tracebacks, Ctrl-C and Ctrl-D.
#include "interpreter/repl.hpp"

#include <poll.h>
#include <pwd.h>
#include <readline/history.h>
#include <readline/readline.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/lexer.hpp"
#include "interpreter/parser.hpp"
#include "interpreter/vm.hpp"
#include "runtime/builtin_types.hpp"
#include "runtime/errors.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/function.hpp"
#include "runtime/gil.hpp"
#include "runtime/import.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/protocols.hpp"
#include "stdlib/io.hpp"
#include "stdlib/sys.hpp"

namespace chaipy {
namespace {

// ---- Tab completion, with the semantics of CPython's rlcompleter -----------------------------

// keyword.kwlist + keyword.softkwlist of CPython 3.11, in that order.
const char* const keywords[] = {
    "False",  "None",   "True",    "and",      "as",       "assert", "async",  "await", "break",
    "class",  "continue", "def",   "del",      "elif",     "else",   "except", "finally", "for",
    "from",   "global", "if",      "import",   "in",       "is",     "lambda", "nonlocal", "not",
    "or",     "pass",   "raise",   "return",   "try",      "while",  "with",   "yield",  "_",
    "case",   "match",
};

// What rlcompleter appends to a keyword: ':' after the ones a colon must follow, nothing after
// the ones that stand alone, a space after the rest.
std::string keyword_completion(std::string_view word) {
  if (word == "finally" || word == "try") return std::string(word) + ":";
  for (const char* alone : {"False", "None", "True", "break", "continue", "pass", "else", "_"})
    if (word == alone) return std::string(word);
  return std::string(word) + " ";
}

// inspect.signature(value).parameters is empty: only known for script functions and methods
// bound to them (natives carry no signature).
bool takes_no_parameters(Value value) {
  int bound = 0;
  if (value.is_object() && type_of(value) == &bound_method_type) {
    value = value.as<BoundMethodObject>()->function;
    bound = 1;
  }
  if (!is_function(value)) return false;
  const CodeUnit& unit = *value.as<FunctionObject>()->code.as<CodeObject>()->unit;
  if (unit.flags & (code_varargs | code_varkeywords)) return false;
  return int(unit.argcount + unit.kwonly_argcount) == bound;
}

// rlcompleter's _callable_postfix: "name(" for callables, "name()" when they take nothing.
std::string callable_postfix(Value value, std::string word) {
  if (type_of(value)->call == nullptr) return word;
  return word + (takes_no_parameters(value) ? "()" : "(");
}

bool starts_with(std::string_view word, std::string_view prefix) { return word.substr(0, prefix.size()) == prefix; }

// Completions of a plain name: keywords, then the globals, then the builtins.
std::vector<std::string> global_matches(Value globals, std::string_view text) {
  std::vector<std::string> matches;
  std::set<std::string, std::less<>> seen = {"__builtins__"};
  for (const char* word : keywords) {
    if (!starts_with(word, text)) continue;
    seen.insert(word);
    matches.push_back(keyword_completion(word));
  }
  for (Value names : {globals, current_interpreter().builtins}) {
    size_t position = 0;
    Value key, value;
    while (dict_next(names, position, key, value)) {
      if (!is_str(key)) continue;
      std::string_view word = str_view(key);
      if (!starts_with(word, text) || seen.count(word)) continue;
      seen.insert(std::string(word));
      matches.push_back(callable_postfix(value, std::string(word)));
    }
  }
  return matches;
}

bool is_word_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Adds the strings of an iterable (dir()'s list) to `words`; false with an error pending.
bool add_names(Value iterable, std::set<std::string>& words) {
  Ref iterator = get_iter(iterable);
  if (!iterator) return false;
  while (Ref item = iter_next(*iterator))
    if (is_str(*item)) words.insert(std::string(str_view(*item)));
  return !error_pending();
}

// rlcompleter's get_class_members: dir() of the class and of its bases, recursively.
bool add_class_members(Value klass, std::set<std::string>& words) {
  Ref dir_function = Ref::borrow(dict_get_str(current_interpreter().builtins, "dir"));
  Ref names = dir_function ? call1(*dir_function, klass) : Ref();
  if (!names || !add_names(*names, words)) return false;
  Ref bases = get_attr(klass, "__bases__");
  if (!bases) {
    clear_error();
    return true;
  }
  Ref iterator = get_iter(*bases);
  if (!iterator) return false;
  while (Ref base = iter_next(*iterator))
    if (!add_class_members(*base, words)) return false;
  return !error_pending();
}

// Completions of "NAME.NAME...NAME.prefix": the object named before the last dot is looked up
// (names and attributes only, never calls) and its attributes offered, as rlcompleter does.
// Errors leave no completions.
std::vector<std::string> attribute_matches(Value globals, std::string_view text) {
  size_t last_dot = text.rfind('.');
  std::string_view expression = text.substr(0, last_dot), attribute = text.substr(last_dot + 1);
  // rlcompleter's pattern: (\w+(\.\w+)*)\.(\w*) anchored at the start.
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    size_t dot = expression.find('.', start);
    std::string_view part = expression.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (part.empty() || !std::all_of(part.begin(), part.end(), is_word_character)) return {};
    parts.push_back(part);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  size_t attribute_end = 0;
  while (attribute_end < attribute.size() && is_word_character(attribute[attribute_end])) ++attribute_end;
  attribute = attribute.substr(0, attribute_end);

  Value first = dict_get_str(globals, parts[0]);
  if (!first) first = dict_get_str(current_interpreter().builtins, parts[0]);
  if (!first) return {};
  Ref object = Ref::borrow(first);
  for (size_t i = 1; i < parts.size() && object; ++i) object = get_attr(*object, std::string(parts[i]).c_str());
  if (!object) return {};

  std::set<std::string> words;
  Ref dir_function = Ref::borrow(dict_get_str(current_interpreter().builtins, "dir"));
  Ref names = dir_function ? call1(*dir_function, *object) : Ref();
  if (!names || !add_names(*names, words)) return {};
  words.erase("__builtins__");
  words.insert("__class__");
  if (!add_class_members(Value(type_of(*object)), words)) return {};

  // Names starting with '_' (then '__') are offered only when nothing else matches.
  std::string no_prefix = attribute.empty() ? "_" : attribute == "_" ? "__" : "";
  std::vector<std::string> matches;
  for (;;) {
    for (const std::string& word : words) {
      if (!starts_with(word, attribute)) continue;
      if (!no_prefix.empty() && word.compare(0, attribute.size() + 1, no_prefix) == 0) continue;
      std::string match = std::string(expression) + "." + word;
      Ref on_type = get_attr(Value(type_of(*object)), word.c_str());
      if (!on_type) clear_error();
      if (on_type && type_of(*on_type) == &property_type) {
        matches.push_back(match);
        continue;
      }
      Ref value = get_attr(*object, word.c_str());
      if (!value) clear_error();
      matches.push_back(value && !(*value).is_none() ? callable_postfix(*value, match) : match);
    }
    if (!matches.empty() || no_prefix.empty()) break;
    no_prefix = no_prefix == "_" ? "__" : "";
  }
  std::sort(matches.begin(), matches.end());
  return matches;
}

// ---- The session ------------------------------------------------------------------------------

struct Session {
  Value globals;
  std::string history_path;
  // The line readline's callback interface handed over, and whether it came (null: EOF).
  bool line_ready = false;
  bool end_of_input = false;
  std::string line;
  std::vector<std::string> completions;  // for the current completion attempt
  size_t next_completion = 0;
};

Session* active_session = nullptr;  // readline's callbacks are plain functions

void take_line(char* text) {
  // Removing the handler here keeps readline from printing the prompt again (as CPython does).
  rl_callback_handler_remove();
  active_session->line_ready = true;
  active_session->end_of_input = text == nullptr;
  active_session->line = text ? text : "";
  free(text);
}

char* next_completion(const char*, int) {
  Session& session = *active_session;
  if (session.next_completion >= session.completions.size()) return nullptr;
  return strdup(session.completions[session.next_completion++].c_str());
}

char** complete(const char* text, int, int) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  std::string_view word = text;
  Session& session = *active_session;
  session.completions.clear();
  if (word.find_first_not_of(" \t") == std::string_view::npos) {  // TAB in front of nothing indents, as in CPython
    rl_insert_text("\t");
    session.completions.push_back("");  // one empty match: readline neither rings nor lists
  } else {
    Ref pending = fetch_error();
    session.completions = word.find('.') != std::string_view::npos ? attribute_matches(session.globals, word)
                                                                    : global_matches(session.globals, word);
    clear_error();
    if (pending) restore_error(std::move(pending));
  }
  session.next_completion = 0;
  rl_completion_append_character = '\0';
  return rl_completion_matches(text, next_completion);
}

std::string history_file_path() {
  const char* home = getenv("HOME");
  if (!home || !*home) {
    struct passwd* user = getpwuid(getuid());
    home = user ? user->pw_dir : nullptr;
  }
  return home ? std::string(home) + "/.chaipy_history" : std::string();
}

void set_up_readline(Session& session) {
  rl_readline_name = "chaipy";
  rl_catch_signals = 0;  // SIGINT stays with chaipy's handler; the read loop below reacts to it
  // Prompts and echo go where the person is: stderr when stdout is redirected, as in CPython.
  if (!isatty(STDOUT_FILENO)) rl_outstream = stderr;
  rl_attempted_completion_function = complete;
  // CPython's delimiters: '.' is not one, so "math.sq" is completed as a whole.
  static char word_breaks[] = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
  rl_completer_word_break_characters = word_breaks;
  using_history();
  session.history_path = history_file_path();
  if (!session.history_path.empty()) read_history(session.history_path.c_str());  // silent when absent
}

void save_history(const Session& session) {
  if (!session.history_path.empty()) write_history(session.history_path.c_str());  // silent on failure
}

// Adds a typed line to the history unless it is empty or repeats the previous entry.
void remember(const std::string& line) {
  if (line.empty()) return;
  HIST_ENTRY* last = history_length > 0 ? history_get(history_base + history_length - 1) : nullptr;
  if (last && line == last->line) return;
  add_history(line.c_str());
}

enum class ReadOutcome { line, end_of_input, interrupted };

// Reads one line with `prompt`. Waits for keys without the GIL, so threads started from the
// prompt keep running. A signal that arrives meanwhile runs its handler; SIGINT (Ctrl-C)
// without a Python handler abandons the line: `interrupted` with KeyboardInterrupt pending.
ReadOutcome read_line(Session& session, const char* prompt) {
  flush_std_streams();
  session.line_ready = false;
  rl_callback_handler_install(prompt, take_line);
  // SIGINT is blocked except inside ppoll, so one that comes between the check and the wait
  // still interrupts the wait.
  sigset_t interrupt, unblocked;
  sigemptyset(&interrupt);
  sigaddset(&interrupt, SIGINT);
  pthread_sigmask(SIG_BLOCK, &interrupt, &unblocked);
  sigdelset(&unblocked, SIGINT);
  ReadOutcome outcome = ReadOutcome::line;
  while (!session.line_ready) {
    if (!check_signals(thread_state())) {
      rl_free_line_state();
      rl_callback_sigcleanup();
      rl_cleanup_after_signal();
      rl_callback_handler_remove();
      outcome = ReadOutcome::interrupted;
      break;
    }
    int ready;
    {
      ReleaseGil unlocked;
      pollfd input = {STDIN_FILENO, POLLIN, 0};
      ready = ppoll(&input, 1, nullptr, &unblocked);
    }
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) {
      rl_callback_handler_remove();
      outcome = ReadOutcome::end_of_input;
      break;
    }
    rl_callback_read_char();
  }
  pthread_sigmask(SIG_UNBLOCK, &interrupt, nullptr);
  if (outcome == ReadOutcome::line && session.end_of_input) outcome = ReadOutcome::end_of_input;
  return outcome;
}

// Empty lines and comments: CPython's REPL reads past them and prompts again.
bool is_blank_input(const std::string& source) {
  TokenStream stream = tokenize(source, "<stdin>");
  return !stream.error && stream.tokens.size() == 1 && stream.tokens[0].type == TokenType::EndMarker;
}

// What CPython's PyErr_Print does in the REPL: remembers the exception as sys.last_type,
// sys.last_value and sys.last_traceback, then shows it with sys.excepthook.
void show_exception() {
  Ref exception = fetch_error();
  if (!exception) return;
  auto* details = exception.as<BaseExceptionObject>();
  Value traceback = details->traceback ? details->traceback : Value::none();
  Value sys = current_interpreter().sys_module;
  if (sys && (set_attr(sys, str_intern("last_type"), Value(type_of(*exception))) < 0 ||
              set_attr(sys, str_intern("last_value"), *exception) < 0 ||
              set_attr(sys, str_intern("last_traceback"), traceback) < 0))
    clear_error();
  Value hook = sys_attribute("excepthook");
  if (hook) {
    Value args[] = {Value(type_of(*exception)), *exception, traceback};
    if (call(hook, args, 3)) return;
    clear_error();
  }
  print_exception_to_stderr(*exception);
}

// Compiles one complete statement in "single" mode and runs it. False with SystemExit pending.
bool run_statement(Session& session, const std::string& source) {
  Ref code = compile_to_code(source, "<stdin>", int(ParseMode::Single));
  Ref result = code ? run_code(*code, session.globals, session.globals) : Ref();
  if (result) return true;
  if (error_matches(&SystemExit_type)) return false;
  show_exception();
  return true;
}

// sys.ps1 / sys.ps2 as text (the defaults when unset or when str() fails), as CPython prompts.
std::string prompt(const char* name, const char* fallback) {
  Value sys = current_interpreter().sys_module;
  Ref value = sys ? get_attr(sys, name) : Ref();
  Ref text = value ? object_str(*value) : Ref();
  if (!text) {
    clear_error();
    return fallback;
  }
  return std::string(str_view(*text));
}

// CPython's interactive loop sets sys.ps1 and sys.ps2 when the user has not.
void set_default_prompts() {
  Value sys = current_interpreter().sys_module;
  if (!sys) return;
  for (auto [name, text] : {std::pair{"ps1", ">>> "}, std::pair{"ps2", "... "}}) {
    Value key = str_intern(name);  // immortal
    if (has_attr(sys, key) == 1) continue;
    Ref value = str_new(text);
    if (!value || set_attr(sys, key, *value) < 0) clear_error();
  }
  clear_error();
}

void print_banner() {
  fprintf(stderr, "chaipy %s (Python 3.11 subset) on linux\nType \"exit()\" or press Ctrl-D (i.e. EOF) to leave.\n",
          CHAIPY_VERSION);
}

// Writes "\nKeyboardInterrupt\n" as CPython does when Ctrl-C abandons the line being typed.
void report_abandoned_line() {
  Ref exception = fetch_error();
  if (exception && !is_subtype(type_of(*exception), &KeyboardInterrupt_type)) {
    restore_error(std::move(exception));
    show_exception();
    return;
  }
  Value err = sys_stderr();
  Ref text = str_new("\nKeyboardInterrupt\n");
  if (!err || !call_method(err, "write", text.ptr(), 1)) {
    clear_error();
    fputs("\nKeyboardInterrupt\n", stderr);
  }
}

}  // namespace

bool run_repl(Value globals) {
  Session session;
  session.globals = globals;
  active_session = &session;
  set_up_readline(session);
  print_banner();
  set_default_prompts();
  std::string buffer;  // the lines of the statement typed so far
  bool finished = true;
  for (;;) {
    std::string shown = buffer.empty() ? prompt("ps1", ">>> ") : prompt("ps2", "... ");
    ReadOutcome outcome = read_line(session, shown.c_str());
    if (outcome == ReadOutcome::interrupted) {
      if (error_matches(&SystemExit_type)) {  // a SIGINT handler called sys.exit()
        finished = false;
        break;
      }
      buffer.clear();
      report_abandoned_line();
      continue;
    }
    if (outcome == ReadOutcome::end_of_input) {
      if (buffer.empty()) {
        fputs("\n", stdout);
        break;
      }
      // Ctrl-D on a continuation line ends the statement, like an empty line.
      fputs("\n", stdout);
      buffer += "\n";
    } else {
      remember(session.line);
      buffer += session.line;
      buffer += "\n";
      if (is_blank_input(buffer)) {
        buffer.clear();
        continue;
      }
      if (is_incomplete_input(buffer)) continue;
    }
    std::string source;
    source.swap(buffer);
    if (!run_statement(session, source)) {
      finished = false;
      break;
    }
  }
  fflush(stdout);
  save_history(session);
  active_session = nullptr;
  return finished;
}

}  // namespace chaipy
