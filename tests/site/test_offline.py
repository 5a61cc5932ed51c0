"""The built site works with no network: no request leaves it, search and math work."""

from __future__ import annotations

from conftest import SITE, content_pages


def test_no_request_leaves_the_site(visit, page_path):
    blocked = visit(page_path).log.blocked  # scrolled to the end: lazy content loaded too
    assert blocked == [], f"{page_path} tried to load from outside the site: {blocked}"


def test_pages_load_without_script_errors(visit, page_path):
    log = visit(page_path).log
    assert log.page_errors == [], f"{page_path}: uncaught errors {log.page_errors}"
    assert log.console_errors == [], f"{page_path}: console errors {log.console_errors}"


def test_math_is_typeset_from_the_site_itself(open_page):
    page, log = open_page("book/intro.html")
    page.wait_for_selector("mjx-container", timeout=15000)
    assert log.blocked == []


def test_search_finds_a_word_offline(open_page):
    page, log = open_page("search.html?q=hyperplane")
    page.wait_for_selector("#search-results ul.search li", timeout=15000)
    hits = page.locator("#search-results ul.search li").count()
    assert hits >= 1
    assert log.blocked == []


def test_a_chapter_opened_from_disk_still_moves_its_sliders(browser):
    """file:// pages refuse module imports across files; the explorers must not need them."""
    from conftest import chapter_pages

    path = next(p for p in chapter_pages() if "01_" in p)
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((SITE / path).as_uri(), wait_until="load")
        explorer = page.locator(".nl-explorer").first
        explorer.wait_for(timeout=15000)
        canvas = explorer.locator("canvas").first
        before = canvas.evaluate("c => c.toDataURL()")
        slider = explorer.locator("input[type=range]").first
        slider.focus()
        slider.press("ArrowRight")
        slider.press("ArrowRight")
        page.wait_for_timeout(100)
        after = canvas.evaluate("c => c.toDataURL()")
        assert errors == []
        assert before != after, "moving a slider on the file:// page did not redraw the figure"
    finally:
        context.close()


ICONS = """() => Array.from(document.querySelectorAll('i.fa-solid, i.fa-brands, i.fa-regular'))
  .filter(i => i.offsetParent !== null)
  .map(i => { const s = getComputedStyle(i, '::before');
              return {cls: i.className, font: s.fontFamily, glyph: s.content, width: i.getBoundingClientRect().width}; })"""


def test_icons_are_drawn_by_the_sites_own_icon_font(open_page):
    """The theme's Font Awesome script is removed (book/_ext/offline_site.py): every visible
    icon must still show, as a glyph of the webfont served from _static."""
    page, log = open_page(next(p for p in content_pages() if "02_" in p))
    page.evaluate("document.fonts.ready")
    icons = page.evaluate(ICONS)
    assert len(icons) >= 3, f"expected the header's icons, found {icons}"
    for icon in icons:
        assert "Font Awesome" in icon["font"] and icon["glyph"] not in ("none", "normal", '""'), icon
        assert icon["width"] > 0, icon
    loaded = page.evaluate("Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Font Awesome" in family for family in loaded), loaded
    assert page.locator("script[src*='fontawesome.js']").count() == 0
    assert log.blocked == []
