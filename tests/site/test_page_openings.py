"""How a page opens at 1280 px: one search field, the Colab set-up folded away; and the words
learners type find the glossary (issue 16, "Findable" and "The website's chapter openings")."""

from __future__ import annotations

import pytest


def _visible(page, selector: str) -> int:
    return sum(1 for el in page.locator(selector).all() if el.is_visible())


def test_one_search_field_at_1280_px(open_page, page_path):
    page, _ = open_page(page_path)  # the fixture's window is 1280 x 900
    assert _visible(page, ".search-button-field") == 1, f"{page_path}: not exactly one search field"


def test_the_colab_set_up_cell_is_folded_and_prints_no_bare_true(open_page, chapter_path):
    page, _ = open_page(chapter_path)
    toggle = page.locator("details.hide").first
    assert toggle.locator("summary").inner_text().strip().startswith("Set-up for Colab")
    assert toggle.get_attribute("open") is None, "the set-up cell starts folded"
    assert "check_environment" in toggle.text_content()  # the code is in the fold ...
    assert not toggle.locator("pre:visible").count()   # ... and out of sight until opened
    outputs = [o.inner_text().strip() for o in toggle.locator(".cell_output").all()]
    assert "True" not in outputs, f"{chapter_path}: the set-up cell still prints a bare True"


@pytest.mark.parametrize("word", ["symmetry", "threshold", "decision boundary", "Dense", "BMI",
                                  "favor", "initialization"])
def test_search_finds_the_words_learners_type(open_page, word):
    page, _ = open_page(f"search.html?q={word}")
    page.wait_for_selector("#search-results ul.search li", timeout=15000)
    hits = page.locator("#search-results ul.search li").all_inner_texts()
    assert any("Glossary" in hit for hit in hits), f"searching {word!r} does not find the glossary: {hits}"
