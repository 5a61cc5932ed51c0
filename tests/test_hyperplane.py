"""Chapter 2: the hyperplane w·x + b = 0."""

import doctest
import math

import numpy as np
import pytest

from neuronlib import hyperplane as H
from neuronlib.hyperplane import Hyperplane


def test_docstring_examples_run():
    result = doctest.testmod(H)
    assert result.attempted >= 7 and result.failed == 0


def _on_line(plane, point, atol=1e-9):
    return abs(plane.preactivation(np.asarray(point))) <= atol


def _on_box_edge(point, xlim, ylim, atol=1e-12):
    x, y = point
    inside = xlim[0] - atol <= x <= xlim[1] + atol and ylim[0] - atol <= y <= ylim[1] + atol
    on_edge = min(abs(x - xlim[0]), abs(x - xlim[1]), abs(y - ylim[0]), abs(y - ylim[1])) <= atol
    return inside and on_edge


def test_w_is_normal_to_the_hyperplane():
    plane = Hyperplane([2.0, -1.0, 0.5], bias=0.7)
    p = plane.point_on_plane
    rng = np.random.default_rng(0)
    for _ in range(10):
        # any direction d with w·d = 0 stays on the plane; w is orthogonal to all of them
        d = rng.normal(size=3)
        d -= d @ plane.unit_normal * plane.unit_normal
        q = p + 5 * d
        assert plane.preactivation(q) == pytest.approx(0.0, abs=1e-12)
        assert np.dot(plane.normal, q - p) == pytest.approx(0.0, abs=1e-12)


def test_point_on_hyperplane_has_zero_distance():
    plane = Hyperplane([3.0, 4.0], bias=-10.0)
    assert plane.signed_distance(plane.point_on_plane) == pytest.approx(0.0, abs=1e-15)
    assert plane.side(plane.point_on_plane, tolerance=1e-12) == 0


def test_point_on_plane_is_the_closest_point_to_the_origin():
    plane = Hyperplane([3.0, 4.0], bias=-10.0)
    np.testing.assert_allclose(plane.point_on_plane, [1.2, 1.6])
    assert np.linalg.norm(plane.point_on_plane) == pytest.approx(abs(plane.signed_distance([0.0, 0.0])))


def test_signed_distance_is_z_over_the_norm_of_w():
    plane = Hyperplane([1.0, 2.0, 2.0], bias=1.0)
    x = np.array([1.0, -1.0, 3.0])
    assert plane.signed_distance(x) == pytest.approx((x @ [1, 2, 2] + 1) / 3.0)


def test_signed_distance_matches_the_textbook_point_to_line_formula():
    a, b, c = 1.5, -2.0, 0.5
    for x0, y0 in [(0.0, 0.0), (1.0, 2.0), (-3.0, 0.5)]:
        expected = (a * x0 + b * y0 + c) / math.hypot(a, b)
        assert Hyperplane([a, b], c).signed_distance([x0, y0]) == pytest.approx(expected)


def test_moving_along_the_unit_normal_increases_distance_by_the_step():
    plane = Hyperplane([1.0, -3.0], bias=2.0)
    x = np.array([0.4, 0.9])
    step = 0.75
    assert plane.signed_distance(x + step * plane.unit_normal) == pytest.approx(plane.signed_distance(x) + step)


def test_unit_normal_has_length_one_and_points_like_w():
    plane = Hyperplane([3.0, -4.0], bias=0.0)
    np.testing.assert_allclose(plane.unit_normal, [0.6, -0.8])
    assert np.linalg.norm(plane.unit_normal) == pytest.approx(1.0)


def test_signed_distance_batches_equal_loops():
    plane = Hyperplane([1.0, 2.0], bias=-0.5)
    X = np.random.default_rng(1).normal(size=(7, 2))
    np.testing.assert_allclose(plane.signed_distance(X), [plane.signed_distance(x) for x in X])
    assert type(plane.signed_distance(X[0])) is float


def test_side_is_plus_one_where_w_points():
    plane = Hyperplane([1.0, 0.0], bias=-1.0)
    assert plane.side([2.0, 0.0]) == 1
    assert plane.side([0.0, 0.0]) == -1
    assert plane.side([1.0, 7.0]) == 0
    assert type(plane.side([2.0, 0.0])) is int
    np.testing.assert_array_equal(plane.side([[2.0, 0.0], [0.0, 0.0], [1.0, 3.0]]), [1, -1, 0])


def test_side_tolerance_counts_near_points_as_on_the_plane():
    plane = Hyperplane([0.0, 2.0], bias=0.0)
    assert plane.side([0.0, 1e-9]) == 1
    assert plane.side([0.0, 1e-9], tolerance=1e-6) == 0
    assert plane.side([0.0, -1e-3], tolerance=1e-6) == -1
    with pytest.raises(ValueError, match="tolerance must be zero or positive"):
        plane.side([0.0, 0.0], tolerance=-1.0)


def test_works_in_many_dimensions():
    w = np.arange(1.0, 11.0)
    plane = Hyperplane(w, bias=-3.0)
    assert plane.n_dims == 10
    assert plane.signed_distance(np.zeros(10)) == pytest.approx(-3.0 / np.linalg.norm(w))


def test_weights_and_normal_are_copies():
    plane = Hyperplane([1.0, 2.0], 0.0)
    plane.normal[0] = 50.0
    plane.weights[0] = 50.0
    assert plane.normal[0] == 1.0


def test_repr():
    assert repr(Hyperplane([1, 2], -1)) == "Hyperplane(weights=[1.0, 2.0], bias=-1.0)"


# ------------------------------------------------------------------ no hyperplane (w = 0)


def test_zero_weights_have_no_hyperplane():
    plane = Hyperplane([0.0, 0.0], bias=0.7)
    assert not plane.exists
    assert plane.segment_in_box((-1, 1), (-1, 1)) is None
    message = "there is no hyperplane when all weights are zero: z = b = 0.7"
    with pytest.raises(ValueError, match=message):
        plane.signed_distance([1.0, 1.0])
    with pytest.raises(ValueError, match=message):
        plane.unit_normal
    with pytest.raises(ValueError, match=message):
        plane.point_on_plane
    with pytest.raises(ValueError, match=message):
        plane.side([0.0, 0.0])
    assert plane.preactivation([5.0, 5.0]) == 0.7


def test_tiny_weights_still_have_a_hyperplane():
    plane = Hyperplane([1e-200, 1e-200], bias=0.0)
    assert plane.exists
    np.testing.assert_allclose(plane.unit_normal, [2**-0.5, 2**-0.5])
    segment = plane.segment_in_box((-1, 1), (-1, 1))
    assert segment == ((-1.0, 1.0), (1.0, -1.0))


def test_distance_that_overflows_raises():
    plane = Hyperplane([1e-200, 0.0], bias=1e150)
    with pytest.raises(ValueError, match="the signed distance overflowed"):
        plane.signed_distance([0.0, 0.0])
    with pytest.raises(ValueError, match="the point on the hyperplane overflowed"):
        plane.point_on_plane
    assert plane.segment_in_box((-1, 1), (-1, 1)) is None


# ------------------------------------------------------------------ segment_in_box

BOX = ((-2.0, 3.0), (-1.0, 4.0))

LINES = [
    ([1.0, 1.0], -1.0),  # diagonal
    ([1.5, -2.0], 0.5),
    ([1.0, 0.0], -1.0),  # vertical: w2 = 0
    ([0.0, 1.0], -2.0),  # horizontal: w1 = 0
    ([0.0, -3.0], 0.0),
    ([-1.0, 0.0], 3.0),  # vertical line on the right edge
    ([1e-3, 1.0], -1.5),  # almost horizontal
    ([5.0, 1e-4], 2.0),  # almost vertical
]


@pytest.mark.parametrize("weights, bias", LINES)
def test_segment_endpoints_lie_on_the_line_and_on_the_box_edges(weights, bias):
    plane = Hyperplane(weights, bias)
    segment = plane.segment_in_box(*BOX)
    assert segment is not None
    for point in segment:
        assert _on_line(plane, point)
        assert _on_box_edge(point, *BOX)
    (x0, y0), (x1, y1) = segment
    assert (x0, y0) < (x1, y1)
    assert math.hypot(x1 - x0, y1 - y0) > 0


def test_segment_of_a_vertical_line():
    assert Hyperplane([2.0, 0.0], -1.0).segment_in_box((-1, 1), (-3, 3)) == ((0.5, -3.0), (0.5, 3.0))


def test_segment_of_a_horizontal_line():
    assert Hyperplane([0.0, 4.0], 2.0).segment_in_box((-1, 1), (-3, 3)) == ((-1.0, -0.5), (1.0, -0.5))


def test_segment_along_a_diagonal_of_the_box_joins_opposite_corners():
    assert Hyperplane([1.0, -1.0], 0.0).segment_in_box((0, 1), (0, 1)) == ((0.0, 0.0), (1.0, 1.0))


def test_line_touching_a_corner_gives_a_zero_length_segment():
    segment = Hyperplane([1.0, 1.0], -2.0).segment_in_box((0, 1), (0, 1))
    assert segment == ((1.0, 1.0), (1.0, 1.0))


def test_line_outside_the_box_gives_none():
    assert Hyperplane([1.0, 1.0], -5.0).segment_in_box((0, 1), (0, 1)) is None
    assert Hyperplane([1.0, 0.0], -10.0).segment_in_box((-1, 1), (-1, 1)) is None
    assert Hyperplane([0.0, 1.0], 10.0).segment_in_box((-1, 1), (-1, 1)) is None


def test_segment_matches_y_equals_mx_plus_b():
    # w1 x + w2 y + b = 0  <=>  y = -(w1/w2) x - b/w2
    w1, w2, b = 0.5, 2.0, -1.0
    (x0, y0), (x1, y1) = Hyperplane([w1, w2], b).segment_in_box((-2, 2), (-2, 2))
    m, c = -w1 / w2, -b / w2
    assert y0 == pytest.approx(m * x0 + c) and y1 == pytest.approx(m * x1 + c)
    assert (x0, x1) == (-2.0, 2.0)


def test_segment_in_box_is_two_dimensional_only():
    with pytest.raises(ValueError, match="segment_in_box draws 2-D hyperplanes \\(lines\\) only; this hyperplane has 3 weights"):
        Hyperplane([1.0, 2.0, 3.0]).segment_in_box((0, 1), (0, 1))


def test_segment_in_box_checks_the_limits():
    plane = Hyperplane([1.0, 1.0])
    with pytest.raises(ValueError, match=r"xlim must be \(low, high\) with low < high; got \(1, 0\)"):
        plane.segment_in_box((1, 0), (0, 1))
    with pytest.raises(ValueError, match="ylim must be two numbers"):
        plane.segment_in_box((0, 1), (0, 1, 2))
    with pytest.raises(TypeError, match="xlim must be two numbers"):
        plane.segment_in_box(5, (0, 1))
    with pytest.raises(TypeError, match="xlim must be two numbers"):
        plane.segment_in_box(("a", 1), (0, 1))



def test_wrong_dimension_inputs_are_explained():
    with pytest.raises(ValueError, match="x has 3 features but the hyperplane has 2 weights"):
        Hyperplane([1.0, 2.0]).signed_distance([1.0, 2.0, 3.0])
