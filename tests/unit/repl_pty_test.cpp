// Tests of the REPL as a person uses it: chaipy started on a pseudo-terminal, keys typed, the screen read back.
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// What a terminal shows for the bytes written to it: lines of text, a cursor that '\r', '\n' and
// '\b' move, characters that overwrite. Escape sequences and the bell change nothing we check.
class Screen {
 public:
  void feed(std::string_view bytes) {
    for (size_t i = 0; i < bytes.size(); ++i) {
      char c = bytes[i];
      if (c == '\x1b') {
        i = end_of_escape(bytes, i);
      } else if (c == '\r') {
        column_ = 0;
      } else if (c == '\n') {
        lines_.emplace_back();
        column_ = 0;
      } else if (c == '\b') {
        if (column_ > 0) --column_;
      } else if (c != '\a') {
        std::string& line = lines_.back();
        if (column_ < line.size()) line[column_] = c;
        else line.append(column_ - line.size(), ' ').push_back(c);
        ++column_;
      }
    }
  }

  // The screen as text: its lines joined with '\n' (a prompt keeps its trailing blank).
  std::string text() const {
    std::string out;
    for (size_t i = 0; i < lines_.size(); ++i) {
      out.append(lines_[i]);
      if (i + 1 < lines_.size()) out.push_back('\n');
    }
    return out;
  }

 private:
  // CSI ("\x1b[...letter") and OSC ("\x1b]...\a") sequences, or a two-byte escape.
  static size_t end_of_escape(std::string_view bytes, size_t start) {
    size_t i = start + 1;
    if (i >= bytes.size()) return i;
    if (bytes[i] == '[') {
      while (++i < bytes.size() && !(bytes[i] >= '@' && bytes[i] <= '~')) {}
      return i;
    }
    if (bytes[i] == ']') {
      while (++i < bytes.size() && bytes[i] != '\a') {}
      return i;
    }
    return i;
  }

  std::vector<std::string> lines_{std::string()};
  size_t column_ = 0;
};

// A fresh HOME for one test, removed with everything in it afterwards.
class TemporaryHome {
 public:
  TemporaryHome() {
    std::string pattern = (std::filesystem::temp_directory_path() / "chaipy_repl_XXXXXX").string();
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TemporaryHome() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }
  std::string history_file() const { return path_ + "/.chaipy_history"; }

 private:
  std::string path_;
};

// chaipy with no arguments on a pseudo-terminal of 80x24 (TERM=dumb, no inputrc).
class ReplOnTerminal {
 public:
  explicit ReplOnTerminal(const std::string& home) {
    struct winsize size = {24, 80, 0, 0};
    pid_ = forkpty(&master_, nullptr, nullptr, &size);
    if (pid_ == 0) {
      setenv("HOME", home.c_str(), 1);
      setenv("TERM", "dumb", 1);
      setenv("INPUTRC", "/dev/null", 1);
      execl(CHAIPY_BINARY, "chaipy", static_cast<char*>(nullptr));
      _exit(127);
    }
  }

  ~ReplOnTerminal() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) close(master_);
  }

  bool started() const { return pid_ > 0; }

  void type(std::string_view keys) { ASSERT_EQ(write(master_, keys.data(), keys.size()), ssize_t(keys.size())); }

  // Waits until `text` is on the screen after what earlier waits matched (a prompt matched once
  // is not matched again); the next wait searches after it. Fails the test (returning false) when it does not come in time.
  bool wait_for(std::string_view text, std::chrono::milliseconds timeout = 5s) {
    auto deadline = Clock::now() + timeout;
    for (;;) {
      std::string shown = screen_.text();
      size_t found = shown.find(text, matched_);
      if (found != std::string::npos) {
        matched_ = found + text.size();
        return true;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left <= 0ms || !read_some(left)) {
        ADD_FAILURE() << "waited for \"" << text << "\"; the screen shows:\n" << shown;
        return false;
      }
    }
  }

  // The exit status once chaipy has ended (reading the terminal meanwhile), -1 after a timeout.
  int wait_exit(std::chrono::milliseconds timeout = 5s) {
    auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      int status;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        while (read_some(50ms)) {}
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      read_some(20ms);
    }
    ADD_FAILURE() << "chaipy did not exit; the screen shows:\n" << screen_.text();
    return -1;
  }

  std::string screen() const { return screen_.text(); }

 private:
  // Reads what chaipy wrote within `timeout`; false when nothing came (or the terminal closed).
  bool read_some(std::chrono::milliseconds timeout) {
    pollfd ready = {master_, POLLIN, 0};
    if (poll(&ready, 1, int(timeout.count())) <= 0) return false;
    char bytes[4096];
    ssize_t count = read(master_, bytes, sizeof bytes);
    if (count <= 0) return false;
    screen_.feed(std::string_view(bytes, size_t(count)));
    return true;
  }

  pid_t pid_ = -1;
  int master_ = -1;
  bool exited_ = false;
  Screen screen_;
  size_t matched_ = 0;
};

std::string read_file(const std::string& path) {
  std::ifstream file(path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

class ReplPty : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(home.path().empty());
    if (!repl.started()) GTEST_SKIP() << "no pseudo-terminal available (forkpty failed)";
    ASSERT_TRUE(repl.wait_for("chaipy " CHAIPY_VERSION " (Python 3.11 subset) on linux\n"));
    ASSERT_TRUE(repl.wait_for(">>> "));
  }

  TemporaryHome home;
  ReplOnTerminal repl{home.path()};
};

TEST_F(ReplPty, EchoesExpressionResultsAndKeepsTheLastInUnderscore) {
  repl.type("6 * 7\r");
  ASSERT_TRUE(repl.wait_for("6 * 7\n42\n>>> "));
  repl.type("None\r");  // None is not echoed
  ASSERT_TRUE(repl.wait_for("None\n>>> "));
  repl.type("_ + 1\r");
  ASSERT_TRUE(repl.wait_for("_ + 1\n43\n>>> "));
  repl.type("x = 'not echoed'\r");
  ASSERT_TRUE(repl.wait_for("x = 'not echoed'\n>>> "));
  repl.type("\x04");
  EXPECT_EQ(repl.wait_exit(), 0);
}

TEST_F(ReplPty, MultiLineDefinitionContinuesUntilAnEmptyLine) {
  repl.type("def square(x):\r");
  ASSERT_TRUE(repl.wait_for("def square(x):\n... "));
  repl.type("    return x * x\r");
  ASSERT_TRUE(repl.wait_for("    return x * x\n... "));
  repl.type("\r");
  ASSERT_TRUE(repl.wait_for("\n>>> "));
  repl.type("square(12)\r");
  ASSERT_TRUE(repl.wait_for("square(12)\n144\n>>> "));
  repl.type("@staticmethod\r");
  ASSERT_TRUE(repl.wait_for("@staticmethod\n... "));
  repl.type("def f(): pass\r");
  ASSERT_TRUE(repl.wait_for("def f(): pass\n... "));
  repl.type("\r");
  ASSERT_TRUE(repl.wait_for(">>> "));
}

TEST_F(ReplPty, UnfinishedBracketsStringsAndBackslashesContinue) {
  repl.type("[1,\r");
  ASSERT_TRUE(repl.wait_for("[1,\n... "));
  repl.type("2]\r");
  ASSERT_TRUE(repl.wait_for("2]\n[1, 2]\n>>> "));
  repl.type("'''a\r");
  ASSERT_TRUE(repl.wait_for("'''a\n... "));
  repl.type("b'''\r");
  ASSERT_TRUE(repl.wait_for("b'''\n'a\\nb'\n>>> "));
  repl.type("1 + \\\r");
  ASSERT_TRUE(repl.wait_for("1 + \\\n... "));
  repl.type("2\r");
  ASSERT_TRUE(repl.wait_for("2\n3\n>>> "));
}

TEST_F(ReplPty, ErrorsPrintATracebackAndTheSessionGoesOn) {
  repl.type("1 / 0\r");
  ASSERT_TRUE(repl.wait_for("1 / 0\n"
                            "Traceback (most recent call last):\n"
                            "  File \"<stdin>\", line 1, in <module>\n"
                            "ZeroDivisionError: division by zero\n>>> "));
  repl.type("1 +\r");
  ASSERT_TRUE(repl.wait_for("1 +\n  File \"<stdin>\", line 1\n    1 +\n       ^\nSyntaxError: invalid syntax\n>>> "));
  repl.type("'still here'\r");
  ASSERT_TRUE(repl.wait_for("'still here'\n>>> "));
}

TEST_F(ReplPty, TabCompletesNamesAndAttributes) {
  repl.type("pri\t");
  ASSERT_TRUE(repl.wait_for("print("));
  repl.type("'hi')\r");
  ASSERT_TRUE(repl.wait_for("\nhi\n>>> "));
  repl.type("import math\r");
  ASSERT_TRUE(repl.wait_for(">>> "));
  repl.type("math.sq\t");
  ASSERT_TRUE(repl.wait_for("math.sqrt("));
  repl.type("16)\r");
  ASSERT_TRUE(repl.wait_for("\n4.0\n>>> "));
  repl.type("answer_value = 42\r");
  ASSERT_TRUE(repl.wait_for(">>> "));
  repl.type("answer_v\t\r");  // a global; the keyword "try" completes with its colon
  ASSERT_TRUE(repl.wait_for("answer_value\n42\n>>> "));
  repl.type("tr\t");
  ASSERT_TRUE(repl.wait_for("try:"));
}

TEST_F(ReplPty, CtrlCCancelsTheLineBeingTyped) {
  repl.type("this line is abandoned");
  ASSERT_TRUE(repl.wait_for("this line is abandoned"));
  repl.type("\x03");
  ASSERT_TRUE(repl.wait_for("\nKeyboardInterrupt\n>>> "));
  repl.type("if True:\r");
  ASSERT_TRUE(repl.wait_for("... "));
  repl.type("\x03");  // also drops the lines of an unfinished block
  ASSERT_TRUE(repl.wait_for("\nKeyboardInterrupt\n>>> "));
  repl.type("'next'\r");
  ASSERT_TRUE(repl.wait_for("'next'\n>>> "));
}

TEST_F(ReplPty, CtrlCInterruptsRunningCode) {
  repl.type("while True: pass\r");
  ASSERT_TRUE(repl.wait_for("while True: pass\n... "));
  repl.type("\r");
  ASSERT_TRUE(repl.wait_for("\n"));
  std::this_thread::sleep_for(200ms);  // the loop is running now
  repl.type("\x03");
  ASSERT_TRUE(repl.wait_for("Traceback (most recent call last):\n"
                            "  File \"<stdin>\", line 1, in <module>\n"
                            "KeyboardInterrupt\n>>> "));
  repl.type("import time; time.sleep(30)\r");
  ASSERT_TRUE(repl.wait_for("time.sleep(30)\n"));
  std::this_thread::sleep_for(200ms);
  repl.type("\x03");
  ASSERT_TRUE(repl.wait_for("KeyboardInterrupt\n>>> "));
  repl.type("'alive'\r");
  ASSERT_TRUE(repl.wait_for("'alive'\n>>> "));
}

TEST_F(ReplPty, UpArrowRecallsHistoryWhichIsSavedForTheNextSession) {
  repl.type("40 + 2\r");
  ASSERT_TRUE(repl.wait_for("40 + 2\n42\n>>> "));
  repl.type("\x1b[A");
  ASSERT_TRUE(repl.wait_for("40 + 2"));
  repl.type("\r");
  ASSERT_TRUE(repl.wait_for("\n42\n>>> "));
  repl.type("\x04");
  ASSERT_EQ(repl.wait_exit(), 0);
  EXPECT_EQ(read_file(home.history_file()), "40 + 2\n");  // a repeated line is kept once

  ReplOnTerminal next(home.path());
  ASSERT_TRUE(next.wait_for(">>> "));
  next.type("\x1b[A");
  ASSERT_TRUE(next.wait_for("40 + 2"));
  next.type("\r");
  ASSERT_TRUE(next.wait_for("\n42\n>>> "));
  next.type("\x04");
  EXPECT_EQ(next.wait_exit(), 0);
}

TEST_F(ReplPty, CtrlDExitsWithStatusZeroAfterAtexitFunctions) {
  repl.type("import atexit\r");
  ASSERT_TRUE(repl.wait_for(">>> "));
  repl.type("_ = atexit.register(print, 'atexit ran')\r");
  ASSERT_TRUE(repl.wait_for(">>> "));
  repl.type("\x04");
  EXPECT_EQ(repl.wait_exit(), 0);
  EXPECT_NE(repl.screen().find("\natexit ran"), std::string::npos) << repl.screen();
}

TEST_F(ReplPty, ExitCallEndsTheSessionWithItsStatus) {
  repl.type("exit(3)\r");
  EXPECT_EQ(repl.wait_exit(), 3);
}

}  // namespace
