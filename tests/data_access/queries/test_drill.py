"""The drill-down path read from the Filter: pass-through levels, crumbs, one level down."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Engine

from data_access.db import session_scope
from data_access.filters import Filter
from data_access.queries.drill import drill_into, drill_node
from data_access.queries.options import fetch_filter_options
from tests.support.query_support import busiest_township


def test_drill_path_passes_single_levels_through(seeded_engine: Engine) -> None:
    """City and county have one member: the path starts at the county's townships."""
    with session_scope(seeded_engine) as session:
        options = fetch_filter_options(session=session)
    node = drill_node(Filter(), options.regions, options.villages)
    assert [crumb.label for crumb in node.crumbs] == ["铜陵市", "枞阳县"]
    assert node.child_level == "township"
    township = busiest_township(seeded_engine)
    down = drill_into(Filter(focus_areas=("work_style",)), "township", township)
    node = drill_node(down, options.regions, options.villages)
    assert node.child_level == "village" and node.level == "township"
    village = int(
        options.villages.loc[options.villages["township_id"] == township, "village_id"].iloc[0]
    )
    node = drill_node(drill_into(down, "village", village), options.regions, options.villages)
    assert node.child_level == "problem"
    # Each crumb goes back up, keeping the other fields of the Filter.
    assert [crumb.flt for crumb in node.crumbs[:3]] == [
        Filter(focus_areas=("work_style",)),
        Filter(focus_areas=("work_style",)),
        down,
    ]


def test_drill_path_with_two_cities_starts_at_the_top() -> None:
    """Two cities: an "all" step first, and a county crumb names its county once below."""
    regions = pd.DataFrame(
        {
            "township_id": [1, 2, 3],
            "township": ["甲镇", "乙镇", "丙镇"],
            "county_id": [1, 2, 3],
            "county": ["甲县", "乙县", "丙县"],
            "city_id": [1, 1, 2],
            "city": ["甲市", "甲市", "乙市"],
        }
    )
    villages = pd.DataFrame({"village_id": [], "village": [], "township_id": []})
    assert drill_node(Filter(), regions, villages).child_level == "city"
    node = drill_node(Filter(townships=(2,)), regions, villages)
    assert [crumb.label for crumb in node.crumbs] == ["全部地区", "甲市", "乙县", "乙镇"]
    assert node.crumbs[0].flt == Filter()
    assert node.crumbs[1].flt == Filter(cities=(1,))
    assert node.crumbs[2].flt == Filter(counties=(2,))
    assert drill_node(Filter(cities=(1,)), regions, villages).child_level == "county"
