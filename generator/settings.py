"""The project's own settings, declared once and checked strictly.

They live in ``pelicanconf.py`` beside Pelican's. A name that is neither a
Pelican setting nor one of ours is an error with a "did you mean" hint, so a
typo such as ``SLA_RESPONSE_WORKDAY = 3`` cannot silently fall back to a default.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

from .errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    type: type | tuple[type, ...]
    default: Any
    help: str
    choices: tuple = ()


SETTINGS: dict[str, Setting] = {
    s.name: s
    for s in (
        Setting(
            "DATA", str, "data/sample", "Input folder (CONTRACT §1), relative to the settings file."
        ),
        Setting("REGION_NAME", str, "Kabupaten Lampung Utara", "The region the data covers."),
        Setting(
            "SITE_DESCRIPTION",
            str,
            "Laporan warga dan jawaban pemerintah daerah, terbuka untuk semua.",
            "One sentence for meta descriptions.",
        ),
        Setting("SOURCE_NAME", str, "SP4N-LAPOR!", "The complaint channel the data comes from."),
        Setting(
            "MAP_BOUNDS",
            (tuple, list),
            (-11.0, 6.5, 94.0, 141.5),
            "(lat_min, lat_max, lon_min, lon_max): coordinates outside are rejected.",
        ),
        Setting(
            "MAP_GRID_METERS",
            (int, float),
            500,
            "Coordinates are moved to the centre of a grid cell this many metres wide before "
            "anything is published; the input's exact coordinates appear in no output.",
        ),
        Setting(
            "MAP_TILES_URL",
            str,
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            "Map tile URL template for /peta/ ({z}, {x}, {y}, optionally {s}); the only thing "
            "any page loads from outside the site. '' draws the map without tiles.",
        ),
        Setting(
            "MAP_TILES_ATTRIBUTION",
            str,
            '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
            "contributors",
            "Attribution the tile provider requires, as HTML (shown in the map's corner).",
        ),
        Setting(
            "PII_POLICY",
            str,
            "stop",
            "What to do on personal data found in free text: 'stop' refuses the input and "
            "lists every finding (masked); 'redact' publishes with each match replaced by "
            "'[disamarkan]' and lists what it replaced.",
            choices=("stop", "redact"),
        ),
        Setting(
            "SKIP_INVALID",
            bool,
            False,
            "Publish valid rows and reject invalid ones instead of refusing the input.",
        ),
        Setting(
            "INPUT_DATE_ORDER",
            str,
            "dmy",
            "Order of day and month in input dates written with '/' or '-' (31/12/2024 08.30, "
            "as Excel shows them under Indonesian settings): 'dmy' day first, 'mdy' month "
            "first. Never guessed; ISO 8601 dates (2024-12-31T08:30) are read either way.",
            choices=("dmy", "mdy"),
        ),
        Setting(
            "CASES_PER_PAGE",
            int,
            25,
            "Cases per page on agency pages and on the browse pages "
            "(/kategori/, /kecamatan/, /tahun/).",
        ),
        Setting("HOME_LATEST_CASES", int, 10, "Latest resolved cases listed on the home page."),
        Setting(
            "FEED_MAX_ITEMS",
            int,
            100,
            "Newest resolved cases in each Atom feed (/feeds/kasus.atom.xml and one per "
            "agency). Pelican's own setting, same meaning and default (100); pelicanconf.py "
            "sets 50.",
        ),
        Setting(
            "PREVIOUS_RELEASE",
            str,
            "",
            "A folder holding a copy of a published site's /data/ (rilis.json, perubahan.csv, "
            "kasus.csv, tindak_lanjut.csv, rapor.csv), or the site itself: the release this "
            "build is compared with for /data/perubahan/. '' (the default): the release in the "
            "output folder being replaced, if any. `--previous DIR` overrides it.",
        ),
        Setting(
            "DATA_LICENSE",
            dict,
            {
                "spdx": "CC-BY-4.0",
                "name": "Creative Commons Attribution 4.0 International",
                "url": "https://creativecommons.org/licenses/by/4.0/",
            },
            "Licence of the files under /data/: a dict with its SPDX id ('spdx'), its name "
            "('name') and the URL of its text ('url'); shown on /data/ and in datapackage.json.",
        ),
        Setting(
            "SEARCH_SHARD_CASES",
            int,
            10_000,
            "Most cases in one part (shard) of the search index, each built by its own "
            "Pagefind run: Pagefind needs ~57 kB of memory per case of the part it builds "
            "(10,000: ~0.6 GB), and /cari/ loads ~70 kB more per part. A republish rebuilds "
            "only the parts whose cases changed.",
        ),
        Setting(
            "SLA_RESPONSE_WORKDAYS",
            int,
            5,
            "Deadline for an agency's first response, in working days (LAPOR!: 5).",
        ),
        Setting(
            "SLA_RESOLUTION_WORKDAYS",
            int,
            14,
            "Deadline for closing a report, in working days (KemenPAN-RB for SP4N-LAPOR!: 14 "
            "for complaints that need no field inspection).",
        ),
        Setting(
            "RANK_MIN_REPORTS",
            int,
            10,
            "Agencies with fewer reports in a period are listed as 'data belum cukup', not ranked.",
        ),
        Setting(
            "GRADE_THRESHOLDS",
            (tuple, list),
            (80.0, 60.0),
            "(hijau, kuning): the least % of first responses within the deadline for each "
            "traffic light; below the second is merah.",
        ),
        Setting(
            "AS_OF",
            str,
            "",
            "The date the figures are 'as of' (ISO date or date-time in TIMEZONE); '' means "
            "the latest timestamp in the input. Open reports past a deadline on this date "
            "count as overdue.",
        ),
        Setting(
            "REPORT_CHANNELS",
            (tuple, list),
            (
                {"label": "SP4N-LAPOR! (situs web)", "url": "https://www.lapor.go.id"},
                {"label": "SMS ke 1708", "url": "sms:1708"},
            ),
            "Where a resident reports a new problem, shown in every page's footer and on the "
            "home and case pages: a list of dicts with 'label' (plain text) and 'url' "
            "(https://, http://, sms: or tel:). The defaults are SP4N-LAPOR!'s national "
            "channels; the LAPOR! app can be added as a store link.",
        ),
        Setting(
            "WORKERS",
            int,
            0,
            "Worker processes that render the pages; 0 means one per core of the machine "
            "(os.cpu_count()), 1 renders in the build's own process. The pages are the same "
            "bytes whatever the number.",
        ),
        Setting(
            "DASK_SCHEDULER",
            str,
            "",
            "Address of a dask.distributed scheduler (e.g. 'tcp://host:8786') whose workers "
            "render the pages into the output folder, which they must share; the environment "
            "variable DASK_SCHEDULER overrides it. '' renders on this machine (WORKERS). Needs "
            "pip install 'dask[distributed]'.",
        ),
        Setting(
            "EXTRA_HOLIDAYS",
            (tuple, list),
            (),
            "Extra non-working days (ISO dates, e.g. regional holidays) for working-day counts.",
        ),
        Setting(
            "HOLIDAYS_COUNTRY",
            str,
            "ID",
            "Whose public holidays are not working days: a country code the holidays package "
            "knows ('ID', 'US', 'MY', …), optionally with a subdivision ('US-IL'). 'ID' also "
            "skips cuti bersama. /metodologi/ names the calendar used.",
        ),
    )
}

# Names Pelican or its themes read that are not in DEFAULT_CONFIG.
PELICAN_EXTRA = {
    "TIMEZONE",
    "AUTHOR",
    "LINKS",
    "SOCIAL",
    "MENUITEMS",
    "FEED_DOMAIN",
    "FEED_ATOM",
    "FEED_RSS",
    "FEED_ALL_RSS",
    "CATEGORY_FEED_RSS",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "TRANSLATION_FEED_RSS",
    "DEFAULT_DATE",
    "SITESUBTITLE",
    "SITELOGO",
    "GITHUB_URL",
    "DISQUS_SITENAME",
    "GOOGLE_ANALYTICS",
    "DEFAULT_PAGINATION",
    "AUTHORS_SAVE_AS",
    "CATEGORIES_SAVE_AS",
    "TAGS_SAVE_AS",
    "ARCHIVES_SAVE_AS",
    "STATIC_PATHS",
}


def _check_value(setting: Setting, value: Any) -> None:
    expected = setting.type if isinstance(setting.type, tuple) else (setting.type,)
    # bool is a subclass of int: an int setting must not accept True.
    if not isinstance(value, expected) or (bool not in expected and isinstance(value, bool)):
        names = " or ".join(t.__name__ for t in expected)
        raise ConfigError(
            f"Setting '{setting.name}' has incorrect type. Expected {names}, got "
            f"{type(value).__name__}. Value: {value!r}. Hint: {setting.help}"
        )
    if setting.choices and value not in setting.choices:
        raise ConfigError(
            f"Setting '{setting.name}' must be one of {', '.join(map(repr, setting.choices))}. "
            f"Value: {value!r}."
        )


def timezone(settings: dict) -> ZoneInfo:
    """The zone naive input times are read in and every date is shown in."""
    return ZoneInfo(settings.get("TIMEZONE") or "Asia/Jakarta")


def validate(settings: dict) -> dict:
    """Check our settings in a Pelican settings dict and fill in defaults.

    Returns the same dict. Raises ConfigError on the first wrong setting.
    """
    for setting in SETTINGS.values():
        settings.setdefault(setting.name, setting.default)
        _check_value(setting, settings[setting.name])
    bounds = settings["MAP_BOUNDS"]
    if len(bounds) != 4 or not all(isinstance(b, (int, float)) for b in bounds):
        raise ConfigError(f"Setting 'MAP_BOUNDS' must be four numbers. Value: {bounds!r}.")
    if not (bounds[0] < bounds[1] and bounds[2] < bounds[3]):
        raise ConfigError(
            f"Setting 'MAP_BOUNDS' must be (lat_min, lat_max, lon_min, lon_max). Value: {bounds!r}."
        )
    for day in settings["EXTRA_HOLIDAYS"]:
        try:
            dt.date.fromisoformat(day)
        except (TypeError, ValueError) as exc:
            raise ConfigError(
                f"Setting 'EXTRA_HOLIDAYS' holds {day!r}, which is not an ISO date. "
                "Hint: ('2025-06-10', '2025-09-22')."
            ) from exc
    _check_license(settings["DATA_LICENSE"])
    _check_holidays_country(settings["HOLIDAYS_COUNTRY"])
    _check_channels(settings["REPORT_CHANNELS"])
    for name in (
        "CASES_PER_PAGE",
        "HOME_LATEST_CASES",
        "RANK_MIN_REPORTS",
        "FEED_MAX_ITEMS",
        "SEARCH_SHARD_CASES",
    ):
        if settings[name] < 1:
            raise ConfigError(f"Setting '{name}' must be at least 1. Value: {settings[name]!r}.")
    if settings["MAP_GRID_METERS"] < 50:
        raise ConfigError(
            "Setting 'MAP_GRID_METERS' must be at least 50: a finer grid would show where a "
            f"reporter stood. Value: {settings['MAP_GRID_METERS']!r}. Hint: 500."
        )
    _check_tiles(settings["MAP_TILES_URL"], settings["MAP_TILES_ATTRIBUTION"])
    for name in ("SLA_RESPONSE_WORKDAYS", "SLA_RESOLUTION_WORKDAYS", "WORKERS"):
        if settings[name] < 0:
            raise ConfigError(f"Setting '{name}' must be 0 or more. Value: {settings[name]!r}.")
    _check_thresholds(settings["GRADE_THRESHOLDS"])
    try:
        timezone(settings)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(
            f"Setting 'TIMEZONE' is not a known time zone. Value: "
            f"{settings.get('TIMEZONE')!r}. Hint: use 'Asia/Jakarta'."
        ) from exc
    as_of(settings)
    return settings


def _check_tiles(url: str, attribution: str) -> None:
    if not url:
        return
    parts = urlsplit(url)
    placeholders = all(p in url for p in ("{z}", "{x}", "{y}"))
    if parts.scheme not in ("https", "http") or not parts.netloc or not placeholders:
        raise ConfigError(
            "Setting 'MAP_TILES_URL' must be an http(s) URL template with {z}, {x} and {y}. "
            f"Value: {url!r}. Hint: 'https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png'."
        )
    if not attribution.strip():
        raise ConfigError(
            "Setting 'MAP_TILES_ATTRIBUTION' must not be empty when MAP_TILES_URL is set: tile "
            "providers require their attribution. Hint: the OpenStreetMap default in "
            "docs/settings.md."
        )


def _check_holidays_country(code: str) -> None:
    import holidays

    # Two-letter codes only (not the package's 'IDN' aliases): one spelling per calendar.
    supported = holidays.list_supported_countries(include_aliases=False)
    country, _, subdivision = code.partition("-")
    if country not in supported:
        close = difflib.get_close_matches(country.upper()[:2], sorted(supported), n=1)
        hint = f"did you mean '{close[0]}'?" if close else "a code such as 'ID', 'US' or 'MY'."
        raise ConfigError(
            f"Setting 'HOLIDAYS_COUNTRY' is not a country the holidays package knows. "
            f"Value: {code!r}. Hint: {hint}"
        )
    if subdivision and subdivision not in supported[country]:
        close = difflib.get_close_matches(subdivision.upper(), supported[country], n=1)
        hint = (
            f"did you mean '{country}-{close[0]}'?"
            if close
            else f"subdivisions of {country}: {', '.join(supported[country][:12])}, …"
            if supported[country]
            else f"{country} has no subdivisions here: use '{country}'."
        )
        raise ConfigError(
            f"Setting 'HOLIDAYS_COUNTRY' names an unknown subdivision {subdivision!r} of "
            f"{country}. Value: {code!r}. Hint: {hint}"
        )


def tile_origin(settings: dict) -> str:
    """The origin tiles load from, for the map page's Content-Security-Policy ('' if none).

    A ``{s}`` subdomain placeholder becomes a ``*.`` wildcard, as CSP writes it.
    """
    url = settings["MAP_TILES_URL"]
    if not url:
        return ""
    parts = urlsplit(url.replace("{s}.", "x."))
    host = parts.netloc.replace("x.", "*.", 1) if "{s}." in url else parts.netloc
    return f"{parts.scheme}://{host}"


def _check_license(value: dict) -> None:
    keys = {"spdx", "name", "url"}
    if set(value) != keys or not all(isinstance(v, str) and v.strip() for v in value.values()):
        raise ConfigError(
            "Setting 'DATA_LICENSE' must be a dict with the keys 'spdx', 'name' and 'url', "
            f"each a non-empty string. Value: {value!r}. Hint: {{'spdx': 'CC-BY-4.0', "
            "'name': 'Creative Commons Attribution 4.0 International', "
            "'url': 'https://creativecommons.org/licenses/by/4.0/'}."
        )


REPORT_SCHEMES = ("https", "http", "sms", "tel")


def _check_channels(value: Any) -> None:
    hint = (
        "Hint: ({'label': 'SP4N-LAPOR! (situs web)', 'url': 'https://www.lapor.go.id'}, "
        "{'label': 'SMS ke 1708', 'url': 'sms:1708'})."
    )
    if not value:
        raise ConfigError(
            "Setting 'REPORT_CHANNELS' must list at least one channel: every page tells "
            f"residents where to report a new problem. {hint}"
        )
    for channel in value:
        ok = (
            isinstance(channel, dict)
            and set(channel) == {"label", "url"}
            and all(isinstance(v, str) and v.strip() for v in channel.values())
        )
        if not ok:
            raise ConfigError(
                "Setting 'REPORT_CHANNELS' must hold dicts with the keys 'label' and 'url', "
                f"each a non-empty string. Value: {channel!r}. {hint}"
            )
        parts = urlsplit(channel["url"])
        web = parts.scheme in ("https", "http")
        if (
            parts.scheme not in REPORT_SCHEMES
            or (web and not parts.netloc)
            or (not parts.path and not web)
        ):
            raise ConfigError(
                "Setting 'REPORT_CHANNELS' has a URL that is not https://, http://, sms: or "
                f"tel:. Value: {channel['url']!r}. {hint}"
            )


def _check_thresholds(value: Any) -> None:
    numbers = len(value) == 2 and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in value
    )
    if not numbers or not (100 >= value[0] >= value[1] >= 0):
        raise ConfigError(
            "Setting 'GRADE_THRESHOLDS' must be two percentages, hijau then kuning, from "
            f"high to low. Value: {value!r}. Hint: (80.0, 60.0)."
        )


def as_of(settings: dict) -> pd.Timestamp | None:
    """AS_OF as a moment in TIMEZONE (a date alone means the end of that day); None if unset."""
    text = settings["AS_OF"].strip()
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise ConfigError(
            f"Setting 'AS_OF' is not an ISO date or date-time. Value: {text!r}. "
            "Hint: '2025-12-31' or '2025-12-31T16:00:00'."
        ) from exc
    if len(text) == 10:  # a date alone: the whole of that day has passed
        moment = moment.replace(hour=23, minute=59, second=59)
    stamp = pd.Timestamp(moment)
    zone = timezone(settings)
    return stamp.tz_convert(zone) if stamp.tzinfo else stamp.tz_localize(zone)


def check_names(path: Path) -> None:
    """Refuse unknown upper-case names in a settings file, with a suggestion."""
    known = set(DEFAULT_CONFIG) | PELICAN_EXTRA | set(SETTINGS)
    for name in get_settings_from_file(str(path)):
        if name not in known:
            close = difflib.get_close_matches(name, sorted(known), n=1)
            hint = f" Hint: did you mean '{close[0]}'?" if close else ""
            raise ConfigError(f"Unknown setting '{name}' in {path.name}.{hint}")
