"""Tables as an analyst downloads or reads them: CSV/Parquet bytes, citations, the dictionary."""

from __future__ import annotations

import io

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dashboard.schema import TABLES


def _flat(value: object) -> object:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return value


def for_export(frame: pd.DataFrame) -> pd.DataFrame:
    """List cells joined with '; ' and dates written as YYYY-MM-DD, for CSV readers."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if isinstance(series.dtype, pd.ArrowDtype) and pa.types.is_list(series.dtype.pyarrow_dtype):
            # Arrow lists (the statements' ids, as loaded): joined the same way, in Arrow.
            ids = pa.array(series).cast(pa.list_(pa.string()))
            out[column] = pc.binary_join(ids, "; ").to_pandas().to_numpy()
        elif series.dtype == object and series.map(lambda v: isinstance(v, list | tuple)).any():
            out[column] = series.map(_flat)
        elif (
            pd.api.types.is_datetime64_any_dtype(series) and getattr(series.dt, "tz", None) is None
        ):
            out[column] = series.dt.strftime("%Y-%m-%d")
    return out


def with_site_names(launches: pd.DataFrame, sites: pd.DataFrame) -> pd.DataFrame:
    """Launches with their site's name, latitude and longitude alongside."""
    named = sites[["site_id", "name", "lat", "lon"]].rename(
        columns={"name": "site_name", "lat": "site_lat", "lon": "site_lon"}
    )
    return launches.merge(named, on="site_id", how="left")


# How a date is written when the sources give only part of it.
PRECISION_FORMATS = {"day": "%Y-%m-%d", "week": "week of %Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def date_text(date: pd.Timestamp, precision: object = "day") -> str:
    """The date as precisely as it is known, saying so when that is less than a day:
    '1984-04 (month only)' rather than a made-up first of the month."""
    key = precision if isinstance(precision, str) and precision in PRECISION_FORMATS else "day"
    text = date.strftime(PRECISION_FORMATS[key])
    return text if key == "day" else f"{text} ({key} only)"


def with_date_text(launches: pd.DataFrame) -> pd.DataFrame:
    """Launches with a `date_shown` column: the KST date as precisely as the sources give it."""
    precision = launches.get("date_precision", pd.Series("day", index=launches.index))
    shown = [date_text(d, p) for d, p in zip(launches["date_local"], precision, strict=True)]
    return launches.assign(date_shown=pd.Series(shown, index=launches.index, dtype=object))


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return for_export(frame).to_csv(index=False).encode("utf-8")


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    table = pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)
    # Without pandas' own metadata: it names Arrow-backed dtypes that some readers cannot
    # rebuild, while the plain Arrow types read back anywhere.
    pq.write_table(table.replace_schema_metadata(None), buffer)
    return buffer.getvalue()


def citation(source: pd.Series) -> str:
    """One-line citation: publisher, author, title, date."""
    parts = [str(source["publisher"])]
    if isinstance(source.get("author"), str):
        parts.append(source["author"])
    parts.append(f"“{source['title']}”")
    date = source["published_date"]
    parts.append(date.strftime("%Y-%m-%d") if hasattr(date, "strftime") else str(date))
    return ", ".join(parts)


def data_dictionary(table: str) -> pd.DataFrame:
    """Column, type, unit, allowed values and description of one table, from the schema."""
    rows = []
    for column in TABLES[table].columns:
        rows.append(
            {
                "column": column.name,
                "type": column.kind.replace("list_", "list of ")
                + ("" if not column.nullable else ", nullable"),
                "unit": column.unit or "",
                "allowed values": ", ".join(column.enum) if column.enum else "",
                "description": column.description,
            }
        )
    return pd.DataFrame(rows)


def source_usage(
    sources: pd.DataFrame,
    launches: pd.DataFrame,
    events: pd.DataFrame,
    statements: pd.DataFrame,
    claims: pd.DataFrame,
) -> pd.DataFrame:
    """Each source with its citation and how many records of each table cite it."""
    cited = {
        "launches": launches["source_ids"].explode().value_counts(),
        "events": events["source_ids"].explode().value_counts(),
        "statements": statements["source_id"].value_counts(),
        "claims": claims["source_id"].value_counts(),
    }
    table = pd.DataFrame(
        {
            "source_id": sources["source_id"],
            "citation": [citation(row) for _, row in sources.iterrows()],
            "kind": sources["kind"],
            "url": sources["url"],
        }
    )
    for name, counts in cited.items():
        table[name] = table["source_id"].map(counts).fillna(0).astype(int)
    return table
