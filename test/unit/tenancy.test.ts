import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/principal.js';
import { readTenantHeaders, resolveScope } from '../../src/auth/tenancy.js';
import { ForbiddenError, UserInputError } from '../../src/errors.js';

const token = (tenant: string): Principal => ({
  kind: 'token',
  id: 't1',
  name: 'collector',
  role: 'recorder',
  tenant,
  environment: null,
});
const operator: Principal = {
  kind: 'operator',
  id: null,
  name: 'admin',
  role: 'admin',
  tenant: 'default',
  environment: null,
};

describe('readTenantHeaders', () => {
  it.each([
    {
      name: 'no headers: the credentials decide, root subservice',
      service: undefined,
      path: undefined,
      expected: { tenant: undefined, subservice: '/' },
    },
    {
      name: 'a service is lower-cased, as FIWARE does',
      service: 'Smart_City',
      path: undefined,
      expected: { tenant: 'smart_city', subservice: '/' },
    },
    {
      name: 'a subservice path',
      service: 'city',
      path: '/gardens',
      expected: { tenant: 'city', subservice: '/gardens' },
    },
    {
      name: 'a nested subservice path',
      service: 'city',
      path: '/gardens/north_1',
      expected: { tenant: 'city', subservice: '/gardens/north_1' },
    },
  ])('$name', ({ service, path, expected }) => expect(readTenantHeaders(service, path)).toEqual(expected));

  it.each([
    {
      name: 'a service with a dash',
      service: 'smart-city',
      path: undefined,
      message: /Fiware-Service "smart-city" is not a valid service/,
    },
    { name: 'a service too long', service: 'a'.repeat(51), path: undefined, message: /1-50 lower-case/ },
    {
      name: 'a path without a leading slash',
      service: 'city',
      path: 'gardens',
      message: /Fiware-ServicePath "gardens" is not a valid path/,
    },
    { name: 'a path with an empty segment', service: 'city', path: '/gardens//north', message: /not a valid path/ },
    {
      name: 'a path deeper than 10 levels',
      service: 'city',
      path: '/a/b/c/d/e/f/g/h/i/j/k',
      message: /up to 10 segments/,
    },
    { name: 'a repeated header', service: ['a', 'b'], path: undefined, message: /at most once/ },
  ])('refuses $name', ({ service, path, message }) => {
    expect(() => readTenantHeaders(service, path)).toThrow(message);
    expect(() => readTenantHeaders(service, path)).toThrow(UserInputError);
  });

  test.prop([fc.option(fc.string({ maxLength: 80 })), fc.option(fc.string({ maxLength: 120 }))])(
    'any header text is accepted or refused with a UserInputError, never anything else',
    (service, path) => {
      try {
        const scope = readTenantHeaders(service ?? undefined, path ?? undefined);
        expect(scope.subservice.startsWith('/')).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(UserInputError);
      }
    },
  );
});

describe('resolveScope', () => {
  it('a token stays in its own tenant when none is named', () => {
    expect(resolveScope(token('city'), { tenant: undefined, subservice: '/gardens' })).toMatchObject({
      tenant: 'city',
      subservice: '/gardens',
    });
  });

  it('a token may name its own tenant', () => {
    expect(resolveScope(token('city'), { tenant: 'city', subservice: '/' }).tenant).toBe('city');
  });

  it('a token naming another tenant is forbidden', () => {
    expect(() => resolveScope(token('city'), { tenant: 'farm', subservice: '/' })).toThrow(ForbiddenError);
  });

  it('the operator acts in the tenant it names, or in default', () => {
    expect(resolveScope(operator, { tenant: 'farm', subservice: '/' }).tenant).toBe('farm');
    expect(resolveScope(operator, { tenant: undefined, subservice: '/' }).tenant).toBe('default');
  });
});
