"""The personal-data scan measured on corpora written here as code.

``TRUE_POSITIVES`` holds varied, real-looking formats of what identifies a
reporter; ``FALSE_POSITIVES`` numbers and words that do not. The tests state
recall and false alarms as figures (both must be perfect), then check the
policy end to end: a build stops and names every finding masked, or with
``PII_POLICY = "redact"`` publishes ``[disamarkan]`` in every output file; no
full match reaches stdout, stderr or the log in any of these runs.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from conftest import build, run_cli
from fixtures import base_tables, complaint, event, write_input
from test_formats import write_json, write_xlsx

from generator import settings as project_settings
from generator.cardnumbers import BANK_CARD as CARD
from generator.cardnumbers import BPJS_TK, KIP, KIS, KKS
from generator.detectors import FOLD, find, suspects
from generator.pipeline import inspect

ROOT = Path(__file__).resolve().parent.parent

# (text, the personal data in it, the kind the scan must name)
TRUE_POSITIVES = [
    ("NIK saya 3201231508850001, mohon dibantu.", "3201231508850001", "NIK/nomor KK"),
    ("NIK istri 3201235508850001.", "3201235508850001", "NIK/nomor KK"),
    ("NIK: 3201 2315 0885 0001", "3201 2315 0885 0001", "NIK/nomor KK"),
    ("nik 32.01.23.150885.0001 ya", "32.01.23.150885.0001", "NIK/nomor KK"),
    ("KTP 1803-0212-0315-0004 hilang", "1803-0212-0315-0004", "NIK/nomor KK"),
    ("No KK 1803021203150004 belum terbit.", "1803021203150004", "NIK/nomor KK"),
    ("kk kami 1803026701900002", "1803026701900002", "NIK/nomor KK"),
    ("NIK saya 3201231508850000 salah ketik", "3201231508850000", "nomor identitas"),
    ("NPWP 12.345.678.9-012.345 atas nama saya", "12.345.678.9-012.345", "nomor identitas"),
    ("kartu BPJS 0001234567890 ditolak", "0001234567890", KIS),
    ("NIP saya 198503152010011003", "198503152010011003", "nomor identitas"),
    ("Hubungi 0812-3456-7890 segera", "0812-3456-7890", "nomor telepon"),
    ("nomornya 0812 - 3456 - 7890 ya", "0812 - 3456 - 7890", "nomor telepon"),
    ("NIK 3201 - 2315 - 0885 - 0001", "3201 - 2315 - 0885 - 0001", "NIK/nomor KK"),
    ("WA saya +62 812 3456 7890.", "+62 812 3456 7890", "nomor telepon"),
    ("hubungi 6281234567890", "6281234567890", "nomor telepon"),
    ("no hp 0812.3456.7890", "0812.3456.7890", "nomor telepon"),
    ("hp:081234567890", "081234567890", "nomor telepon"),
    ("+6285712345678 (wa)", "+6285712345678", "nomor telepon"),
    ("telepon 0857 1234 5678 malam", "0857 1234 5678", "nomor telepon"),
    ("0813-1234-567 bisa dihubungi", "0813-1234-567", "nomor telepon"),
    ("Sindang Sari 081234567890", "081234567890", "nomor telepon"),
    ("Telp. (0724) 21345 kantor", "(0724) 21345", "nomor telepon"),
    ("rumah (0724) 21234 tiap sore", "(0724) 21234", "nomor telepon"),
    ("telepon rumah 0721-123456", "0721-123456", "nomor telepon"),
    ("atau 021 5551 234 di Jakarta", "021 5551 234", "nomor telepon"),
    ("(021) 5551234", "(021) 5551234", "nomor telepon"),
    ("+62 724 21234", "+62 724 21234", "nomor telepon"),
    ("tlp 0724-2134 kalau sempat", "0724-2134", "nomor telepon"),
    # Written to get past a filter, or pasted from a word processor or phone:
    ("hubungi ０８１２-３４５６-７８９０", "０８１２-３４５６-７８９０", "nomor telepon"),
    ("hp 0812\u00a03456\u00a07890 (spasi tak putus)", "0812\u00a03456\u00a07890", "nomor telepon"),
    ("hp 0812\u20133456\u20137890", "0812\u20133456\u20137890", "nomor telepon"),
    ("wa ٠٨١٢٣٤٥٦٧٨٩٠", "٠٨١٢٣٤٥٦٧٨٩٠", "nomor telepon"),
    ("hp 0812\n3456\n7890", "0812\n3456\n7890", "nomor telepon"),
    (
        "NIK 3201\u00a02315\u00a00885\u00a00001",
        "3201\u00a02315\u00a00885\u00a00001",
        "NIK/nomor KK",
    ),
    ("surel budi＠gmail．com", "budi＠gmail．com", "alamat e-mail"),
    ("Balas ke budi.santoso87@gmail.com ya", "budi.santoso87@gmail.com", "alamat e-mail"),
    ("surel: Siti_Aminah+lapor@yahoo.co.id", "Siti_Aminah+lapor@yahoo.co.id", "alamat e-mail"),
    ("kirim ke budisan [at] gmail.com", "budisan [at] gmail.com", "alamat e-mail"),
    ("email budisan(at)gmail(dot)com", "budisan(at)gmail(dot)com", "alamat e-mail"),
    ("budi at gmail dot com", "budi at gmail dot com", "alamat e-mail"),
    ("Dana ke rek 1234567890 hilang", "1234567890", "nomor rekening"),
    ("No. Rek. 0123-4567-89 atas nama saya", "0123-4567-89", "nomor rekening"),
    ("transfer ke rekening BRI 0021-01-123456-50-3", "0021-01-123456-50-3", "nomor rekening"),
    ("rekening: 9876543210 diblokir", "9876543210", "nomor rekening"),
    ("rek BCA a.n. Budi 8 7 6 5 4 3 2 1 0", "8 7 6 5 4 3 2 1 0", "nomor rekening"),
    ("nama saya Budi Santoso, warga Kotabumi", "Budi Santoso", "nama pelapor"),
    ("Nama lengkap: Siti Aminah", "Siti Aminah", "nama pelapor"),
    ("saya bernama Rahmat Hidayat", "Rahmat Hidayat", "nama pelapor"),
    ("rumah saya di Jl. Melati Indah No. 5", "Melati Indah", "alamat rumah"),
    ("alamat saya: Gg. Kenanga Blok C3", "Kenanga", "alamat rumah"),
    # As LAPOR! reports are typed on phones: no space after a full stop, "sy", "tdk", "hp".
    ("Sy mau lapor.anak sy tdk dpt PIP.NISN 0081234567.mohon dibantu", "0081234567", "NISN"),
    ("nisn:0091234568 atas nama anak sy", "0091234568", "NISN"),
    ("anak sy kls 5,NISNnya 3108765432 tp blm terdaftar", "3108765432", "NISN"),
    ("NISN anak sy 008123456 (kurang 1 angka?)", "008123456", "NISN"),
    ("No.KIS 0001234567890 tdk aktif pdhl sy PBI", "0001234567890", KIS),
    ("kartu KIS sy 0002345678901 ditolak di puskesmas", "0002345678901", KIS),
    ("no kartu bpjs kesehatan ibu sy:0001 2345 6789 0", "0001 2345 6789 0", KIS),
    ("sy peserta JKN-KIS no 0003456789012,dirujuk tp ditolak", "0003456789012", KIS),
    ("noka 0001122334455 a.n. sy", "0001122334455", KIS),
    ("no. peserta 0001234567890", "0001234567890", KIS),
    ("Sy pasien dgn no 0001234567890,ditolak RS krn kamar penuh", "0001234567890", KIS),
    ("BPJS TK sy no 12345678901 blm cair JHT nya", "12345678901", BPJS_TK),
    ("saldo JHT blm cair.no KPJ 19012345678", "19012345678", BPJS_TK),
    ("bpjs ketenagakerjaan suami sy 20123456789 tdk bs diklaim", "20123456789", BPJS_TK),
    ("KKS sy 5221 8412 3456 7890 tdk bs dipakai di e-warong", "5221 8412 3456 7890", KKS),
    ("no kks.6013011234567891 saldo 0", "6013011234567891", KKS),
    ("kartu KIP anak sy C4KX8Y hilang", "C4KX8Y", KIP),
    ("KIP kuliah no 1234567890123456 blm cair", "1234567890123456", KIP),
    ("no peserta PKH 123456789012 tdk muncul", "123456789012", "nomor peserta"),
    ("bansos tdk msk ke kartu atm sy 5264-2212-3456-7891", "5264-2212-3456-7891", CARD),
    ("uang hilang dr 6013 0198 7654 3218 tgl 3", "6013 0198 7654 3218", CARD),
    ("Nomor Induk Siswa Nasional anak sy 0081234567", "0081234567", "NISN"),
    ("kartu Indonesia Sehat sy 0001234567890", "0001234567890", KIS),
    ("kartu keluarga sejahtera 5221841234567898 blm aktif", "5221841234567898", KKS),
    ("kartu Indonesia Pintar C4KX8Y", "C4KX8Y", KIP),
    ("Nisn anak sy yaitu 0081234567", "0081234567", "NISN"),
    ("KKS atas nama ibu sy 6013011234567891", "6013011234567891", KKS),
    ("no hp 081234567890 tdk aktif", "081234567890", "nomor telepon"),
    ("sy.081234567890", "081234567890", "nomor telepon"),
    ("hp:0812-3456-7890,sy tunggu", "0812-3456-7890", "nomor telepon"),
    ("WA 0812 3456 7890.trims", "0812 3456 7890", "nomor telepon"),
    ("no.hp.081234567890.tolong", "081234567890", "nomor telepon"),
    ("hp081234567890", "081234567890", "nomor telepon"),
    ("tdk bs dihubungi 08123456789", "08123456789", "nomor telepon"),
    ("hp/wa:0813-1234-5678", "0813-1234-5678", "nomor telepon"),
    ("hub sy di 081234567890/085712345678", "081234567890", "nomor telepon"),
    ("hub sy di 081234567890/085712345678", "085712345678", "nomor telepon"),
    ("no hp/081234567890 (wa)", "081234567890", "nomor telepon"),
    ("wa 812-3456-7890 tanpa nol", "812-3456-7890", "nomor telepon"),
    ("Sy sdh lapor 3x.tlg hub sy di 0857-1234-5678.trims", "0857-1234-5678", "nomor telepon"),
    ("Mhn ditindaklanjuti.kontak sy:+62812-3456-7890", "+62812-3456-7890", "nomor telepon"),
    ("tlpn 08571234567 a.n. sy sendiri", "08571234567", "nomor telepon"),
]

FALSE_POSITIVES = [
    "Saya diminta membayar Rp 2.500.000 untuk sertifikat.",
    "Biaya Rp2.500.000,00 tanpa kuitansi.",
    "Biaya Rp2.500.000,- tanpa kuitansi.",
    "Kerugian 2,5 juta rupiah.",
    "Dana desa Rp 62.500.000 dan Rp 625.000.000 belum cair.",
    "Anggaran 62.500.000 rupiah tahun ini.",
    "Rp 1.500.000 x 12 bulan = Rp 18.000.000",
    "Kejadian 03-03-2025 dan 2025-03-03 09:00, lalu 17-08-2025 pukul 09.30.",
    "Tanggal 01-02-2025 s.d. 02-03-2025, jam layanan 08.00-16.00 WIB.",
    "Dilaporkan 2025-03-03T09:00:00+07:00.",
    "Lokasi di RT 003/RW 005 Dusun II, juga RT 03/RW 05.",
    "Surat nomor 470/1234/DUKCAPIL/2025 belum dibalas.",
    "Surat 045.2/123/II/2025 dan SK No. 800/123/III.05/2025.",
    "Perda No. 3 Tahun 2019 tentang retribusi.",
    "Nomor register 0724/2025 sudah ada.",
    "Jalan rusak sepanjang 250 meter, jarak 12.500 meter dari kota, 0,5 km dari pasar.",
    "Saya dapat antrean 123, nomor antrian A-0123456, tapi tidak dipanggil.",
    "Sudah pernah lapor dengan nomor LU-002 dan LU-2023-000001.",
    "Sejak tahun 2019 sampai 2025 (2019-2025) tidak diperbaiki.",
    "Kode pos 34511, Kecamatan Kotabumi.",
    "Tagihan rekening air Rp 1.250.000 terlalu mahal.",
    "Rekening listrik Rp2.500.000,- padahal rumah kosong.",
    "Kepala Dinas, NIP. 19850315 201001 1 003",
    "Ditandatangani NIP 198503152010011003.",
    "Hubungi call center 1500 454 atau 0800-1-500-000 (bebas pulsa).",
    "Silakan surati info@lampungutarakab.go.id.",
    "Truk BE 1234 AB parkir di bahu jalan.",
    "Invoice INV-2025-0001234, ID pelanggan 512345678901.",
    "Titik -4.831234, 104.884123 di peta.",
    "Nama saya tidak ingin disebut.",
    "Atas nama warga RT 02 kami mohon perbaikan.",
    "Rumah saya kebanjiran sejak Senin.",
    "Kode wilayah 18.03.02, kode pos 34517.",
    "Pembayaran 3x Rp 150.000 pada 12/03/2025.",
    "Versi aplikasi 2.10.3 build 20250301.",
    "Jam 10:30:45 antrean ke-17.",
    "Ukuran 20x30x40 cm, berat 1.250 kg.",
    "Nomor kendaraan dinas BE 9 AB dan BE 1023 YZ.",
    # Look-alikes of card numbers and informal phone numbers in LAPOR! reports and answers.
    "Anggaran 1.250.000.000 utk jalan desa.",
    "Nomor surat 1234567890/2024 tgl 3 Maret.",
    "SK No. 0012345678 ttg penerima PIP.",
    "Kepala Dinas Pendidikan, NIP 19850101 201001 1 002.",
    "Petugas: NIP. 198001012005011001, pangkat III/c.",
    "Jumlah penerima KIP 1.250 siswa, dana PIP Rp 450.000/siswa.",
    "Bantuan PKH Rp 750.000 per tahap,KKS baru dibagikan 2019-2020.",
    "Kartu KIS sejak 01-02-2025 tidak aktif.",
    "KIS 01-02-2025 nonaktif, KKS 2017-2019 hilang.",
    "Iuran BPJS 12500000 rupiah utk 250 karyawan.",
    "Tunggakan iuran BPJS Rp 1.250.000 sejak 2023.",
    "Peserta BPJS di kabupaten ini 125.000 jiwa.",
    "Call center BPJS Kesehatan 165 atau 1500400.",
    "Dana KIP Kuliah 2024/2025 semester 1 blm cair.",
    "Penerima KIP SMAN01 ada 40 siswa.",
    "KKS tahap 2 tahun 2024 sudah disalurkan.",
    "No. antrean BPJS 012345 di loket 3.",
    "Kode booking 000123456789 utk tiket.",
    "ID pelanggan PLN 512345678901, token 4123-5678-9012-3456-7890.",
    "Virtual account BRIVA 8880812345678901 utk retribusi.",
    "No tiket gangguan 0001234567890123 sdh diproses.",
    "Nomor register perkara 0001234/PDT.G/2024.",
    "Surat No. 400.3/0812/DISDIK/2025 dan B/0812345678/DPMPTSP/2025.",
    "Kartu ATM hilang,sudah diblokir oleh bank.",
    "Nomor seri blanko 0001234567 habis.",
    "Tgl 08/12/2025 jam 08.12,antrean 0812.",
    "Kerugian Rp 081.234.567 menurut BPK.",
    "No. transaksi 5264221234567890 di aplikasi.",  # a card's shape, but its Luhn check fails
    "Peserta KIS yang baru 1.250 orang, kuota NISN 2024-2025.",
    "KIS yg lama 2020 2021 tdk berlaku,KKS yg lama 2 lembar.",
    "Penerima BPJS PBI 125000 jiwa tahun 2025, jumlah peserta 12345678 orang.",
]


def scan_kinds(text: str) -> list[tuple[str, str]]:
    return [(m.kind, text[m.start : m.end]) for m in find(text)]


def test_true_positive_corpus_is_found_whole():
    missed = []
    for text, secret, kind in TRUE_POSITIVES:
        found = [(k, span) for k, span in scan_kinds(text) if secret in span]
        if not found or found[0][0] != kind:
            missed.append((text, scan_kinds(text)))
    recall = 1 - len(missed) / len(TRUE_POSITIVES)
    assert missed == [], f"recall {recall:.0%} on {len(TRUE_POSITIVES)} samples"


def test_a_masked_match_never_shows_the_whole_match():
    for text, secret, _ in TRUE_POSITIVES:
        for match in find(text):
            folded = secret.translate(FOLD)
            assert secret not in match.masked and folded not in match.masked, text


def test_the_cheap_pass_keeps_every_cell_with_personal_data():
    texts = pd.Series([text for text, _, _ in TRUE_POSITIVES] + ["tanpa angka", "Rp 2.500"])
    kept = suspects(texts)
    positives = texts[: len(TRUE_POSITIVES)]
    assert kept[: len(TRUE_POSITIVES)].all(), list(positives[~kept])
    assert not kept[len(TRUE_POSITIVES) :].any()


def test_false_positive_corpus_raises_no_alarm():
    alarms = [(text, scan_kinds(text)) for text in FALSE_POSITIVES if find(text)]
    assert alarms == [], f"{len(alarms)} false alarms in {len(FALSE_POSITIVES)} samples"


def test_bundled_sample_raises_no_alarm():
    report = inspect(ROOT / "data" / "sample", project_settings.validate({}))
    assert report.problems == []
    assert report.counts["complaints"]["total"] == 2000


@pytest.mark.parametrize(
    "text",
    [
        "0812\u200b3456\u200b7890",  # zero-width spaces
        "0812\u202e3456\u202c7890",  # bidi override
        "08\x001234\x0056789",  # NUL
        "3201\u20662315\u20690885\u200e0001",
    ],
)
def test_invisible_characters_cannot_hide_a_number(tmp_path, text):
    tables = base_tables()
    tables["complaints"][0]["body"] = f"hubungi {text} ya"
    report = inspect(write_input(tmp_path, tables), project_settings.validate({}))
    assert [p.message.split(")")[0] for p in report.problems] in (
        ["data pribadi (nomor telepon"],
        ["data pribadi (NIK/nomor KK"],
    )


# --- Every input format, every free-text column --------------------------------------------

SECRETS = {
    "nik": "3201231508850001",
    "phone": "0812-3456-7890",
    "mail": "budi.santoso87@gmail.com",
    "rek": "1234567890",
    "landline": "(0724) 21345",
    "name": "Rahmat Hidayat",
}


def personal_tables() -> dict[str, list[dict]]:
    """The base input with personal data in every free-text column, answers included."""
    tables = base_tables()
    first = tables["complaints"][0]  # LU-001, row 2
    first["title"] = f"Tolong hubungi {SECRETS['phone']}"
    first["body"] = f"NIK saya {SECRETS['nik']}, nama saya {SECRETS['name']}."
    first["desa"] = f"Sindang Sari telp {SECRETS['landline']}"
    tables["complaints"][1]["kecamatan"] = f"surel {SECRETS['mail']}"  # LU-002, row 3
    tables["complaints"][1]["category"] = f"hp {SECRETS['phone']}"
    # An agency's answer, row 4 of responses (LU-001)
    tables["responses"][2]["text"] = f"Dana dikembalikan ke rekening {SECRETS['rek']}."
    return tables


EXPECTED = [
    ("complaints", 2, "body", "LU-001"),
    ("complaints", 2, "body", "LU-001"),
    ("complaints", 2, "desa", "LU-001"),
    ("complaints", 2, "title", "LU-001"),
    ("complaints", 3, "category", "LU-002"),
    ("complaints", 3, "kecamatan", "LU-002"),
    ("responses", 4, "text", "LU-001"),
]

FORMATS = {
    "csv": lambda folder, tables: write_input(folder, tables),
    "xlsx": write_xlsx,
    "json": write_json,
}


def assert_never_whole(text: str) -> None:
    for secret in SECRETS.values():
        assert secret not in text, secret
        digits = re.sub(r"\D", "", secret)
        if len(digits) >= 6:
            assert digits not in text, secret


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_personal_data_is_found_in_every_format_and_column(tmp_path, fmt):
    FORMATS[fmt](tmp_path, personal_tables())
    report = inspect(tmp_path, project_settings.validate({}))
    found = sorted(
        (p.file.rsplit(".", 1)[0], p.row, p.column, p.tracking_id) for p in report.problems
    )
    assert found == EXPECTED
    assert all(p.file.endswith(f".{fmt}") and p.fatal for p in report.problems)
    assert_never_whole(json.dumps(report.as_json(), ensure_ascii=False))


@pytest.fixture(scope="module")
def personal_input(tmp_path_factory) -> Path:
    return write_input(tmp_path_factory.mktemp("personal") / "input", personal_tables())


def test_check_and_publish_stop_and_never_print_a_match(personal_input, tmp_path):
    check = run_cli("check", str(personal_input))
    check_json = run_cli("check", str(personal_input), "--json")
    output = tmp_path / "site"
    publish = run_cli(
        "build", "--settings", "publishconf.py", "--data", str(personal_input), "--output",
        str(output),
    )  # fmt: skip
    for result in (check, check_json, publish):
        assert result.returncode == 1
        assert_never_whole(result.stdout + result.stderr)
    assert not output.exists()
    lines = [line for line in publish.stderr.splitlines() if "data pribadi (" in line]
    assert len(lines) == len(EXPECTED)
    assert "complaints.csv:2: title: data pribadi (nomor telepon) ditemukan: 0812-****-7890" in (
        publish.stderr
    )
    problems = json.loads(check_json.stdout)["problems"]
    assert sorted((p["file"], p["row"], p["column"], p["tracking_id"]) for p in problems) == [
        (f"{t}.csv", r, c, i) for t, r, c, i in EXPECTED
    ]


@pytest.fixture(scope="module")
def redacted_site(personal_input, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    output = tmp_path_factory.mktemp("redacted") / "site"
    result = run_cli(
        "build", "--data", str(personal_input), "--output", str(output), "--pii-policy", "redact"
    )
    assert result.returncode == 0, result.stderr
    return output, result


def test_redact_publishes_and_lists_what_it_replaced(redacted_site):
    _, result = redacted_site
    assert_never_whole(result.stdout + result.stderr)
    notes = [line for line in result.stderr.splitlines() if "disamarkan:" in line]
    assert len(notes) == len(EXPECTED)
    assert "complaints.csv:2: title: data pribadi (nomor telepon) disamarkan: 0812-****-7890 " in (
        "\n".join(notes) + " "
    )
    assert "[LU-001]" in notes[0]
    assert "laporan: 4 baris = 2 diterbitkan + 2 hanya dihitung + 0 ditolak" in result.stdout


def test_redacted_text_is_the_same_in_every_output_file(redacted_site):
    output, _ = redacted_site
    files = [p for p in sorted(output.rglob("*")) if p.is_file()]
    for path in files:  # search-index fragments are gzip-compressed: read them unpacked
        raw = path.read_bytes()
        assert_never_whole(
            (gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw).decode(
                "utf-8", errors="replace"
            )
        )
    case = (output / "kasus/lu-001/index.html").read_text("utf-8")
    assert "Tolong hubungi [disamarkan]" in case
    assert "NIK saya [disamarkan], nama saya [disamarkan]." in case
    assert "Dana dikembalikan ke rekening [disamarkan]." in case
    listing = (output / "instansi/dinas-pupr/index.html").read_text("utf-8")
    assert "Tolong hubungi [disamarkan]" in listing
    # Whatever other pages, feeds or data files hold a report's text hold it redacted.
    holding = [p for p in files if b"Tolong hubungi" in p.read_bytes()]
    assert all(b"Tolong hubungi [disamarkan]" in p.read_bytes() for p in holding)


def test_redact_in_process_logs_only_masked_matches(personal_input, tmp_path, caplog):
    from test_settings import settings_file

    conf = settings_file(tmp_path, 'PII_POLICY = "redact"')
    with caplog.at_level(logging.DEBUG):
        assert build(personal_input, tmp_path / "out", settings=str(conf)) == 0
    assert_never_whole("\n".join(r.getMessage() for r in caplog.records))
    assert sum("disamarkan:" in r.getMessage() for r in caplog.records) == len(EXPECTED)


def test_skip_invalid_never_skips_personal_data(personal_input, tmp_path):
    result = run_cli("build", "--data", str(personal_input), "--output", str(tmp_path / "o"),
                     "--skip-invalid")  # fmt: skip
    assert result.returncode == 1
    assert not (tmp_path / "o").exists()


def test_redaction_keeps_the_rest_of_a_cell(tmp_path):
    tables = base_tables()
    tables["complaints"].append(
        complaint("LU-009", body="Telp 0812-3456-7890, lalu budi@gmail.com. Rp 2.500.000 hilang.")
    )
    tables["responses"].append(
        event("LU-009", "2025-03-05T09:00:00", "instansi", "tanggapan", "dinas-pupr", "Baik.")
    )
    data = write_input(tmp_path / "input", tables)
    assert build(data, tmp_path / "out", "--pii-policy", "redact") == 0
    html = (tmp_path / "out/kasus/lu-009/index.html").read_text("utf-8")
    assert "Telp [disamarkan], lalu [disamarkan]. Rp 2.500.000 hilang." in html


def test_check_json_with_redact_lists_replacements_not_problems(personal_input):
    result = run_cli("check", str(personal_input), "--json", "--pii-policy", "redact")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ok"] is True and data["problems"] == []
    assert sorted(
        (p["file"], p["row"], p["column"], p["tracking_id"]) for p in data["redacted"]
    ) == [(f"{t}.csv", r, c, i) for t, r, c, i in EXPECTED]
    assert all("disamarkan:" in p["message"] for p in data["redacted"])
    assert_never_whole(result.stdout + result.stderr)


CARD_BODY = (
    "Sy mau lapor.anak sy tdk dpt PIP.NISN 0081234567,kartu KIP C4KX8Y.No.KIS ibu "
    "0001234567890,KKS 5221 8412 3456 7890.hp sy.081234567890"
)
CARD_SECRETS = ("0081234567", "C4KX8Y", "0001234567890", "5221 8412 3456 7890", "081234567890")


def test_card_numbers_stop_the_build_by_kind_and_masked(tmp_path):
    tables = base_tables()
    tables["complaints"][0]["body"] = CARD_BODY
    report = inspect(write_input(tmp_path, tables), project_settings.validate({}))
    assert [p.message for p in report.problems] == [
        "data pribadi (NISN) ditemukan: 00******67",
        "data pribadi (nomor kartu KIP) ditemukan: C****Y",
        "data pribadi (nomor kartu KIS/BPJS Kesehatan) ditemukan: 0001*****7890",
        "data pribadi (nomor kartu KKS) ditemukan: 5221 **** **** 7890",
        "data pribadi (nomor telepon) ditemukan: 0812****7890",
    ]


def test_redact_replaces_card_numbers(tmp_path):
    tables = base_tables()
    tables["complaints"][0]["body"] = CARD_BODY
    data = write_input(tmp_path / "input", tables)
    assert build(data, tmp_path / "out", "--pii-policy", "redact") == 0
    html = (tmp_path / "out/kasus/lu-001/index.html").read_text("utf-8")
    assert (
        "Sy mau lapor.anak sy tdk dpt PIP.NISN [disamarkan],kartu KIP [disamarkan].No.KIS ibu "
        "[disamarkan],KKS [disamarkan].hp sy.[disamarkan]"
    ) in html
    for path in (tmp_path / "out").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".csv", ".json", ".xml"):
            text = path.read_text("utf-8", errors="replace")
            assert not any(secret in text for secret in CARD_SECRETS), path
