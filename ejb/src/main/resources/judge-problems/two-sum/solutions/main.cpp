#include <cstdio>
#include <unordered_map>

int main() {
    int n;
    long long target;
    std::scanf("%d %lld", &n, &target);
    std::unordered_map<long long, int> seen;
    seen.reserve(n * 2);
    for (int j = 0; j < n; j++) {
        long long value;
        std::scanf("%lld", &value);
        auto found = seen.find(target - value);
        if (found != seen.end()) {
            std::printf("%d %d\n", found->second + 1, j + 1);
            return 0;
        }
        seen[value] = j;
    }
}
