"""Colours and symbols shared by charts and maps, so a class looks the same everywhere.

Colours are from a colour-blind-safe qualitative set (Okabe-Ito) and read on light and dark
backgrounds alike.
"""

from __future__ import annotations

CLASS_COLORS: dict[str, str] = {
    "SRBM": "#E69F00",
    "MRBM": "#D55E00",
    "IRBM": "#CC79A7",
    "ICBM": "#C00000",
    "SLBM": "#0072B2",
    "cruise": "#009E73",
    "hypersonic": "#9467BD",
    "SLV": "#56B4E9",
    "unknown": "#8C8C8C",
}

EVENT_SYMBOLS: dict[str, str] = {
    "sanctions": "x",
    "summit": "star",
    "talks": "diamond",
    "visit": "triangle-up",
    "un_action": "square",
    "joint_statement": "pentagon",
    "military_exercise": "cross",
    "policy": "hexagon",
    "inauguration": "star-diamond",
    "nuclear_test": "asterisk-open",
    "other": "circle",
}

EVENT_COLOR = "#4C78A8"
SELECTED_COLOR = "#FF4B4B"


def rgb(hex_color: str, alpha: int = 255) -> list[int]:
    """[r, g, b, a] for pydeck from '#RRGGBB'."""
    value = hex_color.lstrip("#")
    return [int(value[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]
