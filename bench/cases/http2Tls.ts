import type { NotRun, VersusCurl } from '../lib/benchReport.ts';
import { compareWithCurl } from '../lib/compareWithCurl.ts';
import type { BenchContext } from '../lib/createBenchContext.ts';
import { probeHttpVersion } from '../lib/probeHttpVersion.ts';
import { MiB } from '../lib/stats.ts';

/**
 * Bench case `http2`: 100 MiB (the largest `--sizes` value) to a portal served over HTTPS with
 * HTTP/2, Chat Drop vs `curl --http2` to the same portal. Needs the emulator's HTTPS + HTTP/2 mode
 * (`--https --http2` on its command line; asked for here as the options `{ https: true, http2:
 * true }`); when the emulator does not offer it (its URL stays `http:`), the case reports why it
 * did not run instead of a figure. The certificate is self-signed, so both clients skip its check.
 */
export async function runHttp2Tls(ctx: BenchContext): Promise<VersusCurl | NotRun> {
  let portal;
  try {
    portal = await ctx.startPortal('h2', { https: true, http2: true });
  } catch (error) {
    return {
      notRun: `the emulator refused HTTPS + HTTP/2 options: ${String(error).split('\n')[0]}`,
    };
  }
  if (!portal.url.startsWith('https:')) {
    return {
      notRun: `the emulator has no HTTPS + HTTP/2 mode yet (it started at ${new URL(portal.url).protocol}//…)`,
    };
  }
  // The emulator may serve HTTPS over HTTP/1.1 only; the figure is about HTTP/2, so ask the wire.
  const version = await probeHttpVersion(`${portal.url}/`);
  if (version !== '2') {
    return {
      notRun: `the emulator serves HTTPS but not HTTP/2 yet (curl --http2 negotiated HTTP/${version ?? '?'})`,
    };
  }
  let session;
  try {
    session = await ctx.openSession(portal.url, ['--ignore-certificate-errors']);
  } catch (error) {
    return {
      notRun: `the bench page did not start in the HTTPS portal: ${String(error).split('\n')[0]}`,
    };
  }
  try {
    const sizeBytes = Math.round(Math.max(...ctx.args.sizesMiB) * MiB);
    const result = await compareWithCurl(ctx, {
      label: `HTTPS + HTTP/2, ${sizeBytes / MiB} MiB`,
      tag: 'h2',
      sizeBytes,
      baseUrl: portal.url,
      portal,
      curlArgs: ['--http2', '--insecure'],
      timeoutMs: ctx.uploadTimeoutMs(sizeBytes),
    });
    return {
      ...result,
      details: [`curl negotiated HTTP/${version}`, ...result.details, ...result.failures],
    };
  } finally {
    await session.close();
  }
}
