import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import type { VersusCurl } from '../lib/benchReport.ts';
import { DIALOG_ID, type BenchContext } from '../lib/createBenchContext.ts';
import { runCurlUpload, writeCurlBody } from '../lib/runCurlUpload.ts';
import { runManyInPage } from '../lib/runManyInPage.ts';
import { MiB, spread } from '../lib/stats.ts';

const COUNT = 10;
const SIZE = 10 * MiB;

/**
 * Bench case `ten`: 10 × 10 MiB through Chat Drop's queue (createUploadQueue, its default
 * concurrency: one file encodes while the previous one is sent) vs curl sending the same bodies
 * one after the other (sum of curl's own times). Warm-up + N runs each, full rate-limit bucket
 * before each. The session must be open.
 */
export async function runTenLarge(ctx: BenchContext): Promise<VersusCurl> {
  const { args, log } = ctx;
  const bodies = [];
  for (let i = 0; i < COUNT; i++) {
    bodies.push(
      await writeCurlBody(ctx.tmp, SIZE, {
        dialogId: DIALOG_ID,
        name: `ten-${i}.bin`,
        token: ctx.token,
      }),
    );
  }
  const times = { chatdrop: [] as number[], curl: [] as number[] };
  const details: string[] = [];
  let chatdropFailures = 0;
  let curlFailures = 0;
  try {
    for (let run = 0; run < args.warmup + args.runs; run++) {
      const measured = run >= args.warmup;
      const label = measured ? `run ${run - args.warmup + 1}` : 'warm-up';
      await ctx.refill(2 * COUNT);
      const page = await runManyInPage(ctx, `${ctx.nonce}-ten-chatdrop-${run}`, {
        path: 'chatdrop',
        count: COUNT,
        size: SIZE,
      });
      const pageOk = page.delivered === COUNT && page.failed === 0;
      log(
        `10 × 10 MiB chatdrop ${label}: ${page.delivered}/${COUNT} in ${Math.round(page.totalMs)} ms`,
      );
      let curlMs = 0;
      let curlOk = true;
      for (const [i, body] of bodies.entries()) {
        const caseId = `${ctx.nonce}-ten-curl-${run}-${i}`;
        const result = await runCurlUpload(
          `${ctx.emulator.url}/rest/im.v2.File.upload?bx24_request_id=${caseId}`,
          body,
          join(ctx.tmp, `${caseId}.response.json`),
          ctx.uploadTimeoutMs(SIZE),
        );
        curlMs += result.totalMs;
        curlOk &&= result.ok;
      }
      log(`10 × 10 MiB curl     ${label}: ${curlOk ? 'ok' : 'FAILED'} ${Math.round(curlMs)} ms`);
      if (!measured) continue;
      if (pageOk) times.chatdrop.push(page.totalMs);
      else {
        chatdropFailures++;
        details.push(
          `chatdrop ${label}: ${page.delivered}/${COUNT}, ${page.errorCodes.join(', ')}`,
        );
      }
      if (curlOk) times.curl.push(curlMs);
      else curlFailures++;
    }
  } finally {
    for (const body of bodies) await rm(body.file, { force: true });
  }
  const chatdropMs = spread(times.chatdrop);
  const curlMs = spread(times.curl);
  return {
    label: '10 × 10 MiB, one after the other',
    chatdropMs,
    curlMs,
    ratio: chatdropMs && curlMs ? chatdropMs.median / curlMs.median : undefined,
    chatdropFailures,
    curlFailures,
    details,
  };
}
