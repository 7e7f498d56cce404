"""Page-contexts stage, browsing and search: /kategori/, /kecamatan/, /tahun/ and /cari/.

The browse pages are the way in without JavaScript: every published case is listed
under its category, its district and the year it was filed, newest closed first,
paginated like agency pages. /cari/ gets its filter lists from the same published
rows the search index is built from, so a list never offers a value that finds
nothing. Only published reports (CONTRACT §1.5) are ever listed.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pandas as pd

from . import formatting as fmt
from .contexts import (
    BrowseEntry,
    BrowseIndexPage,
    BrowsePage,
    CaseSummary,
    Link,
    Pagination,
    SearchFilter,
    SearchOption,
    SearchPage,
)
from .security import content_security_policy

logger = logging.getLogger(__name__)

SEARCH_PATH = "/cari/"
BUNDLE_FOLDER = "pagefind"  # where generator/search.py writes the index, under the output
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# Each kind of browse page: its URL segment → (label, heading of its index page).
KINDS = {
    "kategori": ("Kategori", "Kasus per kategori"),
    "kecamatan": ("Kecamatan", "Kasus per kecamatan"),
    "tahun": ("Tahun", "Kasus per tahun laporan masuk"),
}
SORTS = (
    SearchOption("", "Paling sesuai"),
    SearchOption("selesai:desc", "Terbaru selesai"),
    SearchOption("selesai:asc", "Terlama selesai"),
    SearchOption("tanggapan:desc", "Tanggapan pertama paling lama"),
)


def slugify(name: str) -> str:
    """ASCII, lower-case, hyphenated: 'Administrasi Kependudukan' → 'administrasi-kependudukan'.

    Accents are dropped ('Sukamaju Jaya' and 'Sukamâjú Jaya' slug alike); a name
    with no letter or digit at all slugs to 'lainnya'.
    """
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NOT_ALNUM.sub("-", ascii_text.lower()).strip("-") or "lainnya"


def unique_slugs(names: Iterable[str], what: str) -> dict[str, str]:
    """A slug for each name; names that slug alike get -2, -3, … in sorted order.

    The order is the names' own (code points), so the same names always get the
    same slugs. A collision is logged, naming both, since it changes a URL.
    """
    by_slug: dict[str, list[str]] = {}
    for name in sorted(set(names)):
        by_slug.setdefault(slugify(name), []).append(name)
    taken = set(by_slug)
    slugs: dict[str, str] = {}
    for slug, group in sorted(by_slug.items()):
        slugs[group[0]] = slug
        number = 1
        for name in group[1:]:
            number += 1
            while f"{slug}-{number}" in taken:
                number += 1
            taken.add(f"{slug}-{number}")
            slugs[name] = f"{slug}-{number}"
            logger.warning(
                "%s '%s' dan '%s' punya alamat yang sama; '%s' memakai /%s/%s-%d/",
                what,
                group[0],
                name,
                name,
                what.lower(),
                slug,
                number,
            )
    return slugs


def browse_path(kind: str, slug: str = "", page: int = 1) -> str:
    base = f"/{kind}/{slug}/" if slug else f"/{kind}/"
    return base if page == 1 else f"{base}page/{page}/"


def paginate(
    cases: pd.DataFrame, per_page: int, url: Callable[[int], str]
) -> Iterator[tuple[pd.DataFrame, Pagination]]:
    """Each page's rows and its Pagination; one empty page when there are no rows."""
    count = max(1, math.ceil(len(cases) / per_page))
    for number in range(1, count + 1):
        chunk = cases.iloc[(number - 1) * per_page : number * per_page]
        yield (
            chunk,
            Pagination(
                number,
                count,
                url(number - 1) if number > 1 else "",
                url(number + 1) if number < count else "",
                (number - 1) * per_page + 1 if len(chunk) else 0,
                (number - 1) * per_page + len(chunk),
                len(cases),
            ),
        )


@dataclass
class BrowseViews:
    """Browse and search contexts over the published cases (newest closed first)."""

    published: pd.DataFrame  # sorted newest closed first
    agencies: pd.DataFrame
    short_names: pd.Series  # agency_id -> short name, else full name (Dataset.short_names)
    per_page: int
    url: Callable[[str], str]
    summaries: Callable[[pd.DataFrame], tuple[CaseSummary, ...]]
    # Without a responses table there is no answer time to sort by (CONTRACT §1.3).
    responses_present: bool
    # Per tracking_id: 'Tepat waktu', 'Terlambat' or '' (the 'ketepatan' filter); None
    # without a responses table.
    judged: pd.Series | None = None
    slugs: dict[str, dict[str, str]] = field(init=False)

    def __post_init__(self) -> None:
        cases = self.published
        self.years = cases["submitted_at"].dt.year.astype(str)
        self.kecamatan = cases["kecamatan"].fillna("")
        self.slugs = {
            "kategori": unique_slugs(cases["category"], "Kategori"),
            "kecamatan": unique_slugs((k for k in self.kecamatan if k), "Kecamatan"),
            "tahun": {y: y for y in self.years},
        }

    def _groups(self, kind: str) -> dict[str, pd.DataFrame]:
        key = {"kategori": self.published["category"], "kecamatan": self.kecamatan}.get(
            kind, self.years
        )
        groups = dict(tuple(self.published.groupby(key, sort=False)))
        groups.pop("", None)  # no district: listed under none
        return groups

    def link(self, kind: str, name: str) -> Link:
        return Link(self.url(browse_path(kind, self.slugs[kind][name])), name)

    def _others(self, kind: str) -> tuple[Link, ...]:
        return tuple(
            link for link in self.browse_links() if link.url != self.url(browse_path(kind))
        )

    def browse_links(self) -> tuple[Link, ...]:
        """Every way to browse without searching: the three index pages and /instansi/."""
        kinds = (Link(self.url(browse_path(k)), label) for k, (label, _) in KINDS.items())
        return (*kinds, Link(self.url("/instansi/"), "Instansi"))

    def index_pages(self) -> Iterator[BrowseIndexPage]:
        for kind, (_label, title) in KINDS.items():
            groups = self._groups(kind)
            names = sorted(groups, key=lambda n: (n.casefold(), n))
            if kind == "tahun":
                names.reverse()  # newest year first
            entries = tuple(BrowseEntry(self.link(kind, n), len(groups[n])) for n in names)
            note = ""
            if kind == "kecamatan":
                without = int((self.kecamatan == "").sum())
                if without:
                    note = (
                        f"{fmt.number(without)} kasus tanpa keterangan kecamatan tidak tercantum."
                    )
            total = fmt.number(len(self.published))
            intro = f"{total} kasus yang selesai dan terbit, menurut {_label.lower()}."
            yield BrowseIndexPage(
                browse_path(kind), title, intro, entries, note, self._others(kind)
            )

    def pages(self) -> Iterator[BrowsePage]:
        for kind, (label, _title) in KINDS.items():
            kind_link = Link(self.url(browse_path(kind)), label)
            groups = self._groups(kind)
            for name in sorted(groups):
                slug = self.slugs[kind][name]
                heading = f"{label}: {name}" if kind != "tahun" else f"Laporan masuk tahun {name}"
                for chunk, pagination in paginate(
                    groups[name],
                    self.per_page,
                    lambda n, s=slug, k=kind: self.url(browse_path(k, s, n)),
                ):
                    yield BrowsePage(
                        browse_path(kind, slug, pagination.number),
                        kind_link,
                        name,
                        heading,
                        self.summaries(chunk),
                        pagination,
                        self.url(SEARCH_PATH),
                    )

    def search_page(self) -> SearchPage:
        cases = self.published

        def options(values: Iterable[str], labels: dict[str, str] | None = None):
            labels = labels or {}
            chosen = sorted(set(values) - {""}, key=lambda v: (labels.get(v, v).casefold(), v))
            return tuple(SearchOption(v, labels.get(v, v)) for v in chosen)

        # Filtered by full name (short names may repeat), listed by short name.
        ids = sorted(set(cases["agency_id"]))
        full = dict(zip(self.agencies["agency_id"], self.agencies["name"], strict=True))
        # An abbreviation (DPMPTSP) comes with its full name: an <option> cannot hold <abbr>.
        short = {
            full[a]: self.short_names[a]
            if self.short_names[a] == full[a]
            else f"{self.short_names[a]} ({full[a]})"
            for a in ids
        }
        filters = (
            SearchFilter("instansi", "Instansi", options(short, short)),
            SearchFilter("kategori", "Kategori", options(cases["category"])),
            SearchFilter(
                "jenis", "Jenis laporan", options(fmt.TYPE_LABELS[t] for t in cases["type"])
            ),
            SearchFilter("kecamatan", "Kecamatan", options(self.kecamatan)),
            SearchFilter("tahun", "Tahun", tuple(reversed(options(self.years)))),
        )
        if self.judged is not None:
            values = self.judged.reindex(cases["tracking_id"]).fillna("")
            filters += (SearchFilter("ketepatan", "Ketepatan tanggapan", options(values)),)
        return SearchPage(
            SEARCH_PATH,
            content_security_policy(wasm=True),
            self.url(f"/{BUNDLE_FOLDER}/"),
            filters,
            SORTS if self.responses_present else SORTS[:-1],  # no 'slowest answer' to sort
            self.browse_links(),
            len(cases),
        )
