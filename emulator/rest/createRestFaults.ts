import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ScenarioController } from '../createScenarioController.ts';
import { CORS_HEADERS, dropConnection, sendJson, sendProxyPage } from '../httpHelpers.ts';

/**
 * The one place where fault scenarios touch a REST exchange (emulator/README.md, "Fault
 * scenarios"). The request pipeline calls `before` once the body has been read and `deliver`
 * with the answer the portal would give; everything else in the pipeline is fault-free.
 */
export interface RestFaults {
  /** True when a scenario answered (or dropped) the request before the method ran. */
  before(req: IncomingMessage, res: ServerResponse, method: string | null): boolean;
  /** Sends `body` with `status`, unless a scenario replaces or drops the answer. */
  deliver(
    req: IncomingMessage,
    res: ServerResponse,
    method: string | null,
    status: number,
    body: unknown,
  ): Promise<void>;
}

/** A portal login page (an SSO or proxy login in front of REST) — ASSUMED markup. */
const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Authorization</title></head>' +
  '<body><form method="post" action="/auth/?login=yes"><input name="USER_LOGIN">' +
  '<input type="password" name="USER_PASSWORD"><button>Log in</button></form></body></html>';
/** A maintenance page ("the site is closed for maintenance") — ASSUMED markup. */
const MAINTENANCE_PAGE =
  '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Maintenance</title></head>' +
  '<body><h1>The portal is being updated</h1><p>Please come back in a few minutes.</p></body></html>';

export function createRestFaults(scenarios: ScenarioController): RestFaults {
  const fire = scenarios.fire.bind(scenarios);
  return {
    before(req, res, method) {
      if (fire('rate-limit-storm', method)) {
        sendJson(res, 503, {
          error: 'QUERY_LIMIT_EXCEEDED',
          error_description: 'Too many requests',
        });
        return true;
      }
      if (fire('overload', method)) {
        // A manual block by support (portal reference §7.3): JSON from PHP, with CORS.
        sendJson(res, 503, {
          error: 'OVERLOAD_LIMIT',
          error_description: 'REST API is blocked due to overload.',
        });
        return true;
      }
      const html = fire('html-answer', method);
      if (html) {
        const maintenance = html.mode === 'maintenance';
        const page = maintenance ? MAINTENANCE_PAGE : LOGIN_PAGE;
        res.writeHead(maintenance ? 503 : 200, {
          ...CORS_HEADERS,
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': Buffer.byteLength(page),
        });
        res.end(page);
        return true;
      }
      const proxy = scenarios.current();
      if (proxy?.name === 'proxy-error' && proxy.mode !== 'after' && fire('proxy-error', method)) {
        sendProxyPage(req, res, proxy.status);
        return true;
      }
      if (fire('connection-drop', method)) {
        // Part of an answer, then the connection dies; nothing was stored.
        dropConnection(req, res, true);
        return true;
      }
      return false;
    },

    async deliver(req, res, method, status, body) {
      if (status === 200) {
        if (fire('close-before-answer', method)) {
          dropConnection(req, res, false);
          return;
        }
        if (fire('close-mid-answer', method)) {
          dropConnection(req, res, true);
          return;
        }
        const proxy = scenarios.current();
        if (
          proxy?.name === 'proxy-error' &&
          proxy.mode === 'after' &&
          fire('proxy-error', method)
        ) {
          sendProxyPage(req, res, proxy.status);
          return;
        }
      }
      const slow = fire('slow', method);
      if (slow) await new Promise((resolve) => setTimeout(resolve, slow.delayMs));
      sendJson(res, status, body);
    },
  };
}
