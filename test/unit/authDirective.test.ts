import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Principal, RequestScope } from '../../src/auth/principal.js';
import { applyAuthDirective } from '../../src/graphql/authDirective.js';

const typeDefs = `
  enum Access { PUBLIC VIEWER RECORDER ADMIN }
  directive @auth(requires: Access!) on FIELD_DEFINITION | OBJECT
  type Query {
    open: Holder @auth(requires: PUBLIC)
    reading: String @auth(requires: VIEWER)
  }
  type Holder { secret: Secret, label: String }
  type Secret @auth(requires: ADMIN) { value: String, hint: String @auth(requires: VIEWER) }
`;
const resolvers = { Query: { open: () => ({ label: 'x', secret: { value: 'v', hint: 'h' } }), reading: () => 'r' } };
const schema = applyAuthDirective(makeExecutableSchema({ typeDefs, resolvers }));

function scopeOf(role: Principal['role']): RequestScope {
  return {
    principal: { kind: 'token', id: 't', name: 't', role, tenant: 'acme', environment: null },
    tenant: 'acme',
    subservice: '/',
  };
}

async function run(source: string, scope: RequestScope | null) {
  return graphql({ schema, source, contextValue: { scope } });
}

describe('applyAuthDirective', () => {
  it("a type's @auth guards its fields however the object was reached", async () => {
    const result = await run('{ open { label secret { value } } }', scopeOf('viewer'));
    expect(result.data).toEqual({ open: { label: 'x', secret: { value: null } } });
    expect(result.errors?.[0]?.originalError).toMatchObject({ code: 'FORBIDDEN', details: { requires: 'ADMIN' } });
    expect(result.errors?.[0]?.path).toEqual(['open', 'secret', 'value']);
  });

  it("a field's own @auth wins over its type's", async () => {
    const result = await run('{ open { secret { hint } } }', scopeOf('viewer'));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ open: { secret: { hint: 'h' } } });
  });

  it('an admin reads the guarded type', async () => {
    expect((await run('{ open { secret { value } } }', scopeOf('admin'))).data).toEqual({
      open: { secret: { value: 'v' } },
    });
  });

  it('without credentials, a field above PUBLIC is UNAUTHENTICATED', async () => {
    const result = await run('{ reading }', null);
    expect(result.errors?.[0]?.originalError).toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { requires: 'VIEWER' },
    });
  });

  it('refuses a schema with a root field that declares no access', () => {
    const bare = makeExecutableSchema({ typeDefs: `${typeDefs} extend type Query { forgotten: String }` });
    expect(() => applyAuthDirective(bare)).toThrow('root fields without @auth: Query.forgotten');
  });
});
