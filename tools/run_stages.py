"""Run every stage of `make test`, even after one fails, then print a table of them all.

Usage: python tools/run_stages.py [--background STAGE,STAGE] STAGE [STAGE ...]
(each STAGE a Makefile target, or `wait`)

Each stage runs as `make STAGE` with its output shown as it comes. A failing stage does not
hide the ones after it: the table at the end says which passed and failed and how long each
took, and the exit status is non-zero if any failed.

Stages named with ``--background`` start at once, side by side with the others, and their
output is shown when they end: on 2 cores, stages that mostly wait (for pip to unpack an
environment, for a kernel) or use one core each share the machine's two. ``wait`` in the list
of stages waits there until every background stage has ended: the stages whose timing the
tests judge (the website's speed test, JupyterLab) come after it, on a machine that is
otherwise quiet.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
import time

#: What each stage checks, in the words of the README.
TITLES = {
    "test-lib": "neuronlib unit tests",
    "test-notebooks": "notebooks print what they printed (nbval)",
    "test-frameworks": "Chapter 9 in PyTorch and Keras (own environment)",
    "test-numerics": "same numbers under other numerical set-ups",
    "build-strict": "warning-free book build",
    "test-site": "website in Chromium",
    "test-pdf": "the printed book (PDF)",
    "test-lab": "sliders in JupyterLab",
    "test-binder": "Binder proof: a fresh environment runs nbval on every notebook",
}


def banner(stage: str, note: str = "") -> None:
    print(f"\n===== make {stage}: {TITLES.get(stage, stage)}{note} =====", flush=True)


def run(stage: str) -> tuple[bool, float]:
    banner(stage)
    start = time.monotonic()
    code = subprocess.call(["make", "--no-print-directory", stage])
    return code == 0, time.monotonic() - start


class Background:
    """A stage running beside the others, its output kept in a file until it ends."""

    def __init__(self, stage: str):
        self.stage = stage
        self.log = tempfile.TemporaryFile(mode="w+")
        self.start = time.monotonic()
        self.process = subprocess.Popen(["make", "--no-print-directory", stage],
                                        stdout=self.log, stderr=subprocess.STDOUT)
        self.seconds = 0.0
        self.waiter = threading.Thread(target=self._wait, daemon=True)
        self.waiter.start()

    def _wait(self) -> None:
        """Notes when the stage itself ends (not when the table is printed)."""
        self.process.wait()
        self.seconds = time.monotonic() - self.start

    def finish(self) -> tuple[bool, float]:
        self.waiter.join()
        code, seconds = self.process.returncode, self.seconds
        banner(self.stage, " (ran in the background; its output)")
        self.log.seek(0)
        sys.stdout.write(self.log.read())
        sys.stdout.flush()
        return code == 0, seconds


def minutes(seconds: float) -> str:
    return f"{int(seconds // 60)} min {seconds % 60:4.1f} s"


def main(argv: list[str]) -> int:
    background: list[str] = []
    if argv[:1] == ["--background"]:
        background = [s for s in argv[1].split(",") if s]
        argv = argv[2:]
    stages = [s for s in argv if s not in background]
    if not [s for s in stages if s != "wait"] and not background:
        print(__doc__)
        return 2
    wall = time.monotonic()
    started = [Background(stage) for stage in background]
    if started:
        print(f"started in the background: {', '.join(background)} (output shown when each ends)", flush=True)
    results: dict[str, tuple[bool, float]] = {}

    def await_background() -> None:
        for job in started:
            if job.stage not in results:
                results[job.stage] = job.finish()

    for stage in stages:
        if stage == "wait":
            print(f"\n===== waiting for the background stages to end: {', '.join(background)} =====", flush=True)
            await_background()
        else:
            results[stage] = run(stage)
    await_background()
    order = [s for s in argv if s in results] + [s for s in background if s not in argv]
    width = max(len(s) for s in order)
    print("\n===== make test: every stage =====")
    print(f"{'stage':<{width}}  {'result':<6}  {'time':>12}  what it checks")
    for stage in order:
        ok, seconds = results[stage]
        where = " (in the background)" if stage in background else ""
        print(f"{stage:<{width}}  {'passed' if ok else 'FAILED':<6}  {minutes(seconds):>12}  "
              f"{TITLES.get(stage, '')}{where}")
    failed = sum(1 for ok, _ in results.values() if not ok)
    print(f"{'total':<{width}}  {'':<6}  {minutes(time.monotonic() - wall):>12}  (wall clock)")
    print(f"stages: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
