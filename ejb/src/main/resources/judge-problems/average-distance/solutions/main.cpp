#include <algorithm>
#include <cstdio>
#include <vector>

// After sorting, x[i] is the larger end of i pairs: sum of distances = sum(i * x[i] - prefix[i]).
// The sum stays below 2 * 10^6 * n^2 / 2 = 4 * 10^16: fits in 64 bits.
int main() {
    int n;
    std::scanf("%d", &n);
    std::vector<long long> xs(n);
    for (auto& x : xs) std::scanf("%lld", &x);
    std::sort(xs.begin(), xs.end());
    long long total = 0, prefix = 0;
    for (int i = 0; i < n; i++) {
        total += xs[i] * i - prefix;
        prefix += xs[i];
    }
    long long pairs = (long long) n * (n - 1) / 2;
    std::printf("%.9f\n", (double) total / (double) pairs);
}
