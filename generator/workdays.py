"""Working days: one definition, used by every figure on the site.

The elapsed working days between a report's submission and an event are the
days d with submission date < d <= event date (both dates in TIMEZONE),
Monday to Friday, excluding Indonesia's national holidays and cuti bersama
(``holidays``: country ID, categories public and government) and any
EXTRA_HOLIDAYS. An answer on the day of submission is 0 working days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import holidays
import numpy as np
import pandas as pd

HOLIDAY_SOURCE = (
    "pustaka Python holidays (negara ID, kategori public dan government: "
    "libur nasional dan cuti bersama)"
)


@dataclass(frozen=True)
class WorkCalendar:
    """Indonesian working-day calendar over a span of years."""

    holidays: tuple[dt.date, ...]
    names: tuple[tuple[dt.date, str], ...]

    @classmethod
    def for_years(cls, first: int, last: int, extra: tuple[str, ...] = ()) -> WorkCalendar:
        """National holidays and cuti bersama for ``first``..``last``, plus extra ISO dates."""
        national = holidays.country_holidays(
            "ID", years=range(first, last + 1), categories=("public", "government"), language="id"
        )
        names = {day: name for day, name in national.items()}
        for text in extra:
            names.setdefault(dt.date.fromisoformat(text), "Libur daerah")
        ordered = tuple(sorted(names.items()))
        return cls(tuple(day for day, _ in ordered), ordered)

    @classmethod
    def covering(cls, moments: list[pd.Series], extra: tuple[str, ...] = ()) -> WorkCalendar:
        """A calendar spanning every year of the given timestamps, and the next one."""
        known = [m.dropna() for m in moments if m.notna().any()]
        if not known:  # no dates at all (an input without reports): any one year will do
            return cls.for_years(2000, 2000, extra)
        years = pd.concat(known)
        first, last = years.min().year, years.max().year
        return cls.for_years(first, last + 1, extra)

    @cached_property
    def numpy(self) -> np.busdaycalendar:
        return np.busdaycalendar(weekmask="1111100", holidays=list(self.holidays))

    def between(self, start: pd.Series, end: pd.Series) -> pd.Series:
        """Working days d with start date < d <= end date; NA where either is missing.

        ``start`` and ``end`` are tz-aware timestamps already in TIMEZONE, so
        their calendar dates are local dates.
        """
        result = pd.Series(pd.NA, index=start.index, dtype="Int64")
        ok = start.notna() & end.notna()
        if ok.any():
            begin = start[ok].dt.tz_localize(None).dt.normalize().to_numpy().astype("datetime64[D]")
            stop = end[ok].dt.tz_localize(None).dt.normalize().to_numpy().astype("datetime64[D]")
            one = np.timedelta64(1, "D")
            counts = np.busday_count(begin + one, stop + one, busdaycal=self.numpy)
            result[ok] = np.maximum(counts, 0)
        return result
