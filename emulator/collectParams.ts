import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { parseJsonOffThread } from './parseJsonOffThread.ts';
import { assignPhpParam, parsePhpQuery } from './parsePhpQuery.ts';
import { isParams, setOwn } from './params.ts';
import type { ParamValue, Params } from './params.ts';
import type { RequestBody } from './readRequestBody.ts';

/**
 * Assembles REST params like the core's `rest_util.php` `getRequestData` (portal reference §3.1): the query string (PHP
 * bracket syntax), overlaid by the body — JSON (invalid ⇒ nothing), urlencoded or multipart
 * (PHP brackets), and any other content type (BX24's `text/plain`) parsed as urlencoded.
 * Large JSON bodies are parsed from disk on a worker thread; long strings come back as
 * SpilledString.
 */
export async function collectParams(
  query: string,
  contentType: string,
  body: RequestBody,
  tmpDir: string,
  temps: string[],
): Promise<Params> {
  const params = parsePhpQuery(query);
  if (body.kind === 'too-large' || body.kind === 'aborted') return params;
  const size = body.kind === 'memory' ? body.buffer.length : body.size;
  if (size === 0) return params;
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';

  if (type === 'application/json') {
    let parsed: ParamValue | undefined;
    if (body.kind === 'memory') {
      try {
        parsed = JSON.parse(body.buffer.toString('utf8')) as ParamValue;
      } catch {
        parsed = undefined;
      }
    } else {
      parsed = await parseJsonOffThread(body.path, tmpDir, temps);
    }
    overlay(params, toParams(parsed));
    return params;
  }

  if (type === 'multipart/form-data') {
    const source =
      body.kind === 'memory' ? Readable.from([body.buffer]) : createReadStream(body.path);
    overlay(params, await parseMultipart(source, contentType));
    return params;
  }

  const text =
    body.kind === 'memory' ? body.buffer.toString('utf8') : readFileSync(body.path, 'utf8');
  parsePhpQuery(text, params);
  return params;
}

/** PHP `json_decode($body, true)`: objects and lists become arrays; scalars give nothing. */
function toParams(value: ParamValue | undefined): Params {
  if (isParams(value)) return value;
  if (Array.isArray(value)) {
    const out: Params = {};
    value.forEach((item, index) => setOwn(out, String(index), item));
    return out;
  }
  return {};
}

function overlay(target: Params, source: Params): void {
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value !== undefined) setOwn(target, key, value);
  }
}

/** Multipart fields by PHP key paths; file parts are not parameters. */
function parseMultipart(source: Readable, contentType: string): Promise<Params> {
  return new Promise((resolve) => {
    const out: Params = {};
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        limits: { fieldSize: Number.MAX_SAFE_INTEGER, fieldNameSize: 1000 },
      });
    } catch {
      resolve(out);
      return;
    }
    parser.on('field', (name, value) => assignPhpParam(out, name, value));
    // File parts go to PHP's $_FILES, which the REST server never merges into the parameters
    // (portal reference §7.7): drained and dropped.
    parser.on('file', (_name, stream) => stream.resume());
    parser.on('close', () => resolve(out));
    parser.on('error', () => resolve(out));
    source.pipe(parser);
  });
}
