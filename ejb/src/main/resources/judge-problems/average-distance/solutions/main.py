import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
xs = sorted(int(x) for x in data[1:n + 1])
total = 0
prefix = 0
for i, x in enumerate(xs):
    total += x * i - prefix
    prefix += x
print(f"{total / (n * (n - 1) // 2):.9f}")
