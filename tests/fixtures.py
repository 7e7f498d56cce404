"""Small input folders built in code, one function per shape of input.

``write_input`` writes any tables given as lists of dicts (CSV by default);
``base_tables`` is a tiny, valid input that tests copy and break.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import json
import re
from pathlib import Path

AGENCIES = [
    {
        "agency_id": "dinas-pupr",
        "name": "Dinas Pekerjaan Umum dan Penataan Ruang",
        "short_name": "Dinas PUPR",
        "kind": "opd",
        "parent_id": "",
    },
    {
        "agency_id": "dinkes",
        "name": "Dinas Kesehatan",
        "short_name": "Dinkes",
        "kind": "opd",
        "parent_id": "",
    },
    {
        "agency_id": "pkm-kotabumi",
        "name": "Puskesmas Kotabumi",
        "short_name": "",
        "kind": "opd",
        "parent_id": "dinkes",
    },
]


def complaint(tracking_id: str, **fields) -> dict:
    row = {
        "tracking_id": tracking_id,
        "type": "pengaduan",
        "title": f"Jalan rusak {tracking_id}",
        "body": "Jalan di dusun kami berlubang sejak tiga minggu.\n\nMohon segera diperbaiki.",
        "category": "Infrastruktur",
        "agency_id": "dinas-pupr",
        "privacy": "publik",
        "channel": "web",
        "status": "selesai",
        "submitted_at": "2025-03-03T09:00:00",
        "closed_at": "2025-03-10T15:00:00",
        "kecamatan": "Kotabumi",
        "desa": "Sindang Sari",
        "area_code": "18.03.02",
        "lat": "-4.8312",
        "lon": "104.8841",
        "rating": "4",
    }
    row.update(fields)
    return row


def event(
    tracking_id: str, at: str, actor: str, action: str, agency_id: str = "", text: str = ""
) -> dict:
    return {
        "tracking_id": tracking_id,
        "at": at,
        "actor": actor,
        "action": action,
        "agency_id": agency_id,
        "text": text,
    }


def base_tables() -> dict[str, list[dict]]:
    """Four reports: two published, one rahasia (counted only), one still open."""
    complaints = [
        complaint("LU-001"),
        complaint("LU-002", privacy="anonim", title="Lampu jalan mati", category="Penerangan"),
        complaint(
            "LU-003",
            privacy="rahasia",
            title="RAHASIA-JUDUL pungutan liar",
            body="RAHASIA-ISI ada pungutan di kantor.",
        ),
        complaint(
            "LU-004",
            status="proses",
            closed_at="",
            rating="",
            agency_id="pkm-kotabumi",
            category="Kesehatan",
        ),
    ]
    responses = [
        event("LU-001", "2025-03-03T10:00:00", "admin", "verifikasi"),
        event("LU-001", "2025-03-03T11:00:00", "admin", "disposisi", "dinas-pupr"),
        event(
            "LU-001",
            "2025-03-05T09:30:00",
            "instansi",
            "tanggapan",
            "dinas-pupr",
            "Tim kami akan meninjau lokasi.",
        ),
        event("LU-001", "2025-03-06T08:00:00", "pelapor", "komentar", "", "Terima kasih."),
        event(
            "LU-001",
            "2025-03-10T15:00:00",
            "instansi",
            "selesai",
            "dinas-pupr",
            "Jalan sudah ditambal.",
        ),
        event(
            "LU-002",
            "2025-03-04T09:00:00",
            "instansi",
            "tanggapan",
            "dinas-pupr",
            "Lampu akan diganti.",
        ),
        event(
            "LU-003",
            "2025-03-04T09:00:00",
            "instansi",
            "tanggapan",
            "dinas-pupr",
            "RAHASIA-JAWAB kami periksa.",
        ),
        event(
            "LU-004",
            "2025-03-05T09:00:00",
            "instansi",
            "tanggapan",
            "pkm-kotabumi",
            "Sedang kami proses.",
        ),
    ]
    return {"agencies": copy.deepcopy(AGENCIES), "complaints": complaints, "responses": responses}


def write_csv(
    path: Path, rows: list[dict], encoding: str = "utf-8", header: list[str] | None = None
) -> Path:
    header = header or list(rows[0]) if rows else header or []
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=header, lineterminator="\n", extrasaction="ignore"
        )
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_input(
    folder: Path, tables: dict[str, list[dict]], fmt: str = "csv", encoding: str = "utf-8"
) -> Path:
    """Write each table as <name>.<fmt>; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        if fmt == "csv":
            write_csv(folder / f"{name}.csv", rows, encoding)
        elif fmt == "json":
            (folder / f"{name}.json").write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
        elif fmt == "xlsx":
            from openpyxl import Workbook

            book = Workbook()
            sheet = book.active
            header = list(rows[0])
            sheet.append(header)
            for row in rows:
                sheet.append([row.get(h, "") for h in header])
            book.save(folder / f"{name}.xlsx")
    return folder


EXCEL_DATETIMES = ("submitted_at", "closed_at", "at")


def excel_indonesia_cell(column: str, value: str) -> str:
    """A cell as Excel under Indonesian regional settings shows and saves it."""
    if value and column in EXCEL_DATETIMES:
        try:
            return dt.datetime.fromisoformat(value).strftime("%d/%m/%Y %H.%M")
        except ValueError:  # already as Excel shows it, or deliberately broken
            return value
    if column in ("lat", "lon") and re.fullmatch(r"-?\d+\.\d+", value):
        return value.replace(".", ",")
    return value


def write_excel_indonesia(
    folder: Path, tables: dict[str, list[dict]], encoding: str = "cp1252"
) -> Path:
    """The tables as Excel saves CSV under Indonesian regional settings: ';' between
    cells, decimal commas, dates as 31/12/2024 08.30, CRLF; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        with (folder / f"{name}.csv").open("w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
            writer.writerow(list(rows[0]))
            for row in rows:
                writer.writerow([excel_indonesia_cell(c, v) for c, v in row.items()])
    return folder


HOSTILE_TITLE = "<img src=x onerror=alert(1)> Jalan amblas"


def shared_geo() -> Path:
    """The real kecamatan boundaries of Lampung Utara (MIT), kept outside the project.

    CI copies /work/shared beside the clone (``../shared/``); on the development
    machine it is /work/shared. Tests read it there; it is never copied in.
    """
    root = Path(__file__).resolve().parent.parent
    for folder in (root.parent / "shared" / "geo", Path("/work/shared/geo")):
        path = folder / "lampung-utara-kecamatan.geojson"
        if path.is_file():
            return path
    raise FileNotFoundError(
        "lampung-utara-kecamatan.geojson not in ../shared/geo or /work/shared/geo"
    )


def map_tables() -> dict[str, list[dict]]:
    """The base input plus cases that exercise the map: one cell holding three
    published cases (one with a hostile title), a rahasia report with a place of
    its own, a published case without coordinates, another agency's case in
    another kecamatan, and one joined to its area by name only."""
    tables = base_tables()
    tables["complaints"] += [
        complaint("LU-010", title=HOSTILE_TITLE, lat="-4.83135", lon="104.88402"),
        complaint(
            "LU-011",
            privacy="rahasia",
            title="RAHASIA-JUDUL di Bukit Kemuning",
            body="RAHASIA-ISI",
            kecamatan="Bukit Kemuning",
            area_code="18.03.01",
            lat="-4.9371",
            lon="104.5523",
        ),
        complaint("LU-012", lat="", lon="", title="Tanpa koordinat"),
        complaint(
            "LU-013",
            agency_id="dinkes",
            category="Kesehatan",
            title="Puskesmas tutup siang",
            kecamatan="Abung Selatan",
            desa="Kalibalangan",
            area_code="18.03.07",
            lat="-4.9012",
            lon="104.9277",
        ),
        complaint(
            "LU-014",
            title="Drainase tersumbat",
            kecamatan="kotabumi UTARA",
            area_code="",
            lat="-4.7534",
            lon="104.8619",
        ),
    ]
    return tables
