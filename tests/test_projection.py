"""neuronlib.projection: the dot product as a projection, w·x = |w||x| cos θ (Chapter 2)."""

import doctest
import math

import numpy as np
import pytest

from neuronlib import projection as P
from neuronlib.hyperplane import Hyperplane


def test_doctests():
    assert doctest.testmod(P).failed == 0


@pytest.mark.parametrize("degrees", [0.0, 1e-6, 30.0, 45.0, 90.0, 135.0, 179.9, 180.0])
def test_angle_matches_directions_built_from_cos_and_sin(degrees):
    # two 2-D arrows at known directions: the angle between them is the difference
    a, b = math.radians(20.0), math.radians(20.0 + degrees)
    u = 2.5 * np.array([math.cos(a), math.sin(a)])
    v = 0.3 * np.array([math.cos(b), math.sin(b)])
    assert P.angle_degrees(u, v) == pytest.approx(degrees, abs=1e-9)


def test_dot_product_is_length_times_length_times_cosine():
    rng = np.random.default_rng(3)
    for _ in range(50):
        w, x = rng.normal(size=4), rng.normal(size=4)
        theta = math.radians(P.angle_degrees(w, x))
        assert np.dot(w, x) == pytest.approx(np.linalg.norm(w) * np.linalg.norm(x) * math.cos(theta))


def test_projection_on_an_axis_is_the_coordinate():
    x = [3.0, -4.0, 0.5]
    assert P.scalar_projection(x, onto=[0.0, 7.0, 0.0]) == pytest.approx(-4.0)
    assert P.scalar_projection(x, onto=[-2.0, 0.0, 0.0]) == pytest.approx(-3.0)


def test_projection_does_not_depend_on_the_length_of_onto():
    x, w = [1.0, 2.0], [3.0, 1.0]
    assert P.scalar_projection(x, onto=w) == pytest.approx(P.scalar_projection(x, onto=[30.0, 10.0]))


def test_z_is_length_of_w_times_how_far_the_shadow_is_past_the_line():
    # z = |w| (shadow of x on w - shadow of any point of the line), i.e. |w| x signed distance
    w, b = np.array([0.5, -1.0]), 1.0
    plane = Hyperplane(w, b)
    rng = np.random.default_rng(0)
    for x in rng.normal(size=(20, 2)) * 3:
        shadow_past_line = P.scalar_projection(x, onto=w) - P.scalar_projection(plane.point_on_plane, onto=w)
        assert np.dot(w, x) + b == pytest.approx(np.linalg.norm(w) * shadow_past_line)


def test_bad_input_says_what_was_expected():
    with pytest.raises(ValueError, match="length 0"):
        P.angle_degrees([0.0, 0.0], [1.0, 0.0])
    with pytest.raises(ValueError, match="same length"):
        P.scalar_projection([1.0, 2.0], onto=[1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="length 0"):
        P.scalar_projection([1.0, 2.0], onto=[0.0, 0.0])
