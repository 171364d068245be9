"""The precedent network's geometry: cases in columns so arrows run across the width, every arrow from box
edge to box edge with its head at the edge, bowed around any box in its way (invented cases)."""
from __future__ import annotations

import math

from analysis.charts import network


def test_a_case_stands_one_column_right_of_the_cases_that_invoke_it():
    links = [("Karsk", "Vellmar"), ("Vellmar", "Lorran"), ("Ostmark", "Lorran")]
    where, ncols, _ = network.layout(["Vellmar", "Lorran", "Karsk", "Ostmark", "Isolde"], links)
    assert ncols == 3
    assert where["Karsk"][0] == 0 and where["Vellmar"][0] == 1 and where["Lorran"][0] == 2
    assert where["Isolde"][0] == 0  # a case no claim links is drawn in the first column


def test_linked_cases_share_rows_and_unlinked_groups_do_not():
    links = [("Karsk", "Vellmar"), ("Brenn", "Lorran")]
    where, _, rows = network.layout(["Karsk", "Vellmar", "Brenn", "Lorran"], links)
    assert rows == 2
    assert where["Karsk"][1] == where["Vellmar"][1] != where["Brenn"][1] == where["Lorran"][1]


def test_a_cycle_of_claims_still_gets_columns():
    where, _, _ = network.layout(["A", "B"], [("A", "B"), ("B", "A")])
    assert {where["A"][0], where["B"][0]} == {0, 1}


def on_edge(point, box, tol=1e-6):
    x, y = point
    x0, y0, x1, y1 = box
    inside = x0 - tol <= x <= x1 + tol and y0 - tol <= y <= y1 + tol
    return inside and min(abs(x - x0), abs(x - x1), abs(y - y0), abs(y - y1)) < tol


def test_an_arrow_runs_from_box_edge_to_box_edge_straight_or_bowed():
    a, b = (1.0, 1.0), (5.0, 1.5)
    box_a, box_b = (0.6, 0.85, 1.4, 1.15), (4.5, 1.3, 5.5, 1.7)
    for bend in (0.0, 0.4, -0.6):
        points = network.arc(a, b, bend, box_a, box_b)
        assert on_edge(points[0], box_a) and on_edge(points[-1], box_b), bend


def test_the_arrowhead_takes_the_last_stretch_of_the_path_up_to_the_box():
    points = network.arc((0.0, 0.0), (4.0, 0.0), 0.0, (-0.5, -0.2, 0.5, 0.2), (3.5, -0.2, 4.5, 0.2))
    shaft, neck = network.cut_end(points, 0.12)
    assert math.isclose(points[-1][0] - neck[0], 0.12) and shaft[-1] == neck
    assert points[-1] == (3.5, 0.0)  # the head's tip touches the box


def test_an_arrow_bowed_for_a_box_in_its_way_clears_it():
    in_the_way = (2.6, -0.2, 3.4, 0.2)
    straight = network.arc((0.0, 0.0), (6.0, 0.0), 0.0, (-0.4, -0.2, 0.4, 0.2), (5.6, -0.2, 6.4, 0.2))
    assert any(network.crosses(s, in_the_way) for s in network.zip_segments(straight))
    bowed = network.arc((0.0, 0.0), (6.0, 0.0), network.BENDS[1], (-0.4, -0.2, 0.4, 0.2), (5.6, -0.2, 6.4, 0.2))
    assert not any(network.crosses(s, in_the_way) for s in network.zip_segments(bowed))
    assert min(y for _, y in bowed) < -0.2  # up the page (y grows downwards)


def test_a_label_spot_is_found_along_the_path():
    points = network.arc((0.0, 0.0), (4.0, 0.0), 0.0, (-0.5, -0.2, 0.5, 0.2), (3.5, -0.2, 4.5, 0.2))
    (x, y), (nx, ny) = network.point_and_normal(points, 0.5)
    assert math.isclose(x, 2.0) and y == 0.0 and math.isclose(abs(ny), 1.0)
