import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha1 } from './sha1.ts';
import { conversationUuid, nameBasedUuid, UUID_V4_PATTERN } from './uuid.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('sha1', () => {
  it('matches the FIPS 180 test vectors', () => {
    const ascii = (text: string) => new TextEncoder().encode(text);
    expect(hex(sha1(ascii('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(ascii('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(hex(sha1(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    );
  });

  it('matches node:crypto on any input, across block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(hex(sha1(data))).toBe(createHash('sha1').update(data).digest('hex'));
      }),
    );
  });
});

describe('name-based UUIDs', () => {
  it('are lowercase UUID v4 (version 4, RFC 4122 variant) and the same for the same name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        const id = nameBasedUuid(name);
        expect(id).toMatch(UUID_V4_PATTERN);
        expect(nameBasedUuid(name)).toBe(id);
      }),
    );
  });

  it('differ between names, and no split of the parts collides', () => {
    expect(conversationUuid('a/b', 'c')).not.toBe(conversationUuid('a', 'b/c'));
    expect(conversationUuid('c1', 'role', 'x')).not.toBe(conversationUuid('c2', 'role', 'x'));
    expect(conversationUuid('c1', 'role', 'x')).not.toBe(conversationUuid('c1', 'message', 'x'));
    // Pinned: changing the derivation would change the ids of every conversation already exported.
    expect(conversationUuid('c1', 'role', 'x')).toBe('1dd6cea3-208b-4c45-b819-fa296b1a9a13');
  });
});
