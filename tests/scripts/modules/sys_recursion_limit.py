# modules: sys.getrecursionlimit and sys.setrecursionlimit change how deep recursion may go
import sys
original = sys.getrecursionlimit()
print(original)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit(), depth(2500))
sys.setrecursionlimit(200)
try:
    depth(500)
except RecursionError as e:
    print("RecursionError:", e)
print(depth(150))
sys.setrecursionlimit(original)
print(sys.getrecursionlimit() == original, depth(900))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
try:
    sys.setrecursionlimit("100")
except TypeError as e:
    print("TypeError:", e)
