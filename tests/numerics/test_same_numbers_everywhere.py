"""Every chapter prints the same numbers on other computers.

Round-off depends on the machine: numpy picks SIMD loops for the CPU it runs on, and OpenBLAS
picks a matrix kernel for it and splits work over threads. A number printed from round-off
(``6.0e-14`` here, ``6.4e-14`` there) makes the committed notebook true on one machine only.
So this stage re-runs nbval on every notebook under other numerical set-ups of *this* machine
and compares every output with the committed one, exactly as the ordinary nbval stage does:

- ``NPY_DISABLE_CPU_FEATURES`` switches off numpy's widest SIMD families (read from
  ``numpy.show_runtime()``: the dispatched families this CPU has);
- ``OPENBLAS_CORETYPE`` makes OpenBLAS use the kernels of an older core;
- ``OPENBLAS_NUM_THREADS`` runs matrix products on one thread or on several.

Before running a set-up, a probe process with the same environment reports what really
changed (numpy's SIMD families, OpenBLAS's kernel and thread count, through threadpoolctl).
The set-up changes all three at once (`setups`); the stage fails unless it really changes at
least two of them on this machine. neuronlib's docstring examples, which print numbers too,
run under it as well.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SWITCHES = ("NPY_DISABLE_CPU_FEATURES", "OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS")

PROBE = """
import json, numpy, threadpoolctl
from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
blas = [i for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]
print(json.dumps({
    "simd": [f for f in __cpu_dispatch__ if __cpu_features__[f]],
    "blas_kernel": blas[0].get("architecture") if blas else None,
    "blas_threads": blas[0]["num_threads"] if blas else None,
}))
"""


def _base_env() -> dict[str, str]:
    """This process's environment without our three switches, except an OPENBLAS_CORETYPE that
    the machine itself sets (some processors need one; we never override it)."""
    env = {k: v for k, v in os.environ.items() if k not in SWITCHES}
    if "OPENBLAS_CORETYPE" in os.environ:
        env["OPENBLAS_CORETYPE"] = os.environ["OPENBLAS_CORETYPE"]
    return env


def probe(extra: dict[str, str]) -> dict:
    """What numpy and OpenBLAS use in a fresh Python process started with ``extra`` set."""
    run = subprocess.run(
        [sys.executable, "-W", "error::ImportWarning", "-c", PROBE],
        env={**_base_env(), **extra}, capture_output=True, text=True, check=False,
    )
    if run.returncode != 0:  # e.g. numpy refusing a feature name it cannot disable
        raise RuntimeError(f"the probe failed under {extra}:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout)


@cache
def default() -> dict:
    return probe({})


def setups() -> dict[str, dict[str, str]]:
    """One set-up that changes, at once, all three things round-off depends on: every
    dispatched SIMD family off (numpy's baseline loops only), an older core's OpenBLAS kernel,
    and another number of BLAS threads. A printed number that depends on any of them changes
    under it. (Until session 11 there were two set-ups, each changing the three in other ways:
    each is a full nbval run, about two minutes of one core.)"""
    simd = default()["simd"]
    threads = "2" if default()["blas_threads"] == 1 else "1"
    return {
        f"baseline SIMD only, older BLAS kernel, {threads} BLAS thread(s)": {
            **({"NPY_DISABLE_CPU_FEATURES": " ".join(simd)} if simd else {}),
            **({} if "OPENBLAS_CORETYPE" in os.environ else {"OPENBLAS_CORETYPE": "Prescott"}),
            "OPENBLAS_NUM_THREADS": threads,
        },
    }


def what_changed(extra: dict[str, str]) -> list[str]:
    """The differences from the default that a probe under ``extra`` really sees."""
    before, after = default(), probe(extra)
    changed = []
    if set(after["simd"]) != set(before["simd"]):
        off = [f for f in before["simd"] if f not in after["simd"]]
        changed.append(f"numpy SIMD families off: {', '.join(off)}")
    if after["blas_kernel"] != before["blas_kernel"]:
        changed.append(f"OpenBLAS kernel {before['blas_kernel']} -> {after['blas_kernel']}")
    if after["blas_threads"] != before["blas_threads"]:
        changed.append(f"OpenBLAS threads {before['blas_threads']} -> {after['blas_threads']}")
    return changed


SETUPS = setups()


def start_pytest(args: list[str], extra: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--color=no", *args],
        cwd=ROOT, env={**_base_env(), **extra}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )


def run_pytest(args: list[str], extra: dict[str, str]) -> subprocess.CompletedProcess:
    proc = start_pytest(args, extra)
    out, _ = proc.communicate()
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, "")


def last_line(run: subprocess.CompletedProcess) -> str:
    return run.stdout.strip().splitlines()[-1] if run.stdout.strip() else "(no output)"


def nbval_args() -> list[str]:
    return ["--nbval", "--nbval-current-env", "--nbval-sanitize-with",
            str(ROOT / "tests" / "nbval_sanitize.cfg"), str(NOTEBOOKS)]


@pytest.fixture(scope="module")
def nbval_runs() -> dict[str, subprocess.Popen]:
    """nbval under every set-up that switches something, all started at once."""
    runs = {name: start_pytest(nbval_args(), extra) for name, extra in SETUPS.items() if what_changed(extra)}
    yield runs
    for proc in runs.values():
        if proc.poll() is None:
            proc.kill()


@pytest.mark.parametrize("name", SETUPS)
def test_every_notebook_prints_the_same_under(name, nbval_runs):
    extra = SETUPS[name]
    changed = what_changed(extra)
    if not changed:
        pytest.skip(f"{name}: could not switch anything on this machine with {extra}")
    print(f"{name}: {'; '.join(changed)}")
    proc = nbval_runs[name]
    out, _ = proc.communicate()
    nbval = subprocess.CompletedProcess(proc.args, proc.returncode, out, "")
    print(f"nbval on every notebook: {last_line(nbval)}")
    # neuronlib's docstring examples print numbers too
    doctests = run_pytest(["tests", "-k", "docstring_example", "--ignore=tests/site", "--ignore=tests/lab",
                           "--ignore=tests/binder", "--ignore=tests/numerics"], extra)
    print(f"docstring examples: {last_line(doctests)}")
    assert nbval.returncode == 0 and doctests.returncode == 0, (
        f"Under '{name}' ({'; '.join(changed)}) something printed other numbers than the "
        f"committed notebooks or the docstrings say. A printed number depends on round-off: "
        f"print what the prose needs (e.g. 'below 1e-12: yes', or fewer digits).\n\n"
        f"{nbval.stdout[-6000:] if nbval.returncode else ''}{doctests.stdout[-4000:] if doctests.returncode else ''}"
    )


def test_the_setup_changes_at_least_two_of_simd_kernel_and_threads():
    print("default:", default())
    for name, extra in SETUPS.items():
        changed = what_changed(extra)
        print(f"{name}: {'; '.join(changed)}")
        assert len(changed) >= 2, (
            f"'{name}' changed only {changed or 'nothing'} on this machine; the stage cannot show "
            "that the book prints the same numbers elsewhere"
        )
