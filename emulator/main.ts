/**
 * CLI of the local Bitrix24 portal:
 *   tsx emulator/main.ts --port 8080 --data .emulator-data --app-url http://127.0.0.1:5173/
 *     [--not-installed] [--https] [--webhook 1:<secret>] [--oauth-token 1:<token>]
 *     [--scenario <name>] [--no-rate-limit] [--allow-local-handlers] [--frame-load get|post]
 *     [--lang ru] [--host <addr>] [--max-body-bytes <n>] [--placement-errors-200]
 *     [--http2] [--operating-limit-s 480] [--processing-scale 1] [--proxy-body-limit <n>]
 *     [--user-option-delay-ms 5000] [--token-lifetime-s 3600] [--max-upload-bytes 104857600]
 * Prints the portal address; stops on SIGINT/SIGTERM.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEmulator } from './createEmulator.ts';
import { isScenarioName, SCENARIO_NAMES } from './createScenarioController.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    data: { type: 'string', default: '.emulator-data' },
    'app-url': { type: 'string', default: 'http://127.0.0.1:5173/' },
    'not-installed': { type: 'boolean', default: false },
    https: { type: 'boolean', default: false },
    webhook: { type: 'string', multiple: true, default: [] },
    'oauth-token': { type: 'string', multiple: true, default: [] },
    scenario: { type: 'string' },
    'no-rate-limit': { type: 'boolean', default: false },
    'allow-local-handlers': { type: 'boolean', default: false },
    'frame-load': { type: 'string', default: 'post' },
    lang: { type: 'string', default: 'en' },
    host: { type: 'string' },
    'max-body-bytes': { type: 'string' },
    'placement-errors-200': { type: 'boolean', default: false },
    http2: { type: 'boolean', default: false },
    'operating-limit-s': { type: 'string', default: '480' },
    'processing-scale': { type: 'string', default: '1' },
    'proxy-body-limit': { type: 'string' },
    'user-option-delay-ms': { type: 'string', default: '5000' },
    'token-lifetime-s': { type: 'string', default: '3600' },
    'max-upload-bytes': { type: 'string', default: '104857600' },
  },
});

function fail(message: string): never {
  console.error(`emulator: ${message}`);
  process.exit(2);
}

/** `<userId>:<value>` pairs of --webhook / --oauth-token. */
function pairs(list: string[], flag: string): { userId: number; value: string }[] {
  return list.map((item) => {
    const at = item.indexOf(':');
    const userId = Number(item.slice(0, at));
    const value = item.slice(at + 1);
    if (at <= 0 || !Number.isInteger(userId) || userId <= 0 || value === '') {
      fail(`--${flag} expects <userId>:<value>`);
    }
    return { userId, value };
  });
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0) fail('--port must be a number');
if (values.scenario && !isScenarioName(values.scenario)) {
  fail(`unknown scenario "${values.scenario}"; known: ${SCENARIO_NAMES.join(', ')}`);
}
if (values.http2 && !values.https)
  fail('--http2 needs --https (browsers speak HTTP/2 over TLS only)');
const positive = (flag: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) fail(`--${flag} must be a non-negative number`);
  return value;
};
const frameLoad = values['frame-load'];
if (frameLoad !== 'post' && frameLoad !== 'get') fail('--frame-load must be post or get');

const emulator = await createEmulator({
  port,
  dataDir: resolve(values.data),
  appUrl: values['app-url'],
  installed: !values['not-installed'],
  https: values.https,
  webhooks: pairs(values.webhook, 'webhook').map((p) => ({ userId: p.userId, secret: p.value })),
  oauthTokens: pairs(values['oauth-token'], 'oauth-token').map((p) => ({
    userId: p.userId,
    token: p.value,
  })),
  rateLimit: values['no-rate-limit'] ? false : undefined,
  scenario: values.scenario,
  allowLocalHandlers: values['allow-local-handlers'],
  frameLoad,
  lang: values.lang,
  host: values.host,
  maxBodyBytes: values['max-body-bytes'] ? Number(values['max-body-bytes']) : undefined,
  placementErrors200: values['placement-errors-200'],
  http2: values.http2,
  operatingLimitSeconds: positive('operating-limit-s', values['operating-limit-s']),
  processingScale: positive('processing-scale', values['processing-scale']),
  proxyBodyLimit: positive('proxy-body-limit', values['proxy-body-limit']),
  userOptionDelayMs: positive('user-option-delay-ms', values['user-option-delay-ms']),
  tokenLifetimeSeconds: positive('token-lifetime-s', values['token-lifetime-s']),
  maxUploadBytes: positive('max-upload-bytes', values['max-upload-bytes']),
});

// Secrets stay out of the log: only the address and the data directory are printed.
console.log(
  `Bitrix24 emulator: ${emulator.url}/ (messenger: ${emulator.url}/online/?IM_DIALOG=chat5)`,
);
console.log(`data: ${emulator.dataDir}`);

const stop = (): void => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
