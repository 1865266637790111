#include <cstdio>
#include <cstring>
static char* volatile kept;
int main(){volatile unsigned long long n=4ULL<<30;kept=new char[n];std::memset(kept,1,n);long long a,b;std::scanf("%lld %lld",&a,&b);std::printf("%lld\n",a+b+kept[0]-1);}
