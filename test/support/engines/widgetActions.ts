import type { EngineSession } from './EngineSession.ts';
import { messengerUrl } from '../openWidget.ts';
import { pollRowPhase } from '../pollRowPhase.ts';
import { rowsInDocument, type RowState } from '../waitForPhase.ts';
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

/**
 * Page script: sets a text field's value the way typing does, so React's `onChange` sees it.
 * Waits up to 10 s for the field: the page renders it after its own scripts ran.
 */
async function typeInto(selector: string, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  while (!field) {
    if (Date.now() > deadline) throw new Error(`no ${selector} within 10 s`);
    await new Promise((r) => setTimeout(r, 50));
    field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  }
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
  await session.goto(messengerUrl(portalUrl, { dialogId: options.dialogId }));
  if (options.chatInputText !== undefined) {
    await session.top(typeInto, '[data-testid="chat-input"]', options.chatInputText);
  }
  await openPlacementIn(session, options.placement);
}

/**
 * Clicks the messenger's button for `placement` (default IM_SIDEBAR) in the page already open,
 * e.g. after a reload, and waits for the widget to render in the app frame.
 */
export async function openPlacementIn(
  session: EngineSession,
  placement: 'IM_SIDEBAR' | 'IM_TEXTAREA' = 'IM_SIDEBAR',
): Promise<void> {
  const button = placement === 'IM_TEXTAREA' ? 'open-im-textarea' : 'open-im-sidebar';
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
 * Page script: wraps the staged files in a `DataTransfer` (renamed to `names[i]` where given: a
 * name no file system can hold, e.g. over 255 bytes, exists only in the page), removes the staging
 * input, and fires a drop on the drop zone (`dragenter`, `dragover`, `drop`) or a paste on the
 * document. One self-contained function: page script cannot import, and the app's CSP forbids eval.
 */
function deliverStaged(how: 'drop' | 'paste', names: (string | null)[]): void {
  const input = document.querySelector<HTMLInputElement>('input[data-e2e="staging"]');
  if (!input?.files) throw new Error('no staged files');
  const data = new DataTransfer();
  Array.from(input.files).forEach((file, i) => {
    const name = names[i];
    data.items.add(typeof name === 'string' ? new File([file], name, { type: file.type }) : file);
  });
  input.remove();
  if (how === 'paste') {
    (document.activeElement as HTMLElement | null)?.blur();
    const paste = new ClipboardEvent('paste', {
      bubbles: true,
      cancelable: true,
      clipboardData: data,
    });
    // Firefox's ClipboardEvent constructor copies only string items of `clipboardData` (here:
    // types [] and no files), so page script cannot build a file paste there; its driver cannot
    // put files on the system clipboard either. Giving the event our DataTransfer as an own
    // property is the closest we get: still a real ClipboardEvent with real Files.
    if ((paste.clipboardData?.files.length ?? 0) < data.files.length)
      Object.defineProperty(paste, 'clipboardData', { value: data });
    document.body.dispatchEvent(paste);
    return;
  }
  const zone = document.querySelector('[data-testid="dropzone"]');
  if (!zone) throw new Error('no drop zone');
  for (const type of ['dragenter', 'dragover', 'drop']) {
    zone.dispatchEvent(
      new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }),
    );
  }
}

/** How the files reach the page: their paths on disk, and optional in-page names. */
export interface StagedFiles {
  readonly paths: readonly string[];
  /** In-page names by position (`null` keeps the file's own name). */
  readonly names?: readonly (string | null)[];
}

async function deliver(
  session: EngineSession,
  how: 'drop' | 'paste',
  files: readonly string[] | StagedFiles,
): Promise<void> {
  const { paths, names = [] } = Array.isArray(files)
    ? { paths: files as readonly string[] }
    : (files as StagedFiles);
  await stage(session, paths);
  await session.app(
    deliverStaged,
    how,
    paths.map((_, i) => names[i] ?? null),
  );
}

/**
 * Drops files on the widget's drop zone: the engine's own file command gets disk-backed `File`s
 * into the page, then a `DataTransfer` built in the page carries them through `dragenter`,
 * `dragover` and `drop` on `[data-testid="dropzone"]`. No driver of Firefox or WebKit can start
 * an operating-system drag, so this is the closest to a real drop they allow.
 */
export function dropFilesIn(
  session: EngineSession,
  files: readonly string[] | StagedFiles,
): Promise<void> {
  return deliver(session, 'drop', files);
}

/**
 * Pastes files on the app's document, as Ctrl+V with copied files does (`paste` on `<body>` with
 * a `DataTransfer` holding the files; see `deliverStaged` for Firefox).
 */
export function pasteFilesIn(
  session: EngineSession,
  files: readonly string[] | StagedFiles,
): Promise<void> {
  return deliver(session, 'paste', files);
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
  return session.app(rowsInDocument);
}

/**
 * Waits until the row of `name` shows `phase`; fails at once when it settles in another final
 * phase, and on timeout names what the rows showed ({@link pollRowPhase}).
 */
export function waitForPhaseIn(
  session: EngineSession,
  name: string,
  phase: Phase,
  timeoutMs = 60_000,
): Promise<RowState> {
  return pollRowPhase(() => readRowsIn(session), name, phase, {
    label: session.engine,
    timeoutMs,
    pollMs: 150,
  });
}
