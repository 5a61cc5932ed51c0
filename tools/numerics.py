"""Another numerical set-up of this machine, for checking that the book prints the same numbers
on other computers (tests/binder).

Round-off depends on the machine: numpy picks SIMD loops for the CPU it runs on, and OpenBLAS
picks a matrix kernel for it and splits work over threads. A number printed from round-off
(``6.0e-14`` here, ``6.4e-14`` there) makes the committed notebook true on one machine only.
`other_setup` switches all three at once:

- ``NPY_DISABLE_CPU_FEATURES`` switches off every SIMD family numpy dispatches to on this CPU
  (numpy's baseline loops only);
- ``OPENBLAS_CORETYPE=Prescott`` makes OpenBLAS use an older core's kernels (never overriding an
  ``OPENBLAS_CORETYPE`` that the machine itself sets: some processors need one);
- ``OPENBLAS_NUM_THREADS`` runs matrix products on one thread (two where the default is one).

`what_changed` starts a probe process under a set-up and reports what really changed, through
``threadpoolctl``.
"""

from __future__ import annotations

import json
import os
import subprocess
from functools import cache

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


def base_env() -> dict[str, str]:
    """This process's environment without the three switches, except an OPENBLAS_CORETYPE that
    the machine itself sets."""
    env = {k: v for k, v in os.environ.items() if k not in SWITCHES}
    if "OPENBLAS_CORETYPE" in os.environ:
        env["OPENBLAS_CORETYPE"] = os.environ["OPENBLAS_CORETYPE"]
    return env


def probe(python: str, extra: dict[str, str]) -> dict:
    """What numpy and OpenBLAS use in a fresh ``python`` process started with ``extra`` set."""
    run = subprocess.run([python, "-W", "error::ImportWarning", "-c", PROBE],
                         env={**base_env(), **extra}, capture_output=True, text=True, check=False)
    if run.returncode != 0:  # e.g. numpy refusing a feature name it cannot disable
        raise RuntimeError(f"the probe failed under {extra}:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout)


@cache
def default(python: str) -> dict:
    """What numpy and OpenBLAS use in ``python`` with the machine's own settings."""
    return probe(python, {})


def other_setup(python: str) -> dict[str, str]:
    """The environment variables of the set-up: every dispatched SIMD family off, an older
    OpenBLAS kernel, another number of BLAS threads."""
    simd = default(python)["simd"]
    threads = "2" if default(python)["blas_threads"] == 1 else "1"
    return {
        **({"NPY_DISABLE_CPU_FEATURES": " ".join(simd)} if simd else {}),
        **({} if "OPENBLAS_CORETYPE" in os.environ else {"OPENBLAS_CORETYPE": "Prescott"}),
        "OPENBLAS_NUM_THREADS": threads,
    }


def what_changed(python: str, extra: dict[str, str]) -> list[str]:
    """The differences from the default that a probe under ``extra`` really sees."""
    before, after = default(python), probe(python, extra)
    changed = []
    if set(after["simd"]) != set(before["simd"]):
        off = [f for f in before["simd"] if f not in after["simd"]]
        changed.append(f"numpy SIMD families off: {', '.join(off)}")
    if after["blas_kernel"] != before["blas_kernel"]:
        changed.append(f"OpenBLAS kernel {before['blas_kernel']} -> {after['blas_kernel']}")
    if after["blas_threads"] != before["blas_threads"]:
        changed.append(f"OpenBLAS threads {before['blas_threads']} -> {after['blas_threads']}")
    return changed
