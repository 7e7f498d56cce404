"""The kabupaten of the sample input: its kecamatan and villages, its agencies.

Public facts: the 23 kecamatan of Kabupaten Lampung Utara, their Kemendagri codes and
centroids (rounded to 0.01°, from cahyadsn/wilayah_boundaries, MIT licence) and the
agencies' names. One exception: Abung Semuli is two parts whose centroid lies outside both,
so its centre here is in the western part (105.01 instead of 105.05), keeping its map
points inside it. ``spread`` was chosen so that nearly all points fall inside their own
kecamatan's boundary. Invented: the village names and every agency's behaviour (how fast and how
well it answers), chosen so that agencies differ clearly in the scorecards.
"""

from __future__ import annotations

from dataclasses import dataclass

from .schema import AGENCY_KINDS

OPD, KECAMATAN_OFFICE, BUMD, VERTIKAL, LAINNYA = AGENCY_KINDS


@dataclass(frozen=True)
class Kecamatan:
    code: str
    name: str
    lat: float
    lon: float
    weight: float  # share of reports, roughly by population
    spread: float  # how far villages lie from the centre; 1 = about 3 km, less in small ones
    desa: str  # comma-separated village names
    kelurahan: bool = False  # the urban kecamatan have kelurahan, not desa


# fmt: off
KECAMATAN = tuple(Kecamatan(*row) for row in (
    ("18.03.01", "Bukit Kemuning", -4.93, 104.55, 3.0, 1.0,
     "Bukit Kemuning, Tanjung Baru, Suka Menanti, Muara Aman, Dwikora Ilir"),
    ("18.03.02", "Kotabumi", -4.83, 104.85, 6.0, 0.5, "Kotabumi Ilir, Kotabumi Tengah, "
     "Kotabumi Pasar, Rejosari, Sindangsari, Tanjung Aman", True),
    ("18.03.03", "Sungkai Selatan", -4.71, 104.80, 2.5, 0.5,
     "Ketapang, Karang Rejo, Kota Napal, Negara Ratu, Sinar Harapan"),
    ("18.03.04", "Tanjung Raja", -4.97, 104.65, 2.5, 1.0,
     "Tanjung Raja, Merambung, Sukasari, Ulok Rengas, Gunung Katun"),
    ("18.03.05", "Abung Timur", -4.74, 104.98, 2.5, 0.4,
     "Bumi Agung Marga, Penagan Ratu, Sukamaju, Campang Gijul, Rengas"),
    ("18.03.06", "Abung Barat", -4.86, 104.70, 2.0, 1.0,
     "Ogan Lima, Kamplas, Cempaka, Sumber Agung, Way Wakak"),
    ("18.03.07", "Abung Selatan", -4.90, 104.93, 4.0, 0.75,
     "Kalibalangan, Kemalo Abung, Trimodadi, Bumi Raya, Sidomukti"),
    ("18.03.08", "Sungkai Utara", -4.61, 104.76, 2.5, 1.0,
     "Negara Ratu Wates, Baru Raharja, Gedung Negara, Ogan Jaya, Sidodadi"),
    ("18.03.09", "Kotabumi Utara", -4.75, 104.86, 4.0, 0.5,
     "Kelapa Tujuh, Madukoro, Talang Jali, Wonomarto, Sawojajar", True),
    ("18.03.10", "Kotabumi Selatan", -4.89, 104.87, 5.0, 0.5,
     "Tanjung Harapan, Tanjung Senang, Mulang Maya, Kotabumi Tengah Barat, Bumi Ratu", True),
    ("18.03.11", "Abung Tengah", -4.94, 104.75, 2.0, 0.4,
     "Gunung Besar, Kinciran, Gunung Gijul, Pulau Panggung, Candimas"),
    ("18.03.12", "Abung Tinggi", -4.88, 104.62, 2.0, 0.5,
     "Ulak Ata, Sumber Jaya, Tanjung Bulan, Bandar Putih, Ulak Rengas"),
    ("18.03.13", "Abung Semuli", -4.81, 105.01, 2.0, 0.75,
     "Semuli Raya, Gunung Keramat, Papan Asri, Sido Kayo, Semuli Jaya"),
    ("18.03.14", "Abung Surakarta", -4.71, 105.03, 2.0, 1.0,
     "Tata Karya, Karang Mulya, Sinar Mulya, Purba Sakti, Bumi Restu"),
    ("18.03.15", "Muara Sungkai", -4.60, 104.96, 1.5, 1.0,
     "Negeri Ujung Karang, Gunung Labuhan, Bumi Ratu Nuban, Ibul Jaya, Karang Sakti"),
    ("18.03.16", "Bunga Mayang", -4.59, 104.88, 2.5, 1.0,
     "Tulang Bawang Baru, Negara Tulang Bawang, Mulyo Rejo, Isorejo, Sukadana Ilir"),
    ("18.03.17", "Hulu Sungkai", -4.65, 104.67, 1.5, 1.0,
     "Gedung Makripat, Pakuan Agung, Ciamis, Gunung Maknibai, Tanjung Iman"),
    ("18.03.18", "Sungkai Tengah", -4.72, 104.70, 1.5, 0.2,
     "Batu Nangkop, Sukamarga, Gunung Gede, Negeri Galih Rejo, Ojolali"),
    ("18.03.19", "Abung Pekurun", -5.01, 104.73, 1.5, 0.3,
     "Pekurun, Pekurun Tengah, Pekurun Udik, Tulung Balak, Sido Rahayu"),
    ("18.03.20", "Sungkai Jaya", -4.80, 104.76, 1.2, 0.75,
     "Cempaka Jaya, Sinar Jaya, Sidomulyo, Gedung Jaya, Cempaka Barat"),
    ("18.03.21", "Sungkai Barat", -4.78, 104.69, 1.5, 1.0,
     "Sinar Harapan Barat, Gedung Ketapang, Comok Sinar Jaya, Tanjung Jaya, Way Isem"),
    ("18.03.22", "Abung Kunang", -4.89, 104.81, 1.2, 0.5,
     "Aji Kagungan, Beringin, Sawojajar Kunang, Wonosari, Sidomukti Kunang"),
    ("18.03.23", "Blambangan Pagar", -4.89, 105.03, 1.5, 1.0,
     "Blambangan, Pagar, Jagang, Tanah Abang, Buring Kencana"),
))
# fmt: on


@dataclass(frozen=True)
class Agency:
    """An agency (public name) and its invented behaviour towards reports."""

    agency_id: str
    name: str
    short_name: str
    kind: str
    median_days: float  # working days from disposisi to the first answer
    spread: float  # sigma of log(delay): how unpredictable the agency is
    p_silent: float  # never answers at all
    p_stall: float  # answers but never closes the report
    rating: float  # mean satisfaction, 1-5
    parent_id: str = ""
    home: str = ""  # area code of the one kecamatan it serves (camat, puskesmas)


# fmt: off
AGENCY_LIST = tuple(Agency(*row) for row in (
    ("dinas-pupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR", OPD,
     12, .9, .10, .08, 2.7),
    ("dinas-kesehatan", "Dinas Kesehatan", "Dinkes", OPD, 4, .7, .03, .03, 3.6),
    ("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", OPD,
     1.5, .5, .01, .01, 4.3),
    ("dinas-sosial", "Dinas Sosial", "Dinsos", OPD, 7, .8, .07, .05, 3.0),
    ("dinas-pendidikan", "Dinas Pendidikan dan Kebudayaan", "Disdikbud", OPD,
     5, .7, .04, .03, 3.4),
    ("dlh", "Dinas Lingkungan Hidup", "DLH", OPD, 4, .7, .04, .04, 3.5),
    ("dinas-perhubungan", "Dinas Perhubungan", "Dishub", OPD, 6, .8, .05, .04, 3.2),
    ("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", OPD,
     2, .5, .02, .01, 4.0),
    ("bpbd", "Badan Penanggulangan Bencana Daerah", "BPBD", OPD, 1, .6, .02, .02, 3.9),
    ("dinas-perkim", "Dinas Perumahan dan Kawasan Permukiman", "Dinas Perkim", OPD,
     9, .9, .08, .06, 2.9),
    ("satpol-pp", "Satuan Polisi Pamong Praja", "Satpol PP", OPD, 3, .7, .04, .03, 3.5),
    ("diskominfo", "Dinas Komunikasi dan Informatika", "Diskominfo", OPD,
     1.5, .5, .01, .01, 4.1),
    ("rsud-ryacudu", "Rumah Sakit Umum Daerah Mayjend H.M. Ryacudu", "RSUD Ryacudu", OPD,
     5, .8, .05, .04, 3.0),
    ("dinas-pertanian", "Dinas Pertanian", "Distan", OPD, 6, .8, .06, .04, 3.1),
    ("bapenda", "Badan Pendapatan Daerah", "Bapenda", OPD, 4, .7, .03, .02, 3.5),
    ("dinas-pmd", "Dinas Pemberdayaan Masyarakat dan Desa", "Dinas PMD", OPD,
     10, .9, .09, .07, 2.8),
    ("inspektorat", "Inspektorat Daerah", "Inspektorat", OPD, 15, .9, .12, .06, 2.8),
    ("dinas-perdagangan", "Dinas Perdagangan", "Disdag", OPD, 6, .8, .05, .04, 3.2),
    ("damkar", "Dinas Pemadam Kebakaran dan Penyelamatan", "Damkar", OPD, 1, .5, .01, .01, 4.2),
    ("pkm-kotabumi-1", "UPTD Puskesmas Kotabumi I", "Puskesmas Kotabumi I", OPD,
     3, .6, .03, .02, 3.7, "dinas-kesehatan", "18.03.02"),
    ("pkm-bukit-kemuning", "UPTD Puskesmas Bukit Kemuning", "Puskesmas Bukit Kemuning", OPD,
     4, .7, .05, .03, 3.4, "dinas-kesehatan", "18.03.01"),
    ("pkm-abung-selatan", "UPTD Puskesmas Abung Selatan", "Puskesmas Abung Selatan", OPD,
     6, .8, .06, .04, 3.1, "dinas-kesehatan", "18.03.07"),
    ("kec-kotabumi", "Kecamatan Kotabumi", "Camat Kotabumi", KECAMATAN_OFFICE,
     5, .8, .06, .04, 3.3, "", "18.03.02"),
    ("kec-kotabumi-selatan", "Kecamatan Kotabumi Selatan", "Camat Kotabumi Selatan",
     KECAMATAN_OFFICE, 8, .9, .10, .06, 3.0, "", "18.03.10"),
    ("kec-kotabumi-utara", "Kecamatan Kotabumi Utara", "Camat Kotabumi Utara",
     KECAMATAN_OFFICE, 9, .9, .12, .08, 2.9, "", "18.03.09"),
    ("kec-abung-selatan", "Kecamatan Abung Selatan", "Camat Abung Selatan", KECAMATAN_OFFICE,
     14, 1.0, .20, .10, 2.5, "", "18.03.07"),
    ("kec-bukit-kemuning", "Kecamatan Bukit Kemuning", "Camat Bukit Kemuning",
     KECAMATAN_OFFICE, 16, 1.0, .25, .10, 2.4, "", "18.03.01"),
    ("kec-sungkai-utara", "Kecamatan Sungkai Utara", "Camat Sungkai Utara", KECAMATAN_OFFICE,
     12, 1.0, .18, .10, 2.6, "", "18.03.08"),
    ("pdam-way-rarem", "Perusahaan Umum Daerah Air Minum Way Rarem", "PDAM Way Rarem", BUMD,
     5, .8, .06, .05, 2.6),
    ("polres-lampura", "Kepolisian Resor Lampung Utara", "Polres Lampung Utara", VERTIKAL,
     4, .7, .04, .03, 3.5),
    ("samsat-kotabumi", "Kantor Bersama Samsat Kotabumi", "Samsat Kotabumi", VERTIKAL,
     2, .5, .02, .01, 3.9),
    ("bpjs-kes-kotabumi", "BPJS Kesehatan Kantor Cabang Kotabumi", "BPJS Kesehatan Kotabumi",
     VERTIKAL, 2, .5, .02, .02, 3.7),
    ("bpn-lampura", "Kantor Pertanahan Kabupaten Lampung Utara", "BPN Lampung Utara",
     VERTIKAL, 10, .9, .08, .06, 2.8),
    ("kemenag-lampura", "Kantor Kementerian Agama Kabupaten Lampung Utara",
     "Kemenag Lampung Utara", VERTIKAL, 5, .7, .04, .03, 3.6),
    ("pln-up3-kotabumi", "PT PLN (Persero) UP3 Kotabumi", "PLN UP3 Kotabumi", LAINNYA,
     2, .6, .02, .02, 3.6),
))
# fmt: on
