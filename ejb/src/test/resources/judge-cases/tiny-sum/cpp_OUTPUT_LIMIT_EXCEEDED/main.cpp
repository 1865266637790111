#include <cstdio>
int main(){static char line[65536];for(int i=0;i<65535;i++)line[i]='x';line[65535]='\n';for(;;)std::fwrite(line,1,sizeof line,stdout);}
