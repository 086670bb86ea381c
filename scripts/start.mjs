// `npm start`: the widget (Vite dev server, app origin) inside the local portal (emulator, portal origin).
// Two origins on purpose, as in production: the portal at localhost, the app at 127.0.0.1.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const portalPort = process.env.PORTAL_PORT ?? '8080';
const appPort = process.env.APP_PORT ?? '5173';
const dataDir = resolve(process.env.EMULATOR_DATA ?? '.emulator-data');
const appUrl = `http://127.0.0.1:${appPort}/`;
mkdirSync(dataDir, { recursive: true });

const bin = (name) => resolve('node_modules', '.bin', name);
const children = [
  spawn(
    bin('vite'),
    ['--port', appPort, '--strictPort', '--host', '127.0.0.1', '--clearScreen', 'false'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  ),
  spawn(
    bin('tsx'),
    [
      'emulator/main.ts',
      '--port',
      portalPort,
      '--data',
      dataDir,
      '--app-url',
      appUrl,
      '--allow-local-handlers',
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit' },
  ),
];

const stop = (code) => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
};
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

console.log(`Chat Drop: widget served at ${appUrl}`);
console.log(
  `Open the portal: http://localhost:${portalPort}/online/?IM_DIALOG=chat5  (then "App in sidebar" in the chat header)`,
);
