import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJsonFile } from '../../../emulator/parseJsonFile.ts';
import { SpilledString } from '../../../emulator/SpilledString.ts';

const dir = mkdtempSync(join(tmpdir(), 'emu-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Replaces spilled strings by their text, so the result compares with JSON.parse. */
function materialise(value: unknown): unknown {
  if (value instanceof SpilledString) return readFileSync(value.path, 'utf8');
  if (Array.isArray(value)) return value.map(materialise);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialise(v)]));
  }
  return value;
}

function parse(text: string, threshold = 8): unknown {
  const path = join(dir, `doc-${Math.random().toString(16).slice(2)}.json`);
  writeFileSync(path, text);
  const spills: string[] = [];
  const value = parseJsonFile(path, dir, spills, threshold);
  return value === undefined ? undefined : materialise(value);
}

describe('parseJsonFile equals JSON.parse', () => {
  it.each([
    '{"dialogId":"chat5","fields":{"name":"r\\u00e9sum\\u00e9 \\"x\\".pdf","content":"SGVsbG8gV29ybGQh","message":"a\\nb\\t\\/c"}}',
    '{"a":[1,-2.5,3e2,true,false,null,{"b":[]}],"c":{},"d":"\\ud83d\\ude00 emoji and long enough to spill"}',
    '  [ "x" , {"y":"z"} ] ',
    '{"dup":"first","dup":"second"}',
    '{"unicode":"Müller — 漢字 long enough to spill over the threshold"}',
  ])('parses %s', (text) => {
    expect(parse(text)).toEqual(JSON.parse(text));
  });

  it.each(['{"a":', '{"a":"unterminated', '{"a":1,}', '{"a":01}', '{"a":"\\x"}', '[1] 2', ''])(
    'answers undefined where JSON.parse throws: %s',
    (text) => {
      expect(() => JSON.parse(text)).toThrow();
      expect(parse(text)).toBeUndefined();
    },
  );
});
