#include <vector>
#include <cstring>
#include <cstdio>
int main(){std::vector<char*> kept;for(;;){char*p=new char[1<<20];std::memset(p,1,1<<20);kept.push_back(p);}}
