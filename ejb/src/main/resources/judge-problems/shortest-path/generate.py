"""Writes tests/ for shortest-path. Deterministic. The large tests hide a long chain whose edges
are listed backwards, so Bellman-Ford needs about n rounds."""
import heapq
import random

rng = random.Random(4)


def solve(n, edges):
    graph = [[] for _ in range(n + 1)]
    for u, v, w in edges:
        graph[u].append((v, w))
    dist = [-1] * (n + 1)
    best = [None] * (n + 1)
    best[1] = 0
    heap = [(0, 1)]
    while heap:
        d, u = heapq.heappop(heap)
        if dist[u] != -1:
            continue
        dist[u] = d
        for v, w in graph[u]:
            if dist[v] == -1 and (best[v] is None or d + w < best[v]):
                best[v] = d + w
                heapq.heappush(heap, (d + w, v))
    return dist[1:]


def random_graph(n, m, max_weight):
    return [(rng.randint(1, n), rng.randint(1, n), rng.randint(1, max_weight)) for _ in range(m)]


def hidden_chain(n, extra):
    chain = [(i, i + 1, rng.randint(1, 10)) for i in range(1, n)]
    chain.reverse()
    noise = [(rng.randint(1, n), rng.randint(1, n), rng.randint(10**8, 10**9)) for _ in range(extra)]
    rng.shuffle(noise)
    return chain[: len(chain) // 2] + noise + chain[len(chain) // 2:]


cases = [
    (4, [(1, 2, 5), (1, 3, 1), (3, 2, 2), (4, 1, 1)]),
    (1, []),
    (3, []),
    (2, [(1, 1, 7), (1, 2, 10**9), (1, 2, 3)]),
    (5, [(i, i + 1, 10**9) for i in range(1, 5)]),
    (6, [(1, 2, 1), (2, 3, 1), (3, 1, 1), (4, 5, 1), (5, 6, 1)]),
    (100, random_graph(100, 300, 100)),
    (2000, random_graph(2000, 8000, 10**9)),
    (50000, random_graph(50000, 100000, 10**9)),
    (50000, hidden_chain(50000, 50001)),
]
for number, (n, edges) in enumerate(cases, 1):
    with open(f"tests/{number:02d}.in", "w") as f:
        f.write(f"{n} {len(edges)}\n" + "".join(f"{u} {v} {w}\n" for u, v, w in edges))
    with open(f"tests/{number:02d}.out", "w") as f:
        f.write(" ".join(map(str, solve(n, edges))) + "\n")
