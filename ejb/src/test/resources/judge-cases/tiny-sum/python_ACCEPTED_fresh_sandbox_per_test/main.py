# Every test must find the sandbox as the first one did: nothing in /tmp or /dev/shm, no System V
# segment, no process of an earlier test. Only then is the answer right; and every test leaves all of
# these behind for the next one (tiny-sum has three tests).
import ctypes
import os
import socket
import time

left = os.listdir('/tmp') + os.listdir('/dev/shm')
segments = len(open('/proc/sysvipc/shm').read().splitlines()) - 1
others = [pid for pid in os.listdir('/proc') if pid.isdigit() and int(pid) not in (1, os.getpid())]
held = socket.socket(socket.AF_UNIX)
try:
    held.bind('\0arena-left-behind')
    name_free = True
except OSError:
    name_free = False
a, b = map(int, input().split())
fresh = not left and not segments and not others and name_free
print(a + b if fresh else a + b + 1, flush=True)
open('/tmp/left', 'w').write('x')
open('/dev/shm/left', 'w').write('x')
ctypes.CDLL(None).shmget(4242, 4096, 0o1600)
if os.fork() == 0:
    os.setsid()
    time.sleep(60)  # holds the socket name too
