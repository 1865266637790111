written = []
for path in ['/box/evil', '/usr/evil', '/etc/evil', '/evil', '/proc/sys/kernel/evil', '/dev/evil']:
    try:
        with open(path, 'w') as f:
            f.write('x')
        written.append(path)
    except OSError:
        pass
if not written:
    raise SystemExit('every write outside /tmp failed')
print(sum(map(int, input().split())))
