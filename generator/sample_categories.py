"""The report categories of the sample input: who handles them and their words.

Shares and handling agencies are invented but plausible for a kabupaten. Each category tells
a few stories, each as four lines in the same place of their pools: the title (``judul``),
the report's opening (``awal``), the agency's first answer (``jawab``) and its follow-up
(``tindak``). Details (``rinci``) and requests (``minta``) fit any story of the category.
The block format and the placeholders are described in ``sample_text``.
"""

from __future__ import annotations

from .sample_text import CAMAT, PUSKESMAS, Category

# Formatted by hand: one category's routing on its first lines, then its words.
# fmt: off
CATEGORIES = (
    Category("Infrastruktur", 17, 21, (("dinas-pupr", 7), ("dinas-perkim", 1), (CAMAT, 2),
             ("dinas-pmd", 1)), ("dinas-perkim", "dinas-perhubungan", "bpbd"),
             "600/{nomor}/PUPR/{tahun}", """
    judul Jalan rusak parah di {jalan}
    awal Jalan di {tempat} rusak parah sejak {bulan} bulan terakhir, terutama di {jalan}.
    jawab Terima kasih. Tim {unit} menjadwalkan peninjauan ke {jalan} dalam {hari} hari kerja.
    tindak Telah dilakukan penambalan lubang sepanjang {m} meter di {jalan}.
    judul Jembatan penghubung di {dusun} {desa} rusak dan membahayakan
    awal Jembatan kayu di {dusun} {desa} sudah lapuk dan banyak papannya yang patah.
    jawab Jembatan di {dusun} telah kami catat; penanganan darurat bersama pemerintah desa.
    tindak Papan jembatan di {dusun} telah diganti sementara bersama warga.
    judul Perbaikan {jalan} tidak kunjung dilakukan
    awal Perbaikan {jalan} yang dijanjikan sejak tahun lalu belum juga dikerjakan.
    jawab Ruas tersebut telah masuk daftar pemeliharaan; pekerjaan menunggu proses pengadaan.
    tindak Tim telah meninjau lokasi. Perbaikan permanen dianggarkan pada tahun {tahun_depan}.
    rinci Saat hujan lubang tergenang air dan sudah {kali} kali pengendara motor terjatuh.
    rinci Anak sekolah ke {dekat} harus memutar sejauh {m} meter karena jalan sulit dilewati.
    rinci Truk pengangkut hasil kebun melintas setiap hari sehingga kerusakan makin parah.
    minta Mohon dinas terkait segera meninjau dan memperbaiki ruas tersebut.
    minta Kami berharap ruas ini masuk program perbaikan tahun {tahun_depan}.
    usul pembangunan drainase di sepanjang {jalan}
    info jadwal perbaikan {jalan}
    info status ruas jalan di {desa}, apakah jalan kabupaten atau jalan desa
    """),
    Category("Penerangan Jalan Umum", 6, 6, (("dinas-perhubungan", 55), ("dinas-perkim", 30),
             ("pln-up3-kotabumi", 15)), ("pln-up3-kotabumi", "dinas-perkim", "dinas-pupr"),
             "671/{nomor}/DISHUB/{tahun}", """
    judul Lampu jalan padam di {jalan}
    awal Lampu penerangan jalan umum di {jalan} padam sejak {minggu} minggu lalu.
    jawab Laporan lampu padam di {jalan} telah diteruskan kepada tim pemeliharaan PJU.
    tindak Telah diganti {kali} unit lampu di {jalan}; lampu sudah menyala kembali.
    judul PJU dekat {dekat} mati sudah {minggu} minggu
    awal Ada {kali} titik PJU di dekat {dekat}, RT {rt}/RW {rw}, yang mati {minggu} minggu ini.
    jawab Petugas akan memeriksa titik lampu di {desa} dalam {hari} hari kerja.
    tindak Lampu yang rusak telah diganti dan jaringannya diperiksa.
    judul Tiang lampu jalan miring di {dusun} {desa}
    awal Tiang PJU di dekat {dekat} miring dan kabelnya menjuntai rendah.
    jawab Lokasi tiang miring telah kami catat; tim teknis akan datang bersama petugas listrik.
    tindak Tiang PJU yang miring telah ditegakkan dan kabelnya dirapikan.
    rinci Jalan menjadi gelap total setelah magrib dan warga takut melintas.
    rinci Warga sudah melapor ke kantor desa tetapi belum ada perbaikan.
    rinci Jarak antara lampu yang masih menyala dengan lampu berikutnya sekitar {m} meter.
    minta Mohon segera diperbaiki demi keamanan warga.
    minta Mohon petugas memeriksa jaringan dan mengganti lampu yang rusak.
    usul pemasangan PJU tenaga surya di {dusun} {desa}
    info prosedur pengajuan pemasangan lampu jalan baru
    info penggunaan pajak penerangan jalan untuk perawatan PJU
    """),
    Category("Lingkungan Hidup", 8, 8, (("dlh", 70), (CAMAT, 15), ("satpol-pp", 10),
             ("dinas-perdagangan", 5)), ("satpol-pp", "dinas-perkim", "dinas-kesehatan"),
             "660/{nomor}/DLH/{tahun}", """
    judul Sampah menumpuk di dekat {dekat}
    awal Sampah di TPS dekat {dekat} menumpuk dan sudah meluber ke badan jalan.
    jawab Terima kasih. Armada pengangkut akan dijadwalkan ulang untuk wilayah {desa}.
    tindak Sampah di lokasi telah diangkut sebanyak {kali} rit dan TPS telah dibersihkan.
    judul Truk sampah tidak datang ke {desa} selama {minggu} minggu
    awal Truk sampah tidak datang ke RT {rt}/RW {rw} {tempat} sejak {minggu} minggu lalu.
    jawab Mohon maaf, satu armada sedang diperbaiki. Jadwal pengangkutan akan dipulihkan.
    tindak Jadwal pengangkutan di {desa} telah kembali normal dua kali sepekan.
    judul Pembuangan sampah liar di {jalan}
    awal Ada pembuangan sampah liar di pinggir {jalan}, sekitar {m} meter dari permukiman.
    jawab Laporan telah kami teruskan kepada petugas kebersihan wilayah {kec}.
    tindak Papan larangan membuang sampah telah dipasang dan lokasi dibersihkan.
    rinci Baunya menyengat dan banyak lalat, warga khawatir anak-anak sakit.
    rinci Kami membayar retribusi sampah {rp} per tahun tetapi pelayanannya tidak berjalan.
    rinci Sebagian sampah dibakar warga sehingga asapnya masuk ke rumah-rumah.
    minta Mohon segera ditangani sebelum menjadi sumber penyakit.
    minta Mohon dipasang papan larangan dan dilakukan penertiban.
    usul penambahan kontainer sampah di dekat {dekat}
    info jadwal pengangkutan sampah di {tempat}
    info besaran retribusi sampah rumah tangga tahun {tahun}
    """),
    Category("Air Bersih", 6, 5, (("pdam-way-rarem", 1),), ("dinas-pupr", "dinas-perkim"),
             "690/{nomor}/PDAM-WR/{tahun}", """
    judul Air PDAM tidak mengalir di {desa} sudah {hari} hari
    awal Air PDAM di RT {rt}/RW {rw} {tempat} tidak mengalir sejak {hari} hari lalu.
    jawab Mohon maaf. Gangguan disebabkan pompa distribusi rusak; perbaikan sekitar {hari} hari.
    tindak Pompa distribusi telah diperbaiki dan aliran air di {desa} kembali normal.
    judul Air PDAM keruh dan berbau di {desa}
    awal Air PDAM yang mengalir ke rumah warga di {desa} keruh kecokelatan dan berbau.
    jawab Petugas kami akan memeriksa jaringan di {desa} dan melakukan pengurasan pipa.
    tindak Pipa distribusi telah dikuras; hasil uji menunjukkan air kembali jernih.
    judul Tagihan PDAM naik tidak wajar
    awal Tagihan PDAM bulan ini {rp}, padahal pemakaian kami tidak berubah.
    jawab Petugas kami akan memeriksa meteran pada hari kerja berikutnya.
    tindak Meteran telah diperiksa; ada kesalahan pencatatan dan tagihan sudah dikoreksi.
    judul Pipa PDAM bocor di {jalan}
    awal Pipa PDAM bocor di pinggir {jalan} dan airnya terbuang percuma.
    jawab Terima kasih. Tim perbaikan jaringan dijadwalkan ke lokasi.
    tindak Pipa yang bocor di {jalan} telah diganti dan aliran air kembali normal.
    rinci Masalah ini sudah berlangsung {minggu} minggu tanpa penjelasan dari petugas.
    rinci Warga terpaksa membeli air galon dan air tangki.
    rinci Keluhan yang sama sudah kami sampaikan ke kantor PDAM {kali} kali.
    minta Mohon ada kepastian kapan masalah ini selesai.
    minta Mohon segera ditangani karena air kebutuhan sehari-hari.
    usul perluasan jaringan pipa PDAM ke {dusun} {desa}
    info cara mengajukan sambungan baru PDAM dan biayanya
    info jadwal pemeliharaan instalasi pengolahan air bulan ini
    """),
    Category("Kesehatan", 10, 11, (("rsud-ryacudu", 35), (PUSKESMAS, 35),
             ("dinas-kesehatan", 30)), ("dinas-kesehatan", "bpjs-kes-kotabumi", "rsud-ryacudu"),
             "440/{nomor}/DINKES/{tahun}", """
    judul Antrean pasien rawat jalan sangat panjang
    awal Saya mendapat nomor antrean {antrian} pukul 07.30 dan baru dipanggil lewat tengah hari.
    jawab Terima kasih atas masukannya. Keluhan antrean telah kami sampaikan kepada pimpinan.
    tindak Loket pendaftaran ditambah satu dan antrean kini dapat diambil sejak pukul 07.00.
    judul Layanan puskesmas di {kec} tutup sebelum waktunya
    awal Pelayanan di puskesmas wilayah {kec} sudah tutup pukul 11.00, padahal jadwalnya 14.00.
    jawab Kami mohon maaf. Kepala puskesmas telah kami minta menjelaskan jadwal layanan.
    tindak Jadwal jaga petugas telah diperbaiki dan layanan dibuka sesuai jam yang ditetapkan.
    judul Obat tidak tersedia di apotek fasilitas kesehatan
    awal Obat dari resep dokter tidak tersedia dan kami diminta membeli di apotek luar.
    jawab Ketersediaan obat sedang kami periksa bersama instalasi farmasi.
    tindak Stok obat telah dipenuhi melalui permintaan ke instalasi farmasi kabupaten.
    judul Pelayanan IGD lambat dan petugas kurang ramah
    awal Keluarga kami menunggu lebih dari {kali} jam di IGD tanpa penjelasan dari petugas.
    jawab Kami mohon maaf atas pelayanan yang kurang baik. Kejadian ini sedang kami telusuri.
    tindak Petugas terkait telah dibina dan alur triase IGD diumumkan di ruang tunggu.
    rinci Petugas pendaftaran tidak menjelaskan prosedur dan terkesan membentak.
    rinci Untuk bolak-balik berobat kami sudah mengeluarkan ongkos sekitar {rp}.
    rinci Ruang tunggu penuh dan banyak pasien lansia harus berdiri.
    minta Mohon pelayanan dievaluasi agar tidak terulang.
    minta Mohon ada kepastian layanan bagi pasien yang datang dari jauh.
    usul penambahan dokter jaga di puskesmas {kec}
    info jadwal posyandu dan imunisasi di {desa}
    info jam pelayanan poli gigi dan syarat rujukan
    """),
    Category("Administrasi Kependudukan", 12, 11, (("disdukcapil", 85), (CAMAT, 15)),
             ("dinas-sosial", "diskominfo", "kec-kotabumi"), "470/{nomor}/DUKCAPIL/{tahun}", """
    judul KTP-el belum jadi setelah {bulan} bulan
    awal Saya merekam KTP-el di kecamatan {kec} {bulan} bulan lalu, tetapi belum juga dicetak.
    jawab Data perekaman sudah kami periksa dan masuk antrean cetak; perkiraan {hari} hari kerja.
    tindak KTP-el telah selesai dicetak dan dapat diambil di loket {unit}.
    judul Kartu Keluarga belum terbit
    awal Perubahan Kartu Keluarga dengan tanda terima nomor {surat} belum selesai.
    jawab Berkas sudah kami verifikasi; Kartu Keluarga akan diterbitkan dalam {hari} hari kerja.
    tindak Kartu Keluarga telah terbit dan dapat dicetak sendiri secara daring.
    judul Akta kelahiran anak belum selesai
    awal Akta kelahiran anak kami diajukan sejak {minggu} minggu lalu dan belum ada kabar.
    jawab Berkas akta kelahiran kurang satu dokumen; silakan lengkapi melalui aplikasi.
    tindak Akta kelahiran telah terbit dan dapat diambil di loket {unit}.
    judul Data kependudukan anak tidak ditemukan saat daftar sekolah
    awal Saat mendaftar sekolah, data kependudukan anak kami dinyatakan tidak ditemukan.
    jawab Data sudah kami perbaiki di sistem. Silakan datang ke loket dengan tanda terima.
    tindak Perbaikan data telah dilakukan dan statusnya sudah aktif kembali.
    rinci Setiap datang ke kantor kami diminta kembali minggu depan.
    rinci Kami sudah {kali} kali bolak-balik dan mengeluarkan ongkos sekitar {rp}.
    rinci Petugas menyarankan mengajukan lewat aplikasi, tetapi aplikasinya sering gagal.
    minta Mohon kepastian kapan dokumen dapat diambil.
    minta Mohon dibantu agar urusan kami segera selesai.
    usul layanan jemput bola perekaman KTP-el di {desa}
    info syarat pembuatan akta kematian
    info cara mencetak Kartu Keluarga sendiri secara daring
    """),
    Category("Sosial", 9, 9, (("dinas-sosial", 85), (CAMAT, 5), ("dinas-pmd", 10)),
             ("dinas-pmd", "kec-kotabumi", "disdukcapil"), "460/{nomor}/DINSOS/{tahun}", """
    judul Bansos tidak tepat sasaran di {desa}
    awal Ada warga mampu di RT {rt} {tempat} yang menerima bantuan, sedangkan lansia tidak.
    jawab Laporan telah kami teruskan kepada pendamping sosial {kec} untuk verifikasi lapangan.
    tindak Verifikasi lapangan telah dilakukan; {kali} keluarga diusulkan masuk DTKS.
    judul Bantuan PKH berhenti tanpa pemberitahuan
    awal Bantuan PKH keluarga kami berhenti sejak {bulan} bulan lalu tanpa pemberitahuan.
    jawab Status kepesertaan sedang kami periksa pada pemutakhiran DTKS periode ini.
    tindak Keluarga Saudara telah diusulkan aktif kembali pada penyaluran tahap berikutnya.
    judul Ada pungutan saat pencairan bantuan sosial
    awal Penerima bantuan di {desa} diminta menyetor {rp} oleh oknum saat pencairan.
    jawab Pungutan tersebut tidak dibenarkan. Pendamping wilayah {kec} telah kami panggil.
    tindak Pungutan telah diklarifikasi dan uangnya dikembalikan kepada penerima.
    rinci Kami sudah bertanya ke pendamping tetapi jawabannya data dari pusat.
    rinci Ada {kali} keluarga lansia di dusun kami yang belum pernah didata.
    rinci Usulan data sudah masuk lewat musyawarah desa tetapi tidak ada perubahan.
    minta Mohon pendataan penerima bantuan di desa kami diperbarui.
    minta Mohon diverifikasi ulang dan ditindak bila ada pelanggaran.
    usul pendataan ulang penerima bansos di {desa} secara terbuka
    info cara mendaftar sebagai penerima PKH
    info jadwal penyaluran bantuan pangan bulan ini
    """),
    Category("Pendidikan", 7, 7, (("dinas-pendidikan", 85), ("kemenag-lampura", 15)),
             ("kemenag-lampura", "dinas-sosial", "dinas-kesehatan"),
             "420/{nomor}/DISDIKBUD/{tahun}", """
    judul Pungutan di sekolah saat daftar ulang
    awal Orang tua murid di sekolah dekat {dekat} diminta membayar {rp} untuk seragam dan buku.
    jawab Terima kasih atas laporannya. Kepala sekolah telah kami panggil untuk klarifikasi.
    tindak Pungutan telah dihentikan dan uang yang terlanjur dibayar dikembalikan.
    judul Ruang kelas sekolah di {desa} rusak dan bocor
    awal Atap ruang kelas sekolah di {desa} bocor dan plafonnya jebol.
    jawab Ruang kelas tersebut telah kami masukkan ke usulan rehabilitasi tahun {tahun_depan}.
    tindak Perbaikan atap sementara telah dilaksanakan oleh sekolah.
    judul Dana PIP belum diterima siswa
    awal Dana Program Indonesia Pintar untuk siswa di {desa} belum cair sejak {bulan} bulan lalu.
    jawab Data siswa penerima sedang kami cocokkan dengan bank penyalur.
    tindak Dana PIP telah dapat dicairkan; sekolah telah mengumumkan jadwalnya.
    rinci Kami sudah {kali} kali bertanya ke sekolah tanpa jawaban yang jelas.
    rinci Banyak orang tua lain mengalami hal yang sama tetapi enggan melapor.
    rinci Pihak sekolah tidak memberi penjelasan tertulis.
    minta Mohon dinas terkait turun tangan.
    minta Mohon masalah ini diselesaikan sebelum tahun ajaran baru.
    usul pembangunan ruang kelas baru di sekolah dasar {desa}
    info jadwal dan syarat penerimaan murid baru tahun {tahun}
    info cara mengecek status penerima PIP
    """),
    Category("Perizinan", 3, 3, (("dpmptsp", 8), ("dinas-perkim", 1), ("dinas-perdagangan", 1)),
             ("dinas-pupr", "satpol-pp", "bapenda"), "503/{nomor}/DPMPTSP/{tahun}", """
    judul Pengurusan izin usaha lambat
    awal Berkas izin kami dengan nomor registrasi {surat} sudah {minggu} minggu tanpa kejelasan.
    jawab Berkas Anda sedang diverifikasi teknis; kekurangan akan kami sampaikan lewat aplikasi.
    tindak Izin telah terbit dan dapat diunduh melalui sistem daring.
    judul Persetujuan Bangunan Gedung belum terbit
    awal Pengajuan PBG untuk bangunan usaha kecil kami belum terbit padahal syarat lengkap.
    jawab Permohonan PBG menunggu penilaian tim teknis; jadwal sidang akan kami kabarkan.
    tindak PBG telah terbit setelah penilaian tim teknis.
    judul Ada biaya tambahan saat mengurus izin
    awal Saat mengurus izin, ada yang meminta biaya tambahan {rp} di luar ketentuan.
    jawab Izin tersebut tidak dipungut biaya. Laporan telah kami teruskan kepada pimpinan.
    tindak Petugas yang bersangkutan telah diperiksa dan diberi sanksi disiplin.
    rinci Di loket kami diminta menunggu tanpa perkiraan waktu.
    rinci Sistem daring sering gangguan sehingga berkas harus diunggah ulang.
    rinci Standar pelayanan di papan pengumuman menyebut {hari} hari kerja.
    minta Mohon kepastian dan kejelasan prosedurnya.
    minta Mohon praktik seperti ini ditertibkan.
    usul layanan konsultasi perizinan keliling ke kecamatan {kec}
    info syarat izin usaha mikro dan apakah ada biayanya
    info lama proses penerbitan PBG untuk rumah tinggal
    """),
    Category("Bencana", 2, 6, (("bpbd", 55), ("dinas-pupr", 30), ("damkar", 15)),
             ("dinas-sosial", "dinas-pupr", "dlh"), "360/{nomor}/BPBD/{tahun}", """
    judul Banjir merendam permukiman di {desa}
    awal Banjir setinggi lutut merendam sekitar {kk} rumah di {tempat} setelah hujan deras.
    jawab Terima kasih. Tim reaksi cepat telah diberangkatkan ke {desa} untuk kaji cepat.
    tindak Bantuan logistik telah disalurkan kepada {kk} kepala keluarga terdampak.
    judul Tanggul sungai jebol di {dusun} {desa}
    awal Tanggul sungai di {dusun} {desa} jebol sepanjang {m} meter.
    jawab Laporan telah kami koordinasikan dengan instansi teknis untuk penanganan tanggul.
    tindak Tanggul telah ditutup sementara dengan karung pasir bersama warga.
    judul Pohon tumbang menutup {jalan}
    awal Pohon besar tumbang dan menutup {jalan} sejak pukul {jam}.
    jawab Petugas telah dikerahkan ke {jalan} dengan peralatan pemotong.
    tindak Pohon tumbang telah dipotong dan jalan dapat dilalui kembali.
    judul Kebakaran lahan dekat permukiman di {desa}
    awal Api dari pembakaran lahan menjalar sampai kurang dari < 100 meter dari rumah warga.
    jawab Regu pemadam telah diberangkatkan ke {desa}.
    tindak Api telah dipadamkan dan lokasi dipantau hingga tidak ada titik panas.
    rinci Warga lansia dan anak-anak sudah diungsikan ke balai desa.
    rinci Kejadian seperti ini sudah {kali} kali terjadi sejak awal tahun.
    rinci Belum ada petugas yang datang ke lokasi sampai laporan ini dikirim.
    minta Mohon bantuan segera.
    minta Mohon penanganan permanen agar tidak terulang.
    usul normalisasi sungai di {desa} sebelum musim hujan
    info prosedur permintaan bantuan logistik saat banjir
    info peta daerah rawan banjir di Kecamatan {kec}
    """),
    Category("Ketertiban dan Keamanan", 6, 6, (("polres-lampura", 60), ("satpol-pp", 35),
             (CAMAT, 5)), ("satpol-pp", "polres-lampura", "dinas-perhubungan"),
             "300/{nomor}/POL-PP/{tahun}", """
    judul Balap liar setiap malam di {jalan}
    awal Setiap malam Minggu ada balap liar di {jalan} mulai pukul {jam}.
    jawab Terima kasih atas informasinya. Patroli di {jalan} akan ditingkatkan.
    tindak Patroli gabungan telah dilaksanakan; {kali} kendaraan diamankan.
    judul Rawan begal di {jalan}
    awal Dalam {bulan} bulan terakhir sudah {kali} kali terjadi pembegalan di {jalan}.
    jawab Laporan telah diteruskan kepada unit wilayah {kec} untuk ditindaklanjuti.
    tindak Pos pantau sementara didirikan dan patroli malam dijadwalkan rutin.
    judul Pedagang berjualan di trotoar dekat {dekat}
    awal Pedagang menggelar lapak di trotoar dekat {dekat} sehingga pejalan kaki turun ke jalan.
    jawab Petugas akan melakukan pendataan dan sosialisasi kepada pedagang.
    tindak Pedagang telah didata dan dipindahkan ke lokasi yang disediakan.
    rinci Warga takut menegur karena pelakunya berkelompok.
    rinci Lokasinya gelap dan jauh dari pos ronda.
    rinci Sudah pernah ditertibkan tetapi kembali lagi setelah {minggu} minggu.
    minta Mohon patroli rutin di lokasi tersebut.
    minta Mohon dilakukan penertiban secara tegas.
    usul pos kamling di {dusun} {desa}
    info prosedur izin keramaian untuk hajatan
    info cara melaporkan kehilangan kendaraan
    """),
    Category("Pertanahan", 3, 3, (("bpn-lampura", 1),), ("dinas-perkim", "bapenda", "dinas-pmd"),
             "{nomor}/BPN.18.03/{tahun}", """
    judul Sertipikat PTSL belum dibagikan
    awal Warga {desa} mengikuti program PTSL tahun {tahun} tetapi sertipikat belum dibagikan.
    jawab Sertipikat untuk {desa} dijadwalkan dibagikan bersama pemerintah desa.
    tindak Sertipikat telah diserahkan kepada warga di balai desa {desa}.
    judul Biaya PTSL melebihi ketentuan
    awal Panitia PTSL di desa kami memungut {rp} per bidang, jauh di atas ketentuan.
    jawab Biaya persiapan PTSL dibatasi ketentuan bersama; laporan ini kami klarifikasi.
    tindak Panitia desa telah diminta mengembalikan kelebihan pungutan kepada warga.
    judul Pengukuran ulang tanah tidak kunjung dilakukan
    awal Permohonan pengukuran ulang dengan nomor berkas {surat} belum dijadwalkan.
    jawab Berkas Anda dalam antrean pemetaan; jadwal pengukuran akan kami informasikan.
    tindak Pengukuran ulang telah dilaksanakan bersama pemilik bidang yang berbatasan.
    rinci Kami sudah {kali} kali menanyakan ke kantor tetapi diminta menunggu.
    rinci Tidak ada pemberitahuan tertulis tentang perkembangannya.
    rinci Patok batas bidang sudah hilang sehingga rawan sengketa.
    minta Mohon kepastian jadwalnya.
    minta Mohon ditertibkan sesuai ketentuan.
    usul loket pelayanan pertanahan keliling di kecamatan {kec}
    info syarat balik nama sertipikat tanah warisan
    info biaya resmi pengukuran bidang tanah
    """),
    Category("Samsat dan Pajak Kendaraan", 2, 2, (("samsat-kotabumi", 1),),
             ("bapenda", "polres-lampura", "dinas-perhubungan"), "973/{nomor}/SAMSAT/{tahun}", """
    judul Antrean perpanjangan STNK sangat lama
    awal Saya datang pukul 08.00 untuk perpanjangan STNK dan mendapat nomor antrean {antrian}.
    jawab Keluhan antrean menjadi bahan evaluasi; loket tambahan dibuka pada jam sibuk.
    tindak Loket cek fisik ditambah dan antrean kini dibagi menurut jenis layanan.
    judul Samsat keliling tidak datang sesuai jadwal
    awal Jadwal Samsat keliling di {kec} tertulis hari ini tetapi mobil layanan tidak datang.
    jawab Mohon maaf, mobil layanan mengalami kerusakan di perjalanan.
    tindak Jadwal Samsat keliling di {kec} telah diumumkan ulang dan layanan berjalan.
    judul Bayar pajak kendaraan daring gagal tetapi saldo terpotong
    awal Pembayaran pajak kendaraan lewat aplikasi gagal, tetapi saldo {rp} sudah terpotong.
    jawab Transaksi Anda sedang kami cek dengan bank mitra; mohon tunggu {hari} hari kerja.
    tindak Pembayaran telah tercatat sah dan notifikasi pengesahan sudah dikirim.
    rinci Kami sudah menunggu lebih dari {kali} jam tanpa kejelasan.
    rinci Tidak ada informasi perubahan di media sosial resmi.
    rinci Di sekitar loket ada yang menawarkan jasa pengurusan dengan biaya {rp}.
    minta Mohon pelayanan diperbaiki.
    minta Mohon masalah ini segera diselesaikan.
    usul penambahan jadwal Samsat keliling di {kec}
    info syarat mutasi kendaraan dari luar provinsi
    info program pemutihan denda pajak kendaraan tahun {tahun}
    """),
    Category("Jaminan Kesehatan", 3, 3, (("bpjs-kes-kotabumi", 85), ("dinas-kesehatan", 15)),
             ("dinas-kesehatan", "rsud-ryacudu", "dinas-sosial"), "{nomor}/KC-KTB/{tahun}", """
    judul Kepesertaan BPJS Kesehatan nonaktif
    awal Kartu BPJS Kesehatan keluarga kami mendadak nonaktif saat hendak berobat.
    jawab Status kepesertaan sedang kami periksa bersama dinas sosial.
    tindak Kepesertaan telah aktif kembali mulai hari ini.
    judul Pasien BPJS diminta membeli obat sendiri
    awal Sebagai pasien BPJS kami diminta membayar {rp} untuk obat.
    jawab Kami telah mengonfirmasi ke fasilitas kesehatan; obat tersebut ditanggung program.
    tindak Biaya obat yang terlanjur dibayar telah dikembalikan oleh fasilitas kesehatan.
    judul Iuran BPJS tetap ditagih setelah pindah ke PBI
    awal Setelah dipindah ke peserta PBI, iuran mandiri tetap ditagih sejak {bulan} bulan lalu.
    jawab Perpindahan segmen kepesertaan sedang kami telusuri.
    tindak Tagihan iuran telah dikoreksi dan tunggakan dihapus.
    rinci Kami tidak pernah menerima pemberitahuan apa pun.
    rinci Petugas hanya mengatakan sistem sedang diperbarui.
    rinci Kami khawatir tidak bisa berobat saat dibutuhkan.
    minta Mohon segera ditindaklanjuti.
    minta Mohon penjelasan resmi dan penyelesaiannya.
    usul loket informasi BPJS Kesehatan di rumah sakit daerah
    info cara pindah fasilitas kesehatan tingkat pertama
    info syarat pengaktifan kembali peserta PBI
    """),
    Category("Pemerintahan Desa", 3, 3, (("dinas-pmd", 65), ("inspektorat", 25), (CAMAT, 10)),
             ("inspektorat", "dinas-sosial", "dinas-pupr"), "140/{nomor}/DPMD/{tahun}", """
    judul Penggunaan dana desa di {desa} tidak transparan
    awal Papan informasi APBDes tahun {tahun} di {tempat} tidak pernah dipasang.
    jawab Laporan telah kami teruskan kepada pendamping desa dan camat {kec} untuk klarifikasi.
    tindak Pemerintah desa telah memasang papan informasi APBDes di balai desa.
    judul Rabat beton dana desa di {dusun} cepat rusak
    awal Rabat beton dana desa di {dusun} sepanjang {m} meter sudah retak dalam {minggu} minggu.
    jawab Kami akan melakukan monitoring ke {desa} dalam {hari} hari kerja.
    tindak Hasil pemeriksaan: kekurangan volume pekerjaan wajib diperbaiki pelaksana.
    judul BLT dana desa belum dibagikan di {desa}
    awal BLT dana desa untuk {kk} keluarga di {desa} belum dibagikan sejak {bulan} bulan lalu.
    jawab Penyaluran BLT di {desa} sedang kami klarifikasi kepada pemerintah desa.
    tindak BLT dana desa telah disalurkan kepada keluarga penerima.
    rinci Warga tidak pernah diundang musyawarah desa.
    rinci Pertanyaan warga di forum dusun tidak pernah dijawab.
    rinci Pemerintah desa beralasan dana belum cair.
    minta Mohon dilakukan pemeriksaan.
    minta Mohon pendampingan agar pemerintah desa lebih terbuka.
    usul pelatihan keterbukaan informasi bagi perangkat desa di {kec}
    info besaran dana desa {desa} tahun {tahun} dan penggunaannya
    """),
    Category("Pertanian", 2, 3, (("dinas-pertanian", 1),), ("dinas-perdagangan", "dinas-pmd"),
             "521/{nomor}/DISTAN/{tahun}", """
    judul Pupuk bersubsidi langka di {kec}
    awal Kelompok tani di {desa} tidak mendapat pupuk bersubsidi sesuai RDKK musim ini.
    jawab Penyuluh pertanian wilayah {kec} akan memverifikasi data RDKK kelompok tani.
    tindak Pupuk telah disalurkan sesuai alokasi RDKK kepada kelompok tani.
    judul Harga pupuk subsidi di kios melebihi HET
    awal Kios pengecer menjual pupuk subsidi {rp} per karung, di atas HET.
    jawab Kios pengecer telah kami tegur dan diminta menjual sesuai HET.
    tindak Kios pengecer yang melanggar telah diberi surat peringatan.
    judul Bantuan bibit tidak sampai ke kelompok tani
    awal Bantuan bibit jagung untuk kelompok tani di {dusun} {desa} tidak pernah diterima.
    jawab Data penyaluran bibit untuk {desa} sedang kami periksa.
    tindak Bibit telah diserahkan kepada kelompok tani yang berhak.
    rinci Petani terpaksa membeli dengan harga jauh lebih mahal.
    rinci Penyuluh lapangan jarang datang ke desa kami.
    rinci Musim tanam sudah dekat sehingga petani resah.
    minta Mohon penyalurannya diawasi.
    minta Mohon kejelasan dari dinas terkait.
    usul perbaikan saluran irigasi tersier di {desa}
    info kuota pupuk bersubsidi untuk kecamatan {kec}
    info cara mendaftar kelompok tani ke sistem e-RDKK
    """),
)
# fmt: on
