"""What every page receives: the data, the shared filters and the filtered tables."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import filters as flt
from dashboard import sidebar
from dashboard.data_io import Dataset, load_dataset
from dashboard.filters import Filters


@dataclass(frozen=True)
class Context:
    data: Dataset
    filters: Filters
    launches: pd.DataFrame
    events: pd.DataFrame
    statements: pd.DataFrame
    claims: pd.DataFrame

    @classmethod
    def build(cls, data: Dataset, filters: Filters) -> Context:
        launches = flt.filter_launches(data.launches_with_sites, filters)
        return cls(
            data=data,
            filters=filters,
            launches=launches,
            events=flt.filter_events(data.diplomatic_events, filters),
            statements=flt.filter_statements(data.statements, filters),
            claims=flt.filter_claims(data.claims, launches),
        )


def current_context() -> Context:
    """Context for the page being run: the cached dataset and the sidebar's filter values."""
    return Context.build(load_dataset(), sidebar.current_filters())
