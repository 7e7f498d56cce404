"""Settings are strict: unknown or mistyped settings fail with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import load_settings
from generator.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


def settings_file(tmp_path: Path, extra: str) -> Path:
    base = (ROOT / "pelicanconf.py").read_text("utf-8")
    base = base.replace('PATH = "content"', f'PATH = "{ROOT / "content"}"')
    base = base.replace('THEME = "theme"', f'THEME = "{ROOT / "theme"}"')
    path = tmp_path / "conf.py"
    path.write_text(base + "\n" + extra + "\n", "utf-8")
    return path


def test_project_settings_load():
    config = load_settings(ROOT / "pelicanconf.py")
    assert config["CASES_PER_PAGE"] == 25
    assert Path(config["DATA"]) == ROOT / "data" / "sample"


def test_unknown_setting_is_refused_with_suggestion(tmp_path):
    with pytest.raises(ConfigError, match="did you mean 'CASES_PER_PAGE'"):
        load_settings(settings_file(tmp_path, "CASES_PER_PAG = 10"))


@pytest.mark.parametrize(
    "line, message",
    [
        ("CASES_PER_PAGE = '25'", "Expected int, got str"),
        ("CASES_PER_PAGE = True", "Expected int, got bool"),
        ("CASES_PER_PAGE = 0", "at least 1"),
        ("PII_POLICY = 'ignore'", "must be one of"),
        ("MAP_BOUNDS = (6.5, -11, 94, 141.5)", "lat_min, lat_max"),
        ("TIMEZONE = 'Asia/Jakata'", "not a known time zone"),
        ("JINJA_ENVIRONMENT = {'autoescape': False}", "autoescape"),
        ("EXTRA_HOLIDAYS = ('10-06-2025',)", "not an ISO date"),
        ("SLA_RESPONSE_WORKDAYS = -1", "0 or more"),
        ("SLA_RESOLUTION_WORKDAYS = 14.5", "Expected int, got float"),
        ("RANK_MIN_REPORTS = 0", "at least 1"),
        ("GRADE_THRESHOLDS = (60, 80)", "hijau then kuning"),
        ("GRADE_THRESHOLDS = (80,)", "two percentages"),
        ("GRADE_THRESHOLDS = (120, 60)", "two percentages"),
        ("AS_OF = '31-12-2025'", "not an ISO date"),
        ("REPORT_CHANNELS = ()", "at least one channel"),
        ("REPORT_CHANNELS = ({'label': 'LAPOR!'},)", "keys 'label' and 'url'"),
        ("REPORT_CHANNELS = ({'label': 'x', 'url': 'javascript:alert(1)'},)", "not https://"),
        ("REPORT_CHANNELS = ({'label': 'x', 'url': 'https://'},)", "not https://"),
        ("REPORT_CHANNELS = ({'label': 'x', 'url': 'sms:'},)", "not https://"),
    ],
)
def test_bad_values_are_refused(tmp_path, line, message):
    with pytest.raises(ConfigError, match=message):
        load_settings(settings_file(tmp_path, line))


def test_cli_reports_config_error_with_exit_2(tmp_path, capsys):
    from generator.cli import main

    code = main(["check", str(tmp_path), "--settings", str(settings_file(tmp_path, "FOO = 1"))])
    assert code == 2
    assert "Unknown setting 'FOO'" in capsys.readouterr().err


def test_as_of_date_alone_means_the_end_of_that_day(tmp_path):
    from generator.settings import as_of

    config = load_settings(settings_file(tmp_path, "AS_OF = '2025-12-31'"))
    assert as_of(config).isoformat() == "2025-12-31T23:59:59+07:00"


def test_as_of_before_the_latest_event_is_refused(tmp_path, capsys):
    from conftest import build
    from fixtures import base_tables, write_input

    data = write_input(tmp_path / "input", base_tables())
    conf = settings_file(tmp_path, "AS_OF = '2025-01-01'")
    assert build(data, tmp_path / "out", settings=str(conf)) == 2
    err = capsys.readouterr().err
    assert "Setting 'AS_OF'" in err and "before the latest moment" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "url",
    [
        "tile.openstreetmap.org/{z}/{x}/{y}.png",
        "https://tiles.example.org/{z}/{x}.png",
        "ftp://x/{z}/{x}/{y}",
    ],
)
def test_tile_url_must_be_an_http_template(url):
    from generator.settings import validate

    with pytest.raises(ConfigError, match="MAP_TILES_URL"):
        validate({"MAP_TILES_URL": url})


def test_tiles_need_an_attribution_and_give_the_policy_its_origin():
    from generator.settings import tile_origin, validate

    with pytest.raises(ConfigError, match="MAP_TILES_ATTRIBUTION"):
        validate({"MAP_TILES_ATTRIBUTION": " "})
    assert tile_origin(validate({})) == "https://tile.openstreetmap.org"
    url = "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    assert tile_origin(validate({"MAP_TILES_URL": url})) == "https://*.tile.example.org"
    assert tile_origin(validate({"MAP_TILES_URL": ""})) == ""
