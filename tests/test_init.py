"""The package's front door, and the house rules for docstrings of the core modules."""

import doctest
import importlib
import re

import pytest

import neuronlib

CORE = ["activations", "neuron", "hyperplane", "layer", "network", "losses", "training", "data",
        "learning", "regions", "seeded"]
CHAPTERS = {
    1: "What a neuron computes",
    2: "From y = mx + b to hyperplanes",
    3: "Activation functions",
    4: "Why nonlinearity",
    5: "Dead neurons",
    6: "How a neuron learns its weights",
    7: "Layers: many lines at once",
    8: "A small network learns",
}


def test_package_docstring_example_runs():
    result = doctest.testmod(neuronlib)
    assert result.attempted >= 1 and result.failed == 0


def test_package_exports_the_core_names_and_keeps_the_old_ones():
    for name in ("__version__", "check_environment", "Neuron", "Layer", "Network", "Hyperplane",
                 "Activation", "get_activation", "train", "History", "dead_units", "collapse_linear"):
        assert hasattr(neuronlib, name) and name in neuronlib.__all__


def _public(module_name):
    module = importlib.import_module(f"neuronlib.{module_name}")
    for name in module.__all__:
        value = getattr(module, name)
        if callable(value):
            yield name, value


@pytest.mark.parametrize("module_name", CORE)
def test_every_public_name_has_an_example_and_names_its_chapter(module_name):
    for name, value in _public(module_name):
        doc = value.__doc__ or ""
        assert ">>>" in doc, f"{module_name}.{name} has no example"
        match = re.search(r"Introduced in: Chapter (\d) \(([^)]*)\)", doc)
        assert match, f"{module_name}.{name} does not say which chapter introduces it"
        assert CHAPTERS[int(match.group(1))] == match.group(2), f"{module_name}.{name}: wrong chapter title"


@pytest.mark.parametrize("module_name", CORE)
def test_every_module_docstring_names_its_chapter(module_name):
    doc = importlib.import_module(f"neuronlib.{module_name}").__doc__
    match = re.search(r"Introduced in: Chapter (\d) \(([^)]*)\)", doc)
    assert match and CHAPTERS[int(match.group(1))] == match.group(2)
