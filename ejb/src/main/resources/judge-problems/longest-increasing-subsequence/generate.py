"""Writes tests/ for longest-increasing-subsequence. Deterministic."""
import bisect
import random

rng = random.Random(3)


def lis(values):
    tails = []
    for value in values:
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
        else:
            tails[k] = value
    return len(tails)


cases = [
    [10, 9, 2, 5, 3, 7, 101, 18],
    [5],
    [7, 7, 7, 7],
    [5, 4, 3, 2, 1],
    list(range(1, 21)),
    [-10**9, 10**9, -10**9, 10**9],
    [rng.randint(-50, 50) for _ in range(200)],
    [rng.randint(-10**9, 10**9) for _ in range(150000)],
    [i // 3 for i in range(150000)],
    [rng.randint(0, 1000) + i * 10 for i in range(100000)],
]
for number, values in enumerate(cases, 1):
    with open(f"tests/{number:02d}.in", "w") as f:
        f.write(f"{len(values)}\n{' '.join(map(str, values))}\n")
    with open(f"tests/{number:02d}.out", "w") as f:
        f.write(f"{lis(values)}\n")
