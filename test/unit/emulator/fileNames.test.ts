import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH } from '../../../emulator/correctFileName.ts';
import { postJson, startTestEmulator } from './startTestEmulator.ts';
import type { TestEmulator } from './startTestEmulator.ts';

const run = promisify(execFile);
let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator();
});
afterAll(async () => {
  await t.stop();
});

/** The docs' webhook curl example, with the name given (portal reference §4.1). */
async function curlUpload(dialogId: string, name: string): Promise<{ file: { name: string } }> {
  const body = JSON.stringify({ dialogId, fields: { name, content: 'SGVsbG8=' } });
  const { stdout } = await run('curl', [
    '-s',
    '-X',
    'POST',
    '-H',
    'Content-Type: application/json',
    '-H',
    'Accept: application/json',
    '-d',
    body,
    `${t.hook}im.v2.File.upload`,
  ]);
  return (JSON.parse(stdout) as { result: { file: { name: string } } }).result;
}

describe('stored names follow the Disk rules (portal reference §7.1)', () => {
  it.each([
    ['Отчёт: Q3 "итог"?.pdf', 'Отчёт_ Q3 _итог__.pdf'],
    ['📊 plan.xlsx', '_ plan.xlsx'],
    ['a<b>|c*.txt', 'a_b__c_.txt'],
    ['  padded.txt \t', 'padded.txt'],
    ['tab\there.txt', 'tab_here.txt'],
    ['👍🏽 ok.txt', '_ ok.txt'],
  ])('%j is stored as %j', async (given, stored) => {
    expect((await curlUpload('chat9', given)).file.name).toBe(stored);
  });

  it('a name already in the chat folder becomes name (1).ext, name (2).ext; another chat is its own folder', async () => {
    const names = [];
    for (let i = 0; i < 3; i += 1) names.push((await curlUpload('chat5', 'same.pdf')).file.name);
    expect(names).toEqual(['same.pdf', 'same (1).pdf', 'same (2).pdf']);
    expect((await curlUpload('2', 'same.pdf')).file.name).toBe('same.pdf');
  });

  it('cuts a name over 255 characters to 255, keeping the extension', async () => {
    const name = (await curlUpload('chat9', `${'x'.repeat(300)}.tar.gz`)).file.name;
    expect([...name]).toHaveLength(MAX_NAME_LENGTH);
    expect(name.endsWith('x.gz')).toBe(true);
  });

  it('the chat view, im.dialog.messages.get and the upload log show the stored name', async () => {
    const stored = (await curlUpload('chat9', 'view: me?.txt')).file.name;
    expect(stored).toBe('view_ me_.txt');
    const ui = (await (
      await fetch(`${t.emu.url}/_emulator/ui/messages?user=1&dialogId=chat9`)
    ).json()) as { files: { name: string }[] }[];
    expect(ui.flatMap((m) => m.files.map((f) => f.name))).toContain(stored);
    const rest = await postJson(`${t.hook}im.dialog.messages.get`, { DIALOG_ID: 'chat9' });
    const files = (rest.json.result as { files: { name: string }[] }).files;
    expect(files.map((f) => f.name)).toContain(stored);
    expect(t.emu.uploads().at(-1)?.name).toBe(stored);
  });
});
