import type { InstallMessages } from '../installMessages.ts';

/** Polish texts of the install page (Bitrix24 `pl`). */
export const pl = {
  title: 'Zainstaluj Chat Drop',
  manageTitle: 'Instalacja Chat Drop',
  intro:
    'Chat Drop dodaje przycisk do każdego czatu: w panelu bocznym czatu i nad polem wiadomości. Upuść tam pliki, aby wysłać je do czatu.',
  waiting: 'Trwa przygotowanie instalacji.',
  'step.check-admin': 'Sprawdzenie uprawnień administratora',
  'step.read-bindings': 'Odczyt bieżących ustawień widżetów',
  'step.bind-IM_SIDEBAR': 'Dodanie Chat Drop do panelu bocznego czatu',
  'step.bind-IM_TEXTAREA': 'Dodanie Chat Drop nad polem wiadomości',
  'step.finish': 'Zakończenie instalacji',
  'state.pending': 'Oczekuje',
  'state.running': 'W toku',
  'state.done': 'Gotowe',
  'state.skipped': 'Pominięto',
  'state.failed': 'Błąd',
  'outcome.bound': 'dodano',
  'outcome.unchanged': 'już na miejscu',
  'outcome.replaced': 'przeniesiono na ten adres',
  installed:
    'Chat Drop jest zainstalowany. Bitrix24 odświeża teraz stronę; potem otwórz dowolny czat.',
  repaired: 'Gotowe: widżety wskazują ten adres.',
  retry: 'Spróbuj ponownie',
  repair: 'Napraw',
  repairing: 'Naprawianie…',
  reload: 'Sprawdź ponownie',
  loadingState: 'Odczytywanie instalacji…',
  details: 'Szczegóły',
  detailsCode: 'Kod błędu: {code}',
  detailsText: 'Komunikat portalu: {detail}',
  'placement.IM_SIDEBAR': 'Panel boczny czatu',
  'placement.IM_TEXTAREA': 'Nad polem wiadomości',
  columnPlace: 'Miejsce',
  columnAddress: 'Adres',
  columnState: 'Stan',
  'row.current': 'Powiązano z tym adresem',
  'row.other': 'Powiązano z innym adresem',
  'row.outdated': 'Powiązano tutaj, ale z ustawieniami starszej wersji',
  'row.multiple': 'Powiązano więcej niż raz',
  'row.missing': 'Nie powiązano',
  thisAddress: 'Ta aplikacja działa pod adresem {handler}',
  healthy: 'Wszystko jest na miejscu.',
  unhealthy:
    'Niektórych widżetów brakuje lub wskazują inny adres. „Napraw” powiąże je z tym adresem.',
  notAdminInstall:
    'Tylko administrator Bitrix24 może zainstalować Chat Drop. Poproś administratora, aby raz otworzył aplikację w sekcji Aplikacje.',
  notAdminManage:
    'Chat Drop działa w czatach: otwórz czat i wybierz Chat Drop w panelu bocznym lub nad polem wiadomości. Ustawienia instalacji widzą tylko administratorzy.',
  'error.ACCESS_DENIED':
    'Bitrix24 odmówił: tylko administrator może dodawać widżety do komunikatora. Poproś administratora, aby raz otworzył aplikację w sekcji Aplikacje.',
  'error.scope':
    'Aplikacji brakuje uprawnień {scopes}. Administrator musi otworzyć Aplikacje → Zasoby dla programistów → Integracje → Chat Drop → Edytuj, zaznaczyć {scopes} w sekcji „Przypisz uprawnienia”, zapisać i ponownie otworzyć aplikację.',
  'error.WRONG_AUTH_TYPE':
    'Bitrix24 przyjmuje ten krok tylko od samej aplikacji. Otwórz Chat Drop z menu Aplikacje w swoim Bitrix24, a nie z bezpośredniego linku.',
  'error.handler':
    'Bitrix24 nie akceptuje adresu {handler} dla widżetów. Udostępnij aplikację pod publicznym adresem https:// z nazwą domeny i zainstaluj ją ponownie.',
  'error.auth': 'Sesja z Bitrix24 wygasła. Odśwież stronę i spróbuj ponownie.',
  'error.busy': 'Bitrix24 jest teraz zajęty. Poczekaj minutę i spróbuj ponownie.',
  'error.transport': 'Nie można połączyć się z Bitrix24. Sprawdź połączenie i spróbuj ponownie.',
  'error.generic':
    'Instalacja nie powiodła się. Spróbuj ponownie; jeśli błąd się powtarza, wyślij szczegóły administratorowi.',
} as const satisfies InstallMessages;
