import sys

lines = sys.stdin.buffer.read().split(b"\n")
n = int(lines[0])
sys.stdout.buffer.write(b"".join(text + b"\n" for text in sorted(lines[1:n + 1])))
