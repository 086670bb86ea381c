import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { spliceUploadBody } from '../../../src/bitrix/spliceUploadBody.ts';

const PLACEHOLDER = 'chatdrop_0123456789abcdef0123456789abcdef';

function paramsWith(content: string, name: string, message?: string): Record<string, unknown> {
  const fields: Record<string, string> = { name, content };
  if (message !== undefined) fields['message'] = message;
  return { dialogId: 'chat5', fields, auth: 'a'.repeat(70) };
}

const NAMES = [
  'report.pdf',
  'he said "hi".txt',
  'back\\slash\tand\nnewline.txt',
  'Отчёт за квартал.xlsx',
  '🎉 party 👨‍👩‍👧.png',
  'lone surrogate \ud800.bin',
  '</script><b>x</b>.html',
];

describe('spliceUploadBody', () => {
  it.each(NAMES)(
    'produces exactly the bytes of JSON.stringify(params) for the name %j',
    async (name) => {
      const base64 = Buffer.from(randomBytes(1000)).toString('base64');
      const message = `Message for ${name} — «цитата» "quoted" 😀`;
      const body = spliceUploadBody(
        paramsWith(PLACEHOLDER, name, message),
        PLACEHOLDER,
        new Blob([base64]),
      );
      const expected = Buffer.from(JSON.stringify(paramsWith(base64, name, message)), 'utf8');
      expect(Buffer.from(await body.arrayBuffer()).equals(expected)).toBe(true);
      expect(body.type).toBe('application/json');
    },
  );

  it('works without a message and with an empty file', async () => {
    const body = spliceUploadBody(paramsWith(PLACEHOLDER, 'a.txt'), PLACEHOLDER, new Blob([]));
    expect(await body.text()).toBe(JSON.stringify(paramsWith('', 'a.txt')));
  });

  it('accepts a body that is already a JSON string', async () => {
    const json = JSON.stringify(paramsWith(PLACEHOLDER, 'x.txt'));
    const body = spliceUploadBody(json, PLACEHOLDER, new Blob(['QUJD']));
    expect(await body.text()).toBe(JSON.stringify(paramsWith('QUJD', 'x.txt')));
  });

  it('refuses a body where the placeholder is missing or repeated', () => {
    expect(() => spliceUploadBody(paramsWith('other', 'x'), PLACEHOLDER, new Blob([]))).toThrow(
      /exactly once/,
    );
    expect(() =>
      spliceUploadBody(paramsWith(PLACEHOLDER, 'x', PLACEHOLDER), PLACEHOLDER, new Blob([])),
    ).toThrow(/exactly once/);
  });

  it('does not treat a name that merely contains the placeholder text as the content', async () => {
    const name = `${PLACEHOLDER}.txt`;
    const body = spliceUploadBody(paramsWith(PLACEHOLDER, name), PLACEHOLDER, new Blob(['QUJD']));
    expect(await body.text()).toBe(JSON.stringify(paramsWith('QUJD', name)));
  });
});
