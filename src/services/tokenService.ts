/**
 * API tokens (AppOptics reference): CRUD for admins, and the lookup that authenticates a
 * request. The records are store/tokenRecords.ts's; here are the rules: valid names, an
 * environment that exists, and a secret that authenticates only an active token.
 * The rule: revoking (deactivating or deleting) must take effect everywhere within
 * AUTH_CACHE_MS while the store answers, so nothing answers from a lookup older than that
 * while it does. Only while the store cannot be asked (store/storeHealth.ts: down, or silent
 * for a moment) does a token verified within `auth.tokenGraceMinutes` keep working from its
 * last good lookup — revoking it needs the store anyway — and a token never verified gets
 * 503 at once. A token the store says is gone is never served from that grace cache again.
 */
import { randomUUID } from 'node:crypto';
import type { Principal, Role } from '../auth/principal.js';
import { hashSecret, newSecret, sameSecret, shownPrefix } from '../auth/tokenSecret.js';
import { boundedCache, CACHE_LIMITS } from '../cacheLimits.js';
import type { Clock } from '../clock.js';
import { wildcardMatcher } from '../domain/wildcard.js';
import type { LRUCache } from 'lru-cache';
import { Counter, type Registry } from 'prom-client';
import { NotFoundError, StoreUnavailableError, UserInputError } from '../errors.js';
import type { StoreHealth } from '../store/storeHealth.js';
import type { ApiToken, TokenRecords } from '../store/tokenRecords.js';
import type { EnvironmentService } from './environmentService.js';

export type { ApiToken } from '../store/tokenRecords.js';

export interface NewToken {
  name: string;
  role: Role;
  active?: boolean | null;
  environment?: string | null;
}

export interface TokenChanges {
  name?: string | null;
  role?: Role | null;
  active?: boolean | null;
}

/** How long a lookup may be reused: the bound on how late a revocation takes effect. */
export const AUTH_CACHE_MS = CACHE_LIMITS.tokenLookups.ttlMs;
const MAX_NAME = 255;

/** How token lookups survive an outage of the store. */
export interface TokenGrace {
  /** The store's health signal: lookups skip Redis at once while it is down. */
  health: StoreHealth;
  /** How long after its last good lookup a token works while the store cannot be asked; 0 for never. */
  minutes: number;
  /** Where the counter of lookups answered from the grace cache is registered (served on /metrics). */
  registry: Registry;
}

/** A good lookup of a token, and when it was made (a monotonic clock, as the cache's own TTL). */
interface Verified {
  principal: Principal;
  at: number;
}

export class TokenService {
  /**
   * Secret hash → the last good lookup (hits only). Answered while younger than AUTH_CACHE_MS
   * whatever the store does; older, only while the store cannot be asked (within the grace TTL).
   */
  private readonly verified: LRUCache<string, Verified>;
  private readonly health: StoreHealth;
  private readonly servedFromGrace: Counter;

  constructor(
    private readonly records: TokenRecords,
    private readonly environments: EnvironmentService,
    private readonly clock: Clock,
    { health, minutes, registry }: TokenGrace,
  ) {
    this.health = health;
    this.verified = boundedCache<string, Verified>({
      max: CACHE_LIMITS.tokenLookups.max,
      ttlMs: Math.max(AUTH_CACHE_MS, minutes * 60_000),
    });
    this.servedFromGrace = new Counter({
      name: 'almanac_auth_grace_served_total',
      help: 'API token lookups answered from the last good lookup because the store could not be asked.',
      registers: [registry],
    });
  }

  /**
   * The principal a secret stands for; null when unknown, deleted or inactive. Throws
   * StoreUnavailableError when the store cannot be asked and the token was not verified lately.
   */
  async authenticate(secret: string): Promise<Principal | null> {
    const hash = hashSecret(secret);
    const last = this.verified.get(hash);
    if (last && performance.now() - last.at < AUTH_CACHE_MS) return last.principal;
    let principal: Principal | null;
    try {
      principal = await this.health.run(() => this.lookup(hash));
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      if (!last) {
        throw new StoreUnavailableError(`credentials cannot be checked right now (${error.why})`, {
          reason: error.reason,
        });
      }
      this.servedFromGrace.inc();
      return last.principal;
    }
    // Only hits are kept: random secrets must not push valid ones out.
    if (principal) this.verified.set(hash, { principal, at: performance.now() });
    else this.verified.delete(hash);
    return principal;
  }

  async list(tenant: string, namePattern?: string | null): Promise<ApiToken[]> {
    const ids = await this.records.ids(tenant);
    const tokens = (await Promise.all(ids.map((id) => this.find(tenant, id)))).filter(
      (token): token is ApiToken => token !== null,
    );
    const matches = namePattern ? wildcardMatcher(namePattern) : () => true;
    return tokens
      .filter((token) => matches(token.name))
      .sort((a, b) => a.name.localeCompare(b.name) || a.createdAt.getTime() - b.createdAt.getTime());
  }

  find(tenant: string, id: string): Promise<ApiToken | null> {
    return this.records.get(tenant, id);
  }

  async create(tenant: string, input: NewToken): Promise<{ token: ApiToken; secret: string }> {
    checkName(input.name);
    const environmentId = input.environment ? await this.environmentId(tenant, input.environment) : null;
    const secret = newSecret();
    const now = this.clock.now();
    const token: ApiToken = {
      id: randomUUID(),
      tenant,
      name: input.name,
      role: input.role,
      active: input.active ?? true,
      environmentId,
      secretPrefix: shownPrefix(secret),
      createdAt: now,
      updatedAt: now,
    };
    await this.records.create(token, hashSecret(secret));
    return { token, secret };
  }

  async update(tenant: string, id: string, changes: TokenChanges): Promise<ApiToken> {
    const current = await this.find(tenant, id);
    if (!current) throw new NotFoundError(`no API token with id "${id}"`, { id });
    if (changes.name != null) checkName(changes.name);
    const updated: ApiToken = {
      ...current,
      name: changes.name ?? current.name,
      role: changes.role ?? current.role,
      active: changes.active ?? current.active,
      updatedAt: this.clock.now(),
    };
    // Only if the token still exists: a delete racing this update must not be undone.
    if (!(await this.records.update(updated))) throw new NotFoundError(`no API token with id "${id}"`, { id });
    return updated;
  }

  delete(tenant: string, id: string): Promise<boolean> {
    return this.records.remove(tenant, id);
  }

  /** How many of the tenant's tokens belong to an environment. */
  async countInEnvironment(tenant: string, environmentId: string): Promise<number> {
    return (await this.list(tenant)).filter((token) => token.environmentId === environmentId).length;
  }

  private async lookup(hash: string): Promise<Principal | null> {
    const pointer = await this.records.findBySecret(hash);
    if (!pointer) return null;
    const { tenant, id } = pointer;
    const secured = await this.records.getSecured(tenant, id);
    if (!secured || !sameSecret(secured.secretHash, hash)) return null;
    const { token } = secured;
    if (!token.active) return null;
    const environment = token.environmentId ? await this.environments.find(tenant, token.environmentId) : null;
    return {
      kind: 'token',
      id: token.id,
      name: token.name,
      role: token.role,
      tenant,
      environment: environment?.name ?? null,
    };
  }

  private async environmentId(tenant: string, name: string): Promise<string> {
    const environment = await this.environments.findByName(tenant, name);
    if (!environment)
      throw new UserInputError(`no environment named "${name}" in this tenant; create it first`, {
        field: 'environment',
      });
    return environment.id;
  }
}

function checkName(name: string): void {
  if (name.trim() === '' || name.length > MAX_NAME) {
    throw new UserInputError(`a token name must have 1-${MAX_NAME} characters`, { field: 'name' });
  }
}
