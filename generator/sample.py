"""A deterministic, realistic sample input for Kabupaten Lampung Utara (CONTRACT §1).

``write_sample(out, cases, seed)`` writes ``agencies.csv``, ``complaints.csv`` and
``responses.csv``. Every random draw comes from one ``numpy.random.default_rng(seed)`` in
a fixed order and the time window is fixed in code, so the same (cases, seed) gives the
same bytes on every run. Reports are drawn a few days at a time and streamed to the files
in chunks, vectorised with numpy, so a million reports fit in a chunk's worth of memory.

The kabupaten (kecamatan, villages, agencies and how each agency behaves) is declared in
``sample_kabupaten``, the categories and their stories in ``sample_categories``, the shared
words in ``sample_text``. No text holds personal data: no names of people, no phone-like or
16-digit numbers, no e-mail or house addresses.
"""

from __future__ import annotations

import csv
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import numpy as np

from . import sample_text as words
from . import schema
from .errors import ConfigError
from .sample_areas import write_areas
from .sample_categories import CATEGORIES
from .sample_kabupaten import AGENCY_LIST, KECAMATAN, KECAMATAN_OFFICE
from .schema import ACTIONS, ACTORS, CHANNELS, PRIVACY_LEVELS, REPORT_TYPES, STATUSES
from .workdays import WorkCalendar

logger = logging.getLogger(__name__)

ADMIN, INSTANSI, PELAPOR = ACTORS
VERIFIKASI, DISPOSISI, TANGGAPAN, TINDAK_LANJUT, SELESAI, KOMENTAR = ACTIONS
BELUM, PROSES, CLOSED = range(len(STATUSES))  # indices: belum, proses, selesai
_, _, SMS, _, TATAP_MUKA, _ = CHANNELS
PENGADUAN = REPORT_TYPES.index(words.PENGADUAN)

FIRST_DAY, LAST_DAY = np.datetime64("2023-11-01"), np.datetime64("2026-10-31")
DAY = 86_400
# The export is taken at the end of LAST_DAY: later events have not happened yet.
CUTOFF = int((LAST_DAY + 1).astype("datetime64[s]").astype(np.int64)) - 1
OPENS, LAST_START, CLOSES = 8 * 3600, 15 * 3600, 16 * 3600  # office hours, local time
CHUNK, PROGRESS_EVERY = 25_000, 100_000
MAX_DELAY = 260  # working days; beyond a year an answer is as good as never

# Shares, in the order of the schema's tuples.
TYPE_SHARE = (0.78, 0.12, 0.10)  # REPORT_TYPES
PRIVACY_SHARE = (0.70, 0.25, 0.05)  # PRIVACY_LEVELS
CHANNEL_SHARE = (0.33, 0.30, 0.07, 0.14, 0.12, 0.04)  # CHANNELS; tatap_muka only while open
COORDS_SHARE = (0.75, 0.95, 0.15, 0.60, 0.40, 0.40)  # CHANNELS: a phone's GPS helps
RATED_SHARE = (0.55, 0.65, 0.20, 0.45, 0.30, 0.30)  # CHANNELS: the app asks for a rating
LOCATED_SHARE, REROUTED_SHARE = 0.85, 0.13
# Citizens write around the clock, most in office hours; fewer at weekends.
# fmt: off
WORKDAY_HOURS = (2, 1, .5, .5, 1, 4, 10, 20, 40, 50, 50, 45, 30, 35, 40, 35, 25, 20, 22, 25,
                 23, 16, 9, 4)
OFFDAY_HOURS = (3, 1, .5, .5, 1, 3, 8, 14, 20, 24, 25, 24, 20, 18, 18, 18, 17, 16, 20, 24,
                24, 18, 11, 6)
# The moments of a report, as keys of _draw's arrays.
TIMES = ("sub", "verify", "first", "wrong", "final", "answer", "nudged", "followed", "thanked",
         "close")
# fmt: on
WET_MONTHS = (11, 12, 1, 2, 3, 4)


def _cumulative(weights) -> np.ndarray:
    w = np.asarray(weights, dtype=np.float64)
    return np.cumsum(w / w.sum())


def _pick(cumulative: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Indices drawn by uniform numbers ``u`` from a cumulative distribution."""
    return np.minimum(np.searchsorted(cumulative, u, side="right"), len(cumulative) - 1)


class _Clock:
    """Office hours on working days, as the site's own calendar counts them."""

    def __init__(self, first_year: int, last_year: int) -> None:
        self.busdays = WorkCalendar.for_years(first_year, last_year).numpy
        start, stop = np.datetime64(f"{first_year}-01-01"), np.datetime64(f"{last_year + 1}-01-01")
        days = np.arange(start, stop)
        off = ~np.is_busday(days, busdaycal=self.busdays)
        # Offices are thin for a week before and two after a long break (Lebaran with its
        # cuti bersama, year's end): runs of 4+ days off. Those working days count half.
        edges = np.flatnonzero(np.diff(np.concatenate(([0], off.astype(np.int8), [0]))))
        slow = np.zeros(len(days), dtype=bool)
        for begin, end in zip(edges[::2], edges[1::2], strict=True):
            if end - begin >= 4:
                slow[max(begin - 5, 0) : end + 10] = True
        self.first_day = int(days[0].astype(np.int64))
        self.slow_before = np.concatenate(([0], np.cumsum(slow & ~off)))

    def office_time(
        self, earliest: np.ndarray, k: np.ndarray | int, u: np.ndarray, slow: bool = False
    ) -> np.ndarray:
        """A moment in office hours on the ``k``-th working day from ``earliest``, after it.

        Day 0 is ``earliest``'s own day when it is a working day with time left to act,
        else the next working day. ``u`` (uniform in [0, 1)) places the moment within
        office hours. With ``slow``, working days near a long break count half. Times are
        seconds since the epoch, local and naive.
        """
        day = earliest // DAY
        tod = earliest - day * DAY
        dates = day.astype("datetime64[D]")
        late = np.is_busday(dates, busdaycal=self.busdays) & (tod >= LAST_START)
        first = np.busday_offset(dates, late.astype(np.int64), "forward", busdaycal=self.busdays)
        target = np.busday_offset(first, k, "forward", busdaycal=self.busdays)
        if slow:
            last = len(self.slow_before) - 1
            lo = np.clip(first.astype(np.int64) - self.first_day + 1, 0, last)
            hi = np.clip(target.astype(np.int64) - self.first_day + 1, 0, last)
            extra = (self.slow_before[hi] - self.slow_before[lo] + 1) // 2
            target = np.busday_offset(target, extra, "forward", busdaycal=self.busdays)
        target_day = target.astype(np.int64)
        start = np.where(target_day == day, np.maximum(tod + 300, OPENS), OPENS)
        return target_day * DAY + start + (u * (CLOSES - start)).astype(np.int64)


class _Model:
    """The tables above as lookup arrays, built once per run."""

    def __init__(self) -> None:
        self.clock = _Clock(2023, 2029)
        self.agencies = AGENCY_LIST
        index = {a.agency_id: i for i, a in enumerate(AGENCY_LIST)}
        self.median_days = np.array([a.median_days for a in AGENCY_LIST])
        self.delay_spread = np.array([a.spread for a in AGENCY_LIST])
        self.p_silent = np.array([a.p_silent for a in AGENCY_LIST])
        self.p_stall = np.array([a.p_stall for a in AGENCY_LIST])
        self.rating = np.array([a.rating for a in AGENCY_LIST])
        self.desa = [tuple(k.desa.split(", ")) for k in KECAMATAN]
        self.n_desa = np.array([len(d) for d in self.desa])
        self.kecamatan = _cumulative([k.weight for k in KECAMATAN])
        # Village centres on a golden-angle spiral around the centre, a few km wide. Rounded
        # to 4 decimals so that a last-bit difference in sin/cos between CPUs practically
        # never reaches the 6 decimals written.
        self.desa_xy = np.zeros((len(KECAMATAN), self.n_desa.max(), 2))
        for k, kec in enumerate(KECAMATAN):
            j = np.arange(self.n_desa[k])
            radius = (0.008 + 0.007 * np.sqrt(j)) * kec.spread
            self.desa_xy[k, j, 0] = np.round(kec.lat + radius * np.sin(j * 2.39996), 4)
            self.desa_xy[k, j, 1] = np.round(kec.lon + radius * np.cos(j * 2.39996), 4)
        self.scatter = np.array([k.spread for k in KECAMATAN])
        # A category may send a report to "the camat / puskesmas of its kecamatan".
        codes = [k.code for k in KECAMATAN]
        serves = {
            words.CAMAT: lambda a: a.kind == KECAMATAN_OFFICE,
            words.PUSKESMAS: lambda a: a.parent_id == "dinas-kesehatan",
        }
        self.local = {}
        for n, (sentinel, test) in enumerate(serves.items(), start=1):
            offices = np.full(len(KECAMATAN), -1)
            for i, a in enumerate(AGENCY_LIST):
                if test(a):
                    offices[codes.index(a.home)] = i
            self.local[-n] = offices
            index[sentinel] = -n
        self.routes = [
            (_cumulative([w for _, w in c.agencies]), np.array([index[a] for a, _ in c.agencies]))
            for c in CATEGORIES
        ]
        self.primary = np.array([index[c.agencies[0][0]] for c in CATEGORIES])
        if (self.primary < 0).any():
            raise ValueError("A category's first agency must be a named agency, not a local one.")
        self.misroute = [[index[a] for a in c.misroute] for c in CATEGORIES]
        self.dry = _cumulative([c.dry for c in CATEGORIES])
        self.wet = _cumulative([c.wet for c in CATEGORIES])
        self.workday_hours = _cumulative(WORKDAY_HOURS)
        self.offday_hours = _cumulative(OFFDAY_HOURS)
        self.types, self.privacy = _cumulative(TYPE_SHARE), _cumulative(PRIVACY_SHARE)
        self.channels = _cumulative(CHANNEL_SHARE)
        # Nobody hands in a report at the counter when the office is shut.
        remote = [
            0.0 if c == TATAP_MUKA else s for c, s in zip(CHANNELS, CHANNEL_SHARE, strict=True)
        ]
        self.remote_channels = _cumulative(remote)
        self.coords, self.rated = np.array(COORDS_SHARE), np.array(RATED_SHARE)
        self.verify_days = _cumulative((0.6, 0.3, 0.1))

    def route(self, category: np.ndarray, kec: np.ndarray, u: np.ndarray) -> np.ndarray:
        """The final agency of each report: drawn by category, local offices resolved."""
        agency = np.empty(len(category), dtype=np.int64)
        for c, (cumulative, options) in enumerate(self.routes):
            mine = category == c
            agency[mine] = options[_pick(cumulative, u[mine])]
        for sentinel, offices in self.local.items():
            mine = agency == sentinel
            office = offices[kec[mine]]
            agency[mine] = np.where(office >= 0, office, self.primary[category[mine]])
        return agency


def _draw(
    rng: np.random.Generator, m: _Model, day: np.ndarray, off: np.ndarray, wet: np.ndarray
) -> dict[str, np.ndarray]:
    """Every random property of a chunk of reports, one array per property, in time order.

    ``day`` holds each report's submission day (days since the epoch, non-decreasing);
    ``off`` and ``wet`` say whether that day is a day off and in the rainy season.
    """
    n = len(day)
    u = rng.random(n)
    hour = np.where(off, _pick(m.offday_hours, u), _pick(m.workday_hours, u))
    # Sorting only reorders reports within a day, so off and wet stay aligned.
    sub = np.sort(day * DAY + hour * 3600 + rng.integers(0, 3600, n))
    tod = sub - day * DAY
    at_counter = ~off & (tod >= OPENS) & (tod < CLOSES)
    u = rng.random(n)
    d = {
        "sub": sub,
        "channel": np.where(at_counter, _pick(m.channels, u), _pick(m.remote_channels, u)),
    }
    d["kind"] = _pick(m.types, rng.random(n))
    d["privacy"] = _pick(m.privacy, rng.random(n))
    u = rng.random(n)
    d["category"] = cat = np.where(wet, _pick(m.wet, u), _pick(m.dry, u))
    d["kec"] = kec = _pick(m.kecamatan, rng.random(n))
    d["agency"] = a = m.route(cat, kec, rng.random(n))
    d["desa"] = desa = rng.integers(0, 1 << 30, n) % m.n_desa[kec]
    d["located"] = located = rng.random(n) < LOCATED_SHARE
    d["coords"] = located & (rng.random(n) < m.coords[d["channel"]])
    # Points scatter ~450 m (less in small kecamatan) around their village.
    d["xy"] = m.desa_xy[kec, desa] + rng.normal(0.0, 0.004, (n, 2)) * m.scatter[kec, None]

    # The timeline: which events happen, then when.
    median = m.median_days[a]
    d["rerouted"] = rerouted = rng.random(n) < REROUTED_SHARE
    d["says_wrong"] = says_wrong = rerouted & (rng.random(n) < 0.6)
    d["silent"] = silent = rng.random(n) < m.p_silent[a]
    # A wrong agency rarely files its refusal as a tanggapan, and never when the right one
    # stays silent: the refusal would then be the report's only "answer".
    d["wrong_answers"] = wrong_answers = says_wrong & ~silent & (rng.random(n) < 0.25)
    d["stall"] = stall = rng.random(n) < m.p_stall[a]
    delay = np.minimum(rng.lognormal(np.log(median), m.delay_spread[a]), MAX_DELAY).astype(np.int64)
    d["follow"] = follow = rng.random(n) < np.where(d["kind"] == PENGADUAN, 0.55, 0.15)
    d["nudge"] = nudge = follow & (rng.random(n) < 0.3)  # "belum ada perbaikan"
    d["thanks"] = thanks = ~stall & (rng.random(n) < 0.25)
    d["by_admin"] = by_admin = rng.random(n) < 0.3
    follow_days = np.minimum(rng.lognormal(np.log(0.8 * median + 1), 0.6), MAX_DELAY)
    gaps = rng.integers(2 * 3600, 6 * DAY, (n, 2))  # reporters write when they like
    verify_days = _pick(m.verify_days, rng.random(n))
    wrong_days, redirect_days = rng.integers(1, 7, n), rng.integers(0, 3, n)
    # An admin closes only after waiting for the reporter; an agency closes at once.
    close_days = np.where(by_admin, rng.integers(3, 11, n), rng.integers(0, 3, n))
    rated = rng.random(n) < m.rated[d["channel"]]
    noise = rng.normal(0.0, 0.8, n)
    u = rng.random((n, 7))
    d["texts"] = rng.integers(0, 1 << 30, (n, words.RANDOM_INTS))

    office = m.clock.office_time
    d["verify"] = office(sub, verify_days, u[:, 0])
    d["first"] = office(d["verify"], 0, u[:, 1])
    d["wrong"] = office(d["first"], wrong_days, u[:, 2])
    d["final"] = np.where(rerouted, office(d["wrong"], redirect_days, u[:, 3]), d["first"])
    d["answer"] = office(d["final"], delay, u[:, 4], slow=True)
    d["nudged"] = d["answer"] + gaps[:, 0]
    d["followed"] = office(
        np.where(nudge, d["nudged"], d["answer"]), follow_days.astype(np.int64), u[:, 5], slow=True
    )
    last = np.where(follow, d["followed"], d["answer"])
    d["thanked"] = last + gaps[:, 1]
    d["close"] = office(np.where(thanks, d["thanked"], last), close_days, u[:, 6])

    closed = ~silent & ~stall & (d["close"] <= CUTOFF)
    answered = ~silent & (d["answer"] <= CUTOFF) | wrong_answers & (d["wrong"] <= CUTOFF)
    d["status"] = np.where(closed, CLOSED, np.where(answered, PROSES, BELUM))
    # Satisfaction follows the agency's quality, less so when it was slow or was nudged.
    mean = m.rating[a] - 0.35 * np.log((delay + 1) / (median + 1)) - 0.5 * nudge
    d["rating"] = np.where(closed & rated, np.clip(np.rint(mean + noise), 1, 5), 0).astype(int)
    return d


def _rows(
    d: dict[str, np.ndarray], m: _Model, sequence: dict[int, int], width: int
) -> tuple[list[tuple], list[tuple]]:
    """The complaints rows and the responses rows of one chunk, in tracking_id order.

    ``sequence`` holds the last number given out per year and is advanced.
    """
    L = {key: value.tolist() for key, value in d.items() if key != "xy"}
    at = {key: np.datetime_as_string(d[key].astype("datetime64[s]")).tolist() for key in TIMES}
    years = (d["sub"] // DAY).astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64)
    lat, lon = d["xy"][:, 0].tolist(), d["xy"][:, 1].tolist()
    complaints, responses = [], []
    common, answer = words.common_text, words.answer_text
    for i, year in enumerate((years + 1970).tolist()):
        sequence[year] = number = sequence.get(year, 0) + 1
        tid = f"LU-{year}-{number:0{width}d}"
        agency, kind = m.agencies[L["agency"][i]], REPORT_TYPES[L["kind"][i]]
        cat, kec = CATEGORIES[L["category"][i]], KECAMATAN[L["kec"][i]]
        desa, r = m.desa[L["kec"][i]][L["desa"][i]], L["texts"][i]
        s = words.slots(r, kec.name, desa, kec.kelurahan, year, cat.letter)
        title, body = words.report_text(cat, kind, s, r, short=CHANNELS[L["channel"][i]] == SMS)
        s["unit"], final = agency.short_name, agency.agency_id
        holder = final  # who holds the report at export time
        # Each event: (key of its time, actor, action, agency_id, text), in time order.
        events = [("verify", ADMIN, VERIFIKASI, "", common("verif", s, r[25]))]
        if L["rerouted"][i]:
            wrong = [w for w in m.misroute[L["category"][i]] if w != L["agency"][i]]
            wrong = m.agencies[wrong[r[24] % len(wrong)]]
            text = common("dispo", {**s, "unit": wrong.short_name}, r[25] // 7)
            events.append(("first", ADMIN, DISPOSISI, wrong.agency_id, text))
            if L["says_wrong"][i]:
                act = TANGGAPAN if L["wrong_answers"][i] else KOMENTAR
                text = common("bukan", {**s, "dari": wrong.short_name}, r[24] // 49)
                events.append(("wrong", INSTANSI, act, wrong.agency_id, text))
            events.append(("final", ADMIN, DISPOSISI, final, common("alih", s, r[25] // 49)))
            if L["final"][i] > CUTOFF:  # not yet re-routed when the data was exported
                holder = wrong.agency_id
        else:
            events.append(("first", ADMIN, DISPOSISI, final, common("dispo", s, r[25] // 7)))
        if not L["silent"][i]:
            text = answer(cat, kind, s, r, follow_up=False)
            events.append(("answer", INSTANSI, TANGGAPAN, final, text))
            if L["nudge"][i]:
                text = words.reporter_text(kind, False, s, r[25] // 343)
                events.append(("nudged", PELAPOR, KOMENTAR, "", text))
            if L["follow"][i]:
                text = answer(cat, kind, s, r, follow_up=True)
                events.append(("followed", INSTANSI, TINDAK_LANJUT, final, text))
            if L["thanks"][i]:
                text = words.reporter_text(kind, True, s, r[25] // 2401)
                events.append(("thanked", PELAPOR, KOMENTAR, "", text))
            if not L["stall"][i]:
                who = (ADMIN, "", "tutup_a") if L["by_admin"][i] else (INSTANSI, final, "tutup_i")
                events.append(("close", who[0], SELESAI, who[1], common(who[2], s, r[24] // 343)))
        for key, actor, action, agency_id, text in events:
            if L[key][i] > CUTOFF:  # events are in time order; the rest has not happened yet
                break
            responses.append((tid, at[key][i], actor, action, agency_id, text))
        status = L["status"][i]
        row = (tid, kind, title, body, cat.name, holder, PRIVACY_LEVELS[L["privacy"][i]])
        row += (CHANNELS[L["channel"][i]], STATUSES[status], at["sub"][i])
        row += (at["close"][i] if status == CLOSED else "",)
        row += (kec.name, desa, kec.code) if L["located"][i] else ("", "", "")
        row += (f"{lat[i]:.6f}", f"{lon[i]:.6f}") if L["coords"][i] else ("", "")
        complaints.append((*row, L["rating"][i] or ""))
    return complaints, responses


def _chunks(counts: list[int]) -> Iterator[tuple[int, int]]:
    """Ranges of days [begin, end) holding about CHUNK reports each."""
    begin, total = 0, 0
    for i, count in enumerate(counts):
        total += count
        if total >= CHUNK:
            yield begin, i + 1
            begin, total = i + 1, 0
    if begin < len(counts):
        yield begin, len(counts)


def _csv(path: Path) -> TextIO:
    # Minimal quoting, "\n" line ends, UTF-8 without BOM: the same bytes on every platform.
    return path.open("w", encoding="utf-8", newline="")


def write_sample(out: Path, cases: int, seed: int) -> dict:
    """Write ``agencies.csv``, ``complaints.csv``, ``responses.csv`` and ``areas.geojson``.

    The same ``cases`` and ``seed`` give byte-identical files on every run and machine;
    every value conforms to CONTRACT §1. Returns the number of rows of each table.
    Raises ConfigError for a negative ``cases`` or ``seed``.
    """
    for option, value in (("cases", cases), ("seed", seed)):
        if value < 0:
            raise ConfigError(f"Sample option '{option}' must be 0 or more. Value: {value!r}.")
    started = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    m = _Model()
    days = np.arange(FIRST_DAY, LAST_DAY + 1)
    off = ~np.is_busday(days, busdaycal=m.clock.busdays)
    wet = np.isin(days.astype("datetime64[M]").astype(np.int64) % 12 + 1, WET_MONTHS)
    # More people use the channel each year; fewer write on weekends and holidays.
    weight = np.linspace(0.75, 1.25, len(days)) * np.where(off, 0.4, 1.0)
    counts = rng.multinomial(cases, weight / weight.sum())
    years = days.astype("datetime64[Y]").astype(np.int64)
    width = max(6, len(str(int(np.bincount(years - years[0], weights=counts).max()))))

    with _csv(out / "agencies.csv") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(schema.AGENCIES.column_names)
        writer.writerows(
            (a.agency_id, a.name, a.short_name, a.kind, a.parent_id) for a in AGENCY_LIST
        )
    written, n_responses, sequence = 0, 0, {}
    with _csv(out / "complaints.csv") as cf, _csv(out / "responses.csv") as rf:
        complaints = csv.writer(cf, lineterminator="\n")
        responses = csv.writer(rf, lineterminator="\n")
        complaints.writerow(schema.COMPLAINTS.column_names)
        responses.writerow(schema.RESPONSES.column_names)
        day_numbers = days.astype(np.int64)
        for begin, end in _chunks(counts.tolist()):
            days_of = (np.repeat(a[begin:end], counts[begin:end]) for a in (day_numbers, off, wet))
            chunk = _draw(rng, m, *days_of)
            rows, events = _rows(chunk, m, sequence, width)
            complaints.writerows(rows)
            responses.writerows(events)
            n_responses += len(events)
            if (written + len(rows)) // PROGRESS_EVERY > written // PROGRESS_EVERY:
                logger.info("sample: %s of %s reports written", written + len(rows), cases)
            written += len(rows)
    areas = write_areas(out / "areas.geojson")
    counts_out = {
        "agencies": len(AGENCY_LIST),
        "complaints": written,
        "responses": n_responses,
        "areas": areas,
    }
    logger.info(
        "sample: %s agencies, %s complaints, %s responses written to %s in %.1f s",
        len(AGENCY_LIST),
        written,
        n_responses,
        out,
        time.perf_counter() - started,
    )
    return counts_out
