import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUploadQueue } from '../../../src/core/createUploadQueue.ts';
import { ORDERED_MAX_BYTES } from '../../../src/core/createOrderedLane.ts';
import { defaultBackoff, MAX_BACKOFF_MS } from '../../../src/core/decideAfterFailure.ts';
import type { UploadQueueOptions } from '../../../src/core/createUploadQueue.ts';
import { policyFor } from '../../../src/core/errorPolicy.ts';
import type { Phase } from '../../../src/core/types.ts';
import { MAX_FILE_BYTES } from '../../../src/core/validateFile.ts';
import { createFakeEncoder } from '../../support/doubles/createFakeEncoder.ts';
import { createFakeTransport, receiptFor } from '../../support/doubles/createFakeTransport.ts';
import { createFile } from '../../support/doubles/createFile.ts';
import { createLedgerEntry } from '../../support/doubles/createLedgerEntry.ts';
import { createMemoryLedgerStorage } from '../../support/doubles/createMemoryLedgerStorage.ts';
import { itemOf, nextEvent, phaseReached, tick } from './queueProbes.ts';

let counter = 0;
/** The names of the files the transport was asked to send, in order. */
const sentNames = (transport: {
  readonly calls: readonly { readonly request: { readonly name: string } }[];
}): string[] => transport.calls.map((call) => call.request.name);

function setup(overrides: Partial<UploadQueueOptions> = {}) {
  const transport = createFakeTransport();
  const encoder = createFakeEncoder();
  const queue = createUploadQueue({
    transport,
    encoder,
    newId: () => `id-${++counter}`,
    ...overrides,
  });
  return { queue, transport, encoder };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createUploadQueue', () => {
  it('delivers files through queued → reading → sending → delivered and reports the batch', async () => {
    const { queue, transport } = setup();
    const seen: Phase[] = [];
    queue.store.subscribe(() => {
      const phase = queue.store.getState().items[0]?.phase;
      if (phase && seen.at(-1) !== phase) seen.push(phase);
    });
    const drained = nextEvent(queue, 'queue-drained');
    const succeeded = vi.fn();
    queue.events.on('upload-succeeded', succeeded);

    const [first, second] = queue.addFiles([createFile('a.txt'), createFile('b.txt')], {
      dialogId: 'chat5',
    });
    expect(await drained).toEqual({
      delivered: 2,
      failed: 0,
      unknown: 0,
      rejected: 0,
      cancelled: 0,
    });

    expect(seen).toEqual(['queued', 'reading', 'sending', 'delivered']);
    expect(succeeded).toHaveBeenCalledTimes(2);
    const a = itemOf(queue, first!.id);
    expect(a.receipt?.dialogId).toBe('chat5');
    expect(a.progress.percentage).toBe(100);
    expect(a.attempts).toBe(1);
    expect(itemOf(queue, second!.id).phase).toBe('delivered');
    expect(sentNames(transport)).toEqual(['a.txt', 'b.txt']);
  });

  it('sends the batch text with the first accepted file only', async () => {
    const { queue, transport } = setup();
    const drained = nextEvent(queue, 'queue-drained');
    queue.addFiles([createFile('empty.txt', 0), createFile('a.txt'), createFile('b.txt')], {
      dialogId: 'chat5',
      message: 'Minutes',
    });
    await drained;
    expect(transport.calls.map((call) => call.request.message)).toEqual(['Minutes', undefined]);
  });

  it('lets a message function decide the text per file', async () => {
    const { queue, transport } = setup();
    const drained = nextEvent(queue, 'queue-drained');
    queue.addFiles([createFile('a.txt'), createFile('b.txt')], {
      dialogId: '3',
      message: (file, index) => `${index}:${file.name}`,
    });
    await drained;
    expect(transport.calls.map((call) => call.request.message)).toEqual(['0:a.txt', '1:b.txt']);
    expect(transport.calls.map((call) => call.request.dialogId)).toEqual(['3', '3']);
  });

  it('rejects a file over 104,857,600 bytes before reading it, and accepts exactly 104,857,600', async () => {
    const { queue, encoder, transport } = setup();
    const rejected = vi.fn();
    queue.events.on('file-rejected', rejected);
    const drained = nextEvent(queue, 'queue-drained');

    const [big, limit] = queue.addFiles(
      [createFile('big.bin', MAX_FILE_BYTES + 1), createFile('limit.bin', MAX_FILE_BYTES)],
      { dialogId: 'chat5' },
    );
    expect(big?.phase).toBe('failed');
    expect(big?.error).toEqual(
      expect.objectContaining({ code: 'FILE_TOO_LARGE', origin: 'client' }),
    );
    expect(rejected).toHaveBeenCalledWith(expect.objectContaining({ item: big }));

    expect(await drained).toEqual({
      delivered: 1,
      failed: 1,
      unknown: 0,
      rejected: 1,
      cancelled: 0,
    });
    expect(encoder.calls.map((call) => (call.file as File).name)).toEqual(['limit.bin']);
    expect(transport.calls).toHaveLength(1);
    expect(itemOf(queue, limit!.id).phase).toBe('delivered');
  });

  it('rejects empty files and unusable names before reading, and a missing chat as WIDGET_NOT_IN_CHAT', () => {
    const { queue, encoder } = setup();
    const items = queue.addFiles([createFile('empty.txt', 0), createFile('..', 5)], {
      dialogId: 'chat5',
    });
    const [noChat] = queue.addFiles([createFile('a.txt')], { dialogId: '  ' });
    expect(items.map((item) => item.error?.code)).toEqual(['FILE_EMPTY', 'WIDGET_NAME_INVALID']);
    expect(noChat?.error?.code).toBe('WIDGET_NOT_IN_CHAT');
    expect(encoder.calls).toHaveLength(0);
    expect(queue.retry(items[0]!.id)).toBe(false);
  });

  it('sends a sanitized name: path separators replaced, control characters removed', async () => {
    const { queue, transport } = setup();
    const drained = nextEvent(queue, 'queue-drained');
    queue.addFiles([createFile('../a\u0007\\b.txt')], { dialogId: 'chat5' });
    await drained;
    expect(transport.calls[0]?.request.name).toBe('.._a_b.txt');
  });

  it('waits visibly after a rate-limit refusal, then sends again and delivers once', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const transport = createFakeTransport([
      () => ({ ok: false, error: { code: 'QUERY_LIMIT_EXCEEDED', origin: 'server', status: 503 } }),
    ]);
    const { queue } = setup({ transport, backoff: () => 5_000, now: Date.now });
    const waiting = vi.fn();
    queue.events.on('upload-waiting', waiting);
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await vi.advanceTimersByTimeAsync(0);

    const now = itemOf(queue, item!.id);
    expect(now.phase).toBe('waiting');
    expect(now.retryAt).toBe(1_005_000);
    expect(now.error?.code).toBe('QUERY_LIMIT_EXCEEDED');
    expect(waiting).toHaveBeenCalledWith(expect.objectContaining({ retryAt: 1_005_000 }));

    await vi.advanceTimersByTimeAsync(4_999);
    expect(itemOf(queue, item!.id).phase).toBe('waiting');
    expect(transport.calls).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(1);
    const done = itemOf(queue, item!.id);
    expect(done.phase).toBe('delivered');
    expect(done.attempts).toBe(2);
    expect(transport.calls).toHaveLength(2);
    expect(transport.calls[0]!.request.requestId).not.toBe(transport.calls[1]!.request.requestId);
  });

  it('backs off longer after each consecutive rate-limit refusal, without a limit of patience', async () => {
    vi.useFakeTimers();
    const limited = () => ({
      ok: false as const,
      error: { code: 'QUERY_LIMIT_EXCEEDED', origin: 'server' as const, status: 503 },
    });
    const transport = createFakeTransport([limited, limited, limited, limited]);
    const backoff = vi.fn((attempt: number) => attempt * 1_000);
    const { queue } = setup({ transport, backoff });
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });

    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 3_000 + 4_000);
    expect(backoff.mock.calls.map(([attempt]) => attempt)).toEqual([1, 2, 3, 4]);
    expect(itemOf(queue, item!.id).phase).toBe('delivered');
    expect(transport.calls).toHaveLength(5);
  });

  it('operating-time limit: pauses every file, probes with the smallest one at most once a minute, then delivers each once', async () => {
    vi.useFakeTimers();
    let blocked = true;
    const t0 = Date.now();
    const transport = createFakeTransport([], (request) =>
      blocked
        ? {
            ok: false,
            error: { code: 'OPERATION_TIME_LIMIT', origin: 'server', status: 429 },
          }
        : { ok: true, receipt: receiptFor(request), operatingResetAt: t0 },
    );
    const { queue } = setup({ transport, concurrency: 2 });
    const paused = vi.fn();
    const resumed = vi.fn();
    queue.events.on('uploads-paused', paused);
    queue.events.on('uploads-resumed', resumed);
    const [big, small] = queue.addFiles(
      [createFile('video.mp4', 20_000_000), createFile('note.txt', 1_000)],
      { dialogId: 'chat5' },
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(transport.calls).toHaveLength(2);
    const resumeAt = paused.mock.calls.at(-1)![0].resumeAt as number;
    expect(resumeAt - Date.now()).toBe(60_000);
    for (const id of [big!.id, small!.id]) {
      expect(itemOf(queue, id)).toMatchObject({ phase: 'waiting', retryAt: resumeAt });
    }

    await vi.advanceTimersByTimeAsync(59_999);
    expect(transport.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sentNames(transport)).toEqual(['video.mp4', 'note.txt', 'note.txt']);
    expect(itemOf(queue, big!.id).retryAt).toBe(Date.now() + 60_000);

    blocked = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(itemOf(queue, small!.id).phase).toBe('delivered');
    expect(itemOf(queue, big!.id).phase).toBe('delivered');
    expect(sentNames(transport)).toEqual([
      'video.mp4',
      'note.txt',
      'note.txt',
      'note.txt',
      'video.mp4',
    ]);
    expect(resumed).toHaveBeenCalledTimes(1);
    expect(transport.queries).toHaveLength(0);
  });

  it('OVERLOAD_LIMIT (a block set by support) is never retried, automatically or by the user', async () => {
    const transport = createFakeTransport([
      () => ({ ok: false, error: { code: 'OVERLOAD_LIMIT', origin: 'server', status: 503 } }),
    ]);
    const { queue } = setup({ transport });
    const drained = nextEvent(queue, 'queue-drained');
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await drained;
    const failed = itemOf(queue, item!.id);
    expect(failed.phase).toBe('failed');
    expect(policyFor(failed.error!)).toMatchObject({
      retry: 'none',
      messageKey: 'error_overloadBlocked',
      nextStep: 'none',
    });
    expect(queue.retry(item!.id)).toBe(false);
    expect(transport.calls).toHaveLength(1);
  });

  it.each([
    ['ACCESS_DENIED', 403],
    ['ACCESS_DENIED', 400],
    ['CHAT_NOT_FOUND', 400],
  ])(
    'access lost midway (%s, %i): one message for the chat, the rest stop unsent, the delivered stay delivered',
    async (code, status) => {
      const refuse = () => ({
        ok: false as const,
        error: { code, origin: 'server' as const, status },
      });
      const transport = createFakeTransport([
        () => ({ ok: true, receipt: receiptFor('chat5') }),
        () => ({ ok: true, receipt: receiptFor('chat5') }),
        refuse,
      ]);
      const { queue } = setup({ transport, concurrency: 2 });
      const failedEvents = vi.fn();
      queue.events.on('upload-failed', failedEvents);
      const lost = nextEvent(queue, 'chat-access-lost');
      const drained = nextEvent(queue, 'queue-drained');
      const items = queue.addFiles(
        ['1.txt', '2.txt', '3.txt', '4.txt', '5.txt'].map((name) => createFile(name)),
        { dialogId: 'chat5' },
      );
      const event = await lost;
      expect(await drained).toMatchObject({ delivered: 2, failed: 3 });
      expect(sentNames(transport)).toEqual(['1.txt', '2.txt', '3.txt']);
      expect(items.map((item) => itemOf(queue, item.id).phase)).toEqual([
        'delivered',
        'delivered',
        'failed',
        'failed',
        'failed',
      ]);
      expect(event.first.name).toBe('3.txt');
      expect(event.stopped.map((item) => item.name)).toEqual(['4.txt', '5.txt']);
      expect(failedEvents).toHaveBeenCalledTimes(1);
      expect(itemOf(queue, items[4]!.id).error).toMatchObject({ code, origin: 'server' });
    },
  );

  it('after a batch, one history read per chat removes the copy the browser re-sent on its own', async () => {
    const now = 1_700_000_000_000;
    const delivered = receiptFor('chat5');
    const transport = Object.assign(
      createFakeTransport([() => ({ ok: true, receipt: delivered })]),
      {
        listOwnFileMessages: vi.fn(async () => [
          // The browser's silent re-send, stored first under the name, then ours as "(1)".
          { messageId: 9, fileId: 1, chatId: 5, name: 'a.txt', size: 3, text: '', at: now },
          {
            messageId: delivered.messageId,
            fileId: 2,
            chatId: 5,
            name: 'a (1).txt',
            size: 3,
            text: '',
            at: now,
          },
        ]),
        deleteMessage: vi.fn(async (_messageId: number): Promise<void> => undefined),
      },
    );
    const { queue } = setup({ transport, now: () => now });
    const removed = nextEvent(queue, 'duplicate-removed');
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    expect(await removed).toEqual({ id: item!.id, dialogId: 'chat5', messageId: 9 });
    expect(transport.deleteMessage).toHaveBeenCalledWith(9);
    expect(transport.listOwnFileMessages).toHaveBeenCalledTimes(1);
    expect(transport.calls).toHaveLength(1);
  });

  it('resends after expired_token (refused before processing) and delivers once', async () => {
    vi.useFakeTimers();
    const expired = () => ({
      ok: false as const,
      error: { code: 'expired_token', origin: 'server' as const, status: 401 },
    });
    const transport = createFakeTransport([expired]);
    const { queue } = setup({ transport, backoff: () => 1_000 });
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await vi.advanceTimersByTimeAsync(0);
    expect(itemOf(queue, item!.id).phase).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(itemOf(queue, item!.id).phase).toBe('delivered');
    expect(transport.calls).toHaveLength(2);
    expect(transport.queries).toHaveLength(0);
  });

  it('stops resending after expired_token keeps coming back: failed, session message, retry offered', async () => {
    vi.useFakeTimers();
    const expired = () => ({
      ok: false as const,
      error: { code: 'expired_token', origin: 'server' as const, status: 401 },
    });
    const transport = createFakeTransport([], expired);
    const { queue } = setup({ transport, backoff: () => 1_000 });
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await vi.advanceTimersByTimeAsync(60_000);
    const failed = itemOf(queue, item!.id);
    expect(failed.phase).toBe('failed');
    expect(failed.error?.code).toBe('expired_token');
    const cap = policyFor(failed.error!).maxAutoRetries!;
    expect(transport.calls).toHaveLength(cap + 1);
    expect(transport.queries).toHaveLength(0);
    expect(policyFor(failed.error!)).toEqual(
      expect.objectContaining({ messageKey: 'error_session', nextStep: 'reopen' }),
    );
    expect(queue.retry(item!.id)).toBe(true);
  });

  it('keeps waiting out a rate-limit storm without giving up, unless maxAutoResends says so', async () => {
    vi.useFakeTimers();
    const limited = () => ({
      ok: false as const,
      error: { code: 'QUERY_LIMIT_EXCEEDED', origin: 'server' as const, status: 503 },
    });
    const patientTransport = createFakeTransport([], limited);
    const patient = setup({ transport: patientTransport, backoff: () => 1_000 });
    const [a] = patient.queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await vi.advanceTimersByTimeAsync(100_000);
    expect(itemOf(patient.queue, a!.id).phase).toBe('waiting');
    expect(patientTransport.calls.length).toBeGreaterThan(50);

    const cappedTransport = createFakeTransport([], limited);
    const capped = setup({
      transport: cappedTransport,
      backoff: () => 1_000,
      maxAutoResends: 2,
    });
    const [b] = capped.queue.addFiles([createFile('b.txt')], { dialogId: 'chat5' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(itemOf(capped.queue, b!.id)).toEqual(
      expect.objectContaining({
        phase: 'failed',
        error: expect.objectContaining({ code: 'QUERY_LIMIT_EXCEEDED' }),
      }),
    );
    expect(cappedTransport.calls).toHaveLength(3);
    await patient.queue.dispose();
  });

  it.each([
    'WIDGET_CANCELLED',
    'WIDGET_INTERNAL',
    'WIDGET_UNEXPECTED_ANSWER',
    'WIDGET_STALLED',
  ] as const)(
    'checks the chat instead of resending after the transport reports %s',
    async (code) => {
      const transport = createFakeTransport([
        () => ({ ok: false, error: { code, origin: 'client' } }),
      ]);
      const receipt = receiptFor('chat5');
      transport.onFind = async () => receipt;
      const { queue } = setup({ transport });
      const checking = nextEvent(queue, 'upload-checking');
      const drained = nextEvent(queue, 'queue-drained');
      const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
      expect((await checking).item.phase).toBe('checking');
      await drained;
      expect(itemOf(queue, item!.id)).toEqual(
        expect.objectContaining({ phase: 'delivered', receipt }),
      );
      expect(transport.calls).toHaveLength(1);
    },
  );

  it('caps the default backoff at 60 s', () => {
    for (let attempt = 1; attempt <= 20; attempt += 1) {
      const ms = defaultBackoff(attempt);
      expect(ms).toBeGreaterThan(0);
      expect(ms).toBeLessThanOrEqual(MAX_BACKOFF_MS * 1.1);
    }
    expect(defaultBackoff(1)).toBeLessThan(defaultBackoff(4));
  });

  it('after an unknown outcome finds the file in the chat: delivered, and no second upload', async () => {
    let clock = 5_000;
    const transport = createFakeTransport([
      () => ({ ok: false, error: { code: 'NETWORK_ERROR', origin: 'transport', status: 0 } }),
    ]);
    const receipt = receiptFor('chat5');
    transport.onFind = async () => receipt;
    const { queue } = setup({ transport, now: () => (clock += 10) });
    const checking = vi.fn();
    queue.events.on('upload-checking', checking);
    const drained = nextEvent(queue, 'queue-drained');
    const [item] = queue.addFiles([createFile('a.txt', 3)], { dialogId: 'chat5' });

    expect(await drained).toEqual(expect.objectContaining({ delivered: 1, failed: 0 }));
    expect(itemOf(queue, item!.id)).toEqual(
      expect.objectContaining({ phase: 'delivered', receipt }),
    );
    expect(checking).toHaveBeenCalledTimes(1);
    expect(transport.calls).toHaveLength(1);
    expect(transport.queries).toEqual([
      expect.objectContaining({ dialogId: 'chat5', name: 'a.txt', size: 3 }),
    ]);
    // `since` is when the attempt began: after the file was added, before the check.
    const since = transport.queries[0]!.since;
    expect(since).toBeGreaterThan(item!.addedAt);
  });

  it('after an unknown outcome that is not in the chat: failed with a retry offered, resent only by retry()', async () => {
    const transport = createFakeTransport([
      () => ({ ok: false, error: { code: 'REQUEST_TIMEOUT', origin: 'transport', status: 408 } }),
    ]);
    const { queue, encoder } = setup({ transport });
    const drained = nextEvent(queue, 'queue-drained');
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    expect(await drained).toEqual(expect.objectContaining({ failed: 1, unknown: 0 }));

    const failed = itemOf(queue, item!.id);
    expect(failed.phase).toBe('failed');
    expect(failed.error).toEqual(
      expect.objectContaining({ code: 'REQUEST_TIMEOUT', deliveryCheck: 'not-found' }),
    );
    expect(policyFor(failed.error!)).toEqual(
      expect.objectContaining({ retry: 'offer', outcome: 'failed', nextStep: 'check-chat' }),
    );
    await tick();
    expect(transport.calls).toHaveLength(1);

    const again = nextEvent(queue, 'queue-drained');
    expect(queue.retry(item!.id)).toBe(true);
    await again;
    expect(itemOf(queue, item!.id).phase).toBe('delivered');
    expect(itemOf(queue, item!.id).attempts).toBe(2);
    expect(transport.calls).toHaveLength(2);
    // The base64 was dropped after the failure, so a retry reads the file again.
    expect(encoder.calls).toHaveLength(2);
  });

  it('when the delivery check itself fails: failed, outcome still unknown, next step check-chat', async () => {
    const transport = createFakeTransport([
      () => ({ ok: false, error: { code: 'BAD_GATEWAY', origin: 'server', status: 502 } }),
    ]);
    transport.onFind = async () => {
      throw new Error('offline');
    };
    const { queue } = setup({ transport });
    const drained = nextEvent(queue, 'queue-drained');
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    expect(await drained).toEqual(expect.objectContaining({ failed: 1, unknown: 1 }));

    const failed = itemOf(queue, item!.id);
    expect(failed.error).toEqual(
      expect.objectContaining({ code: 'BAD_GATEWAY', deliveryCheck: 'failed' }),
    );
    expect(policyFor(failed.error!)).toEqual(
      expect.objectContaining({ outcome: 'unknown', nextStep: 'check-chat' }),
    );
    await tick();
    expect(transport.calls).toHaveLength(1);
  });

  it('fails a refused upload without checking or resending', async () => {
    const transport = createFakeTransport([
      () => ({ ok: false, error: { code: 'ACCESS_DENIED', origin: 'server', status: 403 } }),
    ]);
    const { queue } = setup({ transport });
    const failed = nextEvent(queue, 'upload-failed');
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat7' });
    expect((await failed).error.code).toBe('ACCESS_DENIED');
    await tick();
    expect(transport.queries).toHaveLength(0);
    expect(transport.calls).toHaveLength(1);
    expect(queue.retry(item!.id)).toBe(false);
  });

  it('cancel while reading aborts the encoder signal and ends cancelled', async () => {
    const encoder = createFakeEncoder({ auto: false });
    const { queue, transport } = setup({ encoder });
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    expect(itemOf(queue, item!.id).phase).toBe('reading');
    const cancelled = nextEvent(queue, 'upload-cancelled');

    queue.cancel(item!.id);
    // The fake encoder ignores the signal on purpose: the engine must not wait for it.
    expect(encoder.calls[0]!.signal.aborted).toBe(true);
    expect((await cancelled).item.phase).toBe('cancelled');
    expect(transport.calls).toHaveLength(0);
  });

  it('cancel while sending aborts the transport signal and ends cancelled without a check', async () => {
    const transport = createFakeTransport([() => 'manual']);
    const { queue } = setup({ transport });
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await phaseReached(queue, item!.id, 'sending');
    transport.calls[0]!.request.onProgress(10, 100);
    const drained = nextEvent(queue, 'queue-drained');

    queue.cancel(item!.id);
    expect(transport.calls[0]!.request.signal.aborted).toBe(true);
    expect(await drained).toEqual(expect.objectContaining({ cancelled: 1 }));
    expect(itemOf(queue, item!.id).phase).toBe('cancelled');
    expect(transport.queries).toHaveLength(0);
  });

  it('cancel after the whole body was sent checks the chat: found ⇒ delivered, else failed as unknown and checked (never a silent cancelled)', async () => {
    const transport = createFakeTransport([() => 'manual', () => 'manual']);
    const receipt = receiptFor('chat5');
    let found = true;
    transport.onFind = async () => (found ? receipt : undefined);
    const { queue } = setup({ transport, concurrency: 1 });
    const [a, b] = queue.addFiles([createFile('a.txt'), createFile('b.txt')], {
      dialogId: 'chat5',
    });

    await phaseReached(queue, a!.id, 'sending');
    transport.calls[0]!.request.onProgress(100, 100);
    queue.cancel(a!.id);
    expect((await phaseReached(queue, a!.id, 'delivered')).receipt).toEqual(receipt);

    await phaseReached(queue, b!.id, 'sending');
    found = false;
    transport.calls[1]!.request.onProgress(100, 100);
    queue.cancel(b!.id);
    const failed = await phaseReached(queue, b!.id, 'failed');
    expect(failed.error).toEqual(
      expect.objectContaining({ code: 'WIDGET_UNKNOWN', deliveryCheck: 'not-found' }),
    );
    // The UI's hint: look in the chat before sending it again; a resend is the user's choice.
    expect(policyFor(failed.error!)).toEqual(
      expect.objectContaining({ nextStep: 'check-chat', retry: 'offer' }),
    );
    expect(transport.queries).toHaveLength(2);
    expect(transport.calls).toHaveLength(2);
  });

  it('cancel during checking lets the check finish and decide: not found ⇒ failed, checked, pointing to the chat', async () => {
    const transport = createFakeTransport([
      () => ({
        ok: false,
        error: { code: 'INTERNAL_SERVER_ERROR', origin: 'server', status: 500 },
      }),
    ]);
    let answer: (value: undefined) => void = () => undefined;
    transport.onFind = (query) =>
      new Promise((resolve) => {
        answer = resolve;
        expect(query.signal?.aborted).toBe(false);
      });
    const { queue } = setup({ transport });
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await phaseReached(queue, item!.id, 'checking');

    queue.cancel(item!.id);
    await tick();
    expect(itemOf(queue, item!.id).phase).toBe('checking');
    expect(transport.queries[0]!.signal?.aborted).toBe(false);
    answer(undefined);
    const failed = await phaseReached(queue, item!.id, 'failed');
    expect(failed.error).toEqual(
      expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR', deliveryCheck: 'not-found' }),
    );
    expect(transport.calls).toHaveLength(1);
  });

  it('cancel while queued ends cancelled at once, and cancelAll cancels every active file', async () => {
    const encoder = createFakeEncoder({ auto: false });
    const { queue } = setup({ encoder, concurrency: 1 });
    const [a, b, c] = queue.addFiles([createFile('a'), createFile('b'), createFile('c')], {
      dialogId: 'chat5',
    });
    queue.cancel(b!.id);
    expect(itemOf(queue, b!.id).phase).toBe('cancelled');
    const drained = nextEvent(queue, 'queue-drained');
    queue.cancelAll();
    expect(await drained).toEqual(expect.objectContaining({ cancelled: 3 }));
    expect([a, c].map((item) => itemOf(queue, item!.id).phase)).toEqual(['cancelled', 'cancelled']);
    expect(encoder.calls).toHaveLength(1);
  });

  it('keeps at most `concurrency` files in flight and reads the next only when a slot frees', async () => {
    const transport = createFakeTransport([], () => 'manual');
    const { queue, encoder } = setup({ transport });
    // Large files: each goes beside the others (small ones would be sent one at a time in order).
    const big = ORDERED_MAX_BYTES + 1;
    queue.addFiles(
      [createFile('1', big), createFile('2', big), createFile('3', big), createFile('4', big)],
      {
        dialogId: 'chat5',
      },
    );
    const inFlight = () =>
      queue.store.getState().items.filter((item) => ['reading', 'sending'].includes(item.phase))
        .length;
    await tick();
    expect(inFlight()).toBe(2);
    expect(encoder.calls).toHaveLength(2);
    expect(transport.calls).toHaveLength(2);

    transport.calls[0]!.result.resolve({ ok: true, receipt: receiptFor('chat5') });
    await tick();
    expect(inFlight()).toBe(2);
    expect(encoder.calls).toHaveLength(3);

    const drained = nextEvent(queue, 'queue-drained');
    for (const call of transport.calls.slice(1))
      call.result.resolve({ ok: true, receipt: receiptFor('chat5') });
    await tick();
    transport.calls[3]!.result.resolve({ ok: true, receipt: receiptFor('chat5') });
    expect((await drained).delivered).toBe(4);
  });

  it('sends small files one after another in drop order; the next stays queued until its turn', async () => {
    const transport = createFakeTransport([], () => 'manual');
    const { queue, encoder } = setup({ transport });
    const [, second] = queue.addFiles([createFile('1'), createFile('2'), createFile('3')], {
      dialogId: 'chat5',
    });
    await tick();
    expect(encoder.calls).toHaveLength(1);
    expect(sentNames(transport)).toEqual(['1']);
    expect(itemOf(queue, second!.id).phase).toBe('queued');

    transport.calls[0]!.result.resolve({ ok: true, receipt: receiptFor('chat5') });
    await tick();
    expect(sentNames(transport)).toEqual(['1', '2']);
    transport.calls[1]!.result.resolve({ ok: true, receipt: receiptFor('chat5') });
    await tick();
    expect(sentNames(transport)).toEqual(['1', '2', '3']);
  });

  it('sends a file larger than the ordered size beside the small ones, so they are not held up', async () => {
    const transport = createFakeTransport([], () => 'manual');
    const { queue } = setup({ transport });
    queue.addFiles(
      [createFile('video.mp4', ORDERED_MAX_BYTES + 1), createFile('a.jpg'), createFile('b.jpg')],
      {
        dialogId: 'chat5',
      },
    );
    await tick();
    expect(sentNames(transport)).toEqual(['video.mp4', 'a.jpg']);
    transport.calls[1]!.result.resolve({ ok: true, receipt: receiptFor('chat5') });
    await tick();
    // The big one is still going; the small ones go on past it, in their own order.
    expect(sentNames(transport)).toEqual(['video.mp4', 'a.jpg', 'b.jpg']);
  });

  it('keeps the last free slot for a small file, so two large files dropped with it do not hold it up', async () => {
    const transport = createFakeTransport([], () => 'manual');
    const { queue } = setup({ transport });
    const big = ORDERED_MAX_BYTES + 1;
    const [, bigB] = queue.addFiles(
      [
        createFile('a.mp4', big),
        createFile('b.mp4', big),
        createFile('1.jpg'),
        createFile('2.jpg'),
      ],
      { dialogId: 'chat5' },
    );
    await tick();
    expect(sentNames(transport)).toEqual(['a.mp4', '1.jpg']);
    expect(itemOf(queue, bigB!.id).phase).toBe('queued');
    transport.calls[1]!.result.resolve({ ok: true, receipt: receiptFor('chat5') });
    await tick();
    // a.mp4 is still going; the second small file takes the freed slot before b.mp4.
    expect(sentNames(transport)).toEqual(['a.mp4', '1.jpg', '2.jpg']);
    transport.calls[2]!.result.resolve({ ok: true, receipt: receiptFor('chat5') });
    await tick();
    // No small file waits any more: the large one may take the slot.
    expect(sentNames(transport)).toEqual(['a.mp4', '1.jpg', '2.jpg', 'b.mp4']);
  });

  it('keeps the turn of a rate-limited file, so the file dropped after it cannot overtake it', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const transport = createFakeTransport([
      () => ({ ok: false, error: { code: 'QUERY_LIMIT_EXCEEDED', origin: 'server', status: 503 } }),
    ]);
    const { queue } = setup({ transport, backoff: () => 2_000, now: Date.now });
    const drained = nextEvent(queue, 'queue-drained');
    queue.addFiles([createFile('1'), createFile('2')], { dialogId: 'chat5' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sentNames(transport)).toEqual(['1']);
    await vi.advanceTimersByTimeAsync(1_000);
    await drained;
    expect(sentNames(transport)).toEqual(['1', '1', '2']);
  });

  it('cancels at once a file that is waiting for its turn', async () => {
    const transport = createFakeTransport([], () => 'manual');
    const { queue } = setup({ transport });
    const [first, second] = queue.addFiles([createFile('1'), createFile('2')], {
      dialogId: 'chat5',
    });
    await tick();
    queue.cancel(second!.id);
    await tick();
    expect(itemOf(queue, second!.id).phase).toBe('cancelled');
    transport.calls[0]!.result.resolve({ ok: true, receipt: receiptFor('chat5') });
    await tick();
    expect(itemOf(queue, first!.id).phase).toBe('delivered');
    expect(transport.calls).toHaveLength(1);
  });

  it('defaults to two files in flight', async () => {
    const encoder = createFakeEncoder({ auto: false });
    const { queue } = setup({ encoder });
    const big = ORDERED_MAX_BYTES + 1;
    queue.addFiles([createFile('1', big), createFile('2', big), createFile('3', big)], {
      dialogId: 'chat5',
    });
    expect(encoder.calls).toHaveLength(2);
  });

  it('never moves progress backwards or over 100 %, whatever the ports report', async () => {
    const encoder = createFakeEncoder({ auto: false });
    const transport = createFakeTransport([() => 'manual']);
    const { queue } = setup({ encoder, transport });
    const percentages: number[] = [];
    queue.store.subscribe(() => {
      const value = queue.store.getState().items[0]?.progress.percentage;
      if (value !== undefined) percentages.push(value);
    });
    const [item] = queue.addFiles([createFile('a.bin', 1_000)], { dialogId: 'chat5' });
    const read = encoder.calls[0]!;
    read.onProgress(600);
    read.onProgress(300);
    read.onProgress(5_000);
    read.result.resolve(new Blob(['x'.repeat(1_336)]));
    await phaseReached(queue, item!.id, 'sending');
    const send = transport.calls[0]!.request;
    send.onProgress(700, 1_400);
    send.onProgress(100, 1_400);
    send.onProgress(9_999, 1_400);
    send.onProgress(200, undefined);
    transport.calls[0]!.result.resolve({ ok: true, receipt: receiptFor('chat5') });
    await phaseReached(queue, item!.id, 'delivered');

    expect(percentages.length).toBeGreaterThan(5);
    for (let i = 1; i < percentages.length; i += 1) {
      expect(percentages[i]).toBeGreaterThanOrEqual(percentages[i - 1]!);
    }
    expect(Math.max(...percentages)).toBe(100);
    expect(percentages.filter((value) => value === 100)).toHaveLength(1);
  });

  it('has no stall watchdog of its own: a WIDGET_STALLED outcome from the transport is an unknown outcome, checked in the chat', async () => {
    vi.useFakeTimers();
    const transport = createFakeTransport([() => 'manual']);
    const { queue } = setup({ transport });
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await vi.advanceTimersByTimeAsync(0);
    // Five minutes without progress: only the transport decides that a request stalled.
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(itemOf(queue, item!.id).phase).toBe('sending');
    expect(transport.calls[0]!.request.signal.aborted).toBe(false);

    transport.calls[0]!.result.resolve({
      ok: false,
      error: { code: 'WIDGET_STALLED', origin: 'transport', detail: 'no upload progress for 60 s' },
    });
    await vi.advanceTimersByTimeAsync(0);
    const failed = itemOf(queue, item!.id);
    expect(failed.phase).toBe('failed');
    expect(failed.error).toEqual(
      expect.objectContaining({ code: 'WIDGET_STALLED', deliveryCheck: 'not-found' }),
    );
    expect(transport.queries).toHaveLength(1);
    expect(transport.calls).toHaveLength(1);
  });

  it('gives up on a transport that never settles after portDeadlineMs as WIDGET_PORT_TIMEOUT, aborts it and checks the chat', async () => {
    vi.useFakeTimers();
    const transport = createFakeTransport([() => 'manual']);
    transport.onFind = async () => receiptFor('chat5');
    const { queue } = setup({ transport, portDeadlineMs: 50_000 });
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(49_999);
    expect(itemOf(queue, item!.id).phase).toBe('sending');
    await vi.advanceTimersByTimeAsync(1);
    expect(transport.calls[0]!.request.signal.aborted).toBe(true);
    expect(transport.queries).toHaveLength(1);
    expect(itemOf(queue, item!.id).phase).toBe('delivered');
    expect(transport.calls).toHaveLength(1);
  });

  it('fails a read whose encoder never settles after portDeadlineMs as WIDGET_READ_FAILED, never sending', async () => {
    vi.useFakeTimers();
    const encoder = createFakeEncoder({ auto: false });
    const { queue, transport } = setup({ encoder, portDeadlineMs: 50_000 });
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await vi.advanceTimersByTimeAsync(50_000);
    expect(encoder.calls[0]!.signal.aborted).toBe(true);
    const failed = itemOf(queue, item!.id);
    expect(failed.phase).toBe('failed');
    expect(failed.error?.code).toBe('WIDGET_READ_FAILED');
    expect(transport.calls).toHaveLength(0);
  });

  it('never counts one message for two files: a check excludes the message ids of receipts already held for the chat', async () => {
    const storage = createMemoryLedgerStorage();
    // An earlier session delivered a same-named file as message 7.
    storage.data.set('chat5', [createLedgerEntry({ id: 'old' })]);
    const first = receiptFor('chat5');
    const transport = createFakeTransport([
      () => ({ ok: true, receipt: first }),
      () => ({
        ok: false,
        error: { code: 'INTERNAL_SERVER_ERROR', origin: 'server', status: 500 },
      }),
    ]);
    const { queue } = setup({ transport, ledger: storage, concurrency: 1 });
    const [a] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await phaseReached(queue, a!.id, 'delivered');
    queue.clearFinished();
    const [b] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await phaseReached(queue, b!.id, 'failed');

    expect(transport.queries).toHaveLength(1);
    expect([...(transport.queries[0]!.excludeMessageIds ?? [])].sort((x, y) => x - y)).toEqual(
      [7, first.messageId].sort((x, y) => x - y),
    );
  });

  it('never counts one message for two files: a receipt another file already holds is not a delivery', async () => {
    const first = receiptFor('chat5');
    const transport = createFakeTransport([
      () => ({ ok: true, receipt: first }),
      () => ({
        ok: false,
        error: { code: 'INTERNAL_SERVER_ERROR', origin: 'server', status: 500 },
      }),
    ]);
    // A transport that ignores excludeMessageIds and answers with the first file's message.
    transport.onFind = async () => first;
    const { queue } = setup({ transport, concurrency: 1 });
    const [a, b] = queue.addFiles([createFile('a.txt'), createFile('a.txt')], {
      dialogId: 'chat5',
    });
    await phaseReached(queue, a!.id, 'delivered');
    const failed = await phaseReached(queue, b!.id, 'failed');
    expect(failed.receipt).toBeUndefined();
    expect(failed.error).toEqual(expect.objectContaining({ deliveryCheck: 'not-found' }));
  });

  it('a subscriber that throws cannot stop an upload: the ledger, the receipts and the events go on', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown): void => void rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      const storage = createMemoryLedgerStorage();
      const { queue, transport } = setup({ ledger: storage, concurrency: 1 });
      queue.store.subscribe(() => {
        throw new Error('broken view');
      });
      for (const type of ['upload-started', 'upload-succeeded', 'queue-drained'] as const) {
        queue.events.on(type, () => {
          throw new Error(`broken ${type} handler`);
        });
      }
      const succeeded = vi.fn();
      queue.events.on('upload-succeeded', succeeded);
      const drained = nextEvent(queue, 'queue-drained');
      const [a, b] = queue.addFiles([createFile('a.txt'), createFile('b.txt')], {
        dialogId: 'chat5',
      });
      expect(await drained).toMatchObject({ delivered: 2, failed: 0 });
      expect(succeeded).toHaveBeenCalledTimes(2);
      expect(transport.calls).toHaveLength(2);
      await queue.dispose();
      const stored = storage.data.get('chat5') ?? [];
      expect(stored.map((entry) => [entry.id, entry.state]).sort()).toEqual(
        [
          [a!.id, 'delivered'],
          [b!.id, 'delivered'],
        ].sort(),
      );
      await tick();
      expect(rejections).toEqual([]);
      expect(log.mock.calls.flat().join(' ')).toContain('broken view');
    } finally {
      process.off('unhandledRejection', onRejection);
      log.mockRestore();
    }
  });

  it('emits upload-retried and file-removed, and hands out the picked file while its row exists', async () => {
    const transport = createFakeTransport([
      () => ({ ok: false, error: { code: 'SEND_FAILED', origin: 'server', status: 400 } }),
    ]);
    const { queue } = setup({ transport });
    const file = createFile('a.txt');
    const drained = nextEvent(queue, 'queue-drained');
    const [item] = queue.addFiles([file], { dialogId: 'chat5' });
    expect(queue.fileFor(item!.id)).toBe(file);
    await drained;
    const retried = nextEvent(queue, 'upload-retried');
    expect(queue.retry(item!.id)).toBe(true);
    expect((await retried).item).toMatchObject({ id: item!.id, phase: 'queued' });
    await phaseReached(queue, item!.id, 'delivered');
    const removed = nextEvent(queue, 'file-removed');
    queue.remove(item!.id);
    expect((await removed).item.id).toBe(item!.id);
    expect(queue.fileFor(item!.id)).toBeUndefined();
  });

  it('logs an engine failure as one scrubbed line, never the error object (it may carry auth)', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const token = 'f00dfeedf00dfeedf00dfeedf00dfeed';
    const transport = createFakeTransport([
      () => ({ ok: false, error: { code: 'QUERY_LIMIT_EXCEEDED', origin: 'server', status: 503 } }),
    ]);
    // A port that breaks its contract by throwing an SDK-like error with its request attached.
    const backoff = (): number => {
      throw Object.assign(new Error(`refresh failed: access_token=${token}&AUTH_ID=${token}`), {
        requestInfo: { params: { auth: token } },
      });
    };
    const { queue } = setup({ transport, backoff });
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await phaseReached(queue, item!.id, 'failed');
    expect(log).toHaveBeenCalledTimes(1);
    const args = log.mock.calls[0]!;
    for (const arg of args) expect(typeof arg).toBe('string');
    expect(args.join(' ')).toContain('[chat-drop]');
    expect(args.join(' ')).not.toContain(token);
    log.mockRestore();
  });

  it('reports an encoder failure as data with the encoder code', async () => {
    const encoder = createFakeEncoder({ auto: false });
    const { queue } = setup({ encoder });
    const failed = nextEvent(queue, 'upload-failed');
    queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    encoder.calls[0]!.result.reject(
      Object.assign(new Error('gone'), { code: 'WIDGET_READ_FAILED', detail: 'NotFoundError' }),
    );
    expect((await failed).error).toEqual({
      code: 'WIDGET_READ_FAILED',
      origin: 'client',
      detail: 'NotFoundError',
    });
  });

  it('remove aborts a file in flight and drops its row', async () => {
    const transport = createFakeTransport([() => 'manual']);
    const { queue } = setup({ transport });
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await phaseReached(queue, item!.id, 'sending');
    queue.remove(item!.id);
    expect(transport.calls[0]!.request.signal.aborted).toBe(true);
    expect(queue.store.getState().items).toEqual([]);
  });

  it('clearFinished drops delivered and cancelled rows but keeps failed ones', async () => {
    const transport = createFakeTransport([
      () => ({ ok: false, error: { code: 'UPLOAD_FAILED', origin: 'server', status: 400 } }),
    ]);
    const { queue } = setup({ transport, concurrency: 1 });
    const drained = nextEvent(queue, 'queue-drained');
    const [failed, delivered, cancelled] = queue.addFiles(
      [createFile('f'), createFile('d'), createFile('c')],
      {
        dialogId: 'chat5',
      },
    );
    queue.cancel(cancelled!.id);
    await drained;
    expect(itemOf(queue, delivered!.id).phase).toBe('delivered');
    queue.clearFinished();
    expect(queue.store.getState().items.map((item) => item.id)).toEqual([failed!.id]);
  });

  it('persists the ledger and reloads it in a new session, unfinished work marked as such', async () => {
    const storage = createMemoryLedgerStorage();
    const transport = createFakeTransport([
      () => ({ ok: true, receipt: { messageId: 77, fileId: 1, chatId: 5, dialogId: 'chat5' } }),
      () => ({ ok: false, error: { code: 'UPLOAD_FAILED', origin: 'server', status: 400 } }),
      () => 'manual',
    ]);
    const first = setup({ transport, ledger: storage, concurrency: 3 });
    const [delivered, failed, sending] = first.queue.addFiles(
      [createFile('d.txt'), createFile('f.txt'), createFile('s.txt')],
      {
        dialogId: 'chat5',
      },
    );
    await phaseReached(first.queue, failed!.id, 'failed');
    await phaseReached(first.queue, delivered!.id, 'delivered');
    await phaseReached(first.queue, sending!.id, 'sending');
    await first.queue.dispose();

    const second = setup({ ledger: storage });
    const entries = await second.queue.loadHistory('chat5');
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    expect(byName.get('d.txt')).toEqual(
      expect.objectContaining({ state: 'delivered', messageId: 77, id: delivered!.id }),
    );
    expect(byName.get('f.txt')).toEqual(
      expect.objectContaining({ state: 'failed', errorCode: 'UPLOAD_FAILED' }),
    );
    expect(byName.get('s.txt')).toEqual(
      expect.objectContaining({ state: 'unknown', id: sending!.id }),
    );
    expect(JSON.stringify(entries)).not.toMatch(/content|QUJD/);
    expect(await second.queue.loadHistory('chat9')).toEqual([]);
  });

  it('parts of the panel asking for the history at once share one read of the chat', async () => {
    const storage = createMemoryLedgerStorage();
    const first = setup({ ledger: storage, transport: createFakeTransport([() => 'manual']) });
    const [sending] = first.queue.addFiles([createFile('s.txt')], { dialogId: 'chat5' });
    await phaseReached(first.queue, sending!.id, 'sending');
    await first.queue.dispose();

    const transport = createFakeTransport();
    const listOwnFileMessages = vi.fn(async () => []);
    Object.assign(transport.transport, { listOwnFileMessages });
    const second = setup({ ledger: storage, transport });
    const [a, b] = await Promise.all([
      second.queue.loadHistory('chat5'),
      second.queue.loadHistory('chat5'),
    ]);
    expect(a).toBe(b);
    expect(listOwnFileMessages).toHaveBeenCalledTimes(1);
    // A later call reads again: the chat may have changed since.
    await second.queue.loadHistory('chat5');
    expect(listOwnFileMessages).toHaveBeenCalledTimes(2);
  });

  it('keeps uploading when ledger storage fails', async () => {
    const { queue } = setup({
      ledger: {
        load: () => Promise.reject(new Error('SecurityError')),
        save: () => Promise.reject(new Error('QuotaExceededError')),
      },
    });
    const drained = nextEvent(queue, 'queue-drained');
    queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    expect((await drained).delivered).toBe(1);
    await queue.dispose();
    expect(await queue.loadHistory('chat5')).toEqual([
      expect.objectContaining({ name: 'a.txt', state: 'delivered' }),
    ]);
  });

  it('dispose aborts work in flight without marking it cancelled', async () => {
    const transport = createFakeTransport([() => 'manual']);
    const { queue } = setup({ transport });
    const cancelled = vi.fn();
    queue.events.on('upload-cancelled', cancelled);
    const [item] = queue.addFiles([createFile('a.txt')], { dialogId: 'chat5' });
    await phaseReached(queue, item!.id, 'sending');
    await queue.dispose();
    expect(transport.calls[0]!.request.signal.aborted).toBe(true);
    await tick();
    expect(itemOf(queue, item!.id).phase).toBe('sending');
    expect(cancelled).not.toHaveBeenCalled();
    expect(queue.addFiles([createFile('b')], { dialogId: 'chat5' })).toEqual([]);
  });
});
