"""`python -m generator import`: existing exports into an input folder (CONTRACT §3).

Realistic hand-written sources live in tests/data/ (synthetic reports, no real
people); small and broken ones are made in code here.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from generator.cli import main as cli_main

DATA = ROOT / "tests" / "data"
LAPOR_CSV = DATA / "lapor_lampung_utara.csv"
OPEN311_JSON = DATA / "open311_chicago.json"
OPEN311_XML = DATA / "open311_chicago.xml"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def import_(*args: str) -> int:
    return cli_main(["-q", "import", *map(str, args)])


def check_json(folder: Path, *settings: str) -> dict:
    result = run_cli("check", str(folder), "--json", *settings)
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def lapor(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("lapor") / "input"
    assert import_("lapor", LAPOR_CSV, out) == 0
    return out


def test_lapor_csv_becomes_the_three_tables(lapor, capsys):
    complaints = rows(lapor / "complaints.csv")
    # 31 record rows: 30 reports and one empty row, skipped.
    assert len(complaints) == 30
    assert {c["status"] for c in complaints} == {"belum", "proses", "selesai"}
    assert {c["privacy"] for c in complaints} == {"anonim"}  # never guessed publik
    assert {c["type"] for c in complaints} == {"pengaduan"}
    by_id = {c["tracking_id"]: c for c in complaints}
    assert by_id["4410001"]["submitted_at"] == "2024-01-08T08:15:22"
    assert by_id["4410001"]["kecamatan"] == "Kotabumi"
    assert by_id["4410001"]["area_code"] == "18.03.01"
    assert by_id["4410006"]["area_code"] == ""  # 1803070: the portal's number, not Kemendagri's
    assert by_id["4410005"]["closed_at"] == ""  # Proses: its last activity is no closing
    assert by_id["4410009"]["agency_id"] == "belum-disposisi"
    agencies = {a["agency_id"]: a["name"] for a in rows(lapor / "agencies.csv")}
    assert agencies["102"] == "Dinas Kesehatan"
    assert agencies["belum-disposisi"] == "Belum didisposisikan ke instansi"
    events = rows(lapor / "responses.csv")
    first = [e for e in events if e["tracking_id"] == "4410001"]
    assert [(e["actor"], e["action"], e["agency_id"]) for e in first] == [
        ("admin", "disposisi", "101"),
        ("admin", "selesai", "101"),
    ]
    # The export does not say who closed a report: no agency answer is invented.
    assert not [e for e in events if e["actor"] == "instansi"]
    assert not [e for e in events if e["tracking_id"] == "4410009"]  # Belum: no events


def test_lapor_summary_counts_add_up(tmp_path, capsys):
    assert cli_main(["import", "lapor", str(LAPOR_CSV), str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert "Dibaca: 31 baris" in out
    assert "Diimpor: 30 laporan (belum 4, proses 6, selesai 20), 7 instansi" in out
    assert "Dilewati: 1 baris (baris kosong: 1)" in out


def test_lapor_import_passes_check_but_for_the_phone_number_masked(lapor):
    report = check_json(lapor)
    assert not report["ok"]
    [problem] = report["problems"]
    assert (problem["file"], problem["row"], problem["column"]) == ("complaints.csv", 5, "body")
    assert problem["tracking_id"] == "4410004"
    assert "0812-****-7890" in problem["message"]
    assert "0812-3456-7890" not in json.dumps(report)
    counts = report["counts"]["complaints"]
    assert counts["total"] == 30
    assert counts["published"] + counts["counted_only"] + counts["rejected"] == 30


def test_lapor_import_builds_with_redaction(lapor, tmp_path):
    result = run_cli(
        "-q", "build", "--data", str(lapor), "--output", str(tmp_path / "site"),
        "--pii-policy", "redact",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    cases = {c["tracking_id"]: c for c in rows(tmp_path / "site" / "data" / "kasus.csv")}
    assert "0812-3456-7890" not in cases["4410004"]["body"]
    # The importer gives no report an agency answer: it has no first response.
    # (Counting such a report as not late is the scorecards' rule, not the importer's.)
    assert cases["4410001"]["response_workdays"] == ""
    assert cases["4410001"]["first_response_at"] == ""
    assert cases["4410001"]["resolution_workdays"] != ""


def test_lapor_xlsx_gives_the_same_folder_as_the_csv(lapor, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    source = rows(LAPOR_CSV)
    header = list(source[0])
    sheet.append(header)
    for record in source:
        cells = []
        for name in header:
            value = record[name]
            if name.startswith("Tanggal") and value:  # Excel stores dates as dates
                value = dt.datetime.fromisoformat(value)
            elif name in ("id", "DisposisiInstansiID") and value:
                value = int(value)
            cells.append(value or None)
        sheet.append(cells)
    xlsx = tmp_path / "lapor.xlsx"
    book.save(xlsx)
    assert import_("lapor", xlsx, tmp_path / "x") == 0
    for name in ("agencies.csv", "complaints.csv", "responses.csv"):
        assert (tmp_path / "x" / name).read_bytes() == (lapor / name).read_bytes(), name


def test_type_and_privacy_options_override(tmp_path):
    out = tmp_path / "o"
    assert import_("lapor", LAPOR_CSV, out, "--type", "aspirasi", "--privacy", "rahasia") == 0
    complaints = rows(out / "complaints.csv")
    assert {(c["type"], c["privacy"]) for c in complaints} == {("aspirasi", "rahasia")}


@pytest.fixture(scope="module")
def chicago(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("chicago") / "input"
    assert import_("open311", OPEN311_JSON, out) == 0
    return out


def test_open311_json_and_xml_give_the_same_tables(chicago, tmp_path):
    assert import_("open311", OPEN311_XML, tmp_path / "x") == 0
    for name in ("agencies.csv", "complaints.csv", "responses.csv"):
        assert (tmp_path / "x" / name).read_bytes() == (chicago / name).read_bytes(), name


def test_open311_offsets_kept_and_address_never_imported(chicago, capsys):
    complaints = {c["tracking_id"]: c for c in rows(chicago / "complaints.csv")}
    assert complaints["SR24-0100232"]["submitted_at"] == "2024-03-01T23:30:00-06:00"
    assert complaints["SR24-0100233"]["status"] == "proses"
    assert complaints["SR24-0100233"]["closed_at"] == ""
    assert complaints["SR24-0100236"]["agency_id"] == "tidak-diketahui"
    assert complaints["SR24-0100237"]["body"] == "(tanpa uraian)"
    written = "".join(p.read_text("utf-8") for p in chicago.glob("*.csv"))
    for private in ("Example Ave", "60607", "pothole-1.jpg"):
        assert private not in written
    events = {e["tracking_id"]: e for e in rows(chicago / "responses.csv")}
    assert events["SR24-0100231"]["text"] == "Pothole filled by crew 12."
    assert events["SR24-0100231"]["at"] == "2024-07-05T14:00:00-05:00"
    assert events["SR24-0100231"]["actor"] == "admin"


def test_open311_summary_names_what_was_left_out(tmp_path, capsys):
    assert cli_main(["import", "open311", str(OPEN311_XML), str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert "Tidak diimpor: kolom address, address_id, zipcode, media_url" in out
    assert "dapat mengenali pelapor" in out


def test_timezone_option_converts_every_time(tmp_path):
    out = tmp_path / "o"
    assert import_("open311", OPEN311_JSON, out, "--timezone", "America/Chicago") == 0
    complaints = {c["tracking_id"]: c for c in rows(out / "complaints.csv")}
    assert complaints["SR24-0100238"]["submitted_at"] == "2024-10-14T07:00:00-05:00"
    lapor = tmp_path / "l"
    assert import_("lapor", LAPOR_CSV, lapor, "--timezone", "Asia/Jakarta") == 0
    first = rows(lapor / "complaints.csv")[0]
    assert first["submitted_at"] == "2024-01-08T08:15:22+07:00"


def test_chicago_publishes_with_its_own_settings_file(chicago, tmp_path):
    site = tmp_path / "site"
    result = run_cli(
        "-q", "build", "--settings", "tests/data/chicago.py", "--data", str(chicago),
        "--output", str(site),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    cases = {c["tracking_id"]: c for c in rows(site / "data" / "kasus.csv")}
    pothole = cases["SR24-0100231"]  # Wed 3 July 2024 -> Fri 5 July; 4 July is a holiday
    assert pothole["submitted_at"] == "2024-07-03T10:00:00-05:00"
    assert pothole["resolution_workdays"] == "1"
    light = cases["SR24-0100232"]  # Fri 1 March -> Wed 6 March; Mon 4 March: Pulaski Day (IL)
    assert light["resolution_workdays"] == "2"
    assert cases["SR24-0100238"]["submitted_at"] == "2024-10-14T07:00:00-05:00"
    method = (site / "metodologi" / "index.html").read_text("utf-8")
    assert "negara Amerika Serikat (US), wilayah IL" in method
    assert "Independence Day" in method
    assert "tidak termasuk hari libur resmi" in method
    assert "cuti bersama" not in method
    assert "City of Chicago" in (site / "index.html").read_text("utf-8")
    published = "".join(p.read_text("utf-8", "replace") for p in site.rglob("*.*ml"))
    assert "Example Ave" not in published and "41.8721" not in published


def test_bad_source_lists_every_problem_and_writes_nothing(tmp_path, capsys):
    source = tmp_path / "ekspor.csv"
    source.write_text(
        "id,JudulLaporan,IsiLaporan,DisposisiInstansi,DisposisiInstansiID,Kategori,Status,"
        "Area,TanggalLaporanMasuk,TanggalDisposisi,TanggalLaporanDitutup\n"
        "1,Jalan,Isi,Dinas A,7,Infrastruktur,Selesai,X,2024-13-01 10:00:00,,2024-01-02 10:00:00\n"
        "2,Jalan,Isi,Dinas A,7,Infrastruktur,Ditunda,X,2024-01-01 10:00:00,,\n"
        "2,Jalan,Isi,Dinas A,7,Infrastruktur,Proses,X,2024-01-01 10:00:00,,\n"
        "3,Jalan,Isi,Dinas A,7,Infrastruktur,Selesai,X,2024-01-05 10:00:00,,\n"
        "4,Jalan,Isi,Dinas A,7,Infrastruktur,Proses,X,2024-01-05 10:00:00,2024-01-04 09:00:00,\n"
        "5 6,,Isi,Dinas A,7,Infrastruktur,Belum,X,2024-01-05 10:00:00,,\n",
        "utf-8",
    )
    out = tmp_path / "input"
    assert cli_main(["import", "lapor", str(source), str(out)]) == 1
    err = capsys.readouterr().err
    for expected in (
        "ekspor.csv:2: TanggalLaporanMasuk: '2024-13-01 10:00:00' bukan tanggal-waktu",
        "ekspor.csv:3: Status: nilai 'Ditunda' tidak dikenal untuk status",
        "ekspor.csv:4: id: '2' sudah ada di baris 3",
        "ekspor.csv:5: TanggalLaporanDitutup: wajib diisi jika status selesai",
        "ekspor.csv:6: TanggalDisposisi: lebih awal dari waktu laporan masuk",
        "ekspor.csv:7: id: '5 6' tidak bisa menjadi tracking_id",
        "ekspor.csv:7: JudulLaporan: wajib diisi",
    ):
        assert expected in err
    assert "7 masalah pada ekspor.csv" in err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["ekspor.csv"]  # no staging folder left


def test_missing_columns_are_named_all_at_once(tmp_path, capsys):
    source = tmp_path / "ekspor.csv"
    source.write_text("id,Judul,Status\n1,Jalan,Selesai\n", "utf-8")
    assert cli_main(["import", "lapor", str(source), str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    for column in ("JudulLaporan", "IsiLaporan", "Status", "TanggalLaporanMasuk"):
        if column != "Status":
            assert f"ekspor.csv:1: {column}: kolom wajib tidak ada" in err
    assert "ekspor.csv:1: DisposisiInstansiID: kolom instansi tidak ada" in err


def test_out_that_is_not_an_import_is_not_overwritten(tmp_path, capsys):
    out = tmp_path / "data"
    out.mkdir()
    (out / "catatan.txt").write_text("punya saya", "utf-8")
    assert cli_main(["import", "lapor", str(LAPOR_CSV), str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert [p.name for p in out.iterdir()] == ["catatan.txt"]
    assert import_("lapor", LAPOR_CSV, out, "--force") == 0
    assert not (out / "catatan.txt").exists()
    # An earlier import is replaced without --force.
    assert import_("open311", OPEN311_JSON, out) == 0
    assert rows(out / "complaints.csv")[0]["tracking_id"] == "SR24-0100231"


def documented_mapping() -> str:
    """The complete example of docs/import-mapping.md, so the page stays true."""
    page = (ROOT / "docs" / "import-mapping.md").read_text("utf-8")
    return page.split("```toml\n", 1)[1].split("```", 1)[0]


CUSTOM_MAPPING = documented_mapping()


def test_custom_mapping_imports_a_made_up_format(tmp_path):
    mapping = tmp_path / "kota-contoh.toml"
    mapping.write_text(CUSTOM_MAPPING, "utf-8")
    page = (ROOT / "docs" / "import-mapping.md").read_text("utf-8")
    example = json.loads(page.split("```json\n", 1)[1].split("```", 1)[0])
    items = [
        *example["data"]["items"],
        {"kode": "KC-2", "jenis": "usul", "judul": "Taman kota", "bidang": "", "tampil": "tidak",
         "tahap": "baru", "masuk": "10/02/2024 14.00", "unit": ""},
    ]  # fmt: skip
    source = tmp_path / "ekspor.json"
    source.write_text(json.dumps({"data": {"items": items}}), "utf-8")
    out = tmp_path / "input"
    assert import_("--mapping", mapping, source, out) == 0
    complaints = rows(out / "complaints.csv")
    assert [(c["type"], c["privacy"], c["status"]) for c in complaints] == [
        ("pengaduan", "publik", "selesai"),
        ("aspirasi", "anonim", "belum"),
    ]
    assert complaints[0]["submitted_at"] == "2024-01-02T08:30:00"  # day first, as mapped
    assert complaints[1]["body"] == "Taman kota" and complaints[1]["category"] == "Lainnya"
    assert complaints[0]["agency_id"] == "dinas-pu"
    [answer] = rows(out / "responses.csv")
    assert (answer["actor"], answer["agency_id"], answer["text"]) == (
        "instansi",
        "dinas-pu",
        "Sudah kami bersihkan.",
    )
    report = check_json(out)
    assert report["ok"], report["problems"]
    assert report["counts"]["complaints"]["published"] == 1


@pytest.mark.parametrize(
    "change, message",
    [
        ('tracking_id = { from = "kode" }', "needs exactly one of 'from'"),
        ('formats = ["json"]', "formats must list"),
        ('actor = "instansi"', "'actor' must be one of"),
        ('date_formats = ["%d/%m/%Y %H.%M"]', "date_formats must be strftime"),
        ("[agency]", "unknown key 'agensi'"),
    ],
)
def test_a_wrong_mapping_file_is_refused_with_a_hint(tmp_path, capsys, change, message):
    replacement = {
        'tracking_id = { from = "kode" }': 'tracking_id = { from = "kode", value = "x" }',
        'formats = ["json"]': 'formats = ["pdf"]',
        'actor = "instansi"': 'actor = "warga"',
        'date_formats = ["%d/%m/%Y %H.%M"]': 'date_formats = ["dd/mm/yyyy"]',
        "[agency]": "[agensi]",
    }[change]
    mapping = tmp_path / "m.toml"
    mapping.write_text(CUSTOM_MAPPING.replace(change, replacement), "utf-8")
    source = tmp_path / "e.json"
    source.write_text("[]", "utf-8")
    assert cli_main(["import", "--mapping", str(mapping), str(source), str(tmp_path / "o")]) == 2
    assert message in capsys.readouterr().err


def test_a_default_is_an_input_word_not_a_source_word(tmp_path):
    mapping = tmp_path / "m.toml"
    mapping.write_text(
        CUSTOM_MAPPING.replace(
            'status = { from = "tahap", values',
            'status = { from = "tahap", default = "belum", values',
        ),
        "utf-8",
    )
    source = tmp_path / "e.json"
    item = {"kode": "A", "jenis": "usul", "judul": "T", "tampil": "tidak", "masuk": "2024-01-02"}
    item["unit"] = "Dinas PU"
    source.write_text(json.dumps([item]), "utf-8")
    assert import_("--mapping", mapping, source, tmp_path / "o") == 0
    assert rows(tmp_path / "o" / "complaints.csv")[0]["status"] == "belum"


def test_xml_entity_expansion_is_refused(tmp_path, capsys):
    source = tmp_path / "requests.xml"
    source.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
        "<service_requests><request><service_request_id>&b;</service_request_id>"
        "</request></service_requests>\n",
        "utf-8",
    )
    assert cli_main(["import", "open311", str(source), str(tmp_path / "o")]) == 1
    assert "requests.xml: XML rusak atau tidak aman" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_json_row_numbers_are_positions_plus_one(tmp_path, capsys):
    source = tmp_path / "r.json"
    good = json.loads(OPEN311_JSON.read_text("utf-8"))[0]
    source.write_text(json.dumps([good, {**good, "service_request_id": "B", "lat": "north"}]))
    assert cli_main(["import", "open311", str(source), str(tmp_path / "o")]) == 1
    assert "r.json:3: lat: 'north' bukan angka" in capsys.readouterr().err
