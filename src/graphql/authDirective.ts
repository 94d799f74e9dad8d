/**
 * Enforces `@auth(requires: ...)` from the SDL: every field that declares it, and every field
 * of an object type that declares it, checks the request's principal before resolving (a
 * field's own directive wins over its type's). Root fields must all declare it — the schema
 * is refused at start otherwise — so no operation can be added without saying who may use it;
 * types that carry admin data declare it too, so a new path to them cannot leak them.
 */
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLFieldConfig, type GraphQLSchema } from 'graphql';
import { hasRole, type RequestScope, type Role } from '../auth/principal.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { GraphQLContext } from './context.js';
import type { Access } from './generated/resolvers.js';

export type { Access };

/**
 * The role each access above PUBLIC needs. Access has no internal values (enumResolvers.ts):
 * its names are what errors show in `extensions.requires`.
 */
const ROLE_NEEDED: Readonly<Record<Exclude<Access, 'PUBLIC'>, Role>> = {
  VIEWER: 'viewer',
  RECORDER: 'recorder',
  ADMIN: 'admin',
};

export function accessOf(schema: GraphQLSchema, field: GraphQLFieldConfig<unknown, unknown>): Access | undefined {
  return getDirective(schema, field, 'auth')?.[0]?.requires as Access | undefined;
}

/** Throws unless the scope's principal has the access; `coordinate` names the field in the message. */
export function authorize(scope: RequestScope | null, required: Access, coordinate: string): void {
  if (required === 'PUBLIC') return;
  const role = ROLE_NEEDED[required];
  if (!scope)
    throw new UnauthenticatedError(`${coordinate} needs a ${required} token: send Authorization: Bearer <API token>`, {
      requires: required,
    });
  if (!hasRole(scope.principal, role)) {
    throw new ForbiddenError(
      `${coordinate} needs the ${required} role; these credentials have ${String(scope.principal.role).toUpperCase()}`,
      {
        requires: required,
      },
    );
  }
}

export function applyAuthDirective(schema: GraphQLSchema): GraphQLSchema {
  const rootTypes = new Set([
    schema.getQueryType()?.name,
    schema.getMutationType()?.name,
    schema.getSubscriptionType()?.name,
  ]);
  const undeclared: string[] = [];
  const secured = mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const type = schema.getType(typeName);
      const required =
        accessOf(schema, field) ??
        (type ? (getDirective(schema, type, 'auth')?.[0]?.requires as Access | undefined) : undefined);
      if (!required) {
        if (rootTypes.has(typeName)) undeclared.push(`${typeName}.${fieldName}`);
        return field;
      }
      const resolve = field.resolve ?? defaultFieldResolver;
      const coordinate = `${typeName}.${fieldName}`;
      return {
        ...field,
        resolve: (source, args, context: GraphQLContext, info) => {
          authorize(context.scope, required, coordinate);
          return resolve(source, args, context, info);
        },
      };
    },
  });
  if (undeclared.length > 0) throw new Error(`root fields without @auth: ${undeclared.join(', ')}`);
  return secured;
}
