import { parseArgs } from 'node:util';

/** Options of `npm run serve`, as parsed from the command line. */
export interface ServeArgs {
  readonly root: string;
  readonly port: number;
  readonly host: string;
  readonly cert: string | undefined;
  readonly key: string | undefined;
  readonly frameAncestors: readonly string[];
  readonly help: boolean;
}

export const SERVE_USAGE = `Usage: npm run serve -- [options]

  --port <n>                 port to listen on (default 8081; 0 = any free port)
  --host <h>                 address to listen on (default 127.0.0.1; 0.0.0.0 = all interfaces)
  --root <dir>               the built app (default dist; run "npm run build" first)
  --cert <file> --key <file> PEM certificate and private key: serve HTTPS
  --frame-ancestors <list>   portal origins allowed to show the app, space- or comma-separated,
                             e.g. "https://example.bitrix24.com" (repeatable). Default: any.
  --help                     this text`;

/** Parses the CLI; throws an Error with a readable message on bad input. */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      root: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      'frame-ancestors': { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port ?? '8081');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, got "${values.port}"`);
  }
  if (Boolean(values.cert) !== Boolean(values.key)) {
    throw new Error('--cert and --key must be given together');
  }
  return {
    root: values.root ?? 'dist',
    port,
    host: values.host ?? '127.0.0.1',
    cert: values.cert,
    key: values.key,
    frameAncestors: (values['frame-ancestors'] ?? []).flatMap((list) =>
      list.split(/[\s,]+/).filter((origin) => origin !== ''),
    ),
    help: values.help ?? false,
  };
}
