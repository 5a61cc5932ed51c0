"""How a page opens at 1280 px: one search field, the Colab set-up folded away; and the words
learners type find the glossary (issue 16, "Findable" and "The website's chapter openings")."""

from __future__ import annotations

import pytest


def test_one_search_field_at_1280_px(visit, page_path):
    # the visit's window is 1280 x 900
    assert visit(page_path).search_fields == 1, f"{page_path}: not exactly one search field"


def test_the_colab_set_up_cell_is_folded_and_prints_no_bare_true(visit, chapter_path):
    toggle = visit(chapter_path).colab_cell
    assert toggle is not None, f"{chapter_path} has no folded cell"
    assert toggle["summary"].startswith("Set-up for Colab")
    assert not toggle["open"], "the set-up cell starts folded"
    assert "check_environment" in toggle["text"]  # the code is in the fold ...
    assert toggle["visibleCode"] == 0   # ... and out of sight until opened
    assert "True" not in toggle["outputs"], f"{chapter_path}: the set-up cell still prints a bare True"


@pytest.mark.parametrize("word", ["symmetry", "threshold", "decision boundary", "Dense", "BMI",
                                  "favor", "initialization"])
def test_search_finds_the_words_learners_type(open_page, word):
    page, _ = open_page(f"search.html?q={word}")
    page.wait_for_selector("#search-results ul.search li", timeout=15000)
    hits = page.locator("#search-results ul.search li").all_inner_texts()
    assert any("Glossary" in hit for hit in hits), f"searching {word!r} does not find the glossary: {hits}"
