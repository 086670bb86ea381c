import { execFile } from 'node:child_process';

/**
 * The HTTP version curl negotiates with `url` when offered HTTP/2 (ALPN): `'2'`, `'1.1'`, or
 * `undefined` when the request failed. Used to tell an HTTPS portal from an HTTPS + HTTP/2 one.
 */
export function probeHttpVersion(url: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      'curl',
      [
        '-s',
        '--http2',
        '--insecure',
        '-o',
        '/dev/null',
        '-w',
        '%{http_version}',
        '--max-time',
        '10',
        url,
      ],
      { timeout: 15_000 },
      (error, stdout) => {
        const version = stdout.trim();
        resolve(error || version === '' || version === '0' ? undefined : version);
      },
    );
  });
}
