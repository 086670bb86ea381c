import type { InstallMessages } from '../installMessages.ts';

/** Malay texts of the install page (Bitrix24 `ms`). */
export const ms = {
  title: 'Pasang Chat Drop',
  manageTitle: 'Pemasangan Chat Drop',
  intro:
    'Chat Drop menambah butang pada setiap sembang: di bar sisi sembang dan di atas medan mesej. Lepaskan fail di situ untuk menghantarnya ke sembang.',
  waiting: 'Pemasangan sedang disediakan.',
  'step.check-admin': 'Semak hak pentadbir',
  'step.read-bindings': 'Baca tetapan widget semasa',
  'step.bind-IM_SIDEBAR': 'Tambah Chat Drop pada bar sisi sembang',
  'step.bind-IM_TEXTAREA': 'Tambah Chat Drop di atas medan mesej',
  'step.finish': 'Selesaikan pemasangan',
  'state.pending': 'Menunggu',
  'state.running': 'Sedang berjalan',
  'state.done': 'Selesai',
  'state.skipped': 'Dilangkau',
  'state.failed': 'Gagal',
  'outcome.bound': 'ditambah',
  'outcome.unchanged': 'sudah sedia ada',
  'outcome.replaced': 'dialihkan ke alamat ini',
  installed:
    'Chat Drop telah dipasang. Bitrix24 memuat semula halaman sekarang; kemudian buka mana-mana sembang.',
  repaired: 'Selesai: widget menghala ke alamat ini.',
  retry: 'Cuba semula',
  repair: 'Baiki',
  repairing: 'Membaiki…',
  reload: 'Semak semula',
  loadingState: 'Membaca pemasangan…',
  details: 'Butiran',
  detailsCode: 'Kod ralat: {code}',
  detailsText: 'Mesej portal: {detail}',
  'placement.IM_SIDEBAR': 'Bar sisi sembang',
  'placement.IM_TEXTAREA': 'Di atas medan mesej',
  columnPlace: 'Tempat',
  columnAddress: 'Alamat',
  columnState: 'Keadaan',
  'row.current': 'Terikat pada alamat ini',
  'row.other': 'Terikat pada alamat lain',
  'row.outdated': 'Terikat di sini, dengan tetapan versi lama',
  'row.multiple': 'Terikat lebih daripada sekali',
  'row.missing': 'Tidak terikat',
  thisAddress: 'Aplikasi ini berjalan di {handler}',
  healthy: 'Semuanya sudah tersedia.',
  unhealthy:
    'Sesetengah widget tiada atau menghala ke alamat lain. Baiki akan mengikatnya pada alamat ini.',
  notAdminInstall:
    'Hanya pentadbir Bitrix24 boleh memasang Chat Drop. Minta pentadbir membuka aplikasi sekali daripada Aplikasi.',
  notAdminManage:
    'Chat Drop berfungsi di dalam sembang: buka sembang dan pilih Chat Drop di bar sisi sembang atau di atas medan mesej. Tetapan pemasangan hanya dapat dilihat oleh pentadbir.',
  'error.ACCESS_DENIED':
    'Bitrix24 menolak: hanya pentadbir boleh menambah widget pada messenger. Minta pentadbir membuka aplikasi sekali daripada Aplikasi.',
  'error.scope':
    'Aplikasi tiada kebenaran {scopes}. Pentadbir perlu membuka Aplikasi → Sumber pembangun → Integrasi → Chat Drop → Edit, menanda {scopes} di bawah "Tetapkan kebenaran", menyimpan dan membuka aplikasi semula.',
  'error.WRONG_AUTH_TYPE':
    'Bitrix24 hanya menerima langkah ini daripada aplikasi itu sendiri. Buka Chat Drop daripada menu Aplikasi Bitrix24 anda, bukan daripada pautan terus.',
  'error.handler':
    'Bitrix24 tidak menerima alamat {handler} untuk widget. Hidangkan aplikasi daripada alamat https:// awam dengan nama domain dan pasang semula.',
  'error.auth': 'Sesi dengan Bitrix24 telah tamat. Muat semula halaman dan cuba lagi.',
  'error.busy': 'Bitrix24 sedang sibuk. Tunggu seminit dan cuba lagi.',
  'error.transport': 'Bitrix24 tidak dapat dihubungi. Semak sambungan dan cuba lagi.',
  'error.generic':
    'Pemasangan gagal. Cuba lagi; jika masih gagal, hantar butiran kepada pentadbir anda.',
} as const satisfies InstallMessages;
