// Issue 16: `npm run serve` with HTTPS exactly as docs/INSTALL.md shows it (way B): the CLI
// itself, its options and what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copySite, type CopiedSite } from '../support/servers/copySite.ts';
import { freePort } from '../support/servers/freePort.ts';
import { makeCertificate, type Certificate } from '../support/servers/makeCertificate.ts';
import { fillPlaceholders, readDocSnippet } from '../support/servers/readDocSnippet.ts';
import { postPortalForm } from '../support/servers/postPortalForm.ts';
import { sendRaw } from '../support/servers/sendRaw.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const PORTAL = 'https://yourcompany.bitrix24.com';

let site: CopiedSite;
let certificate: Certificate;
let serve: ChildProcess;
let printed = '';
let base: string;

/** The documented `npm run serve -- …` arguments (continuation lines joined). */
function documentedArgs(port: number): string[] {
  const snippet = readDocSnippet('serve-https').replace(/\\\n\s*/g, ' ');
  const line = snippet.split('\n').find((text) => text.startsWith('npm run serve -- '));
  if (!line) throw new Error('the serve-https snippet has no "npm run serve -- …" line');
  return fillPlaceholders(line.slice('npm run serve -- '.length).trim(), {
    // Loopback only: a test does not open a port to the network.
    '--host 0.0.0.0': '--host 127.0.0.1',
    '--port 8443': `--port ${port}`,
    '/etc/ssl/chat-drop/fullchain.pem': certificate.certFile,
    '/etc/ssl/chat-drop/privkey.pem': certificate.keyFile,
  }).split(/\s+/);
}

beforeAll(async () => {
  site = await copySite(inject('chatDropDist'));
  await mkdir(join(site.dir, 'tls'));
  certificate = await makeCertificate(join(site.dir, 'tls'));
  const port = await freePort();
  const args = [...documentedArgs(port), '--root', site.dist];
  serve = spawn(
    process.execPath,
    [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/main.ts', ...args],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  serve.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  serve.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  base = `https://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  while (!printed.includes('Handler URL')) {
    if (serve.exitCode !== null) throw new Error(`npm run serve exited:\n${printed}`);
    if (Date.now() > deadline) throw new Error(`npm run serve did not start:\n${printed}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 60_000);

afterAll(async () => {
  if (serve && serve.exitCode === null) {
    const exited = new Promise((resolve) => serve.once('exit', resolve));
    serve.kill('SIGTERM');
    await exited;
  }
  if (site) await rm(site.dir, { recursive: true, force: true });
});

describe('npm run serve as the guide shows it', () => {
  it('prints the HTTPS address it serves, and that on 127.0.0.1 the handler URL is the proxy in front', () => {
    expect(printed).toContain(`Chat Drop is served at ${base}`);
    expect(printed).toContain(
      'Handler URL and install URL for the portal: the https:// address of the proxy in front of this server',
    );
    expect(printed).toContain(`on this machine alone: ${base}`);
    expect(printed).not.toContain(`Handler URL and install URL for the portal: ${base}`);
    expect(printed).not.toMatch(/Warning/);
  });

  it("answers the portal's POST over HTTPS with the app page and the CSP naming the portal", async () => {
    const res = await postPortalForm(base, certificate.cert);
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe(site.indexHtml);
    expect(String(res.headers['content-security-policy'])).toContain(`frame-ancestors ${PORTAL}`);
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('sends the hashed assets brotli-compressed and cached for a year', async () => {
    const script = site.pageAssets.find((asset) => asset.endsWith('.js')) ?? 'missing.js';
    const res = await sendRaw(new URL(script, base).href, {
      headers: { 'Accept-Encoding': 'gzip, deflate, br' },
      ca: certificate.cert,
    });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(res.body).equals(await readFile(join(site.dist, script)))).toBe(
      true,
    );
  });
});
