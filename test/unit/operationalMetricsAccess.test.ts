import { describe, expect, it } from 'vitest';
import type { Principal, RequestScope } from '../../src/auth/principal.js';
import { visibleService } from '../../src/services/operationalMetricsService.js';

const principal = (kind: Principal['kind'], role: Principal['role'], tenant: string): Principal => ({
  kind,
  id: kind === 'token' || kind === 'jwt' ? 'id-1' : null,
  name: 'someone',
  role,
  tenant,
  environment: null,
});
const scope = (who: Principal, tenant = who.tenant): RequestScope => ({ principal: who, tenant, subservice: '/' });

const operator = scope(principal('operator', 'admin', 'default'), 'acme');
const acmeAdmin = scope(principal('token', 'admin', 'acme'));

describe('visibleService: which operational metrics a caller may see and reset', () => {
  it.each([
    {
      rule: 'the operator sees every service, whatever Fiware-Service it sent',
      viewer: operator,
      asked: undefined,
      sees: null,
    },
    { rule: 'the operator may narrow to any one service', viewer: operator, asked: 'zeta', sees: 'zeta' },
    { rule: "a tenant's admin token sees its own service", viewer: acmeAdmin, asked: undefined, sees: 'acme' },
    { rule: "a tenant's admin token may name its own service", viewer: acmeAdmin, asked: 'acme', sees: 'acme' },
    {
      rule: "a tenant's admin JWT is a tenant admin too",
      viewer: scope(principal('jwt', 'admin', 'acme')),
      asked: undefined,
      sees: 'acme',
    },
  ])('$rule', ({ viewer, asked, sees }) => {
    expect(visibleService(viewer, asked)).toBe(sees);
  });

  it.each([
    { rule: "a tenant's admin naming another service", viewer: acmeAdmin, asked: 'zeta', code: 'FORBIDDEN' },
    {
      rule: 'a viewer token',
      viewer: scope(principal('token', 'viewer', 'acme')),
      asked: undefined,
      code: 'FORBIDDEN',
    },
    {
      rule: 'a recorder token',
      viewer: scope(principal('token', 'recorder', 'acme')),
      asked: undefined,
      code: 'FORBIDDEN',
    },
    {
      rule: 'an anonymous principal',
      viewer: scope(principal('anonymous', null, 'default')),
      asked: undefined,
      code: 'FORBIDDEN',
    },
    { rule: 'a request without a scope', viewer: null, asked: undefined, code: 'UNAUTHENTICATED' },
  ])('$rule is refused with $code', ({ viewer, asked, code }) => {
    expect(() => visibleService(viewer, asked)).toThrow(expect.objectContaining({ code }));
  });
});
