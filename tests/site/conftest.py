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

from browser import DRAWN_PROBLEMS, launch, open_quietly, serve, set_colour_scheme
from page_weight import sizes_of

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
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


def _open_logged(context, base_url: str, path: str, seen: list[str] | None = None):
    """Open ``base_url/path`` in a new page of ``context``, blocking (and logging) every request
    that leaves the site; ``seen`` collects the URL of every response. Returns (page, log)."""
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
    if seen is not None:
        page.on("response", lambda r: seen.append(r.url))
    open_quietly(page, f"{base_url}/{path}")
    return page, log


@pytest.fixture
def open_page(browser, site_url):
    """Open a page of the site; returns (page, log). Requests outside the site are blocked."""
    contexts = []

    def _open(path: str, color_scheme: str = "light", base: str | None = None):
        context = browser.new_context(color_scheme=color_scheme, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        return _open_logged(context, site_url if base is None else base, path)

    yield _open
    for c in contexts:
        c.close()


# --- one visit per page, shared by the statements that only look -------------------------
# Opening a page costs a second or more (MathJax, explorers, the quiet wait), so the tests that
# only read a page (its errors, its requests, its weight, axe in light and dark, its search
# field, its Colab cell, its explorers' labels and drawings) share one visit per page: a test
# asks `visit(path)` and states one thing about what the visit recorded. Tests that move
# sliders or need another window size open their own page.

# In dark mode the page is the same document in other colours, so only the rules that read
# colours can find something new there: axe runs them alone (about half the time of every rule).
DARK_RULES = ["color-contrast", "link-in-text-block"]
AXE_SERIOUS = """async (only) => {
  const result = await axe.run(document, only ? {runOnly: only, resultTypes: ['violations']}
                                              : {resultTypes: ['violations']});
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v =>
    `${v.id} (${v.impact}): ${v.help} -> ` + v.nodes.slice(0, 4).map(n =>
      typeof n.target[0] === 'string' ? n.target[0] : JSON.stringify(n.target)).join('; '));
}"""

# seen as Playwright's is_visible() sees it: a box of some size, not hidden (checkVisibility also
# says no for the content of a closed <details>)
SEEN = """el => { const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && el.checkVisibility({visibilityProperty: true}); }"""
VISIBLE = f"""sel => Array.from(document.querySelectorAll(sel)).filter({SEEN}).length"""

COLAB_CELL = f"""() => {{
  const toggle = document.querySelector('details.hide');
  if (!toggle) return null;
  const summary = toggle.querySelector('summary');
  return {{
    summary: summary ? summary.innerText.trim() : '',
    open: toggle.hasAttribute('open'),
    text: toggle.textContent,
    visibleCode: Array.from(toggle.querySelectorAll('pre')).filter({SEEN}).length,
    outputs: Array.from(toggle.querySelectorAll('.cell_output')).map(o => o.innerText.trim()),
  }};
}}"""

UNLABELLED_SLIDERS = """() => Array.from(document.querySelectorAll('.nl-explorer input[type=range]')).filter(s => {
  const label = (s.labels && s.labels.length ? s.labels[0].textContent : '') || s.getAttribute('aria-label') || '';
  return !label.trim() || !(s.getAttribute('aria-valuetext') || '').trim();
}).map(s => s.outerHTML.slice(0, 120))"""


# at a phone's width: how wide the page is, and each explorer (kind, scrollWidth, clientWidth, right)
PHONE = """() => ({page: document.documentElement.scrollWidth,
  explorers: Array.from(document.querySelectorAll('.nl-explorer')).map(e =>
    [e.dataset.explorer, e.scrollWidth, e.clientWidth, e.getBoundingClientRect().right])})"""
PHONE_WIDTH = 390  # CSS px: a common phone


@dataclass
class Visit:
    """What one visit of a page saw, at 1280 x 900, after scrolling to its end (and, last, at a
    phone's width)."""

    log: PageLog
    sizes: dict  # page_weight.sizes_of: bytes by kind, stored and gzip-compressed
    axe: dict  # "light"/"dark" -> serious or critical violations found by axe-core
    search_fields: int  # visible search fields
    colab_cell: dict | None  # the first folded cell, as the reader sees it
    explorers: list[str]  # the kinds of explorer on the page, in order
    unlabelled_sliders: list[str]
    drawn_problems: list[str]  # browser.DRAWN_PROBLEMS on every explorer, as first drawn
    phone: dict  # PHONE, once the window is narrowed to PHONE_WIDTH (last, after axe)


def _see(browser, site_url: str, path: str, axe_source: str) -> Visit:
    context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    try:
        seen: list[str] = []
        page, log = _open_logged(context, site_url, path, seen)
        page.wait_for_timeout(300)  # the explorers' first draws
        explorers = page.eval_on_selector_all(".nl-explorer", "els => els.map(e => e.dataset.explorer)")
        drawn = page.eval_on_selector_all(".nl-explorer", f"roots => roots.flatMap({DRAWN_PROBLEMS})")
        unlabelled = page.evaluate(UNLABELLED_SLIDERS)
        search_fields = page.evaluate(VISIBLE, ".search-button-field")
        colab = page.evaluate(COLAB_CELL)
        page.mouse.wheel(0, 20000)  # bring lazy content into view
        page.wait_for_timeout(300)
        page.add_script_tag(content=axe_source)
        axe = {"light": page.evaluate(AXE_SERIOUS, None)}
        set_colour_scheme(page, "dark")
        axe["dark"] = page.evaluate(AXE_SERIOUS, DARK_RULES)
        # the page's layout (the theme's and the explorers') is CSS, so narrowing the window
        # lays it out as a page opened at that width
        page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
        page.wait_for_timeout(300)
        phone = page.evaluate(PHONE)
        return Visit(log=log, sizes=sizes_of(seen, site_url, SITE), axe=axe, search_fields=search_fields,
                     colab_cell=colab, explorers=explorers, unlabelled_sliders=unlabelled, drawn_problems=drawn,
                     phone=phone)
    finally:
        context.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        raise RuntimeError("axe-core is missing: run `npm ci` (make test does it).")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def visit(browser, site_url, axe_source):
    """visit(path) -> Visit: the page is opened once per session, on the first test that asks."""
    visits: dict[str, Visit] = {}

    def _visit(path: str) -> Visit:
        if path not in visits:
            visits[path] = _see(browser, site_url, path, axe_source)
        return visits[path]

    return _visit


@pytest.fixture(scope="session")
def kept_page(browser, site_url):
    """kept_page(path, purpose) -> (page, log): a page kept open for the tests of one page that
    share it (``purpose`` names what they do to it, e.g. "explore"). One page is kept per
    purpose: asking for another path closes the one kept before. The tests that share a page
    each leave it in a state the next one accepts (e.g. Reset after moving sliders)."""
    kept: dict[str, tuple] = {}

    def _open(path: str, purpose: str):
        if purpose in kept and kept[purpose][0] != path:
            kept.pop(purpose)[1].close()
        if purpose not in kept:
            context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
            kept[purpose] = (path, context, *_open_logged(context, site_url, path))
        return kept[purpose][2:]

    yield _open
    for _, context, *_ in kept.values():
        context.close()


def pytest_configure(config):
    # pytest-xdist registers it too; this keeps `-p no:xdist` runs free of the unknown-mark warning
    config.addinivalue_line("markers", "xdist_group(name): run these tests on one worker")


SHARED = {"visit", "kept_page"}
PAGE_PARAMS = ("page_path", "chapter_path", "chapter")


def pytest_collection_modifyitems(items):
    """With two workers (`make test-site`), the tests that share one page (its visit, a kept
    page) run on the same worker, so that each page is still opened once; different pages go
    to either worker."""
    for item in items:
        if SHARED & set(getattr(item, "fixturenames", ())):
            params = getattr(getattr(item, "callspec", None), "params", {})
            path = next((params[k] for k in PAGE_PARAMS if k in params), item.module.__name__)
            item.add_marker(pytest.mark.xdist_group(f"page:{path}"))


def pytest_generate_tests(metafunc):
    """`page_path` runs a test on every page of the book; `chapter_path` on every chapter."""
    if "page_path" in metafunc.fixturenames:
        metafunc.parametrize("page_path", content_pages())
    if "chapter_path" in metafunc.fixturenames:
        metafunc.parametrize("chapter_path", chapter_pages())
