import { de as install } from './install/de.ts';
import type { LanguagePack } from './LanguagePack.ts';
import type { Messages } from './Messages.ts';

/** German strings. */
export const de = {
  appTitle: 'Chat Drop',
  dropHere: 'Dateien hier ablegen',
  dropHint: 'Dateien hierher ziehen, einfügen oder auswählen',
  chooseFiles: 'Dateien auswählen',
  dropzoneLabel: 'Dateien hinzufügen: hier ablegen, einfügen oder mit Enter auswählen',
  dropRelease: 'Loslassen, um an {chat} zu senden',
  dropNoFiles: 'Hier können nur Dateien abgelegt werden. Links und Text werden nicht gesendet.',
  dropFolderEmpty:
    'Der Ordner ist leer oder Ihr Browser kann keine Ordner lesen. Öffnen Sie ihn und legen Sie die Dateien ab.',
  filesAdded: { one: '{count} Datei hinzugefügt', other: '{count} Dateien hinzugefügt' },
  fileCount: { one: '{count} Datei', other: '{count} Dateien' },
  pickChatFirst: 'Wählen Sie zuerst einen Chat',
  chatHeaderLabel: 'Dateien gehen an',
  changeChat: 'Chat wechseln',
  chatPickerTitle: 'Chat auswählen',
  chatPickerSearch: 'Chats suchen',
  chatPickerEmpty: 'Keine Chats gefunden',
  chatPickerLoading: 'Chats werden geladen…',
  chatPickerError: 'Ihre Chats konnten nicht geladen werden. Versuchen Sie es erneut.',
  chatLoadError: 'Dieser Chat konnte nicht geladen werden.',
  messageLabel: 'Nachricht zu den Dateien',
  messagePlaceholder: 'Nachricht hinzufügen (optional)',
  listLabel: 'Dateien',
  phase_queued: 'In der Warteschlange',
  phase_reading: 'Wird gelesen',
  phase_sending: 'Wird gesendet',
  phase_waiting: 'Portal ausgelastet, wird erneut gesendet',
  phase_waitingUntil: 'Das Portal bittet zu warten, weiter um {time}',
  chatAccessLost:
    'In diesen Chat können keine Dateien mehr gesendet werden. Die übrigen Dateien wurden nicht gesendet.',
  duplicateRemoved:
    '{name}: Der Browser hat die Datei doppelt gesendet; die zusätzliche Kopie wurde aus dem Chat entfernt.',
  duplicateFound:
    '{name} ist zweimal im Chat: Der Browser hat die Datei von selbst erneut gesendet.',
  removeDuplicate: 'Zusätzliche Kopie entfernen',
  storedAs: 'im Chat als {name}',
  duplicateRemoveFailed:
    'Die zusätzliche Kopie von {name} konnte nicht entfernt werden. Entfernen Sie sie im Chat.',
  phase_checking: 'Chat wird geprüft',
  phase_delivered: 'Zugestellt',
  phase_failed: 'Nicht gesendet',
  phase_cancelled: 'Abgebrochen',
  phase_unknown: 'Möglicherweise nicht angekommen',
  cancel: 'Abbrechen',
  retry: 'Erneut versuchen',
  remove: 'Entfernen',
  removeFromList: 'Aus der Liste entfernen',
  alreadySentTitle: 'Schon in diesem Chat',
  alreadySentOne: '{name} ({size}) wurde {ago} an {chat} gesendet. Erneut senden?',
  alreadySentMany: {
    one: '{count} dieser Dateien wurde kürzlich an {chat} gesendet. Erneut senden?',
    other: '{count} dieser Dateien wurden kürzlich an {chat} gesendet. Erneut senden?',
  },
  alreadySentEntry: '{name} ({size}), {ago}',
  sendAgain: 'Erneut senden',
  skipAlreadySent: 'Überspringen',
  cancelFile: '{name} abbrechen',
  retryFile: '{name} erneut senden',
  removeFile: '{name} entfernen',
  cancelAll: 'Alle abbrechen',
  clearFinished: 'Erledigte entfernen',
  openInChat: 'Im Chat öffnen',
  checkTheChat: 'Chat prüfen',
  details: 'Details',
  errorCode: 'Code: {code}',
  progressLabel: 'Fortschritt von {name}',
  sizeBytes: { one: '{count} Byte', other: '{count} Byte' },
  speed: '{size}/s',
  timeLeft: 'noch {duration}',
  batchProgress: '{done} von {total} · {percent}',
  batchLabel: 'Gesamtfortschritt',
  summaryDelivered: { one: '{count} zugestellt', other: '{count} zugestellt' },
  summaryFailed: { one: '{count} fehlgeschlagen', other: '{count} fehlgeschlagen' },
  summaryCancelled: { one: '{count} abgebrochen', other: '{count} abgebrochen' },
  summaryUnknown: {
    one: '{count} ist vielleicht angekommen – prüfen Sie den Chat',
    other: '{count} sind vielleicht angekommen – prüfen Sie den Chat',
  },
  summarySending: {
    one: '{count} Datei wird gesendet…',
    other: '{count} Dateien werden gesendet…',
  },
  toastDelivered: '{name} zugestellt',
  toastFailed: '{name} wurde nicht gesendet',
  toastUnknown: '{name} ist möglicherweise nicht angekommen',
  announceAdded: { one: '{count} Datei hinzugefügt', other: '{count} Dateien hinzugefügt' },
  announceDelivered: '{name} zugestellt',
  announceFailed: '{name} wurde nicht gesendet: {reason}',
  ledgerTitle: 'Früher in diesem Chat',
  ledgerDelivered: 'Zugestellt',
  ledgerNotDelivered: 'Nicht zugestellt',
  ledgerUnknown: 'Möglicherweise nicht angekommen',
  addAgain: 'Erneut hinzufügen',
  ledgerUnknownHint:
    'Die Datei ist vielleicht schon im Chat. Prüfen Sie den Chat, bevor Sie sie erneut hinzufügen.',
  ledgerCheckChatFile: 'Chat auf {name} prüfen',
  openChatFailed: 'Der Chat ließ sich nicht öffnen. Öffnen Sie ihn stattdessen im Messenger.',
  outsideTitle: 'Chat Drop läuft in Bitrix24',
  outsideBody:
    'Öffnen Sie einen Chat in Ihrem Bitrix24 und starten Sie Chat Drop im Chat-Bereich oder über das Menü „Anwendungen“.',
  outsideSteps:
    'Ein Administrator installiert die App einmal; danach erscheint sie in jedem Chat neben dem Nachrichtenfeld.',
  loading: 'Wird geladen…',
  startFailed:
    'Chat Drop konnte nicht starten. Laden Sie die Seite neu, um es erneut zu versuchen.',
  startFailedReopen:
    'Chat Drop konnte keine Verbindung zu Bitrix24 herstellen. Schließen Sie dieses Fenster und öffnen Sie Chat Drop erneut aus dem Chat.',
  startFailedReinstall:
    'Bitrix24 hat die Anmeldung von Chat Drop abgelehnt. Bitten Sie Ihren Bitrix24-Administrator, die App neu zu installieren.',
  installTitle: 'Chat Drop installieren',
  installWaiting: 'Die Installation wird vorbereitet.',
  emptyList: 'Noch keine Dateien',
  error_chatNotFound: 'Diesen Chat gibt es nicht mehr.',
  error_accessDenied:
    'Sie dürfen in diesen Chat keine Dateien senden, oder REST ist in Ihrem Bitrix24-Tarif nicht verfügbar.',
  error_fileEmpty: 'Die Datei ist leer.',
  error_invalidContent:
    'Das Portal konnte die Datei nicht lesen. Sie hat sich beim Senden möglicherweise geändert.',
  error_fileTooLarge: 'Die Datei ist größer als 100 MB, die Grenze für Bitrix24-Chats.',
  error_folder: 'Das Portal konnte die Datei nicht speichern (Fehler im Speicherordner).',
  error_uploadFailed: 'Das Portal konnte die Datei nicht speichern.',
  error_sendFailed: 'Die Datei wurde gespeichert, aber die Nachricht konnte nicht gepostet werden.',
  error_methodNotFound: 'Dieses Bitrix24 unterstützt diese Art des Dateiversands nicht.',
  error_session:
    'Ihre Sitzung ist abgelaufen. Öffnen Sie den Chat erneut und versuchen Sie es noch einmal.',
  error_scope:
    'Der App fehlt die Berechtigung, Dateien zu senden. Wenden Sie sich an Ihren Administrator.',
  error_appAccess:
    'Sie haben keinen Zugriff auf diese App. Wenden Sie sich an Ihren Administrator.',
  error_appConfig:
    'Die App ist nicht richtig eingerichtet. Wenden Sie sich an Ihren Administrator.',
  error_rateLimit: 'Das Portal ist ausgelastet. Die Datei wird gleich erneut gesendet.',
  error_overload: 'Das Portal ist überlastet. Versuchen Sie es später erneut.',
  error_operatingLimit:
    'Das Portal bittet die App zu warten: Ihre Verarbeitungszeit ist vorerst aufgebraucht. Das Senden wird von selbst fortgesetzt.',
  error_overloadBlocked:
    'Der Bitrix24-Support hat die Anfragen dieser App auf diesem Portal gesperrt. Ein Administrator muss sich an den Bitrix24-Support wenden.',
  error_server: 'Im Portal ist ein interner Fehler aufgetreten.',
  error_request:
    'Die Anfrage wurde nicht verstanden. Öffnen Sie die App erneut und versuchen Sie es noch einmal.',
  error_requestTooLarge:
    'Der Server oder ein Proxy vor Bitrix24 hat eine so große Anfrage abgelehnt. Wählen Sie eine kleinere Datei oder wenden Sie sich an Ihren Administrator.',
  error_portalDeleted: 'Dieses Bitrix24 gibt es nicht mehr.',
  error_network: 'Die Verbindung wurde unterbrochen.',
  error_timeout: 'Das Portal hat zu lange nicht geantwortet.',
  error_unexpectedAnswer: 'Das Portal hat eine Antwort gegeben, die die App nicht lesen konnte.',
  error_readFailed:
    'Die Datei konnte nicht gelesen werden. Sie wurde möglicherweise verschoben oder geändert.',
  error_encodeFailed: 'Die Datei konnte nicht zum Senden vorbereitet werden.',
  error_nameInvalid: 'Der Dateiname ist leer oder länger als 255 Zeichen.',
  error_stalled: 'Das Senden kommt nicht mehr voran.',
  error_htmlAnswer:
    'Das Portal hat mit einer Webseite statt mit einem Ergebnis geantwortet, meist einer Anmeldeseite. Öffnen Sie Bitrix24 in einem neuen Tab, melden Sie sich bei Bedarf an und versuchen Sie es erneut.',
  error_maintenance:
    'Das Portal wird gewartet. Die Datei wird gesendet, sobald es wieder erreichbar ist.',
  error_portalFileLimit:
    'Der Server dieses Portals nimmt so große Dateien nicht an. Informieren Sie Ihren Administrator; andere Dateien werden wie gewohnt gesendet.',
  error_notInChat: 'Sie sind kein Mitglied dieses Chats.',
  error_folderUnsupported:
    'Ordner können nicht gesendet werden. Öffnen Sie den Ordner und wählen Sie die Dateien.',
  error_noFiles: 'Es gab keine Dateien zum Senden.',
  error_unknown: 'Beim Senden ist etwas schiefgelaufen.',
  next_retry: 'Versuchen Sie es erneut.',
  next_wait: 'Sie müssen nichts tun: Die Datei wird erneut gesendet.',
  'next_check-chat':
    'Prüfen Sie den Chat, bevor Sie erneut senden: Die Datei ist vielleicht schon dort.',
  'next_ask-admin': 'Wenden Sie sich an Ihren Bitrix24-Administrator.',
  'next_pick-smaller': 'Wählen Sie eine kleinere Datei.',
  'next_pick-another': 'Wählen Sie die Datei erneut oder eine andere.',
  'next_pick-chat': 'Wählen Sie einen anderen Chat.',
  next_rename: 'Benennen Sie die Datei um und fügen Sie sie erneut hinzu.',
  next_reopen: 'Öffnen Sie den Chat erneut und versuchen Sie es noch einmal.',
  next_none: '',
} as const satisfies Messages<'one'>;

/** The de pack as loadLanguagePack.ts loads it; `de-DE` is the SDK's B24LocaleMap value. */
export default {
  locale: 'de-DE',
  dir: 'ltr',
  messages: de,
  install,
} as const satisfies LanguagePack;
