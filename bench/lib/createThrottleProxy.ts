import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

export interface ThrottleProxy {
  /** `http://localhost:<port>`: open the portal through this to get the slow uplink. */
  readonly url: string;
  /** Request lines seen going up whose text starts with `marker` (requests started, not finished). */
  readonly requestsStarted: () => number;
  /** Bytes forwarded browser → portal. */
  readonly bytesUp: () => number;
  close(): Promise<void>;
}

interface Pending {
  readonly upstream: Socket;
  readonly client: Socket;
  chunks: Buffer[];
  queued: number;
}

/** Pause the browser's socket when this much is queued in the proxy for one connection. */
const HIGH_WATER = 1024 * 1024;
const TICK_MS = 10;

/**
 * A TCP proxy in front of the emulator that limits the browser → portal direction to
 * `bytesPerSecond` (shared by all connections, like one uplink); the other direction is not
 * limited. Closing either side closes the other at once, so a request the browser abandons never
 * completes at the portal. Used because the emulator has no throttle of its own.
 */
export async function createThrottleProxy(options: {
  readonly target: { readonly host: string; readonly port: number };
  readonly bytesPerSecond: number;
  /** Counted in the upstream byte stream, e.g. `POST /rest/im.v2.File.upload`. */
  readonly marker: string;
}): Promise<ThrottleProxy> {
  const marker = Buffer.from(options.marker, 'latin1');
  const active = new Set<Pending>();
  let started = 0;
  let up = 0;

  // One shared budget, refilled every tick and spent round-robin over the connections.
  const perTick = (options.bytesPerSecond * TICK_MS) / 1000;
  let budget = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    budget = Math.min(budget + (options.bytesPerSecond * (now - last)) / 1000, perTick * 4);
    last = now;
    for (const conn of active) {
      while (budget >= 1 && conn.chunks.length > 0) {
        const head = conn.chunks[0] as Buffer;
        const take = Math.min(head.length, Math.floor(budget));
        const piece = head.subarray(0, take);
        if (take === head.length) conn.chunks.shift();
        else conn.chunks[0] = head.subarray(take);
        conn.queued -= take;
        budget -= take;
        up += take;
        conn.upstream.write(piece);
      }
      if (conn.queued < HIGH_WATER && conn.client.isPaused()) conn.client.resume();
    }
  }, TICK_MS);

  const server = createServer((client) => {
    const upstream = connect(options.target.port, options.target.host);
    const conn: Pending = { upstream, client, chunks: [], queued: 0 };
    active.add(conn);
    let tail = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      // Count request starts; keep a tail so a marker split across chunks is still seen.
      const window = Buffer.concat([tail, chunk]);
      let at = window.indexOf(marker);
      while (at >= 0) {
        started++;
        at = window.indexOf(marker, at + marker.length);
      }
      tail = window.subarray(Math.max(0, window.length - marker.length + 1));
      conn.chunks.push(chunk);
      conn.queued += chunk.length;
      if (conn.queued >= HIGH_WATER) client.pause();
    });
    upstream.pipe(client);
    const end = (): void => {
      active.delete(conn);
      conn.chunks = [];
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    client.on('error', end);
    upstream.on('close', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    requestsStarted: () => started,
    bytesUp: () => up,
    close() {
      clearInterval(timer);
      for (const conn of active) {
        conn.client.destroy();
        conn.upstream.destroy();
      }
      active.clear();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
