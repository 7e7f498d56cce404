"""Working days: one definition, used by every figure on the site.

The elapsed working days between a report's submission and an event are the
days d with submission date < d <= event date (both dates in TIMEZONE),
Monday to Friday, excluding the public holidays of HOLIDAYS_COUNTRY (default
Indonesia: national holidays and cuti bersama, ``holidays`` categories public
and government; elsewhere the country's, or its subdivision's, public holidays)
and any EXTRA_HOLIDAYS. An answer on the day of submission is 0 working days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import holidays
import numpy as np
import pandas as pd
from babel import Locale

HOLIDAY_SOURCE = (
    "pustaka Python holidays (negara ID, kategori public dan government: "
    "libur nasional dan cuti bersama)"
)
DEFAULT_COUNTRY = "ID"


def split_country(code: str) -> tuple[str, str | None]:
    """'US-IL' -> ('US', 'IL'); 'ID' -> ('ID', None)."""
    country, _, subdivision = code.partition("-")
    return country, subdivision or None


def holiday_kind(code: str = DEFAULT_COUNTRY) -> str:
    """Which days the calendar skips, in words for /metodologi/."""
    return "libur nasional dan cuti bersama" if code == DEFAULT_COUNTRY else "hari libur resmi"


def holiday_source(code: str = DEFAULT_COUNTRY) -> str:
    """The calendar in words for /metodologi/: country name (and subdivision) and categories."""
    if code == DEFAULT_COUNTRY:
        return HOLIDAY_SOURCE
    country, subdivision = split_country(code)
    name = Locale("id").territories.get(country, country)
    where = f"negara {name} ({country})" + (f", wilayah {subdivision}" if subdivision else "")
    return f"pustaka Python holidays ({where}, kategori public: hari libur resmi)"


def country_holidays(code: str, years: range) -> dict[dt.date, str]:
    """Public holidays of HOLIDAYS_COUNTRY ('ID', 'US', 'US-IL', …) in ``years``, by date.

    Indonesia adds cuti bersama (category government); names are in Indonesian
    where the package has them, else in the country's default language.
    """
    country, subdivision = split_country(code)
    cls = holidays.country_holidays(country, years=()).__class__
    categories = ("public", "government") if country == "ID" else ("public",)
    language = "id" if "id" in (cls.supported_languages or ()) else None
    found = holidays.country_holidays(
        country, subdiv=subdivision, years=years, categories=categories, language=language
    )
    return dict(found.items())


@dataclass(frozen=True)
class WorkCalendar:
    """Indonesian working-day calendar over a span of years."""

    holidays: tuple[dt.date, ...]
    names: tuple[tuple[dt.date, str], ...]

    @classmethod
    def for_years(
        cls, first: int, last: int, extra: tuple[str, ...] = (), country: str = DEFAULT_COUNTRY
    ) -> WorkCalendar:
        """Public holidays of ``country`` (Indonesia: with cuti bersama) for
        ``first``..``last``, plus extra ISO dates."""
        names = country_holidays(country, range(first, last + 1))
        for text in extra:
            names.setdefault(dt.date.fromisoformat(text), "Libur daerah")
        ordered = tuple(sorted(names.items()))
        return cls(tuple(day for day, _ in ordered), ordered)

    @classmethod
    def covering(
        cls, moments: list[pd.Series], extra: tuple[str, ...] = (), country: str = DEFAULT_COUNTRY
    ) -> WorkCalendar:
        """A calendar spanning every year of the given timestamps, and the next one."""
        known = [m.dropna() for m in moments if m.notna().any()]
        if not known:  # no dates at all (an input without reports): any one year will do
            return cls.for_years(2000, 2000, extra, country)
        years = pd.concat(known)
        first, last = years.min().year, years.max().year
        return cls.for_years(first, last + 1, extra, country)

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
