import { createReadStream, existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { CORS_HEADERS, sendText } from '../httpHelpers.ts';
import type { FileRecord } from '../types.ts';
import type { PortalRoutesDeps, Route } from './routeTypes.ts';

/** The storage names the emulator itself makes (`<id>-<16 hex>.bin`). */
const STORAGE_NAME = /^\d+-[0-9a-f]{16}\.bin$/;

/**
 * Stored files, byte-exact (portal reference §4.6–§4.7): the Disk download URL, the
 * `im.v2.File.download` URL and the unified link.
 */
export function fileRoutes({ emu }: PortalRoutesDeps): Route[] {
  function serveFile(res: ServerResponse, file: FileRecord | undefined, inline: boolean): void {
    // state.json is read back from disk: a storage name that is not one the emulator made
    // must not lead a download outside the files directory.
    const safe = file !== undefined && STORAGE_NAME.test(file.storageName);
    const path = safe ? join(emu.store.filesDir, file.storageName) : '';
    if (!file || !safe || !existsSync(path)) {
      sendText(res, 404, 'File not found');
      return;
    }
    // The name is data: an ASCII fallback plus RFC 5987 UTF-8 form, never raw in the header.
    const fallback = file.name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
    res.writeHead(200, {
      ...CORS_HEADERS,
      'Content-Type': 'application/octet-stream',
      'Content-Length': file.size,
      'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Cache-Control': 'no-store',
    });
    createReadStream(path).pipe(res);
  }

  return [
    {
      path: '/bitrix/services/main/ajax.php',
      handle: ({ res, url }) =>
        serveFile(
          res,
          emu.portal.file(Number(url.searchParams.get('fileId'))),
          url.searchParams.get('action') !== 'disk.api.file.download',
        ),
    },
    {
      path: /^\/rest\/download\.json\/?$/,
      handle: ({ res, url }) =>
        serveFile(res, emu.portal.fileByToken(url.searchParams.get('token') ?? ''), false),
    },
    {
      path: /^\/file\/([0-9a-f]+)\/?$/,
      handle: ({ res, match }) => serveFile(res, emu.portal.fileByToken(match?.[1] ?? ''), false),
    },
  ];
}
