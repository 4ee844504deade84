# stdlib/py/json/decoder.py — JSON text to Python objects: JSONDecoder and JSONDecodeError.
#
# The scanner follows CPython's C scanner (Modules/_json.c) step by step, so that
# the same malformed inputs fail with the same messages at the same positions.

__all__ = ['JSONDecoder', 'JSONDecodeError']

_INFINITY = float('inf')
_CONSTANTS = {'-Infinity': -_INFINITY, 'Infinity': _INFINITY, 'NaN': float('nan')}
_WHITESPACE = ' \t\n\r'
_DIGITS = '0123456789'
_SIMPLE_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}
_HEX_DIGITS = '0123456789abcdefABCDEF'


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class _NoValue(Exception):
    """No JSON value starts at self.position (CPython's scanner raises StopIteration)."""

    def __init__(self, position):
        Exception.__init__(self, position)
        self.position = position


def _skip_whitespace(text, position):
    end = len(text)
    while position < end and text[position] in _WHITESPACE:
        position += 1
    return position


def _hex_value(text, start):
    """The value of the four hex digits at text[start:start + 4], or -1 if they are not hex."""
    digits = text[start:start + 4]
    for digit in digits:
        if digit not in _HEX_DIGITS:
            return -1
    return int(digits, 16)


class _Scanner:
    def __init__(self, decoder, text):
        self.text = text
        self.strict = decoder.strict
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant
        # Position of the next backslash at or after the last search, so that
        # looking for escapes stays linear over the whole document.
        self.next_backslash = -1

    def value(self, position):
        """(value, end) for the JSON value starting at position."""
        text = self.text
        if position >= len(text):
            raise _NoValue(position)
        char = text[position]
        if char == '"':
            return self.string(position + 1)
        if char == '{':
            return self.object(position + 1)
        if char == '[':
            return self.array(position + 1)
        if char == 'n' and text.startswith('null', position):
            return None, position + 4
        if char == 't' and text.startswith('true', position):
            return True, position + 4
        if char == 'f' and text.startswith('false', position):
            return False, position + 5
        if char == 'N' and text.startswith('NaN', position):
            return self.parse_constant('NaN'), position + 3
        if char == 'I' and text.startswith('Infinity', position):
            return self.parse_constant('Infinity'), position + 8
        if char == '-' and text.startswith('-Infinity', position):
            return self.parse_constant('-Infinity'), position + 9
        return self.number(position)

    def number(self, start):
        text = self.text
        last = len(text) - 1
        position = start
        if text[position] == '-':
            position += 1
            if position > last:
                raise _NoValue(start)
        if '1' <= text[position] <= '9':
            position += 1
            while position <= last and text[position] in _DIGITS:
                position += 1
        elif text[position] == '0':
            position += 1
        else:
            raise _NoValue(start)
        is_float = False
        if position < last and text[position] == '.' and text[position + 1] in _DIGITS:
            is_float = True
            position += 2
            while position <= last and text[position] in _DIGITS:
                position += 1
        if position < last and text[position] in 'eE':
            exponent_start = position
            position += 1
            if position < last and text[position] in '-+':
                position += 1
            while position <= last and text[position] in _DIGITS:
                position += 1
            if text[position - 1] in _DIGITS:
                is_float = True
            else:
                position = exponent_start
        literal = text[start:position]
        if is_float:
            return self.parse_float(literal), position
        return self.parse_int(literal), position

    def _find_backslash(self, position):
        if self.next_backslash < position and self.next_backslash != len(self.text):
            found = self.text.find('\\', position)
            self.next_backslash = len(self.text) if found < 0 else found
        return self.next_backslash

    def _reject_control_character(self, chunk, start):
        for offset in range(len(chunk)):
            if chunk[offset] < ' ':
                raise JSONDecodeError('Invalid control character at', self.text, start + offset)

    def string(self, end):
        """(str, end) for the string whose opening quote is just before end."""
        text = self.text
        length = len(text)
        begin = end - 1
        pieces = []
        while True:
            quote = text.find('"', end)
            if quote < 0:
                quote = length
            backslash = self.next_backslash
            if backslash < end:
                backslash = self._find_backslash(end)
            stop = quote if quote < backslash else backslash
            chunk = text[end:stop]
            # Printable text holds no control characters; only otherwise look closer.
            if self.strict and not chunk.isprintable():
                self._reject_control_character(chunk, end)
            if stop == length:
                raise JSONDecodeError('Unterminated string starting at', text, begin)
            if stop == quote:
                if not pieces:
                    return chunk, quote + 1
                pieces.append(chunk)
                return ''.join(pieces), quote + 1
            pieces.append(chunk)
            escape_at = stop + 1
            if escape_at == length:
                raise JSONDecodeError('Unterminated string starting at', text, begin)
            kind = text[escape_at]
            if kind != 'u':
                unescaped = _SIMPLE_ESCAPES.get(kind)
                if unescaped is None:
                    raise JSONDecodeError('Invalid \\escape', text, stop)
                pieces.append(unescaped)
                end = escape_at + 1
                continue
            end = escape_at + 5
            if end >= length:
                raise JSONDecodeError('Invalid \\uXXXX escape', text, escape_at)
            code = _hex_value(text, escape_at + 1)
            if code < 0:
                raise JSONDecodeError('Invalid \\uXXXX escape', text, escape_at)
            if 0xD800 <= code <= 0xDBFF and end + 6 < length and text.startswith('\\u', end):
                low = _hex_value(text, end + 2)
                if low < 0:
                    raise JSONDecodeError('Invalid \\uXXXX escape', text, end + 1)
                if 0xDC00 <= low <= 0xDFFF:
                    code = 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00))
                    end += 6
            pieces.append(chr(code))

    def object(self, position):
        text = self.text
        last = len(text) - 1
        pairs = []
        position = _skip_whitespace(text, position)
        if position > last or text[position] != '}':
            while True:
                if position > last or text[position] != '"':
                    raise JSONDecodeError('Expecting property name enclosed in double quotes', text, position)
                key, position = self.string(position + 1)
                position = _skip_whitespace(text, position)
                if position > last or text[position] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", text, position)
                position = _skip_whitespace(text, position + 1)
                value, position = self.value(position)
                pairs.append((key, value))
                position = _skip_whitespace(text, position)
                if position <= last and text[position] == '}':
                    break
                if position > last or text[position] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", text, position)
                position = _skip_whitespace(text, position + 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), position + 1
        result = dict(pairs)
        if self.object_hook is not None:
            result = self.object_hook(result)
        return result, position + 1

    def array(self, position):
        text = self.text
        last = len(text) - 1
        items = []
        position = _skip_whitespace(text, position)
        if position > last or text[position] != ']':
            while True:
                value, position = self.value(position)
                items.append(value)
                position = _skip_whitespace(text, position)
                if position <= last and text[position] == ']':
                    break
                if position > last or text[position] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", text, position)
                position = _skip_whitespace(text, position + 1)
        return items, position + 1


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip_whitespace(s, 0))
        end = _skip_whitespace(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return _Scanner(self, s).value(idx)
        except _NoValue as missing:
            raise JSONDecodeError('Expecting value', s, missing.position) from None
