# What a Python submission's tests cost with no judge at all: a problem's reference solution run on each of
# its tests in a fork of a warm interpreter (no sandbox, limits, cgroups or clean-up; the program compiled
# once), the floor under any judge of Python programs on this host. The runs go one at a time, then two at a
# time (both cores of a two-core host). Each series' outputs are checked against the tests' answers, outside
# the timed part.
#
# Usage: python3 -I -S -B program_alone.py SOLUTION TESTS_DIR SERIES
# Prints one line: the p50 over the series, in microseconds, of a whole series one at a time and two at a time.

import gc
import io
import os
import sys
import tempfile
import time


def main(solution, tests_dir, series):
    with open(solution, 'rb') as file:
        code = compile(file.read(), solution, 'exec')
    inputs = sorted(os.path.join(tests_dir, name) for name in os.listdir(tests_dir) if name.endswith('.in'))
    # As the judge's runner does before forking: its own objects stay out of the children's collections.
    gc.disable()
    gc.freeze()
    timings = {1: [], 2: []}
    with tempfile.TemporaryDirectory(prefix='arena-bench-alone-') as outputs:
        for round_number in range(series + 1):
            for at_once in (1, 2):
                started = time.perf_counter_ns()
                run_all(code, inputs, outputs, at_once)
                elapsed = (time.perf_counter_ns() - started) // 1000
                check(inputs, outputs)
                if round_number > 0:  # the first round warms the page cache and the interpreter
                    timings[at_once].append(elapsed)
    print(median(timings[1]), median(timings[2]))


def run_all(code, inputs, outputs, at_once):
    running = 0
    for index, path in enumerate(inputs):
        if running == at_once:
            wait_for_one()
            running -= 1
        start(code, path, os.path.join(outputs, '%d.out' % index))
        running += 1
    while running:
        wait_for_one()
        running -= 1


def start(code, input_path, output_path):
    if os.fork() != 0:
        return
    status = 1
    try:
        os.dup2(os.open(input_path, os.O_RDONLY), 0)
        os.dup2(os.open(output_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 1)
        sys.stdin = io.TextIOWrapper(io.open(0, 'rb', closefd=False))
        sys.stdout = io.TextIOWrapper(io.open(1, 'wb', closefd=False))
        gc.enable()
        exec(code, {'__name__': '__main__', '__builtins__': __builtins__})
        sys.stdout.flush()
        status = 0
    finally:
        os._exit(status)


def wait_for_one():
    _, status = os.wait()
    if status != 0:
        sys.exit('program_alone: a run failed (wait status %d)' % status)


def check(inputs, outputs):
    for index, path in enumerate(inputs):
        with open(path[:-len('.in')] + '.out', 'rb') as expected, \
                open(os.path.join(outputs, '%d.out' % index), 'rb') as actual:
            if expected.read().split() != actual.read().split():
                sys.exit('program_alone: wrong output on ' + path)


def median(values):
    return sorted(values)[len(values) // 2]


main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
