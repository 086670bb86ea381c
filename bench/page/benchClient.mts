import type { BenchCommand, BenchResult, HelloMessage, MarkMessage } from '../protocol.ts';

/** Talks to the runner's collector; its URL arrives in the handler URL's `collector` query param. */
export interface BenchClient {
  hello(message: HelloMessage): Promise<void>;
  next(): Promise<BenchCommand>;
  mark(message: MarkMessage): Promise<void>;
  report(result: BenchResult): Promise<void>;
  log(message: string): void;
}

export function createBenchClient(collectorUrl: string): BenchClient {
  // text/plain keeps these simple CORS requests (no preflight round trip next to a measurement).
  const post = async (path: string, body: unknown): Promise<void> => {
    const response = await fetch(`${collectorUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`collector ${path}: HTTP ${response.status}`);
  };
  return {
    hello: (message) => post('/hello', message),
    async next() {
      const response = await fetch(`${collectorUrl}/next`, { cache: 'no-store' });
      return (await response.json()) as BenchCommand;
    },
    mark: (message) => post('/mark', message),
    report: (result) => post('/result', result),
    log(message) {
      void post('/log', { message }).catch(() => undefined);
    },
  };
}
