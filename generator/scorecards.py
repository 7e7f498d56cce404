"""Metrics stage, per agency: the scorecards (rapor), defined once.

Every figure is a pure function of the reports (DataFrame in, DataFrame out).
``DEFINITIONS`` names each column of ``/data/rapor.csv`` with its label and
its definition in Indonesian; the methodology page and the data dictionary
are rendered from it, so the text and the arithmetic cannot drift apart.

Reports of every privacy level and status count here (CONTRACT §1.5): open
reports count as overdue once their deadline has passed, so that an agency
cannot look fast by leaving reports unanswered.

Response-based figures need evidence (CONTRACT §1.3): without the responses
table, or for an agency on whose reports the table holds no agency event at
all, they do not exist (empty, shown as "tidak tersedia"), never zero or late.
A closed report without any recorded agency answer is left out of them and
counted on its own (``closed_without_response``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

GRADES = ("hijau", "kuning", "merah")

# Why an agency's response-based figures do not exist (scorecards' response_missing).
NO_RESPONSES_TABLE = "no_responses_table"  # the input has no responses table
NO_AGENCY_EVENTS = "no_agency_events"  # the table holds no agency event on its reports
# Figures that exist only when the responses table holds the agency's events.
RESPONSE_FIGURES = (
    "median_response_workdays",
    "p90_response_workdays",
    "pct_response_within_sla",
    "grade",
)
# Figures that exist only when the input has a responses table at all.
TABLE_FIGURES = ("closed_without_response", "rerouted")


@dataclass(frozen=True)
class Rules:
    """The deadlines and thresholds a scorecard is measured against (settings)."""

    response_workdays: int  # SLA_RESPONSE_WORKDAYS
    resolution_workdays: int  # SLA_RESOLUTION_WORKDAYS
    rank_min_reports: int  # RANK_MIN_REPORTS
    green_min_pct: float  # GRADE_THRESHOLDS[0]
    yellow_min_pct: float  # GRADE_THRESHOLDS[1]


@dataclass(frozen=True)
class Definition:
    """One scorecard column: its CSV name, Indonesian label and definition."""

    column: str
    label: str
    text: str  # may use {response}, {resolution}, {rank_min}, {green}, {yellow}
    unit: str = ""
    kind: str = "integer"  # its Table Schema type in /data/datapackage.json
    en: str = ""  # the definition in English (data dictionary), same placeholders

    def explain(self, rules: Rules) -> str:
        return self.text.format(
            response=rules.response_workdays,
            resolution=rules.resolution_workdays,
            rank_min=rules.rank_min_reports,
            green=_pct_text(rules.green_min_pct),
            yellow=_pct_text(rules.yellow_min_pct),
        )

    def explain_en(self, rules: Rules) -> str:
        return self.en.format(
            response=rules.response_workdays,
            resolution=rules.resolution_workdays,
            rank_min=rules.rank_min_reports,
            green=f"{rules.green_min_pct:g}",
            yellow=f"{rules.yellow_min_pct:g}",
        )


def _pct_text(value: float) -> str:
    return (f"{value:g}").replace(".", ",")


DEFINITIONS: tuple[Definition, ...] = (
    Definition(
        "agency_id",
        "Kode instansi",
        "Kode tetap instansi, sama dengan alamat halamannya.",
        kind="string",
        en="Stable agency code, as in the address of its page.",
    ),
    Definition("name", "Nama instansi", "Nama lengkap instansi.", kind="string", en="Full name."),
    Definition(
        "received",
        "Laporan diterima",
        "Semua laporan yang akhirnya ditangani instansi ini, apa pun status dan tingkat "
        "kerahasiaannya (termasuk laporan rahasia dan yang belum selesai).",
        "laporan",
        en="Every report the agency finally handled, whatever its status and privacy level "
        "(confidential and open reports included).",
    ),
    Definition(
        "resolved",
        "Selesai",
        "Laporan berstatus selesai (ditutup).",
        "laporan",
        en="Reports with status selesai (closed).",
    ),
    Definition(
        "open",
        "Belum selesai",
        "Laporan berstatus belum ditindaklanjuti atau dalam proses: diterima dikurangi selesai.",
        "laporan",
        en="Reports not yet followed up or in progress: received minus resolved.",
    ),
    Definition(
        "overdue",
        "Lewat tenggat",
        "Laporan yang belum selesai dan, pada tanggal data, sudah lebih dari {response} hari "
        "kerja sejak masuk (tenggat tanggapan sudah lewat), termasuk yang sudah ditanggapi "
        "tetapi belum ditutup.",
        "laporan",
        en="Open reports more than {response} working days old on the data's date (past the "
        "response deadline), answered but unclosed ones included.",
    ),
    Definition(
        "median_response_workdays",
        "Median waktu tanggapan",
        "Median hari kerja dari laporan masuk sampai tanggapan pertama instansi, atas laporan "
        "yang sudah ditanggapi. Median biasa: nilai tengah, atau rata-rata dua nilai tengah "
        "bila jumlahnya genap.",
        "hari kerja",
        kind="number",
        en="Median working days from submission to the agency's first response, over answered "
        "reports (the mean of the two middle values when their number is even).",
    ),
    Definition(
        "p90_response_workdays",
        "Persentil ke-90 waktu tanggapan",
        "Sembilan dari sepuluh laporan yang sudah ditanggapi mendapat tanggapan pertama dalam "
        "waktu ini atau lebih cepat: nilai ke-⌈0,9 × n⌉ setelah diurutkan dari yang tercepat "
        "(metode peringkat terdekat, selalu nilai yang benar-benar terjadi).",
        "hari kerja",
        en="Nine in ten answered reports got their first response within this many working "
        "days: the ⌈0.9 × n⌉-th value from the fastest (nearest-rank method).",
    ),
    Definition(
        "pct_response_within_sla",
        "Tanggapan tepat waktu",
        "Persentase laporan yang ditanggapi dalam {response} hari kerja, dari semua laporan "
        "yang tenggat tanggapannya sudah tiba: yang sudah ditanggapi, ditambah yang belum "
        "selesai dan belum ditanggapi padahal sudah lebih dari {response} hari kerja. Laporan "
        "yang belum ditanggapi dan tenggatnya belum lewat tidak dihitung, begitu pula laporan "
        "yang ditutup tanpa tanggapan instansi tercatat (lihat di bawah). Kosong (tidak "
        "tersedia) bila data tidak memuat tindak lanjut instansi ini.",
        "%",
        kind="number",
        en="Percentage answered within {response} working days, of the reports whose response "
        "deadline has come: answered ones plus open unanswered ones older than {response} "
        "working days. Reports closed without a recorded agency answer are left out. Empty "
        "(not available) when the input holds no agency event for the agency.",
    ),
    Definition(
        "closed_without_response",
        "Ditutup tanpa tanggapan instansi tercatat",
        "Laporan yang sudah selesai tetapi tidak punya satu pun tanggapan, tindak lanjut atau "
        "penutupan dari instansi dalam data tindak lanjut (misalnya ditutup oleh admin, atau "
        "peristiwanya tidak ikut diekspor). Laporan ini tidak dihitung tepat waktu maupun "
        "terlambat dan tidak masuk median waktu tanggapan. Kosong bila input tidak memuat "
        "tabel tindak lanjut.",
        "laporan",
        kind="integer",
        en="Closed reports without any agency answer (tanggapan, tindak_lanjut or selesai by "
        "an agency) in the responses table, e.g. closed by the admin or not exported; left "
        "out of the response-time figures, neither on time nor late. Empty when the input "
        "has no responses table.",
    ),
    Definition(
        "median_resolution_workdays",
        "Median waktu penyelesaian",
        "Median hari kerja dari laporan masuk sampai laporan ditutup, atas laporan yang selesai.",
        "hari kerja",
        kind="number",
        en="Median working days from submission to closing, over resolved reports.",
    ),
    Definition(
        "pct_resolved_within_sla",
        "Selesai tepat waktu",
        "Persentase laporan yang ditutup dalam {resolution} hari kerja, dari laporan yang "
        "selesai ditambah laporan yang belum selesai padahal sudah lebih dari {resolution} "
        "hari kerja.",
        "%",
        kind="number",
        en="Percentage closed within {resolution} working days, of resolved reports plus open "
        "ones older than {resolution} working days.",
    ),
    Definition(
        "rating_mean",
        "Rata-rata penilaian pelapor",
        "Rata-rata nilai kepuasan (1–5) yang diberikan pelapor, satu angka desimal.",
        "dari 5",
        kind="number",
        en="Mean satisfaction rating (1-5) given by reporters, one decimal.",
    ),
    Definition(
        "rating_count",
        "Jumlah penilaian",
        "Laporan yang diberi nilai oleh pelapor.",
        en="Reports rated by their reporter.",
    ),
    Definition(
        "rerouted",
        "Dialihkan dari instansi lain",
        "Laporan yang sampai ke instansi ini hanya setelah lebih dulu didisposisikan ke "
        "instansi lain. Kosong bila input tidak memuat tabel tindak lanjut.",
        "laporan",
        en="Reports that reached this agency only after being dispatched to another one first; "
        "empty when the input has no responses table.",
    ),
    Definition(
        "grade",
        "Nilai rapor",
        "Lampu dari persentase tanggapan tepat waktu seperti yang ditampilkan (satu desimal): "
        "hijau bila paling sedikit {green}%, "
        "kuning bila paling sedikit {yellow}%, merah bila di bawahnya. Kosong (data belum "
        "cukup) bila instansi menerima kurang dari {rank_min} laporan dalam periode itu; "
        "kosong juga (tidak tersedia) bila data tidak memuat tindak lanjut instansi ini.",
        kind="string",
        en="Traffic light from pct_response_within_sla as shown (one decimal): hijau (green) "
        "at least {green}%, kuning (yellow) at least {yellow}%, merah (red) below; empty when "
        "the agency received fewer than {rank_min} reports in the period, or when the input "
        "holds no agency event for it (not available).",
    ),
)

COLUMNS: tuple[str, ...] = tuple(d.column for d in DEFINITIONS)
FIGURES = COLUMNS[2:]  # what ``scorecards`` computes (agency_id and name come from agencies)


def half_up(numerator: pd.Series, denominator: pd.Series, scale: int) -> pd.Series:
    """numerator / denominator × scale to one decimal, halves rounded up; NA where 0/0.

    Computed in integers, so 49/400 gives 12.3 % as it does by hand, not the
    12.2 binary floating point would round to.
    """
    num = numerator.astype("int64")
    den = denominator.astype("int64")
    safe = den.where(den > 0, 1)
    tenths = (2 * 10 * scale * num + safe) // (2 * safe)
    return (tenths / 10).where(den > 0).astype("Float64")


def nearest_rank(values: pd.Series, share_num: int = 9, share_den: int = 10) -> float | None:
    """The ⌈share × n⌉-th smallest value (nearest-rank percentile); None when empty."""
    ordered = np.sort(values.dropna().to_numpy(dtype="float64"))
    if not len(ordered):
        return None
    rank = -(-share_num * len(ordered) // share_den)  # ceiling, in integers
    return float(ordered[max(rank, 1) - 1])


def case_flags(complaints: pd.DataFrame, rules: Rules) -> pd.DataFrame:
    """Per report: whether it is resolved, overdue, and due/in time for each deadline.

    Needs the columns status, response_workdays, resolution_workdays,
    workdays_as_of (working days from submission to AS_OF) and response_known
    (the input holds the events the report's response is judged on). A report
    without that evidence, or closed without any recorded agency answer
    (``closed_unanswered``), is never due for the response deadline: it is
    neither on time nor late.
    """
    resolved = complaints["status"] == "selesai"
    waited = complaints["workdays_as_of"].astype("float64")
    response = complaints["response_workdays"].astype("float64")
    resolution = complaints["resolution_workdays"].astype("float64")
    known = complaints["response_known"].astype(bool)
    answered = response.notna()
    waiting = ~resolved & ~answered & (waited > rules.response_workdays)
    return pd.DataFrame(
        {
            "resolved": resolved,
            "overdue": ~resolved & (waited > rules.response_workdays),
            "answered": answered,
            "closed_unanswered": resolved & ~answered,
            "response_due": known & (answered | waiting),
            "response_in_time": known & answered & (response <= rules.response_workdays),
            "resolution_due": resolved | (waited > rules.resolution_workdays),
            "resolution_in_time": resolved & (resolution <= rules.resolution_workdays),
        },
        index=complaints.index,
    )


def scorecards(
    agencies: pd.DataFrame, complaints: pd.DataFrame, rules: Rules, *, responses_present: bool
) -> pd.DataFrame:
    """One row per agency (indexed by agency_id, in the agencies' order) with FIGURES.

    ``complaints`` holds the reports of the period (every privacy level and
    status) with agency_id, status, rating, rerouted, response_workdays,
    resolution_workdays, workdays_as_of and response_known. An agency without
    reports gets zero counts and empty figures. Column ``response_missing``
    (not in rapor.csv) says why response-based figures are empty: '' when they
    exist, NO_RESPONSES_TABLE without the responses table (``responses_present``
    false), NO_AGENCY_EVENTS when the table holds no agency event on any of
    the agency's reports.
    """
    flags = case_flags(complaints, rules)
    frame = flags.assign(
        agency_id=complaints["agency_id"],
        rating=complaints["rating"].astype("Float64"),
        rated=complaints["rating"].notna(),
        rerouted=complaints["rerouted"].astype(bool),
        known=complaints["response_known"].astype(bool),
        response=complaints["response_workdays"].astype("Float64"),
        resolution=complaints["resolution_workdays"].astype("Float64"),
    )
    grouped = frame.groupby("agency_id", sort=False)
    sums = grouped[
        [
            "resolved",
            "overdue",
            "response_due",
            "response_in_time",
            "closed_unanswered",
            "resolution_due",
            "resolution_in_time",
            "rated",
            "rerouted",
            "known",
        ]
    ].sum()
    ids = pd.Index(agencies["agency_id"], name="agency_id")
    sums = sums.reindex(ids, fill_value=0).astype("int64")
    received = grouped.size().reindex(ids, fill_value=0).astype("int64")
    rating_total = grouped["rating"].sum().reindex(ids, fill_value=0).fillna(0)
    table = pd.DataFrame(index=ids)
    table["received"] = received
    table["resolved"] = sums["resolved"]
    table["open"] = received - sums["resolved"]
    table["overdue"] = sums["overdue"]
    table["median_response_workdays"] = _median(grouped["response"], ids)
    table["p90_response_workdays"] = (
        grouped["response"].agg(nearest_rank).reindex(ids).astype("Float64")
    )
    table["pct_response_within_sla"] = half_up(sums["response_in_time"], sums["response_due"], 100)
    table["closed_without_response"] = sums["closed_unanswered"].astype("Int64")
    table["median_resolution_workdays"] = _median(grouped["resolution"], ids)
    table["pct_resolved_within_sla"] = half_up(
        sums["resolution_in_time"], sums["resolution_due"], 100
    )
    table["rating_mean"] = half_up(rating_total.round().astype("int64"), sums["rated"], 1)
    table["rating_count"] = sums["rated"]
    table["rerouted"] = sums["rerouted"].astype("Int64")
    table["response_missing"] = response_missing(received, sums["known"], responses_present)
    missing = table["response_missing"] != ""
    for column in RESPONSE_FIGURES[:-1]:
        table[column] = table[column].mask(missing)
    if not responses_present:
        for column in TABLE_FIGURES:
            table[column] = pd.NA
            table[column] = table[column].astype("Int64")
    table["grade"] = grades(table, rules)
    return table


def response_missing(received: pd.Series, known: pd.Series, responses_present: bool) -> pd.Series:
    """Why each agency's response-based figures do not exist; '' where they do."""
    if not responses_present:
        return pd.Series(NO_RESPONSES_TABLE, index=received.index, dtype=object)
    lacking = (received > 0) & (known == 0)
    return pd.Series(np.where(lacking, NO_AGENCY_EVENTS, ""), index=received.index, dtype=object)


def _median(series, ids: pd.Index) -> pd.Series:
    # pandas' median is the ordinary one: the mean of the middle two when n is even.
    return series.median().reindex(ids).astype("Float64")


def grades(table: pd.DataFrame, rules: Rules) -> pd.Series:
    """hijau / kuning / merah from pct_response_within_sla; '' when data is not enough
    or not available (response_missing)."""
    pct = table["pct_response_within_sla"]
    enough = (table["received"] >= rules.rank_min_reports) & pct.notna()
    if "response_missing" in table:
        enough &= table["response_missing"] == ""
    grade = np.select(
        [pct.fillna(-1) >= rules.green_min_pct, pct.fillna(-1) >= rules.yellow_min_pct],
        ["hijau", "kuning"],
        "merah",
    )
    return pd.Series(np.where(enough, grade, ""), index=table.index, dtype=object)


def ranks(table: pd.DataFrame) -> pd.Series:
    """Rank of each graded agency by pct_response_within_sla, highest first; NA if ungraded.

    Equal percentages share a rank (1, 2, 2, 4): the ranking says no more
    than the figure it is made from.
    """
    graded = table["grade"] != ""
    pct = table.loc[graded, "pct_response_within_sla"].astype("float64")
    ranked = pct.rank(method="min", ascending=False).astype("int64")
    return ranked.reindex(table.index).astype("Int64")


def ranking_order(table: pd.DataFrame, names: pd.Series) -> pd.Index:
    """Agency ids in the order /rapor/ lists them.

    Ranked agencies first, by rank, then by median response time and by
    name; agencies without enough data after them, by name.
    """
    unranked = table["grade"] == ""
    median = table["median_response_workdays"].astype("float64").fillna(np.inf)
    key = pd.DataFrame(
        {
            "unranked": unranked,
            "rank": ranks(table).astype("float64").fillna(np.inf),
            "median": median.where(~unranked, 0.0),  # unranked ones: by name only
            "name": names.reindex(table.index).str.casefold(),
            "id": table.index,
        },
        index=table.index,
    )
    return key.sort_values(["unranked", "rank", "median", "name", "id"], kind="stable").index


def month_numbers(moments: pd.Series) -> pd.Series:
    """A local timestamp's month as one integer (year × 12 + month − 1); NA when missing."""
    return (moments.dt.year * 12 + moments.dt.month - 1).astype("Int64")


def monthly(complaints: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """Reports received (by month submitted) and resolved (by month closed) per agency.

    Indexed by (agency_id, month) for every month number first..last, zeros
    included, so every agency's series has the same axis.
    """
    received = complaints.groupby(["agency_id", month_numbers(complaints["submitted_at"])]).size()
    done = complaints[complaints["status"] == "selesai"]
    resolved = done.groupby(["agency_id", month_numbers(done["closed_at"])]).size()
    frame = pd.DataFrame({"received": received, "resolved": resolved}).fillna(0).astype("int64")
    frame.index = frame.index.set_names(["agency_id", "month"])
    agencies = complaints["agency_id"].unique()
    full = pd.MultiIndex.from_product(
        [sorted(agencies), range(first, last + 1)], names=["agency_id", "month"]
    )
    return frame.reindex(full, fill_value=0)


def month_label(number: int) -> str:
    """Month number (see ``month_numbers``) as 'YYYY-MM'."""
    year, month = divmod(int(number), 12)
    return f"{year:04d}-{month + 1:02d}"


def response_bins(deadline: int) -> tuple[tuple[str, float, float, bool], ...]:
    """Bins of first-response working days: (label, low, high, within deadline).

    Each day up to the deadline is its own bin (grouped in pairs when the
    deadline is long), then up to twice and four times the deadline, then more.
    """
    step = 1 if deadline <= 7 else 2
    bins = []
    low = 0
    while low <= deadline:
        high = min(low + step - 1, deadline)
        bins.append((str(low) if high == low else f"{low}–{high}", low, high, True))
        low = high + 1
    for factor in (2, 4):
        high = max(deadline * factor, low)
        bins.append((f"{low}–{high}", low, high, False))
        low = high + 1
    bins.append((f"> {low - 1}", low, np.inf, False))
    return tuple(bins)


def response_distribution(complaints: pd.DataFrame, deadline: int) -> pd.DataFrame:
    """How many reports got their first answer in each bin, plus those never answered.

    Columns label, count, within; then the open reports without any answer yet,
    and, when there are any, the closed reports without a recorded agency answer.
    """
    response = complaints["response_workdays"].astype("float64")
    rows = [
        (label, int(((response >= low) & (response <= high)).sum()), within)
        for label, low, high, within in response_bins(deadline)
    ]
    unanswered = response.isna()
    closed = unanswered & (complaints["status"] == "selesai")
    rows.append(("Belum ditanggapi", int((unanswered & ~closed).sum()), False))
    if closed.any():  # neither on time nor late (case_flags): a bar of their own
        rows.append(("Ditutup tanpa tanggapan", int(closed.sum()), False))
    return pd.DataFrame(rows, columns=["label", "count", "within"])
