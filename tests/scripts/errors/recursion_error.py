# errors: unbounded recursion raises RecursionError, which can be caught and recovered from
import sys
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
print(isinstance(RecursionError(), RuntimeError))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", type(e).__name__, e)
class Node:
    def __init__(self):
        self.child = self
    def depth(self):
        return 1 + self.child.depth()
try:
    Node().depth()
except RecursionError as e:
    print("method:", e)
def bounded(n):
    return 0 if n == 0 else 1 + bounded(n - 1)
print(bounded(800))
depth = 0
def measure():
    global depth
    depth += 1
    measure()
try:
    measure()
except RecursionError:
    print("recovered; depth reached is below the limit:", depth < sys.getrecursionlimit())
def gen_recursion():
    yield from gen_recursion()
try:
    list(gen_recursion())
except RecursionError as e:
    print("generator:", type(e).__name__)
print("still running normally:", bounded(10))
