"""Statements about the built site that need no browser: links, anchors, titles, alt text."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from conftest import SITE
from htmlparse import PageFacts, read_page


@lru_cache(maxsize=None)
def facts(path: Path) -> PageFacts:
    return read_page(path)


def _local_target(page: Path, link: str) -> tuple[Path, str] | None:
    parsed = urlparse(link)
    if parsed.scheme or link.startswith("//") or link.startswith("mailto:"):
        return None  # external: checked for requests by the browser tests
    if not parsed.path:
        return page, unquote(parsed.fragment)
    return (page.parent / unquote(parsed.path)).resolve(), unquote(parsed.fragment)


def test_every_internal_link_and_anchor_resolves(page_path):
    page = SITE / page_path
    broken = []
    for link in facts(page).links:
        target = _local_target(page, link)
        if target is None:
            continue
        path, fragment = target
        if path.is_dir():
            path = path / "index.html"
        if not path.exists():
            broken.append(f"{link} (no file {path.relative_to(SITE.resolve()) if path.is_relative_to(SITE.resolve()) else path})")
        elif fragment and path.suffix == ".html" and fragment not in facts(path).ids:
            broken.append(f"{link} (no anchor #{fragment})")
    assert broken == [], f"{page_path} has broken links: {broken}"


def test_every_page_has_a_title_and_a_description(page_path):
    f = facts(SITE / page_path)
    assert f.title and f.title != "<no title>", f"{page_path} has no <title>"
    assert len(f.description) >= 40, f"{page_path} has no useful meta description: {f.description!r}"


def test_every_figure_has_alt_text(page_path):
    missing = [img.get("src") for img in facts(SITE / page_path).images if not (img.get("alt") or "").strip()]
    assert missing == [], f"{page_path}: images without alt text: {missing}"
