/**
 * API token records in Redis (the AppOptics reference's tokens).
 *
 * Redis:
 *   store.tenantKey(tenant, 'token', id)        hash: the token's record, with the SHA-256 of its
 *                                               secret (`secretHash`)
 *   store.tenantKey(tenant, 'tokens')           set: the tenant's token ids
 *   store.globalKey('token-secret', sha256)     string "<tenant>/<id>": finds a token from its secret
 *
 * The rule: the secret index is what makes a token usable, so it is written after the record
 * and deleted before it. Until it exists a new token cannot authenticate; once it is gone a
 * deleted one no longer does, whatever happens to the rest.
 */
import type { Role } from '../auth/principal.js';
import type { Store } from './store.js';

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

/** A token's record with the hash of its secret, which only authentication reads. */
export interface SecuredToken {
  token: ApiToken;
  secretHash: string;
}

/** KEYS[1] the record; ARGV field/value pairs: HSETs them only while the record exists (1), else 0. */
const HSET_IF_EXISTS_SCRIPT = `if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], unpack(ARGV)) return 1 end return 0`;

interface HsetIfExistsCommand {
  almanacHsetIfExists(key: string, ...fieldsAndValues: string[]): Promise<number>;
}

export class TokenRecords {
  private readonly redis: Store['redis'] & HsetIfExistsCommand;

  constructor(private readonly store: Store) {
    // Sent by its SHA once loaded, as the ingest script is (seriesStore.ts).
    store.redis.defineCommand('almanacHsetIfExists', { numberOfKeys: 1, lua: HSET_IF_EXISTS_SCRIPT });
    this.redis = store.redis as Store['redis'] & HsetIfExistsCommand;
  }

  /** The ids of the tenant's tokens, in no particular order. */
  ids(tenant: string): Promise<string[]> {
    return this.store.redis.smembers(this.idsKey(tenant));
  }

  async get(tenant: string, id: string): Promise<ApiToken | null> {
    const record = await this.store.redis.hgetall(this.recordKey(tenant, id));
    return record.id ? toToken(tenant, record) : null;
  }

  /** The token with its secret's hash; null when there is no record or it has no hash. */
  async getSecured(tenant: string, id: string): Promise<SecuredToken | null> {
    const record = await this.store.redis.hgetall(this.recordKey(tenant, id));
    return record.secretHash ? { token: toToken(tenant, record), secretHash: record.secretHash } : null;
  }

  /** Where the secret with this hash points: a tenant and a token id; null when nowhere. */
  async findBySecret(secretHash: string): Promise<{ tenant: string; id: string } | null> {
    const pointer = await this.store.redis.get(this.secretKey(secretHash));
    if (!pointer) return null;
    const [tenant = '', id = ''] = pointer.split('/');
    return { tenant, id };
  }

  /** Writes a new token and, last, the index that lets its secret authenticate. */
  async create(token: ApiToken, secretHash: string): Promise<void> {
    await this.store.redis
      .multi()
      .hset(this.recordKey(token.tenant, token.id), { ...toRecord(token), secretHash })
      .sadd(this.idsKey(token.tenant), token.id)
      .exec();
    await this.store.redis.set(this.secretKey(secretHash), `${token.tenant}/${token.id}`);
  }

  /** Rewrites the token's fields only if its record still exists (a racing delete wins); false if not. */
  async update(token: ApiToken): Promise<boolean> {
    const fields = Object.entries(toRecord(token)).flat();
    return (await this.redis.almanacHsetIfExists(this.recordKey(token.tenant, token.id), ...fields)) === 1;
  }

  /** Deletes the token, its secret index first; false when it has no record. */
  async remove(tenant: string, id: string): Promise<boolean> {
    const secretHash = await this.store.redis.hget(this.recordKey(tenant, id), 'secretHash');
    if (secretHash === null) return false;
    await this.store.redis.del(this.secretKey(secretHash));
    await this.store.redis.multi().del(this.recordKey(tenant, id)).srem(this.idsKey(tenant), id).exec();
    return true;
  }

  private recordKey(tenant: string, id: string): string {
    return this.store.tenantKey(tenant, 'token', id);
  }

  private idsKey(tenant: string): string {
    return this.store.tenantKey(tenant, 'tokens');
  }

  private secretKey(secretHash: string): string {
    return this.store.globalKey('token-secret', secretHash);
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
