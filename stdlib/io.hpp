// File objects (open(), sys.stdin/stdout/stderr, io.StringIO/BytesIO), the io module, and the one place blocking file syscalls go through.
#pragma once
#include <cstddef>
#include <string_view>
#include <sys/types.h>

#include "runtime/object.hpp"
#include "runtime/type.hpp"

namespace chaipy {

extern TypeObject text_file_type;           // _io.TextIOWrapper
extern TypeObject buffered_reader_type;     // _io.BufferedReader
extern TypeObject buffered_writer_type;     // _io.BufferedWriter
extern TypeObject buffered_random_type;     // _io.BufferedRandom
extern TypeObject string_io_type;           // _io.StringIO
extern TypeObject bytes_io_type;            // _io.BytesIO
extern TypeObject UnsupportedOperation_type;  // io.UnsupportedOperation (OSError and ValueError)

// The text stream for a standard descriptor (0, 1, 2): UTF-8, never closes the descriptor,
// line-buffered when it is a terminal (stderr: always), write-through when `unbuffered` (chaipy -u
// or PYTHONUNBUFFERED, as CPython). `name` is "<stdout>" etc.
Ref make_std_stream(int fd, const char* name, bool writable, bool unbuffered);

// open(file, mode, buffering, encoding, errors, newline, closefd, opener) with CPython's
// argument checks and errors. Null values mean "not given" (None).
Ref open_file(Value file, std::string_view mode, int64_t buffering = -1, Value encoding = Value(),
              Value errors = Value(), Value newline = Value(), bool closefd = true, Value opener = Value());

// The open() builtin (also io.open): a NativeFunction.
Ref builtin_open(Value self, const Value* args, size_t nargs, Value kwnames);

// Writes UTF-8 text to a text stream: the fast path print() takes for file objects of
// text_file_type (others get their write() method called). False with an error pending.
bool text_file_write(Value file, std::string_view utf8);

// Writes out the buffered output of every open file of the current interpreter (the std
// streams included). Call at shutdown and before fork(); errors are ignored.
void flush_std_streams();
// In the child of fork(): the file locks other threads may have held are reset.
void io_after_fork_child();

// Every blocking read and write of a file descriptor goes through these two, so that
// releasing the GIL around the wait is added in one place. They retry on EINTR.
ssize_t blocking_read(int fd, void* buffer, size_t size);             // -1 with errno set
// False with errno set; `written` (if given) gets how much went out before the error.
bool blocking_write_all(int fd, const char* data, size_t size, size_t* written = nullptr);

// The io module ("io"; also registered as "_io").
bool init_io_module(Value module);

}  // namespace chaipy
