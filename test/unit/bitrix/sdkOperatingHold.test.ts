import { describe, expect, it } from 'vitest';
import {
  SDK_OPERATING_HOLD_FROM_S,
  sdkOperatingHold,
} from '../../../src/bitrix/sdkOperatingHold.ts';

describe('sdkOperatingHold', () => {
  it('from the SDK threshold on, the hold lasts until operating_reset_at plus the SDK’s second', () => {
    expect(
      sdkOperatingHold({ operating: SDK_OPERATING_HOLD_FROM_S, operating_reset_at: 1_000 }),
    ).toBe(1_001_000);
    expect(sdkOperatingHold({ operating: '479.5', operating_reset_at: '2000' })).toBe(2_001_000);
  });

  it('below the threshold, or without a usable time block, there is no hold', () => {
    expect(sdkOperatingHold({ operating: 474.9, operating_reset_at: 1_000 })).toBeUndefined();
    expect(sdkOperatingHold({ operating: 480 })).toBeUndefined();
    expect(sdkOperatingHold(undefined)).toBeUndefined();
    expect(sdkOperatingHold('time')).toBeUndefined();
  });
});
