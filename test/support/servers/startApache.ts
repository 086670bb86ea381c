import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheckedServer, type CheckedServer } from './runCheckedServer.ts';
import { serverUser } from './serverUser.ts';

export const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';

export interface ApacheOptions {
  /** The loopback port it listens on. */
  readonly port: number;
  /** The documented configuration, placeholders filled in; included at server level. */
  readonly site: string;
  /** Modules to load besides the event MPM, by name (`headers` → mod_headers.so). */
  readonly modules: readonly string[];
}

/** A running Apache; `testOutput` is `apache2 -t`'s for this configuration. */
export type StartedApache = CheckedServer;

/** The version line of the installed Apache, e.g. `Server version: Apache/2.4.62 (Debian)`. */
export function apacheVersion(): string {
  const run = spawnSync(APACHE, ['-v'], { encoding: 'utf8' });
  return run.stdout.split('\n')[0]?.trim() ?? '';
}

/**
 * Starts Debian's Apache as the current user: `apache2 -t` first, then `apache2 -f <conf> -DFOREGROUND` with its own
 * ServerRoot, PidFile, Mutex and log directory under a temporary prefix, modules loaded from
 * /usr/lib/apache2/modules. Never the system service, never /etc/apache2.
 */
export async function startApache(options: ApacheOptions): Promise<StartedApache> {
  const prefix = await mkdtemp(join(tmpdir(), 'chat-drop-apache-'));
  await chmod(prefix, 0o755);
  await mkdir(join(prefix, 'run'));
  const user = serverUser();
  const errorLogFile = join(prefix, 'error.log');
  const conf = join(prefix, 'apache2.conf');
  const modules = ['mpm_event', 'authz_core', 'mime', ...options.modules];
  await writeFile(
    conf,
    [
      `ServerRoot "${prefix}"`,
      `DefaultRuntimeDir "${join(prefix, 'run')}"`,
      `PidFile "${join(prefix, 'run', 'apache2.pid')}"`,
      `Mutex file:${join(prefix, 'run')} default`,
      `ErrorLog "${errorLogFile}"`,
      'LogLevel warn',
      `Listen 127.0.0.1:${options.port}`,
      'ServerName localhost',
      ...(user ? [`User ${user}`, `Group ${user}`] : []),
      ...[...new Set(modules)].map((name) => `LoadModule ${name}_module ${MODULES}/mod_${name}.so`),
      'TypesConfig /etc/mime.types',
      'Include site.conf',
      '',
    ].join('\n'),
  );
  await writeFile(join(prefix, 'site.conf'), options.site);
  return runCheckedServer(prefix, ['-t', '-f', conf], {
    command: APACHE,
    args: ['-f', conf, '-DFOREGROUND'],
    port: options.port,
    errorLogFile,
    // What Debian's apache2ctl would export; unused by this configuration, but set so no
    // module's default falls back to the system paths.
    env: {
      ...process.env,
      APACHE_RUN_DIR: join(prefix, 'run'),
      APACHE_PID_FILE: join(prefix, 'run', 'apache2.pid'),
      APACHE_LOCK_DIR: join(prefix, 'run'),
      APACHE_LOG_DIR: prefix,
    },
  });
}
