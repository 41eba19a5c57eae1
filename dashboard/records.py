"""Looking up one launch or event and what hangs off it: claims, statements, labels."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.charts import event_id_key, launch_id_key
from dashboard.tables import date_text


def record_options(launches: pd.DataFrame, events: pd.DataFrame) -> dict[str, str]:
    """Selectable records (key -> label), newest first."""
    items: list[tuple[pd.Timestamp, str, str]] = []
    for row in launches.itertuples():
        name = row.missile_name if isinstance(row.missile_name, str) else row.missile_class
        site = row.site_name if isinstance(row.site_name, str) else "site unknown"
        when = date_text(row.date_local, getattr(row, "date_precision", "day"))
        label = f"{when} · launch · {name} ×{row.count} · {site}"
        items.append((row.date_local, launch_id_key(row.launch_id), label))
    for row in events.itertuples():
        label = f"{row.date_start:%Y-%m-%d} · {row.event_type.replace('_', ' ')} · {row.title}"
        items.append((row.date_start, event_id_key(row.event_id), label))
    items.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return {key: label for _, key, label in items}


def split_key(key: str) -> tuple[str, str]:
    kind, _, record_id = key.partition(":")
    return kind, record_id


def claims_side_by_side(claims: pd.DataFrame, launch_id: str) -> pd.DataFrame:
    """One row per field, one column per claimant, so differing figures sit side by side."""
    mine = claims[claims["launch_id"] == launch_id]
    if mine.empty:
        return pd.DataFrame()
    table = mine.pivot_table(
        index="field", columns="claimant", values="value", aggfunc=lambda v: " / ".join(v)
    )
    return table.reset_index().rename_axis(columns=None)


def linked_statements(statements: pd.DataFrame, key: str) -> pd.DataFrame:
    """Statements that name the launch or event."""
    kind, record_id = split_key(key)
    column = "launch_ids" if kind == "launch" else "event_ids"
    ids = statements[column]
    if isinstance(ids.dtype, pd.ArrowDtype):
        # Arrow lists (as loaded): compare all ids at once rather than row by row.
        rows = np.repeat(np.arange(len(ids)), ids.list.len().to_numpy())
        hits = np.zeros(len(ids), dtype=bool)
        hits[rows[(ids.list.flatten() == record_id).to_numpy()]] = True
    else:
        hits = ids.map(lambda ids: record_id in ids)
    return statements[hits].sort_values(["date", "statement_id"])


REVIEW_NOTES = {
    "reviewed": "reviewed (a curator checked it against its sources)",
    "imported": "imported (taken straight from a database, not yet checked by a curator)",
}


def launch_facts(row: pd.Series) -> pd.DataFrame:
    """The launch's fields as a two-column table for the detail panel."""
    impact = "—"
    if pd.notna(row["impact_lat"]):
        kind = "estimated from heading and range" if row["impact_estimated"] else "reported"
        impact = f"{row['impact_lat']:.2f}°N, {row['impact_lon']:.2f}°E ({kind})"
    facts = {
        "Date (KST)": date_text(row["date_local"], row.get("date_precision", "day"))
        + (f" {row['time_local']}" if isinstance(row["time_local"], str) else ""),
        "Date note": row["date_note"] if isinstance(row["date_note"], str) else "—",
        "Launching state": row["state"],
        "Site": row["site_name"] if isinstance(row["site_name"], str) else "unknown",
        "Class": row["missile_class"],
        "Missile": row["missile_name"] if isinstance(row["missile_name"], str) else "—",
        "Missiles fired": str(row["count"]),
        "Range": f"{row['range_km']:,.0f} km" if pd.notna(row["range_km"]) else "—",
        "Apogee": f"{row['apogee_km']:,.0f} km" if pd.notna(row["apogee_km"]) else "—",
        "Heading": f"{row['heading_deg']:.0f}°" if pd.notna(row["heading_deg"]) else "—",
        "Impact point": impact,
        "Landing area": row["landing_area"] if isinstance(row["landing_area"], str) else "—",
        "Outcome": row["outcome"],
        "Confirmation": row["confirmation"],
        "Review status": REVIEW_NOTES.get(row.get("review_status"), "—"),
    }
    return pd.DataFrame({"field": list(facts), "value": [str(v) for v in facts.values()]})


def event_facts(row: pd.Series) -> pd.DataFrame:
    end = f" to {row['date_end']:%Y-%m-%d}" if pd.notna(row["date_end"]) else ""
    facts = {
        "Date": f"{row['date_start']:%Y-%m-%d}{end} (precision: {row['date_precision']})",
        "Type": row["event_type"].replace("_", " "),
        "Location": row["location"] if isinstance(row["location"], str) else "—",
        "Participants": ", ".join(row["participants"]) or "—",
    }
    return pd.DataFrame({"field": list(facts), "value": [str(v) for v in facts.values()]})
