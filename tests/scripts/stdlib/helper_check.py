# tests/scripts/stdlib/helper_check.py — shared by the stdlib script tests: run a call, print its result or its exception.


def attempt(label, func, show_message=True):
    """Print what func() returns, or the type and message of what it raises.

    show_message=False prints only the exception type, for messages that name a
    C type (e.g. 'collections.deque') where chaipy's Python class has a plain name."""
    try:
        result = func()
    except Exception as error:
        if show_message:
            print(f'{label} -> {type(error).__name__}: {error}')
        else:
            print(f'{label} -> {type(error).__name__}')
    else:
        print(f'{label} -> {result!r}')
