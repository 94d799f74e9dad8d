import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adminKeyWeakness } from '../../src/auth/adminKeyStrength.js';

describe('adminKeyWeakness', () => {
  it.each([
    ['a random hex key (openssl rand -hex 32)', '9f2c4e7a1b3d5f60718293a4b5c6d7e8f9a0b1c2d3e4f5061728394a5b6c7d8e'],
    ['32 random hex digits, 128 bits', '3c9e1f7a0b5d2468ace13579bdf02468'],
    ['a random base64url key of 43 characters', 'Qm9vX2tleV9mb3JfdGVzdHNfb25seV8xMjM0NTY3OA'],
  ])('accepts %s', (_name, key) => {
    expect(adminKeyWeakness(key)).toBeNull();
  });

  it.each([
    ['a 31-character key', 'abcdefghijklmnopqrstuvwxyz01234', 'is 31 characters; at least 32 are needed'],
    ['one character 32 times', 'x'.repeat(32), 'uses 1 different characters; at least 8 are needed'],
    [
      'seven characters mixed',
      'abcdefgabcdefgaabbccddeeffggabcd',
      'uses 7 different characters; at least 8 are needed',
    ],
    ['a unit of 8 repeated', 'hunter42'.repeat(4), 'repeats "hunter42"'],
    ['a unit of 10 repeated with a trailing part', '0123456789'.repeat(3) + '01', 'repeats "0123456789"'],
    ['a unit of 16 repeated', '0123456789abcdef'.repeat(2), 'repeats "0123456789abcdef"'],
  ])('refuses %s', (_name, key, weakness) => {
    expect(adminKeyWeakness(key)).toBe(weakness);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(adminKeyWeakness('🔑'.repeat(16))).toBe('is 16 characters; at least 32 are needed');
  });

  it('refuses every key made of a repeated unit, whatever the unit', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 16 }), fc.integer({ min: 0, max: 15 }), (unit, extra) => {
        const times = Math.ceil(32 / unit.length) + 1;
        const key = unit.repeat(times) + unit.slice(0, extra % unit.length);
        expect(adminKeyWeakness(key)).not.toBeNull();
      }),
    );
  });

  it('refuses every key of fewer than 8 different characters, however long', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { minLength: 32, maxLength: 200 }),
        (characters) => {
          expect(adminKeyWeakness(characters.join(''))).not.toBeNull();
        },
      ),
    );
  });
});
