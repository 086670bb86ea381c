import type { InstallMessages } from '../installMessages.ts';

/** Turkish texts of the install page (Bitrix24 `tr`). */
export const tr = {
  title: 'Chat Drop’u yükle',
  manageTitle: 'Chat Drop kurulumu',
  intro:
    'Chat Drop her sohbete bir düğme ekler: sohbetin kenar çubuğuna ve mesaj alanının üstüne. Dosyaları sohbete göndermek için oraya bırakın.',
  waiting: 'Kurulum hazırlanıyor.',
  'step.check-admin': 'Yönetici haklarını kontrol et',
  'step.read-bindings': 'Geçerli widget ayarlarını oku',
  'step.bind-IM_SIDEBAR': 'Chat Drop’u sohbetin kenar çubuğuna ekle',
  'step.bind-IM_TEXTAREA': 'Chat Drop’u mesaj alanının üstüne ekle',
  'step.finish': 'Kurulumu tamamla',
  'state.pending': 'Bekliyor',
  'state.running': 'Devam ediyor',
  'state.done': 'Tamamlandı',
  'state.skipped': 'Atlandı',
  'state.failed': 'Başarısız',
  'outcome.bound': 'eklendi',
  'outcome.unchanged': 'zaten yerinde',
  'outcome.replaced': 'bu adrese taşındı',
  installed:
    'Chat Drop yüklendi. Bitrix24 şimdi sayfayı yeniden yüklüyor; ardından herhangi bir sohbeti açın.',
  repaired: 'Tamamlandı: widget’lar bu adresi gösteriyor.',
  retry: 'Tekrar dene',
  repair: 'Onar',
  repairing: 'Onarılıyor…',
  reload: 'Yeniden kontrol et',
  loadingState: 'Kurulum okunuyor…',
  details: 'Ayrıntılar',
  detailsCode: 'Hata kodu: {code}',
  detailsText: 'Portal mesajı: {detail}',
  'placement.IM_SIDEBAR': 'Sohbet kenar çubuğu',
  'placement.IM_TEXTAREA': 'Mesaj alanının üstü',
  columnPlace: 'Yer',
  columnAddress: 'Adres',
  columnState: 'Durum',
  'row.current': 'Bu adrese bağlı',
  'row.other': 'Başka bir adrese bağlı',
  'row.outdated': 'Buraya bağlı, ancak eski bir sürümün ayarlarıyla',
  'row.multiple': 'Birden fazla kez bağlı',
  'row.missing': 'Bağlı değil',
  thisAddress: 'Bu uygulama {handler} adresinde çalışıyor',
  healthy: 'Her şey yerinde.',
  unhealthy:
    'Bazı widget’lar eksik veya başka bir adresi gösteriyor. Onar, onları bu adrese bağlar.',
  notAdminInstall:
    'Chat Drop’u yalnızca bir Bitrix24 yöneticisi yükleyebilir. Bir yöneticiden uygulamayı Uygulamalar bölümünden bir kez açmasını isteyin.',
  notAdminManage:
    'Chat Drop sohbetlerin içinde çalışır: bir sohbet açın ve sohbetin kenar çubuğunda veya mesaj alanının üstünde Chat Drop’u seçin. Kurulum ayarlarını yalnızca yöneticiler görebilir.',
  'error.ACCESS_DENIED':
    'Bitrix24 reddetti: mesajlaşmaya widget’ları yalnızca bir yönetici ekleyebilir. Bir yöneticiden uygulamayı Uygulamalar bölümünden bir kez açmasını isteyin.',
  'error.scope':
    'Uygulamada {scopes} izinleri eksik. Bir yönetici Uygulamalar → Geliştirici kaynakları → Entegrasyonlar → Chat Drop → Düzenle’yi açmalı, “İzinleri ata” altında {scopes} seçeneğini işaretlemeli, kaydetmeli ve uygulamayı yeniden açmalıdır.',
  'error.WRONG_AUTH_TYPE':
    'Bitrix24 bu adımı yalnızca uygulamanın kendisinden kabul eder. Chat Drop’u doğrudan bir bağlantıdan değil, Bitrix24’ünüzün Uygulamalar menüsünden açın.',
  'error.handler':
    'Bitrix24, widget’lar için {handler} adresini kabul etmiyor. Uygulamayı alan adı olan herkese açık bir https:// adresinde yayınlayıp yeniden yükleyin.',
  'error.auth': 'Bitrix24 oturumunun süresi doldu. Sayfayı yeniden yükleyip tekrar deneyin.',
  'error.busy': 'Bitrix24 şu anda meşgul. Bir dakika bekleyip tekrar deneyin.',
  'error.transport': 'Bitrix24’e ulaşılamadı. Bağlantınızı kontrol edip tekrar deneyin.',
  'error.generic':
    'Kurulum başarısız oldu. Tekrar deneyin; hata sürerse ayrıntıları yöneticinize gönderin.',
} as const satisfies InstallMessages;
