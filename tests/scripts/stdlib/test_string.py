# Script test for the string module: constants, capwords, Template.
import string
from helper_check import attempt

for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits',
             'octdigits', 'punctuation', 'printable', 'whitespace']:
    value = getattr(string, name)
    print(name, repr(value), len(value))

print(string.capwords('hello   wide world'), '|', string.capwords('  leading and trailing  '))
print(string.capwords('a-b-c d', '-'), '|', string.capwords(''), '|', string.capwords('ÉCOLE très bien'))
print(string.capwords('x,,y', ','))

T = string.Template
print(T('$who likes $what').substitute(who='tim', what='kung pao'))
print(T('${noun}ification costs $$10').substitute({'noun': 'unit'}))
print(T('$a $b').substitute({'a': 1, 'b': 2}, b='kw wins'))
print(T('$mapping').substitute(mapping='a keyword named mapping'))
print(T('$x and $y').safe_substitute(x=1))
print(T('${x} and ${y} $').safe_substitute({'x': 'X'}))
print(T('$_private $a1 $1').safe_substitute(_private='p', a1='A'))
print(T('tail $').safe_substitute(), '|', T('$$').substitute(), '|', T('no placeholders').substitute())
print(T('$x$y${x}').substitute(x='1', y=2.5))
t = T('$who and ${what} and $who and $$ and ${who}')
print(t.template, t.get_identifiers(), t.is_valid())
print(T('bad $ and ${oops').is_valid(), T('bad ${1x}').get_identifiers())
attempt('missing key', lambda: T('$who is $missing').substitute(who='x'))
attempt('invalid placeholder', lambda: T('ok\nline two $ here').substitute())
attempt('invalid braces', lambda: T('${not closed').substitute())
attempt('invalid first', lambda: T('$').substitute())
attempt('invalid digit', lambda: T('cost: $5').substitute())
attempt('too many positionals', lambda: T('$a').substitute({}, {}))


class Percent(T):
    delimiter = '%'


print(Percent('%who owes %%%amount').substitute(who='bob', amount='5'))
