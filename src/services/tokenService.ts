/**
 * API tokens (AppOptics reference): CRUD for admins, and the lookup that authenticates a
 * request. Redis:
 *   {t:<tenant>}:token:<id>         hash: the token's record, with the SHA-256 of its secret
 *   {t:<tenant>}:tokens             set: the tenant's token ids
 *   {g}:token-secret:<sha256>       string "<tenant>/<id>": finds a token from its secret
 * The rule: revoking (deactivating or deleting) must take effect everywhere within
 * AUTH_CACHE_MS, so nothing caches a lookup longer than that.
 */
import { randomUUID } from 'node:crypto';
import type { Principal, Role } from '../auth/principal.js';
import { hashSecret, newSecret, sameSecret, shownPrefix } from '../auth/tokenSecret.js';
import type { Clock } from '../clock.js';
import { wildcardMatcher } from '../domain/wildcard.js';
import { NotFoundError, UserInputError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { EnvironmentService } from './environmentService.js';

export interface ApiToken {
  id: string;
  tenant: string;
  name: string;
  role: Role;
  active: boolean;
  environmentId: string | null;
  secretPrefix: string;
  createdAt: Date;
  updatedAt: Date;
}

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
export const AUTH_CACHE_MS = 1_000;
const AUTH_CACHE_ENTRIES = 10_000;
const MAX_NAME = 255;
const HSET_IF_EXISTS = `if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], unpack(ARGV)) return 1 end return 0`;

export class TokenService {
  /** Secret hash → principal, oldest first (a Map keeps insertion order). */
  private readonly cache = new Map<string, { principal: Principal; expires: number }>();

  constructor(
    private readonly store: Store,
    private readonly environments: EnvironmentService,
    private readonly clock: Clock,
  ) {}

  /** The principal a secret stands for; null when unknown, deleted or inactive. */
  async authenticate(secret: string): Promise<Principal | null> {
    const hash = hashSecret(secret);
    const now = Date.now();
    const cached = this.cache.get(hash);
    if (cached && cached.expires > now) return cached.principal;
    this.cache.delete(hash);
    const principal = await this.lookup(hash);
    // Only hits are cached: random secrets must not push valid ones out (guessing is
    // limited per address before it gets here).
    if (principal) {
      if (this.cache.size >= AUTH_CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(hash, { principal, expires: now + AUTH_CACHE_MS });
    }
    return principal;
  }

  async list(tenant: string, namePattern?: string | null): Promise<ApiToken[]> {
    const ids = await this.store.redis.smembers(this.store.tenantKey(tenant, 'tokens'));
    const tokens = (await Promise.all(ids.map((id) => this.find(tenant, id)))).filter(
      (token): token is ApiToken => token !== null,
    );
    const matches = namePattern ? wildcardMatcher(namePattern) : () => true;
    return tokens
      .filter((token) => matches(token.name))
      .sort((a, b) => a.name.localeCompare(b.name) || a.createdAt.getTime() - b.createdAt.getTime());
  }

  async find(tenant: string, id: string): Promise<ApiToken | null> {
    const record = await this.store.redis.hgetall(this.recordKey(tenant, id));
    return record.id ? toToken(tenant, record) : null;
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
    const hash = hashSecret(secret);
    await this.store.redis
      .multi()
      .hset(this.recordKey(tenant, token.id), { ...toRecord(token), secretHash: hash })
      .sadd(this.store.tenantKey(tenant, 'tokens'), token.id)
      .exec();
    // The index is written last: until it exists the token cannot authenticate.
    await this.store.redis.set(this.store.globalKey('token-secret', hash), `${tenant}/${token.id}`);
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
    const written = await this.store.redis.eval(
      HSET_IF_EXISTS,
      1,
      this.recordKey(tenant, id),
      ...Object.entries(toRecord(updated)).flat(),
    );
    if (written !== 1) throw new NotFoundError(`no API token with id "${id}"`, { id });
    return updated;
  }

  async delete(tenant: string, id: string): Promise<boolean> {
    const hash = await this.store.redis.hget(this.recordKey(tenant, id), 'secretHash');
    if (hash === null) return false;
    // Revoke first: once the index is gone, the secret no longer authenticates.
    await this.store.redis.del(this.store.globalKey('token-secret', hash));
    await this.store.redis
      .multi()
      .del(this.recordKey(tenant, id))
      .srem(this.store.tenantKey(tenant, 'tokens'), id)
      .exec();
    return true;
  }

  /** How many of the tenant's tokens belong to an environment. */
  async countInEnvironment(tenant: string, environmentId: string): Promise<number> {
    return (await this.list(tenant)).filter((token) => token.environmentId === environmentId).length;
  }

  private async lookup(hash: string): Promise<Principal | null> {
    const pointer = await this.store.redis.get(this.store.globalKey('token-secret', hash));
    if (!pointer) return null;
    const [tenant = '', id = ''] = pointer.split('/');
    const record = await this.store.redis.hgetall(this.recordKey(tenant, id));
    if (!record.secretHash || !sameSecret(record.secretHash, hash)) return null;
    const token = toToken(tenant, record);
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

  private recordKey(tenant: string, id: string): string {
    return this.store.tenantKey(tenant, 'token', id);
  }
}

function checkName(name: string): void {
  if (name.trim() === '' || name.length > MAX_NAME) {
    throw new UserInputError(`a token name must have 1-${MAX_NAME} characters`, { field: 'name' });
  }
}

function toRecord(token: ApiToken): Record<string, string> {
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    active: token.active ? '1' : '0',
    environmentId: token.environmentId ?? '',
    secretPrefix: token.secretPrefix,
    createdAt: token.createdAt.toISOString(),
    updatedAt: token.updatedAt.toISOString(),
  };
}

function toToken(tenant: string, record: Record<string, string>): ApiToken {
  return {
    id: record.id ?? '',
    tenant,
    name: record.name ?? '',
    role: (record.role ?? 'viewer') as Role,
    active: record.active === '1',
    environmentId: record.environmentId || null,
    secretPrefix: record.secretPrefix ?? '',
    createdAt: new Date(record.createdAt ?? 0),
    updatedAt: new Date(record.updatedAt ?? 0),
  };
}
