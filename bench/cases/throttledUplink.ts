import type { VersusCurl } from '../lib/benchReport.ts';
import { compareWithCurl } from '../lib/compareWithCurl.ts';
import type { BenchContext } from '../lib/createBenchContext.ts';
import { createThrottleProxy } from '../lib/createThrottleProxy.ts';
import { MiB } from '../lib/stats.ts';

/**
 * Bench case `throttled`: a `--slow-size` MiB file over a `--uplink-mibps` MiB/s uplink (a TCP
 * proxy in front of the portal that paces the browser → portal direction; loopback has no
 * throttle of its own), Chat Drop in a browser opened through the proxy vs curl through the same
 * proxy. Also checks Chat Drop sent each file in exactly one request.
 */
export async function runThrottledUplink(ctx: BenchContext): Promise<VersusCurl> {
  const { args } = ctx;
  const rate = args.uplinkMiBps * MiB;
  const sizeBytes = Math.round(args.slowSizeMiB * MiB);
  const target = new URL(ctx.emulator.url);
  const proxy = await createThrottleProxy({
    target: { host: target.hostname, port: Number(target.port) },
    bytesPerSecond: rate,
    marker: 'POST /rest/im.v2.File.upload',
  });
  ctx.onCleanup(() => proxy.close());
  await ctx.refill(10);
  const session = await ctx.openSession(proxy.url);
  const startedBefore = proxy.requestsStarted();
  const bytesBefore = proxy.bytesUp();
  try {
    const result = await compareWithCurl(ctx, {
      label: `${args.uplinkMiBps} MiB/s uplink, ${args.slowSizeMiB} MiB`,
      tag: 'throttled',
      sizeBytes,
      baseUrl: proxy.url,
      portal: ctx.emulator,
      // The wire alone needs size × 4/3 ÷ rate; allow three times that.
      timeoutMs: 60_000 + ((sizeBytes * 4) / 3 / rate) * 3000,
    });
    const uploads = 2 * (args.warmup + args.runs);
    const started = proxy.requestsStarted() - startedBefore;
    return {
      ...result,
      details: [
        ...result.details,
        `upload requests through the proxy: ${started} for ${uploads} uploads (a resend would show as more)`,
        `bytes up: ${((proxy.bytesUp() - bytesBefore) / MiB).toFixed(0)} MiB`,
        ...result.failures,
      ],
    };
  } finally {
    await session.close();
  }
}
