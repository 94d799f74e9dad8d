/**
 * The JSON body of a request refused by a transport limit, before GraphQL sees it (body size,
 * batch size, rate), or by the HTTP layer itself (server/httpRefusal.ts). Shaped like a GraphQL
 * error response, so a GraphQL client shows the message, and coded like every other Almanac
 * error: `extensions.code` plus the limit's facts, and `extensions.requestId`, the id in the
 * logs — the request's, or one made for a refusal that came before any request.
 */

export interface LimitResponseBody {
  errors: [{ message: string; extensions: Record<string, unknown> & { code: string; requestId: string } }];
}

export function limitResponse(
  request: { readonly id: string },
  message: string,
  code: string,
  facts: Record<string, unknown>,
): LimitResponseBody {
  return { errors: [{ message, extensions: { code, ...facts, requestId: request.id } }] };
}
