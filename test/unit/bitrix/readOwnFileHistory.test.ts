import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBitrixTransport } from '../../../src/bitrix/createBitrixTransport.ts';
import { json, startFakePortal, TIME, type FakePortal, type Received } from './startFakePortal.ts';
import { fixedAuth, TestB24 } from './TestB24.ts';

/**
 * The chat's history as a real portal pages it (im.dialog.messages.get, public core
 * `im/lib/chat.php`): with LAST_ID newest first below it, with FIRST_ID ascending above it, and
 * without either — when the caller has more unread messages than LIMIT — a page that starts at
 * the caller's last read message instead of the newest one.
 */
interface Message {
  id: number;
  author: number;
  fileId?: number;
}
const ME = 1;
const SERVER_DATE = TIME.date_start;

let portal: FakePortal;
let messages: Message[];
let lastRead: number;
let historyParams: Record<string, unknown>[];

function view(list: Message[]) {
  return list.map((m) => ({
    id: m.id,
    chat_id: 5,
    author_id: m.author,
    date: SERVER_DATE,
    text: '',
    params: m.fileId === undefined ? [] : { FILE_ID: [m.fileId] },
  }));
}

function route(request: Received, response: ServerResponse): void {
  const method = new URL(request.url, 'http://x').pathname.split('/').pop();
  const params = JSON.parse(request.body.toString() || '{}') as Record<string, unknown>;
  if (method === 'profile') return json(response, 200, { result: { ID: String(ME) }, time: TIME });
  if (method === 'im.dialog.get')
    return json(response, 200, {
      result: { id: 5, last_message_id: messages.at(-1)?.id ?? 0 },
      time: TIME,
    });
  historyParams.push(params);
  const limit = Number(params['LIMIT'] ?? 20);
  let page: Message[];
  if (params['LAST_ID'] !== undefined) {
    page = messages
      .filter((m) => m.id < Number(params['LAST_ID']))
      .slice(-limit)
      .reverse();
  } else if (params['FIRST_ID'] !== undefined) {
    page = messages.filter((m) => m.id > Number(params['FIRST_ID'])).slice(0, limit);
  } else {
    // More unread than LIMIT: the first LIMIT unread after the last read one, then older ones.
    const unread = messages.filter((m) => m.id > lastRead).slice(0, limit);
    page = [...unread].reverse();
  }
  const files = page
    .filter((m) => m.fileId !== undefined)
    .map((m) => ({ id: m.fileId, name: `f${m.fileId}.bin`, size: 3 }));
  json(response, 200, {
    result: { chat_id: 5, messages: view(page), files, users: [] },
    time: TIME,
  });
}

beforeEach(async () => {
  portal = await startFakePortal();
  portal.fallback = route;
  historyParams = [];
});
afterEach(async () => {
  await portal.close();
});

function finder(maxHistoryPages = 4) {
  const b24 = new TestB24(fixedAuth(portal.origin, { current: 't' }));
  // The test's clock is the server's: every message is "now".
  return createBitrixTransport(b24, { now: () => Date.parse(SERVER_DATE), maxHistoryPages });
}

describe('reading the history with unread messages', () => {
  it('finds the newest file although 120 unread messages make the default page an old one', async () => {
    messages = Array.from({ length: 140 }, (_, i) => ({ id: i + 1, author: 2 }));
    messages.push({ id: 141, author: ME, fileId: 9 });
    lastRead = 20;
    const transport = finder();
    const receipt = await transport.findDelivery({
      dialogId: 'chat5',
      name: 'f9.bin',
      size: 3,
      since: Date.parse(SERVER_DATE) - 1000,
    });
    expect(receipt).toMatchObject({ messageId: 141, fileId: 9, storedName: 'f9.bin' });
    for (const params of historyParams)
      expect(params['LAST_ID'] ?? params['FIRST_ID'], JSON.stringify(params)).toBeDefined();
    transport.dispose();
  });

  it('says "cannot tell" instead of "not there" when the pages it may read do not reach back far enough', async () => {
    messages = Array.from({ length: 140 }, (_, i) => ({ id: i + 1, author: 2 }));
    lastRead = 20;
    const transport = finder(2);
    await expect(
      transport.findDelivery({ dialogId: 'chat5', name: 'x.bin', size: 3, since: 0 }),
    ).rejects.toMatchObject({ name: 'IncompleteHistoryError' });
    transport.dispose();
  });

  it('stops a running check when its signal aborts: the history request is cancelled on the wire', async () => {
    messages = [{ id: 1, author: ME, fileId: 1 }];
    let closed!: Promise<void>;
    portal.fallback = (request, response) => {
      if (request.url.includes('im.dialog.messages.get')) {
        closed = new Promise((resolve) => response.on('close', () => resolve()));
        return; // never answers
      }
      route(request, response);
    };
    const transport = finder();
    const controller = new AbortController();
    const pending = transport.findDelivery({
      dialogId: 'chat5',
      name: 'f1.bin',
      size: 3,
      since: 0,
      signal: controller.signal,
    });
    const deadline = Date.now() + 5_000;
    while (!closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await closed;
    transport.dispose();
  });
});
