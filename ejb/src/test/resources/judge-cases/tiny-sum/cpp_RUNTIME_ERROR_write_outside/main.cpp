#include <cstdio>
int main(){const char* paths[]={"/box/evil","/usr/evil","/etc/evil","/evil","/dev/evil"};int written=0;for(const char*p:paths){FILE*f=std::fopen(p,"w");if(f){written++;std::fclose(f);}}if(!written)return 1;long long a,b;if(std::scanf("%lld %lld",&a,&b)!=2)return 2;std::printf("%lld\n",a+b);}
