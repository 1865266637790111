"""Writes tests/ for a-plus-b. Deterministic: run it again to get the same files."""
import random

rng = random.Random(1)
E = 10**18
cases = [
    [(2, 3), (-4, 1)],
    [(0, 0)],
    [(-5, 5)],
    [(E, E)],
    [(-E, -E)],
    [(E, -E), (-1, 1), (E, -1)],
    [(999999999999999999, 1)],
    [(rng.randint(-1000, 1000), rng.randint(-1000, 1000)) for _ in range(1000)],
    [(rng.randint(-E, E), rng.randint(-E, E)) for _ in range(50000)],
    [(E, E)] * 20000,
]
for number, pairs in enumerate(cases, 1):
    with open(f"tests/{number:02d}.in", "w") as f:
        f.write(f"{len(pairs)}\n" + "".join(f"{a} {b}\n" for a, b in pairs))
    with open(f"tests/{number:02d}.out", "w") as f:
        f.write("".join(f"{a + b}\n" for a, b in pairs))
