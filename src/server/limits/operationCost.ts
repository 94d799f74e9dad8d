/**
 * The cost model of `limits.maxCost`: an estimate of how many values a response can hold,
 * computed from the document alone, before anything runs.
 *
 * - Every field costs 1, and a field with a selection adds the cost of its selection.
 * - A field that returns a list counts once per item: its own 1 and its selection are
 *   multiplied by the list size — the field's `first`, `last` or `limit` argument when it has
 *   one (the largest, if several), else `defaultListSize`. Lists inside lists multiply.
 *   A `first`/`last`/`limit` argument multiplies a field that is not a list too: such a field
 *   is a page whose size the client chose.
 * - Introspection fields (`__schema`, `__type` and everything below) cost 1 each with no
 *   multiplication: their lists are bounded by the schema, not by data, and graphql-js's
 *   own MaxIntrospectionDepthRule refuses recursion through them (`fields { type { fields`).
 * - A size given as a variable is read from the request's variables; without them (during
 *   validation, which runs before variables are known) from the variable's default value,
 *   else it counts as `defaultListSize` — and the cost is checked again once they are known.
 *
 * The one rule: the estimate must only grow with what a query asks for; it is a bound for
 * rejecting queries up front, never a bill.
 */
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isIntrospectionType,
  isListType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { FragmentMemo, type FragmentLookup } from './fragmentMemo.js';

/** Arguments that say how many items a field returns. */
export const SIZE_ARGUMENTS: readonly string[] = ['first', 'last', 'limit'];

export interface CostOptions {
  defaultListSize: number;
  /** The request's variables; unknown during validation. */
  variables?: Readonly<Record<string, unknown>> | undefined;
}

export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  lookup: FragmentLookup,
  options: CostOptions,
): number {
  const sizeOf = sizeReader(operation, options);
  const fragments = new FragmentMemo(
    lookup,
    (fragment) => costOf(fragment.selectionSet, compositeType(schema, fragment.typeCondition.name.value)),
    0,
  );

  function costOf(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType | undefined): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) cost += fieldCost(selection, parentType);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) cost += fragments.get(selection.name.value);
      else {
        const condition = selection.typeCondition?.name.value;
        cost += costOf(selection.selectionSet, condition ? compositeType(schema, condition) : parentType);
      }
    }
    return cost;
  }

  function fieldCost(field: FieldNode, parentType: GraphQLCompositeType | undefined): number {
    const definition = parentType ? fieldDefinition(schema, parentType, field.name.value) : undefined;
    const childType = definition ? getNamedType(definition.type) : undefined;
    const children = field.selectionSet
      ? costOf(field.selectionSet, isCompositeType(childType) ? childType : undefined)
      : 0;
    return multiplier(field, definition, parentType) * (1 + children);
  }

  function multiplier(
    field: FieldNode,
    definition: GraphQLField<unknown, unknown> | undefined,
    parentType: GraphQLCompositeType | undefined,
  ): number {
    if (!definition || !parentType || isIntrospectionType(parentType) || field.name.value.startsWith('__')) return 1;
    const size = sizeOf(field);
    if (size !== undefined) return size;
    return isListType(getNullableType(definition.type)) ? options.defaultListSize : 1;
  }

  const root = schema.getRootType(operation.operation) ?? undefined;
  return costOf(operation.selectionSet, root);
}

function compositeType(schema: GraphQLSchema, name: string): GraphQLCompositeType | undefined {
  const type = schema.getType(name);
  return isCompositeType(type) ? type : undefined;
}

/** A field's definition, including the meta-fields every type has but none declares. */
function fieldDefinition(
  schema: GraphQLSchema,
  parentType: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parentType === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return 'getFields' in parentType ? parentType.getFields()[name] : undefined;
}

/** Reads a field's size argument: the largest of `first`/`last`/`limit` it is given, if any. */
function sizeReader(operation: OperationDefinitionNode, { variables }: CostOptions) {
  const defaults = new Map(
    (operation.variableDefinitions ?? []).map((definition) => [
      definition.variable.name.value,
      definition.defaultValue,
    ]),
  );
  const numberOf = (value: ValueNode): number | undefined => {
    if (value.kind === Kind.INT || value.kind === Kind.FLOAT) return Number(value.value);
    if (value.kind !== Kind.VARIABLE) return undefined;
    if (variables && Object.hasOwn(variables, value.name.value)) {
      const given = variables[value.name.value];
      return typeof given === 'number' ? given : undefined;
    }
    const fallback = defaults.get(value.name.value);
    return fallback ? numberOf(fallback) : undefined;
  };
  return (field: FieldNode): number | undefined => {
    let size: number | undefined;
    for (const argument of field.arguments ?? []) {
      if (!SIZE_ARGUMENTS.includes(argument.name.value)) continue;
      const value = numberOf(argument.value);
      if (value !== undefined && Number.isFinite(value)) size = Math.max(size ?? 0, Math.ceil(Math.max(0, value)));
    }
    return size;
  };
}
