"""axe-core finds no serious or critical accessibility violation on any page, light or dark."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(visit, page_path, scheme):
    serious = visit(page_path).axe[scheme]
    assert serious == [], f"{page_path} [{scheme}]:\n" + "\n".join(serious)
