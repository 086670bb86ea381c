import type { Language } from '../i18n/createTranslator.ts';

/**
 * Strings of the install page. Kept here rather than in src/i18n so the install flow ships in
 * one piece; `satisfies` below makes a missing Russian or German string a type error.
 * `{name}` placeholders are filled as plain text. Error codes never go into a main sentence: they
 * are shown under Details only (`detailsCode`).
 */
const en = {
  title: 'Install Chat Drop',
  manageTitle: 'Chat Drop installation',
  intro:
    'Chat Drop adds a button to every chat: in the chat sidebar and above the message field. Drop files there to send them to the chat.',
  waiting: 'The installation is being prepared.',
  'step.check-admin': 'Check administrator rights',
  'step.read-bindings': 'Read the current widget settings',
  'step.bind-IM_SIDEBAR': 'Add Chat Drop to the chat sidebar',
  'step.bind-IM_TEXTAREA': 'Add Chat Drop above the message field',
  'step.finish': 'Finish the installation',
  'state.pending': 'Waiting',
  'state.running': 'In progress',
  'state.done': 'Done',
  'state.skipped': 'Skipped',
  'state.failed': 'Failed',
  'outcome.bound': 'added',
  'outcome.unchanged': 'already in place',
  'outcome.replaced': 'moved to this address',
  installed: 'Chat Drop is installed. Bitrix24 reloads the page now; then open any chat.',
  repaired: 'Done: the widgets point at this address.',
  retry: 'Try again',
  repair: 'Repair',
  repairing: 'Repairing…',
  reload: 'Check again',
  loadingState: 'Reading the installation…',
  details: 'Details',
  detailsCode: 'Error code: {code}',
  detailsText: 'Portal message: {detail}',
  'placement.IM_SIDEBAR': 'Chat sidebar',
  'placement.IM_TEXTAREA': 'Above the message field',
  columnPlace: 'Place',
  columnAddress: 'Address',
  columnState: 'State',
  'row.current': 'Bound to this address',
  'row.other': 'Bound to another address',
  'row.outdated': 'Bound here, with settings from an older version',
  'row.multiple': 'Bound more than once',
  'row.missing': 'Not bound',
  thisAddress: 'This app runs at {handler}',
  healthy: 'Everything is in place.',
  unhealthy:
    'Some widgets are missing or point to another address. Repair binds them to this address.',
  notAdminInstall:
    'Only a Bitrix24 administrator can install Chat Drop. Ask an administrator to open the app once from Applications.',
  notAdminManage:
    'Chat Drop works inside chats: open a chat and choose Chat Drop in the chat sidebar or above the message field. Installation settings are visible to administrators only.',
  'error.ACCESS_DENIED':
    'Bitrix24 refused: only an administrator can add widgets to the messenger. Ask an administrator to open the app once from Applications.',
  'error.scope':
    'The app is missing the permissions {scopes}. An administrator must open Applications → Developer resources → Integrations → Chat Drop → Edit, tick {scopes} under "Assign permissions", save, and open the app again.',
  'error.WRONG_AUTH_TYPE':
    'Bitrix24 accepts this step only from the app itself. Open Chat Drop from the Applications menu of your Bitrix24, not from a direct link.',
  'error.handler':
    'Bitrix24 does not accept the address {handler} for widgets. Serve the app from a public https:// address with a domain name and install it again.',
  'error.auth': 'The session with Bitrix24 has expired. Reload the page and try again.',
  'error.busy': 'Bitrix24 is busy right now. Wait a minute and try again.',
  'error.transport': 'Bitrix24 could not be reached. Check the connection and try again.',
  'error.generic':
    'The installation failed. Try again; if it keeps failing, send the details to your administrator.',
} as const;

export type InstallMessageKey = keyof typeof en;
type InstallMessages = Readonly<Record<InstallMessageKey, string>>;

const ru = {
  title: 'Установка Chat Drop',
  manageTitle: 'Установка Chat Drop',
  intro:
    'Chat Drop добавляет кнопку в каждый чат: на боковую панель чата и над полем ввода. Перетащите туда файлы, чтобы отправить их в чат.',
  waiting: 'Установка готовится.',
  'step.check-admin': 'Проверка прав администратора',
  'step.read-bindings': 'Чтение текущих настроек виджетов',
  'step.bind-IM_SIDEBAR': 'Добавление Chat Drop на боковую панель чата',
  'step.bind-IM_TEXTAREA': 'Добавление Chat Drop над полем ввода',
  'step.finish': 'Завершение установки',
  'state.pending': 'Ожидает',
  'state.running': 'Выполняется',
  'state.done': 'Готово',
  'state.skipped': 'Пропущено',
  'state.failed': 'Ошибка',
  'outcome.bound': 'добавлено',
  'outcome.unchanged': 'уже на месте',
  'outcome.replaced': 'перенесено на этот адрес',
  installed:
    'Chat Drop установлен. Битрикс24 сейчас перезагрузит страницу; затем откройте любой чат.',
  repaired: 'Готово: виджеты указывают на этот адрес.',
  retry: 'Повторить',
  repair: 'Исправить',
  repairing: 'Исправление…',
  reload: 'Проверить снова',
  loadingState: 'Проверка установки…',
  details: 'Подробности',
  detailsCode: 'Код ошибки: {code}',
  detailsText: 'Сообщение портала: {detail}',
  'placement.IM_SIDEBAR': 'Боковая панель чата',
  'placement.IM_TEXTAREA': 'Над полем ввода',
  columnPlace: 'Место',
  columnAddress: 'Адрес',
  columnState: 'Состояние',
  'row.current': 'Привязано к этому адресу',
  'row.other': 'Привязано к другому адресу',
  'row.outdated': 'Привязано сюда, но с настройками старой версии',
  'row.multiple': 'Привязано несколько раз',
  'row.missing': 'Не привязано',
  thisAddress: 'Приложение работает по адресу {handler}',
  healthy: 'Всё на месте.',
  unhealthy:
    'Некоторые виджеты отсутствуют или указывают на другой адрес. «Исправить» привяжет их к этому адресу.',
  notAdminInstall:
    'Установить Chat Drop может только администратор Битрикс24. Попросите администратора один раз открыть приложение в разделе «Приложения».',
  notAdminManage:
    'Chat Drop работает внутри чатов: откройте чат и выберите Chat Drop на боковой панели или над полем ввода. Настройки установки видны только администраторам.',
  'error.ACCESS_DENIED':
    'Битрикс24 отказал: добавлять виджеты в мессенджер может только администратор. Попросите администратора один раз открыть приложение в разделе «Приложения».',
  'error.scope':
    'У приложения нет прав {scopes}. Администратору нужно открыть «Приложения» → «Разработчикам» → «Интеграции» → Chat Drop → «Редактировать», отметить {scopes} в блоке «Настройка прав», сохранить и снова открыть приложение.',
  'error.WRONG_AUTH_TYPE':
    'Битрикс24 принимает этот шаг только от самого приложения. Откройте Chat Drop из меню «Приложения» вашего Битрикс24, а не по прямой ссылке.',
  'error.handler':
    'Битрикс24 не принимает адрес {handler} для виджетов. Разместите приложение по публичному адресу https:// с доменным именем и установите снова.',
  'error.auth': 'Сеанс связи с Битрикс24 истёк. Перезагрузите страницу и повторите.',
  'error.busy': 'Битрикс24 сейчас перегружен. Подождите минуту и повторите.',
  'error.transport': 'Не удалось связаться с Битрикс24. Проверьте подключение и повторите.',
  'error.generic':
    'Установка не удалась. Повторите; если ошибка не исчезнет, передайте подробности администратору.',
} as const satisfies InstallMessages;

const de = {
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

/** The install page's strings per language; `en` is the shape the others must match. */
export const INSTALL_MESSAGES = { en, ru, de } as const satisfies Record<Language, InstallMessages>;

/** The string for `key` in `lang` with `{name}` placeholders replaced as plain text. */
export function installMessage(
  lang: Language,
  key: InstallMessageKey,
  vars?: Readonly<Record<string, string>>,
): string {
  const template: string = INSTALL_MESSAGES[lang][key];
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? (vars[name] ?? whole) : whole,
  );
}
