import { rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectParams } from '../collectParams.ts';
import { createRateLimiter } from '../createRateLimiter.ts';
import { formatDateC } from '../formatDateC.ts';
import { CORS_HEADERS, sendJson, sendText } from '../httpHelpers.ts';
import { parsePhpQuery } from '../parsePhpQuery.ts';
import { readRequestBody } from '../readRequestBody.ts';
import { RestError } from '../RestError.ts';
import { isParams, paramText } from '../params.ts';
import type { ParamValue, Params } from '../params.ts';
import { appMethods } from './appMethods.ts';
import { fileMethods } from './fileMethods.ts';
import { imMethods } from './imMethods.ts';
import { placementMethods } from './placementMethods.ts';
import type { AuthInfo, CallContext, EmulatorContext, MethodTable } from './restTypes.ts';

const METHODS: MethodTable = { ...fileMethods, ...imMethods, ...placementMethods, ...appMethods };
const RESERVED = ['auth', 'access_token', 'aplogin', 'ap', 'start', 'state'];
/** Real servers reject long URLs (contract §4.3; ASSUMED 16 KB ⇒ 414). */
const MAX_URL_LENGTH = 16 * 1024;
const BATCH_MAX = 50;
/** Operating-limit window (contract §5.8). */
const OPERATING_WINDOW_MS = 600_000;

export type RestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  origin: string,
) => Promise<void>;

interface Route {
  method: string;
  webhook: { userId: number; secret: string } | null;
}

/**
 * The `/rest/…` endpoint (contract §3): routing, params, auth, scopes, rate limit, envelopes,
 * batch and the REST fault scenarios. Order per contract §3.4: transport (body, rate limit) →
 * method lookup (unknown ⇒ 404 without auth) → auth/scope → method.
 */
export function createRestHandler(emu: EmulatorContext): RestHandler {
  const limiter = createRateLimiter(emu.options.rateLimit);
  const operating = new Map<string, { at: number; processing: number }[]>();

  function timeEnvelope(startMs: number, processing: number, key: string): Record<string, unknown> {
    const finishMs = Date.now();
    const entries = (operating.get(key) ?? []).filter((e) => e.at > finishMs - OPERATING_WINDOW_MS);
    entries.push({ at: finishMs, processing });
    operating.set(key, entries);
    const oldest = entries[0]?.at ?? finishMs;
    return {
      start: startMs / 1000,
      finish: finishMs / 1000,
      duration: (finishMs - startMs) / 1000,
      processing,
      date_start: formatDateC(new Date(startMs)),
      date_finish: formatDateC(new Date(finishMs)),
      operating_reset_at: Math.floor((oldest + OPERATING_WINDOW_MS) / 1000),
      operating: entries.reduce((sum, e) => sum + e.processing, 0),
    };
  }

  function authenticate(route: Route, params: Params, req: IncomingMessage): AuthInfo {
    const state = emu.store.state;
    if (route.webhook) {
      const { userId, secret } = route.webhook;
      const hook = state.webhooks.find((w) => w.userId === userId && w.secret === secret);
      const user = emu.portal.user(userId);
      if (!hook || !user || !user.active) {
        throw new RestError(401, 'INVALID_CREDENTIALS', 'Invalid request credentials');
      }
      return { kind: 'webhook', userId, appId: null, scope: hook.scope };
    }
    const header = req.headers.authorization ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const token = bearer ?? (paramText(params.auth) || paramText(params.access_token));
    if (!token) throw new RestError(401, 'NO_AUTH_FOUND', 'Wrong authorization data');
    const record = state.tokens.find((t) => t.accessToken === token);
    if (!record) throw new RestError(401, 'invalid_token', 'The access token provided is invalid');
    if (record.expires <= Date.now()) {
      throw new RestError(401, 'expired_token', 'The access token provided has expired');
    }
    return { kind: 'oauth', userId: record.userId, appId: record.appId, scope: record.scope };
  }

  async function runMethod(
    name: string,
    params: Params,
    auth: AuthInfo,
    base: Omit<CallContext, 'params' | 'method' | 'user' | 'auth'>,
  ): Promise<unknown> {
    const definition = METHODS[name];
    if (!definition) throw new RestError(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
    if (definition.appOnly && auth.kind !== 'oauth') {
      throw new RestError(
        403,
        'WRONG_AUTH_TYPE',
        'Current authorization type is denied for this method Application context required',
      );
    }
    if (definition.scope && !definition.scope.some((s) => auth.scope.includes(s))) {
      const by = auth.kind === 'webhook' ? 'webhook token' : 'access token';
      throw new RestError(
        401,
        'insufficient_scope',
        `The request requires higher privileges than provided by the ${by}`,
      );
    }
    const user = emu.portal.user(auth.userId);
    if (!user) throw new RestError(401, 'invalid_token', 'The access token provided is invalid');
    return definition.run({ ...base, params, auth, user, method: name });
  }

  async function runBatch(
    params: Params,
    auth: AuthInfo,
    base: Omit<CallContext, 'params' | 'method' | 'user' | 'auth'>,
    timeKey: string,
  ): Promise<unknown> {
    const halt = ['1', 'true', 'Y'].includes(paramText(params.halt));
    const cmd = params.cmd;
    const entries: [string, ParamValue][] = Array.isArray(cmd)
      ? cmd.map((value, index) => [String(index), value])
      : isParams(cmd)
        ? Object.entries(cmd)
        : [];
    const result: Record<string, unknown> = {};
    const errors: Record<string, unknown> = {};
    const times: Record<string, unknown> = {};
    let index = 0;
    for (const [key, value] of entries) {
      index += 1;
      if (index > BATCH_MAX) {
        errors[key] = new RestError(
          400,
          'ERROR_BATCH_LENGTH_EXCEEDED',
          'Max batch length exceeded',
        ).toJSON();
        continue;
      }
      const text = paramText(value);
      const q = text.indexOf('?');
      const name = normaliseMethod(q === -1 ? text : text.slice(0, q));
      const subParams = parsePhpQuery(q === -1 ? '' : text.slice(q + 1));
      for (const reserved of RESERVED) delete subParams[reserved];
      const start = Date.now();
      try {
        if (name === 'batch') {
          throw new RestError(
            405,
            'ERROR_BATCH_METHOD_NOT_ALLOWED',
            'Method is not allowed for batch usage',
          );
        }
        result[key] = await runMethod(name, subParams, auth, { ...base, isBatch: true });
        times[key] = timeEnvelope(start, (Date.now() - start) / 1000, `${timeKey}|${name}`);
      } catch (error) {
        if (!(error instanceof RestError)) throw error;
        errors[key] = error.toJSON();
        if (halt) break;
      }
    }
    return {
      result: phpArray(result),
      result_error: phpArray(errors),
      result_total: [],
      result_next: [],
      result_time: phpArray(times),
    };
  }

  return async function handleRest(req, res, url, origin) {
    const startMs = Date.now();
    if (req.method === 'OPTIONS') {
      // Preflights are free (not rate-limited) and always allowed (contract §3.6).
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    if ((req.url ?? '').length > MAX_URL_LENGTH) {
      sendText(res, 414, 'Request-URI Too Long', { Connection: 'close' });
      req.resume();
      return;
    }
    const route = parseRoute(url.pathname);
    const temps: string[] = [];
    // Known from the query before the body is read; the body may carry it too (set below).
    let requestId = url.searchParams.get('bx24_request_id') ?? '';
    try {
      const body = await readRequestBody(req, emu.options.maxBodyBytes, emu.store.tmpDir, temps);
      if (body.kind === 'aborted') return;
      if (body.kind === 'too-large') {
        sendText(res, 413, 'Request Entity Too Large', { Connection: 'close' });
        res.once('finish', () => req.socket.destroy());
        return;
      }
      const ip = req.socket.remoteAddress ?? '';
      if (emu.scenarios.fire('rate-limit-storm', route?.method ?? null) || !limiter.take(ip)) {
        sendJson(res, 503, {
          error: 'QUERY_LIMIT_EXCEEDED',
          error_description: 'Too many requests',
        });
        return;
      }
      if (!route || (route.method !== 'batch' && !METHODS[route.method])) {
        throw new RestError(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
      }
      const params = await collectParams(
        url.search.slice(1),
        req.headers['content-type'] ?? '',
        body,
        emu.store.tmpDir,
        temps,
      );
      requestId = paramText(params.bx24_request_id);
      if (
        emu.scenarios.fire('connection-drop', route.method, requestId) ||
        emu.scenarios.firedFor('response-drop', route.method, requestId)
      ) {
        // connection-drop: the connection dies mid-upload, nothing is stored. A re-sent request
        // whose response was dropped meets the same drop and is not stored again.
        dropResponse(res);
        return;
      }
      const auth = authenticate(route, params, req);
      for (const reserved of RESERVED) delete params[reserved];
      const base = { emu, origin, requestId, isBatch: false, temps };
      const timeKey = auth.kind === 'webhook' ? `hook:${auth.userId}` : `app:${auth.appId ?? 0}`;
      const result =
        route.method === 'batch'
          ? await runBatch(params, auth, base, timeKey)
          : await runMethod(route.method, params, auth, base);
      const processing = (Date.now() - startMs) / 1000;
      const envelope = {
        result,
        time: timeEnvelope(startMs, processing, `${timeKey}|${route.method}`),
      };
      if (emu.scenarios.fire('response-drop', route.method, requestId)) {
        // Stored and posted, but the client never hears back (contract: unknown outcome).
        dropResponse(res);
        return;
      }
      await delayIfSlow(route.method, requestId);
      sendJson(res, 200, envelope);
    } catch (error) {
      if (!(error instanceof RestError)) throw error;
      await delayIfSlow(route?.method ?? null, requestId);
      sendJson(res, error.status, error.toJSON());
    } finally {
      for (const path of temps) rmSync(path, { force: true });
    }
  };

  async function delayIfSlow(method: string | null, requestId: string): Promise<void> {
    const slow = emu.scenarios.fire('slow', method, requestId);
    if (slow) await new Promise((resolve) => setTimeout(resolve, slow.delayMs));
  }
}

/**
 * Ends the exchange with a status line, headers and part of the body, then kills the socket.
 * A connection closed with zero response bytes makes Chromium silently re-send the POST on a
 * fresh connection (its retry for reused keep-alive sockets); a partial response is a failed
 * response instead, which the page sees as a network error, as with a real dropped connection.
 */
function dropResponse(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket || socket.destroyed) return;
  const head =
    'HTTP/1.1 200 OK\r\n' +
    Object.entries({ ...CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8' })
      .map(([name, value]) => `${name}: ${String(value)}\r\n`)
      .join('') +
    'Content-Length: 4096\r\n\r\n{"result":';
  socket.write(head, () => socket.destroy());
  // In case the write never completes (peer gone), do not keep the socket.
  setTimeout(() => socket.destroy(), 1000).unref();
}

/** Lower-cased method without a `.json`/`.xml` suffix (contract §3.1). */
function normaliseMethod(raw: string): string {
  let name = raw.trim();
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep as is
  }
  return name.replace(/\.(json|xml)$/i, '').toLowerCase();
}

/** `/rest/<method>` or `/rest/<userId>/<secret>/<method>`; doubled and trailing `/` tolerated. */
function parseRoute(pathname: string): Route | null {
  const parts = pathname.split('/').filter(Boolean).slice(1);
  if (parts.length === 1 && parts[0]) return { method: normaliseMethod(parts[0]), webhook: null };
  if (parts.length === 3 && parts[0] && parts[1] && parts[2] && /^\d+$/.test(parts[0])) {
    return {
      method: normaliseMethod(parts[2]),
      webhook: { userId: Number(parts[0]), secret: parts[1] },
    };
  }
  return null;
}

/** PHP json_encode of an array: `[]` when empty, a list when keys are 0..n-1, else an object. */
function phpArray(record: Record<string, unknown>): unknown {
  const keys = Object.keys(record);
  if (keys.every((k, i) => k === String(i))) return keys.map((k) => record[k]);
  return record;
}
