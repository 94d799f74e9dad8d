/**
 * `limits.maxDirectives`: directives used per operation (on the operation, its fields and
 * its fragments' fields; a fragment's count once for every place it is spread). Thousands
 * of repeated directives on one field make every validation rule and the executor loop
 * over them: a cheap document that is expensive to check.
 */
import { Kind, type OperationDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { FragmentMemo, type FragmentLookup } from './fragmentMemo.js';
import { limitExceeded } from './limitError.js';

export function operationDirectives(operation: OperationDefinitionNode, lookup: FragmentLookup): number {
  const fragments = new FragmentMemo(
    lookup,
    (fragment) => (fragment.directives?.length ?? 0) + directivesIn(fragment.selectionSet),
    0,
  );
  function directivesIn(selectionSet: SelectionSetNode | undefined): number {
    let count = 0;
    for (const selection of selectionSet?.selections ?? []) {
      count += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FRAGMENT_SPREAD) count += fragments.get(selection.name.value);
      else count += directivesIn(selection.selectionSet);
    }
    return count;
  }
  return (operation.directives?.length ?? 0) + directivesIn(operation.selectionSet);
}

export function maxDirectivesRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const directives = operationDirectives(operation, (name) => context.getFragment(name));
      if (directives > max) context.reportError(limitExceeded('maxDirectives', max, directives, operation));
    },
  });
}
