"""Indonesian words and formats for what the pages show (Babel for dates and numbers)."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

from .contexts import DateText

LOCALE = "id"

TYPE_LABELS = {
    "pengaduan": "Pengaduan",
    "aspirasi": "Aspirasi",
    "permintaan_informasi": "Permintaan Informasi",
}
STATUS_LABELS = {"belum": "Belum ditindaklanjuti", "proses": "Dalam proses", "selesai": "Selesai"}
PRIVACY_LABELS = {"publik": "Publik", "anonim": "Anonim", "rahasia": "Rahasia"}
CHANNEL_LABELS = {
    "web": "Situs web",
    "android": "Aplikasi Android",
    "sms": "SMS",
    "media_sosial": "Media sosial",
    "tatap_muka": "Tatap muka",
    "lainnya": "Lainnya",
}
KIND_LABELS = {
    "opd": "Perangkat daerah (OPD)",
    "kecamatan": "Kecamatan",
    "bumd": "BUMD",
    "vertikal": "Instansi vertikal",
    "lainnya": "Lainnya",
}
ACTION_LABELS = {
    "verifikasi": "Verifikasi laporan",
    "disposisi": "Disposisi",
    "tanggapan": "Tanggapan",
    "tindak_lanjut": "Tindak lanjut",
    "selesai": "Laporan ditutup",
    "komentar": "Komentar",
}
ACTOR_LABELS = {"admin": "Admin", "pelapor": "Pelapor"}
ZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def number(value: int | float) -> str:
    """1234567 -> '1.234.567' (Indonesian digit grouping)."""
    return format_decimal(value, locale=LOCALE)


@lru_cache(maxsize=8192)
def _day(year: int, month: int, day: int) -> tuple[str, str]:
    date = pd.Timestamp(year=year, month=month, day=day).date()
    return format_date(date, "d MMMM y", locale=LOCALE), format_date(date, "d MMM y", locale=LOCALE)


def zone_label(tz_name: str) -> str:
    return ZONE_ABBREVIATIONS.get(tz_name, tz_name)


def date_text(moment: pd.Timestamp | None, zone: str) -> DateText | None:
    """A tz-aware timestamp as Indonesian text; None for a missing value.

    Day names are formatted once per distinct day (Babel is slow per call).
    """
    if moment is None or pd.isna(moment):
        return None
    long, short = _day(moment.year, moment.month, moment.day)
    iso = moment.isoformat(timespec="seconds")
    return DateText(iso, f"{long} pukul {moment.hour:02d}.{moment.minute:02d} {zone}", short)


def long_date(moment) -> str:
    """'31 Oktober 2026'."""
    return format_date(
        moment.date() if hasattr(moment, "date") else moment, "d MMMM y", locale=LOCALE
    )


def weekday_date(day) -> str:
    """'Senin, 31 Maret 2025'."""
    return format_date(day, "EEEE, d MMMM y", locale=LOCALE)


def weekday_time(moment: pd.Timestamp) -> str:
    """'Kamis, 27 Maret 2025 pukul 10.00'."""
    return f"{weekday_date(moment.date())} pukul {moment.hour:02d}.{moment.minute:02d}"


def month_year(moment: pd.Timestamp) -> str:
    return format_date(moment.date(), "MMMM y", locale=LOCALE)


def decimal(value, places: int = 1) -> str:
    """3.5 -> '3,5' with a fixed number of decimals; '–' when missing."""
    if value is None or pd.isna(value):
        return "–"
    return format_decimal(value, format="#,##0." + "0" * places, locale=LOCALE)


def percent(value) -> str:
    """81.0 -> '81,0%' (one decimal, as computed); '–' when missing."""
    return "–" if value is None or pd.isna(value) else f"{decimal(value)}%"


def workdays(count) -> str:
    """'3 hari kerja', '2,5 hari kerja' (a median may fall between two days); '' when none."""
    if count is None or pd.isna(count):
        return ""
    value = float(count)
    shown = str(int(value)) if value.is_integer() else number(round(value, 1))
    return f"{shown} hari kerja"


def duration(delta: pd.Timedelta) -> str:
    """A calendar duration in words: '2 hari 3 jam', '45 menit', 'kurang dari 1 menit'."""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 1:
        return "kurang dari 1 menit"
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} hari {hours} jam" if hours else f"{days} hari"
    if hours:
        return f"{hours} jam {minutes} menit" if minutes else f"{hours} jam"
    return f"{minutes} menit"
