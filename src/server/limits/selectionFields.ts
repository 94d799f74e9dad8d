/**
 * How wide a parsed document's selection sets are, counted before validation: graphql-js's
 * OverlappingFieldsCanBeMerged compares the fields of a selection set pairwise, so one wide
 * selection set (10,000 repeated fields, thousands of aliases) costs the square of its width.
 * A selection set's width is what that rule compares: its own fields, plus those of the inline
 * fragments in it and of the named fragments spread into it, each spread counted in full.
 * Every selection set of the document is measured, the fragments' own included.
 *
 * The one rule: linear in the document, whatever it spreads, and no recursion deeper than the
 * document's nesting (which tokenScan.ts bounds before parsing). Each named fragment is
 * measured once, in an explicit depth-first walk rather than by recursion (a chain of
 * thousands of fragments, each spreading the next, is a short document), so a fragment bomb
 * counts its 2^n fields without expanding them. A spread of an unknown fragment, or of one
 * that is being measured (a cycle), counts 0: validation reports those documents. Counts stop
 * at Number.MAX_SAFE_INTEGER.
 */
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export interface Widest<Node> {
  fields: number;
  node: Node;
}

export interface SelectionFields {
  /** The widest selection set of the document (the first of equals); undefined if it has none. */
  widestSelection: Widest<SelectionSetNode> | undefined;
  /** The operation with the most root fields (the first of equals); undefined if it has none. */
  widestOperation: Widest<OperationDefinitionNode> | undefined;
}

/** A selection set's own fields (inline fragments' included) and the fragments it spreads. */
interface Shape {
  fields: number;
  spreads: string[];
}

const add = (a: number, b: number): number => Math.min(a + b, Number.MAX_SAFE_INTEGER);

function shapeOf(selectionSet: SelectionSetNode, shape: Shape = { fields: 0, spreads: [] }): Shape {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) shape.fields += 1;
    else if (selection.kind === Kind.FRAGMENT_SPREAD) shape.spreads.push(selection.name.value);
    else shapeOf(selection.selectionSet, shape);
  }
  return shape;
}

/** Each named fragment's width, by a post-order walk with an explicit stack. */
function fragmentWidths(document: DocumentNode): Map<string, number> {
  const shapes = new Map<string, Shape>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      shapes.set(definition.name.value, shapeOf(definition.selectionSet));
  }
  const widths = new Map<string, number>();
  const measuring = new Set<string>();
  for (const name of shapes.keys()) {
    const stack = [name];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as string;
      const shape = shapes.get(top) as Shape;
      if (widths.has(top)) {
        stack.pop();
      } else if (!measuring.has(top)) {
        measuring.add(top);
        for (const spread of shape.spreads) {
          if (shapes.has(spread) && !widths.has(spread) && !measuring.has(spread)) stack.push(spread);
        }
      } else {
        // Every spread is measured now, or is on the walk's path (a cycle: 0), or is unknown (0).
        widths.set(
          top,
          shape.spreads.reduce((sum, spread) => add(sum, widths.get(spread) ?? 0), shape.fields),
        );
        measuring.delete(top);
        stack.pop();
      }
    }
  }
  return widths;
}

export function selectionFields(document: DocumentNode): SelectionFields {
  const fragments = fragmentWidths(document);
  const widthOf = (selectionSet: SelectionSetNode): number => {
    const { fields, spreads } = shapeOf(selectionSet);
    return spreads.reduce((sum, spread) => add(sum, fragments.get(spread) ?? 0), fields);
  };
  const result: SelectionFields = { widestSelection: undefined, widestOperation: undefined };
  const visit = (selectionSet: SelectionSetNode): number => {
    const fields = widthOf(selectionSet);
    if (!result.widestSelection || fields > result.widestSelection.fields) {
      result.widestSelection = { fields, node: selectionSet };
    }
    for (const selection of selectionSet.selections) {
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) visit(selection.selectionSet);
    }
    return fields;
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const fields = visit(definition.selectionSet);
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    if (!result.widestOperation || fields > result.widestOperation.fields) {
      result.widestOperation = { fields, node: definition };
    }
  }
  return result;
}
