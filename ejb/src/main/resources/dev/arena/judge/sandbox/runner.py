# The runner: pid 1 of a sandbox, started once per sandbox, running the program once per request.
#
# Once started it says "ready". Requests come on stdin, one line each: NUL-separated fields
#   run, cpu seconds, file size, processes, stack, address space (0 = none), argv...
# Each run is a fresh child with those rlimits, stdin from /io/stdin (or /dev/null), stdout and stderr
# to /io/stdout and /io/stderr. The answer is one line on stdout: "done exit N", "done signal N" or
# "fail REASON" (the sandbox's fault, not the program's), with " last" appended when the runner could not
# restore a clean sandbox and ends itself (the judge then starts a new sandbox for the next run).
#
# Before answering, every process of the run is killed and reaped, and /tmp, /dev/shm and System V IPC
# are emptied, so no run leaves anything to the next one. CPU time, memory and wall time are measured
# and enforced from outside, by the judge, through the sandbox's cgroup.

import ctypes
import os
import resource
import signal
import sys

LIBC = ctypes.CDLL(None, use_errno=True)
PR_SET_DUMPABLE = 4
IPC_RMID = 0
SCRATCH = {path: os.stat(path).st_mode & 0o7777 for path in ('/tmp', '/dev/shm')}


def main():
    if os.getpid() != 1:
        sys.exit('runner: must be pid 1 of its pid namespace (bwrap --as-pid-1)')
    # Programs run as this process's uid. Non-dumpable, it cannot be ptraced by them (who could then
    # forge its answers) nor its memory read. (Its pipes to the judge are root's: no reopening them.)
    if LIBC.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        sys.exit('runner: cannot make itself non-dumpable')
    # Signals from inside reach a namespace's pid 1 only if it handles them; Python handles SIGINT.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Started up: from here on, what the cgroup counts belongs to the runs.
    os.write(1, b'ready\n')
    requests = sys.stdin.buffer
    while True:
        line = requests.readline()
        if not line.endswith(b'\n'):
            return
        fields = line[:-1].split(b'\0')
        answer = run([int(field) for field in fields[1:6]], [os.fsdecode(field) for field in fields[6:]])
        clean = tidy()
        os.write(1, (answer + ('' if clean else ' last') + '\n').encode())
        if not clean:
            return


def run(limits, argv):
    stdin = os.open('/io/stdin' if os.path.exists('/io/stdin') else '/dev/null', os.O_RDONLY)
    stdout = os.open('/io/stdout', os.O_WRONLY | os.O_TRUNC)
    stderr = os.open('/io/stderr', os.O_WRONLY | os.O_TRUNC)
    # The child writes here why it could not start the program; a successful exec closes it.
    failure_in, failure_out = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            child(limits, argv, (stdin, stdout, stderr), failure_out)
        except BaseException as error:
            os.write(failure_out, ('%s: %s' % (argv[0], error)).encode(errors='replace'))
        finally:
            os._exit(127)
    for fd in (stdin, stdout, stderr, failure_out):
        os.close(fd)
    failure = read_all(failure_in)
    # Reap orphans while waiting, as an init does: a zombie holds one of the run's few pids.
    while True:
        done, status = os.waitpid(-1, 0)
        if done == pid:
            break
    reap()
    if failure:
        return 'fail ' + failure.decode(errors='replace').replace('\n', ' ')
    if os.WIFSIGNALED(status):
        return 'done signal %d' % os.WTERMSIG(status)
    return 'done exit %d' % os.WEXITSTATUS(status)


def child(limits, argv, fds, failure_out):
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    os.closerange(3, failure_out)
    os.closerange(failure_out + 1, os.sysconf('SC_OPEN_MAX'))
    cpu, file_size, processes, stack, address_space = limits
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    for kind, value in ((resource.RLIMIT_FSIZE, file_size), (resource.RLIMIT_NPROC, processes),
                        (resource.RLIMIT_STACK, stack), (resource.RLIMIT_CORE, 0),
                        # POSIX message queues outlive their processes and cannot be listed here.
                        (resource.RLIMIT_MSGQUEUE, 0)):
        resource.setrlimit(kind, (value, value))
    if address_space:
        resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    signal.pthread_sigmask(signal.SIG_SETMASK, ())
    # A fresh process starts with default dispositions; Python ignores SIGPIPE and SIGXFSZ, and exec
    # would pass ignored signals on.
    for number in signal.valid_signals():
        try:
            signal.signal(number, signal.SIG_DFL)
        except (OSError, ValueError):
            pass
    os.execvp(argv[0], argv)


def reap():
    """Kills and reaps every process but this one: as pid 1, no more children means none is left."""
    while True:
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def tidy():
    """Empties the writable scratch space and System V IPC; False if something could not be removed."""
    try:
        for top, mode in SCRATCH.items():
            wipe(top)
            os.chmod(top, mode)
        for kind, remove in (('shm', lambda key: LIBC.shmctl(key, IPC_RMID, None)),
                             ('msg', lambda key: LIBC.msgctl(key, IPC_RMID, None)),
                             ('sem', lambda key: LIBC.semctl(key, 0, IPC_RMID))):
            with open('/proc/sysvipc/' + kind) as table:
                for row in list(table)[1:]:
                    if remove(int(row.split()[1])) != 0:
                        return False
        return True
    except OSError:
        return False


def wipe(top):
    """Removes everything under top, whatever modes the program left (iterative: nesting can be deep)."""
    pending, directories = [top], []
    while pending:
        directory = pending.pop()
        os.chmod(directory, 0o700)
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                    directories.append(entry.path)
                else:
                    os.unlink(entry.path)
    for directory in reversed(directories):
        os.rmdir(directory)


def read_all(fd):
    chunks = []
    while chunk := os.read(fd, 4096):
        chunks.append(chunk)
    os.close(fd)
    return b''.join(chunks)


main()
