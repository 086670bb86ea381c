import type { InstallMessages } from '../installMessages.ts';

/** Italian texts of the install page (Bitrix24 `it`). */
export const it = {
  title: 'Installa Chat Drop',
  manageTitle: 'Installazione di Chat Drop',
  intro:
    'Chat Drop aggiunge un pulsante a ogni chat: nella barra laterale della chat e sopra il campo del messaggio. Rilascia lì i file per inviarli nella chat.',
  waiting: 'L’installazione è in preparazione.',
  'step.check-admin': 'Verifica dei diritti di amministratore',
  'step.read-bindings': 'Lettura delle impostazioni attuali dei widget',
  'step.bind-IM_SIDEBAR': 'Aggiunta di Chat Drop alla barra laterale della chat',
  'step.bind-IM_TEXTAREA': 'Aggiunta di Chat Drop sopra il campo del messaggio',
  'step.finish': 'Completamento dell’installazione',
  'state.pending': 'In attesa',
  'state.running': 'In corso',
  'state.done': 'Fatto',
  'state.skipped': 'Saltato',
  'state.failed': 'Non riuscito',
  'outcome.bound': 'aggiunto',
  'outcome.unchanged': 'già presente',
  'outcome.replaced': 'spostato su questo indirizzo',
  installed:
    'Chat Drop è installato. Bitrix24 ora ricarica la pagina; poi apri una chat qualsiasi.',
  repaired: 'Fatto: i widget puntano a questo indirizzo.',
  retry: 'Riprova',
  repair: 'Ripara',
  repairing: 'Riparazione…',
  reload: 'Controlla di nuovo',
  loadingState: 'Lettura dell’installazione…',
  details: 'Dettagli',
  detailsCode: 'Codice di errore: {code}',
  detailsText: 'Messaggio del portale: {detail}',
  'placement.IM_SIDEBAR': 'Barra laterale della chat',
  'placement.IM_TEXTAREA': 'Sopra il campo del messaggio',
  columnPlace: 'Posizione',
  columnAddress: 'Indirizzo',
  columnState: 'Stato',
  'row.current': 'Collegato a questo indirizzo',
  'row.other': 'Collegato a un altro indirizzo',
  'row.outdated': 'Collegato qui, con le impostazioni di una versione precedente',
  'row.multiple': 'Collegato più volte',
  'row.missing': 'Non collegato',
  thisAddress: 'Questa app funziona all’indirizzo {handler}',
  healthy: 'È tutto a posto.',
  unhealthy:
    'Alcuni widget mancano o puntano a un altro indirizzo. Ripara li collega a questo indirizzo.',
  notAdminInstall:
    'Solo un amministratore di Bitrix24 può installare Chat Drop. Chiedi a un amministratore di aprire l’app una volta da Applicazioni.',
  notAdminManage:
    'Chat Drop funziona nelle chat: apri una chat e scegli Chat Drop nella barra laterale o sopra il campo del messaggio. Le impostazioni di installazione sono visibili solo agli amministratori.',
  'error.ACCESS_DENIED':
    'Bitrix24 ha rifiutato: solo un amministratore può aggiungere widget al messenger. Chiedi a un amministratore di aprire l’app una volta da Applicazioni.',
  'error.scope':
    'All’app mancano le autorizzazioni {scopes}. Un amministratore deve aprire Applicazioni → Risorse per sviluppatori → Integrazioni → Chat Drop → Modifica, selezionare {scopes} in “Assegna autorizzazioni”, salvare e riaprire l’app.',
  'error.WRONG_AUTH_TYPE':
    'Bitrix24 accetta questo passaggio solo dall’app stessa. Apri Chat Drop dal menu Applicazioni del tuo Bitrix24, non da un link diretto.',
  'error.handler':
    'Bitrix24 non accetta l’indirizzo {handler} per i widget. Pubblica l’app su un indirizzo https:// pubblico con un nome di dominio e installala di nuovo.',
  'error.auth': 'La sessione con Bitrix24 è scaduta. Ricarica la pagina e riprova.',
  'error.busy': 'Bitrix24 è occupato in questo momento. Attendi un minuto e riprova.',
  'error.transport': 'Impossibile raggiungere Bitrix24. Controlla la connessione e riprova.',
  'error.generic':
    'L’installazione non è riuscita. Riprova; se continua a non riuscire, invia i dettagli al tuo amministratore.',
} as const satisfies InstallMessages;
