"""Writes tests/ for average-distance. Deterministic; answers are computed exactly with fractions."""
import random
from fractions import Fraction

rng = random.Random(5)


def average(xs):
    xs = sorted(xs)
    total = 0
    prefix = 0
    for i, x in enumerate(xs):
        total += x * i - prefix
        prefix += x
    pairs = len(xs) * (len(xs) - 1) // 2
    return Fraction(total, pairs)


cases = [
    [0, 1, 3],
    [5, 5],
    [-10**6, 10**6],
    [1, 2],
    [7, 7, 7, 7, 8],
    [0, 0, 0, 1, 1, 1, 2],
    [rng.randint(-100, 100) for _ in range(50)],
    [rng.randint(-10**6, 10**6) for _ in range(5000)],
    [rng.randint(-10**6, 10**6) for _ in range(200000)],
    [10**6 if i % 2 else -10**6 for i in range(200000)],
]
for number, xs in enumerate(cases, 1):
    with open(f"tests/{number:02d}.in", "w") as f:
        f.write(f"{len(xs)}\n{' '.join(map(str, xs))}\n")
    value = average(xs)
    with open(f"tests/{number:02d}.out", "w") as f:
        f.write(f"{value.numerator // value.denominator}.{(value.numerator % value.denominator) * 10**9 // value.denominator:09d}\n")
