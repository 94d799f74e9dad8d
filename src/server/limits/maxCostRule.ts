/**
 * `limits.maxCost`: the estimated size of an operation's response (model in operationCost.ts)
 * may not exceed the limit. Checked twice: here, during validation, with list sizes written
 * in the document; and by `maxCostPlugin` once the request's variables are known, so that
 * `first: $n` cannot slip a huge page past a validation that had to guess `$n`.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { ValidationRule } from 'graphql';
import { documentFragments } from './fragmentMemo.js';
import { limitExceeded } from './limitError.js';
import { operationCost } from './operationCost.js';

export interface CostLimit {
  maxCost: number;
  defaultListSize: number;
}

export function maxCostRule({ maxCost, defaultListSize }: CostLimit): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const cost = operationCost(context.getSchema(), operation, (name) => context.getFragment(name), {
        defaultListSize,
      });
      if (cost > maxCost) context.reportError(limitExceeded('maxCost', maxCost, cost, operation));
    },
  });
}

/** The second check, with variables: an error thrown here answers 400 like a validation error. */
export function maxCostPlugin<Context extends object>({
  maxCost,
  defaultListSize,
}: CostLimit): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation?.variableDefinitions?.length) return;
          const cost = operationCost(schema, operation, documentFragments(document.definitions), {
            defaultListSize,
            variables: request.variables ?? {},
          });
          if (cost <= maxCost) return;
          throw limitExceeded('maxCost', maxCost, cost, operation, { status: 400 });
        },
      };
    },
  };
}
