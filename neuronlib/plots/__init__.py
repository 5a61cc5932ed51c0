"""Matplotlib figures for the book's static pages (the explorers are the moving versions).

- :mod:`neuronlib.plots.plane`: the 2-D input plane of one neuron or a layer (Chapters 1-2).
- :mod:`neuronlib.plots.pictures`: one neuron's two pictures, graph and boundary (Chapters 1-2).
- :mod:`neuronlib.plots.people`: the height/body-mass data with the BMI curve (Chapter 1).
- :mod:`neuronlib.plots.curves`: activation curves, 1-input networks, training curves (Chapters 3-5).
"""

from .curves import plot_activation, plot_network_1d, plot_training
from .people import plot_people
from .pictures import plot_two_pictures
from .plane import plot_input_plane

__all__ = [
    "plot_activation",
    "plot_input_plane",
    "plot_network_1d",
    "plot_people",
    "plot_training",
    "plot_two_pictures",
]
