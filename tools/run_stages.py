"""Run every stage of `make test`, even after one fails, then print a table of them all.

Usage: python tools/run_stages.py STAGE [STAGE ...]
(each STAGE a Makefile target, `bg:TARGET`, or `wait`)

Each stage runs as `make STAGE` with its output shown as it comes. A failing stage does not
hide the ones after it: the table at the end says which passed and failed and how long each
took, and the exit status is non-zero if any failed.

A stage written `bg:TARGET` starts in the background when the list reaches it, and the list
goes on at once; its output is shown when it ends. `wait` waits there until every background
stage started so far has ended. On 2 cores the suite is limited by CPU, so the Makefile's list
packs the stages to keep both cores busy without putting a heavy browser stage beside another
whose timeouts it could break (the Makefile says which go together and why).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
import time

BG = "bg:"  # a stage that starts in the background

#: What each stage checks, in the words of the README.
TITLES = {
    "test-lib": "neuronlib unit tests",
    "test-notebooks": "notebooks print what they printed (nbval)",
    "test-frameworks": "Chapter 9 in PyTorch and Keras (own environment)",
    "build-strict": "warning-free book build",
    "test-site": "website in Chromium",
    "test-speed": "every explorer control answers within 50 ms",
    "test-pdf": "the printed book (PDF)",
    "test-lab": "sliders in JupyterLab",
    "test-binder": "Binder proof: a fresh environment runs every notebook, on other numerics",
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
    if not [s for s in argv if s != "wait"]:
        print(__doc__)
        return 2
    wall = time.monotonic()
    started: list[Background] = []
    results: dict[str, tuple[bool, float]] = {}

    def await_background() -> None:
        for job in started:
            if job.stage not in results:
                results[job.stage] = job.finish()

    for stage in argv:
        if stage == "wait":
            waiting = [job.stage for job in started if job.stage not in results]
            print(f"\n===== waiting for the background stages to end: {', '.join(waiting) or 'none'} =====", flush=True)
            await_background()
        elif stage.startswith(BG):
            started.append(Background(stage.removeprefix(BG)))
            print(f"\n===== started in the background: make {stage.removeprefix(BG)} (output shown when it ends) =====",
                  flush=True)
        else:
            results[stage] = run(stage)
    await_background()
    order = [s.removeprefix(BG) for s in argv if s.removeprefix(BG) in results]
    background = {job.stage for job in started}
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
