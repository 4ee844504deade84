# stdlib/py/string.py — the string module: character-class constants, capwords, and $-substitution Template.

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Template']

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(word.capitalize() for word in s.split(sep))


_IDENTIFIER_START = '_' + ascii_letters
_IDENTIFIER_CHARS = _IDENTIFIER_START + digits


def _identifier_end(text, start):
    """Index just past the ASCII identifier at text[start:], or start if there is none."""
    if start >= len(text) or text[start] not in _IDENTIFIER_START:
        return start
    end = start + 1
    while end < len(text) and text[end] in _IDENTIFIER_CHARS:
        end += 1
    return end


class Template:
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _placeholders(self):
        """Yield (start, end, kind, name) for each delimiter in the template.

        kind is 'escaped', 'named' or 'invalid'; for 'invalid', start is where the
        placeholder text should have begun (just after the delimiter)."""
        text = self.template
        delimiter = self.delimiter
        position = text.find(delimiter)
        while position >= 0:
            after = position + len(delimiter)
            if text.startswith(delimiter, after):
                yield position, after + len(delimiter), 'escaped', None
                end = after + len(delimiter)
            else:
                end = _identifier_end(text, after)
                if end > after:
                    yield position, end, 'named', text[after:end]
                elif text.startswith('{', after):
                    name_end = _identifier_end(text, after + 1)
                    if name_end > after + 1 and text.startswith('}', name_end):
                        end = name_end + 1
                        yield position, end, 'named', text[after + 1:name_end]
                    else:
                        end = after
                        yield after, after, 'invalid', None
                else:
                    end = after
                    yield after, after, 'invalid', None
            position = text.find(delimiter, end)

    def _invalid(self, index):
        lines = self.template[:index].splitlines(keepends=True)
        if not lines:
            line_number, column = 1, 1
        else:
            column = index - len(''.join(lines[:-1]))
            line_number = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (line_number, column))

    def _substitute(self, args, kws, safe):
        if len(args) > 1:
            method = 'safe_substitute' if safe else 'substitute'
            raise TypeError(f'Template.{method}() takes from 1 to 2 positional arguments but {len(args) + 1} were given')
        mapping = args[0] if args else kws
        text = self.template
        pieces = []
        copied_up_to = 0
        for start, end, kind, name in self._placeholders():
            if kind == 'invalid':
                if not safe:
                    self._invalid(start)
                continue
            pieces.append(text[copied_up_to:start])
            copied_up_to = end
            if kind == 'escaped':
                pieces.append(self.delimiter)
            elif safe:
                try:
                    pieces.append(str(_lookup(name, kws, mapping)))
                except KeyError:
                    pieces.append(text[start:end])
            else:
                pieces.append(str(_lookup(name, kws, mapping)))
        pieces.append(text[copied_up_to:])
        return ''.join(pieces)

    # The mapping travels in *args so that a keyword called "mapping" is a substitution value.
    def substitute(*args, **kws):
        return args[0]._substitute(args[1:], kws, False)

    def safe_substitute(*args, **kws):
        return args[0]._substitute(args[1:], kws, True)

    def is_valid(self):
        for start, end, kind, name in self._placeholders():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        identifiers = []
        for start, end, kind, name in self._placeholders():
            if kind == 'named' and name not in identifiers:
                identifiers.append(name)
        return identifiers


def _lookup(name, keywords, mapping):
    if name in keywords:
        return keywords[name]
    return mapping[name]
