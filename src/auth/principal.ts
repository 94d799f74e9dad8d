/**
 * Who is making a request, and in which tenant scope. Set once per request by the
 * authentication hook (server/hooks/authenticationHook.ts) before anything else runs;
 * everything downstream — resolvers, services, counters, rate limits — reads it from here.
 */

/** A token's role, as in the AppOptics reference: each includes the ones before it. */
export type Role = 'viewer' | 'recorder' | 'admin';

export const ROLE_RANK: Record<Role, number> = { viewer: 1, recorder: 2, admin: 3 };

export function hasRole(principal: Principal, required: Role): boolean {
  return principal.role !== null && ROLE_RANK[principal.role] >= ROLE_RANK[required];
}

/** Who presented the credentials (the schema's `PrincipalKind`). */
export type PrincipalKind = 'operator' | 'token' | 'jwt' | 'anonymous';

export interface Principal {
  /**
   * `operator`: the bootstrap ADMIN_API_KEY, admin of every tenant (picks one with Fiware-Service);
   * `token`: an API token of one tenant; `jwt`: a bearer JWT from the configured OIDC provider;
   * `anonymous`: no credentials (allowed only while the gateway listens on loopback).
   */
  kind: PrincipalKind;
  /** Token id or JWT subject; null for the operator and anonymous. */
  id: string | null;
  /** Token name, JWT subject, `admin` for the operator, `anonymous`. Shown in usage records. */
  name: string;
  /** Null for anonymous: no role at all. */
  role: Role | null;
  /** The tenant (the Perseo reference's *service*) the credentials belong to. */
  tenant: string;
  /** The environment of the token, whose name is added as tag `environment` to measurements. */
  environment: string | null;
}

export interface RequestScope {
  principal: Principal;
  /** The tenant every read and write of this request is confined to. */
  tenant: string;
  /** The *subservice* (Fiware-ServicePath) inside the tenant, e.g. `/gardens`; `/` when none. */
  subservice: string;
}

export const DEFAULT_TENANT = 'default';
export const ROOT_SUBSERVICE = '/';
