/** Creating API tokens and environments through the GraphQL API, as an admin would. */
import { expect } from 'vitest';
import type { TestGateway } from './gateway.js';

export interface CreatedToken {
  id: string;
  secret: string;
}

/** Creates a token in `tenant` as the operator (ADMIN_API_KEY with Fiware-Service). */
export async function createToken(
  gateway: TestGateway,
  {
    role,
    tenant = 'default',
    name = `${role.toLowerCase()}-token`,
    environment,
  }: { role: 'VIEWER' | 'RECORDER' | 'ADMIN'; tenant?: string; name?: string; environment?: string },
): Promise<CreatedToken> {
  const response = await gateway.graphql(
    'mutation ($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id } } }',
    { variables: { input: { name, role, environment } }, headers: { 'fiware-service': tenant } },
  );
  const body = (await response.json()) as {
    data?: { createApiToken: { secret: string; token: { id: string } } };
    errors?: unknown;
  };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  const created = body.data?.createApiToken;
  if (!created) throw new Error('createApiToken returned nothing');
  return { id: created.token.id, secret: created.secret };
}

/** Sends a query with a token and returns the parsed body and status. */
export async function query<T = Record<string, unknown>>(
  gateway: TestGateway,
  source: string,
  init: Parameters<TestGateway['graphql']>[1] = {},
): Promise<{
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions: Record<string, unknown> }[];
}> {
  const response = await gateway.graphql(source, init);
  return { status: response.status, ...((await response.json()) as object) };
}
