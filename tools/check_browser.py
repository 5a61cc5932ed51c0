"""Stop `make test` early, and loudly, when the browser tests cannot run.

The browser tests drive Debian's Chromium headless shell (/usr/bin/chromium-headless-shell) with
playwright; playwright's own browser download does not work offline. Without it we fail instead
of skipping.
"""

from __future__ import annotations

import sys

from browser import INSTALL, find_chromium


def main() -> int:
    if find_chromium():
        return 0
    bar = "!" * 72
    print(
        f"\n{bar}\n"
        "The browser tests need Chromium's headless shell, and it is not installed.\n"
        "On Debian/Ubuntu install it with:\n\n"
        f"    {INSTALL}\n\n"
        "then run `make test` again. (CI installs it in .ci/run.)\n"
        f"{bar}\n",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
