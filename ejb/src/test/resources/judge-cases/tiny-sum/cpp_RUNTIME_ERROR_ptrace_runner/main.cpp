// Tries to take over the sandbox's runner (pid 1, same uid) with ptrace. The runner is not dumpable,
// so the attach fails.
#include <cstdio>
#include <sys/ptrace.h>

int main() {
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2) return 1;
    if (ptrace(PTRACE_ATTACH, 1, nullptr, nullptr) != 0) return 1;
    printf("%lld\n", a + b);
}
