import { describe, expect, it } from 'vitest';
import { placementDialogId } from '../../../src/bitrix/placementDialogId.ts';

describe('placementDialogId: the chat is found however PLACEMENT_OPTIONS arrives, never guessed', () => {
  it.each([
    [{ dialogId: 'chat5', URI: '/online/' }, 'chat5'],
    ['{"dialogId":"chat5"}', 'chat5'],
    [JSON.stringify('{"dialogId":"chat1489"}'), 'chat1489'],
    [{ dialogId: '12' }, '12'],
    ['{"dialogId":12}', '12'],
    [{ dialogId: 12 }, '12'],
    [{ dialogId: ' CHAT7 ' }, 'CHAT7'],
    [{ dialogId: 'chat5', messageId: '10' }, 'chat5'],
  ])('finds the chat in %j', (options, dialogId) => {
    expect(placementDialogId(options)).toBe(dialogId);
  });

  it.each([
    ['{}'],
    ['{"dialogId":""}'],
    ['not json'],
    ['{"dialogId":"chat5"'],
    [''],
    [[]],
    [null],
    [undefined],
    [{ dialogId: 0 }],
    [{ dialogId: -3 }],
    [{ dialogId: 1.5 }],
    [{ dialogId: 'chat 5' }],
    [{ dialogId: '<script>' }],
    [{ URI: '/online/' }],
  ])('shows the chat picker (undefined) for %j', (options) => {
    expect(placementDialogId(options)).toBeUndefined();
  });
});
