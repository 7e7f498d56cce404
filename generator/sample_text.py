"""Indonesian words for the sample input: text templates and how a report's texts are made.

The categories and their own templates are in ``sample_categories``. Each category's
templates are one block, a template per line, prefixed with its pool: ``judul`` titles,
``awal`` opening, ``rinci`` detail and ``minta`` request sentences of a pengaduan, ``usul``
and ``info`` phrases for aspirasi and permintaan_informasi, ``jawab`` an agency's first
answer and ``tindak`` its follow-up. The n-th ``judul``, ``awal``, ``jawab`` and ``tindak``
tell one story. Placeholders are the keys of ``slots()``, plus ``{unit}``, the answering
agency's short name, and ``{dari}``, the agency that refuses a report sent to it wrongly.

Every template is invented and holds no personal data: no names of people, no phone-like or
16-digit numbers, no e-mail addresses, no house addresses. Digit runs stay short (RT/RW,
metres, rupiah with dots, letter numbers such as 470/123/DUKCAPIL/2024).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .schema import REPORT_TYPES

PENGADUAN, ASPIRASI, INFORMASI = REPORT_TYPES
POOLS = ("judul", "awal", "rinci", "minta", "usul", "info", "jawab", "tindak")
STORY = ("judul", "awal", "jawab", "tindak")  # pools whose n-th templates belong together
CAMAT, PUSKESMAS = "@camat", "@puskesmas"  # the local office of the report's kecamatan


def _pools(block: str) -> dict[str, tuple[str, ...]]:
    pools: dict[str, list[str]] = {}
    for line in block.strip().splitlines():
        key, _, template = line.strip().partition(" ")
        pools.setdefault(key, []).append(template.strip())
    return {key: tuple(templates) for key, templates in pools.items()}


@dataclass(frozen=True)
class Category:
    """A report category: how often it comes, who handles it, and its words.

    ``agencies`` pairs an agency_id (or CAMAT / PUSKESMAS) with a weight; the first is
    the fallback when the kecamatan has no local office. ``misroute`` are the agencies a
    first disposisi plausibly but wrongly goes to.
    """

    name: str
    dry: float  # relative share May-October
    wet: float  # relative share in the rainy season, November-April
    agencies: tuple[tuple[str, float], ...]
    misroute: tuple[str, ...]
    letter: str  # the form of a letter or file number this kind of office issues
    block: str
    pools: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pools = _pools(self.block)
        missing = [key for key in POOLS if key not in pools]
        if missing or len(pools) != len(POOLS):
            raise ValueError(
                f"Category {self.name!r}: template pools {sorted(pools)} must be "
                f"exactly {POOLS}; missing {missing}."
            )
        if len({len(pools[key]) for key in STORY}) != 1:
            raise ValueError(
                f"Category {self.name!r}: the pools {STORY} tell stories together, so each "
                "needs as many templates."
            )
        object.__setattr__(self, "pools", pools)


# Words shared by every category; same block format as a category's.
COMMON = _pools("""
    salam Selamat pagi, admin.
    salam Assalamualaikum, mohon izin melapor.
    salam Mohon izin menyampaikan keluhan.
    salam Permisi, saya warga {kec} ingin melapor.
    bumbu Kata petugas "sistemnya sedang offline", padahal sudah {kali} kali kami datang.
    bumbu Jaraknya kurang dari < 50 meter dari sekolah & posyandu.
    bumbu Mohon jangan hanya dijawab "sudah dicatat" & ditutup begitu saja.
    bumbu Di aplikasi muncul tulisan "<b>error</b>" saat saya mengunggah foto.
    bumbu Kami tidak ingin laporan ini "menguap" seperti laporan tahun lalu.
    jalan Jalan Lintas Sumatera dekat {desa}
    jalan jalan poros {desa}
    jalan jalan lingkungan RT {rt}
    jalan Jalan Raya {kec}
    jalan jalan penghubung {desa} menuju pasar {kec}
    jalan jalan usaha tani di {dusun}
    dekat balai desa
    dekat SD Negeri {sd} {kec}
    dekat pasar {kec}
    dekat masjid di {dusun}
    dekat simpang tiga {desa}
    dekat puskesmas pembantu
    asp_judul Usulan {usul}
    asp_judul Aspirasi warga {desa}: {usul}
    asp_isi Kami warga {tempat} mengusulkan {usul}. Usulan ini sudah disampaikan di musyawarah \
dusun tetapi belum terwujud. Mohon dipertimbangkan dalam perencanaan tahun {tahun_depan}.
    asp_isi Saya ingin menyampaikan aspirasi tentang {usul}. Sekitar {kk} kepala keluarga di \
{dusun} akan merasakan manfaatnya. Terima kasih.
    inf_judul Mohon informasi {info}
    inf_judul Pertanyaan tentang {info}
    inf_isi Selamat siang, saya ingin menanyakan {info}. Di media sosial resmi belum ada \
keterangannya. Terima kasih atas jawabannya.
    inf_isi Mohon penjelasan mengenai {info}. Kami warga {tempat} sulit mendapat informasinya.
    asp_jawab Terima kasih atas aspirasinya. Usulan {usul} kami catat untuk Musrenbang.
    asp_jawab Usulan akan kami kaji bersama pemerintah kecamatan {kec} sesuai ketersediaan anggaran.
    asp_tindak Usulan telah masuk daftar prioritas kecamatan {kec} dalam aplikasi perencanaan.
    inf_jawab Terima kasih. Informasi tentang {info} tersedia di kantor {unit} pada jam kerja.
    inf_jawab Informasi {info} telah kami unggah di laman dan media sosial resmi {unit}.
    inf_tindak Dokumen informasi yang diminta telah kami kirimkan melalui aplikasi.
    verif Laporan telah diverifikasi dan memenuhi syarat.
    verif Laporan diverifikasi; kerahasiaan pelapor dijaga sesuai pilihannya.
    dispo Laporan diteruskan kepada {unit} untuk ditindaklanjuti.
    dispo Didisposisikan kepada {unit} sesuai kewenangan.
    alih Laporan dialihkan kepada {unit} sesuai kewenangan.
    alih Disposisi diperbaiki: laporan diteruskan kepada {unit}.
    bukan Mohon maaf, permasalahan ini bukan kewenangan {dari}. Mohon diteruskan ke {unit}.
    bukan Laporan ini di luar tugas {dari}; kami sarankan dialihkan ke {unit}.
    terima Terima kasih atas tindak lanjutnya.
    terima Alhamdulillah sudah ditangani, terima kasih {unit}.
    terima Sudah kami cek, kondisinya sudah baik. Terima kasih.
    terima_lain Terima kasih atas jawabannya.
    terima_lain Terima kasih, informasinya sangat membantu.
    belum_lain Jawabannya belum menjawab pertanyaan kami.
    belum_lain Mohon keterangan yang lebih rinci.
    belum Belum ada perbaikan sampai hari ini.
    belum Sudah {hari} hari sejak tanggapan, belum ada petugas yang datang.
    belum Mohon ditindaklanjuti, kondisinya masih sama.
    tutup_i Tindak lanjut telah selesai. Laporan kami tutup.
    tutup_i Permasalahan telah ditangani. Terima kasih atas laporannya.
    tutup_a Laporan ditutup admin: tindak lanjut instansi telah menjawab laporan.
    tutup_a Laporan ditutup karena tidak ada tanggapan lanjutan dari pelapor dalam 10 hari.
""")

_ROMAN = ("I", "II", "III", "IV", "V", "VI")
_RUPIAH = tuple(
    f"Rp {v:,}".replace(",", ".")
    for v in (75_000, 100_000, 125_000, 150_000, 200_000, 250_000, 300_000, 350_000, 500_000)
)
RANDOM_INTS = 26  # how many random integers each report's texts consume, see slots()


def pick(pool: tuple[str, ...], x: int) -> str:
    """The template that integer ``x`` selects from ``pool``."""
    return pool[x % len(pool)]


def slots(r: list[int], kec: str, desa: str, kelurahan: bool, year: int, letter: str) -> dict:
    """The placeholder values of one report, drawn from its random integers ``r``."""
    s = {
        "kec": kec,
        "desa": desa,
        "tahun": str(year),
        "tahun_depan": str(year + 1),
        "tempat": f"{'Kelurahan' if kelurahan else 'Desa'} {desa}, Kecamatan {kec}",
        "dusun": f"{'Lingkungan' if kelurahan else 'Dusun'} {_ROMAN[r[0] % 6]}",
        "rt": f"{1 + r[1] % 18:02d}",
        "rw": f"{1 + r[2] % 9:02d}",
        "m": str(20 + r[5] % 199 * 10),
        "minggu": str(1 + r[7] % 8),
        "hari": str(2 + r[8] % 12),
        "bulan": str(2 + r[9] % 5),
        "rp": pick(_RUPIAH, r[10]),
        "antrian": str(10 + r[11] % 190),
        "jam": f"{(18 + r[12] % 9) % 24:02d}.{r[12] // 9 % 4 * 15:02d}",  # evening or night
        "kali": str(2 + r[13] % 4),
        "kk": str(5 + r[14] % 116),
        "sd": str(1 + r[6] % 9),
    }
    s["surat"] = letter.format(nomor=1 + r[15] % 899, tahun=year)
    s["jalan"] = pick(COMMON["jalan"], r[3]).format_map(s)
    s["dekat"] = pick(COMMON["dekat"], r[4]).format_map(s)
    return s


def report_text(cat: Category, kind: str, s: dict, r: list[int], short: bool) -> tuple[str, str]:
    """Title (≤ 200 chars) and body of a report of ``kind``; ``short`` for an SMS.

    Adds ``usul`` / ``info`` to ``s`` so that the agency's answer can quote them.
    """
    pools = cat.pools
    s["usul"] = pick(pools["usul"], r[16]).format_map(s)
    s["info"] = pick(pools["info"], r[16]).format_map(s)
    if kind == ASPIRASI:
        title, parts = pick(COMMON["asp_judul"], r[17]), [pick(COMMON["asp_isi"], r[18])]
    elif kind == INFORMASI:
        title, parts = pick(COMMON["inf_judul"], r[17]), [pick(COMMON["inf_isi"], r[18])]
    else:
        title = pick(pools["judul"], r[18])  # the story of r[18], see answer_text
        parts = [
            pick(pools["awal"], r[18]),
            pick(pools["rinci"], r[19]),
            pick(pools["minta"], r[20]),
        ]
    if short:  # an SMS keeps to the point
        parts = parts[:1] if len(parts) == 1 else [parts[0], parts[-1]]
    else:
        if r[21] % 100 < 35:
            parts.insert(0, pick(COMMON["salam"], r[21] // 100))
        if r[22] % 100 < 4:  # quotes, "&" and "<" that the site must show literally
            parts.insert(len(parts) - 1, pick(COMMON["bumbu"], r[22] // 100))
    layout = r[23] % 100
    if layout < 6 and len(parts) > 2:
        body = " ".join(parts[:2]) + "\n\n" + " ".join(parts[2:])
    elif layout < 10:
        body = "\n".join(parts)
    else:
        body = " ".join(parts)
    title = title.format_map(s)
    return title[:1].upper() + title[1:200], body.format_map(s)


def answer_text(cat: Category, kind: str, s: dict, r: list[int], follow_up: bool) -> str:
    """An agency's first answer (or, with ``follow_up``, its follow-up) to the report."""
    if kind == PENGADUAN:
        return pick(cat.pools["tindak" if follow_up else "jawab"], r[18]).format_map(s)
    prefix = "asp_" if kind == ASPIRASI else "inf_"
    return pick(COMMON[prefix + ("tindak" if follow_up else "jawab")], r[24]).format_map(s)


def reporter_text(kind: str, pleased: bool, s: dict, x: int) -> str:
    """A reporter's comment: thanks when ``pleased``, else a reminder that nothing happened."""
    pool = ("terima" if pleased else "belum") + ("" if kind == PENGADUAN else "_lain")
    return pick(COMMON[pool], x).format_map(s)


def common_text(pool: str, s: dict, x: int) -> str:
    """A template from the shared pool ``pool`` (verif, dispo, terima, ...), filled in."""
    return pick(COMMON[pool], x).format_map(s)
