# Deeply nested source must give SyntaxError (or CPython's RecursionError/MemoryError), never overflow the C++ stack.
import threading


def outcome(source, mode='exec'):
    try:
        compile(source, '<nested>', mode)
        return 'compiled'
    except (SyntaxError, RecursionError, MemoryError) as error:
        return f'{type(error).__name__}: {error.msg if isinstance(error, SyntaxError) else error}'


def kind(source):
    # Where CPython 3.11 and chaipy word the failure differently, only "it failed cleanly" is compared.
    result = outcome(source)
    return 'compiled' if result == 'compiled' else 'refused'


print(outcome('(' * 10000))
print(outcome('[' * 10000 + ']' * 10000))
print(outcome('(' * 201 + ')' * 201))
print(outcome('(' * 200 + ')' * 200))
print(outcome('f(' * 199 + ')' * 199))
print(outcome('{' * 300))
print(outcome(''.join(' ' * i + 'if x:\n' for i in range(1000)) + ' ' * 1000 + 'pass\n'))
print(outcome(''.join(' ' * i + 'if x:\n' for i in range(99)) + ' ' * 99 + 'pass\n'))
print(outcome(''.join(' ' * i + 'for x in y:\n' for i in range(25)) + ' ' * 25 + 'pass\n'))
print(outcome(''.join(' ' * i + 'while x:\n' for i in range(20)) + ' ' * 20 + 'pass\n'))
print(outcome(''.join(' ' * i + 'try:\n' for i in range(21)) + ' ' * 21 + 'pass\n' +
              ''.join(' ' * i + 'finally:\n' + ' ' * i + ' pass\n' for i in reversed(range(21)))))
for source in ['a+' * 100000 + 'a', '-' * 100000 + 'a', 'not ' * 100000 + 'a', 'a.' * 100000 + 'a',
               'a[' * 100000, 'lambda: ' * 100000 + '1', 'x if y else ' * 100000 + 'z',
               '"x" ' * 100000, 'a, ' * 100000 + 'a', 'a == ' * 100000 + 'a', '-' * 100 + 'a',
               'a+' * 500 + 'a']:
    print(repr(source[:12]), len(source), kind(source))
print(outcome('-' * 100 + '1', 'eval'))
print(eval('-' * 100 + '1'))

# The same inside a generator (a small fiber stack) and a thread.
def compile_in_generator(source):
    yield kind(source)

print('generator', next(compile_in_generator('-' * 100000 + 'a')))
print('generator', next(compile_in_generator('(' * 150 + ')' * 150)))
results = []
worker = threading.Thread(target=lambda: results.append(kind('not ' * 100000 + 'a')))
worker.start()
worker.join()
print('thread', results)
