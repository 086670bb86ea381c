import { rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectParams } from '../collectParams.ts';
import { createRateLimiter } from '../createRateLimiter.ts';
import { CORS_HEADERS, sendJson, sendProxyPage } from '../httpHelpers.ts';
import { readRequestBody } from '../readRequestBody.ts';
import { RestError } from '../RestError.ts';
import { paramText } from '../params.ts';
import type { Params } from '../params.ts';
import { authenticate, operatingKey } from './authenticate.ts';
import type { WebhookPath } from './authenticate.ts';
import { createOperatingLimiter } from './createOperatingLimiter.ts';
import { createRestFaults } from './createRestFaults.ts';
import { normaliseMethod, RESERVED_PARAMS, runBatch } from './runBatch.ts';
import { METHODS, runMethod } from './runMethod.ts';
import type { CallBase, MethodOutcome } from './runMethod.ts';
import type { AuthInfo, EmulatorContext } from './restTypes.ts';
import { timeBlock } from './timeBlock.ts';

/** Real servers reject long URLs (portal reference §4.3; ASSUMED 16 KB ⇒ 414 from the proxy). */
const MAX_URL_LENGTH = 16 * 1024;

export type RestHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  origin: string,
) => Promise<void>;

/**
 * The `/rest/…` endpoint (portal reference §3), one linear pipeline:
 * preflight → proxy limits (414, 413) → body → [faults before] → rate limit → method lookup
 * (unknown ⇒ 404 without auth) → params → auth → method or batch (scope, operating limit,
 * billing inside) → [faults on delivery] → answer. Fault scenarios live in createRestFaults only.
 */
export function createRestHandler(emu: EmulatorContext): RestHandler {
  const rateLimiter = createRateLimiter(emu.options.rateLimit);
  const operating = createOperatingLimiter(emu.options.operatingLimitSeconds);
  // The test control clock (POST /_emulator/operating-clock) shifts only the limiter's "now".
  const shifted = (now: number): number => now + emu.operatingClock.offsetMs;
  const limiter = {
    operating: {
      blocked: (key: string, now = Date.now()) => operating.blocked(key, shifted(now)),
      bill: (key: string, seconds: number, now = Date.now()) =>
        operating.bill(key, seconds, shifted(now)),
      usage: (key: string, now = Date.now()) => operating.usage(key, shifted(now)),
    },
    scale: emu.options.processingScale,
  };
  const faults = createRestFaults(emu.scenarios);

  return async function handleRest(req, res, url, origin) {
    if (req.method === 'OPTIONS') {
      // Preflights are free (not rate-limited) and always allowed (§3.6).
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    if ((req.url ?? '').length > MAX_URL_LENGTH) {
      req.resume();
      sendProxyPage(req, res, 414);
      return;
    }
    const route = parseRoute(url.pathname);
    const method = route?.method ?? null;
    const temps: string[] = [];
    try {
      const body = await readRequestBody(req, emu.options.maxBodyBytes, emu.store.tmpDir, temps);
      if (body.kind === 'aborted') return;
      if (body.kind === 'too-large') {
        // The proxy's body limit, refused before PHP (§7.2): HTML, no CORS.
        sendProxyPage(req, res, 413);
        return;
      }
      // PHP starts here: `time` measures server work only, never the upload's transfer (§7.4).
      const startMs = Date.now();
      if (faults.before(req, res, method)) return;
      if (!rateLimiter.take(req.socket.remoteAddress ?? '')) {
        sendJson(res, 503, {
          error: 'QUERY_LIMIT_EXCEEDED',
          error_description: 'Too many requests',
        });
        return;
      }
      try {
        if (!route || (route.method !== 'batch' && !METHODS[route.method])) {
          throw new RestError(404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
        }
        const contentType = req.headers['content-type'] ?? '';
        const params = await collectParams(
          url.search.slice(1),
          contentType,
          body,
          emu.store.tmpDir,
          temps,
        );
        const auth = authenticate(emu, route.webhook, params, req);
        const requestId = paramText(params.bx24_request_id);
        for (const reserved of RESERVED_PARAMS) delete params[reserved];
        const base = { emu, origin, requestId, isBatch: false, temps };
        const outcome =
          route.method === 'batch'
            ? await runBatchAsCall(params, auth, base, startMs)
            : await runMethod(route.method, params, auth, base, limiter, startMs);
        await faults.deliver(req, res, method, 200, outcome);
      } catch (error) {
        if (!(error instanceof RestError)) throw error;
        await faults.deliver(req, res, method, error.status, error.toJSON());
      }
    } finally {
      for (const path of temps) rmSync(path, { force: true });
    }
  };

  async function runBatchAsCall(
    params: Params,
    auth: AuthInfo,
    base: CallBase,
    startMs: number,
  ): Promise<MethodOutcome> {
    const result = await runBatch(params, auth, base, limiter);
    // The batch itself is not billed (§7.3); its envelope still carries a full `time` block.
    const finishMs = Date.now();
    const usage = limiter.operating.usage(operatingKey(auth, 'batch'), finishMs);
    return {
      result,
      time: timeBlock(startMs, startMs, finishMs, usage),
    };
  }
}

interface Route {
  method: string;
  webhook: WebhookPath;
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
