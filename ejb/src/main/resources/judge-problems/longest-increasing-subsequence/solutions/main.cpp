#include <algorithm>
#include <cstdio>
#include <vector>

// tails[k] = smallest possible last value of an increasing subsequence of length k + 1.
int main() {
    int n;
    std::scanf("%d", &n);
    std::vector<long long> tails;
    for (int i = 0; i < n; i++) {
        long long value;
        std::scanf("%lld", &value);
        auto position = std::lower_bound(tails.begin(), tails.end(), value);
        if (position == tails.end()) tails.push_back(value); else *position = value;
    }
    std::printf("%zu\n", tails.size());
}
