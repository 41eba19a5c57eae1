"""Run the real app in Streamlit's AppTest on one page with a query string."""

from __future__ import annotations

import base64
import json

import numpy as np
from streamlit.testing.v1 import AppTest

from dashboard.paths import PACKAGE_DIR

APP = str(PACKAGE_DIR / "app.py")


def run_page(page: str | None = None, query: dict | None = None, timeout: float = 90) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=timeout)
    if page:
        at.switch_page(f"views/{page}.py")
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(elements) -> list[str]:
    return [e.value for e in elements]


def url_notices(at: AppTest) -> str:
    """The URL notice as the analyst reads it: its fixed wording and its plain-text list
    (a code block in the page itself; the sidebar's code block is the share link)."""
    lines = [w.value for w in at.warning if w.value.startswith("This link holds")]
    return "\n".join(lines + texts(at.main.code))


def markdown_text(at: AppTest) -> str:
    return "\n".join(texts(at.markdown))


def plotly_specs(at: AppTest) -> list[dict]:
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def deck_specs(at: AppTest) -> list[dict]:
    return [json.loads(e.proto.json) for e in at.get("deck_gl_json_chart")]


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def array(value) -> list:
    """A plotly spec array, decoding plotly's base64 typed-array form."""
    if isinstance(value, dict) and "bdata" in value:
        raw = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        return raw.tolist()
    return list(value)
