"""Slider explorers: drag weights, bias and activation and watch what one neuron computes.

Each ``explore_*`` call returns a widget (an anywidget) that works in three places with the same
numbers: live in JupyterLab, Binder or Colab (its values are traitlets Python can read, set and
observe), on the static website with no kernel (the same JavaScript runs on a stand-in model),
and as a plain-text summary computed by neuronlib (nbval, PDF, readers without JavaScript).
See ``neuronlib/explorers/README.md``.

- :func:`explore_neuron` (Chapter 1), :func:`explore_hyperplane` (Chapter 2),
  :func:`explore_activation` (Chapter 3), :func:`explore_network` and :func:`explore_layer`
  (Chapter 4), :func:`explore_training` (Chapter 5), :func:`explore_learning` (Chapter 6),
  :func:`explore_regions` (Chapter 7),
  :func:`explore_playground` (Chapter 8).

Each explorer's ``link(page)`` is a link to it as it is now; :func:`from_link` rebuilds an
explorer from such a link (the website's "Copy link" button makes the same links).
"""

from .activation import ActivationExplorer, explore_activation
from .hyperplane import HyperplaneExplorer, explore_hyperplane
from .layer import LayerExplorer, explore_layer
from .learning import LearningExplorer, explore_learning
from .links import from_link
from .network import NetworkExplorer, explore_network
from .neuron import NeuronExplorer, explore_neuron
from .playground import PlaygroundExplorer, explore_playground
from .regions import RegionsExplorer, explore_regions
from .training import TrainingExplorer, explore_training

#: Every kind of explorer (its ``data-explorer`` name on a page) and the call that makes one.
EXPLORERS = {
    "neuron": explore_neuron,
    "hyperplane": explore_hyperplane,
    "activation": explore_activation,
    "network": explore_network,
    "layer": explore_layer,
    "training": explore_training,
    "learning": explore_learning,
    "regions": explore_regions,
    "playground": explore_playground,
}

__all__ = [
    "EXPLORERS",
    "ActivationExplorer",
    "HyperplaneExplorer",
    "LayerExplorer",
    "LearningExplorer",
    "NetworkExplorer",
    "NeuronExplorer",
    "RegionsExplorer",
    "PlaygroundExplorer",
    "TrainingExplorer",
    "explore_activation",
    "explore_hyperplane",
    "explore_layer",
    "explore_learning",
    "explore_network",
    "explore_neuron",
    "explore_regions",
    "explore_playground",
    "explore_training",
    "from_link",
]
