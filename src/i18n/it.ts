import { it as install } from './install/it.ts';
import type { LanguagePack } from './LanguagePack.ts';
import type { Messages } from './Messages.ts';

/**
 * Italian strings (Bitrix24 `it`). Plural forms: one (1), many (a million and its multiples:
 * "1.000.000 di file"), other. "File" does not change in the plural.
 */
export const it = {
  appTitle: 'Chat Drop',
  dropHere: 'Rilascia qui i file',
  dropHint: 'Trascina qui i file, incollali o sceglili',
  chooseFiles: 'Scegli file',
  dropzoneLabel: 'Aggiungi file: rilasciali qui, incollali o premi Invio per sceglierli',
  dropRelease: 'Rilascia per inviare a {chat}',
  dropNoFiles: 'Qui si possono rilasciare solo file. Link e testo non vengono inviati.',
  dropFolderEmpty:
    'La cartella è vuota oppure il browser non riesce a leggere le cartelle. Aprila e rilascia i file.',
  filesAdded: {
    one: '{count} file aggiunto',
    many: '{count} di file aggiunti',
    other: '{count} file aggiunti',
  },
  fileCount: { one: '{count} file', many: '{count} di file', other: '{count} file' },
  pickChatFirst: 'Scegli prima una chat',
  chatHeaderLabel: 'I file vanno in',
  changeChat: 'Cambia chat',
  chatPickerTitle: 'Scegli una chat',
  chatPickerSearch: 'Cerca chat',
  chatPickerEmpty: 'Nessuna chat trovata',
  chatPickerLoading: 'Caricamento delle chat…',
  chatPickerError: 'Impossibile caricare le tue chat. Riprova.',
  chatLoadError: 'Impossibile caricare questa chat.',
  messageLabel: 'Messaggio con i file',
  messagePlaceholder: 'Aggiungi un messaggio (facoltativo)',
  listLabel: 'File',
  phase_queued: 'In coda',
  phase_reading: 'Lettura',
  phase_sending: 'Invio',
  phase_waiting: 'Portale occupato, verrà inviato di nuovo',
  phase_waitingUntil: 'Il portale chiede di attendere, si riprende alle {time}',
  chatAccessLost:
    'Non è più possibile inviare file in questa chat. I file rimanenti non sono stati inviati.',
  phase_checking: 'Verifica della chat',
  phase_delivered: 'Consegnato',
  phase_failed: 'Non inviato',
  phase_cancelled: 'Annullato',
  phase_unknown: 'Potrebbe non essere arrivato',
  cancel: 'Annulla',
  retry: 'Riprova',
  remove: 'Rimuovi',
  removeFromList: 'Rimuovi dall’elenco',
  alreadySentTitle: 'Già in questa chat',
  alreadySentOne: '{name} ({size}) è stato inviato a {chat} {ago}. Inviarlo di nuovo?',
  alreadySentMany: {
    one: '{count} di questi file è stato inviato di recente a {chat}. Inviarlo di nuovo?',
    many: '{count} di questi file sono stati inviati di recente a {chat}. Inviarli di nuovo?',
    other: '{count} di questi file sono stati inviati di recente a {chat}. Inviarli di nuovo?',
  },
  alreadySentEntry: '{name} ({size}), {ago}',
  sendAgain: 'Invia di nuovo',
  skipAlreadySent: 'Salta',
  cancelFile: 'Annulla {name}',
  retryFile: 'Riprova {name}',
  removeFile: 'Rimuovi {name}',
  cancelAll: 'Annulla tutto',
  clearFinished: 'Rimuovi completati',
  openInChat: 'Apri nella chat',
  checkTheChat: 'Controlla la chat',
  details: 'Dettagli',
  errorCode: 'Codice: {code}',
  progressLabel: 'Avanzamento di {name}',
  sizeBytes: { one: '{count} byte', many: '{count} di byte', other: '{count} byte' },
  speed: '{size}/s',
  timeLeft: 'Mancano {duration}',
  batchProgress: '{done} di {total} · {percent}',
  batchLabel: 'Avanzamento complessivo',
  summaryDelivered: {
    one: '{count} consegnato',
    many: '{count} consegnati',
    other: '{count} consegnati',
  },
  summaryFailed: {
    one: '{count} non riuscito',
    many: '{count} non riusciti',
    other: '{count} non riusciti',
  },
  summaryCancelled: {
    one: '{count} annullato',
    many: '{count} annullati',
    other: '{count} annullati',
  },
  summaryUnknown: {
    one: '{count} potrebbe essere arrivato: controlla la chat',
    many: '{count} potrebbero essere arrivati: controlla la chat',
    other: '{count} potrebbero essere arrivati: controlla la chat',
  },
  summarySending: {
    one: 'Invio di {count} file…',
    many: 'Invio di {count} di file…',
    other: 'Invio di {count} file…',
  },
  toastDelivered: '{name} consegnato',
  toastFailed: '{name} non è stato inviato',
  toastUnknown: '{name} potrebbe non essere arrivato',
  announceAdded: {
    one: '{count} file aggiunto',
    many: '{count} di file aggiunti',
    other: '{count} file aggiunti',
  },
  announceDelivered: '{name} consegnato',
  announceFailed: '{name} non è stato inviato: {reason}',
  ledgerTitle: 'In precedenza in questa chat',
  ledgerDelivered: 'Consegnato',
  ledgerNotDelivered: 'Non consegnato',
  ledgerUnknown: 'Potrebbe non essere arrivato',
  ledgerAddAgain: 'Aggiungi di nuovo',
  ledgerUnknownHint:
    'Potrebbe essere già nella chat. Controlla la chat prima di aggiungerlo di nuovo.',
  ledgerCheckChatFile: 'Cerca {name} nella chat',
  openChatFailed: 'Impossibile aprire la chat. Aprila dal messenger.',
  outsideTitle: 'Chat Drop funziona all’interno di Bitrix24',
  outsideBody:
    'Apri una chat nel tuo Bitrix24 e avvia Chat Drop dal pannello della chat, oppure aprilo dal menu Applicazioni.',
  outsideSteps:
    'Un amministratore installa l’app una sola volta; poi compare in ogni chat accanto al campo del messaggio.',
  loading: 'Caricamento…',
  startFailed: 'Impossibile avviare Chat Drop. Ricarica la pagina per riprovare.',
  startFailedReopen:
    'Chat Drop non è riuscito a connettersi a Bitrix24. Chiudi questo pannello e riapri Chat Drop dalla chat.',
  startFailedReinstall:
    'Bitrix24 non ha consentito l’accesso a Chat Drop. Chiedi all’amministratore del tuo Bitrix24 di reinstallare l’app.',
  installTitle: 'Installa Chat Drop',
  installWaiting: 'L’installazione è in preparazione.',
  emptyList: 'Ancora nessun file',
  error_chatNotFound: 'Questa chat non esiste più.',
  error_accessDenied:
    'Non puoi inviare file in questa chat, oppure REST non è disponibile con questo piano Bitrix24.',
  error_fileEmpty: 'Il file è vuoto.',
  error_invalidContent:
    'Il portale non è riuscito a leggere il file. Potrebbe essere cambiato durante l’invio.',
  error_fileTooLarge: 'Il file supera i 100 MB, il limite delle chat di Bitrix24.',
  error_folder:
    'Il portale non è riuscito a salvare il file (errore della cartella di archiviazione).',
  error_uploadFailed: 'Il portale non è riuscito a salvare il file.',
  error_sendFailed: 'Il file è stato salvato, ma non è stato possibile pubblicare il messaggio.',
  error_methodNotFound: 'Questo Bitrix24 non consente di inviare file in questo modo.',
  error_session: 'La sessione è scaduta. Riapri la chat e riprova.',
  error_scope: 'L’app non ha l’autorizzazione per inviare file. Rivolgiti al tuo amministratore.',
  error_appAccess: 'Non hai accesso a questa app. Rivolgiti al tuo amministratore.',
  error_appConfig: 'L’app non è configurata correttamente. Rivolgiti al tuo amministratore.',
  error_rateLimit: 'Il portale è occupato. Il file verrà inviato di nuovo a breve.',
  error_overload: 'Il portale è sovraccarico. Riprova più tardi.',
  error_operatingLimit:
    'Il portale chiede all’app di attendere: per ora ha esaurito il suo tempo di elaborazione. L’invio riprenderà da solo.',
  error_overloadBlocked:
    'Il supporto di Bitrix24 ha bloccato le richieste di questa app su questo portale. Un amministratore deve contattare il supporto di Bitrix24.',
  error_server: 'Si è verificato un errore interno del portale.',
  error_request: 'La richiesta non è stata compresa. Riapri l’app e riprova.',
  error_requestTooLarge:
    'Il server o un proxy davanti a Bitrix24 ha rifiutato una richiesta così grande. Scegli un file più piccolo o rivolgiti al tuo amministratore.',
  error_portalDeleted: 'Questo Bitrix24 non esiste più.',
  error_network: 'La connessione si è interrotta.',
  error_timeout: 'Il portale ha impiegato troppo tempo a rispondere.',
  error_unexpectedAnswer: 'Il portale ha dato una risposta che l’app non è riuscita a leggere.',
  error_readFailed: 'Impossibile leggere il file. Potrebbe essere stato spostato o modificato.',
  error_encodeFailed: 'Impossibile preparare il file per l’invio.',
  error_nameInvalid: 'Il nome del file è vuoto o supera i 255 caratteri.',
  error_stalled: 'L’invio non procede più.',
  error_htmlAnswer:
    'Il portale ha risposto con una pagina web invece di un risultato, spesso una pagina di accesso. Apri Bitrix24 in una nuova scheda, accedi se richiesto e riprova.',
  error_maintenance:
    'Il portale è in manutenzione. Il file verrà inviato quando tornerà disponibile.',
  error_portalFileLimit:
    'Il server di questo portale rifiuta file così grandi. Avvisa il tuo amministratore; gli altri file vengono inviati normalmente.',
  error_notInChat: 'Non sei membro di questa chat.',
  error_folderUnsupported: 'Le cartelle non si possono inviare. Apri la cartella e scegli i file.',
  error_noFiles: 'Non c’erano file da inviare.',
  error_unknown: 'Qualcosa è andato storto durante l’invio.',
  next_retry: 'Riprova.',
  next_wait: 'Non devi fare nulla: verrà inviato di nuovo.',
  'next_check-chat':
    'Controlla la chat prima di inviarlo di nuovo: il file potrebbe essere già lì.',
  'next_ask-admin': 'Rivolgiti all’amministratore del tuo Bitrix24.',
  'next_pick-smaller': 'Scegli un file più piccolo.',
  'next_pick-another': 'Scegli di nuovo il file o un altro.',
  'next_pick-chat': 'Scegli un’altra chat.',
  next_rename: 'Rinomina il file e aggiungilo di nuovo.',
  next_reopen: 'Riapri la chat e riprova.',
  next_none: '',
} as const satisfies Messages<'one' | 'many'>;

/** The Italian pack; `it-IT` is the SDK's B24LocaleMap value for `it`. */
export default {
  locale: 'it-IT',
  dir: 'ltr',
  messages: it,
  install,
} as const satisfies LanguagePack;
