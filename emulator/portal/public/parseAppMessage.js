// @ts-check
// The app → portal message formats of portal reference §2.1–§2.2, parsed as the core's
// applayout.js does.

/**
 * Parses an app → parent message, string or object form (portal reference §2.1, §2.2).
 * The string form is split exactly as the core does: method = first part, appSid = last,
 * callback = second to last, params = everything between (JSON may contain ':').
 * @param {unknown} data
 * @returns {{ method: string, params: any, callback: string, appSid: string } | null}
 *   null when the data is neither a string nor a plain object, or the params are not JSON.
 */
export function parseAppMessage(data) {
  if (typeof data === 'string') {
    const r = data.split(':');
    const paramsText = r.slice(1, r.length - 2).join(':');
    let params = [];
    if (paramsText) {
      try {
        params = JSON.parse(paramsText);
      } catch {
        // The core would throw inside its listener; dropping the message is the same outcome.
        return null;
      }
    }
    return {
      method: r[0] ?? '',
      params,
      callback: r[r.length - 2] ?? '',
      appSid: r[r.length - 1] ?? '',
    };
  }
  if (isPlainObject(data)) {
    return {
      method: String(data.method ?? ''),
      params: data.params ? data.params : [],
      callback: data.callback ? String(data.callback) : '',
      appSid: String(data.appSid ?? ''),
    };
  }
  return null;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, any>}
 */
function isPlainObject(value) {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
