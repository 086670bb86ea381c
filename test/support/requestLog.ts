import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** One HTTP request a server in this test process received. */
export interface LoggedRequest {
  /** Order of arrival in this process, from 1. */
  readonly seq: number;
  /** Port of the server that received it (the emulator's, the app server's …). */
  readonly port: number;
  readonly method: string;
  /** Path and query, e.g. `/rest/im.v2.File.upload?bx24_request_id=…`. */
  readonly url: string;
  readonly startedAt: number;
  /** Set when the exchange is over: the answer was sent, or the socket closed without one. */
  endedAt?: number;
  status?: number;
  /** False when the socket closed before the answer was complete (a dropped connection). */
  answered?: boolean;
}

const log: LoggedRequest[] = [];
let seq = 0;

interface RequestStart {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
}

// Node's http server publishes every request it receives on this channel (public API since
// Node 16.17/18.7, see the node:diagnostics_channel docs "Built-in Channels"). Listening here sees
// the emulator's requests from the outside: the emulator itself is not changed for the tests.
subscribe('http.server.request.start', (message) => {
  const { request, response } = message as RequestStart;
  const entry: LoggedRequest = {
    seq: ++seq,
    port: request.socket.localPort ?? 0,
    method: request.method ?? '',
    url: request.url ?? '',
    startedAt: Date.now(),
  };
  log.push(entry);
  response.once('close', () => {
    entry.endedAt = Date.now();
    entry.status = response.statusCode;
    entry.answered = response.writableFinished;
  });
});

/** A filter for {@link requestLog} queries. */
export interface RequestFilter {
  /** Only requests to the server at this URL's port. */
  readonly server?: string;
  /** Only requests whose path matches. */
  readonly path?: RegExp;
  /** Only requests with this method, e.g. `POST` (a CORS preflight is an `OPTIONS`). */
  readonly method?: string;
  /** Only requests after this mark (see `requestLog.mark()`). */
  readonly since?: number;
}

function matches(entry: LoggedRequest, filter: RequestFilter): boolean {
  if (filter.server !== undefined && entry.port !== Number(new URL(filter.server).port))
    return false;
  if (filter.path && !filter.path.test(entry.url)) return false;
  if (filter.method !== undefined && entry.method !== filter.method) return false;
  return entry.seq > (filter.since ?? 0);
}

/** The REST path of the upload method, as the SDK requests it. */
export const UPLOAD_PATH = /^\/rest\/im\.v2\.File\.upload\b/i;

/** The upload calls themselves (`POST`), without their CORS preflights, to the server at `url`. */
export function uploadCallsTo(url: string, since?: number): RequestFilter {
  return {
    server: url,
    path: UPLOAD_PATH,
    method: 'POST',
    ...(since === undefined ? {} : { since }),
  };
}

/**
 * Every HTTP request the servers of this test process (emulator, app server) received, seen
 * through Node's `http.server.request.start` diagnostics channel. This is the positive barrier the
 * e2e tests wait on instead of sleeping: "no upload request is open any more" is an event with a
 * deadline, after which a count can be asserted and cannot change by itself.
 */
export const requestLog = {
  /** A mark to filter later queries with (`since`). */
  mark(): number {
    return seq;
  },
  /** Requests matching `filter`, oldest first (copies). */
  list(filter: RequestFilter = {}): LoggedRequest[] {
    return log.filter((e) => matches(e, filter)).map((e) => ({ ...e }));
  },
  /** Requests matching `filter` whose exchange is not over yet. */
  open(filter: RequestFilter = {}): LoggedRequest[] {
    return this.list(filter).filter((e) => e.endedAt === undefined);
  },
  /**
   * Resolves once no request matching `filter` is open. Throws after `timeoutMs` naming the open
   * requests. Requests that start later are not waited for: call it after the widget showed the
   * state the test is about (its terminal phase), when nothing new is due.
   */
  async waitUntilClosed(filter: RequestFilter = {}, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const open = this.open(filter);
      if (open.length === 0) return;
      if (Date.now() > deadline) {
        const names = open.map((e) => `${e.method} ${e.url.split('?')[0]}`).join(', ');
        throw new Error(`requestLog: still open after ${timeoutMs} ms: ${names}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  },
  /** Text for a failure's evidence folder: one line per request of the last `limit`. */
  describe(limit = 400): string {
    return log
      .slice(-limit)
      .map(
        (e) =>
          `#${e.seq} :${e.port} ${new Date(e.startedAt).toISOString()} ${e.method} ${e.url.split('?')[0]} → ${
            e.endedAt === undefined
              ? 'open'
              : `${String(e.status)}${e.answered ? '' : ' (closed without an answer)'} in ${e.endedAt - e.startedAt} ms`
          }`,
      )
      .join('\n');
  },
};
