import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperatingLimiter } from '../../../emulator/rest/createOperatingLimiter.ts';
import { postJson, startTestEmulator } from './startTestEmulator.ts';
import type { TestEmulator } from './startTestEmulator.ts';

interface Time {
  start: number;
  duration: number;
  processing: number;
  operating: number;
  operating_reset_at: number;
}

let t: TestEmulator;
beforeAll(async () => {
  // Every millisecond of processing is billed as 10 s: one upload reaches a 5 s limit.
  t = await startTestEmulator({ operatingLimitSeconds: 5, processingScale: 10_000 });
});
afterAll(async () => {
  await t.stop();
});

const upload = (name: string): ReturnType<typeof postJson> =>
  postJson(`${t.hook}im.v2.File.upload`, {
    dialogId: 'chat5',
    fields: { name, content: Buffer.alloc(1_000_000, 7).toString('base64') },
  });

describe('operating-time limit per (auth, webhook/app, method) (portal reference §7.3)', () => {
  it('bills processing, reports operating and operating_reset_at, then refuses the method with 429', async () => {
    const before = Math.floor(Date.now() / 1000);
    const first = await upload('op-1.bin');
    expect(first.status).toBe(200);
    const time = first.json.time as Time;
    expect(time.operating).toBeGreaterThan(5);
    expect(time.operating_reset_at).toBeGreaterThanOrEqual(before + 600);
    expect(time.operating_reset_at).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 600);

    const count = t.emu.uploads().length;
    const refused = await upload('op-2.bin');
    expect([refused.status, refused.json.error]).toEqual([429, 'OPERATION_TIME_LIMIT']);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
    expect(t.emu.uploads()).toHaveLength(count);

    // Another method of the same webhook has its own key.
    const other = await postJson(`${t.hook}profile`, {});
    expect(other.status).toBe(200);
    // So does the same method called by an app token (another auth type).
    const token = await t.token();
    const byApp = await postJson(`${t.emu.url}/rest/im.v2.File.upload`, {
      auth: token,
      dialogId: 'chat5',
      fields: { name: 'op-app.txt', content: 'YWJj' },
    });
    expect(byApp.status).toBe(200);
  });

  it('batch is not billed; its sub-calls are, each refused in result_error once over the limit', async () => {
    const own = await startTestEmulator({ operatingLimitSeconds: 5, processingScale: 10_000 });
    try {
      const content = Buffer.alloc(300_000, 1).toString('base64');
      const cmd = {
        up: `im.v2.File.upload?dialogId=chat5&fields[name]=b.bin&fields[content]=${encodeURIComponent(content)}`,
      };
      const first = await postJson(`${own.hook}batch`, { cmd });
      const inner = first.json.result as { result_time: Record<string, Time> };
      expect(inner.result_time.up?.operating).toBeGreaterThan(5);
      expect((first.json.time as Time).operating).toBe(0);
      const second = await postJson(`${own.hook}batch`, { cmd });
      expect(second.status).toBe(200);
      const refused = second.json.result as { result_error: Record<string, { error: string }> };
      expect(refused.result_error.up?.error).toBe('OPERATION_TIME_LIMIT');
    } finally {
      await own.stop();
    }
  });

  it('the limiter counts only calls over 0.1 s, in 60 s baskets that expire 600 s after they start', () => {
    const limiter = createOperatingLimiter(480);
    const t0 = 1_000_000;
    limiter.bill('k', 0.1, t0);
    expect(limiter.usage('k', t0).operating).toBe(0);
    limiter.bill('k', 300, t0);
    limiter.bill('k', 200, t0 + 30_000);
    expect(limiter.blocked('k', t0 + 30_000)).toBe(true);
    expect(limiter.usage('k', t0 + 30_000)).toEqual({
      operating: 500,
      resetAt: Math.floor((t0 + 600_000) / 1000),
    });
    // A call 61 s later starts a second basket; the first one frees at t0 + 600 s.
    limiter.bill('k', 1, t0 + 61_000);
    expect(limiter.blocked('k', t0 + 599_000)).toBe(true);
    expect(limiter.blocked('k', t0 + 600_000)).toBe(false);
    expect(limiter.usage('k', t0 + 600_000).operating).toBe(1);
  });
});

describe('the time block measures server work only (portal reference §7.4)', () => {
  it('starts after the body was read: a body sent over ~800 ms gives a short duration', async () => {
    const own = await startTestEmulator();
    const url = new URL(`${own.hook}profile`);
    const body = JSON.stringify({ padding: 'x'.repeat(1000) });
    const sentAt = Date.now();
    const answer = await new Promise<{ time: Time }>((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (part: Buffer) => parts.push(part));
          res.on('end', () =>
            resolve(JSON.parse(Buffer.concat(parts).toString()) as { time: Time }),
          );
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 800);
    });
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(750);
    expect(answer.time.start * 1000).toBeGreaterThanOrEqual(sentAt + 750);
    expect(answer.time.duration).toBeLessThan(0.5);
    await own.stop();
  });
});

describe('test control: the operating limiter clock (not portal behaviour)', () => {
  it('POST /_emulator/operating-clock moves only the limiter’s clock: past the window the method runs again', async () => {
    const own = await startTestEmulator({ operatingLimitSeconds: 5, processingScale: 10_000 });
    try {
      const send = (name: string) =>
        postJson(`${own.hook}im.v2.File.upload`, {
          dialogId: 'chat5',
          fields: { name, content: Buffer.alloc(1_000_000, 7).toString('base64') },
        });
      expect((await send('clock-1.bin')).status).toBe(200);
      expect((await send('clock-2.bin')).status).toBe(429);
      const clock = `${own.emu.url}/_emulator/operating-clock`;
      expect((await postJson(clock, { advanceMs: -1 })).status).toBe(400);
      const moved = await postJson(clock, { advanceMs: 601_000 });
      expect([moved.status, moved.json.offsetMs]).toEqual([200, 601_000]);
      expect((await send('clock-3.bin')).status).toBe(200);
    } finally {
      await own.stop();
    }
  });
});
