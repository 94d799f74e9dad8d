/**
 * `limits.maxDepth`: how deeply fields may nest. A root field is at depth 1; fragments
 * (named or inline) add no depth of their own, their fields count where they are spread.
 * Introspection fields count like any other (`__type { ofType { ofType ... } }` can nest as
 * deep as a client likes), so the limit must leave room for the standard introspection query
 * of GraphiQL and codegen (`getIntrospectionQuery()`), which has depth 15.
 */
import { Kind, type OperationDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { FragmentMemo, type FragmentLookup } from './fragmentMemo.js';
import { limitExceeded } from './limitError.js';

export function operationDepth(operation: OperationDefinitionNode, lookup: FragmentLookup): number {
  const fragments = new FragmentMemo(lookup, (fragment) => depthOf(fragment.selectionSet), 0);
  function depthOf(selectionSet: SelectionSetNode | undefined): number {
    let deepest = 0;
    for (const selection of selectionSet?.selections ?? []) {
      const depth =
        selection.kind === Kind.FIELD
          ? 1 + depthOf(selection.selectionSet)
          : selection.kind === Kind.INLINE_FRAGMENT
            ? depthOf(selection.selectionSet)
            : fragments.get(selection.name.value);
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  }
  return depthOf(operation.selectionSet);
}

export function maxDepthRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const depth = operationDepth(operation, (name) => context.getFragment(name));
      if (depth > max) context.reportError(limitExceeded('maxDepth', max, depth, operation));
    },
  });
}
