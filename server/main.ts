// `npm run serve`: the production server for the built widget (see docs/INSTALL.md).
import { readFileSync } from 'node:fs';
import { createAppServer } from './createAppServer.ts';
import { normalizeAncestors } from './buildSecurityHeaders.ts';
import { parseServeArgs, SERVE_USAGE } from './parseServeArgs.ts';
import { precompressAssets } from './precompressAssets.ts';

const isLoopback = (host: string): boolean =>
  host === '127.0.0.1' || host === 'localhost' || host === '::1';

/**
 * What the admin enters in the portal's form. Users' browsers load that address, so a loopback
 * or wildcard address printed as it is would point each user at their own machine.
 */
function handlerUrlHint(host: string, url: string): string {
  const { protocol, port } = new URL(url);
  if (isLoopback(host)) {
    return (
      `the https:// address of the proxy in front of this server (it listens on ${host} only;\n` +
      `  docs/INSTALL.md); on this machine alone: ${url}`
    );
  }
  if (host === '0.0.0.0' || host === '::') {
    return `this machine's public name, e.g. ${protocol}//apps.example.com:${port}/`;
  }
  return url;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseServeArgs(process.argv.slice(2));
    normalizeAncestors(args.frameAncestors);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${SERVE_USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(SERVE_USAGE);
    return;
  }
  const tls =
    args.cert && args.key
      ? { cert: readFileSync(args.cert, 'utf8'), key: readFileSync(args.key, 'utf8') }
      : undefined;
  // `npm run build` precompresses already; this covers a dist/ built by `vite build` alone.
  // A read-only dist/ is served as it is, uncompressed.
  await precompressAssets(args.root).catch((error: unknown) => {
    console.warn(
      `Warning: cannot write compressed copies into ${args.root} (${error instanceof Error ? error.message : String(error)}); serving uncompressed.`,
    );
  });
  const server = await createAppServer({
    root: args.root,
    port: args.port,
    host: args.host,
    frameAncestors: args.frameAncestors,
    tls,
  });
  console.log(`Chat Drop is served at ${server.url} (from ${args.root})`);
  console.log(
    `Handler URL and install URL for the portal: ${handlerUrlHint(args.host, server.url)}`,
  );
  if (args.frameAncestors.length === 0) {
    console.warn(
      'Warning: no --frame-ancestors given, so any site may show the app in a frame.\n' +
        '         Pass your portal, e.g. --frame-ancestors https://example.bitrix24.com',
    );
  }
  if (!tls && !isLoopback(args.host)) {
    console.warn(
      'Warning: plain HTTP. A portal on https:// cannot show an http:// app (mixed content);\n' +
        '         pass --cert/--key or put a TLS proxy in front.',
    );
  }
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(
    `Cannot start the server: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
