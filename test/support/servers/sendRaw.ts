import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** The body as sent: not decompressed. */
  readonly body: Buffer;
}

export interface RawRequest {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** PEM of the CA (here: the self-signed certificate) an https server must present. */
  readonly ca?: string;
}

/** One HTTP(S) request, exactly as given: no redirects followed, no decompression. */
export function sendRaw(url: string, init: RawRequest = {}): Promise<RawResponse> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
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
    req.end(init.body);
  });
}

/** The form fields Bitrix24 posts into the app's frame when it opens it (b24restdocs, "local applications"). */
export const PORTAL_FORM: string = new URLSearchParams({
  AUTH_ID: 'test-auth-token',
  AUTH_EXPIRES: '3600',
  REFRESH_ID: 'test-refresh-token',
  member_id: 'a1b2c3',
  status: 'L',
  PLACEMENT: 'DEFAULT',
  PLACEMENT_OPTIONS: '{}',
}).toString();
