import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';

/** What the portal has stored of one chat's ledger: each entry's name and state code ('d', …). */
type StoredEntry = { readonly name: string; readonly state: string };

async function storedLedger(
  dataDir: string,
  userId: number,
  dialogId: string,
): Promise<StoredEntry[]> {
  let state: { apps?: { userOptions?: Record<string, Record<string, unknown>> }[] };
  try {
    state = JSON.parse(await readFile(join(dataDir, 'state.json'), 'utf8')) as typeof state;
  } catch {
    return []; // Not written yet, or caught mid-rename: the poll asks again.
  }
  return (state.apps ?? []).flatMap((app) => {
    const value = app.userOptions?.[String(userId)]?.[`ledger.${dialogId}`];
    if (typeof value !== 'string') return [];
    const rows = JSON.parse(value) as unknown[][];
    // Row layout of src/bitrix/createUserOptionLedgerStorage.ts: [id, name, size, lastModified, state, …].
    return rows.map((row) => ({ name: String(row[1]), state: String(row[4]) }));
  });
}

/**
 * Waits (deadline `timeoutMs`, default 15 s) until the portal has stored, in the user option
 * `ledger.<dialogId>` of `userId` read from the emulator's persisted state (`<dataDir>/state.json`),
 * an entry of `name` as delivered. The portal writes setUserOption up to 5 s after the frame asked
 * (docs/portal-reference.md §7.6), so a later session opened before that reads a ledger without it.
 */
export async function waitForStoredLedger(
  dataDir: string,
  name: string,
  options: { userId?: number; dialogId?: string; timeoutMs?: number } = {},
): Promise<void> {
  const { userId = 1, dialogId = 'chat5', timeoutMs = 15_000 } = options;
  await expect
    .poll(
      async () =>
        (await storedLedger(dataDir, userId, dialogId)).some(
          (entry) => entry.name === name && entry.state === 'd',
        ),
      { timeout: timeoutMs, message: `the portal stored "${name}" as delivered in its ledger` },
    )
    .toBe(true);
}
