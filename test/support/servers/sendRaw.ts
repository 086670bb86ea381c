import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The body as sent: not decompressed. */
  readonly body: Buffer;
}

export interface RawRequest {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** Sent whole; a `Readable` is streamed with backpressure (give `Content-Length` yourself). */
  readonly body?: string | Buffer | Readable;
  /** PEM of the CA (here: the self-signed certificate) an https server must present. */
  readonly ca?: string;
  /**
   * The request target exactly as sent, e.g. `/../etc/passwd` or `//nested` (a URL would
   * normalise it). Default: the URL's path and query.
   */
  readonly path?: string;
}

/**
 * One HTTP(S) request, exactly as given: no path normalisation when `init.path` is given, no
 * redirects followed, no decompression.
 */
export function sendRaw(url: string, init: RawRequest = {}): Promise<RawResponse> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: init.path ?? `${target.pathname}${target.search}`,
        method: init.method ?? 'GET',
        headers: init.headers,
        ...(init.ca ? { ca: init.ca, servername: 'localhost' } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (init.body instanceof Readable) init.body.pipe(req);
    else req.end(init.body);
  });
}
