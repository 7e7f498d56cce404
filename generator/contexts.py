"""Typed contexts for every page template (Datasette style).

Each template receives exactly one of the ``*Page`` dataclasses below, spread
into template variables, plus ``site``. Every field carries a help text;
``tests/test_contexts.py`` checks that templates use only documented names.
All strings here are plain text: templates autoescape them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # charts imports ``doc`` from here
    from .charts import BarChart, LineChart


_REQUIRED = object()


def doc(text: str, default=_REQUIRED, factory=None):
    """A dataclass field with a help text in its metadata."""
    if factory is not None:
        return field(default_factory=factory, metadata={"help": text})
    if default is not _REQUIRED:
        return field(default=default, metadata={"help": text})
    return field(metadata={"help": text})


@dataclass(frozen=True)
class DateText:
    iso: str = doc("Machine-readable ISO 8601 value for <time datetime>.")
    text: str = doc("The same moment in Indonesian, e.g. '3 Maret 2025 pukul 09.15 WIB'.")
    short: str = doc("Date only, e.g. '3 Mar 2025'.")


@dataclass(frozen=True)
class Link:
    url: str = doc("Root-relative or absolute URL.")
    label: str = doc("Link text.")


@dataclass(frozen=True)
class Figure:
    label: str = doc("What is counted, in Indonesian.")
    value: str = doc("The number, formatted with Indonesian digit grouping.")
    note: str = doc("One sentence saying how it is counted.", default="")
    url: str = doc("Where the methodology page defines it; '' when nowhere.", default="")


@dataclass(frozen=True)
class Deadline:
    """One deadline of a report (first response or closing), judged in words and a badge."""

    label: str = doc("What is measured, e.g. 'Tanggapan pertama instansi'.")
    state: str = doc(
        "tepat, terlambat, tanpa (closed without a recorded answer) or tidak-tersedia (for "
        "styling; the words say the same)."
    )
    taken: str = doc("Working days taken, e.g. '7 hari kerja'; '' when not known.")
    limit: str = doc("The deadline in words, e.g. 'tenggat 5 hari kerja'.")
    verdict: str = doc(
        "'tepat waktu', 'terlambat 2 hari kerja', 'tidak ada tanggapan instansi yang "
        "tercatat' or 'tidak tersedia (…)'."
    )
    filter_value: str = doc(
        "The search filter value 'Tepat waktu' or 'Terlambat'; '' when neither.", default=""
    )


@dataclass(frozen=True)
class CaseSummary:
    tracking_id: str = doc("Tracking ID as in the input.")
    url: str = doc("URL of the case page.")
    title: str = doc("Report title, plain text.")
    type_label: str = doc("Report type in Indonesian (Pengaduan, Aspirasi, Permintaan Informasi).")
    category: str = doc("Category.")
    agency: Link = doc("The agency that handled it.")
    place: str = doc("'Desa, Kecamatan' where known, else ''.")
    submitted: DateText = doc("When the report was filed.")
    closed: DateText | None = doc("When it was closed, if it was.")
    status: str = doc("Status code: belum, proses or selesai (for styling).")
    status_label: str = doc("Status in Indonesian.")
    response: Deadline | None = doc(
        "The first-response deadline judged (badge on lists); None when not shown.", default=None
    )


@dataclass(frozen=True)
class TimelineEvent:
    kind: str = doc(
        "Event kind for styling: masuk, verifikasi, disposisi, tanggapan, tindak_lanjut, "
        "selesai, komentar, ditutup."
    )
    at: DateText = doc("When it happened.")
    actor: str = doc("Who acted: 'Pelapor', 'Admin', or the agency's name.")
    actor_url: str = doc("Agency page URL when the actor is an agency, else ''.", default="")
    action: str = doc("What happened, in Indonesian, e.g. 'Disposisi ke Dinas PUPR'.", default="")
    text: str = doc("Text written with the event, plain text; '' when none.", default="")
    since_previous: str = doc(
        "Elapsed time since the previous step, e.g. '2 hari kerja'.", default=""
    )
    since_submitted: str = doc("Elapsed time since the report was filed.", default="")
    by_agency: bool = doc(
        "True when an agency wrote it: its text is indexed for search (an agency's answer).",
        default=False,
    )


@dataclass(frozen=True)
class Pagination:
    number: int = doc("This page's number, from 1.")
    count: int = doc("Number of pages.")
    previous_url: str = doc("URL of the previous page, '' on the first.", default="")
    next_url: str = doc("URL of the next page, '' on the last.", default="")
    first_item: int = doc("Position of the first item shown, from 1.", default=0)
    last_item: int = doc("Position of the last item shown.", default=0)
    total: int = doc("Number of items over all pages.", default=0)


@dataclass(frozen=True)
class ShareCard:
    """A share card (generator/cards.py) as og:image: only when SITEURL is absolute."""

    url: str = doc("Absolute URL of the 1200×630 PNG.")
    alt: str = doc("What the image says, in one sentence (og:image:alt).")
    width: int = doc("Width in pixels.", default=1200)
    height: int = doc("Height in pixels.", default=630)


@dataclass(frozen=True)
class Site:
    name: str = doc("Site name.")
    url: str = doc("SITEURL without trailing slash; '' for root-relative links.")
    region: str = doc("The region the data covers, e.g. 'Kabupaten Lampung Utara'.")
    description: str = doc("One-sentence description for meta tags.")
    nav: tuple[Link, ...] = doc("Main navigation links.")
    data_as_of: DateText | None = doc(
        "Latest timestamp in the input: when the data was last updated."
    )
    source_name: str = doc("The complaint channel the data comes from.")
    csp: str = doc(
        "Content-Security-Policy of ordinary pages (generator/security.py); a page that "
        "needs more overrides the template block 'csp'.",
        default="",
    )
    feed: Link | None = doc(
        "The site's Atom feed of resolved cases (/feeds/kasus.atom.xml).", default=None
    )
    absolute: bool = doc(
        "True when SITEURL is an absolute http(s) URL: only then are og:url and og:image "
        "written (link previews ignore relative ones).",
        default=False,
    )
    card: ShareCard | None = doc(
        "The site's share card, used by every page without its own; None when not absolute.",
        default=None,
    )
    report_channels: tuple[Link, ...] = doc(
        "Where to report a new problem (REPORT_CHANNELS), for the footer and report boxes.",
        factory=tuple,
    )


@dataclass(frozen=True)
class CaseIndexing:
    """What a case page tells the search index (Pagefind's data-pagefind-* attributes)."""

    year: str = doc("Year the report was filed, e.g. '2025': the 'tahun' filter.")
    year_url: str = doc("URL of that year's browse page.")
    category_url: str = doc("URL of the category's browse page.")
    kecamatan: str = doc("District name, '' when unknown: the 'kecamatan' filter.")
    kecamatan_url: str = doc("URL of the district's browse page, '' when unknown.")
    closed_sort: int = doc("When it was closed, seconds since 1970 (UTC): sorts newest/oldest.")
    response_sort: int | None = doc(
        "Working days to the agency's first answer; for a case closed without one, the "
        "working days to closure (it waited at least that long): sorts 'slowest answer'. "
        "None without a responses table (no sort key, no 'slowest answer' order)."
    )


@dataclass(frozen=True)
class ChangeNote:
    release: str = doc("Short id of the release that last changed the case, e.g. '3f9a0c1b2d4e'.")
    as_of: str = doc("That release's data date in words, e.g. '3 Desember 2026'; '' unknown.")
    url: str = doc("Its entry on /data/perubahan/ (page and anchor).")


@dataclass(frozen=True)
class CasePage:
    template = "case.html"
    path: str = doc("URL of this page.")
    case: CaseSummary = doc("The case's summary fields.")
    body_paragraphs: tuple[str, ...] = doc(
        "The citizen's text split into paragraphs, plain text; "
        "line breaks inside a paragraph are kept by CSS."
    )
    privacy_label: str = doc("'Publik' or 'Anonim'.")
    channel_label: str = doc("The channel in Indonesian, '' when unknown.")
    rating: int | None = doc("Reporter's rating 1-5, or None.")
    response_time: str = doc(
        "Working days to the first agency answer, e.g. '3 hari kerja'; '' if none."
    )
    resolution_time: str = doc("Working days to closure.")
    timeline: tuple[TimelineEvent, ...] = doc(
        "Every event, oldest first, starting with submission."
    )
    indexing: CaseIndexing | None = doc(
        "Filters, sort keys and browse links for search; None renders no search attributes.",
        default=None,
    )
    map_url: str = doc(
        "/peta/ at the case's grid cell (generalised coordinates only); '' without coordinates.",
        default="",
    )
    deadlines: tuple[Deadline, ...] = doc(
        "First response, then closing: working days taken against each deadline.",
        factory=tuple,
    )
    changed: ChangeNote | None = doc(
        "The latest release that changed this case (its entry on /data/perubahan/); None "
        "when no release did.",
        default=None,
    )


@dataclass(frozen=True)
class PatternRow:
    name: str = doc("The category or kecamatan; 'Tanpa keterangan' when unknown.")
    received: str = doc("Reports received, all privacy levels, formatted.")
    received_width: float = doc("Bar length 0-100 for received, relative to the largest row.")
    median_response: str = doc("Median working days to first answer; '–'; 'tidak tersedia'.")
    pct_on_time: str = doc("% of first answers within the deadline; '–'; 'tidak tersedia'.")
    on_time_width: float | None = doc("Bar length 0-100 for % on time; None when no figure.")


@dataclass(frozen=True)
class PatternTable:
    id: str = doc("Anchor and id prefix on the page, e.g. 'per-kategori'.")
    title: str = doc("Caption, e.g. 'Per kategori'.")
    column: str = doc("Header of the first column, e.g. 'Kategori'.")
    rows: tuple[PatternRow, ...] = doc("Most reports first.")
    note: str = doc("How it is counted, one or two sentences.", default="")


@dataclass(frozen=True)
class AgencyLinks:
    """Where a reader finds an agency's late and slowest cases."""

    late_url: str = doc("No-JS list /instansi/<id>/terlambat/: late cases, slowest first.")
    late_count: int = doc("How many published cases of the agency were answered late.")
    search_late_url: str = doc("/cari/ pre-filled: this agency, late answers, slowest first.")
    search_slowest_url: str = doc("/cari/ pre-filled: this agency, slowest first answers.")


@dataclass(frozen=True)
class LatePage:
    template = "late.html"
    path: str = doc("URL of this page: /instansi/<id>/terlambat/ (paginated /page/N/).")
    agency: Link = doc("The agency's page and full name.")
    short_name: str = doc("Its short name, or the full name when none.")
    cases: tuple[CaseSummary, ...] = doc("Published cases answered late, slowest first.")
    pagination: Pagination = doc("Where this page stands among the list's pages.")
    deadline_note: str = doc("The response deadline in words.")
    search_url: str = doc("/cari/ pre-filled with the same list, for filtering further.")


@dataclass(frozen=True)
class AgencySummary:
    agency_id: str = doc("Agency code as in the input.")
    url: str = doc("URL of the agency page.")
    name: str = doc("Full name.")
    short_name: str = doc("Short name, or the full name when none.")
    kind_label: str = doc("Kind in Indonesian.")
    parent: Link | None = doc("Parent agency, if any.")
    received: int = doc("Reports received, all privacy levels and statuses.")
    resolved: int = doc("Reports closed (status selesai).")
    open: int = doc("Reports not yet closed.")
    published: int = doc("Cases with a public page.")


@dataclass(frozen=True)
class Scorecard:
    agency: Link = doc("The agency's page and full name.")
    short_name: str = doc("Short name, or the full name when none.")
    period: str = doc("'Semua periode' or the year, e.g. '2025'.")
    grade: str = doc("hijau, kuning or merah; '' when there is not enough data (for styling).")
    grade_label: str = doc("The grade in words: 'Hijau', 'Kuning', 'Merah', 'Data belum cukup'.")
    rank: int | None = doc("Rank among the period's graded agencies; None when not ranked.")
    ranked_of: int = doc("How many agencies are ranked in the period.")
    received: int = doc("Reports received in the period, all privacy levels and statuses.")
    open: int = doc("Of those, not yet closed.")
    overdue: int = doc("Open and past the response deadline on the data's date.")
    pct_response: str = doc("% of first responses within the deadline, e.g. '81,0%'; '–'.")
    median_response: str = doc("Median working days to first response, e.g. '3 hari kerja'; '–'.")
    pct_resolved: str = doc("% closed within the resolution deadline; '–' when none is due.")
    figures: tuple[Figure, ...] = doc(
        "Every scorecard figure, labelled and defined as on the methodology page."
    )
    unavailable: str = doc(
        "Why response-based figures, grade and rank are not available (the input holds no "
        "agency events for it, or no responses table), in one sentence; '' when they are.",
        default="",
    )


@dataclass(frozen=True)
class GradeRule:
    grade: str = doc("hijau, kuning, merah or '' (for styling).")
    label: str = doc("The grade in words.")
    rule: str = doc("When an agency gets it, e.g. 'paling sedikit 80% tanggapan tepat waktu'.")


@dataclass(frozen=True)
class AgencyPage:
    template = "agency.html"
    path: str = doc("URL of this page.")
    agency: AgencySummary = doc("The agency and its counts.")
    cases: tuple[CaseSummary, ...] = doc("This page's published cases, newest closed first.")
    pagination: Pagination = doc("Where this page stands among the agency's pages.")
    scorecard: Scorecard = doc("The agency's scorecard over the whole period.")
    years: tuple[Scorecard, ...] = doc("The agency's scorecard for each year, oldest first.")
    monthly_chart: LineChart = doc("Reports received and resolved per month.")
    response_chart: BarChart | None = doc(
        "How many working days first responses took; None when not available "
        "(scorecard.unavailable says why)."
    )
    deadline_note: str = doc("The response deadline in words, e.g. 'Tenggat: 5 hari kerja'.")
    children: tuple[Link, ...] = doc("Agencies whose parent is this agency.", factory=tuple)
    map_url: str = doc("/peta/ showing only this agency's cases; '' when none has a place.", "")
    feed: Link | None = doc("This agency's Atom feed of resolved cases.", default=None)
    card: ShareCard | None = doc(
        "The agency's share card (og:image); None when SITEURL is not absolute.", default=None
    )
    trend_note: str = doc(
        "Which period the trend chart counts by and why, e.g. 'per kuartal: rata-rata …'.",
        default="",
    )
    patterns: tuple[PatternTable, ...] = doc(
        "Figures by category and by kecamatan (first page only).", factory=tuple
    )
    links: AgencyLinks | None = doc("Links to its late and slowest cases.", default=None)


@dataclass(frozen=True)
class RaporPage:
    template = "rapor.html"
    path: str = doc("URL of this page: /rapor/ or /rapor/<yyyy>/.")
    period: str = doc("'Semua periode' or the year.")
    periods: tuple[Link, ...] = doc("Every period's rapor page, 'Semua periode' first.")
    ranked: tuple[Scorecard, ...] = doc("Agencies with enough reports, best first.")
    unranked: tuple[Scorecard, ...] = doc("Agencies with too few reports (not none), by name.")
    without_reports: tuple[Link, ...] = doc("Agencies with no report in the period, by name.")
    grades: tuple[GradeRule, ...] = doc("What each traffic light means.")
    rank_min_reports: int = doc("Reports an agency needs in the period to be ranked.")
    deadline_note: str = doc("The deadlines in words.")
    figures: tuple[Figure, ...] = doc("The period's figures over all agencies.")
    csv_url: str = doc("URL of /data/rapor.csv (all periods).")
    unavailable: tuple[Scorecard, ...] = doc(
        "Agencies with reports whose response figures are not available (no agency event "
        "in the input), by name.",
        factory=tuple,
    )
    notice: str = doc(
        "Why no agency is graded when the input has no responses table; '' otherwise.",
        default="",
    )
    card: ShareCard | None = doc(
        "The rapor share card (og:image) on /rapor/; None on a year's page or when SITEURL is "
        "not absolute (then the site's card or none).",
        default=None,
    )
    categories: PatternTable | None = doc(
        "The period's figures by category across agencies.", default=None
    )


@dataclass(frozen=True)
class Holiday:
    date: str = doc("The day in Indonesian, e.g. 'Senin, 31 Maret 2025'.")
    iso: str = doc("The day as YYYY-MM-DD.")
    name: str = doc("Its name, e.g. 'Hari Raya Idul Fitri' or 'Cuti Bersama …'.")


@dataclass(frozen=True)
class WorkdayExample:
    start: str = doc("When a report came in, in Indonesian.")
    end: str = doc("When it was answered.")
    workdays: str = doc("The working days between them by the site's rule.")
    why: str = doc("Which days were not counted, and why.")


@dataclass(frozen=True)
class Definition:
    column: str = doc("Column name in /data/rapor.csv; also this definition's anchor.")
    label: str = doc("Label on the pages.")
    unit: str = doc("Unit, e.g. 'hari kerja', '%'; '' when none.")
    text: str = doc("How it is computed, in Indonesian, with the site's deadlines filled in.")


@dataclass(frozen=True)
class Source:
    label: str = doc("What it sets, e.g. 'Tenggat tanggapan: 5 hari kerja'.")
    citation: str = doc("The source, as a journalist would cite it.")
    url: str = doc("Where to read it; '' when offline only.", default="")


@dataclass(frozen=True)
class MethodologyPage:
    template = "methodology.html"
    path: str = doc("URL of this page.")
    definitions: tuple[Definition, ...] = doc("Every scorecard figure, as in rapor.csv.")
    deadlines: tuple[Source, ...] = doc("The deadlines used and where they come from.")
    grades: tuple[GradeRule, ...] = doc("What each traffic light means.")
    rank_min_reports: int = doc("Reports an agency needs in a period to be ranked.")
    holiday_source: str = doc("Where the holiday list comes from.")
    holidays: tuple[Holiday, ...] = doc("Every holiday in the data's years, weekends included.")
    answer_actions: tuple[str, ...] = doc("Agency actions that count as a response, in words.")
    examples: tuple[WorkdayExample, ...] = doc("Working days counted on real dates.")
    as_of: str = doc("The date figures are computed as of, in Indonesian.")
    zone: str = doc("Time zone abbreviation dates are read in, e.g. 'WIB'.")
    counts: tuple[Figure, ...] = doc("How many input rows were published, counted or rejected.")
    missing_note: str = doc(
        "Which response-based figures this input cannot give, and why; '' when all exist.",
        default="",
    )
    holiday_kind: str = doc(
        "The non-working holidays in words, by HOLIDAYS_COUNTRY.",
        default="libur nasional dan cuti bersama",
    )


@dataclass(frozen=True)
class AgencyIndexPage:
    template = "agencies.html"
    path: str = doc("URL of this page.")
    agencies: tuple[AgencySummary, ...] = doc("Every agency, by short name.")


@dataclass(frozen=True)
class HomePage:
    template = "home.html"
    path: str = doc("URL of this page.")
    figures: tuple[Figure, ...] = doc("Headline figures over all reports.")
    monthly_chart: LineChart = doc("Reports received and resolved per month, all agencies.")
    grade_counts: tuple[Figure, ...] = doc("How many agencies have each grade (all periods).")
    latest: tuple[CaseSummary, ...] = doc("Latest resolved published cases, newest first.")
    period: str = doc("The period the data covers, e.g. 'Januari 2023 – Desember 2025'.")
    red_agencies: tuple[Link, ...] = doc(
        "Agencies graded merah over all periods, by the name the rapor shows.", factory=tuple
    )


@dataclass(frozen=True)
class BrowseEntry:
    link: Link = doc("The browse page and the name it lists, e.g. a category.")
    count: int = doc("Published cases on it.")


@dataclass(frozen=True)
class BrowseIndexPage:
    template = "browse_index.html"
    path: str = doc("URL of this page: /kategori/, /kecamatan/ or /tahun/.")
    title: str = doc("Heading, e.g. 'Kasus per kategori'.")
    intro: str = doc("One sentence on what is listed.")
    entries: tuple[BrowseEntry, ...] = doc("Every browse page of this kind, with its count.")
    note: str = doc("A remark, e.g. how many cases have no district; '' when none.", default="")
    others: tuple[Link, ...] = doc("The other ways to browse.", factory=tuple)


@dataclass(frozen=True)
class BrowsePage:
    template = "browse.html"
    path: str = doc("URL of this page, e.g. /kategori/infrastruktur/page/2/.")
    kind: Link = doc("The index page of this kind of list, e.g. /kategori/ 'Kategori'.")
    name: str = doc("What the cases share, e.g. 'Infrastruktur', a district or a year.")
    heading: str = doc("The page's heading, e.g. 'Kategori: Infrastruktur'.")
    cases: tuple[CaseSummary, ...] = doc("This page's published cases, newest closed first.")
    pagination: Pagination = doc("Where this page stands among the list's pages.")
    search_url: str = doc("URL of /cari/ to narrow the list further.")


@dataclass(frozen=True)
class SearchOption:
    value: str = doc("The filter value exactly as indexed.")
    label: str = doc("What the list shows, e.g. an agency's short name.")


@dataclass(frozen=True)
class SearchFilter:
    name: str = doc(
        "Filter name in the index: instansi, kategori, jenis, kecamatan, tahun, ketepatan."
    )
    label: str = doc("Label in Indonesian.")
    options: tuple[SearchOption, ...] = doc("Every value published cases carry, sorted.")


@dataclass(frozen=True)
class SearchPage:
    template = "search.html"
    path: str = doc("URL of this page: /cari/.")
    csp: str = doc("This page's Content-Security-Policy: the site's plus WebAssembly (Pagefind).")
    bundle_url: str = doc("URL of the Pagefind bundle folder, with a trailing slash.")
    filters: tuple[SearchFilter, ...] = doc("The filters, as select lists.")
    sorts: tuple[SearchOption, ...] = doc(
        "Sort orders: value is '' (relevance) or 'key:asc|desc' for Pagefind's sort."
    )
    browse: tuple[Link, ...] = doc("Browse pages that work without JavaScript.")
    cases: int = doc("How many published cases are searchable.")


@dataclass(frozen=True)
class AreaRow:
    name: str = doc("Kecamatan name (or its code when the data gives no name).")
    code: str = doc("Kemendagri code; '' when not known.")
    received: int = doc("Reports from the area, every privacy level and status (aggregate).")
    published: int = doc("Of those, published cases (readable on this site).")
    median_response: str = doc(
        "Median working days to first response, '3 hari kerja'; '–'; 'tidak tersedia' "
        "without a responses table."
    )
    agency: Link | None = doc("The agency with most published cases there, where they are read.")


@dataclass(frozen=True)
class LegendItem:
    colour: str = doc("Fill colour of the class, '#rrggbb' (an SVG fill attribute, not CSS).")
    label: str = doc("The values the class holds, e.g. '5–12 laporan'.")


@dataclass(frozen=True)
class MapPage:
    template = "map.html"
    path: str = doc("URL of this page.")
    csp: str = doc("This page's Content-Security-Policy: the site's plus the tile origin.")
    map_id: str = doc("id of the map's element, the one folium's script draws into.")
    scripts: tuple[str, ...] = doc("Script URLs in load order: Leaflet, plugins, ours, folium's.")
    stylesheets: tuple[str, ...] = doc("Stylesheet URLs: Leaflet's, the plugin's, ours.")
    bounds: str = doc("[[south, west], [north, east]] the map opens on, as JSON text.")
    points_url: str = doc("URL of the cells' JSON (generalised coordinates, case indices).")
    cases_url: str = doc(
        "URL of the folder of case chunks, <n>.json (ID, title, date, kecamatan per case); a "
        "popup reads only its cell's chunk."
    )
    grid: str = doc("The grid cell size in words, e.g. '500 m'.")
    points: int = doc("Published cases drawn on the map (those with coordinates).")
    cells: int = doc("Grid cells holding them.")
    unplaced: int = doc("Published cases without coordinates (not drawn).")
    areas: tuple[AreaRow, ...] = doc("Every kecamatan with its figures, by name.")
    unassigned: int = doc("Reports not matched to any listed kecamatan.")
    polygons: bool = doc("True when the input has areas.geojson (choropleth layers drawn).")
    legend_received: tuple[LegendItem, ...] = doc("Classes of the reports layer.")
    legend_median: tuple[LegendItem, ...] = doc(
        "Classes of the median-response layer; () when there is no such layer."
    )
    response_note: str = doc(
        "Why median response times are not available (no responses table); '' when they are.",
        default="",
    )


@dataclass(frozen=True)
class DataColumn:
    name: str = doc("Column name, as in the file's header.")
    type: str = doc("Table Schema type: string, integer, number, boolean, datetime.")
    description: str = doc("What it holds, in Indonesian.")
    description_en: str = doc("The same in English.")
    values: str = doc("The allowed values, comma-separated; '' when any.", default="")


@dataclass(frozen=True)
class DataFile:
    name: str = doc("File name, e.g. 'kasus.csv'.")
    url: str = doc("Where to download it.")
    title: str = doc("Short title.")
    description: str = doc("What one row is, in Indonesian.")
    description_en: str = doc("The same in English.")
    rows: str = doc("Number of rows, formatted.")
    size: str = doc("File size, e.g. '1,2 MB'.")
    key: str = doc("The column(s) that identify a row.")
    references: tuple[str, ...] = doc("Foreign keys in words, e.g. 'agency_id → instansi.csv'.")
    columns: tuple[DataColumn, ...] = doc(
        "The data dictionary: every column, in file order; () for a file that repeats a "
        "CSV's columns (kasus.json, the .xlsx files)."
    )
    same_as: str = doc("The CSV whose columns this file repeats, e.g. 'kasus.csv'; ''.", "")


@dataclass(frozen=True)
class Recompute:
    column: str = doc("rapor.csv column.")
    label: str = doc("The figure's label on the pages.")
    how: str = doc("exact, published or rapor (for styling).")
    how_label: str = doc("Whether it can be recomputed from the files, in words.")
    formula: str = doc("How, in terms of the files' columns.")


@dataclass(frozen=True)
class DataPage:
    template = "data.html"
    path: str = doc("URL of this page.")
    files: tuple[DataFile, ...] = doc("Every downloadable file, datapackage.json excluded.")
    package_url: str = doc("URL of /data/datapackage.json.")
    license: Link = doc("The data licence: URL of its text and its name.")
    license_id: str = doc("SPDX identifier of the licence, e.g. 'CC-BY-4.0'.")
    citation: str = doc("Suggested citation, plain text.")
    as_of: DateText | None = doc("The data's date: when it was last updated.")
    recompute: tuple[Recompute, ...] = doc("Each scorecard figure: recomputable from the files?")
    unpublished: int = doc("Reports counted in the scorecards but not in kasus.csv.")
    formula_cells: int = doc("Text cells in the CSV files that start with =, +, -, @ or a tab.")
    feed: Link = doc("The site's Atom feed.")
    notice: str = doc(
        "Why the response columns are empty (no responses table in the input); '' otherwise.",
        default="",
    )


@dataclass(frozen=True)
class ChangeItem:
    kind: str = doc(
        "rilis_pertama, ditambahkan, diubah, ditarik or angka (perubahan.csv's change; styling)."
    )
    anchor: str = doc("id of this item (the first item of a case in a release); '' for none.")
    text: str = doc("What happened, in words, e.g. 'Kasus baru' or '3 kasus ditarik'.")
    case: Link | None = doc("The case's page, or None (withdrawn cases are never named).")
    agency: Link | None = doc("The agency whose figure moved, for kind 'angka'; else None.")
    field: str = doc("The field that changed, in words, e.g. 'tanggapan instansi'; '' none.")
    old: str = doc("Old value (answers, status, dates, agency, figures); '' when not listed.")
    new: str = doc("New value; '' when not listed or removed.")


@dataclass(frozen=True)
class ReleaseEntry:
    anchor: str = doc("id of the release's heading, 'rilis-<short id>'.")
    release: str = doc("The release's short id.")
    release_id: str = doc("The release's full id (SHA-256).")
    as_of: str = doc("The release's data date in words; '' unknown.")
    summary: str = doc("Counts in one sentence, e.g. '2 kasus baru, 1 kasus diubah'.")
    continued: bool = doc("True when the entry began on the previous page.")
    items: tuple[ChangeItem, ...] = doc("The entry's changes shown on this page.")


@dataclass(frozen=True)
class ChangesPage:
    template = "changes.html"
    path: str = doc("URL of this page.")
    release: str = doc("This release's short id.")
    release_id: str = doc("This release's full id (SHA-256 of its published data).")
    as_of: DateText | None = doc("This release's data date.")
    status: str = doc(
        "This release against the previous one, one sentence: 'Rilis pertama …', "
        "'Tidak ada perubahan …' or the counts."
    )
    entries: tuple[ReleaseEntry, ...] = doc("History entries on this page, newest first.")
    pagination: Pagination = doc("Position in the paginated history.")
    csv_url: str = doc("URL of /data/perubahan.csv.")
    feed_url: str = doc("URL of /feeds/perubahan.atom.xml.")
    release_url: str = doc("URL of /data/rilis.json.")
    sums_url: str = doc("URL of /data/rilis.sha256.")


def template_variables(page) -> dict:
    """The page's fields as template variables (shallow: no copying)."""
    return {f.name: getattr(page, f.name) for f in fields(page)}


PAGE_TYPES = (
    CasePage,
    AgencyPage,
    AgencyIndexPage,
    HomePage,
    RaporPage,
    MethodologyPage,
    BrowsePage,
    BrowseIndexPage,
    LatePage,
    SearchPage,
    MapPage,
    DataPage,
    ChangesPage,
)
