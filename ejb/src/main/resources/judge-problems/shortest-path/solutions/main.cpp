#include <cstdio>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

int main() {
    int n, m;
    std::scanf("%d %d", &n, &m);
    std::vector<std::vector<std::pair<int, long long>>> graph(n + 1);
    for (int k = 0; k < m; k++) {
        int u, v;
        long long w;
        std::scanf("%d %d %lld", &u, &v, &w);
        graph[u].push_back({v, w});
    }
    std::vector<long long> dist(n + 1, -1);
    std::priority_queue<std::pair<long long, int>, std::vector<std::pair<long long, int>>, std::greater<>> heap;
    heap.push({0, 1});
    while (!heap.empty()) {
        auto [d, u] = heap.top();
        heap.pop();
        if (dist[u] != -1) continue;
        dist[u] = d;
        for (auto [v, w] : graph[u])
            if (dist[v] == -1) heap.push({d + w, v});
    }
    for (int v = 1; v <= n; v++) std::printf("%lld%c", dist[v], v == n ? '\n' : ' ');
}
