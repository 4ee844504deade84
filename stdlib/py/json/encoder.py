# stdlib/py/json/encoder.py — Python objects to JSON text: JSONEncoder and the string escapers.

__all__ = ['JSONEncoder']

_INFINITY = float('inf')

_SHORT_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t',
                  '\b': '\\b', '\f': '\\f'}


def _escape_char(char):
    escape = _SHORT_ESCAPES.get(char)
    if escape is not None:
        return escape
    code = ord(char)
    if code < 0x10000:
        return '\\u%04x' % code
    code -= 0x10000
    return '\\u%04x\\u%04x' % (0xD800 | (code >> 10), 0xDC00 | (code & 0x3FF))


def _needs_escape_ascii(char):
    return not (' ' <= char <= '~') or char == '"' or char == '\\'


def _needs_escape_unicode(char):
    return char < ' ' or char == '"' or char == '\\'


def _escape(s, needs_escape):
    pieces = ['"']
    plain_start = 0
    for position in range(len(s)):
        char = s[position]
        if needs_escape(char):
            if plain_start < position:
                pieces.append(s[plain_start:position])
            pieces.append(_escape_char(char))
            plain_start = position + 1
    pieces.append(s[plain_start:])
    pieces.append('"')
    return ''.join(pieces)


def encode_basestring_ascii(s):
    """s as a JSON string literal using only ASCII (other characters become \\uXXXX)."""
    if s.isascii() and s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    return _escape(s, _needs_escape_ascii)


def encode_basestring(s):
    """s as a JSON string literal, escaping only quotes, backslashes and control characters."""
    if s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    return _escape(s, _needs_escape_unicode)


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            return encode_basestring_ascii(o) if self.ensure_ascii else encode_basestring(o)
        chunks = []
        _encode(self, o, chunks.append, True)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        chunks = []
        _encode(self, o, chunks.append, _one_shot)
        return iter(chunks)


def _encode(encoder, o, emit, one_shot):
    """Write o as JSON through emit(chunk).

    The chunks are those of CPython's pure-Python encoder, so that json.dump
    leaves the same partial output behind when it fails half-way. A one-shot
    encode without indent is CPython's C encoder, which words the NaN error
    differently."""
    markers = {} if encoder.check_circular else None
    escape = encode_basestring_ascii if encoder.ensure_ascii else encode_basestring
    indent = encoder.indent
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent
    item_separator = encoder.item_separator
    key_separator = encoder.key_separator
    sort_keys = encoder.sort_keys
    skipkeys = encoder.skipkeys
    allow_nan = encoder.allow_nan
    like_c_encoder = one_shot and encoder.indent is None
    default = encoder.default

    def float_text(value):
        if value != value:
            text = 'NaN'
        elif value == _INFINITY:
            text = 'Infinity'
        elif value == -_INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(value)
        if not allow_nan:
            if like_c_encoder:
                raise ValueError('Out of range float values are not JSON compliant')
            raise ValueError('Out of range float values are not JSON compliant: ' + repr(value))
        return text

    def scalar_text(value):
        """The JSON text of a str, None, bool, int or float; None for anything else."""
        if isinstance(value, str):
            return escape(value)
        if value is None:
            return 'null'
        if value is True:
            return 'true'
        if value is False:
            return 'false'
        if isinstance(value, int):
            return int.__repr__(value)
        if isinstance(value, float):
            return float_text(value)
        return None

    def enter(container):
        if markers is not None:
            marker = id(container)
            if marker in markers:
                raise ValueError('Circular reference detected')
            markers[marker] = container

    def leave(container):
        if markers is not None:
            del markers[id(container)]

    def write_list(items, level):
        if not items:
            emit('[]')
            return
        enter(items)
        prefix = '['
        if indent is not None:
            level += 1
            newline_indent = '\n' + indent * level
            separator = item_separator + newline_indent
            prefix += newline_indent
        else:
            newline_indent = None
            separator = item_separator
        first = True
        for value in items:
            if first:
                first = False
            else:
                prefix = separator
            text = scalar_text(value)
            if text is not None:
                emit(prefix + text)
            else:
                emit(prefix)
                write_container(value, level)
        if newline_indent is not None:
            emit('\n' + indent * (level - 1))
        emit(']')
        leave(items)

    def write_dict(mapping, level):
        if not mapping:
            emit('{}')
            return
        enter(mapping)
        emit('{')
        if indent is not None:
            level += 1
            newline_indent = '\n' + indent * level
            separator = item_separator + newline_indent
            emit(newline_indent)
        else:
            newline_indent = None
            separator = item_separator
        first = True
        items = sorted(mapping.items()) if sort_keys else mapping.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = float_text(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, not {key.__class__.__name__}')
            if first:
                first = False
            else:
                emit(separator)
            emit(escape(key))
            emit(key_separator)
            text = scalar_text(value)
            if text is not None:
                emit(text)
            else:
                write_container(value, level)
        if newline_indent is not None:
            emit('\n' + indent * (level - 1))
        emit('}')
        leave(mapping)

    def write_container(value, level):
        if isinstance(value, (list, tuple)):
            write_list(value, level)
        elif isinstance(value, dict):
            write_dict(value, level)
        else:
            enter(value)
            write_value(default(value), level)
            leave(value)

    def write_value(value, level):
        text = scalar_text(value)
        if text is not None:
            emit(text)
        else:
            write_container(value, level)

    write_value(o, 0)
