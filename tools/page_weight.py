"""Bytes a page of the built site transfers: HTML, scripts, styles, images, fonts.

A browser loads the page from a local server; every response is counted twice: as stored
(raw) and gzip-compressed, which is what any ordinary static host sends for text files
(images and fonts are already compressed and count as stored).

Usage: python tools/page_weight.py   (after `make book`) prints a table for every chapter.
"""

from __future__ import annotations

import gzip
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlparse

from browser import launch, open_quietly, serve

#: The built site.
SITE = Path(__file__).resolve().parents[1] / "_build" / "html"

COMPRESSED_ALREADY = {".png", ".jpg", ".jpeg", ".gif", ".woff", ".woff2", ".webp"}
KINDS = {
    ".html": "html", ".js": "scripts", ".css": "styles", ".png": "images", ".svg": "images",
    ".jpg": "images", ".jpeg": "images", ".gif": "images", ".woff": "fonts", ".woff2": "fonts",
    ".ttf": "fonts",
}


def measure(page, url: str, site: Path) -> dict[str, dict[str, int]]:
    """Load `url` in a playwright `page`; return {kind: {"raw": bytes, "gzip": bytes}} + "total"."""
    seen: list[str] = []
    page.on("response", lambda r: seen.append(r.url))
    open_quietly(page, url)
    page.mouse.wheel(0, 20000)
    page.wait_for_timeout(300)
    return sizes_of(seen, url, site)


def sizes_of(urls: list[str], url: str, site: Path) -> dict[str, dict[str, int]]:
    """The bytes of the files behind ``urls`` (the responses a page at ``url`` received) that
    come from the page's own site ``site``: {kind: {"raw": bytes, "gzip": bytes}} + "total"."""
    root = "/".join(url.split("/", 3)[:3])
    sizes: dict[str, dict[str, int]] = defaultdict(lambda: {"raw": 0, "gzip": 0})
    for u in dict.fromkeys(urls):
        if not u.startswith(root):
            continue
        path = site / unquote(urlparse(u).path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            continue
        data = path.read_bytes()
        kind = KINDS.get(path.suffix.lower(), "other")
        packed = len(data) if path.suffix.lower() in COMPRESSED_ALREADY else len(gzip.compress(data, 9))
        for key in (kind, "total"):
            sizes[key]["raw"] += len(data)
            sizes[key]["gzip"] += packed
    return dict(sizes)


LIMIT = 1.5e6  # bytes a chapter page may transfer (issue 5), text gzip-compressed


def table(rows: dict[str, dict[str, dict[str, int]]]) -> str:
    kinds = ["html", "scripts", "styles", "images", "fonts", "other"]
    head = ("| page | " + " | ".join(kinds) + " | total stored | total sent (gzip) | target | met |\n|"
            + "---|" * (len(kinds) + 5))
    lines = [head]
    for name, s in rows.items():
        cells = [f"{s.get(k, {'gzip': 0})['gzip'] / 1e3:.0f} kB" for k in kinds]
        sent = s["total"]["gzip"]
        lines.append(
            f"| {name} | " + " | ".join(cells)
            + f" | {s['total']['raw'] / 1e6:.2f} MB | {sent / 1e6:.2f} MB | < {LIMIT / 1e6:g} MB"
            + f" | {'yes' if sent < LIMIT else 'NO'} |"
        )
    return "\n".join(lines)


def chapter_pages(site: Path = SITE) -> list[str]:
    """The chapter pages of the built site, as paths relative to its root."""
    return sorted(p.relative_to(site).as_posix() for p in (site / "notebooks").glob("*.html"))


def measure_site(site: Path = SITE) -> dict[str, dict[str, dict[str, int]]]:
    """Serve the built site on 127.0.0.1 and measure every chapter page (see `measure`)."""
    from playwright.sync_api import sync_playwright

    rows = {}
    with serve(site) as url, sync_playwright() as p:
        browser = launch(p)
        for path in chapter_pages(site):
            page = browser.new_page()
            rows[path] = measure(page, f"{url}/{path}", site)
            page.close()
        browser.close()
    return rows


def main() -> None:
    print("Bytes each chapter page transfers (kB gzip-compressed per kind; images/fonts as stored):\n")
    print(table(measure_site()))


if __name__ == "__main__":
    main()
