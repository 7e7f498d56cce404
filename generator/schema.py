"""The input tables, declared once (CONTRACT §1).

Validation, the ``docs/input-format.md`` page and the ``check`` command all read
these declarations, so the documentation cannot drift from what is enforced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,40}")
AREA_CODE_PATTERN = re.compile(r"\d{2}(\.\d{2}){1,3}(\.\d{4})?")


@dataclass(frozen=True)
class Column:
    """One column of an input table."""

    name: str
    kind: str  # id | text | enum | datetime | float | int | area_code
    required: bool | str  # True, False, or the condition under which it is required
    help_id: str
    help_en: str
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    unique: bool = False
    references: str | None = None  # "table.column"
    default: str | None = None

    @property
    def always_required(self) -> bool:
        return self.required is True


@dataclass(frozen=True)
class Table:
    """One input table: its name (the file name without extension) and columns."""

    name: str
    required: bool
    help_id: str
    columns: tuple[Column, ...] = field(default_factory=tuple)
    # The file it is read from: a table (CSV/XLSX/JSON) or GeoJSON features' properties.
    kind: str = "table"  # table | geojson

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


AGENCY_KINDS = ("opd", "kecamatan", "bumd", "vertikal", "lainnya")
REPORT_TYPES = ("pengaduan", "aspirasi", "permintaan_informasi")
PRIVACY_LEVELS = ("publik", "anonim", "rahasia")
CHANNELS = ("web", "android", "sms", "media_sosial", "tatap_muka", "lainnya")
STATUSES = ("belum", "proses", "selesai")
ACTORS = ("admin", "instansi", "pelapor")
ACTIONS = ("verifikasi", "disposisi", "tanggapan", "tindak_lanjut", "selesai", "komentar")
# Events that count as an agency's answer (CONTRACT §1.3).
ANSWER_ACTIONS = ("tanggapan", "tindak_lanjut", "selesai")

AGENCIES = Table(
    "agencies",
    required=True,
    help_id="Instansi (OPD, kantor kecamatan, BUMD, instansi vertikal) yang menangani laporan.",
    columns=(
        Column(
            "agency_id",
            "id",
            True,
            "Kode instansi yang tetap; dipakai di alamat halaman.",
            "Stable agency code, used in URLs.",
            unique=True,
        ),
        Column("name", "text", True, "Nama lengkap instansi.", "Full name.", max_length=200),
        Column(
            "short_name",
            "text",
            False,
            'Nama singkat, mis. "Dinas PUPR".',
            "Short name.",
            max_length=80,
        ),
        Column(
            "kind",
            "enum",
            False,
            "Jenis instansi; vertikal = kantor pusat di daerah (Polres, Samsat, BPN).",
            "Kind of agency.",
            choices=AGENCY_KINDS,
            default="opd",
        ),
        Column(
            "parent_id",
            "id",
            False,
            "Instansi induk, mis. Dinas Kesehatan untuk puskesmas.",
            "Parent agency.",
            references="agencies.agency_id",
        ),
    ),
)

COMPLAINTS = Table(
    "complaints",
    required=True,
    help_id="Laporan warga; satu baris per laporan.",
    columns=(
        Column(
            "tracking_id",
            "id",
            True,
            "Nomor pelacakan laporan dari sistem pengaduan.",
            "The complaint system's tracking ID.",
            unique=True,
        ),
        Column("type", "enum", True, "Jenis laporan.", "Report type.", choices=REPORT_TYPES),
        Column("title", "text", True, "Judul laporan.", "Title.", max_length=200),
        Column(
            "body",
            "text",
            True,
            "Isi laporan, teks biasa (tidak pernah dianggap HTML).",
            "The citizen's words, plain text.",
            max_length=20_000,
        ),
        Column(
            "category", "text", True, 'Kategori, mis. "Infrastruktur".', "Category.", max_length=100
        ),
        Column(
            "agency_id",
            "id",
            True,
            "Instansi yang akhirnya menangani laporan.",
            "The agency that finally handled it.",
            references="agencies.agency_id",
        ),
        Column(
            "privacy",
            "enum",
            True,
            "Kerahasiaan: publik, anonim, atau rahasia (tidak pernah diterbitkan).",
            "Privacy level.",
            choices=PRIVACY_LEVELS,
        ),
        Column("channel", "enum", False, "Kanal pelaporan.", "Channel.", choices=CHANNELS),
        Column(
            "status",
            "enum",
            True,
            "Status: belum ditindaklanjuti, proses, atau selesai.",
            "Status.",
            choices=STATUSES,
        ),
        Column("submitted_at", "datetime", True, "Waktu laporan masuk.", "Submission time."),
        Column(
            "closed_at",
            "datetime",
            "jika status = selesai",
            "Waktu laporan ditutup; tidak sebelum submitted_at.",
            "Closing time.",
        ),
        Column("kecamatan", "text", False, "Nama kecamatan.", "District name.", max_length=100),
        Column("desa", "text", False, "Nama desa/kelurahan.", "Village name.", max_length=100),
        Column(
            "area_code",
            "area_code",
            False,
            "Kode wilayah Kemendagri, mis. 18.03.01.",
            "Kemendagri area code.",
        ),
        Column(
            "lat",
            "float",
            "bersama lon",
            "Lintang (WGS84); tidak pernah diterbitkan persis.",
            "Latitude, WGS84.",
        ),
        Column(
            "lon",
            "float",
            "bersama lat",
            "Bujur (WGS84); tidak pernah diterbitkan persis.",
            "Longitude, WGS84.",
        ),
        Column(
            "rating", "int", False, "Kepuasan pelapor atas jawaban, 1–5.", "Reporter's rating, 1-5."
        ),
    ),
)

RESPONSES = Table(
    "responses",
    required=False,
    help_id=(
        "Tindak lanjut: satu baris per peristiwa pada sebuah laporan. Tanpa tabel ini waktu "
        "tanggapan, tanggapan tepat waktu, nilai rapor dan peringkat tidak bisa dihitung dan "
        'ditampilkan sebagai "tidak tersedia" (bukan nol atau terlambat); `check` dan build '
        "memberi peringatan."
    ),
    columns=(
        Column(
            "tracking_id",
            "id",
            True,
            "Laporan yang ditindaklanjuti.",
            "The report.",
            references="complaints.tracking_id",
        ),
        Column(
            "at", "datetime", True, "Waktu peristiwa; tidak sebelum laporan masuk.", "Event time."
        ),
        Column(
            "actor",
            "enum",
            True,
            "Pelaku: admin koordinator, instansi, atau pelapor.",
            "Actor.",
            choices=ACTORS,
        ),
        Column("action", "enum", True, "Jenis peristiwa.", "Action.", choices=ACTIONS),
        Column(
            "agency_id",
            "id",
            "jika actor = instansi, dan untuk disposisi",
            "Instansi pelaku, atau instansi penerima disposisi.",
            "Acting or receiving agency.",
            references="agencies.agency_id",
        ),
        Column(
            "text", "text", False, "Isi tanggapan, teks biasa.", "Text, plain.", max_length=20_000
        ),
    ),
)

TABLES: dict[str, Table] = {t.name: t for t in (AGENCIES, COMPLAINTS, RESPONSES)}

# Polygon geometries allowed for an area.
AREA_GEOMETRIES = ("Polygon", "MultiPolygon")

AREAS = Table(
    "areas",
    required=False,
    help_id=(
        "Batas kecamatan untuk peta (`areas.geojson`): GeoJSON FeatureCollection (RFC 7946, "
        "WGS84, koordinat `[bujur, lintang]`), satu Feature per kecamatan dengan geometri "
        "Polygon atau MultiPolygon. Laporan dicocokkan ke wilayahnya lewat `area_code`, atau "
        "lewat nama `kecamatan` (tanpa membedakan huruf besar/kecil) jika laporan atau "
        "wilayahnya tidak punya kode. Properti lain diabaikan. BARIS dalam pesan kesalahan "
        "adalah urutan Feature + 1 (Feature pertama baris 2), seperti tabel JSON. Masalah apa "
        "pun pada berkas ini (juga kode atau nama kecamatan laporan yang tidak ada di "
        "dalamnya) menggagalkan build, juga dengan SKIP_INVALID."
    ),
    columns=(
        Column(
            "area_code",
            "area_code",
            "jika kecamatan kosong",
            "Kode wilayah Kemendagri kecamatan, mis. 18.03.02.",
            "Kemendagri area code.",
            unique=True,
        ),
        Column(
            "kecamatan",
            "text",
            "jika area_code kosong",
            "Nama kecamatan seperti di kolom `complaints.kecamatan`.",
            "District name.",
            max_length=100,
            unique=True,
        ),
    ),
    kind="geojson",
)

# Optional inputs that are not tables: read by ``areas.py``, documented with the tables.
GEO_TABLES: dict[str, Table] = {AREAS.name: AREAS}

# Free-text columns scanned for personal data (CONTRACT §1.4).
FREE_TEXT = {
    "complaints": ("title", "body", "category", "kecamatan", "desa"),
    "responses": ("text",),
    "agencies": (),
}
