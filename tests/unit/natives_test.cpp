// Unit tests of the natives: the builtins functions, file objects and the io module, and the math, time and os modules (expected values from CPython 3.11).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/import.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "stdlib/io.hpp"

namespace chaipy {
namespace {

class NativesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    InterpreterConfig config;
    config.argv = {"natives_test"};
    interp = interpreter_create(config);
  }
  static void TearDownTestSuite() { interpreter_destroy(interp); }
  void SetUp() override { ASSERT_NE(interp, nullptr); }

  // Runs `source` (with math, os, time and io imported) in a fresh module; its variable
  // `result` is returned as repr text, or the exception as "Type: message".
  static std::string run(const std::string& source) {
    Ref module = module_new("__natives_test__");
    Ref ok = exec_source_in_module("import math, os, time, io\n" + source, "<natives_test>", *module);
    if (!ok) {
      Ref error = fetch_error();
      std::string text = format_exception_only(*error);
      if (!text.empty() && text.back() == '\n') text.pop_back();
      return text;
    }
    Value result = dict_get_str(module_dict(*module), "result");
    if (!result) return "<no result>";
    Ref text = object_repr(result);
    return text ? std::string(str_view(*text)) : "<repr failed>";
  }
  static std::string eval(const std::string& expression) { return run("result = " + expression); }

  // A fresh scratch directory, removed with its files afterwards.
  struct ScratchDirectory {
    std::string path;
    ScratchDirectory() {
      char pattern[] = "/tmp/chaipy-natives-XXXXXX";
      path = mkdtemp(pattern);
    }
    ~ScratchDirectory() { std::system(("rm -rf " + path).c_str()); }
  };

  static Interpreter* interp;
};
Interpreter* NativesTest::interp = nullptr;

// ---- builtins ----

TEST_F(NativesTest, PrintBuildsOneLineAndHonoursSepEndFile) {
  EXPECT_EQ(run("f = io.StringIO()\nprint('a', 1, None, sep='-', end='!', file=f)\nresult = f.getvalue()"),
            "'a-1-None!'");
  EXPECT_EQ(run("f = io.StringIO()\nprint(file=f)\nprint(*range(3), file=f)\nresult = f.getvalue()"), "'\\n0 1 2\\n'");
  EXPECT_EQ(eval("print(1, sep=1)"), "TypeError: sep must be None or a string, not int");
  EXPECT_EQ(eval("print(1, foo=2)"), "TypeError: 'foo' is an invalid keyword argument for print()");
  EXPECT_EQ(eval("print.__name__"), "'print'");
}

TEST_F(NativesTest, MinMaxSumSorted) {
  EXPECT_EQ(eval("(min(3, 1, 2), max('hello'), max([1, 5, 3], key=lambda n: -n), min([], default='e'))"),
            "(1, 'o', 1, 'e')");
  EXPECT_EQ(eval("min([])"), "ValueError: min() arg is an empty sequence");
  EXPECT_EQ(eval("max()"), "TypeError: max expected at least 1 argument, got 0");
  EXPECT_EQ(eval("max(1, 2, default=0)"),
            "TypeError: Cannot specify a default for max() with multiple positional arguments");
  EXPECT_EQ(eval("(sum([1, 2, 3]), sum([0.1] * 10), sum([2 ** 64, 2 ** 64]), sum([[1], [2]], []), sum([1, 2.5]))"),
            "(6, 0.9999999999999999, 36893488147419103232, [1, 2], 3.5)");
  EXPECT_EQ(eval("(sum([1e100, 1.0, -1e100]), sum([True, True]), sum(range(5), start=10))"), "(0.0, 2, 20)");
  EXPECT_EQ(eval("sum(['a'], '')"), "TypeError: sum() can't sum strings [use ''.join(seq) instead]");
  EXPECT_EQ(eval("sorted([3, 1, 2], reverse=True)"), "[3, 2, 1]");
  EXPECT_EQ(eval("sorted(['bb', 'a', 'ccc'], key=len)"), "['a', 'bb', 'ccc']");
  EXPECT_EQ(eval("sorted([1], foo=3)"), "TypeError: 'foo' is an invalid keyword argument for sort()");
}

TEST_F(NativesTest, ConversionsAndCharacters) {
  EXPECT_EQ(eval("(hex(255), oct(-8), bin(5), hex(2 ** 70))"), "('0xff', '-0o10', '0b101', '0x400000000000000000')");
  EXPECT_EQ(eval("(chr(233), ord('\\u20ac'), ord(b'a'))"), "('é', 8364, 97)");
  EXPECT_EQ(eval("chr(0x110000)"), "ValueError: chr() arg not in range(0x110000)");
  EXPECT_EQ(eval("chr(2 ** 40)"), "OverflowError: Python int too large to convert to C int");
  EXPECT_EQ(eval("ord('ab')"), "TypeError: ord() expected a character, but string of length 2 found");
  EXPECT_EQ(eval("(ascii('é'), repr('x'), format(3.14159, '.2f'), format(5))"), "(\"'\\\\xe9'\", \"'x'\", '3.14', '5')");
  EXPECT_EQ(eval("format(1, 2)"), "TypeError: format() argument 2 must be str, not int");
}

TEST_F(NativesTest, ArithmeticBuiltins) {
  EXPECT_EQ(eval("(divmod(-7, 2), divmod(7.5, 2), divmod(10 ** 30, 7))"),
            "((-4, 1), (3.0, 1.5), (142857142857142857142857142857, 1))");
  EXPECT_EQ(eval("divmod(1.0, 0)"), "ZeroDivisionError: float divmod()");
  EXPECT_EQ(eval("divmod('a', 1)"), "TypeError: unsupported operand type(s) for divmod(): 'str' and 'int'");
  EXPECT_EQ(eval("(pow(2, 10), pow(3, 4, 5), pow(3, -1, 7), pow(base=2, exp=5))"), "(1024, 1, 5, 32)");
  EXPECT_EQ(eval("pow(2.0, 3, 5)"), "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
  EXPECT_EQ(eval("(round(2.5), round(2.675, 2), round(55, -1), abs(-3), abs(-2.5))"), "(2, 2.67, 60, 3, 2.5)");
  EXPECT_EQ(eval("round('x')"), "TypeError: type str doesn't define __round__ method");
}

TEST_F(NativesTest, IterationAndIntrospection) {
  EXPECT_EQ(run("it = iter([1, 2])\nresult = (next(it), next(it), next(it, 'done'))"), "(1, 2, 'done')");
  EXPECT_EQ(run("values = iter([5, 4, 0, 3])\nresult = list(iter(lambda: next(values), 0))"), "[5, 4]");
  EXPECT_EQ(eval("next(iter([]))"), "StopIteration");
  EXPECT_EQ(eval("iter(5, 0)"), "TypeError: iter(v, w): v must be callable");
  EXPECT_EQ(eval("(isinstance(1, (str, int)), issubclass(bool, int), callable(len), callable(1))"),
            "(True, True, True, False)");
  EXPECT_EQ(eval("issubclass(1, int)"), "TypeError: issubclass() arg 1 must be a class");
  EXPECT_EQ(run("class C:\n  x = 1\nc = C()\nc.y = 2\nresult = (getattr(c, 'z', 0), hasattr(c, 'x'), vars(c))"),
            "(0, True, {'y': 2})");
  EXPECT_EQ(eval("getattr(1, 2)"), "TypeError: attribute name must be string, not 'int'");
  EXPECT_EQ(eval("vars(1)"), "TypeError: vars() argument must have __dict__ attribute");
  EXPECT_EQ(run("class B:\n  b = 1\nclass C(B):\n  c = 2\nresult = [n for n in dir(C) if not n.startswith('__')]"),
            "['b', 'c']");
  EXPECT_EQ(run("def f():\n  a = b = 1\n  return dir()\nresult = f()"), "['a', 'b']");
  EXPECT_EQ(eval("(any([0, 2]), all([]), all([1, 0]))"), "(True, True, False)");
}

TEST_F(NativesTest, BuiltinsModuleHoldsTypesExceptionsAndConstants) {
  EXPECT_EQ(eval("(int, EnvironmentError is OSError, IOError is OSError, NotImplemented, Ellipsis, __debug__)"),
            "(<class 'int'>, True, True, NotImplemented, Ellipsis, True)");
  EXPECT_EQ(eval("(FileNotFoundError.__mro__[1], StopIteration)"),
            "(<class 'OSError'>, <class 'StopIteration'>)");
}

// ---- io ----

TEST_F(NativesTest, TextFilesReadWriteAndLines) {
  ScratchDirectory scratch;
  std::string path = scratch.path + "/t.txt";
  std::string prelude = "path = '" + path + "'\n";
  EXPECT_EQ(run(prelude + "f = open(path, 'w')\nn = f.write('one\\ntwo\\r\\nthree\\rfour')\nf.close()\n"
                          "with open(path) as f:\n  result = (n, f.readlines())"),
            "(19, ['one\\n', 'two\\n', 'three\\n', 'four'])");
  EXPECT_EQ(run(prelude + "with open(path, newline='') as f:\n  result = f.readlines()"),
            "['one\\n', 'two\\r\\n', 'three\\r', 'four']");
  EXPECT_EQ(run(prelude + "with open(path) as f:\n  result = (f.read(2), f.readline(), f.readline(2), f.read())"),
            "('on', 'e\\n', 'tw', 'o\\nthree\\nfour')");
  EXPECT_EQ(run(prelude + "with open(path) as f:\n  result = [line for line in f]"),
            "['one\\n', 'two\\n', 'three\\n', 'four']");
  EXPECT_EQ(run(prelude + "f = open(path)\nf.close()\nresult = f.read()"),
            "ValueError: I/O operation on closed file.");
  EXPECT_EQ(run(prelude + "try:\n  with open(path) as f:\n    f.write('x')\nexcept io.UnsupportedOperation as e:\n"
                          "  result = (str(e), isinstance(e, OSError), isinstance(e, ValueError))"),
            "('not writable', True, True)");
  EXPECT_EQ(run(prelude + "result = repr(open(path, 'a'))"),
            "\"<_io.TextIOWrapper name='" + path + "' mode='a' encoding='UTF-8'>\"");
  EXPECT_EQ(run("open('/nonexistent/x')"), "FileNotFoundError: [Errno 2] No such file or directory: '/nonexistent/x'");
  EXPECT_EQ(run(prelude + "open(path, 'rw')"), "ValueError: must have exactly one of create/read/write/append mode");
  EXPECT_EQ(run(prelude + "open(path, 'w', encoding='klingon')"), "LookupError: unknown encoding: klingon");
}

TEST_F(NativesTest, TextFilesDecodeUtf8AcrossChunkBoundaries) {
  ScratchDirectory scratch;
  std::string path = scratch.path + "/u.txt";
  std::string prelude = "path = '" + path + "'\n";
  // 8191 ASCII bytes put the two bytes of 'é' on both sides of the first 8192-byte read.
  EXPECT_EQ(run(prelude + "with open(path, 'w') as f:\n  f.write('a' * 8191 + '\\u00e9\\r\\nz')\n"
                          "with open(path) as f:\n  lines = f.readlines()\n"
                          "result = (len(lines), lines[0][-3:], lines[1])"),
            "(2, 'aé\\n', 'z')");
  EXPECT_EQ(run(prelude + "with open(path, 'wb') as f:\n  f.write(b'ok\\xff')\nwith open(path) as f:\n  f.read()"),
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte");
  EXPECT_EQ(run(prelude + "with open(path, 'w', encoding='ascii') as f:\n  f.write('caf\\u00e9')"),
            "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 3: ordinal not in range(128)");
  EXPECT_EQ(run(prelude + "with open(path, 'w', encoding='latin-1') as f:\n  f.write('\\u00e9')\n"
                          "with open(path, 'rb') as f:\n  result = f.read()"),
            "b'\\xe9'");
}

TEST_F(NativesTest, BinaryFilesSeekTellAndModes) {
  ScratchDirectory scratch;
  std::string prelude = "path = '" + scratch.path + "/b.bin'\n";
  EXPECT_EQ(run(prelude + "with open(path, 'wb') as f:\n  f.write(bytes(range(10)))\n"
                          "with open(path, 'rb') as f:\n"
                          "  result = (f.read(3), f.tell(), f.seek(-2, 2), f.read(), f.read(), f.mode)"),
            "(b'\\x00\\x01\\x02', 3, 8, b'\\x08\\t', b'', 'rb')");
  EXPECT_EQ(run(prelude + "with open(path, 'r+b') as f:\n  f.read(2)\n  f.write(b'XY')\n"
                          "with open(path, 'rb') as f:\n  result = (f.read(5), type(f).__name__)"),
            "(b'\\x00\\x01XY\\x04', 'BufferedReader')");
  EXPECT_EQ(run(prelude + "with open(path, 'wb') as f:\n  f.write('text')"),
            "TypeError: a bytes-like object is required, not 'str'");
  EXPECT_EQ(run(prelude + "result = repr(open(path, 'ab'))"), "\"<_io.BufferedWriter name='" + scratch.path + "/b.bin'>\"");
}

TEST_F(NativesTest, AppendExclusiveAndReadPlus) {
  ScratchDirectory scratch;
  std::string prelude = "path = '" + scratch.path + "/a.txt'\n";
  EXPECT_EQ(run(prelude + "with open(path, 'x') as f:\n  f.write('exclusive')\n"
                          "with open(path, 'r+') as f:\n  first = f.read(3)\n  f.write('-more')\n"
                          "with open(path, 'a') as f:\n  f.writelines(['!', '?'])\n"
                          "with open(path) as f:\n  result = (first, f.read())"),
            "('exc', 'exclusive-more!?')");
  EXPECT_EQ(run(prelude + "open(path, 'w').close()\nopen(path, 'x')"), "FileExistsError: [Errno 17] File exists: '" +
                                                                           scratch.path + "/a.txt'");
}

TEST_F(NativesTest, StringIOAndBytesIO) {
  EXPECT_EQ(eval("(lambda s: (s.read(2), s.tell(), s.seek(0), s.readline(), s.tell(), s.read()))"
                 "(io.StringIO('h\\u00e9llo\\nw\\u00f6rld'))"),
            "('hé', 2, 0, 'héllo\\n', 6, 'wörld')");
  EXPECT_EQ(run("s = io.StringIO('abc')\ns.seek(6)\ns.write('x')\nresult = s.getvalue()"), "'abc\\x00\\x00\\x00x'");
  EXPECT_EQ(run("b = io.BytesIO(b'hello')\nb.seek(2)\nb.write(b'XY')\nresult = (b.getvalue(), b.tell())"),
            "(b'heXYo', 4)");
  EXPECT_EQ(run("s = io.StringIO()\ns.close()\ns.write('x')"), "ValueError: I/O operation on closed file");
  EXPECT_EQ(eval("io.StringIO(5)"), "TypeError: initial_value must be str or None, not int");
  EXPECT_EQ(eval("list(io.StringIO('a\\nb\\n'))"), "['a\\n', 'b\\n']");
  EXPECT_EQ(eval("io.UnsupportedOperation.__mro__"),
            "(<class 'io.UnsupportedOperation'>, <class 'OSError'>, <class 'ValueError'>, <class 'Exception'>, "
            "<class 'BaseException'>, <class 'object'>)");
}

TEST_F(NativesTest, StdStreamsBufferUntilFlushed) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  Ref stream = make_std_stream(fds[1], "<pipe>", true, false);
  ASSERT_TRUE(stream);
  ASSERT_TRUE(text_file_write(*stream, "line one\n"));
  char buffer[64];
  EXPECT_EQ(read(fds[0], buffer, sizeof buffer), -1);  // a pipe is not a terminal: still buffered
  flush_std_streams();
  ssize_t n = read(fds[0], buffer, sizeof buffer);
  ASSERT_EQ(n, 9);
  EXPECT_EQ(std::string(buffer, n), "line one\n");
  Ref repr = object_repr(*stream);
  EXPECT_EQ(str_view(*repr), "<_io.TextIOWrapper name='<pipe>' mode='w' encoding='utf-8'>");
  stream = Ref();
  close(fds[0]);
  close(fds[1]);
}

// ---- math ----

TEST_F(NativesTest, MathFloatFunctions) {
  EXPECT_EQ(eval("(math.sqrt(16), math.pi, math.tau, math.inf, math.hypot(3, 4), math.hypot(1, 2, 3))"),
            "(4.0, 3.141592653589793, 6.283185307179586, inf, 5.0, 3.7416573867739413)");
  EXPECT_EQ(eval("math.sqrt(-1)"), "ValueError: math domain error");
  EXPECT_EQ(eval("math.exp(1000)"), "OverflowError: math range error");
  EXPECT_EQ(eval("(math.log(8, 2), math.log(10 ** 400), math.log10(1000), math.log2(2 ** 2000))"),
            "(3.0, 921.0340371976182, 3.0, 2000.0)");
  EXPECT_EQ(eval("math.log(0)"), "ValueError: math domain error");
  EXPECT_EQ(eval("math.log(8, 1)"), "ZeroDivisionError: float division by zero");
  EXPECT_EQ(eval("(math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), math.floor(10 ** 30), math.ceil(1e20))"),
            "(-3, 3, -2, 1000000000000000000000000000000, 100000000000000000000)");
  EXPECT_EQ(eval("math.floor(float('nan'))"), "ValueError: cannot convert float NaN to integer");
  EXPECT_EQ(eval("(math.modf(-3.5), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(7, 3), math.copysign(1, -0.0))"),
            "((-0.5, -3.0), (0.5, 4), 8.0, 1.0, -1.0)");
  EXPECT_EQ(eval("(math.pow(2, 0.5), math.pow(float('inf'), -1))"), "(1.4142135623730951, 0.0)");
  EXPECT_EQ(eval("math.pow(0, -1)"), "ValueError: math domain error");
  EXPECT_EQ(eval("(math.isclose(1, 1.0000000001), math.isnan(math.nan), math.isinf(-math.inf), math.degrees(math.pi))"),
            "(True, True, True, 180.0)");
  EXPECT_EQ(eval("math.sqrt('a')"), "TypeError: must be real number, not str");
  EXPECT_EQ(eval("math.gamma(0)"), "ValueError: math domain error");
  EXPECT_EQ(eval("(math.gamma(5), math.lgamma(1), math.dist([0, 0], [3, 4]), math.ulp(1.0))"),
            "(24.0, 0.0, 5.0, 2.220446049250313e-16)");
}

TEST_F(NativesTest, MathFsumIsExact) {
  EXPECT_EQ(eval("(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.fsum([]))"), "(1.0, 1.0, 0.0)");
  EXPECT_EQ(eval("math.fsum([1e308, 1e308])"), "OverflowError: intermediate overflow in fsum");
  EXPECT_EQ(eval("math.fsum([math.inf, -math.inf])"), "ValueError: -inf + inf in fsum");
}

TEST_F(NativesTest, MathIntegerFunctions) {
  EXPECT_EQ(eval("(math.factorial(20), math.factorial(0), math.comb(100, 50), math.perm(5, 2), math.perm(5))"),
            "(2432902008176640000, 1, 100891344545564193334812497256, 20, 120)");
  EXPECT_EQ(eval("math.factorial(30)"), "265252859812191058636308480000000");
  EXPECT_EQ(eval("math.factorial(-1)"), "ValueError: factorial() not defined for negative values");
  EXPECT_EQ(eval("math.factorial(5.0)"), "TypeError: 'float' object cannot be interpreted as an integer");
  EXPECT_EQ(eval("(math.gcd(12, 18, 27), math.gcd(), math.lcm(4, 6), math.lcm(), math.gcd(2 ** 100, 6 ** 50))"),
            "(3, 0, 12, 1, 1125899906842624)");
  EXPECT_EQ(eval("(math.isqrt(10 ** 40), math.isqrt(99), math.isqrt(2 ** 64 + 1))"),
            "(100000000000000000000, 9, 4294967296)");
  EXPECT_EQ(eval("math.isqrt(-1)"), "ValueError: isqrt() argument must be nonnegative");
  EXPECT_EQ(eval("math.comb(-1, 2)"), "ValueError: n must be a non-negative integer");
  EXPECT_EQ(eval("(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 0.5], start=3))"), "(24, 1, 3.0)");
  EXPECT_EQ(eval("math.prod(range(1, 30))"), "8841761993739701954543616000000");
}

// ---- time ----

TEST_F(NativesTest, TimeConversions) {
  EXPECT_EQ(eval("time.gmtime(0)"),
            "time.struct_time(tm_year=1970, tm_mon=1, tm_mday=1, tm_hour=0, tm_min=0, tm_sec=0, tm_wday=3, "
            "tm_yday=1, tm_isdst=0)");
  EXPECT_EQ(eval("(time.gmtime(86400 * 365).tm_year, time.gmtime(0)[6], len(time.gmtime()), time.gmtime(0).tm_zone)"),
            "(1971, 3, 9, 'GMT')");
  EXPECT_EQ(eval("time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(1700000000))"), "'2023-11-14 22:13:20'");
  EXPECT_EQ(eval("time.asctime(time.gmtime(0))"), "'Thu Jan  1 00:00:00 1970'");
  EXPECT_EQ(eval("time.sleep(-1)"), "ValueError: sleep length must be non-negative");
  EXPECT_EQ(eval("(type(time.time()).__name__, type(time.time_ns()).__name__, time.monotonic() > 0)"),
            "('float', 'int', True)");
  EXPECT_EQ(run("a = time.perf_counter()\ntime.sleep(0.01)\nresult = time.perf_counter() - a >= 0.01"), "True");
}

// ---- os ----

TEST_F(NativesTest, OsPathAlgebra) {
  EXPECT_EQ(eval("(os.path.join('a', 'b', 'c'), os.path.join('a/', '/b', 'c'), os.path.join('', 'x'))"),
            "('a/b/c', '/b/c', 'x')");
  EXPECT_EQ(eval("(os.path.split('/a/b/c.txt'), os.path.split('//x'), os.path.basename('a/b'), os.path.dirname('a/b'))"),
            "(('/a/b', 'c.txt'), ('//', 'x'), 'b', 'a')");
  EXPECT_EQ(eval("(os.path.splitext('a/b.tar.gz'), os.path.splitext('.bashrc'), os.path.splitext('a.b/c'))"),
            "(('a/b.tar', '.gz'), ('.bashrc', ''), ('a.b/c', ''))");
  EXPECT_EQ(eval("(os.path.normpath('a//b/./c/../d'), os.path.normpath('/../x'), os.path.normpath(''), "
                 "os.path.normpath('//a'))"),
            "('a/b/d', '/x', '.', '//a')");
  EXPECT_EQ(eval("(os.path.relpath('/a/b/c', '/a/d'), os.path.isabs('/x'), os.path.join(b'a', b'b'))"),
            "('../b/c', True, b'a/b')");
  EXPECT_EQ(eval("os.path.join('a', b'b')"), "TypeError: Can't mix strings and bytes in path components");
  EXPECT_EQ(eval("os.path.join(1)"), "TypeError: expected str, bytes or os.PathLike object, not int");
  EXPECT_EQ(eval("(os.path.commonprefix(['/usr/lib', '/usr/local']), os.path.commonprefix([[1, 2], [1, 3]]), "
                 "os.path.commonprefix([]))"),
            "('/usr/l', [1], '')");
  EXPECT_EQ(eval("(os.sep, os.name, os.linesep, os.devnull, os.path is __import__('os.path').path)"),
            "('/', 'posix', '\\n', '/dev/null', True)");
}

TEST_F(NativesTest, OsFileSystem) {
  ScratchDirectory scratch;
  std::string prelude = "base = '" + scratch.path + "'\n";
  EXPECT_EQ(run(prelude + "os.makedirs(os.path.join(base, 'x', 'y'))\nos.makedirs(os.path.join(base, 'x'), exist_ok=True)\n"
                          "open(os.path.join(base, 'x', 'f'), 'w').write('12345')\n"
                          "st = os.stat(os.path.join(base, 'x', 'f'))\n"
                          "result = (sorted(os.listdir(os.path.join(base, 'x'))), st.st_size, st[6], "
                          "os.path.getsize(os.path.join(base, 'x', 'f')), os.path.isdir(os.path.join(base, 'x')), "
                          "os.path.isfile(os.path.join(base, 'x')), type(st.st_mtime).__name__)"),
            "(['f', 'y'], 5, 5, 5, True, False, 'float')");
  EXPECT_EQ(run(prelude + "os.mkdir(base)"), "FileExistsError: [Errno 17] File exists: '" + scratch.path + "'");
  EXPECT_EQ(run(prelude + "os.remove(os.path.join(base, 'nope'))"),
            "FileNotFoundError: [Errno 2] No such file or directory: '" + scratch.path + "/nope'");
  EXPECT_EQ(run(prelude + "p = os.path.join(base, 'r')\nopen(p, 'w').close()\nos.rename(p, p + '2')\n"
                          "result = (os.path.exists(p), os.path.exists(p + '2'))"),
            "(False, True)");
  EXPECT_EQ(eval("(os.getpid() > 0, isinstance(os.environ, dict), os.getenv('CHAIPY_SURELY_UNSET', 'd'), "
                 "len(os.urandom(8)), os.cpu_count() >= 1, os.fspath('p'))"),
            "(True, True, 'd', 8, True, 'p')");
  EXPECT_EQ(eval("os.stat(1.5)"), "TypeError: stat: path should be string, bytes, os.PathLike or integer, not float");
}

}  // namespace
}  // namespace chaipy
