/**
 * One usage record per served request of the API family (`/graphql`, `/v1/...`, `/admin/...`,
 * OPTIONS excepted), handed to the usage recorder once the response was sent. The hook is
 * registered in those contexts only (httpServer.ts), so probes, `/metrics` and GraphiQL's page
 * and assets never reach it; a request under the API's prefixes that matches no route is
 * recorded with service `unknown`.
 *
 * A record belongs to the request's tenant. Anonymous requests that were served (status
 * below 400) go to the default tenant as user `anonymous`; requests refused before their
 * tenant was known — bad credentials (401), a bad or foreign tenant header (400, 403), an
 * anonymous request that failed — are not recorded: there is no tenant to charge them to, and
 * a record per guessed credential would let anyone fill a tenant's records.
 *
 * The rule: recording stays off the request path. The hook runs in onResponse, after the
 * response was sent; `recorder.record` only buffers, and nothing here can throw at the request.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_TENANT } from '../../auth/principal.js';
import type { Clock } from '../../clock.js';
import type { NotedOperation } from '../../graphql/context.js';
import type { NewUsageRecord, UsageAction } from '../../domain/usageRecord.js';
import type { UsageRecorder } from '../../services/usage/usageRecorder.js';
import type {} from '../requestScope.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The GraphQL operations of the request, as usagePlugin noted them; null for none. */
    usageOperations: NotedOperation[] | null;
  }
}

const CLIENT_NAME_HEADER = 'apollographql-client-name';
/** The application of requests that do not name one. */
const DEFAULT_APPLICATION = 'api';
/** Client names are tags of the usage series: longer ones are cut. */
const MAX_APPLICATION_LENGTH = 64;
/** The service of a request that matched no route: paths are unbounded, services are tags. */
const UNMATCHED_SERVICE = 'unknown';
/** Mutation root fields that remove something: their requests are deletes, not writes. */
const DELETING_FIELD = /^(delete|revoke|remove)/;

/** Notes an operation on the request; the GraphQL context calls it through `noteOperation`. */
/** The longest `detail` a usage record keeps. */
const MAX_DETAIL = 512;

export function noteOperation(request: FastifyRequest, operation: NotedOperation): void {
  (request.usageOperations ??= []).push(operation);
}

/**
 * What the requests of a context are: GraphQL ones are read, written or deleted as their
 * operations say, REST ones as their HTTP method says.
 */
export type UsageApi = 'graphql' | 'rest';

export function registerUsageHook(app: FastifyInstance, recorder: UsageRecorder, clock: Clock, api: UsageApi): void {
  app.decorateRequest('usageOperations', null);
  app.addHook('onResponse', (request, reply, done) => {
    try {
      const record = usageRecordOf(request, reply, clock.now().getTime(), api);
      if (record) recorder.record(record);
    } catch (error) {
      request.log.error({ err: error, requestId: request.id }, 'usage: request not recorded');
    }
    done();
  });
}

/** The request's usage record; null for a request that is not usage or has no tenant. */
export function usageRecordOf(
  request: FastifyRequest,
  reply: FastifyReply,
  now: number,
  api: UsageApi,
): NewUsageRecord | null {
  if (request.method === 'OPTIONS') return null;
  const path = request.url.split('?', 1)[0] ?? '';
  const graphql = api === 'graphql';
  const principal = request.scope?.principal;
  if (!request.scope && reply.statusCode >= 400) return null;
  const operations = graphql ? (request.usageOperations ?? []) : [];
  const route = request.routeOptions.url;
  const firstField = operations.flatMap((operation) => operation.coordinates)[0];
  return {
    tenant: request.scope?.tenant ?? DEFAULT_TENANT,
    action: graphql ? graphqlAction(operations) : restAction(request.method),
    application: applicationOf(request.headers[CLIENT_NAME_HEADER]),
    // Bounded: an operation name can be as long as the body, and records are kept for weeks.
    detail: (operations.length > 0 ? operations.map(describeOperation).join('; ') : `${request.method} ${path}`).slice(
      0,
      MAX_DETAIL,
    ),
    duration: Math.round(reply.elapsedTime * 1000) / 1000,
    environment: principal?.environment ?? null,
    httpstatus: reply.statusCode,
    invocationId: request.id,
    method: request.method.toLowerCase(),
    responseSize: byteCount(reply.getHeader('content-length')),
    service: firstField ? fieldName(firstField) : (route ?? UNMATCHED_SERVICE),
    timestamp: Math.round(now - reply.elapsedTime),
    type: 'api',
    user: principal?.name ?? 'anonymous',
    value: 1,
  };
}

/**
 * A query reads; a mutation writes, unless every root field it asks for removes something.
 * A batch of several is a read if all are, else a delete if all its changes are, else a write.
 * A request with no resolved operation (it failed to parse or validate) changed nothing: a read.
 */
function graphqlAction(operations: readonly NotedOperation[]): UsageAction {
  const changes = operations
    .filter((operation) => operation.type === 'mutation')
    .map((operation) =>
      operation.coordinates.every((coordinate) => DELETING_FIELD.test(fieldName(coordinate))) ? 'delete' : 'write',
    );
  if (changes.length === 0) return 'read';
  return changes.every((action) => action === 'delete') ? 'delete' : 'write';
}

function restAction(method: string): UsageAction {
  if (method === 'DELETE') return 'delete';
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') return 'write';
  return 'read';
}

/** `Name: Query.a, Query.b`, or the coordinates alone for an anonymous operation. */
function describeOperation(operation: NotedOperation): string {
  const fields = operation.coordinates.join(', ');
  return operation.name ? `${operation.name}: ${fields}` : fields;
}

function fieldName(coordinate: string): string {
  return coordinate.slice(coordinate.indexOf('.') + 1);
}

function applicationOf(header: string | string[] | undefined): string {
  const name = (Array.isArray(header) ? header[0] : header)?.trim();
  return name ? name.slice(0, MAX_APPLICATION_LENGTH) : DEFAULT_APPLICATION;
}

/** A Content-Length header as a number of bytes; 0 when absent (no body, or one sent in chunks). */
function byteCount(header: unknown): number {
  const bytes = Number(header);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : 0;
}
