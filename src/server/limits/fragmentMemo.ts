/**
 * Measures each named fragment of a document once. The limit rules expand fragments where
 * they are spread, so a measure counts what execution would really do; without the memo a
 * "fragment bomb" (each fragment spreading the next one twice) would make the rule itself
 * exponential. The one rule: a fragment that is unknown, or that spreads itself, measures as
 * `fallback` — graphql-js's own rules report those documents, the limits must only terminate.
 */
import type { FragmentDefinitionNode } from 'graphql';

/** How a rule finds a fragment by name: `ValidationContext.getFragment`, or a document's. */
export type FragmentLookup = (name: string) => FragmentDefinitionNode | null | undefined;

export class FragmentMemo<T> {
  private readonly measured = new Map<string, T>();
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly lookup: FragmentLookup,
    private readonly measure: (fragment: FragmentDefinitionNode) => T,
    private readonly fallback: T,
  ) {}

  get(name: string): T {
    const known = this.measured.get(name);
    if (known !== undefined) return known;
    const fragment = this.lookup(name);
    if (!fragment || this.inProgress.has(name)) return this.fallback;
    this.inProgress.add(name);
    const value = this.measure(fragment);
    this.inProgress.delete(name);
    this.measured.set(name, value);
    return value;
  }
}

/** A lookup over the fragments of a parsed document, for callers outside validation. */
export function documentFragments(definitions: readonly { kind: string }[]): FragmentLookup {
  const byName = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions) {
    if (definition.kind === 'FragmentDefinition') {
      const fragment = definition as FragmentDefinitionNode;
      byName.set(fragment.name.value, fragment);
    }
  }
  return (name) => byName.get(name);
}
