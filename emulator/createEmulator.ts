import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createSecureServer } from 'node:http2';
import type { Http2SecureServer, Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { createFrameController } from './createFrameController.ts';
import { createPortal, TOKEN_TTL_SECONDS } from './createPortal.ts';
import { createPortalRoutes } from './createPortalRoutes.ts';
import { createScenarioController } from './createScenarioController.ts';
import { createStateStore } from './createStateStore.ts';
import { DEFAULT_WEBHOOK_SCOPE, seedState, APP_SCOPE } from './seedState.ts';
import { sendJson } from './httpHelpers.ts';
import { createRestHandler } from './rest/createRestHandler.ts';
import { MAX_FILE_BYTES } from './rest/fileMethods.ts';
import type { EmulatorContext, ResolvedOptions } from './rest/restTypes.ts';
import type { Emulator, EmulatorMessage, EmulatorOptions, EmulatorState } from './types.ts';

export type { Emulator, EmulatorMessage, EmulatorOptions, UploadLogEntry } from './types.ts';

const DEFAULT_MAX_BODY = 200 * 1024 * 1024;
/** Cloud operating limit, seconds per 10 minutes (portal reference §7.3). */
const DEFAULT_OPERATING_LIMIT_S = 480;
/** BX.userOptions.save batches writes and sends them up to 5 s later (§7.6). */
const DEFAULT_USER_OPTION_DELAY_MS = 5000;

/**
 * Starts the local Bitrix24 portal (docs/portal-reference.md) on
 * `options.port` (0 = random) with its state in `options.dataDir`.
 *
 * @example
 * const emu = await createEmulator({ port: 0, dataDir: tmp, appUrl: 'http://127.0.0.1:5173/' });
 * await fetch(`${emu.url}/rest/1/secret/im.v2.File.upload`, { method: 'POST', body: '…' });
 * await emu.close();
 */
export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const resolved: ResolvedOptions = {
    appUrl: options.appUrl,
    installed: options.installed ?? true,
    https: options.https ?? false,
    rateLimit: options.rateLimit ?? { burst: 50, drainPerSecond: 2 },
    allowLocalHandlers: options.allowLocalHandlers ?? false,
    frameLoad: options.frameLoad ?? 'post',
    maxBodyBytes: options.proxyBodyLimit ?? options.maxBodyBytes ?? DEFAULT_MAX_BODY,
    lang: options.lang ?? 'en',
    placementErrors200: options.placementErrors200 ?? false,
    operatingLimitSeconds: options.operatingLimitSeconds ?? DEFAULT_OPERATING_LIMIT_S,
    processingScale: options.processingScale ?? 1,
    userOptionDelayMs: options.userOptionDelayMs ?? DEFAULT_USER_OPTION_DELAY_MS,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? TOKEN_TTL_SECONDS,
    maxUploadBytes: options.maxUploadBytes ?? MAX_FILE_BYTES,
  };
  mkdirSync(options.dataDir, { recursive: true });
  const seed = (): EmulatorState =>
    seedState({
      appUrl: resolved.appUrl,
      installed: resolved.installed,
      webhooks: options.webhooks ?? [],
      oauthTokens: options.oauthTokens ?? [],
    });
  const store = createStateStore(options.dataDir, seed);
  applyFlags(store.state, options);
  store.save();

  const scenarios = createScenarioController((scenario) => {
    if (scenario.name === 'token-expiry') {
      // "Tokens issued so far are expired": the next call gets 401 expired_token.
      const past = Date.now() - 1000;
      for (const token of store.state.tokens) token.expires = Math.min(token.expires, past);
      store.save();
    }
  });
  const portal = createPortal(store, scenarios, resolved.tokenLifetimeSeconds);
  const emu: EmulatorContext = {
    options: resolved,
    store,
    scenarios,
    portal,
    operatingClock: { offsetMs: 0 },
  };
  const frames = createFrameController(emu);
  const rest = createRestHandler(emu);

  let baseUrl = '';
  const messages = (chatId: number, origin: string): EmulatorMessage[] =>
    portal.messagesOf(chatId).map((m) => ({
      id: m.id,
      chatId: m.chatId,
      authorId: m.authorId,
      text: m.text,
      date: m.date,
      files: m.fileIds.flatMap((id) => {
        const file = portal.file(id);
        return file
          ? [
              {
                id: file.id,
                name: file.name,
                size: file.size,
                sha256: file.sha256,
                urlDownload: portal.downloadUrl(file, origin),
              },
            ]
          : [];
      }),
    }));
  const routes = createPortalRoutes({
    emu,
    frames,
    messages,
    reset() {
      scenarios.clear();
      store.reset(seed());
      applyFlags(store.state, options);
      store.save();
    },
  });

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const scheme = resolved.https ? 'https' : 'http';
    // The origin the client used (portal reference §1.3: DOMAIN comes from the Host header;
    // HTTP/2 carries it as :authority).
    const host = req.headers.host ?? req.headers[':authority'] ?? new URL(baseUrl).host;
    const origin = `${scheme}://${String(host)}`;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      sendJson(res, 400, { error: 'Bad request' });
      return;
    }
    const run = async (): Promise<void> => {
      if (await routes(req, res, url, origin)) return;
      if (url.pathname.startsWith('/rest/')) {
        await rest(req, res, url, origin);
        return;
      }
      sendJson(res, 404, { error: 'Not found' });
    };
    run().catch((error: unknown) => {
      console.error('[emulator] request failed:', error instanceof Error ? error.message : error);
      sendJson(res, 500, { error: 'INTERNAL_SERVER_ERROR', error_description: 'Emulator error' });
    });
  };

  let server: Server | Http2SecureServer;
  let certificate: string | undefined;
  if (resolved.https && options.http2) {
    // HTTP/2 over TLS with HTTP/1.1 fallback (ALPN), as the cloud most likely serves (§7.2).
    const tls = await loadOrCreateCertificate(options.dataDir);
    certificate = tls.cert;
    server = createSecureServer(
      { cert: tls.cert, key: tls.key, allowHTTP1: true, maxSessionMemory: 64 },
      // The compat request/response of node:http2 offer what the handlers use (headers,
      // writeHead, end, streams); HTTP/1.1 requests arrive as the node:http classes.
      handler as unknown as (req: Http2ServerRequest, res: Http2ServerResponse) => void,
    );
  } else if (resolved.https) {
    const tls = await loadOrCreateCertificate(options.dataDir);
    certificate = tls.cert;
    server = createHttpsServer({ cert: tls.cert, key: tls.key, maxHeaderSize: 64 * 1024 }, handler);
  } else {
    server = createHttpServer({ maxHeaderSize: 64 * 1024 }, handler);
  }
  if (!isHttp2Server(server)) {
    // Large uploads over slow links must not be cut by Node's default request timeout.
    server.requestTimeout = 0;
    server.headersTimeout = 60_000;
  }
  const sessions = new Set<{ destroy(): void }>();
  server.on('session', (session: { destroy(): void; once(e: string, f: () => void): void }) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const onListening = (): void => {
      server.off('error', reject);
      resolve();
    };
    if (options.host) server.listen(options.port ?? 8080, options.host, onListening);
    else server.listen(options.port ?? 8080, onListening);
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `${resolved.https ? 'https' : 'http'}://localhost:${port}`;
  if (options.scenario) scenarios.set(options.scenario);

  return {
    url: baseUrl,
    dataDir: options.dataDir,
    ...(certificate ? { certificate } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        frames.flush();
        store.flush();
        server.close(() => resolve());
        if (!isHttp2Server(server)) server.closeAllConnections();
        for (const session of sessions) session.destroy();
      }),
    setScenario: (name, scenarioOptions) => {
      scenarios.set(name, scenarioOptions);
    },
    clearScenario: () => scenarios.clear(),
    uploads: () => store.state.uploads.map((u) => ({ ...u })),
    messages: (chatId) => messages(chatId, baseUrl),
  };
}

function isHttp2Server(server: Server | Http2SecureServer): server is Http2SecureServer {
  return !('closeAllConnections' in server);
}

/** Brings flags that may change between runs (app URL, webhooks, fixed tokens) into the state. */
function applyFlags(state: EmulatorState, options: EmulatorOptions): void {
  const app = state.apps.find((a) => a.id === 1);
  if (app) {
    if (app.urlInstall === app.url && app.urlInstall !== '') app.urlInstall = options.appUrl;
    // Placements the seed bound to the old app URL follow it (a data dir reused with a new
    // --app-url); handlers bound through placement.bind to other URLs stay as they are.
    for (const placement of state.placements) {
      if (placement.appId === app.id && placement.handler === app.url)
        placement.handler = options.appUrl;
    }
    app.url = options.appUrl;
  }
  for (const hook of options.webhooks ?? []) {
    const existing = state.webhooks.find(
      (w) => w.userId === hook.userId && w.secret === hook.secret,
    );
    const scope = hook.scope ?? [...DEFAULT_WEBHOOK_SCOPE];
    if (existing) existing.scope = scope;
    else state.webhooks.push({ userId: hook.userId, secret: hook.secret, scope });
  }
  const far = Date.now() + 10 * 365 * 24 * 3600 * 1000;
  for (const fixed of options.oauthTokens ?? []) {
    const existing = state.tokens.find((t) => t.accessToken === fixed.token);
    if (existing) {
      existing.userId = fixed.userId;
      existing.expires = far;
    } else {
      state.tokens.push({
        accessToken: fixed.token,
        refreshToken: `${fixed.token}-refresh`,
        userId: fixed.userId,
        appId: 1,
        scope: [...APP_SCOPE],
        expires: far,
        refreshExpires: far,
      });
    }
  }
}

/** A self-signed certificate for localhost/127.0.0.1/::1, kept in dataDir/tls.json across restarts. */
async function loadOrCreateCertificate(dataDir: string): Promise<{ cert: string; key: string }> {
  const path = join(dataDir, 'tls.json');
  if (existsSync(path)) {
    return JSON.parse(readFileSync(path, 'utf8')) as { cert: string; key: string };
  }
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  const tls = { cert: pems.cert, key: pems.private };
  writeFileSync(path, JSON.stringify(tls), { mode: 0o600 });
  return tls;
}
