/**
 * Creating API tokens through the GraphQL API, as an admin would, and the harness's one way of
 * sending a GraphQL request and reading its answer.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, print, type DocumentNode } from 'graphql';
import { expect } from 'vitest';
import { graphql } from '../../src/client/generated/index.js';
import type { TestGateway } from './gateway.js';

export interface CreatedToken {
  id: string;
  secret: string;
}

const CreateTestToken = graphql(`
  mutation CreateTestToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      token {
        id
      }
    }
  }
`);

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
  const body = await query(gateway, CreateTestToken, {
    variables: { input: { name, role, environment } },
    headers: { 'fiware-service': tenant },
  });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  const created = body.data?.createApiToken;
  if (!created) throw new Error('createApiToken returned nothing');
  return { id: created.token.id, secret: created.secret };
}

/** A GraphQL error as Almanac formats it: always with `extensions.code`. */
export interface QueryError {
  message: string;
  path?: string[];
  extensions: Record<string, unknown>;
}

/** A GraphQL response body with the HTTP status it came with. */
export interface QueryReply<T> {
  status: number;
  data?: T | null;
  errors?: QueryError[];
}

/**
 * The fields a fragment made by `graphql()` selects, as text, for the queries tests write as
 * strings around them (`{ ${fieldsOf(Fragment)} }`): the fragment stays the one list of them.
 */
export function fieldsOf(fragment: DocumentNode): string {
  const [definition] = fragment.definitions;
  if (definition?.kind !== Kind.FRAGMENT_DEFINITION) throw new Error('fieldsOf: not a fragment');
  return print(definition.selectionSet).slice(1, -1).replace(/\s+/g, ' ').trim();
}

/**
 * Sends a query with a token and returns the parsed body and status. A document made by the
 * generated `graphql()` types its data; a string is for what a test sends on purpose (a
 * mistake, a limit) and is typed by the caller. Variables stay untyped either way, so a test
 * can send wrong ones.
 */
export async function query<T = Record<string, unknown>>(
  gateway: TestGateway,
  document: string | TypedDocumentNode<T, never>,
  init: Parameters<TestGateway['graphql']>[1] = {},
): Promise<QueryReply<T>> {
  const response = await gateway.graphql(typeof document === 'string' ? document : print(document), init);
  return { status: response.status, ...((await response.json()) as object) };
}
