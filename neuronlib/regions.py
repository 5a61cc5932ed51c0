"""Regions: how the lines of a ReLU layer cut the input into pieces, and what a ReLU
network computes on each piece.

Introduced in: Chapter 7 (Layers: many lines at once).

A ReLU unit is *on* where its preactivation ``z > 0`` and *off* elsewhere. The list of on/off
answers of every hidden unit at an input is that input's **activation pattern**; the inputs
that share a pattern form a **region**. On a region every ReLU acts as either ``z`` or ``0``,
so the whole network is one affine function there, ``x @ A + c`` (:func:`local_affine`).

- ``n`` lines in general position cut the plane into ``1 + n + n(n-1)/2`` regions
  (:func:`regions_of_lines`); ``n`` distinct kinks cut a line into ``n + 1`` pieces
  (:func:`pieces_of_line`).
- :func:`activation_patterns` and :func:`count_patterns` count the regions a figure shows;
  :func:`switch_points` finds exactly where the units of a 1-input network switch.

>>> regions_of_lines(3), pieces_of_line(3)
(7, 4)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ._checks import as_batch, as_limits, as_matrix, as_vector, check_count
from .layer import Layer
from .network import Network

__all__ = [
    "activation_patterns",
    "count_patterns",
    "crossings",
    "fit_planes",
    "in_general_position",
    "local_affine",
    "pattern_text",
    "pieces_of_line",
    "regions_of_lines",
    "spread_lines",
    "switch_points",
    "xor_gap",
    "xor_search",
]

#: Activations that are straight on each side of 0, so a network of them is affine on a region.
PIECEWISE_LINEAR = ("relu", "identity")


def regions_of_lines(n: int) -> int:
    """How many regions ``n`` lines in general position (no two parallel, no three through
    one point) cut the plane into: ``1 + n + n(n-1)/2``.

    Why: the ``k``-th line crosses the ``k - 1`` lines before it at ``k - 1`` different
    points, which cut it into ``k`` pieces; each piece splits one old region in two, so it
    adds ``k`` regions, and ``1 + (1 + 2 + ... + n) = 1 + n + n(n-1)/2``.

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> [regions_of_lines(n) for n in range(5)]
    [1, 2, 4, 7, 11]
    """
    n = check_count(n, "n", minimum=0)
    return 1 + n + n * (n - 1) // 2


def pieces_of_line(n: int) -> int:
    """How many pieces ``n`` different kinks (points) cut a line into: ``n + 1``.

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> pieces_of_line(0), pieces_of_line(4)
    (1, 5)
    """
    n = check_count(n, "n", minimum=0)
    return n + 1


def _network(model: Any) -> Network:
    if isinstance(model, Layer):
        return Network([model])
    if isinstance(model, Network):
        return model
    raise TypeError(f"model must be a Layer or a Network, got {type(model).__name__}")


def _hidden(net: Network, include_output: bool) -> list[Layer]:
    """The layers whose units make up the pattern: all of a lone layer, else the hidden ones."""
    if len(net.layers) == 1 or include_output:
        return net.layers
    return net.layers[:-1]


def activation_patterns(model: Layer | Network, X: Any, include_output: bool = False) -> np.ndarray:
    """The on/off pattern (``z > 0``) of every unit at each input: a boolean array of shape
    ``(m, units)``, units listed layer by layer (for a network, the hidden layers only unless
    ``include_output``; for a lone layer, its units).

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> layer = Layer([[1.0, 0.0], [0.0, 1.0]], [0.0, -1.0], "relu")
    >>> activation_patterns(layer, [[1.0, 2.0], [-1.0, 0.5]]).astype(int).tolist()
    [[1, 1], [0, 0]]
    """
    net = _network(model)
    batch, _ = as_batch(X, net.n_inputs, "X", f"the model has {net.n_inputs} inputs")
    preactivations, _ = net.forward(batch)
    used = len(_hidden(net, include_output))
    return np.concatenate([z > 0 for z in preactivations[:used]], axis=1)


def pattern_text(pattern: Sequence[bool] | np.ndarray, sizes: Sequence[int] | None = None) -> str:
    """A pattern as the book prints it: ``1`` for on, ``0`` for off, unit 1 first, layers
    separated by ``|`` when ``sizes`` (units per layer) is given.

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> pattern_text([True, False, True]), pattern_text([True, False, False], sizes=[2, 1])
    ('101', '10|0')
    """
    bits = "".join("1" if on else "0" for on in np.asarray(pattern, dtype=bool).ravel())
    if sizes is None:
        return bits
    sizes = [check_count(s, "every size") for s in sizes]
    if sum(sizes) != len(bits):
        raise ValueError(f"sizes {sizes} add up to {sum(sizes)} units but the pattern has {len(bits)}")
    parts, start = [], 0
    for size in sizes:
        parts.append(bits[start:start + size])
        start += size
    return "|".join(parts)


def _grid(xlim: Sequence[float], ylim: Sequence[float] | None, resolution: int) -> np.ndarray:
    resolution = check_count(resolution, "resolution", minimum=2)
    low, high = as_limits(xlim, "xlim")
    xs = np.linspace(low, high, resolution)
    if ylim is None:
        return xs.reshape(-1, 1)
    ys = np.linspace(*as_limits(ylim, "ylim"), resolution)
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


def count_patterns(
    model: Layer | Network,
    xlim: Sequence[float] = (-3, 3),
    ylim: Sequence[float] | None = (-3, 3),
    resolution: int = 400,
    include_output: bool = False,
) -> int:
    """How many different activation patterns a ``resolution`` x ``resolution`` grid over
    ``xlim`` x ``ylim`` meets (for a 1-input model pass ``ylim=None``: a row of points).

    Each pattern of a ReLU network is one convex region (on it every preactivation is
    affine, so its inequalities ``z > 0`` or ``z <= 0`` cut out a convex set), so this counts
    the regions a figure of that box shows, as long as the grid is fine enough to hit each.

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> layer = Layer([[1.0, 0.0], [0.0, 1.0]], [0.0, 0.0], "relu")  # the two axes
    >>> count_patterns(layer, resolution=11)
    4
    """
    net = _network(model)
    points = _grid(xlim, ylim, resolution)
    if points.shape[1] != net.n_inputs:
        raise ValueError(
            f"the grid has {points.shape[1]} coordinates but the model has {net.n_inputs} inputs "
            f"(use ylim=None for a 1-input model)"
        )
    patterns = activation_patterns(net, points, include_output)
    # each pattern as one whole number (its bits), which np.unique sorts far faster than rows
    codes = np.packbits(patterns, axis=1)
    if codes.shape[1] <= 8:
        codes = np.pad(codes, ((0, 0), (0, 8 - codes.shape[1]))).view(">u8")[:, 0]
    return len(np.unique(codes, axis=0 if codes.ndim > 1 else None))


def in_general_position(weights: Any, bias: Any, tol: float = 1e-9) -> bool:
    """Whether the lines ``w_j · x + b_j = 0`` of a 2-input layer (``weights`` shape
    ``(2, k)``, one column per line, ``bias`` shape ``(k,)``) are in general position: every
    ``w_j`` nonzero, no two lines parallel and no three through one point (``tol`` allows for
    round-off).

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> in_general_position([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]], [0.0, 0.0, -1.0])
    True
    >>> in_general_position([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]], [0.0, 0.0, 0.0])  # all through 0
    False
    """
    W = as_matrix(weights, "weights")
    if W.shape[0] != 2:
        raise ValueError(f"weights must have shape (2, lines) for lines in the plane; got {W.shape}")
    b = as_vector(bias, "bias", length=W.shape[1])
    k = W.shape[1]
    norms = np.hypot(W[0], W[1])
    if np.any(norms <= tol):
        return False
    crossings = {}
    for i in range(k):
        for j in range(i + 1, k):
            det = W[0, i] * W[1, j] - W[1, i] * W[0, j]
            if abs(det) <= tol * norms[i] * norms[j]:
                return False
            # Solve w_i . x = -b_i, w_j . x = -b_j (Cramer's rule).
            crossings[(i, j)] = np.array([(-b[i] * W[1, j] + b[j] * W[1, i]) / det,
                                          (-b[j] * W[0, i] + b[i] * W[0, j]) / det])
    for (i, j), point in crossings.items():
        for m in range(k):
            if m not in (i, j) and abs(W[:, m] @ point + b[m]) <= tol * max(1.0, norms[m]):
                return False
    return True


def crossings(weights: Any, bias: Any) -> np.ndarray:
    """Where the lines ``w_j · x + b_j = 0`` of a 2-input layer cross, pair by pair: an array
    of shape ``(k(k-1)/2, 2)``, pairs in the order (1, 2), (1, 3), ..., (2, 3), ...
    Raises ``ValueError`` for two parallel lines (they never cross).

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> crossings([[1.0, 0.0], [0.0, 1.0]], [-1.0, -2.0]).tolist()  # x1 = 1 and x2 = 2
    [[1.0, 2.0]]
    """
    W = as_matrix(weights, "weights")
    if W.shape[0] != 2:
        raise ValueError(f"weights must have shape (2, lines) for lines in the plane; got {W.shape}")
    b = as_vector(bias, "bias", length=W.shape[1])
    points = []
    for i in range(W.shape[1]):
        for j in range(i + 1, W.shape[1]):
            det = W[0, i] * W[1, j] - W[1, i] * W[0, j]
            if det == 0:
                raise ValueError(f"lines {i + 1} and {j + 1} are parallel (or a weight vector is 0): they never cross")
            points.append([(-b[i] * W[1, j] + b[j] * W[1, i]) / det, (-b[j] * W[0, i] + b[i] * W[0, j]) / det])
    return np.array(points).reshape(-1, 2)


def spread_lines(n: int, seed: int = 0) -> Layer:
    """A ReLU layer of ``n`` units with 2 inputs whose lines are in general position, for
    figures: unit ``j``'s weights are the unit vector at angle ``pi (j + u_j) / n`` (``u_j``
    drawn between 0.2 and 0.8, so no two lines are close to parallel) and its bias is drawn
    between -1 and 1, by ``np.random.default_rng(seed)``.

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> layer = spread_lines(3, seed=0)
    >>> layer.shape, in_general_position(layer.weights, layer.bias)
    ((2, 3), True)
    """
    n = check_count(n, "n")
    rng = np.random.default_rng(seed)
    angles = np.pi * (np.arange(n) + rng.uniform(0.2, 0.8, n)) / n
    return Layer(np.vstack([np.cos(angles), np.sin(angles)]), rng.uniform(-1.0, 1.0, n), "relu")


def xor_search(hidden: int, tries: int = 10000, seed: int = 0) -> int:
    """How many of ``tries`` random networks get all four XOR points right: 2 inputs, then
    ``hidden`` ReLU units (``hidden = 0``: none, a single neuron), then one step output that
    says 1 where its ``z > 0``. Every weight and bias is drawn from a normal distribution with
    standard deviation 2 by ``np.random.default_rng(seed)``.

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> xor_search(0, tries=1000), xor_search(2, tries=1000) > 0
    (0, True)
    """
    hidden = check_count(hidden, "hidden", minimum=0)
    tries = check_count(tries, "tries")
    rng = np.random.default_rng(seed)
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    target = np.array([False, True, True, False])
    if hidden == 0:
        H = np.broadcast_to(X, (tries, 4, 2))
    else:
        W1, b1 = rng.normal(0, 2, (tries, 2, hidden)), rng.normal(0, 2, (tries, 1, hidden))
        H = np.maximum(np.einsum("pi,tij->tpj", X, W1) + b1, 0.0)
    width = H.shape[2]
    w2, b2 = rng.normal(0, 2, (tries, width)), rng.normal(0, 2, (tries, 1))
    says = np.einsum("tpj,tj->tp", H, w2) + b2 > 0
    return int(np.all(says == target, axis=1).sum())


def _piecewise_linear(net: Network) -> None:
    for i, layer in enumerate(net.layers):
        if layer.activation.name not in PIECEWISE_LINEAR:
            raise ValueError(
                f"this needs ReLU or identity activations; layer {i} uses "
                f"{layer.activation.name!r}, which is curved, so the network is not affine on a region"
            )


def local_affine(model: Layer | Network, x: Any) -> tuple[np.ndarray, np.ndarray]:
    """The affine function a ReLU network computes on the region of input ``x``: ``(A, c)``
    with ``network(u) = u @ A + c`` for every ``u`` with the same activation pattern as ``x``.

    Layer by layer, ``A <- A @ W`` and ``c <- c @ W + b``, then the columns of the units that
    are off at ``x`` are set to zero (ReLU gives 0 there) and the others kept (ReLU gives z).
    ``A`` has shape ``(n_inputs, n_outputs)``, ``c`` shape ``(n_outputs,)``.

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> hidden = Layer([[1.0, -1.0]], [0.0, 0.0], "relu")
    >>> absolute = Network([hidden, Layer([[1.0], [1.0]], [0.0], "identity")])  # |x|
    >>> [a.tolist() for a in local_affine(absolute, [-2.0])]
    [[[-1.0]], [0.0]]
    """
    net = _network(model)
    _piecewise_linear(net)
    point, single = as_batch(x, net.n_inputs, "x", f"the model has {net.n_inputs} inputs")
    if not single and len(point) != 1:
        raise ValueError(f"local_affine takes one input of shape ({net.n_inputs},); got {len(point)} inputs")
    A, c = np.eye(net.n_inputs), np.zeros(net.n_inputs)
    for layer, z in zip(net.layers, net.forward(point[0])[0]):
        A, c = A @ layer.weights, c @ layer.weights + layer.bias
        if layer.activation.name == "relu":
            A, c = A * (z > 0), c * (z > 0)
    return A, c


def fit_planes(model: Layer | Network, X: Any, output: int = 0) -> list[dict]:
    """Fit a flat plane (least squares, ``y ≈ x @ a + c``) to the network's output ``output``
    on the inputs ``X`` of each activation pattern separately, and report how far the output
    strays from it. A ReLU network is affine on each region, so every ``max_gap`` is round-off.

    Returns one dict per pattern met, most points first: ``pattern`` (text, see
    :func:`pattern_text`), ``points``, ``slopes`` (``a``), ``offset`` (``c``) and ``max_gap``
    (largest ``|y - fit|``). A pattern needs more points than ``n_inputs + 1`` not on one line
    to fix its plane; patterns with fewer points are left out.

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> hidden = Layer([[1.0, -1.0], [0.0, 0.0]], [0.0, 0.0], "relu")
    >>> v = Network([hidden, Layer([[1.0], [1.0]], [0.0], "identity")])  # |x1|
    >>> X = np.array([[x, y] for x in (-2.0, -1.0, 1.0, 2.0) for y in (0.0, 1.0)])
    >>> [(p["pattern"], p["slopes"].round(6).tolist()) for p in fit_planes(v, X)]
    [('01', [-1.0, 0.0]), ('10', [1.0, 0.0])]
    """
    net = _network(model)
    batch, _ = as_batch(X, net.n_inputs, "X", f"the model has {net.n_inputs} inputs")
    output = check_count(output, "output", minimum=0)
    if output >= net.n_outputs:
        raise ValueError(f"output must be below {net.n_outputs} (the model's number of outputs); got {output}")
    patterns = activation_patterns(net, batch)
    y = net(batch)[:, output]
    found = []
    for pattern in np.unique(patterns, axis=0):
        rows = np.all(patterns == pattern, axis=1)
        design = np.column_stack([batch[rows], np.ones(rows.sum())])
        if rows.sum() <= net.n_inputs + 1 or np.linalg.matrix_rank(design) < net.n_inputs + 1:
            continue
        coef, *_ = np.linalg.lstsq(design, y[rows], rcond=None)
        gap = float(np.max(np.abs(design @ coef - y[rows])))
        found.append({"pattern": pattern_text(pattern), "points": int(rows.sum()),
                      "slopes": coef[:-1], "offset": float(coef[-1]), "max_gap": gap})
    return sorted(found, key=lambda p: (-p["points"], p["pattern"]))


def switch_points(model: Layer | Network, xlim: Sequence[float]) -> list[list[float]]:
    """Where each layer's units switch on or off, exactly, for a 1-input ReLU network:
    one sorted list per layer of the inputs strictly inside ``xlim`` where some unit of that
    layer has ``z = 0`` and changes sign.

    Layer by layer: between the switch points found so far the network is affine in ``x``
    (:func:`local_affine`), so each unit's ``z`` is a straight line on each piece and its
    zero is found by solving that line. Layer 1's points are the kinks ``-b / w`` of its
    units; a later layer's units switch wherever their (bent) ``z`` crosses 0.

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> fold = Layer([[1.0, -1.0]], [0.0, 0.0], "relu")        # relu(x), relu(-x)
    >>> ridge = Layer([[1.0], [1.0]], [-1.0], "relu")         # relu(|x| - 1)
    >>> switch_points(Network([fold, ridge]), (-3, 3))
    [[0.0], [-1.0, 1.0]]
    """
    net = _network(model)
    _piecewise_linear(net)
    if net.n_inputs != 1:
        raise ValueError(f"switch_points needs a network with 1 input; this one has {net.n_inputs}")
    low, high = as_limits(xlim, "xlim")
    cuts: list[float] = []
    per_layer: list[list[float]] = []
    for depth in range(len(net.layers)):
        upto = Network([Layer(layer.weights, layer.bias, "identity" if i == depth else layer.activation)
                        for i, layer in enumerate(net.layers[:depth + 1])])
        edges = [low, *cuts, high]
        found: set[float] = set()
        for left, right in zip(edges[:-1], edges[1:]):
            A, c = local_affine(upto, [(left + right) / 2])
            for slope, offset in zip(A[0], c):
                if slope != 0:
                    root = -offset / slope
                    if left < root < right or (root in (left, right) and low < root < high):
                        found.add(float(root) + 0.0)  # + 0.0: no -0.0
        # Keep only real switches: z changes sign across the point (not a touch).
        real: list[float] = []
        for root in sorted(found):
            if real and root - real[-1] <= 1e-12 * max(1.0, abs(root)):
                continue  # the same point, found twice with different round-off
            h = 1e-7 * max(1.0, high - low)
            z_left = upto.forward([root - h])[0][-1]
            z_right = upto.forward([root + h])[0][-1]
            if np.any((z_left > 0) != (z_right > 0)):
                real.append(root)
        per_layer.append(real)
        cuts = sorted(set(cuts) | set(real))
    return per_layer


def xor_gap(model: Layer | Network | Any, points: Sequence[Sequence[float]] | None = None) -> np.ndarray:
    """``z(0,1) + z(1,0) - z(0,0) - z(1,1)`` for each output of an affine model (a layer or
    network of identity units, or a :class:`~neuronlib.neuron.Neuron`'s preactivation): always
    0, because the two XOR pairs have the same sum of inputs, ``(0,1) + (1,0) = (0,0) + (1,1)``.
    So the two class-1 points can never both be above both class-0 points.

    Introduced in: Chapter 7 (Layers: many lines at once).

    >>> from neuronlib.neuron import Neuron
    >>> xor_gap(Neuron([2.0, -3.0], 0.5)).tolist()
    [0.0]
    """
    from .neuron import Neuron

    corners = np.array([[0.0, 1.0], [1.0, 0.0], [0.0, 0.0], [1.0, 1.0]] if points is None else points)
    if corners.shape != (4, 2):
        raise ValueError(f"points must be four 2-D points, the class-1 pair first; got shape {corners.shape}")
    if isinstance(model, Neuron):
        z = np.asarray(model.preactivation(corners), dtype=float).reshape(4, -1)
    else:
        net = _network(model)
        if net.n_inputs != 2:
            raise ValueError(f"xor_gap needs a model with 2 inputs; this one has {net.n_inputs}")
        z = net.forward(corners)[0][-1]
    return z[0] + z[1] - z[2] - z[3]
