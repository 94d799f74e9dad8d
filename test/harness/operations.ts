/**
 * Builds, from the schema itself, a minimal valid operation for every root field: required
 * arguments get placeholder values of their type, object results select `__typename`. Tests
 * that must cover "every root field" use this, so a new field is covered without editing them.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { accessOf, type Access } from '../../src/graphql/authDirective.js';
import { loadTypeDefs } from '../../src/graphql/schema.js';

export interface RootOperation {
  coordinate: string;
  fieldName: string;
  access: Access | undefined;
  source: string;
}

export function contractSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs: loadTypeDefs() });
}

export function rootOperations(schema: GraphQLSchema = contractSchema()): RootOperation[] {
  const roots = [
    { keyword: 'query', type: schema.getQueryType() },
    { keyword: 'mutation', type: schema.getMutationType() },
  ];
  return roots.flatMap(({ keyword, type }) =>
    type
      ? Object.values(type.getFields()).map((field) => ({
          coordinate: `${type.name}.${field.name}`,
          fieldName: field.name,
          access: field.astNode ? accessOf(schema, field as unknown as Parameters<typeof accessOf>[1]) : undefined,
          source: `${keyword} { ${field.name}${argumentsOf(field)}${selectionOf(field)} }`,
        }))
      : [],
  );
}

function argumentsOf(field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  return required.length === 0 ? '' : `(${required.map((arg) => `${arg.name}: ${placeholder(arg.type)}`).join(', ')})`;
}

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
}

function placeholder(type: GraphQLInputType): string {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return `[${placeholder(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]?.name ?? 'null';
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) && field.defaultValue === undefined,
    );
    return `{ ${fields.map((field) => `${field.name}: ${placeholder(field.type)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
      case 'Float':
        return '1';
      case 'Boolean':
        return 'true';
      case 'DateTime':
        return '"2026-01-01T00:00:00Z"';
      default:
        return '"placeholder"';
    }
  }
  return 'null';
}
