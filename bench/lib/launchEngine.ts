import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { launchChromium } from './launchChromium.ts';

// The Debian binaries the e2e harness drives too (test/support/engines/enginePaths.ts, which is
// in the test project and cannot be imported from here); scripts/ensure-browsers.sh installs them.
const FIREFOX_PATH = '/usr/bin/firefox-esr';
const MINIBROWSER_PATH = `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/webkit2gtk-4.1/MiniBrowser`;
const XVFB_PATH = '/usr/bin/Xvfb';

/** The engines the bench can start (`--engines`). */
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
export type EngineName = (typeof ENGINES)[number];

/** A browser the bench started as a plain child process (no driver attached). */
export interface RunningBrowser {
  readonly engine: EngineName;
  /** Root of the browser's process tree: memory is read from its descendants in /proc. */
  readonly pid: number;
  /** Kills the browser's process group (and Xvfb for WebKit), removes its profile. Idempotent. */
  close(): Promise<void>;
}

/**
 * Preferences for a quiet, offline Firefox with no first-run pages (names from Firefox's
 * `modules/libpref/init/all.js` and `StaticPrefList.yaml`), written to the fresh profile's user.js.
 */
const FIREFOX_PREFS: Record<string, string | number | boolean> = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'startup.homepage_welcome_url': '',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.policy.firstRunURL': '',
  'toolkit.telemetry.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

/** Kills a process group: SIGTERM, SIGKILL after 3 s if it has not exited. */
async function killGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(-pid, name);
    } catch {
      // group gone
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
  signal('SIGKILL'); // content / web processes may outlive the parent for a moment
}

function spawnGroup(file: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(file, args, {
    stdio: ['ignore', 'ignore', process.env.BENCH_DEBUG ? 'inherit' : 'ignore'],
    detached: true, // own process group: close() reaches every child process
    env: env ?? process.env,
  });
  if (child.pid === undefined) throw new Error(`bench: could not start ${file}`);
  return child;
}

/** Xvfb on a display it picks itself (`-displayfd`), resolves with `:N`. */
function startXvfb(): Promise<{ display: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      XVFB_PATH,
      ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe'], detached: true },
    );
    let text = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) resolve({ display: `:${text.trim()}`, child });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb exited with ${String(code)}`)));
  });
}

/** Debian package version of an engine, for the report (`dpkg-query`), or `?`. */
export function engineVersion(engine: EngineName): string {
  const pkg = { chromium: 'chromium', firefox: 'firefox-esr', webkit: 'libwebkit2gtk-4.1-0' };
  try {
    return execFileSync('dpkg-query', ['-W', '-f', '${Version}', pkg[engine]], {
      encoding: 'utf8',
    });
  } catch {
    return '?';
  }
}

/**
 * Starts `engine` on `url` as a plain child process with a fresh temporary profile, no driver:
 * the bench page reports its own timings to the collector (same as Chromium, see
 * launchChromium.ts). Firefox: `--headless --profile <tmp>` with a user.js. WebKit: Debian's
 * MiniBrowser drawn into its own Xvfb (WebKitGTK has no headless mode), HOME and XDG dirs in a
 * temp dir so nothing of an earlier run is reused.
 */
export async function launchEngine(
  engine: EngineName,
  url: string,
  chromiumFlags: readonly string[] = [],
): Promise<RunningBrowser> {
  if (engine === 'chromium') {
    const chromium = await launchChromium(url, chromiumFlags);
    return { engine, pid: chromium.pid, close: () => chromium.close() };
  }
  const profile = await mkdtemp(join(tmpdir(), `chat-drop-bench-${engine}-`));
  const children: ChildProcess[] = [];
  let root: ChildProcess;
  try {
    if (engine === 'firefox') {
      const userJs = Object.entries(FIREFOX_PREFS)
        .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
        .join('\n');
      await writeFile(join(profile, 'user.js'), `${userJs}\n`);
      root = spawnGroup(FIREFOX_PATH, [
        '--headless',
        '--no-remote',
        '--profile',
        profile,
        '--width',
        '1280',
        '--height',
        '900',
        url,
      ]);
    } else {
      const xvfb = await startXvfb();
      children.push(xvfb.child);
      for (const dir of ['config', 'cache', 'data']) await mkdir(join(profile, dir));
      root = spawnGroup(MINIBROWSER_PATH, ['--geometry=1280x900', url], {
        ...process.env,
        DISPLAY: xvfb.display,
        GDK_BACKEND: 'x11',
        HOME: profile,
        XDG_CONFIG_HOME: join(profile, 'config'),
        XDG_CACHE_HOME: join(profile, 'cache'),
        XDG_DATA_HOME: join(profile, 'data'),
      });
    }
    children.unshift(root);
  } catch (error) {
    for (const child of children) await killGroup(child);
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  let closed: Promise<void> | undefined;
  return {
    engine,
    pid: root.pid as number,
    close() {
      closed ??= (async () => {
        for (const child of children) await killGroup(child);
        await rm(profile, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}
