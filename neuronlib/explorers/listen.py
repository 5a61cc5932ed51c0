"""Listening across the input plane (issue 17): what Listen plays and the trace steps through in
the explorers whose figure is the whole plane (layer, regions, training, learning line,
playground).

x1 moves across the view, left to right, along a row ``x2 = constant`` that the reader picks
with the "trace x2" slider (at first 0, or the middle row when 0 is out of view); the pitch is
the explorer's output there and the buzz marks z < 0 (the class-0 side of a trained network).
The browser's sweep is ``nlRowSweep`` in js/sound.js, called by each explorer's ``nlSweepOf``.

>>> first_row([-1, 2]), first_row([1, 3])
(0.0, 2.0)
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from neuronlib.network import Network
from neuronlib.sound import sweep_inputs

from .base import fmt, number


def first_row(ylim) -> float:
    """The row the trace starts on: x2 = 0 when it is in view, else the middle of the view."""
    lo, hi = ylim
    return 0.0 if lo <= 0 <= hi else (lo + hi) / 2


def row_sweep(xlim, ylim, x2, what: str, at: Callable | None = None, silent: str = "", also: str = "") -> dict:
    """The sweep along the row ``x2`` (``None``: :func:`first_row`): ``{"name": "x1", "at": "x2 =
    ...", "x2", "what" (what the pitch is), "xs", "zs", "outputs"}`` plus what ``at(X)`` adds (X the
    row's inputs, shape (41, 2); it returns ``{"zs", "outputs"}`` and maybe ``"notes"``, words the
    trace adds at each input, and ``"ticks"``). ``silent`` (nothing to hear) says why instead;
    ``also`` is said after the row ("unit 2")."""
    x2 = first_row(ylim) if x2 is None else number("x2", x2)
    xs = sweep_inputs(*xlim)
    sweep = {"name": "x1", "at": f"x2 = {fmt(x2)}" + (f", {also}" if also else ""), "x2": x2, "what": what,
             "xs": xs.tolist(), "zs": [], "outputs": []}
    if silent:
        return {**sweep, "silent": silent}
    return {**sweep, **at(np.column_stack([xs, np.full_like(xs, x2)]))}


def output_z_and_p(model, X) -> dict:
    """A trained model's output p (a sigmoid's) and its z (before the sigmoid) at the inputs X:
    ``model`` is a :class:`~neuronlib.neuron.Neuron` or a :class:`~neuronlib.network.Network`."""
    if isinstance(model, Network):
        zs, outs = model.forward(X)
        return {"zs": zs[-1][:, 0].tolist(), "outputs": outs[-1][:, 0].tolist()}
    return {"zs": np.asarray(model.preactivation(X)).tolist(), "outputs": np.asarray(model(X)).tolist()}


def trained_sweep(ex, x2, lims, what: str) -> dict:
    """A stepped explorer's sweep (training, learning line, playground): the model trained to the
    current step, along the row x2 of the plane ``lims = (xlim, ylim)``; silent once training has
    diverged ("training diverged at step 12")."""
    history = ex.trained()
    if isinstance(history, str):
        return row_sweep(*lims, x2, what, silent=history.split(" (")[0])
    return row_sweep(*lims, x2, what, lambda X: output_z_and_p(history.model, X))
