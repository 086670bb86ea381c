import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import type { UploadResult } from '../protocol.ts';
import type { VersusCurl } from './benchReport.ts';
import { DIALOG_ID, type BenchContext } from './createBenchContext.ts';
import type { BenchEmulator } from './loadEmulator.ts';
import { runCurlUpload, writeCurlBody } from './runCurlUpload.ts';
import { spread } from './stats.ts';

export interface CompareOptions {
  readonly label: string;
  /** Short tag for case ids. */
  readonly tag: string;
  readonly sizeBytes: number;
  /** Base URL both paths send to (the portal, or a proxy in front of it). */
  readonly baseUrl: string;
  /** The portal that stores the uploads (to check each was stored once). */
  readonly portal: BenchEmulator;
  readonly curlArgs?: readonly string[];
  readonly timeoutMs: number;
}

/**
 * One file, Chat Drop's path in the open session vs curl posting the same JSON body to the same
 * URL, warm-up + N runs each, alternating which goes first. Every run is checked at the portal:
 * stored exactly once. Returns medians and their ratio.
 */
export async function compareWithCurl(
  ctx: BenchContext,
  options: CompareOptions,
): Promise<VersusCurl & { failures: string[] }> {
  const { args, log } = ctx;
  const name = `bench-${options.tag}.bin`;
  const body = await writeCurlBody(ctx.tmp, options.sizeBytes, {
    dialogId: DIALOG_ID,
    name,
    token: ctx.token,
  });
  const times = { chatdrop: [] as number[], curl: [] as number[] };
  const failures: string[] = [];
  const protocols = new Set<string>();
  let chatdropFailures = 0;
  let curlFailures = 0;
  try {
    for (let run = 0; run < args.warmup + args.runs; run++) {
      const measured = run >= args.warmup;
      const order =
        run % 2 === 0 ? (['chatdrop', 'curl'] as const) : (['curl', 'chatdrop'] as const);
      for (const path of order) {
        const caseId = `${ctx.nonce}-${options.tag}-${path}-${run}`;
        let ok: boolean;
        let totalMs: number;
        let error: string | undefined;
        if (path === 'curl') {
          const result = await runCurlUpload(
            `${options.baseUrl}/rest/im.v2.File.upload?bx24_request_id=${caseId}`,
            body,
            join(ctx.tmp, `${caseId}.response.json`),
            options.timeoutMs,
            options.curlArgs,
          );
          ({ ok, totalMs } = result);
          error = result.errorCode ?? (result.ok ? undefined : `HTTP ${result.httpCode}`);
        } else {
          ctx.collector.send({
            type: 'upload',
            caseId,
            path: 'chatdrop',
            size: options.sizeBytes,
            dialogId: DIALOG_ID,
            name,
            traceProgress: false,
          });
          const result = (await ctx.collector.waitResult(
            caseId,
            options.timeoutMs,
          )) as UploadResult;
          ({ ok, totalMs } = result);
          error = result.errorCode;
          protocols.add(result.phases?.protocol ?? 'not exposed');
        }
        await ctx.sleep(500);
        const stored = ctx.acceptedFor(caseId, options.portal).count;
        if (ok && stored !== 1) {
          ok = false;
          error = `stored ${stored} times`;
        }
        log(
          `${options.label} ${path.padEnd(8)} ${measured ? `run ${run - args.warmup + 1}` : 'warm-up'}: ${ok ? 'ok' : `FAILED ${error ?? ''}`} ${Math.round(totalMs)} ms`,
        );
        if (!measured) continue;
        if (ok) times[path].push(totalMs);
        else {
          failures.push(`${path} run ${run - args.warmup + 1}: ${error ?? 'failed'}`);
          if (path === 'curl') curlFailures++;
          else chatdropFailures++;
        }
      }
    }
  } finally {
    await rm(body.file, { force: true });
  }
  const chatdropMs = spread(times.chatdrop);
  const curlMs = spread(times.curl);
  return {
    label: options.label,
    chatdropMs,
    curlMs,
    ratio: chatdropMs && curlMs ? chatdropMs.median / curlMs.median : undefined,
    chatdropFailures,
    curlFailures,
    details: [`Chromium's protocol (Resource Timing): ${[...protocols].join(', ') || '–'}`],
    failures,
  };
}
