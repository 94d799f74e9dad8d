/**
 * Bearer JWTs from an OIDC provider (optional): verified with `jose` against the provider's
 * JWKS (fetched and cached by jose, refreshed when an unknown key id appears), with the
 * configured issuer and audience. The role and tenant come from configured claims.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { OidcConfig } from '../config/schema.js';
import { UnauthenticatedError } from '../errors.js';
import { DEFAULT_TENANT, type Principal, type Role } from './principal.js';
import { isValidTenant } from './tenancy.js';

const ROLES = new Set<string>(['viewer', 'recorder', 'admin']);

export class JwtVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly config: OidcConfig) {
    this.keys = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
  }

  async verify(jwt: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jwt, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        clockTolerance: 30,
      }));
    } catch (error) {
      throw new UnauthenticatedError(`the bearer JWT was refused: ${(error as Error).message}`, {}, { cause: error });
    }
    const role = payload[this.config.roleClaim];
    if (typeof role !== 'string' || !ROLES.has(role.toLowerCase())) {
      throw new UnauthenticatedError(
        `the JWT's "${this.config.roleClaim}" claim must be one of viewer, recorder, admin`,
      );
    }
    const tenantClaim = payload[this.config.tenantClaim];
    const tenant = typeof tenantClaim === 'string' ? tenantClaim.toLowerCase() : DEFAULT_TENANT;
    if (!isValidTenant(tenant))
      throw new UnauthenticatedError(`the JWT's "${this.config.tenantClaim}" claim is not a valid tenant name`);
    const subject = payload.sub ?? 'jwt';
    return { kind: 'jwt', id: subject, name: subject, role: role.toLowerCase() as Role, tenant, environment: null };
  }
}
