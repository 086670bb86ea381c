import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** What every browser project shares: Node side, one widget build per project, long timeouts. */
const e2eProject: {
  environment: 'node';
  globalSetup: string[];
  testTimeout: number;
  hookTimeout: number;
} = {
  environment: 'node',
  globalSetup: ['test/support/e2eGlobalSetup.ts'],
  testTimeout: 120_000,
  hookTimeout: 180_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          include: ['test/component/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/support/setupComponent.ts'],
        },
      },
      {
        test: {
          ...e2eProject,
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Files with a "no long main-thread task" rule run alone in e2e-load (below).
          exclude: ['test/e2e/load.test.ts', 'test/e2e/upload.test.ts'],
          fileParallelism: true,
          maxWorkers: 2,
          // The browser tests run after the fast projects, with their own worker limit.
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          ...e2eProject,
          name: 'e2e-load',
          include: ['test/e2e/load.test.ts', 'test/e2e/upload.test.ts'],
          // Last and alone: its rule "no main-thread task over 200 ms" measures the widget, not
          // a second Chromium competing for the same two cores.
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          ...e2eProject,
          name: 'servers',
          include: ['test/servers/**/*.test.ts'],
          // The web server recipes (nginx, Apache, npm run serve; some with Chromium): one file at
          // a time, in a group of their own after e2e-load, whose timing rule needs the machine
          // to itself.
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 3 },
        },
      },
      // The cross-engine suite (test/engines/) in Firefox ESR and WebKitGTK: one file at a time
      // each, both engines together in the last group, so neither competes with the Chromium
      // projects (e2e-load's timing rule needs the machine to itself).
      ...(['firefox', 'webkit'] as const).map((engine) => ({
        test: {
          ...e2eProject,
          name: `e2e-${engine}`,
          include: ['test/engines/**/*.test.ts'],
          env: { CHAT_DROP_ENGINE: engine },
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 4 },
        },
      })),
    ],
  },
});
