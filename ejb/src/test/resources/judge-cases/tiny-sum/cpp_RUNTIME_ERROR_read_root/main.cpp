#include <dirent.h>
#include <cstdio>
int main(){DIR*d=opendir("/root");if(!d)return 1;long long a,b;if(std::scanf("%lld %lld",&a,&b)!=2)return 2;std::printf("%lld\n",a+b);}
