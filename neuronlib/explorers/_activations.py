"""The activation menu every explorer offers, and the parameters it uses for them.

The front end receives ``names()`` and ``PARAMS`` in its config, so the menu and the maths in
the browser are the ones neuronlib uses here."""

from __future__ import annotations

from . import _checks

#: Parameters of the parametrised activations (the browser uses the same numbers).
PARAMS = {"slope": 0.01, "alpha": 1.0}
_PARAM_OF = {"leaky_relu": "slope", "elu": "alpha"}


def names() -> list[str]:
    """neuronlib's activation names, without aliases (``silu`` is ``swish``)."""
    from neuronlib.activations import ACTIVATION_NAMES

    return [n for n in ACTIVATION_NAMES if n != "silu"]


def check(name: object, what: str = "activation") -> str:
    return _checks.choice(what, name, names())


def get(name: str, params: dict | None = None):
    """neuronlib's Activation for ``name`` with the explorer's parameters."""
    from neuronlib.activations import get_activation

    params = {**PARAMS, **(params or {})}
    key = _PARAM_OF.get(name)
    return get_activation(name, **{key: params[key]}) if key else get_activation(name)
