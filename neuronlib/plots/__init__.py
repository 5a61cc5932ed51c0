"""Matplotlib figures for the book's static pages (the explorers are the moving versions).

- :mod:`neuronlib.plots.plane`: the 2-D input plane of one neuron or a layer (Chapters 1-2).
- :mod:`neuronlib.plots.pictures`: one neuron's two pictures, graph and boundary (Chapters 1-2).
- :mod:`neuronlib.plots.people`: the height/body-mass data with the BMI curve (Chapter 1).
- :mod:`neuronlib.plots.curves`: activation curves, 1-input networks, training curves (Chapters 3-5).
- :mod:`neuronlib.plots.learning`: two losses compared, gradient descent on a loss surface (Chapter 6).
- :mod:`neuronlib.plots.regions`: on/off regions, flat pieces and the folded plane (Chapter 7).
- :mod:`neuronlib.plots.decisions`: a network's decision regions with the data (Chapter 8).
"""

from .curves import plot_activation, plot_network_1d, plot_training
from .learning import plot_descent_path, plot_sigmoid_losses
from .people import plot_people
from .pictures import plot_two_pictures
from .plane import plot_input_plane
from .regions import plot_hidden_space, plot_layers_1d, plot_output_regions, plot_patterns
from .decisions import plot_decision_regions

__all__ = [
    "plot_activation",
    "plot_decision_regions",
    "plot_descent_path",
    "plot_hidden_space",
    "plot_input_plane",
    "plot_layers_1d",
    "plot_network_1d",
    "plot_output_regions",
    "plot_patterns",
    "plot_people",
    "plot_sigmoid_losses",
    "plot_training",
    "plot_two_pictures",
]
