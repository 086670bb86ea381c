/**
 * Builds the request body of an upload from the body the SDK prepared (params object with
 * `fields.content` set to `placeholder`, plus `auth`) and the base64 text in `content`:
 * `new Blob([jsonBefore, content, jsonAfter])`. Base64 needs no JSON escaping, so the bytes equal
 * UTF-8 of `JSON.stringify` of the params with the real content — what axios would have sent
 * (axios `transformRequest` → `JSON.stringify`), without the content ever being a JS string.
 *
 * Axios runs request interceptors before `transformRequest`, so `data` is normally the params
 * object; a string (already serialized) is accepted too.
 *
 * @throws Error when the placeholder is not in the body exactly once (a programming error).
 */
export function spliceUploadBody(data: unknown, placeholder: string, content: Blob): Blob {
  const json = typeof data === 'string' ? data : JSON.stringify(data);
  // The placeholder is [A-Za-z0-9_-] only, so JSON.stringify leaves it untouched and quoted.
  const quoted = `"${placeholder}"`;
  const at = json.indexOf(quoted);
  if (at < 0 || json.indexOf(quoted, at + 1) >= 0) {
    throw new Error('[chat-drop] upload body: the content placeholder must occur exactly once');
  }
  const before = json.slice(0, at + 1);
  const after = json.slice(at + quoted.length - 1);
  return new Blob([before, content, after], { type: 'application/json' });
}
