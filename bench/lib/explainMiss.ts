import type {
  BenchReport,
  ManyResultSummary,
  SizeResult,
  SlowResultSummary,
} from './benchReport.ts';

/** Why a target was missed, read from this run's figures, and what would reach it. */
export function explainMiss(
  name: string,
  warmup: number,
  ctx: {
    at100: SizeResult | undefined;
    many: ManyResultSummary | undefined;
    slow: SlowResultSummary | undefined;
    bundle: BenchReport['bundle'];
    busy: boolean;
    loadText: string;
  },
): string {
  const cd = ctx.at100?.paths.find((p) => p.path === 'chatdrop');
  const loadNote = ctx.busy
    ? ` The machine was busy (${ctx.loadText}); timings are wall-clock, so preemption by other processes inflates them.`
    : '';
  if (name.includes('longest main-thread task')) {
    const tasks = (cd?.samples ?? []).flatMap((s) =>
      (s.longTasks ?? []).map(
        (t) =>
          `run ${s.run - warmup + 1}: ${t.durationMs} ms at ${t.atMs} ms (${s.encodeMs !== undefined && t.atMs < s.encodeMs ? 'while the Worker encoded' : 'while sending'})`,
      ),
    );
    return (
      `long tasks seen: ${tasks.join('; ') || 'none recorded'}; other runs had none.` +
      loadNote +
      ' Chat Drop keeps no upload work on the main thread (encode in a Worker, body spliced as a Blob), so an isolated task just over 50 ms is most likely a GC pause or preemption;' +
      ' re-run on an idle machine. If it persists, a Performance trace of that moment shows which task it is.'
    );
  }
  if (name.includes('vs curl')) {
    const encode = cd?.encodeMs?.median ?? 0;
    const total = cd?.totalMs?.median ?? 0;
    const curl = ctx.at100?.paths.find((p) => p.path === 'curl')?.totalMs?.median ?? 0;
    return (
      `median ${Math.round(total)} ms vs curl ${Math.round(curl)} ms; the Worker's encode (median ${Math.round(encode)} ms, ${total > 0 ? Math.round((100 * encode) / total) : 0} % of the total) runs before the first byte is sent, and curl's body was encoded beforehand.` +
      loadNote +
      ' The encoder already uses the native Uint8Array.prototype.toBase64; the rest of the encode is reading the file and storing each chunk as a Blob, which the browser reads back to send.' +
      " What would reach it: overlap encoding with sending (not possible through the SDK's XHR on HTTP/1.1 — a streamed request body needs fetch over HTTP/2), split the encode over two Workers, or start encoding as soon as a file is picked."
    );
  }
  if (name.includes('memory growth')) {
    return 'the renderer grew more than twice the file size: check that the base64 Blob is dropped after the send and that no copy of the body stays in JS.';
  }
  if (name.includes('small files')) {
    return (
      `${ctx.many?.delivered ?? 0}/${ctx.many?.count ?? 0} delivered, codes: ${ctx.many?.errorCodes.join(', ') || 'none'}.` +
      loadNote +
      " The engine should wait exactly as long as the portal's limit asks (the SDK's own limiter paces calls); backoff longer than the drain rate makes it slower."
    );
  }
  if (name.includes('slow uplink')) {
    return `${ctx.slow?.requestsStarted ?? 0} request(s) started, ${ctx.slow?.accepted ?? 0} accepted, ${ctx.slow?.errorCode ?? 'no error'}: the transport must not time out while progress keeps coming, and must never resend on its own.`;
  }
  if (name.includes('Cold start')) {
    return (
      `the widget parses ${((ctx.bundle?.startupJs.gzip ?? 0) / 1000).toFixed(0)} kB gzip of JS before the drop zone exists.` +
      loadNote +
      ' Lazy-loading what the first screen does not need (install flow, other locales, the virtual list) would shorten it.'
    );
  }
  if (name.includes('JS shipped')) {
    const parts = ctx.bundle?.composition ?? [];
    const top = parts
      .slice(0, 8)
      .map((p) => `${p.group} ≈ ${(p.gzipEstimate / 1000).toFixed(1)} kB`)
      .join(', ');
    return (
      `largest parts (gzip, pro rata): ${top}.` +
      " The SDK's root entry brings axios, luxon, qs-esm and its v3/batch/hook code; the app's own code and @tanstack/react-virtual come on top of the ~160 kB the libraries weigh." +
      ' What would reach it: load the install flow and the non-active locales with import() (they are not needed for a drop), load the virtual list only for long queues, and import only the frame parts of the SDK if it ever offers such an entry.'
    );
  }
  return 'no explanation recorded.';
}
