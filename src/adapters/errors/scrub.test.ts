import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, scrubSecrets } from './scrub.ts';

describe('scrubSecrets', () => {
  it('removes the known secret wherever it appears', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 8, maxLength: 40 }), fc.string(), (before, secret, after) => {
        fc.pre(!before.includes(secret.slice(0, 4)) && !after.includes(secret.slice(0, 4)));
        expect(scrubSecrets(`${before}${secret}${after}`, [secret])).not.toContain(secret);
      }),
    );
  });

  it('removes key-shaped strings and bearer tokens it was not told about', () => {
    expect(scrubSecrets('Incorrect API key provided: sk-abc***wxyz.')).toBe(`Incorrect API key provided: ${REDACTED}.`);
    expect(scrubSecrets('bad sk-ant-api03-AbC_dEf-123')).toBe(`bad ${REDACTED}`);
    expect(scrubSecrets('key AIzaSyA-1234567890abcdef')).toBe(`key ${REDACTED}`);
    expect(scrubSecrets('header Authorization: Bearer abc.def')).toBe(`header Authorization: ${REDACTED}`);
    expect(scrubSecrets('GET /v1beta/models?key=AIzaXYZ&alt=sse')).toBe(`GET /v1beta/models?key=${REDACTED}&alt=sse`);
  });

  it('leaves ordinary text alone', () => {
    const text = 'The server had an error while processing your request (task-queue overloaded).';
    expect(scrubSecrets(text, [undefined, 'abc'])).toBe(text);
  });
});
