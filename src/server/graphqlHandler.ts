/**
 * The `/graphql` route handler: Apollo Server's Fastify handler, with batches (a JSON array of
 * operations) run here, one Apollo request per operation. Apollo would run a batch with one
 * context for all its operations; Almanac's context carries what an operation reports beside
 * its data (`partialErrors`, e.g. one backend down; the backends it called), and a shared one
 * would hand one operation's errors to every other. Each operation gets its own context, with
 * its own DataLoaders and fan-out records; the fan-out budgets stay the HTTP request's, so a
 * batch waits for a hung backend at most its `timeoutMs` in all (services/fanOut.ts).
 *
 * The rule: the answer is what Apollo would send for the batch — the operations' JSON bodies
 * as one array, in order, with the headers and status of all of them merged, later ones winning.
 */
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLContext } from '../graphql/context.js';
import { createLoaders } from '../graphql/loaders.js';
import type { FanOut } from '../services/fanOut.js';
import { limitResponse } from './limits/limitResponse.js';

/** The parts of a context shared by every operation of one HTTP request. */
type RequestContext = Omit<GraphQLContext, 'partialErrors' | 'fanOut' | 'loaders'> & {
  /** Each backend's budget for the whole request. */
  requestFanOut: FanOut;
};

/** One operation's context: its own reports and loaders, the request's budgets. */
function operationContext(shared: RequestContext): GraphQLContext {
  const fanOut = shared.requestFanOut.forOperation();
  return { ...shared, partialErrors: [], fanOut, loaders: createLoaders(shared.services, fanOut) };
}

export function graphqlHandler(
  apollo: ApolloServer<GraphQLContext>,
  contextOf: (request: FastifyRequest) => RequestContext,
) {
  const single = fastifyApolloHandler<GraphQLContext>(apollo, {
    context: async (request) => operationContext(contextOf(request)),
  });
  return async function handleGraphql(
    this: FastifyInstance,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<unknown> {
    if (request.method !== 'POST' || !Array.isArray(request.body)) {
      type Single = Parameters<typeof single>;
      return single.call(this, request as Single[0], reply as Single[1]);
    }
    if (request.body.length === 0) {
      return reply.code(400).send(limitResponse(request, 'No operations found in request.', 'BAD_REQUEST', {}));
    }
    const shared = contextOf(request);
    const head = { headers: headersOf(request), search: new URL(request.url, 'http://localhost/').search };
    const answers = await Promise.all(
      (request.body as unknown[]).map((body) =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: 'POST', ...head, body },
          context: async () => operationContext(shared),
        }),
      ),
    );
    let status = 200;
    const bodies: string[] = [];
    for (const answer of answers) {
      if (answer.status) status = answer.status;
      // Content-Type included: each answer's follows the request's Accept, as Apollo's would.
      for (const [name, value] of answer.headers) void reply.header(name, value);
      // As Apollo: a batch has no incremental delivery (graphql 16 has none to give).
      if (answer.body.kind !== 'complete') throw new Error('a batch has no incremental delivery');
      bodies.push(answer.body.string);
    }
    return reply.code(status).send(`[${bodies.join(',')}]`);
  };
}

function headersOf(request: FastifyRequest): HeaderMap {
  const map = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value) map.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return map;
}
