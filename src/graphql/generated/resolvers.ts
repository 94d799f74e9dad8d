import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Backend as BackendModel, BackendHealth as BackendHealthModel } from '../../backends/backend.js';
import type { ServerInfo as ServerInfoModel } from '../../services/serverInfoService.js';
import type { GraphQLContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string };
  String: { input: string; output: string };
  Boolean: { input: boolean; output: boolean };
  Int: { input: number; output: number };
  Float: { input: number; output: number };
  /**
   * An instant in time, written as an ISO 8601 / RFC 3339 date-time with a time-zone offset,
   * for example `2026-11-25T09:30:00.000Z` or `2026-11-25T10:30:00+01:00`.
   */
  DateTime: { input: Date | string; output: Date | string };
  /**
   * Any JSON value. Used only where the shape is open by nature (free-form attributes);
   * everything with a known shape has its own type.
   */
  JSON: { input: unknown; output: unknown };
};

/** A configured source of metrics. Queries that name no backend fan out to all that can answer. */
export type Backend = {
  __typename?: 'Backend';
  /** Whether the backend answers right now. Checked live, with a short timeout, each time it is asked for. */
  health: BackendHealth;
  /** The backend's name in the configuration, e.g. `native` or `prometheus`. */
  id: Scalars['ID']['output'];
  /** What kind of system it is. */
  kind: BackendKind;
};

/** The outcome of a live reachability probe of one backend. */
export type BackendHealth = {
  __typename?: 'BackendHealth';
  /** When the probe ran. */
  checkedAt: Scalars['DateTime']['output'];
  /** Why the backend is not healthy, as reported by the connection or the backend; null when healthy. */
  error?: Maybe<Scalars['String']['output']>;
  /** Round-trip time of the probe in milliseconds; null when the probe failed. */
  latencyMs?: Maybe<Scalars['Float']['output']>;
  /** True when the backend answered the probe successfully. */
  ok: Scalars['Boolean']['output'];
};

/** The kind of system a backend is. */
export type BackendKind =
  /** Almanac's own time-series store on Redis or Redis Cluster. */
  | 'native'
  /** A server that speaks the Prometheus HTTP API: Prometheus, Thanos Query, Mimir, VictoriaMetrics. */
  | 'prometheus';

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type Query = {
  __typename?: 'Query';
  /** One backend by id; null when no backend has that id. */
  backend?: Maybe<Backend>;
  /** Every configured backend, in configuration order. */
  backends: Array<Backend>;
  /** Facts about this Almanac server: its version and how long it has been running. */
  serverInfo: ServerInfo;
};

/**
 * The entry point for reading. Every error carries `extensions.code` (a stable code such as
 * `BAD_USER_INPUT`, `NOT_FOUND`, `BACKEND_UNAVAILABLE`) and `extensions.requestId`, the id
 * that also appears in the server's logs and in the `x-request-id` response header.
 */
export type QueryBackendArgs = {
  id: Scalars['ID']['input'];
};

/** Facts about the Almanac server that answered the request. */
export type ServerInfo = {
  __typename?: 'ServerInfo';
  /** When this server process started. */
  startedAt: Scalars['DateTime']['output'];
  /** Seconds since this server process started. */
  uptimeSeconds: Scalars['Float']['output'];
  /** The Almanac release, as in its package (semantic versioning). */
  version: Scalars['String']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<
  TResult,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<
  TResult,
  TKey extends string,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo,
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  obj: T,
  context: TContext,
  info: GraphQLResolveInfo,
) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<
  TResult = Record<PropertyKey, never>,
  TParent = Record<PropertyKey, never>,
  TContext = Record<PropertyKey, never>,
  TArgs = Record<PropertyKey, never>,
> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo,
) => TResult | Promise<TResult>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Backend: ResolverTypeWrapper<BackendModel>;
  BackendHealth: ResolverTypeWrapper<BackendHealthModel>;
  BackendKind: null;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ServerInfo: ResolverTypeWrapper<ServerInfoModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Backend: BackendModel;
  BackendHealth: BackendHealthModel;
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  JSON: Scalars['JSON']['output'];
  Query: Record<PropertyKey, never>;
  ServerInfo: ServerInfoModel;
  String: Scalars['String']['output'];
}>;

export type BackendResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Backend'] = ResolversParentTypes['Backend'],
> = ResolversObject<{
  health?: Resolver<ResolversTypes['BackendHealth'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['BackendKind'], ParentType, ContextType>;
}>;

export type BackendHealthResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['BackendHealth'] = ResolversParentTypes['BackendHealth'],
> = ResolversObject<{
  checkedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  latencyMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type BackendKindResolvers = { NATIVE: 'native'; PROMETHEUS: 'prometheus' };

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type QueryResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query'],
> = ResolversObject<{
  backend?: Resolver<Maybe<ResolversTypes['Backend']>, ParentType, ContextType, RequireFields<QueryBackendArgs, 'id'>>;
  backends?: Resolver<Array<ResolversTypes['Backend']>, ParentType, ContextType>;
  serverInfo?: Resolver<ResolversTypes['ServerInfo'], ParentType, ContextType>;
}>;

export type ServerInfoResolvers<
  ContextType = GraphQLContext,
  ParentType extends ResolversParentTypes['ServerInfo'] = ResolversParentTypes['ServerInfo'],
> = ResolversObject<{
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  uptimeSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = GraphQLContext> = ResolversObject<{
  Backend?: BackendResolvers<ContextType>;
  BackendHealth?: BackendHealthResolvers<ContextType>;
  BackendKind?: BackendKindResolvers;
  DateTime?: GraphQLScalarType;
  JSON?: GraphQLScalarType;
  Query?: QueryResolvers<ContextType>;
  ServerInfo?: ServerInfoResolvers<ContextType>;
}>;
