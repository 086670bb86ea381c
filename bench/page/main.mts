/**
 * The bench page. Runs inside the emulator's portal frame (DEFAULT placement), so B24Frame works
 * exactly as in the widget. It pulls commands from the runner, runs them and reports its own
 * timings; nothing drives this browser while it uploads.
 */
import { B24Frame } from '@bitrix24/b24jssdk';
import { createBitrixTransport, startFrame } from '../../src/bitrix/index.ts';
import { createWorkerEncoder, type EncodeStats } from '../../src/encode/index.ts';
import type {
  BenchResult,
  ManyCommand,
  ManyResult,
  ProgressTrace,
  UploadCommand,
  UploadResult,
} from '../protocol.ts';
import { createBenchClient, type BenchClient } from './benchClient.mts';
import { createPageProbe } from './createPageProbe.mts';
import { generateFile } from './generateFile.mts';
import { runEncode } from './runEncode.mts';
import { uploadChatDrop } from './uploadChatDrop.mts';
import { uploadManyChatDrop } from './uploadManyChatDrop.mts';
import { describeThrown, uploadPlain, type PathOutcome } from './uploadPlain.mts';

const statusLine = document.getElementById('status');
const show = (text: string): void => {
  if (statusLine) statusLine.textContent = text;
};

/** `gc()` exists with --js-flags=--expose-gc (the runner starts Chromium with it). */
async function settle(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 300));
  gc?.();
}

/**
 * A second, independent SDK instance with the SDK's defaults (3 attempts, retries on network
 * errors and timeouts) for the plain path. Chat Drop's own start (startFrame) configures the
 * SDK singleton for single attempts, which is not what a plain integration gets.
 * window.name is parsed the way the SDK's loader does (loader-b24frame.mjs).
 */
async function startPlainSdk(): Promise<B24Frame> {
  const [domain, protocol, appSid] = window.name.split('|');
  const frame = new B24Frame({
    DOMAIN: domain,
    PROTOCOL: Number.parseInt(protocol ?? '0', 10) === 1,
    APP_SID: appSid,
    LANG: null,
  });
  await frame.init();
  return frame;
}

async function run(client: BenchClient): Promise<void> {
  show('starting the SDK…');
  const start = await startFrame();
  if (start.kind !== 'portal') {
    throw new Error(
      `startFrame: ${start.kind === 'failed' ? start.error.code : 'not inside a portal frame'}`,
    );
  }
  const plainB24 = await startPlainSdk();
  let lastEncodeStats: EncodeStats | undefined;
  const encoder = createWorkerEncoder({ onStats: (stats) => (lastEncodeStats = stats) });
  const takeEncodeStats = (): EncodeStats | undefined => {
    const stats = lastEncodeStats;
    lastEncodeStats = undefined;
    return stats;
  };
  const transport = createBitrixTransport(start.b24);
  const probe = createPageProbe();
  const gcAvailable = typeof (globalThis as { gc?: unknown }).gc === 'function';
  await client.hello({
    userAgent: navigator.userAgent,
    placement: start.context.placement,
    hasPreciseMemory: 'memory' in performance,
    hasGc: gcAvailable,
  });

  let cached: File | undefined;
  const fileOf = (size: number, name: string): File => {
    if (cached?.size !== size || cached.name !== name) {
      cached = undefined;
      cached = generateFile(size, name);
    }
    return cached;
  };

  async function runUpload(command: UploadCommand): Promise<UploadResult> {
    const file = fileOf(command.size, command.name);
    await settle();
    const progressTimes: number[] = [];
    const onProgress = command.traceProgress
      ? () => void progressTimes.push(performance.now())
      : undefined;
    await client.mark({ caseId: command.caseId, phase: 'start' });
    probe.begin();
    const t0 = performance.now();
    let outcome: PathOutcome & { encodeMs?: number; phases?: UploadResult['phases'] };
    try {
      outcome =
        command.path === 'chatdrop'
          ? await uploadChatDrop(encoder, transport, file, {
              dialogId: command.dialogId,
              requestId: command.caseId,
              onProgress,
              takeEncodeStats,
            })
          : await uploadPlain(plainB24, file, {
              dialogId: command.dialogId,
              requestId: command.caseId,
            });
    } catch (error) {
      outcome = describeThrown(error);
    }
    const totalMs = performance.now() - t0;
    const reading = probe.end();
    await client.mark({ caseId: command.caseId, phase: 'end' });
    let progress: ProgressTrace | undefined;
    if (command.traceProgress && command.path === 'chatdrop') {
      let maxGapMs = 0;
      for (let i = 1; i < progressTimes.length; i++) {
        maxGapMs = Math.max(
          maxGapMs,
          (progressTimes[i] as number) - (progressTimes[i - 1] as number),
        );
      }
      progress = {
        events: progressTimes.length,
        maxGapMs,
        firstAtMs: progressTimes[0] === undefined ? undefined : progressTimes[0] - t0,
      };
    }
    return {
      type: 'upload',
      caseId: command.caseId,
      path: command.path,
      size: command.size,
      ok: outcome.ok,
      errorCode: outcome.errorCode,
      errorStatus: outcome.errorStatus,
      totalMs,
      encodeMs: outcome.encodeMs,
      longTasks: reading.longTasks,
      heapGrowthBytes: reading.heapGrowthBytes,
      heapPeakBytes: reading.heapPeakBytes,
      messageId: outcome.messageId,
      progress,
      phases: outcome.phases,
    };
  }

  async function runMany(command: ManyCommand): Promise<ManyResult> {
    cached = undefined;
    const files = Array.from({ length: command.count }, (_, i) =>
      generateFile(command.size, `${command.caseId}-${String(i).padStart(3, '0')}.bin`),
    );
    await settle();
    await client.mark({ caseId: command.caseId, phase: 'start' });
    probe.begin();
    const t0 = performance.now();
    let delivered = 0;
    let failed = 0;
    const errorCodes = new Set<string>();
    if (command.path === 'chatdrop') {
      const outcome = await uploadManyChatDrop(
        transport,
        encoder,
        files,
        command.dialogId,
        command.concurrency,
      );
      delivered = outcome.delivered;
      failed = outcome.failed;
      for (const code of outcome.errorCodes) errorCodes.add(code);
    } else {
      // What a plain integration does: one call after the other, awaiting each.
      for (const [i, file] of files.entries()) {
        const outcome = await uploadPlain(plainB24, file, {
          dialogId: command.dialogId,
          requestId: `${command.caseId}-${i}`,
        });
        if (outcome.ok) delivered++;
        else {
          failed++;
          if (outcome.errorCode) errorCodes.add(outcome.errorCode);
        }
      }
    }
    const totalMs = performance.now() - t0;
    const reading = probe.end();
    await client.mark({ caseId: command.caseId, phase: 'end' });
    return {
      type: 'many',
      caseId: command.caseId,
      path: command.path,
      count: command.count,
      size: command.size,
      concurrency: command.concurrency,
      delivered,
      failed,
      errorCodes: [...errorCodes],
      totalMs,
      longTasks: reading.longTasks,
    };
  }

  for (;;) {
    show('waiting for the runner…');
    const command = await client.next();
    if (command.type === 'done') break;
    show(`running ${command.caseId}`);
    let result: BenchResult;
    if (command.type === 'upload') result = await runUpload(command);
    else if (command.type === 'many') result = await runMany(command);
    else {
      const file = fileOf(command.size, 'bench-encode.bin');
      await settle();
      result = await runEncode(command, file, probe);
    }
    await client.report(result);
  }
  show('done');
  encoder.dispose();
  transport.dispose();
}

const collector = new URLSearchParams(location.search).get('collector');
if (!collector) {
  show('No collector URL: this page is opened by bench/run.ts inside the emulator portal.');
} else {
  const client = createBenchClient(collector);
  run(client).catch((error: unknown) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    show(`failed: ${message}`);
    void client.report({ type: 'fatal', message });
  });
}
