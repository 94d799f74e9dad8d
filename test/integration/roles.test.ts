/**
 * Every root field, with every kind of caller: generated from the schema, so a new field is
 * covered the day it is added. A caller with enough access never gets UNAUTHENTICATED or
 * FORBIDDEN for it; one without gets exactly that, on that field's path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../harness/gateway.js';
import { rootOperations } from '../harness/operations.js';
import { createToken, query } from '../harness/tokens.js';

const operations = rootOperations();
const RANK = { PUBLIC: 0, VIEWER: 1, RECORDER: 2, ADMIN: 3 } as const;

let gateway: TestGateway;
const callers: { name: string; rank: number; token: string | null }[] = [];
beforeAll(async () => {
  gateway = await startTestGateway();
  callers.push({ name: 'anonymous', rank: 0, token: null });
  for (const role of ['VIEWER', 'RECORDER', 'ADMIN'] as const) {
    callers.push({
      name: role.toLowerCase(),
      rank: RANK[role],
      token: (await createToken(gateway, { role, name: `roles-${role}` })).secret,
    });
  }
});
afterAll(() => gateway.close());

describe('the schema declares access for every root field', () => {
  it.each(operations.map((operation) => [operation.coordinate, operation]))(
    '%s has @auth',
    (_coordinate, operation) => {
      expect(operation.access).toMatch(/^(PUBLIC|VIEWER|RECORDER|ADMIN)$/);
    },
  );
});

describe.each(operations.map((operation) => [operation.coordinate, operation]))('%s', (_coordinate, operation) => {
  const required = RANK[operation.access ?? 'ADMIN'];
  it.each(['anonymous', 'viewer', 'recorder', 'admin'])('as %s', async (callerName) => {
    const caller = callers.find((candidate) => candidate.name === callerName);
    if (!caller) throw new Error(`no caller ${callerName}`);
    const result = await query(gateway, operation.source, { token: caller.token });
    const denial = result.errors?.find(
      (error) => error.extensions.code === 'UNAUTHENTICATED' || error.extensions.code === 'FORBIDDEN',
    );
    expect(
      result.errors?.some((error) => error.extensions.code === 'GRAPHQL_VALIDATION_FAILED'),
      JSON.stringify(result.errors),
    ).toBeFalsy();
    if (caller.rank >= required) {
      expect(denial, JSON.stringify(denial)).toBeUndefined();
    } else {
      expect(denial?.extensions.code).toBe(caller.token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      expect(denial?.path).toEqual([operation.fieldName]);
      expect(denial?.message).toContain(`needs`);
    }
  });
});
