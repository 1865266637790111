#include <unistd.h>
int main(){sleep(60);return 0;}
