// @ts-check
/* global document, location, URLSearchParams */
// The app's own page (/marketplace/app/<id>/): the app in the DEFAULT placement, full width.
// Contract §1.2, §1.6 (install flow: the banner after setInstallFinish) and §2.6
// (DEFAULT PLACEMENT_OPTIONS = the page's query minus the portal's own parameters).

import { el, localeOf, readBootstrap, renderPortalHeader, translator } from './portal-common.js';
import { openAppFrame } from './portal-frame.js';

/** Query parameters that belong to the portal page, not to the app. */
const SYSTEM_PARAMS = ['user', 'lang', 'install_finished'];

const boot = readBootstrap();
const t = translator(boot.lang);
document.documentElement.lang = localeOf(boot.lang);

const query = new URLSearchParams(location.search);
/** @type {Record<string, string>} */
const placementOptions = {};
for (const [key, value] of query) {
  if (!SYSTEM_PARAMS.includes(key)) placementOptions[key] = value;
}

const installFinished = query.get('install_finished');
const banner =
  installFinished === 'Y' || installFinished === 'N'
    ? el('div', {
        className: `install-banner install-banner-${installFinished === 'Y' ? 'ok' : 'fail'}`,
        'data-testid': 'install-banner',
        'data-result': installFinished,
        role: 'status',
        text: installFinished === 'Y' ? t('installedY') : t('installedN'),
      })
    : null;

const title = el('h1', {
  className: 'app-page-title',
  'data-testid': 'app-title',
  text: t('application'),
});
const container = el('div', { className: 'app-page-frame', 'data-testid': 'app-container' });

document
  .getElementById('portal-root')
  ?.replaceChildren(
    renderPortalHeader(boot, t('application')),
    el('main', { className: 'app-page' }, [banner, title, container]),
  );

void openAppFrame(container, {
  user: boot.userId,
  placement: 'DEFAULT',
  placementOptions,
  lang: boot.lang,
  appId: boot.appId,
  frameLoad: boot.frameLoad,
  onTitle: (text) => {
    title.textContent = text;
    document.title = text;
  },
});
