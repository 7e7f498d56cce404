"""Page-contexts stage for /data/: the files' bytes, then the page describing them.

The files are made first, one at a time (so that at most one file's text is held
at once), and the page states their real sizes and row counts; both come from
the declarations in ``opendata``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cached_property

import pandas as pd

from . import datafiles, datapackage, opendata, spreadsheets
from . import formatting as fmt
from .browse import slugify
from .contexts import DataColumn, DataFile, DataPage, Link, Recompute
from .scorecards import DEFINITIONS
from .views import SITE_FEED, Views

DATA_PATH = "/data/"
PACKAGE = "datapackage.json"
NO_RESPONSES_NOTICE = (
    "Input tidak memuat data tindak lanjut (tabel responses): tindak_lanjut.csv kosong, dan "
    "kolom waktu tanggapan di kasus.csv serta rapor.csv (tanggapan pertama, tanggapan tepat "
    "waktu, nilai, laporan dialihkan, ditutup tanpa tanggapan) berupa sel kosong, yang "
    "berarti tidak tersedia, bukan nol."
)


def size_text(size: int) -> str:
    """Bytes in Indonesian units: '812 B', '4,1 kB', '1,2 MB'."""
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{fmt.decimal(size / 1000)} kB"
    return f"{fmt.decimal(size / 1_000_000)} MB"


class OpenData:
    """Every file under /data/ for one dataset, and the /data/ page's context."""

    def __init__(self, views: Views, settings: dict) -> None:
        self.views = views
        self.settings = settings
        self.rules = views.rapor.rules
        self.site_url = views.site_url
        self.sizes: dict[str, int] = {}  # file name -> bytes, filled by files()

    @cached_property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Each resource's rows (rapor.csv aside), by resource name."""
        d, rules = self.views.dataset, self.rules
        cases = datafiles.case_rows(d, rules, self.site_url)
        events = datafiles.event_rows(d, self.views.agency_names)
        agencies = datafiles.agency_rows(d, rules, self.site_url)
        return {"kasus": cases, "kasus-json": cases, "tindak_lanjut": events, "instansi": agencies}

    def files(self) -> Iterator[tuple[str, bytes]]:
        """(file name under /data/, its bytes), one file at a time, datapackage.json last.

        Records each file's size for the page, which must be made after.
        """
        for resource in opendata.resources(self.rules):
            if resource.format == "xlsx":
                data = spreadsheets.workbook_bytes(
                    self.table(resource),
                    resource.fields,
                    resource.table,
                    self.views.dataset.as_of,
                )
                self.sizes[resource.path] = len(data)
                yield resource.path, data
                continue
            if resource.name == "rapor":
                text = datafiles.csv_text(self.views.rapor.csv_rows())
            elif resource.format == "json":
                text = datafiles.to_json(self.tables[resource.name], resource.fields)
            else:
                text = datafiles.to_csv(self.tables[resource.name], resource.fields)
            data = text.encode("utf-8")
            del text
            self.sizes[resource.path] = len(data)
            yield resource.path, data
        data = self.package().encode("utf-8")
        self.sizes[PACKAGE] = len(data)
        yield PACKAGE, data

    def package(self) -> str:
        as_of = self.views.dataset.as_of
        region = self.settings["REGION_NAME"]
        name = self.settings.get("SITENAME", "Jendela Aduan")
        homepage = self.site_url + DATA_PATH if self.site_url else ""
        descriptor = datapackage.package(
            self.rules,
            name=slugify(f"{name} {region}"),
            title=f"{name}: laporan warga {region}",
            description=self.settings["SITE_DESCRIPTION"],
            homepage=homepage,
            license=self.settings["DATA_LICENSE"],
            source=self.settings["SOURCE_NAME"],
            created=as_of.isoformat(timespec="seconds") if as_of is not None else "",
            version=f"{as_of.year}.{as_of.month}.{as_of.day}" if as_of is not None else "0.0.0",
        )
        if not descriptor["created"]:
            del descriptor["created"]
        return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"

    def table(self, resource: opendata.Resource) -> pd.DataFrame:
        """The rows a file holds; a file with ``same_as`` holds its CSV's."""
        if resource.table == "rapor":
            return self.views.rapor.csv_rows()
        return self.tables[resource.table]

    def rows(self, resource: opendata.Resource) -> int:
        if resource.table == "rapor":
            return len(self.views.dataset.agencies)
        return len(self.tables[resource.table])

    def citation(self) -> str:
        s = self.settings
        as_of = self.views.dataset.as_of
        when = f", data per {fmt.long_date(as_of)}" if as_of is not None else ""
        where = self.site_url + DATA_PATH if self.site_url else DATA_PATH
        return (
            f"{s.get('SITENAME', 'Jendela Aduan')}. Laporan warga dan tanggapan instansi, "
            f"{s['REGION_NAME']} (sumber: {s['SOURCE_NAME']}){when}. {where}. "
            f"Lisensi {s['DATA_LICENSE']['spdx']}."
        )

    def page(self) -> DataPage:
        """The /data/ page; call after files() has been consumed (it states their sizes)."""
        if not self.sizes:
            for _ in self.files():
                pass
        files = []
        for r in opendata.resources(self.rules):
            # kasus.json and the .xlsx files have their CSV's columns: listed once, there.
            columns = tuple(
                DataColumn(f.name, f.type, f.id, f.en, ", ".join(f.enum))
                for f in r.fields
                if not r.same_as
            )
            references = tuple(f"{', '.join(k.fields)} → {_target(k, r)}" for k in r.foreign_keys)
            files.append(
                DataFile(
                    r.path,
                    self.views.url(DATA_PATH + r.path),
                    r.title,
                    r.id,
                    r.en,
                    fmt.number(self.rows(r)),
                    size_text(self.sizes[r.path]),
                    ", ".join(r.primary_key),
                    references,
                    columns,
                    r.same_as,
                )
            )
        labels = {d.column: d.label for d in DEFINITIONS}
        recompute = tuple(
            Recompute(column, labels[column], how, opendata.RECOMPUTE_LABELS[how], formula)
            for column, (how, formula) in opendata.RECOMPUTE.items()
        )
        lic = self.settings["DATA_LICENSE"]
        agencies = self.tables["instansi"]
        formula_like = sum(
            datafiles.formula_cells(self.tables[r.name], r.fields)
            for r in opendata.resources(self.rules)
            if r.name in ("kasus", "tindak_lanjut", "instansi")
        )
        return DataPage(
            DATA_PATH,
            tuple(files),
            self.views.url(DATA_PATH + PACKAGE),
            Link(lic["url"], lic["name"]),
            lic["spdx"],
            self.citation(),
            fmt.date_text(self.views.dataset.as_of, self.views.zone),
            recompute,
            int(agencies["unpublished"].sum()),
            formula_like,
            Link(self.views.url(SITE_FEED), "Kasus selesai (Atom)"),
            "" if self.views.dataset.responses_present else NO_RESPONSES_NOTICE,
        )


def _target(key: opendata.ForeignKey, resource: opendata.Resource) -> str:
    target = key.resource or resource.name
    return f"{target}.csv ({', '.join(key.reference)})"
