import pandas as pd

from dashboard import facets


def _launches():
    return pd.DataFrame(
        {
            "launch_id": ["a", "b", "c", "d", "e"],
            "state": ["PRK", "PRK", "PRK", "PRK", "KOR"],
            "missile_class": ["SRBM", "ICBM", "SRBM", "SRBM", "SLBM"],
            "date_local": pd.to_datetime(
                ["1993-05-29", "2017-11-29", "2017-08-26", "2017-08-26", "2021-09-15"]
            ),
            "count": [2, 1, 3, 1, 1],
            "review_status": ["imported", "reviewed", "reviewed", "imported", "reviewed"],
            "outcome": ["unknown", "success", "failure", "success", "success"],
            "confirmation": ["assessed", "confirmed", None, "confirmed", "confirmed"],
            "site_name": [None, "Pyongsong", "Kittaeryong", "Kittaeryong", None],
            "range_km": [500.0, 950.0, 250.0, None, 450.0],
            "apogee_km": [None, 4475.0, 50.0, None, 60.0],
        }
    )


def _facet(key):
    return next(f for f in facets.FACETS if f.key == key)


def test_facet_counts_follow_the_declared_order_and_count_launch_events():
    counts = facets.facet_counts(_launches(), _facet("outcome"))
    assert counts.to_dict("list") == {
        "value": ["success", "failure", "unknown"],
        "launches": [3, 1, 1],
    }
    bands = facets.facet_counts(_launches(), _facet("range_band"))
    assert dict(zip(bands["value"], bands["launches"], strict=True)) == {
        "under 1000 km": 4,
        "not reported": 1,
    }


def test_site_facet_counts_unknown_sites_but_does_not_offer_them_as_a_filter():
    site = _facet("launch_site")
    counts = facets.facet_counts(_launches(), site)
    assert counts["value"].tolist() == ["site not reported", "Kittaeryong", "Pyongsong"]
    assert counts["launches"].tolist() == [2, 2, 1]
    assert not facets.is_choice(site, "site not reported")
    assert facets.is_choice(site, "Kittaeryong")


def test_per_year_and_class_counts_events_or_missiles_with_a_total():
    events = facets.per_year_and_class(_launches())
    assert events.columns.tolist() == ["year", "SRBM", "ICBM", "SLBM", "total"]
    row_2017 = events.set_index("year").loc[2017]
    assert (row_2017["SRBM"], row_2017["ICBM"], row_2017["total"]) == (2, 1, 3)
    missiles = facets.per_year_and_class(_launches(), "missiles").set_index("year")
    assert missiles.loc[2017, "SRBM"] == 4 and missiles.loc[1993, "total"] == 2
    assert events["year"].tolist() == [1993, 2017, 2021]


def test_per_site_table_lists_busiest_sites_first_with_their_span():
    table = facets.per_site(_launches())
    assert table["site_name"].tolist() == ["Kittaeryong", "site not reported", "Pyongsong"]
    first = table.iloc[0]
    assert (first["launch_events"], first["missiles"]) == (2, 4)
    unknown = table.set_index("site_name").loc["site not reported"]
    assert unknown["state"] == "KOR, PRK"
    assert unknown["classes"] == "SRBM, SLBM"
    assert str(unknown["first"].date()) == "1993-05-29"
    assert facets.per_site(_launches().iloc[0:0]).empty


def test_launches_without_a_confirmation_are_counted_but_not_offered_as_a_filter():
    confirmation = _facet("confirmation")
    counts = facets.facet_counts(_launches(), confirmation)
    assert counts.to_dict("list") == {
        "value": ["confirmed", "assessed", "not reported"],
        "launches": [3, 1, 1],
    }
    assert facets.is_choice(confirmation, "confirmed")
    assert not facets.is_choice(confirmation, "not reported")
