import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS and safety headers of every REST response, errors and preflights included
 * (portal reference §3.6, core `rest_util.php` `sendHeaders`). Never `Allow-Credentials`.
 */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'origin, content-type, accept',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'X-Content-Type-Options': 'nosniff',
};

/** Sends a JSON body with CORS headers. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Sends a short plain-text body with CORS headers (413/414 and other transport refusals). */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...CORS_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

/** Either HTTP version's request/response, as the HTTP/2 server (with HTTP/1.1 fallback) gives them. */
export function isHttp2(req: IncomingMessage): boolean {
  return req.httpVersionMajor === 2;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  413: 'Request Entity Too Large',
  414: 'Request-URI Too Large',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/**
 * A page written by the proxy in front of PHP (nginx's default error page layout), so it
 * carries **no** CORS headers: a cross-origin XHR sees status 0 (portal reference §7.2).
 */
export function sendProxyPage(req: IncomingMessage, res: ServerResponse, status: number): void {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  const html =
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n` +
    `<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  sendHtml(req, res, status, html, status === 413 || status === 414);
}

/** A `text/html` answer without CORS headers; `close` ends the connection after it (HTTP/1.1). */
export function sendHtml(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  html: string,
  close = false,
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    Server: 'nginx',
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    // HTTP/2 forbids connection-specific headers.
    ...(close && !isHttp2(req) ? { Connection: 'close' } : {}),
  });
  res.end(html);
  if (close && !isHttp2(req)) res.once('finish', () => req.socket.destroy());
}

/**
 * Ends the exchange without an answer: with `partial`, after a status line, headers and a few
 * body bytes; without, with zero response bytes. Over HTTP/1.1 the socket is destroyed; over
 * HTTP/2 only this request's stream is reset (the connection carries other requests).
 */
export function dropConnection(req: IncomingMessage, res: ServerResponse, partial: boolean): void {
  if (isHttp2(req)) {
    const stream = (res as unknown as { stream?: { close(code?: number): void } }).stream;
    if (partial && !res.headersSent) {
      res.writeHead(200, { ...CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
      res.write('{"result":');
    }
    // NGHTTP2_INTERNAL_ERROR = 2, as a dying upstream reset looks to the browser.
    setImmediate(() => stream?.close(2));
    return;
  }
  const socket = req.socket;
  if (socket.destroyed) return;
  if (!partial) {
    socket.destroy();
    return;
  }
  const head =
    'HTTP/1.1 200 OK\r\n' +
    Object.entries({ ...CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8' })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('') +
    'Content-Length: 4096\r\n\r\n{"result":';
  socket.write(head, () => socket.destroy());
  // In case the write never completes (peer gone), do not keep the socket.
  setTimeout(() => socket.destroy(), 1000).unref();
}
