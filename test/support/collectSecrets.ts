import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every credential the emulator has issued or knows (access and refresh tokens, application
 * tokens, webhook secrets), read from its persisted state (`<dataDir>/state.json`): any string of
 * 16+ characters under a key that names a token, a secret or an auth value. A stored file's
 * `token` is left out: it is the portal's own download link for that file (what
 * `im.v2.File.download` hands out as `downloadUrl`, portal reference §4.7), meant to travel in a URL,
 * and grants that one file, not the user's account.
 */
export async function collectSecrets(dataDir: string): Promise<string[]> {
  const state: unknown = JSON.parse(await readFile(join(dataDir, 'state.json'), 'utf8'));
  const found = new Set<string>();
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (/token|secret|refresh|auth_id|^auth$|password/i.test(key) && value.length >= 16)
        found.add(value);
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) walk(item, key);
      return;
    }
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (k !== 'files') walk(v, k);
    }
  };
  walk(state, '');
  return [...found];
}
