# Equality of containers compares their str and float items directly: the results must stay
# Python's (identity first, NaN, signed zeros, mixed numbers, subclasses with their own __eq__).
nan = float("nan")
print([nan] == [nan], [nan] == [float("nan")], (nan,) == (nan,), {"k": nan} == {"k": nan})
print({"k": nan} == {"k": float("nan")}, nan in [nan], float("nan") in [nan])
print([0.0] == [-0.0], (1.5, 2) == (1.5, 2.0), [1] == [1.0], [2**70] == [float(2**70)])
print([0.1 + 0.2] == [0.3], {"a": 0.5, "b": [0.25]} == {"b": [0.25], "a": 0.5})


class Approx(float):
    def __eq__(self, other):
        return abs(float(self) - float(other)) < 0.01

    __hash__ = float.__hash__


class Loud(str):
    def __eq__(self, other):
        print("Loud.__eq__", str.__str__(self), other)
        return str.__eq__(self, other)

    __hash__ = str.__hash__


print([Approx(1.0)] == [1.001], [1.001] == [Approx(1.0)], (Approx(2.0),) == (2.004,))
print([Loud("x")] == ["x"], ["y"] == [Loud("y")])
print(["é", "ü"] == ["é", "ü"], ["a"] == ["b"], ("abc",) == ("abd",))
print([1.0, "s", 2.5].index(2.5), [1.0, "s"].count("s"), 2.5 in (1, 2.5))
