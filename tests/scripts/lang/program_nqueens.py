# lang program: N-queens by recursive backtracking, with a board printout
def solve(n):
    solutions = []
    columns = [0] * n
    used_cols, used_diag, used_anti = set(), set(), set()
    def place(row):
        if row == n:
            solutions.append(columns[:])
            return
        for col in range(n):
            if col in used_cols or row - col in used_diag or row + col in used_anti:
                continue
            columns[row] = col
            used_cols.add(col); used_diag.add(row - col); used_anti.add(row + col)
            place(row + 1)
            used_cols.discard(col); used_diag.discard(row - col); used_anti.discard(row + col)
    place(0)
    return solutions
for n in range(1, 9):
    print(n, len(solve(n)))
first = solve(8)[0]
print(first)
for col in first:
    print(" ".join("Q" if c == col else "." for c in range(8)))
def is_valid(cols):
    return all(cols[i] != cols[j] and abs(cols[i] - cols[j]) != j - i
               for i in range(len(cols)) for j in range(i + 1, len(cols)))
print(all(is_valid(s) for s in solve(6)), solve(4))
def count_with_bitmasks(n, row=0, cols=0, diag=0, anti=0):
    if row == n:
        return 1
    total = 0
    free = ~(cols | diag | anti) & ((1 << n) - 1)
    while free:
        bit = free & -free
        free ^= bit
        total += count_with_bitmasks(n, row + 1, cols | bit, (diag | bit) << 1, (anti | bit) >> 1)
    return total
print([count_with_bitmasks(n) for n in range(1, 10)])
