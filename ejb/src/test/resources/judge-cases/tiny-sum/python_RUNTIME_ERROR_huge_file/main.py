block = b'x' * (1 << 20)
with open('/tmp/huge', 'wb') as f:
    for _ in range(1024):
        f.write(block)
        f.flush()
print(sum(map(int, input().split())))
