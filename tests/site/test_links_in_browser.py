"""Links that carry an explorer's state, in Chromium (issue 14, item 5): a link copied from any
explorer opens, in a fresh page, the same explorer with the same values and the same readout,
scrolled into view; a hand-edited or hostile link opens the starting values with a notice, runs
no script, makes no request the page would not make anyway, and leaves axe nothing serious."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from browser import open_quietly
from conftest import AXE

from neuronlib.explorers import EXPLORERS

GALLERY = "notebooks/gallery.html"
#: One gallery page serves the whole module: its tests run on one worker.
pytestmark = pytest.mark.xdist_group("page:links")
#: What a reader can see of an explorer's state: its readout and every control's value. The
#: trace slider (Listen's trace point, issue 17) is where the reader listens, not a value of the
#: explorer, so a link does not carry it.
STATE = """root => [root.querySelector('.nl-readout').textContent,
    ...Array.from(root.querySelectorAll('input[type=range]'), s => s.getAttribute('aria-valuetext'))
      .filter(v => !v.startsWith('trace ')),
    ...Array.from(root.querySelectorAll('select'), s => s.value)]"""


def _open(browser, site_url, contexts: list, path: str, clipboard: bool = True, init: str = ""):
    """Open a page of the site in a fresh context; returns (page, log) where log holds every
    request's URL, page errors and console errors, all recorded from before the page loads."""
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  permissions=["clipboard-read", "clipboard-write"] if clipboard else [])
    contexts.append(context)
    if init:
        context.add_init_script(init)
    log = {"requests": [], "errors": []}
    page = context.new_page()
    page.on("request", lambda r: log["requests"].append(r.url))
    page.on("response", lambda r: r.status >= 400 and log["errors"].append(f"{r.status} {r.url}"))
    page.on("pageerror", lambda e: log["errors"].append(str(e)))
    # Chromium's own request for /favicon.ico (the book has none; no page event sees it) is no page error
    page.on("console", lambda m: log["errors"].append(m.text) if m.type == "error"
            and not m.location.get("url", "").endswith("/favicon.ico") else None)
    open_quietly(page, f"{site_url}/{path}")
    return page, log


@pytest.fixture
def fresh(browser, site_url):
    """fresh(path, clipboard=True, init="") -> (page, log), in a context of its own."""
    contexts = []
    yield lambda *args, **kwargs: _open(browser, site_url, contexts, *args, **kwargs)
    for c in contexts:
        c.close()


@dataclass
class Copied:
    """One explorer of the shared gallery page: its element id, its state and link as the page
    opened (``start``, ``plain``), and after a reader moved it (``moved``, ``link``)."""

    element: str
    start: list
    plain: str
    moved: list
    link: str


@pytest.fixture(scope="module")
def gallery(browser, site_url):
    """One gallery page for the module (a gallery load is the slow part of these tests): every
    kind's link is copied from it as the page opened, then after moving that explorer. Returns
    (copied by kind, the page's log, the state of every explorer as the page opened)."""
    contexts = []
    page, log = _open(browser, site_url, contexts, GALLERY)
    log["url"] = page.url.split("#")[0]
    every_start = page.locator(".nl-explorer").evaluate_all(f"roots => roots.map({STATE})")
    copied = {}
    for kind in EXPLORERS:
        root = _first(page, kind)
        root.scroll_into_view_if_needed()
        element, start, plain = root.get_attribute("id"), root.evaluate(STATE), _copy(page, root)
        _move(root)
        copied[kind] = Copied(element, start, plain, root.evaluate(STATE), _copy(page, root))
    yield copied, log, every_start
    for c in contexts:
        c.close()


def _first(page, kind):
    return page.locator(f'.nl-explorer[data-explorer="{kind}"]').first


def _move(root) -> None:
    """Change the explorer the way a reader does: arrow keys on its sliders, another menu entry."""
    sliders = root.locator("input[type=range]:enabled")
    for j in range(min(sliders.count(), 6)):
        slider = sliders.nth(j)
        key = "ArrowLeft" if slider.evaluate("s => +s.value >= +s.max") else "ArrowRight"
        for _ in range(3):
            slider.press(key)
    menus = root.locator("select")
    if menus.count():
        last = menus.first.locator("option").last.get_attribute("value")
        menus.first.select_option(last)


def _copy(page, root) -> str:
    """Press Copy link from the keyboard; the link, from the clipboard or the field shown instead."""
    button = root.get_by_role("button", name="Copy link")
    root.evaluate("r => { r.querySelector('.nl-announce').textContent = ''; }")  # not the last copy's
    button.focus()
    button.press("Enter")
    page.wait_for_function("r => r.querySelector('.nl-announce').textContent.startsWith('Link')",
                           arg=root.element_handle())
    said = root.locator(".nl-announce").text_content()
    if said == "Link copied":
        return page.evaluate("navigator.clipboard.readText()")
    return root.locator(".nl-link input").input_value()


def _in_view(page, root) -> bool:
    top, bottom = root.evaluate("e => [e.getBoundingClientRect().top, e.getBoundingClientRect().bottom]")
    return -1 <= top < page.viewport_size["height"] and bottom > 0


@pytest.mark.parametrize("kind", list(EXPLORERS))
def test_a_copied_link_opens_the_same_explorer_with_the_same_readout(gallery, fresh, kind):
    copied, log, _ = gallery
    one = copied[kind]
    assert one.moved != one.start, f"{kind}: moving its controls changed nothing"
    assert one.link.startswith(f"{log['url']}#{one.element}?") and len(one.link) < 2000, one.link
    again, log_again = fresh(one.link.split("/", 3)[3])
    opened = again.locator(f"#{one.element}")
    assert opened.evaluate(STATE) == one.moved, f"{kind}: {one.link}"
    assert opened.locator(".nl-link-notice").count() == 0
    assert _in_view(again, opened), f"{kind}: the page is not scrolled to the explorer"
    assert log["errors"] == [] and log_again["errors"] == []


def test_without_a_clipboard_the_link_is_shown_to_select(fresh):
    page, log = fresh(GALLERY, clipboard=False, init="Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    root = _first(page, "hyperplane")
    link = _copy(page, root)
    field = root.locator(".nl-link input")
    assert field.is_visible() and field.get_attribute("readonly") is not None
    assert root.locator(".nl-announce").text_content() == "Link shown: copy it from the field"
    assert field.evaluate("f => [f.selectionStart, f.selectionEnd]") == [0, len(link)]
    assert "#nl-hyperplane-" in link and "&bias=0.5&" in link
    assert log["errors"] == []


HOSTILE = "window.nlHacked=1"
#: Hand-edited links to the gallery's hyperplane explorer (the part after "?"). Which of the
#: hand-edited links fit is decided by one function (`nlReadLink`, js/links.js), checked in node
#: against Python on 39 edits of every kind's link (tests/test_links.py); here, that a link that
#: does not fit, however hostile, reaches the page as text only.
MALFORMED = [
    f"weights=1,-1&bias=0.5&activation=<img src=x onerror={HOSTILE}>&point=1,1",
    f"weights=1,-1&bias=0.5&activation=javascript:{HOSTILE}&point=1,1",
    f"weights=1,-1&bias=0.5&activation=%3Cimg%20src%3Dx%20onerror%3D{HOSTILE}%3E&point=1,1",
    "weights=1,-1&bias=1e400&activation=relu&point=1,1",          # beyond any float
]


def test_links_that_do_not_fit_open_the_starting_values_with_a_notice(gallery, fresh):
    copied, plain_log, _ = gallery
    hyperplane = copied["hyperplane"]
    assert "weights=1,-1&bias=0.5&activation=relu&point=1,1" in hyperplane.plain
    for query in MALFORMED:
        page, log = fresh(f"{GALLERY}#{hyperplane.element}?{query}")
        opened = page.locator(f"#{hyperplane.element}")
        notice = opened.locator(".nl-link-notice")
        assert notice.count() == 1 and "does not fit this explorer" in notice.text_content(), query
        assert "<" not in notice.text_content() and "javascript" not in notice.text_content()
        assert opened.evaluate(STATE) == hyperplane.start, query
        assert _in_view(page, opened), query
        assert page.evaluate("window.nlHacked") is None, query
        assert page.locator(".nl-explorer img, .nl-explorer script").count() == 0, query
        assert log["errors"] == [], (query, log["errors"])
        extra = set(log["requests"]) - set(plain_log["requests"])
        assert extra == set(), (query, extra)


@pytest.mark.parametrize("kind, edit", [
    ("neuron", "inputs=1,2,3"), ("activation", "slope=Infinity"), ("network", "output_bias=--1"),
    ("layer", "weights=1,1;1"), ("training", "seed=1.5"), ("learning", "step=999999"),
    ("regions", "d=0x10"), ("playground", "hidden=4,9"),
])
def test_every_kind_of_explorer_refuses_a_value_that_does_not_fit(gallery, fresh, kind, edit):
    one = gallery[0][kind]
    key = edit.split("=")[0]
    query = "&".join(edit if p.startswith(key + "=") else p for p in one.plain.split("?")[1].split("&"))
    page, log = fresh(f"{GALLERY}#{one.element}?{query}")
    opened = page.locator(f"#{one.element}")
    assert opened.locator(".nl-link-notice").text_content().startswith(f"This link gives {key} a value"), query
    assert opened.evaluate(STATE) == one.start
    assert log["errors"] == []


def test_an_id_that_names_no_explorer_changes_nothing(gallery, fresh):
    _, plain_log, start = gallery
    page, log = fresh(f"{GALLERY}#<img src=x onerror={HOSTILE}>?bias=1")
    assert page.locator(".nl-explorer").evaluate_all(f"roots => roots.map({STATE})") == start
    assert page.locator(".nl-link-notice").count() == 0 and page.evaluate("window.nlHacked") is None
    assert log["errors"] == [] and set(log["requests"]) <= set(plain_log["requests"])


def test_axe_finds_nothing_serious_on_the_notice(gallery, fresh):
    element = gallery[0]["hyperplane"].element
    page, _ = fresh(f"{GALLERY}#{element}?bias=NaN")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(f"async () => await axe.run('#{element}', {{resultTypes: ['violations']}})")
    serious = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    assert page.locator(f"#{element} .nl-link-notice").is_visible()
