# Right tokens in the right order for the sample, but one word per line: the exact checker
# must reject what the tokens checker would accept.
import sys

lines = sys.stdin.read().split("\n")
n = int(lines[0])
for line in sorted(lines[1:n + 1]):
    print("\n".join(line.split(" ")))
