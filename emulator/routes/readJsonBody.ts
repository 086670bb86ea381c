import type { IncomingMessage } from 'node:http';
import { readRequestBody } from '../readRequestBody.ts';

const CONTROL_BODY_LIMIT = 1 << 20;

/** A small JSON object body of a page or control endpoint; anything else reads as `{}`. */
export async function readJsonBody(
  req: IncomingMessage,
  tmpDir: string,
): Promise<Record<string, unknown>> {
  const body = await readRequestBody(req, CONTROL_BODY_LIMIT, tmpDir, []);
  if (body.kind !== 'memory' || body.buffer.length === 0) return {};
  try {
    const parsed: unknown = JSON.parse(body.buffer.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The urlencoded body of a form POST (OAuth token endpoint), as text. */
export async function readFormBody(req: IncomingMessage, tmpDir: string): Promise<string> {
  const body = await readRequestBody(req, CONTROL_BODY_LIMIT, tmpDir, []);
  return body.kind === 'memory' ? body.buffer.toString('utf8') : '';
}
