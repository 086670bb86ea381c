import { AjaxError } from '@bitrix24/b24jssdk';
import { describe, expect, it } from 'vitest';
import { mapInstallError } from '../../../src/bitrix/mapInstallError.ts';

const TOKEN = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2';

describe('mapInstallError', () => {
  it('keeps tokens out of the detail of an install error (scrubbed like mapB24Error)', () => {
    const error = new AjaxError({
      code: 'ERROR_CORE',
      description: `Bad request: auth=${TOKEN}&PLACEMENT=IM_SIDEBAR access_token: "${TOKEN}"`,
      status: 500,
      requestInfo: { method: 'placement.bind', params: { auth: TOKEN } },
      originalError: null,
    });
    const mapped = mapInstallError(error);
    expect(mapped).toMatchObject({ code: 'ERROR_CORE', origin: 'server', status: 500 });
    expect(mapped.detail).toBeDefined();
    expect(mapped.detail).not.toContain(TOKEN);
    expect(JSON.stringify(mapped)).not.toContain(TOKEN);
  });

  it('caps the length of an install error detail', () => {
    const long = 'the portal said: ' + 'x '.repeat(5_000);
    const mapped = mapInstallError({ code: 'ERROR_CORE', status: 500, message: long });
    expect(mapped.detail!.length).toBeLessThanOrEqual(501);
    const thrown = mapInstallError(new Error(long));
    expect(thrown.code).toBe('WIDGET_INSTALL_FAILED');
    expect(thrown.detail!.length).toBeLessThanOrEqual(501);
  });

  it('keeps tokens out of the detail of something thrown that is not an object', () => {
    const mapped = mapInstallError(`failed with refresh_token=${TOKEN}`);
    expect(mapped.detail).not.toContain(TOKEN);
  });
});
