"""neuronlib: the small library behind the textbook *Inside the Neuron*."""

__version__ = "0.1.0"

from .environment import check_environment  # noqa: E402

__all__ = ["__version__", "check_environment"]
