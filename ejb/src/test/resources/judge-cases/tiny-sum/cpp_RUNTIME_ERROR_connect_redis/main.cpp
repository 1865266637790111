#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <cstdio>

// Only a loopback without listeners exists in the sandbox: connect must fail (exit 1).
// Had it reached the host's Redis, the program would answer correctly and be ACCEPTED.
int main() {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) return 1;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(6390);
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (connect(s, (sockaddr*) &address, sizeof address) != 0) return 1;
    long long a, b;
    std::scanf("%lld %lld", &a, &b);
    std::printf("%lld\n", a + b);
}
