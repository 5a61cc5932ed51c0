"""Seeded starting weights that a web page can draw too, number for number.

Introduced in: Chapter 8 (A small network learns).

:meth:`Network.random <neuronlib.network.Network.random>` draws with numpy's generator, which a
browser cannot repeat. The network playground lets the reader pick the seed, the number of layers
and of units on a page with no Python behind it, so its starting weights come from this tiny
generator instead, written the same way in ``explorers/js/seeded.js``:

- :func:`uniforms`: Mulberry32, a 32-bit integer generator (a few multiplications and shifts
  of whole numbers, so Python and JavaScript give exactly the same numbers);
- :func:`normals`: the sum of 12 uniforms minus 6, which has mean 0 and variance 1 and is close
  to the normal distribution (it never goes beyond ±6); every sum is exact in floating point;
- :func:`seeded_network`: He initialisation with those numbers, ``W[i, j] = normal · √(2 / n_inputs)``,
  one layer after the other (rows of ``W`` in order), biases 0.

>>> seeded_network([2, 3, 1], ["relu", "sigmoid"], seed=7).sizes
[2, 3, 1]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from ._checks import check_count
from .activations import Activation
from .layer import Layer
from .network import Network

__all__ = ["normals", "seeded_network", "uniforms"]

_MASK = 0xFFFFFFFF


def _mulberry32(seed: int) -> Iterator[float]:
    a = seed & _MASK
    while True:
        a = (a + 0x6D2B79F5) & _MASK
        t = ((a ^ (a >> 15)) * (a | 1)) & _MASK
        t = ((t + (((t ^ (t >> 7)) * (t | 61)) & _MASK)) & _MASK) ^ t
        yield ((t ^ (t >> 14)) & _MASK) / 4294967296


def _seed(seed: object) -> int:
    seed = check_count(seed, "seed", minimum=0)
    if seed > _MASK:
        raise ValueError(f"seed must be a whole number from 0 to {_MASK}; got {seed}")
    return seed


def uniforms(seed: int, count: int) -> np.ndarray:
    """``count`` numbers in ``[0, 1)`` from the Mulberry32 generator started at ``seed`` (0 to
    2³² − 1); each is a whole number of 32 bits divided by 2³².

    Introduced in: Chapter 8 (A small network learns).

    >>> uniforms(1, 3).round(6).tolist()
    [0.627074, 0.002736, 0.527447]
    """
    stream = _mulberry32(_seed(seed))
    return np.array([next(stream) for _ in range(check_count(count, "count", minimum=0))])


def normals(seed: int, count: int) -> np.ndarray:
    """``count`` nearly normal numbers (mean 0, variance 1): each is 12 consecutive
    :func:`uniforms` added, minus 6.

    Introduced in: Chapter 8 (A small network learns).

    >>> values = normals(0, 20000)
    >>> round(float(values.mean()), 1) + 0.0, round(float(values.std()), 1)
    (0.0, 1.0)
    """
    count = check_count(count, "count", minimum=0)
    u = uniforms(seed, 12 * count).reshape(count, 12)
    total = np.zeros(count)
    for k in range(12):  # added left to right, as the browser does
        total = total + u[:, k]
    return total - 6.0


def seeded_network(
    sizes: Sequence[int], activations: str | Activation | Sequence[str | Activation], seed: int = 0
) -> Network:
    """A network with layer sizes ``sizes = [n_inputs, hidden..., n_outputs]``, He-initialised
    from :func:`normals` (``W_l = normals · √(2 / n_inputs of layer l)``, all layers from one
    stream in order, each ``W_l`` filled row by row) and zero biases. ``activations`` is one name
    for every layer or one per layer. The same seed always gives the same network, in Python
    and in the network playground's page.

    Introduced in: Chapter 8 (A small network learns).

    >>> net = seeded_network([2, 4, 1], ["tanh", "sigmoid"], seed=3)
    >>> net.layers[0].weights.shape, net.layers[1].bias.tolist()
    ((2, 4), [0.0])
    """
    template = Network.random(sizes, activations, seed=0)  # checks sizes and activations
    sizes = template.sizes
    z = normals(seed, sum(a * b for a, b in zip(sizes[:-1], sizes[1:])))
    layers, used = [], 0
    for layer in template.layers:
        n_in, n_out = layer.shape
        W = z[used:used + n_in * n_out].reshape(n_in, n_out) * np.sqrt(2.0 / n_in)
        used += n_in * n_out
        layers.append(Layer(W, np.zeros(n_out), layer.activation))
    return Network(layers)
