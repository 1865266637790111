#include <cstdio>
#include <string>

// A sum can reach 2 * 10^18, past a signed 64-bit integer: add in 128 bits, print by hand.
static void print(__int128 value) {
    if (value == 0) { std::putchar('0'); std::putchar('\n'); return; }
    char digits[48];
    int length = 0;
    bool negative = value < 0;
    if (negative) value = -value;
    while (value > 0) { digits[length++] = char('0' + (int) (value % 10)); value /= 10; }
    if (negative) std::putchar('-');
    while (length > 0) std::putchar(digits[--length]);
    std::putchar('\n');
}

int main() {
    int t;
    if (std::scanf("%d", &t) != 1) return 1;
    for (int i = 0; i < t; i++) {
        long long a, b;
        std::scanf("%lld %lld", &a, &b);
        print((__int128) a + b);
    }
}
