import { describe, expect, it } from 'vitest';
import { redact } from '../../dev/hyperdrive';

describe('redact', () => {
  it('replaces every occurrence of the secret', () => {
    expect(redact('mysql://r:s3cr3t@h/d failed; s3cr3t', 's3cr3t')).toBe(
      'mysql://r:<redacted>@h/d failed; <redacted>',
    );
  });

  it('leaves the text alone for an empty secret', () => {
    expect(redact('nothing to hide', '')).toBe('nothing to hide');
  });
});
