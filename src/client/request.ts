/**
 * A typed GraphQL request for programs that use Almanac: pass a document made by the
 * generated `graphql()` function and get back data typed from the schema. Errors come back
 * as an `AlmanacRequestError` carrying every GraphQL error with its `extensions.code`.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';

export interface RequestOptions {
  /** An Almanac API token, sent as `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** Extra headers, e.g. `apollographql-client-name`. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export class AlmanacRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: readonly GraphQLFormattedError[],
  ) {
    super(
      errors.map((error) => `${String(error.extensions?.code ?? 'ERROR')}: ${error.message}`).join('; ') ||
        `HTTP ${status}`,
    );
    this.name = 'AlmanacRequestError';
  }
}

export async function request<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  { token, headers = {}, signal }: RequestOptions = {},
): Promise<Result> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query: print(document), variables }),
    signal,
  });
  const body = (await response.json().catch(() => ({}))) as { data?: Result | null; errors?: GraphQLFormattedError[] };
  if (body.errors?.length || body.data == null) throw new AlmanacRequestError(response.status, body.errors ?? []);
  return body.data;
}
