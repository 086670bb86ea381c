import { describe, expect, it } from 'vitest';
import { describeForLog } from '../../../src/core/describeForLog.ts';

const TOKEN = 'abc123token';

describe('describeForLog', () => {
  it.each([
    [`GET /rest/profile?auth=${TOKEN}&x=1`],
    [`{"access_token":"${TOKEN}"}`],
    [`AUTH_ID=${TOKEN}; REFRESH_ID=${TOKEN}`],
    [`refresh_token: ${TOKEN}`],
  ])('redacts credential values in a logged line: %s', (message) => {
    const line = describeForLog(new Error(message));
    expect(line).not.toContain(TOKEN);
    expect(line).toContain('***');
  });

  it('logs only name, message and code of an error, on one line, never its other fields', () => {
    const error = Object.assign(new TypeError('bad\nthing'), {
      code: 'JSSDK_AXIOS_ERROR',
      requestInfo: { params: { auth: TOKEN } },
    });
    expect(describeForLog(error)).toBe('TypeError: bad thing [JSSDK_AXIOS_ERROR]');
    expect(describeForLog({ requestInfo: { auth: TOKEN } })).not.toContain(TOKEN);
  });

  it('caps the length of a logged line', () => {
    expect(describeForLog(new Error('x'.repeat(5_000))).length).toBeLessThanOrEqual(301);
  });
});
