"""Page-contexts stage for /metodologi/: the deadlines' sources and worked examples.

The examples are computed by the same ``WorkCalendar`` every figure uses, so the
page's arithmetic cannot drift from the code's.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from babel.dates import format_date

from . import formatting as fmt
from .contexts import WorkdayExample
from .workdays import WorkCalendar

# Where the deadlines come from (shown on /metodologi/). Checked 2026-11.
RESPONSE_SOURCE = (
    "SP4N-LAPOR! (KemenPAN-RB): instansi menindaklanjuti laporan paling lambat 5 hari kerja; "
    "pengelolaan pengaduan diatur UU No. 25 Tahun 2009 tentang Pelayanan Publik, Perpres "
    "No. 76 Tahun 2013, dan Peraturan Menteri PANRB No. 62 Tahun 2018."
)
RESOLUTION_SOURCE = (
    "KemenPAN-RB tentang SP4N-LAPOR! (Republika, 14 Juni 2018): permintaan informasi dan "
    "keluhan dijawab paling lambat 5 hari, pengaduan tanpa pemeriksaan lapangan diselesaikan "
    "paling lambat 14 hari, pengaduan yang memerlukan pemeriksaan lapangan paling lambat 60 "
    "hari. Data ekspor tidak mencatat laporan mana yang memerlukan pemeriksaan lapangan, jadi "
    "situs ini memakai 14 hari kerja untuk semua laporan."
)
RESOLUTION_URL = (
    "https://ramadhan.republika.co.id/berita/pab1q5349/"
    "ini-aplikasi-untuk-laporkan-layanan-publik-selama-lebaran"
)

# Worked examples for the working-day rule: (submitted, answered), local time.
EXAMPLES = (
    ("2025-03-03 09:00", "2025-03-03 15:30"),
    ("2025-03-07 16:00", "2025-03-10 08:00"),
    ("2025-03-27 10:00", "2025-04-08 10:00"),
    ("2025-05-09 10:00", "2025-05-14 10:00"),
    ("2025-08-15 09:00", "2025-08-19 09:00"),
)


def skipped_days(calendar: WorkCalendar, start: dt.date, end: dt.date) -> list[str]:
    """Days after ``start`` up to ``end`` that are not working days, with the reason."""
    names = dict(calendar.names)
    found = []
    day = start + dt.timedelta(days=1)
    while day <= end:
        if day in names:
            found.append(f"{format_date(day, 'EEEE d MMMM', locale=fmt.LOCALE)} ({names[day]})")
        elif day.weekday() >= 5:
            found.append(format_date(day, "EEEE d MMMM", locale=fmt.LOCALE))
        day += dt.timedelta(days=1)
    return found


def worked_examples(extra: tuple[str, ...], country: str = "ID") -> tuple[WorkdayExample, ...]:
    """The working-day rule applied to fixed dates, by the code every figure uses."""
    years = sorted({int(text[:4]) for pair in EXAMPLES for text in pair})
    calendar = WorkCalendar.for_years(years[0], years[-1], tuple(extra), country)
    found = []
    for start_text, end_text in EXAMPLES:
        start, end = pd.Timestamp(start_text), pd.Timestamp(end_text)
        count = calendar.between(pd.Series([start]), pd.Series([end])).iloc[0]
        skipped = skipped_days(calendar, start.date(), end.date())
        why = (
            "Jawaban pada hari yang sama dihitung 0."
            if start.date() == end.date()
            else "Tidak dihitung: " + "; ".join(skipped) + "."
            if skipped
            else "Semua hari di antaranya hari kerja."
        )
        found.append(
            WorkdayExample(fmt.weekday_time(start), fmt.weekday_time(end), fmt.workdays(count), why)
        )
    return tuple(found)
