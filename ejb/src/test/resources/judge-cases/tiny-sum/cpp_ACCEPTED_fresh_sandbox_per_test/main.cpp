// Every test must find the sandbox as the first one did: nothing in /tmp or /dev/shm, no System V
// segment, no process of an earlier test. Only then is the answer right; and every test leaves all of
// these behind for the next one (tiny-sum has three tests).
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int entries(const char* path, bool othersOnly) {
    int count = 0;
    DIR* dir = opendir(path);
    for (dirent* entry; dir && (entry = readdir(dir));) {
        const char* name = entry->d_name;
        if (!strcmp(name, ".") || !strcmp(name, "..")) continue;
        if (othersOnly && (!isdigit(name[0]) || atoi(name) == 1 || atoi(name) == getpid())) continue;
        count++;
    }
    if (dir) closedir(dir);
    return count;
}

int main() {
    long long a, b;
    if (scanf("%lld %lld", &a, &b) != 2) return 1;
    int held = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    memcpy(address.sun_path + 1, "arena-left-behind", 17);
    bool nameFree = bind(held, (sockaddr*) &address, sizeof(sa_family_t) + 18) == 0;
    bool fresh = entries("/tmp", false) == 0 && entries("/dev/shm", false) == 0 && entries("/proc", true) == 0
                 && shmget(4242, 0, 0) < 0 && nameFree;
    printf("%lld\n", fresh ? a + b : a + b + 1);
    fflush(stdout);
    close(open("/tmp/left", O_CREAT | O_WRONLY, 0600));
    close(open("/dev/shm/left", O_CREAT | O_WRONLY, 0600));
    shmget(4242, 4096, IPC_CREAT | 0600);
    if (fork() == 0) {
        setsid();
        sleep(60);  // holds the socket name too
    }
}
