import { describe, expect, it } from 'vitest';
import * as core from './index';

describe('@m4/core public surface', () => {
  it('exports exactly the runtime values it documents', () => {
    expect(Object.keys(core).sort()).toEqual(
      [
        'M4_ERRORS',
        'MAX_BODY_BYTES',
        'MAX_DRAIN_BYTES',
        'apiHash',
        'decide',
        'hashMatches',
        'isFailedAuthentication',
        'isSettingOn',
        'isUserId',
        'm4Error',
        'readLimitedBody',
        'readParams',
        'secretKeyOf',
      ].sort(),
    );
  });
});
