"""explore_activation: an activation function, its derivative, zero-slope and saturated zones (Chapter 3)."""

from __future__ import annotations

import numpy as np

from neuronlib._checks import as_limits
from neuronlib.activations import DEFAULT_PARAMS, SATURATED_SLOPE, slope_runs
from neuronlib.sound import sweep_inputs

from .base import (ActivationName, Explorer, Number, activation_config, fmt, make_activation,
                   module_source, number)


def _runs_text(runs) -> str:
    if not runs:
        return "nowhere"
    return "for z in " + " and ".join(f"[{fmt(a, 2)}, {fmt(b, 2)}]" for a, b in runs)


class ActivationExplorer(Explorer):
    """The widget behind :func:`explore_activation`; read, set or observe ``activation``,
    ``slope`` (Leaky ReLU), ``alpha`` (ELU) and ``z`` (the probe).

    Introduced in: Chapter 3 (Activation functions).

    >>> explore_activation("relu").regions()["zero_slope"]
    [(-5.0, 0.0)]
    """

    _kind = "activation"
    _esm = module_source("activation")
    _state_keys = ("activation", "slope", "alpha", "z")
    activation = ActivationName().tag(sync=True)
    slope = Number(DEFAULT_PARAMS["slope"]).tag(sync=True)
    alpha = Number(DEFAULT_PARAMS["alpha"]).tag(sync=True)
    z = Number(1.0).tag(sync=True)

    def regions(self) -> dict[str, list[tuple[float, float]]]:
        """Where f' = 0 ("zero_slope") and where 0 < |f'| < 0.01 ("saturated") on the visible range."""
        lo, hi = self._config["zlim"]
        n = self._config["grid"]
        zs = lo + (hi - lo) * np.arange(n + 1) / n  # the same floats as nlGrid in the browser
        zero, saturated = slope_runs(self.function().derivative(zs))
        return {"zero_slope": [(float(zs[a]), float(zs[b])) for a, b in zero],
                "saturated": [(float(zs[a]), float(zs[b])) for a, b in saturated]}

    def function(self):
        """The activation as it is now, as a :class:`neuronlib.activations.Activation`."""
        return make_activation(self.activation, {"slope": self.slope, "alpha": self.alpha})

    def label(self) -> str:
        """The activation's name with its parameter where it has one: ``leaky_relu (slope 0.01)``."""
        return {"leaky_relu": f"leaky_relu (slope {fmt(self.slope)})",
                "elu": f"elu (alpha {fmt(self.alpha)})"}.get(self.activation, self.activation)

    def summary(self) -> str:
        act = self.function()
        label = self.label()
        lo, hi = self._config["zlim"]
        r = self.regions()
        f = float(act(np.float64(self.z)))
        d = float(act.derivative(np.float64(self.z)))
        return (f"Activation explorer: {label}; at z = {fmt(self.z)}: f(z) = {fmt(f)}, "
                f"f'(z) = {fmt(d)}; on [{fmt(lo)}, {fmt(hi)}]: zero slope (f' = 0) {_runs_text(r['zero_slope'])}; "
                f"saturated (|f'| < 0.01) {_runs_text(r['saturated'])}")

    def facts(self) -> list[str]:
        act = self.function()
        label = self.label()
        d = float(act.derivative(np.float64(self.z)))
        here = "; the slope is zero here" if d == 0 else "; it is saturated here" if abs(d) < SATURATED_SLOPE else ""
        r = self.regions()
        return [f"{label} at z = {fmt(self.z)}: f(z) = {fmt(float(act(np.float64(self.z))))}, f'(z) = {fmt(d)}{here}.",
                f"Zero slope (f' = 0) {_runs_text(r['zero_slope'])}; saturated (|f'| < 0.01) {_runs_text(r['saturated'])}."]

    def sweep(self) -> dict:
        """Listen: z itself from the left of the view to the right; the output is f(z)."""
        zs = sweep_inputs(*self._config["zlim"])
        return {"name": "z", "at": "", "xs": zs.tolist(), "zs": zs.tolist(), "outputs": self.function()(zs).tolist()}


def explore_activation(activation="relu", slope=DEFAULT_PARAMS["slope"], alpha=DEFAULT_PARAMS["alpha"], z=1.0,
                       zlim=(-5, 5)) -> ActivationExplorer:
    """Pick an activation function and see it, its derivative f', and where that slope is zero or tiny.

    Introduced in: Chapter 3 (Activation functions). The dark band marks where f' = 0 ("zero
    slope": an input there adds nothing to the unit's gradient); the light band where
    0 < |f'| < 0.01 ("saturated"). "Dead" is kept for Chapter 5's meaning: a ReLU unit with
    z <= 0 for every training input.
    ``slope`` is Leaky ReLU's slope for z <= 0; ``alpha`` is ELU's alpha; ``z`` is the probe.

    >>> ex = explore_activation("sigmoid", z=0)
    >>> print(ex)
    Activation explorer: sigmoid; at z = 0: f(z) = 0.5, f'(z) = 0.25; on [-5, 5]: zero slope (f' = 0) nowhere; saturated (|f'| < 0.01) for z in [-5, -4.59] and [4.59, 5]
    """
    zlim = list(as_limits(zlim, "zlim"))
    config = {
        "zlim": zlim, "grid": 1000, "names": activation_config()["names"], "saturated": SATURATED_SLOPE,
        "ranges": {"slope": [0.0, 0.5, 0.005], "alpha": [0.1, 3.0, 0.05],
                   "z": [zlim[0], zlim[1], 0.05]},
    }
    return ActivationExplorer(config, activation=activation,
                              slope=number("slope", slope), alpha=number("alpha", alpha),
                              z=number("z", z))
