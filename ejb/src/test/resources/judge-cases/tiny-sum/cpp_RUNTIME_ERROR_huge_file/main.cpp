#include <cstdio>
int main(){static char block[1<<20];FILE*f=std::fopen("/tmp/huge","wb");if(!f)return 1;for(int i=0;i<1024;i++){if(std::fwrite(block,1,sizeof block,f)!=sizeof block)return 1;std::fflush(f);}long long a,b;if(std::scanf("%lld %lld",&a,&b)!=2)return 2;std::printf("%lld\n",a+b);}
