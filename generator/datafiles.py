"""Render/write stage for downloads: the files under /data/ (CONTRACT §2).

CSV files are RFC 4180: UTF-8 without BOM, comma-separated, CRLF line ends,
quoted only where needed; decimals with a point and one decimal place;
an empty cell where a figure does not exist (no answered report, no rating).
"""

from __future__ import annotations

import pandas as pd


def csv_text(table: pd.DataFrame) -> str:
    """A table as RFC 4180 CSV text, deterministic for the same table."""
    return table.to_csv(index=False, lineterminator="\r\n", float_format="%.1f", na_rep="")
