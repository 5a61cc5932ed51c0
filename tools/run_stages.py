"""Run every stage of `make test`, even after one fails, then print a table of them all.

Usage: python tools/run_stages.py [--background STAGE,STAGE] STAGE [STAGE ...]
(each STAGE a Makefile target)

Each stage runs as `make STAGE` with its output shown as it comes. A failing stage does not
hide the ones after it: the table at the end says which passed and failed and how long each
took, and the exit status is non-zero if any failed.

Stages named with ``--background`` start at once, side by side with the others, and their
output is shown when they end: on 2 cores this hides the time they spend waiting for pip to
unpack their environments (Chapter 9's frameworks, the Binder proof's fresh environment). The
stages whose timing the tests judge (the website's speed test, JupyterLab) come late in the
list, after the background ones have ended.
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
    "test-binder": "Binder proof (fresh environment)",
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
    if not stages and not background:
        print(__doc__)
        return 2
    wall = time.monotonic()
    started = [Background(stage) for stage in background]
    if started:
        print(f"started in the background: {', '.join(background)} (output shown when each ends)", flush=True)
    results = {stage: run(stage) for stage in stages}
    for job in started:
        results[job.stage] = job.finish()
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
