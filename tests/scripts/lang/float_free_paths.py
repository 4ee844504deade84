# Exact floats go straight back to their free list when freed; subclass instances and floats
# freed inside a deep structure (freed by the loop that replaces recursion) take the other paths.


class Celsius(float):
    def __repr__(self):
        return f"Celsius({float(self)})"


def churn(n):
    total = 0.0
    for i in range(n):
        x = i * 0.5  # a fresh float every iteration; the previous one is freed
        total += x * x - x
    return total


print(churn(10_000))

temperatures = [Celsius(i / 4) for i in range(8)]
print(temperatures[:3], sum(temperatures))
del temperatures

# A list nested 200000 deep, with a float at each level, freed at once.
nested = []
for i in range(200_000):
    nested = [i / 8, nested]
depth, node = 0, nested
while node:
    depth += 1
    node = node[1]
print(depth, nested[0])
del nested, node

values = {str(i): i * 1.25 for i in range(1000)}
print(len(values), values["999"])
values.clear()
print(values)

reused = [1.0 * k for k in range(5)]
reused[2] = reused[2] + 0.5
print(reused, [type(v).__name__ for v in reused])
