"""The height/body-mass data of :func:`neuronlib.data.height_weight` with the curve
``BMI = 30`` and a neuron's line, ringing the people the neuron gets wrong.

Introduced in: Chapter 1 (What a neuron computes).
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from ..neuron import Neuron
from .._checks import as_limits

__all__ = ["plot_people"]


def plot_people(
    neuron: Neuron,
    X: np.ndarray,
    y: np.ndarray,
    xlim: Sequence[float] = (1.4, 2.0),
    ylim: Sequence[float] = (35, 150),
    ax: Axes | None = None,
    bmi: float = 30.0,
) -> Axes:
    """People as dots (height in m across, body mass in kg up; white circles labelled 0,
    black squares labelled 1), the curve ``mass = bmi · height²`` (dashed) where the label
    changes, the neuron's line ``z = 0`` (solid) where its answer changes, and a red ring
    around every person whose answer (1 where ``z ≥ 0``, i.e. sigmoid output ≥ 0.5) differs
    from their label. The title counts the right answers.

    Introduced in: Chapter 1 (What a neuron computes).

    >>> from neuronlib.body_mass import tangent_neuron
    >>> X, y = np.array([[1.5, 67.0], [1.7, 95.0]]), np.array([0, 1])
    >>> plot_people(tangent_neuron(1.70), X, y).get_title()
    '1 of 2 right; the ringed person is wrong'
    """
    if not isinstance(neuron, Neuron) or neuron.n_inputs != 2:
        raise TypeError("neuron must be a Neuron with 2 inputs (height in m, body mass in kg)")
    X, y = np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or X.shape[1] != 2 or y.shape != (len(X),):
        raise ValueError(f"X must have shape (m, 2) and y shape (m,); got {X.shape} and {y.shape}")
    xlim, ylim = as_limits(xlim, "xlim"), as_limits(ylim, "ylim")
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 5))
    says = (np.asarray(neuron.preactivation(X)) >= 0).astype(int)
    wrong = says != y
    for label, fill, marker, name in ((0, "white", "o", "label 0 (BMI below 30)"),
                                      (1, "black", "s", "label 1 (BMI 30 or more)")):
        chosen = y == label
        ax.scatter(X[chosen, 0], X[chosen, 1], s=30, color=fill, marker=marker, edgecolor="black",
                   linewidth=0.8, zorder=3, label=name, gid="points")
    heights = np.linspace(*xlim, 200)
    ax.plot(heights, bmi * heights**2, color="#0072B2", ls="--", lw=2, label=f"BMI = {bmi:g}",
            gid="curve")
    segment = neuron.hyperplane.segment_in_box(xlim, ylim) if neuron.hyperplane.exists else None
    if segment is not None:
        (x0, y0), (x1, y1) = segment
        ax.plot([x0, x1], [y0, y1], color="black", lw=2, label="neuron's line, z = 0", gid="hyperplane")
    ax.scatter(X[wrong, 0], X[wrong, 1], s=260, facecolor="none", edgecolor="#D55E00", linewidth=2.2,
               zorder=4, label="wrong answer", gid="wrong")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xlabel("height (m)")
    ax.set_ylabel("body mass (kg)")
    k = int(wrong.sum())
    ringed = "no one is ringed" if k == 0 else ("the ringed person is wrong" if k == 1 else
                                                f"the {k} ringed people are wrong")
    ax.set_title(f"{len(y) - k} of {len(y)} right; {ringed}")
    ax.legend(loc="best", fontsize=8, framealpha=0.9)
    return ax
