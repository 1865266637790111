#include <cstdio>
#include <vector>

// Correct but O(n^2): must fail on time on the large tests.
int main() {
    int n;
    long long target;
    std::scanf("%d %lld", &n, &target);
    std::vector<long long> a(n);
    for (auto& value : a) std::scanf("%lld", &value);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (a[i] + a[j] == target) { std::printf("%d %d\n", i + 1, j + 1); return 0; }
}
