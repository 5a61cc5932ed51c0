"""Run every stage of `make test`, even after one fails, then print a table of them all.

Usage: python tools/run_stages.py STAGE [STAGE ...]   (each STAGE a Makefile target)

Each stage runs as `make STAGE` with its output shown as it comes. A failing stage does not
hide the ones after it: the table at the end says which passed and failed and how long each
took, and the exit status is non-zero if any failed.
"""

from __future__ import annotations

import subprocess
import sys
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


def run(stage: str) -> tuple[bool, float]:
    print(f"\n===== make {stage}: {TITLES.get(stage, stage)} =====", flush=True)
    start = time.monotonic()
    code = subprocess.call(["make", "--no-print-directory", stage])
    return code == 0, time.monotonic() - start


def minutes(seconds: float) -> str:
    return f"{int(seconds // 60)} min {seconds % 60:4.1f} s"


def main(stages: list[str]) -> int:
    if not stages:
        print(__doc__)
        return 2
    results = [(stage, *run(stage)) for stage in stages]
    width = max(len(s) for s in stages)
    print("\n===== make test: every stage =====")
    print(f"{'stage':<{width}}  {'result':<6}  {'time':>12}  what it checks")
    for stage, ok, seconds in results:
        print(f"{stage:<{width}}  {'passed' if ok else 'FAILED':<6}  {minutes(seconds):>12}  {TITLES.get(stage, '')}")
    total = sum(seconds for _, _, seconds in results)
    failed = sum(1 for _, ok, _ in results if not ok)
    print(f"{'total':<{width}}  {'':<6}  {minutes(total):>12}")
    print(f"stages: {len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
