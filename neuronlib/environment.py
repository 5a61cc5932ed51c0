"""Check that the packages a chapter needs are installed, with a clear message if not.

Introduced in: How to use this book. Every chapter's first cell calls
:func:`check_environment`, so a reader in Colab or an old virtual environment gets one
readable sentence instead of a confusing traceback further down.

>>> check_environment(verbose=False)
True
"""

from __future__ import annotations

from importlib import metadata

#: The oldest version of each package the chapters are known to work with.
REQUIRED: dict[str, str] = {
    "numpy": "1.26",
    "matplotlib": "3.8",
    "anywidget": "0.9",
    "ipywidgets": "8.1",
}


def _version_tuple(version: str) -> tuple[int, ...]:
    parts = []
    for piece in version.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
        if len(digits) != len(piece):
            break
    return tuple(parts)


def check_environment(required: dict[str, str] | None = None, verbose: bool = True) -> bool:
    """Check that every package in ``required`` is installed at least at the given version.

    Raises ``RuntimeError`` naming each missing or too-old package and the command that
    fixes it; returns ``True`` (and prints one line when ``verbose``) when all is well.
    """
    required = REQUIRED if required is None else required
    problems = []
    found = {}
    for package, minimum in required.items():
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            problems.append(f"{package} is not installed (need >= {minimum})")
            continue
        found[package] = version
        if _version_tuple(version) < _version_tuple(minimum):
            problems.append(f"{package} {version} is too old (need >= {minimum})")
    if problems:
        fix = " ".join(f'"{p}>={v}"' for p, v in required.items())
        raise RuntimeError(
            "This chapter needs packages that are missing or too old:\n  - "
            + "\n  - ".join(problems)
            + f"\nInstall them with:  pip install {fix}\n"
            "(or, in a clone of the book, run: pip install -r requirements.txt)"
        )
    if verbose:
        from . import __version__

        print(f"neuronlib {__version__} is ready.")
    return True
