"""Curves on a single axis: an activation function and its slope, a 1-input network built
from its hidden units, and the loss during training.

Introduced in: Chapter 3 (Activation functions); also used in Chapters 4 and 5.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from .._checks import as_limits
from ..activations import SATURATED_SLOPE, Activation, get_activation, slope_runs
from ..network import Network, kink_positions, network_contributions
from ..training import History
from .plane import PALETTE

__all__ = ["plot_activation", "plot_network_1d", "plot_training"]


def _as_activation(activation: Activation | str) -> Activation:
    if isinstance(activation, Activation):
        return activation
    if isinstance(activation, str):
        return get_activation(activation)
    raise TypeError(
        f"activation must be an Activation or a name such as 'relu', got {type(activation).__name__}"
    )


def _shade(ax: Axes, z: np.ndarray, runs: list[tuple[int, int]], colour: str, label: str, gid: str) -> None:
    for k, (start, stop) in enumerate(runs):
        left = z[start] if start == 0 else (z[start - 1] + z[start]) / 2
        right = z[stop] if stop == len(z) - 1 else (z[stop] + z[stop + 1]) / 2
        ax.axvspan(left, right, color=colour, alpha=0.25, lw=0, gid=gid,
                   label=label if k == 0 else None)


def plot_activation(
    activation: Activation | str,
    z_range: Sequence[float] = (-5, 5),
    ax: Axes | None = None,
    show_derivative: bool = True,
    resolution: int = 1001,
) -> Axes:
    """Draw an activation function f(z) and (dashed) its derivative f'(z).

    Regions where the slope is exactly 0 are shaded grey ("zero slope": an input whose z falls
    there adds nothing to the unit's gradient); regions where it is small but not zero,
    |f'(z)| < 0.01, are shaded light orange ("saturated": learning there is very slow). A
    zero-slope range is not a dead unit: a ReLU unit is dead only when z <= 0 for every
    training input (Chapter 5). ``activation`` is an
    :class:`~neuronlib.activations.Activation` or a name accepted by
    :func:`~neuronlib.activations.get_activation`.

    Introduced in: Chapter 3 (Activation functions).

    >>> ax = plot_activation("sigmoid")
    >>> [line.get_label() for line in ax.lines if line.get_gid() != "axis"]
    ['sigmoid(z)', "sigmoid'(z), the slope"]
    """
    act = _as_activation(activation)
    low, high = as_limits(z_range, "z_range")
    if not isinstance(resolution, (int, np.integer)) or resolution < 2:
        raise ValueError(f"resolution must be an integer >= 2, got {resolution!r}")
    z = np.linspace(low, high, resolution)
    if 0.0 > low and 0.0 < high and not np.any(z == 0.0):
        z = np.sort(np.append(z, 0.0))  # include z = 0 itself, where kinks and conventions live
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4))

    values = np.asarray(act(z), dtype=float)
    ax.plot(z, values, color=PALETTE[0], lw=2.5, label=f"{act.name}(z)", gid="activation")
    slope = np.asarray(act.derivative(z), dtype=float)
    if show_derivative:
        ax.plot(z, slope, color=PALETTE[1], lw=2, ls="--", label=f"{act.name}'(z), the slope",
                gid="derivative")
    zero, small = slope_runs(slope)
    _shade(ax, z, zero, "0.6", "zero slope (f' = 0)", "zero_slope")
    _shade(ax, z, small, PALETTE[4], f"saturated (|f'| < {SATURATED_SLOPE:g})", "saturated")

    ax.axhline(0, color="black", lw=0.8, gid="axis")
    ax.axvline(0, color="black", lw=0.8, gid="axis")
    ax.set_xlim(low, high)
    ax.set_xlabel("preactivation z")
    ax.set_ylabel("output f(z)" + (" and slope f'(z)" if show_derivative else ""))
    ax.set_title(act.name)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=9, framealpha=0.9)
    return ax


def plot_network_1d(
    network: Network,
    xlim: Sequence[float] = (-4, 4),
    ax: Axes | None = None,
    target: Callable[[np.ndarray], np.ndarray] | None = None,
    shade: Sequence[float] | None = None,
    resolution: int = 801,
) -> Axes:
    """Draw a 1-input network with one hidden layer and one output: its output (thick
    black) and each hidden unit's contribution, output weight × hidden output (dashed,
    one colour per unit).

    A dotted vertical line in the unit's colour marks ``x = -b/w``, where that unit's
    preactivation crosses 0; for ReLU units these kinks are the only places the output can
    bend (black dots on the output). With an identity output activation the output is the
    sum of the contributions plus the output bias. ``target`` (a function of ``x``), if
    given, is drawn in grey for comparison; ``shade = (low, high)`` shades a range of inputs.

    Introduced in: Chapter 4 (Why nonlinearity).

    >>> ax = plot_network_1d(Network.random([1, 3, 1], ["relu", "identity"], seed=0))
    >>> ax.get_xlabel(), len([l for l in ax.lines if l.get_gid() == "contribution"])
    ('input x', 3)
    """
    kinks = kink_positions(network)
    hidden, output = network.layers
    low, high = as_limits(xlim, "xlim")
    if not isinstance(resolution, (int, np.integer)) or resolution < 2:
        raise ValueError(f"resolution must be an integer >= 2, got {resolution!r}")
    if target is not None and not callable(target):
        raise TypeError(f"target must be a function of x (or None), got {type(target).__name__}")
    if shade is not None:
        shade = as_limits(shade, "shade")
    inside = np.isfinite(kinks) & (kinks > low) & (kinks < high)
    x = np.unique(np.concatenate([np.linspace(low, high, resolution), kinks[inside]]))
    contributions, y = network_contributions(network, x)
    if ax is None:
        _, ax = plt.subplots(figsize=(6.5, 4))

    if shade is not None:
        ax.axvspan(*shade, color="0.88", lw=0, zorder=0, gid="shade")
    if target is not None:
        ax.plot(x, np.asarray(target(x), dtype=float), color="0.55", lw=5, alpha=0.6,
                label="target", gid="target")
    for i in range(contributions.shape[1]):
        colour = PALETTE[i % (len(PALETTE) - 1)]
        ax.plot(x, contributions[:, i], color=colour, lw=1.5, ls="--", gid="contribution",
                label=f"unit {i + 1}: c{i + 1} × h{i + 1}")
        if inside[i]:
            ax.axvline(kinks[i], color=colour, lw=1.2, ls=":", gid="kink")
    ax.plot(x, y, color="black", lw=2.5, label="network output", gid="output")
    if inside.any():
        where = kinks[inside]
        ax.plot(where, network_contributions(network, where)[1], "o", color="black", ms=6,
                gid="kink-points", label="x = −b/w (kink for ReLU)")
    ax.axhline(0, color="black", lw=0.8, gid="axis")
    ax.set_xlim(low, high)
    ax.set_xlabel("input x")
    ax.set_ylabel("output")
    ax.set_title(f"{hidden.n_outputs} hidden {hidden.activation.name} units; "
                 f"output bias c0 = {float(output.bias[0]):.3g}", fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(loc="best", fontsize=8, framealpha=0.9)
    return ax


def plot_training(
    history: History | Mapping[str, History] | Sequence[History],
    ax: Axes | Sequence[Axes] | None = None,
    show_dead: bool = False,
    log_scale: bool = False,
) -> Axes:
    """Draw the loss after each training step, for one run or several.

    ``history`` is a :class:`~neuronlib.training.History` from
    :func:`~neuronlib.training.train`, a list of them, or a dict ``{label: History}`` to
    compare runs (for example two learning rates). ``log_scale=True`` puts the loss on a
    logarithmic scale, so that small and large losses both show. With ``show_dead=True`` a
    second panel underneath (or the second of two axes passed as ``ax``) shows the number
    of dead ReLU units after each step. Returns the loss axes.

    Introduced in: Chapter 5 (Dead neurons).

    >>> ax = plot_training(History(loss=[1.0, 0.5, 0.25]))
    >>> ax.lines[0].get_ydata().tolist()
    [1.0, 0.5, 0.25]
    """
    if isinstance(history, History):
        runs = {_run_label(history): history}
    elif isinstance(history, Mapping):
        runs = dict(history)
    elif isinstance(history, Sequence) and not isinstance(history, str):
        runs = {_run_label(h) if isinstance(h, History) else str(k): h for k, h in enumerate(history)}
    else:
        raise TypeError(
            f"history must be a History from neuronlib.training.train (or a list or dict of "
            f"them), got {type(history).__name__}"
        )
    if not runs:
        raise ValueError("history is empty: give at least one History")
    for label, run in runs.items():
        if not isinstance(run, History):
            raise TypeError(f"run {label!r} must be a History, got {type(run).__name__}")
        if len(run.loss) == 0:
            raise ValueError(f"run {label!r} has no recorded loss to plot")
        if show_dead and len(run.n_dead) != len(run.loss):
            raise ValueError(f"run {label!r} has no dead-unit counts (n_dead) to plot")
    dead_ax = None
    if show_dead:
        if ax is None:
            _, (ax, dead_ax) = plt.subplots(
                2, 1, figsize=(6.5, 5), sharex=True, height_ratios=(2.2, 1)
            )
        elif isinstance(ax, Sequence) and len(ax) == 2 and all(isinstance(a, Axes) for a in ax):
            ax, dead_ax = ax
        else:
            raise TypeError("with show_dead=True, ax must be None or two axes (loss, dead units)")
    elif ax is None:
        _, ax = plt.subplots(figsize=(6.5, 4))
    elif not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes, got {type(ax).__name__}")

    for k, (label, run) in enumerate(runs.items()):
        colour = PALETTE[k % len(PALETTE)]
        steps = np.arange(len(run.loss))
        ax.plot(steps, run.loss, color=colour, lw=2, label=label, gid="loss")
        if dead_ax is not None:
            dead_ax.plot(steps, run.n_dead, color=colour, lw=2, label=label, gid="dead",
                         drawstyle="steps-post")
    if log_scale:
        ax.set_yscale("log")
    ax.set_ylabel("loss" + (f" ({_loss_names(runs)})" if _loss_names(runs) else ""))
    ax.grid(alpha=0.3)
    ax.legend(loc="upper right", fontsize=9, framealpha=0.9)
    if dead_ax is None:
        ax.set_xlabel("training step")
    else:
        dead_ax.set_xlabel("training step")
        dead_ax.set_ylabel("dead ReLU units")
        top = max(max(run.n_dead) for run in runs.values())
        dead_ax.set_ylim(-0.3, max(top, 1) + 0.5)
        dead_ax.yaxis.get_major_locator().set_params(integer=True)
        dead_ax.grid(alpha=0.3)
    return ax


def _run_label(history: History) -> str:
    if history.learning_rate is None:
        return "training loss"
    return f"learning rate {history.learning_rate:g}"


def _loss_names(runs: Mapping[str, History]) -> str:
    names = {run.loss_name for run in runs.values() if run.loss_name}
    return ", ".join(sorted(names))
