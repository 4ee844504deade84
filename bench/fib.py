# Benchmark: script-to-script calls, recursive fib(32), about 7 million calls (twin: fib.lua).


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(32))
