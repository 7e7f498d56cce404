"""HOLIDAYS_COUNTRY: the working-day calendar follows the place (CONTRACT §3)."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest
from test_settings import settings_file

from generator.cli import load_settings
from generator.errors import ConfigError
from generator.workdays import HOLIDAY_SOURCE, WorkCalendar, holiday_source

ROOT = Path(__file__).resolve().parent.parent


def workdays(country: str, start: str, end: str) -> int:
    calendar = WorkCalendar.for_years(2024, 2024, country=country)
    return int(
        calendar.between(pd.Series([pd.Timestamp(start)]), pd.Series([pd.Timestamp(end)]))[0]
    )


def test_independence_day_is_no_working_day_in_the_us_but_is_in_indonesia():
    # Wednesday 3 July 2024 -> Friday 5 July: Thursday 4 July is a US holiday only.
    assert workdays("US", "2024-07-03 10:00", "2024-07-05 10:00") == 1
    assert workdays("ID", "2024-07-03 10:00", "2024-07-05 10:00") == 2


def test_a_subdivision_adds_its_own_holidays():
    # Monday 4 March 2024 is Casimir Pulaski Day in Illinois, not in the whole US.
    assert workdays("US", "2024-03-01 10:00", "2024-03-06 10:00") == 3
    assert workdays("US-IL", "2024-03-01 10:00", "2024-03-06 10:00") == 2


def test_indonesia_keeps_cuti_bersama_and_its_wording():
    # 9 April 2024 was cuti bersama before Idul Fitri (10-11 April).
    calendar = WorkCalendar.for_years(2024, 2024)
    assert pd.Timestamp("2024-04-09").date() in calendar.holidays
    assert holiday_source("ID") == HOLIDAY_SOURCE
    assert "Malaysia (MY)" in holiday_source("MY")


@pytest.mark.parametrize(
    "value, message",
    [
        ("'IDN'", "did you mean 'ID'"),
        ("'XX'", "not a country the holidays package knows"),
        ("'US-ZZ'", "unknown subdivision 'ZZ' of US"),
        ("'US-Il'", "did you mean 'US-IL'"),
        ("62", "Expected str, got int"),
    ],
)
def test_a_wrong_country_is_refused_with_a_hint(tmp_path, value, message):
    with pytest.raises(ConfigError, match=message):
        load_settings(settings_file(tmp_path, f"HOLIDAYS_COUNTRY = {value}"))


def test_a_settings_file_kept_elsewhere_keeps_the_projects_folders(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT))
    conf = tmp_path / "chicago.py"
    conf.write_text(
        "from publishconf import *  # noqa: F403\n"
        "TIMEZONE = 'America/Chicago'\nHOLIDAYS_COUNTRY = 'US-IL'\n",
        "utf-8",
    )
    config = load_settings(conf)
    assert config["HOLIDAYS_COUNTRY"] == "US-IL"
    assert Path(config["PATH"]) == ROOT / "content"
    assert Path(config["THEME"]) == ROOT / "theme"
    assert [Path(p) for p in config["PLUGIN_PATHS"]] == [ROOT]
    sys.modules.pop("publishconf", None)
    sys.modules.pop("pelicanconf", None)
