import type { InstallMessages } from '../installMessages.ts';

/** Indonesian texts of the install page (Bitrix24 `id`). */
export const id = {
  title: 'Pasang Chat Drop',
  manageTitle: 'Pemasangan Chat Drop',
  intro:
    'Chat Drop menambahkan tombol ke setiap obrolan: di bilah samping obrolan dan di atas kolom pesan. Letakkan file di sana untuk mengirimnya ke obrolan.',
  waiting: 'Pemasangan sedang disiapkan.',
  'step.check-admin': 'Periksa hak administrator',
  'step.read-bindings': 'Baca pengaturan widget saat ini',
  'step.bind-IM_SIDEBAR': 'Tambahkan Chat Drop ke bilah samping obrolan',
  'step.bind-IM_TEXTAREA': 'Tambahkan Chat Drop di atas kolom pesan',
  'step.finish': 'Selesaikan pemasangan',
  'state.pending': 'Menunggu',
  'state.running': 'Sedang berjalan',
  'state.done': 'Selesai',
  'state.skipped': 'Dilewati',
  'state.failed': 'Gagal',
  'outcome.bound': 'ditambahkan',
  'outcome.unchanged': 'sudah terpasang',
  'outcome.replaced': 'dipindahkan ke alamat ini',
  installed:
    'Chat Drop sudah terpasang. Bitrix24 sekarang memuat ulang halaman; lalu buka obrolan mana saja.',
  repaired: 'Selesai: widget mengarah ke alamat ini.',
  retry: 'Coba lagi',
  repair: 'Perbaiki',
  repairing: 'Memperbaiki…',
  reload: 'Periksa lagi',
  loadingState: 'Membaca pemasangan…',
  details: 'Rincian',
  detailsCode: 'Kode kesalahan: {code}',
  detailsText: 'Pesan portal: {detail}',
  'placement.IM_SIDEBAR': 'Bilah samping obrolan',
  'placement.IM_TEXTAREA': 'Di atas kolom pesan',
  columnPlace: 'Tempat',
  columnAddress: 'Alamat',
  columnState: 'Status',
  'row.current': 'Terhubung ke alamat ini',
  'row.other': 'Terhubung ke alamat lain',
  'row.outdated': 'Terhubung ke sini, dengan pengaturan versi lama',
  'row.multiple': 'Terhubung lebih dari sekali',
  'row.missing': 'Tidak terhubung',
  thisAddress: 'Aplikasi ini berjalan di {handler}',
  healthy: 'Semuanya sudah terpasang.',
  unhealthy:
    'Beberapa widget hilang atau mengarah ke alamat lain. Perbaiki akan menghubungkannya ke alamat ini.',
  notAdminInstall:
    'Hanya administrator Bitrix24 yang dapat memasang Chat Drop. Minta administrator membuka aplikasi sekali dari Aplikasi.',
  notAdminManage:
    'Chat Drop bekerja di dalam obrolan: buka obrolan dan pilih Chat Drop di bilah samping obrolan atau di atas kolom pesan. Pengaturan pemasangan hanya terlihat oleh administrator.',
  'error.ACCESS_DENIED':
    'Bitrix24 menolak: hanya administrator yang dapat menambahkan widget ke messenger. Minta administrator membuka aplikasi sekali dari Aplikasi.',
  'error.scope':
    'Aplikasi tidak memiliki izin {scopes}. Administrator harus membuka Aplikasi → Sumber daya pengembang → Integrasi → Chat Drop → Edit, mencentang {scopes} di bagian "Tetapkan izin", menyimpan, lalu membuka aplikasi lagi.',
  'error.WRONG_AUTH_TYPE':
    'Bitrix24 hanya menerima langkah ini dari aplikasi itu sendiri. Buka Chat Drop dari menu Aplikasi di Bitrix24 Anda, bukan dari tautan langsung.',
  'error.handler':
    'Bitrix24 tidak menerima alamat {handler} untuk widget. Sajikan aplikasi dari alamat https:// publik dengan nama domain lalu pasang lagi.',
  'error.auth': 'Sesi dengan Bitrix24 telah berakhir. Muat ulang halaman dan coba lagi.',
  'error.busy': 'Bitrix24 sedang sibuk. Tunggu sebentar dan coba lagi.',
  'error.transport': 'Bitrix24 tidak dapat dijangkau. Periksa koneksi dan coba lagi.',
  'error.generic':
    'Pemasangan gagal. Coba lagi; jika terus gagal, kirim rinciannya ke administrator Anda.',
} as const satisfies InstallMessages;
