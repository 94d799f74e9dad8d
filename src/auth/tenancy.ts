/**
 * The tenant scope a request asks for with the FIWARE headers `Fiware-Service` (the tenant,
 * the reference's *service*) and `Fiware-ServicePath` (a *subservice* inside it, e.g.
 * `/gardens`). Pure validation, with the rules FIWARE tooling already follows: a service is
 * lower-case letters, digits and `_` (at most 50); a path is `/` or up to 10 `/`-separated
 * segments of letters, digits and `_` (at most 50 each).
 */
import { ForbiddenError, UserInputError } from '../errors.js';
import { ROOT_SUBSERVICE, type Principal, type RequestScope } from './principal.js';

const SERVICE = /^[a-z0-9_]{1,50}$/;
const PATH_SEGMENT = /^[A-Za-z0-9_]{1,50}$/;
const MAX_SEGMENTS = 10;

export interface RequestedScope {
  /** Undefined when the header is absent: the credentials' own tenant applies. */
  tenant: string | undefined;
  subservice: string;
}

export function readTenantHeaders(
  service: string | string[] | undefined,
  servicePath: string | string[] | undefined,
): RequestedScope {
  if (Array.isArray(service) || Array.isArray(servicePath)) {
    throw new UserInputError('send Fiware-Service and Fiware-ServicePath at most once each', {
      header: Array.isArray(service) ? 'Fiware-Service' : 'Fiware-ServicePath',
    });
  }
  return {
    tenant: service === undefined ? undefined : checkService(service),
    subservice: servicePath === undefined ? ROOT_SUBSERVICE : checkServicePath(servicePath),
  };
}

export function isValidTenant(name: string): boolean {
  return SERVICE.test(name);
}

function checkService(value: string): string {
  const service = value.trim().toLowerCase();
  if (!SERVICE.test(service)) {
    throw new UserInputError(
      `Fiware-Service "${truncate(value)}" is not a valid service: use 1-50 lower-case letters, digits or "_"`,
      { header: 'Fiware-Service' },
    );
  }
  return service;
}

function checkServicePath(value: string): string {
  const path = value.trim();
  if (path === ROOT_SUBSERVICE) return path;
  const segments = path.split('/');
  const valid =
    path.startsWith('/') &&
    segments.length - 1 <= MAX_SEGMENTS &&
    segments.slice(1).every((segment) => PATH_SEGMENT.test(segment));
  if (!valid) {
    throw new UserInputError(
      `Fiware-ServicePath "${truncate(value)}" is not a valid path: use "/" or up to ${MAX_SEGMENTS} segments like "/gardens/north", each 1-50 letters, digits or "_"`,
      { header: 'Fiware-ServicePath' },
    );
  }
  return path;
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 60)}…` : value;
}

/**
 * The scope a principal gets for what it asked: the operator may act in any tenant (default
 * `default`); everyone else only in their own, and naming another is forbidden.
 */
export function resolveScope(principal: Principal, requested: RequestedScope): RequestScope {
  if (principal.kind === 'operator') {
    return { principal, tenant: requested.tenant ?? principal.tenant, subservice: requested.subservice };
  }
  if (requested.tenant !== undefined && requested.tenant !== principal.tenant) {
    throw new ForbiddenError(`these credentials belong to another service than Fiware-Service "${requested.tenant}"`, {
      header: 'Fiware-Service',
    });
  }
  return { principal, tenant: principal.tenant, subservice: requested.subservice };
}
