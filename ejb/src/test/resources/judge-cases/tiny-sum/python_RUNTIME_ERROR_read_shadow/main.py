secret = open('/etc/shadow').read()
print(sum(map(int, input().split())))
