import { afterAll, afterEach, beforeAll } from 'vitest';
import { keepEvidence } from '../keepEvidence.ts';
import type { EngineBrowser, EngineName, EngineSession, SessionOptions } from './EngineSession.ts';
import { launchFirefox } from './launchFirefox.ts';
import { launchWebKit } from './launchWebKit.ts';

/** The engine this Vitest project runs in: `CHAT_DROP_ENGINE` (set per project in vitest.config.ts). */
export function currentEngine(): Exclude<EngineName, 'chromium'> {
  const name = process.env.CHAT_DROP_ENGINE;
  if (name === 'firefox' || name === 'webkit') return name;
  throw new Error(
    `CHAT_DROP_ENGINE is "${String(name)}": run the cross-engine suite through its projects (e2e-firefox, e2e-webkit)`,
  );
}

export interface EngineHarness {
  readonly engine: Exclude<EngineName, 'chromium'>;
  /** A fresh profile in this file's browser; closed after the test, evidence kept on failure. */
  newSession(options?: SessionOptions): Promise<EngineSession>;
}

/**
 * Registers the browser lifecycle of one cross-engine test file (Vitest hooks, not a React hook:
 * import it aliased): one browser per file, a fresh session per test, and when a test fails its
 * screenshot, console and the emulator's request log under test-results/e2e/.
 */
export function useEngine(): EngineHarness {
  const engine = currentEngine();
  let browser: EngineBrowser | undefined;
  let sessions: EngineSession[] = [];

  beforeAll(async () => {
    browser = engine === 'firefox' ? await launchFirefox() : await launchWebKit();
  }, 120_000);

  afterEach(async (context) => {
    const open = sessions;
    sessions = [];
    const result = context.task.result;
    if (result?.state === 'fail') {
      const screenshots = new Map<string, Buffer>();
      const consoles = new Map<string, readonly string[]>();
      for (const [i, s] of open.entries()) {
        const label = i === 0 ? 'page' : `page-${i + 1}`;
        const png = await s.screenshot().catch(() => undefined);
        if (png) screenshots.set(label, png);
        consoles.set(label, s.consoleLines());
      }
      const where = keepEvidence({
        project: `e2e-${engine}`,
        test: context.task.fullName ?? context.task.name,
        screenshots,
        console: consoles,
        errors: (result.errors ?? []).map((e) => String(e.stack ?? e.message)),
      });
      console.error(`evidence of the failure: ${where}`);
    }
    await Promise.all(open.map((s) => s.close()));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  return {
    engine,
    async newSession(options) {
      if (!browser) throw new Error('useEngine: the browser is not started');
      const session = await browser.newSession(options);
      sessions.push(session);
      return session;
    },
  };
}
