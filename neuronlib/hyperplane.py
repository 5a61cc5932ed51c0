"""The hyperplane ``w·x + b = 0``: where a neuron's preactivation is zero.

Introduced in: Chapter 2 (From y = mx + b to hyperplanes).

With two inputs it is the line ``w1·x1 + w2·x2 + b = 0`` (the old ``y = mx + b`` with
``m = -w1/w2`` and intercept ``-b/w2``); with three inputs a plane; in general a
hyperplane. The weights ``w`` are its normal: they point to the side where ``z > 0``.
The signed distance of a point from it is ``z / ||w||``.

Everything works in any number of dimensions except :meth:`Hyperplane.segment_in_box`,
which draws the 2-D case. When ``w = 0`` there is no hyperplane (``z = b`` everywhere):
``segment_in_box`` returns ``None`` and distances raise ``ValueError``.

>>> plane = Hyperplane([3.0, 4.0], bias=-5.0)
>>> plane.signed_distance([0.0, 0.0])
-1.0
>>> plane.point_on_plane
array([0.6, 0.8])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ._checks import as_batch, as_float, as_limits, as_vector, check_result

__all__ = ["Hyperplane"]

Point2D = tuple[float, float]


def _norm(w: np.ndarray) -> float:
    """||w||, scaled first so tiny or large weights neither underflow nor overflow."""
    scale = float(np.max(np.abs(w)))
    if scale == 0.0:
        return 0.0
    return scale * float(np.sqrt(np.sum((w / scale) ** 2)))



class Hyperplane:
    """The set of points ``x`` with ``w·x + b = 0``.

    ``weights`` (the normal ``w``, shape ``(n,)``) and ``bias`` ``b`` are copied.
    ``.normal`` is ``w``; ``.unit_normal`` is ``w / ||w||``; ``.point_on_plane`` is the
    point of the hyperplane closest to the origin, ``-b w / ||w||²``.

    Introduced in: Chapter 2 (From y = mx + b to hyperplanes).

    >>> plane = Hyperplane([1.0, 1.0], bias=-1.0)
    >>> plane
    Hyperplane(weights=[1.0, 1.0], bias=-1.0)
    >>> plane.side([2.0, 2.0]), plane.side([0.0, 0.0])
    (1, -1)
    >>> plane.segment_in_box((0, 2), (0, 2))
    ((0.0, 1.0), (1.0, 0.0))
    """

    def __init__(self, weights: Sequence[float] | np.ndarray, bias: float = 0.0) -> None:
        self._weights = as_vector(weights, "weights")
        self._bias = as_float(bias, "bias")

    @property
    def weights(self) -> np.ndarray:
        """The weights ``w`` (a copy)."""
        return self._weights.copy()

    @property
    def bias(self) -> float:
        """The bias ``b``."""
        return self._bias

    @property
    def n_dims(self) -> int:
        """The number of inputs (dimensions of the space the hyperplane lives in)."""
        return self._weights.size

    @property
    def normal(self) -> np.ndarray:
        """The normal vector: the weights ``w`` themselves (points to the side ``z > 0``)."""
        return self._weights.copy()

    @property
    def exists(self) -> bool:
        """False when ``w = 0``: then ``z = b`` everywhere and there is no hyperplane."""
        return bool(np.any(self._weights != 0))

    def _require(self) -> float:
        norm = _norm(self._weights)
        if norm == 0.0:
            raise ValueError(
                f"there is no hyperplane when all weights are zero: z = b = {self._bias:g} "
                f"for every input, so no point has z = 0"
            )
        return norm

    @property
    def unit_normal(self) -> np.ndarray:
        """``w / ||w||``: the normal scaled to length 1 (``ValueError`` when ``w = 0``)."""
        return self._weights / self._require()

    @property
    def point_on_plane(self) -> np.ndarray:
        """The point of the hyperplane closest to the origin: ``-b w / ||w||²``."""
        norm = self._require()
        with np.errstate(over="ignore", invalid="ignore"):
            point = -(self._bias / norm) * (self._weights / norm)
        check_result(point, "the point on the hyperplane")
        return point

    def preactivation(self, x: Any) -> float | np.ndarray:
        """``z = w·x + b`` for one point ``(n,)`` (a float) or a batch ``(m, n)`` (an array)."""
        X, single = as_batch(x, self.n_dims, "x", f"the hyperplane has {self.n_dims} weights")
        z = X @ self._weights + self._bias
        return float(z[0]) if single else z

    def signed_distance(self, x: Any) -> float | np.ndarray:
        """Signed distance from the hyperplane, ``z / ||w||``: positive on the side ``w``
        points to, negative on the other, zero on the hyperplane."""
        norm = self._require()
        z = self.preactivation(x)
        with np.errstate(over="ignore", invalid="ignore"):
            distance = np.asarray(z) / norm
        check_result(distance, "the signed distance")
        return float(distance) if np.ndim(z) == 0 else distance

    def side(self, x: Any, tolerance: float = 0.0) -> int | np.ndarray:
        """Which side a point is on: ``+1`` (where ``z > 0``, the way ``w`` points),
        ``-1``, or ``0`` when its distance from the hyperplane is at most ``tolerance``.

        Returns an ``int`` for one point, an integer array for a batch.
        """
        tolerance = as_float(tolerance, "tolerance")
        if tolerance < 0:
            raise ValueError(f"tolerance must be zero or positive; got {tolerance:g}")
        distance = np.asarray(self.signed_distance(x))
        result = np.where(distance > tolerance, 1, np.where(distance < -tolerance, -1, 0))
        return int(result) if distance.ndim == 0 else result

    def segment_in_box(
        self, xlim: Sequence[float] = (-3.0, 3.0), ylim: Sequence[float] = (-3.0, 3.0)
    ) -> tuple[Point2D, Point2D] | None:
        """The part of the line ``w1·x + w2·y + b = 0`` inside the box ``xlim × ylim``,
        as two end points ``((x0, y0), (x1, y1))`` on the box's edges, or ``None`` when the
        line misses the box or there is no line (``w = 0``).

        Handles vertical (``w2 = 0``) and horizontal (``w1 = 0``) lines; a line that only
        touches a corner gives a zero-length segment (both ends at that corner). The end
        points are sorted by ``x`` then ``y``. 2-D only.
        """
        if self.n_dims != 2:
            raise ValueError(
                f"segment_in_box draws 2-D hyperplanes (lines) only; this hyperplane has "
                f"{self.n_dims} weights"
            )
        (x_lo, x_hi), (y_lo, y_hi) = as_limits(xlim, "xlim"), as_limits(ylim, "ylim")
        if not self.exists:
            return None
        # Work in coordinates scaled so the weights are of order 1 (no overflow/underflow).
        scale = float(np.max(np.abs(self._weights)))
        w1, w2 = (float(v) for v in self._weights / scale)
        b = self._bias / scale if abs(self._bias) < scale * 1e300 else np.copysign(np.inf, self._bias)
        tol = 1e-12 * max(x_hi - x_lo, y_hi - y_lo, abs(x_lo), abs(x_hi), abs(y_lo), abs(y_hi))
        points: list[tuple[float, float]] = []
        with np.errstate(over="ignore", invalid="ignore"):
            if w2 != 0:  # crossings of the left and right edges
                for x in (x_lo, x_hi):
                    y = -(w1 * x + b) / w2
                    if y_lo - tol <= y <= y_hi + tol:
                        points.append((x, min(max(y, y_lo), y_hi)))
            if w1 != 0:  # crossings of the bottom and top edges
                for y in (y_lo, y_hi):
                    x = -(w2 * y + b) / w1
                    if x_lo - tol <= x <= x_hi + tol:
                        points.append((min(max(x, x_lo), x_hi), y))
        if not points:
            return None
        points = [(float(x), float(y)) for x, y in points]
        # The two points farthest apart (corners may be found twice).
        best = (points[0], points[0])
        longest = -1.0
        for i, p in enumerate(points):
            for q in points[i:]:
                length = (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2
                if length > longest:
                    best, longest = (p, q), length
        start, end = sorted(best)
        return start, end

    def __repr__(self) -> str:
        weights = ", ".join(repr(float(v)) for v in self._weights)
        return f"Hyperplane(weights=[{weights}], bias={self._bias!r})"
