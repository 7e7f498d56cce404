"""Coordinates are generalised to a grid before any later stage sees them."""

from __future__ import annotations

import itertools
import math

import pandas as pd
import pytest

from generator.privacy import METRES_PER_DEGREE, generalise_coordinates


def test_points_in_one_cell_share_its_centre_and_move_less_than_a_cell():
    lat = pd.Series([-4.83121, -4.83122, -4.8350, float("nan")])
    lon = pd.Series([104.88411, 104.88413, 104.8861, float("nan")])
    glat, glon = generalise_coordinates(lat, lon, 500)
    assert (glat[0], glon[0]) == (glat[1], glon[1])
    assert math.isnan(glat[3]) and math.isnan(glon[3])
    for i in range(3):
        dy = (glat[i] - lat[i]) * METRES_PER_DEGREE
        dx = (glon[i] - lon[i]) * METRES_PER_DEGREE * math.cos(math.radians(lat[i]))
        # at most half a cell's diagonal, and never the exact input
        assert math.hypot(dx, dy) <= 500 * math.sqrt(2) / 2 + 1
        assert (glat[i], glon[i]) != (lat[i], lon[i])


@pytest.mark.parametrize("grid", [100, 500, 2000])
def test_distinct_centres_are_a_grid_apart(grid):
    lat = pd.Series([-4.80 - i * 0.0007 for i in range(200)])
    lon = pd.Series([104.80 + i * 0.0009 for i in range(200)])
    glat, _ = generalise_coordinates(lat, lon, grid)
    steps = sorted(set(glat))
    gaps = {round((b - a) * METRES_PER_DEGREE) for a, b in itertools.pairwise(steps)}
    assert gaps <= {grid - 1, grid, grid + 1}


def test_settings_refuse_a_grid_finer_than_50_metres():
    from generator.errors import ConfigError
    from generator.settings import validate

    with pytest.raises(ConfigError, match="MAP_GRID_METERS"):
        validate({"MAP_GRID_METERS": 10})
