"""The open-data files under /data/ (CONTRACT §2), declared once.

Every column of every file is declared here with its Table Schema type and
its meaning in Indonesian and English. The CSV and JSON writers
(``datafiles``), ``/data/datapackage.json`` and the data dictionary on the
``/data/`` page are all made from these declarations; the columns of
``rapor.csv`` come from ``scorecards.DEFINITIONS``.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import scorecards
from .schema import ACTIONS, ACTORS, AGENCY_KINDS, CHANNELS, REPORT_TYPES


@dataclass(frozen=True)
class Field:
    """One column of a published file."""

    name: str
    type: str  # Table Schema: string | integer | number | boolean | datetime
    id: str  # meaning in Indonesian
    en: str  # meaning in English
    enum: tuple[str, ...] = ()
    required: bool = False
    minimum: int | None = None
    maximum: int | None = None

    def descriptor(self) -> dict:
        """The field as a Table Schema field descriptor."""
        found: dict = {
            "name": self.name,
            "type": self.type,
            "description": f"{self.id}\n\nEN: {self.en}",
        }
        if self.type == "datetime":
            found["format"] = "default"  # ISO 8601 with offset, e.g. 2025-03-03T09:00:00+07:00
        constraints: dict = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if constraints:
            found["constraints"] = constraints
        return found


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str  # the referenced resource's name; "" for the same resource
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Resource:
    """One file under /data/: its name in the package, file name and columns."""

    name: str
    path: str  # file name under /data/
    title: str
    id: str  # what the file holds, Indonesian
    en: str  # the same in English
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    same_as: str = ""  # the CSV whose rows and columns this file repeats in another format

    @property
    def table(self) -> str:
        """The name of the resource whose rows this file holds (itself, or the CSV's)."""
        return self.same_as.rsplit(".", 1)[0] if self.same_as else self.name

    @property
    def format(self) -> str:
        return self.path.rsplit(".", 1)[1]

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _id(name: str, id_text: str, en_text: str) -> Field:
    return Field(name, "string", id_text, en_text, required=True)


CASE_FIELDS: tuple[Field, ...] = (
    _id(
        "tracking_id",
        "Nomor pelacakan laporan, sama dengan di halaman kasus /kasus/<nomor huruf kecil>/.",
        "Tracking ID, as on the case page /kasus/<lower-cased id>/.",
    ),
    Field("url", "string", "Alamat halaman kasus.", "URL of the case page.", required=True),
    Field(
        "type",
        "string",
        "Jenis laporan (pengaduan, aspirasi, permintaan_informasi).",
        "Report type.",
        REPORT_TYPES,
        required=True,
    ),
    Field("title", "string", "Judul laporan, persis seperti di halaman.", "Title, as shown."),
    Field(
        "body",
        "string",
        "Isi laporan, teks biasa persis seperti di halaman; paragraf dipisah baris kosong.",
        "The citizen's text as shown; paragraphs are separated by a blank line.",
    ),
    Field("category", "string", "Kategori.", "Category."),
    Field(
        "agency_id",
        "string",
        "Instansi yang akhirnya menangani laporan (instansi.csv).",
        "The agency that finally handled it (instansi.csv).",
        required=True,
    ),
    Field(
        "privacy",
        "string",
        "publik atau anonim; pelapor anonim hanya disebut “Pelapor”. Laporan rahasia tidak "
        "pernah ada di berkas ini.",
        "publik or anonim (shown only as “Pelapor”); confidential reports are never here.",
        ("publik", "anonim"),
        required=True,
    ),
    Field("channel", "string", "Kanal pelaporan.", "Channel.", CHANNELS),
    Field(
        "status",
        "string",
        "Selalu selesai: hanya laporan yang selesai diterbitkan.",
        "Always selesai: only closed reports are published.",
        ("selesai",),
        required=True,
    ),
    Field("submitted_at", "datetime", "Waktu laporan masuk.", "Submitted.", required=True),
    Field("closed_at", "datetime", "Waktu laporan ditutup.", "Closed.", required=True),
    Field("kecamatan", "string", "Kecamatan.", "District."),
    Field("desa", "string", "Desa atau kelurahan.", "Village."),
    Field("area_code", "string", "Kode wilayah Kemendagri.", "Kemendagri area code."),
    Field(
        "lat",
        "number",
        "Lintang pusat kotak grid tempat laporan (MAP_GRID_METERS), bukan titik aslinya.",
        "Latitude of the centre of the report's grid cell, never the exact point.",
    ),
    Field("lon", "number", "Bujur pusat kotak grid.", "Longitude of the grid cell's centre."),
    Field(
        "rating",
        "integer",
        "Penilaian pelapor, 1–5; kosong bila tidak dinilai.",
        "Reporter's rating 1-5; empty when not rated.",
        minimum=1,
        maximum=5,
    ),
    Field(
        "first_response_at",
        "datetime",
        "Tanggapan pertama instansi (tanggapan, tindak lanjut atau penutupan oleh instansi); "
        "kosong bila tidak ada, atau bila input tidak memuat data tindak lanjut.",
        "The agency's first response; empty when none, or when the input has no responses.",
    ),
    Field(
        "response_workdays",
        "integer",
        "Hari kerja dari laporan masuk sampai tanggapan pertama.",
        "Working days from submission to first response.",
        minimum=0,
    ),
    Field(
        "resolution_workdays",
        "integer",
        "Hari kerja dari laporan masuk sampai ditutup.",
        "Working days from submission to closing.",
        minimum=0,
    ),
    Field(
        "within_response_sla",
        "boolean",
        "true bila ditanggapi dalam tenggat tanggapan; false bila terlambat; kosong bila tidak "
        "dihitung: ditutup tanpa tanggapan instansi tercatat, atau tidak ada data tindak "
        "lanjut instansinya.",
        "Answered within the response deadline; empty when not counted: closed without a "
        "recorded agency answer, or no agency events in the input.",
    ),
    Field(
        "within_resolution_sla",
        "boolean",
        "true bila ditutup dalam tenggat penyelesaian.",
        "Closed within the resolution deadline.",
    ),
    Field(
        "rerouted",
        "boolean",
        "true bila laporan lebih dulu didisposisikan ke instansi lain.",
        "Dispatched to another agency before its final one.",
    ),
)

EVENT_FIELDS: tuple[Field, ...] = (
    _id("tracking_id", "Laporan (kasus.csv).", "The report (kasus.csv)."),
    Field(
        "seq",
        "integer",
        "Urutan peristiwa pada laporan itu, mulai 1, seperti linimasa di halaman kasus.",
        "Position in the case's timeline, from 1.",
        required=True,
        minimum=1,
    ),
    Field("at", "datetime", "Waktu peristiwa.", "When it happened.", required=True),
    Field("actor", "string", "Pelaku.", "Actor.", ACTORS, required=True),
    Field(
        "actor_label",
        "string",
        "Pelaku seperti di halaman: “Pelapor”, “Admin”, atau nama instansi.",
        "The actor as shown: “Pelapor”, “Admin” or the agency's name.",
    ),
    Field("action", "string", "Jenis peristiwa.", "Action.", ACTIONS, required=True),
    Field(
        "action_label",
        "string",
        "Peristiwa seperti di halaman, mis. “Disposisi ke Dinas Kesehatan”.",
        "The action as shown.",
    ),
    Field(
        "agency_id",
        "string",
        "Instansi pelaku, atau penerima disposisi.",
        "Acting agency, or the one a report was dispatched to.",
    ),
    Field("text", "string", "Teks peristiwa, persis seperti di halaman.", "Text, as shown."),
    Field(
        "workdays_since_submitted",
        "integer",
        "Hari kerja sejak laporan masuk.",
        "Working days since submission.",
        minimum=0,
    ),
)

UNPUBLISHED = (
    "laporan yang belum diterbitkan (rahasia, atau belum selesai)",
    "unpublished reports (confidential or still open)",
)


def _unpublished(name: str, id_text: str, en_text: str) -> Field:
    return Field(
        f"unpublished_{name}",
        "integer",
        f"Dari {UNPUBLISHED[0]}: {id_text}",
        f"Of the {UNPUBLISHED[1]}: {en_text}",
        required=True,
        minimum=0,
    )


AGENCY_FIELDS: tuple[Field, ...] = (
    _id("agency_id", "Kode instansi.", "Agency code."),
    Field("name", "string", "Nama lengkap.", "Full name.", required=True),
    Field("short_name", "string", "Nama singkat.", "Short name."),
    Field("kind", "string", "Jenis instansi.", "Kind of agency.", AGENCY_KINDS, required=True),
    Field("parent_id", "string", "Instansi induk.", "Parent agency."),
    Field("url", "string", "Alamat halaman instansi.", "URL of the agency page.", required=True),
    Field(
        "published",
        "integer",
        "Laporan instansi ini di kasus.csv.",
        "The agency's rows in kasus.csv.",
        required=True,
        minimum=0,
    ),
    Field(
        "unpublished",
        "integer",
        "Laporan yang dihitung di rapor tetapi tidak diterbitkan (rahasia, atau belum "
        "selesai): published + unpublished = received di rapor.csv.",
        "Reports counted in rapor.csv but not published: published + unpublished = received.",
        required=True,
        minimum=0,
    ),
    _unpublished("resolved", "yang sudah selesai.", "closed ones."),
    _unpublished(
        "response_due",
        "yang tenggat tanggapannya sudah tiba.",
        "those whose response deadline has come.",
    ),
    _unpublished("response_in_time", "yang ditanggapi dalam tenggat.", "those answered in time."),
    _unpublished(
        "resolution_due",
        "yang selesai atau sudah lewat tenggat penyelesaian.",
        "those closed or past the resolution deadline.",
    ),
    _unpublished("resolution_in_time", "yang ditutup dalam tenggat.", "those closed in time."),
)


def rapor_fields(rules: scorecards.Rules) -> tuple[Field, ...]:
    """rapor.csv's columns, from the scorecard definitions with the site's deadlines."""
    found = []
    for d in scorecards.DEFINITIONS:
        enum = tuple(scorecards.GRADES) if d.column == "grade" else ()
        unit = f" Satuan: {d.unit}." if d.unit else ""
        found.append(
            Field(
                d.column,
                d.kind,
                d.explain(rules) + unit,
                d.explain_en(rules),
                enum,
                required=d.column in ("agency_id", "name"),
            )
        )
    return tuple(found)


AGENCY_KEY = ForeignKey(("agency_id",), "instansi", ("agency_id",))


def resources(rules: scorecards.Rules) -> tuple[Resource, ...]:
    """Every file under /data/, in the order the page and the package list them."""
    case_text = (
        "Satu baris per laporan yang diterbitkan (publik atau anonim, sudah selesai), dengan "
        "teks persis seperti di halaman kasus dan angka hari kerjanya.",
        "One row per published report (public or anonymous, closed), its text as on the "
        "case page, and its working-day figures.",
    )
    return (
        Resource(
            "kasus",
            "kasus.csv",
            "Kasus",
            *case_text,
            CASE_FIELDS,
            ("tracking_id",),
            (AGENCY_KEY,),
        ),
        Resource(
            "kasus-json",
            "kasus.json",
            "Kasus (JSON)",
            "Isi yang sama dengan kasus.csv sebagai array objek JSON, satu objek per laporan, "
            "dengan angka, true/false dan null sebagai nilai JSON.",
            "The same rows as kasus.csv as a JSON array of objects, with JSON numbers, "
            "booleans and nulls.",
            CASE_FIELDS,
            ("tracking_id",),
            (AGENCY_KEY,),
            same_as="kasus.csv",
        ),
        Resource(
            "tindak_lanjut",
            "tindak_lanjut.csv",
            "Tindak lanjut",
            "Satu baris per peristiwa pada laporan yang diterbitkan, urut seperti linimasa "
            "di halaman kasus.",
            "One row per event of a published report, in timeline order.",
            EVENT_FIELDS,
            ("tracking_id", "seq"),
            (
                ForeignKey(("tracking_id",), "kasus", ("tracking_id",)),
                AGENCY_KEY,
            ),
        ),
        Resource(
            "instansi",
            "instansi.csv",
            "Instansi",
            "Satu baris per instansi, dengan jumlah laporan yang diterbitkan dan yang hanya "
            "dihitung, supaya angka rapor bisa dicocokkan.",
            "One row per agency, with counts of published and unpublished reports so that the "
            "scorecards reconcile.",
            AGENCY_FIELDS,
            ("agency_id",),
            (ForeignKey(("parent_id",), "", ("agency_id",)),),
        ),
        Resource(
            "rapor",
            "rapor.csv",
            "Rapor",
            "Rapor setiap instansi atas semua laporan (termasuk rahasia dan yang belum "
            "selesai), semua periode. Angka resmi situs ini.",
            "Each agency's scorecard over every report (confidential and open ones included), "
            "all periods: the site's authoritative figures.",
            rapor_fields(rules),
            ("agency_id",),
            (AGENCY_KEY,),
        ),
        Resource(
            "instansi-xlsx",
            "instansi.xlsx",
            "Instansi (Excel)",
            EXCEL_TEXT[0].format("instansi.csv"),
            EXCEL_TEXT[1].format("instansi.csv"),
            AGENCY_FIELDS,
            ("agency_id",),
            (ForeignKey(("parent_id",), "", ("agency_id",)),),
            same_as="instansi.csv",
        ),
        Resource(
            "rapor-xlsx",
            "rapor.xlsx",
            "Rapor (Excel)",
            EXCEL_TEXT[0].format("rapor.csv"),
            EXCEL_TEXT[1].format("rapor.csv"),
            rapor_fields(rules),
            ("agency_id",),
            (AGENCY_KEY,),
            same_as="rapor.csv",
        ),
    )


EXCEL_TEXT = (
    "Isi yang sama dengan {} sebagai lembar Excel (.xlsx), untuk dibuka dengan klik ganda: "
    "huruf seperti “—” tetap benar, dan teks yang diawali = tetap teks, bukan rumus.",
    "The same rows as {} as an Excel sheet (.xlsx), to open by double-click: text stays "
    "intact and text starting with = stays text, never a formula.",
)


# How each scorecard figure can be recomputed from the files (shown on /data/).
EXACT, PUBLISHED_ONLY, RAPOR_ONLY = "exact", "published", "rapor"
RECOMPUTE: dict[str, tuple[str, str]] = {
    "received": (EXACT, "instansi.published + instansi.unpublished"),
    "resolved": (EXACT, "instansi.published + instansi.unpublished_resolved"),
    "open": (EXACT, "instansi.unpublished − instansi.unpublished_resolved"),
    "overdue": (RAPOR_ONLY, "hanya laporan yang belum selesai, yang tidak diterbitkan"),
    "median_response_workdays": (PUBLISHED_ONLY, "median kasus.response_workdays"),
    "p90_response_workdays": (PUBLISHED_ONLY, "nilai ke-⌈0,9 × n⌉ kasus.response_workdays"),
    "pct_response_within_sla": (
        EXACT,
        "100 × (jumlah kasus.within_response_sla = true + instansi.unpublished_response_in_time)"
        " / (jumlah kasus.within_response_sla tidak kosong + instansi.unpublished_response_due)",
    ),
    "closed_without_response": (PUBLISHED_ONLY, "jumlah kasus.first_response_at kosong"),
    "median_resolution_workdays": (PUBLISHED_ONLY, "median kasus.resolution_workdays"),
    "pct_resolved_within_sla": (
        EXACT,
        "100 × (jumlah kasus.within_resolution_sla = true + "
        "instansi.unpublished_resolution_in_time) / (jumlah baris kasus + "
        "instansi.unpublished_resolution_due)",
    ),
    "rating_mean": (PUBLISHED_ONLY, "rata-rata kasus.rating"),
    "rating_count": (PUBLISHED_ONLY, "jumlah kasus.rating tidak kosong"),
    "rerouted": (PUBLISHED_ONLY, "jumlah kasus.rerouted = true"),
    "grade": (EXACT, "dari pct_response_within_sla dan received (lihat Metodologi)"),
}
RECOMPUTE_LABELS_EN = {
    EXACT: "exactly",
    PUBLISHED_ONLY: "over published cases only; equals rapor.csv when unpublished = 0",
    RAPOR_ONLY: "rapor.csv only",
}
RECOMPUTE_LABELS = {
    EXACT: "Persis, dari berkas data",
    PUBLISHED_ONLY: "Hanya atas kasus terbit; sama dengan rapor.csv bila unpublished = 0",
    RAPOR_ONLY: "Hanya di rapor.csv",
}
