# Allocations too big to exist raise MemoryError (or CPython's OverflowError) and the interpreter carries on.
def attempt(label, make):
    try:
        make()
        print(label, 'built')
    except (MemoryError, OverflowError) as error:
        print(label, type(error).__name__, error)


huge = 10**12
attempt('[0] * 10**12', lambda: [0] * huge)
attempt('[0, 1] * 2**62', lambda: [0, 1] * 2**62)
attempt('(0,) * 10**12', lambda: (0,) * huge)
attempt("'x' * 10**12", lambda: 'x' * huge)
attempt("'xy' * 2**62", lambda: 'xy' * 2**62)
attempt("b'x' * 10**12", lambda: b'x' * huge)
attempt('bytes(10**12)', lambda: bytes(huge))
attempt('bytearray(10**12)', lambda: bytearray(huge))
attempt('list(range(10**12))', lambda: list(range(huge)))
attempt("'ab'.ljust(10**12)", lambda: 'ab'.ljust(huge))
attempt("'ab'.center(10**12)", lambda: 'ab'.center(huge))
attempt("'ab'.zfill(10**12)", lambda: 'ab'.zfill(huge))
attempt("b'ab'.rjust(10**12)", lambda: b'ab'.rjust(huge))
attempt("format(1, '1000000000000d')", lambda: format(1, '1000000000000d'))
attempt("format(1.5, '1000000000000f')", lambda: format(1.5, '1000000000000f'))
attempt("f'{1:{10**12}}'", lambda: f'{1:{huge}}')
attempt("'{:1000000000000}'.format('s')", lambda: '{:1000000000000}'.format('s'))
attempt("'%1000000000000d' % 1", lambda: '%1000000000000d' % 1)
attempt("('x' * 10**6).replace('x', 'y' * 10**6)", lambda: ('x' * 10**6).replace('x', 'y' * 10**6))
attempt("(b'x' * 10**6).replace(b'x', b'y' * 10**6)", lambda: (b'x' * 10**6).replace(b'x', b'y' * 10**6))


def grow_in_place():
    items = [1]
    items *= huge


attempt('list *= 10**12', grow_in_place)

print('still alive:', sum(range(100)), 'x' * 3, [0] * 3)
