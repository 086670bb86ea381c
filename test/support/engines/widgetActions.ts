import type { EngineSession } from './EngineSession.ts';
import type { RowState } from '../waitForPhase.ts';
import type { Phase } from '../../../src/core/types.ts';

export interface OpenInEngineOptions {
  /** Default `chat5` ("Marketing"). */
  readonly dialogId?: string;
  readonly placement?: 'IM_SIDEBAR' | 'IM_TEXTAREA';
  /** Typed into the messenger's own input before the app opens. */
  readonly chatInputText?: string;
}

/** The widget's own file input (what its "choose files" button opens). */
export const FILE_INPUT = 'input[type="file"][data-testid="file-input"]';
/** An input the tests add to the app frame to get disk-backed `File`s for a drop or paste. */
const STAGING_INPUT = 'input[type="file"][data-e2e="staging"]';

/** Sets a text field's value the way typing does, so React's `onChange` sees it. */
function typeInto(selector: string, text: string): void {
  const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!field) throw new Error(`no ${selector}`);
  const proto = Object.getPrototypeOf(field) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  setter?.call(field, text);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Opens the emulator's messenger on a dialog in `session`, opens the app's placement and waits
 * for the widget (`data-testid="chat-drop"`) to render in the app frame.
 */
export async function openWidgetIn(
  session: EngineSession,
  portalUrl: string,
  options: OpenInEngineOptions = {},
): Promise<void> {
  const url = new URL('/online/', portalUrl);
  url.searchParams.set('IM_DIALOG', options.dialogId ?? 'chat5');
  url.searchParams.set('user', '1');
  url.searchParams.set('lang', 'en');
  await session.goto(url.href);
  if (options.chatInputText !== undefined) {
    await session.top(typeInto, '[data-testid="chat-input"]', options.chatInputText);
  }
  const button = options.placement === 'IM_TEXTAREA' ? 'open-im-textarea' : 'open-im-sidebar';
  await session.top(async (testId: string) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
      if (el) {
        el.click();
        return;
      }
      if (Date.now() > deadline) throw new Error(`no ${testId} button`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }, button);
  await waitInApp(session, 'the widget to render', () =>
    Boolean(document.querySelector('[data-testid="chat-drop"]')),
  );
}

/** Polls `probe` in the app frame until it returns true, or throws naming `what`. */
export async function waitInApp(
  session: EngineSession,
  what: string,
  probe: () => boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await session.app(probe).catch(() => false)) return;
    if (Date.now() > deadline)
      throw new Error(`${session.engine}: waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Types `text` into a field of the app frame as a user would (React sees an input event). */
export function typeInApp(session: EngineSession, selector: string, text: string): Promise<void> {
  return session.app(typeInto, selector, text);
}

/** Hands `paths` to the widget's own file input, as the file picker does. */
export function pickFiles(session: EngineSession, paths: readonly string[]): Promise<void> {
  return session.setInputFiles(FILE_INPUT, paths);
}

/** Gets disk-backed `File`s for `paths` into the app frame's staging input. */
async function stage(session: EngineSession, paths: readonly string[]): Promise<void> {
  await session.app(() => {
    document.querySelector('input[data-e2e="staging"]')?.remove();
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.dataset.e2e = 'staging';
    // Present for the driver (no display:none), invisible and inert for the widget.
    input.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0.01;';
    document.body.append(input);
  });
  await session.setInputFiles(STAGING_INPUT, paths);
  await waitInApp(session, 'the staged files', () => {
    const input = document.querySelector<HTMLInputElement>('input[data-e2e="staging"]');
    return (input?.files?.length ?? 0) > 0;
  });
}

/**
 * Drops the files at `paths` on the widget's drop zone: the engine's own file command gets
 * disk-backed `File`s into the page, then a `DataTransfer` built in the page carries them through
 * `dragenter`, `dragover` and `drop` on `[data-testid="dropzone"]`. No driver of Firefox or WebKit
 * can start an operating-system drag, so this is the closest to a real drop they allow.
 */
export async function dropFilesIn(session: EngineSession, paths: readonly string[]): Promise<void> {
  await stage(session, paths);
  await session.app(() => {
    const input = document.querySelector<HTMLInputElement>('input[data-e2e="staging"]');
    const zone = document.querySelector('[data-testid="dropzone"]');
    if (!input?.files || !zone) throw new Error('no staged files or no drop zone');
    const data = new DataTransfer();
    for (const file of Array.from(input.files)) data.items.add(file);
    input.remove();
    for (const type of ['dragenter', 'dragover', 'drop']) {
      zone.dispatchEvent(
        new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
      );
    }
  });
}

/** Pastes the files at `paths` on the app's document, as Ctrl+V with copied files does. */
export async function pasteFilesIn(
  session: EngineSession,
  paths: readonly string[],
): Promise<void> {
  await stage(session, paths);
  await session.app(() => {
    const input = document.querySelector<HTMLInputElement>('input[data-e2e="staging"]');
    if (!input?.files) throw new Error('no staged files');
    const data = new DataTransfer();
    for (const file of Array.from(input.files)) data.items.add(file);
    input.remove();
    (document.activeElement as HTMLElement | null)?.blur();
    const event = new ClipboardEvent('paste', {
      bubbles: true,
      cancelable: true,
      clipboardData: data,
    });
    document.body.dispatchEvent(event);
  });
}

/** Drags text items (a link, a selection) onto the drop zone with a page-built `DataTransfer`. */
export function dragTextIn(
  session: EngineSession,
  items: readonly { readonly mimeType: string; readonly data: string }[],
): Promise<void> {
  return session.app(
    (list: { mimeType: string; data: string }[]) => {
      const zone = document.querySelector('[data-testid="dropzone"]');
      if (!zone) throw new Error('no drop zone');
      const data = new DataTransfer();
      for (const item of list) data.setData(item.mimeType, item.data);
      for (const type of ['dragenter', 'dragover', 'drop']) {
        zone.dispatchEvent(
          new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
        );
      }
    },
    items.map((i) => ({ ...i })),
  );
}

/** The queue rows in the DOM (`data-testid="upload-row"`), as in the Chromium suite. */
export function readRowsIn(session: EngineSession): Promise<RowState[]> {
  return session.app(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-testid="upload-row"]')).map((row) => ({
      name: row.dataset.name ?? '',
      phase: row.dataset.phase ?? '',
      text: (row.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  );
}

const TERMINAL: readonly string[] = ['delivered', 'failed', 'cancelled'];

/**
 * Waits until the row of `name` shows `phase`; fails at once when it settles in another final
 * phase, and on timeout names what the rows showed.
 */
export async function waitForPhaseIn(
  session: EngineSession,
  name: string,
  phase: Phase,
  timeoutMs = 60_000,
): Promise<RowState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await readRowsIn(session);
    const mine = rows.filter((r) => r.name === name);
    const hit = mine.find((r) => r.phase === phase);
    if (hit) return hit;
    const settled = mine.find((r) => TERMINAL.includes(r.phase));
    if (settled && TERMINAL.includes(phase) && mine.every((r) => TERMINAL.includes(r.phase))) {
      throw new Error(
        `${session.engine}: "${name}" settled as ${settled.phase} (${settled.text}), expected ${phase}`,
      );
    }
    if (Date.now() > deadline) {
      const shown = rows.map((r) => `${r.name}=${r.phase}`).join(', ') || 'no rows';
      throw new Error(
        `${session.engine}: "${name}" did not reach ${phase} within ${timeoutMs} ms; rows: ${shown}`,
      );
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}
