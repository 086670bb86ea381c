// @ts-check
// Texts of the emulator's portal pages and the language helpers around them. Pure functions
// (no DOM), so the unit tests import this file as it is served.

/**
 * Interface languages a Bitrix24 portal offers (the SDK's `B24LangList`, @bitrix24/b24jssdk).
 * The page has its own texts for en, ru and de; every other language shows the English texts.
 */
export const LANGS = [
  'en',
  'ru',
  'de',
  'la',
  'br',
  'fr',
  'it',
  'pl',
  'tr',
  'ua',
  'kz',
  'id',
  'ms',
  'vn',
  'th',
  'ja',
  'sc',
  'tc',
  'in',
  'ar',
];

/**
 * Bitrix24 language ids that are not BCP 47 tags (the SDK's `B24LocaleMap`, @bitrix24/b24jssdk).
 * @type {Readonly<Record<string, string>>}
 */
const LOCALES = {
  la: 'es-ES',
  br: 'pt-BR',
  ua: 'uk-UA',
  kz: 'kk-KZ',
  vn: 'vi-VN',
  sc: 'zh-CN',
  tc: 'zh-TW',
  in: 'hi-IN',
};

const STRINGS = {
  en: {
    messenger: 'Messenger',
    chats: 'Chats',
    user: 'User',
    language: 'Language',
    send: 'Send',
    inputPlaceholder: 'Type a message',
    noDialog: 'Select a chat to start messaging',
    noMessages: 'No messages yet',
    openSidebar: 'App in sidebar',
    openTextarea: 'App above input',
    closePanel: 'Close',
    appLoading: 'Loading application…',
    appErrorTitle: 'The application cannot be opened',
    portalUnreachable: 'The portal does not respond',
    download: 'Download',
    application: 'Application',
    installedY: 'The application has been installed.',
    installedN: 'The application installation was not completed.',
    sendFailed: 'The message was not sent',
    chatUnavailable: 'This chat is not available',
    privateChat: 'Private chat',
    groupChat: 'Group chat',
    file: 'File',
    files_one: '{count} file',
    files_other: '{count} files',
  },
  ru: {
    messenger: 'Мессенджер',
    chats: 'Чаты',
    user: 'Пользователь',
    language: 'Язык',
    send: 'Отправить',
    inputPlaceholder: 'Введите сообщение',
    noDialog: 'Выберите чат, чтобы начать общение',
    noMessages: 'Сообщений пока нет',
    openSidebar: 'Приложение сбоку',
    openTextarea: 'Приложение над полем ввода',
    closePanel: 'Закрыть',
    appLoading: 'Загрузка приложения…',
    appErrorTitle: 'Не удалось открыть приложение',
    portalUnreachable: 'Портал не отвечает',
    download: 'Скачать',
    application: 'Приложение',
    installedY: 'Приложение установлено.',
    installedN: 'Установка приложения не завершена.',
    sendFailed: 'Сообщение не отправлено',
    chatUnavailable: 'Этот чат недоступен',
    privateChat: 'Личный чат',
    groupChat: 'Групповой чат',
    file: 'Файл',
    files_one: '{count} файл',
    files_few: '{count} файла',
    files_many: '{count} файлов',
    files_other: '{count} файла',
  },
  de: {
    messenger: 'Messenger',
    chats: 'Chats',
    user: 'Benutzer',
    language: 'Sprache',
    send: 'Senden',
    inputPlaceholder: 'Nachricht eingeben',
    noDialog: 'Wählen Sie einen Chat aus',
    noMessages: 'Noch keine Nachrichten',
    openSidebar: 'App in der Seitenleiste',
    openTextarea: 'App über dem Eingabefeld',
    closePanel: 'Schließen',
    appLoading: 'Anwendung wird geladen…',
    appErrorTitle: 'Die Anwendung kann nicht geöffnet werden',
    portalUnreachable: 'Das Portal antwortet nicht',
    download: 'Herunterladen',
    application: 'Anwendung',
    installedY: 'Die Anwendung wurde installiert.',
    installedN: 'Die Installation der Anwendung wurde nicht abgeschlossen.',
    sendFailed: 'Die Nachricht wurde nicht gesendet',
    chatUnavailable: 'Dieser Chat ist nicht verfügbar',
    privateChat: 'Privater Chat',
    groupChat: 'Gruppenchat',
    file: 'Datei',
    files_one: '{count} Datei',
    files_other: '{count} Dateien',
  },
};

/**
 * The BCP 47 locale for a Bitrix24 language id (`la` → `es-ES`, `en_US` → `en-US`); anything
 * `Intl` refuses becomes `en`, so formatting never throws a RangeError.
 * @param {string} lang
 * @returns {string}
 */
export function localeOf(lang) {
  const id = String(lang ?? '').toLowerCase();
  const tag = LOCALES[id] ?? String(lang ?? '').replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * The texts for a language: its own pack, or English when the page has none for it.
 * @param {string} lang
 * @returns {{ lang: string, pack: Record<string, string> }} `lang` is the pack's language
 */
function packFor(lang) {
  /** @type {Record<string, Record<string, string>>} */
  const packs = STRINGS;
  const id = String(lang ?? '').toLowerCase();
  const own = Object.hasOwn(packs, id) ? packs[id] : undefined;
  return own ? { lang: id, pack: own } : { lang: 'en', pack: STRINGS.en };
}

/**
 * Returns the translator for a language; unknown keys fall back to English, then to the key.
 * @param {string} lang
 * @returns {(key: string) => string}
 */
export function translator(lang) {
  const { pack } = packFor(lang);
  /** @type {Record<string, string>} */
  const en = STRINGS.en;
  return (key) => pack[key] ?? en[key] ?? key;
}

/**
 * Returns the counted text for a language: `key_<category>` with `{count}` filled in. The plural
 * category comes from `Intl.PluralRules` of the language whose texts are used (English rules for
 * the English fallback: Arabic's `zero`/`two`/`few`/`many` never index English texts); a missing
 * category falls back to `_other`, then to English. Never throws.
 * @param {string} lang
 * @returns {(key: string, count: number) => string}
 */
export function pluralizer(lang) {
  const { lang: packLang, pack } = packFor(lang);
  /** @type {Record<string, string>} */
  const en = STRINGS.en;
  const rules = new Intl.PluralRules(localeOf(packLang));
  const number = new Intl.NumberFormat(localeOf(lang));
  return (key, count) => {
    const value = Number.isFinite(count) ? count : 0;
    const category = rules.select(value);
    const text =
      pack[`${key}_${category}`] ??
      pack[`${key}_other`] ??
      en[`${key}_${new Intl.PluralRules('en').select(value)}`] ??
      en[`${key}_other`] ??
      key;
    return text.replace('{count}', number.format(value));
  };
}
