import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { wildcardMatcher } from '../../src/domain/wildcard.js';

describe('wildcardMatcher', () => {
  it.each([
    { pattern: '*token*', name: 'Token for collectors', matches: true },
    { pattern: '*token*', name: 'collector', matches: false },
    { pattern: 'prod-?', name: 'prod-1', matches: true },
    { pattern: 'prod-?', name: 'prod-12', matches: false },
    { pattern: 'cpu.*', name: 'cpu.user', matches: true },
    { pattern: 'cpu.*', name: 'cpuXuser', matches: false },
    { pattern: 'a+b(c)*', name: 'a+b(c) and more', matches: true },
    { pattern: 'a+b(c)*', name: 'aab(c)', matches: false },
    { pattern: 'lect', name: 'Collectors', matches: true },
  ])('"$pattern" on "$name" → $matches', ({ pattern, name, matches }) =>
    expect(wildcardMatcher(pattern)(name)).toBe(matches),
  );

  test.prop([fc.string({ maxLength: 40 })])('"*" matches every name', (name) => {
    expect(wildcardMatcher('*')(name)).toBe(true);
  });

  test.prop([fc.string({ maxLength: 40 })])(
    'a name matches itself as a pattern, whatever characters it has',
    (name) => {
      expect(wildcardMatcher(name)(name)).toBe(true);
    },
  );

  test.prop([fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })])(
    '"prefix*" matches exactly the names starting with prefix',
    (prefix, rest) => {
      const literal = prefix.replace(/[*?]/g, '');
      expect(wildcardMatcher(`${literal}*`)(literal + rest)).toBe(true);
    },
  );
});

describe('globMatch on hostile patterns', () => {
  it('answers a pattern built to make a backtracking matcher explode in milliseconds', () => {
    const pattern = `${'*?'.repeat(13)}!`;
    const name = 'a'.repeat(36);
    const started = performance.now();
    expect(wildcardMatcher(pattern)(name)).toBe(false);
    expect(wildcardMatcher(`${'*a'.repeat(500)}b`)('a'.repeat(2_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
  });

  test.prop([fc.stringMatching(/^[ab*?]{0,12}$/), fc.stringMatching(/^[ab]{0,12}$/)])(
    'agrees with a regular-expression reference on small inputs',
    (pattern, name) => {
      if (!/[*?]/.test(pattern)) return;
      const reference = new RegExp(`^${pattern.replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
      expect(wildcardMatcher(pattern)(name)).toBe(reference.test(name));
    },
  );
});
