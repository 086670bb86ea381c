/** The three browser engines the widget is tested in. */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** A function run inside a page; its arguments and result must survive JSON. */
export type PageFunction<A extends unknown[], T> = (...args: A) => T | Promise<T>;

/**
 * One browser window on the emulator's messenger, driven the same way in every engine. Only what
 * the cross-engine suite needs: open a page, run script in the portal page or in the app's
 * (cross-origin) frame, hand files to an `input[type=file]` of the app frame, and keep evidence.
 * Everything else (clicks, drops, pastes, reading rows) is page script built on `app`/`top`, so
 * the tests do not depend on one driver library's API.
 */
export interface EngineSession {
  readonly engine: EngineName;
  /** The browser's own version string, e.g. `Firefox 153.8.0esr`. */
  readonly version: string;
  /** Navigates the top-level page and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Reloads the top-level page and waits for its load event. */
  reload(): Promise<void>;
  /** Runs `fn` in the portal's top-level page. */
  top<A extends unknown[], T>(fn: PageFunction<A, T>, ...args: A): Promise<T>;
  /**
   * Runs `fn` in the app frame (the last `[data-testid="app-frame"]` of the portal page), waiting
   * up to 30 s for the frame to exist.
   */
  app<A extends unknown[], T>(fn: PageFunction<A, T>, ...args: A): Promise<T>;
  /**
   * Sets the files of the `input[type=file]` matched by `selector` in the app frame through the
   * engine's own file-upload command (BiDi `input.setFiles`, WebDriver "send keys" to a file
   * input, CDP `DOM.setFileInputFiles`): the page gets disk-backed `File`s and a `change` event,
   * as after a file picker.
   */
  setInputFiles(selector: string, paths: readonly string[]): Promise<void>;
  /** A PNG of the viewport. */
  screenshot(): Promise<Buffer>;
  /** Console lines the engine let the driver see so far (empty where the protocol has none). */
  consoleLines(): readonly string[];
  close(): Promise<void>;
}

/** Launches a browser of one engine; each `newSession` is a fresh profile. */
export interface EngineBrowser {
  readonly engine: EngineName;
  newSession(options?: SessionOptions): Promise<EngineSession>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /**
   * Block third-party storage in the session (cookies, `localStorage`, IndexedDB of cross-site
   * frames), as privacy settings and private windows do. Where an engine cannot be told so by its
   * driver, `newSession` throws and says why.
   */
  readonly blockThirdPartyStorage?: boolean;
}
