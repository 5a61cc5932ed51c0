"""neuronlib: the small library behind the textbook *Inside the Neuron*.

The core names, one idea per module (see ``docs/design.md``):

- :mod:`neuronlib.neuron`: :class:`Neuron` (Chapter 1);
- :mod:`neuronlib.hyperplane`: :class:`Hyperplane` (Chapter 2);
- :mod:`neuronlib.activations`: :class:`Activation`, :func:`get_activation` (Chapter 3);
- :mod:`neuronlib.layer`, :mod:`neuronlib.network`: :class:`Layer`, :class:`Network`,
  :func:`collapse_linear` (Chapter 4);
- :mod:`neuronlib.losses`, :mod:`neuronlib.training`: :func:`get_loss`, :func:`train`,
  :func:`gradients`, :class:`History`, :func:`dead_units`, :func:`reinitialise_dead`,
  :func:`accuracy` (Chapter 5);
- :mod:`neuronlib.regions`: on/off patterns, region counts and the flat pieces of a ReLU
  network (Chapter 7);
- :mod:`neuronlib.data`: seeded toy data sets;
- :mod:`neuronlib.seeded`: starting weights a web page can draw number for number (Chapter 8).

>>> from neuronlib import Neuron
>>> Neuron([1.0, 1.0], bias=-1.5, activation="step")([1.0, 1.0])
1.0
"""

__version__ = "0.1.0"

from .activations import ACTIVATION_NAMES, Activation, get_activation  # noqa: E402
from .environment import check_environment  # noqa: E402
from .hyperplane import Hyperplane  # noqa: E402
from .layer import Layer  # noqa: E402
from .losses import LOSS_NAMES, get_loss  # noqa: E402
from .network import Network, collapse_linear  # noqa: E402
from .neuron import Neuron  # noqa: E402
from .training import History, accuracy, dead_units, gradients, reinitialise_dead, train  # noqa: E402

__all__ = [
    "ACTIVATION_NAMES",
    "Activation",
    "History",
    "Hyperplane",
    "LOSS_NAMES",
    "Layer",
    "Network",
    "Neuron",
    "__version__",
    "accuracy",
    "check_environment",
    "collapse_linear",
    "dead_units",
    "get_activation",
    "get_loss",
    "gradients",
    "reinitialise_dead",
    "train",
]
