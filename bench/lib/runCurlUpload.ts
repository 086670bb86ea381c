import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface CurlBody {
  readonly file: string;
  readonly bodyBytes: number;
  readonly sha256: string;
}

/**
 * Writes the JSON body the SDK sends in frame mode for `im.v2.File.upload` (params + `auth`,
 * base64 needs no JSON escaping) for `size` random bytes, to a temp file for curl.
 */
export async function writeCurlBody(
  dir: string,
  size: number,
  fields: { dialogId: string; name: string; token: string },
): Promise<CurlBody> {
  const bytes = randomBytes(size);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = join(dir, `curl-body-${size}-${fields.name}.json`);
  const handle = await open(file, 'w');
  try {
    // Written in pieces so no 140 MB JSON string is built on top of the base64 one.
    await handle.write(
      `{"dialogId":${JSON.stringify(fields.dialogId)},"fields":{"name":${JSON.stringify(fields.name)},"content":"`,
    );
    await handle.write(bytes.toString('base64'));
    await handle.write(`","message":""},"auth":${JSON.stringify(fields.token)}}`);
  } finally {
    await handle.close();
  }
  const { size: bodyBytes } = await stat(file);
  return { file, bodyBytes, sha256 };
}

export interface CurlResult {
  readonly ok: boolean;
  readonly httpCode: number;
  /** curl's own %{time_total}, ms. */
  readonly totalMs: number;
  readonly messageId: number | undefined;
  readonly errorCode: string | undefined;
}

/**
 * POSTs the body file with curl and reports curl's total time. Bounded by `timeoutMs`.
 * `extraArgs` e.g. `['--http2', '--insecure']` for the HTTPS portal with its self-signed certificate.
 */
export function runCurlUpload(
  endpoint: string,
  body: CurlBody,
  responseFile: string,
  timeoutMs: number,
  extraArgs: readonly string[] = [],
): Promise<CurlResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'curl',
      [
        '-sS',
        '-X',
        'POST',
        '-H',
        'Content-Type: application/json',
        '-H',
        'Expect:', // no 100-continue round trip; browsers do not send it either
        '--data-binary',
        `@${body.file}`,
        '-o',
        responseFile,
        '-w',
        '%{http_code} %{time_total}',
        '--max-time',
        String(Math.ceil(timeoutMs / 1000)),
        ...extraArgs,
        endpoint,
      ],
      { timeout: timeoutMs + 5000 },
      (error, stdout) => {
        if (error && !stdout) {
          reject(error);
          return;
        }
        const [code, seconds] = stdout.trim().split(' ');
        void readFile(responseFile, 'utf8')
          .then((text) => {
            const json = JSON.parse(text || '{}') as {
              result?: { messageId?: number };
              error?: unknown;
            };
            resolve({
              ok: Number(code) === 200 && json.result !== undefined,
              httpCode: Number(code),
              totalMs: Number(seconds) * 1000,
              messageId: json.result?.messageId,
              errorCode: json.error === undefined ? undefined : String(json.error),
            });
          })
          .catch(() =>
            resolve({
              ok: false,
              httpCode: Number(code),
              totalMs: Number(seconds) * 1000,
              messageId: undefined,
              errorCode: 'BENCH_UNREADABLE_RESPONSE',
            }),
          )
          .finally(() => void rm(responseFile, { force: true }));
      },
    );
  });
}
