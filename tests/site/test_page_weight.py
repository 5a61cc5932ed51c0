"""A chapter page transfers less than 1.5 MB (text gzip-compressed, as static hosts send it)."""

from __future__ import annotations

from page_weight import LIMIT


def test_a_chapter_page_transfers_under_one_and_a_half_megabytes(visit, chapter_path):
    sizes = visit(chapter_path).sizes
    total = sizes["total"]["gzip"]
    assert sizes["html"]["raw"] > 0 and sizes["scripts"]["raw"] > 0, "the measurement saw no page"
    assert total < LIMIT, f"{chapter_path} transfers {total / 1e6:.2f} MB: {sizes}"
