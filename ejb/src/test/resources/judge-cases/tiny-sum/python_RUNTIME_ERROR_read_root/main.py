import os
os.listdir('/root')
print(sum(map(int, input().split())))
