"""Writes tests/ for sort-lines. Deterministic."""
import random

rng = random.Random(6)


def line(max_words=4):
    words = ["".join(rng.choice("abcdefghij") for _ in range(rng.randint(1, 6))) for _ in range(rng.randint(1, max_words))]
    return " ".join(words)[:30].strip()


cases = [
    ["banana split", "apple", "banana"],
    ["a"],
    ["b", "a", "b", "a"],
    ["a b", "ab", "a", "a a"],
    ["z" * 30, "z" * 29, "z y"],
    [line() for _ in range(20)],
    [line() for _ in range(1000)],
    [line() for _ in range(100000)],
    [line(1) for _ in range(100000)],
    ["abc def"] * 50000,
]
for number, lines in enumerate(cases, 1):
    with open(f"tests/{number:02d}.in", "w") as f:
        f.write(f"{len(lines)}\n" + "".join(text + "\n" for text in lines))
    with open(f"tests/{number:02d}.out", "w") as f:
        f.write("".join(text + "\n" for text in sorted(lines)))
