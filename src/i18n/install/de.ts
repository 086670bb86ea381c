import type { InstallMessages } from '../installMessages.ts';

/** German texts of the install page. */
export const de = {
  title: 'Chat Drop installieren',
  manageTitle: 'Chat Drop – Installation',
  intro:
    'Chat Drop fügt jedem Chat eine Schaltfläche hinzu: in der Chat-Seitenleiste und über dem Eingabefeld. Ziehen Sie Dateien dorthin, um sie in den Chat zu senden.',
  waiting: 'Die Installation wird vorbereitet.',
  'step.check-admin': 'Administratorrechte prüfen',
  'step.read-bindings': 'Aktuelle Widget-Einstellungen lesen',
  'step.bind-IM_SIDEBAR': 'Chat Drop zur Chat-Seitenleiste hinzufügen',
  'step.bind-IM_TEXTAREA': 'Chat Drop über dem Eingabefeld hinzufügen',
  'step.finish': 'Installation abschließen',
  'state.pending': 'Wartet',
  'state.running': 'Läuft',
  'state.done': 'Erledigt',
  'state.skipped': 'Übersprungen',
  'state.failed': 'Fehlgeschlagen',
  'outcome.bound': 'hinzugefügt',
  'outcome.unchanged': 'bereits vorhanden',
  'outcome.replaced': 'auf diese Adresse umgestellt',
  installed:
    'Chat Drop ist installiert. Bitrix24 lädt die Seite jetzt neu; öffnen Sie dann einen beliebigen Chat.',
  repaired: 'Erledigt: Die Widgets zeigen auf diese Adresse.',
  retry: 'Erneut versuchen',
  repair: 'Reparieren',
  repairing: 'Wird repariert…',
  reload: 'Erneut prüfen',
  loadingState: 'Installation wird gelesen…',
  details: 'Details',
  detailsCode: 'Fehlercode: {code}',
  detailsText: 'Meldung des Portals: {detail}',
  'placement.IM_SIDEBAR': 'Chat-Seitenleiste',
  'placement.IM_TEXTAREA': 'Über dem Eingabefeld',
  columnPlace: 'Ort',
  columnAddress: 'Adresse',
  columnState: 'Status',
  'row.current': 'An diese Adresse gebunden',
  'row.other': 'An eine andere Adresse gebunden',
  'row.outdated': 'Hier gebunden, aber mit Einstellungen einer älteren Version',
  'row.multiple': 'Mehrfach gebunden',
  'row.missing': 'Nicht gebunden',
  thisAddress: 'Die App läuft unter {handler}',
  healthy: 'Alles ist eingerichtet.',
  unhealthy:
    'Einige Widgets fehlen oder zeigen auf eine andere Adresse. „Reparieren“ bindet sie an diese Adresse.',
  notAdminInstall:
    'Nur ein Bitrix24-Administrator kann Chat Drop installieren. Bitten Sie einen Administrator, die App einmal unter „Anwendungen“ zu öffnen.',
  notAdminManage:
    'Chat Drop arbeitet in Chats: Öffnen Sie einen Chat und wählen Sie Chat Drop in der Seitenleiste oder über dem Eingabefeld. Die Installationseinstellungen sehen nur Administratoren.',
  'error.ACCESS_DENIED':
    'Bitrix24 hat abgelehnt: Nur ein Administrator kann dem Messenger Widgets hinzufügen. Bitten Sie einen Administrator, die App einmal unter „Anwendungen“ zu öffnen.',
  'error.scope':
    'Der App fehlen die Berechtigungen {scopes}. Ein Administrator muss „Anwendungen“ → „Entwicklerressourcen“ → „Integrationen“ → Chat Drop → „Bearbeiten“ öffnen, unter „Berechtigungen zuweisen“ {scopes} ankreuzen, speichern und die App erneut öffnen.',
  'error.WRONG_AUTH_TYPE':
    'Bitrix24 akzeptiert diesen Schritt nur von der App selbst. Öffnen Sie Chat Drop über das Menü „Anwendungen“ Ihres Bitrix24, nicht über einen direkten Link.',
  'error.handler':
    'Bitrix24 akzeptiert die Adresse {handler} nicht für Widgets. Stellen Sie die App unter einer öffentlichen https://-Adresse mit Domainnamen bereit und installieren Sie sie erneut.',
  'error.auth':
    'Die Sitzung mit Bitrix24 ist abgelaufen. Laden Sie die Seite neu und versuchen Sie es erneut.',
  'error.busy':
    'Bitrix24 ist gerade ausgelastet. Warten Sie eine Minute und versuchen Sie es erneut.',
  'error.transport':
    'Bitrix24 ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
  'error.generic':
    'Die Installation ist fehlgeschlagen. Versuchen Sie es erneut; wenn der Fehler bleibt, senden Sie die Details an Ihren Administrator.',
} as const satisfies InstallMessages;
