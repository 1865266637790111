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
#
# A command that starts with this runner's own interpreter ("python3 -B") followed by a script or -c runs
# in a fork of the runner instead of a new interpreter: the child compiles and runs the program as that
# interpreter would (same argv, sys.path[0], __main__, std streams, exit status), without the interpreter's
# start-up. The runner itself never runs submitted code.
#
# Any other command is started with posix_spawn through prlimit, which sets the run's rlimits and execs it:
# a spawn shares the runner's memory until the exec instead of copying its page tables and then faulting
# in every page either process writes, which is what a fork of an interpreter costs (milliseconds where a
# page fault traps to the hypervisor).

import atexit
import builtins
import ctypes
import gc
import io
import os
import resource
import signal
import sys
import types
from importlib.machinery import BuiltinImporter, SourceFileLoader

LIBC = ctypes.CDLL(None, use_errno=True)
PR_SET_DUMPABLE = 4
IPC_RMID = 0
INTERPRETER = sys.orig_argv[:sys.orig_argv.index('-c')]
PRLIMIT = '/usr/bin/prlimit'
SPAWN_DEFAULT_SIGNALS = [number for number in signal.valid_signals()
                         if number not in (signal.SIGKILL, signal.SIGSTOP)]
STREAMS = (sys.__stdin__, sys.__stdout__, sys.__stderr__)
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
    # A fork touching the runner's objects copies their pages; collections in a fork touch them all. So
    # the runner's objects are kept out of collections (as Python's documentation advises before forking).
    gc.disable()
    gc.freeze()
    # A spawned program gets the three standard streams and nothing else the runner holds.
    for fd in os.listdir('/proc/self/fd'):
        if int(fd) > 2:
            try:
                os.set_inheritable(int(fd), False)
            except OSError:
                pass  # the directory's own descriptor, closed by now
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
    stdin_path = '/io/stdin' if os.path.exists('/io/stdin') else '/dev/null'
    if not in_interpreter(argv):
        try:
            pid = spawn(limits, argv, stdin_path)
        except OSError as error:
            return 'fail %s: %s' % (argv[0], error)
        return wait(pid, b'')
    stdin = os.open(stdin_path, os.O_RDONLY)
    stdout = os.open('/io/stdout', os.O_WRONLY | os.O_TRUNC)
    stderr = os.open('/io/stderr', os.O_WRONLY | os.O_TRUNC)
    # The child writes here why it could not start the program; it closes it before running the program.
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
    return wait(pid, read_all(failure_in))


def wait(pid, failure):
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


def spawn(limits, argv, stdin_path):
    """Starts a program that is not this interpreter through prlimit; OSError if it cannot be started."""
    if executable(argv[0]) is None:
        raise OSError('not found or not executable')
    command = [PRLIMIT] + ['--%s=%d:%d' % (option, soft, hard) for option, _, soft, hard in rlimits(limits)]
    # A fresh process starts with default dispositions and no signal blocked; Python ignores SIGPIPE and
    # SIGXFSZ, and exec would pass ignored signals on.
    return os.posix_spawn(PRLIMIT, command + ['--'] + argv, os.environ, file_actions=[
        (os.POSIX_SPAWN_OPEN, 0, stdin_path, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, '/io/stdout', os.O_WRONLY | os.O_TRUNC, 0),
        (os.POSIX_SPAWN_OPEN, 2, '/io/stderr', os.O_WRONLY | os.O_TRUNC, 0),
    ], setsigmask=(), setsigdef=SPAWN_DEFAULT_SIGNALS)


def rlimits(limits):
    """A run's rlimits as (prlimit option, resource, soft, hard), for a spawned program and a forked one alike."""
    cpu, file_size, processes, stack, address_space = limits
    table = [('cpu', resource.RLIMIT_CPU, cpu, cpu + 1), ('fsize', resource.RLIMIT_FSIZE, file_size, file_size),
             ('nproc', resource.RLIMIT_NPROC, processes, processes), ('stack', resource.RLIMIT_STACK, stack, stack),
             ('core', resource.RLIMIT_CORE, 0, 0),
             # POSIX message queues outlive their processes and cannot be listed here: none may be made.
             ('msgqueue', resource.RLIMIT_MSGQUEUE, 0, 0)]
    if address_space:
        table.append(('as', resource.RLIMIT_AS, address_space, address_space))
    return table


def executable(name):
    """
    The file execvp would run for this name, or None (prlimit's exec failing would look like the program's).
    As shutil.which, without its imports in every fork of the runner.
    """
    if '/' in name:
        candidates = [name]
    else:
        candidates = [os.path.join(directory or '.', name)
                      for directory in os.environ.get('PATH', os.defpath).split(os.pathsep)]
    for candidate in candidates:
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def child(limits, argv, fds, failure_out):
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    os.closerange(3, failure_out)
    os.closerange(failure_out + 1, os.sysconf('SC_OPEN_MAX'))
    for _, kind, soft, hard in rlimits(limits):
        resource.setrlimit(kind, (soft, hard))
    signal.pthread_sigmask(signal.SIG_SETMASK, ())
    os.close(failure_out)
    os._exit(python(argv[len(INTERPRETER):]))


def in_interpreter(argv):
    """Whether the command is this interpreter running a script or -c, which a fork of the runner runs."""
    program = argv[len(INTERPRETER):]
    return (argv[:len(INTERPRETER)] == INTERPRETER and bool(program)
            and (program[0] == '-c' or not program[0].startswith('-')))


def python(args):
    """Runs `python3 -B <args>` in this process, as the interpreter's own start-up and shut-down would."""
    LIBC.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)
    gc.enable()
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.stdin, sys.stdout, sys.stderr = (stream(fd, like, mode) for fd, like, mode in zip((0, 1, 2), STREAMS, 'rww'))
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = sys.stdin, sys.stdout, sys.stderr
    sys.orig_argv = INTERPRETER + args
    main_module = types.ModuleType('__main__')
    main_module.__annotations__ = {}
    main_module.__builtins__ = builtins
    if args[0] == '-c':
        filename, sys.argv, sys.path[0] = '<string>', ['-c'] + args[2:], ''
        main_module.__loader__ = BuiltinImporter
    else:
        filename, sys.argv = os.path.abspath(args[0]), list(args)
        sys.path[0] = os.path.dirname(os.path.realpath(filename))
        main_module.__file__, main_module.__cached__ = filename, None
        main_module.__loader__ = SourceFileLoader('__main__', filename)
    sys.modules['__main__'] = main_module
    status = 0
    try:
        if args[0] == '-c':
            source = args[1]
        else:
            with open(filename, 'rb') as file:
                source = file.read()
        exec(compile(source, filename, 'exec', dont_inherit=True), main_module.__dict__)
    except SystemExit as exit_request:
        status = exit_status(exit_request.code)
    except BaseException as error:
        # Without this function's frame, as the interpreter would print it.
        error.__traceback__ = error.__traceback__.tb_next
        sys.excepthook(type(error), error, error.__traceback__)
        status = 1
    return shut_down(main_module, status)


def stream(fd, like, mode):
    """A standard stream as the interpreter creates it at start-up (like: the runner's own, same settings)."""
    buffer = io.open(fd, mode + 'b', -1, closefd=False)
    buffer.raw.name = like.name
    text = io.TextIOWrapper(buffer, like.encoding, like.errors, '\n', like.line_buffering, False)
    text.mode = mode
    return text


def exit_status(code):
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        print(code, file=sys.stderr)
    except BaseException:
        pass
    return 1


def shut_down(main_module, status):
    """The interpreter's exit: join threads, atexit, flush, collect, free the main module, flush again."""
    threading = sys.modules.get('threading')
    if threading is not None:
        try:
            threading._shutdown()
        except BaseException:
            pass
    atexit._run_exitfuncs()
    status = flush(status)
    if gc.isenabled():
        gc.collect()
    # As the interpreter clears a module: underscored names first, __builtins__ never (a __del__ may print).
    namespace = main_module.__dict__
    for underscored in (True, False):
        for name in [name for name in namespace if name != '__builtins__' and name.startswith('_') == underscored]:
            namespace[name] = None
    return flush(status)


def flush(status):
    for stream_name in ('stdout', 'stderr'):
        out = getattr(sys, stream_name, None)
        try:
            if out is not None and not out.closed:
                out.flush()
        except BaseException as error:
            if stream_name == 'stdout':
                os.write(2, ('Exception ignored in: %r\n%s: %s\n' % (out, type(error).__name__, error)).encode(
                    errors='replace'))
            status = 120
    return status


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
