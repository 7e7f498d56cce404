"""Render docs/input-format.md, settings.md and open-data.md from the declarations the code
checks against, so the pages cannot drift from what is enforced."""

from __future__ import annotations

from pathlib import Path

from .schema import GEO_TABLES, TABLES, Column

KIND_WORDS = {
    "id": "kode `[A-Za-z0-9_-]{1,40}`",
    "text": "teks",
    "enum": "salah satu dari",
    "datetime": "tanggal-waktu, mis. `31/12/2024 08.30`",
    "float": "angka desimal",
    "int": "bilangan bulat",
    "area_code": "kode wilayah Kemendagri",
}

INTRO = """\
# Format input

*Berkas ini dibuat dari `generator/schema.py` dengan `python -m generator docs`; jangan
disunting langsung.*

Satu folder berisi tabel-tabel di bawah ini. Setiap tabel boleh berupa **CSV** (baris
pertama header), **XLSX** (sheet pertama) atau **JSON** (array objek). Nama berkas tanpa
ekstensi adalah nama tabel, mis. `complaints.csv`. Nama kolom tidak membedakan huruf
besar/kecil. Kolom yang tidak dikenal diabaikan dengan peringatan, kecuali kolom identitas
pelapor (lihat di bawah). Nilai pilihan (mis. `publik`) juga tidak membedakan huruf
besar/kecil.

## CSV dari Excel

CSV boleh berpemisah koma (`,`) atau titik koma (`;`), seperti yang disimpan Excel dengan
pengaturan wilayah Indonesia; pemisahnya dikenali dari nama kolom di baris header. Dalam
CSV bertitik koma, angka desimal boleh memakai koma (`-4,8312`); dalam CSV berkoma,
pakai titik (`-4.8312`). UTF-8 (dengan atau tanpa BOM) dan Windows-1252 dikenali
otomatis. Teks yang memuat pemisahnya atau baris baru harus diapit tanda kutip (`"…"`),
seperti yang dilakukan Excel; baris yang jumlah kolomnya tidak sama dengan header
dilaporkan sekali, dengan jumlah kolomnya.

## Tanggal dan waktu

Kolom tanggal-waktu (`submitted_at`, `closed_at`, `at`) boleh ditulis seperti Excel
menampilkannya, hari dulu: `31/12/2024 08.30`, `31-12-2024 08:30`, `31/12/2024 08:30:00`
atau tanggal saja `31/12/2024` (pukul 00.00); tahun selalu empat angka. Bentuk ISO 8601
juga diterima: `2024-12-31T08:30:00`, `2024-12-31 08:30`, dengan atau tanpa zona waktu
(`+07:00`). Sel tanggal asli di XLSX dibaca apa adanya. Jika berkas menulis bulan dulu
(`12/31/2024`), setel `INPUT_DATE_ORDER = "mdy"`; urutan itu tidak pernah ditebak, dan
tanggal yang tidak ada di kalender (`31/02/2024`, `13/13/2024`) dilaporkan sebagai
masalah. Tanggal-waktu tanpa zona waktu dibaca sebagai waktu `TIMEZONE` (bawaan
Asia/Jakarta, WIB).

## Nomor baris dalam pesan kesalahan

Setiap masalah dilaporkan sebagai `BERKAS:BARIS: KOLOM: pesan`. BARIS adalah nomor baris
seperti yang terlihat di spreadsheet: header baris 1, data pertama baris 2, berapa pun
baris baru di dalam sel yang diapit tanda kutip. Untuk JSON, objek pertama adalah baris 2,
objek kedua baris 3, dan seterusnya. BARIS 0 berarti masalahnya menyangkut seluruh berkas.
"""

OUTRO = """\
## Kolom yang tidak boleh ada

Input seharusnya sudah dianonimkan; penerbit memeriksa, tidak sekadar percaya. Kolom yang
mengidentifikasi pelapor (nama pelapor, NIK, nomor KK, nomor HP/telepon/WhatsApp, e-mail,
alamat) membuat **seluruh input ditolak**. Teks bebas (judul, isi, teks tindak lanjut,
kecamatan, desa) dipindai untuk mencari NIK/nomor KK, nomor telepon, alamat e-mail dan
nomor rekening; setiap temuan dilaporkan dengan nomor pelacakan dan kolomnya, dengan isi
yang disamarkan (mis. `0812-****-7890`), dan tidak ada yang diterbitkan.

## Apa yang diterbitkan

| privasi | halaman kasus dan data terbuka | dihitung dalam angka |
|---|---|---|
| publik | ya, setelah status = selesai | ya |
| anonim | ya, setelah status = selesai; pelapor hanya disebut "Pelapor" | ya |
| rahasia | **tidak pernah** | ya, hanya dalam angka ringkasan |

Laporan berstatus `belum` atau `proses` belum punya halaman, tetapi tetap dihitung.
Setiap baris input berakhir tepat di satu kelompok: **diterbitkan**, **hanya dihitung**,
atau **ditolak**; jumlah ketiganya selalu sama dengan jumlah baris.

## Input yang bermasalah

`make check DATA=folder/` memeriksa tanpa menulis apa pun dan mencantumkan **semua**
masalah sekaligus, lalu jumlah baris per kelompok. `python -m generator check folder/ --json`
memberi hal yang sama sebagai satu objek JSON (keluar dengan kode 0 hanya jika bersih).

`make publish` menolak input yang bermasalah dan membiarkan situs yang sudah terbit tidak
berubah. Dengan `make publish SKIP_INVALID=1`, baris yang sah diterbitkan dan setiap baris
yang bermasalah ditolak beserta alasannya. Sebuah laporan ikut ditolak jika instansinya
ditolak atau salah satu baris tindak lanjutnya bermasalah (linimasa yang bolong akan
menyesatkan). Temuan data pribadi dan masalah tingkat berkas tidak pernah bisa dilewati.
"""


def _kind(column: Column) -> str:
    words = KIND_WORDS[column.kind]
    if column.choices:
        words += " " + ", ".join(f"`{c}`" for c in column.choices)
    if column.max_length:
        limit = f"{column.max_length:,}".replace(",", ".")
        words += f", paling panjang {limit} karakter"
    return words


def _required(column: Column) -> str:
    if column.required is True:
        text = "wajib"
    elif column.required is False:
        text = "tidak"
    else:
        text = f"{column.required}"
    if column.unique:
        text += ", unik"
    if column.default:
        text += f" (bawaan `{column.default}`)"
    return text


def input_format() -> str:
    """The whole docs/input-format.md text."""
    parts = [INTRO]
    for table in (*TABLES.values(), *GEO_TABLES.values()):
        need = "wajib" if table.required else "tidak wajib"
        geo = table.kind == "geojson"
        name = f"{table.name}.geojson" if geo else table.name
        parts.append(f"## `{name}` ({need})\n\n{table.help_id}\n")
        head = "properti" if geo else "kolom"
        parts.append(f"| {head} | jenis | wajib | arti |\n|---|---|---|---|")
        for column in table.columns:
            meaning = column.help_id
            if column.references:
                meaning += f" Harus ada di `{column.references}`."
            parts.append(f"| `{column.name}` | {_kind(column)} | {_required(column)} | {meaning} |")
        parts.append("")
    parts.append(OUTRO)
    return "\n".join(parts)


def settings_reference() -> str:
    """The whole docs/settings.md text, from generator/settings.py."""
    from .settings import SETTINGS

    lines = [
        "# Settings",
        "",
        "*Generated from `generator/settings.py` by `python -m generator docs`; do not edit.*",
        "",
        "Jendela Aduan's own settings, set in `pelicanconf.py` (and inherited by",
        "`publishconf.py`) beside Pelican's. A name that is neither one of these nor a Pelican",
        "setting is refused with a suggestion, and so is a value of the wrong type.",
        "",
        "| setting | type | default | meaning |",
        "|---|---|---|---|",
    ]
    for setting in SETTINGS.values():
        types = setting.type if isinstance(setting.type, tuple) else (setting.type,)
        kind = " or ".join(t.__name__ for t in types)
        if setting.choices:
            kind += ": " + ", ".join(f"`{c!r}`" for c in setting.choices)
        lines.append(f"| `{setting.name}` | {kind} | `{setting.default!r}` | {setting.help} |")
    lines += [
        "",
        "Pelican's `TIMEZONE` (default here `Asia/Jakarta`) is the zone naive input times are",
        "read in and every date is shown in. `JINJA_ENVIRONMENT` must keep `autoescape=True`.",
        "",
    ]
    return "\n".join(lines)


def open_data() -> str:
    """The whole docs/open-data.md text, from generator/opendata.py (default deadlines)."""
    from .opendata import RECOMPUTE, RECOMPUTE_LABELS_EN, resources
    from .rapor import rules_from
    from .settings import SETTINGS

    rules = rules_from({name: s.default for name, s in SETTINGS.items()})
    lines = [
        "# Open data",
        "",
        "*Generated from `generator/opendata.py` by `python -m generator docs`; do not edit.",
        "The same declarations write the files, `/data/datapackage.json` and the `/data/` page.",
        "Deadlines shown are the defaults.*",
        "",
        "Files under `/data/`: only published reports (public or anonymous, closed) and their",
        "events, text exactly as on the pages, coordinates generalised to the grid; instansi.csv",
        "and rapor.csv also count the unpublished (confidential or open) reports. CSV: RFC 4180,",
        "UTF-8 without BOM, CRLF, ISO 8601 date-times with offset, `true`/`false`, empty cell =",
        "no value; cells are never altered to defuse spreadsheet formulas (the page warns).",
        "kasus.json: a JSON array of objects with kasus.csv's columns as JSON values.",
        "instansi.xlsx, rapor.xlsx: the CSVs' rows as one Excel sheet each (opens by",
        "double-click with any text intact; formula-like text stored as text); kasus.csv has no",
        ".xlsx twin (size at 100,000 reports).",
        "",
        "Response-based figures need the input's `responses` table (CONTRACT §1.3). Without it,",
        "tindak_lanjut.csv has no rows, and `first_response_at`, `response_workdays` and",
        "`within_response_sla` in kasus.csv and the response columns of rapor.csv",
        "(`median_response_workdays`, `p90_response_workdays`, `pct_response_within_sla`,",
        "`closed_without_response`, `rerouted`, `grade`) are empty cells: not available, never",
        "zero. The response figures and `grade` of an agency on whose reports the table holds no",
        "agency event are empty too. A closed report without any recorded agency answer is",
        "neither on time nor late (`within_response_sla` empty) and is counted in",
        '`closed_without_response`. datapackage.json declares `""` as the missing value.',
        "",
    ]
    for r in resources(rules):
        lines += [f"## `{r.path}`", "", r.en, "", f"Primary key: `{', '.join(r.primary_key)}`."]
        for k in r.foreign_keys:
            target = k.resource or r.name
            lines.append(f"Foreign key: `{', '.join(k.fields)}` → `{target}.{k.reference[0]}`.")
        if r.same_as:
            lines += ["", f"Columns: those of `{r.same_as}`.", ""]
            continue
        lines += ["", "| column | type | meaning |", "|---|---|---|"]
        for f in r.fields:
            values = f" Values: {', '.join(f'`{v}`' for v in f.enum)}." if f.enum else ""
            lines.append(f"| `{f.name}` | {f.type} | {f.en}{values} |")
        lines.append("")
    lines += [
        "## Recomputing rapor.csv from the files",
        "",
        "| rapor.csv column | from the files | how |",
        "|---|---|---|",
    ]
    for column, (how, formula) in RECOMPUTE.items():
        lines.append(f"| `{column}` | {RECOMPUTE_LABELS_EN[how]} | {formula} |")
    lines.append("")
    lines.append(releases_doc())
    return "\n".join(lines)


def releases_doc() -> str:
    """The release and changelog files' section of docs/open-data.md (generator/changes.py)."""
    from .changes import FIGURES, HISTORY_COLUMNS, WITH_VALUES
    from .releases import CASE_DIGEST_FIELDS, DATA_FILES, EVENT_DIGEST_FIELDS

    def codes(names) -> str:
        return ", ".join(f"`{n}`" for n in names)

    return f"""\
## Releases: `rilis.json`, `rilis.sha256`

Every publish writes `/data/rilis.json`, last, after the search index and the sitemap:

- `id`: SHA-256 of the release's published data (canonical JSON of the sorted per-case
  digests and the SHA-256 of {codes(DATA_FILES)}), never a clock reading; `short_id` is
  its first 12 hex digits, shown on the pages. The same published data has the same id.
- `data_as_of`: the data's "as of" date; `previous`: the id of the release compared with
  (`null` for a first release); `counts`: rows per input table (total, published, counted
  only, rejected).
- `cases`: each published case's digest, keyed by its lower-cased tracking id: SHA-256 of
  canonical JSON (sorted keys, UTF-8) of its kasus.csv cells {codes(CASE_DIGEST_FIELDS)}
  and its tindak_lanjut.csv events' {codes(EVENT_DIGEST_FIELDS)} in timeline order
  (`generator/releases.py`, `case_digest`). Derived figures and the URL are left out.
- `files`: SHA-256 of every file of the site but `rilis.json` and `rilis.sha256`.

`/data/rilis.sha256` holds the same digests, `rilis.json`'s included, in `sha256sum`
format. To verify a copy of the site, in its root folder: `sha256sum -c --quiet
data/rilis.sha256` (silence means every file matches).

## `perubahan.csv`, `/data/perubahan/`, `/feeds/perubahan.atom.xml`

Each publish compares itself with the previous release: the one in the output folder it
replaces, or the folder named by `--previous DIR` / `PREVIOUS_RELEASE` (a copy of a
published site's `/data/`: `rilis.json`, `perubahan.csv`, `kasus.csv`,
`tindak_lanjut.csv`, `rapor.csv`). An output folder without a valid `rilis.json` is
ignored with a warning (a first release); a named folder without one is an error.

perubahan.csv is the whole history, newest release first; older releases' rows are
carried over from the previous perubahan.csv. Columns: {codes(HISTORY_COLUMNS)}.
`change` is one of:

- `rilis_pertama`: no previous release; `count` = cases published.
- `ditambahkan`: a case published for the first time (`tracking_id`).
- `diubah`: one changed field of a case: `field` is a kasus.csv column, `tanggapan` (an
  agency answer's text), `linimasa` (other events) or empty (unknown: the previous release
  kept no kasus.csv); `old`/`new` are given for `tanggapan` and {codes(WITH_VALUES)}.
- `ditarik`: `count` cases no longer published (confidential, reopened or removed):
  counted, never named.
- `angka`: an agency's rapor.csv figure moved; `field` is one of {codes(FIGURES)}.

A withdrawn case is never named again: every carried-over row whose `tracking_id` is not
published in this release is dropped. A release that changes nothing adds no row, so a
republish of the same input gives the same files. A case page changed by a release says
so and links to its entry on /data/perubahan/ (`#rilis-<short id>-<tracking id>`).
The Atom feed has one entry per release.
"""


def write(root: Path) -> list[Path]:
    """Write every generated documentation page; returns their paths."""
    pages = {
        "input-format.md": input_format(),
        "settings.md": settings_reference(),
        "open-data.md": open_data(),
    }
    paths = []
    for name, text in pages.items():
        path = root / "docs" / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
