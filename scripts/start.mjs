// `npm start`: the widget (Vite dev server, app origin) inside the local portal (emulator, portal origin).
// Two origins on purpose, as in production: the portal at localhost, the app at 127.0.0.1.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const portalPort = process.env.PORTAL_PORT ?? '8080';
const appPort = process.env.APP_PORT ?? '5173';
const dataDir = resolve(process.env.EMULATOR_DATA ?? '.emulator-data');
const appUrl = `http://127.0.0.1:${appPort}/`;
mkdirSync(dataDir, { recursive: true });

/** True when nothing listens on `port` (at `host`, or on every address without one). */
const isFree = (port, host) =>
  new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen({ port: Number(port), host }, () => probe.close(() => done(true)));
  });
for (const [port, host, name] of [
  [appPort, '127.0.0.1', 'APP_PORT'],
  [portalPort, undefined, 'PORTAL_PORT'],
]) {
  if (!(await isFree(port, host))) {
    console.error(
      `Chat Drop: port ${port} (${name}) is in use. Stop what uses it, or start on free ports: PORTAL_PORT=8081 APP_PORT=5174 npm start`,
    );
    process.exit(1);
  }
}

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
