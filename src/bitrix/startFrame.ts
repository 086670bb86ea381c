import { initializeB24Frame, MessageCommands, type B24Frame } from '@bitrix24/b24jssdk';
import type { UploadError } from '../core/types.ts';
import { mapB24Error } from './mapB24Error.ts';
import { placementDialogId } from './placementDialogId.ts';

/** What the portal told the app about where and for whom it runs (getInitData, contract §2.6). */
export interface PortalContext {
  /** Interface language, e.g. `en`, `ru`. */
  readonly lang: string;
  /** `DEFAULT`, `IM_TEXTAREA`, `IM_SIDEBAR`, ... */
  readonly placement: string;
  /** The open chat in messenger placements (`chat5`, or a user id for a private dialog). */
  readonly dialogId: string | undefined;
  readonly isAdmin: boolean;
  /** True while the portal shows the install URL (install flow). */
  readonly install: boolean;
  readonly firstRun: boolean;
  /** Per-user app options (`USER_OPTIONS` at start, plus this page's own writes). */
  readonly userOptions: UserOptionStore;
}

/** Per-user app options kept by the portal (`setUserOption` through the parent frame). */
export interface UserOptionStore {
  get(name: string): string | undefined;
  /** Never rejects: resolves once the portal answered or after the SDK's 900 ms safety timer. */
  set(name: string, value: string): Promise<void>;
}

/**
 * Codes {@link startFrame} itself gives a failed start. They are start failures, never upload
 * errors: no upload exists yet, so they never reach the engine or core/errorPolicy.ts (which is
 * why they are not in `BITRIX_EMITTED_CODES`); app/ explains them on the start-failure page.
 * - `WIDGET_FRAME_TIMEOUT`: the portal did not answer `getInitData` in time.
 */
export const FRAME_START_CODES = ['WIDGET_FRAME_TIMEOUT'] as const;
export type FrameStartCode = (typeof FRAME_START_CODES)[number];

/**
 * Why the frame did not start: a {@link FrameStartCode} decided by startFrame itself, or what
 * `mapB24Error` made of the SDK's throw (a Bitrix or SDK code). Shaped like an
 * {@link UploadError} for its details disclosure.
 */
export type FrameStartError =
  | { readonly code: FrameStartCode; readonly origin: 'client'; readonly detail?: string }
  | UploadError;

export type FrameStart =
  | {
      readonly kind: 'portal';
      readonly b24: B24Frame;
      readonly context: PortalContext;
      /** Keeps the portal's frame as tall as `element`; returns a function that stops it. */
      resizeToContent(element: HTMLElement): () => void;
      /** Stops resizing and detaches the SDK from the page. */
      dispose(): void;
    }
  /** Not inside a portal frame (opened directly): the app should say so instead of starting. */
  | { readonly kind: 'outside' }
  /** Inside a frame, but the portal did not answer `getInitData` in time or refused. */
  | { readonly kind: 'failed'; readonly error: FrameStartError };

export interface StartFrameOptions {
  /** The SDK waits forever for `getInitData`; give up after this long. Default 20 s. */
  readonly timeoutMs?: number;
  /** Minimum ms between two resize messages. Default 100. */
  readonly resizeThrottleMs?: number;
}

/**
 * `restrictionParams` that keep the SDK from ever sending a request twice by itself:
 * - `maxRetries: 1` — one attempt; with it `AbstractHttp.call` never enters the retry branch, so
 *   503/`QUERY_LIMIT_EXCEEDED`, 429, 5xx, timeouts and network errors all come back to the engine
 *   (which retries QUERY_LIMIT_EXCEEDED itself and checks before resending anything else).
 *   `im.v2.File.upload` is not idempotent: the portal stores every request it receives
 *   (docs/portal-reference.md §4.6, §7.2).
 * - `retryOnNetworkError: false` — also lists NETWORK_ERROR/REQUEST_TIMEOUT as hard codes, in case
 *   `maxRetries` is raised later.
 * The one replay the SDK still makes is after `expired_token`/`invalid_token` with a fresh token
 * (`_makeRequestWithAuthRetry`): the server refused that request before doing anything, so it is
 * safe, and it goes through the upload interceptor again (createBitrixTransport.ts).
 */
export const SINGLE_ATTEMPT_RESTRICTIONS = { maxRetries: 1, retryOnNetworkError: false } as const;

/** `window.name` as the portal sets it: `<DOMAIN>|<PROTOCOL>|<APP_SID>` (contract §1.4). */
function isPortalFrameName(name: string): boolean {
  const [domain, , appSid] = name.split('|');
  return Boolean(domain) && Boolean(appSid);
}

function readUserOption(b24: B24Frame, name: string): string | undefined {
  try {
    // userGet throws when the option is unset.
    const value: unknown = b24.options.userGet(name);
    if (value === undefined || value === null) return undefined;
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return undefined;
  }
}

function createResizer(b24: B24Frame, throttleMs: number): (element: HTMLElement) => () => void {
  return (element) => {
    if (typeof ResizeObserver !== 'function') return () => {};
    let lastHeight = -1;
    let lastSent = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const send = (): void => {
      timer = undefined;
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height <= 0 || height === lastHeight) return;
      lastHeight = height;
      lastSent = Date.now();
      // Like parent.fitWindow(): width stays '100%' (resizeWindow() insists on numbers), height is
      // the element's, not the document's; isSafely so a placement that denies it does not hang.
      b24.parent.message
        .send(MessageCommands.resizeWindow, { width: '100%', height, isSafely: true })
        .catch(() => undefined);
    };
    const observer = new ResizeObserver(() => {
      if (timer !== undefined) return;
      timer = setTimeout(send, Math.max(0, throttleMs - (Date.now() - lastSent)));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  };
}

/**
 * Starts the SDK inside the portal's frame with {@link SINGLE_ATTEMPT_RESTRICTIONS}. Returns
 * `{ kind: 'outside' }` without touching the SDK (so nothing is logged) when the page is not in a
 * portal frame, and `{ kind: 'failed' }` when the portal does not answer.
 *
 * @example
 * const start = await startFrame();
 * if (start.kind === 'portal') { const stop = start.resizeToContent(rootElement); ... }
 */
export async function startFrame(options: StartFrameOptions = {}): Promise<FrameStart> {
  if (
    typeof window === 'undefined' ||
    !isPortalFrameName(window.name) ||
    window.parent === window
  ) {
    return { kind: 'outside' };
  }
  const timeoutMs = options.timeoutMs ?? 20_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  let b24: B24Frame;
  try {
    const starting = initializeB24Frame({ restrictionParams: SINGLE_ATTEMPT_RESTRICTIONS });
    const started = await Promise.race([starting, timeout]);
    if (started === 'timeout') {
      // A frame that finishes starting after the deadline is nobody's: destroy it, so its
      // message listener and timers do not outlive the failed start (issue 14).
      starting.then(
        (late) => late.destroy(),
        () => undefined,
      );
      return {
        kind: 'failed',
        error: {
          code: 'WIDGET_FRAME_TIMEOUT' satisfies FrameStartCode,
          origin: 'client',
          detail: `no getInitData answer in ${timeoutMs} ms`,
        },
      };
    }
    b24 = started;
  } catch (error) {
    return { kind: 'failed', error: mapB24Error(error) };
  } finally {
    clearTimeout(timer);
  }

  const stoppers = new Set<() => void>();
  const resize = createResizer(b24, options.resizeThrottleMs ?? 100);
  const context: PortalContext = {
    lang: b24.getLang(),
    placement: b24.placement.placement,
    dialogId: placementDialogId(b24.placement.options),
    isAdmin: b24.auth.isAdmin,
    install: b24.isInstallMode,
    firstRun: b24.isFirstRun,
    userOptions: {
      get: (name) => readUserOption(b24, name),
      // OptionsManager.userSet throws when USER_OPTIONS was absent from getInitData.
      set: (name, value) => b24.options.userSet(name, value).catch(() => undefined),
    },
  };
  return {
    kind: 'portal',
    b24,
    context,
    resizeToContent(element) {
      const stop = resize(element);
      stoppers.add(stop);
      return () => {
        stop();
        stoppers.delete(stop);
      };
    },
    dispose() {
      for (const stop of stoppers) stop();
      stoppers.clear();
      b24.destroy();
    },
  };
}
