// `npm test`: make sure the browsers (Chromium, Firefox ESR, WebKitGTK) and the web servers (nginx,
// Apache) are there (the e2e and servers projects drive them), run the gates (types, lint, format),
// then every Vitest project once. This is what CI runs (`.ci/run`).
// Extra arguments go to `vitest run` unchanged and skip the gates, for a quick loop on one part,
// e.g. `npm test -- --project unit` or `npm test -- test/e2e/upload.test.ts`.
// Exits with Vitest's exit code and ends with one summary line, `tests: N passed, N failed`,
// in the plain form CI tooling reads.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const ensures = [
  [
    'ensure-browsers.sh',
    'the e2e tests need Chromium, Firefox ESR and WebKitGTK (Debian packages)',
  ],
  ['ensure-servers.sh', 'the server-recipe tests need nginx and apache2'],
];
for (const [script, need] of ensures) {
  const ensure = spawnSync('bash', [join(root, 'scripts', script)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (ensure.status !== 0) {
    console.error(`test: scripts/${script} failed; ${need}.`);
    process.exit(ensure.status ?? 1);
  }
}

// The gates: the layer rules (ESLint), every `satisfies` completeness check and the locale-pack
// shapes (tsc) are only real if the command CI runs enforces them. Skipped when arguments narrow
// the run to part of the suite.
const filtered = process.argv.length > 2;
if (!filtered) {
  const gates = [
    ['types', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b']],
    ['lint', [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']],
    ['format', [join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--check', '.']],
  ];
  for (const [name, gateArgs] of gates) {
    console.log(`test: gate ${name}...`);
    const gate = spawnSync(process.execPath, gateArgs, { cwd: root, stdio: 'inherit' });
    if (gate.status !== 0) {
      console.error(`test: the ${name} gate failed; fix it before the tests run.`);
      console.log('\ntests: 0 passed, 1 failed');
      process.exit(gate.status ?? 1);
    }
  }
}

// Evidence of failed e2e tests (screenshots, consoles, request logs; test/support/keepEvidence.ts)
// is kept per run: clear what an earlier run left, and name the folder at the end if it filled.
const evidenceDir = join(root, 'test-results', 'e2e');
rmSync(evidenceDir, { recursive: true, force: true });
/** Folders of failed tests under the evidence folder (one per project and test). */
function evidenceCount() {
  if (!existsSync(evidenceDir)) return 0;
  return readdirSync(evidenceDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .reduce((n, d) => n + readdirSync(join(evidenceDir, d.name)).length, 0);
}

const vitestBin = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const args = [vitestBin, 'run', ...process.argv.slice(2)];

// Vitest's output is piped so its summary can be read; keep its colours when a person watches.
const env = { ...process.env };
if (process.stdout.isTTY && env.FORCE_COLOR === undefined && env.NO_COLOR === undefined) {
  env.FORCE_COLOR = '1';
}

const child = spawn(process.execPath, args, {
  cwd: root,
  env,
  stdio: ['inherit', 'pipe', 'inherit'],
});

// Vitest prints e.g. "      Tests  2 failed | 40 passed | 1 skipped (43)"; keep the last such line.
let testsLine;
let pending = '';
// eslint-disable-next-line no-control-regex -- strips ANSI colour codes from Vitest's output
const ansi = /\x1b\[[0-9;]*m/g;
function scan(text) {
  for (const line of text.split('\n')) {
    const plain = line.replace(ansi, '').trim();
    if (/^Tests\s+\d/.test(plain)) testsLine = plain;
  }
}
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const text = pending + chunk.toString('utf8');
  const cut = text.lastIndexOf('\n');
  pending = text.slice(cut + 1);
  scan(text.slice(0, cut + 1));
});

function forward(signal) {
  child.kill(signal);
}
process.on('SIGINT', forward);
process.on('SIGTERM', forward);

child.on('close', (code, signal) => {
  scan(pending);
  const count = (word) => {
    const match = testsLine?.match(new RegExp(`(\\d+) ${word}`));
    return match ? Number(match[1]) : 0;
  };
  const exitCode = code ?? (signal ? 1 : 0);
  // Before the summary line, which stays the last line.
  const kept = evidenceCount();
  if (kept > 0) {
    console.log(
      `\ntest: evidence of ${kept} failed e2e test(s) (screenshot, console, request log) in test-results/e2e/`,
    );
  }
  if (testsLine !== undefined) {
    const skipped = count('skipped') + count('todo');
    const failed = count('failed');
    const passed = count('passed');
    console.log(
      `\ntests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`,
    );
  } else {
    console.log(`\ntests: vitest exited with code ${exitCode} before printing a summary`);
  }
  process.exit(exitCode);
});
