/**
 * Bearer JWTs from an OIDC provider (optional): verified with `jose` against the provider's
 * JWKS (fetched and cached by jose, refreshed when an unknown key id appears), with the
 * configured issuer and audience. The role and tenant come from configured claims.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import type { OidcConfig } from '../config/schema.js';
import { BackendUnavailableError, UnauthenticatedError } from '../errors.js';
import type { Principal, Role } from './principal.js';
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
      if (isProviderFailure(error)) {
        throw new BackendUnavailableError('oidc', "the identity provider's keys cannot be fetched right now", {
          cause: error,
        });
      }
      throw new UnauthenticatedError(`the bearer JWT was refused: ${(error as Error).message}`, {}, { cause: error });
    }
    const role = payload[this.config.roleClaim];
    if (typeof role !== 'string' || !ROLES.has(role.toLowerCase())) {
      throw new UnauthenticatedError(
        `the JWT's "${this.config.roleClaim}" claim must be one of viewer, recorder, admin`,
      );
    }
    const tenantClaim = payload[this.config.tenantClaim];
    const tenant = typeof tenantClaim === 'string' ? tenantClaim.toLowerCase() : this.config.defaultTenant;
    if (tenant === undefined)
      throw new UnauthenticatedError(`the JWT has no "${this.config.tenantClaim}" claim naming its tenant`);
    if (!isValidTenant(tenant))
      throw new UnauthenticatedError(`the JWT's "${this.config.tenantClaim}" claim is not a valid tenant name`);
    const subject = payload.sub ?? 'jwt';
    return { kind: 'jwt', id: subject, name: subject, role: role.toLowerCase() as Role, tenant, environment: null };
  }
}

/**
 * Whether verification failed because the provider could not be asked (network, timeout,
 * a JWKS that is not one), rather than because the token is bad. jose's verdicts on tokens
 * carry codes like ERR_JWT_EXPIRED or ERR_JWS_SIGNATURE_VERIFICATION_FAILED.
 */
function isProviderFailure(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_JWKS_TIMEOUT' || code === 'ERR_JWKS_INVALID') return true;
  return typeof code !== 'string' || !code.startsWith('ERR_');
}
