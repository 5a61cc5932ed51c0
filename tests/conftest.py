"""Fixtures shared by the tests in this folder: one explorer of every kind."""

from __future__ import annotations

import pytest

from neuronlib.explorers import EXPLORERS


@pytest.fixture(params=EXPLORERS)
def explorer_kind(request) -> str:
    """Each kind of explorer in turn: a test that asks for it runs once per kind."""
    return request.param


@pytest.fixture()
def explorer(explorer_kind):
    """A fresh explorer of ``explorer_kind``, with its default values."""
    return EXPLORERS[explorer_kind]()


@pytest.fixture(scope="module")
def every_explorer() -> dict:
    """A fresh explorer of every kind with its default values, by kind, shared by the tests of
    one module (a test that changes one must put it back)."""
    return {kind: make() for kind, make in EXPLORERS.items()}
