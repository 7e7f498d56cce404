"""Small input folders built in code, one function per shape of input.

``write_input`` writes any tables given as lists of dicts (CSV by default);
``base_tables`` is a tiny, valid input that tests copy and break.
"""

from __future__ import annotations

import copy
import csv
import json
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
