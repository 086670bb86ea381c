// `npx tsx scripts/widgetScreenshots.ts`: the pictures of docs/SCREENSHOTS.md — the widget's main
// states (issue 4: empty, dragging, uploading, delivered, failed, picker; issue 15: "already in
// this chat"), light and dark, in English, Russian, Arabic (right to left), Japanese and
// Brazilian Portuguese (issue 15), taken in Debian's Chromium inside the emulator. Builds the app into a temp folder,
// serves it with the production server (server/), starts a fresh emulator with the app installed
// and photographs only the app's panel, so each PNG stays small.
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, FrameLocator, Locator, Page } from 'playwright-core';
import type { Emulator } from '../emulator/createEmulator.ts';
import { startShotStack } from './startShotStack.ts';
import { throttleUplink } from './throttleUplink.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(repoRoot, 'docs', 'images', 'widget');
/** The messenger with its side panel (the panel is 380 px wide, as narrow as Bitrix24's). */
const MESSENGER_VIEWPORT = { width: 1100, height: 620 } as const;
/** The app's own page, narrowed so the DEFAULT frame is about as wide as the side panel. */
const APP_PAGE_VIEWPORT = { width: 460, height: 620 } as const;
/** Each picture must stay small enough to sit in a table with many others. */
const MAX_BYTES = 60 * 1024;

const STATES = [
  'empty',
  'dragging',
  'uploading',
  'delivered',
  'failed',
  'already',
  'picker',
] as const;
type State = (typeof STATES)[number];
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
/** Bitrix24 `LANG` codes (the SDK's B24LangList): `br` is Brazilian Portuguese. */
const LANGS = ['en', 'ru', 'ar', 'ja', 'br'] as const;
type Lang = (typeof LANGS)[number];

/** The browser's own locale per portal language (the SDK's B24LocaleMap values). */
const LOCALE = {
  en: 'en-US',
  ru: 'ru-RU',
  ar: 'ar-SA',
  ja: 'ja-JP',
  br: 'pt-BR',
} as const satisfies Record<Lang, string>;

/** File names shown in the pictures, per language (names are data: shown as typed). */
const SAMPLE_NAME = {
  en: { upload: 'quarterly-report.pdf', done: 'team-photo.png', fail: 'budget-2025.xlsx' },
  ru: { upload: 'квартальный-отчёт.pdf', done: 'фото-команды.png', fail: 'бюджет-2025.xlsx' },
  ar: { upload: 'تقرير-ربع-سنوي.pdf', done: 'صورة-الفريق.png', fail: 'ميزانية-2025.xlsx' },
  ja: { upload: '四半期レポート.pdf', done: 'チーム写真.png', fail: '予算-2025.xlsx' },
  br: {
    upload: 'relatório-trimestral.pdf',
    done: 'foto-da-equipe.png',
    fail: 'orçamento-2025.xlsx',
  },
} as const satisfies Record<Lang, Record<'upload' | 'done' | 'fail', string>>;

interface Shot {
  readonly page: Page;
  readonly emulator: Emulator;
  readonly lang: Lang;
}

/** The widget opened in chat5's side panel: locators inside it and its Frame. */
/** An area to photograph, cut off below the bottom edge of `until`. */
interface Target {
  readonly area: Locator;
  readonly until: Locator;
}

interface OpenedPanel {
  readonly panel: Locator;
  readonly frame: FrameLocator;
  readonly appFrame: Frame;
}

async function main(): Promise<void> {
  // Screenshots make a few dozen REST calls in a burst; the leaky bucket is not the subject.
  const stack = await startShotStack({ rateLimit: false });
  const { emulator, browser } = stack;
  // Arguments pick states and/or languages by name (`failed ar ja`); none = every picture.
  const args = process.argv.slice(2);
  const onlyStates = STATES.filter((s) => args.includes(s));
  const onlyLangs = LANGS.filter((l) => args.includes(l));
  const unknown = args.filter(
    (a) => !(STATES as readonly string[]).includes(a) && !(LANGS as readonly string[]).includes(a),
  );
  if (unknown.length > 0) throw new Error(`unknown state or language: ${unknown.join(', ')}`);
  try {
    await mkdir(OUT_DIR, { recursive: true });
    for (const lang of onlyLangs.length > 0 ? onlyLangs : LANGS) {
      for (const scheme of SCHEMES) {
        for (const state of onlyStates.length > 0 ? onlyStates : STATES) {
          await takeShot(browser, emulator, state, scheme, lang);
        }
      }
    }
  } finally {
    await stack.close();
  }
}

/** One picture in a fresh profile (no ledger of earlier shots), from a fresh portal state. */
async function takeShot(
  browser: Browser,
  emulator: Emulator,
  state: State,
  scheme: Scheme,
  lang: Lang,
): Promise<void> {
  emulator.clearScenario();
  const reset = await fetch(new URL('/_emulator/reset', emulator.url), { method: 'POST' });
  if (!reset.ok) throw new Error(`POST /_emulator/reset answered ${reset.status}`);
  const context = await browser.newContext({
    locale: LOCALE[lang],
    colorScheme: scheme,
    viewport: state === 'picker' ? APP_PAGE_VIEWPORT : MESSENGER_VIEWPORT,
    reducedMotion: 'reduce',
  });
  try {
    const page = await context.newPage();
    const target = await STAGE[state]({ page, emulator, lang });
    await settle(page);
    await shoot(
      page,
      'area' in target ? target : { area: target },
      `${state}-${scheme}-${lang}.png`,
    );
  } finally {
    emulator.clearScenario();
    await context.close();
  }
}

/** Brings the page into `state` and returns the element to photograph. */
const STAGE = {
  empty: async (shot) => {
    const { panel, frame } = await openPanel(shot);
    await frame.getByTestId('dropzone').waitFor({ timeout: 30_000 });
    return panel;
  },
  dragging: async (shot) => {
    const { panel, frame, appFrame } = await openPanel(shot);
    await frame.getByTestId('dropzone').waitFor({ timeout: 30_000 });
    // What the OS does when a file is dragged over the frame: a dragenter carrying Files.
    // A string: this file is type-checked without the DOM library (tsconfig.node.json).
    await appFrame.evaluate(`(() => {
      const data = new DataTransfer();
      data.items.add(new File(['%PDF-1.7'], ${JSON.stringify(SAMPLE_NAME[shot.lang].upload)}, { type: 'application/pdf' }));
      const root = document.querySelector('[data-testid="chat-drop"]');
      for (const type of ['dragenter', 'dragover']) {
        root.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      }
    })()`);
    await frame.locator('.cd-overlay').waitFor({ timeout: 10_000 });
    return panel;
  },
  uploading: async (shot) => {
    const { panel, frame, appFrame } = await openPanel(shot);
    // Throttle the app frame's uploads so the row is caught mid-progress.
    await throttleUplink(shot.page, appFrame, 64 * 1024);
    const name = SAMPLE_NAME[shot.lang].upload;
    await putFiles(frame, name, 1024 * 1024);
    await waitForRow(appFrame, name, (row) => row.phase === 'sending' && row.percent >= 25);
    return panel;
  },
  delivered: async (shot) => {
    const { panel, frame, appFrame } = await openPanel(shot);
    const name = SAMPLE_NAME[shot.lang].done;
    await putFiles(frame, name, 48 * 1024);
    await waitForRow(appFrame, name, (row) => row.phase === 'delivered');
    await frame.locator('[data-sonner-toast][data-type="success"]').waitFor({ timeout: 10_000 });
    return panel;
  },
  failed: async (shot) => {
    const { panel, frame, appFrame } = await openPanel(shot);
    shot.emulator.setScenario('upload-failed');
    const name = SAMPLE_NAME[shot.lang].fail;
    await putFiles(frame, name, 20 * 1024);
    await waitForRow(appFrame, name, (row) => row.phase === 'failed');
    // No toast: the row is on screen with its reason and Retry (toasts add only what rows cannot).
    return panel;
  },
  already: async (shot) => {
    const { panel, frame, appFrame } = await openPanel(shot);
    const name = SAMPLE_NAME[shot.lang].upload;
    await putFiles(frame, name, 2 * 1024 * 1024 + 100 * 1024);
    await waitForRow(appFrame, name, (row) => row.phase === 'delivered');
    // The same file again: the panel asks before sending it twice.
    await putFiles(frame, name, 2 * 1024 * 1024 + 100 * 1024);
    await frame.getByTestId('already-sent').waitFor({ timeout: 10_000 });
    return panel;
  },
  picker: async ({ page, emulator, lang }) => {
    await page.goto(new URL(`/marketplace/app/1/?user=1&lang=${lang}`, emulator.url).href);
    const frameElement = page.getByTestId('app-frame');
    const frame = frameElement.contentFrame();
    await frame.getByTestId('chat-option').first().waitFor({ timeout: 30_000 });
    // Down to the end of the picker: the install section below it shows the app server's random
    // port, which would change the picture on every run.
    return { area: frameElement, until: frame.locator('.cd-picker') };
  },
} as const satisfies Record<State, (shot: Shot) => Promise<Locator | Target>>;

/** Opens chat5 ("Marketing") in the messenger with the app in the IM_SIDEBAR side panel. */
async function openPanel({ page, emulator, lang }: Shot): Promise<OpenedPanel> {
  const url = new URL('/online/', emulator.url);
  url.searchParams.set('IM_DIALOG', 'chat5');
  url.searchParams.set('user', '1');
  url.searchParams.set('lang', lang);
  await page.goto(url.href);
  await page.getByTestId('open-im-sidebar').click();
  const frameElement = page.getByTestId('app-frame').last();
  const frame = frameElement.contentFrame();
  await frame.getByTestId('chat-drop').waitFor({ state: 'visible', timeout: 30_000 });
  await frame.getByTestId('chat-header').waitFor({ timeout: 30_000 });
  const appFrame = await (await frameElement.elementHandle())?.contentFrame();
  if (!appFrame) throw new Error('the app iframe has no content frame');
  return { panel: page.getByTestId('app-panel'), frame, appFrame };
}

/** Gives the widget's hidden file input one file, as a drop or the file picker does. */
async function putFiles(frame: FrameLocator, name: string, size: number): Promise<void> {
  const buffer = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) buffer[i] = (i * 31 + 7) & 0xff;
  await frame
    .locator('input[type="file"][data-testid="file-input"]')
    .setInputFiles([{ name, mimeType: 'application/octet-stream', buffer }]);
}

interface Row {
  readonly phase: string;
  readonly percent: number;
}

/** Waits until the row of `name` satisfies `done`; fails with what the row showed. */
async function waitForRow(
  appFrame: Frame,
  name: string,
  done: (row: Row) => boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: Row | undefined;
  while (Date.now() < deadline) {
    last = (await appFrame.evaluate(`(() => {
      const row = Array.from(document.querySelectorAll('[data-testid="upload-row"]'))
        .find((r) => r.dataset.name === ${JSON.stringify(name)});
      if (!row) return undefined;
      const bar = row.querySelector('[role="progressbar"]');
      return { phase: row.dataset.phase, percent: Number(bar?.getAttribute('aria-valuenow') ?? 0) };
    })()`)) as Row | undefined;
    if (last && done(last)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`"${name}" did not reach the wanted state; last: ${JSON.stringify(last)}`);
}

/** Lets fonts, transitions and the frame's resize settle so the pictures are stable. */
async function settle(page: Page): Promise<void> {
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.waitForTimeout(400);
}

async function shoot(
  page: Page,
  target: { readonly area: Locator; readonly until?: Locator },
  name: string,
): Promise<void> {
  const file = join(OUT_DIR, name);
  const options = { path: file, type: 'png', animations: 'disabled', caret: 'hide' } as const;
  if (target.until) {
    const area = await target.area.boundingBox();
    const until = await target.until.boundingBox();
    if (!area || !until) throw new Error(`${name}: the area to photograph is not visible`);
    const bottom = Math.min(area.y + area.height, until.y + until.height + 16);
    await page.screenshot({ ...options, clip: { ...area, height: bottom - area.y } });
  } else {
    await target.area.screenshot(options);
  }
  const { size } = await stat(file);
  console.log(`${file}: ${(size / 1024).toFixed(1)} KB`);
  if (size > MAX_BYTES) console.warn(`  warning: ${name} is over ${MAX_BYTES / 1024} KB`);
}

main().catch((error: unknown) => {
  console.error(
    `Widget screenshots failed: ${error instanceof Error ? error.stack : String(error)}`,
  );
  process.exit(1);
});
