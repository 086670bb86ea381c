import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SpilledString } from './SpilledString.ts';
import { setOwn } from './params.ts';
import type { ParamValue, Params } from './params.ts';

const READ_SIZE = 1 << 20;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class JsonSyntaxError extends Error {}

/**
 * Parses a JSON document stored in a file without reading it into one string: string values
 * longer than `spillThreshold` bytes are written to temp files in `spillDir` and returned as
 * {@link SpilledString}. Everything else equals `JSON.parse(text)`; the result is `undefined`
 * where JSON.parse would throw (portal reference §3.1: invalid JSON ⇒ empty params). This keeps the
 * emulator's memory flat for a ~140 MB `im.v2.File.upload` body (portal reference §4.3).
 * The created spill files are pushed to `spills` so the caller can delete them.
 */
export function parseJsonFile(
  path: string,
  spillDir: string,
  spills: string[],
  spillThreshold = 1 << 20,
): ParamValue | undefined {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(READ_SIZE);
  let len = 0;
  let pos = 0;
  let eof = false;

  function fill(): boolean {
    if (pos < len) return true;
    if (eof) return false;
    len = readSync(fd, buf, 0, READ_SIZE, null);
    pos = 0;
    if (len === 0) eof = true;
    return len > 0;
  }
  function peek(): number {
    return fill() ? (buf[pos] ?? -1) : -1;
  }
  function next(): number {
    if (!fill()) throw new JsonSyntaxError('end');
    const b = buf[pos] ?? -1;
    pos += 1;
    return b;
  }
  function skipWs(): void {
    for (;;) {
      const b = peek();
      if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) pos += 1;
      else return;
    }
  }
  function expectWord(word: string): void {
    for (let i = 0; i < word.length; i += 1) {
      if (next() !== word.charCodeAt(i)) throw new JsonSyntaxError('literal');
    }
  }

  function parseString(): string | SpilledString {
    // Opening quote already consumed. Raw byte runs are kept as bytes and decoded together at
    // the end, so a multi-byte character split across read buffers decodes as JSON.parse would.
    let parts: (Buffer | string)[] = [];
    let size = 0;
    let spillFd = -1;
    let spillPath = '';
    let spillBytes = 0;
    let pendingHigh = -1;

    function spillWrite(bytes: Buffer): void {
      writeSync(spillFd, bytes);
      spillBytes += bytes.length;
    }
    function emit(piece: Buffer | string): void {
      if (spillFd !== -1) {
        spillWrite(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece);
        return;
      }
      parts.push(piece);
      size += piece.length;
      if (size > spillThreshold) {
        spillPath = join(spillDir, `spill-${randomBytes(8).toString('hex')}`);
        spillFd = openSync(spillPath, 'w');
        spills.push(spillPath);
        for (const part of parts) {
          spillWrite(typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
        }
        parts = [];
      }
    }
    function flushSurrogate(): void {
      if (pendingHigh !== -1) {
        emit(String.fromCharCode(pendingHigh));
        pendingHigh = -1;
      }
    }
    function finish(): string {
      let text = '';
      let run: Buffer[] = [];
      for (const part of parts) {
        if (typeof part === 'string') {
          text += Buffer.concat(run).toString('utf8') + part;
          run = [];
        } else run.push(part);
      }
      return text + Buffer.concat(run).toString('utf8');
    }

    try {
      for (;;) {
        if (!fill()) throw new JsonSyntaxError('unterminated string');
        // Fast path: copy the run up to the next quote or backslash in one piece.
        let end = pos;
        while (end < len) {
          const b = buf[end] ?? 0;
          if (b === 0x22 || b === 0x5c) break;
          if (b < 0x20) throw new JsonSyntaxError('control character in string');
          end += 1;
        }
        if (end > pos) {
          flushSurrogate();
          emit(Buffer.from(buf.subarray(pos, end)));
          pos = end;
          continue;
        }
        const b = next();
        if (b === 0x22) {
          flushSurrogate();
          if (spillFd !== -1) return new SpilledString(spillPath, spillBytes);
          return finish();
        }
        // Backslash escape.
        const e = String.fromCharCode(next());
        if (e === 'u') {
          let hex = '';
          for (let i = 0; i < 4; i += 1) hex += String.fromCharCode(next());
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('bad \\u escape');
          const code = parseInt(hex, 16);
          if (pendingHigh !== -1 && code >= 0xdc00 && code <= 0xdfff) {
            emit(String.fromCharCode(pendingHigh, code));
            pendingHigh = -1;
          } else {
            flushSurrogate();
            if (code >= 0xd800 && code <= 0xdbff) pendingHigh = code;
            else emit(String.fromCharCode(code));
          }
        } else {
          const mapped = ESCAPES[e];
          if (mapped === undefined) throw new JsonSyntaxError('bad escape');
          flushSurrogate();
          emit(mapped);
        }
      }
    } finally {
      if (spillFd !== -1) closeSync(spillFd);
    }
  }

  function parseNumber(first: number): number {
    let text = String.fromCharCode(first);
    for (;;) {
      const b = peek();
      if (
        (b >= 0x30 && b <= 0x39) ||
        b === 0x2e ||
        b === 0x65 ||
        b === 0x45 ||
        b === 0x2b ||
        b === 0x2d
      ) {
        text += String.fromCharCode(b);
        pos += 1;
      } else break;
    }
    if (!NUMBER.test(text)) throw new JsonSyntaxError('number');
    return Number(text);
  }

  function parseValue(): ParamValue {
    skipWs();
    const b = next();
    switch (b) {
      case 0x7b: {
        const obj: Params = {};
        skipWs();
        if (peek() === 0x7d) {
          pos += 1;
          return obj;
        }
        for (;;) {
          skipWs();
          if (next() !== 0x22) throw new JsonSyntaxError('key');
          const key = parseString();
          if (typeof key !== 'string') throw new JsonSyntaxError('key too long');
          skipWs();
          if (next() !== 0x3a) throw new JsonSyntaxError('colon');
          setOwn(obj, key, parseValue());
          skipWs();
          const sep = next();
          if (sep === 0x7d) return obj;
          if (sep !== 0x2c) throw new JsonSyntaxError('object separator');
        }
      }
      case 0x5b: {
        const arr: ParamValue[] = [];
        skipWs();
        if (peek() === 0x5d) {
          pos += 1;
          return arr;
        }
        for (;;) {
          arr.push(parseValue());
          skipWs();
          const sep = next();
          if (sep === 0x5d) return arr;
          if (sep !== 0x2c) throw new JsonSyntaxError('array separator');
        }
      }
      case 0x22:
        return parseString();
      case 0x74:
        expectWord('rue');
        return true;
      case 0x66:
        expectWord('alse');
        return false;
      case 0x6e:
        expectWord('ull');
        return null;
      default:
        if (b === 0x2d || (b >= 0x30 && b <= 0x39)) return parseNumber(b);
        throw new JsonSyntaxError('unexpected byte');
    }
  }

  try {
    const value = parseValue();
    skipWs();
    if (peek() !== -1) throw new JsonSyntaxError('trailing data');
    return value;
  } catch (error) {
    if (error instanceof JsonSyntaxError || error instanceof RangeError) return undefined;
    throw error;
  } finally {
    closeSync(fd);
  }
}
