# N-queens by backtracking with sets: recursion, set operations, generators.
def solve(n):
    def place(row, cols, diag1, diag2):
        if row == n:
            yield 1
            return
        for col in range(n):
            if col in cols or (row + col) in diag1 or (row - col) in diag2:
                continue
            cols.add(col)
            diag1.add(row + col)
            diag2.add(row - col)
            yield from place(row + 1, cols, diag1, diag2)
            cols.discard(col)
            diag1.discard(row + col)
            diag2.discard(row - col)
    return sum(place(0, set(), set(), set()))


for n in range(4, 13):
    print(n, solve(n))
