#include <cstdio>

// Integer division by zero with a divisor the compiler cannot see: SIGFPE.
int main(int argc, char**) {
    long long a, b;
    std::scanf("%lld %lld", &a, &b);
    std::printf("%lld\n", (a + b) / (argc - 1));
}
