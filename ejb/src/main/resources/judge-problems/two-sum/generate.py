"""Writes tests/ for two-sum. Deterministic. Every array holds only even numbers except one odd
number, and the target is odd, so the answer pair is unique by construction."""
import random

rng = random.Random(2)


def case(n, answer_positions=None):
    values = rng.sample(range(-500_000_000, 500_000_000), n)
    values = [2 * v for v in values]
    i, j = answer_positions or sorted(rng.sample(range(n), 2))
    values[j] = values[j] + 1 if values[j] + 1 <= 10**9 else values[j] - 1
    if values[j] in values[:j] + values[j + 1:]:
        raise SystemExit("collision, change the seed")
    return values, values[i] + values[j], i + 1, j + 1


fixed = [([2, 7, 11, 15], 9, 1, 2), ([3, 2, 4], 6, 2, 3), ([-1, 1], 0, 1, 2),
         ([10**9, -10**9, 5], -10**9 + 5, 2, 3)]
generated = [case(10), case(1000), case(150000, (149998, 149999)), case(150000, (0, 149999))]
for number, (values, target, i, j) in enumerate(fixed + generated, 1):
    with open(f"tests/{number:02d}.in", "w") as f:
        f.write(f"{len(values)} {target}\n{' '.join(map(str, values))}\n")
    with open(f"tests/{number:02d}.out", "w") as f:
        f.write(f"{i} {j}\n")
