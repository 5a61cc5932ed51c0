"""Fixtures for the browser tests of the built website (`_build/html`).

The site is served on 127.0.0.1 by a thread of this process; Debian's Chromium is driven by
playwright. Every request that would leave the site is blocked and recorded, so a test can
say "no request leaves the site". In CI (CI=true) nothing here may skip.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser import launch, open_quietly, serve

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("BOOK_SITE", ROOT / "_build" / "html")).resolve()  # override to test another build
# Pages Sphinx writes that are not the book's own (redirects and indices).
NOT_CONTENT = {"index.html", "genindex.html", "search.html"}


def content_pages() -> list[str]:
    """Every page of the book, as a path relative to the site root."""
    if not SITE.is_dir():
        raise RuntimeError("No built site in _build/html: run `make build-strict` first.")
    pages = sorted(
        p.relative_to(SITE).as_posix()
        for p in SITE.rglob("*.html")
        if "_static" not in p.parts and "_sources" not in p.parts and "_images" not in p.parts
    )
    return [p for p in pages if p not in NOT_CONTENT]


def chapter_pages() -> list[str]:
    return [p for p in content_pages() if p.startswith("notebooks/")]


@pytest.fixture(scope="session")
def site_url() -> str:
    content_pages()  # fails early, with a clear message, when the site is not built
    with serve(SITE) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = launch(p, headless=True)
        yield b
        b.close()


@dataclass
class PageLog:
    """What a page did: requests blocked for leaving the site, console errors, page errors."""

    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)


def _is_local(url: str, site_url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about"):
        return True
    if parsed.scheme == "file":
        return url.startswith(SITE.as_uri())
    return url.startswith(site_url + "/") or url == site_url


@pytest.fixture
def open_page(browser, site_url):
    """Open a page of the site; returns (page, log). Requests outside the site are blocked."""
    contexts = []

    def _open(path: str, color_scheme: str = "light", base: str | None = None):
        base_url = site_url if base is None else base
        context = browser.new_context(color_scheme=color_scheme, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        log = PageLog()

        def route(r):
            if _is_local(r.request.url, base_url):
                r.continue_()
            else:
                log.blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: log.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: log.page_errors.append(str(e)))
        open_quietly(page, f"{base_url}/{path}")
        return page, log

    yield _open
    for c in contexts:
        c.close()


def pytest_generate_tests(metafunc):
    """`page_path` runs a test on every page of the book; `chapter_path` on every chapter."""
    if "page_path" in metafunc.fixturenames:
        metafunc.parametrize("page_path", content_pages())
    if "chapter_path" in metafunc.fixturenames:
        metafunc.parametrize("chapter_path", chapter_pages())
