import bisect
import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
tails = []
for token in data[1:n + 1]:
    value = int(token)
    k = bisect.bisect_left(tails, value)
    if k == len(tails):
        tails.append(value)
    else:
        tails[k] = value
print(len(tails))
