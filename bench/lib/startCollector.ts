import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchCommand, BenchResult, HelloMessage, MarkMessage } from '../protocol.ts';

export interface Collector {
  /** Base URL the page talks to, e.g. http://127.0.0.1:40123 */
  readonly url: string;
  /** Resolves with the page's hello once it has started inside the portal frame. */
  waitHello(timeoutMs: number): Promise<HelloMessage>;
  /** Queues a command; the page picks it up with its next `GET /next`. */
  send(command: BenchCommand): void;
  /** Resolves with the result for `caseId`; rejects on timeout or when the page reports a fatal error. */
  waitResult(caseId: string, timeoutMs: number): Promise<BenchResult>;
  /** Called (and awaited) before the page's `/mark` request is answered. */
  onMark(handler: (mark: MarkMessage) => Promise<void> | void): void;
  /** Forgets queued commands and waiters (between browser sessions). */
  reset(): void;
  close(): Promise<void>;
}

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'cache-control': 'no-store',
} as const;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...CORS, 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`bench: timed out after ${timeoutMs} ms waiting for ${what}`)),
      timeoutMs,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The runner's small HTTP endpoint for the bench page (CORS open: the page runs on the app's
 * origin). The page long-polls `/next`, so the runner decides the order of cases.
 */
export async function startCollector(): Promise<Collector> {
  let commands: BenchCommand[] = [];
  let pendingNext: ServerResponse[] = [];
  let hello: HelloMessage | undefined;
  let helloWaiters: Waiter<HelloMessage>[] = [];
  const results = new Map<string, BenchResult>();
  let resultWaiters = new Map<string, Waiter<BenchResult>>();
  let markHandler: (mark: MarkMessage) => Promise<void> | void = () => undefined;

  function flush(): void {
    while (commands.length > 0 && pendingNext.length > 0) {
      const res = pendingNext.shift();
      const command = commands.shift();
      if (res && command) reply(res, 200, command);
    }
  }

  function failAll(error: Error): void {
    for (const waiter of resultWaiters.values()) waiter.reject(error);
    resultWaiters = new Map();
    for (const waiter of helloWaiters) waiter.reject(error);
    helloWaiters = [];
  }

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS);
        res.end();
        return;
      }
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'GET' && path === '/next') {
        pendingNext.push(res);
        req.on('close', () => {
          pendingNext = pendingNext.filter((r) => r !== res);
        });
        flush();
        return;
      }
      if (req.method !== 'POST') {
        reply(res, 404, { error: 'not found' });
        return;
      }
      const body = JSON.parse(await readBody(req)) as unknown;
      if (path === '/hello') {
        hello = body as HelloMessage;
        for (const waiter of helloWaiters) waiter.resolve(hello);
        helloWaiters = [];
        reply(res, 200, { ok: true });
      } else if (path === '/mark') {
        await markHandler(body as MarkMessage);
        reply(res, 200, { ok: true });
      } else if (path === '/result') {
        const result = body as BenchResult;
        reply(res, 200, { ok: true });
        if (result.type === 'fatal') {
          failAll(new Error(`bench page: ${result.message}`));
          return;
        }
        const waiter = resultWaiters.get(result.caseId);
        if (waiter) {
          resultWaiters.delete(result.caseId);
          waiter.resolve(result);
        } else {
          results.set(result.caseId, result);
        }
      } else if (path === '/log') {
        process.stderr.write(`[bench page] ${JSON.stringify(body)}\n`);
        reply(res, 200, { ok: true });
      } else {
        reply(res, 404, { error: 'not found' });
      }
    })().catch((error: unknown) => {
      if (!res.headersSent) reply(res, 500, { error: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    waitHello(timeoutMs) {
      if (hello) return Promise.resolve(hello);
      return withTimeout(
        new Promise<HelloMessage>((resolve, reject) => helloWaiters.push({ resolve, reject })),
        timeoutMs,
        'the bench page to start inside the portal frame',
      );
    },
    send(command) {
      commands.push(command);
      flush();
    },
    waitResult(caseId, timeoutMs) {
      const early = results.get(caseId);
      if (early) {
        results.delete(caseId);
        return Promise.resolve(early);
      }
      return withTimeout(
        new Promise<BenchResult>((resolve, reject) =>
          resultWaiters.set(caseId, { resolve, reject }),
        ),
        timeoutMs,
        `result of ${caseId}`,
      ).finally(() => resultWaiters.delete(caseId));
    },
    onMark(handler) {
      markHandler = handler;
    },
    reset() {
      commands = [];
      hello = undefined;
      results.clear();
      failAll(new Error('bench: collector reset'));
      for (const res of pendingNext) reply(res, 200, { type: 'done' } satisfies BenchCommand);
      pendingNext = [];
    },
    close() {
      for (const res of pendingNext) res.destroy();
      pendingNext = [];
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
