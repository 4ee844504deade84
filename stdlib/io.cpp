// File objects and the io module: text and buffered binary files over descriptors, StringIO/BytesIO, codecs for utf-8/ascii/latin-1, buffering and the blocking syscalls.
#include "stdlib/io.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "runtime/builtin_types.hpp"
#include "runtime/exceptions.hpp"
#include "runtime/gil.hpp"
#include "runtime/interpreter.hpp"
#include "runtime/module.hpp"
#include "runtime/protocols.hpp"
#include "runtime/unicode.hpp"

namespace chaipy {

TypeObject text_file_type, buffered_reader_type, buffered_writer_type, buffered_random_type;
TypeObject string_io_type, bytes_io_type, UnsupportedOperation_type;
static TypeObject io_base_type, text_io_base_type, buffered_io_base_type;

static constexpr size_t chunk_size = 8192;

// ---- the blocking syscalls ----

// Releases the GIL around a blocking call, when the calling thread is attached at all (flushes
// at process exit may run without a thread state).
class BlockingSection {
 public:
  BlockingSection() {
    if (current_thread) release_.emplace(*current_thread);
  }

 private:
  std::optional<ReleaseGil> release_;
};

// An interrupted call is retried, unless the main thread has a KeyboardInterrupt to raise:
// then the call fails with errno EINTR and that exception pending.
static bool may_retry_after_interrupt() { return !current_thread || check_signals(*current_thread); }

ssize_t blocking_read(int fd, void* buffer, size_t size) {
  for (;;) {
    ssize_t n;
    {
      BlockingSection unlocked;
      n = ::read(fd, buffer, size);
    }
    if (n >= 0 || errno != EINTR) return n;
    if (!may_retry_after_interrupt()) {
      errno = EINTR;
      return -1;
    }
  }
}

bool blocking_write_all(int fd, const char* data, size_t size, size_t* written) {
  size_t done = 0;
  while (done < size) {
    ssize_t n;
    {
      BlockingSection unlocked;
      n = ::write(fd, data + done, size - done);
    }
    if (n < 0) {
      int error = errno;
      if (error == EINTR && may_retry_after_interrupt()) continue;
      if (written) *written = done;
      errno = error;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  if (written) *written = done;
  return true;
}

// The OSError for a failed blocking call, unless it failed because KeyboardInterrupt is pending.
static void raise_io_error(int error_number) {
  if (!error_pending()) raise_from_errno(error_number);
}

// ---- codecs ----

enum class Codec : uint8_t { Utf8, Ascii, Latin1 };
enum class ErrorMode : uint8_t { Strict, Ignore, Replace, SurrogateEscape, BackslashReplace, Unknown };

static bool lookup_codec(std::string_view name, Codec& codec) {
  std::string normal;
  for (char c : name) normal += c == '_' || c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (normal == "utf-8" || normal == "utf8" || normal == "u8") codec = Codec::Utf8;
  else if (normal == "ascii" || normal == "us-ascii" || normal == "646") codec = Codec::Ascii;
  else if (normal == "latin-1" || normal == "latin1" || normal == "iso-8859-1" || normal == "iso8859-1" ||
           normal == "l1" || normal == "8859" || normal == "cp819")
    codec = Codec::Latin1;
  else
    return false;
  return true;
}

static const char* codec_name(Codec codec) {
  switch (codec) {
    case Codec::Utf8: return "utf-8";
    case Codec::Ascii: return "ascii";
    case Codec::Latin1: return "latin-1";
  }
  return "utf-8";
}

static ErrorMode lookup_error_mode(std::string_view name) {
  if (name == "strict") return ErrorMode::Strict;
  if (name == "ignore") return ErrorMode::Ignore;
  if (name == "replace") return ErrorMode::Replace;
  if (name == "surrogateescape") return ErrorMode::SurrogateEscape;
  if (name == "backslashreplace") return ErrorMode::BackslashReplace;
  return ErrorMode::Unknown;
}

static bool raise_unknown_error_handler(std::string_view name) {
  raise_format(&LookupError_type, "unknown error handler name '%s'", std::string(name).c_str());
  return false;
}

static bool raise_decode_error(Codec codec, std::string_view raw, size_t start, size_t end, const char* reason) {
  raise_unicode_decode_error(codec_name(codec), raw, start, end, reason);
  return false;
}

// Appends the text `raw` decodes to (as UTF-8) to `out`.
static bool decode_bytes(std::string_view raw, Codec codec, ErrorMode errors, std::string_view errors_name,
                         std::string& out) {
  size_t pos = 0;
  while (pos < raw.size()) {
    size_t bad_start = raw.size(), bad_end = raw.size();
    const char* reason = nullptr;
    if (codec == Codec::Utf8) {
      Utf8Error error;
      if (utf8_check(raw.substr(pos), error)) {
        out.append(raw.substr(pos));
        return true;
      }
      bad_start = pos + error.start;
      bad_end = pos + error.end;
      reason = error.reason;
      out.append(raw.substr(pos, bad_start - pos));
    } else if (codec == Codec::Latin1) {
      for (; pos < raw.size(); ++pos) utf8_append(out, static_cast<unsigned char>(raw[pos]));
      return true;
    } else {
      size_t end = pos;
      while (end < raw.size() && static_cast<unsigned char>(raw[end]) < 0x80) ++end;
      out.append(raw.substr(pos, end - pos));
      if (end == raw.size()) return true;
      bad_start = end;
      bad_end = end + 1;
      reason = "ordinal not in range(128)";
    }
    switch (errors) {
      case ErrorMode::Strict: return raise_decode_error(codec, raw, bad_start, bad_end, reason);
      case ErrorMode::Unknown: return raise_unknown_error_handler(errors_name);
      case ErrorMode::Ignore: break;
      case ErrorMode::Replace: utf8_append(out, 0xFFFD); break;
      case ErrorMode::SurrogateEscape:
        for (size_t i = bad_start; i < bad_end; ++i) utf8_append(out, 0xDC00 + static_cast<unsigned char>(raw[i]));
        break;
      case ErrorMode::BackslashReplace:
        for (size_t i = bad_start; i < bad_end; ++i) {
          char buffer[8];
          snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned char>(raw[i]));
          out += buffer;
        }
        break;
    }
    pos = bad_end;
  }
  return true;
}

static bool raise_encode_error(Codec codec, std::string_view text, size_t byte_offset, uint32_t cp,
                               const char* reason) {
  char buffer[256];
  char shown[16];
  if (cp <= 0xFF) snprintf(shown, sizeof shown, "\\x%02x", cp);
  else if (cp <= 0xFFFF) snprintf(shown, sizeof shown, "\\u%04x", cp);
  else snprintf(shown, sizeof shown, "\\U%08x", cp);
  snprintf(buffer, sizeof buffer, "'%s' codec can't encode character '%s' in position %zu: %s", codec_name(codec),
           shown, utf8_count_code_points(text.substr(0, byte_offset)), reason);
  raise(&UnicodeEncodeError_type, buffer);
  return false;
}

// Appends the encoding of UTF-8 `text` to `out`. `ascii` says the text is known to be ASCII.
static bool encode_text(std::string_view text, bool ascii, Codec codec, ErrorMode errors,
                        std::string_view errors_name, std::string& out) {
  if (ascii) {
    out.append(text);
    return true;
  }
  uint32_t limit = codec == Codec::Ascii ? 0x80 : codec == Codec::Latin1 ? 0x100 : 0x110000;
  const char* reason = codec == Codec::Ascii ? "ordinal not in range(128)"
                       : codec == Codec::Latin1 ? "ordinal not in range(256)"
                                                : "surrogates not allowed";
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    uint32_t cp = utf8_decode_next(text, pos);
    bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    bool encodable = cp < limit && !(codec == Codec::Utf8 && surrogate);
    if (encodable) {
      if (codec == Codec::Utf8) out.append(text.substr(start, pos - start));
      else out += static_cast<char>(cp);
      continue;
    }
    switch (errors) {
      case ErrorMode::Strict: return raise_encode_error(codec, text, start, cp, reason);
      case ErrorMode::Unknown: return raise_unknown_error_handler(errors_name);
      case ErrorMode::Ignore: break;
      case ErrorMode::Replace: out += '?'; break;
      case ErrorMode::SurrogateEscape:
        if (cp < 0xDC80 || cp > 0xDCFF) return raise_encode_error(codec, text, start, cp, reason);
        out += static_cast<char>(cp - 0xDC00);
        break;
      case ErrorMode::BackslashReplace: {
        char buffer[16];
        if (cp <= 0xFF) snprintf(buffer, sizeof buffer, "\\x%02x", cp);
        else if (cp <= 0xFFFF) snprintf(buffer, sizeof buffer, "\\u%04x", cp);
        else snprintf(buffer, sizeof buffer, "\\U%08x", cp);
        out += buffer;
        break;
      }
    }
  }
  return true;
}

// Bytes at the end of `raw` that start a UTF-8 sequence the chunk does not complete.
static size_t incomplete_utf8_tail(std::string_view raw) {
  size_t n = raw.size();
  for (size_t back = 1; back <= 3 && back <= n; ++back) {
    auto byte = static_cast<unsigned char>(raw[n - back]);
    if (utf8_is_continuation(byte)) continue;
    int length = utf8_sequence_length(byte);
    return length > static_cast<int>(back) ? back : 0;
  }
  return 0;
}

// Universal newlines: \r\n and \r become \n (a \r at the end is known not to precede \n).
static void translate_newlines(std::string& text, size_t from) {
  size_t first = text.find('\r', from);
  if (first == std::string::npos) return;
  size_t out = first;
  for (size_t i = first; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      text[out++] = '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      text[out++] = c;
    }
  }
  text.resize(out);
}

// ---- file state shared by a text file and its binary `buffer` ----

enum class NewlineMode : uint8_t { Universal, None, Lf, Cr, CrLf };  // newline=None, '', '\n', '\r', '\r\n'

struct FileState {
  int fd = -1;
  bool readable = false, writable = false, closefd = true, closed = false;
  bool line_buffered = false, write_through = false;
  Codec codec = Codec::Utf8;
  ErrorMode errors = ErrorMode::Strict;
  NewlineMode newline = NewlineMode::Universal;
  Ref name, mode, encoding_name, errors_name;
  // Text files: decoded UTF-8 with the newlines as read (universal newlines are translated as
  // text is taken out, so tell() can count raw bytes); binary files: raw bytes. Consumed up to read_pos.
  std::string read_buffer;
  size_t read_pos = 0;
  std::string raw_tail;     // bytes read but not decodable yet (a UTF-8 sequence split by a read)
  bool pending_cr = false;  // universal newlines: the last text taken ended in \r, so a \n next is dropped
  std::string write_buffer;
  std::mutex write_order;  // keeps flushes from different threads in buffer order
  Interpreter* interp = nullptr;

  size_t buffered() const { return read_buffer.size() - read_pos; }
  void drop_read_buffer() {
    read_buffer.clear();
    read_pos = 0;
    raw_tail.clear();
    pending_cr = false;
  }
  void compact() {
    if (read_pos == 0) return;
    if (read_pos == read_buffer.size()) {
      read_buffer.clear();
    } else if (read_pos >= chunk_size) {
      read_buffer.erase(0, read_pos);
    } else {
      return;
    }
    read_pos = 0;
  }
  // A \n right after a \r already taken belongs to that line end.
  void drop_lf_after_cr() {
    if (!pending_cr || buffered() == 0) return;
    if (read_buffer[read_pos] == '\n') ++read_pos;
    pending_cr = false;
  }
};

struct FileObject : Object {
  FileState* state;  // owned, unless `owner` is set: then it is the owner's
  Value owner;       // the text file this object is the `buffer` of (owned reference), or null
};

static std::mutex open_files_mutex;
static std::vector<FileState*> open_files;

static void register_open_file(FileState* state) {
  std::lock_guard<std::mutex> lock(open_files_mutex);
  open_files.push_back(state);
}
static void unregister_open_file(FileState* state) {
  std::lock_guard<std::mutex> lock(open_files_mutex);
  auto it = std::find(open_files.begin(), open_files.end(), state);
  if (it != open_files.end()) open_files.erase(it);
}

// Writes the buffered output out; false with errno set. What could not be written stays at the
// front of the buffer, as in CPython's BufferedWriter: a later flush (or close) tries it again
// and fails again, so data that was lost is never reported as written.
static bool write_out(FileState& s, size_t* written_out = nullptr) {
  if (written_out) *written_out = 0;
  if (s.write_buffer.empty()) return true;
  // Ordered writers: take the order lock before taking the buffer, so flushes keep their order.
  LockReleasingGil lock(s.write_order);
  std::string data;
  data.swap(s.write_buffer);
  size_t written = 0;
  bool done = blocking_write_all(s.fd, data.data(), data.size(), &written);
  if (written_out) *written_out = written;
  if (done) return true;
  int error = errno;
  // Other threads may have appended while the write ran: the unwritten part goes before theirs.
  s.write_buffer.insert(0, data, written, std::string::npos);
  errno = error;
  return false;
}

static bool flush_writes(FileState& s) {
  if (write_out(s)) return true;
  raise_io_error(errno);
  return false;
}

void flush_std_streams() {
  Interpreter* interp = current_thread ? current_thread->interp : nullptr;
  std::vector<FileState*> pending;
  {
    std::lock_guard<std::mutex> lock(open_files_mutex);
    for (FileState* state : open_files)
      if ((!interp || state->interp == interp) && !state->write_buffer.empty()) pending.push_back(state);
  }
  for (FileState* state : pending) write_out(*state);
}

void io_after_fork_child() {
  new (&open_files_mutex) std::mutex();
  for (FileState* state : open_files) new (&state->write_order) std::mutex();
}

static FileState& state_of(Value self) { return *self.as<FileObject>()->state; }
static bool is_text_file(Value self) { return type_of(self) == &text_file_type; }

// CPython's messages for operations on closed files differ by layer and operation.
static constexpr const char* closed_file = "I/O operation on closed file.";
static constexpr const char* closed_file_bare = "I/O operation on closed file";

static bool check_open(FileState& s, const char* message) {
  if (!s.closed) return true;
  raise(&ValueError_type, message);
  return false;
}

// Text files check for a closed file first and say "not readable"; binary files check the
// mode first, naming the operation, then say e.g. "read of closed file".
static bool check_readable(Value self, const char* operation, const char* closed_message) {
  FileState& s = state_of(self);
  if (is_text_file(self)) {
    if (!check_open(s, closed_file)) return false;
    if (!s.readable) {
      raise(&UnsupportedOperation_type, "not readable");
      return false;
    }
  } else {
    if (!s.readable) {
      raise(&UnsupportedOperation_type, operation);
      return false;
    }
    if (!check_open(s, closed_message)) return false;
  }
  return flush_writes(s);
}

static bool check_writable(Value self) {
  FileState& s = state_of(self);
  bool text = is_text_file(self);
  if (text && !check_open(s, closed_file)) return false;
  if (!s.writable) {
    raise(&UnsupportedOperation_type, text ? "not writable" : "write");
    return false;
  }
  return text || check_open(s, "write to closed file");
}

static bool close_state(FileState& s) {
  if (s.closed) return true;
  bool flushed = write_out(s);
  int saved_errno = errno;
  s.closed = true;
  s.drop_read_buffer();
  unregister_open_file(&s);
  if (s.closefd && ::close(s.fd) < 0 && flushed) {
    raise_from_errno(errno);
    return false;
  }
  if (!flushed) {
    raise_io_error(saved_errno);
    return false;
  }
  return true;
}

// A file dropped without close(): its output is written and its descriptor closed, errors ignored.
static void file_dealloc(Object* object) {
  auto* file = static_cast<FileObject*>(object);
  if (file->owner) {
    decref(file->owner);
  } else if (file->state) {
    FileState& s = *file->state;
    if (!s.closed) {
      write_out(s);
      unregister_open_file(&s);
      if (s.closefd) ::close(s.fd);
    }
    delete file->state;
  }
  free_object(object);
}

// ---- reading ----

// Reads up to `want` more bytes (with `to_end`, everything up to end of file). Binary files
// append them as they are; text files decode them. Returns 1 when the read returned data
// (possibly held back in raw_tail), 0 at end of file (after decoding what was held back), -1
// with an error pending.
static int fill(FileState& s, bool text, size_t want = chunk_size, bool to_end = false) {
  // The read runs without the GIL: another thread may use the buffers meanwhile, so the data
  // lands in a buffer of its own first.
  std::string data(want, '\0');
  ssize_t n = blocking_read(s.fd, data.data(), want);
  data.resize(n > 0 ? static_cast<size_t>(n) : 0);
  bool eof = n == 0;
  // Reading to the end: the size hint was spent on the first read; later reads mostly just see
  // the end of the file, so they use a small buffer of their own rather than growing `data`.
  while (n >= 0 && to_end && !eof) {
    char chunk[chunk_size];
    n = blocking_read(s.fd, chunk, sizeof chunk);
    if (n > 0) data.append(chunk, static_cast<size_t>(n));
    eof = n == 0;
  }
  if (n < 0) {
    raise_io_error(errno);
    return -1;
  }
  // Big reads (read() of a whole file) move buffers instead of copying them where they can.
  std::string& target = text ? s.raw_tail : s.read_buffer;
  if (target.empty()) target.swap(data);
  else target.append(data);
  if (!text) return eof ? 0 : 1;
  std::string_view raw = s.raw_tail;
  size_t usable = raw.size() - (eof || s.codec != Codec::Utf8 ? 0 : incomplete_utf8_tail(raw));
  Utf8Error error;
  if (s.codec == Codec::Utf8 && usable == raw.size() && s.read_buffer.empty() && utf8_check(raw, error)) {
    s.read_buffer.swap(s.raw_tail);
    s.raw_tail.clear();
  } else {
    if (!decode_bytes(raw.substr(0, usable), s.codec, s.errors, s.errors_name ? str_view(*s.errors_name) : "strict",
                      s.read_buffer))
      return -1;
    s.raw_tail.erase(0, usable);
  }
  s.drop_lf_after_cr();
  return eof ? 0 : 1;
}

// A good first read size for reading everything: the bytes left in a regular file.
static size_t remaining_size_hint(FileState& s) {
  struct stat info;
  if (fstat(s.fd, &info) == 0 && S_ISREG(info.st_mode)) {
    off_t position = lseek(s.fd, 0, SEEK_CUR);
    if (position >= 0 && info.st_size > position) return static_cast<size_t>(info.st_size - position) + 1;
  }
  return chunk_size;
}

static bool translates_newlines(const FileState& s, bool text) { return text && s.newline == NewlineMode::Universal; }

// The buffered data up to `end`, consumed. The clamps matter only when another thread read
// from the same file while this one waited without the GIL.
static std::string_view take(FileState& s, size_t end) {
  end = std::min(end, s.read_buffer.size());
  size_t start = std::min(s.read_pos, end);
  s.read_pos = end;
  return std::string_view(s.read_buffer).substr(start, end - start);
}

static Ref take_bytes(FileState& s, size_t end) { return bytes_new(take(s, end)); }

static Ref take_text(FileState& s, size_t end) {
  bool translate = s.newline == NewlineMode::Universal;
  std::string_view text = take(s, end);
  if (!translate || text.find('\r') == std::string_view::npos) return str_new(text);
  std::string translated(text);
  translate_newlines(translated, 0);
  s.pending_cr = text.back() == '\r';
  return str_new(translated);
}

// Byte offset `count` characters after `from` (or the buffer's end). With universal newlines,
// \r\n is one character. `count` is left at what could not be advanced.
static size_t advance_characters(const std::string& text, size_t from, int64_t& count, bool crlf_is_one) {
  size_t pos = from;
  while (count > 0 && pos < text.size()) {
    if (crlf_is_one && text[pos] == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n') {
      pos += 2;
    } else {
      int length = utf8_sequence_length(static_cast<unsigned char>(text[pos]));
      pos += length ? length : 1;
    }
    --count;
  }
  return std::min(pos, text.size());
}

// Where `limit` units (characters or bytes) from read_pos end, or npos when fewer are buffered.
static size_t limit_end_in_buffer(const FileState& s, bool text, int64_t limit) {
  if (!text) return s.buffered() >= static_cast<size_t>(limit) ? s.read_pos + limit : std::string::npos;
  int64_t count = limit;
  size_t end = advance_characters(s.read_buffer, s.read_pos, count, translates_newlines(s, true));
  return count == 0 ? end : std::string::npos;
}

static Ref read_all(Value self) {
  FileState& s = state_of(self);
  bool text = is_text_file(self);
  if (fill(s, text, std::max(remaining_size_hint(s), chunk_size), true) < 0) return nullptr;
  return text ? take_text(s, s.read_buffer.size()) : take_bytes(s, s.read_buffer.size());
}

static Ref file_read_impl(Value self, int64_t size) {
  FileState& s = state_of(self);
  bool text = is_text_file(self);
  s.compact();
  s.drop_lf_after_cr();
  if (size < 0) return read_all(self);
  if (!text) {
    while (s.buffered() < static_cast<size_t>(size)) {
      int r = fill(s, false, std::max(chunk_size, static_cast<size_t>(size) - s.buffered()));
      if (r < 0) return nullptr;
      if (r == 0) break;
    }
    return take_bytes(s, s.read_pos + std::min(s.buffered(), static_cast<size_t>(size)));
  }
  int64_t needed = size;
  bool crlf_is_one = translates_newlines(s, true);
  size_t end = advance_characters(s.read_buffer, s.read_pos, needed, crlf_is_one);
  while (needed > 0) {
    // A final \r might start a \r\n: it is re-examined once more data has come.
    if (crlf_is_one && end > s.read_pos && s.read_buffer[end - 1] == '\r') {
      --end;
      ++needed;
    }
    int r = fill(s, true);
    if (r < 0) return nullptr;
    end = std::max(end, s.read_pos);  // fill may have dropped the \n of a \r\n split between reads
    end = advance_characters(s.read_buffer, end, needed, crlf_is_one);
    if (r == 0) break;
  }
  return take_text(s, end);
}

// The first \r or \n at or after `from` (two memchr calls: find_first_of tests each character
// against the set one by one).
static size_t find_cr_or_lf(const std::string& text, size_t from) {
  const char* base = text.data();
  size_t size = text.size();
  if (from >= size) return std::string::npos;
  const void* lf = memchr(base + from, '\n', size - from);
  size_t lf_at = lf ? static_cast<size_t>(static_cast<const char*>(lf) - base) : size;
  const void* cr = memchr(base + from, '\r', lf_at - from);
  if (cr) return static_cast<size_t>(static_cast<const char*>(cr) - base);
  return lf ? lf_at : std::string::npos;
}

// Where the line starting at `from` ends (just past its terminator), or npos when the buffer
// holds no complete line yet. `need_more` is set when a final \r might be the start of \r\n
// and the terminator must stay as read (newline='').
static size_t find_line_end(const FileState& s, bool text, size_t from, bool& need_more) {
  const std::string& b = s.read_buffer;
  need_more = false;
  if (!text || s.newline == NewlineMode::Lf) {
    size_t at = b.find('\n', from);
    return at == std::string::npos ? at : at + 1;
  }
  if (s.newline == NewlineMode::Cr) {
    size_t at = b.find('\r', from);
    return at == std::string::npos ? at : at + 1;
  }
  if (s.newline == NewlineMode::CrLf) {
    size_t at = b.find("\r\n", from);
    return at == std::string::npos ? at : at + 2;
  }
  size_t at = find_cr_or_lf(b, from);
  if (at == std::string::npos) return at;
  if (b[at] == '\n') return at + 1;
  if (at + 1 < b.size()) return b[at + 1] == '\n' ? at + 2 : at + 1;
  // Universal newlines take the \r now and drop a \n that follows later (pending_cr).
  need_more = s.newline == NewlineMode::None;
  return at + 1;
}

static Ref file_readline_impl(Value self, int64_t limit) {
  FileState& s = state_of(self);
  bool text = is_text_file(self);
  s.compact();
  s.drop_lf_after_cr();
  size_t search_from = s.read_pos;
  size_t end;
  for (;;) {
    bool need_more;
    end = find_line_end(s, text, search_from, need_more);
    if (end != std::string::npos && !need_more) break;
    if (limit >= 0 && limit_end_in_buffer(s, text, limit) != std::string::npos) break;
    search_from = need_more ? end - 1 : s.read_buffer.size();
    int r = fill(s, text);
    if (r < 0) return nullptr;
    search_from = std::max(search_from, s.read_pos);  // as in file_read_impl
    if (r == 0) {
      end = find_line_end(s, text, search_from, need_more);
      if (end == std::string::npos) end = s.read_buffer.size();
      break;
    }
  }
  if (limit >= 0) {
    size_t limit_end = limit_end_in_buffer(s, text, limit);
    if (limit_end != std::string::npos) end = std::min(end, limit_end);
  }
  return text ? take_text(s, end) : take_bytes(s, end);
}

// ---- writing ----

static bool before_write(FileState& s, bool text) {
  if (s.buffered() || !s.raw_tail.empty()) {
    // A text file has already consumed whole chunks; a binary file rewinds to its logical position.
    if (!text && lseek(s.fd, -static_cast<off_t>(s.buffered()), SEEK_CUR) < 0) {
      raise_from_errno(errno);
      return false;
    }
    s.drop_read_buffer();
  }
  return true;
}

// After a write of the data buffered from `new_from` on: the flush the buffering calls for. When
// it fails, the new data leaves the buffer again unless part of it went out, as in CPython: its
// BufferedWriter (which flushes what it holds before taking more) and FileIO store nothing on a
// write that raises, so nothing is written later behind the caller's back and the buffer of a
// program that ignores the errors does not grow without end. A text file's write that fits
// the buffer keeps its data (CPython's TextIOWrapper has handed it to the buffer).
static bool after_write(FileState& s, bool text, bool has_line_end, size_t new_from, size_t new_size) {
  bool over_size = s.write_buffer.size() >= chunk_size;
  if (!s.write_through && !over_size && !has_line_end) return true;
  size_t written;
  if (write_out(s, &written)) return true;
  int error = errno;
  if ((!text || over_size) && written <= new_from) s.write_buffer.erase(new_from - written, new_size);
  raise_io_error(error);
  return false;
}

static bool write_text(Value self, std::string_view utf8, bool ascii) {
  FileState& s = state_of(self);
  if (!check_writable(self) || !before_write(s, true)) return false;
  size_t old_size = s.write_buffer.size();
  // Only surrogates (lead byte 0xED) can make UTF-8 output fail.
  bool simple = s.codec == Codec::Utf8 && (ascii || !memchr(utf8.data(), 0xED, utf8.size()));
  if (simple && s.newline != NewlineMode::Cr && s.newline != NewlineMode::CrLf) {
    s.write_buffer.append(utf8);
  } else {
    if (!encode_text(utf8, ascii, s.codec, s.errors, s.errors_name ? str_view(*s.errors_name) : "strict",
                     s.write_buffer)) {
      s.write_buffer.resize(old_size);
      return false;
    }
    if (s.newline == NewlineMode::Cr || s.newline == NewlineMode::CrLf) {
      std::string translated;
      std::string_view line_end = s.newline == NewlineMode::Cr ? "\r" : "\r\n";
      for (size_t i = old_size; i < s.write_buffer.size(); ++i) {
        if (s.write_buffer[i] == '\n') translated += line_end;
        else translated += s.write_buffer[i];
      }
      s.write_buffer.replace(old_size, std::string::npos, translated);
    }
  }
  bool has_line_end = s.line_buffered && (utf8.find_first_of("\n\r") != std::string_view::npos);
  return after_write(s, true, has_line_end, old_size, s.write_buffer.size() - old_size);
}

bool text_file_write(Value file, std::string_view utf8) { return write_text(file, utf8, is_ascii(utf8)); }

// The bytes of a bytes-like argument (bytes, bytearray), or TypeError.
static bool bytes_argument(Value v, std::string_view& out) {
  if (bytes_like_view(v, out)) return true;
  raise_format(&TypeError_type, "a bytes-like object is required, not '%s'", type_name(v));
  return false;
}

// ---- argument helpers ----

static bool optional_size(Value v, int64_t& out) {
  out = -1;
  if (!v || v.is_none()) return true;
  if (!is_int(v) && !type_of(v)->index) {
    raise_format(&TypeError_type, "argument should be integer or None, not '%s'", type_name(v));
    return false;
  }
  return index_to_i64(v, out);
}

static Value arg_or_null(const Value* args, size_t nargs, size_t i) { return i < nargs ? args[i] : Value(); }

// ---- file methods (text and binary share them; the type decides str or bytes) ----

static Ref file_read(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("read", nargs, kwnames, 0, 1)) return nullptr;
  int64_t size;
  if (!optional_size(arg_or_null(args, nargs, 0), size) || !check_readable(self, "read", "read of closed file"))
    return nullptr;
  return file_read_impl(self, size);
}

static Ref file_read1(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("read1", nargs, kwnames, 0, 1)) return nullptr;
  int64_t size;
  if (!optional_size(arg_or_null(args, nargs, 0), size) || !check_readable(self, "read1", "read of closed file"))
    return nullptr;
  FileState& s = state_of(self);
  s.compact();
  if (s.buffered() == 0 && size != 0 && fill(s, false, size > 0 ? static_cast<size_t>(size) : chunk_size) < 0)
    return nullptr;
  size_t count = size < 0 ? s.buffered() : std::min(s.buffered(), static_cast<size_t>(size));
  return take_bytes(s, s.read_pos + count);
}

static Ref file_readline(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("readline", nargs, kwnames, 0, 1)) return nullptr;
  Value size_arg = arg_or_null(args, nargs, 0);
  int64_t limit = -1;
  if (size_arg && !(size_arg.is_none() && !is_text_file(self)) && !index_to_i64(size_arg, limit)) return nullptr;
  if (!check_readable(self, "read", "readline of closed file")) return nullptr;
  return file_readline_impl(self, limit);
}

static Ref readlines_from(Value self, Ref (*readline)(Value, int64_t), int64_t hint) {
  Ref lines = list_new(0);
  if (!lines) return nullptr;
  int64_t total = 0;
  for (;;) {
    Ref line = readline(self, -1);
    if (!line) return nullptr;
    int64_t length = object_length(*line);
    if (length <= 0) break;
    if (!list_append(*lines, *line)) return nullptr;
    total += length;
    if (hint > 0 && total >= hint) break;
  }
  return lines;
}

static Ref file_readlines(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("readlines", nargs, kwnames, 0, 1)) return nullptr;
  int64_t hint;
  if (!optional_size(arg_or_null(args, nargs, 0), hint) || !check_open(state_of(self), closed_file) ||
      !check_readable(self, "read", "readline of closed file"))
    return nullptr;
  return readlines_from(self, file_readline_impl, hint);
}

static Ref file_write(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("write", nargs, kwnames, 1, 1)) return nullptr;
  FileState& s = state_of(self);
  if (is_text_file(self)) {
    if (!is_str(args[0]))
      return raise_format(&TypeError_type, "write() argument must be str, not %s", type_name(args[0]));
    auto* str = args[0].as<StrObject>();
    if (!write_text(self, str_view(args[0]), str->ascii)) return nullptr;
    return int_from_i64(static_cast<int64_t>(str->length));
  }
  std::string_view data;
  if (!check_writable(self) || !bytes_argument(args[0], data) || !before_write(s, false)) return nullptr;
  if (data.empty() && s.write_through && s.write_buffer.empty()) {
    // An unbuffered file hands even an empty write to the system, as CPython's FileIO does (a
    // full device refuses it).
    if (::write(s.fd, "", 0) < 0) return raise_from_errno(errno);
    return int_from_i64(0);
  }
  size_t new_from = s.write_buffer.size();
  s.write_buffer.append(data);
  if (!after_write(s, false, false, new_from, data.size())) return nullptr;
  return int_from_i64(static_cast<int64_t>(data.size()));
}

static Ref call_write_for_each(Value self, Value iterable) {
  Ref iterator = get_iter(iterable);
  if (!iterator) return nullptr;
  Ref write = get_attr(self, "write");
  if (!write) return nullptr;
  for (;;) {
    Ref item = iter_next(*iterator);
    if (!item) {
      if (error_pending()) return nullptr;
      return Ref::none();
    }
    Ref written = call1(*write, *item);
    if (!written) return nullptr;
  }
}

static Ref file_writelines(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("writelines", nargs, kwnames, 1, 1)) return nullptr;
  if (!check_open(state_of(self), closed_file)) return nullptr;
  return call_write_for_each(self, args[0]);
}

static Ref file_flush(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("flush", nargs, kwnames, 0, 0)) return nullptr;
  FileState& s = state_of(self);
  // Only the buffered writers have a flush of their own; the rest inherit IOBase's wording.
  bool buffered_writer = !is_text_file(self) && s.writable;
  if (!check_open(s, buffered_writer ? "flush of closed file" : closed_file) || !flush_writes(s)) return nullptr;
  return Ref::none();
}

static Ref file_close(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("close", nargs, kwnames, 0, 0)) return nullptr;
  if (!close_state(state_of(self))) return nullptr;
  return Ref::none();
}

static Ref file_fileno(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("fileno", nargs, kwnames, 0, 0)) return nullptr;
  FileState& s = state_of(self);
  if (!check_open(s, closed_file_bare)) return nullptr;
  return int_from_i64(s.fd);
}

static Ref file_isatty(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("isatty", nargs, kwnames, 0, 0)) return nullptr;
  FileState& s = state_of(self);
  if (!check_open(s, closed_file_bare)) return nullptr;
  return Ref::boolean(isatty(s.fd));
}

// readable()/writable() answer False for the wrong mode even on a closed file, as CPython's.
static Ref file_readable(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("readable", nargs, kwnames, 0, 0)) return nullptr;
  FileState& s = state_of(self);
  if (s.readable && !check_open(s, closed_file_bare)) return nullptr;
  return Ref::boolean(s.readable);
}

static Ref file_writable(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("writable", nargs, kwnames, 0, 0)) return nullptr;
  FileState& s = state_of(self);
  if (s.writable && !check_open(s, closed_file_bare)) return nullptr;
  return Ref::boolean(s.writable);
}

static Ref file_seekable(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("seekable", nargs, kwnames, 0, 0)) return nullptr;
  FileState& s = state_of(self);
  if (!check_open(s, closed_file_bare)) return nullptr;
  return Ref::boolean(lseek(s.fd, 0, SEEK_CUR) >= 0);
}

// The bytes the unconsumed decoded text came from (exact for strict decoding).
static size_t raw_size_of_buffered(const FileState& s, bool text) {
  if (!text || s.codec == Codec::Utf8) return s.buffered();
  return utf8_count_code_points(std::string_view(s.read_buffer).substr(s.read_pos));
}

// The logical position: the descriptor's, less what is read ahead, plus what is not yet written.
static bool logical_position(FileState& s, bool text, int64_t& out) {
  if (!flush_writes(s)) return false;
  off_t position = lseek(s.fd, 0, SEEK_CUR);
  if (position < 0) {
    raise_from_errno(errno);
    return false;
  }
  out = static_cast<int64_t>(position) - static_cast<int64_t>(raw_size_of_buffered(s, text) + s.raw_tail.size());
  if (out < 0) out = 0;
  return true;
}

static Ref file_tell(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("tell", nargs, kwnames, 0, 0)) return nullptr;
  FileState& s = state_of(self);
  bool text = is_text_file(self);
  int64_t position;
  if (!check_open(s, text ? closed_file : closed_file_bare) || !logical_position(s, text, position)) return nullptr;
  return int_from_i64(position);
}

static Ref file_seek(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("seek", nargs, kwnames, 1, 2)) return nullptr;
  FileState& s = state_of(self);
  bool text = is_text_file(self);
  if (!check_open(s, text ? closed_file : "seek of closed file")) return nullptr;
  int64_t offset, whence = 0;
  if (!index_to_i64(args[0], offset)) return nullptr;
  if (nargs > 1 && !index_to_i64(args[1], whence)) return nullptr;
  if (whence < 0 || whence > 2) {
    if (text) return raise_format(&ValueError_type, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    return raise_format(&ValueError_type, "whence value %lld unsupported", (long long)whence);
  }
  if (text && whence == 1 && offset != 0) return raise(&UnsupportedOperation_type, "can't do nonzero cur-relative seeks");
  if (text && whence == 2 && offset != 0) return raise(&UnsupportedOperation_type, "can't do nonzero end-relative seeks");
  if (text && whence == 0 && offset < 0)
    return raise_format(&ValueError_type, "negative seek position %lld", (long long)offset);
  if (whence == 1) {
    int64_t current;
    if (!logical_position(s, text, current)) return nullptr;
    offset += current;
    whence = 0;
  }
  if (!flush_writes(s)) return nullptr;
  off_t position = lseek(s.fd, static_cast<off_t>(offset), static_cast<int>(whence));
  if (position < 0) return raise_from_errno(errno);
  s.drop_read_buffer();
  return int_from_i64(position);
}

static Ref file_truncate(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("truncate", nargs, kwnames, 0, 1)) return nullptr;
  FileState& s = state_of(self);
  bool text = is_text_file(self);
  if (!check_open(s, text ? closed_file : "truncate of closed file") || !check_writable(self)) return nullptr;
  int64_t size;
  Value size_arg = arg_or_null(args, nargs, 0);
  if (size_arg && !size_arg.is_none()) {
    if (!index_to_i64(size_arg, size)) return nullptr;
  } else if (!logical_position(s, text, size)) {
    return nullptr;
  }
  if (!flush_writes(s)) return nullptr;
  if (ftruncate(s.fd, static_cast<off_t>(size)) < 0) return raise_from_errno(errno);
  return int_from_i64(size);
}

static Ref file_enter(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__enter__", nargs, kwnames, 0, 0)) return nullptr;
  if (!check_open(state_of(self), closed_file)) return nullptr;
  return Ref::borrow(self);
}

static Ref file_exit(Value self, const Value*, size_t, Value) {
  if (!close_state(state_of(self))) return nullptr;
  return Ref::none();
}

static Ref file_iter(Value self) {
  if (!check_open(state_of(self), closed_file)) return nullptr;
  return Ref::borrow(self);
}

static Ref file_next(Value self) {
  if (!check_readable(self, "read", "readline of closed file")) return nullptr;
  Ref line = file_readline_impl(self, -1);
  if (!line || object_length(*line) == 0) return nullptr;
  return line;
}

// __iter__ and __next__ as methods (iter(f) and next(f) use the slots).
static Ref file_iter_method(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__iter__", nargs, kwnames, 0, 0)) return nullptr;
  return file_iter(self);
}
static Ref next_method_result(Ref item) {
  if (!item && !error_pending()) raise_value(Value(&StopIteration_type));
  return item;
}
static Ref file_next_method(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__next__", nargs, kwnames, 0, 0)) return nullptr;
  return next_method_result(file_next(self));
}

static Ref file_repr(Value self) {
  FileState& s = state_of(self);
  std::string text = "<_io." + type_of(self)->name;
  if (s.name) {
    Ref name = object_repr(*s.name);
    if (!name) return nullptr;
    text += " name=";
    text += str_view(*name);
  }
  if (is_text_file(self)) {
    Ref mode = object_repr(*s.mode);
    Ref encoding = object_repr(*s.encoding_name);
    if (!mode || !encoding) return nullptr;
    text += " mode=";
    text += str_view(*mode);
    text += " encoding=";
    text += str_view(*encoding);
  }
  return str_new(text + ">");
}

static Ref file_get_name(Value self) { return Ref::borrow(*state_of(self).name); }
static Ref file_get_mode(Value self) {
  FileState& s = state_of(self);
  if (is_text_file(self)) return Ref::borrow(*s.mode);
  std::string_view text_mode = str_view(*s.mode);
  bool plus = text_mode.find('+') != std::string_view::npos;
  if (text_mode.find('x') != std::string_view::npos) return str_new(plus ? "xb+" : "xb");
  if (text_mode.find('a') != std::string_view::npos) return str_new(plus ? "ab+" : "ab");
  if (s.readable) return str_new(s.writable ? "rb+" : "rb");
  return str_new("wb");
}
static Ref file_get_closed(Value self) { return Ref::boolean(state_of(self).closed); }
static Ref file_get_encoding(Value self) { return Ref::borrow(*state_of(self).encoding_name); }
static Ref file_get_errors(Value self) { return Ref::borrow(*state_of(self).errors_name); }
static Ref file_get_line_buffering(Value self) { return Ref::boolean(state_of(self).line_buffered); }
static Ref file_get_write_through(Value self) { return Ref::boolean(state_of(self).write_through); }
static Ref file_get_newlines(Value) { return Ref::none(); }

static TypeObject* binary_type_for(const FileState& s) {
  if (s.readable && s.writable) return &buffered_random_type;
  return s.readable ? &buffered_reader_type : &buffered_writer_type;
}

static Ref file_get_buffer(Value self) {
  auto* file = self.as<FileObject>();
  Object* object = alloc_object(binary_type_for(*file->state));
  if (!object) return nullptr;
  auto* view = static_cast<FileObject*>(object);
  view->state = file->state;
  view->owner = self;
  incref(self);
  return Ref::steal(Value(object));
}

static const MethodDef file_methods[] = {
    {"read", file_read},
    {"readline", file_readline},
    {"readlines", file_readlines},
    {"write", file_write},
    {"writelines", file_writelines},
    {"flush", file_flush},
    {"close", file_close},
    {"fileno", file_fileno},
    {"isatty", file_isatty},
    {"readable", file_readable},
    {"writable", file_writable},
    {"seekable", file_seekable},
    {"tell", file_tell},
    {"seek", file_seek},
    {"truncate", file_truncate},
    {"__enter__", file_enter},
    {"__exit__", file_exit},
    {"__iter__", file_iter_method},
    {"__next__", file_next_method},
    {nullptr, nullptr},
};

static const MethodDef binary_file_methods[] = {
    {"read1", file_read1},
    {nullptr, nullptr},
};

static Ref refuse_construction(TypeObject* type, const Value*, size_t, Value) {
  return raise_format(&TypeError_type, "cannot create '_io.%s' instances", type->name.c_str());
}

// ---- StringIO / BytesIO ----

struct MemoryStream {
  std::string data;  // UTF-8 (StringIO) or bytes
  size_t pos = 0;    // byte offset; may lie beyond the end (StringIO/BytesIO allow seeking there)
  bool closed = false;
  bool translate_newlines = false;  // StringIO(newline=None)
};
struct MemoryStreamObject : Object {
  MemoryStream* stream;
};

static MemoryStream& stream_of(Value self) { return *self.as<MemoryStreamObject>()->stream; }
static bool is_string_io(Value self) { return is_subtype(type_of(self), &string_io_type); }

// BytesIO words a closed stream like the file classes; StringIO mostly without the period
// (`formal` marks the methods it inherits from the base classes, which keep it).
static bool stream_check_open(Value self, bool formal = false) {
  if (!stream_of(self).closed) return true;
  raise(&ValueError_type, formal || !is_string_io(self) ? closed_file : closed_file_bare);
  return false;
}

static void memory_stream_dealloc(Object* object) {
  auto* m = static_cast<MemoryStreamObject*>(object);
  delete m->stream;
  free_object(object);
}

static Ref memory_stream_new(TypeObject* type, const Value*, size_t, Value) {
  Object* object = alloc_object(type);
  if (!object) return nullptr;
  auto* m = static_cast<MemoryStreamObject*>(object);
  m->stream = new (std::nothrow) MemoryStream();
  Ref result = Ref::steal(Value(object));
  if (!m->stream) return raise_no_memory();
  return result;
}

static int string_io_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[2];
  if (!bind_args("StringIO", args, nargs, kwnames, {"initial_value", "newline"}, 0, bound)) return -1;
  MemoryStream& m = stream_of(self);
  m.data.clear();
  m.pos = 0;
  m.closed = false;
  m.translate_newlines = bound[1] && bound[1].is_none();
  if (bound[1] && !bound[1].is_none()) {
    if (!is_str(bound[1])) {
      raise_format(&TypeError_type, "newline must be str or None, not %s", type_name(bound[1]));
      return -1;
    }
    std::string_view newline = str_view(bound[1]);
    if (!newline.empty() && newline != "\n" && newline != "\r" && newline != "\r\n") {
      raise_format(&ValueError_type, "illegal newline value: %R", bound[1]);
      return -1;
    }
  }
  if (bound[0] && !bound[0].is_none()) {
    if (!is_str(bound[0])) {
      raise_format(&TypeError_type, "initial_value must be str or None, not %s", type_name(bound[0]));
      return -1;
    }
    m.data.assign(str_view(bound[0]));
    if (m.translate_newlines) translate_newlines(m.data, 0);
  }
  return 0;
}

static int bytes_io_init(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value bound[1];
  if (!bind_args("BytesIO", args, nargs, kwnames, {"initial_bytes"}, 0, bound)) return -1;
  MemoryStream& m = stream_of(self);
  m.data.clear();
  m.pos = 0;
  m.closed = false;
  if (bound[0] && !bound[0].is_none()) {
    std::string_view initial;
    if (!bytes_argument(bound[0], initial)) return -1;
    m.data.assign(initial);
  }
  return 0;
}

static Ref stream_slice(Value self, size_t from, size_t to) {
  MemoryStream& m = stream_of(self);
  std::string_view piece = std::string_view(m.data).substr(from, to - from);
  return is_string_io(self) ? str_new(piece) : bytes_new(piece);
}

// Byte offset `count` units after `from` (code points for StringIO, bytes for BytesIO).
static size_t stream_advance(Value self, size_t from, int64_t count) {
  MemoryStream& m = stream_of(self);
  if (from >= m.data.size()) return m.data.size();
  if (!is_string_io(self)) return std::min(m.data.size(), from + static_cast<size_t>(count));
  return advance_characters(m.data, from, count, false);
}

static Ref stream_read_impl(Value self, int64_t size) {
  MemoryStream& m = stream_of(self);
  if (!stream_check_open(self)) return nullptr;
  size_t from = std::min(m.pos, m.data.size());
  size_t to = size < 0 ? m.data.size() : stream_advance(self, from, size);
  Ref result = stream_slice(self, from, to);
  if (to > m.pos) m.pos = to;
  return result;
}

static Ref stream_readline_impl(Value self, int64_t limit) {
  MemoryStream& m = stream_of(self);
  if (!stream_check_open(self)) return nullptr;
  size_t from = std::min(m.pos, m.data.size());
  size_t newline = m.data.find('\n', from);
  size_t to = newline == std::string::npos ? m.data.size() : newline + 1;
  if (limit >= 0) to = std::min(to, stream_advance(self, from, limit));
  Ref result = stream_slice(self, from, to);
  if (to > m.pos) m.pos = to;
  return result;
}

static Ref stream_read(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("read", nargs, kwnames, 0, 1)) return nullptr;
  int64_t size;
  if (!optional_size(arg_or_null(args, nargs, 0), size)) return nullptr;
  return stream_read_impl(self, size);
}

static Ref stream_readline(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("readline", nargs, kwnames, 0, 1)) return nullptr;
  int64_t limit;
  if (!optional_size(arg_or_null(args, nargs, 0), limit)) return nullptr;
  return stream_readline_impl(self, limit);
}

static Ref stream_readlines(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("readlines", nargs, kwnames, 0, 1)) return nullptr;
  int64_t hint;
  if (!optional_size(arg_or_null(args, nargs, 0), hint)) return nullptr;
  if (!stream_check_open(self, true)) return nullptr;
  return readlines_from(self, stream_readline_impl, hint);
}

static Ref stream_write(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("write", nargs, kwnames, 1, 1)) return nullptr;
  MemoryStream& m = stream_of(self);
  bool text = is_string_io(self);
  std::string translated;
  std::string_view data;
  int64_t written;
  if (text) {
    if (!is_str(args[0]))
      return raise_format(&TypeError_type, "string argument expected, got '%s'", type_name(args[0]));
    data = str_view(args[0]);
    written = static_cast<int64_t>(args[0].as<StrObject>()->length);
    if (m.translate_newlines && data.find('\r') != std::string_view::npos) {
      translated.assign(data);
      translate_newlines(translated, 0);
      data = translated;
    }
  } else {
    if (!bytes_argument(args[0], data)) return nullptr;
    written = static_cast<int64_t>(data.size());
  }
  if (!stream_check_open(self)) return nullptr;
  if (m.pos > m.data.size()) m.data.resize(m.pos, '\0');
  if (m.pos == m.data.size()) {
    m.data.append(data);
  } else {
    size_t replaced_end = text ? stream_advance(self, m.pos, written) : std::min(m.data.size(), m.pos + data.size());
    m.data.replace(m.pos, replaced_end - m.pos, data);
  }
  m.pos += data.size();
  return int_from_i64(written);
}

static Ref stream_writelines(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("writelines", nargs, kwnames, 1, 1)) return nullptr;
  if (!stream_check_open(self, true)) return nullptr;
  return call_write_for_each(self, args[0]);
}

static Ref stream_getvalue(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("getvalue", nargs, kwnames, 0, 0)) return nullptr;
  MemoryStream& m = stream_of(self);
  if (!stream_check_open(self)) return nullptr;
  return stream_slice(self, 0, m.data.size());
}

// Units (code points or bytes) before byte offset `pos`; past the end, each byte is one unit.
static int64_t stream_units_before(Value self, size_t pos) {
  MemoryStream& m = stream_of(self);
  if (!is_string_io(self)) return static_cast<int64_t>(pos);
  size_t within = std::min(pos, m.data.size());
  return static_cast<int64_t>(utf8_count_code_points(std::string_view(m.data).substr(0, within)) + (pos - within));
}

static Ref stream_tell(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("tell", nargs, kwnames, 0, 0)) return nullptr;
  if (!stream_check_open(self)) return nullptr;
  return int_from_i64(stream_units_before(self, stream_of(self).pos));
}

static Ref stream_seek(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("seek", nargs, kwnames, 1, 2)) return nullptr;
  MemoryStream& m = stream_of(self);
  int64_t offset, whence = 0;
  if (!index_to_i64(args[0], offset)) return nullptr;
  if (nargs > 1 && !index_to_i64(args[1], whence)) return nullptr;
  if (!stream_check_open(self)) return nullptr;
  bool text = is_string_io(self);
  if (whence < 0 || whence > 2) {
    if (text) return raise_format(&ValueError_type, "Invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    return raise_format(&ValueError_type, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
  }
  if (text && whence != 0 && offset != 0)
    return raise(&OSError_type, whence == 1 ? "Can't do nonzero cur-relative seeks" : "Can't do nonzero end-relative seeks");
  if (whence == 0 && offset < 0)
    return raise_format(&ValueError_type, text ? "Negative seek position %lld" : "negative seek value %lld",
                        (long long)offset);
  int64_t base = whence == 0 ? 0 : whence == 1 ? stream_units_before(self, m.pos) : stream_units_before(self, m.data.size());
  int64_t target = std::max<int64_t>(0, base + offset);
  int64_t units_in_data = stream_units_before(self, m.data.size());
  if (target >= units_in_data) m.pos = m.data.size() + static_cast<size_t>(target - units_in_data);
  else m.pos = stream_advance(self, 0, target);
  return int_from_i64(target);
}

static Ref stream_truncate(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!check_positional("truncate", nargs, kwnames, 0, 1)) return nullptr;
  MemoryStream& m = stream_of(self);
  if (!stream_check_open(self)) return nullptr;
  int64_t size;
  Value size_arg = arg_or_null(args, nargs, 0);
  if (size_arg && !size_arg.is_none()) {
    if (!index_to_i64(size_arg, size)) return nullptr;
    if (size < 0) return raise_format(&ValueError_type, "Negative size value %lld", (long long)size);
  } else {
    size = stream_units_before(self, m.pos);
  }
  if (size < stream_units_before(self, m.data.size())) {
    // The position stays where it was, counted in units: past the new end it becomes padding.
    int64_t position = stream_units_before(self, m.pos);
    m.data.resize(stream_advance(self, 0, size));
    int64_t units_in_data = stream_units_before(self, m.data.size());
    if (position >= units_in_data) m.pos = m.data.size() + static_cast<size_t>(position - units_in_data);
  }
  return int_from_i64(size);
}

static Ref stream_close(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("close", nargs, kwnames, 0, 0)) return nullptr;
  MemoryStream& m = stream_of(self);
  m.closed = true;
  std::string().swap(m.data);
  return Ref::none();
}

static Ref stream_true_if_open(Value self, const Value*, size_t, Value) {
  if (!stream_check_open(self)) return nullptr;
  return Ref::boolean(true);
}
static Ref stream_isatty(Value self, const Value*, size_t, Value) {
  if (!stream_check_open(self, true)) return nullptr;
  return Ref::boolean(false);
}
static Ref stream_flush(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("flush", nargs, kwnames, 0, 0)) return nullptr;
  if (!is_string_io(self) && !stream_check_open(self)) return nullptr;
  return Ref::none();
}
static Ref stream_enter(Value self, const Value*, size_t, Value) {
  if (!stream_check_open(self, true)) return nullptr;
  return Ref::borrow(self);
}
static Ref stream_exit(Value self, const Value*, size_t, Value) { return stream_close(self, nullptr, 0, Value()); }
static Ref stream_iter(Value self) {
  if (is_string_io(self) && !stream_check_open(self, true)) return nullptr;
  return Ref::borrow(self);
}
static Ref stream_next(Value self) {
  Ref line = stream_readline_impl(self, -1);
  if (!line || object_length(*line) == 0) return nullptr;
  return line;
}
static Ref stream_iter_method(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__iter__", nargs, kwnames, 0, 0)) return nullptr;
  return stream_iter(self);
}
static Ref stream_next_method(Value self, const Value*, size_t nargs, Value kwnames) {
  if (!check_positional("__next__", nargs, kwnames, 0, 0)) return nullptr;
  return next_method_result(stream_next(self));
}
static Ref stream_get_closed(Value self) { return Ref::boolean(stream_of(self).closed); }
static Ref stream_get_line_buffering(Value) { return Ref::boolean(false); }
static Ref stream_get_newlines(Value) { return Ref::none(); }

static const MethodDef memory_stream_methods[] = {
    {"read", stream_read},
    {"readline", stream_readline},
    {"readlines", stream_readlines},
    {"write", stream_write},
    {"writelines", stream_writelines},
    {"getvalue", stream_getvalue},
    {"tell", stream_tell},
    {"seek", stream_seek},
    {"truncate", stream_truncate},
    {"close", stream_close},
    {"flush", stream_flush},
    {"readable", stream_true_if_open},
    {"writable", stream_true_if_open},
    {"seekable", stream_true_if_open},
    {"isatty", stream_isatty},
    {"__enter__", stream_enter},
    {"__exit__", stream_exit},
    {"__iter__", stream_iter_method},
    {"__next__", stream_next_method},
    {nullptr, nullptr},
};

static const MethodDef bytes_io_methods[] = {
    {"read1", stream_read},
    {nullptr, nullptr},
};

// ---- type set-up (once per process, on first use) ----

// add_methods/add_property must follow finish_static_type when the types are set up after
// start-up: the type dict exists only from then on.
static void init_abstract_type(TypeObject* type, const char* name, TypeObject* base) {
  init_static_type(type, name, base, sizeof(Object), type_flag_base_type);
  type->module = "_io";
  finish_static_type(type);
}

static void init_file_type(TypeObject* type, const char* name, bool text) {
  init_static_type(type, name, text ? &text_io_base_type : &buffered_io_base_type, sizeof(FileObject), 0);
  type->module = "_io";
  type->dealloc = file_dealloc;
  type->repr = file_repr;
  type->iter = file_iter;
  type->next = file_next;
  type->new_ = refuse_construction;
  finish_static_type(type);
  add_methods(type, file_methods);
  if (!text) add_methods(type, binary_file_methods);
  add_property(type, "name", file_get_name);
  add_property(type, "mode", file_get_mode);
  add_property(type, "closed", file_get_closed);
  if (text) {
    add_property(type, "encoding", file_get_encoding);
    add_property(type, "errors", file_get_errors);
    add_property(type, "line_buffering", file_get_line_buffering);
    add_property(type, "write_through", file_get_write_through);
    add_property(type, "newlines", file_get_newlines);
    add_property(type, "buffer", file_get_buffer);
  }
}

static void init_memory_stream_type(TypeObject* type, const char* name, bool text) {
  init_static_type(type, name, text ? &text_io_base_type : &buffered_io_base_type, sizeof(MemoryStreamObject),
                   type_flag_base_type);
  type->module = "_io";
  type->dealloc = memory_stream_dealloc;
  type->new_ = memory_stream_new;
  type->init = text ? string_io_init : bytes_io_init;
  type->iter = stream_iter;
  type->next = stream_next;
  finish_static_type(type);
  add_methods(type, memory_stream_methods);
  if (!text) add_methods(type, bytes_io_methods);
  add_property(type, "closed", stream_get_closed);
  if (text) {
    add_property(type, "line_buffering", stream_get_line_buffering);
    add_property(type, "newlines", stream_get_newlines);
  }
}

// io.UnsupportedOperation derives from both OSError and ValueError, as CPython's.
static void init_unsupported_operation_type() {
  init_static_type(&UnsupportedOperation_type, "UnsupportedOperation", &OSError_type, OSError_type.instance_size,
                   type_flag_base_type | type_flag_exception | type_flag_has_instance_dict);
  UnsupportedOperation_type.module = "io";
  UnsupportedOperation_type.dict_offset = OSError_type.dict_offset;
  finish_static_type(&UnsupportedOperation_type);
  Ref bases = tuple_pack({Value(&OSError_type), Value(&ValueError_type)});
  std::vector<Value> mro = {Value(&UnsupportedOperation_type)};
  for (Value base : {Value(&OSError_type), Value(&ValueError_type)}) {
    Value base_mro = base.as<TypeObject>()->mro;
    for (int64_t i = 0, n = tuple_size(base_mro); i < n; ++i) {
      Value entry = tuple_item(base_mro, i);
      if (std::find(mro.begin(), mro.end(), entry) == mro.end()) mro.push_back(entry);
    }
  }
  // C3 order: the shared tail (Exception, BaseException, object) comes after both bases' own parts.
  std::vector<Value> ordered;
  for (Value entry : mro)
    if (entry != Value(&Exception_type) && entry != Value(&BaseException_type) && entry != Value(&object_type))
      ordered.push_back(entry);
  ordered.insert(ordered.end(), {Value(&Exception_type), Value(&BaseException_type), Value(&object_type)});
  // The single-base tuples finish_static_type made are immortal, so decref would not free them:
  // they are made mortal and released before being replaced (nothing else has seen them).
  for (Value single_base_tuple : {UnsupportedOperation_type.bases, UnsupportedOperation_type.mro}) {
    single_base_tuple.as_object()->refcount = 1;
    decref(single_base_tuple);
  }
  Ref mro_tuple = tuple_from_array(ordered.data(), ordered.size());
  UnsupportedOperation_type.bases = bases.release();
  UnsupportedOperation_type.mro = mro_tuple.release();
  UnsupportedOperation_type.bases.as_object()->refcount = immortal_refcount;
  UnsupportedOperation_type.mro.as_object()->refcount = immortal_refcount;
}

static void init_io_types() {
  static std::once_flag once;
  std::call_once(once, [] {
    init_abstract_type(&io_base_type, "_IOBase", &object_type);
    init_abstract_type(&text_io_base_type, "_TextIOBase", &io_base_type);
    init_abstract_type(&buffered_io_base_type, "_BufferedIOBase", &io_base_type);
    init_file_type(&text_file_type, "TextIOWrapper", true);
    init_file_type(&buffered_reader_type, "BufferedReader", false);
    init_file_type(&buffered_writer_type, "BufferedWriter", false);
    init_file_type(&buffered_random_type, "BufferedRandom", false);
    init_memory_stream_type(&string_io_type, "StringIO", true);
    init_memory_stream_type(&bytes_io_type, "BytesIO", false);
    init_unsupported_operation_type();
  });
}

// ---- opening ----

static Ref new_file_object(TypeObject* type, FileState* state) {
  Object* object = alloc_object(type);
  if (!object) {
    delete state;
    return nullptr;
  }
  static_cast<FileObject*>(object)->state = state;
  state->interp = current_thread ? current_thread->interp : nullptr;
  register_open_file(state);
  return Ref::steal(Value(object));
}

// CPython gives stdin and stdout the surrogateescape handler under the C or POSIX locale and
// the locales it coerces to (C.UTF-8): undecodable input then survives a round trip.
static bool c_locale_in_effect() {
  const char* locale = nullptr;
  for (const char* variable : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = getenv(variable);
    if (value && *value) {
      locale = value;
      break;
    }
  }
  if (!locale) return true;
  std::string_view name = locale;
  return name == "C" || name == "POSIX" || name == "C.UTF-8" || name == "C.utf8" || name == "UTF-8";
}

Ref make_std_stream(int fd, const char* name, bool writable, bool unbuffered) {
  init_io_types();
  auto* state = new (std::nothrow) FileState();
  if (!state) return raise_no_memory();
  state->fd = fd;
  state->readable = !writable;
  state->writable = writable;
  state->closefd = false;
  state->line_buffered = writable && (fd == 2 || isatty(fd));
  state->write_through = unbuffered;  // stdin too, as CPython (it changes nothing there)
  state->newline = NewlineMode::Lf;  // POSIX CPython: lines split at \n only, nothing translated
  state->name = str_new(name);
  state->mode = str_new(writable ? "w" : "r");
  state->encoding_name = str_new("utf-8");
  state->errors = fd == 2 ? ErrorMode::BackslashReplace
                  : c_locale_in_effect() ? ErrorMode::SurrogateEscape
                                         : ErrorMode::Strict;
  state->errors_name = str_new(fd == 2 ? "backslashreplace"
                               : state->errors == ErrorMode::SurrogateEscape ? "surrogateescape"
                                                                             : "strict");
  if (!state->name || !state->mode || !state->encoding_name || !state->errors_name) {
    delete state;
    return nullptr;
  }
  return new_file_object(&text_file_type, state);
}

struct OpenMode {
  bool creating = false, reading = false, writing = false, appending = false, updating = false;
  bool text = false, binary = false;
};

static bool parse_open_mode(std::string_view mode, OpenMode& m) {
  for (size_t i = 0; i < mode.size(); ++i) {
    char c = mode[i];
    bool* flag = c == 'x' ? &m.creating : c == 'r' ? &m.reading : c == 'w' ? &m.writing : c == 'a' ? &m.appending
                 : c == '+' ? &m.updating : c == 't' ? &m.text : c == 'b' ? &m.binary : nullptr;
    if (!flag || mode.find(c, i + 1) != std::string_view::npos) {
      raise_format(&ValueError_type, "invalid mode: '%s'", std::string(mode).c_str());
      return false;
    }
    *flag = true;
  }
  if (m.text && m.binary) {
    raise(&ValueError_type, "can't have text and binary mode at once");
    return false;
  }
  int kinds = m.creating + m.reading + m.writing + m.appending;
  if (kinds > 1) {
    raise(&ValueError_type, "must have exactly one of create/read/write/append mode");
    return false;
  }
  return true;
}

static bool optional_str_argument(const char* name, Value v, std::string_view& out, bool& given) {
  given = v && !v.is_none();
  if (!given) return true;
  if (!is_str(v)) {
    raise_format(&TypeError_type, "open() argument '%s' must be str or None, not %s", name, type_name(v));
    return false;
  }
  out = str_view(v);
  return true;
}

// The path of open()'s file argument: str or bytes, or what __fspath__ returns.
static bool path_argument(Value file, Ref& path) {
  if (is_str(file) || is_bytes(file)) {
    path = Ref::borrow(file);
    return true;
  }
  Value fspath = type_lookup(type_of(file), str_intern("__fspath__"));
  if (fspath) {
    Ref result = call_method(file, "__fspath__", nullptr, 0);
    if (!result) return false;
    if (!is_str(*result) && !is_bytes(*result)) {
      raise_format(&TypeError_type, "expected %s.__fspath__() to return str or bytes, not %s", type_name(file),
                   type_name(*result));
      return false;
    }
    path = std::move(result);
    return true;
  }
  raise_format(&TypeError_type, "expected str, bytes or os.PathLike object, not %s", type_name(file));
  return false;
}

Ref open_file(Value file, std::string_view mode, int64_t buffering, Value encoding, Value errors, Value newline,
              bool closefd, Value opener) {
  init_io_types();
  OpenMode m;
  if (!parse_open_mode(mode, m)) return nullptr;
  std::string_view encoding_text, errors_text, newline_text;
  bool has_encoding, has_errors, has_newline;
  if (!optional_str_argument("encoding", encoding, encoding_text, has_encoding) ||
      !optional_str_argument("errors", errors, errors_text, has_errors) ||
      !optional_str_argument("newline", newline, newline_text, has_newline))
    return nullptr;
  if (has_newline && !newline_text.empty() && newline_text != "\n" && newline_text != "\r" && newline_text != "\r\n")
    return raise_format(&ValueError_type, "illegal newline value: %s", std::string(newline_text).c_str());
  if (m.binary && has_encoding) return raise(&ValueError_type, "binary mode doesn't take an encoding argument");
  if (m.binary && has_errors) return raise(&ValueError_type, "binary mode doesn't take an errors argument");
  if (m.binary && has_newline) return raise(&ValueError_type, "binary mode doesn't take a newline argument");
  if (!m.binary && buffering == 0) return raise(&ValueError_type, "can't have unbuffered text I/O");
  Codec codec = Codec::Utf8;
  if (has_encoding && !lookup_codec(encoding_text, codec))
    return raise_format(&LookupError_type, "unknown encoding: %s", std::string(encoding_text).c_str());
  if (m.creating + m.reading + m.writing + m.appending == 0)
    return raise(&ValueError_type, "Must have exactly one of create/read/write/append mode and at most one plus");

  int flags = O_CLOEXEC;
  if (m.updating) flags |= O_RDWR;
  else flags |= m.reading ? O_RDONLY : O_WRONLY;
  if (m.writing) flags |= O_CREAT | O_TRUNC;
  if (m.appending) flags |= O_CREAT | O_APPEND;
  if (m.creating) flags |= O_CREAT | O_EXCL;
  int fd;
  if (is_int(file)) {
    int64_t number;
    if (!index_to_i64(file, number)) return nullptr;
    if (number < 0) return raise(&ValueError_type, "negative file descriptor");
    fd = static_cast<int>(number);
  } else {
    if (!closefd) return raise(&ValueError_type, "Cannot use closefd=False with file name");
    Ref path;
    if (!path_argument(file, path)) return nullptr;
    if (opener && !opener.is_none()) {
      Ref flags_value = int_from_i64(flags);
      Ref result = call2(opener, file, *flags_value);
      if (!result) return nullptr;
      int64_t number;
      if (!index_to_i64(*result, number)) return nullptr;
      if (number < 0) return raise_format(&ValueError_type, "opener returned %lld", (long long)number);
      fd = static_cast<int>(number);
    } else {
      std::string path_text(is_str(*path) ? str_view(*path) : bytes_view(*path));
      if (path_text.find('\0') != std::string::npos) return raise(&ValueError_type, "embedded null byte");
      do {
        fd = ::open(path_text.c_str(), flags, 0666);
      } while (fd < 0 && errno == EINTR);
      if (fd < 0) return raise_from_errno(errno, file);
    }
    struct stat info;
    if (fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
      ::close(fd);
      return raise_from_errno(EISDIR, file);
    }
  }
  if (m.appending) lseek(fd, 0, SEEK_END);

  auto* state = new (std::nothrow) FileState();
  if (!state) {
    if (closefd) ::close(fd);
    return raise_no_memory();
  }
  state->fd = fd;
  state->closefd = closefd;
  state->readable = m.reading || m.updating;
  state->writable = !m.reading || m.updating;
  state->codec = codec;
  state->line_buffered = !m.binary && (buffering == 1 || (buffering < 0 && isatty(fd)));
  state->write_through = m.binary && buffering == 0;
  state->name = Ref::borrow(file);
  state->mode = str_new(mode);
  if (!m.binary) {
    state->encoding_name = has_encoding ? Ref::borrow(encoding) : str_new("UTF-8");
    state->errors_name = has_errors ? Ref::borrow(errors) : str_new("strict");
    state->errors = has_errors ? lookup_error_mode(errors_text) : ErrorMode::Strict;
    if (has_newline) {
      state->newline = newline_text.empty() ? NewlineMode::None
                       : newline_text == "\n" ? NewlineMode::Lf
                       : newline_text == "\r" ? NewlineMode::Cr
                                              : NewlineMode::CrLf;
    }
  }
  return new_file_object(m.binary ? binary_type_for(*state) : &text_file_type, state);
}

// ---- the io module ----

Ref builtin_open(Value, const Value* args, size_t nargs, Value kwnames) {
  Value bound[8];
  if (!bind_args("open", args, nargs, kwnames,
                 {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 1, bound))
    return nullptr;
  std::string_view mode = "r";
  if (bound[1]) {
    if (!is_str(bound[1]))
      return raise_format(&TypeError_type, "open() argument 'mode' must be str, not %s", type_name(bound[1]));
    mode = str_view(bound[1]);
  }
  int64_t buffering = -1;
  if (bound[2] && !index_to_i64(bound[2], buffering)) return nullptr;
  int closefd = 1;
  if (bound[6] && (closefd = object_truth(bound[6])) < 0) return nullptr;
  return open_file(bound[0], mode, buffering, bound[3], bound[4], bound[5], closefd, bound[7]);
}

bool init_io_module(Value module) {
  init_io_types();
  if (!module_add_function(module, "open", builtin_open)) return false;
  struct Entry {
    const char* name;
    TypeObject* type;
  };
  const Entry types[] = {
      {"IOBase", &io_base_type},
      {"TextIOBase", &text_io_base_type},
      {"BufferedIOBase", &buffered_io_base_type},
      {"TextIOWrapper", &text_file_type},
      {"BufferedReader", &buffered_reader_type},
      {"BufferedWriter", &buffered_writer_type},
      {"BufferedRandom", &buffered_random_type},
      {"StringIO", &string_io_type},
      {"BytesIO", &bytes_io_type},
      {"UnsupportedOperation", &UnsupportedOperation_type},
  };
  for (const Entry& entry : types)
    if (!module_add_object(module, entry.name, Value(entry.type))) return false;
  return module_add_int(module, "DEFAULT_BUFFER_SIZE", chunk_size) && module_add_int(module, "SEEK_SET", SEEK_SET) &&
         module_add_int(module, "SEEK_CUR", SEEK_CUR) && module_add_int(module, "SEEK_END", SEEK_END);
}

}  // namespace chaipy
