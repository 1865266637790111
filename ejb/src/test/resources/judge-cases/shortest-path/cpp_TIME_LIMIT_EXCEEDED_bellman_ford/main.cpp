#include <cstdio>
#include <vector>

// Correct but O(n * m): must fail on time on the large tests.
int main() {
    int n, m;
    std::scanf("%d %d", &n, &m);
    std::vector<int> from(m), to(m);
    std::vector<long long> weight(m);
    for (int k = 0; k < m; k++) std::scanf("%d %d %lld", &from[k], &to[k], &weight[k]);
    std::vector<long long> dist(n + 1, -1);
    dist[1] = 0;
    for (bool changed = true; changed;) {
        changed = false;
        for (int k = 0; k < m; k++)
            if (dist[from[k]] != -1 && (dist[to[k]] == -1 || dist[from[k]] + weight[k] < dist[to[k]])) {
                dist[to[k]] = dist[from[k]] + weight[k];
                changed = true;
            }
    }
    for (int v = 1; v <= n; v++) std::printf("%lld%c", dist[v], v == n ? '\n' : ' ');
}
