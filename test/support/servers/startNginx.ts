import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCheckedServer, type CheckedServer } from './runCheckedServer.ts';
import { serverUser } from './serverUser.ts';

export const NGINX = '/usr/sbin/nginx';

export interface NginxOptions {
  /** The loopback port the site listens on (its `listen` line). */
  readonly port: number;
  /** One or more `server { … }` blocks: the documented site, placeholders filled in. */
  readonly site: string;
  /** More files of the configuration, by path relative to it (e.g. the headers snippet). */
  readonly files?: Readonly<Record<string, string>>;
}

/** A running nginx; `testOutput` is `nginx -t`'s for this configuration. */
export type StartedNginx = CheckedServer;

/** The version line of the installed nginx, e.g. `nginx version: nginx/1.22.1`. */
export function nginxVersion(): string {
  const run = spawnSync(NGINX, ['-v'], { encoding: 'utf8' });
  return (run.stderr || run.stdout).trim();
}

/**
 * Starts Debian's nginx as the current user with its own temporary prefix: `nginx -t` first,
 * then `nginx -p <prefix> -c <prefix>/nginx.conf -g 'daemon off; pid …;'`, never the system
 * service. The site is included from an `http {}` block that only adds what /etc/nginx/nginx.conf
 * gives a Debian site (mime types), plus private logs and temp paths.
 */
export async function startNginx(options: NginxOptions): Promise<StartedNginx> {
  const prefix = await mkdtemp(join(tmpdir(), 'chat-drop-nginx-'));
  // Workers run as another user when the tests run as root: let them in.
  await chmod(prefix, 0o755);
  const user = serverUser();
  const conf = join(prefix, 'nginx.conf');
  const errorLogFile = join(prefix, 'error.log');
  const main = [
    ...(user ? [`user ${user};`] : []),
    'worker_processes 1;',
    `error_log ${errorLogFile} warn;`,
    'events { worker_connections 64; }',
    'http {',
    '    include /etc/nginx/mime.types;',
    '    default_type application/octet-stream;',
    `    access_log ${join(prefix, 'access.log')};`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `    ${kind}_temp_path ${join(prefix, 'tmp', kind)};`,
    ),
    '    include site.conf;',
    '}',
    '',
  ].join('\n');
  await mkdir(join(prefix, 'tmp'));
  await writeFile(conf, main);
  await writeFile(join(prefix, 'site.conf'), options.site);
  for (const [path, text] of Object.entries(options.files ?? {})) {
    await mkdir(dirname(join(prefix, path)), { recursive: true });
    await writeFile(join(prefix, path), text);
  }
  const args = ['-e', errorLogFile, '-p', prefix, '-c', conf];
  const global = `daemon off; pid ${join(prefix, 'nginx.pid')};`;
  return runCheckedServer(prefix, [...args, '-g', global, '-t'], {
    command: NGINX,
    args: [...args, '-g', global],
    port: options.port,
    errorLogFile,
  });
}
