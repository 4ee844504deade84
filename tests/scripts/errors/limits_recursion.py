# Unbounded recursion raises RecursionError on the main thread, in threads and in generators, and the interpreter carries on.
import sys
import threading


def recurse(n):
    return recurse(n + 1)


def report(where, action):
    try:
        action()
        print(where, 'returned')
    except RecursionError as error:
        print(where, 'RecursionError:', error)


report('main', lambda: recurse(0))
report('main again', lambda: recurse(0))


def in_thread():
    report('thread', lambda: recurse(0))


worker = threading.Thread(target=in_thread)
worker.start()
worker.join()


def generator_that_recurses():
    recurse(0)
    yield 1


report('generator body', lambda: next(generator_that_recurses()))


def nested_generators(depth):
    yield from nested_generators(depth + 1)


report('yield from chain', lambda: next(nested_generators(0)))


def generator_recursion(n):
    # Each level starts a new generator from inside the running one.
    for value in generator_recursion(n + 1):
        yield value


report('generator recursion', lambda: list(generator_recursion(0)))


class Node:
    def __init__(self):
        self.child = self

    def __repr__(self):
        return repr(self.child)

    def __eq__(self, other):
        return self.child == other


try:
    repr(Node())
except RecursionError:
    print('repr recursion: RecursionError')
try:
    Node() == 1
except RecursionError:
    print('__eq__ recursion: RecursionError')

nested = []
for _ in range(100000):
    nested = [nested]
try:
    str(nested)
except RecursionError:
    print('str of deep list: RecursionError')


def deep_in_thread():
    sys.setrecursionlimit(5000)
    report('thread limit 5000', lambda: recurse(0))


worker = threading.Thread(target=deep_in_thread)
worker.start()
worker.join()
print(sys.getrecursionlimit())
print('alive', sum(range(10)))
