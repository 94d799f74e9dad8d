/**
 * Partial results: a field that answers with what the other backends gave while one failed
 * (`BACKEND_UNAVAILABLE` with `extensions.backend`). A resolver cannot both return and throw,
 * so it returns its result through here, and each failure is reported as an error on the
 * field's path beside the data (server/plugins/partialErrorsPlugin.ts adds them to the response).
 *
 * The rule: every resolver whose result carries `failures` returns it through this helper, so
 * no failure is swallowed and each names the field whose data it is missing from.
 */
import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { AlmanacError } from '../errors.js';
import type { GraphQLContext } from './context.js';

export function withPartialFailures<T extends { readonly failures: readonly AlmanacError[] }>(
  context: GraphQLContext,
  info: GraphQLResolveInfo,
  result: T,
): T {
  const path = responsePathAsArray(info.path);
  for (const error of result.failures) context.partialErrors.push({ error, path });
  return result;
}
