/** Whose budget a request draws on (src/server/hooks/rateLimitHook.ts): one table. */
import { describe, expect, it } from 'vitest';
import type { Principal, RequestScope } from '../../src/auth/principal.js';
import { rateLimitKey } from '../../src/server/hooks/rateLimitHook.js';

function scopeOf(principal: Partial<Principal>): RequestScope {
  return {
    principal: { kind: 'token', id: null, name: 'n', role: 'viewer', tenant: 't', environment: null, ...principal },
    tenant: 't',
    subservice: '/',
  };
}

describe('rateLimitKey', () => {
  it.each([
    {
      rule: 'an API token draws on its own budget',
      scope: scopeOf({ kind: 'token', id: 'tok1' }),
      key: 'token:tok1',
      anonymous: false,
    },
    {
      rule: 'a JWT subject draws on its own budget',
      scope: scopeOf({ kind: 'jwt', id: 'sub-9' }),
      key: 'jwt:sub-9',
      anonymous: false,
    },
    {
      rule: 'the operator has one budget',
      scope: scopeOf({ kind: 'operator', id: null }),
      key: 'operator',
      anonymous: false,
    },
    { rule: 'a request without a scope is counted by IP', scope: null, key: 'ip:10.0.0.7', anonymous: true },
    {
      rule: 'an anonymous principal is counted by IP',
      scope: scopeOf({ kind: 'anonymous', role: null }),
      key: 'ip:10.0.0.7',
      anonymous: true,
    },
    {
      rule: 'a token without an id is counted by IP',
      scope: scopeOf({ kind: 'token', id: null }),
      key: 'ip:10.0.0.7',
      anonymous: true,
    },
  ])('$rule', ({ scope, key, anonymous }) => {
    expect(rateLimitKey(scope, '10.0.0.7')).toEqual({ key, anonymous });
  });

  it("a token's budget follows the token from any IP address (token ids are random UUIDs)", () => {
    const token = scopeOf({ id: 'x' });
    expect(rateLimitKey(token, '1.1.1.1')).toEqual(rateLimitKey(token, '2.2.2.2'));
  });
});
