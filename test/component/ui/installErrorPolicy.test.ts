import { describe, expect, it } from 'vitest';
import {
  describeInstallError,
  INSTALL_ERROR_CODES,
  INSTALL_ERROR_POLICIES,
} from '../../../src/ui/installErrorPolicy.ts';
import { installMessage } from '../../../src/i18n/installMessages.ts';
import type { InstallTranslate } from '../../../src/ui/InstallTranslate.ts';

const t: InstallTranslate = (key, vars) => installMessage('en', key, vars);
const HANDLER = 'https://apps.example.com/chat-drop/';

describe('install error policy', () => {
  it.each(INSTALL_ERROR_CODES)('%s gets its own sentence, not the generic one', (code) => {
    const text = describeInstallError({ code, origin: 'server' }, HANDLER, t);
    expect(text).toBe(
      t(INSTALL_ERROR_POLICIES[code], { handler: HANDLER, scopes: '"im", "placement"' }),
    );
    expect(text).not.toBe(t('error.generic'));
  });

  it('an unknown code gets the generic sentence (the code is in the details)', () => {
    expect(describeInstallError({ code: 'SOMETHING_NEW', origin: 'server' }, HANDLER, t)).toBe(
      t('error.generic'),
    );
  });

  it('names the missing scopes when known, else the required ones', () => {
    expect(
      describeInstallError(
        { code: 'insufficient_scope', origin: 'server', missingScopes: ['im'] },
        HANDLER,
        t,
      ),
    ).toContain('"im"');
    const required = describeInstallError(
      { code: 'insufficient_scope', origin: 'server' },
      HANDLER,
      t,
    );
    expect(required).toContain('"im", "placement"');
  });

  it('a failure to reach the portal says so whatever its code', () => {
    expect(describeInstallError({ code: 'ACCESS_DENIED', origin: 'transport' }, HANDLER, t)).toBe(
      t('error.transport'),
    );
  });

  it('a handler refusal names this app address', () => {
    expect(
      describeInstallError({ code: 'ERROR_WRONG_HANDLER_URL', origin: 'server' }, HANDLER, t),
    ).toContain(HANDLER);
  });
});
