import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake portal received it. */
export interface Received {
  readonly url: string;
  readonly body: Buffer;
}
export type Handler = (request: Received, response: ServerResponse) => void;

/** A `time` block as the portal sends it with every success (SDK bookkeeping needs it). */
export const TIME = {
  start: 1,
  finish: 1,
  duration: 0,
  processing: 0,
  date_start: '2026-08-11T15:28:50+02:00',
  date_finish: '2026-08-11T15:28:50+02:00',
  operating: 0,
};

export function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

export function html(response: ServerResponse, status: number, page: string): void {
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(page);
}

export const uploadOk: Handler = (_request, response) =>
  json(response, 200, {
    result: { file: { id: 77, name: 'a.txt' }, messageId: 501, chatId: 5, dialogId: 'chat5' },
    time: TIME,
  });

export interface FakePortal {
  readonly origin: string;
  /** Every request whose body was read, in order. */
  readonly received: Received[];
  /** Answers the next requests in order; then `fallback`, then `uploadOk`. */
  readonly handlers: Handler[];
  fallback: Handler | undefined;
  close(): Promise<void>;
}

/**
 * A local HTTP server that plays the portal for the real SDK client (HttpV2 + axios, Node http
 * adapter): each request's body is read whole, then answered by the next queued handler.
 */
export async function startFakePortal(): Promise<FakePortal> {
  const received: Received[] = [];
  const handlers: Handler[] = [];
  const portal = { fallback: undefined as Handler | undefined };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry = { url: req.url ?? '', body: Buffer.concat(chunks) };
      received.push(entry);
      (handlers.shift() ?? portal.fallback ?? uploadOk)(entry, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(portal, {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    handlers,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
