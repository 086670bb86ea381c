import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Capabilities, WebDriver, By } from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http';
import type {
  EngineBrowser,
  EngineSession,
  PageFunction,
  SessionOptions,
} from './EngineSession.ts';
import { MINIBROWSER_PATH, WEBKIT_DRIVER_PATH, XVFB_PATH } from './enginePaths.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Starts Xvfb on a display number it picks itself (`-displayfd`), resolves with `:N`.
 * `-noreset`: without it an X server resets when its last client disconnects (Xserver(1)), so
 * a MiniBrowser started right after the previous one quit could land in the reset, print
 * "cannot open display" and exit, and WebKitWebDriver then waited for it forever (1 session in
 * 15-60 on a loaded machine; none in 200 with the flag).
 */
function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      XVFB_PATH,
      ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp', '-noreset'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
    );
    let text = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) resolve({ display: `:${text.trim()}`, process: child });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited with ${String(code)}`)));
  });
}

async function waitForDriver(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(new URL('status', url));
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Wraps `fn` for WebDriver's "execute async script": the last argument is the callback; the
 * result travels as `{ ok }` or `{ error }` so a rejected promise in the page becomes an Error here.
 */
function asyncSource<A extends unknown[], T>(fn: PageFunction<A, T>): string {
  return `const done = arguments[arguments.length - 1];
const args = Array.prototype.slice.call(arguments, 0, -1);
Promise.resolve().then(() => (${fn.toString()}).apply(null, args)).then(
  (value) => done({ ok: value === undefined ? null : value }),
  (error) => done({ error: String((error && error.stack) || error) }),
);`;
}

type Outcome<T> = { ok: T } | { error: string };

/**
 * Debian's WebKitGTK: `WebKitWebDriver` (classic WebDriver) starting `MiniBrowser --automation`,
 * driven with selenium-webdriver's protocol client only. The session is created directly on the
 * driver's URL, so selenium-manager (which would look for or download a driver) never runs.
 * One Xvfb and one WebKitWebDriver per test file; each session is a new MiniBrowser process with
 * an ephemeral profile.
 */
export async function launchWebKit(): Promise<EngineBrowser> {
  const xvfb = await startXvfb();
  const port = await freePort();
  const lines: string[] = [];
  const driverProcess = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`, '--host=local'], {
    env: { ...process.env, DISPLAY: xvfb.display, GDK_BACKEND: 'x11' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // MiniBrowser inherits these: with --enable-write-console-messages-to-stdout it prints the
  // page's console there, the only console the classic protocol lets us see.
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(line);
    if (lines.length > 2_000) lines.splice(0, lines.length - 2_000);
  };
  driverProcess.stdout?.on('data', keep);
  driverProcess.stderr?.on('data', keep);
  xvfb.process.stderr?.on('data', (chunk: Buffer) =>
    keep(Buffer.from(`Xvfb: ${chunk.toString('utf8')}`)),
  );
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForDriver(url);
  } catch (error) {
    driverProcess.kill();
    xvfb.process.kill();
    throw error;
  }

  async function newSession(options: SessionOptions = {}): Promise<EngineSession> {
    if (options.blockThirdPartyStorage) {
      throw new Error(
        'webkit: MiniBrowser has no switch or WebDriver capability for a third-party storage policy',
      );
    }
    const capabilities = new Capabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: MINIBROWSER_PATH,
        args: ['--automation', '--enable-write-console-messages-to-stdout=true'],
      },
    });
    const startedAt = lines.length;
    const driver = WebDriver.createSession(new Executor(new HttpClient(url)), capabilities);
    // A MiniBrowser that never comes up would otherwise hold the test until Vitest's timeout
    // with no word of where it stuck.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      driver.getSession(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `webkit: WebKitWebDriver gave no session within 60 s; its output:\n${lines.slice(startedAt).join('\n')}`,
              ),
            ),
          60_000,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    await driver.manage().setTimeouts({ script: 300_000, pageLoad: 60_000 });
    await driver.manage().window().setRect({ width: 1280, height: 900 });
    const caps = await driver.getCapabilities();
    const version = `WebKitGTK ${String(caps.get('browserVersion') ?? '?')}`;
    const from = lines.length;

    async function run<A extends unknown[], T>(fn: PageFunction<A, T>, args: A): Promise<T> {
      const outcome = (await driver.executeAsyncScript(asyncSource(fn), ...args)) as Outcome<T>;
      if ('error' in outcome) throw new Error(`webkit page script failed: ${outcome.error}`);
      return outcome.ok;
    }
    async function enterApp(timeoutMs = 30_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await driver.switchTo().defaultContent();
        const frames = await driver.findElements(By.css('[data-testid="app-frame"]'));
        const last = frames.at(-1);
        if (last) {
          await driver.switchTo().frame(last);
          return;
        }
        if (Date.now() > deadline) throw new Error('webkit: no app frame in the portal page');
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    return {
      engine: 'webkit',
      version,
      async goto(target) {
        await driver.switchTo().defaultContent();
        await driver.get(target);
      },
      async reload() {
        await driver.switchTo().defaultContent();
        await driver.navigate().refresh();
      },
      async top(fn, ...args) {
        await driver.switchTo().defaultContent();
        return run(fn, args);
      },
      async app(fn, ...args) {
        await enterApp();
        return run(fn, args);
      },
      async setInputFiles(selector, paths) {
        await enterApp();
        const input = await driver.findElement(By.css(selector));
        // WebDriver "Element Send Keys" on a file input sets its files, one path per line.
        await input.sendKeys(paths.join('\n'));
      },
      async screenshot() {
        await driver.switchTo().defaultContent();
        return Buffer.from(await driver.takeScreenshot(), 'base64');
      },
      consoleLines: () => lines.slice(from),
      async close() {
        await driver.quit().catch(() => undefined);
      },
    };
  }

  return {
    engine: 'webkit',
    newSession,
    async close() {
      driverProcess.kill();
      xvfb.process.kill();
    },
  };
}
