import pytest

from dashboard import records
from dashboard.context import Context
from dashboard.data_io import read_dataset
from dashboard.filters import Filters
from dashboard.paths import DATASETS_DIR


@pytest.fixture(scope="module")
def ctx():
    return Context.build(read_dataset(DATASETS_DIR), Filters())


def test_record_options_list_launches_and_events_newest_first(ctx):
    options = records.record_options(ctx.launches, ctx.events)
    assert len(options) == len(ctx.launches) + len(ctx.events)
    label = options["launch:prk-2022-01-14-uiju"]
    assert label.startswith("2022-01-14 · launch · Rail-mobile KN-23 ×2 · Uiju")
    dates = [label[:10] for label in options.values()]
    assert dates == sorted(dates, reverse=True)


def test_claims_side_by_side_put_each_claimant_in_a_column(ctx):
    table = records.claims_side_by_side(ctx.data.claims, "prk-2022-01-05-mupyong-ni")
    row = table.set_index("field").loc["missile_class"]
    assert row["KCNA (North Korean state media)"] == "hypersonic"
    assert row["ROK government"] == "general ballistic missile"
    assert records.claims_side_by_side(ctx.data.claims, "no-such-launch").empty


def test_linked_statements_for_a_launch_and_an_event(ctx):
    about_launch = records.linked_statements(
        ctx.data.statements, "launch:prk-2022-11-17-wonsan-kalma"
    )
    assert "st-2022-11-17-rok-jcs-provocation" in set(about_launch["statement_id"])
    about_event = records.linked_statements(ctx.data.statements, "event:sanctions-2022-01-12-us")
    assert set(about_event["speaker"]) >= {"DPRK Ministry of Foreign Affairs"}


def test_launch_facts_say_whether_the_impact_point_is_estimated(ctx):
    row = ctx.launches.set_index("launch_id").loc["prk-2022-01-14-uiju"]
    facts = records.launch_facts(row).set_index("field")["value"]
    assert facts["Date (KST)"] == "2022-01-14 14:41"
    assert facts["Range"] == "430 km"
    assert "estimated from heading and range" in facts["Impact point"]
    onchon = ctx.launches.set_index("launch_id").loc["prk-2021-03-21-onchon"]
    facts = records.launch_facts(onchon).set_index("field")["value"]
    assert facts["Range"] == "—" and facts["Impact point"] == "—"
