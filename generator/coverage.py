"""Check stage, after validation: what the input lacks for some figures (warnings).

Not problems: the input is valid and publishes. But a figure the input holds no
evidence for is shown as "tidak tersedia" (CONTRACT §1.3), and the officer who
runs ``check`` or a build is told why and how to add what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import metrics

RESPONSES_MISSING = "responses_missing"
AGENCY_WITHOUT_EVENTS = "agency_without_events"
CLOSED_WITHOUT_RESPONSE = "closed_without_response"
EXAMPLES = 5  # tracking IDs named in a warning, at most


@dataclass(frozen=True, order=True)
class Notice:
    """One warning: a stable code for scripts and a message in Indonesian."""

    code: str
    message: str

    def as_json(self) -> dict:
        return {"code": self.code, "message": self.message}

    def __str__(self) -> str:
        return f"Peringatan: {self.message}"


def response_notices(
    complaints: pd.DataFrame, responses: pd.DataFrame, files: dict[str, str]
) -> list[Notice]:
    """Warnings about response-based figures, over the kept (not rejected) rows.

    ``files`` names each table's file as loaded; without a 'responses' entry the
    table is absent. Says, in this order: the table is missing; an agency with
    reports but no agency event on any of them; closed reports (of the other
    agencies) without any recorded agency answer.
    """
    if "responses" not in files:
        return [
            Notice(
                RESPONSES_MISSING,
                "tabel tindak lanjut (responses) tidak ada di folder input, jadi waktu "
                "tanggapan, persentase tanggapan tepat waktu, nilai rapor dan peringkat "
                'tidak bisa dihitung: situs menampilkannya sebagai "tidak tersedia". Angka '
                "penyelesaian (selesai, waktu penyelesaian, selesai tepat waktu) tetap "
                "dihitung. Untuk menambahkannya, simpan tindak lanjut setiap laporan sebagai "
                "responses.csv (atau .xlsx/.json) di folder yang sama; kolomnya dijelaskan "
                "di docs/input-format.md.",
            )
        ]
    file = files["responses"]
    known = metrics.response_evidence(complaints, responses, True)
    found = []
    lacking = complaints.loc[~known, "agency_id"].value_counts().sort_index()
    for agency_id, count in lacking.items():
        found.append(
            Notice(
                AGENCY_WITHOUT_EVENTS,
                f"{file}: instansi '{agency_id}' menerima {count} laporan, tetapi tidak ada "
                "satu pun tindak lanjut dari instansi (actor = instansi) pada laporan-laporan "
                'itu: waktu tanggapan dan nilai rapornya ditampilkan sebagai "tidak '
                'tersedia". Periksa apakah ekspor memuat tindak lanjut instansi ini.',
            )
        )
    answered = set(metrics.first_responses(responses).index)
    closed = complaints[
        known & (complaints["status"] == "selesai") & ~complaints["tracking_id"].isin(answered)
    ]
    if len(closed):
        ids = sorted(closed["tracking_id"])
        shown = ", ".join(ids[:EXAMPLES]) + (", …" if len(ids) > EXAMPLES else "")
        found.append(
            Notice(
                CLOSED_WITHOUT_RESPONSE,
                f"{file}: {len(ids)} laporan selesai tanpa tanggapan instansi tercatat (tidak "
                f"ada tanggapan, tindak lanjut atau selesai dari instansi), mis. {shown}. "
                "Laporan ini tidak dihitung tepat waktu maupun terlambat; jumlahnya "
                'ditampilkan per instansi sebagai "Ditutup tanpa tanggapan instansi tercatat".',
            )
        )
    return found
