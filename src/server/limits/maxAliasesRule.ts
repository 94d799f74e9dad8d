/**
 * `limits.maxAliases`: aliased fields per operation. Aliases are how one small document asks
 * for the same expensive field thousands of times (`a1: series(...) a2: series(...) ...`);
 * a fragment's aliases count once for every place the fragment is spread.
 */
import { Kind, type OperationDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { FragmentMemo, type FragmentLookup } from './fragmentMemo.js';
import { limitExceeded } from './limitError.js';

export function operationAliases(operation: OperationDefinitionNode, lookup: FragmentLookup): number {
  const fragments = new FragmentMemo(lookup, (fragment) => aliasesIn(fragment.selectionSet), 0);
  function aliasesIn(selectionSet: SelectionSetNode | undefined): number {
    let count = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) count += fragments.get(selection.name.value);
      else count += (selection.kind === Kind.FIELD && selection.alias ? 1 : 0) + aliasesIn(selection.selectionSet);
    }
    return count;
  }
  return aliasesIn(operation.selectionSet);
}

export function maxAliasesRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const aliases = operationAliases(operation, (name) => context.getFragment(name));
      if (aliases > max) context.reportError(limitExceeded('maxAliases', max, aliases, operation));
    },
  });
}
